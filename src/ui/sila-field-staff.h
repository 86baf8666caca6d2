/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sila-store.h"

G_BEGIN_DECLS

/* The staff list of the prepare-kit form (sila-field-page.c): the active
 * accounts, each with a check box, all checked at first. Whoever prepares
 * the kit is on it in any case: their box stays checked, and says so. */
typedef struct _SilaFieldStaff SilaFieldStaff;

SilaFieldStaff *sila_field_staff_new        (AdwExpanderRow   *row,
                                             GtkLabel         *message_label);
void            sila_field_staff_free       (SilaFieldStaff   *self);
/* Lists the accounts again, keeping the boxes already unchecked. The row
 * is hidden when the database has no account at all. */
void            sila_field_staff_reload     (SilaFieldStaff   *self,
                                             SilaStore        *store,
                                             const SilaActor  *actor);
/* The usernames chosen (NULL-terminated), or NULL with the message shown
 * beside the list when none is. With no account at all: an empty list. */
GStrv           sila_field_staff_get_chosen (SilaFieldStaff   *self);
/* Checks or unchecks @username's box, as a click does; FALSE if it has
 * none or it cannot be unchecked. */
gboolean        sila_field_staff_set_chosen (SilaFieldStaff   *self,
                                             const char       *username,
                                             gboolean          chosen);
guint           sila_field_staff_get_n_rows (SilaFieldStaff   *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SilaFieldStaff, sila_field_staff_free)

G_END_DECLS
