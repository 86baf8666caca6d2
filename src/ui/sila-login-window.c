/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-ui"

#include "sila-config.h"

#include <glib/gi18n.h>

#include "sila-login-window.h"

struct _SilaLoginWindow
{
  AdwApplicationWindow  parent_instance;

  SilaStore            *store;

  /* Template widgets */
  AdwWindowTitle       *window_title;
  SilaSignInPage       *page;
};

G_DEFINE_FINAL_TYPE (SilaLoginWindow, sila_login_window, ADW_TYPE_APPLICATION_WINDOW)

static void
sila_login_window_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (sila_login_window_parent_class)->map (widget);

  /* Typing goes to the user name at once, not to the menu button. */
  sila_sign_in_page_focus (SILA_LOGIN_WINDOW (widget)->page);
}

static void
sila_login_window_dispose (GObject *object)
{
  SilaLoginWindow *self = (SilaLoginWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SILA_TYPE_LOGIN_WINDOW);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sila_login_window_parent_class)->dispose (object);
}

static void
sila_login_window_class_init (SilaLoginWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sila_login_window_dispose;
  widget_class->map = sila_login_window_map;

  g_type_ensure (SILA_TYPE_SIGN_IN_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/sila-login-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SilaLoginWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, SilaLoginWindow, page);
}

static void
sila_login_window_init (SilaLoginWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

SilaLoginWindow *
sila_login_window_new (GtkApplication *application,
                       SilaStore      *store)
{
  SilaLoginWindow *self;
  g_autofree char *basename = NULL;

  g_return_val_if_fail (SILA_IS_STORE (store), NULL);

  self = g_object_new (SILA_TYPE_LOGIN_WINDOW, "application", application, NULL);
  self->store = g_object_ref (store);
  sila_sign_in_page_set_store (self->page, store);

  basename = g_path_get_basename (sila_store_get_path (store));
  adw_window_title_set_subtitle (self->window_title, basename);

  return self;
}

SilaSignInPage *
sila_login_window_get_page (SilaLoginWindow *self)
{
  g_return_val_if_fail (SILA_IS_LOGIN_WINDOW (self), NULL);

  return self->page;
}

SilaStore *
sila_login_window_get_store (SilaLoginWindow *self)
{
  g_return_val_if_fail (SILA_IS_LOGIN_WINDOW (self), NULL);

  return self->store;
}
