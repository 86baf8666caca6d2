/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Times a period's survey results against the raw aggregate queries that
 * give the same figures, on the same database, in the same run:
 *
 *   bench-surveys DB FROM TO [RUNS [RAW_RUNS]]
 *
 * results  sila_survey_results_compute(): everything the Surveys page and
 *          `sila survey results` show (totals, every question, CSAT, NPS,
 *          breakdowns by channel, request type and month)
 * rollup   the four queries of the running counts it reads, alone
 * raw      the same four aggregates counted from every answer
 * overall  the raw aggregate for the totals alone (no breakdown)
 * Prints each median in milliseconds, one per line. */
#include "sila-config.h"

#include <stdio.h>
#include <stdlib.h>

#include "sila-clock.h"
#include "sila-i18n.h"
#include "sila-store-surveys.h"
#include "sila-survey-results.h"

typedef gboolean (*Work) (SilaStore       *store,
                          const SilaActor *actor,
                          const char      *from,
                          const char      *to);

static gboolean
run_results (SilaStore       *store,
             const SilaActor *actor,
             const char      *from,
             const char      *to)
{
  g_autoptr(SilaSurveyResults) results = NULL;
  GDate a, b;

  sila_date_from_iso (from, &a);
  sila_date_from_iso (to, &b);
  results = sila_survey_results_compute (store, actor, &a, &b, 0, NULL);
  return results != NULL && results->responses > 0;
}

static gboolean
run_counts (SilaStore       *store,
            const SilaActor *actor,
            const char      *from,
            const char      *to,
            gboolean         raw,
            SilaSurveyGroup  last)
{
  for (SilaSurveyGroup g = SILA_SURVEY_GROUP_NONE; g <= last; g++)
    {
      g_autoptr(GPtrArray) counts = raw ? sila_store_survey_counts_raw (store, actor, from, to, g,
                                                                        NULL)
                                        : sila_store_survey_counts (store, actor, from, to, g,
                                                                    NULL);

      if (counts == NULL || counts->len == 0)
        return FALSE;
    }

  return TRUE;
}

static gboolean
run_rollup (SilaStore *store, const SilaActor *actor, const char *from, const char *to)
{
  return run_counts (store, actor, from, to, FALSE, SILA_SURVEY_GROUP_MONTH);
}

static gboolean
run_raw (SilaStore *store, const SilaActor *actor, const char *from, const char *to)
{
  return run_counts (store, actor, from, to, TRUE, SILA_SURVEY_GROUP_MONTH);
}

static gboolean
run_overall (SilaStore *store, const SilaActor *actor, const char *from, const char *to)
{
  return run_counts (store, actor, from, to, TRUE, SILA_SURVEY_GROUP_NONE);
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

static double
median_ms (Work             work,
           SilaStore       *store,
           const SilaActor *actor,
           const char      *from,
           const char      *to,
           int              runs)
{
  g_autofree double *times = g_new (double, runs);

  work (store, actor, from, to);  /* warm the caches */
  for (int i = 0; i < runs; i++)
    {
      gint64 start = g_get_monotonic_time ();

      if (!work (store, actor, from, to))
        g_error ("the benchmark found no responses in %s … %s", from, to);
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
    }
  qsort (times, runs, sizeof *times, compare_doubles);

  return runs % 2 ? times[runs / 2] : (times[runs / 2 - 1] + times[runs / 2]) / 2;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaStore) store = NULL;
  g_autoptr(SilaActor) owner = sila_actor_new_owner ();
  int runs = argc > 4 ? atoi (argv[4]) : 11;
  int raw_runs = argc > 5 ? atoi (argv[5]) : runs;

  if (argc < 4 || runs < 1 || raw_runs < 1)
    {
      g_printerr ("usage: %s DB FROM TO [RUNS [RAW_RUNS]]\n", argv[0]);
      return 2;
    }

  sila_i18n_init (SILA_LANGUAGE_ENGLISH);
  store = sila_store_open (argv[1], SILA_STORE_OPEN_MUST_EXIST, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  printf ("results-ms %.2f\n", median_ms (run_results, store, owner, argv[2], argv[3], runs));
  printf ("rollup-ms %.2f\n", median_ms (run_rollup, store, owner, argv[2], argv[3], runs));
  printf ("raw-ms %.2f\n", median_ms (run_raw, store, owner, argv[2], argv[3], raw_runs));
  printf ("overall-raw-ms %.2f\n", median_ms (run_overall, store, owner, argv[2], argv[3],
                                              raw_runs));

  return 0;
}
