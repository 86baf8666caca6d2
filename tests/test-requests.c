/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Support requests in the store, on real temporary databases: every step
 * of the workflow for every role (allowed and refused, a refusal changing
 * nothing), steps the policy has not, the checklist gate, expiry at
 * submission, due dates with a configured window, overdue lists and scans.
 * The time each step took, the office's lists and the contacts log are in
 * test-requests-office.c. */
#include "sila-config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "sila-clock.h"
#include "sila-i18n.h"
#include "sila-sqlite.h"
#include "sila-store-private.h"
#include "sila-store-staff.h"
#include "sila-test-requests.h"
#include "sila-test-util.h"

/* Everything a refusal must leave as it was. */
static char *
snapshot (SilaRequestsFixture *f)
{
  static const char *tables[] = {
    "requests", "request_documents", "request_events", "research_reports",
    "committee_decisions", "deliveries", "audit_log", "counters",
  };
  GString *all = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY 1", tables[i]);

      sila_test_db_dump (sila_test_store_db (f->store), sql, all);
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
test_step_by_role (SilaRequestsFixture *f,
                   gconstpointer        data)
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
      gboolean allowed = sila_roles_permit (sila_test_people[p].roles, step->permission);
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
      after = sila_test_reload (f, request->id);
      if (allowed)
        {
          g_assert_no_error (error);
          g_assert_true (done);
          g_assert_cmpint (after->status, ==, step->to);
          g_assert_cmpstr (((SilaRequestEvent *)g_ptr_array_index (after->events,
                                                                    after->events->len - 1))->by,
                           ==, sila_test_people[p].username);
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
test_no_such_step (SilaRequestsFixture *f,
                   gconstpointer        data)
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
test_open (SilaRequestsFixture *f,
           gconstpointer        data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaRequest) first = NULL;
  g_autoptr(SilaRequest) second = NULL;
  g_autoptr(SilaRequest) windowed = NULL;
  g_autoptr(SilaRequest) found = NULL;
  SilaActor *officer = f->actors[0];
  const SilaRequestDocument *d;
  g_autofree char *due = NULL;

  sila_test_set_now ("2025-01-31T08:00:00Z");
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
  sila_test_set_now ("2025-02-15T08:00:00Z");
  g_clear_pointer (&found, sila_request_free);
  found = sila_test_reload (f, first->id);
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
test_documents_and_gate (SilaRequestsFixture *f,
                         gconstpointer        data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaRequest) request = NULL;
  g_autoptr(SilaRequest) after = NULL;
  SilaActor *officer = f->actors[0];
  SilaDocumentStatus recorded;
  SilaStepInput input = { 0 };
  GDate expires;

  sila_test_set_now ("2025-03-01T08:00:00Z");
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
  after = sila_test_reload (f, request->id);
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
  after = sila_test_reload (f, request->id);
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
test_attachments (SilaRequestsFixture *f,
                  gconstpointer        data)
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
  after = sila_test_reload (f, request->id);
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
  /* Opening a scan is seeing personal data: audited. */
  g_assert_cmpint (sila_test_db_int (sila_test_store_db (f->store),
                                     "SELECT count(*) FROM audit_log WHERE action = 'view' "
                                     "AND entity = 'request' AND summary = 'scan income_proof'"),
                   ==, 1);

  /* Only an officer attaches. */
  g_assert_false (sila_store_attach_request_document (f->store, f->actors[2], request->id,
                                                      "lease", "l.pdf", pdf, &error));
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DENIED);
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
  sila_requests_template_init ();

#define ADD(path, func) \
  g_test_add (path, SilaRequestsFixture, NULL, sila_requests_fixture_setup, func, \
              sila_requests_fixture_teardown)

  steps = sila_request_steps_get (&n_steps);
  /* Every step × every role: 17 × 5 cases. */
  for (guint i = 0; i < n_steps; i++)
    for (guint p = 0; p < SILA_TEST_N_PEOPLE - 1; p++)
      {
        StepCase *c = g_new0 (StepCase, 1);
        char *path = g_strdup_printf ("/sila/store/requests/step/%s/%s/%s",
                                      sila_request_status_to_code (steps[i].from),
                                      sila_request_status_to_code (steps[i].to),
                                      sila_role_to_code (sila_test_people[p].roles));

        c->step = &steps[i];
        c->person = p;
        g_ptr_array_add (cases, c);
        g_ptr_array_add (paths, path);
        g_test_add (path, SilaRequestsFixture, c, sila_requests_fixture_setup,
                    test_step_by_role, sila_requests_fixture_teardown);
      }
  ADD ("/sila/store/requests/step/not-in-the-policy", test_no_such_step);
  ADD ("/sila/store/requests/open-number-due-window", test_open);
  ADD ("/sila/store/requests/documents-expiry-and-gate", test_documents_and_gate);
  ADD ("/sila/store/requests/attachments", test_attachments);

#undef ADD

  status = g_test_run ();
  sila_requests_template_clear ();
  return status;
}
