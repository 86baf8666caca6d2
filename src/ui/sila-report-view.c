/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The tables of the Reports page, built from the figures: the summary with
 * the period before, the breakdowns, the committee, services, contacts,
 * satisfaction, and the overdue list. */
#define G_LOG_DOMAIN "sila-ui"

#include "sila-config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sila-date.h"
#include "sila-format.h"
#include "sila-money.h"
#include "sila-report-table.h"
#include "sila-report-view.h"

#define OVERDUE_SHOWN 25

static const gboolean text_then_numbers[] = { FALSE, TRUE, TRUE, TRUE, TRUE, TRUE };

static void
add_summary (GtkBox                  *box,
             const SilaReportFigures *f)
{
  const char *headers[] = { _("Figure"), _("This period"), _("The period before"), _("Change") };
  g_autofree char *previous = f->has_previous ? sila_period_to_label (&f->previous_period)
                                              : NULL;
  /* Translators: %s names the period before, "February 2026". */
  g_autofree char *description = previous != NULL
                                 ? g_strdup_printf (_("The period before: %s."), previous)
                                 : NULL;
  GtkWidget *table = sila_report_table_new (_("Summary"), description, 4, headers,
                                            text_then_numbers);

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

      sila_report_table_add_row (table, row, FALSE);
    }
  gtk_box_append (box, table);
}

static void
add_breakdown (GtkBox                  *box,
               const SilaReportFigures *f,
               const char              *title,
               const char              *first_header,
               GPtrArray               *items)
{
  const char *headers[] = { first_header, _("Requests"), _("Share") };
  gint64 total = f->figures[SILA_FIGURE_REQUESTS_RECEIVED].count;
  GtkWidget *table = sila_report_table_new (title, NULL, 3, headers, text_then_numbers);
  g_autofree char *total_text = sila_format_int (total);
  g_autofree char *hundred = sila_format_share (total, total);

  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      const SilaReportItem *item = g_ptr_array_index (items, i);
      g_autofree char *n = sila_format_int (item->count);
      g_autofree char *s = sila_format_share (item->count, total);
      const char *row[] = { item->label, n, s };

      sila_report_table_add_row (table, row, FALSE);
    }
  {
    const char *row[] = { _("Total"), total_text, hundred };

    sila_report_table_add_row (table, row, TRUE);
  }
  gtk_box_append (box, table);
}

static void
add_decisions (GtkBox                  *box,
               const SilaReportFigures *f)
{
  const char *headers[] = { _("Request type"), _("Requests decided"),
                            _("Requests accepted"), _("Requests rejected"), _("Acceptance rate") };
  GtkWidget *table = sila_report_table_new (_("The committee’s decisions"), NULL, 5, headers,
                                            text_then_numbers);

  for (guint i = 0; f->decisions_by_type != NULL && i < f->decisions_by_type->len; i++)
    {
      const SilaReportItem *item = g_ptr_array_index (f->decisions_by_type, i);
      g_autofree char *n = sila_format_int (item->count);
      g_autofree char *a = sila_format_int (item->accepted);
      g_autofree char *r = sila_format_int (item->rejected);
      g_autofree char *rate = sila_format_share (item->accepted, item->count);
      const char *row[] = { item->label, n, a, r, rate };

      sila_report_table_add_row (table, row, FALSE);
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

    sila_report_table_add_row (table, row, TRUE);
  }
  gtk_box_append (box, table);
}

static void
add_services (GtkBox                  *box,
              const SilaReportFigures *f)
{
  const char *headers[] = { _("Request type"), _("Services delivered"), _("Value") };
  GtkWidget *table = sila_report_table_new (_("Services delivered"), NULL, 3, headers,
                                            text_then_numbers);

  for (guint i = 0; f->services_by_type != NULL && i < f->services_by_type->len; i++)
    {
      const SilaReportItem *item = g_ptr_array_index (f->services_by_type, i);
      g_autofree char *n = sila_format_int (item->count);
      g_autofree char *value = sila_money_format (item->halalas, TRUE);
      const char *row[] = { item->label, n, value };

      sila_report_table_add_row (table, row, FALSE);
    }
  {
    g_autofree char *n = sila_report_format_figure (SILA_FIGURE_SERVICES_DELIVERED,
                                                    &f->figures[SILA_FIGURE_SERVICES_DELIVERED]);
    g_autofree char *value = sila_report_format_figure (SILA_FIGURE_SERVICES_VALUE,
                                                        &f->figures[SILA_FIGURE_SERVICES_VALUE]);
    const char *row[] = { _("Total"), n, value };

    sila_report_table_add_row (table, row, TRUE);
  }
  gtk_box_append (box, table);
}

static void
add_contacts (GtkBox                  *box,
              const SilaReportFigures *f)
{
  const char *headers[] = { _("Channel"), _("Contacts"), _("Inquiries"), _("Answered"),
                            _("Hours to answer (median)") };
  GtkWidget *table = sila_report_table_new (_("Contacts and inquiries"), NULL, 5, headers,
                                            text_then_numbers);

  for (guint i = 0; f->contacts_by_channel != NULL && i < f->contacts_by_channel->len; i++)
    {
      const SilaReportItem *item = g_ptr_array_index (f->contacts_by_channel, i);
      SilaFigureValue hours = { 0, item->median };
      g_autofree char *c = sila_format_int (item->count);
      g_autofree char *q = sila_format_int (item->inquiries);
      g_autofree char *a = sila_format_int (item->answered);
      g_autofree char *h = sila_report_format_figure (SILA_FIGURE_ANSWER_HOURS, &hours);
      const char *row[] = { item->label, c, q, a, h };

      if (item->count > 0)
        sila_report_table_add_row (table, row, FALSE);
    }
  {
    g_autofree char *c = sila_report_format_figure (SILA_FIGURE_CONTACTS,
                                                    &f->figures[SILA_FIGURE_CONTACTS]);
    g_autofree char *q = sila_report_format_figure (SILA_FIGURE_INQUIRIES,
                                                    &f->figures[SILA_FIGURE_INQUIRIES]);
    g_autofree char *h = sila_report_format_figure (SILA_FIGURE_ANSWER_HOURS,
                                                    &f->figures[SILA_FIGURE_ANSWER_HOURS]);
    const char *row[] = { _("Total"), c, q, "", h };

    sila_report_table_add_row (table, row, TRUE);
  }
  gtk_box_append (box, table);
}

static void
add_satisfaction (GtkBox                  *box,
                  const SilaReportFigures *f)
{
  const char *headers[] = { _("Question"), _("Answers"), _("Mean (1–5)") };
  GtkWidget *table = sila_report_table_new (_("Beneficiary satisfaction"),
                                            _("A mean of fewer than 5 answers is not shown, so "
                                              "that nobody’s answers can be picked out."),
                                            3, headers, text_then_numbers);

  for (guint i = 0; f->survey_questions != NULL && i < f->survey_questions->len; i++)
    {
      const SilaReportItem *item = g_ptr_array_index (f->survey_questions, i);
      g_autofree char *n = sila_format_int (item->count);
      g_autofree char *mean = NULL;
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      if (!item->hidden && isfinite (item->mean))
        mean = sila_format_decimal_for (g_ascii_formatd (buf, sizeof buf, "%.2f", item->mean),
                                        2, 2, sila_i18n_get_language ());
      {
        const char *row[] = { item->label, n, mean != NULL ? mean : "—" };

        sila_report_table_add_row (table, row, FALSE);
      }
    }
  gtk_box_append (box, table);
}

static void
add_overdue (GtkBox                  *box,
             const SilaReportFigures *f,
             GHashTable              *types)
{
  const char *headers[] = { _("Request number"), _("Request type"), _("Due"),
                            _("Days overdue") };
  const gboolean numeric[] = { FALSE, FALSE, FALSE, TRUE };
  g_autofree char *as_of = sila_date_format (&f->as_of, SILA_CALENDAR_GREGORIAN);
  /* Translators: %s is a date. */
  g_autofree char *title = g_strdup_printf (_("Requests past their answer window and still "
                                              "waiting, on %s"), as_of);
  g_autofree char *more = NULL;
  GtkWidget *table;
  guint n = f->overdue != NULL ? f->overdue->len : 0;

  if (n > OVERDUE_SHOWN)
    {
      g_autofree char *shown = sila_format_int (OVERDUE_SHOWN);
      g_autofree char *all = sila_format_int (n);

      /* Translators: "The first 25 of 130; …". */
      more = g_strdup_printf (_("The first %s of %s; the workbook lists them all."), shown, all);
    }
  table = sila_report_table_new (title, more, 4, headers, numeric);
  for (guint i = 0; i < MIN (n, OVERDUE_SHOWN); i++)
    {
      const SilaReportRequestLine *line = g_ptr_array_index (f->overdue, i);
      g_autofree char *due = sila_date_format (&line->due, SILA_CALENDAR_GREGORIAN);
      g_autofree char *days = sila_format_int (g_date_days_between (&line->due, &f->as_of));
      const char *type = g_hash_table_lookup (types, line->type);
      const char *row[] = { line->number, type != NULL ? type : line->type, due, days };

      sila_report_table_add_row (table, row, FALSE);
    }
  if (n == 0)
    {
      const char *row[] = { _("None."), "", "", "" };

      sila_report_table_add_row (table, row, FALSE);
    }
  gtk_box_append (box, table);
}

void
sila_report_view_fill (GtkBox                  *box,
                       const SilaReportFigures *f)
{
  g_autoptr(GHashTable) types = g_hash_table_new (g_str_hash, g_str_equal);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);

  for (guint i = 0; f->by_type != NULL && i < f->by_type->len; i++)
    {
      const SilaReportItem *item = g_ptr_array_index (f->by_type, i);

      g_hash_table_insert (types, item->key, item->label);
    }

  add_summary (box, f);
  add_breakdown (box, f, _("Requests received, by status now"), _("Status"), f->by_status);
  add_breakdown (box, f, _("Requests received, by type"), _("Request type"), f->by_type);
  add_breakdown (box, f, _("Requests received, by channel"), _("Channel"), f->by_channel);
  add_breakdown (box, f, _("Requests received, by beneficiary segment"), _("Segment"),
                 f->by_segment);
  add_decisions (box, f);
  add_overdue (box, f, types);
  add_services (box, f);
  add_contacts (box, f);
  add_satisfaction (box, f);
}
