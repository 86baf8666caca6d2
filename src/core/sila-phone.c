/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-core"

#include "sila-config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sila-phone.h"
#include "sila-validation.h"

/* Saudi national numbers have 9 digits after the country code (or after
 * the trunk 0): mobiles start with 5, landlines with 1 (011 Riyadh, 012
 * Makkah and Jeddah, 013 Eastern Province, 014, 016, 017). */
#define NATIONAL_DIGITS 9

static gboolean
is_punctuation (gunichar c)
{
  return c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '/' ||
         c == 0x00A0 || c == 0x2010 || c == 0x2011 || c == 0x2012 || c == 0x2013 ||
         c == 0x2212 || c == 0x200E || c == 0x200F || c == 0x061C || c == 0x200B ||
         c == 0xFEFF || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

static int
digit_of (gunichar c)
{
  if (c >= '0' && c <= '9')
    return (int)(c - '0');
  if ((c >= 0x0660 && c <= 0x0669) || (c >= 0x06F0 && c <= 0x06F9))
    return g_unichar_digit_value (c);
  return -1;
}

/* The digits, and whether a leading + was typed. FALSE on letters or any
 * other character, or a + that is not first. */
static gboolean
collect_digits (const char  *text,
                GString     *digits,
                gboolean    *plus)
{
  *plus = FALSE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      int d = digit_of (c);

      if (d >= 0)
        g_string_append_c (digits, (char)('0' + d));
      else if (c == '+' && digits->len == 0 && !*plus)
        *plus = TRUE;
      else if (!is_punctuation (c))
        return FALSE;
    }
  return TRUE;
}

/* The national number (without country code or trunk 0), or NULL when the
 * number is clearly foreign (sets *foreign). */
static const char *
national_part (const char *digits,
               gboolean    plus,
               gboolean   *foreign)
{
  *foreign = FALSE;

  if (plus || g_str_has_prefix (digits, "00"))
    {
      if (!plus)
        digits += 2;
      if (!g_str_has_prefix (digits, "966"))
        {
          *foreign = TRUE;
          return NULL;
        }
      digits += 3;
      /* "+966 (0) 5…": the trunk 0 written after the country code. */
      if (digits[0] == '0')
        digits++;
      return digits;
    }

  if (g_str_has_prefix (digits, "966") && strlen (digits) == 3 + NATIONAL_DIGITS)
    return digits + 3;
  if (digits[0] == '0')
    return digits + 1;
  return digits;
}

char *
sila_phone_normalize (const char  *text,
                      GError     **error)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  const char *national;
  gboolean plus, foreign;

  if (text == NULL)
    text = "";
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                           _("The text contains characters that cannot be read."));
      return NULL;
    }

  if (!collect_digits (text, digits, &plus))
    {
      g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                           _("Type the mobile number in digits, for example 0501234567."));
      return NULL;
    }

  if (digits->len == 0)
    {
      g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_REQUIRED,
                           _("Enter a mobile number."));
      return NULL;
    }

  national = national_part (digits->str, plus, &foreign);
  if (foreign)
    {
      g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                           _("Only Saudi mobile numbers (+966 5…) can be entered here."));
      return NULL;
    }

  if (national[0] == '1' && strlen (national) >= 8 && strlen (national) <= NATIONAL_DIGITS)
    {
      g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                           _("This is a landline number. Enter a mobile number, which starts "
                             "with 05."));
      return NULL;
    }

  if (strlen (national) != NATIONAL_DIGITS || national[0] != '5')
    {
      g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                           _("A Saudi mobile number has 10 digits and starts with 05, for "
                             "example 0501234567."));
      return NULL;
    }

  return g_strconcat ("+966", national, NULL);
}

char *
sila_phone_format_display (const char *phone)
{
  g_autofree char *canonical = sila_phone_normalize (phone, NULL);
  const char *n;

  if (canonical == NULL)
    return NULL;
  n = canonical + 4;
  return g_strdup_printf ("0%.2s %.3s %.4s", n, n + 2, n + 5);
}

char *
sila_phone_format_international (const char *phone)
{
  g_autofree char *canonical = sila_phone_normalize (phone, NULL);
  const char *n;

  if (canonical == NULL)
    return NULL;
  n = canonical + 4;
  return g_strdup_printf ("+966 %.2s %.3s %.4s", n, n + 2, n + 5);
}

char *
sila_phone_search_key (const char *text)
{
  GString *digits = g_string_new (NULL);
  const char *p;

  if (text != NULL && g_utf8_validate (text, -1, NULL))
    for (p = text; *p != '\0'; p = g_utf8_next_char (p))
      {
        int d = digit_of (g_utf8_get_char (p));

        if (d >= 0)
          g_string_append_c (digits, (char)('0' + d));
      }

  p = digits->str;
  if (g_str_has_prefix (p, "00"))
    p += 2;
  if (g_str_has_prefix (p, "966"))
    p += 3;
  if (p[0] == '0')
    p++;

  {
    char *key = g_strdup (p);

    g_string_free (digits, TRUE);
    return key;
  }
}
