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
 * recorded as such, never as typed (people type passwords into it). A
 * database that cannot be written to could count no wrong password, so it
 * could be guessed at without end: signing in to it is refused, before any
 * password is looked at. */
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

  if (sila_store_is_read_only (self))
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
      sila_staff_verify_against_nothing (prepared);
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

  if (hash == NULL || !sila_staff_verify_password (hash, prepared))
    {
      if (hash == NULL)
        sila_staff_verify_against_nothing (prepared);

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
