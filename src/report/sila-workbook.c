/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-report"

#include "sila-config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sila-private-file.h"
#include "sila-workbook.h"

#define N_KINDS (SILA_COLUMN_NUMBER + 1)
#define MAX_COLUMNS 64

struct _SilaSheet
{
  SilaWorkbook   *workbook;
  lxw_worksheet  *worksheet;
  lxw_row_t       header_row;
  guint           n_columns;
  SilaColumnKind  kinds[MAX_COLUMNS];
};

struct _SilaWorkbook
{
  lxw_workbook *workbook;
  char         *path;
  SilaPrivateFile *file;    /* 0600 from the first byte; renamed into place at close */
  gboolean      rtl;
  const char   *font;
  GPtrArray    *sheets;     /* SilaSheet */
  GHashTable   *names;      /* casefolded sheet names in use */
  lxw_format   *formats[N_KINDS][2];
  lxw_format   *header;
  lxw_format   *title;
  lxw_doc_properties properties;
  GPtrArray    *strings;    /* keeps property strings alive until close */
};

/* Naskh for Arabic workbooks, as the printed report; Noto Sans for English
 * ones, whose Arabic names (types, the association) fall back to Noto's
 * Arabic faces by fontconfig. */
static const char *
sila_workbook_font (gboolean rtl)
{
  return rtl ? "Noto Naskh Arabic" : "Noto Sans";
}

static lxw_format *
new_format (SilaWorkbook *self,
            gboolean      bold)
{
  lxw_format *format = workbook_add_format (self->workbook);

  format_set_font_name (format, self->font);
  format_set_font_size (format, 11);
  format_set_align (format, LXW_ALIGN_VERTICAL_CENTER);
  if (bold)
    format_set_bold (format);
  return format;
}

static void
make_formats (SilaWorkbook *self)
{
  /* The riyal is written after the amount in both languages. */
  const char *money = self->rtl ? "#,##0.00 \"ر.س\"" : "#,##0.00 \"SAR\"";

  for (int b = 0; b < 2; b++)
    {
      for (int k = 0; k < N_KINDS; k++)
        self->formats[k][b] = new_format (self, b);

      /* Text reads right to left in an Arabic workbook; IDs and phones
       * always left to right, kept as text so no leading zero is lost. */
      format_set_reading_order (self->formats[SILA_COLUMN_TEXT][b], self->rtl ? 2 : 1);
      format_set_text_wrap (self->formats[SILA_COLUMN_TEXT][b]);
      format_set_num_format (self->formats[SILA_COLUMN_INTEGER][b], "#,##0");
      format_set_num_format (self->formats[SILA_COLUMN_DECIMAL][b], "#,##0.00");
      format_set_num_format (self->formats[SILA_COLUMN_MONEY][b], money);
      format_set_num_format (self->formats[SILA_COLUMN_PERCENT][b], "0.0%");
      /* A file number is a name more than a quantity: "2067", never "2,067". */
      format_set_num_format (self->formats[SILA_COLUMN_NUMBER][b], "0");
      format_set_num_format (self->formats[SILA_COLUMN_DATE][b], "yyyy-mm-dd");
      format_set_align (self->formats[SILA_COLUMN_DATE][b], LXW_ALIGN_CENTER);
      format_set_num_format (self->formats[SILA_COLUMN_ID][b], "@");
      format_set_reading_order (self->formats[SILA_COLUMN_ID][b], 1);
    }

  self->header = new_format (self, TRUE);
  format_set_bg_color (self->header, 0xDDEEE6);
  format_set_bottom (self->header, LXW_BORDER_THIN);
  format_set_text_wrap (self->header);
  format_set_reading_order (self->header, self->rtl ? 2 : 1);

  self->title = new_format (self, TRUE);
  format_set_font_size (self->title, 14);
  format_set_reading_order (self->title, self->rtl ? 2 : 1);
}

/* @streaming writes each sheet row by row in ascending order (libxlsxwriter's
 * constant-memory mode): use it for large registers. */
SilaWorkbook *
sila_workbook_new (const char  *path,
                   gboolean     rtl,
                   gboolean     streaming,
                   GError     **error)
{
  lxw_workbook_options options = { .constant_memory = streaming ? LXW_TRUE : LXW_FALSE,
                                   .tmpdir = NULL, .use_zip64 = LXW_FALSE };
  g_autoptr(SilaPrivateFile) file = NULL;
  SilaWorkbook *self;

  g_return_val_if_fail (path != NULL, NULL);

  /* libxlsxwriter writes its file by name, at close: it is given a private
   * temporary file of ours to write into. */
  file = sila_private_file_begin (path, error);
  if (file == NULL)
    return NULL;

  /* libxlsxwriter prints numbers with the C library's locale (PLATFORM.md). */
  setlocale (LC_NUMERIC, "C");

  self = g_new0 (SilaWorkbook, 1);
  self->workbook = workbook_new_opt (sila_private_file_get_partial (file), &options);
  if (self->workbook == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The workbook “%s” cannot be created."), path);
      g_free (self);
      return NULL;
    }

  self->file = g_steal_pointer (&file);

  self->path = g_strdup (path);
  self->rtl = rtl;
  self->font = sila_workbook_font (rtl);
  self->sheets = g_ptr_array_new_with_free_func (g_free);
  self->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->strings = g_ptr_array_new_with_free_func (g_free);
  make_formats (self);

  return self;
}

static char *
keep (SilaWorkbook *self,
      const char   *text)
{
  char *copy = g_strdup (text);

  if (copy != NULL)
    g_ptr_array_add (self->strings, copy);
  return copy;
}

/* Title, subject, author and company in the file's properties; the
 * confidentiality note goes into its comments and status. */
void
sila_workbook_set_properties (SilaWorkbook *self,
                              const char   *title,
                              const char   *subject,
                              const char   *author,
                              const char   *organization,
                              const char   *confidentiality)
{
  g_return_if_fail (self != NULL);

  self->properties.title = keep (self, title);
  self->properties.subject = keep (self, subject);
  self->properties.author = keep (self, author);
  self->properties.company = keep (self, organization);
  self->properties.comments = keep (self, confidentiality);
  self->properties.status = keep (self, confidentiality);
  workbook_set_properties (self->workbook, &self->properties);
}

/* The font every cell asks for: one that LibreOffice on Debian has (the
 * package depends on fonts-noto-core), since Arial is missing there and its
 * substitutes draw italic Arabic as overlapping glyphs or boxes
 * (PLATFORM.md, "Exports seen by LibreOffice"). */
const char *
sila_workbook_get_font (SilaWorkbook *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->font;
}

lxw_workbook *
sila_workbook_get_lxw (SilaWorkbook *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->workbook;
}

/* Excel's rules for sheet names: at most 31 characters, none of []:*?/\,
 * no apostrophe at either end, unique whatever the case, never empty. */
static char *
sheet_name (SilaWorkbook *self,
            const char   *wanted)
{
  GString *name = g_string_new (NULL);
  g_autofree char *folded = NULL;
  guint n = 0;

  if (wanted != NULL && g_utf8_validate (wanted, -1, NULL))
    for (const char *p = wanted; *p != '\0' && n < 28; p = g_utf8_next_char (p))
      {
        gunichar c = g_utf8_get_char (p);

        if (strchr ("[]:*?/\\", (int)c) != NULL && c < 128)
          c = '-';
        if (g_unichar_iscntrl (c))
          continue;
        g_string_append_unichar (name, c);
        n++;
      }

  while (name->len > 0 && (name->str[0] == '\'' || name->str[0] == ' '))
    g_string_erase (name, 0, 1);
  while (name->len > 0 && (name->str[name->len - 1] == '\'' || name->str[name->len - 1] == ' '))
    g_string_truncate (name, name->len - 1);
  if (name->len == 0)
    g_string_printf (name, "%u", self->sheets->len + 1);

  for (guint i = 2;; i++)
    {
      g_free (folded);
      folded = g_utf8_casefold (name->str, -1);
      if (!g_hash_table_contains (self->names, folded))
        break;
      /* "(2)" keeps within 31: the base is at most 28 characters. */
      if (i > 2)
        g_string_truncate (name, strrchr (name->str, '(') - name->str);
      g_string_append_printf (name, "(%u)", i);
    }

  g_hash_table_add (self->names, g_steal_pointer (&folded));
  return g_string_free (name, FALSE);
}

SilaSheet *
sila_workbook_add_sheet (SilaWorkbook *self,
                         const char   *name)
{
  g_autofree char *safe = NULL;
  SilaSheet *sheet;

  g_return_val_if_fail (self != NULL, NULL);

  safe = sheet_name (self, name);
  sheet = g_new0 (SilaSheet, 1);
  sheet->workbook = self;
  sheet->worksheet = workbook_add_worksheet (self->workbook, safe);
  if (sheet->worksheet == NULL)
    {
      g_autofree char *fallback = g_strdup_printf ("%u", self->sheets->len + 1);

      sheet->worksheet = workbook_add_worksheet (self->workbook, fallback);
    }
  g_assert (sheet->worksheet != NULL);

  if (self->rtl)
    worksheet_right_to_left (sheet->worksheet);
  worksheet_set_default_row (sheet->worksheet, sila_workbook_get_row_height (self), LXW_FALSE);
  worksheet_set_paper (sheet->worksheet, 9); /* A4 */
  worksheet_fit_to_pages (sheet->worksheet, 1, 0);

  g_ptr_array_add (self->sheets, sheet);
  return sheet;
}

gboolean
sila_workbook_close (SilaWorkbook  *self,
                     GError       **error)
{
  lxw_error result;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->workbook != NULL, FALSE);

  setlocale (LC_NUMERIC, "C");
  result = workbook_close (self->workbook);
  self->workbook = NULL;

  if (result != LXW_NO_ERROR)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The workbook “%s” could not be written: %s"), self->path,
                   lxw_strerror (result));
      g_clear_pointer (&self->file, sila_private_file_free);
      return FALSE;
    }

  if (!sila_private_file_commit (self->file, error))
    {
      g_clear_pointer (&self->file, sila_private_file_free);
      return FALSE;
    }
  g_clear_pointer (&self->file, sila_private_file_free);
  return TRUE;
}

/* Frees the workbook; one not closed is abandoned, its file not written. */
void
sila_workbook_free (SilaWorkbook *self)
{
  if (self == NULL)
    return;

  if (self->workbook != NULL)
    {
      /* libxlsxwriter has no "abandon": it writes its temporary file,
       * which is then removed. */
      workbook_close (self->workbook);
    }
  g_clear_pointer (&self->file, sila_private_file_free);
  g_ptr_array_unref (self->sheets);
  g_hash_table_unref (self->names);
  g_ptr_array_unref (self->strings);
  g_free (self->path);
  g_free (self);
}

lxw_worksheet *
sila_sheet_get_lxw (SilaSheet *sheet)
{
  g_return_val_if_fail (sheet != NULL, NULL);

  return sheet->worksheet;
}

lxw_format *
sila_sheet_get_format (SilaSheet      *sheet,
                       SilaColumnKind  kind,
                       gboolean        bold)
{
  g_return_val_if_fail (sheet != NULL, NULL);
  g_return_val_if_fail (kind < N_KINDS, NULL);

  return sheet->workbook->formats[kind][bold ? 1 : 0];
}

/* The height in points of a line of 11-point text in the workbook's font:
 * Naskh's marks above and below stand taller than Latin faces, and
 * spreadsheets do not grow rows to fit on opening. */
double
sila_workbook_get_row_height (SilaWorkbook *self)
{
  g_return_val_if_fail (self != NULL, 15);

  return self->rtl ? 20 : 15;
}

/* How many lines a wrapped header takes in a column @width characters wide
 * (Excel's unit: the width of a digit of the default font). Bold headers
 * take a little more than a digit per character; words are not split. */
static guint
header_lines (const char *text,
              double      width)
{
  g_auto(GStrv) words = NULL;
  double used = 0, room = MAX (width - 1, 4);
  guint lines = 1;

  if (text == NULL || *text == '\0')
    return 1;
  words = g_strsplit_set (text, " \n", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      double w = 1.15 * g_utf8_strlen (words[i], -1);

      if (w == 0)
        continue;
      if (used > 0 && used + 1 + w > room)
        {
          lines++;
          used = 0;
        }
      used += (used > 0 ? 1 : 0) + w;
      while (used > room)
        {
          lines++;
          used -= room;
        }
    }
  return lines;
}

/* Writes the header row at @header_row, sets each column's width and
 * kind, and freezes the rows down to the header. */
void
sila_sheet_set_columns (SilaSheet            *sheet,
                        lxw_row_t             header_row,
                        guint                 n_columns,
                        const char * const   *headers,
                        const double         *widths,
                        const SilaColumnKind *kinds)
{
  g_return_if_fail (sheet != NULL);
  g_return_if_fail (n_columns > 0 && n_columns <= MAX_COLUMNS);

  guint lines = 2;

  sheet->header_row = header_row;
  sheet->n_columns = n_columns;

  for (guint i = 0; i < n_columns; i++)
    {
      SilaColumnKind kind = kinds != NULL ? kinds[i] : SILA_COLUMN_TEXT;
      double width = widths != NULL ? widths[i] : 16;

      lines = MAX (lines, header_lines (headers[i], width));

      sheet->kinds[i] = kind;
      worksheet_set_column (sheet->worksheet, i, i, widths != NULL ? widths[i] : 16,
                            sila_sheet_get_format (sheet, kind, FALSE));
      worksheet_write_string (sheet->worksheet, header_row, i,
                              headers[i] != NULL ? headers[i] : "", sheet->workbook->header);
    }

  worksheet_set_row (sheet->worksheet, header_row,
                     4 + lines * sila_workbook_get_row_height (sheet->workbook), NULL);
  worksheet_freeze_panes (sheet->worksheet, header_row + 1, 0);
  worksheet_repeat_rows (sheet->worksheet, header_row, header_row);
}

/* Always a string, even "=SUM(…)": user text never becomes a formula. */
void
sila_sheet_write_text (SilaSheet  *sheet,
                       lxw_row_t   row,
                       lxw_col_t   col,
                       const char *text)
{
  g_return_if_fail (sheet != NULL);

  if (text == NULL || *text == '\0')
    return;

  worksheet_write_string (sheet->worksheet, row, col, text,
                          sila_sheet_get_format (sheet, col < sheet->n_columns &&
                                                 sheet->kinds[col] == SILA_COLUMN_ID
                                                 ? SILA_COLUMN_ID : SILA_COLUMN_TEXT, FALSE));
}

void
sila_sheet_write_title (SilaSheet  *sheet,
                        lxw_row_t   row,
                        const char *text)
{
  g_return_if_fail (sheet != NULL);

  worksheet_write_string (sheet->worksheet, row, 0, text != NULL ? text : "",
                          sheet->workbook->title);
}

void
sila_sheet_write_number (SilaSheet      *sheet,
                         lxw_row_t       row,
                         lxw_col_t       col,
                         double          value,
                         SilaColumnKind  kind)
{
  g_return_if_fail (sheet != NULL);

  worksheet_write_number (sheet->worksheet, row, col, value,
                          sila_sheet_get_format (sheet, kind, FALSE));
}

/* Riyals from exact halalas; the division happens here, at the very end. */
void
sila_sheet_write_money (SilaSheet *sheet,
                        lxw_row_t  row,
                        lxw_col_t  col,
                        gint64     halalas)
{
  sila_sheet_write_number (sheet, row, col, halalas / 100.0, SILA_COLUMN_MONEY);
}

void
sila_sheet_write_date (SilaSheet   *sheet,
                       lxw_row_t    row,
                       lxw_col_t    col,
                       const GDate *date)
{
  lxw_datetime dt = { 0 };

  g_return_if_fail (sheet != NULL);

  if (date == NULL || !g_date_valid (date))
    return;

  dt.year = g_date_get_year (date);
  dt.month = g_date_get_month (date);
  dt.day = g_date_get_day (date);
  worksheet_write_datetime (sheet->worksheet, row, col, &dt,
                            sila_sheet_get_format (sheet, SILA_COLUMN_DATE, FALSE));
}

/* Writes @value as the column's kind says: numbers as numbers (a dot for
 * decimals), dates as dates (YYYY-MM-DD), the rest as text. A value that
 * does not parse as its kind is written as text rather than lost. */
void
sila_sheet_write_cell (SilaSheet  *sheet,
                       lxw_row_t   row,
                       lxw_col_t   col,
                       const char *value)
{
  SilaColumnKind kind;

  g_return_if_fail (sheet != NULL);

  if (value == NULL || *value == '\0')
    return;

  kind = col < sheet->n_columns ? sheet->kinds[col] : SILA_COLUMN_TEXT;
  switch (kind)
    {
    case SILA_COLUMN_INTEGER:
    case SILA_COLUMN_DECIMAL:
    case SILA_COLUMN_MONEY:
    case SILA_COLUMN_PERCENT:
    case SILA_COLUMN_NUMBER:
      {
        char *end = NULL;
        double number = g_ascii_strtod (value, &end);

        if (end != value && *end == '\0')
          {
            sila_sheet_write_number (sheet, row, col, number, kind);
            return;
          }
      }
      break;

    case SILA_COLUMN_DATE:
      {
        unsigned y, m, d;
        char tail;

        if (sscanf (value, "%4u-%2u-%2u%c", &y, &m, &d, &tail) == 3 &&
            g_date_valid_dmy (d, m, y))
          {
            GDate date;

            g_date_clear (&date, 1);
            g_date_set_dmy (&date, d, m, y);
            sila_sheet_write_date (sheet, row, col, &date);
            return;
          }
      }
      break;

    case SILA_COLUMN_TEXT:
    case SILA_COLUMN_ID:
    default:
      break;
    }

  sila_sheet_write_text (sheet, row, col, value);
}

/* Puts a filter on the table from the header row down to @last_row. */
void
sila_sheet_finish_table (SilaSheet *sheet,
                         lxw_row_t  last_row)
{
  g_return_if_fail (sheet != NULL);

  if (sheet->n_columns > 0 && last_row >= sheet->header_row)
    worksheet_autofilter (sheet->worksheet, sheet->header_row, 0, last_row,
                          sheet->n_columns - 1);
}

/* Escapes '&', the control character of Excel headers and footers. */
static char *
escape_header (const char *text)
{
  GString *s = g_string_new (NULL);
  guint n = 0;

  for (const char *p = text != NULL ? text : ""; *p != '\0' && n < 100;
       p = g_utf8_next_char (p), n++)
    {
      if (*p == '&')
        g_string_append (s, "&&");
      else
        g_string_append_unichar (s, g_utf8_get_char (p));
    }
  return g_string_free (s, FALSE);
}

/* A4, fitted to the page width, the association's name in the header and
 * "page / pages" in the footer. */
void
sila_sheet_set_print (SilaSheet  *sheet,
                      const char *header,
                      gboolean    landscape)
{
  g_autofree char *escaped = escape_header (header);
  g_autofree char *header_code = g_strdup_printf ("&C&\"%s,Bold\"%s",
                                                  sheet->workbook->font, escaped);

  g_return_if_fail (sheet != NULL);

  if (landscape)
    worksheet_set_landscape (sheet->worksheet);
  worksheet_set_header (sheet->worksheet, header_code);
  worksheet_set_footer (sheet->worksheet, "&C&P / &N");
}
