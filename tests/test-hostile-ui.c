/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The real application on hostile database files (made at test time by
 * tests/data/make-hostile-databases.py): opening one shows the message
 * window with what is wrong, never a crash, a hang or the office; restoring
 * one from Preferences replaces nothing and says why. */
#include "sila-config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "sila-application.h"
#include "sila-login-window.h"
#include "sila-problem-window.h"
#include "sila-setup-window.h"
#include "sila-test-accounts-ui.h"
#include "sila-window.h"

/* The files, and words each message about them names (English). */
static const struct {
  const char *name;
  const char *words[2];
} hostile[] = {
  { "foreign-schema.db", { "an extra table “addresses”", "the table “audit_log” is missing" } },
  { "extra-trigger.db", { "an extra trigger “audit_log_quiet”",
                          "an extra trigger “staff_all_roles”" } },
  { "extra-view.db", { "an extra view “staff_passwords”", NULL } },
  { "meta-view.db", { "the table “meta” is missing", "an extra view “meta”" } },
  { "empty.db", { "is a database of another program, not of Sila Desk", NULL } },
};

static char *hostile_dir;

static char *
checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)contents, length);
}

static char *
hostile_copy (const char *name,
              const char *dir)
{
  g_autofree char *from = g_build_filename (hostile_dir, name, NULL);
  g_autofree char *contents = NULL;
  char *to = g_build_filename (dir, name, NULL);
  gsize length = 0;

  g_assert_true (g_file_get_contents (from, &contents, &length, NULL));
  g_assert_true (g_file_set_contents_full (to, contents, length, G_FILE_SET_CONTENTS_NONE, 0600,
                                           NULL));
  return to;
}

typedef struct {
  guint index;
} OpenCheck;

static void
open_script (SilaApplication *app,
             gpointer         data)
{
  OpenCheck *check = data;
  GtkWidget *problem = sila_test_wait_for_window (SILA_TYPE_PROBLEM_WINDOW);
  const char *message = sila_problem_window_get_message (SILA_PROBLEM_WINDOW (problem));

  g_test_message ("%s: %s", hostile[check->index].name, message);
  for (guint i = 0; i < G_N_ELEMENTS (hostile[check->index].words); i++)
    if (hostile[check->index].words[i] != NULL)
      g_assert_nonnull (strstr (message, hostile[check->index].words[i]));
  g_assert_nonnull (strstr (message, "Nothing was changed"));

  /* Nothing of an office, nor a setup that would take the file as new. */
  g_assert_null (sila_test_find_window (SILA_TYPE_WINDOW));
  g_assert_null (sila_test_find_window (SILA_TYPE_LOGIN_WINDOW));
  g_assert_null (sila_test_find_window (SILA_TYPE_SETUP_WINDOW));
}

static void
test_open (SilaTestDir   *dir,
           gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autofree char *path = hostile_copy (hostile[i].name, dir->dir);
      g_autofree char *before = checksum (path);
      g_autofree char *after = NULL;
      OpenCheck check = { .index = i };

      sila_test_run_app (path, open_script, &check);
      after = checksum (path);
      g_assert_cmpstr (before, ==, after);
    }
}

typedef struct {
  const char *backup;
  const char *words[2];
} RestoreCheck;

static void
restore_script (SilaApplication *app,
                gpointer         data)
{
  RestoreCheck *check = data;
  GtkWidget *dialog;
  const char *body;

  sila_test_sign_in ("sami", PASSWORD);
  g_action_group_activate_action (G_ACTION_GROUP (app), "restore",
                                  g_variant_new_string (check->backup));

  /* The database opens again, as it was, and a message says why. */
  sila_test_wait_for_window (SILA_TYPE_LOGIN_WINDOW);
  dialog = sila_test_wait_for_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Nothing Was Restored");
  body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog));
  g_test_message ("%s", body);
  for (guint i = 0; i < G_N_ELEMENTS (check->words); i++)
    if (check->words[i] != NULL)
      g_assert_nonnull (strstr (body, check->words[i]));
  g_assert_nonnull (strstr (body, "Nothing was replaced"));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_restore (SilaTestOffice *office,
              gconstpointer   data)
{
  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autofree char *backup = hostile_copy (hostile[i].name, office->dir.dir);
      g_autoptr(SilaStore) store = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GDir) dir = NULL;
      RestoreCheck check = { .backup = backup };
      const char *name;

      if (g_str_equal (hostile[i].name, "empty.db"))
        check.words[0] = "damaged or incomplete";
      else
        memcpy (check.words, hostile[i].words, sizeof check.words);

      sila_test_run_app (office->dir.db_path, restore_script, &check);

      /* The office's own database, whole and as Sila Desk made it. */
      store = sila_test_reopen (office->dir.db_path);
      g_assert_true (sila_store_check_schema (store, &error));
      g_assert_no_error (error);
      g_assert_true (sila_store_check_integrity (store, &error));
      g_assert_no_error (error);

      dir = g_dir_open (office->dir.dir, 0, NULL);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_assert_null (strstr (name, ".before-restore-"));
          g_assert_null (strstr (name, ".restoring-"));
        }
    }
}

static char *
make_hostile_files (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "data",
                                                   "make-hostile-databases.py", NULL);
  char *dir = g_dir_make_tmp ("sila-hostile-XXXXXX", NULL);
  const char *argv[] = { "/usr/bin/python3", script, dir, g_getenv ("SILA_BIN"), NULL };
  g_autofree char *err = NULL;
  int status = 0;

  g_assert_nonnull (argv[3]);
  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                               NULL, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("make-hostile-databases.py: %s", err);

  return dir;
}

int
main (int argc, char **argv)
{
  g_autofree char *home = sila_test_accounts_ui_init (&argc, &argv);
  int status;

  /* The messages are compared in English (SILA_TEST_LANG=en). */
  g_assert_false (sila_test_arabic);
  hostile_dir = make_hostile_files ();

  g_test_add ("/sila/ui/hostile/open", SilaTestDir, NULL, sila_test_dir_setup, test_open,
              sila_test_dir_teardown);
  g_test_add ("/sila/ui/hostile/restore", SilaTestOffice, NULL, sila_test_office_setup,
              test_restore, sila_test_office_teardown);

  status = g_test_run ();
  sila_test_rm_rf (hostile_dir);
  g_free (hostile_dir);
  sila_test_rm_rf (home);
  return status;
}
