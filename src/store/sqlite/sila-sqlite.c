/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The SQLite driver of the store's seam: each call of sila-db.h is one
 * call of SQLite's C interface. Statements are prepared as persistent, for
 * the store caches them for the life of the connection. */
#define G_LOG_DOMAIN "sila-store"

#include "sila-config.h"

#include <errno.h>
#include <string.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "sila-sqlite.h"
#include "sila-store-private.h"

typedef struct
{
  SilaDb   parent;
  sqlite3 *handle;
  int      rc;       /* extended result code of the last failure */
  gint64   saved_cache_size;  /* put back after a bulk write */
  gint64   saved_temp_store;
} SqliteDb;

typedef struct
{
  SilaStatement  parent;
  sqlite3_stmt  *stmt;
} SqliteStatement;

#define DB(db)     (((SqliteDb *)(db))->handle)
#define STMT(s)    (((SqliteStatement *)(s))->stmt)

SilaDbFailure
sila_sqlite_failure (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_OK:
    case SQLITE_ROW:
    case SQLITE_DONE:
      return SILA_DB_OK;
    case SQLITE_FULL:
      return SILA_DB_FULL;
    case SQLITE_READONLY:
      return SILA_DB_READ_ONLY;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return SILA_DB_BUSY;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return SILA_DB_CORRUPT;
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      return SILA_DB_CANNOT_OPEN;
    case SQLITE_IOERR:
      return SILA_DB_IO;
    case SQLITE_INTERRUPT:
      return SILA_DB_INTERRUPTED;
    case SQLITE_CONSTRAINT:
      if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY)
        return SILA_DB_UNIQUE;
      return SILA_DB_CONSTRAINT;
    default:
      return SILA_DB_FAILED;
    }
}

/* Connection */

static void
sqlite_close (SilaDb *db)
{
  /* Closing the last connection checkpoints, so that the -wal file does
   * not linger beside the database. */
  sqlite3_close_v2 (DB (db));
  g_free (db);
}

static SilaDbFailure
sqlite_db_failure (SilaDb *db)
{
  return sila_sqlite_failure (((SqliteDb *)db)->rc);
}

static const char *
sqlite_message (SilaDb *db)
{
  return sqlite3_errmsg (DB (db));
}

static gboolean
note (SilaDb *db,
      int     rc)
{
  if (rc == SQLITE_OK)
    return TRUE;
  ((SqliteDb *)db)->rc = sqlite3_extended_errcode (DB (db));
  return FALSE;
}

static gboolean
sqlite_exec (SilaDb     *db,
             const char *sql)
{
  return note (db, sqlite3_exec (DB (db), sql, NULL, NULL, NULL));
}

static gint64
sqlite_changes (SilaDb *db)
{
  return sqlite3_changes64 (DB (db));
}

static gboolean
sqlite_begin (SilaDb *db,
              guint   depth)
{
  g_autofree char *sql = NULL;

  /* IMMEDIATE takes the write lock now, so that a busy database is
   * reported before anything is done rather than at commit. */
  if (depth == 0)
    return sqlite_exec (db, "BEGIN IMMEDIATE");

  sql = g_strdup_printf ("SAVEPOINT sila_%u", depth);
  return sqlite_exec (db, sql);
}

static gboolean
sqlite_commit (SilaDb *db,
               guint   depth)
{
  g_autofree char *sql = NULL;

  if (depth == 0)
    return sqlite_exec (db, "COMMIT");

  sql = g_strdup_printf ("RELEASE sila_%u", depth);
  return sqlite_exec (db, sql);
}

static void
sqlite_rollback (SilaDb *db,
                 guint   depth)
{
  g_autofree char *sql = NULL;

  if (depth == 0)
    {
      sqlite3_exec (DB (db), "ROLLBACK", NULL, NULL, NULL);
      return;
    }

  sql = g_strdup_printf ("ROLLBACK TO sila_%u; RELEASE sila_%u", depth, depth);
  sqlite3_exec (DB (db), sql, NULL, NULL, NULL);
}

static gboolean
query_int (SilaDb     *db,
           const char *sql,
           gint64     *value)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (DB (db), sql, -1, &stmt, NULL);
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

  note (db, rc);
  sqlite3_finalize (stmt);
  return rc == SQLITE_OK;
}

static gboolean
sqlite_get_schema_version (SilaDb *db,
                           gint64 *version)
{
  return query_int (db, "PRAGMA user_version", version);
}

static gboolean
sqlite_set_schema_version (SilaDb *db,
                           gint64  version)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %" G_GINT64_FORMAT, version);

  return sqlite_exec (db, sql);
}

static gboolean
sqlite_data_version (SilaDb *db,
                     gint64 *version)
{
  return query_int (db, "PRAGMA data_version", version);
}

static int
sqlite_change_fd (SilaDb *db)
{
  return -1;
}

static gboolean
sqlite_prepare_long_read (SilaDb *db)
{
  /* Map the file rather than copy it page by page, and keep more of it in
   * memory (64 MiB). */
  return sqlite_exec (db, "PRAGMA mmap_size = 268435456; PRAGMA cache_size = -65536;");
}

static gint64
pragma_int (SilaDb     *db,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = 0;

  if (sqlite3_prepare_v2 (DB (db), sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static gboolean
sqlite_bulk_write (SilaDb   *db,
                   gboolean  starting)
{
  SqliteDb *self = (SqliteDb *)db;
  g_autofree char *sql = NULL;

  /* Every row of a merge may be refused alone, so each statement (and
   * savepoint) journals the pages it changes: kept in memory rather than
   * spilled to a temporary file after 64 KiB, where each page would be a
   * write of its own. A larger cache keeps the transaction's pages from
   * spilling into the WAL before its commit (64 MiB). */
  if (starting)
    {
      self->saved_cache_size = pragma_int (db, "PRAGMA cache_size");
      self->saved_temp_store = pragma_int (db, "PRAGMA temp_store");
      return sqlite_exec (db, "PRAGMA temp_store = MEMORY; PRAGMA cache_size = -65536;");
    }
  sql = g_strdup_printf ("PRAGMA temp_store = %" G_GINT64_FORMAT "; PRAGMA cache_size = %"
                         G_GINT64_FORMAT ";", self->saved_temp_store, self->saved_cache_size);
  return sqlite_exec (db, sql);
}

/* Statements */

static const SilaDbDriver sqlite_driver;

/* For developers and the PostgreSQL portability test: with SILA_SQL_LOG
 * naming a file, every SQL text prepared is appended to it, each ended by
 * a NUL byte, in one write so that processes running at once do not mix
 * their texts. Unset (always, in use), this costs one test of a flag. */
static int
sql_log_fd (void)
{
  static gsize once = 0;
  static int fd = -1;

  if (g_once_init_enter (&once))
    {
      const char *path = g_getenv ("SILA_SQL_LOG");

      if (path != NULL && *path != '\0')
        {
          fd = g_open (path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
          if (fd < 0)
            g_message ("SILA_SQL_LOG: %s: %s", path, g_strerror (errno));
        }
      g_once_init_leave (&once, 1);
    }
  return fd;
}

static void
log_sql (const char *sql)
{
  int fd = sql_log_fd ();

  if (G_LIKELY (fd < 0))
    return;

  {
    gsize len = strlen (sql) + 1;   /* with its NUL */

    if (write (fd, sql, len) != (gssize)len)
      g_message ("SILA_SQL_LOG: %s", g_strerror (errno));
  }
}

static SilaStatement *
sqlite_prepare (SilaDb     *db,
                const char *sql)
{
  SqliteStatement *self;
  sqlite3_stmt *stmt = NULL;
  int rc;

  log_sql (sql);
  rc = sqlite3_prepare_v3 (DB (db), sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      ((SqliteDb *)db)->rc = rc;
      sqlite3_finalize (stmt);
      return NULL;
    }

  self = g_new0 (SqliteStatement, 1);
  self->parent.driver = &sqlite_driver;
  self->parent.db = db;
  self->stmt = stmt;
  return &self->parent;
}

static void
sqlite_finalize (SilaStatement *stmt)
{
  sqlite3_finalize (STMT (stmt));
  g_free (stmt);
}

static void
sqlite_reset (SilaStatement *stmt)
{
  sqlite3_reset (STMT (stmt));
  sqlite3_clear_bindings (STMT (stmt));
}

static void
sqlite_bind_null (SilaStatement *stmt,
                  int            index)
{
  sqlite3_bind_null (STMT (stmt), index);
}

static void
sqlite_bind_int64 (SilaStatement *stmt,
                   int            index,
                   gint64         value)
{
  sqlite3_bind_int64 (STMT (stmt), index, value);
}

static void
sqlite_bind_double (SilaStatement *stmt,
                    int            index,
                    double         value)
{
  sqlite3_bind_double (STMT (stmt), index, value);
}

static void
sqlite_bind_text (SilaStatement *stmt,
                  int            index,
                  const char    *text)
{
  if (text == NULL)
    sqlite3_bind_null (STMT (stmt), index);
  else
    sqlite3_bind_text (STMT (stmt), index, text, -1, SQLITE_TRANSIENT);
}

static void
sqlite_bind_blob (SilaStatement *stmt,
                  int            index,
                  gconstpointer  data,
                  gsize          size)
{
  sqlite3_bind_blob64 (STMT (stmt), index, data, size, SQLITE_STATIC);
}

static SilaStep
sqlite_step (SilaStatement *stmt)
{
  int rc = sqlite3_step (STMT (stmt));

  if (rc == SQLITE_ROW)
    return SILA_STEP_ROW;
  if (rc == SQLITE_DONE)
    return SILA_STEP_DONE;

  ((SqliteDb *)stmt->db)->rc = sqlite3_extended_errcode (DB (stmt->db));
  sqlite3_reset (STMT (stmt));
  return SILA_STEP_ERROR;
}

static int
sqlite_column_count (SilaStatement *stmt)
{
  return sqlite3_column_count (STMT (stmt));
}

static const char *
sqlite_column_name (SilaStatement *stmt,
                    int            column)
{
  return sqlite3_column_name (STMT (stmt), column);
}

static SilaDbType
sqlite_column_type (SilaStatement *stmt,
                    int            column)
{
  switch (sqlite3_column_type (STMT (stmt), column))
    {
    case SQLITE_INTEGER:
      return SILA_DB_TYPE_INTEGER;
    case SQLITE_FLOAT:
      return SILA_DB_TYPE_FLOAT;
    case SQLITE_TEXT:
      return SILA_DB_TYPE_TEXT;
    case SQLITE_BLOB:
      return SILA_DB_TYPE_BLOB;
    case SQLITE_NULL:
    default:
      return SILA_DB_TYPE_NULL;
    }
}

static gint64
sqlite_column_int64 (SilaStatement *stmt,
                     int            column)
{
  return sqlite3_column_int64 (STMT (stmt), column);
}

static double
sqlite_column_double (SilaStatement *stmt,
                      int            column)
{
  return sqlite3_column_double (STMT (stmt), column);
}

static const char *
sqlite_column_text (SilaStatement *stmt,
                    int            column)
{
  return (const char *)sqlite3_column_text (STMT (stmt), column);
}

static gconstpointer
sqlite_column_blob (SilaStatement *stmt,
                    int            column,
                    gsize         *size)
{
  gconstpointer data = sqlite3_column_blob (STMT (stmt), column);

  /* The size is asked after the data, as SQLite's documentation says. */
  *size = (gsize)sqlite3_column_bytes (STMT (stmt), column);
  return data;
}

static const SilaDbDriver sqlite_driver = {
  .name               = "sqlite",
  .close              = sqlite_close,
  .failure            = sqlite_db_failure,
  .message            = sqlite_message,
  .exec               = sqlite_exec,
  .changes            = sqlite_changes,
  .begin              = sqlite_begin,
  .commit             = sqlite_commit,
  .rollback           = sqlite_rollback,
  .get_schema_version = sqlite_get_schema_version,
  .set_schema_version = sqlite_set_schema_version,
  .data_version       = sqlite_data_version,
  .prepare_long_read  = sqlite_prepare_long_read,
  .bulk_write         = sqlite_bulk_write,
  .change_fd          = sqlite_change_fd,
  .sql                = sila_sqlite_sql,
  .prepare            = sqlite_prepare,
  .finalize           = sqlite_finalize,
  .reset              = sqlite_reset,
  .bind_null          = sqlite_bind_null,
  .bind_int64         = sqlite_bind_int64,
  .bind_double        = sqlite_bind_double,
  .bind_text          = sqlite_bind_text,
  .bind_blob          = sqlite_bind_blob,
  .step               = sqlite_step,
  .column_count       = sqlite_column_count,
  .column_name        = sqlite_column_name,
  .column_type        = sqlite_column_type,
  .column_int64       = sqlite_column_int64,
  .column_double      = sqlite_column_double,
  .column_text        = sqlite_column_text,
  .column_blob        = sqlite_column_blob,
};

SilaDb *
sila_sqlite_wrap (sqlite3 *handle)
{
  SqliteDb *self = g_new0 (SqliteDb, 1);

  self->parent.driver = &sqlite_driver;
  self->handle = handle;
  return &self->parent;
}

sqlite3 *
sila_sqlite_handle (SilaDb *db)
{
  g_return_val_if_fail (db != NULL && db->driver == &sqlite_driver, NULL);

  return DB (db);
}

sqlite3 *
sila_store_get_db (SilaStore *self)
{
  g_return_val_if_fail (SILA_IS_STORE (self), NULL);

  return self->db != NULL ? sila_sqlite_handle (self->db) : NULL;
}
