/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Staff accounts: adding, listing, roles, deactivation, passwords and
 * signing in. Passwords are kept only as Argon2id hashes (libsodium's
 * crypto_pwhash_str); they never reach the audit trail, a log or an error
 * message. Every change is audited in its own transaction. */
#define G_LOG_DOMAIN "sila-store"

#include "sila-config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <sodium.h>
#include <string.h>

#include "sila-account.h"
#include "sila-audit.h"
#include "sila-clock.h"
#include "sila-store-private.h"
#include "sila-store-staff.h"
#include "sila-validation.h"

#define STAFF_COLUMNS \
  "id, username, display_name, roles, active, must_change_password, rev, created_at, " \
  "last_login_at, locked_until"

/* A password in memory: wiped before it is freed. */
typedef char SilaSecret;

static void
sila_secret_free (SilaSecret *secret)
{
  if (secret == NULL)
    return;

  sodium_memzero (secret, strlen (secret));
  g_free (secret);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SilaSecret, sila_secret_free)

/* libsodium's "interactive" cost: 64 MiB and about a fifth of a second
 * here, which makes each guess as dear for an attacker who copied the
 * database as it is for the person signing in. */
static unsigned long long hash_ops = crypto_pwhash_OPSLIMIT_INTERACTIVE;
static size_t hash_mem = crypto_pwhash_MEMLIMIT_INTERACTIVE;

void
sila_store_set_cheap_hashes_for_testing (gboolean cheap)
{
  hash_ops = cheap ? crypto_pwhash_OPSLIMIT_MIN : crypto_pwhash_OPSLIMIT_INTERACTIVE;
  hash_mem = cheap ? crypto_pwhash_MEMLIMIT_MIN : crypto_pwhash_MEMLIMIT_INTERACTIVE;
}

static gboolean
ensure_sodium (GError **error)
{
  static gsize initialized = 0;
  static gboolean ok;

  if (g_once_init_enter (&initialized))
    {
      ok = sodium_init () >= 0;
      g_once_init_leave (&initialized, 1);
    }

  if (!ok)
    g_set_error_literal (error, SILA_STORE_ERROR, SILA_STORE_ERROR_FAILED,
                         _("The password library could not start, so passwords cannot be "
                           "checked on this computer."));
  return ok;
}

static char *
hash_password (const char  *prepared,
               GError     **error)
{
  char hash[crypto_pwhash_STRBYTES];

  if (!ensure_sodium (error))
    return NULL;

  if (crypto_pwhash_str (hash, prepared, strlen (prepared), hash_ops, hash_mem) != 0)
    {
      g_set_error_literal (error, SILA_STORE_ERROR, SILA_STORE_ERROR_FAILED,
                           _("There was not enough memory to protect the password. Close "
                             "other programs and try again."));
      return NULL;
    }

  return g_strdup (hash);
}

static gboolean
verify_password (const char *hash,
                 const char *prepared)
{
  if (hash == NULL || prepared == NULL || !ensure_sodium (NULL))
    return FALSE;

  return crypto_pwhash_str_verify (hash, prepared, strlen (prepared)) == 0;
}

/* Checking a password for a name that has no account takes as long as for
 * one that has, so that timing does not tell which names exist. */
static void
verify_against_nothing (const char *prepared)
{
  static char *dummy;

  if (dummy == NULL)
    {
      g_autofree char *random = g_uuid_string_random ();

      dummy = hash_password (random, NULL);
    }
  verify_password (dummy, prepared != NULL ? prepared : "");
}

void
sila_staff_free (SilaStaff *staff)
{
  if (staff == NULL)
    return;

  g_free (staff->id);
  g_free (staff->username);
  g_free (staff->display_name);
  g_free (staff->created_at);
  g_free (staff->last_login_at);
  g_free (staff->locked_until);
  g_free (staff);
}

SilaActor *
sila_staff_to_actor (const SilaStaff *staff)
{
  g_return_val_if_fail (staff != NULL, NULL);

  return sila_actor_new (staff->id, staff->username, staff->display_name, staff->roles);
}

static SilaStaff *
staff_from_row (SilaStatement *stmt)
{
  SilaStaff *staff = g_new0 (SilaStaff, 1);

  staff->id = sila_column_dup (stmt, 0);
  staff->username = sila_column_dup (stmt, 1);
  staff->display_name = sila_column_dup (stmt, 2);
  staff->roles = (SilaRole)sqlite3_column_int (stmt, 3);
  staff->active = sqlite3_column_int (stmt, 4) != 0;
  staff->must_change_password = sqlite3_column_int (stmt, 5) != 0;
  staff->rev = sqlite3_column_int64 (stmt, 6);
  staff->created_at = sila_column_dup (stmt, 7);
  staff->last_login_at = sila_column_dup (stmt, 8);
  staff->locked_until = sila_column_dup (stmt, 9);

  return staff;
}

/* NULL with NOT_FOUND if there is no such account. */
static SilaStaff *
load_staff (SilaStore   *self,
            const char  *column,
            const char  *value,
            GError     **error)
{
  g_autoptr(SilaStatement) stmt = NULL;

  if (g_str_equal (column, "id"))
    stmt = sila_store_prepare (self,
                               "SELECT " STAFF_COLUMNS " FROM staff "
                               "WHERE id = ?1 AND deleted_at IS NULL",
                               error);
  else
    stmt = sila_store_prepare (self,
                               "SELECT " STAFF_COLUMNS " FROM staff "
                               "WHERE username = ?1 AND deleted_at IS NULL",
                               error);
  if (stmt == NULL)
    return NULL;

  sila_bind_text (stmt, 1, value);
  switch (sila_store_step (self, stmt, error))
    {
    case SILA_STEP_ROW:
      return staff_from_row (stmt);
    case SILA_STEP_DONE:
      g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_NOT_FOUND,
                   _("There is no staff account “%s”."), value);
      return NULL;
    case SILA_STEP_ERROR:
    default:
      return NULL;
    }
}

/* What the audit trail keeps of an account: never its password. */
static char *
staff_json (const char *username,
            const char *display_name,
            SilaRole    roles,
            gboolean    active)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *codes = sila_roles_to_codes (roles);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "username");
  json_builder_add_string_value (builder, username);
  json_builder_set_member_name (builder, "display_name");
  json_builder_add_string_value (builder, display_name);
  json_builder_set_member_name (builder, "roles");
  json_builder_add_string_value (builder, codes);
  json_builder_set_member_name (builder, "active");
  json_builder_add_boolean_value (builder, active);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);

  return json_to_string (root, FALSE);
}

static gboolean
check_roles (SilaRole   roles,
             GError   **error)
{
  if (roles == SILA_ROLE_NONE || (roles & ~SILA_ROLE_ALL) != 0)
    {
      g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_REQUIRED,
                           _("Choose at least one role."));
      return FALSE;
    }

  return TRUE;
}

/* An office must always keep someone who can manage accounts. */
static gboolean
ensure_another_admin (SilaStore   *self,
                      const char  *staff_id,
                      GError     **error)
{
  g_autoptr(SilaStatement) stmt = NULL;

  stmt = sila_store_prepare (self,
                             "SELECT count(*) FROM staff WHERE active = 1 AND deleted_at IS NULL "
                             "AND (roles & ?2) != 0 AND id != ?1",
                             error);
  if (stmt == NULL)
    return FALSE;

  sila_bind_text (stmt, 1, staff_id);
  sqlite3_bind_int (stmt, 2, SILA_ROLE_ADMIN);
  if (sila_store_step (self, stmt, error) != SILA_STEP_ROW)
    return FALSE;

  if (sqlite3_column_int64 (stmt, 0) == 0)
    {
      g_set_error_literal (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DENIED,
                           _("This is the last active administrator. Make another account an "
                             "administrator first, so that someone can still manage staff."));
      return FALSE;
    }

  return TRUE;
}

static gboolean
username_taken (SilaStore   *self,
                const char  *username,
                gboolean    *taken,
                GError     **error)
{
  g_autoptr(SilaStatement) stmt = NULL;
  SilaStep step;

  stmt = sila_store_prepare (self, "SELECT 1 FROM staff WHERE username = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sila_bind_text (stmt, 1, username);
  step = sila_store_step (self, stmt, error);
  *taken = step == SILA_STEP_ROW;

  return step != SILA_STEP_ERROR;
}

static SilaStaff *
add_staff_internal (SilaStore        *self,
                    const SilaActor  *actor,
                    const char       *username,
                    const char       *display_name,
                    SilaRole          roles,
                    const char       *password,
                    gboolean          must_change_password,
                    GError          **error)
{
  g_autoptr(SilaTransaction) tx = NULL;
  g_autoptr(SilaStatement) stmt = NULL;
  g_autofree char *name = NULL;
  g_autofree char *display = NULL;
  g_autoptr(SilaSecret) prepared = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *id = NULL;
  g_autofree char *now = NULL;
  g_autofree char *after_json = NULL;
  gint64 n_staff = 0;
  gboolean taken = FALSE;

  if (!sila_store_require (self, actor, SILA_PERM_STAFF_MANAGE, error))
    return NULL;

  if ((name = sila_account_normalize_username (username, error)) == NULL ||
      (display = sila_account_normalize_display_name (display_name, error)) == NULL ||
      !check_roles (roles, error) ||
      (prepared = sila_account_check_new_password (password, name, error)) == NULL)
    return NULL;

  tx = sila_transaction_begin (self, error);
  if (tx == NULL || !sila_store_count_staff (self, &n_staff, error))
    return NULL;

  if (n_staff == 0 && (roles & SILA_ROLE_ADMIN) == 0)
    {
      g_set_error_literal (error, SILA_STORE_ERROR, SILA_STORE_ERROR_INVALID,
                           _("The first account must be an administrator: once it exists, "
                             "only administrators can add staff."));
      return NULL;
    }

  if (!username_taken (self, name, &taken, error))
    return NULL;
  if (taken)
    {
      g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DUPLICATE,
                   _("The user name “%s” is taken. Choose another."), name);
      return NULL;
    }

  hash = hash_password (prepared, error);
  if (hash == NULL)
    return NULL;

  id = g_uuid_string_random ();
  now = sila_clock_timestamp ();
  stmt = sila_store_prepare (self,
                             "INSERT INTO staff (id, username, display_name, roles, password_hash, "
                             "active, created_at, updated_at, device_id, password_changed_at, "
                             "must_change_password) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, 1, ?6, ?6, ?7, ?6, ?8)",
                             error);
  if (stmt == NULL)
    return NULL;

  sila_bind_text (stmt, 1, id);
  sila_bind_text (stmt, 2, name);
  sila_bind_text (stmt, 3, display);
  sqlite3_bind_int (stmt, 4, roles);
  sila_bind_text (stmt, 5, hash);
  sila_bind_text (stmt, 6, now);
  sila_bind_text (stmt, 7, sila_store_get_device_id (self));
  sqlite3_bind_int (stmt, 8, must_change_password ? 1 : 0);
  if (sila_store_step (self, stmt, error) != SILA_STEP_DONE)
    return NULL;

  after_json = staff_json (name, display, roles, TRUE);
  if (!sila_store_audit (self, actor, SILA_AUDIT_CREATE, SILA_AUDIT_ENTITY_STAFF, id, name,
                         NULL, after_json, error) ||
      !sila_transaction_commit (tx, error))
    return NULL;

  return load_staff (self, "id", id, error);
}

/* Adds a staff account. The first account of a database must be an
 * administrator, or no one could manage accounts once it exists. With
 * @must_change_password the person chooses their own password at their
 * first sign-in. */
SilaStaff *
sila_store_add_staff (SilaStore        *self,
                      const SilaActor  *actor,
                      const char       *username,
                      const char       *display_name,
                      SilaRole          roles,
                      const char       *password,
                      gboolean          must_change_password,
                      GError          **error)
{
  g_return_val_if_fail (SILA_IS_STORE (self), NULL);

  return add_staff_internal (self, actor, username, display_name, roles, password,
                             must_change_password, error);
}

/* The first start of the app: the association's name and the first
 * administrator, in one transaction, by the owner of a database that has no
 * account yet. */
SilaStaff *
sila_store_create_first_admin (SilaStore   *self,
                               const char  *association_name,
                               const char  *username,
                               const char  *display_name,
                               const char  *password,
                               GError     **error)
{
  g_autoptr(SilaActor) owner = sila_actor_new_owner ();
  g_autoptr(SilaTransaction) tx = NULL;
  g_autoptr(SilaStaff) staff = NULL;
  g_autofree char *current = NULL;

  g_return_val_if_fail (SILA_IS_STORE (self), NULL);

  tx = sila_transaction_begin (self, error);
  if (tx == NULL)
    return NULL;

  current = sila_store_get_setting (self, SILA_SETTING_ASSOCIATION_NAME, NULL);
  if (!sila_store_set_setting (self, owner, SILA_SETTING_ASSOCIATION_NAME, current,
                               association_name, error))
    return NULL;

  staff = add_staff_internal (self, owner, username, display_name, SILA_ROLE_ADMIN, password,
                              FALSE, error);
  if (staff == NULL || !sila_transaction_commit (tx, error))
    return NULL;

  return g_steal_pointer (&staff);
}

/* Every account, administrators' and deactivated ones included when
 * @include_inactive, by display name. */
GPtrArray *
sila_store_list_staff (SilaStore        *self,
                       const SilaActor  *actor,
                       gboolean          include_inactive,
                       GError          **error)
{
  g_autoptr(SilaStatement) stmt = NULL;
  g_autoptr(GPtrArray) list = NULL;
  SilaStep step;

  g_return_val_if_fail (SILA_IS_STORE (self), NULL);

  if (!sila_store_require (self, actor, SILA_PERM_STAFF_VIEW, error))
    return NULL;

  stmt = sila_store_prepare (self,
                             "SELECT " STAFF_COLUMNS " FROM staff WHERE deleted_at IS NULL "
                             "AND (?1 OR active = 1) ORDER BY active DESC, username",
                             error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int (stmt, 1, include_inactive ? 1 : 0);
  list = g_ptr_array_new_with_free_func ((GDestroyNotify)sila_staff_free);
  while ((step = sila_store_step (self, stmt, error)) == SILA_STEP_ROW)
    g_ptr_array_add (list, staff_from_row (stmt));

  if (step == SILA_STEP_ERROR)
    return NULL;

  return g_steal_pointer (&list);
}

SilaStaff *
sila_store_find_staff (SilaStore        *self,
                       const SilaActor  *actor,
                       const char       *username,
                       GError          **error)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (SILA_IS_STORE (self), NULL);

  if (!sila_store_require (self, actor, SILA_PERM_STAFF_VIEW, error))
    return NULL;

  name = sila_account_normalize_username (username, NULL);
  if (name == NULL)
    {
      g_set_error_literal (error, SILA_STORE_ERROR, SILA_STORE_ERROR_NOT_FOUND,
                           _("There is no staff account with this user name."));
      return NULL;
    }

  return load_staff (self, "username", name, error);
}

/* Changes an account's display name and roles. @expected_rev is the
 * revision the caller's screen showed (0: do not check), so that two
 * administrators do not overwrite each other unseen. */
gboolean
sila_store_update_staff (SilaStore        *self,
                         const SilaActor  *actor,
                         const char       *staff_id,
                         gint64            expected_rev,
                         const char       *display_name,
                         SilaRole          roles,
                         GError          **error)
{
  g_autoptr(SilaTransaction) tx = NULL;
  g_autoptr(SilaStatement) stmt = NULL;
  g_autoptr(SilaStaff) before = NULL;
  g_autofree char *display = NULL;
  g_autofree char *now = NULL;
  g_autofree char *before_json = NULL;
  g_autofree char *after_json = NULL;

  g_return_val_if_fail (SILA_IS_STORE (self), FALSE);

  if (!sila_store_require (self, actor, SILA_PERM_STAFF_MANAGE, error))
    return FALSE;

  if ((display = sila_account_normalize_display_name (display_name, error)) == NULL ||
      !check_roles (roles, error))
    return FALSE;

  tx = sila_transaction_begin (self, error);
  if (tx == NULL || (before = load_staff (self, "id", staff_id, error)) == NULL)
    return FALSE;

  if (expected_rev > 0 && before->rev != expected_rev)
    {
      g_set_error_literal (error, SILA_STORE_ERROR, SILA_STORE_ERROR_CONFLICT,
                           _("Someone else changed this account in the meantime. Nothing was "
                             "saved; look at it again."));
      return FALSE;
    }

  if (g_str_equal (before->display_name, display) && before->roles == roles)
    return sila_transaction_commit (tx, error);

  if (before->active && (before->roles & SILA_ROLE_ADMIN) && !(roles & SILA_ROLE_ADMIN) &&
      !ensure_another_admin (self, staff_id, error))
    return FALSE;

  now = sila_clock_timestamp ();
  stmt = sila_store_prepare (self,
                             "UPDATE staff SET display_name = ?2, roles = ?3, updated_at = ?4, "
                             "rev = rev + 1 WHERE id = ?1",
                             error);
  if (stmt == NULL)
    return FALSE;

  sila_bind_text (stmt, 1, staff_id);
  sila_bind_text (stmt, 2, display);
  sqlite3_bind_int (stmt, 3, roles);
  sila_bind_text (stmt, 4, now);
  if (sila_store_step (self, stmt, error) != SILA_STEP_DONE)
    return FALSE;

  before_json = staff_json (before->username, before->display_name, before->roles, before->active);
  after_json = staff_json (before->username, display, roles, before->active);
  if (!sila_store_audit (self, actor, SILA_AUDIT_UPDATE, SILA_AUDIT_ENTITY_STAFF, staff_id,
                         before->username, before_json, after_json, error))
    return FALSE;

  return sila_transaction_commit (tx, error);
}

/* Deactivates (soft: the account and its history stay) or reactivates an
 * account. No one deactivates themselves, nor the last administrator. */
gboolean
sila_store_set_staff_active (SilaStore        *self,
                             const SilaActor  *actor,
                             const char       *staff_id,
                             gboolean          active,
                             GError          **error)
{
  g_autoptr(SilaTransaction) tx = NULL;
  g_autoptr(SilaStatement) stmt = NULL;
  g_autoptr(SilaStaff) before = NULL;
  g_autofree char *now = NULL;
  g_autofree char *before_json = NULL;
  g_autofree char *after_json = NULL;

  g_return_val_if_fail (SILA_IS_STORE (self), FALSE);

  if (!sila_store_require (self, actor, SILA_PERM_STAFF_MANAGE, error))
    return FALSE;

  if (!active && g_strcmp0 (actor->id, staff_id) == 0)
    {
      g_set_error_literal (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DENIED,
                           _("You cannot deactivate your own account. Ask another "
                             "administrator."));
      return FALSE;
    }

  tx = sila_transaction_begin (self, error);
  if (tx == NULL || (before = load_staff (self, "id", staff_id, error)) == NULL)
    return FALSE;

  if (before->active == active)
    return sila_transaction_commit (tx, error);

  if (!active && (before->roles & SILA_ROLE_ADMIN) && !ensure_another_admin (self, staff_id, error))
    return FALSE;

  now = sila_clock_timestamp ();
  stmt = sila_store_prepare (self,
                             "UPDATE staff SET active = ?2, updated_at = ?3, rev = rev + 1, "
                             "failed_logins = 0, locked_until = NULL WHERE id = ?1",
                             error);
  if (stmt == NULL)
    return FALSE;

  sila_bind_text (stmt, 1, staff_id);
  sqlite3_bind_int (stmt, 2, active ? 1 : 0);
  sila_bind_text (stmt, 3, now);
  if (sila_store_step (self, stmt, error) != SILA_STEP_DONE)
    return FALSE;

  before_json = staff_json (before->username, before->display_name, before->roles, before->active);
  after_json = staff_json (before->username, before->display_name, before->roles, active);
  if (!sila_store_audit (self, actor, active ? SILA_AUDIT_ACTIVATE : SILA_AUDIT_DEACTIVATE,
                         SILA_AUDIT_ENTITY_STAFF, staff_id, before->username, before_json,
                         after_json, error))
    return FALSE;

  return sila_transaction_commit (tx, error);
}

static char *
load_hash (SilaStore   *self,
           const char  *staff_id,
           GError     **error)
{
  g_autoptr(SilaStatement) stmt = NULL;

  stmt = sila_store_prepare (self, "SELECT password_hash FROM staff WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;

  sila_bind_text (stmt, 1, staff_id);
  if (sila_store_step (self, stmt, error) != SILA_STEP_ROW)
    return NULL;

  return sila_column_dup (stmt, 0);
}

static gboolean
store_hash (SilaStore   *self,
            const char  *staff_id,
            const char  *hash,
            gboolean     must_change,
            GError     **error)
{
  g_autoptr(SilaStatement) stmt = NULL;
  g_autofree char *now = sila_clock_timestamp ();

  stmt = sila_store_prepare (self,
                             "UPDATE staff SET password_hash = ?2, password_changed_at = ?3, "
                             "must_change_password = ?4, failed_logins = 0, locked_until = NULL, "
                             "updated_at = ?3, rev = rev + 1 WHERE id = ?1",
                             error);
  if (stmt == NULL)
    return FALSE;

  sila_bind_text (stmt, 1, staff_id);
  sila_bind_text (stmt, 2, hash);
  sila_bind_text (stmt, 3, now);
  sqlite3_bind_int (stmt, 4, must_change ? 1 : 0);

  return sila_store_step (self, stmt, error) == SILA_STEP_DONE;
}

/* The signed-in person changes their own password; allowed, and required,
 * after an administrator reset it. */
gboolean
sila_store_change_own_password (SilaStore        *self,
                                const SilaActor  *actor,
                                const char       *current_password,
                                const char       *new_password,
                                GError          **error)
{
  g_autoptr(SilaTransaction) tx = NULL;
  g_autoptr(SilaSecret) current = NULL;
  g_autoptr(SilaSecret) prepared = NULL;
  g_autofree char *old_hash = NULL;
  g_autofree char *hash = NULL;
  SilaRole roles;

  g_return_val_if_fail (SILA_IS_STORE (self), FALSE);

  if (!sila_store_resolve_roles (self, actor, TRUE, &roles, error))
    return FALSE;

  if (sila_actor_is_owner (actor))
    {
      g_set_error_literal (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DENIED,
                           _("This database has no staff accounts, so there is no password to "
                             "change."));
      return FALSE;
    }

  if (!sila_roles_permit (roles, SILA_PERM_OWN_ACCOUNT))
    {
      g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DENIED,
                   _("Not allowed: your role does not permit you to %s."),
                   sila_permission_to_display (SILA_PERM_OWN_ACCOUNT));
      return FALSE;
    }

  prepared = sila_account_check_new_password (new_password, actor->username, error);
  if (prepared == NULL)
    return FALSE;

  tx = sila_transaction_begin (self, error);
  if (tx == NULL)
    return FALSE;

  old_hash = load_hash (self, actor->id, error);
  current = sila_account_prepare_password (current_password);
  if (old_hash == NULL || !verify_password (old_hash, current))
    {
      g_clear_error (error);
      g_set_error_literal (error, SILA_STORE_ERROR, SILA_STORE_ERROR_BAD_LOGIN,
                           _("The current password is wrong."));
      return FALSE;
    }

  if (g_str_equal (current, prepared))
    {
      g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                           _("The new password must differ from the current one."));
      return FALSE;
    }

  hash = hash_password (prepared, error);
  if (hash == NULL ||
      !store_hash (self, actor->id, hash, FALSE, error) ||
      !sila_store_audit (self, actor, SILA_AUDIT_PASSWORD_CHANGE, SILA_AUDIT_ENTITY_STAFF,
                         actor->id, actor->username, NULL, NULL, error))
    return FALSE;

  return sila_transaction_commit (tx, error);
}

/* An administrator gives an account a new password, which its owner must
 * replace at their next sign-in (unless the administrator reset their own).
 * It also lifts a lockout. */
gboolean
sila_store_reset_staff_password (SilaStore        *self,
                                 const SilaActor  *actor,
                                 const char       *staff_id,
                                 const char       *new_password,
                                 GError          **error)
{
  g_autoptr(SilaTransaction) tx = NULL;
  g_autoptr(SilaStaff) staff = NULL;
  g_autoptr(SilaSecret) prepared = NULL;
  g_autofree char *hash = NULL;
  gboolean own;

  g_return_val_if_fail (SILA_IS_STORE (self), FALSE);

  if (!sila_store_require (self, actor, SILA_PERM_STAFF_MANAGE, error))
    return FALSE;

  tx = sila_transaction_begin (self, error);
  if (tx == NULL || (staff = load_staff (self, "id", staff_id, error)) == NULL)
    return FALSE;

  prepared = sila_account_check_new_password (new_password, staff->username, error);
  if (prepared == NULL)
    return FALSE;

  own = g_strcmp0 (actor->id, staff_id) == 0;
  hash = hash_password (prepared, error);
  if (hash == NULL ||
      !store_hash (self, staff_id, hash, !own, error) ||
      !sila_store_audit (self, actor, SILA_AUDIT_PASSWORD_RESET, SILA_AUDIT_ENTITY_STAFF, staff_id,
                         staff->username, NULL, NULL, error))
    return FALSE;

  return sila_transaction_commit (tx, error);
}

/* Signing in */

static void
record_failure (SilaStore   *self,
                SilaStaff   *staff,
                int          failed,
                const char  *locked_until,
                const char  *summary)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaActor) who = NULL;

  if (sila_store_is_read_only (self))
    return;

  if (staff != NULL)
    {
      g_autoptr(SilaStatement) stmt = NULL;

      stmt = sila_store_prepare (self,
                                 "UPDATE staff SET failed_logins = ?2, locked_until = ?3 "
                                 "WHERE id = ?1",
                                 &error);
      if (stmt != NULL)
        {
          sila_bind_text (stmt, 1, staff->id);
          sqlite3_bind_int (stmt, 2, failed);
          sila_bind_text (stmt, 3, locked_until);
          sila_store_step (self, stmt, &error);
        }
      who = sila_actor_new (NULL, staff->username, staff->display_name, SILA_ROLE_NONE);
    }
  else
    who = sila_actor_new (NULL, SILA_ACCOUNT_UNKNOWN_NAME, NULL, SILA_ROLE_NONE);

  if (error == NULL)
    sila_store_audit (self, who, SILA_AUDIT_LOGIN_FAILED, SILA_AUDIT_ENTITY_STAFF,
                      staff != NULL ? staff->id : NULL, summary, NULL, NULL, &error);
  if (error != NULL)
    g_message ("A failed sign-in could not be recorded: %s", error->message);
}

static int
minutes_until (const char *timestamp,
               GDateTime  *now)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) until = g_date_time_new_from_iso8601 (timestamp, utc);
  GTimeSpan left;

  if (until == NULL)
    return 0;

  left = g_date_time_difference (until, now);
  return left <= 0 ? 0 : (int)((left + G_TIME_SPAN_MINUTE - 1) / G_TIME_SPAN_MINUTE);
}

static char *
timestamp_in (GDateTime *now,
              int        seconds)
{
  g_autoptr(GDateTime) later = g_date_time_add_seconds (now, seconds);

  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d.%03dZ",
                          g_date_time_get_year (later), g_date_time_get_month (later),
                          g_date_time_get_day_of_month (later), g_date_time_get_hour (later),
                          g_date_time_get_minute (later), g_date_time_get_second (later),
                          g_date_time_get_microsecond (later) / 1000);
}

/* Checks a user name and password. Wrong ones are counted: after
 * SILA_LOGIN_MAX_FAILURES in a row the account is locked for
 * SILA_LOGIN_LOCKOUT_SECONDS, during which even the right password is
 * refused. Every attempt, good or bad, is audited; an unknown user name is
 * recorded as such, never as typed (people type passwords into it). On a
 * read-only database the check works but nothing can be recorded. */
SilaStaff *
sila_store_authenticate (SilaStore   *self,
                         const char  *username,
                         const char  *password,
                         GError     **error)
{
  g_autoptr(SilaTransaction) tx = NULL;
  g_autoptr(SilaStatement) stmt = NULL;
  g_autoptr(SilaStaff) staff = NULL;
  g_autoptr(SilaSecret) prepared = NULL;
  g_autoptr(GDateTime) now = sila_clock_now ();
  g_autofree char *name = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *now_text = NULL;
  gboolean writable;
  int failed = 0;

  g_return_val_if_fail (SILA_IS_STORE (self), NULL);

  writable = !sila_store_is_read_only (self);
  if (writable && (tx = sila_transaction_begin (self, error)) == NULL)
    return NULL;

  prepared = sila_account_prepare_password (password);
  name = sila_account_normalize_username (username, NULL);
  if (name != NULL)
    {
      stmt = sila_store_prepare (self,
                                 "SELECT " STAFF_COLUMNS ", password_hash, failed_logins "
                                 "FROM staff WHERE username = ?1 AND deleted_at IS NULL",
                                 error);
      if (stmt == NULL)
        return NULL;

      sila_bind_text (stmt, 1, name);
      switch (sila_store_step (self, stmt, error))
        {
        case SILA_STEP_ROW:
          staff = staff_from_row (stmt);
          hash = sila_column_dup (stmt, 10);
          failed = sqlite3_column_int (stmt, 11);
          break;
        case SILA_STEP_DONE:
          break;
        case SILA_STEP_ERROR:
        default:
          return NULL;
        }
      g_clear_pointer (&stmt, sila_statement_release);
    }

  if (staff == NULL)
    {
      verify_against_nothing (prepared);
      record_failure (self, NULL, 0, NULL, NULL);
      if (tx != NULL)
        sila_transaction_commit (tx, NULL);
      g_set_error_literal (error, SILA_STORE_ERROR, SILA_STORE_ERROR_BAD_LOGIN,
                           _("The user name or the password is wrong."));
      return NULL;
    }

  if (staff->locked_until != NULL && minutes_until (staff->locked_until, now) > 0)
    {
      int minutes = minutes_until (staff->locked_until, now);

      record_failure (self, staff, failed, staff->locked_until, SILA_AUDIT_WHILE_LOCKED);
      if (tx != NULL)
        sila_transaction_commit (tx, NULL);
      g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_LOCKED,
                   ngettext ("This account is locked after too many wrong passwords. Try again "
                             "in %d minute, or ask an administrator to reset the password.",
                             "This account is locked after too many wrong passwords. Try again "
                             "in %d minutes, or ask an administrator to reset the password.",
                             minutes),
                   minutes);
      return NULL;
    }

  if (hash == NULL || !verify_password (hash, prepared))
    {
      if (hash == NULL)
        verify_against_nothing (prepared);

      if (++failed >= SILA_LOGIN_MAX_FAILURES)
        {
          g_autofree char *until = timestamp_in (now, SILA_LOGIN_LOCKOUT_SECONDS);
          int minutes = SILA_LOGIN_LOCKOUT_SECONDS / 60;

          record_failure (self, staff, 0, until, SILA_AUDIT_NOW_LOCKED);
          if (tx != NULL)
            sila_transaction_commit (tx, NULL);
          g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_LOCKED,
                       ngettext ("Too many wrong passwords: this account is now locked for %d "
                                 "minute. Try again later, or ask an administrator to reset "
                                 "the password.",
                                 "Too many wrong passwords: this account is now locked for %d "
                                 "minutes. Try again later, or ask an administrator to reset "
                                 "the password.",
                                 minutes),
                       minutes);
          return NULL;
        }

      record_failure (self, staff, failed, NULL, SILA_AUDIT_WRONG_PASSWORD);
      if (tx != NULL)
        sila_transaction_commit (tx, NULL);
      g_set_error_literal (error, SILA_STORE_ERROR, SILA_STORE_ERROR_BAD_LOGIN,
                           _("The user name or the password is wrong."));
      return NULL;
    }

  /* The password is right: only now say that the account is closed. */
  if (!staff->active)
    {
      record_failure (self, staff, 0, NULL, SILA_AUDIT_DEACTIVATED);
      if (tx != NULL)
        sila_transaction_commit (tx, NULL);
      g_set_error_literal (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DENIED,
                           _("This account was deactivated. Ask an administrator."));
      return NULL;
    }

  if (!writable)
    return g_steal_pointer (&staff);

  now_text = sila_clock_timestamp ();
  stmt = sila_store_prepare (self,
                             "UPDATE staff SET failed_logins = 0, locked_until = NULL, "
                             "last_login_at = ?2 WHERE id = ?1",
                             error);
  if (stmt == NULL)
    return NULL;
  sila_bind_text (stmt, 1, staff->id);
  sila_bind_text (stmt, 2, now_text);
  if (sila_store_step (self, stmt, error) != SILA_STEP_DONE)
    return NULL;

  /* A hash made with an older, cheaper cost is made again now that the
   * password is at hand. */
  if (crypto_pwhash_str_needs_rehash (hash, hash_ops, hash_mem) != 0)
    {
      g_autofree char *better = hash_password (prepared, NULL);
      g_autoptr(SilaStatement) update = NULL;

      if (better != NULL &&
          (update = sila_store_prepare (self,
                                        "UPDATE staff SET password_hash = ?2 WHERE id = ?1",
                                        error)) != NULL)
        {
          sila_bind_text (update, 1, staff->id);
          sila_bind_text (update, 2, better);
          if (sila_store_step (self, update, error) != SILA_STEP_DONE)
            return NULL;
        }
    }

  {
    g_autoptr(SilaActor) actor = sila_staff_to_actor (staff);

    if (!sila_store_audit (self, actor, SILA_AUDIT_LOGIN, SILA_AUDIT_ENTITY_STAFF, staff->id,
                           NULL, NULL, NULL, error) ||
        !sila_transaction_commit (tx, error))
      return NULL;
  }

  g_free (staff->last_login_at);
  staff->last_login_at = g_steal_pointer (&now_text);
  g_clear_pointer (&staff->locked_until, g_free);

  return g_steal_pointer (&staff);
}

/* Records that @actor signed out (switched user, or closed the app). */
gboolean
sila_store_sign_out (SilaStore        *self,
                     const SilaActor  *actor,
                     GError          **error)
{
  g_autoptr(SilaTransaction) tx = NULL;
  SilaRole roles;

  g_return_val_if_fail (SILA_IS_STORE (self), FALSE);

  if (actor == NULL || sila_actor_is_owner (actor) || sila_store_is_read_only (self))
    return TRUE;

  /* An account closed meanwhile has nothing left to sign out of. */
  if (!sila_store_resolve_roles (self, actor, TRUE, &roles, NULL))
    return TRUE;

  tx = sila_transaction_begin (self, error);
  if (tx == NULL ||
      !sila_store_audit (self, actor, SILA_AUDIT_LOGOUT, SILA_AUDIT_ENTITY_STAFF, actor->id, NULL,
                         NULL, NULL, error))
    return FALSE;

  return sila_transaction_commit (tx, error);
}
