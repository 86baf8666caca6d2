/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The daily outreach list in a real window, on a fixed clock: an officer
 * sees the people she holds, then everyone's; works through the day's
 * list with one click per call (no answer, reached), is offered the
 * satisfaction survey after a follow-up, takes an item off the list through
 * the dialog (which asks why), copies nothing to the network, and exports
 * the list as a CSV readable by her alone; the dashboard counts what is
 * waiting. Run with SILA_TEST_LANG=ar (and en). */
#include "sila-config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <sys/stat.h>

#include "sila-beneficiary.h"
#include "sila-clock.h"
#include "sila-dashboard-page.h"
#include "sila-i18n.h"
#include "sila-national-id.h"
#include "sila-outreach-page.h"
#include "sila-policy.h"
#include "sila-preferences-window.h"
#include "sila-store-beneficiaries.h"
#include "sila-store-contacts.h"
#include "sila-store-private.h"
#include "sila-survey-form.h"
#include "sila-test-requests.h"
#include "sila-test-staff.h"
#include "sila-test-util.h"
#include "sila-window.h"

static gboolean arabic;

typedef struct {
  SilaTestDir  dir;
  SilaStore   *store;
  SilaSession *session;
  SilaWindow  *window;
  SilaActor   *huda;
  SilaActor   *mona;
  SilaActor   *worker;
  char        *request_missing;   /* huda's: documents_missing */
  char        *request_decided;   /* huda's: decision_to_tell */
  char        *request_delivered; /* mona's: service_follow_up */
} Fixture;

static void
settle (GtkWidget *widget)
{
  gtk_test_widget_wait_for_draw (widget);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static char *
add_person (Fixture         *f,
            const SilaActor *actor,
            const char      *nine,
            const char      *first_name,
            const char      *mobile)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaBeneficiary) file = sila_beneficiary_new ();

  file->id_type = SILA_ID_TYPE_NATIONAL_ID;
  file->id_number = g_strdup_printf ("%s%c", nine, sila_national_id_check_digit (nine));
  g_free (file->name[0]);
  file->name[0] = g_strdup (first_name);
  g_free (file->name[3]);
  file->name[3] = g_strdup ("الحربي");
  file->gender = g_strdup ("female");
  file->mobile = g_strdup (mobile);
  g_free (file->consent);
  file->consent = g_strdup ("given");
  g_assert_true (sila_store_create_beneficiary (f->store, actor, file, NULL, &error));
  g_assert_no_error (error);
  return g_strdup (file->id);
}

static char *
open_request (Fixture         *f,
              const SilaActor *actor,
              const char      *beneficiary_id,
              const char      *received)
{
  g_autoptr(SilaRequest) request = sila_test_open_request (f->store, actor, beneficiary_id,
                                                           "financial_aid", received);

  return g_strdup (request->id);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *noura = NULL;
  g_autofree char *sara = NULL;
  g_autofree char *hind = NULL;

  sila_test_dir_setup (&f->dir, NULL);
  f->store = sila_store_open (f->dir.db_path, 0, &error);
  g_assert_no_error (error);
  sila_store_set_unsynced_for_testing (f->store);
  f->huda = sila_test_add_staff (f->store, "huda", SILA_ROLE_OFFICER);
  f->mona = sila_test_add_staff (f->store, "mona", SILA_ROLE_OFFICER);
  f->worker = sila_test_add_staff (f->store, "worker",
                                   SILA_ROLE_OFFICER | SILA_ROLE_RESEARCHER |
                                   SILA_ROLE_COMMITTEE | SILA_ROLE_MANAGER);

  sila_test_set_now ("2026-02-01T09:00:00Z");
  noura = add_person (f, f->huda, "100000001", "نورة", "+966501112233");
  sara = add_person (f, f->mona, "100000019", "سارة", "+966502223344");
  hind = add_person (f, f->huda, "100000027", "هند", "+966503334455");
  f->request_delivered = open_request (f, f->mona, sara, "2026-02-01");
  f->request_decided = open_request (f, f->huda, hind, "2026-02-01");
  sila_test_walk_request (f->store, f->worker, f->request_delivered, SILA_REQUEST_REGISTERED);
  sila_test_walk_request (f->store, f->worker, f->request_decided, SILA_REQUEST_WITH_COMMITTEE);
  sila_test_set_now ("2026-02-22T09:00:00Z");
  f->request_missing = open_request (f, f->huda, noura, "2026-02-22");
  sila_test_walk_request (f->store, f->worker, f->request_delivered, SILA_REQUEST_DELIVERED);
  sila_test_set_now ("2026-02-25T09:00:00Z");
  sila_test_walk_request (f->store, f->worker, f->request_decided, SILA_REQUEST_ACCEPTED);
  sila_test_set_now ("2026-03-01T09:00:00Z");

  f->session = sila_session_new (f->store, sila_actor_copy (f->huda));
  f->window = sila_window_new (NULL, f->session);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 800);
  gtk_window_present (GTK_WINDOW (f->window));
  settle (GTK_WIDGET (f->window));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);

      gtk_window_destroy (window);
    }
  while (g_main_context_iteration (NULL, FALSE))
    ;
  sila_clock_set_fixed (NULL);
  g_clear_object (&f->session);
  sila_actor_free (f->huda);
  sila_actor_free (f->mona);
  sila_actor_free (f->worker);
  g_free (f->request_missing);
  g_free (f->request_decided);
  g_free (f->request_delivered);
  g_assert_finalize_object (f->store);
  sila_test_dir_teardown (&f->dir, NULL);
}

static GtkWidget *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return GTK_WIDGET (window);
    }
  return NULL;
}

/* The message dialog offering @response. */
static GtkWidget *
find_dialog (const char *response)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) &&
          adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (window), response))
        return GTK_WIDGET (window);
    }
  return NULL;
}

/* The index of the item for @reason, or -1. */
static int
find_item (SilaOutreachPage   *page,
           SilaOutreachReason  reason)
{
  for (guint i = 0; i < sila_outreach_page_count (page); i++)
    if (sila_outreach_page_get_item (page, i)->reason == reason)
      return (int)i;
  return -1;
}

static SilaContact *
newest_contact (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  SilaContactFilter filter;

  sila_contact_filter_init (&filter);
  contacts = sila_store_list_contacts (f->store, f->worker, &filter, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (contacts->len, ==, 1);
  return g_ptr_array_steal_index (contacts, 0);
}

/* The descendant of @widget named @name. */
static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The dashboard counts the outreach list in a thread: wait for its answer
 * (a bound on the wait, not on the speed), then check it. */
static void
wait_for_dashboard_count (SilaDashboardPage *dashboard,
                          gint64             expected)
{
  for (guint i = 0; i < 2000 && sila_dashboard_page_get_count (dashboard, "outreach") != expected;
       i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (5000);
    }
  g_assert_cmpint (sila_dashboard_page_get_count (dashboard, "outreach"), ==, expected);
}

static void
click (Fixture    *f,
       GtkWidget  *button)
{
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  settle (GTK_WIDGET (f->window));
}

static void
test_work_through_the_list (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaContact) contact = NULL;
  g_autofree char *csv_path = sila_test_dir_file (&f->dir, "outreach.csv");
  g_autofree char *csv = NULL;
  g_auto(GStrv) lines = NULL;
  SilaOutreachPage *page;
  SilaDashboardPage *dashboard;
  GtkWidget *offer, *dialog, *entry, *row;
  struct stat st;
  int i;

  dashboard = SILA_DASHBOARD_PAGE (sila_window_get_section_page (f->window, "dashboard"));
  wait_for_dashboard_count (dashboard, 3);

  /* Ctrl+5 is the Outreach place. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-section", "s",
                                             "outreach"));
  settle (GTK_WIDGET (f->window));
  g_assert_cmpstr (sila_window_get_visible_section (f->window), ==, "outreach");
  page = SILA_OUTREACH_PAGE (sila_window_get_section_page (f->window, "outreach"));

  /* Huda sees the two people she holds; everyone's list has Mona's too. */
  g_assert_cmpuint (sila_outreach_page_count (page), ==, 2);
  g_assert_cmpint (find_item (page, SILA_OUTREACH_SERVICE_FOLLOW_UP), ==, -1);
  sila_outreach_page_set_filter (page, -1, FALSE);
  g_assert_cmpuint (sila_outreach_page_count (page), ==, 3);
  sila_outreach_page_set_filter (page, SILA_OUTREACH_DECISION_TO_TELL, FALSE);
  g_assert_cmpuint (sila_outreach_page_count (page), ==, 1);
  sila_outreach_page_set_filter (page, -1, FALSE);

  /* The suggested message names the person and the request. */
  i = find_item (page, SILA_OUTREACH_DECISION_TO_TELL);
  g_assert_cmpint (i, >=, 0);
  {
    g_autofree char *message = sila_outreach_message (sila_outreach_page_get_item (page, i));

    g_assert_nonnull (strstr (message, "هند"));
    g_assert_nonnull (strstr (message, arabic ? "السلام عليكم" : "Peace be upon you"));
    g_assert_nonnull (strstr (message, arabic ? "قبلت" : "accepted"));
  }

  /* The CSV for an SMS service: the list as shown, for its owner only. */
  g_assert_true (sila_outreach_page_export_csv (page, csv_path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (csv_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, &error));
  lines = g_strsplit (csv, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 5);   /* header, three, and the end */
  g_assert_cmpstr (lines[0], ==, "name,phone,message");
  g_assert_nonnull (strstr (csv, "\"+966502223344\""));
  g_assert_nonnull (strstr (csv, "سارة"));

  /* Noura does not answer: one click, and she is off until the day after
   * tomorrow. */
  i = find_item (page, SILA_OUTREACH_DOCUMENTS_MISSING);
  g_assert_cmpint (i, >=, 0);
  click (f, sila_outreach_page_get_button (page, i, SILA_OUTCOME_NO_ANSWER));
  g_assert_cmpuint (sila_outreach_page_count (page), ==, 2);
  g_assert_cmpint (find_item (page, SILA_OUTREACH_DOCUMENTS_MISSING), ==, -1);
  contact = newest_contact (f);
  g_assert_cmpint (contact->outcome, ==, SILA_OUTCOME_NO_ANSWER);
  g_assert_cmpint (contact->kind, ==, SILA_CONTACT_OUTREACH);
  g_assert_cmpint (contact->direction, ==, SILA_DIRECTION_OUTBOUND);
  g_assert_cmpstr (contact->request_id, ==, f->request_missing);
  g_assert_cmpstr (contact->handled_by, ==, "huda");
  g_clear_pointer (&contact, sila_contact_free);
  wait_for_dashboard_count (dashboard, 2);

  /* Sara is reached after her service: the survey is offered, and opens
   * linked to her request. */
  i = find_item (page, SILA_OUTREACH_SERVICE_FOLLOW_UP);
  g_assert_cmpint (i, >=, 0);
  click (f, sila_outreach_page_get_button (page, i, SILA_OUTCOME_REACHED));
  g_assert_cmpuint (sila_outreach_page_count (page), ==, 1);
  contact = newest_contact (f);
  g_assert_cmpint (contact->outcome, ==, SILA_OUTCOME_REACHED);
  g_assert_cmpstr (contact->request_id, ==, f->request_delivered);
  offer = sila_outreach_page_get_survey_offer (page);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (offer));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (offer), "survey");
  settle (GTK_WIDGET (f->window));
  g_assert_nonnull (find_toplevel (SILA_TYPE_SURVEY_FORM));
  gtk_window_destroy (GTK_WINDOW (find_toplevel (SILA_TYPE_SURVEY_FORM)));
  settle (GTK_WIDGET (f->window));

  /* Hind's decision was told at the desk: taken off with a reason, which
   * the dialog asks for before it lets go. */
  i = find_item (page, SILA_OUTREACH_DECISION_TO_TELL);
  g_assert_cmpint (i, ==, 0);
  g_assert_false (sila_outreach_page_dismiss (page, 0, "   ", &error));
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (sila_outreach_page_count (page), ==, 1);
  row = sila_outreach_page_get_row (page, 0);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  settle (GTK_WIDGET (f->window));
  click (f, find_named (row, "dismiss"));
  dialog = find_dialog ("dismiss");
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog),
                                                           "dismiss"));
  entry = adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog));
  gtk_editable_set_text (GTK_EDITABLE (entry), "أُبلغت بالقرار عند حضورها");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog),
                                                          "dismiss"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "dismiss");
  settle (GTK_WIDGET (f->window));
  g_assert_cmpstr (sila_outreach_page_get_message (page), ==, "");
  g_assert_cmpuint (sila_outreach_page_count (page), ==, 0);
  wait_for_dashboard_count (dashboard, 0);

  /* Two days later Noura is back; the others are done. */
  sila_test_set_now ("2026-03-03T09:00:00Z");
  sila_session_notify_changed (f->session, "contacts");
  settle (GTK_WIDGET (f->window));
  g_assert_cmpuint (sila_outreach_page_count (page), ==, 1);
  g_assert_cmpint (find_item (page, SILA_OUTREACH_DOCUMENTS_MISSING), ==, 0);
}

/* An administrator changes a threshold in Preferences: the office setting
 * changes, and the list with it. */
static void
test_thresholds_in_preferences (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(SilaActor) admin = sila_test_admin (f->store);
  g_autoptr(SilaSession) session = sila_session_new (f->store, sila_actor_copy (admin));
  g_autofree char *value = NULL;
  SilaPreferencesWindow *prefs = sila_preferences_window_new (GTK_WINDOW (f->window), session);
  GtkWidget *spin;
  SilaOutreachPage *page;

  gtk_window_present (GTK_WINDOW (prefs));
  settle (GTK_WIDGET (prefs));
  spin = find_named (GTK_WIDGET (prefs), SILA_SETTING_OUTREACH_MISSING);
  g_assert_true (GTK_IS_SPIN_BUTTON (spin));
  g_assert_true (gtk_widget_get_sensitive (spin));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (spin)), ==, 7);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 8);
  settle (GTK_WIDGET (prefs));
  value = sila_store_get_setting (f->store, SILA_SETTING_OUTREACH_MISSING, NULL);
  g_assert_cmpstr (value, ==, "8");
  gtk_window_destroy (GTK_WINDOW (prefs));

  /* Noura's request, received seven days ago, is not late enough now. */
  g_assert_true (sila_window_show_section (f->window, "outreach"));
  sila_session_notify_changed (f->session, "settings");
  settle (GTK_WIDGET (f->window));
  page = SILA_OUTREACH_PAGE (sila_window_get_section_page (f->window, "outreach"));
  sila_outreach_page_set_filter (page, -1, FALSE);
  g_assert_cmpint (find_item (page, SILA_OUTREACH_DOCUMENTS_MISSING), ==, -1);
  g_assert_cmpuint (sila_outreach_page_count (page), ==, 2);

  /* An officer sees the thresholds but may not change them. */
  prefs = sila_preferences_window_new (GTK_WINDOW (f->window), f->session);
  gtk_window_present (GTK_WINDOW (prefs));
  settle (GTK_WIDGET (prefs));
  spin = find_named (GTK_WIDGET (prefs), SILA_SETTING_OUTREACH_MISSING);
  g_assert_false (gtk_widget_get_sensitive (spin));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (spin)), ==, 8);
  gtk_window_destroy (GTK_WINDOW (prefs));
}

/* A committee member may not see the contacts log: the page says so. */
static void
test_role_without_contacts (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(SilaActor) committee = sila_test_add_staff (f->store, "khalid",
                                                        SILA_ROLE_COMMITTEE);
  SilaOutreachPage *page;

  sila_session_set_actor (f->session, sila_actor_copy (committee));
  g_assert_true (sila_window_show_section (f->window, "outreach"));
  settle (GTK_WIDGET (f->window));
  page = SILA_OUTREACH_PAGE (sila_window_get_section_page (f->window, "outreach"));
  g_assert_cmpuint (sila_outreach_page_count (page), ==, 0);
}

int
main (int argc, char **argv)
{
  const char *lang = g_getenv ("SILA_TEST_LANG");
  g_autofree char *home = g_dir_make_tmp ("sila-home-XXXXXX", NULL);
  int status;

  g_setenv ("XDG_CACHE_HOME", home, TRUE);
  g_setenv ("TZ", "UTC", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  sila_store_set_cheap_hashes_for_testing (TRUE);

  arabic = g_strcmp0 (lang, "en") != 0;
  sila_i18n_init (arabic ? SILA_LANGUAGE_ARABIC : SILA_LANGUAGE_ENGLISH);
  gtk_widget_set_default_direction (arabic ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);

  g_test_add ("/sila/ui/outreach/work-through-the-list", Fixture, NULL, fixture_setup,
              test_work_through_the_list, fixture_teardown);
  g_test_add ("/sila/ui/outreach/thresholds-in-preferences", Fixture, NULL, fixture_setup,
              test_thresholds_in_preferences, fixture_teardown);
  g_test_add ("/sila/ui/outreach/role-without-contacts", Fixture, NULL, fixture_setup,
              test_role_without_contacts, fixture_teardown);

  status = g_test_run ();
  sila_test_rm_rf (home);
  return status;
}
