/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Store: opening, file modes, migrations, damaged and foreign files,
 * permissions, settings, audit trail, two connections on one file. */
#include "sila-config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include "sila-i18n.h"
#include "sila-paths.h"
#include "sila-pg.h"
#include "sila-session.h"
#include "sila-sqlite.h"
#include "sila-store-private.h"
#include "sila-store-staff.h"
#include "sila-test-util.h"
#include "sila-validation.h"

/* Below the store, on the server: a connection of the driver's own. */
static SilaDb *
raw_connect (const char *conninfo)
{
  g_autofree char *detail = NULL;
  SilaPgConnectFailure failure;
  SilaDb *db = sila_pg_connect (conninfo, FALSE, &failure, &detail);

  if (db == NULL)
    g_error ("%s: %s", conninfo, detail);
  return db;
}

static void
raw_exec (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  if (sila_store_location_is_server (path))
    {
      SilaDb *server = raw_connect (path);

      if (!server->driver->exec (server, sql))
        g_error ("%s: %s", sql, server->driver->message (server));
      server->driver->close (server);
      return;
    }

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

static gint64
raw_int (const char *path,
         const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  if (sila_store_location_is_server (path))
    {
      SilaDb *server = raw_connect (path);
      SilaStatement *query = server->driver->prepare (server, sql);

      g_assert_nonnull (query);
      g_assert_cmpint (query->driver->step (query), ==, SILA_STEP_ROW);
      value = sila_column_int64 (query, 0);
      query->driver->finalize (query);
      server->driver->close (server);
      return value;
    }

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static char *
file_checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)contents, length);
}

static void
test_create (SilaTestDir   *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaStore) store = NULL;
  GStatBuf st;

  store = sila_store_open (fixture->db_path, SILA_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);

  g_assert_cmpint (sila_store_get_schema_version (store), ==, sila_store_get_latest_version ());
  g_assert_true (g_uuid_string_is_valid (sila_store_get_device_id (store)));
  g_assert_false (sila_store_is_read_only (store));
  g_assert_true (sila_store_check_integrity (store, &error));

  /* Personal data: readable by its owner only, the WAL file too. */
  g_assert_cmpint (g_stat (fixture->db_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  {
    g_autofree char *wal = g_strconcat (fixture->db_path, "-wal", NULL);

    g_assert_cmpint (g_stat (wal, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  }

  g_assert_cmpint (raw_int (fixture->db_path, "PRAGMA application_id"), ==,
                   SILA_STORE_APPLICATION_ID);
}

static void
test_pragmas (SilaTestDir   *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaStore) store = sila_store_open (fixture->db_path, 0, &error);
  sqlite3 *db = sila_store_get_db (store);
  sqlite3_stmt *stmt;

  g_assert_no_error (error);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA journal_mode", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, "wal");
  sqlite3_finalize (stmt);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA synchronous", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 2); /* FULL */
  sqlite3_finalize (stmt);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA foreign_keys", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  sqlite3_finalize (stmt);
}

static void
test_loose_mode_tightened (SilaTestDir   *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaStore) store = NULL;
  GStatBuf st;

  g_clear_object (&store);
  store = sila_store_open (fixture->db_path, 0, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  g_chmod (fixture->db_path, 0644);
  store = sila_store_open (fixture->db_path, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (fixture->db_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

static void
test_private_dir (SilaTestDir   *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_build_filename (fixture->dir, "data", "sila", NULL);
  GStatBuf st;

  g_assert_true (sila_paths_ensure_private_dir (dir, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);

  /* A folder someone opened up is closed again. */
  g_chmod (dir, 0755);
  g_assert_true (sila_paths_ensure_private_dir (dir, &error));
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
}

static void
test_default_paths (void)
{
  g_autofree char *dir = sila_paths_get_data_dir ();
  g_autofree char *db = sila_paths_get_default_database ();
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "sila", NULL);

  g_assert_cmpstr (dir, ==, expected);
  g_assert_true (g_str_has_prefix (db, dir));
  g_assert_true (g_str_has_suffix (db, "/sila.db"));
}

static void
test_must_exist (SilaTestDir   *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaStore) store = NULL;

  store = sila_store_open (fixture->db_path, SILA_STORE_OPEN_MUST_EXIST, &error);
  g_assert_null (store);
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (fixture->db_path, G_FILE_TEST_EXISTS));
}

static void
test_reopen_keeps_identity (SilaTestDir   *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaStore) first = sila_store_open (fixture->db_path, 0, &error);
  g_autofree char *device = g_strdup (sila_store_get_device_id (first));
  g_autoptr(SilaStore) second = NULL;

  g_clear_object (&first);
  second = sila_store_open (fixture->db_path, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sila_store_get_device_id (second), ==, device);
}

/* Every older version migrates to the latest and keeps what it held. */
static void
test_migrations_from_each_version (SilaTestDir   *fixture,
                                   gconstpointer  data)
{
  int latest = sila_store_get_latest_version ();

  g_assert_cmpint (latest, >=, 2);

  for (int from = 1; from < latest; from++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SilaStore) old = NULL;
      g_autoptr(SilaStore) migrated = NULL;
      g_autoptr(SilaActor) owner = sila_actor_new_owner ();
      g_autofree char *path = g_strdup_printf ("%s/from-%d.db", fixture->dir, from);
      g_autofree char *device = NULL;
      g_autofree char *name = NULL;

      old = sila_store_open_at_version (path, from, &error);
      g_assert_no_error (error);
      g_assert_cmpint (sila_store_get_schema_version (old), ==, from);
      device = g_strdup (sila_store_get_device_id (old));

      /* Settings exist from version 1 on. */
      g_assert_true (sila_store_set_setting (old, owner, SILA_SETTING_ASSOCIATION_NAME,
                                         SILA_DEFAULT_ASSOCIATION_NAME,
                                             "جمعية الاختبار", &error));
      g_assert_no_error (error);
      g_clear_object (&old);

      migrated = sila_store_open (path, 0, &error);
      g_assert_no_error (error);
      g_assert_cmpint (sila_store_get_schema_version (migrated), ==, latest);
      g_assert_cmpstr (sila_store_get_device_id (migrated), ==, device);
      name = sila_store_get_setting (migrated, SILA_SETTING_ASSOCIATION_NAME, NULL);
      g_assert_cmpstr (name, ==, "جمعية الاختبار");
      g_assert_true (sila_store_check_integrity (migrated, &error));
      g_assert_no_error (error);
    }
}

static void
test_too_new (SilaTestDir   *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaStore) store = sila_store_open (fixture->db_path, 0, &error);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d",
                                          sila_store_get_latest_version () + 1);

  g_clear_object (&store);
  raw_exec (fixture->db_path, sql);
  before = file_checksum (fixture->db_path);

  store = sila_store_open (fixture->db_path, 0, &error);
  g_assert_null (store);
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "newer version"));

  after = file_checksum (fixture->db_path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_damaged (SilaTestDir   *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaStore) store = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  guchar noise[8192];

  for (guint i = 0; i < sizeof noise; i++)
    noise[i] = (guchar)g_random_int ();
  g_assert_true (g_file_set_contents (fixture->db_path, (const char *)noise, sizeof noise, NULL));
  before = file_checksum (fixture->db_path);

  store = sila_store_open (fixture->db_path, 0, &error);
  g_assert_null (store);
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_NOT_DATABASE);

  after = file_checksum (fixture->db_path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_truncated (SilaTestDir   *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaStore) store = sila_store_open (fixture->db_path, 0, &error);
  g_autoptr(SilaActor) owner = sila_actor_new_owner ();
  g_autofree char *contents = NULL;
  gsize length;

  /* Enough audited changes for several pages, then cut the file in half. */
  for (int i = 0; i < 300; i++)
    {
      g_autofree char *previous = sila_store_get_setting (store, SILA_SETTING_ASSOCIATION_NAME,
                                                          NULL);
      g_autofree char *name = g_strdup_printf ("جمعية رقم %d ومعها نص طويل ليملأ الصفحات", i);

      g_assert_true (sila_store_set_setting (store, owner, SILA_SETTING_ASSOCIATION_NAME,
                                             previous, name, &error));
      g_assert_no_error (error);
    }
  g_clear_object (&store);

  g_assert_true (g_file_get_contents (fixture->db_path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8192);
  g_assert_true (g_file_set_contents (fixture->db_path, contents, length / 2, NULL));

  /* Either opening or the integrity check says so; nothing crashes. */
  store = sila_store_open (fixture->db_path, 0, &error);
  if (store != NULL)
    {
      g_assert_false (sila_store_check_integrity (store, &error));
      g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_NOT_DATABASE);
    }
  else
    g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_NOT_DATABASE);
}

static void
test_foreign_database (SilaTestDir   *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaStore) store = NULL;
  g_autofree char *before = NULL;

  raw_exec (fixture->db_path, "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('x')");
  before = file_checksum (fixture->db_path);

  store = sila_store_open (fixture->db_path, 0, &error);
  g_assert_null (store);
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_NOT_DATABASE);
  g_assert_nonnull (strstr (error->message, "another program"));

  g_assert_cmpint (raw_int (fixture->db_path, "SELECT count(*) FROM contacts"), ==, 1);
}

/* An empty file is not a database: it is refused as any file that is not
 * Sila Desk's, and stays empty (issue 13). */
static void
test_empty_file (SilaTestDir   *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaStore) store = NULL;
  GStatBuf st;

  g_assert_true (g_file_set_contents (fixture->db_path, "", 0, NULL));
  store = sila_store_open (fixture->db_path, 0, &error);
  g_assert_null (store);
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_NOT_DATABASE);
  g_assert_nonnull (strstr (error->message, "another program"));
  g_assert_cmpint (g_stat (fixture->db_path, &st), ==, 0);
  g_assert_cmpint (st.st_size, ==, 0);
}

/* A table, index, trigger or view that the migrations did not make stops
 * the database from opening, named in the message; so does one missing or
 * changed (issue 13). */
static void
test_planted_schema (SilaTestDir   *fixture,
                     gconstpointer  data)
{
  static const struct {
    const char *sql;
    const char *words;
  } cases[] = {
    { "CREATE TRIGGER quiet BEFORE INSERT ON audit_log BEGIN SELECT RAISE (IGNORE); END",
      "an extra trigger “quiet”" },
    { "CREATE VIEW everyone AS SELECT * FROM staff", "an extra view “everyone”" },
    { "CREATE INDEX staff_by_name ON staff (display_name)", "an extra index “staff_by_name”" },
    { "CREATE TABLE extra (x)", "an extra table “extra”" },
    { "DROP TRIGGER audit_log_no_delete", "the trigger “audit_log_no_delete” is missing" },
    { "DROP INDEX audit_log_at", "the index “audit_log_at” is missing" },
    { "ALTER TABLE staff ADD COLUMN roles_too INTEGER", "the table “staff” was changed" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SilaStore) store = NULL;
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;

      g_unlink (fixture->db_path);
      store = sila_store_open (fixture->db_path, 0, &error);
      g_assert_no_error (error);
      g_assert_true (sila_store_check_schema (store, &error));
      g_clear_object (&store);

      raw_exec (fixture->db_path, cases[i].sql);
      before = file_checksum (fixture->db_path);
      store = sila_store_open (fixture->db_path, 0, &error);
      g_assert_null (store);
      g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_NOT_DATABASE);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, cases[i].words));
      after = file_checksum (fixture->db_path);
      g_assert_cmpstr (before, ==, after);
    }
}

/* The schema compiled into the program at build time, which spares every
 * start running the migrations in memory, is exactly what they make. */
static void
test_compiled_schema (void)
{
  g_autoptr(GError) error = NULL;
  int version = -1;
  guint n = 0;

  g_assert_nonnull (sila_compiled_schema (&version, &n));
  g_assert_cmpint (version, ==, sila_store_get_latest_version ());
  g_assert_cmpuint (n, >, 50);
  g_assert_true (sila_store_schema_check_compiled (&error));
  g_assert_no_error (error);
}

static void
test_not_a_file (SilaTestDir   *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaStore) store = sila_store_open (fixture->dir, 0, &error);

  g_assert_null (store);
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_CANNOT_OPEN);
}

static void
test_missing_folder (SilaTestDir   *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "no", "such", "x.db", NULL);
  g_autoptr(SilaStore) store = sila_store_open (path, 0, &error);

  g_assert_null (store);
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_CANNOT_OPEN);
}

static void
test_read_only (SilaTestDir   *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaStore) store = sila_store_open (fixture->db_path, 0, &error);
  g_autoptr(SilaActor) owner = sila_actor_new_owner ();
  g_autofree char *name = NULL;

  g_assert_true (sila_store_set_setting (store, owner, SILA_SETTING_ASSOCIATION_NAME,
                                         SILA_DEFAULT_ASSOCIATION_NAME,
                                         "قبل", &error));
  g_clear_object (&store);

  store = sila_store_open (fixture->db_path, SILA_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (sila_store_is_read_only (store));

  g_assert_false (sila_store_set_setting (store, owner, SILA_SETTING_ASSOCIATION_NAME, "قبل",
                                          "بعد", &error));
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_READ_ONLY);

  name = sila_store_get_setting (store, SILA_SETTING_ASSOCIATION_NAME, NULL);
  g_assert_cmpstr (name, ==, "قبل");
}

static void
test_settings_permission (SilaTestDir   *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaStore) store = sila_store_open (fixture->db_path, 0, &error);
  g_autoptr(SilaActor) owner = sila_actor_new_owner ();
  g_autoptr(SilaStaff) admin_staff = NULL;
  g_autoptr(SilaStaff) officer_staff = NULL;
  g_autoptr(SilaActor) officer = NULL;
  g_autoptr(SilaActor) admin = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autofree char *days = NULL;

  admin_staff = sila_store_add_staff (store, owner, "sami", "سامي", SILA_ROLE_ADMIN,
                                      "long enough secret", FALSE, &error);
  g_assert_no_error (error);
  admin = sila_staff_to_actor (admin_staff);
  officer_staff = sila_store_add_staff (store, admin, "huda", "هدى", SILA_ROLE_OFFICER,
                                        "another long secret", FALSE, &error);
  g_assert_no_error (error);
  officer = sila_staff_to_actor (officer_staff);

  g_assert_false (sila_store_set_setting (store, officer, SILA_SETTING_ANSWER_WINDOW, "14", "21",
                                          &error));
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_cmpint (sila_store_get_setting_int (store, SILA_SETTING_ANSWER_WINDOW, 0), ==, 14);

  g_assert_true (sila_store_set_setting (store, admin, SILA_SETTING_ANSWER_WINDOW, "14", "21",
                                         &error));
  g_assert_no_error (error);
  g_assert_cmpint (sila_store_get_setting_int (store, SILA_SETTING_ANSWER_WINDOW, 14), ==, 21);

  /* The officer may not read the audit trail either. */
  audit = sila_store_list_audit (store, officer, NULL, NULL, 0, &error);
  g_assert_null (audit);
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DENIED);
  g_clear_error (&error);

  audit = sila_store_list_audit (store, admin, "office_settings", NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, ==, 1);
  {
    SilaAuditEntry *e = g_ptr_array_index (audit, 0);

    g_assert_cmpstr (e->actor_name, ==, "sami");
    g_assert_cmpstr (e->action, ==, "update");
    g_assert_cmpstr (e->entity_id, ==, SILA_SETTING_ANSWER_WINDOW);
    g_assert_cmpstr (e->before_json, ==, "{\"answer_window_days\":\"14\"}");
    g_assert_cmpstr (e->after_json, ==, "{\"answer_window_days\":\"21\"}");
  }
}

static void
test_settings_invalid (SilaTestDir   *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaStore) store = sila_store_open (fixture->db_path, 0, &error);
  g_autoptr(SilaActor) owner = sila_actor_new_owner ();

  g_assert_false (sila_store_set_setting (store, owner, SILA_SETTING_ANSWER_WINDOW, NULL, "0",
                                          &error));
  g_assert_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);

  g_assert_false (sila_store_set_setting (store, owner, SILA_SETTING_ASSOCIATION_NAME,
                                         SILA_DEFAULT_ASSOCIATION_NAME,
                                          "  ", &error));
  g_assert_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_REQUIRED);
  g_clear_error (&error);

  g_assert_false (sila_store_set_setting (store, owner, "colour", NULL, "blue", &error));
  g_assert_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID);
  g_clear_error (&error);

  /* Nothing was written, nothing audited. */
  g_assert_cmpint (sila_store_get_setting_int (store, SILA_SETTING_ANSWER_WINDOW, 0), ==, 14);
  g_assert_cmpint (raw_int (fixture->db_path, "SELECT count(*) FROM audit_log"), ==, 0);
}

static void
test_audit_append_only (SilaTestDir   *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaStore) store = sila_store_open (fixture->db_path, 0, &error);
  g_autoptr(SilaActor) owner = sila_actor_new_owner ();

  g_assert_true (sila_store_set_setting (store, owner, SILA_SETTING_ASSOCIATION_NAME,
                                         SILA_DEFAULT_ASSOCIATION_NAME,
                                         "أ", &error));

  g_assert_false (sila_store_exec (store, "UPDATE audit_log SET actor_name = 'x'", &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "append-only"));
  g_clear_error (&error);

  g_assert_false (sila_store_exec (store, "DELETE FROM audit_log", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_assert_cmpint (raw_int (fixture->db_path, "SELECT count(*) FROM audit_log"), ==, 1);
}

static void
test_transaction_rollback (SilaTestDir   *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaStore) store = sila_store_open (fixture->db_path, 0, &error);
  gint64 n = 0;

  {
    g_autoptr(SilaTransaction) tx = sila_transaction_begin (store, &error);

    g_assert_nonnull (tx);
    g_assert_true (sila_store_next_number (store, "file", &n, &error));
    g_assert_cmpint (n, ==, 1);
    g_assert_true (sila_store_next_number (store, "file", &n, &error));
    g_assert_cmpint (n, ==, 2);
    /* not committed: rolled back when tx goes out of scope */
  }

  {
    g_autoptr(SilaTransaction) tx = sila_transaction_begin (store, &error);

    g_assert_true (sila_store_next_number (store, "file", &n, &error));
    g_assert_cmpint (n, ==, 1);

    /* A nested transaction is a savepoint: its rollback keeps the outer. */
    {
      g_autoptr(SilaTransaction) inner = sila_transaction_begin (store, &error);

      g_assert_true (sila_store_next_number (store, "file", &n, &error));
      g_assert_cmpint (n, ==, 2);
    }

    g_assert_true (sila_store_next_number (store, "request", &n, &error));
    g_assert_cmpint (n, ==, 1);
    g_assert_true (sila_transaction_commit (tx, &error));
    g_assert_no_error (error);
  }

  {
    g_autoptr(SilaTransaction) tx = sila_transaction_begin (store, &error);

    g_assert_true (sila_store_next_number (store, "file", &n, &error));
    g_assert_cmpint (n, ==, 2);
    g_assert_true (sila_transaction_commit (tx, &error));
  }
}

/* A second window or desk on the same file: it sees the other's commits,
 * does not overwrite a change it has not seen, and waits its turn. */
static void
test_two_connections (SilaTestDir   *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaStore) a = sila_store_open (fixture->db_path, 0, &error);
  g_autoptr(SilaStore) b = sila_store_open (fixture->db_path, 0, &error);
  g_autoptr(SilaActor) owner = sila_actor_new_owner ();
  g_autofree char *shown_by_b = NULL;
  g_autofree char *now = NULL;

  g_assert_no_error (error);
  g_assert_false (sila_store_poll_external_change (a));

  g_assert_true (sila_store_set_setting (a, owner, SILA_SETTING_ASSOCIATION_NAME,
                                         SILA_DEFAULT_ASSOCIATION_NAME,
                                         "الأولى", &error));
  g_assert_true (sila_store_poll_external_change (b));
  g_assert_false (sila_store_poll_external_change (b));
  g_assert_false (sila_store_poll_external_change (a)); /* its own commit */

  shown_by_b = sila_store_get_setting (b, SILA_SETTING_ASSOCIATION_NAME, NULL);
  g_assert_cmpstr (shown_by_b, ==, "الأولى");

  /* a changes it again; b, still showing the first value, must not win. */
  g_assert_true (sila_store_set_setting (a, owner, SILA_SETTING_ASSOCIATION_NAME, "الأولى",
                                         "الثانية", &error));
  g_assert_false (sila_store_set_setting (b, owner, SILA_SETTING_ASSOCIATION_NAME, shown_by_b,
                                          "الثالثة", &error));
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "الثانية"));
  g_clear_error (&error);

  now = sila_store_get_setting (a, SILA_SETTING_ASSOCIATION_NAME, NULL);
  g_assert_cmpstr (now, ==, "الثانية");

  /* While a holds the write lock, b is told the database is busy. */
  sila_store_set_busy_timeout (b, 50);
  {
    g_autoptr(SilaTransaction) tx = sila_transaction_begin (a, &error);

    g_assert_nonnull (tx);
    g_assert_false (sila_store_set_setting (b, owner, SILA_SETTING_ANSWER_WINDOW, "14", "20",
                                            &error));
    g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_BUSY);
    g_clear_error (&error);
    g_assert_true (sila_transaction_commit (tx, &error));
  }
  g_assert_true (sila_store_set_setting (b, owner, SILA_SETTING_ANSWER_WINDOW, "14", "20",
                                         &error));
  g_assert_no_error (error);

  g_assert_true (sila_store_check_integrity (a, &error));
  g_assert_true (sila_store_check_integrity (b, &error));
}

static void
test_session_changed (SilaTestDir   *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaStore) a = sila_store_open (fixture->db_path, 0, &error);
  g_autoptr(SilaStore) b = sila_store_open (fixture->db_path, 0, &error);
  g_autoptr(SilaSession) session = sila_session_new (a, sila_actor_new_owner ());
  g_autoptr(SilaActor) owner = sila_actor_new_owner ();
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  int changed = 0;
  gulong id;

  id = g_signal_connect_swapped (session, "changed", G_CALLBACK (g_main_loop_quit), loop);
  g_signal_connect_swapped (session, "changed", G_CALLBACK (g_atomic_int_inc), &changed);

  g_assert_true (sila_session_can (session, SILA_PERM_SETTINGS_EDIT));
  g_assert_true (sila_actor_is_owner (sila_session_get_actor (session)));

  sila_session_watch (session, 10);
  g_assert_true (sila_store_set_setting (b, owner, SILA_SETTING_ANSWER_WINDOW, "14", "30",
                                         &error));
  g_main_loop_run (loop);
  g_assert_cmpint (changed, ==, 1);

  sila_session_notify_changed (session, "settings");
  g_assert_cmpint (changed, ==, 2);
  g_signal_handler_disconnect (session, id);

  sila_session_set_actor (session, sila_actor_new ("x", "huda", NULL, SILA_ROLE_OFFICER));
  g_assert_false (sila_session_can (session, SILA_PERM_SETTINGS_EDIT));
  g_assert_cmpstr (sila_session_get_actor (session)->display_name, ==, "huda");
}

static void
test_concurrent_migration (SilaTestDir   *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaStore) old = sila_store_open_at_version (fixture->db_path, 1, &error);
  g_autoptr(SilaStore) first = NULL;
  g_autoptr(SilaStore) second = NULL;

  g_assert_no_error (error);
  /* Two desks open the old file: the second finds it already migrated. */
  first = sila_store_open (fixture->db_path, 0, &error);
  g_assert_no_error (error);
  g_assert_true (sila_store_migrate (old, sila_store_get_latest_version (), &error));
  g_assert_no_error (error);
  second = sila_store_open (fixture->db_path, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sila_store_get_schema_version (second), ==, sila_store_get_latest_version ());
}

/* Which --database values are servers: the one test of opening. */
static void
test_location_is_server (void)
{
  const char *servers[] = {
    "postgresql://sila@server/office", "postgres://server/office", "service=office",
    "host=server dbname=office", "  dbname = office", "user=sila host=/run/postgresql",
  };
  const char *files[] = {
    "office.db", "/home/huda/office.db", "./host=x.db", "postgresql:/x", "postgresql.db",
    "hostname=x", "سلة=1", "", "C:\\office.db", "=host",
  };

  for (guint i = 0; i < G_N_ELEMENTS (servers); i++)
    g_assert_true (sila_store_location_is_server (servers[i]));
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    g_assert_false (sila_store_location_is_server (files[i]));
}

/* What opening a server database refuses, before any table is read: an
 * empty one for a command that does not bring data in, another program's,
 * one of a newer version, an unreachable server; never showing a password. */
static void
test_server_refusals (SilaTestDir   *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *foreign = sila_test_new_server_database ();
  g_autofree char *newer = sila_test_new_server_database ();
  g_autofree char *unreachable = g_strdup_printf ("host=%s/nowhere dbname=x password=hush",
                                                  fixture->dir);
  SilaStore *store;

  store = sila_store_open (fixture->db_path, SILA_STORE_OPEN_MUST_EXIST, &error);
  g_assert_null (store);
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_CANNOT_OPEN);
  g_assert_nonnull (strstr (error->message, "db init"));
  g_clear_error (&error);
  store = sila_store_open (fixture->db_path, SILA_STORE_OPEN_READ_ONLY, &error);
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_CANNOT_OPEN);
  g_clear_error (&error);
  /* Still empty: nothing was made. */
  g_assert_cmpint (raw_int (fixture->db_path, "SELECT count(*) FROM pg_tables WHERE schemaname "
                                              "= 'public'"), ==, 0);

  raw_exec (foreign, "CREATE TABLE notes (body text)");
  store = sila_store_open (foreign, SILA_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_NOT_DATABASE);
  g_clear_error (&error);
  g_assert_cmpint (raw_int (foreign, "SELECT count(*) FROM pg_tables WHERE schemaname "
                                     "= 'public'"), ==, 1);

  raw_exec (newer, "CREATE TABLE sila_meta (key text PRIMARY KEY, value text NOT NULL);"
                   "INSERT INTO sila_meta VALUES ('application', 'sila-desk'), "
                   "('schema_version', '9999')");
  store = sila_store_open (newer, SILA_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "9999"));
  g_clear_error (&error);

  store = sila_store_open (unreachable, SILA_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_CANNOT_OPEN);
  g_assert_nonnull (strstr (error->message, "cannot be reached"));
  g_assert_null (strstr (error->message, "hush"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  sila_i18n_init (SILA_LANGUAGE_ENGLISH);
  sila_store_set_cheap_hashes_for_testing (TRUE);

#define ADD(path, func) \
  g_test_add (path, SilaTestDir, NULL, sila_test_dir_setup, func, sila_test_dir_teardown)

  g_test_add_func ("/sila/store/open/location-is-server", test_location_is_server);

  /* On the server (meson suite postgres): the cases that are not about
   * SQLite's files themselves, and the server's own refusals. */
  if (sila_test_on_server ())
    {
      ADD ("/sila/store/open/server-refusals", test_server_refusals);
      ADD ("/sila/store/open/reopen-keeps-identity", test_reopen_keeps_identity);
      ADD ("/sila/store/settings/permission", test_settings_permission);
      ADD ("/sila/store/settings/invalid", test_settings_invalid);
      ADD ("/sila/store/audit/append-only", test_audit_append_only);
      ADD ("/sila/store/transaction/rollback", test_transaction_rollback);
      ADD ("/sila/store/concurrency/two-connections", test_two_connections);
      ADD ("/sila/store/session/changed", test_session_changed);
      return g_test_run ();
    }

  ADD ("/sila/store/open/create", test_create);
  ADD ("/sila/store/open/pragmas", test_pragmas);
  ADD ("/sila/store/open/loose-mode-tightened", test_loose_mode_tightened);
  ADD ("/sila/store/open/private-dir", test_private_dir);
  g_test_add_func ("/sila/store/open/default-paths", test_default_paths);
  ADD ("/sila/store/open/must-exist", test_must_exist);
  ADD ("/sila/store/open/reopen-keeps-identity", test_reopen_keeps_identity);
  ADD ("/sila/store/open/too-new", test_too_new);
  ADD ("/sila/store/open/damaged", test_damaged);
  ADD ("/sila/store/open/truncated", test_truncated);
  ADD ("/sila/store/open/foreign-database", test_foreign_database);
  ADD ("/sila/store/open/empty-file", test_empty_file);
  ADD ("/sila/store/open/planted-schema", test_planted_schema);
  g_test_add_func ("/sila/store/open/compiled-schema", test_compiled_schema);
  ADD ("/sila/store/open/not-a-file", test_not_a_file);
  ADD ("/sila/store/open/missing-folder", test_missing_folder);
  ADD ("/sila/store/open/read-only", test_read_only);
  ADD ("/sila/store/migrations/from-each-version", test_migrations_from_each_version);
  ADD ("/sila/store/migrations/concurrent", test_concurrent_migration);
  ADD ("/sila/store/settings/permission", test_settings_permission);
  ADD ("/sila/store/settings/invalid", test_settings_invalid);
  ADD ("/sila/store/audit/append-only", test_audit_append_only);
  ADD ("/sila/store/transaction/rollback", test_transaction_rollback);
  ADD ("/sila/store/concurrency/two-connections", test_two_connections);
  ADD ("/sila/store/session/changed", test_session_changed);

#undef ADD

  return g_test_run ();
}
