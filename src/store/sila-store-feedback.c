/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-store"

#include "sila-config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "sila-clock.h"
#include "sila-policy.h"
#include "sila-store-feedback.h"
#include "sila-store-private.h"

#define FEEDBACK_COLUMNS \
  "id, number, rev, kind, status, origin, channel, received_on, due_on, description, " \
  "submitter, responsible, answer, answered_on, closed_on, anonymous, beneficiary_id, " \
  "request_id, contact_id, created_by, updated_at"

static void
date_from_column (SilaStatement *stmt,
                  int            column,
                  GDate         *date)
{
  if (!sila_date_from_iso (sila_column_text (stmt, column), date))
    g_date_clear (date, 1);
}

static SilaFeedbackItem *
item_from_row (SilaStatement *stmt)
{
  SilaFeedbackItem *item = sila_feedback_item_new (SILA_FEEDBACK_SUGGESTION);
  SilaFeedbackKind kind = SILA_FEEDBACK_SUGGESTION;
  SilaFeedbackStatus status = SILA_FEEDBACK_NEW;

  sila_feedback_kind_parse (sila_column_text (stmt, 3), &kind, NULL);
  sila_feedback_status_parse (sila_column_text (stmt, 4), &status, NULL);

  item->id = sila_column_dup (stmt, 0);
  item->number = sila_column_int64 (stmt, 1);
  item->rev = sila_column_int64 (stmt, 2);
  item->kind = kind;
  item->status = status;
  item->from_survey = g_strcmp0 (sila_column_text (stmt, 5), "survey") == 0;
  item->channel = sila_column_dup (stmt, 6);
  date_from_column (stmt, 7, &item->received_on);
  date_from_column (stmt, 8, &item->due_on);
  item->description = sila_column_dup (stmt, 9);
  item->submitter = sila_column_dup (stmt, 10);
  item->responsible = sila_column_dup (stmt, 11);
  item->answer = sila_column_dup (stmt, 12);
  date_from_column (stmt, 13, &item->answered_on);
  date_from_column (stmt, 14, &item->closed_on);
  item->anonymous = sila_column_int (stmt, 15) != 0;
  item->beneficiary_id = sila_column_dup (stmt, 16);
  item->request_id = sila_column_dup (stmt, 17);
  item->contact_id = sila_column_dup (stmt, 18);
  item->created_by = sila_column_dup (stmt, 19);
  item->updated_at = sila_column_dup (stmt, 20);

  return item;
}

GPtrArray *
sila_store_list_feedback (SilaStore         *self,
                          const SilaActor   *actor,
                          SilaFeedbackList   which,
                          guint              limit,
                          GError           **error)
{
  g_autoptr(SilaStatement) stmt = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *today = sila_clock_today_iso ();
  g_autofree char *open_list = NULL;
  g_autofree char *sql = NULL;
  SilaStep step;

  g_return_val_if_fail (SILA_IS_STORE (self), NULL);

  if (!sila_store_require (self, actor, SILA_PERM_FEEDBACK_VIEW, error))
    return NULL;

  /* Which items are open is the core's to say. */
  open_list = sila_sql_code_list (sila_feedback_open_codes ());
  sql = g_strdup_printf ("SELECT " FEEDBACK_COLUMNS " FROM feedback_items "
                         "WHERE deleted_at IS NULL AND CASE CAST (?1 AS INTEGER) "
                         "  WHEN 0 THEN status IN %s "
                         "  WHEN 1 THEN status IN %s AND due_on < ?2 "
                         "  ELSE TRUE END "
                         "ORDER BY status NOT IN %s, "
                         "  CASE WHEN status IN %s THEN due_on END, "
                         "  number DESC "
                         "LIMIT ?3",
                         open_list, open_list, open_list, open_list);
  stmt = sila_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;

  sila_bind_int (stmt, 1, which);
  sila_bind_text (stmt, 2, today);
  sila_bind_int64 (stmt, 3, limit > 0 ? (gint64)limit : G_MAXINT64);

  list = g_ptr_array_new_with_free_func ((GDestroyNotify)sila_feedback_item_free);
  while ((step = sila_store_step (self, stmt, error)) == SILA_STEP_ROW)
    g_ptr_array_add (list, item_from_row (stmt));

  return step == SILA_STEP_DONE ? g_steal_pointer (&list) : NULL;
}

static SilaFeedbackItem *
get_item (SilaStore   *self,
          const char  *id,
          gint64       number,
          GError     **error)
{
  g_autoptr(SilaStatement) stmt = NULL;

  stmt = sila_store_prepare (self,
                             "SELECT " FEEDBACK_COLUMNS " FROM feedback_items "
                             "WHERE deleted_at IS NULL AND (id = ?1 OR number = ?2)",
                             error);
  if (stmt == NULL)
    return NULL;

  sila_bind_text (stmt, 1, id);
  sila_bind_int64 (stmt, 2, number);
  switch (sila_store_step (self, stmt, error))
    {
    case SILA_STEP_ROW:
      return item_from_row (stmt);
    case SILA_STEP_DONE:
      {
        g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, number);

        g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_NOT_FOUND,
                     _("There is no suggestion or complaint number %s."), text);
        return NULL;
      }
    case SILA_STEP_ERROR:
    default:
      return NULL;
    }
}

SilaFeedbackItem *
sila_store_get_feedback (SilaStore        *self,
                         const SilaActor  *actor,
                         gint64            number,
                         GError          **error)
{
  g_return_val_if_fail (SILA_IS_STORE (self), NULL);

  if (!sila_store_require (self, actor, SILA_PERM_FEEDBACK_VIEW, error))
    return NULL;

  return get_item (self, NULL, number, error);
}

void
sila_store_feedback_default_due (SilaStore   *self,
                                 const GDate *received,
                                 GDate       *due)
{
  int days = sila_store_get_setting_int (self, SILA_SETTING_ANSWER_WINDOW,
                                         SILA_ANSWER_WINDOW_DEFAULT);

  *due = *received;
  g_date_add_days (due, days);
}

static char *
iso_or_null (const GDate *date)
{
  return g_date_valid (date) ? sila_date_to_iso (date) : NULL;
}

static char *
item_json (const SilaFeedbackItem *item)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *received = iso_or_null (&item->received_on);
  g_autofree char *due = iso_or_null (&item->due_on);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "kind");
  json_builder_add_string_value (b, sila_feedback_kind_to_code (item->kind));
  json_builder_set_member_name (b, "status");
  json_builder_add_string_value (b, sila_feedback_status_to_code (item->status));
  json_builder_set_member_name (b, "channel");
  json_builder_add_string_value (b, item->channel);
  json_builder_set_member_name (b, "received_on");
  json_builder_add_string_value (b, received);
  json_builder_set_member_name (b, "due_on");
  json_builder_add_string_value (b, due);
  json_builder_set_member_name (b, "submitter");
  json_builder_add_string_value (b, item->submitter);
  json_builder_set_member_name (b, "responsible");
  json_builder_add_string_value (b, item->responsible);
  json_builder_set_member_name (b, "description");
  json_builder_add_string_value (b, item->description);
  json_builder_set_member_name (b, "answer");
  json_builder_add_string_value (b, item->answer);
  json_builder_end_object (b);
  root = json_builder_get_root (b);

  return json_to_string (root, FALSE);
}

gboolean
sila_store_save_feedback (SilaStore          *self,
                          const SilaActor    *actor,
                          SilaFeedbackItem   *item,
                          SilaFeedbackField  *field,
                          GError            **error)
{
  g_autoptr(SilaTransaction) tx = NULL;
  g_autoptr(SilaFeedbackItem) work = NULL;
  g_autoptr(SilaFeedbackItem) stored = NULL;
  g_autoptr(SilaStatement) stmt = NULL;
  g_autofree char *now = sila_clock_timestamp ();
  g_autofree char *before_json = NULL;
  g_autofree char *after_json = NULL;
  g_autofree char *received = NULL, *due = NULL, *answered = NULL, *closed = NULL;
  SilaFeedbackField dummy;
  gboolean creating;
  GDate today;

  g_return_val_if_fail (SILA_IS_STORE (self), FALSE);
  g_return_val_if_fail (item != NULL, FALSE);

  if (field == NULL)
    field = &dummy;
  *field = SILA_FEEDBACK_FIELD_NONE;

  if (!sila_store_require (self, actor, SILA_PERM_FEEDBACK_EDIT, error))
    return FALSE;

  work = sila_feedback_item_copy (item);
  creating = work->id == NULL;
  sila_clock_today (&today);

  tx = sila_transaction_begin (self, error);
  if (tx == NULL)
    return FALSE;

  if (!creating)
    {
      stored = get_item (self, work->id, -1, error);
      if (stored == NULL)
        return FALSE;
      if (stored->rev != work->rev)
        {
          g_set_error_literal (error, SILA_STORE_ERROR, SILA_STORE_ERROR_CONFLICT,
                               _("Someone else changed this item in the meantime. Nothing was "
                                 "saved; open it again to see their changes."));
          return FALSE;
        }
      before_json = item_json (stored);
    }

  /* The core decides (checks, steps, origin, the dates of the steps); the
   * store writes what it decided. */
  if (!sila_feedback_item_prepare_save (work, stored, &today, field, error))
    return FALSE;

  if (creating)
    {
      work->id = g_uuid_string_random ();
      work->rev = 1;
      if (!sila_store_next_number (self, "feedback", &work->number, error))
        return FALSE;
      stmt = sila_store_prepare (self,
                                 "INSERT INTO feedback_items (id, number, kind, status, origin, "
                                 "channel, received_on, due_on, description, submitter, "
                                 "responsible, answer, answered_on, closed_on, anonymous, "
                                 "beneficiary_id, request_id, contact_id, created_by, created_at, "
                                 "updated_at, device_id) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
                                 "?14, ?15, ?16, ?17, ?18, ?19, ?20, ?20, ?21)",
                                 error);
    }
  else
    {
      work->rev++;
      stmt = sila_store_prepare (self,
                                 "UPDATE feedback_items SET kind = ?3, status = ?4, channel = ?6, "
                                 "received_on = ?7, due_on = ?8, description = ?9, "
                                 "submitter = ?10, responsible = ?11, answer = ?12, "
                                 "answered_on = ?13, closed_on = ?14, beneficiary_id = ?16, "
                                 "request_id = ?17, contact_id = ?18, updated_at = ?20, "
                                 "device_id = ?21, rev = rev + 1 "
                                 "WHERE id = ?1",
                                 error);
    }
  if (stmt == NULL)
    return FALSE;

  received = iso_or_null (&work->received_on);
  due = iso_or_null (&work->due_on);
  answered = iso_or_null (&work->answered_on);
  closed = iso_or_null (&work->closed_on);

  sila_bind_text (stmt, 1, work->id);
  sila_bind_int64 (stmt, 2, work->number);
  sila_bind_text (stmt, 3, sila_feedback_kind_to_code (work->kind));
  sila_bind_text (stmt, 4, sila_feedback_status_to_code (work->status));
  sila_bind_text (stmt, 5, work->from_survey ? "survey" : "direct");
  sila_bind_text (stmt, 6, work->channel);
  sila_bind_text (stmt, 7, received);
  sila_bind_text (stmt, 8, due);
  sila_bind_text (stmt, 9, work->description);
  sila_bind_text (stmt, 10, work->submitter);
  sila_bind_text (stmt, 11, work->responsible);
  sila_bind_text (stmt, 12, work->answer);
  sila_bind_text (stmt, 13, answered);
  sila_bind_text (stmt, 14, closed);
  sila_bind_int (stmt, 15, work->anonymous ? 1 : 0);
  sila_bind_text (stmt, 16, work->beneficiary_id);
  sila_bind_text (stmt, 17, work->request_id);
  sila_bind_text (stmt, 18, work->contact_id);
  sila_bind_text (stmt, 19, actor->username);
  sila_bind_text (stmt, 20, now);
  sila_bind_text (stmt, 21, sila_store_get_device_id (self));
  if (sila_store_step (self, stmt, error) != SILA_STEP_DONE)
    return FALSE;

  after_json = item_json (work);
  {
    g_autofree char *summary = g_strdup_printf ("%" G_GINT64_FORMAT, work->number);

    if (!sila_store_audit (self, actor, creating ? "create" : "update", "feedback_item",
                           work->id, summary, before_json, after_json, error))
      return FALSE;
  }

  if (!sila_transaction_commit (tx, error))
    return FALSE;

  g_free (work->created_by);
  work->created_by = g_strdup (creating ? actor->username : stored->created_by);
  g_free (work->updated_at);
  work->updated_at = g_strdup (now);

  /* Hand the saved form back. */
  {
    SilaFeedbackItem tmp = *item;

    *item = *work;
    *work = tmp;
  }

  return TRUE;
}

gboolean
sila_store_count_feedback (SilaStore        *self,
                           const SilaActor  *actor,
                           gint64           *open,
                           gint64           *overdue,
                           GError          **error)
{
  g_autoptr(SilaStatement) stmt = NULL;
  g_autofree char *today = sila_clock_today_iso ();
  g_autofree char *open_list = NULL;
  g_autofree char *sql = NULL;

  g_return_val_if_fail (SILA_IS_STORE (self), FALSE);

  if (!sila_store_require (self, actor, SILA_PERM_FEEDBACK_VIEW, error))
    return FALSE;

  open_list = sila_sql_code_list (sila_feedback_open_codes ());
  sql = g_strdup_printf ("SELECT count (*), "
                         "coalesce (sum (CASE WHEN due_on < ?1 THEN 1 ELSE 0 END), 0) "
                         "FROM feedback_items "
                         "WHERE deleted_at IS NULL AND status IN %s",
                         open_list);
  stmt = sila_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;

  sila_bind_text (stmt, 1, today);
  if (sila_store_step (self, stmt, error) != SILA_STEP_ROW)
    return FALSE;

  *open = sila_column_int64 (stmt, 0);
  *overdue = sila_column_int64 (stmt, 1);
  return TRUE;
}
