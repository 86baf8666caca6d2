/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-core"

#include "sila-config.h"

#include <math.h>
#include <string.h>
#include <unicode/unum.h>

#include "sila-format.h"

#define NOT_AVAILABLE "—"

typedef enum {
  KIND_INTEGER,
  KIND_PERCENT,
  KIND_DECIMAL,
  N_KINDS
} FormatKind;

#define N_LANGUAGES 2

/* ICU formatters are costly to open and not meant to be shared between
 * threads, so each thread keeps its own, opened on first use. */
typedef struct {
  UNumberFormat *formats[N_LANGUAGES][N_KINDS];
} FormatCache;

static void
format_cache_free (gpointer data)
{
  FormatCache *cache = data;

  for (guint l = 0; l < N_LANGUAGES; l++)
    for (guint k = 0; k < N_KINDS; k++)
      if (cache->formats[l][k] != NULL)
        unum_close (cache->formats[l][k]);
  g_free (cache);
}

static GPrivate cache_key = G_PRIVATE_INIT (format_cache_free);

static const char *
icu_locale_for (SilaLanguage language)
{
  /* Saudi Arabic writes Arabic-Indic digits; ICU's ar_SA does too. */
  return language == SILA_LANGUAGE_ENGLISH ? "en_US" : "ar_SA";
}

static UNumberFormat *
get_format (SilaLanguage language,
            FormatKind   kind)
{
  FormatCache *cache = g_private_get (&cache_key);
  guint l = language == SILA_LANGUAGE_ENGLISH ? 1 : 0;

  if (cache == NULL)
    {
      cache = g_new0 (FormatCache, 1);
      g_private_set (&cache_key, cache);
    }

  if (cache->formats[l][kind] == NULL)
    {
      UErrorCode status = U_ZERO_ERROR;
      UNumberFormat *format;

      /* A fallback warning (U_USING_DEFAULT_WARNING) is normal here. */
      format = unum_open (kind == KIND_PERCENT ? UNUM_PERCENT : UNUM_DECIMAL,
                          NULL, 0, icu_locale_for (language), NULL, &status);
      if (U_FAILURE (status))
        {
          g_critical ("Cannot open an ICU number format for %s: %s",
                      icu_locale_for (language), u_errorName (status));
          return NULL;
        }

      unum_setAttribute (format, UNUM_GROUPING_USED, 1);
      unum_setAttribute (format, UNUM_ROUNDING_MODE, UNUM_ROUND_HALFUP);
      if (kind == KIND_INTEGER)
        unum_setAttribute (format, UNUM_MAX_FRACTION_DIGITS, 0);
      else if (kind == KIND_PERCENT)
        {
          /* The value given is already in percent. */
          unum_setAttribute (format, UNUM_MULTIPLIER, 1);
          unum_setAttribute (format, UNUM_MIN_FRACTION_DIGITS, 1);
          unum_setAttribute (format, UNUM_MAX_FRACTION_DIGITS, 1);
        }
      cache->formats[l][kind] = format;
    }

  return cache->formats[l][kind];
}

static char *
format_decimal_string (UNumberFormat *format,
                       const char    *decimal)
{
  UErrorCode status = U_ZERO_ERROR;
  UChar buffer[128];
  int32_t len;

  if (format == NULL)
    return g_strdup (decimal);

  len = unum_formatDecimal (format, decimal, -1, buffer, G_N_ELEMENTS (buffer), NULL, &status);
  if (U_FAILURE (status) || len < 0 || len >= (int32_t)G_N_ELEMENTS (buffer))
    return NULL;

  return g_utf16_to_utf8 ((const gunichar2 *)buffer, len, NULL, NULL, NULL);
}

/* Only plain ASCII decimals reach ICU: an optional minus, digits, at most
 * one dot followed by digits. */
static gboolean
is_decimal (const char *text)
{
  gboolean digits = FALSE, dot = FALSE;

  if (text == NULL)
    return FALSE;
  if (*text == '-')
    text++;
  for (; *text != '\0'; text++)
    {
      if (g_ascii_isdigit (*text))
        digits = TRUE;
      else if (*text == '.' && !dot && digits)
        dot = TRUE;
      else
        return FALSE;
    }
  return digits && text[-1] != '.';
}

char *
sila_format_decimal_for (const char   *decimal,
                         guint         min_fraction,
                         guint         max_fraction,
                         SilaLanguage  language)
{
  UNumberFormat *format;

  if (!is_decimal (decimal))
    return NULL;

  format = get_format (language, KIND_DECIMAL);
  if (format != NULL)
    {
      unum_setAttribute (format, UNUM_MIN_FRACTION_DIGITS, (int32_t)min_fraction);
      unum_setAttribute (format, UNUM_MAX_FRACTION_DIGITS,
                         (int32_t)MAX (min_fraction, max_fraction));
    }
  return format_decimal_string (format, decimal);
}

char *
sila_format_int_for (gint64       value,
                     SilaLanguage language)
{
  char decimal[32];

  g_snprintf (decimal, sizeof decimal, "%" G_GINT64_FORMAT, value);
  return format_decimal_string (get_format (language, KIND_INTEGER), decimal);
}

char *
sila_format_int (gint64 value)
{
  return sila_format_int_for (value, sila_i18n_get_language ());
}

char *
sila_format_percent_for (double       percent,
                         SilaLanguage language)
{
  char decimal[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (percent))
    return g_strdup (NOT_AVAILABLE);

  /* Rounded to one decimal here, in C locale, so that ICU only lays it out. */
  g_ascii_formatd (decimal, sizeof decimal, "%.1f", percent);
  if (strcmp (decimal, "-0.0") == 0)
    strcpy (decimal, "0.0");
  return format_decimal_string (get_format (language, KIND_PERCENT), decimal);
}

char *
sila_format_percent (double percent)
{
  return sila_format_percent_for (percent, sila_i18n_get_language ());
}

char *
sila_format_share_for (gint64       part,
                       gint64       whole,
                       SilaLanguage language)
{
  char decimal[48];
  gboolean negative;
  guint64 p, w, tenths;

  if (whole == 0)
    return g_strdup (NOT_AVAILABLE);

  /* Tenths of a percent, rounded half up, without floating point. Counts
   * in this app are far below the 1.8e16 where part * 1000 would overflow. */
  negative = (part < 0) != (whole < 0) && part != 0;
  p = part < 0 ? (guint64)(-(part + 1)) + 1 : (guint64)part;
  w = whole < 0 ? (guint64)(-(whole + 1)) + 1 : (guint64)whole;
  g_return_val_if_fail (p <= G_MAXUINT64 / 1000, g_strdup (NOT_AVAILABLE));
  tenths = (p * 1000 + w / 2) / w;

  g_snprintf (decimal, sizeof decimal, "%s%" G_GUINT64_FORMAT ".%" G_GUINT64_FORMAT,
              negative && tenths > 0 ? "-" : "", tenths / 10, tenths % 10);
  return format_decimal_string (get_format (language, KIND_PERCENT), decimal);
}

char *
sila_format_share (gint64 part,
                   gint64 whole)
{
  return sila_format_share_for (part, whole, sila_i18n_get_language ());
}

char *
sila_format_digits_for (const char   *text,
                        SilaLanguage  language)
{
  GString *out;

  if (text == NULL)
    return NULL;
  if (language == SILA_LANGUAGE_ENGLISH)
    return g_strdup (text);

  out = g_string_sized_new (strlen (text) * 2);
  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_unichar (out, 0x0660 + (*p - '0'));
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}
