/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Support requests through the real screens, in a real window: one request
 * taken from received to closed by the officer, the researcher and the
 * committee, each refusal shown beside its field; the committee queue and
 * the researcher's queue; the contacts log with quick entry (Ctrl+I) and a
 * referral answered from the researcher's queue; the beneficiary's
 * requests; the printed and the blank form read back with pdftotext; the
 * checklist in Preferences. Run with SILA_TEST_LANG=ar (and en). */
#include "sila-config.h"

#include <adwaita.h>
#include <string.h>
#include <glib/gstdio.h>

#include "sila-beneficiary-requests.h"
#include "sila-clock.h"
#include "sila-contact-row.h"
#include "sila-contact-window.h"
#include "sila-contacts-page.h"
#include "sila-i18n.h"
#include "sila-library-page.h"
#include "sila-new-request-window.h"
#include "sila-request-prefs-page.h"
#include "sila-request-view-private.h"
#include "sila-requests-page.h"
#include "sila-signature-pad.h"
#include "sila-store-contacts.h"
#include "sila-store-drafts.h"
#include "sila-store-private.h"
#include "sila-store-staff.h"
#include "sila-test-requests.h"
#include "sila-test-shots.h"
#include "sila-test-staff.h"
#include "sila-test-util.h"
#include "sila-window.h"

static gboolean arabic;

typedef struct {
  SilaTestDir  dir;
  SilaStore   *store;
  SilaSession *session;
  SilaWindow  *window;
  SilaActor   *officer;
  SilaActor   *researcher;
  SilaActor   *committee;
  char        *beneficiary_id;
} Fixture;

static void
settle (GtkWidget *widget)
{
  gtk_test_widget_wait_for_draw (widget);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  sila_test_dir_setup (&f->dir, NULL);
  f->store = sila_store_open (f->dir.db_path, 0, &error);
  g_assert_no_error (error);
  sila_store_set_unsynced_for_testing (f->store);
  f->officer = sila_test_add_staff (f->store, "huda", SILA_ROLE_OFFICER);
  f->researcher = sila_test_add_staff (f->store, "fahad", SILA_ROLE_RESEARCHER);
  f->committee = sila_test_add_staff (f->store, "khalid", SILA_ROLE_COMMITTEE);
  f->beneficiary_id = sila_test_add_beneficiary (f->store, f->officer, "100000001", "نورة");

  f->session = sila_session_new (f->store, sila_actor_copy (f->officer));
  f->window = sila_window_new (NULL, f->session);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 800);
  gtk_window_present (GTK_WINDOW (f->window));
  settle (GTK_WIDGET (f->window));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&f->session);
  sila_actor_free (f->officer);
  sila_actor_free (f->researcher);
  sila_actor_free (f->committee);
  g_free (f->beneficiary_id);
  g_assert_finalize_object (f->store);
  sila_test_dir_teardown (&f->dir, NULL);
}

/* The toplevel of @type that the window opened. */
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

static gboolean
label_shows (GtkLabel *label)
{
  return gtk_widget_get_visible (GTK_WIDGET (label)) && *gtk_label_get_label (label) != '\0';
}

static SilaRequestsPage *
requests_page (Fixture *f)
{
  g_assert_true (sila_window_show_section (f->window, "requests"));
  settle (GTK_WIDGET (f->window));
  return SILA_REQUESTS_PAGE (sila_window_get_section_page (f->window, "requests"));
}

/* Signs in as @actor in this window, and shows the request again. */
static SilaRequestView *
act_as (Fixture         *f,
        const SilaActor *actor,
        const char      *request_id)
{
  SilaRequestsPage *page = requests_page (f);

  sila_session_set_actor (f->session, sila_actor_copy (actor));
  g_assert_true (sila_window_show_request (f->window, request_id));
  settle (GTK_WIDGET (f->window));
  return sila_requests_page_get_view (page);
}

/* Takes the step as the person would: a step that cannot be taken back
 * asks first, and the person says yes. */
static void
move (SilaRequestView   *view,
      SilaRequestStatus  to)
{
  GtkWidget *dialog;

  gtk_widget_activate_action (GTK_WIDGET (view), "request.move", "s",
                              sila_request_status_to_code (to));
  settle (GTK_WIDGET (view));
  dialog = sila_request_view_get_confirm_dialog (view);
  if (dialog != NULL)
    {
      adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "confirm");
      settle (GTK_WIDGET (view));
    }
}

static void
expect_status (Fixture           *f,
               const char        *id,
               SilaRequestStatus  status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaRequest) request = sila_store_get_request (f->store, f->officer, id, &error);

  g_assert_no_error (error);
  g_assert_cmpint (request->status, ==, status);
}

/* Asks for the step to @to, which cannot be taken back: the question names
 * the request and what follows, its yes is styled as destructive; "Cancel"
 * leaves the request at @stays. */
static void
ask_and_cancel (Fixture           *f,
                SilaRequestView   *view,
                const char        *id,
                SilaRequestStatus  to,
                SilaRequestStatus  stays)
{
  AdwMessageDialog *dialog;
  const char *number = sila_request_view_get_request (view)->number;
  g_autofree char *shot = g_strdup_printf ("confirm-%s", sila_request_status_to_code (to));

  gtk_widget_activate_action (GTK_WIDGET (view), "request.move", "s",
                              sila_request_status_to_code (to));
  settle (GTK_WIDGET (view));
  dialog = ADW_MESSAGE_DIALOG (sila_request_view_get_confirm_dialog (view));
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), number));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog),
                            arabic ? "لا يمكن" : "cannot"));
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "confirm"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  expect_status (f, id, stays);
  if (g_getenv ("SILA_TEST_SHOTS") != NULL)
    sila_test_shoot (GTK_WIDGET (dialog), g_getenv ("SILA_TEST_SHOTS"), shot,
                     arabic ? "ar" : "en");

  adw_message_dialog_response (dialog, "cancel");
  settle (GTK_WIDGET (view));
  g_assert_null (sila_request_view_get_confirm_dialog (view));
  expect_status (f, id, stays);
}

/* What pdftotext reads, without bidi marks and without spaces (it may cut
 * Arabic words). */
static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", path, "-", NULL };
  g_autofree char *out = NULL;
  GString *clean = g_string_new (NULL);
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out,
                               NULL, &status, NULL));
  for (const char *p = out; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
          (c >= 0x2066 && c <= 0x2069))
        continue;
      g_string_append_unichar (clean, c);
    }
  return g_string_free (clean, FALSE);
}

static gboolean
pdf_has (const char *text,
         const char *words)
{
  g_autoptr(GString) needle = g_string_new (NULL);

  for (const char *p = words; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (needle, g_utf8_get_char (p));
  return strstr (text, needle->str) != NULL;
}

/* Received → closed, through the screens. */
static void
test_request_to_closed (Fixture       *f,
                        gconstpointer  data)
{
  static const double stroke[] = { 0.1, 0.6, 0.2, 0.3, 0.3, 0.7, 0.45, 0.35, 0.6, 0.65, 0.8, 0.4 };
  SilaNewRequestWindow *dialog;
  SilaRequestView *view;
  SilaRequestsPage *page;
  GtkWidget *entry;
  g_autofree char *id = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaRequest) done = NULL;
  g_autofree char *past = NULL;
  GDate day;

  gtk_widget_set_default_direction (arabic ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);
  page = requests_page (f);

  /* Opened from the beneficiary's file (the profile's hook). */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-request", "s",
                                             f->beneficiary_id));
  dialog = SILA_NEW_REQUEST_WINDOW (find_toplevel (SILA_TYPE_NEW_REQUEST_WINDOW));
  g_assert_nonnull (dialog);
  settle (GTK_WIDGET (dialog));
  sila_new_request_window_choose (dialog, "financial_aid", SILA_CHANNEL_INTERVIEW);
  gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (dialog),
                                                                      SILA_TYPE_NEW_REQUEST_WINDOW,
                                                                      "amount_row")),
                         "1,500 riyals?");

  /* A bad amount and no signature: both refused beside their fields,
   * nothing opened, what was typed kept. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "new-request.open", NULL);
  g_assert_true (label_shows (GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (dialog),
                                                                        SILA_TYPE_NEW_REQUEST_WINDOW,
                                                                        "amount_error"))));
  g_assert_true (label_shows (GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (dialog),
                                                                        SILA_TYPE_NEW_REQUEST_WINDOW,
                                                                        "declaration_error"))));
  g_assert_true (find_toplevel (SILA_TYPE_NEW_REQUEST_WINDOW) == GTK_WIDGET (dialog));

  gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (dialog),
                                                                      SILA_TYPE_NEW_REQUEST_WINDOW,
                                                                      "amount_row")),
                         "١٬٥٠٠");
  sila_signature_pad_add_stroke (SILA_SIGNATURE_PAD (sila_new_request_window_get_pad (dialog)),
                                 stroke, G_N_ELEMENTS (stroke) / 2);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "new-request.open", NULL);
  settle (GTK_WIDGET (f->window));
  g_assert_null (find_toplevel (SILA_TYPE_NEW_REQUEST_WINDOW));

  /* The request screen shows it, waiting for its documents. */
  view = sila_requests_page_get_view (page);
  g_assert_nonnull (sila_request_view_get_request (view));
  id = g_strdup (sila_request_view_get_request (view)->id);
  g_assert_cmpint (sila_request_view_get_request (view)->declaration, ==, SILA_DECLARATION_DRAWN);
  g_assert_cmpint (sila_request_view_get_request (view)->amount_asked, ==, 150000);

  /* The gate: not complete; the screen says which, the rows stand out. */
  move (view, SILA_REQUEST_DOCUMENTS_COMPLETE);
  g_assert_true (label_shows (view->step_error));
  g_assert_true (gtk_widget_has_css_class (sila_request_view_get_document_row (view,
                                                                              "income_proof"),
                                           "error"));
  expect_status (f, id, SILA_REQUEST_RECEIVED);

  /* An ID copy expired before today: recorded as expired, said beside it. */
  sila_clock_today (&day);
  g_date_subtract_days (&day, 1);
  past = sila_date_to_iso (&day);
  entry = g_hash_table_lookup (view->expiry_entries, "national_id_copy");
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), past);
  gtk_widget_activate_action (GTK_WIDGET (view), "request.document", "(ss)", "national_id_copy",
                              "verified");
  settle (GTK_WIDGET (view));
  g_assert_true (label_shows (view->checklist_error));
  g_assert_cmpint (sila_request_find_document (sila_request_view_get_request (view),
                                               "national_id_copy")->status, ==,
                   SILA_DOCUMENT_EXPIRED);

  entry = g_hash_table_lookup (view->expiry_entries, "national_id_copy");
  gtk_editable_set_text (GTK_EDITABLE (entry), "2035-01-01");
  gtk_widget_activate_action (GTK_WIDGET (view), "request.document", "(ss)", "national_id_copy",
                              "verified");
  gtk_widget_activate_action (GTK_WIDGET (view), "request.document", "(ss)", "income_proof",
                              "verified");
  settle (GTK_WIDGET (view));
  g_assert_false (label_shows (view->checklist_error));

  move (view, SILA_REQUEST_DOCUMENTS_COMPLETE);
  expect_status (f, id, SILA_REQUEST_DOCUMENTS_COMPLETE);

  /* Referred, to fahad. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (view->step_stack), ==, "refer");
  adw_combo_row_set_selected (view->researcher_row, 1);
  move (view, SILA_REQUEST_IN_RESEARCH);
  expect_status (f, id, SILA_REQUEST_IN_RESEARCH);
  g_assert_cmpstr (sila_request_view_get_request (view)->researcher, ==, "fahad");

  /* The officer may not write the research report: refused beside the step. */
  move (view, SILA_REQUEST_RESEARCH_DONE);
  g_assert_true (label_shows (view->step_error) || label_shows (view->findings_error));
  expect_status (f, id, SILA_REQUEST_IN_RESEARCH);

  /* The researcher: it waits in their queue; the report needs its findings. */
  sila_session_set_actor (f->session, sila_actor_copy (f->researcher));
  sila_requests_page_show_list (page, "research");
  sila_session_notify_changed (f->session, "requests");
  settle (GTK_WIDGET (f->window));
  g_assert_nonnull (gtk_list_box_get_row_at_index (sila_requests_page_get_queue (page,
                                                                                 "research"),
                                                   0));
  view = act_as (f, f->researcher, id);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (view->step_stack), ==, "research");
  gtk_editable_set_text (GTK_EDITABLE (view->visit_row), "2999-01-01");
  move (view, SILA_REQUEST_RESEARCH_DONE);
  g_assert_true (label_shows (view->visit_error));
  g_assert_true (label_shows (view->findings_error));
  g_assert_true (label_shows (view->recommendation_error));
  gtk_editable_set_text (GTK_EDITABLE (view->visit_row), "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view->findings_view),
                            "زيارة منزلية: أسرة من خمسة أفراد، الدخل لا يكفي الإيجار.", -1);
  gtk_editable_set_text (GTK_EDITABLE (view->recommendation_row), "نوصي بالقبول");
  move (view, SILA_REQUEST_RESEARCH_DONE);
  expect_status (f, id, SILA_REQUEST_RESEARCH_DONE);

  /* The officer raises it to the committee; it is in the committee's queue. */
  view = act_as (f, f->officer, id);
  move (view, SILA_REQUEST_WITH_COMMITTEE);
  expect_status (f, id, SILA_REQUEST_WITH_COMMITTEE);
  sila_requests_page_show_list (page, "committee");
  settle (GTK_WIDGET (f->window));
  g_assert_nonnull (gtk_list_box_get_row_at_index (sila_requests_page_get_queue (page,
                                                                                 "committee"),
                                                   0));

  /* The committee: a rejection without its reason is refused beside it. */
  view = act_as (f, f->committee, id);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (view->step_stack), ==, "decision");
  move (view, SILA_REQUEST_REJECTED);
  g_assert_true (label_shows (view->reason_error));
  expect_status (f, id, SILA_REQUEST_WITH_COMMITTEE);
  gtk_editable_set_text (GTK_EDITABLE (view->members_row), "خالد، سارة، عمر");
  /* A decision cannot be taken back: the window asks first, and saying no
   * changes nothing, not even what was typed. */
  ask_and_cancel (f, view, id, SILA_REQUEST_ACCEPTED, SILA_REQUEST_WITH_COMMITTEE);
  gtk_editable_set_text (GTK_EDITABLE (view->reason_row), "الدخل يكفي");
  ask_and_cancel (f, view, id, SILA_REQUEST_REJECTED, SILA_REQUEST_WITH_COMMITTEE);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (view->reason_row)), ==, "الدخل يكفي");
  gtk_editable_set_text (GTK_EDITABLE (view->reason_row), "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (view->members_row)), ==,
                   "خالد، سارة، عمر");
  move (view, SILA_REQUEST_ACCEPTED);
  expect_status (f, id, SILA_REQUEST_ACCEPTED);

  /* The officer registers it, records the service, closes it. */
  view = act_as (f, f->officer, id);
  move (view, SILA_REQUEST_REGISTERED);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (view->step_stack), ==, "delivery");
  gtk_editable_set_text (GTK_EDITABLE (view->amount_row), "abc");
  move (view, SILA_REQUEST_DELIVERED);
  g_assert_true (label_shows (view->amount_error));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (view->amount_row)), ==, "abc");
  gtk_editable_set_text (GTK_EDITABLE (view->amount_row), "1500");
  adw_combo_row_set_selected (view->kind_row, 1);
  move (view, SILA_REQUEST_DELIVERED);
  move (view, SILA_REQUEST_CLOSED);
  expect_status (f, id, SILA_REQUEST_CLOSED);

  done = sila_store_get_request (f->store, f->officer, id, &error);
  g_assert_cmpuint (done->events->len, ==, 9);
  g_assert_cmpstr (((SilaRequestEvent *)g_ptr_array_index (done->events, 3))->by, ==, "fahad");
  g_assert_cmpstr (((SilaRequestEvent *)g_ptr_array_index (done->events, 5))->by, ==, "khalid");
  g_assert_cmpstr (done->decision->members, ==, "خالد، سارة، عمر");
  g_assert_cmpint (((SilaDelivery *)g_ptr_array_index (done->deliveries, 0))->amount_halalas,
                   ==, 150000);
  g_assert_cmpstr (((SilaDelivery *)g_ptr_array_index (done->deliveries, 0))->kind, ==,
                   "bank_transfer");
  /* The screen shows the whole timeline and no step any more. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (view->step_group)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (view->withdraw_group)));

  /* The printed form, read back. */
  pdf = sila_request_view_export_form (view, &error);
  g_assert_no_error (error);
  text = pdf_text (pdf);
  g_assert_true (pdf_has (text, done->number));
  /* (pdftotext spells the ligature of "الله" apart: look at the other words.) */
  g_assert_true (pdf_has (text, "نورة"));
  g_assert_true (pdf_has (text, "الحربي"));
  /* The association's name, up to its lam-alef ligature (which pdftotext
   * takes apart too). */
  g_assert_true (pdf_has (text, "جمعية صلة للخدمات"));
  g_assert_true (pdf_has (text, arabic ? "صورة الهوية الوطنية" : "Copy of the national ID"));
  g_assert_true (pdf_has (text, arabic ? "طلب دعم مستفيد" : "Beneficiary support request"));
  g_unlink (pdf);
}

/* A request half typed when the window went away comes back as it was. */
static void
test_draft_kept (Fixture       *f,
                 gconstpointer  data)
{
  static const double stroke[] = { 0.1, 0.5, 0.3, 0.2, 0.5, 0.6, 0.7, 0.3, 0.9, 0.5 };
  g_autoptr(GPtrArray) drafts = NULL;
  SilaNewRequestWindow *dialog;
  GtkWidget *amount;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-request", "s",
                                             f->beneficiary_id));
  dialog = SILA_NEW_REQUEST_WINDOW (find_toplevel (SILA_TYPE_NEW_REQUEST_WINDOW));
  sila_new_request_window_choose (dialog, "medical", SILA_CHANNEL_WEBSITE);
  amount = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog),
                                                      SILA_TYPE_NEW_REQUEST_WINDOW, "amount_row"));
  gtk_editable_set_text (GTK_EDITABLE (amount), "750 ر.س");
  sila_signature_pad_add_stroke (SILA_SIGNATURE_PAD (sila_new_request_window_get_pad (dialog)),
                                 stroke, G_N_ELEMENTS (stroke) / 2);
  sila_new_request_window_save_draft (dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));
  settle (GTK_WIDGET (f->window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-request", "s",
                                             f->beneficiary_id));
  dialog = SILA_NEW_REQUEST_WINDOW (find_toplevel (SILA_TYPE_NEW_REQUEST_WINDOW));
  amount = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog),
                                                      SILA_TYPE_NEW_REQUEST_WINDOW, "amount_row"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (amount)), ==, "750 ر.س");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog),
                                                                                    SILA_TYPE_NEW_REQUEST_WINDOW,
                                                                                    "restored_box"))));
  g_assert_false (sila_signature_pad_is_empty (SILA_SIGNATURE_PAD (sila_new_request_window_get_pad (dialog))));

  /* Opened: the draft is done with. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "new-request.open", NULL);
  settle (GTK_WIDGET (f->window));
  g_assert_null (find_toplevel (SILA_TYPE_NEW_REQUEST_WINDOW));
  g_assert_cmpstr (sila_request_view_get_request (sila_requests_page_get_view (requests_page (f)))->type,
                   ==, "medical");
  drafts = sila_store_list_drafts (f->store, f->officer, SILA_DRAFT_KIND_REQUEST, NULL);
  g_assert_cmpuint (drafts->len, ==, 0);
}

/* The list, its filters and the beneficiary's requests. */
static void
test_lists (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(SilaRequest) late = NULL;
  g_autoptr(SilaRequest) fresh = NULL;
  g_autoptr(GDateTime) early = g_date_time_new_utc (2025, 1, 5, 9, 0, 0);
  SilaRequestsPage *page;
  GtkWidget *holder = gtk_window_new ();
  GtkWidget *history;
  guint n_overdue = 0;

  sila_clock_set_fixed (early);
  late = sila_test_open_request (f->store, f->officer, f->beneficiary_id, "rent", "2025-01-01");
  sila_clock_set_fixed (NULL);
  fresh = sila_test_open_request (f->store, f->officer, f->beneficiary_id, "food_basket", NULL);

  page = requests_page (f);
  sila_session_notify_changed (f->session, "requests");
  g_assert_cmpuint (sila_requests_page_count_listed (page), ==, 2);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (page),
                                                                                SILA_TYPE_REQUESTS_PAGE,
                                                                                "overdue_check")),
                               TRUE);
  g_assert_cmpuint (sila_requests_page_count_listed (page), ==, 1);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (page),
                                                                                SILA_TYPE_REQUESTS_PAGE,
                                                                                "overdue_check")),
                               FALSE);
  gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (page),
                                                                      SILA_TYPE_REQUESTS_PAGE,
                                                                      "search_entry")),
                         fresh->number);
  g_signal_emit_by_name (gtk_widget_get_template_child (GTK_WIDGET (page), SILA_TYPE_REQUESTS_PAGE,
                                                        "search_entry"), "search-changed");
  g_assert_cmpuint (sila_requests_page_count_listed (page), ==, 1);

  /* The profile's hook: both requests, the late one standing out. */
  history = sila_beneficiary_requests_new (f->session, f->beneficiary_id);
  gtk_window_set_child (GTK_WINDOW (holder), history);
  gtk_window_present (GTK_WINDOW (holder));
  settle (holder);
  g_assert_cmpuint (sila_beneficiary_requests_count (SILA_BENEFICIARY_REQUESTS (history),
                                                     &n_overdue), ==, 2);
  g_assert_cmpuint (n_overdue, ==, 1);
  gtk_window_destroy (GTK_WINDOW (holder));
}

/* Contacts: quick entry from anywhere, the log, a referral answered. */
static void
test_contacts (Fixture       *f,
               gconstpointer  data)
{
  SilaContactWindow *dialog;
  SilaContactsPage *contacts;
  SilaRequestsPage *page;
  GtkListBox *referrals;
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaContact) referral = sila_contact_new ();

  g_assert_true (sila_window_show_section (f->window, "library"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-contact", NULL));
  dialog = SILA_CONTACT_WINDOW (find_toplevel (SILA_TYPE_CONTACT_WINDOW));
  g_assert_nonnull (dialog);
  settle (GTK_WIDGET (dialog));

  sila_contact_window_fill (dialog, SILA_CHANNEL_SOCIAL_MEDIA, "   ", NULL);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "contact.save", NULL);
  g_assert_true (label_shows (GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (dialog),
                                                                        SILA_TYPE_CONTACT_WINDOW,
                                                                        "question_error"))));
  sila_contact_window_fill (dialog, SILA_CHANNEL_SOCIAL_MEDIA, "متى يفتح باب التسجيل؟",
                            "يوم الأحد القادم");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "contact.save", NULL);
  settle (GTK_WIDGET (f->window));
  g_assert_null (find_toplevel (SILA_TYPE_CONTACT_WINDOW));

  g_assert_true (sila_window_show_section (f->window, "contacts"));
  settle (GTK_WIDGET (f->window));
  contacts = SILA_CONTACTS_PAGE (sila_window_get_section_page (f->window, "contacts"));
  g_assert_cmpuint (sila_contacts_page_count (contacts), ==, 1);

  /* A referral to fahad, answered from his queue. */
  referral->channel = SILA_CHANNEL_INTERVIEW;
  referral->kind = SILA_CONTACT_REFERRAL;
  referral->status = SILA_CONTACT_REFERRED;
  referral->referred_to = g_strdup ("fahad");
  referral->beneficiary_id = g_strdup (f->beneficiary_id);
  referral->question = g_strdup ("لم تفهم شروط دعم الإيجار");
  referral->asked_at = sila_clock_timestamp ();
  g_assert_true (sila_store_add_contact (f->store, f->officer, referral, &error));
  g_assert_no_error (error);
  sila_session_notify_changed (f->session, "contacts");
  g_assert_cmpuint (sila_contacts_page_count (contacts), ==, 2);

  sila_session_set_actor (f->session, sila_actor_copy (f->researcher));
  page = requests_page (f);
  sila_session_notify_changed (f->session, "contacts");
  referrals = sila_requests_page_get_queue (page, "referrals");
  g_assert_nonnull (gtk_list_box_get_row_at_index (referrals, 0));
  g_assert_true (sila_contact_row_answer (GTK_WIDGET (gtk_list_box_get_row_at_index (referrals,
                                                                                    0)),
                                          "شرحت الشروط للمستفيدة"));
  g_assert_null (gtk_list_box_get_row_at_index (referrals, 0));
  {
    g_autoptr(SilaContact) back = sila_store_get_contact (f->store, f->officer, referral->id,
                                                          &error);

    g_assert_cmpint (back->status, ==, SILA_CONTACT_ANSWERED);
    g_assert_cmpstr (back->answered_by, ==, "fahad");
  }
}

/* The blank form in the library; the checklist in Preferences. */
static void
test_library_and_preferences (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaActor) admin = sila_test_admin (f->store);
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) rules = NULL;
  SilaLibraryPage *library;
  GtkWidget *prefs;
  GtkWidget *holder = gtk_window_new ();

  g_assert_true (sila_window_show_section (f->window, "library"));
  settle (GTK_WIDGET (f->window));
  library = SILA_LIBRARY_PAGE (sila_window_get_section_page (f->window, "library"));
  pdf = sila_library_page_export_form (library, &error);
  g_assert_no_error (error);
  text = pdf_text (pdf);
  g_assert_true (pdf_has (text, "جمعية صلة للخدمات"));
  g_assert_true (pdf_has (text, arabic ? "سلة غذائية" : "Food basket"));
  g_assert_true (pdf_has (text, arabic ? "إقرار مقدم الطلب" : "The applicant’s declaration"));
  g_unlink (pdf);

  /* An officer sees the checklists but may not change them. */
  prefs = sila_request_prefs_page_new (f->session);
  gtk_window_set_child (GTK_WINDOW (holder), prefs);
  gtk_window_present (GTK_WINDOW (holder));
  settle (holder);
  g_assert_false (sila_request_prefs_page_set_requirement (SILA_REQUEST_PREFS_PAGE (prefs), "rent",
                                                           "bills", SILA_REQUIREMENT_REQUIRED));
  gtk_window_destroy (GTK_WINDOW (holder));

  /* An administrator may. */
  sila_session_set_actor (f->session, sila_actor_copy (admin));
  holder = gtk_window_new ();
  prefs = sila_request_prefs_page_new (f->session);
  gtk_window_set_child (GTK_WINDOW (holder), prefs);
  gtk_window_present (GTK_WINDOW (holder));
  settle (holder);
  g_assert_true (sila_request_prefs_page_set_requirement (SILA_REQUEST_PREFS_PAGE (prefs), "rent",
                                                          "bills", SILA_REQUIREMENT_REQUIRED));
  rules = sila_store_list_checklist (f->store, "rent", &error);
  g_assert_cmpuint (rules->len, ==, 5);
  gtk_window_destroy (GTK_WINDOW (holder));
}

/* Withdrawing asks first; "Cancel" leaves the request open with the reason
 * still typed, "Withdraw Request" withdraws it. */
static void
test_withdraw_asks (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(SilaRequest) request = sila_test_open_request (f->store, f->officer,
                                                           f->beneficiary_id, "financial_aid",
                                                           "2026-12-01");
  SilaRequestView *view = act_as (f, f->officer, request->id);
  GtkWidget *dialog;

  gtk_editable_set_text (GTK_EDITABLE (view->withdraw_reason_row), "طلبت الأسرة إلغاءه");
  ask_and_cancel (f, view, request->id, SILA_REQUEST_WITHDRAWN, SILA_REQUEST_RECEIVED);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (view->withdraw_reason_row)), ==,
                   "طلبت الأسرة إلغاءه");

  gtk_widget_activate_action (GTK_WIDGET (view), "request.withdraw", NULL);
  settle (GTK_WIDGET (view));
  dialog = sila_request_view_get_confirm_dialog (view);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "confirm");
  settle (GTK_WIDGET (f->window));
  expect_status (f, request->id, SILA_REQUEST_WITHDRAWN);
}

static guint
count_requests (Fixture *f)
{
  g_autoptr(GPtrArray) rows = NULL;
  SilaRequestFilter filter;

  sila_request_filter_init (&filter);
  filter.beneficiary_id = f->beneficiary_id;
  rows = sila_store_list_requests (f->store, f->officer, &filter, 100, NULL);
  return rows->len;
}

/* A type the person already has open: the window warns beside the type and
 * opens another only once the officer says so. */
static void
test_repeat_warns (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(SilaRequest) held = sila_test_open_request (f->store, f->officer, f->beneficiary_id,
                                                        "financial_aid", "2026-12-01");
  SilaNewRequestWindow *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-request", "s",
                                             f->beneficiary_id));
  dialog = SILA_NEW_REQUEST_WINDOW (find_toplevel (SILA_TYPE_NEW_REQUEST_WINDOW));
  g_assert_nonnull (dialog);
  settle (GTK_WIDGET (dialog));

  sila_new_request_window_choose (dialog, "medical", SILA_CHANNEL_INTERVIEW);
  settle (GTK_WIDGET (dialog));
  g_assert_false (sila_new_request_window_has_repeat_warning (dialog));
  sila_new_request_window_choose (dialog, "financial_aid", SILA_CHANNEL_INTERVIEW);
  settle (GTK_WIDGET (dialog));
  g_assert_true (sila_new_request_window_has_repeat_warning (dialog));
  if (g_getenv ("SILA_TEST_SHOTS") != NULL)
    sila_test_shoot (GTK_WIDGET (dialog), g_getenv ("SILA_TEST_SHOTS"), "repeat-warning",
                     arabic ? "ar" : "en");

  /* Signed on paper; opening without saying so opens nothing. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (gtk_widget_get_template_child (
                                 GTK_WIDGET (dialog), SILA_TYPE_NEW_REQUEST_WINDOW, "paper_check")),
                               TRUE);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "new-request.open", NULL);
  settle (GTK_WIDGET (f->window));
  g_assert_true (find_toplevel (SILA_TYPE_NEW_REQUEST_WINDOW) == GTK_WIDGET (dialog));
  g_assert_cmpuint (count_requests (f), ==, 1);

  sila_new_request_window_confirm_repeat (dialog);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "new-request.open", NULL);
  settle (GTK_WIDGET (f->window));
  g_assert_null (find_toplevel (SILA_TYPE_NEW_REQUEST_WINDOW));
  g_assert_cmpuint (count_requests (f), ==, 2);
}

int
main (int argc, char **argv)
{
  const char *lang = g_getenv ("SILA_TEST_LANG");
  g_autofree char *home = g_dir_make_tmp ("sila-home-XXXXXX", NULL);
  int status;

  g_setenv ("XDG_CACHE_HOME", home, TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  sila_store_set_cheap_hashes_for_testing (TRUE);

  arabic = g_strcmp0 (lang, "en") != 0;
  sila_i18n_init (arabic ? SILA_LANGUAGE_ARABIC : SILA_LANGUAGE_ENGLISH);
  gtk_widget_set_default_direction (arabic ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/sila/ui/requests/received-to-closed", test_request_to_closed);
  ADD ("/sila/ui/requests/draft-kept", test_draft_kept);
  ADD ("/sila/ui/requests/withdraw-asks", test_withdraw_asks);
  ADD ("/sila/ui/requests/repeat-warns", test_repeat_warns);
  ADD ("/sila/ui/requests/lists-and-profile", test_lists);
  ADD ("/sila/ui/contacts/quick-entry-and-referral", test_contacts);
  ADD ("/sila/ui/requests/library-and-preferences", test_library_and_preferences);

#undef ADD

  status = g_test_run ();
  sila_test_rm_rf (home);
  return status;
}
