/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Backups and restore: consistent online copies, mode 0600, pruning, and a
 * restore that checks first and replaces nothing when the backup is
 * damaged, truncated, of another program or of a newer version. */
#include "sila-config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sila-clock.h"
#include "sila-i18n.h"
#include "sila-store-backup.h"
#include "sila-sqlite.h"
#include "sila-store-private.h"
#include "sila-store-staff.h"
#include "sila-test-util.h"

typedef struct {
  SilaTestDir  dir;
  SilaStore   *store;
  SilaActor   *admin;
  char        *folder;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaStaff) admin = NULL;

  sila_test_dir_setup (&f->dir, NULL);
  f->store = sila_store_open (f->dir.db_path, 0, &error);
  g_assert_no_error (error);
  admin = sila_store_create_first_admin (f->store, "جمعية النسخ", "sami", "سامي",
                                         "admin passphrase", &error);
  g_assert_no_error (error);
  f->admin = sila_staff_to_actor (admin);

  f->folder = sila_test_dir_file (&f->dir, "usb");
  g_assert_cmpint (g_mkdir (f->folder, 0755), ==, 0);
  g_assert_true (sila_store_set_setting (f->store, f->admin, SILA_SETTING_BACKUP_FOLDER, NULL,
                                         f->folder, &error));
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  sila_clock_set_fixed (NULL);
  g_clear_object (&f->store);
  g_clear_pointer (&f->admin, sila_actor_free);
  g_free (f->folder);
  sila_test_dir_teardown (&f->dir, NULL);
}

static char *
checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)contents, length);
}

static gint64
raw_int (const char *path,
         const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

static char *
raw_text (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

static void
raw_exec (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* The names in @dir, sorted, as one string. */
static char *
listing (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_add (names, NULL);
  {
    char **v = (char **)names->pdata;
    gsize n = names->len - 1;

    /* A small insertion sort: GLib 2.74 has no sort-values. */
    for (gsize i = 1; i < n; i++)
      for (gsize j = i; j > 0 && g_strcmp0 (v[j - 1], v[j]) > 0; j--)
        {
          char *t = v[j];
          v[j] = v[j - 1];
          v[j - 1] = t;
        }
    return g_strjoinv (" ", v);
  }
}

static void
test_backup (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *made_at = NULL;
  g_autofree char *mode = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  GStatBuf st;

  g_assert_true (sila_store_backup_is_due (f->store));
  g_assert_null (sila_store_get_last_backup (f->store));

  path = sila_store_backup (f->store, f->admin, SILA_BACKUP_MANUAL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (path, f->folder));

  /* Readable by its owner only, whole, standing alone, a Sila Desk database. */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (raw_int (path, "PRAGMA application_id"), ==, SILA_STORE_APPLICATION_ID);
  g_assert_cmpint (raw_int (path, "PRAGMA user_version"), ==, sila_store_get_latest_version ());
  g_assert_cmpint (raw_int (path, "SELECT count(*) FROM staff"), ==, 1);
  mode = raw_text (path, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "delete");
  made_at = raw_text (path, "SELECT value FROM meta WHERE key = 'backup_at'");
  g_assert_nonnull (made_at);

  /* Recorded: when, by whom, where. */
  g_assert_false (sila_store_backup_is_due (f->store));
  {
    g_autofree char *last = sila_store_get_last_backup (f->store);

    g_assert_cmpstr (last, ==, made_at);
  }
  audit = sila_store_list_audit (f->store, f->admin, "database", NULL, 0, &error);
  g_assert_cmpuint (audit->len, ==, 1);
  {
    SilaAuditEntry *e = g_ptr_array_index (audit, 0);
    g_autofree char *base = g_path_get_basename (path);

    g_assert_cmpstr (e->action, ==, "backup");
    g_assert_cmpstr (e->actor_name, ==, "sami");
    g_assert_cmpstr (e->summary, ==, "manual");
    g_assert_nonnull (strstr (e->after_json, base));
  }

  /* Only the backup is left in the folder: no partial file. */
  {
    g_autofree char *names = listing (f->folder);
    g_autofree char *base = g_path_get_basename (path);

    g_assert_cmpstr (names, ==, base);
  }
}

static gpointer
commit_later (gpointer data)
{
  g_usleep (1000 * 1000);
  g_assert_cmpint (sqlite3_exec (data, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  return NULL;
}

/* Taken while another desk is in the middle of a save: the copy holds what
 * was committed, not what was half-done; recording the backup waits for the
 * other save to end. */
static void
test_backup_is_consistent (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  sqlite3 *other = NULL;
  GThread *committer;

  g_assert_cmpint (sqlite3_open (f->dir.db_path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other,
                                 "BEGIN IMMEDIATE;"
                                 "INSERT INTO counters (name, next) VALUES ('half-done', 7);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  committer = g_thread_new ("other-desk", commit_later, other);
  path = sila_store_backup (f->store, f->admin, SILA_BACKUP_AUTOMATIC, NULL, NULL, &error);
  g_assert_no_error (error);
  g_thread_join (committer);
  sqlite3_close (other);

  g_assert_cmpint (raw_int (path, "SELECT count(*) FROM counters WHERE name = 'half-done'"), ==, 0);
  g_assert_cmpint (raw_int (path, "SELECT count(*) FROM staff"), ==, 1);
  g_assert_cmpint (raw_int (f->dir.db_path, "SELECT count(*) FROM counters "
                                            "WHERE name = 'half-done'"), ==, 1);
}

static void
backup_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  char **path = user_data;
  g_autoptr(GError) error = NULL;

  *path = sila_store_backup_finish (SILA_STORE (source), result, &error);
  g_assert_no_error (error);
}

static void
test_backup_async (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = NULL;

  sila_store_backup_async (f->store, f->admin, SILA_BACKUP_AUTOMATIC, NULL, NULL, backup_done_cb,
                           &path);
  while (path == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_false (sila_store_backup_is_due (f->store));
}

static void
test_daily_and_pruning (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autofree char *notes = g_build_filename (f->folder, "notes.txt", NULL);
  g_autofree char *foreign = g_build_filename (f->folder, "sila-deadbeef-20200101-000000.db", NULL);
  g_autofree char *names = NULL;
  g_auto(GStrv) parts = NULL;

  g_assert_true (g_file_set_contents (notes, "keep me", -1, NULL));
  g_assert_true (g_file_set_contents (foreign, "another office", -1, NULL));
  g_assert_true (sila_store_set_setting (f->store, f->admin, SILA_SETTING_BACKUP_KEEP, NULL, "3",
                                         &error));

  for (int day = 1; day <= 5; day++)
    {
      g_autoptr(GDateTime) when = g_date_time_new (utc, 2026, 3, day, 9, 0, 0);
      g_autoptr(GDateTime) later = g_date_time_add_hours (when, 23);
      g_autofree char *path = NULL;

      sila_clock_set_fixed (when);
      g_assert_true (sila_store_backup_is_due (f->store));
      path = sila_store_backup (f->store, f->admin, SILA_BACKUP_AUTOMATIC, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_false (sila_store_backup_is_due (f->store));

      sila_clock_set_fixed (later);
      g_assert_false (sila_store_backup_is_due (f->store));
    }

  /* Three of ours, the newest; the other office's and the notes untouched. */
  names = listing (f->folder);
  parts = g_strsplit (names, " ", -1);
  g_assert_cmpuint (g_strv_length (parts), ==, 5);
  g_assert_true (g_strv_contains ((const char * const *)parts, "notes.txt"));
  g_assert_true (g_strv_contains ((const char * const *)parts,
                                  "sila-deadbeef-20200101-000000.db"));
  g_assert_null (strstr (names, "20260301-"));
  g_assert_null (strstr (names, "20260302-"));
  g_assert_nonnull (strstr (names, "20260305-"));

  /* Daily backups off: never due. */
  g_assert_true (sila_store_set_setting (f->store, f->admin, SILA_SETTING_BACKUP_DAILY, NULL, "0",
                                         &error));
  {
    g_autoptr(GDateTime) much_later = g_date_time_new (utc, 2026, 4, 1, 9, 0, 0);

    sila_clock_set_fixed (much_later);
    g_assert_false (sila_store_backup_is_due (f->store));
  }
}

static void
test_backup_refusals (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *unplugged = sila_test_dir_file (&f->dir, "unplugged-disk");
  g_autofree char *thesis = sila_test_dir_file (&f->dir, "thesis.odt");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  char *path;

  /* The chosen disk is not there: say so, and do not create the folder on
   * another disk. */
  g_assert_true (sila_store_set_setting (f->store, f->admin, SILA_SETTING_BACKUP_FOLDER, f->folder,
                                         unplugged, &error));
  path = sila_store_backup (f->store, f->admin, SILA_BACKUP_AUTOMATIC, NULL, NULL, &error);
  g_assert_null (path);
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_CANNOT_OPEN);
  g_assert_nonnull (strstr (error->message, "Is the backup disk connected?"));
  g_clear_error (&error);
  g_assert_false (g_file_test (unplugged, G_FILE_TEST_EXISTS));

  /* Another file is not overwritten by a backup. */
  g_assert_true (g_file_set_contents (thesis, "years of work", -1, NULL));
  before = checksum (thesis);
  path = sila_store_backup (f->store, f->admin, SILA_BACKUP_MANUAL, thesis, NULL, &error);
  g_assert_null (path);
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  after = checksum (thesis);
  g_assert_cmpstr (before, ==, after);

  /* Nor is the database itself. */
  path = sila_store_backup (f->store, f->admin, SILA_BACKUP_MANUAL, f->dir.db_path, NULL, &error);
  g_assert_null (path);
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* An older backup at a named path is replaced, atomically. */
  {
    g_autofree char *named = sila_test_dir_file (&f->dir, "nightly.db");
    g_autofree char *first = NULL;
    g_autofree char *second = NULL;

    first = sila_store_backup (f->store, f->admin, SILA_BACKUP_MANUAL, named, NULL, &error);
    g_assert_no_error (error);
    second = sila_store_backup (f->store, f->admin, SILA_BACKUP_MANUAL, named, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (first, ==, second);
  }
}

static void
test_backup_from_read_only (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaStore) ro = NULL;
  g_autofree char *target = sila_test_dir_file (&f->dir, "from-ro.db");
  g_autofree char *path = NULL;

  g_clear_object (&f->store);
  ro = sila_store_open (f->dir.db_path, SILA_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);

  path = sila_store_backup (ro, f->admin, SILA_BACKUP_MANUAL, target, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (raw_int (path, "SELECT count(*) FROM staff"), ==, 1);
}

/* Restore */

static char *
take_backup (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *target = sila_test_dir_file (&f->dir, "good.db");
  char *path = sila_store_backup (f->store, f->admin, SILA_BACKUP_MANUAL, target, NULL, &error);

  g_assert_no_error (error);
  return path;
}

static void
test_restore (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = take_backup (f);
  g_autofree char *aside = NULL;
  g_autoptr(SilaBackupInfo) info = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autofree char *name = NULL;
  GStatBuf st;

  /* After the backup, a change that the restore will undo. */
  g_assert_true (sila_store_set_setting (f->store, f->admin, SILA_SETTING_ASSOCIATION_NAME,
                                         "جمعية النسخ", "اسم بعد النسخة", &error));
  g_clear_object (&f->store);

  info = sila_store_restore (f->dir.db_path, backup, f->admin, &aside, &error);
  g_assert_no_error (error);
  g_assert_cmpint (info->version, ==, sila_store_get_latest_version ());
  g_assert_cmpstr (info->association_name, ==, "جمعية النسخ");
  g_assert_nonnull (info->made_at);

  /* The replaced database is kept aside, whole, with its last change. */
  g_assert_nonnull (aside);
  g_assert_true (g_str_has_prefix (aside, f->dir.db_path));
  g_assert_nonnull (strstr (aside, ".before-restore-"));
  name = raw_text (aside, "SELECT value FROM office_settings WHERE key = 'association_name'");
  g_assert_cmpstr (name, ==, "اسم بعد النسخة");
  g_assert_cmpint (g_stat (aside, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  f->store = sila_store_open (f->dir.db_path, 0, &error);
  g_assert_no_error (error);
  g_clear_pointer (&name, g_free);
  name = sila_store_get_setting (f->store, SILA_SETTING_ASSOCIATION_NAME, NULL);
  g_assert_cmpstr (name, ==, "جمعية النسخ");
  g_assert_true (sila_store_check_integrity (f->store, NULL));
  g_assert_cmpint (g_stat (f->dir.db_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  audit = sila_store_list_audit (f->store, f->admin, "database", NULL, 1, &error);
  g_assert_cmpstr (((SilaAuditEntry *)g_ptr_array_index (audit, 0))->action, ==, "restore");
  g_assert_nonnull (strstr (((SilaAuditEntry *)g_ptr_array_index (audit, 0))->after_json,
                            "before-restore"));

  /* No copy left lying about. */
  {
    g_autofree char *names = listing (f->dir.dir);

    g_assert_null (strstr (names, "restoring"));
    g_assert_null (strstr (names, "partial"));
  }
}

/* Each kind of bad backup: a clear message, and not a byte replaced. */
static void
check_refused_restore (Fixture    *f,
                       const char *backup,
                       int         code,
                       const char *words)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *names_before = NULL;
  g_autofree char *names_after = NULL;
  g_autofree char *aside = NULL;
  SilaBackupInfo *info;

  g_clear_object (&f->store);
  before = checksum (f->dir.db_path);
  names_before = listing (f->dir.dir);

  info = sila_store_restore (f->dir.db_path, backup, f->admin, &aside, &error);
  g_assert_null (info);
  g_assert_null (aside);
  g_assert_error (error, SILA_STORE_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, words));
  g_assert_nonnull (strstr (error->message, "Nothing was replaced"));

  after = checksum (f->dir.db_path);
  g_assert_cmpstr (before, ==, after);
  names_after = listing (f->dir.dir);
  g_assert_cmpstr (names_before, ==, names_after);

  g_clear_error (&error);
  f->store = sila_store_open (f->dir.db_path, 0, &error);
  g_assert_no_error (error);
}

static void
test_restore_damaged (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = sila_test_dir_file (&f->dir, "noise.db");
  guchar noise[16384];

  for (guint i = 0; i < sizeof noise; i++)
    noise[i] = (guchar)g_random_int ();
  g_assert_true (g_file_set_contents (path, (const char *)noise, sizeof noise, NULL));

  check_refused_restore (f, path, SILA_STORE_ERROR_NOT_DATABASE, "damaged or incomplete");
}

static void
test_restore_truncated (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *cut = sila_test_dir_file (&f->dir, "cut.db");
  gsize length;

  /* Enough pages that half a file is a real half. */
  for (int i = 0; i < 200; i++)
    {
      g_autofree char *id = g_strdup_printf ("b-%d with a longer summary to fill pages", i);

      g_assert_true (sila_store_record_access (f->store, f->admin, SILA_PERM_BENEFICIARY_VIEW,
                                               "view", "beneficiary", id, id, &error));
    }
  backup = take_backup (f);
  g_assert_true (g_file_get_contents (backup, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 16384);
  g_assert_true (g_file_set_contents (cut, contents, length / 2, NULL));

  check_refused_restore (f, cut, SILA_STORE_ERROR_NOT_DATABASE, "damaged or incomplete");

  /* A few bytes only. */
  g_assert_true (g_file_set_contents (cut, contents, 100, NULL));
  check_refused_restore (f, cut, SILA_STORE_ERROR_NOT_DATABASE, "damaged or incomplete");

  /* Empty. */
  g_assert_true (g_file_set_contents (cut, "", 0, NULL));
  check_refused_restore (f, cut, SILA_STORE_ERROR_NOT_DATABASE, "damaged or incomplete");
}

static void
test_restore_too_new (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *backup = take_backup (f);
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d",
                                          sila_store_get_latest_version () + 1);

  raw_exec (backup, sql);
  check_refused_restore (f, backup, SILA_STORE_ERROR_TOO_NEW, "newer version of Sila Desk");
}

static void
test_restore_foreign (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *other = sila_test_dir_file (&f->dir, "contacts.sqlite");

  raw_exec (other, "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('x')");
  check_refused_restore (f, other, SILA_STORE_ERROR_NOT_DATABASE, "not a Sila Desk backup");
}

/* Sila Desk's identity and data format, other tables (issue 13). */
static void
test_restore_foreign_schema (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *other = sila_test_dir_file (&f->dir, "look-alike.db");
  g_autofree char *sql = g_strdup_printf ("PRAGMA application_id = 1397312577;"
                                          "PRAGMA user_version = %d;"
                                          "CREATE TABLE addresses (name TEXT);",
                                          sila_store_get_latest_version ());

  raw_exec (other, sql);
  check_refused_restore (f, other, SILA_STORE_ERROR_NOT_DATABASE, "an extra table “addresses”");
}

/* A real backup with planted triggers: one would silence the audit trail,
 * the other give every account every role (issue 13). */
static void
test_restore_planted_trigger (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *backup = take_backup (f);

  raw_exec (backup, "CREATE TRIGGER quiet BEFORE INSERT ON audit_log "
                    "WHEN NEW.action = 'delete' BEGIN SELECT RAISE (IGNORE); END;"
                    "CREATE TRIGGER all_roles AFTER INSERT ON audit_log "
                    "BEGIN UPDATE staff SET roles = 31; END;");
  check_refused_restore (f, backup, SILA_STORE_ERROR_NOT_DATABASE, "an extra trigger “quiet”");
}

static void
test_restore_planted_view (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *backup = take_backup (f);

  raw_exec (backup, "CREATE VIEW hashes AS SELECT password_hash FROM staff");
  check_refused_restore (f, backup, SILA_STORE_ERROR_NOT_DATABASE, "an extra view “hashes”");
}

/* meta as an endless view: refused at once, never read (issue 13). */
static void
test_restore_meta_view (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *backup = take_backup (f);

  raw_exec (backup, "DROP TABLE meta;"
                    "CREATE VIEW meta (key, value) AS "
                    "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) "
                    "SELECT 'k' || i, 'v' FROM n;");
  check_refused_restore (f, backup, SILA_STORE_ERROR_NOT_DATABASE, "an extra view “meta”");

  /* The quick look before asking does not read it either. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_null (sila_backup_inspect (backup, &error));
    g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_NOT_DATABASE);
    g_assert_nonnull (strstr (error->message, "the table “meta” is missing"));
  }
}

/* A database without accounts belongs to the user who owns its file: nobody
 * else replaces it, signed in or not (issue 13). */
static void
test_restore_file_owner (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = take_backup (f);
  g_autofree char *theirs = sila_test_dir_file (&f->dir, "theirs.db");
  g_autoptr(SilaActor) owner = sila_actor_new_owner ();
  g_autoptr(SilaStore) store = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  SilaBackupInfo *info;

  store = sila_store_open (theirs, 0, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  if (chown (theirs, 65534, 65534) != 0)
    {
      g_test_skip ("needs root, to give the file to another user");
      return;
    }
  before = checksum (theirs);

  info = sila_store_restore (theirs, backup, owner, NULL, &error);
  g_assert_null (info);
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DENIED);
  g_assert_nonnull (strstr (error->message, "Only the user who owns"));
  after = checksum (theirs);
  g_assert_cmpstr (before, ==, after);
  g_clear_error (&error);

  /* Once it is this user's, it may be replaced. */
  g_assert_cmpint (chown (theirs, geteuid (), getegid ()), ==, 0);
  info = sila_store_restore (theirs, backup, owner, NULL, &error);
  g_assert_no_error (error);
  sila_backup_info_free (info);
}

static void
test_restore_missing_file (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *gone = sila_test_dir_file (&f->dir, "gone.db");
  g_autofree char *before = NULL;

  g_clear_object (&f->store);
  before = checksum (f->dir.db_path);
  g_assert_null (sila_store_restore (f->dir.db_path, gone, f->admin, NULL, &error));
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_CANNOT_OPEN);
  g_clear_error (&error);
  g_assert_null (sila_store_restore (f->dir.db_path, f->dir.dir, f->admin, NULL, &error));
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_CANNOT_OPEN);
  g_clear_error (&error);
  g_assert_null (sila_store_restore (f->dir.db_path, f->dir.db_path, f->admin, NULL, &error));
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  {
    g_autofree char *after = checksum (f->dir.db_path);

    g_assert_cmpstr (before, ==, after);
  }
}

/* Another window has the database open: nothing is replaced under it. */
static void
test_restore_while_open (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = take_backup (f);
  g_autofree char *names_before = NULL;
  g_autofree char *names_after = NULL;
  SilaBackupInfo *info;

  names_before = listing (f->dir.dir);
  info = sila_store_restore (f->dir.db_path, backup, f->admin, NULL, &error);
  g_assert_null (info);
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, "Nothing was replaced"));
  names_after = listing (f->dir.dir);
  g_assert_cmpstr (names_before, ==, names_after);
  g_clear_error (&error);

  /* The open window goes on working. */
  g_assert_true (sila_store_set_setting (f->store, f->admin, SILA_SETTING_ANSWER_WINDOW, "14", "20",
                                         &error));
  g_assert_no_error (error);
}

/* A damaged database can be replaced by whoever owns the file: nobody can
 * sign in to it. It is kept aside as it was. */
static void
test_restore_over_damaged (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = take_backup (f);
  g_autoptr(SilaActor) owner = sila_actor_new_owner ();
  g_autoptr(SilaBackupInfo) info = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *before = NULL;
  g_autofree char *kept = NULL;
  guchar noise[8192];

  g_clear_object (&f->store);
  for (guint i = 0; i < sizeof noise; i++)
    noise[i] = (guchar)g_random_int ();
  g_assert_true (g_file_set_contents (f->dir.db_path, (const char *)noise, sizeof noise, NULL));
  before = checksum (f->dir.db_path);

  info = sila_store_restore (f->dir.db_path, backup, owner, &aside, &error);
  g_assert_no_error (error);
  kept = checksum (aside);
  g_assert_cmpstr (before, ==, kept);

  f->store = sila_store_open (f->dir.db_path, 0, &error);
  g_assert_no_error (error);
}

/* With no database yet, restore puts the backup in place; an owner of a
 * healthy database with accounts is not anyone. */
static void
test_restore_permissions (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = take_backup (f);
  g_autoptr(SilaActor) owner = sila_actor_new_owner ();
  g_autofree char *fresh = sila_test_dir_file (&f->dir, "fresh.db");
  g_autofree char *aside = NULL;
  SilaBackupInfo *info;

  g_clear_object (&f->store);
  info = sila_store_restore (f->dir.db_path, backup, owner, NULL, &error);
  g_assert_null (info);
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DENIED);
  g_assert_nonnull (strstr (error->message, "sign in"));
  g_clear_error (&error);

  info = sila_store_restore (fresh, backup, owner, &aside, &error);
  g_assert_no_error (error);
  g_assert_null (aside);
  sila_backup_info_free (info);
  g_assert_cmpint (raw_int (fresh, "SELECT count(*) FROM staff"), ==, 1);

  f->store = sila_store_open (f->dir.db_path, 0, &error);
}

/* A backup made by an older version is brought up to date. */
static void
test_restore_older_version (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaStore) old = NULL;
  g_autofree char *old_path = sila_test_dir_file (&f->dir, "old.db");
  g_autoptr(SilaBackupInfo) info = NULL;

  old = sila_store_open_at_version (old_path, 1, &error);
  g_assert_no_error (error);
  g_clear_object (&old);
  raw_exec (old_path, "PRAGMA journal_mode = DELETE");

  g_clear_object (&f->store);
  info = sila_store_restore (f->dir.db_path, old_path, f->admin, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (info->version, ==, 1);
  g_assert_cmpint (raw_int (f->dir.db_path, "PRAGMA user_version"), ==,
                   sila_store_get_latest_version ());
  f->store = sila_store_open (f->dir.db_path, 0, &error);
}

static void
test_inspect (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = take_backup (f);
  g_autofree char *before = checksum (backup);
  g_autofree char *after = NULL;
  g_autoptr(SilaBackupInfo) info = NULL;
  g_autofree char *names = NULL;

  info = sila_backup_inspect (backup, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (info->association_name, ==, "جمعية النسخ");
  g_assert_cmpint (info->version, ==, sila_store_get_latest_version ());

  /* Looking changes nothing, and leaves no lock files beside it. */
  after = checksum (backup);
  g_assert_cmpstr (before, ==, after);
  names = listing (f->dir.dir);
  g_assert_null (strstr (names, "good.db-"));

  g_assert_null (sila_backup_inspect (f->dir.dir, &error));
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_CANNOT_OPEN);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  sila_i18n_init (SILA_LANGUAGE_ENGLISH);
  sila_store_set_cheap_hashes_for_testing (TRUE);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/sila/store/backup/take", test_backup);
  ADD ("/sila/store/backup/consistent", test_backup_is_consistent);
  ADD ("/sila/store/backup/async", test_backup_async);
  ADD ("/sila/store/backup/daily-and-pruning", test_daily_and_pruning);
  ADD ("/sila/store/backup/refusals", test_backup_refusals);
  ADD ("/sila/store/backup/from-read-only", test_backup_from_read_only);
  ADD ("/sila/store/restore/good", test_restore);
  ADD ("/sila/store/restore/damaged", test_restore_damaged);
  ADD ("/sila/store/restore/truncated", test_restore_truncated);
  ADD ("/sila/store/restore/too-new", test_restore_too_new);
  ADD ("/sila/store/restore/foreign", test_restore_foreign);
  ADD ("/sila/store/restore/foreign-schema", test_restore_foreign_schema);
  ADD ("/sila/store/restore/planted-trigger", test_restore_planted_trigger);
  ADD ("/sila/store/restore/planted-view", test_restore_planted_view);
  ADD ("/sila/store/restore/meta-view", test_restore_meta_view);
  ADD ("/sila/store/restore/file-owner", test_restore_file_owner);
  ADD ("/sila/store/restore/missing-file", test_restore_missing_file);
  ADD ("/sila/store/restore/while-open", test_restore_while_open);
  ADD ("/sila/store/restore/over-damaged", test_restore_over_damaged);
  ADD ("/sila/store/restore/permissions", test_restore_permissions);
  ADD ("/sila/store/restore/older-version", test_restore_older_version);
  ADD ("/sila/store/restore/inspect", test_inspect);

#undef ADD

  return g_test_run ();
}
