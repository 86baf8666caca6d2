/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Staff accounts signing in: authentication and lockout, passwords and
 * rehashing, signing out, what the audit trail records (never a password),
 * and what a full disk and a read-only file do. */
#include "sila-config.h"

#include "sila-account.h"
#include "sila-audit.h"
#include "sila-clock.h"
#include "sila-i18n.h"
#include "sila-store-private.h"
#include "sila-test-accounts.h"
#include "sila-validation.h"

typedef SilaAccountsFixture Fixture;


static void
test_authenticate (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaStaff) staff = NULL;
  g_autoptr(GPtrArray) audit = NULL;

  staff = sila_store_authenticate (f->store, "Huda", OFFICER_PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (staff->username, ==, "huda");
  g_assert_nonnull (staff->last_login_at);
  g_assert_false (staff->must_change_password);
  g_clear_pointer (&staff, sila_staff_free);

  staff = sila_store_authenticate (f->store, "huda", "officer passphrase ", &error);
  g_assert_null (staff);
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_BAD_LOGIN);
  g_assert_cmpstr (error->message, ==, "The user name or the password is wrong.");
  g_clear_error (&error);

  /* An unknown name gets the very same message. */
  staff = sila_store_authenticate (f->store, "nobody", OFFICER_PASSWORD, &error);
  g_assert_null (staff);
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_BAD_LOGIN);
  g_assert_cmpstr (error->message, ==, "The user name or the password is wrong.");
  g_clear_error (&error);

  audit = sila_store_list_audit (f->store, f->admin, "staff", NULL, 3, &error);
  {
    SilaAuditEntry *unknown = g_ptr_array_index (audit, 0);
    SilaAuditEntry *wrong = g_ptr_array_index (audit, 1);
    SilaAuditEntry *login = g_ptr_array_index (audit, 2);

    g_assert_cmpstr (unknown->action, ==, "login_failed");
    g_assert_cmpstr (unknown->actor_name, ==, "(unknown)");
    g_assert_null (unknown->entity_id);
    g_assert_cmpstr (wrong->action, ==, "login_failed");
    g_assert_cmpstr (wrong->actor_name, ==, "huda");
    g_assert_cmpstr (wrong->summary, ==, "wrong_password");
    g_assert_cmpstr (login->action, ==, "login");
    g_assert_cmpstr (login->entity_id, ==, f->officer->id);
  }

  /* Whatever was typed, the trail never holds it. */
  g_assert_cmpint (sila_test_count (f, "SELECT count(*) FROM audit_log WHERE "
                                       "coalesce (summary, '') || coalesce (before_json, '') || "
                                       "coalesce (after_json, '') LIKE '%passphrase%' "
                                       "OR actor_name = 'nobody' OR coalesce (after_json, '') "
                                       "LIKE '%argon%'"),
                   ==, 0);

  /* Arabic-Indic digits in a password are the same digits. */
  {
    g_autoptr(SilaStaff) digits = sila_store_add_staff (f->store, f->admin, "salem", "سالم",
                                                        SILA_ROLE_OFFICER, "door-2026-pass",
                                                        FALSE, &error);
    g_assert_no_error (error);
    staff = sila_store_authenticate (f->store, "salem", "door-٢٠٢٦-pass", &error);
    g_assert_no_error (error);
  }
}

static void
test_lockout (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) t0 = g_date_time_new (utc, 2026, 3, 1, 9, 0, 0);
  SilaStaff *staff;

  sila_clock_set_fixed (t0);

  for (int i = 1; i < SILA_LOGIN_MAX_FAILURES; i++)
    {
      staff = sila_store_authenticate (f->store, "huda", "wrong guess", &error);
      g_assert_null (staff);
      g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_BAD_LOGIN);
      g_clear_error (&error);
    }

  staff = sila_store_authenticate (f->store, "huda", "wrong guess", &error);
  g_assert_null (staff);
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, "5 minutes"));
  g_clear_error (&error);

  /* Even the right password waits out the lock. */
  {
    g_autoptr(GDateTime) t1 = g_date_time_add_seconds (t0, 100);

    sila_clock_set_fixed (t1);
    staff = sila_store_authenticate (f->store, "huda", OFFICER_PASSWORD, &error);
    g_assert_null (staff);
    g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_LOCKED);
    g_assert_nonnull (strstr (error->message, "in 4 minutes"));
    g_clear_error (&error);
  }

  /* Others are not locked by it. */
  staff = sila_store_authenticate (f->store, "sami", ADMIN_PASSWORD, &error);
  g_assert_no_error (error);
  sila_staff_free (staff);

  {
    g_autoptr(GDateTime) t2 = g_date_time_add_seconds (t0, SILA_LOGIN_LOCKOUT_SECONDS + 1);

    sila_clock_set_fixed (t2);
    staff = sila_store_authenticate (f->store, "huda", OFFICER_PASSWORD, &error);
    g_assert_no_error (error);
    sila_staff_free (staff);
  }

  /* The count starts again after a good sign-in. */
  g_assert_cmpint (sila_test_count (f, "SELECT failed_logins FROM staff WHERE username = 'huda'"),
                   ==, 0);
  g_assert_cmpint (sila_test_count (f, "SELECT count(*) FROM audit_log "
                                       "WHERE action = 'login_failed' "
                                       "AND actor_name = 'huda'"), ==, SILA_LOGIN_MAX_FAILURES + 1);

  /* An administrator's reset lifts a lock at once. */
  for (int i = 0; i < SILA_LOGIN_MAX_FAILURES; i++)
    g_free (sila_store_authenticate (f->store, "huda", "wrong guess", NULL));
  g_assert_true (sila_store_reset_staff_password (f->store, f->admin, f->officer->id,
                                                  "temporary passphrase", &error));
  staff = sila_store_authenticate (f->store, "huda", "temporary passphrase", &error);
  g_assert_no_error (error);
  g_assert_true (staff->must_change_password);
  sila_staff_free (staff);
}

static void
test_deactivated_cannot_sign_in (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SilaStaff *staff;

  g_assert_true (sila_store_set_staff_active (f->store, f->admin, f->officer->id, FALSE, &error));

  /* A wrong password learns nothing about the account. */
  staff = sila_store_authenticate (f->store, "huda", "wrong guess", &error);
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_BAD_LOGIN);
  g_clear_error (&error);

  staff = sila_store_authenticate (f->store, "huda", OFFICER_PASSWORD, &error);
  g_assert_null (staff);
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DENIED);
  g_assert_nonnull (strstr (error->message, "deactivated"));
}

static void
test_passwords (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaActor) officer = sila_staff_to_actor (f->officer);
  g_autoptr(SilaActor) owner = sila_actor_new_owner ();
  g_autofree char *hash_before = sila_test_text (f, "SELECT password_hash FROM staff WHERE "
                                                    "username='huda'");
  g_autofree char *hash_after = NULL;
  SilaStaff *staff;

  g_assert_false (sila_store_change_own_password (f->store, officer, "not it", "my new passphrase",
                                                  &error));
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_BAD_LOGIN);
  g_clear_error (&error);

  g_assert_false (sila_store_change_own_password (f->store, officer, OFFICER_PASSWORD, "short",
                                                  &error));
  g_assert_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (sila_store_change_own_password (f->store, officer, OFFICER_PASSWORD,
                                                  OFFICER_PASSWORD, &error));
  g_assert_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (sila_store_change_own_password (f->store, owner, "", "whatever passphrase",
                                                  &error));
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DENIED);
  g_clear_error (&error);

  hash_after = sila_test_text (f, "SELECT password_hash FROM staff WHERE username='huda'");
  g_assert_cmpstr (hash_before, ==, hash_after);
  g_clear_pointer (&hash_after, g_free);

  g_assert_true (sila_store_change_own_password (f->store, officer, OFFICER_PASSWORD,
                                                 "my new passphrase", &error));
  g_assert_no_error (error);
  hash_after = sila_test_text (f, "SELECT password_hash FROM staff WHERE username='huda'");
  g_assert_cmpstr (hash_before, !=, hash_after);

  staff = sila_store_authenticate (f->store, "huda", OFFICER_PASSWORD, &error);
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_BAD_LOGIN);
  g_clear_error (&error);
  staff = sila_store_authenticate (f->store, "huda", "my new passphrase", &error);
  g_assert_no_error (error);
  sila_staff_free (staff);

  /* An administrator's reset: she must choose her own before anything else. */
  g_assert_true (sila_store_reset_staff_password (f->store, f->admin, f->officer->id,
                                                  "given by sami", &error));
  staff = sila_store_authenticate (f->store, "huda", "given by sami", &error);
  g_assert_no_error (error);
  g_assert_true (staff->must_change_password);
  sila_staff_free (staff);

  g_assert_false (sila_store_require (f->store, officer, SILA_PERM_BENEFICIARY_VIEW, &error));
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_PASSWORD_EXPIRED);
  g_clear_error (&error);

  g_assert_true (sila_store_change_own_password (f->store, officer, "given by sami",
                                                 "her own passphrase", &error));
  g_assert_true (sila_store_require (f->store, officer, SILA_PERM_BENEFICIARY_VIEW, &error));
  g_assert_no_error (error);

  /* The trail says who changed what, never the password. */
  g_assert_cmpint (sila_test_count (f, "SELECT count(*) FROM audit_log "
                                       "WHERE action = 'password_change' "
                                       "AND actor_name = 'huda' AND before_json IS NULL "
                                       "AND after_json IS NULL"), ==, 2);
  g_assert_cmpint (sila_test_count (f, "SELECT count(*) FROM audit_log "
                                       "WHERE action = 'password_reset' "
                                       "AND actor_name = 'sami' AND summary = 'huda'"), ==, 1);
  g_assert_cmpint (sila_test_count (f, "SELECT count(*) FROM audit_log WHERE "
                                       "coalesce (summary, '') || coalesce (after_json, '') "
                                       "LIKE '%passphrase%'"), ==, 0);
}

/* A hash made with a cheaper cost than the current one is remade at the
 * next sign-in, when the password is at hand. */
static void
test_rehash (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = sila_test_text (f, "SELECT password_hash FROM staff WHERE username "
                                               "= 'huda'");
  g_autofree char *after = NULL;
  g_autofree char *again = NULL;
  SilaStaff *staff;

  g_assert_nonnull (strstr (before, "$m=8,"));

  sila_store_set_cheap_hashes_for_testing (FALSE);
  staff = sila_store_authenticate (f->store, "huda", OFFICER_PASSWORD, &error);
  g_assert_no_error (error);
  sila_staff_free (staff);

  after = sila_test_text (f, "SELECT password_hash FROM staff WHERE username = 'huda'");
  g_assert_cmpstr (before, !=, after);
  g_assert_nonnull (strstr (after, "$m=65536,"));

  /* Still her password, and a wrong one does not remake anything. */
  staff = sila_store_authenticate (f->store, "huda", OFFICER_PASSWORD, &error);
  g_assert_no_error (error);
  sila_staff_free (staff);
  g_assert_null (sila_store_authenticate (f->store, "huda", "wrong guess", NULL));
  again = sila_test_text (f, "SELECT password_hash FROM staff WHERE username = 'huda'");
  g_assert_cmpstr (again, ==, after);
  sila_store_set_cheap_hashes_for_testing (TRUE);
}

static void
test_sign_out_and_access (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaActor) officer = sila_staff_to_actor (f->officer);
  g_autoptr(GPtrArray) audit = NULL;

  g_assert_true (sila_store_record_access (f->store, officer, SILA_PERM_BENEFICIARY_VIEW, "view",
                                           "beneficiary", "b-42", "file 42", &error));
  g_assert_false (sila_store_record_access (f->store, officer, SILA_PERM_BENEFICIARY_EXPORT,
                                            "export", "beneficiary", "b-42", NULL, &error));
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_true (sila_store_sign_out (f->store, officer, &error));

  audit = sila_store_list_audit (f->store, f->admin, NULL, NULL, 2, &error);
  g_assert_cmpstr (((SilaAuditEntry *)g_ptr_array_index (audit, 0))->action, ==, "logout");
  g_assert_cmpstr (((SilaAuditEntry *)g_ptr_array_index (audit, 1))->action, ==, "view");
  g_assert_cmpstr (((SilaAuditEntry *)g_ptr_array_index (audit, 1))->entity_id, ==, "b-42");
}

static void
test_audit_query (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaActor) officer = sila_staff_to_actor (f->officer);
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) day1 = g_date_time_new (utc, 2026, 3, 1, 9, 0, 0);
  g_autoptr(GDateTime) day2 = g_date_time_new (utc, 2026, 3, 2, 9, 0, 0);
  GPtrArray *page;
  g_auto(GStrv) actors = NULL;

  sila_clock_set_fixed (day1);
  g_assert_true (sila_store_record_access (f->store, officer, SILA_PERM_BENEFICIARY_VIEW, "view",
                                           "beneficiary", "b-1", "ملف فاطمة", &error));
  sila_clock_set_fixed (day2);
  for (int i = 0; i < 5; i++)
    {
      g_autofree char *id = g_strdup_printf ("b-%d", 10 + i);

      g_assert_true (sila_store_record_access (f->store, officer, SILA_PERM_BENEFICIARY_VIEW,
                                               "view", "beneficiary", id, "Huda's Query",
                                               &error));
    }

  {
    SilaAuditFilter by_who = { .actor_name = "huda" };

    page = sila_store_query_audit (f->store, f->admin, &by_who, 0, 0, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (page->len, ==, 6);
    g_ptr_array_unref (page);
  }

  {
    SilaAuditFilter text_filter = { .text = "فاطمة" };

    page = sila_store_query_audit (f->store, f->admin, &text_filter, 0, 0, &error);
    g_assert_cmpuint (page->len, ==, 1);
    g_assert_cmpstr (((SilaAuditEntry *)g_ptr_array_index (page, 0))->entity_id, ==, "b-1");
    g_ptr_array_unref (page);
  }

  {
    SilaAuditFilter latin = { .text = "HUDA'S query", .entity = "beneficiary" };

    page = sila_store_query_audit (f->store, f->admin, &latin, 0, 0, &error);
    g_assert_cmpuint (page->len, ==, 5);
    g_ptr_array_unref (page);
  }

  {
    SilaAuditFilter range = { .since = "2026-03-01T00:00:00.000Z",
                              .until = "2026-03-02T00:00:00.000Z" };

    page = sila_store_query_audit (f->store, f->admin, &range, 0, 0, &error);
    g_assert_cmpuint (page->len, ==, 1);
    g_ptr_array_unref (page);
  }

  /* Newest first, page by page. */
  {
    SilaAuditFilter views = { .action = "view" };
    gint64 last;

    page = sila_store_query_audit (f->store, f->admin, &views, 0, 4, &error);
    g_assert_cmpuint (page->len, ==, 4);
    g_assert_cmpstr (((SilaAuditEntry *)g_ptr_array_index (page, 0))->entity_id, ==, "b-14");
    last = ((SilaAuditEntry *)g_ptr_array_index (page, 3))->seq;
    g_ptr_array_unref (page);
    page = sila_store_query_audit (f->store, f->admin, &views, last, 4, &error);
    g_assert_cmpuint (page->len, ==, 2);
    g_assert_cmpstr (((SilaAuditEntry *)g_ptr_array_index (page, 1))->entity_id, ==, "b-1");
    g_ptr_array_unref (page);
  }

  /* SQL in a filter is only text. */
  {
    SilaAuditFilter hostile = { .text = "' OR 1=1 --", .actor_name = "x' OR '1'='1" };

    page = sila_store_query_audit (f->store, f->admin, &hostile, 0, 0, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (page->len, ==, 0);
    g_ptr_array_unref (page);
  }

  actors = sila_store_list_audit_values (f->store, f->admin, "actor", &error);
  g_assert_no_error (error);
  g_assert_true (g_strv_contains ((const char * const *)actors, "huda"));
  g_assert_true (g_strv_contains ((const char * const *)actors, "owner"));
  g_assert_true (g_strv_contains ((const char * const *)actors, "sami"));
}

/* A full disk: a clear message, and nothing half-written. */
static void
test_disk_full (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 pages = sila_test_count (f, "PRAGMA page_count");
  int added = 0;

  sila_store_set_max_pages_for_testing (f->store, pages + 2);

  for (int i = 0; i < 1000; i++)
    {
      g_autofree char *name = g_strdup_printf ("staff%03d", i);
      g_autofree char *display = g_strnfill (90, 'x');
      SilaStaff *staff;

      staff = sila_store_add_staff (f->store, f->admin, name, display, SILA_ROLE_OFFICER,
                                    "a fine passphrase", FALSE, &error);
      if (staff == NULL)
        break;
      sila_staff_free (staff);
      added++;
    }

  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DISK_FULL);
  g_assert_nonnull (strstr (error->message, "disk is full"));
  g_assert_cmpint (added, >, 0);
  g_assert_cmpint (added, <, 1000);
  g_clear_error (&error);

  /* Every account that exists has its audit entry, and no other does. */
  g_assert_cmpint (sila_test_count (f, "SELECT count(*) FROM staff"), ==, 2 + added);
  g_assert_cmpint (sila_test_count (f, "SELECT count(*) FROM audit_log WHERE action = 'create' "
                                       "AND entity = 'staff'"), ==, 2 + added);
  g_assert_true (sila_store_check_integrity (f->store, NULL));

  /* A failed sign-in on a full disk still refuses, it just cannot count. */
  g_assert_null (sila_store_authenticate (f->store, "huda", "wrong guess", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* Space again: work goes on. */
  sila_store_set_max_pages_for_testing (f->store, 1000000);
  g_free (sila_store_add_staff (f->store, f->admin, "after", "بعد", SILA_ROLE_OFFICER,
                                "a fine passphrase", FALSE, &error));
  g_assert_no_error (error);
}

static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaStore) ro = NULL;
  g_autoptr(SilaStaff) staff = NULL;
  gint64 audit_before = sila_test_count (f, "SELECT count(*) FROM audit_log");

  g_clear_object (&f->store);
  ro = sila_store_open (f->dir.db_path, SILA_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);

  staff = sila_store_add_staff (ro, f->admin, "salem", "سالم", SILA_ROLE_OFFICER,
                                "a fine passphrase", FALSE, &error);
  g_assert_null (staff);
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "read-only"));
  g_clear_error (&error);

  g_assert_false (sila_store_set_staff_active (ro, f->admin, f->officer->id, FALSE, &error));
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  /* No sign-in where a wrong password could not be counted: the right
   * password and any number of wrong ones are refused alike, and nothing
   * tells them apart. */
  staff = sila_store_authenticate (ro, "huda", OFFICER_PASSWORD, &error);
  g_assert_null (staff);
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "signing in to it is refused"));
  g_clear_error (&error);
  for (int i = 0; i < SILA_LOGIN_MAX_FAILURES + 2; i++)
    {
      staff = sila_store_authenticate (ro, "huda", "wrong guess", &error);
      g_assert_null (staff);
      g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_READ_ONLY);
      g_clear_error (&error);
    }

  g_clear_object (&ro);
  f->store = sila_store_open (f->dir.db_path, 0, &error);
  g_assert_cmpint (sila_test_count (f, "SELECT count(*) FROM audit_log"), ==, audit_before);
  g_assert_cmpint (sila_test_count (f, "SELECT count(*) FROM staff"), ==, 2);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  sila_i18n_init (SILA_LANGUAGE_ENGLISH);
  sila_store_set_cheap_hashes_for_testing (TRUE);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, sila_accounts_fixture_setup, func, \
              sila_accounts_fixture_teardown)

  ADD ("/sila/store/accounts/authenticate", test_authenticate);
  ADD ("/sila/store/accounts/lockout", test_lockout);
  ADD ("/sila/store/accounts/deactivated", test_deactivated_cannot_sign_in);
  ADD ("/sila/store/accounts/passwords", test_passwords);
  ADD ("/sila/store/accounts/rehash", test_rehash);
  ADD ("/sila/store/accounts/sign-out-and-access", test_sign_out_and_access);
  ADD ("/sila/store/audit/query", test_audit_query);
  /* A full disk is made with SQLite's max_page_count. */
  if (!sila_test_on_server ())
    ADD ("/sila/store/durability/disk-full", test_disk_full);
  ADD ("/sila/store/durability/read-only", test_read_only);

#undef ADD

  return g_test_run ();
}
