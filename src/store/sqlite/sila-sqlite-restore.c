/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Restore, in steps that each leave a database at the path, the old one or
 * the new one, whenever the process stops:
 *
 *  1. the backup is copied beside the database, under a temporary name;
 *  2. the copy is checked: a Sila Desk database, of a data format this
 *     version reads, whose schema is exactly the one Sila Desk made (no
 *     extra trigger or view, nothing missing), sound in every page, each
 *     step with a time limit;
 *  3. the current database is kept aside as DB.before-restore-<time> (a
 *     second name for the same file);
 *  4. the copy is brought up to date and the restore recorded in its audit
 *     trail, then flushed to the disk;
 *  5. the current database is locked: nobody else may have it open;
 *  6. the copy is renamed over the path, which replaces the old file in one
 *     step;
 *  7. the folder is flushed to the disk.
 *
 * A failure before step 6 leaves the database as it was. Who may restore
 * is decided by the database being replaced: an administrator signed in to
 * it, or, for a database without accounts or one that cannot be opened, the
 * user who owns its file. */
#define G_LOG_DOMAIN "sila-store"

#include "sila-config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sila-audit.h"
#include "sila-sqlite-backup-private.h"

static gboolean
copy_file (const char  *from,
           const char  *to,
           int          out_flags,
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
                   _("The backup “%s” cannot be read: %s"), shown,
                   sila_backup_describe_errno (saved));
      return FALSE;
    }

  out = g_open (to, O_WRONLY | O_CLOEXEC | out_flags, 0600);
  if (out < 0)
    {
      saved = errno;
      close (in);
      g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_CANNOT_OPEN,
                   _("Cannot write beside the database: %s"), sila_backup_describe_errno (saved));
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
                       _("The backup “%s” cannot be read: %s"), shown,
                       sila_backup_describe_errno (saved));
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
                           sila_backup_describe_errno (saved));
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
                   sila_backup_describe_errno (saved));
    }

  close (in);
  close (out);
  return ok;
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
  if (info->audit_chain_head != NULL)
    {
      json_builder_set_member_name (builder, "backup_audit_chain_head");
      json_builder_add_string_value (builder, info->audit_chain_head);
    }
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

/* For the tests of a restore stopped half-way: SILA_TEST_RESTORE_KILL_AFTER=N
 * kills the process (SIGKILL, as a power cut would) after step N. */
static void
step_done (int step)
{
  const char *stop = g_getenv ("SILA_TEST_RESTORE_KILL_AFTER");

  if (stop != NULL && g_ascii_strtoll (stop, NULL, 10) == step)
    raise (SIGKILL);
}

/* The user who owns the file may replace a database nobody can sign in to. */
static gboolean
require_file_owner (const char  *database_path,
                    GStatBuf    *db_st,
                    const char  *why,
                    GError     **error)
{
  g_autofree char *shown = g_filename_display_name (database_path);

  if (db_st->st_uid == geteuid ())
    return TRUE;

  g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DENIED,
               _("Only the user who owns “%s” on this computer may replace it (%s). Nothing was "
                 "replaced."),
               shown, why);
  return FALSE;
}

/* Who may replace the database at @database_path: in a database with staff
 * accounts, an administrator signed in to it; in one without, or one that
 * cannot be opened (damaged, not Sila Desk's, not readable by this user),
 * the owner of the file. The opened database is returned in @current. */
static gboolean
may_replace (const char       *database_path,
             GStatBuf         *db_st,
             const SilaActor  *actor,
             SilaStore       **current,
             GError          **error)
{
  g_autoptr(GError) open_error = NULL;
  g_autoptr(GError) count_error = NULL;
  gint64 n_staff = 0;

  *current = sila_store_open_unmigrated (database_path, &open_error);
  if (*current == NULL)
    return require_file_owner (database_path, db_st, open_error->message, error);

  /* Before data format 2 there were no accounts (no staff table). */
  if (!sila_store_count_staff (*current, &n_staff, &count_error))
    n_staff = 0;

  if (n_staff > 0)
    return sila_store_require (*current, actor, SILA_PERM_BACKUP, error);

  return require_file_owner (database_path, db_st,
                             _("it has no staff accounts to sign in with"), error);
}

/* Makes sure nobody else has the database open and that it holds no
 * pending WAL content, then keeps it locked until the connection closes:
 * nobody opens it again before the copy is in its place. */
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
  g_clear_pointer (&stmt, sila_statement_release);

  if (g_strcmp0 (mode, "delete") != 0 || !sila_store_exec (current, "BEGIN EXCLUSIVE", NULL))
    {
      if (g_strcmp0 (mode, "delete") == 0)
        sila_store_exec (current, "PRAGMA journal_mode = WAL", NULL);
      g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_BUSY,
                   _("“%s” is open in another Sila Desk window, on another desk or in another "
                     "program. Close it there, then restore again. Nothing was replaced."),
                   shown);
      return FALSE;
    }

  return TRUE;
}

/* Gives the database back as it was, after a failure once it was locked. */
static void
unquiesce (SilaStore *current)
{
  if (current == NULL || sila_store_is_read_only (current))
    return;

  sila_store_exec (current, "ROLLBACK", NULL);
  sila_store_exec (current, "PRAGMA journal_mode = WAL", NULL);
}

/* Step 3: a second name for the current database, so that it is kept
 * whatever happens to the path; a copy where the disk has no hard links
 * (then only once it is locked and whole, see keep_copy_aside()). */
static char *
link_aside (const char *database_path,
            gboolean   *linked)
{
  g_autofree char *stamp = sila_backup_local_stamp ("%Y%m%d-%H%M%S");

  *linked = FALSE;
  for (int n = 1; n < 1000; n++)
    {
      g_autofree char *aside = n == 1 ? g_strdup_printf ("%s.before-restore-%s",
                                                         database_path, stamp)
                                      : g_strdup_printf ("%s.before-restore-%s-%d",
                                                         database_path, stamp, n);

      if (link (database_path, aside) == 0)
        {
          *linked = TRUE;
          return g_steal_pointer (&aside);
        }
      if (errno != EEXIST && !g_file_test (aside, G_FILE_TEST_EXISTS))
        return g_steal_pointer (&aside);
    }

  return NULL;
}

/* SQLite's side files of the file at the path belong to the old database:
 * left there, they would be read as the new one's. */
static void
move_sidecars_aside (const char *database_path,
                     const char *aside)
{
  static const char *suffixes[] = { "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = g_strconcat (database_path, suffixes[i], NULL);
      g_autofree char *to = g_strconcat (aside, suffixes[i], NULL);

      if (g_file_test (from, G_FILE_TEST_EXISTS) && g_rename (from, to) != 0)
        g_unlink (from);
    }
}

/* Step 4: the copy brought up to date, the restore recorded in its own
 * audit trail, left whole in one file on the disk. */
static gboolean
prepare_copy (const char       *copy,
              const char       *backup_path,
              const char       *aside,
              SilaBackupInfo   *info,
              const SilaActor  *actor,
              GError          **error)
{
  g_autoptr(SilaStore) restored = NULL;
  g_autoptr(SilaActor) owner = sila_actor_new_owner ();
  g_autofree char *after_json = NULL;
  gboolean ok;

  restored = sila_store_open (copy, SILA_STORE_OPEN_MUST_EXIST, error);
  if (restored == NULL)
    return FALSE;

  after_json = restore_json (backup_path, aside, info);
  {
    g_autoptr(SilaTransaction) tx = sila_transaction_begin (restored, error);

    ok = tx != NULL &&
         sila_store_audit (restored, actor != NULL ? actor : owner, SILA_AUDIT_RESTORE,
                           SILA_AUDIT_ENTITY_DATABASE, sila_store_get_device_id (restored),
                           NULL, NULL, after_json, error) &&
         sila_transaction_commit (tx, error);
  }
  if (ok)
    ok = sila_store_exec (restored, "PRAGMA journal_mode = DELETE", error);
  g_clear_object (&restored);

  return ok && sila_backup_sync_path (copy, FALSE);
}

/* Replaces the database at @database_path with the backup at @backup_path.
 *
 * Nothing is replaced unless the backup is a sound Sila Desk database of a
 * format this version reads, with exactly the schema Sila Desk made, and
 * nobody else has the database open. In a database with staff accounts,
 * @actor must be an administrator of it; one without accounts, or one that
 * cannot be opened, may be replaced by the user who owns its file. The
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
  g_autoptr(SilaBackupInfo) info = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *aside = NULL;
  GStatBuf backup_st, db_st;
  gboolean db_exists;
  gboolean linked = FALSE;

  g_return_val_if_fail (database_path != NULL && backup_path != NULL, NULL);

  if (aside_path != NULL)
    *aside_path = NULL;
  shown = g_filename_display_name (backup_path);

  if (g_stat (backup_path, &backup_st) != 0)
    {
      int saved = errno;

      g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_CANNOT_OPEN,
                   _("The backup “%s” cannot be read: %s"), shown,
                   sila_backup_describe_errno (saved));
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
  if (db_exists && !may_replace (database_path, &db_st, actor, &current, error))
    return NULL;

  /* 1, 2: check a private copy beside the database: what is checked is
   * what is put in place, and the rename that installs it is one step. */
  copy = sila_backup_make_temporary (database_path, "restoring", error);
  if (copy == NULL)
    return NULL;
  if (!copy_file (backup_path, copy, O_TRUNC, error))
    goto failed;
  step_done (1);
  info = sila_backup_check_copy (copy, shown, TRUE, error);
  if (info == NULL)
    goto failed;
  info->path = g_strdup (backup_path);
  step_done (2);

  /* 3: the audit entry of step 4 says where the old one went. */
  if (db_exists)
    {
      aside = link_aside (database_path, &linked);
      if (aside == NULL)
        {
          g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_FAILED,
                       _("The database could not be kept aside. Nothing was replaced."));
          goto failed;
        }
    }
  step_done (3);

  /* 4 */
  if (!prepare_copy (copy, backup_path, aside, info, actor, error))
    {
      g_prefix_error (error, _("The backup could not be brought up to date: "));
      goto failed;
    }
  step_done (4);

  /* 5 */
  if (current != NULL && !quiesce (current, error))
    goto failed;
  step_done (5);

  /* Where the disk has no hard links, the old database is copied aside
   * now that it is locked and whole. */
  if (db_exists && !linked &&
      !copy_file (database_path, aside, O_CREAT | O_EXCL, error))
    {
      g_unlink (aside);
      g_clear_pointer (&aside, g_free);
      unquiesce (current);
      goto failed;
    }
  if (db_exists)
    move_sidecars_aside (database_path, aside);

  /* 6: one rename replaces the old file with the new one. */
  if (g_rename (copy, database_path) != 0)
    {
      int saved = errno;

      unquiesce (current);
      g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_FAILED,
                   _("The backup could not be put in place (%s). Nothing was replaced."),
                   sila_backup_describe_errno (saved));
      goto failed;
    }
  step_done (6);
  sila_backup_sync_parent (database_path);
  step_done (7);

  /* The lock on the old file (now only the one aside) goes with it. */
  if (current != NULL && !sila_store_is_read_only (current))
    sila_store_exec (current, "ROLLBACK", NULL);
  g_clear_object (&current);

  if (aside_path != NULL)
    *aside_path = g_steal_pointer (&aside);

  return g_steal_pointer (&info);

failed:
  if (aside != NULL)
    g_unlink (aside);
  sila_backup_remove_with_sidecars (copy);
  return NULL;
}
