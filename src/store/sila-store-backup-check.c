/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Checking backup files: the full check of a private copy before a
 * restore, and the quick look at what a backup holds, which changes
 * nothing. */
#define G_LOG_DOMAIN "sila-store"

#include "sila-config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>

#include "sila-store-backup-private.h"

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
  g_autofree char *result = NULL;
  g_autofree char *mode = NULL;
  sqlite3 *db = NULL;
  gint64 app_id = 0, version = 0;
  gboolean ok = FALSE;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    goto damaged;

  sqlite3_extended_result_codes (db, 1);
  if (!sila_backup_raw_int (db, "PRAGMA application_id", &app_id))
    goto damaged;

  if (app_id != SILA_STORE_APPLICATION_ID)
    {
      gint64 n_tables = 0;

      /* An empty file reads as an empty database: it is a cut-off backup. */
      if (!sila_backup_raw_int (db, "SELECT count(*) FROM sqlite_schema", &n_tables) ||
          n_tables == 0)
        {
          result = g_strdup (_("the file is empty"));
          goto damaged;
        }
      g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_NOT_DATABASE,
                   _("“%s” is not a Sila Desk backup. Nothing was replaced."), shown);
      goto out;
    }

  if (!sila_backup_raw_int (db, "PRAGMA user_version", &version))
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

  if (!sila_backup_raw_text (db, full_check ? "PRAGMA integrity_check(1)" : "PRAGMA quick_check(1)",
                 &result) ||
      g_strcmp0 (result, "ok") != 0)
    goto damaged;

  /* A raw copy of a live database may be in WAL mode: make it whole. */
  if (!sila_backup_raw_text (db, "PRAGMA journal_mode = DELETE", &mode) ||
      g_strcmp0 (mode, "delete") != 0)
    goto damaged;

  info->version = (int)version;
  sila_backup_raw_text (db, "SELECT value FROM meta WHERE key = 'backup_at'", &info->made_at);
  sila_backup_raw_text (db, "SELECT value FROM office_settings WHERE key = 'association_name'",
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
                   _("The backup “%s” cannot be read: %s"), shown,
                   sila_backup_describe_errno (ENOENT));
      return NULL;
    }

  uri = g_filename_to_uri (path, NULL, NULL);
  if (uri != NULL)
    {
      g_autofree char *full = g_strconcat (uri, "?immutable=1", NULL);

      sqlite3_open_v2 (full, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
    }

  if (db == NULL || !sila_backup_raw_int (db, "PRAGMA application_id", &app_id))
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
  else if (!sila_backup_raw_int (db, "PRAGMA user_version", &version) || version < 1 ||
           !sila_backup_raw_text (db, "SELECT value FROM meta WHERE key = 'backup_at'",
                                  &info->made_at))
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
      sila_backup_raw_text (db, "SELECT value FROM office_settings WHERE key = 'association_name'",
                            &info->association_name);
      sqlite3_close_v2 (db);
      return g_steal_pointer (&info);
    }

  sqlite3_close_v2 (db);
  return NULL;
}
