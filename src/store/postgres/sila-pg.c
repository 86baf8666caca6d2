/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The PostgreSQL driver of the store's seam, on libpq.
 *
 * Statements keep the store's "?N" parameters in their SQL and are
 * rewritten to "$N" once, when prepared. Every parameter is prepared with
 * no type, so that the server infers each from where it stands, and sent
 * as text; results come back as text too and are parsed here. Writers are
 * serialized by a transaction-level advisory lock taken at BEGIN, as
 * SQLite's BEGIN IMMEDIATE does, so that human numbers stay gapless. A
 * committed write sends a NOTIFY that other desks' connections count as a
 * change (data_version). A connection that dropped is reset at its next
 * use; the call that met the drop fails with a plain message. */
#define G_LOG_DOMAIN "sila-store"

#include "sila-config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <libpq-fe.h>
#include <stdlib.h>
#include <string.h>

#include "sila-pg-sql.h"
#include "sila-pg.h"

#define CHANGES_CHANNEL "sila_changes"

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
  PGresult      *result;      /* of the execution, walked by step() */
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

static const SilaDbDriver pg_driver;

/* Failures */

static SilaDbFailure
failure_for_sqlstate (const char *state)
{
  if (state == NULL || strlen (state) != 5)
    return SILA_DB_FAILED;
  if (strcmp (state, "23505") == 0)
    return SILA_DB_UNIQUE;
  if (strncmp (state, "23", 2) == 0)
    return SILA_DB_CONSTRAINT;
  if (strcmp (state, "40001") == 0 || strcmp (state, "40P01") == 0)
    return SILA_DB_RETRY;
  if (strcmp (state, "53100") == 0)
    return SILA_DB_FULL;
  if (strcmp (state, "25006") == 0)
    return SILA_DB_READ_ONLY;
  if (strcmp (state, "55P03") == 0)
    return SILA_DB_BUSY;
  if (strcmp (state, "57014") == 0)
    return SILA_DB_INTERRUPTED;
  if (strncmp (state, "08", 2) == 0 || strncmp (state, "28", 2) == 0 ||
      strcmp (state, "57P01") == 0 || strcmp (state, "57P02") == 0 ||
      strcmp (state, "57P03") == 0)
    return SILA_DB_CANNOT_OPEN;
  if (strcmp (state, "58030") == 0)
    return SILA_DB_IO;
  if (strcmp (state, "XX001") == 0 || strcmp (state, "XX002") == 0)
    return SILA_DB_CORRUPT;
  return SILA_DB_FAILED;
}

static void
set_failure (PgDb          *self,
             SilaDbFailure  failure,
             const char    *message)
{
  self->failure = failure;
  g_free (self->message);
  self->message = g_strdup (message != NULL ? message : "");
  g_strchomp (self->message);
}

static void
set_lost (PgDb *self)
{
  set_failure (self, SILA_DB_CANNOT_OPEN,
               _("The connection to the office server was lost, so this was not done. Try "
                 "again in a moment; what you entered is still here."));
}

/* Notes the outcome of @result (which may be NULL); TRUE if it succeeded. */
static gboolean
note_result (PgDb     *self,
             PGresult *result)
{
  ExecStatusType status = result != NULL ? PQresultStatus (result) : PGRES_FATAL_ERROR;

  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
    {
      self->failure = SILA_DB_OK;
      return TRUE;
    }

  /* A failure without a SQLSTATE is libpq's own: the server did not answer
   * (it may have closed the connection while libpq still calls it OK). */
  if (PQstatus (self->conn) == CONNECTION_BAD ||
      result == NULL || PQresultErrorField (result, PG_DIAG_SQLSTATE) == NULL)
    {
      self->broken = TRUE;
      if (self->in_transaction)
        self->transaction_lost = TRUE;
      set_lost (self);
      return FALSE;
    }

  set_failure (self,
               failure_for_sqlstate (result != NULL
                                     ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL),
               result != NULL ? PQresultErrorMessage (result) : PQerrorMessage (self->conn));
  return FALSE;
}

/* Connection */

static gboolean
run (PgDb       *self,
     const char *sql)
{
  PGresult *result = PQexec (self->conn, sql);
  gboolean ok = note_result (self, result);

  PQclear (result);
  return ok;
}

/* What every connection (new or reset) is told before it is used. */
static gboolean
set_up_session (PgDb *self)
{
  g_autofree char *sql = NULL;

  sql = g_strdup_printf ("SET lock_timeout = %d; %s LISTEN " CHANGES_CHANNEL,
                         self->lock_timeout,
                         self->read_only ? "SET default_transaction_read_only = on;" : "");
  return run (self, sql);
}

/* Before every use: a connection that dropped is made again. While a
 * transaction that met the drop is still open in the store, everything but
 * its rollback fails, so that its second half is never saved alone. */
static gboolean
ensure_connected (PgDb *self)
{
  if (self->transaction_lost)
    {
      set_lost (self);
      return FALSE;
    }

  if (PQstatus (self->conn) == CONNECTION_OK && !self->broken)
    return TRUE;

  PQreset (self->conn);
  if (PQstatus (self->conn) != CONNECTION_OK)
    {
      set_lost (self);
      return FALSE;
    }

  self->broken = FALSE;
  self->generation++;
  /* Changes may have been made while this desk was away. */
  self->data_version++;
  if (!set_up_session (self))
    return FALSE;

  g_debug ("The connection to the server was made again");
  return TRUE;
}

static void
pg_close (SilaDb *db)
{
  PQfinish (PG (db)->conn);
  g_free (PG (db)->message);
  g_free (db);
}

static SilaDbFailure
pg_db_failure (SilaDb *db)
{
  return PG (db)->failure;
}

static const char *
pg_message (SilaDb *db)
{
  return PG (db)->message != NULL ? PG (db)->message : "";
}

static gboolean
pg_exec (SilaDb     *db,
         const char *sql)
{
  if (!ensure_connected (PG (db)))
    return FALSE;
  return run (PG (db), sql);
}

static gint64
pg_changes (SilaDb *db)
{
  return PG (db)->changes;
}

static gboolean
pg_begin (SilaDb *db,
          guint   depth)
{
  PgDb *self = PG (db);
  g_autofree char *sql = NULL;

  if (depth > 0)
    {
      sql = g_strdup_printf ("SAVEPOINT sila_%u", depth);
      return pg_exec (db, sql);
    }

  if (!ensure_connected (self))
    return FALSE;

  /* One writer at a time, as SQLite's BEGIN IMMEDIATE: the lock is held to
   * the end of the transaction, and a desk that waits longer than the lock
   * timeout is told the database is busy. */
  sql = g_strdup_printf ("BEGIN; SELECT pg_advisory_xact_lock (%d)", SILA_PG_WRITE_LOCK);
  self->in_transaction = TRUE;
  if (!run (self, sql))
    {
      SilaDbFailure failure = self->failure;
      g_autofree char *message = g_strdup (self->message);

      /* The rollback must not hide why the transaction could not begin. */
      if (!self->transaction_lost)
        {
          run (self, "ROLLBACK");
          set_failure (self, failure, message);
        }
      self->in_transaction = FALSE;
      self->transaction_lost = FALSE;
      return FALSE;
    }
  return TRUE;
}

static gboolean
pg_commit (SilaDb *db,
           guint   depth)
{
  PgDb *self = PG (db);
  g_autofree char *sql = NULL;
  PGresult *result;
  gboolean ok;

  if (depth > 0)
    {
      sql = g_strdup_printf ("RELEASE sila_%u", depth);
      return pg_exec (db, sql);
    }

  if (!ensure_connected (self))
    return FALSE;

  /* The notification is delivered to the other desks at the commit, and
   * only if it commits. COMMIT of a failed transaction answers ROLLBACK
   * without an error: that is a failure here. Both in one round trip: a
   * failed NOTIFY leaves the COMMIT unrun, and its error is the result. */
  result = PQexec (self->conn, "NOTIFY " CHANGES_CHANNEL "; COMMIT");
  ok = note_result (self, result);
  if (ok && g_strcmp0 (PQcmdStatus (result), "COMMIT") != 0)
    {
      set_failure (self, SILA_DB_FAILED, _("The server rolled the transaction back."));
      ok = FALSE;
    }
  PQclear (result);
  if (ok)
    self->in_transaction = FALSE;
  return ok;
}

static void
pg_rollback (SilaDb *db,
             guint   depth)
{
  PgDb *self = PG (db);
  g_autofree char *sql = NULL;

  if (depth == 0)
    {
      gboolean lost = self->transaction_lost;

      self->in_transaction = FALSE;
      self->transaction_lost = FALSE;
      if (!lost && !self->broken && PQstatus (self->conn) == CONNECTION_OK)
        run (self, "ROLLBACK");
      return;
    }

  if (self->transaction_lost || self->broken || PQstatus (self->conn) != CONNECTION_OK)
    return;
  sql = g_strdup_printf ("ROLLBACK TO sila_%u; RELEASE sila_%u", depth, depth);
  run (self, sql);
}

/* The first column of the first row of @sql as a number, 0 if no row. */
static gboolean
query_int (PgDb       *self,
           const char *sql,
           int         n_params,
           const char *const *values,
           gint64     *value)
{
  PGresult *result;
  gboolean ok;

  if (!ensure_connected (self))
    return FALSE;

  result = PQexecParams (self->conn, sql, n_params, NULL, values, NULL, NULL, 0);
  ok = note_result (self, result);
  if (ok)
    *value = PQntuples (result) > 0 && !PQgetisnull (result, 0, 0)
             ? g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10) : 0;
  PQclear (result);
  return ok;
}

/* The version lives in a row of sila_meta, which `db init` makes; a
 * database without that table is at version 0. */
static gboolean
pg_get_schema_version (SilaDb *db,
                       gint64 *version)
{
  gint64 exists = 0;

  if (!query_int (PG (db), "SELECT count(*) FROM pg_catalog.pg_tables "
                           "WHERE schemaname = current_schema () AND tablename = 'sila_meta'",
                  0, NULL, &exists))
    return FALSE;
  if (exists == 0)
    {
      *version = 0;
      return TRUE;
    }
  return query_int (PG (db), "SELECT CAST (value AS bigint) FROM sila_meta "
                             "WHERE key = 'schema_version'",
                    0, NULL, version);
}

static gboolean
pg_set_schema_version (SilaDb *db,
                       gint64  version)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, version);
  const char *values[] = { text };
  gint64 ignored = 0;

  return query_int (PG (db), "INSERT INTO sila_meta (key, value) VALUES ('schema_version', $1) "
                             "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    1, values, &ignored);
}

/* Counts the notifications other backends sent since the last call: each
 * is another desk's committed change. This connection's own are left out,
 * as SQLite's data_version leaves out the connection's own commits. */
static gboolean
pg_data_version (SilaDb *db,
                 gint64 *version)
{
  PgDb *self = PG (db);
  PGnotify *notify;
  int own;

  if (!self->in_transaction)
    {
      PGresult *result;

      if (!ensure_connected (self))
        return FALSE;
      /* Notifications travel on their own: an empty query's round trip
       * makes sure that whatever another desk committed before this call
       * has arrived (the server sends pending ones before it answers). It
       * reads no data, and tells a server that went away. */
      result = PQexec (self->conn, "");
      if (result == NULL || PQresultStatus (result) != PGRES_EMPTY_QUERY)
        {
          note_result (self, result);
          PQclear (result);
          return FALSE;
        }
      PQclear (result);
    }
  else if (!PQconsumeInput (self->conn) && PQstatus (self->conn) == CONNECTION_BAD)
    {
      set_lost (self);
      return FALSE;
    }

  own = PQbackendPID (self->conn);
  while ((notify = PQnotifies (self->conn)) != NULL)
    {
      if (notify->be_pid != own)
        self->data_version++;
      PQfreemem (notify);
    }

  *version = self->data_version;
  return TRUE;
}

static gboolean
pg_prepare_long_read (SilaDb *db)
{
  /* The server keeps its own caches; nothing to tune per connection. */
  return TRUE;
}

/* Statements */

/* "?N" becomes "$N" outside string literals ('…', E'…'), quoted
 * identifiers ("…"), dollar-quoted strings and comments. @n_params is the
 * highest N. */
static char *
rewrite_parameters (const char  *sql,
                    int         *n_params,
                    GArray     **seen)
{
  GString *out = g_string_sized_new (strlen (sql) + 8);
  const char *p = sql;

  *n_params = 0;
  *seen = g_array_new (FALSE, TRUE, sizeof (gboolean));
  while (*p != '\0')
    {
      if (*p == '\'' || *p == '"')
        {
          char quote = *p;
          /* An escape string (E'…'), where a backslash escapes. */
          gboolean escapes = quote == '\'' && p > sql && (p[-1] == 'E' || p[-1] == 'e') &&
                             (p - 1 == sql || !(g_ascii_isalnum (p[-2]) || p[-2] == '_'));

          g_string_append_c (out, *p++);
          while (*p != '\0')
            {
              /* A doubled quote is one quote inside. */
              if (*p == quote && p[1] == quote)
                {
                  g_string_append_len (out, p, 2);
                  p += 2;
                  continue;
                }
              if (escapes && *p == '\\' && p[1] != '\0')
                {
                  g_string_append_len (out, p, 2);
                  p += 2;
                  continue;
                }
              g_string_append_c (out, *p);
              if (*p++ == quote)
                break;
            }
          continue;
        }

      if (p[0] == '-' && p[1] == '-')
        {
          const char *end = strchr (p, '\n');
          gsize len = end != NULL ? (gsize)(end - p) : strlen (p);

          g_string_append_len (out, p, len);
          p += len;
          continue;
        }

      if (p[0] == '/' && p[1] == '*')
        {
          const char *end = strstr (p + 2, "*/");
          gsize len = end != NULL ? (gsize)(end + 2 - p) : strlen (p);

          g_string_append_len (out, p, len);
          p += len;
          continue;
        }

      if (*p == '$' && (p[1] == '$' || g_ascii_isalpha (p[1]) || p[1] == '_'))
        {
          /* A dollar-quoted string, $tag$…$tag$. */
          const char *tag_end = p + 1;

          while (g_ascii_isalnum (*tag_end) || *tag_end == '_')
            tag_end++;
          if (*tag_end == '$')
            {
              g_autofree char *tag = g_strndup (p, tag_end + 1 - p);
              const char *close = strstr (tag_end + 1, tag);
              gsize len = close != NULL ? (gsize)(close + strlen (tag) - p) : strlen (p);

              g_string_append_len (out, p, len);
              p += len;
              continue;
            }
        }

      if (*p == '?' && g_ascii_isdigit (p[1]))
        {
          char *end = NULL;
          guint64 n = g_ascii_strtoull (p + 1, &end, 10);

          if (n > 0 && n <= 65535)
            {
              *n_params = MAX (*n_params, (int)n);
              if ((*seen)->len < n)
                g_array_set_size (*seen, n);
              g_array_index (*seen, gboolean, n - 1) = TRUE;
              g_string_append_printf (out, "$%d", (int)n);
              p = end;
              continue;
            }
        }

      g_string_append_c (out, *p++);
    }

  return g_string_free (out, FALSE);
}

static gboolean
prepare_on_server (PgStatement *stmt)
{
  PgDb *self = PG (stmt->parent.db);
  PGresult *result;
  gboolean ok;

  g_snprintf (stmt->name, sizeof stmt->name, "sila_%u", ++self->next_name);
  result = PQprepare (self->conn, stmt->name, stmt->sql, stmt->n_params, stmt->types);
  ok = note_result (self, result);
  PQclear (result);
  if (ok)
    stmt->generation = self->generation;
  return ok;
}

static SilaStatement *
pg_prepare (SilaDb     *db,
            const char *sql)
{
  PgStatement *stmt;
  g_autoptr(GArray) seen = NULL;

  if (!ensure_connected (PG (db)))
    return NULL;

  stmt = g_new0 (PgStatement, 1);
  stmt->parent.driver = &pg_driver;
  stmt->parent.db = db;
  stmt->sql = rewrite_parameters (sql, &stmt->n_params, &seen);
  {
    const char *start = sql;

    while (g_ascii_isspace (*start))
      start++;
    stmt->writes = g_ascii_strncasecmp (start, "INSERT", 6) == 0 ||
                   g_ascii_strncasecmp (start, "UPDATE", 6) == 0 ||
                   g_ascii_strncasecmp (start, "DELETE", 6) == 0 ||
                   g_ascii_strncasecmp (start, "WITH", 4) == 0;
  }
  stmt->values = g_new0 (char *, MAX (stmt->n_params, 1));
  /* The server infers each parameter's type from where it stands; one the
   * text skips (a filter binds ?1 to ?10 and writes only those it uses)
   * stands nowhere, and is declared text. */
  stmt->types = g_new0 (Oid, MAX (stmt->n_params, 1));
  for (int i = 0; i < stmt->n_params; i++)
    if (!g_array_index (seen, gboolean, i))
      stmt->types[i] = OID_TEXT;
  stmt->row = -1;

  if (!prepare_on_server (stmt))
    {
      g_free (stmt->sql);
      g_free (stmt->values);
      g_free (stmt->types);
      g_free (stmt);
      return NULL;
    }
  return &stmt->parent;
}

static void
clear_result (PgStatement *stmt)
{
  g_clear_pointer (&stmt->result, PQclear);
  g_clear_pointer (&stmt->blob, PQfreemem);
  stmt->row = -1;
  stmt->done = FALSE;
}

static void
pg_reset (SilaStatement *stmt)
{
  PgStatement *self = PST (stmt);

  clear_result (self);
  for (int i = 0; i < self->n_params; i++)
    g_clear_pointer (&self->values[i], g_free);
}

static void
pg_finalize (SilaStatement *stmt)
{
  PgStatement *self = PST (stmt);
  PgDb *db = PG (stmt->db);

  pg_reset (stmt);
  /* The server forgets it with the session anyway; a statement of an
   * earlier session is not there to deallocate. */
  if (self->generation == db->generation && PQstatus (db->conn) == CONNECTION_OK)
    {
      g_autofree char *sql = g_strdup_printf ("DEALLOCATE %s", self->name);

      PQclear (PQexec (db->conn, sql));
    }
  g_free (self->values);
  g_free (self->types);
  g_free (self->sql);
  g_free (self);
}

static void
set_value (SilaStatement *stmt,
           int            index,
           char          *text)
{
  PgStatement *self = PST (stmt);

  if (index < 1 || index > self->n_params)
    {
      g_free (text);
      return;
    }
  g_free (self->values[index - 1]);
  self->values[index - 1] = text;
}

static void
pg_bind_null (SilaStatement *stmt,
              int            index)
{
  set_value (stmt, index, NULL);
}

static void
pg_bind_int64 (SilaStatement *stmt,
               int            index,
               gint64         value)
{
  set_value (stmt, index, g_strdup_printf ("%" G_GINT64_FORMAT, value));
}

static void
pg_bind_double (SilaStatement *stmt,
                int            index,
                double         value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  /* In the C locale whatever the user's: the server reads "1.5". */
  set_value (stmt, index, g_strdup (g_ascii_dtostr (buffer, sizeof buffer, value)));
}

static void
pg_bind_text (SilaStatement *stmt,
              int            index,
              const char    *text)
{
  set_value (stmt, index, g_strdup (text));
}

static void
pg_bind_blob (SilaStatement *stmt,
              int            index,
              gconstpointer  data,
              gsize          size)
{
  static const char hex[] = "0123456789abcdef";
  const guchar *bytes = data;
  char *text = g_malloc (2 + size * 2 + 1);

  /* bytea's hex input form: \x then two digits a byte. */
  text[0] = '\\';
  text[1] = 'x';
  for (gsize i = 0; i < size; i++)
    {
      text[2 + i * 2] = hex[bytes[i] >> 4];
      text[3 + i * 2] = hex[bytes[i] & 0xf];
    }
  text[2 + size * 2] = '\0';
  set_value (stmt, index, text);
}

/* An INSERT, UPDATE, DELETE or MERGE: what changes() counts. */
static gboolean
is_write (const char *status)
{
  return g_str_has_prefix (status, "INSERT ") || g_str_has_prefix (status, "UPDATE ") ||
         g_str_has_prefix (status, "DELETE ") || g_str_has_prefix (status, "MERGE ");
}

/* The first result of the next query of a pipeline, and the NULL that
 * ends it; NULL if there is none (the connection dropped). */
static PGresult *
next_pipeline_result (PGconn *conn)
{
  PGresult *result = PQgetResult (conn);
  PGresult *extra;

  if (result == NULL)
    return NULL;
  while ((extra = PQgetResult (conn)) != NULL)
    PQclear (extra);
  return result;
}

/* A write inside a transaction, in a savepoint of its own: SAVEPOINT, the
 * statement and RELEASE sent together in libpq's pipeline mode, one round
 * trip instead of three (a save of a file makes about ten writes). The
 * statement's result, or the savepoint's failure; NULL if the server did
 * not answer. *@in_savepoint tells whether a failed statement left its
 * savepoint to roll back to. */
static PGresult *
exec_guarded (PgDb        *db,
              PgStatement *self,
              gboolean    *in_savepoint)
{
  PGconn *conn = db->conn;
  PGresult *savepoint, *result, *release, *sync;
  gboolean ok;

  *in_savepoint = FALSE;
  if (!PQenterPipelineMode (conn))
    return NULL;
  if (!PQsendQueryParams (conn, "SAVEPOINT sila_statement", 0, NULL, NULL, NULL, NULL, 0) ||
      !PQsendQueryPrepared (conn, self->name, self->n_params,
                            (const char *const *)self->values, NULL, NULL, 0) ||
      !PQsendQueryParams (conn, "RELEASE sila_statement", 0, NULL, NULL, NULL, NULL, 0) ||
      !PQpipelineSync (conn))
    {
      /* Only a connection that is going: PQreset() leaves pipeline mode. */
      db->broken = TRUE;
      return NULL;
    }

  savepoint = next_pipeline_result (conn);
  result = savepoint != NULL ? next_pipeline_result (conn) : NULL;
  release = result != NULL ? next_pipeline_result (conn) : NULL;
  sync = release != NULL ? PQgetResult (conn) : NULL;
  ok = sync != NULL && PQresultStatus (sync) == PGRES_PIPELINE_SYNC && PQexitPipelineMode (conn);
  PQclear (sync);
  if (!ok)
    {
      PQclear (savepoint);
      PQclear (result);
      PQclear (release);
      db->broken = TRUE;
      return NULL;
    }

  if (PQresultStatus (savepoint) != PGRES_COMMAND_OK)
    {
      PQclear (result);
      PQclear (release);
      return savepoint;
    }
  PQclear (savepoint);
  if (PQresultStatus (result) != PGRES_COMMAND_OK && PQresultStatus (result) != PGRES_TUPLES_OK)
    {
      *in_savepoint = TRUE;
      PQclear (release);
      return result;
    }
  if (PQresultStatus (release) != PGRES_COMMAND_OK)
    {
      PQclear (result);
      return release;
    }
  PQclear (release);
  return result;
}

static SilaStep
pg_step (SilaStatement *stmt)
{
  PgStatement *self = PST (stmt);
  PgDb *db = PG (stmt->db);
  gboolean guarded, in_savepoint = FALSE;

  if (self->result == NULL)
    {
      if (self->done)
        return SILA_STEP_DONE;
      if (!ensure_connected (db))
        return SILA_STEP_ERROR;
      if (self->generation != db->generation && !prepare_on_server (self))
        return SILA_STEP_ERROR;

      /* A failed statement aborts the whole transaction on PostgreSQL but
       * not on SQLite, where the store goes on after an expected failure
       * (a duplicate, then the number of the file that has it). A write
       * inside a transaction therefore runs inside a savepoint of its own,
       * rolled back to if it fails. */
      guarded = self->writes && db->in_transaction;
      if (guarded)
        self->result = exec_guarded (db, self, &in_savepoint);
      else
        self->result = PQexecPrepared (db->conn, self->name, self->n_params,
                                       (const char *const *)self->values, NULL, NULL, 0);
      if (!note_result (db, self->result))
        {
          clear_result (self);
          if (in_savepoint && !db->transaction_lost)
            {
              SilaDbFailure failure = db->failure;
              g_autofree char *message = g_strdup (db->message);

              run (db, "ROLLBACK TO SAVEPOINT sila_statement; RELEASE sila_statement");
              set_failure (db, failure, message);
            }
          return SILA_STEP_ERROR;
        }

      if (is_write (PQcmdStatus (self->result)))
        {
          db->changes = g_ascii_strtoll (PQcmdTuples (self->result), NULL, 10);
          /* A write outside a transaction commits at once: tell the others.
           * One inside a transaction begun by exec ("BEGIN") is told at
           * that transaction's commit, if at all. */
          if (!db->in_transaction && db->changes > 0 &&
              PQtransactionStatus (db->conn) == PQTRANS_IDLE)
            run (db, "NOTIFY " CHANGES_CHANNEL);
        }
      self->row = -1;
    }

  if (++self->row < PQntuples (self->result))
    return SILA_STEP_ROW;

  g_clear_pointer (&self->result, PQclear);
  g_clear_pointer (&self->blob, PQfreemem);
  self->done = TRUE;
  return SILA_STEP_DONE;
}

static gboolean
has_value (PgStatement *self,
           int          column)
{
  return self->result != NULL && self->row >= 0 && self->row < PQntuples (self->result) &&
         column >= 0 && column < PQnfields (self->result) &&
         !PQgetisnull (self->result, self->row, column);
}

static int
pg_column_count (SilaStatement *stmt)
{
  PgStatement *self = PST (stmt);

  return self->result != NULL ? PQnfields (self->result) : 0;
}

static const char *
pg_column_name (SilaStatement *stmt,
                int            column)
{
  PgStatement *self = PST (stmt);

  return self->result != NULL ? PQfname (self->result, column) : NULL;
}

static SilaDbType
pg_column_type (SilaStatement *stmt,
                int            column)
{
  PgStatement *self = PST (stmt);

  if (!has_value (self, column))
    return SILA_DB_TYPE_NULL;

  switch (PQftype (self->result, column))
    {
    case OID_BOOL:
    case OID_INT2:
    case OID_INT4:
    case OID_INT8:
    case OID_OID:
      return SILA_DB_TYPE_INTEGER;
    case OID_FLOAT4:
    case OID_FLOAT8:
    case OID_NUMERIC:
      return SILA_DB_TYPE_FLOAT;
    case OID_BYTEA:
      return SILA_DB_TYPE_BLOB;
    default:
      return SILA_DB_TYPE_TEXT;
    }
}

static gint64
pg_column_int64 (SilaStatement *stmt,
                 int            column)
{
  PgStatement *self = PST (stmt);
  const char *text;

  if (!has_value (self, column))
    return 0;

  text = PQgetvalue (self->result, self->row, column);
  /* Booleans read as SQLite stores them. */
  if (PQftype (self->result, column) == OID_BOOL)
    return text[0] == 't';
  /* A numeric or float column read as a whole number is truncated, as
   * SQLite does. */
  if (strpbrk (text, ".eE") != NULL)
    return (gint64)g_ascii_strtod (text, NULL);
  return g_ascii_strtoll (text, NULL, 10);
}

static double
pg_column_double (SilaStatement *stmt,
                  int            column)
{
  PgStatement *self = PST (stmt);
  const char *text;

  if (!has_value (self, column))
    return 0.0;

  text = PQgetvalue (self->result, self->row, column);
  if (PQftype (self->result, column) == OID_BOOL)
    return text[0] == 't' ? 1.0 : 0.0;
  return g_ascii_strtod (text, NULL);
}

static const char *
pg_column_text (SilaStatement *stmt,
                int            column)
{
  PgStatement *self = PST (stmt);

  if (!has_value (self, column))
    return NULL;

  /* As SQLite shows them, a boolean is a number. */
  if (PQftype (self->result, column) == OID_BOOL)
    return PQgetvalue (self->result, self->row, column)[0] == 't' ? "1" : "0";
  return PQgetvalue (self->result, self->row, column);
}

static gconstpointer
pg_column_blob (SilaStatement *stmt,
                int            column,
                gsize         *size)
{
  PgStatement *self = PST (stmt);
  size_t length = 0;

  *size = 0;
  if (!has_value (self, column))
    return NULL;

  if (PQftype (self->result, column) != OID_BYTEA)
    {
      *size = (gsize)PQgetlength (self->result, self->row, column);
      return PQgetvalue (self->result, self->row, column);
    }

  g_clear_pointer (&self->blob, PQfreemem);
  self->blob = PQunescapeBytea ((const unsigned char *)PQgetvalue (self->result, self->row,
                                                                    column),
                                &length);
  *size = length;
  return self->blob;
}

static const SilaDbDriver pg_driver = {
  .name               = SILA_PG_DRIVER_NAME,
  .close              = pg_close,
  .failure            = pg_db_failure,
  .message            = pg_message,
  .exec               = pg_exec,
  .changes            = pg_changes,
  .begin              = pg_begin,
  .commit             = pg_commit,
  .rollback           = pg_rollback,
  .get_schema_version = pg_get_schema_version,
  .set_schema_version = pg_set_schema_version,
  .data_version       = pg_data_version,
  .prepare_long_read  = pg_prepare_long_read,
  .sql                = sila_pg_sql,
  .prepare            = pg_prepare,
  .finalize           = pg_finalize,
  .reset              = pg_reset,
  .bind_null          = pg_bind_null,
  .bind_int64         = pg_bind_int64,
  .bind_double        = pg_bind_double,
  .bind_text          = pg_bind_text,
  .bind_blob          = pg_bind_blob,
  .step               = pg_step,
  .column_count       = pg_column_count,
  .column_name        = pg_column_name,
  .column_type        = pg_column_type,
  .column_int64       = pg_column_int64,
  .column_double      = pg_column_double,
  .column_text        = pg_column_text,
  .column_blob        = pg_column_blob,
};

/* Opening */

/* libpq's first line, without "FATAL:" noise around it. */
static char *
first_line (const char *message)
{
  g_auto(GStrv) lines = g_strsplit (message != NULL ? message : "", "\n", 2);
  char *line = g_strdup (lines[0] != NULL ? lines[0] : "");

  return g_strstrip (line);
}

static void
log_notice (void       *data,
            const char *message)
{
  g_debug ("Server: %s", message);
}

SilaDb *
sila_pg_connect (const char            *conninfo,
                 gboolean               read_only,
                 SilaPgConnectFailure  *failure,
                 char                 **detail)
{
  /* Ours come first, so that the user's connection string can override
   * them; the encoding comes last, for the store speaks UTF-8 only. */
  const char *keywords[] = { "fallback_application_name", "connect_timeout", "dbname",
                             "client_encoding", NULL };
  const char *values[] = { "sila-desk", "10", conninfo, "UTF8", NULL };
  PgDb *self;
  PGconn *conn;

  *failure = SILA_PG_CONNECT_OK;
  *detail = NULL;

  conn = PQconnectdbParams (keywords, values, 1);
  if (conn == NULL || PQstatus (conn) != CONNECTION_OK)
    {
      if (conn == NULL)
        *failure = SILA_PG_CONNECT_UNREACHABLE;
      else if (PQconnectionNeedsPassword (conn))
        *failure = SILA_PG_CONNECT_NEEDS_PASSWORD;
      else if (PQconnectionUsedPassword (conn))
        *failure = SILA_PG_CONNECT_BAD_PASSWORD;
      else if (strstr (PQerrorMessage (conn), "FATAL:") == NULL)
        /* Nothing the server said (its refusals are "FATAL:"): no answer
         * at that address, a refused or timed-out connection. */
        *failure = SILA_PG_CONNECT_UNREACHABLE;
      else
        *failure = SILA_PG_CONNECT_REFUSED;
      *detail = first_line (conn != NULL ? PQerrorMessage (conn) : NULL);
      PQfinish (conn);
      return NULL;
    }

  /* The server's notices (a warning before it shuts down) are for the
   * log, not for the terminal of the command line. */
  PQsetNoticeProcessor (conn, log_notice, NULL);

  self = g_new0 (PgDb, 1);
  self->parent.driver = &pg_driver;
  self->conn = conn;
  self->read_only = read_only;
  self->lock_timeout = 5000;
  self->generation = 1;
  if (!set_up_session (self))
    {
      *failure = SILA_PG_CONNECT_REFUSED;
      *detail = g_strdup (self->message);
      pg_close (&self->parent);
      return NULL;
    }
  return &self->parent;
}

gboolean
sila_pg_is_connection (SilaDb *db)
{
  return db != NULL && db->driver == &pg_driver;
}

gboolean
sila_pg_set_lock_timeout (SilaDb *db,
                          int     milliseconds)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (sila_pg_is_connection (db), FALSE);

  PG (db)->lock_timeout = MAX (milliseconds, 1);
  sql = g_strdup_printf ("SET lock_timeout = %d", PG (db)->lock_timeout);
  return pg_exec (db, sql);
}

/* The end of one keyword string value starting at @p: quoted ('…', with
 * backslash escapes) or up to the next space, as libpq reads it. */
static const char *
skip_value (const char *p)
{
  if (*p == '\'')
    {
      for (p++; *p != '\0' && *p != '\''; p++)
        if (*p == '\\' && p[1] != '\0')
          p++;
      return *p == '\'' ? p + 1 : p;
    }
  for (; *p != '\0' && !g_ascii_isspace (*p); p++)
    if (*p == '\\' && p[1] != '\0')
      p++;
  return p;
}

/* A keyword string keeps its order and spelling; only "password=…" goes.
 * It has been read by PQconninfoParse() first, so it is well formed. */
static char *
keywords_shown (const char *conninfo)
{
  GString *out = g_string_new (NULL);
  const char *p = conninfo;

  while (*p != '\0')
    {
      const char *start, *key_end, *end;

      while (g_ascii_isspace (*p))
        p++;
      if (*p == '\0')
        break;
      start = p;
      while (*p != '\0' && *p != '=' && !g_ascii_isspace (*p))
        p++;
      key_end = p;
      while (g_ascii_isspace (*p))
        p++;
      if (*p == '=')
        p++;
      while (g_ascii_isspace (*p))
        p++;
      end = skip_value (p);
      p = end;
      if (key_end - start == 8 && strncmp (start, "password", 8) == 0)
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append_len (out, start, end - start);
    }
  return g_string_free (out, FALSE);
}

/* A URI keeps its form; only "user:password@" loses ":password" and a
 * "password=" parameter goes. */
static char *
uri_shown (const char *uri)
{
  const char *scheme_end = strstr (uri, "://");
  const char *authority = scheme_end + 3;
  const char *path = authority + strcspn (authority, "/?");
  const char *at = NULL;
  const char *query;
  GString *out = g_string_new (NULL);

  for (const char *c = authority; c < path; c++)
    if (*c == '@')
      at = c;

  g_string_append_len (out, uri, authority - uri);
  if (at != NULL)
    {
      const char *colon = memchr (authority, ':', at - authority);

      g_string_append_len (out, authority, (colon != NULL ? colon : at) - authority);
      g_string_append_len (out, at, path - at);
    }
  else
    g_string_append_len (out, authority, path - authority);

  query = strchr (path, '?');
  g_string_append_len (out, path, query != NULL ? query - path : (gssize)strlen (path));
  if (query != NULL)
    {
      g_auto(GStrv) params = g_strsplit (query + 1, "&", -1);
      gboolean first = TRUE;

      for (guint i = 0; params[i] != NULL; i++)
        {
          if (g_str_has_prefix (params[i], "password=") || params[i][0] == '\0')
            continue;
          g_string_append_c (out, first ? '?' : '&');
          g_string_append (out, params[i]);
          first = FALSE;
        }
    }
  return g_string_free (out, FALSE);
}

char *
sila_pg_conninfo_shown (const char *conninfo)
{
  PQconninfoOption *options;

  g_return_val_if_fail (conninfo != NULL, NULL);

  if (g_str_has_prefix (conninfo, "postgresql://") || g_str_has_prefix (conninfo, "postgres://"))
    return uri_shown (conninfo);

  options = PQconninfoParse (conninfo, NULL);
  if (options == NULL)
    return g_strdup (_("(an unreadable server address)"));
  PQconninfoFree (options);
  return keywords_shown (conninfo);
}
