/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Backups and restore.
 *
 * A backup is taken with SQLite's online backup API from a connection of
 * its own, inside one read transaction: it is consistent while the app
 * goes on saving (WAL readers do not block the writer). It is written
 * beside its destination under a temporary name, made self-contained
 * (rollback journal, not WAL), checked, flushed to the disk, and only then
 * renamed into place, mode 0600: a backup either exists whole or not at all.
 *
 * Restore copies the backup next to the database, checks the copy (a Sila
 * Desk database, sound, of a data format this version reads) before it
 * touches anything, makes sure no other window or program has the database
 * open, sets the current database aside as DB.before-restore-<time>, and
 * puts the copy in its place. */
#define G_LOG_DOMAIN "sila-store"

#include "sila-config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sila-audit.h"
#include "sila-clock.h"
#include "sila-paths.h"
#include "sila-store-backup.h"
#include "sila-store-private.h"

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

void
sila_backup_info_free (SilaBackupInfo *info)
{
  if (info == NULL)
    return;

  g_free (info->path);
  g_free (info->made_at);
  g_free (info->association_name);
  g_free (info);
}

/* Files */

/* The common reasons a file cannot be read or written, in the UI language:
 * the C library's own words are often untranslated. */
static const char *
describe_errno (int code)
{
  switch (code)
    {
    case ENOENT:
      return _("there is no such file or folder");
    case EACCES:
    case EPERM:
      return _("permission denied");
    case ENOSPC:
      return _("the disk is full");
    case EROFS:
      return _("the disk is read-only");
    case ENAMETOOLONG:
      return _("the name is too long");
    case ENOTDIR:
      return _("part of the path is not a folder");
    case EISDIR:
      return _("it is a folder");
    case EIO:
      return _("the disk could not be read or written");
    default:
      return g_strerror (code);
    }
}

static gboolean
sync_path (const char *path,
           gboolean    directory)
{
  int fd = g_open (path, (directory ? O_RDONLY | O_DIRECTORY : O_RDWR) | O_CLOEXEC, 0);
  gboolean ok;

  if (fd < 0)
    return FALSE;
  ok = fsync (fd) == 0;
  close (fd);

  return ok;
}

static void
sync_parent (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  sync_path (dir, TRUE);
}

static void
remove_with_sidecars (const char *path)
{
  static const char *suffixes[] = { "", "-journal", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
}

/* A new empty file, mode 0600, named after @base. */
static char *
make_temporary (const char  *base,
                const char  *tag,
                GError     **error)
{
  g_autofree char *template = g_strdup_printf ("%s.%s-XXXXXX", base, tag);
  int fd = g_mkstemp_full (template, O_RDWR | O_CLOEXEC, 0600);

  if (fd < 0)
    {
      int saved = errno;
      g_autofree char *dir = g_path_get_dirname (base);
      g_autofree char *shown = g_filename_display_name (dir);

      g_set_error (error, SILA_STORE_ERROR,
                   saved == ENOSPC ? SILA_STORE_ERROR_DISK_FULL : SILA_STORE_ERROR_CANNOT_OPEN,
                   _("Cannot write into the folder “%s”: %s"), shown, describe_errno (saved));
      return NULL;
    }
  close (fd);

  return g_steal_pointer (&template);
}

static gboolean
copy_file (const char  *from,
           const char  *to,
           GError     **error)
{
  g_autofree char *shown = g_filename_display_name (from);
  char buffer[1 << 16];
  int in, out;
  gboolean ok = TRUE;
  int saved = 0;

  in = g_open (from, O_RDONLY | O_CLOEXEC, 0);
  if (in < 0)
    {
      saved = errno;
      g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_CANNOT_OPEN,
                   _("The backup “%s” cannot be read: %s"), shown, describe_errno (saved));
      return FALSE;
    }

  out = g_open (to, O_WRONLY | O_TRUNC | O_CLOEXEC, 0600);
  if (out < 0)
    {
      saved = errno;
      close (in);
      g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_CANNOT_OPEN,
                   _("Cannot write beside the database: %s"), describe_errno (saved));
      return FALSE;
    }

  for (;;)
    {
      gssize n = read (in, buffer, sizeof buffer);

      if (n == 0)
        break;
      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          saved = errno;
          ok = FALSE;
          g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_CANNOT_OPEN,
                       _("The backup “%s” cannot be read: %s"), shown, describe_errno (saved));
          break;
        }

      for (gssize done = 0; done < n && ok;)
        {
          gssize w = write (out, buffer + done, n - done);

          if (w < 0 && errno == EINTR)
            continue;
          if (w < 0)
            {
              saved = errno;
              ok = FALSE;
              g_set_error (error, SILA_STORE_ERROR,
                           saved == ENOSPC ? SILA_STORE_ERROR_DISK_FULL
                                           : SILA_STORE_ERROR_FAILED,
                           _("The backup could not be copied beside the database: %s"),
                           describe_errno (saved));
            }
          else
            done += w;
        }
      if (!ok)
        break;
    }

  if (ok && fsync (out) != 0)
    {
      saved = errno;
      ok = FALSE;
      g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_FAILED,
                   _("The backup could not be copied beside the database: %s"),
                   describe_errno (saved));
    }

  close (in);
  close (out);
  return ok;
}

/* Raw connections (the backup's own, the checks of a backup file) */

static void
set_raw_error (GError    **error,
               sqlite3    *db,
               const char *shown_path)
{
  int rc = db != NULL ? sqlite3_extended_errcode (db) : SQLITE_CANTOPEN;
  const char *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DISK_FULL,
                   _("The disk that holds “%s” is full. Nothing was written there."),
                   shown_path);
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_NOT_DATABASE,
                   _("“%s” is damaged or incomplete (%s)."), shown_path, detail);
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_BUSY,
                   _("“%s” is busy; try again in a moment."), shown_path);
      break;
    default:
      g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_FAILED,
                   _("“%s” could not be read or written (%s)."), shown_path, detail);
      break;
    }
}

static gboolean
raw_text (sqlite3     *db,
          const char  *sql,
          char       **value)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  *value = NULL;
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *value = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  return rc == SQLITE_ROW || rc == SQLITE_DONE;
}

static gboolean
raw_int (sqlite3    *db,
         const char *sql,
         gint64     *value)
{
  g_autofree char *text = NULL;

  if (!raw_text (db, sql, &text))
    return FALSE;

  *value = text != NULL ? g_ascii_strtoll (text, NULL, 10) : 0;
  return TRUE;
}

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

/* Checks that @path (a private copy, which may be written) is a sound Sila
 * Desk database of a format this version reads; @shown names the file the
 * user chose, for messages. Leaves it in rollback-journal mode. */
static SilaBackupInfo *
check_backup_copy (const char  *path,
                   const char  *shown,
                   gboolean     full_check,
                   GError     **error)
{
  g_autoptr(SilaBackupInfo) info = g_new0 (SilaBackupInfo, 1);
  g_autofree char *result = NULL;
  g_autofree char *mode = NULL;
  sqlite3 *db = NULL;
  gint64 app_id = 0, version = 0;
  gboolean ok = FALSE;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    goto damaged;

  sqlite3_extended_result_codes (db, 1);
  if (!raw_int (db, "PRAGMA application_id", &app_id))
    goto damaged;

  if (app_id != SILA_STORE_APPLICATION_ID)
    {
      gint64 n_tables = 0;

      /* An empty file reads as an empty database: it is a cut-off backup. */
      if (!raw_int (db, "SELECT count(*) FROM sqlite_schema", &n_tables) || n_tables == 0)
        {
          result = g_strdup (_("the file is empty"));
          goto damaged;
        }
      g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_NOT_DATABASE,
                   _("“%s” is not a Sila Desk backup. Nothing was replaced."), shown);
      goto out;
    }

  if (!raw_int (db, "PRAGMA user_version", &version))
    goto damaged;

  if (version > sila_store_get_latest_version ())
    {
      g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_TOO_NEW,
                   _("The backup “%s” was made by a newer version of Sila Desk (data format "
                     "%d; this version reads up to %d). Update Sila Desk to restore it. Nothing "
                     "was replaced."),
                   shown, (int)version, sila_store_get_latest_version ());
      goto out;
    }

  if (version < 1)
    goto damaged;

  if (!raw_text (db, full_check ? "PRAGMA integrity_check(1)" : "PRAGMA quick_check(1)",
                 &result) ||
      g_strcmp0 (result, "ok") != 0)
    goto damaged;

  /* A raw copy of a live database may be in WAL mode: make it whole. */
  if (!raw_text (db, "PRAGMA journal_mode = DELETE", &mode) || g_strcmp0 (mode, "delete") != 0)
    goto damaged;

  info->version = (int)version;
  raw_text (db, "SELECT value FROM meta WHERE key = 'backup_at'", &info->made_at);
  raw_text (db, "SELECT value FROM office_settings WHERE key = 'association_name'",
            &info->association_name);
  ok = TRUE;
  goto out;

damaged:
  {
    const char *detail = result != NULL ? result
                         : db != NULL ? sqlite3_errmsg (db)
                         : "";

    g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_NOT_DATABASE,
                 _("The backup “%s” is damaged or incomplete (%s). Nothing was replaced."),
                 shown, detail);
  }

out:
  sqlite3_close_v2 (db);
  return ok ? g_steal_pointer (&info) : NULL;
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

static char *
local_stamp (const char *format)
{
  g_autoptr(GDateTime) now = sila_clock_now ();
  g_autoptr(GDateTime) local = g_date_time_to_local (now);

  return g_date_time_format (local, format);
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
      stamp = local_stamp ("%Y%m%d-%H%M%S");
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

  partial = make_temporary (job->dest, "partial", error);
  if (partial == NULL)
    return FALSE;

  if (sqlite3_open_v2 (job->source, &src, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      set_raw_error (error, src, shown_source);
      goto out;
    }
  sqlite3_extended_result_codes (src, 1);
  sqlite3_busy_timeout (src, 10000);

  if (sqlite3_open_v2 (partial, &dst, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    {
      set_raw_error (error, dst, shown);
      goto out;
    }
  sqlite3_extended_result_codes (dst, 1);

  /* One step: one read transaction, so the copy is one moment's state and
   * a stream of saves elsewhere cannot make it start over and over. */
  backup = sqlite3_backup_init (dst, "main", src, "main");
  if (backup == NULL)
    {
      set_raw_error (error, dst, shown);
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
        set_raw_error (error, dst, shown);
      else
        set_raw_error (error, src, shown_source);
      goto out;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    goto out;

  /* A backup stands alone: no -wal file to lose on the way, and it says
   * when it was taken. */
  if (!raw_text (dst, "PRAGMA journal_mode = DELETE", &mode) || g_strcmp0 (mode, "delete") != 0 ||
      !raw_set_meta (dst, "backup_at", job->made_at) ||
      !raw_text (dst, "PRAGMA quick_check(1)", &check))
    {
      set_raw_error (error, dst, shown);
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

  if (!sync_path (partial, FALSE) || g_rename (partial, job->dest) != 0)
    {
      int saved = errno;

      g_set_error (error, SILA_STORE_ERROR,
                   saved == ENOSPC ? SILA_STORE_ERROR_DISK_FULL : SILA_STORE_ERROR_FAILED,
                   _("The backup “%s” could not be written: %s"), shown, describe_errno (saved));
      goto out;
    }
  g_chmod (job->dest, 0600);
  sync_parent (job->dest);
  ok = TRUE;

out:
  sqlite3_close_v2 (dst);
  sqlite3_close_v2 (src);
  if (!ok)
    remove_with_sidecars (partial);

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
  if (!sila_store_is_read_only (self))
    {
      g_autoptr(SilaTransaction) tx = NULL;
      g_autoptr(SilaStatement) stmt = NULL;
      g_autofree char *after_json = backup_json (job);

      tx = sila_transaction_begin (self, error);
      if (tx == NULL)
        return NULL;

      stmt = sila_store_prepare (self,
                                 "INSERT INTO meta (key, value) VALUES ('last_backup_at', ?1) "
                                 "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                                 error);
      if (stmt == NULL)
        return NULL;
      sila_bind_text (stmt, 1, job->made_at);
      if (sila_store_step (self, stmt, error) != SILA_STEP_DONE ||
          !sila_store_audit (self, job->actor, SILA_AUDIT_BACKUP, SILA_AUDIT_ENTITY_DATABASE,
                             sila_store_get_device_id (self),
                             job->kind == SILA_BACKUP_AUTOMATIC ? SILA_AUDIT_AUTOMATIC
                                                                 : SILA_AUDIT_MANUAL,
                             NULL, after_json, error) ||
          !sila_transaction_commit (tx, error))
        return NULL;
    }

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

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;

  return complete_job (self, g_task_get_task_data (G_TASK (result)), error);
}

/* Restoring */

/* What a backup file holds, read without changing it (not even its lock
 * files: it may sit on a read-only share). A quick look, to ask the user
 * before a restore; restore itself checks the file fully. */
SilaBackupInfo *
sila_backup_inspect (const char  *path,
                     GError     **error)
{
  g_autoptr(SilaBackupInfo) info = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *result = NULL;
  sqlite3 *db = NULL;
  gint64 app_id = 0, version = 0;

  g_return_val_if_fail (path != NULL, NULL);

  shown = g_filename_display_name (path);
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_CANNOT_OPEN,
                   _("The backup “%s” cannot be read: %s"), shown, describe_errno (ENOENT));
      return NULL;
    }

  uri = g_filename_to_uri (path, NULL, NULL);
  if (uri != NULL)
    {
      g_autofree char *full = g_strconcat (uri, "?immutable=1", NULL);

      sqlite3_open_v2 (full, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
    }

  if (db == NULL || !raw_int (db, "PRAGMA application_id", &app_id))
    {
      g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_NOT_DATABASE,
                   _("The backup “%s” is damaged or incomplete (%s). Nothing was replaced."),
                   shown, db != NULL ? sqlite3_errmsg (db) : "");
      sqlite3_close_v2 (db);
      return NULL;
    }

  info = g_new0 (SilaBackupInfo, 1);
  info->path = g_strdup (path);
  if (app_id != SILA_STORE_APPLICATION_ID)
    g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_NOT_DATABASE,
                 _("“%s” is not a Sila Desk backup. Nothing was replaced."), shown);
  else if (!raw_int (db, "PRAGMA user_version", &version) || version < 1 ||
           !raw_text (db, "SELECT value FROM meta WHERE key = 'backup_at'", &info->made_at))
    g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_NOT_DATABASE,
                 _("The backup “%s” is damaged or incomplete (%s). Nothing was replaced."),
                 shown, sqlite3_errmsg (db));
  else if (version > sila_store_get_latest_version ())
    g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_TOO_NEW,
                 _("The backup “%s” was made by a newer version of Sila Desk (data format "
                   "%d; this version reads up to %d). Update Sila Desk to restore it. Nothing "
                   "was replaced."),
                 shown, (int)version, sila_store_get_latest_version ());
  else
    {
      info->version = (int)version;
      raw_text (db, "SELECT value FROM office_settings WHERE key = 'association_name'",
                &info->association_name);
      sqlite3_close_v2 (db);
      return g_steal_pointer (&info);
    }

  sqlite3_close_v2 (db);
  return NULL;
}

static gboolean
move_aside (const char  *database_path,
            const char  *aside,
            GError     **error)
{
  static const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = g_strconcat (database_path, suffixes[i], NULL);
      g_autofree char *to = g_strconcat (aside, suffixes[i], NULL);

      if (!g_file_test (from, G_FILE_TEST_EXISTS))
        continue;

      if (g_rename (from, to) != 0)
        {
          int saved = errno;
          g_autofree char *shown = g_filename_display_name (from);

          /* Put back what was already moved. */
          for (guint j = 0; j < i; j++)
            {
              g_autofree char *back_from = g_strconcat (aside, suffixes[j], NULL);
              g_autofree char *back_to = g_strconcat (database_path, suffixes[j], NULL);

              g_rename (back_from, back_to);
            }
          g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_FAILED,
                       _("“%s” could not be set aside (%s). Nothing was replaced."),
                       shown, describe_errno (saved));
          return FALSE;
        }
    }

  return TRUE;
}

/* Makes sure nobody else has the database open and that it holds no
 * pending WAL content, so that it can be set aside as one file. */
static gboolean
quiesce (SilaStore   *current,
         GError     **error)
{
  g_autoptr(SilaStatement) stmt = NULL;
  g_autofree char *mode = NULL;
  g_autofree char *shown = g_filename_display_name (sila_store_get_path (current));

  if (sila_store_is_read_only (current))
    return TRUE;

  /* Leaving WAL mode needs the only connection to the file: it fails if
   * another window, desk or program has it open. */
  sila_store_set_busy_timeout (current, 0);
  sila_store_exec (current, "PRAGMA wal_checkpoint(TRUNCATE)", NULL);
  stmt = sila_store_prepare (current, "PRAGMA journal_mode = DELETE", NULL);
  if (stmt != NULL && sila_store_step (current, stmt, NULL) == SILA_STEP_ROW)
    mode = sila_column_dup (stmt, 0);

  if (g_strcmp0 (mode, "delete") != 0)
    {
      g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_BUSY,
                   _("“%s” is open in another Sila Desk window, on another desk or in another "
                     "program. Close it there, then restore again. Nothing was replaced."),
                   shown);
      return FALSE;
    }

  return TRUE;
}

static char *
restore_json (const char     *backup_path,
              const char     *aside,
              SilaBackupInfo *info)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *shown_backup = g_filename_display_name (backup_path);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "backup");
  json_builder_add_string_value (builder, shown_backup);
  json_builder_set_member_name (builder, "backup_taken_at");
  json_builder_add_string_value (builder, info->made_at);
  json_builder_set_member_name (builder, "backup_format");
  json_builder_add_int_value (builder, info->version);
  if (aside != NULL)
    {
      g_autofree char *shown_aside = g_filename_display_name (aside);

      json_builder_set_member_name (builder, "replaced_database_kept_as");
      json_builder_add_string_value (builder, shown_aside);
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);

  return json_to_string (root, FALSE);
}

/* Replaces the database at @database_path with the backup at @backup_path.
 *
 * Nothing is replaced unless the backup is a sound Sila Desk database of a
 * format this version reads, and nobody else has the database open. If the
 * current database can be read, @actor must be allowed to restore in it; a
 * damaged or missing one can be replaced by whoever owns the file. The
 * replaced database is kept as @aside_path (NULL if there was none); the
 * restored one is brought up to date and records the restore in its audit
 * trail. The caller closes its own connection to the database first. */
SilaBackupInfo *
sila_store_restore (const char       *database_path,
                    const char       *backup_path,
                    const SilaActor  *actor,
                    char            **aside_path,
                    GError          **error)
{
  g_autoptr(SilaStore) current = NULL;
  g_autoptr(SilaStore) restored = NULL;
  g_autoptr(SilaBackupInfo) info = NULL;
  g_autoptr(GError) open_error = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *after_json = NULL;
  GStatBuf backup_st, db_st;
  gboolean db_exists;

  g_return_val_if_fail (database_path != NULL && backup_path != NULL, NULL);

  if (aside_path != NULL)
    *aside_path = NULL;
  shown = g_filename_display_name (backup_path);

  if (g_stat (backup_path, &backup_st) != 0)
    {
      int saved = errno;

      g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_CANNOT_OPEN,
                   _("The backup “%s” cannot be read: %s"), shown, describe_errno (saved));
      return NULL;
    }
  if (!S_ISREG (backup_st.st_mode))
    {
      g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_CANNOT_OPEN,
                   _("“%s” is not a file."), shown);
      return NULL;
    }

  db_exists = g_stat (database_path, &db_st) == 0;
  if (db_exists && db_st.st_dev == backup_st.st_dev && db_st.st_ino == backup_st.st_ino)
    {
      g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_INVALID,
                   _("“%s” is the database itself, not a backup of it."), shown);
      return NULL;
    }

  /* Who may do it is decided by the database being replaced. */
  if (db_exists)
    {
      current = sila_store_open_unmigrated (database_path, &open_error);
      if (current != NULL && !sila_store_require (current, actor, SILA_PERM_BACKUP, error))
        return NULL;
    }

  /* Check a private copy beside the database: what is checked is what is
   * put in place, and the rename that installs it cannot fail half-way. */
  copy = make_temporary (database_path, "restoring", error);
  if (copy == NULL)
    return NULL;
  if (!copy_file (backup_path, copy, error) ||
      (info = check_backup_copy (copy, shown, TRUE, error)) == NULL ||
      !sync_path (copy, FALSE))
    {
      remove_with_sidecars (copy);
      return NULL;
    }
  info->path = g_strdup (backup_path);

  if (current != NULL)
    {
      if (!quiesce (current, error))
        {
          remove_with_sidecars (copy);
          return NULL;
        }
      g_clear_object (&current);
    }

  if (db_exists)
    {
      g_autofree char *stamp = local_stamp ("%Y%m%d-%H%M%S");

      for (int n = 1; aside == NULL || g_file_test (aside, G_FILE_TEST_EXISTS); n++)
        {
          g_free (aside);
          aside = n == 1 ? g_strdup_printf ("%s.before-restore-%s", database_path, stamp)
                         : g_strdup_printf ("%s.before-restore-%s-%d", database_path, stamp, n);
        }

      if (!move_aside (database_path, aside, error))
        {
          remove_with_sidecars (copy);
          return NULL;
        }
    }

  if (g_rename (copy, database_path) != 0)
    {
      int saved = errno;

      if (aside != NULL)
        move_aside (aside, database_path, NULL);
      remove_with_sidecars (copy);
      g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_FAILED,
                   _("The backup could not be put in place (%s). The database was left as it "
                     "was."),
                   describe_errno (saved));
      return NULL;
    }
  sync_parent (database_path);

  /* Bring an older backup up to date, and record what was done. */
  restored = sila_store_open (database_path, SILA_STORE_OPEN_MUST_EXIST, error);
  if (restored == NULL)
    return NULL;

  after_json = restore_json (backup_path, aside, info);
  {
    g_autoptr(SilaActor) owner = sila_actor_new_owner ();
    g_autoptr(SilaTransaction) tx = sila_transaction_begin (restored, error);

    if (tx == NULL ||
        !sila_store_audit (restored, actor != NULL ? actor : owner, SILA_AUDIT_RESTORE,
                           SILA_AUDIT_ENTITY_DATABASE, sila_store_get_device_id (restored),
                           NULL, NULL, after_json, error) ||
        !sila_transaction_commit (tx, error))
      return NULL;
  }

  if (aside_path != NULL)
    *aside_path = g_steal_pointer (&aside);

  return g_steal_pointer (&info);
}
