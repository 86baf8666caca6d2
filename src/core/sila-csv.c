/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-core"

#include "sila-config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sila-csv.h"
#include "sila-display.h"

struct _SilaCsvReader {
  char       *text;      /* the whole file, UTF-8, without its BOM */
  gsize       len;
  gsize       pos;
  guint       line;      /* physical line at pos, from 1 */
  guint       n_records;
  char        separator;
  const char *encoding;
};

static gboolean
set_too_large (GError **error)
{
  g_set_error (error, SILA_TABLE_ERROR, SILA_TABLE_ERROR_TOO_LARGE,
               _("The file is too large: at most %u MB can be imported."),
               (guint)(sila_table_get_limits ()->max_bytes / (1024 * 1024)));
  sila_display_error_digits (error);
  return FALSE;
}

/* The separator the header line (up to the first line end outside quotes)
 * uses most: ties go to the comma, then the semicolon. */
static char
detect_separator (const char *text,
                  gsize       len)
{
  guint commas = 0, semicolons = 0, tabs = 0;
  gboolean quoted = FALSE;

  for (gsize i = 0; i < len; i++)
    {
      char c = text[i];

      if (c == '"')
        quoted = !quoted;
      else if (quoted)
        continue;
      else if (c == '\n' || c == '\r')
        break;
      else if (c == ',')
        commas++;
      else if (c == ';')
        semicolons++;
      else if (c == '\t')
        tabs++;
    }

  if (semicolons > commas && semicolons >= tabs)
    return ';';
  if (tabs > commas && tabs > semicolons)
    return '\t';
  return ',';
}

/* How the physical lines of a file without a UTF-16 mark are written:
 * lines of ASCII only could be either; a line with other bytes is UTF-8
 * when it is valid UTF-8, else it is taken for Windows-1256. Lines are
 * counted as the records' lines are (CRLF, LF or CR ends one). */
typedef struct {
  guint n_utf8;
  guint n_other;
  guint first_utf8;   /* line number, or 0 */
  guint first_other;
} LineEncodings;

static void
judge_lines (const guint8  *data,
             gsize          size,
             LineEncodings *lines)
{
  gsize start = 0;
  guint line = 1;

  memset (lines, 0, sizeof *lines);
  while (start < size)
    {
      gsize end = start;
      gboolean ascii = TRUE;

      while (end < size && data[end] != '\n' && data[end] != '\r')
        {
          ascii = ascii && data[end] < 0x80;
          end++;
        }

      if (!ascii)
        {
          if (g_utf8_validate ((const char *)data + start, (gssize)(end - start), NULL))
            {
              if (lines->n_utf8++ == 0)
                lines->first_utf8 = line;
            }
          else if (lines->n_other++ == 0)
            lines->first_other = line;
        }

      if (end < size && data[end] == '\r' && end + 1 < size && data[end + 1] == '\n')
        end++;
      start = end + 1;
      line++;
    }
}

/* UTF-8 text from the file's bytes, and the name of the encoding found. */
static char *
decode (const guint8  *data,
        gsize          size,
        gsize         *out_len,
        const char   **encoding,
        GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  const char *from = NULL;
  gsize skip = 0;
  char *text;
  gsize written = 0;
  LineEncodings lines;

  if (size >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF)
    {
      from = "UTF-8";
      skip = 3;
    }
  else if (size >= 2 && data[0] == 0xFF && data[1] == 0xFE)
    {
      from = "UTF-16LE";
      skip = 2;
    }
  else if (size >= 2 && data[0] == 0xFE && data[1] == 0xFF)
    {
      from = "UTF-16BE";
      skip = 2;
    }

  data += skip;
  size -= skip;

  if (from != NULL && strcmp (from, "UTF-8") != 0)
    {
      text = g_convert ((const char *)data, (gssize)size, "UTF-8", from, NULL, &written,
                        &local_error);
      if (text == NULL || memchr (text, '\0', written) != NULL)
        {
          g_debug ("Cannot convert from %s: %s", from,
                   local_error != NULL ? local_error->message : "NUL in text");
          g_free (text);
          g_set_error_literal (error, SILA_TABLE_ERROR, SILA_TABLE_ERROR_ENCODING,
                               _("The text of the file cannot be read. Save it as "
                                 "“CSV UTF-8” and try again."));
          return NULL;
        }
      *encoding = from;
      *out_len = written;
      return text;
    }

  /* A NUL byte never appears in text: this is some binary file. */
  if (memchr (data, '\0', size) != NULL)
    {
      g_set_error_literal (error, SILA_TABLE_ERROR, SILA_TABLE_ERROR_FORMAT,
                           _("This file is neither a CSV file nor an Excel workbook (.xlsx)."));
      return NULL;
    }

  judge_lines (data, size, &lines);

  /* With a UTF-8 mark, every line is UTF-8. */
  if (from != NULL && lines.n_other > 0)
    {
      g_set_error (error, SILA_TABLE_ERROR, SILA_TABLE_ERROR_ENCODING,
                   _("Line %u of the file is not UTF-8 text, though the file says it is. "
                     "Nothing was imported. Save the whole file as “CSV UTF-8” and try "
                     "again."),
                   lines.first_other);
      return NULL;
    }

  /* Lines in both: the file was pasted together from two sources. Which
   * is right is not guessed for any row: the file is refused, naming the
   * first line that differs from most of the others. */
  if (lines.n_utf8 > 0 && lines.n_other > 0)
    {
      if (lines.n_utf8 >= lines.n_other)
        g_set_error (error, SILA_TABLE_ERROR, SILA_TABLE_ERROR_ENCODING,
                     _("The file mixes two encodings: most of its lines are UTF-8, but line "
                       "%u is not (it looks like Windows Arabic, Windows-1256). Nothing was "
                       "imported. Save the whole file as “CSV UTF-8” and try again."),
                     lines.first_other);
      else
        g_set_error (error, SILA_TABLE_ERROR, SILA_TABLE_ERROR_ENCODING,
                     _("The file mixes two encodings: most of its lines are Windows Arabic "
                       "(Windows-1256), but line %u is UTF-8. Nothing was imported. Save the "
                       "whole file as “CSV UTF-8” and try again."),
                     lines.first_utf8);
      return NULL;
    }

  if (lines.n_other == 0)
    {
      *encoding = "UTF-8";
      *out_len = size;
      return g_strndup ((const char *)data, size);
    }

  /* Windows-1256 assigns a character to every byte, so this only fails if
   * the system lacks the converter. */
  text = g_convert ((const char *)data, (gssize)size, "UTF-8", "WINDOWS-1256", NULL, &written,
                    &local_error);
  if (text == NULL)
    {
      g_debug ("Cannot convert from WINDOWS-1256: %s", local_error->message);
      g_set_error_literal (error, SILA_TABLE_ERROR, SILA_TABLE_ERROR_ENCODING,
                           _("The text of the file cannot be read. Save it as “CSV UTF-8” "
                             "and try again."));
      return NULL;
    }
  *encoding = "WINDOWS-1256";
  *out_len = written;
  return text;
}

static gboolean check_records (SilaCsvReader  *reader,
                               GError        **error);

SilaCsvReader *
sila_csv_reader_new (GBytes  *bytes,
                     GError **error)
{
  g_autoptr(SilaCsvReader) reader = NULL;
  const guint8 *data;
  gsize size;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  if (size > sila_table_get_limits ()->max_bytes)
    {
      set_too_large (error);
      return NULL;
    }

  reader = g_new0 (SilaCsvReader, 1);
  reader->text = decode (data != NULL ? data : (const guint8 *)"", size, &reader->len,
                         &reader->encoding, error);
  if (reader->text == NULL)
    return NULL;

  /* UTF-16 doubles nothing, but Windows-1256 can grow text by half. */
  if (reader->len > sila_table_get_limits ()->max_bytes * 2)
    {
      set_too_large (error);
      return NULL;
    }

  reader->separator = detect_separator (reader->text, reader->len);
  reader->line = 1;
  if (!check_records (reader, error))
    return NULL;
  return g_steal_pointer (&reader);
}

void
sila_csv_reader_free (SilaCsvReader *reader)
{
  if (reader == NULL)
    return;
  g_free (reader->text);
  g_free (reader);
}

char
sila_csv_reader_get_separator (SilaCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, ',');
  return reader->separator;
}

const char *
sila_csv_reader_get_encoding (SilaCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, NULL);
  return reader->encoding;
}

/* Consumes a line end at pos (CRLF, LF or CR) and counts it. */
static gboolean
take_line_end (SilaCsvReader *reader)
{
  char c = reader->text[reader->pos];

  if (c == '\r')
    {
      reader->pos++;
      if (reader->pos < reader->len && reader->text[reader->pos] == '\n')
        reader->pos++;
      reader->line++;
      return TRUE;
    }
  if (c == '\n')
    {
      reader->pos++;
      reader->line++;
      return TRUE;
    }
  return FALSE;
}

/* Ends the cell being read: kept in @cells, or only counted when @cells
 * is NULL (the first pass, which checks the limits). */
static gboolean
push_cell (GPtrArray  *cells,
           guint      *n_cells,
           GString    *cell,
           guint       line,
           GError    **error)
{
  const SilaTableLimits *limits = sila_table_get_limits ();

  if (*n_cells >= limits->max_columns)
    {
      g_set_error (error, SILA_TABLE_ERROR, SILA_TABLE_ERROR_TOO_LARGE,
                   _("Line %u has more than %u columns."), line, limits->max_columns);
      return FALSE;
    }
  if (cells != NULL)
    g_ptr_array_add (cells, g_strndup (cell->str, cell->len));
  (*n_cells)++;
  g_string_truncate (cell, 0);
  return TRUE;
}

/* Reads one record at pos into @cells (NULL: reads past it, checking the
 * limits only). FALSE with @error set for a quote never closed or a limit
 * passed. */
static gboolean
read_record (SilaCsvReader  *reader,
             GPtrArray      *cells,
             GString        *cell,
             GError        **error)
{
  const SilaTableLimits *limits = sila_table_get_limits ();
  const char *t = reader->text;
  char sep = reader->separator;
  guint start_line = reader->line;
  guint n_cells = 0;

  if (reader->n_records >= limits->max_rows)
    {
      g_set_error (error, SILA_TABLE_ERROR, SILA_TABLE_ERROR_TOO_LARGE,
                   _("The file has more than %u rows. Split it into smaller files."),
                   limits->max_rows);
      return FALSE;
    }

  g_string_truncate (cell, 0);
  for (;;)
    {
      /* One field: quoted or not. */
      if (reader->pos < reader->len && t[reader->pos] == '"')
        {
          reader->pos++;
          for (;;)
            {
              char c;

              if (reader->pos >= reader->len)
                {
                  g_set_error (error, SILA_TABLE_ERROR, SILA_TABLE_ERROR_DAMAGED,
                               _("Line %u: a quoted value is never closed."), start_line);
                  return FALSE;
                }
              c = t[reader->pos];
              if (c == '"')
                {
                  if (reader->pos + 1 < reader->len && t[reader->pos + 1] == '"')
                    {
                      g_string_append_c (cell, '"');
                      reader->pos += 2;
                      continue;
                    }
                  reader->pos++;
                  break;
                }
              if (c == '\r' || c == '\n')
                {
                  take_line_end (reader);
                  g_string_append_c (cell, '\n');
                }
              else
                {
                  g_string_append_c (cell, c);
                  reader->pos++;
                }
              if (cell->len > limits->max_cell_bytes)
                goto cell_too_long;
            }
        }

      /* Unquoted text, or what follows a closing quote (kept, as Excel
       * does), up to the separator or the line end. */
      while (reader->pos < reader->len)
        {
          char c = t[reader->pos];

          if (c == sep || c == '\r' || c == '\n')
            break;
          g_string_append_c (cell, c);
          reader->pos++;
          if (cell->len > limits->max_cell_bytes)
            goto cell_too_long;
        }

      if (!push_cell (cells, &n_cells, cell, start_line, error))
        return FALSE;

      if (reader->pos >= reader->len)
        break;
      if (t[reader->pos] == sep)
        {
          reader->pos++;
          continue;
        }
      take_line_end (reader);
      break;
    }

  reader->n_records++;
  return TRUE;

cell_too_long:
  g_set_error (error, SILA_TABLE_ERROR, SILA_TABLE_ERROR_TOO_LARGE,
               _("Line %u: a value is too long."), start_line);
  return FALSE;
}

/* The first pass: every record read and dropped, so that a file past a
 * limit or damaged is refused at once, before any of its rows is looked
 * at (a million rows would otherwise be checked before the last one says
 * the file is too long). Then back to the start. */
static gboolean
check_records (SilaCsvReader  *reader,
               GError        **error)
{
  g_autoptr(GString) cell = g_string_new (NULL);

  while (reader->pos < reader->len)
    if (!read_record (reader, NULL, cell, error))
      return FALSE;

  reader->pos = 0;
  reader->line = 1;
  reader->n_records = 0;
  return TRUE;
}

SilaTableRow *
sila_csv_reader_next (SilaCsvReader  *reader,
                      GError        **error)
{
  g_autoptr(GPtrArray) cells = NULL;
  g_autoptr(GString) cell = NULL;
  SilaTableRow *row;
  guint start_line;

  g_return_val_if_fail (reader != NULL, NULL);

  if (reader->pos >= reader->len)
    return NULL;

  start_line = reader->line;
  cells = g_ptr_array_new_with_free_func (g_free);
  cell = g_string_new (NULL);
  if (!read_record (reader, cells, cell, error))
    return NULL;

  row = g_new0 (SilaTableRow, 1);
  row->line = start_line;
  row->n_cells = cells->len;
  g_ptr_array_add (cells, NULL);
  row->cells = (char **)g_ptr_array_free (g_steal_pointer (&cells), FALSE);
  return row;
}

double
sila_csv_reader_get_fraction (SilaCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, 0.0);
  if (reader->len == 0)
    return 1.0;
  return MIN (1.0, (double)reader->pos / (double)reader->len);
}
