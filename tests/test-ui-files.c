/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Every Builder file in the resource bundle builds, with libadwaita's types
 * known (gtk4-builder-tool validate cannot: PLATFORM.md). A .ui file with no
 * entry here fails the test, so none goes unchecked. */
#include "sila-config.h"

#include <adwaita.h>

#include "sila-beneficiaries-page.h"
#include "sila-beneficiary-profile.h"
#include "sila-approval-dialog.h"
#include "sila-chart-view.h"
#include "sila-contact-window.h"
#include "sila-contacts-page.h"
#include "sila-outreach-page.h"
#include "sila-dashboard-page.h"
#include "sila-new-request-window.h"
#include "sila-request-view.h"
#include "sila-requests-page.h"
#include "sila-feedback-dialog.h"
#include "sila-feedback-page.h"
#include "sila-import-page.h"
#include "sila-server-window.h"
#include "sila-intake-form.h"
#include "sila-i18n.h"
#include "sila-field-page.h"
#include "sila-library-page.h"
#include "sila-audit-window.h"
#include "sila-i18n.h"
#include "sila-kiosk-window.h"
#include "sila-login-window.h"
#include "sila-password-window.h"
#include "sila-period-bar.h"
#include "sila-preferences-window.h"
#include "sila-problem-window.h"
#include "sila-reports-page.h"
#include "sila-setup-window.h"
#include "sila-sign-in-page.h"
#include "sila-staff-window.h"
#include "sila-store-surveys.h"
#include "sila-survey-form.h"
#include "sila-survey-templates-window.h"
#include "sila-surveys-page.h"
#include "sila-test-util.h"
#include "sila-window.h"

typedef GtkWidget *(*BuildFunc) (SilaSession *session);

static GtkWidget *
build_window (SilaSession *session)
{
  return GTK_WIDGET (sila_window_new (NULL, session));
}

static GtkWidget *
build_preferences (SilaSession *session)
{
  return GTK_WIDGET (sila_preferences_window_new (NULL, session));
}

static GtkWidget *
build_problem (SilaSession *session)
{
  g_autoptr(GError) error = g_error_new_literal (SILA_STORE_ERROR,
                                                 SILA_STORE_ERROR_NOT_DATABASE, "<&> damaged");
  SilaProblemWindow *window = sila_problem_window_new (NULL, error);

  g_assert_cmpstr (sila_problem_window_get_message (window), ==, "<&> damaged");
  return GTK_WIDGET (window);
}

/* A page is not a window: put it in one. */
static GtkWidget *
in_window (GtkWidget *page)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_child (GTK_WINDOW (window), page);
  return window;
}

static GtkWidget *
build_beneficiaries_page (SilaSession *session)
{
  return in_window (g_object_new (SILA_TYPE_BENEFICIARIES_PAGE, "session", session, NULL));
}

static GtkWidget *
build_profile (SilaSession *session)
{
  return in_window (GTK_WIDGET (sila_beneficiary_profile_new (session)));
}

static GtkWidget *
build_intake_form (SilaSession *session)
{
  return in_window (GTK_WIDGET (sila_intake_form_new (session)));
}

static GtkWidget *
build_audit (SilaSession *session)
{
  return GTK_WIDGET (sila_audit_window_new (NULL, session));
}

static GtkWidget *
build_login (SilaSession *session)
{
  return GTK_WIDGET (sila_login_window_new (NULL, sila_session_get_store (session)));
}

static GtkWidget *
build_password (SilaSession *session)
{
  g_autoptr(SilaActor) someone = sila_actor_new ("id", "huda", "هدى", SILA_ROLE_OFFICER);

  return GTK_WIDGET (sila_password_window_new (NULL, sila_session_get_store (session), someone,
                                               TRUE));
}

static GtkWidget *
build_period_bar (SilaSession *session)
{
  return in_window (sila_period_bar_new ());
}

static GtkWidget *
build_setup (SilaSession *session)
{
  return GTK_WIDGET (sila_setup_window_new (NULL, sila_session_get_store (session)));
}

static GtkWidget *
build_sign_in_page (SilaSession *session)
{
  return in_window (GTK_WIDGET (sila_sign_in_page_new (sila_session_get_store (session))));
}

static GtkWidget *
build_library (SilaSession *session)
{
  return in_window (g_object_new (SILA_TYPE_LIBRARY_PAGE, "session", session, NULL));
}

static GtkWidget *
build_server (SilaSession *session)
{
  return GTK_WIDGET (sila_server_window_new (NULL, NULL));
}

static GtkWidget *
build_import (SilaSession *session)
{
  return in_window (g_object_new (SILA_TYPE_IMPORT_PAGE, "session", session, NULL));
}

static GtkWidget *
build_field (SilaSession *session)
{
  return in_window (g_object_new (SILA_TYPE_FIELD_PAGE, "session", session, NULL));
}

static GtkWidget *
build_staff (SilaSession *session)
{
  return GTK_WIDGET (sila_staff_window_new (NULL, session, NULL));
}

static GtkWidget *
build_contact (SilaSession *session)
{
  return GTK_WIDGET (sila_contact_window_new (NULL, session, NULL));
}

static GtkWidget *
build_contacts (SilaSession *session)
{
  return in_window (g_object_new (SILA_TYPE_CONTACTS_PAGE, "session", session, NULL));
}

static GtkWidget *
build_outreach (SilaSession *session)
{
  return in_window (g_object_new (SILA_TYPE_OUTREACH_PAGE, "session", session, NULL));
}

static GtkWidget *
build_new_request (SilaSession *session)
{
  return GTK_WIDGET (sila_new_request_window_new (NULL, session, NULL));
}

static GtkWidget *
build_request_view (SilaSession *session)
{
  return in_window (sila_request_view_new (session));
}

static GtkWidget *
build_requests (SilaSession *session)
{
  return in_window (g_object_new (SILA_TYPE_REQUESTS_PAGE, "session", session, NULL));
}

static GtkWidget *
build_surveys_page (SilaSession *session)
{
  return in_window (sila_surveys_page_new (session));
}

static GtkWidget *
build_feedback_page (SilaSession *session)
{
  return in_window (sila_feedback_page_new (session));
}

static GtkWidget *
build_feedback_dialog (SilaSession *session)
{
  return GTK_WIDGET (sila_feedback_dialog_new (NULL, session, NULL));
}

static GtkWidget *
build_survey_form (SilaSession *session)
{
  return GTK_WIDGET (sila_survey_form_new (NULL, session));
}

static GtkWidget *
build_templates (SilaSession *session)
{
  return GTK_WIDGET (sila_survey_templates_window_new (NULL, session));
}

static GtkWidget *
build_kiosk (SilaSession *session)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaSurveyTemplate) tpl = NULL;

  tpl = sila_store_get_default_survey_template (sila_session_get_store (session),
                                                sila_session_get_actor (session), &error);
  g_assert_no_error (error);
  /* Only the PIN closes it; the test destroys it by hand. */
  return GTK_WIDGET (sila_kiosk_window_new (NULL, session, tpl, NULL));
}

static GtkWidget *
build_dashboard (SilaSession *session)
{
  return in_window (sila_dashboard_page_new (session));
}

static GtkWidget *
build_reports_page (SilaSession *session)
{
  return in_window (sila_reports_page_new (session));
}

static GtkWidget *
build_approval_dialog (SilaSession *session)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaReportFigures) figures = NULL;
  SilaPeriod period;

  g_assert_true (sila_period_init_month (&period, 2026, 3, NULL));
  figures = sila_report_figures_compute (sila_session_get_store (session),
                                         sila_session_get_actor (session), &period, &error);
  g_assert_no_error (error);
  return GTK_WIDGET (sila_approval_dialog_new (NULL, session, figures));
}

static GtkWidget *
build_shortcuts (SilaSession *session)
{
  g_autoptr(GtkBuilder) builder = NULL;

  builder = gtk_builder_new_from_resource (RESOURCE_PREFIX "/ui/sila-shortcuts-window.ui");
  return GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay"));
}

static const struct {
  const char *file;
  BuildFunc   build;
} templates[] = {
  { "sila-approval-dialog.ui", build_approval_dialog },
  { "sila-dashboard-page.ui", build_dashboard },
  { "sila-reports-page.ui", build_reports_page },
  { "sila-contact-window.ui", build_contact },
  { "sila-contacts-page.ui", build_contacts },
  { "sila-outreach-page.ui", build_outreach },
  { "sila-new-request-window.ui", build_new_request },
  { "sila-request-view.ui", build_request_view },
  { "sila-requests-page.ui", build_requests },
  { "sila-audit-window.ui", build_audit },
  { "sila-beneficiaries-page.ui", build_beneficiaries_page },
  { "sila-beneficiary-profile.ui", build_profile },
  { "sila-feedback-dialog.ui", build_feedback_dialog },
  { "sila-feedback-page.ui", build_feedback_page },
  { "sila-import-page.ui", build_import },
  { "sila-field-page.ui", build_field },
  { "sila-intake-form.ui", build_intake_form },
  { "sila-kiosk-window.ui", build_kiosk },
  { "sila-library-page.ui", build_library },
  { "sila-login-window.ui", build_login },
  { "sila-password-window.ui", build_password },
  { "sila-period-bar.ui", build_period_bar },
  { "sila-preferences-window.ui", build_preferences },
  { "sila-problem-window.ui", build_problem },
  { "sila-server-window.ui", build_server },
  { "sila-setup-window.ui", build_setup },
  { "sila-shortcuts-window.ui", build_shortcuts },
  { "sila-sign-in-page.ui", build_sign_in_page },
  { "sila-staff-window.ui", build_staff },
  { "sila-survey-form.ui", build_survey_form },
  { "sila-survey-templates-window.ui", build_templates },
  { "sila-surveys-page.ui", build_surveys_page },
  { "sila-window.ui", build_window },
};

static void
test_templates (SilaTestDir   *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) files = NULL;
  g_autoptr(SilaStore) store = NULL;
  g_autoptr(SilaSession) session = NULL;

  files = g_resources_enumerate_children (RESOURCE_PREFIX "/ui/", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (files), >=, G_N_ELEMENTS (templates));

  store = sila_store_open (fixture->db_path, 0, &error);
  g_assert_no_error (error);
  session = sila_session_new (store, sila_actor_new_owner ());

  for (guint i = 0; files[i] != NULL; i++)
    {
      BuildFunc build = NULL;
      GtkWidget *widget;

      for (guint j = 0; j < G_N_ELEMENTS (templates); j++)
        if (g_str_equal (files[i], templates[j].file))
          build = templates[j].build;

      if (build == NULL)
        g_error ("%s has no entry in tests/test-ui-files.c", files[i]);

      widget = build (session);
      g_assert_true (GTK_IS_WINDOW (widget));
      gtk_window_present (GTK_WINDOW (widget));
      gtk_test_widget_wait_for_draw (widget);
      gtk_window_destroy (GTK_WINDOW (widget));
    }
}

/* The shortcuts window is built when asked for, over the window that
 * asked. */
static void
test_help_overlay (SilaTestDir   *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaStore) store = sila_store_open (fixture->db_path, 0, &error);
  g_autoptr(SilaSession) session = NULL;
  g_autoptr(GListModel) toplevels = NULL;
  SilaWindow *window;
  GtkWindow *shortcuts = NULL;

  g_assert_no_error (error);
  session = sila_session_new (store, sila_actor_new_owner ());
  window = sila_window_new (NULL, session);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay",
                                             NULL));
  toplevels = g_object_ref (gtk_window_get_toplevels ());
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (GTK_IS_SHORTCUTS_WINDOW (toplevel))
        shortcuts = toplevel;
    }
  g_assert_nonnull (shortcuts);
  g_assert_true (gtk_window_get_transient_for (shortcuts) == GTK_WINDOW (window));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));
  gtk_window_destroy (shortcuts);
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
test_style_sheet (void)
{
  g_autoptr(GBytes) css = g_resources_lookup_data (RESOURCE_PREFIX "/style.css", 0, NULL);
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  g_assert_nonnull (css);
  /* An Arabic face is named: fontconfig alone would pick DejaVu Sans. */
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (css, NULL), g_bytes_get_size (css),
                                  "Noto Sans Arabic"));
  /* Parse errors would be warnings, fatal in this test. */
  gtk_css_provider_load_from_data (provider, g_bytes_get_data (css, NULL),
                                   g_bytes_get_size (css));
}

/* Renders @widget as the screen shows it and returns the x of the first
 * column holding the chart's first colour, or -1. */
static int
first_color_column (GtkWidget *widget)
{
  GtkNative *native = gtk_widget_get_native (widget);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autofree guchar *pixels = g_malloc (width * height * 4);
  double r, g, b;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (native), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_texture_download (texture, pixels, width * 4);
  sila_chart_get_color (0, &r, &g, &b);

  for (int x = 0; x < width; x++)
    for (int y = 0; y < height; y++)
      {
        const guchar *p = pixels + (y * width + x) * 4; /* B G R A in memory */

        if (abs (p[2] - (int)(r * 255 + 0.5)) <= 2 && abs (p[1] - (int)(g * 255 + 0.5)) <= 2 &&
            abs (p[0] - (int)(b * 255 + 0.5)) <= 2)
          return x;
      }

  return -1;
}

/* The chart view draws the shared renderer, mirrored with the widget. */
static void
test_chart_view (void)
{
  g_autoptr(SilaChart) chart = sila_chart_new (SILA_CHART_COLUMNS);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = sila_chart_view_new (chart);
  int ltr, rtl;

  sila_chart_add (chart, "a", 5);
  sila_chart_add (chart, "b", 5);
  sila_chart_view_changed (SILA_CHART_VIEW (view));
  g_assert_true (sila_chart_view_get_chart (SILA_CHART_VIEW (view)) == chart);

  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_set_default_size (GTK_WINDOW (window), 400, 260);
  gtk_widget_set_direction (view, GTK_TEXT_DIR_LTR);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);
  ltr = first_color_column (view);

  gtk_widget_set_direction (view, GTK_TEXT_DIR_RTL);
  gtk_test_widget_wait_for_draw (window);
  rtl = first_color_column (view);

  g_assert_cmpint (ltr, >=, 0);
  g_assert_cmpint (ltr, <, gtk_widget_get_width (view) / 2);
  g_assert_cmpint (rtl, >, gtk_widget_get_width (view) / 2);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  sila_i18n_init (SILA_LANGUAGE_ARABIC);

  g_test_add ("/sila/ui/builder/templates", SilaTestDir, NULL, sila_test_dir_setup,
              test_templates, sila_test_dir_teardown);
  g_test_add ("/sila/ui/builder/help-overlay", SilaTestDir, NULL, sila_test_dir_setup,
              test_help_overlay, sila_test_dir_teardown);
  g_test_add_func ("/sila/ui/builder/style-sheet", test_style_sheet);
  g_test_add_func ("/sila/ui/chart-view/direction", test_chart_view);

  return g_test_run ();
}
