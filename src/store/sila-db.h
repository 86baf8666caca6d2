/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The store's database driver seam: a connection, prepared statements
 * (bind, step, columns), transactions with savepoints, and failures told
 * apart by kind. The files of src/store speak only this; each engine
 * (src/store/sqlite/, later src/store/postgres/) fills in a SilaDbDriver.
 *
 * Portable SQL uses numbered parameters, "?1", "?2", … (SQLite's own form);
 * a driver for an engine that writes them otherwise ("$1") rewrites them
 * once, when it prepares the statement. Columns are read by index, from 0;
 * parameters are bound by number, from 1. See docs/store.md. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  SILA_STEP_ERROR = -1,
  SILA_STEP_DONE  = 0,
  SILA_STEP_ROW   = 1,
} SilaStep;

/* The type of a value read from a column. */
typedef enum {
  SILA_DB_TYPE_NULL,
  SILA_DB_TYPE_INTEGER,
  SILA_DB_TYPE_FLOAT,
  SILA_DB_TYPE_TEXT,
  SILA_DB_TYPE_BLOB,
} SilaDbType;

/* What kind of failure the last call on a connection met; the store turns
 * it into a SILA_STORE_ERROR a user can read (sila-store-statements.c). */
typedef enum {
  SILA_DB_OK = 0,
  SILA_DB_FAILED,         /* anything not below */
  SILA_DB_BUSY,           /* locked by another connection; try again later */
  SILA_DB_FULL,           /* the disk (or a quota) is full */
  SILA_DB_READ_ONLY,
  SILA_DB_CORRUPT,        /* damaged, or not a database at all */
  SILA_DB_CANNOT_OPEN,    /* missing, no permission, refused credentials */
  SILA_DB_IO,             /* the file could not be read or written */
  SILA_DB_UNIQUE,         /* a unique or primary key constraint */
  SILA_DB_CONSTRAINT,     /* any other constraint (check, foreign key, not null) */
  SILA_DB_INTERRUPTED,    /* a time limit was reached */
  SILA_DB_RETRY,          /* a serialization failure or deadlock: run the
                           * whole transaction again */
} SilaDbFailure;

/* The texts of SQL that differ between engines, which the shared SQL of
 * src/store takes from its driver's sql() instead of writing an `if`
 * around a query. Each engine answers every one (src/store/sqlite/
 * sila-sqlite-sql.c, src/store/postgres/sila-pg-sql.c); docs/store.md
 * lists them. */
typedef enum {
  /* Search (sila-store-beneficiary-search.c, sila-store-request-read.c):
   * the index of folded tokens. ?1 the file number, ?2 the tokens. */
  SILA_DB_SQL_SEARCH_INSERT,
  SILA_DB_SQL_SEARCH_DELETE,
  /* The file numbers matching ?1 (a match query), newest first, at most
   * ?6. FILTERED: the start of a query of b.file_number FROM beneficiaries
   * b that matches ?1, to which the caller adds its filter. */
  SILA_DB_SQL_SEARCH_NUMBERS,
  SILA_DB_SQL_SEARCH_NUMBERS_FILTERED,
  /* A subquery: the file numbers matching ?8. */
  SILA_DB_SQL_SEARCH_REQUEST_FILES,
  /* How a match query is written: a token is QUOTE token QUOTE PREFIX
   * (a quote inside doubled), joined by AND or OR, grouped in brackets. */
  SILA_DB_SQL_MATCH_QUOTE,
  SILA_DB_SQL_MATCH_PREFIX,
  SILA_DB_SQL_MATCH_AND,
  SILA_DB_SQL_MATCH_OR,
  /* A subquery: the integers of the JSON array ?1. */
  SILA_DB_SQL_JSON_INTEGERS,
  /* The highest audit entry ever written (it survives deleting the last
   * entries); no row when none was. */
  SILA_DB_SQL_AUDIT_HIGHEST_SEQ,
  /* One row when the audit trail has its hash chain (the column
   * chain_hash). */
  SILA_DB_SQL_AUDIT_IS_CHAINED,
  /* The function giving the greatest of its arguments (none NULL). */
  SILA_DB_SQL_GREATEST,
  /* The type of a text column in DDL (the migrations after the
   * PostgreSQL schema's base version): text that compares and sorts by
   * code point on both engines, whatever the server's locale. */
  SILA_DB_SQL_TEXT_TYPE,
  /* Index hints of the report's queries, after a table's alias: "INDEXED
   * BY …" on SQLite, nothing where the planner needs no help. */
  SILA_DB_SQL_HINT_REQUESTS_REPORT,
  SILA_DB_SQL_HINT_REQUESTS_REPORT_ID,
  SILA_DB_SQL_HINT_BENEFICIARIES_REPORT,
  SILA_DB_SQL_HINT_DELIVERIES_REPORT,
  SILA_DB_SQL_HINT_DELIVERIES_REPORT_REQUEST,
  SILA_DB_SQL_HINT_COMMITTEE_DECISIONS_REPORT,
  SILA_DB_N_SQL
} SilaDbSql;

typedef struct _SilaDb          SilaDb;
typedef struct _SilaStatement   SilaStatement;
typedef struct _SilaDbDriver    SilaDbDriver;

/* A driver's connection and statement begin with these; the rest is the
 * driver's own. */
struct _SilaDb
{
  const SilaDbDriver *driver;
};

struct _SilaStatement
{
  const SilaDbDriver *driver;
  SilaDb             *db;
};

struct _SilaDbDriver
{
  /* Every driver undoes a statement that fails inside a transaction (a
   * constraint refusing a row) by itself, and the transaction goes on, as
   * SQLite does; PostgreSQL's runs each write in a savepoint of its own
   * (exec_guarded, sila-pg-statement.c). */
  const char *name;

  /* Connection */
  void           (*close)        (SilaDb        *db);
  /* The kind and the engine's text of the last failure on @db. */
  SilaDbFailure  (*failure)      (SilaDb        *db);
  const char    *(*message)      (SilaDb        *db);
  /* Runs one or more statements that return no rows. */
  gboolean       (*exec)         (SilaDb        *db,
                                  const char    *sql);
  /* Rows changed by the last INSERT, UPDATE or DELETE. */
  gint64         (*changes)      (SilaDb        *db);

  /* Transactions: depth 0 is the outer one, which takes the write lock at
   * once; deeper ones are savepoints. */
  gboolean       (*begin)        (SilaDb        *db,
                                  guint          depth);
  gboolean       (*commit)       (SilaDb        *db,
                                  guint          depth);
  void           (*rollback)     (SilaDb        *db,
                                  guint          depth);

  /* The data format the database's schema is at (0 for an empty one), and
   * recording it, inside the migration's transaction. */
  gboolean       (*get_schema_version) (SilaDb  *db,
                                        gint64  *version);
  gboolean       (*set_schema_version) (SilaDb  *db,
                                        gint64   version);
  /* A number that changes whenever another connection commits; FALSE if
   * it cannot be read. */
  gboolean       (*data_version) (SilaDb        *db,
                                  gint64        *version);
  /* Before a long read of much of the database (a year's report): what
   * the engine can do to make it faster on this connection. */
  gboolean       (*prepare_long_read) (SilaDb   *db);
  /* Around one transaction that writes many rows (a field merge), outside
   * any transaction: @starting TRUE before it, FALSE after it, which puts
   * back what was there before. What the engine can do to make it faster
   * on this connection; nothing it does changes what is written. */
  gboolean       (*bulk_write)   (SilaDb        *db,
                                  gboolean       starting);
  /* A file descriptor that turns readable when another connection may
   * have committed (PostgreSQL: the socket its notifications arrive on),
   * so that a window learns of other desks' changes without polling; -1
   * where there is none (SQLite: data_version is polled). It may change
   * when a lost connection is made again. */
  int            (*change_fd)    (SilaDb        *db);
  /* The engine's text for @which (never NULL; "" where the engine needs
   * nothing). */
  const char    *(*sql)          (SilaDb        *db,
                                  SilaDbSql      which);

  /* Statements. prepare() returns NULL on failure (see failure()). */
  SilaStatement *(*prepare)      (SilaDb        *db,
                                  const char    *sql);
  void           (*finalize)     (SilaStatement *stmt);
  /* Back to before the first step, bindings cleared. */
  void           (*reset)        (SilaStatement *stmt);

  void           (*bind_null)    (SilaStatement *stmt,
                                  int            index);
  void           (*bind_int64)   (SilaStatement *stmt,
                                  int            index,
                                  gint64         value);
  void           (*bind_double)  (SilaStatement *stmt,
                                  int            index,
                                  double         value);
  /* Copied; NULL binds SQL NULL. */
  void           (*bind_text)    (SilaStatement *stmt,
                                  int            index,
                                  const char    *text);
  /* Not copied: @data must outlive the statement's steps. */
  void           (*bind_blob)    (SilaStatement *stmt,
                                  int            index,
                                  gconstpointer  data,
                                  gsize          size);

  /* On SILA_STEP_ERROR the statement is reset and failure() tells why. */
  SilaStep       (*step)         (SilaStatement *stmt);

  int            (*column_count) (SilaStatement *stmt);
  const char    *(*column_name)  (SilaStatement *stmt,
                                  int            column);
  SilaDbType     (*column_type)  (SilaStatement *stmt,
                                  int            column);
  gint64         (*column_int64) (SilaStatement *stmt,
                                  int            column);
  double         (*column_double) (SilaStatement *stmt,
                                   int            column);
  /* Valid until the next step or reset; NULL for SQL NULL. */
  const char    *(*column_text)  (SilaStatement *stmt,
                                  int            column);
  gconstpointer  (*column_blob)  (SilaStatement *stmt,
                                  int            column,
                                  gsize         *size);
};

static inline const char *
sila_db_sql (SilaDb    *db,
             SilaDbSql  which)
{
  return db->driver->sql (db, which);
}

/* Binding and reading: one call through the driver each. */

static inline void
sila_bind_null (SilaStatement *stmt, int index)
{
  stmt->driver->bind_null (stmt, index);
}

static inline void
sila_bind_int64 (SilaStatement *stmt, int index, gint64 value)
{
  stmt->driver->bind_int64 (stmt, index, value);
}

static inline void
sila_bind_int (SilaStatement *stmt, int index, int value)
{
  stmt->driver->bind_int64 (stmt, index, value);
}

static inline void
sila_bind_double (SilaStatement *stmt, int index, double value)
{
  stmt->driver->bind_double (stmt, index, value);
}

static inline void
sila_bind_text (SilaStatement *stmt, int index, const char *text)
{
  stmt->driver->bind_text (stmt, index, text);
}

static inline void
sila_bind_blob (SilaStatement *stmt, int index, gconstpointer data, gsize size)
{
  stmt->driver->bind_blob (stmt, index, data, size);
}

static inline int
sila_column_count (SilaStatement *stmt)
{
  return stmt->driver->column_count (stmt);
}

static inline const char *
sila_column_name (SilaStatement *stmt, int column)
{
  return stmt->driver->column_name (stmt, column);
}

static inline SilaDbType
sila_column_type (SilaStatement *stmt, int column)
{
  return stmt->driver->column_type (stmt, column);
}

static inline gboolean
sila_column_is_null (SilaStatement *stmt, int column)
{
  return stmt->driver->column_type (stmt, column) == SILA_DB_TYPE_NULL;
}

static inline gint64
sila_column_int64 (SilaStatement *stmt, int column)
{
  return stmt->driver->column_int64 (stmt, column);
}

static inline int
sila_column_int (SilaStatement *stmt, int column)
{
  return (int)stmt->driver->column_int64 (stmt, column);
}

static inline double
sila_column_double (SilaStatement *stmt, int column)
{
  return stmt->driver->column_double (stmt, column);
}

static inline const char *
sila_column_text (SilaStatement *stmt, int column)
{
  return stmt->driver->column_text (stmt, column);
}

static inline gconstpointer
sila_column_blob (SilaStatement *stmt, int column, gsize *size)
{
  return stmt->driver->column_blob (stmt, column, size);
}

/* A copy of the text of @column, NULL for SQL NULL. */
char *sila_column_dup (SilaStatement *stmt,
                       int            column);

G_END_DECLS
