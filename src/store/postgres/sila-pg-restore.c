/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Restoring a server's database with pg_restore, into an empty database
 * only, recording the restore in it; and checking it with amcheck. The
 * backups themselves are sila-pg-backup.c. */
#define G_LOG_DOMAIN "sila-store"

#include "sila-config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "sila-audit.h"
#include "sila-pg-tools.h"
#include "sila-store-backup.h"
#include "sila-store-private.h"

/* Restoring */

static gboolean
query_count (PGconn      *conn,
             const char  *sql,
             gint64      *count,
             GError     **error)
{
  PGresult *result = PQexec (conn, sql);
  gboolean ok = PQresultStatus (result) == PGRES_TUPLES_OK && PQntuples (result) == 1;

  if (ok)
    *count = g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
  else
    g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_FAILED, "%s",
                 PQresultErrorMessage (result));
  PQclear (result);
  return ok;
}

SilaBackupInfo *
sila_server_restore_dump (const char  *conninfo,
                          const char  *backup,
                          GError     **error)
{
  g_auto(SilaPgConnection) c = { 0 };
  g_autoptr(SilaBackupInfo) info = NULL;
  g_autofree char *tool = sila_pg_find_tool ("pg_restore");
  g_autofree char *complaint = NULL;
  g_autofree char *dbname = NULL;
  PGconn *conn;
  gint64 n_relations = 0;
  int status = 0;

  g_return_val_if_fail (conninfo != NULL && backup != NULL, NULL);

  /* The backup first: a bad one never reaches the server. */
  info = sila_server_backup_inspect (backup, error);
  if (info == NULL || !sila_pg_parse_connection (conninfo, &c, error))
    return NULL;

  /* Into an empty database only: nothing there to mix with, or to lose. */
  conn = sila_pg_connect_tool (&c, error);
  if (conn == NULL)
    return NULL;
  if (!query_count (conn,
                    "SELECT count(*) FROM pg_catalog.pg_class c "
                    "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                    "WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') "
                    "AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'",
                    &n_relations, error))
    {
      PQfinish (conn);
      return NULL;
    }
  PQfinish (conn);
  if (n_relations > 0)
    {
      g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_INVALID,
                   _("The database “%s” is not empty. A backup is restored only into an empty "
                     "database (the server’s administrator makes one with createdb), so that "
                     "nothing in it is mixed up or lost. Nothing was replaced."),
                   c.shown);
      return NULL;
    }

  /* One transaction: a failure leaves the database empty. Objects belong
   * to whoever restores, as the roles of the old server may not exist. */
  dbname = g_strconcat ("--dbname=", c.keywords, NULL);
  {
    const char *argv[] = { tool, "--single-transaction", "--exit-on-error", "--no-owner",
                           dbname, backup, NULL };

    if (!sila_pg_run_tool (argv, &c, NULL, &complaint, &status, error))
      return NULL;
  }
  if (status != 0)
    {
      g_autofree char *shown = g_filename_display_name (backup);

      g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_FAILED,
                   _("The backup “%s” could not be restored into “%s”: %s. Nothing was "
                     "replaced."),
                   shown, c.shown, complaint);
      return NULL;
    }

  return g_steal_pointer (&info);
}

gboolean
sila_store_record_restore (SilaStore        *self,
                           const SilaActor  *actor,
                           const char       *backup,
                           GError          **error)
{
  g_autoptr(SilaTransaction) tx = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *shown = g_filename_display_name (backup);
  g_autofree char *after_json = NULL;

  g_return_val_if_fail (SILA_IS_STORE (self), FALSE);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "backup");
  json_builder_add_string_value (builder, shown);
  json_builder_set_member_name (builder, "tool");
  json_builder_add_string_value (builder, "pg_restore");
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  after_json = json_to_string (root, FALSE);

  tx = sila_transaction_begin (self, error);
  return tx != NULL &&
         sila_store_audit (self, actor, SILA_AUDIT_RESTORE, SILA_AUDIT_ENTITY_DATABASE,
                           sila_store_get_device_id (self), NULL, NULL, after_json, error) &&
         sila_transaction_commit (tx, error);
}

/* Checking */

gboolean
sila_server_check (const char  *conninfo,
                   GError     **error)
{
  g_auto(SilaPgConnection) c = { 0 };
  g_autoptr(GString) problems = g_string_new (NULL);
  g_autoptr(GError) failure = NULL;
  PGconn *conn;
  PGresult *result;
  const char *state;

  g_return_val_if_fail (conninfo != NULL, FALSE);

  if (!sila_pg_parse_connection (conninfo, &c, error))
    return FALSE;
  conn = sila_pg_connect_tool (&c, error);
  if (conn == NULL)
    return FALSE;

  result = PQexec (conn, "SET client_min_messages = warning; "
                         "CREATE EXTENSION IF NOT EXISTS amcheck");
  if (PQresultStatus (result) != PGRES_COMMAND_OK)
    {
      state = PQresultErrorField (result, PG_DIAG_SQLSTATE);
      if (g_strcmp0 (state, "42501") == 0)
        g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DENIED,
                     _("The database “%s” cannot be checked: PostgreSQL’s checker (amcheck) is "
                       "not enabled in it, and this connection’s role may not enable it. Ask "
                       "the server’s administrator to run, once, in that database: CREATE "
                       "EXTENSION amcheck; (build-aux/setup-office-server.sh does)."),
                     c.shown);
      else
        g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_FAILED,
                     _("The database “%s” cannot be checked: %s"), c.shown,
                     g_strstrip (PQresultErrorMessage (result)));
      PQclear (result);
      PQfinish (conn);
      return FALSE;
    }
  PQclear (result);

  /* Every B-tree index against its table (heapallindexed), then every
   * table's pages; a failure of either is a finding, not an error. */
  result = PQexec (conn,
                   "SELECT c.relname, "
                   "  (SELECT string_agg (v.msg, '; ') FROM verify_heapam (c.oid) v) "
                   "FROM pg_catalog.pg_class c "
                   "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                   "WHERE n.nspname = current_schema () AND c.relkind IN ('r', 'm') "
                   "AND c.relpersistence <> 't' ORDER BY c.relname");
  if (PQresultStatus (result) == PGRES_TUPLES_OK)
    {
      for (int i = 0; i < PQntuples (result); i++)
        if (!PQgetisnull (result, i, 1))
          g_string_append_printf (problems, "%s%s: %s", problems->len > 0 ? "; " : "",
                                  PQgetvalue (result, i, 0), PQgetvalue (result, i, 1));
      PQclear (result);
      result = PQexec (conn,
                       "SELECT c.relname, bt_index_check (c.oid, true) "
                       "FROM pg_catalog.pg_index i "
                       "JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid "
                       "JOIN pg_catalog.pg_am a ON a.oid = c.relam "
                       "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                       "WHERE a.amname = 'btree' AND n.nspname = current_schema () "
                       "AND c.relpersistence <> 't' AND i.indisready AND i.indisvalid "
                       "ORDER BY c.relname");
    }
  if (PQresultStatus (result) != PGRES_TUPLES_OK)
    {
      state = PQresultErrorField (result, PG_DIAG_SQLSTATE);
      if (g_strcmp0 (state, "42501") == 0)
        g_set_error (&failure, SILA_STORE_ERROR, SILA_STORE_ERROR_DENIED,
                     _("The database “%s” cannot be checked: this connection’s role may not "
                       "run PostgreSQL’s checker (amcheck). Ask the server’s administrator to "
                       "grant it, or run “sila check” as the database’s owner."),
                     c.shown);
      else if (state != NULL && (g_str_has_prefix (state, "XX") ||
                                 g_str_equal (state, "22023")))
        g_string_append_printf (problems, "%s%s", problems->len > 0 ? "; " : "",
                                g_strstrip (PQresultErrorMessage (result)));
      else
        g_set_error (&failure, SILA_STORE_ERROR, SILA_STORE_ERROR_FAILED,
                     _("The database “%s” cannot be checked: %s"), c.shown,
                     g_strstrip (PQresultErrorMessage (result)));
    }
  PQclear (result);
  PQfinish (conn);
  if (failure != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&failure));
      return FALSE;
    }

  if (problems->len > 0)
    {
      g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_NOT_DATABASE,
                   _("The database “%s” is damaged (%s)."), c.shown, problems->str);
      return FALSE;
    }
  return TRUE;
}
