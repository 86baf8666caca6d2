/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Opening a small SQLite file of this desk's own, beside a store on a
 * server (the drafts of sila-store-drafts.c): no identity, no schema
 * version, no migrations; the caller creates its tables. */
#define G_LOG_DOMAIN "sila-store"

#include "sila-config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "sila-sqlite.h"
#include "sila-store-private.h"

SilaStore *
sila_sqlite_store_open_local (const char  *path,
                              GError     **error)
{
  g_autoptr(SilaStore) self = NULL;
  sqlite3 *db = NULL;
  int saved_errno;
  int fd;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (SILA_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  /* Made here, not by SQLite, so that it is the user's alone from the
   * start (SQLite gives its -wal and -shm files the same mode). */
  fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0 || fchmod (fd, 0600) != 0)
    {
      saved_errno = errno;
      if (fd >= 0)
        close (fd);
      g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_CANNOT_OPEN,
                   _("The database file “%s” cannot be opened: %s"),
                   path, g_strerror (saved_errno));
      return NULL;
    }
  close (fd);

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX, NULL);
  self->db = sila_sqlite_wrap (db);
  if (rc != SQLITE_OK)
    {
      sila_store_set_error (self, error, sila_sqlite_failure (rc));
      return NULL;
    }
  sqlite3_extended_result_codes (db, 1);
  /* Two windows of the same desk may save drafts at once. */
  sqlite3_busy_timeout (db, 5000);

  /* A draft is written to survive the power going, as the office's own
   * file is. */
  if (!sila_store_exec (self, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;", error))
    return NULL;

  return g_steal_pointer (&self);
}
