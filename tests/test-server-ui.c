/* SPDX-License-Identifier: GPL-3.0-or-later */
/* "Open Office Server…" in a real window, against the throwaway server of
 * tests/pgcluster.py (SILA_TEST_PG): every field wrong at once, each
 * refusal beside its field and nothing attempted; a server that cannot be
 * reached, its message beside the address while the window stays live; then
 * the office's database opened, and one altered outside Sila Desk refused
 * plainly. Run with SILA_TEST_LANG=ar (and en); with
 * SILA_SHOTS_DIR set, it also draws the window in those states. */
#include "sila-config.h"

#include <adwaita.h>

#include "sila-i18n.h"
#include "sila-national-id.h"
#include "sila-session.h"
#include "sila-store-beneficiaries.h"
#include "sila-window.h"
#include "sila-server-window.h"
#include "sila-store.h"
#include "sila-test-shots.h"
#include "sila-test-util.h"

static gboolean arabic;

typedef struct {
  SilaServerWindow *window;
  SilaStore        *opened;
  char             *opened_conninfo;
  char             *socket_dir;
  char             *user;
} Fixture;

static void
settle (GtkWidget *widget)
{
  gtk_test_widget_wait_for_draw (widget);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* "host=/tmp/… port=5432 user=postgres": the parts the form asks for. */
static void
read_test_server (Fixture *f)
{
  const char *info = g_getenv ("SILA_TEST_PG");
  g_auto(GStrv) parts = NULL;

  g_assert_nonnull (info);
  parts = g_strsplit (info, " ", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (g_str_has_prefix (parts[i], "host="))
        f->socket_dir = g_strdup (parts[i] + 5);
      else if (g_str_has_prefix (parts[i], "user="))
        f->user = g_strdup (parts[i] + 5);
    }
  g_assert_nonnull (f->socket_dir);
  g_assert_nonnull (f->user);
}

static void
opened_cb (Fixture    *f,
           SilaStore  *store,
           const char *conninfo,
           const char *password)
{
  g_set_object (&f->opened, store);
  g_free (f->opened_conninfo);
  f->opened_conninfo = g_strdup (conninfo);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  read_test_server (f);
  f->window = sila_server_window_new (NULL, NULL);
  g_signal_connect_swapped (f->window, "opened", G_CALLBACK (opened_cb), f);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 560, 760);
  gtk_window_present (GTK_WINDOW (f->window));
  settle (GTK_WIDGET (f->window));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->opened);
  g_free (f->opened_conninfo);
  g_free (f->socket_dir);
  g_free (f->user);
}

static GtkWidget *
child (Fixture    *f,
       const char *name)
{
  GtkWidget *widget = (GtkWidget *)gtk_widget_get_template_child (GTK_WIDGET (f->window),
                                                     SILA_TYPE_SERVER_WINDOW, name);

  g_assert_nonnull (widget);
  return widget;
}

static void
type (Fixture    *f,
      const char *row,
      const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (child (f, row)), text);
}

/* The error label is shown, says something, and sits right under its row. */
static void
assert_beside (Fixture    *f,
               const char *row_name,
               const char *label_name,
               const char *contains)
{
  GtkWidget *row = child (f, row_name);
  GtkWidget *label = child (f, label_name);
  graphene_point_t row_point = GRAPHENE_POINT_INIT (0, 0), label_point = row_point;
  const char *text = gtk_label_get_text (GTK_LABEL (label));

  g_assert_true (gtk_widget_get_visible (label));
  g_assert_cmpstr (text, !=, "");
  if (contains != NULL)
    g_assert_nonnull (strstr (text, contains));
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_true (gtk_widget_compute_point (row, GTK_WIDGET (f->window), &row_point,
                                           &row_point));
  g_assert_true (gtk_widget_compute_point (label, GTK_WIDGET (f->window), &label_point,
                                           &label_point));
  g_assert_cmpfloat (label_point.y, >, row_point.y);
  g_assert_cmpfloat (label_point.y - row_point.y, <, gtk_widget_get_height (row) + 40);
}

static void
wait_until_idle (Fixture *f)
{
  /* The connection is made in a thread; the window answers meanwhile. */
  while (gtk_widget_get_visible (child (f, "spinner")))
    g_main_context_iteration (NULL, TRUE);
  settle (GTK_WIDGET (f->window));
}

static void
shoot (Fixture    *f,
       const char *name)
{
  const char *dir = g_getenv ("SILA_SHOTS_DIR");

  if (dir != NULL)
    sila_test_shoot (GTK_WIDGET (f->window), dir, name, arabic ? "ar" : "en");
}

static void
test_every_field_refused (Fixture       *f,
                          gconstpointer  data)
{
  type (f, "host_row", "");
  type (f, "port_row", "x9");
  type (f, "database_row", " ");
  type (f, "user_row", "");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "server.connect", NULL);
  settle (GTK_WIDGET (f->window));

  assert_beside (f, "host_row", "host_error", NULL);
  assert_beside (f, "port_row", "port_error", arabic ? "٦٥٥٣٥" : "65535");
  assert_beside (f, "database_row", "database_error", NULL);
  assert_beside (f, "user_row", "user_error", NULL);
  /* Nothing was attempted. */
  g_assert_false (gtk_widget_get_visible (child (f, "spinner")));
  g_assert_null (f->opened);
  if (arabic)
    g_assert_true (g_utf8_get_char (gtk_label_get_text (GTK_LABEL (child (f, "host_error"))))
                   >= 0x0600);
  shoot (f, "server-refused");

  /* Fixing a field clears its message at the next try. */
  type (f, "host_row", "server.office");
  type (f, "port_row", "");
  type (f, "database_row", "office");
  type (f, "user_row", "");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "server.connect", NULL);
  settle (GTK_WIDGET (f->window));
  g_assert_false (gtk_widget_get_visible (child (f, "host_error")));
  g_assert_false (gtk_widget_get_visible (child (f, "port_error")));
  assert_beside (f, "user_row", "user_error", NULL);
}

static void
test_unreachable (Fixture       *f,
                  gconstpointer  data)
{
  /* No server listens on this port in the test server's folder: refused
   * at once, as an office's server that is switched off. */
  type (f, "host_row", f->socket_dir);
  type (f, "port_row", "1");
  type (f, "database_row", "office");
  type (f, "user_row", f->user);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "server.connect", NULL);
  wait_until_idle (f);

  assert_beside (f, "host_row", "host_error", NULL);
  g_assert_null (f->opened);
  /* Everything typed is still there. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (f, "database_row"))), ==,
                   "office");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (f, "user_row"))), ==, f->user);
  shoot (f, "server-unreachable");
}

static void
test_opens_the_office (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *location = sila_test_new_server_database ();
  const char *dbname = strstr (location, "dbname=");
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaStore) check = NULL;

  g_assert_nonnull (dbname);
  /* The office's database, made by its administrator with db init. */
  check = sila_store_open (location, SILA_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_clear_object (&check);

  type (f, "host_row", f->socket_dir);
  type (f, "port_row", "");
  type (f, "database_row", dbname + strlen ("dbname="));
  type (f, "user_row", f->user);
  shoot (f, "server-connect");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "server.connect", NULL);
  wait_until_idle (f);

  g_assert_nonnull (f->opened);
  g_assert_true (sila_store_location_is_server (sila_store_get_path (f->opened)));
  /* Remembered without a password: what the settings keep. */
  g_assert_null (strstr (f->opened_conninfo, "password"));
  g_assert_nonnull (strstr (f->opened_conninfo, dbname + strlen ("dbname=")));
}

/* A database whose table was dropped outside Sila Desk: refused with the
 * plain message, in the window's language, and the form kept. */
static void
test_altered_database (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *location = sila_test_new_server_database ();
  const char *dbname = strstr (location, "dbname=");
  const char *argv[] = { "psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", location,
                         "-c", "DROP TABLE outreach_contacts", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaStore) made = NULL;
  const char *text;
  int status = -1;

  made = sila_store_open (location, SILA_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_clear_object (&made);
  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);

  type (f, "host_row", f->socket_dir);
  type (f, "port_row", "");
  type (f, "database_row", dbname + strlen ("dbname="));
  type (f, "user_row", f->user);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "server.connect", NULL);
  wait_until_idle (f);

  g_assert_null (f->opened);
  g_assert_true (gtk_widget_get_visible (child (f, "general_error")));
  text = gtk_label_get_text (GTK_LABEL (child (f, "general_error")));
  g_assert_nonnull (strstr (text, "outreach_contacts"));
  if (arabic)
    g_assert_nonnull (strstr (text, "الجدول"));
  else
    g_assert_nonnull (strstr (text, "the table"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (f, "user_row"))), ==, f->user);
  shoot (f, "server-altered");
}

static void
changed_cb (SilaSession *session,
            const char  *what,
            guint       *count)
{
  (*count)++;
}

static void
add_file (const char *location,
          const char *nine)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaStore) desk = sila_store_open (location, SILA_STORE_OPEN_MUST_EXIST, &error);
  g_autoptr(SilaActor) owner = sila_actor_new_owner ();
  g_autoptr(SilaBeneficiary) file = sila_beneficiary_new ();

  g_assert_no_error (error);
  file->id_type = SILA_ID_TYPE_NATIONAL_ID;
  file->id_number = g_strdup_printf ("%s%c", nine, sila_national_id_check_digit (nine));
  g_free (file->name[0]);
  file->name[0] = g_strdup ("هدى");
  g_free (file->name[3]);
  file->name[3] = g_strdup ("الحربي");
  file->gender = g_strdup ("female");
  g_free (file->consent);
  file->consent = g_strdup ("given");
  g_assert_true (sila_store_create_beneficiary (desk, owner, file, NULL, &error));
  g_assert_no_error (error);
}

static void
restart_server (void)
{
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "/usr/bin/python3", g_getenv ("SILA_PGCLUSTER"), "restart",
                         g_getenv ("SILA_TEST_PG"), NULL };
  int status = 0;

  g_assert_nonnull (argv[1]);
  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL,
                               NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

/* The window on a server: another desk's save shows up without a restart
 * (the news arrives on the connection's socket, LISTEN/NOTIFY, not by the
 * timer), and the window keeps working after the server restarts. */
static void
test_another_desks_change (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *location = sila_test_new_server_database ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaStore) store = sila_store_open (location, SILA_STORE_OPEN_DEFAULT, &error);
  g_autoptr(SilaSession) session = NULL;
  SilaWindow *window;
  guint changes = 0;
  gint64 count = 0;

  g_assert_no_error (error);
  session = sila_session_new (store, sila_actor_new_owner ());
  g_signal_connect (session, "changed", G_CALLBACK (changed_cb), &changes);
  /* A timer that never fires during the test: only the socket can tell. */
  sila_session_watch (session, 600 * 1000);
  g_assert_cmpint (sila_store_get_change_fd (store), >=, 0);
  window = sila_window_new (NULL, session);
  gtk_window_present (GTK_WINDOW (window));
  settle (GTK_WIDGET (window));

  add_file (location, "104857362");
  while (changes == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (sila_store_count_beneficiaries (store, sila_session_get_actor (session),
                                                 &count, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count, ==, 1);

  /* The server restarts: the window's connection is made again (the timer
   * notices), and the next desk's save shows up as before. */
  sila_session_watch (session, 200);
  restart_server ();
  changes = 0;
  add_file (location, "104857363");
  while (changes == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (sila_store_count_beneficiaries (store, sila_session_get_actor (session),
                                                 &count, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count, ==, 2);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char **argv)
{
  const char *lang = g_getenv ("SILA_TEST_LANG");

  g_setenv ("TZ", "UTC", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  arabic = g_strcmp0 (lang, "en") != 0;
  sila_i18n_init (arabic ? SILA_LANGUAGE_ARABIC : SILA_LANGUAGE_ENGLISH);
  gtk_widget_set_default_direction (arabic ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);

  g_test_add ("/sila/ui/server/every-field-refused", Fixture, NULL, fixture_setup,
              test_every_field_refused, fixture_teardown);
  g_test_add ("/sila/ui/server/unreachable", Fixture, NULL, fixture_setup,
              test_unreachable, fixture_teardown);
  g_test_add ("/sila/ui/server/opens-the-office", Fixture, NULL, fixture_setup,
              test_opens_the_office, fixture_teardown);
  g_test_add ("/sila/ui/server/altered-database", Fixture, NULL, fixture_setup,
              test_altered_database, fixture_teardown);
  g_test_add ("/sila/ui/server/another-desks-change", Fixture, NULL, fixture_setup,
              test_another_desks_change, fixture_teardown);
  return g_test_run ();
}
