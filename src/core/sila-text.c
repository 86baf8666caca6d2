/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-core"

#include "sila-config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sila-text.h"
#include "sila-validation.h"

G_DEFINE_QUARK (sila-validation-error-quark, sila_validation_error)

/* Arabic-Indic (٠-٩) and Eastern Arabic-Indic (۰-۹) digits become ASCII, so
 * that numbers typed on an Arabic keyboard are read and stored as typed.
 * Bytes that are not UTF-8 become U+FFFD, one at a time: the walk never
 * steps past the end of @text, whatever it holds. */
char *
sila_text_digits_to_ascii (const char *text)
{
  GString *out;
  const char *end;

  if (text == NULL)
    return NULL;

  out = g_string_sized_new (strlen (text));
  end = text + strlen (text);
  for (const char *p = text; p < end; )
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar)-1 || c == (gunichar)-2)
        {
          g_string_append_unichar (out, 0xFFFD);
          p++;
          continue;
        }
      p = g_utf8_next_char (p);

      if ((c >= 0x0660 && c <= 0x0669) || (c >= 0x06F0 && c <= 0x06F9))
        g_string_append_c (out, '0' + g_unichar_digit_value (c));
      else
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/* Control characters and bidi overrides/isolates: invisible, and able to make
 * a name display as something other than what it is. */
gboolean
sila_text_has_hidden_controls (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c) ||
          (c >= 0x202A && c <= 0x202E) ||
          (c >= 0x2066 && c <= 0x2069) ||
          c == 0x200E || c == 0x200F || c == 0x061C)
        return TRUE;
    }

  return FALSE;
}

/* An entry of an editable list named in Arabic (required) and English
 * (optional: the Arabic name stands in for it), each cleaned as by
 * sila_text_clean_line(). On success both are set and owned by the caller. */
gboolean
sila_text_clean_names (const char  *name_ar,
                       const char  *name_en,
                       guint        max_chars,
                       char       **clean_ar,
                       char       **clean_en,
                       GError     **error)
{
  g_autofree char *ar = NULL;
  g_autofree char *en = NULL;

  ar = sila_text_clean_line (name_ar, max_chars, TRUE, error);
  if (ar == NULL)
    return FALSE;
  en = sila_text_clean_line (name_en, max_chars, FALSE, error);
  if (en == NULL)
    return FALSE;
  if (*en == '\0')
    {
      g_free (en);
      en = g_strdup (ar);
    }

  *clean_ar = g_steal_pointer (&ar);
  *clean_en = g_steal_pointer (&en);
  return TRUE;
}

/* One line of free text (a name, a title): valid UTF-8, trimmed, no control
 * or bidi-override characters, at most @max_chars characters. */
char *
sila_text_clean_line (const char  *text,
                      guint        max_chars,
                      gboolean     required,
                      GError     **error)
{
  g_autofree char *copy = NULL;

  if (text == NULL)
    text = "";

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                           _("The text contains characters that cannot be read."));
      return NULL;
    }

  copy = g_strstrip (g_strdup (text));

  if (*copy == '\0')
    {
      if (required)
        {
          g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_REQUIRED,
                               _("This field is required."));
          return NULL;
        }
      return g_steal_pointer (&copy);
    }

  if (sila_text_has_hidden_controls (copy))
    {
      g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                           _("The text contains hidden control characters. Type it again "
                             "without them."));
      return NULL;
    }

  if (g_utf8_strlen (copy, -1) > (glong)max_chars)
    {
      g_set_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_TOO_LONG,
                   ngettext ("The text is too long: at most %u character.",
                             "The text is too long: at most %u characters.", max_chars),
                   max_chars);
      return NULL;
    }

  return g_steal_pointer (&copy);
}

/* A whole number typed in any digits, within [@min, @max]. */
gboolean
sila_text_parse_int (const char  *text,
                     gint64       min,
                     gint64       max,
                     gint64      *value,
                     GError     **error)
{
  g_autofree char *ascii = NULL;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    text = "";

  ascii = g_strstrip (sila_text_digits_to_ascii (text));
  if (*ascii == '\0')
    {
      g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_REQUIRED,
                           _("Enter a number."));
      return FALSE;
    }

  if (!g_ascii_string_to_signed (ascii, 10, G_MININT64, G_MAXINT64, value, NULL))
    {
      g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                           _("Enter a whole number, in digits."));
      return FALSE;
    }

  if (*value < min || *value > max)
    {
      g_set_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_OUT_OF_RANGE,
                   _("Enter a number from %lld to %lld."),
                   (long long)min, (long long)max);
      return FALSE;
    }

  return TRUE;
}
