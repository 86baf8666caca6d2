/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sila-session.h"

G_BEGIN_DECLS

/* Preferences → Requests: the office's request types, document types
 * (Arabic and English names, whether they expire) and, per request type,
 * which documents are required or optional. Administrators change them
 * (request.configure); others see them. */
#define SILA_TYPE_REQUEST_PREFS_PAGE (sila_request_prefs_page_get_type ())
G_DECLARE_FINAL_TYPE (SilaRequestPrefsPage, sila_request_prefs_page, SILA, REQUEST_PREFS_PAGE,
                      AdwPreferencesPage)

GtkWidget *sila_request_prefs_page_new              (SilaSession          *session);
/* For tests: sets what @request_type asks of @document_type, as choosing
 * it in the page would; FALSE with the refusal shown. */
gboolean   sila_request_prefs_page_set_requirement  (SilaRequestPrefsPage *self,
                                                     const char           *request_type,
                                                     const char           *document_type,
                                                     guint                 requirement);

G_END_DECLS
