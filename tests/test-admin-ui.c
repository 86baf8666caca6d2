/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What an administrator does in the real application, in real windows:
 * staff in Preferences (and what an officer sees there instead), backups,
 * the audit trail viewer and restoring a backup. Signing in and the lock
 * are in test-accounts-ui.c. Errors show beside their fields in the UI
 * language; bad input saves nothing.
 * Run twice: SILA_TEST_LANG=ar and SILA_TEST_LANG=en. */
#include "sila-config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "sila-application.h"
#include "sila-audit-window.h"
#include "sila-audit.h"
#include "sila-login-window.h"
#include "sila-policy.h"
#include "sila-password-window.h"
#include "sila-preferences-window.h"
#include "sila-staff-window.h"
#include "sila-store-backup.h"
#include "sila-store-private.h"
#include "sila-store-staff.h"
#include "sila-test-accounts-ui.h"
#include "sila-window.h"

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
  GtkWidget *researcher;

  sila_test_sign_in ("sami", PASSWORD);
  store = sila_session_get_store (sila_application_get_session (app));

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  prefs = sila_test_wait_for_window (SILA_TYPE_PREFERENCES_WINDOW);
  gtk_widget_activate_action (prefs, "prefs.add-staff", NULL);
  staff = sila_test_wait_for_window (SILA_TYPE_STAFF_WINDOW);

  /* Everything wrong at once. */
  sila_test_type_into (staff, T, "display_name_row", "سالم\u202E");
  sila_test_type_into (staff, T, "username_row", "salem العربي");
  sila_test_type_into (staff, T, "password_row", "salem");
  gtk_widget_activate_action (staff, "staff.save", NULL);
  sila_test_error_beside (staff, T, "display_name_row", "display_name_error");
  sila_test_error_beside (staff, T, "username_row", "username_error");
  sila_test_error_beside (staff, T, "roles_group", "roles_error");
  sila_test_error_beside (staff, T, "password_row", "password_error");

  /* A name already taken. */
  sila_test_type_into (staff, T, "display_name_row", "'); DELETE FROM staff; -- سالم");
  sila_test_type_into (staff, T, "username_row", "HUDA");
  sila_test_type_into (staff, T, "password_row", PASSWORD);
  sila_test_type_into (staff, T, "confirm_row", PASSWORD);
  researcher = sila_test_find_named (staff, GTK_TYPE_CHECK_BUTTON, "researcher");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (researcher), TRUE);
  gtk_widget_activate_action (staff, "staff.save", NULL);
  sila_test_no_error_beside (staff, T, "display_name_error");
  sila_test_no_error_beside (staff, T, "roles_error");
  sila_test_error_beside (staff, T, "username_row", "username_error");

  sila_test_type_into (staff, T, "username_row", "salem");
  gtk_widget_activate_action (staff, "staff.save", NULL);
  sila_test_wait_until_gone (SILA_TYPE_STAFF_WINDOW);

  salem = sila_store_find_staff (store, sila_session_get_actor (sila_application_get_session (app)),
                                 "salem", NULL);
  g_assert_nonnull (salem);
  g_assert_cmpstr (salem->display_name, ==, "'); DELETE FROM staff; -- سالم");
  g_assert_cmpint (salem->roles, ==, SILA_ROLE_RESEARCHER);
  g_assert_true (salem->must_change_password);

  /* Its row is in the list; open it. */
  group = sila_test_child (prefs, SILA_TYPE_PREFERENCES_WINDOW, "staff_group");
  row = sila_test_find_named (group, ADW_TYPE_ACTION_ROW, "salem");
  g_signal_emit_by_name (row, "activated");
  staff = sila_test_wait_for_window (SILA_TYPE_STAFF_WINDOW);
  g_assert_false (gtk_widget_get_sensitive (sila_test_child (staff, T, "username_row")));

  /* Reset her password: too short, then right. */
  sila_test_type_into (staff, T, "reset_row", "1234");
  gtk_widget_activate_action (staff, "staff.reset-password", NULL);
  sila_test_error_beside (staff, T, "reset_row", "reset_error");
  sila_test_type_into (staff, T, "reset_row", "a new one for salem");
  gtk_widget_activate_action (staff, "staff.reset-password", NULL);
  sila_test_no_error_beside (staff, T, "reset_error");
  g_assert_true (gtk_widget_get_visible (sila_test_child (staff, T, "reset_done")));

  /* Deactivate: asked first. */
  gtk_widget_activate_action (staff, "staff.toggle-active", NULL);
  sila_test_respond_to_dialog ("deactivate");
  g_clear_pointer (&salem, sila_staff_free);
  salem = sila_store_find_staff (store, sila_session_get_actor (sila_application_get_session (app)),
                                 "salem", NULL);
  g_assert_false (salem->active);
  gtk_window_destroy (GTK_WINDOW (staff));

  /* Sami cannot deactivate himself: the message says so. */
  row = sila_test_find_named (group, ADW_TYPE_ACTION_ROW, "sami");
  g_signal_emit_by_name (row, "activated");
  staff = sila_test_wait_for_window (SILA_TYPE_STAFF_WINDOW);
  gtk_widget_activate_action (staff, "staff.toggle-active", NULL);
  sila_test_respond_to_dialog ("deactivate");
  g_assert_true (gtk_widget_get_visible (sila_test_child (staff, T, "general_error")));
  gtk_window_destroy (GTK_WINDOW (staff));
}

static void
test_staff (SilaTestOffice *office,
            gconstpointer   data)
{
  g_autoptr(SilaStore) store = NULL;

  sila_test_run_app (office->dir.db_path, staff_script, office);
  store = sila_test_reopen (office->dir.db_path);
  g_assert_cmpint (sila_test_audit_count (store, "create", "sami"), ==, 2);
  g_assert_cmpint (sila_test_audit_count (store, "password_reset", "sami"), ==, 1);
  g_assert_cmpint (sila_test_audit_count (store, "deactivate", "sami"), ==, 1);
}

/* An officer sees neither staff nor backups, and cannot change policy. */
static void
officer_preferences_script (SilaApplication *app,
                            gpointer         data)
{
  GtkWidget *prefs;
  GType T = SILA_TYPE_PREFERENCES_WINDOW;

  sila_test_sign_in ("huda", PASSWORD);
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  prefs = sila_test_wait_for_window (SILA_TYPE_PREFERENCES_WINDOW);
  g_assert_false (gtk_widget_get_visible (sila_test_child (prefs, T, "staff_page")));
  g_assert_false (gtk_widget_get_visible (sila_test_child (prefs, T, "backup_page")));
  g_assert_false (gtk_widget_get_sensitive (sila_test_child (prefs, T, "idle_spin")));
  g_assert_true (gtk_widget_get_visible (sila_test_child (prefs, T, "change_password_button")));

  /* Her own password, from the button beside her name. */
  gtk_widget_activate_action (sila_test_child (prefs, T, "change_password_button"),
                              "app.change-password", NULL);
  {
    GtkWidget *password = sila_test_wait_for_window (SILA_TYPE_PASSWORD_WINDOW);
    GType P = SILA_TYPE_PASSWORD_WINDOW;

    gtk_widget_activate_action (password, "password.change", NULL);
    sila_test_error_beside (password, P, "current_row", "current_error");
    sila_test_error_beside (password, P, "new_row", "new_error");
    sila_test_type_into (password, P, "current_row", PASSWORD);
    sila_test_type_into (password, P, "new_row", PASSWORD);
    sila_test_type_into (password, P, "confirm_row", PASSWORD);
    gtk_widget_activate_action (password, "password.change", NULL);
    sila_test_error_beside (password, P, "new_row", "new_error");  /* the same as before */
    sila_test_type_into (password, P, "new_row", "huda's second passphrase");
    sila_test_type_into (password, P, "confirm_row", "huda's second passphrase");
    gtk_widget_activate_action (password, "password.change", NULL);
    sila_test_wait_until_gone (SILA_TYPE_PASSWORD_WINDOW);
  }
}

static void
test_officer_preferences (SilaTestOffice *office,
                          gconstpointer   data)
{
  g_autoptr(SilaStore) store = NULL;
  g_autoptr(SilaStaff) huda = NULL;

  sila_test_run_app (office->dir.db_path, officer_preferences_script, office);
  store = sila_test_reopen (office->dir.db_path);
  huda = sila_store_authenticate (store, "huda", "huda's second passphrase", NULL);
  g_assert_nonnull (huda);
  g_assert_cmpint (sila_test_audit_count (store, "password_change", "huda"), ==, 1);
}

/* Backups from Preferences */

typedef struct {
  SilaTestOffice *office;
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

  sila_test_sign_in ("sami", PASSWORD);
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  prefs = sila_test_wait_for_window (SILA_TYPE_PREFERENCES_WINDOW);
  g_assert_true (gtk_widget_get_visible (sila_test_child (prefs, T, "backup_page")));

  /* A folder path that is no path: refused beside the field. */
  sila_preferences_window_set_backup_folder (SILA_PREFERENCES_WINDOW (prefs), "usb\u202E");
  sila_test_error_beside (prefs, T, "backup_folder_row", "backup_folder_error");

  g_mkdir (usb2, 0700);
  sila_preferences_window_set_backup_folder (SILA_PREFERENCES_WINDOW (prefs), usb2);
  sila_test_no_error_beside (prefs, T, "backup_folder_error");
  g_assert_cmpstr (adw_action_row_get_subtitle (sila_test_child (prefs, T,
                                                                 "backup_folder_row")), ==,
                   usb2);

  status = sila_test_child (prefs, T, "backup_status");
  gtk_widget_activate_action (prefs, "prefs.backup-now", NULL);
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (strstr (gtk_label_get_label (status), "usb2") == NULL &&
         g_get_monotonic_time () < deadline)
    sila_test_spin_for (20);
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
    sila_test_spin_for (20);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (status), "sila-field-error"));
  g_assert_cmpstr (gtk_label_get_label (status), ==,
                   g_strdup_printf (_("The backup folder “%s” is not there. Is the backup disk "
                                      "connected?"), unplugged));
}

static void
test_backup (SilaTestOffice *office,
             gconstpointer   data)
{
  BackupCheck check = { .office = office };
  g_autofree char *path = NULL;
  GStatBuf st;

  sila_test_run_app (office->dir.db_path, backup_script, &check);
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

  sila_test_sign_in ("sami", PASSWORD);
  g_action_group_activate_action (G_ACTION_GROUP (app), "audit-trail", NULL);
  audit = sila_test_wait_for_window (SILA_TYPE_AUDIT_WINDOW);
  window = SILA_AUDIT_WINDOW (audit);
  all = sila_audit_window_get_n_shown (window);
  g_assert_cmpuint (all, >=, 6);
  /* An untouched trail: nothing to warn of. */
  g_assert_null (sila_audit_window_get_warning (window));

  /* Read-only: the details cannot be edited. */
  g_assert_false (gtk_text_view_get_editable (sila_test_child (audit, T, "details_view")));

  /* A date that is no date: said beside it, the list kept. */
  gtk_editable_set_text (GTK_EDITABLE (sila_test_child (audit, T, "since_entry")), "2026-13-45");
  sila_test_error_beside (audit, T, "since_entry", "since_error");
  g_assert_cmpuint (sila_audit_window_get_n_shown (window), ==, all);
  gtk_editable_set_text (GTK_EDITABLE (sila_test_child (audit, T, "since_entry")),
                         "٢٠٢٠-٠١-٠١");
  sila_test_no_error_beside (audit, T, "since_error");
  g_assert_cmpuint (sila_audit_window_get_n_shown (window), ==, all);
  gtk_editable_set_text (GTK_EDITABLE (sila_test_child (audit, T, "until_entry")), "2001-01-01");
  g_assert_cmpuint (sila_audit_window_get_n_shown (window), ==, 0);
  gtk_editable_set_text (GTK_EDITABLE (sila_test_child (audit, T, "until_entry")), "");

  /* Who: huda only. */
  who = sila_test_child (audit, T, "actor_dropdown");
  labels = GTK_STRING_LIST (gtk_drop_down_get_model (who));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (labels)); i++)
    if (g_str_equal (gtk_string_list_get_string (labels, i), "huda"))
      gtk_drop_down_set_selected (who, i);
  g_assert_cmpuint (sila_audit_window_get_n_shown (window), ==, 2);

  /* Text: SQL is only text. */
  gtk_drop_down_set_selected (who, 0);
  gtk_editable_set_text (GTK_EDITABLE (sila_test_child (audit, T, "text_entry")), "' OR 1=1 --");
  g_signal_emit_by_name (sila_test_child (audit, T, "text_entry"), "search-changed");
  g_assert_cmpuint (sila_audit_window_get_n_shown (window), ==, 0);

  /* An office setting is named in words, not by its key. */
  gtk_editable_set_text (GTK_EDITABLE (sila_test_child (audit, T, "text_entry")), "");
  g_signal_emit_by_name (sila_test_child (audit, T, "text_entry"), "search-changed");
  {
    GtkDropDown *what = sila_test_child (audit, T, "entity_dropdown");
    GtkColumnView *view = sila_test_child (audit, T, "column_view");
    GtkTextBuffer *buffer =
      gtk_text_view_get_buffer (sila_test_child (audit, T, "details_view"));
    GtkStringList *entities = GTK_STRING_LIST (gtk_drop_down_get_model (what));
    const char **keys = sila_policy_get_keys ();
    gboolean named = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (entities)); i++)
      if (g_str_equal (gtk_string_list_get_string (entities, i),
                       sila_audit_entity_to_display (SILA_AUDIT_ENTITY_SETTINGS)))
        gtk_drop_down_set_selected (what, i);
    g_assert_cmpuint (sila_audit_window_get_n_shown (window), >=, 1);
    for (guint i = 0; i < sila_audit_window_get_n_shown (window); i++)
      {
        g_autofree char *details = NULL;
        GtkTextIter start, end;

        gtk_selection_model_select_item (gtk_column_view_get_model (view), i, TRUE);
        gtk_text_buffer_get_bounds (buffer, &start, &end);
        details = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
        /* The lines above the recorded values (which keep the stored keys). */
        if (strstr (details, "\n\n") != NULL)
          *strstr (details, "\n\n") = '\0';
        for (guint k = 0; keys[k] != NULL; k++)
          g_assert_null (strstr (details, keys[k]));
        named |= strstr (details,
                         sila_policy_setting_to_display (SILA_SETTING_ANSWER_WINDOW)) != NULL;
      }
    g_assert_true (named);
  }
}

static void
test_audit_window (SilaTestOffice *office,
                   gconstpointer   data)
{
  g_autoptr(SilaStore) store = sila_test_reopen (office->dir.db_path);
  g_autoptr(SilaStaff) huda = sila_store_authenticate (store, "huda", PASSWORD, NULL);
  g_autoptr(SilaActor) actor = sila_staff_to_actor (huda);

  g_autoptr(SilaStaff) sami = sila_store_authenticate (store, "sami", PASSWORD, NULL);
  g_autoptr(SilaActor) admin = sila_staff_to_actor (sami);

  g_assert_true (sila_store_record_access (store, actor, SILA_PERM_BENEFICIARY_VIEW, "view",
                                           "beneficiary", "BF-1", NULL, NULL));
  g_assert_true (sila_store_set_setting (store, admin, SILA_SETTING_ANSWER_WINDOW, "14", "21",
                                         NULL));
  g_clear_object (&store);

  sila_test_run_app (office->dir.db_path, audit_script, office);
}

/* A trail with an entry deleted behind the app's back: the window says
 * so above the list, naming the entry. */
static void
tampered_script (SilaApplication *app,
                 gpointer         data)
{
  GtkWidget *audit;
  const char *warning;
  g_autofree char *deleted = g_strdup_printf (_("Audit entry #%lld was deleted."), 2LL);

  sila_test_sign_in ("sami", PASSWORD);
  g_action_group_activate_action (G_ACTION_GROUP (app), "audit-trail", NULL);
  audit = sila_test_wait_for_window (SILA_TYPE_AUDIT_WINDOW);
  warning = sila_audit_window_get_warning (SILA_AUDIT_WINDOW (audit));
  g_assert_nonnull (warning);
  g_assert_nonnull (strstr (warning, _("The audit trail was tampered with:")));
  g_assert_nonnull (strstr (warning, deleted));
}

static void
test_audit_window_tampered (SilaTestOffice *office,
                            gconstpointer   data)
{
  g_autoptr(SilaStore) store = sila_test_reopen (office->dir.db_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *trigger = NULL;
  g_autofree char *tamper = NULL;

  /* Done as someone careful would: the trigger is put back afterwards, so
   * that the schema the app checks on opening is as it made it, and only
   * the chain tells. */
  {
    g_autoptr(SilaStatement) stmt =
      sila_store_prepare (store, "SELECT sql FROM sqlite_schema "
                                 "WHERE name = 'audit_log_no_delete'", &error);

    g_assert_no_error (error);
    g_assert_cmpint (sila_store_step (store, stmt, &error), ==, SILA_STEP_ROW);
    trigger = sila_column_dup (stmt, 0);
  }
  tamper = g_strdup_printf ("DROP TRIGGER audit_log_no_delete;"
                            "DELETE FROM audit_log WHERE seq = 2; %s;", trigger);
  g_assert_true (sila_store_exec (store, tamper, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  sila_test_run_app (office->dir.db_path, tampered_script, office);
}

/* Restore from Preferences (the action it ends in) */

typedef struct {
  SilaTestOffice     *office;
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

  sila_test_sign_in ("sami", PASSWORD);
  g_action_group_activate_action (G_ACTION_GROUP (app), "restore",
                                  g_variant_new_string (check->backup));

  /* The database opens again; a message says what was done. */
  sila_test_wait_for_window (SILA_TYPE_LOGIN_WINDOW);
  dialog = sila_test_wait_for_window (ADW_TYPE_MESSAGE_DIALOG);
  heading = adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog));
  g_assert_cmpstr (heading, ==, check->expect_success ? _("Backup Restored")
                                                      : _("Nothing Was Restored"));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_restore (SilaTestOffice *office,
              gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaStore) store = sila_test_reopen (office->dir.db_path);
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
  sila_test_run_app (office->dir.db_path, restore_script, &check);
  store = sila_test_reopen (office->dir.db_path);
  g_assert_nonnull (sila_store_authenticate (store, "late", PASSWORD, NULL));
  g_clear_object (&store);

  check.backup = office->backup;
  check.expect_success = TRUE;
  sila_test_run_app (office->dir.db_path, restore_script, &check);
  store = sila_test_reopen (office->dir.db_path);
  g_assert_null (sila_store_authenticate (store, "late", PASSWORD, NULL));
  g_assert_cmpint (sila_test_audit_count (store, "restore", "sami"), ==, 1);

  dir = g_dir_open (office->dir.dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    aside |= strstr (name, ".before-restore-") != NULL;
  g_assert_true (aside);
}

int
main (int argc, char **argv)
{
  g_autofree char *home = sila_test_accounts_ui_init (&argc, &argv);
  int status;

#define ADD(path, func) \
  g_test_add (path, SilaTestOffice, NULL, sila_test_office_setup, func, sila_test_office_teardown)

  ADD ("/sila/ui/accounts/staff", test_staff);
  ADD ("/sila/ui/accounts/officer-preferences", test_officer_preferences);
  ADD ("/sila/ui/accounts/backup", test_backup);
  ADD ("/sila/ui/accounts/audit-window", test_audit_window);
  ADD ("/sila/ui/accounts/audit-window-tampered", test_audit_window_tampered);
  ADD ("/sila/ui/accounts/restore", test_restore);

#undef ADD

  status = g_test_run ();
  sila_test_rm_rf (home);
  return status;
}
