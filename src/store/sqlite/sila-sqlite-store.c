/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Opening a store on an SQLite file (file mode, identity, version, schema,
 * pragmas, migration), and what only SQLite's files have: an integrity
 * check, a busy timeout, the test hooks. The store object itself is in
 * ../sila-store.c. */
#define G_LOG_DOMAIN "sila-store"
/* renameat2 (RENAME_NOREPLACE) */
#define _GNU_SOURCE

#include "sila-config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sila-sqlite.h"
#include "sila-store-backup.h"
#include "sila-store-private.h"

void
sila_store_set_busy_timeout (SilaStore *self,
                             int        milliseconds)
{
  g_return_if_fail (SILA_IS_STORE (self));

  if (sila_store_is_on_server (self))
    {
      sila_pg_store_set_lock_timeout (self, milliseconds);
      return;
    }
  sqlite3_busy_timeout (sila_sqlite_handle (self->db), milliseconds);
}

/* Opening */

static gboolean
query_int (SilaStore   *self,
           const char  *sql,
           gint64      *value,
           GError     **error)
{
  sqlite3 *db = sila_sqlite_handle (self->db);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *value = sqlite3_column_int64 (stmt, 0);
          rc = SQLITE_OK;
        }
      else if (rc == SQLITE_DONE)
        {
          *value = 0;
          rc = SQLITE_OK;
        }
    }

  if (rc != SQLITE_OK)
    sila_store_set_error (self, error, sila_sqlite_failure (sqlite3_extended_errcode (db)));

  sqlite3_finalize (stmt);
  return rc == SQLITE_OK;
}

/* Looks at the file at @path; a missing one is created by create_file(). */
static gboolean
prepare_file (const char          *path,
              SilaStoreOpenFlags   flags,
              gboolean            *exists,
              gboolean            *writable,
              GError             **error)
{
  GStatBuf st;

  if (g_stat (path, &st) == 0)
    {
      if (!S_ISREG (st.st_mode))
        {
          g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_CANNOT_OPEN,
                       _("“%s” is not a file."), path);
          return FALSE;
        }
      /* An empty file is not a database: only the store's own new file is
       * empty, and only for as long as create_file() makes it. */
      if (st.st_size == 0 && !(flags & SILA_STORE_OPEN_FRESH_FILE))
        {
          g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_NOT_DATABASE,
                       _("“%s” is a database of another program, not of Sila Desk. Nothing was "
                         "changed."),
                       path);
          return FALSE;
        }
      if (st.st_uid == getuid () && (st.st_mode & 077) != 0)
        g_chmod (path, st.st_mode & 0700);
      *exists = TRUE;
      *writable = g_access (path, W_OK) == 0;
      return TRUE;
    }

  *exists = FALSE;
  *writable = TRUE;

  if (flags & (SILA_STORE_OPEN_MUST_EXIST | SILA_STORE_OPEN_READ_ONLY))
    {
      g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_NOT_FOUND,
                   _("There is no database at “%s”."), path);
      return FALSE;
    }

  return TRUE;
}

/* A database is ours if it carries our application_id, or is the empty file
 * the store has just made. */
static gboolean
check_identity (SilaStore  *self,
                gboolean    fresh,
                GError    **error)
{
  gint64 app_id = 0;
  gint64 n_tables = 0;

  if (!query_int (self, "PRAGMA application_id", &app_id, error))
    return FALSE;

  if (app_id == SILA_STORE_APPLICATION_ID)
    return TRUE;

  if (!query_int (self, "SELECT count(*) FROM sqlite_schema", &n_tables, error))
    return FALSE;

  if (fresh && app_id == 0 && n_tables == 0)
    return TRUE;

  g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_NOT_DATABASE,
               _("“%s” is a database of another program, not of Sila Desk. Nothing was "
                 "changed."),
               self->path);
  return FALSE;
}

static SilaStore *open_internal (const char          *path,
                                 SilaStoreOpenFlags   flags,
                                 int                  target_version,
                                 GError             **error);

/* A new database is made whole under a temporary name and then put at
 * @path in one step that never replaces a file: the path holds either no
 * file or a complete database, and an empty file there is never ours. */
static SilaStore *
create_file (const char          *path,
             SilaStoreOpenFlags   flags,
             int                  target_version,
             GError             **error)
{
  g_autoptr(SilaStore) fresh = NULL;
  g_autoptr(SilaStore) self = NULL;
  g_autofree char *temporary = g_strdup_printf ("%s.new-XXXXXX", path);
  static const char *suffixes[] = { "-wal", "-shm", "-journal" };
  gboolean placed = FALSE;
  int saved = 0;
  int fd;

  fd = g_mkstemp_full (temporary, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      saved = errno;
      g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_CANNOT_OPEN,
                   _("The database “%s” cannot be created: %s"), path, g_strerror (saved));
      return NULL;
    }
  close (fd);

  fresh = open_internal (temporary, flags | SILA_STORE_OPEN_FRESH_FILE, target_version, error);
  if (fresh != NULL)
    {
      /* Closing the only connection folds the -wal file into the database. */
      g_clear_object (&fresh);
      fd = g_open (temporary, O_RDWR | O_CLOEXEC, 0);
      if (fd >= 0)
        {
          if (fsync (fd) != 0)
            g_debug ("%s could not be flushed", temporary);
          close (fd);
        }

      if (renameat2 (AT_FDCWD, temporary, AT_FDCWD, path, RENAME_NOREPLACE) == 0)
        placed = TRUE;
      else if (errno == EINVAL || errno == ENOSYS)
        placed = link (temporary, path) == 0;
      saved = placed ? 0 : errno;
    }

  g_unlink (temporary);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *sidecar = g_strconcat (temporary, suffixes[i], NULL);

      g_unlink (sidecar);
    }

  if (error != NULL && *error != NULL)
    return NULL;
  if (!placed && saved != EEXIST)
    {
      g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_CANNOT_OPEN,
                   _("The database “%s” cannot be created: %s"), path, g_strerror (saved));
      return NULL;
    }

  {
    g_autofree char *dir = g_path_get_dirname (path);
    int dir_fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

    if (dir_fd >= 0)
      {
        if (fsync (dir_fd) != 0)
          g_debug ("%s could not be flushed", dir);
        close (dir_fd);
      }
  }

  /* Another program may have made it first: then it is opened as theirs. */
  self = open_internal (path, flags | SILA_STORE_OPEN_MUST_EXIST, target_version, error);
  if (self != NULL && placed)
    self->created = TRUE;

  return g_steal_pointer (&self);
}

/* Compares the file's schema with what the store's migrations make for its
 * data format, before anything reads its tables. */
static gboolean
verify_schema (SilaStore  *self,
               int         version,
               GError    **error)
{
  g_autoptr(GPtrArray) differences = NULL;
  g_autofree char *described = NULL;

  differences = sila_store_schema_differences (sila_sqlite_handle (self->db), version,
                                               self->path, error);
  if (differences == NULL)
    return FALSE;
  if (differences->len == 0)
    return TRUE;

  described = sila_store_schema_describe (differences);
  g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_NOT_DATABASE,
               _("“%s” is not a Sila Desk database as this version made it: %s. It was changed "
                 "outside Sila Desk, or is not Sila Desk’s. Nothing was changed; restore it "
                 "from a backup."),
               self->path, described);
  return FALSE;
}

static SilaStore *
open_internal (const char          *path,
               SilaStoreOpenFlags   flags,
               int                  target_version,
               GError             **error)
{
  g_autoptr(SilaStore) self = NULL;
  gboolean exists = FALSE;
  gboolean writable = TRUE;
  gint64 version = 0;
  SilaDeadline deadline;
  sqlite3 *db = NULL;
  gboolean ok;
  int open_flags;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  if (!prepare_file (path, flags, &exists, &writable, error))
    return NULL;
  if (!exists)
    return create_file (path, flags, target_version, error);

  self = g_object_new (SILA_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->read_only = !writable || (flags & SILA_STORE_OPEN_READ_ONLY) != 0;
  self->created = (flags & SILA_STORE_OPEN_FRESH_FILE) != 0;

  open_flags = (self->read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) |
               SQLITE_OPEN_FULLMUTEX;
  rc = sqlite3_open_v2 (path, &db, open_flags, NULL);
  self->db = sila_sqlite_wrap (db);
  if (rc != SQLITE_OK)
    {
      sila_store_set_error (self, error, sila_sqlite_failure (rc));
      return NULL;
    }

  sqlite3_extended_result_codes (db, 1);
  sqlite3_busy_timeout (db, 5000);

  /* Nothing of the file's own (views, triggers) runs before its schema is
   * known to be ours, and reading it is bounded in time. */
  sila_deadline_begin (db, &deadline, SILA_DEADLINE_SCHEMA_SECONDS);
  ok = check_identity (self, (flags & SILA_STORE_OPEN_FRESH_FILE) != 0, error) &&
       query_int (self, "PRAGMA user_version", &version, error);
  sila_deadline_end (db);
  if (!ok)
    return NULL;

  if (version > sila_store_get_latest_version ())
    {
      g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_TOO_NEW,
                   _("“%s” was saved by a newer version of Sila Desk (data format %d; this "
                     "version reads up to %d). Update Sila Desk to open it. Nothing was "
                     "changed."),
                   path, (int)version, sila_store_get_latest_version ());
      return NULL;
    }

  if (!verify_schema (self, (int)version, error))
    return NULL;

  if (!self->read_only)
    {
      /* WAL lets readers go on while one desk writes; FULL makes every
       * acknowledged save survive a power cut. */
      if (!sila_store_exec (self,
                            "PRAGMA journal_mode = WAL;"
                            "PRAGMA synchronous = FULL;",
                            error))
        return NULL;
    }

  /* A 100,000-file register touches many index pages per save and per
   * search: keep up to 16 MiB of them (SQLite's default is 2 MiB). */
  if (!sila_store_exec (self, "PRAGMA foreign_keys = ON; PRAGMA cache_size = -16384;", error))
    return NULL;

  if (version < target_version)
    {
      if (self->read_only)
        {
          g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_READ_ONLY,
                       _("“%s” is read-only and was made by an older version of Sila Desk, "
                         "so it cannot be brought up to date. Nothing was changed."),
                       path);
          return NULL;
        }
      if (!sila_store_migrate (self, target_version, error))
        return NULL;
    }

  if (!sila_store_load_device_id (self, error))
    return NULL;

  sila_store_poll_external_change (self);

  return g_steal_pointer (&self);
}

/* A database in memory, migrated to @version: the schema files are
 * compared with. */
SilaStore *
sila_store_open_in_memory (int       version,
                           GError  **error)
{
  g_autoptr(SilaStore) self = g_object_new (SILA_TYPE_STORE, NULL);
  sqlite3 *db = NULL;
  int rc;

  self->path = g_strdup (":memory:");
  self->created = TRUE;
  rc = sqlite3_open_v2 (":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX, NULL);
  self->db = sila_sqlite_wrap (db);
  if (rc != SQLITE_OK)
    {
      sila_store_set_error (self, error, sila_sqlite_failure (rc));
      return NULL;
    }
  sqlite3_extended_result_codes (db, 1);

  if (!sila_store_exec (self, "PRAGMA foreign_keys = ON", error) ||
      !sila_store_migrate (self, version, error))
    return NULL;

  return g_steal_pointer (&self);
}

void
sila_store_tidy_after_read_only (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  sqlite3 *db = NULL;
  GStatBuf st;

  /* A WAL with pages in it belongs to a desk that wrote meanwhile. */
  if (g_stat (wal, &st) != 0 || st.st_size != 0)
    return;

  /* The last connection to close removes both files, after checkpointing
   * an empty log: the database's own bytes are not written. */
  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK)
    sqlite3_exec (db, "SELECT count (*) FROM sqlite_schema", NULL, NULL, NULL);
  sqlite3_close_v2 (db);
}

/* Opens (or creates) the SQLite database at @path and brings its schema
 * up to @target_version (sila_store_open() in ../sila-store.c chooses the
 * engine). */
SilaStore *
sila_sqlite_store_open (const char          *path,
                        SilaStoreOpenFlags   flags,
                        int                  target_version,
                        GError             **error)
{
  return open_internal (path, flags, target_version, error);
}

gboolean
sila_store_check_integrity (SilaStore  *self,
                            GError    **error)
{
  g_autoptr(SilaStatement) stmt = NULL;
  g_autofree char *result = NULL;

  /* On a server, whole is what PostgreSQL's own checker says. */
  if (sila_store_is_on_server (self))
    return sila_server_check (self->path, error);

  stmt = sila_store_prepare (self, "PRAGMA integrity_check(1)", error);
  if (stmt == NULL)
    return FALSE;

  if (sila_store_step (self, stmt, error) != SILA_STEP_ROW)
    return FALSE;

  result = sila_column_dup (stmt, 0);
  if (g_strcmp0 (result, "ok") != 0)
    {
      g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_NOT_DATABASE,
                   _("The database file “%s” is damaged (%s)."), self->path, result);
      return FALSE;
    }

  return TRUE;
}

/* FALSE, with the differences in @error, unless the database's schema is
 * exactly the one Sila Desk makes for its data format: no table, index,
 * trigger or view extra, missing or changed. */
gboolean
sila_store_check_schema (SilaStore  *self,
                         GError    **error)
{
  g_return_val_if_fail (SILA_IS_STORE (self), FALSE);

  /* A server's schema is compared with its catalog (postgres/). */
  if (sila_store_is_on_server (self))
    return sila_pg_store_check_schema (self, TRUE, error);
  return verify_schema (self, sila_store_get_schema_version (self), error);
}

/* Tests */

void
sila_store_set_unsynced_for_testing (SilaStore *self)
{
  g_return_if_fail (SILA_IS_STORE (self));

  /* The tests' server runs without fsync already. */
  if (sila_store_is_on_server (self))
    return;
  sqlite3_exec (sila_sqlite_handle (self->db), "PRAGMA synchronous = OFF", NULL, NULL, NULL);
}

void
sila_store_set_max_pages_for_testing (SilaStore *self,
                                      gint64     pages)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT, pages);

  g_return_if_fail (SILA_IS_STORE (self));

  if (sila_store_is_on_server (self))
    return;
  sqlite3_exec (sila_sqlite_handle (self->db), sql, NULL, NULL, NULL);
}
