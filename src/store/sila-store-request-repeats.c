/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the repeat rule (sila_request_find_repeat, in the core) needs: a
 * person's requests of one type, each with its status and decision date. */
#define G_LOG_DOMAIN "sila-store"

#include "sila-config.h"

#include "sila-store-requests-private.h"

GPtrArray *
sila_store_list_request_briefs (SilaStore        *self,
                                const SilaActor  *actor,
                                const char       *beneficiary_id,
                                const char       *type,
                                GError          **error)
{
  g_autoptr(GPtrArray) briefs = g_ptr_array_new_with_free_func (
    (GDestroyNotify)sila_request_brief_free);
  SilaStatement *stmt;
  SilaStep step;

  g_return_val_if_fail (SILA_IS_STORE (self), NULL);
  g_return_val_if_fail (beneficiary_id != NULL && type != NULL, NULL);

  if (!sila_store_require (self, actor, SILA_PERM_REQUEST_VIEW, error))
    return NULL;

  stmt = sila_store_prepare (self,
                             "SELECT number, status, decided_on FROM requests "
                             "WHERE beneficiary_id = ?1 AND request_type = ?2 "
                             "AND deleted_at IS NULL ORDER BY seq DESC",
                             error);
  if (stmt == NULL)
    return NULL;
  sila_bind_text (stmt, 1, beneficiary_id);
  sila_bind_text (stmt, 2, type);
  while ((step = sila_store_step (self, stmt, error)) == SILA_STEP_ROW)
    {
      SilaRequestBrief *brief = g_new0 (SilaRequestBrief, 1);

      brief->number = sila_column_dup (stmt, 0);
      if (!sila_request_status_parse (sila_column_text (stmt, 1), &brief->status, NULL))
        brief->status = SILA_REQUEST_RECEIVED;
      sila_column_date (stmt, 2, &brief->decided_on);
      g_ptr_array_add (briefs, brief);
    }
  sila_statement_release (stmt);
  if (step == SILA_STEP_ERROR)
    return NULL;

  return g_steal_pointer (&briefs);
}
