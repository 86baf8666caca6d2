/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Four-part names as on a Saudi ID: first name, father, grandfather and
 * family (الاسم الأول، اسم الأب، اسم الجد، اسم العائلة).
 *
 * A part holds Arabic or Latin letters (Arabic harakat allowed), single
 * spaces, hyphens and apostrophes, and must start and end with a letter:
 * particles such as بن، بنت، آل، أبو، عبد are letters too. It is trimmed,
 * runs of spaces become one, tatweel (ـ) is dropped as decoration. Digits,
 * punctuation, control characters and bidi overrides are refused. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  SILA_NAME_PART_FIRST,        /* الاسم الأول */
  SILA_NAME_PART_FATHER,       /* اسم الأب */
  SILA_NAME_PART_GRANDFATHER,  /* اسم الجد */
  SILA_NAME_PART_FAMILY,       /* اسم العائلة */
  SILA_N_NAME_PARTS
} SilaNamePart;

#define SILA_NAME_PART_MAX_CHARS 40

/* The translated label of a part ("Father's name" / "اسم الأب"). */
const char *sila_name_part_to_display  (SilaNamePart   part);

/* One part, cleaned (see above), or NULL with a SILA_VALIDATION_ERROR:
 * REQUIRED when empty and @required; TOO_LONG past
 * SILA_NAME_PART_MAX_CHARS; INVALID for a character a name cannot hold
 * (the message names it). An empty optional part gives "". */
char       *sila_person_name_clean_part (const char    *text,
                                         gboolean       required,
                                         GError       **error);

/* Splits a full name typed in one field into the four parts, each cleaned
 * as above; @parts receives SILA_N_NAME_PARTS newly allocated strings
 * (free with g_strfreev-like care, or use sila_person_name_parts_free()).
 *
 * The words are first grouped into name units:
 *   - "عبد" (also "عبد ال…" typed apart), "أبو"/"ابو", "أبا", "ابا", "آل",
 *     "ال" and the Latin "abdul", "abu", "al" join the word after them:
 *     "عبد الله", "عبد الرحمن", "أبو بكر", "آل سعود";
 *   - "الله" and "الدين" join the word before them: "نور الدين", "جار الله";
 *   - "بن", "بنت", "ابن", "bin", "bint" between the given names are only
 *     connectors and are dropped; once the first three units are taken, a
 *     connector starts the family name and stays ("بن لادن").
 * Then: four or more units give first, father, grandfather and the rest as
 * the family name; three give first, father, family (no grandfather); two
 * give first and family; one gives the first name only. The first name is
 * required (REQUIRED error when the text holds no name). */
gboolean    sila_person_name_split      (const char    *full_name,
                                         char         **parts,
                                         GError       **error);
void        sila_person_name_parts_free (char         **parts);

/* The parts joined by single spaces, empty parts skipped. */
char       *sila_person_name_join       (const char   *const *parts);

/* A key for duplicate detection: the name normalized as for search
 * (sila-arabic.h), with connectors (بن، بنت، ابن) dropped and "عبد" joined
 * to the next word, so "محمد بن عبد الله" and "مُحمد عبدالله" give the same
 * key. */
char       *sila_person_name_match_key  (const char    *full_name);

G_END_DECLS
