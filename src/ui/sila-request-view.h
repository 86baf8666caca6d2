/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sila-session.h"
#include "sila-store-requests.h"

G_BEGIN_DECLS

/* The request screen: who asked for what and when, its due date, what it
 * waits for, the document checklist (and which required document keeps it
 * from the committee), the declaration, the next step with what that step
 * needs, withdrawal, the research report, the committee's decision, the
 * service delivered and the timeline. Every step goes through the store,
 * which refuses what the policy or the role forbids; the refusal is shown
 * beside the step. */
#define SILA_TYPE_REQUEST_VIEW (sila_request_view_get_type ())
G_DECLARE_FINAL_TYPE (SilaRequestView, sila_request_view, SILA, REQUEST_VIEW, GtkWidget)

GtkWidget         *sila_request_view_new          (SilaSession     *session);
/* Shows the request @id; FALSE with @error when it cannot be read. */
gboolean           sila_request_view_load         (SilaRequestView *self,
                                                   const char      *id,
                                                   GError         **error);
/* Back to the top of the request: where every request opens. */
void               sila_request_view_scroll_to_top (SilaRequestView *self);
const SilaRequest *sila_request_view_get_request  (SilaRequestView *self);
/* The checklist row of @document_type, for tests. */
GtkWidget         *sila_request_view_get_document_row (SilaRequestView *self,
                                                       const char      *document_type);
/* Keeps @file as the scan of @document_type; a refusal is shown beside
 * the checklist. */
gboolean           sila_request_view_attach_file  (SilaRequestView *self,
                                                   const char      *document_type,
                                                   GFile           *file);
/* Writes the request's printable form where the system's viewer opens it. */
char              *sila_request_view_export_form  (SilaRequestView *self,
                                                   GError         **error);

/* The question asked before a step that cannot be taken back (an
 * AdwMessageDialog with "cancel" and "confirm"), while it is open. */
GtkWidget         *sila_request_view_get_confirm_dialog (SilaRequestView *self);

G_END_DECLS
