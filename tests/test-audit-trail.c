/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The audit trail's hash chain below the command line (the migration of an
 * existing trail, the head a board approval keeps), personal data refused
 * on a read-only database, exports private from their first byte and gone
 * when they fail, and digits read safely from bytes that are not UTF-8.
 * tests/test_audit_trail.py drives the same from the command line. */
#define G_LOG_DOMAIN "sila-test"

#include "sila-config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <stdio.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include "sila-beneficiary-export.h"
#include "sila-document.h"
#include "sila-i18n.h"
#include "sila-private-file.h"
#include "sila-store-audit-chain.h"
#include "sila-store-beneficiaries.h"
#include "sila-sqlite.h"
#include "sila-store-private.h"
#include "sila-store-report.h"
#include "sila-test-requests.h"
#include "sila-test-util.h"
#include "sila-text.h"
#include "sila-workbook.h"

static gint64
count (SilaStore  *store,
       const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (sila_store_get_db (store), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static GPtrArray *
verify (SilaStore *store)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *problems = g_ptr_array_new_with_free_func (g_free);

  g_assert_true (sila_store_verify_audit_trail (store, problems, &error));
  g_assert_no_error (error);
  return problems;
}

static gboolean
mentions (GPtrArray  *problems,
          const char *text)
{
  for (guint i = 0; i < problems->len; i++)
    if (strstr (g_ptr_array_index (problems, i), text) != NULL)
      return TRUE;
  return FALSE;
}

/* A trail written before the chain existed is linked by the migration,
 * and checks sound; the same trail changed afterwards does not. */
static void
test_migrate_existing_trail (SilaTestDir   *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaStore) old = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  int latest = sila_store_get_latest_version ();
  int chained = latest;

  /* The version just before the chain's step (later steps follow it). */
  for (int v = 1; v <= latest; v++)
    {
      g_autoptr(SilaStore) probe = sila_store_open_in_memory (v, NULL);

      if (probe != NULL && sila_store_audit_is_chained (probe))
        {
          chained = v;
          break;
        }
    }

  old = sila_store_open_at_version (fixture->db_path, chained - 1, &error);
  g_assert_no_error (error);
  g_assert_true (sila_store_exec (old,
      "INSERT INTO audit_log (id, at, actor_name, device_id, action, entity, entity_id, "
      "summary, before_json, after_json) VALUES "
      "('a1', '2025-01-01T09:00:00.000Z', 'owner', 'd', 'update', 'office_settings', "
      " 'answer_window_days', NULL, '{\"value\":\"14\"}', '{\"value\":\"21\"}'),"
      "('a2', '2025-01-02T09:00:00.000Z', 'owner', 'd', 'login', 'staff', NULL, NULL, NULL, "
      " NULL),"
      "('a3', '2025-01-03T09:00:00.000Z', 'owner', 'd', 'backup', 'database', 'd', 'manual', "
      " NULL, '{}')",
      &error));
  g_assert_no_error (error);

  g_assert_true (sila_store_migrate (old, latest, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (old, "SELECT count(*) FROM audit_log WHERE chain_hash IS NULL "
                               "OR body_hash IS NULL"), ==, 0);
  g_assert_cmpint (count (old, "SELECT count(DISTINCT chain_hash) FROM audit_log"), ==, 3);
  problems = verify (old);
  g_assert_cmpuint (problems->len, ==, 0);

  /* A new entry links to the migrated ones. */
  {
    g_autoptr(SilaActor) owner = sila_actor_new_owner ();

    g_assert_true (sila_store_set_setting (old, owner, SILA_SETTING_ANSWER_WINDOW, "14", "30",
                                           &error));
    g_assert_no_error (error);
  }
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = verify (old);
  g_assert_cmpuint (problems->len, ==, 0);

  /* The trigger still keeps every entry as written. */
  g_assert_false (sila_store_exec (old, "UPDATE audit_log SET summary = 'x' WHERE id = 'a2'",
                                   &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "append-only"));
  g_clear_error (&error);

  g_assert_true (sila_store_exec (old,
                                  "DROP TRIGGER audit_log_no_update;"
                                  "UPDATE audit_log SET after_json = '{\"value\":\"99\"}' "
                                  "WHERE id = 'a1'",
                                  &error));
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = verify (old);
  g_assert_true (mentions (problems, "#1 was changed"));
}

/* A board approval keeps the head of the trail: cutting the trail back
 * past it (and AUTOINCREMENT's memory) is still found. */
static void
test_approval_keeps_head (SilaTestDir   *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaStore) store = sila_store_open (fixture->db_path, 0, &error);
  g_autoptr(SilaActor) owner = sila_actor_new_owner ();
  g_autoptr(SilaReportApproval) approval = sila_report_approval_new ();
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *head = NULL;
  g_autofree char *sql = NULL;
  gint64 head_seq;

  g_assert_no_error (error);
  g_assert_true (sila_store_set_setting (store, owner, SILA_SETTING_ANSWER_WINDOW, "14", "21",
                                         &error));
  g_assert_true (sila_store_set_setting (store, owner, SILA_SETTING_ANSWER_WINDOW, "21", "20",
                                         &error));
  g_assert_no_error (error);
  g_assert_true (sila_store_get_audit_head (store, &head, &error));
  head_seq = g_ascii_strtoll (head, NULL, 10);

  approval->period = g_strdup ("2026-03");
  g_date_set_dmy (&approval->start, 1, 3, 2026);
  g_date_set_dmy (&approval->end, 31, 3, 2026);
  g_date_set_dmy (&approval->approved_on, 15, 4, 2026);
  approval->approved_by = g_strdup ("رئيس مجلس الإدارة");
  approval->decision_number = g_strdup ("12/1447");
  approval->figures_json = g_strdup ("{}");
  g_assert_true (sila_store_record_report_approval (store, owner, approval, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (store, "SELECT count(*) FROM report_approvals "
                                 "WHERE audit_head IS NOT NULL"), ==, 1);

  problems = verify (store);
  g_assert_cmpuint (problems->len, ==, 0);

  sql = g_strdup_printf ("DROP TRIGGER audit_log_no_delete;"
                         "DELETE FROM audit_log WHERE seq >= %" G_GINT64_FORMAT ";"
                         "UPDATE sqlite_sequence SET seq = %" G_GINT64_FORMAT
                         " WHERE name = 'audit_log'",
                         head_seq, head_seq - 1);
  g_assert_true (sila_store_exec (store, sql, &error));
  g_assert_no_error (error);
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = verify (store);
  g_assert_true (mentions (problems, "board approval of 2026-03"));
  g_assert_true (mentions (problems, "were deleted"));
}

/* Nothing personal leaves a database that cannot record who saw it. */
static void
test_read_only_refuses (SilaTestDir   *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaStore) store = sila_store_open (fixture->db_path, 0, &error);
  g_autoptr(SilaStore) ro = NULL;
  g_autoptr(SilaActor) owner = sila_actor_new_owner ();
  g_autoptr(SilaBeneficiary) file = NULL;
  g_autofree char *id = NULL;
  g_autofree char *xlsx = sila_test_dir_file (fixture, "register.xlsx");

  g_assert_no_error (error);
  id = sila_test_add_beneficiary (store, owner, "100000000", "نورة");
  g_clear_object (&store);

  ro = sila_store_open (fixture->db_path, SILA_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);

  file = sila_store_open_beneficiary (ro, owner, id, &error);
  g_assert_null (file);
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "cannot be written to"));
  g_clear_error (&error);

  g_assert_false (sila_beneficiary_export_xlsx (ro, owner, xlsx, NULL, &error));
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (g_file_test (xlsx, G_FILE_TEST_EXISTS));

  g_assert_false (sila_store_record_access (ro, owner, SILA_PERM_REQUEST_VIEW, "view", "request",
                                            "x", NULL, &error));
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_READ_ONLY);
}

static guint
n_files_in (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (d != NULL && g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static void
test_private_file (SilaTestDir   *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = sila_test_dir_file (fixture, "out.pdf");
  SilaPrivateFile *file;
  GStatBuf st;
  mode_t saved = umask (0);  /* the most open umask: the file is 0600 all the same */

  file = sila_private_file_begin (path, &error);
  g_assert_no_error (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpint (g_stat (sila_private_file_get_partial (file), &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  /* As the libraries write it: opened again by name, truncated. */
  {
    FILE *out = g_fopen (sila_private_file_get_partial (file), "wb");

    g_assert_nonnull (out);
    fputs ("x", out);
    fclose (out);
  }
  g_assert_true (sila_private_file_commit (file, &error));
  g_assert_no_error (error);
  sila_private_file_free (file);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpuint (n_files_in (fixture->dir), ==, 1);

  /* Not committed: gone. */
  file = sila_private_file_begin (path, &error);
  g_assert_cmpuint (n_files_in (fixture->dir), ==, 2);
  sila_private_file_free (file);
  g_assert_cmpuint (n_files_in (fixture->dir), ==, 1);
  umask (saved);
}

/* A disk that fills up half-way (a file size limit stands for it): the
 * export fails, and no partial file is left, at its name or beside it. */
static void
with_small_disk (void (*func) (const char *dir), SilaTestDir *fixture)
{
  struct rlimit saved, small;

  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  signal (SIGXFSZ, SIG_IGN);
  small = saved;
  small.rlim_cur = 2048;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &small), ==, 0);
  func (fixture->dir);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  g_assert_cmpuint (n_files_in (fixture->dir), ==, 0);
}

static void
write_workbook (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, "register.xlsx", NULL);
  SilaWorkbook *workbook = sila_workbook_new (path, TRUE, FALSE, &error);
  SilaSheet *sheet;
  const char *headers[] = { "الاسم" };
  double widths[] = { 30 };
  SilaColumnKind kinds[] = { SILA_COLUMN_TEXT };

  g_assert_no_error (error);
  sheet = sila_workbook_add_sheet (workbook, "سجل");
  sila_sheet_set_columns (sheet, 0, 1, headers, widths, kinds);
  for (guint row = 1; row < 400; row++)
    {
      g_autofree char *name = g_strdup_printf ("نورة سعد عبد الله الحربي %u", row * 7919);

      sila_sheet_write_text (sheet, row, 0, name);
    }
  g_assert_false (sila_workbook_close (workbook, &error));
  g_assert_nonnull (error);
  sila_workbook_free (workbook);
}

static void
write_pdf (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, "person.pdf", NULL);
  g_autoptr(SilaDocument) document = sila_document_new ("بياناتك الشخصية");

  for (guint i = 0; i < 40; i++)
    sila_document_add_paragraph (document, "نورة سعد عبد الله الحربي، رقم الهوية 1000000008");
  g_assert_false (sila_document_write_pdf (document, path, &error));
  g_assert_nonnull (error);
}

static void
test_failed_workbook (SilaTestDir   *fixture,
                      gconstpointer  data)
{
  with_small_disk (write_workbook, fixture);
}

static void
test_failed_pdf (SilaTestDir   *fixture,
                 gconstpointer  data)
{
  with_small_disk (write_pdf, fixture);
}

/* Bytes that are not UTF-8 are read one at a time, never past the end. */
static void
test_digits_invalid_utf8 (void)
{
  static const struct { const char *in; const char *out; } cases[] = {
    { "12\xd9", "12\xef\xbf\xbd" },
    { "\xd9\xa1\xd9", "1\xef\xbf\xbd" },
    { "\xe0\x80", "\xef\xbf\xbd\xef\xbf\xbd" },
    { "\xff" "3", "\xef\xbf\xbd" "3" },
    { "٢٠٢٦-۰٣", "2026-03" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      /* Exactly as long as the text: a read past it is caught by ASan. */
      g_autofree char *in = g_strdup (cases[i].in);
      g_autofree char *out = sila_text_digits_to_ascii (in);

      g_assert_cmpstr (out, ==, cases[i].out);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  sila_i18n_init (SILA_LANGUAGE_ENGLISH);

#define ADD(path, func) \
  g_test_add (path, SilaTestDir, NULL, sila_test_dir_setup, func, sila_test_dir_teardown)

  ADD ("/sila/audit-trail/migrate-existing", test_migrate_existing_trail);
  ADD ("/sila/audit-trail/approval-keeps-head", test_approval_keeps_head);
  ADD ("/sila/audit-trail/read-only-refuses", test_read_only_refuses);
  ADD ("/sila/audit-trail/private-file", test_private_file);
  ADD ("/sila/audit-trail/failed-workbook", test_failed_workbook);
  ADD ("/sila/audit-trail/failed-pdf", test_failed_pdf);
  g_test_add_func ("/sila/audit-trail/digits-invalid-utf8", test_digits_invalid_utf8);

  return g_test_run ();
}
