/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Preferences: the interface language and the user's account (General),
 * the office settings and the kiosk PIN (Office), and the window that holds
 * the Staff page (sila-preferences-staff.c), the Backups page
 * (sila-preferences-backups.c) and the Requests page. */
#define G_LOG_DOMAIN "sila-ui"

#include "sila-config.h"

#include <glib/gi18n.h>

#include "sila-adw-words.h"
#include "sila-display.h"
#include "sila-i18n.h"
#include "sila-a11y.h"
#include "sila-field-error.h"
#include "sila-form.h"
#include "sila-help.h"
#include "sila-preferences-window-private.h"
#include "sila-request-prefs-page.h"
#include "sila-retention-row.h"
#include "sila-settings.h"
#include "sila-store-surveys.h"

G_DEFINE_FINAL_TYPE (SilaPreferencesWindow, sila_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *languages[] = { "ar", "en" };

static const char *setting_keys[] = {
  SILA_SETTING_IDLE_LOCK, SILA_SETTING_CONSENT_REQUIRED, SILA_SETTING_RETENTION_YEARS,
  SILA_SETTING_BACKUP_DAILY, SILA_SETTING_BACKUP_FOLDER, SILA_SETTING_BACKUP_KEEP,
  SILA_SETTING_OUTREACH_EXPIRY, SILA_SETTING_OUTREACH_MISSING, SILA_SETTING_OUTREACH_FOLLOW_FROM,
  SILA_SETTING_OUTREACH_FOLLOW_UNTIL, SILA_SETTING_OUTREACH_SILENCE, SILA_SETTING_OUTREACH_ACTIVE,
  SILA_SETTING_OUTREACH_RETRY,
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

/* The value of @key as the screen shows it. */
const char *
sila_preferences_window_shown_or_default (SilaPreferencesWindow *self,
                                          const char            *key)
{
  const char *value = g_hash_table_lookup (self->shown, key);

  return value != NULL ? value : sila_policy_get_default (key);
}

int
sila_preferences_window_setting_int (SilaPreferencesWindow *self,
                                     const char            *key)
{
  gint64 n = 0;

  g_ascii_string_to_signed (sila_preferences_window_shown_or_default (self, key), 10, G_MININT,
                            G_MAXINT, &n, NULL);
  return (int)n;
}

/* Saves one office setting typed in @row; the error, if any, beside it. */
gboolean
sila_preferences_window_apply_setting (SilaPreferencesWindow *self,
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
          g_string_append_printf (roles, "%s%s", SILA_DISPLAY_SEPARATOR,
                                  sila_role_to_display (r));
      /* The user name first, yet the line reads from the right in Arabic. */
      if (sila_i18n_is_rtl ())
        g_string_prepend (roles, "\u200f");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->account_row), actor->display_name);
      adw_action_row_set_subtitle (self->account_row, roles->str);
      gtk_widget_set_visible (self->change_password_button, TRUE);
    }
}

static void
idle_changed_cb (SilaPreferencesWindow *self)
{
  int minutes = gtk_spin_button_get_value_as_int (self->idle_spin);
  g_autofree char *value = g_strdup_printf ("%d", minutes);

  sila_preferences_window_apply_setting (self, SILA_SETTING_IDLE_LOCK, value, self->idle_row,
                                         self->idle_error);
}

static void
consent_changed_cb (SilaPreferencesWindow *self)
{
  sila_preferences_window_apply_setting (self, SILA_SETTING_CONSENT_REQUIRED,
                                         gtk_switch_get_active (self->consent_switch) ? "1" : "0",
                                         self->consent_row, self->consent_error);
}

static void
retention_changed_cb (SilaPreferencesWindow *self)
{
  int years = gtk_spin_button_get_value_as_int (self->retention_spin);
  g_autofree char *value = g_strdup_printf ("%d", years);

  sila_preferences_window_apply_setting (self, SILA_SETTING_RETENTION_YEARS, value,
                                         self->retention_row, self->retention_error);
}

static void
session_changed_cb (SilaPreferencesWindow *self,
                    const char            *what,
                    SilaSession           *session)
{
  if (g_strcmp0 (what, "staff") == 0 || what == NULL)
    sila_preferences_window_load_staff (self);
  if (g_strcmp0 (what, "backup") == 0 || what == NULL)
    sila_preferences_window_load_backups (self);
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

  gtk_spin_button_set_value (self->idle_spin,
                             sila_preferences_window_setting_int (self, SILA_SETTING_IDLE_LOCK));
  gtk_switch_set_active (self->consent_switch,
                         sila_policy_is_true (sila_preferences_window_shown_or_default (
                           self, SILA_SETTING_CONSENT_REQUIRED)));
  gtk_spin_button_set_value (self->retention_spin,
                             sila_preferences_window_setting_int (self,
                                                                  SILA_SETTING_RETENTION_YEARS));
  gtk_widget_set_sensitive (GTK_WIDGET (self->idle_spin), can_edit);
  gtk_widget_set_sensitive (GTK_WIDGET (self->consent_switch), can_edit);
  gtk_widget_set_sensitive (GTK_WIDGET (self->retention_spin), can_edit);

  load_account (self);
  sila_preferences_window_load_staff (self);
  sila_preferences_window_load_backups (self);

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

/* libadwaita's search entry at the top of the window has no name. */
static gboolean
name_search_entry (GtkWidget *widget)
{
  if (GTK_IS_SEARCH_ENTRY (widget))
    {
      sila_a11y_set_label (widget, _("Search Preferences"));
      return TRUE;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (name_search_entry (child))
      return TRUE;
  return FALSE;
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

  /* Retention is the administrator's to apply, after the period is set. */
  if (sila_session_can (self->session, SILA_PERM_RETENTION))
    adw_preferences_group_add (self->personal_data_group, sila_retention_row_new (self->session));
  gtk_widget_set_direction (GTK_WIDGET (self->backup_keep_spin), GTK_TEXT_DIR_LTR);

  g_signal_connect_object (self->session, "changed", G_CALLBACK (session_changed_cb), self,
                           G_CONNECT_SWAPPED);
  load_office_settings (self);
  load_kiosk_pin (self);
  sila_preferences_window_add_outreach (self);

  /* Request types, document types and their checklists (support requests). */
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                              ADW_PREFERENCES_PAGE (sila_request_prefs_page_new (self->session)));

  sila_a11y_name_rows (GTK_WIDGET (self));
  name_search_entry (GTK_WIDGET (self));
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

/* F1: restoring a backup from the Backups page, the office's settings
 * from the others. */
static void
help_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SilaPreferencesWindow *self = SILA_PREFERENCES_WINDOW (widget);
  AdwPreferencesPage *page = adw_preferences_window_get_visible_page (ADW_PREFERENCES_WINDOW (self));

  sila_help_show (GTK_WINDOW (self),
                  GTK_WIDGET (page) == self->backup_page ? "restore-backup" : "preferences");
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

  gtk_widget_class_install_action (widget_class, "win.help", NULL, help_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F1, 0, "win.help", NULL);

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
  gtk_widget_class_bind_template_child (widget_class, SilaPreferencesWindow,
                                        personal_data_group);
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

  sila_preferences_window_install_staff_actions (widget_class);
  sila_preferences_window_install_backup_actions (widget_class);
}

static void
sila_preferences_window_init (SilaPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  sila_adw_words_apply (GTK_WIDGET (self));
  sila_form_localize_spin (GTK_SPIN_BUTTON (self->answer_spin));
  sila_form_localize_spin (GTK_SPIN_BUTTON (self->idle_spin));
  sila_form_localize_spin (GTK_SPIN_BUTTON (self->retention_spin));
  sila_form_localize_spin (GTK_SPIN_BUTTON (self->backup_keep_spin));

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