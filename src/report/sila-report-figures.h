/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The figures of the board's report for a period (issue 8), computed from
 * the store's aggregates. The Reports page, the dashboard, the workbook,
 * the printed report and `sila report` all show these, and nothing else.
 *
 * Definitions (README.md, "Reports for the board"):
 *  - a request counts in the period it was received; a decision and a
 *    delivery count in the period of their own date;
 *  - acceptance rate: accepted ÷ (accepted + rejected) decided in the
 *    period, in percent (0–100);
 *  - days to a decision: its date minus the day the request was received;
 *    the median of the decisions in the period (the mean of the two middle
 *    ones when they are even), and the 90th percentile by nearest rank (the
 *    smallest value at least 90 % of decisions do not exceed);
 *  - decided late: a decision dated after the request's due date;
 *  - overdue: requests still waiting for the committee at the end of the
 *    period (or today, for a period not over yet) and past their due date;
 *  - outreach: contacts logged in the period for items of the daily list
 *    (sila-outreach.h), per reason; the share that reached the person;
 *    the median days from the day an item's reason began to its contact;
 *  - money is held in halalas (gint64) all the way; riyals only on paper;
 *  - satisfaction: the surveys' CSAT and NPS (sila-survey-results.h); a
 *    question's mean is shown only when it has at least
 *    SILA_SURVEY_MIN_GROUP answers, and a channel only when it has that
 *    many responses (the small-group rule).
 *
 * Undefined values (a rate with nothing decided, a median of nothing) are
 * NaN, shown "—". */
#pragma once

#include "sila-period.h"
#include "sila-store-report.h"
#include "sila-survey-results.h"

G_BEGIN_DECLS

/* The headline figures, in the order the summary lists them. */
typedef enum {
  SILA_FIGURE_REQUESTS_RECEIVED,
  SILA_FIGURE_NEW_FILES,
  SILA_FIGURE_DECIDED,
  SILA_FIGURE_ACCEPTED,
  SILA_FIGURE_REJECTED,
  SILA_FIGURE_ACCEPTANCE_RATE,
  SILA_FIGURE_MEDIAN_DAYS,
  SILA_FIGURE_P90_DAYS,
  SILA_FIGURE_DECIDED_LATE,
  SILA_FIGURE_OVERDUE,
  SILA_FIGURE_SERVICES_DELIVERED,
  SILA_FIGURE_SERVICES_VALUE,
  SILA_FIGURE_CONTACTS,
  SILA_FIGURE_INQUIRIES,
  SILA_FIGURE_ANSWER_HOURS,
  SILA_FIGURE_REFERRALS,
  SILA_FIGURE_SURVEY_RESPONSES,
  SILA_FIGURE_CSAT,
  SILA_FIGURE_NPS,
  SILA_FIGURE_SUGGESTIONS,
  SILA_FIGURE_COMPLAINTS,
  SILA_FIGURE_FEEDBACK_ANSWERED,
  SILA_FIGURE_FEEDBACK_OVERDUE,
  SILA_FIGURE_OUTREACH_CONTACTS,
  SILA_FIGURE_OUTREACH_REACHED,
  SILA_FIGURE_OUTREACH_DAYS,
  SILA_N_FIGURES
} SilaFigure;

typedef enum {
  SILA_FIGURE_KIND_COUNT,    /* a whole number */
  SILA_FIGURE_KIND_MONEY,    /* halalas */
  SILA_FIGURE_KIND_PERCENT,  /* 0–100 */
  SILA_FIGURE_KIND_SCORE,    /* NPS: −100–100 */
  SILA_FIGURE_KIND_DAYS,
  SILA_FIGURE_KIND_HOURS,
} SilaFigureKind;

/* Counts and money in @count; the others in @value (NaN when undefined). */
typedef struct {
  gint64 count;
  double value;
} SilaFigureValue;

const char     *sila_figure_to_key       (SilaFigure figure);
/* The label in the UI language; in English the summary's labels are
 * exactly "Requests received", "Accepted", "Rejected", "Acceptance rate",
 * "Services delivered value", "New files", "Survey responses", "CSAT",
 * "NPS", …. */
const char     *sila_figure_to_label     (SilaFigure figure);
SilaFigureKind  sila_figure_get_kind     (SilaFigure figure);

/* One line of a breakdown: what it holds depends on the breakdown. */
typedef struct {
  char     *key;        /* a code; "" for none */
  char     *label;      /* in the UI language */
  gint64    count;      /* requests, decisions, services, contacts, responses,
                         * answers */
  gint64    halalas;    /* services: their value */
  gint64    accepted;   /* decisions */
  gint64    rejected;
  gint64    inquiries;  /* contacts: inquiries among them */
  gint64    answered;   /* contacts: answered ones */
  double    median;     /* contacts: median hours to answer; decisions: days */
  double    mean;       /* survey questions: the mean answer */
  double    csat;       /* survey channels */
  double    nps;
  gboolean  hidden;     /* withheld by the small-group rule */
} SilaReportItem;

/* A request received in the period, as the workbook's register lists it. */
typedef struct {
  char              *number;
  gint64             file_number;
  const char        *type;       /* interned code */
  SilaChannel        channel;
  SilaRequestStatus  status;     /* now */
  GDate              received;
  GDate              due;
  GDate              decided;    /* invalid: not decided */
  SilaRequestStatus  decision;   /* or SILA_REQUEST_NONE */
  const char        *segment;    /* interned code, "" for none */
  gint64             halalas;    /* delivered on it so far */
} SilaReportRegisterRow;

typedef struct {
  SilaPeriod       period;
  gboolean         has_previous;
  SilaPeriod       previous_period;
  GDate            as_of;                /* overdue counts at the end of this day */

  SilaFigureValue  figures[SILA_N_FIGURES];
  SilaFigureValue  previous[SILA_N_FIGURES];

  /* Requests received, by what they are now (SilaReportItem). */
  GPtrArray       *by_status;
  GPtrArray       *by_type;
  GPtrArray       *by_channel;
  GPtrArray       *by_segment;
  /* Decisions dated in the period, by request type. */
  GPtrArray       *decisions_by_type;
  /* Services delivered in the period, by request type and by form. */
  GPtrArray       *services_by_type;
  GPtrArray       *services_by_kind;
  /* Contacts asked in the period, by channel. */
  GPtrArray       *contacts_by_channel;
  /* Contacts made for the daily outreach list, by reason: count,
   * answered = reached the person, median = days from the item's
   * appearance to its contact. */
  GPtrArray       *outreach_by_reason;
  /* Satisfaction: every question's mean, and responses by channel. */
  GPtrArray       *survey_questions;
  GPtrArray       *survey_by_channel;

  /* Every request received in the period (SilaReportRegisterRow), in the
   * order received. */
  GArray          *requests;
  /* Lists (SilaReportRequestLine). */
  GPtrArray       *decided_late;
  GPtrArray       *overdue;
  GPtrArray       *deliveries;
  GPtrArray       *feedback;             /* SilaReportFeedbackLine */

  /* For the approval block. */
  char            *association;
  char            *prepared_by;          /* the display name of who made it */
  SilaReportApproval *approval;          /* the newest, or NULL */
  GPtrArray       *changes;              /* SilaReportChange, since approval */
} SilaReportFigures;

/* What changed since the board approved the period's report. */
typedef struct {
  char *label;      /* the figure or line, in the UI language */
  char *approved;   /* as approved, for reading */
  char *now;        /* as it is now */
} SilaReportChange;

void               sila_report_change_free      (SilaReportChange *change);

/* Computes the figures of @period (report.view; satisfaction needs
 * survey.results, which the same roles hold), the previous period's
 * headline figures, and the approval with what changed since. */
SilaReportFigures *sila_report_figures_compute  (SilaStore          *store,
                                                 const SilaActor    *actor,
                                                 const SilaPeriod   *period,
                                                 GError            **error);
void               sila_report_figures_free     (SilaReportFigures  *figures);

/* Median and 90th percentile (nearest rank) of @values (sorted in place);
 * NaN for none. */
double             sila_report_median           (double            *values,
                                                 guint              n);
double             sila_report_percentile       (double            *values,
                                                 guint              n,
                                                 double             percent);

/* The headline figure, as text for reading in the UI language: "1,234",
 * "SAR 1,234.50", "66.7%", "+12.5", "4.5 days", "—". */
char              *sila_report_format_figure    (SilaFigure         figure,
                                                 const SilaFigureValue *value);
/* The change from the previous period, as text ("+12", "−3.5", "—"). */
char              *sila_report_format_change    (SilaFigure         figure,
                                                 const SilaFigureValue *now,
                                                 const SilaFigureValue *before);
/* A figure as a number for a workbook: riyals for money, counts as they
 * are, rates rounded to one decimal; FALSE when undefined. */
gboolean           sila_report_figure_number    (SilaFigure         figure,
                                                 const SilaFigureValue *value,
                                                 double            *number);

/* The copy of the figures the board approves: JSON holding every headline
 * figure and every line of the breakdowns, by key. */
char              *sila_report_figures_to_json  (const SilaReportFigures *figures);
/* What differs between an approved copy and @figures, in the UI language
 * (SilaReportChange); empty when nothing does. */
GPtrArray         *sila_report_figures_compare  (const SilaReportFigures *figures,
                                                 const char              *approved_json);

/* The period's two titles: in its own calendar, and in the other one
 * ("رمضان ١٤٤٧ هـ" and "١٨ فبراير – ١٩ مارس ٢٠٢٦ م"). */
char              *sila_report_period_title     (const SilaPeriod  *period);
char              *sila_report_period_other     (const SilaPeriod  *period);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SilaReportFigures, sila_report_figures_free)

G_END_DECLS
