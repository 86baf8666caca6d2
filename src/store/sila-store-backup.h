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

/* A server's database (PostgreSQL), with the server's own tools
 * (src/store/postgres/sila-pg-backup.c). @conninfo is the location as given
 * (a URI or a keyword string); a password in it reaches the tools through
 * their environment, never their command line, and is never shown.
 *
 * A backup is `pg_dump -Fc`, named sila-DEVICE-YYYYMMDD-HHMMSS.dump in a
 * folder, 0600, read back whole before it is kept. */
char           *sila_store_server_backup       (SilaStore            *self,
                                                const char           *conninfo,
                                                const SilaActor      *actor,
                                                SilaBackupKind        kind,
                                                const char           *target,
                                                GError              **error);
/* The same with the dump in a thread (the window's daily backup);
 * sila_store_backup_async() and _finish() come here for a server's store. */
void            sila_store_server_backup_async (SilaStore            *self,
                                                const char           *conninfo,
                                                const SilaActor      *actor,
                                                SilaBackupKind        kind,
                                                const char           *target,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
char           *sila_store_server_backup_finish (SilaStore           *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);
/* Whether @self is a server's database (PostgreSQL), not a file. */
gboolean        sila_store_is_on_server        (SilaStore            *self);
/* Records a backup made at @made_at into @dest: the last backup's time and
 * file, and the audit entry (nothing on a read-only database). */
gboolean        sila_store_record_backup       (SilaStore            *self,
                                                const SilaActor      *actor,
                                                SilaBackupKind        kind,
                                                const char           *made_at,
                                                const char           *dest,
                                                const char           *after_json,
                                                GError              **error);
/* What a server backup holds, after reading all of it: refused when it is
 * damaged, cut short, not a Sila Desk database's dump, or made by a newer
 * version. */
SilaBackupInfo *sila_server_backup_inspect     (const char           *path,
                                                GError              **error);
/* `pg_restore` of @backup into the database @conninfo names, which must be
 * empty: in one transaction, so that a failure leaves it empty. */
SilaBackupInfo *sila_server_restore_dump       (const char           *conninfo,
                                                const char           *backup,
                                                GError              **error);
/* The restore's entry in the restored database's audit trail. */
gboolean        sila_store_record_restore      (SilaStore            *self,
                                                const SilaActor      *actor,
                                                const char           *backup,
                                                GError              **error);
/* amcheck over the database's tables and indexes; says plainly when the
 * extension cannot be enabled or used with the rights the connection has. */
gboolean        sila_server_check              (const char           *conninfo,
                                                GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SilaBackupInfo, sila_backup_info_free)

G_END_DECLS
