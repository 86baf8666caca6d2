/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-core"

#include "sila-config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sila-arabic.h"
#include "sila-person-name.h"
#include "sila-text.h"
#include "sila-validation.h"

static const char *const part_labels[SILA_N_NAME_PARTS] = {
  N_("First name"),
  N_("Father's name"),
  N_("Grandfather's name"),
  N_("Family name"),
};

/* Compared in normalized form (sila_arabic_normalize): "آل" and "ال",
 * "أبو" and "ابو" are the same word. */
static const char *const prefixes[] = {
  "عبد", "ابو", "ابا", "ال", "abdul", "abd", "abu", "al", "el",
};
static const char *const suffixes[] = {
  "الله", "الدين",
};
static const char *const connectors[] = {
  "بن", "بنت", "ابن", "bin", "bint", "ibn",
};

static gboolean
in_list (const char         *word,
         const char *const  *list,
         gsize               n)
{
  g_autofree char *folded = sila_arabic_normalize (word);

  for (gsize i = 0; i < n; i++)
    if (strcmp (folded, list[i]) == 0)
      return TRUE;
  return FALSE;
}

#define IS_PREFIX(w)    in_list ((w), prefixes, G_N_ELEMENTS (prefixes))
#define IS_SUFFIX(w)    in_list ((w), suffixes, G_N_ELEMENTS (suffixes))
#define IS_CONNECTOR(w) in_list ((w), connectors, G_N_ELEMENTS (connectors))

const char *
sila_name_part_to_display (SilaNamePart part)
{
  g_return_val_if_fail (part < SILA_N_NAME_PARTS, NULL);
  return _(part_labels[part]);
}

static gboolean
is_name_letter (gunichar c)
{
  GUnicodeScript script;

  if (!g_unichar_isalpha (c))
    return FALSE;
  script = g_unichar_get_script (c);
  return script == G_UNICODE_SCRIPT_ARABIC || script == G_UNICODE_SCRIPT_LATIN;
}

static gboolean
is_hidden_control (gunichar c)
{
  return (g_unichar_iscntrl (c) && !g_unichar_isspace (c)) ||
         (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) ||
         c == 0x200E || c == 0x200F || c == 0x061C;
}

static gboolean
is_joiner (gunichar c)
{
  return c == '-' || c == '\'' || c == 0x2019 || c == 0x2018 || c == 0x02BC;
}

char *
sila_person_name_clean_part (const char  *text,
                             gboolean     required,
                             GError     **error)
{
  g_autoptr(GString) out = NULL;
  gunichar last = 0;
  gboolean pending_space = FALSE;

  if (text == NULL)
    text = "";
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                           _("The text contains characters that cannot be read."));
      return NULL;
    }

  /* Tabs and new lines are control characters but read as spaces here. */
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_hidden_control (c))
        {
          g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                               _("The text contains hidden control characters. Type it again "
                                 "without them."));
          return NULL;
        }
    }

  out = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* Tatweel is decoration; zero-width joiners and the BOM are
       * invisible leftovers of copy and paste. */
      if (c == 0x0640 || (c >= 0x200B && c <= 0x200D) || c == 0xFEFF)
        continue;

      if (g_unichar_isspace (c))
        {
          pending_space = out->len > 0;
          last = ' ';
          continue;
        }

      /* Letters; harakat (shadda and a vowel may stack) after a letter;
       * hyphens and apostrophes. */
      if (!is_name_letter (c) && !is_joiner (c) &&
          !(g_unichar_ismark (c) && (is_name_letter (last) || g_unichar_ismark (last))))
        {
          if (g_unichar_isdigit (c))
            {
              g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                                   _("A name cannot contain digits."));
            }
          else
            {
              char shown[8] = { 0 };

              g_unichar_to_utf8 (c, shown);
              g_set_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                           _("A name cannot contain «%s»: use letters only."), shown);
            }
          return NULL;
        }

      if (pending_space)
        {
          g_string_append_c (out, ' ');
          pending_space = FALSE;
        }
      g_string_append_unichar (out, c);
      last = c;
    }

  if (out->len == 0)
    {
      if (required)
        {
          g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_REQUIRED,
                               _("This field is required."));
          return NULL;
        }
      return g_strdup ("");
    }

  /* A name starts and ends with a letter: a stray hyphen or apostrophe at
   * either end is a typing slip that would break duplicate checks. */
  {
    gunichar first = g_utf8_get_char (out->str);
    const char *end = out->str + out->len;
    gunichar final = g_utf8_get_char (g_utf8_prev_char (end));

    if (!is_name_letter (first) || is_joiner (final))
      {
        g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                             _("A name starts and ends with a letter."));
        return NULL;
      }
  }

  if (g_utf8_strlen (out->str, -1) > SILA_NAME_PART_MAX_CHARS)
    {
      g_set_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_TOO_LONG,
                   ngettext ("The text is too long: at most %u character.",
                             "The text is too long: at most %u characters.",
                             SILA_NAME_PART_MAX_CHARS),
                   SILA_NAME_PART_MAX_CHARS);
      return NULL;
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

void
sila_person_name_parts_free (char **parts)
{
  if (parts == NULL)
    return;
  for (guint i = 0; i < SILA_N_NAME_PARTS; i++)
    g_clear_pointer (&parts[i], g_free);
}

/* Groups words into name units following the rules in the header. */
static GPtrArray *
group_units (char **words)
{
  GPtrArray *units = g_ptr_array_new_with_free_func (g_free);
  guint n = g_strv_length (words);
  guint i = 0;

  while (i < n)
    {
      GString *unit;

      if (IS_CONNECTOR (words[i]) && units->len < 3)
        {
          i++;
          continue;
        }

      unit = g_string_new (words[i]);
      /* A prefix (or a connector opening the family name) takes the next
       * word, which may itself be a prefix: "آل عبد الله". */
      while (i + 1 < n && (IS_PREFIX (words[i]) || IS_CONNECTOR (words[i])))
        {
          i++;
          g_string_append_c (unit, ' ');
          g_string_append (unit, words[i]);
        }
      i++;
      while (i < n && IS_SUFFIX (words[i]))
        {
          g_string_append_c (unit, ' ');
          g_string_append (unit, words[i]);
          i++;
        }
      g_ptr_array_add (units, g_string_free (unit, FALSE));
    }

  return units;
}

gboolean
sila_person_name_split (const char  *full_name,
                        char       **parts,
                        GError     **error)
{
  g_autofree char *clean = NULL;
  g_auto(GStrv) words = NULL;
  g_autoptr(GPtrArray) units = NULL;
  char *raw[SILA_N_NAME_PARTS] = { NULL };
  g_autoptr(GString) family = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (parts != NULL, FALSE);
  for (guint i = 0; i < SILA_N_NAME_PARTS; i++)
    parts[i] = NULL;

  /* Cleaning the whole first gives the same messages as one part would,
   * and single spaces between words. */
  clean = sila_person_name_clean_part (full_name, FALSE, &local_error);
  if (clean == NULL && local_error->code != SILA_VALIDATION_ERROR_TOO_LONG)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (clean == NULL)
    {
      /* Long as a whole is fine: each part is checked below. */
      g_clear_error (&local_error);
      clean = g_strdup (full_name);
    }

  words = g_strsplit_set (g_strstrip (clean), " \t\n\r", -1);
  {
    /* g_strsplit_set leaves empty strings between repeated separators. */
    guint w = 0;
    for (guint r = 0; words[r] != NULL; r++)
      {
        if (*words[r] != '\0')
          words[w++] = words[r];
        else
          g_free (words[r]);
      }
    words[w] = NULL;
  }

  units = group_units (words);
  if (units->len == 0)
    {
      g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_REQUIRED,
                           _("Enter the full name."));
      return FALSE;
    }

  raw[SILA_NAME_PART_FIRST] = g_ptr_array_index (units, 0);
  if (units->len == 2)
    raw[SILA_NAME_PART_FAMILY] = g_ptr_array_index (units, 1);
  else if (units->len == 3)
    {
      raw[SILA_NAME_PART_FATHER] = g_ptr_array_index (units, 1);
      raw[SILA_NAME_PART_FAMILY] = g_ptr_array_index (units, 2);
    }
  else if (units->len >= 4)
    {
      raw[SILA_NAME_PART_FATHER] = g_ptr_array_index (units, 1);
      raw[SILA_NAME_PART_GRANDFATHER] = g_ptr_array_index (units, 2);
      family = g_string_new (NULL);
      for (guint i = 3; i < units->len; i++)
        {
          if (family->len > 0)
            g_string_append_c (family, ' ');
          g_string_append (family, g_ptr_array_index (units, i));
        }
      raw[SILA_NAME_PART_FAMILY] = family->str;
    }

  for (guint i = 0; i < SILA_N_NAME_PARTS; i++)
    {
      parts[i] = sila_person_name_clean_part (raw[i], i == SILA_NAME_PART_FIRST, error);
      if (parts[i] == NULL)
        {
          sila_person_name_parts_free (parts);
          return FALSE;
        }
    }

  return TRUE;
}

char *
sila_person_name_join (const char *const *parts)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < SILA_N_NAME_PARTS; i++)
    {
      g_autofree char *part = NULL;

      if (parts[i] == NULL)
        continue;
      part = g_strstrip (g_strdup (parts[i]));
      if (*part == '\0')
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, part);
    }

  return g_string_free (out, FALSE);
}

char *
sila_person_name_match_key (const char *full_name)
{
  g_auto(GStrv) tokens = sila_arabic_tokenize (full_name);
  GString *out = g_string_new (NULL);
  gboolean glue = FALSE;

  for (guint i = 0; tokens[i] != NULL; i++)
    {
      const char *t = tokens[i];

      if (IS_CONNECTOR (t))
        continue;
      if (out->len > 0 && !glue)
        g_string_append_c (out, ' ');
      g_string_append (out, t);
      glue = IS_PREFIX (t);
    }

  return g_string_free (out, FALSE);
}
