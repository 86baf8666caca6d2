/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-core"

#include "sila-config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>

#include "sila-i18n.h"

static SilaLanguage current_language = SILA_LANGUAGE_ARABIC;

gboolean
sila_language_from_code (const char   *code,
                         SilaLanguage *language)
{
  if (code == NULL)
    return FALSE;

  if (g_ascii_strcasecmp (code, "ar") == 0 || g_str_has_prefix (code, "ar_"))
    *language = SILA_LANGUAGE_ARABIC;
  else if (g_ascii_strcasecmp (code, "en") == 0 || g_str_has_prefix (code, "en_"))
    *language = SILA_LANGUAGE_ENGLISH;
  else
    return FALSE;

  return TRUE;
}

const char *
sila_language_to_code (SilaLanguage language)
{
  return language == SILA_LANGUAGE_ENGLISH ? "en" : "ar";
}

static gboolean
is_plain_c_locale (const char *name)
{
  return name == NULL || strcmp (name, "C") == 0 || strcmp (name, "POSIX") == 0;
}

/* Chooses the language of every message, whatever the system locale: the
 * app is Arabic first. Call before any string is translated. */
void
sila_i18n_init (SilaLanguage language)
{
  const char *localedir;
  const char *result;

  current_language = language;

  /* glibc ignores LANGUAGE under the plain C locale, so fall back to
   * C.UTF-8, which every Debian system has. */
  g_setenv ("LANGUAGE", sila_language_to_code (language), TRUE);
  result = setlocale (LC_ALL, "");
  if (is_plain_c_locale (result))
    setlocale (LC_ALL, "C.UTF-8");

  /* Numbers written to files (workbooks, CSV, SQL) always use a dot;
   * display formatting goes through ICU with the chosen language instead. */
  setlocale (LC_NUMERIC, "C");

  localedir = g_getenv ("SILA_LOCALEDIR");
  if (localedir == NULL || *localedir == '\0')
    localedir = LOCALEDIR;

  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

SilaLanguage
sila_i18n_get_language (void)
{
  return current_language;
}

gboolean
sila_i18n_is_rtl (void)
{
  return current_language == SILA_LANGUAGE_ARABIC;
}

/* The ICU locale used to format numbers and dates for display. Saudi Arabic
 * writes numbers with Arabic-Indic digits. */
const char *
sila_i18n_get_icu_locale (void)
{
  return current_language == SILA_LANGUAGE_ENGLISH ? "en_US" : "ar_SA";
}
