/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reading requests: one whole (checklist, timeline, report, decision,
 * deliveries), and the helpers that read a request's columns; lists of
 * requests are in sila-store-request-list.c. */
#define G_LOG_DOMAIN "sila-store"

#include "sila-config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "sila-clock.h"
#include "sila-field.h"
#include "sila-store-requests-private.h"

/* Helpers */

void
sila_bind_date (SilaStatement *stmt,
                int            index,
                const GDate   *date)
{
  g_autofree char *iso = NULL;

  if (date == NULL || !g_date_valid (date))
    {
      sila_bind_null (stmt, index);
      return;
    }
  iso = sila_date_to_iso (date);
  sila_bind_text (stmt, index, iso);
}

void
sila_column_date (SilaStatement *stmt,
                  int            column,
                  GDate         *date)
{
  if (!sila_date_from_iso (sila_column_text (stmt, column), date))
    g_date_clear (date, 1);
}

char *
sila_request_column_dup_or_null (SilaStatement *stmt,
                                 int            column)
{
  return sila_column_is_null (stmt, column) ? NULL : sila_column_dup (stmt, column);
}

/* The four parts of a name, joined. */
char *
sila_request_column_full_name (SilaStatement *stmt,
                               int            first)
{
  GString *name = g_string_new (NULL);

  for (int i = first; i < first + 4; i++)
    {
      const char *part = sila_column_text (stmt, i);

      if (part == NULL || *part == '\0')
        continue;
      if (name->len > 0)
        g_string_append_c (name, ' ');
      g_string_append (name, part);
    }

  return g_string_free (name, FALSE);
}

SilaRequestStatus
sila_request_column_status (SilaStatement *stmt,
                            int            column)
{
  SilaRequestStatus status = SILA_REQUEST_NONE;
  const char *code = sila_column_text (stmt, column);

  if (code != NULL)
    sila_request_status_parse (code, &status, NULL);
  return status;
}

SilaChannel
sila_request_column_channel (SilaStatement *stmt,
                             int            column)
{
  const char *code = sila_column_text (stmt, column);
  SilaChannel channel = SILA_CHANNEL_INTERVIEW;

  /* Stored codes are exact: no need to normalize them. */
  for (guint i = 0; code != NULL && i < SILA_N_CHANNELS; i++)
    if (strcmp (code, sila_channel_to_code (i)) == 0)
      return (SilaChannel)i;
  sila_channel_parse (code, &channel, NULL);
  return channel;
}

gboolean
sila_store_staff_has_role (SilaStore   *self,
                           const char  *username,
                           SilaRole     role,
                           GError     **error)
{
  g_autoptr(SilaStatement) stmt = NULL;
  SilaStep step;

  stmt = sila_store_prepare (self,
                             "SELECT roles FROM staff WHERE username = ?1 AND active <> 0 "
                             "AND deleted_at IS NULL",
                             error);
  if (stmt == NULL)
    return FALSE;
  sila_bind_text (stmt, 1, username);
  step = sila_store_step (self, stmt, error);
  if (step == SILA_STEP_ROW && (sila_column_int (stmt, 0) & role) != 0)
    return TRUE;
  if (step != SILA_STEP_ERROR)
    g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_INVALID,
                 _("“%s” is not an active staff member with the role “%s”."),
                 username != NULL ? username : "", sila_role_to_display (role));
  return FALSE;
}

char *
sila_request_audit_json (const SilaRequest *request)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *received = sila_date_to_iso (&request->received);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "number");
  json_builder_add_string_value (builder, request->number);
  json_builder_set_member_name (builder, "beneficiary_id");
  json_builder_add_string_value (builder, request->beneficiary_id);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, request->type);
  json_builder_set_member_name (builder, "channel");
  json_builder_add_string_value (builder, sila_channel_to_code (request->channel));
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, sila_request_status_to_code (request->status));
  json_builder_set_member_name (builder, "received");
  json_builder_add_string_value (builder, received);
  if (request->amount_asked >= 0)
    {
      json_builder_set_member_name (builder, "amount_asked");
      json_builder_add_int_value (builder, request->amount_asked);
    }
  json_builder_set_member_name (builder, "declaration");
  json_builder_add_string_value (builder, sila_declaration_to_code (request->declaration));
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

/* One request, whole */

#define REQUEST_COLUMNS \
  "r.id, r.number, r.seq, r.rev, r.created_at, r.updated_at, r.status_at, " \
  "r.beneficiary_id, b.file_number, b.first_name, b.father_name, b.grandfather_name, " \
  "b.family_name, b.id_number, b.mobile, r.request_type, t.name_ar, t.name_en, r.channel, " \
  "r.status, r.received_on, r.due_on, r.received_by, rs.display_name, r.description, " \
  "r.amount_asked, r.declaration, r.signature, r.signed_at, r.researcher, res.display_name"

static gboolean
read_documents (SilaStore    *self,
                SilaRequest  *request,
                GError      **error)
{
  g_autoptr(SilaStatement) stmt = NULL;
  SilaStep step;

  stmt = sila_store_prepare (self,
                             "SELECT d.document_type, t.name_ar, t.name_en, t.expires, d.required, "
                             "d.status, d.expires_on, d.submitted_on, d.verified_by, "
                             "s.display_name, d.verified_at, d.note, d.file_name, d.file_mime, "
                             "d.file_size, d.updated_by, d.updated_at "
                             "FROM request_documents d "
                             "JOIN document_types t ON t.code = d.document_type "
                             "LEFT JOIN staff s ON s.username = d.verified_by "
                             "WHERE d.request_id = ?1 AND d.deleted_at IS NULL "
                             "ORDER BY d.required DESC, d.position",
                             error);
  if (stmt == NULL)
    return FALSE;
  sila_bind_text (stmt, 1, request->id);

  while ((step = sila_store_step (self, stmt, error)) == SILA_STEP_ROW)
    {
      SilaRequestDocument *d = sila_request_document_new ();

      d->type = sila_column_dup (stmt, 0);
      d->name_ar = sila_column_dup (stmt, 1);
      d->name_en = sila_column_dup (stmt, 2);
      d->type_expires = sila_column_int (stmt, 3) != 0;
      d->required = sila_column_int (stmt, 4) != 0;
      sila_document_status_parse (sila_column_text (stmt, 5), &d->status, NULL);
      sila_column_date (stmt, 6, &d->expires);
      sila_column_date (stmt, 7, &d->submitted);
      d->verified_by = sila_request_column_dup_or_null (stmt, 8);
      d->verified_by_name = sila_request_column_dup_or_null (stmt, 9);
      d->verified_at = sila_request_column_dup_or_null (stmt, 10);
      d->note = sila_request_column_dup_or_null (stmt, 11);
      d->file_name = sila_request_column_dup_or_null (stmt, 12);
      d->file_mime = sila_request_column_dup_or_null (stmt, 13);
      d->file_size = sila_column_int64 (stmt, 14);
      d->updated_by = sila_request_column_dup_or_null (stmt, 15);
      d->updated_at = sila_request_column_dup_or_null (stmt, 16);
      g_ptr_array_add (request->documents, d);
    }

  return step == SILA_STEP_DONE;
}

static gboolean
read_events (SilaStore    *self,
             SilaRequest  *request,
             GError      **error)
{
  g_autoptr(SilaStatement) stmt = NULL;
  SilaStep step;

  stmt = sila_store_prepare (self,
                             "SELECT e.from_status, e.status, e.actor, s.display_name, e.at, "
                             "e.elapsed_seconds, e.reason, e.note FROM request_events e "
                             "LEFT JOIN staff s ON s.username = e.actor "
                             "WHERE e.request_id = ?1 ORDER BY e.step",
                             error);
  if (stmt == NULL)
    return FALSE;
  sila_bind_text (stmt, 1, request->id);

  while ((step = sila_store_step (self, stmt, error)) == SILA_STEP_ROW)
    {
      SilaRequestEvent *e = g_new0 (SilaRequestEvent, 1);

      e->from = sila_request_column_status (stmt, 0);
      e->status = sila_request_column_status (stmt, 1);
      e->by = sila_column_dup (stmt, 2);
      e->by_name = sila_request_column_dup_or_null (stmt, 3);
      e->at = sila_column_dup (stmt, 4);
      e->elapsed_seconds = sila_column_is_null (stmt, 5)
                           ? -1 : sila_column_int64 (stmt, 5);
      e->reason = sila_request_column_dup_or_null (stmt, 6);
      e->note = sila_request_column_dup_or_null (stmt, 7);
      g_ptr_array_add (request->events, e);
    }

  return step == SILA_STEP_DONE;
}

static gboolean
read_outcome (SilaStore    *self,
              SilaRequest  *request,
              GError      **error)
{
  g_autoptr(SilaStatement) stmt = NULL;
  SilaStep step;

  stmt = sila_store_prepare (self,
                             "SELECT r.researcher, s.display_name, r.visit_on, r.findings, "
                             "r.recommendation, r.created_at FROM research_reports r "
                             "LEFT JOIN staff s ON s.username = r.researcher "
                             "WHERE r.request_id = ?1 AND r.deleted_at IS NULL",
                             error);
  if (stmt == NULL)
    return FALSE;
  sila_bind_text (stmt, 1, request->id);
  step = sila_store_step (self, stmt, error);
  if (step == SILA_STEP_ERROR)
    return FALSE;
  if (step == SILA_STEP_ROW)
    {
      SilaResearchReport *r = g_new0 (SilaResearchReport, 1);

      r->researcher = sila_column_dup (stmt, 0);
      r->researcher_name = sila_request_column_dup_or_null (stmt, 1);
      sila_column_date (stmt, 2, &r->visit_date);
      r->findings = sila_column_dup (stmt, 3);
      r->recommendation = sila_request_column_dup_or_null (stmt, 4);
      r->written_at = sila_column_dup (stmt, 5);
      request->research = r;
    }
  g_clear_pointer (&stmt, sila_statement_release);

  stmt = sila_store_prepare (self,
                             "SELECT decision, reason, decided_on, members, recorded_by, "
                             "created_at FROM committee_decisions "
                             "WHERE request_id = ?1 AND deleted_at IS NULL",
                             error);
  if (stmt == NULL)
    return FALSE;
  sila_bind_text (stmt, 1, request->id);
  step = sila_store_step (self, stmt, error);
  if (step == SILA_STEP_ERROR)
    return FALSE;
  if (step == SILA_STEP_ROW)
    {
      SilaCommitteeDecision *d = g_new0 (SilaCommitteeDecision, 1);

      d->decision = sila_request_column_status (stmt, 0);
      d->reason = sila_request_column_dup_or_null (stmt, 1);
      sila_column_date (stmt, 2, &d->decided_on);
      d->members = sila_request_column_dup_or_null (stmt, 3);
      d->recorded_by = sila_column_dup (stmt, 4);
      d->recorded_at = sila_column_dup (stmt, 5);
      request->decision = d;
    }
  g_clear_pointer (&stmt, sila_statement_release);

  stmt = sila_store_prepare (self,
                             "SELECT d.kind, d.description, d.amount_halalas, d.delivered_on, "
                             "d.delivered_by, s.display_name, d.created_at FROM deliveries d "
                             "LEFT JOIN staff s ON s.username = d.delivered_by "
                             "WHERE d.request_id = ?1 AND d.deleted_at IS NULL "
                             "ORDER BY d.created_at",
                             error);
  if (stmt == NULL)
    return FALSE;
  sila_bind_text (stmt, 1, request->id);
  while ((step = sila_store_step (self, stmt, error)) == SILA_STEP_ROW)
    {
      SilaDelivery *d = g_new0 (SilaDelivery, 1);

      d->kind = sila_column_dup (stmt, 0);
      d->description = sila_request_column_dup_or_null (stmt, 1);
      d->amount_halalas = sila_column_int64 (stmt, 2);
      sila_column_date (stmt, 3, &d->delivered_on);
      d->delivered_by = sila_column_dup (stmt, 4);
      d->delivered_by_name = sila_request_column_dup_or_null (stmt, 5);
      d->recorded_at = sila_column_dup (stmt, 6);
      g_ptr_array_add (request->deliveries, d);
    }

  return step == SILA_STEP_DONE;
}

SilaRequest *
sila_store_read_request (SilaStore   *self,
                         const char  *where,
                         const char  *key,
                         GError     **error)
{
  g_autoptr(SilaStatement) stmt = NULL;
  g_autoptr(SilaRequest) request = NULL;
  g_autofree char *sql = NULL;
  SilaStep step;

  sql = g_strdup_printf ("SELECT " REQUEST_COLUMNS " FROM requests r "
                         "JOIN beneficiaries b ON b.id = r.beneficiary_id "
                         "JOIN request_types t ON t.code = r.request_type "
                         "LEFT JOIN staff rs ON rs.username = r.received_by "
                         "LEFT JOIN staff res ON res.username = r.researcher "
                         "WHERE r.deleted_at IS NULL AND %s", where);
  stmt = sila_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  sila_bind_text (stmt, 1, key);

  step = sila_store_step (self, stmt, error);
  if (step == SILA_STEP_ERROR)
    return NULL;
  if (step == SILA_STEP_DONE)
    {
      g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_NOT_FOUND,
                   _("There is no request “%s”."), key != NULL ? key : "");
      return NULL;
    }

  request = sila_request_new ();
  request->id = sila_column_dup (stmt, 0);
  request->number = sila_column_dup (stmt, 1);
  request->seq = sila_column_int64 (stmt, 2);
  request->rev = sila_column_int64 (stmt, 3);
  request->created_at = sila_column_dup (stmt, 4);
  request->updated_at = sila_column_dup (stmt, 5);
  request->status_at = sila_column_dup (stmt, 6);
  request->beneficiary_id = sila_column_dup (stmt, 7);
  request->file_number = sila_column_int64 (stmt, 8);
  request->beneficiary_name = sila_request_column_full_name (stmt, 9);
  request->beneficiary_id_number = sila_request_column_dup_or_null (stmt, 13);
  request->beneficiary_mobile = sila_request_column_dup_or_null (stmt, 14);
  request->type = sila_column_dup (stmt, 15);
  request->type_name_ar = sila_column_dup (stmt, 16);
  request->type_name_en = sila_column_dup (stmt, 17);
  request->channel = sila_request_column_channel (stmt, 18);
  request->status = sila_request_column_status (stmt, 19);
  sila_column_date (stmt, 20, &request->received);
  sila_column_date (stmt, 21, &request->due);
  request->received_by = sila_column_dup (stmt, 22);
  request->received_by_name = sila_request_column_dup_or_null (stmt, 23);
  request->description = sila_request_column_dup_or_null (stmt, 24);
  request->amount_asked = sila_column_is_null (stmt, 25)
                          ? -1 : sila_column_int64 (stmt, 25);
  sila_declaration_from_code (sila_column_text (stmt, 26),
                              &request->declaration);
  request->signature = sila_request_column_dup_or_null (stmt, 27);
  request->signed_at = sila_request_column_dup_or_null (stmt, 28);
  request->researcher = sila_request_column_dup_or_null (stmt, 29);
  request->researcher_name = sila_request_column_dup_or_null (stmt, 30);
  g_clear_pointer (&stmt, sila_statement_release);

  if (!read_documents (self, request, error) ||
      !read_events (self, request, error) ||
      !read_outcome (self, request, error))
    return NULL;

  return g_steal_pointer (&request);
}

SilaRequest *
sila_store_get_request (SilaStore        *self,
                        const SilaActor  *actor,
                        const char       *id,
                        GError          **error)
{
  g_return_val_if_fail (SILA_IS_STORE (self), NULL);

  if (!sila_store_require (self, actor, SILA_PERM_REQUEST_VIEW, error))
    return NULL;

  return sila_store_read_request (self, "r.id = ?1", id, error);
}

SilaRequest *
sila_store_find_request (SilaStore        *self,
                         const SilaActor  *actor,
                         const char       *number,
                         GError          **error)
{
  g_autofree char *clean = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (SILA_IS_STORE (self), NULL);

  if (!sila_store_require (self, actor, SILA_PERM_REQUEST_VIEW, error))
    return NULL;

  clean = sila_request_number_normalize (number, &local_error);
  if (clean == NULL)
    {
      g_set_error_literal (error, SILA_STORE_ERROR, SILA_STORE_ERROR_NOT_FOUND,
                           local_error->message);
      return NULL;
    }

  /* A receipt from a field event carries the provisional number; the
   * merge kept which final one it became. */
  if (sila_field_request_number_is_provisional (clean))
    {
      g_autofree char *final = NULL;
      g_autoptr(SilaStatement) stmt =
        sila_store_prepare (self, "SELECT final FROM field_numbers "
                                  "WHERE kind = 'requests.number' AND provisional = ?1", NULL);

      if (stmt != NULL)
        {
          sila_bind_text (stmt, 1, clean);
          if (sila_store_step_text (self, stmt, &final, NULL) && final != NULL)
            {
              g_free (clean);
              clean = g_steal_pointer (&final);
            }
        }
    }

  return sila_store_read_request (self, "r.number = ?1", clean, error);
}
