/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The workbook as a ZIP package: its errors, parts read within the unpack
 * budget, and the relationships and workbook parts that say which parts
 * hold the worksheet, the shared strings and the styles. */
#define G_LOG_DOMAIN "sila-core"

#include "sila-config.h"

#include <glib/gi18n-lib.h>

#include "sila-display.h"
#include "sila-xlsx-private.h"

/* ---- errors ---------------------------------------------------------- */

void
sila_xlsx_set_damaged (GError     **error,
                       const char  *why)
{
  g_debug ("Damaged workbook: %s", why);
  g_set_error_literal (error, SILA_TABLE_ERROR, SILA_TABLE_ERROR_DAMAGED,
                       _("The workbook is damaged and cannot be read. Open it in Excel or "
                         "LibreOffice, save it again and retry."));
}

void
sila_xlsx_set_too_large (GError **error)
{
  g_set_error (error, SILA_TABLE_ERROR, SILA_TABLE_ERROR_TOO_LARGE,
               _("The file is too large: at most %u MB can be imported."),
               (guint)(sila_table_get_limits ()->max_bytes / (1024 * 1024)));
  sila_display_error_digits (error);
}

static void
set_not_workbook (GError **error)
{
  g_set_error_literal (error, SILA_TABLE_ERROR, SILA_TABLE_ERROR_FORMAT,
                       _("This ZIP file is not an Excel workbook."));
}

/* ---- part names --------------------------------------------------------- */

/* A part name from a relationship target: relative to @base_dir unless it
 * starts with "/"; "." and ".." resolved. */
static char *
resolve_target (const char *base_dir,
                const char *target)
{
  g_autofree char *joined = NULL;
  g_auto(GStrv) segments = NULL;
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();

  if (target[0] == '/')
    joined = g_strdup (target + 1);
  else
    joined = *base_dir != '\0' ? g_strconcat (base_dir, "/", target, NULL) : g_strdup (target);

  segments = g_strsplit (joined, "/", -1);
  for (guint i = 0; segments[i] != NULL; i++)
    {
      if (*segments[i] == '\0' || strcmp (segments[i], ".") == 0)
        continue;
      if (strcmp (segments[i], "..") == 0)
        {
          if (kept->len > 0)
            g_ptr_array_remove_index (kept, kept->len - 1);
          continue;
        }
      g_ptr_array_add (kept, segments[i]);
    }
  g_ptr_array_add (kept, NULL);
  return g_strjoinv ("/", (char **)kept->pdata);
}

static char *
dir_of (const char *part)
{
  const char *slash = strrchr (part, '/');

  return slash != NULL ? g_strndup (part, slash - part) : g_strdup ("");
}

/* ---- reading parts --------------------------------------------------- */

zip_file_t *
sila_xlsx_open_part (SilaXlsxReader  *reader,
                     const char      *name,
                     gboolean         optional,
                     GError         **error)
{
  zip_int64_t index = zip_name_locate (reader->zip, name, ZIP_FL_NOCASE);
  zip_stat_t st;
  zip_file_t *file;

  if (index < 0)
    {
      if (!optional)
        sila_xlsx_set_damaged (error, name);
      return NULL;
    }

  zip_stat_init (&st);
  if (zip_stat_index (reader->zip, (zip_uint64_t)index, 0, &st) == 0 &&
      (st.valid & ZIP_STAT_SIZE) && st.size > reader->budget)
    {
      sila_xlsx_set_too_large (error);
      return NULL;
    }

  file = zip_fopen_index (reader->zip, (zip_uint64_t)index, 0);
  if (file == NULL)
    sila_xlsx_set_damaged (error, zip_strerror (reader->zip));
  return file;
}

/* Reads up to @size bytes of an open part, counting them against the
 * budget: the ZIP directory's sizes are not trusted. -1 with @error set. */
gssize
sila_xlsx_read_chunk (SilaXlsxReader  *reader,
                      zip_file_t      *file,
                      char            *buffer,
                      gsize            size,
                      GError         **error)
{
  zip_int64_t n = zip_fread (file, buffer, size);

  if (n < 0)
    {
      sila_xlsx_set_damaged (error, zip_file_strerror (file));
      return -1;
    }
  if ((gsize)n > reader->budget)
    {
      sila_xlsx_set_too_large (error);
      return -1;
    }
  reader->budget -= (gsize)n;
  return (gssize)n;
}

/* A whole part through a GMarkup parser. Absent optional parts are fine. */
gboolean
sila_xlsx_parse_part (SilaXlsxReader        *reader,
                      const char            *name,
                      gboolean               optional,
                      const GMarkupParser   *parser,
                      gpointer               user_data,
                      GError               **error)
{
  g_autoptr(GMarkupParseContext) ctx = NULL;
  g_autofree char *buffer = NULL;
  GError *local_error = NULL;
  zip_file_t *file;
  gboolean ok = TRUE;

  file = sila_xlsx_open_part (reader, name, optional, &local_error);
  if (file == NULL)
    {
      if (local_error == NULL)
        return TRUE;   /* optional and absent */
      g_propagate_error (error, local_error);
      return FALSE;
    }

  ctx = g_markup_parse_context_new (parser, G_MARKUP_DEFAULT_FLAGS, user_data, NULL);
  buffer = g_malloc (CHUNK_SIZE);
  for (;;)
    {
      gssize n = sila_xlsx_read_chunk (reader, file, buffer, CHUNK_SIZE, &local_error);

      if (n < 0)
        {
          ok = FALSE;
          break;
        }
      if (n == 0)
        {
          ok = g_markup_parse_context_end_parse (ctx, &local_error);
          break;
        }
      if (!g_markup_parse_context_parse (ctx, buffer, n, &local_error))
        {
          ok = FALSE;
          break;
        }
    }
  zip_fclose (file);

  if (!ok)
    {
      if (local_error != NULL && local_error->domain == SILA_TABLE_ERROR)
        g_propagate_error (error, local_error);
      else
        {
          g_autofree char *why = g_strdup_printf ("%s: %s", name,
                                                  local_error != NULL ? local_error->message : "?");

          sila_xlsx_set_damaged (error, why);
          g_clear_error (&local_error);
        }
    }
  return ok;
}

/* ---- relationships ----------------------------------------------------- */

typedef struct {
  GHashTable *targets;  /* Id → Target */
  GHashTable *types;    /* Id → Type */
  char       *by_type[4];
} Rels;

static const char *const rel_suffixes[4] = {
  "/officeDocument", "/sharedStrings", "/styles", "/worksheet",
};

static void
rels_start (GMarkupParseContext  *ctx,
            const char           *element,
            const char          **names,
            const char          **values,
            gpointer              user_data,
            GError              **error)
{
  Rels *rels = user_data;
  const char *id, *type, *target, *mode;

  if (strcmp (local_name (element), "Relationship") != 0)
    return;

  id = find_attr (names, values, "Id");
  type = find_attr (names, values, "Type");
  target = find_attr (names, values, "Target");
  mode = find_attr (names, values, "TargetMode");
  if (id == NULL || type == NULL || target == NULL ||
      (mode != NULL && strcmp (mode, "External") == 0))
    return;

  g_hash_table_replace (rels->targets, g_strdup (id), g_strdup (target));
  g_hash_table_replace (rels->types, g_strdup (id), g_strdup (type));
  for (guint i = 0; i < G_N_ELEMENTS (rel_suffixes); i++)
    if (rels->by_type[i] == NULL && g_str_has_suffix (type, rel_suffixes[i]))
      rels->by_type[i] = g_strdup (target);
}

static void
rels_init (Rels *rels)
{
  memset (rels, 0, sizeof *rels);
  rels->targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  rels->types = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static void
rels_clear (Rels *rels)
{
  g_clear_pointer (&rels->targets, g_hash_table_unref);
  g_clear_pointer (&rels->types, g_hash_table_unref);
  for (guint i = 0; i < G_N_ELEMENTS (rels->by_type); i++)
    g_clear_pointer (&rels->by_type[i], g_free);
}

static const GMarkupParser rels_parser = { rels_start, NULL, NULL, NULL, NULL };

/* ---- workbook ---------------------------------------------------------- */

/* The relationship id of a <sheet>: the prefixed "r:id", never "sheetId". */
static const char *
find_rel_id (const char **names,
             const char **values)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (strchr (names[i], ':') != NULL && strcmp (local_name (names[i]), "id") == 0)
      return values[i];
  return NULL;
}

typedef struct {
  GPtrArray *sheet_ids;    /* r:id of each <sheet>, in order */
  GPtrArray *sheet_names;
  GArray    *sheet_hidden;
  gboolean   date1904;
} Workbook;

static void
book_start (GMarkupParseContext  *ctx,
                const char           *element,
                const char          **names,
                const char          **values,
                gpointer              user_data,
                GError              **error)
{
  Workbook *wb = user_data;
  const char *local = local_name (element);

  if (strcmp (local, "sheet") == 0)
    {
      const char *id = find_rel_id (names, values);
      const char *name = find_attr (names, values, "name");
      const char *state = find_attr (names, values, "state");
      gboolean hidden = state != NULL && strcmp (state, "visible") != 0;

      if (id == NULL)
        return;
      g_ptr_array_add (wb->sheet_ids, g_strdup (id));
      g_ptr_array_add (wb->sheet_names, g_strdup (name != NULL ? name : ""));
      g_array_append_val (wb->sheet_hidden, hidden);
    }
  else if (strcmp (local, "workbookPr") == 0)
    {
      const char *d = find_attr (names, values, "date1904");

      wb->date1904 = d != NULL && (strcmp (d, "1") == 0 || g_ascii_strcasecmp (d, "true") == 0);
    }
}

static const GMarkupParser book_parser = { book_start, NULL, NULL, NULL, NULL };

/* ---- finding the parts ------------------------------------------------- */

static gboolean
is_opendocument (SilaXlsxReader *reader)
{
  zip_int64_t index = zip_name_locate (reader->zip, "mimetype", 0);
  char buffer[64] = { 0 };
  zip_file_t *file;

  if (index < 0 || (file = zip_fopen_index (reader->zip, (zip_uint64_t)index, 0)) == NULL)
    return FALSE;
  zip_fread (file, buffer, sizeof buffer - 1);
  zip_fclose (file);
  return g_str_has_prefix (buffer, "application/vnd.oasis.opendocument");
}

/* The parts that hold the worksheet, its shared strings and its styles,
 * found as Excel finds them; the workbook's date system and the sheet's
 * name go into @reader. */
gboolean
sila_xlsx_find_parts (SilaXlsxReader  *reader,
                      char           **out_sheet_part,
                      char           **out_shared_part,
                      char           **out_styles_part,
                      GError         **error)
{
  Rels root, book_rels;
  Workbook wb = { 0 };
  g_autofree char *workbook_part = NULL;
  g_autofree char *workbook_dir = NULL;
  g_autofree char *book_rels_part = NULL;
  gboolean ok = FALSE;
  int chosen = -1;

  rels_init (&root);
  rels_init (&book_rels);
  wb.sheet_ids = g_ptr_array_new_with_free_func (g_free);
  wb.sheet_names = g_ptr_array_new_with_free_func (g_free);
  wb.sheet_hidden = g_array_new (FALSE, FALSE, sizeof (gboolean));

  if (!sila_xlsx_parse_part (reader, "_rels/.rels", TRUE, &rels_parser, &root, error))
    goto out;
  workbook_part = resolve_target ("", root.by_type[0] != NULL ? root.by_type[0]
                                                             : "xl/workbook.xml");
  if (zip_name_locate (reader->zip, workbook_part, ZIP_FL_NOCASE) < 0)
    {
      if (is_opendocument (reader))
        g_set_error_literal (error, SILA_TABLE_ERROR, SILA_TABLE_ERROR_FORMAT,
                             _("This is an OpenDocument spreadsheet (.ods). Save it as an "
                               "Excel workbook (.xlsx) or as CSV and try again."));
      else
        set_not_workbook (error);
      goto out;
    }

  if (!sila_xlsx_parse_part (reader, workbook_part, FALSE, &book_parser, &wb, error))
    goto out;
  reader->date1904 = wb.date1904;

  workbook_dir = dir_of (workbook_part);
  {
    g_autofree char *base = g_path_get_basename (workbook_part);

    book_rels_part = *workbook_dir != '\0'
                     ? g_strdup_printf ("%s/_rels/%s.rels", workbook_dir, base)
                     : g_strdup_printf ("_rels/%s.rels", base);
  }
  if (!sila_xlsx_parse_part (reader, book_rels_part, TRUE, &rels_parser, &book_rels, error))
    goto out;

  reader->sheet_names = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < wb.sheet_ids->len; i++)
    {
      const char *type = g_hash_table_lookup (book_rels.types, wb.sheet_ids->pdata[i]);

      if (type != NULL && g_str_has_suffix (type, "/worksheet"))
        g_ptr_array_add (reader->sheet_names, g_strdup (wb.sheet_names->pdata[i]));
    }
  g_ptr_array_add (reader->sheet_names, NULL);

  /* The sheet asked for by name: hidden or not, it is what the person
   * chose from the list above. */
  if (reader->wanted_sheet != NULL)
    {
      for (guint i = 0; i < wb.sheet_ids->len && chosen < 0; i++)
        {
          const char *type = g_hash_table_lookup (book_rels.types, wb.sheet_ids->pdata[i]);

          if (type != NULL && g_str_has_suffix (type, "/worksheet") &&
              g_strcmp0 (wb.sheet_names->pdata[i], reader->wanted_sheet) == 0)
            chosen = (int)i;
        }
      if (chosen < 0)
        {
          g_set_error (error, SILA_TABLE_ERROR, SILA_TABLE_ERROR_EMPTY,
                       _("The workbook has no sheet named “%s”."), reader->wanted_sheet);
          goto out;
        }
    }

  /* The first visible worksheet; the first worksheet if all are hidden. */
  for (int pass = 0; pass < 2 && chosen < 0; pass++)
    for (guint i = 0; i < wb.sheet_ids->len && chosen < 0; i++)
      {
        const char *type = g_hash_table_lookup (book_rels.types, wb.sheet_ids->pdata[i]);

        if (type == NULL || !g_str_has_suffix (type, "/worksheet"))
          continue;
        if (pass == 0 && g_array_index (wb.sheet_hidden, gboolean, i))
          continue;
        chosen = (int)i;
      }

  if (chosen >= 0)
    {
      *out_sheet_part = resolve_target (workbook_dir,
                                        g_hash_table_lookup (book_rels.targets,
                                                             wb.sheet_ids->pdata[chosen]));
      reader->sheet_name = g_strdup (wb.sheet_names->pdata[chosen]);
    }
  else if (wb.sheet_ids->len == 0 && g_hash_table_size (book_rels.targets) == 0 &&
           zip_name_locate (reader->zip, "xl/worksheets/sheet1.xml", ZIP_FL_NOCASE) >= 0)
    {
      /* No relationships at all: the conventional name. */
      *out_sheet_part = g_strdup ("xl/worksheets/sheet1.xml");
      reader->sheet_name = g_strdup ("");
    }
  else
    {
      g_set_error_literal (error, SILA_TABLE_ERROR, SILA_TABLE_ERROR_EMPTY,
                           _("The workbook has no worksheet."));
      goto out;
    }

  *out_shared_part = resolve_target (workbook_dir, book_rels.by_type[1] != NULL
                                                   ? book_rels.by_type[1] : "sharedStrings.xml");
  *out_styles_part = resolve_target (workbook_dir, book_rels.by_type[2] != NULL
                                                   ? book_rels.by_type[2] : "styles.xml");
  ok = TRUE;

out:
  rels_clear (&root);
  rels_clear (&book_rels);
  g_ptr_array_unref (wb.sheet_ids);
  g_ptr_array_unref (wb.sheet_names);
  g_array_unref (wb.sheet_hidden);
  return ok;
}

/* libzip's reasons are technical English: the archive is damaged unless
 * the system refused to read it, and then the system's words are used. */
void
sila_xlsx_set_zip_error (int          code,
                         const char  *path,
                         GError     **error)
{
  zip_error_t ze;

  zip_error_init_with_code (&ze, code);
  if (code == ZIP_ER_OPEN || code == ZIP_ER_READ || code == ZIP_ER_SEEK || code == ZIP_ER_MEMORY)
    {
      g_autofree char *display = g_filename_display_name (path != NULL ? path : "");

      g_set_error (error, SILA_TABLE_ERROR, SILA_TABLE_ERROR_IO,
                   _("Cannot read the file “%s”: %s"), display, zip_error_strerror (&ze));
    }
  else
    sila_xlsx_set_damaged (error, zip_error_strerror (&ze));
  zip_error_fini (&ze);
}
