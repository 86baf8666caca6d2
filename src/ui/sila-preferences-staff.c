/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Preferences → Staff: the list of staff accounts with their roles, each
 * opening the staff window, and adding an account. */
#define G_LOG_DOMAIN "sila-ui"

#include "sila-config.h"

#include <glib/gi18n.h>

#include "sila-display.h"
#include "sila-i18n.h"
#include "sila-preferences-window-private.h"
#include "sila-staff-window.h"
#include "sila-store-staff.h"

static void
staff_saved_cb (SilaPreferencesWindow *self,
                SilaStaffWindow       *window)
{
  sila_preferences_window_load_staff (self);
}

static void
open_staff_window (SilaPreferencesWindow *self,
                   const SilaStaff       *staff)
{
  SilaStaffWindow *window = sila_staff_window_new (GTK_WINDOW (self), self->session, staff);

  g_signal_connect_object (window, "saved", G_CALLBACK (staff_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
}

static void
staff_row_activated_cb (SilaPreferencesWindow *self,
                        AdwActionRow          *row)
{
  open_staff_window (self, g_object_get_data (G_OBJECT (row), "sila-staff"));
}

void
sila_preferences_window_load_staff (SilaPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  gboolean can = sila_session_can (self->session, SILA_PERM_STAFF_MANAGE);

  for (guint i = 0; i < self->staff_rows->len; i++)
    adw_preferences_group_remove (self->staff_group, g_ptr_array_index (self->staff_rows, i));
  g_ptr_array_set_size (self->staff_rows, 0);

  gtk_widget_set_visible (self->staff_page, can);
  if (!can)
    return;

  list = sila_store_list_staff (sila_session_get_store (self->session),
                                sila_session_get_actor (self->session), TRUE, &error);
  if (list == NULL || list->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     list == NULL ? error->message
                                                  : _("No staff accounts yet. The first one must "
                                                      "be an administrator; from then on, "
                                                      "everyone signs in."));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_group_add (self->staff_group, row);
      g_ptr_array_add (self->staff_rows, row);
      return;
    }

  for (guint i = 0; i < list->len; i++)
    {
      SilaStaff *staff = g_ptr_array_index (list, i);
      AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
      g_autoptr(GString) subtitle = g_string_new (staff->username);

      for (SilaRole r = SILA_ROLE_OFFICER; r <= SILA_ROLE_ADMIN; r <<= 1)
        if (staff->roles & r)
          g_string_append_printf (subtitle, "%s%s", SILA_DISPLAY_SEPARATOR,
                                  sila_role_to_display (r));
      if (!staff->active)
        g_string_append_printf (subtitle, "%s%s", SILA_DISPLAY_SEPARATOR, _("deactivated"));
      /* The user name first, yet the line reads from the right in Arabic. */
      if (sila_i18n_is_rtl ())
        g_string_prepend (subtitle, "\u200f");

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), staff->display_name);
      adw_action_row_set_subtitle (row, subtitle->str);
      adw_action_row_add_suffix (row, gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_set_name (GTK_WIDGET (row), staff->username);
      if (!staff->active)
        gtk_widget_add_css_class (GTK_WIDGET (row), "dim-label");
      g_object_set_data_full (G_OBJECT (row), "sila-staff", g_ptr_array_steal_index (list, i),
                              (GDestroyNotify)sila_staff_free);
      g_ptr_array_insert (list, i, NULL);
      g_signal_connect_object (row, "activated", G_CALLBACK (staff_row_activated_cb), self,
                               G_CONNECT_SWAPPED);
      adw_preferences_group_add (self->staff_group, GTK_WIDGET (row));
      g_ptr_array_add (self->staff_rows, row);
    }
}

static void
add_staff_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  open_staff_window (SILA_PREFERENCES_WINDOW (widget), NULL);
}

void
sila_preferences_window_install_staff_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "prefs.add-staff", NULL, add_staff_action);
}
