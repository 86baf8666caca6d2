/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Preferences, Office page: the thresholds of the daily outreach list
 * (sila-outreach.h), office settings that administrators change. */
#define G_LOG_DOMAIN "sila-ui"

#include "sila-config.h"

#include <glib/gi18n.h>

#include "sila-form.h"
#include "sila-policy.h"
#include "sila-preferences-window-private.h"

static const struct {
  const char *key;
  const char *title;
  const char *subtitle;
} thresholds[] = {
  { SILA_SETTING_OUTREACH_EXPIRY, N_("Document expiring"),
    N_("Days before a document’s expiry that the person is called") },
  { SILA_SETTING_OUTREACH_MISSING, N_("Documents missing"),
    N_("Days a request may wait at “received” with a required document missing") },
  { SILA_SETTING_OUTREACH_FOLLOW_FROM, N_("Follow-up after the service, from"),
    N_("Days after a delivery before asking how it went") },
  { SILA_SETTING_OUTREACH_FOLLOW_UNTIL, N_("Follow-up after the service, until"),
    N_("Days after a delivery after which it is no longer asked") },
  { SILA_SETTING_OUTREACH_SILENCE, N_("No contact for a long time"),
    N_("Days without hearing from a person before checking on them") },
  { SILA_SETTING_OUTREACH_ACTIVE, N_("Recent requests"),
    N_("Days back a request or a delivery keeps a person among those checked on") },
  { SILA_SETTING_OUTREACH_RETRY, N_("Call again after"),
    N_("Days an unanswered call keeps a person off the list") },
};

static void
value_changed_cb (GtkSpinButton         *spin,
                  SilaPreferencesWindow *self)
{
  const char *key = g_object_get_data (G_OBJECT (spin), "key");
  GtkWidget *row = g_object_get_data (G_OBJECT (spin), "row");
  GtkLabel *error_label = g_object_get_data (G_OBJECT (spin), "error");
  g_autofree char *value = g_strdup_printf ("%d", gtk_spin_button_get_value_as_int (spin));

  sila_preferences_window_apply_setting (self, key, value, row, error_label);
}

void
sila_preferences_window_add_outreach (SilaPreferencesWindow *self)
{
  GtkWidget *page = gtk_widget_get_ancestor (GTK_WIDGET (self->personal_data_group),
                                             ADW_TYPE_PREFERENCES_PAGE);
  gboolean can_edit = sila_session_can (self->session, SILA_PERM_SETTINGS_EDIT) &&
                      !sila_store_is_read_only (sila_session_get_store (self->session));
  GtkWidget *group;

  g_return_if_fail (page != NULL);

  group = adw_preferences_group_new ();
  gtk_widget_set_name (group, "outreach");
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group),
                                   _("Reaching beneficiaries without their asking"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("When a person appears on the daily outreach list, in "
                                           "days."));

  for (guint i = 0; i < G_N_ELEMENTS (thresholds); i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *spin, *error_label;
      gint64 min = 0, max = 0;

      sila_policy_get_range (thresholds[i].key, &min, &max);
      spin = gtk_spin_button_new_with_range ((double)min, (double)max, 1);
      sila_form_localize_spin (GTK_SPIN_BUTTON (spin));
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin),
                                 sila_preferences_window_setting_int (self, thresholds[i].key));
      gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
      gtk_widget_set_direction (spin, GTK_TEXT_DIR_LTR);
      gtk_widget_set_sensitive (spin, can_edit);
      gtk_widget_set_name (spin, thresholds[i].key);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(thresholds[i].title));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(thresholds[i].subtitle));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

      error_label = gtk_label_new (NULL);
      gtk_label_set_wrap (GTK_LABEL (error_label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (error_label), 0);
      gtk_widget_add_css_class (error_label, "sila-field-error");
      gtk_widget_set_visible (error_label, FALSE);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), error_label);

      g_object_set_data (G_OBJECT (spin), "key", (gpointer)thresholds[i].key);
      g_object_set_data (G_OBJECT (spin), "row", row);
      g_object_set_data (G_OBJECT (spin), "error", error_label);
      g_signal_connect_object (spin, "value-changed", G_CALLBACK (value_changed_cb), self, 0);
    }

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
}
