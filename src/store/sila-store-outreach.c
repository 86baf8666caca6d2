/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The daily outreach list: one query per reason gathers the candidates
 * with the cut-off days the core computed, each with the newest contacts,
 * survey and dismissal that could clear it; the core decides. */
#define G_LOG_DOMAIN "sila-store"

#include "sila-config.h"

#include <glib/gi18n-lib.h>

#include "sila-clock.h"
#include "sila-store-outreach-private.h"
#include "sila-store-requests-private.h"
#include "sila-text.h"

/* ?1 the instant the day ends, ?2 the day, ?3 … ?8 the window's cut-offs,
 * ?9 one file's id or NULL; @PERSON@ becomes the test of ?9 and @MAX@ the
 * engine's scalar maximum (with_person()). */
#define PERSON_COLUMNS \
  "b.id, b.file_number, b.id_number, b.first_name, b.father_name, b.grandfather_name, " \
  "b.family_name, b.mobile, "
#define REQUEST_COLUMNS "r.id, r.number, r.status, r.received_by, s.display_name, "
#define REQUEST_CONTACTS \
  ", (SELECT max (c.asked_at) FROM contacts c WHERE c.request_id = r.id " \
  "   AND c.direction = 'outbound' AND c.deleted_at IS NULL AND c.asked_at < ?1 " \
  "   AND coalesce (c.outcome, 'reached') = 'reached')" \
  ", (SELECT max (c.asked_at) FROM contacts c WHERE c.request_id = r.id " \
  "   AND c.direction = 'outbound' AND c.deleted_at IS NULL AND c.asked_at < ?1 " \
  "   AND c.outcome IN ('no_answer', 'wrong_number'))"
#define NO_SURVEY ", NULL"
#define DISMISSED(reason) \
  ", (SELECT max (x.dismissed_at) FROM outreach_dismissals x WHERE x.beneficiary_id = b.id " \
  "   AND x.reason = '" reason "' AND x.request_id IS NOT DISTINCT FROM r.id AND x.deleted_at IS NULL " \
  "   AND x.dismissed_at < ?1)"
#define REQUEST_FROM \
  " FROM requests r JOIN beneficiaries b ON b.id = r.beneficiary_id " \
  "LEFT JOIN staff s ON s.username = r.received_by "
#define LIVE_REQUEST \
  " WHERE r.deleted_at IS NULL AND b.deleted_at IS NULL AND b.anonymized_at IS NULL " \
  "@PERSON@ "

static const char *document_expiring_sql =
  "SELECT " PERSON_COLUMNS REQUEST_COLUMNS "min (d.expires_on)" REQUEST_CONTACTS NO_SURVEY
  DISMISSED ("document_expiring")
  ", r.request_type" REQUEST_FROM
  "JOIN request_documents d ON d.request_id = r.id AND d.deleted_at IS NULL" LIVE_REQUEST
  /* Every status but closed, withdrawn and rejected, listed so that the
   * index on status serves. */
  "AND r.status IN ('received', 'documents_complete', 'in_research', 'research_done', "
  "'with_committee', 'accepted', 'registered', 'delivered') "
  "AND d.status IN ('provided', 'verified') AND d.expires_on <= ?3 "
  /* b and s are one row per request: grouped by their keys too, so that
   * their columns may be read (PostgreSQL asks it). */
  "GROUP BY r.id, b.id, s.id";

static const char *documents_missing_sql =
  "SELECT " PERSON_COLUMNS REQUEST_COLUMNS "r.received_on" REQUEST_CONTACTS NO_SURVEY
  DISMISSED ("documents_missing") ", r.request_type"
  REQUEST_FROM LIVE_REQUEST
  "AND r.status = 'received' AND r.received_on <= ?4 AND EXISTS (SELECT 1 FROM "
  "request_documents d WHERE d.request_id = r.id AND d.deleted_at IS NULL AND d.required = 1 "
  "AND d.status = 'missing')";

static const char *decision_to_tell_sql =
  "SELECT " PERSON_COLUMNS REQUEST_COLUMNS "coalesce (r.decided_on, substr (r.status_at, 1, 10))"
  REQUEST_CONTACTS NO_SURVEY DISMISSED ("decision_to_tell") ", r.request_type"
  REQUEST_FROM LIVE_REQUEST "AND r.status IN ('accepted', 'rejected') "
  /* Decisions of the recent past only: not the whole history imported. */
  "AND coalesce (r.decided_on, substr (r.status_at, 1, 10)) >= ?7";

/* The statuses waiting for an answer are the core's: see overdue_sql(). */
static const char *overdue_to_tell_sql =
  "SELECT " PERSON_COLUMNS REQUEST_COLUMNS "r.due_on" REQUEST_CONTACTS NO_SURVEY
  DISMISSED ("overdue_to_tell") ", r.request_type"
  REQUEST_FROM LIVE_REQUEST "AND r.due_on < ?2 AND r.status IN (@STATUSES@)";

static const char *service_follow_up_sql =
  "SELECT * FROM (SELECT " PERSON_COLUMNS REQUEST_COLUMNS
  "(SELECT max (v.delivered_on) FROM deliveries v WHERE v.request_id = r.id "
  " AND v.deleted_at IS NULL AND v.delivered_on <= ?2) AS basis" REQUEST_CONTACTS
  ", (SELECT max (sr.answered_on) FROM survey_responses sr WHERE sr.request_id = r.id "
  "   AND sr.answered_on <= ?2)"
  DISMISSED ("service_follow_up") ", r.request_type"
  REQUEST_FROM LIVE_REQUEST "AND r.status NOT IN ('withdrawn') "
  /* Through the index on delivery days: only requests delivered in the
   * window, whose latest delivery is then checked. */
  "AND r.id IN (SELECT w.request_id FROM deliveries w WHERE w.deleted_at IS NULL "
  "AND w.delivered_on BETWEEN ?5 AND ?6)) AS o "
  "WHERE basis BETWEEN ?5 AND ?6";

/* Heard of: the latest of the file's opening, a contact that reached them
 * (either way), a request received and a service delivered. */
static const char *no_contact_sql =
  "SELECT * FROM (SELECT " PERSON_COLUMNS "NULL, NULL, NULL, b.created_by, s.display_name, "
  "@MAX@ (substr (b.created_at, 1, 10), "
  " coalesce ((SELECT max (substr (c.asked_at, 1, 10)) FROM contacts c "
  "  WHERE c.beneficiary_id = b.id AND c.deleted_at IS NULL AND c.asked_at < ?1 "
  "  AND coalesce (c.outcome, 'reached') = 'reached'), ''), "
  " coalesce ((SELECT max (q.received_on) FROM requests q WHERE q.beneficiary_id = b.id "
  "  AND q.deleted_at IS NULL AND q.received_on <= ?2), ''), "
  " coalesce ((SELECT max (v.delivered_on) FROM deliveries v JOIN requests q "
  "  ON q.id = v.request_id WHERE q.beneficiary_id = b.id AND v.deleted_at IS NULL "
  "  AND v.delivered_on <= ?2), '')) AS basis"
  ", (SELECT max (c.asked_at) FROM contacts c WHERE c.beneficiary_id = b.id "
  "   AND c.direction = 'outbound' AND c.deleted_at IS NULL AND c.asked_at < ?1 "
  "   AND coalesce (c.outcome, 'reached') = 'reached')"
  ", (SELECT max (c.asked_at) FROM contacts c WHERE c.beneficiary_id = b.id "
  "   AND c.direction = 'outbound' AND c.deleted_at IS NULL AND c.asked_at < ?1 "
  "   AND c.outcome IN ('no_answer', 'wrong_number'))"
  NO_SURVEY
  ", (SELECT max (x.dismissed_at) FROM outreach_dismissals x WHERE x.beneficiary_id = b.id "
  "   AND x.reason = 'no_contact' AND x.request_id IS NULL AND x.deleted_at IS NULL "
  "   AND x.dismissed_at < ?1), NULL"
  /* Only people whose last request or delivery falls between the active
   * and the silent cut-offs can be silent and active at once: they are
   * found first, through the indexes on days, and read one by one. */
  " FROM (SELECT q.beneficiary_id AS id FROM requests q WHERE q.deleted_at IS NULL "
  " AND q.received_on BETWEEN ?7 AND ?8 UNION "
  " SELECT q.beneficiary_id FROM deliveries v JOIN requests q ON q.id = v.request_id "
  " WHERE v.deleted_at IS NULL AND v.delivered_on BETWEEN ?7 AND ?8) a "
  "CROSS JOIN beneficiaries b LEFT JOIN staff s ON s.username = b.created_by "
  "WHERE b.id = a.id AND b.deleted_at IS NULL AND b.anonymized_at IS NULL AND b.status = 'active' @PERSON@ "
  "AND NOT EXISTS (SELECT 1 FROM requests q WHERE q.beneficiary_id = b.id "
  " AND q.received_on > ?8 AND q.received_on <= ?2) "
  "AND NOT EXISTS (SELECT 1 FROM requests q JOIN deliveries v ON v.request_id = q.id "
  " WHERE q.beneficiary_id = b.id AND v.delivered_on > ?8 AND v.delivered_on <= ?2)) AS o "
  "WHERE basis <= ?8";

void
sila_store_get_outreach_rules (SilaStore         *self,
                               SilaOutreachRules *rules)
{
  const char * const *keys = sila_outreach_rules_keys ();

  sila_outreach_rules_init (rules);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autofree char *value = sila_store_get_setting (self, keys[i], NULL);
      gint64 n;

      if (value != NULL && g_ascii_string_to_signed (value, 10, 0, G_MAXINT, &n, NULL))
        sila_outreach_rules_set (rules, keys[i], (int)n);
    }
}

/* The request statuses the core says wait for an answer, as SQL codes. */
static char *
overdue_sql (void)
{
  g_autoptr(GString) codes = g_string_new (NULL);

  for (int s = 0; s < SILA_N_REQUEST_STATUSES; s++)
    if (sila_request_status_awaits_answer ((SilaRequestStatus)s))
      g_string_append_printf (codes, "%s'%s'", codes->len > 0 ? ", " : "",
                              sila_request_status_to_code ((SilaRequestStatus)s));

  g_autoptr(GString) sql = g_string_new (overdue_to_tell_sql);

  g_string_replace (sql, "@STATUSES@", codes->str, 1);
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

/* One file's list reads its requests through their index on the file;
 * "?9 IS NULL OR b.id = ?9" would read every request. */
static char *
with_person (SilaStore  *self,
             const char *sql,
             gboolean    one_file)
{
  g_autoptr(GString) text = g_string_new (sql);

  g_string_replace (text, "@PERSON@",
                    one_file ? "AND b.id = ?9" : "AND CAST (?9 AS TEXT) IS NULL", 0);
  /* The greatest of several values, none NULL. */
  g_string_replace (text, "@MAX@", sila_store_sql (self, SILA_DB_SQL_GREATEST), 0);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
column_or_null (SilaStatement *stmt,
                int            column)
{
  return sila_column_is_null (stmt, column) ? NULL : sila_column_dup (stmt, column);
}

static SilaOutreachItem *
item_from_stmt (SilaStatement      *stmt,
                SilaOutreachReason  reason)
{
  SilaOutreachItem *item = sila_outreach_item_new ();
  g_autoptr(GString) name = g_string_new (NULL);
  g_autofree char *basis = NULL;
  g_autofree char *surveyed = NULL;

  item->reason = reason;
  item->beneficiary_id = sila_column_dup (stmt, 0);
  item->file_number = sila_column_int64 (stmt, 1);
  item->national_id = column_or_null (stmt, 2);
  for (int i = 3; i < 7; i++)
    {
      const char *part = sila_column_text (stmt, i);

      if (part != NULL && *part != '\0')
        g_string_append_printf (name, "%s%s", name->len > 0 ? " " : "", part);
    }
  item->name = g_strdup (name->str);
  item->phone = column_or_null (stmt, 7);
  item->request_id = column_or_null (stmt, 8);
  item->request_number = column_or_null (stmt, 9);
  if (!sila_column_is_null (stmt, 10) &&
      !sila_request_status_parse (sila_column_text (stmt, 10), &item->status,
                                  NULL))
    item->status = SILA_REQUEST_NONE;
  item->holder = column_or_null (stmt, 11);
  item->holder_name = column_or_null (stmt, 12);
  basis = column_or_null (stmt, 13);
  sila_date_from_iso (basis, &item->basis);
  item->reached_at = column_or_null (stmt, 14);
  item->attempt_at = column_or_null (stmt, 15);
  surveyed = column_or_null (stmt, 16);
  if (surveyed != NULL)
    sila_date_from_iso (surveyed, &item->surveyed);
  item->dismissed_at = column_or_null (stmt, 17);
  item->request_type = column_or_null (stmt, 18);
  return item;
}

GPtrArray *
sila_store_outreach_items (SilaStore    *self,
                           const GDate  *day,
                           const char   *beneficiary_id,
                           gboolean      with_waiting,
                           GError      **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                               sila_outreach_item_free);
  g_autofree char *overdue = overdue_sql ();
  const char *queries[SILA_N_OUTREACH_REASONS] = {
    document_expiring_sql, documents_missing_sql, decision_to_tell_sql, overdue,
    service_follow_up_sql, no_contact_sql,
  };
  SilaOutreachRules rules;
  SilaOutreachWindow window = { 0 };
  GDate today;

  if (day == NULL)
    {
      sila_clock_today (&today);
      day = &today;
    }
  sila_store_get_outreach_rules (self, &rules);
  sila_outreach_window_init (&window, &rules, day);

  for (int reason = 0; reason < SILA_N_OUTREACH_REASONS; reason++)
    {
      g_autofree char *sql = with_person (self, queries[reason], beneficiary_id != NULL);
      g_autoptr(SilaStatement) stmt = sila_store_prepare (self, sql, error);
      gint64 started = g_get_monotonic_time ();
      guint n = 0;
      SilaStep step;

      if (stmt == NULL)
        {
          sila_outreach_window_clear (&window);
          return NULL;
        }
      sila_bind_text (stmt, 1, window.day_end);
      sila_bind_date (stmt, 2, &window.day);
      sila_bind_date (stmt, 3, &window.expiring_until);
      sila_bind_date (stmt, 4, &window.missing_until);
      sila_bind_date (stmt, 5, &window.follow_up_from);
      sila_bind_date (stmt, 6, &window.follow_up_until);
      sila_bind_date (stmt, 7, &window.active_from);
      sila_bind_date (stmt, 8, &window.silent_until);
      sila_bind_text (stmt, 9, beneficiary_id);

      while ((step = sila_store_step (self, stmt, error)) == SILA_STEP_ROW)
        {
          g_autoptr(SilaOutreachItem) item = item_from_stmt (stmt, (SilaOutreachReason)reason);
          SilaOutreachState state = sila_outreach_decide (item, &rules, &window);

          n++;
          if (state == SILA_OUTREACH_LISTED || (with_waiting && state == SILA_OUTREACH_WAITING))
            g_ptr_array_add (items, g_steal_pointer (&item));
        }
      if (step == SILA_STEP_ERROR)
        {
          sila_outreach_window_clear (&window);
          return NULL;
        }
      g_debug ("Outreach, %s: %u candidates in %.1f ms",
               sila_outreach_reason_to_code ((SilaOutreachReason)reason), n,
               (g_get_monotonic_time () - started) / 1000.0);
    }

  sila_outreach_window_clear (&window);
  g_ptr_array_sort (items, sila_outreach_item_compare);
  return g_steal_pointer (&items);
}

GPtrArray *
sila_store_list_outreach (SilaStore        *self,
                          const SilaActor  *actor,
                          const GDate      *day,
                          GError          **error)
{
  g_return_val_if_fail (SILA_IS_STORE (self), NULL);

  if (!sila_store_require (self, actor, SILA_PERM_CONTACT_VIEW, error))
    return NULL;

  return sila_store_outreach_items (self, day, NULL, FALSE, error);
}

static gboolean
find_file (SilaStore  *self,
           gint64      file_number,
           char      **beneficiary_id,
           GError    **error)
{
  g_autoptr(SilaStatement) stmt = sila_store_prepare (self,
      "SELECT id FROM beneficiaries WHERE file_number = ?1 AND deleted_at IS NULL", error);

  if (stmt == NULL)
    return FALSE;
  sila_bind_int64 (stmt, 1, file_number);
  switch (sila_store_step (self, stmt, error))
    {
    case SILA_STEP_ROW:
      *beneficiary_id = sila_column_dup (stmt, 0);
      return TRUE;
    case SILA_STEP_DONE:
      g_set_error_literal (error, SILA_STORE_ERROR, SILA_STORE_ERROR_NOT_FOUND,
                           _("There is no such beneficiary file."));
      return FALSE;
    case SILA_STEP_ERROR:
    default:
      return FALSE;
    }
}

gboolean
sila_store_dismiss_outreach (SilaStore           *self,
                             const SilaActor     *actor,
                             gint64               file_number,
                             SilaOutreachReason   reason,
                             const char          *request_number,
                             const char          *why,
                             GError             **error)
{
  g_autoptr(SilaTransaction) tx = NULL;
  g_autoptr(SilaStatement) stmt = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *beneficiary_id = NULL;
  g_autofree char *clean = NULL;
  g_autofree char *now = sila_clock_timestamp ();
  g_autofree char *since = NULL;
  g_autofree char *id = NULL;
  g_autofree char *summary = NULL;
  const SilaOutreachItem *found = NULL;

  g_return_val_if_fail (SILA_IS_STORE (self), FALSE);
  g_return_val_if_fail (reason < SILA_N_OUTREACH_REASONS, FALSE);

  if (!sila_store_require (self, actor, SILA_PERM_CONTACT_EDIT, error))
    return FALSE;

  clean = sila_text_clean_paragraph (why, SILA_CONTACT_TEXT_MAX, &local_error);
  if (clean == NULL)
    {
      g_set_error_literal (error, SILA_STORE_ERROR, SILA_STORE_ERROR_INVALID,
                           local_error != NULL ? local_error->message
                                               : _("Write why this person need not be "
                                                   "contacted."));
      return FALSE;
    }

  tx = sila_transaction_begin (self, error);
  if (tx == NULL || !find_file (self, file_number, &beneficiary_id, error))
    return FALSE;
  items = sila_store_outreach_items (self, NULL, beneficiary_id, TRUE, error);
  if (items == NULL)
    return FALSE;
  for (guint i = 0; i < items->len && found == NULL; i++)
    {
      const SilaOutreachItem *item = g_ptr_array_index (items, i);

      if (item->reason == reason &&
          (reason == SILA_OUTREACH_NO_CONTACT || g_strcmp0 (item->request_number,
                                                            request_number) == 0))
        found = item;
    }
  if (found == NULL)
    {
      g_set_error_literal (error, SILA_STORE_ERROR, SILA_STORE_ERROR_NOT_FOUND,
                           _("This person is not on today’s outreach list for that reason, nor waiting for "
                             "another call."));
      return FALSE;
    }

  id = g_uuid_string_random ();
  since = sila_date_to_iso (&found->since);
  stmt = sila_store_prepare (self,
                             "INSERT INTO outreach_dismissals (id, beneficiary_id, reason, "
                             "request_id, since_on, why, dismissed_at, dismissed_by, created_at, "
                             "updated_at, device_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?7, "
                             "?7, ?9)",
                             error);
  if (stmt == NULL)
    return FALSE;
  sila_bind_text (stmt, 1, id);
  sila_bind_text (stmt, 2, beneficiary_id);
  sila_bind_text (stmt, 3, sila_outreach_reason_to_code (reason));
  sila_bind_text (stmt, 4, found->request_id);
  sila_bind_text (stmt, 5, since);
  sila_bind_text (stmt, 6, clean);
  sila_bind_text (stmt, 7, now);
  sila_bind_text (stmt, 8, actor->username);
  sila_bind_text (stmt, 9, sila_store_get_device_id (self));
  if (sila_store_step (self, stmt, error) != SILA_STEP_DONE)
    return FALSE;

  summary = g_strdup_printf ("%s %" G_GINT64_FORMAT " %s: %s", sila_outreach_reason_to_code (reason),
                             file_number, found->request_number != NULL ? found->request_number
                                                                        : "-", clean);
  if (!sila_store_audit (self, actor, "dismiss", SILA_AUDIT_ENTITY_OUTREACH, id, summary, NULL,
                         NULL, error))
    return FALSE;

  return sila_transaction_commit (tx, error);
}

/* Inside the transaction that adds @contact: remembers which items of
 * today's list it answered. @items were read before it was added. */
gboolean
sila_store_outreach_link_contact (SilaStore          *self,
                                  GPtrArray          *items,
                                  const SilaContact  *contact,
                                  const char         *now,
                                  GError            **error)
{
  g_autofree char *today = sila_clock_today_iso ();

  for (guint i = 0; i < items->len; i++)
    {
      const SilaOutreachItem *item = g_ptr_array_index (items, i);
      g_autoptr(SilaStatement) stmt = NULL;
      g_autofree char *id = NULL;
      g_autofree char *since = NULL;

      if (!sila_outreach_contact_fits (item, contact->request_id))
        continue;

      id = g_uuid_string_random ();
      since = sila_date_to_iso (&item->since);
      stmt = sila_store_prepare (self,
                                 "INSERT INTO outreach_contacts (id, contact_id, beneficiary_id, "
                                 "reason, request_id, since_on, contacted_on, outcome, "
                                 "created_at, updated_at, device_id) VALUES (?1, ?2, ?3, ?4, ?5, "
                                 "?6, ?7, ?8, ?9, ?9, ?10)",
                                 error);
      if (stmt == NULL)
        return FALSE;
      sila_bind_text (stmt, 1, id);
      sila_bind_text (stmt, 2, contact->id);
      sila_bind_text (stmt, 3, contact->beneficiary_id);
      sila_bind_text (stmt, 4, sila_outreach_reason_to_code (item->reason));
      sila_bind_text (stmt, 5, item->request_id);
      sila_bind_text (stmt, 6, since);
      sila_bind_text (stmt, 7, today);
      sila_bind_text (stmt, 8, sila_contact_outcome_to_code (contact->outcome));
      sila_bind_text (stmt, 9, now);
      sila_bind_text (stmt, 10, sila_store_get_device_id (self));
      if (sila_store_step (self, stmt, error) != SILA_STEP_DONE)
        return FALSE;
    }

  return TRUE;
}

GArray *
sila_store_report_outreach (SilaStore        *self,
                            const SilaActor  *actor,
                            const GDate      *from,
                            const GDate      *to,
                            GError          **error)
{
  g_autoptr(SilaStatement) stmt = NULL;
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (SilaReportOutreach));
  SilaStep step;

  g_return_val_if_fail (SILA_IS_STORE (self), NULL);

  if (!sila_store_require (self, actor, SILA_PERM_REPORT_VIEW, error))
    return NULL;

  stmt = sila_store_prepare (self,
                             "SELECT reason, outcome, since_on, contacted_on FROM "
                             "outreach_contacts WHERE deleted_at IS NULL AND contacted_on "
                             "BETWEEN ?1 AND ?2 ORDER BY contacted_on, id",
                             error);
  if (stmt == NULL)
    return NULL;
  sila_bind_date (stmt, 1, from);
  sila_bind_date (stmt, 2, to);
  while ((step = sila_store_step (self, stmt, error)) == SILA_STEP_ROW)
    {
      SilaReportOutreach row = { 0 };
      GDate since, contacted;

      if (!sila_outreach_reason_from_code (sila_column_text (stmt, 0),
                                           &row.reason) ||
          !sila_contact_outcome_from_code (sila_column_text (stmt, 1),
                                           &row.outcome))
        continue;
      sila_column_date (stmt, 2, &since);
      sila_column_date (stmt, 3, &contacted);
      row.days = g_date_valid (&since) && g_date_valid (&contacted)
                 ? MAX (0, g_date_days_between (&since, &contacted)) : 0;
      g_array_append_val (rows, row);
    }
  if (step == SILA_STEP_ERROR)
    return NULL;

  return g_steal_pointer (&rows);
}
