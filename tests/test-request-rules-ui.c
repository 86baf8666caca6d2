/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One rule, one place: the request screen and the command line are given
 * the same inputs for a step and must agree — both refuse, with the same
 * words (the core's), or both take it. And the checklist's expiry dates:
 * what is typed is saved (Enter, or leaving the field) or refused beside
 * the field; a type that expires is not verified without its date; the
 * banner follows the documents. In a real window; run with
 * SILA_TEST_LANG=ar (and en). */
#include "sila-config.h"

#include <adwaita.h>

#include "sila-clock.h"
#include "sila-i18n.h"
#include "sila-request-view-private.h"
#include "sila-request-workflow.h"
#include "sila-requests-page.h"
#include "sila-store-private.h"
#include "sila-test-requests.h"
#include "sila-test-staff.h"
#include "sila-test-util.h"
#include "sila-window.h"

/* The password sila-test-staff.c gives every account it makes. */
#define TEST_PASSWORD "Sila-test-2026"

static gboolean arabic;

typedef struct {
  SilaTestDir  dir;
  SilaStore   *store;
  SilaSession *session;
  SilaWindow  *window;
  SilaActor   *worker;  /* officer, researcher and committee member */
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
  f->worker = sila_test_add_staff (f->store, "worker",
                                   SILA_ROLE_OFFICER | SILA_ROLE_RESEARCHER | SILA_ROLE_COMMITTEE);
  f->beneficiary_id = sila_test_add_beneficiary (f->store, f->worker, "100000001", "نورة");

  f->session = sila_session_new (f->store, sila_actor_copy (f->worker));
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
  sila_actor_free (f->worker);
  g_free (f->beneficiary_id);
  g_assert_finalize_object (f->store);
  sila_test_dir_teardown (&f->dir, NULL);
}

/* A request of @type walked to @status, its number in @number. */
static char *
request_at (Fixture           *f,
            const char        *type,
            SilaRequestStatus  status,
            char             **number)
{
  g_autoptr(SilaRequest) request = sila_test_open_request (f->store, f->worker,
                                                           f->beneficiary_id, type, NULL);

  sila_test_walk_request (f->store, f->worker, request->id, status);
  *number = g_strdup (request->number);
  return g_strdup (request->id);
}

static SilaRequestView *
show (Fixture    *f,
      const char *id)
{
  SilaRequestsPage *page;

  g_assert_true (sila_window_show_section (f->window, "requests"));
  settle (GTK_WIDGET (f->window));
  page = SILA_REQUESTS_PAGE (sila_window_get_section_page (f->window, "requests"));
  g_assert_true (sila_window_show_request (f->window, id));
  settle (GTK_WIDGET (f->window));
  return sila_requests_page_get_view (page);
}

static SilaRequest *
stored (Fixture    *f,
        const char *id)
{
  g_autoptr(GError) error = NULL;
  SilaRequest *request = sila_store_get_request (f->store, f->worker, id, &error);

  g_assert_no_error (error);
  return request;
}

/* Runs the command line on the fixture's database, in the window's
 * language, as the worker; returns its exit status and what it said. */
static int
run_cli (Fixture     *f,
         const char  *args[],
         char       **said)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  int status;

  g_ptr_array_add (argv, (char *)g_getenv ("SILA_BIN"));
  g_ptr_array_add (argv, "--database");
  g_ptr_array_add (argv, f->dir.db_path);
  g_ptr_array_add (argv, "--lang");
  g_ptr_array_add (argv, arabic ? "ar" : "en");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *)args[i]);
  g_ptr_array_add (argv, NULL);
  env = g_environ_setenv (env, "SILA_USER", "worker", TRUE);
  env = g_environ_setenv (env, "SILA_PASSWORD", TEST_PASSWORD, TRUE);

  g_assert_nonnull (g_getenv ("SILA_BIN"));
  g_assert_true (g_spawn_sync (NULL, (char **)argv->pdata, env, G_SPAWN_STDOUT_TO_DEV_NULL, NULL,
                               NULL, NULL, said, &status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

/* The messages the window shows beside the fields of a step. */
static GPtrArray *
shown_messages (SilaRequestView *view)
{
  GtkLabel *labels[] = {
    view->findings_error, view->recommendation_error, view->visit_error, view->reason_error,
    view->amount_error, view->delivered_error, view->decided_error, view->withdraw_error,
    view->step_error,
  };
  GPtrArray *messages = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (gtk_widget_get_visible (GTK_WIDGET (labels[i])) &&
        *gtk_label_get_label (labels[i]) != '\0')
      g_ptr_array_add (messages, g_strdup (gtk_label_get_label (labels[i])));
  return messages;
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    n += *p == '\n';
  return n;
}

typedef struct {
  SilaRequestStatus  from;
  SilaRequestStatus  to;
  const char        *findings;        /* the research report, or NULL */
  const char        *recommendation;
  const char        *reason;          /* rejection or withdrawal */
  const char        *amount;          /* delivery */
  gboolean           accepted;
} Case;

static void
type_into_window (SilaRequestView *view,
                  const Case      *c)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view->findings_view),
                            c->findings != NULL ? c->findings : "", -1);
  gtk_editable_set_text (GTK_EDITABLE (view->recommendation_row),
                         c->recommendation != NULL ? c->recommendation : "");
  gtk_editable_set_text (GTK_EDITABLE (view->reason_row), c->reason != NULL ? c->reason : "");
  gtk_editable_set_text (GTK_EDITABLE (view->withdraw_reason_row),
                         c->reason != NULL ? c->reason : "");
  gtk_editable_set_text (GTK_EDITABLE (view->amount_row), c->amount != NULL ? c->amount : "");
}

/* The same inputs, the same answer: refused by both with the same words,
 * or taken by both. */
static void
test_window_and_cli_agree (Fixture       *f,
                           gconstpointer  data)
{
  static const Case cases[] = {
    /* The findings without the recommendation: the window always refused
     * this, the command line took it. */
    { SILA_REQUEST_IN_RESEARCH, SILA_REQUEST_RESEARCH_DONE,
      "زيارة منزلية: أسرة من خمسة أفراد", NULL, NULL, NULL, FALSE },
    { SILA_REQUEST_IN_RESEARCH, SILA_REQUEST_RESEARCH_DONE,
      NULL, "نوصي بالقبول", NULL, NULL, FALSE },
    { SILA_REQUEST_IN_RESEARCH, SILA_REQUEST_RESEARCH_DONE, "  ", " \t", NULL, NULL, FALSE },
    { SILA_REQUEST_IN_RESEARCH, SILA_REQUEST_RESEARCH_DONE,
      "زيارة منزلية: الدخل لا يكفي الإيجار", "نوصي بالقبول", NULL, NULL, TRUE },
    { SILA_REQUEST_WITH_COMMITTEE, SILA_REQUEST_REJECTED, NULL, NULL, "   ", NULL, FALSE },
    { SILA_REQUEST_WITH_COMMITTEE, SILA_REQUEST_REJECTED,
      NULL, NULL, "الدخل يكفي حاجة الأسرة", NULL, TRUE },
    { SILA_REQUEST_REGISTERED, SILA_REQUEST_DELIVERED, NULL, NULL, NULL, NULL, FALSE },
    { SILA_REQUEST_REGISTERED, SILA_REQUEST_DELIVERED, NULL, NULL, NULL, "-5", FALSE },
    { SILA_REQUEST_REGISTERED, SILA_REQUEST_DELIVERED, NULL, NULL, NULL, "1500", TRUE },
    { SILA_REQUEST_RECEIVED, SILA_REQUEST_WITHDRAWN, NULL, NULL, NULL, NULL, FALSE },
    { SILA_REQUEST_RECEIVED, SILA_REQUEST_WITHDRAWN, NULL, NULL, "انتقلت الأسرة", NULL, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const Case *c = &cases[i];
      g_autofree char *window_number = NULL, *cli_number = NULL, *said = NULL;
      g_autofree char *window_id = request_at (f, "food_basket", c->from, &window_number);
      g_autofree char *cli_id = request_at (f, "food_basket", c->from, &cli_number);
      g_autoptr(GPtrArray) args = g_ptr_array_new ();
      g_autoptr(GPtrArray) messages = NULL;
      g_autoptr(SilaRequest) after_window = NULL, after_cli = NULL;
      SilaRequestView *view = show (f, window_id);
      int exit_status;

      g_test_message ("case %u: %s → %s", i, sila_request_status_to_code (c->from),
                      sila_request_status_to_code (c->to));

      /* The window. */
      type_into_window (view, c);
      gtk_widget_activate_action (GTK_WIDGET (view), "request.move", "s",
                                  sila_request_status_to_code (c->to));
      settle (GTK_WIDGET (view));
      /* A step that cannot be taken back is asked about first: yes. */
      if (sila_request_view_get_confirm_dialog (view) != NULL)
        {
          adw_message_dialog_response (
            ADW_MESSAGE_DIALOG (sila_request_view_get_confirm_dialog (view)), "confirm");
          settle (GTK_WIDGET (view));
        }
      messages = shown_messages (view);

      /* The command line. */
      g_ptr_array_add (args, "request");
      g_ptr_array_add (args, "move");
      g_ptr_array_add (args, cli_number);
      g_ptr_array_add (args, (char *)sila_request_status_to_code (c->to));
      if (c->findings != NULL)
        {
          g_ptr_array_add (args, "--note");
          g_ptr_array_add (args, (char *)c->findings);
        }
      if (c->recommendation != NULL)
        {
          g_ptr_array_add (args, "--recommendation");
          g_ptr_array_add (args, (char *)c->recommendation);
        }
      if (c->reason != NULL)
        {
          g_ptr_array_add (args, "--reason");
          g_ptr_array_add (args, (char *)c->reason);
        }
      if (c->amount != NULL)
        {
          g_ptr_array_add (args, "--amount");
          g_ptr_array_add (args, (char *)c->amount);
        }
      g_ptr_array_add (args, NULL);
      exit_status = run_cli (f, (const char **)args->pdata, &said);

      after_window = stored (f, window_id);
      after_cli = stored (f, cli_id);
      if (c->accepted)
        {
          g_assert_cmpuint (messages->len, ==, 0);
          g_assert_cmpint (exit_status, ==, 0);
          g_assert_cmpstr (said, ==, "");
          g_assert_cmpint (after_window->status, ==, c->to);
          g_assert_cmpint (after_cli->status, ==, c->to);
          continue;
        }

      /* Both refused, nothing changed, and each message the window shows
       * beside a field is the one the command line gives — no more. */
      g_assert_cmpint (exit_status, ==, 1);
      g_assert_cmpint (after_window->status, ==, c->from);
      g_assert_cmpint (after_cli->status, ==, c->from);
      g_assert_cmpuint (messages->len, >, 0);
      g_assert_cmpuint (count_lines (said), ==, messages->len);
      for (guint j = 0; j < messages->len; j++)
        {
          const char *message = g_ptr_array_index (messages, j);

          if (strstr (said, message) == NULL)
            g_error ("The window says “%s”; the command line says “%s”", message, said);
        }
    }
}

/* An expiry date typed after the document was verified is saved (Enter,
 * or leaving the field), or refused beside the field; nothing is shown
 * that is not stored. */
static void
test_expiry_typed_is_saved (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *number = NULL;
  g_autofree char *id = request_at (f, "financial_aid", SILA_REQUEST_RECEIVED, &number);
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaRequest) request = NULL;
  SilaRequestView *view;
  GtkWidget *entry, *other;
  GDate when;
  SilaDocumentStatus recorded;

  g_date_clear (&when, 1);
  g_date_set_dmy (&when, 1, 1, 2035);
  g_assert_true (sila_store_set_request_document (f->store, f->worker, id, "national_id_copy",
                                                  SILA_DOCUMENT_VERIFIED, &when, NULL, &recorded,
                                                  &error));
  g_assert_no_error (error);
  view = show (f, id);

  /* Enter. */
  entry = g_hash_table_lookup (view->expiry_entries, "national_id_copy");
  g_assert_nonnull (entry);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "2035-01-01");
  gtk_editable_set_text (GTK_EDITABLE (entry), "2036-05-20");
  g_signal_emit_by_name (entry, "activate");
  settle (GTK_WIDGET (view));
  request = stored (f, id);
  {
    const SilaRequestDocument *d = sila_request_find_document (request, "national_id_copy");
    g_autofree char *iso = sila_date_to_iso (&d->expires);

    g_assert_cmpstr (iso, ==, "2036-05-20");
    g_assert_cmpint (d->status, ==, SILA_DOCUMENT_VERIFIED);
  }
  g_clear_pointer (&request, sila_request_free);

  /* Leaving the field: the focus goes to the next one. A Hijri date is
   * saved as its day, and shown so. */
  entry = g_hash_table_lookup (view->expiry_entries, "national_id_copy");
  g_assert_true (gtk_widget_grab_focus (entry));
  settle (GTK_WIDGET (view));
  gtk_editable_set_text (GTK_EDITABLE (entry), "1460-01-01");
  other = GTK_WIDGET (view->note_row);
  g_assert_true (gtk_widget_grab_focus (other));
  settle (GTK_WIDGET (view));
  request = stored (f, id);
  {
    const SilaRequestDocument *d = sila_request_find_document (request, "national_id_copy");
    g_autofree char *iso = sila_date_to_iso (&d->expires);

    g_assert_cmpstr (iso, !=, "2036-05-20");
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, iso);
    g_assert_cmpint (d->status, ==, SILA_DOCUMENT_VERIFIED);
  }
  g_clear_pointer (&request, sila_request_free);

  /* A date that cannot be read: refused beside the field, nothing saved. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "the 40th of May");
  g_signal_emit_by_name (entry, "activate");
  settle (GTK_WIDGET (view));
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (view->checklist_error)));
  request = stored (f, id);
  g_assert_true (g_date_valid (&sila_request_find_document (request, "national_id_copy")->expires));
  g_clear_pointer (&request, sila_request_free);

  /* Emptied while verified: a type that expires keeps its date. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  g_signal_emit_by_name (entry, "activate");
  settle (GTK_WIDGET (view));
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  request = stored (f, id);
  g_assert_true (g_date_valid (&sila_request_find_document (request, "national_id_copy")->expires));
  g_assert_cmpint (sila_request_find_document (request, "national_id_copy")->status, ==,
                   SILA_DOCUMENT_VERIFIED);
  g_clear_pointer (&request, sila_request_free);

  /* A date before the day it was submitted: recorded as expired, and the
   * screen says so beside it. */
  {
    GDate yesterday;
    g_autofree char *iso = NULL;

    sila_clock_today (&yesterday);
    g_date_subtract_days (&yesterday, 1);
    iso = sila_date_to_iso (&yesterday);
    gtk_editable_set_text (GTK_EDITABLE (entry), iso);
    g_signal_emit_by_name (entry, "activate");
    settle (GTK_WIDGET (view));
    request = stored (f, id);
    g_assert_cmpint (sila_request_find_document (request, "national_id_copy")->status, ==,
                     SILA_DOCUMENT_EXPIRED);
    g_assert_cmpint (sila_request_find_document (sila_request_view_get_request (view),
                                                 "national_id_copy")->status, ==,
                     SILA_DOCUMENT_EXPIRED);
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (view->checklist_error)));
    entry = g_hash_table_lookup (view->expiry_entries, "national_id_copy");
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, iso);
  }
}

/* A type that expires is not verified without its date: refused beside
 * the field with the core's words, as the command line refuses it. */
static void
test_expiring_type_needs_date (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *number = NULL;
  g_autofree char *id = request_at (f, "financial_aid", SILA_REQUEST_RECEIVED, &number);
  g_autoptr(SilaRequest) request = NULL;
  g_autofree char *said = NULL;
  const char *args[] = { "request", "document", NULL, "national_id_copy", "verified", NULL };
  SilaRequestView *view = show (f, id);
  GtkWidget *entry = g_hash_table_lookup (view->expiry_entries, "national_id_copy");
  const char *message;

  g_assert_nonnull (entry);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  gtk_widget_activate_action (GTK_WIDGET (view), "request.document", "(ss)", "national_id_copy",
                              "verified");
  settle (GTK_WIDGET (view));
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (view->checklist_error)));
  message = gtk_label_get_label (view->checklist_error);
  request = stored (f, id);
  g_assert_cmpint (sila_request_find_document (request, "national_id_copy")->status, ==,
                   SILA_DOCUMENT_MISSING);

  args[2] = number;
  g_assert_cmpint (run_cli (f, args, &said), ==, 1);
  g_assert_nonnull (strstr (said, message));
  g_clear_pointer (&request, sila_request_free);
  request = stored (f, id);
  g_assert_cmpint (sila_request_find_document (request, "national_id_copy")->status, ==,
                   SILA_DOCUMENT_MISSING);

  /* A type that does not expire is verified as before. */
  gtk_widget_activate_action (GTK_WIDGET (view), "request.document", "(ss)", "income_proof",
                              "verified");
  settle (GTK_WIDGET (view));
  g_clear_pointer (&request, sila_request_free);
  request = stored (f, id);
  g_assert_cmpint (sila_request_find_document (request, "income_proof")->status, ==,
                   SILA_DOCUMENT_VERIFIED);

  /* With its date, the ID copy is verified too. */
  entry = g_hash_table_lookup (view->expiry_entries, "national_id_copy");
  gtk_editable_set_text (GTK_EDITABLE (entry), "2035-01-01");
  gtk_widget_activate_action (GTK_WIDGET (view), "request.document", "(ss)", "national_id_copy",
                              "verified");
  settle (GTK_WIDGET (view));
  g_clear_pointer (&request, sila_request_free);
  request = stored (f, id);
  g_assert_cmpint (sila_request_find_document (request, "national_id_copy")->status, ==,
                   SILA_DOCUMENT_VERIFIED);
}

/* A required document back to missing after the research: the banner no
 * longer says the request waits to go to the committee. */
static void
test_banner_follows_documents (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *number = NULL;
  g_autofree char *id = request_at (f, "financial_aid", SILA_REQUEST_RESEARCH_DONE, &number);
  g_autoptr(SilaRequest) request = NULL;
  g_autofree char *ready = NULL;
  g_autofree char *waiting = NULL;
  SilaRequestView *view = show (f, id);
  const char *banner;

  request = stored (f, id);
  ready = sila_request_describe_next (request);
  g_assert_cmpstr (gtk_label_get_label (view->next_label), ==, ready);

  gtk_widget_activate_action (GTK_WIDGET (view), "request.document", "(ss)", "income_proof",
                              "missing");
  settle (GTK_WIDGET (view));
  banner = gtk_label_get_label (view->next_label);
  g_assert_cmpstr (banner, !=, ready);
  g_clear_pointer (&request, sila_request_free);
  request = stored (f, id);
  g_assert_cmpint (request->status, ==, SILA_REQUEST_RESEARCH_DONE);
  waiting = sila_request_describe_next (request);
  g_assert_cmpstr (banner, ==, waiting);
  g_assert_nonnull (strstr (banner, sila_request_document_get_display (
                                      sila_request_find_document (request, "income_proof"))));

  /* And the committee step is refused, naming the same document. */
  gtk_widget_activate_action (GTK_WIDGET (view), "request.move", "s", "with_committee");
  settle (GTK_WIDGET (view));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (view->step_error)));
  g_assert_true (gtk_widget_has_css_class (sila_request_view_get_document_row (view,
                                                                              "income_proof"),
                                           "error"));
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

  ADD ("/sila/ui/request-rules/window-and-cli-agree", test_window_and_cli_agree);
  ADD ("/sila/ui/request-rules/expiry-typed-is-saved", test_expiry_typed_is_saved);
  ADD ("/sila/ui/request-rules/expiring-type-needs-date", test_expiring_type_needs_date);
  ADD ("/sila/ui/request-rules/banner-follows-documents", test_banner_follows_documents);

#undef ADD

  status = g_test_run ();
  sila_test_rm_rf (home);
  return status;
}
