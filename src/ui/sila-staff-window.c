/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-ui"

#include "sila-config.h"

#include <glib/gi18n.h>

#include "sila-account.h"
#include "sila-field-error.h"
#include "sila-staff-window.h"
#include "sila-validation.h"

struct _SilaStaffWindow
{
  AdwWindow       parent_instance;

  SilaSession    *session;
  SilaStaff      *staff;          /* NULL while adding */
  GtkCheckButton *role_checks[SILA_N_ROLES];

  /* Template widgets */
  AdwWindowTitle *window_title;
  AdwEntryRow    *display_name_row;
  GtkLabel       *display_name_error;
  AdwEntryRow    *username_row;
  GtkLabel       *username_error;
  AdwPreferencesGroup *roles_group;
  GtkLabel       *roles_error;
  GtkWidget      *new_password_box;
  GtkWidget      *password_row;
  GtkLabel       *password_error;
  GtkWidget      *confirm_row;
  GtkLabel       *confirm_error;
  GtkSwitch      *must_change_switch;
  GtkLabel       *general_error;
  GtkButton      *save_button;
  GtkWidget      *existing_box;
  GtkWidget      *reset_row;
  GtkLabel       *reset_error;
  GtkLabel       *reset_done;
  GtkButton      *active_button;
};

G_DEFINE_FINAL_TYPE (SilaStaffWindow, sila_staff_window, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
text_of (gpointer row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static gboolean
mark (gpointer       row,
      GtkLabel      *label,
      const GError  *error,
      GtkWidget    **first_bad)
{
  if (error == NULL)
    {
      sila_field_error_clear (GTK_WIDGET (row), label);
      return TRUE;
    }

  sila_field_error_show (GTK_WIDGET (row), label, error);
  if (first_bad != NULL && *first_bad == NULL)
    *first_bad = GTK_WIDGET (row);
  return FALSE;
}

static void
show_general_error (SilaStaffWindow *self,
                    const GError    *error)
{
  gtk_label_set_label (self->general_error, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->general_error), TRUE);
}

static SilaRole
checked_roles (SilaStaffWindow *self)
{
  SilaRole roles = SILA_ROLE_NONE;

  for (guint i = 0; i < SILA_N_ROLES; i++)
    if (gtk_check_button_get_active (self->role_checks[i]))
      roles |= 1 << i;

  return roles;
}

static void
update_existing (SilaStaffWindow *self)
{
  g_autofree char *title = NULL;

  if (self->staff == NULL)
    {
      adw_window_title_set_title (self->window_title, _("New Staff Member"));
      gtk_button_set_label (self->save_button, _("_Add Staff Member"));
      gtk_widget_set_visible (self->existing_box, FALSE);
      gtk_widget_set_visible (self->new_password_box, TRUE);
      return;
    }

  adw_window_title_set_title (self->window_title, self->staff->display_name);
  adw_window_title_set_subtitle (self->window_title,
                                 self->staff->active ? self->staff->username
                                                     : _("Deactivated: cannot sign in"));
  gtk_button_set_label (self->save_button, _("_Save Changes"));
  gtk_widget_set_visible (self->existing_box, TRUE);
  gtk_widget_set_visible (self->new_password_box, FALSE);
  gtk_editable_set_editable (GTK_EDITABLE (self->username_row), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->username_row), FALSE);

  gtk_button_set_label (self->active_button, self->staff->active ? _("_Deactivate Account")
                                                                 : _("_Activate Account"));
  if (self->staff->active)
    gtk_widget_add_css_class (GTK_WIDGET (self->active_button), "destructive-action");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->active_button), "destructive-action");
}

static void
reload (SilaStaffWindow *self)
{
  g_autoptr(GError) error = NULL;
  SilaStaff *fresh;

  if (self->staff == NULL)
    return;

  fresh = sila_store_find_staff (sila_session_get_store (self->session),
                                 sila_session_get_actor (self->session), self->staff->username,
                                 &error);
  if (fresh == NULL)
    {
      show_general_error (self, error);
      return;
    }

  sila_staff_free (self->staff);
  self->staff = fresh;
  update_existing (self);
}

static void
changed (SilaStaffWindow *self)
{
  sila_session_notify_changed (self->session, "staff");
  g_signal_emit (self, signals[SAVED], 0);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SilaStaffWindow *self = SILA_STAFF_WINDOW (widget);
  SilaStore *store = sila_session_get_store (self->session);
  const SilaActor *actor = sila_session_get_actor (self->session);
  g_autoptr(GError) e_name = NULL;
  g_autoptr(GError) e_user = NULL;
  g_autoptr(GError) e_roles = NULL;
  g_autoptr(GError) e_password = NULL;
  g_autoptr(GError) e_confirm = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *display = NULL;
  g_autofree char *username = NULL;
  g_autofree char *prepared = NULL;
  GtkWidget *first_bad = NULL;
  SilaRole roles = checked_roles (self);
  gboolean ok;

  gtk_widget_set_visible (GTK_WIDGET (self->general_error), FALSE);

  display = sila_account_normalize_display_name (text_of (self->display_name_row), &e_name);
  ok = mark (self->display_name_row, self->display_name_error, e_name, &first_bad);
  sila_roles_check_assigned (roles, &e_roles);
  ok &= mark (self->roles_group, self->roles_error, e_roles, &first_bad);

  if (self->staff != NULL)
    {
      if (!ok)
        {
          gtk_widget_grab_focus (first_bad);
          return;
        }

      if (!sila_store_update_staff (store, actor, self->staff->id, self->staff->rev, display,
                                    roles, &error))
        {
          if (g_error_matches (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DENIED) &&
              (self->staff->roles & SILA_ROLE_ADMIN) && !(roles & SILA_ROLE_ADMIN))
            mark (self->roles_group, self->roles_error, error, NULL);
          else
            show_general_error (self, error);
          return;
        }

      reload (self);
      changed (self);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  username = sila_account_normalize_username (text_of (self->username_row), &e_user);
  ok &= mark (self->username_row, self->username_error, e_user, &first_bad);
  prepared = sila_account_check_new_password (text_of (self->password_row),
                                              username != NULL ? username
                                                               : text_of (self->username_row),
                                              &e_password);
  ok &= mark (self->password_row, self->password_error, e_password, &first_bad);
  if (prepared != NULL)
    sila_account_check_confirmation (text_of (self->password_row), text_of (self->confirm_row),
                                     &e_confirm);
  ok &= mark (self->confirm_row, self->confirm_error, e_confirm, &first_bad);

  if (!ok)
    {
      gtk_widget_grab_focus (first_bad);
      return;
    }

  {
    g_autoptr(SilaStaff) added = NULL;

    added = sila_store_add_staff (store, actor, username, display, roles,
                                  text_of (self->password_row),
                                  gtk_switch_get_active (self->must_change_switch), &error);
    if (added == NULL)
      {
        if (g_error_matches (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DUPLICATE))
          mark (self->username_row, self->username_error, error, NULL);
        else if (g_error_matches (error, SILA_STORE_ERROR, SILA_STORE_ERROR_INVALID))
          mark (self->roles_group, self->roles_error, error, NULL);
        else
          show_general_error (self, error);
        return;
      }
  }

  changed (self);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
reset_password_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SilaStaffWindow *self = SILA_STAFF_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *prepared = NULL;
  g_autofree char *done = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->reset_done), FALSE);
  prepared = sila_account_check_new_password (text_of (self->reset_row), self->staff->username,
                                              &error);
  if (prepared == NULL ||
      !sila_store_reset_staff_password (sila_session_get_store (self->session),
                                        sila_session_get_actor (self->session), self->staff->id,
                                        text_of (self->reset_row), &error))
    {
      if (error->domain == SILA_VALIDATION_ERROR)
        mark (self->reset_row, self->reset_error, error, NULL);
      else
        show_general_error (self, error);
      return;
    }

  mark (self->reset_row, self->reset_error, NULL, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->reset_row), "");
  done = g_strdup_printf (_("%s has a new password, and will choose their own at the next "
                            "sign-in."),
                          self->staff->display_name);
  gtk_label_set_label (self->reset_done, done);
  gtk_widget_set_visible (GTK_WIDGET (self->reset_done), TRUE);
  reload (self);
  changed (self);
}

static void
set_active (SilaStaffWindow *self,
            gboolean         active)
{
  g_autoptr(GError) error = NULL;

  if (!sila_store_set_staff_active (sila_session_get_store (self->session),
                                    sila_session_get_actor (self->session), self->staff->id,
                                    active, &error))
    {
      show_general_error (self, error);
      return;
    }

  reload (self);
  changed (self);
}

static void
deactivate_response_cb (SilaStaffWindow  *self,
                        const char       *response,
                        AdwMessageDialog *dialog)
{
  if (g_str_equal (response, "deactivate"))
    set_active (self, FALSE);
}

static void
toggle_active_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SilaStaffWindow *self = SILA_STAFF_WINDOW (widget);
  AdwMessageDialog *dialog;
  g_autofree char *heading = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->general_error), FALSE);
  if (!self->staff->active)
    {
      set_active (self, TRUE);
      return;
    }

  heading = g_strdup_printf (_("Deactivate %s?"), self->staff->display_name);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading,
                                                       _("They will no longer be able to sign "
                                                         "in. Their work and its history stay; "
                                                         "the account can be activated again.")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"),
                                    "deactivate", _("_Deactivate"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "deactivate", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (deactivate_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
sila_staff_window_dispose (GObject *object)
{
  SilaStaffWindow *self = (SilaStaffWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SILA_TYPE_STAFF_WINDOW);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (sila_staff_window_parent_class)->dispose (object);
}

static void
sila_staff_window_finalize (GObject *object)
{
  SilaStaffWindow *self = (SilaStaffWindow *)object;

  g_clear_pointer (&self->staff, sila_staff_free);

  G_OBJECT_CLASS (sila_staff_window_parent_class)->finalize (object);
}

static void
sila_staff_window_class_init (SilaStaffWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sila_staff_window_dispose;
  object_class->finalize = sila_staff_window_finalize;

  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/sila-staff-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SilaStaffWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, SilaStaffWindow, display_name_row);
  gtk_widget_class_bind_template_child (widget_class, SilaStaffWindow, display_name_error);
  gtk_widget_class_bind_template_child (widget_class, SilaStaffWindow, username_row);
  gtk_widget_class_bind_template_child (widget_class, SilaStaffWindow, username_error);
  gtk_widget_class_bind_template_child (widget_class, SilaStaffWindow, roles_group);
  gtk_widget_class_bind_template_child (widget_class, SilaStaffWindow, roles_error);
  gtk_widget_class_bind_template_child (widget_class, SilaStaffWindow, new_password_box);
  gtk_widget_class_bind_template_child (widget_class, SilaStaffWindow, password_row);
  gtk_widget_class_bind_template_child (widget_class, SilaStaffWindow, password_error);
  gtk_widget_class_bind_template_child (widget_class, SilaStaffWindow, confirm_row);
  gtk_widget_class_bind_template_child (widget_class, SilaStaffWindow, confirm_error);
  gtk_widget_class_bind_template_child (widget_class, SilaStaffWindow, must_change_switch);
  gtk_widget_class_bind_template_child (widget_class, SilaStaffWindow, general_error);
  gtk_widget_class_bind_template_child (widget_class, SilaStaffWindow, save_button);
  gtk_widget_class_bind_template_child (widget_class, SilaStaffWindow, existing_box);
  gtk_widget_class_bind_template_child (widget_class, SilaStaffWindow, reset_row);
  gtk_widget_class_bind_template_child (widget_class, SilaStaffWindow, reset_error);
  gtk_widget_class_bind_template_child (widget_class, SilaStaffWindow, reset_done);
  gtk_widget_class_bind_template_child (widget_class, SilaStaffWindow, active_button);

  gtk_widget_class_install_action (widget_class, "staff.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "staff.reset-password", NULL,
                                   reset_password_action);
  gtk_widget_class_install_action (widget_class, "staff.toggle-active", NULL,
                                   toggle_active_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sila_staff_window_init (SilaStaffWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The roles, named as the one table in src/core names them. */
  for (guint i = 0; i < SILA_N_ROLES; i++)
    {
      AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sila_role_to_display (1 << i));
      adw_action_row_add_prefix (row, check);
      adw_action_row_set_activatable_widget (row, check);
      gtk_widget_set_name (check, sila_role_to_code (1 << i));
      adw_preferences_group_add (self->roles_group, GTK_WIDGET (row));
      self->role_checks[i] = GTK_CHECK_BUTTON (check);
    }

  gtk_widget_set_direction (GTK_WIDGET (self->username_row), GTK_TEXT_DIR_LTR);
}

SilaStaffWindow *
sila_staff_window_new (GtkWindow       *parent,
                       SilaSession     *session,
                       const SilaStaff *staff)
{
  SilaStaffWindow *self;
  gint64 n_staff = 0;

  g_return_val_if_fail (SILA_IS_SESSION (session), NULL);

  self = g_object_new (SILA_TYPE_STAFF_WINDOW, "transient-for", parent, NULL);
  self->session = g_object_ref (session);

  if (staff != NULL)
    {
      self->staff = g_new0 (SilaStaff, 1);
      self->staff->id = g_strdup (staff->id);
      self->staff->username = g_strdup (staff->username);
      self->staff->display_name = g_strdup (staff->display_name);
      self->staff->roles = staff->roles;
      self->staff->active = staff->active;
      self->staff->rev = staff->rev;
      gtk_editable_set_text (GTK_EDITABLE (self->display_name_row), staff->display_name);
      gtk_editable_set_text (GTK_EDITABLE (self->username_row), staff->username);
      for (guint i = 0; i < SILA_N_ROLES; i++)
        gtk_check_button_set_active (self->role_checks[i], (staff->roles & (1 << i)) != 0);
    }
  else if (sila_store_count_staff (sila_session_get_store (session), &n_staff, NULL) &&
           n_staff == 0)
    {
      /* The first account administers the others. */
      gtk_check_button_set_active (self->role_checks[4], TRUE);
      gtk_switch_set_active (self->must_change_switch, FALSE);
    }

  update_existing (self);
  return self;
}
