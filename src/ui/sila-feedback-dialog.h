/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sila-feedback.h"
#include "sila-session.h"

G_BEGIN_DECLS

#define SILA_TYPE_FEEDBACK_DIALOG (sila_feedback_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SilaFeedbackDialog, sila_feedback_dialog, SILA, FEEDBACK_DIALOG, AdwWindow)

/* Registers a suggestion or complaint (@item NULL) or follows one up:
 * who is responsible, the answer given, the status. Errors appear beside
 * the field at fault and nothing is saved. */
SilaFeedbackDialog *sila_feedback_dialog_new (GtkWindow              *parent,
                                              SilaSession            *session,
                                              const SilaFeedbackItem *item);
/* The item as saved last, or NULL. */
const SilaFeedbackItem *sila_feedback_dialog_get_saved (SilaFeedbackDialog *self);

G_END_DECLS
