/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Support requests: opening one, its documents and scans, every step of the
 * workflow. The core decides (sila-request-workflow.c); this file refuses,
 * inside the transaction, whatever the core or the role table refuses, so
 * that the window and the command line are held to the same policy. */
#define G_LOG_DOMAIN "sila-store"

#include "sila-config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sila-clock.h"
#include "sila-hijri.h"
#include "sila-signature.h"
#include "sila-store-requests-private.h"

/* The core's refusals become the store's INVALID, with the same words. */
static gboolean
invalid (GError **error,
         GError  *reason)
{
  g_set_error_literal (error, SILA_STORE_ERROR, SILA_STORE_ERROR_INVALID, reason->message);
  g_error_free (reason);
  return FALSE;
}

static gint64
seconds_between (const char *earlier,
                 const char *later)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) a = earlier != NULL ? g_date_time_new_from_iso8601 (earlier, utc) : NULL;
  g_autoptr(GDateTime) b = later != NULL ? g_date_time_new_from_iso8601 (later, utc) : NULL;

  if (a == NULL || b == NULL)
    return -1;
  return MAX (0, g_date_time_difference (b, a) / G_USEC_PER_SEC);
}

static gboolean
add_event (SilaStore          *self,
           const SilaActor    *actor,
           const SilaRequest  *request,
           SilaRequestStatus   from,
           SilaRequestStatus   to,
           const char         *at,
           const char         *reason,
           const char         *note,
           GError            **error)
{
  g_autoptr(SilaStatement) stmt = NULL;
  g_autofree char *uuid = g_uuid_string_random ();

  stmt = sila_store_prepare (self,
                             "INSERT INTO request_events (id, request_id, step, from_status, "
                             "status, at, actor, elapsed_seconds, reason, note, created_at, "
                             "device_id) VALUES (?1, ?2, (SELECT coalesce (max (step), 0) + 1 "
                             "FROM request_events WHERE request_id = ?2), ?3, ?4, ?5, ?6, ?7, "
                             "?8, ?9, ?5, ?10)",
                             error);
  if (stmt == NULL)
    return FALSE;
  sila_bind_text (stmt, 1, uuid);
  sila_bind_text (stmt, 2, request->id);
  sila_bind_text (stmt, 3, from >= 0 ? sila_request_status_to_code (from) : NULL);
  sila_bind_text (stmt, 4, sila_request_status_to_code (to));
  sila_bind_text (stmt, 5, at);
  sila_bind_text (stmt, 6, actor->username);
  if (from >= 0)
    {
      gint64 elapsed = seconds_between (request->status_at, at);

      if (elapsed >= 0)
        sila_bind_int64 (stmt, 7, elapsed);
    }
  sila_bind_text (stmt, 8, reason);
  sila_bind_text (stmt, 9, note);
  sila_bind_text (stmt, 10, sila_store_get_device_id (self));

  return sila_store_step (self, stmt, error) == SILA_STEP_DONE;
}

/* Marks the request changed (its rev moves on), by @actor. */
gboolean
sila_store_touch_request (SilaStore        *self,
               const SilaActor  *actor,
               const char       *request_id,
               const char       *now,
               GError          **error)
{
  g_autoptr(SilaStatement) stmt = NULL;

  stmt = sila_store_prepare (self,
                             "UPDATE requests SET updated_at = ?2, updated_by = ?3, rev = rev + 1 "
                             "WHERE id = ?1",
                             error);
  if (stmt == NULL)
    return FALSE;
  sila_bind_text (stmt, 1, request_id);
  sila_bind_text (stmt, 2, now);
  sila_bind_text (stmt, 3, actor->username);
  return sila_store_step (self, stmt, error) == SILA_STEP_DONE;
}

/* Opening */

static gboolean
check_beneficiary (SilaStore   *self,
                   const char  *id,
                   GError     **error)
{
  g_autoptr(SilaStatement) stmt = NULL;
  SilaStep step;

  stmt = sila_store_prepare (self,
                             "SELECT 1 FROM beneficiaries WHERE id = ?1 AND deleted_at IS NULL",
                             error);
  if (stmt == NULL)
    return FALSE;
  sila_bind_text (stmt, 1, id);
  step = sila_store_step (self, stmt, error);
  if (step == SILA_STEP_DONE)
    g_set_error_literal (error, SILA_STORE_ERROR, SILA_STORE_ERROR_NOT_FOUND,
                         _("There is no such beneficiary file."));
  return step == SILA_STEP_ROW;
}

static gboolean
check_request_type (SilaStore   *self,
                    const char  *code,
                    GError     **error)
{
  g_autoptr(SilaStatement) stmt = NULL;
  SilaStep step;

  stmt = sila_store_prepare (self,
                             "SELECT 1 FROM request_types WHERE code = ?1 AND retired_at IS NULL "
                             "AND deleted_at IS NULL",
                             error);
  if (stmt == NULL)
    return FALSE;
  sila_bind_text (stmt, 1, code);
  step = sila_store_step (self, stmt, error);
  if (step == SILA_STEP_DONE)
    g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_INVALID,
                 _("There is no request type “%s” offered now."), code != NULL ? code : "");
  return step == SILA_STEP_ROW;
}

static gboolean
insert_checklist (SilaStore    *self,
                  SilaRequest  *request,
                  const char   *now,
                  const char   *username,
                  GError      **error)
{
  g_autoptr(GPtrArray) rules = sila_store_list_checklist (self, request->type, error);

  if (rules == NULL)
    return FALSE;

  for (guint i = 0; i < rules->len; i++)
    {
      const SilaChecklistRule *rule = g_ptr_array_index (rules, i);
      g_autoptr(SilaStatement) stmt = NULL;
      g_autofree char *uuid = g_uuid_string_random ();

      stmt = sila_store_prepare (self,
                                 "INSERT INTO request_documents (id, request_id, document_type, "
                                 "required, position, status, created_at, updated_at, updated_by, "
                                 "device_id) VALUES (?1, ?2, ?3, ?4, ?5, 'missing', ?6, ?6, ?7, ?8)",
                                 error);
      if (stmt == NULL)
        return FALSE;
      sila_bind_text (stmt, 1, uuid);
      sila_bind_text (stmt, 2, request->id);
      sila_bind_text (stmt, 3, rule->document_type);
      sila_bind_int (stmt, 4, rule->requirement == SILA_REQUIREMENT_REQUIRED);
      sila_bind_int (stmt, 5, (int)i + 1);
      sila_bind_text (stmt, 6, now);
      sila_bind_text (stmt, 7, username);
      sila_bind_text (stmt, 8, sila_store_get_device_id (self));
      if (sila_store_step (self, stmt, error) != SILA_STEP_DONE)
        return FALSE;
    }

  return TRUE;
}

gboolean
sila_store_open_request (SilaStore        *self,
                         const SilaActor  *actor,
                         SilaRequest      *request,
                         GError          **error)
{
  g_autoptr(SilaTransaction) tx = NULL;
  g_autoptr(SilaStatement) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *now = sila_clock_timestamp ();
  g_autofree char *counter = NULL;
  g_autofree char *after = NULL;
  SilaHijriDate hijri;
  gint64 serial = 0, seq = 0;
  int window;

  g_return_val_if_fail (SILA_IS_STORE (self), FALSE);
  g_return_val_if_fail (request != NULL && request->id == NULL, FALSE);
  g_return_val_if_fail (g_date_valid (&request->received), FALSE);

  if (!sila_store_require (self, actor, SILA_PERM_REQUEST_OPEN, error))
    return FALSE;

  if (!sila_hijri_from_gregorian (&request->received, &hijri, &local_error))
    return invalid (error, g_steal_pointer (&local_error));

  tx = sila_transaction_begin (self, error);
  if (tx == NULL ||
      !check_beneficiary (self, request->beneficiary_id, error) ||
      !check_request_type (self, request->type, error))
    return FALSE;

  /* The applicant is told the answer window at intake: it is fixed now. */
  window = sila_store_get_setting_int (self, SILA_SETTING_ANSWER_WINDOW,
                                       SILA_ANSWER_WINDOW_DEFAULT);
  sila_request_compute_due (&request->received, window, &request->due);

  counter = g_strdup_printf ("request-%u", hijri.year);
  if (!sila_store_next_number (self, counter, &serial, error) ||
      !sila_store_next_number (self, "request", &seq, error))
    return FALSE;

  request->id = g_uuid_string_random ();
  request->number = sila_request_number_format (hijri.year, serial);
  request->seq = seq;
  request->rev = 1;
  request->status = SILA_REQUEST_RECEIVED;
  g_free (request->received_by);
  request->received_by = g_strdup (actor->username);
  request->created_at = g_strdup (now);
  request->updated_at = g_strdup (now);
  request->status_at = g_strdup (now);
  if (request->declaration != SILA_DECLARATION_PENDING)
    request->signed_at = g_strdup (now);

  stmt = sila_store_prepare (self,
                             "INSERT INTO requests (id, seq, number, beneficiary_id, request_type, "
                             "channel, status, received_on, due_on, received_by, description, "
                             "amount_asked, declaration, signature, signed_at, status_at, "
                             "created_at, updated_at, created_by, updated_by, device_id) VALUES "
                             "(?1, ?2, ?3, ?4, ?5, ?6, 'received', ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
                             "?14, ?15, ?15, ?15, ?9, ?9, ?16)",
                             error);
  if (stmt == NULL)
    return FALSE;
  sila_bind_text (stmt, 1, request->id);
  sila_bind_int64 (stmt, 2, seq);
  sila_bind_text (stmt, 3, request->number);
  sila_bind_text (stmt, 4, request->beneficiary_id);
  sila_bind_text (stmt, 5, request->type);
  sila_bind_text (stmt, 6, sila_channel_to_code (request->channel));
  sila_bind_date (stmt, 7, &request->received);
  sila_bind_date (stmt, 8, &request->due);
  sila_bind_text (stmt, 9, actor->username);
  sila_bind_text (stmt, 10, request->description);
  if (request->amount_asked >= 0)
    sila_bind_int64 (stmt, 11, request->amount_asked);
  sila_bind_text (stmt, 12, sila_declaration_to_code (request->declaration));
  sila_bind_text (stmt, 13, request->declaration == SILA_DECLARATION_DRAWN
                            ? request->signature : NULL);
  sila_bind_text (stmt, 14, request->signed_at);
  sila_bind_text (stmt, 15, now);
  sila_bind_text (stmt, 16, sila_store_get_device_id (self));
  if (sila_store_step (self, stmt, error) != SILA_STEP_DONE)
    return FALSE;

  after = sila_request_audit_json (request);
  if (!insert_checklist (self, request, now, actor->username, error) ||
      !add_event (self, actor, request, SILA_REQUEST_NONE, SILA_REQUEST_RECEIVED, now, NULL,
                  NULL, error) ||
      !sila_store_audit (self, actor, "create", SILA_AUDIT_ENTITY_REQUEST, request->id,
                         request->number, NULL, after, error))
    return FALSE;

  return sila_transaction_commit (tx, error);
}

/* Reads the request for a change, inside the transaction: it must exist
 * and still be open to changes. */
SilaRequest *
sila_store_read_request_for_change (SilaStore   *self,
                 const char  *request_id,
                 GError     **error)
{
  g_autoptr(SilaRequest) request = sila_store_read_request (self, "r.id = ?1", request_id, error);

  if (request == NULL)
    return NULL;

  if (sila_request_status_is_final (request->status))
    {
      g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_INVALID,
                   _("The request is “%s”: it cannot be changed any more."),
                   sila_request_status_to_display (request->status));
      return NULL;
    }

  return g_steal_pointer (&request);
}

/* Steps */

static gboolean
record_outcome (SilaStore            *self,
                const SilaActor      *actor,
                const SilaRequest    *request,
                SilaRequestStatus     to,
                const SilaStepInput  *input,
                const char           *now,
                GError              **error)
{
  g_autoptr(SilaStatement) stmt = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  GDate today;

  sila_clock_today (&today);

  switch (to)
    {
    case SILA_REQUEST_RESEARCH_DONE:
      stmt = sila_store_prepare (self,
                                 "INSERT INTO research_reports (id, request_id, researcher, "
                                 "visit_on, findings, recommendation, created_at, updated_at, "
                                 "device_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, ?8)",
                                 error);
      if (stmt == NULL)
        return FALSE;
      sila_bind_date (stmt, 4, input->visit_date);
      sila_bind_text (stmt, 5, input->findings);
      sila_bind_text (stmt, 6, input->recommendation);
      break;

    case SILA_REQUEST_ACCEPTED:
    case SILA_REQUEST_REJECTED:
      stmt = sila_store_prepare (self,
                                 "INSERT INTO committee_decisions (id, request_id, recorded_by, "
                                 "decided_on, decision, reason, members, created_at, updated_at, "
                                 "device_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?9, ?7, ?7, ?8)",
                                 error);
      if (stmt == NULL)
        return FALSE;
      sila_bind_date (stmt, 4, input->decided_on != NULL ? input->decided_on : &today);
      sila_bind_text (stmt, 5, sila_request_status_to_code (to));
      sila_bind_text (stmt, 6, input->reason);
      sila_bind_text (stmt, 9, input->members);
      break;

    case SILA_REQUEST_DELIVERED:
      stmt = sila_store_prepare (self,
                                 "INSERT INTO deliveries (id, request_id, delivered_by, "
                                 "delivered_on, kind, amount_halalas, description, created_at, "
                                 "updated_at, device_id) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?9, ?7, ?7, ?8)",
                                 error);
      if (stmt == NULL)
        return FALSE;
      sila_bind_date (stmt, 4, input->delivered_on != NULL ? input->delivered_on : &today);
      sila_bind_text (stmt, 5, input->delivery_kind != NULL ? input->delivery_kind : "cash");
      sila_bind_int64 (stmt, 6, input->amount_halalas);
      sila_bind_text (stmt, 9, input->note);
      break;

    default:
      return TRUE;
    }

  sila_bind_text (stmt, 1, uuid);
  sila_bind_text (stmt, 2, request->id);
  sila_bind_text (stmt, 3, actor->username);
  sila_bind_text (stmt, 7, now);
  sila_bind_text (stmt, 8, sila_store_get_device_id (self));
  return sila_store_step (self, stmt, error) == SILA_STEP_DONE;
}

gboolean
sila_store_move_request (SilaStore            *self,
                         const SilaActor      *actor,
                         const char           *request_id,
                         gint64                expected_rev,
                         SilaRequestStatus     to,
                         const SilaStepInput  *input,
                         GError              **error)
{
  static const SilaStepInput nothing = { 0 };
  g_autoptr(SilaTransaction) tx = NULL;
  g_autoptr(SilaStatement) stmt = NULL;
  g_autoptr(SilaRequest) request = NULL;
  g_autoptr(GError) refusal = NULL;
  g_autofree char *now = sila_clock_timestamp ();
  g_autofree char *summary = NULL;
  g_autofree char *decided = NULL;
  const SilaRequestStep *step;
  const char *researcher = NULL;

  g_return_val_if_fail (SILA_IS_STORE (self), FALSE);
  g_return_val_if_fail (to >= 0 && to < SILA_N_REQUEST_STATUSES, FALSE);

  if (input == NULL)
    input = &nothing;

  /* Signed in and allowed to see it at all, before anything is read. */
  if (!sila_store_require (self, actor, SILA_PERM_REQUEST_VIEW, error))
    return FALSE;

  tx = sila_transaction_begin (self, error);
  if (tx == NULL)
    return FALSE;
  request = sila_store_read_request (self, "r.id = ?1", request_id, error);
  if (request == NULL)
    return FALSE;
  if (expected_rev > 0 && request->rev != expected_rev)
    {
      g_set_error_literal (error, SILA_STORE_ERROR, SILA_STORE_ERROR_CONFLICT,
                           _("Someone else changed this request meanwhile: look at it again."));
      return FALSE;
    }

  /* The policy first (a step it has not), then the role, then what the
   * step needs: each refusal says what to do. */
  step = sila_request_step_find (request->status, to);
  if (step == NULL)
    {
      sila_request_check_step (request, to, input, &refusal);
      return invalid (error, g_steal_pointer (&refusal));
    }
  if (!sila_store_require (self, actor, step->permission, error))
    return FALSE;
  if (!sila_request_check_step (request, to, input, &refusal))
    return invalid (error, g_steal_pointer (&refusal));

  researcher = request->researcher;
  if (to == SILA_REQUEST_IN_RESEARCH && input->researcher != NULL)
    {
      if (!sila_store_staff_has_role (self, input->researcher, SILA_ROLE_RESEARCHER, error))
        return FALSE;
      researcher = input->researcher;
    }
  else if (to == SILA_REQUEST_RESEARCH_DONE)
    researcher = actor->username;

  if (to == SILA_REQUEST_ACCEPTED || to == SILA_REQUEST_REJECTED)
    {
      GDate today;

      sila_clock_today (&today);
      decided = sila_date_to_iso (input->decided_on != NULL ? input->decided_on : &today);
    }

  stmt = sila_store_prepare (self,
                             "UPDATE requests SET status = ?2, status_at = ?3, researcher = ?4, "
                             "decided_on = coalesce (?5, decided_on), updated_at = ?3, "
                             "updated_by = ?6, rev = rev + 1 WHERE id = ?1",
                             error);
  if (stmt == NULL)
    return FALSE;
  sila_bind_text (stmt, 1, request->id);
  sila_bind_text (stmt, 2, sila_request_status_to_code (to));
  sila_bind_text (stmt, 3, now);
  sila_bind_text (stmt, 4, researcher);
  sila_bind_text (stmt, 5, decided);
  sila_bind_text (stmt, 6, actor->username);
  if (sila_store_step (self, stmt, error) != SILA_STEP_DONE)
    return FALSE;

  summary = g_strdup_printf ("%s: %s → %s", request->number,
                             sila_request_status_to_code (request->status),
                             sila_request_status_to_code (to));
  if (!add_event (self, actor, request, request->status, to, now, input->reason, input->note,
                  error) ||
      !record_outcome (self, actor, request, to, input, now, error) ||
      !sila_store_audit (self, actor, "move", SILA_AUDIT_ENTITY_REQUEST, request->id, summary,
                         NULL, NULL, error))
    return FALSE;

  return sila_transaction_commit (tx, error);
}

gboolean
sila_store_assign_researcher (SilaStore        *self,
                              const SilaActor  *actor,
                              const char       *request_id,
                              const char       *researcher,
                              GError          **error)
{
  g_autoptr(SilaTransaction) tx = NULL;
  g_autoptr(SilaStatement) stmt = NULL;
  g_autoptr(SilaRequest) request = NULL;
  g_autoptr(GError) refusal = NULL;
  g_autofree char *now = sila_clock_timestamp ();
  g_autofree char *summary = NULL;

  g_return_val_if_fail (SILA_IS_STORE (self), FALSE);

  if (!sila_store_require (self, actor, SILA_PERM_REQUEST_REFER, error))
    return FALSE;

  tx = sila_transaction_begin (self, error);
  if (tx == NULL)
    return FALSE;
  request = sila_store_read_request_for_change (self, request_id, error);
  if (request == NULL)
    return FALSE;
  if (!sila_request_check_assign_researcher (request, &refusal))
    return invalid (error, g_steal_pointer (&refusal));
  if (researcher != NULL &&
      !sila_store_staff_has_role (self, researcher, SILA_ROLE_RESEARCHER, error))
    return FALSE;

  stmt = sila_store_prepare (self,
                             "UPDATE requests SET researcher = ?2, updated_at = ?3, "
                             "updated_by = ?4, rev = rev + 1 WHERE id = ?1",
                             error);
  if (stmt == NULL)
    return FALSE;
  sila_bind_text (stmt, 1, request->id);
  sila_bind_text (stmt, 2, researcher);
  sila_bind_text (stmt, 3, now);
  sila_bind_text (stmt, 4, actor->username);
  if (sila_store_step (self, stmt, error) != SILA_STEP_DONE)
    return FALSE;

  summary = g_strdup_printf ("%s: researcher %s", request->number,
                             researcher != NULL ? researcher : "-");
  if (!sila_store_audit (self, actor, "assign", SILA_AUDIT_ENTITY_REQUEST, request->id, summary,
                         request->researcher, researcher, error))
    return FALSE;

  return sila_transaction_commit (tx, error);
}

gboolean
sila_store_sign_request (SilaStore        *self,
                         const SilaActor  *actor,
                         const char       *request_id,
                         SilaDeclaration   declaration,
                         const char       *signature,
                         GError          **error)
{
  g_autoptr(SilaTransaction) tx = NULL;
  g_autoptr(SilaStatement) stmt = NULL;
  g_autoptr(SilaRequest) request = NULL;
  g_autoptr(SilaSignature) strokes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *now = sila_clock_timestamp ();
  g_autofree char *text = NULL;
  g_autofree char *summary = NULL;

  g_return_val_if_fail (SILA_IS_STORE (self), FALSE);

  if (!sila_store_require (self, actor, SILA_PERM_REQUEST_OPEN, error))
    return FALSE;

  if (declaration == SILA_DECLARATION_DRAWN)
    {
      strokes = sila_signature_from_text (signature, &local_error);
      if (strokes == NULL)
        return invalid (error, g_steal_pointer (&local_error));
      text = sila_signature_to_text (strokes);
    }

  tx = sila_transaction_begin (self, error);
  if (tx == NULL)
    return FALSE;
  request = sila_store_read_request_for_change (self, request_id, error);
  if (request == NULL)
    return FALSE;

  stmt = sila_store_prepare (self,
                             "UPDATE requests SET declaration = ?2, signature = ?3, "
                             "signed_at = CASE WHEN ?2 = 'pending' THEN NULL ELSE ?4 END, "
                             "updated_at = ?4, updated_by = ?5, rev = rev + 1 WHERE id = ?1",
                             error);
  if (stmt == NULL)
    return FALSE;
  sila_bind_text (stmt, 1, request->id);
  sila_bind_text (stmt, 2, sila_declaration_to_code (declaration));
  sila_bind_text (stmt, 3, text);
  sila_bind_text (stmt, 4, now);
  sila_bind_text (stmt, 5, actor->username);
  if (sila_store_step (self, stmt, error) != SILA_STEP_DONE)
    return FALSE;

  summary = g_strdup_printf ("%s: declaration %s", request->number,
                             sila_declaration_to_code (declaration));
  if (!sila_store_audit (self, actor, "sign", SILA_AUDIT_ENTITY_REQUEST, request->id, summary,
                         NULL, NULL, error))
    return FALSE;

  return sila_transaction_commit (tx, error);
}
