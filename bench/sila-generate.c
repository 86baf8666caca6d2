/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Writes a realistic synthetic registry for the benchmarks: beneficiary
 * files with Arabic four-part names drawn from realistic distributions,
 * households, incomes, mobiles, districts of Makkah and segments — through
 * the real store (the same rows, search tokens and audit trail the app
 * writes), in transactions of a thousand files so that 100,000 take a
 * minute, not an hour of fsyncs (bench/run.py server: the same on a
 * PostgreSQL server).
 *
 * usage: sila-generate --database DB [--files N] [--requests N] [--seed S]
 *
 * The same seed gives the same registry. Later parts of the product add
 * their generators (requests, surveys) as further generate_…() steps over
 * the files made here (see generate_beneficiaries()). */
#include "sila-config.h"

#include <glib.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>

#include "gen-requests.h"
#include "generate-names.h"
#include "sila-choices.h"
#include "sila-clock.h"
#include "sila-i18n.h"
#include "sila-money.h"
#include "sila-store-beneficiaries-private.h"

#define BATCH 1000

/* Draws indexes with Zipf-like weights: index i is chosen with weight
 * 1 / (i + 1)^s. */
typedef struct {
  guint   n;
  double *cumulative;
} Zipf;

static Zipf *
zipf_new (guint  n,
          double s)
{
  Zipf *z = g_new0 (Zipf, 1);
  double total = 0;

  z->n = n;
  z->cumulative = g_new (double, n);
  for (guint i = 0; i < n; i++)
    {
      total += 1.0 / pow (i + 1, s);
      z->cumulative[i] = total;
    }
  for (guint i = 0; i < n; i++)
    z->cumulative[i] /= total;
  return z;
}

static void
zipf_free (Zipf *z)
{
  g_free (z->cumulative);
  g_free (z);
}

static guint
zipf_draw (Zipf  *z,
           GRand *rand)
{
  double r = g_rand_double (rand);
  guint lo = 0, hi = z->n - 1;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (z->cumulative[mid] < r)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

typedef struct {
  GRand      *rand;
  Zipf       *male;
  Zipf       *female;
  Zipf       *family;
  Zipf       *district;
  Zipf       *segment;
  GHashTable *ids;      /* ID numbers used, so that every file is unique */
  gint64      phone_serial;
} Generator;

static const char *
pick_male (Generator *g)
{
  return male_names[zipf_draw (g->male, g->rand)];
}

static const char *
pick_female (Generator *g)
{
  return female_names[zipf_draw (g->female, g->rand)];
}

static char *
make_id_number (Generator *g,
                gboolean   citizen)
{
  for (;;)
    {
      char nine[10];
      char *id;

      nine[0] = citizen ? '1' : '2';
      for (int i = 1; i < 9; i++)
        nine[i] = '0' + g_rand_int_range (g->rand, 0, 10);
      nine[9] = '\0';
      id = g_strdup_printf ("%s%c", nine, sila_national_id_check_digit (nine));
      if (g_hash_table_add (g->ids, g_strdup (id)))
        return id;
      g_free (id);
    }
}

static char *
make_mobile (Generator *g)
{
  static const char prefixes[] = "0345689";
  int second = prefixes[g_rand_int_range (g->rand, 0, sizeof prefixes - 1)] - '0';

  /* Mostly unique, with some shared by relatives (as in real registers). */
  if (g_rand_int_range (g->rand, 0, 100) < 3 && g->phone_serial > 0)
    return g_strdup_printf ("+9665%d%07d", second,
                            (int)(g_rand_int_range (g->rand, 0, (gint32)g->phone_serial) %
                                  10000000));
  g->phone_serial++;
  return g_strdup_printf ("+9665%d%07d", second, g_rand_int_range (g->rand, 0, 10000000));
}

static void
random_date (Generator *g,
             int        min_age,
             int        max_age,
             GDate     *date)
{
  GDate today;

  sila_clock_today (&today);
  *date = today;
  g_date_subtract_days (date, g_rand_int_range (g->rand, min_age * 365, max_age * 365));
}

static void
add_members (Generator       *g,
             SilaBeneficiary *b,
             gboolean         widow)
{
  int n = g_rand_int_range (g->rand, 0, 100) < 15 ? 0 : g_rand_int_range (g->rand, 1, 8);
  const char *husband = pick_male (g);

  for (int i = 0; i < n; i++)
    {
      SilaHouseholdMember *m = sila_household_member_new ();
      gboolean son = g_rand_boolean (g->rand);
      const char *first = son ? pick_male (g) : pick_female (g);

      if (i == 0 && !widow && b->gender != NULL && g_str_equal (b->gender, "female") &&
          g_rand_int_range (g->rand, 0, 100) < 30)
        {
          m->name = g_strdup_printf ("%s %s %s", husband, pick_male (g),
                                     b->name[SILA_NAME_PART_FAMILY]);
          m->relation = g_strdup ("spouse");
          m->gender = g_strdup ("male");
          random_date (g, 25, 80, &m->birth_date);
        }
      else
        {
          m->name = g_strdup_printf ("%s %s %s", first, husband, b->name[SILA_NAME_PART_FAMILY]);
          m->relation = g_strdup (son ? "son" : "daughter");
          m->gender = g_strdup (son ? "male" : "female");
          random_date (g, 0, 30, &m->birth_date);
          m->occupation = g_strdup (g_rand_boolean (g->rand) ? "student" : "below_school_age");
        }
      if (g_rand_int_range (g->rand, 0, 100) < 60)
        {
          m->id_type = SILA_ID_TYPE_NATIONAL_ID;
          m->id_number = make_id_number (g, TRUE);
        }
      g_ptr_array_add (b->members, m);
    }
}

static SilaBeneficiary *
make_file (Generator *g)
{
  SilaBeneficiary *b = sila_beneficiary_new ();
  gboolean female = g_rand_int_range (g->rand, 0, 100) < 72;
  gboolean citizen = g_rand_int_range (g->rand, 0, 100) < 82;
  const char *segment = bench_segments[zipf_draw (g->segment, g->rand)];
  int n_incomes;

  b->id_type = citizen ? SILA_ID_TYPE_NATIONAL_ID : SILA_ID_TYPE_IQAMA;
  b->id_number = make_id_number (g, citizen);
  g_free (b->name[0]);
  b->name[0] = g_strdup (female ? pick_female (g) : pick_male (g));
  g_free (b->name[1]);
  b->name[1] = g_strdup (pick_male (g));
  g_free (b->name[2]);
  b->name[2] = g_strdup (g_rand_int_range (g->rand, 0, 100) < 85 ? pick_male (g) : "");
  g_free (b->name[3]);
  b->name[3] = g_strdup (family_names[zipf_draw (g->family, g->rand)]);
  b->gender = g_strdup (female ? "female" : "male");
  random_date (g, 18, 90, &b->birth_date);
  b->birth_calendar = g_rand_int_range (g->rand, 0, 100) < 60 ? SILA_CALENDAR_HIJRI
                                                              : SILA_CALENDAR_GREGORIAN;
  b->nationality = g_strdup (citizen ? "sa" : (g_rand_boolean (g->rand) ? "ye" : "mm"));
  b->marital_status = g_strdup (g_str_equal (segment, "widow") ? "widowed"
                                : g_str_equal (segment, "divorced") ? "divorced" : "married");
  b->mobile = make_mobile (g);
  b->district = g_strdup (bench_districts[zipf_draw (g->district, g->rand)]);
  b->preferred_channel = g_strdup (g_rand_boolean (g->rand) ? "phone" : "interview");
  b->segment = g_strdup (segment);
  b->housing_type = g_strdup (g_rand_int_range (g->rand, 0, 100) < 65 ? "rented" : "owned");
  if (g_str_equal (b->housing_type, "rented"))
    b->rent_halalas = (gint64)g_rand_int_range (g->rand, 80, 300) * 10000;

  n_incomes = g_rand_int_range (g->rand, 1, 4);
  for (int i = 0; i < n_incomes; i++)
    {
      static const char *const sources[] = { "social_security", "citizen_account", "salary",
                                             "pension", "alimony" };

      g_ptr_array_add (b->incomes,
                       sila_income_new (sources[i % G_N_ELEMENTS (sources)],
                                        (gint64)g_rand_int_range (g->rand, 300, 4000) * 100));
    }

  add_members (g, b, g_str_equal (segment, "widow"));

  g_free (b->consent);
  b->consent = g_strdup (g_rand_int_range (g->rand, 0, 100) < 85 ? "given" : "pending");
  return b;
}

/* Files first: requests, contacts and surveys of later issues refer to
 * them by id. */
static gboolean
generate_beneficiaries (SilaStore        *store,
                        const SilaActor  *actor,
                        Generator        *g,
                        guint             n_files,
                        GError          **error)
{
  g_autoptr(SilaTransaction) tx = sila_transaction_begin (store, error);

  if (tx == NULL)
    return FALSE;

  for (guint i = 0; i < n_files; i++)
    {
      g_autoptr(SilaBeneficiary) b = make_file (g);

      if (!sila_store_insert_beneficiary (store, actor, b, SILA_SAVE_IMPORT, NULL, error))
        return FALSE;
      if ((i + 1) % 10000 == 0)
        g_printerr ("%u files\n", i + 1);
      /* Committed in batches: on PostgreSQL each write inside a
       * transaction is a subtransaction (the driver's savepoint), and a
       * transaction of a million of them slows down as it grows. */
      if ((i + 1) % BATCH == 0)
        {
          if (!sila_transaction_commit (tx, error))
            return FALSE;
          g_clear_pointer (&tx, sila_transaction_free);
          tx = sila_transaction_begin (store, error);
          if (tx == NULL)
            return FALSE;
        }
    }

  return sila_transaction_commit (tx, error);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaStore) store = NULL;
  g_autoptr(SilaActor) actor = sila_actor_new_owner ();
  g_autofree char *database = NULL;
  gint64 n_files = 100000;
  gint64 n_requests = -1;
  gint64 seed = 1446;
  Generator g = { 0 };
  GOptionEntry entries[] = {
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &database, "The database to write", "DB" },
    { "files", 0, 0, G_OPTION_ARG_INT64, &n_files, "How many files (100000)", "N" },
    { "requests", 0, 0, G_OPTION_ARG_INT64, &n_requests,
      "How many support requests over them (three per file; 0 for none)", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, "Seed of the random draws (1446)", "S" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— a synthetic registry");
  gint64 start;

  setlocale (LC_ALL, "C.UTF-8");
  sila_i18n_init (SILA_LANGUAGE_ENGLISH);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || database == NULL)
    {
      g_printerr ("%s\n", error != NULL ? error->message : "--database is needed");
      return 2;
    }

  store = sila_store_open (database, SILA_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  g.rand = g_rand_new_with_seed ((guint32)seed);
  g.male = zipf_new (G_N_ELEMENTS (male_names), 1.0);
  g.female = zipf_new (G_N_ELEMENTS (female_names), 0.9);
  g.family = zipf_new (G_N_ELEMENTS (family_names), 0.8);
  g.district = zipf_new (G_N_ELEMENTS (bench_districts), 0.7);
  g.segment = zipf_new (G_N_ELEMENTS (bench_segments), 0.8);
  g.ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  start = g_get_monotonic_time ();
  if (!generate_beneficiaries (store, actor, &g, (guint)n_files, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_printerr ("%" G_GINT64_FORMAT " files in %.1f s\n", n_files,
              (g_get_monotonic_time () - start) / 1e6);

  /* A laptop working alone: the window opens straight on the register.
   * No daily backup: a benchmark's start-up must not copy 450 MiB (nor
   * leave copies in the user's backup folder). */
  if (!sila_store_set_setting (store, actor, SILA_SETTING_NO_ACCOUNTS, NULL, "1", &error) ||
      !sila_store_set_setting (store, actor, SILA_SETTING_BACKUP_DAILY, NULL, "0", &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  if (n_requests < 0)
    n_requests = 3 * n_files;
  start = g_get_monotonic_time ();
  if (n_requests > 0 && !bench_generate_requests (store, g.rand, (guint)n_requests, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  if (n_requests > 0)
    g_printerr ("%" G_GINT64_FORMAT " requests in %.1f s\n", n_requests,
                (g_get_monotonic_time () - start) / 1e6);

  g_hash_table_unref (g.ids);
  zipf_free (g.male);
  zipf_free (g.female);
  zipf_free (g.family);
  zipf_free (g.district);
  zipf_free (g.segment);
  g_rand_free (g.rand);
  return 0;
}
