/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The foundation's commands: info, check, settings. */
#define G_LOG_DOMAIN "sila-cli"

#include "sila-config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "sila-cli-private.h"
#include "sila-store-audit-chain.h"
#include "sila-store-backup.h"

int
sila_cli_info (SilaCli  *cli,
               int       argc,
               char    **argv)
{
  g_auto(SilaCliArgs) args = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *last_backup = NULL;
  gint64 n_staff = 0;
  SilaStore *store;

  if (!sila_cli_args_parse (cli, argc, argv, NULL, &args))
    return SILA_EXIT_USAGE;
  if (args.positional->len > 0)
    return sila_cli_usage_error (cli, _("“info” takes no arguments."));

  store = sila_cli_open_store (cli);
  if (store == NULL)
    return SILA_EXIT_USAGE;
  if (sila_cli_sign_in (cli, SILA_PERM_SETTINGS_VIEW) == NULL)
    return SILA_EXIT_REFUSED;

  name = sila_store_get_setting (store, SILA_SETTING_ASSOCIATION_NAME, "");
  if (!sila_store_count_staff (store, &n_staff, &error))
    return sila_cli_fail (cli, error);
  last_backup = sila_store_get_last_backup (store);
  printf ("database: %s\n", sila_store_get_path (store));
  printf ("format: %d\n", sila_store_get_schema_version (store));
  printf ("device: %s\n", sila_store_get_device_id (store));
  printf ("read_only: %s\n", sila_store_is_read_only (store) ? "yes" : "no");
  printf ("association_name: %s\n", name);
  printf ("answer_window_days: %d\n",
          sila_store_get_setting_int (store, SILA_SETTING_ANSWER_WINDOW,
                                      SILA_ANSWER_WINDOW_DEFAULT));
  printf ("staff_accounts: %" G_GINT64_FORMAT "\n", n_staff);
  printf ("last_backup: %s\n", last_backup != NULL ? last_backup : "never");

  return SILA_EXIT_OK;
}

int
sila_cli_check (SilaCli  *cli,
                int       argc,
                char    **argv)
{
  g_auto(SilaCliArgs) args = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *database = NULL;
  SilaStore *store;

  if (!sila_cli_args_parse (cli, argc, argv, NULL, &args))
    return SILA_EXIT_USAGE;
  if (args.positional->len > 0)
    return sila_cli_usage_error (cli, _("“check” takes no arguments."));

  /* A server database whose tables or columns differ from this version's
   * is refused on opening; here it is opened all the same, and the
   * differences are the finding (exit 1), before signing in reads any of
   * its tables. A file's schema is compared on opening already. */
  database = sila_cli_get_database_path (cli);
  if (database == NULL)
    return SILA_EXIT_USAGE;
  if (sila_cli_is_server (database))
    {
      g_autoptr(SilaStore) opened = sila_store_open (database,
                                                     SILA_STORE_OPEN_MUST_EXIST |
                                                     SILA_STORE_OPEN_UNCHECKED_SCHEMA,
                                                     &error);

      if (opened == NULL)
        return sila_cli_fail (cli, error);
      sila_cli_set_store (cli, opened);
      if (!sila_store_check_schema (opened, &error))
        {
          sila_cli_message (cli, "%s", error->message);
          return SILA_EXIT_REFUSED;
        }
    }

  store = sila_cli_open_store (cli);
  if (store == NULL)
    return SILA_EXIT_USAGE;
  if (sila_cli_sign_in (cli, SILA_PERM_SETTINGS_VIEW) == NULL)
    return SILA_EXIT_REFUSED;

  /* Sound means whole, and built the way Sila Desk built it: a planted
   * trigger or view is not sound. On a server, whole is what amcheck says,
   * and its schema was compared above. */
  if (sila_cli_is_server (database))
    {
      if (!sila_server_check (database, &error))
        {
          sila_cli_message (cli, "%s", error->message);
          return SILA_EXIT_REFUSED;
        }
    }
  else if (!sila_store_check_integrity (store, &error))
    {
      sila_cli_message (cli, "%s", error->message);
      return SILA_EXIT_REFUSED;
    }
  else if (!sila_store_check_schema (store, &error))
    {
      sila_cli_message (cli, "%s", error->message);
      return SILA_EXIT_REFUSED;
    }

  /* The audit trail's chain, and its end against the last backup and the
   * board approvals. */
  problems = g_ptr_array_new_with_free_func (g_free);
  if (!sila_store_verify_audit_trail (store, problems, &error))
    return sila_cli_fail (cli, error);
  if (problems->len > 0)
    {
      sila_cli_message (cli, "%s", _("The audit trail was tampered with:"));
      for (guint i = 0; i < problems->len; i++)
        fprintf (stderr, "  %s\n", (const char *)g_ptr_array_index (problems, i));
      return SILA_EXIT_REFUSED;
    }

  printf ("%s\n", _("The database is sound."));
  return SILA_EXIT_OK;
}

int
sila_cli_settings_get (SilaCli  *cli,
                       int       argc,
                       char    **argv)
{
  g_auto(SilaCliArgs) args = { 0 };
  g_autofree char *value = NULL;
  SilaStore *store;
  const char *key;

  if (!sila_cli_args_parse (cli, argc, argv, NULL, &args))
    return SILA_EXIT_USAGE;
  if (args.positional->len != 1)
    return sila_cli_usage_error (cli, _("Usage: %s"), "sila settings get KEY");

  key = g_ptr_array_index (args.positional, 0);
  if (sila_policy_get_default (key) == NULL)
    {
      g_autofree char *shown = g_utf8_make_valid (key, -1);

      return sila_cli_usage_error (cli, _("There is no setting called “%s”."), shown);
    }

  store = sila_cli_open_store (cli);
  if (store == NULL)
    return SILA_EXIT_USAGE;
  if (sila_cli_sign_in (cli, SILA_PERM_SETTINGS_VIEW) == NULL)
    return SILA_EXIT_REFUSED;

  value = sila_store_get_setting (store, key, sila_policy_get_default (key));

  printf ("%s\n", value);
  return SILA_EXIT_OK;
}

int
sila_cli_settings_set (SilaCli  *cli,
                       int       argc,
                       char    **argv)
{
  g_auto(SilaCliArgs) args = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *current = NULL;
  const SilaActor *actor;
  SilaStore *store;
  const char *key;
  const char *value;

  if (!sila_cli_args_parse (cli, argc, argv, NULL, &args))
    return SILA_EXIT_USAGE;
  if (args.positional->len != 2)
    return sila_cli_usage_error (cli, _("Usage: %s"), "sila settings set KEY VALUE");

  store = sila_cli_open_store (cli);
  if (store == NULL)
    return SILA_EXIT_USAGE;
  actor = sila_cli_get_actor (cli);
  if (actor == NULL)
    return SILA_EXIT_REFUSED;

  key = g_ptr_array_index (args.positional, 0);
  value = g_ptr_array_index (args.positional, 1);

  /* A script states the new value outright: it did not look at the old one. */
  current = sila_store_get_setting (store, key, NULL);
  if (!sila_store_set_setting (store, actor, key, current, value, &error))
    return sila_cli_fail (cli, error);

  return SILA_EXIT_OK;
}
