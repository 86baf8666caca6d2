/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-ui"

#include "sila-config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "sila-field-error.h"
#include "sila-server-address.h"
#include "sila-server-window.h"
#include "sila-store.h"

struct _SilaServerWindow
{
  AdwWindow             parent_instance;

  GCancellable         *cancellable;

  /* Template widgets */
  AdwEntryRow          *host_row;
  GtkLabel             *host_error;
  AdwEntryRow          *port_row;
  GtkLabel             *port_error;
  AdwEntryRow          *database_row;
  GtkLabel             *database_error;
  AdwEntryRow          *user_row;
  GtkLabel             *user_error;
  AdwPasswordEntryRow  *password_row;
  GtkLabel             *password_error;
  GtkLabel             *general_error;
  GtkWidget            *form;
  GtkSpinner           *spinner;
  GtkLabel             *status_label;
};

G_DEFINE_FINAL_TYPE (SilaServerWindow, sila_server_window, ADW_TYPE_WINDOW)

enum {
  OPENED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  char *conninfo;
  char *password;
} Attempt;

static void
attempt_free (gpointer data)
{
  Attempt *attempt = data;

  g_free (attempt->conninfo);
  if (attempt->password != NULL)
    memset (attempt->password, 0, strlen (attempt->password));
  g_free (attempt->password);
  g_free (attempt);
}

static const char *
text_of (gpointer row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static void
clear_errors (SilaServerWindow *self)
{
  sila_field_error_clear (GTK_WIDGET (self->host_row), self->host_error);
  sila_field_error_clear (GTK_WIDGET (self->port_row), self->port_error);
  sila_field_error_clear (GTK_WIDGET (self->database_row), self->database_error);
  sila_field_error_clear (GTK_WIDGET (self->user_row), self->user_error);
  sila_field_error_clear (GTK_WIDGET (self->password_row), self->password_error);
  gtk_widget_set_visible (GTK_WIDGET (self->general_error), FALSE);
}

static void
set_busy (SilaServerWindow *self,
          const char       *status)
{
  gboolean busy = status != NULL;

  gtk_widget_set_sensitive (self->form, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), busy);
  gtk_label_set_text (self->status_label, status != NULL ? status : "");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "server.connect", !busy);
  gtk_editable_set_editable (GTK_EDITABLE (self->host_row), !busy);
  gtk_editable_set_editable (GTK_EDITABLE (self->port_row), !busy);
  gtk_editable_set_editable (GTK_EDITABLE (self->database_row), !busy);
  gtk_editable_set_editable (GTK_EDITABLE (self->user_row), !busy);
  gtk_editable_set_editable (GTK_EDITABLE (self->password_row), !busy);
}

/* Where a failure to connect is shown: beside the field to fix. */
static void
show_connect_error (SilaServerWindow *self,
                    const GError     *error)
{
  GtkWidget *row = NULL;
  GtkLabel *label = self->general_error;

  g_autoptr(GError) shown = NULL;

  /* The store's words name the address and quote the server; here the
   * fields are in front of the officer, so say plainly which to check. */
  if (g_error_matches (error, SILA_STORE_ERROR, SILA_STORE_ERROR_SERVER_LOGIN))
    {
      row = GTK_WIDGET (self->password_row);
      label = self->password_error;
      shown = g_error_new_literal (error->domain, error->code,
                                   *text_of (self->password_row) == '\0'
                                     ? _("The server asks for a password: type the one the "
                                         "office’s administrator gave you.")
                                     : _("The server refused this user name or password. "
                                         "Check both and try again."));
      error = shown;
    }
  else if (g_error_matches (error, SILA_STORE_ERROR, SILA_STORE_ERROR_CANNOT_OPEN))
    {
      row = GTK_WIDGET (self->host_row);
      label = self->host_error;
      shown = g_error_new_literal (error->domain, error->code,
                                   _("No office server answers at this address. Check the "
                                     "server’s name and port, and that the server is "
                                     "running, then try again."));
      error = shown;
    }
  else if (g_error_matches (error, SILA_STORE_ERROR, SILA_STORE_ERROR_NOT_FOUND))
    {
      row = GTK_WIDGET (self->database_row);
      label = self->database_error;
    }

  if (row != NULL)
    {
      sila_field_error_show (row, label, error);
      gtk_widget_grab_focus (row);
    }
  else
    {
      gtk_label_set_text (label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (label), TRUE);
    }
}

static void
open_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Attempt *attempt = task_data;
  GError *error = NULL;
  SilaStore *store;

  store = sila_store_open_server (attempt->conninfo, attempt->password,
                                  SILA_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, store, g_object_unref);
}

static void
opened_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  SilaServerWindow *self = SILA_SERVER_WINDOW (object);
  Attempt *attempt = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaStore) store = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, NULL);
  if (store == NULL)
    {
      show_connect_error (self, error);
      return;
    }

  g_signal_emit (self, signals[OPENED], 0, store, attempt->conninfo, attempt->password);
}

static void
connect_now (SilaServerWindow *self)
{
  g_autoptr(SilaFieldErrors) errors = sila_field_errors_new ();
  g_autoptr(SilaServerAddress) address = NULL;
  g_autoptr(GTask) task = NULL;
  g_autofree char *description = NULL;
  g_autofree char *status = NULL;
  Attempt *attempt;
  struct { const char *field; GtkWidget *row; GtkLabel *label; } fields[] = {
    { "host", GTK_WIDGET (self->host_row), self->host_error },
    { "port", GTK_WIDGET (self->port_row), self->port_error },
    { "database", GTK_WIDGET (self->database_row), self->database_error },
    { "user", GTK_WIDGET (self->user_row), self->user_error },
  };
  GtkWidget *first_bad = NULL;

  clear_errors (self);
  address = sila_server_address_parse (text_of (self->host_row), text_of (self->port_row),
                                       text_of (self->database_row), text_of (self->user_row),
                                       errors);
  if (address == NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
        {
          const GError *error = sila_field_errors_get (errors, fields[i].field);

          if (error == NULL)
            continue;
          sila_field_error_show (fields[i].row, fields[i].label, error);
          if (first_bad == NULL)
            first_bad = fields[i].row;
        }
      if (first_bad != NULL)
        gtk_widget_grab_focus (first_bad);
      return;
    }

  attempt = g_new0 (Attempt, 1);
  attempt->conninfo = sila_server_address_to_conninfo (address);
  /* An empty password leaves libpq to its own ~/.pgpass and service files. */
  if (*text_of (self->password_row) != '\0')
    attempt->password = g_strdup (text_of (self->password_row));

  description = sila_server_address_describe (address);
  /* Translators: %s is user@server/database */
  status = g_strdup_printf (_("Connecting to %s…"), description);
  set_busy (self, status);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, opened_cb, NULL);
  g_task_set_task_data (task, attempt, attempt_free);
  g_task_run_in_thread (task, open_in_thread);
}

static void
connect_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  connect_now (SILA_SERVER_WINDOW (widget));
}

static void
entry_activated_cb (SilaServerWindow *self)
{
  connect_now (self);
}

static void
sila_server_window_dispose (GObject *object)
{
  SilaServerWindow *self = SILA_SERVER_WINDOW (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (sila_server_window_parent_class)->dispose (object);
}

static void
sila_server_window_class_init (SilaServerWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sila_server_window_dispose;

  signals[OPENED] =
    g_signal_new ("opened", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 3,
                  SILA_TYPE_STORE, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/sa/org/sila/Desk/ui/sila-server-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SilaServerWindow, host_row);
  gtk_widget_class_bind_template_child (widget_class, SilaServerWindow, host_error);
  gtk_widget_class_bind_template_child (widget_class, SilaServerWindow, port_row);
  gtk_widget_class_bind_template_child (widget_class, SilaServerWindow, port_error);
  gtk_widget_class_bind_template_child (widget_class, SilaServerWindow, database_row);
  gtk_widget_class_bind_template_child (widget_class, SilaServerWindow, database_error);
  gtk_widget_class_bind_template_child (widget_class, SilaServerWindow, user_row);
  gtk_widget_class_bind_template_child (widget_class, SilaServerWindow, user_error);
  gtk_widget_class_bind_template_child (widget_class, SilaServerWindow, password_row);
  gtk_widget_class_bind_template_child (widget_class, SilaServerWindow, password_error);
  gtk_widget_class_bind_template_child (widget_class, SilaServerWindow, general_error);
  gtk_widget_class_bind_template_child (widget_class, SilaServerWindow, form);
  gtk_widget_class_bind_template_child (widget_class, SilaServerWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, SilaServerWindow, status_label);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);

  gtk_widget_class_install_action (widget_class, "server.connect", NULL, connect_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sila_server_window_init (SilaServerWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Addresses, ports and user names read left to right in an Arabic form. */
  gtk_widget_set_direction (GTK_WIDGET (self->host_row), GTK_TEXT_DIR_LTR);
  gtk_widget_set_direction (GTK_WIDGET (self->port_row), GTK_TEXT_DIR_LTR);
  gtk_widget_set_direction (GTK_WIDGET (self->user_row), GTK_TEXT_DIR_LTR);
}

SilaServerWindow *
sila_server_window_new (GtkWindow  *parent,
                        const char *last_conninfo)
{
  SilaServerWindow *self = g_object_new (SILA_TYPE_SERVER_WINDOW,
                                         "transient-for", parent,
                                         NULL);
  g_autoptr(SilaServerAddress) last = sila_server_address_from_conninfo (last_conninfo);

  if (parent == NULL)
    gtk_window_set_modal (GTK_WINDOW (self), FALSE);

  if (last != NULL)
    {
      g_autofree char *port = g_strdup_printf ("%u", last->port);

      gtk_editable_set_text (GTK_EDITABLE (self->host_row), last->host);
      if (last->port != SILA_SERVER_DEFAULT_PORT)
        gtk_editable_set_text (GTK_EDITABLE (self->port_row), port);
      gtk_editable_set_text (GTK_EDITABLE (self->database_row), last->database);
      gtk_editable_set_text (GTK_EDITABLE (self->user_row), last->user);
      gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
    }
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->host_row));

  return self;
}

void
sila_server_window_connect_with (SilaServerWindow *self,
                                 const char       *password)
{
  g_return_if_fail (SILA_IS_SERVER_WINDOW (self));

  gtk_editable_set_text (GTK_EDITABLE (self->password_row), password != NULL ? password : "");
  connect_now (self);
}
