/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Moving an office into another database (sila-store-copy.c), SQLite to
 * SQLite: the report's hand-computed fixture copied whole, row for row; a
 * copy that comes out different in any way (a count, a figure, the audit
 * chain) rolled back; a target that holds data refused. The same copy into
 * PostgreSQL is tests/test_db_copy_server.py. */
#define G_LOG_DOMAIN "test-db-copy"

#include "sila-config.h"

#include <glib.h>
#include <sqlite3.h>

#include "sila-report-figures.h"
#include "sila-sqlite.h"
#include "sila-store-audit-chain.h"
#include "sila-store-beneficiaries.h"
#include "sila-store-copy.h"
#include "sila-test-reports.h"
#include "sila-test-staff.h"

static sqlite3 *
raw (SilaStore *store)
{
  return sila_store_get_db (store);
}

static gint64
raw_int (SilaStore  *store,
         const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (raw (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* Every row of @table as text, sorted: two tables hold the same rows when
 * these are equal. */
static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

static char *
table_dump (SilaStore  *store,
            const char *table,
            const char *where)
{
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s%s%s", table,
                                          where != NULL ? " WHERE " : "",
                                          where != NULL ? where : "");
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) all = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (raw (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(GString) row = g_string_new (NULL);

      for (int c = 0; c < sqlite3_column_count (stmt); c++)
        {
          int type = sqlite3_column_type (stmt, c);

          g_string_append_printf (row, "%d:", type);
          if (type == SQLITE_BLOB)
            {
              g_autofree char *sum =
                g_compute_checksum_for_data (G_CHECKSUM_SHA256, sqlite3_column_blob (stmt, c),
                                             sqlite3_column_bytes (stmt, c));
              g_string_append (row, sum);
            }
          else if (type != SQLITE_NULL)
            g_string_append (row, (const char *)sqlite3_column_text (stmt, c));
          g_string_append_c (row, '|');
        }
      g_ptr_array_add (rows, g_string_free (g_steal_pointer (&row), FALSE));
    }
  sqlite3_finalize (stmt);

  g_ptr_array_sort (rows, compare_rows);
  for (guint i = 0; i < rows->len; i++)
    g_string_append_printf (all, "%s\n", (const char *)g_ptr_array_index (rows, i));
  return g_string_free (g_steal_pointer (&all), FALSE);
}

static SilaStore *
new_target (Fixture *f)
{
  g_autofree char *path = sila_test_dir_file (&f->dir, "server.db");
  g_autoptr(GError) error = NULL;
  SilaStore *target = sila_store_open (path, SILA_STORE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  return target;
}

typedef struct {
  guint n_months;
  guint n_calls;
} Verified;

/* What the command line compares: the report of every month, as the JSON
 * the board's approval keeps. */
static gboolean
verify_cb (SilaStore        *source,
           SilaStore        *target,
           const SilaActor  *actor,
           GPtrArray        *differences,
           gpointer          user_data,
           GError          **error)
{
  Verified *verified = user_data;
  g_auto(GStrv) months = sila_store_request_months (source, actor, error);

  verified->n_calls++;
  if (months == NULL)
    return FALSE;
  for (guint i = 0; months[i] != NULL; i++)
    {
      g_autoptr(SilaReportFigures) here = NULL;
      g_autoptr(SilaReportFigures) there = NULL;
      g_autofree char *a = NULL;
      g_autofree char *b = NULL;
      SilaPeriod period;

      g_assert_true (sila_period_parse (months[i], &period, NULL));
      here = sila_report_figures_compute (source, actor, &period, error);
      there = sila_report_figures_compute (target, actor, &period, error);
      if (here == NULL || there == NULL)
        return FALSE;
      a = sila_report_figures_to_json (here);
      b = sila_report_figures_to_json (there);
      if (!g_str_equal (a, b))
        g_ptr_array_add (differences, g_strdup_printf ("report %s", months[i]));
      verified->n_months++;
    }
  return TRUE;
}

static gboolean
differences_mention (SilaCopyResult *result,
                     const char     *text)
{
  for (guint i = 0; i < result->differences->len; i++)
    if (strstr (g_ptr_array_index (result->differences, i), text) != NULL)
      return TRUE;
  return FALSE;
}

static void
test_copy_is_whole (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaStore) target = new_target (f);
  g_autoptr(SilaActor) admin = sila_test_admin (f->store);
  g_autoptr(SilaCopyResult) result = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  Verified verified = { 0 };
  gint64 entries;

  entries = raw_int (f->store, "SELECT count (*) FROM audit_log");
  g_assert_true (sila_store_copy_check_target (target, &error));
  result = sila_store_copy_to (f->store, target, admin, "office.db", NULL, verify_cb, &verified,
                               &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  for (guint i = 0; i < result->differences->len; i++)
    g_test_message ("%s", (const char *)g_ptr_array_index (result->differences, i));
  g_assert_cmpuint (result->differences->len, ==, 0);
  g_assert_cmpuint (verified.n_calls, ==, 1);
  /* The fixture's requests span February and March 2026. */
  g_assert_cmpuint (verified.n_months, >=, 2);
  g_assert_cmpint (result->audit_entries, ==, entries);

  /* Row for row, every table; the audit trail gains one entry, the copy. */
  for (const char * const *t = sila_store_copy_tables (); *t != NULL; t++)
    {
      g_autofree char *here = NULL;
      g_autofree char *there = NULL;
      g_autofree char *exists = g_strdup_printf ("SELECT count (*) FROM sqlite_schema "
                                                 "WHERE type = 'table' AND name = '%s'", *t);

      /* Listed for a later version of the schema. */
      if (raw_int (f->store, exists) == 0)
        continue;
      if (g_str_equal (*t, "audit_log"))
        {
          g_autofree char *last = g_strdup_printf ("seq <= %" G_GINT64_FORMAT, entries);

          here = table_dump (f->store, *t, NULL);
          there = table_dump (target, *t, last);
        }
      else
        {
          here = table_dump (f->store, *t, NULL);
          there = table_dump (target, *t, NULL);
        }
      if (g_strcmp0 (here, there) != 0)
        g_error ("table %s differs after the copy:\n%s\n---\n%s", *t, here, there);
    }
  {
    g_autofree char *here = table_dump (f->store, "survey_stats", NULL);
    g_autofree char *there = table_dump (target, "survey_stats", NULL);

    g_assert_cmpstr (here, ==, there);
    g_assert_cmpint (raw_int (target, "SELECT count (*) FROM survey_stats"), >, 0);
  }
  g_assert_cmpint (raw_int (target, "SELECT count (*) FROM audit_log"), ==, entries + 1);
  g_assert_cmpint (raw_int (target, "SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'"),
                   ==, entries + 1);

  /* The chain holds, and goes on from the file's. */
  g_assert_true (sila_store_verify_audit_trail (target, problems, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", (const char *)g_ptr_array_index (problems, i));
  g_assert_cmpuint (problems->len, ==, 0);

  /* The search index was rebuilt: a file is found by another spelling. */
  {
    g_autoptr(GPtrArray) found_here = NULL;
    g_autoptr(GPtrArray) found_there = NULL;

    found_here = sila_store_search_beneficiaries (f->store, admin, "عتيبى", NULL, 50, &error);
    g_assert_no_error (error);
    found_there = sila_store_search_beneficiaries (target, admin, "عتيبى", NULL, 50, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (found_here->len, >, 0);
    g_assert_cmpuint (found_here->len, ==, found_there->len);
  }

  /* Now it holds an office: a second copy is refused, and changes nothing. */
  g_clear_pointer (&result, sila_copy_result_free);
  entries = raw_int (target, "SELECT count (*) FROM audit_log");
  result = sila_store_copy_to (f->store, target, admin, "office.db", NULL, NULL, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "requests"));
  g_assert_cmpint (raw_int (target, "SELECT count (*) FROM audit_log"), ==, entries);
}

static void
assert_untouched (SilaStore *target)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (raw_int (target, "SELECT count (*) FROM requests"), ==, 0);
  g_assert_cmpint (raw_int (target, "SELECT count (*) FROM beneficiaries"), ==, 0);
  g_assert_cmpint (raw_int (target, "SELECT count (*) FROM audit_log"), ==, 0);
  g_assert_cmpint (raw_int (target, "SELECT count (*) FROM survey_stats"), ==, 0);
  /* Still fit to copy into. */
  g_assert_true (sila_store_copy_check_target (target, &error));
  g_assert_no_error (error);
}

/* A target that changes a delivery's amount as it is written: every count
 * agrees, the report does not. */
static void
test_a_different_figure_rolls_back (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaStore) target = new_target (f);
  g_autoptr(SilaActor) admin = sila_test_admin (f->store);
  g_autoptr(SilaCopyResult) result = NULL;
  Verified verified = { 0 };

  g_assert_cmpint (sqlite3_exec (raw (target),
                                 "CREATE TEMP TRIGGER skew AFTER INSERT ON main.deliveries BEGIN "
                                 "UPDATE deliveries SET amount_halalas = amount_halalas + 100 "
                                 "WHERE id = NEW.id; END",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  result = sila_store_copy_to (f->store, target, admin, "office.db", NULL, verify_cb, &verified,
                               &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  g_assert_true (differences_mention (result, "report 2026-03"));
  g_assert_false (differences_mention (result, "Table"));
  assert_untouched (target);
}

/* A target that loses rows of one table as they are written. */
static void
test_a_different_count_rolls_back (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaStore) target = new_target (f);
  g_autoptr(SilaActor) admin = sila_test_admin (f->store);
  g_autoptr(SilaCopyResult) result = NULL;

  g_assert_cmpint (sila_store_get_schema_version (target), >, 0);
  g_assert_cmpint (sqlite3_exec (raw (target),
                                 "CREATE TEMP TRIGGER lose AFTER INSERT ON main.request_events "
                                 "WHEN NEW.rowid % 7 = 0 BEGIN "
                                 "DELETE FROM request_events WHERE rowid = NEW.rowid; END",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  result = sila_store_copy_to (f->store, target, admin, "office.db", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  g_assert_true (differences_mention (result, "Table request_events"));
  assert_untouched (target);
}

/* Survey statistics the target's triggers would make differently. */
static void
test_different_statistics_roll_back (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaStore) target = new_target (f);
  g_autoptr(SilaActor) admin = sila_test_admin (f->store);
  g_autoptr(SilaCopyResult) result = NULL;

  g_assert_cmpint (raw_int (f->store, "SELECT count (*) FROM survey_answers"), >, 0);
  g_assert_cmpint (sqlite3_exec (raw (target),
                                 "CREATE TEMP TRIGGER twice AFTER INSERT ON main.survey_answers "
                                 "WHEN NEW.value = 5 BEGIN UPDATE survey_stats SET n = n + 1 "
                                 "WHERE code <> '' AND value = '5'; END",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  result = sila_store_copy_to (f->store, target, admin, "office.db", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  g_assert_true (differences_mention (result, "Table survey_stats"));
  assert_untouched (target);
}

/* Only someone who may back the office up may copy all of it. */
static void
test_needs_the_backup_permission (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaStore) target = new_target (f);
  g_autoptr(SilaCopyResult) result = NULL;

  result = sila_store_copy_to (f->store, target, f->manager, "office.db", NULL, NULL, NULL,
                               &error);
  g_assert_null (result);
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DENIED);
  assert_untouched (target);
}

/* The list of copied tables is the schema's: nothing left out, nothing
 * that is not there. */
static void
test_every_table_is_listed (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GHashTable) listed = g_hash_table_new (g_str_hash, g_str_equal);
  sqlite3_stmt *stmt = NULL;
  guint n = 0;

  for (const char * const *t = sila_store_copy_tables (); *t != NULL; t++)
    g_hash_table_add (listed, (gpointer)*t);
  for (const char * const *t = sila_store_copy_rebuilt_tables (); *t != NULL; t++)
    g_hash_table_add (listed, (gpointer)*t);

  g_assert_cmpint (sqlite3_prepare_v2 (raw (f->store),
                                       "SELECT name FROM sqlite_schema WHERE type = 'table' "
                                       "AND name NOT LIKE 'sqlite_%' "
                                       "AND name NOT LIKE 'beneficiary_search_%'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *name = (const char *)sqlite3_column_text (stmt, 0);

      if (!g_hash_table_contains (listed, name))
        g_error ("table %s is not copied", name);
      n++;
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (n, >, 30);

  /* Parents first: every table a table refers to comes before it. */
  {
    const char * const *tables = sila_store_copy_tables ();

    for (guint i = 0; tables[i] != NULL; i++)
      {
        g_autofree char *sql = g_strdup_printf ("SELECT \"table\" FROM "
                                                "pragma_foreign_key_list ('%s')", tables[i]);

        g_assert_cmpint (sqlite3_prepare_v2 (raw (f->store), sql, -1, &stmt, NULL), ==,
                         SQLITE_OK);
        while (sqlite3_step (stmt) == SQLITE_ROW)
          {
            const char *parent = (const char *)sqlite3_column_text (stmt, 0);
            gboolean before = FALSE;

            for (guint j = 0; j < i && !before; j++)
              before = g_str_equal (tables[j], parent);
            if (!before)
              g_error ("%s is copied before %s, which it refers to", tables[i], parent);
          }
        sqlite3_finalize (stmt);
      }
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add (name, Fixture, NULL, sila_test_report_fixture_setup, func, \
              sila_test_report_fixture_teardown)

  ADD ("/db-copy/whole", test_copy_is_whole);
  ADD ("/db-copy/figure-differs", test_a_different_figure_rolls_back);
  ADD ("/db-copy/count-differs", test_a_different_count_rolls_back);
  ADD ("/db-copy/statistics-differ", test_different_statistics_roll_back);
  ADD ("/db-copy/permission", test_needs_the_backup_permission);
  ADD ("/db-copy/tables", test_every_table_is_listed);

  return g_test_run ();
}
