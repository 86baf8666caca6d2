/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Staff accounts: adding, listing, roles and deactivation. Passwords are
 * in sila-store-passwords.c, signing in and out in sila-store-sign-in.c.
 * Every change is audited in its own transaction. */
#define G_LOG_DOMAIN "sila-store"

#include "sila-config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "sila-account.h"
#include "sila-audit.h"
#include "sila-clock.h"
#include "sila-store-staff-private.h"
#include "sila-validation.h"

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

SilaStaff *
sila_staff_from_row (SilaStatement *stmt)
{
  SilaStaff *staff = g_new0 (SilaStaff, 1);

  staff->id = sila_column_dup (stmt, 0);
  staff->username = sila_column_dup (stmt, 1);
  staff->display_name = sila_column_dup (stmt, 2);
  staff->roles = (SilaRole)sila_column_int (stmt, 3);
  staff->active = sila_column_int (stmt, 4) != 0;
  staff->must_change_password = sila_column_int (stmt, 5) != 0;
  staff->rev = sila_column_int64 (stmt, 6);
  staff->created_at = sila_column_dup (stmt, 7);
  staff->last_login_at = sila_column_dup (stmt, 8);
  staff->locked_until = sila_column_dup (stmt, 9);

  return staff;
}

SilaStaff *
sila_store_load_staff (SilaStore   *self,
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
      return sila_staff_from_row (stmt);
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
  sila_bind_int (stmt, 2, SILA_ROLE_ADMIN);
  if (sila_store_step (self, stmt, error) != SILA_STEP_ROW)
    return FALSE;

  if (sila_column_int64 (stmt, 0) == 0)
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
      !sila_roles_check_assigned (roles, error) ||
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

  hash = sila_staff_hash_password (prepared, error);
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
  sila_bind_int (stmt, 4, roles);
  sila_bind_text (stmt, 5, hash);
  sila_bind_text (stmt, 6, now);
  sila_bind_text (stmt, 7, sila_store_get_device_id (self));
  sila_bind_int (stmt, 8, must_change_password ? 1 : 0);
  if (sila_store_step (self, stmt, error) != SILA_STEP_DONE)
    return NULL;

  after_json = staff_json (name, display, roles, TRUE);
  if (!sila_store_audit (self, actor, SILA_AUDIT_CREATE, SILA_AUDIT_ENTITY_STAFF, id, name,
                         NULL, after_json, error) ||
      !sila_transaction_commit (tx, error))
    return NULL;

  return sila_store_load_staff (self, "id", id, error);
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

  sila_bind_int (stmt, 1, include_inactive ? 1 : 0);
  list = g_ptr_array_new_with_free_func ((GDestroyNotify)sila_staff_free);
  while ((step = sila_store_step (self, stmt, error)) == SILA_STEP_ROW)
    g_ptr_array_add (list, sila_staff_from_row (stmt));

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

  return sila_store_load_staff (self, "username", name, error);
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
      !sila_roles_check_assigned (roles, error))
    return FALSE;

  tx = sila_transaction_begin (self, error);
  if (tx == NULL || (before = sila_store_load_staff (self, "id", staff_id, error)) == NULL)
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
  sila_bind_int (stmt, 3, roles);
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
  if (tx == NULL || (before = sila_store_load_staff (self, "id", staff_id, error)) == NULL)
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
  sila_bind_int (stmt, 2, active ? 1 : 0);
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
