/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Debian 12's libadwaita has no Arabic catalogue: the words it shows in
 * its own windows (the About window's pages, Preferences' search) would
 * stay English. This gives them the app's words, by walking @root's
 * widgets once it is built; strings it does not know are left alone. */
void sila_adw_words_apply (GtkWidget *root);

G_END_DECLS
