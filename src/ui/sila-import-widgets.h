/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "sila-import-task.h"

G_BEGIN_DECLS

/* "header → field": one column of the file, as the import understood it. */
GtkWidget *sila_import_column_chip        (const SilaImportMatch *match);
/* Line, result, field and reason: the dry run's report, row by row. */
void       sila_import_report_add_columns (GtkColumnView         *view);

G_END_DECLS
