/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The import loops' options on real SQLite files: progress is reported
 * from the first row to 1.0, and Stop (the cancellable, cancelled from the
 * progress function part-way) rolls the whole import back, for each of
 * the three imports — no file, no request, no response, and no record of
 * the batch, so that the same file can be imported again afterwards. */
#include "sila-config.h"

#include <gio/gio.h>

#include "sila-i18n.h"
#include "sila-national-id.h"
#include "sila-store-beneficiaries.h"
#include "sila-store-import.h"
#include "sila-store-request-import.h"
#include "sila-store-surveys.h"
#include "sila-survey-import.h"
#include "sila-test-staff.h"
#include "sila-test-util.h"

typedef struct {
  GCancellable *cancellable;
  guint         stop_at;     /* cancel once this many rows were handled (the first
                             * row is always reported); 0: never */
  guint         calls;
  double        last;
  gboolean      backwards;
} Watch;

static void
watch_cb (double   fraction,
          guint    rows,
          gpointer user_data)
{
  Watch *w = user_data;

  if (fraction < w->last)
    w->backwards = TRUE;
  w->last = fraction;
  w->calls++;
  if (w->stop_at > 0 && rows >= w->stop_at)
    g_cancellable_cancel (w->cancellable);
}

static char *
write_file (SilaTestDir *dir,
            const char  *name,
            const char  *text)
{
  char *path = sila_test_dir_file (dir, name);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return path;
}

/* @n beneficiaries with valid, different national IDs. */
static char *
register_text (guint n)
{
  static const char *const first[] = { "محمد", "أحمد", "خالد", "سعد", "فهد", "ناصر" };
  GString *text = g_string_new ("national_id,name,mobile\n");

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *nine = g_strdup_printf ("1%08u", 30000000 + i);

      g_string_append_printf (text, "%s%c,%s %s %s الشمري,0552%06u\n", nine,
                              sila_national_id_check_digit (nine), first[i % 6],
                              first[(i / 6) % 6], first[(i / 36) % 6], i);
    }
  return g_string_free (text, FALSE);
}

static gint64
count_files (SilaStore       *store,
             const SilaActor *actor)
{
  g_autoptr(GError) error = NULL;
  gint64 n = -1;

  g_assert_true (sila_store_count_beneficiaries (store, actor, &n, &error));
  g_assert_no_error (error);
  return n;
}

static void
test_beneficiaries (SilaTestDir   *dir,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaStore) store = sila_store_open (dir->db_path, 0, &error);
  g_autoptr(SilaActor) admin = sila_test_admin (store);
  g_autofree char *text = register_text (50);
  g_autofree char *path = write_file (dir, "register.csv", text);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Watch watch = { .cancellable = cancellable, .stop_at = 1 };
  SilaImportOptions options = {
    .progress = watch_cb, .progress_data = &watch, .cancellable = cancellable,
  };
  SilaImportCounts counts = { 0 };

  {
    g_autoptr(SilaImportReport) report = sila_import_report_new ();

    g_assert_false (sila_store_import_beneficiaries_full (store, admin, path, &options, report,
                                                          &counts, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_clear_error (&error);
    g_assert_cmpint (count_files (store, admin), ==, 0);
  }

  /* Without Stop: progress from the first row to 1.0, forwards only. */
  {
    g_autoptr(SilaImportReport) report = sila_import_report_new ();

    watch = (Watch) { .cancellable = NULL };
    options.cancellable = NULL;
    g_assert_true (sila_store_import_beneficiaries_full (store, admin, path, &options, report,
                                                         &counts, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (counts.ok, ==, 50);
    g_assert_cmpint (count_files (store, admin), ==, 50);
    g_assert_cmpuint (watch.calls, >=, 2);
    g_assert_cmpfloat (watch.last, ==, 1.0);
    g_assert_false (watch.backwards);
  }
}

static void
test_requests (SilaTestDir   *dir,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaStore) store = sila_store_open (dir->db_path, 0, &error);
  g_autoptr(SilaActor) admin = sila_test_admin (store);
  g_autofree char *text = register_text (3);
  g_autofree char *path = write_file (dir, "register.csv", text);
  g_autoptr(GString) log = g_string_new ("national_id,type,channel,received,status\n");
  g_autofree char *log_path = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Watch watch = { .cancellable = cancellable, .stop_at = 1 };
  SilaImportOptions options = {
    .progress = watch_cb, .progress_data = &watch, .cancellable = cancellable,
  };
  SilaImportCounts counts = { 0 };

  {
    g_autoptr(SilaImportReport) report = sila_import_report_new ();

    g_assert_true (sila_store_import_beneficiaries (store, admin, path, FALSE, report, NULL,
                                                    &error));
    g_assert_no_error (error);
  }
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *nine = g_strdup_printf ("1%08u", 30000000 + i);

      g_string_append_printf (log, "%s%c,financial_aid,phone,2026-01-0%u,received\n", nine,
                              sila_national_id_check_digit (nine), i + 2);
    }
  log_path = write_file (dir, "requests.csv", log->str);

  {
    g_autoptr(SilaImportReport) report = sila_import_report_new ();

    g_assert_false (sila_store_import_requests_full (store, admin, log_path, &options, report,
                                                     &counts, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_clear_error (&error);
  }
  /* Nothing was kept, not even the record of the file: it imports whole. */
  {
    g_autoptr(SilaImportReport) report = sila_import_report_new ();

    g_assert_true (sila_store_import_requests (store, admin, log_path, FALSE, report, &counts,
                                               &error));
    g_assert_no_error (error);
    g_assert_cmpuint (counts.ok, ==, 3);
  }
}

static void
test_surveys (SilaTestDir   *dir,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaStore) store = sila_store_open (dir->db_path, 0, &error);
  g_autoptr(SilaActor) admin = sila_test_admin (store);
  g_autoptr(SilaSurveyTemplate) tpl = NULL;
  g_autoptr(SilaSurveyImport) import = NULL;
  g_autofree char *path = write_file (dir, "surveys.csv",
                                      "date,channel,overall\n2026-01-05,phone,4\n"
                                      "2026-01-06,phone,5\n2026-01-07,phone,3\n");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Watch watch = { .cancellable = cancellable, .stop_at = 1 };
  SilaImportOptions options = {
    .progress = watch_cb, .progress_data = &watch, .cancellable = cancellable,
  };
  g_autofree char *previous = NULL;

  tpl = sila_store_get_default_survey_template (store, admin, &error);
  g_assert_no_error (error);

  /* Stopped while reading. */
  g_assert_null (sila_survey_import_read_full (path, tpl, &options, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  /* Read whole, stopped while saving: no response and no batch kept. */
  options.cancellable = NULL;
  options.progress = NULL;
  import = sila_survey_import_read_full (path, tpl, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sila_survey_import_get_responses (import)->len, ==, 3);
  g_cancellable_reset (cancellable);
  watch = (Watch) { .cancellable = cancellable, .stop_at = 1 };
  options.cancellable = cancellable;
  options.progress = watch_cb;
  g_assert_false (sila_store_import_survey_responses_full (
                    store, admin, tpl, sila_survey_import_get_responses (import), "surveys.csv",
                    sila_survey_import_get_checksum (import), 0, &options, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_true (sila_store_find_survey_import (store, sila_survey_import_get_checksum (import),
                                                &previous, &error));
  g_assert_null (previous);

  /* And it imports whole afterwards. */
  g_assert_true (sila_store_import_survey_responses (
                   store, admin, tpl, sila_survey_import_get_responses (import), "surveys.csv",
                   sila_survey_import_get_checksum (import), 0, &error));
  g_assert_no_error (error);
  g_assert_true (sila_store_find_survey_import (store, sila_survey_import_get_checksum (import),
                                                &previous, &error));
  g_assert_nonnull (previous);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  sila_i18n_init (SILA_LANGUAGE_ENGLISH);

  g_test_add ("/sila/store/import-stop/beneficiaries", SilaTestDir, NULL, sila_test_dir_setup,
              test_beneficiaries, sila_test_dir_teardown);
  g_test_add ("/sila/store/import-stop/requests", SilaTestDir, NULL, sila_test_dir_setup,
              test_requests, sila_test_dir_teardown);
  g_test_add ("/sila/store/import-stop/surveys", SilaTestDir, NULL, sila_test_dir_setup,
              test_surveys, sila_test_dir_teardown);
  return g_test_run ();
}
