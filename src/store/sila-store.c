/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The store object, whatever the engine underneath: what it reports about
 * itself and noticing changes made by other connections. Opening a
 * database is the engine's (sqlite/sila-sqlite-store.c); statements are in
 * sila-store-statements.c, transactions in sila-store-transactions.c,
 * permissions in sila-store-permissions.c. */
#define G_LOG_DOMAIN "sila-store"

#include "sila-config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sila-store-private.h"

G_DEFINE_FINAL_TYPE (SilaStore, sila_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (sila-store-error-quark, sila_store_error)

static void
finalize_statement (gpointer data)
{
  SilaStatement *stmt = data;

  stmt->driver->finalize (stmt);
}

static void
sila_store_finalize (GObject *object)
{
  SilaStore *self = (SilaStore *)object;

  /* Statements first: a connection is closed once none is left. */
  g_clear_object (&self->local_drafts);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    {
      self->db->driver->close (self->db);
      self->db = NULL;
    }
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->device_id, g_free);

  G_OBJECT_CLASS (sila_store_parent_class)->finalize (object);
}

static void
sila_store_class_init (SilaStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sila_store_finalize;
}

static void
sila_store_init (SilaStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
  self->data_version = -1;
}

gboolean
sila_store_load_device_id (SilaStore  *self,
                           GError    **error)
{
  g_autoptr(SilaStatement) stmt = NULL;

  stmt = sila_store_prepare (self, "SELECT value FROM meta WHERE key = 'device_id'", error);
  if (stmt == NULL)
    return FALSE;

  switch (sila_store_step (self, stmt, error))
    {
    case SILA_STEP_ROW:
      self->device_id = sila_column_dup (stmt, 0);
      return TRUE;
    case SILA_STEP_DONE:
      g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_NOT_DATABASE,
                   _("The database file “%s” is damaged or is not a Sila Desk database. "
                     "Nothing was changed. Restore it from a backup."),
                   self->path);
      return FALSE;
    case SILA_STEP_ERROR:
    default:
      return FALSE;
    }
}

const char *
sila_store_get_path (SilaStore *self)
{
  g_return_val_if_fail (SILA_IS_STORE (self), NULL);

  return self->path;
}

const char *
sila_store_get_device_id (SilaStore *self)
{
  g_return_val_if_fail (SILA_IS_STORE (self), NULL);

  return self->device_id;
}

/* TRUE if opening made a new, empty database. */
gboolean
sila_store_was_created (SilaStore *self)
{
  g_return_val_if_fail (SILA_IS_STORE (self), FALSE);

  return self->created;
}

gboolean
sila_store_is_read_only (SilaStore *self)
{
  g_return_val_if_fail (SILA_IS_STORE (self), TRUE);

  return self->read_only;
}

int
sila_store_get_schema_version (SilaStore *self)
{
  gint64 version = -1;

  g_return_val_if_fail (SILA_IS_STORE (self), -1);

  if (!self->db->driver->get_schema_version (self->db, &version))
    return -1;

  return (int)version;
}

/* TRUE when another connection (another window, desk or the command line)
 * has committed a change since the last call: views should reload. */
gboolean
sila_store_poll_external_change (SilaStore *self)
{
  gint64 version = 0;
  gboolean changed;

  g_return_val_if_fail (SILA_IS_STORE (self), FALSE);

  if (!self->db->driver->data_version (self->db, &version))
    return FALSE;

  changed = self->data_version >= 0 && version != self->data_version;
  self->data_version = version;

  return changed;
}

int
sila_store_get_change_fd (SilaStore *self)
{
  g_return_val_if_fail (SILA_IS_STORE (self), -1);

  return self->db->driver->change_fd (self->db);
}

/* Opening: a PostgreSQL server or an SQLite file */

/* The keywords a libpq connection string may begin with. A file path is
 * never taken for one: it would need "host=" or the like at its start,
 * which a path written as "./host=x.db" avoids. */
static const char *const conninfo_keywords[] = {
  "host", "hostaddr", "port", "dbname", "user", "password", "passfile", "service",
  "connect_timeout", "options", "application_name", "sslmode", "sslrootcert", "sslcert",
  "sslkey", "target_session_attrs", "channel_binding", "gssencmode", "require_auth",
  "client_encoding", "keepalives", "sslcompression", "krbsrvname", "requirepeer",
};

gboolean
sila_store_location_is_server (const char *location)
{
  const char *p = location;

  g_return_val_if_fail (location != NULL, FALSE);

  if (g_str_has_prefix (location, "postgresql://") || g_str_has_prefix (location, "postgres://"))
    return TRUE;

  /* A keyword string: "service=office", "host=… dbname=…". */
  while (g_ascii_isspace (*p))
    p++;
  for (guint i = 0; i < G_N_ELEMENTS (conninfo_keywords); i++)
    {
      gsize len = strlen (conninfo_keywords[i]);
      const char *after = p + len;

      if (strncmp (p, conninfo_keywords[i], len) != 0)
        continue;
      while (*after == ' ' || *after == '\t')
        after++;
      if (*after == '=')
        return TRUE;
    }
  return FALSE;
}

static SilaStore *
open_at (const char          *location,
         SilaStoreOpenFlags   flags,
         int                  target_version,
         GError             **error)
{
  g_return_val_if_fail (location != NULL, NULL);

  if (sila_store_location_is_server (location))
    return sila_pg_store_open (location, flags, target_version, error);
  return sila_sqlite_store_open (location, flags, target_version, error);
}

SilaStore *
sila_store_open_server (const char          *conninfo,
                        const char          *password,
                        SilaStoreOpenFlags   flags,
                        GError             **error)
{
  g_return_val_if_fail (conninfo != NULL, NULL);

  return sila_pg_store_open_with_password (conninfo, password, flags,
                                           sila_store_get_latest_version (), error);
}

/* Opens (or creates) the database at @location, an SQLite file or a
 * PostgreSQL server's database (a URI or a keyword string), and brings its
 * schema up to date. A damaged file, a database of another program or of a
 * newer version of the app is refused with a clear message and left
 * untouched. */
SilaStore *
sila_store_open (const char          *location,
                 SilaStoreOpenFlags   flags,
                 GError             **error)
{
  int target = (flags & SILA_STORE_OPEN_NO_MIGRATE) ? 0 : sila_store_get_latest_version ();

  return open_at (location, flags & ~SILA_STORE_OPEN_NO_MIGRATE, target, error);
}

/* Where a database is, enough to open it again from any thread: the file,
 * or the server with the options (the password too) the first connection
 * was made with. */
struct _SilaStoreAddress
{
  char     *path;      /* the file; on a server, its address as shown */
  gboolean  read_only;
  int       version;   /* a file's data format when it was opened */
  GStrv     keywords;  /* on a server */
  GStrv     values;
  char     *device_id;
};

void
sila_store_address_free (SilaStoreAddress *address)
{
  if (address == NULL)
    return;
  g_free (address->path);
  g_strfreev (address->keywords);
  g_strfreev (address->values);
  g_free (address->device_id);
  g_free (address);
}

/* NULL for a database in memory, which has no second connection. */
SilaStoreAddress *
sila_store_dup_address (SilaStore *self)
{
  g_autoptr(SilaStoreAddress) address = NULL;

  g_return_val_if_fail (SILA_IS_STORE (self), NULL);

  if (self->path == NULL || g_strcmp0 (self->path, ":memory:") == 0)
    return NULL;

  address = g_new0 (SilaStoreAddress, 1);
  address->path = g_strdup (self->path);
  address->read_only = self->read_only;
  address->version = sila_store_get_schema_version (self);
  address->device_id = g_strdup (self->device_id);
  if (sila_store_is_on_server (self) &&
      !sila_pg_store_dup_options (self, &address->keywords, &address->values))
    return NULL;
  return g_steal_pointer (&address);
}

/* Another connection to the database at @address; with @read_only, one
 * that reads only (a file opened for reading and writing is opened so
 * again: SQLite's read-only connections leave files behind). */
SilaStore *
sila_store_open_address (const SilaStoreAddress  *address,
                         gboolean                 read_only,
                         GError                 **error)
{
  if (address == NULL)
    {
      g_set_error_literal (error, SILA_STORE_ERROR, SILA_STORE_ERROR_CANNOT_OPEN,
                           _("A database in memory has no second connection."));
      return NULL;
    }

  if (address->keywords != NULL)
    return sila_pg_store_open_again (address->path, (const char * const *)address->keywords,
                                     (const char * const *)address->values,
                                     address->device_id, read_only || address->read_only,
                                     error);
  return sila_sqlite_store_open (address->path,
                                 address->read_only ? SILA_STORE_OPEN_READ_ONLY
                                                    : SILA_STORE_OPEN_MUST_EXIST,
                                 address->version, error);
}

/* A second connection to @self's database (the same file, or the same
 * server with the same password), for reading in another thread; a
 * database in memory has none. */
SilaStore *
sila_store_open_another (SilaStore  *self,
                         GError    **error)
{
  g_autoptr(SilaStoreAddress) address = sila_store_dup_address (self);

  return sila_store_open_address (address, TRUE, error);
}

gboolean
sila_store_upgrade (SilaStore  *self,
                    GError    **error)
{
  g_return_val_if_fail (SILA_IS_STORE (self), FALSE);

  if (sila_store_get_schema_version (self) >= sila_store_get_latest_version ())
    return TRUE;
  if (self->read_only)
    {
      g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_READ_ONLY,
                   _("“%s” is read-only and was made by an older version of Sila Desk, "
                     "so it cannot be brought up to date. Nothing was changed."),
                   self->path);
      return FALSE;
    }
  return sila_store_migrate (self, sila_store_get_latest_version (), error);
}

/* Opens an existing database as it is, without bringing it up to date:
 * restore looks at the database it is about to set aside, and `db upgrade`
 * tells which version it found. */
SilaStore *
sila_store_open_unmigrated (const char  *location,
                            GError     **error)
{
  return open_at (location, SILA_STORE_OPEN_MUST_EXIST, 0, error);
}

SilaStore *
sila_store_open_at_version (const char  *location,
                            int          version,
                            GError     **error)
{
  return open_at (location, SILA_STORE_OPEN_DEFAULT, version, error);
}
