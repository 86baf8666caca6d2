/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Writing the board's report as a workbook (sila-report-workbook.h). */
#define G_LOG_DOMAIN "sila-report"

#include "sila-config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "sila-audit.h"
#include "sila-clock.h"
#include "sila-date.h"
#include "sila-format.h"
#include "sila-i18n.h"
#include "sila-report-workbook.h"
#include "sila-report-workbook-private.h"
#include "sila-store-beneficiaries.h"
#include "sila-store-requests.h"

const char *
sila_report_confidentiality (void)
{
  return _("Confidential: for the association’s board and management. It holds figures about "
           "beneficiaries protected by the Personal Data Protection Law; do not share it outside "
           "the association.");
}

char *
sila_report_title (const SilaPeriod *period)
{
  switch (period->kind)
    {
    case SILA_PERIOD_MONTH:
    case SILA_PERIOD_HIJRI_MONTH:
      return g_strdup (_("Monthly report to the board"));
    case SILA_PERIOD_QUARTER:
      return g_strdup (_("Quarterly report to the board"));
    case SILA_PERIOD_YEAR:
    case SILA_PERIOD_HIJRI_YEAR:
      return g_strdup (_("Yearly report to the board"));
    case SILA_PERIOD_RANGE:
    default:
      return g_strdup (_("Report to the board"));
    }
}

static lxw_format *
book_format (SilaReportBook *book,
             double          size,
             gboolean        bold)
{
  lxw_format *format = workbook_add_format (sila_workbook_get_lxw (book->workbook));

  format_set_font_name (format, sila_workbook_get_font (book->workbook));
  format_set_font_size (format, size);
  if (bold)
    format_set_bold (format);
  return format;
}

/* Formats of one decimal, and signed, that SilaWorkbook does not have. */
void
sila_report_book_make_formats (SilaReportBook *book)
{
  /* A change of a rate is in percentage points, with its unit in the cell's
   * format so that the cell stays a number. */
  g_autofree char *points = g_strdup_printf ("+0.0\" %s\";-0.0\" %s\";0.0\" %s\"",
                                             _("points"), _("points"), _("points"));

  for (int b = 0; b < 2; b++)
    {
      book->one_decimal[b] = book_format (book, 11, b);
      format_set_num_format (book->one_decimal[b], "0.0");
      book->signed_decimal[b] = book_format (book, 11, b);
      format_set_num_format (book->signed_decimal[b], "+0.0;-0.0;0.0");
      book->points[b] = book_format (book, 11, b);
      format_set_num_format (book->points[b], points);
    }
  book->label_bold = book_format (book, 11, TRUE);
  format_set_reading_order (book->label_bold, book->rtl ? 2 : 1);
  /* Grey rather than italic: there is no italic Arabic face, and a slanted
   * Naskh made up by the renderer runs its letters into each other. */
  book->note = book_format (book, 9, FALSE);
  format_set_font_color (book->note, 0x555555);
  format_set_reading_order (book->note, book->rtl ? 2 : 1);
  book->note_wrap = book_format (book, 9, FALSE);
  format_set_font_color (book->note_wrap, 0x555555);
  format_set_reading_order (book->note_wrap, book->rtl ? 2 : 1);
  format_set_text_wrap (book->note_wrap);
  format_set_align (book->note_wrap, LXW_ALIGN_VERTICAL_TOP);
  book->warning_wrap = book_format (book, 11, TRUE);
  format_set_font_color (book->warning_wrap, 0xB42318);
  format_set_reading_order (book->warning_wrap, book->rtl ? 2 : 1);
  format_set_text_wrap (book->warning_wrap);
  format_set_align (book->warning_wrap, LXW_ALIGN_VERTICAL_TOP);
  book->bold_wrap = book_format (book, 11, TRUE);
  format_set_reading_order (book->bold_wrap, book->rtl ? 2 : 1);
  format_set_text_wrap (book->bold_wrap);
  format_set_align (book->bold_wrap, LXW_ALIGN_VERTICAL_TOP);
  book->none = book_format (book, 11, FALSE);
  format_set_align (book->none, LXW_ALIGN_CENTER);
  book->warning = book_format (book, 11, TRUE);
  format_set_font_color (book->warning, 0xB42318);
  format_set_reading_order (book->warning, book->rtl ? 2 : 1);
}

/* A sentence across the columns 0 … @last_col (@width characters in all),
 * wrapped in a row as tall as its lines. Left to overflow its cell, a long
 * note widened the printed area, and fitting the sheet to the page's width
 * then printed it small. */
void
sila_report_book_write_wrapped (SilaReportBook *book,
                                SilaSheet      *sheet,
                                lxw_row_t       row,
                                lxw_col_t       last_col,
                                double          width,
                                const char     *text,
                                lxw_format     *format)
{
  lxw_worksheet *ws = sila_sheet_get_lxw (sheet);
  double size = format == book->note_wrap ? 9 : 11;
  /* A character of Arabic or Latin text takes about a digit's width. */
  double per_line = MAX (width * 11 / size - 2, 10);
  guint lines = (guint)ceil (g_utf8_strlen (text != NULL ? text : "", -1) / per_line);

  worksheet_merge_range (ws, row, 0, row, last_col, text != NULL ? text : "", format);
  worksheet_set_row (ws, row, 2 + MAX (lines, 1) * sila_workbook_get_row_height (book->workbook)
                     * size / 11, NULL);
}

/* Writes a figure in the format its kind reads best in. */
void
sila_report_book_write_figure (SilaReportBook        *book,
                               SilaSheet             *sheet,
                               lxw_row_t              row,
                               lxw_col_t              col,
                               SilaFigure             figure,
                               const SilaFigureValue *value,
                               gboolean               bold)
{
  lxw_worksheet *ws = sila_sheet_get_lxw (sheet);
  double number;

  if (!sila_report_figure_number (figure, value, &number))
    {
      /* None, as the PDF and the screen say: not an empty cell that reads
       * as forgotten, nor a 0 that would be false. */
      worksheet_write_string (ws, row, col, "—", book->none);
      return;
    }

  switch (sila_figure_get_kind (figure))
    {
    case SILA_FIGURE_KIND_COUNT:
      worksheet_write_number (ws, row, col, number,
                              sila_sheet_get_format (sheet, SILA_COLUMN_INTEGER, bold));
      break;
    case SILA_FIGURE_KIND_MONEY:
      worksheet_write_number (ws, row, col, number,
                              sila_sheet_get_format (sheet, SILA_COLUMN_MONEY, bold));
      break;
    case SILA_FIGURE_KIND_PERCENT:
      /* Stored as a fraction with a percentage format: 0.5 shows 50.0%. */
      worksheet_write_number (ws, row, col, round (number * 10) / 1000,
                              sila_sheet_get_format (sheet, SILA_COLUMN_PERCENT, bold));
      break;
    case SILA_FIGURE_KIND_SCORE:
      worksheet_write_number (ws, row, col, number, book->signed_decimal[bold ? 1 : 0]);
      break;
    case SILA_FIGURE_KIND_DAYS:
    case SILA_FIGURE_KIND_HOURS:
    default:
      worksheet_write_number (ws, row, col, number, book->one_decimal[bold ? 1 : 0]);
      break;
    }
}

/* A sheet with a title, the period under it, and a table's header row;
 * returns the header's row. */
SilaSheet *
sila_report_book_add_table (SilaReportBook      *book,
                            const char          *name,
                            const char          *title,
                            guint                n_columns,
                            const SilaReportColumn *columns,
                            gboolean             landscape,
                            lxw_row_t           *header_row)
{
  SilaSheet *sheet = sila_workbook_add_sheet (book->workbook, name);
  const char *headers[16];
  double widths[16];
  SilaColumnKind kinds[16];

  g_assert (n_columns <= G_N_ELEMENTS (headers));
  for (guint i = 0; i < n_columns; i++)
    {
      headers[i] = _(columns[i].header);
      widths[i] = columns[i].width;
      kinds[i] = columns[i].kind;
    }

  sila_sheet_write_title (sheet, 0, title);
  worksheet_write_string (sila_sheet_get_lxw (sheet), 1, 0, book->period_label, book->note);
  sila_sheet_set_columns (sheet, 3, n_columns, headers, widths, kinds);
  sila_sheet_set_print (sheet, book->figures->association, landscape);
  *header_row = 3;
  return sheet;
}

/* "Total" in bold under a table. */
void
sila_report_book_write_total_label (SilaReportBook *book,
                                    SilaSheet      *sheet,
                                    lxw_row_t       row)
{
  worksheet_write_string (sila_sheet_get_lxw (sheet), row, 0, _("Total"), book->label_bold);
}

double
sila_report_book_share (gint64 part,
                        gint64 whole)
{
  return whole > 0 ? round (1000.0 * (double)part / (double)whole) / 1000 : 0;
}

/* A breakdown of requests: name, count, share of the whole; a total. */
static void
write_breakdown (SilaReportBook *book,
                 const char     *name,
                 const char     *title,
                 const char     *first_header,
                 GPtrArray      *items,
                 SilaSheet     **out_sheet,
                 lxw_row_t      *out_first,
                 lxw_row_t      *out_last)
{
  SilaReportColumn columns[] = {
    { first_header, 34, SILA_COLUMN_TEXT },
    { N_("Requests"), 12, SILA_COLUMN_INTEGER },
    { N_("Share"), 12, SILA_COLUMN_PERCENT },
  };
  gint64 total = book->figures->figures[SILA_FIGURE_REQUESTS_RECEIVED].count;
  lxw_row_t row;
  SilaSheet *sheet = sila_report_book_add_table (book, name, title, G_N_ELEMENTS (columns),
                                                 columns, FALSE, &row);
  lxw_worksheet *ws = sila_sheet_get_lxw (sheet);
  gint64 sum = 0;

  *out_first = row + 1;
  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      const SilaReportItem *item = g_ptr_array_index (items, i);

      row++;
      sila_sheet_write_text (sheet, row, 0, item->label);
      sila_sheet_write_number (sheet, row, 1, (double)item->count, SILA_COLUMN_INTEGER);
      sila_sheet_write_number (sheet, row, 2, sila_report_book_share (item->count, total), SILA_COLUMN_PERCENT);
      sum += item->count;
    }
  *out_last = row;
  sila_sheet_finish_table (sheet, row);
  row++;
  sila_report_book_write_total_label (book, sheet, row);
  worksheet_write_number (ws, row, 1, (double)sum,
                          sila_sheet_get_format (sheet, SILA_COLUMN_INTEGER, TRUE));
  worksheet_write_number (ws, row, 2, total > 0 ? 1 : 0,
                          sila_sheet_get_format (sheet, SILA_COLUMN_PERCENT, TRUE));
  if (out_sheet != NULL)
    *out_sheet = sheet;
}

/* Charts of 300 × 250 pixels (a chart's default is 480 × 288): two side by
 * side fill the summary's four columns, the first under column A, the
 * second from column B. */
#define CHART_X_SCALE 0.64
#define CHART_Y_SCALE 0.87
#define CHART_HEIGHT_PT 200 /* 250 pixels and a margin */

static void
add_chart (SilaReportBook *book,
           SilaSheet      *sheet,
           guint           place,
           lxw_chart      *chart,
           const char     *title)
{
  const char *face = sila_workbook_get_font (book->workbook);
  lxw_chart_font font = { .name = (char *)face, .size = 11, .bold = LXW_TRUE };
  lxw_chart_font axis = { .name = (char *)face, .size = 9 };
  lxw_chart_options options = { .x_scale = CHART_X_SCALE, .y_scale = CHART_Y_SCALE,
                                .x_offset = 4, .y_offset = 4 };
  lxw_row_t rows;

  chart_title_set_name (chart, title);
  chart_title_set_name_font (chart, &font);
  if (chart->type != LXW_CHART_PIE && chart->type != LXW_CHART_DOUGHNUT)
    {
      chart_axis_set_num_font (chart->x_axis, &axis);
      chart_axis_set_num_font (chart->y_axis, &axis);
    }
  chart_legend_set_font (chart, &axis);
  rows = (lxw_row_t)ceil (CHART_HEIGHT_PT / sila_workbook_get_row_height (book->workbook));
  worksheet_insert_chart_opt (sila_sheet_get_lxw (sheet), book->charts_row + (place / 2) * rows,
                              place % 2, chart, &options);
}

/* The charts of the summary: values it shows, and breakdown sheets. */
static void
write_charts (SilaReportBook *book,
              SilaSheet      *summary)
{
  lxw_workbook *wb = sila_workbook_get_lxw (book->workbook);
  const char *name = sila_sheet_get_lxw (summary)->name;
  lxw_row_t first = book->summary_first;
  lxw_chart *chart;
  lxw_chart_series *series;

  /* This period and the one before: received … rejected. */
  chart = workbook_add_chart (wb, LXW_CHART_COLUMN);
  series = chart_add_series (chart, NULL, NULL);
  chart_series_set_categories (series, name, first + SILA_FIGURE_REQUESTS_RECEIVED, 0,
                               first + SILA_FIGURE_REJECTED, 0);
  chart_series_set_values (series, name, first + SILA_FIGURE_REQUESTS_RECEIVED, 1,
                           first + SILA_FIGURE_REJECTED, 1);
  chart_series_set_name (series, _("This period"));
  if (book->figures->has_previous)
    {
      series = chart_add_series (chart, NULL, NULL);
      chart_series_set_categories (series, name, first + SILA_FIGURE_REQUESTS_RECEIVED, 0,
                                   first + SILA_FIGURE_REJECTED, 0);
      chart_series_set_values (series, name, first + SILA_FIGURE_REQUESTS_RECEIVED, 2,
                               first + SILA_FIGURE_REJECTED, 2);
      chart_series_set_name (series, _("The period before"));
    }
  chart_legend_set_position (chart, LXW_CHART_LEGEND_BOTTOM);
  add_chart (book, summary, 0, chart, _("This period and the one before"));

  /* The committee's decisions. */
  chart = workbook_add_chart (wb, LXW_CHART_PIE);
  series = chart_add_series (chart, NULL, NULL);
  chart_series_set_categories (series, name, first + SILA_FIGURE_ACCEPTED, 0,
                               first + SILA_FIGURE_REJECTED, 0);
  chart_series_set_values (series, name, first + SILA_FIGURE_ACCEPTED, 1,
                           first + SILA_FIGURE_REJECTED, 1);
  chart_legend_set_position (chart, LXW_CHART_LEGEND_BOTTOM);
  add_chart (book, summary, 1, chart, _("The committee’s decisions"));

  /* Requests by channel, and the services' value by type. */
  if (book->channel_sheet != NULL && book->channel_last >= book->channel_first)
    {
      const char *sheet = sila_sheet_get_lxw (book->channel_sheet)->name;

      chart = workbook_add_chart (wb, LXW_CHART_BAR);
      series = chart_add_series (chart, NULL, NULL);
      chart_series_set_categories (series, sheet, book->channel_first, 0, book->channel_last, 0);
      chart_series_set_values (series, sheet, book->channel_first, 1, book->channel_last, 1);
      chart_legend_set_position (chart, LXW_CHART_LEGEND_NONE);
      add_chart (book, summary, 2, chart, _("Requests received, by channel"));
    }
  if (book->services_sheet != NULL && book->services_last >= book->services_first)
    {
      const char *sheet = sila_sheet_get_lxw (book->services_sheet)->name;

      chart = workbook_add_chart (wb, LXW_CHART_BAR);
      series = chart_add_series (chart, NULL, NULL);
      chart_series_set_categories (series, sheet, book->services_first, 0,
                                   book->services_last, 0);
      chart_series_set_values (series, sheet, book->services_first, 2, book->services_last, 2);
      chart_legend_set_position (chart, LXW_CHART_LEGEND_NONE);
      add_chart (book, summary, 3, chart, _("Value of the services delivered (SAR)"));
    }
}

#define SUMMARY_WIDTH 94

static void
write_summary (SilaReportBook *book,
               SilaSheet      *summary)
{
  const SilaReportFigures *f = book->figures;
  lxw_worksheet *ws = sila_sheet_get_lxw (summary);
  const char *headers[] = {
    _("Figure"), _("This period"), _("The period before"), _("Change"),
  };
  const double widths[] = { 44, 18, 18, 14 };  /* SUMMARY_WIDTH in all */
  const SilaColumnKind kinds[] = {
    SILA_COLUMN_TEXT, SILA_COLUMN_DECIMAL, SILA_COLUMN_DECIMAL, SILA_COLUMN_DECIMAL,
  };
  g_autofree char *title = sila_report_title (&f->period);
  g_autofree char *other = sila_report_period_other (&f->period);
  g_autofree char *prepared = NULL;
  lxw_row_t row;

  {
    GDate today;
    g_autofree char *day = NULL;

    sila_clock_today (&today);
    day = sila_date_format (&today, SILA_CALENDAR_GREGORIAN);
    /* Translators: "Prepared by Huda on 5 April 2026". */
    prepared = g_strdup_printf (_("Prepared by %s on %s"), f->prepared_by, day);
  }

  sila_sheet_write_title (summary, 0, *f->association != '\0' ? f->association : title);
  worksheet_write_string (ws, 1, 0, title, book->label_bold);
  worksheet_write_string (ws, 2, 0, book->period_label, book->label_bold);
  sila_report_book_write_wrapped (book, summary, 3, 3, SUMMARY_WIDTH, other, book->note_wrap);
  sila_report_book_write_wrapped (book, summary, 4, 3, SUMMARY_WIDTH, prepared, book->note_wrap);
  sila_sheet_set_columns (summary, 6, G_N_ELEMENTS (headers), headers, widths, kinds);
  sila_sheet_set_print (summary, f->association, FALSE);

  book->summary_first = 7;
  for (int fig = 0; fig < SILA_N_FIGURES; fig++)
    {
      double now, before;
      SilaFigureValue change;

      row = book->summary_first + fig;
      sila_sheet_write_text (summary, row, 0, sila_figure_to_label (fig));
      sila_report_book_write_figure (book, summary, row, 1, fig, &f->figures[fig], FALSE);
      if (!f->has_previous)
        continue;
      sila_report_book_write_figure (book, summary, row, 2, fig, &f->previous[fig], FALSE);
      if (!sila_report_figure_number (fig, &f->figures[fig], &now) ||
          !sila_report_figure_number (fig, &f->previous[fig], &before))
        {
          worksheet_write_string (ws, row, 3, "—", book->none);
          continue;
        }
      change.count = f->figures[fig].count - f->previous[fig].count;
      change.value = now - before;
      switch (sila_figure_get_kind (fig))
        {
        case SILA_FIGURE_KIND_COUNT:
        case SILA_FIGURE_KIND_MONEY:
          sila_report_book_write_figure (book, summary, row, 3, fig, &change, FALSE);
          break;
        case SILA_FIGURE_KIND_PERCENT:
        case SILA_FIGURE_KIND_SCORE:
          worksheet_write_number (ws, row, 3, round (change.value * 10) / 10, book->points[0]);
          break;
        case SILA_FIGURE_KIND_DAYS:
        case SILA_FIGURE_KIND_HOURS:
        default:
          worksheet_write_number (ws, row, 3, round (change.value * 10) / 10,
                                  book->signed_decimal[0]);
          break;
        }
    }
  row = book->summary_first + SILA_N_FIGURES - 1;
  sila_sheet_finish_table (summary, row);

  row += 2;
  sila_report_book_write_approval_state (book, summary, SUMMARY_WIDTH, &row);
  row++;
  sila_report_book_write_wrapped (book, summary, row, 3, SUMMARY_WIDTH,
                                  sila_report_confidentiality (), book->note_wrap);

  /* The charts go under the table, two by two within its four columns:
   * beside it they made the sheet twice as wide, and fitting it to the
   * page's width printed the figures at half size. (A page break would be
   * ignored: the sheet is fitted to the page's width.) */
  book->charts_row = row + 2;
  /* The table fits its page: its header repeated over the charts' page
   * would head nothing. (libxlsxwriter has no call to undo it.) */
  ws->repeat_rows.in_use = LXW_FALSE;
  book->breaks[0] = book->charts_row;
  worksheet_set_h_pagebreaks (ws, book->breaks);
}

/* Lists */

static void
write_overdue (SilaReportBook *book)
{
  static const SilaReportColumn columns[] = {
    { N_("Request number"), 14, SILA_COLUMN_ID },
    { N_("File number"), 10, SILA_COLUMN_NUMBER },
    { N_("Request type"), 24, SILA_COLUMN_TEXT },
    { N_("Channel"), 20, SILA_COLUMN_TEXT },
    { N_("Date received"), 12, SILA_COLUMN_DATE },
    { N_("Due"), 12, SILA_COLUMN_DATE },
    { N_("Days overdue"), 10, SILA_COLUMN_INTEGER },
    { N_("Status now"), 18, SILA_COLUMN_TEXT },
  };
  const SilaReportFigures *f = book->figures;
  g_autofree char *title = NULL;
  g_autofree char *as_of = sila_date_format (&f->as_of, SILA_CALENDAR_GREGORIAN);
  lxw_row_t row;
  SilaSheet *sheet;

  /* Translators: %s is a date. */
  title = g_strdup_printf (_("Requests past their answer window and still waiting, on %s"),
                           as_of);
  sheet = sila_report_book_add_table (book, _("Overdue"), title, G_N_ELEMENTS (columns),
                                      columns, TRUE, &row);
  for (guint i = 0; f->overdue != NULL && i < f->overdue->len; i++)
    {
      const SilaReportRequestLine *line = g_ptr_array_index (f->overdue, i);

      row++;
      sila_sheet_write_text (sheet, row, 0, line->number);
      sila_sheet_write_number (sheet, row, 1, (double)line->file_number, SILA_COLUMN_NUMBER);
      sila_sheet_write_text (sheet, row, 2, sila_report_book_type_name (book, line->type));
      sila_sheet_write_text (sheet, row, 3, sila_channel_to_display (line->channel));
      sila_sheet_write_date (sheet, row, 4, &line->received);
      sila_sheet_write_date (sheet, row, 5, &line->due);
      sila_sheet_write_number (sheet, row, 6, g_date_days_between (&line->due, &f->as_of),
                               SILA_COLUMN_INTEGER);
      if (line->status >= 0)
        sila_sheet_write_text (sheet, row, 7, sila_request_status_to_display (line->status));
    }
  sila_sheet_finish_table (sheet, row);
}

static void
write_late (SilaReportBook *book)
{
  static const SilaReportColumn columns[] = {
    { N_("Request number"), 14, SILA_COLUMN_ID },
    { N_("File number"), 10, SILA_COLUMN_NUMBER },
    { N_("Request type"), 24, SILA_COLUMN_TEXT },
    { N_("Date received"), 12, SILA_COLUMN_DATE },
    { N_("Due"), 12, SILA_COLUMN_DATE },
    { N_("Date decided"), 12, SILA_COLUMN_DATE },
    { N_("Days late"), 10, SILA_COLUMN_INTEGER },
    { N_("Decision"), 14, SILA_COLUMN_TEXT },
  };
  const SilaReportFigures *f = book->figures;
  lxw_row_t row;
  SilaSheet *sheet = sila_report_book_add_table (book, _("Decided late"),
                                                 _("Decisions taken after the answer window"),
                                                 G_N_ELEMENTS (columns), columns, TRUE, &row);

  for (guint i = 0; f->decided_late != NULL && i < f->decided_late->len; i++)
    {
      const SilaReportRequestLine *line = g_ptr_array_index (f->decided_late, i);

      row++;
      sila_sheet_write_text (sheet, row, 0, line->number);
      sila_sheet_write_number (sheet, row, 1, (double)line->file_number, SILA_COLUMN_NUMBER);
      sila_sheet_write_text (sheet, row, 2, sila_report_book_type_name (book, line->type));
      sila_sheet_write_date (sheet, row, 3, &line->received);
      sila_sheet_write_date (sheet, row, 4, &line->due);
      sila_sheet_write_date (sheet, row, 5, &line->decided);
      sila_sheet_write_number (sheet, row, 6, g_date_days_between (&line->due, &line->decided),
                               SILA_COLUMN_INTEGER);
      sila_sheet_write_text (sheet, row, 7, sila_request_status_to_display (line->decision));
    }
  sila_sheet_finish_table (sheet, row);
}

static void
write_deliveries (SilaReportBook *book)
{
  static const SilaReportColumn columns[] = {
    { N_("Request number"), 14, SILA_COLUMN_ID },
    { N_("File number"), 10, SILA_COLUMN_NUMBER },
    { N_("Request type"), 24, SILA_COLUMN_TEXT },
    { N_("Form of delivery"), 16, SILA_COLUMN_TEXT },
    { N_("Date delivered"), 12, SILA_COLUMN_DATE },
    { N_("Value"), 16, SILA_COLUMN_MONEY },
  };
  const SilaReportFigures *f = book->figures;
  lxw_row_t row;
  SilaSheet *sheet = sila_report_book_add_table (book, _("Services delivered"),
                                                 _("Services delivered in the period"),
                                                 G_N_ELEMENTS (columns), columns, TRUE, &row);
  lxw_worksheet *ws = sila_sheet_get_lxw (sheet);
  gint64 halalas = 0;

  for (guint i = 0; f->deliveries != NULL && i < f->deliveries->len; i++)
    {
      const SilaReportRequestLine *line = g_ptr_array_index (f->deliveries, i);

      row++;
      sila_sheet_write_text (sheet, row, 0, line->number);
      sila_sheet_write_number (sheet, row, 1, (double)line->file_number, SILA_COLUMN_NUMBER);
      sila_sheet_write_text (sheet, row, 2, sila_report_book_type_name (book, line->type));
      sila_sheet_write_text (sheet, row, 3, sila_delivery_kind_to_display (line->kind));
      sila_sheet_write_date (sheet, row, 4, &line->decided);
      sila_sheet_write_money (sheet, row, 5, line->halalas);
      halalas += line->halalas;
    }
  sila_sheet_finish_table (sheet, row);
  row++;
  sila_report_book_write_total_label (book, sheet, row);
  worksheet_write_number (ws, row, 5, (double)halalas / 100,
                          sila_sheet_get_format (sheet, SILA_COLUMN_MONEY, TRUE));
}

gboolean
sila_report_write_xlsx (SilaStore               *store,
                        const SilaActor         *actor,
                        const SilaReportFigures *figures,
                        const char              *path,
                        GError                 **error)
{
  g_autoptr(SilaWorkbook) workbook = NULL;
  g_autofree char *title = NULL;
  g_autofree char *period = NULL;
  g_autofree char *code = NULL;
  g_autofree char *summary_text = NULL;
  SilaReportBook book = { 0 };
  SilaSheet *summary;
  SilaSheet *sheet;
  lxw_row_t first, last;

  g_return_val_if_fail (SILA_IS_STORE (store), FALSE);
  g_return_val_if_fail (figures != NULL && path != NULL, FALSE);

  /* Refused before any file is made. */
  if (!sila_store_require (store, actor, SILA_PERM_REPORT_EXPORT, error))
    return FALSE;

  book.types = sila_store_list_request_types (store, TRUE, error);
  if (book.types == NULL)
    return FALSE;
  book.segments = sila_store_list_segments (store, TRUE, error);
  if (book.segments == NULL)
    {
      g_ptr_array_unref (book.types);
      return FALSE;
    }

  title = sila_report_title (&figures->period);
  period = sila_period_to_label (&figures->period);
  workbook = sila_workbook_new (path, sila_i18n_is_rtl (), FALSE, error);
  if (workbook == NULL)
    {
      sila_report_book_clear (&book);
      return FALSE;
    }
  {
    g_autofree char *subject = g_strdup_printf ("%s — %s", title, period);

    sila_workbook_set_properties (workbook, subject, title, figures->prepared_by,
                                  figures->association, sila_report_confidentiality ());
  }

  book.workbook = workbook;
  book.figures = figures;
  book.rtl = sila_i18n_is_rtl ();
  book.period_label = period;
  sila_report_book_make_formats (&book);

  /* The summary first; its charts read sheets written after it. */
  summary = sila_workbook_add_sheet (workbook, _("Summary"));
  write_summary (&book, summary);

  write_breakdown (&book, _("By status"), _("Requests received, by status now"), N_("Status"),
                   figures->by_status, NULL, &first, &last);
  write_breakdown (&book, _("By type"), _("Requests received, by type"), N_("Request type"),
                   figures->by_type, NULL, &first, &last);
  write_breakdown (&book, _("By channel"), _("Requests received, by channel"), N_("Channel"),
                   figures->by_channel, &book.channel_sheet, &book.channel_first,
                   &book.channel_last);
  write_breakdown (&book, _("By segment"), _("Requests received, by beneficiary segment"),
                   N_("Segment"), figures->by_segment, NULL, &first, &last);
  sila_report_book_write_decisions (&book);
  sila_report_book_write_services (&book, _("Services by type"),
                          _("Services delivered, by request type"), N_("Request type"),
                          figures->services_by_type, &book.services_first, &book.services_last,
                          &book.services_sheet);
  sila_report_book_write_services (&book, _("Services by form"), _("Services delivered, by form"),
                          N_("Form of delivery"), figures->services_by_kind, &first, &last,
                          &sheet);
  sila_report_book_write_contacts (&book);
  sila_report_book_write_outreach (&book);
  sila_report_book_write_satisfaction (&book);
  write_overdue (&book);
  write_late (&book);
  write_deliveries (&book);
  sila_report_book_write_feedback (&book);
  sila_report_book_write_register (&book);
  sila_report_book_write_approval (&book);
  write_charts (&book, summary);

  sila_report_book_clear (&book);
  if (!sila_workbook_close (workbook, error))
    return FALSE;

  code = sila_period_to_code (&figures->period);
  summary_text = g_strdup_printf ("%s: xlsx", code);
  return sila_store_record_access (store, actor, SILA_PERM_REPORT_EXPORT, SILA_AUDIT_EXPORT,
                                   SILA_AUDIT_ENTITY_REPORT, code, summary_text, error);
}
