/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Preferences → Backups: the daily backup, its folder and how many to keep,
 * backing up now in the background, and restoring from a chosen backup after
 * saying what it holds. */
#define G_LOG_DOMAIN "sila-ui"

#include "sila-config.h"

#include <glib/gi18n.h>

#include "sila-audit.h"
#include "sila-display.h"
#include "sila-preferences-window-private.h"
#include "sila-store-backup.h"

void
sila_preferences_window_load_backups (SilaPreferencesWindow *self)
{
  SilaStore *store = sila_session_get_store (self->session);
  gboolean can = sila_session_can (self->session, SILA_PERM_BACKUP);
  g_autofree char *folder = NULL;
  g_autofree char *last = NULL;
  g_autofree char *last_text = NULL;

  gtk_widget_set_visible (self->backup_page, can);
  if (!can)
    return;

  gtk_switch_set_active (self->backup_daily_switch,
                         sila_policy_is_true (sila_preferences_window_shown_or_default (
                           self, SILA_SETTING_BACKUP_DAILY)));
  gtk_spin_button_set_value (self->backup_keep_spin,
                             sila_preferences_window_setting_int (self, SILA_SETTING_BACKUP_KEEP));

  folder = sila_store_get_backup_folder (store);
  adw_action_row_set_subtitle (self->backup_folder_row, folder);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->backup_folder_row), FALSE);

  last = sila_store_get_last_backup (store);
  last_text = last != NULL ? sila_audit_format_time (last) : g_strdup (_("Never"));
  adw_action_row_set_subtitle (self->last_backup_row, last_text);
}

static void
backup_daily_changed_cb (SilaPreferencesWindow *self)
{
  gboolean daily = gtk_switch_get_active (self->backup_daily_switch);

  sila_preferences_window_apply_setting (self, SILA_SETTING_BACKUP_DAILY, daily ? "1" : "0",
                                         self->backup_daily_row, self->backup_daily_error);
}

static void
backup_keep_changed_cb (SilaPreferencesWindow *self)
{
  int keep = gtk_spin_button_get_value_as_int (self->backup_keep_spin);
  g_autofree char *value = g_strdup_printf ("%d", keep);

  sila_preferences_window_apply_setting (self, SILA_SETTING_BACKUP_KEEP, value,
                                         self->backup_keep_row, self->backup_keep_error);
}

/* Sets the backup folder to @path (a folder the user chose). */
void
sila_preferences_window_set_backup_folder (SilaPreferencesWindow *self,
                                           const char            *path)
{
  g_return_if_fail (SILA_IS_PREFERENCES_WINDOW (self));

  if (sila_preferences_window_apply_setting (self, SILA_SETTING_BACKUP_FOLDER, path,
                                             GTK_WIDGET (self->backup_folder_row),
                                             self->backup_folder_error))
    sila_preferences_window_load_backups (self);
}

static void
folder_chosen_cb (SilaPreferencesWindow *self,
                  int                    response,
                  GtkNativeDialog       *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        sila_preferences_window_set_backup_folder (self, path);
    }

  g_clear_object (&self->chooser);
}

static void
choose_backup_folder_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  SilaPreferencesWindow *self = SILA_PREFERENCES_WINDOW (widget);
  GtkFileChooserNative *chooser;

  if (self->chooser != NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Backup Folder"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Choose"),
                                         NULL);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  g_signal_connect_object (chooser, "response", G_CALLBACK (folder_chosen_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (self->chooser);
}

static void
show_backup_status (SilaPreferencesWindow *self,
                    const char            *text,
                    gboolean               problem)
{
  gtk_label_set_label (self->backup_status, text);
  gtk_widget_set_visible (GTK_WIDGET (self->backup_status), TRUE);
  if (problem)
    gtk_widget_add_css_class (GTK_WIDGET (self->backup_status), "sila-field-error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->backup_status), "sila-field-error");
}

static void
backup_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(SilaPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = sila_store_backup_finish (SILA_STORE (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  gtk_widget_set_sensitive (self->backup_now_button, TRUE);
  if (path == NULL)
    {
      show_backup_status (self, error->message, TRUE);
      return;
    }

  {
    g_autofree char *shown = sila_display_path (path);
    g_autofree char *text = g_strdup_printf (_("Backed up to “%s”."), shown);

    show_backup_status (self, text, FALSE);
  }
  sila_preferences_window_load_backups (self);
  sila_session_notify_changed (self->session, "backup");
}

static void
backup_now_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SilaPreferencesWindow *self = SILA_PREFERENCES_WINDOW (widget);

  gtk_widget_set_sensitive (self->backup_now_button, FALSE);
  show_backup_status (self, _("Backing up…"), FALSE);
  sila_store_backup_async (sila_session_get_store (self->session),
                           sila_session_get_actor (self->session), SILA_BACKUP_MANUAL, NULL,
                           self->cancellable, backup_done_cb, g_object_ref (self));
}

static void
restore_response_cb (SilaPreferencesWindow *self,
                     const char            *response,
                     AdwMessageDialog      *dialog)
{
  const char *path = g_object_get_data (G_OBJECT (dialog), "sila-backup");

  if (!g_str_equal (response, "restore"))
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "app.restore", "s", path);
}

/* Asks before a restore, saying what the backup holds. */
void
sila_preferences_window_ask_restore (SilaPreferencesWindow *self,
                                     const char            *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaBackupInfo) info = NULL;
  g_autofree char *taken = NULL;
  g_autofree char *association = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  g_return_if_fail (SILA_IS_PREFERENCES_WINDOW (self));

  info = sila_backup_inspect (path, &error);
  if (info == NULL)
    {
      show_backup_status (self, error->message, TRUE);
      return;
    }

  taken = info->made_at != NULL ? sila_audit_format_time (info->made_at) : g_strdup ("?");
  association = sila_display_isolate (info->association_name);
  body = g_strdup_printf (_("This backup of “%s” was taken %s. It will replace the database: "
                            "whatever was saved since then will not be in it. The database it "
                            "replaces is kept beside it, and everyone signs in again."),
                          association, taken);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Restore This Backup?"), body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"),
                                    "restore", _("_Restore"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "sila-backup", g_strdup (path), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (restore_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
backup_file_chosen_cb (SilaPreferencesWindow *self,
                       int                    response,
                       GtkNativeDialog       *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        sila_preferences_window_ask_restore (self, path);
    }

  g_clear_object (&self->chooser);
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SilaPreferencesWindow *self = SILA_PREFERENCES_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *folder = NULL;
  g_autoptr(GFile) folder_file = NULL;
  GtkFileChooserNative *chooser;

  if (self->chooser != NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Restore From a Backup"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), NULL);
  gtk_file_filter_set_name (filter, _("Sila Desk backups"));
  gtk_file_filter_add_pattern (filter, "*.db");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  folder = sila_store_get_backup_folder (sila_session_get_store (self->session));
  folder_file = g_file_new_for_path (folder);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder_file, NULL);

  self->chooser = GTK_NATIVE_DIALOG (chooser);
  g_signal_connect_object (chooser, "response", G_CALLBACK (backup_file_chosen_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (self->chooser);
}

void
sila_preferences_window_install_backup_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, backup_daily_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, backup_keep_changed_cb);
  gtk_widget_class_install_action (widget_class, "prefs.choose-backup-folder", NULL,
                                   choose_backup_folder_action);
  gtk_widget_class_install_action (widget_class, "prefs.backup-now", NULL, backup_now_action);
  gtk_widget_class_install_action (widget_class, "prefs.restore", NULL, restore_action);
}
