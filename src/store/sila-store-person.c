/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-store"

#include "sila-config.h"

#include <glib/gi18n-lib.h>

#include "sila-audit.h"
#include "sila-clock.h"
#include "sila-store-beneficiaries-private.h"
#include "sila-store-drafts.h"
#include "sila-store-person.h"

/* Adds the current row's columns to @builder's open object, each under its
 * column's name: integers as numbers, text as strings, NULL as null. */
static void
add_columns (JsonBuilder   *builder,
             SilaStatement *stmt,
             int            first)
{
  for (int i = first; i < sila_column_count (stmt); i++)
    {
      json_builder_set_member_name (builder, sila_column_name (stmt, i));
      switch (sila_column_type (stmt, i))
        {
        case SILA_DB_TYPE_INTEGER:
          json_builder_add_int_value (builder, sila_column_int64 (stmt, i));
          break;
        case SILA_DB_TYPE_FLOAT:
          json_builder_add_double_value (builder, sila_column_double (stmt, i));
          break;
        case SILA_DB_TYPE_NULL:
          json_builder_add_null_value (builder);
          break;
        case SILA_DB_TYPE_TEXT:
        case SILA_DB_TYPE_BLOB:
        default:
          json_builder_add_string_value (builder, sila_column_text (stmt, i));
          break;
        }
    }
}

/* Adds under @member an array of the rows @sql (with ?1 bound to @key)
 * gives, each an object of its columns. */
static gboolean
add_rows (SilaStore    *self,
          JsonBuilder  *builder,
          const char   *member,
          const char   *sql,
          const char   *key,
          GError      **error)
{
  g_autoptr(SilaStatement) stmt = NULL;
  SilaStep step;

  stmt = sila_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  sila_bind_text (stmt, 1, key);

  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  while ((step = sila_store_step (self, stmt, error)) == SILA_STEP_ROW)
    {
      json_builder_begin_object (builder);
      add_columns (builder, stmt, 0);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  return step == SILA_STEP_DONE;
}

/* The first column of each row @sql (with ?1 bound to @key) gives, or NULL
 * on error. */
static GPtrArray *
select_ids (SilaStore   *self,
            const char  *sql,
            const char  *key,
            GError     **error)
{
  g_autoptr(SilaStatement) stmt = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  SilaStep step;

  stmt = sila_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  sila_bind_text (stmt, 1, key);
  while ((step = sila_store_step (self, stmt, error)) == SILA_STEP_ROW)
    g_ptr_array_add (ids, sila_column_dup (stmt, 0));
  if (step == SILA_STEP_ERROR)
    return NULL;

  return g_steal_pointer (&ids);
}

/* Opens an object in @builder holding the columns, from @first on, of the
 * one row @sql (with ?1 bound to @key) gives; the caller closes it. */
static gboolean
begin_row_object (SilaStore    *self,
                  JsonBuilder  *builder,
                  const char   *sql,
                  const char   *key,
                  int           first,
                  GError      **error)
{
  g_autoptr(SilaStatement) stmt = NULL;

  stmt = sila_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  sila_bind_text (stmt, 1, key);
  if (sila_store_step (self, stmt, error) != SILA_STEP_ROW)
    return FALSE;

  json_builder_begin_object (builder);
  add_columns (builder, stmt, first);
  return TRUE;
}

/* The requests, each with its documents, timeline, research, decision and
 * deliveries. */
static gboolean
add_requests (SilaStore    *self,
              JsonBuilder  *builder,
              const char   *beneficiary_id,
              GError      **error)
{
  g_autoptr(GPtrArray) ids = NULL;

  ids = select_ids (self,
                    "SELECT id FROM requests WHERE beneficiary_id = ?1 "
                    "AND deleted_at IS NULL ORDER BY received_on, seq",
                    beneficiary_id, error);
  if (ids == NULL)
    return FALSE;

  json_builder_set_member_name (builder, "requests");
  json_builder_begin_array (builder);

  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);

      if (!begin_row_object (self, builder,
                             "SELECT r.id, r.number, r.request_type AS type, "
                             "t.name_ar AS type_ar, t.name_en AS type_en, r.channel, "
                             "r.status, r.received_on, r.due_on, r.decided_on, "
                             "r.description, r.amount_asked AS amount_asked_halalas, "
                             "r.declaration, r.signed_at FROM requests r "
                             "LEFT JOIN request_types t ON t.code = r.request_type "
                             "WHERE r.id = ?1",
                             id, 1, error))
        return FALSE;

      if (!add_rows (self, builder, "documents",
                     "SELECT d.document_type AS type, t.name_ar AS type_ar, "
                     "t.name_en AS type_en, d.required, d.status, d.expires_on, "
                     "d.submitted_on, d.verified_by, d.verified_at, d.file_name "
                     "FROM request_documents d "
                     "LEFT JOIN document_types t ON t.code = d.document_type "
                     "WHERE d.request_id = ?1 AND d.deleted_at IS NULL ORDER BY d.position",
                     id, error) ||
          !add_rows (self, builder, "timeline",
                     "SELECT status, at, actor AS by, reason, note FROM request_events "
                     "WHERE request_id = ?1 ORDER BY at",
                     id, error) ||
          !add_rows (self, builder, "research",
                     "SELECT researcher, visit_on, findings, recommendation "
                     "FROM research_reports WHERE request_id = ?1 AND deleted_at IS NULL",
                     id, error) ||
          !add_rows (self, builder, "decisions",
                     "SELECT decision, reason, decided_on, members FROM committee_decisions "
                     "WHERE request_id = ?1 AND deleted_at IS NULL",
                     id, error) ||
          !add_rows (self, builder, "deliveries",
                     "SELECT kind, description, amount_halalas, delivered_on, delivered_by "
                     "FROM deliveries WHERE request_id = ?1 AND deleted_at IS NULL "
                     "ORDER BY delivered_on",
                     id, error))
        return FALSE;

      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  return TRUE;
}

/* The linked (never the anonymous) survey responses, with their answers. */
static gboolean
add_surveys (SilaStore    *self,
             JsonBuilder  *builder,
             const char   *beneficiary_id,
             GError      **error)
{
  g_autoptr(GPtrArray) ids = NULL;

  ids = select_ids (self,
                    "SELECT id FROM survey_responses WHERE beneficiary_id = ?1 "
                    "AND anonymous = 0 ORDER BY answered_on",
                    beneficiary_id, error);
  if (ids == NULL)
    return FALSE;

  json_builder_set_member_name (builder, "surveys");
  json_builder_begin_array (builder);
  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);

      if (!begin_row_object (self, builder,
                             "SELECT r.answered_on, r.channel, r.mode, t.code AS template "
                             "FROM survey_responses r "
                             "JOIN survey_templates t ON t.id = r.template_id WHERE r.id = ?1",
                             id, 0, error))
        return FALSE;
      if (!add_rows (self, builder, "answers",
                     "SELECT q.code AS question, a.value, a.choice, a.text "
                     "FROM survey_answers a JOIN survey_questions q ON q.id = a.question_id "
                     "WHERE a.response_id = ?1 ORDER BY q.position",
                     id, error))
        return FALSE;
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  return TRUE;
}

/* Everything the association holds about the beneficiary of file
 * @file_number, for them to see (PDPL, the right of access): the file
 * itself with household and incomes, requests with their documents and
 * steps, contacts, outreach items taken off the daily list and why, the
 * surveys they answered under their name, and who saw or changed the file
 * and when. Audited as an export. */
JsonNode *
sila_store_collect_person_data (SilaStore        *self,
                                const SilaActor  *actor,
                                gint64            file_number,
                                GError          **error)
{
  g_autoptr(SilaBeneficiary) file = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *file_json = NULL;
  g_autofree char *now = NULL;
  g_autofree char *association = NULL;
  g_autofree char *summary = NULL;

  g_return_val_if_fail (SILA_IS_STORE (self), NULL);

  if (!sila_store_require (self, actor, SILA_PERM_PERSONAL_DATA_EXPORT, error))
    return NULL;

  file = sila_store_read_beneficiary (self, "file_number = ?1", NULL, file_number, error);
  if (file == NULL)
    return NULL;

  file_json = sila_beneficiary_to_json (file);
  if (!json_parser_load_from_data (parser, file_json, -1, error))
    return NULL;

  now = sila_clock_timestamp ();
  association = sila_store_get_setting (self, SILA_SETTING_ASSOCIATION_NAME, "");

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "generated_at");
  json_builder_add_string_value (builder, now);
  json_builder_set_member_name (builder, "association");
  json_builder_add_string_value (builder, association);
  json_builder_set_member_name (builder, "confidentiality");
  json_builder_add_string_value (builder, _("Confidential: personal data, for the person it "
                                            "concerns."));
  json_builder_set_member_name (builder, "file_number");
  json_builder_add_int_value (builder, file->file_number);
  json_builder_set_member_name (builder, "file");
  json_builder_add_value (builder, json_node_copy (json_parser_get_root (parser)));

  if (!add_requests (self, builder, file->id, error) ||
      !add_rows (self, builder, "contacts",
                 "SELECT channel, direction, kind, status, question, answer, asked_at, "
                 "answered_at, handled_by, outcome FROM contacts "
                 "WHERE beneficiary_id = ?1 AND deleted_at IS NULL ORDER BY asked_at",
                 file->id, error) ||
      !add_rows (self, builder, "outreach_dismissals",
                 "SELECT reason, (SELECT number FROM requests q WHERE q.id = request_id) "
                 "AS request, since_on, why, dismissed_at, dismissed_by "
                 "FROM outreach_dismissals WHERE beneficiary_id = ?1 AND deleted_at IS NULL "
                 "ORDER BY dismissed_at",
                 file->id, error) ||
      !add_surveys (self, builder, file->id, error) ||
      !add_rows (self, builder, "history",
                 "SELECT at, actor_name AS by, (SELECT display_name FROM staff s "
                 "WHERE s.username = audit_log.actor_name) AS by_name, action "
                 "FROM audit_log WHERE entity = 'beneficiary' AND entity_id = ?1 ORDER BY seq",
                 file->id, error))
    return NULL;

  json_builder_end_object (builder);

  summary = g_strdup_printf ("file %" G_GINT64_FORMAT, file->file_number);
  if (!sila_store_record_access (self, actor, SILA_PERM_PERSONAL_DATA_EXPORT, SILA_AUDIT_EXPORT,
                                 SILA_AUDIT_ENTITY_BENEFICIARY, file->id, summary, error))
    return NULL;

  return json_builder_get_root (builder);
}

/* Retention */

/* The files closed for longer than the office's retention period and not
 * anonymized yet, by file number. */
GArray *
sila_store_list_expired_files (SilaStore        *self,
                               const SilaActor  *actor,
                               GError          **error)
{
  g_autoptr(SilaStatement) stmt = NULL;
  g_autoptr(GArray) numbers = NULL;
  g_autofree char *today = NULL;
  g_autofree char *cutoff = NULL;
  int years;
  SilaStep step;
  GDate date;

  g_return_val_if_fail (SILA_IS_STORE (self), NULL);

  if (!sila_store_require (self, actor, SILA_PERM_RETENTION, error))
    return NULL;

  years = sila_store_get_setting_int (self, SILA_SETTING_RETENTION_YEARS, SILA_RETENTION_DEFAULT);
  sila_clock_today (&date);
  g_date_subtract_years (&date, MAX (years, 1));
  cutoff = sila_date_to_iso (&date);

  stmt = sila_store_prepare (self,
                             "SELECT file_number FROM beneficiaries WHERE status = 'closed' "
                             "AND closed_at IS NOT NULL AND substr (closed_at, 1, 10) < ?1 "
                             "AND anonymized_at IS NULL AND deleted_at IS NULL "
                             "ORDER BY file_number",
                             error);
  if (stmt == NULL)
    return NULL;
  sila_bind_text (stmt, 1, cutoff);

  numbers = g_array_new (FALSE, FALSE, sizeof (gint64));
  while ((step = sila_store_step (self, stmt, error)) == SILA_STEP_ROW)
    {
      gint64 n = sila_column_int64 (stmt, 0);
      g_array_append_val (numbers, n);
    }
  if (step == SILA_STEP_ERROR)
    return NULL;

  return g_steal_pointer (&numbers);
}

static gboolean
run (SilaStore   *self,
     const char  *sql,
     const char  *key,
     GError     **error)
{
  g_autoptr(SilaStatement) stmt = sila_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sila_bind_text (stmt, 1, key);
  return sila_store_step (self, stmt, error) == SILA_STEP_DONE;
}

/* What identifies the person goes: names, ID numbers, phones, address,
 * notes, free text of requests, contacts and outreach dismissals, scanned
 * documents, drafts and the personal parts of the audit trail. What the
 * reports count stays: gender, birth year, nationality, segment, district,
 * household size, incomes, housing, every request's type, channel, steps,
 * dates, decisions and amounts, and survey answers. */
static gboolean
anonymize_one (SilaStore        *self,
               const SilaActor  *actor,
               gint64            file_number,
               const char       *now,
               GPtrArray        *ids,
               GError          **error)
{
  g_autoptr(SilaBeneficiary) before = NULL;
  g_autoptr(SilaBeneficiary) after = NULL;
  g_autoptr(SilaStatement) stmt = NULL;
  g_autofree char *summary = NULL;
  const char *id;

  before = sila_store_read_beneficiary (self, "file_number = ?1", NULL, file_number, error);
  if (before == NULL)
    return FALSE;
  id = before->id;
  g_ptr_array_add (ids, g_strdup (id));

  /* The search index gives back its old tokens before the names go. */
  after = sila_beneficiary_copy (before);
  for (guint i = 0; i < SILA_N_NAME_PARTS; i++)
    {
      g_free (after->name[i]);
      after->name[i] = g_strdup ("");
    }
  after->id_type = SILA_ID_TYPE_NONE;
  g_clear_pointer (&after->id_number, g_free);
  g_clear_pointer (&after->mobile, g_free);
  g_strfreev (after->alt_phones);
  after->alt_phones = g_new0 (char *, 1);
  if (!sila_store_index_beneficiary (self, after, before, error))
    return FALSE;

  stmt = sila_store_prepare (self,
                             "UPDATE beneficiaries SET id_type = 'none', id_number = NULL, id_none_reason = NULL, "
                             "first_name = '', father_name = '', grandfather_name = '', "
                             "family_name = '', name_folded = '', name_key = '', "
                             "birth_date = CASE WHEN birth_date IS NULL THEN NULL "
                             "  ELSE substr (birth_date, 1, 4) || '-07-01' END, "
                             "mobile = NULL, alt_phones = NULL, address = NULL, "
                             "health_notes = NULL, notes = NULL, anonymized_at = ?2, "
                             "updated_at = ?2, updated_by = ?3, rev = rev + 1 WHERE id = ?1",
                             error);
  if (stmt == NULL)
    return FALSE;
  sila_bind_text (stmt, 1, id);
  sila_bind_text (stmt, 2, now);
  sila_bind_text (stmt, 3, actor->username);
  if (sila_store_step (self, stmt, error) != SILA_STEP_DONE)
    return FALSE;
  g_clear_pointer (&stmt, sila_statement_release);

  if (!run (self,
            "UPDATE household_members SET name = '', id_type = 'none', id_number = NULL, "
            "health = NULL, "
            "birth_date = CASE WHEN birth_date IS NULL THEN NULL "
            "  ELSE substr (birth_date, 1, 4) || '-07-01' END "
            "WHERE beneficiary_id = ?1", id, error) ||
      !run (self,
            "UPDATE requests SET description = NULL, signature = NULL WHERE beneficiary_id = ?1",
            id, error) ||
      !run (self,
            "DELETE FROM request_document_files WHERE document_id IN (SELECT d.id "
            "FROM request_documents d JOIN requests r ON r.id = d.request_id "
            "WHERE r.beneficiary_id = ?1)", id, error) ||
      !run (self,
            "UPDATE request_documents SET file_name = NULL, note = NULL WHERE request_id IN "
            "(SELECT id FROM requests WHERE beneficiary_id = ?1)", id, error) ||
      !run (self,
            "UPDATE request_events SET reason = NULL, note = NULL WHERE request_id IN "
            "(SELECT id FROM requests WHERE beneficiary_id = ?1)", id, error) ||
      !run (self,
            "UPDATE research_reports SET findings = '', recommendation = '' WHERE request_id IN "
            "(SELECT id FROM requests WHERE beneficiary_id = ?1)", id, error) ||
      !run (self,
            "UPDATE committee_decisions SET reason = NULL, members = NULL WHERE request_id IN "
            "(SELECT id FROM requests WHERE beneficiary_id = ?1)", id, error) ||
      !run (self,
            "UPDATE deliveries SET description = NULL WHERE request_id IN "
            "(SELECT id FROM requests WHERE beneficiary_id = ?1)", id, error) ||
      !run (self,
            "UPDATE contacts SET caller = NULL, question = '', answer = NULL "
            "WHERE beneficiary_id = ?1", id, error) ||
      !run (self,
            "UPDATE outreach_dismissals SET why = '' WHERE beneficiary_id = ?1", id, error) ||
      !run (self,
            "UPDATE feedback_items SET description = '', submitter = NULL, answer = NULL "
            "WHERE beneficiary_id = ?1", id, error) ||
      !run (self, "DELETE FROM drafts WHERE entity_id = ?1", id, error) ||
      !run (self,
            "UPDATE audit_log SET before_json = CASE WHEN before_json IS NULL THEN NULL "
            "  ELSE '" SILA_AUDIT_REDACTED "' END, "
            "after_json = CASE WHEN after_json IS NULL THEN NULL "
            "  ELSE '" SILA_AUDIT_REDACTED "' END, summary = NULL "
            "WHERE (entity = 'beneficiary' AND entity_id = ?1) "
            "OR (entity = 'request' AND entity_id IN "
            "  (SELECT id FROM requests WHERE beneficiary_id = ?1)) "
            "OR (entity = 'contact' AND entity_id IN "
            "  (SELECT id FROM contacts WHERE beneficiary_id = ?1)) "
            "OR (entity = 'outreach' AND entity_id IN "
            "  (SELECT id FROM outreach_dismissals WHERE beneficiary_id = ?1))",
            id, error))
    return FALSE;

  summary = g_strdup_printf ("file %" G_GINT64_FORMAT, file_number);
  return sila_store_audit (self, actor, SILA_AUDIT_ANONYMIZE, SILA_AUDIT_ENTITY_BENEFICIARY, id,
                           summary, NULL, NULL, error);
}

/* Anonymizes the files @file_numbers (from sila_store_list_expired_files())
 * in one transaction: all of them or, on any error, none. */
gboolean
sila_store_anonymize_files (SilaStore        *self,
                            const SilaActor  *actor,
                            GArray           *file_numbers,
                            GError          **error)
{
  g_autoptr(SilaTransaction) tx = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *now = NULL;

  g_return_val_if_fail (SILA_IS_STORE (self), FALSE);
  g_return_val_if_fail (file_numbers != NULL, FALSE);

  if (!sila_store_require (self, actor, SILA_PERM_RETENTION, error))
    return FALSE;

  tx = sila_transaction_begin (self, error);
  if (tx == NULL)
    return FALSE;

  now = sila_clock_timestamp ();
  for (guint i = 0; i < file_numbers->len; i++)
    if (!anonymize_one (self, actor, g_array_index (file_numbers, gint64, i), now, ids, error))
      return FALSE;

  if (!sila_transaction_commit (tx, error))
    return FALSE;
  /* On a server, this desk's drafts of these files are in its own file
   * (other desks' files are out of reach: theirs go when they are saved
   * or discarded). */
  for (guint i = 0; i < ids->len; i++)
    sila_store_drop_entity_drafts_after_save (self, g_ptr_array_index (ids, i));
  return TRUE;
}
