/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Survey results for a period: the number of responses, the mean of every
 * rating, CSAT and NPS, yes/no shares, choice distributions and free-text
 * answers, broken down by channel, request type and month, with the
 * small-group rule applied. Computed from the store's running counts; the
 * Surveys page, the dashboard, the reports and `sila survey results` all
 * read the same figures, and draw them with the same charts.
 *
 * Definitions:
 *   CSAT  the share of answers of 4 or 5 to `overall`, in percent;
 *   NPS   the percent of 9 and 10 minus the percent of 0 to 6 on
 *         `recommend` (from −100 to 100).
 * Both are NaN (null in JSON, "—" on screen) when nobody answered. */
#pragma once

#include "sila-chart.h"
#include "sila-store-surveys.h"
#include "sila-survey.h"

G_BEGIN_DECLS

typedef struct {
  SilaSurveyQuestion *question;
  gint64              answered;
  double              mean;           /* numeric kinds; NaN when none */
  gint64              counts[11];     /* answers of each value, 0–10 */
  gint64             *choice_counts;  /* per choice of question->choices */
} SilaSurveyQuestionResult;

typedef struct {
  char     *key;        /* the channel or request type code, or "YYYY-MM"; "" for none */
  gint64    responses;
  gboolean  hidden;     /* fewer than SILA_SURVEY_MIN_GROUP responses (or needed
                         * to keep such a group from being worked out) */
  double    csat;       /* NaN when hidden or nobody answered */
  double    nps;
  double    overall;    /* mean of `overall` */
} SilaSurveyGroupResult;

typedef struct {
  GDate      from;
  GDate      to;
  gint64     responses;
  double     csat;
  gint64     csat_answered;
  double     nps;
  gint64     nps_answered;
  gint64     promoters;    /* 9–10 */
  gint64     passives;     /* 7–8 */
  gint64     detractors;   /* 0–6 */
  GPtrArray *questions;    /* SilaSurveyQuestionResult, in template order */
  GPtrArray *by_channel;   /* SilaSurveyGroupResult */
  GPtrArray *by_request_type;
  GPtrArray *by_month;
  GPtrArray *texts;        /* SilaSurveyText, newest first */
} SilaSurveyResults;

/* CSAT and NPS from the number of answers of each value (indexes 0–5 for
 * `overall`, 0–10 for `recommend`), unrounded; NaN when there are none. */
double             sila_survey_csat_from_counts (const gint64           counts[6]);
double             sila_survey_nps_from_counts  (const gint64           counts[11]);
/* Applies the small-group rule to a breakdown, in place: a group of fewer
 * than SILA_SURVEY_MIN_GROUP responses is hidden, and when the hidden ones
 * add up to fewer than that, the smallest shown groups are hidden too, so
 * that no hidden group can be worked out from the total. */
void               sila_survey_apply_small_group_rule (GPtrArray        *groups);

/* @texts_limit: how many free-text answers to fetch (0: none). Needs
 * survey.results. */
SilaSurveyResults *sila_survey_results_compute  (SilaStore              *store,
                                                 const SilaActor        *actor,
                                                 const GDate            *from,
                                                 const GDate            *to,
                                                 guint                   texts_limit,
                                                 GError                **error);
void               sila_survey_results_free     (SilaSurveyResults      *results);
const SilaSurveyQuestionResult *
                   sila_survey_results_find     (const SilaSurveyResults *results,
                                                 const char             *code);

/* The command line's form, which scripts rely on:
 * {"responses": N, "csat": X, "nps": Y,
 *  "questions": {"CODE": {"answered": N, "mean": M}, …}}
 * percentages rounded to one decimal, means to two, null for none. */
char              *sila_survey_results_to_json  (const SilaSurveyResults *results);

/* Charts, drawn by SilaChart on screen, in print and in PDFs. Labels are
 * in the UI language. */
SilaChart         *sila_survey_chart_means      (const SilaSurveyResults *results);
SilaChart         *sila_survey_chart_nps        (const SilaSurveyResults *results);
SilaChart         *sila_survey_chart_groups     (const SilaSurveyResults *results,
                                                 SilaSurveyGroup          group);
SilaChart         *sila_survey_chart_question   (const SilaSurveyResults *results,
                                                 const char              *code);

/* The name of a breakdown's group for display: a channel's name, a month's,
 * or the code. */
char              *sila_survey_group_label      (SilaSurveyGroup          group,
                                                 const char              *key);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SilaSurveyResults, sila_survey_results_free)

G_END_DECLS
