/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-core"

#include "sila-config.h"

#include <glib/gi18n-lib.h>
#include <stdarg.h>
#include <string.h>

#include "sila-display.h"
#include "sila-format.h"
#include "sila-text.h"

#define FSI "\u2068"
#define LRI "\u2066"
#define PDI "\u2069"
#define RLM "\u200f"
#define LRM "\u200e"

/* A line takes the direction of its first strong character: one whose
 * first part starts against the interface's direction (a file name, a user
 * name, a code in Arabic; a beneficiary's Arabic name in English) would put
 * the other parts in the wrong order. Such a line starts with the
 * interface's own mark. */
static gboolean
starts_right_to_left (const char *text)
{
  gunichar c = g_utf8_get_char (text);

  return (c >= 0x0590 && c <= 0x08ff) || (c >= 0xfb1d && c <= 0xfdff) ||
         (c >= 0xfe70 && c <= 0xfeff) || c == 0x2067 || c == 0x200f;
}

static gboolean
starts_left_to_right (const char *text)
{
  gunichar c = g_utf8_get_char (text);

  return c < 0x80 || c == 0x2066 || c == 0x2068;
}

char *
sila_display_join (const char *first,
                   ...)
{
  GString *out = g_string_new (NULL);
  gboolean rtl = sila_i18n_is_rtl ();
  const char *mark = NULL;
  guint parts = 0;
  va_list args;

  va_start (args, first);
  for (const char *part = first; part != NULL; part = va_arg (args, const char *))
    {
      if (*part == '\0')
        continue;
      if (parts++ > 0)
        g_string_append (out, SILA_DISPLAY_SEPARATOR);
      else if (rtl ? starts_left_to_right (part) : starts_right_to_left (part))
        mark = rtl ? RLM : LRM;
      g_string_append (out, part);
    }
  va_end (args);
  /* A single part keeps its own direction. */
  if (mark != NULL && parts > 1)
    g_string_prepend (out, mark);
  return g_string_free (out, FALSE);
}

char *
sila_display_isolate (const char *text)
{
  if (text == NULL || *text == '\0')
    return g_strdup ("");
  if ((g_str_has_prefix (text, FSI) || g_str_has_prefix (text, LRI))
      && g_str_has_suffix (text, PDI))
    return g_strdup (text);
  return g_strconcat (FSI, text, PDI, NULL);
}

char *
sila_display_code (const char *text)
{
  g_autofree char *ascii = NULL;

  if (text == NULL || *text == '\0')
    return g_strdup ("");
  if (g_str_has_prefix (text, LRI) && g_str_has_suffix (text, PDI))
    return g_strdup (text);
  ascii = sila_text_digits_to_ascii (text);
  return g_strconcat (LRI, ascii, PDI, NULL);
}

char *
sila_display_file_number (gint64 number)
{
  char buf[32];

  g_snprintf (buf, sizeof buf, "%" G_GINT64_FORMAT, number);
  return sila_display_code (buf);
}

/* A digit run written next to a Latin letter is part of a name ("UTF-8",
 * "A4", "Windows-1256", "FTS5") and keeps its digits. */
static gboolean
run_is_in_a_name (const char *text,
                  const char *start,
                  const char *end)
{
  if (g_ascii_isalpha (*end))
    return TRUE;
  if (start > text && g_ascii_isalpha (start[-1]))
    return TRUE;
  if (start > text + 1 && start[-1] == '-' && g_ascii_isalpha (start[-2]))
    return TRUE;
  return FALSE;
}

char *
sila_display_digits_for (const char   *text,
                         SilaLanguage  language)
{
  GString *out;
  guint depth = 0;
  const char *p;

  if (text == NULL)
    return NULL;
  if (language == SILA_LANGUAGE_ENGLISH)
    return g_strdup (text);

  out = g_string_sized_new (strlen (text) * 2);
  p = text;
  while (*p != '\0')
    {
      const char *end;

      if (g_str_has_prefix (p, LRI) || g_str_has_prefix (p, FSI) || g_str_has_prefix (p, "\u2067"))
        {
          /* Only codes (LRI) keep their digits, but nesting counts all. */
          depth += g_str_has_prefix (p, LRI) ? 0x100 : 1;
          g_string_append_len (out, p, 3);
          p += 3;
          continue;
        }
      if (g_str_has_prefix (p, PDI))
        {
          if (depth >= 0x100)
            depth -= 0x100;
          else if (depth > 0)
            depth--;
          g_string_append_len (out, p, 3);
          p += 3;
          continue;
        }
      if (!g_ascii_isdigit (*p))
        {
          g_string_append_c (out, *p);
          p++;
          continue;
        }

      end = p;
      while (g_ascii_isdigit (*end) || (*end == '.' && g_ascii_isdigit (end[1])
                                        && end > p && g_ascii_isdigit (end[-1])))
        end++;
      if (depth >= 0x100 || run_is_in_a_name (text, p, end))
        g_string_append_len (out, p, end - p);
      else
        for (const char *q = p; q < end; q++)
          {
            if (*q == '.')
              g_string_append (out, "\u066b");
            else
              g_string_append_unichar (out, 0x0660 + (*q - '0'));
          }
      p = end;
    }
  return g_string_free (out, FALSE);
}

char *
sila_display_digits (const char *text)
{
  return sila_display_digits_for (text, sila_i18n_get_language ());
}

char *
sila_display_size (guint64 bytes)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *number = NULL;

  if (bytes < 1000)
    {
      number = sila_format_int ((gint64)bytes);
      /* Translators: a size in bytes; %s is the number, already formatted. */
      return g_strdup_printf (ngettext ("%s byte", "%s bytes", (gulong)bytes), number);
    }

  if (bytes < 1000 * 1000)
    {
      number = sila_format_decimal_for (g_ascii_formatd (buf, sizeof buf, "%.1f", bytes / 1000.0),
                                        1, 1, sila_i18n_get_language ());
      /* Translators: a size in kilobytes; %s is the number, already formatted. */
      return g_strdup_printf (_("%s kB"), number);
    }

  number = sila_format_decimal_for (g_ascii_formatd (buf, sizeof buf, "%.1f",
                                                     bytes / (1000.0 * 1000.0)),
                                    1, 1, sila_i18n_get_language ());
  /* Translators: a size in megabytes; %s is the number, already formatted. */
  return g_strdup_printf (_("%s MB"), number);
}

const char *
sila_display_person (const char *display_name,
                     const char *username)
{
  if (display_name != NULL && *display_name != '\0')
    return display_name;
  /* "owner" is the actor of a database without accounts (sila-actor.c). */
  if (g_strcmp0 (username, "owner") == 0)
    return _("Owner of this database");
  return username != NULL ? username : "";
}

char *
sila_display_path (const char *filename)
{
  g_autofree char *shown = filename != NULL ? g_filename_display_name (filename) : NULL;

  return sila_display_isolate (shown);
}

char *
sila_display_basename (const char *filename)
{
  g_autofree char *shown = filename != NULL ? g_filename_display_basename (filename) : NULL;

  return sila_display_isolate (shown);
}

void
sila_display_error_digits (GError **error)
{
  char *shown;

  if (error == NULL || *error == NULL)
    return;
  shown = sila_display_digits ((*error)->message);
  g_free ((*error)->message);
  (*error)->message = shown;
}
