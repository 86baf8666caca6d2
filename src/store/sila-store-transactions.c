/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Write transactions (nested ones become savepoints), and the numbered
 * counters that are taken inside them. */
#define G_LOG_DOMAIN "sila-store"

#include "sila-config.h"

#include "sila-store-private.h"

struct _SilaTransaction
{
  SilaStore *store;
  guint      depth;
  gboolean   finished;
};

SilaTransaction *
sila_transaction_begin (SilaStore  *self,
                        GError    **error)
{
  SilaTransaction *tx;

  g_return_val_if_fail (SILA_IS_STORE (self), NULL);

  if (self->read_only)
    {
      sila_store_set_error (self, error, SILA_DB_READ_ONLY);
      return NULL;
    }

  /* The outer transaction takes the write lock now, so that a busy
   * database is reported before anything is done rather than at commit. */
  if (!self->db->driver->begin (self->db, self->tx_depth))
    {
      sila_store_set_db_error (self, error);
      return NULL;
    }

  tx = g_new0 (SilaTransaction, 1);
  tx->store = g_object_ref (self);
  tx->depth = self->tx_depth++;

  return tx;
}

gboolean
sila_transaction_commit (SilaTransaction  *tx,
                         GError          **error)
{
  SilaStore *self = tx->store;

  g_return_val_if_fail (!tx->finished, FALSE);
  g_return_val_if_fail (self->tx_depth == tx->depth + 1, FALSE);

  if (!self->db->driver->commit (self->db, tx->depth))
    {
      sila_store_set_db_error (self, error);
      return FALSE; /* sila_transaction_free() rolls back */
    }

  tx->finished = TRUE;
  self->tx_depth--;

  return TRUE;
}

void
sila_store_bulk_write (SilaStore *self,
                       gboolean   starting)
{
  g_return_if_fail (SILA_IS_STORE (self));

  /* Inside a caller's transaction the engine may refuse; the merge is
   * the same either way. */
  if (self->tx_depth == 0 && !self->read_only)
    self->db->driver->bulk_write (self->db, starting);
}

void
sila_transaction_free (SilaTransaction *tx)
{
  if (tx == NULL)
    return;

  if (!tx->finished)
    {
      SilaStore *self = tx->store;

      self->db->driver->rollback (self->db, tx->depth);
      self->tx_depth = tx->depth;
    }

  g_object_unref (tx->store);
  g_free (tx);
}

/* Human numbers (file and request numbers) come from named counters, taken
 * inside the caller's transaction so that a number is never given twice. */
gboolean
sila_store_next_number (SilaStore   *self,
                        const char  *counter,
                        gint64      *number,
                        GError     **error)
{
  g_autoptr(SilaStatement) stmt = NULL;

  g_return_val_if_fail (self->tx_depth > 0, FALSE);

  stmt = sila_store_prepare (self,
                             "INSERT INTO counters (name, next) VALUES (?1, 2) "
                             "ON CONFLICT (name) DO UPDATE SET next = counters.next + 1 "
                             "RETURNING next - 1",
                             error);
  if (stmt == NULL)
    return FALSE;

  sila_bind_text (stmt, 1, counter);
  if (sila_store_step (self, stmt, error) != SILA_STEP_ROW)
    return FALSE;

  *number = sila_column_int64 (stmt, 0);
  return TRUE;
}
