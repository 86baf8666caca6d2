/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The application: which database, who is working on it, and what watches
 * over them (the idle lock, the daily backup).
 *
 * A database with no staff account opens the first-run setup: the
 * association's name and the first administrator, or the owner's choice to
 * work without accounts on a laptop used by one person (remembered in the
 * database, and undone by adding the first account). A database with
 * accounts opens the sign-in window; no office data is shown before. */
#define G_LOG_DOMAIN "sila-ui"

#include "sila-config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "sila-application.h"
#include "sila-audit.h"
#include "sila-audit-window.h"
#include "sila-i18n.h"
#include "sila-idle-monitor.h"
#include "sila-login-window.h"
#include "sila-password-window.h"
#include "sila-paths.h"
#include "sila-preferences-window.h"
#include "sila-problem-window.h"
#include "sila-settings.h"
#include "sila-setup-window.h"
#include "sila-store-backup.h"
#include "sila-store-staff.h"
#include "sila-window.h"

struct _SilaApplication
{
  AdwApplication   parent_instance;

  char            *database_path;  /* from --database, or NULL */
  SilaStore       *store;          /* the open database, signed in to or not */
  SilaSession     *session;        /* who works on it, once someone does */
  SilaIdleMonitor *idle;
  guint            backup_timer_id;
  GCancellable    *backup_cancellable;
  gboolean         backup_running;
  char            *last_backup_problem;
  gboolean         restore_running;
  gboolean         restart_requested;
};

G_DEFINE_FINAL_TYPE (SilaApplication, sila_application, ADW_TYPE_APPLICATION)

/* Once an hour the app looks whether the daily backup is due. */
#define BACKUP_CHECK_SECONDS 3600

static void open_database     (SilaApplication *self,
                               const char      *path,
                               gboolean         remember);
static void show_sign_in      (SilaApplication *self);
static void begin_session     (SilaApplication *self,
                               const SilaActor *actor);
static void run_due_backup    (SilaApplication *self);
static gboolean backup_timer_cb (gpointer        user_data);

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

static void
close_all_windows (SilaApplication *self)
{
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (GTK_WINDOW (l->data));
  g_list_free (windows);
}

static void
update_actions (SilaApplication *self)
{
  const SilaActor *actor = self->session != NULL ? sila_session_get_actor (self->session) : NULL;
  gboolean staff = actor != NULL && !sila_actor_is_owner (actor);
  const char *staff_actions[] = { "lock", "switch-user", "change-password" };

  for (guint i = 0; i < G_N_ELEMENTS (staff_actions); i++)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self),
                                                                              staff_actions[i])),
                                 staff);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self),
                                                                            "audit-trail")),
                               self->session != NULL &&
                               sila_session_can (self->session, SILA_PERM_AUDIT_VIEW));
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self),
                                                                            "preferences")),
                               self->session != NULL);
}

static void
add_toast_everywhere (SilaApplication *self,
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
  open_database (self, path, TRUE);
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

static void
end_session (SilaApplication *self)
{
  if (self->session != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!sila_store_sign_out (self->store, sila_session_get_actor (self->session), &error))
        g_message ("Signing out could not be recorded: %s", error->message);
    }

  close_all_windows (self);
  g_clear_object (&self->session);
  g_clear_handle_id (&self->backup_timer_id, g_source_remove);
  if (self->idle != NULL)
    sila_idle_monitor_set_timeout (self->idle, 0);
  update_actions (self);
}

static void
configure_idle_lock (SilaApplication *self)
{
  const SilaActor *actor;
  int minutes;

  if (self->session == NULL || self->idle == NULL)
    return;

  /* The owner of a database without accounts has no password to unlock with. */
  actor = sila_session_get_actor (self->session);
  minutes = sila_store_get_setting_int (self->store, SILA_SETTING_IDLE_LOCK,
                                        SILA_IDLE_LOCK_DEFAULT);
  sila_idle_monitor_set_timeout (self->idle,
                                 sila_actor_is_owner (actor) ? 0 : (guint)MAX (minutes, 0) * 60);
}

static void
session_changed_cb (SilaApplication *self,
                    const char      *what,
                    SilaSession     *session)
{
  const SilaActor *actor = sila_session_get_actor (session);
  gint64 n_staff = 0;

  configure_idle_lock (self);

  /* The first account was just added: the owner is no one any more. */
  if (sila_actor_is_owner (actor) && sila_store_count_staff (self->store, &n_staff, NULL) &&
      n_staff > 0)
    {
      end_session (self);
      show_sign_in (self);
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
          end_session (self);
          show_sign_in (self);
        }
    }
}

static void
window_unlocked_cb (SilaApplication *self,
                    SilaWindow      *window)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (SILA_IS_WINDOW (l->data))
      sila_window_unlock (l->data);

  if (self->idle != NULL)
    sila_idle_monitor_reset (self->idle);
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
  g_signal_connect_object (window, "unlocked", G_CALLBACK (window_unlocked_cb), self,
                           G_CONNECT_SWAPPED);
  if (g_getenv ("SILA_BENCH_EXIT_AFTER_DRAW") != NULL)
    {
      if (g_getenv ("SILA_BENCH_SECTION") != NULL)
        sila_window_show_section (window, g_getenv ("SILA_BENCH_SECTION"));
      g_signal_connect (window, "map", G_CALLBACK (bench_map_cb), NULL);
    }
  gtk_window_present (GTK_WINDOW (window));

  update_actions (self);
  configure_idle_lock (self);
  if (self->idle != NULL)
    sila_idle_monitor_reset (self->idle);

  /* The daily backup: now if it is due, and looked at again every hour. */
  g_clear_handle_id (&self->backup_timer_id, g_source_remove);
  self->backup_timer_id = g_timeout_add_seconds (BACKUP_CHECK_SECONDS, backup_timer_cb, self);
  run_due_backup (self);
}

static gboolean
backup_timer_cb (gpointer user_data)
{
  run_due_backup (user_data);
  return G_SOURCE_CONTINUE;
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

static void
show_sign_in (SilaApplication *self)
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
      show_sign_in (self);
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

static void
open_database (SilaApplication *self,
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

  store = sila_store_open (chosen, SILA_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    {
      show_problem (self, error);
      return;
    }

  apply_new_database_defaults (store);

  if (remember && sila_settings_get () != NULL)
    g_settings_set_string (sila_settings_get (), "last-database", chosen);

  g_set_object (&self->store, store);
  start (self);
}

/* The daily backup */

static void
backup_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(SilaApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  self->backup_running = FALSE;
  path = sila_store_backup_finish (SILA_STORE (source), result, &error);
  if (path == NULL)
    {
      /* Said once, not every hour the disk stays unplugged. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
          g_strcmp0 (self->last_backup_problem, error->message) != 0)
        {
          g_autofree char *text = g_strdup_printf (_("The daily backup could not be made: %s"),
                                                   error->message);

          g_free (self->last_backup_problem);
          self->last_backup_problem = g_strdup (error->message);
          add_toast_everywhere (self, text);
        }
      return;
    }

  g_clear_pointer (&self->last_backup_problem, g_free);
  if (self->session != NULL && sila_session_get_store (self->session) == SILA_STORE (source))
    sila_session_notify_changed (self->session, "backup");
}

static void
run_due_backup (SilaApplication *self)
{
  if (self->session == NULL || self->backup_running || self->restore_running ||
      sila_store_is_read_only (self->store) || !sila_store_backup_is_due (self->store))
    return;

  self->backup_running = TRUE;
  g_clear_object (&self->backup_cancellable);
  self->backup_cancellable = g_cancellable_new ();
  sila_store_backup_async (self->store, sila_session_get_actor (self->session),
                           SILA_BACKUP_AUTOMATIC, NULL, self->backup_cancellable, backup_done_cb,
                           g_object_ref (self));
}

/* Restore */

typedef struct {
  char      *database;
  char      *backup;
  SilaActor *actor;
  char      *aside;
} RestoreJob;

static void
restore_job_free (RestoreJob *job)
{
  g_free (job->database);
  g_free (job->backup);
  g_free (job->aside);
  g_clear_pointer (&job->actor, sila_actor_free);
  g_free (job);
}

static void
restore_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  RestoreJob *job = task_data;
  GError *error = NULL;
  SilaBackupInfo *info;

  info = sila_store_restore (job->database, job->backup, job->actor, &job->aside, &error);
  if (info == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, info, (GDestroyNotify)sila_backup_info_free);
}

static void
show_restore_result (SilaApplication *self,
                     const char      *heading,
                     const char      *body)
{
  GtkWindow *parent = NULL;
  AdwMessageDialog *dialog;

  /* Over the window that opened the database again. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (SILA_IS_LOGIN_WINDOW (l->data) || SILA_IS_WINDOW (l->data) ||
        SILA_IS_SETUP_WINDOW (l->data) || SILA_IS_PROBLEM_WINDOW (l->data))
      parent = l->data;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, body));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
restore_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  SilaApplication *self = SILA_APPLICATION (source);
  RestoreJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(SilaBackupInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *database = g_strdup (job->database);
  g_autofree char *body = NULL;

  self->restore_running = FALSE;
  info = g_task_propagate_pointer (G_TASK (result), &error);

  /* Whatever happened, the database is opened again: the restored one, or
   * the one left as it was. */
  open_database (self, database, FALSE);

  if (info == NULL)
    body = g_strdup (error->message);
  else
    {
      g_autofree char *backup = g_filename_display_name (job->backup);
      g_autofree char *taken = info->made_at != NULL ? sila_audit_format_time (info->made_at)
                                                     : g_strdup ("?");

      if (job->aside != NULL)
        {
          g_autofree char *aside = g_filename_display_name (job->aside);

          body = g_strdup_printf (_("The database now holds the backup “%s”, taken %s. The "
                                    "database it replaced was kept as “%s”. Sign in again."),
                                  backup, taken, aside);
        }
      else
        body = g_strdup_printf (_("The database now holds the backup “%s”, taken %s."),
                                backup, taken);
    }

  show_restore_result (self, info != NULL ? _("Backup Restored") : _("Nothing Was Restored"),
                       body);
  g_application_release (G_APPLICATION (self));
}

/* app.restore (path): replaces the open database with a backup. Every
 * window closes first so that the app lets go of the file; the database
 * opens again afterwards, restored or as it was. */
static void
restore_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  SilaApplication *self = SILA_APPLICATION (user_data);
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  RestoreJob *job;

  if (self->session == NULL || self->restore_running)
    return;

  if (self->backup_running ||
      !sila_store_require (self->store, sila_session_get_actor (self->session), SILA_PERM_BACKUP,
                           &error))
    {
      if (error == NULL)
        g_set_error_literal (&error, SILA_STORE_ERROR, SILA_STORE_ERROR_BUSY,
                             _("A backup is being made; restore again in a moment."));
      show_restore_result (self, _("Nothing Was Restored"), error->message);
      return;
    }

  job = g_new0 (RestoreJob, 1);
  job->database = g_strdup (sila_store_get_path (self->store));
  job->backup = g_variant_dup_string (parameter, NULL);
  job->actor = sila_actor_copy (sila_session_get_actor (self->session));

  self->restore_running = TRUE;
  g_application_hold (G_APPLICATION (self));
  close_all_windows (self);
  g_clear_object (&self->session);
  g_clear_object (&self->store);
  g_clear_handle_id (&self->backup_timer_id, g_source_remove);
  update_actions (self);

  task = g_task_new (self, NULL, restore_done_cb, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify)restore_job_free);
  g_task_run_in_thread (task, restore_thread);
}

/* Actions */

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GApplication *app = G_APPLICATION (user_data);
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  /* Close the windows properly, so that they save their state. */
  for (GList *l = windows; l != NULL;)
    {
      GList *next = l->next;

      gtk_window_close (GTK_WINDOW (l->data));
      l = next;
    }
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  SilaApplication *self = SILA_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  SilaPreferencesWindow *prefs;

  if (self->session == NULL)
    return;

  prefs = sila_preferences_window_new (parent, self->session);
  gtk_window_set_application (GTK_WINDOW (prefs), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (prefs));
}

/* Hides every window's content behind the password of the person signed
 * in; other windows (preferences, the audit trail) close. */
static void
lock_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  SilaApplication *self = SILA_APPLICATION (user_data);
  GList *windows;

  if (self->session == NULL || sila_actor_is_owner (sila_session_get_actor (self->session)))
    return;

  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *l = windows; l != NULL; l = l->next)
    {
      if (SILA_IS_WINDOW (l->data))
        sila_window_lock (l->data);
      else
        gtk_window_destroy (l->data);
    }
  g_list_free (windows);
}

static void
idle_cb (SilaApplication *self,
         SilaIdleMonitor *monitor)
{
  g_action_group_activate_action (G_ACTION_GROUP (self), "lock", NULL);
}

static void
switch_user_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  SilaApplication *self = SILA_APPLICATION (user_data);

  if (self->store == NULL)
    return;

  end_session (self);
  show_sign_in (self);
}

static void
password_changed_cb (SilaApplication    *self,
                     SilaPasswordWindow *window)
{
  add_toast_everywhere (self, _("Your password was changed."));
}

static void
change_password_action (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  SilaApplication *self = SILA_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  SilaPasswordWindow *window;

  if (self->session == NULL || sila_actor_is_owner (sila_session_get_actor (self->session)))
    return;

  window = sila_password_window_new (parent, self->store, sila_session_get_actor (self->session),
                                     FALSE);
  g_signal_connect_object (window, "changed", G_CALLBACK (password_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
}

static void
audit_trail_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  SilaApplication *self = SILA_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  SilaAuditWindow *window;

  if (self->session == NULL || !sila_session_can (self->session, SILA_PERM_AUDIT_VIEW))
    return;

  window = sila_audit_window_new (parent, self->session);
  gtk_window_set_application (GTK_WINDOW (window), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (window));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  SilaApplication *self = SILA_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-icon", APP_ID,
                        "application-name", _("Sila Desk"),
                        "developer-name", _("Sila Desk developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("The beneficiary-relations office of a charity: "
                                      "beneficiary files, support requests, satisfaction "
                                      "surveys and reports for the board."),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

/* Closes this instance; main() then starts it again, in the newly chosen
 * language, once this one has left the session bus. */
static void
restart_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  SilaApplication *self = SILA_APPLICATION (user_data);

  self->restart_requested = TRUE;
  quit_action (NULL, NULL, self);
  g_application_quit (G_APPLICATION (self));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "preferences", preferences_action },
  { "about", about_action },
  { "restart", restart_action },
  { "lock", lock_action },
  { "switch-user", switch_user_action },
  { "change-password", change_password_action },
  { "audit-trail", audit_trail_action },
  { "restore", restore_action, "s" },
};

static void
sila_application_startup (GApplication *application)
{
  SilaApplication *self = SILA_APPLICATION (application);
  GtkApplication *gtk_app = GTK_APPLICATION (application);

  G_APPLICATION_CLASS (sila_application_parent_class)->startup (application);

  /* gtk_init() set the direction from the system locale; the app's language
   * decides instead (PLATFORM.md). */
  gtk_widget_set_default_direction (sila_i18n_is_rtl () ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions),
                                   self);
  gtk_application_set_accels_for_action (gtk_app, "app.quit",
                                         (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (gtk_app, "app.preferences",
                                         (const char *[]) { "<Control>comma", NULL });
  gtk_application_set_accels_for_action (gtk_app, "app.lock",
                                         (const char *[]) { "<Control>l", NULL });
  gtk_application_set_accels_for_action (gtk_app, "win.show-help-overlay",
                                         (const char *[]) { "<Control>question", NULL });
  gtk_window_set_default_icon_name (APP_ID);

  self->idle = sila_idle_monitor_new (gtk_app);
  g_signal_connect_object (self->idle, "idle", G_CALLBACK (idle_cb), self, G_CONNECT_SWAPPED);
  update_actions (self);
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

  open_database (self, self->database_path, FALSE);
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
