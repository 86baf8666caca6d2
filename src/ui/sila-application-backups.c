/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The application's backups: the daily backup, looked at once an hour while
 * someone is signed in and made in the background when due (a problem said
 * once, not every hour), and "app.restore", which closes every window,
 * replaces the database with a backup and opens it again. */
#define G_LOG_DOMAIN "sila-ui"

#include "sila-config.h"

#include <glib/gi18n.h>

#include "sila-application-private.h"
#include "sila-audit.h"
#include "sila-display.h"
#include "sila-login-window.h"
#include "sila-problem-window.h"
#include "sila-setup-window.h"
#include "sila-store-backup.h"
#include "sila-window.h"

/* Once an hour the app looks whether the daily backup is due. */
#define BACKUP_CHECK_SECONDS 3600

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
          sila_application_add_toast_everywhere (self, text);
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

static gboolean
backup_timer_cb (gpointer user_data)
{
  run_due_backup (user_data);
  return G_SOURCE_CONTINUE;
}

/* The daily backup: now if it is due, and looked at again every hour. */
void
sila_application_schedule_backups (SilaApplication *self)
{
  g_clear_handle_id (&self->backup_timer_id, g_source_remove);
  self->backup_timer_id = g_timeout_add_seconds (BACKUP_CHECK_SECONDS, backup_timer_cb, self);
  run_due_backup (self);
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
  sila_application_open_database (self, database, FALSE);

  if (info == NULL)
    body = g_strdup (error->message);
  else
    {
      g_autofree char *backup = sila_display_path (job->backup);
      g_autofree char *taken = info->made_at != NULL ? sila_audit_format_time (info->made_at)
                                                     : g_strdup ("?");

      if (job->aside != NULL)
        {
          g_autofree char *aside = sila_display_path (job->aside);

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
void
sila_application_restore_action (GSimpleAction *action,
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
  sila_application_close_all_windows (self);
  g_clear_object (&self->session);
  g_clear_object (&self->store);
  g_clear_handle_id (&self->backup_timer_id, g_source_remove);
  sila_application_update_actions (self);

  task = g_task_new (self, NULL, restore_done_cb, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify)restore_job_free);
  g_task_run_in_thread (task, restore_thread);
}
