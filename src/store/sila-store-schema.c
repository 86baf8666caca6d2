/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The database schema, as a list of migrations: one function per step,
 * applied in order inside one transaction each, the version kept in
 * PRAGMA user_version. A step, once released, is never edited: a change is
 * a new step.
 *
 * Conventions every later step follows: a row that can travel between
 * machines has a random UUID primary key (id), created_at and updated_at
 * (UTC, "YYYY-MM-DDTHH:MM:SS.mmmZ"), the device that made it (device_id), a
 * revision (rev) for optimistic locking, and deleted_at for soft deletes.
 * Human numbers are separate UNIQUE columns. Money is INTEGER halalas.
 *
 * The list and the first steps are here; the later steps of surveys,
 * beneficiaries and requests are in sila-store-schema-*.c. */
#define G_LOG_DOMAIN "sila-store"

#include "sila-config.h"

#include <glib/gi18n-lib.h>

#include "sila-clock.h"
#include "sila-store-private.h"
#include "sila-store-report-private.h"
#include "sila-store-schema-private.h"

typedef gboolean (*SilaMigration) (SilaStore *self, GError **error);

/* The rows of step 1: the database's identity, and the policy's defaults
 * until an administrator changes them. */
static gboolean
seed_identity (SilaStore  *self,
               GError    **error)
{
  g_autoptr(SilaStatement) stmt = NULL;
  g_autofree char *device_id = g_uuid_string_random ();
  g_autofree char *now = sila_clock_timestamp ();

  stmt = sila_store_prepare (self,
                             "INSERT INTO meta (key, value) VALUES "
                             "('device_id', ?1), ('created_at', ?2), ('created_by', ?3)",
                             error);
  if (stmt == NULL)
    return FALSE;

  sila_bind_text (stmt, 1, device_id);
  sila_bind_text (stmt, 2, now);
  sila_bind_text (stmt, 3, "Sila Desk " PACKAGE_VERSION);
  if (sila_store_step (self, stmt, error) != SILA_STEP_DONE)
    return FALSE;
  g_clear_pointer (&stmt, sila_statement_release);

  stmt = sila_store_prepare (self,
                             "INSERT INTO office_settings (key, value, updated_at, device_id) "
                             "VALUES (?1, ?2, ?5, ?6), (?3, ?4, ?5, ?6)",
                             error);
  if (stmt == NULL)
    return FALSE;

  {
    g_autofree char *days = g_strdup_printf ("%d", SILA_ANSWER_WINDOW_DEFAULT);

    sila_bind_text (stmt, 1, SILA_SETTING_ASSOCIATION_NAME);
    sila_bind_text (stmt, 2, SILA_DEFAULT_ASSOCIATION_NAME);
    sila_bind_text (stmt, 3, SILA_SETTING_ANSWER_WINDOW);
    sila_bind_text (stmt, 4, days);
    sila_bind_text (stmt, 5, now);
    sila_bind_text (stmt, 6, device_id);
  }

  return sila_store_step (self, stmt, error) == SILA_STEP_DONE;
}

/* 1: the database's identity, office settings, counters, the audit trail. */
static gboolean
migrate_to_1 (SilaStore  *self,
              GError    **error)
{
  if (!sila_store_exec (self,
      "PRAGMA application_id = 1397312577;" /* SILA_STORE_APPLICATION_ID */
      "CREATE TABLE meta ("
      "  key   TEXT PRIMARY KEY,"
      "  value TEXT NOT NULL"
      ") WITHOUT ROWID;"
      "CREATE TABLE office_settings ("
      "  key        TEXT PRIMARY KEY,"
      "  value      TEXT NOT NULL,"
      "  updated_at TEXT NOT NULL,"
      "  updated_by TEXT,"
      "  device_id  TEXT NOT NULL"
      ") WITHOUT ROWID;"
      "CREATE TABLE counters ("
      "  name TEXT PRIMARY KEY,"
      "  next INTEGER NOT NULL"
      ") WITHOUT ROWID;"
      "CREATE TABLE audit_log ("
      "  seq         INTEGER PRIMARY KEY AUTOINCREMENT,"
      "  id          TEXT NOT NULL UNIQUE,"
      "  at          TEXT NOT NULL,"
      "  actor_id    TEXT,"
      "  actor_name  TEXT NOT NULL,"
      "  device_id   TEXT NOT NULL,"
      "  action      TEXT NOT NULL,"
      "  entity      TEXT NOT NULL,"
      "  entity_id   TEXT,"
      "  summary     TEXT,"
      "  before_json TEXT,"
      "  after_json  TEXT"
      ");"
      "CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);"
      "CREATE INDEX audit_log_at ON audit_log (at);"
      /* Append-only, whatever the caller. */
      "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
      "BEGIN SELECT RAISE (ABORT, 'the audit trail is append-only'); END;"
      "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
      "BEGIN SELECT RAISE (ABORT, 'the audit trail is append-only'); END;",
      error))
    return FALSE;

  return seed_identity (self, error);
}

/* 2: staff accounts. Until the first exists, the database acts as its owner. */
static gboolean
migrate_to_2 (SilaStore  *self,
              GError    **error)
{
  return sila_store_exec (self,
      "CREATE TABLE staff ("
      "  id            TEXT PRIMARY KEY,"
      "  username      TEXT NOT NULL UNIQUE COLLATE NOCASE,"
      "  display_name  TEXT NOT NULL,"
      "  roles         INTEGER NOT NULL CHECK (roles > 0),"
      "  password_hash TEXT,"
      "  active        INTEGER NOT NULL DEFAULT 1,"
      "  created_at    TEXT NOT NULL,"
      "  updated_at    TEXT NOT NULL,"
      "  device_id     TEXT NOT NULL,"
      "  rev           INTEGER NOT NULL DEFAULT 1,"
      "  deleted_at    TEXT"
      ");",
      error);
}

/* The library: the association's own documents, kept in the database so
 * that a backup carries them. */
static gboolean
add_library_documents (SilaStore  *self,
                       GError    **error)
{
  return sila_store_exec (self,
      "CREATE TABLE library_documents ("
      "  code       TEXT PRIMARY KEY,"
      "  filename   TEXT NOT NULL,"
      "  mime_type  TEXT NOT NULL,"
      "  size       INTEGER NOT NULL,"
      "  sha256     TEXT NOT NULL,"
      "  content    BLOB NOT NULL,"
      "  updated_at TEXT NOT NULL,"
      "  updated_by TEXT NOT NULL,"
      "  device_id  TEXT NOT NULL"
      ") WITHOUT ROWID;",
      error);
}

/* 3: signing in. Lockout after repeated wrong passwords, the last sign-in,
 * a password an administrator reset and its owner must replace; the audit
 * trail's filters (who, what) get indexes. */
static gboolean
migrate_to_3 (SilaStore  *self,
              GError    **error)
{
  return sila_store_exec (self,
      "ALTER TABLE staff ADD COLUMN failed_logins INTEGER NOT NULL DEFAULT 0;"
      "ALTER TABLE staff ADD COLUMN locked_until TEXT;"
      "ALTER TABLE staff ADD COLUMN last_login_at TEXT;"
      "ALTER TABLE staff ADD COLUMN password_changed_at TEXT;"
      "ALTER TABLE staff ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;"
      "CREATE INDEX audit_log_actor ON audit_log (actor_name, seq);"
      "CREATE INDEX audit_log_action ON audit_log (action, seq);",
      error);
}

/* The list of migrations. Steps 1 to 13 write SQLite's DDL; PostgreSQL
 * starts from src/store/postgres/sila-pg-schema.sql, which stands for
 * version 13 (sila_pg_schema_base_version()). Every step added after 13
 * is written once, in portable SQL (docs/store.md, "Portable SQL"), and
 * runs on both engines: no DDL only SQLite knows (no WITHOUT ROWID,
 * AUTOINCREMENT, COLLATE NOCASE or SQLite triggers; a trigger needs a text
 * of the dialect seam, sila-db.h), and no rebuilding a table by copy where
 * ALTER TABLE would do. The test pg-schema fails until it learns the new
 * version. */
static const SilaMigration migrations[] = {
  migrate_to_1,
  migrate_to_2,
  migrate_to_3,
  add_library_documents,
  sila_store_migrate_surveys_and_feedback,
  sila_store_migrate_beneficiary_files,
  sila_store_migrate_support_requests,
  sila_store_migrate_contacts_log,
  sila_store_migrate_retention,
  sila_store_migrate_reports,      /* sila-store-report.c */
  sila_store_migrate_new_files_index,
  /* The outreach step rebuilds the contacts table, so it runs before the
   * audit chain's triggers, which name that table. */
  sila_store_migrate_outreach,     /* sila-store-schema-outreach.c */
  sila_store_migrate_audit_chain,  /* sila-store-audit-chain.c */
  sila_store_migrate_field_work,   /* sila-store-schema-field.c */
};

/* The rows a database starts with, in the order the migrations write
 * them; for an engine whose schema is created at once (PostgreSQL's db
 * init, after sila_pg_schema_sql()). */
gboolean
sila_store_seed_database (SilaStore  *self,
                          GError    **error)
{
  return seed_identity (self, error) &&
         sila_store_seed_survey_template (self, error) &&
         sila_store_seed_segments (self, error) &&
         sila_store_seed_request_types (self, error);
}

int
sila_store_get_latest_version (void)
{
  return G_N_ELEMENTS (migrations);
}

gboolean
sila_store_migrate (SilaStore  *self,
                    int         target_version,
                    GError    **error)
{
  g_return_val_if_fail (target_version <= (int)G_N_ELEMENTS (migrations), FALSE);

  for (;;)
    {
      g_autoptr(SilaTransaction) tx = NULL;
      int version;

      tx = sila_transaction_begin (self, error);
      if (tx == NULL)
        return FALSE;

      /* Read inside the write lock: another desk may have migrated the file
       * while this one waited. */
      version = sila_store_get_schema_version (self);
      if (version < 0)
        {
          sila_store_set_db_error (self, error);
          return FALSE;
        }
      if (version >= target_version)
        return sila_transaction_commit (tx, error);

      if (!migrations[version] (self, error))
        {
          g_prefix_error (error, _("The database could not be brought up to date: "));
          return FALSE;
        }

      if (!self->db->driver->set_schema_version (self->db, version + 1))
        {
          sila_store_set_db_error (self, error);
          return FALSE;
        }
      if (!sila_transaction_commit (tx, error))
        return FALSE;

      g_debug ("Database migrated to version %d", version + 1);
    }
}
