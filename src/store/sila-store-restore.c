/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Restore copies the backup next to the database, checks the copy (a Sila
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
#include "sila-store-backup-private.h"

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
                   _("The backup “%s” cannot be read: %s"), shown,
                   sila_backup_describe_errno (saved));
      return FALSE;
    }

  out = g_open (to, O_WRONLY | O_TRUNC | O_CLOEXEC, 0600);
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
                       shown, sila_backup_describe_errno (saved));
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
  if (db_exists)
    {
      current = sila_store_open_unmigrated (database_path, &open_error);
      if (current != NULL && !sila_store_require (current, actor, SILA_PERM_BACKUP, error))
        return NULL;
    }

  /* Check a private copy beside the database: what is checked is what is
   * put in place, and the rename that installs it cannot fail half-way. */
  copy = sila_backup_make_temporary (database_path, "restoring", error);
  if (copy == NULL)
    return NULL;
  if (!copy_file (backup_path, copy, error) ||
      (info = sila_backup_check_copy (copy, shown, TRUE, error)) == NULL ||
      !sila_backup_sync_path (copy, FALSE))
    {
      sila_backup_remove_with_sidecars (copy);
      return NULL;
    }
  info->path = g_strdup (backup_path);

  if (current != NULL)
    {
      if (!quiesce (current, error))
        {
          sila_backup_remove_with_sidecars (copy);
          return NULL;
        }
      g_clear_object (&current);
    }

  if (db_exists)
    {
      g_autofree char *stamp = sila_backup_local_stamp ("%Y%m%d-%H%M%S");

      for (int n = 1; aside == NULL || g_file_test (aside, G_FILE_TEST_EXISTS); n++)
        {
          g_free (aside);
          aside = n == 1 ? g_strdup_printf ("%s.before-restore-%s", database_path, stamp)
                         : g_strdup_printf ("%s.before-restore-%s-%d", database_path, stamp, n);
        }

      if (!move_aside (database_path, aside, error))
        {
          sila_backup_remove_with_sidecars (copy);
          return NULL;
        }
    }

  if (g_rename (copy, database_path) != 0)
    {
      int saved = errno;

      if (aside != NULL)
        move_aside (aside, database_path, NULL);
      sila_backup_remove_with_sidecars (copy);
      g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_FAILED,
                   _("The backup could not be put in place (%s). The database was left as it "
                     "was."),
                   sila_backup_describe_errno (saved));
      return NULL;
    }
  sila_backup_sync_parent (database_path);

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
