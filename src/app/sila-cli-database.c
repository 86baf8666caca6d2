/* SPDX-License-Identifier: GPL-3.0-or-later */
/* db init and db upgrade: making Sila Desk's tables in a new database (an
 * empty server database, or a new file) and bringing an older one up to
 * date, each said plainly. */
#define G_LOG_DOMAIN "sila-cli"

#include "sila-config.h"

#include <glib/gi18n.h>

#include "sila-cli-private.h"

int
sila_cli_db_init (SilaCli  *cli,
                  int       argc,
                  char    **argv)
{
  g_auto(SilaCliArgs) args = { 0 };
  SilaStore *store;

  if (!sila_cli_args_parse (cli, argc, argv, NULL, &args))
    return SILA_EXIT_USAGE;
  if (args.positional->len > 0)
    return sila_cli_usage_error (cli, _("“%s” takes no arguments."), "db init");

  /* "db init" brings data in: opening makes the tables of an empty server
   * database or of a missing file, and refuses another program's. */
  store = sila_cli_open_store (cli);
  if (store == NULL)
    return SILA_EXIT_USAGE;

  if (sila_store_was_created (store))
    sila_cli_message (cli, _("“%s” is set up for Sila Desk (data format %d)."),
                      sila_store_get_path (store), sila_store_get_schema_version (store));
  else
    sila_cli_message (cli, _("“%s” is already a Sila Desk database (data format %d). Nothing "
                             "was changed."),
                      sila_store_get_path (store), sila_store_get_schema_version (store));
  return SILA_EXIT_OK;
}

int
sila_cli_db_upgrade (SilaCli  *cli,
                     int       argc,
                     char    **argv)
{
  g_auto(SilaCliArgs) args = { 0 };
  g_autoptr(SilaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  int before;

  if (!sila_cli_args_parse (cli, argc, argv, NULL, &args))
    return SILA_EXIT_USAGE;
  if (args.positional->len > 0)
    return sila_cli_usage_error (cli, _("“%s” takes no arguments."), "db upgrade");

  path = sila_cli_get_database_path (cli);
  if (path == NULL)
    return SILA_EXIT_USAGE;

  store = sila_store_open (path, SILA_STORE_OPEN_MUST_EXIST | SILA_STORE_OPEN_NO_MIGRATE, &error);
  if (store == NULL)
    {
      sila_cli_fail (cli, error);
      return SILA_EXIT_USAGE;
    }

  before = sila_store_get_schema_version (store);
  if (!sila_store_upgrade (store, &error))
    return sila_cli_fail (cli, error);

  if (sila_store_get_schema_version (store) == before)
    sila_cli_message (cli, _("“%s” is up to date (data format %d). Nothing was changed."),
                      sila_store_get_path (store), before);
  else
    sila_cli_message (cli, _("“%s” was brought up to date, from data format %d to %d."),
                      sila_store_get_path (store), before,
                      sila_store_get_schema_version (store));
  return SILA_EXIT_OK;
}
