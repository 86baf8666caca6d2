/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the board's reports read from the database (issue 8): small
 * aggregates and the lists behind them, for any run of days. The figures
 * themselves are computed in src/report (sila-report-figures.h).
 *
 * Every call needs report.view. Days are inclusive, in the office's time
 * zone (the local one); rows dated by a day (received_on, decided_on,
 * delivered_on) are compared as days, rows stamped with a time (a file's
 * creation, a contact, a step of a request) by the UTC instants at which
 * those local days begin and end.
 *
 * A request counts in the period it was received; a decision and a
 * delivery count in the period of their own date. */
#pragma once

#include "sila-contact.h"
#include "sila-request.h"
#include "sila-store.h"

G_BEGIN_DECLS

#define SILA_AUDIT_ENTITY_REPORT "report"

/* Tunes the connection for reading a report (memory-mapped I/O, a larger
 * page cache); the report's computation calls it once. */
gboolean   sila_store_report_prepare       (SilaStore        *self,
                                            GError          **error);

/* Beneficiary files opened in the period (by when they were created). */
gboolean   sila_store_report_new_files     (SilaStore        *self,
                                            const SilaActor  *actor,
                                            const GDate      *from,
                                            const GDate      *to,
                                            gint64           *count,
                                            GError          **error);

/* One request in a list of the report: a decision, an overdue request, a
 * delivery. Unused dates are invalid. */
typedef struct {
  char              *number;
  gint64             file_number;
  char              *type;       /* request type code */
  SilaChannel        channel;
  SilaRequestStatus  status;     /* now */
  GDate              received;
  GDate              due;
  GDate              decided;
  SilaRequestStatus  decision;   /* accepted, rejected, or SILA_REQUEST_NONE */
  char              *kind;       /* deliveries: sila_delivery_kind codes */
  gint64             halalas;    /* deliveries: the amount */
} SilaReportRequestLine;

void       sila_report_request_line_free   (SilaReportRequestLine *line);

/* The committee's decisions dated in the period: all of them without
 * their request and file numbers (number NULL), or, with @late_only, those
 * taken after the request's due date, with them, oldest first. */
GPtrArray *sila_store_report_decisions     (SilaStore        *self,
                                            const SilaActor  *actor,
                                            const GDate      *from,
                                            const GDate      *to,
                                            gboolean          late_only,
                                            GError          **error);

/* What the period before needs, cheaply: requests received, and services
 * delivered with their value. */
gboolean   sila_store_report_totals        (SilaStore        *self,
                                            const SilaActor  *actor,
                                            const GDate      *from,
                                            const GDate      *to,
                                            gint64           *received,
                                            gint64           *delivered,
                                            gint64           *halalas,
                                            GError          **error);

/* Requests that were still waiting for the committee's answer at the end
 * of @as_of and past their due date then (received on or before it, not
 * decided by it, not withdrawn by it), the longest overdue first. */
GPtrArray *sila_store_report_overdue       (SilaStore        *self,
                                            const SilaActor  *actor,
                                            const GDate      *as_of,
                                            GError          **error);

/* Services delivered in the period, oldest first. */
GPtrArray *sila_store_report_deliveries    (SilaStore        *self,
                                            const SilaActor  *actor,
                                            const GDate      *from,
                                            const GDate      *to,
                                            GError          **error);

/* Every request received in the period, for the workbook's register: one
 * call of @func per request, in the order received, without keeping them
 * all in memory. @line is only valid during the call; @halalas is the
 * value delivered on it so far. FALSE from @func stops (and the call
 * returns TRUE). */
typedef gboolean (*SilaReportRequestFunc) (const SilaReportRequestLine *line,
                                           const char                  *segment,
                                           gpointer                     user_data);

gboolean   sila_store_report_foreach_request (SilaStore              *self,
                                              const SilaActor        *actor,
                                              const GDate            *from,
                                              const GDate            *to,
                                              SilaReportRequestFunc   func,
                                              gpointer                user_data,
                                              GError                **error);

/* Contacts asked in the period, one entry each. */
typedef struct {
  SilaChannel     channel;
  SilaContactKind kind;
  gint64          answer_seconds;  /* -1 while unanswered */
} SilaReportContact;

GArray    *sila_store_report_contacts      (SilaStore        *self,
                                            const SilaActor  *actor,
                                            const GDate      *from,
                                            const GDate      *to,
                                            GError          **error);

/* Requests referred to social research in the period (steps to
 * "in_research"). */
gboolean   sila_store_report_referred_requests (SilaStore        *self,
                                                const SilaActor  *actor,
                                                const GDate      *from,
                                                const GDate      *to,
                                                gint64           *count,
                                                GError          **error);

/* The suggestions and complaints register for the period. */
typedef struct {
  gint64 suggestions;   /* received in the period */
  gint64 complaints;
  gint64 answered;      /* answered in the period, whenever received */
  gint64 overdue;       /* open at the end of @as_of and past their due date */
} SilaReportFeedbackCounts;

gboolean   sila_store_report_feedback      (SilaStore                *self,
                                            const SilaActor          *actor,
                                            const GDate              *from,
                                            const GDate              *to,
                                            const GDate              *as_of,
                                            SilaReportFeedbackCounts *counts,
                                            GError                  **error);

/* Items received in the period, for the report's list: the register's
 * number, kind, channel, dates, status and what was said (never who said
 * it). */
typedef struct {
  gint64  number;
  char   *kind;         /* suggestion, complaint */
  char   *channel;      /* a channel code, or NULL */
  char   *status;       /* new, in_progress, answered, closed */
  GDate   received;
  GDate   due;
  GDate   answered;
  char   *description;
} SilaReportFeedbackLine;

void       sila_report_feedback_line_free  (SilaReportFeedbackLine *line);
GPtrArray *sila_store_report_feedback_list (SilaStore        *self,
                                            const SilaActor  *actor,
                                            const GDate      *from,
                                            const GDate      *to,
                                            GError          **error);

/* The board's approval of a period's report, with the figures it
 * approved. */
typedef struct {
  char  *id;
  char  *period;            /* sila_period_to_code() */
  GDate  start;
  GDate  end;
  char  *approved_by;       /* as the board's minutes name them */
  GDate  approved_on;
  char  *decision_number;
  char  *figures_json;      /* the approved copy (sila-report-figures.h) */
  char  *recorded_by;       /* the staff member who recorded it */
  char  *recorded_by_name;
  char  *recorded_at;
} SilaReportApproval;

SilaReportApproval *sila_report_approval_new  (void);
void                sila_report_approval_free (SilaReportApproval *approval);

/* Records @approval (report.approve): its id, recorder and time are set
 * here. A period may be approved again (after corrections); the newest
 * approval is the one that counts. INVALID for a missing approver or
 * decision number, an approval dated in the future or before the period
 * began, or no figures. */
gboolean   sila_store_record_report_approval (SilaStore          *self,
                                              const SilaActor    *actor,
                                              SilaReportApproval *approval,
                                              GError            **error);
/* The newest approval of @period (its code), or NULL with @error unset
 * when it has none. */
SilaReportApproval *sila_store_get_report_approval (SilaStore        *self,
                                                    const SilaActor  *actor,
                                                    const char       *period,
                                                    GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SilaReportRequestLine, sila_report_request_line_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SilaReportFeedbackLine, sila_report_feedback_line_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SilaReportApproval, sila_report_approval_free)

G_END_DECLS
