/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sila-request-view.h"
#include "sila-session.h"

G_BEGIN_DECLS

/* The "requests" section: every request, filtered by status, type,
 * channel and lateness; the research committee's queue; the social
 * researcher's queue (requests referred to them, and people's questions
 * referred to them); and the request screen. */
#define SILA_TYPE_REQUESTS_PAGE (sila_requests_page_get_type ())
G_DECLARE_FINAL_TYPE (SilaRequestsPage, sila_requests_page, SILA, REQUESTS_PAGE, GtkWidget)

/* Opens the request screen on @id; FALSE (with the reason shown) if the
 * request cannot be read. */
gboolean         sila_requests_page_show_request  (SilaRequestsPage *self,
                                                   const char       *id);
/* "all", "committee" or "research". */
void             sila_requests_page_show_list     (SilaRequestsPage *self,
                                                   const char       *name);
SilaRequestView *sila_requests_page_get_view      (SilaRequestsPage *self);
/* For tests: how many requests the list shows, and the queues. */
guint            sila_requests_page_count_listed  (SilaRequestsPage *self);
GtkListBox      *sila_requests_page_get_queue     (SilaRequestsPage *self,
                                                   const char       *name);

G_END_DECLS
