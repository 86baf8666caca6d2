/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Rows of the Field Work section (sila-field-rows.h). */
#define G_LOG_DOMAIN "sila-ui"

#include "sila-config.h"

#include <glib/gi18n.h>

#include "sila-clock.h"
#include "sila-date.h"
#include "sila-field-rows.h"
#include "sila-format.h"

GtkWidget *
sila_field_count_row (const char *title,
                      gint64      n)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *text = sila_format_int (n);
  GtkWidget *label = gtk_label_new (text);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_add_css_class (label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  return row;
}

static const char *
person_label (const char *username)
{
  return g_strcmp0 (username, "owner") == 0 ? _("Owner of this database") : username;
}

GtkWidget *
sila_field_merge_row (const SilaFieldMerge *m)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *iso = g_strndup (m->merged_at != NULL ? m->merged_at : "", 10);
  g_autofree char *day = NULL;
  g_autofree char *files = sila_format_int (m->summary.files);
  g_autofree char *requests = sila_format_int (m->summary.requests);
  g_autofree char *responses = sila_format_int (m->summary.responses);
  g_autofree char *review = sila_format_int (m->summary.conflicts + m->summary.duplicates);
  g_autofree char *title = NULL;
  g_autofree char *subtitle =
    g_strdup_printf (_("%s new files, %s requests, %s survey responses, %s to review; by %s"),
                     files, requests, responses, review, person_label (m->merged_by));
  g_autofree char *t = NULL;
  g_autofree char *s = g_markup_escape_text (subtitle, -1);
  GDate date;

  day = sila_date_from_iso (iso, &date) ? sila_date_format (&date, SILA_CALENDAR_GREGORIAN)
                                        : g_strdup (iso);
  title = g_strdup_printf (_("%s — %s"), m->event, day);
  t = g_markup_escape_text (title, -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), t);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), s);
  return row;
}
