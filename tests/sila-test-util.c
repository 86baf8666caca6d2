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

/* On SQLite the tests' own queries go to SQLite itself, not through the
 * driver, so that they are not taken for statements of the store (the
 * driver can log those, for the PostgreSQL schema's test). */
typedef struct {
  SilaDb        *db;
  SilaStatement *stmt;     /* on a server */
  sqlite3_stmt  *raw;      /* on a file */
} Query;

static void
query_start (Query      *q,
             SilaDb     *db,
             const char *sql)
{
  q->db = db;
  q->stmt = NULL;
  q->raw = NULL;
  if (sila_pg_is_connection (db))
    {
      q->stmt = db->driver->prepare (db, sql);
      if (q->stmt == NULL)
        g_error ("%s: %s", sql, db->driver->message (db));
      return;
    }
  if (sqlite3_prepare_v2 (sila_sqlite_handle (db), sql, -1, &q->raw, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (sila_sqlite_handle (db)));
}

static gboolean
query_next (Query *q)
{
  if (q->stmt != NULL)
    return q->stmt->driver->step (q->stmt) == SILA_STEP_ROW;
  return sqlite3_step (q->raw) == SQLITE_ROW;
}

static int
query_columns (Query *q)
{
  return q->stmt != NULL ? sila_column_count (q->stmt) : sqlite3_column_count (q->raw);
}

static const char *
query_text (Query *q,
            int    column)
{
  return q->stmt != NULL ? sila_column_text (q->stmt, column)
                         : (const char *)sqlite3_column_text (q->raw, column);
}

static gint64
query_int (Query *q,
           int    column)
{
  return q->stmt != NULL ? sila_column_int64 (q->stmt, column)
                         : sqlite3_column_int64 (q->raw, column);
}

static void
query_end (Query *q)
{
  if (q->stmt != NULL)
    q->stmt->driver->finalize (q->stmt);
  sqlite3_finalize (q->raw);
}

gint64
sila_test_db_int (SilaDb     *db,
                  const char *sql)
{
  Query q;
  gint64 value;

  query_start (&q, db, sql);
  g_assert_true (query_next (&q));
  value = query_int (&q, 0);
  query_end (&q);
  return value;
}

char *
sila_test_db_text (SilaDb     *db,
                   const char *sql)
{
  Query q;
  char *value = NULL;

  query_start (&q, db, sql);
  if (query_next (&q))
    value = g_strdup (query_text (&q, 0));
  query_end (&q);
  return value;
}

void
sila_test_db_dump (SilaDb     *db,
                   const char *sql,
                   GString    *out)
{
  Query q;

  query_start (&q, db, sql);
  while (query_next (&q))
    {
      for (int col = 0; col < query_columns (&q); col++)
        {
          const char *text = query_text (&q, col);

          g_string_append_printf (out, "%s|", text != NULL ? text : "(null)");
        }
      g_string_append_c (out, '\n');
    }
  query_end (&q);
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
  GPtrArray *names = g_ptr_array_new ();
  Query q;

  query_start (&q, db,
               sila_pg_is_connection (db)
               ? "SELECT tablename FROM pg_tables WHERE schemaname = current_schema () "
                 "ORDER BY 1"
               : "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY 1");
  while (query_next (&q))
    g_ptr_array_add (names, g_strdup (query_text (&q, 0)));
  query_end (&q);
  g_ptr_array_add (names, NULL);
  return (char **)g_ptr_array_free (names, FALSE);
}
