/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The SQLite driver of the store's seam (sila-db.h), and what only SQLite
 * files need: the raw handle, result codes, time limits on reading a file
 * that may be hostile. Included by src/store/sqlite/ and by tests and
 * benchmarks that look below the store; never by the rest of src/store. */
#pragma once

#include <sqlite3.h>

#include "sila-db.h"

G_BEGIN_DECLS

typedef struct _SilaStore SilaStore;

/* Wraps an open handle, which the connection then owns (closing it with
 * sqlite3_close_v2()). */
SilaDb        *sila_sqlite_wrap        (sqlite3       *handle);
sqlite3       *sila_sqlite_handle      (SilaDb        *db);
SilaDbFailure  sila_sqlite_failure     (int            rc);
/* SQLite's texts of the SQL that differs between engines
 * (sila-sqlite-sql.c). */
const char    *sila_sqlite_sql         (SilaDb        *db,
                                        SilaDbSql      which);

/* The raw handle of a store opened on SQLite; for src/store/sqlite/,
 * tests and benchmarks only. */
sqlite3       *sila_store_get_db       (SilaStore     *self);

/* The application_id of every Sila Desk database: "SILA". */
#define SILA_STORE_APPLICATION_ID 0x53494C41

/* Reading files that may be hostile (sila-sqlite-schema-check.c): every
 * step has a time limit, and a schema must be exactly the one the store's
 * migrations make for its data format. */
#define SILA_DEADLINE_SCHEMA_SECONDS 10   /* reading the schema, a few rows */
#define SILA_DEADLINE_CHECK_SECONDS  600  /* an integrity check of a large file */

typedef struct {
  gint64 until;   /* monotonic time, in microseconds */
} SilaDeadline;

void           sila_deadline_begin     (sqlite3       *db,
                                        SilaDeadline  *deadline,
                                        int            seconds);
void           sila_deadline_end       (sqlite3       *db);
/* An error for SQLite result @rc met while reading the file @shown through
 * @db; SQLITE_INTERRUPT means a time limit was reached. */
void           sila_store_set_file_error (GError     **error,
                                          int          rc,
                                          sqlite3     *db,
                                          const char  *shown);
GPtrArray     *sila_store_schema_differences (sqlite3     *db,
                                              int          version,
                                              const char  *shown,
                                              GError     **error);
char          *sila_store_schema_describe    (GPtrArray   *differences);

/* The schema of a fresh database of the newest data format, computed when
 * Sila Desk is built (sila-schema-gen writes sila-schema-table.c) so that
 * opening a file need not run every migration in memory first. */
typedef struct {
  const char *type;
  const char *name;
  const char *tbl_name;
  const char *sql;        /* NULL for SQLite's own indexes */
} SilaSchemaRow;

/* The compiled rows and their data format; NULL (none) in the generator. */
const SilaSchemaRow *sila_compiled_schema (int   *version,
                                           guint *n_rows);
/* Writes the C source of the compiled schema; FALSE with @error if the
 * migrations fail. */
gboolean       sila_store_schema_write_table (GString     *out,
                                              GError     **error);
/* Whether the compiled schema is the one the migrations make now. */
gboolean       sila_store_schema_check_compiled (GError  **error);

G_END_DECLS
