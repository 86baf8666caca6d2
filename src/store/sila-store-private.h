/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the files of src/store share, and only they: the SQLite handle,
 * cached statements, transactions and the audit trail. */
#pragma once

#include <sqlite3.h>

#include "sila-audit-chain.h"
#include "sila-store.h"

G_BEGIN_DECLS

/* The store's own fields. Only sila-store.c (opening), -statements.c and
 * -transactions.c touch them; the other files of src/store go through the
 * functions below. */
struct _SilaStore
{
  GObject     parent_instance;

  sqlite3    *db;
  char       *path;
  char       *device_id;
  GHashTable *statements;   /* SQL text → sqlite3_stmt */
  gint64      data_version;
  guint       tx_depth;
  gboolean    read_only;
  gboolean    created;      /* this call made the file */
};


/* The application_id of every Sila Desk database: "SILA". */
#define SILA_STORE_APPLICATION_ID 0x53494C41

typedef enum {
  SILA_STEP_ERROR = -1,
  SILA_STEP_DONE  = 0,
  SILA_STEP_ROW   = 1,
} SilaStep;

/* A cached prepared statement, borrowed from the store. g_autoptr() resets it
 * and clears its bindings when it goes out of scope, so that no read stays
 * open by accident. */
typedef sqlite3_stmt SilaStatement;
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

sqlite3       *sila_store_get_db       (SilaStore     *self);
void           sila_store_set_busy_timeout (SilaStore *self,
                                            int        milliseconds);
SilaStatement *sila_store_prepare      (SilaStore     *self,
                                        const char    *sql,
                                        GError       **error);
SilaStep       sila_store_step         (SilaStore     *self,
                                        SilaStatement *stmt,
                                        GError       **error);
gboolean       sila_store_exec         (SilaStore     *self,
                                        const char    *sql,
                                        GError       **error);
void           sila_store_set_error    (SilaStore     *self,
                                        GError       **error,
                                        int            rc);

void           sila_bind_text          (SilaStatement *stmt,
                                        int            index,
                                        const char    *text);
char          *sila_column_dup         (SilaStatement *stmt,
                                        int            column);
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

SilaStore     *sila_store_open_unmigrated (const char  *path,
                                           GError     **error);

/* For tests only: make every later write fail with SQLITE_FULL once the
 * file holds @pages pages, as a full disk would. */
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
 * compared with (sila-store-schema-check.c). */
SilaStore     *sila_store_open_in_memory (int          version,
                                          GError     **error);

/* Reading files that may be hostile (sila-store-schema-check.c): every
 * step has a time limit, and a schema must be exactly the one the store's
 * migrations make for its data format. */
#define SILA_DEADLINE_SCHEMA_SECONDS 10   /* reading the schema, a few rows */
#define SILA_DEADLINE_CHECK_SECONDS  600  /* an integrity check of a large file */

typedef struct {
  gint64 until;   /* monotonic time, in microseconds */
} SilaDeadline;

void           sila_deadline_begin     (sqlite3       *db,
                                        SilaDeadline  *deadline,
                                        int            seconds);
void           sila_deadline_end       (sqlite3       *db);
/* An error for SQLite result @rc met while reading the file @shown through
 * @db; SQLITE_INTERRUPT means a time limit was reached. */
void           sila_store_set_file_error (GError     **error,
                                          int          rc,
                                          sqlite3     *db,
                                          const char  *shown);
GPtrArray     *sila_store_schema_differences (sqlite3     *db,
                                              int          version,
                                              const char  *shown,
                                              GError     **error);
char          *sila_store_schema_describe    (GPtrArray   *differences);

/* For tests: open a database and migrate it only as far as @version. */
SilaStore     *sila_store_open_at_version (const char  *path,
                                           int          version,
                                           GError     **error);

G_END_DECLS
