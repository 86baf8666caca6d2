/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The PostgreSQL driver of the store's seam, on libpq: the connection,
 * transactions, failures, change notification and connecting; statements
 * are sila-pg-statement.c.
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
#include <stdlib.h>
#include <string.h>

#include "sila-pg-private.h"
#include "sila-pg-sql.h"

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

void
sila_pg_set_failure (PgDb          *self,
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
  sila_pg_set_failure (self, SILA_DB_CANNOT_OPEN,
               _("The connection to the office server was lost, so this was not done. Try "
                 "again in a moment; what you entered is still here."));
}

/* Notes the outcome of @result (which may be NULL); TRUE if it succeeded. */
gboolean
sila_pg_note_result (PgDb     *self,
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

  sila_pg_set_failure (self,
               failure_for_sqlstate (result != NULL
                                     ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL),
               result != NULL ? PQresultErrorMessage (result) : PQerrorMessage (self->conn));
  return FALSE;
}

/* Connection */

gboolean
sila_pg_run (PgDb       *self,
     const char *sql)
{
  PGresult *result = PQexec (self->conn, sql);
  gboolean ok = sila_pg_note_result (self, result);

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
  return sila_pg_run (self, sql);
}

/* Before every use: a connection that dropped is made again. While a
 * transaction that met the drop is still open in the store, everything but
 * its rollback fails, so that its second half is never saved alone. */
gboolean
sila_pg_ensure_connected (PgDb *self)
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
  g_strfreev (PG (db)->again_keywords);
  g_strfreev (PG (db)->again_values);
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
  if (!sila_pg_ensure_connected (PG (db)))
    return FALSE;
  return sila_pg_run (PG (db), sql);
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

  if (!sila_pg_ensure_connected (self))
    return FALSE;

  /* One writer at a time, as SQLite's BEGIN IMMEDIATE: the lock is held to
   * the end of the transaction, and a desk that waits longer than the lock
   * timeout is told the database is busy. */
  sql = g_strdup_printf ("BEGIN; SELECT pg_advisory_xact_lock (%d)", SILA_PG_WRITE_LOCK);
  self->in_transaction = TRUE;
  /* Taking the lock can meet a deadlock or serialization failure with work
   * that is not Sila's (a maintenance session): nothing is done yet, so it
   * is simply tried again, a few times, before it is reported. */
  for (int tries = 1; !sila_pg_run (self, sql) && self->failure == SILA_DB_RETRY && tries < 4;
       tries++)
    {
      sila_pg_run (self, "ROLLBACK");
      g_usleep (tries * 20 * 1000);
      self->in_transaction = TRUE;
    }
  if (self->failure != SILA_DB_OK)
    {
      SilaDbFailure failure = self->failure;
      g_autofree char *message = g_strdup (self->message);

      /* The rollback must not hide why the transaction could not begin. */
      if (!self->transaction_lost)
        {
          sila_pg_run (self, "ROLLBACK");
          sila_pg_set_failure (self, failure, message);
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

  if (!sila_pg_ensure_connected (self))
    return FALSE;

  /* The notification is delivered to the other desks at the commit, and
   * only if it commits. COMMIT of a failed transaction answers ROLLBACK
   * without an error: that is a failure here. Both in one round trip: a
   * failed NOTIFY leaves the COMMIT unrun, and its error is the result. */
  result = PQexec (self->conn, "NOTIFY " CHANGES_CHANNEL "; COMMIT");
  ok = sila_pg_note_result (self, result);
  if (ok && g_strcmp0 (PQcmdStatus (result), "COMMIT") != 0)
    {
      sila_pg_set_failure (self, SILA_DB_FAILED, _("The server rolled the transaction back."));
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
        sila_pg_run (self, "ROLLBACK");
      return;
    }

  if (self->transaction_lost || self->broken || PQstatus (self->conn) != CONNECTION_OK)
    return;
  sql = g_strdup_printf ("ROLLBACK TO sila_%u; RELEASE sila_%u", depth, depth);
  sila_pg_run (self, sql);
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

  if (!sila_pg_ensure_connected (self))
    return FALSE;

  result = PQexecParams (self->conn, sql, n_params, NULL, values, NULL, NULL, 0);
  ok = sila_pg_note_result (self, result);
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

      if (!sila_pg_ensure_connected (self))
        return FALSE;
      /* Notifications travel on their own: an empty query's round trip
       * makes sure that whatever another desk committed before this call
       * has arrived (the server sends pending ones before it answers). It
       * reads no data, and tells a server that went away. */
      result = PQexec (self->conn, "");
      if (result == NULL || PQresultStatus (result) != PGRES_EMPTY_QUERY)
        {
          sila_pg_note_result (self, result);
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

static int
pg_change_fd (SilaDb *db)
{
  PgDb *self = PG (db);

  if (self->broken || PQstatus (self->conn) != CONNECTION_OK)
    return -1;
  return PQsocket (self->conn);
}

static gboolean
pg_prepare_long_read (SilaDb *db)
{
  /* The server keeps its own caches; nothing to tune per connection. */
  return TRUE;
}

static gboolean
pg_bulk_write (SilaDb   *db,
               gboolean  starting)
{
  /* The server keeps its own caches and journal; nothing to tune. */
  return TRUE;
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
  .bulk_write         = pg_bulk_write,
  .change_fd          = pg_change_fd,
  .sql                = sila_pg_sql,
  .prepare            = sila_pg_prepare,
  .finalize           = sila_pg_finalize,
  .reset              = sila_pg_reset,
  .bind_null          = sila_pg_bind_null,
  .bind_int64         = sila_pg_bind_int64,
  .bind_double        = sila_pg_bind_double,
  .bind_text          = sila_pg_bind_text,
  .bind_blob          = sila_pg_bind_blob,
  .step               = sila_pg_step,
  .column_count       = sila_pg_column_count,
  .column_name        = sila_pg_column_name,
  .column_type        = sila_pg_column_type,
  .column_int64       = sila_pg_column_int64,
  .column_double      = sila_pg_column_double,
  .column_text        = sila_pg_column_text,
  .column_blob        = sila_pg_column_blob,
};

const SilaDbDriver *
sila_pg_driver (void)
{
  return &pg_driver;
}

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
  return sila_pg_connect_with_password (conninfo, NULL, read_only, failure, detail);
}

static SilaDb *finish_connect (PGconn                *conn,
                               gboolean               read_only,
                               SilaPgConnectFailure  *failure,
                               char                 **detail);

SilaDb *
sila_pg_connect_with_password (const char            *conninfo,
                               const char            *password,
                               gboolean               read_only,
                               SilaPgConnectFailure  *failure,
                               char                 **detail)
{
  /* Ours come first, so that the user's connection string can override
   * them; the encoding comes last, for the store speaks UTF-8 only, and a
   * password given apart from the address last of all. libpq keeps them
   * for PQreset(), so a desk reconnects after a restart of the server. */
  const char *keywords[] = { "fallback_application_name", "connect_timeout", "dbname",
                             "client_encoding", password != NULL ? "password" : NULL, NULL };
  const char *values[] = { "sila-desk", "10", conninfo, "UTF8", password, NULL };
  g_autoptr(GError) error = NULL;
  PGconn *conn;

  *failure = SILA_PG_CONNECT_OK;
  *detail = NULL;

  if (!sila_pq_load (&error))
    {
      *failure = SILA_PG_CONNECT_NO_LIBRARY;
      *detail = g_strdup (error->message);
      return NULL;
    }

  conn = PQconnectdbParams (keywords, values, 1);
  return finish_connect (conn, read_only, failure, detail);
}

gboolean
sila_pg_dup_options (SilaDb *db,
                     GStrv  *keywords,
                     GStrv  *values)
{
  g_return_val_if_fail (sila_pg_is_connection (db), FALSE);

  if (PG (db)->again_keywords == NULL)
    return FALSE;
  *keywords = g_strdupv (PG (db)->again_keywords);
  *values = g_strdupv (PG (db)->again_values);
  return TRUE;
}

SilaDb *
sila_pg_connect_again (const char * const    *keywords,
                       const char * const    *values,
                       gboolean               read_only,
                       SilaPgConnectFailure  *failure,
                       char                 **detail)
{
  g_autoptr(GError) error = NULL;
  PGconn *conn;

  *failure = SILA_PG_CONNECT_OK;
  *detail = NULL;

  if (!sila_pq_load (&error))
    {
      *failure = SILA_PG_CONNECT_NO_LIBRARY;
      *detail = g_strdup (error->message);
      return NULL;
    }
  conn = PQconnectdbParams (keywords, values, 0);
  return finish_connect (conn, read_only, failure, detail);
}

/* What sila_pg_connect_again() needs, taken from the live connection. */
static void
keep_options (PgDb *self)
{
  PQconninfoOption *options = PQconninfo (self->conn);
  g_autoptr(GStrvBuilder) keywords = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) values = g_strv_builder_new ();

  if (options == NULL)
    return;
  for (PQconninfoOption *o = options; o->keyword != NULL; o++)
    if (o->val != NULL && *o->val != '\0')
      {
        g_strv_builder_add (keywords, o->keyword);
        g_strv_builder_add (values, o->val);
      }
  PQconninfoFree (options);
  self->again_keywords = g_strv_builder_end (keywords);
  self->again_values = g_strv_builder_end (values);
}

static SilaDb *
finish_connect (PGconn                *conn,
                gboolean               read_only,
                SilaPgConnectFailure  *failure,
                char                 **detail)
{
  PgDb *self;

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
  keep_options (self);
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

  /* Without libpq the connection fails with its own message: shown as
   * written, less its password. */
  if (!sila_pq_load (NULL))
    return keywords_shown (conninfo);
  options = PQconninfoParse (conninfo, NULL);
  if (options == NULL)
    return g_strdup (_("(an unreadable server address)"));
  PQconninfoFree (options);
  return keywords_shown (conninfo);
}
