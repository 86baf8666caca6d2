/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Importing a log of past requests: one transaction for the whole file (a
 * file damaged half-way leaves nothing), one savepoint per row (a refused
 * row leaves nothing). Each request is written as the workflow would have
 * left it — its number, due date, timeline, decision and delivery — with
 * every step of its timeline marked as imported. What a row means, and
 * whether it is a duplicate, is the core's (sila-request-import.h); here
 * the file, the type and the requests held are looked up and saved. */
#define G_LOG_DOMAIN "sila-store"

#include "sila-config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sila-arabic.h"
#include "sila-clock.h"
#include "sila-date.h"
#include "sila-hijri.h"
#include "sila-money.h"
#include "sila-request-import.h"
#include "sila-store-report-private.h"
#include "sila-store-request-import.h"
#include "sila-store-requests-private.h"
#include "sila-table-reader.h"
#include "sila-text.h"

/* One row, read and checked, with what the store matched it to. */
typedef struct {
  SilaRequestHistory *h;
  char               *beneficiary_id;
  char               *type;        /* code */
} Row;

typedef struct {
  SilaStore         *store;
  const SilaActor   *actor;
  SilaRequestImport *rows;        /* the core's reading of the rows */
  GPtrArray         *types;       /* SilaTypeEntry, the list as it grows */
  SilaImportCounts  *counts;
  char              *import_id;
  char              *file_name;
  gboolean           dry_run;
  int                window;
  char              *now;
} Import;

static void
row_clear (Row *row)
{
  g_clear_pointer (&row->h, sila_request_history_free);
  g_free (row->beneficiary_id);
  g_free (row->type);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Row, row_clear)

/* The id of the live file holding @text as its ID number, or NULL. */
static char *
find_beneficiary (Import      *import,
                  const char  *text,
                  GError     **error)
{
  g_autoptr(SilaStatement) stmt = NULL;
  g_autofree char *ascii = sila_text_digits_to_ascii (text);
  g_autoptr(GString) key = g_string_new (NULL);
  SilaStep step;

  for (const char *p = ascii; *p != '\0'; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (key, g_ascii_toupper (*p));
  if (key->len == 0)
    return NULL;

  stmt = sila_store_prepare (import->store,
                             "SELECT id FROM beneficiaries WHERE id_number = ?1 "
                             "AND deleted_at IS NULL",
                             error);
  if (stmt == NULL)
    return NULL;
  sila_bind_text (stmt, 1, key->str);
  step = sila_store_step (import->store, stmt, error);
  return step == SILA_STEP_ROW ? sila_column_dup (stmt, 0) : NULL;
}

static gboolean
has_arabic (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0x0600 && c <= 0x06FF)
        return TRUE;
    }
  return FALSE;
}

/* Adds a request type the list lacks, named as the file names it (in both
 * languages until an administrator writes the other name). */
static char *
add_request_type (Import      *import,
                  const char  *name,
                  GError     **error)
{
  g_autoptr(SilaStatement) stmt = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *code = NULL;
  g_autofree char *summary = NULL;
  gint64 number = 0;

  if (!sila_store_next_number (import->store, "request_type", &number, error))
    return NULL;
  code = g_strdup_printf ("request_%" G_GINT64_FORMAT, number);

  stmt = sila_store_prepare (import->store,
                             "INSERT INTO request_types (id, code, name_ar, name_en, position, "
                             "created_at, updated_at, device_id) VALUES (?1, ?2, ?3, ?3, "
                             "(SELECT coalesce (max (position), 0) + 1 FROM request_types), "
                             "?4, ?4, ?5)",
                             error);
  if (stmt == NULL)
    return NULL;
  sila_bind_text (stmt, 1, uuid);
  sila_bind_text (stmt, 2, code);
  sila_bind_text (stmt, 3, name);
  sila_bind_text (stmt, 4, import->now);
  sila_bind_text (stmt, 5, sila_store_get_device_id (import->store));
  if (sila_store_step (import->store, stmt, error) != SILA_STEP_DONE)
    return NULL;

  summary = g_strdup_printf ("%s (%s)", name, import->file_name);
  if (!sila_store_audit (import->store, import->actor, "import", "request_type", code, summary,
                         NULL, NULL, error))
    return NULL;

  g_ptr_array_add (import->types,
                   sila_type_entry_new (code, has_arabic (name) ? name : "", name, FALSE, FALSE));
  return g_steal_pointer (&code);
}

/* Reads and checks the row (the core) and finds its file; FALSE after
 * reporting it (or with @error set for a database error). */
static gboolean
read_row (Import              *import,
          const SilaTableRow  *table_row,
          Row                 *row,
          GError             **error)
{
  g_autoptr(GError) local = NULL;

  row->h = sila_request_import_check_row (import->rows, table_row);
  if (row->h == NULL)
    return FALSE;

  row->beneficiary_id = find_beneficiary (import, row->h->national_id, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (row->beneficiary_id == NULL)
    {
      sila_request_import_reject (import->rows, table_row->line, "national_id",
                                  _("No beneficiary file has this ID number: open the file "
                                    "first."));
      return FALSE;
    }
  return TRUE;
}

/* The type code the row names; an unknown name is added to the list and
 * the row's report line says so (@added). FALSE only for a database
 * error. */
static gboolean
resolve_type (Import      *import,
              Row         *row,
              char       **added,
              GError     **error)
{
  const SilaTypeEntry *entry = sila_type_entry_parse (import->types, row->h->type, TRUE, NULL);

  if (entry != NULL)
    {
      row->type = g_strdup (entry->code);
      return TRUE;
    }

  row->type = add_request_type (import, row->h->type, error);
  if (row->type == NULL)
    return FALSE;
  *added = g_strdup (row->h->type);
  return TRUE;
}

static void
read_day (SilaStatement *stmt,
          int            column,
          GDate         *date)
{
  const char *text = sila_column_text (stmt, column);

  if (text == NULL || !sila_date_from_iso (text, date))
    g_date_clear (date, 1);
}

/* The requests of the row's file and type received the same day, as the
 * office holds them (those of this very import left out: the core knows
 * them as lines of the file), for the core to compare. NULL only for a
 * database error. */
static GPtrArray *
load_held (Import     *import,
           const Row  *row,
           GError    **error)
{
  g_autoptr(SilaStatement) stmt = NULL;
  g_autoptr(GPtrArray) held = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                              sila_request_held_free);
  g_autofree char *received = sila_date_to_iso (&row->h->received);
  SilaStep step;

  stmt = sila_store_prepare (import->store,
                             "SELECT r.number, r.channel, r.status, r.received_on, "
                             "coalesce (r.decided_on, w.day), coalesce (c.reason, w.reason), "
                             "d.delivered_on, d.amount_halalas, d.kind, r.description "
                             "FROM requests r "
                             "LEFT JOIN committee_decisions c "
                             "ON c.request_id = r.id AND c.deleted_at IS NULL "
                             /* The latest withdrawal and the first delivery of each request,
                              * with the rest of their own rows. */
                             "LEFT JOIN (SELECT request_id, day, reason FROM (SELECT request_id, "
                             "substr (at, 1, 10) AS day, reason, row_number () OVER (PARTITION BY "
                             "request_id ORDER BY at DESC, step DESC) AS k FROM request_events "
                             "WHERE status = 'withdrawn') AS e WHERE k = 1) w "
                             "ON w.request_id = r.id "
                             "LEFT JOIN (SELECT request_id, delivered_on, amount_halalas, kind "
                             "FROM (SELECT request_id, delivered_on, amount_halalas, kind, "
                             "row_number () OVER (PARTITION BY request_id ORDER BY delivered_on, "
                             "created_at, id) AS k FROM deliveries WHERE deleted_at IS NULL) AS v "
                             "WHERE k = 1) d ON d.request_id = r.id "
                             "WHERE r.beneficiary_id = ?1 AND r.received_on = ?2 "
                             "AND r.request_type = ?3 AND r.deleted_at IS NULL "
                             "AND r.id NOT IN (SELECT request_id FROM imported_requests "
                             "WHERE import_id = ?4) ORDER BY r.seq",
                             error);
  if (stmt == NULL)
    return NULL;
  sila_bind_text (stmt, 1, row->beneficiary_id);
  sila_bind_text (stmt, 2, received);
  sila_bind_text (stmt, 3, row->type);
  sila_bind_text (stmt, 4, import->import_id);

  while ((step = sila_store_step (import->store, stmt, error)) == SILA_STEP_ROW)
    {
      SilaRequestHeld *h = sila_request_held_new (sila_column_text (stmt, 0));
      SilaRequestHistory *rh = h->history;

      g_ptr_array_add (held, h);
      if (!sila_channel_parse (sila_column_text (stmt, 1), &rh->channel, NULL))
        rh->channel = SILA_N_CHANNELS;
      if (!sila_request_status_parse (sila_column_text (stmt, 2), &rh->status,
                                      NULL))
        rh->status = SILA_REQUEST_NONE;
      read_day (stmt, 3, &rh->received);
      read_day (stmt, 4, &rh->decided);
      rh->reason = sila_column_dup (stmt, 5);
      read_day (stmt, 6, &rh->delivered);
      rh->halalas = sila_column_int64 (stmt, 7);
      rh->kind = sila_column_dup (stmt, 8);
      rh->description = sila_column_dup (stmt, 9);
    }
  if (step == SILA_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&held);
}

/* A day of the history as a stored timestamp: its start, as contacts
 * typed by the day are. */
static char *
day_timestamp (const GDate *date)
{
  g_autofree char *iso = sila_date_to_iso (date);

  return g_strconcat (iso, "T00:00:00.000Z", NULL);
}

static gboolean
add_event (Import             *import,
           const char         *request_id,
           int                 step,
           SilaRequestStatus   from,
           SilaRequestStatus   to,
           const GDate        *day,
           const GDate        *previous_day,
           const char         *reason,
           const char         *note,
           GError            **error)
{
  g_autoptr(SilaStatement) stmt = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *at = day_timestamp (day);

  stmt = sila_store_prepare (import->store,
                             "INSERT INTO request_events (id, request_id, step, from_status, "
                             "status, at, actor, elapsed_seconds, reason, note, created_at, "
                             "device_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
                             "?12)",
                             error);
  if (stmt == NULL)
    return FALSE;
  sila_bind_text (stmt, 1, uuid);
  sila_bind_text (stmt, 2, request_id);
  sila_bind_int (stmt, 3, step);
  sila_bind_text (stmt, 4, from >= 0 ? sila_request_status_to_code (from) : NULL);
  sila_bind_text (stmt, 5, sila_request_status_to_code (to));
  sila_bind_text (stmt, 6, at);
  sila_bind_text (stmt, 7, import->actor->username);
  if (previous_day != NULL)
    sila_bind_int64 (stmt, 8, (gint64)g_date_days_between (previous_day, day) * 86400);
  sila_bind_text (stmt, 9, reason);
  sila_bind_text (stmt, 10, note);
  sila_bind_text (stmt, 11, import->now);
  sila_bind_text (stmt, 12, sila_store_get_device_id (import->store));
  return sila_store_step (import->store, stmt, error) == SILA_STEP_DONE;
}

/* The steps of the row's timeline: received, then the decision (or the
 * withdrawal), the delivery and the closing. */
static gboolean
add_timeline (Import      *import,
              const Row   *row,
              const char  *request_id,
              guint        line,
              GError     **error)
{
  /* Translators: a step of an imported request's timeline; %s is the
   * file's name, %u its line. */
  g_autofree char *note = g_strdup_printf (_("Imported from the office’s history (%s, line %u)"),
                                           import->file_name, line);
  int step = 1;

  if (!add_event (import, request_id, step++, SILA_REQUEST_NONE, SILA_REQUEST_RECEIVED,
                  &row->h->received, NULL, NULL, note, error))
    return FALSE;

  if (row->h->status == SILA_REQUEST_WITHDRAWN)
    return add_event (import, request_id, step, SILA_REQUEST_RECEIVED, SILA_REQUEST_WITHDRAWN,
                      g_date_valid (&row->h->decided) ? &row->h->decided : &row->h->received,
                      &row->h->received, row->h->reason, note, error);
  if (row->h->status == SILA_REQUEST_RECEIVED)
    return TRUE;

  if (!add_event (import, request_id, step++, SILA_REQUEST_RECEIVED,
                  row->h->status == SILA_REQUEST_REJECTED ? SILA_REQUEST_REJECTED
                                                       : SILA_REQUEST_ACCEPTED,
                  &row->h->decided, &row->h->received, row->h->reason, note, error))
    return FALSE;
  if (!sila_request_history_delivered (row->h->status))
    return TRUE;

  if (!add_event (import, request_id, step++, SILA_REQUEST_ACCEPTED, SILA_REQUEST_DELIVERED,
                  &row->h->delivered, &row->h->decided, NULL, note, error))
    return FALSE;
  if (row->h->status == SILA_REQUEST_CLOSED &&
      !add_event (import, request_id, step, SILA_REQUEST_DELIVERED, SILA_REQUEST_CLOSED,
                  &row->h->delivered, &row->h->delivered, NULL, note, error))
    return FALSE;

  return TRUE;
}

static gboolean
insert_outcome (Import      *import,
                const Row   *row,
                const char  *request_id,
                GError     **error)
{
  if (sila_request_history_decided (row->h->status))
    {
      g_autoptr(SilaStatement) stmt = NULL;
      g_autofree char *uuid = g_uuid_string_random ();

      stmt = sila_store_prepare (import->store,
                                 "INSERT INTO committee_decisions (id, request_id, decision, "
                                 "reason, decided_on, recorded_by, created_at, updated_at, "
                                 "device_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, ?8)",
                                 error);
      if (stmt == NULL)
        return FALSE;
      sila_bind_text (stmt, 1, uuid);
      sila_bind_text (stmt, 2, request_id);
      sila_bind_text (stmt, 3, row->h->status == SILA_REQUEST_REJECTED ? "rejected" : "accepted");
      sila_bind_text (stmt, 4, row->h->reason);
      sila_bind_date (stmt, 5, &row->h->decided);
      sila_bind_text (stmt, 6, import->actor->username);
      sila_bind_text (stmt, 7, import->now);
      sila_bind_text (stmt, 8, sila_store_get_device_id (import->store));
      if (sila_store_step (import->store, stmt, error) != SILA_STEP_DONE)
        return FALSE;
    }

  if (sila_request_history_delivered (row->h->status))
    {
      g_autoptr(SilaStatement) stmt = NULL;
      g_autofree char *uuid = g_uuid_string_random ();

      stmt = sila_store_prepare (import->store,
                                 "INSERT INTO deliveries (id, request_id, kind, amount_halalas, "
                                 "delivered_on, delivered_by, created_at, updated_at, device_id) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, ?8)",
                                 error);
      if (stmt == NULL)
        return FALSE;
      sila_bind_text (stmt, 1, uuid);
      sila_bind_text (stmt, 2, request_id);
      sila_bind_text (stmt, 3, row->h->kind != NULL ? row->h->kind : "service");
      sila_bind_int64 (stmt, 4, row->h->halalas);
      sila_bind_date (stmt, 5, &row->h->delivered);
      sila_bind_text (stmt, 6, import->actor->username);
      sila_bind_text (stmt, 7, import->now);
      sila_bind_text (stmt, 8, sila_store_get_device_id (import->store));
      if (sila_store_step (import->store, stmt, error) != SILA_STEP_DONE)
        return FALSE;
    }

  return TRUE;
}

static gboolean
insert_request (Import      *import,
                const Row   *row,
                guint        line,
                GError     **error)
{
  g_autoptr(SilaStatement) stmt = NULL;
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *counter = NULL;
  g_autofree char *number = NULL;
  g_autofree char *status_at = NULL;
  SilaHijriDate hijri;
  gint64 serial = 0, seq = 0;
  GDate due;
  const GDate *last;

  if (!sila_hijri_from_gregorian (&row->h->received, &hijri, error))
    return FALSE;
  counter = g_strdup_printf ("request-%u", hijri.year);
  if (!sila_store_next_number (import->store, counter, &serial, error) ||
      !sila_store_next_number (import->store, "request", &seq, error))
    return FALSE;
  number = sila_request_number_format (hijri.year, serial);
  sila_request_compute_due (&row->h->received, import->window, &due);
  last = g_date_valid (&row->h->delivered) ? &row->h->delivered
       : g_date_valid (&row->h->decided) ? &row->h->decided : &row->h->received;
  status_at = day_timestamp (last);

  /* The applicant signed the office's paper form at the time. */
  stmt = sila_store_prepare (import->store,
                             "INSERT INTO requests (id, seq, number, beneficiary_id, request_type, "
                             "channel, status, received_on, due_on, received_by, description, "
                             "declaration, status_at, decided_on, created_at, updated_at, "
                             "created_by, updated_by, device_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
                             "?7, ?8, ?9, ?10, ?11, 'paper', ?12, ?13, ?14, ?14, ?10, ?10, ?15)",
                             error);
  if (stmt == NULL)
    return FALSE;
  sila_bind_text (stmt, 1, id);
  sila_bind_int64 (stmt, 2, seq);
  sila_bind_text (stmt, 3, number);
  sila_bind_text (stmt, 4, row->beneficiary_id);
  sila_bind_text (stmt, 5, row->type);
  sila_bind_text (stmt, 6, sila_channel_to_code (row->h->channel));
  sila_bind_text (stmt, 7, sila_request_status_to_code (row->h->status));
  sila_bind_date (stmt, 8, &row->h->received);
  sila_bind_date (stmt, 9, &due);
  sila_bind_text (stmt, 10, import->actor->username);
  sila_bind_text (stmt, 11, row->h->description);
  sila_bind_text (stmt, 12, status_at);
  sila_bind_date (stmt, 13, sila_request_history_decided (row->h->status) ? &row->h->decided : NULL);
  sila_bind_text (stmt, 14, import->now);
  sila_bind_text (stmt, 15, sila_store_get_device_id (import->store));
  if (sila_store_step (import->store, stmt, error) != SILA_STEP_DONE)
    return FALSE;
  g_clear_pointer (&stmt, sila_statement_release);

  stmt = sila_store_prepare (import->store,
                             "INSERT INTO imported_requests (request_id, import_id, line, "
                             "created_at, device_id) VALUES (?1, ?2, ?3, ?4, ?5)",
                             error);
  if (stmt == NULL)
    return FALSE;
  sila_bind_text (stmt, 1, id);
  sila_bind_text (stmt, 2, import->import_id);
  sila_bind_int (stmt, 3, (int)line);
  sila_bind_text (stmt, 4, import->now);
  sila_bind_text (stmt, 5, sila_store_get_device_id (import->store));
  if (sila_store_step (import->store, stmt, error) != SILA_STEP_DONE)
    return FALSE;

  return add_timeline (import, row, id, line, error) &&
         insert_outcome (import, row, id, error) &&
         sila_store_audit (import->store, import->actor, "import", SILA_AUDIT_ENTITY_REQUEST, id,
                           number, NULL, NULL, error);
}

/* FALSE only for a database error, which stops the import. */
static gboolean
import_row (Import              *import,
            const SilaTableRow  *table_row,
            GError             **error)
{
  g_auto(Row) row = { 0 };
  g_autoptr(SilaTransaction) savepoint = NULL;
  g_autoptr(GPtrArray) held = NULL;
  g_autofree char *added = NULL;
  g_autofree char *resembles = NULL;
  GError *local = NULL;

  savepoint = sila_transaction_begin (import->store, error);
  if (savepoint == NULL)
    return FALSE;

  if (!read_row (import, table_row, &row, &local))
    {
      if (local != NULL)
        {
          g_propagate_error (error, local);
          return FALSE;
        }
      return TRUE;
    }
  if (!resolve_type (import, &row, &added, error))
    return FALSE;
  /* A type just added has no requests yet (and nothing must be rolled
   * back after adding it). */
  if (added == NULL)
    {
      held = load_held (import, &row, error);
      if (held == NULL)
        return FALSE;
    }
  if (sila_request_import_is_duplicate (import->rows, table_row->line, row.beneficiary_id,
                                        row.type, row.h, held, &resembles))
    return TRUE;

  if (!insert_request (import, &row, table_row->line, error) ||
      !sila_transaction_commit (savepoint, error))
    return FALSE;

  sila_request_import_accept (import->rows, table_row->line, row.beneficiary_id, row.type,
                              g_steal_pointer (&row.h), added, resembles);
  return TRUE;
}

/* The earlier import of the same file, if any: a clear refusal. */
static gboolean
check_not_imported (SilaStore   *self,
                    const char  *sha,
                    GError     **error)
{
  g_autoptr(SilaStatement) stmt = NULL;
  SilaStep step;

  stmt = sila_store_prepare (self,
                             "SELECT i.created_at, coalesce (s.display_name, i.imported_by) "
                             "FROM request_imports i LEFT JOIN staff s "
                             "ON s.username = i.imported_by WHERE i.sha256 = ?1",
                             error);
  if (stmt == NULL)
    return FALSE;
  sila_bind_text (stmt, 1, sha);
  step = sila_store_step (self, stmt, error);
  if (step == SILA_STEP_ERROR)
    return FALSE;
  if (step == SILA_STEP_ROW)
    {
      g_autofree char *day = g_strndup (sila_column_text (stmt, 0), 10);

      g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DUPLICATE,
                   _("This file was imported already, on %s by %s: nothing was imported "
                     "again."),
                   day, sila_column_text (stmt, 1));
      return FALSE;
    }
  return TRUE;
}

static gboolean
record_import (Import      *import,
               const char  *sha,
               GError     **error)
{
  g_autoptr(SilaStatement) stmt = NULL;

  stmt = sila_store_prepare (import->store,
                             "INSERT INTO request_imports (id, file_name, sha256, rows_ok, "
                             "imported_by, created_at, updated_at, device_id) "
                             "VALUES (?1, ?2, ?3, 0, ?4, ?5, ?5, ?6)",
                             error);
  if (stmt == NULL)
    return FALSE;
  sila_bind_text (stmt, 1, import->import_id);
  sila_bind_text (stmt, 2, import->file_name);
  sila_bind_text (stmt, 3, sha);
  sila_bind_text (stmt, 4, import->actor->username);
  sila_bind_text (stmt, 5, import->now);
  sila_bind_text (stmt, 6, sila_store_get_device_id (import->store));
  return sila_store_step (import->store, stmt, error) == SILA_STEP_DONE;
}

static gboolean
finish_import (Import      *import,
               GError     **error)
{
  g_autoptr(SilaStatement) stmt = NULL;
  g_autofree char *summary = NULL;

  stmt = sila_store_prepare (import->store,
                             "UPDATE request_imports SET rows_ok = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sila_bind_text (stmt, 1, import->import_id);
  sila_bind_int64 (stmt, 2, import->counts->ok);
  if (sila_store_step (import->store, stmt, error) != SILA_STEP_DONE)
    return FALSE;

  summary = g_strdup_printf ("%s: %u ok, %u rejected, %u duplicate", import->file_name,
                             import->counts->ok, import->counts->rejected,
                             import->counts->duplicates);
  return sila_store_audit (import->store, import->actor, "import", "request_import",
                           import->import_id, summary, NULL, NULL, error);
}

gboolean
sila_store_import_requests (SilaStore         *self,
                            const SilaActor   *actor,
                            const char        *path,
                            gboolean           dry_run,
                            SilaImportReport  *report,
                            SilaImportCounts  *counts,
                            GError           **error)
{
  SilaImportOptions options = { .dry_run = dry_run };

  return sila_store_import_requests_full (self, actor, path, &options, report, counts, error);
}

gboolean
sila_store_import_requests_full (SilaStore               *self,
                                 const SilaActor         *actor,
                                 const char              *path,
                                 const SilaImportOptions *options,
                                 SilaImportReport        *report,
                                 SilaImportCounts        *counts,
                                 GError                 **error)
{
  SilaImportTicker ticker;
  gboolean dry_run;
  g_autoptr(SilaTableReader) reader = NULL;
  g_autoptr(SilaRequestImport) rows = NULL;
  g_autoptr(SilaTransaction) tx = NULL;
  g_autoptr(GPtrArray) types = NULL;
  g_autoptr(GMappedFile) mapped = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *import_id = g_uuid_string_random ();
  g_autofree char *file_name = NULL;
  g_autofree char *now = sila_clock_timestamp ();
  SilaImportCounts own_counts = { 0 };
  Import import = { 0 };
  SilaTableRow *row;
  GError *local = NULL;

  g_return_val_if_fail (SILA_IS_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL && report != NULL && options != NULL, FALSE);

  dry_run = options->dry_run;
  if (counts == NULL)
    counts = &own_counts;
  memset (counts, 0, sizeof *counts);

  if (!sila_store_require (self, actor, SILA_PERM_REQUEST_IMPORT, error))
    return FALSE;

  reader = sila_table_reader_open_sheet (path, options->sheet, error);
  if (reader == NULL)
    return FALSE;
  sila_import_ticker_init (&ticker, options, reader, 0);
  rows = sila_request_import_new (reader, dry_run, report, counts, error);
  if (rows == NULL)
    return FALSE;

  /* The file's bytes say whether it was imported before. */
  mapped = g_mapped_file_new (path, FALSE, NULL);
  if (mapped != NULL)
    sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                       (const guchar *)g_mapped_file_get_contents (mapped),
                                       g_mapped_file_get_length (mapped));
  else
    sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, now, -1);
  /* Another sheet of the same workbook is another log. */
  if (options->sheet != NULL && sila_table_reader_get_sheet_names (reader) != NULL)
    {
      const char *const *names = sila_table_reader_get_sheet_names (reader);

      if (names[0] != NULL && g_strcmp0 (names[0], options->sheet) != 0)
        {
          g_autofree char *both = g_strconcat (sha, "\n", options->sheet, NULL);

          g_free (sha);
          sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, both, -1);
        }
    }
  file_name = g_path_get_basename (path);
  if (!g_utf8_validate (file_name, -1, NULL))
    {
      g_free (file_name);
      file_name = g_strdup ("?");
    }

  types = sila_store_list_request_types (self, TRUE, error);
  if (types == NULL)
    return FALSE;

  tx = sila_transaction_begin (self, error);
  if (tx == NULL || !check_not_imported (self, sha, error))
    return FALSE;

  import = (Import) {
    .store = self, .actor = actor, .rows = rows, .types = types, .counts = counts,
    .import_id = import_id, .file_name = file_name, .dry_run = dry_run, .now = now,
    .window = sila_store_get_setting_int (self, SILA_SETTING_ANSWER_WINDOW,
                                          SILA_ANSWER_WINDOW_DEFAULT),
  };
  if (!record_import (&import, sha, error))
    return FALSE;

  while ((row = sila_table_reader_next (reader, &local)) != NULL)
    {
      gboolean ok = import_row (&import, row, error);

      sila_table_row_free (row);
      /* Stopped: returning before the commit rolls the whole file back. */
      if (!ok || !sila_import_ticker_tick (&ticker, error))
        return FALSE;
    }
  if (local != NULL)
    {
      /* Damaged half-way: keep nothing of it (the transaction rolls back). */
      g_propagate_error (error, local);
      return FALSE;
    }

  sila_import_ticker_finish (&ticker);
  if (dry_run)
    return TRUE; /* the transaction rolls back */

  if (!finish_import (&import, error) || !sila_import_check_stopped (options, error))
    return FALSE;
  return sila_transaction_commit (tx, error);
}
