/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-ui"

#include "sila-config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "sila-a11y.h"

/* Marks an inner widget that was given its name by these functions. */
#define NAMED_KEY "sila-a11y-named"

/* The widget inside @widget that takes the focus in its place, or NULL. */
static GtkWidget *
inner_target (GtkWidget *widget)
{
  GtkWidget *child;

  if (GTK_IS_DROP_DOWN (widget) || GTK_IS_MENU_BUTTON (widget))
    {
      for (child = gtk_widget_get_first_child (widget); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        if (GTK_IS_BUTTON (child))
          return child;
      return NULL;
    }
  if (GTK_IS_FRAME (widget))
    return gtk_frame_get_child (GTK_FRAME (widget));
  if (GTK_IS_SCROLLED_WINDOW (widget))
    {
      child = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (widget));
      if (GTK_IS_VIEWPORT (child))
        child = gtk_viewport_get_child (GTK_VIEWPORT (child));
      return GTK_IS_TEXT_VIEW (child) ? child : NULL;
    }
  /* A field made of an entry and what goes with it (a calendar, a mark):
   * the entry is what is typed into. */
  if (GTK_IS_BOX (widget))
    {
      for (child = gtk_widget_get_first_child (widget); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        if (GTK_IS_ENTRY (child) || GTK_IS_SPIN_BUTTON (child) || GTK_IS_TEXT (child) ||
            GTK_IS_SCROLLED_WINDOW (child))
          return child;
    }
  return NULL;
}

void
sila_a11y_set_label (GtkWidget  *widget,
                     const char *label)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  for (GtkWidget *w = widget; w != NULL; w = inner_target (w))
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (w), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
      g_object_set_data (G_OBJECT (w), NAMED_KEY, GINT_TO_POINTER (1));
    }
}

void
sila_a11y_label_by (GtkWidget *widget,
                    GtkWidget *label)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (GTK_IS_WIDGET (label));

  for (GtkWidget *w = widget; w != NULL; w = inner_target (w))
    {
      gtk_accessible_update_relation (GTK_ACCESSIBLE (w), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                      label, NULL, -1);
      g_object_set_data (G_OBJECT (w), NAMED_KEY, GINT_TO_POINTER (1));
    }
}

/* Inner buttons take the name of the drop-down or menu button around them. */
void
sila_a11y_link_inner (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_DROP_DOWN (root) || GTK_IS_MENU_BUTTON (root))
    {
      GtkWidget *inner = inner_target (root);

      /* One named by the calls above keeps its own name. */
      if (inner != NULL && g_object_get_data (G_OBJECT (inner), NAMED_KEY) == NULL)
        gtk_accessible_update_relation (GTK_ACCESSIBLE (inner),
                                        GTK_ACCESSIBLE_RELATION_LABELLED_BY, root, NULL, -1);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    sila_a11y_link_inner (child);
}

/* Spin buttons at the end of a preferences row are named by the row's
 * title; the show/hide button of a password row gets a name. */
void
sila_a11y_name_rows (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_SPIN_BUTTON (root))
    {
      GtkWidget *row = gtk_widget_get_ancestor (root, ADW_TYPE_PREFERENCES_ROW);

      if (row != NULL && g_object_get_data (G_OBJECT (root), NAMED_KEY) == NULL)
        sila_a11y_set_label (root, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
      return;
    }
  if (GTK_IS_BUTTON (root) && gtk_widget_get_ancestor (root, ADW_TYPE_PASSWORD_ENTRY_ROW) != NULL)
    {
      sila_a11y_set_label (root, _("Show or hide what is typed"));
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    sila_a11y_name_rows (child);
}
