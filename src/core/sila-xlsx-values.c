/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the cells hold: the shared strings, the styles' number formats
 * (date, time or number), and a cell's raw value turned into text. */
#define G_LOG_DOMAIN "sila-core"

#include "sila-config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "sila-xlsx-private.h"

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

gboolean
sila_xlsx_read_shared_strings (SilaXlsxReader  *reader,
                               const char      *part,
                               GError         **error)
{
  SharedState ss = { reader, g_string_new (NULL), FALSE, FALSE, FALSE };
  gboolean shared_ok = sila_xlsx_parse_part (reader, part, TRUE, &shared_parser, &ss, error);

  g_string_free (ss.current, TRUE);
  return shared_ok;
}
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

/* Each cell format's kind, into the reader's xf_kinds. */
gboolean
sila_xlsx_read_styles (SilaXlsxReader  *reader,
                       const char      *part,
                       GError         **error)
{
  StylesState sts = { g_hash_table_new (NULL, NULL), g_array_new (FALSE, FALSE, sizeof (guint)),
                      FALSE };
  gboolean styles_ok = sila_xlsx_parse_part (reader, part, TRUE, &styles_parser, &sts, error);

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
  return styles_ok;
}
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

char *
sila_xlsx_cell_text (SheetState  *st,
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
          sila_xlsx_set_damaged (error, "shared string index out of range");
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
