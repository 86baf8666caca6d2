/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-core"

#include "sila-config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <zip.h>

#include "sila-xlsx.h"

#define CHUNK_SIZE (64 * 1024)

/* How a cell's number is to be read, from its cell format. */
typedef enum {
  KIND_NUMBER,
  KIND_DATE,
  KIND_TIME,
} CellKind;

typedef struct {
  SilaXlsxReader *reader;
  gboolean        in_sheet_data;
  gboolean        in_row;
  gboolean        in_cell;
  gboolean        in_v;
  gboolean        in_is;
  gboolean        in_t;
  gboolean        in_rph;
  guint           row_number;
  guint           last_row;
  GPtrArray      *cells;
  guint           next_col;
  guint           col;
  char            type[16];
  guint           style;
  GString        *value;
  GString        *inline_text;
} SheetState;

struct _SilaXlsxReader {
  GBytes              *bytes;        /* kept alive for the in-memory archive */
  zip_t               *zip;
  gsize                budget;       /* bytes left to unpack */
  GString             *shared_text;  /* the shared strings, each ended by a NUL */
  GArray              *shared;       /* guint32 offset of each in shared_text */
  GArray              *xf_kinds;     /* CellKind per cellXfs index */
  gboolean             date1904;
  char                *sheet_name;

  zip_file_t          *sheet;
  GMarkupParseContext *ctx;
  SheetState           state;
  GQueue               rows;
  guint                n_rows;
  gboolean             done;
  GError              *failure;      /* kept, to repeat on later calls */
};

/* ---- errors ---------------------------------------------------------- */

static void
set_damaged (GError     **error,
             const char  *why)
{
  g_debug ("Damaged workbook: %s", why);
  g_set_error_literal (error, SILA_TABLE_ERROR, SILA_TABLE_ERROR_DAMAGED,
                       _("The workbook is damaged and cannot be read. Open it in Excel or "
                         "LibreOffice, save it again and retry."));
}

static void
set_too_large (GError **error)
{
  g_set_error (error, SILA_TABLE_ERROR, SILA_TABLE_ERROR_TOO_LARGE,
               _("The file is too large: at most %u MB can be imported."),
               (guint)(sila_table_get_limits ()->max_bytes / (1024 * 1024)));
}

static void
set_not_workbook (GError **error)
{
  g_set_error_literal (error, SILA_TABLE_ERROR, SILA_TABLE_ERROR_FORMAT,
                       _("This ZIP file is not an Excel workbook."));
}

/* ---- small helpers --------------------------------------------------- */

/* Element and attribute names without their namespace prefix: some
 * writers use "x:row" where others write "row". */
static const char *
local_name (const char *name)
{
  const char *colon = strrchr (name, ':');

  return colon != NULL ? colon + 1 : name;
}

static const char *
find_attr (const char **names,
           const char **values,
           const char  *wanted)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (strcmp (local_name (names[i]), wanted) == 0)
      return values[i];
  return NULL;
}

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

static gboolean
parse_uint (const char *text,
            guint64     max,
            guint64    *out)
{
  return text != NULL && g_ascii_string_to_unsigned (text, 10, 0, max, out, NULL);
}

/* Excel's escapes for characters XML cannot hold: _x000D_ is a carriage
 * return, _x005F_ an underscore. */
static char *
decode_escapes (const char *text)
{
  GString *out;
  const char *p;

  if (strstr (text, "_x") == NULL)
    return g_strdup (text);

  out = g_string_new (NULL);
  for (p = text; *p != '\0';)
    {
      if (p[0] == '_' && p[1] == 'x' && g_ascii_isxdigit (p[2]) && g_ascii_isxdigit (p[3]) &&
          g_ascii_isxdigit (p[4]) && g_ascii_isxdigit (p[5]) && p[6] == '_')
        {
          gunichar c = (gunichar)(g_ascii_xdigit_value (p[2]) << 12 |
                                  g_ascii_xdigit_value (p[3]) << 8 |
                                  g_ascii_xdigit_value (p[4]) << 4 |
                                  g_ascii_xdigit_value (p[5]));

          if (c != 0 && g_unichar_validate (c))
            {
              g_string_append_unichar (out, c);
              p += 7;
              continue;
            }
        }
      g_string_append_c (out, *p);
      p++;
    }
  return g_string_free (out, FALSE);
}

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

static zip_file_t *
open_part (SilaXlsxReader  *reader,
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
        set_damaged (error, name);
      return NULL;
    }

  zip_stat_init (&st);
  if (zip_stat_index (reader->zip, (zip_uint64_t)index, 0, &st) == 0 &&
      (st.valid & ZIP_STAT_SIZE) && st.size > reader->budget)
    {
      set_too_large (error);
      return NULL;
    }

  file = zip_fopen_index (reader->zip, (zip_uint64_t)index, 0);
  if (file == NULL)
    set_damaged (error, zip_strerror (reader->zip));
  return file;
}

/* Reads up to @size bytes of an open part, counting them against the
 * budget: the ZIP directory's sizes are not trusted. -1 with @error set. */
static gssize
read_chunk (SilaXlsxReader  *reader,
            zip_file_t      *file,
            char            *buffer,
            gsize            size,
            GError         **error)
{
  zip_int64_t n = zip_fread (file, buffer, size);

  if (n < 0)
    {
      set_damaged (error, zip_file_strerror (file));
      return -1;
    }
  if ((gsize)n > reader->budget)
    {
      set_too_large (error);
      return -1;
    }
  reader->budget -= (gsize)n;
  return (gssize)n;
}

/* A whole part through a GMarkup parser. Absent optional parts are fine. */
static gboolean
parse_part (SilaXlsxReader        *reader,
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

  file = open_part (reader, name, optional, &local_error);
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
      gssize n = read_chunk (reader, file, buffer, CHUNK_SIZE, &local_error);

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

          set_damaged (error, why);
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

/* ---- shared strings ---------------------------------------------------- */

typedef struct {
  SilaXlsxReader *reader;
  GString        *current;
  gboolean        in_si;
  gboolean        in_t;
  gboolean        in_rph;
} SharedState;

static void
shared_start (GMarkupParseContext  *ctx,
              const char           *element,
              const char          **names,
              const char          **values,
              gpointer              user_data,
              GError              **error)
{
  SharedState *st = user_data;
  const char *local = local_name (element);

  if (strcmp (local, "si") == 0)
    {
      st->in_si = TRUE;
      g_string_truncate (st->current, 0);
    }
  else if (strcmp (local, "t") == 0 && st->in_si && !st->in_rph)
    st->in_t = TRUE;
  else if (strcmp (local, "rPh") == 0)
    st->in_rph = TRUE;
}

static void
shared_end (GMarkupParseContext  *ctx,
            const char           *element,
            gpointer              user_data,
            GError              **error)
{
  SharedState *st = user_data;
  const char *local = local_name (element);

  if (strcmp (local, "t") == 0)
    st->in_t = FALSE;
  else if (strcmp (local, "rPh") == 0)
    st->in_rph = FALSE;
  else if (strcmp (local, "si") == 0 && st->in_si)
    {
      st->in_si = FALSE;
      g_autofree char *decoded = decode_escapes (st->current->str);
      guint32 offset = (guint32)st->reader->shared_text->len;

      /* Packed in one buffer: a workbook may hold millions of them. */
      g_string_append_len (st->reader->shared_text, decoded, (gssize)strlen (decoded) + 1);
      g_array_append_val (st->reader->shared, offset);
    }
}

static void
shared_text (GMarkupParseContext  *ctx,
             const char           *text,
             gsize                 len,
             gpointer              user_data,
             GError              **error)
{
  SharedState *st = user_data;

  if (!st->in_t)
    return;
  g_string_append_len (st->current, text, (gssize)len);
  if (st->current->len > sila_table_get_limits ()->max_cell_bytes)
    g_set_error_literal (error, SILA_TABLE_ERROR, SILA_TABLE_ERROR_TOO_LARGE,
                         _("A value in the workbook is too long."));
}

static const GMarkupParser shared_parser = { shared_start, shared_end, shared_text, NULL, NULL };

/* ---- styles ------------------------------------------------------------ */

/* Whether a number format code shows a date, a time or a plain number:
 * quoted text, escaped characters, fills and paddings and [brackets]
 * (colours, locales, conditions) are skipped, except elapsed-time
 * brackets [h] [mm] [ss]; then y or d means a date, h or s a time, and m a
 * month unless it stands with h or s. "B2" (the Hijri display prefix)
 * does not count. */
static CellKind
classify_format (const char *code)
{
  gboolean year_or_day = FALSE, month = FALSE, time = FALSE;

  if (code == NULL || g_ascii_strcasecmp (code, "General") == 0)
    return KIND_NUMBER;

  for (const char *p = code; *p != '\0'; p++)
    {
      char c = g_ascii_tolower (*p);

      if (c == '"')
        {
          const char *close = strchr (p + 1, '"');

          if (close == NULL)
            break;
          p = close;
        }
      else if (c == '\\' || c == '_' || c == '*')
        {
          if (p[1] == '\0')
            break;
          p++;
        }
      else if (c == '[')
        {
          const char *close = strchr (p + 1, ']');

          if (close == NULL)
            break;
          if (strspn (p + 1, "hHmMsS") == (gsize)(close - p - 1) && close > p + 1)
            time = TRUE;
          p = close;
        }
      else if (c == 'b' && (p[1] == '1' || p[1] == '2'))
        p++;
      else if (c == 'y' || c == 'd')
        year_or_day = TRUE;
      else if (c == 'm')
        month = TRUE;
      else if (c == 'h' || c == 's')
        time = TRUE;
      else if (c == ';')
        break;   /* only the first section (positive numbers) matters */
    }

  if (year_or_day || (month && !time))
    return KIND_DATE;
  if (time)
    return KIND_TIME;
  return KIND_NUMBER;
}

static CellKind
builtin_kind (guint id)
{
  if ((id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58))
    return KIND_DATE;
  if ((id >= 18 && id <= 21) || (id >= 45 && id <= 47))
    return KIND_TIME;
  return KIND_NUMBER;
}

typedef struct {
  GHashTable *custom;     /* numFmtId → CellKind + 1 */
  GArray     *xf_fmt_ids; /* numFmtId per cellXfs entry */
  gboolean    in_cell_xfs;
} StylesState;

static void
styles_start (GMarkupParseContext  *ctx,
              const char           *element,
              const char          **names,
              const char          **values,
              gpointer              user_data,
              GError              **error)
{
  StylesState *st = user_data;
  const char *local = local_name (element);
  guint64 id = 0;

  if (strcmp (local, "numFmt") == 0)
    {
      if (parse_uint (find_attr (names, values, "numFmtId"), G_MAXUINT, &id))
        g_hash_table_insert (st->custom, GUINT_TO_POINTER ((guint)id),
                             GUINT_TO_POINTER (classify_format (find_attr (names, values,
                                                                           "formatCode")) + 1));
    }
  else if (strcmp (local, "cellXfs") == 0)
    st->in_cell_xfs = TRUE;
  else if (strcmp (local, "xf") == 0 && st->in_cell_xfs)
    {
      guint fmt = parse_uint (find_attr (names, values, "numFmtId"), G_MAXUINT, &id)
                  ? (guint)id : 0;

      g_array_append_val (st->xf_fmt_ids, fmt);
    }
}

static void
styles_end (GMarkupParseContext  *ctx,
            const char           *element,
            gpointer              user_data,
            GError              **error)
{
  StylesState *st = user_data;

  if (strcmp (local_name (element), "cellXfs") == 0)
    st->in_cell_xfs = FALSE;
}

static const GMarkupParser styles_parser = { styles_start, styles_end, NULL, NULL, NULL };

/* ---- cell values ------------------------------------------------------- */

static char *
format_number (const char *raw)
{
  char *end = NULL;
  double v;
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  v = g_ascii_strtod (raw, &end);
  if (end == raw || *end != '\0' || !isfinite (v))
    return g_strdup (raw);

  if (v == floor (v) && fabs (v) < 1e15)
    return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64)v);

  /* 15 significant digits: what Excel shows, and it drops binary noise
   * such as 0.30000000000000004. */
  g_ascii_formatd (buf, sizeof buf, "%.15g", v);
  return g_strdup (buf);
}

static char *
format_serial (SilaXlsxReader *reader,
               const char     *raw,
               CellKind        kind)
{
  char *end = NULL;
  double serial = g_ascii_strtod (raw, &end);

  if (end == raw || *end != '\0' || !isfinite (serial) || serial < 0 || serial > 2958466)
    return g_strdup (raw);

  if (kind == KIND_TIME)
    {
      double frac = serial - floor (serial);
      guint seconds = (guint)floor (frac * 86400 + 0.5);

      if (seconds >= 86400)
        seconds = 86399;
      return g_strdup_printf ("%02u:%02u:%02u", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }
  else
    {
      guint days = (guint)floor (serial);
      GDate date;

      g_date_clear (&date, 1);
      if (reader->date1904)
        g_date_set_dmy (&date, 1, G_DATE_JANUARY, 1904);
      else if (days >= 61)
        g_date_set_dmy (&date, 30, G_DATE_DECEMBER, 1899);
      else if (days >= 1)
        /* Excel counts a 29 February 1900 that never was: serials up to 60
         * are one day later than their count suggests. */
        g_date_set_dmy (&date, 31, G_DATE_DECEMBER, 1899);
      else
        return g_strdup (raw);

      g_date_add_days (&date, days);
      return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date), g_date_get_month (&date),
                              g_date_get_day (&date));
    }
}

static char *
cell_text (SheetState  *st,
           GError     **error)
{
  SilaXlsxReader *reader = st->reader;
  const char *type = st->type;
  const char *v = st->value->str;

  if (strcmp (type, "s") == 0)
    {
      guint64 index;

      if (st->value->len == 0)
        return g_strdup ("");
      if (!parse_uint (v, G_MAXUINT, &index) || index >= reader->shared->len)
        {
          set_damaged (error, "shared string index out of range");
          return NULL;
        }
      return g_strdup (reader->shared_text->str + g_array_index (reader->shared, guint32, index));
    }
  if (strcmp (type, "inlineStr") == 0)
    return decode_escapes (st->inline_text->str);
  if (strcmp (type, "str") == 0 || strcmp (type, "e") == 0)
    return decode_escapes (v);
  if (strcmp (type, "b") == 0)
    return g_strdup (strcmp (v, "1") == 0 ? "TRUE" : strcmp (v, "0") == 0 ? "FALSE" : v);
  if (strcmp (type, "d") == 0)
    {
      /* Strict OOXML writes dates as ISO 8601 text. */
      if (st->value->len >= 10 && v[4] == '-' && v[7] == '-')
        return g_strndup (v, 10);
      return g_strdup (v);
    }

  if (st->value->len == 0)
    return g_strdup ("");
  if (st->style < reader->xf_kinds->len)
    {
      CellKind kind = g_array_index (reader->xf_kinds, guint8, st->style);

      if (kind != KIND_NUMBER)
        return format_serial (reader, v, kind);
    }
  return format_number (v);
}

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

/* ---- the worksheet, streamed ------------------------------------------- */

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
      char *text = cell_text (st, error);

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

static gboolean
load (SilaXlsxReader  *reader,
      GError         **error)
{
  Rels root, book_rels;
  Workbook wb = { 0 };
  g_autofree char *workbook_part = NULL;
  g_autofree char *workbook_dir = NULL;
  g_autofree char *book_rels_part = NULL;
  g_autofree char *sheet_part = NULL;
  g_autofree char *shared_part = NULL;
  g_autofree char *styles_part = NULL;
  gboolean ok = FALSE;
  int chosen = -1;

  reader->budget = sila_table_get_limits ()->max_bytes;
  reader->shared_text = g_string_new (NULL);
  reader->shared = g_array_new (FALSE, FALSE, sizeof (guint32));
  reader->xf_kinds = g_array_new (FALSE, TRUE, sizeof (guint8));
  g_queue_init (&reader->rows);

  rels_init (&root);
  rels_init (&book_rels);
  wb.sheet_ids = g_ptr_array_new_with_free_func (g_free);
  wb.sheet_names = g_ptr_array_new_with_free_func (g_free);
  wb.sheet_hidden = g_array_new (FALSE, FALSE, sizeof (gboolean));

  if (!parse_part (reader, "_rels/.rels", TRUE, &rels_parser, &root, error))
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

  if (!parse_part (reader, workbook_part, FALSE, &book_parser, &wb, error))
    goto out;
  reader->date1904 = wb.date1904;

  workbook_dir = dir_of (workbook_part);
  {
    g_autofree char *base = g_path_get_basename (workbook_part);

    book_rels_part = *workbook_dir != '\0'
                     ? g_strdup_printf ("%s/_rels/%s.rels", workbook_dir, base)
                     : g_strdup_printf ("_rels/%s.rels", base);
  }
  if (!parse_part (reader, book_rels_part, TRUE, &rels_parser, &book_rels, error))
    goto out;

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
      sheet_part = resolve_target (workbook_dir,
                                   g_hash_table_lookup (book_rels.targets,
                                                        wb.sheet_ids->pdata[chosen]));
      reader->sheet_name = g_strdup (wb.sheet_names->pdata[chosen]);
    }
  else if (wb.sheet_ids->len == 0 && g_hash_table_size (book_rels.targets) == 0 &&
           zip_name_locate (reader->zip, "xl/worksheets/sheet1.xml", ZIP_FL_NOCASE) >= 0)
    {
      /* No relationships at all: the conventional name. */
      sheet_part = g_strdup ("xl/worksheets/sheet1.xml");
      reader->sheet_name = g_strdup ("");
    }
  else
    {
      g_set_error_literal (error, SILA_TABLE_ERROR, SILA_TABLE_ERROR_EMPTY,
                           _("The workbook has no worksheet."));
      goto out;
    }

  shared_part = resolve_target (workbook_dir, book_rels.by_type[1] != NULL ? book_rels.by_type[1]
                                                                           : "sharedStrings.xml");
  styles_part = resolve_target (workbook_dir, book_rels.by_type[2] != NULL ? book_rels.by_type[2]
                                                                           : "styles.xml");

  {
    SharedState ss = { reader, g_string_new (NULL), FALSE, FALSE, FALSE };
    gboolean shared_ok = parse_part (reader, shared_part, TRUE, &shared_parser, &ss, error);

    g_string_free (ss.current, TRUE);
    if (!shared_ok)
      goto out;
  }

  {
    StylesState sts = { g_hash_table_new (NULL, NULL), g_array_new (FALSE, FALSE, sizeof (guint)),
                        FALSE };
    gboolean styles_ok = parse_part (reader, styles_part, TRUE, &styles_parser, &sts, error);

    for (guint i = 0; styles_ok && i < sts.xf_fmt_ids->len; i++)
      {
        guint id = g_array_index (sts.xf_fmt_ids, guint, i);
        gpointer custom = g_hash_table_lookup (sts.custom, GUINT_TO_POINTER (id));
        guint8 kind = custom != NULL ? (guint8)(GPOINTER_TO_UINT (custom) - 1)
                                     : (guint8)builtin_kind (id);

        g_array_append_val (reader->xf_kinds, kind);
      }
    g_hash_table_unref (sts.custom);
    g_array_unref (sts.xf_fmt_ids);
    if (!styles_ok)
      goto out;
  }

  {
    GError *local_error = NULL;

    reader->sheet = open_part (reader, sheet_part, FALSE, &local_error);
    if (reader->sheet == NULL)
      {
        g_propagate_error (error, local_error);
        goto out;
      }
  }

  reader->state.reader = reader;
  reader->state.cells = g_ptr_array_new_with_free_func (g_free);
  reader->state.value = g_string_new (NULL);
  reader->state.inline_text = g_string_new (NULL);
  reader->ctx = g_markup_parse_context_new (&sheet_parser, G_MARKUP_DEFAULT_FLAGS,
                                            &reader->state, NULL);
  ok = TRUE;

out:
  rels_clear (&root);
  rels_clear (&book_rels);
  g_ptr_array_unref (wb.sheet_ids);
  g_ptr_array_unref (wb.sheet_names);
  g_array_unref (wb.sheet_hidden);
  return ok;
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

/* libzip's reasons are technical English: the archive is damaged unless
 * the system refused to read it, and then the system's words are used. */
static void
set_zip_error (int          code,
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
    set_damaged (error, zip_error_strerror (&ze));
  zip_error_fini (&ze);
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
      set_too_large (error);
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
      set_zip_error (zip_error_code_zip (&ze), NULL, error);
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
      set_too_large (error);
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
  reader->zip = zip_open (path, ZIP_RDONLY, &code);
  if (reader->zip == NULL)
    {
      set_zip_error (code, path, error);
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
  g_free (reader);
}

const char *
sila_xlsx_reader_get_sheet_name (SilaXlsxReader *reader)
{
  g_return_val_if_fail (reader != NULL, NULL);
  return reader->sheet_name;
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

      n = read_chunk (reader, reader->sheet, buffer, CHUNK_SIZE, &local_error);
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

              set_damaged (&reader->failure, why);
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
