/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Building blocks of the app's forms: a label, its field and, right under
 * the field, the place where a refusal is shown (sila-field-error.h) — in
 * a grid that mirrors itself in Arabic. ID numbers, phones, dates and
 * amounts are typed left to right even in an Arabic form. */
#pragma once

#include <gtk/gtk.h>

#include "sila-choices.h"

G_BEGIN_DECLS

GtkWidget  *sila_form_entry_new         (gboolean       ltr,
                                         const char    *placeholder);
/* A drop-down of @list's choices in the UI language; with @optional the
 * first item is "—" (not given). */
GtkWidget  *sila_form_choice_new        (SilaChoices    list,
                                         gboolean       optional);
/* A drop-down of any codes and their names (NULL code: "—"). */
GtkWidget  *sila_form_choice_new_full   (const char * const *codes,
                                         const char * const *names);
const char *sila_form_choice_get_code   (GtkWidget     *dropdown);
/* Selects @code (NULL: the "—" item); a code the list lacks is added
 * with @code as its name, so that nothing read from a file is lost. */
void        sila_form_choice_set_code   (GtkWidget     *dropdown,
                                         const char    *code);
GtkLabel   *sila_form_error_label_new   (void);
GtkLabel   *sila_form_hint_label_new    (void);
/* Attaches "label / field" at @row and the error (and hint) under the
 * field; returns the next free row. The label takes @field as its
 * mnemonic widget. */
int         sila_form_grid_add          (GtkGrid       *grid,
                                         int            row,
                                         const char    *label,
                                         GtkWidget     *field,
                                         GtkLabel      *hint,
                                         GtkLabel      *error);
/* The text of an entry, drop-down (its code), text view or check button
 * ("given"/"pending"), to put in a form's input. NULL for an empty field. */
char       *sila_form_get_text          (GtkWidget     *field);
void        sila_form_set_text          (GtkWidget     *field,
                                         const char    *text);
/* Calls @callback (swapped, with @data) whenever the field changes. */
void        sila_form_connect_changed   (GtkWidget     *field,
                                         GCallback      callback,
                                         gpointer       data);
/* Wraps @text in a left-to-right isolate, for numbers inside Arabic text. */
char       *sila_form_ltr               (const char    *text);

G_END_DECLS

G_BEGIN_DECLS

/* Gives each choice of @dropdown the name @name_for returns for its code
 * (NULL for the empty choice), keeping the one chosen. */
typedef const char *(*SilaFormNameFunc) (const char *code,
                                         gpointer    user_data);
void        sila_form_choice_relabel    (GtkWidget        *dropdown,
                                         SilaFormNameFunc  name_for,
                                         gpointer          user_data);

/* Shows a spin button's integer value in the UI language's digits (the
 * digit rule, sila-display.h) and reads back what is typed in either
 * digits. */
void        sila_form_localize_spin     (GtkSpinButton *spin);

G_END_DECLS
