/* SPDX-License-Identifier: GPL-3.0-or-later */
/* backup and restore from the command line. */
#define G_LOG_DOMAIN "sila-cli"

#include "sila-config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "sila-audit.h"
#include "sila-cli-private.h"
#include "sila-paths.h"
#include "sila-store-backup.h"

int
sila_cli_backup (SilaCli  *cli,
                 int       argc,
                 char    **argv)
{
  g_auto(SilaCliArgs) args = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *written = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *database = NULL;
  const SilaActor *actor;
  SilaStore *store;

  if (!sila_cli_args_parse (cli, argc, argv, NULL, &args))
    return SILA_EXIT_USAGE;
  if (args.positional->len > 1)
    return sila_cli_usage_error (cli, _("Usage: %s"), "sila --database DB backup [FILE]");

  store = sila_cli_open_store (cli);
  if (store == NULL)
    return SILA_EXIT_USAGE;
  actor = sila_cli_get_actor (cli);
  if (actor == NULL)
    return SILA_EXIT_REFUSED;

  /* A server's database is backed up with the server's own tool. */
  database = sila_cli_get_database_path (cli);
  if (database != NULL && sila_cli_is_server (database))
    written = sila_store_server_backup (store, database, actor, SILA_BACKUP_MANUAL,
                                        args.positional->len == 1
                                          ? g_ptr_array_index (args.positional, 0) : NULL,
                                        &error);
  else
    written = sila_store_backup (store, actor, SILA_BACKUP_MANUAL,
                                 args.positional->len == 1
                                   ? g_ptr_array_index (args.positional, 0) : NULL,
                                 NULL, &error);
  if (written == NULL)
    return sila_cli_fail (cli, error);

  shown = g_filename_display_name (written);
  sila_cli_message (cli, _("Backed up to “%s”."), shown);
  return SILA_EXIT_OK;
}

/* A server's database is restored with pg_restore, into an empty database
 * only: it holds no accounts yet, and nothing of it can be lost. */
static int
restore_on_server (SilaCli    *cli,
                   const char *database,
                   const char *backup)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaBackupInfo) info = NULL;
  g_autoptr(SilaStore) restored = NULL;
  g_autoptr(SilaActor) owner = sila_actor_new_owner ();
  g_autofree char *shown_db = sila_cli_shown_database (database);
  g_autofree char *shown_backup = g_filename_display_name (backup);
  g_autofree char *taken = NULL;
  char head[16] = { 0 };
  FILE *file;

  /* A file's backup is not the server's: say what to do with it. */
  file = fopen (backup, "rb");
  if (file != NULL)
    {
      size_t n = fread (head, 1, sizeof head - 1, file);

      fclose (file);
      if (n >= 15 && memcmp (head, "SQLite format 3", 15) == 0)
        {
          sila_cli_message (cli, _("“%s” is the backup of a database file, not of a server’s "
                                   "database. Restore it into a file, then move that file onto "
                                   "the server with “sila --database FILE db copy-to URI”. "
                                   "Nothing was replaced."),
                            shown_backup);
          return SILA_EXIT_USAGE;
        }
    }

  info = sila_server_restore_dump (database, backup, &error);
  if (info == NULL)
    return sila_cli_fail (cli, error);

  taken = info->made_at != NULL ? sila_audit_format_time (info->made_at) : g_strdup ("?");
  sila_cli_message (cli, _("Restored “%s” from the backup “%s” (taken %s, data format %d)."),
                    shown_db, shown_backup, taken, info->version);

  /* Brought up to date if it is older, and the restore recorded in it. */
  restored = sila_store_open (database, SILA_STORE_OPEN_MUST_EXIST, &error);
  if (restored == NULL || !sila_store_record_restore (restored, owner, backup, &error))
    sila_cli_message (cli, _("The restore could not be recorded in its audit trail: %s"),
                      error->message);
  return SILA_EXIT_OK;
}

int
sila_cli_restore (SilaCli  *cli,
                  int       argc,
                  char    **argv)
{
  g_auto(SilaCliArgs) args = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaActor) actor = NULL;
  g_autoptr(SilaBackupInfo) info = NULL;
  g_autofree char *database = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *shown_db = NULL;
  g_autofree char *shown_backup = NULL;
  g_autofree char *taken = NULL;
  const char *backup;

  if (!sila_cli_args_parse (cli, argc, argv, NULL, &args))
    return SILA_EXIT_USAGE;
  if (args.positional->len != 1)
    return sila_cli_usage_error (cli, _("Usage: %s"), "sila --database DB restore FILE");
  backup = g_ptr_array_index (args.positional, 0);

  database = sila_cli_get_database_path (cli);
  if (database == NULL)
    return SILA_EXIT_USAGE;
  if (sila_cli_is_server (database))
    return restore_on_server (cli, database, backup);

  /* A file that is plainly not a Sila Desk backup is refused before anyone
   * signs in, so that the database is not touched at all. */
  info = sila_backup_inspect (backup, &error);
  if (info == NULL)
    return sila_cli_fail (cli, error);
  g_clear_pointer (&info, sila_backup_info_free);

  /* Whoever restores over a database that can be read signs in to it; a
   * damaged or missing one belongs to whoever owns the file. */
  if (g_file_test (database, G_FILE_TEST_EXISTS))
    {
      SilaStore *store = sila_cli_try_open_store (cli);

      if (store != NULL)
        {
          const SilaActor *signed_in = sila_cli_sign_in (cli, SILA_PERM_BACKUP);

          if (signed_in == NULL)
            return SILA_EXIT_REFUSED;
          actor = sila_actor_copy (signed_in);
          sila_cli_close_store (cli);
        }
    }
  if (actor == NULL)
    actor = sila_actor_new_owner ();

  info = sila_store_restore (database, backup, actor, &aside, &error);
  if (info == NULL)
    return sila_cli_fail (cli, error);

  shown_db = g_filename_display_name (database);
  shown_backup = g_filename_display_name (backup);
  taken = info->made_at != NULL ? sila_audit_format_time (info->made_at) : g_strdup ("?");
  sila_cli_message (cli, _("Restored “%s” from the backup “%s” (taken %s, data format %d)."),
                    shown_db, shown_backup, taken, info->version);
  if (aside != NULL)
    {
      g_autofree char *shown_aside = g_filename_display_name (aside);

      sila_cli_message (cli, _("The database it replaced was kept as “%s”."), shown_aside);
    }

  return SILA_EXIT_OK;
}
