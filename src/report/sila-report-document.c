/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The board's report laid out for paper (sila-report-document.h). */
#define G_LOG_DOMAIN "sila-report"

#include "sila-config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "sila-audit.h"
#include "sila-clock.h"
#include "sila-date.h"
#include "sila-feedback.h"
#include "sila-format.h"
#include "sila-i18n.h"
#include "sila-money.h"
#include "sila-report-charts.h"
#include "sila-report-document.h"
#include "sila-report-workbook.h"
#include "sila-store-requests.h"

#define CHART_HEIGHT 210

static const SilaCellAlign text_number[] = {
  SILA_CELL_START, SILA_CELL_NUMBER, SILA_CELL_NUMBER, SILA_CELL_NUMBER, SILA_CELL_NUMBER,
  SILA_CELL_NUMBER,
};

typedef struct {
  SilaDocument            *doc;
  const SilaReportFigures *figures;
  GHashTable              *type_names;
} Build;

static char *
count_text (gint64 n)
{
  return sila_format_int (n);
}

static char *
share_text (gint64 part,
            gint64 whole)
{
  return sila_format_share (part, whole);
}

static void
add_chart (Build     *b,
           SilaChart *chart)
{
  if (sila_chart_get_n_items (chart) > 0)
    sila_document_add_chart (b->doc, chart, CHART_HEIGHT);
  g_object_unref (chart);
}

static const char *
type_name (Build      *b,
           const char *code)
{
  const char *name = g_hash_table_lookup (b->type_names, code);

  return name != NULL ? name : code;
}

/* A breakdown of requests received: name, requests, share; a total. */
static void
add_breakdown (Build      *b,
               const char *heading,
               const char *first_header,
               GPtrArray  *items)
{
  const char *headers[] = { first_header, _("Requests"), _("Share") };
  const double widths[] = { 3, 1, 1 };
  gint64 total = b->figures->figures[SILA_FIGURE_REQUESTS_RECEIVED].count;
  SilaDocumentTable *table;
  g_autofree char *total_text = count_text (total);
  const char *total_row[] = { _("Total"), total_text, total > 0 ? "100%" : "—" };

  sila_document_add_heading (b->doc, heading);
  table = sila_document_add_table (b->doc, 3, headers, widths, text_number);
  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      const SilaReportItem *item = g_ptr_array_index (items, i);
      g_autofree char *n = count_text (item->count);
      g_autofree char *s = share_text (item->count, total);
      const char *row[] = { item->label, n, s };

      sila_document_table_add_row (table, row);
    }
  {
    g_autofree char *hundred = sila_format_percent (100);

    total_row[2] = total > 0 ? hundred : "—";
    sila_document_table_add_total (table, total_row);
  }
}

static void
add_summary (Build *b)
{
  const SilaReportFigures *f = b->figures;
  const char *headers[] = { _("Figure"), _("This period"), _("The period before"), _("Change") };
  const double widths[] = { 3.2, 1.4, 1.4, 1 };
  SilaDocumentTable *table;

  sila_document_add_heading (b->doc, _("Summary"));
  table = sila_document_add_table (b->doc, 4, headers, widths, text_number);
  for (int fig = 0; fig < SILA_N_FIGURES; fig++)
    {
      g_autofree char *now = sila_report_format_figure (fig, &f->figures[fig]);
      g_autofree char *before = f->has_previous
                                ? sila_report_format_figure (fig, &f->previous[fig])
                                : g_strdup ("—");
      g_autofree char *change = f->has_previous
                                ? sila_report_format_change (fig, &f->figures[fig],
                                                             &f->previous[fig])
                                : g_strdup ("—");
      const char *row[] = { sila_figure_to_label (fig), now, before, change };

      sila_document_table_add_row (table, row);
    }
  if (f->has_previous)
    {
      g_autofree char *previous = sila_period_to_label (&f->previous_period);
      /* Translators: %s names the period before, "February 2026". */
      g_autofree char *note = g_strdup_printf (_("The period before: %s."), previous);

      sila_document_add_note (b->doc, note);
    }
  add_chart (b, sila_report_chart_comparison (f));
}

static void
add_decisions (Build *b)
{
  const SilaReportFigures *f = b->figures;
  const char *headers[] = { _("Request type"), _("Requests decided"),
                            _("Requests accepted"), _("Requests rejected"), _("Acceptance rate") };
  const double widths[] = { 2.6, 1.2, 1, 1, 1.2 };
  SilaDocumentTable *table;

  sila_document_add_heading (b->doc, _("The committee’s decisions"));
  table = sila_document_add_table (b->doc, 5, headers, widths, text_number);
  for (guint i = 0; f->decisions_by_type != NULL && i < f->decisions_by_type->len; i++)
    {
      const SilaReportItem *item = g_ptr_array_index (f->decisions_by_type, i);
      g_autofree char *n = count_text (item->count);
      g_autofree char *a = count_text (item->accepted);
      g_autofree char *r = count_text (item->rejected);
      g_autofree char *rate = share_text (item->accepted, item->count);
      const char *row[] = { item->label, n, a, r, rate };

      sila_document_table_add_row (table, row);
    }
  {
    g_autofree char *n = sila_report_format_figure (SILA_FIGURE_DECIDED,
                                                    &f->figures[SILA_FIGURE_DECIDED]);
    g_autofree char *a = sila_report_format_figure (SILA_FIGURE_ACCEPTED,
                                                    &f->figures[SILA_FIGURE_ACCEPTED]);
    g_autofree char *r = sila_report_format_figure (SILA_FIGURE_REJECTED,
                                                    &f->figures[SILA_FIGURE_REJECTED]);
    g_autofree char *rate = sila_report_format_figure (SILA_FIGURE_ACCEPTANCE_RATE,
                                                       &f->figures[SILA_FIGURE_ACCEPTANCE_RATE]);
    const char *row[] = { _("Total"), n, a, r, rate };

    sila_document_table_add_total (table, row);
  }
  for (SilaFigure fig = SILA_FIGURE_MEDIAN_DAYS; fig <= SILA_FIGURE_OVERDUE; fig++)
    {
      g_autofree char *value = sila_report_format_figure (fig, &f->figures[fig]);

      sila_document_add_field (b->doc, sila_figure_to_label (fig), value);
    }
  add_chart (b, sila_report_chart_decisions (f));
}

/* A list of requests, cut at SILA_REPORT_PRINTED_LIST_MAX lines. */
static void
add_request_list (Build      *b,
                  const char *heading,
                  GPtrArray  *lines,
                  gboolean    late)
{
  const SilaReportFigures *f = b->figures;
  const char *headers[] = {
    _("Request number"), _("Request type"), _("Date received"), _("Due"),
    late ? _("Date decided") : _("Status now"), late ? _("Days late") : _("Days overdue"),
  };
  const double widths[] = { 1.3, 1.9, 1.2, 1.2, 1.4, 0.8 };
  const SilaCellAlign aligns[] = {
    SILA_CELL_START, SILA_CELL_START, SILA_CELL_START, SILA_CELL_START, SILA_CELL_START,
    SILA_CELL_NUMBER,
  };
  SilaDocumentTable *table;
  guint n = lines != NULL ? lines->len : 0;

  sila_document_add_heading (b->doc, heading);
  if (n == 0)
    {
      sila_document_add_paragraph (b->doc, _("None."));
      return;
    }
  table = sila_document_add_table (b->doc, 6, headers, widths, aligns);
  for (guint i = 0; i < MIN (n, SILA_REPORT_PRINTED_LIST_MAX); i++)
    {
      const SilaReportRequestLine *line = g_ptr_array_index (lines, i);
      g_autofree char *received = sila_date_format (&line->received, SILA_CALENDAR_GREGORIAN);
      g_autofree char *due = sila_date_format (&line->due, SILA_CALENDAR_GREGORIAN);
      g_autofree char *fifth = late ? sila_date_format (&line->decided, SILA_CALENDAR_GREGORIAN)
                                    : g_strdup (line->status >= 0
                                                ? sila_request_status_to_display (line->status)
                                                : "");
      g_autofree char *days = count_text (g_date_days_between (&line->due, late ? &line->decided
                                                                                : &f->as_of));
      const char *row[] = { line->number, type_name (b, line->type), received, due, fifth,
                            days };

      sila_document_table_add_row (table, row);
    }
  if (n > SILA_REPORT_PRINTED_LIST_MAX)
    {
      g_autofree char *count = count_text (n - SILA_REPORT_PRINTED_LIST_MAX);
      g_autofree char *more = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE, "And %s more: the workbook lists them all.",
                     "And %s more: the workbook lists them all.",
                     n - SILA_REPORT_PRINTED_LIST_MAX),
        count);

      sila_document_add_note (b->doc, more);
    }
}

static void
add_services_table (Build      *b,
                    const char *first_header,
                    GPtrArray  *items)
{
  const SilaReportFigures *f = b->figures;
  const char *headers[] = { first_header, _("Services delivered"), _("Value") };
  const double widths[] = { 2.6, 1.2, 1.6 };
  SilaDocumentTable *table = sila_document_add_table (b->doc, 3, headers, widths, text_number);
  g_autofree char *n = NULL;
  g_autofree char *value = NULL;

  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      const SilaReportItem *item = g_ptr_array_index (items, i);
      g_autofree char *count = count_text (item->count);
      g_autofree char *money = sila_money_format (item->halalas, TRUE);
      const char *row[] = { item->label, count, money };

      sila_document_table_add_row (table, row);
    }
  n = sila_report_format_figure (SILA_FIGURE_SERVICES_DELIVERED,
                                 &f->figures[SILA_FIGURE_SERVICES_DELIVERED]);
  value = sila_report_format_figure (SILA_FIGURE_SERVICES_VALUE,
                                     &f->figures[SILA_FIGURE_SERVICES_VALUE]);
  {
    const char *row[] = { _("Total"), n, value };

    sila_document_table_add_total (table, row);
  }
}

static void
add_contacts (Build *b)
{
  const SilaReportFigures *f = b->figures;
  const char *headers[] = { _("Channel"), _("Contacts"), _("Inquiries"), _("Answered"),
                            _("Hours to answer (median)") };
  const double widths[] = { 2.4, 1, 1, 1, 1.4 };
  SilaDocumentTable *table;

  sila_document_add_heading (b->doc, _("Contacts and inquiries"));
  table = sila_document_add_table (b->doc, 5, headers, widths, text_number);
  for (guint i = 0; f->contacts_by_channel != NULL && i < f->contacts_by_channel->len; i++)
    {
      const SilaReportItem *item = g_ptr_array_index (f->contacts_by_channel, i);
      SilaFigureValue hours = { 0, item->median };
      g_autofree char *c = count_text (item->count);
      g_autofree char *q = count_text (item->inquiries);
      g_autofree char *a = count_text (item->answered);
      g_autofree char *h = sila_report_format_figure (SILA_FIGURE_ANSWER_HOURS, &hours);
      const char *row[] = { item->label, c, q, a, h };

      sila_document_table_add_row (table, row);
    }
  {
    gint64 answered = 0;
    g_autofree char *c = NULL;
    g_autofree char *q = NULL;
    g_autofree char *a = NULL;
    g_autofree char *h = NULL;

    for (guint i = 0; f->contacts_by_channel != NULL && i < f->contacts_by_channel->len; i++)
      answered += ((SilaReportItem *)g_ptr_array_index (f->contacts_by_channel, i))->answered;
    c = sila_report_format_figure (SILA_FIGURE_CONTACTS, &f->figures[SILA_FIGURE_CONTACTS]);
    q = sila_report_format_figure (SILA_FIGURE_INQUIRIES, &f->figures[SILA_FIGURE_INQUIRIES]);
    a = count_text (answered);
    h = sila_report_format_figure (SILA_FIGURE_ANSWER_HOURS,
                                   &f->figures[SILA_FIGURE_ANSWER_HOURS]);
    {
      const char *row[] = { _("Total"), c, q, a, h };

      sila_document_table_add_total (table, row);
    }
  }
  {
    g_autofree char *value = sila_report_format_figure (SILA_FIGURE_REFERRALS,
                                                        &f->figures[SILA_FIGURE_REFERRALS]);

    sila_document_add_field (b->doc, sila_figure_to_label (SILA_FIGURE_REFERRALS), value);
  }
}

/* Reaching people before they ask: the daily list's contacts, by reason. */
static void
add_outreach (Build *b)
{
  const SilaReportFigures *f = b->figures;
  const char *headers[] = { _("Reason"), _("Contacts made"), _("Reached"),
                            _("Days to contact (median)") };
  const double widths[] = { 2.6, 1.2, 1, 1.4 };
  SilaDocumentTable *table;
  gint64 reached = 0;

  sila_document_add_heading (b->doc, _("Reaching beneficiaries without their asking"));
  table = sila_document_add_table (b->doc, 4, headers, widths, text_number);
  for (guint i = 0; f->outreach_by_reason != NULL && i < f->outreach_by_reason->len; i++)
    {
      const SilaReportItem *item = g_ptr_array_index (f->outreach_by_reason, i);
      SilaFigureValue days = { 0, item->median };
      g_autofree char *c = count_text (item->count);
      g_autofree char *r = count_text (item->answered);
      g_autofree char *d = sila_report_format_figure (SILA_FIGURE_OUTREACH_DAYS, &days);
      const char *row[] = { item->label, c, r, d };

      sila_document_table_add_row (table, row);
      reached += item->answered;
    }
  {
    g_autofree char *c = sila_report_format_figure (SILA_FIGURE_OUTREACH_CONTACTS,
                                                    &f->figures[SILA_FIGURE_OUTREACH_CONTACTS]);
    g_autofree char *r = count_text (reached);
    g_autofree char *d = sila_report_format_figure (SILA_FIGURE_OUTREACH_DAYS,
                                                    &f->figures[SILA_FIGURE_OUTREACH_DAYS]);
    g_autofree char *share = sila_report_format_figure (SILA_FIGURE_OUTREACH_REACHED,
                                                        &f->figures[SILA_FIGURE_OUTREACH_REACHED]);
    const char *row[] = { _("Total"), c, r, d };

    sila_document_table_add_total (table, row);
    sila_document_add_field (b->doc, sila_figure_to_label (SILA_FIGURE_OUTREACH_REACHED), share);
  }
}

static void
add_satisfaction (Build *b)
{
  const SilaReportFigures *f = b->figures;
  const char *headers[] = { _("Question"), _("Answers"), _("Mean (1–5)") };
  const double widths[] = { 3, 1, 1 };
  const char *channel_headers[] = { _("Channel"), _("Survey responses"), _("CSAT"), _("NPS") };
  const double channel_widths[] = { 2.6, 1.2, 1, 1 };
  SilaDocumentTable *table;
  gboolean any_hidden = FALSE;

  sila_document_add_heading (b->doc, _("Beneficiary satisfaction"));
  for (SilaFigure fig = SILA_FIGURE_SURVEY_RESPONSES; fig <= SILA_FIGURE_NPS; fig++)
    {
      g_autofree char *value = sila_report_format_figure (fig, &f->figures[fig]);

      sila_document_add_field (b->doc, sila_figure_to_label (fig), value);
    }

  table = sila_document_add_table (b->doc, 3, headers, widths, text_number);
  for (guint i = 0; f->survey_questions != NULL && i < f->survey_questions->len; i++)
    {
      const SilaReportItem *item = g_ptr_array_index (f->survey_questions, i);
      g_autofree char *n = count_text (item->count);
      g_autofree char *mean = NULL;
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      if (!item->hidden && isfinite (item->mean))
        mean = sila_format_decimal_for (g_ascii_formatd (buf, sizeof buf, "%.2f", item->mean),
                                        2, 2, sila_i18n_get_language ());
      else
        mean = g_strdup ("—");
      any_hidden |= item->hidden && item->count > 0;
      {
        const char *row[] = { item->label, n, mean };

        sila_document_table_add_row (table, row);
      }
    }

  table = sila_document_add_table (b->doc, 4, channel_headers, channel_widths, text_number);
  for (guint i = 0; f->survey_by_channel != NULL && i < f->survey_by_channel->len; i++)
    {
      const SilaReportItem *item = g_ptr_array_index (f->survey_by_channel, i);
      SilaFigureValue csat = { 0, item->csat }, nps = { 0, item->nps };
      g_autofree char *n = NULL;
      g_autofree char *c = NULL;
      g_autofree char *p = NULL;

      if (item->hidden)
        {
          any_hidden = TRUE;
          continue;
        }
      n = count_text (item->count);
      c = sila_report_format_figure (SILA_FIGURE_CSAT, &csat);
      p = sila_report_format_figure (SILA_FIGURE_NPS, &nps);
      {
        const char *row[] = { item->label, n, c, p };

        sila_document_table_add_row (table, row);
      }
    }
  if (any_hidden)
    sila_document_add_note (b->doc, _("Means of fewer than 5 answers, and channels with fewer "
                                      "than 5 responses, are not shown, so that nobody’s "
                                      "answers can be picked out."));
  add_chart (b, sila_report_chart_satisfaction (f));
}

static void
add_feedback (Build *b)
{
  const SilaReportFigures *f = b->figures;
  const char *headers[] = { _("Number"), _("Kind"), _("Date received"), _("Status now"),
                            _("What was said") };
  const double widths[] = { 0.7, 1, 1.3, 1.2, 3.6 };
  const SilaCellAlign aligns[] = {
    SILA_CELL_NUMBER, SILA_CELL_START, SILA_CELL_START, SILA_CELL_START, SILA_CELL_START,
  };
  SilaDocumentTable *table;
  guint n = f->feedback != NULL ? f->feedback->len : 0;

  sila_document_add_heading (b->doc, _("Suggestions and complaints"));
  for (SilaFigure fig = SILA_FIGURE_SUGGESTIONS; fig <= SILA_FIGURE_FEEDBACK_OVERDUE; fig++)
    {
      g_autofree char *value = sila_report_format_figure (fig, &f->figures[fig]);

      sila_document_add_field (b->doc, sila_figure_to_label (fig), value);
    }
  if (n == 0)
    return;

  table = sila_document_add_table (b->doc, 5, headers, widths, aligns);
  for (guint i = 0; i < MIN (n, SILA_REPORT_PRINTED_LIST_MAX); i++)
    {
      const SilaReportFeedbackLine *line = g_ptr_array_index (f->feedback, i);
      g_autofree char *number = count_text (line->number);
      g_autofree char *received = sila_date_format (&line->received, SILA_CALENDAR_GREGORIAN);
      g_autofree char *said = g_utf8_substring (line->description, 0,
                                                MIN (g_utf8_strlen (line->description, -1), 240));
      SilaFeedbackKind kind;
      SilaFeedbackStatus status;
      const char *row[] = {
        number,
        sila_feedback_kind_parse (line->kind, &kind, NULL) ? sila_feedback_kind_to_display (kind)
                                                          : line->kind,
        received,
        sila_feedback_status_parse (line->status, &status, NULL)
          ? sila_feedback_status_to_display (status) : line->status,
        said,
      };

      sila_document_table_add_row (table, row);
    }
}

static void
add_approval (Build *b)
{
  const SilaReportFigures *f = b->figures;
  g_autofree char *title = sila_report_title (&f->period);
  g_autofree char *label = sila_period_to_label (&f->period);
  g_autofree char *other = sila_report_period_other (&f->period);
  gboolean hijri_kind = f->period.kind == SILA_PERIOD_HIJRI_MONTH ||
                        f->period.kind == SILA_PERIOD_HIJRI_YEAR;
  const char *blank = "………………………………";
  const char *signers[] = {
    _("Chair of the board"), _("Board member"), _("Board member"), _("Board member"),
    _("Board member"), _("Prepared by"), NULL,
  };

  sila_document_add_page_break (b->doc);
  sila_document_add_heading (b->doc, _("Approval by the board of directors"));
  sila_document_add_field (b->doc, _("Association"), f->association);
  sila_document_add_field (b->doc, _("Report"), title);
  sila_document_add_field (b->doc, _("Period (Hijri)"), hijri_kind ? label : other);
  sila_document_add_field (b->doc, _("Period (Gregorian)"), hijri_kind ? other : label);
  sila_document_add_field (b->doc, _("Prepared by"), f->prepared_by);
  sila_document_add_space (b->doc, 8);
  sila_document_add_paragraph (b->doc, _("The board of directors approved this report:"));
  if (f->approval != NULL)
    {
      g_autofree char *hijri = sila_date_format (&f->approval->approved_on, SILA_CALENDAR_HIJRI);
      g_autofree char *gregorian = sila_date_format (&f->approval->approved_on,
                                                     SILA_CALENDAR_GREGORIAN);
      g_autofree char *day = g_strdup_printf ("%s — %s", hijri, gregorian);

      sila_document_add_field (b->doc, _("Decision number"), f->approval->decision_number);
      sila_document_add_field (b->doc, _("Decision date"), day);
      sila_document_add_field (b->doc, _("Approved by"), f->approval->approved_by);
    }
  else
    {
      sila_document_add_field (b->doc, _("Decision number"), blank);
      sila_document_add_field (b->doc, _("Decision date"), blank);
      sila_document_add_field (b->doc, _("Approved by"), blank);
    }
  sila_document_add_space (b->doc, 12);
  sila_document_add_signatures (b->doc, signers);

  if (f->approval != NULL && f->changes != NULL && f->changes->len > 0)
    {
      const char *headers[] = { _("Figure"), _("As approved"), _("Now") };
      const double widths[] = { 3, 1.5, 1.5 };
      SilaDocumentTable *table;

      sila_document_add_heading (b->doc, _("Changed since the board approved it"));
      sila_document_add_note (b->doc, _("The period’s data was changed after the board approved "
                                        "this report; these figures differ from the approved "
                                        "copy."));
      table = sila_document_add_table (b->doc, 3, headers, widths, text_number);
      for (guint i = 0; i < f->changes->len; i++)
        {
          const SilaReportChange *change = g_ptr_array_index (f->changes, i);
          const char *row[] = { change->label, change->approved, change->now };

          sila_document_table_add_row (table, row);
        }
    }
}

static void
add_approval_state (Build *b)
{
  const SilaReportFigures *f = b->figures;

  if (f->approval == NULL)
    return;
  {
    g_autofree char *day = sila_date_format (&f->approval->approved_on, SILA_CALENDAR_GREGORIAN);
    g_autofree char *text = g_strdup_printf (_("Approved by the board: decision No. %s of %s "
                                               "(%s)."),
                                             f->approval->decision_number, day,
                                             f->approval->approved_by);

    sila_document_add_paragraph (b->doc, text);
  }
  if (f->changes != NULL && f->changes->len > 0)
    {
      g_autofree char *n = count_text (f->changes->len);
      g_autofree char *changed =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "Changed since the board approved it: %s figure differs "
                                      "from the approved copy (see the last page).",
                                      "Changed since the board approved it: %s figures differ "
                                      "from the approved copy (see the last page).",
                                      f->changes->len),
                         n);

      sila_document_add_paragraph (b->doc, changed);
    }
}

/* The label of the period's days in the other calendar. */
static const char *
hijri_or_gregorian_label (const SilaPeriod *period)
{
  return period->kind == SILA_PERIOD_HIJRI_MONTH || period->kind == SILA_PERIOD_HIJRI_YEAR
         ? _("Period (Gregorian)") : _("Period (Hijri)");
}

SilaDocument *
sila_report_document_new (const SilaReportFigures *figures)
{
  g_autofree char *title = sila_report_title (&figures->period);
  g_autofree char *label = sila_period_to_label (&figures->period);
  g_autofree char *other = sila_report_period_other (&figures->period);
  g_autofree char *as_of = sila_date_format (&figures->as_of, SILA_CALENDAR_GREGORIAN);
  g_autofree char *subtitle = g_strdup_printf ("%s — %s", title, label);
  g_autofree char *overdue_heading = NULL;
  Build b = { 0 };

  b.figures = figures;
  b.doc = sila_document_new (title);
  b.type_names = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; figures->by_type != NULL && i < figures->by_type->len; i++)
    {
      const SilaReportItem *item = g_ptr_array_index (figures->by_type, i);

      g_hash_table_insert (b.type_names, item->key, item->label);
    }
  for (guint i = 0; figures->services_by_type != NULL && i < figures->services_by_type->len; i++)
    {
      const SilaReportItem *item = g_ptr_array_index (figures->services_by_type, i);

      g_hash_table_insert (b.type_names, item->key, item->label);
    }
  for (guint i = 0; figures->decisions_by_type != NULL && i < figures->decisions_by_type->len;
       i++)
    {
      const SilaReportItem *item = g_ptr_array_index (figures->decisions_by_type, i);

      g_hash_table_insert (b.type_names, item->key, item->label);
    }

  sila_document_set_rtl (b.doc, sila_i18n_is_rtl ());
  sila_document_set_header (b.doc, *figures->association != '\0' ? figures->association : title,
                            subtitle);
  sila_document_set_author (b.doc, figures->prepared_by);
  sila_document_set_footer_note (b.doc, sila_report_confidentiality ());

  sila_document_add_field (b.doc, _("Period"), label);
  sila_document_add_field (b.doc, hijri_or_gregorian_label (&figures->period), other);
  sila_document_add_field (b.doc, _("Prepared by"), figures->prepared_by);
  add_approval_state (&b);

  add_summary (&b);

  add_breakdown (&b, _("Requests received, by status now"), _("Status"), figures->by_status);
  add_chart (&b, sila_report_chart_status (figures));
  add_breakdown (&b, _("Requests received, by type"), _("Request type"), figures->by_type);
  add_breakdown (&b, _("Requests received, by channel"), _("Channel"), figures->by_channel);
  add_chart (&b, sila_report_chart_channels (figures));
  add_breakdown (&b, _("Requests received, by beneficiary segment"), _("Segment"),
                 figures->by_segment);

  add_decisions (&b);
  /* Translators: %s is a date. */
  overdue_heading = g_strdup_printf (_("Requests past their answer window and still waiting, "
                                       "on %s"), as_of);
  add_request_list (&b, overdue_heading, figures->overdue, FALSE);
  add_request_list (&b, _("Decisions taken after the answer window"), figures->decided_late,
                    TRUE);

  sila_document_add_heading (b.doc, _("Services delivered"));
  add_services_table (&b, _("Request type"), figures->services_by_type);
  add_services_table (&b, _("Form of delivery"), figures->services_by_kind);
  add_chart (&b, sila_report_chart_services (figures));

  add_contacts (&b);
  add_outreach (&b);
  add_satisfaction (&b);
  add_feedback (&b);
  add_approval (&b);

  g_hash_table_unref (b.type_names);
  return b.doc;
}

gboolean
sila_report_write_pdf (SilaStore               *store,
                       const SilaActor         *actor,
                       const SilaReportFigures *figures,
                       const char              *path,
                       GError                 **error)
{
  g_autoptr(SilaDocument) doc = NULL;
  g_autofree char *code = NULL;
  g_autofree char *summary = NULL;

  g_return_val_if_fail (SILA_IS_STORE (store), FALSE);

  if (!sila_store_require (store, actor, SILA_PERM_REPORT_EXPORT, error))
    return FALSE;

  doc = sila_report_document_new (figures);
  if (!sila_document_write_pdf (doc, path, error))
    return FALSE;

  code = sila_period_to_code (&figures->period);
  summary = g_strdup_printf ("%s: pdf", code);
  return sila_store_record_access (store, actor, SILA_PERM_REPORT_EXPORT, SILA_AUDIT_EXPORT,
                                   SILA_AUDIT_ENTITY_REPORT, code, summary, error);
}

gboolean
sila_report_record_print (SilaStore               *store,
                          const SilaActor         *actor,
                          const SilaReportFigures *figures,
                          GError                 **error)
{
  g_autofree char *code = sila_period_to_code (&figures->period);
  g_autofree char *summary = g_strdup_printf ("%s: print", code);

  return sila_store_record_access (store, actor, SILA_PERM_REPORT_EXPORT, SILA_AUDIT_EXPORT,
                                   SILA_AUDIT_ENTITY_REPORT, code, summary, error);
}
