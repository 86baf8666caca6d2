/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "sila-actor.h"
#include "sila-policy.h"
#include "sila-types.h"

G_BEGIN_DECLS

#define SILA_STORE_ERROR (sila_store_error_quark ())

/* What went wrong, in terms a caller can act on. Every error carries a
 * message in the UI language, fit to be shown to the user as it is. */
typedef enum {
  SILA_STORE_ERROR_FAILED,
  SILA_STORE_ERROR_CANNOT_OPEN,  /* no such file, no permission */
  SILA_STORE_ERROR_NOT_DATABASE, /* damaged, or not a Sila Desk database */
  SILA_STORE_ERROR_TOO_NEW,      /* made by a newer version of the app */
  SILA_STORE_ERROR_READ_ONLY,
  SILA_STORE_ERROR_DISK_FULL,
  SILA_STORE_ERROR_BUSY,         /* another desk holds the write lock */
  SILA_STORE_ERROR_NOT_FOUND,
  SILA_STORE_ERROR_DENIED,       /* the acting staff member's roles forbid it */
  SILA_STORE_ERROR_INVALID,      /* the core refused the values */
  SILA_STORE_ERROR_CONFLICT,     /* someone else changed it in the meantime */
  SILA_STORE_ERROR_DUPLICATE,
  SILA_STORE_ERROR_BAD_LOGIN,        /* wrong user name or password */
  SILA_STORE_ERROR_LOCKED,           /* too many wrong passwords: wait */
  SILA_STORE_ERROR_PASSWORD_EXPIRED, /* reset by an administrator: choose a new one */
  SILA_STORE_ERROR_SERVER_LOGIN,     /* the office server asks for a password, or
                                      * refused the one given */
} SilaStoreError;

typedef enum {
  SILA_STORE_OPEN_DEFAULT    = 0,
  SILA_STORE_OPEN_MUST_EXIST = 1 << 0, /* do not create a new database */
  SILA_STORE_OPEN_READ_ONLY  = 1 << 1, /* look, never write (implies MUST_EXIST) */
  SILA_STORE_OPEN_NO_MIGRATE = 1 << 2, /* leave an older data format as it is */
  /* Open a server database whose tables or columns are not this version's
   * (refused otherwise), for `sila check` to say how they differ. */
  SILA_STORE_OPEN_UNCHECKED_SCHEMA = 1 << 3,
} SilaStoreOpenFlags;

#define SILA_TYPE_STORE (sila_store_get_type ())
G_DECLARE_FINAL_TYPE (SilaStore, sila_store, SILA, STORE, GObject)

typedef struct _SilaStoreAddress SilaStoreAddress;

GQuark      sila_store_error_quark            (void);

SilaStore  *sila_store_open                   (const char          *path,
                                               SilaStoreOpenFlags   flags,
                                               GError             **error);
/* TRUE if @location names a PostgreSQL database (a postgresql:// URI or a
 * libpq keyword string such as "service=office") rather than a file. */
gboolean    sila_store_location_is_server     (const char          *location);
/* Opens a server's database as sila_store_open() does, with @password (the
 * one typed in the window or kept in the keyring) given apart from the
 * address, which keeps none; NULL leaves libpq to ~/.pgpass. */
SilaStore  *sila_store_open_server            (const char          *conninfo,
                                               const char          *password,
                                               SilaStoreOpenFlags   flags,
                                               GError             **error);
/* A second connection to @self's database, for reading in another thread
 * (the same password on a server); NULL with @error for one in memory. */
SilaStore  *sila_store_open_another           (SilaStore           *self,
                                               GError             **error);
/* Where @self's database is, to open it again in a worker thread (which
 * must not touch @self); NULL for a database in memory, which
 * sila_store_open_address() refuses with a message. */
SilaStoreAddress *sila_store_dup_address      (SilaStore              *self);
SilaStore  *sila_store_open_address           (const SilaStoreAddress *address,
                                               gboolean                read_only,
                                               GError                **error);
void        sila_store_address_free           (SilaStoreAddress       *address);
/* The file, or the server's address without any password. */
/* After a database file opened read-only was let go: SQLite leaves the
 * -wal and -shm files such a connection made; this removes them when they
 * are empty and no one else has the database open, so that the folder is
 * as it was. Nothing for a server. */
void        sila_store_tidy_after_read_only   (const char          *path);
const char *sila_store_get_path               (SilaStore           *self);
/* Runs the migrations a database opened with SILA_STORE_OPEN_NO_MIGRATE
 * still needs ("db upgrade"). */
gboolean    sila_store_upgrade                (SilaStore           *self,
                                               GError             **error);
const char *sila_store_get_device_id          (SilaStore           *self);
gboolean    sila_store_is_read_only           (SilaStore           *self);
gboolean    sila_store_was_created            (SilaStore           *self);
int         sila_store_get_schema_version     (SilaStore           *self);
int         sila_store_get_latest_version     (void);
gboolean    sila_store_check_schema           (SilaStore           *self,
                                               GError             **error);
gboolean    sila_store_check_integrity        (SilaStore           *self,
                                               GError             **error);
gboolean    sila_store_poll_external_change   (SilaStore           *self);
/* Readable when another desk may have committed (a server's connection);
 * -1 when only polling tells (a file). */
int         sila_store_get_change_fd          (SilaStore           *self);

gboolean    sila_store_require                (SilaStore           *self,
                                               const SilaActor     *actor,
                                               SilaPermission       permission,
                                               GError             **error);
gboolean    sila_store_count_staff            (SilaStore           *self,
                                               gint64              *count,
                                               GError             **error);

char       *sila_store_get_setting            (SilaStore           *self,
                                               const char          *key,
                                               const char          *fallback);
int         sila_store_get_setting_int        (SilaStore           *self,
                                               const char          *key,
                                               int                  fallback);
gboolean    sila_store_set_setting            (SilaStore           *self,
                                               const SilaActor     *actor,
                                               const char          *key,
                                               const char          *expected,
                                               const char          *value,
                                               GError             **error);

typedef struct {
  gint64  seq;
  char   *at;
  char   *actor_name;
  char   *action;
  char   *entity;
  char   *entity_id;
  char   *summary;
  char   *before_json;
  char   *after_json;
  char   *device_id;
} SilaAuditEntry;

/* What the audit viewer and `sila audit` filter on; NULL members match
 * everything. @since and @until are stored (UTC) timestamps, @until
 * exclusive; @text is looked for in the record's id, summary and values. */
typedef struct {
  const char *actor_name;
  const char *entity;
  const char *entity_id;
  const char *action;
  const char *since;
  const char *until;
  const char *text;
} SilaAuditFilter;

void        sila_audit_entry_free             (SilaAuditEntry      *entry);
GPtrArray  *sila_store_list_audit             (SilaStore           *self,
                                               const SilaActor     *actor,
                                               const char          *entity,
                                               const char          *entity_id,
                                               guint                limit,
                                               GError             **error);
GPtrArray  *sila_store_query_audit            (SilaStore             *self,
                                               const SilaActor       *actor,
                                               const SilaAuditFilter *filter,
                                               gint64                 before_seq,
                                               guint                  limit,
                                               GError               **error);
GStrv       sila_store_list_audit_values      (SilaStore           *self,
                                               const SilaActor     *actor,
                                               const char          *column,
                                               GError             **error);
gboolean    sila_store_record_access          (SilaStore           *self,
                                               const SilaActor     *actor,
                                               SilaPermission       permission,
                                               const char          *action,
                                               const char          *entity,
                                               const char          *entity_id,
                                               const char          *summary,
                                               GError             **error);
gboolean    sila_store_require_recordable     (SilaStore           *self,
                                               GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SilaAuditEntry, sila_audit_entry_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SilaStoreAddress, sila_store_address_free)

G_END_DECLS
