/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What every backup leaves in the database it copied, whichever engine
 * made the copy (sqlite/sila-sqlite-backup.c, postgres/sila-pg-backup.c):
 * when and where the last one went, and its audit entry. */
#define G_LOG_DOMAIN "sila-store"

#include "sila-config.h"

#include "sila-audit.h"
#include "sila-store-backup.h"
#include "sila-store-private.h"

/* Nothing on a read-only database: the backup exists even if the database
 * cannot record it. */
gboolean
sila_store_record_backup (SilaStore       *self,
                          const SilaActor *actor,
                          SilaBackupKind   kind,
                          const char      *made_at,
                          const char      *dest,
                          const char      *after_json,
                          GError         **error)
{
  g_autoptr(SilaTransaction) tx = NULL;
  g_autoptr(SilaStatement) stmt = NULL;

  if (sila_store_is_read_only (self))
    return TRUE;

  tx = sila_transaction_begin (self, error);
  if (tx == NULL)
    return FALSE;
  stmt = sila_store_prepare (self,
                             "INSERT INTO meta (key, value) VALUES ('last_backup_at', ?1), "
                             "('last_backup_file', ?2) "
                             "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                             error);
  if (stmt == NULL)
    return FALSE;
  sila_bind_text (stmt, 1, made_at);
  sila_bind_text (stmt, 2, dest);
  return sila_store_step (self, stmt, error) == SILA_STEP_DONE &&
         sila_store_audit (self, actor, SILA_AUDIT_BACKUP, SILA_AUDIT_ENTITY_DATABASE,
                           sila_store_get_device_id (self),
                           kind == SILA_BACKUP_AUTOMATIC ? SILA_AUDIT_AUTOMATIC
                                                         : SILA_AUDIT_MANUAL,
                           NULL, after_json, error) &&
         sila_transaction_commit (tx, error);
}
