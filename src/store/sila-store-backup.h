/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "sila-store.h"

G_BEGIN_DECLS

typedef enum {
  SILA_BACKUP_MANUAL,     /* someone asked for it: needs the backup permission */
  SILA_BACKUP_AUTOMATIC,  /* the daily one an administrator set up */
} SilaBackupKind;

/* What a backup file holds, read before anything is replaced. */
typedef struct {
  char *path;
  char *made_at;           /* when the backup was taken (UTC), or NULL */
  char *association_name;
  int   version;           /* data format */
  /* The audit trail's chain head the backup carries (meta key
   * "audit_head", "SEQ:hash", written by every backup), or NULL for a backup
   * made before the trail was chained; the restore's audit entry names it. */
  char *audit_chain_head;
} SilaBackupInfo;

void            sila_backup_info_free          (SilaBackupInfo       *info);

char           *sila_store_get_backup_folder   (SilaStore            *self);
char           *sila_store_get_default_backup_folder (void);
char           *sila_store_get_last_backup     (SilaStore            *self);
gboolean        sila_store_backup_is_due       (SilaStore            *self);

char           *sila_store_backup              (SilaStore            *self,
                                                const SilaActor      *actor,
                                                SilaBackupKind        kind,
                                                const char           *target,
                                                GCancellable         *cancellable,
                                                GError              **error);
void            sila_store_backup_async        (SilaStore            *self,
                                                const SilaActor      *actor,
                                                SilaBackupKind        kind,
                                                const char           *target,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
char           *sila_store_backup_finish       (SilaStore            *self,
                                                GAsyncResult         *result,
                                                GError              **error);

SilaBackupInfo *sila_backup_inspect            (const char           *path,
                                                GError              **error);
SilaBackupInfo *sila_store_restore             (const char           *database_path,
                                                const char           *backup_path,
                                                const SilaActor      *actor,
                                                char                **aside_path,
                                                GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SilaBackupInfo, sila_backup_info_free)

G_END_DECLS
