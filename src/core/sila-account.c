/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-core"

#include "sila-config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sila-account.h"
#include "sila-text.h"
#include "sila-validation.h"

/* Passwords that every guessing list starts with. A short list, not a
 * dictionary: it stops the obvious, the length rule does the rest. */
static const char * const common_passwords[] = {
  "12345678", "123456789", "1234567890", "0123456789", "87654321", "11223344",
  "12341234", "password", "password1", "password123", "passw0rd", "p@ssw0rd",
  "qwertyui", "qwerty123", "qwertyuiop", "1q2w3e4r", "1qaz2wsx", "abcd1234",
  "abcdefgh", "iloveyou", "admin123", "administrator", "welcome1", "letmein1",
  "changeme", "sila1234", "00000000",
};

/* A user name is typed at every sign-in and by scripts (--user NAME):
 * Latin letters, digits, '.', '-' and '_', starting with a letter, kept in
 * lower case. Digits typed on an Arabic keyboard are read as digits. */
char *
sila_account_normalize_username (const char  *text,
                                 GError     **error)
{
  g_autofree char *ascii = NULL;
  g_autofree char *lower = NULL;
  glong n_chars;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                           _("The text contains characters that cannot be read."));
      return NULL;
    }

  ascii = g_strstrip (sila_text_digits_to_ascii (text));
  if (*ascii == '\0')
    {
      g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_REQUIRED,
                           _("Enter a user name."));
      return NULL;
    }

  n_chars = g_utf8_strlen (ascii, -1);
  if (n_chars > SILA_USERNAME_MAX_CHARS)
    {
      g_set_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_TOO_LONG,
                   _("A user name has at most %d characters."), SILA_USERNAME_MAX_CHARS);
      return NULL;
    }

  for (const char *p = ascii; *p != '\0'; p++)
    {
      gboolean letter = g_ascii_isalpha (*p);

      if (p == ascii ? !letter
                     : !(letter || g_ascii_isdigit (*p) || *p == '.' || *p == '-' || *p == '_'))
        {
          g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                               _("A user name starts with a Latin letter and has only Latin "
                                 "letters, digits, dots, hyphens and underscores."));
          return NULL;
        }
    }

  if (n_chars < SILA_USERNAME_MIN_CHARS)
    {
      g_set_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                   _("A user name has at least %d characters."), SILA_USERNAME_MIN_CHARS);
      return NULL;
    }

  lower = g_ascii_strdown (ascii, -1);
  if (g_str_equal (lower, SILA_ACCOUNT_OWNER_NAME))
    {
      g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                           _("This user name is reserved. Choose another."));
      return NULL;
    }

  return g_steal_pointer (&lower);
}

/* The name colleagues see: any script, one line, no hidden controls. */
char *
sila_account_normalize_display_name (const char  *text,
                                     GError     **error)
{
  return sila_text_clean_line (text, SILA_DISPLAY_NAME_MAX_CHARS, TRUE, error);
}

/* The form a password is hashed in: NFC, so that the same letters typed on
 * two keyboards match, and ASCII digits, so that ١٢٣ and 123 are one
 * password whatever the keyboard layout of the moment. Spaces are kept.
 * NULL if the text is not UTF-8. */
char *
sila_account_prepare_password (const char *password)
{
  g_autofree char *nfc = NULL;

  if (password == NULL || !g_utf8_validate (password, -1, NULL))
    return NULL;

  nfc = g_utf8_normalize (password, -1, G_NORMALIZE_NFC);
  if (nfc == NULL)
    return NULL;

  return sila_text_digits_to_ascii (nfc);
}

static gboolean
is_one_repeated_character (const char *text)
{
  gunichar first = g_utf8_get_char (text);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_utf8_get_char (p) != first)
      return FALSE;

  return TRUE;
}

/* Checks a new password and returns the form to hash (see above). The
 * rules follow NIST SP 800-63B: a length, no forced mixtures of symbols,
 * and a refusal of the obvious. */
char *
sila_account_check_new_password (const char  *password,
                                 const char  *username,
                                 GError     **error)
{
  g_autofree char *prepared = NULL;
  g_autofree char *folded = NULL;
  glong n_chars;

  if (password == NULL || *password == '\0')
    {
      g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_REQUIRED,
                           _("Enter a password."));
      return NULL;
    }

  prepared = sila_account_prepare_password (password);
  if (prepared == NULL)
    {
      g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                           _("The password contains characters that cannot be read."));
      return NULL;
    }

  for (const char *p = prepared; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      {
        g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                             _("The password contains control characters (such as a line "
                               "break). Type it again without them."));
        return NULL;
      }

  n_chars = g_utf8_strlen (prepared, -1);
  if (n_chars < SILA_PASSWORD_MIN_CHARS)
    {
      g_set_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                   ngettext ("A password has at least %d character.",
                             "A password has at least %d characters.", SILA_PASSWORD_MIN_CHARS),
                   SILA_PASSWORD_MIN_CHARS);
      return NULL;
    }
  if (n_chars > SILA_PASSWORD_MAX_CHARS)
    {
      g_set_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_TOO_LONG,
                   ngettext ("A password has at most %d character.",
                             "A password has at most %d characters.", SILA_PASSWORD_MAX_CHARS),
                   SILA_PASSWORD_MAX_CHARS);
      return NULL;
    }

  /* "sami2026" is the user name and a year: what is left without the name
   * must be a password on its own. */
  folded = g_utf8_casefold (prepared, -1);
  if (username != NULL && g_utf8_validate (username, -1, NULL))
    {
      g_autofree char *user_folded = g_utf8_casefold (username, -1);

      if (*user_folded != '\0' && strstr (folded, user_folded) != NULL)
        {
          g_auto(GStrv) parts = g_strsplit (folded, user_folded, -1);
          g_autofree char *rest = g_strjoinv ("", parts);

          if (g_utf8_strlen (rest, -1) < SILA_PASSWORD_MIN_CHARS)
            {
              g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                                   _("The password is mostly the user name. Choose one that "
                                     "does not lean on it."));
              return NULL;
            }
        }
    }

  if (is_one_repeated_character (prepared) ||
      g_strv_contains (common_passwords, folded))
    {
      g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                           _("This password is too easy to guess. Choose a longer one: a "
                             "short sentence is easy to remember and hard to guess."));
      return NULL;
    }

  return g_steal_pointer (&prepared);
}

/* The "type it again" field of a form. */
gboolean
sila_account_check_confirmation (const char  *password,
                                 const char  *confirmation,
                                 GError     **error)
{
  g_autofree char *a = sila_account_prepare_password (password);
  g_autofree char *b = sila_account_prepare_password (confirmation);

  if (confirmation == NULL || *confirmation == '\0')
    {
      g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_REQUIRED,
                           _("Type the password again."));
      return FALSE;
    }

  if (a == NULL || b == NULL || !g_str_equal (a, b))
    {
      g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                           _("The two passwords are not the same."));
      return FALSE;
    }

  return TRUE;
}

/* Signing in: the lockout */

static int
minutes_until (const char *timestamp,
               GDateTime  *now)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) until = NULL;
  GTimeSpan left;

  if (timestamp == NULL)
    return 0;
  until = g_date_time_new_from_iso8601 (timestamp, utc);
  if (until == NULL)
    return 0;

  left = g_date_time_difference (until, now);
  return left <= 0 ? 0 : (int)((left + G_TIME_SPAN_MINUTE - 1) / G_TIME_SPAN_MINUTE);
}

gboolean
sila_account_check_not_locked (const char  *locked_until,
                               GDateTime   *now,
                               GError     **error)
{
  int minutes = minutes_until (locked_until, now);

  g_return_val_if_fail (now != NULL, FALSE);

  if (minutes <= 0)
    return TRUE;

  g_set_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
               ngettext ("This account is locked after too many wrong passwords. Try again "
                         "in %d minute, or ask an administrator to reset the password.",
                         "This account is locked after too many wrong passwords. Try again "
                         "in %d minutes, or ask an administrator to reset the password.",
                         minutes),
               minutes);
  return FALSE;
}

gboolean
sila_account_count_failure (int          failed,
                            GDateTime   *now,
                            int         *failed_after,
                            char       **locked_until,
                            GError     **error)
{
  g_autoptr(GDateTime) later = NULL;
  int minutes = SILA_LOGIN_LOCKOUT_SECONDS / 60;

  g_return_val_if_fail (now != NULL, FALSE);
  g_return_val_if_fail (failed_after != NULL && locked_until != NULL, FALSE);

  *locked_until = NULL;
  *failed_after = MAX (failed, 0) + 1;
  if (*failed_after < SILA_LOGIN_MAX_FAILURES)
    return FALSE;

  later = g_date_time_add_seconds (now, SILA_LOGIN_LOCKOUT_SECONDS);
  *failed_after = 0;
  *locked_until = g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d.%03dZ",
                                   g_date_time_get_year (later), g_date_time_get_month (later),
                                   g_date_time_get_day_of_month (later),
                                   g_date_time_get_hour (later), g_date_time_get_minute (later),
                                   g_date_time_get_second (later),
                                   g_date_time_get_microsecond (later) / 1000);
  g_set_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
               ngettext ("Too many wrong passwords: this account is now locked for %d "
                         "minute. Try again later, or ask an administrator to reset "
                         "the password.",
                         "Too many wrong passwords: this account is now locked for %d "
                         "minutes. Try again later, or ask an administrator to reset "
                         "the password.",
                         minutes),
               minutes);
  return TRUE;
}
