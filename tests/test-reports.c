/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The board's report: every figure against a fixture computed by hand (in
 * the comments beside it), across month ends, a Hijri month, an empty
 * period, decisions and deliveries dated in another period than the
 * request; the history import's bad rows; the approval and the flag after
 * a later edit. */
#include "sila-config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <sqlite3.h>

#include "sila-clock.h"
#include "sila-i18n.h"
#include "sila-national-id.h"
#include "sila-report-figures.h"
#include "sila-store-beneficiaries.h"
#include "sila-store-contacts.h"
#include "sila-store-feedback.h"
#include "sila-store-private.h"
#include "sila-store-request-import.h"
#include "sila-store-surveys.h"
#include "sila-test-requests.h"
#include "sila-test-staff.h"
#include "sila-test-util.h"

typedef struct {
  SilaTestDir  dir;
  SilaStore   *store;
  SilaActor   *worker;    /* officer, researcher, committee, manager */
  SilaActor   *manager;
  char        *ids[8];    /* national ID numbers of the files */
  char        *file_ids[8];
} Fixture;

static void
set_clock (const char *iso)
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

static char *
write_file (Fixture    *f,
            const char *name,
            const char *contents)
{
  char *path = sila_test_dir_file (&f->dir, name);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

static SilaImportReport *
import (Fixture          *f,
        const char       *name,
        const char       *csv,
        SilaImportCounts *counts)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = write_file (f, name, csv);
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
      set_clock (answered_at);
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

  set_clock ("2026-04-20T09:00:00Z");
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
static void
fixture_setup (Fixture       *f,
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
  set_clock ("2026-02-27T10:00:00Z");
  add_file (f, 0, "widow");
  add_file (f, 1, "elderly");
  set_clock ("2026-03-01T00:00:00Z");
  add_file (f, 2, "widow");
  set_clock ("2026-03-02T09:00:00Z");
  add_file (f, 3, NULL);
  add_file (f, 4, "orphans_family");
  set_clock ("2026-03-31T23:59:59Z");
  add_file (f, 5, "widow");
  set_clock ("2026-04-01T00:00:00Z");
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
  set_clock ("2026-04-20T09:00:00Z");
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
  report = import (f, "history.csv", csv->str, &counts);
  g_assert_cmpuint (counts.ok, ==, 10);
  g_assert_cmpuint (counts.rejected, ==, 0);

  /* W1, through the workflow: received Mar 20 and referred to social
   * research that day (food_basket, phone; due Apr 3). */
  set_clock ("2026-03-20T09:00:00Z");
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
  set_clock ("2026-04-20T09:00:00Z");
  add_response (f, "2026-03-01", 5, 10, 5);
  add_response (f, "2026-03-09", 4, 9, 4);
  add_response (f, "2026-03-10", 3, 7, 1);
  add_response (f, "2026-03-20", 5, 3, 0);
  add_response (f, "2026-03-31", 2, 6, 0);
  add_response (f, "2026-03-31", 4, 10, 0);
  add_response (f, "2026-02-28", 1, 0, 0);
  add_response (f, "2026-04-01", 5, 10, 0);
}

static void
fixture_teardown (Fixture       *f,
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

static SilaReportFigures *
compute (Fixture    *f,
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

static gint64
count_of (const SilaReportFigures *figures,
          SilaFigure               figure)
{
  return figures->figures[figure].count;
}

static gint64
item_count (GPtrArray  *items,
            const char *key)
{
  for (guint i = 0; i < items->len; i++)
    {
      const SilaReportItem *item = g_ptr_array_index (items, i);

      if (g_str_equal (item->key, key))
        return item->count;
    }
  return 0;
}

static const SilaReportItem *
find_item (GPtrArray  *items,
           const char *key)
{
  for (guint i = 0; i < items->len; i++)
    {
      const SilaReportItem *item = g_ptr_array_index (items, i);

      if (g_str_equal (item->key, key))
        return item;
    }
  g_assert_not_reached ();
}

static gint64
sum_of (GPtrArray *items)
{
  gint64 sum = 0;

  for (guint i = 0; i < items->len; i++)
    sum += ((SilaReportItem *)g_ptr_array_index (items, i))->count;
  return sum;
}

static void
assert_value (double value,
              double expected)
{
  g_assert_cmpfloat_with_epsilon (value, expected, 0.005);
}

static void
test_march (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(SilaReportFigures) r = NULL;

  set_clock ("2026-04-20T09:00:00Z");
  r = compute (f, "2026-03");

  /* Received in March: R1 R2 R4 R5 R7 R9 R10 W1 (R2 on the last day). */
  g_assert_cmpint (count_of (r, SILA_FIGURE_REQUESTS_RECEIVED), ==, 8);
  g_assert_cmpint (item_count (r->by_status, "accepted"), ==, 2);
  g_assert_cmpint (item_count (r->by_status, "received"), ==, 2);
  g_assert_cmpint (item_count (r->by_status, "delivered"), ==, 1);
  g_assert_cmpint (item_count (r->by_status, "closed"), ==, 1);
  g_assert_cmpint (item_count (r->by_status, "rejected"), ==, 1);
  g_assert_cmpint (item_count (r->by_status, "in_research"), ==, 1);
  g_assert_cmpint (item_count (r->by_type, "financial_aid"), ==, 2);
  g_assert_cmpint (item_count (r->by_type, "food_basket"), ==, 3);
  g_assert_cmpint (item_count (r->by_type, "rent"), ==, 1);
  g_assert_cmpint (item_count (r->by_type, "medical"), ==, 1);
  g_assert_cmpint (item_count (r->by_type, "education"), ==, 1);
  g_assert_cmpint (item_count (r->by_channel, "phone"), ==, 5);
  g_assert_cmpint (item_count (r->by_channel, "interview"), ==, 1);
  g_assert_cmpint (item_count (r->by_channel, "letter"), ==, 1);
  g_assert_cmpint (item_count (r->by_channel, "website"), ==, 1);
  g_assert_cmpuint (r->by_channel->len, ==, SILA_N_CHANNELS);  /* every channel, even unused */
  g_assert_cmpint (item_count (r->by_segment, "widow"), ==, 3);
  g_assert_cmpint (item_count (r->by_segment, "elderly"), ==, 1);
  g_assert_cmpint (item_count (r->by_segment, "orphans_family"), ==, 2);
  g_assert_cmpint (item_count (r->by_segment, ""), ==, 2);
  /* Every breakdown adds up to the whole. */
  g_assert_cmpint (sum_of (r->by_status), ==, 8);
  g_assert_cmpint (sum_of (r->by_type), ==, 8);
  g_assert_cmpint (sum_of (r->by_channel), ==, 8);
  g_assert_cmpint (sum_of (r->by_segment), ==, 8);

  /* Files 2, 3, 4, and 5 at 23:59:59 on March 31; not 6 (April 1). */
  g_assert_cmpint (count_of (r, SILA_FIGURE_NEW_FILES), ==, 4);

  /* Decisions dated in March: R1 (9 days), R3 (20, received in
   * February), R4 (1), R5 (2), R9 (28, on March 31); not R10 (April). */
  g_assert_cmpint (count_of (r, SILA_FIGURE_DECIDED), ==, 5);
  g_assert_cmpint (count_of (r, SILA_FIGURE_ACCEPTED), ==, 3);
  g_assert_cmpint (count_of (r, SILA_FIGURE_REJECTED), ==, 2);
  assert_value (r->figures[SILA_FIGURE_ACCEPTANCE_RATE].value, 60.0);
  assert_value (r->figures[SILA_FIGURE_MEDIAN_DAYS].value, 9);      /* 1 2 [9] 20 28 */
  assert_value (r->figures[SILA_FIGURE_P90_DAYS].value, 28);        /* rank ⌈4.5⌉ = 5 */
  g_assert_cmpint (count_of (r, SILA_FIGURE_DECIDED_LATE), ==, 2);  /* R3, R9 */
  g_assert_cmpuint (r->decided_late->len, ==, 2);
  g_assert_cmpint (item_count (r->decisions_by_type, "rent"), ==, 2);
  g_assert_cmpint (find_item (r->decisions_by_type, "rent")->rejected, ==, 2);
  g_assert_cmpint (find_item (r->decisions_by_type, "financial_aid")->accepted, ==, 2);

  /* Still waiting at the end of March and past due: R7 (since March 16)
   * and R10 (since March 29, decided on April 1). */
  g_assert_cmpint (count_of (r, SILA_FIGURE_OVERDUE), ==, 2);
  g_assert_cmpuint (r->overdue->len, ==, 2);
  {
    g_autoptr(GDate) end = g_date_new_dmy (31, 3, 2026);

    g_assert_cmpint (g_date_compare (&r->as_of, end), ==, 0);
  }

  /* Delivered in March: R5 (250.25) and R6 (0.65, received in February);
   * not R4 (April 2). */
  g_assert_cmpint (count_of (r, SILA_FIGURE_SERVICES_DELIVERED), ==, 2);
  g_assert_cmpint (count_of (r, SILA_FIGURE_SERVICES_VALUE), ==, 25090);
  g_assert_cmpint (find_item (r->services_by_type, "medical")->halalas, ==, 25025);
  g_assert_cmpint (find_item (r->services_by_type, "financial_aid")->halalas, ==, 65);
  g_assert_cmpint (find_item (r->services_by_kind, "service")->halalas, ==, 25090);

  /* Contacts: 4 in March, 3 inquiries; answered in 2, 6, 2 hours. */
  g_assert_cmpint (count_of (r, SILA_FIGURE_CONTACTS), ==, 4);
  g_assert_cmpint (count_of (r, SILA_FIGURE_INQUIRIES), ==, 3);
  assert_value (r->figures[SILA_FIGURE_ANSWER_HOURS].value, 2);
  g_assert_cmpint (find_item (r->contacts_by_channel, "phone")->count, ==, 2);
  assert_value (find_item (r->contacts_by_channel, "phone")->median, 4);
  g_assert_cmpint (find_item (r->contacts_by_channel, "website")->answered, ==, 0);
  g_assert_true (isnan (find_item (r->contacts_by_channel, "website")->median));
  /* A referral in the log and W1 referred to research on March 20. */
  g_assert_cmpint (count_of (r, SILA_FIGURE_REFERRALS), ==, 2);

  /* Satisfaction: 6 responses; CSAT 4/6; NPS (3 − 2)/6. */
  g_assert_cmpint (count_of (r, SILA_FIGURE_SURVEY_RESPONSES), ==, 6);
  assert_value (r->figures[SILA_FIGURE_CSAT].value, 400.0 / 6);
  assert_value (r->figures[SILA_FIGURE_NPS].value, 100.0 / 6);
  g_assert_true (find_item (r->survey_questions, "speed")->hidden);
  g_assert_true (isnan (find_item (r->survey_questions, "speed")->mean));
  g_assert_cmpint (find_item (r->survey_questions, "overall")->count, ==, 6);
  assert_value (find_item (r->survey_questions, "overall")->mean, 23.0 / 6);

  /* The register: F1 and F2 received, F1 and F3 answered, F2 overdue. */
  g_assert_cmpint (count_of (r, SILA_FIGURE_SUGGESTIONS), ==, 1);
  g_assert_cmpint (count_of (r, SILA_FIGURE_COMPLAINTS), ==, 1);
  g_assert_cmpint (count_of (r, SILA_FIGURE_FEEDBACK_ANSWERED), ==, 2);
  g_assert_cmpint (count_of (r, SILA_FIGURE_FEEDBACK_OVERDUE), ==, 1);
  g_assert_cmpuint (r->feedback->len, ==, 2);

  /* February, the period before: R3 R6 R8 received; R6 decided (10
   * days); nothing delivered; files 0 and 1; F3. */
  g_assert_true (r->has_previous);
  g_assert_cmpint (r->previous[SILA_FIGURE_REQUESTS_RECEIVED].count, ==, 3);
  g_assert_cmpint (r->previous[SILA_FIGURE_NEW_FILES].count, ==, 2);
  g_assert_cmpint (r->previous[SILA_FIGURE_DECIDED].count, ==, 1);
  assert_value (r->previous[SILA_FIGURE_ACCEPTANCE_RATE].value, 100);
  assert_value (r->previous[SILA_FIGURE_MEDIAN_DAYS].value, 10);
  g_assert_cmpint (r->previous[SILA_FIGURE_SERVICES_VALUE].count, ==, 0);
  g_assert_cmpint (r->previous[SILA_FIGURE_OVERDUE].count, ==, 0);
  g_assert_cmpint (r->previous[SILA_FIGURE_COMPLAINTS].count, ==, 1);
  g_assert_cmpint (r->previous[SILA_FIGURE_SURVEY_RESPONSES].count, ==, 1);

  {
    g_autofree char *change = sila_report_format_change (SILA_FIGURE_REQUESTS_RECEIVED,
                                                         &r->figures[0], &r->previous[0]);
    g_autofree char *money = sila_report_format_figure (SILA_FIGURE_SERVICES_VALUE,
                                                        &r->figures[SILA_FIGURE_SERVICES_VALUE]);

    g_assert_cmpstr (change, ==, "+5");
    g_assert_cmpstr (money, ==, "SAR 250.90");
  }
}

static void
test_hijri_month (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(SilaReportFigures) r = NULL;
  g_autoptr(GDate) start = g_date_new_dmy (18, 2, 2026);
  g_autoptr(GDate) end = g_date_new_dmy (19, 3, 2026);

  set_clock ("2026-04-20T09:00:00Z");
  r = compute (f, "1447-09");  /* Ramadan 1447: February 18 – March 19, 2026 */
  g_assert_cmpint (r->period.kind, ==, SILA_PERIOD_HIJRI_MONTH);
  g_assert_cmpint (g_date_compare (&r->period.start, start), ==, 0);
  g_assert_cmpint (g_date_compare (&r->period.end, end), ==, 0);

  /* R3 R1 R7 R9 R4 R5 R10. */
  g_assert_cmpint (count_of (r, SILA_FIGURE_REQUESTS_RECEIVED), ==, 7);
  /* R6 (February 20, 10 days), R4 (1), R1 (9), R5 (2): all accepted. */
  g_assert_cmpint (count_of (r, SILA_FIGURE_DECIDED), ==, 4);
  assert_value (r->figures[SILA_FIGURE_ACCEPTANCE_RATE].value, 100);
  assert_value (r->figures[SILA_FIGURE_MEDIAN_DAYS].value, 5.5);  /* 1 2 | 9 10 */
  assert_value (r->figures[SILA_FIGURE_P90_DAYS].value, 10);      /* rank ⌈3.6⌉ = 4 */
  /* At the end of March 19: R3 (due March 14), R7 (16), R9 (17). */
  g_assert_cmpint (count_of (r, SILA_FIGURE_OVERDUE), ==, 3);
  g_assert_cmpint (count_of (r, SILA_FIGURE_SERVICES_VALUE), ==, 25090);
  /* The month before, Sha'ban, ends on February 17: R6, R8. */
  g_assert_cmpint (r->previous_period.kind, ==, SILA_PERIOD_HIJRI_MONTH);
  g_assert_cmpint (r->previous[SILA_FIGURE_REQUESTS_RECEIVED].count, ==, 2);
}

static void
test_empty_period (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(SilaReportFigures) r = NULL;

  set_clock ("2026-04-20T09:00:00Z");
  r = compute (f, "2025-06");
  for (int fig = 0; fig < SILA_N_FIGURES; fig++)
    {
      SilaFigureKind kind = sila_figure_get_kind (fig);

      if (kind == SILA_FIGURE_KIND_COUNT || kind == SILA_FIGURE_KIND_MONEY)
        g_assert_cmpint (r->figures[fig].count, ==, 0);
      else
        g_assert_true (isnan (r->figures[fig].value));  /* none, not 0 */
    }
  g_assert_cmpuint (r->by_status->len, ==, 0);
  g_assert_cmpuint (r->by_channel->len, ==, SILA_N_CHANNELS);
  g_assert_cmpint (sum_of (r->by_channel), ==, 0);
  {
    g_autofree char *rate = sila_report_format_figure (SILA_FIGURE_ACCEPTANCE_RATE,
                                                       &r->figures[SILA_FIGURE_ACCEPTANCE_RATE]);

    g_assert_cmpstr (rate, ==, "—");
  }
}

static void
test_quarter_and_range (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(SilaReportFigures) q = NULL;
  g_autoptr(SilaReportFigures) r = NULL;

  set_clock ("2026-04-20T09:00:00Z");
  q = compute (f, "2026-Q1");
  /* February's three and March's eight. */
  g_assert_cmpint (count_of (q, SILA_FIGURE_REQUESTS_RECEIVED), ==, 11);
  g_assert_cmpint (count_of (q, SILA_FIGURE_DECIDED), ==, 6);
  g_assert_cmpint (count_of (q, SILA_FIGURE_SERVICES_VALUE), ==, 25090);

  /* March 31 to April 2: R2 received; R9 and R10 decided; R4 delivered. */
  r = compute (f, "2026-03-31..2026-04-02");
  g_assert_cmpint (count_of (r, SILA_FIGURE_REQUESTS_RECEIVED), ==, 1);
  g_assert_cmpint (count_of (r, SILA_FIGURE_DECIDED), ==, 2);
  g_assert_cmpint (count_of (r, SILA_FIGURE_SERVICES_VALUE), ==, 100010);
  g_assert_cmpint (count_of (r, SILA_FIGURE_NEW_FILES), ==, 2);
  /* The same number of days just before. */
  g_assert_cmpint (sila_period_get_n_days (&r->previous_period), ==, 3);
}

/* The period that is not over yet counts overdue requests today. */
static void
test_current_month (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(SilaReportFigures) r = NULL;
  g_autoptr(GDate) today = g_date_new_dmy (20, 3, 2026);

  set_clock ("2026-03-20T12:00:00Z");
  r = compute (f, "2026-03");
  g_assert_cmpint (g_date_compare (&r->as_of, today), ==, 0);
  /* Waiting at the end of March 20 and past due: R7 (16) and R9 (17);
   * R3 (14) was decided that day. */
  g_assert_cmpint (count_of (r, SILA_FIGURE_OVERDUE), ==, 2);
}

static void
test_import_bad_rows (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaImportReport) report = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *text = NULL;
  g_autofree char *path = NULL;
  SilaImportCounts counts = { 0 };
  gint64 types_before = 0;

  set_clock ("2026-04-20T09:00:00Z");
  csv = g_strdup_printf (
    "national_id,type,channel,received,status,decided,reason,delivered,service_amount\n"
    "%s,financial_aid,fax,2026-03-01,received,,,,\n"                           /* 2 channel */
    "%s,financial_aid,phone,2026-03-10,accepted,2026-03-01,,,\n"               /* 3 decided */
    "%s,financial_aid,phone,2026-03-10,delivered,2026-03-12,,2026-03-11,10\n"  /* 4 delivered */
    "%s,financial_aid,phone,2026-03-10,delivered,2026-03-12,,2026-03-13,1.234\n" /* 5 amount */
    "%s,financial_aid,phone,2026-03-10,delivered,2026-03-12,,2026-03-13,عشرة\n"  /* 6 amount */
    "1000000008,financial_aid,phone,2026-03-10,received,,,,\n"                 /* 7 no file */
    "%s,financial_aid,phone,2026-03-10,rejected,2026-03-12,,,\n"               /* 8 reason */
    "%s,financial_aid,phone,2026-03-10,accepted,,,,\n"                         /* 9 decided */
    "%s,financial_aid,phone,2099-03-10,received,,,,\n"                         /* 10 future */
    "%s,financial_aid,phone,2026-03-10,pending,,,,\n"                          /* 11 status */
    "%s,كفالة يتيم,خدمة التطوع,1447-09-20,delivered,1447-09-21,,1447-09-25,١٬٠٠٠٫٥٠\n" /* 12 */
    "%s,Orphan Sponsorship,volunteer_service,2026-03-10,received,,,,\n"       /* 13 new too */
    "%s,financial_aid,phone,2026-03-01,accepted,2026-03-10,,,\n",             /* 14 dup R1 */
    f->ids[0], f->ids[0], f->ids[0], f->ids[0], f->ids[0], f->ids[0], f->ids[0], f->ids[0],
    f->ids[0], f->ids[5], f->ids[5], f->ids[0]);
  path = write_file (f, "bad.csv", csv);

  {
    sqlite3 *db = NULL;
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_open (f->dir.db_path, &db), ==, SQLITE_OK);
    sqlite3_prepare_v2 (db, "SELECT count (*) FROM request_types", -1, &stmt, NULL);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    types_before = sqlite3_column_int64 (stmt, 0);
    sqlite3_finalize (stmt);
    sqlite3_close (db);
  }

  /* A dry run changes nothing, and says what it would do. */
  report = sila_import_report_new ();
  g_assert_true (sila_store_import_requests (f->store, f->manager, path, TRUE, report, &counts,
                                             &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.ok, ==, 2);
  g_clear_pointer (&report, sila_import_report_free);

  report = sila_import_report_new ();
  g_assert_true (sila_store_import_requests (f->store, f->manager, path, FALSE, report, &counts,
                                             &error));
  g_assert_no_error (error);
  text = sila_import_report_to_csv (report);
  g_assert_cmpuint (counts.ok, ==, 2);
  g_assert_cmpuint (counts.rejected, ==, 10);
  g_assert_cmpuint (counts.duplicates, ==, 1);
  g_assert_true (strstr (text, "2,rejected,channel,") != NULL);
  g_assert_true (strstr (text, "3,rejected,decided,The decision cannot be earlier") != NULL);
  g_assert_true (strstr (text, "4,rejected,delivered,The delivery cannot be earlier") != NULL);
  g_assert_true (strstr (text, "5,rejected,service_amount,") != NULL);
  g_assert_true (strstr (text, "6,rejected,service_amount,") != NULL);
  g_assert_true (strstr (text, "7,rejected,national_id,") != NULL);
  g_assert_true (strstr (text, "8,rejected,reason,") != NULL);
  g_assert_true (strstr (text, "9,rejected,decided,") != NULL);
  g_assert_true (strstr (text, "10,rejected,received,") != NULL);
  g_assert_true (strstr (text, "11,rejected,status,") != NULL);
  g_assert_true (strstr (text, "12,ok,type,“كفالة يتيم” was not in the list of request types: "
                                "it was added.") != NULL);
  g_assert_true (strstr (text, "13,ok,type,") != NULL);
  g_assert_true (strstr (text, "14,duplicate,received,\"This request is recorded already") != NULL);

  /* Two new types; the Hijri dates and Arabic-Indic riyals of line 12
   * read exactly: 1,000.50 delivered on 1447-09-25 (March 14, 2026). */
  {
    sqlite3 *db = NULL;
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_open (f->dir.db_path, &db), ==, SQLITE_OK);
    sqlite3_prepare_v2 (db, "SELECT count (*) FROM request_types", -1, &stmt, NULL);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int64 (stmt, 0), ==, types_before + 2);
    sqlite3_finalize (stmt);
    sqlite3_prepare_v2 (db, "SELECT amount_halalas, delivered_on FROM deliveries "
                            "WHERE amount_halalas = 100050", -1, &stmt, NULL);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 1), ==, "2026-03-14");
    sqlite3_finalize (stmt);
    /* Every step of an imported request is marked as imported. */
    sqlite3_prepare_v2 (db, "SELECT count (*), sum (e.note LIKE 'Imported from the office%') "
                            "FROM request_events e JOIN imported_requests i "
                            "ON i.request_id = e.request_id", -1, &stmt, NULL);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int64 (stmt, 0), >, 0);
    g_assert_cmpint (sqlite3_column_int64 (stmt, 0), ==, sqlite3_column_int64 (stmt, 1));
    sqlite3_finalize (stmt);
    sqlite3_close (db);
  }

  /* The same file again is refused whole. */
  g_clear_pointer (&report, sila_import_report_free);
  report = sila_import_report_new ();
  g_assert_false (sila_store_import_requests (f->store, f->manager, path, FALSE, report, &counts,
                                              &error));
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DUPLICATE);
  g_clear_error (&error);

  /* Officers keep the desk; they do not rewrite the office's history. */
  {
    g_autoptr(SilaActor) officer = sila_test_add_staff (f->store, "officer", SILA_ROLE_OFFICER);

    g_assert_false (sila_store_import_requests (f->store, officer, path, TRUE, report, &counts,
                                                &error));
    g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DENIED);
  }
}

static void
test_approval (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaReportFigures) r = NULL;
  g_autoptr(SilaReportApproval) approval = sila_report_approval_new ();
  SilaImportCounts counts = { 0 };

  set_clock ("2026-04-20T09:00:00Z");
  r = compute (f, "2026-03");
  g_assert_null (r->approval);

  approval->period = sila_period_to_code (&r->period);
  approval->start = r->period.start;
  approval->end = r->period.end;
  approval->approved_by = g_strdup ("د. صالح الغامدي، رئيس مجلس الإدارة");
  approval->decision_number = g_strdup ("12/1447");
  g_date_set_dmy (&approval->approved_on, 15, 4, 2026);
  approval->figures_json = sila_report_figures_to_json (r);

  /* Refused: an officer; a decision in the future; no decision number. */
  {
    g_autoptr(SilaActor) officer = sila_test_add_staff (f->store, "officer", SILA_ROLE_OFFICER);

    g_assert_false (sila_store_record_report_approval (f->store, officer, approval, &error));
    g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DENIED);
    g_clear_error (&error);
  }
  g_date_set_dmy (&approval->approved_on, 15, 5, 2026);
  g_assert_false (sila_store_record_report_approval (f->store, f->manager, approval, &error));
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_date_set_dmy (&approval->approved_on, 15, 4, 2026);

  g_assert_true (sila_store_record_report_approval (f->store, f->manager, approval, &error));
  g_assert_no_error (error);

  /* Read back: approved, nothing changed since. */
  g_clear_pointer (&r, sila_report_figures_free);
  r = compute (f, "2026-03");
  g_assert_nonnull (r->approval);
  g_assert_cmpstr (r->approval->decision_number, ==, "12/1447");
  g_assert_cmpuint (r->changes->len, ==, 0);

  /* The approved copy cannot be edited, even in SQL. */
  {
    sqlite3 *db = NULL;
    char *message = NULL;

    g_assert_cmpint (sqlite3_open (f->dir.db_path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "UPDATE report_approvals SET figures = '{}'", NULL, NULL,
                                   &message), !=, SQLITE_OK);
    sqlite3_free (message);
    sqlite3_close (db);
  }

  /* A later edit of March's data: one more request received in March,
   * with a service delivered. */
  {
    g_autofree char *csv = g_strdup_printf (
      "national_id,type,channel,received,status,decided,reason,delivered,service_amount\n"
      "%s,education,website,2026-03-25,delivered,2026-03-26,,2026-03-27,300\n", f->ids[5]);
    g_autoptr(SilaImportReport) report = import (f, "late.csv", csv, &counts);

    g_assert_cmpuint (counts.ok, ==, 1);
  }
  g_clear_pointer (&r, sila_report_figures_free);
  r = compute (f, "2026-03");
  g_assert_cmpuint (r->changes->len, >, 0);
  {
    gboolean received = FALSE, value = FALSE, type = FALSE;

    for (guint i = 0; i < r->changes->len; i++)
      {
        const SilaReportChange *c = g_ptr_array_index (r->changes, i);

        if (g_str_equal (c->label, "Requests received"))
          {
            g_assert_cmpstr (c->approved, ==, "8");
            g_assert_cmpstr (c->now, ==, "9");
            received = TRUE;
          }
        if (g_str_equal (c->label, "Services delivered value"))
          {
            g_assert_cmpstr (c->approved, ==, "SAR 250.90");
            g_assert_cmpstr (c->now, ==, "SAR 550.90");
            value = TRUE;
          }
        if (g_str_equal (c->label, "Requests by type: Education"))
          type = TRUE;
      }
    g_assert_true (received && value && type);
  }

  /* The board approves the corrected report: the newest approval counts. */
  g_free (approval->id);
  approval->id = NULL;
  g_free (approval->decision_number);
  approval->decision_number = g_strdup ("14/1447");
  g_free (approval->figures_json);
  approval->figures_json = sila_report_figures_to_json (r);
  g_assert_true (sila_store_record_report_approval (f->store, f->manager, approval, &error));
  g_assert_no_error (error);
  g_clear_pointer (&r, sila_report_figures_free);
  r = compute (f, "2026-03");
  g_assert_cmpstr (r->approval->decision_number, ==, "14/1447");
  g_assert_cmpuint (r->changes->len, ==, 0);
}

static void
test_roles (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaActor) officer = sila_test_add_staff (f->store, "officer", SILA_ROLE_OFFICER);
  g_autoptr(SilaReportFigures) r = NULL;
  SilaPeriod period;

  g_assert_true (sila_period_parse ("2026-03", &period, NULL));
  r = sila_report_figures_compute (f->store, officer, &period, &error);
  g_assert_null (r);
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DENIED);
}

static void
test_statistics (void)
{
  double none[1] = { 0 };
  double one[] = { 7 };
  double even[] = { 10, 1, 9, 2 };
  double ten[] = { 10, 9, 8, 7, 6, 5, 4, 3, 2, 1 };
  double eleven[] = { 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1 };

  g_assert_true (isnan (sila_report_median (none, 0)));
  g_assert_true (isnan (sila_report_percentile (none, 0, 90)));
  assert_value (sila_report_median (one, 1), 7);
  assert_value (sila_report_percentile (one, 1, 90), 7);
  assert_value (sila_report_median (even, 4), 5.5);
  assert_value (sila_report_percentile (ten, 10, 90), 9);     /* rank 9 exactly */
  assert_value (sila_report_percentile (eleven, 11, 90), 10); /* rank ⌈9.9⌉ = 10 */
  assert_value (sila_report_percentile (ten, 10, 50), 5);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  sila_i18n_init (SILA_LANGUAGE_ENGLISH);

  g_test_add_func ("/sila/report/statistics", test_statistics);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/sila/report/figures/march", test_march);
  ADD ("/sila/report/figures/hijri-month", test_hijri_month);
  ADD ("/sila/report/figures/empty-period", test_empty_period);
  ADD ("/sila/report/figures/quarter-and-range", test_quarter_and_range);
  ADD ("/sila/report/figures/current-month", test_current_month);
  ADD ("/sila/report/figures/roles", test_roles);
  ADD ("/sila/report/import/bad-rows", test_import_bad_rows);
  ADD ("/sila/report/approval/flag-after-edit", test_approval);
#undef ADD

  return g_test_run ();
}
