/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The board's report as a printed document (SilaDocument): A4, right to
 * left in Arabic, the association's header on every page, the summary
 * with the period before, tables and charts, the lists, and the approval
 * block with signature lines. The same document is printed through
 * GtkPrintOperation (sila_document_render_page()) and written as a PDF. */
#pragma once

#include "sila-document.h"
#include "sila-report-figures.h"

G_BEGIN_DECLS

/* The longest list printed in full; a longer one says how many more the
 * workbook holds. */
#define SILA_REPORT_PRINTED_LIST_MAX 150

SilaDocument *sila_report_document_new (const SilaReportFigures *figures);

/* Writes the PDF (report.export) and records the export in the audit
 * trail. */
gboolean      sila_report_write_pdf    (SilaStore               *store,
                                        const SilaActor         *actor,
                                        const SilaReportFigures *figures,
                                        const char              *path,
                                        GError                 **error);
/* For printing: checks report.export and records that it was printed. */
gboolean      sila_report_record_print (SilaStore               *store,
                                        const SilaActor         *actor,
                                        const SilaReportFigures *figures,
                                        GError                 **error);

G_END_DECLS
