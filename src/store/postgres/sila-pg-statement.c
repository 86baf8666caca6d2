/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The PostgreSQL driver's statements: "?N" rewritten to "$N" once, prepared
 * with every parameter's type left to the server, values sent as text,
 * results walked row by row and read from their text (docs/store.md). The
 * connection is sila-pg.c. */
#define G_LOG_DOMAIN "sila-store"

#include "sila-config.h"

#include <string.h>

#include "sila-pg-private.h"

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
  ok = sila_pg_note_result (self, result);
  PQclear (result);
  if (ok)
    stmt->generation = self->generation;
  return ok;
}

SilaStatement *
sila_pg_prepare (SilaDb     *db,
            const char *sql)
{
  PgStatement *stmt;
  g_autoptr(GArray) seen = NULL;

  if (!sila_pg_ensure_connected (PG (db)))
    return NULL;

  stmt = g_new0 (PgStatement, 1);
  stmt->parent.driver = sila_pg_driver ();
  stmt->parent.db = db;
  stmt->sql = rewrite_parameters (sql, &stmt->n_params, &seen);
  {
    const char *start = sql;

    while (g_ascii_isspace (*start))
      start++;
    stmt->plan_each_time = g_str_has_prefix (start, SILA_PG_PLAN_EACH_TIME);
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

void
sila_pg_reset (SilaStatement *stmt)
{
  PgStatement *self = PST (stmt);

  clear_result (self);
  for (int i = 0; i < self->n_params; i++)
    g_clear_pointer (&self->values[i], g_free);
}

void
sila_pg_finalize (SilaStatement *stmt)
{
  PgStatement *self = PST (stmt);
  PgDb *db = PG (stmt->db);

  sila_pg_reset (stmt);
  /* The server forgets it with the session anyway; a statement of an
   * earlier session is not there to deallocate. */
  if (self->generation == db->generation && PQstatus (db->conn) == CONNECTION_OK)
    {
      g_autofree char *sql = g_strdup_printf ("DEALLOCATE %s", self->name);

      PQclear (PQexec (db->conn, sql));
    }
  g_clear_pointer (&self->description, PQclear);
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

void
sila_pg_bind_null (SilaStatement *stmt,
              int            index)
{
  set_value (stmt, index, NULL);
}

void
sila_pg_bind_int64 (SilaStatement *stmt,
               int            index,
               gint64         value)
{
  set_value (stmt, index, g_strdup_printf ("%" G_GINT64_FORMAT, value));
}

void
sila_pg_bind_double (SilaStatement *stmt,
                int            index,
                double         value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  /* In the C locale whatever the user's: the server reads "1.5". */
  set_value (stmt, index, g_strdup (g_ascii_dtostr (buffer, sizeof buffer, value)));
}

void
sila_pg_bind_text (SilaStatement *stmt,
              int            index,
              const char    *text)
{
  set_value (stmt, index, g_strdup (text));
}

void
sila_pg_bind_blob (SilaStatement *stmt,
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

SilaStep
sila_pg_step (SilaStatement *stmt)
{
  PgStatement *self = PST (stmt);
  PgDb *db = PG (stmt->db);
  gboolean guarded, in_savepoint = FALSE;

  if (self->result == NULL)
    {
      if (self->done)
        return SILA_STEP_DONE;
      if (!sila_pg_ensure_connected (db))
        return SILA_STEP_ERROR;
      if (self->generation != db->generation && !prepare_on_server (self))
        return SILA_STEP_ERROR;

      /* A failed statement aborts the whole transaction on PostgreSQL but
       * not on SQLite, where the store goes on after an expected failure
       * (a duplicate, then the number of the file that has it). A write
       * inside a transaction therefore runs inside a savepoint of its own,
       * rolled back to if it fails (exec_guarded). */
      guarded = self->writes && db->in_transaction;
      if (guarded)
        self->result = exec_guarded (db, self, &in_savepoint);
      else if (self->plan_each_time)
        self->result = PQexecParams (db->conn, self->sql, self->n_params, self->types,
                                     (const char *const *)self->values, NULL, NULL, 0);
      else
        self->result = PQexecPrepared (db->conn, self->name, self->n_params,
                                       (const char *const *)self->values, NULL, NULL, 0);
      if (!sila_pg_note_result (db, self->result))
        {
          clear_result (self);
          if (in_savepoint && !db->transaction_lost)
            {
              SilaDbFailure failure = db->failure;
              g_autofree char *message = g_strdup (db->message);

              sila_pg_run (db, "ROLLBACK TO SAVEPOINT sila_statement; RELEASE sila_statement");
              sila_pg_set_failure (db, failure, message);
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
            sila_pg_run (db, "NOTIFY " CHANGES_CHANNEL);
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

/* The columns of a statement not stepped yet: SQLite names them once
 * prepared, and the store relies on it (a query that returns no row still
 * names its columns). Asked of the server the first time only, and kept
 * while the connection it was prepared on lasts. */
static const PGresult *
columns_of (PgStatement *self)
{
  PgDb *db = PG (self->parent.db);

  if (self->result != NULL)
    return self->result;
  if (self->description != NULL && self->generation == db->generation)
    return self->description;
  g_clear_pointer (&self->description, PQclear);
  if (!sila_pg_ensure_connected (db) ||
      (self->generation != db->generation && !prepare_on_server (self)))
    return NULL;
  self->description = PQdescribePrepared (db->conn, self->name);
  if (!sila_pg_note_result (db, self->description))
    g_clear_pointer (&self->description, PQclear);
  return self->description;
}

int
sila_pg_column_count (SilaStatement *stmt)
{
  const PGresult *result = columns_of (PST (stmt));

  return result != NULL ? PQnfields (result) : 0;
}

const char *
sila_pg_column_name (SilaStatement *stmt,
                     int            column)
{
  const PGresult *result = columns_of (PST (stmt));

  return result != NULL && column >= 0 && column < PQnfields (result)
         ? PQfname (result, column) : NULL;
}

SilaDbType
sila_pg_column_type (SilaStatement *stmt,
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

gint64
sila_pg_column_int64 (SilaStatement *stmt,
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

double
sila_pg_column_double (SilaStatement *stmt,
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

const char *
sila_pg_column_text (SilaStatement *stmt,
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

gconstpointer
sila_pg_column_blob (SilaStatement *stmt,
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
