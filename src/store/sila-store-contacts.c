/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The contacts log: inquiries and answers, referrals to the researcher,
 * follow-ups. What reports need (channel, asked_at, answer_seconds) is
 * written when the contact is answered. */
#define G_LOG_DOMAIN "sila-store"

#include "sila-config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sila-clock.h"
#include "sila-request-input.h"
#include "sila-store-contacts.h"
#include "sila-store-outreach-private.h"
#include "sila-store-requests-private.h"

void
sila_contact_filter_init (SilaContactFilter *filter)
{
  memset (filter, 0, sizeof *filter);
  filter->channel = -1;
  filter->status = -1;
  filter->kind = -1;
}

static gint64
seconds_between (const char *earlier,
                 const char *later)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) a = g_date_time_new_from_iso8601 (earlier, utc);
  g_autoptr(GDateTime) b = g_date_time_new_from_iso8601 (later, utc);

  if (a == NULL || b == NULL)
    return 0;
  return MAX (0, g_date_time_difference (b, a) / G_USEC_PER_SEC);
}

gboolean
sila_store_add_contact (SilaStore        *self,
                        const SilaActor  *actor,
                        SilaContact      *contact,
                        GError          **error)
{
  g_autoptr(SilaTransaction) tx = NULL;
  g_autoptr(SilaStatement) stmt = NULL;
  g_autofree char *now = sila_clock_timestamp ();
  g_autofree char *summary = NULL;
  g_autoptr(GPtrArray) outreach = NULL;
  gint64 seq = 0;

  g_return_val_if_fail (SILA_IS_STORE (self), FALSE);
  g_return_val_if_fail (contact != NULL && contact->id == NULL, FALSE);
  g_return_val_if_fail (contact->outcome == SILA_OUTCOME_NONE ||
                        contact->direction == SILA_DIRECTION_OUTBOUND, FALSE);

  if (!sila_store_require (self, actor, SILA_PERM_CONTACT_EDIT, error))
    return FALSE;

  tx = sila_transaction_begin (self, error);
  if (tx == NULL)
    return FALSE;

  if (contact->referred_to != NULL &&
      !sila_store_staff_has_role (self, contact->referred_to, SILA_ROLE_RESEARCHER, error))
    return FALSE;
  if (contact->beneficiary_id != NULL)
    {
      g_autoptr(SilaStatement) check = sila_store_prepare (self,
          "SELECT 1 FROM beneficiaries WHERE id = ?1 AND deleted_at IS NULL", error);

      if (check == NULL)
        return FALSE;
      sila_bind_text (check, 1, contact->beneficiary_id);
      if (sila_store_step (self, check, error) != SILA_STEP_ROW)
        {
          g_clear_error (error);
          g_set_error_literal (error, SILA_STORE_ERROR, SILA_STORE_ERROR_NOT_FOUND,
                               _("There is no such beneficiary file."));
          return FALSE;
        }
    }
  if (contact->request_id != NULL)
    {
      g_autoptr(SilaStatement) check = sila_store_prepare (self,
          "SELECT 1 FROM requests WHERE id = ?1 AND deleted_at IS NULL "
          "AND beneficiary_id IS NOT DISTINCT FROM ?2", error);

      if (check == NULL)
        return FALSE;
      sila_bind_text (check, 1, contact->request_id);
      sila_bind_text (check, 2, contact->beneficiary_id);
      if (sila_store_step (self, check, error) != SILA_STEP_ROW)
        {
          g_clear_error (error);
          g_set_error_literal (error, SILA_STORE_ERROR, SILA_STORE_ERROR_INVALID,
                               _("That request is not one of this person’s."));
          return FALSE;
        }
    }
  /* The person's outreach items before this contact, to record which of
   * them it answered. */
  if (contact->direction == SILA_DIRECTION_OUTBOUND && contact->beneficiary_id != NULL)
    {
      outreach = sila_store_outreach_items (self, NULL, contact->beneficiary_id, TRUE,
                                            error);
      if (outreach == NULL)
        return FALSE;
    }
  if (!sila_store_next_number (self, "contact", &seq, error))
    return FALSE;

  contact->id = g_uuid_string_random ();
  contact->seq = seq;
  contact->rev = 1;
  g_free (contact->handled_by);
  contact->handled_by = g_strdup (actor->username);
  if (contact->answer != NULL)
    {
      contact->status = SILA_CONTACT_ANSWERED;
      contact->answered_at = g_strdup (now);
      contact->answered_by = g_strdup (actor->username);
      contact->answer_seconds = seconds_between (contact->asked_at, now);
    }

  stmt = sila_store_prepare (self,
                             "INSERT INTO contacts (id, seq, beneficiary_id, caller, channel, "
                             "direction, kind, status, question, answer, asked_at, answered_at, "
                             "answer_seconds, handled_by, answered_by, referred_to, request_id, "
                             "created_at, updated_at, device_id, outcome) VALUES (?1, ?2, ?3, "
                             "?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, "
                             "?18, ?18, ?19, ?20)",
                             error);
  if (stmt == NULL)
    return FALSE;
  sila_bind_text (stmt, 1, contact->id);
  sila_bind_int64 (stmt, 2, seq);
  sila_bind_text (stmt, 3, contact->beneficiary_id);
  sila_bind_text (stmt, 4, contact->caller);
  sila_bind_text (stmt, 5, sila_channel_to_code (contact->channel));
  sila_bind_text (stmt, 6, sila_contact_direction_to_code (contact->direction));
  sila_bind_text (stmt, 7, sila_contact_kind_to_code (contact->kind));
  sila_bind_text (stmt, 8, sila_contact_status_to_code (contact->status));
  sila_bind_text (stmt, 9, contact->question);
  sila_bind_text (stmt, 10, contact->answer);
  sila_bind_text (stmt, 11, contact->asked_at);
  sila_bind_text (stmt, 12, contact->answered_at);
  if (contact->answer_seconds >= 0)
    sila_bind_int64 (stmt, 13, contact->answer_seconds);
  sila_bind_text (stmt, 14, actor->username);
  sila_bind_text (stmt, 15, contact->answered_by);
  sila_bind_text (stmt, 16, contact->referred_to);
  sila_bind_text (stmt, 17, contact->request_id);
  sila_bind_text (stmt, 18, now);
  sila_bind_text (stmt, 19, sila_store_get_device_id (self));
  sila_bind_text (stmt, 20, sila_contact_outcome_to_code (contact->outcome));
  if (sila_store_step (self, stmt, error) != SILA_STEP_DONE)
    return FALSE;
  if (outreach != NULL &&
      !sila_store_outreach_link_contact (self, outreach, contact, now, error))
    return FALSE;

  summary = g_strdup_printf ("%s %s %s%s%s", sila_contact_kind_to_code (contact->kind),
                             sila_channel_to_code (contact->channel),
                             sila_contact_status_to_code (contact->status),
                             contact->outcome != SILA_OUTCOME_NONE ? " " : "",
                             contact->outcome != SILA_OUTCOME_NONE
                             ? sila_contact_outcome_to_code (contact->outcome) : "");
  if (!sila_store_audit (self, actor, "create", SILA_AUDIT_ENTITY_CONTACT, contact->id, summary,
                         NULL, NULL, error))
    return FALSE;

  return sila_transaction_commit (tx, error);
}

#define CONTACT_COLUMNS \
  "c.id, c.seq, c.rev, c.beneficiary_id, b.file_number, b.first_name, b.father_name, " \
  "b.grandfather_name, b.family_name, c.caller, c.channel, c.direction, c.kind, c.status, " \
  "c.question, c.answer, c.asked_at, c.answered_at, c.answer_seconds, c.handled_by, " \
  "h.display_name, c.answered_by, a.display_name, c.referred_to, r.display_name, c.request_id, " \
  "q.number, c.outcome"
#define CONTACT_FROM \
  " FROM contacts c LEFT JOIN beneficiaries b ON b.id = c.beneficiary_id " \
  "LEFT JOIN staff h ON h.username = c.handled_by " \
  "LEFT JOIN staff a ON a.username = c.answered_by " \
  "LEFT JOIN staff r ON r.username = c.referred_to " \
  "LEFT JOIN requests q ON q.id = c.request_id "

static char *
dup_or_null (SilaStatement *stmt,
             int            column)
{
  return sila_column_is_null (stmt, column) ? NULL : sila_column_dup (stmt, column);
}

static SilaContact *
contact_from_stmt (SilaStatement *stmt)
{
  SilaContact *c = sila_contact_new ();

  c->id = sila_column_dup (stmt, 0);
  c->seq = sila_column_int64 (stmt, 1);
  c->rev = sila_column_int64 (stmt, 2);
  c->beneficiary_id = dup_or_null (stmt, 3);
  if (c->beneficiary_id != NULL)
    {
      GString *name = g_string_new (NULL);

      c->file_number = sila_column_int64 (stmt, 4);
      for (int i = 5; i < 9; i++)
        {
          const char *part = sila_column_text (stmt, i);

          if (part != NULL && *part != '\0')
            g_string_append_printf (name, "%s%s", name->len > 0 ? " " : "", part);
        }
      c->beneficiary_name = g_string_free (name, FALSE);
    }
  c->caller = dup_or_null (stmt, 9);
  sila_channel_parse (sila_column_text (stmt, 10), &c->channel, NULL);
  sila_contact_direction_from_code (sila_column_text (stmt, 11), &c->direction);
  sila_contact_kind_from_code (sila_column_text (stmt, 12), &c->kind);
  sila_contact_status_from_code (sila_column_text (stmt, 13), &c->status);
  c->question = sila_column_dup (stmt, 14);
  c->answer = dup_or_null (stmt, 15);
  c->asked_at = sila_column_dup (stmt, 16);
  c->answered_at = dup_or_null (stmt, 17);
  c->answer_seconds = sila_column_is_null (stmt, 18)
                      ? -1 : sila_column_int64 (stmt, 18);
  c->handled_by = sila_column_dup (stmt, 19);
  c->handled_by_name = dup_or_null (stmt, 20);
  c->answered_by = dup_or_null (stmt, 21);
  c->answered_by_name = dup_or_null (stmt, 22);
  c->referred_to = dup_or_null (stmt, 23);
  c->referred_to_name = dup_or_null (stmt, 24);
  c->request_id = dup_or_null (stmt, 25);
  c->request_number = dup_or_null (stmt, 26);
  if (!sila_contact_outcome_from_code (sila_column_text (stmt, 27), &c->outcome))
    c->outcome = SILA_OUTCOME_NONE;
  return c;
}

static SilaContact *
read_contact (SilaStore   *self,
              const char  *id,
              GError     **error)
{
  g_autoptr(SilaStatement) stmt = NULL;
  SilaStep step;

  stmt = sila_store_prepare (self,
                             "SELECT " CONTACT_COLUMNS CONTACT_FROM
                             "WHERE c.id = ?1 AND c.deleted_at IS NULL",
                             error);
  if (stmt == NULL)
    return NULL;
  sila_bind_text (stmt, 1, id);
  step = sila_store_step (self, stmt, error);
  if (step == SILA_STEP_ERROR)
    return NULL;
  if (step == SILA_STEP_DONE)
    {
      g_set_error_literal (error, SILA_STORE_ERROR, SILA_STORE_ERROR_NOT_FOUND,
                           _("This contact is no longer in the log."));
      return NULL;
    }

  return contact_from_stmt (stmt);
}

SilaContact *
sila_store_get_contact (SilaStore        *self,
                        const SilaActor  *actor,
                        const char       *id,
                        GError          **error)
{
  g_return_val_if_fail (SILA_IS_STORE (self), NULL);

  if (!sila_store_require (self, actor, SILA_PERM_CONTACT_VIEW, error))
    return NULL;

  return read_contact (self, id, error);
}

gboolean
sila_store_answer_contact (SilaStore        *self,
                           const SilaActor  *actor,
                           const char       *id,
                           const char       *answer,
                           GError          **error)
{
  g_autoptr(SilaTransaction) tx = NULL;
  g_autoptr(SilaStatement) stmt = NULL;
  g_autoptr(SilaContact) contact = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *clean = NULL;
  g_autofree char *now = sila_clock_timestamp ();

  g_return_val_if_fail (SILA_IS_STORE (self), FALSE);

  if (!sila_store_require (self, actor, SILA_PERM_CONTACT_EDIT, error))
    return FALSE;

  clean = sila_text_clean_paragraph (answer, SILA_CONTACT_TEXT_MAX, &local_error);
  if (clean == NULL)
    {
      g_set_error_literal (error, SILA_STORE_ERROR, SILA_STORE_ERROR_INVALID,
                           local_error != NULL ? local_error->message
                                               : _("Write the answer given."));
      return FALSE;
    }

  tx = sila_transaction_begin (self, error);
  if (tx == NULL)
    return FALSE;
  contact = read_contact (self, id, error);
  if (contact == NULL)
    return FALSE;
  if (contact->status == SILA_CONTACT_ANSWERED)
    {
      g_set_error_literal (error, SILA_STORE_ERROR, SILA_STORE_ERROR_INVALID,
                           _("This contact was answered already."));
      return FALSE;
    }

  stmt = sila_store_prepare (self,
                             "UPDATE contacts SET status = 'answered', answer = ?2, "
                             "answered_at = ?3, answered_by = ?4, answer_seconds = ?5, "
                             "updated_at = ?3, rev = rev + 1 WHERE id = ?1",
                             error);
  if (stmt == NULL)
    return FALSE;
  sila_bind_text (stmt, 1, id);
  sila_bind_text (stmt, 2, clean);
  sila_bind_text (stmt, 3, now);
  sila_bind_text (stmt, 4, actor->username);
  sila_bind_int64 (stmt, 5, seconds_between (contact->asked_at, now));
  if (sila_store_step (self, stmt, error) != SILA_STEP_DONE ||
      !sila_store_audit (self, actor, "answer", SILA_AUDIT_ENTITY_CONTACT, id, NULL, NULL, NULL,
                         error))
    return FALSE;

  return sila_transaction_commit (tx, error);
}

gboolean
sila_store_refer_contact (SilaStore        *self,
                          const SilaActor  *actor,
                          const char       *id,
                          const char       *researcher,
                          GError          **error)
{
  g_autoptr(SilaTransaction) tx = NULL;
  g_autoptr(SilaStatement) stmt = NULL;
  g_autoptr(SilaContact) contact = NULL;
  g_autofree char *now = sila_clock_timestamp ();

  g_return_val_if_fail (SILA_IS_STORE (self), FALSE);

  if (!sila_store_require (self, actor, SILA_PERM_CONTACT_EDIT, error))
    return FALSE;

  tx = sila_transaction_begin (self, error);
  if (tx == NULL)
    return FALSE;
  contact = read_contact (self, id, error);
  if (contact == NULL)
    return FALSE;
  if (contact->status == SILA_CONTACT_ANSWERED)
    {
      g_set_error_literal (error, SILA_STORE_ERROR, SILA_STORE_ERROR_INVALID,
                           _("This contact was answered already."));
      return FALSE;
    }
  if (researcher != NULL &&
      !sila_store_staff_has_role (self, researcher, SILA_ROLE_RESEARCHER, error))
    return FALSE;

  stmt = sila_store_prepare (self,
                             "UPDATE contacts SET status = 'referred', kind = 'referral', "
                             "referred_to = ?2, updated_at = ?3, rev = rev + 1 WHERE id = ?1",
                             error);
  if (stmt == NULL)
    return FALSE;
  sila_bind_text (stmt, 1, id);
  sila_bind_text (stmt, 2, researcher);
  sila_bind_text (stmt, 3, now);
  if (sila_store_step (self, stmt, error) != SILA_STEP_DONE ||
      !sila_store_audit (self, actor, "refer", SILA_AUDIT_ENTITY_CONTACT, id, researcher, NULL,
                         NULL, error))
    return FALSE;

  return sila_transaction_commit (tx, error);
}

GPtrArray *
sila_store_list_contacts (SilaStore                *self,
                          const SilaActor          *actor,
                          const SilaContactFilter  *filter,
                          guint                     limit,
                          GError                  **error)
{
  g_autoptr(SilaStatement) stmt = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GString) sql = g_string_new ("SELECT " CONTACT_COLUMNS CONTACT_FROM
                                         "WHERE c.deleted_at IS NULL");
  g_autofree char *until = NULL;
  SilaStep step;

  g_return_val_if_fail (SILA_IS_STORE (self), NULL);

  if (!sila_store_require (self, actor, SILA_PERM_CONTACT_VIEW, error))
    return NULL;

  if (filter->channel >= 0)
    g_string_append (sql, " AND c.channel = ?1");
  if (filter->status >= 0)
    g_string_append (sql, " AND c.status = ?2");
  if (filter->kind >= 0)
    g_string_append (sql, " AND c.kind = ?3");
  if (filter->since != NULL)
    g_string_append (sql, " AND c.asked_at >= ?4");
  if (filter->until != NULL)
    g_string_append (sql, " AND c.asked_at < ?5");
  if (filter->beneficiary_id != NULL)
    g_string_append (sql, " AND c.beneficiary_id = ?6");
  if (filter->referred_to != NULL)
    g_string_append (sql, " AND c.status = 'referred' "
                          "AND (c.referred_to = ?7 OR c.referred_to IS NULL)");
  g_string_append (sql, " ORDER BY c.asked_at DESC, c.seq DESC LIMIT ?8");

  stmt = sila_store_prepare (self, sql->str, error);
  if (stmt == NULL)
    return NULL;

  /* Until a day, that day included. */
  if (filter->until != NULL)
    {
      GDate day;

      if (sila_date_from_iso (filter->until, &day))
        {
          g_date_add_days (&day, 1);
          until = sila_date_to_iso (&day);
        }
      else
        until = g_strdup (filter->until);
    }

  if (filter->channel >= 0)
    sila_bind_text (stmt, 1, sila_channel_to_code (filter->channel));
  if (filter->status >= 0)
    sila_bind_text (stmt, 2, sila_contact_status_to_code (filter->status));
  if (filter->kind >= 0)
    sila_bind_text (stmt, 3, sila_contact_kind_to_code (filter->kind));
  sila_bind_text (stmt, 4, filter->since);
  sila_bind_text (stmt, 5, until);
  sila_bind_text (stmt, 6, filter->beneficiary_id);
  sila_bind_text (stmt, 7, filter->referred_to);
  sila_bind_int (stmt, 8, (int)MIN (limit, G_MAXINT));

  contacts = g_ptr_array_new_with_free_func ((GDestroyNotify)sila_contact_free);
  while ((step = sila_store_step (self, stmt, error)) == SILA_STEP_ROW)
    g_ptr_array_add (contacts, contact_from_stmt (stmt));
  if (step == SILA_STEP_ERROR)
    return NULL;

  return g_steal_pointer (&contacts);
}
