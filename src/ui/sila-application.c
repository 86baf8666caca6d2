/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The application: which database, and who is working on it.
 *
 * A database with no staff account opens the first-run setup: the
 * association's name and the first administrator, or the owner's choice to
 * work without accounts on a laptop used by one person (remembered in the
 * database, and undone by adding the first account). A database with
 * accounts opens the sign-in window; no office data is shown before.
 *
 * What watches over the session has its own files: the idle lock
 * (sila-application-lock.c) and the daily backup and restore
 * (sila-application-backups.c); the app actions and their accelerators are
 * in sila-application-actions.c. */
#define G_LOG_DOMAIN "sila-ui"

#include "sila-config.h"

#include <stdlib.h>
#include <string.h>

#include "sila-application-private.h"
#include "sila-i18n.h"
#include "sila-idle-monitor.h"
#include "sila-login-window.h"
#include "sila-password-window.h"
#include "sila-paths.h"
#include "sila-problem-window.h"
#include "sila-settings.h"
#include "sila-setup-window.h"
#include "sila-store-staff.h"
#include "sila-window.h"

G_DEFINE_FINAL_TYPE (SilaApplication, sila_application, ADW_TYPE_APPLICATION)

/* The database to open when none was named: the last one the user chose in
 * the app, else the default one in their private data folder. */
static char *
choose_database_path (SilaApplication  *self,
                      GError          **error)
{
  GSettings *settings = sila_settings_get ();
  g_autofree char *dir = NULL;

  if (self->database_path != NULL)
    return g_strdup (self->database_path);

  if (settings != NULL)
    {
      g_autofree char *last = g_settings_get_string (settings, "last-database");

      if (*last != '\0' && g_file_test (last, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&last);
      /* The office's server, as "Open Office Server…" remembered it. */
      if (sila_application_is_remembered_server (last))
        return g_steal_pointer (&last);
    }

  dir = sila_paths_get_data_dir ();
  if (!sila_paths_ensure_private_dir (dir, error))
    return NULL;

  return sila_paths_get_default_database ();
}

/* A database created just now takes this computer's default answer window. */
static void
apply_new_database_defaults (SilaStore *store)
{
  GSettings *settings = sila_settings_get ();
  g_autoptr(SilaActor) owner = sila_actor_new_owner ();
  g_autofree char *current = NULL;
  g_autofree char *days = NULL;
  g_autoptr(GError) error = NULL;

  if (settings == NULL || !sila_store_was_created (store))
    return;

  current = sila_store_get_setting (store, SILA_SETTING_ANSWER_WINDOW, NULL);
  days = g_strdup_printf ("%u", g_settings_get_uint (settings, "answer-window-days"));
  if (!sila_store_set_setting (store, owner, SILA_SETTING_ANSWER_WINDOW, current, days, &error))
    g_message ("The answer window of the new database was not set: %s", error->message);
}

void
sila_application_close_all_windows (SilaApplication *self)
{
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (GTK_WINDOW (l->data));
  g_list_free (windows);
}

void
sila_application_add_toast_everywhere (SilaApplication *self,
                                       const char      *text)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (SILA_IS_WINDOW (l->data))
      {
        AdwToast *toast = adw_toast_new (text);

        adw_toast_set_timeout (toast, 10);
        sila_window_add_toast (l->data, toast);
      }
}

/* Problems */

static void
problem_database_chosen_cb (SilaApplication   *self,
                            const char        *path,
                            SilaProblemWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  sila_application_open_database (self, path, TRUE);
}

static void
show_problem (SilaApplication *self,
              const GError    *error)
{
  SilaProblemWindow *window = sila_problem_window_new (GTK_APPLICATION (self), error);

  g_signal_connect_object (window, "database-chosen",
                           G_CALLBACK (problem_database_chosen_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
}

/* For bench/ only: report the first frame drawn (microseconds since the
 * process started, and resident memory), then quit. Set by bench/run.py with
 * SILA_BENCH_EXIT_AFTER_DRAW=1; SILA_BENCH_SECTION opens a section first. */
static void
bench_after_paint_cb (GdkFrameClock *clock,
                      GtkWidget     *window)
{
  g_autofree char *status = NULL;
  const char *rss = NULL;

  g_signal_handlers_disconnect_by_func (clock, bench_after_paint_cb, window);

  if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    rss = strstr (status, "VmRSS:");
  g_print ("first-frame-usec %" G_GINT64_FORMAT "\nrss-kb %ld\n",
           g_get_monotonic_time (), rss != NULL ? strtol (rss + 6, NULL, 10) : -1L);
  g_application_quit (g_application_get_default ());
}

static void
bench_map_cb (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (bench_after_paint_cb), window);
}

/* Sessions */

void
sila_application_end_session (SilaApplication *self)
{
  if (self->session != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!sila_store_sign_out (self->store, sila_session_get_actor (self->session), &error))
        g_message ("Signing out could not be recorded: %s", error->message);
    }

  sila_application_close_all_windows (self);
  g_clear_object (&self->session);
  g_clear_handle_id (&self->backup_timer_id, g_source_remove);
  if (self->idle != NULL)
    sila_idle_monitor_set_timeout (self->idle, 0);
  sila_application_update_actions (self);
}

static void
session_changed_cb (SilaApplication *self,
                    const char      *what,
                    SilaSession     *session)
{
  const SilaActor *actor = sila_session_get_actor (session);
  gint64 n_staff = 0;

  sila_application_configure_idle_lock (self);

  /* The first account was just added: the owner is no one any more. */
  if (sila_actor_is_owner (actor) && sila_store_count_staff (self->store, &n_staff, NULL) &&
      n_staff > 0)
    {
      sila_application_end_session (self);
      sila_application_show_sign_in (self);
      return;
    }

  /* An administrator deactivated this account, or reset its password,
   * perhaps on another desk: its windows close and it signs in again. */
  if (!sila_actor_is_owner (actor))
    {
      g_autoptr(GError) error = NULL;

      if (!sila_store_require (self->store, actor, SILA_PERM_SETTINGS_VIEW, &error) &&
          (g_error_matches (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DENIED) ||
           g_error_matches (error, SILA_STORE_ERROR, SILA_STORE_ERROR_PASSWORD_EXPIRED)))
        {
          sila_application_end_session (self);
          sila_application_show_sign_in (self);
        }
    }
}

static void
begin_session (SilaApplication *self,
               const SilaActor *actor)
{
  SilaWindow *window;

  g_clear_object (&self->session);
  self->session = sila_session_new (self->store, sila_actor_copy (actor));
  sila_session_watch (self->session, 2000);
  g_signal_connect_object (self->session, "changed", G_CALLBACK (session_changed_cb), self,
                           G_CONNECT_SWAPPED);

  window = sila_window_new (GTK_APPLICATION (self), self->session);
  sila_application_watch_unlock (self, window);
  if (g_getenv ("SILA_BENCH_EXIT_AFTER_DRAW") != NULL)
    {
      if (g_getenv ("SILA_BENCH_SECTION") != NULL)
        sila_window_show_section (window, g_getenv ("SILA_BENCH_SECTION"));
      g_signal_connect (window, "map", G_CALLBACK (bench_map_cb), NULL);
    }
  gtk_window_present (GTK_WINDOW (window));

  sila_application_update_actions (self);
  sila_application_configure_idle_lock (self);
  if (self->idle != NULL)
    sila_idle_monitor_reset (self->idle);

  sila_application_schedule_backups (self);
}

/* Signing in */

static void
forced_password_changed_cb (SilaApplication    *self,
                            SilaPasswordWindow *password_window)
{
  SilaActor *actor = g_object_get_data (G_OBJECT (password_window), "sila-actor");
  GtkWindow *login = gtk_window_get_transient_for (GTK_WINDOW (password_window));

  begin_session (self, actor);
  if (login != NULL)
    gtk_window_destroy (login);
}

static void
signed_in_cb (SilaApplication *self,
              const SilaActor *actor,
              gboolean         must_change_password,
              SilaSignInPage  *page)
{
  GtkWidget *login = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (page)));

  if (must_change_password)
    {
      SilaPasswordWindow *password_window;

      password_window = sila_password_window_new (GTK_WINDOW (login), self->store, actor, TRUE);
      g_object_set_data_full (G_OBJECT (password_window), "sila-actor", sila_actor_copy (actor),
                              (GDestroyNotify)sila_actor_free);
      g_signal_connect_object (password_window, "changed",
                               G_CALLBACK (forced_password_changed_cb), self, G_CONNECT_SWAPPED);
      gtk_window_present (GTK_WINDOW (password_window));
      return;
    }

  begin_session (self, actor);
  gtk_window_destroy (GTK_WINDOW (login));
}

void
sila_application_show_sign_in (SilaApplication *self)
{
  SilaLoginWindow *window = sila_login_window_new (GTK_APPLICATION (self), self->store);

  g_signal_connect_object (sila_login_window_get_page (window), "signed-in",
                           G_CALLBACK (signed_in_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
}

static void
destroy_window (gpointer window)
{
  gtk_window_destroy (window);
  g_object_unref (window);
}

static void
setup_finished_cb (SilaApplication *self,
                   const SilaActor *actor,
                   SilaSetupWindow *setup)
{
  begin_session (self, actor);

  /* It may be answering from inside one of its own dialogs: close it once
   * that dialog is done. */
  gtk_widget_set_visible (GTK_WIDGET (setup), FALSE);
  g_idle_add_once (destroy_window, g_object_ref (setup));
}

/* Who is to work on the open database: setup, sign-in, or its owner. */
static void
start (SilaApplication *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *without = NULL;
  gint64 n_staff = 0;

  if (!sila_store_count_staff (self->store, &n_staff, &error))
    {
      show_problem (self, error);
      return;
    }

  if (n_staff > 0)
    {
      sila_application_show_sign_in (self);
      return;
    }

  without = sila_store_get_setting (self->store, SILA_SETTING_NO_ACCOUNTS, "0");
  if (sila_policy_is_true (without) || sila_store_is_read_only (self->store))
    {
      g_autoptr(SilaActor) owner = sila_actor_new_owner ();

      begin_session (self, owner);
      return;
    }

  {
    SilaSetupWindow *setup = sila_setup_window_new (GTK_APPLICATION (self), self->store);

    g_signal_connect_object (setup, "finished", G_CALLBACK (setup_finished_cb), self,
                             G_CONNECT_SWAPPED);
    gtk_window_present (GTK_WINDOW (setup));
  }
}

void
sila_application_open_database (SilaApplication *self,
                                const char      *path,
                                gboolean         remember)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaStore) store = NULL;
  g_autofree char *chosen = NULL;

  chosen = path != NULL ? g_strdup (path) : choose_database_path (self, &error);
  if (chosen == NULL)
    {
      show_problem (self, error);
      return;
    }

  /* A server chosen in the window: its password is in the keyring, and
   * connecting happens in the server window, which stays live meanwhile. */
  if (sila_application_is_remembered_server (chosen))
    {
      sila_application_open_server (self, chosen);
      return;
    }

  store = sila_store_open (chosen, SILA_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    {
      show_problem (self, error);
      return;
    }

  sila_application_adopt_store (self, store, chosen, remember);
}

/* @store becomes the open database, and whoever is to work on it starts. */
void
sila_application_adopt_store (SilaApplication *self,
                              SilaStore       *store,
                              const char      *location,
                              gboolean         remember)
{
  apply_new_database_defaults (store);

  if (remember && sila_settings_get () != NULL)
    g_settings_set_string (sila_settings_get (), "last-database", location);

  g_set_object (&self->store, store);
  start (self);
}

/* The windows' icon (X11's _NET_WM_ICON, for the task bar) is set once the
 * first window has been drawn: setting it renders the app's SVG icon, and
 * loading librsvg for it cost the first frame a few milliseconds. The
 * default is for windows still to come; those already shown get it too (GTK
 * gives a new default only to windows that had one). */
static gboolean
set_default_icon_cb (gpointer data)
{
  GtkApplication *app = GTK_APPLICATION (g_application_get_default ());

  gtk_window_set_default_icon_name (APP_ID);
  for (GList *l = app != NULL ? gtk_application_get_windows (app) : NULL; l != NULL; l = l->next)
    if (gtk_window_get_icon_name (l->data) == NULL)
      gtk_window_set_icon_name (l->data, APP_ID);
  return G_SOURCE_REMOVE;
}

static void
first_paint_cb (GdkFrameClock *clock,
                gpointer       data)
{
  g_signal_handlers_disconnect_by_func (clock, first_paint_cb, data);
  g_idle_add (set_default_icon_cb, NULL);
}

static void
first_window_mapped_cb (GtkWidget *window,
                        gpointer   data)
{
  g_signal_handlers_disconnect_by_func (window, first_window_mapped_cb, data);
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (first_paint_cb), NULL);
}

static void
window_added_cb (GtkApplication *app,
                 GtkWindow      *window,
                 gpointer        data)
{
  g_signal_handlers_disconnect_by_func (app, window_added_cb, data);
  g_signal_connect (window, "map", G_CALLBACK (first_window_mapped_cb), NULL);
}

static void
sila_application_startup (GApplication *application)
{
  SilaApplication *self = SILA_APPLICATION (application);

  G_APPLICATION_CLASS (sila_application_parent_class)->startup (application);

  /* gtk_init() set the direction from the system locale; the app's language
   * decides instead (PLATFORM.md). */
  gtk_widget_set_default_direction (sila_i18n_is_rtl () ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);

  sila_application_add_actions (self);
  g_signal_connect (self, "window-added", G_CALLBACK (window_added_cb), NULL);

  sila_application_watch_idle (self);
  sila_application_update_actions (self);
}

static void
sila_application_activate (GApplication *application)
{
  SilaApplication *self = SILA_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  sila_application_open_database (self, self->database_path, FALSE);
}

static void
sila_application_shutdown (GApplication *application)
{
  SilaApplication *self = SILA_APPLICATION (application);

  if (self->backup_cancellable != NULL)
    g_cancellable_cancel (self->backup_cancellable);
  if (self->session != NULL && self->store != NULL)
    sila_store_sign_out (self->store, sila_session_get_actor (self->session), NULL);
  g_clear_handle_id (&self->backup_timer_id, g_source_remove);

  G_APPLICATION_CLASS (sila_application_parent_class)->shutdown (application);
}

static void
sila_application_dispose (GObject *object)
{
  SilaApplication *self = (SilaApplication *)object;

  g_clear_handle_id (&self->backup_timer_id, g_source_remove);
  g_clear_object (&self->session);
  g_clear_object (&self->store);
  g_clear_object (&self->idle);
  g_clear_object (&self->backup_cancellable);

  G_OBJECT_CLASS (sila_application_parent_class)->dispose (object);
}

static void
sila_application_finalize (GObject *object)
{
  SilaApplication *self = (SilaApplication *)object;

  g_free (self->database_path);
  g_free (self->last_backup_problem);

  G_OBJECT_CLASS (sila_application_parent_class)->finalize (object);
}

static void
sila_application_class_init (SilaApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = sila_application_dispose;
  object_class->finalize = sila_application_finalize;
  app_class->startup = sila_application_startup;
  app_class->activate = sila_application_activate;
  app_class->shutdown = sila_application_shutdown;
}

static void
sila_application_init (SilaApplication *self)
{
}

/* @database_path: the database named on the command line, or NULL.
 * A named database runs in its own instance; otherwise a second start
 * brings the running window forward. */
SilaApplication *
sila_application_new (const char *database_path)
{
  SilaApplication *self;

  self = g_object_new (SILA_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", database_path != NULL ? G_APPLICATION_NON_UNIQUE
                                                      : G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
  self->database_path = g_strdup (database_path);

  return self;
}

gboolean
sila_application_get_restart_requested (SilaApplication *self)
{
  g_return_val_if_fail (SILA_IS_APPLICATION (self), FALSE);

  return self->restart_requested;
}

/* For tests: the idle lock's watcher. */
SilaIdleMonitor *
sila_application_get_idle_monitor (SilaApplication *self)
{
  g_return_val_if_fail (SILA_IS_APPLICATION (self), NULL);

  return self->idle;
}

SilaSession *
sila_application_get_session (SilaApplication *self)
{
  g_return_val_if_fail (SILA_IS_APPLICATION (self), NULL);

  return self->session;
}
