/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The month of March 2026 and around it, by hand, for the report's tests
 * (tests/test-reports.c, tests/test-report-approval.c). */
#include "sila-config.h"

#include <glib/gstdio.h>

#include "sila-clock.h"
#include "sila-national-id.h"
#include "sila-store-beneficiaries.h"
#include "sila-store-contacts.h"
#include "sila-store-feedback.h"
#include "sila-store-private.h"
#include "sila-store-surveys.h"
#include "sila-test-reports.h"
#include "sila-test-requests.h"
#include "sila-test-staff.h"

void
sila_test_report_set_clock (const char *iso)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 (iso, utc);

  g_assert_nonnull (now);
  sila_clock_set_fixed (now);
}

static void
add_file (Fixture    *f,
          guint       i,
          const char *segment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaBeneficiary) file = sila_beneficiary_new ();
  g_autofree char *nine = g_strdup_printf ("1%08u", 20000000 + i);

  file->id_type = SILA_ID_TYPE_NATIONAL_ID;
  file->id_number = g_strdup_printf ("%s%c", nine, sila_national_id_check_digit (nine));
  f->ids[i] = g_strdup (file->id_number);
  g_assert_cmpuint (i, <, G_N_ELEMENTS (f->ids));
  g_free (file->name[0]);
  file->name[0] = g_strdup ("هند");
  g_free (file->name[1]);
  file->name[1] = g_strdup ("سعد");
  g_free (file->name[3]);
  file->name[3] = g_strdup (i % 2 ? "العتيبي" : "الشهري");
  file->gender = g_strdup ("female");
  file->segment = g_strdup (segment);
  g_free (file->consent);
  file->consent = g_strdup ("given");
  g_assert_true (sila_store_create_beneficiary (f->store, f->worker, file, NULL, &error));
  g_assert_no_error (error);
  f->file_ids[i] = g_strdup (file->id);
}

char *
sila_test_report_write_file (Fixture    *f,
                             const char *name,
                             const char *contents)
{
  char *path = sila_test_dir_file (&f->dir, name);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

SilaImportReport *
sila_test_report_import (Fixture          *f,
                         const char       *name,
                         const char       *csv,
                         SilaImportCounts *counts)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = sila_test_report_write_file (f, name, csv);
  SilaImportReport *report = sila_import_report_new ();

  g_assert_true (sila_store_import_requests (f->store, f->manager, path, FALSE, report, counts,
                                             &error));
  g_assert_no_error (error);
  return report;
}

static void
add_contact (Fixture    *f,
             const char *channel_code,
             SilaContactKind kind,
             const char *asked_at,
             const char *answered_at)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaContact) c = sila_contact_new ();

  g_assert_true (sila_channel_parse (channel_code, &c->channel, NULL));
  c->kind = kind;
  c->question = g_strdup ("متى يصرف الدعم؟");
  c->asked_at = g_strdup (asked_at);
  if (answered_at != NULL)
    {
      sila_test_report_set_clock (answered_at);
      c->answer = g_strdup ("خلال أسبوعين");
    }
  g_assert_true (sila_store_add_contact (f->store, f->worker, c, &error));
  g_assert_no_error (error);
}

static void
add_feedback (Fixture          *f,
              SilaFeedbackKind  kind,
              const char       *received,
              const char       *due,
              const char       *answered)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaFeedbackItem) item = sila_feedback_item_new (kind);

  sila_test_report_set_clock ("2026-04-20T09:00:00Z");
  item->description = g_strdup ("تأخر الرد على الطلب");
  g_assert_true (sila_date_from_iso (received, &item->received_on));
  g_assert_true (sila_date_from_iso (due, &item->due_on));
  item->channel = g_strdup ("phone");
  if (answered != NULL)
    {
      item->status = SILA_FEEDBACK_ANSWERED;
      item->responsible = g_strdup ("worker");
      item->answer = g_strdup ("تمت المعالجة");
      g_assert_true (sila_date_from_iso (answered, &item->answered_on));
    }
  g_assert_true (sila_store_save_feedback (f->store, f->worker, item, NULL, &error));
  g_assert_no_error (error);
}

static void
add_response (Fixture    *f,
              const char *day,
              int         overall,
              int         recommend,
              int         speed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaSurveyTemplate) tpl = sila_store_get_default_survey_template (f->store, f->worker,
                                                                             &error);
  g_autoptr(SilaSurveyResponse) r = NULL;
  g_autofree char *o = g_strdup_printf ("%d", overall);
  g_autofree char *n = g_strdup_printf ("%d", recommend);
  g_autofree char *s = g_strdup_printf ("%d", speed);

  g_assert_no_error (error);
  r = sila_survey_response_new (tpl, SILA_SURVEY_MODE_KIOSK);
  g_assert_true (sila_date_from_iso (day, &r->answered_on));
  g_assert_true (sila_survey_response_set_channel (r, "interview", NULL));
  g_assert_true (sila_survey_answer_parse (sila_survey_template_find (tpl, "overall"), o,
                                           sila_survey_response_get_answer (r, "overall"), NULL));
  g_assert_true (sila_survey_answer_parse (sila_survey_template_find (tpl, "recommend"), n,
                                           sila_survey_response_get_answer (r, "recommend"),
                                           NULL));
  if (speed > 0)
    g_assert_true (sila_survey_answer_parse (sila_survey_template_find (tpl, "speed"), s,
                                             sila_survey_response_get_answer (r, "speed"), NULL));
  g_assert_true (sila_store_add_survey_response (f->store, f->worker, r, NULL, &error));
  g_assert_no_error (error);
}

/* The month of March 2026 and around it, in UTC (the tests' time zone). */
void
sila_test_report_fixture_setup (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaImportReport) report = NULL;
  g_autoptr(GString) csv = g_string_new ("national_id,type,channel,received,status,decided,"
                                         "reason,delivered,service_amount\n");
  SilaImportCounts counts = { 0 };

  sila_test_dir_setup (&f->dir, NULL);
  f->store = sila_store_open (f->dir.db_path, 0, &error);
  g_assert_no_error (error);
  sila_store_set_unsynced_for_testing (f->store);
  f->worker = sila_test_add_staff (f->store, "worker",
                                   SILA_ROLE_OFFICER | SILA_ROLE_RESEARCHER |
                                   SILA_ROLE_COMMITTEE | SILA_ROLE_MANAGER);
  f->manager = sila_test_add_staff (f->store, "manager", SILA_ROLE_MANAGER);

  /* Files: two opened in February, four in March (one on its last
   * second), one in April. */
  sila_test_report_set_clock ("2026-02-27T10:00:00Z");
  add_file (f, 0, "widow");
  add_file (f, 1, "elderly");
  sila_test_report_set_clock ("2026-03-01T00:00:00Z");
  add_file (f, 2, "widow");
  sila_test_report_set_clock ("2026-03-02T09:00:00Z");
  add_file (f, 3, NULL);
  add_file (f, 4, "orphans_family");
  sila_test_report_set_clock ("2026-03-31T23:59:59Z");
  add_file (f, 5, "widow");
  sila_test_report_set_clock ("2026-04-01T00:00:00Z");
  add_file (f, 6, "elderly");

  /* Requests from the history (the answer window is 14 days):
   *  R1  Mar  1 financial_aid phone     accepted Mar 10           (9 days)
   *  R2  Mar 31 food_basket   interview received                  (due Apr 14)
   *  R3  Feb 28 rent          website   rejected Mar 20 (due Mar 14: late, 20 days)
   *  R4  Mar  5 financial_aid phone     delivered: decided Mar 6 (1 day), delivered Apr 2
   *  R5  Mar 10 medical       letter    closed: decided Mar 12 (2 days), delivered Mar 15,
   *                                     250.25
   *  R6  Feb 10 financial_aid phone     delivered: decided Feb 20 (10 days), delivered
   *                                     Mar 1, 0.65
   *  R7  Mar  2 education     website   received (due Mar 16: overdue at the end of March)
   *  R8  Feb  1 food_basket   phone     withdrawn Feb 5
   *  R9  Mar  3 rent          phone     rejected Mar 31 (due Mar 17: late, 28 days)
   *  R10 Mar 15 food_basket   phone     accepted Apr 1 (due Mar 29: overdue at the end of
   *                                     March, decided since) */
  sila_test_report_set_clock ("2026-04-20T09:00:00Z");
  g_string_append_printf (csv, "%s,financial_aid,phone,2026-03-01,accepted,2026-03-10,,,\n",
                          f->ids[0]);
  g_string_append_printf (csv, "%s,سلة غذائية,المقابلة,31/03/2026,received,,,,\n", f->ids[1]);
  g_string_append_printf (csv, "%s,Rent,website,2026-02-28,rejected,2026-03-20,خارج الشروط,,\n",
                          f->ids[2]);
  g_string_append_printf (csv, "%s,financial_aid,phone,2026-03-05,delivered,2026-03-06,,"
                               "2026-04-02,1000.10\n", f->ids[3]);
  g_string_append_printf (csv, "%s,medical,letter,2026-03-10,closed,2026-03-12,,2026-03-15,"
                               "250.25\n", f->ids[4]);
  g_string_append_printf (csv, "%s,financial_aid,phone,2026-02-10,delivered,2026-02-20,,"
                               "2026-03-01,0.65\n", f->ids[5]);
  g_string_append_printf (csv, "%s,education,website,2026-03-02,received,,,,\n", f->ids[0]);
  g_string_append_printf (csv, "%s,food_basket,phone,2026-02-01,withdrawn,2026-02-05,انتقل,,\n",
                          f->ids[1]);
  g_string_append_printf (csv, "%s,rent,phone,2026-03-03,rejected,2026-03-31,مكرر,,\n",
                          f->ids[2]);
  g_string_append_printf (csv, "%s,food_basket,phone,2026-03-15,accepted,2026-04-01,,,\n",
                          f->ids[3]);
  report = sila_test_report_import (f, "history.csv", csv->str, &counts);
  g_assert_cmpuint (counts.ok, ==, 10);
  g_assert_cmpuint (counts.rejected, ==, 0);

  /* W1, through the workflow: received Mar 20 and referred to social
   * research that day (food_basket, phone; due Apr 3). */
  sila_test_report_set_clock ("2026-03-20T09:00:00Z");
  {
    g_autoptr(SilaRequest) request = sila_test_open_request (f->store, f->worker,
                                                             f->file_ids[4], "food_basket",
                                                             "2026-03-20");

    sila_test_walk_request (f->store, f->worker, request->id, SILA_REQUEST_IN_RESEARCH);
  }

  /* Contacts: March has four (three inquiries, one referral); answered
   * in 2, 6 and 2 hours; the last asked on March 31 at 23:00, answered on
   * April 1. */
  add_contact (f, "phone", SILA_CONTACT_INQUIRY, "2026-03-05T08:00:00.000Z",
               "2026-03-05T10:00:00Z");
  add_contact (f, "phone", SILA_CONTACT_INQUIRY, "2026-03-06T08:00:00.000Z",
               "2026-03-06T14:00:00Z");
  add_contact (f, "website", SILA_CONTACT_REFERRAL, "2026-03-07T08:00:00.000Z", NULL);
  add_contact (f, "interview", SILA_CONTACT_INQUIRY, "2026-03-31T23:00:00.000Z",
               "2026-04-01T01:00:00Z");
  add_contact (f, "phone", SILA_CONTACT_INQUIRY, "2026-04-01T00:00:00.000Z",
               "2026-04-01T03:00:00Z");

  /* The register: F1 answered in time, F2 open past its due date, F3
   * received in February and answered in March, F4 in April. */
  add_feedback (f, SILA_FEEDBACK_SUGGESTION, "2026-03-03", "2026-03-17", "2026-03-10");
  add_feedback (f, SILA_FEEDBACK_COMPLAINT, "2026-03-04", "2026-03-18", NULL);
  add_feedback (f, SILA_FEEDBACK_COMPLAINT, "2026-02-20", "2026-03-06", "2026-03-08");
  add_feedback (f, SILA_FEEDBACK_SUGGESTION, "2026-04-02", "2026-04-16", NULL);

  /* Six responses in March: overall 5 4 3 5 2 4 (CSAT 4 of 6), recommend
   * 10 9 7 3 6 10 (3 promoters, 2 detractors: NPS 1/6); `speed` answered
   * three times (too few to show its mean). One in February, one in
   * April. */
  sila_test_report_set_clock ("2026-04-20T09:00:00Z");
  add_response (f, "2026-03-01", 5, 10, 5);
  add_response (f, "2026-03-09", 4, 9, 4);
  add_response (f, "2026-03-10", 3, 7, 1);
  add_response (f, "2026-03-20", 5, 3, 0);
  add_response (f, "2026-03-31", 2, 6, 0);
  add_response (f, "2026-03-31", 4, 10, 0);
  add_response (f, "2026-02-28", 1, 0, 0);
  add_response (f, "2026-04-01", 5, 10, 0);
}

void
sila_test_report_fixture_teardown (Fixture       *f,
                                   gconstpointer  data)
{
  g_clear_object (&f->store);
  g_clear_pointer (&f->worker, sila_actor_free);
  g_clear_pointer (&f->manager, sila_actor_free);
  for (guint i = 0; i < G_N_ELEMENTS (f->ids); i++)
    {
      g_clear_pointer (&f->ids[i], g_free);
      g_clear_pointer (&f->file_ids[i], g_free);
    }
  sila_clock_set_fixed (NULL);
  sila_test_dir_teardown (&f->dir, NULL);
}

SilaReportFigures *
sila_test_report_compute (Fixture    *f,
                          const char *code)
{
  g_autoptr(GError) error = NULL;
  SilaReportFigures *figures;
  SilaPeriod period;

  g_assert_true (sila_period_parse (code, &period, &error));
  g_assert_no_error (error);
  figures = sila_report_figures_compute (f->store, f->manager, &period, &error);
  g_assert_no_error (error);
  g_assert_nonnull (figures);
  return figures;
}
