/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-ui"

#include "sila-config.h"

#include <glib/gi18n.h>

#include "sila-audit.h"
#include "sila-field-error.h"
#include "sila-preferences-window.h"
#include "sila-request-prefs-page.h"
#include "sila-settings.h"
#include "sila-staff-window.h"
#include "sila-store-backup.h"
#include "sila-store-staff.h"
#include "sila-store-surveys.h"

struct _SilaPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  SilaSession          *session;
  char                 *shown_association;  /* what the screen showed, for conflicts */
  char                 *shown_answer_window;
  GHashTable           *shown;              /* other settings: key → value shown, or NULL */
  GPtrArray            *staff_rows;
  GtkNativeDialog      *chooser;
  GCancellable         *cancellable;
  gboolean              loading;

  /* Template widgets */
  AdwComboRow          *language_row;
  AdwEntryRow          *association_row;
  GtkLabel             *association_error;
  AdwActionRow         *answer_row;
  GtkSpinButton        *answer_spin;
  GtkLabel             *answer_error;
  AdwActionRow         *database_row;
  AdwActionRow         *version_row;
  GtkLabel             *permission_note;
  AdwActionRow         *account_row;
  GtkWidget            *change_password_button;
  GtkWidget            *idle_row;
  GtkSpinButton        *idle_spin;
  GtkLabel             *idle_error;
  GtkWidget            *consent_row;
  GtkSwitch            *consent_switch;
  GtkLabel             *consent_error;
  GtkWidget            *retention_row;
  GtkSpinButton        *retention_spin;
  GtkLabel             *retention_error;
  GtkWidget            *staff_page;
  AdwPreferencesGroup  *staff_group;
  GtkWidget            *backup_page;
  GtkWidget            *backup_daily_row;
  GtkSwitch            *backup_daily_switch;
  GtkLabel             *backup_daily_error;
  AdwActionRow         *backup_folder_row;
  GtkLabel             *backup_folder_error;
  GtkWidget            *backup_keep_row;
  GtkSpinButton        *backup_keep_spin;
  GtkLabel             *backup_keep_error;
  AdwActionRow         *last_backup_row;
  GtkWidget            *backup_now_button;
  GtkLabel             *backup_status;
  AdwActionRow         *kiosk_pin_state;
  AdwPasswordEntryRow  *kiosk_pin_row;
  GtkLabel             *kiosk_pin_error;
};

G_DEFINE_FINAL_TYPE (SilaPreferencesWindow, sila_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *languages[] = { "ar", "en" };

static void load_staff   (SilaPreferencesWindow *self);
static void load_backups (SilaPreferencesWindow *self);

static const char *setting_keys[] = {
  SILA_SETTING_IDLE_LOCK, SILA_SETTING_CONSENT_REQUIRED, SILA_SETTING_RETENTION_YEARS,
  SILA_SETTING_BACKUP_DAILY, SILA_SETTING_BACKUP_FOLDER, SILA_SETTING_BACKUP_KEEP,
};

static void
remember_shown (SilaPreferencesWindow *self)
{
  SilaStore *store = sila_session_get_store (self->session);

  g_hash_table_remove_all (self->shown);
  for (guint i = 0; i < G_N_ELEMENTS (setting_keys); i++)
    g_hash_table_insert (self->shown, (gpointer)setting_keys[i],
                         sila_store_get_setting (store, setting_keys[i], NULL));
}

static const char *
shown_or_default (SilaPreferencesWindow *self,
                  const char            *key)
{
  const char *value = g_hash_table_lookup (self->shown, key);

  return value != NULL ? value : sila_policy_get_default (key);
}

static int
setting_int (SilaPreferencesWindow *self,
             const char            *key)
{
  gint64 n = 0;

  g_ascii_string_to_signed (shown_or_default (self, key), 10, G_MININT, G_MAXINT, &n, NULL);
  return (int)n;
}

/* Saves one office setting typed in @row; the error, if any, beside it. */
static gboolean
apply_setting (SilaPreferencesWindow *self,
               const char            *key,
               const char            *value,
               GtkWidget             *row,
               GtkLabel              *error_label)
{
  SilaStore *store = sila_session_get_store (self->session);
  g_autoptr(GError) error = NULL;

  if (self->loading)
    return FALSE;

  if (!sila_store_set_setting (store, sila_session_get_actor (self->session), key,
                               g_hash_table_lookup (self->shown, key), value, &error))
    {
      sila_field_error_show (row, error_label, error);
      return FALSE;
    }

  sila_field_error_clear (row, error_label);
  g_hash_table_insert (self->shown, (gpointer)key, sila_store_get_setting (store, key, NULL));
  sila_session_notify_changed (self->session, "settings");
  return TRUE;
}

static void
load_account (SilaPreferencesWindow *self)
{
  const SilaActor *actor = sila_session_get_actor (self->session);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->account_row), FALSE);
  if (sila_actor_is_owner (actor))
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->account_row),
                                     _("Owner of this database"));
      adw_action_row_set_subtitle (self->account_row,
                                   _("There are no staff accounts: whoever uses this computer "
                                     "works as the owner, with every role."));
      gtk_widget_set_visible (self->change_password_button, FALSE);
    }
  else
    {
      g_autoptr(GString) roles = g_string_new (actor->username);

      for (SilaRole r = SILA_ROLE_OFFICER; r <= SILA_ROLE_ADMIN; r <<= 1)
        if (sila_actor_has_role (actor, r))
          g_string_append_printf (roles, " · %s", sila_role_to_display (r));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->account_row), actor->display_name);
      adw_action_row_set_subtitle (self->account_row, roles->str);
      gtk_widget_set_visible (self->change_password_button, TRUE);
    }
}

static void
staff_saved_cb (SilaPreferencesWindow *self,
                SilaStaffWindow       *window)
{
  load_staff (self);
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

static void
load_staff (SilaPreferencesWindow *self)
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
          g_string_append_printf (subtitle, " · %s", sila_role_to_display (r));
      if (!staff->active)
        g_string_append_printf (subtitle, " · %s", _("deactivated"));

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
load_backups (SilaPreferencesWindow *self)
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
                         sila_policy_is_true (shown_or_default (self, SILA_SETTING_BACKUP_DAILY)));
  gtk_spin_button_set_value (self->backup_keep_spin, setting_int (self, SILA_SETTING_BACKUP_KEEP));

  folder = sila_store_get_backup_folder (store);
  adw_action_row_set_subtitle (self->backup_folder_row, folder);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->backup_folder_row), FALSE);

  last = sila_store_get_last_backup (store);
  last_text = last != NULL ? sila_audit_format_time (last) : g_strdup (_("Never"));
  adw_action_row_set_subtitle (self->last_backup_row, last_text);

}

static void
idle_changed_cb (SilaPreferencesWindow *self)
{
  int minutes = gtk_spin_button_get_value_as_int (self->idle_spin);
  g_autofree char *value = g_strdup_printf ("%d", minutes);

  apply_setting (self, SILA_SETTING_IDLE_LOCK, value, self->idle_row, self->idle_error);
}

static void
consent_changed_cb (SilaPreferencesWindow *self)
{
  apply_setting (self, SILA_SETTING_CONSENT_REQUIRED,
                 gtk_switch_get_active (self->consent_switch) ? "1" : "0", self->consent_row,
                 self->consent_error);
}

static void
retention_changed_cb (SilaPreferencesWindow *self)
{
  int years = gtk_spin_button_get_value_as_int (self->retention_spin);
  g_autofree char *value = g_strdup_printf ("%d", years);

  apply_setting (self, SILA_SETTING_RETENTION_YEARS, value, self->retention_row,
                 self->retention_error);
}

static void
backup_daily_changed_cb (SilaPreferencesWindow *self)
{
  apply_setting (self, SILA_SETTING_BACKUP_DAILY,
                 gtk_switch_get_active (self->backup_daily_switch) ? "1" : "0",
                 self->backup_daily_row, self->backup_daily_error);
}

static void
backup_keep_changed_cb (SilaPreferencesWindow *self)
{
  int keep = gtk_spin_button_get_value_as_int (self->backup_keep_spin);
  g_autofree char *value = g_strdup_printf ("%d", keep);

  apply_setting (self, SILA_SETTING_BACKUP_KEEP, value, self->backup_keep_row,
                 self->backup_keep_error);
}

/* Sets the backup folder to @path (a folder the user chose). */
void
sila_preferences_window_set_backup_folder (SilaPreferencesWindow *self,
                                           const char            *path)
{
  g_return_if_fail (SILA_IS_PREFERENCES_WINDOW (self));

  if (apply_setting (self, SILA_SETTING_BACKUP_FOLDER, path,
                     GTK_WIDGET (self->backup_folder_row), self->backup_folder_error))
    load_backups (self);
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
    g_autofree char *shown = g_filename_display_name (path);
    g_autofree char *text = g_strdup_printf (_("Backed up to “%s”."), shown);

    show_backup_status (self, text, FALSE);
  }
  load_backups (self);
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
  body = g_strdup_printf (_("This backup of “%s” was taken %s. It will replace the database: "
                            "whatever was saved since then will not be in it. The database it "
                            "replaces is kept beside it, and everyone signs in again."),
                          info->association_name != NULL ? info->association_name : "",
                          taken);
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

static void
add_staff_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  open_staff_window (SILA_PREFERENCES_WINDOW (widget), NULL);
}

static void
session_changed_cb (SilaPreferencesWindow *self,
                    const char            *what,
                    SilaSession           *session)
{
  if (g_strcmp0 (what, "staff") == 0 || what == NULL)
    load_staff (self);
  if (g_strcmp0 (what, "backup") == 0 || what == NULL)
    load_backups (self);
}

static void
load_office_settings (SilaPreferencesWindow *self)
{
  SilaStore *store = sila_session_get_store (self->session);
  gboolean can_edit = sila_session_can (self->session, SILA_PERM_SETTINGS_EDIT) &&
                      !sila_store_is_read_only (store);
  g_autofree char *version = NULL;

  self->loading = TRUE;
  remember_shown (self);

  g_free (self->shown_association);
  self->shown_association = sila_store_get_setting (store, SILA_SETTING_ASSOCIATION_NAME, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->association_row),
                         self->shown_association != NULL ? self->shown_association : "");

  g_free (self->shown_answer_window);
  self->shown_answer_window = sila_store_get_setting (store, SILA_SETTING_ANSWER_WINDOW, NULL);
  gtk_spin_button_set_value (self->answer_spin,
                             sila_store_get_setting_int (store, SILA_SETTING_ANSWER_WINDOW,
                                                         SILA_ANSWER_WINDOW_DEFAULT));

  gtk_widget_set_sensitive (GTK_WIDGET (self->association_row), can_edit);
  gtk_widget_set_sensitive (GTK_WIDGET (self->answer_spin), can_edit);
  gtk_widget_set_visible (GTK_WIDGET (self->permission_note), !can_edit);

  gtk_spin_button_set_value (self->idle_spin, setting_int (self, SILA_SETTING_IDLE_LOCK));
  gtk_switch_set_active (self->consent_switch,
                         sila_policy_is_true (shown_or_default (self,
                                                                SILA_SETTING_CONSENT_REQUIRED)));
  gtk_spin_button_set_value (self->retention_spin,
                             setting_int (self, SILA_SETTING_RETENTION_YEARS));
  gtk_widget_set_sensitive (GTK_WIDGET (self->idle_spin), can_edit);
  gtk_widget_set_sensitive (GTK_WIDGET (self->consent_switch), can_edit);
  gtk_widget_set_sensitive (GTK_WIDGET (self->retention_spin), can_edit);

  load_account (self);
  load_staff (self);
  load_backups (self);

  adw_action_row_set_subtitle (self->database_row, sila_store_get_path (store));
  version = g_strdup_printf ("%d", sila_store_get_schema_version (store));
  adw_action_row_set_subtitle (self->version_row, version);

  self->loading = FALSE;
}

static void
load_kiosk_pin (SilaPreferencesWindow *self)
{
  SilaStore *store = sila_session_get_store (self->session);
  gboolean can_set = sila_session_can (self->session, SILA_PERM_KIOSK_PIN) &&
                     !sila_store_is_read_only (store);

  adw_action_row_set_subtitle (self->kiosk_pin_state,
                               sila_store_has_kiosk_pin (store)
                                 ? _("Set. Officers need it to leave the kiosk.")
                                 : _("Not set yet: the kiosk cannot start without one."));
  gtk_widget_set_sensitive (GTK_WIDGET (self->kiosk_pin_row), can_set);
  if (!can_set)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->kiosk_pin_row),
                                   _("Only a manager or an administrator sets the kiosk PIN."));
}

static void
kiosk_pin_apply_cb (SilaPreferencesWindow *self)
{
  SilaStore *store = sila_session_get_store (self->session);
  g_autoptr(GError) error = NULL;
  const char *pin = gtk_editable_get_text (GTK_EDITABLE (self->kiosk_pin_row));

  if (!sila_store_set_kiosk_pin (store, sila_session_get_actor (self->session), pin, &error))
    {
      sila_field_error_show (GTK_WIDGET (self->kiosk_pin_row), self->kiosk_pin_error, error);
      return;
    }

  sila_field_error_clear (GTK_WIDGET (self->kiosk_pin_row), self->kiosk_pin_error);
  gtk_editable_set_text (GTK_EDITABLE (self->kiosk_pin_row), "");
  load_kiosk_pin (self);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                    adw_toast_new (_("The kiosk PIN was changed.")));
}

static void
language_selected_cb (SilaPreferencesWindow *self,
                      GParamSpec            *pspec,
                      AdwComboRow           *row)
{
  GSettings *settings = sila_settings_get ();
  guint selected = adw_combo_row_get_selected (row);
  g_autofree char *current = NULL;
  AdwToast *toast;

  if (self->loading || settings == NULL || selected >= G_N_ELEMENTS (languages))
    return;

  current = g_settings_get_string (settings, "ui-language");
  if (g_str_equal (current, languages[selected]))
    return;

  g_settings_set_string (settings, "ui-language", languages[selected]);

  toast = adw_toast_new (_("The new language applies when Sila Desk starts again."));
  adw_toast_set_button_label (toast, _("_Restart Now"));
  adw_toast_set_action_name (toast, "app.restart");
  adw_toast_set_timeout (toast, 0);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}

static void
association_apply_cb (SilaPreferencesWindow *self)
{
  SilaStore *store = sila_session_get_store (self->session);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->association_row));
  g_autoptr(GError) error = NULL;

  if (!sila_store_set_setting (store, sila_session_get_actor (self->session),
                               SILA_SETTING_ASSOCIATION_NAME, self->shown_association, text,
                               &error))
    {
      sila_field_error_show (GTK_WIDGET (self->association_row), self->association_error, error);
      return;
    }

  sila_field_error_clear (GTK_WIDGET (self->association_row), self->association_error);
  load_office_settings (self);
  sila_session_notify_changed (self->session, "settings");
}

static void
answer_changed_cb (SilaPreferencesWindow *self)
{
  SilaStore *store = sila_session_get_store (self->session);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  if (self->loading)
    return;

  text = g_strdup_printf ("%d", gtk_spin_button_get_value_as_int (self->answer_spin));
  if (!sila_store_set_setting (store, sila_session_get_actor (self->session),
                               SILA_SETTING_ANSWER_WINDOW, self->shown_answer_window, text,
                               &error))
    {
      sila_field_error_show (GTK_WIDGET (self->answer_row), self->answer_error, error);
      return;
    }

  sila_field_error_clear (GTK_WIDGET (self->answer_row), self->answer_error);
  g_free (self->shown_answer_window);
  self->shown_answer_window = g_steal_pointer (&text);
  sila_session_notify_changed (self->session, "settings");
}

static void
sila_preferences_window_constructed (GObject *object)
{
  SilaPreferencesWindow *self = (SilaPreferencesWindow *)object;
  GSettings *settings = sila_settings_get ();

  G_OBJECT_CLASS (sila_preferences_window_parent_class)->constructed (object);

  self->loading = TRUE;
  if (settings != NULL)
    {
      g_autofree char *language = g_settings_get_string (settings, "ui-language");

      adw_combo_row_set_selected (self->language_row, g_str_equal (language, "en") ? 1 : 0);
    }
  else
    gtk_widget_set_sensitive (GTK_WIDGET (self->language_row), FALSE);
  self->loading = FALSE;

  g_signal_connect_object (self->language_row, "notify::selected",
                           G_CALLBACK (language_selected_cb), self, G_CONNECT_SWAPPED);

  /* Identifiers and numbers read left to right even in an Arabic window. */
  gtk_widget_set_direction (GTK_WIDGET (self->answer_spin), GTK_TEXT_DIR_LTR);
  gtk_widget_set_direction (GTK_WIDGET (self->kiosk_pin_row), GTK_TEXT_DIR_LTR);

  gtk_widget_set_direction (GTK_WIDGET (self->idle_spin), GTK_TEXT_DIR_LTR);
  gtk_widget_set_direction (GTK_WIDGET (self->retention_spin), GTK_TEXT_DIR_LTR);
  gtk_widget_set_direction (GTK_WIDGET (self->backup_keep_spin), GTK_TEXT_DIR_LTR);

  g_signal_connect_object (self->session, "changed", G_CALLBACK (session_changed_cb), self,
                           G_CONNECT_SWAPPED);
  load_office_settings (self);
  load_kiosk_pin (self);

  /* Request types, document types and their checklists (support requests). */
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                              ADW_PREFERENCES_PAGE (sila_request_prefs_page_new (self->session)));
}

static void
sila_preferences_window_dispose (GObject *object)
{
  SilaPreferencesWindow *self = (SilaPreferencesWindow *)object;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->staff_rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), SILA_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (sila_preferences_window_parent_class)->dispose (object);
}

static void
sila_preferences_window_finalize (GObject *object)
{
  SilaPreferencesWindow *self = (SilaPreferencesWindow *)object;

  g_free (self->shown_association);
  g_free (self->shown_answer_window);
  g_clear_pointer (&self->shown, g_hash_table_unref);

  G_OBJECT_CLASS (sila_preferences_window_parent_class)->finalize (object);
}

static void
sila_preferences_window_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  SilaPreferencesWindow *self = SILA_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sila_preferences_window_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  SilaPreferencesWindow *self = SILA_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sila_preferences_window_class_init (SilaPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sila_preferences_window_constructed;
  object_class->dispose = sila_preferences_window_dispose;
  object_class->finalize = sila_preferences_window_finalize;
  object_class->get_property = sila_preferences_window_get_property;
  object_class->set_property = sila_preferences_window_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, SILA_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/sila-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SilaPreferencesWindow, language_row);
  gtk_widget_class_bind_template_child (widget_class, SilaPreferencesWindow, association_row);
  gtk_widget_class_bind_template_child (widget_class, SilaPreferencesWindow, association_error);
  gtk_widget_class_bind_template_child (widget_class, SilaPreferencesWindow, answer_row);
  gtk_widget_class_bind_template_child (widget_class, SilaPreferencesWindow, answer_spin);
  gtk_widget_class_bind_template_child (widget_class, SilaPreferencesWindow, answer_error);
  gtk_widget_class_bind_template_child (widget_class, SilaPreferencesWindow, database_row);
  gtk_widget_class_bind_template_child (widget_class, SilaPreferencesWindow, version_row);
  gtk_widget_class_bind_template_child (widget_class, SilaPreferencesWindow, permission_note);
  gtk_widget_class_bind_template_child (widget_class, SilaPreferencesWindow, account_row);
  gtk_widget_class_bind_template_child (widget_class, SilaPreferencesWindow,
                                        change_password_button);
  gtk_widget_class_bind_template_child (widget_class, SilaPreferencesWindow, idle_row);
  gtk_widget_class_bind_template_child (widget_class, SilaPreferencesWindow, idle_spin);
  gtk_widget_class_bind_template_child (widget_class, SilaPreferencesWindow, idle_error);
  gtk_widget_class_bind_template_child (widget_class, SilaPreferencesWindow, consent_row);
  gtk_widget_class_bind_template_child (widget_class, SilaPreferencesWindow, consent_switch);
  gtk_widget_class_bind_template_child (widget_class, SilaPreferencesWindow, consent_error);
  gtk_widget_class_bind_template_child (widget_class, SilaPreferencesWindow, retention_row);
  gtk_widget_class_bind_template_child (widget_class, SilaPreferencesWindow, retention_spin);
  gtk_widget_class_bind_template_child (widget_class, SilaPreferencesWindow, retention_error);
  gtk_widget_class_bind_template_child (widget_class, SilaPreferencesWindow, staff_page);
  gtk_widget_class_bind_template_child (widget_class, SilaPreferencesWindow, staff_group);
  gtk_widget_class_bind_template_child (widget_class, SilaPreferencesWindow, backup_page);
  gtk_widget_class_bind_template_child (widget_class, SilaPreferencesWindow, backup_daily_row);
  gtk_widget_class_bind_template_child (widget_class, SilaPreferencesWindow, backup_daily_switch);
  gtk_widget_class_bind_template_child (widget_class, SilaPreferencesWindow, backup_daily_error);
  gtk_widget_class_bind_template_child (widget_class, SilaPreferencesWindow, backup_folder_row);
  gtk_widget_class_bind_template_child (widget_class, SilaPreferencesWindow, backup_folder_error);
  gtk_widget_class_bind_template_child (widget_class, SilaPreferencesWindow, backup_keep_row);
  gtk_widget_class_bind_template_child (widget_class, SilaPreferencesWindow, backup_keep_spin);
  gtk_widget_class_bind_template_child (widget_class, SilaPreferencesWindow, backup_keep_error);
  gtk_widget_class_bind_template_child (widget_class, SilaPreferencesWindow, last_backup_row);
  gtk_widget_class_bind_template_child (widget_class, SilaPreferencesWindow, backup_now_button);
  gtk_widget_class_bind_template_child (widget_class, SilaPreferencesWindow, backup_status);
  gtk_widget_class_bind_template_child (widget_class, SilaPreferencesWindow, kiosk_pin_state);
  gtk_widget_class_bind_template_child (widget_class, SilaPreferencesWindow, kiosk_pin_row);
  gtk_widget_class_bind_template_child (widget_class, SilaPreferencesWindow, kiosk_pin_error);
  gtk_widget_class_bind_template_callback (widget_class, association_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, kiosk_pin_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, answer_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, idle_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, consent_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, retention_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, backup_daily_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, backup_keep_changed_cb);

  gtk_widget_class_install_action (widget_class, "prefs.add-staff", NULL, add_staff_action);
  gtk_widget_class_install_action (widget_class, "prefs.choose-backup-folder", NULL,
                                   choose_backup_folder_action);
  gtk_widget_class_install_action (widget_class, "prefs.backup-now", NULL, backup_now_action);
  gtk_widget_class_install_action (widget_class, "prefs.restore", NULL, restore_action);
}

static void
sila_preferences_window_init (SilaPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->shown = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  self->staff_rows = g_ptr_array_new ();
  self->cancellable = g_cancellable_new ();
}

SilaPreferencesWindow *
sila_preferences_window_new (GtkWindow   *parent,
                             SilaSession *session)
{
  return g_object_new (SILA_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", TRUE,
                       "session", session,
                       NULL);
}
