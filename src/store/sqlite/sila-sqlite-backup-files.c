/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What backup and restore share: files written safely (flushed to the
 * disk, under a temporary name, with SQLite's side files), errors in the
 * user's words, and raw connections to a file that is not the store's. */
#define G_LOG_DOMAIN "sila-store"

#include "sila-config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "sila-clock.h"
#include "sila-sqlite-backup-private.h"

/* The common reasons a file cannot be read or written, in the UI language:
 * the C library's own words are often untranslated. */
const char *
sila_backup_describe_errno (int code)
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

gboolean
sila_backup_sync_path (const char *path,
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

void
sila_backup_sync_parent (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  sila_backup_sync_path (dir, TRUE);
}

void
sila_backup_remove_with_sidecars (const char *path)
{
  static const char *suffixes[] = { "", "-journal", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
}

/* A new empty file, mode 0600, named after @base. */
char *
sila_backup_make_temporary (const char  *base,
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
                   _("Cannot write into the folder “%s”: %s"), shown,
                   sila_backup_describe_errno (saved));
      return NULL;
    }
  close (fd);

  return g_steal_pointer (&template);
}

char *
sila_backup_local_stamp (const char *format)
{
  g_autoptr(GDateTime) now = sila_clock_now ();
  g_autoptr(GDateTime) local = g_date_time_to_local (now);

  return g_date_time_format (local, format);
}

/* Raw connections (the backup's own, the checks of a backup file) */

void
sila_backup_set_raw_error (GError    **error,
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

gboolean
sila_backup_raw_text (sqlite3     *db,
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

gboolean
sila_backup_raw_int (sqlite3    *db,
                     const char *sql,
                     gint64     *value)
{
  g_autofree char *text = NULL;

  if (!sila_backup_raw_text (db, sql, &text))
    return FALSE;

  *value = text != NULL ? g_ascii_strtoll (text, NULL, 10) : 0;
  return TRUE;
}

gboolean
sila_store_read_backup_head (const char  *path,
                             char       **head,
                             char       **made_at)
{
  sqlite3 *db = NULL;
  gboolean read;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      sqlite3_close_v2 (db);
      return FALSE;
    }
  sqlite3_busy_timeout (db, 2000);
  read = sila_backup_raw_text (db, "SELECT value FROM meta WHERE key = 'audit_head'", head) &&
         sila_backup_raw_text (db, "SELECT value FROM meta WHERE key = 'backup_at'", made_at);
  sqlite3_close_v2 (db);
  return read;
}
