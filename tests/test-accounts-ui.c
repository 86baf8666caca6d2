/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Accounts in the real application, in real windows: first-run setup (and
 * working without accounts), sign-in, a password reset by an administrator,
 * the idle lock, switching user, staff and backups in Preferences, the
 * audit trail viewer and restoring a backup. Errors show beside their
 * fields in the UI language; bad input saves nothing.
 * Run twice: SILA_TEST_LANG=ar and SILA_TEST_LANG=en. */
#include "sila-config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "sila-application.h"
#include "sila-audit-window.h"
#include "sila-i18n.h"
#include "sila-login-window.h"
#include "sila-password-window.h"
#include "sila-preferences-window.h"
#include "sila-setup-window.h"
#include "sila-sign-in-page.h"
#include "sila-staff-window.h"
#include "sila-store-backup.h"
#include "sila-store-private.h"
#include "sila-store-staff.h"
#include "sila-test-util.h"
#include "sila-window.h"

#define PASSWORD "a long passphrase"

static gboolean arabic;

/* Waiting for windows */

static void
spin_for (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < until)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (2000);
    }
}

static GtkWidget *
find_window (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWidget *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && found == NULL; i++)
    {
      g_autoptr(GtkWidget) w = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (w, type) && gtk_widget_get_visible (w))
        found = w;
    }

  return found;
}

/* Waits (a few seconds at most) until a visible window of @type shows up. */
static GtkWidget *
wait_for_window (GType type)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  GtkWidget *window;

  while ((window = find_window (type)) == NULL || !gtk_widget_get_mapped (window))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("no %s appeared", g_type_name (type));
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  gtk_test_widget_wait_for_draw (window);
  spin_for (20);

  return window;
}

static void
wait_until_gone (GType type)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (find_window (type) != NULL)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("%s did not close", g_type_name (type));
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
}

static gpointer
child (gpointer    widget,
       GType       type,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (object);
  return object;
}

static void
type_into (gpointer    widget,
           GType       type,
           const char *name,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (child (widget, type, name)), text);
}

/* The error shown beside a field: its label is visible, the field is red,
 * and the message is in the UI language. */
static const char *
error_beside (gpointer    widget,
              GType       type,
              const char *field,
              const char *label)
{
  GtkLabel *error = child (widget, type, label);
  const char *text = gtk_label_get_label (error);

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error)));
  g_assert_true (gtk_widget_has_css_class (child (widget, type, field), "error"));
  g_assert_cmpstr (text, !=, "");
  if (arabic)
    {
      /* Arabic letters, not an untranslated English message. */
      gboolean has_arabic = FALSE;

      for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
        has_arabic |= g_utf8_get_char (p) >= 0x0600 && g_utf8_get_char (p) <= 0x06FF;
      if (!has_arabic)
        g_error ("not in Arabic: %s", text);
    }

  return text;
}

static void
no_error_beside (gpointer    widget,
                 GType       type,
                 const char *label)
{
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (child (widget, type, label))));
}

/* The first widget under @root named @name (and of @type). */
static GtkWidget *
find_named (gpointer    root,
            GType       type,
            const char *name)
{
  GQueue queue = G_QUEUE_INIT;
  GtkWidget *found = NULL;

  g_queue_push_tail (&queue, root);
  while (!g_queue_is_empty (&queue) && found == NULL)
    {
      GtkWidget *w = g_queue_pop_head (&queue);

      if (G_TYPE_CHECK_INSTANCE_TYPE (w, type) && g_str_equal (gtk_widget_get_name (w), name))
        found = w;
      for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL;
           c = gtk_widget_get_next_sibling (c))
        g_queue_push_tail (&queue, c);
    }
  g_queue_clear (&queue);

  g_assert_nonnull (found);
  return found;
}

/* Typing goes into @field (an entry row, or what it holds). */
static void
assert_focus_in (GtkWidget *window,
                 GtkWidget *field)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  g_assert_nonnull (focus);
  g_assert_true (focus == field || gtk_widget_is_ancestor (focus, field));
}

static void
respond_to_dialog (const char *response)
{
  GtkWidget *dialog = wait_for_window (ADW_TYPE_MESSAGE_DIALOG);

  /* The response may close its parent, and the dialog with it. */
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  if (dialog != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
      gtk_window_destroy (GTK_WINDOW (dialog));
    }
  spin_for (20);
}

/* Running the application */

typedef void (*Script) (SilaApplication *app,
                        gpointer         data);

typedef struct {
  Script   script;
  gpointer data;
  gboolean done;
} Run;

static gboolean
run_script_cb (gpointer user_data)
{
  Run *run = user_data;
  GApplication *app = g_application_get_default ();

  run->script (SILA_APPLICATION (app), run->data);
  run->done = TRUE;
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);

  return G_SOURCE_REMOVE;
}

static void
run_app (const char *db_path,
         Script      script,
         gpointer    data)
{
  g_autoptr(SilaApplication) app = sila_application_new (db_path);
  Run run = { .script = script, .data = data };
  char *argv[] = { (char *)"sila", NULL };

  g_idle_add (run_script_cb, &run);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 1, argv), ==, 0);
  g_assert_true (run.done);
}

static SilaWindow *
sign_in (const char *username,
         const char *password)
{
  GtkWidget *login = wait_for_window (SILA_TYPE_LOGIN_WINDOW);
  SilaSignInPage *page = sila_login_window_get_page (SILA_LOGIN_WINDOW (login));

  type_into (page, SILA_TYPE_SIGN_IN_PAGE, "username_row", username);
  type_into (page, SILA_TYPE_SIGN_IN_PAGE, "password_row", password);
  sila_sign_in_page_submit (page);

  return SILA_WINDOW (wait_for_window (SILA_TYPE_WINDOW));
}

/* An office: sami (administrator), huda (officer). */
typedef struct {
  SilaTestDir dir;
  char       *huda_id;
  char       *backup;
} Office;

static void
office_setup (Office        *office,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaStore) store = NULL;
  g_autoptr(SilaStaff) sami = NULL;
  g_autoptr(SilaStaff) huda = NULL;
  g_autoptr(SilaActor) admin = NULL;
  g_autofree char *folder = NULL;

  sila_test_dir_setup (&office->dir, NULL);
  store = sila_store_open (office->dir.db_path, 0, &error);
  g_assert_no_error (error);
  sami = sila_store_create_first_admin (store, "جمعية الاختبار", "sami", "سامي", PASSWORD,
                                        &error);
  g_assert_no_error (error);
  admin = sila_staff_to_actor (sami);
  huda = sila_store_add_staff (store, admin, "huda", "هدى", SILA_ROLE_OFFICER, PASSWORD, FALSE,
                               &error);
  g_assert_no_error (error);
  office->huda_id = g_strdup (huda->id);

  /* Backups go to a folder of the test's own. */
  folder = sila_test_dir_file (&office->dir, "usb");
  g_mkdir (folder, 0700);
  g_assert_true (sila_store_set_setting (store, admin, SILA_SETTING_BACKUP_FOLDER, NULL, folder,
                                         &error));
  office->backup = sila_store_backup (store, admin, SILA_BACKUP_MANUAL, NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
office_teardown (Office        *office,
                 gconstpointer  data)
{
  g_free (office->huda_id);
  g_free (office->backup);
  sila_test_dir_teardown (&office->dir, NULL);
}

static SilaStore *
reopen (const char *path)
{
  g_autoptr(GError) error = NULL;
  SilaStore *store = sila_store_open (path, 0, &error);

  g_assert_no_error (error);
  return store;
}

/* How many audit entries of @action by @by, read as the first administrator. */
static gint64
audit_count (SilaStore  *store,
             const char *action,
             const char *by)
{
  g_autoptr(SilaActor) actor = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  SilaAuditFilter filter = { .action = action, .actor_name = by };
  sqlite3_stmt *stmt = NULL;

  sqlite3_prepare_v2 (sila_store_get_db (store),
                      "SELECT id, username, display_name, roles FROM staff "
                      "WHERE roles & 16 ORDER BY created_at LIMIT 1", -1, &stmt, NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  actor = sila_actor_new ((const char *)sqlite3_column_text (stmt, 0),
                          (const char *)sqlite3_column_text (stmt, 1),
                          (const char *)sqlite3_column_text (stmt, 2),
                          sqlite3_column_int (stmt, 3));
  sqlite3_finalize (stmt);

  entries = sila_store_query_audit (store, actor, &filter, 0, 0, NULL);
  g_assert_nonnull (entries);
  return entries->len;
}

/* First start */

static void
first_run_script (SilaApplication *app,
                  gpointer         data)
{
  SilaTestDir *dir = data;
  GtkWidget *setup = wait_for_window (SILA_TYPE_SETUP_WINDOW);
  GType T = SILA_TYPE_SETUP_WINDOW;
  SilaWindow *window;
  g_autoptr(SilaStore) store = NULL;
  gint64 n_staff = -1;
  GStatBuf st;

  g_assert_cmpint (gtk_widget_get_direction (setup), ==,
                   arabic ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);
  assert_focus_in (setup, child (setup, T, "display_name_row"));
  g_assert_null (find_window (SILA_TYPE_WINDOW));
  g_assert_cmpint (g_stat (dir->db_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* Every field wrong: every error beside its field, nothing saved. */
  type_into (setup, T, "association_row", "   ");
  type_into (setup, T, "display_name_row", "سامي\u202E");
  type_into (setup, T, "username_row", "سامي'); DROP TABLE staff;--");
  type_into (setup, T, "password_row", "short");
  type_into (setup, T, "confirm_row", "different");
  gtk_widget_activate_action (setup, "setup.create", NULL);
  error_beside (setup, T, "association_row", "association_error");
  error_beside (setup, T, "display_name_row", "display_name_error");
  error_beside (setup, T, "username_row", "username_error");
  error_beside (setup, T, "password_row", "password_error");
  /* What was typed stays. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (setup, T, "display_name_row"))),
                   ==, "سامي\u202E");

  store = reopen (dir->db_path);
  g_assert_true (sila_store_count_staff (store, &n_staff, NULL));
  g_assert_cmpint (n_staff, ==, 0);

  /* A good password, but typed differently twice. */
  type_into (setup, T, "association_row", "جمعية البر");
  type_into (setup, T, "display_name_row", "سامي العتيبي");
  type_into (setup, T, "username_row", "Sami");
  type_into (setup, T, "password_row", PASSWORD);
  gtk_widget_activate_action (setup, "setup.create", NULL);
  no_error_beside (setup, T, "password_error");
  no_error_beside (setup, T, "association_error");
  error_beside (setup, T, "confirm_row", "confirm_error");
  g_assert_true (sila_store_count_staff (store, &n_staff, NULL));
  g_assert_cmpint (n_staff, ==, 0);

  type_into (setup, T, "confirm_row", PASSWORD);
  gtk_widget_activate_action (setup, "setup.create", NULL);

  window = SILA_WINDOW (wait_for_window (SILA_TYPE_WINDOW));
  wait_until_gone (SILA_TYPE_SETUP_WINDOW);
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
  run_app (dir->db_path, first_run_script, dir);
}

/* A laptop used by one person: no accounts, and not asked again. */
static void
without_accounts_script (SilaApplication *app,
                         gpointer         data)
{
  GtkWidget *setup = wait_for_window (SILA_TYPE_SETUP_WINDOW);
  SilaWindow *window;

  /* Refusing the question changes nothing. */
  gtk_widget_activate_action (setup, "setup.without-accounts", NULL);
  respond_to_dialog ("cancel");
  g_assert_nonnull (find_window (SILA_TYPE_SETUP_WINDOW));
  g_assert_null (find_window (SILA_TYPE_WINDOW));

  type_into (setup, SILA_TYPE_SETUP_WINDOW, "association_row", "جمعية الحاسوب المحمول");
  gtk_widget_activate_action (setup, "setup.without-accounts", NULL);
  respond_to_dialog ("without");

  window = SILA_WINDOW (wait_for_window (SILA_TYPE_WINDOW));
  g_assert_true (sila_actor_is_owner (sila_session_get_actor (sila_window_get_session (window))));
  /* Nobody to unlock with: no lock. */
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "lock"));
}

static void
again_without_accounts_script (SilaApplication *app,
                               gpointer         data)
{
  SilaWindow *window = SILA_WINDOW (wait_for_window (SILA_TYPE_WINDOW));
  GtkWidget *prefs;
  GtkWidget *staff;

  g_assert_null (find_window (SILA_TYPE_SETUP_WINDOW));
  g_assert_true (sila_actor_is_owner (sila_session_get_actor (sila_window_get_session (window))));

  /* Later the office wants accounts after all: the first must administer. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  prefs = wait_for_window (SILA_TYPE_PREFERENCES_WINDOW);
  g_assert_true (gtk_widget_get_visible (child (prefs, SILA_TYPE_PREFERENCES_WINDOW,
                                                "staff_page")));
  gtk_widget_activate_action (prefs, "prefs.add-staff", NULL);
  staff = wait_for_window (SILA_TYPE_STAFF_WINDOW);
  type_into (staff, SILA_TYPE_STAFF_WINDOW, "display_name_row", "نورة");
  type_into (staff, SILA_TYPE_STAFF_WINDOW, "username_row", "noura");
  type_into (staff, SILA_TYPE_STAFF_WINDOW, "password_row", PASSWORD);
  type_into (staff, SILA_TYPE_STAFF_WINDOW, "confirm_row", PASSWORD);
  gtk_widget_activate_action (staff, "staff.save", NULL);

  /* From now on, everyone signs in. */
  wait_for_window (SILA_TYPE_LOGIN_WINDOW);
  wait_until_gone (SILA_TYPE_WINDOW);
  sign_in ("noura", PASSWORD);
}

static void
test_without_accounts (SilaTestDir   *dir,
                       gconstpointer  data)
{
  g_autoptr(SilaStore) store = NULL;
  g_autofree char *flag = NULL;
  g_autoptr(SilaStaff) noura = NULL;

  run_app (dir->db_path, without_accounts_script, NULL);
  store = reopen (dir->db_path);
  flag = sila_store_get_setting (store, SILA_SETTING_NO_ACCOUNTS, NULL);
  g_assert_cmpstr (flag, ==, "1");
  g_clear_object (&store);

  run_app (dir->db_path, again_without_accounts_script, NULL);
  store = reopen (dir->db_path);
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
  GtkWidget *login = wait_for_window (SILA_TYPE_LOGIN_WINDOW);
  SilaSignInPage *page = sila_login_window_get_page (SILA_LOGIN_WINDOW (login));
  GType T = SILA_TYPE_SIGN_IN_PAGE;
  SilaWindow *window;
  g_autofree char *association = NULL;

  /* Typing starts in the user name; nothing of the office shows before
   * someone signs in, but its name. */
  assert_focus_in (login, child (page, T, "username_row"));
  g_assert_null (find_window (SILA_TYPE_WINDOW));
  g_assert_cmpstr (gtk_label_get_label (child (page, T, "association_label")), ==,
                   "جمعية الاختبار");
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "preferences"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "audit-trail"));

  sila_sign_in_page_submit (page);
  error_beside (page, T, "username_row", "username_error");

  type_into (page, T, "username_row", "huda");
  sila_sign_in_page_submit (page);
  no_error_beside (page, T, "username_error");
  error_beside (page, T, "password_row", "password_error");

  type_into (page, T, "password_row", "not her password");
  sila_sign_in_page_submit (page);
  g_assert_cmpstr (error_beside (page, T, "password_row", "password_error"), ==,
                   _("The user name or the password is wrong."));
  /* Typed things stay, to be corrected. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (page, T, "username_row"))), ==,
                   "huda");
  g_assert_null (find_window (SILA_TYPE_WINDOW));

  /* Hostile names: the same plain refusal. */
  type_into (page, T, "username_row", "huda'); --\u202E");
  sila_sign_in_page_submit (page);
  error_beside (page, T, "password_row", "password_error");

  window = sign_in (" HUDA ", PASSWORD);
  wait_until_gone (SILA_TYPE_LOGIN_WINDOW);
  g_assert_cmpstr (sila_session_get_actor (sila_window_get_session (window))->username, ==, "huda");
  association = g_strdup_printf (_("Signed in as %s"), "هدى");
  g_assert_cmpstr (gtk_label_get_label (child (window, SILA_TYPE_WINDOW, "actor_label")), ==,
                   association);

  /* An officer: the lock, her password; not the audit trail. */
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "lock"));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "change-password"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "audit-trail"));
}

static void
test_sign_in (Office        *office,
              gconstpointer  data)
{
  g_autoptr(SilaStore) store = NULL;

  run_app (office->dir.db_path, sign_in_script, office);
  store = reopen (office->dir.db_path);
  g_assert_cmpint (audit_count (store, "login", "huda"), ==, 1);
  g_assert_cmpint (audit_count (store, "login_failed", "huda"), ==, 1);
  g_assert_cmpint (audit_count (store, "login_failed", "(unknown)"), ==, 1);
  /* Quitting signs out. */
  g_assert_cmpint (audit_count (store, "logout", "huda"), ==, 1);
}

/* An administrator reset the password: a new one before anything else. */
static void
forced_password_script (SilaApplication *app,
                        gpointer         data)
{
  GtkWidget *login = wait_for_window (SILA_TYPE_LOGIN_WINDOW);
  SilaSignInPage *page = sila_login_window_get_page (SILA_LOGIN_WINDOW (login));
  GtkWidget *password;
  GType T = SILA_TYPE_PASSWORD_WINDOW;

  type_into (page, SILA_TYPE_SIGN_IN_PAGE, "username_row", "huda");
  type_into (page, SILA_TYPE_SIGN_IN_PAGE, "password_row", "given by sami");
  sila_sign_in_page_submit (page);

  password = wait_for_window (SILA_TYPE_PASSWORD_WINDOW);
  g_assert_null (find_window (SILA_TYPE_WINDOW));

  type_into (password, T, "current_row", "not it");
  type_into (password, T, "new_row", "short");
  type_into (password, T, "confirm_row", "short");
  gtk_widget_activate_action (password, "password.change", NULL);
  error_beside (password, T, "new_row", "new_error");
  no_error_beside (password, T, "current_error");

  type_into (password, T, "new_row", "her very own passphrase");
  gtk_widget_activate_action (password, "password.change", NULL);
  error_beside (password, T, "confirm_row", "confirm_error");

  type_into (password, T, "confirm_row", "her very own passphrase");
  gtk_widget_activate_action (password, "password.change", NULL);
  error_beside (password, T, "current_row", "current_error");

  type_into (password, T, "current_row", "given by sami");
  gtk_widget_activate_action (password, "password.change", NULL);

  wait_for_window (SILA_TYPE_WINDOW);
  wait_until_gone (SILA_TYPE_LOGIN_WINDOW);
}

static void
test_forced_password (Office        *office,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaStore) store = reopen (office->dir.db_path);
  g_autoptr(SilaStaff) staff = NULL;

  {
    g_autoptr(SilaStaff) sami = sila_store_authenticate (store, "sami", PASSWORD, &error);
    g_autoptr(SilaActor) admin = sila_staff_to_actor (sami);

    g_assert_true (sila_store_reset_staff_password (store, admin, office->huda_id,
                                                    "given by sami", &error));
  }
  g_clear_object (&store);

  run_app (office->dir.db_path, forced_password_script, office);

  store = reopen (office->dir.db_path);
  staff = sila_store_authenticate (store, "huda", "her very own passphrase", &error);
  g_assert_no_error (error);
  g_assert_false (staff->must_change_password);
}

/* The idle lock, unlocking, and someone else signing in. */
static void
lock_script (SilaApplication *app,
             gpointer         data)
{
  SilaWindow *window = sign_in ("huda", PASSWORD);
  SilaSignInPage *page = sila_window_get_lock_page (window);
  GtkWidget *sidebar = child (window, SILA_TYPE_WINDOW, "sidebar");
  GtkWidget *password_row = child (page, SILA_TYPE_SIGN_IN_PAGE, "password_row");
  gint64 deadline;

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  wait_for_window (SILA_TYPE_PREFERENCES_WINDOW);

  /* No input for the time the office chose: the window locks itself. */
  sila_idle_monitor_set_timeout (sila_application_get_idle_monitor (app), 1);
  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (!sila_window_is_locked (window) && g_get_monotonic_time () < deadline)
    spin_for (50);
  g_assert_true (sila_window_is_locked (window));
  spin_for (300);

  /* Personal data hidden: the sections are not drawn, other windows gone. */
  g_assert_false (gtk_widget_get_mapped (sidebar));
  g_assert_null (find_window (SILA_TYPE_PREFERENCES_WINDOW));
  g_assert_true (gtk_widget_get_mapped (password_row));
  assert_focus_in (GTK_WIDGET (window), password_row);
  g_assert_false (gtk_widget_get_visible (child (page, SILA_TYPE_SIGN_IN_PAGE,
                                                 "username_group")));

  sila_idle_monitor_set_timeout (sila_application_get_idle_monitor (app), 0);
  gtk_editable_set_text (GTK_EDITABLE (password_row), "wrong");
  sila_sign_in_page_submit (page);
  error_beside (page, SILA_TYPE_SIGN_IN_PAGE, "password_row", "password_error");
  g_assert_true (sila_window_is_locked (window));

  gtk_editable_set_text (GTK_EDITABLE (password_row), PASSWORD);
  sila_sign_in_page_submit (page);
  spin_for (300);
  g_assert_false (sila_window_is_locked (window));
  g_assert_true (gtk_widget_get_mapped (sidebar));

  /* Ctrl+L locks at once; then a colleague takes the desk. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "lock", NULL);
  g_assert_true (sila_window_is_locked (window));
  gtk_widget_activate_action (GTK_WIDGET (page), "sign-in.other-user", NULL);
  wait_for_window (SILA_TYPE_LOGIN_WINDOW);
  wait_until_gone (SILA_TYPE_WINDOW);

  window = sign_in ("sami", PASSWORD);
  g_assert_cmpstr (sila_session_get_actor (sila_window_get_session (window))->username, ==, "sami");
  g_assert_false (sila_window_is_locked (window));
}

static void
test_lock (Office        *office,
           gconstpointer  data)
{
  g_autoptr(SilaStore) store = NULL;

  run_app (office->dir.db_path, lock_script, office);
  store = reopen (office->dir.db_path);
  g_assert_cmpint (audit_count (store, "logout", "huda"), ==, 1);
  g_assert_cmpint (audit_count (store, "login", "huda"), ==, 2); /* sign-in, unlock */
  g_assert_cmpint (audit_count (store, "login", "sami"), ==, 1);
}

/* An administrator on another desk deactivates the account in use: its
 * window closes and the sign-in window comes back. */
static void
deactivated_script (SilaApplication *app,
                    gpointer         data)
{
  Office *office = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaStore) other_desk = NULL;
  g_autoptr(SilaStaff) sami = NULL;
  g_autoptr(SilaActor) admin = NULL;

  sign_in ("huda", PASSWORD);

  other_desk = reopen (office->dir.db_path);
  sami = sila_store_authenticate (other_desk, "sami", PASSWORD, &error);
  admin = sila_staff_to_actor (sami);
  g_assert_true (sila_store_set_staff_active (other_desk, admin, office->huda_id, FALSE, &error));
  g_assert_no_error (error);

  wait_for_window (SILA_TYPE_LOGIN_WINDOW);
  wait_until_gone (SILA_TYPE_WINDOW);
}

static void
test_deactivated_while_signed_in (Office        *office,
                                  gconstpointer  data)
{
  run_app (office->dir.db_path, deactivated_script, office);
}

/* Staff in Preferences */

static void
staff_script (SilaApplication *app,
              gpointer         data)
{
  GType T = SILA_TYPE_STAFF_WINDOW;
  GtkWidget *prefs;
  GtkWidget *staff;
  SilaStore *store;
  g_autoptr(SilaStaff) salem = NULL;
  GtkWidget *group;
  GtkWidget *row;

  sign_in ("sami", PASSWORD);
  store = sila_session_get_store (sila_application_get_session (app));

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  prefs = wait_for_window (SILA_TYPE_PREFERENCES_WINDOW);
  gtk_widget_activate_action (prefs, "prefs.add-staff", NULL);
  staff = wait_for_window (SILA_TYPE_STAFF_WINDOW);

  /* Everything wrong at once. */
  type_into (staff, T, "display_name_row", "سالم\u202E");
  type_into (staff, T, "username_row", "salem العربي");
  type_into (staff, T, "password_row", "salem");
  gtk_widget_activate_action (staff, "staff.save", NULL);
  error_beside (staff, T, "display_name_row", "display_name_error");
  error_beside (staff, T, "username_row", "username_error");
  error_beside (staff, T, "roles_group", "roles_error");
  error_beside (staff, T, "password_row", "password_error");

  /* A name already taken. */
  type_into (staff, T, "display_name_row", "'); DELETE FROM staff; -- سالم");
  type_into (staff, T, "username_row", "HUDA");
  type_into (staff, T, "password_row", PASSWORD);
  type_into (staff, T, "confirm_row", PASSWORD);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find_named (staff, GTK_TYPE_CHECK_BUTTON,
                                                             "researcher")),
                               TRUE);
  gtk_widget_activate_action (staff, "staff.save", NULL);
  no_error_beside (staff, T, "display_name_error");
  no_error_beside (staff, T, "roles_error");
  error_beside (staff, T, "username_row", "username_error");

  type_into (staff, T, "username_row", "salem");
  gtk_widget_activate_action (staff, "staff.save", NULL);
  wait_until_gone (SILA_TYPE_STAFF_WINDOW);

  salem = sila_store_find_staff (store, sila_session_get_actor (sila_application_get_session (app)),
                                 "salem", NULL);
  g_assert_nonnull (salem);
  g_assert_cmpstr (salem->display_name, ==, "'); DELETE FROM staff; -- سالم");
  g_assert_cmpint (salem->roles, ==, SILA_ROLE_RESEARCHER);
  g_assert_true (salem->must_change_password);

  /* Its row is in the list; open it. */
  group = child (prefs, SILA_TYPE_PREFERENCES_WINDOW, "staff_group");
  row = find_named (group, ADW_TYPE_ACTION_ROW, "salem");
  g_signal_emit_by_name (row, "activated");
  staff = wait_for_window (SILA_TYPE_STAFF_WINDOW);
  g_assert_false (gtk_widget_get_sensitive (child (staff, T, "username_row")));

  /* Reset her password: too short, then right. */
  type_into (staff, T, "reset_row", "1234");
  gtk_widget_activate_action (staff, "staff.reset-password", NULL);
  error_beside (staff, T, "reset_row", "reset_error");
  type_into (staff, T, "reset_row", "a new one for salem");
  gtk_widget_activate_action (staff, "staff.reset-password", NULL);
  no_error_beside (staff, T, "reset_error");
  g_assert_true (gtk_widget_get_visible (child (staff, T, "reset_done")));

  /* Deactivate: asked first. */
  gtk_widget_activate_action (staff, "staff.toggle-active", NULL);
  respond_to_dialog ("deactivate");
  g_clear_pointer (&salem, sila_staff_free);
  salem = sila_store_find_staff (store, sila_session_get_actor (sila_application_get_session (app)),
                                 "salem", NULL);
  g_assert_false (salem->active);
  gtk_window_destroy (GTK_WINDOW (staff));

  /* Sami cannot deactivate himself: the message says so. */
  row = find_named (group, ADW_TYPE_ACTION_ROW, "sami");
  g_signal_emit_by_name (row, "activated");
  staff = wait_for_window (SILA_TYPE_STAFF_WINDOW);
  gtk_widget_activate_action (staff, "staff.toggle-active", NULL);
  respond_to_dialog ("deactivate");
  g_assert_true (gtk_widget_get_visible (child (staff, T, "general_error")));
  gtk_window_destroy (GTK_WINDOW (staff));
}

static void
test_staff (Office        *office,
            gconstpointer  data)
{
  g_autoptr(SilaStore) store = NULL;

  run_app (office->dir.db_path, staff_script, office);
  store = reopen (office->dir.db_path);
  g_assert_cmpint (audit_count (store, "create", "sami"), ==, 2);
  g_assert_cmpint (audit_count (store, "password_reset", "sami"), ==, 1);
  g_assert_cmpint (audit_count (store, "deactivate", "sami"), ==, 1);
}

/* An officer sees neither staff nor backups, and cannot change policy. */
static void
officer_preferences_script (SilaApplication *app,
                            gpointer         data)
{
  GtkWidget *prefs;
  GType T = SILA_TYPE_PREFERENCES_WINDOW;

  sign_in ("huda", PASSWORD);
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  prefs = wait_for_window (SILA_TYPE_PREFERENCES_WINDOW);
  g_assert_false (gtk_widget_get_visible (child (prefs, T, "staff_page")));
  g_assert_false (gtk_widget_get_visible (child (prefs, T, "backup_page")));
  g_assert_false (gtk_widget_get_sensitive (child (prefs, T, "idle_spin")));
  g_assert_true (gtk_widget_get_visible (child (prefs, T, "change_password_button")));

  /* Her own password, from the button beside her name. */
  gtk_widget_activate_action (child (prefs, T, "change_password_button"),
                              "app.change-password", NULL);
  {
    GtkWidget *password = wait_for_window (SILA_TYPE_PASSWORD_WINDOW);
    GType P = SILA_TYPE_PASSWORD_WINDOW;

    gtk_widget_activate_action (password, "password.change", NULL);
    error_beside (password, P, "current_row", "current_error");
    error_beside (password, P, "new_row", "new_error");
    type_into (password, P, "current_row", PASSWORD);
    type_into (password, P, "new_row", PASSWORD);
    type_into (password, P, "confirm_row", PASSWORD);
    gtk_widget_activate_action (password, "password.change", NULL);
    error_beside (password, P, "new_row", "new_error");  /* the same as before */
    type_into (password, P, "new_row", "huda's second passphrase");
    type_into (password, P, "confirm_row", "huda's second passphrase");
    gtk_widget_activate_action (password, "password.change", NULL);
    wait_until_gone (SILA_TYPE_PASSWORD_WINDOW);
  }
}

static void
test_officer_preferences (Office        *office,
                          gconstpointer  data)
{
  g_autoptr(SilaStore) store = NULL;
  g_autoptr(SilaStaff) huda = NULL;

  run_app (office->dir.db_path, officer_preferences_script, office);
  store = reopen (office->dir.db_path);
  huda = sila_store_authenticate (store, "huda", "huda's second passphrase", NULL);
  g_assert_nonnull (huda);
  g_assert_cmpint (audit_count (store, "password_change", "huda"), ==, 1);
}

/* Backups from Preferences */

typedef struct {
  Office *office;
  char   *written;
} BackupCheck;

static void
backup_script (SilaApplication *app,
               gpointer         data)
{
  BackupCheck *check = data;
  GType T = SILA_TYPE_PREFERENCES_WINDOW;
  GtkWidget *prefs;
  GtkLabel *status;
  g_autofree char *usb2 = sila_test_dir_file (&check->office->dir, "usb2");
  g_autofree char *unplugged = sila_test_dir_file (&check->office->dir, "unplugged");
  gint64 deadline;

  sign_in ("sami", PASSWORD);
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  prefs = wait_for_window (SILA_TYPE_PREFERENCES_WINDOW);
  g_assert_true (gtk_widget_get_visible (child (prefs, T, "backup_page")));

  /* A folder path that is no path: refused beside the field. */
  sila_preferences_window_set_backup_folder (SILA_PREFERENCES_WINDOW (prefs), "usb\u202E");
  error_beside (prefs, T, "backup_folder_row", "backup_folder_error");

  g_mkdir (usb2, 0700);
  sila_preferences_window_set_backup_folder (SILA_PREFERENCES_WINDOW (prefs), usb2);
  no_error_beside (prefs, T, "backup_folder_error");
  g_assert_cmpstr (adw_action_row_get_subtitle (child (prefs, T, "backup_folder_row")), ==, usb2);

  status = child (prefs, T, "backup_status");
  gtk_widget_activate_action (prefs, "prefs.backup-now", NULL);
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (strstr (gtk_label_get_label (status), "usb2") == NULL &&
         g_get_monotonic_time () < deadline)
    spin_for (20);
  g_assert_nonnull (strstr (gtk_label_get_label (status), "usb2"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (status), "sila-field-error"));
  {
    g_autoptr(GDir) dir = g_dir_open (usb2, 0, NULL);

    check->written = g_strdup (g_dir_read_name (dir));
    g_assert_nonnull (check->written);
  }

  /* The disk is unplugged: said plainly, in the UI language. */
  g_mkdir (unplugged, 0700);
  sila_preferences_window_set_backup_folder (SILA_PREFERENCES_WINDOW (prefs), unplugged);
  g_rmdir (unplugged);
  gtk_widget_activate_action (prefs, "prefs.backup-now", NULL);
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (!gtk_widget_has_css_class (GTK_WIDGET (status), "sila-field-error") &&
         g_get_monotonic_time () < deadline)
    spin_for (20);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (status), "sila-field-error"));
  g_assert_cmpstr (gtk_label_get_label (status), ==,
                   g_strdup_printf (_("The backup folder “%s” is not there. Is the backup disk "
                                      "connected?"), unplugged));
}

static void
test_backup (Office        *office,
             gconstpointer  data)
{
  BackupCheck check = { .office = office };
  g_autofree char *path = NULL;
  GStatBuf st;

  run_app (office->dir.db_path, backup_script, &check);
  path = g_build_filename (office->dir.dir, "usb2", check.written, NULL);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_free (check.written);
}

/* The audit trail viewer */

static void
audit_script (SilaApplication *app,
              gpointer         data)
{
  GType T = SILA_TYPE_AUDIT_WINDOW;
  GtkWidget *audit;
  SilaAuditWindow *window;
  GtkDropDown *who;
  GtkStringList *labels;
  guint all;

  sign_in ("sami", PASSWORD);
  g_action_group_activate_action (G_ACTION_GROUP (app), "audit-trail", NULL);
  audit = wait_for_window (SILA_TYPE_AUDIT_WINDOW);
  window = SILA_AUDIT_WINDOW (audit);
  all = sila_audit_window_get_n_shown (window);
  g_assert_cmpuint (all, >=, 6);

  /* Read-only: the details cannot be edited. */
  g_assert_false (gtk_text_view_get_editable (child (audit, T, "details_view")));

  /* A date that is no date: said beside it, the list kept. */
  gtk_editable_set_text (GTK_EDITABLE (child (audit, T, "since_entry")), "2026-13-45");
  error_beside (audit, T, "since_entry", "since_error");
  g_assert_cmpuint (sila_audit_window_get_n_shown (window), ==, all);
  gtk_editable_set_text (GTK_EDITABLE (child (audit, T, "since_entry")), "٢٠٢٠-٠١-٠١");
  no_error_beside (audit, T, "since_error");
  g_assert_cmpuint (sila_audit_window_get_n_shown (window), ==, all);
  gtk_editable_set_text (GTK_EDITABLE (child (audit, T, "until_entry")), "2001-01-01");
  g_assert_cmpuint (sila_audit_window_get_n_shown (window), ==, 0);
  gtk_editable_set_text (GTK_EDITABLE (child (audit, T, "until_entry")), "");

  /* Who: huda only. */
  who = child (audit, T, "actor_dropdown");
  labels = GTK_STRING_LIST (gtk_drop_down_get_model (who));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (labels)); i++)
    if (g_str_equal (gtk_string_list_get_string (labels, i), "huda"))
      gtk_drop_down_set_selected (who, i);
  g_assert_cmpuint (sila_audit_window_get_n_shown (window), ==, 2);

  /* Text: SQL is only text. */
  gtk_drop_down_set_selected (who, 0);
  gtk_editable_set_text (GTK_EDITABLE (child (audit, T, "text_entry")), "' OR 1=1 --");
  g_signal_emit_by_name (child (audit, T, "text_entry"), "search-changed");
  g_assert_cmpuint (sila_audit_window_get_n_shown (window), ==, 0);
}

static void
test_audit_window (Office        *office,
                   gconstpointer  data)
{
  g_autoptr(SilaStore) store = reopen (office->dir.db_path);
  g_autoptr(SilaStaff) huda = sila_store_authenticate (store, "huda", PASSWORD, NULL);
  g_autoptr(SilaActor) actor = sila_staff_to_actor (huda);

  g_assert_true (sila_store_record_access (store, actor, SILA_PERM_BENEFICIARY_VIEW, "view",
                                           "beneficiary", "BF-1", NULL, NULL));
  g_clear_object (&store);

  run_app (office->dir.db_path, audit_script, office);
}

/* Restore from Preferences (the action it ends in) */

typedef struct {
  Office     *office;
  const char *backup;
  gboolean    expect_success;
} RestoreCheck;

static void
restore_script (SilaApplication *app,
                gpointer         data)
{
  RestoreCheck *check = data;
  GtkWidget *dialog;
  const char *heading;

  sign_in ("sami", PASSWORD);
  g_action_group_activate_action (G_ACTION_GROUP (app), "restore",
                                  g_variant_new_string (check->backup));

  /* The database opens again; a message says what was done. */
  wait_for_window (SILA_TYPE_LOGIN_WINDOW);
  dialog = wait_for_window (ADW_TYPE_MESSAGE_DIALOG);
  heading = adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog));
  g_assert_cmpstr (heading, ==, check->expect_success ? _("Backup Restored")
                                                      : _("Nothing Was Restored"));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_restore (Office        *office,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaStore) store = reopen (office->dir.db_path);
  g_autofree char *damaged = sila_test_dir_file (&office->dir, "damaged.db");
  RestoreCheck check = { .office = office, .backup = office->backup, .expect_success = TRUE };
  g_autoptr(GDir) dir = NULL;
  const char *name;
  gboolean aside = FALSE;

  /* Something the backup does not hold. */
  {
    g_autoptr(SilaStaff) sami = sila_store_authenticate (store, "sami", PASSWORD, &error);
    g_autoptr(SilaActor) admin = sila_staff_to_actor (sami);
    g_autoptr(SilaStaff) late = sila_store_add_staff (store, admin, "late", "متأخر",
                                                      SILA_ROLE_OFFICER, PASSWORD, FALSE, &error);

    g_assert_no_error (error);
  }
  g_clear_object (&store);

  /* A damaged backup: nothing replaced. */
  g_assert_true (g_file_set_contents (damaged, "not a database at all, not even close", -1, NULL));
  check.backup = damaged;
  check.expect_success = FALSE;
  run_app (office->dir.db_path, restore_script, &check);
  store = reopen (office->dir.db_path);
  g_assert_nonnull (sila_store_authenticate (store, "late", PASSWORD, NULL));
  g_clear_object (&store);

  check.backup = office->backup;
  check.expect_success = TRUE;
  run_app (office->dir.db_path, restore_script, &check);
  store = reopen (office->dir.db_path);
  g_assert_null (sila_store_authenticate (store, "late", PASSWORD, NULL));
  g_assert_cmpint (audit_count (store, "restore", "sami"), ==, 1);

  dir = g_dir_open (office->dir.dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    aside |= strstr (name, ".before-restore-") != NULL;
  g_assert_true (aside);
}

int
main (int argc, char **argv)
{
  const char *lang = g_getenv ("SILA_TEST_LANG");
  g_autofree char *home = g_dir_make_tmp ("sila-home-XXXXXX", NULL);
  int status;

  /* Automatic backups and preferences land in a home of the test's own. */
  g_setenv ("XDG_DATA_HOME", home, TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  arabic = g_strcmp0 (lang, "en") != 0;
  sila_i18n_init (arabic ? SILA_LANGUAGE_ARABIC : SILA_LANGUAGE_ENGLISH);
  gtk_widget_set_default_direction (arabic ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);
  sila_store_set_cheap_hashes_for_testing (TRUE);

#define ADD(path, func) \
  g_test_add (path, Office, NULL, office_setup, func, office_teardown)

  g_test_add ("/sila/ui/accounts/first-run", SilaTestDir, NULL, sila_test_dir_setup,
              test_first_run, sila_test_dir_teardown);
  g_test_add ("/sila/ui/accounts/without-accounts", SilaTestDir, NULL, sila_test_dir_setup,
              test_without_accounts, sila_test_dir_teardown);
  ADD ("/sila/ui/accounts/sign-in", test_sign_in);
  ADD ("/sila/ui/accounts/forced-password", test_forced_password);
  ADD ("/sila/ui/accounts/lock-and-switch", test_lock);
  ADD ("/sila/ui/accounts/deactivated-while-signed-in", test_deactivated_while_signed_in);
  ADD ("/sila/ui/accounts/staff", test_staff);
  ADD ("/sila/ui/accounts/officer-preferences", test_officer_preferences);
  ADD ("/sila/ui/accounts/backup", test_backup);
  ADD ("/sila/ui/accounts/audit-window", test_audit_window);
  ADD ("/sila/ui/accounts/restore", test_restore);

#undef ADD

  status = g_test_run ();
  sila_test_rm_rf (home);
  return status;
}
