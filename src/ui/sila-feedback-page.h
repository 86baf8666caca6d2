/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sila-session.h"

G_BEGIN_DECLS

#define SILA_TYPE_FEEDBACK_PAGE (sila_feedback_page_get_type ())
G_DECLARE_FINAL_TYPE (SilaFeedbackPage, sila_feedback_page, SILA, FEEDBACK_PAGE, AdwBin)

/* The Suggestions & Complaints section: the register, overdue items
 * standing out. */
GtkWidget *sila_feedback_page_new        (SilaSession      *session);
void       sila_feedback_page_refresh    (SilaFeedbackPage *self);
/* For tests: the rows shown, and how many stand out as overdue. */
guint      sila_feedback_page_get_n_rows (SilaFeedbackPage *self);
guint      sila_feedback_page_get_n_overdue (SilaFeedbackPage *self);

G_END_DECLS
