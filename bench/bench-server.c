/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Store benchmarks on a PostgreSQL server (issue 14, "Measured"), each
 * against a floor measured in the same run through the driver seam
 * (sila-db.h: prepare, bind, step) on a connection of its own:
 *
 *   search  search as you type on the registry: for each keystroke
 *           sila_store_search_beneficiaries() (the folded prefix query, the
 *           newest 50 files and their rows), and the window's list: what a
 *           keystroke costs on the main thread (sila_beneficiary_list's
 *           query: its first 60 numbers, then the first page's rows), and
 *           apart the time until its whole list is known (read in a thread
 *           on a second connection). The floors are the same tsquery on
 *           the GIN index alone (the newest 50; the newest 60; every file
 *           number), already folded.
 *   save    saving an intake through the store (one transaction: the file,
 *           household rows, incomes, search tokens, audit) against a raw
 *           insert of the same rows in one transaction (BEGIN, one INSERT
 *           per row into tables made LIKE the store's, COMMIT).
 *
 * usage: bench-server search CONNINFO [FILES]
 *        bench-server save CONNINFO [SAVES]
 * Prints "key value" lines; bench/run.py (server) drives it. */
#define G_LOG_DOMAIN "sila-bench"

#include "sila-config.h"

#include <glib.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include "sila-beneficiary-list.h"
#include "sila-i18n.h"
#include "sila-national-id.h"
#include "sila-pg.h"
#include "sila-phone.h"
#include "sila-store-beneficiaries-private.h"

#define PAGE 50

static int
compare_double (const void *a,
                const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return x < y ? -1 : x > y;
}

static double
percentile (GArray *values,
            double  p)
{
  g_array_sort (values, compare_double);
  return g_array_index (values, double, MIN (values->len - 1, (guint)(values->len * p)));
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static SilaDb *
raw_connect (const char *conninfo)
{
  SilaPgConnectFailure failure;
  g_autofree char *detail = NULL;
  SilaDb *db = sila_pg_connect (conninfo, FALSE, &failure, &detail);

  if (db == NULL)
    {
      g_printerr ("cannot connect: %s\n", detail);
      exit (2);
    }
  return db;
}

static SilaStatement *
raw_prepare (SilaDb     *db,
             const char *sql)
{
  SilaStatement *stmt = db->driver->prepare (db, sql);

  if (stmt == NULL)
    {
      g_printerr ("%s: %s\n", sql, db->driver->message (db));
      exit (1);
    }
  return stmt;
}

static void
raw_exec (SilaDb     *db,
          const char *sql)
{
  if (!db->driver->exec (db, sql))
    {
      g_printerr ("%s: %s\n", sql, db->driver->message (db));
      exit (1);
    }
}

/* Spelling variants people type for the same name; the store folds them
 * all to one form. 1: hamza dropped from alif, ta marbuta as ha, alif
 * maqsura as ya. 2: a hamza on a leading alif, a final ya as alif maqsura,
 * a tatweel and a fatha inside each word. */
static char *
variant (const char *text,
         guint       kind)
{
  GString *out = g_string_new (NULL);
  gboolean word_start = TRUE;
  guint in_word = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gunichar next = g_utf8_get_char (g_utf8_next_char (p));
      gboolean word_end = next == 0 || next == ' ';

      if (c == ' ')
        {
          g_string_append_c (out, ' ');
          word_start = TRUE;
          in_word = 0;
          continue;
        }
      if (kind == 1)
        {
          if (c == 0x0623 || c == 0x0625 || c == 0x0622)
            c = 0x0627;
          else if (c == 0x0629)
            c = 0x0647;
          else if (c == 0x0649)
            c = 0x064A;
        }
      else
        {
          if (word_start && c == 0x0627)
            c = 0x0623;
          else if (word_end && c == 0x064A)
            c = 0x0649;
        }
      g_string_append_unichar (out, c);
      in_word++;
      if (kind == 2 && in_word == 1 && !word_end)
        g_string_append_unichar (out, 0x064E);  /* fatha */
      if (kind == 2 && in_word == 2 && !word_end)
        g_string_append_unichar (out, 0x0640);  /* tatweel */
      word_start = FALSE;
    }
  return g_string_free (out, FALSE);
}

/* Mobiles typed in Arabic-Indic digits, as many keyboards give them. */
static char *
arabic_digits (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_unichar (out, 0x0660 + (*p - '0'));
    else
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

/* What an officer types, a keystroke at a time: a first and family name
 * of a file in the registry (as written, and in two spelling variants),
 * or its mobile in Arabic-Indic digits. */
static GPtrArray *
make_queries (SilaStore *store,
              gint64     count,
              guint      n_files)
{
  GPtrArray *queries = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(SilaActor) owner = sila_actor_new_owner ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);

  for (guint i = 0; i < n_files; i++)
    {
      g_autoptr(SilaBeneficiary) file = NULL;
      g_autofree char *name = NULL;
      g_autofree char *typed = NULL;
      g_autofree char *display = NULL;
      gint64 number = 1001 + g_rand_int_range (rand, 0, (gint32)count);
      glong len;

      if (!sila_store_find_beneficiary_by_file_number (store, owner, number, &file, NULL) ||
          file == NULL)
        continue;

      name = g_strdup_printf ("%s %s", file->name[0], file->name[3]);
      switch (i % 4)
        {
        case 0:
          typed = g_strdup (name);
          break;
        case 1:
        case 2:
          typed = variant (name, i % 4);
          break;
        default:
          display = sila_phone_format_display (file->mobile);
          typed = arabic_digits (display);
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

static guint
raw_numbers (SilaStatement *stmt,
             const char    *match,
             gint64         limit)
{
  guint n = 0;
  SilaStep step;

  sila_bind_text (stmt, 1, match);
  sila_bind_int64 (stmt, 2, limit);
  while ((step = stmt->driver->step (stmt)) == SILA_STEP_ROW)
    n++;
  if (step == SILA_STEP_ERROR)
    {
      g_printerr ("%s\n", stmt->db->driver->message (stmt->db));
      exit (1);
    }
  stmt->driver->reset (stmt);
  return n;
}

static int
bench_search (const char *conninfo,
              guint       n_files)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaStore) store = sila_store_open (conninfo, SILA_STORE_OPEN_MUST_EXIST, &error);
  g_autoptr(SilaActor) owner = sila_actor_new_owner ();
  g_autoptr(GPtrArray) queries = NULL;
  g_autoptr(SilaBeneficiaryList) list = NULL;
  GArray *times[6];
  SilaDb *raw;
  SilaStatement *stmt;
  gint64 count = 0;
  guint n_measured = 0;
  const char *names[6] = {
    "floor-page", "search", "floor-first", "floor-all", "list", "list-whole",
  };

  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  sila_store_count_beneficiaries (store, owner, &count, NULL);
  queries = make_queries (store, count, n_files);
  for (guint k = 0; k < 6; k++)
    times[k] = g_array_new (FALSE, FALSE, sizeof (double));
  list = sila_beneficiary_list_new (store, owner);

  /* The store's own text for the index (SILA_DB_SQL_SEARCH_NUMBERS), the
   * parameter numbered from 1. */
  raw = raw_connect (conninfo);
  /* The floor's statement is planned for each keystroke's own prefix, as
   * the store's search statements are (SILA_PG_PLAN_EACH_TIME): the plan
   * PostgreSQL settles on for any value after five runs of a prepared
   * statement made the floor some 5 ms, and every matching number 60 ms. */
  if (!raw->driver->exec (raw, "SET plan_cache_mode = force_custom_plan"))
    {
      g_printerr ("%s\n", raw->driver->message (raw));
      return 1;
    }
  stmt = raw_prepare (raw, "SELECT file_number FROM beneficiary_search "
                           "WHERE tokens @@ CAST (lower (CAST (?1 AS text)) AS tsquery) "
                           "ORDER BY file_number DESC LIMIT ?2");

  /* The first pass warms the server's caches and both connections'
   * prepared statements; the second is measured. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < queries->len; i++)
      {
        const char *text = g_ptr_array_index (queries, i);
        g_autofree char *match = sila_store_beneficiary_match_query (store, text);
        g_autoptr(GPtrArray) found = NULL;
        g_autoptr(SilaBeneficiaryRow) first = NULL;
        double t[7];
        guint n_page, n_first, n_all, n_shown;
        gboolean ok;

        if (match == NULL)
          continue;

        t[0] = now_ms ();
        n_page = raw_numbers (stmt, match, PAGE);
        t[1] = now_ms ();
        found = sila_store_search_beneficiaries (store, owner, text, NULL, PAGE, &error);
        t[2] = now_ms ();
        n_first = raw_numbers (stmt, match, SILA_BENEFICIARY_LIST_FIRST_ROWS);
        t[3] = now_ms ();
        n_all = raw_numbers (stmt, match, G_MAXINT64);
        t[4] = now_ms ();
        /* A keystroke in the window: the list's query, and the first
         * page's rows the view asks for at once. */
        ok = found != NULL && sila_beneficiary_list_set_query (list, text, NULL, &error);
        n_shown = g_list_model_get_n_items (G_LIST_MODEL (list));
        if (ok && n_shown > 0)
          first = g_list_model_get_item (G_LIST_MODEL (list), 0);
        t[5] = now_ms ();
        /* Until the whole list is known, from the keystroke. */
        while (ok && sila_beneficiary_list_is_loading (list))
          g_main_context_iteration (NULL, TRUE);
        t[6] = now_ms ();
        if (!ok)
          {
            g_printerr ("%s\n", error->message);
            return 1;
          }
        /* The same files on both sides, or the comparison means nothing. */
        if (found->len != n_page || n_shown != n_first ||
            g_list_model_get_n_items (G_LIST_MODEL (list)) != n_all ||
            (n_shown > 0 && sila_beneficiary_row_get_file_number (first) !=
                            sila_beneficiary_list_get_file_number (list, 0)))
          {
            g_printerr ("%s: the store found %u/%u/%u, the raw query %u/%u/%u\n", text,
                        found->len, n_shown, g_list_model_get_n_items (G_LIST_MODEL (list)),
                        n_page, n_first, n_all);
            return 1;
          }

        if (pass == 1)
          {
            double whole = t[6] - t[4];

            for (guint k = 0; k < 5; k++)
              {
                double ms = t[k + 1] - t[k];

                g_array_append_val (times[k], ms);
              }
            g_array_append_val (times[5], whole);
            n_measured++;
          }
      }

  stmt->driver->finalize (stmt);
  raw->driver->close (raw);

  printf ("files %" G_GINT64_FORMAT "\nkeystrokes %u\n", count, n_measured);
  for (guint k = 0; k < 6; k++)
    {
      printf ("%s-ms %.3f\n%s-p90-ms %.3f\n", names[k], percentile (times[k], 0.5), names[k],
              percentile (times[k], 0.9));
      g_array_unref (times[k]);
    }
  return 0;
}

static SilaBeneficiary *
sample_file (guint i)
{
  g_autoptr(SilaBeneficiaryInput) in = sila_beneficiary_input_new ();
  g_autofree char *nine = g_strdup_printf ("17%07u", i);
  g_autofree char *id = g_strdup_printf ("%s%c", nine, sila_national_id_check_digit (nine));
  g_autofree char *mobile = g_strdup_printf ("058%07u", i);
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

/* The tables a save writes, and how to find a save's rows in each. */
static const struct {
  const char *table;
  const char *where;
} saved[] = {
  { "beneficiaries", "id = ?1" },
  { "household_members", "beneficiary_id = ?1" },
  { "beneficiary_incomes", "beneficiary_id = ?1" },
  { "beneficiary_search", "file_number = CAST (?2 AS bigint)" },
  { "audit_log", "entity_id = ?1" },
};

typedef struct {
  guint  table;
  int    n;
  char **values;   /* as text; NULL is SQL NULL */
} Row;

static void
row_free (Row *row)
{
  for (int i = 0; i < row->n; i++)
    g_free (row->values[i]);
  g_free (row->values);
  g_free (row);
}

/* The rows the store wrote for one file, read back as text. */
static GPtrArray *
read_rows (SilaStatement        **select,
           const SilaBeneficiary *file)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify)row_free);
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, file->file_number);

  for (guint t = 0; t < G_N_ELEMENTS (saved); t++)
    {
      sila_bind_text (select[t], 1, file->id);
      sila_bind_text (select[t], 2, number);
      while (select[t]->driver->step (select[t]) == SILA_STEP_ROW)
        {
          Row *row = g_new0 (Row, 1);

          row->table = t;
          row->n = sila_column_count (select[t]);
          row->values = g_new0 (char *, row->n);
          for (int c = 0; c < row->n; c++)
            row->values[c] = sila_column_dup (select[t], c);
          g_ptr_array_add (rows, row);
        }
      select[t]->driver->reset (select[t]);
    }
  return rows;
}

static int
bench_save (const char *conninfo,
            guint       n_saves)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaStore) store = sila_store_open (conninfo, SILA_STORE_OPEN_MUST_EXIST, &error);
  g_autoptr(SilaActor) owner = sila_actor_new_owner ();
  g_autoptr(GArray) floor_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) sila_ms = g_array_new (FALSE, FALSE, sizeof (double));
  SilaStatement *select[G_N_ELEMENTS (saved)];
  SilaStatement *insert[G_N_ELEMENTS (saved)];
  guint base = g_random_int_range (0, 9000000);
  guint n_rows = 0;
  SilaDb *raw;

  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  /* The floor's tables: the store's own definitions (columns, defaults,
   * checks, indexes) under other names, without triggers or foreign
   * keys. */
  raw = raw_connect (conninfo);
  for (guint t = 0; t < G_N_ELEMENTS (saved); t++)
    {
      g_autofree char *make = g_strdup_printf ("DROP TABLE IF EXISTS bench_raw_%s; "
                                               "CREATE TABLE bench_raw_%s (LIKE %s INCLUDING "
                                               "ALL)", saved[t].table, saved[t].table,
                                               saved[t].table);
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s WHERE %s AND "
                                              "CAST (?2 AS text) IS NOT NULL", saved[t].table,
                                              saved[t].where);
      g_autoptr(GString) values = g_string_new (NULL);
      g_autofree char *ins = NULL;
      int n;

      raw_exec (raw, make);
      select[t] = raw_prepare (raw, sql);
      /* As many parameters as the table has columns. */
      g_free (sql);
      sql = g_strdup_printf ("SELECT count(*) FROM pg_attribute WHERE attrelid = "
                             "to_regclass ('%s') AND attnum > 0 AND NOT attisdropped",
                             saved[t].table);
      {
        SilaStatement *probe = raw_prepare (raw, sql);

        probe->driver->step (probe);
        n = (int)sila_column_int64 (probe, 0);
        probe->driver->finalize (probe);
      }
      for (int c = 1; c <= n; c++)
        g_string_append_printf (values, "%s?%d", c > 1 ? ", " : "", c);
      ins = g_strdup_printf ("INSERT INTO bench_raw_%s VALUES (%s)", saved[t].table,
                             values->str);
      insert[t] = raw_prepare (raw, ins);
    }

  /* Alternately, so that both sides meet the same load on a shared
   * machine: the store saves a file, then the floor writes its rows. */
  for (guint i = 0; i < n_saves + 5; i++)
    {
      g_autoptr(SilaBeneficiary) file = sample_file (base + i);
      g_autoptr(GPtrArray) rows = NULL;
      double t0, t1, t2;

      t0 = now_ms ();
      if (!sila_store_create_beneficiary (store, owner, file, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      t1 = now_ms ();

      rows = read_rows (select, file);
      n_rows = rows->len;
      t2 = now_ms ();
      raw_exec (raw, "BEGIN");
      for (guint r = 0; r < rows->len; r++)
        {
          Row *row = g_ptr_array_index (rows, r);
          SilaStatement *stmt = insert[row->table];

          for (int c = 0; c < row->n; c++)
            sila_bind_text (stmt, c + 1, row->values[c]);
          if (stmt->driver->step (stmt) == SILA_STEP_ERROR)
            {
              g_printerr ("%s: %s\n", saved[row->table].table, raw->driver->message (raw));
              return 1;
            }
          stmt->driver->reset (stmt);
        }
      raw_exec (raw, "COMMIT");

      if (i >= 5)
        {
          double s = t1 - t0, f = now_ms () - t2;

          g_array_append_val (sila_ms, s);
          g_array_append_val (floor_ms, f);
        }
    }

  for (guint t = 0; t < G_N_ELEMENTS (saved); t++)
    {
      g_autofree char *drop = g_strdup_printf ("DROP TABLE bench_raw_%s", saved[t].table);

      select[t]->driver->finalize (select[t]);
      insert[t]->driver->finalize (insert[t]);
      raw_exec (raw, drop);
    }
  raw->driver->close (raw);

  printf ("saves %u\nrows-per-save %u\n", n_saves, n_rows);
  printf ("save-ms %.3f\nsave-p90-ms %.3f\n", percentile (sila_ms, 0.5),
          percentile (sila_ms, 0.9));
  printf ("floor-ms %.3f\nfloor-p90-ms %.3f\n", percentile (floor_ms, 0.5),
          percentile (floor_ms, 0.9));
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
      g_printerr ("usage: %s search|save CONNINFO [N]\n", argv[0]);
      return 2;
    }
  if (argc > 3)
    n = (guint)strtoul (argv[3], NULL, 10);

  if (g_str_equal (argv[1], "search"))
    return bench_search (argv[2], n > 0 ? n : 100);
  if (g_str_equal (argv[1], "save"))
    return bench_save (argv[2], n > 0 ? n : 200);

  g_printerr ("unknown benchmark %s\n", argv[1]);
  return 2;
}
