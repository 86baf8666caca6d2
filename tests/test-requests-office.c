/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Support requests in the store, on real temporary databases, as the office
 * sees them: the time each step took and the records of research, decision
 * and delivery, assigning a researcher, the office's lists (request types,
 * checklists, overdue and open requests), and the contacts log. The
 * workflow's steps and documents are in test-requests.c. */
#include "sila-config.h"

#include <glib/gstdio.h>

#include "sila-clock.h"
#include "sila-i18n.h"
#include "sila-store-contacts.h"
#include "sila-store-private.h"
#include "sila-store-staff.h"
#include "sila-test-requests.h"
#include "sila-test-util.h"

/* The time each step took, and the records of research, decision and
 * delivery, for reports. */
static void
test_step_times_and_outcome (SilaRequestsFixture *f,
                             gconstpointer        data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaRequest) request = NULL;
  g_autoptr(SilaRequest) after = NULL;
  SilaStepInput input = { 0 };
  GDate visit, decided;
  const SilaRequestEvent *e;

  sila_test_set_now ("2025-03-01T08:00:00Z");
  request = sila_test_open_request (f->store, f->worker, f->beneficiary_id, "medical", NULL);
  sila_test_set_now ("2025-03-02T09:30:00Z");
  sila_test_walk_request (f->store, f->worker, request->id, SILA_REQUEST_IN_RESEARCH);
  sila_test_set_now ("2025-03-05T10:00:00Z");
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

  after = sila_test_reload (f, request->id);
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
test_researcher_assignment (SilaRequestsFixture *f,
                            gconstpointer        data)
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
  after = sila_test_reload (f, request->id);
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
test_office_lists (SilaRequestsFixture *f,
                   gconstpointer        data)
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

    request = sila_test_reload (f, opened->id);
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
test_contacts (SilaRequestsFixture *f,
               gconstpointer        data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(SilaContact) answered = sila_contact_new ();
  g_autoptr(SilaContact) open = sila_contact_new ();
  g_autoptr(SilaContact) referral = sila_contact_new ();
  g_autoptr(SilaContact) back = NULL;
  SilaContactFilter filter;
  SilaActor *officer = f->actors[0], *researcher = f->actors[1];

  sila_test_set_now ("2025-03-01T08:00:00Z");
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
  sila_test_set_now ("2025-03-01T10:00:00Z");
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
  int status;

  g_test_init (&argc, &argv, NULL);
  sila_i18n_init (SILA_LANGUAGE_ENGLISH);
  /* One database with its staff, copied for every test. */
  sila_requests_template_init ();

#define ADD(path, func) \
  g_test_add (path, SilaRequestsFixture, NULL, sila_requests_fixture_setup, func, \
              sila_requests_fixture_teardown)

  ADD ("/sila/store/requests/step-times-and-outcome", test_step_times_and_outcome);
  ADD ("/sila/store/requests/researcher", test_researcher_assignment);
  ADD ("/sila/store/requests/office-lists", test_office_lists);
  ADD ("/sila/store/contacts/log", test_contacts);

#undef ADD

  status = g_test_run ();
  sila_requests_template_clear ();
  return status;
}
