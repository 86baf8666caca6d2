/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Server backups, restores and checks (src/store/postgres/sila-pg-backup.c)
 * on a real PostgreSQL server: run under tests/pgcluster.py, which names
 * it in SILA_TEST_PG. A database shaped like Sila Desk's (sila_meta, the
 * office settings, a table of rows with an index) is dumped with pg_dump,
 * read back, restored into an empty database and refused everywhere else:
 * a database that is not empty, a dump cut short or damaged, another
 * program's dump, one of a newer data format, a file that is no dump. */
#define G_LOG_DOMAIN "test-pg-backup"

#include "sila-config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <libpq-fe.h>
#include <sys/stat.h>

#include "sila-store-backup.h"
#include "sila-test-util.h"

static int counter;

static char *
server_info (const char *dbname)
{
  const char *server = g_getenv ("SILA_TEST_PG");

  g_assert_nonnull (server);
  return g_strdup_printf ("%s dbname=%s", server, dbname);
}

static void
sql (const char *dbname,
     const char *text)
{
  g_autofree char *info = server_info (dbname);
  PGconn *conn = PQconnectdb (info);
  PGresult *result;

  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  result = PQexec (conn, text);
  if (PQresultStatus (result) != PGRES_COMMAND_OK && PQresultStatus (result) != PGRES_TUPLES_OK)
    g_error ("%s: %s", text, PQresultErrorMessage (result));
  PQclear (result);
  PQfinish (conn);
}

static gint64
count (const char *dbname,
       const char *text)
{
  g_autofree char *info = server_info (dbname);
  PGconn *conn = PQconnectdb (info);
  PGresult *result;
  gint64 n;

  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  result = PQexec (conn, text);
  g_assert_cmpint (PQresultStatus (result), ==, PGRES_TUPLES_OK);
  n = g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
  PQclear (result);
  PQfinish (conn);
  return n;
}

/* A new empty database; its name. */
static char *
new_database (void)
{
  char *name = g_strdup_printf ("pgbackup_%d_%d", getpid (), ++counter);
  g_autofree char *create = g_strdup_printf ("CREATE DATABASE %s", name);

  sql ("postgres", create);
  return name;
}

/* A database as Sila Desk's looks to the tools, at data format @version. */
static char *
new_office (int         version,
            const char *application)
{
  char *name = new_database ();
  g_autofree char *fill = g_strdup_printf (
    "CREATE TABLE sila_meta (key text PRIMARY KEY, value text NOT NULL);"
    "INSERT INTO sila_meta VALUES ('application', '%s'), ('schema_version', '%d');"
    "CREATE TABLE office_settings (key text PRIMARY KEY, value text NOT NULL);"
    "INSERT INTO office_settings VALUES ('association_name', 'جمعية البر الخيرية');"
    "CREATE TABLE requests (id integer PRIMARY KEY, number text NOT NULL UNIQUE, note text);"
    "INSERT INTO requests SELECT g, '1447-' || lpad (g::text, 5, '0'), repeat ('ملاحظة ', g %% 50) "
    "  FROM generate_series (1, 3000) g;",
    application, version);

  sql (name, fill);
  return name;
}

static char *
dump_of (SilaTestDir *dir,
         const char  *dbname,
         const char  *file)
{
  g_autofree char *info = server_info (dbname);
  g_autofree char *dbarg = g_strconcat ("--dbname=", info, NULL);
  char *path = sila_test_dir_file (dir, file);
  const char *argv[] = { "pg_dump", "-Fc", "-f", path, dbarg, NULL };
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL,
                               NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return path;
}

static void
test_backup_and_restore (SilaTestDir   *dir,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaStore) store = NULL;
  g_autoptr(SilaActor) owner = sila_actor_new_owner ();
  g_autoptr(SilaBackupInfo) info = NULL;
  g_autofree char *office = new_office (sila_store_get_latest_version (), "sila-desk");
  g_autofree char *empty = new_database ();
  g_autofree char *info_office = server_info (office);
  g_autofree char *info_empty = server_info (empty);
  g_autofree char *folder = sila_test_dir_file (dir, "backups");
  g_autofree char *written = NULL;
  g_autofree char *name = NULL;
  GStatBuf st;

  /* The store that records the backup; the server's own store comes with
   * the PostgreSQL driver. */
  store = sila_store_open (dir->db_path, SILA_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);

  written = sila_store_server_backup (store, info_office, owner, SILA_BACKUP_MANUAL, folder,
                                      &error);
  g_assert_no_error (error);
  name = g_path_get_basename (written);
  g_assert_true (g_str_has_prefix (name, "sila-"));
  g_assert_true (g_str_has_suffix (name, ".dump"));
  g_assert_cmpint (g_stat (written, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  {
    g_autoptr(GDir) d = g_dir_open (folder, 0, NULL);
    guint n = 0;

    while (g_dir_read_name (d) != NULL)
      n++;
    g_assert_cmpuint (n, ==, 1); /* no partial file left */
  }

  info = sila_server_backup_inspect (written, &error);
  g_assert_no_error (error);
  g_assert_cmpint (info->version, ==, sila_store_get_latest_version ());
  g_assert_cmpstr (info->association_name, ==, "جمعية البر الخيرية");
  g_assert_nonnull (info->made_at);
  g_clear_pointer (&info, sila_backup_info_free);

  info = sila_server_restore_dump (info_empty, written, &error);
  g_assert_no_error (error);
  g_assert_nonnull (info);
  g_assert_cmpint (count (empty, "SELECT count (*) FROM requests"), ==, 3000);
  g_assert_cmpint (count (empty, "SELECT sum (length (note)) FROM requests"), ==,
                   count (office, "SELECT sum (length (note)) FROM requests"));
  g_clear_pointer (&info, sila_backup_info_free);

  /* Now it is not empty: a second restore is refused and changes nothing. */
  sql (empty, "INSERT INTO requests VALUES (5000, 'x', NULL)");
  info = sila_server_restore_dump (info_empty, written, &error);
  g_assert_null (info);
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "not empty"));
  g_assert_null (strstr (error->message, "password"));
  g_assert_cmpint (count (empty, "SELECT count (*) FROM requests"), ==, 3001);
  g_clear_error (&error);

  /* A file that is there and is not a backup is not overwritten. */
  {
    g_autofree char *other = sila_test_dir_file (dir, "notes.txt");

    g_assert_true (g_file_set_contents (other, "not a backup", -1, NULL));
    g_assert_null (sila_store_server_backup (store, info_office, owner, SILA_BACKUP_MANUAL,
                                             other, &error));
    g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }
}

static void
assert_refused (const char *dump,
                int         code,
                const char *words)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaBackupInfo) info = NULL;
  g_autofree char *empty = new_database ();
  g_autofree char *info_empty = server_info (empty);

  info = sila_server_backup_inspect (dump, &error);
  g_assert_null (info);
  g_assert_error (error, SILA_STORE_ERROR, code);
  if (strstr (error->message, words) == NULL)
    g_error ("“%s” does not say “%s”", error->message, words);
  g_clear_error (&error);

  /* And nothing reaches the server. */
  info = sila_server_restore_dump (info_empty, dump, &error);
  g_assert_null (info);
  g_assert_error (error, SILA_STORE_ERROR, code);
  g_assert_cmpint (count (empty, "SELECT count (*) FROM pg_catalog.pg_tables "
                                 "WHERE schemaname = 'public'"), ==, 0);
}

static void
test_bad_backups_are_refused (SilaTestDir   *dir,
                              gconstpointer  data)
{
  g_autofree char *office = new_office (sila_store_get_latest_version (), "sila-desk");
  g_autofree char *newer = new_office (sila_store_get_latest_version () + 1, "sila-desk");
  g_autofree char *foreign = new_office (3, "another-program");
  g_autofree char *good = dump_of (dir, office, "good.dump");
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (good, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 4096);

  {
    g_autofree char *cut = sila_test_dir_file (dir, "cut.dump");

    g_assert_true (g_file_set_contents (cut, contents, length * 2 / 3, NULL));
    assert_refused (cut, SILA_STORE_ERROR_NOT_DATABASE, "damaged or incomplete");
  }
  {
    g_autofree char *damaged = sila_test_dir_file (dir, "damaged.dump");
    g_autofree char *copy = g_memdup2 (contents, length);

    for (gsize i = length / 2; i < length / 2 + 64; i++)
      copy[i] ^= 0x5a;
    g_assert_true (g_file_set_contents (damaged, copy, length, NULL));
    assert_refused (damaged, SILA_STORE_ERROR_NOT_DATABASE, "damaged or incomplete");
  }
  {
    g_autofree char *empty = sila_test_dir_file (dir, "empty.dump");

    g_assert_true (g_file_set_contents (empty, "", 0, NULL));
    assert_refused (empty, SILA_STORE_ERROR_NOT_DATABASE, "the file is empty");
  }
  {
    g_autofree char *text = sila_test_dir_file (dir, "sqlite.db");

    g_assert_true (g_file_set_contents (text, "SQLite format 3\0 and more", 25, NULL));
    assert_refused (text, SILA_STORE_ERROR_NOT_DATABASE, "not a Sila Desk backup");
  }
  {
    g_autofree char *other = dump_of (dir, foreign, "foreign.dump");

    assert_refused (other, SILA_STORE_ERROR_NOT_DATABASE, "not a Sila Desk backup");
  }
  {
    g_autofree char *later = dump_of (dir, newer, "newer.dump");

    assert_refused (later, SILA_STORE_ERROR_TOO_NEW, "newer version of Sila Desk");
  }
}

static void
test_check (SilaTestDir   *dir,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *office = new_office (sila_store_get_latest_version (), "sila-desk");
  g_autofree char *info = server_info (office);
  g_autofree char *as_clerk = NULL;
  g_autofree char *role = g_strdup_printf ("clerk_%d", getpid ());
  g_autofree char *create = g_strdup_printf ("CREATE ROLE %s LOGIN", role);
  g_autofree char *other = new_office (sila_store_get_latest_version (), "sila-desk");

  g_assert_true (sila_server_check (info, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (office, "SELECT count (*) FROM pg_extension "
                                  "WHERE extname = 'amcheck'"), ==, 1);

  /* A role that may not enable the checker is told so, plainly. */
  sql ("postgres", create);
  {
    g_autofree char *other_info = server_info (other);

    as_clerk = g_strdup_printf ("%s user=%s", other_info, role);
  }
  g_assert_false (sila_server_check (as_clerk, &error));
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DENIED);
  g_assert_nonnull (strstr (error->message, "CREATE EXTENSION amcheck"));
  g_clear_error (&error);

  /* Enabled by the administrator, but not granted: said as plainly. */
  sql (other, "CREATE EXTENSION amcheck");
  g_assert_false (sila_server_check (as_clerk, &error));
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DENIED);
  g_assert_nonnull (strstr (error->message, "may not run"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("SILA_TEST_PG") == NULL)
    {
      g_printerr ("Run under tests/pgcluster.py run --, which starts a server.\n");
      return 1;
    }

  g_test_add ("/pg-backup/backup-and-restore", SilaTestDir, NULL, sila_test_dir_setup,
              test_backup_and_restore, sila_test_dir_teardown);
  g_test_add ("/pg-backup/bad-backups", SilaTestDir, NULL, sila_test_dir_setup,
              test_bad_backups_are_refused, sila_test_dir_teardown);
  g_test_add ("/pg-backup/check", SilaTestDir, NULL, sila_test_dir_setup, test_check,
              sila_test_dir_teardown);

  return g_test_run ();
}
