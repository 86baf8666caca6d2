/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-core"

#include "sila-config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sila-format.h"
#include "sila-money.h"
#include "sila-validation.h"

/* Currency marks people write before or after an amount; longest first so
 * that "ر.س." is taken whole. Latin ones are matched without case. */
static const char *const currency_marks[] = {
  "ريالاً", "ريالا", "ريال", "ر.س.", "ر.س", "ر. س", "رس", "SAR", "SR", "\xEF\xB7\xBC" /* ﷼ */,
};

#define MAX_INTEGER_DIGITS 13 /* 1,000,000,000,000 riyals */

static gboolean
is_blank (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x00A0 || c == 0x202F || c == 0x2009 || c == 0x200E ||
         c == 0x200F || c == 0x061C || c == 0xFEFF || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2066 && c <= 0x2069);
}

/* One ASCII string: digits to ASCII, Arabic separators to "." and ",",
 * the minus sign to "-", blanks to single spaces (kept, so that "1 234"
 * stays wrong rather than becoming 1234). */
static char *
simplify (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c >= 0x0660 && c <= 0x0669) || (c >= 0x06F0 && c <= 0x06F9))
        g_string_append_c (out, (char)('0' + g_unichar_digit_value (c)));
      else if (c == 0x066B) /* ٫ Arabic decimal separator */
        g_string_append_c (out, '.');
      else if (c == 0x066C || c == 0x060C) /* ٬ Arabic thousands separator, ، comma */
        g_string_append_c (out, ',');
      else if (c == 0x2212 || c == 0x2013)
        g_string_append_c (out, '-');
      else if (is_blank (c))
        {
          if (c == 0x200E || c == 0x200F || c == 0x061C || c == 0xFEFF ||
              (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069))
            continue;
          g_string_append_c (out, ' ');
        }
      else
        g_string_append_unichar (out, c);
    }

  return g_strstrip (g_string_free (out, FALSE));
}

static gboolean
has_prefix_ci (const char *text,
               const char *prefix)
{
  return g_ascii_strncasecmp (text, prefix, strlen (prefix)) == 0;
}

/* Takes a currency mark off either end, once. */
static void
strip_currency (char *text)
{
  gsize len = strlen (text);

  for (guint i = 0; i < G_N_ELEMENTS (currency_marks); i++)
    {
      const char *mark = currency_marks[i];
      gsize mlen = strlen (mark);

      if (len >= mlen && has_prefix_ci (text, mark))
        {
          memmove (text, text + mlen, len - mlen + 1);
          g_strstrip (text);
          return;
        }
      if (len >= mlen && g_ascii_strcasecmp (text + len - mlen, mark) == 0)
        {
          text[len - mlen] = '\0';
          g_strstrip (text);
          return;
        }
    }
}

static gboolean
set_invalid (GError **error)
{
  g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                       _("Enter the amount in riyals, for example 1250.50."));
  return FALSE;
}

gboolean
sila_money_parse (const char      *text,
                  SilaMoneyFlags   flags,
                  gint64          *halalas,
                  GError         **error)
{
  g_autofree char *s = NULL;
  const char *p;
  gboolean negative = FALSE;
  gint64 riyals = 0, cents = 0;
  guint int_digits = 0, frac_digits = 0, group_len = 0;
  gboolean grouped = FALSE;
  gboolean any_digit = FALSE;

  g_return_val_if_fail (halalas != NULL, FALSE);
  *halalas = 0;

  if (text == NULL)
    text = "";
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                           _("The text contains characters that cannot be read."));
      return FALSE;
    }

  s = simplify (text);
  if (*s == '\0')
    {
      if (flags & SILA_MONEY_ALLOW_EMPTY)
        return TRUE;
      g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_REQUIRED,
                           _("Enter an amount."));
      return FALSE;
    }

  /* "-SAR 5", "SAR -5" and "-5 SAR" all mean minus five riyals. */
  if (*s == '-')
    {
      negative = TRUE;
      memmove (s, s + 1, strlen (s));
      g_strstrip (s);
    }
  strip_currency (s);
  if (*s == '-' && !negative)
    {
      negative = TRUE;
      memmove (s, s + 1, strlen (s));
      g_strstrip (s);
    }
  if (*s == '+' && !negative)
    memmove (s, s + 1, strlen (s));

  p = s;
  if (*p == '\0')
    return set_invalid (error);

  /* The whole riyals: plain digits, or groups of three after the first. */
  for (; *p != '\0' && *p != '.'; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          /* Leading zeros do not count towards the size. */
          if (int_digits > 0 || *p != '0')
            int_digits++;
          if (int_digits > MAX_INTEGER_DIGITS)
            {
              g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_OUT_OF_RANGE,
                                   _("The amount is too large."));
              return FALSE;
            }
          riyals = riyals * 10 + (*p - '0');
          group_len++;
          any_digit = TRUE;
        }
      else if (*p == ',')
        {
          if (group_len == 0 || group_len > 3 || (grouped && group_len != 3))
            goto bad_groups;
          grouped = TRUE;
          group_len = 0;
        }
      else
        return set_invalid (error);
    }
  if (grouped && group_len != 3)
    goto bad_groups;

  if (*p == '.')
    {
      p++;
      for (; *p != '\0'; p++)
        {
          if (!g_ascii_isdigit (*p))
            return set_invalid (error);
          frac_digits++;
          /* Even "12.500" is refused: in files from some locales the dot
           * groups thousands, and 12,500 riyals must not become 12.50. */
          if (frac_digits > 2)
            {
              g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                                   _("An amount has at most two decimals (halalas)."));
              return FALSE;
            }
          cents = cents * 10 + (*p - '0');
        }
      if (frac_digits == 1)
        cents *= 10;
    }

  /* "." alone is not an amount. */
  if (!any_digit && frac_digits == 0)
    return set_invalid (error);

  *halalas = riyals * 100 + cents;
  if (*halalas > SILA_MONEY_MAX_HALALAS)
    {
      *halalas = 0;
      g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_OUT_OF_RANGE,
                           _("The amount is too large."));
      return FALSE;
    }

  if (negative && *halalas != 0)
    {
      if (!(flags & SILA_MONEY_ALLOW_NEGATIVE))
        {
          *halalas = 0;
          g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_OUT_OF_RANGE,
                               _("The amount cannot be negative."));
          return FALSE;
        }
      *halalas = -*halalas;
    }

  return TRUE;

bad_groups:
  g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                       _("Check the separators: a comma separates groups of three digits, "
                         "and a dot comes before the halalas."));
  return FALSE;
}

char *
sila_money_format_plain (gint64 halalas)
{
  guint64 magnitude = halalas < 0 ? (guint64)(-(halalas + 1)) + 1 : (guint64)halalas;

  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%02u", halalas < 0 ? "-" : "",
                          magnitude / 100, (guint)(magnitude % 100));
}

char *
sila_money_format_for (gint64       halalas,
                       gboolean     with_currency,
                       SilaLanguage language)
{
  g_autofree char *plain = sila_money_format_plain (halalas);
  g_autofree char *number = sila_format_decimal_for (plain, 2, 2, language);

  if (number == NULL)
    number = g_strdup (plain);
  if (!with_currency)
    return g_steal_pointer (&number);
  if (language == SILA_LANGUAGE_ENGLISH)
    return g_strconcat ("SAR ", number, NULL);
  return g_strconcat (number, " ر.س", NULL);
}

char *
sila_money_format (gint64   halalas,
                   gboolean with_currency)
{
  return sila_money_format_for (halalas, with_currency, sila_i18n_get_language ());
}
