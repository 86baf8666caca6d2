/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Accounts in the real application, in real windows: first-run setup (and
 * working without accounts), sign-in, a password reset by an administrator,
 * the idle lock, switching user, and an account deactivated while in use.
 * Staff, backups, the audit trail and restoring are in test-admin-ui.c.
 * Errors show beside their fields in the UI language; bad input saves
 * nothing. Run twice: SILA_TEST_LANG=ar and SILA_TEST_LANG=en. */
#include "sila-config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "sila-application.h"
#include "sila-login-window.h"
#include "sila-password-window.h"
#include "sila-preferences-window.h"
#include "sila-setup-window.h"
#include "sila-sign-in-page.h"
#include "sila-staff-window.h"
#include "sila-sqlite.h"
#include "sila-store-private.h"
#include "sila-store-staff.h"
#include "sila-test-accounts-ui.h"
#include "sila-window.h"

/* First start */

static void
first_run_script (SilaApplication *app,
                  gpointer         data)
{
  SilaTestDir *dir = data;
  GtkWidget *setup = sila_test_wait_for_window (SILA_TYPE_SETUP_WINDOW);
  GType T = SILA_TYPE_SETUP_WINDOW;
  SilaWindow *window;
  g_autoptr(SilaStore) store = NULL;
  gint64 n_staff = -1;
  GStatBuf st;

  g_assert_cmpint (gtk_widget_get_direction (setup), ==,
                   sila_test_arabic ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);
  sila_test_assert_focus_in (setup, sila_test_child (setup, T, "display_name_row"));
  g_assert_null (sila_test_find_window (SILA_TYPE_WINDOW));
  g_assert_cmpint (g_stat (dir->db_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* Every field wrong: every error beside its field, nothing saved. */
  sila_test_type_into (setup, T, "association_row", "   ");
  sila_test_type_into (setup, T, "display_name_row", "سامي\u202E");
  sila_test_type_into (setup, T, "username_row", "سامي'); DROP TABLE staff;--");
  sila_test_type_into (setup, T, "password_row", "short");
  sila_test_type_into (setup, T, "confirm_row", "different");
  gtk_widget_activate_action (setup, "setup.create", NULL);
  sila_test_error_beside (setup, T, "association_row", "association_error");
  sila_test_error_beside (setup, T, "display_name_row", "display_name_error");
  sila_test_error_beside (setup, T, "username_row", "username_error");
  sila_test_error_beside (setup, T, "password_row", "password_error");
  /* What was typed stays. */
  g_assert_cmpstr (gtk_editable_get_text (sila_test_child (setup, T, "display_name_row")), ==,
                   "سامي\u202E");

  store = sila_test_reopen (dir->db_path);
  g_assert_true (sila_store_count_staff (store, &n_staff, NULL));
  g_assert_cmpint (n_staff, ==, 0);

  /* A good password, but typed differently twice. */
  sila_test_type_into (setup, T, "association_row", "جمعية البر");
  sila_test_type_into (setup, T, "display_name_row", "سامي العتيبي");
  sila_test_type_into (setup, T, "username_row", "Sami");
  sila_test_type_into (setup, T, "password_row", PASSWORD);
  gtk_widget_activate_action (setup, "setup.create", NULL);
  sila_test_no_error_beside (setup, T, "password_error");
  sila_test_no_error_beside (setup, T, "association_error");
  sila_test_error_beside (setup, T, "confirm_row", "confirm_error");
  g_assert_true (sila_store_count_staff (store, &n_staff, NULL));
  g_assert_cmpint (n_staff, ==, 0);

  sila_test_type_into (setup, T, "confirm_row", PASSWORD);
  gtk_widget_activate_action (setup, "setup.create", NULL);

  window = SILA_WINDOW (sila_test_wait_for_window (SILA_TYPE_WINDOW));
  sila_test_wait_until_gone (SILA_TYPE_SETUP_WINDOW);
  {
    const SilaActor *actor = sila_session_get_actor (sila_window_get_session (window));
    g_autofree char *name = sila_store_get_setting (store, SILA_SETTING_ASSOCIATION_NAME, NULL);
    g_autofree char *days = sila_store_get_setting (store, SILA_SETTING_ANSWER_WINDOW, NULL);

    g_assert_cmpstr (actor->username, ==, "sami");
    g_assert_true (sila_actor_has_role (actor, SILA_ROLE_ADMIN));
    g_assert_cmpstr (name, ==, "جمعية البر");
    g_assert_cmpstr (days, ==, "14");
  }
  g_assert_true (sila_store_count_staff (store, &n_staff, NULL));
  g_assert_cmpint (n_staff, ==, 1);
}

static void
test_first_run (SilaTestDir   *dir,
                gconstpointer  data)
{
  sila_test_run_app (dir->db_path, first_run_script, dir);
}

/* A laptop used by one person: no accounts, and not asked again. */
static void
without_accounts_script (SilaApplication *app,
                         gpointer         data)
{
  GtkWidget *setup = sila_test_wait_for_window (SILA_TYPE_SETUP_WINDOW);
  SilaWindow *window;

  /* Refusing the question changes nothing. */
  gtk_widget_activate_action (setup, "setup.without-accounts", NULL);
  sila_test_respond_to_dialog ("cancel");
  g_assert_nonnull (sila_test_find_window (SILA_TYPE_SETUP_WINDOW));
  g_assert_null (sila_test_find_window (SILA_TYPE_WINDOW));

  sila_test_type_into (setup, SILA_TYPE_SETUP_WINDOW, "association_row",
                       "جمعية الحاسوب المحمول");
  gtk_widget_activate_action (setup, "setup.without-accounts", NULL);
  sila_test_respond_to_dialog ("without");

  window = SILA_WINDOW (sila_test_wait_for_window (SILA_TYPE_WINDOW));
  g_assert_true (sila_actor_is_owner (sila_session_get_actor (sila_window_get_session (window))));
  /* Nobody to unlock with: no lock. */
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "lock"));
}

static void
again_without_accounts_script (SilaApplication *app,
                               gpointer         data)
{
  SilaWindow *window = SILA_WINDOW (sila_test_wait_for_window (SILA_TYPE_WINDOW));
  GtkWidget *prefs;
  GtkWidget *staff;

  g_assert_null (sila_test_find_window (SILA_TYPE_SETUP_WINDOW));
  g_assert_true (sila_actor_is_owner (sila_session_get_actor (sila_window_get_session (window))));

  /* Later the office wants accounts after all: the first must administer. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  prefs = sila_test_wait_for_window (SILA_TYPE_PREFERENCES_WINDOW);
  g_assert_true (gtk_widget_get_visible (sila_test_child (prefs, SILA_TYPE_PREFERENCES_WINDOW,
                                                          "staff_page")));
  gtk_widget_activate_action (prefs, "prefs.add-staff", NULL);
  staff = sila_test_wait_for_window (SILA_TYPE_STAFF_WINDOW);
  sila_test_type_into (staff, SILA_TYPE_STAFF_WINDOW, "display_name_row", "نورة");
  sila_test_type_into (staff, SILA_TYPE_STAFF_WINDOW, "username_row", "noura");
  sila_test_type_into (staff, SILA_TYPE_STAFF_WINDOW, "password_row", PASSWORD);
  sila_test_type_into (staff, SILA_TYPE_STAFF_WINDOW, "confirm_row", PASSWORD);
  gtk_widget_activate_action (staff, "staff.save", NULL);

  /* From now on, everyone signs in. */
  sila_test_wait_for_window (SILA_TYPE_LOGIN_WINDOW);
  sila_test_wait_until_gone (SILA_TYPE_WINDOW);
  sila_test_sign_in ("noura", PASSWORD);
}

static void
test_without_accounts (SilaTestDir   *dir,
                       gconstpointer  data)
{
  g_autoptr(SilaStore) store = NULL;
  g_autofree char *flag = NULL;
  g_autoptr(SilaStaff) noura = NULL;

  sila_test_run_app (dir->db_path, without_accounts_script, NULL);
  store = sila_test_reopen (dir->db_path);
  flag = sila_store_get_setting (store, SILA_SETTING_NO_ACCOUNTS, NULL);
  g_assert_cmpstr (flag, ==, "1");
  g_clear_object (&store);

  sila_test_run_app (dir->db_path, again_without_accounts_script, NULL);
  store = sila_test_reopen (dir->db_path);
  {
    sqlite3_stmt *stmt = NULL;

    sqlite3_prepare_v2 (sila_store_get_db (store), "SELECT roles FROM staff", -1, &stmt, NULL);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, SILA_ROLE_ADMIN);
    sqlite3_finalize (stmt);
  }
}

/* Signing in */

static void
sign_in_script (SilaApplication *app,
                gpointer         data)
{
  GtkWidget *login = sila_test_wait_for_window (SILA_TYPE_LOGIN_WINDOW);
  SilaSignInPage *page = sila_login_window_get_page (SILA_LOGIN_WINDOW (login));
  GType T = SILA_TYPE_SIGN_IN_PAGE;
  SilaWindow *window;
  g_autofree char *association = NULL;

  /* Typing starts in the user name; nothing of the office shows before
   * someone signs in, but its name. */
  sila_test_assert_focus_in (login, sila_test_child (page, T, "username_row"));
  g_assert_null (sila_test_find_window (SILA_TYPE_WINDOW));
  g_assert_cmpstr (gtk_label_get_label (sila_test_child (page, T, "association_label")), ==,
                   "جمعية الاختبار");
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "preferences"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "audit-trail"));

  sila_sign_in_page_submit (page);
  sila_test_error_beside (page, T, "username_row", "username_error");

  sila_test_type_into (page, T, "username_row", "huda");
  sila_sign_in_page_submit (page);
  sila_test_no_error_beside (page, T, "username_error");
  sila_test_error_beside (page, T, "password_row", "password_error");

  sila_test_type_into (page, T, "password_row", "not her password");
  sila_sign_in_page_submit (page);
  g_assert_cmpstr (sila_test_error_beside (page, T, "password_row", "password_error"), ==,
                   _("The user name or the password is wrong."));
  /* Typed things stay, to be corrected. */
  g_assert_cmpstr (gtk_editable_get_text (sila_test_child (page, T, "username_row")), ==, "huda");
  g_assert_null (sila_test_find_window (SILA_TYPE_WINDOW));

  /* Hostile names: the same plain refusal. */
  sila_test_type_into (page, T, "username_row", "huda'); --\u202E");
  sila_sign_in_page_submit (page);
  sila_test_error_beside (page, T, "password_row", "password_error");

  window = sila_test_sign_in (" HUDA ", PASSWORD);
  sila_test_wait_until_gone (SILA_TYPE_LOGIN_WINDOW);
  g_assert_cmpstr (sila_session_get_actor (sila_window_get_session (window))->username, ==,
                   "huda");
  association = g_strdup_printf (_("Signed in as %s"), "هدى");
  g_assert_cmpstr (gtk_label_get_label (sila_test_child (window, SILA_TYPE_WINDOW,
                                                         "actor_label")), ==,
                   association);

  /* An officer: the lock, her password; not the audit trail. */
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "lock"));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "change-password"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "audit-trail"));
}

static void
test_sign_in (SilaTestOffice *office,
              gconstpointer   data)
{
  g_autoptr(SilaStore) store = NULL;

  sila_test_run_app (office->dir.db_path, sign_in_script, office);
  store = sila_test_reopen (office->dir.db_path);
  g_assert_cmpint (sila_test_audit_count (store, "login", "huda"), ==, 1);
  g_assert_cmpint (sila_test_audit_count (store, "login_failed", "huda"), ==, 1);
  g_assert_cmpint (sila_test_audit_count (store, "login_failed", "(unknown)"), ==, 1);
  /* Quitting signs out. */
  g_assert_cmpint (sila_test_audit_count (store, "logout", "huda"), ==, 1);
}

/* An administrator reset the password: a new one before anything else. */
static void
forced_password_script (SilaApplication *app,
                        gpointer         data)
{
  GtkWidget *login = sila_test_wait_for_window (SILA_TYPE_LOGIN_WINDOW);
  SilaSignInPage *page = sila_login_window_get_page (SILA_LOGIN_WINDOW (login));
  GtkWidget *password;
  GType T = SILA_TYPE_PASSWORD_WINDOW;

  sila_test_type_into (page, SILA_TYPE_SIGN_IN_PAGE, "username_row", "huda");
  sila_test_type_into (page, SILA_TYPE_SIGN_IN_PAGE, "password_row", "given by sami");
  sila_sign_in_page_submit (page);

  password = sila_test_wait_for_window (SILA_TYPE_PASSWORD_WINDOW);
  g_assert_null (sila_test_find_window (SILA_TYPE_WINDOW));

  sila_test_type_into (password, T, "current_row", "not it");
  sila_test_type_into (password, T, "new_row", "short");
  sila_test_type_into (password, T, "confirm_row", "short");
  gtk_widget_activate_action (password, "password.change", NULL);
  sila_test_error_beside (password, T, "new_row", "new_error");
  sila_test_no_error_beside (password, T, "current_error");

  sila_test_type_into (password, T, "new_row", "her very own passphrase");
  gtk_widget_activate_action (password, "password.change", NULL);
  sila_test_error_beside (password, T, "confirm_row", "confirm_error");

  sila_test_type_into (password, T, "confirm_row", "her very own passphrase");
  gtk_widget_activate_action (password, "password.change", NULL);
  sila_test_error_beside (password, T, "current_row", "current_error");

  sila_test_type_into (password, T, "current_row", "given by sami");
  gtk_widget_activate_action (password, "password.change", NULL);

  sila_test_wait_for_window (SILA_TYPE_WINDOW);
  sila_test_wait_until_gone (SILA_TYPE_LOGIN_WINDOW);
}

static void
test_forced_password (SilaTestOffice *office,
                      gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaStore) store = sila_test_reopen (office->dir.db_path);
  g_autoptr(SilaStaff) staff = NULL;

  {
    g_autoptr(SilaStaff) sami = sila_store_authenticate (store, "sami", PASSWORD, &error);
    g_autoptr(SilaActor) admin = sila_staff_to_actor (sami);

    g_assert_true (sila_store_reset_staff_password (store, admin, office->huda_id,
                                                    "given by sami", &error));
  }
  g_clear_object (&store);

  sila_test_run_app (office->dir.db_path, forced_password_script, office);

  store = sila_test_reopen (office->dir.db_path);
  staff = sila_store_authenticate (store, "huda", "her very own passphrase", &error);
  g_assert_no_error (error);
  g_assert_false (staff->must_change_password);
}

/* The idle lock, unlocking, and someone else signing in. */
static void
lock_script (SilaApplication *app,
             gpointer         data)
{
  SilaWindow *window = sila_test_sign_in ("huda", PASSWORD);
  SilaSignInPage *page = sila_window_get_lock_page (window);
  GtkWidget *sidebar = sila_test_child (window, SILA_TYPE_WINDOW, "sidebar");
  GtkWidget *password_row = sila_test_child (page, SILA_TYPE_SIGN_IN_PAGE, "password_row");
  gint64 deadline;

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  sila_test_wait_for_window (SILA_TYPE_PREFERENCES_WINDOW);

  /* No input for the time the office chose: the window locks itself. */
  sila_idle_monitor_set_timeout (sila_application_get_idle_monitor (app), 1);
  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (!sila_window_is_locked (window) && g_get_monotonic_time () < deadline)
    sila_test_spin_for (50);
  g_assert_true (sila_window_is_locked (window));
  sila_test_spin_for (300);

  /* Personal data hidden: the sections are not drawn, other windows gone. */
  g_assert_false (gtk_widget_get_mapped (sidebar));
  g_assert_null (sila_test_find_window (SILA_TYPE_PREFERENCES_WINDOW));
  g_assert_true (gtk_widget_get_mapped (password_row));
  sila_test_assert_focus_in (GTK_WIDGET (window), password_row);
  g_assert_false (gtk_widget_get_visible (sila_test_child (page, SILA_TYPE_SIGN_IN_PAGE,
                                                           "username_group")));

  sila_idle_monitor_set_timeout (sila_application_get_idle_monitor (app), 0);
  gtk_editable_set_text (GTK_EDITABLE (password_row), "wrong");
  sila_sign_in_page_submit (page);
  sila_test_error_beside (page, SILA_TYPE_SIGN_IN_PAGE, "password_row", "password_error");
  g_assert_true (sila_window_is_locked (window));

  gtk_editable_set_text (GTK_EDITABLE (password_row), PASSWORD);
  sila_sign_in_page_submit (page);
  sila_test_spin_for (300);
  g_assert_false (sila_window_is_locked (window));
  g_assert_true (gtk_widget_get_mapped (sidebar));

  /* Ctrl+L locks at once; then a colleague takes the desk. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "lock", NULL);
  g_assert_true (sila_window_is_locked (window));
  gtk_widget_activate_action (GTK_WIDGET (page), "sign-in.other-user", NULL);
  sila_test_wait_for_window (SILA_TYPE_LOGIN_WINDOW);
  sila_test_wait_until_gone (SILA_TYPE_WINDOW);

  window = sila_test_sign_in ("sami", PASSWORD);
  g_assert_cmpstr (sila_session_get_actor (sila_window_get_session (window))->username, ==,
                   "sami");
  g_assert_false (sila_window_is_locked (window));
}

static void
test_lock (SilaTestOffice *office,
           gconstpointer   data)
{
  g_autoptr(SilaStore) store = NULL;

  sila_test_run_app (office->dir.db_path, lock_script, office);
  store = sila_test_reopen (office->dir.db_path);
  g_assert_cmpint (sila_test_audit_count (store, "logout", "huda"), ==, 1);
  g_assert_cmpint (sila_test_audit_count (store, "login", "huda"), ==, 2); /* sign-in, unlock */
  g_assert_cmpint (sila_test_audit_count (store, "login", "sami"), ==, 1);
}

/* An administrator on another desk deactivates the account in use: its
 * window closes and the sign-in window comes back. */
static void
deactivated_script (SilaApplication *app,
                    gpointer         data)
{
  SilaTestOffice *office = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaStore) other_desk = NULL;
  g_autoptr(SilaStaff) sami = NULL;
  g_autoptr(SilaActor) admin = NULL;

  sila_test_sign_in ("huda", PASSWORD);

  other_desk = sila_test_reopen (office->dir.db_path);
  sami = sila_store_authenticate (other_desk, "sami", PASSWORD, &error);
  admin = sila_staff_to_actor (sami);
  g_assert_true (sila_store_set_staff_active (other_desk, admin, office->huda_id, FALSE, &error));
  g_assert_no_error (error);

  sila_test_wait_for_window (SILA_TYPE_LOGIN_WINDOW);
  sila_test_wait_until_gone (SILA_TYPE_WINDOW);
}

static void
test_deactivated_while_signed_in (SilaTestOffice *office,
                                  gconstpointer   data)
{
  sila_test_run_app (office->dir.db_path, deactivated_script, office);
}

int
main (int argc, char **argv)
{
  g_autofree char *home = sila_test_accounts_ui_init (&argc, &argv);
  int status;

#define ADD(path, func) \
  g_test_add (path, SilaTestOffice, NULL, sila_test_office_setup, func, sila_test_office_teardown)

  g_test_add ("/sila/ui/accounts/first-run", SilaTestDir, NULL, sila_test_dir_setup,
              test_first_run, sila_test_dir_teardown);
  g_test_add ("/sila/ui/accounts/without-accounts", SilaTestDir, NULL, sila_test_dir_setup,
              test_without_accounts, sila_test_dir_teardown);
  ADD ("/sila/ui/accounts/sign-in", test_sign_in);
  ADD ("/sila/ui/accounts/forced-password", test_forced_password);
  ADD ("/sila/ui/accounts/lock-and-switch", test_lock);
  ADD ("/sila/ui/accounts/deactivated-while-signed-in", test_deactivated_while_signed_in);

#undef ADD

  status = g_test_run ();
  sila_test_rm_rf (home);
  return status;
}
