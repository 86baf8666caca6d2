/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Staff passwords: kept only as Argon2id hashes (libsodium's
 * crypto_pwhash_str), never in the audit trail, a log or an error message.
 * Hashing and checking them, a person changing their own, and an
 * administrator resetting someone's. */
#define G_LOG_DOMAIN "sila-store"

#include "sila-config.h"

#include <glib/gi18n-lib.h>
#include <sodium.h>
#include <string.h>

#include "sila-account.h"
#include "sila-audit.h"
#include "sila-clock.h"
#include "sila-store-staff-private.h"
#include "sila-validation.h"

void
sila_secret_free (SilaSecret *secret)
{
  if (secret == NULL)
    return;

  sodium_memzero (secret, strlen (secret));
  g_free (secret);
}

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

gboolean
sila_store_ensure_sodium (GError **error)
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

char *
sila_staff_hash_password (const char  *prepared,
                          GError     **error)
{
  char hash[crypto_pwhash_STRBYTES];

  if (!sila_store_ensure_sodium (error))
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

gboolean
sila_staff_verify_password (const char *hash,
                            const char *prepared)
{
  if (hash == NULL || prepared == NULL || !sila_store_ensure_sodium (NULL))
    return FALSE;

  return crypto_pwhash_str_verify (hash, prepared, strlen (prepared)) == 0;
}

void
sila_staff_verify_against_nothing (const char *prepared)
{
  static char *dummy;

  if (dummy == NULL)
    {
      g_autofree char *random = g_uuid_string_random ();

      dummy = sila_staff_hash_password (random, NULL);
    }
  sila_staff_verify_password (dummy, prepared != NULL ? prepared : "");
}
gboolean
sila_staff_hash_needs_rehash (const char *hash)
{
  return crypto_pwhash_str_needs_rehash (hash, hash_ops, hash_mem) != 0;
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
  sila_bind_int (stmt, 4, must_change ? 1 : 0);

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
  if (old_hash == NULL || !sila_staff_verify_password (old_hash, current))
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

  hash = sila_staff_hash_password (prepared, error);
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
  if (tx == NULL || (staff = sila_store_load_staff (self, "id", staff_id, error)) == NULL)
    return FALSE;

  prepared = sila_account_check_new_password (new_password, staff->username, error);
  if (prepared == NULL)
    return FALSE;

  own = g_strcmp0 (actor->id, staff_id) == 0;
  hash = sila_staff_hash_password (prepared, error);
  if (hash == NULL ||
      !store_hash (self, staff_id, hash, !own, error) ||
      !sila_store_audit (self, actor, SILA_AUDIT_PASSWORD_RESET, SILA_AUDIT_ENTITY_STAFF, staff_id,
                         staff->username, NULL, NULL, error))
    return FALSE;

  return sila_transaction_commit (tx, error);
}
