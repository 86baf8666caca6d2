/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Store benchmarks, each against a floor measured in the same run:
 *
 *   search  search as you type on a generated registry: for each keystroke
 *           the app lists the matching file numbers (ranked) and loads the
 *           first page of rows; the floor is the raw FTS5 query alone (the
 *           same MATCH, already folded, ranked, every rowid stepped).
 *   save    saving an intake (one durable transaction: the file, household,
 *           incomes, search index, draft and audit trail) against a raw
 *           SQLite insert of the same row into a table defined as the
 *           beneficiaries table is (same columns and indexes), also one
 *           durable transaction.
 *
 * usage: sila-bench-store search DB [--queries N]
 *        sila-bench-store save DB [--saves N]
 * Prints medians and their ratio; bench/run.py drives it. */
#include "sila-config.h"

#include <glib.h>
#include <locale.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>

#include "sila-arabic.h"
#include "sila-clock.h"
#include "sila-i18n.h"
#include "sila-phone.h"
#include "sila-sqlite.h"
#include "sila-store-beneficiaries-private.h"

static int
compare_double (const void *a,
                const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return x < y ? -1 : x > y;
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_double);
  return g_array_index (values, double, values->len / 2);
}

static double
percentile (GArray *values,
            double  p)
{
  g_array_sort (values, compare_double);
  return g_array_index (values, double, MIN (values->len - 1, (guint)(values->len * p)));
}

/* What people type, keystroke by keystroke: names from the registry, a
 * mobile number in its usual 05… form, an ID number. */
static GPtrArray *
make_queries (SilaStore *store,
              guint      n_files,
              GRand     *rand)
{
  GPtrArray *queries = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(SilaActor) owner = sila_actor_new_owner ();

  for (guint i = 0; i < n_files; i++)
    {
      g_autoptr(SilaBeneficiary) file = NULL;
      g_autofree char *typed = NULL;
      glong len;
      gint64 number = 1001 + g_rand_int_range (rand, 0, 100000);

      if (!sila_store_find_beneficiary_by_file_number (store, owner, number, &file, NULL) ||
          file == NULL)
        continue;

      switch (i % 4)
        {
        case 0:
        case 1:
          typed = g_strdup_printf ("%s %s", file->name[0], file->name[3]);
          break;
        case 2:
          typed = sila_phone_format_display (file->mobile);
          break;
        default:
          typed = g_strdup (file->id_number);
          break;
        }

      len = g_utf8_strlen (typed, -1);
      for (glong n = 2; n <= len; n++)
        {
          char *prefix = g_utf8_substring (typed, 0, n);

          if (g_str_has_suffix (prefix, " "))
            g_free (prefix);
          else
            g_ptr_array_add (queries, prefix);
        }
    }

  return queries;
}

static int
bench_search (const char *path,
              guint       n_files)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaStore) store = sila_store_open (path, SILA_STORE_OPEN_MUST_EXIST, &error);
  g_autoptr(SilaActor) owner = sila_actor_new_owner ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(GPtrArray) queries = NULL;
  g_autoptr(GArray) floor_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) sila_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) ratios = g_array_new (FALSE, FALSE, sizeof (double));
  sqlite3 *raw = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 count = 0;

  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  sila_store_count_beneficiaries (store, owner, &count, NULL);
  queries = make_queries (store, n_files, rand);

  sqlite3_open_v2 (path, &raw, SQLITE_OPEN_READONLY, NULL);
  sqlite3_prepare_v2 (raw, "SELECT rowid FROM beneficiary_search WHERE beneficiary_search "
                           "MATCH ?1 ORDER BY rowid DESC", -1, &stmt, NULL);

  /* Warm both paths (page cache, statement cache). */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < queries->len; i++)
      {
        const char *text = g_ptr_array_index (queries, i);
        g_autofree char *match = sila_store_beneficiary_match_query (store, text);
        g_autoptr(GArray) numbers = NULL;
        g_autoptr(GPtrArray) rows = NULL;
        gint64 t0, t1, t2;
        guint n_raw = 0;

        if (match == NULL)
          continue;

        t0 = g_get_monotonic_time ();
        sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC);
        while (sqlite3_step (stmt) == SQLITE_ROW)
          n_raw++;
        sqlite3_reset (stmt);
        t1 = g_get_monotonic_time ();
        numbers = sila_store_list_beneficiary_numbers (store, owner, text, NULL, &error);
        rows = sila_store_get_beneficiary_rows (store, owner, (const gint64 *)numbers->data,
                                                MIN (numbers->len, 50), &error);
        t2 = g_get_monotonic_time ();
        g_assert (numbers->len == n_raw);

        if (pass == 1)
          {
            double f = (t1 - t0) / 1000.0, s = (t2 - t1) / 1000.0;
            double r = s / MAX (f, 0.001);

            g_array_append_val (floor_ms, f);
            g_array_append_val (sila_ms, s);
            g_array_append_val (ratios, r);
          }
      }

  sqlite3_finalize (stmt);
  sqlite3_close (raw);

  {
    double f = median (floor_ms), s = median (sila_ms);
    double f90 = percentile (floor_ms, 0.9), s90 = percentile (sila_ms, 0.9);

    printf ("search as you type (%" G_GINT64_FORMAT " files, %u keystrokes): "
            "floor %.2f ms, sila %.2f ms, ratio %.2f (target <= 2, and <= 30 ms); "
            "90th percentile floor %.2f ms, sila %.2f ms\n",
            count, floor_ms->len, f, s, s / f, f90, s90);
  }
  return 0;
}

static SilaBeneficiary *
sample_file (guint i)
{
  g_autoptr(SilaBeneficiaryInput) in = sila_beneficiary_input_new ();
  g_autofree char *nine = g_strdup_printf ("19%07u", i);
  g_autofree char *id = g_strdup_printf ("%s%c", nine, sila_national_id_check_digit (nine));
  g_autofree char *mobile = g_strdup_printf ("059%07u", i);
  SilaMemberInput *m;

  sila_beneficiary_input_set (in, SILA_BF_ID_NUMBER, id);
  sila_beneficiary_input_set (in, SILA_BF_FIRST_NAME, "فاطمة");
  sila_beneficiary_input_set (in, SILA_BF_FATHER_NAME, "عبدالله");
  sila_beneficiary_input_set (in, SILA_BF_GRANDFATHER_NAME, "أحمد");
  sila_beneficiary_input_set (in, SILA_BF_FAMILY_NAME, "الزهراني");
  sila_beneficiary_input_set (in, SILA_BF_GENDER, "female");
  sila_beneficiary_input_set (in, SILA_BF_BIRTH_DATE, "1405-03-12");
  sila_beneficiary_input_set (in, SILA_BF_BIRTH_CALENDAR, "hijri");
  sila_beneficiary_input_set (in, SILA_BF_MOBILE, mobile);
  sila_beneficiary_input_set (in, SILA_BF_DISTRICT, "الزاهر");
  sila_beneficiary_input_set (in, SILA_BF_SEGMENT, "widow");
  sila_beneficiary_input_set (in, SILA_BF_HOUSING_TYPE, "rented");
  sila_beneficiary_input_set (in, SILA_BF_RENT, "18000");
  sila_beneficiary_input_set (in, SILA_BF_CONSENT, "given");
  sila_beneficiary_input_add_income (in, "social_security", "1200");
  m = sila_beneficiary_input_add_member (in);
  sila_member_input_set (m, SILA_MEMBER_NAME, "سارة محمد الزهراني");
  sila_member_input_set (m, SILA_MEMBER_RELATION, "daughter");
  return sila_beneficiary_input_parse (in, NULL, 0, NULL);
}

/* The same row, straight into a table of the same columns. */
static void
raw_insert (sqlite3               *db,
            sqlite3_stmt          *insert,
            const SilaBeneficiary *b,
            guint                  i)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *now = sila_clock_timestamp ();
  g_autofree char *birth = sila_date_to_iso (&b->birth_date);
  g_autofree char *full = sila_beneficiary_get_full_name (b);
  int p = 1;

  sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  sqlite3_bind_text (insert, p++, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (insert, p++, 900000 + i);
  sqlite3_bind_text (insert, p++, sila_id_type_to_code (b->id_type), -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, p++, b->id_number, -1, SQLITE_STATIC);
  for (guint n = 0; n < 4; n++)
    sqlite3_bind_text (insert, p++, b->name[n], -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, p++, full, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, p++, full, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, p++, b->gender, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, p++, birth, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, p++, "hijri", -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, p++, b->mobile, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, p++, b->district, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, p++, b->segment, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, p++, b->housing_type, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (insert, p++, b->rent_halalas);
  sqlite3_bind_text (insert, p++, b->consent, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, p++, b->status, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, p++, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, p++, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, p++, "owner", -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, p++, "owner", -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, p++, "bench", -1, SQLITE_STATIC);
  sqlite3_step (insert);
  sqlite3_reset (insert);
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
}

/* SILA_BENCH_PROFILE=1: where a save's time goes, statement by statement
 * (SQLite's own timer: milliseconds, so a rough picture). */
static GHashTable *profile;
static guint profile_runs = 1;

static int
profile_cb (unsigned    type,
            void       *data,
            void       *p,
            void       *x)
{
  const char *sql = sqlite3_sql (p);
  gint64 *total;

  if (sql == NULL)
    return 0;
  total = g_hash_table_lookup (profile, sql);
  if (total == NULL)
    {
      total = g_new0 (gint64, 1);
      g_hash_table_insert (profile, g_strndup (sql, 90), total);
    }
  *total += *(sqlite3_int64 *)x;
  return 0;
}

static void
print_profile (void)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, profile);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_printerr ("%8.1f us  %s\n", *(gint64 *)value / 1000.0 / profile_runs, (char *)key);
}

/* The floor's table: the beneficiaries table's own definition and indexes,
 * under another name. */
static void
create_floor_table (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;

  sqlite3_exec (db, "DROP TABLE IF EXISTS bench_raw", NULL, NULL, NULL);
  sqlite3_prepare_v2 (db, "SELECT sql FROM sqlite_schema WHERE tbl_name = 'beneficiaries' "
                          "AND sql IS NOT NULL ORDER BY type DESC", -1, &stmt, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(GString) sql = g_string_new ((const char *)sqlite3_column_text (stmt, 0));

      g_string_replace (sql, "beneficiaries", "bench_raw", 0);
      g_string_replace (sql, "REFERENCES segments (code)", "", 0);
      if (sqlite3_exec (db, sql->str, NULL, NULL, NULL) != SQLITE_OK)
        g_printerr ("%s: %s\n", sql->str, sqlite3_errmsg (db));
    }
  sqlite3_finalize (stmt);
}

static int
bench_save (const char *path,
            guint       n_saves)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaStore) store = sila_store_open (path, SILA_STORE_OPEN_MUST_EXIST, &error);
  g_autoptr(SilaActor) owner = sila_actor_new_owner ();
  g_autoptr(GArray) floor_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) sila_ms = g_array_new (FALSE, FALSE, sizeof (double));
  sqlite3 *raw = NULL;
  sqlite3_stmt *insert = NULL;

  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  sqlite3_open (path, &raw);
  sqlite3_busy_timeout (raw, 5000);
  sqlite3_exec (raw, "PRAGMA synchronous = FULL; PRAGMA cache_size = -16384;", NULL, NULL, NULL);
  create_floor_table (raw);
  sqlite3_prepare_v2 (raw, "INSERT INTO bench_raw (id, file_number, id_type, id_number, "
                           "first_name, father_name, grandfather_name, family_name, "
                           "name_folded, name_key, gender, birth_date, birth_calendar, mobile, "
                           "district, segment, housing_type, rent_halalas, consent, status, "
                           "created_at, updated_at, created_by, updated_by, device_id) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
                           "?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25)",
                      -1, &insert, NULL);

  /* Each side in a run of its own: a writer on another connection would
   * empty the other's page cache at every commit, which no office does. */
  for (guint i = 0; i < n_saves + 5; i++)
    {
      g_autoptr(SilaBeneficiary) a = sample_file (i);
      gint64 t0 = g_get_monotonic_time ();
      double ms;

      raw_insert (raw, insert, a, i);
      ms = (g_get_monotonic_time () - t0) / 1000.0;
      if (i >= 5)
        g_array_append_val (floor_ms, ms);
    }

  if (g_getenv ("SILA_BENCH_PROFILE") != NULL)
    {
      profile = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      profile_runs = n_saves + 5;
      sqlite3_trace_v2 (sila_store_get_db (store), SQLITE_TRACE_PROFILE, profile_cb, NULL);
    }

  for (guint i = 0; i < n_saves + 5; i++)
    {
      g_autoptr(SilaBeneficiary) b = sample_file (i + n_saves + 10);
      gint64 t0 = g_get_monotonic_time ();
      double ms;

      if (!sila_store_create_beneficiary (store, owner, b, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      ms = (g_get_monotonic_time () - t0) / 1000.0;
      if (i >= 5)
        g_array_append_val (sila_ms, ms);
    }

  if (profile != NULL)
    print_profile ();
  sqlite3_finalize (insert);
  sqlite3_exec (raw, "DROP TABLE bench_raw", NULL, NULL, NULL);
  sqlite3_close (raw);

  {
    double f = median (floor_ms), s = median (sila_ms);

    printf ("save an intake (%u saves, durable): floor %.2f ms, sila %.2f ms, "
            "ratio %.2f (target <= 3)\n", n_saves, f, s, s / f);
  }
  return 0;
}

int
main (int    argc,
      char **argv)
{
  guint n = 0;

  setlocale (LC_ALL, "C.UTF-8");
  sila_i18n_init (SILA_LANGUAGE_ENGLISH);

  if (argc < 3)
    {
      g_printerr ("usage: %s search|save DB [N]\n", argv[0]);
      return 2;
    }
  if (argc > 3)
    n = (guint)strtoul (argv[3], NULL, 10);

  if (g_str_equal (argv[1], "search"))
    return bench_search (argv[2], n > 0 ? n : 200);
  if (g_str_equal (argv[1], "save"))
    return bench_save (argv[2], n > 0 ? n : 200);

  g_printerr ("unknown benchmark %s\n", argv[1]);
  return 2;
}
