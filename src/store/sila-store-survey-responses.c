/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Survey responses: taking one (by an officer or at the kiosk), finding
 * those linked to a file, a request or a contact, and importing a batch of
 * anonymous ones from a file. */
#define G_LOG_DOMAIN "sila-store"

#include "sila-config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "sila-clock.h"
#include "sila-date.h"
#include "sila-store-surveys-private.h"

/* The template still takes answers, and the questions the response was
 * filled in against are still its questions. */
static gboolean
check_template_live (SilaStore                 *self,
                     const SilaSurveyTemplate  *tpl,
                     GError                   **error)
{
  g_autoptr(SilaStatement) stmt = NULL;
  gint64 live = 0;

  if (tpl->id == NULL)
    {
      g_set_error_literal (error, SILA_STORE_ERROR, SILA_STORE_ERROR_INVALID,
                           _("This survey template is not in the database."));
      return FALSE;
    }

  stmt = sila_store_prepare (self,
                             "SELECT t.retired_at, t.deleted_at, "
                             "(SELECT count(*) FROM survey_questions AS q "
                             " WHERE q.template_id = t.id AND q.deleted_at IS NULL) "
                             "FROM survey_templates AS t WHERE t.id = ?1",
                             error);
  if (stmt == NULL)
    return FALSE;

  sila_bind_text (stmt, 1, tpl->id);
  switch (sila_store_step (self, stmt, error))
    {
    case SILA_STEP_ROW:
      break;
    case SILA_STEP_DONE:
      g_set_error_literal (error, SILA_STORE_ERROR, SILA_STORE_ERROR_NOT_FOUND,
                           _("This survey template is not in the database."));
      return FALSE;
    case SILA_STEP_ERROR:
    default:
      return FALSE;
    }

  if (!sila_column_is_null (stmt, 0) || !sila_column_is_null (stmt, 1))
    {
      g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_INVALID,
                   _("The survey template “%s” is retired: it takes no new responses."),
                   tpl->code);
      return FALSE;
    }
  live = sila_column_int64 (stmt, 2);
  g_clear_pointer (&stmt, sila_statement_release);

  for (guint i = 0; i < tpl->questions->len; i++)
    {
      const SilaSurveyQuestion *q = g_ptr_array_index (tpl->questions, i);

      stmt = sila_store_prepare (self,
                                 "SELECT 1 FROM survey_questions WHERE id = ?1 AND "
                                 "template_id = ?2 AND code = ?3 AND deleted_at IS NULL",
                                 error);
      if (stmt == NULL)
        return FALSE;
      sila_bind_text (stmt, 1, q->id);
      sila_bind_text (stmt, 2, tpl->id);
      sila_bind_text (stmt, 3, q->code);
      switch (sila_store_step (self, stmt, error))
        {
        case SILA_STEP_ROW:
          break;
        case SILA_STEP_DONE:
          live = -1;
          break;
        case SILA_STEP_ERROR:
        default:
          return FALSE;
        }
      g_clear_pointer (&stmt, sila_statement_release);
    }

  if (live != (gint64)tpl->questions->len)
    {
      g_set_error_literal (error, SILA_STORE_ERROR, SILA_STORE_ERROR_CONFLICT,
                           _("The survey was changed while it was being answered. Nothing was "
                             "saved; open it again."));
      return FALSE;
    }

  return TRUE;
}

static char *
response_json (const SilaSurveyResponse *r,
               const char               *answered_on)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "template");
  json_builder_add_string_value (builder, r->tpl->code);
  json_builder_set_member_name (builder, "answered_on");
  json_builder_add_string_value (builder, answered_on);
  json_builder_set_member_name (builder, "mode");
  json_builder_add_string_value (builder, sila_survey_mode_to_code (r->mode));
  json_builder_set_member_name (builder, "channel");
  json_builder_add_string_value (builder, r->channel);
  json_builder_set_member_name (builder, "beneficiary_id");
  json_builder_add_string_value (builder, r->beneficiary_id);
  json_builder_set_member_name (builder, "request_id");
  json_builder_add_string_value (builder, r->request_id);
  json_builder_set_member_name (builder, "contact_id");
  json_builder_add_string_value (builder, r->contact_id);
  json_builder_set_member_name (builder, "answered");
  json_builder_add_int_value (builder, sila_survey_response_count_answered (r));
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);

  return json_to_string (root, FALSE);
}

/* Writes one response and its answers, inside the caller's transaction. */
static gboolean
insert_response (SilaStore                 *self,
                 const SilaActor           *actor,
                 const SilaSurveyResponse  *r,
                 char                     **id_out,
                 GError                   **error)
{
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *day = sila_date_to_iso (&r->answered_on);
  g_autofree char *stamp = NULL;

  /* An anonymous response is dated to the day only: a time could be
   * matched with the officer's other work or with who stood at the kiosk. */
  if (r->anonymous)
    stamp = g_strconcat (day, "T00:00:00.000Z", NULL);
  else
    stamp = sila_clock_timestamp ();

  {
    g_autoptr(SilaStatement) stmt = NULL;

    stmt = sila_store_prepare (self,
                               "INSERT INTO survey_responses (id, template_id, answered_on, "
                               "channel, mode, anonymous, request_type, beneficiary_id, "
                               "request_id, contact_id, taken_by, created_at, updated_at, "
                               "device_id) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12, "
                               "?13)",
                               error);
    if (stmt == NULL)
      return FALSE;

    sila_bind_text (stmt, 1, id);
    sila_bind_text (stmt, 2, r->tpl->id);
    sila_bind_text (stmt, 3, day);
    sila_bind_text (stmt, 4, r->channel);
    sila_bind_text (stmt, 5, sila_survey_mode_to_code (r->mode));
    sila_bind_int (stmt, 6, r->anonymous ? 1 : 0);
    sila_bind_text (stmt, 7, r->request_type);
    sila_bind_text (stmt, 8, r->anonymous ? NULL : r->beneficiary_id);
    sila_bind_text (stmt, 9, r->anonymous ? NULL : r->request_id);
    sila_bind_text (stmt, 10, r->anonymous ? NULL : r->contact_id);
    sila_bind_text (stmt, 11, r->anonymous ? NULL : actor->username);
    sila_bind_text (stmt, 12, stamp);
    sila_bind_text (stmt, 13, sila_store_get_device_id (self));
    if (sila_store_step (self, stmt, error) != SILA_STEP_DONE)
      return FALSE;
  }

  for (guint i = 0; i < r->tpl->questions->len; i++)
    {
      const SilaSurveyQuestion *q = g_ptr_array_index (r->tpl->questions, i);
      const SilaSurveyAnswer *a = &r->answers[i];
      g_autoptr(SilaStatement) stmt = NULL;

      if (!a->answered)
        continue;

      stmt = sila_store_prepare (self,
                                 "INSERT INTO survey_answers (response_id, question_id, "
                                 "answered_on, value, choice, text) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                                 error);
      if (stmt == NULL)
        return FALSE;

      sila_bind_text (stmt, 1, id);
      sila_bind_text (stmt, 2, q->id);
      sila_bind_text (stmt, 3, day);
      if (sila_question_kind_is_numeric (q->kind))
        sila_bind_int (stmt, 4, a->value);
      else
        sila_bind_null (stmt, 4);
      sila_bind_text (stmt, 5, q->kind == SILA_QUESTION_CHOICE ? a->choice : NULL);
      sila_bind_text (stmt, 6, q->kind == SILA_QUESTION_TEXT ? a->text : NULL);
      if (sila_store_step (self, stmt, error) != SILA_STEP_DONE)
        return FALSE;
    }

  if (!r->anonymous)
    {
      g_autofree char *after_json = response_json (r, day);

      if (!sila_store_audit (self, actor, "create", "survey_response", id, NULL, NULL,
                             after_json, error))
        return FALSE;
    }

  if (id_out != NULL)
    *id_out = g_steal_pointer (&id);

  return TRUE;
}

static gboolean
check_response (const SilaSurveyResponse  *r,
                GError                   **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!sila_survey_response_check (r, r->mode == SILA_SURVEY_MODE_OFFICER ||
                                     r->mode == SILA_SURVEY_MODE_KIOSK,
                                   NULL, &local_error))
    {
      g_set_error_literal (error, SILA_STORE_ERROR, SILA_STORE_ERROR_INVALID,
                           local_error->message);
      return FALSE;
    }

  return TRUE;
}

gboolean
sila_store_add_survey_response (SilaStore                 *self,
                                const SilaActor           *actor,
                                const SilaSurveyResponse  *response,
                                char                     **id,
                                GError                   **error)
{
  g_autoptr(SilaTransaction) tx = NULL;

  g_return_val_if_fail (SILA_IS_STORE (self), FALSE);
  g_return_val_if_fail (response != NULL, FALSE);

  if (!sila_store_require (self, actor, SILA_PERM_SURVEY_TAKE, error) ||
      !check_response (response, error))
    return FALSE;

  tx = sila_transaction_begin (self, error);
  if (tx == NULL ||
      !check_template_live (self, response->tpl, error) ||
      !insert_response (self, actor, response, id, error))
    return FALSE;

  return sila_transaction_commit (tx, error);
}

GPtrArray *
sila_store_find_survey_responses (SilaStore        *self,
                                  const SilaActor  *actor,
                                  SilaSurveyLink    link,
                                  const char       *id,
                                  GError          **error)
{
  static const char *queries[] = {
    [SILA_SURVEY_LINK_BENEFICIARY] =
      "SELECT r.id, r.answered_on, t.code FROM survey_responses AS r "
      "JOIN survey_templates AS t ON t.id = r.template_id "
      "WHERE r.beneficiary_id = ?1 AND r.anonymous = 0 ORDER BY r.created_at DESC",
    [SILA_SURVEY_LINK_REQUEST] =
      "SELECT r.id, r.answered_on, t.code FROM survey_responses AS r "
      "JOIN survey_templates AS t ON t.id = r.template_id "
      "WHERE r.request_id = ?1 AND r.anonymous = 0 ORDER BY r.created_at DESC",
    [SILA_SURVEY_LINK_CONTACT] =
      "SELECT r.id, r.answered_on, t.code FROM survey_responses AS r "
      "JOIN survey_templates AS t ON t.id = r.template_id "
      "WHERE r.contact_id = ?1 AND r.anonymous = 0 ORDER BY r.created_at DESC",
  };
  g_autoptr(SilaStatement) stmt = NULL;
  g_autoptr(GPtrArray) list = NULL;
  SilaStep step;

  g_return_val_if_fail (SILA_IS_STORE (self), NULL);
  g_return_val_if_fail (link <= SILA_SURVEY_LINK_CONTACT, NULL);

  if (!sila_store_require_any_survey (self, actor, error))
    return NULL;

  stmt = sila_store_prepare (self, queries[link], error);
  if (stmt == NULL)
    return NULL;

  sila_bind_text (stmt, 1, id);
  list = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  while ((step = sila_store_step (self, stmt, error)) == SILA_STEP_ROW)
    {
      char **row = g_new0 (char *, 4);

      row[0] = sila_column_dup (stmt, 0);
      row[1] = sila_column_dup (stmt, 1);
      row[2] = sila_column_dup (stmt, 2);
      g_ptr_array_add (list, row);
    }

  return step == SILA_STEP_DONE ? g_steal_pointer (&list) : NULL;
}

/* Imports */

gboolean
sila_store_find_survey_import (SilaStore   *self,
                               const char  *sha256,
                               char       **imported_at,
                               GError     **error)
{
  g_autoptr(SilaStatement) stmt = NULL;

  *imported_at = NULL;
  stmt = sila_store_prepare (self,
                             "SELECT created_at FROM survey_imports WHERE file_sha256 = ?1",
                             error);
  if (stmt == NULL)
    return FALSE;

  sila_bind_text (stmt, 1, sha256);
  return sila_store_step_text (self, stmt, imported_at, error);
}

gboolean
sila_store_import_survey_responses (SilaStore                 *self,
                                    const SilaActor           *actor,
                                    const SilaSurveyTemplate  *tpl,
                                    GPtrArray                 *responses,
                                    const char                *file_name,
                                    const char                *sha256,
                                    guint                      n_rejected,
                                    GError                   **error)
{
  return sila_store_import_survey_responses_full (self, actor, tpl, responses, file_name, sha256,
                                                  n_rejected, NULL, error);
}

gboolean
sila_store_import_survey_responses_full (SilaStore                 *self,
                                         const SilaActor           *actor,
                                         const SilaSurveyTemplate  *tpl,
                                         GPtrArray                 *responses,
                                         const char                *file_name,
                                         const char                *sha256,
                                         guint                      n_rejected,
                                         const SilaImportOptions   *options,
                                         GError                   **error)
{
  SilaImportTicker ticker;
  g_autoptr(SilaTransaction) tx = NULL;
  g_autofree char *batch_id = g_uuid_string_random ();
  g_autofree char *now = sila_clock_timestamp ();
  g_autofree char *previous = NULL;

  g_return_val_if_fail (SILA_IS_STORE (self), FALSE);
  g_return_val_if_fail (tpl != NULL && responses != NULL && sha256 != NULL, FALSE);

  if (!sila_store_require (self, actor, SILA_PERM_SURVEY_IMPORT, error))
    return FALSE;

  for (guint i = 0; i < responses->len; i++)
    {
      const SilaSurveyResponse *r = g_ptr_array_index (responses, i);

      if (!r->anonymous)
        {
          g_set_error_literal (error, SILA_STORE_ERROR, SILA_STORE_ERROR_INVALID,
                               _("Imported responses are anonymous."));
          return FALSE;
        }
      if (!check_response (r, error))
        return FALSE;
    }

  tx = sila_transaction_begin (self, error);
  if (tx == NULL || !check_template_live (self, tpl, error) ||
      !sila_store_find_survey_import (self, sha256, &previous, error))
    return FALSE;

  if (previous != NULL)
    {
      g_autofree char *day = g_strndup (previous, 10);
      GDate date;
      g_autofree char *when = sila_date_from_iso (day, &date)
                                ? sila_date_format (&date, SILA_CALENDAR_GREGORIAN)
                                : g_strdup (previous);

      g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DUPLICATE,
                   _("This file was imported already, on %s. Nothing was imported again."),
                   when);
      return FALSE;
    }

  sila_import_ticker_init (&ticker, options, NULL, responses->len);
  for (guint i = 0; i < responses->len; i++)
    /* Stopped: returning before the commit rolls every response back. */
    if (!insert_response (self, actor, g_ptr_array_index (responses, i), NULL, error) ||
        !sila_import_ticker_tick (&ticker, error))
      return FALSE;
  sila_import_ticker_finish (&ticker);

  {
    g_autoptr(SilaStatement) stmt = NULL;

    stmt = sila_store_prepare (self,
                               "INSERT INTO survey_imports (id, file_sha256, file_name, "
                               "template_id, imported, rejected, created_by, created_at, "
                               "updated_at, device_id) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, ?9)",
                               error);
    if (stmt == NULL)
      return FALSE;

    sila_bind_text (stmt, 1, batch_id);
    sila_bind_text (stmt, 2, sha256);
    sila_bind_text (stmt, 3, file_name);
    sila_bind_text (stmt, 4, tpl->id);
    sila_bind_int64 (stmt, 5, responses->len);
    sila_bind_int64 (stmt, 6, n_rejected);
    sila_bind_text (stmt, 7, actor->username);
    sila_bind_text (stmt, 8, now);
    sila_bind_text (stmt, 9, sila_store_get_device_id (self));
    if (sila_store_step (self, stmt, error) != SILA_STEP_DONE)
      return FALSE;
  }

  {
    g_autofree char *summary = g_strdup_printf ("%u imported, %u rejected", responses->len,
                                                n_rejected);

    if (!sila_store_audit (self, actor, "import", "survey_import", batch_id, summary, NULL,
                           NULL, error))
      return FALSE;
  }

  if (!sila_import_check_stopped (options, error))
    return FALSE;
  return sila_transaction_commit (tx, error);
}
