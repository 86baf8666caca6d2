/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Support requests at scale, each against a floor measured in the same run:
 *
 *   open  opening a request with its checklist and timeline (what the
 *         request screen reads: sila_store_get_request(), the role checked,
 *         the whole request built) against the raw queries alone: the same
 *         SELECTs, every row stepped and every column read.
 *   move  taking a request one step (documents complete → referred to
 *         social research: read, policy and role checked, status, timeline
 *         and audit written in one durable transaction) against the raw
 *         writes alone (the UPDATE and the two INSERTs, one durable
 *         transaction).
 *
 * usage: bench-requests open DB [RUNS]
 *        bench-requests move DB [RUNS]      (writes: give it a copy)
 * Prints medians, the 90th percentile and their ratio; bench/run.py drives
 * it on the generated registry (300,000 requests). */
#include "sila-config.h"

#include <locale.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>

#include "sila-clock.h"
#include "sila-i18n.h"
#include "sila-sqlite.h"
#include "sila-store-private.h"
#include "sila-store-requests.h"

static int
compare_double (const void *a,
                const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return x < y ? -1 : x > y;
}

static double
percentile (GArray *values,
            double  p)
{
  g_array_sort (values, compare_double);
  return g_array_index (values, double, MIN (values->len - 1, (guint)(values->len * p)));
}

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* @n ids of requests in @status (any, when NULL), drawn at random. */
static GPtrArray *
pick (sqlite3    *db,
      const char *status,
      guint       n)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  sqlite3_prepare_v2 (db,
                      status != NULL
                      ? "SELECT id FROM requests WHERE status = ?1 ORDER BY random () LIMIT ?2"
                      : "SELECT id FROM requests WHERE seq IN (SELECT abs (random ()) % "
                        "(SELECT max (seq) FROM requests) + 1 FROM requests LIMIT ?2)",
                      -1, &stmt, NULL);
  sqlite3_bind_text (stmt, 1, status, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, (int)n);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (ids, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  return ids;
}

/* The floor of "open": what sila-store-request-read.c asks SQLite. */
static const char *open_queries[] = {
  "SELECT r.id, r.number, r.seq, r.rev, r.created_at, r.updated_at, r.status_at, "
  "r.beneficiary_id, b.file_number, b.first_name, b.father_name, b.grandfather_name, "
  "b.family_name, b.id_number, b.mobile, r.request_type, t.name_ar, t.name_en, r.channel, "
  "r.status, r.received_on, r.due_on, r.received_by, rs.display_name, r.description, "
  "r.amount_asked, r.declaration, r.signature, r.signed_at, r.researcher, res.display_name "
  "FROM requests r JOIN beneficiaries b ON b.id = r.beneficiary_id "
  "JOIN request_types t ON t.code = r.request_type "
  "LEFT JOIN staff rs ON rs.username = r.received_by "
  "LEFT JOIN staff res ON res.username = r.researcher "
  "WHERE r.deleted_at IS NULL AND r.id = ?1",
  "SELECT d.document_type, t.name_ar, t.name_en, t.expires, d.required, d.status, d.expires_on, "
  "d.submitted_on, d.verified_by, s.display_name, d.verified_at, d.note, d.file_name, "
  "d.file_mime, d.file_size, d.updated_by, d.updated_at FROM request_documents d "
  "JOIN document_types t ON t.code = d.document_type "
  "LEFT JOIN staff s ON s.username = d.verified_by "
  "WHERE d.request_id = ?1 AND d.deleted_at IS NULL ORDER BY d.required DESC, d.position",
  "SELECT e.from_status, e.status, e.actor, s.display_name, e.at, e.elapsed_seconds, e.reason, "
  "e.note FROM request_events e LEFT JOIN staff s ON s.username = e.actor "
  "WHERE e.request_id = ?1 ORDER BY e.step",
  "SELECT r.researcher, s.display_name, r.visit_on, r.findings, r.recommendation, r.created_at "
  "FROM research_reports r LEFT JOIN staff s ON s.username = r.researcher "
  "WHERE r.request_id = ?1 AND r.deleted_at IS NULL",
  "SELECT decision, reason, decided_on, members, recorded_by, created_at "
  "FROM committee_decisions WHERE request_id = ?1 AND deleted_at IS NULL",
  "SELECT d.kind, d.description, d.amount_halalas, d.delivered_on, d.delivered_by, "
  "s.display_name, d.created_at FROM deliveries d LEFT JOIN staff s ON s.username = d.delivered_by "
  "WHERE d.request_id = ?1 AND d.deleted_at IS NULL ORDER BY d.created_at",
};

static void
raw_open (sqlite3      *db,
          sqlite3_stmt **stmts,
          const char    *id)
{
  for (guint q = 0; q < G_N_ELEMENTS (open_queries); q++)
    {
      sqlite3_bind_text (stmts[q], 1, id, -1, SQLITE_STATIC);
      while (sqlite3_step (stmts[q]) == SQLITE_ROW)
        for (int c = 0; c < sqlite3_column_count (stmts[q]); c++)
          (void)sqlite3_column_text (stmts[q], c);
      sqlite3_reset (stmts[q]);
    }
}

static int
bench_open (SilaStore *store,
            guint      runs)
{
  g_autoptr(SilaActor) owner = sila_actor_new_owner ();
  sqlite3 *db = sila_store_get_db (store);
  g_autoptr(GPtrArray) ids = pick (db, NULL, runs);
  g_autoptr(GArray) app = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) raw = g_array_new (FALSE, FALSE, sizeof (double));
  sqlite3_stmt *stmts[G_N_ELEMENTS (open_queries)];
  double app_median, raw_median;
  guint documents = 0, steps = 0;

  for (guint q = 0; q < G_N_ELEMENTS (open_queries); q++)
    sqlite3_prepare_v3 (db, open_queries[q], -1, SQLITE_PREPARE_PERSISTENT, &stmts[q], NULL);

  /* Warm both, then alternate so that neither gets a warmer cache. */
  for (guint i = 0; i < MIN (ids->len, 20); i++)
    {
      g_autoptr(SilaRequest) r = sila_store_get_request (store, owner,
                                                         g_ptr_array_index (ids, i), NULL);
      raw_open (db, stmts, g_ptr_array_index (ids, i));
    }

  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(SilaRequest) r = NULL;
      gint64 start = g_get_monotonic_time ();
      double t;

      r = sila_store_get_request (store, owner, id, &error);
      t = ms_since (start);
      if (r == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      g_array_append_val (app, t);
      documents += r->documents->len;
      steps += r->events->len;

      start = g_get_monotonic_time ();
      raw_open (db, stmts, id);
      t = ms_since (start);
      g_array_append_val (raw, t);
    }

  for (guint q = 0; q < G_N_ELEMENTS (open_queries); q++)
    sqlite3_finalize (stmts[q]);

  app_median = percentile (app, 0.5);
  raw_median = percentile (raw, 0.5);
  printf ("open-ms %.3f\nopen-p90-ms %.3f\nopen-raw-ms %.3f\nopen-ratio %.2f\n"
          "documents-per-request %.1f\nsteps-per-request %.1f\n",
          app_median, percentile (app, 0.9), raw_median, app_median / raw_median,
          (double)documents / ids->len, (double)steps / ids->len);
  return 0;
}

static gboolean
raw_move (SilaStore  *store,
          const char *id)
{
  sqlite3 *db = sila_store_get_db (store);
  g_autofree char *now = sila_clock_timestamp ();
  g_autofree char *event_id = g_uuid_string_random ();
  g_autofree char *audit_id = g_uuid_string_random ();
  sqlite3_stmt *stmt = NULL;
  int rc;

  sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  sqlite3_prepare_v2 (db, "UPDATE requests SET status = 'in_research', status_at = ?2, "
                      "updated_at = ?2, updated_by = 'owner', rev = rev + 1 WHERE id = ?1",
                      -1, &stmt, NULL);
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
  sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  sqlite3_prepare_v2 (db, "INSERT INTO request_events (id, request_id, step, from_status, status, "
                      "at, actor, created_at, device_id) VALUES (?1, ?2, (SELECT max (step) + 1 "
                      "FROM request_events WHERE request_id = ?2), 'documents_complete', "
                      "'in_research', ?3, 'owner', ?3, 'bench')", -1, &stmt, NULL);
  sqlite3_bind_text (stmt, 1, event_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
  sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  sqlite3_prepare_v2 (db, "INSERT INTO audit_log (id, at, actor_name, device_id, action, entity, "
                      "entity_id, summary) VALUES (?1, ?2, 'owner', 'bench', 'move', 'request', "
                      "?3, 'documents_complete → in_research')", -1, &stmt, NULL);
  sqlite3_bind_text (stmt, 1, audit_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, id, -1, SQLITE_STATIC);
  sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  rc = sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  return rc == SQLITE_OK;
}

static int
bench_move (SilaStore *store,
            guint      runs)
{
  g_autoptr(SilaActor) owner = sila_actor_new_owner ();
  g_autoptr(GPtrArray) ids = pick (sila_store_get_db (store), "documents_complete", 2 * runs);
  g_autoptr(GArray) app = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) raw = g_array_new (FALSE, FALSE, sizeof (double));
  double app_median, raw_median;

  if (ids->len < 4)
    {
      g_printerr ("not enough requests with complete documents\n");
      return 1;
    }

  /* Alternate: one through the store, the next raw. */
  for (guint i = 0; i + 1 < ids->len; i += 2)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      double t;

      if (!sila_store_move_request (store, owner, g_ptr_array_index (ids, i), 0,
                                    SILA_REQUEST_IN_RESEARCH, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      t = ms_since (start);
      g_array_append_val (app, t);

      start = g_get_monotonic_time ();
      if (!raw_move (store, g_ptr_array_index (ids, i + 1)))
        return 1;
      t = ms_since (start);
      g_array_append_val (raw, t);
    }

  app_median = percentile (app, 0.5);
  raw_median = percentile (raw, 0.5);
  printf ("move-ms %.3f\nmove-p90-ms %.3f\nmove-raw-ms %.3f\nmove-ratio %.2f\nmoves %u\n",
          app_median, percentile (app, 0.9), raw_median, app_median / raw_median, app->len);
  return 0;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaStore) store = NULL;
  guint runs;

  setlocale (LC_ALL, "C.UTF-8");
  sila_i18n_init (SILA_LANGUAGE_ENGLISH);
  if (argc < 3 || (!g_str_equal (argv[1], "open") && !g_str_equal (argv[1], "move")))
    {
      g_printerr ("usage: %s open|move DB [RUNS]\n", argv[0]);
      return 2;
    }
  runs = argc > 3 ? (guint)atoi (argv[3]) : 200;

  store = sila_store_open (argv[2], SILA_STORE_OPEN_MUST_EXIST, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  return g_str_equal (argv[1], "open") ? bench_open (store, runs) : bench_move (store, runs);
}
