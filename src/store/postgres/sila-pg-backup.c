/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Backups of a server's database, with PostgreSQL's own tools (restores
 * and checks are sila-pg-restore.c, what they share sila-pg-tools.c).
 *
 * - A backup is `pg_dump -Fc`: one snapshot of the database (pg_dump reads
 *   in one repeatable-read transaction) while the desks go on saving. It is
 *   written beside its destination under a temporary name, mode 0600, read
 *   back whole with `pg_restore`, flushed and only then renamed into place,
 *   as the file backups are.
 * - A restore is `pg_restore` into an EMPTY database, in one transaction:
 *   nothing of an office is ever mixed with another's or half replaced.
 *   The backup is read whole first; a damaged, cut, foreign or newer one is
 *   refused before the server is touched.
 * - A check is amcheck: every B-tree index (with its heap) and every table.
 *
 * The tools are started with g_spawn (no shell). The connection reaches
 * them as a keyword string without its password; a password written into
 * the location goes in PGPASSWORD, in their environment only. */
#define G_LOG_DOMAIN "sila-store"

#include "sila-config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <unistd.h>

#include "sila-audit.h"
#include "sila-clock.h"
#include "sila-paths.h"
#include "sila-pg-tools.h"
#include "sila-store-backup.h"
#include "sila-store-private.h"

#define DUMP_PREFIX "sila-"
#define DUMP_SUFFIX ".dump"
/* Every archive of pg_dump's custom format begins so. */
#define DUMP_MAGIC "PGDMP"

/* Reading a backup */

static void
set_damaged (GError     **error,
             const char  *shown,
             const char  *detail)
{
  g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_NOT_DATABASE,
               _("The backup “%s” is damaged or incomplete (%s). Nothing was replaced."),
               shown, detail);
}

static void
set_foreign (GError     **error,
             const char  *shown)
{
  g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_NOT_DATABASE,
               _("“%s” is not a Sila Desk backup. Nothing was replaced."), shown);
}

/* The rows of one table in the dump, as pg_restore writes them (COPY's
 * text format: tab-separated, \N for NULL). */
static GHashTable *
read_key_values (const char  *path,
                 const char  *table,
                 GError     **error)
{
  g_autofree char *tool = sila_pg_find_tool ("pg_restore");
  g_autofree char *out = NULL;
  g_autofree char *complaint = NULL;
  const char *argv[] = { tool, "--data-only", "--table", table, "--file", "-", path, NULL };
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_auto(GStrv) lines = NULL;
  gboolean in_copy = FALSE;
  int status = 0;

  if (!sila_pg_run_tool (argv, NULL, &out, &complaint, &status, error))
    return NULL;
  if (status != 0)
    {
      g_autofree char *shown = g_filename_display_name (path);

      set_damaged (error, shown, complaint);
      return NULL;
    }

  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (!in_copy)
        {
          in_copy = g_str_has_prefix (lines[i], "COPY ");
          continue;
        }
      if (g_str_equal (lines[i], "\\."))
        break;

      {
        g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);

        if (g_strv_length (fields) >= 2)
          g_hash_table_insert (values, g_strcompress (fields[0]), g_strcompress (fields[1]));
      }
    }

  return g_steal_pointer (&values);
}

SilaBackupInfo *
sila_server_backup_inspect (const char  *path,
                            GError     **error)
{
  g_autofree char *shown = g_filename_display_name (path);
  g_autofree char *tool = sila_pg_find_tool ("pg_restore");
  g_autofree char *list = NULL;
  g_autofree char *complaint = NULL;
  g_autoptr(GHashTable) meta = NULL;
  g_autoptr(GHashTable) settings = NULL;
  g_autoptr(SilaBackupInfo) info = NULL;
  const char *version_text;
  char magic[sizeof DUMP_MAGIC - 1] = { 0 };
  gint64 version = 0;
  int status = 0;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  /* Not even pg_dump's: said at once, without starting a tool on it. */
  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("The backup “%s” cannot be read: %s"), shown, g_strerror (saved));
      return NULL;
    }
  {
    gssize n = read (fd, magic, sizeof magic);

    close (fd);
    if (n == 0)
      {
        set_damaged (error, shown, _("the file is empty"));
        return NULL;
      }
    if (n != (gssize)sizeof magic || memcmp (magic, DUMP_MAGIC, sizeof magic) != 0)
      {
        set_foreign (error, shown);
        return NULL;
      }
  }

  /* Its table of contents: a newer pg_dump's format is refused here. */
  {
    const char *argv[] = { tool, "--list", path, NULL };

    if (!sila_pg_run_tool (argv, NULL, &list, &complaint, &status, error))
      return NULL;
  }
  if (status != 0)
    {
      if (strstr (complaint, "unsupported version") != NULL)
        g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_TOO_NEW,
                     _("The backup “%s” was made by a newer version of PostgreSQL than this "
                       "computer has (%s). Nothing was replaced."),
                     shown, complaint);
      else
        set_damaged (error, shown, complaint);
      return NULL;
    }
  if (strstr (list, " TABLE DATA ") == NULL || strstr (list, " sila_meta ") == NULL)
    {
      set_foreign (error, shown);
      return NULL;
    }

  meta = read_key_values (path, "sila_meta", error);
  if (meta == NULL)
    return NULL;
  if (g_strcmp0 (g_hash_table_lookup (meta, "application"), "sila-desk") != 0)
    {
      set_foreign (error, shown);
      return NULL;
    }
  version_text = g_hash_table_lookup (meta, "schema_version");
  if (version_text == NULL || !g_ascii_string_to_signed (version_text, 10, 1, G_MAXINT, &version,
                                                         NULL))
    {
      set_damaged (error, shown, _("it does not say its data format"));
      return NULL;
    }
  if (version > sila_store_get_latest_version ())
    {
      g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_TOO_NEW,
                   _("The backup “%s” was made by a newer version of Sila Desk (data format "
                     "%d; this version reads up to %d). Update Sila Desk to restore it. Nothing "
                     "was replaced."),
                   shown, (int)version, sila_store_get_latest_version ());
      return NULL;
    }

  /* Every byte of it, read back: a dump cut short or changed on the way
   * fails here, not halfway through a restore. */
  {
    const char *argv[] = { tool, "--file", "/dev/null", path, NULL };

    g_clear_pointer (&complaint, g_free);
    if (!sila_pg_run_tool (argv, NULL, NULL, &complaint, &status, error))
      return NULL;
    if (status != 0)
      {
        set_damaged (error, shown, complaint);
        return NULL;
      }
  }

  settings = read_key_values (path, "office_settings", error);
  if (settings == NULL)
    return NULL;

  info = g_new0 (SilaBackupInfo, 1);
  info->path = g_strdup (path);
  info->version = (int)version;
  info->association_name = g_strdup (g_hash_table_lookup (settings, "association_name"));
  info->made_at = g_strdup (g_hash_table_lookup (meta, "backup_at"));
  if (info->made_at == NULL)
    {
      /* The dump was written at once and renamed into place: its time is
       * the file's. */
      GStatBuf st;

      if (g_stat (path, &st) == 0)
        {
          g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (st.st_mtime);

          info->made_at = g_date_time_format (when, "%Y-%m-%dT%H:%M:%S.000Z");
        }
    }
  return g_steal_pointer (&info);
}

/* Taking a backup */

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

/* Keeps the newest @keep dumps of this database in @folder. */
static void
prune (const char *folder,
       const char *prefix,
       int         keep)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (keep <= 0)
    return;
  dir = g_dir_open (folder, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, prefix) && g_str_has_suffix (name, DUMP_SUFFIX))
      g_ptr_array_add (names, g_strdup (name));

  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i + keep < names->len; i++)
    {
      g_autofree char *path = g_build_filename (folder, g_ptr_array_index (names, i), NULL);

      if (g_unlink (path) != 0)
        g_message ("An old backup could not be removed: %s", g_strerror (errno));
    }
}

static gboolean
sync_and_rename (const char  *partial,
                 const char  *dest,
                 GError     **error)
{
  g_autofree char *shown = g_filename_display_name (dest);
  g_autofree char *parent = g_path_get_dirname (dest);
  int fd = g_open (partial, O_RDONLY | O_CLOEXEC, 0);
  int saved = 0;

  if (fd < 0 || fsync (fd) != 0)
    saved = errno;
  if (fd >= 0)
    close (fd);
  if (saved == 0 && g_rename (partial, dest) != 0)
    saved = errno;
  if (saved != 0)
    {
      g_set_error (error, SILA_STORE_ERROR,
                   saved == ENOSPC ? SILA_STORE_ERROR_DISK_FULL : SILA_STORE_ERROR_FAILED,
                   _("The backup “%s” could not be written: %s"), shown, g_strerror (saved));
      return FALSE;
    }

  fd = g_open (parent, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
  return TRUE;
}

/* Where the backup goes: a file (an older server backup there may be
 * replaced, nothing else), a folder, or the office's backup folder. */
static char *
choose_destination (SilaStore   *self,
                    const char  *target,
                    char       **folder,
                    char       **prefix,
                    GError     **error)
{
  g_autofree char *chosen = NULL;
  g_autofree char *device = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *stamp = NULL;
  char *dest = NULL;

  if (target != NULL && !g_file_test (target, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *shown = g_filename_display_name (target);
      g_autofree char *parent = g_path_get_dirname (target);

      if (!g_file_test (parent, G_FILE_TEST_IS_DIR))
        {
          g_autofree char *shown_parent = g_filename_display_name (parent);

          g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_CANNOT_OPEN,
                       _("The folder “%s” is not there. Is the backup disk connected?"),
                       shown_parent);
          return NULL;
        }
      if (g_file_test (target, G_FILE_TEST_EXISTS))
        {
          g_autoptr(SilaBackupInfo) info = sila_server_backup_inspect (target, NULL);

          if (info == NULL)
            {
              g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_INVALID,
                           _("“%s” exists and is not a Sila Desk backup, so it was not "
                             "replaced. Choose another file name."),
                           shown);
              return NULL;
            }
        }
      return g_strdup (target);
    }

  if (target == NULL)
    {
      g_autofree char *default_folder = sila_store_get_default_backup_folder ();

      chosen = sila_store_get_backup_folder (self);
      if (g_str_equal (chosen, default_folder) && !sila_paths_ensure_private_dir (chosen, error))
        return NULL;
    }
  else
    chosen = g_strdup (target);

  if (!g_file_test (chosen, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *shown = g_filename_display_name (chosen);

      g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_CANNOT_OPEN,
                   _("The backup folder “%s” is not there. Is the backup disk connected?"),
                   shown);
      return NULL;
    }

  device = g_strndup (sila_store_get_device_id (self), 8);
  *prefix = g_strconcat (DUMP_PREFIX, device, "-", NULL);
  now = g_date_time_new_now_local ();
  stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  for (int n = 1; dest == NULL || g_file_test (dest, G_FILE_TEST_EXISTS); n++)
    {
      g_autofree char *name = n == 1
        ? g_strconcat (*prefix, stamp, DUMP_SUFFIX, NULL)
        : g_strdup_printf ("%s%s-%d%s", *prefix, stamp, n, DUMP_SUFFIX);

      g_free (dest);
      dest = g_build_filename (chosen, name, NULL);
    }
  *folder = g_steal_pointer (&chosen);
  return dest;
}

/* pg_dump into @dest (under a temporary name, read back, then renamed). */
static gboolean
dump_to (const SilaPgConnection  *c,
         const char        *dest,
         GError           **error)
{
  g_autofree char *tool = sila_pg_find_tool ("pg_dump");
  g_autofree char *partial = NULL;
  g_autofree char *complaint = NULL;
  g_autofree char *dbname = NULL;
  g_autoptr(SilaBackupInfo) info = NULL;
  g_autoptr(GError) local = NULL;
  int status = 0;
  int fd;

  partial = g_strconcat (dest, ".partial-XXXXXX", NULL);
  fd = g_mkstemp_full (partial, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_autofree char *shown = g_filename_display_name (dest);

      g_set_error (error, SILA_STORE_ERROR,
                   saved == ENOSPC ? SILA_STORE_ERROR_DISK_FULL : SILA_STORE_ERROR_FAILED,
                   _("The backup “%s” could not be written: %s"), shown, g_strerror (saved));
      return FALSE;
    }
  close (fd);

  dbname = g_strconcat ("--dbname=", c->keywords, NULL);
  {
    const char *argv[] = { tool, "--format=custom", "--file", partial, dbname, NULL };

    if (!sila_pg_run_tool (argv, c, NULL, &complaint, &status, error))
      {
        g_unlink (partial);
        return FALSE;
      }
  }
  if (status != 0)
    {
      g_autofree char *shown = g_filename_display_name (dest);

      g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_FAILED,
                   _("The backup “%s” could not be made: %s"), shown, complaint);
      g_unlink (partial);
      return FALSE;
    }

  info = sila_server_backup_inspect (partial, &local);
  if (info == NULL)
    {
      g_autofree char *shown = g_filename_display_name (dest);

      g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_FAILED,
                   _("The backup “%s” did not pass its check (%s) and was not kept."),
                   shown, local->message);
      g_unlink (partial);
      return FALSE;
    }

  g_chmod (partial, 0600);
  if (!sync_and_rename (partial, dest, error))
    {
      g_unlink (partial);
      return FALSE;
    }
  return TRUE;
}

static char *
backup_json (const char *dest)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *shown = g_filename_display_name (dest);
  GStatBuf st;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "file");
  json_builder_add_string_value (builder, shown);
  if (g_stat (dest, &st) == 0)
    {
      json_builder_set_member_name (builder, "bytes");
      json_builder_add_int_value (builder, st.st_size);
    }
  json_builder_set_member_name (builder, "tool");
  json_builder_add_string_value (builder, "pg_dump -Fc");
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);

  return json_to_string (root, FALSE);
}

/* A backup: decided and checked on the store's thread, the dump in any
 * thread (files and tools only), recorded on the store's thread again. */
typedef struct {
  SilaActor        *actor;
  SilaBackupKind    kind;
  SilaPgConnection  connection;
  char             *dest;
  char             *folder;      /* set when backups in it are pruned */
  char             *prefix;
  char             *made_at;
} ServerJob;

static void
server_job_free (ServerJob *job)
{
  g_clear_pointer (&job->actor, sila_actor_free);
  sila_pg_connection_clear (&job->connection);
  g_free (job->dest);
  g_free (job->folder);
  g_free (job->prefix);
  g_free (job->made_at);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ServerJob, server_job_free)

static ServerJob *
prepare_server_job (SilaStore        *self,
                    const char       *conninfo,
                    const SilaActor  *actor,
                    SilaBackupKind    kind,
                    const char       *target,
                    GError          **error)
{
  g_autoptr(ServerJob) job = g_new0 (ServerJob, 1);
  g_autofree char *folder = NULL;

  if (!sila_store_require (self, actor,
                           kind == SILA_BACKUP_AUTOMATIC ? SILA_PERM_BACKUP_SCHEDULED
                                                         : SILA_PERM_BACKUP,
                           error) ||
      !sila_pg_parse_connection (conninfo, &job->connection, error))
    return NULL;

  job->actor = sila_actor_copy (actor);
  job->kind = kind;
  job->dest = choose_destination (self, target, &folder, &job->prefix, error);
  if (job->dest == NULL)
    return NULL;
  /* Only the office's own folder is pruned, as for files. */
  if (folder != NULL && (target == NULL || kind == SILA_BACKUP_AUTOMATIC))
    job->folder = g_steal_pointer (&folder);
  job->made_at = sila_clock_timestamp ();
  return g_steal_pointer (&job);
}

/* The backup exists even if the database cannot record it. */
static char *
complete_server_job (SilaStore  *self,
                     ServerJob  *job,
                     GError    **error)
{
  g_autofree char *after_json = backup_json (job->dest);

  if (!sila_store_record_backup (self, job->actor, job->kind, job->made_at, job->dest,
                                 after_json, error))
    return NULL;

  if (job->folder != NULL)
    prune (job->folder, job->prefix,
           sila_store_get_setting_int (self, SILA_SETTING_BACKUP_KEEP, SILA_BACKUP_KEEP_DEFAULT));

  return g_strdup (job->dest);
}

char *
sila_store_server_backup (SilaStore        *self,
                          const char       *conninfo,
                          const SilaActor  *actor,
                          SilaBackupKind    kind,
                          const char       *target,
                          GError          **error)
{
  g_autoptr(ServerJob) job = NULL;

  g_return_val_if_fail (SILA_IS_STORE (self), NULL);
  g_return_val_if_fail (conninfo != NULL, NULL);

  job = prepare_server_job (self, conninfo, actor, kind, target, error);
  if (job == NULL || !dump_to (&job->connection, job->dest, error))
    return NULL;
  return complete_server_job (self, job, error);
}

static void
server_backup_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  ServerJob *job = task_data;
  GError *error = NULL;

  if (!g_cancellable_set_error_if_cancelled (cancellable, &error) &&
      dump_to (&job->connection, job->dest, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
sila_store_server_backup_async (SilaStore           *self,
                                const char          *conninfo,
                                const SilaActor     *actor,
                                SilaBackupKind       kind,
                                const char          *target,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  ServerJob *job;

  g_return_if_fail (SILA_IS_STORE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sila_store_server_backup_async);

  job = prepare_server_job (self, conninfo, actor, kind, target, &error);
  if (job == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_set_task_data (task, job, (GDestroyNotify)server_job_free);
  g_task_run_in_thread (task, server_backup_thread);
}

char *
sila_store_server_backup_finish (SilaStore     *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  return complete_server_job (self, g_task_get_task_data (G_TASK (result)), error);
}
