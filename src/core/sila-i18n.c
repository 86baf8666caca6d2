/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-core"

#include "sila-config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>

#include "sila-i18n.h"

static SilaLanguage current_language = SILA_LANGUAGE_ARABIC;
static GHashTable *arabic_catalog;  /* msgid → msgstr, read from sila.mo */

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

static const char *
get_localedir (void)
{
  const char *localedir = g_getenv ("SILA_LOCALEDIR");

  return localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR;
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

  localedir = get_localedir ();

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

static guint32
mo_word (const guchar *data,
         gsize         offset,
         gboolean      swap)
{
  guint32 word;

  memcpy (&word, data + offset, sizeof word);
  return swap ? GUINT32_SWAP_LE_BE (word) : word;
}

/* Reads the Arabic catalog (a GNU .mo file) into a table. gettext itself
 * answers in one language per process; the kiosk needs the other one too. */
static GHashTable *
load_arabic_catalog (void)
{
  g_autofree char *path = g_build_filename (get_localedir (), "ar", "LC_MESSAGES",
                                            GETTEXT_PACKAGE ".mo", NULL);
  g_autofree guchar *data = NULL;
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  gsize length = 0;
  guint32 magic, n, originals, translations;
  gboolean swap;

  if (!g_file_get_contents (path, (char **)&data, &length, NULL) || length < 20)
    return table;

  memcpy (&magic, data, sizeof magic);
  if (magic == 0x950412de)
    swap = FALSE;
  else if (GUINT32_SWAP_LE_BE (magic) == 0x950412de)
    swap = TRUE;
  else
    return table;

  n = mo_word (data, 8, swap);
  originals = mo_word (data, 12, swap);
  translations = mo_word (data, 16, swap);
  if (originals > length || translations > length ||
      n > (length - MAX (originals, translations)) / 8)
    return table;

  for (guint32 i = 0; i < n; i++)
    {
      guint32 o_len = mo_word (data, originals + 8 * i, swap);
      guint32 o_off = mo_word (data, originals + 8 * i + 4, swap);
      guint32 t_len = mo_word (data, translations + 8 * i, swap);
      guint32 t_off = mo_word (data, translations + 8 * i + 4, swap);

      if ((gsize)o_off + o_len >= length || (gsize)t_off + t_len >= length || o_len == 0)
        continue;
      /* A plural entry holds "singular\0plural": the singular is the key. */
      g_hash_table_insert (table, g_strndup ((const char *)data + o_off, o_len),
                           g_strndup ((const char *)data + t_off, t_len));
    }

  return table;
}

/* @msgid in @language, whatever the UI language: the kiosk lets a person
 * switch between Arabic and English without restarting the app. Source
 * strings are English. */
const char *
sila_i18n_translate_to (SilaLanguage  language,
                        const char   *msgid)
{
  const char *translated;

  g_return_val_if_fail (msgid != NULL, NULL);

  if (language == SILA_LANGUAGE_ENGLISH)
    return msgid;
  if (language == current_language)
    return g_dgettext (GETTEXT_PACKAGE, msgid);

  if (arabic_catalog == NULL)
    arabic_catalog = load_arabic_catalog ();
  translated = g_hash_table_lookup (arabic_catalog, msgid);

  return translated != NULL && *translated != '\0' ? translated : msgid;
}
