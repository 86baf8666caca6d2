/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-report"

#include "sila-config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "sila-format.h"
#include "sila-i18n.h"
#include "sila-report-charts.h"

static char *
format_count (double   value,
              gpointer user_data)
{
  return sila_format_int ((gint64)llround (value));
}

/* Riyals, whole: a chart's label has no room for halalas. */
static char *
format_riyals (double   value,
               gpointer user_data)
{
  return sila_format_int (llround (value));
}

static char *
format_mean (double   value,
             gpointer user_data)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  return sila_format_decimal_for (g_ascii_formatd (buf, sizeof buf, "%.2f", value), 2, 2,
                                  sila_i18n_get_language ());
}

static SilaChart *
new_chart (SilaChartKind        kind,
           const char          *title,
           SilaChartFormatFunc  format)
{
  SilaChart *chart = sila_chart_new (kind);

  sila_chart_set_title (chart, title);
  sila_chart_set_empty_text (chart, _("Nothing in this period."));
  sila_chart_set_rtl (chart, sila_i18n_is_rtl ());
  sila_chart_set_formatter (chart, format, NULL, NULL);
  return chart;
}

static SilaChart *
items_chart (SilaChartKind  kind,
             const char    *title,
             GPtrArray     *items,
             gboolean       skip_empty)
{
  SilaChart *chart = new_chart (kind, title, format_count);

  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      const SilaReportItem *item = g_ptr_array_index (items, i);

      if (!skip_empty || item->count > 0)
        sila_chart_add (chart, item->label, item->count);
    }
  return chart;
}

SilaChart *
sila_report_chart_comparison (const SilaReportFigures *figures)
{
  static const SilaFigure shown[] = {
    SILA_FIGURE_REQUESTS_RECEIVED, SILA_FIGURE_ACCEPTED, SILA_FIGURE_REJECTED,
    SILA_FIGURE_SERVICES_DELIVERED,
  };
  SilaChart *chart = new_chart (SILA_CHART_COLUMNS, _("This period and the one before"),
                                format_count);
  gboolean any = FALSE;

  sila_chart_set_series_names (chart, _("This period"), _("The period before"));
  for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
    any |= figures->figures[shown[i]].count > 0 || figures->previous[shown[i]].count > 0;
  for (guint i = 0; any && i < G_N_ELEMENTS (shown); i++)
    sila_chart_add_pair (chart, sila_figure_to_label (shown[i]),
                         figures->figures[shown[i]].count,
                         figures->has_previous ? figures->previous[shown[i]].count : 0);
  return chart;
}

SilaChart *
sila_report_chart_status (const SilaReportFigures *figures)
{
  return items_chart (SILA_CHART_COLUMNS, _("Requests received, by status now"),
                      figures->by_status, TRUE);
}

SilaChart *
sila_report_chart_types (const SilaReportFigures *figures)
{
  return items_chart (SILA_CHART_BARS, _("Requests received, by type"), figures->by_type, TRUE);
}

SilaChart *
sila_report_chart_channels (const SilaReportFigures *figures)
{
  g_autoptr(SilaChart) chart = items_chart (SILA_CHART_BARS, _("Requests received, by channel"),
                                            figures->by_channel, FALSE);

  /* Eight empty bars say nothing: the empty text says it better. */
  if (figures->figures[SILA_FIGURE_REQUESTS_RECEIVED].count == 0)
    sila_chart_clear (chart);
  return g_steal_pointer (&chart);
}

SilaChart *
sila_report_chart_decisions (const SilaReportFigures *figures)
{
  SilaChart *chart = new_chart (SILA_CHART_DONUT, _("The committee’s decisions"), format_count);

  if (figures->figures[SILA_FIGURE_DECIDED].count > 0)
    {
      sila_chart_add (chart, sila_figure_to_label (SILA_FIGURE_ACCEPTED),
                      figures->figures[SILA_FIGURE_ACCEPTED].count);
      sila_chart_add (chart, sila_figure_to_label (SILA_FIGURE_REJECTED),
                      figures->figures[SILA_FIGURE_REJECTED].count);
    }
  return chart;
}

SilaChart *
sila_report_chart_services (const SilaReportFigures *figures)
{
  SilaChart *chart = new_chart (SILA_CHART_BARS, _("Value of the services delivered (SAR)"),
                                format_riyals);

  for (guint i = 0; figures->services_by_type != NULL && i < figures->services_by_type->len; i++)
    {
      const SilaReportItem *item = g_ptr_array_index (figures->services_by_type, i);

      sila_chart_add (chart, item->label, (double)item->halalas / 100);
    }
  return chart;
}

SilaChart *
sila_report_chart_contacts (const SilaReportFigures *figures)
{
  return items_chart (SILA_CHART_BARS, _("Contacts, by channel"), figures->contacts_by_channel,
                      TRUE);
}

SilaChart *
sila_report_chart_satisfaction (const SilaReportFigures *figures)
{
  SilaChart *chart = new_chart (SILA_CHART_BARS, _("Average rating of each question (1–5)"),
                                format_mean);

  for (guint i = 0; figures->survey_questions != NULL && i < figures->survey_questions->len; i++)
    {
      const SilaReportItem *item = g_ptr_array_index (figures->survey_questions, i);

      if (!item->hidden && isfinite (item->mean))
        sila_chart_add (chart, item->label, item->mean);
    }
  return chart;
}
