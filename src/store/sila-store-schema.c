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
 * Human numbers are separate UNIQUE columns. Money is INTEGER halalas. */
#define G_LOG_DOMAIN "sila-store"

#include "sila-config.h"

#include <glib/gi18n-lib.h>

#include "sila-clock.h"
#include "sila-store-private.h"

typedef gboolean (*SilaMigration) (SilaStore *self, GError **error);

/* 1: the database's identity, office settings, counters, the audit trail. */
static gboolean
migrate_to_1 (SilaStore  *self,
              GError    **error)
{
  g_autoptr(SilaStatement) stmt = NULL;
  g_autofree char *device_id = g_uuid_string_random ();
  g_autofree char *now = sila_clock_timestamp ();

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

  /* The policy's defaults, until an administrator changes them. */
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

/* 3: beneficiary files (issue 3). The file, its household members and
 * incomes, the office's editable list of segments (شرائح), the search
 * index, and drafts of forms being typed.
 *
 * The search index (FTS5) holds folded tokens computed in C
 * (sila-arabic.h): names, the file number, ID number and phone keys. Its
 * rowid is the file number, which never changes (a table's own rowid may,
 * on VACUUM). Drafts keep a form's text exactly as typed, valid or not, so
 * that nothing is lost if the app is killed; a draft is deleted in the
 * transaction that saves its file. */
static gboolean
migrate_to_3 (SilaStore  *self,
              GError    **error)
{
  static const struct {
    const char *code;
    const char *name_ar;
    const char *name_en;
  } segments[] = {
    { "widow",           "أرملة",                "Widow" },
    { "divorced",        "مطلقة",                "Divorced woman" },
    { "orphans_family",  "أسرة أيتام",           "Orphans' family" },
    { "elderly",         "مسن",                  "Elderly" },
    { "disability",      "شخص ذو إعاقة",         "Person with a disability" },
    { "low_income",      "أسرة محدودة الدخل",    "Low-income family" },
    { "chronic_illness", "مريض بمرض مزمن",       "Chronic illness" },
    { "prisoner_family", "أسرة سجين",            "Prisoner's family" },
  };
  g_autofree char *now = sila_clock_timestamp ();
  g_autofree char *device_id = NULL;

  if (!sila_store_exec (self,
      "CREATE TABLE segments ("
      "  id         TEXT PRIMARY KEY,"
      "  code       TEXT NOT NULL UNIQUE,"
      "  name_ar    TEXT NOT NULL,"
      "  name_en    TEXT NOT NULL,"
      "  position   INTEGER NOT NULL,"
      "  retired_at TEXT,"
      "  created_at TEXT NOT NULL,"
      "  updated_at TEXT NOT NULL,"
      "  device_id  TEXT NOT NULL,"
      "  rev        INTEGER NOT NULL DEFAULT 1,"
      "  deleted_at TEXT"
      ");"
      "CREATE TABLE beneficiaries ("
      "  id                TEXT PRIMARY KEY,"
      "  file_number       INTEGER NOT NULL UNIQUE CHECK (file_number > 0),"
      "  id_type           TEXT NOT NULL CHECK (id_type IN ('none', 'national_id', 'iqama',"
      "                    'passport', 'border_number')),"
      "  id_number         TEXT,"
      "  id_none_reason    TEXT,"
      "  first_name        TEXT NOT NULL,"
      "  father_name       TEXT NOT NULL DEFAULT '',"
      "  grandfather_name  TEXT NOT NULL DEFAULT '',"
      "  family_name       TEXT NOT NULL DEFAULT '',"
      "  name_folded       TEXT NOT NULL,"  /* sila_arabic_normalize() of the full name */
      "  name_key          TEXT NOT NULL,"  /* sila_person_name_match_key() */
      "  gender            TEXT CHECK (gender IN ('male', 'female')),"
      "  birth_date        TEXT,"           /* Gregorian YYYY-MM-DD */
      "  birth_calendar    TEXT CHECK (birth_calendar IN ('gregorian', 'hijri')),"
      "  nationality       TEXT,"
      "  marital_status    TEXT,"
      "  mobile            TEXT,"           /* +9665XXXXXXXX */
      "  alt_phones        TEXT,"           /* the same form, separated by spaces */
      "  district          TEXT,"
      "  address           TEXT,"
      "  preferred_channel TEXT,"
      "  segment           TEXT REFERENCES segments (code),"
      "  housing_type      TEXT,"
      "  rent_halalas      INTEGER CHECK (rent_halalas IS NULL OR rent_halalas >= 0),"
      "  health_notes      TEXT,"
      "  notes             TEXT,"
      "  consent           TEXT NOT NULL CHECK (consent IN ('given', 'pending')),"
      "  consent_at        TEXT,"
      "  consent_by        TEXT,"
      "  status            TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'closed')),"
      "  closed_at         TEXT,"
      "  created_at        TEXT NOT NULL,"
      "  updated_at        TEXT NOT NULL,"
      "  created_by        TEXT NOT NULL,"
      "  updated_by        TEXT NOT NULL,"
      "  device_id         TEXT NOT NULL,"
      "  rev               INTEGER NOT NULL DEFAULT 1,"
      "  deleted_at        TEXT,"
      "  CHECK ((id_type = 'none') = (id_number IS NULL))"
      ");"
      "CREATE UNIQUE INDEX beneficiaries_id_number ON beneficiaries (id_number)"
      "  WHERE id_number IS NOT NULL AND deleted_at IS NULL;"
      /* The whole list, newest first, read from the index alone. */
      "CREATE INDEX beneficiaries_live ON beneficiaries (file_number) WHERE deleted_at IS NULL;"
      "CREATE INDEX beneficiaries_mobile ON beneficiaries (mobile) WHERE mobile IS NOT NULL;"
      "CREATE INDEX beneficiaries_birth_date ON beneficiaries (birth_date)"
      "  WHERE birth_date IS NOT NULL;"
      "CREATE INDEX beneficiaries_name_key ON beneficiaries (name_key);"
      "CREATE INDEX beneficiaries_segment ON beneficiaries (segment, file_number);"
      "CREATE INDEX beneficiaries_district ON beneficiaries (district, file_number);"
      "CREATE INDEX beneficiaries_status ON beneficiaries (status, consent, file_number);"
      "CREATE TABLE household_members ("
      "  id             TEXT PRIMARY KEY,"
      "  beneficiary_id TEXT NOT NULL REFERENCES beneficiaries (id),"
      "  position       INTEGER NOT NULL,"
      "  name           TEXT NOT NULL,"
      "  relation       TEXT NOT NULL,"
      "  id_type        TEXT,"
      "  id_number      TEXT,"
      "  birth_date     TEXT,"
      "  gender         TEXT,"
      "  occupation     TEXT,"
      "  health         TEXT,"
      "  created_at     TEXT NOT NULL,"
      "  updated_at     TEXT NOT NULL,"
      "  device_id      TEXT NOT NULL,"
      "  rev            INTEGER NOT NULL DEFAULT 1,"
      "  deleted_at     TEXT"
      ");"
      "CREATE INDEX household_members_beneficiary ON household_members (beneficiary_id, position);"
      "CREATE TABLE beneficiary_incomes ("
      "  id              TEXT PRIMARY KEY,"
      "  beneficiary_id  TEXT NOT NULL REFERENCES beneficiaries (id),"
      "  position        INTEGER NOT NULL,"
      "  source          TEXT NOT NULL,"
      "  monthly_halalas INTEGER NOT NULL CHECK (monthly_halalas >= 0),"
      "  created_at      TEXT NOT NULL,"
      "  updated_at      TEXT NOT NULL,"
      "  device_id       TEXT NOT NULL,"
      "  rev             INTEGER NOT NULL DEFAULT 1,"
      "  deleted_at      TEXT"
      ");"
      "CREATE INDEX beneficiary_incomes_beneficiary"
      "  ON beneficiary_incomes (beneficiary_id, position);"
      "CREATE VIRTUAL TABLE beneficiary_search USING fts5 ("
      "  tokens, tokenize = 'unicode61 remove_diacritics 0', prefix = '2 3'"
      ");"
      "CREATE TABLE drafts ("
      "  id         TEXT PRIMARY KEY,"
      "  kind       TEXT NOT NULL,"
      "  entity_id  TEXT,"             /* the record being edited, or NULL for a new one */
      "  actor_name TEXT NOT NULL,"
      "  device_id  TEXT NOT NULL,"
      "  summary    TEXT,"
      "  content    TEXT NOT NULL,"
      "  created_at TEXT NOT NULL,"
      "  updated_at TEXT NOT NULL"
      ");"
      "CREATE INDEX drafts_actor ON drafts (actor_name, kind, updated_at);",
      error))
    return FALSE;

  {
    g_autoptr(SilaStatement) stmt = sila_store_prepare (self,
        "SELECT value FROM meta WHERE key = 'device_id'", error);

    if (stmt == NULL || sila_store_step (self, stmt, error) != SILA_STEP_ROW)
      return FALSE;
    device_id = sila_column_dup (stmt, 0);
  }

  for (guint i = 0; i < G_N_ELEMENTS (segments); i++)
    {
      g_autoptr(SilaStatement) stmt = NULL;
      g_autofree char *uuid = g_uuid_string_random ();

      stmt = sila_store_prepare (self,
                                 "INSERT INTO segments (id, code, name_ar, name_en, position, "
                                 "created_at, updated_at, device_id) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, ?7)",
                                 error);
      if (stmt == NULL)
        return FALSE;
      sila_bind_text (stmt, 1, uuid);
      sila_bind_text (stmt, 2, segments[i].code);
      sila_bind_text (stmt, 3, segments[i].name_ar);
      sila_bind_text (stmt, 4, segments[i].name_en);
      sqlite3_bind_int (stmt, 5, (int)i + 1);
      sila_bind_text (stmt, 6, now);
      sila_bind_text (stmt, 7, device_id);
      if (sila_store_step (self, stmt, error) != SILA_STEP_DONE)
        return FALSE;
    }

  return TRUE;
}

static const SilaMigration migrations[] = {
  migrate_to_1,
  migrate_to_2,
  migrate_to_3,
};

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
      g_autofree char *set_version = NULL;
      int version;

      tx = sila_transaction_begin (self, error);
      if (tx == NULL)
        return FALSE;

      /* Read inside the write lock: another desk may have migrated the file
       * while this one waited. */
      version = sila_store_get_schema_version (self);
      if (version < 0)
        {
          sila_store_set_error (self, error, sqlite3_extended_errcode (sila_store_get_db (self)));
          return FALSE;
        }
      if (version >= target_version)
        return sila_transaction_commit (tx, error);

      if (!migrations[version] (self, error))
        {
          g_prefix_error (error, _("The database could not be brought up to date: "));
          return FALSE;
        }

      set_version = g_strdup_printf ("PRAGMA user_version = %d", version + 1);
      if (!sila_store_exec (self, set_version, error) ||
          !sila_transaction_commit (tx, error))
        return FALSE;

      g_debug ("Database migrated to version %d", version + 1);
    }
}
