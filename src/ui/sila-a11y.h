/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Accessible names that reach what a screen reader really lands on. In
 * GTK 4.8 a GtkDropDown and a GtkMenuButton take the focus with a button
 * inside them, a form field may be a box or a scrolled window around the
 * entry or text view, and none of these inner widgets shares its parent's
 * name: these give the name to the widget and to that inner one. */
void sila_a11y_set_label (GtkWidget  *widget,
                          const char *label);
void sila_a11y_label_by  (GtkWidget  *widget,
                          GtkWidget  *label);
/* For widgets built from templates: every drop-down and menu button under
 * @root lends its name (set in the .ui file) to the button inside it. */
void sila_a11y_link_inner (GtkWidget  *root);
/* In a preferences page: spin buttons take their row's title, and the
 * show/hide button of a password row a name of its own. */
void sila_a11y_name_rows (GtkWidget  *root);

G_END_DECLS
