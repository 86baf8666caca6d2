/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Surveys on real SQLite files: the default template, CSAT and NPS against
 * hand-computed figures, the small-group rule, anonymity searched for in
 * every table and the audit trail, templates retired and edited, running
 * counts equal to the raw answers, the kiosk PIN, permissions. */
#include "sila-config.h"

#include <math.h>
#include <sqlite3.h>
#include <string.h>

#include "sila-clock.h"
#include "sila-i18n.h"
#include "sila-store-feedback.h"
#include "sila-store-staff.h"
#include "sila-store-private.h"
#include "sila-store-surveys.h"
#include "sila-survey-results.h"
#include "sila-test-util.h"
#include "sila-validation.h"

typedef struct {
  SilaTestDir  dir;
  SilaStore   *store;
  SilaActor   *owner;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 6, 30, 9, 0, 0);

  sila_clock_set_fixed (now);
  sila_test_dir_setup (&f->dir, NULL);
  f->store = sila_store_open (f->dir.db_path, 0, &error);
  g_assert_no_error (error);
  f->owner = sila_actor_new_owner ();
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_finalize_object (f->store);
  sila_actor_free (f->owner);
  sila_test_dir_teardown (&f->dir, NULL);
  sila_clock_set_fixed (NULL);
}

static SilaSurveyTemplate *
default_template (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  SilaSurveyTemplate *tpl = sila_store_get_default_survey_template (f->store, f->owner, &error);

  g_assert_no_error (error);
  g_assert_nonnull (tpl);
  return tpl;
}

/* A response from "code=value,code=value" answers. */
static SilaSurveyResponse *
make_response (const SilaSurveyTemplate *tpl,
               SilaSurveyMode            mode,
               const char               *day,
               const char               *channel,
               const char               *answers)
{
  SilaSurveyResponse *r = sila_survey_response_new (tpl, mode);
  g_auto(GStrv) pairs = g_strsplit (answers, ",", -1);

  g_assert_true (sila_date_from_iso (day, &r->answered_on));
  r->channel = g_strdup (channel);
  for (guint i = 0; pairs[i] != NULL; i++)
    {
      g_auto(GStrv) kv = g_strsplit (pairs[i], "=", 2);
      g_autoptr(GError) error = NULL;
      SilaSurveyAnswer *a;

      if (kv[0] == NULL || kv[1] == NULL)
        continue;
      a = sila_survey_response_get_answer (r, kv[0]);
      g_assert_nonnull (a);
      g_assert_true (sila_survey_answer_parse (sila_survey_template_find (tpl, kv[0]), kv[1],
                                               a, &error));
      g_assert_no_error (error);
    }

  return r;
}

static char *
add (Fixture                  *f,
     const SilaSurveyTemplate *tpl,
     const char               *day,
     const char               *channel,
     const char               *answers)
{
  g_autoptr(SilaSurveyResponse) r = make_response (tpl, SILA_SURVEY_MODE_KIOSK, day, channel,
                                                   answers);
  g_autoptr(GError) error = NULL;
  char *id = NULL;

  g_assert_true (sila_store_add_survey_response (f->store, f->owner, r, &id, &error));
  g_assert_no_error (error);
  return id;
}

static SilaSurveyResults *
results_for (Fixture    *f,
             const char *from,
             const char *to)
{
  g_autoptr(GError) error = NULL;
  GDate a, b;
  SilaSurveyResults *results;

  g_assert_true (sila_date_from_iso (from, &a));
  g_assert_true (sila_date_from_iso (to, &b));
  results = sila_survey_results_compute (f->store, f->owner, &a, &b, 100, &error);
  g_assert_no_error (error);
  g_assert_nonnull (results);
  return results;
}

static gint64
raw_int (Fixture    *f,
         const char *sql)
{
  sqlite3_stmt *stmt;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (sila_store_get_db (f->store), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static void
assert_close (double value,
              double expected)
{
  g_assert_true (isfinite (value));
  g_assert_cmpfloat_with_epsilon (value, expected, 1e-9);
}

/* The template scripts rely on. */
static void
test_default_template (Fixture       *f,
                       gconstpointer  data)
{
  static const struct {
    const char       *code;
    SilaQuestionKind  kind;
  } expected[] = {
    { "speed", SILA_QUESTION_LIKERT },
    { "courtesy", SILA_QUESTION_LIKERT },
    { "clarity", SILA_QUESTION_LIKERT },
    { "channel_ease", SILA_QUESTION_LIKERT },
    { "information", SILA_QUESTION_LIKERT },
    { "overall", SILA_QUESTION_LIKERT },
    { "recommend", SILA_QUESTION_RECOMMEND },
    { "suggestion", SILA_QUESTION_TEXT },
  };
  g_autoptr(SilaSurveyTemplate) tpl = default_template (f);

  g_assert_cmpstr (tpl->code, ==, SILA_SURVEY_DEFAULT_TEMPLATE);
  g_assert_true (tpl->is_default);
  g_assert_false (sila_survey_template_is_retired (tpl));
  g_assert_cmpuint (tpl->questions->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const SilaSurveyQuestion *q = g_ptr_array_index (tpl->questions, i);

      g_assert_cmpstr (q->code, ==, expected[i].code);
      g_assert_cmpint (q->kind, ==, expected[i].kind);
      g_assert_true (g_utf8_validate (q->text_ar, -1, NULL));
      /* Arabic wording in Arabic letters, English in Latin ones. */
      g_assert_cmpint (g_unichar_get_script (g_utf8_get_char (q->text_ar)), ==,
                       G_UNICODE_SCRIPT_ARABIC);
      g_assert_true (g_ascii_isupper (q->text_en[0]));
      g_assert_true (q->id != NULL && g_uuid_string_is_valid (q->id));
    }
  g_assert_cmpstr (sila_survey_template_get_name (tpl, SILA_LANGUAGE_ARABIC), ==,
                   "قياس رضا المستفيد");
}

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
  assert_close (sila_survey_csat_from_counts (overall), 50.0);
  assert_close (sila_survey_csat_from_counts (only_three), 0.0);
  assert_close (sila_survey_csat_from_counts (only_four), 100.0);
  assert_close (sila_survey_nps_from_counts (rec), 0.0);
  assert_close (sila_survey_nps_from_counts (sevens), 0.0);
  assert_close (sila_survey_nps_from_counts (six), -100.0);
  assert_close (sila_survey_nps_from_counts (nine), 100.0);
  assert_close (sila_survey_nps_from_counts (mixed), 0.0);
  assert_close (sila_survey_nps_from_counts (two_to_one), 200.0 / 3.0);
}

/* The same figures through the database, and the JSON scripts read. */
static void
test_results_fixture (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(SilaSurveyTemplate) tpl = default_template (f);
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
      g_autoptr(SilaSurveyResponse) r = make_response (tpl, SILA_SURVEY_MODE_PAPER,
                                                       i == 0 ? "2026-03-01" : "2026-03-31",
                                                       "phone", rows[i]);
      g_autoptr(GError) error = NULL;

      g_assert_true (sila_store_add_survey_response (f->store, f->owner, r, NULL, &error));
      g_assert_no_error (error);
    }
  /* Outside the period on both sides. */
  g_free (add (f, tpl, "2026-02-28", "phone", "overall=1,recommend=0"));
  g_free (add (f, tpl, "2026-04-01", "phone", "overall=1,recommend=0"));

  march = results_for (f, "2026-03-01", "2026-03-31");
  g_assert_cmpint (march->responses, ==, 7);
  /* overall 5,4,4,3,2,1: 3 of 6 are 4 or 5. */
  g_assert_cmpint (march->csat_answered, ==, 6);
  assert_close (march->csat, 50.0);
  /* recommend 10,9,8,7,6,0,9: promoters 3, detractors 2, of 7. */
  g_assert_cmpint (march->nps_answered, ==, 7);
  g_assert_cmpint (march->promoters, ==, 3);
  g_assert_cmpint (march->passives, ==, 2);
  g_assert_cmpint (march->detractors, ==, 2);
  assert_close (march->nps, 100.0 / 7.0);
  speed = sila_survey_results_find (march, "speed");
  g_assert_cmpint (speed->answered, ==, 4);
  assert_close (speed->mean, 14.0 / 4.0);
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
  empty = results_for (f, "2025-01-01", "2025-12-31");
  g_assert_cmpint (empty->responses, ==, 0);
  g_assert_true (isnan (empty->csat));
  g_assert_true (isnan (empty->nps));
  empty_json = sila_survey_results_to_json (empty);
  g_assert_nonnull (strstr (empty_json, "{\"responses\": 0, \"csat\": null, \"nps\": null, "));

  /* Dates are inclusive at both ends. */
  one_day = results_for (f, "2026-03-01", "2026-03-01");
  g_assert_cmpint (one_day->responses, ==, 1);
  assert_close (one_day->csat, 100.0);
  assert_close (one_day->nps, 100.0);
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
  g_autoptr(SilaSurveyTemplate) tpl = default_template (f);
  g_autoptr(SilaSurveyResults) results = NULL;
  g_autoptr(SilaChart) chart = NULL;
  const SilaSurveyGroupResult *g;

  for (int i = 0; i < 3; i++)
    g_free (add (f, tpl, "2026-05-10", "letter", "overall=1,recommend=0"));
  for (int i = 0; i < 3; i++)
    g_free (add (f, tpl, "2026-05-11", "phone", "overall=5,recommend=10"));
  for (int i = 0; i < 8; i++)
    g_free (add (f, tpl, "2026-05-12", "website", "overall=4,recommend=9"));

  results = results_for (f, "2026-05-01", "2026-05-31");
  g_assert_cmpint (results->responses, ==, 14);

  g = find_group (results->by_channel, "letter");
  g_assert_true (g->hidden);
  g_assert_true (isnan (g->csat) && isnan (g->nps));
  g = find_group (results->by_channel, "phone");
  g_assert_true (g->hidden);
  g = find_group (results->by_channel, "website");
  g_assert_false (g->hidden);
  assert_close (g->csat, 100.0);

  chart = sila_survey_chart_groups (results, SILA_SURVEY_GROUP_CHANNEL);
  g_assert_cmpuint (sila_chart_get_n_items (chart), ==, 1);
}

/* Every value of every table, and the audit trail, searched for anything
 * that ties an anonymous response to a person, a request or a staff member. */
static gboolean
database_mentions_except (Fixture           *f,
                          const char        *needle,
                          const char *const *skip_tables)
{
  sqlite3 *db = sila_store_get_db (f->store);
  sqlite3_stmt *tables;
  gboolean found = FALSE;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_schema WHERE type = 'table'",
                                       -1, &tables, NULL), ==, SQLITE_OK);
  while (!found && sqlite3_step (tables) == SQLITE_ROW)
    {
      const char *table = (const char *)sqlite3_column_text (tables, 0);
      g_autofree char *sql = NULL;
      sqlite3_stmt *rows;

      if (skip_tables != NULL && g_strv_contains (skip_tables, table))
        continue;
      sql = g_strdup_printf ("SELECT * FROM \"%s\"", table);
      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &rows, NULL), ==, SQLITE_OK);
      while (!found && sqlite3_step (rows) == SQLITE_ROW)
        for (int c = 0; c < sqlite3_column_count (rows); c++)
          {
            const char *v = (const char *)sqlite3_column_text (rows, c);

            if (v != NULL && strstr (v, needle) != NULL)
              {
                g_test_message ("%s.%s holds %s", table, sqlite3_column_name (rows, c), needle);
                found = TRUE;
              }
          }
      sqlite3_finalize (rows);
    }
  sqlite3_finalize (tables);

  return found;
}

static gboolean
database_mentions (Fixture    *f,
                   const char *needle)
{
  return database_mentions_except (f, needle, NULL);
}

static void
test_anonymity (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SilaSurveyTemplate) tpl = default_template (f);
  g_autoptr(GError) error = NULL;
  g_autofree char *beneficiary = g_uuid_string_random ();
  g_autofree char *request = g_uuid_string_random ();
  g_autofree char *contact = g_uuid_string_random ();
  g_autofree char *linked_id = NULL;
  g_autofree char *anon_id = NULL;
  gint64 audit_before;

  /* A linked response is kept with its links and audited. */
  {
    g_autoptr(SilaSurveyResponse) r = make_response (tpl, SILA_SURVEY_MODE_OFFICER,
                                                     "2026-06-01", "interview",
                                                     "overall=5,recommend=10");

    g_assert_false (r->anonymous);
    g_assert_true (sila_survey_response_set_links (r, beneficiary, request, NULL, &error));
    g_assert_no_error (error);
    g_assert_true (sila_store_add_survey_response (f->store, f->owner, r, &linked_id, &error));
    g_assert_no_error (error);
    g_assert_true (database_mentions (f, request));
  }
  {
    g_autoptr(GPtrArray) found = sila_store_find_survey_responses (f->store, f->owner,
                                                                   SILA_SURVEY_LINK_REQUEST,
                                                                   request, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (found->len, ==, 1);
    g_assert_cmpstr (((char **)g_ptr_array_index (found, 0))[0], ==, linked_id);
  }

  /* An anonymous response refuses links outright. */
  {
    g_autoptr(SilaSurveyResponse) r = make_response (tpl, SILA_SURVEY_MODE_OFFICER,
                                                     "2026-06-02", "interview",
                                                     "overall=2,recommend=3");

    sila_survey_response_make_anonymous (r);
    g_assert_false (sila_survey_response_set_links (r, NULL, request, NULL, &error));
    g_assert_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID);
    g_clear_error (&error);

    /* Even a caller that fills the links in by hand gets nowhere. */
    r->contact_id = g_strdup (contact);
    g_assert_false (sila_store_add_survey_response (f->store, f->owner, r, NULL, &error));
    g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_false (database_mentions (f, contact));

    g_clear_pointer (&r->contact_id, g_free);
    audit_before = raw_int (f, "SELECT count(*) FROM audit_log");
    g_assert_true (sila_store_add_survey_response (f->store, f->owner, r, &anon_id, &error));
    g_assert_no_error (error);
  }

  /* Not audited at all; no time of day; no staff member; no link. */
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM audit_log"), ==, audit_before);
  {
    static const char *answer_tables[] = { "survey_responses", "survey_answers", NULL };

    /* Only the response and its answers know the id. */
    g_assert_true (database_mentions (f, anon_id));
    g_assert_false (database_mentions_except (f, anon_id, answer_tables));
  }
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM survey_responses WHERE "
                                            "id = '%s' AND anonymous = 1 AND taken_by IS NULL "
                                            "AND beneficiary_id IS NULL AND request_id IS NULL "
                                            "AND contact_id IS NULL AND created_at = "
                                            "'2026-06-02T00:00:00.000Z' AND updated_at = "
                                            "created_at", anon_id);
    g_assert_cmpint (raw_int (f, sql), ==, 1);
  }
  {
    sqlite3 *db = sila_store_get_db (f->store);
    sqlite3_stmt *stmt;

    /* The audit trail says nothing of it, not even its day. */
    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT * FROM audit_log", -1, &stmt, NULL), ==,
                     SQLITE_OK);
    while (sqlite3_step (stmt) == SQLITE_ROW)
      for (int c = 0; c < sqlite3_column_count (stmt); c++)
        {
          const char *v = (const char *)sqlite3_column_text (stmt, c);

          g_assert_true (v == NULL || strstr (v, anon_id) == NULL);
          g_assert_true (v == NULL || strstr (v, "2026-06-02") == NULL);
        }
    sqlite3_finalize (stmt);
  }
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM survey_answers "
                                            "WHERE response_id = '%s'", anon_id);

    g_assert_cmpint (raw_int (f, sql), ==, 2);
  }

  /* The schema itself refuses a link on an anonymous row. */
  {
    g_autofree char *sql = g_strdup_printf ("INSERT INTO survey_responses (id, template_id, "
                                            "answered_on, mode, anonymous, request_id, "
                                            "created_at, updated_at, device_id) VALUES "
                                            "('x', '%s', '2026-06-03', 'kiosk', 1, '%s', 'a', "
                                            "'a', 'd')", tpl->id, request);

    g_assert_false (sila_store_exec (f->store, sql, &error));
    g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }
  /* Kiosk and paper responses cannot be other than anonymous. */
  {
    g_autoptr(SilaSurveyResponse) r = make_response (tpl, SILA_SURVEY_MODE_KIOSK, "2026-06-02",
                                                     NULL, "overall=4,recommend=8");

    g_assert_true (r->anonymous);
    r->anonymous = FALSE;
    g_assert_false (sila_store_add_survey_response (f->store, f->owner, r, NULL, &error));
    g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_INVALID);
  }
}

/* Answers are evidence: nobody changes or deletes them. */
static void
test_responses_kept (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(SilaSurveyTemplate) tpl = default_template (f);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = add (f, tpl, "2026-06-01", "phone", "overall=1,recommend=0");

  g_assert_false (sila_store_exec (f->store, "UPDATE survey_answers SET value = 5", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (sila_store_exec (f->store, "DELETE FROM survey_responses", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM survey_answers WHERE value = 1"), ==, 1);
}

static SilaSurveyTemplate *
event_template (void)
{
  SilaSurveyTemplate *tpl = sila_survey_template_new ("event", "استبيان الفعالية",
                                                      "Event survey");
  SilaSurveyQuestion *q;

  g_ptr_array_add (tpl->questions,
                   sila_survey_question_new ("overall", SILA_QUESTION_LIKERT,
                                             "ما مدى رضاك عن الفعالية؟",
                                             "How satisfied are you with the event?", TRUE));
  q = sila_survey_question_new ("heard_from", SILA_QUESTION_CHOICE, "كيف عرفت عن الفعالية؟",
                                "How did you hear about the event?", FALSE);
  g_ptr_array_add (q->choices, sila_survey_choice_new ("friends", "من الأصدقاء", "From friends"));
  g_ptr_array_add (q->choices, sila_survey_choice_new ("social", "وسائل التواصل", "Social media"));
  g_ptr_array_add (tpl->questions, q);
  g_ptr_array_add (tpl->questions,
                   sila_survey_question_new ("first_visit", SILA_QUESTION_YES_NO,
                                             "هل هذه زيارتك الأولى؟", "Is this your first visit?",
                                             FALSE));
  return tpl;
}

static void
test_template_retirement (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(SilaSurveyTemplate) tpl = event_template ();
  g_autoptr(SilaSurveyTemplate) def = default_template (f);
  g_autoptr(SilaSurveyTemplate) reread = NULL;
  g_autoptr(SilaSurveyResults) results = NULL;
  g_autoptr(GPtrArray) active = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  const SilaSurveyQuestionResult *heard, *first;

  g_assert_true (sila_store_save_survey_template (f->store, f->owner, tpl, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (tpl->id);

  for (int i = 0; i < 6; i++)
    g_free (add (f, tpl, "2026-06-10", "volunteer_service",
                 i < 4 ? "overall=5,heard_from=social,first_visit=نعم"
                       : "overall=3,heard_from=من الأصدقاء,first_visit=no"));

  /* The default template cannot be retired. */
  g_assert_false (sila_store_retire_survey_template (f->store, f->owner, def->id, TRUE, &error));
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (sila_store_retire_survey_template (f->store, f->owner, tpl->id, TRUE, &error));
  g_assert_no_error (error);

  /* No new responses… */
  {
    g_autoptr(SilaSurveyResponse) r = make_response (tpl, SILA_SURVEY_MODE_KIOSK, "2026-06-11",
                                                     NULL, "overall=4");

    g_assert_false (sila_store_add_survey_response (f->store, f->owner, r, NULL, &error));
    g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }
  /* … it cannot be the default … */
  g_assert_false (sila_store_set_default_survey_template (f->store, f->owner, tpl->id, &error));
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* … it leaves the list of templates in use, not the database … */
  active = sila_store_list_survey_templates (f->store, f->owner, FALSE, &error);
  g_assert_cmpuint (active->len, ==, 1);
  all = sila_store_list_survey_templates (f->store, f->owner, TRUE, &error);
  g_assert_cmpuint (all->len, ==, 2);
  reread = sila_store_get_survey_template (f->store, f->owner, "event", &error);
  g_assert_no_error (error);
  g_assert_true (sila_survey_template_is_retired (reread));
  g_assert_cmpint (reread->n_responses, ==, 6);

  /* … and its answers stay readable in the results. */
  results = results_for (f, "2026-06-01", "2026-06-30");
  g_assert_cmpint (results->responses, ==, 6);
  assert_close (results->csat, 400.0 / 6.0);
  heard = sila_survey_results_find (results, "heard_from");
  g_assert_nonnull (heard);
  g_assert_cmpint (heard->answered, ==, 6);
  g_assert_cmpint (heard->choice_counts[0], ==, 2);  /* friends */
  g_assert_cmpint (heard->choice_counts[1], ==, 4);  /* social */
  first = sila_survey_results_find (results, "first_visit");
  g_assert_cmpint (first->counts[1], ==, 4);
  g_assert_cmpint (first->counts[0], ==, 2);

  /* Brought back, it takes responses again. */
  g_assert_true (sila_store_retire_survey_template (f->store, f->owner, tpl->id, FALSE, &error));
  g_assert_no_error (error);
  g_free (add (f, tpl, "2026-06-12", NULL, "overall=4"));
}

static void
test_template_editing (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(SilaSurveyTemplate) tpl = event_template ();
  g_autoptr(SilaSurveyTemplate) stale = NULL;
  g_autoptr(GError) error = NULL;
  SilaSurveyProblem problem;
  SilaSurveyQuestion *q;

  /* Checked before anything is written, the problem located. */
  q = g_ptr_array_index (tpl->questions, 1);
  g_free (q->text_en);
  q->text_en = g_strdup ("  ");
  g_assert_false (sila_store_save_survey_template (f->store, f->owner, tpl, &problem, &error));
  g_assert_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_REQUIRED);
  g_assert_cmpint (problem.field, ==, SILA_SURVEY_FIELD_QUESTION_TEXT_EN);
  g_assert_cmpint (problem.question, ==, 1);
  g_assert_null (tpl->id);
  g_clear_error (&error);
  g_free (q->text_en);
  q->text_en = g_strdup ("How did you hear about the event?");

  /* A code keeps its kind across templates: "recommend" is 0–10. */
  g_ptr_array_add (tpl->questions, sila_survey_question_new ("recommend", SILA_QUESTION_LIKERT,
                                                             "أ", "A", FALSE));
  g_assert_false (sila_store_save_survey_template (f->store, f->owner, tpl, &problem, &error));
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_INVALID);
  g_assert_cmpint (problem.field, ==, SILA_SURVEY_FIELD_QUESTION_CODE);
  g_assert_cmpint (problem.question, ==, 3);
  g_clear_error (&error);
  g_ptr_array_remove_index (tpl->questions, 3);

  /* The template's code is unique. */
  g_free (tpl->code);
  tpl->code = g_strdup ("Satisfaction");
  g_assert_false (sila_store_save_survey_template (f->store, f->owner, tpl, &problem, &error));
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DUPLICATE);
  g_assert_cmpint (problem.field, ==, SILA_SURVEY_FIELD_CODE);
  g_clear_error (&error);
  g_free (tpl->code);
  tpl->code = g_strdup ("event");

  g_assert_true (sila_store_save_survey_template (f->store, f->owner, tpl, NULL, &error));
  g_assert_no_error (error);
  stale = sila_survey_template_copy (tpl);

  /* Unused: anything may change, questions reordered, renamed, removed. */
  g_ptr_array_remove_index (tpl->questions, 2);
  q = g_ptr_array_index (tpl->questions, 0);
  g_free (q->code);
  q->code = g_strdup ("event_rating");
  g_assert_true (sila_store_save_survey_template (f->store, f->owner, tpl, NULL, &error));
  g_assert_no_error (error);

  /* Someone working on the old copy is told, not overwritten. */
  g_assert_false (sila_store_save_survey_template (f->store, f->owner, stale, NULL, &error));
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  /* Once answered, a question keeps its code and kind and stays. */
  g_free (add (f, tpl, "2026-06-10", NULL, "event_rating=4,heard_from=friends"));
  q = g_ptr_array_index (tpl->questions, 0);
  q->kind = SILA_QUESTION_RECOMMEND;
  g_assert_false (sila_store_save_survey_template (f->store, f->owner, tpl, &problem, &error));
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_INVALID);
  g_assert_cmpint (problem.field, ==, SILA_SURVEY_FIELD_QUESTION_KIND);
  g_clear_error (&error);
  q->kind = SILA_QUESTION_LIKERT;

  {
    g_autoptr(SilaSurveyQuestion) removed = g_ptr_array_steal_index (tpl->questions, 1);

    g_assert_false (sila_store_save_survey_template (f->store, f->owner, tpl, &problem, &error));
    g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_INVALID);
    g_clear_error (&error);
    g_ptr_array_insert (tpl->questions, 1, g_steal_pointer (&removed));
  }

  /* Wording may be corrected and questions added. */
  g_free (q->text_en);
  q->text_en = g_strdup ("How was the event?");
  g_ptr_array_add (tpl->questions, sila_survey_question_new ("comment", SILA_QUESTION_TEXT,
                                                             "ملاحظات", "Comments", FALSE));
  g_assert_true (sila_store_save_survey_template (f->store, f->owner, tpl, NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr(SilaSurveyTemplate) reread = sila_store_get_survey_template (f->store, f->owner,
                                                                           tpl->id, &error);

    g_assert_cmpuint (reread->questions->len, ==, 3);
    g_assert_cmpstr (((SilaSurveyQuestion *)g_ptr_array_index (reread->questions, 0))->text_en,
                     ==, "How was the event?");
  }
}

/* The running counts give exactly what counting every answer gives, for
 * ranges of whole months, parts of months and across a year's end. */
static void
test_counts_match_raw (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(SilaSurveyTemplate) tpl = default_template (f);
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
      r = make_response (tpl, SILA_SURVEY_MODE_PAPER, iso, channels[i % 4], answers);
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
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM survey_responses"), ==, 300);
}

static void
test_answers (void)
{
  g_autoptr(SilaSurveyTemplate) tpl = sila_survey_template_new_default ();
  g_autoptr(SilaSurveyTemplate) event = event_template ();
  const SilaSurveyQuestion *overall = sila_survey_template_find (tpl, "overall");
  const SilaSurveyQuestion *recommend = sila_survey_template_find (tpl, "recommend");
  const SilaSurveyQuestion *text = sila_survey_template_find (tpl, "suggestion");
  const SilaSurveyQuestion *choice = sila_survey_template_find (event, "heard_from");
  const SilaSurveyQuestion *yes_no = sila_survey_template_find (event, "first_visit");
  SilaSurveyAnswer a = { 0 };
  g_autoptr(GError) error = NULL;

  g_assert_true (sila_survey_answer_parse (overall, "٤", &a, &error));
  g_assert_true (a.answered);
  g_assert_cmpint (a.value, ==, 4);
  g_assert_true (sila_survey_answer_parse (overall, "  ", &a, &error));
  g_assert_false (a.answered);
  g_assert_false (sila_survey_answer_parse (overall, "6", &a, &error));
  g_assert_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);
  g_assert_false (sila_survey_answer_parse (overall, "0", &a, &error));
  g_clear_error (&error);
  g_assert_false (sila_survey_answer_parse (overall, "4.5", &a, &error));
  g_clear_error (&error);
  g_assert_true (sila_survey_answer_parse (recommend, "0", &a, &error));
  g_assert_cmpint (a.value, ==, 0);
  g_assert_true (sila_survey_answer_parse (recommend, "١٠", &a, &error));
  g_assert_cmpint (a.value, ==, 10);
  g_assert_false (sila_survey_answer_parse (recommend, "11", &a, &error));
  g_clear_error (&error);
  g_assert_true (sila_survey_answer_parse (yes_no, "لا", &a, &error));
  g_assert_true (a.answered);
  g_assert_cmpint (a.value, ==, 0);
  g_assert_true (sila_survey_answer_parse (yes_no, "Yes", &a, &error));
  g_assert_cmpint (a.value, ==, 1);
  g_assert_false (sila_survey_answer_parse (yes_no, "maybe", &a, &error));
  g_clear_error (&error);
  g_assert_true (sila_survey_answer_parse (choice, "Social media", &a, &error));
  g_assert_cmpstr (a.choice, ==, "social");
  g_assert_false (sila_survey_answer_parse (choice, "radio", &a, &error));
  g_assert_nonnull (strstr (error->message, "friends, social"));
  g_clear_error (&error);
  /* Free text keeps its lines but loses hidden controls. */
  g_assert_true (sila_survey_answer_parse (text, " سطر\u202Eأول\nسطر ثانٍ ", &a, &error));
  g_assert_cmpstr (a.text, ==, "سطرأول\nسطر ثانٍ");
  sila_survey_answer_clear (&a);
}

static void
test_kiosk_pin (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  static const char *refused[] = { "", "12", "123456789", "12a4", "1234", "0000", "9876", NULL };

  g_assert_false (sila_store_has_kiosk_pin (f->store));
  g_assert_false (sila_store_check_kiosk_pin (f->store, "2580"));

  for (guint i = 0; refused[i] != NULL; i++)
    {
      g_assert_false (sila_store_set_kiosk_pin (f->store, f->owner, refused[i], &error));
      g_assert_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID);
      g_clear_error (&error);
    }
  g_assert_false (sila_store_has_kiosk_pin (f->store));

  g_assert_true (sila_store_set_kiosk_pin (f->store, f->owner, "٢٥٨٠", &error));
  g_assert_no_error (error);
  g_assert_true (sila_store_has_kiosk_pin (f->store));
  g_assert_true (sila_store_check_kiosk_pin (f->store, "2580"));
  g_assert_true (sila_store_check_kiosk_pin (f->store, "٢٥٨٠"));
  g_assert_false (sila_store_check_kiosk_pin (f->store, "2581"));
  g_assert_false (sila_store_check_kiosk_pin (f->store, ""));
  g_assert_false (sila_store_check_kiosk_pin (f->store, NULL));

  /* Kept hashed; neither the PIN nor the hash reaches the audit trail. */
  g_assert_false (database_mentions (f, "2580"));
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM office_settings WHERE key = 'kiosk_pin_hash' "
                               "AND value LIKE '$argon2id$%'"), ==, 1);
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM audit_log WHERE entity_id = 'kiosk_pin' "
                               "AND after_json IS NULL"), ==, 1);
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM audit_log WHERE after_json LIKE '%argon%'"),
                   ==, 0);
}

/* Who may do what (the table in sila-roles.c), enforced by the store for
 * real staff accounts. */
static void
test_permissions (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(SilaSurveyTemplate) tpl = default_template (f);
  g_autoptr(SilaSurveyResponse) r = make_response (tpl, SILA_SURVEY_MODE_KIOSK, "2026-06-01",
                                                   NULL, "overall=4,recommend=9");
  g_autoptr(SilaStaff) admin_staff = NULL;
  g_autoptr(SilaStaff) officer_staff = NULL;
  g_autoptr(SilaStaff) manager_staff = NULL;
  g_autoptr(SilaActor) admin = NULL;
  g_autoptr(SilaActor) officer = NULL;
  g_autoptr(SilaActor) manager = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *counts;

  sila_store_set_cheap_hashes_for_testing (TRUE);
  admin_staff = sila_store_create_first_admin (f->store, "جمعية الاختبار", "admin", "المسؤول",
                                               "a long enough passphrase 1", &error);
  g_assert_no_error (error);
  admin = sila_staff_to_actor (admin_staff);
  officer_staff = sila_store_add_staff (f->store, admin, "huda", "هدى", SILA_ROLE_OFFICER,
                                        "another long passphrase 2", FALSE, &error);
  g_assert_no_error (error);
  officer = sila_staff_to_actor (officer_staff);
  manager_staff = sila_store_add_staff (f->store, admin, "sami", "سامي", SILA_ROLE_MANAGER,
                                        "a third long passphrase 3", FALSE, &error);
  g_assert_no_error (error);
  manager = sila_staff_to_actor (manager_staff);
  sila_store_set_cheap_hashes_for_testing (FALSE);

  /* Officers take surveys; managers do not… */
  g_assert_false (sila_store_add_survey_response (f->store, manager, r, NULL, &error));
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_true (sila_store_add_survey_response (f->store, officer, r, NULL, &error));
  g_assert_no_error (error);

  /* … managers see results; officers do not. */
  counts = sila_store_survey_counts (f->store, officer, "2026-01-01", "2026-12-31",
                                     SILA_SURVEY_GROUP_NONE, &error);
  g_assert_null (counts);
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DENIED);
  g_clear_error (&error);
  counts = sila_store_survey_counts (f->store, manager, "2026-01-01", "2026-12-31",
                                     SILA_SURVEY_GROUP_NONE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (counts);
  g_ptr_array_unref (counts);

  /* The kiosk PIN: managers and administrators. */
  g_assert_false (sila_store_set_kiosk_pin (f->store, officer, "2580", &error));
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DENIED);
  g_clear_error (&error);

  /* Templates: administrators only. */
  g_assert_false (sila_store_save_survey_template (f->store, manager, tpl, NULL, &error));
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DENIED);
  g_clear_error (&error);

  /* Once accounts exist, the owner of a fresh database is nobody. */
  g_assert_false (sila_store_add_survey_response (f->store, f->owner, r, NULL, &error));
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DENIED);
}

/* The register: numbers, forward-only moves, what each step needs, the
 * overdue list, anonymity of items made from a survey. */
static void
test_feedback_register (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(SilaFeedbackItem) item = sila_feedback_item_new (SILA_FEEDBACK_COMPLAINT);
  g_autoptr(SilaFeedbackItem) second = sila_feedback_item_new (SILA_FEEDBACK_SUGGESTION);
  g_autoptr(SilaFeedbackItem) stale = NULL;
  g_autoptr(GPtrArray) overdue = NULL;
  g_autoptr(GPtrArray) open = NULL;
  g_autoptr(GError) error = NULL;
  SilaFeedbackField field;
  gint64 n_open, n_overdue;
  GDate expected;

  /* The due date defaults to the office's answer window (14 days). */
  g_assert_true (sila_date_from_iso ("2026-06-01", &item->received_on));
  sila_store_feedback_default_due (f->store, &item->received_on, &item->due_on);
  g_assert_true (sila_date_from_iso ("2026-06-15", &expected));
  g_assert_cmpint (g_date_compare (&item->due_on, &expected), ==, 0);

  /* Nothing said: refused, the field named. */
  g_assert_false (sila_store_save_feedback (f->store, f->owner, item, &field, &error));
  g_assert_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_REQUIRED);
  g_assert_cmpint (field, ==, SILA_FEEDBACK_FIELD_DESCRIPTION);
  g_assert_null (item->id);
  g_clear_error (&error);

  item->description = g_strdup ("  تأخر الرد على الاتصال  ");
  item->channel = g_strdup ("الاتصالات الهاتفية");
  g_assert_true (sila_store_save_feedback (f->store, f->owner, item, &field, &error));
  g_assert_no_error (error);
  g_assert_cmpint (item->number, ==, 1);
  g_assert_cmpstr (item->channel, ==, "phone");
  g_assert_cmpstr (item->description, ==, "تأخر الرد على الاتصال");
  stale = sila_feedback_item_copy (item);

  /* Due on 15 June, today is 30 June: overdue. */
  overdue = sila_store_list_feedback (f->store, f->owner, SILA_FEEDBACK_LIST_OVERDUE, 0, &error);
  g_assert_cmpuint (overdue->len, ==, 1);
  g_assert_true (sila_store_count_feedback (f->store, f->owner, &n_open, &n_overdue, &error));
  g_assert_cmpint (n_open, ==, 1);
  g_assert_cmpint (n_overdue, ==, 1);

  /* In progress needs someone responsible; answered needs the answer. */
  item->status = SILA_FEEDBACK_IN_PROGRESS;
  g_assert_false (sila_store_save_feedback (f->store, f->owner, item, &field, &error));
  g_assert_cmpint (field, ==, SILA_FEEDBACK_FIELD_RESPONSIBLE);
  g_clear_error (&error);
  item->responsible = g_strdup ("هدى");
  g_assert_true (sila_store_save_feedback (f->store, f->owner, item, &field, &error));
  item->status = SILA_FEEDBACK_ANSWERED;
  g_assert_false (sila_store_save_feedback (f->store, f->owner, item, &field, &error));
  g_assert_cmpint (field, ==, SILA_FEEDBACK_FIELD_ANSWER);
  g_clear_error (&error);
  item->answer = g_strdup ("اتصلنا به واعتذرنا وعُدّل جدول المناوبة");
  g_assert_true (sila_store_save_feedback (f->store, f->owner, item, &field, &error));
  g_assert_no_error (error);
  g_assert_true (g_date_valid (&item->answered_on));

  /* Answered is not overdue any more, and does not go back. */
  g_clear_pointer (&overdue, g_ptr_array_unref);
  overdue = sila_store_list_feedback (f->store, f->owner, SILA_FEEDBACK_LIST_OVERDUE, 0, &error);
  g_assert_cmpuint (overdue->len, ==, 0);
  item->status = SILA_FEEDBACK_NEW;
  g_assert_false (sila_store_save_feedback (f->store, f->owner, item, &field, &error));
  g_assert_cmpint (field, ==, SILA_FEEDBACK_FIELD_STATUS);
  g_clear_error (&error);
  item->status = SILA_FEEDBACK_CLOSED;
  g_assert_true (sila_store_save_feedback (f->store, f->owner, item, &field, &error));

  /* A second desk that read the first version is told, not obeyed. */
  g_free (stale->responsible);
  stale->responsible = g_strdup ("سامي");
  g_assert_false (sila_store_save_feedback (f->store, f->owner, stale, &field, &error));
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  /* From a survey's free text: anonymous, nobody can be named. */
  second->from_survey = TRUE;
  second->description = g_strdup ("أقترح رسالة نصية عند قبول الطلب");
  second->submitter = g_strdup ("محمد");
  g_assert_true (sila_date_from_iso ("2026-06-29", &second->received_on));
  sila_store_feedback_default_due (f->store, &second->received_on, &second->due_on);
  g_assert_false (sila_store_save_feedback (f->store, f->owner, second, &field, &error));
  g_assert_cmpint (field, ==, SILA_FEEDBACK_FIELD_SUBMITTER);
  g_clear_error (&error);
  g_clear_pointer (&second->submitter, g_free);
  g_assert_true (sila_store_save_feedback (f->store, f->owner, second, &field, &error));
  g_assert_cmpint (second->number, ==, 2);
  g_assert_true (second->anonymous);

  open = sila_store_list_feedback (f->store, f->owner, SILA_FEEDBACK_LIST_OPEN, 0, &error);
  g_assert_cmpuint (open->len, ==, 1);
  g_assert_cmpint (((SilaFeedbackItem *)g_ptr_array_index (open, 0))->number, ==, 2);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  sila_i18n_init (SILA_LANGUAGE_ENGLISH);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/sila/surveys/template/default", test_default_template);
  g_test_add_func ("/sila/surveys/answers/parse", test_answers);
  g_test_add_func ("/sila/surveys/results/csat-nps-counts", test_csat_nps_counts);
  ADD ("/sila/surveys/results/fixture", test_results_fixture);
  g_test_add_func ("/sila/surveys/results/small-group-rule", test_small_group_rule);
  ADD ("/sila/surveys/results/small-group-breakdown", test_small_group_results);
  ADD ("/sila/surveys/results/counts-match-raw", test_counts_match_raw);
  ADD ("/sila/surveys/anonymity", test_anonymity);
  ADD ("/sila/surveys/responses-kept", test_responses_kept);
  ADD ("/sila/surveys/template/retirement", test_template_retirement);
  ADD ("/sila/surveys/template/editing", test_template_editing);
  ADD ("/sila/surveys/kiosk-pin", test_kiosk_pin);
  ADD ("/sila/surveys/permissions", test_permissions);
  ADD ("/sila/feedback/register", test_feedback_register);

#undef ADD

  return g_test_run ();
}
