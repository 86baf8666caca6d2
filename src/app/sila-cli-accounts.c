/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Staff accounts from the command line: user add, list, roles, deactivate,
 * activate, reset-password, passwd. Passwords come from SILA_NEW_PASSWORD
 * (or SILA_PASSWORD for the one signed in with) or are asked on the
 * terminal without echo; they never appear in arguments. */
#define G_LOG_DOMAIN "sila-cli"

#include "sila-config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "sila-account.h"
#include "sila-cli-private.h"
#include "sila-store-staff.h"

static void
wipe (char *secret)
{
  if (secret != NULL)
    memset (secret, 0, strlen (secret));
  g_free (secret);
}

typedef char SilaCliSecret;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SilaCliSecret, wipe)

/* The --role options, each a code or a comma-separated list. Returns FALSE
 * after a usage message. */
static gboolean
parse_roles (SilaCli     *cli,
             SilaCliArgs *args,
             SilaRole    *roles)
{
  GPtrArray *values = sila_cli_args_get_all (args, "--role");

  *roles = SILA_ROLE_NONE;
  if (values == NULL || values->len == 0)
    {
      sila_cli_usage_error (cli, "%s", _("Give at least one --role: officer, researcher, "
                                         "committee, manager or admin."));
      return FALSE;
    }

  for (guint i = 0; i < values->len; i++)
    {
      const char *value = g_ptr_array_index (values, i);
      SilaRole r = g_utf8_validate (value, -1, NULL) ? sila_roles_from_codes (value)
                                                     : SILA_ROLE_NONE;

      if (r == SILA_ROLE_NONE)
        {
          g_autofree char *shown = g_utf8_make_valid (value, -1);

          sila_cli_usage_error (cli, _("Unknown role “%s”: use officer, researcher, committee, "
                                       "manager or admin."),
                                shown);
          return FALSE;
        }
      *roles |= r;
    }

  return TRUE;
}

/* One positional NAME, the account to act on. */
static SilaStaff *
find_named (SilaCli          *cli,
            SilaCliArgs      *args,
            const SilaActor  *actor,
            int              *status)
{
  g_autoptr(GError) error = NULL;
  SilaStaff *staff;

  staff = sila_store_find_staff (sila_cli_open_store (cli), actor,
                                 g_ptr_array_index (args->positional, 0), &error);
  if (staff == NULL)
    *status = sila_cli_fail (cli, error);

  return staff;
}

int
sila_cli_user_add (SilaCli  *cli,
                   int       argc,
                   char    **argv)
{
  static const SilaCliOptionSpec specs[] = {
    { "--role", TRUE },
    { "--display-name", TRUE },
    { NULL }
  };
  g_auto(SilaCliArgs) args = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaStaff) staff = NULL;
  g_autoptr(SilaCliSecret) password = NULL;
  g_autofree char *username = NULL;
  g_autofree char *display = NULL;
  g_autofree char *codes = NULL;
  const SilaActor *actor;
  const char *display_arg;
  SilaStore *store;
  SilaRole roles;

  if (!sila_cli_args_parse (cli, argc, argv, specs, &args))
    return SILA_EXIT_USAGE;
  if (args.positional->len != 1)
    return sila_cli_usage_error (cli, _("Usage: %s"),
                                 "sila user add NAME --role ROLE [--role ROLE …] "
                                 "[--display-name TEXT]");
  if (!parse_roles (cli, &args, &roles))
    return SILA_EXIT_USAGE;

  /* What can be checked is checked before anyone is asked for a password. */
  username = sila_account_normalize_username (g_ptr_array_index (args.positional, 0), &error);
  if (username == NULL)
    return sila_cli_fail (cli, error);
  display_arg = sila_cli_args_get (&args, "--display-name");
  display = sila_account_normalize_display_name (display_arg != NULL ? display_arg : username,
                                                 &error);
  if (display == NULL)
    return sila_cli_fail (cli, error);

  store = sila_cli_open_store (cli);
  if (store == NULL)
    return SILA_EXIT_USAGE;
  actor = sila_cli_sign_in (cli, SILA_PERM_STAFF_MANAGE);
  if (actor == NULL)
    return SILA_EXIT_REFUSED;

  password = sila_cli_read_new_password (cli, username);
  if (password == NULL)
    return SILA_EXIT_REFUSED;

  staff = sila_store_add_staff (store, actor, username, display, roles, password, FALSE, &error);
  if (staff == NULL)
    return sila_cli_fail (cli, error);

  codes = sila_roles_to_codes (staff->roles);
  sila_cli_message (cli, _("Added the staff account “%s” (%s)."), staff->username, codes);
  return SILA_EXIT_OK;
}

int
sila_cli_user_list (SilaCli  *cli,
                    int       argc,
                    char    **argv)
{
  static const SilaCliOptionSpec specs[] = {
    { "--all", FALSE },
    { "--json", FALSE },
    { NULL }
  };
  g_auto(SilaCliArgs) args = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  const SilaActor *actor;
  SilaStore *store;

  if (!sila_cli_args_parse (cli, argc, argv, specs, &args))
    return SILA_EXIT_USAGE;
  if (args.positional->len != 0)
    return sila_cli_usage_error (cli, _("Usage: %s"), "sila user list [--all] [--json]");

  store = sila_cli_open_store (cli);
  if (store == NULL)
    return SILA_EXIT_USAGE;
  actor = sila_cli_get_actor (cli);
  if (actor == NULL)
    return SILA_EXIT_REFUSED;

  list = sila_store_list_staff (store, actor, sila_cli_args_has (&args, "--all"), &error);
  if (list == NULL)
    return sila_cli_fail (cli, error);

  if (sila_cli_args_has (&args, "--json"))
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < list->len; i++)
        {
          SilaStaff *staff = g_ptr_array_index (list, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "username");
          json_builder_add_string_value (builder, staff->username);
          json_builder_set_member_name (builder, "display_name");
          json_builder_add_string_value (builder, staff->display_name);
          json_builder_set_member_name (builder, "roles");
          json_builder_begin_array (builder);
          for (SilaRole r = SILA_ROLE_OFFICER; r <= SILA_ROLE_ADMIN; r <<= 1)
            if (staff->roles & r)
              json_builder_add_string_value (builder, sila_role_to_code (r));
          json_builder_end_array (builder);
          json_builder_set_member_name (builder, "active");
          json_builder_add_boolean_value (builder, staff->active);
          sila_cli_json_string_or_null (builder, "last_login", staff->last_login_at);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);

      return sila_cli_print_json (builder);
    }

  /* One line each, tab-separated, stable codes: for scripts and for eyes. */
  for (guint i = 0; i < list->len; i++)
    {
      SilaStaff *staff = g_ptr_array_index (list, i);
      g_autofree char *codes = sila_roles_to_codes (staff->roles);

      printf ("%s\t%s\t%s\t%s\n", staff->username, staff->display_name, codes,
              staff->active ? "active" : "inactive");
    }

  return SILA_EXIT_OK;
}

int
sila_cli_user_roles (SilaCli  *cli,
                     int       argc,
                     char    **argv)
{
  static const SilaCliOptionSpec specs[] = {
    { "--role", TRUE },
    { NULL }
  };
  g_auto(SilaCliArgs) args = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaStaff) staff = NULL;
  g_autofree char *codes = NULL;
  const SilaActor *actor;
  SilaStore *store;
  SilaRole roles;
  int status = SILA_EXIT_OK;

  if (!sila_cli_args_parse (cli, argc, argv, specs, &args))
    return SILA_EXIT_USAGE;
  if (args.positional->len != 1)
    return sila_cli_usage_error (cli, _("Usage: %s"),
                                 "sila user roles NAME --role ROLE [--role ROLE …]");
  if (!parse_roles (cli, &args, &roles))
    return SILA_EXIT_USAGE;

  store = sila_cli_open_store (cli);
  if (store == NULL)
    return SILA_EXIT_USAGE;
  actor = sila_cli_sign_in (cli, SILA_PERM_STAFF_MANAGE);
  if (actor == NULL)
    return SILA_EXIT_REFUSED;

  staff = find_named (cli, &args, actor, &status);
  if (staff == NULL)
    return status;

  if (!sila_store_update_staff (store, actor, staff->id, staff->rev, staff->display_name, roles,
                                &error))
    return sila_cli_fail (cli, error);

  codes = sila_roles_to_codes (roles);
  sila_cli_message (cli, _("“%s” now has the roles: %s."), staff->username, codes);
  return SILA_EXIT_OK;
}

static int
set_active (SilaCli  *cli,
            int       argc,
            char    **argv,
            gboolean  active)
{
  g_auto(SilaCliArgs) args = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaStaff) staff = NULL;
  const SilaActor *actor;
  SilaStore *store;
  int status = SILA_EXIT_OK;

  if (!sila_cli_args_parse (cli, argc, argv, NULL, &args))
    return SILA_EXIT_USAGE;
  if (args.positional->len != 1)
    return sila_cli_usage_error (cli, _("Usage: %s"),
                                 active ? "sila user activate NAME" : "sila user deactivate NAME");

  store = sila_cli_open_store (cli);
  if (store == NULL)
    return SILA_EXIT_USAGE;
  actor = sila_cli_sign_in (cli, SILA_PERM_STAFF_MANAGE);
  if (actor == NULL)
    return SILA_EXIT_REFUSED;

  staff = find_named (cli, &args, actor, &status);
  if (staff == NULL)
    return status;

  if (!sila_store_set_staff_active (store, actor, staff->id, active, &error))
    return sila_cli_fail (cli, error);

  if (active)
    sila_cli_message (cli, _("“%s” can sign in again."), staff->username);
  else
    sila_cli_message (cli, _("“%s” was deactivated and can no longer sign in."), staff->username);
  return SILA_EXIT_OK;
}

int
sila_cli_user_deactivate (SilaCli  *cli,
                          int       argc,
                          char    **argv)
{
  return set_active (cli, argc, argv, FALSE);
}

int
sila_cli_user_activate (SilaCli  *cli,
                        int       argc,
                        char    **argv)
{
  return set_active (cli, argc, argv, TRUE);
}

int
sila_cli_user_reset_password (SilaCli  *cli,
                              int       argc,
                              char    **argv)
{
  g_auto(SilaCliArgs) args = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaStaff) staff = NULL;
  g_autoptr(SilaCliSecret) password = NULL;
  const SilaActor *actor;
  SilaStore *store;
  int status = SILA_EXIT_OK;

  if (!sila_cli_args_parse (cli, argc, argv, NULL, &args))
    return SILA_EXIT_USAGE;
  if (args.positional->len != 1)
    return sila_cli_usage_error (cli, _("Usage: %s"), "sila user reset-password NAME");

  store = sila_cli_open_store (cli);
  if (store == NULL)
    return SILA_EXIT_USAGE;
  actor = sila_cli_sign_in (cli, SILA_PERM_STAFF_MANAGE);
  if (actor == NULL)
    return SILA_EXIT_REFUSED;

  staff = find_named (cli, &args, actor, &status);
  if (staff == NULL)
    return status;

  password = sila_cli_read_new_password (cli, staff->username);
  if (password == NULL)
    return SILA_EXIT_REFUSED;

  if (!sila_store_reset_staff_password (store, actor, staff->id, password, &error))
    return sila_cli_fail (cli, error);

  if (g_strcmp0 (actor->id, staff->id) == 0)
    sila_cli_message (cli, _("Your password was changed."));
  else
    sila_cli_message (cli, _("“%s” has a new password, to be changed at the next sign-in."),
                      staff->username);
  return SILA_EXIT_OK;
}

int
sila_cli_user_passwd (SilaCli  *cli,
                      int       argc,
                      char    **argv)
{
  g_auto(SilaCliArgs) args = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaCliSecret) password = NULL;
  const SilaActor *actor;
  SilaStore *store;

  if (!sila_cli_args_parse (cli, argc, argv, NULL, &args))
    return SILA_EXIT_USAGE;
  if (args.positional->len != 0)
    return sila_cli_usage_error (cli, _("Usage: %s"), "sila --user NAME user passwd");

  store = sila_cli_open_store (cli);
  if (store == NULL)
    return SILA_EXIT_USAGE;

  /* The one thing a person whose password was reset may do. */
  sila_cli_allow_expired_password (cli);
  actor = sila_cli_get_actor (cli);
  if (actor == NULL)
    return SILA_EXIT_REFUSED;

  password = sila_cli_read_new_password (cli, actor->username);
  if (password == NULL)
    return SILA_EXIT_REFUSED;

  if (!sila_store_change_own_password (store, actor, sila_cli_get_password (cli), password,
                                       &error))
    return sila_cli_fail (cli, error);

  sila_cli_message (cli, _("Your password was changed."));
  return SILA_EXIT_OK;
}
