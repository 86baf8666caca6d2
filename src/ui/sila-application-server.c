/* SPDX-License-Identifier: GPL-3.0-or-later */
/* "Open Office Server…" (app.open-server): several desks share an office
 * database on a PostgreSQL server. The address typed in the server window
 * is remembered in the settings as a keyword string without a password;
 * the password goes to the desktop's keyring (libsecret), and is read from
 * there at the next start. Where there is no keyring (a bare session), the
 * server window simply asks for it again, and libpq's own ~/.pgpass still
 * works. libsecret (and libgcrypt behind it) is loaded when a password is
 * first kept or read, not at every start; without it, as without a keyring. */
#define G_LOG_DOMAIN "sila-ui"

#include "sila-config.h"

#include <glib/gi18n.h>
#include <gmodule.h>
#include <libsecret/secret.h>

#include "sila-application-private.h"
#include "sila-server-address.h"
#include "sila-server-window.h"
#include "sila-settings.h"

/* One password per server address (host, port, database, user). */
static const SecretSchema *
server_schema (void)
{
  static const SecretSchema schema = {
    "org.sila.Desk.ServerPassword", SECRET_SCHEMA_NONE,
    {
      { "conninfo", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "NULL", 0 },
    },
    0, NULL, NULL, NULL, NULL, NULL, NULL, NULL
  };

  return &schema;
}

/* The functions of libsecret this file calls. */
typedef struct
{
  __typeof__ (secret_password_store) *store;
  __typeof__ (secret_password_store_finish) *store_finish;
  __typeof__ (secret_password_lookup) *lookup;
  __typeof__ (secret_password_lookup_finish) *lookup_finish;
  __typeof__ (secret_password_free) *free;
} Keyring;

static gpointer
load_keyring (gpointer data)
{
  static Keyring table;
  GModule *module = g_module_open ("libsecret-1.so.0", G_MODULE_BIND_LOCAL);

  if (module == NULL)
    {
      g_message ("No keyring library: %s", g_module_error ());
      return NULL;
    }
  if (!g_module_symbol (module, "secret_password_store", (gpointer *)&table.store) ||
      !g_module_symbol (module, "secret_password_store_finish", (gpointer *)&table.store_finish) ||
      !g_module_symbol (module, "secret_password_lookup", (gpointer *)&table.lookup) ||
      !g_module_symbol (module, "secret_password_lookup_finish",
                        (gpointer *)&table.lookup_finish) ||
      !g_module_symbol (module, "secret_password_free", (gpointer *)&table.free))
    {
      g_message ("The keyring library lacks a function: %s", g_module_error ());
      g_module_close (module);
      return NULL;
    }
  g_module_make_resident (module);
  return &table;
}

/* libsecret's functions, or NULL where it cannot be loaded. */
static const Keyring *
keyring (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, load_keyring, NULL);
}

gboolean
sila_application_is_remembered_server (const char *location)
{
  g_autoptr(SilaServerAddress) address = sila_server_address_from_conninfo (location);

  return address != NULL;
}

static void
password_stored_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(SilaApplication) self = user_data;
  g_autoptr(GError) error = NULL;

  if (result == NULL || !keyring ()->store_finish (result, &error))
    {
      g_autofree char *text = NULL;

      if (error != NULL)
        g_message ("The server's password was not kept in the keyring: %s", error->message);
      text = g_strdup (_("The password could not be kept in this computer’s keyring: it will "
                         "be asked for at the next start."));
      sila_application_add_toast_everywhere (self, text);
    }
}

static void
server_opened_cb (SilaApplication  *self,
                  SilaStore        *store,
                  const char       *conninfo,
                  const char       *password,
                  SilaServerWindow *window)
{
  if (password != NULL && *password != '\0')
    {
      g_autoptr(SilaServerAddress) address = sila_server_address_from_conninfo (conninfo);
      g_autofree char *description = sila_server_address_describe (address);
      /* Translators: the label of the password in the desktop's keyring;
       * %s is user@server/database */
      g_autofree char *label = g_strdup_printf (_("Sila Desk: %s"), description);

      if (keyring () != NULL)
        keyring ()->store (server_schema (), SECRET_COLLECTION_DEFAULT, label, password, NULL,
                           password_stored_cb, g_object_ref (self),
                           "conninfo", conninfo, NULL);
      else
        password_stored_cb (NULL, NULL, g_object_ref (self));
    }

  /* Whatever was open closes: the office's server takes its place. */
  sila_application_end_session (self);
  sila_application_adopt_store (self, store, conninfo, TRUE);
}

static SilaServerWindow *
show_server_window (SilaApplication *self,
                    const char      *conninfo)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  SilaServerWindow *window;

  if (parent != NULL && SILA_IS_SERVER_WINDOW (parent))
    return SILA_SERVER_WINDOW (parent);

  window = sila_server_window_new (parent, conninfo);
  gtk_window_set_application (GTK_WINDOW (window), GTK_APPLICATION (self));
  g_signal_connect_object (window, "opened", G_CALLBACK (server_opened_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

typedef struct
{
  SilaApplication  *app;
  SilaServerWindow *window;
} Lookup;

static void
password_found_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Lookup *lookup = user_data;
  g_autoptr(GError) error = NULL;
  char *password = result != NULL ? keyring ()->lookup_finish (result, &error) : NULL;

  if (error != NULL)
    g_message ("No keyring to read the server's password from: %s", error->message);

  /* Connect with what the keyring holds; without it, libpq's own files
   * may still have one, and a refusal is shown beside the password. */
  if (lookup->window != NULL)
    sila_server_window_connect_with (lookup->window, password);

  if (password != NULL)
    keyring ()->free (password);
  g_clear_weak_pointer (&lookup->window);
  g_application_release (G_APPLICATION (lookup->app));
  g_object_unref (lookup->app);
  g_free (lookup);
}

void
sila_application_open_server (SilaApplication *self,
                              const char      *conninfo)
{
  SilaServerWindow *window = show_server_window (self, conninfo);
  Lookup *lookup;

  if (conninfo == NULL)
    return;

  lookup = g_new0 (Lookup, 1);
  lookup->app = g_object_ref (self);
  g_set_weak_pointer (&lookup->window, window);
  /* Keeps the app alive while the keyring answers, before any window. */
  g_application_hold (G_APPLICATION (self));
  if (keyring () != NULL)
    keyring ()->lookup (server_schema (), NULL, password_found_cb, lookup,
                        "conninfo", conninfo, NULL);
  else
    password_found_cb (NULL, NULL, lookup);
}

void
sila_application_open_server_action (GSimpleAction *action,
                                     GVariant      *parameter,
                                     gpointer       user_data)
{
  SilaApplication *self = SILA_APPLICATION (user_data);
  GSettings *settings = sila_settings_get ();
  g_autofree char *last = settings != NULL ? g_settings_get_string (settings, "last-database")
                                           : NULL;

  show_server_window (self, sila_application_is_remembered_server (last) ? last : NULL);
}
