/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The dashboard and the Reports page in real windows, in Arabic: today's
 * work counted and listed, this month's figures with their charts; a
 * period's report computed in the background, exported as a workbook and a
 * PDF and printed through the print operation; the board's approval
 * recorded with its errors beside the fields, then flagged after a later
 * edit; what an officer sees instead. */
#include "sila-config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "sila-approval-dialog.h"
#include "sila-clock.h"
#include "sila-dashboard-page.h"
#include "sila-i18n.h"
#include "sila-import-report.h"
#include "sila-national-id.h"
#include "sila-reports-page.h"
#include "sila-store-beneficiaries.h"
#include "sila-store-contacts.h"
#include "sila-store-private.h"
#include "sila-store-request-import.h"
#include "sila-test-requests.h"
#include "sila-test-staff.h"
#include "sila-test-util.h"
#include "sila-window.h"

typedef struct {
  SilaTestDir  dir;
  SilaStore   *store;
  SilaSession *session;
  SilaWindow  *window;
  SilaActor   *worker;
  char        *ids[4];
} Fixture;

static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *)data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @done says so, or fails after 20 s. */
static void
wait_until (gboolean (*done) (gpointer),
            gpointer   data)
{
  gboolean expired = FALSE;
  guint id = g_timeout_add (20000, timeout_cb, &expired);

  while (!done (data))
    {
      g_assert_false (expired);
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (id);
  drain ();
}

static gboolean
dashboard_ready (gpointer page)
{
  return !sila_dashboard_page_is_loading (page) &&
         sila_dashboard_page_get_count (page, "received") >= 0;
}

static gboolean
dashboard_idle (gpointer page)
{
  return !sila_dashboard_page_is_loading (page);
}

static gboolean
reports_ready (gpointer page)
{
  return !sila_reports_page_is_busy (page) && sila_reports_page_get_figures (page) != NULL;
}

static gboolean
reports_idle (gpointer page)
{
  return !sila_reports_page_is_busy (page);
}

static GtkWidget *
child (gpointer    widget,
       GType       type,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

static void
import (Fixture    *f,
        const char *csv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaImportReport) report = sila_import_report_new ();
  g_autofree char *name = g_strdup_printf ("history-%u.csv", g_random_int ());
  g_autofree char *path = sila_test_dir_file (&f->dir, name);
  SilaImportCounts counts = { 0 };

  g_assert_true (g_file_set_contents (path, csv, -1, NULL));
  g_assert_true (sila_store_import_requests (f->store, f->worker, path, FALSE, report, &counts,
                                             &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.rejected, ==, 0);
}

/* May 2026, seen on May 14: March and April's history, and May so far. */
static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 5, 14, 9, 0, 0);
  g_autofree char *csv = NULL;

  sila_clock_set_fixed (now);
  sila_test_dir_setup (&f->dir, NULL);
  f->store = sila_store_open (f->dir.db_path, 0, &error);
  g_assert_no_error (error);
  sila_store_set_unsynced_for_testing (f->store);
  f->worker = sila_test_add_staff (f->store, "worker",
                                   SILA_ROLE_OFFICER | SILA_ROLE_RESEARCHER |
                                   SILA_ROLE_COMMITTEE | SILA_ROLE_MANAGER);
  for (guint i = 0; i < G_N_ELEMENTS (f->ids); i++)
    {
      g_autofree char *nine = g_strdup_printf ("1%08u", 40000000 + i);
      g_autofree char *id = sila_test_add_beneficiary (f->store, f->worker, nine, "هند");

      f->ids[i] = g_strdup_printf ("%s%c", nine, sila_national_id_check_digit (nine));
    }

  /* March: 3 received, 2 decided (1 accepted), 1 delivered (750.50).
   * May: 2 received and waiting, one overdue since May 10. */
  csv = g_strdup_printf (
    "national_id,type,channel,received,status,decided,reason,delivered,service_amount\n"
    "%s,financial_aid,phone,2026-03-02,closed,2026-03-09,,2026-03-16,750.50\n"
    "%s,rent,website,2026-03-05,rejected,2026-03-20,خارج الشروط,,\n"
    "%s,food_basket,interview,2026-03-30,received,,,,\n"
    "%s,medical,phone,2026-04-26,received,,,,\n"
    "%s,education,phone,2026-05-12,received,,,,\n",
    f->ids[0], f->ids[1], f->ids[2], f->ids[3], f->ids[0]);
  import (f, csv);

  /* One with the committee, through the workflow; an inquiry unanswered. */
  {
    g_autoptr(SilaRequest) request = NULL;
    g_autoptr(SilaContact) contact = sila_contact_new ();
    g_autoptr(SilaBeneficiary) file = NULL;

    g_assert_true (sila_store_find_beneficiary_by_id_number (f->store, f->worker, f->ids[1],
                                                             &file, &error));
    request = sila_test_open_request (f->store, f->worker, file->id, "food_basket",
                                      "2026-05-13");
    sila_test_walk_request (f->store, f->worker, request->id, SILA_REQUEST_WITH_COMMITTEE);
    contact->channel = SILA_CHANNEL_PHONE;
    contact->question = g_strdup ("متى يصدر القرار؟");
    contact->asked_at = g_strdup ("2026-05-13T08:00:00.000Z");
    g_assert_true (sila_store_add_contact (f->store, f->worker, contact, &error));
    g_assert_no_error (error);
  }

  f->session = sila_session_new (f->store, sila_actor_copy (f->worker));
  f->window = sila_window_new (NULL, f->session);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1180, 760);
  gtk_window_present (GTK_WINDOW (f->window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  drain ();
  g_clear_object (&f->session);
  g_assert_finalize_object (f->store);
  g_clear_pointer (&f->worker, sila_actor_free);
  for (guint i = 0; i < G_N_ELEMENTS (f->ids); i++)
    g_clear_pointer (&f->ids[i], g_free);
  sila_test_dir_teardown (&f->dir, NULL);
  sila_clock_set_fixed (NULL);
}

static void
test_dashboard (Fixture       *f,
                gconstpointer  data)
{
  SilaDashboardPage *page;

  /* The app's first page. */
  g_assert_cmpstr (sila_window_get_visible_section (f->window), ==, "dashboard");
  page = SILA_DASHBOARD_PAGE (sila_window_get_section_page (f->window, "dashboard"));
  wait_until (dashboard_ready, page);

  /* Today's work: March 30's and April 26's requests overdue (due April 13
   * and May 10), May 12's due on May 26; the committee's one; the
   * inquiry. */
  g_assert_cmpint (sila_dashboard_page_get_count (page, "overdue"), ==, 2);
  g_assert_cmpint (sila_dashboard_page_get_count (page, "due-soon"), ==, 0);
  g_assert_cmpint (sila_dashboard_page_get_count (page, "committee"), ==, 1);
  g_assert_cmpint (sila_dashboard_page_get_count (page, "inquiries"), ==, 1);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (child (page, SILA_TYPE_DASHBOARD_PAGE,
                                                          "overdue_value"))), ==, "٢");
  g_assert_true (gtk_widget_get_visible (child (page, SILA_TYPE_DASHBOARD_PAGE,
                                                "attention_group")));

  /* This month: May's two received (the 12th, and the committee's), with
   * charts. */
  g_assert_cmpint (sila_dashboard_page_get_count (page, "received"), ==, 2);
  g_assert_cmpuint (sila_dashboard_page_get_n_charts (page), ==, 4);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (page,
                   SILA_TYPE_DASHBOARD_PAGE, "month_stack"))), ==, "figures");
}

static SilaReportsPage *
reports_page (Fixture    *f,
              const char *period)
{
  SilaReportsPage *page;

  g_assert_true (sila_window_show_section (f->window, "reports"));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  page = SILA_REPORTS_PAGE (sila_window_get_section_page (f->window, "reports"));
  /* It opens on the month that just ended. */
  wait_until (reports_ready, page);
  g_assert_cmpint (g_date_get_month (&sila_reports_page_get_figures (page)->period.start), ==,
                   4);
  g_assert_true (sila_reports_page_set_period (page, period));
  wait_until (reports_ready, page);
  return page;
}

static void
test_reports_exports (Fixture       *f,
                      gconstpointer  data)
{
  SilaReportsPage *page = reports_page (f, "2026-03");
  const SilaReportFigures *figures = sila_reports_page_get_figures (page);
  g_autofree char *xlsx = sila_test_dir_file (&f->dir, "march.xlsx");
  g_autofree char *pdf = sila_test_dir_file (&f->dir, "march.pdf");
  g_autofree char *printed = sila_test_dir_file (&f->dir, "printed.pdf");
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_cmpint (figures->figures[SILA_FIGURE_REQUESTS_RECEIVED].count, ==, 3);
  g_assert_cmpint (figures->figures[SILA_FIGURE_SERVICES_VALUE].count, ==, 75050);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (child (page, SILA_TYPE_REPORTS_PAGE,
                                                          "received_value"))), ==, "٣");
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (child (page, SILA_TYPE_REPORTS_PAGE,
                                                                   "rate_value"))), "٥٠٫٠"));
  g_assert_cmpuint (sila_reports_page_get_n_charts (page), ==, 8);
  g_assert_true (gtk_widget_is_sensitive (child (page, SILA_TYPE_REPORTS_PAGE, "xlsx_button")));

  /* Both files, written in the background; the window stays live. */
  sila_reports_page_export (page, FALSE, xlsx);
  sila_reports_page_export (page, TRUE, pdf);
  g_assert_true (sila_reports_page_is_busy (page));
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (child (page,
                                                SILA_TYPE_REPORTS_PAGE, "progress_revealer"))));
  wait_until (reports_idle, page);
  g_assert_true (g_file_get_contents (xlsx, &contents, &length, NULL));
  g_assert_cmpmem (contents, 2, "PK", 2);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  g_assert_cmpmem (contents, 5, "%PDF-", 5);
  g_assert_nonnull (strstr (sila_reports_page_get_message (page), "march.pdf"));

  /* Printing goes through GtkPrintOperation with the same renderer. */
  sila_reports_page_print (page, printed);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (printed, &contents, &length, NULL));
  g_assert_cmpmem (contents, 5, "%PDF-", 5);
  g_assert_cmpuint (length, >, 10000);
}

static gboolean
dialog_gone (gpointer data)
{
  return *(gpointer *)data == NULL;
}

static void
test_reports_approval (Fixture       *f,
                       gconstpointer  data)
{
  SilaReportsPage *page = reports_page (f, "2026-03");
  GtkLabel *approval = GTK_LABEL (child (page, SILA_TYPE_REPORTS_PAGE, "approval_label"));
  GtkLabel *changes = GTK_LABEL (child (page, SILA_TYPE_REPORTS_PAGE, "changes_label"));
  SilaApprovalDialog *dialog;
  gpointer weak;

  g_assert_cmpstr (gtk_label_get_label (approval), ==, "لم يعتمده مجلس الإدارة بعد.");

  dialog = sila_approval_dialog_new (GTK_WINDOW (f->window), f->session,
                                     sila_reports_page_get_figures (page));
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));

  /* Nothing typed: each missing field says so beside it; nothing saved. */
  gtk_editable_set_text (GTK_EDITABLE (child (dialog, SILA_TYPE_APPROVAL_DIALOG, "date_row")),
                         "2026-02-20");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "approval.record", NULL));
  g_assert_true (gtk_widget_get_visible (child (dialog, SILA_TYPE_APPROVAL_DIALOG,
                                                "approved_by_error")));
  g_assert_true (gtk_widget_get_visible (child (dialog, SILA_TYPE_APPROVAL_DIALOG,
                                                "decision_error")));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (child (dialog, SILA_TYPE_APPROVAL_DIALOG,
                                                          "date_error"))), ==,
                   "لا يسبق تاريخ قرار مجلس الإدارة الفترة التي يعتمدها.");
  g_assert_true (gtk_widget_has_css_class (child (dialog, SILA_TYPE_APPROVAL_DIALOG,
                                                  "approved_by_row"), "error"));

  gtk_editable_set_text (GTK_EDITABLE (child (dialog, SILA_TYPE_APPROVAL_DIALOG,
                                              "approved_by_row")),
                         "د. صالح الغامدي، رئيس مجلس الإدارة");
  gtk_editable_set_text (GTK_EDITABLE (child (dialog, SILA_TYPE_APPROVAL_DIALOG,
                                              "decision_row")), "12/1447");
  /* A Hijri date: 25 Shawwal 1447 is April 13, 2026. */
  gtk_editable_set_text (GTK_EDITABLE (child (dialog, SILA_TYPE_APPROVAL_DIALOG, "date_row")),
                         "1447-10-25 هـ");
  weak = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "approval.record", NULL));
  wait_until (dialog_gone, &weak);

  /* The page shows the approval, unchanged. */
  wait_until (reports_ready, page);
  g_assert_nonnull (strstr (gtk_label_get_label (approval), "12/1447"));
  g_assert_nonnull (strstr (gtk_label_get_label (approval), "١٣ أبريل ٢٠٢٦"));
  g_assert_cmpstr (gtk_label_get_label (changes), ==, "لم يتغير شيء منذ اعتماد مجلس الإدارة.");

  /* A later edit of March's data is flagged against the approved copy. */
  {
    g_autofree char *csv = g_strdup_printf (
      "national_id,type,channel,received,status,decided,reason,delivered,service_amount\n"
      "%s,education,letter,2026-03-25,received,,,,\n", f->ids[3]);

    import (f, csv);
  }
  sila_session_notify_changed (f->session, "request");
  wait_until (reports_ready, page);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (changes)));
  g_assert_nonnull (strstr (gtk_label_get_label (changes), "تغيّر بعد اعتماد مجلس الإدارة"));
  g_assert_nonnull (strstr (gtk_label_get_label (changes), "الطلبات المستلمة"));
  g_assert_true (gtk_widget_has_css_class (gtk_widget_get_parent (GTK_WIDGET (approval)),
                                           "sila-changed"));
}

/* An officer keeps the desk: today's work, not the board's figures. */
static void
test_officer (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(SilaActor) officer = sila_test_add_staff (f->store, "huda", SILA_ROLE_OFFICER);
  g_autoptr(SilaSession) session = sila_session_new (f->store, sila_actor_copy (officer));
  SilaWindow *window = sila_window_new (NULL, session);
  SilaDashboardPage *dashboard;
  GtkWidget *reports;

  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  dashboard = SILA_DASHBOARD_PAGE (sila_window_get_section_page (window, "dashboard"));
  /* Today's lists are read in a thread after the first frame. */
  wait_until (dashboard_idle, dashboard);
  g_assert_cmpint (sila_dashboard_page_get_count (dashboard, "overdue"), ==, 2);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (dashboard,
                   SILA_TYPE_DASHBOARD_PAGE, "month_stack"))), ==, "message");

  g_assert_true (sila_window_show_section (window, "reports"));
  reports = sila_window_get_section_page (window, "reports");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (reports,
                   SILA_TYPE_REPORTS_PAGE, "stack"))), ==, "denied");
  g_assert_false (gtk_widget_is_sensitive (child (reports, SILA_TYPE_REPORTS_PAGE,
                                                  "xlsx_button")));
  gtk_window_destroy (GTK_WINDOW (window));
  drain ();
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  sila_i18n_init (SILA_LANGUAGE_ARABIC);
  gtk_widget_set_default_direction (GTK_TEXT_DIR_RTL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/sila/ui/dashboard/today-and-month", test_dashboard);
  ADD ("/sila/ui/reports/exports-and-print", test_reports_exports);
  ADD ("/sila/ui/reports/approval-and-flag", test_reports_approval);
  ADD ("/sila/ui/reports/officer", test_officer);

#undef ADD

  return g_test_run ();
}
