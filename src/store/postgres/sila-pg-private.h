/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the two halves of the PostgreSQL driver share: the connection
 * (sila-pg.c) and its statements (sila-pg-statement.c). Only
 * src/store/postgres/ includes it. */
#pragma once

#include "sila-pg.h"
#include "sila-pq.h"

G_BEGIN_DECLS

#define CHANGES_CHANNEL "sila_changes"

/* Starts the text of a query to be planned for each run's own values, not
 * once for all. A search's cost depends on its prefix: on the 100,000-file
 * registry every file number matching a keystroke took 63 ms (median) with
 * the plan PostgreSQL settles on for any value after five runs of a
 * prepared statement, and 1.6 ms planned for the keystroke itself. */
#define SILA_PG_PLAN_EACH_TIME "/* planned for its values */ "

typedef struct
{
  SilaDb         parent;
  PGconn        *conn;
  SilaDbFailure  failure;
  char          *message;
  gint64         changes;
  guint          next_name;    /* prepared statements' names, per connection */
  guint          generation;   /* bumped when the connection is reset */
  gint64         data_version;
  gboolean       read_only;
  int            lock_timeout;
  gboolean       in_transaction;
  gboolean       transaction_lost; /* the connection dropped inside it */
  gboolean       broken;       /* to be made again before the next use */
  /* The options this connection was made with (its password too), copied
   * when it was made and never changed, to connect again
   * (sila_pg_dup_options). */
  GStrv          again_keywords;
  GStrv          again_values;
} PgDb;

typedef struct
{
  SilaStatement  parent;
  char          *sql;         /* with $N */
  char           name[32];
  guint          generation;  /* of the connection it was prepared on; 0: not yet */
  int            n_params;
  char         **values;      /* text of each parameter; NULL is SQL NULL */
  Oid           *types;       /* 0 (the server infers it), or text */
  gboolean       writes;      /* INSERT, UPDATE, DELETE (or WITH …) */
  gboolean       plan_each_time; /* SILA_PG_PLAN_EACH_TIME: planned for its values */
  PGresult      *result;      /* of the execution, walked by step() */
  PGresult      *description; /* its columns before a step (column_count, column_name) */
  int            row;
  gboolean       done;
  guchar        *blob;        /* the last column_blob()'s bytes */
} PgStatement;

/* Type OIDs of pg_type.h, which is not among libpq's public headers. */
enum {
  OID_BOOL = 16,
  OID_BYTEA = 17,
  OID_INT8 = 20,
  OID_INT2 = 21,
  OID_INT4 = 23,
  OID_TEXT = 25,
  OID_OID = 26,
  OID_FLOAT4 = 700,
  OID_FLOAT8 = 701,
  OID_NUMERIC = 1700,
};

#define PG(db)     ((PgDb *)(db))
#define PST(s)     ((PgStatement *)(s))

const SilaDbDriver *sila_pg_driver           (void);
void                sila_pg_set_failure      (PgDb          *self,
                                              SilaDbFailure  failure,
                                              const char    *message);
gboolean            sila_pg_note_result      (PgDb          *self,
                                              PGresult      *result);
gboolean            sila_pg_run              (PgDb          *self,
                                              const char    *sql);
gboolean            sila_pg_ensure_connected (PgDb          *self);

/* Statements (sila-pg-statement.c), for the driver's table. */
SilaStatement *sila_pg_prepare       (SilaDb *db, const char *sql);
void           sila_pg_finalize      (SilaStatement *stmt);
void           sila_pg_reset         (SilaStatement *stmt);
void           sila_pg_bind_null     (SilaStatement *stmt, int index);
void           sila_pg_bind_int64    (SilaStatement *stmt, int index, gint64 value);
void           sila_pg_bind_double   (SilaStatement *stmt, int index, double value);
void           sila_pg_bind_text     (SilaStatement *stmt, int index, const char *text);
void           sila_pg_bind_blob     (SilaStatement *stmt, int index, gconstpointer data,
                                      gsize size);
SilaStep       sila_pg_step          (SilaStatement *stmt);
int            sila_pg_column_count  (SilaStatement *stmt);
const char    *sila_pg_column_name   (SilaStatement *stmt, int column);
SilaDbType     sila_pg_column_type   (SilaStatement *stmt, int column);
gint64         sila_pg_column_int64  (SilaStatement *stmt, int column);
double         sila_pg_column_double (SilaStatement *stmt, int column);
const char    *sila_pg_column_text   (SilaStatement *stmt, int column);
gconstpointer  sila_pg_column_blob   (SilaStatement *stmt, int column, gsize *size);

G_END_DECLS
