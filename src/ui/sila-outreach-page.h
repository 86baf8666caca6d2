/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sila-contact.h"
#include "sila-outreach.h"
#include "sila-session.h"

G_BEGIN_DECLS

/* The "outreach" section (الوصول إلى المستفيد دون طلب): today's list of
 * whom to contact and why, filtered by reason and officer (mine or
 * everyone). One click logs the call with how it went; the suggested
 * message is shown to read or copy; service follow-ups offer the
 * satisfaction survey; the list is exported as CSV for an SMS service. No
 * message is sent from the app. */
#define SILA_TYPE_OUTREACH_PAGE (sila_outreach_page_get_type ())
G_DECLARE_FINAL_TYPE (SilaOutreachPage, sila_outreach_page, SILA, OUTREACH_PAGE, GtkWidget)

/* For tests, and for the screenshots. */
guint                   sila_outreach_page_count      (SilaOutreachPage   *self);
const SilaOutreachItem *sila_outreach_page_get_item   (SilaOutreachPage   *self,
                                                       guint               index);
/* The row of item @index (an AdwExpanderRow), and its button for
 * @outcome, for clicking. */
GtkWidget              *sila_outreach_page_get_row    (SilaOutreachPage   *self,
                                                       guint               index);
GtkWidget              *sila_outreach_page_get_button (SilaOutreachPage   *self,
                                                       guint               index,
                                                       SilaContactOutcome  outcome);
/* -1 for every reason; @mine: only the signed-in officer's items. */
void                    sila_outreach_page_set_filter (SilaOutreachPage   *self,
                                                       int                 reason,
                                                       gboolean            mine);
/* Takes item @index off the list with @why; FALSE with the message shown
 * beside the list. */
gboolean                sila_outreach_page_dismiss    (SilaOutreachPage   *self,
                                                       guint               index,
                                                       const char         *why,
                                                       GError            **error);
/* Writes the list as shown (name, phone, message), readable by its owner
 * only. */
gboolean                sila_outreach_page_export_csv (SilaOutreachPage   *self,
                                                       const char         *path,
                                                       GError            **error);
/* The survey offered after a follow-up call reached the person (an
 * AdwMessageDialog), or NULL. */
GtkWidget              *sila_outreach_page_get_survey_offer (SilaOutreachPage *self);
/* The message shown under the list after a refused step, or "". */
const char             *sila_outreach_page_get_message (SilaOutreachPage  *self);

G_END_DECLS
