/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Support requests in the store, on real temporary databases: every step
 * of the workflow for every role (allowed and refused, a refusal changing
 * nothing), steps the policy has not, the checklist gate, expiry at
 * submission, due dates with a configured window, overdue lists, scans,
 * the office's lists, the time each step took, and the contacts log. */
#include "sila-config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "sila-clock.h"
#include "sila-i18n.h"
#include "sila-store-contacts.h"
#include "sila-store-private.h"
#include "sila-store-staff.h"
#include "sila-test-requests.h"
#include "sila-test-staff.h"
#include "sila-test-util.h"

static char *template_dir;
static char *template_path;

/* Who acts in these tests: one person per role, and a worker holding every
 * role of the procedure to set scenes. */
static const struct {
  const char *username;
  SilaRole    roles;
} people[] = {
  { "huda", SILA_ROLE_OFFICER },
  { "fahad", SILA_ROLE_RESEARCHER },
  { "khalid", SILA_ROLE_COMMITTEE },
  { "mona", SILA_ROLE_MANAGER },
  { "admin", SILA_ROLE_ADMIN },
  { "worker", SILA_ROLE_OFFICER | SILA_ROLE_RESEARCHER | SILA_ROLE_COMMITTEE },
};

typedef struct {
  SilaTestDir  dir;
  SilaStore   *store;
  SilaActor   *actors[G_N_ELEMENTS (people)];
  SilaActor   *worker;
  char        *beneficiary_id;
} Fixture;

static SilaActor *
sign_in (SilaStore  *store,
         const char *username)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaStaff) staff = sila_store_authenticate (store, username, "Sila-test-2026", &error);

  g_assert_no_error (error);
  return sila_staff_to_actor (staff);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  sila_clock_set_fixed (NULL);
  sila_test_dir_setup (&f->dir, NULL);
  g_assert_true (g_file_get_contents (template_path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents_full (f->dir.db_path, contents, (gssize)length,
                                           G_FILE_SET_CONTENTS_NONE, 0600, NULL));
  f->store = sila_store_open (f->dir.db_path, 0, &error);
  g_assert_no_error (error);
  sila_store_set_unsynced_for_testing (f->store);

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    f->actors[i] = sign_in (f->store, people[i].username);
  f->worker = f->actors[G_N_ELEMENTS (people) - 1];
  f->beneficiary_id = sila_test_add_beneficiary (f->store, f->worker, "100000001", "نورة");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  sila_clock_set_fixed (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    sila_actor_free (f->actors[i]);
  g_free (f->beneficiary_id);
  g_assert_finalize_object (f->store);
  sila_test_dir_teardown (&f->dir, NULL);
}

static void
set_now (const char *iso)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 (iso, utc);

  sila_clock_set_fixed (now);
}

static SilaRequest *
reload (Fixture    *f,
        const char *id)
{
  g_autoptr(GError) error = NULL;
  SilaRequest *request = sila_store_get_request (f->store, f->worker, id, &error);

  g_assert_no_error (error);
  return request;
}

/* Everything a refusal must leave as it was. */
static char *
snapshot (Fixture *f)
{
  static const char *tables[] = {
    "requests", "request_documents", "request_events", "research_reports",
    "committee_decisions", "deliveries", "audit_log", "counters",
  };
  GString *all = g_string_new (NULL);
  sqlite3 *db = sila_store_get_db (f->store);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY 1", tables[i]);
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int col = 0; col < sqlite3_column_count (stmt); col++)
            g_string_append_printf (all, "%s|", (const char *)sqlite3_column_text (stmt, col));
          g_string_append_c (all, '\n');
        }
      sqlite3_finalize (stmt);
    }

  return g_string_free (all, FALSE);
}

/* Every step of the table, tried by every role on a request waiting for
 * it: done exactly when the role table allows, otherwise DENIED and
 * nothing changed. */
typedef struct {
  const SilaRequestStep *step;
  guint                  person;
} StepCase;

static void
test_step_by_role (Fixture       *f,
                   gconstpointer  data)
{
  const StepCase *c = data;
  const SilaRequestStep *step = c->step;

  for (guint p = c->person; p == c->person; p++)
    {
      g_autoptr(SilaRequest) request = NULL;
      g_autoptr(SilaRequest) after = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *before = NULL;
      g_autofree char *now = NULL;
      SilaStepInput input;
      gboolean allowed = sila_roles_permit (people[p].roles, step->permission);
      gboolean done;

      request = sila_test_open_request (f->store, f->worker, f->beneficiary_id, "financial_aid",
                                        NULL);
      sila_test_walk_request (f->store, f->worker, request->id, step->from);
      if (step->from == SILA_REQUEST_RECEIVED)
        sila_test_verify_documents (f->store, f->worker, request->id);
      sila_test_step_input (step->to, &input);
      before = snapshot (f);

      done = sila_store_move_request (f->store, f->actors[p], request->id, 0, step->to, &input,
                                      &error);
      after = reload (f, request->id);
      if (allowed)
        {
          g_assert_no_error (error);
          g_assert_true (done);
          g_assert_cmpint (after->status, ==, step->to);
          g_assert_cmpstr (((SilaRequestEvent *)g_ptr_array_index (after->events,
                                                                    after->events->len - 1))->by,
                           ==, people[p].username);
          continue;
        }

      g_assert_false (done);
      g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DENIED);
      g_assert_true (g_str_has_prefix (error->message, "Not allowed"));
      g_assert_cmpint (after->status, ==, step->from);
      now = snapshot (f);
      g_assert_cmpstr (before, ==, now);
    }
}

/* A step the policy has not is refused even for someone with every role,
 * and changes nothing. */
static void
test_no_such_step (Fixture       *f,
                   gconstpointer  data)
{
  for (int from = 0; from < SILA_N_REQUEST_STATUSES; from++)
    {
      g_autoptr(SilaRequest) request = NULL;

      request = sila_test_open_request (f->store, f->worker, f->beneficiary_id, "food_basket",
                                        NULL);
      sila_test_walk_request (f->store, f->worker, request->id, from);

      for (int to = 0; to < SILA_N_REQUEST_STATUSES; to++)
        {
          g_autoptr(GError) error = NULL;
          g_autofree char *before = NULL;
          g_autofree char *after = NULL;
          SilaStepInput input;

          if (sila_request_step_find (from, to) != NULL)
            continue;
          sila_test_step_input (to, &input);
          before = snapshot (f);
          g_assert_false (sila_store_move_request (f->store, f->worker, request->id, 0, to,
                                                   &input, &error));
          g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_INVALID);
          after = snapshot (f);
          g_assert_cmpstr (before, ==, after);
        }
    }
}

static void
test_open (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaRequest) first = NULL;
  g_autoptr(SilaRequest) second = NULL;
  g_autoptr(SilaRequest) windowed = NULL;
  g_autoptr(SilaRequest) found = NULL;
  SilaActor *officer = f->actors[0];
  const SilaRequestDocument *d;
  g_autofree char *due = NULL;

  set_now ("2025-01-31T08:00:00Z");
  first = sila_test_open_request (f->store, officer, f->beneficiary_id, "financial_aid", NULL);
  /* 1446 AH began on 2024-07-07; numbers restart each Hijri year. */
  g_assert_cmpstr (first->number, ==, "1446-00001");
  due = sila_date_to_iso (&first->due);
  g_assert_cmpstr (due, ==, "2025-02-14");
  g_assert_cmpstr (first->received_by, ==, "huda");

  second = sila_test_open_request (f->store, officer, f->beneficiary_id, "rent", "2025-01-30");
  g_assert_cmpstr (second->number, ==, "1446-00002");

  /* The office's window, read when the request is opened. */
  g_assert_true (sila_store_set_setting (f->store, f->actors[4], SILA_SETTING_ANSWER_WINDOW,
                                         "14", "21", &error));
  g_assert_no_error (error);
  windowed = sila_test_open_request (f->store, officer, f->beneficiary_id, "rent", "2024-12-31");
  g_free (due);
  due = sila_date_to_iso (&windowed->due);
  g_assert_cmpstr (due, ==, "2025-01-21");
  g_assert_cmpstr (windowed->number, ==, "1446-00003");

  /* Read back by number: the checklist of financial aid, required first. */
  found = sila_store_find_request (f->store, f->actors[1], "١٤٤٦-١", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found->id, ==, first->id);
  g_assert_cmpuint (found->documents->len, ==, 5);
  d = g_ptr_array_index (found->documents, 0);
  g_assert_cmpstr (d->type, ==, "national_id_copy");
  g_assert_true (d->required && d->type_expires);
  d = g_ptr_array_index (found->documents, 1);
  g_assert_cmpstr (d->type, ==, "income_proof");
  g_assert_true (d->required);
  d = g_ptr_array_index (found->documents, 2);
  g_assert_false (d->required);
  g_assert_cmpuint (found->events->len, ==, 1);
  g_assert_cmpint (((SilaRequestEvent *)g_ptr_array_index (found->events, 0))->status, ==,
                   SILA_REQUEST_RECEIVED);
  g_assert_cmpstr (found->beneficiary_name, ==, "نورة عبدالله الحربي");

  /* Overdue: after the 14th, the first request is late, the windowed one too. */
  set_now ("2025-02-15T08:00:00Z");
  g_clear_pointer (&found, sila_request_free);
  found = reload (f, first->id);
  g_assert_true (sila_request_is_overdue_today (found));
  {
    SilaRequestFilter filter;
    g_autoptr(GArray) keys = NULL;
    g_autoptr(GPtrArray) rows = NULL;

    sila_request_filter_init (&filter);
    filter.overdue_only = TRUE;
    filter.order = SILA_REQUEST_ORDER_DUE;
    keys = sila_store_list_request_keys (f->store, officer, &filter, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (keys->len, ==, 3);
    rows = sila_store_get_request_rows (f->store, officer, (gint64 *)(gpointer)keys->data,
                                        keys->len, &error);
    g_assert_cmpstr (sila_request_row_get_number (g_ptr_array_index (rows, 0)), ==,
                     "1446-00003");
    g_assert_true (sila_request_row_is_overdue (g_ptr_array_index (rows, 0)));
  }

  /* An unknown file, a retired type: refused, nothing opened. */
  {
    g_autoptr(SilaRequest) orphan = sila_request_new ();

    orphan->beneficiary_id = g_strdup ("no-such-file");
    orphan->type = g_strdup ("rent");
    orphan->received = first->received;
    g_assert_false (sila_store_open_request (f->store, officer, orphan, &error));
    g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_NOT_FOUND);
  }
}

static void
test_documents_and_gate (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaRequest) request = NULL;
  g_autoptr(SilaRequest) after = NULL;
  SilaActor *officer = f->actors[0];
  SilaDocumentStatus recorded;
  SilaStepInput input = { 0 };
  GDate expires;

  set_now ("2025-03-01T08:00:00Z");
  request = sila_test_open_request (f->store, officer, f->beneficiary_id, "financial_aid", NULL);

  /* Not complete: the refusal names both missing documents. */
  g_assert_false (sila_store_move_request (f->store, officer, request->id, 0,
                                           SILA_REQUEST_DOCUMENTS_COMPLETE, NULL, &error));
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Copy of the national ID: missing"));
  g_assert_nonnull (strstr (error->message, "Proof of income: missing"));
  g_clear_error (&error);

  /* An ID copy that expired the day before it was brought: expired. */
  g_date_clear (&expires, 1);
  g_date_set_dmy (&expires, 28, 2, 2025);
  g_assert_true (sila_store_set_request_document (f->store, officer, request->id,
                                                  "national_id_copy", SILA_DOCUMENT_VERIFIED,
                                                  &expires, NULL, &recorded, &error));
  g_assert_cmpint (recorded, ==, SILA_DOCUMENT_EXPIRED);
  /* Documents by name work too. */
  g_assert_true (sila_store_set_request_document (f->store, officer, request->id, "إثبات الدخل",
                                                  SILA_DOCUMENT_VERIFIED, NULL, NULL, &recorded,
                                                  &error));
  g_assert_cmpint (recorded, ==, SILA_DOCUMENT_VERIFIED);
  g_assert_false (sila_store_move_request (f->store, officer, request->id, 0,
                                           SILA_REQUEST_DOCUMENTS_COMPLETE, NULL, &error));
  g_assert_nonnull (strstr (error->message, "expired on"));
  g_assert_null (strstr (error->message, "Proof of income"));
  g_clear_error (&error);

  /* A renewed copy, valid the day it is brought. */
  g_date_set_dmy (&expires, 1, 3, 2025);
  g_assert_true (sila_store_set_request_document (f->store, officer, request->id,
                                                  "national_id_copy", SILA_DOCUMENT_VERIFIED,
                                                  &expires, NULL, &recorded, &error));
  g_assert_cmpint (recorded, ==, SILA_DOCUMENT_VERIFIED);
  after = reload (f, request->id);
  {
    const SilaRequestDocument *d = sila_request_find_document (after, "national_id_copy");

    g_assert_cmpstr (d->verified_by, ==, "huda");
    g_assert_nonnull (d->verified_at);
    g_assert_cmpint (g_date_get_day (&d->submitted), ==, 1);
  }
  g_assert_true (sila_store_move_request (f->store, officer, request->id, 0,
                                          SILA_REQUEST_DOCUMENTS_COMPLETE, NULL, &error));
  g_assert_no_error (error);

  /* Later a required document is rejected: the committee gate holds. */
  sila_test_walk_request (f->store, f->worker, request->id, SILA_REQUEST_RESEARCH_DONE);
  g_assert_true (sila_store_set_request_document (f->store, officer, request->id, "income_proof",
                                                  SILA_DOCUMENT_REJECTED, NULL, "غير مختوم",
                                                  NULL, &error));
  g_assert_false (sila_store_move_request (f->store, officer, request->id, 0,
                                           SILA_REQUEST_WITH_COMMITTEE, &input, &error));
  g_assert_nonnull (strstr (error->message, "cannot go to the committee"));
  g_assert_nonnull (strstr (error->message, "Proof of income: rejected"));
  g_clear_error (&error);

  /* A document the checklist lacks is added as optional. */
  g_assert_true (sila_store_set_request_document (f->store, officer, request->id, "lease",
                                                  SILA_DOCUMENT_PROVIDED, NULL, NULL, NULL,
                                                  &error));
  g_clear_pointer (&after, sila_request_free);
  after = reload (f, request->id);
  g_assert_false (sila_request_find_document (after, "lease")->required);
  g_assert_false (sila_store_set_request_document (f->store, officer, request->id, "passport",
                                                   SILA_DOCUMENT_PROVIDED, NULL, NULL, NULL,
                                                   &error));
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_NOT_FOUND);
}

static GBytes *
bytes (const char *data,
       gsize       size)
{
  return g_bytes_new (data, size);
}

static void
test_attachments (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaRequest) request = NULL;
  g_autoptr(SilaRequest) after = NULL;
  g_autoptr(GBytes) pdf = bytes ("%PDF-1.7\n% a scan", 17);
  g_autoptr(GBytes) png = bytes ("\x89PNG\r\n\x1A\n....", 12);
  g_autoptr(GBytes) jpeg = bytes ("\xFF\xD8\xFF\xE0 jfif", 9);
  g_autoptr(GBytes) exe = bytes ("MZ\x90\0 this is not a scan", 24);
  g_autoptr(GBytes) empty = bytes ("", 0);
  g_autoptr(GBytes) read = NULL;
  g_autofree char *big = g_malloc0 (SILA_ATTACHMENT_MAX_BYTES + 1);
  g_autoptr(GBytes) huge = NULL;
  g_autofree char *name = NULL;
  g_autofree char *mime = NULL;
  g_autofree char *before = NULL;
  g_autofree char *now = NULL;
  SilaActor *officer = f->actors[0];

  memcpy (big, "%PDF-1.7", 8);
  huge = g_bytes_new_take (g_steal_pointer (&big), SILA_ATTACHMENT_MAX_BYTES + 1);
  request = sila_test_open_request (f->store, officer, f->beneficiary_id, "financial_aid", NULL);

  /* Refused by content (a program named .pdf), size, emptiness: nothing kept. */
  before = snapshot (f);
  g_assert_false (sila_store_attach_request_document (f->store, officer, request->id,
                                                      "income_proof", "salary.pdf", exe, &error));
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "PDF, JPEG or PNG"));
  g_clear_error (&error);
  g_assert_false (sila_store_attach_request_document (f->store, officer, request->id,
                                                      "income_proof", "big.pdf", huge, &error));
  g_assert_nonnull (strstr (error->message, "too large"));
  g_clear_error (&error);
  g_assert_false (sila_store_attach_request_document (f->store, officer, request->id,
                                                      "income_proof", "empty.png", empty,
                                                      &error));
  g_clear_error (&error);
  now = snapshot (f);
  g_assert_cmpstr (before, ==, now);

  /* Accepted: a missing document becomes provided; the scan reads back. */
  g_assert_true (sila_store_attach_request_document (f->store, officer, request->id,
                                                     "income_proof", "راتب.jpg", pdf, &error));
  g_assert_no_error (error);
  g_assert_true (sila_store_attach_request_document (f->store, officer, request->id,
                                                     "national_id_copy", "id.png", png, &error));
  g_assert_true (sila_store_attach_request_document (f->store, officer, request->id,
                                                     "family_register", "family.jpeg", jpeg,
                                                     &error));
  g_assert_no_error (error);
  after = reload (f, request->id);
  g_assert_cmpint (sila_request_find_document (after, "income_proof")->status, ==,
                   SILA_DOCUMENT_PROVIDED);
  g_assert_cmpstr (sila_request_find_document (after, "income_proof")->file_mime, ==,
                   "application/pdf");
  g_assert_cmpstr (sila_request_find_document (after, "national_id_copy")->file_mime, ==,
                   "image/png");
  read = sila_store_get_request_document_file (f->store, f->actors[2], request->id,
                                               "income_proof", &name, &mime, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (read, pdf));
  g_assert_cmpstr (name, ==, "راتب.jpg");
  g_assert_cmpstr (mime, ==, "application/pdf");

  /* Only an officer attaches. */
  g_assert_false (sila_store_attach_request_document (f->store, f->actors[2], request->id,
                                                      "lease", "l.pdf", pdf, &error));
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DENIED);
}

/* The time each step took, and the records of research, decision and
 * delivery, for reports. */
static void
test_step_times_and_outcome (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaRequest) request = NULL;
  g_autoptr(SilaRequest) after = NULL;
  SilaStepInput input = { 0 };
  GDate visit, decided;
  const SilaRequestEvent *e;

  set_now ("2025-03-01T08:00:00Z");
  request = sila_test_open_request (f->store, f->worker, f->beneficiary_id, "medical", NULL);
  set_now ("2025-03-02T09:30:00Z");
  sila_test_walk_request (f->store, f->worker, request->id, SILA_REQUEST_IN_RESEARCH);
  set_now ("2025-03-05T10:00:00Z");
  g_date_clear (&visit, 1);
  g_date_set_dmy (&visit, 4, 3, 2025);
  input.visit_date = &visit;
  input.findings = "أسرة من ستة أفراد، الأب مريض";
  input.recommendation = "نوصي بقبول الطلب";
  g_assert_true (sila_store_move_request (f->store, f->worker, request->id, 0,
                                          SILA_REQUEST_RESEARCH_DONE, &input, &error));
  g_assert_no_error (error);
  sila_test_walk_request (f->store, f->worker, request->id, SILA_REQUEST_WITH_COMMITTEE);
  memset (&input, 0, sizeof input);
  g_date_clear (&decided, 1);
  g_date_set_dmy (&decided, 5, 3, 2025);
  input.decided_on = &decided;
  input.members = "خالد\nسارة\nعمر";
  g_assert_true (sila_store_move_request (f->store, f->actors[2], request->id, 0,
                                          SILA_REQUEST_ACCEPTED, &input, &error));
  sila_test_walk_request (f->store, f->worker, request->id, SILA_REQUEST_REGISTERED);
  memset (&input, 0, sizeof input);
  input.has_amount = TRUE;
  input.amount_halalas = 250075;
  input.delivery_kind = "bank_transfer";
  g_assert_true (sila_store_move_request (f->store, f->actors[0], request->id, 0,
                                          SILA_REQUEST_DELIVERED, &input, &error));
  g_assert_no_error (error);

  after = reload (f, request->id);
  e = g_ptr_array_index (after->events, 0);
  g_assert_cmpint (e->elapsed_seconds, ==, -1);
  e = g_ptr_array_index (after->events, 1);
  g_assert_cmpint (e->from, ==, SILA_REQUEST_RECEIVED);
  g_assert_cmpint (e->elapsed_seconds, ==, 25 * 3600 + 1800);
  e = g_ptr_array_index (after->events, 3);
  g_assert_cmpint (e->status, ==, SILA_REQUEST_RESEARCH_DONE);
  g_assert_cmpint (e->elapsed_seconds, ==, 3 * 86400 + 1800);

  g_assert_cmpstr (after->research->researcher, ==, "worker");
  g_assert_cmpstr (after->research->recommendation, ==, "نوصي بقبول الطلب");
  g_assert_cmpint (g_date_get_day (&after->research->visit_date), ==, 4);
  g_assert_cmpint (after->decision->decision, ==, SILA_REQUEST_ACCEPTED);
  g_assert_cmpstr (after->decision->recorded_by, ==, "khalid");
  g_assert_cmpstr (after->decision->members, ==, "خالد\nسارة\nعمر");
  g_assert_cmpuint (after->deliveries->len, ==, 1);
  g_assert_cmpint (((SilaDelivery *)g_ptr_array_index (after->deliveries, 0))->amount_halalas,
                   ==, 250075);
  g_assert_cmpstr (((SilaDelivery *)g_ptr_array_index (after->deliveries, 0))->delivered_by, ==,
                   "huda");

  /* A stale copy cannot move it. */
  g_assert_false (sila_store_move_request (f->store, f->actors[0], request->id, request->rev,
                                           SILA_REQUEST_CLOSED, NULL, &error));
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_CONFLICT);
}

static void
test_researcher_assignment (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaRequest) request = NULL;
  g_autoptr(SilaRequest) after = NULL;
  g_autoptr(GPtrArray) queue = NULL;
  SilaRequestFilter filter;
  SilaStepInput input = { .researcher = "huda" };

  request = sila_test_open_request (f->store, f->worker, f->beneficiary_id, "rent", NULL);
  sila_test_walk_request (f->store, f->worker, request->id, SILA_REQUEST_DOCUMENTS_COMPLETE);

  /* Only a researcher can be assigned. */
  g_assert_false (sila_store_move_request (f->store, f->actors[0], request->id, 0,
                                           SILA_REQUEST_IN_RESEARCH, &input, &error));
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  input.researcher = "fahad";
  g_assert_true (sila_store_move_request (f->store, f->actors[0], request->id, 0,
                                          SILA_REQUEST_IN_RESEARCH, &input, &error));
  after = reload (f, request->id);
  g_assert_cmpstr (after->researcher, ==, "fahad");
  g_assert_cmpstr (after->researcher_name, ==, "fahad");

  /* It shows in fahad's queue, not in worker's (who would only see unassigned ones). */
  sila_request_filter_init (&filter);
  filter.researcher = "fahad";
  queue = sila_store_list_requests (f->store, f->actors[1], &filter, 50, &error);
  g_assert_cmpuint (queue->len, ==, 1);
  g_clear_pointer (&queue, g_ptr_array_unref);
  filter.researcher = "worker";
  queue = sila_store_list_requests (f->store, f->actors[1], &filter, 50, &error);
  g_assert_cmpuint (queue->len, ==, 0);

  /* Found by the applicant's name, spelt another way, and by part of its number. */
  g_clear_pointer (&queue, g_ptr_array_unref);
  sila_request_filter_init (&filter);
  filter.text = "نوره";
  queue = sila_store_list_requests (f->store, f->actors[1], &filter, 50, &error);
  g_assert_cmpuint (queue->len, ==, 1);
  g_clear_pointer (&queue, g_ptr_array_unref);
  filter.text = "سارة";
  queue = sila_store_list_requests (f->store, f->actors[1], &filter, 50, &error);
  g_assert_cmpuint (queue->len, ==, 0);

  g_assert_true (sila_store_assign_researcher (f->store, f->actors[0], request->id, "worker",
                                               &error));
  g_assert_false (sila_store_assign_researcher (f->store, f->actors[1], request->id, "fahad",
                                                &error));
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DENIED);
}

static void
test_office_lists (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *type = NULL;
  g_autofree char *doc = NULL;
  g_autoptr(SilaRequest) request = NULL;
  g_autoptr(GPtrArray) types = NULL;
  SilaActor *admin = f->actors[4];

  g_assert_true (sila_store_add_request_type (f->store, admin, "كفالة يتيم", "Orphan sponsorship",
                                              &type, &error));
  g_assert_no_error (error);
  g_assert_true (sila_store_add_document_type (f->store, admin, "شهادة وفاة الأب",
                                               "Father's death certificate", FALSE, &doc,
                                               &error));
  g_assert_true (sila_store_set_checklist_rule (f->store, admin, type, doc,
                                                SILA_REQUIREMENT_REQUIRED, &error));
  g_assert_true (sila_store_set_checklist_rule (f->store, admin, type, "national_id_copy",
                                                SILA_REQUIREMENT_OPTIONAL, &error));
  g_assert_no_error (error);

  /* A name already used is refused, in either language. */
  g_assert_false (sila_store_add_request_type (f->store, admin, "سلة  غذائية", NULL, NULL,
                                               &error));
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DUPLICATE);
  g_clear_error (&error);

  {
    g_autoptr(SilaRequest) opened = sila_test_open_request (f->store, f->actors[0],
                                                            f->beneficiary_id, type, NULL);

    request = reload (f, opened->id);
    g_assert_cmpuint (request->documents->len, ==, 2);
    g_assert_cmpstr (((SilaRequestDocument *)g_ptr_array_index (request->documents, 0))->type,
                     ==, doc);
  }
  {
    g_autoptr(GPtrArray) rules = sila_store_list_checklist (f->store, type, &error);

    g_assert_cmpuint (rules->len, ==, 2);
    g_assert_cmpint (((SilaChecklistRule *)g_ptr_array_index (rules, 0))->requirement, ==,
                     SILA_REQUIREMENT_REQUIRED);
  }

  /* Dropped from the checklist; the type retired: no longer offered. */
  g_assert_true (sila_store_set_checklist_rule (f->store, admin, type, "national_id_copy",
                                                SILA_REQUIREMENT_NONE, &error));
  g_assert_true (sila_store_update_request_type (f->store, admin, type, "كفالة يتيم",
                                                 "Orphan sponsorship", TRUE, &error));
  types = sila_store_list_request_types (f->store, FALSE, &error);
  for (guint i = 0; i < types->len; i++)
    g_assert_cmpstr (((SilaTypeEntry *)g_ptr_array_index (types, i))->code, !=, type);

  /* An officer may not change the lists. */
  g_assert_false (sila_store_add_document_type (f->store, f->actors[0], "x", "x", FALSE, NULL,
                                                &error));
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DENIED);
}

static void
test_contacts (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(SilaContact) answered = sila_contact_new ();
  g_autoptr(SilaContact) open = sila_contact_new ();
  g_autoptr(SilaContact) referral = sila_contact_new ();
  g_autoptr(SilaContact) back = NULL;
  SilaContactFilter filter;
  SilaActor *officer = f->actors[0], *researcher = f->actors[1];

  set_now ("2025-03-01T08:00:00Z");
  answered->channel = SILA_CHANNEL_PHONE;
  answered->question = g_strdup ("متى يصرف الدعم؟");
  answered->answer = g_strdup ("خلال أسبوعين");
  answered->asked_at = g_strdup ("2025-03-01T07:50:00.000Z");
  g_assert_true (sila_store_add_contact (f->store, officer, answered, &error));
  g_assert_no_error (error);
  g_assert_cmpint (answered->answer_seconds, ==, 600);
  g_assert_cmpint (answered->status, ==, SILA_CONTACT_ANSWERED);

  open->channel = SILA_CHANNEL_WEBSITE;
  open->beneficiary_id = g_strdup (f->beneficiary_id);
  open->question = g_strdup ("هل وصل طلبي؟");
  open->asked_at = g_strdup ("2025-03-01T08:00:00.000Z");
  g_assert_true (sila_store_add_contact (f->store, officer, open, &error));

  referral->channel = SILA_CHANNEL_INTERVIEW;
  referral->kind = SILA_CONTACT_REFERRAL;
  referral->status = SILA_CONTACT_REFERRED;
  referral->referred_to = g_strdup ("fahad");
  referral->question = g_strdup ("لا تفهم شروط الدعم الإيجاري");
  referral->asked_at = g_strdup ("2025-03-01T08:00:00.000Z");
  g_assert_true (sila_store_add_contact (f->store, officer, referral, &error));

  /* The researcher's queue holds the referral; answered two hours later. */
  sila_contact_filter_init (&filter);
  filter.referred_to = "fahad";
  list = sila_store_list_contacts (f->store, researcher, &filter, 50, &error);
  g_assert_cmpuint (list->len, ==, 1);
  set_now ("2025-03-01T10:00:00Z");
  g_assert_true (sila_store_answer_contact (f->store, researcher, referral->id,
                                            "شرحت الشروط بالتفصيل", &error));
  g_assert_false (sila_store_answer_contact (f->store, researcher, referral->id, "مرة أخرى",
                                             &error));
  g_clear_error (&error);
  back = sila_store_get_contact (f->store, officer, referral->id, &error);
  g_assert_cmpint (back->answer_seconds, ==, 7200);
  g_assert_cmpstr (back->answered_by, ==, "fahad");
  g_assert_cmpstr (back->referred_to_name, ==, "fahad");

  /* Filters: channel, status, dates. */
  g_clear_pointer (&list, g_ptr_array_unref);
  sila_contact_filter_init (&filter);
  filter.status = SILA_CONTACT_OPEN;
  list = sila_store_list_contacts (f->store, officer, &filter, 50, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((SilaContact *)g_ptr_array_index (list, 0))->beneficiary_name, ==,
                   "نورة عبدالله الحربي");
  g_clear_pointer (&list, g_ptr_array_unref);
  sila_contact_filter_init (&filter);
  filter.channel = SILA_CHANNEL_PHONE;
  filter.since = "2025-03-01";
  filter.until = "2025-03-01";
  list = sila_store_list_contacts (f->store, officer, &filter, 50, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);
  filter.until = "2025-02-28";
  list = sila_store_list_contacts (f->store, officer, &filter, 50, &error);
  g_assert_cmpuint (list->len, ==, 0);

  /* The committee does not read the log; a referral needs a researcher. */
  g_clear_pointer (&list, g_ptr_array_unref);
  g_assert_null (sila_store_list_contacts (f->store, f->actors[2], &filter, 50, &error));
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_false (sila_store_refer_contact (f->store, officer, open->id, "khalid", &error));
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_INVALID);
}

int
main (int argc, char **argv)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_free);
  const SilaRequestStep *steps;
  guint n_steps;
  int status;

  g_test_init (&argc, &argv, NULL);
  sila_i18n_init (SILA_LANGUAGE_ENGLISH);

  /* One database with its staff, copied for every test. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SilaStore) store = NULL;

    template_dir = g_dir_make_tmp ("sila-requests-XXXXXX", NULL);
    template_path = g_build_filename (template_dir, "template.db", NULL);
    store = sila_store_open (template_path, 0, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < G_N_ELEMENTS (people); i++)
      sila_actor_free (sila_test_add_staff (store, people[i].username, people[i].roles));
  }

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  steps = sila_request_steps_get (&n_steps);
  /* Every step × every role: 17 × 5 cases. */
  for (guint i = 0; i < n_steps; i++)
    for (guint p = 0; p < G_N_ELEMENTS (people) - 1; p++)
      {
        StepCase *c = g_new0 (StepCase, 1);
        char *path = g_strdup_printf ("/sila/store/requests/step/%s/%s/%s",
                                      sila_request_status_to_code (steps[i].from),
                                      sila_request_status_to_code (steps[i].to),
                                      sila_role_to_code (people[p].roles));

        c->step = &steps[i];
        c->person = p;
        g_ptr_array_add (cases, c);
        g_ptr_array_add (paths, path);
        g_test_add (path, Fixture, c, fixture_setup, test_step_by_role, fixture_teardown);
      }
  ADD ("/sila/store/requests/step/not-in-the-policy", test_no_such_step);
  ADD ("/sila/store/requests/open-number-due-window", test_open);
  ADD ("/sila/store/requests/documents-expiry-and-gate", test_documents_and_gate);
  ADD ("/sila/store/requests/attachments", test_attachments);
  ADD ("/sila/store/requests/step-times-and-outcome", test_step_times_and_outcome);
  ADD ("/sila/store/requests/researcher", test_researcher_assignment);
  ADD ("/sila/store/requests/office-lists", test_office_lists);
  ADD ("/sila/store/contacts/log", test_contacts);

#undef ADD

  status = g_test_run ();
  sila_test_rm_rf (template_dir);
  g_free (template_path);
  g_free (template_dir);
  return status;
}
