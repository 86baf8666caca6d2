/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the survey tests share: a fresh database with a fixed clock, and
 * responses made from "code=value" answers. */
#include "sila-config.h"

#include <math.h>
#include <sqlite3.h>

#include "sila-clock.h"
#include "sila-sqlite.h"
#include "sila-store-private.h"
#include "sila-test-surveys.h"

void
sila_survey_fixture_setup (SilaSurveyFixture *f,
                           gconstpointer      data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 6, 30, 9, 0, 0);

  sila_clock_set_fixed (now);
  sila_test_dir_setup (&f->dir, NULL);
  f->store = sila_store_open (f->dir.db_path, 0, &error);
  g_assert_no_error (error);
  f->owner = sila_actor_new_owner ();
}

void
sila_survey_fixture_teardown (SilaSurveyFixture *f,
                              gconstpointer      data)
{
  g_assert_finalize_object (f->store);
  sila_actor_free (f->owner);
  sila_test_dir_teardown (&f->dir, NULL);
  sila_clock_set_fixed (NULL);
}

SilaSurveyTemplate *
sila_test_default_template (SilaSurveyFixture *f)
{
  g_autoptr(GError) error = NULL;
  SilaSurveyTemplate *tpl = sila_store_get_default_survey_template (f->store, f->owner, &error);

  g_assert_no_error (error);
  g_assert_nonnull (tpl);
  return tpl;
}

SilaSurveyResponse *
sila_test_make_response (const SilaSurveyTemplate *tpl,
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

char *
sila_test_add_response (SilaSurveyFixture        *f,
                        const SilaSurveyTemplate *tpl,
                        const char               *day,
                        const char               *channel,
                        const char               *answers)
{
  g_autoptr(SilaSurveyResponse) r = sila_test_make_response (tpl, SILA_SURVEY_MODE_KIOSK, day,
                                                             channel, answers);
  g_autoptr(GError) error = NULL;
  char *id = NULL;

  g_assert_true (sila_store_add_survey_response (f->store, f->owner, r, &id, &error));
  g_assert_no_error (error);
  return id;
}

SilaSurveyResults *
sila_test_results_for (SilaSurveyFixture *f,
                       const char        *from,
                       const char        *to)
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

gint64
sila_test_raw_int (SilaSurveyFixture *f,
                   const char        *sql)
{
  return sila_test_db_int (sila_test_store_db (f->store), sql);
}

void
sila_test_assert_close (double value,
                        double expected)
{
  g_assert_true (isfinite (value));
  g_assert_cmpfloat_with_epsilon (value, expected, 1e-9);
}
