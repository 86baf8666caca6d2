/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "sila-import-task.h"
#include "sila-session.h"

G_BEGIN_DECLS

#define SILA_TYPE_IMPORT_PAGE (sila_import_page_get_type ())
G_DECLARE_FINAL_TYPE (SilaImportPage, sila_import_page, SILA, IMPORT_PAGE, GtkWidget)

/* The Import section: a register of beneficiaries, a log of past requests
 * or survey responses, from a CSV file or a workbook. The file's columns
 * as understood, the dry run's report row by row, then the import with a
 * progress bar and a Stop that keeps nothing. The work runs in a thread
 * (sila-import-task.h). Actions: import.choose, import.check, import.run,
 * import.stop, import.save-report. */

void        sila_import_page_set_kind    (SilaImportPage *self,
                                          SilaImportKind  kind);
/* As if chosen in the file chooser: the header is read in the thread. */
void        sila_import_page_open_file   (SilaImportPage *self,
                                          GFile          *file);
/* Whether a file is being read or imported. */
gboolean    sila_import_page_is_busy     (SilaImportPage *self);
/* "header=field" for each header cell ("header=" for one not imported). */
GStrv       sila_import_page_dup_columns (SilaImportPage *self);
/* The report's rows as listed (a GListModel of SilaImportLine). */
GListModel *sila_import_page_get_lines   (SilaImportPage *self);
gboolean    sila_import_page_save_report (SilaImportPage *self,
                                          GFile          *file,
                                          GError        **error);
/* The page's parts by name, for tests and screenshots: "check",
 * "import", "stop", "filter", "progress", "status", "problem", "refusal",
 * "sheet", "file", "save", "report". */
GtkWidget  *sila_import_page_get_part    (SilaImportPage *self,
                                          const char     *name);

G_END_DECLS
