/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "sila-beneficiary.h"

G_BEGIN_DECLS

/* One household member in the intake form: name, relation, ID, birth
 * date, gender, schooling or work, health; each with its error beside it.
 * Emits ::changed as one types and ::remove when its button is pressed. */
#define SILA_TYPE_MEMBER_EDITOR (sila_member_editor_get_type ())
G_DECLARE_FINAL_TYPE (SilaMemberEditor, sila_member_editor, SILA, MEMBER_EDITOR, GtkWidget)

GtkWidget *sila_member_editor_new          (void);
void       sila_member_editor_set_number   (SilaMemberEditor       *self,
                                            guint                   number);
void       sila_member_editor_set_input    (SilaMemberEditor       *self,
                                            const SilaMemberInput  *input);
void       sila_member_editor_get_input    (SilaMemberEditor       *self,
                                            SilaMemberInput        *input);
/* @key is a member field key ("birth_date"); FALSE if there is none. */
gboolean   sila_member_editor_show_error   (SilaMemberEditor       *self,
                                            const char             *key,
                                            const GError           *error);
void       sila_member_editor_clear_errors (SilaMemberEditor       *self);
GtkWidget *sila_member_editor_get_field    (SilaMemberEditor       *self,
                                            const char             *key);
GtkLabel  *sila_member_editor_get_error_label (SilaMemberEditor    *self,
                                               const char          *key);

G_END_DECLS
