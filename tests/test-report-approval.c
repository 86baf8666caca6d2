/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The history import's bad rows, and the board's approval with the flag
 * after a later edit of the approved period's data. */
#include "sila-config.h"

#include <math.h>
#include <sqlite3.h>
#include <string.h>

#include "sila-clock.h"
#include "sila-i18n.h"
#include "sila-test-reports.h"
#include "sila-test-staff.h"

static void
test_import_bad_rows (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaImportReport) report = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *text = NULL;
  g_autofree char *path = NULL;
  SilaImportCounts counts = { 0 };
  gint64 types_before = 0;

  sila_test_report_set_clock ("2026-04-20T09:00:00Z");
  csv = g_strdup_printf (
    "national_id,type,channel,received,status,decided,reason,delivered,service_amount\n"
    "%s,financial_aid,fax,2026-03-01,received,,,,\n"                           /* 2 channel */
    "%s,financial_aid,phone,2026-03-10,accepted,2026-03-01,,,\n"               /* 3 decided */
    "%s,financial_aid,phone,2026-03-10,delivered,2026-03-12,,2026-03-11,10\n"  /* 4 delivered */
    "%s,financial_aid,phone,2026-03-10,delivered,2026-03-12,,2026-03-13,1.234\n" /* 5 amount */
    "%s,financial_aid,phone,2026-03-10,delivered,2026-03-12,,2026-03-13,عشرة\n"  /* 6 amount */
    "1000000008,financial_aid,phone,2026-03-10,received,,,,\n"                 /* 7 no file */
    "%s,financial_aid,phone,2026-03-10,rejected,2026-03-12,,,\n"               /* 8 reason */
    "%s,financial_aid,phone,2026-03-10,accepted,,,,\n"                         /* 9 decided */
    "%s,financial_aid,phone,2099-03-10,received,,,,\n"                         /* 10 future */
    "%s,financial_aid,phone,2026-03-10,pending,,,,\n"                          /* 11 status */
    "%s,كفالة يتيم,خدمة التطوع,1447-09-20,delivered,1447-09-21,,1447-09-25,١٬٠٠٠٫٥٠\n" /* 12 */
    "%s,Orphan Sponsorship,volunteer_service,2026-03-10,received,,,,\n"       /* 13 new too */
    "%s,financial_aid,phone,2026-03-01,accepted,2026-03-10,,,\n",             /* 14 dup R1 */
    f->ids[0], f->ids[0], f->ids[0], f->ids[0], f->ids[0], f->ids[0], f->ids[0], f->ids[0],
    f->ids[0], f->ids[5], f->ids[5], f->ids[0]);
  path = sila_test_report_write_file (f, "bad.csv", csv);

  {
    sqlite3 *db = NULL;
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_open (f->dir.db_path, &db), ==, SQLITE_OK);
    sqlite3_prepare_v2 (db, "SELECT count (*) FROM request_types", -1, &stmt, NULL);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    types_before = sqlite3_column_int64 (stmt, 0);
    sqlite3_finalize (stmt);
    sqlite3_close (db);
  }

  /* A dry run changes nothing, and says what it would do. */
  report = sila_import_report_new ();
  g_assert_true (sila_store_import_requests (f->store, f->manager, path, TRUE, report, &counts,
                                             &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.ok, ==, 2);
  g_clear_pointer (&report, sila_import_report_free);

  report = sila_import_report_new ();
  g_assert_true (sila_store_import_requests (f->store, f->manager, path, FALSE, report, &counts,
                                             &error));
  g_assert_no_error (error);
  text = sila_import_report_to_csv (report);
  g_assert_cmpuint (counts.ok, ==, 2);
  g_assert_cmpuint (counts.rejected, ==, 10);
  g_assert_cmpuint (counts.duplicates, ==, 1);
  g_assert_true (strstr (text, "2,rejected,channel,") != NULL);
  g_assert_true (strstr (text, "3,rejected,decided,The decision cannot be earlier") != NULL);
  g_assert_true (strstr (text, "4,rejected,delivered,The delivery cannot be earlier") != NULL);
  g_assert_true (strstr (text, "5,rejected,service_amount,") != NULL);
  g_assert_true (strstr (text, "6,rejected,service_amount,") != NULL);
  g_assert_true (strstr (text, "7,rejected,national_id,") != NULL);
  g_assert_true (strstr (text, "8,rejected,reason,") != NULL);
  g_assert_true (strstr (text, "9,rejected,decided,") != NULL);
  g_assert_true (strstr (text, "10,rejected,received,") != NULL);
  g_assert_true (strstr (text, "11,rejected,status,") != NULL);
  g_assert_true (strstr (text, "12,ok,type,“كفالة يتيم” was not in the list of request types: "
                                "it was added.") != NULL);
  g_assert_true (strstr (text, "13,ok,type,") != NULL);
  g_assert_true (strstr (text, "14,duplicate,received,\"This request is recorded already") != NULL);

  /* Two new types; the Hijri dates and Arabic-Indic riyals of line 12
   * read exactly: 1,000.50 delivered on 1447-09-25 (March 14, 2026). */
  {
    sqlite3 *db = NULL;
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_open (f->dir.db_path, &db), ==, SQLITE_OK);
    sqlite3_prepare_v2 (db, "SELECT count (*) FROM request_types", -1, &stmt, NULL);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int64 (stmt, 0), ==, types_before + 2);
    sqlite3_finalize (stmt);
    sqlite3_prepare_v2 (db, "SELECT amount_halalas, delivered_on FROM deliveries "
                            "WHERE amount_halalas = 100050", -1, &stmt, NULL);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 1), ==, "2026-03-14");
    sqlite3_finalize (stmt);
    /* Every step of an imported request is marked as imported. */
    sqlite3_prepare_v2 (db, "SELECT count (*), sum (e.note LIKE 'Imported from the office%') "
                            "FROM request_events e JOIN imported_requests i "
                            "ON i.request_id = e.request_id", -1, &stmt, NULL);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int64 (stmt, 0), >, 0);
    g_assert_cmpint (sqlite3_column_int64 (stmt, 0), ==, sqlite3_column_int64 (stmt, 1));
    sqlite3_finalize (stmt);
    sqlite3_close (db);
  }

  /* The same file again is refused whole. */
  g_clear_pointer (&report, sila_import_report_free);
  report = sila_import_report_new ();
  g_assert_false (sila_store_import_requests (f->store, f->manager, path, FALSE, report, &counts,
                                              &error));
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DUPLICATE);
  g_clear_error (&error);

  /* Officers keep the desk; they do not rewrite the office's history. */
  {
    g_autoptr(SilaActor) officer = sila_test_add_staff (f->store, "officer", SILA_ROLE_OFFICER);

    g_assert_false (sila_store_import_requests (f->store, officer, path, TRUE, report, &counts,
                                                &error));
    g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DENIED);
  }
}

static void
test_approval (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaReportFigures) r = NULL;
  g_autoptr(SilaReportApproval) approval = sila_report_approval_new ();
  SilaImportCounts counts = { 0 };

  sila_test_report_set_clock ("2026-04-20T09:00:00Z");
  r = sila_test_report_compute (f, "2026-03");
  g_assert_null (r->approval);

  approval->period = sila_period_to_code (&r->period);
  approval->start = r->period.start;
  approval->end = r->period.end;
  approval->approved_by = g_strdup ("د. صالح الغامدي، رئيس مجلس الإدارة");
  approval->decision_number = g_strdup ("12/1447");
  g_date_set_dmy (&approval->approved_on, 15, 4, 2026);
  approval->figures_json = sila_report_figures_to_json (r);

  /* Refused: an officer; a decision in the future; no decision number. */
  {
    g_autoptr(SilaActor) officer = sila_test_add_staff (f->store, "officer", SILA_ROLE_OFFICER);

    g_assert_false (sila_store_record_report_approval (f->store, officer, approval, &error));
    g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DENIED);
    g_clear_error (&error);
  }
  g_date_set_dmy (&approval->approved_on, 15, 5, 2026);
  g_assert_false (sila_store_record_report_approval (f->store, f->manager, approval, &error));
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_date_set_dmy (&approval->approved_on, 15, 4, 2026);

  g_assert_true (sila_store_record_report_approval (f->store, f->manager, approval, &error));
  g_assert_no_error (error);

  /* Read back: approved, nothing changed since. */
  g_clear_pointer (&r, sila_report_figures_free);
  r = sila_test_report_compute (f, "2026-03");
  g_assert_nonnull (r->approval);
  g_assert_cmpstr (r->approval->decision_number, ==, "12/1447");
  g_assert_cmpuint (r->changes->len, ==, 0);

  /* The approved copy cannot be edited, even in SQL. */
  {
    sqlite3 *db = NULL;
    char *message = NULL;

    g_assert_cmpint (sqlite3_open (f->dir.db_path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "UPDATE report_approvals SET figures = '{}'", NULL, NULL,
                                   &message), !=, SQLITE_OK);
    sqlite3_free (message);
    sqlite3_close (db);
  }

  /* A later edit of March's data: one more request received in March,
   * with a service delivered. */
  {
    g_autofree char *csv = g_strdup_printf (
      "national_id,type,channel,received,status,decided,reason,delivered,service_amount\n"
      "%s,education,website,2026-03-25,delivered,2026-03-26,,2026-03-27,300\n", f->ids[5]);
    g_autoptr(SilaImportReport) report = sila_test_report_import (f, "late.csv", csv, &counts);

    g_assert_cmpuint (counts.ok, ==, 1);
  }
  g_clear_pointer (&r, sila_report_figures_free);
  r = sila_test_report_compute (f, "2026-03");
  g_assert_cmpuint (r->changes->len, >, 0);
  {
    gboolean received = FALSE, value = FALSE, type = FALSE;

    for (guint i = 0; i < r->changes->len; i++)
      {
        const SilaReportChange *c = g_ptr_array_index (r->changes, i);

        if (g_str_equal (c->label, "Requests received"))
          {
            g_assert_cmpstr (c->approved, ==, "8");
            g_assert_cmpstr (c->now, ==, "9");
            received = TRUE;
          }
        if (g_str_equal (c->label, "Services delivered value"))
          {
            g_assert_cmpstr (c->approved, ==, "SAR 250.90");
            g_assert_cmpstr (c->now, ==, "SAR 550.90");
            value = TRUE;
          }
        if (g_str_equal (c->label, "Requests by type: Education"))
          type = TRUE;
      }
    g_assert_true (received && value && type);
  }

  /* The board approves the corrected report: the newest approval counts. */
  g_free (approval->id);
  approval->id = NULL;
  g_free (approval->decision_number);
  approval->decision_number = g_strdup ("14/1447");
  g_free (approval->figures_json);
  approval->figures_json = sila_report_figures_to_json (r);
  g_assert_true (sila_store_record_report_approval (f->store, f->manager, approval, &error));
  g_assert_no_error (error);
  g_clear_pointer (&r, sila_report_figures_free);
  r = sila_test_report_compute (f, "2026-03");
  g_assert_cmpstr (r->approval->decision_number, ==, "14/1447");
  g_assert_cmpuint (r->changes->len, ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  sila_i18n_init (SILA_LANGUAGE_ENGLISH);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, sila_test_report_fixture_setup, func, \
              sila_test_report_fixture_teardown)
  ADD ("/sila/report/import/bad-rows", test_import_bad_rows);
  ADD ("/sila/report/approval/flag-after-edit", test_approval);
#undef ADD

  return g_test_run ();
}
