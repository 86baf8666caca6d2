/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Survey results on real SQLite files: CSAT and NPS against hand-computed
 * figures, the small-group rule, and running counts equal to the raw
 * answers (imported ones too). */
#include "sila-config.h"

#include <math.h>
#include <string.h>

#include "sila-clock.h"
#include "sila-i18n.h"
#include "sila-test-surveys.h"

typedef SilaSurveyFixture Fixture;

/* Hand-computed: CSAT counts 4 and 5 but not 3; NPS counts 9 and 10 as
 * promoters, 7 and 8 as neither, 6 and below as detractors. */
static void
test_csat_nps_counts (void)
{
  gint64 none[11] = { 0 };
  gint64 overall[6] = { 0, 1, 1, 1, 2, 1 };      /* 1,2,3,4,4,5: 3 of 6 */
  gint64 only_three[6] = { 0, 0, 0, 4, 0, 0 };   /* ties at 3: none satisfied */
  gint64 only_four[6] = { 0, 0, 0, 0, 3, 0 };    /* 4 counts */
  gint64 rec[11] = { 1, 0, 0, 0, 0, 0, 2, 3, 1, 2, 1 }; /* 10 answers: P 3, D 3 */
  gint64 sevens[11] = { 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0 };
  gint64 six[11] = { 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0 };
  gint64 nine[11] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0 };
  gint64 mixed[11] = { 0, 0, 0, 0, 0, 0, 1, 1, 0, 1, 0 }; /* 6,7,9: 1/3 − 1/3 */
  gint64 two_to_one[11] = { 0, 0, 0, 0, 0, 0, 0, 1, 0, 2, 0 }; /* 7,9,9: 66.7 */

  g_assert_true (isnan (sila_survey_csat_from_counts (none)));
  g_assert_true (isnan (sila_survey_nps_from_counts (none)));
  sila_test_assert_close (sila_survey_csat_from_counts (overall), 50.0);
  sila_test_assert_close (sila_survey_csat_from_counts (only_three), 0.0);
  sila_test_assert_close (sila_survey_csat_from_counts (only_four), 100.0);
  sila_test_assert_close (sila_survey_nps_from_counts (rec), 0.0);
  sila_test_assert_close (sila_survey_nps_from_counts (sevens), 0.0);
  sila_test_assert_close (sila_survey_nps_from_counts (six), -100.0);
  sila_test_assert_close (sila_survey_nps_from_counts (nine), 100.0);
  sila_test_assert_close (sila_survey_nps_from_counts (mixed), 0.0);
  sila_test_assert_close (sila_survey_nps_from_counts (two_to_one), 200.0 / 3.0);
}

/* The same figures through the database, and the JSON scripts read. */
static void
test_results_fixture (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(SilaSurveyTemplate) tpl = sila_test_default_template (f);
  g_autoptr(SilaSurveyResults) march = NULL;
  g_autoptr(SilaSurveyResults) empty = NULL;
  g_autoptr(SilaSurveyResults) one_day = NULL;
  g_autofree char *json = NULL;
  g_autofree char *empty_json = NULL;
  const SilaSurveyQuestionResult *speed;
  static const char *rows[] = {
    "overall=5,recommend=10,speed=5",
    "overall=4,recommend=9,speed=4",
    "overall=4,recommend=8,speed=4",
    "overall=3,recommend=7",
    "overall=2,recommend=6,speed=1",
    "overall=1,recommend=0,suggestion=أتمنى تقليل مدة الانتظار",
    "recommend=9",  /* overall left unanswered: not in the CSAT */
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(SilaSurveyResponse) r =
        sila_test_make_response (tpl, SILA_SURVEY_MODE_PAPER,
                                 i == 0 ? "2026-03-01" : "2026-03-31", "phone", rows[i]);
      g_autoptr(GError) error = NULL;

      g_assert_true (sila_store_add_survey_response (f->store, f->owner, r, NULL, &error));
      g_assert_no_error (error);
    }
  /* Outside the period on both sides. */
  g_free (sila_test_add_response (f, tpl, "2026-02-28", "phone", "overall=1,recommend=0"));
  g_free (sila_test_add_response (f, tpl, "2026-04-01", "phone", "overall=1,recommend=0"));

  march = sila_test_results_for (f, "2026-03-01", "2026-03-31");
  g_assert_cmpint (march->responses, ==, 7);
  /* overall 5,4,4,3,2,1: 3 of 6 are 4 or 5. */
  g_assert_cmpint (march->csat_answered, ==, 6);
  sila_test_assert_close (march->csat, 50.0);
  /* recommend 10,9,8,7,6,0,9: promoters 3, detractors 2, of 7. */
  g_assert_cmpint (march->nps_answered, ==, 7);
  g_assert_cmpint (march->promoters, ==, 3);
  g_assert_cmpint (march->passives, ==, 2);
  g_assert_cmpint (march->detractors, ==, 2);
  sila_test_assert_close (march->nps, 100.0 / 7.0);
  speed = sila_survey_results_find (march, "speed");
  g_assert_cmpint (speed->answered, ==, 4);
  sila_test_assert_close (speed->mean, 14.0 / 4.0);
  g_assert_cmpuint (march->texts->len, ==, 1);
  g_assert_cmpstr (((SilaSurveyText *)g_ptr_array_index (march->texts, 0))->text, ==,
                   "أتمنى تقليل مدة الانتظار");

  json = sila_survey_results_to_json (march);
  g_assert_nonnull (strstr (json, "{\"responses\": 7, \"csat\": 50.0, \"nps\": 14.3, "
                                  "\"questions\": {"));
  g_assert_nonnull (strstr (json, "\"speed\": {\"answered\": 4, \"mean\": 3.50}"));
  g_assert_nonnull (strstr (json, "\"overall\": {\"answered\": 6, \"mean\": 3.17}"));
  g_assert_nonnull (strstr (json, "\"recommend\": {\"answered\": 7, \"mean\": 7.00}"));
  g_assert_nonnull (strstr (json, "\"courtesy\": {\"answered\": 0, \"mean\": null}"));
  g_assert_nonnull (strstr (json, "\"suggestion\": {\"answered\": 1, \"mean\": null}"));

  /* An empty period: no responses, no CSAT and no NPS rather than zero. */
  empty = sila_test_results_for (f, "2025-01-01", "2025-12-31");
  g_assert_cmpint (empty->responses, ==, 0);
  g_assert_true (isnan (empty->csat));
  g_assert_true (isnan (empty->nps));
  empty_json = sila_survey_results_to_json (empty);
  g_assert_nonnull (strstr (empty_json, "{\"responses\": 0, \"csat\": null, \"nps\": null, "));

  /* Dates are inclusive at both ends. */
  one_day = sila_test_results_for (f, "2026-03-01", "2026-03-01");
  g_assert_cmpint (one_day->responses, ==, 1);
  sila_test_assert_close (one_day->csat, 100.0);
  sila_test_assert_close (one_day->nps, 100.0);
}

static SilaSurveyGroupResult *
group (const char *key,
       gint64      responses)
{
  SilaSurveyGroupResult *g = g_new0 (SilaSurveyGroupResult, 1);

  g->key = g_strdup (key);
  g->responses = responses;
  g->csat = 50;
  return g;
}

static void
free_group (gpointer data)
{
  SilaSurveyGroupResult *g = data;

  g_free (g->key);
  g_free (g);
}

static gboolean
hidden (GPtrArray *groups,
        guint      i)
{
  return ((SilaSurveyGroupResult *)g_ptr_array_index (groups, i))->hidden;
}

static void
test_small_group_rule (void)
{
  g_autoptr(GPtrArray) a = g_ptr_array_new_with_free_func (free_group);
  g_autoptr(GPtrArray) b = g_ptr_array_new_with_free_func (free_group);
  g_autoptr(GPtrArray) c = g_ptr_array_new_with_free_func (free_group);

  /* 4 is hidden, 5 is shown. */
  g_ptr_array_add (a, group ("phone", 4));
  g_ptr_array_add (a, group ("interview", 5));
  g_ptr_array_add (a, group ("website", 40));
  sila_survey_apply_small_group_rule (a);
  g_assert_true (hidden (a, 0));
  /* … and so is the next smallest, or the total would give the 4 away. */
  g_assert_true (hidden (a, 1));
  g_assert_false (hidden (a, 2));
  g_assert_true (isnan (((SilaSurveyGroupResult *)g_ptr_array_index (a, 0))->csat));
  g_assert_true (isnan (((SilaSurveyGroupResult *)g_ptr_array_index (a, 1))->csat));

  /* Two small groups that add up to 5 protect each other. */
  g_ptr_array_add (b, group ("phone", 2));
  g_ptr_array_add (b, group ("letter", 3));
  g_ptr_array_add (b, group ("website", 7));
  sila_survey_apply_small_group_rule (b);
  g_assert_true (hidden (b, 0));
  g_assert_true (hidden (b, 1));
  g_assert_false (hidden (b, 2));

  /* Nothing small, nothing hidden. */
  g_ptr_array_add (c, group ("phone", 5));
  g_ptr_array_add (c, group ("website", 6));
  sila_survey_apply_small_group_rule (c);
  g_assert_false (hidden (c, 0));
  g_assert_false (hidden (c, 1));
}

static const SilaSurveyGroupResult *
find_group (GPtrArray  *groups,
            const char *key)
{
  for (guint i = 0; i < groups->len; i++)
    {
      const SilaSurveyGroupResult *g = g_ptr_array_index (groups, i);

      if (g_str_equal (g->key, key))
        return g;
    }

  return NULL;
}

/* Through the database: a channel with 3 responses shows nothing, and
 * the chart leaves it out. */
static void
test_small_group_results (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(SilaSurveyTemplate) tpl = sila_test_default_template (f);
  g_autoptr(SilaSurveyResults) results = NULL;
  g_autoptr(SilaChart) chart = NULL;
  const SilaSurveyGroupResult *g;

  for (int i = 0; i < 3; i++)
    g_free (sila_test_add_response (f, tpl, "2026-05-10", "letter", "overall=1,recommend=0"));
  for (int i = 0; i < 3; i++)
    g_free (sila_test_add_response (f, tpl, "2026-05-11", "phone", "overall=5,recommend=10"));
  for (int i = 0; i < 8; i++)
    g_free (sila_test_add_response (f, tpl, "2026-05-12", "website", "overall=4,recommend=9"));

  results = sila_test_results_for (f, "2026-05-01", "2026-05-31");
  g_assert_cmpint (results->responses, ==, 14);

  g = find_group (results->by_channel, "letter");
  g_assert_true (g->hidden);
  g_assert_true (isnan (g->csat) && isnan (g->nps));
  g = find_group (results->by_channel, "phone");
  g_assert_true (g->hidden);
  g = find_group (results->by_channel, "website");
  g_assert_false (g->hidden);
  sila_test_assert_close (g->csat, 100.0);

  chart = sila_survey_chart_groups (results, SILA_SURVEY_GROUP_CHANNEL);
  g_assert_cmpuint (sila_chart_get_n_items (chart), ==, 1);
}

/* The running counts give exactly what counting every answer gives, for
 * ranges of whole months, parts of months and across a year's end. */
static void
test_counts_match_raw (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(SilaSurveyTemplate) tpl = sila_test_default_template (f);
  static const char *channels[] = { "phone", "interview", "website", NULL };
  static const char *ranges[][2] = {
    { "2025-11-01", "2026-02-28" },
    { "2025-11-15", "2026-01-20" },
    { "2025-12-31", "2026-01-01" },
    { "2025-10-01", "2026-06-30" },
    { "2026-01-05", "2026-01-25" },
  };
  GRand *rand = g_rand_new_with_seed (7);
  g_autoptr(GPtrArray) batch = NULL;
  g_autoptr(GError) error = NULL;

  batch = g_ptr_array_new_with_free_func ((GDestroyNotify)sila_survey_response_free);
  for (int i = 0; i < 300; i++)
    {
      GDate day;
      g_autofree char *iso = NULL;
      g_autofree char *answers = NULL;
      SilaSurveyResponse *r;

      g_date_clear (&day, 1);
      g_date_set_dmy (&day, 1, 11, 2025);
      g_date_add_days (&day, g_rand_int_range (rand, 0, 150));
      iso = sila_date_to_iso (&day);
      answers = g_strdup_printf ("overall=%d,recommend=%d,speed=%d", g_rand_int_range (rand, 1, 6),
                                 g_rand_int_range (rand, 0, 11), g_rand_int_range (rand, 1, 6));
      r = sila_test_make_response (tpl, SILA_SURVEY_MODE_PAPER, iso, channels[i % 4], answers);
      if (i % 5 == 0)
        r->request_type = g_strdup ("food_basket");
      g_ptr_array_add (batch, r);
    }
  g_rand_free (rand);
  g_assert_true (sila_store_import_survey_responses (f->store, f->owner, tpl, batch, "t.csv",
                                                     "abc", 0, &error));
  g_assert_no_error (error);

  for (guint r = 0; r < G_N_ELEMENTS (ranges); r++)
    for (SilaSurveyGroup g = SILA_SURVEY_GROUP_NONE; g <= SILA_SURVEY_GROUP_MONTH; g++)
      {
        g_autoptr(GPtrArray) fast = sila_store_survey_counts (f->store, f->owner, ranges[r][0],
                                                              ranges[r][1], g, &error);
        g_autoptr(GPtrArray) slow = sila_store_survey_counts_raw (f->store, f->owner,
                                                                  ranges[r][0], ranges[r][1], g,
                                                                  &error);
        g_autoptr(GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                                NULL);
        gint64 total = 0;

        g_assert_no_error (error);
        g_assert_cmpuint (fast->len, ==, slow->len);
        g_assert_cmpuint (slow->len, >, 0);
        for (guint i = 0; i < slow->len; i++)
          {
            SilaSurveyCount *c = g_ptr_array_index (slow, i);

            g_hash_table_insert (expected, g_strdup_printf ("%s|%s|%s", c->group, c->code,
                                                            c->value),
                                 GINT_TO_POINTER ((int)c->n));
          }
        for (guint i = 0; i < fast->len; i++)
          {
            SilaSurveyCount *c = g_ptr_array_index (fast, i);
            g_autofree char *key = g_strdup_printf ("%s|%s|%s", c->group, c->code, c->value);

            g_assert_true (g_hash_table_contains (expected, key));
            g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (expected, key)), ==, c->n);
            if (*c->code == '\0')
              total += c->n;
          }
        g_assert_cmpint (total, >, 0);
      }

  /* The same file is not imported twice. */
  g_assert_false (sila_store_import_survey_responses (f->store, f->owner, tpl, batch, "t.csv",
                                                      "abc", 0, &error));
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DUPLICATE);
  g_assert_cmpint (sila_test_raw_int (f, "SELECT count(*) FROM survey_responses"), ==, 300);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  sila_i18n_init (SILA_LANGUAGE_ENGLISH);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, sila_survey_fixture_setup, func, sila_survey_fixture_teardown)

  g_test_add_func ("/sila/surveys/results/csat-nps-counts", test_csat_nps_counts);
  ADD ("/sila/surveys/results/fixture", test_results_fixture);
  g_test_add_func ("/sila/surveys/results/small-group-rule", test_small_group_rule);
  ADD ("/sila/surveys/results/small-group-breakdown", test_small_group_results);
  ADD ("/sila/surveys/results/counts-match-raw", test_counts_match_raw);

#undef ADD

  return g_test_run ();
}
