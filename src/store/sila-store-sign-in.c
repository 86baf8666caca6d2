/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Signing in and out: checking a user name and password, counting wrong
 * ones and locking the account after too many, auditing every attempt. */
#define G_LOG_DOMAIN "sila-store"

#include "sila-config.h"

#include <glib/gi18n-lib.h>

#include "sila-account.h"
#include "sila-audit.h"
#include "sila-clock.h"
#include "sila-store-staff-private.h"

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
          sila_bind_int (stmt, 2, failed);
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

/* Checks a user name and password. Wrong ones are counted, and the core
 * decides from the count and the lock it reads here whether the account is
 * locked (sila_account_check_not_locked(), sila_account_count_failure());
 * this file only reads and writes them. Every attempt, good or bad, is
 * audited; an unknown user name is recorded as such, never as typed (people
 * type passwords into it). A database that cannot be written to could count
 * no wrong password, so it could be guessed at without end: signing in to it
 * is refused, before any password is looked at. */
static SilaStaff *
authenticate (SilaStore   *self,
              const char  *username,
              const char  *password,
              gboolean     unrecorded,
              GError     **error)
{
  g_autoptr(SilaTransaction) tx = NULL;
  g_autoptr(SilaStatement) stmt = NULL;
  g_autoptr(SilaStaff) staff = NULL;
  g_autoptr(SilaSecret) prepared = NULL;
  g_autoptr(GError) refusal = NULL;
  g_autoptr(GDateTime) now = sila_clock_now ();
  g_autofree char *name = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *now_text = NULL;
  gboolean writable;
  int failed = 0;

  g_return_val_if_fail (SILA_IS_STORE (self), NULL);

  if (sila_store_is_read_only (self) && !unrecorded)
    {
      g_set_error_literal (error, SILA_STORE_ERROR, SILA_STORE_ERROR_READ_ONLY,
                           _("This database cannot be written to, so wrong passwords could not "
                             "be counted: signing in to it is refused. Open the database from a "
                             "file and folder you may write to."));
      return NULL;
    }

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
          staff = sila_staff_from_row (stmt);
          hash = sila_column_dup (stmt, 10);
          failed = sila_column_int (stmt, 11);
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
      sila_staff_verify_against_nothing (prepared);
      record_failure (self, NULL, 0, NULL, NULL);
      if (tx != NULL)
        sila_transaction_commit (tx, NULL);
      g_set_error_literal (error, SILA_STORE_ERROR, SILA_STORE_ERROR_BAD_LOGIN,
                           _("The user name or the password is wrong."));
      return NULL;
    }

  /* The core decides the lockout from what was read. */
  if (!sila_account_check_not_locked (staff->locked_until, now, &refusal))
    {
      record_failure (self, staff, failed, staff->locked_until, SILA_AUDIT_WHILE_LOCKED);
      if (tx != NULL)
        sila_transaction_commit (tx, NULL);
      g_set_error_literal (error, SILA_STORE_ERROR, SILA_STORE_ERROR_LOCKED, refusal->message);
      return NULL;
    }

  if (hash == NULL || !sila_staff_verify_password (hash, prepared))
    {
      g_autofree char *until = NULL;
      int failed_after;

      if (hash == NULL)
        sila_staff_verify_against_nothing (prepared);

      if (sila_account_count_failure (failed, now, &failed_after, &until, &refusal))
        {
          record_failure (self, staff, failed_after, until, SILA_AUDIT_NOW_LOCKED);
          if (tx != NULL)
            sila_transaction_commit (tx, NULL);
          g_set_error_literal (error, SILA_STORE_ERROR, SILA_STORE_ERROR_LOCKED,
                               refusal->message);
          return NULL;
        }

      record_failure (self, staff, failed_after, NULL, SILA_AUDIT_WRONG_PASSWORD);
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
  if (sila_staff_hash_needs_rehash (hash))
    {
      g_autofree char *better = sila_staff_hash_password (prepared, NULL);
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
SilaStaff *
sila_store_authenticate (SilaStore   *self,
                         const char  *username,
                         const char  *password,
                         GError     **error)
{
  return authenticate (self, username, password, FALSE, error);
}

SilaStaff *
sila_store_authenticate_unrecorded (SilaStore   *self,
                                    const char  *username,
                                    const char  *password,
                                    GError     **error)
{
  g_return_val_if_fail (SILA_IS_STORE (self), NULL);
  /* On a database that can be written, every attempt is counted. */
  g_return_val_if_fail (sila_store_is_read_only (self), NULL);

  return authenticate (self, username, password, TRUE, error);
}

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
