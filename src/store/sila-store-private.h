/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the files of src/store share, and only they: the connection
 * (through the driver seam of sila-db.h), cached statements, transactions
 * and the audit trail. */
#pragma once

#include "sila-audit-chain.h"
#include "sila-db.h"
#include "sila-store.h"

G_BEGIN_DECLS

/* The store's own fields. Only sila-store.c, -statements.c,
 * -transactions.c, -drafts.c (local_drafts) and the engine's opening
 * (sqlite/) touch them; the other
 * files of src/store go through the functions below. */
struct _SilaStore
{
  GObject     parent_instance;

  SilaDb     *db;
  char       *path;
  char       *device_id;
  GHashTable *statements;   /* SQL text → SilaStatement */
  gint64      data_version;
  guint       tx_depth;
  gboolean    read_only;
  gboolean    created;      /* this call made the file */
  /* On a server: this desk's drafts file (sila-store-drafts.c), opened
   * at the first use of a draft; NULL otherwise. */
  SilaStore  *local_drafts;
};

/* The connection's engine's text for SQL that differs between engines. */
static inline const char *
sila_store_sql (SilaStore *self,
                SilaDbSql  which)
{
  return sila_db_sql (self->db, which);
}


/* A cached prepared statement (sila-db.h), borrowed from the store.
 * g_autoptr() resets it and clears its bindings when it goes out of scope,
 * so that no read stays open by accident. */
void sila_statement_release (SilaStatement *stmt);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SilaStatement, sila_statement_release)

/* A write transaction; freeing one that was not committed rolls it back.
 * Nested ones become savepoints. */
typedef struct _SilaTransaction SilaTransaction;
SilaTransaction *sila_transaction_begin  (SilaStore        *self,
                                          GError          **error);
gboolean         sila_transaction_commit (SilaTransaction  *tx,
                                          GError          **error);
void             sila_transaction_free   (SilaTransaction  *tx);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SilaTransaction, sila_transaction_free)
/* Around one transaction that writes many rows, outside any transaction:
 * @starting TRUE before it, FALSE after it. Only a matter of speed, so a
 * failure is ignored. */
void             sila_store_bulk_write   (SilaStore        *self,
                                          gboolean          starting);

/* How long a write waits for another connection's lock before it is
 * reported busy. */
void           sila_store_set_busy_timeout (SilaStore *self,
                                            int        milliseconds);
SilaStatement *sila_store_prepare      (SilaStore     *self,
                                        const char    *sql,
                                        GError       **error);
SilaStep       sila_store_step         (SilaStore     *self,
                                        SilaStatement *stmt,
                                        GError       **error);
/* Steps a statement that gives at most one row: its first column in @text
 * (NULL when there is no row, or the column is NULL); FALSE on failure. */
gboolean       sila_store_step_text    (SilaStore     *self,
                                        SilaStatement *stmt,
                                        char         **text,
                                        GError       **error);
gboolean       sila_store_exec         (SilaStore     *self,
                                        const char    *sql,
                                        GError       **error);
/* An error the user can read for a failure of kind @failure; the
 * engine's own text, if any, is taken from the store's connection. */
void           sila_store_set_error    (SilaStore     *self,
                                        GError       **error,
                                        SilaDbFailure  failure);
/* The same after a failed call on the store's connection. */
void           sila_store_set_db_error (SilaStore     *self,
                                        GError       **error);
/* Rows changed by the last INSERT, UPDATE or DELETE. */
gint64         sila_store_changes      (SilaStore     *self);
/* "('a', 'b')": an SQL list of the core's codes (lower-case letters and
 * underscores only), for a query built from the core's list. */
char          *sila_sql_code_list      (const char * const *codes);

gboolean       sila_store_next_number  (SilaStore     *self,
                                        const char    *counter,
                                        gint64        *number,
                                        GError       **error);
gboolean       sila_store_audit        (SilaStore       *self,
                                        const SilaActor *actor,
                                        const char      *action,
                                        const char      *entity,
                                        const char      *entity_id,
                                        const char      *summary,
                                        const char      *before_json,
                                        const char      *after_json,
                                        GError         **error);
/* A field laptop's entry copied in as a new one (sila-store-audit.c). */
gboolean       sila_store_audit_copy   (SilaStore       *self,
                                        const char      *at,
                                        const char      *actor_id,
                                        const char      *actor_name,
                                        const char      *device_id,
                                        const char      *action,
                                        const char      *entity,
                                        const char      *entity_id,
                                        const char      *summary,
                                        const char      *before_json,
                                        const char      *after_json,
                                        GError         **error);

/* The link of a new audit entry (sila-store-audit-chain.c); @fields'
 * body_hash is filled in from the texts. */
gboolean       sila_store_audit_is_chained (SilaStore        *self);
gboolean       sila_store_audit_link   (SilaStore            *self,
                                        SilaAuditLinkFields  *fields,
                                        const char           *summary,
                                        const char           *before_json,
                                        const char           *after_json,
                                        char                **body_hash,
                                        char                **chain_hash,
                                        GError              **error);

gboolean       sila_store_resolve_roles (SilaStore       *self,
                                         const SilaActor *actor,
                                         gboolean         allow_must_change,
                                         SilaRole        *roles,
                                         GError         **error);

/* Migrations, in sila-store-schema.c. */
gboolean       sila_store_migrate      (SilaStore     *self,
                                        int            target_version,
                                        GError       **error);

/* Opening, per engine (sqlite/sila-sqlite-store.c, postgres/sila-pg-store.c);
 * sila_store_open() in sila-store.c chooses. */
SilaStore     *sila_sqlite_store_open  (const char          *path,
                                        SilaStoreOpenFlags   flags,
                                        int                  target_version,
                                        GError             **error);
SilaStore     *sila_pg_store_open      (const char          *conninfo,
                                        SilaStoreOpenFlags   flags,
                                        int                  target_version,
                                        GError             **error);
SilaStore     *sila_pg_store_open_with_password (const char          *conninfo,
                                                 const char          *password,
                                                 SilaStoreOpenFlags   flags,
                                                 int                  target_version,
                                                 GError             **error);
gboolean       sila_pg_store_dup_options (SilaStore *self,
                                          GStrv     *keywords,
                                          GStrv     *values);
SilaStore     *sila_pg_store_open_again (const char          *shown,
                                         const char * const  *keywords,
                                         const char * const  *values,
                                         const char          *device_id,
                                         gboolean             read_only,
                                         GError             **error);
/* A bare store on a small SQLite file of this desk at @path, made (0600)
 * if missing: no identity, schema or migrations, the caller makes its
 * tables (sqlite/sila-sqlite-local.c). */
SilaStore     *sila_sqlite_store_open_local (const char     *path,
                                             GError        **error);
/* TRUE for a store on a PostgreSQL server rather than an SQLite file. */
gboolean       sila_store_is_on_server (SilaStore           *self);
void           sila_pg_store_set_lock_timeout (SilaStore    *self,
                                               int           milliseconds);
/* How the server database @store is on differs from the schema this
 * version of Sila Desk makes (sila-pg-schema-check.c): one phrase each, in
 * the UI language. Not @thorough: tables and columns by name only, as
 * opening does; thorough (`sila check`): their types too, the indexes,
 * the unique keys, the triggers and their functions, the audit trail's
 * rights. NULL, with @error, if the catalog cannot be read. */
GPtrArray     *sila_pg_schema_differences (SilaStore            *store,
                                         gboolean              thorough,
                                         GError              **error);
/* FALSE, with the differences in @error, unless there are none. */
gboolean       sila_pg_store_check_schema (SilaStore            *store,
                                         gboolean              thorough,
                                         GError              **error);

SilaStore     *sila_store_open_unmigrated (const char  *path,
                                           GError     **error);
/* The audit head and the time a backup file records (the engine's backup
 * files, sqlite/sila-sqlite-backup-files.c); FALSE if it cannot be read. */
gboolean       sila_store_read_backup_head (const char  *path,
                                            char       **head,
                                            char       **made_at);
/* Reads the device id from the meta table, once the schema is known. */
gboolean       sila_store_load_device_id (SilaStore   *self,
                                          GError     **error);

/* For tests only: make every later write fail as on a full disk once the
 * file holds @pages pages. */
void           sila_store_set_max_pages_for_testing (SilaStore *self,
                                                     gint64     pages);
/* For tests only: commit without waiting for the disk (PRAGMA synchronous
 * = OFF on this connection), for tests of rules rather than durability,
 * which take many small transactions. */
void           sila_store_set_unsynced_for_testing (SilaStore *self);
/* libsodium, started once (in sila-store-passwords.c); FALSE, with an
 * error, if it cannot start. */
gboolean       sila_store_ensure_sodium (GError **error);

/* For tests only: hash new passwords with libsodium's minimum cost, so that
 * a test can make many accounts. Never called by the app. */
void           sila_store_set_cheap_hashes_for_testing (gboolean cheap);

/* Opening flags only the store's own files use. */
enum {
  /* The file was just made, empty, by the store itself. */
  SILA_STORE_OPEN_FRESH_FILE = 1 << 8,
};

/* A database in memory, migrated to @version: the schema files are
 * compared with (sila-sqlite-schema-check.c). */
SilaStore     *sila_store_open_in_memory (int          version,
                                          GError     **error);

/* For tests: open a database and migrate it only as far as @version. */
SilaStore     *sila_store_open_at_version (const char  *path,
                                           int          version,
                                           GError     **error);

G_END_DECLS
