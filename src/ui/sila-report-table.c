/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-ui"

#include "sila-config.h"

#include <adwaita.h>

#include "sila-report-table.h"

typedef struct {
  GtkGrid  *grid;
  guint     n_columns;
  gboolean *numeric;
  guint     n_rows;
} Table;

static void
table_free (Table *table)
{
  g_free (table->numeric);
  g_free (table);
}

static void
add_cells (Table              *table,
           const char * const *cells,
           gboolean            bold,
           gboolean            header)
{
  guint row = table->n_rows + 1;

  for (guint c = 0; c < table->n_columns; c++)
    {
      GtkWidget *label = gtk_label_new (cells[c] != NULL ? cells[c] : "");

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_selectable (GTK_LABEL (label), !header);
      /* xalign 0 is the start side, right in Arabic; numbers go to the end. */
      gtk_label_set_xalign (GTK_LABEL (label), table->numeric[c] ? 1 : 0);
      gtk_widget_set_hexpand (label, c == 0);
      if (bold)
        gtk_widget_add_css_class (label, "heading");
      if (header)
        gtk_widget_add_css_class (label, "dim-label");
      if (table->numeric[c])
        gtk_widget_add_css_class (label, "numeric");
      gtk_grid_attach (table->grid, label, (int)c, header ? 0 : (int)row, 1, 1);
    }
}

GtkWidget *
sila_report_table_new (const char         *title,
                       const char         *description,
                       guint               n_columns,
                       const char * const *headers,
                       const gboolean     *numeric)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *grid = gtk_grid_new ();
  Table *table = g_new0 (Table, 1);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 24);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_widget_set_margin_start (grid, 12);
  gtk_widget_set_margin_end (grid, 12);
  gtk_widget_set_margin_top (grid, 10);
  gtk_widget_set_margin_bottom (grid, 10);
  gtk_frame_set_child (GTK_FRAME (frame), grid);
  gtk_widget_add_css_class (frame, "view");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), frame);

  table->grid = GTK_GRID (grid);
  table->n_columns = n_columns;
  table->numeric = g_new0 (gboolean, n_columns);
  for (guint c = 0; c < n_columns && numeric != NULL; c++)
    table->numeric[c] = numeric[c];
  g_object_set_data_full (G_OBJECT (group), "sila-report-table", table,
                          (GDestroyNotify)table_free);
  add_cells (table, headers, FALSE, TRUE);
  return group;
}

void
sila_report_table_add_row (GtkWidget          *group,
                           const char * const *cells,
                           gboolean            total)
{
  Table *table = g_object_get_data (G_OBJECT (group), "sila-report-table");

  g_return_if_fail (table != NULL);

  add_cells (table, cells, total, FALSE);
  table->n_rows++;
}

guint
sila_report_table_get_n_rows (GtkWidget *group)
{
  Table *table = g_object_get_data (G_OBJECT (group), "sila-report-table");

  g_return_val_if_fail (table != NULL, 0);
  return table->n_rows;
}
