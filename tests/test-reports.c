/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The board's report: every figure against a fixture computed by hand
 * (tests/sila-test-reports.c), across month ends, a Hijri month, a
 * quarter, a range, an empty period, a month not over yet, decisions and
 * deliveries dated in another period than their request. */
#include "sila-config.h"

#include <math.h>
#include <sqlite3.h>
#include <string.h>

#include "sila-clock.h"
#include "sila-i18n.h"
#include "sila-test-reports.h"
#include "sila-test-staff.h"

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

  sila_test_report_set_clock ("2026-04-20T09:00:00Z");
  r = sila_test_report_compute (f, "2026-03");

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

  /* A change reads with its unit: a rate in points, money in riyals. */
  {
    SilaFigureValue rate_now = { 0, 75 }, rate_before = { 0, 70 };
    SilaFigureValue one_before = { 0, 74 }, none = { 0, NAN };
    SilaFigureValue money_before = { 10000, 0 };
    g_autofree char *rate = sila_report_format_change (SILA_FIGURE_ACCEPTANCE_RATE, &rate_now,
                                                       &rate_before);
    g_autofree char *one = sila_report_format_change (SILA_FIGURE_ACCEPTANCE_RATE, &rate_now,
                                                      &one_before);
    g_autofree char *nps = sila_report_format_change (SILA_FIGURE_NPS, &rate_before, &rate_now);
    g_autofree char *missing = sila_report_format_change (SILA_FIGURE_CSAT, &rate_now, &none);
    g_autofree char *money = sila_report_format_change (SILA_FIGURE_SERVICES_VALUE,
                                                        &r->figures[SILA_FIGURE_SERVICES_VALUE],
                                                        &money_before);

    g_assert_cmpstr (rate, ==, "+5 points");
    g_assert_cmpstr (one, ==, "+1 point");
    g_assert_cmpstr (nps, ==, "-5 points");
    g_assert_cmpstr (missing, ==, "—");
    g_assert_cmpstr (money, ==, "SAR +150.90");
  }
}

static void
test_hijri_month (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(SilaReportFigures) r = NULL;
  g_autoptr(GDate) start = g_date_new_dmy (18, 2, 2026);
  g_autoptr(GDate) end = g_date_new_dmy (19, 3, 2026);

  sila_test_report_set_clock ("2026-04-20T09:00:00Z");
  r = sila_test_report_compute (f, "1447-09");  /* Ramadan 1447: February 18 – March 19, 2026 */
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

  sila_test_report_set_clock ("2026-04-20T09:00:00Z");
  r = sila_test_report_compute (f, "2025-06");
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

  sila_test_report_set_clock ("2026-04-20T09:00:00Z");
  q = sila_test_report_compute (f, "2026-Q1");
  /* February's three and March's eight. */
  g_assert_cmpint (count_of (q, SILA_FIGURE_REQUESTS_RECEIVED), ==, 11);
  g_assert_cmpint (count_of (q, SILA_FIGURE_DECIDED), ==, 6);
  g_assert_cmpint (count_of (q, SILA_FIGURE_SERVICES_VALUE), ==, 25090);

  /* March 31 to April 2: R2 received; R9 and R10 decided; R4 delivered. */
  r = sila_test_report_compute (f, "2026-03-31..2026-04-02");
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

  sila_test_report_set_clock ("2026-03-20T12:00:00Z");
  r = sila_test_report_compute (f, "2026-03");
  g_assert_cmpint (g_date_compare (&r->as_of, today), ==, 0);
  /* Waiting at the end of March 20 and past due: R7 (16) and R9 (17);
   * R3 (14) was decided that day. */
  g_assert_cmpint (count_of (r, SILA_FIGURE_OVERDUE), ==, 2);
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
  g_test_add (path, Fixture, NULL, sila_test_report_fixture_setup, func, \
              sila_test_report_fixture_teardown)
  ADD ("/sila/report/figures/march", test_march);
  ADD ("/sila/report/figures/hijri-month", test_hijri_month);
  ADD ("/sila/report/figures/empty-period", test_empty_period);
  ADD ("/sila/report/figures/quarter-and-range", test_quarter_and_range);
  ADD ("/sila/report/figures/current-month", test_current_month);
  ADD ("/sila/report/figures/roles", test_roles);
#undef ADD

  return g_test_run ();
}
