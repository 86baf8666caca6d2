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
#include "sila-store-report-private.h"
#include "sila-survey.h"

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

/* The default survey template as it stood when this step was written. */
static gboolean
insert_default_template (SilaStore  *self,
                         GError    **error)
{
  g_autoptr(SilaSurveyTemplate) tpl = sila_survey_template_new_default ();
  g_autoptr(SilaStatement) stmt = NULL;
  g_autofree char *tpl_id = g_uuid_string_random ();
  g_autofree char *now = sila_clock_timestamp ();
  const char *device = NULL;

  stmt = sila_store_prepare (self, "SELECT value FROM meta WHERE key = 'device_id'", error);
  if (stmt == NULL || sila_store_step (self, stmt, error) != SILA_STEP_ROW)
    return FALSE;
  device = (const char *)sqlite3_column_text (stmt, 0);

  {
    g_autoptr(SilaStatement) insert = NULL;

    insert = sila_store_prepare (self,
                                 "INSERT INTO survey_templates (id, code, name_ar, name_en, "
                                 "is_default, created_at, updated_at, device_id) "
                                 "VALUES (?1, ?2, ?3, ?4, 1, ?5, ?5, ?6)",
                                 error);
    if (insert == NULL)
      return FALSE;
    sila_bind_text (insert, 1, tpl_id);
    sila_bind_text (insert, 2, tpl->code);
    sila_bind_text (insert, 3, tpl->name_ar);
    sila_bind_text (insert, 4, tpl->name_en);
    sila_bind_text (insert, 5, now);
    sila_bind_text (insert, 6, device);
    if (sila_store_step (self, insert, error) != SILA_STEP_DONE)
      return FALSE;
  }

  for (guint i = 0; i < tpl->questions->len; i++)
    {
      const SilaSurveyQuestion *q = g_ptr_array_index (tpl->questions, i);
      g_autoptr(SilaStatement) insert = NULL;
      g_autofree char *q_id = g_uuid_string_random ();

      insert = sila_store_prepare (self,
                                   "INSERT INTO survey_questions (id, template_id, position, "
                                   "code, kind, text_ar, text_en, required, created_at, "
                                   "updated_at, device_id) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9, ?10)",
                                   error);
      if (insert == NULL)
        return FALSE;
      sila_bind_text (insert, 1, q_id);
      sila_bind_text (insert, 2, tpl_id);
      sqlite3_bind_int (insert, 3, i + 1);
      sila_bind_text (insert, 4, q->code);
      sila_bind_text (insert, 5, sila_question_kind_to_code (q->kind));
      sila_bind_text (insert, 6, q->text_ar);
      sila_bind_text (insert, 7, q->text_en);
      sqlite3_bind_int (insert, 8, q->required ? 1 : 0);
      sila_bind_text (insert, 9, now);
      sila_bind_text (insert, 10, device);
      if (sila_store_step (self, insert, error) != SILA_STEP_DONE)
        return FALSE;
    }

  return TRUE;
}

/* Surveys: templates and their questions, responses and answers, the
 * running counts results read, import batches; and the suggestions and
 * complaints register.
 *
 * Anonymity is kept by the schema itself: an anonymous response has no
 * links and no staff member (a CHECK), is dated to the day only, and lives
 * in a WITHOUT ROWID table keyed by a random UUID, so that neither a time
 * nor the order of insertion can be matched with the audit trail or with
 * an officer's other work. Responses and answers can be neither changed nor
 * deleted, by anyone: evaluation is the beneficiary's right.
 *
 * survey_stats holds running counts per day and per month, for everything,
 * per channel and per request type, kept by triggers: a year's results
 * read a few thousand rows instead of a million answers. */
static gboolean
migrate_surveys_and_feedback (SilaStore  *self,
                              GError    **error)
{
  if (!sila_store_exec (self,
      "CREATE TABLE survey_templates ("
      "  id         TEXT PRIMARY KEY,"
      "  code       TEXT NOT NULL UNIQUE,"
      "  name_ar    TEXT NOT NULL,"
      "  name_en    TEXT NOT NULL,"
      "  is_default INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),"
      "  retired_at TEXT,"
      "  created_at TEXT NOT NULL,"
      "  updated_at TEXT NOT NULL,"
      "  device_id  TEXT NOT NULL,"
      "  rev        INTEGER NOT NULL DEFAULT 1,"
      "  deleted_at TEXT,"
      "  CHECK (is_default = 0 OR retired_at IS NULL)"
      ");"
      "CREATE UNIQUE INDEX survey_templates_one_default ON survey_templates (is_default) "
      "  WHERE is_default = 1;"
      "CREATE TABLE survey_questions ("
      "  id          TEXT PRIMARY KEY,"
      "  template_id TEXT NOT NULL REFERENCES survey_templates (id),"
      "  position    INTEGER NOT NULL,"
      "  code        TEXT NOT NULL,"
      "  kind        TEXT NOT NULL"
      "              CHECK (kind IN ('likert', 'recommend', 'yes_no', 'choice', 'text')),"
      "  text_ar     TEXT NOT NULL,"
      "  text_en     TEXT NOT NULL,"
      "  required    INTEGER NOT NULL CHECK (required IN (0, 1)),"
      "  choices     TEXT," /* JSON: [{"code", "ar", "en"}, …] */
      "  created_at  TEXT NOT NULL,"
      "  updated_at  TEXT NOT NULL,"
      "  device_id   TEXT NOT NULL,"
      "  rev         INTEGER NOT NULL DEFAULT 1,"
      "  deleted_at  TEXT"
      ");"
      "CREATE UNIQUE INDEX survey_questions_code ON survey_questions (template_id, code) "
      "  WHERE deleted_at IS NULL;"
      "CREATE TABLE survey_responses ("
      "  id             TEXT PRIMARY KEY,"
      "  template_id    TEXT NOT NULL REFERENCES survey_templates (id),"
      "  answered_on    TEXT NOT NULL,"
      "  channel        TEXT,"
      "  mode           TEXT NOT NULL CHECK (mode IN ('officer', 'kiosk', 'paper', 'online')),"
      "  anonymous      INTEGER NOT NULL CHECK (anonymous IN (0, 1)),"
      "  request_type   TEXT,"
      "  beneficiary_id TEXT,"
      "  request_id     TEXT,"
      "  contact_id     TEXT,"
      "  taken_by       TEXT,"
      "  created_at     TEXT NOT NULL,"
      "  updated_at     TEXT NOT NULL,"
      "  device_id      TEXT NOT NULL,"
      "  CHECK (anonymous = 0 OR (beneficiary_id IS NULL AND request_id IS NULL AND "
      "         contact_id IS NULL AND taken_by IS NULL)),"
      "  CHECK (mode = 'officer' OR anonymous = 1)"
      ") WITHOUT ROWID;"
      "CREATE INDEX survey_responses_day ON survey_responses (answered_on);"
      "CREATE INDEX survey_responses_template ON survey_responses (template_id, answered_on);"
      "CREATE INDEX survey_responses_beneficiary ON survey_responses (beneficiary_id) "
      "  WHERE beneficiary_id IS NOT NULL;"
      "CREATE INDEX survey_responses_request ON survey_responses (request_id) "
      "  WHERE request_id IS NOT NULL;"
      "CREATE INDEX survey_responses_contact ON survey_responses (contact_id) "
      "  WHERE contact_id IS NOT NULL;"
      "CREATE TABLE survey_answers ("
      "  response_id TEXT NOT NULL REFERENCES survey_responses (id),"
      "  question_id TEXT NOT NULL REFERENCES survey_questions (id),"
      "  answered_on TEXT NOT NULL,"
      "  value       INTEGER,"
      "  choice      TEXT,"
      "  text        TEXT,"
      "  PRIMARY KEY (response_id, question_id),"
      "  CHECK ((value IS NOT NULL) + (choice IS NOT NULL) + (text IS NOT NULL) = 1)"
      ") WITHOUT ROWID;"
      "CREATE INDEX survey_answers_texts ON survey_answers (answered_on) "
      "  WHERE text IS NOT NULL;"
      "CREATE TABLE survey_stats ("
      "  dim       TEXT NOT NULL," /* 'all', 'channel', 'type' */
      "  grain     TEXT NOT NULL," /* 'd' a day, 'm' a month */
      "  period    TEXT NOT NULL," /* 'YYYY-MM-DD' or 'YYYY-MM' */
      "  dim_value TEXT NOT NULL," /* the channel or request type, '' for none */
      "  code      TEXT NOT NULL," /* the question, '' for the count of responses */
      "  value     TEXT NOT NULL," /* the answer ('5', a choice's code), '' for counts */
      "  n         INTEGER NOT NULL,"
      "  PRIMARY KEY (dim, grain, period, dim_value, code, value)"
      ") WITHOUT ROWID;"
      "CREATE TRIGGER survey_responses_counted AFTER INSERT ON survey_responses BEGIN"
      "  INSERT INTO survey_stats (dim, grain, period, dim_value, code, value, n)"
      "  SELECT d.dim, g.grain,"
      "         CASE g.grain WHEN 'd' THEN NEW.answered_on ELSE substr (NEW.answered_on, 1, 7) END,"
      "         CASE d.dim WHEN 'all' THEN '' WHEN 'channel' THEN ifnull (NEW.channel, '')"
      "                    ELSE ifnull (NEW.request_type, '') END,"
      "         '', '', 1"
      "  FROM (SELECT 'all' AS dim UNION ALL SELECT 'channel' UNION ALL SELECT 'type') AS d,"
      "       (SELECT 'd' AS grain UNION ALL SELECT 'm') AS g"
      "  WHERE TRUE"
      "  ON CONFLICT DO UPDATE SET n = n + 1;"
      "END;"
      "CREATE TRIGGER survey_answers_counted AFTER INSERT ON survey_answers BEGIN"
      "  INSERT INTO survey_stats (dim, grain, period, dim_value, code, value, n)"
      "  SELECT d.dim, g.grain,"
      "         CASE g.grain WHEN 'd' THEN r.answered_on ELSE substr (r.answered_on, 1, 7) END,"
      "         CASE d.dim WHEN 'all' THEN '' WHEN 'channel' THEN ifnull (r.channel, '')"
      "                    ELSE ifnull (r.request_type, '') END,"
      "         q.code,"
      "         CASE WHEN NEW.value IS NOT NULL THEN CAST (NEW.value AS TEXT)"
      "              ELSE ifnull (NEW.choice, '') END,"
      "         1"
      "  FROM survey_responses AS r, survey_questions AS q,"
      "       (SELECT 'all' AS dim UNION ALL SELECT 'channel' UNION ALL SELECT 'type') AS d,"
      "       (SELECT 'd' AS grain UNION ALL SELECT 'm') AS g"
      "  WHERE r.id = NEW.response_id AND q.id = NEW.question_id"
      "  ON CONFLICT DO UPDATE SET n = n + 1;"
      "END;"
      "CREATE TRIGGER survey_responses_kept_u BEFORE UPDATE ON survey_responses "
      "BEGIN SELECT RAISE (ABORT, 'survey responses cannot be changed'); END;"
      "CREATE TRIGGER survey_responses_kept_d BEFORE DELETE ON survey_responses "
      "BEGIN SELECT RAISE (ABORT, 'survey responses cannot be deleted'); END;"
      "CREATE TRIGGER survey_answers_kept_u BEFORE UPDATE ON survey_answers "
      "BEGIN SELECT RAISE (ABORT, 'survey answers cannot be changed'); END;"
      "CREATE TRIGGER survey_answers_kept_d BEFORE DELETE ON survey_answers "
      "BEGIN SELECT RAISE (ABORT, 'survey answers cannot be deleted'); END;"
      "CREATE TABLE survey_imports ("
      "  id          TEXT PRIMARY KEY,"
      "  file_sha256 TEXT NOT NULL UNIQUE,"
      "  file_name   TEXT NOT NULL,"
      "  template_id TEXT NOT NULL REFERENCES survey_templates (id),"
      "  imported    INTEGER NOT NULL,"
      "  rejected    INTEGER NOT NULL,"
      "  created_by  TEXT NOT NULL,"
      "  created_at  TEXT NOT NULL,"
      "  updated_at  TEXT NOT NULL,"
      "  device_id   TEXT NOT NULL"
      ");"
      "CREATE TABLE feedback_items ("
      "  id             TEXT PRIMARY KEY,"
      "  number         INTEGER NOT NULL UNIQUE,"
      "  kind           TEXT NOT NULL CHECK (kind IN ('suggestion', 'complaint')),"
      "  status         TEXT NOT NULL"
      "                 CHECK (status IN ('new', 'in_progress', 'answered', 'closed')),"
      "  origin         TEXT NOT NULL DEFAULT 'direct' CHECK (origin IN ('direct', 'survey')),"
      "  channel        TEXT,"
      "  received_on    TEXT NOT NULL,"
      "  due_on         TEXT NOT NULL,"
      "  description    TEXT NOT NULL,"
      "  submitter      TEXT,"
      "  responsible    TEXT,"
      "  answer         TEXT,"
      "  answered_on    TEXT,"
      "  closed_on      TEXT,"
      "  anonymous      INTEGER NOT NULL DEFAULT 0 CHECK (anonymous IN (0, 1)),"
      "  beneficiary_id TEXT,"
      "  request_id     TEXT,"
      "  contact_id     TEXT,"
      "  created_by     TEXT NOT NULL,"
      "  created_at     TEXT NOT NULL,"
      "  updated_at     TEXT NOT NULL,"
      "  device_id      TEXT NOT NULL,"
      "  rev            INTEGER NOT NULL DEFAULT 1,"
      "  deleted_at     TEXT,"
      "  CHECK (anonymous = 0 OR (submitter IS NULL AND beneficiary_id IS NULL AND "
      "         request_id IS NULL AND contact_id IS NULL))"
      ");"
      "CREATE INDEX feedback_items_open ON feedback_items (status, due_on) "
      "  WHERE deleted_at IS NULL;"
      "CREATE INDEX feedback_items_received ON feedback_items (received_on);",
      error))
    return FALSE;

  return insert_default_template (self, error);
}

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
static gboolean
add_beneficiary_files (SilaStore  *self,
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

/* The device this database was made on, for rows a migration seeds. */
static char *
meta_device_id (SilaStore  *self,
                GError    **error)
{
  g_autoptr(SilaStatement) stmt = sila_store_prepare (self,
      "SELECT value FROM meta WHERE key = 'device_id'", error);

  if (stmt == NULL || sila_store_step (self, stmt, error) != SILA_STEP_ROW)
    return NULL;
  return sila_column_dup (stmt, 0);
}

/* Support requests (issue 4): the office's request and document types and
 * the checklist of each request type; requests, their documents (scans
 * kept in a table of their own so that lists never read them), the
 * timeline of every status step with the time it took, the research
 * report, the committee's decision and the services delivered. Dates of
 * the procedure (received, due, decided, delivered) are YYYY-MM-DD;
 * moments are timestamps; money is halalas; people are user names. */
static gboolean
add_support_requests (SilaStore  *self,
                      GError    **error)
{
  static const struct {
    const char *code;
    const char *name_ar;
    const char *name_en;
  } request_types[] = {
    { "financial_aid",   "مساعدة مالية",          "Financial aid" },
    { "food_basket",     "سلة غذائية",            "Food basket" },
    { "rent",            "سداد إيجار",            "Rent" },
    { "utility_bills",   "سداد فواتير الخدمات",   "Utility bills" },
    { "medical",         "مساعدة علاجية",         "Medical aid" },
    { "education",       "مساعدة تعليمية",        "Education" },
    { "home_appliances", "أجهزة منزلية",          "Home appliances" },
  };
  static const struct {
    const char *code;
    const char *name_ar;
    const char *name_en;
    gboolean    expires;
  } document_types[] = {
    { "national_id_copy",          "صورة الهوية الوطنية",       "Copy of the national ID", TRUE },
    { "family_register",           "سجل الأسرة",                "Family register", FALSE },
    { "income_proof",              "إثبات الدخل",               "Proof of income", FALSE },
    { "lease",                     "عقد الإيجار",               "Lease contract", TRUE },
    { "bills",                     "فواتير الخدمات",            "Utility bills", FALSE },
    { "medical_report",            "تقرير طبي",                 "Medical report", TRUE },
    { "iban_letter",               "خطاب الآيبان البنكي",       "Bank IBAN letter", FALSE },
    { "social_security_statement", "مشهد الضمان الاجتماعي",     "Social-security statement",
      FALSE },
  };
  /* R: required, O: optional. */
  static const struct {
    const char *request_type;
    const char *documents;
  } checklists[] = {
    { "financial_aid",   "R national_id_copy,R income_proof,O family_register,O iban_letter,"
                         "O social_security_statement" },
    { "food_basket",     "R national_id_copy,O family_register,O income_proof" },
    { "rent",            "R national_id_copy,R lease,R income_proof,O iban_letter" },
    { "utility_bills",   "R national_id_copy,R bills,O income_proof" },
    { "medical",         "R national_id_copy,R medical_report,O income_proof" },
    { "education",       "R national_id_copy,R family_register,O income_proof" },
    { "home_appliances", "R national_id_copy,R income_proof,O family_register" },
  };
  g_autofree char *now = sila_clock_timestamp ();
  g_autofree char *device_id = NULL;

  if (!sila_store_exec (self,
      "CREATE TABLE request_types ("
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
      "CREATE TABLE document_types ("
      "  id         TEXT PRIMARY KEY,"
      "  code       TEXT NOT NULL UNIQUE,"
      "  name_ar    TEXT NOT NULL,"
      "  name_en    TEXT NOT NULL,"
      "  expires    INTEGER NOT NULL DEFAULT 0,"
      "  position   INTEGER NOT NULL,"
      "  retired_at TEXT,"
      "  created_at TEXT NOT NULL,"
      "  updated_at TEXT NOT NULL,"
      "  device_id  TEXT NOT NULL,"
      "  rev        INTEGER NOT NULL DEFAULT 1,"
      "  deleted_at TEXT"
      ");"
      "CREATE TABLE request_type_documents ("
      "  id            TEXT PRIMARY KEY,"
      "  request_type  TEXT NOT NULL REFERENCES request_types (code),"
      "  document_type TEXT NOT NULL REFERENCES document_types (code),"
      "  required      INTEGER NOT NULL,"
      "  position      INTEGER NOT NULL,"
      "  created_at    TEXT NOT NULL,"
      "  updated_at    TEXT NOT NULL,"
      "  device_id     TEXT NOT NULL,"
      "  rev           INTEGER NOT NULL DEFAULT 1,"
      "  deleted_at    TEXT,"
      "  UNIQUE (request_type, document_type)"
      ");"
      "CREATE TABLE requests ("
      "  id             TEXT PRIMARY KEY,"
      "  seq            INTEGER NOT NULL UNIQUE,"  /* stable key of lazy lists */
      "  number         TEXT NOT NULL UNIQUE,"     /* 1446-00017 */
      "  beneficiary_id TEXT NOT NULL REFERENCES beneficiaries (id),"
      "  request_type   TEXT NOT NULL REFERENCES request_types (code),"
      "  channel        TEXT NOT NULL,"
      "  status         TEXT NOT NULL CHECK (status IN ('received', 'documents_complete',"
      "                 'in_research', 'research_done', 'with_committee', 'accepted', 'rejected',"
      "                 'registered', 'delivered', 'closed', 'withdrawn')),"
      "  received_on    TEXT NOT NULL,"
      "  due_on         TEXT NOT NULL,"
      "  received_by    TEXT NOT NULL,"
      "  description    TEXT,"
      "  amount_asked   INTEGER CHECK (amount_asked IS NULL OR amount_asked >= 0),"
      "  declaration    TEXT NOT NULL CHECK (declaration IN ('pending', 'drawn', 'paper')),"
      "  signature      TEXT,"
      "  signed_at      TEXT,"
      "  researcher     TEXT,"
      "  status_at      TEXT NOT NULL,"
      "  decided_on     TEXT,"
      "  created_at     TEXT NOT NULL,"
      "  updated_at     TEXT NOT NULL,"
      "  created_by     TEXT NOT NULL,"
      "  updated_by     TEXT NOT NULL,"
      "  device_id      TEXT NOT NULL,"
      "  rev            INTEGER NOT NULL DEFAULT 1,"
      "  deleted_at     TEXT"
      ");"
      "CREATE INDEX requests_beneficiary ON requests (beneficiary_id, received_on);"
      "CREATE INDEX requests_status ON requests (status, due_on, seq);"
      "CREATE INDEX requests_type ON requests (request_type, seq);"
      "CREATE INDEX requests_channel ON requests (channel, seq);"
      "CREATE INDEX requests_received ON requests (received_on, seq);"
      "CREATE INDEX requests_researcher ON requests (researcher, status)"
      "  WHERE researcher IS NOT NULL;"
      "CREATE TABLE request_documents ("
      "  id            TEXT PRIMARY KEY,"
      "  request_id    TEXT NOT NULL REFERENCES requests (id),"
      "  document_type TEXT NOT NULL REFERENCES document_types (code),"
      "  required      INTEGER NOT NULL,"
      "  position      INTEGER NOT NULL,"
      "  status        TEXT NOT NULL CHECK (status IN ('missing', 'provided', 'verified',"
      "                'expired', 'rejected')),"
      "  expires_on    TEXT,"
      "  submitted_on  TEXT,"
      "  verified_by   TEXT,"
      "  verified_at   TEXT,"
      "  note          TEXT,"
      "  file_name     TEXT,"
      "  file_mime     TEXT,"
      "  file_size     INTEGER,"
      "  file_sha256   TEXT,"
      "  created_at    TEXT NOT NULL,"
      "  updated_at    TEXT NOT NULL,"
      "  updated_by    TEXT NOT NULL,"
      "  device_id     TEXT NOT NULL,"
      "  rev           INTEGER NOT NULL DEFAULT 1,"
      "  deleted_at    TEXT,"
      "  UNIQUE (request_id, document_type)"
      ");"
      "CREATE TABLE request_document_files ("
      "  document_id TEXT PRIMARY KEY REFERENCES request_documents (id),"
      "  content     BLOB NOT NULL"
      ");"
      "CREATE TABLE request_events ("
      "  id              TEXT PRIMARY KEY,"
      "  request_id      TEXT NOT NULL REFERENCES requests (id),"
      "  step            INTEGER NOT NULL,"   /* 1, 2, … within the request */
      "  from_status     TEXT,"
      "  status          TEXT NOT NULL,"
      "  at              TEXT NOT NULL,"
      "  actor           TEXT NOT NULL,"
      "  elapsed_seconds INTEGER,"            /* since the previous step */
      "  reason          TEXT,"
      "  note            TEXT,"
      "  created_at      TEXT NOT NULL,"
      "  device_id       TEXT NOT NULL,"
      "  UNIQUE (request_id, step)"
      ");"
      "CREATE INDEX request_events_status ON request_events (status, at);"
      "CREATE TABLE research_reports ("
      "  id             TEXT PRIMARY KEY,"
      "  request_id     TEXT NOT NULL UNIQUE REFERENCES requests (id),"
      "  researcher     TEXT NOT NULL,"
      "  visit_on       TEXT,"
      "  findings       TEXT NOT NULL,"
      "  recommendation TEXT,"
      "  created_at     TEXT NOT NULL,"
      "  updated_at     TEXT NOT NULL,"
      "  device_id      TEXT NOT NULL,"
      "  rev            INTEGER NOT NULL DEFAULT 1,"
      "  deleted_at     TEXT"
      ");"
      "CREATE TABLE committee_decisions ("
      "  id          TEXT PRIMARY KEY,"
      "  request_id  TEXT NOT NULL UNIQUE REFERENCES requests (id),"
      "  decision    TEXT NOT NULL CHECK (decision IN ('accepted', 'rejected')),"
      "  reason      TEXT,"
      "  decided_on  TEXT NOT NULL,"
      "  members     TEXT,"
      "  recorded_by TEXT NOT NULL,"
      "  created_at  TEXT NOT NULL,"
      "  updated_at  TEXT NOT NULL,"
      "  device_id   TEXT NOT NULL,"
      "  rev         INTEGER NOT NULL DEFAULT 1,"
      "  deleted_at  TEXT,"
      "  CHECK (decision = 'accepted' OR reason IS NOT NULL)"
      ");"
      "CREATE TABLE deliveries ("
      "  id             TEXT PRIMARY KEY,"
      "  request_id     TEXT NOT NULL REFERENCES requests (id),"
      "  kind           TEXT NOT NULL,"
      "  description    TEXT,"
      "  amount_halalas INTEGER NOT NULL CHECK (amount_halalas >= 0),"
      "  delivered_on   TEXT NOT NULL,"
      "  delivered_by   TEXT NOT NULL,"
      "  created_at     TEXT NOT NULL,"
      "  updated_at     TEXT NOT NULL,"
      "  device_id      TEXT NOT NULL,"
      "  rev            INTEGER NOT NULL DEFAULT 1,"
      "  deleted_at     TEXT"
      ");"
      "CREATE INDEX deliveries_request ON deliveries (request_id);"
      "CREATE INDEX deliveries_on ON deliveries (delivered_on);",
      error))
    return FALSE;

  device_id = meta_device_id (self, error);
  if (device_id == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (request_types); i++)
    {
      g_autoptr(SilaStatement) stmt = NULL;
      g_autofree char *uuid = g_uuid_string_random ();

      stmt = sila_store_prepare (self,
                                 "INSERT INTO request_types (id, code, name_ar, name_en, position, "
                                 "created_at, updated_at, device_id) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, ?7)",
                                 error);
      if (stmt == NULL)
        return FALSE;
      sila_bind_text (stmt, 1, uuid);
      sila_bind_text (stmt, 2, request_types[i].code);
      sila_bind_text (stmt, 3, request_types[i].name_ar);
      sila_bind_text (stmt, 4, request_types[i].name_en);
      sqlite3_bind_int (stmt, 5, (int)i + 1);
      sila_bind_text (stmt, 6, now);
      sila_bind_text (stmt, 7, device_id);
      if (sila_store_step (self, stmt, error) != SILA_STEP_DONE)
        return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (document_types); i++)
    {
      g_autoptr(SilaStatement) stmt = NULL;
      g_autofree char *uuid = g_uuid_string_random ();

      stmt = sila_store_prepare (self,
                                 "INSERT INTO document_types (id, code, name_ar, name_en, expires, "
                                 "position, created_at, updated_at, device_id) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, ?8)",
                                 error);
      if (stmt == NULL)
        return FALSE;
      sila_bind_text (stmt, 1, uuid);
      sila_bind_text (stmt, 2, document_types[i].code);
      sila_bind_text (stmt, 3, document_types[i].name_ar);
      sila_bind_text (stmt, 4, document_types[i].name_en);
      sqlite3_bind_int (stmt, 5, document_types[i].expires);
      sqlite3_bind_int (stmt, 6, (int)i + 1);
      sila_bind_text (stmt, 7, now);
      sila_bind_text (stmt, 8, device_id);
      if (sila_store_step (self, stmt, error) != SILA_STEP_DONE)
        return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (checklists); i++)
    {
      g_auto(GStrv) items = g_strsplit (checklists[i].documents, ",", -1);

      for (guint k = 0; items[k] != NULL; k++)
        {
          g_autoptr(SilaStatement) stmt = NULL;
          g_autofree char *uuid = g_uuid_string_random ();

          stmt = sila_store_prepare (self,
                                     "INSERT INTO request_type_documents (id, request_type, "
                                     "document_type, required, position, created_at, updated_at, "
                                     "device_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, ?7)",
                                     error);
          if (stmt == NULL)
            return FALSE;
          sila_bind_text (stmt, 1, uuid);
          sila_bind_text (stmt, 2, checklists[i].request_type);
          sila_bind_text (stmt, 3, items[k] + 2);
          sqlite3_bind_int (stmt, 4, items[k][0] == 'R');
          sqlite3_bind_int (stmt, 5, (int)k + 1);
          sila_bind_text (stmt, 6, now);
          sila_bind_text (stmt, 7, device_id);
          if (sila_store_step (self, stmt, error) != SILA_STEP_DONE)
            return FALSE;
        }
    }

  return TRUE;
}

/* The contacts log (issue 4): every inquiry and answer, referral and
 * follow-up, with its channel; answer_seconds (answered_at − asked_at)
 * is kept so that reports take medians per channel without date sums. */
static gboolean
add_contacts_log (SilaStore  *self,
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
static gboolean
prepare_retention (SilaStore  *self,
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

static const SilaMigration migrations[] = {
  migrate_to_1,
  migrate_to_2,
  migrate_to_3,
  add_library_documents,
  migrate_surveys_and_feedback,
  add_beneficiary_files,
  add_support_requests,
  add_contacts_log,
  prepare_retention,
  sila_store_migrate_reports,      /* sila-store-report.c */
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
