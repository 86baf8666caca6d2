/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The PostgreSQL driver of the store's seam, on a real server (run under
 * tests/pgcluster.py, which gives SILA_TEST_PG): every type bound and read
 * back, NULLs, "?N" used twice and "?" inside literals, failures told apart
 * by kind, savepoints, a deadlock reported as RETRY, another desk's commit
 * seen through LISTEN/NOTIFY, and a server restart in the middle of a
 * session. */
#include "sila-config.h"

#include <string.h>
#include <unistd.h>

#include "sila-pg.h"

typedef struct {
  char   *conninfo;   /* of this test's own database */
  SilaDb *db;
} Fixture;

static SilaDb *
connect_to (const char *conninfo)
{
  g_autofree char *detail = NULL;
  SilaPgConnectFailure failure;
  SilaDb *db = sila_pg_connect (conninfo, FALSE, &failure, &detail);

  if (db == NULL)
    g_error ("cannot connect to %s: %s", conninfo, detail);
  return db;
}

static void
exec_ok (SilaDb     *db,
         const char *sql)
{
  if (!db->driver->exec (db, sql))
    g_error ("%s: %s", sql, db->driver->message (db));
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  static guint count;
  const char *server = g_getenv ("SILA_TEST_PG");
  g_autofree char *admin_info = NULL;
  g_autofree char *name = NULL;
  g_autofree char *sql = NULL;
  SilaDb *admin;

  g_assert_nonnull (server);
  admin_info = g_strdup_printf ("%s dbname=postgres", server);
  name = g_strdup_printf ("pg_driver_%d_%u", (int)getpid (), ++count);
  admin = connect_to (admin_info);
  sql = g_strdup_printf ("CREATE DATABASE %s", name);
  exec_ok (admin, sql);
  /* The test cluster commits without waiting for its log; a restart would
   * lose the last commits, which the restart test counts. */
  g_free (sql);
  sql = g_strdup_printf ("ALTER DATABASE %s SET synchronous_commit = on", name);
  exec_ok (admin, sql);
  admin->driver->close (admin);

  f->conninfo = g_strdup_printf ("%s dbname=%s", server, name);
  f->db = connect_to (f->conninfo);
  exec_ok (f->db, "CREATE TABLE t (id bigint PRIMARY KEY, i bigint, d double precision, "
                  "s text, b bytea, f boolean, n numeric, must text NOT NULL DEFAULT '')");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  if (f->db != NULL)
    f->db->driver->close (f->db);
  g_free (f->conninfo);
}

static SilaStatement *
prepare_ok (SilaDb     *db,
            const char *sql)
{
  SilaStatement *stmt = db->driver->prepare (db, sql);

  if (stmt == NULL)
    g_error ("%s: %s", sql, db->driver->message (db));
  return stmt;
}

static gint64
count_rows (SilaDb     *db,
            const char *sql)
{
  SilaStatement *stmt = prepare_ok (db, sql);
  gint64 n;

  /* Its columns are named before it runs, as SQLite names them once a
   * statement is prepared. */
  g_assert_cmpint (sila_column_count (stmt), ==, 1);
  g_assert_cmpint (stmt->driver->step (stmt), ==, SILA_STEP_ROW);
  n = sila_column_int64 (stmt, 0);
  g_assert_cmpint (stmt->driver->step (stmt), ==, SILA_STEP_DONE);
  stmt->driver->finalize (stmt);
  return n;
}

static void
test_types (Fixture       *f,
            gconstpointer  data)
{
  static const guchar bytes[] = { 0x00, 0x01, 0x5c, 0x27, 0xff, 'x' };
  SilaStatement *insert;
  SilaStatement *select;
  gconstpointer blob;
  gsize size = 0;

  insert = prepare_ok (f->db, "INSERT INTO t (id, i, d, s, b, f, n) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  sila_bind_int64 (insert, 1, 1);
  sila_bind_int64 (insert, 2, G_MININT64);
  sila_bind_double (insert, 3, 2.5e-3);
  sila_bind_text (insert, 4, "سلام 'quoted' \"and\" ?1");
  sila_bind_blob (insert, 5, bytes, sizeof bytes);
  sila_bind_int (insert, 6, 1);
  sila_bind_double (insert, 7, 1234.5);
  g_assert_cmpint (insert->driver->step (insert), ==, SILA_STEP_DONE);
  g_assert_cmpint (f->db->driver->changes (f->db), ==, 1);

  /* Every one NULL: unbound parameters are NULL too, as in SQLite. */
  insert->driver->reset (insert);
  sila_bind_int64 (insert, 1, 2);
  sila_bind_null (insert, 2);
  sila_bind_text (insert, 4, NULL);
  g_assert_cmpint (insert->driver->step (insert), ==, SILA_STEP_DONE);
  insert->driver->finalize (insert);

  select = prepare_ok (f->db, "SELECT i, d, s, b, f, n, id FROM t ORDER BY id");
  g_assert_cmpint (select->driver->step (select), ==, SILA_STEP_ROW);
  g_assert_cmpint (sila_column_count (select), ==, 7);
  g_assert_cmpstr (sila_column_name (select, 1), ==, "d");
  g_assert_cmpint (sila_column_type (select, 0), ==, SILA_DB_TYPE_INTEGER);
  g_assert_cmpint (sila_column_int64 (select, 0), ==, G_MININT64);
  g_assert_cmpint (sila_column_type (select, 1), ==, SILA_DB_TYPE_FLOAT);
  g_assert_cmpfloat (sila_column_double (select, 1), ==, 2.5e-3);
  g_assert_cmpint (sila_column_type (select, 2), ==, SILA_DB_TYPE_TEXT);
  g_assert_cmpstr (sila_column_text (select, 2), ==, "سلام 'quoted' \"and\" ?1");
  g_assert_cmpint (sila_column_type (select, 3), ==, SILA_DB_TYPE_BLOB);
  blob = sila_column_blob (select, 3, &size);
  g_assert_cmpmem (blob, size, bytes, sizeof bytes);
  g_assert_cmpint (sila_column_type (select, 4), ==, SILA_DB_TYPE_INTEGER);
  g_assert_cmpint (sila_column_int64 (select, 4), ==, 1);
  g_assert_cmpstr (sila_column_text (select, 4), ==, "1");
  g_assert_cmpint (sila_column_type (select, 5), ==, SILA_DB_TYPE_FLOAT);
  g_assert_cmpfloat (sila_column_double (select, 5), ==, 1234.5);
  g_assert_cmpint (sila_column_int64 (select, 5), ==, 1234);

  g_assert_cmpint (select->driver->step (select), ==, SILA_STEP_ROW);
  for (int column = 0; column < 6; column++)
    {
      g_assert_cmpint (sila_column_type (select, column), ==, SILA_DB_TYPE_NULL);
      g_assert_true (sila_column_is_null (select, column));
      g_assert_null (sila_column_text (select, column));
      g_assert_cmpint (sila_column_int64 (select, column), ==, 0);
    }
  g_assert_cmpint (sila_column_int64 (select, 6), ==, 2);
  g_assert_cmpint (select->driver->step (select), ==, SILA_STEP_DONE);

  /* Again, after a reset: the same statement runs again. */
  select->driver->reset (select);
  g_assert_cmpint (select->driver->step (select), ==, SILA_STEP_ROW);
  select->driver->finalize (select);
}

static void
test_parameters (Fixture       *f,
                 gconstpointer  data)
{
  SilaStatement *stmt;

  /* ?1 twice; "?2" and '?3' are an identifier and a literal, and stay. */
  stmt = prepare_ok (f->db, "SELECT CAST (?1 AS text) || ?1 AS \"a?2\", '?3''?1' AS b, "
                            "E'\\'?1' AS c, CAST (?2 AS text) IS NULL AS d -- ?4 in a comment\n");
  sila_bind_text (stmt, 1, "ab");
  sila_bind_text (stmt, 2, NULL);
  g_assert_cmpint (stmt->driver->step (stmt), ==, SILA_STEP_ROW);
  g_assert_cmpstr (sila_column_text (stmt, 0), ==, "abab");
  g_assert_cmpstr (sila_column_name (stmt, 0), ==, "a?2");
  g_assert_cmpstr (sila_column_text (stmt, 1), ==, "?3'?1");
  g_assert_cmpstr (sila_column_text (stmt, 2), ==, "'?1");
  /* Parameters have no declared type: a bare "?N IS NULL" would leave the
   * server nothing to infer it from, so portable SQL casts it. */
  g_assert_cmpint (sila_column_int64 (stmt, 3), ==, 1);
  stmt->driver->finalize (stmt);

  /* A number the text skips is declared text: binding it is harmless. */
  stmt = prepare_ok (f->db, "SELECT CAST (?1 AS text) || CAST (?3 AS text)");
  sila_bind_text (stmt, 1, "a");
  sila_bind_int64 (stmt, 2, 2);
  sila_bind_text (stmt, 3, "c");
  g_assert_cmpint (stmt->driver->step (stmt), ==, SILA_STEP_ROW);
  g_assert_cmpstr (sila_column_text (stmt, 0), ==, "ac");
  stmt->driver->finalize (stmt);

  /* A number bound for a text column, and text for a number. */
  stmt = prepare_ok (f->db, "INSERT INTO t (id, s) VALUES (?1, ?2) RETURNING id, s");
  sila_bind_text (stmt, 1, "7");
  sila_bind_int64 (stmt, 2, 42);
  g_assert_cmpint (stmt->driver->step (stmt), ==, SILA_STEP_ROW);
  g_assert_cmpint (sila_column_int64 (stmt, 0), ==, 7);
  g_assert_cmpstr (sila_column_text (stmt, 1), ==, "42");
  g_assert_cmpint (stmt->driver->step (stmt), ==, SILA_STEP_DONE);
  stmt->driver->finalize (stmt);
}

static void
test_failures (Fixture       *f,
               gconstpointer  data)
{
  SilaStatement *stmt;

  exec_ok (f->db, "INSERT INTO t (id) VALUES (1)");

  stmt = prepare_ok (f->db, "INSERT INTO t (id, must) VALUES (?1, ?2)");
  sila_bind_int64 (stmt, 1, 1);
  sila_bind_text (stmt, 2, "x");
  g_assert_cmpint (stmt->driver->step (stmt), ==, SILA_STEP_ERROR);
  g_assert_cmpint (f->db->driver->failure (f->db), ==, SILA_DB_UNIQUE);
  g_assert_nonnull (strstr (f->db->driver->message (f->db), "t_pkey"));

  stmt->driver->reset (stmt);
  sila_bind_int64 (stmt, 1, 2);
  sila_bind_null (stmt, 2);
  g_assert_cmpint (stmt->driver->step (stmt), ==, SILA_STEP_ERROR);
  g_assert_cmpint (f->db->driver->failure (f->db), ==, SILA_DB_CONSTRAINT);

  /* The statement works again once the values are right. */
  stmt->driver->reset (stmt);
  sila_bind_int64 (stmt, 1, 2);
  sila_bind_text (stmt, 2, "x");
  g_assert_cmpint (stmt->driver->step (stmt), ==, SILA_STEP_DONE);
  stmt->driver->finalize (stmt);

  g_assert_null (f->db->driver->prepare (f->db, "SELEC nothing"));
  g_assert_cmpint (f->db->driver->failure (f->db), ==, SILA_DB_FAILED);
  g_assert_false (f->db->driver->exec (f->db, "SELECT * FROM no_such_table"));
  g_assert_cmpint (f->db->driver->failure (f->db), ==, SILA_DB_FAILED);
}

static void
test_savepoints (Fixture       *f,
                 gconstpointer  data)
{
  SilaDb *db = f->db;
  gint64 version = 0;

  g_assert_true (db->driver->begin (db, 0));
  exec_ok (db, "INSERT INTO t (id) VALUES (1)");
  g_assert_true (db->driver->begin (db, 1));
  exec_ok (db, "INSERT INTO t (id) VALUES (2)");
  db->driver->rollback (db, 1);
  g_assert_true (db->driver->begin (db, 1));
  exec_ok (db, "INSERT INTO t (id) VALUES (3)");
  /* A failure inside a savepoint leaves the outer transaction usable once
   * it is rolled back to. */
  g_assert_true (db->driver->begin (db, 2));
  g_assert_false (db->driver->exec (db, "INSERT INTO t (id) VALUES (1)"));
  g_assert_cmpint (db->driver->failure (db), ==, SILA_DB_UNIQUE);
  db->driver->rollback (db, 2);
  g_assert_true (db->driver->commit (db, 1));
  g_assert_true (db->driver->commit (db, 0));
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM t"), ==, 2);
  g_assert_cmpint (count_rows (db, "SELECT sum(id) FROM t"), ==, 4);

  /* A transaction rolled back leaves nothing. */
  g_assert_true (db->driver->begin (db, 0));
  exec_ok (db, "DELETE FROM t");
  db->driver->rollback (db, 0);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM t"), ==, 2);

  /* A write that fails inside a transaction leaves it going, as on SQLite:
   * the store reads on after a duplicate. */
  g_assert_true (db->driver->begin (db, 0));
  {
    SilaStatement *insert = prepare_ok (db, "INSERT INTO t (id) VALUES (?1)");

    sila_bind_int64 (insert, 1, 10);
    g_assert_cmpint (insert->driver->step (insert), ==, SILA_STEP_DONE);
    insert->driver->reset (insert);
    sila_bind_int64 (insert, 1, 1);
    g_assert_cmpint (insert->driver->step (insert), ==, SILA_STEP_ERROR);
    g_assert_cmpint (db->driver->failure (db), ==, SILA_DB_UNIQUE);
    insert->driver->finalize (insert);
  }
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM t WHERE id = 1"), ==, 1);
  g_assert_true (db->driver->commit (db, 0));
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM t"), ==, 3);
  exec_ok (db, "DELETE FROM t WHERE id = 10");

  /* A failed transaction cannot be committed as if it had worked. */
  g_assert_true (db->driver->begin (db, 0));
  g_assert_false (db->driver->exec (db, "INSERT INTO t (id) VALUES (1)"));
  g_assert_false (db->driver->commit (db, 0));
  db->driver->rollback (db, 0);

  /* The version lives in sila_meta, once it exists. */
  g_assert_true (db->driver->get_schema_version (db, &version));
  g_assert_cmpint (version, ==, 0);
  exec_ok (db, "CREATE TABLE sila_meta (key text PRIMARY KEY, value text NOT NULL)");
  g_assert_true (db->driver->set_schema_version (db, 12));
  g_assert_true (db->driver->set_schema_version (db, 13));
  g_assert_true (db->driver->get_schema_version (db, &version));
  g_assert_cmpint (version, ==, 13);
}

/* Deadlock: each of two connections holds a row the other wants. */
typedef struct {
  SilaDb   *db;
  gboolean  ok;
  SilaDbFailure failure;
} Side;

static gpointer
update_second_row (gpointer data)
{
  Side *side = data;

  side->ok = side->db->driver->exec (side->db, "UPDATE t SET i = 1 WHERE id = 2");
  side->failure = side->db->driver->failure (side->db);
  return NULL;
}

static void
test_deadlock_is_retry (Fixture       *f,
                        gconstpointer  data)
{
  Side a = { f->db, FALSE, SILA_DB_OK };
  SilaDb *other = connect_to (f->conninfo);
  gboolean other_ok;
  SilaDbFailure other_failure;
  GThread *thread;

  exec_ok (f->db, "INSERT INTO t (id) VALUES (1), (2)");
  /* Plain BEGIN: the store's own begin() would serialize the two. */
  exec_ok (f->db, "BEGIN; UPDATE t SET i = 0 WHERE id = 1");
  exec_ok (other, "BEGIN; UPDATE t SET i = 0 WHERE id = 2");

  thread = g_thread_new ("a", update_second_row, &a);
  /* The server sees the cycle whichever order the two waits begin in. */
  other_ok = other->driver->exec (other, "UPDATE t SET i = 1 WHERE id = 1");
  other_failure = other->driver->failure (other);
  g_thread_join (thread);

  g_assert_true (a.ok != other_ok);
  g_assert_cmpint (a.ok ? other_failure : a.failure, ==, SILA_DB_RETRY);
  exec_ok (f->db, "ROLLBACK");
  exec_ok (other, "ROLLBACK");
  other->driver->close (other);
}

/* Waits (bounded) until @db sees a change; the wait has no bearing on what
 * is asserted. */
static gint64
wait_for_change (SilaDb *db,
                 gint64  before)
{
  gint64 version = before;

  for (int i = 0; i < 1000 && version == before; i++)
    {
      g_assert_true (db->driver->data_version (db, &version));
      if (version == before)
        g_usleep (10000);
    }
  return version;
}

static void
test_notify (Fixture       *f,
             gconstpointer  data)
{
  SilaDb *other = connect_to (f->conninfo);
  gint64 mine = 0, mine_after = 0, theirs = 0, theirs_after = 0;

  g_assert_true (f->db->driver->data_version (f->db, &mine));
  g_assert_true (other->driver->data_version (other, &theirs));

  g_assert_true (f->db->driver->begin (f->db, 0));
  exec_ok (f->db, "INSERT INTO t (id) VALUES (1)");
  g_assert_true (f->db->driver->commit (f->db, 0));

  theirs_after = wait_for_change (other, theirs);
  g_assert_cmpint (theirs_after, !=, theirs);
  /* The writer's own commit is not a change made by someone else. */
  g_assert_true (f->db->driver->data_version (f->db, &mine_after));
  g_assert_cmpint (mine_after, ==, mine);

  /* A write outside a transaction is seen too. */
  theirs = theirs_after;
  exec_ok (f->db, "BEGIN; INSERT INTO t (id) VALUES (5); COMMIT");
  {
    SilaStatement *stmt = prepare_ok (f->db, "INSERT INTO t (id) VALUES (?1)");

    sila_bind_int64 (stmt, 1, 2);
    g_assert_cmpint (stmt->driver->step (stmt), ==, SILA_STEP_DONE);
    stmt->driver->finalize (stmt);
  }
  g_assert_cmpint (wait_for_change (other, theirs), !=, theirs);

  other->driver->close (other);
}

static void
restart_server (void)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "pgcluster.py", NULL);
  const char *argv[] = { "/usr/bin/python3", script, "restart", g_getenv ("SILA_TEST_PG"),
                         NULL };
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL,
                               NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

static void
test_restart (Fixture       *f,
              gconstpointer  data)
{
  SilaDb *db = f->db;
  SilaStatement *stmt = prepare_ok (db, "INSERT INTO t (id) VALUES (?1) RETURNING id");
  gint64 before = 0, after = 0;

  sila_bind_int64 (stmt, 1, 1);
  g_assert_cmpint (stmt->driver->step (stmt), ==, SILA_STEP_ROW);
  stmt->driver->reset (stmt);
  g_assert_true (db->driver->data_version (db, &before));

  /* Mid-transaction: what was done in it is lost, and nothing of it is
   * saved by the statements that follow until it is rolled back. */
  g_assert_true (db->driver->begin (db, 0));
  sila_bind_int64 (stmt, 1, 2);
  g_assert_cmpint (stmt->driver->step (stmt), ==, SILA_STEP_ROW);
  stmt->driver->reset (stmt);

  restart_server ();

  sila_bind_int64 (stmt, 1, 3);
  g_assert_cmpint (stmt->driver->step (stmt), ==, SILA_STEP_ERROR);
  g_test_message ("after the restart: %s", db->driver->message (db));
  g_assert_cmpint (db->driver->failure (db), ==, SILA_DB_CANNOT_OPEN);
  /* Plain words, not libpq's. */
  g_assert_null (strstr (db->driver->message (db), "server closed"));
  g_assert_nonnull (strstr (db->driver->message (db), "office server"));
  stmt->driver->reset (stmt);
  sila_bind_int64 (stmt, 1, 4);
  g_assert_cmpint (stmt->driver->step (stmt), ==, SILA_STEP_ERROR);
  g_assert_false (db->driver->commit (db, 0));
  db->driver->rollback (db, 0);

  /* Then the connection is made again, and the statement prepared again. */
  stmt->driver->reset (stmt);
  sila_bind_int64 (stmt, 1, 5);
  if (stmt->driver->step (stmt) != SILA_STEP_ROW)
    g_error ("after the reconnection: %s", db->driver->message (db));
  g_assert_cmpint (sila_column_int64 (stmt, 0), ==, 5);
  stmt->driver->finalize (stmt);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM t"), ==, 2);
  g_assert_cmpint (count_rows (db, "SELECT sum(id) FROM t"), ==, 6);

  /* Changes made while it was away may have been missed: views reload. */
  g_assert_true (db->driver->data_version (db, &after));
  g_assert_cmpint (after, !=, before);

  /* Between transactions the drop is met by the next call only. */
  restart_server ();
  g_assert_false (db->driver->begin (db, 0));
  g_assert_cmpint (db->driver->failure (db), ==, SILA_DB_CANNOT_OPEN);
  g_assert_true (db->driver->begin (db, 0));
  exec_ok (db, "INSERT INTO t (id) VALUES (6)");
  g_assert_true (db->driver->commit (db, 0));
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM t"), ==, 3);
}

/* A desk that connected with a password (the window's, from the keyring)
 * opens its second connection (lists, the dashboard, imports read in a
 * thread) with the same password, from another thread: the server asks
 * this role for one. */
typedef struct {
  GStrv    keywords;
  GStrv    values;
  SilaDb  *db;
  SilaPgConnectFailure failure;
} Again;

static gpointer
connect_again_thread (gpointer data)
{
  Again *again = data;
  g_autofree char *detail = NULL;

  again->db = sila_pg_connect_again ((const char * const *)again->keywords,
                                     (const char * const *)again->values, TRUE,
                                     &again->failure, &detail);
  return NULL;
}

static void
test_connect_again_with_password (Fixture       *f,
                                  gconstpointer  data)
{
  g_autofree char *role = g_strdup_printf ("desk_%d", (int)getpid ());
  g_autofree char *sql = NULL;
  g_autofree char *hba = NULL;
  g_autofree char *old_hba = NULL;
  g_autofree char *new_hba = NULL;
  g_autofree char *desk_info = NULL;
  g_autofree char *detail = NULL;
  g_autoptr(GError) error = NULL;
  SilaPgConnectFailure failure;
  SilaStatement *stmt;
  SilaDb *desk;
  Again again = { 0 };
  GThread *thread;

  sql = g_strdup_printf ("CREATE ROLE %s LOGIN PASSWORD 'kept-in-the-keyring'", role);
  exec_ok (f->db, sql);
  g_free (sql);
  sql = g_strdup_printf ("GRANT SELECT ON t TO %s", role);
  exec_ok (f->db, sql);
  stmt = prepare_ok (f->db, "SELECT current_setting ('hba_file')");
  g_assert_cmpint (stmt->driver->step (stmt), ==, SILA_STEP_ROW);
  hba = g_strdup (sila_column_text (stmt, 0));
  stmt->driver->finalize (stmt);

  /* This role, and only it, must give its password. */
  g_assert_true (g_file_get_contents (hba, &old_hba, NULL, &error));
  new_hba = g_strdup_printf ("local all %s scram-sha-256\n%s", role, old_hba);
  g_assert_true (g_file_set_contents (hba, new_hba, -1, &error));
  exec_ok (f->db, "SELECT pg_reload_conf ()");

  desk_info = g_strdup_printf ("%s user=%s", f->conninfo, role);
  g_assert_null (sila_pg_connect (desk_info, TRUE, &failure, &detail));
  g_assert_cmpint (failure, ==, SILA_PG_CONNECT_NEEDS_PASSWORD);
  g_clear_pointer (&detail, g_free);
  desk = sila_pg_connect_with_password (desk_info, "kept-in-the-keyring", TRUE, &failure,
                                        &detail);
  g_assert_nonnull (desk);

  g_assert_true (sila_pg_dup_options (desk, &again.keywords, &again.values));
  thread = g_thread_new ("again", connect_again_thread, &again);
  g_thread_join (thread);
  g_assert_cmpint (again.failure, ==, SILA_PG_CONNECT_OK);
  g_assert_nonnull (again.db);
  g_assert_cmpint (count_rows (again.db, "SELECT count (*) FROM t"), ==, 0);

  again.db->driver->close (again.db);
  desk->driver->close (desk);
  g_strfreev (again.keywords);
  g_strfreev (again.values);
  g_assert_true (g_file_set_contents (hba, old_hba, -1, &error));
  exec_ok (f->db, "SELECT pg_reload_conf ()");
}

static void
test_shown_and_location (void)
{
  const struct { const char *in, *shown; } cases[] = {
    { "postgresql://sila:secret@server/office", "postgresql://sila@server/office" },
    { "postgres://sila@server:5433/office?sslmode=require&password=x",
      "postgres://sila@server:5433/office?sslmode=require" },
    { "postgresql://server/office?password=x", "postgresql://server/office" },
    { "postgresql:///office", "postgresql:///office" },
    { "host=server dbname=office password='s e c\\' ret' user=sila",
      "host=server dbname=office user=sila" },
    { "password = secret  host = 'my server'", "host = 'my server'" },
    { "service=office", "service=office" },
    { "dbname=x password", "(an unreadable server address)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *shown = sila_pg_conninfo_shown (cases[i].in);

      g_assert_cmpstr (shown, ==, cases[i].shown);
      g_assert_null (strstr (shown, "secret"));
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  g_test_add_func ("/sila/pg/shown", test_shown_and_location);
  ADD ("/sila/pg/types", test_types);
  ADD ("/sila/pg/parameters", test_parameters);
  ADD ("/sila/pg/failures", test_failures);
  ADD ("/sila/pg/savepoints", test_savepoints);
  ADD ("/sila/pg/deadlock-is-retry", test_deadlock_is_retry);
  ADD ("/sila/pg/notify", test_notify);
  ADD ("/sila/pg/restart", test_restart);
  ADD ("/sila/pg/connect-again-with-password", test_connect_again_with_password);

  return g_test_run ();
}
