/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-ui"

#include "sila-config.h"

#include <glib/gi18n.h>

#include "sila-account.h"
#include "sila-field-error.h"
#include "sila-setup-window.h"
#include "sila-store-staff.h"

struct _SilaSetupWindow
{
  AdwApplicationWindow  parent_instance;

  SilaStore            *store;
  char                 *shown_association;

  /* Template widgets */
  AdwEntryRow          *association_row;
  GtkLabel             *association_error;
  AdwEntryRow          *display_name_row;
  GtkLabel             *display_name_error;
  AdwEntryRow          *username_row;
  GtkLabel             *username_error;
  GtkWidget            *password_row;
  GtkLabel             *password_error;
  GtkWidget            *confirm_row;
  GtkLabel             *confirm_error;
  GtkLabel             *general_error;
};

G_DEFINE_FINAL_TYPE (SilaSetupWindow, sila_setup_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
text_of (gpointer row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

/* Shows @error beside @row, or clears it; TRUE if there was none. */
static gboolean
mark (gpointer      row,
      GtkLabel     *label,
      const GError *error,
      GtkWidget   **first_bad)
{
  if (error == NULL)
    {
      sila_field_error_clear (GTK_WIDGET (row), label);
      return TRUE;
    }

  sila_field_error_show (GTK_WIDGET (row), label, error);
  if (*first_bad == NULL)
    *first_bad = GTK_WIDGET (row);
  return FALSE;
}

static gboolean
check_association (SilaSetupWindow  *self,
                   GtkWidget       **first_bad)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = sila_policy_normalize_setting (SILA_SETTING_ASSOCIATION_NAME,
                                                         text_of (self->association_row), &error);

  return mark (self->association_row, self->association_error, error, first_bad);
}

static void
show_general_error (SilaSetupWindow *self,
                    const GError    *error)
{
  gtk_label_set_label (self->general_error, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->general_error), TRUE);
}

/* Every field is checked on its own, so that every problem shows at once,
 * each beside its field; nothing is saved unless all are right. */
static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SilaSetupWindow *self = SILA_SETUP_WINDOW (widget);
  g_autoptr(GError) e_name = NULL;
  g_autoptr(GError) e_user = NULL;
  g_autoptr(GError) e_password = NULL;
  g_autoptr(GError) e_confirm = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *display = NULL;
  g_autofree char *username = NULL;
  g_autofree char *prepared = NULL;
  g_autoptr(SilaStaff) staff = NULL;
  g_autoptr(SilaActor) actor = NULL;
  GtkWidget *first_bad = NULL;
  gboolean ok;

  gtk_widget_set_visible (GTK_WIDGET (self->general_error), FALSE);

  ok = check_association (self, &first_bad);
  display = sila_account_normalize_display_name (text_of (self->display_name_row), &e_name);
  ok &= mark (self->display_name_row, self->display_name_error, e_name, &first_bad);
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

  staff = sila_store_create_first_admin (self->store, text_of (self->association_row), username,
                                         display, text_of (self->password_row), &error);
  if (staff == NULL)
    {
      if (g_error_matches (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DUPLICATE))
        mark (self->username_row, self->username_error, error, &first_bad);
      else
        show_general_error (self, error);
      return;
    }

  actor = sila_staff_to_actor (staff);
  g_signal_emit (self, signals[FINISHED], 0, actor);
}

static void
without_accounts_response_cb (SilaSetupWindow  *self,
                              const char       *response,
                              AdwMessageDialog *dialog)
{
  g_autoptr(SilaActor) owner = sila_actor_new_owner ();
  g_autoptr(GError) error = NULL;
  g_autofree char *flag = NULL;

  if (!g_str_equal (response, "without"))
    return;

  flag = sila_store_get_setting (self->store, SILA_SETTING_NO_ACCOUNTS, NULL);
  if (!sila_store_set_setting (self->store, owner, SILA_SETTING_ASSOCIATION_NAME,
                               self->shown_association, text_of (self->association_row), &error) ||
      !sila_store_set_setting (self->store, owner, SILA_SETTING_NO_ACCOUNTS, flag, "1", &error))
    {
      show_general_error (self, error);
      return;
    }

  g_signal_emit (self, signals[FINISHED], 0, owner);
}

static void
without_accounts_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  SilaSetupWindow *self = SILA_SETUP_WINDOW (widget);
  GtkWidget *first_bad = NULL;
  AdwMessageDialog *dialog;

  gtk_widget_set_visible (GTK_WIDGET (self->general_error), FALSE);
  if (!check_association (self, &first_bad))
    {
      gtk_widget_grab_focus (first_bad);
      return;
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Work Without Staff Accounts?"),
                                                       NULL));
  adw_message_dialog_set_body (dialog,
                               _("Anyone who can use this computer will see and change every "
                                 "beneficiary file, and the audit trail will not say who did "
                                 "what. Choose this only for a laptop that one person uses, with "
                                 "its disk encrypted. An administrator account can be added "
                                 "later in Preferences."));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "without", _("_Work Without Accounts"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "without", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (without_accounts_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
sila_setup_window_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (sila_setup_window_parent_class)->map (widget);

  gtk_widget_grab_focus (GTK_WIDGET (SILA_SETUP_WINDOW (widget)->display_name_row));
}

static void
sila_setup_window_dispose (GObject *object)
{
  SilaSetupWindow *self = (SilaSetupWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SILA_TYPE_SETUP_WINDOW);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sila_setup_window_parent_class)->dispose (object);
}

static void
sila_setup_window_finalize (GObject *object)
{
  SilaSetupWindow *self = (SilaSetupWindow *)object;

  g_free (self->shown_association);

  G_OBJECT_CLASS (sila_setup_window_parent_class)->finalize (object);
}

static void
sila_setup_window_class_init (SilaSetupWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sila_setup_window_dispose;
  object_class->finalize = sila_setup_window_finalize;
  widget_class->map = sila_setup_window_map;

  /**
   * SilaSetupWindow::finished:
   * @actor: the new administrator, or the owner when the office chose to
   *   work without accounts
   */
  signals[FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, SILA_TYPE_ACTOR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/sila-setup-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SilaSetupWindow, association_row);
  gtk_widget_class_bind_template_child (widget_class, SilaSetupWindow, association_error);
  gtk_widget_class_bind_template_child (widget_class, SilaSetupWindow, display_name_row);
  gtk_widget_class_bind_template_child (widget_class, SilaSetupWindow, display_name_error);
  gtk_widget_class_bind_template_child (widget_class, SilaSetupWindow, username_row);
  gtk_widget_class_bind_template_child (widget_class, SilaSetupWindow, username_error);
  gtk_widget_class_bind_template_child (widget_class, SilaSetupWindow, password_row);
  gtk_widget_class_bind_template_child (widget_class, SilaSetupWindow, password_error);
  gtk_widget_class_bind_template_child (widget_class, SilaSetupWindow, confirm_row);
  gtk_widget_class_bind_template_child (widget_class, SilaSetupWindow, confirm_error);
  gtk_widget_class_bind_template_child (widget_class, SilaSetupWindow, general_error);

  gtk_widget_class_install_action (widget_class, "setup.create", NULL, create_action);
  gtk_widget_class_install_action (widget_class, "setup.without-accounts", NULL,
                                   without_accounts_action);
}

static void
sila_setup_window_init (SilaSetupWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_widget_set_direction (GTK_WIDGET (self->username_row), GTK_TEXT_DIR_LTR);
}

SilaSetupWindow *
sila_setup_window_new (GtkApplication *application,
                       SilaStore      *store)
{
  SilaSetupWindow *self;

  g_return_val_if_fail (SILA_IS_STORE (store), NULL);

  self = g_object_new (SILA_TYPE_SETUP_WINDOW, "application", application, NULL);
  self->store = g_object_ref (store);
  self->shown_association = sila_store_get_setting (store, SILA_SETTING_ASSOCIATION_NAME, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->association_row),
                         self->shown_association != NULL ? self->shown_association : "");

  return self;
}
