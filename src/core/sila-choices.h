/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The fixed lists a beneficiary's file chooses from: gender, marital
 * status, nationality, housing, income sources, a household member's
 * relation and schooling or work, the districts of Makkah, a file's status
 * and its consent.
 *
 * Each choice has a stable code (stored in the database, named by files and
 * scripts), an Arabic name that never changes with the UI language, and an
 * English name that is translated (po/ar.po gives back the Arabic name).
 * Parsing accepts the code, either name or a known alias, compared after
 * Arabic normalization and with punctuation read as spaces, so "أنثى",
 * "انثى", "Female" and "F" all give "female".
 *
 * The segments (شرائح) are not here: the office edits that list, so it
 * lives in the database (sila-store-beneficiaries.h). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  SILA_CHOICES_GENDER,
  SILA_CHOICES_MARITAL_STATUS,
  SILA_CHOICES_NATIONALITY,
  SILA_CHOICES_HOUSING,
  SILA_CHOICES_INCOME_SOURCE,
  SILA_CHOICES_RELATION,
  SILA_CHOICES_OCCUPATION,
  SILA_CHOICES_DISTRICT,
  SILA_CHOICES_FILE_STATUS,
  SILA_CHOICES_CONSENT,
  SILA_N_CHOICES
} SilaChoices;

typedef struct {
  const char *code;
  const char *arabic;
  const char *english;  /* N_(): show it through sila_choice_to_display() */
  const char *aliases;  /* other spellings, separated by '|', or NULL */
} SilaChoice;

/* Codes that other parts of the app test for. */
#define SILA_GENDER_MALE        "male"
#define SILA_GENDER_FEMALE      "female"
#define SILA_FILE_STATUS_ACTIVE "active"
#define SILA_FILE_STATUS_CLOSED "closed"
#define SILA_CONSENT_GIVEN      "given"
#define SILA_CONSENT_PENDING    "pending"
#define SILA_NATIONALITY_SAUDI  "sa"

const SilaChoice *sila_choices_get        (SilaChoices   list,
                                           guint        *n_choices);
const SilaChoice *sila_choices_lookup     (SilaChoices   list,
                                           const char   *code);
/* The name in the UI language; @code itself when the list does not know it
 * (a district typed by hand is shown as typed); NULL for NULL. */
const char       *sila_choice_to_display  (SilaChoices   list,
                                           const char   *code);
/* The name in English or Arabic whatever the UI language (exports in a
 * chosen language). */
const char       *sila_choice_to_language (SilaChoices   list,
                                           const char   *code,
                                           gboolean      arabic);

/* A marital status as it reads for someone of @gender (a code or NULL):
 * Arabic has feminine forms (عزباء, متزوجة, مطلقة, أرملة) for a woman;
 * English has one form. NULL for NULL. */
const char       *sila_marital_status_to_display  (const char *code,
                                                   const char *gender);
const char       *sila_marital_status_to_language (const char *code,
                                                   const char *gender,
                                                   gboolean    arabic);

/* Reads a choice from its code, its names or an alias. Errors
 * (SILA_VALIDATION_ERROR, in the UI language): REQUIRED when empty;
 * INVALID for anything else, the message naming what was typed and the
 * choices. Returns the static code. */
const char       *sila_choices_parse      (SilaChoices   list,
                                           const char   *text,
                                           GError      **error);

G_END_DECLS
