/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Surveys in the database: the templates and their questions. Responses
 * are in sila-store-survey-responses.c, results in
 * sila-store-survey-results.c, the kiosk PIN in sila-store-kiosk.c. See
 * the schema step "surveys and feedback" for how anonymity is kept by the
 * tables themselves. */
#define G_LOG_DOMAIN "sila-store"

#include "sila-config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "sila-clock.h"
#include "sila-store-surveys-private.h"

gboolean
sila_store_require_any_survey (SilaStore        *self,
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

void
sila_survey_choices_from_json (SilaSurveyQuestion *q,
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

      sila_question_kind_from_code (sila_column_text (stmt, 2), &kind);
      q = sila_survey_question_new (sila_column_text (stmt, 1), kind,
                                    sila_column_text (stmt, 3),
                                    sila_column_text (stmt, 4),
                                    sila_column_int (stmt, 5) != 0);
      q->id = sila_column_dup (stmt, 0);
      sila_survey_choices_from_json (q, sila_column_text (stmt, 6));
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

  *count = sila_column_int64 (stmt, 0);
  return TRUE;
}

static SilaSurveyTemplate *
template_from_row (SilaStatement *stmt)
{
  SilaSurveyTemplate *tpl;

  tpl = sila_survey_template_new (sila_column_text (stmt, 1),
                                  sila_column_text (stmt, 2),
                                  sila_column_text (stmt, 3));
  tpl->id = sila_column_dup (stmt, 0);
  tpl->is_default = sila_column_int (stmt, 4) != 0;
  tpl->retired_at = sila_column_dup (stmt, 5);
  tpl->rev = sila_column_int64 (stmt, 6);

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

  if (!sila_store_require_any_survey (self, actor, error))
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

    sila_bind_int (stmt, 1, include_retired ? 1 : 0);
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
    sila_bind_int (stmt, 3, default_one ? 1 : 0);
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

  if (!sila_store_require_any_survey (self, actor, error))
    return NULL;

  return get_template (self, code_or_id, FALSE, error);
}

SilaSurveyTemplate *
sila_store_get_default_survey_template (SilaStore        *self,
                                        const SilaActor  *actor,
                                        GError          **error)
{
  g_return_val_if_fail (SILA_IS_STORE (self), NULL);

  if (!sila_store_require_any_survey (self, actor, error))
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
                                 "AND (CAST (?3 AS TEXT) IS NULL OR q.template_id != ?3) LIMIT 1",
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
          if (!sila_question_kind_from_code (sila_column_text (stmt, 0), &other))
            other = SILA_QUESTION_TEXT;
          g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_INVALID,
                       _("The template “%s” asks “%s” as “%s”: a code keeps its kind of "
                         "answer in every template. Choose another code."),
                       sila_column_text (stmt, 1), q->code,
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
  sila_bind_int (stmt, 3, position);
  sila_bind_text (stmt, 4, q->code);
  sila_bind_text (stmt, 5, sila_question_kind_to_code (q->kind));
  sila_bind_text (stmt, 6, q->text_ar);
  sila_bind_text (stmt, 7, q->text_en);
  sila_bind_int (stmt, 8, q->required ? 1 : 0);
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
      sila_bind_int (stmt, 4, value);
      if (sila_store_step (self, stmt, error) != SILA_STEP_DONE)
        return FALSE;
    }

  if (!sila_store_audit (self, actor, "make_default", "survey_template", tpl->id, tpl->code,
                         NULL, NULL, error))
    return FALSE;

  return sila_transaction_commit (tx, error);
}
