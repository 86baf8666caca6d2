/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-ui"

#include "sila-config.h"

#include <glib/gi18n.h>

#include "sila-field-error.h"
#include "sila-preferences-window.h"
#include "sila-settings.h"
#include "sila-store-surveys.h"

struct _SilaPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  SilaSession          *session;
  char                 *shown_association;  /* what the screen showed, for conflicts */
  char                 *shown_answer_window;
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

static void
load_office_settings (SilaPreferencesWindow *self)
{
  SilaStore *store = sila_session_get_store (self->session);
  gboolean can_edit = sila_session_can (self->session, SILA_PERM_SETTINGS_EDIT) &&
                      !sila_store_is_read_only (store);
  g_autofree char *version = NULL;

  self->loading = TRUE;

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

  load_office_settings (self);
  load_kiosk_pin (self);
}

static void
sila_preferences_window_dispose (GObject *object)
{
  SilaPreferencesWindow *self = (SilaPreferencesWindow *)object;

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
  gtk_widget_class_bind_template_child (widget_class, SilaPreferencesWindow, kiosk_pin_state);
  gtk_widget_class_bind_template_child (widget_class, SilaPreferencesWindow, kiosk_pin_row);
  gtk_widget_class_bind_template_child (widget_class, SilaPreferencesWindow, kiosk_pin_error);
  gtk_widget_class_bind_template_callback (widget_class, association_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, kiosk_pin_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, answer_changed_cb);
}

static void
sila_preferences_window_init (SilaPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
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
