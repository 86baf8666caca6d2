/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Staff accounts in the store: the first administrator, adding, hostile
 * input, listing, roles, the last administrator, forged actors and the
 * owner. Signing in, passwords, the audit trail and durability are in
 * test-sign-in.c. */
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
test_first_admin (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *name = sila_store_get_setting (f->store, SILA_SETTING_ASSOCIATION_NAME, NULL);
  g_autofree char *hash = sila_test_text (f, "SELECT password_hash FROM staff "
                                             "WHERE username = 'sami'");
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (name, ==, "جمعية البر");
  g_assert_true (g_str_has_prefix (hash, "$argon2id$"));
  g_assert_null (strstr (hash, ADMIN_PASSWORD));
  g_assert_true (sila_actor_has_role (f->admin, SILA_ROLE_ADMIN));

  /* The name and the account were audited, by the owner of the new database. */
  audit = sila_store_list_audit (f->store, f->admin, NULL, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, ==, 3);
  {
    SilaAuditEntry *huda = g_ptr_array_index (audit, 0);
    SilaAuditEntry *sami = g_ptr_array_index (audit, 1);
    SilaAuditEntry *setting = g_ptr_array_index (audit, 2);

    g_assert_cmpstr (setting->entity, ==, "office_settings");
    g_assert_cmpstr (setting->actor_name, ==, "owner");
    g_assert_cmpstr (sami->action, ==, "create");
    g_assert_cmpstr (sami->entity, ==, "staff");
    g_assert_cmpstr (sami->actor_name, ==, "owner");
    g_assert_cmpstr (sami->after_json, ==,
                     "{\"username\":\"sami\",\"display_name\":\"سامي العتيبي\","
                     "\"roles\":\"admin\",\"active\":true}");
    g_assert_cmpstr (huda->actor_name, ==, "sami");
  }

  /* Once an account exists the owner is no one: a second setup is refused. */
  {
    g_autoptr(SilaStaff) again = sila_store_create_first_admin (f->store, "أخرى", "other",
                                                                "Other", "other passphrase",
                                                                &error);
    g_assert_null (again);
    g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DENIED);
  }
  g_assert_cmpint (sila_test_count (f, "SELECT count(*) FROM staff"), ==, 2);
}

static void
test_first_account_must_be_admin (void)
{
  g_autoptr(GError) error = NULL;
  SilaTestDir dir;
  g_autoptr(SilaStore) store = NULL;
  g_autoptr(SilaActor) owner = sila_actor_new_owner ();
  g_autoptr(SilaStaff) staff = NULL;
  gint64 n = -1;

  sila_test_dir_setup (&dir, NULL);
  store = sila_store_open (dir.db_path, 0, &error);

  staff = sila_store_add_staff (store, owner, "huda", "هدى", SILA_ROLE_OFFICER, OFFICER_PASSWORD,
                                FALSE, &error);
  g_assert_null (staff);
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "administrator"));
  g_assert_true (sila_store_count_staff (store, &n, NULL));
  g_assert_cmpint (n, ==, 0);
  g_clear_error (&error);

  staff = sila_store_add_staff (store, owner, "huda", "هدى", SILA_ROLE_OFFICER | SILA_ROLE_ADMIN,
                                OFFICER_PASSWORD, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (staff->roles, ==, SILA_ROLE_OFFICER | SILA_ROLE_ADMIN);

  g_clear_object (&store);
  sila_test_dir_teardown (&dir, NULL);
}

static void
test_add_refusals (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SilaStaff *staff;

  /* Taken, whatever the case. */
  staff = sila_store_add_staff (f->store, f->admin, "HUDA", "هدى أخرى", SILA_ROLE_OFFICER,
                                "different passphrase", FALSE, &error);
  g_assert_null (staff);
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "huda"));
  g_clear_error (&error);

  staff = sila_store_add_staff (f->store, f->admin, "salem", "سالم", SILA_ROLE_NONE,
                                "salem passphrase", FALSE, &error);
  g_assert_null (staff);
  g_assert_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_REQUIRED);
  g_clear_error (&error);

  staff = sila_store_add_staff (f->store, f->admin, "salem", "سالم", 1 << 9, "salem passphrase",
                                FALSE, &error);
  g_assert_null (staff);
  g_assert_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_REQUIRED);
  g_clear_error (&error);

  staff = sila_store_add_staff (f->store, f->admin, "salem", "سالم", SILA_ROLE_OFFICER, "salem123",
                                FALSE, &error);
  g_assert_null (staff);
  g_assert_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpint (sila_test_count (f, "SELECT count(*) FROM staff"), ==, 2);
  g_assert_cmpint (sila_test_count (f, "SELECT count(*) FROM audit_log WHERE entity = 'staff'"),
                   ==, 2);
}

/* Hostile text: stored verbatim where text is allowed, refused clearly
 * where not, never a crash, never a half-made account. */
static void
test_hostile_input (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *huge = g_strnfill (100000, 'x');
  g_autofree char *arabic_long = NULL;
  GString *s = g_string_new (NULL);
  static const char *bad_names[] = {
    "huda\xe2\x80\xae", "\x01\x02\x03", "a\nb", "\xff\xfe\xfd", "robert'); DROP TABLE staff;--",
    "", "\xe2\x81\xa6sami\xe2\x81\xa9",
  };
  static const char *bad_display[] = {
    "هدى\xe2\x80\xae", "x\x07y", "two\nlines", "\xc3\x28", "\xe2\x81\xa7",
  };
  SilaStaff *staff;

  for (int i = 0; i < 101; i++)
    g_string_append (s, "ب");
  arabic_long = g_string_free (s, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (bad_names); i++)
    {
      staff = sila_store_add_staff (f->store, f->admin, bad_names[i], "اسم", SILA_ROLE_OFFICER,
                                    "a fine passphrase", FALSE, &error);
      g_assert_null (staff);
      g_assert_nonnull (error);
      g_assert_true (error->domain == SILA_VALIDATION_ERROR);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_clear_error (&error);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad_display); i++)
    {
      staff = sila_store_add_staff (f->store, f->admin, "salem", bad_display[i], SILA_ROLE_OFFICER,
                                    "a fine passphrase", FALSE, &error);
      g_assert_null (staff);
      g_assert_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID);
      g_clear_error (&error);
    }

  staff = sila_store_add_staff (f->store, f->admin, huge, "x", SILA_ROLE_OFFICER,
                                "a fine passphrase", FALSE, &error);
  g_assert_null (staff);
  g_assert_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_TOO_LONG);
  g_clear_error (&error);
  staff = sila_store_add_staff (f->store, f->admin, "salem", arabic_long, SILA_ROLE_OFFICER,
                                "a fine passphrase", FALSE, &error);
  g_assert_null (staff);
  g_assert_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_TOO_LONG);
  g_clear_error (&error);
  staff = sila_store_add_staff (f->store, f->admin, "salem", "سالم", SILA_ROLE_OFFICER, huge,
                                FALSE, &error);
  g_assert_null (staff);
  g_assert_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_TOO_LONG);
  g_clear_error (&error);

  g_assert_cmpint (sila_test_count (f, "SELECT count(*) FROM staff"), ==, 2);

  /* SQL, quotes and Arabic in a display name and a password are text. */
  staff = sila_store_add_staff (f->store, f->admin, "salem", "'); DELETE FROM staff; -- سالم",
                                SILA_ROLE_OFFICER, "'; DROP TABLE audit_log; --", FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (staff->display_name, ==, "'); DELETE FROM staff; -- سالم");
  sila_staff_free (staff);

  staff = sila_store_authenticate (f->store, "salem", "'; DROP TABLE audit_log; --", &error);
  g_assert_no_error (error);
  sila_staff_free (staff);

  /* Hostile user names at sign-in: refused like a wrong password, and never
   * written to the audit trail as typed. */
  for (guint i = 0; i < G_N_ELEMENTS (bad_names); i++)
    {
      staff = sila_store_authenticate (f->store, bad_names[i], "whatever", &error);
      g_assert_null (staff);
      g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_BAD_LOGIN);
      g_clear_error (&error);
    }
  staff = sila_store_authenticate (f->store, huge, huge, &error);
  g_assert_null (staff);
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_BAD_LOGIN);
  g_clear_error (&error);
  staff = sila_store_authenticate (f->store, NULL, NULL, &error);
  g_assert_null (staff);
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_BAD_LOGIN);
  g_clear_error (&error);

  g_assert_cmpint (sila_test_count (f, "SELECT count(*) FROM audit_log "
                                       "WHERE action = 'login_failed' "
                                       "AND actor_name = '(unknown)' AND summary IS NULL"),
                   ==, G_N_ELEMENTS (bad_names) + 2);
  g_assert_cmpint (sila_test_count (f, "SELECT count(*) FROM staff"), ==, 3);
  g_assert_true (sila_store_check_integrity (f->store, NULL));
}

static void
test_list_and_find (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaActor) officer = sila_staff_to_actor (f->officer);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(SilaStaff) found = NULL;

  list = sila_store_list_staff (f->store, officer, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (((SilaStaff *)g_ptr_array_index (list, 0))->username, ==, "huda");
  g_assert_cmpstr (((SilaStaff *)g_ptr_array_index (list, 1))->username, ==, "sami");

  found = sila_store_find_staff (f->store, officer, " SAMI ", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found->display_name, ==, "سامي العتيبي");
  g_assert_cmpint (found->roles, ==, SILA_ROLE_ADMIN);
  g_assert_true (found->active);
  g_clear_pointer (&found, sila_staff_free);

  found = sila_store_find_staff (f->store, officer, "nobody", &error);
  g_assert_null (found);
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  found = sila_store_find_staff (f->store, officer, "\xff", &error);
  g_assert_null (found);
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Deactivated accounts are listed only when asked for. */
  g_assert_true (sila_store_set_staff_active (f->store, f->admin, f->officer->id, FALSE, &error));
  g_clear_pointer (&list, g_ptr_array_unref);
  list = sila_store_list_staff (f->store, f->admin, FALSE, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = sila_store_list_staff (f->store, f->admin, TRUE, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_false (((SilaStaff *)g_ptr_array_index (list, 1))->active);
}

static void
test_update_roles (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaActor) officer = sila_staff_to_actor (f->officer);
  g_autoptr(SilaStaff) after = NULL;
  g_autoptr(GPtrArray) audit = NULL;

  /* Her open session still says officer: the store reads the roles anew. */
  g_assert_false (sila_store_require (f->store, officer, SILA_PERM_REPORT_VIEW, NULL));
  g_assert_true (sila_store_update_staff (f->store, f->admin, f->officer->id, f->officer->rev,
                                          "هدى سالم", SILA_ROLE_OFFICER | SILA_ROLE_MANAGER,
                                          &error));
  g_assert_no_error (error);
  g_assert_true (sila_store_require (f->store, officer, SILA_PERM_REPORT_VIEW, NULL));

  after = sila_store_find_staff (f->store, f->admin, "huda", &error);
  g_assert_cmpstr (after->display_name, ==, "هدى سالم");
  g_assert_cmpint (after->rev, ==, f->officer->rev + 1);

  /* A screen that showed the old revision does not overwrite the change. */
  g_assert_false (sila_store_update_staff (f->store, f->admin, f->officer->id, f->officer->rev,
                                           "هدى", SILA_ROLE_OFFICER, &error));
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  audit = sila_store_list_audit (f->store, f->admin, "staff", f->officer->id, 1, &error);
  {
    SilaAuditEntry *e = g_ptr_array_index (audit, 0);

    g_assert_cmpstr (e->action, ==, "update");
    g_assert_cmpstr (e->before_json, ==,
                     "{\"username\":\"huda\",\"display_name\":\"هدى\",\"roles\":\"officer\","
                     "\"active\":true}");
    g_assert_cmpstr (e->after_json, ==,
                     "{\"username\":\"huda\",\"display_name\":\"هدى سالم\","
                     "\"roles\":\"officer,manager\",\"active\":true}");
  }

  /* No change, no audit entry. */
  g_assert_true (sila_store_update_staff (f->store, f->admin, f->officer->id, 0, "هدى سالم",
                                          SILA_ROLE_OFFICER | SILA_ROLE_MANAGER, &error));
  g_assert_cmpint (sila_test_count (f, "SELECT count(*) FROM audit_log WHERE action = 'update' "
                                       "AND entity = 'staff'"), ==, 1);

  g_assert_false (sila_store_update_staff (f->store, f->admin, "no-such-id", 0, "x",
                                           SILA_ROLE_OFFICER, &error));
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_NOT_FOUND);
}

static void
test_last_admin (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaStaff) second = NULL;
  g_autoptr(SilaActor) second_actor = NULL;

  /* The only administrator cannot give up the role, nor be deactivated. */
  g_assert_false (sila_store_update_staff (f->store, f->admin, f->admin->id, 0, "سامي",
                                           SILA_ROLE_MANAGER, &error));
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DENIED);
  g_assert_nonnull (strstr (error->message, "last active administrator"));
  g_clear_error (&error);

  g_assert_false (sila_store_set_staff_active (f->store, f->admin, f->admin->id, FALSE, &error));
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DENIED);
  g_assert_nonnull (strstr (error->message, "your own account"));
  g_clear_error (&error);

  second = sila_store_add_staff (f->store, f->admin, "noura", "نورة", SILA_ROLE_ADMIN,
                                 "a fine passphrase", FALSE, &error);
  second_actor = sila_staff_to_actor (second);
  g_assert_no_error (error);

  /* With a second one, each may step down. */
  g_assert_true (sila_store_update_staff (f->store, f->admin, f->admin->id, 0, "سامي",
                                          SILA_ROLE_MANAGER | SILA_ROLE_ADMIN, &error));
  g_assert_true (sila_store_set_staff_active (f->store, second_actor, f->admin->id, FALSE, &error));
  g_assert_no_error (error);

  /* Now noura is the last. */
  g_assert_false (sila_store_update_staff (f->store, second_actor, second->id, 0, "نورة",
                                           SILA_ROLE_OFFICER, &error));
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DENIED);
  g_clear_error (&error);

  /* The deactivated administrator can no longer act, even holding an actor. */
  g_assert_false (sila_store_require (f->store, f->admin, SILA_PERM_STAFF_MANAGE, &error));
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DENIED);
  g_assert_nonnull (strstr (error->message, "deactivated"));
  g_clear_error (&error);

  /* Reactivated, she can. */
  g_assert_true (sila_store_set_staff_active (f->store, second_actor, f->admin->id, TRUE, &error));
  g_assert_true (sila_store_require (f->store, f->admin, SILA_PERM_STAFF_MANAGE, &error));
  g_assert_cmpint (sila_test_count (f, "SELECT count(*) FROM audit_log "
                                       "WHERE action = 'deactivate'"), ==, 1);
  g_assert_cmpint (sila_test_count (f, "SELECT count(*) FROM audit_log WHERE action = 'activate'"),
                   ==, 1);
}

static void
test_forged_actors (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaActor) ghost = sila_actor_new ("no-such-id", "ghost", "Ghost", SILA_ROLE_ALL);
  g_autoptr(SilaActor) owner = sila_actor_new_owner ();
  g_autoptr(SilaActor) pretend = sila_actor_new (f->officer->id, "huda", "هدى", SILA_ROLE_ALL);

  g_assert_false (sila_store_require (f->store, ghost, SILA_PERM_SETTINGS_VIEW, &error));
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DENIED);
  g_clear_error (&error);

  g_assert_false (sila_store_require (f->store, owner, SILA_PERM_SETTINGS_VIEW, &error));
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DENIED);
  g_assert_nonnull (strstr (error->message, "sign in"));
  g_clear_error (&error);

  g_assert_false (sila_store_require (f->store, NULL, SILA_PERM_SETTINGS_VIEW, &error));
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DENIED);
  g_clear_error (&error);

  /* Roles the database does not give are not held, whatever the actor says. */
  g_assert_false (sila_store_require (f->store, pretend, SILA_PERM_STAFF_MANAGE, &error));
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DENIED);
}

/* The owner of a database that has no account yet holds every role; the
 * moment the first account exists, they hold none. */
static void
test_owner (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaActor) owner = sila_actor_new_owner ();
  g_autoptr(SilaStore) store = NULL;
  g_autoptr(SilaStaff) admin = NULL;
  SilaTestDir dir;

  sila_test_dir_setup (&dir, NULL);
  store = sila_store_open (dir.db_path, 0, &error);
  for (SilaPermission p = 0; p < SILA_N_PERMS; p++)
    g_assert_true (sila_store_require (store, owner, p, NULL));

  admin = sila_store_add_staff (store, owner, "sami", "سامي", SILA_ROLE_ADMIN, ADMIN_PASSWORD,
                                FALSE, &error);
  g_assert_no_error (error);
  for (SilaPermission p = 0; p < SILA_N_PERMS; p++)
    g_assert_false (sila_store_require (store, owner, p, NULL));

  g_clear_object (&store);
  sila_test_dir_teardown (&dir, NULL);
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

  ADD ("/sila/store/accounts/first-admin", test_first_admin);
  g_test_add_func ("/sila/store/accounts/first-must-be-admin", test_first_account_must_be_admin);
  g_test_add_func ("/sila/store/accounts/owner", test_owner);
  ADD ("/sila/store/accounts/add-refusals", test_add_refusals);
  ADD ("/sila/store/accounts/hostile-input", test_hostile_input);
  ADD ("/sila/store/accounts/list-and-find", test_list_and_find);
  ADD ("/sila/store/accounts/update-roles", test_update_roles);
  ADD ("/sila/store/accounts/last-admin", test_last_admin);
  ADD ("/sila/store/accounts/forged-actors", test_forged_actors);

#undef ADD

  return g_test_run ();
}
