/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Fills a database with two years of realistic survey responses, through
 * the store's own API (so the running counts are kept by the same
 * triggers as in the office):
 *
 *   bench-gen-surveys DB [N]        (N = 200000 by default)
 *
 * Months carry a rising trend and a busier Ramadan; channels, modes and
 * request types follow what a beneficiary-relations office sees (most
 * people come in person or call); each person has a mood that shapes all
 * their answers; some leave questions blank, some write a suggestion; a
 * few officer-taken responses are linked to a request. Deterministic: the
 * same N gives the same database. */
#include "sila-config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "sila-clock.h"
#include "sila-i18n.h"
#include "sila-store-surveys.h"

#define FIRST_YEAR 2024
#define N_MONTHS   24   /* November 2024 … October 2026 */
#define BATCH      10000

static const struct {
  const char *code;
  double      weight;
} channels[] = {
  { "interview", 34 }, { "phone", 24 }, { "assistance_service", 12 }, { "website", 8 },
  { "social_media", 9 }, { "branch_representative", 7 }, { "letter", 3 },
  { "volunteer_service", 3 },
};

static const struct {
  const char *code;
  double      weight;
} types[] = {
  { NULL, 40 }, { "food_basket", 18 }, { "financial_aid", 14 }, { "rent", 8 },
  { "utility_bills", 7 }, { "medical", 6 }, { "education", 4 }, { "home_appliances", 3 },
};

static const char *suggestions[] = {
  "أتمنى تقليل مدة الانتظار في الاستقبال",
  "الموظفون متعاونون جداً، شكراً لكم",
  "نرجو توضيح المستندات المطلوبة من البداية",
  "الرد على الهاتف يتأخر أحياناً",
  "خدمة ممتازة وجزاكم الله خيراً",
  "أقترح إرسال رسالة نصية عند قبول الطلب",
  "Please add more staff on Sundays",
  "الموقع الإلكتروني يحتاج إلى تحديث",
};

static int
pick (GRand        *rand,
      const double *weights,
      int           n)
{
  double total = 0, x;

  for (int i = 0; i < n; i++)
    total += weights[i];
  x = g_rand_double_range (rand, 0, total);
  for (int i = 0; i < n; i++)
    {
      if (x < weights[i])
        return i;
      x -= weights[i];
    }

  return n - 1;
}

static double
gauss (GRand *rand)
{
  double u = g_rand_double_range (rand, 1e-12, 1), v = g_rand_double (rand);

  return sqrt (-2 * log (u)) * cos (2 * G_PI * v);
}

static int
clampi (int v,
        int lo,
        int hi)
{
  return v < lo ? lo : v > hi ? hi : v;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaStore) store = NULL;
  g_autoptr(SilaActor) owner = sila_actor_new_owner ();
  g_autoptr(SilaSurveyTemplate) tpl = NULL;
  g_autoptr(GPtrArray) batch = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 1, 8, 0, 0);
  double month_weights[N_MONTHS], channel_weights[G_N_ELEMENTS (channels)];
  double type_weights[G_N_ELEMENTS (types)];
  GRand *rand = g_rand_new_with_seed (20261101);
  long n = argc > 2 ? strtol (argv[2], NULL, 10) : 200000;
  gint64 started = g_get_monotonic_time ();
  guint batches = 0;

  if (argc < 2 || n <= 0)
    {
      g_printerr ("usage: %s DB [N]\n", argv[0]);
      return 2;
    }

  sila_i18n_init (SILA_LANGUAGE_ENGLISH);
  sila_clock_set_fixed (now);

  store = sila_store_open (argv[1], SILA_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  tpl = sila_store_get_default_survey_template (store, owner, &error);
  g_assert_no_error (error);

  for (int m = 0; m < N_MONTHS; m++)
    {
      /* A slow rise, a busier Ramadan (March 2025, February–March 2026)
       * and a quieter summer. */
      int month = (10 + m) % 12 + 1;

      month_weights[m] = 1.0 + 0.02 * m;
      if ((m == 4 && month == 3) || (m == 15 && month == 2) || (m == 16 && month == 3))
        month_weights[m] *= 1.6;
      if (month == 7 || month == 8)
        month_weights[m] *= 0.7;
    }
  for (guint i = 0; i < G_N_ELEMENTS (channels); i++)
    channel_weights[i] = channels[i].weight;
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    type_weights[i] = types[i].weight;

  batch = g_ptr_array_new_with_free_func ((GDestroyNotify)sila_survey_response_free);
  for (long i = 0; i < n; i++)
    {
      int m = pick (rand, month_weights, N_MONTHS);
      int year = FIRST_YEAR + (10 + m) / 12;
      int month = (10 + m) % 12 + 1;
      int channel = pick (rand, channel_weights, G_N_ELEMENTS (channels));
      int type = pick (rand, type_weights, G_N_ELEMENTS (types));
      double mood = CLAMP (0.72 + 0.2 * gauss (rand), 0, 1);
      double mode_x = g_rand_double (rand);
      SilaSurveyMode mode = mode_x < 0.4 ? SILA_SURVEY_MODE_KIOSK
                          : mode_x < 0.75 ? SILA_SURVEY_MODE_OFFICER
                          : mode_x < 0.95 ? SILA_SURVEY_MODE_PAPER : SILA_SURVEY_MODE_ONLINE;
      SilaSurveyResponse *r = sila_survey_response_new (tpl, mode);

      g_date_clear (&r->answered_on, 1);
      g_date_set_dmy (&r->answered_on,
                      g_rand_int_range (rand, 1, g_date_get_days_in_month (month, year) + 1),
                      month, year);
      r->channel = g_strdup (channels[channel].code);
      r->request_type = g_strdup (types[type].code);

      for (guint q = 0; q < tpl->questions->len; q++)
        {
          const SilaSurveyQuestion *question = g_ptr_array_index (tpl->questions, q);
          SilaSurveyAnswer *a = &r->answers[q];

          if (!question->required && g_rand_double (rand) < 0.07)
            continue;

          switch (question->kind)
            {
            case SILA_QUESTION_LIKERT:
              a->value = clampi ((int)lround (1 + 4 * (mood + 0.15 * gauss (rand))), 1, 5);
              a->answered = TRUE;
              break;
            case SILA_QUESTION_RECOMMEND:
              a->value = clampi ((int)lround (10 * (mood + 0.12 * gauss (rand))), 0, 10);
              a->answered = TRUE;
              break;
            case SILA_QUESTION_TEXT:
              if (g_rand_double (rand) < 0.12)
                {
                  a->text = g_strdup (suggestions[g_rand_int_range (rand, 0,
                                                                    G_N_ELEMENTS (suggestions))]);
                  a->answered = TRUE;
                }
              break;
            case SILA_QUESTION_YES_NO:
            case SILA_QUESTION_CHOICE:
            case SILA_N_QUESTION_KINDS:
            default:
              break;
            }
        }

      /* One officer-taken response in twenty is tied to a request. */
      if (mode == SILA_SURVEY_MODE_OFFICER && g_rand_double (rand) < 0.05)
        {
          g_autofree char *request = g_uuid_string_random ();

          sila_survey_response_set_links (r, NULL, request, NULL, NULL);
          if (!sila_store_add_survey_response (store, owner, r, NULL, &error))
            g_error ("%s", error->message);
          sila_survey_response_free (r);
          continue;
        }

      sila_survey_response_make_anonymous (r);
      g_ptr_array_add (batch, r);
      if (batch->len == BATCH || i == n - 1)
        {
          g_autofree char *key = g_strdup_printf ("bench-batch-%u", batches++);

          if (!sila_store_import_survey_responses (store, owner, tpl, batch, "bench", key, 0,
                                                   &error))
            g_error ("%s", error->message);
          g_ptr_array_set_size (batch, 0);
          g_printerr ("\r%ld responses", i + 1);
        }
    }

  if (batch->len > 0)
    {
      g_autofree char *key = g_strdup_printf ("bench-batch-%u", batches++);

      if (!sila_store_import_survey_responses (store, owner, tpl, batch, "bench", key, 0,
                                               &error))
        g_error ("%s", error->message);
    }

  g_printerr ("\r%ld responses in %.1f s\n", n, (g_get_monotonic_time () - started) / 1e6);
  g_rand_free (rand);
  return 0;
}
