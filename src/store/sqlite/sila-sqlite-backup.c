/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Taking backups.
 *
 * A backup is taken with SQLite's online backup API from a connection of
 * its own, inside one read transaction: it is consistent while the app
 * goes on saving (WAL readers do not block the writer). It is written
 * beside its destination under a temporary name, made self-contained
 * (rollback journal, not WAL), checked, flushed to the disk, and only then
 * renamed into place, mode 0600: a backup either exists whole or not at all.
 *
 * Restore is in sila-sqlite-restore.c, the checks of a backup file in
 * sila-sqlite-backup-check.c, what both share in sila-sqlite-backup-files.c. */
#define G_LOG_DOMAIN "sila-store"

#include "sila-config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sys/stat.h>

#include "sila-audit.h"
#include "sila-clock.h"
#include "sila-paths.h"
#include "sila-sqlite-backup-private.h"

#define BACKUP_PREFIX "sila-"
#define BACKUP_SUFFIX ".db"

typedef struct {
  SilaActor      *actor;
  SilaBackupKind  kind;
  char           *source;      /* the database file */
  char           *dest;        /* the backup file to write */
  char           *folder;      /* set when backups in it are pruned */
  char           *prefix;      /* this database's backups in that folder */
  char           *made_at;
  int             keep;
} BackupJob;

static void
backup_job_free (BackupJob *job)
{
  g_clear_pointer (&job->actor, sila_actor_free);
  g_free (job->source);
  g_free (job->dest);
  g_free (job->folder);
  g_free (job->prefix);
  g_free (job->made_at);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BackupJob, backup_job_free)
static gboolean
raw_set_meta (sqlite3    *db,
              const char *key,
              const char *value)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, "INSERT INTO meta (key, value) VALUES (?1, ?2) "
                              "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                          -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);

  return rc == SQLITE_DONE;
}

/* The audit trail's head at the moment of the copy ("SEQ:LINK"), kept in
 * the backup's meta: a later check of the live database finds there what
 * its trail must still hold. */
static gboolean
record_audit_head (sqlite3 *db)
{
  g_autofree char *head = NULL;

  if (!sila_backup_raw_text (db, "SELECT seq || ':' || chain_hash FROM audit_log "
                                 "WHERE chain_hash IS NOT NULL ORDER BY seq DESC LIMIT 1",
                             &head))
    return FALSE;
  return head == NULL || raw_set_meta (db, "audit_head", head);
}

/* Taking a backup */

char *
sila_store_get_default_backup_folder (void)
{
  g_autofree char *data = sila_paths_get_data_dir ();

  return g_build_filename (data, "backups", NULL);
}

/* The folder automatic and "Back up now" backups go to: the office's
 * setting, else a private folder beside the user's data. */
char *
sila_store_get_backup_folder (SilaStore *self)
{
  g_autofree char *folder = NULL;

  g_return_val_if_fail (SILA_IS_STORE (self), NULL);

  folder = sila_store_get_setting (self, SILA_SETTING_BACKUP_FOLDER, "");
  if (*folder == '\0')
    return sila_store_get_default_backup_folder ();

  return g_steal_pointer (&folder);
}

/* When the last backup of this database was taken (a stored timestamp), or
 * NULL if never. */
char *
sila_store_get_last_backup (SilaStore *self)
{
  g_autoptr(SilaStatement) stmt = NULL;

  g_return_val_if_fail (SILA_IS_STORE (self), NULL);

  stmt = sila_store_prepare (self, "SELECT value FROM meta WHERE key = 'last_backup_at'", NULL);
  if (stmt == NULL || sila_store_step (self, stmt, NULL) != SILA_STEP_ROW)
    return NULL;

  return sila_column_dup (stmt, 0);
}

/* TRUE when daily backups are on and the last one is a day old or more. */
gboolean
sila_store_backup_is_due (SilaStore *self)
{
  g_autofree char *daily = NULL;
  g_autofree char *last = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) last_time = NULL;
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (SILA_IS_STORE (self), FALSE);

  daily = sila_store_get_setting (self, SILA_SETTING_BACKUP_DAILY,
                                  sila_policy_get_default (SILA_SETTING_BACKUP_DAILY));
  if (!sila_policy_is_true (daily))
    return FALSE;

  last = sila_store_get_last_backup (self);
  if (last == NULL || (last_time = g_date_time_new_from_iso8601 (last, utc)) == NULL)
    return TRUE;

  now = sila_clock_now ();
  return g_date_time_difference (now, last_time) >= G_TIME_SPAN_DAY;
}

/* Decides where the backup goes and checks that it may be taken. @target is
 * a file, a folder, or NULL for the office's backup folder. */
static BackupJob *
prepare_job (SilaStore        *self,
             const SilaActor  *actor,
             SilaBackupKind    kind,
             const char       *target,
             GError          **error)
{
  g_autoptr(BackupJob) job = g_new0 (BackupJob, 1);
  g_autofree char *stamp = NULL;
  g_autofree char *device = NULL;
  gboolean folder_target;

  if (!sila_store_require (self, actor,
                           kind == SILA_BACKUP_AUTOMATIC ? SILA_PERM_BACKUP_SCHEDULED
                                                         : SILA_PERM_BACKUP,
                           error))
    return NULL;

  job->actor = sila_actor_copy (actor);
  job->kind = kind;
  job->source = g_strdup (sila_store_get_path (self));
  job->made_at = sila_clock_timestamp ();

  if (target == NULL)
    {
      g_autofree char *default_folder = sila_store_get_default_backup_folder ();

      job->folder = sila_store_get_backup_folder (self);
      /* The default folder is made (private); a chosen one must exist: on an
       * unplugged disk, making it would write to the wrong disk. */
      if (g_str_equal (job->folder, default_folder) &&
          !sila_paths_ensure_private_dir (job->folder, error))
        return NULL;
      folder_target = TRUE;
    }
  else
    {
      folder_target = g_file_test (target, G_FILE_TEST_IS_DIR);
      if (folder_target)
        job->folder = g_strdup (target);
    }

  if (folder_target)
    {
      g_autofree char *shown = g_filename_display_name (job->folder);

      if (!g_file_test (job->folder, G_FILE_TEST_IS_DIR))
        {
          g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_CANNOT_OPEN,
                       _("The backup folder “%s” is not there. Is the backup disk connected?"),
                       shown);
          return NULL;
        }

      /* Named after this database's device, so that two offices' backups in
       * one folder never prune each other's. */
      device = g_strndup (sila_store_get_device_id (self), 8);
      job->prefix = g_strconcat (BACKUP_PREFIX, device, "-", NULL);
      stamp = sila_backup_local_stamp ("%Y%m%d-%H%M%S");
      for (int n = 1; job->dest == NULL || g_file_test (job->dest, G_FILE_TEST_EXISTS); n++)
        {
          g_autofree char *name = n == 1
            ? g_strconcat (job->prefix, stamp, BACKUP_SUFFIX, NULL)
            : g_strdup_printf ("%s%s-%d%s", job->prefix, stamp, n, BACKUP_SUFFIX);

          g_free (job->dest);
          job->dest = g_build_filename (job->folder, name, NULL);
        }
      job->keep = sila_store_get_setting_int (self, SILA_SETTING_BACKUP_KEEP,
                                              SILA_BACKUP_KEEP_DEFAULT);
      g_clear_pointer (&job->folder, g_free);
      if (target == NULL || kind == SILA_BACKUP_AUTOMATIC)
        job->folder = g_path_get_dirname (job->dest);
    }
  else
    {
      g_autofree char *shown = g_filename_display_name (target);
      g_autofree char *parent = g_path_get_dirname (target);
      GStatBuf target_st, source_st;

      job->dest = g_strdup (target);
      if (!g_file_test (parent, G_FILE_TEST_IS_DIR))
        {
          g_autofree char *shown_parent = g_filename_display_name (parent);

          g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_CANNOT_OPEN,
                       _("The folder “%s” is not there. Is the backup disk connected?"),
                       shown_parent);
          return NULL;
        }

      if (g_stat (target, &target_st) == 0)
        {
          g_autoptr(SilaBackupInfo) info = NULL;

          if (g_stat (job->source, &source_st) == 0 && target_st.st_dev == source_st.st_dev &&
              target_st.st_ino == source_st.st_ino)
            {
              g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_INVALID,
                           _("“%s” is the database itself. Choose another file for the "
                             "backup."),
                           shown);
              return NULL;
            }

          /* An older backup may be replaced; any other file is left alone. */
          info = sila_backup_inspect (target, NULL);
          if (info == NULL)
            {
              g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_INVALID,
                           _("“%s” exists and is not a Sila Desk backup, so it was not "
                             "replaced. Choose another file name."),
                           shown);
              return NULL;
            }
        }
    }

  return g_steal_pointer (&job);
}

/* The copy itself: only files and its own connections, so that it may run
 * in a thread. */
static gboolean
run_job (BackupJob     *job,
         GCancellable  *cancellable,
         GError       **error)
{
  g_autofree char *partial = NULL;
  g_autofree char *shown = g_filename_display_name (job->dest);
  g_autofree char *shown_source = g_filename_display_name (job->source);
  g_autofree char *check = NULL;
  g_autofree char *mode = NULL;
  sqlite3 *src = NULL;
  sqlite3 *dst = NULL;
  sqlite3_backup *backup;
  gboolean ok = FALSE;
  int rc;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  partial = sila_backup_make_temporary (job->dest, "partial", error);
  if (partial == NULL)
    return FALSE;

  if (sqlite3_open_v2 (job->source, &src, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      sila_backup_set_raw_error (error, src, shown_source);
      goto out;
    }
  sqlite3_extended_result_codes (src, 1);
  sqlite3_busy_timeout (src, 10000);

  if (sqlite3_open_v2 (partial, &dst, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    {
      sila_backup_set_raw_error (error, dst, shown);
      goto out;
    }
  sqlite3_extended_result_codes (dst, 1);

  /* One step: one read transaction, so the copy is one moment's state and
   * a stream of saves elsewhere cannot make it start over and over. */
  backup = sqlite3_backup_init (dst, "main", src, "main");
  if (backup == NULL)
    {
      sila_backup_set_raw_error (error, dst, shown);
      goto out;
    }
  do
    {
      rc = sqlite3_backup_step (backup, -1);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        sqlite3_sleep (50);
    }
  while (rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    {
      if ((rc & 0xff) == SQLITE_FULL || (rc & 0xff) == SQLITE_IOERR)
        sila_backup_set_raw_error (error, dst, shown);
      else
        sila_backup_set_raw_error (error, src, shown_source);
      goto out;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    goto out;

  /* A backup stands alone: no -wal file to lose on the way, and it says
   * when it was taken. */
  if (!sila_backup_raw_text (dst, "PRAGMA journal_mode = DELETE", &mode) ||
      g_strcmp0 (mode, "delete") != 0 ||
      !raw_set_meta (dst, "backup_at", job->made_at) ||
      !record_audit_head (dst) ||
      !sila_backup_raw_text (dst, "PRAGMA quick_check(1)", &check))
    {
      sila_backup_set_raw_error (error, dst, shown);
      goto out;
    }
  if (g_strcmp0 (check, "ok") != 0)
    {
      g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_FAILED,
                   _("The backup “%s” did not pass its check (%s) and was not kept."),
                   shown, check);
      goto out;
    }

  sqlite3_close_v2 (dst);
  dst = NULL;

  if (!sila_backup_sync_path (partial, FALSE) || g_rename (partial, job->dest) != 0)
    {
      int saved = errno;

      g_set_error (error, SILA_STORE_ERROR,
                   saved == ENOSPC ? SILA_STORE_ERROR_DISK_FULL : SILA_STORE_ERROR_FAILED,
                   _("The backup “%s” could not be written: %s"), shown,
                   sila_backup_describe_errno (saved));
      goto out;
    }
  g_chmod (job->dest, 0600);
  sila_backup_sync_parent (job->dest);
  ok = TRUE;

out:
  sqlite3_close_v2 (dst);
  sqlite3_close_v2 (src);
  if (!ok)
    sila_backup_remove_with_sidecars (partial);

  return ok;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

/* Keeps the newest job->keep backups of this database in its folder. */
static void
prune (BackupJob *job)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (job->folder == NULL || job->prefix == NULL || job->keep <= 0)
    return;

  dir = g_dir_open (job->folder, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, job->prefix) && g_str_has_suffix (name, BACKUP_SUFFIX))
      g_ptr_array_add (names, g_strdup (name));

  /* The names hold the time: sorted, the oldest come first. */
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i + job->keep < names->len; i++)
    {
      g_autofree char *path = g_build_filename (job->folder, g_ptr_array_index (names, i), NULL);

      if (g_unlink (path) != 0)
        g_message ("An old backup could not be removed: %s", g_strerror (errno));
    }
}

static char *
backup_json (BackupJob *job)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *shown = g_filename_display_name (job->dest);
  GStatBuf st;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "file");
  json_builder_add_string_value (builder, shown);
  if (g_stat (job->dest, &st) == 0)
    {
      json_builder_set_member_name (builder, "bytes");
      json_builder_add_int_value (builder, st.st_size);
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);

  return json_to_string (root, FALSE);
}

/* After the copy, on the store's own thread: the audit entry, the time of
 * the last backup, and the pruning of old ones. The backup exists even if
 * the database cannot record it (read-only). */
static char *
complete_job (SilaStore  *self,
              BackupJob  *job,
              GError    **error)
{
  g_autofree char *after_json = backup_json (job);

  if (!sila_store_record_backup (self, job->actor, job->kind, job->made_at, job->dest,
                                 after_json, error))
    return NULL;

  prune (job);

  return g_strdup (job->dest);
}

/* Backs the database up into @target: a file (an older backup there is
 * replaced, any other file is not), a folder, or NULL for the office's
 * backup folder, where only the newest backups are kept. Returns the path
 * written. */
char *
sila_store_backup (SilaStore        *self,
                   const SilaActor  *actor,
                   SilaBackupKind    kind,
                   const char       *target,
                   GCancellable     *cancellable,
                   GError          **error)
{
  g_autoptr(BackupJob) job = NULL;

  g_return_val_if_fail (SILA_IS_STORE (self), NULL);

  /* A server's database is backed up with pg_dump. */
  if (sila_store_is_on_server (self))
    return sila_store_server_backup (self, sila_store_get_path (self), actor, kind, target,
                                     error);

  job = prepare_job (self, actor, kind, target, error);
  if (job == NULL || !run_job (job, cancellable, error))
    return NULL;

  return complete_job (self, job, error);
}

static void
backup_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;

  if (run_job (task_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* The same, with the copy in a thread, so that the window never freezes.
 * sila_store_backup_finish() records it: call it from the callback. */
void
sila_store_backup_async (SilaStore           *self,
                         const SilaActor     *actor,
                         SilaBackupKind       kind,
                         const char          *target,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  BackupJob *job;

  g_return_if_fail (SILA_IS_STORE (self));

  if (sila_store_is_on_server (self))
    {
      sila_store_server_backup_async (self, sila_store_get_path (self), actor, kind, target,
                                      cancellable, callback, user_data);
      return;
    }

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sila_store_backup_async);

  job = prepare_job (self, actor, kind, target, &error);
  if (job == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_set_task_data (task, job, (GDestroyNotify)backup_job_free);
  g_task_run_in_thread (task, backup_thread);
}

char *
sila_store_backup_finish (SilaStore     *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  if (g_task_get_source_tag (G_TASK (result)) == sila_store_server_backup_async)
    return sila_store_server_backup_finish (self, result, error);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;

  return complete_job (self, g_task_get_task_data (G_TASK (result)), error);
}
