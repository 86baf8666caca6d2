/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-ui"

#include "sila-config.h"

#include <glib/gi18n.h>

#include "sila-field-error.h"
#include "sila-sign-in-page.h"
#include "sila-store-staff.h"

struct _SilaSignInPage
{
  AdwBin       parent_instance;

  SilaStore   *store;
  SilaActor   *locked;     /* who locked the window, or NULL */

  /* Template widgets */
  GtkImage    *icon;
  GtkLabel    *association_label;
  GtkLabel    *subtitle_label;
  GtkWidget   *username_group;
  AdwEntryRow *username_row;
  GtkLabel    *username_error;
  GtkWidget   *password_row;
  GtkLabel    *password_error;
  GtkButton   *submit_button;
  GtkWidget   *other_user_button;
};

G_DEFINE_FINAL_TYPE (SilaSignInPage, sila_sign_in_page, ADW_TYPE_BIN)

enum {
  SIGNED_IN,
  OTHER_USER,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_texts (SilaSignInPage *self)
{
  g_autofree char *name = NULL;

  if (self->store != NULL)
    name = sila_store_get_setting (self->store, SILA_SETTING_ASSOCIATION_NAME, "");
  gtk_label_set_label (self->association_label, name != NULL ? name : "");

  if (self->locked != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Locked to protect personal data. %s, type "
                                                 "your password to go on."),
                                               self->locked->display_name);

      gtk_label_set_label (self->subtitle_label, text);
      gtk_image_set_from_icon_name (self->icon, "system-lock-screen-symbolic");
      gtk_button_set_label (self->submit_button, _("_Unlock"));
    }
  else
    {
      gtk_label_set_label (self->subtitle_label, _("Sign in with your staff account."));
      gtk_image_set_from_icon_name (self->icon, APP_ID);
      gtk_button_set_label (self->submit_button, _("_Sign In"));
    }

  gtk_widget_set_visible (self->username_group, self->locked == NULL);
  gtk_widget_set_visible (self->other_user_button, self->locked != NULL);
}

static void
clear_errors (SilaSignInPage *self)
{
  sila_field_error_clear (GTK_WIDGET (self->username_row), self->username_error);
  sila_field_error_clear (self->password_row, self->password_error);
}

static void
submit (SilaSignInPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaStaff) staff = NULL;
  g_autoptr(SilaActor) actor = NULL;
  g_autofree char *trimmed = NULL;
  const char *username;
  const char *password;

  g_return_if_fail (self->store != NULL);

  clear_errors (self);
  username = self->locked != NULL ? self->locked->username
                                  : gtk_editable_get_text (GTK_EDITABLE (self->username_row));
  password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));

  trimmed = g_strstrip (g_strdup (username));
  if (*trimmed == '\0')
    {
      g_set_error_literal (&error, SILA_STORE_ERROR, SILA_STORE_ERROR_BAD_LOGIN,
                           _("Enter your user name."));
      sila_field_error_show (GTK_WIDGET (self->username_row), self->username_error, error);
      gtk_widget_grab_focus (GTK_WIDGET (self->username_row));
      return;
    }
  if (*password == '\0')
    {
      g_set_error_literal (&error, SILA_STORE_ERROR, SILA_STORE_ERROR_BAD_LOGIN,
                           _("Enter your password."));
      sila_field_error_show (self->password_row, self->password_error, error);
      gtk_widget_grab_focus (self->password_row);
      return;
    }

  staff = sila_store_authenticate (self->store, username, password, &error);
  if (staff == NULL)
    {
      /* A closed account is about the name; anything else, the password. */
      if (g_error_matches (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DENIED) &&
          self->locked == NULL)
        {
          sila_field_error_show (GTK_WIDGET (self->username_row), self->username_error, error);
          gtk_widget_grab_focus (GTK_WIDGET (self->username_row));
        }
      else
        {
          sila_field_error_show (self->password_row, self->password_error, error);
          gtk_widget_grab_focus (self->password_row);
          gtk_editable_select_region (GTK_EDITABLE (self->password_row), 0, -1);
        }
      return;
    }

  actor = sila_staff_to_actor (staff);
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  g_signal_emit (self, signals[SIGNED_IN], 0, actor, staff->must_change_password);
}

static void
submit_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  submit (SILA_SIGN_IN_PAGE (widget));
}

static void
other_user_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  g_signal_emit (widget, signals[OTHER_USER], 0);
}

static void
username_activated_cb (SilaSignInPage *self)
{
  gtk_widget_grab_focus (self->password_row);
}

static void
password_activated_cb (SilaSignInPage *self)
{
  submit (self);
}

static void
sila_sign_in_page_dispose (GObject *object)
{
  SilaSignInPage *self = (SilaSignInPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SILA_TYPE_SIGN_IN_PAGE);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sila_sign_in_page_parent_class)->dispose (object);
}

static void
sila_sign_in_page_finalize (GObject *object)
{
  SilaSignInPage *self = (SilaSignInPage *)object;

  g_clear_pointer (&self->locked, sila_actor_free);

  G_OBJECT_CLASS (sila_sign_in_page_parent_class)->finalize (object);
}

static void
sila_sign_in_page_class_init (SilaSignInPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sila_sign_in_page_dispose;
  object_class->finalize = sila_sign_in_page_finalize;

  /**
   * SilaSignInPage::signed-in:
   * @actor: who signed in
   * @must_change_password: an administrator reset the password; a new one
   *   must be chosen before anything else
   */
  signals[SIGNED_IN] =
    g_signal_new ("signed-in", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, SILA_TYPE_ACTOR, G_TYPE_BOOLEAN);
  signals[OTHER_USER] =
    g_signal_new ("other-user", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/sila-sign-in-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SilaSignInPage, icon);
  gtk_widget_class_bind_template_child (widget_class, SilaSignInPage, association_label);
  gtk_widget_class_bind_template_child (widget_class, SilaSignInPage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, SilaSignInPage, username_group);
  gtk_widget_class_bind_template_child (widget_class, SilaSignInPage, username_row);
  gtk_widget_class_bind_template_child (widget_class, SilaSignInPage, username_error);
  gtk_widget_class_bind_template_child (widget_class, SilaSignInPage, password_row);
  gtk_widget_class_bind_template_child (widget_class, SilaSignInPage, password_error);
  gtk_widget_class_bind_template_child (widget_class, SilaSignInPage, submit_button);
  gtk_widget_class_bind_template_child (widget_class, SilaSignInPage, other_user_button);
  gtk_widget_class_bind_template_callback (widget_class, username_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, password_activated_cb);

  gtk_widget_class_install_action (widget_class, "sign-in.submit", NULL, submit_action);
  gtk_widget_class_install_action (widget_class, "sign-in.other-user", NULL, other_user_action);
}

static void
sila_sign_in_page_init (SilaSignInPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* User names are Latin: they read left to right in an Arabic form. */
  gtk_widget_set_direction (GTK_WIDGET (self->username_row), GTK_TEXT_DIR_LTR);
  update_texts (self);
}

SilaSignInPage *
sila_sign_in_page_new (SilaStore *store)
{
  SilaSignInPage *self = g_object_new (SILA_TYPE_SIGN_IN_PAGE, NULL);

  sila_sign_in_page_set_store (self, store);
  return self;
}

void
sila_sign_in_page_set_store (SilaSignInPage *self,
                             SilaStore      *store)
{
  g_return_if_fail (SILA_IS_SIGN_IN_PAGE (self));

  g_set_object (&self->store, store);
  update_texts (self);
}

/* @actor: the person who locked the window, or NULL for a plain sign-in. */
void
sila_sign_in_page_set_locked (SilaSignInPage  *self,
                              const SilaActor *actor)
{
  g_return_if_fail (SILA_IS_SIGN_IN_PAGE (self));

  g_clear_pointer (&self->locked, sila_actor_free);
  if (actor != NULL)
    self->locked = sila_actor_copy (actor);

  clear_errors (self);
  update_texts (self);
}

/* Forgets the password typed (and the errors), keeping the user name. */
void
sila_sign_in_page_clear (SilaSignInPage *self)
{
  g_return_if_fail (SILA_IS_SIGN_IN_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  clear_errors (self);
}

/* Puts the cursor where typing starts: the user name, or the password
 * when the name is known. */
void
sila_sign_in_page_focus (SilaSignInPage *self)
{
  g_return_if_fail (SILA_IS_SIGN_IN_PAGE (self));

  if (self->locked != NULL || *gtk_editable_get_text (GTK_EDITABLE (self->username_row)) != '\0')
    gtk_widget_grab_focus (self->password_row);
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->username_row));
}

void
sila_sign_in_page_submit (SilaSignInPage *self)
{
  g_return_if_fail (SILA_IS_SIGN_IN_PAGE (self));

  submit (self);
}
