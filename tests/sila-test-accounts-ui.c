/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the account window tests share: waiting for windows, typing into
 * fields and reading the errors beside them, running the application with
 * a script, and an office of two to start from. */
#include "sila-config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "sila-application.h"
#include "sila-i18n.h"
#include "sila-login-window.h"
#include "sila-sign-in-page.h"
#include "sila-store-backup.h"
#include "sila-sqlite.h"
#include "sila-store-private.h"
#include "sila-store-staff.h"
#include "sila-test-accounts-ui.h"
#include "sila-window.h"

gboolean sila_test_arabic;

char *
sila_test_accounts_ui_init (int    *argc,
                            char ***argv)
{
  const char *lang = g_getenv ("SILA_TEST_LANG");
  char *home = g_dir_make_tmp ("sila-home-XXXXXX", NULL);

  /* Automatic backups and preferences land in a home of the test's own. */
  g_setenv ("XDG_DATA_HOME", home, TRUE);

  gtk_test_init (argc, argv, NULL);
  adw_init ();
  sila_test_arabic = g_strcmp0 (lang, "en") != 0;
  sila_i18n_init (sila_test_arabic ? SILA_LANGUAGE_ARABIC : SILA_LANGUAGE_ENGLISH);
  gtk_widget_set_default_direction (sila_test_arabic ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);
  sila_store_set_cheap_hashes_for_testing (TRUE);

  return home;
}

/* Waiting for windows */

void
sila_test_spin_for (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < until)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (2000);
    }
}

GtkWidget *
sila_test_find_window (GType type)
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
GtkWidget *
sila_test_wait_for_window (GType type)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  GtkWidget *window;

  while ((window = sila_test_find_window (type)) == NULL || !gtk_widget_get_mapped (window))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("no %s appeared", g_type_name (type));
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  gtk_test_widget_wait_for_draw (window);
  sila_test_spin_for (20);

  return window;
}

void
sila_test_wait_until_gone (GType type)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (sila_test_find_window (type) != NULL)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("%s did not close", g_type_name (type));
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
}

gpointer
sila_test_child (gpointer    widget,
                 GType       type,
                 const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (object);
  return object;
}

void
sila_test_type_into (gpointer    widget,
                     GType       type,
                     const char *name,
                     const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (sila_test_child (widget, type, name)), text);
}

/* The error shown beside a field: its label is visible, the field is red,
 * and the message is in the UI language. */
const char *
sila_test_error_beside (gpointer    widget,
                        GType       type,
                        const char *field,
                        const char *label)
{
  GtkLabel *error = sila_test_child (widget, type, label);
  const char *text = gtk_label_get_label (error);

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error)));
  g_assert_true (gtk_widget_has_css_class (sila_test_child (widget, type, field), "error"));
  g_assert_cmpstr (text, !=, "");
  if (sila_test_arabic)
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

void
sila_test_no_error_beside (gpointer    widget,
                           GType       type,
                           const char *label)
{
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (sila_test_child (widget, type, label))));
}

/* The first widget under @root named @name (and of @type). */
GtkWidget *
sila_test_find_named (gpointer    root,
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
void
sila_test_assert_focus_in (GtkWidget *window,
                           GtkWidget *field)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  g_assert_nonnull (focus);
  g_assert_true (focus == field || gtk_widget_is_ancestor (focus, field));
}

void
sila_test_respond_to_dialog (const char *response)
{
  GtkWidget *dialog = sila_test_wait_for_window (ADW_TYPE_MESSAGE_DIALOG);

  /* The response may close its parent, and the dialog with it. */
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  if (dialog != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
      gtk_window_destroy (GTK_WINDOW (dialog));
    }
  sila_test_spin_for (20);
}

/* Running the application */

typedef struct {
  SilaTestScript script;
  gpointer       data;
  gboolean       done;
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

void
sila_test_run_app (const char     *db_path,
                   SilaTestScript  script,
                   gpointer        data)
{
  g_autoptr(SilaApplication) app = sila_application_new (db_path);
  Run run = { .script = script, .data = data };
  char *argv[] = { (char *)"sila", NULL };

  g_idle_add (run_script_cb, &run);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 1, argv), ==, 0);
  g_assert_true (run.done);
}

SilaWindow *
sila_test_sign_in (const char *username,
                   const char *password)
{
  GtkWidget *login = sila_test_wait_for_window (SILA_TYPE_LOGIN_WINDOW);
  SilaSignInPage *page = sila_login_window_get_page (SILA_LOGIN_WINDOW (login));

  sila_test_type_into (page, SILA_TYPE_SIGN_IN_PAGE, "username_row", username);
  sila_test_type_into (page, SILA_TYPE_SIGN_IN_PAGE, "password_row", password);
  sila_sign_in_page_submit (page);

  return SILA_WINDOW (sila_test_wait_for_window (SILA_TYPE_WINDOW));
}

void
sila_test_office_setup (SilaTestOffice *office,
                        gconstpointer   data)
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

void
sila_test_office_teardown (SilaTestOffice *office,
                           gconstpointer   data)
{
  g_free (office->huda_id);
  g_free (office->backup);
  sila_test_dir_teardown (&office->dir, NULL);
}

SilaStore *
sila_test_reopen (const char *path)
{
  g_autoptr(GError) error = NULL;
  SilaStore *store = sila_store_open (path, 0, &error);

  g_assert_no_error (error);
  return store;
}

/* How many audit entries of @action by @by, read as the first administrator. */
gint64
sila_test_audit_count (SilaStore  *store,
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
