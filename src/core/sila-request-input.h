/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A new support request as typed on its form (or given on the command
 * line): text per field, so that nothing typed is lost, and one check of
 * every field with a message beside each one refused. Field keys name the
 * same thing in forms, errors and the audit trail. */
#pragma once

#include <glib.h>

#include "sila-field-errors.h"
#include "sila-request.h"

G_BEGIN_DECLS

typedef enum {
  SILA_RF_TYPE,
  SILA_RF_CHANNEL,
  SILA_RF_RECEIVED,     /* empty: today */
  SILA_RF_DESCRIPTION,
  SILA_RF_AMOUNT,       /* the amount asked, in riyals; empty: none */
  SILA_RF_DECLARATION,  /* pending, drawn or paper */
  SILA_N_RF_FIELDS
} SilaRequestField;

typedef enum {
  SILA_REQUEST_PARSE_DEFAULT             = 0,
  /* The form at the desk: the applicant signs there, on the screen or on
   * the printed form (policy). Scripts may leave it pending. */
  SILA_REQUEST_PARSE_REQUIRE_DECLARATION = 1 << 0,
} SilaRequestParseFlags;

typedef struct {
  char *beneficiary_id;
  char *fields[SILA_N_RF_FIELDS];
  char *signature;  /* strokes (sila-signature.h), for a drawn declaration */
} SilaRequestInput;

const char       *sila_request_field_to_key (SilaRequestField field);

SilaRequestInput *sila_request_input_new    (void);
void              sila_request_input_free   (SilaRequestInput *self);
void              sila_request_input_set    (SilaRequestInput *self,
                                             SilaRequestField  field,
                                             const char       *text);

/* Checks every field against @types (the office's request types) and
 * returns the request to open (without what the store sets: id, number,
 * due date, documents), or NULL with each refusal in @errors. */
SilaRequest      *sila_request_input_parse  (const SilaRequestInput *self,
                                             GPtrArray              *types,
                                             SilaRequestParseFlags   flags,
                                             SilaFieldErrors        *errors);

/* Drafts: every text kept exactly, valid or not (nothing typed is lost);
 * from_json() returns NULL for text that is not a request draft. */
char             *sila_request_input_to_json   (const SilaRequestInput *self);
SilaRequestInput *sila_request_input_from_json (const char             *json);

/* Free text of several lines (descriptions, findings, answers): trimmed,
 * new lines and tabs kept, other control and bidi-override characters
 * refused; NULL and no error for blank text. */
char             *sila_text_clean_paragraph (const char  *text,
                                             guint        max_chars,
                                             GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SilaRequestInput, sila_request_input_free)

G_END_DECLS
