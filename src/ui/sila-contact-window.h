/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sila-channel.h"
#include "sila-session.h"

G_BEGIN_DECLS

/* Quick entry of a contact, from anywhere in the app (win.new-contact,
 * Ctrl+I): who (a file, or anonymous), the channel, who reached whom, what
 * was asked, the answer if it was given at once, or a referral to the
 * social researcher. A refused field keeps what was typed and says why
 * beside it. Emits ::saved. */
#define SILA_TYPE_CONTACT_WINDOW (sila_contact_window_get_type ())
G_DECLARE_FINAL_TYPE (SilaContactWindow, sila_contact_window, SILA, CONTACT_WINDOW, AdwWindow)

/* @beneficiary_id: whose file, or NULL (the form looks it up, or anonymous). */
SilaContactWindow *sila_contact_window_new  (GtkWindow         *parent,
                                             SilaSession       *session,
                                             const char        *beneficiary_id);
/* For tests: fills the form as typing would. */
void               sila_contact_window_fill (SilaContactWindow *self,
                                             SilaChannel        channel,
                                             const char        *question,
                                             const char        *answer);

G_END_DECLS
