/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Draws the windows of accounts and the audit trail into PNG files, on a
 * database of realistic sample data, for README.md and for looking at:
 *
 *   xvfb-run -a -s "-screen 0 1280x800x24" \
 *     _build-tests/tests/sila-screenshots ar data/screenshots
 *
 * (with GSETTINGS_SCHEMA_DIR, GSETTINGS_BACKEND=memory and SILA_LOCALEDIR
 * pointing into the build tree, as tests/meson.build sets them). */
#include "sila-config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "sila-audit-window.h"
#include "sila-i18n.h"
#include "sila-login-window.h"
#include "sila-preferences-window.h"
#include "sila-setup-window.h"
#include "sila-sign-in-page.h"
#include "sila-staff-window.h"
#include "sila-store-backup.h"
#include "sila-store-private.h"
#include "sila-store-staff.h"
#include "sila-test-shots.h"
#include "sila-test-util.h"
#include "sila-window.h"

static const char *out_dir;
static const char *lang;

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaStore) store = NULL;
  g_autoptr(SilaStore) fresh = NULL;
  g_autoptr(SilaSession) session = NULL;
  g_autoptr(SilaActor) admin = NULL;
  g_autoptr(SilaActor) huda = NULL;
  g_autoptr(SilaActor) noura = NULL;
  g_autoptr(SilaActor) khalid = NULL;
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();
  SilaTestDir dir;
  g_autofree char *icons = NULL;
  gboolean arabic;

  if (argc != 3)
    {
      g_printerr ("usage: %s ar|en OUTPUT-FOLDER\n", argv[0]);
      return 2;
    }
  lang = argv[1];
  out_dir = argv[2];
  arabic = g_str_equal (lang, "ar");

  gtk_init ();
  adw_init ();
  sila_i18n_init (arabic ? SILA_LANGUAGE_ARABIC : SILA_LANGUAGE_ENGLISH);
  gtk_widget_set_default_direction (arabic ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);
  sila_store_set_cheap_hashes_for_testing (TRUE);

  gtk_css_provider_load_from_resource (css, RESOURCE_PREFIX "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  icons = g_build_filename (g_getenv ("SILA_SOURCE_ROOT") != NULL ? g_getenv ("SILA_SOURCE_ROOT")
                                                                  : ".",
                            "data", "icons", NULL);
  gtk_icon_theme_add_search_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                  icons);

  sila_test_dir_setup (&dir, NULL);

  /* The first start: an empty database, a name typed, a password too short. */
  {
    g_autofree char *path = sila_test_dir_file (&dir, "fresh.db");
    SilaSetupWindow *setup;
    GtkWidget *row;

    fresh = sila_store_open (path, 0, &error);
    g_assert_no_error (error);
    setup = sila_setup_window_new (NULL, fresh);
    gtk_window_set_default_size (GTK_WINDOW (setup), 760, 1060);
    row = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (setup), SILA_TYPE_SETUP_WINDOW,
                                                     "display_name_row"));
    gtk_editable_set_text (GTK_EDITABLE (row), arabic ? "سامي بن عبدالله العتيبي"
                                                      : "Sami Abdullah Alotaibi");
    row = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (setup), SILA_TYPE_SETUP_WINDOW,
                                                     "username_row"));
    gtk_editable_set_text (GTK_EDITABLE (row), "sami");
    row = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (setup), SILA_TYPE_SETUP_WINDOW,
                                                     "password_row"));
    gtk_editable_set_text (GTK_EDITABLE (row), "sami1");
    row = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (setup), SILA_TYPE_SETUP_WINDOW,
                                                     "confirm_row"));
    gtk_editable_set_text (GTK_EDITABLE (row), "sami1");
    gtk_window_present (GTK_WINDOW (setup));
    sila_test_settle (GTK_WIDGET (setup));
    gtk_widget_activate_action (GTK_WIDGET (setup), "setup.create", NULL);
    sila_test_shoot (GTK_WIDGET (setup), out_dir, "first-run", lang);
    gtk_window_destroy (GTK_WINDOW (setup));
  }

  /* An office that has worked for a while. */
  store = sila_store_open (dir.db_path, 0, &error);
  g_assert_no_error (error);
  {
    g_autoptr(SilaStaff) first = sila_store_create_first_admin (store,
                                                                "جمعية صلة للخدمات الإنسانية بغرب مكة",
                                                                "sami", arabic ? "سامي العتيبي"
                                                                               : "Sami Alotaibi",
                                                                "sample passphrase", &error);
    g_assert_no_error (error);
    admin = sila_staff_to_actor (first);
  }
  huda = sila_test_add_sample_staff (store, admin, "huda",
                                     arabic ? "هدى الحربي" : "Huda Alharbi", SILA_ROLE_OFFICER);
  noura = sila_test_add_sample_staff (store, admin, "noura",
                                      arabic ? "نورة القحطاني" : "Noura Alqahtani",
                                      SILA_ROLE_RESEARCHER);
  khalid = sila_test_add_sample_staff (store, admin, "khalid",
                                       arabic ? "خالد الزهراني" : "Khalid Alzahrani",
                                       SILA_ROLE_COMMITTEE | SILA_ROLE_MANAGER);
  g_free (sila_store_authenticate (store, "huda", "sample passphrase", NULL));
  g_free (sila_store_authenticate (store, "noura", "wrong guess", NULL));
  g_free (sila_store_authenticate (store, "noura", "sample passphrase", NULL));
  for (int i = 0; i < 4; i++)
    {
      g_autofree char *id = g_strdup_printf ("BF-1447-%04d", 120 + i);

      sila_store_record_access (store, i % 2 ? noura : huda, SILA_PERM_BENEFICIARY_VIEW, "view",
                                "beneficiary", id, arabic ? "فتح ملف المستفيد" : "opened the file",
                                NULL);
    }
  sila_store_set_setting (store, admin, SILA_SETTING_ANSWER_WINDOW, "14", "21", NULL);
  {
    g_autofree char *folder = sila_test_dir_file (&dir, "backups");

    g_mkdir (folder, 0700);
    sila_store_set_setting (store, admin, SILA_SETTING_BACKUP_FOLDER, NULL, folder, NULL);
    g_free (sila_store_backup (store, admin, SILA_BACKUP_AUTOMATIC, NULL, NULL, NULL));
  }
  g_free (sila_store_authenticate (store, "khalid", "not my password", NULL));
  g_free (sila_store_authenticate (store, "ahmad", "who knows", NULL));
  sila_store_set_staff_active (store, admin, khalid->id, FALSE, NULL);
  g_free (sila_store_authenticate (store, "sami", "sample passphrase", NULL));

  /* Sign-in, after a wrong password. */
  {
    SilaLoginWindow *login = sila_login_window_new (NULL, store);
    SilaSignInPage *page = sila_login_window_get_page (login);
    GtkWidget *row;

    gtk_window_set_default_size (GTK_WINDOW (login), 720, 720);
    gtk_window_present (GTK_WINDOW (login));
    row = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (page), SILA_TYPE_SIGN_IN_PAGE,
                                                     "username_row"));
    gtk_editable_set_text (GTK_EDITABLE (row), "huda");
    row = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (page), SILA_TYPE_SIGN_IN_PAGE,
                                                     "password_row"));
    gtk_editable_set_text (GTK_EDITABLE (row), "not it");
    sila_sign_in_page_submit (page);
    sila_test_shoot (GTK_WIDGET (login), out_dir, "login", lang);
    gtk_window_destroy (GTK_WINDOW (login));
  }

  session = sila_session_new (store, sila_actor_copy (admin));

  /* The audit trail, a record chosen. */
  {
    SilaAuditWindow *audit = sila_audit_window_new (NULL, session);
    GtkColumnView *view;

    gtk_window_set_default_size (GTK_WINDOW (audit), 1200, 760);
    view = GTK_COLUMN_VIEW (gtk_widget_get_template_child (GTK_WIDGET (audit),
                                                           SILA_TYPE_AUDIT_WINDOW,
                                                           "column_view"));
    gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gtk_column_view_get_model (view)),
                                       6);
    sila_test_shoot (GTK_WIDGET (audit), out_dir, "audit", lang);
    gtk_window_destroy (GTK_WINDOW (audit));
  }

  /* The main window, locked. */
  {
    SilaWindow *window = sila_window_new (NULL, session);

    gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
    gtk_window_present (GTK_WINDOW (window));
    sila_test_settle (GTK_WIDGET (window));
    sila_window_lock (window);
    sila_test_shoot (GTK_WIDGET (window), out_dir, "locked", lang);

    /* Preferences: staff and backups, administrator's view. */
    {
      SilaPreferencesWindow *prefs = sila_preferences_window_new (GTK_WINDOW (window), session);

      gtk_window_set_default_size (GTK_WINDOW (prefs), 760, 760);
      adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (prefs), "staff");
      sila_test_shoot (GTK_WIDGET (prefs), out_dir, "staff", lang);
      adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (prefs), "backups");
      sila_test_shoot (GTK_WIDGET (prefs), out_dir, "backups", lang);
      gtk_window_destroy (GTK_WINDOW (prefs));

      /* The office's policies, down to personal data and retention. */
      prefs = sila_preferences_window_new (GTK_WINDOW (window), session);
      gtk_window_set_default_size (GTK_WINDOW (prefs), 760, 1500);
      adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (prefs), "office");
      sila_test_shoot (GTK_WIDGET (prefs), out_dir, "office", lang);
      gtk_window_destroy (GTK_WINDOW (prefs));
    }

    /* Adding a colleague. */
    {
      SilaStaffWindow *staff = sila_staff_window_new (GTK_WINDOW (window), session, NULL);

      sila_test_shoot (GTK_WIDGET (staff), out_dir, "staff-new", lang);
      gtk_window_destroy (GTK_WINDOW (staff));
    }

    gtk_window_destroy (GTK_WINDOW (window));
  }

  g_clear_object (&session);
  g_clear_object (&store);
  g_clear_object (&fresh);
  sila_test_dir_teardown (&dir, NULL);
  return 0;
}
