/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Permissions: the core's table decides, the store enforces. */
#define G_LOG_DOMAIN "sila-store"

#include "sila-config.h"

#include <glib/gi18n-lib.h>

#include "sila-store-private.h"

/* The roles @actor holds now, as the database says. A role taken away or an
 * account deactivated on another desk takes effect at the next call,
 * whatever the caller's copy of the actor says; the owner of a database
 * exists only while it has no staff accounts. */
gboolean
sila_store_resolve_roles (SilaStore        *self,
                          const SilaActor  *actor,
                          gboolean          allow_must_change,
                          SilaRole         *roles,
                          GError          **error)
{
  g_autoptr(SilaStatement) stmt = NULL;

  g_return_val_if_fail (SILA_IS_STORE (self), FALSE);

  *roles = SILA_ROLE_NONE;

  if (actor == NULL)
    {
      g_set_error_literal (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DENIED,
                           _("Nobody is signed in."));
      return FALSE;
    }

  if (sila_actor_is_owner (actor))
    {
      g_autoptr(GError) local_error = NULL;
      gint64 n_staff = 0;

      /* Before version 2 there were no accounts at all (no staff table). */
      if (!sila_store_count_staff (self, &n_staff, &local_error))
        {
          if (sila_store_get_schema_version (self) >= 2)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          n_staff = 0;
        }

      if (n_staff > 0)
        {
          g_set_error_literal (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DENIED,
                               _("This database has staff accounts: sign in with your own "
                                 "account."));
          return FALSE;
        }

      *roles = SILA_ROLE_ALL;
      return TRUE;
    }

  stmt = sila_store_prepare (self,
                             "SELECT roles, active, must_change_password FROM staff "
                             "WHERE id = ?1 AND deleted_at IS NULL",
                             error);
  if (stmt == NULL)
    return FALSE;

  sila_bind_text (stmt, 1, actor->id);
  switch (sila_store_step (self, stmt, error))
    {
    case SILA_STEP_ROW:
      break;
    case SILA_STEP_DONE:
      g_set_error_literal (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DENIED,
                           _("Your staff account no longer exists. Sign in again."));
      return FALSE;
    case SILA_STEP_ERROR:
    default:
      return FALSE;
    }

  if (sila_column_int (stmt, 1) == 0)
    {
      g_set_error_literal (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DENIED,
                           _("Your staff account was deactivated. Ask an administrator."));
      return FALSE;
    }

  if (!allow_must_change && sila_column_int (stmt, 2) != 0)
    {
      g_set_error_literal (error, SILA_STORE_ERROR, SILA_STORE_ERROR_PASSWORD_EXPIRED,
                           _("An administrator reset your password: choose a new one before "
                             "you go on."));
      return FALSE;
    }

  *roles = (SilaRole)sila_column_int (stmt, 0);
  return TRUE;
}

gboolean
sila_store_require (SilaStore        *self,
                    const SilaActor  *actor,
                    SilaPermission    permission,
                    GError          **error)
{
  SilaRole roles;

  g_return_val_if_fail (SILA_IS_STORE (self), FALSE);

  if (!sila_store_resolve_roles (self, actor, FALSE, &roles, error))
    return FALSE;

  if (!sila_roles_permit (roles, permission))
    {
      g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DENIED,
                   _("Not allowed: your role does not permit you to %s."),
                   sila_permission_to_display (permission));
      return FALSE;
    }

  return TRUE;
}

gboolean
sila_store_count_staff (SilaStore  *self,
                        gint64     *count,
                        GError    **error)
{
  g_autoptr(SilaStatement) stmt = NULL;

  stmt = sila_store_prepare (self,
                             "SELECT count(*) FROM staff WHERE deleted_at IS NULL",
                             error);
  if (stmt == NULL || sila_store_step (self, stmt, error) != SILA_STEP_ROW)
    return FALSE;

  *count = sila_column_int64 (stmt, 0);
  return TRUE;
}
