/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sila-session.h"

G_BEGIN_DECLS

#define SILA_TYPE_DASHBOARD_PAGE (sila_dashboard_page_get_type ())
G_DECLARE_FINAL_TYPE (SilaDashboardPage, sila_dashboard_page, SILA, DASHBOARD_PAGE, AdwBin)

/* The app's first page: today's work (due and overdue requests, the
 * committee's queue, unanswered inquiries), each for those who may see it,
 * and this month's figures with their charts, for managers. */
GtkWidget *sila_dashboard_page_new     (SilaSession       *session);
void       sila_dashboard_page_refresh (SilaDashboardPage *self);
/* What the page shows, for tests: the count on a card ("overdue",
 * "due-soon", "committee", "inquiries", "received",
 * "outreach"), or -1 before it is
 * known; and how many charts the month shows. */
gint64     sila_dashboard_page_get_count    (SilaDashboardPage *self,
                                             const char        *what);
guint      sila_dashboard_page_get_n_charts (SilaDashboardPage *self);
/* TRUE while the month's figures are being computed. */
gboolean   sila_dashboard_page_is_loading   (SilaDashboardPage *self);

G_END_DECLS
