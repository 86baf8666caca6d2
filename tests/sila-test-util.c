/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "sila-pg.h"
#include "sila-sqlite.h"
#include "sila-store-private.h"
#include "sila-test-util.h"

gboolean
sila_test_on_server (void)
{
  return g_strcmp0 (g_getenv ("SILA_TEST_ENGINE"), "postgres") == 0;
}

char *
sila_test_new_server_database (void)
{
  return sila_test_copy_server_database (NULL);
}

char *
sila_test_copy_server_database (const char *template)
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
  if (template != NULL)
    {
      /* Ours all end in "dbname=NAME"; the copy is the server's own. */
      const char *template_name = strstr (template, "dbname=");

      g_assert_nonnull (template_name);
      sql = g_strdup_printf ("CREATE DATABASE %s TEMPLATE %s", name,
                             template_name + strlen ("dbname="));
    }
  else
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

/* Below the store, on either engine: a connection of the driver's own. */
SilaDb *
sila_test_raw_connect (const char *location)
{
  if (sila_store_location_is_server (location))
    {
      g_autofree char *detail = NULL;
      SilaPgConnectFailure failure;
      SilaDb *db = sila_pg_connect (location, FALSE, &failure, &detail);

      if (db == NULL)
        g_error ("%s: %s", location, detail);
      return db;
    }
  else
    {
      sqlite3 *handle = NULL;

      g_assert_cmpint (sqlite3_open_v2 (location, &handle, SQLITE_OPEN_READWRITE, NULL), ==,
                       SQLITE_OK);
      sqlite3_busy_timeout (handle, 5000);
      return sila_sqlite_wrap (handle);
    }
}

void
sila_test_raw_close (SilaDb *db)
{
  db->driver->close (db);
}

static SilaStatement *
prepare_or_die (SilaDb     *db,
                const char *sql)
{
  SilaStatement *stmt = db->driver->prepare (db, sql);

  if (stmt == NULL)
    g_error ("%s: %s", sql, db->driver->message (db));
  return stmt;
}

gint64
sila_test_db_int (SilaDb     *db,
                  const char *sql)
{
  SilaStatement *stmt = prepare_or_die (db, sql);
  gint64 value;

  g_assert_cmpint (stmt->driver->step (stmt), ==, SILA_STEP_ROW);
  value = sila_column_int64 (stmt, 0);
  stmt->driver->finalize (stmt);
  return value;
}

char *
sila_test_db_text (SilaDb     *db,
                   const char *sql)
{
  SilaStatement *stmt = prepare_or_die (db, sql);
  char *value = NULL;

  if (stmt->driver->step (stmt) == SILA_STEP_ROW)
    value = sila_column_dup (stmt, 0);
  stmt->driver->finalize (stmt);
  return value;
}

void
sila_test_db_dump (SilaDb     *db,
                   const char *sql,
                   GString    *out)
{
  SilaStatement *stmt = prepare_or_die (db, sql);

  while (stmt->driver->step (stmt) == SILA_STEP_ROW)
    {
      for (int col = 0; col < sila_column_count (stmt); col++)
        {
          const char *text = sila_column_text (stmt, col);

          g_string_append_printf (out, "%s|", text != NULL ? text : "(null)");
        }
      g_string_append_c (out, '\n');
    }
  stmt->driver->finalize (stmt);
}

gint64
sila_test_location_int (const char *location,
                        const char *sql)
{
  SilaDb *db = sila_test_raw_connect (location);
  gint64 value = sila_test_db_int (db, sql);

  sila_test_raw_close (db);
  return value;
}

SilaDb *
sila_test_store_db (SilaStore *store)
{
  return store->db;
}

char **
sila_test_table_names (SilaDb *db)
{
  const char *sql = sila_pg_is_connection (db)
                    ? "SELECT tablename FROM pg_tables WHERE schemaname = current_schema () "
                      "ORDER BY 1"
                    : "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY 1";
  SilaStatement *stmt = prepare_or_die (db, sql);
  GPtrArray *names = g_ptr_array_new ();

  while (stmt->driver->step (stmt) == SILA_STEP_ROW)
    g_ptr_array_add (names, sila_column_dup (stmt, 0));
  stmt->driver->finalize (stmt);
  g_ptr_array_add (names, NULL);
  return (char **)g_ptr_array_free (names, FALSE);
}
