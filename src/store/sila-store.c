/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The store object, whatever the engine underneath: what it reports about
 * itself and noticing changes made by other connections. Opening a
 * database is the engine's (sqlite/sila-sqlite-store.c); statements are in
 * sila-store-statements.c, transactions in sila-store-transactions.c,
 * permissions in sila-store-permissions.c. */
#define G_LOG_DOMAIN "sila-store"

#include "sila-config.h"

#include <glib/gi18n-lib.h>

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
