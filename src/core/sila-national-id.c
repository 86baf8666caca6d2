/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-core"

#include "sila-config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sila-arabic.h"
#include "sila-display.h"
#include "sila-national-id.h"
#include "sila-validation.h"

#define ID_DIGITS          10
#define PASSPORT_MIN_CHARS 5
#define PASSPORT_MAX_CHARS 20

static const struct {
  const char *code;
  const char *display;
} id_types[SILA_N_ID_TYPES] = {
  [SILA_ID_TYPE_NONE]          = { "none",          N_("No ID document") },
  [SILA_ID_TYPE_NATIONAL_ID]   = { "national_id",   N_("National ID") },
  [SILA_ID_TYPE_IQAMA]         = { "iqama",         N_("Iqama (residence permit)") },
  [SILA_ID_TYPE_PASSPORT]      = { "passport",      N_("Passport") },
  [SILA_ID_TYPE_BORDER_NUMBER] = { "border_number", N_("Border number") },
};

const char *
sila_id_type_to_code (SilaIdType type)
{
  g_return_val_if_fail (type < SILA_N_ID_TYPES, NULL);
  return id_types[type].code;
}

gboolean
sila_id_type_from_code (const char *code,
                        SilaIdType *type)
{
  if (code == NULL)
    return FALSE;
  for (guint i = 0; i < SILA_N_ID_TYPES; i++)
    if (g_ascii_strcasecmp (code, id_types[i].code) == 0)
      {
        *type = (SilaIdType)i;
        return TRUE;
      }
  return FALSE;
}

const char *
sila_id_type_to_display (SilaIdType type)
{
  g_return_val_if_fail (type < SILA_N_ID_TYPES, NULL);
  return _(id_types[type].display);
}

/* The check of the National Information Center (مركز المعلومات الوطني) as
 * published by the open-source validators (github.com/alhazmy13/
 * Saudi-ID-Validator, npm saudi-id-validator): going from the first digit,
 * digits in odd positions (1st, 3rd, … 9th) are doubled and the digits of
 * each product added; digits in even positions are added as they are; the
 * number is valid when the total is a multiple of 10. For ten digits that
 * is exactly the Luhn algorithm (ISO/IEC 7812-1), the 10th digit being the
 * check digit. Known example: 1000000008. */
static guint
luhn_sum (const char *digits,
          guint       n)
{
  guint sum = 0;

  for (guint i = 0; i < n; i++)
    {
      guint d = (guint)(digits[i] - '0');

      if (i % 2 == 0)
        {
          d *= 2;
          sum += d / 10 + d % 10;
        }
      else
        sum += d;
    }
  return sum;
}

static gboolean
all_digits (const char *text,
            gsize       n)
{
  if (text == NULL || strlen (text) != n)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return TRUE;
}

gboolean
sila_national_id_checksum_ok (const char *digits)
{
  return all_digits (digits, ID_DIGITS) && luhn_sum (digits, ID_DIGITS) % 10 == 0;
}

char
sila_national_id_check_digit (const char *digits)
{
  guint sum;

  if (!all_digits (digits, ID_DIGITS - 1))
    return 0;
  /* The 10th digit is in an even position: it is added as it is. */
  sum = luhn_sum (digits, ID_DIGITS - 1);
  return (char)('0' + (10 - sum % 10) % 10);
}

static gboolean
is_ignored (gunichar c)
{
  return c == ' ' || c == '-' || c == 0x00A0 || c == 0x2010 || c == 0x2011 || c == 0x2212 ||
         c == 0x200E || c == 0x200F || c == 0x061C || c == 0x200B || c == 0xFEFF ||
         (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

/* Digits and letters kept, separators dropped; FALSE on anything else.
 * Letters are only kept when @letters. */
static gboolean
compact (const char  *text,
         gboolean     letters,
         char       **out)
{
  GString *s = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      int digit = -1;

      if (c >= '0' && c <= '9')
        digit = (int)(c - '0');
      else if ((c >= 0x0660 && c <= 0x0669) || (c >= 0x06F0 && c <= 0x06F9))
        digit = g_unichar_digit_value (c);

      if (digit >= 0)
        g_string_append_c (s, (char)('0' + digit));
      else if (letters && c < 0x80 && g_ascii_isalpha ((char)c))
        g_string_append_c (s, g_ascii_toupper ((char)c));
      else if (!is_ignored (c))
        {
          g_string_free (s, TRUE);
          *out = NULL;
          return FALSE;
        }
    }

  *out = g_string_free (s, FALSE);
  return TRUE;
}

static char *
check_ten_digits (const char  *digits,
                  SilaIdType   type,
                  GError     **error)
{
  guint n = (guint)strlen (digits);

  if (n != ID_DIGITS)
    {
      /* Translators: the number of digits typed follows. */
      if (type == SILA_ID_TYPE_NATIONAL_ID)
        g_set_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                     ngettext ("A national ID has 10 digits; this one has %u.",
                               "A national ID has 10 digits; this one has %u.", n), n);
      else if (type == SILA_ID_TYPE_IQAMA)
        g_set_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                     ngettext ("An iqama number has 10 digits; this one has %u.",
                               "An iqama number has 10 digits; this one has %u.", n), n);
      else
        g_set_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                     ngettext ("A border number has 10 digits; this one has %u.",
                               "A border number has 10 digits; this one has %u.", n), n);
      sila_display_error_digits (error);
      return NULL;
    }

  if (type == SILA_ID_TYPE_NATIONAL_ID && digits[0] != '1')
    {
      g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                           digits[0] == '2'
                           ? _("A Saudi national ID starts with 1. This number starts with 2, "
                               "like an iqama: choose «Iqama» as the ID type.")
                           : _("A Saudi national ID starts with 1."));
      return NULL;
    }

  if (type == SILA_ID_TYPE_IQAMA && digits[0] != '2')
    {
      g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                           digits[0] == '1'
                           ? _("An iqama number starts with 2. This number starts with 1, "
                               "like a national ID: choose «National ID» as the ID type.")
                           : _("An iqama number starts with 2."));
      return NULL;
    }

  if ((type == SILA_ID_TYPE_NATIONAL_ID || type == SILA_ID_TYPE_IQAMA) &&
      !sila_national_id_checksum_ok (digits))
    {
      g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                           type == SILA_ID_TYPE_NATIONAL_ID
                           ? _("This national ID is not valid: its last digit does not match "
                               "the others. Check it for a typing mistake.")
                           : _("This iqama number is not valid: its last digit does not match "
                               "the others. Check it for a typing mistake."));
      return NULL;
    }

  return g_strdup (digits);
}

char *
sila_national_id_normalize (const char  *text,
                            SilaIdType   type,
                            GError     **error)
{
  g_autofree char *compacted = NULL;
  gboolean passport = type == SILA_ID_TYPE_PASSPORT;
  gsize n;

  g_return_val_if_fail (type < SILA_N_ID_TYPES, NULL);

  if (text == NULL)
    text = "";
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                           _("The text contains characters that cannot be read."));
      return NULL;
    }

  if (!compact (text, passport, &compacted))
    {
      g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                           passport
                           ? _("A passport number has only Latin letters and digits.")
                           : _("Type the ID number in digits only."));
      return NULL;
    }

  n = strlen (compacted);
  if (type == SILA_ID_TYPE_NONE)
    {
      if (n > 0)
        {
          g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                               _("No ID document is chosen, so leave the number empty."));
          return NULL;
        }
      return g_strdup ("");
    }

  if (n == 0)
    {
      g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_REQUIRED,
                           _("Enter the ID number."));
      return NULL;
    }

  if (passport)
    {
      if (n < PASSPORT_MIN_CHARS || n > PASSPORT_MAX_CHARS)
        {
          g_set_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                       _("A passport number has %u to %u letters and digits."),
                       PASSPORT_MIN_CHARS, PASSPORT_MAX_CHARS);
          return NULL;
        }
      return g_steal_pointer (&compacted);
    }

  return check_ten_digits (compacted, type, error);
}

/* The first character of @text that is neither a digit nor a separator,
 * as typed, or NULL. */
static char *
first_stray (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      char one[8] = { 0 };

      if ((c >= '0' && c <= '9') || (c >= 0x0660 && c <= 0x0669) ||
          (c >= 0x06F0 && c <= 0x06F9) || is_ignored (c))
        continue;
      if (!g_unichar_isgraph (c))
        return g_strdup ("?");
      g_unichar_to_utf8 (c, one);
      return g_strdup (one);
    }
  return NULL;
}

char *
sila_national_id_normalize_saudi (const char  *text,
                                  SilaIdType  *type,
                                  GError     **error)
{
  g_autofree char *digits = NULL;
  guint n;

  g_return_val_if_fail (type != NULL, NULL);

  *type = SILA_ID_TYPE_NONE;
  if (text == NULL)
    text = "";
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                           _("The text contains characters that cannot be read."));
      return NULL;
    }

  if (!compact (text, FALSE, &digits))
    {
      g_autofree char *stray = first_stray (text);

      /* Translators: %s is the character typed, such as a letter. */
      g_set_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                   _("A national ID or iqama number has digits only; this one has «%s»."),
                   stray != NULL ? stray : "?");
      return NULL;
    }

  n = (guint)strlen (digits);
  if (n == 0)
    {
      g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_REQUIRED,
                           _("Enter the ID number."));
      return NULL;
    }
  if (n != ID_DIGITS)
    {
      /* Translators: the number of digits typed follows. */
      g_set_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                   ngettext ("A national ID or iqama number has 10 digits; this one has %u.",
                             "A national ID or iqama number has 10 digits; this one has %u.",
                             n), n);
      sila_display_error_digits (error);
      return NULL;
    }
  if (digits[0] != '1' && digits[0] != '2')
    {
      /* Translators: %c is the first digit of the number typed. */
      g_set_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                   _("A national ID starts with 1 and an iqama number with 2; this one starts "
                     "with %c."), digits[0]);
      return NULL;
    }

  *type = digits[0] == '1' ? SILA_ID_TYPE_NATIONAL_ID : SILA_ID_TYPE_IQAMA;
  return check_ten_digits (digits, *type, error);
}

gboolean
sila_id_type_parse (const char *text,
                    SilaIdType *type)
{
  /* The names an office's register may use, besides the codes and the
   * names shown in the UI language. */
  static const char *const arabic[SILA_N_ID_TYPES] = {
    [SILA_ID_TYPE_NONE]          = "بدون",
    [SILA_ID_TYPE_NATIONAL_ID]   = "هوية وطنية",
    [SILA_ID_TYPE_IQAMA]         = "إقامة",
    [SILA_ID_TYPE_PASSPORT]      = "جواز سفر",
    [SILA_ID_TYPE_BORDER_NUMBER] = "رقم حدود",
  };
  static const char *const english[SILA_N_ID_TYPES] = {
    [SILA_ID_TYPE_NONE]          = "none",
    [SILA_ID_TYPE_NATIONAL_ID]   = "national id",
    [SILA_ID_TYPE_IQAMA]         = "iqama",
    [SILA_ID_TYPE_PASSPORT]      = "passport",
    [SILA_ID_TYPE_BORDER_NUMBER] = "border number",
  };
  g_autofree char *key = NULL;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return FALSE;
  if (sila_id_type_from_code (text, type))
    return TRUE;

  key = sila_arabic_normalize_tokens (text);
  for (guint t = 0; t < SILA_N_ID_TYPES; t++)
    {
      g_autofree char *a = sila_arabic_normalize_tokens (arabic[t]);
      g_autofree char *e = sila_arabic_normalize_tokens (english[t]);
      g_autofree char *shown = sila_arabic_normalize_tokens (sila_id_type_to_display (t));

      if (g_str_equal (key, a) || g_str_equal (key, e) || g_str_equal (key, shown))
        {
          *type = (SilaIdType)t;
          return TRUE;
        }
    }
  return FALSE;
}

SilaIdType
sila_national_id_guess_type (const char *text)
{
  g_autofree char *digits = NULL;

  if (text == NULL || !g_utf8_validate (text, -1, NULL) || !compact (text, FALSE, &digits))
    return SILA_ID_TYPE_NONE;
  if (strlen (digits) != ID_DIGITS)
    return SILA_ID_TYPE_NONE;
  if (digits[0] == '1')
    return SILA_ID_TYPE_NATIONAL_ID;
  if (digits[0] == '2')
    return SILA_ID_TYPE_IQAMA;
  return SILA_ID_TYPE_NONE;
}
