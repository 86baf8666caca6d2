/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Changing the language and pressing "Restart Now" on Preferences' toast,
 * in the real application, in process: the windows close and the
 * application stops asking to be started again, without a single GLib
 * warning (the suite runs with G_DEBUG=fatal-warnings, so one would abort
 * the test). Both languages: SILA_TEST_LANG. */
#define G_LOG_DOMAIN "sila-test"

#include "sila-config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "sila-application.h"
#include "sila-i18n.h"
#include "sila-preferences-window.h"
#include "sila-policy.h"
#include "sila-settings.h"
#include "sila-store.h"
#include "sila-test-accounts-ui.h"
#include "sila-test-util.h"

static gboolean arabic;

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

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_button (c, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
settle (GtkWidget *widget)
{
  gtk_test_widget_wait_for_draw (widget);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
drive_cb (gpointer data)
{
  GApplication *app = data;
  GtkWidget *prefs;

  /* An office with accounts: sign in first (the idle lock is running). */
  if (g_object_get_data (G_OBJECT (app), "sign-in") != NULL)
    sila_test_sign_in ("sami", PASSWORD);
  GtkWidget *restart;
  AdwComboRow *row;

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  prefs = find_toplevel (SILA_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (prefs);
  settle (prefs);

  /* The other language, as a person picks it in the list. */
  row = ADW_COMBO_ROW (gtk_widget_get_template_child (prefs, SILA_TYPE_PREFERENCES_WINDOW,
                                                      "language_row"));
  adw_combo_row_set_selected (row, arabic ? 1 : 0);
  settle (prefs);

  /* The toast's button, clicked as a person clicks it. */
  restart = find_button (prefs, _("_Restart Now"));
  g_assert_nonnull (restart);
  gtk_widget_activate (restart);
  return G_SOURCE_REMOVE;
}

static void
activate_cb (GApplication *app)
{
  g_idle_add (drive_cb, app);
}

static void run_restart (const char *db_path,
                         gboolean    sign_in);

static void
test_restart_after_language (SilaTestDir   *dir,
                             gconstpointer  data)
{
  /* An office that works without accounts: the app opens on its window. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SilaStore) store = sila_store_open (dir->db_path, SILA_STORE_OPEN_DEFAULT, &error);
    g_autoptr(SilaActor) owner = sila_actor_new_owner ();

    g_assert_no_error (error);
    g_assert_true (sila_store_set_setting (store, owner, SILA_SETTING_NO_ACCOUNTS, NULL, "1",
                                           &error));
    g_assert_no_error (error);
  }
  run_restart (dir->db_path, FALSE);
}

/* The same with staff accounts, signed in as the administrator. */
static void
test_restart_signed_in (SilaTestOffice *office,
                        gconstpointer   data)
{
  run_restart (office->dir.db_path, TRUE);
}

static void
run_restart (const char *db_path,
             gboolean    sign_in)
{
  g_autoptr(SilaApplication) app = NULL;
  char *argv[] = { (char *)"sila", NULL };
  int status;

  app = sila_application_new (db_path);
  if (sign_in)
    g_object_set_data (G_OBJECT (app), "sign-in", GINT_TO_POINTER (1));

  /* The language this test starts in, as the person had it. */
  if (sila_settings_get () != NULL)
    g_settings_set_string (sila_settings_get (), "ui-language", arabic ? "ar" : "en");
  g_signal_connect_after (app, "activate", G_CALLBACK (activate_cb), NULL);
  status = g_application_run (G_APPLICATION (app), 1, argv);

  g_assert_cmpint (status, ==, 0);
  g_assert_true (sila_application_get_restart_requested (app));
  g_assert_null (find_toplevel (SILA_TYPE_PREFERENCES_WINDOW));
  {
    g_autofree char *language = sila_settings_get_language ();

    g_assert_cmpstr (language, ==, arabic ? "en" : "ar");
  }
}

int
main (int argc, char **argv)
{
  /* The application's daily backup writes into a home of the test's own. */
  g_autofree char *home = g_dir_make_tmp ("sila-home-XXXXXX", NULL);
  int status;

  g_setenv ("XDG_DATA_HOME", home, TRUE);
  arabic = g_strcmp0 (g_getenv ("SILA_TEST_LANG"), "en") != 0;
  gtk_test_init (&argc, &argv, NULL);
  sila_i18n_init (arabic ? SILA_LANGUAGE_ARABIC : SILA_LANGUAGE_ENGLISH);
  gtk_widget_set_default_direction (arabic ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);

  g_test_add ("/sila/ui/restart/after-language", SilaTestDir, NULL, sila_test_dir_setup,
              test_restart_after_language, sila_test_dir_teardown);
  g_test_add ("/sila/ui/restart/after-language-signed-in", SilaTestOffice, NULL,
              sila_test_office_setup, test_restart_signed_in, sila_test_office_teardown);
  status = g_test_run ();
  sila_test_rm_rf (home);
  return status;
}
