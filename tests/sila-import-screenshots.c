/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Not a test: draws the Import section for README.md — the office's
 * register (tests/data/import-register-cp1256.csv) checked, its columns as
 * understood and the dry run's report filtered to the rows to look at.
 * usage: sila-import-screenshots ar|en OUTPUT-FOLDER DATA-FOLDER */
#include "sila-config.h"

#include <adwaita.h>

#include "sila-i18n.h"
#include "sila-import-page.h"
#include "sila-store-private.h"
#include "sila-test-shots.h"
#include "sila-test-util.h"
#include "sila-window.h"

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaStore) store = NULL;
  g_autoptr(SilaSession) session = NULL;
  g_autoptr(SilaActor) admin = NULL;
  g_autoptr(SilaActor) huda = NULL;
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  SilaImportPage *page;
  SilaWindow *window;
  SilaTestDir dir;
  const char *lang;
  gboolean arabic;

  if (argc != 4)
    {
      g_printerr ("usage: %s ar|en OUTPUT-FOLDER DATA-FOLDER\n", argv[0]);
      return 2;
    }
  lang = argv[1];
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

  sila_test_dir_setup (&dir, NULL);
  store = sila_store_open (dir.db_path, 0, &error);
  g_assert_no_error (error);
  sila_store_set_unsynced_for_testing (store);
  {
    g_autoptr(SilaStaff) first = NULL;

    first = sila_store_create_first_admin (store, "جمعية صلة للخدمات الإنسانية بغرب مكة",
                                           "sami", "سامي العتيبي", "sample passphrase", &error);
    g_assert_no_error (error);
    admin = sila_staff_to_actor (first);
  }
  huda = sila_test_add_sample_staff (store, admin, "huda",
                                     arabic ? "هدى الحربي" : "Huda Alharbi", SILA_ROLE_OFFICER);

  session = sila_session_new (store, sila_actor_copy (huda));
  window = sila_window_new (NULL, session);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  sila_test_settle (GTK_WIDGET (window));
  sila_window_show_section (window, "import");
  page = SILA_IMPORT_PAGE (sila_window_get_section_page (window, "import"));

  path = g_build_filename (argv[3], "import-register-cp1256.csv", NULL);
  file = g_file_new_for_path (path);
  sila_import_page_open_file (page, file);
  while (sila_import_page_is_busy (page))
    g_main_context_iteration (NULL, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (page), "import.check", NULL);
  while (sila_import_page_is_busy (page))
    g_main_context_iteration (NULL, TRUE);
  sila_test_shoot (GTK_WIDGET (window), argv[2], "import", lang);

  gtk_check_button_set_active (GTK_CHECK_BUTTON (sila_import_page_get_part (page, "filter")),
                               TRUE);
  sila_test_shoot (GTK_WIDGET (window), argv[2], "import-problems", lang);

  /* An import held at its first row, as a big file shows it for a while. */
  sila_import_task_set_test_pause (TRUE);
  gtk_widget_activate_action (GTK_WIDGET (page), "import.run", NULL);
  while (!sila_import_task_is_paused ())
    g_main_context_iteration (NULL, FALSE);
  sila_test_shoot (GTK_WIDGET (window), argv[2], "import-running", lang);
  gtk_widget_activate_action (GTK_WIDGET (page), "import.stop", NULL);
  while (sila_import_page_is_busy (page))
    g_main_context_iteration (NULL, TRUE);
  sila_test_shoot (GTK_WIDGET (window), argv[2], "import-stopped", lang);

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  sila_test_dir_teardown (&dir, NULL);
  return 0;
}
