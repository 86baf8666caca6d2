/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-ui"

#include "sila-config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "sila-adw-words.h"

/* libadwaita 1.2's own English, and the app's words for each. */
static const struct {
  const char *english;
  const char *ours;
} words[] = {
  { "About",                  N_("About") },
  { "Credits",                N_("Credits") },
  { "Legal",                  N_("Legal") },
  { "Acknowledgements",       N_("Acknowledgements") },
  { "What\u2019s New",        N_("What’s New") },
  { "Details",                N_("Details") },
  { "Website",                N_("Website") },
  { "Support Questions",      N_("Support Questions") },
  { "Report an Issue",        N_("Report an Issue") },
  { "Troubleshooting",        N_("Troubleshooting") },
  { "Debugging Information",  N_("Debugging Information") },
  { "Code by",                N_("Code by") },
  { "Design by",              N_("Design by") },
  { "Artwork by",             N_("Artwork by") },
  { "Documentation by",       N_("Documentation by") },
  { "Translated by",          N_("Translated by") },
  { "Back",                   N_("Back") },
  { "Close",                  N_("Close") },
  { "Search",                 N_("Search") },
  { "Preferences",            N_("Preferences") },
  { "No Results Found",       N_("No Results Found") },
  { "No results found.",      N_("No results found.") },
  { "Main Menu",              N_("Main Menu") },
  { "Copied to clipboard",    N_("Copied to clipboard") },
  { "Copy Text",              N_("Copy Text") },
  { "Save as…",               N_("Save as…") },
  { "To assist in troubleshooting, you can view your debugging information. Providing this "
    "information to the application developers can help diagnose any problems you encounter "
    "when you report an issue.",
    N_("To help solve a problem, you can see the debugging information here. Giving it to the "
       "application’s developers when you report an issue helps them find the cause.") },
};

/* Titles with a mnemonic ("_Credits") keep one, on the first letter. */
static const char *
ours_for (const char *english)
{
  static GHashTable *mnemonics;
  gboolean mnemonic;

  if (english == NULL)
    return NULL;
  mnemonic = english[0] == '_';
  if (mnemonic)
    english++;
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_strcmp0 (english, words[i].english) == 0)
      {
        char *with;

        if (!mnemonic)
          return _(words[i].ours);
        if (mnemonics == NULL)
          mnemonics = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
        with = g_hash_table_lookup (mnemonics, words[i].ours);
        if (with == NULL)
          {
            with = g_strconcat ("_", _(words[i].ours), NULL);
            g_hash_table_insert (mnemonics, (gpointer)words[i].ours, with);
          }
        return with;
      }
  return NULL;
}

void
sila_adw_words_apply (GtkWidget *root)
{
  const char *ours;

  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_WINDOW (root) && (ours = ours_for (gtk_window_get_title (GTK_WINDOW (root)))))
    gtk_window_set_title (GTK_WINDOW (root), ours);
  if (ADW_IS_PREFERENCES_ROW (root)
      && (ours = ours_for (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)))))
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (root), ours);
  else if (ADW_IS_PREFERENCES_GROUP (root)
           && (ours = ours_for (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (root)))))
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (root), ours);
  else if (ADW_IS_WINDOW_TITLE (root)
           && (ours = ours_for (adw_window_title_get_title (ADW_WINDOW_TITLE (root)))))
    adw_window_title_set_title (ADW_WINDOW_TITLE (root), ours);
  else if (ADW_IS_STATUS_PAGE (root)
           && (ours = ours_for (adw_status_page_get_title (ADW_STATUS_PAGE (root)))))
    adw_status_page_set_title (ADW_STATUS_PAGE (root), ours);
  else if (GTK_IS_LABEL (root) && (ours = ours_for (gtk_label_get_text (GTK_LABEL (root)))))
    gtk_label_set_text (GTK_LABEL (root), ours);
  else if (GTK_IS_SEARCH_ENTRY (root))
    {
      g_autofree char *placeholder = NULL;

      g_object_get (root, "placeholder-text", &placeholder, NULL);
      if (placeholder != NULL && g_str_has_prefix (placeholder, "Search"))
        g_object_set (root, "placeholder-text", _("Search…"), NULL);
    }

  if ((ours = ours_for (gtk_widget_get_tooltip_text (root))))
    gtk_widget_set_tooltip_text (root, ours);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    sila_adw_words_apply (child);
}
