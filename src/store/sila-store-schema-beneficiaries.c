/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Migration steps of beneficiaries (in the list of sila-store-schema.c):
 * their files, the contacts log, and retention of closed files. */
#define G_LOG_DOMAIN "sila-store"

#include "sila-config.h"

#include "sila-clock.h"
#include "sila-store-schema-private.h"

/* Beneficiary files (issue 3). The file, its household members and
 * incomes, the office's editable list of segments (شرائح), the search
 * index, and drafts of forms being typed.
 *
 * The search index (FTS5) holds folded tokens computed in C
 * (sila-arabic.h): names, the file number, ID number and phone keys. Its
 * rowid is the file number, which never changes (a table's own rowid may,
 * on VACUUM). Drafts keep a form's text exactly as typed, valid or not, so
 * that nothing is lost if the app is killed; a draft is deleted in the
 * transaction that saves its file. */
gboolean
sila_store_migrate_beneficiary_files (SilaStore  *self,
                                      GError    **error)
{
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
      /* Contentless: the tokens are the store's to give, and to give back
       * when a file changes ('delete'); a change of how tokens are made
       * rebuilds the index in a later step. */
      "CREATE VIRTUAL TABLE beneficiary_search USING fts5 ("
      "  tokens, content = '', tokenize = 'unicode61 remove_diacritics 0', prefix = '2 3'"
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

  return sila_store_seed_segments (self, error);
}

/* The office's segments as the policy lists them, until it edits them. */
gboolean
sila_store_seed_segments (SilaStore  *self,
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
      sila_bind_int (stmt, 5, (int)i + 1);
      sila_bind_text (stmt, 6, now);
      sila_bind_text (stmt, 7, device_id);
      if (sila_store_step (self, stmt, error) != SILA_STEP_DONE)
        return FALSE;
    }

  return TRUE;
}

/* The contacts log (issue 4): every inquiry and answer, referral and
 * follow-up, with its channel; answer_seconds (answered_at − asked_at)
 * is kept so that reports take medians per channel without date sums. */
gboolean
sila_store_migrate_contacts_log (SilaStore  *self,
                                 GError    **error)
{
  return sila_store_exec (self,
      "CREATE TABLE contacts ("
      "  id             TEXT PRIMARY KEY,"
      "  seq            INTEGER NOT NULL UNIQUE,"
      "  beneficiary_id TEXT REFERENCES beneficiaries (id),"  /* NULL: anonymous */
      "  caller         TEXT,"
      "  channel        TEXT NOT NULL,"
      "  direction      TEXT NOT NULL CHECK (direction IN ('inbound', 'outbound')),"
      "  kind           TEXT NOT NULL CHECK (kind IN ('inquiry', 'referral', 'follow_up')),"
      "  status         TEXT NOT NULL CHECK (status IN ('open', 'referred', 'answered')),"
      "  question       TEXT NOT NULL,"
      "  answer         TEXT,"
      "  asked_at       TEXT NOT NULL,"
      "  answered_at    TEXT,"
      "  answer_seconds INTEGER CHECK (answer_seconds IS NULL OR answer_seconds >= 0),"
      "  handled_by     TEXT NOT NULL,"
      "  answered_by    TEXT,"
      "  referred_to    TEXT,"
      "  request_id     TEXT REFERENCES requests (id),"
      "  created_at     TEXT NOT NULL,"
      "  updated_at     TEXT NOT NULL,"
      "  device_id      TEXT NOT NULL,"
      "  rev            INTEGER NOT NULL DEFAULT 1,"
      "  deleted_at     TEXT"
      ");"
      "CREATE INDEX contacts_asked ON contacts (asked_at);"
      "CREATE INDEX contacts_channel ON contacts (channel, asked_at);"
      "CREATE INDEX contacts_status ON contacts (status, asked_at);"
      "CREATE INDEX contacts_beneficiary ON contacts (beneficiary_id, asked_at)"
      "  WHERE beneficiary_id IS NOT NULL;"
      "CREATE INDEX contacts_referred ON contacts (referred_to, status)"
      "  WHERE referred_to IS NOT NULL;",
      error);
}

/* Retention (PDPL): a file closed longer than the office keeps files is
 * anonymized, and the audit trail must then lose the personal data it
 * copied. The trail stays append-only in every other way: the one change it
 * accepts is the redaction of a row's before/after copies and summary. */
gboolean
sila_store_migrate_retention (SilaStore  *self,
                              GError    **error)
{
  return sila_store_exec (self,
      "ALTER TABLE beneficiaries ADD COLUMN anonymized_at TEXT;"
      "DROP TRIGGER audit_log_no_update;"
      "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
      "WHEN NOT (NEW.seq = OLD.seq AND NEW.id = OLD.id AND NEW.at = OLD.at "
      "  AND NEW.actor_id IS OLD.actor_id AND NEW.actor_name = OLD.actor_name "
      "  AND NEW.device_id = OLD.device_id AND NEW.action = OLD.action "
      "  AND NEW.entity = OLD.entity AND NEW.entity_id IS OLD.entity_id "
      "  AND (NEW.summary IS OLD.summary OR NEW.summary IS NULL) "
      "  AND (NEW.before_json IS OLD.before_json "
      "       OR NEW.before_json = '{\"redacted\":\"retention\"}') "
      "  AND (NEW.after_json IS OLD.after_json "
      "       OR NEW.after_json = '{\"redacted\":\"retention\"}')) "
      "BEGIN SELECT RAISE (ABORT, 'the audit trail is append-only'); END;",
      error);
}
