/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The command line: the same executable, headless when given a command.
 * It needs no display and never initializes GTK. */
#define G_LOG_DOMAIN "sila-cli"

#include "sila-config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "sila-account.h"
#include "sila-cli-private.h"
#include "sila-paths.h"
#include "sila-store-staff.h"
#include "sila-table-common.h"

struct _SilaCli
{
  SilaCliOptions *options;
  SilaStore      *store;
  SilaActor      *actor;
  char           *password;          /* the one signed in with, for "user passwd" */
  gboolean        allow_expired;     /* "user passwd" may run after a reset */
  gboolean        unrecorded;        /* db copy-to: a read-only file's owner */
  const SilaCliCommand *command;     /* the one running */
};

static const SilaCliCommand commands[] = {
  { "info", NULL, sila_cli_info, "info",
    N_("Show the database file, its data format and the office settings") },
  { "check", NULL, sila_cli_check, "check",
    N_("Check the database file for damage") },
  { "settings", "get", sila_cli_settings_get, "settings get KEY",
    N_("Print an office setting: association_name, answer_window_days, idle_lock_minutes, "
       "backup_folder, backup_keep, backup_daily, consent_required, retention_years") },
  { "settings", "set", sila_cli_settings_set, "settings set KEY VALUE",
    N_("Change an office setting"), TRUE },
  { "user", "add", sila_cli_user_add, "user add NAME --role ROLE [--role ROLE …]",
    N_("Add a staff account (password from SILA_NEW_PASSWORD or asked twice); "
       "roles: officer, researcher, committee, manager, admin"), TRUE },
  { "user", "list", sila_cli_user_list, "user list [--all] [--json]",
    N_("List the staff accounts (--all: deactivated ones too)") },
  { "user", "roles", sila_cli_user_roles, "user roles NAME --role ROLE [--role ROLE …]",
    N_("Give a staff account these roles instead of its present ones") },
  { "user", "deactivate", sila_cli_user_deactivate, "user deactivate NAME",
    N_("Deactivate a staff account: it can no longer sign in; its history stays") },
  { "user", "activate", sila_cli_user_activate, "user activate NAME",
    N_("Let a deactivated staff account sign in again") },
  { "user", "reset-password", sila_cli_user_reset_password, "user reset-password NAME",
    N_("Give a staff account a new password, to be changed at its next sign-in") },
  { "user", "passwd", sila_cli_user_passwd, "user passwd",
    N_("Change your own password (the new one from SILA_NEW_PASSWORD or asked twice)") },
  { "roles", NULL, sila_cli_roles, "roles [--markdown]",
    N_("Show what each role may do") },
  { "audit", NULL, sila_cli_audit, "audit [--by NAME] [--entity E] [--action A] [--since DATE] "
    "[--until DATE] [--text TEXT] [--limit N] [--json]",
    N_("Show the audit trail, newest first (administrators)") },
  { "backup", NULL, sila_cli_backup, "backup [FILE]",
    N_("Back the database up into FILE, or into the office's backup folder") },
  { "restore", NULL, sila_cli_restore, "restore FILE",
    N_("Replace the database with the backup FILE, after checking it; the replaced "
       "database is kept aside"), TRUE },
  { "db", "init", sila_cli_db_init, "db init",
    N_("Make Sila Desk’s tables in an empty database (a server’s, or a new file); refuses "
       "another program’s database and one made by a newer version"), TRUE },
  { "db", "upgrade", sila_cli_db_upgrade, "db upgrade",
    N_("Bring a database made by an older version of Sila Desk up to date") },
  { "request", "open", sila_cli_request_open,
    "request open --national-id ID --type TYPE --channel CODE [--received DATE]",
    N_("Open a support request from a beneficiary's file; prints its number") },
  { "request", "document", sila_cli_request_document,
    "request document NUMBER DOCTYPE (provided|verified|rejected|missing) [--expires DATE]",
    N_("Record a document of a request's checklist") },
  { "request", "move", sila_cli_request_move,
    "request move NUMBER STATUS [--reason TEXT] [--note TEXT] [--findings TEXT] "
    "[--recommendation TEXT] [--visit DATE] [--researcher NAME] [--decided DATE] "
    "[--members TEXT] [--amount SAR] [--kind KIND] [--delivered DATE]",
    N_("Take a request one step: refused, with the reason, when the policy or your role "
       "forbids it; research_done takes the findings as its note and the recommendation "
       "with --recommendation") },
  { "request", "show", sila_cli_request_show, "request show NUMBER [--json]",
    N_("Show a request: its status, due date, checklist and timeline") },
  { "request", "print", sila_cli_request_print, "request print (NUMBER | --blank) --pdf FILE",
    N_("Write a request's printable form, or the blank form, as an A4 PDF") },
  { "survey", "import", sila_cli_survey_import,
    "survey import FILE [--template CODE] [--dry-run] [--report REPORT.csv]",
    N_("Import survey responses from a CSV file or Excel workbook"), TRUE },
  { "survey", "kiosk-pin", sila_cli_survey_kiosk_pin, "survey kiosk-pin",
    N_("Set the kiosk PIN (from SILA_NEW_PIN or standard input)") },
  { "survey", "results", sila_cli_survey_results,
    "survey results --from DATE --to DATE [--json]",
    N_("Satisfaction survey results for a period (dates inclusive)") },
  { "survey", "templates", sila_cli_survey_templates, "survey templates [--json]",
    N_("List the survey templates and their question codes") },
  { "report", NULL, sila_cli_report,
    "report (--month YYYY-MM | --hijri-month YYYY-MM | --from DATE --to DATE) [--xlsx FILE] "
    "[--pdf FILE]",
    N_("The board’s report for a period: its figures, and as a workbook or a PDF") },
  { "import", "beneficiaries", sila_cli_import_beneficiaries,
    "import beneficiaries FILE [--dry-run] [--report REPORT.csv]",
    N_("Import a register of beneficiaries (CSV or XLSX, Arabic or English headers)"), TRUE },
  { "import", "requests", sila_cli_import_requests,
    "import requests FILE [--dry-run] [--report REPORT.csv]",
    N_("Import the history of support requests (CSV or XLSX), so that reports have a period "
       "before"), TRUE },
  { "export", "beneficiaries", sila_cli_export_beneficiaries,
    "export beneficiaries --xlsx FILE",
    N_("Export the register of beneficiaries as an Excel workbook") },
  { "export", "person", sila_cli_export_person,
    "export person FILE_NUMBER [--json FILE] [--pdf FILE]",
    N_("Everything held about one beneficiary, for them (JSON on standard output, or files)") },
  { "retention", "anonymize", sila_cli_retention_anonymize, "retention anonymize [--dry-run]",
    N_("Anonymize the files closed longer than the retention period") },
  { "contact", "add", sila_cli_contact_add,
    "contact add (--file NUMBER | --national-id ID | --anonymous) --channel CODE "
    "--direction (in|out) --kind KIND [--request NUMBER] [--outcome OUTCOME] [--note TEXT]",
    N_("Log a contact in the contacts log now; prints its number") },
  { "outreach", "list", sila_cli_outreach_list, "outreach list [--date YYYY-MM-DD] [--json]",
    N_("Whom to contact today, and why (the daily outreach list)") },
  { "outreach", "dismiss", sila_cli_outreach_dismiss,
    "outreach dismiss FILE_NUMBER REASON [--request NUMBER] --why TEXT",
    N_("Take a person off today's outreach list, saying why") },
  { "field", "kit", sila_cli_field_kit,
    "field kit --event NAME [--district NAME …] [--lookup-only] [--staff NAME …] --out KIT",
    N_("Prepare a field kit for an event without network: a database file for a laptop "
       "(it holds personal data). --staff: the accounts that will sign in on it (yours always "
       "goes too); without --staff, every active account goes") },
  { "field", "bundle", sila_cli_field_bundle, "field bundle --out BUNDLE",
    N_("On a laptop running a field kit: write the return bundle of its work") },
  { "field", "merge", sila_cli_field_merge,
    "field merge BUNDLE [BUNDLE …] [--dry-run] [--json]",
    N_("Merge return bundles from field laptops, each exactly once; exit 1 when conflicts "
       "are left to review") },
  { "field", "conflicts", sila_cli_field_conflicts, "field conflicts [--json]",
    N_("List what field merges left for review: conflicting changes and possible duplicate "
       "files") },
  { "search", NULL, sila_cli_search, "search TEXT",
    N_("Find beneficiary files by name, file number, ID or phone, newest first") },
  { "segments", NULL, sila_cli_segments, "segments",
    N_("List the segments (شرائح) files are filed under") },
  { "segment", "add", sila_cli_segment_add, "segment add ARABIC [--english NAME]",
    N_("Add a segment to the office's list (administrators); prints its code") },
  { "segment", "rename", sila_cli_segment_rename,
    "segment rename CODE ARABIC [--english NAME]",
    N_("Rename a segment; files keep it") },
  { "segment", "retire", sila_cli_segment_retire, "segment retire CODE",
    N_("Stop offering a segment for new files; files filed under it keep it") },
  { "db", "copy-to", sila_cli_db_copy_to, "db copy-to URI",
    N_("Copy the whole office from this database file into a new or empty server database "
       "(URI), then check that both hold the same: every table's rows and every month's "
       "report; the file is not changed") },
};

/* The table of commands, for the help, the manual page and the shell
 * completion (sila-cli-help.c). */
const SilaCliCommand *
sila_cli_get_commands (guint *n_commands)
{
  *n_commands = G_N_ELEMENTS (commands);
  return commands;
}

int
sila_cli_exit_for_error (const GError *error)
{
  if (error->domain == SILA_STORE_ERROR)
    {
      switch ((SilaStoreError)error->code)
        {
        case SILA_STORE_ERROR_DENIED:
        case SILA_STORE_ERROR_INVALID:
        case SILA_STORE_ERROR_CONFLICT:
        case SILA_STORE_ERROR_DUPLICATE:
        case SILA_STORE_ERROR_NOT_FOUND:
        case SILA_STORE_ERROR_BUSY:
        case SILA_STORE_ERROR_READ_ONLY:
        case SILA_STORE_ERROR_DISK_FULL:
        case SILA_STORE_ERROR_BAD_LOGIN:
        case SILA_STORE_ERROR_LOCKED:
        case SILA_STORE_ERROR_PASSWORD_EXPIRED:
          return SILA_EXIT_REFUSED;
        case SILA_STORE_ERROR_FAILED:
        case SILA_STORE_ERROR_CANNOT_OPEN:
        case SILA_STORE_ERROR_SERVER_LOGIN:
        case SILA_STORE_ERROR_NOT_DATABASE:
        case SILA_STORE_ERROR_TOO_NEW:
        default:
          return SILA_EXIT_USAGE;
        }
    }

  /* A file that cannot be read (as a table, too) is bad usage. */
  if (error->domain == G_OPTION_ERROR || error->domain == G_IO_ERROR ||
      error->domain == G_FILE_ERROR || error->domain == G_CONVERT_ERROR ||
      error->domain == SILA_TABLE_ERROR)
    return SILA_EXIT_USAGE;

  return SILA_EXIT_REFUSED;
}

void
sila_cli_message (SilaCli    *cli,
                  const char *format,
                  ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  fprintf (stderr, "sila: %s\n", text);
}

int
sila_cli_print_json (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = NULL;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  printf ("%s\n", text);
  return SILA_EXIT_OK;
}

void
sila_cli_json_string_or_null (JsonBuilder *builder,
                              const char  *name,
                              const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/* Reports @error on stderr and returns the exit status it deserves. */
int
sila_cli_fail (SilaCli      *cli,
               const GError *error)
{
  sila_cli_message (cli, "%s", error->message);
  return sila_cli_exit_for_error (error);
}

int
sila_cli_usage_error (SilaCli    *cli,
                      const char *format,
                      ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  fprintf (stderr, "sila: %s\n%s\n", text, _("Run “sila --help” for the commands."));
  return SILA_EXIT_USAGE;
}

/* The database the command works on: --database, else the user's default
 * one (its private folder is made if need be). NULL after saying why. */
char *
sila_cli_get_database_path (SilaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;

  if (cli->options->database != NULL)
    return g_strdup (cli->options->database);

  dir = sila_paths_get_data_dir ();
  if (!sila_paths_ensure_private_dir (dir, &error))
    {
      sila_cli_fail (cli, error);
      return NULL;
    }

  return sila_paths_get_default_database ();
}

/* Opens the database on first use; NULL (after saying why) if it cannot.
 * A missing file is created for a command that brings data in, and
 * refused (exit 2) for the others. */
SilaStore *
sila_cli_open_store (SilaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  SilaStoreOpenFlags flags = SILA_STORE_OPEN_MUST_EXIST;

  if (cli->store != NULL)
    return cli->store;

  path = sila_cli_get_database_path (cli);
  if (path == NULL)
    return NULL;

  if (cli->command != NULL && cli->command->brings_data_in)
    flags = SILA_STORE_OPEN_DEFAULT;
  cli->store = sila_store_open (path, flags, &error);
  if (cli->store == NULL)
    sila_cli_fail (cli, error);

  return cli->store;
}

/* Makes @store the one the command works on (db copy-to opens its file
 * read-only itself). */
void
sila_cli_set_store (SilaCli   *cli,
                    SilaStore *store)
{
  g_set_object (&cli->store, store);
}

/* Opens an existing database if it can be, saying nothing if it cannot:
 * restore replaces damaged ones. */
SilaStore *
sila_cli_try_open_store (SilaCli *cli)
{
  g_autofree char *path = NULL;

  if (cli->store != NULL)
    return cli->store;

  path = sila_cli_get_database_path (cli);
  if (path != NULL)
    cli->store = sila_store_open (path, SILA_STORE_OPEN_MUST_EXIST, NULL);

  return cli->store;
}

/* Secrets */

static void
clear_secret (char **secret)
{
  if (*secret != NULL)
    {
      memset (*secret, 0, strlen (*secret));
      g_clear_pointer (secret, g_free);
    }
}

/* Reads one line from the terminal with echo off, as passwd(1) does. */
static char *
read_from_terminal (const char  *prompt,
                    GError     **error)
{
  struct termios saved, quiet;
  GString *line;
  int fd;

  fd = g_open ("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC, 0);
  if (fd < 0 || tcgetattr (fd, &saved) != 0)
    {
      if (fd >= 0)
        close (fd);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "");
      return NULL;
    }

  quiet = saved;
  quiet.c_lflag &= ~(ECHO | ECHOE | ECHOK);
  quiet.c_lflag |= ECHONL;
  tcsetattr (fd, TCSAFLUSH, &quiet);

  /* The question is a courtesy; the answer is what matters. */
  if (write (fd, prompt, strlen (prompt)) < 0)
    g_debug ("The password prompt could not be written");

  line = g_string_new (NULL);
  for (;;)
    {
      char c;
      gssize n = read (fd, &c, 1);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0 || c == '\n' || c == '\r')
        break;
      if (line->len < 4096)
        g_string_append_c (line, c);
    }

  tcsetattr (fd, TCSAFLUSH, &saved);
  close (fd);

  return g_string_free (line, FALSE);
}

/* A password from the environment variable @variable, else asked on the
 * terminal. NULL, after saying why, if there is neither. */
char *
sila_cli_read_password (SilaCli    *cli,
                        const char *variable,
                        const char *prompt)
{
  const char *value = g_getenv (variable);
  g_autoptr(GError) error = NULL;
  char *password;

  if (value != NULL)
    return g_strdup (value);

  password = read_from_terminal (prompt, &error);
  if (password == NULL)
    sila_cli_message (cli, _("No password was given: set %s, or run the command in a terminal "
                             "to type it."),
                      variable);
  return password;
}

/* A new password from SILA_NEW_PASSWORD, else asked twice on the
 * terminal. Checks the rules before anything is saved. */
char *
sila_cli_read_new_password (SilaCli    *cli,
                            const char *username)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *checked = NULL;
  g_autofree char *prompt = NULL;

  if (g_getenv ("SILA_NEW_PASSWORD") == NULL)
    {
      prompt = g_strdup_printf (_("New password for %s: "), username);
      first = sila_cli_read_password (cli, "SILA_NEW_PASSWORD", prompt);
      if (first == NULL)
        return NULL;

      checked = sila_account_check_new_password (first, username, &error);
      if (checked == NULL)
        {
          sila_cli_message (cli, "%s", error->message);
          clear_secret (&first);
          return NULL;
        }
      clear_secret (&checked);

      second = read_from_terminal (_("Type it again: "), NULL);
      if (!sila_account_check_confirmation (first, second, &error))
        {
          sila_cli_message (cli, "%s", error->message);
          clear_secret (&first);
          clear_secret (&second);
          return NULL;
        }
      clear_secret (&second);
      return g_steal_pointer (&first);
    }

  first = g_strdup (g_getenv ("SILA_NEW_PASSWORD"));
  checked = sila_account_check_new_password (first, username, &error);
  if (checked == NULL)
    {
      sila_cli_message (cli, "%s", error->message);
      clear_secret (&first);
      return NULL;
    }
  clear_secret (&checked);

  return g_steal_pointer (&first);
}

/* The password the command signed in with. */
const char *
sila_cli_get_password (SilaCli *cli)
{
  return cli->password;
}

void
sila_cli_allow_expired_password (SilaCli *cli)
{
  cli->allow_expired = TRUE;
}

/* The next sign-in is checked without being recorded: the store is a file
 * opened read-only that its owner is copying (db copy-to). */
void
sila_cli_allow_unrecorded_sign_in (SilaCli *cli)
{
  cli->unrecorded = TRUE;
}

/* Who the command acts as: the owner of a database with no staff accounts,
 * else the staff member named by --user or SILA_USER, signed in with the
 * password from SILA_PASSWORD or the terminal. NULL (after saying why) if
 * there is no one to act as. */
const SilaActor *
sila_cli_get_actor (SilaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaStaff) staff = NULL;
  g_autofree char *prompt = NULL;
  const char *user;
  gint64 n_staff = 0;

  if (cli->actor != NULL)
    return cli->actor;

  g_return_val_if_fail (cli->store != NULL, NULL);

  if (!sila_store_count_staff (cli->store, &n_staff, &error))
    {
      sila_cli_fail (cli, error);
      return NULL;
    }

  if (n_staff == 0)
    {
      cli->actor = sila_actor_new_owner ();
      return cli->actor;
    }

  user = cli->options->user != NULL ? cli->options->user : g_getenv ("SILA_USER");
  if (user == NULL || *user == '\0')
    {
      sila_cli_message (cli, "%s",
                        _("This database has staff accounts: say who you are with --user NAME "
                          "(or SILA_USER), with your password in SILA_PASSWORD or typed when "
                          "asked."));
      return NULL;
    }

  prompt = g_strdup_printf (_("Password for %s: "), g_utf8_validate (user, -1, NULL) ? user : "?");
  cli->password = sila_cli_read_password (cli, "SILA_PASSWORD", prompt);
  if (cli->password == NULL)
    return NULL;

  staff = cli->unrecorded
    ? sila_store_authenticate_unrecorded (cli->store, user, cli->password, &error)
    : sila_store_authenticate (cli->store, user, cli->password, &error);
  if (staff == NULL)
    {
      sila_cli_fail (cli, error);
      return NULL;
    }

  if (staff->must_change_password && !cli->allow_expired)
    {
      sila_cli_message (cli, "%s",
                        _("An administrator reset your password: choose a new one with "
                          "“sila user passwd” before anything else."));
      return NULL;
    }

  cli->actor = sila_staff_to_actor (staff);
  return cli->actor;
}

/* Signs in (see above) and checks that the person may @permission. */
const SilaActor *
sila_cli_sign_in (SilaCli        *cli,
                  SilaPermission  permission)
{
  g_autoptr(GError) error = NULL;
  const SilaActor *actor = sila_cli_get_actor (cli);

  if (actor == NULL)
    return NULL;

  if (!sila_store_require (cli->store, actor, permission, &error))
    {
      sila_cli_fail (cli, error);
      return NULL;
    }

  return actor;
}

/* Lets go of the database (restore replaces the file). */
void
sila_cli_close_store (SilaCli *cli)
{
  g_clear_object (&cli->store);
}

/* Command arguments */

/* Runs the command in options->rest. */
int
sila_cli_run (SilaCliOptions *options)
{
  SilaCli cli = { .options = options };
  char **rest = options->rest;
  int n_rest = g_strv_length (rest);
  int status = -1;

  if (n_rest == 0)
    return sila_cli_usage_error (&cli, _("No command was given."));

  for (guint i = 0; i < G_N_ELEMENTS (commands) && status < 0; i++)
    {
      const SilaCliCommand *command = &commands[i];
      int consumed = 1;

      if (!g_str_equal (rest[0], command->name))
        continue;
      if (command->subcommand != NULL)
        {
          if (n_rest < 2 || !g_str_equal (rest[1], command->subcommand))
            continue;
          consumed = 2;
        }

      cli.command = command;
      status = command->handler (&cli, n_rest - consumed, rest + consumed);
    }

  if (status < 0)
    {
      if (n_rest >= 2)
        status = sila_cli_usage_error (&cli, _("Unknown command “%s %s”."), rest[0], rest[1]);
      else
        status = sila_cli_usage_error (&cli, _("Unknown command “%s”."), rest[0]);
    }

  g_clear_pointer (&cli.actor, sila_actor_free);
  g_clear_object (&cli.store);
  clear_secret (&cli.password);

  return status;
}
