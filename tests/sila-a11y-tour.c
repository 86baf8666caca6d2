/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shows the app's windows one after another for tests/test_a11y.py, which
 * reads each through AT-SPI as a screen reader would.
 *
 *   sila-a11y-tour DB
 *
 * Fills DB with a beneficiary and a request, then for each view prints
 * "view NAME" on stdout once it is drawn and waits for a line on stdin
 * before going on; prints "done" at the end and exits. The views: the main
 * window with each section, a beneficiary's profile, the intake form, a
 * request, the new-request window, the officer's survey form, each page of
 * Preferences, the kiosk's welcome and first question, and the audit trail. The language is
 * SILA_TEST_LANG (ar by default). */
#define G_LOG_DOMAIN "sila-test"

#include "sila-config.h"

#include <adwaita.h>
#include <stdio.h>

#include "sila-audit-window.h"
#include "sila-beneficiaries-page.h"
#include "sila-i18n.h"
#include "sila-kiosk-window.h"
#include "sila-new-request-window.h"
#include "sila-preferences-window.h"
#include "sila-sections.h"
#include "sila-store-surveys.h"
#include "sila-survey-form.h"
#include "sila-test-requests.h"
#include "sila-window.h"

static SilaWindow *window;
static SilaSession *session;
static char *beneficiary_id;
static char *request_id;
static GtkWindow *extra;        /* the other window of the view shown */
static GPtrArray *pref_pages;
static guint step;

static void
settle (GtkWidget *widget)
{
  gtk_test_widget_wait_for_draw (widget);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
close_extra (void)
{
  if (extra != NULL)
    {
      gtk_window_destroy (extra);
      g_clear_object (&extra);
      settle (GTK_WIDGET (window));
    }
}

static void
present_extra (GtkWindow *other)
{
  extra = g_object_ref (other);
  gtk_window_present (extra);
  settle (GTK_WIDGET (extra));
}

static void
collect_pages (GtkWidget *widget,
               GPtrArray *pages)
{
  /* A page's own contents hold no pages of the window. */
  if (ADW_IS_PREFERENCES_PAGE (widget))
    {
      if (ADW_IS_VIEW_STACK (gtk_widget_get_parent (widget)))
        g_ptr_array_add (pages, widget);
      return;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    collect_pages (c, pages);
}

static GtkColumnView *
find_column_view (GtkWidget *widget)
{
  if (GTK_IS_COLUMN_VIEW (widget))
    return GTK_COLUMN_VIEW (widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkColumnView *found = find_column_view (c);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Shows the view of @index and returns its name, or NULL past the last. */
static char *
show_view (guint index)
{
  guint n_sections;
  const SilaSection *sections = sila_sections_get (&n_sections);
  SilaBeneficiariesPage *page;

  if (index < n_sections)
    {
      sila_window_show_section (window, sections[index].id);
      settle (GTK_WIDGET (window));
      return g_strdup_printf ("main/%s", sections[index].id);
    }
  index -= n_sections;

  page = SILA_BENEFICIARIES_PAGE (sila_window_get_section_page (window, "beneficiaries"));
  switch (index)
    {
    case 0:
      sila_window_show_section (window, "beneficiaries");
      sila_beneficiaries_page_open_file (page, beneficiary_id);
      settle (GTK_WIDGET (window));
      return g_strdup ("profile");
    case 1:
      sila_window_show_section (window, "beneficiaries");
      sila_beneficiaries_page_new_file (page);
      settle (GTK_WIDGET (window));
      return g_strdup ("intake-form");
    case 2:
      sila_window_show_request (window, request_id);
      settle (GTK_WIDGET (window));
      return g_strdup ("request");
    case 3:
      present_extra (GTK_WINDOW (sila_new_request_window_new (GTK_WINDOW (window), session,
                                                              beneficiary_id)));
      return g_strdup ("new-request");
    case 4:
      close_extra ();
      present_extra (GTK_WINDOW (sila_survey_form_new (GTK_WINDOW (window), session)));
      return g_strdup ("survey-form");
    case 5:
      close_extra ();
      present_extra (GTK_WINDOW (sila_preferences_window_new (GTK_WINDOW (window), session)));
      pref_pages = g_ptr_array_new ();
      collect_pages (GTK_WIDGET (extra), pref_pages);
      break;
    default:
      break;
    }
  index -= 5;

  if (index < pref_pages->len)
    {
      AdwPreferencesPage *p = g_ptr_array_index (pref_pages, index);

      adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (extra), p);
      settle (GTK_WIDGET (extra));
      return g_strdup_printf ("preferences/%s", adw_preferences_page_get_name (p) != NULL
                              ? adw_preferences_page_get_name (p) : "requests");
    }
  index -= pref_pages->len;

  if (index == 0)
    {
      SilaStore *store = sila_session_get_store (session);
      g_autoptr(SilaSurveyTemplate) tpl = NULL;

      close_extra ();
      tpl = sila_store_get_default_survey_template (store, sila_session_get_actor (session), NULL);
      g_assert_nonnull (tpl);
      present_extra (GTK_WINDOW (sila_kiosk_window_new (gtk_window_get_application (
                                                          GTK_WINDOW (window)),
                                                        session, tpl, "interview")));
      return g_strdup ("kiosk/welcome");
    }
  if (index == 1)
    {
      /* What the welcome page's start button does. */
      gtk_widget_activate_action (GTK_WIDGET (extra), "kiosk.start", NULL);
      settle (GTK_WIDGET (extra));
      return g_strdup_printf ("kiosk/%s", sila_kiosk_window_get_page (SILA_KIOSK_WINDOW (extra)));
    }
  if (index == 2)
    {
      SilaAuditWindow *audit;

      close_extra ();
      audit = sila_audit_window_new (GTK_WINDOW (window), session);
      present_extra (GTK_WINDOW (audit));
      /* A record chosen, so that its details show as a person reads them. */
      gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (
                                           gtk_column_view_get_model (find_column_view (
                                             GTK_WIDGET (audit)))), 0);
      settle (GTK_WIDGET (extra));
      return g_strdup ("audit");
    }
  return NULL;
}

static gboolean
next_view (void)
{
  g_autofree char *name = show_view (step++);

  if (name == NULL)
    {
      printf ("done\n");
      fflush (stdout);
      g_application_quit (g_application_get_default ());
      return FALSE;
    }
  printf ("view %s\n", name);
  fflush (stdout);
  return TRUE;
}

static gboolean
stdin_cb (GIOChannel   *channel,
          GIOCondition  condition,
          gpointer      data)
{
  g_autofree char *line = NULL;

  if (g_io_channel_read_line (channel, &line, NULL, NULL, NULL) != G_IO_STATUS_NORMAL)
    {
      g_application_quit (g_application_get_default ());
      return G_SOURCE_REMOVE;
    }
  return next_view () ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static void
startup_cb (GApplication *app,
            gpointer      rtl)
{
  gtk_widget_set_default_direction (GPOINTER_TO_INT (rtl) ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);
}

static void
activate_cb (GtkApplication *app,
             const char     *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaStore) store = sila_store_open (path, SILA_STORE_OPEN_DEFAULT, &error);
  g_autoptr(SilaActor) owner = sila_actor_new_owner ();
  g_autoptr(SilaRequest) request = NULL;
  GIOChannel *in;

  g_assert_no_error (error);
  beneficiary_id = sila_test_add_beneficiary (store, owner, "100000000", "خديجة");
  request = sila_test_open_request (store, owner, beneficiary_id, "financial_aid", "2026-12-01");
  request_id = g_strdup (request->id);

  session = sila_session_new (store, sila_actor_new_owner ());
  window = sila_window_new (app, session);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  settle (GTK_WIDGET (window));

  in = g_io_channel_unix_new (0);
  g_io_add_watch (in, G_IO_IN | G_IO_HUP | G_IO_ERR, stdin_cb, NULL);
  g_io_channel_unref (in);
  next_view ();
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(AdwApplication) app = NULL;
  gboolean arabic = g_strcmp0 (g_getenv ("SILA_TEST_LANG"), "en") != 0;

  if (argc != 2)
    {
      g_printerr ("usage: %s DB\n", argv[0]);
      return 2;
    }
  sila_i18n_init (arabic ? SILA_LANGUAGE_ARABIC : SILA_LANGUAGE_ENGLISH);
  app = adw_application_new ("sa.org.sila.A11yTour", G_APPLICATION_NON_UNIQUE);
  g_object_set (app, "resource-base-path", RESOURCE_PREFIX, NULL);
  g_signal_connect (app, "startup", G_CALLBACK (startup_cb), GINT_TO_POINTER (arabic));
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), argv[1]);
  return g_application_run (G_APPLICATION (app), 1, argv);
}
