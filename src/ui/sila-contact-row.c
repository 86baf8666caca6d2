/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-ui"

#include "sila-config.h"

#include <glib/gi18n.h>

#include "sila-contact-row.h"
#include "sila-date.h"
#include "sila-display.h"
#include "sila-field-error.h"
#include "sila-format.h"

typedef struct {
  SilaSession *session;
  char        *id;
  GtkWidget   *entry;
  GtkLabel    *error;
} RowData;

static void
row_data_free (RowData *data)
{
  g_clear_object (&data->session);
  g_free (data->id);
  g_free (data);
}

char *
sila_format_timestamp (const char *timestamp)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) at = timestamp != NULL ? g_date_time_new_from_iso8601 (timestamp, utc)
                                              : NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *day = NULL;
  g_autofree char *time = NULL;
  g_autofree char *digits = NULL;
  GDate date;

  if (at == NULL)
    return g_strdup (timestamp != NULL ? timestamp : "");

  local = g_date_time_to_local (at);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
  day = sila_date_format (&date, SILA_CALENDAR_GREGORIAN);
  time = g_date_time_format (local, "%H:%M");
  digits = sila_format_digits_for (time, sila_i18n_get_language ());
  return g_strdup_printf (_("%s, %s"), day, digits);
}

char *
sila_format_wait (gint64 seconds)
{
  g_autofree char *n = NULL;

  if (seconds < 60)
    return g_strdup (_("less than a minute"));
  if (seconds >= 86400)
    {
      n = sila_format_int (seconds / 86400);
      return g_strdup_printf (ngettext ("%s day", "%s days", (gulong)(seconds / 86400)), n);
    }
  if (seconds >= 3600)
    {
      n = sila_format_int (seconds / 3600);
      return g_strdup_printf (ngettext ("%s hour", "%s hours", (gulong)(seconds / 3600)), n);
    }
  n = sila_format_int (seconds / 60);
  return g_strdup_printf (ngettext ("%s minute", "%s minutes", (gulong)(seconds / 60)), n);
}

static const char *
person (const char *name,
        const char *username)
{
  return sila_display_person (name, username);
}

static gboolean
answer (RowData    *data,
        const char *text)
{
  g_autoptr(GError) error = NULL;

  if (!sila_store_answer_contact (sila_session_get_store (data->session),
                                  sila_session_get_actor (data->session), data->id, text,
                                  &error))
    {
      sila_field_error_show (data->entry, data->error, error);
      return FALSE;
    }

  sila_field_error_clear (data->entry, data->error);
  sila_session_notify_changed (data->session, "contacts");
  return TRUE;
}

static void
answer_clicked_cb (GtkButton *button,
                   RowData   *data)
{
  answer (data, gtk_editable_get_text (GTK_EDITABLE (data->entry)));
}

static void
refer_clicked_cb (GtkButton *button,
                  RowData   *data)
{
  g_autoptr(GError) error = NULL;

  if (!sila_store_refer_contact (sila_session_get_store (data->session),
                                 sila_session_get_actor (data->session), data->id, NULL, &error))
    {
      sila_field_error_show (data->entry, data->error, error);
      return;
    }
  sila_session_notify_changed (data->session, "contacts");
}

gboolean
sila_contact_row_answer (GtkWidget  *row,
                         const char *text)
{
  RowData *data = g_object_get_data (G_OBJECT (row), "sila-contact");

  g_return_val_if_fail (data != NULL, FALSE);

  gtk_editable_set_text (GTK_EDITABLE (data->entry), text);
  return answer (data, text);
}

GtkWidget *
sila_contact_row_new (SilaSession       *session,
                      const SilaContact *c)
{
  GtkWidget *row = adw_expander_row_new ();
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *asked = sila_format_timestamp (c->asked_at);
  g_autofree char *question = g_markup_escape_text (c->question, -1);
  g_autofree char *who = NULL;
  RowData *data;

  if (c->beneficiary_name != NULL)
    who = g_strdup (c->beneficiary_name);
  else if (c->caller != NULL)
    who = g_strdup_printf (_("%s (no file)"), c->caller);
  else
    who = g_strdup (_("Anonymous"));

  {
    g_autofree char *line = sila_display_join (sila_channel_to_display (c->channel),
                                               sila_contact_kind_to_display (c->kind), who, asked,
                                               NULL);

    g_string_append (subtitle, line);
  }
  g_string_append (subtitle, SILA_DISPLAY_SEPARATOR);
  if (c->status == SILA_CONTACT_ANSWERED && c->answer_seconds >= 0)
    {
      g_autofree char *wait = sila_format_wait (c->answer_seconds);

      g_string_append_printf (subtitle, _("answered after %s"), wait);
    }
  else if (c->status == SILA_CONTACT_REFERRED)
    g_string_append_printf (subtitle, _("with the researcher %s"),
                            c->referred_to != NULL ? person (c->referred_to_name, c->referred_to)
                                                   : _("(any)"));
  else
    g_string_append (subtitle, sila_contact_status_to_display (c->status));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), question);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle->str);
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row),
                               gtk_image_new_from_icon_name (c->direction == SILA_DIRECTION_OUTBOUND
                                                             ? "mail-send-symbolic"
                                                             : "call-start-symbolic"));
  if (c->status != SILA_CONTACT_ANSWERED)
    gtk_widget_add_css_class (row, "sila-awaiting");
  gtk_widget_set_name (row, c->id);

  data = g_new0 (RowData, 1);
  data->session = g_object_ref (session);
  data->id = g_strdup (c->id);
  g_object_set_data_full (G_OBJECT (row), "sila-contact", data, (GDestroyNotify)row_data_free);

  if (c->status == SILA_CONTACT_ANSWERED)
    {
      GtkWidget *answer_row = adw_action_row_new ();
      g_autofree char *text = g_markup_escape_text (c->answer, -1);
      g_autofree char *by = g_strdup_printf (_("Answered by %s"),
                                             person (c->answered_by_name, c->answered_by));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (answer_row), text);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (answer_row), by);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (answer_row), 0);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), answer_row);
      data->entry = answer_row;
    }
  else
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Answer"));
      GtkWidget *label = gtk_label_new (NULL);
      gboolean can = sila_session_can (session, SILA_PERM_CONTACT_EDIT);

      data->entry = gtk_entry_new ();
      data->error = GTK_LABEL (label);
      gtk_entry_set_placeholder_text (GTK_ENTRY (data->entry), _("The answer given"));
      gtk_widget_set_hexpand (data->entry, TRUE);
      gtk_widget_set_name (data->entry, "answer-entry");
      gtk_widget_add_css_class (button, "suggested-action");
      g_signal_connect (button, "clicked", G_CALLBACK (answer_clicked_cb), data);
      g_signal_connect (data->entry, "activate", G_CALLBACK (answer_clicked_cb), data);
      gtk_box_append (GTK_BOX (line), data->entry);
      gtk_box_append (GTK_BOX (line), button);
      if (c->status == SILA_CONTACT_OPEN)
        {
          GtkWidget *refer = gtk_button_new_with_mnemonic (_("_Refer to the Researcher"));

          g_signal_connect (refer, "clicked", G_CALLBACK (refer_clicked_cb), data);
          gtk_box_append (GTK_BOX (line), refer);
        }
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "sila-field-error");
      gtk_widget_set_visible (label, FALSE);
      gtk_box_append (GTK_BOX (box), line);
      gtk_box_append (GTK_BOX (box), label);
      gtk_widget_set_margin_start (box, 12);
      gtk_widget_set_margin_end (box, 12);
      gtk_widget_set_margin_top (box, 8);
      gtk_widget_set_margin_bottom (box, 8);
      gtk_widget_set_sensitive (box, can);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), box);
    }

  return row;
}
