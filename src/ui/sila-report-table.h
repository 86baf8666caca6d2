/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A titled table of the report on screen: a header row, rows, a total in
 * bold; numbers read from the end side. Not a class: a GtkGrid inside a
 * preferences group, built once per refresh. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* @numeric: which columns hold numbers (may be NULL). */
GtkWidget *sila_report_table_new     (const char         *title,
                                      const char         *description,
                                      guint               n_columns,
                                      const char * const *headers,
                                      const gboolean     *numeric);
void       sila_report_table_add_row (GtkWidget          *table,
                                      const char * const *cells,
                                      gboolean            total);
/* How many rows were added (the header is not counted). */
guint      sila_report_table_get_n_rows (GtkWidget       *table);

G_END_DECLS
