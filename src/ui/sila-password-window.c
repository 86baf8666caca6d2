/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-ui"

#include "sila-config.h"

#include <glib/gi18n.h>

#include "sila-account.h"
#include "sila-field-error.h"
#include "sila-password-window.h"
#include "sila-store-staff.h"
#include "sila-validation.h"

struct _SilaPasswordWindow
{
  AdwWindow   parent_instance;

  SilaStore  *store;
  SilaActor  *actor;

  /* Template widgets */
  GtkLabel   *intro_label;
  GtkWidget  *current_row;
  GtkLabel   *current_error;
  GtkWidget  *new_row;
  GtkLabel   *new_error;
  GtkWidget  *confirm_row;
  GtkLabel   *confirm_error;
  GtkLabel   *general_error;
};

G_DEFINE_FINAL_TYPE (SilaPasswordWindow, sila_password_window, ADW_TYPE_WINDOW)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
text_of (GtkWidget *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static gboolean
mark (GtkWidget     *row,
      GtkLabel      *label,
      const GError  *error,
      GtkWidget    **first_bad)
{
  if (error == NULL)
    {
      sila_field_error_clear (row, label);
      return TRUE;
    }

  sila_field_error_show (row, label, error);
  if (*first_bad == NULL)
    *first_bad = row;
  return FALSE;
}

static void
change_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SilaPasswordWindow *self = SILA_PASSWORD_WINDOW (widget);
  g_autoptr(GError) e_current = NULL;
  g_autoptr(GError) e_new = NULL;
  g_autoptr(GError) e_confirm = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *prepared = NULL;
  GtkWidget *first_bad = NULL;
  gboolean ok;

  gtk_widget_set_visible (GTK_WIDGET (self->general_error), FALSE);

  if (*text_of (self->current_row) == '\0')
    g_set_error_literal (&e_current, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_REQUIRED,
                         _("Enter your current password."));
  ok = mark (self->current_row, self->current_error, e_current, &first_bad);
  prepared = sila_account_check_new_password (text_of (self->new_row), self->actor->username,
                                              &e_new);
  ok &= mark (self->new_row, self->new_error, e_new, &first_bad);
  if (prepared != NULL)
    sila_account_check_confirmation (text_of (self->new_row), text_of (self->confirm_row),
                                     &e_confirm);
  ok &= mark (self->confirm_row, self->confirm_error, e_confirm, &first_bad);

  if (!ok)
    {
      gtk_widget_grab_focus (first_bad);
      return;
    }

  if (!sila_store_change_own_password (self->store, self->actor, text_of (self->current_row),
                                       text_of (self->new_row), &error))
    {
      if (g_error_matches (error, SILA_STORE_ERROR, SILA_STORE_ERROR_BAD_LOGIN))
        mark (self->current_row, self->current_error, error, &first_bad);
      else if (error->domain == SILA_VALIDATION_ERROR)
        mark (self->new_row, self->new_error, error, &first_bad);
      else
        {
          gtk_label_set_label (self->general_error, error->message);
          gtk_widget_set_visible (GTK_WIDGET (self->general_error), TRUE);
        }
      if (first_bad != NULL)
        gtk_widget_grab_focus (first_bad);
      return;
    }

  g_signal_emit (self, signals[CHANGED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
sila_password_window_dispose (GObject *object)
{
  SilaPasswordWindow *self = (SilaPasswordWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SILA_TYPE_PASSWORD_WINDOW);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sila_password_window_parent_class)->dispose (object);
}

static void
sila_password_window_finalize (GObject *object)
{
  SilaPasswordWindow *self = (SilaPasswordWindow *)object;

  g_clear_pointer (&self->actor, sila_actor_free);

  G_OBJECT_CLASS (sila_password_window_parent_class)->finalize (object);
}

static void
sila_password_window_class_init (SilaPasswordWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sila_password_window_dispose;
  object_class->finalize = sila_password_window_finalize;

  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/sila-password-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SilaPasswordWindow, intro_label);
  gtk_widget_class_bind_template_child (widget_class, SilaPasswordWindow, current_row);
  gtk_widget_class_bind_template_child (widget_class, SilaPasswordWindow, current_error);
  gtk_widget_class_bind_template_child (widget_class, SilaPasswordWindow, new_row);
  gtk_widget_class_bind_template_child (widget_class, SilaPasswordWindow, new_error);
  gtk_widget_class_bind_template_child (widget_class, SilaPasswordWindow, confirm_row);
  gtk_widget_class_bind_template_child (widget_class, SilaPasswordWindow, confirm_error);
  gtk_widget_class_bind_template_child (widget_class, SilaPasswordWindow, general_error);

  gtk_widget_class_install_action (widget_class, "password.change", NULL, change_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sila_password_window_init (SilaPasswordWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

SilaPasswordWindow *
sila_password_window_new (GtkWindow       *parent,
                          SilaStore       *store,
                          const SilaActor *actor,
                          gboolean         forced)
{
  SilaPasswordWindow *self;
  g_autofree char *intro = NULL;

  g_return_val_if_fail (SILA_IS_STORE (store), NULL);
  g_return_val_if_fail (actor != NULL, NULL);

  self = g_object_new (SILA_TYPE_PASSWORD_WINDOW, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->actor = sila_actor_copy (actor);

  if (forced)
    intro = g_strdup_printf (_("%s, an administrator reset your password. Choose your own "
                               "before you go on: at least %d characters; a short sentence is "
                               "easy to remember and hard to guess."),
                             actor->display_name, SILA_PASSWORD_MIN_CHARS);
  else
    intro = g_strdup_printf (_("At least %d characters; a short sentence is easy to remember "
                               "and hard to guess."),
                             SILA_PASSWORD_MIN_CHARS);
  gtk_label_set_label (self->intro_label, intro);

  return self;
}
