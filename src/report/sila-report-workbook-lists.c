/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The workbook's lists (suggestions and complaints, the register of
 * requests) and its board approval sheet. */
#define G_LOG_DOMAIN "sila-report"

#include "sila-config.h"

#include <glib/gi18n-lib.h>

#include "sila-beneficiary.h"
#include "sila-clock.h"
#include "sila-date.h"
#include "sila-feedback.h"
#include "sila-format.h"
#include "sila-hijri.h"
#include "sila-report-workbook-private.h"

void
sila_report_book_clear (SilaReportBook *book)
{
  g_clear_pointer (&book->types, g_ptr_array_unref);
  g_clear_pointer (&book->segments, g_ptr_array_unref);
  g_clear_pointer (&book->type_names, g_hash_table_unref);
  g_clear_pointer (&book->segment_names, g_hash_table_unref);
}

const char *
sila_report_book_type_name (SilaReportBook *book,
                            const char     *code)
{
  const char *name;

  if (book->type_names == NULL)
    {
      book->type_names = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < book->types->len; i++)
        {
          const SilaTypeEntry *t = g_ptr_array_index (book->types, i);

          g_hash_table_insert (book->type_names, t->code,
                               (gpointer)sila_type_entry_get_display (t));
        }
    }
  name = code != NULL ? g_hash_table_lookup (book->type_names, code) : NULL;
  return name != NULL ? name : code;
}

static const char *
segment_name (SilaReportBook *book,
              const char     *code)
{
  const char *name;

  if (code == NULL || *code == '\0')
    return NULL;
  if (book->segment_names == NULL)
    {
      book->segment_names = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < book->segments->len; i++)
        {
          const SilaSegment *s = g_ptr_array_index (book->segments, i);

          g_hash_table_insert (book->segment_names, s->code,
                               (gpointer)sila_segment_get_display (s));
        }
    }
  name = g_hash_table_lookup (book->segment_names, code);
  return name != NULL ? name : code;
}

void
sila_report_book_write_feedback (SilaReportBook *book)
{
  static const SilaReportColumn columns[] = {
    { N_("Number"), 8, SILA_COLUMN_NUMBER },
    { N_("Kind"), 12, SILA_COLUMN_TEXT },
    { N_("Channel"), 20, SILA_COLUMN_TEXT },
    { N_("Date received"), 12, SILA_COLUMN_DATE },
    { N_("Due"), 12, SILA_COLUMN_DATE },
    { N_("Status now"), 14, SILA_COLUMN_TEXT },
    { N_("Answered"), 12, SILA_COLUMN_DATE },
    { N_("What was said"), 50, SILA_COLUMN_TEXT },
  };
  const SilaReportFigures *f = book->figures;
  lxw_row_t row;
  SilaSheet *sheet = sila_report_book_add_table (book, _("Suggestions"),
                                                 _("Suggestions and complaints received"),
                                                 G_N_ELEMENTS (columns), columns, TRUE, &row);
  lxw_worksheet *ws = sila_sheet_get_lxw (sheet);

  for (guint i = 0; f->feedback != NULL && i < f->feedback->len; i++)
    {
      const SilaReportFeedbackLine *line = g_ptr_array_index (f->feedback, i);
      SilaFeedbackKind kind;
      SilaFeedbackStatus status;
      SilaChannel channel;

      row++;
      sila_sheet_write_number (sheet, row, 0, (double)line->number, SILA_COLUMN_NUMBER);
      if (sila_feedback_kind_parse (line->kind, &kind, NULL))
        sila_sheet_write_text (sheet, row, 1, sila_feedback_kind_to_display (kind));
      if (line->channel != NULL && sila_channel_parse (line->channel, &channel, NULL))
        sila_sheet_write_text (sheet, row, 2, sila_channel_to_display (channel));
      sila_sheet_write_date (sheet, row, 3, &line->received);
      sila_sheet_write_date (sheet, row, 4, &line->due);
      if (sila_feedback_status_parse (line->status, &status, NULL))
        sila_sheet_write_text (sheet, row, 5, sila_feedback_status_to_display (status));
      sila_sheet_write_date (sheet, row, 6, &line->answered);
      sila_sheet_write_text (sheet, row, 7, line->description);
    }
  sila_sheet_finish_table (sheet, row);

  row += 2;
  for (SilaFigure fig = SILA_FIGURE_SUGGESTIONS; fig <= SILA_FIGURE_FEEDBACK_OVERDUE; fig++)
    {
      worksheet_write_string (ws, row, 0, sila_figure_to_label (fig), book->label_bold);
      sila_report_book_write_figure (book, sheet, row, 3, fig, &f->figures[fig], TRUE);
      row++;
    }
}

/* The register: every request received in the period. */

enum {
  REG_NUMBER,
  REG_FILE,
  REG_RECEIVED,
  REG_RECEIVED_HIJRI,
  REG_TYPE,
  REG_CHANNEL,
  REG_SEGMENT,
  REG_STATUS,
  REG_DUE,
  REG_DECIDED,
  REG_DECISION,
  REG_DAYS,
  REG_VALUE,
  N_REG
};

static const SilaReportColumn register_columns[N_REG] = {
  [REG_NUMBER] = { N_("Request number"), 13, SILA_COLUMN_ID },
  [REG_FILE] = { N_("File number"), 9, SILA_COLUMN_NUMBER },
  [REG_RECEIVED] = { N_("Date received"), 11, SILA_COLUMN_DATE },
  [REG_RECEIVED_HIJRI] = { N_("Date received (Hijri)"), 11, SILA_COLUMN_ID },
  [REG_TYPE] = { N_("Request type"), 20, SILA_COLUMN_TEXT },
  [REG_CHANNEL] = { N_("Channel"), 18, SILA_COLUMN_TEXT },
  [REG_SEGMENT] = { N_("Segment"), 16, SILA_COLUMN_TEXT },
  [REG_STATUS] = { N_("Status now"), 16, SILA_COLUMN_TEXT },
  [REG_DUE] = { N_("Due"), 11, SILA_COLUMN_DATE },
  [REG_DECIDED] = { N_("Date decided"), 11, SILA_COLUMN_DATE },
  [REG_DECISION] = { N_("Decision"), 10, SILA_COLUMN_TEXT },
  [REG_DAYS] = { N_("Days to decision"), 9, SILA_COLUMN_INTEGER },
  [REG_VALUE] = { N_("Value delivered"), 14, SILA_COLUMN_MONEY },
};

void
sila_report_book_write_register (SilaReportBook *book)
{
  const SilaReportFigures *f = book->figures;
  lxw_row_t row;
  SilaSheet *sheet = sila_report_book_add_table (book, _("Requests"),
                                                 _("Every request received in the period"),
                                                 N_REG, register_columns, TRUE, &row);

  for (guint i = 0; f->requests != NULL && i < f->requests->len; i++)
    {
      const SilaReportRegisterRow *r = &g_array_index (f->requests, SilaReportRegisterRow, i);
      const char *segment_label = segment_name (book, r->segment);
      char hijri[16];
      SilaHijriDate h;

      row++;
      sila_sheet_write_text (sheet, row, REG_NUMBER, r->number);
      sila_sheet_write_number (sheet, row, REG_FILE, (double)r->file_number, SILA_COLUMN_NUMBER);
      sila_sheet_write_date (sheet, row, REG_RECEIVED, &r->received);
      if (sila_hijri_from_gregorian (&r->received, &h, NULL))
        {
          g_snprintf (hijri, sizeof hijri, "%04u-%02u-%02u", h.year, h.month, h.day);
          sila_sheet_write_text (sheet, row, REG_RECEIVED_HIJRI, hijri);
        }
      sila_sheet_write_text (sheet, row, REG_TYPE, sila_report_book_type_name (book, r->type));
      sila_sheet_write_text (sheet, row, REG_CHANNEL, sila_channel_to_display (r->channel));
      if (segment_label != NULL)
        sila_sheet_write_text (sheet, row, REG_SEGMENT, segment_label);
      if (r->status >= 0)
        sila_sheet_write_text (sheet, row, REG_STATUS, sila_request_status_to_display (r->status));
      sila_sheet_write_date (sheet, row, REG_DUE, &r->due);
      if (r->decision >= 0)
        {
          sila_sheet_write_date (sheet, row, REG_DECIDED, &r->decided);
          sila_sheet_write_text (sheet, row, REG_DECISION,
                                 sila_request_status_to_display (r->decision));
          sila_sheet_write_number (sheet, row, REG_DAYS,
                                   g_date_days_between (&r->received, &r->decided),
                                   SILA_COLUMN_INTEGER);
        }
      if (r->halalas > 0)
        sila_sheet_write_money (sheet, row, REG_VALUE, r->halalas);
    }
  sila_sheet_finish_table (sheet, row);
}

/* The board's approval */

static void
period_in_both (const SilaPeriod  *period,
                char             **hijri,
                char             **gregorian)
{
  gboolean hijri_kind = period->kind == SILA_PERIOD_HIJRI_MONTH ||
                        period->kind == SILA_PERIOD_HIJRI_YEAR;
  g_autofree char *label = sila_period_to_label (period);
  g_autofree char *other = sila_report_period_other (period);

  *hijri = g_strdup (hijri_kind ? label : other);
  *gregorian = g_strdup (hijri_kind ? other : label);
}

static char *
date_in_both (const GDate *date)
{
  g_autofree char *hijri = sila_date_format (date, SILA_CALENDAR_HIJRI);
  g_autofree char *gregorian = sila_date_format (date, SILA_CALENDAR_GREGORIAN);

  return g_strdup_printf ("%s — %s", hijri, gregorian);
}

void
sila_report_book_write_approval_state (SilaReportBook *book,
                                       SilaSheet      *sheet,
                                       double          width,
                                       lxw_row_t      *row)
{
  const SilaReportFigures *f = book->figures;
  lxw_worksheet *ws = sila_sheet_get_lxw (sheet);
  g_autofree char *text = NULL;

  if (f->approval == NULL)
    {
      worksheet_write_string (ws, (*row)++, 0, _("Not approved by the board yet."),
                              book->label_bold);
      return;
    }

  {
    g_autofree char *day = sila_date_format (&f->approval->approved_on, SILA_CALENDAR_GREGORIAN);

    /* Translators: "Approved by the board: decision No. 12/1447 of 5 April 2026 (the
     * chair, Dr. Saleh)". */
    text = g_strdup_printf (_("Approved by the board: decision No. %s of %s (%s)."),
                            f->approval->decision_number, day, f->approval->approved_by);
  }
  sila_report_book_write_wrapped (book, sheet, (*row)++, 3, width, text, book->bold_wrap);
  if (f->changes != NULL && f->changes->len > 0)
    {
      g_autofree char *n = sila_format_int (f->changes->len);
      g_autofree char *changed =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "Changed since the board approved it: %s figure differs "
                                      "from the approved copy (see the approval sheet).",
                                      "Changed since the board approved it: %s figures differ "
                                      "from the approved copy (see the approval sheet).",
                                      f->changes->len),
                         n);

      sila_report_book_write_wrapped (book, sheet, (*row)++, 3, width, changed,
                                      book->warning_wrap);
    }
  else
    worksheet_write_string (ws, (*row)++, 0, _("Unchanged since the board approved it."),
                            book->note);
}

void
sila_report_book_write_approval (SilaReportBook *book)
{
  const SilaReportFigures *f = book->figures;
  SilaSheet *sheet = sila_workbook_add_sheet (book->workbook, _("Board approval"));
  lxw_worksheet *ws = sila_sheet_get_lxw (sheet);
  lxw_workbook *wb = sila_workbook_get_lxw (book->workbook);
  lxw_format *line = workbook_add_format (wb);
  lxw_format *value = workbook_add_format (wb);
  g_autofree char *title = sila_report_title (&f->period);
  g_autofree char *hijri = NULL;
  g_autofree char *gregorian = NULL;
  g_autofree char *today_text = NULL;
  const char *signers[] = {
    _("Chair of the board"), _("Board member"), _("Board member"), _("Board member"),
  };
  lxw_row_t row = 0;

  format_set_font_name (line, sila_workbook_get_font (book->workbook));
  format_set_bottom (line, LXW_BORDER_THIN);
  format_set_reading_order (line, book->rtl ? 2 : 1);
  format_set_font_name (value, sila_workbook_get_font (book->workbook));
  format_set_font_size (value, 11);
  format_set_text_wrap (value);
  format_set_reading_order (value, book->rtl ? 2 : 1);

  worksheet_set_column (ws, 0, 0, 30, NULL);
  worksheet_set_column (ws, 1, 3, 26, NULL);
  sila_sheet_set_print (sheet, f->association, FALSE);
  period_in_both (&f->period, &hijri, &gregorian);
  {
    GDate today;

    sila_clock_today (&today);
    today_text = date_in_both (&today);
  }

  sila_sheet_write_title (sheet, row++, _("Approval by the board of directors"));
  row++;
  {
    const struct {
      const char *label;
      const char *value;
    } fields[] = {
      { _("Association"), f->association },
      { _("Report"), title },
      { _("Period (Hijri)"), hijri },
      { _("Period (Gregorian)"), gregorian },
      { _("Prepared by"), f->prepared_by },
      { _("Prepared on"), today_text },
    };

    for (guint i = 0; i < G_N_ELEMENTS (fields); i++, row++)
      {
        worksheet_write_string (ws, row, 0, fields[i].label, book->label_bold);
        /* Across the three columns: a period in both calendars wrapped in
         * one column was cut by the row's height. */
        worksheet_merge_range (ws, row, 1, row, 3,
                               fields[i].value != NULL ? fields[i].value : "", value);
      }
  }

  row++;
  worksheet_write_string (ws, row++, 0, _("The board of directors approved this report:"),
                          book->label_bold);
  {
    g_autofree char *decided = f->approval != NULL ? date_in_both (&f->approval->approved_on)
                                                   : NULL;
    const struct {
      const char *label;
      const char *value;
    } fields[] = {
      { _("Decision number"), f->approval != NULL ? f->approval->decision_number : NULL },
      { _("Decision date"), decided },
      { _("Approved by"), f->approval != NULL ? f->approval->approved_by : NULL },
    };

    for (guint i = 0; i < G_N_ELEMENTS (fields); i++, row++)
      {
        worksheet_set_row (ws, row, 24, NULL);
        worksheet_write_string (ws, row, 0, fields[i].label, book->label_bold);
        if (fields[i].value != NULL)
          worksheet_merge_range (ws, row, 1, row, 3, fields[i].value, value);
        else
          worksheet_write_blank (ws, row, 1, line);
      }
  }

  /* Signature lines: a name, a signature and a date for each. */
  row++;
  worksheet_write_string (ws, row, 0, _("Signatures"), book->label_bold);
  worksheet_write_string (ws, row, 1, _("Name"), book->label_bold);
  worksheet_write_string (ws, row, 2, _("Signature"), book->label_bold);
  worksheet_write_string (ws, row, 3, _("Date"), book->label_bold);
  row++;
  for (guint i = 0; i < G_N_ELEMENTS (signers); i++, row++)
    {
      worksheet_set_row (ws, row, 36, NULL);
      worksheet_write_string (ws, row, 0, signers[i], value);
      for (lxw_col_t c = 1; c <= 3; c++)
        worksheet_write_blank (ws, row, c, line);
    }

  if (f->approval != NULL && f->changes != NULL && f->changes->len > 0)
    {
      row++;
      worksheet_write_string (ws, row++, 0, _("Changed since the board approved it"),
                              book->warning);
      worksheet_write_string (ws, row, 0, _("Figure"), book->label_bold);
      worksheet_write_string (ws, row, 1, _("As approved"), book->label_bold);
      worksheet_write_string (ws, row, 2, _("Now"), book->label_bold);
      row++;
      for (guint i = 0; i < f->changes->len; i++, row++)
        {
          const SilaReportChange *change = g_ptr_array_index (f->changes, i);

          worksheet_write_string (ws, row, 0, change->label, value);
          worksheet_write_string (ws, row, 1, change->approved, value);
          worksheet_write_string (ws, row, 2, change->now, value);
        }
    }

  row++;
  sila_report_book_write_wrapped (book, sheet, row, 3, 30 + 3 * 26,
                                  sila_report_confidentiality (), book->note_wrap);
}
