/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sila-session.h"
#include "sila-store-drafts.h"

G_BEGIN_DECLS

/* The intake form (a new beneficiary file, or editing one): grouped
 * fields, right to left with ID numbers, phones, dates and amounts left to
 * right; every refusal beside its field; saved in one transaction. What is
 * typed is kept as a draft in the database as one types (debounced), so
 * that it survives the app being killed.
 *
 * Signals: ::saved (the file's id) once saved, ::open-file (an id) when the
 * officer chooses to open an existing file instead, ::closed when they
 * leave the form (the draft stays). */
#define SILA_TYPE_INTAKE_FORM (sila_intake_form_get_type ())
G_DECLARE_FINAL_TYPE (SilaIntakeForm, sila_intake_form, SILA, INTAKE_FORM, GtkWidget)

/* How long typing must pause before the draft is written. */
#define SILA_INTAKE_DRAFT_DELAY_MS 600

SilaIntakeForm       *sila_intake_form_new             (SilaSession      *session);
void                  sila_intake_form_start_new       (SilaIntakeForm   *self);
gboolean              sila_intake_form_start_edit      (SilaIntakeForm   *self,
                                                        const char       *file_id,
                                                        GError          **error);
gboolean              sila_intake_form_start_draft     (SilaIntakeForm   *self,
                                                        const SilaDraft  *draft,
                                                        GError          **error);
SilaBeneficiaryInput *sila_intake_form_get_input       (SilaIntakeForm   *self);
/* Saves the file; on refusal, shows why beside each field and returns
 * FALSE. A similar file (name with the same mobile or birth date) is
 * asked about first, unless @allow_similar. */
gboolean              sila_intake_form_save            (SilaIntakeForm   *self,
                                                        gboolean          allow_similar);
/* Writes the draft now if anything is waiting. */
void                  sila_intake_form_flush_draft     (SilaIntakeForm   *self);
const char           *sila_intake_form_get_draft_id    (SilaIntakeForm   *self);
/* For tests and screenshots: a field by its key ("id_number",
 * "members.0.name"), and the label its error shows in. */
/* Scrolls the form back to its top: every form opens there, not where the
 * last one was left (the focus in its first field stays). */
void                  sila_intake_form_scroll_to_top   (SilaIntakeForm   *self);
GtkWidget            *sila_intake_form_get_field       (SilaIntakeForm   *self,
                                                        const char       *key);
GtkLabel             *sila_intake_form_get_error_label (SilaIntakeForm   *self,
                                                        const char       *key);
/* The message in the form's general place beside its buttons (a save
 * that failed as a whole, the server gone), or NULL when none shows. */
const char           *sila_intake_form_get_problem     (SilaIntakeForm   *self);
/* The message beside the ID number when it already has a file (in this
 * database, or at the office on a field kit's lookup list), or NULL;
 * *@can_open: whether that file can be opened here. */
const char           *sila_intake_form_get_duplicate   (SilaIntakeForm   *self,
                                                        gboolean         *can_open);
void                  sila_intake_form_add_member      (SilaIntakeForm   *self);
void                  sila_intake_form_add_income      (SilaIntakeForm   *self);

G_END_DECLS
