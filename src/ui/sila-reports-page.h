/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sila-report-figures.h"
#include "sila-session.h"

G_BEGIN_DECLS

#define SILA_TYPE_REPORTS_PAGE (sila_reports_page_get_type ())
G_DECLARE_FINAL_TYPE (SilaReportsPage, sila_reports_page, SILA, REPORTS_PAGE, AdwBin)

/* The Reports section: choose a period (Gregorian or Hijri month, quarter,
 * year, any range), see its figures with charts and the board's approval,
 * export the workbook, print, save a PDF, record an approval. The figures
 * and the files are made in a worker thread; the window never waits. */
GtkWidget               *sila_reports_page_new          (SilaSession     *session);
void                     sila_reports_page_refresh      (SilaReportsPage *self);
/* Shows the period @code (sila_period_parse() forms). FALSE if it does
 * not parse. */
gboolean                 sila_reports_page_set_period   (SilaReportsPage *self,
                                                         const char      *code);
/* For tests and scripts: the figures shown (NULL while computing), whether
 * work is running, and the same exports as the buttons, without a file
 * chooser. */
const SilaReportFigures *sila_reports_page_get_figures  (SilaReportsPage *self);
gboolean                 sila_reports_page_is_busy      (SilaReportsPage *self);
void                     sila_reports_page_export       (SilaReportsPage *self,
                                                         gboolean         pdf,
                                                         const char      *path);
/* Prints the figures shown: with @export_path, to that PDF through the
 * print operation, without a dialog. */
void                     sila_reports_page_print        (SilaReportsPage *self,
                                                         const char      *export_path);
/* The last message the page showed (a toast or an error), or NULL. */
const char              *sila_reports_page_get_message  (SilaReportsPage *self);
guint                    sila_reports_page_get_n_charts (SilaReportsPage *self);

G_END_DECLS
