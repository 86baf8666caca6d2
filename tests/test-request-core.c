/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The core of support requests: statuses and their names, the workflow
 * table, due dates across month ends, the expiry rule, request numbers,
 * signatures, the request form and the contact form. */
#include "sila-config.h"

#include <string.h>

#include "sila-clock.h"
#include "sila-contact.h"
#include "sila-i18n.h"
#include "sila-date.h"
#include "sila-request-input.h"
#include "sila-request-workflow.h"
#include "sila-signature.h"
#include "sila-validation.h"

static void
set_today (int year,
           int month,
           int day)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (year, month, day, 9, 0, 0);

  sila_clock_set_fixed (now);
}

static GDate
date (int year,
      int month,
      int day)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_dmy (&d, day, month, year);
  return d;
}

static void
test_status_codes (void)
{
  static const char *codes[] = {
    "received", "documents_complete", "in_research", "research_done", "with_committee",
    "accepted", "rejected", "registered", "delivered", "closed", "withdrawn",
  };
  SilaRequestStatus status;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (G_N_ELEMENTS (codes), ==, SILA_N_REQUEST_STATUSES);
  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      g_assert_cmpstr (sila_request_status_to_code (i), ==, codes[i]);
      g_assert_true (sila_request_status_parse (codes[i], &status, NULL));
      g_assert_cmpint (status, ==, i);
      g_assert_nonnull (sila_request_status_to_display (i));
    }

  /* The policy's Arabic terms, as scripts may write them. */
  g_assert_true (sila_request_status_parse ("لدى لجنة البحث", &status, NULL));
  g_assert_cmpint (status, ==, SILA_REQUEST_WITH_COMMITTEE);
  /* Spelt with alif maqsura, as many type it. */
  g_assert_true (sila_request_status_parse ("ملغى", &status, NULL));
  g_assert_cmpint (status, ==, SILA_REQUEST_WITHDRAWN);
  g_assert_true (sila_request_status_parse ("Service delivered", &status, NULL));
  g_assert_cmpint (status, ==, SILA_REQUEST_DELIVERED);

  g_assert_false (sila_request_status_parse ("approved", &status, &error));
  g_assert_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "with_committee"));
}

/* The table is exactly the policy's path, and only the committee decides. */
static void
test_workflow_table (void)
{
  static const struct {
    SilaRequestStatus from;
    SilaRequestStatus to;
    SilaPermission    permission;
  } expected[] = {
    { SILA_REQUEST_RECEIVED, SILA_REQUEST_DOCUMENTS_COMPLETE, SILA_PERM_REQUEST_DOCUMENTS },
    { SILA_REQUEST_DOCUMENTS_COMPLETE, SILA_REQUEST_IN_RESEARCH, SILA_PERM_REQUEST_REFER },
    { SILA_REQUEST_IN_RESEARCH, SILA_REQUEST_RESEARCH_DONE, SILA_PERM_REQUEST_RESEARCH },
    { SILA_REQUEST_RESEARCH_DONE, SILA_REQUEST_WITH_COMMITTEE, SILA_PERM_REQUEST_REFER },
    { SILA_REQUEST_WITH_COMMITTEE, SILA_REQUEST_ACCEPTED, SILA_PERM_REQUEST_DECIDE },
    { SILA_REQUEST_WITH_COMMITTEE, SILA_REQUEST_REJECTED, SILA_PERM_REQUEST_DECIDE },
    { SILA_REQUEST_ACCEPTED, SILA_REQUEST_REGISTERED, SILA_PERM_REQUEST_REGISTER },
    { SILA_REQUEST_REGISTERED, SILA_REQUEST_DELIVERED, SILA_PERM_REQUEST_DELIVER },
    { SILA_REQUEST_DELIVERED, SILA_REQUEST_CLOSED, SILA_PERM_REQUEST_CLOSE },
    { SILA_REQUEST_REJECTED, SILA_REQUEST_CLOSED, SILA_PERM_REQUEST_CLOSE },
  };
  guint n_steps, n_found = 0;

  sila_request_steps_get (&n_steps);
  for (int from = 0; from < SILA_N_REQUEST_STATUSES; from++)
    for (int to = 0; to < SILA_N_REQUEST_STATUSES; to++)
      {
        const SilaRequestStep *step = sila_request_step_find (from, to);
        gboolean listed = FALSE;

        for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
          if (expected[i].from == from && expected[i].to == to)
            {
              listed = TRUE;
              g_assert_nonnull (step);
              g_assert_cmpint (step->permission, ==, expected[i].permission);
            }

        if (to == SILA_REQUEST_WITHDRAWN)
          /* Withdrawn from every open state, never once served or final. */
          listed = from != SILA_REQUEST_REJECTED && from != SILA_REQUEST_DELIVERED &&
                   !sila_request_status_is_final (from);
        g_assert_cmpint (step != NULL, ==, listed);
        if (step != NULL)
          n_found++;
        if (step != NULL && to == SILA_REQUEST_WITHDRAWN)
          g_assert_true (step->needs & SILA_STEP_NEEDS_REASON);
      }
  g_assert_cmpuint (n_found, ==, n_steps);

  /* Decisions are the committee's alone; research the researcher's. */
  for (SilaRole r = SILA_ROLE_OFFICER; r <= SILA_ROLE_ADMIN; r <<= 1)
    {
      g_assert_cmpint (sila_roles_permit (r, SILA_PERM_REQUEST_DECIDE), ==,
                       r == SILA_ROLE_COMMITTEE);
      g_assert_cmpint (sila_roles_permit (r, SILA_PERM_REQUEST_RESEARCH), ==,
                       r == SILA_ROLE_RESEARCHER);
    }
}

static SilaRequest *
request_in (SilaRequestStatus status)
{
  SilaRequest *request = sila_request_new ();

  request->status = status;
  request->received = date (2025, 1, 10);
  return request;
}

static SilaRequestDocument *
document (const char         *type,
          gboolean            required,
          SilaDocumentStatus  status)
{
  SilaRequestDocument *d = sila_request_document_new ();

  d->type = g_strdup (type);
  d->name_ar = g_strdup (type);
  d->name_en = g_strdup (type);
  d->required = required;
  d->status = status;
  return d;
}

static void
test_check_step (void)
{
  g_autoptr(SilaRequest) request = request_in (SILA_REQUEST_RESEARCH_DONE);
  SilaStepInput input = { 0 };
  g_autoptr(GError) error = NULL;

  set_today (2025, 1, 20);

  /* Skipping a step: the message names the way. */
  request->status = SILA_REQUEST_RECEIVED;
  g_assert_false (sila_request_check_step (request, SILA_REQUEST_WITH_COMMITTEE, NULL, &error));
  g_assert_error (error, SILA_WORKFLOW_ERROR, SILA_WORKFLOW_ERROR_NO_SUCH_STEP);
  g_assert_nonnull (strstr (error->message, "Documents complete"));
  g_clear_error (&error);

  /* Withdrawal and rejection need a reason; blank does not count. */
  input.reason = "  \n ";
  g_assert_false (sila_request_check_step (request, SILA_REQUEST_WITHDRAWN, &input, &error));
  g_assert_error (error, SILA_WORKFLOW_ERROR, SILA_WORKFLOW_ERROR_INCOMPLETE);
  g_clear_error (&error);
  input.reason = "انتقل إلى مدينة أخرى";
  g_assert_true (sila_request_check_step (request, SILA_REQUEST_WITHDRAWN, &input, NULL));

  request->status = SILA_REQUEST_WITH_COMMITTEE;
  input.reason = NULL;
  g_assert_false (sila_request_check_step (request, SILA_REQUEST_REJECTED, &input, &error));
  g_assert_error (error, SILA_WORKFLOW_ERROR, SILA_WORKFLOW_ERROR_INCOMPLETE);
  g_clear_error (&error);
  g_assert_true (sila_request_check_step (request, SILA_REQUEST_ACCEPTED, &input, NULL));

  /* A decision dated in the future or before the request. */
  {
    GDate future = date (2025, 1, 21), early = date (2025, 1, 9);

    input.decided_on = &future;
    g_assert_false (sila_request_check_step (request, SILA_REQUEST_ACCEPTED, &input, NULL));
    input.decided_on = &early;
    g_assert_false (sila_request_check_step (request, SILA_REQUEST_ACCEPTED, &input, NULL));
    input.decided_on = NULL;
  }

  /* Research needs its findings and the recommendation, both: a note is
   * neither; delivery needs its amount. */
  request->status = SILA_REQUEST_IN_RESEARCH;
  g_assert_false (sila_request_check_step (request, SILA_REQUEST_RESEARCH_DONE, &input, NULL));
  input.note = "زيارة ميدانية: الأسرة محتاجة";
  g_assert_false (sila_request_check_step (request, SILA_REQUEST_RESEARCH_DONE, &input, NULL));
  input.findings = "زيارة ميدانية: الأسرة محتاجة";
  g_assert_false (sila_request_check_step (request, SILA_REQUEST_RESEARCH_DONE, &input, &error));
  g_assert_error (error, SILA_WORKFLOW_ERROR, SILA_WORKFLOW_ERROR_INCOMPLETE);
  g_assert_nonnull (strstr (error->message, "recommendation"));
  g_clear_error (&error);
  input.recommendation = "نوصي بالقبول";
  g_assert_true (sila_request_check_step (request, SILA_REQUEST_RESEARCH_DONE, &input, NULL));
  request->status = SILA_REQUEST_REGISTERED;
  g_assert_false (sila_request_check_step (request, SILA_REQUEST_DELIVERED, &input, NULL));
  input.has_amount = TRUE;
  input.amount_halalas = 0;
  g_assert_true (sila_request_check_step (request, SILA_REQUEST_DELIVERED, &input, NULL));
  input.delivery_kind = "gold";
  g_assert_false (sila_request_check_step (request, SILA_REQUEST_DELIVERED, &input, NULL));

  /* Nothing after closing. */
  request->status = SILA_REQUEST_CLOSED;
  g_assert_false (sila_request_check_step (request, SILA_REQUEST_WITHDRAWN, &input, &error));
  g_assert_nonnull (strstr (error->message, "nothing more"));
  sila_clock_set_fixed (NULL);
}

/* The committee gate: every required document verified and valid when it
 * was submitted; optional ones never hold a request back. */
static void
test_checklist_gate (void)
{
  g_autoptr(SilaRequest) request = request_in (SILA_REQUEST_RESEARCH_DONE);
  g_autoptr(GError) error = NULL;
  SilaRequestDocument *id_copy = document ("id", TRUE, SILA_DOCUMENT_VERIFIED);
  SilaRequestDocument *income = document ("income", TRUE, SILA_DOCUMENT_MISSING);

  g_ptr_array_add (request->documents, id_copy);
  g_ptr_array_add (request->documents, income);
  g_ptr_array_add (request->documents, document ("iban", FALSE, SILA_DOCUMENT_MISSING));

  g_assert_false (sila_request_check_step (request, SILA_REQUEST_WITH_COMMITTEE, NULL, &error));
  g_assert_error (error, SILA_WORKFLOW_ERROR, SILA_WORKFLOW_ERROR_CHECKLIST);
  g_assert_nonnull (strstr (error->message, "income: missing"));
  g_assert_null (strstr (error->message, "iban"));
  g_clear_error (&error);

  income->status = SILA_DOCUMENT_PROVIDED;
  g_assert_false (sila_request_check_step (request, SILA_REQUEST_WITH_COMMITTEE, NULL, &error));
  g_assert_nonnull (strstr (error->message, "not verified"));
  g_clear_error (&error);

  income->status = SILA_DOCUMENT_REJECTED;
  g_assert_false (sila_request_check_step (request, SILA_REQUEST_WITH_COMMITTEE, NULL, NULL));

  income->status = SILA_DOCUMENT_VERIFIED;
  g_assert_true (sila_request_check_step (request, SILA_REQUEST_WITH_COMMITTEE, NULL, NULL));

  /* Verified, but it had expired before it was submitted. */
  id_copy->expires = date (2025, 1, 9);
  id_copy->submitted = date (2025, 1, 10);
  g_assert_false (sila_request_check_step (request, SILA_REQUEST_WITH_COMMITTEE, NULL, &error));
  g_assert_nonnull (strstr (error->message, "expired"));
  g_clear_error (&error);

  /* Valid on the day it was brought (it may expire later). */
  id_copy->expires = date (2025, 1, 10);
  g_assert_true (sila_request_check_step (request, SILA_REQUEST_WITH_COMMITTEE, NULL, NULL));

  /* documents_complete holds the same gate. */
  request->status = SILA_REQUEST_RECEIVED;
  income->status = SILA_DOCUMENT_MISSING;
  g_assert_false (sila_request_check_step (request, SILA_REQUEST_DOCUMENTS_COMPLETE, NULL,
                                           &error));
  g_assert_error (error, SILA_WORKFLOW_ERROR, SILA_WORKFLOW_ERROR_CHECKLIST);
}

static void
test_expiry_at_submission (void)
{
  GDate submitted = date (2025, 3, 1);
  GDate before = date (2025, 2, 28), same = date (2025, 3, 1), after = date (2026, 3, 1);
  GDate none;

  g_date_clear (&none, 1);
  g_assert_cmpint (sila_document_status_at_submission (SILA_DOCUMENT_VERIFIED, &before,
                                                       &submitted), ==, SILA_DOCUMENT_EXPIRED);
  g_assert_cmpint (sila_document_status_at_submission (SILA_DOCUMENT_PROVIDED, &before,
                                                       &submitted), ==, SILA_DOCUMENT_EXPIRED);
  g_assert_cmpint (sila_document_status_at_submission (SILA_DOCUMENT_VERIFIED, &same, &submitted),
                   ==, SILA_DOCUMENT_VERIFIED);
  g_assert_cmpint (sila_document_status_at_submission (SILA_DOCUMENT_VERIFIED, &after,
                                                       &submitted), ==, SILA_DOCUMENT_VERIFIED);
  g_assert_cmpint (sila_document_status_at_submission (SILA_DOCUMENT_VERIFIED, &none, &submitted),
                   ==, SILA_DOCUMENT_VERIFIED);
  /* A rejection or a missing document stays what it is. */
  g_assert_cmpint (sila_document_status_at_submission (SILA_DOCUMENT_REJECTED, &before,
                                                       &submitted), ==, SILA_DOCUMENT_REJECTED);
}

/* Due = received + window, across month and year ends and leap days;
 * overdue from the day after; due soon within three days; answered
 * requests are never overdue. */
static void
test_due_dates (void)
{
  static const struct {
    int  received[3];
    int  window;
    int  due[3];
  } cases[] = {
    { { 2025, 1, 31 }, 14, { 2025, 2, 14 } },
    { { 2024, 2, 20 }, 14, { 2024, 3, 5 } },   /* leap year */
    { { 2023, 2, 20 }, 14, { 2023, 3, 6 } },
    { { 2024, 12, 25 }, 14, { 2025, 1, 8 } },
    { { 2025, 4, 30 }, 21, { 2025, 5, 21 } },  /* a configured window */
    { { 2025, 1, 31 }, 30, { 2025, 3, 2 } },
    { { 2025, 6, 30 }, 1, { 2025, 7, 1 } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate received = date (cases[i].received[0], cases[i].received[1], cases[i].received[2]);
      GDate expected = date (cases[i].due[0], cases[i].due[1], cases[i].due[2]);
      GDate due, day_after;

      sila_request_compute_due (&received, cases[i].window, &due);
      g_assert_cmpint (g_date_compare (&due, &expected), ==, 0);

      g_assert_false (sila_request_is_overdue (SILA_REQUEST_WITH_COMMITTEE, &due, &due));
      g_assert_true (sila_request_is_due_soon (SILA_REQUEST_WITH_COMMITTEE, &due, &due));
      day_after = due;
      g_date_add_days (&day_after, 1);
      g_assert_true (sila_request_is_overdue (SILA_REQUEST_RECEIVED, &due, &day_after));
      g_assert_false (sila_request_is_due_soon (SILA_REQUEST_RECEIVED, &due, &day_after));
      g_assert_false (sila_request_is_overdue (SILA_REQUEST_ACCEPTED, &due, &day_after));
      g_assert_false (sila_request_is_overdue (SILA_REQUEST_WITHDRAWN, &due, &day_after));
      if (cases[i].window > SILA_REQUEST_DUE_SOON_DAYS)
        g_assert_false (sila_request_is_due_soon (SILA_REQUEST_RECEIVED, &due, &received));
    }

  {
    GDate due = date (2025, 3, 10), today = date (2025, 3, 12);
    g_autofree char *text = sila_request_describe_due (SILA_REQUEST_IN_RESEARCH, &due, &today);

    g_assert_cmpstr (text, ==, "Overdue by 2 days");
  }
}

static void
test_numbers (void)
{
  g_autofree char *a = sila_request_number_format (1446, 17);
  g_autofree char *b = sila_request_number_normalize ("١٤٤٦-١٧", NULL);
  g_autofree char *c = sila_request_number_normalize (" 1446/00017 ", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (a, ==, "1446-00017");
  g_assert_cmpstr (b, ==, "1446-00017");
  g_assert_cmpstr (c, ==, "1446-00017");
  g_assert_null (sila_request_number_normalize ("17", &error));
  g_assert_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID);
}

static void
test_signature (void)
{
  g_autoptr(SilaSignature) signature = sila_signature_new ();
  g_autoptr(SilaSignature) back = NULL;
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (sila_signature_is_empty (signature));
  sila_signature_begin_stroke (signature);
  for (int i = 0; i <= 10; i++)
    sila_signature_add_point (signature, i / 10.0, 0.5 + (i % 2) * 0.1);
  sila_signature_begin_stroke (signature);
  sila_signature_add_point (signature, 0.2, 0.9);
  sila_signature_add_point (signature, 1.7, -3);  /* clamped to the pad */
  g_assert_false (sila_signature_is_empty (signature));

  text = sila_signature_to_text (signature);
  back = sila_signature_from_text (text, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sila_signature_get_n_strokes (back), ==, 2);
  again = sila_signature_to_text (back);
  g_assert_cmpstr (again, ==, text);
  g_assert_nonnull (strstr (text, "10000,0"));

  g_assert_null (sila_signature_from_text ("1,2 3", &error) );
  g_clear_error (&error);
  g_assert_null (sila_signature_from_text ("1,2 3,4", &error));  /* too little */
  g_clear_error (&error);
  g_assert_null (sila_signature_from_text ("'; DROP TABLE requests; --", &error));
}

static void
test_request_input (void)
{
  g_autoptr(GPtrArray) types = g_ptr_array_new_with_free_func ((GDestroyNotify)sila_type_entry_free);
  g_autoptr(SilaRequestInput) input = sila_request_input_new ();
  g_autoptr(SilaFieldErrors) errors = sila_field_errors_new ();
  g_autoptr(SilaRequest) request = NULL;

  set_today (2025, 5, 1);
  g_ptr_array_add (types, sila_type_entry_new ("financial_aid", "مساعدة مالية", "Financial aid",
                                               FALSE, FALSE));
  g_ptr_array_add (types, sila_type_entry_new ("old", "قديم", "Old", FALSE, TRUE));

  /* Every field refused at once, each beside its own field. */
  input->beneficiary_id = g_strdup ("b-1");
  sila_request_input_set (input, SILA_RF_TYPE, "old");
  sila_request_input_set (input, SILA_RF_CHANNEL, "fax");
  sila_request_input_set (input, SILA_RF_RECEIVED, "2025-05-02");
  sila_request_input_set (input, SILA_RF_AMOUNT, "12.345");
  sila_request_input_set (input, SILA_RF_DESCRIPTION, "bad \u202e text");
  request = sila_request_input_parse (input, types, SILA_REQUEST_PARSE_REQUIRE_DECLARATION,
                                      errors);
  g_assert_null (request);
  for (guint f = 0; f < SILA_N_RF_FIELDS; f++)
    g_assert_nonnull (sila_field_errors_get (errors, sila_request_field_to_key (f)));

  /* Names work as well as codes; a Hijri date; the signature drawn. */
  g_clear_pointer (&errors, sila_field_errors_free);
  errors = sila_field_errors_new ();
  sila_request_input_set (input, SILA_RF_TYPE, "مساعدة  مالية");
  sila_request_input_set (input, SILA_RF_CHANNEL, "المقابلة");
  sila_request_input_set (input, SILA_RF_RECEIVED, "1446-10-01");
  sila_request_input_set (input, SILA_RF_AMOUNT, "١٬٥٠٠٫٥٠");
  sila_request_input_set (input, SILA_RF_DESCRIPTION, "  إيجار متأخر\nثلاثة أشهر ");
  sila_request_input_set (input, SILA_RF_DECLARATION, "drawn");
  input->signature = g_strdup ("100,100 200,200 300,300 400,420 500,400");
  request = sila_request_input_parse (input, types, SILA_REQUEST_PARSE_REQUIRE_DECLARATION,
                                      errors);
  g_assert_nonnull (request);
  g_assert_cmpstr (request->type, ==, "financial_aid");
  g_assert_cmpint (request->channel, ==, SILA_CHANNEL_INTERVIEW);
  g_assert_cmpint (g_date_get_year (&request->received), ==, 2025);
  g_assert_cmpint (request->amount_asked, ==, 150050);
  g_assert_cmpstr (request->description, ==, "إيجار متأخر\nثلاثة أشهر");
  g_assert_cmpint (request->declaration, ==, SILA_DECLARATION_DRAWN);
  sila_clock_set_fixed (NULL);
}

static void
test_contact_form (void)
{
  const char *fields[SILA_N_CF_FIELDS] = { NULL };
  g_autoptr(SilaFieldErrors) errors = sila_field_errors_new ();
  g_autoptr(SilaContact) contact = NULL;

  set_today (2025, 5, 1);
  fields[SILA_CF_CHANNEL] = "whatsapp";
  fields[SILA_CF_QUESTION] = "   ";
  fields[SILA_CF_ASKED] = "2025-05-09";
  g_assert_null (sila_contact_parse (fields, NULL, errors));
  g_assert_nonnull (sila_field_errors_get (errors, "channel"));
  g_assert_nonnull (sila_field_errors_get (errors, "question"));
  g_assert_nonnull (sila_field_errors_get (errors, "asked"));

  g_clear_pointer (&errors, sila_field_errors_free);
  errors = sila_field_errors_new ();
  fields[SILA_CF_CHANNEL] = "social_media";
  fields[SILA_CF_QUESTION] = "هل يشمل الدعم فواتير الكهرباء؟";
  fields[SILA_CF_ANSWER] = "نعم، ضمن طلب سداد الفواتير.";
  fields[SILA_CF_ASKED] = "2025-04-29";
  contact = sila_contact_parse (fields, NULL, errors);
  g_assert_nonnull (contact);
  g_assert_cmpint (contact->status, ==, SILA_CONTACT_ANSWERED);
  g_assert_cmpint (contact->direction, ==, SILA_DIRECTION_INBOUND);
  g_assert_cmpstr (contact->asked_at, ==, "2025-04-29T00:00:00.000Z");

  /* A referral is the researcher's to answer. */
  g_clear_pointer (&contact, sila_contact_free);
  fields[SILA_CF_KIND] = "referral";
  g_assert_null (sila_contact_parse (fields, NULL, errors));
  g_assert_nonnull (sila_field_errors_get (errors, "answer"));
  sila_clock_set_fixed (NULL);
}

/* Every refusal of a step under its field, so that the window shows each
 * beside its own field and the command line names its option. */
static void
test_check_step_fields (void)
{
  g_autoptr(SilaRequest) request = request_in (SILA_REQUEST_IN_RESEARCH);
  SilaStepInput input = { 0 };
  GDate future = date (2025, 1, 21);

  set_today (2025, 1, 20);
  {
    g_autoptr(SilaFieldErrors) errors = sila_field_errors_new ();

    input.findings = " \n";
    input.visit_date = &future;
    g_assert_false (sila_request_check_step_fields (request, SILA_REQUEST_RESEARCH_DONE, &input,
                                                    errors));
    g_assert_cmpuint (sila_field_errors_count (errors), ==, 3);
    g_assert_nonnull (sila_field_errors_get (errors, SILA_STEP_FIELD_FINDINGS));
    g_assert_nonnull (sila_field_errors_get (errors, SILA_STEP_FIELD_RECOMMENDATION));
    g_assert_nonnull (strstr (sila_field_errors_get (errors, SILA_STEP_FIELD_VISIT_DATE)->message,
                              "future"));
  }
  {
    g_autoptr(SilaFieldErrors) errors = sila_field_errors_new ();

    input.findings = "الأسرة محتاجة";
    input.recommendation = "نوصي بالقبول";
    input.visit_date = NULL;
    g_assert_true (sila_request_check_step_fields (request, SILA_REQUEST_RESEARCH_DONE, &input,
                                                   errors));
    g_assert_true (sila_field_errors_is_empty (errors));
  }
  {
    g_autoptr(SilaFieldErrors) errors = sila_field_errors_new ();

    /* A step the policy has not: that alone. */
    g_assert_false (sila_request_check_step_fields (request, SILA_REQUEST_CLOSED, NULL, errors));
    g_assert_cmpstr (sila_field_errors_first (errors, NULL), ==, SILA_STEP_FIELD_STEP);
    g_assert_cmpuint (sila_field_errors_count (errors), ==, 1);
  }
  {
    g_autoptr(SilaFieldErrors) errors = sila_field_errors_new ();

    request->status = SILA_REQUEST_REGISTERED;
    memset (&input, 0, sizeof input);
    input.delivery_kind = "gold";
    g_assert_false (sila_request_check_step_fields (request, SILA_REQUEST_DELIVERED, &input,
                                                    errors));
    g_assert_nonnull (sila_field_errors_get (errors, SILA_STEP_FIELD_AMOUNT));
    g_assert_nonnull (sila_field_errors_get (errors, SILA_STEP_FIELD_KIND));
  }
  sila_clock_set_fixed (NULL);
}

/* A type that expires is not verified without its date; "expired" is
 * never chosen; a new date takes an expired document back to provided. */
static void
test_document_rules (void)
{
  g_autoptr(SilaRequestDocument) id_copy = document ("id", TRUE, SILA_DOCUMENT_PROVIDED);
  g_autoptr(SilaRequestDocument) income = document ("income", TRUE, SILA_DOCUMENT_PROVIDED);
  g_autoptr(GError) error = NULL;
  GDate expires = date (2030, 1, 1), invalid;

  g_date_clear (&invalid, 1);
  id_copy->type_expires = TRUE;
  g_assert_false (sila_request_document_check_status (id_copy, SILA_DOCUMENT_VERIFIED, NULL,
                                                      &error));
  g_assert_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_REQUIRED);
  g_assert_nonnull (strstr (error->message, "id"));
  g_clear_error (&error);
  g_assert_false (sila_request_document_check_status (id_copy, SILA_DOCUMENT_VERIFIED, &invalid,
                                                      NULL));
  g_assert_true (sila_request_document_check_status (id_copy, SILA_DOCUMENT_VERIFIED, &expires,
                                                     NULL));
  g_assert_true (sila_request_document_check_status (id_copy, SILA_DOCUMENT_PROVIDED, NULL, NULL));
  g_assert_true (sila_request_document_check_status (income, SILA_DOCUMENT_VERIFIED, NULL, NULL));
  g_assert_false (sila_request_document_check_status (income, SILA_DOCUMENT_EXPIRED, &expires,
                                                      &error));
  g_assert_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID);

  g_assert_cmpint (sila_request_document_status_with_new_expiry (income), ==,
                   SILA_DOCUMENT_PROVIDED);
  income->status = SILA_DOCUMENT_EXPIRED;
  g_assert_cmpint (sila_request_document_status_with_new_expiry (income), ==,
                   SILA_DOCUMENT_PROVIDED);
  income->status = SILA_DOCUMENT_VERIFIED;
  g_assert_cmpint (sila_request_document_status_with_new_expiry (income), ==,
                   SILA_DOCUMENT_VERIFIED);

  /* A scan of a missing document means it was brought. */
  g_assert_cmpint (sila_request_document_status_with_scan (income), ==, SILA_DOCUMENT_VERIFIED);
  income->status = SILA_DOCUMENT_MISSING;
  g_assert_cmpint (sila_request_document_status_with_scan (income), ==, SILA_DOCUMENT_PROVIDED);
  income->status = SILA_DOCUMENT_REJECTED;
  g_assert_cmpint (sila_request_document_status_with_scan (income), ==, SILA_DOCUMENT_REJECTED);
}

/* What the request waits for follows its checklist until the committee
 * has it. */
static void
test_describe_next (void)
{
  g_autoptr(SilaRequest) request = request_in (SILA_REQUEST_RESEARCH_DONE);
  SilaRequestDocument *income = document ("income", TRUE, SILA_DOCUMENT_VERIFIED);
  g_autofree char *ready = NULL, *held = NULL, *referred = NULL, *committee = NULL;

  g_ptr_array_add (request->documents, income);
  ready = sila_request_describe_next (request);
  g_assert_nonnull (strstr (ready, "committee"));
  g_assert_null (strstr (ready, "income"));

  income->status = SILA_DOCUMENT_MISSING;
  held = sila_request_describe_next (request);
  g_assert_cmpstr (held, !=, ready);
  g_assert_nonnull (strstr (held, "income: missing"));

  request->status = SILA_REQUEST_DOCUMENTS_COMPLETE;
  referred = sila_request_describe_next (request);
  g_assert_nonnull (strstr (referred, "social research"));
  g_assert_nonnull (strstr (referred, "income: missing"));

  /* With the committee, the gate is behind it. */
  request->status = SILA_REQUEST_WITH_COMMITTEE;
  committee = sila_request_describe_next (request);
  g_assert_null (strstr (committee, "income"));
}

/* The store's lists of statuses come from the core's rules. */
static void
test_status_lists (void)
{
  const char * const *awaiting = sila_request_awaiting_codes ();
  const char * const *final = sila_request_final_codes ();
  guint n_awaiting = 0, n_final = 0;

  for (SilaRequestStatus s = 0; s < SILA_N_REQUEST_STATUSES; s++)
    {
      const char *code = sila_request_status_to_code (s);

      g_assert_cmpint (g_strv_contains (awaiting, code), ==, sila_request_status_awaits_answer (s));
      g_assert_cmpint (g_strv_contains (final, code), ==, sila_request_status_is_final (s));
      n_awaiting += sila_request_status_awaits_answer (s);
      n_final += sila_request_status_is_final (s);
    }
  g_assert_cmpuint (g_strv_length ((char **)awaiting), ==, n_awaiting);
  g_assert_cmpuint (g_strv_length ((char **)final), ==, n_final);
  g_assert_cmpstr (awaiting[0], ==, "received");
  g_assert_cmpuint (n_awaiting, ==, 5);
}

/* A researcher is assigned while the request goes to research. */
static void
test_assign_researcher (void)
{
  g_autoptr(SilaRequest) request = request_in (SILA_REQUEST_RECEIVED);
  g_autoptr(GError) error = NULL;

  for (SilaRequestStatus s = 0; s < SILA_N_REQUEST_STATUSES; s++)
    {
      request->status = s;
      g_assert_cmpint (sila_request_check_assign_researcher (request, NULL), ==,
                       s == SILA_REQUEST_DOCUMENTS_COMPLETE || s == SILA_REQUEST_IN_RESEARCH);
    }
  g_assert_false (sila_request_check_assign_researcher (request, &error));
  g_assert_error (error, SILA_WORKFLOW_ERROR, SILA_WORKFLOW_ERROR_NO_SUCH_STEP);
}

static SilaRequestBrief *
brief (const char        *number,
       SilaRequestStatus  status,
       const char        *decided)
{
  SilaRequestBrief *b = g_new0 (SilaRequestBrief, 1);

  b->number = g_strdup (number);
  b->status = status;
  g_date_clear (&b->decided_on, 1);
  if (decided != NULL)
    g_assert_true (sila_date_parse (decided, SILA_CALENDAR_GREGORIAN, &b->decided_on, NULL));
  return b;
}

/* Which requests make a new one a repeat: one still open, else one decided
 * in the last 90 days (90 counts, 91 not); never a withdrawn one. */
static void
test_repeats (void)
{
  g_autoptr(GPtrArray) held = g_ptr_array_new_with_free_func (
    (GDestroyNotify)sila_request_brief_free);
  g_autofree char *text = NULL;
  const SilaRequestBrief *found;
  GDate today;

  g_assert_true (sila_date_parse ("2025-05-30", SILA_CALENDAR_GREGORIAN, &today, NULL));
  g_assert_null (sila_request_find_repeat (held, &today));
  g_assert_null (sila_request_find_repeat (NULL, &today));

  g_ptr_array_add (held, brief ("1446-00001", SILA_REQUEST_WITHDRAWN, NULL));
  g_ptr_array_add (held, brief ("1446-00002", SILA_REQUEST_CLOSED, "2025-02-28"));
  g_assert_null (sila_request_find_repeat (held, &today));       /* 91 days */

  g_ptr_array_add (held, brief ("1446-00003", SILA_REQUEST_CLOSED, "2025-03-01"));
  found = sila_request_find_repeat (held, &today);                /* 90 days */
  g_assert_nonnull (found);
  g_assert_cmpstr (found->number, ==, "1446-00003");
  text = sila_request_describe_repeat (found);
  g_assert_nonnull (strstr (text, "1446-00003"));
  g_assert_nonnull (strstr (text, "90"));

  /* A decision dated after today (a clock set back) does not count. */
  g_ptr_array_remove_index (held, 2);
  g_ptr_array_add (held, brief ("1446-00004", SILA_REQUEST_CLOSED, "2025-06-01"));
  g_assert_null (sila_request_find_repeat (held, &today));

  /* An open request wins over a recent decision, whatever its status. */
  g_ptr_array_add (held, brief ("1446-00005", SILA_REQUEST_CLOSED, "2025-05-29"));
  g_ptr_array_add (held, brief ("1446-00006", SILA_REQUEST_DELIVERED, "2024-01-01"));
  found = sila_request_find_repeat (held, &today);
  g_assert_cmpstr (found->number, ==, "1446-00006");
  g_clear_pointer (&text, g_free);
  text = sila_request_describe_repeat (found);
  g_assert_nonnull (strstr (text, sila_request_status_to_display (SILA_REQUEST_DELIVERED)));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  sila_i18n_init (SILA_LANGUAGE_ENGLISH);

  g_test_add_func ("/sila/core/request/status-codes", test_status_codes);
  g_test_add_func ("/sila/core/request/workflow-table", test_workflow_table);
  g_test_add_func ("/sila/core/request/check-step", test_check_step);
  g_test_add_func ("/sila/core/request/check-step-fields", test_check_step_fields);
  g_test_add_func ("/sila/core/request/checklist-gate", test_checklist_gate);
  g_test_add_func ("/sila/core/request/document-rules", test_document_rules);
  g_test_add_func ("/sila/core/request/describe-next", test_describe_next);
  g_test_add_func ("/sila/core/request/status-lists", test_status_lists);
  g_test_add_func ("/sila/core/request/assign-researcher", test_assign_researcher);
  g_test_add_func ("/sila/core/request/expiry-at-submission", test_expiry_at_submission);
  g_test_add_func ("/sila/core/request/due-dates", test_due_dates);
  g_test_add_func ("/sila/core/request/numbers", test_numbers);
  g_test_add_func ("/sila/core/request/signature", test_signature);
  g_test_add_func ("/sila/core/request/form", test_request_input);
  g_test_add_func ("/sila/core/contact/form", test_contact_form);
  g_test_add_func ("/sila/core/request/repeats", test_repeats);

  return g_test_run ();
}
