/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Checking backup files: the full check of a private copy before a
 * restore, and the quick look at what a backup holds, which changes
 * nothing. */
#define G_LOG_DOMAIN "sila-store"

#include "sila-config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>

#include "sila-sqlite-backup-private.h"

void
sila_backup_info_free (SilaBackupInfo *info)
{
  if (info == NULL)
    return;

  g_free (info->path);
  g_free (info->made_at);
  g_free (info->association_name);
  g_free (info->audit_chain_head);
  g_free (info);
}

/* Adds “Nothing was replaced.” to an error met while checking a backup. */
static void
nothing_replaced (GError **error)
{
  if (error != NULL && *error != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("%s Nothing was replaced."),
                                                  (*error)->message);

      g_free ((*error)->message);
      (*error)->message = g_steal_pointer (&message);
    }
}

static void
set_damaged (GError     **error,
             const char  *shown,
             const char  *detail)
{
  g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_NOT_DATABASE,
               _("The backup “%s” is damaged or incomplete (%s). Nothing was replaced."),
               shown, detail);
}

/* One statement of a backup's checks, within @seconds. */
static gboolean
timed_text (sqlite3      *db,
            const char   *sql,
            int           seconds,
            const char   *shown,
            char        **value,
            GError      **error)
{
  SilaDeadline deadline;
  sqlite3_stmt *stmt = NULL;
  int rc;

  *value = NULL;
  sila_deadline_begin (db, &deadline, seconds);
  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        *value = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
      if (rc == SQLITE_ROW || rc == SQLITE_DONE)
        rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  sila_deadline_end (db);

  if (rc != SQLITE_OK)
    {
      if ((rc & 0xff) == SQLITE_INTERRUPT)
        {
          sila_store_set_file_error (error, rc, db, shown);
          nothing_replaced (error);
        }
      else
        set_damaged (error, shown, sqlite3_errstr (rc));
      return FALSE;
    }

  return TRUE;
}

static gboolean
timed_int (sqlite3     *db,
           const char  *sql,
           const char  *shown,
           gint64      *value,
           GError     **error)
{
  g_autofree char *text = NULL;

  if (!timed_text (db, sql, SILA_DEADLINE_SCHEMA_SECONDS, shown, &text, error))
    return FALSE;

  *value = text != NULL ? g_ascii_strtoll (text, NULL, 10) : 0;
  return TRUE;
}

/* The checks of a backup open in @db, in an order that runs nothing of the
 * file's own (a view, a trigger) before its schema is known to be exactly
 * the one Sila Desk made for its data format; every step has a time limit.
 * @full adds an integrity check of every page. */
static gboolean
check_backup (sqlite3         *db,
              const char      *shown,
              gboolean         full,
              SilaBackupInfo  *info,
              GError         **error)
{
  g_autoptr(GPtrArray) differences = NULL;
  g_autofree char *result = NULL;
  gint64 app_id = 0, version = 0;

  if (!timed_int (db, "PRAGMA application_id", shown, &app_id, error))
    return FALSE;

  if (app_id != SILA_STORE_APPLICATION_ID)
    {
      gint64 n_tables = 0;

      /* An empty file reads as an empty database: it is a cut-off backup. */
      if (!timed_int (db, "SELECT count(*) FROM sqlite_schema", shown, &n_tables, NULL) ||
          n_tables == 0)
        {
          set_damaged (error, shown, _("the file is empty"));
          return FALSE;
        }
      g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_NOT_DATABASE,
                   _("“%s” is not a Sila Desk backup. Nothing was replaced."), shown);
      return FALSE;
    }

  if (!timed_int (db, "PRAGMA user_version", shown, &version, error))
    return FALSE;

  if (version > sila_store_get_latest_version ())
    {
      g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_TOO_NEW,
                   _("The backup “%s” was made by a newer version of Sila Desk (data format "
                     "%d; this version reads up to %d). Update Sila Desk to restore it. Nothing "
                     "was replaced."),
                   shown, (int)version, sila_store_get_latest_version ());
      return FALSE;
    }

  if (version < 1)
    {
      set_damaged (error, shown, "user_version");
      return FALSE;
    }

  differences = sila_store_schema_differences (db, (int)version, shown, error);
  if (differences == NULL)
    {
      nothing_replaced (error);
      return FALSE;
    }
  if (differences->len > 0)
    {
      g_autofree char *described = sila_store_schema_describe (differences);

      g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_NOT_DATABASE,
                   _("“%s” is not a Sila Desk backup as Sila Desk made it: %s. Nothing was "
                     "replaced."),
                   shown, described);
      return FALSE;
    }

  if (full)
    {
      if (!timed_text (db, "PRAGMA integrity_check(1)", SILA_DEADLINE_CHECK_SECONDS, shown,
                       &result, error))
        return FALSE;
      if (g_strcmp0 (result, "ok") != 0)
        {
          set_damaged (error, shown, result != NULL ? result : "");
          return FALSE;
        }
    }

  info->version = (int)version;
  return timed_text (db, "SELECT value FROM meta WHERE key = 'backup_at'",
                     SILA_DEADLINE_SCHEMA_SECONDS, shown, &info->made_at, error) &&
         timed_text (db, "SELECT value FROM office_settings WHERE key = 'association_name'",
                     SILA_DEADLINE_SCHEMA_SECONDS, shown, &info->association_name, error) &&
         timed_text (db, "SELECT value FROM meta WHERE key = 'audit_head'",
                     SILA_DEADLINE_SCHEMA_SECONDS, shown, &info->audit_chain_head, error);
}

/* Checks that @path (a private copy, which may be written) is a sound Sila
 * Desk database of a format this version reads; @shown names the file the
 * user chose, for messages. Leaves it in rollback-journal mode. */
SilaBackupInfo *
sila_backup_check_copy (const char  *path,
                        const char  *shown,
                        gboolean     full_check,
                        GError     **error)
{
  g_autoptr(SilaBackupInfo) info = g_new0 (SilaBackupInfo, 1);
  g_autofree char *mode = NULL;
  sqlite3 *db = NULL;
  gboolean ok = FALSE;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    set_damaged (error, shown, db != NULL ? sqlite3_errmsg (db) : "");
  else
    {
      sqlite3_extended_result_codes (db, 1);
      ok = check_backup (db, shown, full_check, info, error) &&
           /* A raw copy of a live database may be in WAL mode: make it whole. */
           timed_text (db, "PRAGMA journal_mode = DELETE", SILA_DEADLINE_CHECK_SECONDS, shown,
                       &mode, error);
      if (ok && g_strcmp0 (mode, "delete") != 0)
        {
          set_damaged (error, shown, "journal_mode");
          ok = FALSE;
        }
    }

  sqlite3_close_v2 (db);
  return ok ? g_steal_pointer (&info) : NULL;
}

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
  sqlite3 *db = NULL;
  gboolean ok;

  g_return_val_if_fail (path != NULL, NULL);

  shown = g_filename_display_name (path);
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_CANNOT_OPEN,
                   _("The backup “%s” cannot be read: %s"), shown,
                   sila_backup_describe_errno (ENOENT));
      return NULL;
    }

  {
    g_autofree char *absolute = g_canonicalize_filename (path, NULL);

    uri = g_filename_to_uri (absolute, NULL, NULL);
  }
  if (uri != NULL)
    {
      g_autofree char *full = g_strconcat (uri, "?immutable=1", NULL);

      sqlite3_open_v2 (full, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
    }
  if (db == NULL)
    {
      set_damaged (error, shown, "");
      return NULL;
    }

  sqlite3_extended_result_codes (db, 1);
  info = g_new0 (SilaBackupInfo, 1);
  info->path = g_strdup (path);
  ok = check_backup (db, shown, FALSE, info, error);
  sqlite3_close_v2 (db);

  return ok ? g_steal_pointer (&info) : NULL;
}
