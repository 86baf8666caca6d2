/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Import section's pieces (sila-import-page.c): a column of the file
 * as it was understood, and the columns of the dry run's report. */
#define G_LOG_DOMAIN "sila-ui"

#include "sila-config.h"

#include <glib/gi18n.h>

#include "sila-import-lines.h"
#include "sila-import-widgets.h"

GtkWidget *
sila_import_column_chip (const SilaImportMatch *match)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *header = gtk_label_new (match->header);
  /* "header → field" reads from the start: the arrow points to the end,
   * which is the left in Arabic (GtkImage does not mirror it). */
  GtkWidget *arrow = gtk_image_new_from_icon_name (gtk_widget_get_default_direction () ==
                                                     GTK_TEXT_DIR_RTL
                                                   ? "go-previous-symbolic"
                                                   : "go-next-symbolic");
  GtkWidget *field = gtk_label_new (match->field != NULL ? match->field
                                                         : _("not imported (unknown column)"));
  g_autofree char *accessible = g_strdup_printf (_("Column “%s”: %s"), match->header,
                                                 gtk_label_get_label (GTK_LABEL (field)));

  gtk_widget_set_halign (box, GTK_ALIGN_START);
  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "sila-import-column");
  gtk_widget_add_css_class (header, "heading");
  gtk_label_set_ellipsize (GTK_LABEL (header), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (header), 24);
  gtk_label_set_max_width_chars (GTK_LABEL (field), 28);
  gtk_label_set_wrap (GTK_LABEL (field), TRUE);
  gtk_widget_add_css_class (arrow, "dim-label");
  if (match->field == NULL)
    gtk_widget_add_css_class (field, "warning");
  else
    gtk_widget_add_css_class (field, "dim-label");
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), arrow);
  gtk_box_append (GTK_BOX (box), field);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  return box;
}

typedef const char *(*LineGetter) (SilaImportLine *line);

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  wrap)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  if (GPOINTER_TO_INT (wrap))
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
    }
  gtk_list_item_set_child (item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  unused)
{
  LineGetter getter = g_object_get_data (G_OBJECT (factory), "getter");
  SilaImportLine *line = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  const char *code = sila_import_line_get_code (line);

  gtk_label_set_label (GTK_LABEL (label), getter (line));
  gtk_widget_remove_css_class (label, "error");
  gtk_widget_remove_css_class (label, "warning");
  if (getter == sila_import_line_get_result)
    {
      if (g_str_equal (code, SILA_IMPORT_RESULT_REJECTED))
        gtk_widget_add_css_class (label, "error");
      else if (!g_str_equal (code, SILA_IMPORT_RESULT_OK))
        gtk_widget_add_css_class (label, "warning");
    }
}

static void
add_column (GtkColumnView  *view,
            const char     *title,
            LineGetter      getter,
            gboolean        expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;

  g_object_set_data (G_OBJECT (factory), "getter", getter);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GINT_TO_POINTER (expand));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), NULL);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_append_column (view, column);
}

void
sila_import_report_add_columns (GtkColumnView *view)
{
  add_column (view, _("Line"), sila_import_line_get_line, FALSE);
  add_column (view, _("Result"), sila_import_line_get_result, FALSE);
  add_column (view, _("Field"), sila_import_line_get_field, FALSE);
  add_column (view, _("Reason"), sila_import_line_get_reason, TRUE);
}
