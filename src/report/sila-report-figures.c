/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Computing the figures of the board's report from the store's
 * aggregates. */
#define G_LOG_DOMAIN "sila-report"

#include "sila-config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "sila-audit.h"
#include "sila-clock.h"
#include "sila-report-figures.h"
#include "sila-report-outreach.h"
#include "sila-store-beneficiaries.h"
#include "sila-store-requests.h"

static const struct {
  SilaFigure      figure;
  const char     *key;
  const char     *label;
  SilaFigureKind  kind;
} figures_info[SILA_N_FIGURES] = {
  { SILA_FIGURE_REQUESTS_RECEIVED, "requests_received", NC_("report figure", "Requests received"),
    SILA_FIGURE_KIND_COUNT },
  { SILA_FIGURE_NEW_FILES, "new_files", NC_("report figure", "New files"), SILA_FIGURE_KIND_COUNT },
  { SILA_FIGURE_DECIDED, "decided", NC_("report figure", "Requests decided"), SILA_FIGURE_KIND_COUNT },
  { SILA_FIGURE_ACCEPTED, "accepted", NC_("report figure", "Accepted"), SILA_FIGURE_KIND_COUNT },
  { SILA_FIGURE_REJECTED, "rejected", NC_("report figure", "Rejected"), SILA_FIGURE_KIND_COUNT },
  { SILA_FIGURE_ACCEPTANCE_RATE, "acceptance_rate", NC_("report figure", "Acceptance rate"),
    SILA_FIGURE_KIND_PERCENT },
  { SILA_FIGURE_MEDIAN_DAYS, "median_days", NC_("report figure", "Days from receipt to decision (median)"),
    SILA_FIGURE_KIND_DAYS },
  { SILA_FIGURE_P90_DAYS, "p90_days", NC_("report figure", "Days from receipt to decision (90th percentile)"),
    SILA_FIGURE_KIND_DAYS },
  { SILA_FIGURE_DECIDED_LATE, "decided_late", NC_("report figure", "Decided after the answer window"),
    SILA_FIGURE_KIND_COUNT },
  { SILA_FIGURE_OVERDUE, "overdue", NC_("report figure", "Overdue, still waiting"), SILA_FIGURE_KIND_COUNT },
  { SILA_FIGURE_SERVICES_DELIVERED, "services_delivered", NC_("report figure", "Services delivered"),
    SILA_FIGURE_KIND_COUNT },
  { SILA_FIGURE_SERVICES_VALUE, "services_value", NC_("report figure", "Services delivered value"),
    SILA_FIGURE_KIND_MONEY },
  { SILA_FIGURE_CONTACTS, "contacts", NC_("report figure", "Contacts"), SILA_FIGURE_KIND_COUNT },
  { SILA_FIGURE_INQUIRIES, "inquiries", NC_("report figure", "Inquiries"), SILA_FIGURE_KIND_COUNT },
  { SILA_FIGURE_ANSWER_HOURS, "answer_hours", NC_("report figure", "Hours to answer a contact (median)"),
    SILA_FIGURE_KIND_HOURS },
  { SILA_FIGURE_REFERRALS, "referrals", NC_("report figure", "Referrals to social research"),
    SILA_FIGURE_KIND_COUNT },
  { SILA_FIGURE_SURVEY_RESPONSES, "survey_responses", NC_("report figure", "Survey responses"),
    SILA_FIGURE_KIND_COUNT },
  { SILA_FIGURE_CSAT, "csat", NC_("report figure", "CSAT"), SILA_FIGURE_KIND_PERCENT },
  { SILA_FIGURE_NPS, "nps", NC_("report figure", "NPS"), SILA_FIGURE_KIND_SCORE },
  { SILA_FIGURE_SUGGESTIONS, "suggestions", NC_("report figure", "Suggestions received"),
    SILA_FIGURE_KIND_COUNT },
  { SILA_FIGURE_COMPLAINTS, "complaints", NC_("report figure", "Complaints received"), SILA_FIGURE_KIND_COUNT },
  { SILA_FIGURE_FEEDBACK_ANSWERED, "feedback_answered",
    NC_("report figure", "Suggestions and complaints answered"), SILA_FIGURE_KIND_COUNT },
  { SILA_FIGURE_FEEDBACK_OVERDUE, "feedback_overdue",
    NC_("report figure", "Suggestions and complaints overdue"), SILA_FIGURE_KIND_COUNT },
  { SILA_FIGURE_OUTREACH_CONTACTS, "outreach_contacts",
    NC_("report figure", "Outreach contacts made"), SILA_FIGURE_KIND_COUNT },
  { SILA_FIGURE_OUTREACH_REACHED, "outreach_reached",
    NC_("report figure", "Outreach contacts that reached the person"), SILA_FIGURE_KIND_PERCENT },
  { SILA_FIGURE_OUTREACH_DAYS, "outreach_days",
    NC_("report figure", "Days from an outreach item to its contact (median)"),
    SILA_FIGURE_KIND_DAYS },
};

const char *
sila_figure_to_key (SilaFigure figure)
{
  g_return_val_if_fail (figure < SILA_N_FIGURES, NULL);
  g_assert (figures_info[figure].figure == figure);

  return figures_info[figure].key;
}

const char *
sila_figure_to_label (SilaFigure figure)
{
  g_return_val_if_fail (figure < SILA_N_FIGURES, NULL);

  return g_dpgettext2 (GETTEXT_PACKAGE, "report figure", figures_info[figure].label);
}

SilaFigureKind
sila_figure_get_kind (SilaFigure figure)
{
  g_return_val_if_fail (figure < SILA_N_FIGURES, SILA_FIGURE_KIND_COUNT);

  return figures_info[figure].kind;
}

/* Breakdowns */

static void
item_free (SilaReportItem *item)
{
  g_free (item->key);
  g_free (item->label);
  g_free (item);
}

static GPtrArray *
new_items (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify)item_free);
}

static SilaReportItem *
new_item (GPtrArray  *items,
          const char *key,
          const char *label)
{
  SilaReportItem *item = g_new0 (SilaReportItem, 1);

  item->key = g_strdup (key != NULL ? key : "");
  item->label = g_strdup (label != NULL ? label : item->key);
  item->median = NAN;
  item->mean = NAN;
  item->csat = NAN;
  item->nps = NAN;
  g_ptr_array_add (items, item);
  return item;
}

static SilaReportItem *
find_item (GPtrArray  *items,
           const char *key)
{
  for (guint i = 0; i < items->len; i++)
    {
      SilaReportItem *item = g_ptr_array_index (items, i);

      if (g_str_equal (item->key, key))
        return item;
    }
  return NULL;
}

/* Drops lines with nothing in them. */
static void
drop_empty (GPtrArray *items)
{
  for (guint i = items->len; i > 0; i--)
    {
      SilaReportItem *item = g_ptr_array_index (items, i - 1);

      if (item->count == 0)
        g_ptr_array_remove_index (items, i - 1);
    }
}

/* The names of the office's lists, to label the breakdowns. */
typedef struct {
  GPtrArray *types;      /* SilaTypeEntry */
  GPtrArray *segments;   /* SilaSegment */
} Names;

static void
names_clear (Names *names)
{
  g_clear_pointer (&names->types, g_ptr_array_unref);
  g_clear_pointer (&names->segments, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Names, names_clear)

/* The list's entries as empty lines, in the list's order, so that the
 * breakdowns read in the office's own order. */
static GPtrArray *
type_items (const Names *names)
{
  GPtrArray *items = new_items ();

  for (guint i = 0; i < names->types->len; i++)
    {
      const SilaTypeEntry *t = g_ptr_array_index (names->types, i);

      new_item (items, t->code, sila_type_entry_get_display (t));
    }
  return items;
}

static SilaReportItem *
type_item (GPtrArray  *items,
           const char *code)
{
  SilaReportItem *item = find_item (items, code);

  return item != NULL ? item : new_item (items, code, code);
}

/* The work of one period. */
typedef struct {
  SilaStore         *store;
  const SilaActor   *actor;
  const Names       *names;
  SilaReportFigures *out;       /* breakdowns and lists go here, or NULL */
  SilaFigureValue   *figures;
} Work;

static void
set_count (Work       *work,
           SilaFigure  figure,
           gint64      count)
{
  work->figures[figure].count = count;
  work->figures[figure].value = (double)count;
}

static void
set_value (Work       *work,
           SilaFigure  figure,
           double      value)
{
  work->figures[figure].value = value;
}

static void
register_row_clear (SilaReportRegisterRow *row)
{
  g_free (row->number);
}

typedef struct {
  SilaReportFigures *out;
  GHashTable        *types;     /* code → SilaReportItem of by_type */
  GHashTable        *segments;  /* code → SilaReportItem of by_segment */
} Scan;

static gboolean
scan_request (const SilaReportRequestLine *line,
              const char                  *segment,
              gpointer                     user_data)
{
  Scan *scan = user_data;
  SilaReportFigures *out = scan->out;
  SilaReportRegisterRow row = { 0 };
  SilaReportItem *item;

  row.number = g_strdup (line->number);
  row.file_number = line->file_number;
  row.type = g_intern_string (line->type);
  row.channel = line->channel;
  row.status = line->status;
  row.received = line->received;
  row.due = line->due;
  row.decided = line->decided;
  row.decision = line->decision;
  row.segment = g_intern_string (segment != NULL ? segment : "");
  row.halalas = line->halalas;
  g_array_append_val (out->requests, row);

  if (line->status >= 0)
    ((SilaReportItem *)g_ptr_array_index (out->by_status, line->status))->count++;
  ((SilaReportItem *)g_ptr_array_index (out->by_channel, line->channel))->count++;
  item = g_hash_table_lookup (scan->types, row.type);
  if (item == NULL)
    {
      item = new_item (out->by_type, row.type, row.type);
      g_hash_table_insert (scan->types, item->key, item);
    }
  item->count++;
  item = g_hash_table_lookup (scan->segments, row.segment);
  if (item == NULL)
    {
      item = new_item (out->by_segment, row.segment, row.segment);
      g_hash_table_insert (scan->segments, item->key, item);
    }
  item->count++;
  return TRUE;
}

static gboolean
count_requests (Work              *work,
                const SilaPeriod  *period,
                GError           **error)
{
  SilaReportFigures *out = work->out;
  gint64 total = 0;

  /* The period before needs the totals only. */
  if (out == NULL)
    {
      gint64 received, delivered, halalas;

      if (!sila_store_report_totals (work->store, work->actor, &period->start, &period->end,
                                     &received, &delivered, &halalas, error))
        return FALSE;
      set_count (work, SILA_FIGURE_REQUESTS_RECEIVED, received);
      set_count (work, SILA_FIGURE_SERVICES_DELIVERED, delivered);
      work->figures[SILA_FIGURE_SERVICES_VALUE].count = halalas;
      work->figures[SILA_FIGURE_SERVICES_VALUE].value = (double)halalas / 100;
      return TRUE;
    }

  out->by_status = new_items ();
  for (int s = 0; s < SILA_N_REQUEST_STATUSES; s++)
    new_item (out->by_status, sila_request_status_to_code (s), sila_request_status_to_display (s));
  out->by_type = type_items (work->names);
  out->by_channel = new_items ();
  for (int c = 0; c < SILA_N_CHANNELS; c++)
    new_item (out->by_channel, sila_channel_to_code (c), sila_channel_to_display (c));
  out->by_segment = new_items ();
  for (guint i = 0; i < work->names->segments->len; i++)
    {
      const SilaSegment *s = g_ptr_array_index (work->names->segments, i);

      new_item (out->by_segment, s->code, sila_segment_get_display (s));
    }
  new_item (out->by_segment, "", _("No segment recorded"));

  /* One pass over the month's requests gives the breakdowns and the
   * register the workbook lists, without reading them twice. */
  {
    Scan scan = { out, g_hash_table_new (g_str_hash, g_str_equal),
                  g_hash_table_new (g_str_hash, g_str_equal) };
    gboolean ok;

    for (guint i = 0; i < out->by_type->len; i++)
      {
        SilaReportItem *item = g_ptr_array_index (out->by_type, i);

        g_hash_table_insert (scan.types, item->key, item);
      }
    for (guint i = 0; i < out->by_segment->len; i++)
      {
        SilaReportItem *item = g_ptr_array_index (out->by_segment, i);

        g_hash_table_insert (scan.segments, item->key, item);
      }
    out->requests = g_array_new (FALSE, TRUE, sizeof (SilaReportRegisterRow));
    g_array_set_clear_func (out->requests, (GDestroyNotify)register_row_clear);
    ok = sila_store_report_foreach_request (work->store, work->actor, &period->start,
                                            &period->end, scan_request, &scan, error);
    g_hash_table_unref (scan.types);
    g_hash_table_unref (scan.segments);
    if (!ok)
      return FALSE;
    total = out->requests->len;
  }

  /* Every channel of the policy is shown, even unused: that is news too. */
  drop_empty (out->by_status);
  drop_empty (out->by_type);
  drop_empty (out->by_segment);

  set_count (work, SILA_FIGURE_REQUESTS_RECEIVED, total);
  return TRUE;
}

static gboolean
count_decisions (Work              *work,
                 const SilaPeriod  *period,
                 const GDate       *as_of,
                 GError           **error)
{
  g_autoptr(GPtrArray) lines = sila_store_report_decisions (work->store, work->actor,
                                                            &period->start, &period->end,
                                                            FALSE, error);
  g_autofree double *days = NULL;
  g_autoptr(GPtrArray) overdue = NULL;
  SilaReportFigures *out = work->out;
  gint64 accepted = 0, rejected = 0, late = 0;

  if (lines == NULL)
    return FALSE;

  if (out != NULL)
    {
      out->decisions_by_type = type_items (work->names);
      out->decided_late = sila_store_report_decisions (work->store, work->actor, &period->start,
                                                       &period->end, TRUE, error);
      if (out->decided_late == NULL)
        return FALSE;
    }

  days = g_new (double, MAX (lines->len, 1));
  for (guint i = 0; i < lines->len; i++)
    {
      SilaReportRequestLine *line = g_ptr_array_index (lines, i);
      gboolean is_late = g_date_valid (&line->due) &&
                         g_date_compare (&line->decided, &line->due) > 0;

      days[i] = g_date_days_between (&line->received, &line->decided);
      if (line->decision == SILA_REQUEST_ACCEPTED)
        accepted++;
      else
        rejected++;
      late += is_late;

      if (out == NULL)
        continue;
      {
        SilaReportItem *item = type_item (out->decisions_by_type, line->type);

        item->count++;
        if (line->decision == SILA_REQUEST_ACCEPTED)
          item->accepted++;
        else
          item->rejected++;
      }

    }

  set_count (work, SILA_FIGURE_DECIDED, accepted + rejected);
  set_count (work, SILA_FIGURE_ACCEPTED, accepted);
  set_count (work, SILA_FIGURE_REJECTED, rejected);
  set_count (work, SILA_FIGURE_DECIDED_LATE, late);
  set_value (work, SILA_FIGURE_ACCEPTANCE_RATE,
             accepted + rejected > 0 ? 100.0 * (double)accepted / (double)(accepted + rejected)
                                     : NAN);
  set_value (work, SILA_FIGURE_P90_DAYS,
             sila_report_percentile (days, (guint)(accepted + rejected), 90));
  set_value (work, SILA_FIGURE_MEDIAN_DAYS, sila_report_median (days, (guint)(accepted + rejected)));

  if (out != NULL)
    drop_empty (out->decisions_by_type);

  overdue = sila_store_report_overdue (work->store, work->actor, as_of, error);
  if (overdue == NULL)
    return FALSE;
  set_count (work, SILA_FIGURE_OVERDUE, overdue->len);
  if (out != NULL)
    out->overdue = g_steal_pointer (&overdue);

  return TRUE;
}

static gboolean
count_services (Work              *work,
                const SilaPeriod  *period,
                GError           **error)
{
  g_autoptr(GPtrArray) lines = NULL;
  SilaReportFigures *out = work->out;
  gint64 halalas = 0;

  /* The period before: its totals came with the requests'. */
  if (out == NULL)
    return TRUE;

  lines = sila_store_report_deliveries (work->store, work->actor, &period->start, &period->end,
                                        error);
  if (lines == NULL)
    return FALSE;

  if (out != NULL)
    {
      const char * const *kinds = sila_delivery_kind_codes ();

      out->services_by_type = type_items (work->names);
      out->services_by_kind = new_items ();
      for (guint i = 0; kinds[i] != NULL; i++)
        new_item (out->services_by_kind, kinds[i], sila_delivery_kind_to_display (kinds[i]));
    }

  for (guint i = 0; i < lines->len; i++)
    {
      const SilaReportRequestLine *line = g_ptr_array_index (lines, i);

      halalas += line->halalas;
      if (out == NULL)
        continue;

      {
        SilaReportItem *by_type = type_item (out->services_by_type, line->type);
        SilaReportItem *by_kind = find_item (out->services_by_kind, line->kind);

        if (by_kind == NULL)
          by_kind = new_item (out->services_by_kind, line->kind,
                              sila_delivery_kind_to_display (line->kind));
        by_type->count++;
        by_type->halalas += line->halalas;
        by_kind->count++;
        by_kind->halalas += line->halalas;
      }
    }

  set_count (work, SILA_FIGURE_SERVICES_DELIVERED, lines->len);
  work->figures[SILA_FIGURE_SERVICES_VALUE].count = halalas;
  work->figures[SILA_FIGURE_SERVICES_VALUE].value = (double)halalas / 100;

  if (out != NULL)
    {
      drop_empty (out->services_by_type);
      drop_empty (out->services_by_kind);
      out->deliveries = g_steal_pointer (&lines);
    }
  return TRUE;
}

static gboolean
count_contacts (Work              *work,
                const SilaPeriod  *period,
                GError           **error)
{
  g_autoptr(GArray) contacts = sila_store_report_contacts (work->store, work->actor,
                                                           &period->start, &period->end,
                                                           error);
  g_autofree double *all = NULL;
  g_autofree double *per_channel = NULL;
  guint n_all = 0;
  gint64 inquiries = 0, referrals = 0, referred_requests = 0;
  SilaReportFigures *out = work->out;

  if (contacts == NULL ||
      !sila_store_report_referred_requests (work->store, work->actor, &period->start,
                                            &period->end, &referred_requests, error))
    return FALSE;

  all = g_new (double, MAX (contacts->len, 1));
  per_channel = g_new (double, MAX (contacts->len, 1));
  if (out != NULL)
    out->contacts_by_channel = new_items ();

  for (int c = 0; c < SILA_N_CHANNELS; c++)
    {
      SilaReportItem *item = NULL;
      guint n = 0;

      if (out != NULL)
        item = new_item (out->contacts_by_channel, sila_channel_to_code (c),
                         sila_channel_to_display (c));
      for (guint i = 0; i < contacts->len; i++)
        {
          const SilaReportContact *contact = &g_array_index (contacts, SilaReportContact, i);

          if (contact->channel != (SilaChannel)c)
            continue;
          if (item != NULL)
            {
              item->count++;
              item->inquiries += contact->kind == SILA_CONTACT_INQUIRY;
              item->answered += contact->answer_seconds >= 0;
            }
          if (contact->answer_seconds >= 0)
            {
              per_channel[n++] = contact->answer_seconds / 3600.0;
              all[n_all++] = contact->answer_seconds / 3600.0;
            }
          inquiries += contact->kind == SILA_CONTACT_INQUIRY;
          referrals += contact->kind == SILA_CONTACT_REFERRAL;
        }
      if (item != NULL)
        item->median = sila_report_median (per_channel, n);
    }

  set_count (work, SILA_FIGURE_CONTACTS, contacts->len);
  set_count (work, SILA_FIGURE_INQUIRIES, inquiries);
  set_value (work, SILA_FIGURE_ANSWER_HOURS, sila_report_median (all, n_all));
  set_count (work, SILA_FIGURE_REFERRALS, referrals + referred_requests);
  return TRUE;
}

static gboolean
count_satisfaction (Work              *work,
                    const SilaPeriod  *period,
                    GError           **error)
{
  g_autoptr(SilaSurveyResults) results = NULL;
  SilaReportFigures *out = work->out;

  results = sila_survey_results_compute (work->store, work->actor, &period->start, &period->end,
                                         0, error);
  if (results == NULL)
    return FALSE;

  set_count (work, SILA_FIGURE_SURVEY_RESPONSES, results->responses);
  set_value (work, SILA_FIGURE_CSAT, results->csat);
  set_value (work, SILA_FIGURE_NPS, results->nps);
  if (out == NULL)
    return TRUE;

  out->survey_questions = new_items ();
  for (guint i = 0; i < results->questions->len; i++)
    {
      const SilaSurveyQuestionResult *q = g_ptr_array_index (results->questions, i);
      SilaReportItem *item;

      /* Ratings of 1 to 5; `recommend` is summed up by NPS. */
      if (q->question->kind != SILA_QUESTION_LIKERT)
        continue;
      item = new_item (out->survey_questions, q->question->code,
                       sila_survey_question_get_short_name (q->question,
                                                            sila_i18n_get_language ()));
      item->count = q->answered;
      /* The small-group rule: a mean of fewer than five answers is not
       * shown, so that nobody's answer can be picked out. */
      item->hidden = q->answered < SILA_SURVEY_MIN_GROUP;
      if (!item->hidden)
        item->mean = q->mean;
    }

  out->survey_by_channel = new_items ();
  for (guint i = 0; i < results->by_channel->len; i++)
    {
      const SilaSurveyGroupResult *g = g_ptr_array_index (results->by_channel, i);
      g_autofree char *label = sila_survey_group_label (SILA_SURVEY_GROUP_CHANNEL, g->key);
      SilaReportItem *item = new_item (out->survey_by_channel, g->key, label);

      item->count = g->responses;
      item->hidden = g->hidden;
      if (!g->hidden)
        {
          item->csat = g->csat;
          item->nps = g->nps;
        }
    }

  return TRUE;
}

static gboolean
count_feedback (Work              *work,
                const SilaPeriod  *period,
                const GDate       *as_of,
                GError           **error)
{
  SilaReportFeedbackCounts counts = { 0 };

  if (!sila_store_report_feedback (work->store, work->actor, &period->start, &period->end,
                                   as_of, &counts, error))
    return FALSE;

  set_count (work, SILA_FIGURE_SUGGESTIONS, counts.suggestions);
  set_count (work, SILA_FIGURE_COMPLAINTS, counts.complaints);
  set_count (work, SILA_FIGURE_FEEDBACK_ANSWERED, counts.answered);
  set_count (work, SILA_FIGURE_FEEDBACK_OVERDUE, counts.overdue);

  if (work->out != NULL)
    {
      work->out->feedback = sila_store_report_feedback_list (work->store, work->actor,
                                                             &period->start, &period->end,
                                                             error);
      if (work->out->feedback == NULL)
        return FALSE;
    }
  return TRUE;
}

/* Overdue is counted at the end of the period, or today while it lasts. */
static void
period_as_of (const SilaPeriod *period,
              GDate            *as_of)
{
  GDate today;

  sila_clock_today (&today);
  *as_of = g_date_compare (&period->end, &today) < 0 ? period->end : today;
  if (g_date_compare (as_of, &period->start) < 0)
    *as_of = period->start;
}

static gboolean
compute (Work              *work,
         const SilaPeriod  *period,
         GError           **error)
{
  GDate as_of;

  period_as_of (period, &as_of);
  if (work->out != NULL)
    work->out->as_of = as_of;

  for (int f = 0; f < SILA_N_FIGURES; f++)
    work->figures[f] = (SilaFigureValue) { 0, NAN };

  if (!count_requests (work, period, error) ||
      !sila_store_report_new_files (work->store, work->actor, &period->start, &period->end,
                                    &work->figures[SILA_FIGURE_NEW_FILES].count, error))
    return FALSE;
  work->figures[SILA_FIGURE_NEW_FILES].value = work->figures[SILA_FIGURE_NEW_FILES].count;

  return count_decisions (work, period, &as_of, error) &&
         count_services (work, period, error) &&
         count_contacts (work, period, error) &&
         count_satisfaction (work, period, error) &&
         count_feedback (work, period, &as_of, error) &&
         sila_report_count_outreach (work->store, work->actor, period, work->figures,
                                     work->out != NULL ? &work->out->outreach_by_reason : NULL,
                                     error);
}

void
sila_report_change_free (SilaReportChange *change)
{
  if (change == NULL)
    return;

  g_free (change->label);
  g_free (change->approved);
  g_free (change->now);
  g_free (change);
}

SilaReportFigures *
sila_report_figures_compute (SilaStore         *store,
                             const SilaActor   *actor,
                             const SilaPeriod  *period,
                             GError           **error)
{
  g_autoptr(SilaReportFigures) out = NULL;
  g_autofree char *code = NULL;
  g_auto(Names) names = { 0 };
  Work work = { 0 };

  g_return_val_if_fail (SILA_IS_STORE (store), NULL);
  g_return_val_if_fail (period != NULL, NULL);

  if (!sila_store_require (store, actor, SILA_PERM_REPORT_VIEW, error) ||
      !sila_store_report_prepare (store, error))
    return NULL;

  names.types = sila_store_list_request_types (store, TRUE, error);
  if (names.types == NULL)
    return NULL;
  names.segments = sila_store_list_segments (store, TRUE, error);
  if (names.segments == NULL)
    return NULL;

  out = g_new0 (SilaReportFigures, 1);
  out->period = *period;
  out->changes = g_ptr_array_new_with_free_func ((GDestroyNotify)sila_report_change_free);
  out->association = sila_store_get_setting (store, SILA_SETTING_ASSOCIATION_NAME, "");
  /* A person's name: the staff member acting, or, where the database has
   * no accounts, the association that prepares it ("the owner of this
   * database" is no one the board knows). */
  if (!sila_actor_is_owner (actor))
    out->prepared_by = g_strdup (actor->display_name != NULL && *actor->display_name != '\0'
                                 ? actor->display_name : actor->username);
  else if (*out->association != '\0')
    out->prepared_by = g_strdup (out->association);
  else
    out->prepared_by = g_strdup (sila_audit_actor_to_display (actor->username));

  work = (Work) { .store = store, .actor = actor, .names = &names, .out = out,
                  .figures = out->figures };
  if (!compute (&work, period, error))
    return NULL;

  for (int f = 0; f < SILA_N_FIGURES; f++)
    out->previous[f] = (SilaFigureValue) { 0, NAN };
  out->has_previous = sila_period_previous (period, &out->previous_period, NULL);
  if (out->has_previous)
    {
      work = (Work) { .store = store, .actor = actor, .names = &names, .out = NULL,
                      .figures = out->previous };
      if (!compute (&work, &out->previous_period, error))
        return NULL;
    }

  code = sila_period_to_code (period);
  out->approval = sila_store_get_report_approval (store, actor, code, error);
  if (out->approval == NULL && error != NULL && *error != NULL)
    return NULL;
  if (out->approval != NULL)
    {
      g_ptr_array_unref (out->changes);
      out->changes = sila_report_figures_compare (out, out->approval->figures_json);
    }

  return g_steal_pointer (&out);
}

void
sila_report_figures_free (SilaReportFigures *figures)
{
  GPtrArray **arrays[] = {
    &figures->by_status, &figures->by_type, &figures->by_channel, &figures->by_segment,
    &figures->decisions_by_type, &figures->services_by_type, &figures->services_by_kind,
    &figures->contacts_by_channel, &figures->outreach_by_reason, &figures->survey_questions, &figures->survey_by_channel,
    &figures->decided_late, &figures->overdue, &figures->deliveries, &figures->feedback,
    &figures->changes,
  };

  if (figures == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (arrays); i++)
    g_clear_pointer (arrays[i], g_ptr_array_unref);
  g_clear_pointer (&figures->requests, g_array_unref);
  g_free (figures->association);
  g_free (figures->prepared_by);
  sila_report_approval_free (figures->approval);
  g_free (figures);
}
