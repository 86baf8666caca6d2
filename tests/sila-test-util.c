/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "sila-pg.h"
#include "sila-test-util.h"

gboolean
sila_test_on_server (void)
{
  return g_strcmp0 (g_getenv ("SILA_TEST_ENGINE"), "postgres") == 0;
}

char *
sila_test_new_server_database (void)
{
  static guint count;
  const char *server = g_getenv ("SILA_TEST_PG");
  g_autofree char *admin_info = NULL;
  g_autofree char *name = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *detail = NULL;
  SilaPgConnectFailure failure;
  SilaDb *admin;

  if (server == NULL)
    g_error ("SILA_TEST_ENGINE=postgres needs SILA_TEST_PG (run under tests/pgcluster.py run)");
  admin_info = g_strdup_printf ("%s dbname=postgres", server);
  admin = sila_pg_connect (admin_info, FALSE, &failure, &detail);
  if (admin == NULL)
    g_error ("%s: %s", admin_info, detail);
  name = g_strdup_printf ("sila_test_%d_%u", (int)getpid (), ++count);
  sql = g_strdup_printf ("CREATE DATABASE %s", name);
  if (!admin->driver->exec (admin, sql))
    g_error ("%s: %s", sql, admin->driver->message (admin));
  admin->driver->close (admin);
  return g_strdup_printf ("%s dbname=%s", server, name);
}

void
sila_test_rm_rf (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR) || g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_unlink (path);
      return;
    }

  g_chmod (path, 0700);
  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      sila_test_rm_rf (child);
    }
  g_rmdir (path);
}

void
sila_test_dir_setup (SilaTestDir   *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("sila-test-XXXXXX", &error);
  g_assert_no_error (error);
  /* On the server each test has an empty database of its own, as it has a
   * new file otherwise. */
  fixture->db_path = sila_test_on_server () ? sila_test_new_server_database ()
                                            : g_build_filename (fixture->dir, "test.db", NULL);
}

void
sila_test_dir_teardown (SilaTestDir   *fixture,
                        gconstpointer  user_data)
{
  sila_test_rm_rf (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db_path);
}

char *
sila_test_dir_file (SilaTestDir *fixture,
                    const char  *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}
