/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Opening a store on a PostgreSQL database: connecting, telling an empty
 * database from Sila Desk's and from another program's, making Sila Desk's
 * tables in an empty one (`db init`, or a command that brings data in),
 * refusing one made by a newer version, and bringing an older one up to
 * date. The connection itself is sila-pg.c. */
#define G_LOG_DOMAIN "sila-store"

#include "sila-config.h"

#include <glib/gi18n-lib.h>

#include "sila-pg.h"
#include "sila-store-private.h"

#if __has_include("sila-pg-schema.h")
#include "sila-pg-schema.h"
#include "sila-store-schema-private.h"
#define HAVE_PG_SCHEMA 1
#endif

/* What the database holds before anything is done to it. */
typedef enum {
  CONTENTS_EMPTY,
  CONTENTS_SILA,
  CONTENTS_OTHER,
} Contents;

static gboolean
query_text (SilaStore   *self,
            const char  *sql,
            char       **text,
            GError     **error)
{
  g_autoptr(SilaStatement) stmt = sila_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  return sila_store_step_text (self, stmt, text, error);
}

/* sila_meta names the application; a database with no table, view or
 * sequence of its own is empty. */
static gboolean
look_at_contents (SilaStore  *self,
                  Contents   *contents,
                  GError    **error)
{
  g_autofree char *has_meta = NULL;
  g_autofree char *application = NULL;
  g_autofree char *n_relations = NULL;

  if (!query_text (self,
                   "SELECT count(*) FROM pg_catalog.pg_tables "
                   "WHERE schemaname = current_schema () AND tablename = 'sila_meta'",
                   &has_meta, error))
    return FALSE;

  if (g_strcmp0 (has_meta, "0") != 0)
    {
      if (!query_text (self, "SELECT value FROM sila_meta WHERE key = 'application'",
                       &application, error))
        return FALSE;
      *contents = g_strcmp0 (application, "sila-desk") == 0 ? CONTENTS_SILA : CONTENTS_OTHER;
      return TRUE;
    }

  if (!query_text (self,
                   "SELECT count(*) FROM pg_catalog.pg_class c "
                   "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                   "WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') "
                   "AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'",
                   &n_relations, error))
    return FALSE;

  *contents = g_strcmp0 (n_relations, "0") == 0 ? CONTENTS_EMPTY : CONTENTS_OTHER;
  return TRUE;
}

/* The data format the schema of sila-pg-schema.c makes, and its SQL. */
static int
base_schema (const char **sql)
{
#ifdef HAVE_PG_SCHEMA
  *sql = sila_pg_schema_sql ();
  return sila_pg_schema_base_version ();
#else
  *sql = "";
  return 0;
#endif
}

/* Makes Sila Desk's tables in an empty database, at the version of the
 * PostgreSQL schema; later migrations then run as on SQLite. Under the
 * writers' lock, so that two desks starting on a new server make it once. */
static gboolean
initialize (SilaStore  *self,
            GError    **error)
{
  g_autoptr(SilaTransaction) tx = NULL;
  const char *schema_sql = NULL;
  Contents contents = CONTENTS_OTHER;
  int version;

  tx = sila_transaction_begin (self, error);
  if (tx == NULL)
    return FALSE;

  if (!look_at_contents (self, &contents, error))
    return FALSE;
  if (contents != CONTENTS_EMPTY)
    return sila_transaction_commit (tx, error);

  version = base_schema (&schema_sql);
  if (!sila_store_exec (self,
                        "CREATE TABLE sila_meta ("
                        "  key   text PRIMARY KEY,"
                        "  value text NOT NULL"
                        ");"
                        "INSERT INTO sila_meta (key, value) VALUES ('application', 'sila-desk');",
                        error))
    return FALSE;
  if (*schema_sql != '\0' && !sila_store_exec (self, schema_sql, error))
    {
      g_prefix_error (error, _("The database could not be brought up to date: "));
      return FALSE;
    }
#ifdef HAVE_PG_SCHEMA
  /* The rows a new database starts with, as the SQLite migrations write
   * them: its device id, the policy's settings, the default lists. */
  if (!sila_store_seed_database (self, error))
    {
      g_prefix_error (error, _("The database could not be brought up to date: "));
      return FALSE;
    }
#endif
  if (!self->db->driver->set_schema_version (self->db, version))
    {
      sila_store_set_db_error (self, error);
      return FALSE;
    }
  if (!sila_transaction_commit (tx, error))
    return FALSE;

  self->created = TRUE;
  return TRUE;
}

static void
set_connect_error (GError               **error,
                   const char            *shown,
                   SilaPgConnectFailure   failure,
                   const char            *detail)
{
  switch (failure)
    {
    case SILA_PG_CONNECT_NEEDS_PASSWORD:
      g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_SERVER_LOGIN,
                   _("The office server at “%s” asks for a password. Keep it in the file "
                     "~/.pgpass (readable only by you) or in a service file, and try again."),
                   shown);
      break;
    case SILA_PG_CONNECT_BAD_PASSWORD:
      g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_SERVER_LOGIN,
                   _("The office server at “%s” refused the user name or password. Check "
                     "them and try again."),
                   shown);
      break;
    case SILA_PG_CONNECT_UNREACHABLE:
      g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_CANNOT_OPEN,
                   _("The office server at “%s” cannot be reached (%s). Check the address "
                     "and that the server is running, then try again."),
                   shown, detail);
      break;
    case SILA_PG_CONNECT_NO_LIBRARY:
      g_set_error_literal (error, SILA_STORE_ERROR, SILA_STORE_ERROR_CANNOT_OPEN, detail);
      break;
    case SILA_PG_CONNECT_REFUSED:
    case SILA_PG_CONNECT_OK:
    default:
      g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_CANNOT_OPEN,
                   _("The office server at “%s” refused the connection: %s"), shown, detail);
      break;
    }
}

SilaStore *
sila_pg_store_open (const char          *conninfo,
                    SilaStoreOpenFlags   flags,
                    int                  target_version,
                    GError             **error)
{
  return sila_pg_store_open_with_password (conninfo, NULL, flags, target_version, error);
}

SilaStore *
sila_pg_store_open_with_password (const char          *conninfo,
                                  const char          *password,
                                  SilaStoreOpenFlags   flags,
                                  int                  target_version,
                                  GError             **error)
{
  g_autoptr(SilaStore) self = NULL;
  g_autofree char *detail = NULL;
  SilaPgConnectFailure failure;
  Contents contents = CONTENTS_OTHER;
  int version;

  g_return_val_if_fail (conninfo != NULL, NULL);

  if (flags & SILA_STORE_OPEN_READ_ONLY)
    flags |= SILA_STORE_OPEN_MUST_EXIST;

  self = g_object_new (SILA_TYPE_STORE, NULL);
  /* The store keeps and shows the address only without its password. */
  self->path = sila_pg_conninfo_shown (conninfo);
  self->read_only = (flags & SILA_STORE_OPEN_READ_ONLY) != 0;

  self->db = sila_pg_connect_with_password (conninfo, password, self->read_only, &failure,
                                            &detail);
  if (self->db == NULL)
    {
      set_connect_error (error, self->path, failure, detail);
      return NULL;
    }

  if (!look_at_contents (self, &contents, error))
    return NULL;

  switch (contents)
    {
    case CONTENTS_OTHER:
      g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_NOT_DATABASE,
                   _("The server database “%s” holds tables of another program, not of Sila "
                     "Desk. Nothing was changed."),
                   self->path);
      return NULL;

    case CONTENTS_EMPTY:
      if (flags & SILA_STORE_OPEN_MUST_EXIST)
        {
          g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_CANNOT_OPEN,
                       _("The server database “%s” is empty. Set it up first with “sila "
                         "--database URI db init”."),
                       self->path);
          return NULL;
        }
      if (!initialize (self, error))
        return NULL;
      break;

    case CONTENTS_SILA:
    default:
      break;
    }

  version = sila_store_get_schema_version (self);
  if (version < 0)
    {
      sila_store_set_db_error (self, error);
      return NULL;
    }

  if (version > sila_store_get_latest_version ())
    {
      g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_TOO_NEW,
                   _("“%s” was saved by a newer version of Sila Desk (data format %d; this "
                     "version reads up to %d). Update Sila Desk to open it. Nothing was "
                     "changed."),
                   self->path, version, sila_store_get_latest_version ());
      return NULL;
    }

  if (version < target_version)
    {
      if (self->read_only)
        {
          g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_READ_ONLY,
                       _("“%s” is read-only and was made by an older version of Sila Desk, "
                         "so it cannot be brought up to date. Nothing was changed."),
                       self->path);
          return NULL;
        }
      if (!sila_store_migrate (self, target_version, error))
        return NULL;
    }

  /* A table or column missing would fail later with an SQL error: say so
   * now, plainly, before anything is read or written. Tables and columns by
   * name only (a millisecond); `sila check` compares the rest. Only this
   * version's data format has its tables known. */
  if (MAX (version, target_version) == sila_store_get_latest_version () &&
      !(flags & SILA_STORE_OPEN_UNCHECKED_SCHEMA) &&
      !sila_pg_store_check_schema (self, FALSE, error))
    return NULL;

  if (!sila_store_load_device_id (self, error))
    return NULL;

  sila_store_poll_external_change (self);

  return g_steal_pointer (&self);
}

/* A second connection to @other's database, for reading in another
 * thread: the database was looked at and brought up to date already. */
SilaStore *
sila_pg_store_open_again (const char          *shown,
                          const char * const  *keywords,
                          const char * const  *values,
                          const char          *device_id,
                          gboolean             read_only,
                          GError             **error)
{
  g_autoptr(SilaStore) self = g_object_new (SILA_TYPE_STORE, NULL);
  g_autofree char *detail = NULL;
  SilaPgConnectFailure failure;

  self->path = g_strdup (shown);
  self->read_only = read_only;
  self->db = sila_pg_connect_again (keywords, values, read_only, &failure, &detail);
  if (self->db == NULL)
    {
      set_connect_error (error, self->path, failure, detail);
      return NULL;
    }
  self->device_id = g_strdup (device_id);
  return g_steal_pointer (&self);
}

gboolean
sila_pg_store_dup_options (SilaStore *self,
                           GStrv     *keywords,
                           GStrv     *values)
{
  return sila_pg_dup_options (self->db, keywords, values);
}

gboolean
sila_store_is_on_server (SilaStore *self)
{
  return sila_pg_is_connection (self->db);
}

void
sila_pg_store_set_lock_timeout (SilaStore *self,
                                int        milliseconds)
{
  sila_pg_set_lock_timeout (self->db, milliseconds);
}
