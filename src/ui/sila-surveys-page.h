/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sila-kiosk-window.h"
#include "sila-session.h"

G_BEGIN_DECLS

#define SILA_TYPE_SURVEYS_PAGE (sila_surveys_page_get_type ())
G_DECLARE_FINAL_TYPE (SilaSurveysPage, sila_surveys_page, SILA, SURVEYS_PAGE, AdwBin)

/* The Surveys section: results for a period with their charts, and the
 * ways in (a survey taken with an officer, the kiosk). */
GtkWidget       *sila_surveys_page_new          (SilaSession     *session);
/* Shows the results of [@from, @to] (any range). */
void             sila_surveys_page_set_range    (SilaSurveysPage *self,
                                                 const GDate     *from,
                                                 const GDate     *to);
void             sila_surveys_page_refresh      (SilaSurveysPage *self);
/* The kiosk while it runs, else NULL. */
SilaKioskWindow *sila_surveys_page_get_kiosk    (SilaSurveysPage *self);
/* What the page shows, for tests. */
gint64           sila_surveys_page_get_responses (SilaSurveysPage *self);
guint            sila_surveys_page_get_n_charts (SilaSurveysPage *self);

G_END_DECLS
