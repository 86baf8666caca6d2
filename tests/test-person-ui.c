/* SPDX-License-Identifier: GPL-3.0-or-later */
/* PDPL in the windows: the profile hands a person everything held about
 * them (PDF and JSON), and Preferences anonymizes files past the retention
 * period. Real windows, a real database. */
#include "sila-config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "sila-beneficiary-profile.h"
#include "sila-i18n.h"
#include "sila-retention-row.h"
#include "sila-test-requests.h"
#include "sila-test-util.h"

typedef struct {
  SilaTestDir  dir;
  SilaStore   *store;
  SilaSession *session;
  char        *file_id;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaActor) owner = sila_actor_new_owner ();
  g_autoptr(SilaRequest) request = NULL;

  sila_test_dir_setup (&f->dir, NULL);
  f->store = sila_store_open (f->dir.db_path, 0, &error);
  g_assert_no_error (error);
  f->session = sila_session_new (f->store, sila_actor_new_owner ());
  f->file_id = sila_test_add_beneficiary (f->store, owner, "100000017", "نورة");
  request = sila_test_open_request (f->store, owner, f->file_id, "food_basket", "2026-03-02");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&f->session);
  g_clear_object (&f->store);
  g_free (f->file_id);
  sila_test_dir_teardown (&f->dir, NULL);
}

static GtkWidget *
present (GtkWidget *child)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_child (GTK_WINDOW (window), child);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);
  return window;
}

static void
test_profile_export (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SilaBeneficiaryProfile *profile = sila_beneficiary_profile_new (f->session);
  GtkWidget *window = present (GTK_WIDGET (profile));
  g_autofree char *pdf = sila_test_dir_file (&f->dir, "personal-data-1001.pdf");
  g_autofree char *json_path = sila_test_dir_file (&f->dir, "personal-data-1001.json");
  g_autoptr(GFile) pdf_file = g_file_new_for_path (pdf);
  g_autofree char *json = NULL;
  GStatBuf st;

  g_assert_true (sila_beneficiary_profile_show (profile, f->file_id, &error));
  g_assert_no_error (error);

  g_assert_true (sila_beneficiary_profile_export_personal_data (profile, pdf_file, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (pdf, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (st.st_size, >, 1000);
  g_assert_true (g_file_get_contents (json_path, &json, NULL, NULL));
  g_assert_nonnull (strstr (json, "\"first_name\" : \"نورة\""));
  g_assert_nonnull (strstr (json, "\"requests\""));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
close_long_ago (Fixture *f)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (f->dir.db_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE beneficiaries SET status = 'closed', "
                                     "closed_at = date ('now', '-20 years')", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);
}

static char *
first_name (Fixture *f)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *name;

  g_assert_cmpint (sqlite3_open (f->dir.db_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT first_name FROM beneficiaries", -1, &stmt,
                                       NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  name = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return name;
}

static void
test_retention_row (Fixture       *f,
                    gconstpointer  data)
{
  SilaRetentionRow *row;
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *window;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  close_long_ago (f);
  row = SILA_RETENTION_ROW (sila_retention_row_new (f->session));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (row));
  window = present (list);

  g_assert_cmpuint (sila_retention_row_get_count (row), ==, 1);
  before = first_name (f);
  g_assert_cmpstr (before, ==, "نورة");

  g_assert_true (sila_retention_row_anonymize (row));
  g_assert_cmpuint (sila_retention_row_get_count (row), ==, 0);
  after = first_name (f);
  g_assert_cmpstr (after, ==, "");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                            "1 file was anonymized"));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  sila_i18n_init (SILA_LANGUAGE_ENGLISH);
  gtk_widget_set_default_direction (GTK_TEXT_DIR_LTR);

  g_test_add ("/sila/ui/person/profile-export", Fixture, NULL, fixture_setup,
              test_profile_export, fixture_teardown);
  g_test_add ("/sila/ui/person/retention-row", Fixture, NULL, fixture_setup,
              test_retention_row, fixture_teardown);

  return g_test_run ();
}
