/* SPDX-License-Identifier: GPL-3.0-or-later */
/* An import's report as a list for a GtkColumnView, made lazily: a
 * 100,000-row report makes only the items on screen (PLATFORM.md: never
 * 100k objects in a GListStore). The words are the UI language's: the
 * result ("Rejected"), the field's name rather than its key. */
#pragma once

#include <gio/gio.h>

#include "sila-import-report.h"

G_BEGIN_DECLS

#define SILA_TYPE_IMPORT_LINE (sila_import_line_get_type ())
G_DECLARE_FINAL_TYPE (SilaImportLine, sila_import_line, SILA, IMPORT_LINE, GObject)

const char *sila_import_line_get_line   (SilaImportLine *self);
const char *sila_import_line_get_result (SilaImportLine *self);
const char *sila_import_line_get_field  (SilaImportLine *self);
const char *sila_import_line_get_reason (SilaImportLine *self);
/* "ok", "rejected", "duplicate", … as in the CSV, for styling. */
const char *sila_import_line_get_code   (SilaImportLine *self);

#define SILA_TYPE_IMPORT_LINES (sila_import_lines_get_type ())
G_DECLARE_FINAL_TYPE (SilaImportLines, sila_import_lines, SILA, IMPORT_LINES, GObject)

SilaImportLines *sila_import_lines_new          (void);
/* Shows @report (kept; NULL: none). @labels: field key → name, or NULL.
 * @dry_run words the "ok" lines ("Would be imported"). */
void             sila_import_lines_set_report   (SilaImportLines  *self,
                                                 SilaImportReport *report,
                                                 GHashTable       *labels,
                                                 gboolean          dry_run);
/* The report shown, or NULL (owned by @self). */
SilaImportReport *sila_import_lines_get_report  (SilaImportLines  *self);
/* Only the lines that are not "ok": rejected rows, duplicates, ignored
 * columns. */
void             sila_import_lines_set_problems_only (SilaImportLines *self,
                                                      gboolean         problems_only);

G_END_DECLS
