/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Migration step 5 (in the list of sila-store-schema.c): surveys and the
 * feedback register, with the default survey template it seeds. */
#define G_LOG_DOMAIN "sila-store"

#include "sila-config.h"

#include "sila-clock.h"
#include "sila-store-schema-private.h"
#include "sila-survey.h"

/* The default survey template as it stood when this step was written. */
gboolean
sila_store_seed_survey_template (SilaStore  *self,
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
  device = sila_column_text (stmt, 0);

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
      sila_bind_int (insert, 3, i + 1);
      sila_bind_text (insert, 4, q->code);
      sila_bind_text (insert, 5, sila_question_kind_to_code (q->kind));
      sila_bind_text (insert, 6, q->text_ar);
      sila_bind_text (insert, 7, q->text_en);
      sila_bind_int (insert, 8, q->required ? 1 : 0);
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
gboolean
sila_store_migrate_surveys_and_feedback (SilaStore  *self,
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

  return sila_store_seed_survey_template (self, error);
}
