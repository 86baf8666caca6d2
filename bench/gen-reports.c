/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Adds a realistic activity of the office on top of a registry that
 * sila-generate wrote: support requests for a run of months (received,
 * decided and delivered as an office's log records them, imported through
 * the history import itself), contacts and inquiries, suggestions and
 * complaints, and survey responses — what the board's report counts.
 *
 * usage: bench-gen-reports DB [--until YYYY-MM-DD] [--months N]
 *                             [--requests N] [--seed S]
 *
 * --requests is the number received in the last month (the month of
 * --until); each earlier month has about 10 % fewer. The office's clock is
 * fixed at --until (the last day of the data). The same seed gives the
 * same activity. */
#include "sila-config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>

#include "sila-clock.h"
#include "sila-i18n.h"
#include "sila-money.h"
#include "sila-store-contacts.h"
#include "sila-store-feedback.h"
#include "sila-store-private.h"
#include "sila-store-request-import.h"
#include "sila-store-requests.h"
#include "sila-store-surveys.h"

static const struct {
  const char *code;
  int         weight;
  int         min_riyals;
  int         max_riyals;
} types[] = {
  { "food_basket",     30,  350,   650 },
  { "financial_aid",   22,  500,  3000 },
  { "utility_bills",   14,  300,  1500 },
  { "rent",            12, 3000, 12000 },
  { "medical",          9,  500,  6000 },
  { "education",        7,  800,  3000 },
  { "home_appliances",  6, 1500,  4500 },
};

static const struct {
  const char *code;
  int         weight;
} channels[] = {
  { "interview", 34 }, { "phone", 24 }, { "website", 14 }, { "social_media", 9 },
  { "branch_representative", 8 }, { "assistance_service", 6 }, { "letter", 3 },
  { "volunteer_service", 2 },
};

static int
pick_weighted (GRand      *rand,
               const int  *weights,
               guint       n)
{
  int total = 0, r;

  for (guint i = 0; i < n; i++)
    total += weights[i];
  r = g_rand_int_range (rand, 0, total);
  for (guint i = 0; i < n; i++)
    {
      if (r < weights[i])
        return (int)i;
      r -= weights[i];
    }
  return 0;
}

static int
pick_type (GRand *rand)
{
  int w[G_N_ELEMENTS (types)];

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    w[i] = types[i].weight;
  return pick_weighted (rand, w, G_N_ELEMENTS (types));
}

static const char *
pick_channel (GRand *rand)
{
  int w[G_N_ELEMENTS (channels)];

  for (guint i = 0; i < G_N_ELEMENTS (channels); i++)
    w[i] = channels[i].weight;
  return channels[pick_weighted (rand, w, G_N_ELEMENTS (channels))].code;
}

/* Days the committee takes: mostly within the window, a tail beyond it. */
static int
decision_days (GRand *rand)
{
  double u = g_rand_double_range (rand, 0.0001, 1);

  return 1 + (int)floor (-log (u) * 7);
}

static void
add_days (GDate       *date,
          const GDate *from,
          int          days)
{
  *date = *from;
  if (days >= 0)
    g_date_add_days (date, (guint)days);
  else
    g_date_subtract_days (date, (guint)-days);
}

static void
write_requests (GString     *csv,
                GRand       *rand,
                GPtrArray   *ids,
                const GDate *first,
                const GDate *last,
                const GDate *until,
                guint        n)
{
  guint span = g_date_days_between (first, last) + 1;

  for (guint i = 0; i < n; i++)
    {
      int t = pick_type (rand);
      const char *id = g_ptr_array_index (ids, g_rand_int_range (rand, 0, (gint32)ids->len));
      GDate received, decided, delivered;
      g_autofree char *r = NULL;
      char d[11] = "", v[11] = "";
      const char *status = "received";
      const char *reason = "";
      g_autofree char *amount = g_strdup ("");
      int roll = g_rand_int_range (rand, 0, 100);

      add_days (&received, first, g_rand_int_range (rand, 0, (gint32)span));
      r = sila_date_to_iso (&received);
      add_days (&decided, &received, decision_days (rand));

      if (roll < 3)
        {
          status = "withdrawn";
          reason = "طلب المستفيد إلغاء الطلب";
        }
      else if (g_date_compare (&decided, until) <= 0)
        {
          gboolean accepted = g_rand_int_range (rand, 0, 100) < 68;

          g_date_strftime (d, sizeof d, "%Y-%m-%d", &decided);
          status = accepted ? "accepted" : "rejected";
          if (!accepted)
            reason = g_rand_boolean (rand) ? "الدخل أعلى من حد الاستحقاق"
                                           : "المستندات لا تثبت الحاجة";
          add_days (&delivered, &decided, g_rand_int_range (rand, 2, 21));
          if (accepted && g_date_compare (&delivered, until) <= 0)
            {
              gint64 halalas = (gint64)g_rand_int_range (rand, types[t].min_riyals * 100,
                                                         types[t].max_riyals * 100 + 1);

              g_date_strftime (v, sizeof v, "%Y-%m-%d", &delivered);
              status = g_rand_int_range (rand, 0, 100) < 60 ? "closed" : "delivered";
              g_free (amount);
              amount = sila_money_format_plain (halalas - halalas % 5);
            }
        }
      g_string_append_printf (csv, "%s,%s,%s,%s,%s,%s,%s,%s,%s,%s\n", id, types[t].code,
                              pick_channel (rand), r, status, d, reason, v, amount,
                              t == 0 || t == 6 ? "in_kind" : "bank_transfer");
    }
}

static void
set_clock (const GDate *day,
           int          seconds)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) midnight = g_date_time_new (utc, g_date_get_year (day),
                                                   g_date_get_month (day), g_date_get_day (day),
                                                   0, 0, 0);
  g_autoptr(GDateTime) now = g_date_time_add_seconds (midnight, seconds);

  sila_clock_set_fixed (now);
}

static gboolean
add_contacts (SilaStore       *store,
              const SilaActor *actor,
              GRand           *rand,
              const GDate     *first,
              const GDate     *until,
              guint            n,
              GError         **error)
{
  static const char *questions[] = {
    "متى يصدر قرار اللجنة في طلبي؟", "ما المستندات المطلوبة لطلب سداد الإيجار؟",
    "هل يمكن تقديم الطلب عبر الموقع؟", "أين أجد مقر الجمعية؟", "هل وصلت السلة الغذائية؟",
  };
  g_autoptr(SilaTransaction) tx = sila_transaction_begin (store, error);
  guint span = g_date_days_between (first, until) + 1;

  if (tx == NULL)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SilaContact) c = sila_contact_new ();
      GDate day;
      int asked = g_rand_int_range (rand, 6 * 3600, 15 * 3600);
      int kind = g_rand_int_range (rand, 0, 100);
      int wait;

      add_days (&day, first, g_rand_int_range (rand, 0, (gint32)span));
      sila_channel_parse (pick_channel (rand), &c->channel, NULL);
      c->kind = kind < 80 ? SILA_CONTACT_INQUIRY : kind < 90 ? SILA_CONTACT_REFERRAL
                                                             : SILA_CONTACT_FOLLOW_UP;
      c->question = g_strdup (questions[i % G_N_ELEMENTS (questions)]);
      {
        g_autofree char *iso = sila_date_to_iso (&day);

        c->asked_at = g_strdup_printf ("%sT%02d:%02d:00.000Z", iso, asked / 3600,
                                       (asked / 60) % 60);
      }
      /* Most are answered at once or within hours; some wait days. */
      wait = g_rand_int_range (rand, 0, 100) < 70 ? g_rand_int_range (rand, 60, 4 * 3600)
                                                  : g_rand_int_range (rand, 4 * 3600,
                                                                      5 * 86400);
      if (c->kind != SILA_CONTACT_REFERRAL && g_rand_int_range (rand, 0, 100) < 92)
        {
          set_clock (&day, asked + wait);
          c->answer = g_strdup ("تم الرد على الاستفسار");
        }
      else
        set_clock (&day, asked);
      if (!sila_store_add_contact (store, actor, c, error))
        return FALSE;
    }
  return sila_transaction_commit (tx, error);
}

static gboolean
add_feedback_and_surveys (SilaStore       *store,
                          const SilaActor *actor,
                          GRand           *rand,
                          const GDate     *first,
                          const GDate     *until,
                          guint            n_feedback,
                          guint            n_responses,
                          GError         **error)
{
  g_autoptr(SilaTransaction) tx = sila_transaction_begin (store, error);
  g_autoptr(SilaSurveyTemplate) tpl = NULL;
  guint span = g_date_days_between (first, until) + 1;

  if (tx == NULL)
    return FALSE;
  set_clock (until, 12 * 3600);
  for (guint i = 0; i < n_feedback; i++)
    {
      g_autoptr(SilaFeedbackItem) item = sila_feedback_item_new (i % 3 == 0
                                                                 ? SILA_FEEDBACK_COMPLAINT
                                                                 : SILA_FEEDBACK_SUGGESTION);
      GDate answered;

      add_days (&item->received_on, first, g_rand_int_range (rand, 0, (gint32)span));
      add_days (&item->due_on, &item->received_on, 14);
      item->channel = g_strdup (pick_channel (rand));
      item->description = g_strdup (i % 3 == 0 ? "تأخر الرد على الطلب أكثر من أسبوعين"
                                               : "نقترح إتاحة متابعة الطلب عبر الموقع");
      add_days (&answered, &item->received_on, g_rand_int_range (rand, 1, 25));
      if (g_date_compare (&answered, until) <= 0 && g_rand_int_range (rand, 0, 100) < 75)
        {
          item->status = SILA_FEEDBACK_ANSWERED;
          item->responsible = g_strdup ("owner");
          item->answer = g_strdup ("تمت دراسة الملاحظة والرد على صاحبها");
          item->answered_on = answered;
        }
      if (!sila_store_save_feedback (store, actor, item, NULL, error))
        return FALSE;
    }

  tpl = sila_store_get_default_survey_template (store, actor, error);
  if (tpl == NULL)
    return FALSE;
  for (guint i = 0; i < n_responses; i++)
    {
      g_autoptr(SilaSurveyResponse) r = sila_survey_response_new (tpl, SILA_SURVEY_MODE_KIOSK);
      int mood = g_rand_int_range (rand, 0, 100);
      const char *codes[] = { "speed", "courtesy", "clarity", "channel_ease", "information",
                              "overall" };

      add_days (&r->answered_on, first, g_rand_int_range (rand, 0, (gint32)span));
      sila_survey_response_set_channel (r, pick_channel (rand), NULL);
      for (guint q = 0; q < G_N_ELEMENTS (codes); q++)
        {
          int v = mood < 70 ? g_rand_int_range (rand, 4, 6) : mood < 90 ? 3
                                                                         : g_rand_int_range (rand, 1, 3);
          g_autofree char *text = g_strdup_printf ("%d", v);

          if (q < 5 && g_rand_int_range (rand, 0, 100) < 15)
            continue;
          sila_survey_answer_parse (sila_survey_template_find (tpl, codes[q]), text,
                                    sila_survey_response_get_answer (r, codes[q]), NULL);
        }
      {
        int v = mood < 60 ? g_rand_int_range (rand, 9, 11) : mood < 85
                ? g_rand_int_range (rand, 7, 9) : g_rand_int_range (rand, 2, 7);
        g_autofree char *text = g_strdup_printf ("%d", v);

        sila_survey_answer_parse (sila_survey_template_find (tpl, "recommend"), text,
                                  sila_survey_response_get_answer (r, "recommend"), NULL);
      }
      if (!sila_store_add_survey_response (store, actor, r, NULL, error))
        return FALSE;
    }
  return sila_transaction_commit (tx, error);
}

/* Requests of the last days taken through the workflow itself, so that
 * queues have what a working office has: documents being checked, research
 * under way, the committee's queue. */
static gboolean
add_open_requests (SilaStore       *store,
                   const SilaActor *actor,
                   GRand           *rand,
                   const GDate     *until,
                   guint            n,
                   GError         **error)
{
  static const SilaRequestStatus stops[] = {
    SILA_REQUEST_DOCUMENTS_COMPLETE, SILA_REQUEST_IN_RESEARCH, SILA_REQUEST_WITH_COMMITTEE,
    SILA_REQUEST_WITH_COMMITTEE,
  };
  static const SilaRequestStatus path[] = {
    SILA_REQUEST_DOCUMENTS_COMPLETE, SILA_REQUEST_IN_RESEARCH, SILA_REQUEST_RESEARCH_DONE,
    SILA_REQUEST_WITH_COMMITTEE,
  };
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(SilaTransaction) tx = NULL;

  {
    g_autoptr(SilaStatement) stmt = sila_store_prepare (store, "SELECT id FROM beneficiaries "
                                                        "WHERE deleted_at IS NULL LIMIT 5000",
                                                        error);

    while (stmt != NULL && sila_store_step (store, stmt, error) == SILA_STEP_ROW)
      g_ptr_array_add (ids, sila_column_dup (stmt, 0));
  }
  tx = sila_transaction_begin (store, error);
  if (tx == NULL || ids->len == 0)
    return tx != NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SilaRequest) request = sila_request_new ();
      g_autoptr(SilaRequest) read = NULL;
      SilaRequestStatus stop = stops[g_rand_int_range (rand, 0, G_N_ELEMENTS (stops))];
      int t = pick_type (rand);

      request->beneficiary_id = g_strdup (g_ptr_array_index (ids, g_rand_int_range (
                                                               rand, 0, (gint32)ids->len)));
      request->type = g_strdup (types[t].code);
      sila_channel_parse (pick_channel (rand), &request->channel, NULL);
      add_days (&request->received, until, -g_rand_int_range (rand, 1, 16));
      request->description = g_strdup ("طلب دعم");
      set_clock (&request->received, 10 * 3600);
      if (!sila_store_open_request (store, actor, request, error))
        return FALSE;
      read = sila_store_get_request (store, actor, request->id, error);
      if (read == NULL)
        return FALSE;
      for (guint d = 0; d < read->documents->len; d++)
        {
          const SilaRequestDocument *doc = g_ptr_array_index (read->documents, d);

          GDate expires;

          /* A type that expires is verified with its date. */
          g_date_clear (&expires, 1);
          g_date_set_dmy (&expires, 1, 1, 2040);
          if (doc->required &&
              !sila_store_set_request_document (store, actor, request->id, doc->type,
                                                SILA_DOCUMENT_VERIFIED,
                                                doc->type_expires ? &expires : NULL, NULL, NULL,
                                                error))
            return FALSE;
        }
      for (guint k = 0; k < G_N_ELEMENTS (path); k++)
        {
          SilaStepInput input = { .findings = "الأسرة محتاجة", .recommendation = "نوصي بالدعم" };

          if (!sila_store_move_request (store, actor, request->id, 0, path[k], &input, error))
            return FALSE;
          if (path[k] == stop)
            break;
        }
    }
  set_clock (until, 20 * 3600);
  return sila_transaction_commit (tx, error);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaStore) store = NULL;
  g_autoptr(SilaActor) actor = sila_actor_new_owner ();
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) csv = g_string_new ("national_id,type,channel,received,status,decided,"
                                         "reason,delivered,service_amount,delivery_kind\n");
  g_autoptr(SilaImportReport) report = sila_import_report_new ();
  g_autofree char *until_text = g_strdup ("2026-10-31");
  g_autofree char *csv_path = NULL;
  gint64 n_requests = 10000, n_months = 2, seed = 1447;
  SilaImportCounts counts = { 0 };
  GOptionEntry entries[] = {
    { "until", 0, 0, G_OPTION_ARG_STRING, &until_text, "The last day of the data", "DATE" },
    { "months", 0, 0, G_OPTION_ARG_INT64, &n_months, "How many months (2)", "N" },
    { "requests", 0, 0, G_OPTION_ARG_INT64, &n_requests, "Requests in the last month", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, "Seed of the random draws", "S" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("DB — the office's activity");
  g_autoptr(GRand) rand = NULL;
  GDate until, month_start;
  gint64 start_time = g_get_monotonic_time ();

  setlocale (LC_ALL, "C.UTF-8");
  sila_i18n_init (SILA_LANGUAGE_ARABIC);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2 ||
      !sila_date_from_iso (until_text, &until))
    {
      g_printerr ("usage: bench-gen-reports DB [--until YYYY-MM-DD] [--months N] "
                  "[--requests N] [--seed S]\n");
      return 2;
    }
  rand = g_rand_new_with_seed ((guint32)seed);
  set_clock (&until, 20 * 3600);

  store = sila_store_open (argv[1], SILA_STORE_OPEN_MUST_EXIST, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  sila_store_set_unsynced_for_testing (store);
  {
    g_autoptr(SilaStatement) stmt = sila_store_prepare (store, "SELECT id_number FROM "
                                                        "beneficiaries WHERE id_number IS NOT "
                                                        "NULL AND deleted_at IS NULL", &error);

    while (stmt != NULL && sila_store_step (store, stmt, &error) == SILA_STEP_ROW)
      g_ptr_array_add (ids, sila_column_dup (stmt, 0));
  }
  if (ids->len == 0)
    {
      g_printerr ("No beneficiary files: run sila-generate first.\n");
      return 2;
    }

  /* Month by month, the last one busiest. */
  for (gint64 m = n_months - 1; m >= 0; m--)
    {
      GDate first = until, last;
      guint n = (guint)(n_requests * pow (0.9, (double)m));

      g_date_set_day (&first, 1);
      g_date_subtract_months (&first, (guint)m);
      last = first;
      g_date_add_months (&last, 1);
      g_date_subtract_days (&last, 1);
      if (g_date_compare (&last, &until) > 0)
        last = until;
      write_requests (csv, rand, ids, &first, &last, &until, n);
      if (m == 0)
        month_start = first;
    }
  csv_path = g_strdup_printf ("%s.history.csv", argv[1]);
  if (!g_file_set_contents (csv_path, csv->str, (gssize)csv->len, &error) ||
      !sila_store_import_requests (store, actor, csv_path, FALSE, report, &counts, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_unlink (csv_path);
  g_printerr ("%u requests imported (%u rejected, %u duplicates)\n", counts.ok, counts.rejected,
              counts.duplicates);

  if (!add_open_requests (store, actor, rand, &until, (guint)MAX (6, n_requests / 60), &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  {
    GDate first = until;

    g_date_set_day (&first, 1);
    g_date_subtract_months (&first, (guint)(n_months - 1));
    if (!add_contacts (store, actor, rand, &first, &until, (guint)(n_requests * 0.35 * n_months),
                       &error) ||
        !add_feedback_and_surveys (store, actor, rand, &first, &until,
                                   (guint)MAX (12, n_requests / 150 * n_months),
                                   (guint)(n_requests * 0.15 * n_months), &error))
      {
        g_printerr ("%s\n", error->message);
        return 1;
      }
  }
  (void)month_start;
  g_printerr ("activity written in %.1f s\n", (g_get_monotonic_time () - start_time) / 1e6);
  return 0;
}
