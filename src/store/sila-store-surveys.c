/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Surveys in the database. See the schema step "surveys and feedback" for
 * how anonymity is kept by the tables themselves. */
#define G_LOG_DOMAIN "sila-store"

#include "sila-config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <sodium.h>
#include <string.h>

#include "sila-clock.h"
#include "sila-date.h"
#include "sila-store-private.h"
#include "sila-store-surveys.h"
#include "sila-text.h"
#include "sila-validation.h"

#define KIOSK_PIN_KEY "kiosk_pin_hash"

/* Reading templates: anyone who works with surveys. */
static gboolean
require_any_survey (SilaStore        *self,
                    const SilaActor  *actor,
                    GError          **error)
{
  if (actor != NULL &&
      (sila_actor_can (actor, SILA_PERM_SURVEY_TAKE) ||
       sila_actor_can (actor, SILA_PERM_SURVEY_IMPORT) ||
       sila_actor_can (actor, SILA_PERM_SURVEY_RESULTS) ||
       sila_actor_can (actor, SILA_PERM_SURVEY_TEMPLATES)))
    return TRUE;

  return sila_store_require (self, actor, SILA_PERM_SURVEY_TAKE, error);
}

/* Choices are kept as JSON: [{"code": …, "ar": …, "en": …}, …]. */
static char *
choices_to_json (const SilaSurveyQuestion *q)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) root = NULL;

  if (q->kind != SILA_QUESTION_CHOICE || q->choices->len == 0)
    return NULL;

  builder = json_builder_new ();
  json_builder_begin_array (builder);
  for (guint i = 0; i < q->choices->len; i++)
    {
      const SilaSurveyChoice *c = g_ptr_array_index (q->choices, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "code");
      json_builder_add_string_value (builder, c->code);
      json_builder_set_member_name (builder, "ar");
      json_builder_add_string_value (builder, c->text_ar);
      json_builder_set_member_name (builder, "en");
      json_builder_add_string_value (builder, c->text_en);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);

  return json_to_string (root, FALSE);
}

static void
choices_from_json (SilaSurveyQuestion *q,
                   const char         *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *array;

  if (json == NULL || !json_parser_load_from_data (parser, json, -1, NULL))
    return;
  if (!JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)))
    return;

  array = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *o = json_array_get_object_element (array, i);

      if (o == NULL)
        continue;
      g_ptr_array_add (q->choices,
                       sila_survey_choice_new (
                         json_object_get_string_member_with_default (o, "code", ""),
                         json_object_get_string_member_with_default (o, "ar", ""),
                         json_object_get_string_member_with_default (o, "en", "")));
    }
}

static gboolean
load_questions (SilaStore           *self,
                SilaSurveyTemplate  *tpl,
                GError             **error)
{
  g_autoptr(SilaStatement) stmt = NULL;
  SilaStep step;

  stmt = sila_store_prepare (self,
                             "SELECT id, code, kind, text_ar, text_en, required, choices "
                             "FROM survey_questions WHERE template_id = ?1 AND deleted_at IS NULL "
                             "ORDER BY position",
                             error);
  if (stmt == NULL)
    return FALSE;

  sila_bind_text (stmt, 1, tpl->id);
  while ((step = sila_store_step (self, stmt, error)) == SILA_STEP_ROW)
    {
      SilaQuestionKind kind = SILA_QUESTION_TEXT;
      SilaSurveyQuestion *q;

      sila_question_kind_from_code ((const char *)sqlite3_column_text (stmt, 2), &kind);
      q = sila_survey_question_new ((const char *)sqlite3_column_text (stmt, 1), kind,
                                    (const char *)sqlite3_column_text (stmt, 3),
                                    (const char *)sqlite3_column_text (stmt, 4),
                                    sqlite3_column_int (stmt, 5) != 0);
      q->id = sila_column_dup (stmt, 0);
      choices_from_json (q, (const char *)sqlite3_column_text (stmt, 6));
      g_ptr_array_add (tpl->questions, q);
    }

  return step == SILA_STEP_DONE;
}

static gboolean
count_template_responses (SilaStore   *self,
                          const char  *template_id,
                          gint64      *count,
                          GError     **error)
{
  g_autoptr(SilaStatement) stmt = NULL;

  stmt = sila_store_prepare (self,
                             "SELECT count(*) FROM survey_responses WHERE template_id = ?1",
                             error);
  if (stmt == NULL)
    return FALSE;

  sila_bind_text (stmt, 1, template_id);
  if (sila_store_step (self, stmt, error) != SILA_STEP_ROW)
    return FALSE;

  *count = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

static SilaSurveyTemplate *
template_from_row (SilaStatement *stmt)
{
  SilaSurveyTemplate *tpl;

  tpl = sila_survey_template_new ((const char *)sqlite3_column_text (stmt, 1),
                                  (const char *)sqlite3_column_text (stmt, 2),
                                  (const char *)sqlite3_column_text (stmt, 3));
  tpl->id = sila_column_dup (stmt, 0);
  tpl->is_default = sqlite3_column_int (stmt, 4) != 0;
  tpl->retired_at = sila_column_dup (stmt, 5);
  tpl->rev = sqlite3_column_int64 (stmt, 6);

  return tpl;
}

#define TEMPLATE_COLUMNS "id, code, name_ar, name_en, is_default, retired_at, rev"

static gboolean
complete_template (SilaStore           *self,
                   SilaSurveyTemplate  *tpl,
                   GError             **error)
{
  return load_questions (self, tpl, error) &&
         count_template_responses (self, tpl->id, &tpl->n_responses, error);
}

GPtrArray *
sila_store_list_survey_templates (SilaStore        *self,
                                  const SilaActor  *actor,
                                  gboolean          include_retired,
                                  GError          **error)
{
  g_autoptr(GPtrArray) list = NULL;
  SilaStep step;

  g_return_val_if_fail (SILA_IS_STORE (self), NULL);

  if (!require_any_survey (self, actor, error))
    return NULL;

  list = g_ptr_array_new_with_free_func ((GDestroyNotify)sila_survey_template_free);

  {
    g_autoptr(SilaStatement) stmt = NULL;

    stmt = sila_store_prepare (self,
                               "SELECT " TEMPLATE_COLUMNS " FROM survey_templates "
                               "WHERE deleted_at IS NULL AND (?1 OR retired_at IS NULL) "
                               "ORDER BY is_default DESC, retired_at IS NOT NULL, name_ar",
                               error);
    if (stmt == NULL)
      return NULL;

    sqlite3_bind_int (stmt, 1, include_retired ? 1 : 0);
    while ((step = sila_store_step (self, stmt, error)) == SILA_STEP_ROW)
      g_ptr_array_add (list, template_from_row (stmt));
    if (step == SILA_STEP_ERROR)
      return NULL;
  }

  for (guint i = 0; i < list->len; i++)
    if (!complete_template (self, g_ptr_array_index (list, i), error))
      return NULL;

  return g_steal_pointer (&list);
}

static SilaSurveyTemplate *
get_template (SilaStore   *self,
              const char  *code_or_id,
              gboolean     default_one,
              GError     **error)
{
  g_autoptr(SilaSurveyTemplate) tpl = NULL;

  {
    g_autoptr(SilaStatement) stmt = NULL;
    g_autofree char *code = code_or_id != NULL ? g_ascii_strdown (code_or_id, -1) : NULL;

    stmt = sila_store_prepare (self,
                               "SELECT " TEMPLATE_COLUMNS " FROM survey_templates "
                               "WHERE deleted_at IS NULL AND "
                               "(CASE WHEN ?3 THEN is_default = 1 ELSE (id = ?1 OR code = ?2) END)",
                               error);
    if (stmt == NULL)
      return NULL;

    sila_bind_text (stmt, 1, code_or_id);
    sila_bind_text (stmt, 2, code);
    sqlite3_bind_int (stmt, 3, default_one ? 1 : 0);
    switch (sila_store_step (self, stmt, error))
      {
      case SILA_STEP_ROW:
        tpl = template_from_row (stmt);
        break;
      case SILA_STEP_DONE:
        if (default_one)
          g_set_error_literal (error, SILA_STORE_ERROR, SILA_STORE_ERROR_NOT_FOUND,
                               _("There is no default survey template."));
        else
          g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_NOT_FOUND,
                       _("There is no survey template “%s”."), code_or_id);
        return NULL;
      case SILA_STEP_ERROR:
      default:
        return NULL;
      }
  }

  if (!complete_template (self, tpl, error))
    return NULL;

  return g_steal_pointer (&tpl);
}

SilaSurveyTemplate *
sila_store_get_survey_template (SilaStore        *self,
                                const SilaActor  *actor,
                                const char       *code_or_id,
                                GError          **error)
{
  g_return_val_if_fail (SILA_IS_STORE (self), NULL);
  g_return_val_if_fail (code_or_id != NULL, NULL);

  if (!require_any_survey (self, actor, error))
    return NULL;

  return get_template (self, code_or_id, FALSE, error);
}

SilaSurveyTemplate *
sila_store_get_default_survey_template (SilaStore        *self,
                                        const SilaActor  *actor,
                                        GError          **error)
{
  g_return_val_if_fail (SILA_IS_STORE (self), NULL);

  if (!require_any_survey (self, actor, error))
    return NULL;

  return get_template (self, NULL, TRUE, error);
}

static char *
template_json (const SilaSurveyTemplate *tpl)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "code");
  json_builder_add_string_value (builder, tpl->code);
  json_builder_set_member_name (builder, "name_ar");
  json_builder_add_string_value (builder, tpl->name_ar);
  json_builder_set_member_name (builder, "name_en");
  json_builder_add_string_value (builder, tpl->name_en);
  json_builder_set_member_name (builder, "questions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < tpl->questions->len; i++)
    {
      const SilaSurveyQuestion *q = g_ptr_array_index (tpl->questions, i);
      g_autofree char *line = g_strdup_printf ("%s:%s%s", q->code,
                                               sila_question_kind_to_code (q->kind),
                                               q->required ? ":required" : "");

      json_builder_add_string_value (builder, line);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);

  return json_to_string (root, FALSE);
}

/* A question code keeps its kind in every template, so that results add
 * up across templates. */
static gboolean
check_code_kinds (SilaStore                 *self,
                  const SilaSurveyTemplate  *tpl,
                  SilaSurveyProblem         *problem,
                  GError                   **error)
{
  for (guint i = 0; i < tpl->questions->len; i++)
    {
      const SilaSurveyQuestion *q = g_ptr_array_index (tpl->questions, i);
      g_autoptr(SilaStatement) stmt = NULL;
      SilaQuestionKind other;

      stmt = sila_store_prepare (self,
                                 "SELECT q.kind, t.code FROM survey_questions AS q "
                                 "JOIN survey_templates AS t ON t.id = q.template_id "
                                 "WHERE q.code = ?1 AND q.kind != ?2 AND q.deleted_at IS NULL "
                                 "AND (?3 IS NULL OR q.template_id != ?3) LIMIT 1",
                                 error);
      if (stmt == NULL)
        return FALSE;

      sila_bind_text (stmt, 1, q->code);
      sila_bind_text (stmt, 2, sila_question_kind_to_code (q->kind));
      sila_bind_text (stmt, 3, tpl->id);
      switch (sila_store_step (self, stmt, error))
        {
        case SILA_STEP_DONE:
          continue;
        case SILA_STEP_ROW:
          if (!sila_question_kind_from_code ((const char *)sqlite3_column_text (stmt, 0), &other))
            other = SILA_QUESTION_TEXT;
          g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_INVALID,
                       _("The template “%s” asks “%s” as “%s”: a code keeps its kind of "
                         "answer in every template. Choose another code."),
                       (const char *)sqlite3_column_text (stmt, 1), q->code,
                       sila_question_kind_to_display (other));
          problem->field = SILA_SURVEY_FIELD_QUESTION_CODE;
          problem->question = i;
          return FALSE;
        case SILA_STEP_ERROR:
        default:
          return FALSE;
        }
    }

  return TRUE;
}

/* A template with answers keeps every question it had, with its code,
 * kind and choices: its answers must stay readable. */
static gboolean
check_used_template (const SilaSurveyTemplate  *stored,
                     const SilaSurveyTemplate  *tpl,
                     SilaSurveyProblem         *problem,
                     GError                   **error)
{
  for (guint i = 0; i < stored->questions->len; i++)
    {
      const SilaSurveyQuestion *old = g_ptr_array_index (stored->questions, i);
      const SilaSurveyQuestion *now = NULL;
      guint j;

      for (j = 0; j < tpl->questions->len && now == NULL; j++)
        {
          const SilaSurveyQuestion *q = g_ptr_array_index (tpl->questions, j);

          if (g_strcmp0 (q->id, old->id) == 0)
            now = q;
        }

      if (now == NULL)
        {
          g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_INVALID,
                       _("The question “%s” already has answers, so it cannot be removed. "
                         "Copy the template to make one without it."),
                       old->code);
          problem->field = SILA_SURVEY_FIELD_QUESTIONS;
          problem->question = -1;
          return FALSE;
        }
      j--;

      if (!g_str_equal (now->code, old->code) || now->kind != old->kind)
        {
          g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_INVALID,
                       _("The question “%s” already has answers: its code and kind of answer "
                         "stay as they are. Copy the template to change them."),
                       old->code);
          problem->field = !g_str_equal (now->code, old->code) ? SILA_SURVEY_FIELD_QUESTION_CODE
                                                                : SILA_SURVEY_FIELD_QUESTION_KIND;
          problem->question = j;
          return FALSE;
        }

      for (guint k = 0; k < old->choices->len; k++)
        {
          const SilaSurveyChoice *c = g_ptr_array_index (old->choices, k);

          if (sila_survey_question_find_choice (now, c->code) == NULL)
            {
              g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_INVALID,
                           _("The choice “%s” already has answers, so it cannot be removed."),
                           c->code);
              problem->field = SILA_SURVEY_FIELD_QUESTION_CHOICES;
              problem->question = j;
              return FALSE;
            }
        }
    }

  return TRUE;
}

static gboolean
write_question (SilaStore                *self,
                const char               *template_id,
                SilaSurveyQuestion       *q,
                int                       position,
                const char               *now,
                GError                  **error)
{
  g_autoptr(SilaStatement) stmt = NULL;
  g_autofree char *choices = choices_to_json (q);

  if (q->id == NULL)
    {
      q->id = g_uuid_string_random ();
      stmt = sila_store_prepare (self,
                                 "INSERT INTO survey_questions (id, template_id, position, code, "
                                 "kind, text_ar, text_en, required, choices, created_at, "
                                 "updated_at, device_id) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10, ?11)",
                                 error);
    }
  else
    stmt = sila_store_prepare (self,
                               "UPDATE survey_questions SET position = ?3, code = ?4, kind = ?5, "
                               "text_ar = ?6, text_en = ?7, required = ?8, choices = ?9, "
                               "updated_at = ?10, device_id = ?11, rev = rev + 1 "
                               "WHERE id = ?1 AND template_id = ?2",
                               error);
  if (stmt == NULL)
    return FALSE;

  sila_bind_text (stmt, 1, q->id);
  sila_bind_text (stmt, 2, template_id);
  sqlite3_bind_int (stmt, 3, position);
  sila_bind_text (stmt, 4, q->code);
  sila_bind_text (stmt, 5, sila_question_kind_to_code (q->kind));
  sila_bind_text (stmt, 6, q->text_ar);
  sila_bind_text (stmt, 7, q->text_en);
  sqlite3_bind_int (stmt, 8, q->required ? 1 : 0);
  sila_bind_text (stmt, 9, choices);
  sila_bind_text (stmt, 10, now);
  sila_bind_text (stmt, 11, sila_store_get_device_id (self));

  return sila_store_step (self, stmt, error) == SILA_STEP_DONE;
}

gboolean
sila_store_save_survey_template (SilaStore           *self,
                                 const SilaActor     *actor,
                                 SilaSurveyTemplate  *tpl,
                                 SilaSurveyProblem   *problem,
                                 GError             **error)
{
  g_autoptr(SilaTransaction) tx = NULL;
  g_autoptr(SilaSurveyTemplate) stored = NULL;
  g_autoptr(SilaSurveyTemplate) work = NULL;
  g_autofree char *now = sila_clock_timestamp ();
  g_autofree char *before_json = NULL;
  g_autofree char *after_json = NULL;
  SilaSurveyProblem dummy;
  gboolean creating;

  g_return_val_if_fail (SILA_IS_STORE (self), FALSE);
  g_return_val_if_fail (tpl != NULL, FALSE);

  if (problem == NULL)
    problem = &dummy;
  problem->field = SILA_SURVEY_FIELD_NONE;
  problem->question = -1;

  if (!sila_store_require (self, actor, SILA_PERM_SURVEY_TEMPLATES, error))
    return FALSE;

  /* Work on a copy: @tpl changes only once everything is saved. */
  work = sila_survey_template_copy (tpl);
  if (!sila_survey_template_check (work, problem, error))
    return FALSE;

  tx = sila_transaction_begin (self, error);
  if (tx == NULL)
    return FALSE;

  creating = work->id == NULL;
  if (!creating)
    {
      stored = get_template (self, work->id, FALSE, error);
      if (stored == NULL)
        return FALSE;
      if (stored->rev != work->rev)
        {
          g_set_error_literal (error, SILA_STORE_ERROR, SILA_STORE_ERROR_CONFLICT,
                               _("Someone else changed this template in the meantime. Nothing "
                                 "was saved; open it again to see their changes."));
          return FALSE;
        }
      if (stored->n_responses > 0 && !check_used_template (stored, work, problem, error))
        return FALSE;
      before_json = template_json (stored);
    }

  if (!check_code_kinds (self, work, problem, error))
    return FALSE;

  {
    g_autoptr(SilaStatement) stmt = NULL;
    g_autoptr(GError) local_error = NULL;

    if (creating)
      {
        work->id = g_uuid_string_random ();
        work->rev = 1;
        stmt = sila_store_prepare (self,
                                   "INSERT INTO survey_templates (id, code, name_ar, name_en, "
                                   "is_default, created_at, updated_at, device_id) "
                                   "VALUES (?1, ?2, ?3, ?4, 0, ?5, ?5, ?6)",
                                   &local_error);
      }
    else
      {
        work->rev++;
        stmt = sila_store_prepare (self,
                                   "UPDATE survey_templates SET code = ?2, name_ar = ?3, "
                                   "name_en = ?4, updated_at = ?5, device_id = ?6, rev = rev + 1 "
                                   "WHERE id = ?1",
                                   &local_error);
      }

    if (stmt != NULL)
      {
        sila_bind_text (stmt, 1, work->id);
        sila_bind_text (stmt, 2, work->code);
        sila_bind_text (stmt, 3, work->name_ar);
        sila_bind_text (stmt, 4, work->name_en);
        sila_bind_text (stmt, 5, now);
        sila_bind_text (stmt, 6, sila_store_get_device_id (self));
        sila_store_step (self, stmt, &local_error);
      }

    if (local_error != NULL)
      {
        if (g_error_matches (local_error, SILA_STORE_ERROR, SILA_STORE_ERROR_DUPLICATE))
          {
            g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DUPLICATE,
                         _("There is already a template with the code “%s”."), work->code);
            problem->field = SILA_SURVEY_FIELD_CODE;
          }
        else
          g_propagate_error (error, g_steal_pointer (&local_error));
        return FALSE;
      }
  }

  /* A template nobody has answered yet is rewritten whole: its old
   * questions are set aside (soft-deleted) and the new ones take their
   * place, whatever was renamed or reordered. */
  if (!creating && stored->n_responses == 0)
    {
      g_autoptr(SilaStatement) stmt = NULL;

      stmt = sila_store_prepare (self,
                                 "UPDATE survey_questions SET deleted_at = ?2, updated_at = ?2, "
                                 "rev = rev + 1 WHERE template_id = ?1 AND deleted_at IS NULL",
                                 error);
      if (stmt == NULL)
        return FALSE;
      sila_bind_text (stmt, 1, work->id);
      sila_bind_text (stmt, 2, now);
      if (sila_store_step (self, stmt, error) != SILA_STEP_DONE)
        return FALSE;

      for (guint i = 0; i < work->questions->len; i++)
        g_clear_pointer (&((SilaSurveyQuestion *)g_ptr_array_index (work->questions, i))->id,
                         g_free);
    }

  for (guint i = 0; i < work->questions->len; i++)
    if (!write_question (self, work->id, g_ptr_array_index (work->questions, i), i + 1, now,
                         error))
      {
        problem->question = i;
        return FALSE;
      }

  after_json = template_json (work);
  if (!sila_store_audit (self, actor, creating ? "create" : "update", "survey_template",
                         work->id, work->code, before_json, after_json, error))
    return FALSE;

  if (!sila_transaction_commit (tx, error))
    return FALSE;

  /* Hand the saved form back. */
  g_free (tpl->id);
  tpl->id = g_strdup (work->id);
  tpl->rev = work->rev;
  g_free (tpl->code);
  tpl->code = g_strdup (work->code);
  g_free (tpl->name_ar);
  tpl->name_ar = g_strdup (work->name_ar);
  g_free (tpl->name_en);
  tpl->name_en = g_strdup (work->name_en);
  g_ptr_array_set_size (tpl->questions, 0);
  for (guint i = 0; i < work->questions->len; i++)
    g_ptr_array_add (tpl->questions,
                     sila_survey_question_copy (g_ptr_array_index (work->questions, i)));

  return TRUE;
}

gboolean
sila_store_retire_survey_template (SilaStore        *self,
                                   const SilaActor  *actor,
                                   const char       *id,
                                   gboolean          retire,
                                   GError          **error)
{
  g_autoptr(SilaTransaction) tx = NULL;
  g_autoptr(SilaSurveyTemplate) tpl = NULL;
  g_autoptr(SilaStatement) stmt = NULL;
  g_autofree char *now = sila_clock_timestamp ();

  g_return_val_if_fail (SILA_IS_STORE (self), FALSE);

  if (!sila_store_require (self, actor, SILA_PERM_SURVEY_TEMPLATES, error))
    return FALSE;

  tx = sila_transaction_begin (self, error);
  if (tx == NULL)
    return FALSE;

  tpl = get_template (self, id, FALSE, error);
  if (tpl == NULL)
    return FALSE;

  if (retire && tpl->is_default)
    {
      g_set_error_literal (error, SILA_STORE_ERROR, SILA_STORE_ERROR_INVALID,
                           _("This is the default template: make another template the default "
                             "before retiring it."));
      return FALSE;
    }
  if (retire == sila_survey_template_is_retired (tpl))
    return sila_transaction_commit (tx, error);

  stmt = sila_store_prepare (self,
                             "UPDATE survey_templates SET retired_at = ?2, updated_at = ?3, "
                             "device_id = ?4, rev = rev + 1 WHERE id = ?1",
                             error);
  if (stmt == NULL)
    return FALSE;

  sila_bind_text (stmt, 1, tpl->id);
  sila_bind_text (stmt, 2, retire ? now : NULL);
  sila_bind_text (stmt, 3, now);
  sila_bind_text (stmt, 4, sila_store_get_device_id (self));
  if (sila_store_step (self, stmt, error) != SILA_STEP_DONE)
    return FALSE;

  if (!sila_store_audit (self, actor, retire ? "retire" : "restore", "survey_template",
                         tpl->id, tpl->code, NULL, NULL, error))
    return FALSE;

  return sila_transaction_commit (tx, error);
}

gboolean
sila_store_set_default_survey_template (SilaStore        *self,
                                        const SilaActor  *actor,
                                        const char       *id,
                                        GError          **error)
{
  g_autoptr(SilaTransaction) tx = NULL;
  g_autoptr(SilaSurveyTemplate) tpl = NULL;
  g_autofree char *now = sila_clock_timestamp ();

  g_return_val_if_fail (SILA_IS_STORE (self), FALSE);

  if (!sila_store_require (self, actor, SILA_PERM_SURVEY_TEMPLATES, error))
    return FALSE;

  tx = sila_transaction_begin (self, error);
  if (tx == NULL)
    return FALSE;

  tpl = get_template (self, id, FALSE, error);
  if (tpl == NULL)
    return FALSE;
  if (tpl->is_default)
    return sila_transaction_commit (tx, error);
  if (sila_survey_template_is_retired (tpl))
    {
      g_set_error_literal (error, SILA_STORE_ERROR, SILA_STORE_ERROR_INVALID,
                           _("A retired template cannot be the default. Bring it back first."));
      return FALSE;
    }

  /* Two steps: only one template may be the default at any moment. */
  for (int value = 0; value <= 1; value++)
    {
      g_autoptr(SilaStatement) stmt = NULL;

      stmt = sila_store_prepare (self,
                                 "UPDATE survey_templates SET is_default = ?4, "
                                 "updated_at = ?2, device_id = ?3, rev = rev + 1 "
                                 "WHERE CASE WHEN ?4 THEN id = ?1 ELSE is_default = 1 END",
                                 error);
      if (stmt == NULL)
        return FALSE;
      sila_bind_text (stmt, 1, tpl->id);
      sila_bind_text (stmt, 2, now);
      sila_bind_text (stmt, 3, sila_store_get_device_id (self));
      sqlite3_bind_int (stmt, 4, value);
      if (sila_store_step (self, stmt, error) != SILA_STEP_DONE)
        return FALSE;
    }

  if (!sila_store_audit (self, actor, "make_default", "survey_template", tpl->id, tpl->code,
                         NULL, NULL, error))
    return FALSE;

  return sila_transaction_commit (tx, error);
}

/* Responses */

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

  if (sqlite3_column_type (stmt, 0) != SQLITE_NULL || sqlite3_column_type (stmt, 1) != SQLITE_NULL)
    {
      g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_INVALID,
                   _("The survey template “%s” is retired: it takes no new responses."),
                   tpl->code);
      return FALSE;
    }
  live = sqlite3_column_int64 (stmt, 2);
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
    sqlite3_bind_int (stmt, 6, r->anonymous ? 1 : 0);
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
        sqlite3_bind_int (stmt, 4, a->value);
      else
        sqlite3_bind_null (stmt, 4);
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

void
sila_survey_count_free (SilaSurveyCount *count)
{
  if (count == NULL)
    return;

  g_free (count->group);
  g_free (count->code);
  g_free (count->value);
  g_free (count);
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

  if (!require_any_survey (self, actor, error))
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
  switch (sila_store_step (self, stmt, error))
    {
    case SILA_STEP_ROW:
      *imported_at = sila_column_dup (stmt, 0);
      return TRUE;
    case SILA_STEP_DONE:
      return TRUE;
    case SILA_STEP_ERROR:
    default:
      return FALSE;
    }
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

  for (guint i = 0; i < responses->len; i++)
    if (!insert_response (self, actor, g_ptr_array_index (responses, i), NULL, error))
      return FALSE;

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
    sqlite3_bind_int64 (stmt, 5, responses->len);
    sqlite3_bind_int64 (stmt, 6, n_rejected);
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

  return sila_transaction_commit (tx, error);
}

/* Results */

/* The running counts hold months and days: a range reads whole months
 * from the monthly rows and the days at either end from the daily ones. */
typedef struct {
  char month_from[8], month_to[8];
  char day1_from[11], day1_to[11];
  char day2_from[11], day2_to[11];
} Ranges;

static gboolean
split_range (const char  *from,
             const char  *to,
             Ranges      *ranges,
             GError     **error)
{
  GDate start, end, first_month, last_month, edge;

  if (!sila_date_from_iso (from, &start) || !sila_date_from_iso (to, &end))
    {
      g_set_error_literal (error, SILA_STORE_ERROR, SILA_STORE_ERROR_INVALID,
                           _("Dates are written YYYY-MM-DD."));
      return FALSE;
    }
  if (g_date_compare (&start, &end) > 0)
    {
      g_set_error_literal (error, SILA_STORE_ERROR, SILA_STORE_ERROR_INVALID,
                           _("The period ends before it starts."));
      return FALSE;
    }

  /* Empty ranges by default ("1" > "0"). */
  memset (ranges, 0, sizeof *ranges);
  strcpy (ranges->month_from, "1");
  strcpy (ranges->month_to, "0");
  strcpy (ranges->day1_from, "1");
  strcpy (ranges->day1_to, "0");
  strcpy (ranges->day2_from, "1");
  strcpy (ranges->day2_to, "0");

  /* The first whole month starts on or after @start; the last whole one
   * ends on or before @end. */
  g_date_clear (&first_month, 1);
  g_date_set_dmy (&first_month, 1, g_date_get_month (&start), g_date_get_year (&start));
  if (g_date_get_day (&start) != 1)
    g_date_add_months (&first_month, 1);

  g_date_clear (&last_month, 1);
  g_date_set_dmy (&last_month, 1, g_date_get_month (&end), g_date_get_year (&end));
  if (g_date_get_day (&end) != g_date_get_days_in_month (g_date_get_month (&end),
                                                         g_date_get_year (&end)))
    g_date_subtract_months (&last_month, 1);

  if (g_date_compare (&first_month, &last_month) > 0)
    {
      g_strlcpy (ranges->day1_from, from, sizeof ranges->day1_from);
      g_strlcpy (ranges->day1_to, to, sizeof ranges->day1_to);
      return TRUE;
    }

  g_snprintf (ranges->month_from, sizeof ranges->month_from, "%04u-%02u",
              g_date_get_year (&first_month), g_date_get_month (&first_month));
  g_snprintf (ranges->month_to, sizeof ranges->month_to, "%04u-%02u",
              g_date_get_year (&last_month), g_date_get_month (&last_month));

  if (g_date_compare (&start, &first_month) < 0)
    {
      edge = first_month;
      g_date_subtract_days (&edge, 1);
      g_strlcpy (ranges->day1_from, from, sizeof ranges->day1_from);
      g_snprintf (ranges->day1_to, sizeof ranges->day1_to, "%04u-%02u-%02u",
                  g_date_get_year (&edge), g_date_get_month (&edge), g_date_get_day (&edge));
    }

  edge = last_month;
  g_date_add_months (&edge, 1);
  if (g_date_compare (&edge, &end) <= 0)
    {
      g_snprintf (ranges->day2_from, sizeof ranges->day2_from, "%04u-%02u-%02u",
                  g_date_get_year (&edge), g_date_get_month (&edge), g_date_get_day (&edge));
      g_strlcpy (ranges->day2_to, to, sizeof ranges->day2_to);
    }

  return TRUE;
}

#define STATS_UNION(group_expr, dim) \
  "SELECT " group_expr " AS g, code, value, sum (n) FROM survey_stats " \
  "WHERE dim = '" dim "' AND grain = 'm' AND period BETWEEN ?1 AND ?2 " \
  "GROUP BY 1, 2, 3 " \
  "UNION ALL " \
  "SELECT " group_expr ", code, value, sum (n) FROM survey_stats " \
  "WHERE dim = '" dim "' AND grain = 'd' AND period BETWEEN ?3 AND ?4 " \
  "GROUP BY 1, 2, 3 " \
  "UNION ALL " \
  "SELECT " group_expr ", code, value, sum (n) FROM survey_stats " \
  "WHERE dim = '" dim "' AND grain = 'd' AND period BETWEEN ?5 AND ?6 " \
  "GROUP BY 1, 2, 3"

static GPtrArray *
read_counts (SilaStore      *self,
             SilaStatement  *stmt,
             GError        **error)
{
  g_autoptr(GPtrArray) counts = NULL;
  g_autoptr(GHashTable) index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  SilaStep step;

  counts = g_ptr_array_new_with_free_func ((GDestroyNotify)sila_survey_count_free);

  /* Rows of the month and day parts are added up here, so that each
   * (group, code, value) comes once. */
  while ((step = sila_store_step (self, stmt, error)) == SILA_STEP_ROW)
    {
      const char *group = (const char *)sqlite3_column_text (stmt, 0);
      const char *code = (const char *)sqlite3_column_text (stmt, 1);
      const char *value = (const char *)sqlite3_column_text (stmt, 2);
      gint64 n = sqlite3_column_int64 (stmt, 3);
      g_autofree char *key = g_strdup_printf ("%s\x1f%s\x1f%s", group ? group : "",
                                              code ? code : "", value ? value : "");
      SilaSurveyCount *count = g_hash_table_lookup (index, key);

      if (count == NULL)
        {
          count = g_new0 (SilaSurveyCount, 1);
          count->group = g_strdup (group ? group : "");
          count->code = g_strdup (code ? code : "");
          count->value = g_strdup (value ? value : "");
          g_ptr_array_add (counts, count);
          g_hash_table_insert (index, g_steal_pointer (&key), count);
        }
      count->n += n;
    }

  return step == SILA_STEP_DONE ? g_steal_pointer (&counts) : NULL;
}

GPtrArray *
sila_store_survey_counts (SilaStore        *self,
                          const SilaActor  *actor,
                          const char       *from,
                          const char       *to,
                          SilaSurveyGroup   group,
                          GError          **error)
{
  static const char *queries[] = {
    [SILA_SURVEY_GROUP_NONE] = STATS_UNION ("dim_value", "all"),
    [SILA_SURVEY_GROUP_CHANNEL] = STATS_UNION ("dim_value", "channel"),
    [SILA_SURVEY_GROUP_REQUEST_TYPE] = STATS_UNION ("dim_value", "type"),
    [SILA_SURVEY_GROUP_MONTH] = STATS_UNION ("substr (period, 1, 7)", "all"),
  };
  g_autoptr(SilaStatement) stmt = NULL;
  Ranges ranges;

  g_return_val_if_fail (SILA_IS_STORE (self), NULL);
  g_return_val_if_fail (group <= SILA_SURVEY_GROUP_MONTH, NULL);

  if (!sila_store_require (self, actor, SILA_PERM_SURVEY_RESULTS, error) ||
      !split_range (from, to, &ranges, error))
    return NULL;

  stmt = sila_store_prepare (self, queries[group], error);
  if (stmt == NULL)
    return NULL;

  sila_bind_text (stmt, 1, ranges.month_from);
  sila_bind_text (stmt, 2, ranges.month_to);
  sila_bind_text (stmt, 3, ranges.day1_from);
  sila_bind_text (stmt, 4, ranges.day1_to);
  sila_bind_text (stmt, 5, ranges.day2_from);
  sila_bind_text (stmt, 6, ranges.day2_to);

  return read_counts (self, stmt, error);
}

#define RAW_COUNTS(group_expr) \
  "SELECT " group_expr ", '', '', count (*) FROM survey_responses AS r " \
  "WHERE r.answered_on BETWEEN ?1 AND ?2 GROUP BY 1 " \
  "UNION ALL " \
  "SELECT " group_expr ", q.code, " \
  "       CASE WHEN a.value IS NOT NULL THEN CAST (a.value AS TEXT) " \
  "            ELSE ifnull (a.choice, '') END, count (*) " \
  "FROM survey_answers AS a " \
  "JOIN survey_responses AS r ON r.id = a.response_id " \
  "JOIN survey_questions AS q ON q.id = a.question_id " \
  "WHERE r.answered_on BETWEEN ?1 AND ?2 GROUP BY 1, 2, 3"

GPtrArray *
sila_store_survey_counts_raw (SilaStore        *self,
                              const SilaActor  *actor,
                              const char       *from,
                              const char       *to,
                              SilaSurveyGroup   group,
                              GError          **error)
{
  static const char *queries[] = {
    [SILA_SURVEY_GROUP_NONE] = RAW_COUNTS ("''"),
    [SILA_SURVEY_GROUP_CHANNEL] = RAW_COUNTS ("ifnull (r.channel, '')"),
    [SILA_SURVEY_GROUP_REQUEST_TYPE] = RAW_COUNTS ("ifnull (r.request_type, '')"),
    [SILA_SURVEY_GROUP_MONTH] = RAW_COUNTS ("substr (r.answered_on, 1, 7)"),
  };
  g_autoptr(SilaStatement) stmt = NULL;
  Ranges ranges;

  g_return_val_if_fail (SILA_IS_STORE (self), NULL);
  g_return_val_if_fail (group <= SILA_SURVEY_GROUP_MONTH, NULL);

  if (!sila_store_require (self, actor, SILA_PERM_SURVEY_RESULTS, error) ||
      !split_range (from, to, &ranges, error))
    return NULL;

  stmt = sila_store_prepare (self, queries[group], error);
  if (stmt == NULL)
    return NULL;

  sila_bind_text (stmt, 1, from);
  sila_bind_text (stmt, 2, to);

  return read_counts (self, stmt, error);
}

GPtrArray *
sila_store_survey_questions_in (SilaStore        *self,
                                const SilaActor  *actor,
                                const char       *from,
                                const char       *to,
                                GError          **error)
{
  g_autoptr(SilaStatement) stmt = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  SilaStep step;

  g_return_val_if_fail (SILA_IS_STORE (self), NULL);

  if (!require_any_survey (self, actor, error))
    return NULL;

  /* Every question of the default template, then those of templates
   * answered in the period; the default and newest wording first. */
  stmt = sila_store_prepare (self,
                             "SELECT q.code, q.kind, q.text_ar, q.text_en, q.required, q.choices, "
                             "q.id FROM survey_questions AS q "
                             "JOIN survey_templates AS t ON t.id = q.template_id "
                             "WHERE q.deleted_at IS NULL AND (t.is_default = 1 OR EXISTS "
                             "  (SELECT 1 FROM survey_responses AS r WHERE r.template_id = t.id "
                             "   AND r.answered_on BETWEEN ?1 AND ?2)) "
                             "ORDER BY t.is_default DESC, t.updated_at DESC, q.position",
                             error);
  if (stmt == NULL)
    return NULL;

  sila_bind_text (stmt, 1, from);
  sila_bind_text (stmt, 2, to);
  list = g_ptr_array_new_with_free_func ((GDestroyNotify)sila_survey_question_free);
  while ((step = sila_store_step (self, stmt, error)) == SILA_STEP_ROW)
    {
      const char *code = (const char *)sqlite3_column_text (stmt, 0);
      SilaQuestionKind kind = SILA_QUESTION_TEXT;
      SilaSurveyQuestion *q;

      if (g_hash_table_contains (seen, code))
        continue;
      g_hash_table_add (seen, g_strdup (code));

      sila_question_kind_from_code ((const char *)sqlite3_column_text (stmt, 1), &kind);
      q = sila_survey_question_new (code, kind, (const char *)sqlite3_column_text (stmt, 2),
                                    (const char *)sqlite3_column_text (stmt, 3),
                                    sqlite3_column_int (stmt, 4) != 0);
      choices_from_json (q, (const char *)sqlite3_column_text (stmt, 5));
      q->id = sila_column_dup (stmt, 6);
      g_ptr_array_add (list, q);
    }

  return step == SILA_STEP_DONE ? g_steal_pointer (&list) : NULL;
}

void
sila_survey_text_free (SilaSurveyText *text)
{
  if (text == NULL)
    return;

  g_free (text->answered_on);
  g_free (text->channel);
  g_free (text->code);
  g_free (text->text);
  g_free (text);
}

GPtrArray *
sila_store_survey_texts (SilaStore        *self,
                         const SilaActor  *actor,
                         const char       *from,
                         const char       *to,
                         guint             limit,
                         GError          **error)
{
  g_autoptr(SilaStatement) stmt = NULL;
  g_autoptr(GPtrArray) list = NULL;
  SilaStep step;

  g_return_val_if_fail (SILA_IS_STORE (self), NULL);

  if (!sila_store_require (self, actor, SILA_PERM_SURVEY_RESULTS, error))
    return NULL;

  /* Within a day the order is that of the random ids: nothing tells which
   * answer came first. */
  stmt = sila_store_prepare (self,
                             "SELECT a.answered_on, r.channel, q.code, a.text, r.anonymous "
                             "FROM survey_answers AS a "
                             "JOIN survey_responses AS r ON r.id = a.response_id "
                             "JOIN survey_questions AS q ON q.id = a.question_id "
                             "WHERE a.text IS NOT NULL AND a.answered_on BETWEEN ?1 AND ?2 "
                             "ORDER BY a.answered_on DESC LIMIT ?3",
                             error);
  if (stmt == NULL)
    return NULL;

  sila_bind_text (stmt, 1, from);
  sila_bind_text (stmt, 2, to);
  sqlite3_bind_int64 (stmt, 3, limit > 0 ? (gint64)limit : G_MAXINT64);
  list = g_ptr_array_new_with_free_func ((GDestroyNotify)sila_survey_text_free);
  while ((step = sila_store_step (self, stmt, error)) == SILA_STEP_ROW)
    {
      SilaSurveyText *t = g_new0 (SilaSurveyText, 1);

      t->answered_on = sila_column_dup (stmt, 0);
      t->channel = sila_column_dup (stmt, 1);
      t->code = sila_column_dup (stmt, 2);
      t->text = sila_column_dup (stmt, 3);
      t->anonymous = sqlite3_column_int (stmt, 4) != 0;
      g_ptr_array_add (list, t);
    }

  return step == SILA_STEP_DONE ? g_steal_pointer (&list) : NULL;
}

/* The kiosk PIN */

static gboolean
ensure_sodium (void)
{
  static gsize done = 0;
  static gboolean ok = FALSE;

  if (g_once_init_enter (&done))
    {
      ok = sodium_init () >= 0;
      g_once_init_leave (&done, 1);
    }

  return ok;
}

/* Digits in any script, 4 to 8 of them; NULL if it is not a PIN. */
static char *
normalize_pin (const char *pin)
{
  g_autofree char *ascii = NULL;
  gsize len;

  if (pin == NULL || !g_utf8_validate (pin, -1, NULL))
    return NULL;

  ascii = g_strstrip (sila_text_digits_to_ascii (pin));
  len = strlen (ascii);
  if (len < 4 || len > 8)
    return NULL;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (ascii[i]))
      return NULL;

  return g_steal_pointer (&ascii);
}

/* 0000, 1234, 9876: the first PINs anyone would try. */
static gboolean
pin_is_obvious (const char *pin)
{
  gsize len = strlen (pin);
  gboolean same = TRUE, up = TRUE, down = TRUE;

  for (gsize i = 1; i < len; i++)
    {
      same = same && pin[i] == pin[0];
      up = up && pin[i] == pin[i - 1] + 1;
      down = down && pin[i] == pin[i - 1] - 1;
    }

  return same || up || down;
}

gboolean
sila_store_has_kiosk_pin (SilaStore *self)
{
  g_autofree char *hash = NULL;

  g_return_val_if_fail (SILA_IS_STORE (self), FALSE);

  hash = sila_store_get_setting (self, KIOSK_PIN_KEY, NULL);
  return hash != NULL && *hash != '\0';
}

gboolean
sila_store_set_kiosk_pin (SilaStore        *self,
                          const SilaActor  *actor,
                          const char       *pin,
                          GError          **error)
{
  g_autoptr(SilaTransaction) tx = NULL;
  g_autoptr(SilaStatement) stmt = NULL;
  g_autofree char *clean = NULL;
  g_autofree char *now = NULL;
  char hash[crypto_pwhash_STRBYTES];

  g_return_val_if_fail (SILA_IS_STORE (self), FALSE);

  if (!sila_store_require (self, actor, SILA_PERM_KIOSK_PIN, error))
    return FALSE;

  clean = normalize_pin (pin);
  if (clean == NULL)
    {
      g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                           _("The PIN is 4 to 8 digits."));
      return FALSE;
    }
  if (pin_is_obvious (clean))
    {
      g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                           _("Choose a PIN that is harder to guess than a run or a repeat of "
                             "one digit."));
      sodium_memzero (clean, strlen (clean));
      return FALSE;
    }

  if (!ensure_sodium () ||
      crypto_pwhash_str (hash, clean, strlen (clean), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                         crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    {
      sodium_memzero (clean, strlen (clean));
      g_set_error_literal (error, SILA_STORE_ERROR, SILA_STORE_ERROR_FAILED,
                           _("There was not enough memory to protect the PIN. Nothing was "
                             "saved."));
      return FALSE;
    }
  sodium_memzero (clean, strlen (clean));

  tx = sila_transaction_begin (self, error);
  if (tx == NULL)
    return FALSE;

  now = sila_clock_timestamp ();
  stmt = sila_store_prepare (self,
                             "INSERT INTO office_settings (key, value, updated_at, updated_by, "
                             "device_id) VALUES (?1, ?2, ?3, ?4, ?5) "
                             "ON CONFLICT (key) DO UPDATE SET value = excluded.value, "
                             "updated_at = excluded.updated_at, updated_by = excluded.updated_by, "
                             "device_id = excluded.device_id",
                             error);
  if (stmt == NULL)
    return FALSE;

  sila_bind_text (stmt, 1, KIOSK_PIN_KEY);
  sila_bind_text (stmt, 2, hash);
  sila_bind_text (stmt, 3, now);
  sila_bind_text (stmt, 4, actor->username);
  sila_bind_text (stmt, 5, sila_store_get_device_id (self));
  if (sila_store_step (self, stmt, error) != SILA_STEP_DONE)
    return FALSE;

  /* The fact, never the PIN or its hash. */
  if (!sila_store_audit (self, actor, "update", "office_settings", "kiosk_pin",
                         "kiosk PIN changed", NULL, NULL, error))
    return FALSE;

  return sila_transaction_commit (tx, error);
}

gboolean
sila_store_check_kiosk_pin (SilaStore  *self,
                            const char *pin)
{
  g_autofree char *hash = NULL;
  g_autofree char *clean = NULL;
  gboolean ok;

  g_return_val_if_fail (SILA_IS_STORE (self), FALSE);

  hash = sila_store_get_setting (self, KIOSK_PIN_KEY, NULL);
  clean = normalize_pin (pin);
  if (hash == NULL || clean == NULL || !ensure_sodium ())
    return FALSE;

  ok = crypto_pwhash_str_verify (hash, clean, strlen (clean)) == 0;
  sodium_memzero (clean, strlen (clean));

  return ok;
}

gboolean
sila_store_audit_kiosk (SilaStore        *self,
                        const SilaActor  *actor,
                        gboolean          started,
                        GError          **error)
{
  g_autoptr(SilaTransaction) tx = NULL;

  g_return_val_if_fail (SILA_IS_STORE (self), FALSE);

  if (!sila_store_require (self, actor, SILA_PERM_SURVEY_TAKE, error))
    return FALSE;

  tx = sila_transaction_begin (self, error);
  if (tx == NULL ||
      !sila_store_audit (self, actor, started ? "kiosk_start" : "kiosk_end", "kiosk", NULL, NULL,
                         NULL, NULL, error))
    return FALSE;

  return sila_transaction_commit (tx, error);
}
