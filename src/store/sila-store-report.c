/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The queries behind the board's reports: aggregates grouped in SQL, and
 * the lists the report shows, read with the indexes of the dates they
 * count by. */
#define G_LOG_DOMAIN "sila-store"

#include "sila-config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sila-clock.h"
#include "sila-store-report-private.h"
#include "sila-store-requests-private.h"

/* An index hint after a table's alias, from the engine (SQLite's planner
 * needs it without statistics; others get ""). */
#define HINT(name) sila_store_sql (self, SILA_DB_SQL_HINT_ ## name)

/* The schema step of the reports: the board's approvals, the history
 * imports, and indexes for the dates reports count by. */
gboolean
sila_store_migrate_reports (SilaStore  *self,
                            GError    **error)
{
  return sila_store_exec (self,
      "CREATE TABLE report_approvals ("
      "  id              TEXT PRIMARY KEY,"
      "  period          TEXT NOT NULL,"
      "  start_on        TEXT NOT NULL,"
      "  end_on          TEXT NOT NULL,"
      "  approved_by     TEXT NOT NULL,"
      "  approved_on     TEXT NOT NULL,"
      "  decision_number TEXT NOT NULL,"
      "  figures         TEXT NOT NULL,"   /* the approved copy, JSON */
      "  figures_sha256  TEXT NOT NULL,"
      "  recorded_by     TEXT NOT NULL,"
      "  created_at      TEXT NOT NULL,"
      "  updated_at      TEXT NOT NULL,"
      "  device_id       TEXT NOT NULL,"
      "  rev             INTEGER NOT NULL DEFAULT 1,"
      "  deleted_at      TEXT"
      ");"
      "CREATE INDEX report_approvals_period ON report_approvals (period, created_at);"
      /* What the board approved stays as it approved it. */
      "CREATE TRIGGER report_approvals_kept_u BEFORE UPDATE ON report_approvals "
      "  BEGIN SELECT RAISE (ABORT, 'report approvals cannot be changed'); END;"
      "CREATE TRIGGER report_approvals_kept_d BEFORE DELETE ON report_approvals "
      "  BEGIN SELECT RAISE (ABORT, 'report approvals cannot be deleted'); END;"
      "CREATE TABLE request_imports ("
      "  id          TEXT PRIMARY KEY,"
      "  file_name   TEXT NOT NULL,"
      "  sha256      TEXT NOT NULL UNIQUE,"
      "  rows_ok     INTEGER NOT NULL,"
      "  imported_by TEXT NOT NULL,"
      "  created_at  TEXT NOT NULL,"
      "  updated_at  TEXT NOT NULL,"
      "  device_id   TEXT NOT NULL"
      ");"
      "CREATE TABLE imported_requests ("
      "  request_id  TEXT PRIMARY KEY REFERENCES requests (id),"
      "  import_id   TEXT NOT NULL REFERENCES request_imports (id),"
      "  line        INTEGER NOT NULL,"
      "  created_at  TEXT NOT NULL,"
      "  device_id   TEXT NOT NULL"
      ");"
      "CREATE INDEX feedback_items_answered ON feedback_items (answered_on) "
      "  WHERE answered_on IS NOT NULL;"
      "CREATE INDEX beneficiaries_created ON beneficiaries (created_at);"
      /* Covering indexes: a month of ten thousand requests is read from
       * them alone, without visiting the (wide) rows of the tables. The
       * report's queries name the ones the planner would not choose
       * without statistics (INDEXED BY). */
      "CREATE INDEX requests_report ON requests (received_on, seq, id, number, status, "
      "  request_type, channel, beneficiary_id, due_on, deleted_at);"
      "CREATE INDEX requests_report_id ON requests (id, number, seq, status, request_type, "
      "  channel, beneficiary_id, received_on, due_on, deleted_at);"
      "CREATE INDEX beneficiaries_report ON beneficiaries (id, file_number, segment);"
      "CREATE INDEX committee_decisions_on ON committee_decisions (decided_on, request_id, "
      "  decision, deleted_at);"
      "CREATE INDEX committee_decisions_report ON committee_decisions (request_id, decided_on, "
      "  decision, deleted_at);"
      "CREATE INDEX deliveries_report ON deliveries (delivered_on, request_id, kind, "
      "  amount_halalas, deleted_at);"
      "CREATE INDEX deliveries_report_request ON deliveries (request_id, amount_halalas, "
      "  deleted_at);",
      error);
}

/* The files opened in a period are counted from the index alone: the
 * dashboard asks at every start, and a registry brought in this month would
 * otherwise have every (wide) row read for its deleted_at. */
gboolean
sila_store_migrate_new_files_index (SilaStore  *self,
                                    GError    **error)
{
  return sila_store_exec (self,
      "DROP INDEX beneficiaries_created;"
      "CREATE INDEX beneficiaries_created ON beneficiaries (created_at, deleted_at);",
      error);
}

/* Helpers */

/* The UTC timestamp at which local day @date begins, in the stored form. */
char *
sila_store_report_day_start (const GDate *date)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) utc = NULL;

  start = g_date_time_new (local, g_date_get_year (date), g_date_get_month (date),
                           g_date_get_day (date), 0, 0, 0);
  utc = g_date_time_to_utc (start);
  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d.000Z",
                          g_date_time_get_year (utc), g_date_time_get_month (utc),
                          g_date_time_get_day_of_month (utc), g_date_time_get_hour (utc),
                          g_date_time_get_minute (utc), g_date_time_get_second (utc));
}

/* The UTC timestamp at which the local day after @date begins. */
char *
sila_store_report_day_end (const GDate *date)
{
  GDate next = *date;

  g_date_add_days (&next, 1);
  return sila_store_report_day_start (&next);
}

/* Stored codes are the canonical ones: compared as they are, not through
 * the tolerant parsers (which normalize Arabic text, and would cost more
 * than the query on a month of ten thousand requests). */
static SilaRequestStatus
column_status (SilaStatement *stmt,
               int            column)
{
  const char *code = sila_column_text (stmt, column);

  for (int s = 0; code != NULL && s < SILA_N_REQUEST_STATUSES; s++)
    if (strcmp (code, sila_request_status_to_code (s)) == 0)
      return s;
  return SILA_REQUEST_NONE;
}

static SilaChannel
column_channel (SilaStatement *stmt,
                int            column)
{
  const char *code = sila_column_text (stmt, column);

  for (int c = 0; code != NULL && c < SILA_N_CHANNELS; c++)
    if (strcmp (code, sila_channel_to_code (c)) == 0)
      return c;
  return SILA_CHANNEL_INTERVIEW;
}

/* A stored day, "YYYY-MM-DD", read without the C library's scanf: a
 * month's lists hold tens of thousands of them. */
static void
column_day (SilaStatement *stmt,
            int            column,
            GDate         *date)
{
  const char *t = sila_column_text (stmt, column);
  guint y, m, d;

  g_date_clear (date, 1);
  if (t == NULL || strlen (t) != 10 || t[4] != '-' || t[7] != '-')
    return;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (t[i]))
      return;
  y = (t[0] - '0') * 1000 + (t[1] - '0') * 100 + (t[2] - '0') * 10 + (t[3] - '0');
  m = (t[5] - '0') * 10 + (t[6] - '0');
  d = (t[8] - '0') * 10 + (t[9] - '0');
  if (g_date_valid_dmy (d, m, y))
    g_date_set_dmy (date, d, m, y);
}

static gboolean
check (SilaStore        *self,
       const SilaActor  *actor,
       const GDate      *from,
       const GDate      *to,
       GError          **error)
{
  g_return_val_if_fail (SILA_IS_STORE (self), FALSE);
  g_return_val_if_fail (from == NULL || g_date_valid (from), FALSE);
  g_return_val_if_fail (to == NULL || g_date_valid (to), FALSE);

  return sila_store_require (self, actor, SILA_PERM_REPORT_VIEW, error);
}

gboolean
sila_store_report_prepare (SilaStore  *self,
                           GError    **error)
{
  g_return_val_if_fail (SILA_IS_STORE (self), FALSE);

  /* A report reads a year of indexes. */
  if (!self->db->driver->prepare_long_read (self->db))
    {
      sila_store_set_db_error (self, error);
      return FALSE;
    }
  return TRUE;
}

/* The count @sql gives with ?1 and ?2 bound to the instants local days
 * @from and the day after @to begin. */
static gboolean
count_between (SilaStore        *self,
               const SilaActor  *actor,
               const char       *sql,
               const GDate      *from,
               const GDate      *to,
               gint64           *count,
               GError          **error)
{
  g_autoptr(SilaStatement) stmt = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;

  if (!check (self, actor, from, to, error))
    return FALSE;

  start = sila_store_report_day_start (from);
  end = sila_store_report_day_end (to);
  stmt = sila_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  sila_bind_text (stmt, 1, start);
  sila_bind_text (stmt, 2, end);
  if (sila_store_step (self, stmt, error) != SILA_STEP_ROW)
    return FALSE;

  *count = sila_column_int64 (stmt, 0);
  return TRUE;
}

gboolean
sila_store_report_new_files (SilaStore        *self,
                             const SilaActor  *actor,
                             const GDate      *from,
                             const GDate      *to,
                             gint64           *count,
                             GError          **error)
{
  return count_between (self, actor,
                        "SELECT count (*) FROM beneficiaries "
                        "WHERE created_at >= ?1 AND created_at < ?2 AND deleted_at IS NULL",
                        from, to, count, error);
}

/* Lists of requests */

void
sila_report_request_line_free (SilaReportRequestLine *line)
{
  if (line == NULL)
    return;

  g_free (line->number);
  g_free (line->type);
  g_free (line->kind);
  g_free (line);
}

/* The columns every list reads first, in this order. */
#define LINE_COLUMNS \
  "r.number, b.file_number, r.request_type, r.channel, r.status, r.received_on, r.due_on"

static void
read_line (SilaStatement         *stmt,
           SilaReportRequestLine *line)
{
  line->number = sila_column_dup (stmt, 0);  /* NULL when not read */
  line->file_number = sila_column_int64 (stmt, 1);
  line->type = sila_column_dup (stmt, 2);
  line->channel = column_channel (stmt, 3);
  line->status = column_status (stmt, 4);
  column_day (stmt, 5, &line->received);
  column_day (stmt, 6, &line->due);
  g_date_clear (&line->decided, 1);
  line->decision = SILA_REQUEST_NONE;
}

GPtrArray *
sila_store_report_decisions (SilaStore        *self,
                             const SilaActor  *actor,
                             const GDate      *from,
                             const GDate      *to,
                             gboolean          late_only,
                             GError          **error)
{
  g_autoptr(SilaStatement) stmt = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  SilaStep step;

  if (!check (self, actor, from, to, error))
    return NULL;

  /* Late ones are listed with their request and file numbers; the others
   * only count, so they skip the files. */
  sql = late_only
        ? g_strdup_printf ("SELECT " LINE_COLUMNS ", d.decided_on, d.decision "
                           "FROM committee_decisions d "
                           "JOIN requests r%s ON r.id = d.request_id "
                           "JOIN beneficiaries b%s ON b.id = r.beneficiary_id "
                           "WHERE d.decided_on BETWEEN ?1 AND ?2 AND d.deleted_at IS NULL "
                           "AND r.deleted_at IS NULL AND d.decided_on > r.due_on "
                           "ORDER BY d.decided_on, r.seq",
                           HINT (REQUESTS_REPORT_ID), HINT (BENEFICIARIES_REPORT))
        : g_strdup_printf ("SELECT NULL, 0, r.request_type, r.channel, r.status, "
                           "r.received_on, r.due_on, d.decided_on, d.decision "
                           "FROM committee_decisions d "
                           "JOIN requests r%s ON r.id = d.request_id "
                           "WHERE d.decided_on BETWEEN ?1 AND ?2 AND d.deleted_at IS NULL "
                           "AND r.deleted_at IS NULL",
                           HINT (REQUESTS_REPORT_ID));
  stmt = sila_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  sila_bind_date (stmt, 1, from);
  sila_bind_date (stmt, 2, to);

  lines = g_ptr_array_new_with_free_func ((GDestroyNotify)sila_report_request_line_free);
  while ((step = sila_store_step (self, stmt, error)) == SILA_STEP_ROW)
    {
      SilaReportRequestLine *line = g_new0 (SilaReportRequestLine, 1);

      read_line (stmt, line);
      column_day (stmt, 7, &line->decided);
      line->decision = column_status (stmt, 8);
      g_ptr_array_add (lines, line);
    }
  if (step == SILA_STEP_ERROR)
    return NULL;

  return g_steal_pointer (&lines);
}

GPtrArray *
sila_store_report_overdue (SilaStore        *self,
                           const SilaActor  *actor,
                           const GDate      *as_of,
                           GError          **error)
{
  g_autoptr(SilaStatement) stmt = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autofree char *end = NULL;
  g_autofree char *awaiting = NULL;
  g_autofree char *sql = NULL;
  SilaStep step;

  if (!check (self, actor, as_of, as_of, error))
    return NULL;

  end = sila_store_report_day_end (as_of);
  /* Three ways to have been waiting then, each read through an index:
   * waiting still; decided since; withdrawn since, undecided. */
  awaiting = sila_sql_code_list (sila_request_awaiting_codes ());
  sql = g_strdup_printf ("SELECT " LINE_COLUMNS " FROM requests r%s "
                         "JOIN beneficiaries b%s ON b.id = r.beneficiary_id "
                         "WHERE r.id IN ("
                         "  SELECT id FROM requests WHERE status IN %s "
                         "  AND due_on < ?1 AND deleted_at IS NULL "
                         "  UNION ALL "
                         "  SELECT request_id FROM committee_decisions "
                         "  WHERE decided_on > ?1 AND deleted_at IS NULL "
                         "  UNION ALL "
                         "  SELECT id FROM requests q WHERE status = 'withdrawn' "
                         "  AND due_on < ?1 AND deleted_at IS NULL AND NOT EXISTS "
                         "  (SELECT 1 FROM committee_decisions c WHERE c.request_id = q.id) "
                         "  AND (SELECT max (at) FROM request_events e "
                         "       WHERE e.request_id = q.id "
                         "       AND (e.status || '') = 'withdrawn') >= ?2) "
                         "AND r.received_on <= ?1 AND r.due_on < ?1 AND r.deleted_at IS NULL "
                         "ORDER BY r.due_on, r.seq",
                         HINT (REQUESTS_REPORT_ID), HINT (BENEFICIARIES_REPORT),
                         awaiting);
  stmt = sila_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  sila_bind_date (stmt, 1, as_of);
  sila_bind_text (stmt, 2, end);

  lines = g_ptr_array_new_with_free_func ((GDestroyNotify)sila_report_request_line_free);
  while ((step = sila_store_step (self, stmt, error)) == SILA_STEP_ROW)
    {
      SilaReportRequestLine *line = g_new0 (SilaReportRequestLine, 1);

      read_line (stmt, line);
      g_ptr_array_add (lines, line);
    }
  if (step == SILA_STEP_ERROR)
    return NULL;

  return g_steal_pointer (&lines);
}

GPtrArray *
sila_store_report_deliveries (SilaStore        *self,
                              const SilaActor  *actor,
                              const GDate      *from,
                              const GDate      *to,
                              GError          **error)
{
  g_autoptr(SilaStatement) stmt = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  SilaStep step;

  if (!check (self, actor, from, to, error))
    return NULL;

  sql = g_strdup_printf ("SELECT " LINE_COLUMNS ", d.delivered_on, d.kind, d.amount_halalas "
                         "FROM deliveries d%s "
                         "JOIN requests r%s ON r.id = d.request_id "
                         "JOIN beneficiaries b%s ON b.id = r.beneficiary_id "
                         "WHERE d.delivered_on BETWEEN ?1 AND ?2 AND d.deleted_at IS NULL "
                         "AND r.deleted_at IS NULL "
                         "ORDER BY d.delivered_on, r.seq",
                         HINT (DELIVERIES_REPORT), HINT (REQUESTS_REPORT_ID),
                         HINT (BENEFICIARIES_REPORT));
  stmt = sila_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  sila_bind_date (stmt, 1, from);
  sila_bind_date (stmt, 2, to);

  lines = g_ptr_array_new_with_free_func ((GDestroyNotify)sila_report_request_line_free);
  while ((step = sila_store_step (self, stmt, error)) == SILA_STEP_ROW)
    {
      SilaReportRequestLine *line = g_new0 (SilaReportRequestLine, 1);

      read_line (stmt, line);
      /* A delivery's own day stands in the "decided" slot's place: the
       * list is by delivery, and its date is what it counts by. */
      column_day (stmt, 7, &line->decided);
      line->kind = sila_column_dup (stmt, 8);
      line->halalas = sila_column_int64 (stmt, 9);
      g_ptr_array_add (lines, line);
    }
  if (step == SILA_STEP_ERROR)
    return NULL;

  return g_steal_pointer (&lines);
}

gboolean
sila_store_report_foreach_request (SilaStore              *self,
                                   const SilaActor        *actor,
                                   const GDate            *from,
                                   const GDate            *to,
                                   SilaReportRequestFunc   func,
                                   gpointer                user_data,
                                   GError                **error)
{
  g_autoptr(SilaStatement) stmt = NULL;
  g_autofree char *sql = NULL;
  SilaReportRequestLine line = { 0 };
  SilaStep step;

  g_return_val_if_fail (func != NULL, FALSE);

  if (!check (self, actor, from, to, error))
    return FALSE;

  /* Text columns are read in place, not copied: the register of a busy
   * month is ten thousand rows. */
  sql = g_strdup_printf ("SELECT r.number, b.file_number, r.request_type, r.channel, "
                         "r.status, r.received_on, r.due_on, d.decided_on, d.decision, "
                         "coalesce (b.segment, ''), "
                         "(SELECT coalesce (sum (amount_halalas), 0) FROM deliveries v%s "
                         " WHERE v.request_id = r.id AND v.deleted_at IS NULL) "
                         "FROM requests r%s "
                         "JOIN beneficiaries b%s ON b.id = r.beneficiary_id "
                         "LEFT JOIN committee_decisions d%s "
                         "ON d.request_id = r.id AND d.deleted_at IS NULL "
                         "WHERE r.received_on BETWEEN ?1 AND ?2 AND r.deleted_at IS NULL "
                         "ORDER BY r.received_on, r.seq",
                         HINT (DELIVERIES_REPORT_REQUEST), HINT (REQUESTS_REPORT),
                         HINT (BENEFICIARIES_REPORT), HINT (COMMITTEE_DECISIONS_REPORT));
  stmt = sila_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  sila_bind_date (stmt, 1, from);
  sila_bind_date (stmt, 2, to);

  while ((step = sila_store_step (self, stmt, error)) == SILA_STEP_ROW)
    {
      gboolean go_on;

      line.number = (char *)sila_column_text (stmt, 0);
      line.file_number = sila_column_int64 (stmt, 1);
      line.type = (char *)sila_column_text (stmt, 2);
      line.channel = column_channel (stmt, 3);
      line.status = column_status (stmt, 4);
      column_day (stmt, 5, &line.received);
      column_day (stmt, 6, &line.due);
      column_day (stmt, 7, &line.decided);
      line.decision = sila_column_is_null (stmt, 8) ? SILA_REQUEST_NONE
                                                                    : column_status (stmt, 8);
      line.halalas = sila_column_int64 (stmt, 10);
      go_on = func (&line, sila_column_text (stmt, 9), user_data);
      if (!go_on)
        return TRUE;
    }

  return step == SILA_STEP_DONE;
}

gboolean
sila_store_report_totals (SilaStore        *self,
                          const SilaActor  *actor,
                          const GDate      *from,
                          const GDate      *to,
                          gint64           *received,
                          gint64           *delivered,
                          gint64           *halalas,
                          GError          **error)
{
  g_autoptr(SilaStatement) stmt = NULL;
  g_autofree char *sql = NULL;

  if (!check (self, actor, from, to, error))
    return FALSE;

  sql = g_strdup_printf ("SELECT (SELECT count (*) FROM requests%s "
                         "        WHERE received_on BETWEEN ?1 AND ?2 AND deleted_at IS NULL), "
                         "       count (*), coalesce (sum (amount_halalas), 0) "
                         "FROM deliveries d%s "
                         "JOIN requests r%s ON r.id = d.request_id "
                         "WHERE d.delivered_on BETWEEN ?1 AND ?2 AND d.deleted_at IS NULL "
                         "AND r.deleted_at IS NULL",
                         HINT (REQUESTS_REPORT), HINT (DELIVERIES_REPORT),
                         HINT (REQUESTS_REPORT_ID));
  stmt = sila_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  sila_bind_date (stmt, 1, from);
  sila_bind_date (stmt, 2, to);
  if (sila_store_step (self, stmt, error) != SILA_STEP_ROW)
    return FALSE;

  *received = sila_column_int64 (stmt, 0);
  *delivered = sila_column_int64 (stmt, 1);
  *halalas = sila_column_int64 (stmt, 2);
  return TRUE;
}

/* Contacts */

GArray *
sila_store_report_contacts (SilaStore        *self,
                            const SilaActor  *actor,
                            const GDate      *from,
                            const GDate      *to,
                            GError          **error)
{
  g_autoptr(SilaStatement) stmt = NULL;
  g_autoptr(GArray) contacts = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  SilaStep step;

  if (!check (self, actor, from, to, error))
    return NULL;

  start = sila_store_report_day_start (from);
  end = sila_store_report_day_end (to);
  stmt = sila_store_prepare (self,
                             "SELECT channel, kind, answer_seconds FROM contacts "
                             "WHERE asked_at >= ?1 AND asked_at < ?2 AND deleted_at IS NULL",
                             error);
  if (stmt == NULL)
    return NULL;
  sila_bind_text (stmt, 1, start);
  sila_bind_text (stmt, 2, end);

  contacts = g_array_new (FALSE, TRUE, sizeof (SilaReportContact));
  while ((step = sila_store_step (self, stmt, error)) == SILA_STEP_ROW)
    {
      SilaReportContact c = { 0 };

      c.channel = column_channel (stmt, 0);
      {
        const char *kind = sila_column_text (stmt, 1);

        c.kind = g_strcmp0 (kind, "referral") == 0 ? SILA_CONTACT_REFERRAL
               : g_strcmp0 (kind, "follow_up") == 0 ? SILA_CONTACT_FOLLOW_UP
               : SILA_CONTACT_INQUIRY;
      }
      c.answer_seconds = sila_column_is_null (stmt, 2)
                         ? -1 : sila_column_int64 (stmt, 2);
      g_array_append_val (contacts, c);
    }
  if (step == SILA_STEP_ERROR)
    return NULL;

  return g_steal_pointer (&contacts);
}

gboolean
sila_store_report_referred_requests (SilaStore        *self,
                                     const SilaActor  *actor,
                                     const GDate      *from,
                                     const GDate      *to,
                                     gint64           *count,
                                     GError          **error)
{
  return count_between (self, actor,
                        "SELECT count (*) FROM request_events "
                        "WHERE status = 'in_research' AND at >= ?1 AND at < ?2",
                        from, to, count, error);
}

/* Suggestions and complaints */

gboolean
sila_store_report_feedback (SilaStore                *self,
                            const SilaActor          *actor,
                            const GDate              *from,
                            const GDate              *to,
                            const GDate              *as_of,
                            SilaReportFeedbackCounts *counts,
                            GError                  **error)
{
  g_autoptr(SilaStatement) stmt = NULL;

  if (!check (self, actor, from, to, error))
    return FALSE;
  g_return_val_if_fail (as_of != NULL && g_date_valid (as_of), FALSE);

  stmt = sila_store_prepare (self,
                             "SELECT "
                             " (SELECT count (*) FROM feedback_items WHERE kind = 'suggestion' "
                             "  AND received_on BETWEEN ?1 AND ?2 AND deleted_at IS NULL), "
                             " (SELECT count (*) FROM feedback_items WHERE kind = 'complaint' "
                             "  AND received_on BETWEEN ?1 AND ?2 AND deleted_at IS NULL), "
                             " (SELECT count (*) FROM feedback_items "
                             "  WHERE answered_on BETWEEN ?1 AND ?2 AND deleted_at IS NULL), "
                             " (SELECT count (*) FROM feedback_items WHERE received_on <= ?3 "
                             "  AND due_on < ?3 AND (answered_on IS NULL OR answered_on > ?3) "
                             "  AND deleted_at IS NULL)",
                             error);
  if (stmt == NULL)
    return FALSE;
  sila_bind_date (stmt, 1, from);
  sila_bind_date (stmt, 2, to);
  sila_bind_date (stmt, 3, as_of);
  if (sila_store_step (self, stmt, error) != SILA_STEP_ROW)
    return FALSE;

  counts->suggestions = sila_column_int64 (stmt, 0);
  counts->complaints = sila_column_int64 (stmt, 1);
  counts->answered = sila_column_int64 (stmt, 2);
  counts->overdue = sila_column_int64 (stmt, 3);
  return TRUE;
}

void
sila_report_feedback_line_free (SilaReportFeedbackLine *line)
{
  if (line == NULL)
    return;

  g_free (line->kind);
  g_free (line->channel);
  g_free (line->status);
  g_free (line->description);
  g_free (line);
}

GPtrArray *
sila_store_report_feedback_list (SilaStore        *self,
                                 const SilaActor  *actor,
                                 const GDate      *from,
                                 const GDate      *to,
                                 GError          **error)
{
  g_autoptr(SilaStatement) stmt = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  SilaStep step;

  if (!check (self, actor, from, to, error))
    return NULL;

  stmt = sila_store_prepare (self,
                             "SELECT number, kind, channel, status, received_on, due_on, "
                             "answered_on, description FROM feedback_items "
                             "WHERE received_on BETWEEN ?1 AND ?2 AND deleted_at IS NULL "
                             "ORDER BY received_on, number",
                             error);
  if (stmt == NULL)
    return NULL;
  sila_bind_date (stmt, 1, from);
  sila_bind_date (stmt, 2, to);

  lines = g_ptr_array_new_with_free_func ((GDestroyNotify)sila_report_feedback_line_free);
  while ((step = sila_store_step (self, stmt, error)) == SILA_STEP_ROW)
    {
      SilaReportFeedbackLine *line = g_new0 (SilaReportFeedbackLine, 1);

      line->number = sila_column_int64 (stmt, 0);
      line->kind = sila_column_dup (stmt, 1);
      line->channel = sila_column_is_null (stmt, 2) ? NULL
                                                                    : sila_column_dup (stmt, 2);
      line->status = sila_column_dup (stmt, 3);
      column_day (stmt, 4, &line->received);
      column_day (stmt, 5, &line->due);
      column_day (stmt, 6, &line->answered);
      line->description = sila_column_dup (stmt, 7);
      g_ptr_array_add (lines, line);
    }
  if (step == SILA_STEP_ERROR)
    return NULL;

  return g_steal_pointer (&lines);
}
