/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-core"

#include "sila-config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "sila-arabic.h"
#include "sila-csv.h"
#include "sila-display.h"
#include "sila-table-reader.h"
#include "sila-xlsx.h"

struct _SilaTableReader {
  SilaTableFormat  format;
  SilaCsvReader   *csv;
  SilaXlsxReader  *xlsx;
};

struct _SilaTableHeader {
  const SilaTableColumn *columns;
  guint                  n_columns;
  int                   *index;     /* per column: its index in the file, or -1 */
  GPtrArray             *unknown;
  guint                  line;
};

/* What the first bytes say. Only ZIP goes to the workbook reader; old
 * Excel (an OLE2 compound file, which is also what a password-protected
 * .xlsx is) and a few common mistakes get their own message. */
static gboolean
check_magic (const guint8  *data,
             gsize          size,
             gboolean      *is_zip,
             GError       **error)
{
  static const guint8 ole2[] = { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 };

  *is_zip = size >= 4 && memcmp (data, "PK\x03\x04", 4) == 0;
  if (*is_zip)
    return TRUE;

  /* An empty archive, or one that starts with a spanning marker. */
  if (size >= 4 && (memcmp (data, "PK\x05\x06", 4) == 0 || memcmp (data, "PK\x07\x08", 4) == 0))
    {
      *is_zip = TRUE;
      return TRUE;
    }

  if (size >= sizeof ole2 && memcmp (data, ole2, sizeof ole2) == 0)
    {
      g_set_error_literal (error, SILA_TABLE_ERROR, SILA_TABLE_ERROR_FORMAT,
                           _("This is an old Excel file (.xls) or a workbook protected by a "
                             "password. Open it in Excel or LibreOffice, save it as an Excel "
                             "workbook (.xlsx) or as CSV without a password, and try again."));
      return FALSE;
    }

  if (size >= 5 && memcmp (data, "%PDF-", 5) == 0)
    {
      g_set_error_literal (error, SILA_TABLE_ERROR, SILA_TABLE_ERROR_FORMAT,
                           _("This file is neither a CSV file nor an Excel workbook (.xlsx)."));
      return FALSE;
    }

  return TRUE;
}

static SilaTableReader *
reader_from_bytes (GBytes  *bytes,
                   GError **error)
{
  g_autoptr(SilaTableReader) reader = g_new0 (SilaTableReader, 1);
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  gboolean is_zip;

  if (!check_magic (data, size, &is_zip, error))
    return NULL;

  if (is_zip)
    {
      reader->format = SILA_TABLE_FORMAT_XLSX;
      reader->xlsx = sila_xlsx_reader_new_from_bytes (bytes, error);
      if (reader->xlsx == NULL)
        return NULL;
    }
  else
    {
      reader->format = SILA_TABLE_FORMAT_CSV;
      reader->csv = sila_csv_reader_new (bytes, error);
      if (reader->csv == NULL)
        return NULL;
    }

  return g_steal_pointer (&reader);
}

static void
set_too_large (GError **error)
{
  g_set_error (error, SILA_TABLE_ERROR, SILA_TABLE_ERROR_TOO_LARGE,
               _("The file is too large: at most %u MB can be imported."),
               (guint)(sila_table_get_limits ()->max_bytes / (1024 * 1024)));
  sila_display_error_digits (error);
}

SilaTableReader *
sila_table_reader_new_from_bytes (GBytes  *bytes,
                                  GError **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);

  if (g_bytes_get_size (bytes) > sila_table_get_limits ()->max_bytes)
    {
      set_too_large (error);
      return NULL;
    }
  return reader_from_bytes (bytes, error);
}

static void
set_io_error (const char  *path,
              int          saved_errno,
              GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, SILA_TABLE_ERROR, SILA_TABLE_ERROR_IO,
               _("Cannot read the file “%s”: %s"), display, g_strerror (saved_errno));
}

/* The whole of an open regular file, read in pieces and refused as soon as
 * it passes the size limit: the file may have grown since it was looked
 * at, and a size from stat() is only what it was then. */
static GBytes *
read_limited (int          fd,
              const char  *path,
              GError     **error)
{
  gsize max_bytes = sila_table_get_limits ()->max_bytes;
  g_autoptr(GByteArray) data = g_byte_array_new ();
  guint8 piece[64 * 1024];

  for (;;)
    {
      gssize n = read (fd, piece, sizeof piece);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          set_io_error (path, errno, error);
          return NULL;
        }
      if (n == 0)
        break;
      if (data->len + (gsize)n > max_bytes)
        {
          set_too_large (error);
          return NULL;
        }
      g_byte_array_append (data, piece, (guint)n);
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

SilaTableReader *
sila_table_reader_open (const char  *path,
                        GError     **error)
{
  return sila_table_reader_open_sheet (path, NULL, error);
}

SilaTableReader *
sila_table_reader_open_sheet (const char  *path,
                              const char  *sheet,
                              GError     **error)
{
  g_autoptr(SilaTableReader) reader = NULL;
  g_autoptr(GBytes) bytes = NULL;
  guint8 head[8] = { 0 };
  gssize head_len;
  GStatBuf st;
  gboolean is_zip;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  /* Opened without waiting: opening a FIFO for reading would otherwise
   * wait for a writer. What it is is then asked of the file opened, not of
   * the name, which could change in between. */
  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC, 0);
  if (fd < 0)
    {
      set_io_error (path, errno, error);
      return NULL;
    }
  if (fstat (fd, &st) != 0)
    {
      set_io_error (path, errno, error);
      close (fd);
      return NULL;
    }
  if (S_ISDIR (st.st_mode))
    {
      set_io_error (path, EISDIR, error);
      close (fd);
      return NULL;
    }
  /* A device (/dev/zero, /dev/urandom, a terminal), a pipe or a socket has
   * no end, or none to wait for: only a file saved on disk is read. */
  if (!S_ISREG (st.st_mode))
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, SILA_TABLE_ERROR, SILA_TABLE_ERROR_IO,
                   _("“%s” is not a file saved on disk (it is a device, a pipe or a socket), "
                     "so it cannot be imported. Save the data as a CSV file or an Excel "
                     "workbook (.xlsx) and import that file."),
                   display);
      close (fd);
      return NULL;
    }
  if ((guint64)st.st_size > sila_table_get_limits ()->max_bytes)
    {
      set_too_large (error);
      close (fd);
      return NULL;
    }
  /* A regular file never blocks; reads wait for the disk as usual. */
  fcntl (fd, F_SETFL, fcntl (fd, F_GETFL) & ~O_NONBLOCK);

  do
    head_len = read (fd, head, sizeof head);
  while (head_len < 0 && errno == EINTR);
  if (head_len < 0)
    {
      set_io_error (path, errno, error);
      close (fd);
      return NULL;
    }

  if (!check_magic (head, (gsize)head_len, &is_zip, error))
    {
      close (fd);
      return NULL;
    }

  reader = g_new0 (SilaTableReader, 1);
  if (is_zip)
    {
      close (fd);
      /* Straight from the file: the workbook is unpacked a part at a
       * time, never held whole. */
      reader->format = SILA_TABLE_FORMAT_XLSX;
      reader->xlsx = sila_xlsx_reader_new_from_file_sheet (path, sheet, error);
      if (reader->xlsx == NULL)
        return NULL;
      return g_steal_pointer (&reader);
    }

  if (lseek (fd, 0, SEEK_SET) != 0)
    {
      set_io_error (path, errno, error);
      close (fd);
      return NULL;
    }
  bytes = read_limited (fd, path, error);
  close (fd);
  if (bytes == NULL)
    return NULL;

  reader->format = SILA_TABLE_FORMAT_CSV;
  reader->csv = sila_csv_reader_new (bytes, error);
  if (reader->csv == NULL)
    return NULL;

  return g_steal_pointer (&reader);
}

void
sila_table_reader_free (SilaTableReader *reader)
{
  if (reader == NULL)
    return;
  g_clear_pointer (&reader->csv, sila_csv_reader_free);
  g_clear_pointer (&reader->xlsx, sila_xlsx_reader_free);
  g_free (reader);
}

SilaTableFormat
sila_table_reader_get_format (SilaTableReader *reader)
{
  g_return_val_if_fail (reader != NULL, SILA_TABLE_FORMAT_CSV);
  return reader->format;
}

const char *const *
sila_table_reader_get_sheet_names (SilaTableReader *reader)
{
  g_return_val_if_fail (reader != NULL, NULL);
  return reader->xlsx != NULL ? sila_xlsx_reader_get_sheet_names (reader->xlsx) : NULL;
}

const char *
sila_table_reader_get_sheet_name (SilaTableReader *reader)
{
  g_return_val_if_fail (reader != NULL, NULL);
  return reader->xlsx != NULL ? sila_xlsx_reader_get_sheet_name (reader->xlsx) : NULL;
}

const char *
sila_table_reader_get_encoding (SilaTableReader *reader)
{
  g_return_val_if_fail (reader != NULL, NULL);
  return reader->csv != NULL ? sila_csv_reader_get_encoding (reader->csv) : NULL;
}

double
sila_table_reader_get_fraction (SilaTableReader *reader)
{
  g_return_val_if_fail (reader != NULL, 0.0);
  return reader->csv != NULL ? sila_csv_reader_get_fraction (reader->csv)
                             : sila_xlsx_reader_get_fraction (reader->xlsx);
}

SilaTableRow *
sila_table_reader_next (SilaTableReader  *reader,
                        GError          **error)
{
  g_return_val_if_fail (reader != NULL, NULL);

  for (;;)
    {
      SilaTableRow *row = reader->csv != NULL ? sila_csv_reader_next (reader->csv, error)
                                              : sila_xlsx_reader_next (reader->xlsx, error);

      if (row == NULL || !sila_table_row_is_blank (row))
        return row;
      sila_table_row_free (row);
    }
}

/* ---- header ------------------------------------------------------------ */

gboolean
sila_table_column_accepts (const SilaTableColumn *column,
                const char            *folded_header)
{
  g_autofree char *key = sila_arabic_normalize_tokens (column->key);
  g_auto(GStrv) spellings = NULL;

  if (strcmp (key, folded_header) == 0)
    return TRUE;
  if (column->spellings == NULL)
    return FALSE;

  spellings = g_strsplit (column->spellings, "|", -1);
  for (guint i = 0; spellings[i] != NULL; i++)
    {
      g_autofree char *folded = sila_arabic_normalize_tokens (spellings[i]);

      if (*folded != '\0' && strcmp (folded, folded_header) == 0)
        return TRUE;
    }
  return FALSE;
}

SilaTableHeader *
sila_table_header_new (const SilaTableColumn  *columns,
                       guint                   n_columns,
                       const SilaTableRow     *header_row,
                       GError                **error)
{
  g_autoptr(SilaTableHeader) header = NULL;
  g_autoptr(GString) missing = NULL;
  guint n_missing = 0;

  g_return_val_if_fail (columns != NULL || n_columns == 0, NULL);
  g_return_val_if_fail (header_row != NULL, NULL);

  header = g_new0 (SilaTableHeader, 1);
  header->columns = columns;
  header->n_columns = n_columns;
  header->index = g_new (int, MAX (n_columns, 1));
  header->unknown = g_ptr_array_new_with_free_func (g_free);
  header->line = header_row->line;
  for (guint c = 0; c < n_columns; c++)
    header->index[c] = -1;

  for (guint i = 0; i < header_row->n_cells; i++)
    {
      g_autofree char *folded = sila_arabic_normalize_tokens (header_row->cells[i]);
      gboolean matched = FALSE;

      if (*folded == '\0')
        continue;

      for (guint c = 0; c < n_columns && !matched; c++)
        {
          if (!sila_table_column_accepts (&columns[c], folded))
            continue;
          matched = TRUE;
          if (header->index[c] >= 0)
            {
              /* Translators: two header cells of an imported file, then the
               * column both were read as. */
              g_set_error (error, SILA_TABLE_ERROR, SILA_TABLE_ERROR_HEADER,
                           _("The columns “%s” and “%s” both hold “%s”. Keep only one of them."),
                           header_row->cells[header->index[c]], header_row->cells[i],
                           _(columns[c].label));
              return NULL;
            }
          header->index[c] = (int)i;
        }

      if (!matched)
        g_ptr_array_add (header->unknown, g_strstrip (g_strdup (header_row->cells[i])));
    }
  g_ptr_array_add (header->unknown, NULL);

  missing = g_string_new (NULL);
  for (guint c = 0; c < n_columns; c++)
    {
      if (!columns[c].required || header->index[c] >= 0)
        continue;
      if (n_missing++ > 0)
        /* Translators: separates the names of missing columns in a list. */
        g_string_append (missing, _(", "));
      /* Translators: a column name quoted in a list. */
      g_string_append_printf (missing, _("“%s”"), _(columns[c].label));
    }
  if (n_missing > 0)
    {
      g_set_error (error, SILA_TABLE_ERROR, SILA_TABLE_ERROR_HEADER,
                   ngettext ("The file has no column for %s. Check the header row (line %u).",
                             "The file has no columns for %s. Check the header row (line %u).",
                             n_missing),
                   missing->str, header_row->line);
      return NULL;
    }

  return g_steal_pointer (&header);
}

SilaTableHeader *
sila_table_header_read (SilaTableReader       *reader,
                        const SilaTableColumn *columns,
                        guint                  n_columns,
                        GError               **error)
{
  g_autoptr(SilaTableRow) row = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (reader != NULL, NULL);

  row = sila_table_reader_next (reader, &local_error);
  if (row == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      else
        g_set_error_literal (error, SILA_TABLE_ERROR, SILA_TABLE_ERROR_EMPTY,
                             _("The file is empty: it has no header row."));
      return NULL;
    }
  return sila_table_header_new (columns, n_columns, row, error);
}

void
sila_table_header_free (SilaTableHeader *header)
{
  if (header == NULL)
    return;
  g_free (header->index);
  g_clear_pointer (&header->unknown, g_ptr_array_unref);
  g_free (header);
}

guint
sila_table_header_get_line (SilaTableHeader *header)
{
  g_return_val_if_fail (header != NULL, 0);
  return header->line;
}

int
sila_table_header_get_index (SilaTableHeader *header,
                             const char      *key)
{
  g_return_val_if_fail (header != NULL && key != NULL, -1);

  for (guint c = 0; c < header->n_columns; c++)
    if (strcmp (header->columns[c].key, key) == 0)
      return header->index[c];
  return -1;
}

gboolean
sila_table_header_has (SilaTableHeader *header,
                       const char      *key)
{
  return sila_table_header_get_index (header, key) >= 0;
}

const char *
sila_table_header_get (SilaTableHeader    *header,
                       const SilaTableRow *row,
                       const char         *key)
{
  int index;

  g_return_val_if_fail (row != NULL, NULL);

  index = sila_table_header_get_index (header, key);
  if (index < 0)
    return NULL;
  return sila_table_row_get (row, (guint)index);
}

const char *const *
sila_table_header_get_unknown (SilaTableHeader *header)
{
  g_return_val_if_fail (header != NULL, NULL);
  return (const char *const *)header->unknown->pdata;
}
