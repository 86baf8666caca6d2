/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The XLSX reader itself: opening a workbook, and its worksheet parsed a
 * chunk at a time into rows. The package's parts are in
 * sila-xlsx-package.c, the cell values in sila-xlsx-values.c. */
#define G_LOG_DOMAIN "sila-core"

#include "sila-config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "sila-xlsx-private.h"

/* ---- the worksheet, streamed ------------------------------------------- */

/* "BC12" → column 54 (from 0), row 12; FALSE if it is not a reference. */
static gboolean
parse_cell_ref (const char *ref,
                guint      *col)
{
  guint64 c = 0;
  const char *p = ref;

  for (; g_ascii_isalpha (*p); p++)
    {
      c = c * 26 + (guint64)(g_ascii_toupper (*p) - 'A' + 1);
      if (c > G_MAXINT)
        return FALSE;
    }
  if (p == ref || c == 0)
    return FALSE;
  *col = (guint)(c - 1);
  return TRUE;
}

static void
sheet_start (GMarkupParseContext  *ctx,
             const char           *element,
             const char          **names,
             const char          **values,
             gpointer              user_data,
             GError              **error)
{
  SheetState *st = user_data;
  const char *local = local_name (element);

  if (strcmp (local, "sheetData") == 0)
    st->in_sheet_data = TRUE;
  else if (!st->in_sheet_data)
    return;
  else if (strcmp (local, "row") == 0)
    {
      guint64 r;

      st->in_row = TRUE;
      st->row_number = parse_uint (find_attr (names, values, "r"), G_MAXUINT, &r) && r > 0
                       ? (guint)r : st->last_row + 1;
      st->next_col = 0;
      g_ptr_array_set_size (st->cells, 0);
    }
  else if (strcmp (local, "c") == 0 && st->in_row)
    {
      const char *ref = find_attr (names, values, "r");
      const char *t = find_attr (names, values, "t");
      guint64 s = 0;

      st->in_cell = TRUE;
      if (ref == NULL || !parse_cell_ref (ref, &st->col))
        st->col = st->next_col;
      if (st->col >= sila_table_get_limits ()->max_columns)
        {
          g_set_error (error, SILA_TABLE_ERROR, SILA_TABLE_ERROR_TOO_LARGE,
                       _("Line %u has more than %u columns."), st->row_number,
                       sila_table_get_limits ()->max_columns);
          return;
        }
      g_strlcpy (st->type, t != NULL ? t : "n", sizeof st->type);
      st->style = parse_uint (find_attr (names, values, "s"), G_MAXUINT, &s) ? (guint)s : 0;
      g_string_truncate (st->value, 0);
      g_string_truncate (st->inline_text, 0);
    }
  else if (!st->in_cell)
    return;
  else if (strcmp (local, "v") == 0)
    st->in_v = TRUE;
  else if (strcmp (local, "is") == 0)
    st->in_is = TRUE;
  else if (strcmp (local, "rPh") == 0)
    st->in_rph = TRUE;
  else if (strcmp (local, "t") == 0 && st->in_is && !st->in_rph)
    st->in_t = TRUE;
}

static void
sheet_text (GMarkupParseContext  *ctx,
            const char           *text,
            gsize                 len,
            gpointer              user_data,
            GError              **error)
{
  SheetState *st = user_data;
  GString *target = st->in_v ? st->value : st->in_t ? st->inline_text : NULL;

  if (target == NULL)
    return;
  g_string_append_len (target, text, (gssize)len);
  if (target->len > sila_table_get_limits ()->max_cell_bytes)
    g_set_error (error, SILA_TABLE_ERROR, SILA_TABLE_ERROR_TOO_LARGE,
                 _("Line %u: a value is too long."), st->row_number);
}

static void
sheet_end (GMarkupParseContext  *ctx,
           const char           *element,
           gpointer              user_data,
           GError              **error)
{
  SheetState *st = user_data;
  SilaXlsxReader *reader = st->reader;
  const char *local = local_name (element);

  if (strcmp (local, "v") == 0)
    st->in_v = FALSE;
  else if (strcmp (local, "t") == 0)
    st->in_t = FALSE;
  else if (strcmp (local, "rPh") == 0)
    st->in_rph = FALSE;
  else if (strcmp (local, "is") == 0)
    st->in_is = FALSE;
  else if (strcmp (local, "c") == 0 && st->in_cell)
    {
      char *text = sila_xlsx_cell_text (st, error);

      st->in_cell = FALSE;
      if (text == NULL)
        return;
      while (st->cells->len < st->col)
        g_ptr_array_add (st->cells, g_strdup (""));
      if (st->col < st->cells->len)
        {
          /* A cell given twice: the later one wins, as in Excel. */
          g_free (st->cells->pdata[st->col]);
          st->cells->pdata[st->col] = text;
        }
      else
        g_ptr_array_add (st->cells, text);
      st->next_col = st->col + 1;
    }
  else if (strcmp (local, "row") == 0 && st->in_row)
    {
      SilaTableRow *row;

      st->in_row = FALSE;
      st->last_row = st->row_number;

      /* Trailing empty cells carry only formatting. */
      while (st->cells->len > 0 && *(char *)st->cells->pdata[st->cells->len - 1] == '\0')
        g_ptr_array_remove_index (st->cells, st->cells->len - 1);
      if (st->cells->len == 0)
        return;

      if (reader->n_rows >= sila_table_get_limits ()->max_rows)
        {
          g_set_error (error, SILA_TABLE_ERROR, SILA_TABLE_ERROR_TOO_LARGE,
                       _("The file has more than %u rows. Split it into smaller files."),
                       sila_table_get_limits ()->max_rows);
          return;
        }
      reader->n_rows++;

      row = g_new0 (SilaTableRow, 1);
      row->line = st->row_number;
      row->n_cells = st->cells->len;
      row->cells = g_new0 (char *, st->cells->len + 1);
      for (guint i = 0; i < st->cells->len; i++)
        row->cells[i] = st->cells->pdata[i];
      /* The strings now belong to the row. */
      g_ptr_array_set_free_func (st->cells, NULL);
      g_ptr_array_set_size (st->cells, 0);
      g_ptr_array_set_free_func (st->cells, g_free);
      g_queue_push_tail (&reader->rows, row);
    }
  else if (strcmp (local, "sheetData") == 0)
    st->in_sheet_data = FALSE;
}

static const GMarkupParser sheet_parser = { sheet_start, sheet_end, sheet_text, NULL, NULL };

/* ---- opening ------------------------------------------------------------ */

static gboolean
load (SilaXlsxReader  *reader,
      GError         **error)
{
  g_autofree char *sheet_part = NULL;
  g_autofree char *shared_part = NULL;
  g_autofree char *styles_part = NULL;

  reader->budget = sila_table_get_limits ()->max_bytes;
  reader->shared_text = g_string_new (NULL);
  reader->shared = g_array_new (FALSE, FALSE, sizeof (guint32));
  reader->xf_kinds = g_array_new (FALSE, TRUE, sizeof (guint8));
  g_queue_init (&reader->rows);

  if (!sila_xlsx_find_parts (reader, &sheet_part, &shared_part, &styles_part, error) ||
      !sila_xlsx_read_shared_strings (reader, shared_part, error) ||
      !sila_xlsx_read_styles (reader, styles_part, error))
    return FALSE;

  {
    GError *local_error = NULL;

    zip_stat_t st;

    reader->sheet = sila_xlsx_open_part (reader, sheet_part, FALSE, &local_error);
    if (reader->sheet == NULL)
      {
        g_propagate_error (error, local_error);
        return FALSE;
      }
    /* The size the directory claims is only used to say how far along the
     * reading is; the budget does not trust it. */
    zip_stat_init (&st);
    if (zip_stat (reader->zip, sheet_part, ZIP_FL_NOCASE, &st) == 0 && (st.valid & ZIP_STAT_SIZE))
      reader->sheet_size = st.size;
  }

  reader->state.reader = reader;
  reader->state.cells = g_ptr_array_new_with_free_func (g_free);
  reader->state.value = g_string_new (NULL);
  reader->state.inline_text = g_string_new (NULL);
  reader->ctx = g_markup_parse_context_new (&sheet_parser, G_MARKUP_DEFAULT_FLAGS,
                                            &reader->state, NULL);
  return TRUE;
}

static SilaXlsxReader *
finish_open (SilaXlsxReader  *reader,
             GError         **error)
{
  if (!load (reader, error))
    {
      sila_xlsx_reader_free (reader);
      return NULL;
    }
  return reader;
}

SilaXlsxReader *
sila_xlsx_reader_new_from_bytes (GBytes  *bytes,
                                 GError **error)
{
  SilaXlsxReader *reader;
  zip_error_t ze;
  zip_source_t *source;
  gconstpointer data;
  gsize size;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  if (size > sila_table_get_limits ()->max_bytes)
    {
      sila_xlsx_set_too_large (error);
      return NULL;
    }

  reader = g_new0 (SilaXlsxReader, 1);
  reader->bytes = g_bytes_ref (bytes);

  zip_error_init (&ze);
  source = zip_source_buffer_create (size > 0 ? data : "", size, 0, &ze);
  if (source != NULL)
    {
      reader->zip = zip_open_from_source (source, ZIP_RDONLY, &ze);
      if (reader->zip == NULL)
        zip_source_free (source);
    }
  if (reader->zip == NULL)
    {
      sila_xlsx_set_zip_error (zip_error_code_zip (&ze), NULL, error);
      zip_error_fini (&ze);
      sila_xlsx_reader_free (reader);
      return NULL;
    }
  zip_error_fini (&ze);

  return finish_open (reader, error);
}

SilaXlsxReader *
sila_xlsx_reader_new_from_file (const char  *path,
                                GError     **error)
{
  return sila_xlsx_reader_new_from_file_sheet (path, NULL, error);
}

SilaXlsxReader *
sila_xlsx_reader_new_from_file_sheet (const char  *path,
                                      const char  *sheet,
                                      GError     **error)
{
  SilaXlsxReader *reader;
  GStatBuf st;
  int code = 0;

  g_return_val_if_fail (path != NULL, NULL);

  if (g_stat (path, &st) != 0)
    {
      int saved = errno;
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, SILA_TABLE_ERROR, SILA_TABLE_ERROR_IO,
                   _("Cannot read the file “%s”: %s"), display, g_strerror (saved));
      return NULL;
    }
  if ((guint64)st.st_size > sila_table_get_limits ()->max_bytes)
    {
      sila_xlsx_set_too_large (error);
      return NULL;
    }

  /* Opened once here so that a file we may not read gets the system's
   * reason, in the user's words, rather than libzip's. */
  {
    int fd = g_open (path, O_RDONLY, 0);

    if (fd < 0)
      {
        int saved = errno;
        g_autofree char *display = g_filename_display_name (path);

        g_set_error (error, SILA_TABLE_ERROR, SILA_TABLE_ERROR_IO,
                     _("Cannot read the file “%s”: %s"), display, g_strerror (saved));
        return NULL;
      }
    g_close (fd, NULL);
  }

  reader = g_new0 (SilaXlsxReader, 1);
  reader->wanted_sheet = g_strdup (sheet);
  reader->zip = zip_open (path, ZIP_RDONLY, &code);
  if (reader->zip == NULL)
    {
      sila_xlsx_set_zip_error (code, path, error);
      sila_xlsx_reader_free (reader);
      return NULL;
    }

  return finish_open (reader, error);
}

void
sila_xlsx_reader_free (SilaXlsxReader *reader)
{
  SilaTableRow *row;

  if (reader == NULL)
    return;

  while ((row = g_queue_pop_head (&reader->rows)) != NULL)
    sila_table_row_free (row);
  g_clear_pointer (&reader->ctx, g_markup_parse_context_free);
  if (reader->sheet != NULL)
    zip_fclose (reader->sheet);
  if (reader->zip != NULL)
    zip_discard (reader->zip);
  g_clear_pointer (&reader->bytes, g_bytes_unref);
  g_clear_pointer (&reader->shared, g_array_unref);
  if (reader->shared_text != NULL)
    g_string_free (reader->shared_text, TRUE);
  g_clear_pointer (&reader->xf_kinds, g_array_unref);
  g_clear_pointer (&reader->state.cells, g_ptr_array_unref);
  if (reader->state.value != NULL)
    g_string_free (reader->state.value, TRUE);
  if (reader->state.inline_text != NULL)
    g_string_free (reader->state.inline_text, TRUE);
  g_clear_error (&reader->failure);
  g_free (reader->sheet_name);
  g_free (reader->wanted_sheet);
  g_clear_pointer (&reader->sheet_names, g_ptr_array_unref);
  g_free (reader);
}

const char *
sila_xlsx_reader_get_sheet_name (SilaXlsxReader *reader)
{
  g_return_val_if_fail (reader != NULL, NULL);
  return reader->sheet_name;
}

const char *const *
sila_xlsx_reader_get_sheet_names (SilaXlsxReader *reader)
{
  static const char *const none[] = { NULL };

  g_return_val_if_fail (reader != NULL, NULL);
  if (reader->sheet_names == NULL)
    return none;
  return (const char *const *)reader->sheet_names->pdata;
}

double
sila_xlsx_reader_get_fraction (SilaXlsxReader *reader)
{
  g_return_val_if_fail (reader != NULL, 0.0);
  if (reader->done)
    return 1.0;
  if (reader->sheet_size == 0)
    return 0.0;
  return MIN (1.0, (double)reader->sheet_read / (double)reader->sheet_size);
}

SilaTableRow *
sila_xlsx_reader_next (SilaXlsxReader  *reader,
                       GError         **error)
{
  g_autofree char *buffer = NULL;

  g_return_val_if_fail (reader != NULL, NULL);

  if (reader->failure != NULL)
    {
      if (error != NULL)
        *error = g_error_copy (reader->failure);
      return NULL;
    }

  while (g_queue_is_empty (&reader->rows) && !reader->done)
    {
      GError *local_error = NULL;
      gssize n;
      gboolean ok;

      if (buffer == NULL)
        buffer = g_malloc (CHUNK_SIZE);

      n = sila_xlsx_read_chunk (reader, reader->sheet, buffer, CHUNK_SIZE, &local_error);
      if (n > 0)
        reader->sheet_read += (guint64)n;
      if (n < 0)
        ok = FALSE;
      else if (n == 0)
        {
          reader->done = TRUE;
          ok = g_markup_parse_context_end_parse (reader->ctx, &local_error);
        }
      else
        ok = g_markup_parse_context_parse (reader->ctx, buffer, n, &local_error);

      if (!ok)
        {
          reader->done = TRUE;
          if (local_error != NULL && local_error->domain == SILA_TABLE_ERROR)
            reader->failure = local_error;
          else
            {
              g_autofree char *why = g_strdup_printf ("worksheet: %s",
                                                      local_error != NULL ? local_error->message
                                                                          : "?");

              sila_xlsx_set_damaged (&reader->failure, why);
              g_clear_error (&local_error);
            }
          /* Rows parsed before the damage are not handed out: the caller
           * must not import half a file believing it whole. */
          {
            SilaTableRow *row;

            while ((row = g_queue_pop_head (&reader->rows)) != NULL)
              sila_table_row_free (row);
          }
          if (error != NULL)
            *error = g_error_copy (reader->failure);
          return NULL;
        }
    }

  return g_queue_pop_head (&reader->rows);
}
