/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The command line: the same executable, headless when given a command.
 * It needs no display and never initializes GTK. */
#define G_LOG_DOMAIN "sila-cli"

#include "sila-config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "sila-cli-private.h"
#include "sila-paths.h"

struct _SilaCli
{
  SilaCliOptions *options;
  SilaStore      *store;
  SilaActor      *actor;
};

static const SilaCliCommand commands[] = {
  { "info", NULL, sila_cli_info, "info",
    N_("Show the database file, its data format and the office settings") },
  { "check", NULL, sila_cli_check, "check",
    N_("Check the database file for damage") },
  { "settings", "get", sila_cli_settings_get, "settings get KEY",
    N_("Print an office setting (association_name, answer_window_days)") },
  { "settings", "set", sila_cli_settings_set, "settings set KEY VALUE",
    N_("Change an office setting") },
  { "survey", "import", sila_cli_survey_import,
    "survey import FILE [--template CODE] [--dry-run] [--report REPORT.csv]",
    N_("Import survey responses from a CSV file or Excel workbook") },
  { "survey", "kiosk-pin", sila_cli_survey_kiosk_pin, "survey kiosk-pin",
    N_("Set the kiosk PIN (from SILA_NEW_PIN or standard input)") },
  { "survey", "results", sila_cli_survey_results,
    "survey results --from DATE --to DATE [--json]",
    N_("Satisfaction survey results for a period (dates inclusive)") },
  { "survey", "templates", sila_cli_survey_templates, "survey templates [--json]",
    N_("List the survey templates and their question codes") },
};

void
sila_cli_print_usage (FILE *stream)
{
  fprintf (stream, "%s\n  sila [--database DB] [--lang ar|en] [--user NAME] [COMMAND …]\n\n",
           _("Usage:"));
  fprintf (stream, "%s\n\n", _("Without a command, Sila Desk opens its window."));
  fprintf (stream, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (strlen (commands[i].synopsis) > 32)
        fprintf (stream, "  %s\n  %-32s %s\n", commands[i].synopsis, "",
                 _(commands[i].summary));
      else
        fprintf (stream, "  %-32s %s\n", commands[i].synopsis, _(commands[i].summary));
    }
  fprintf (stream, "\n%s\n", _("Options:"));
  fprintf (stream, "  %-32s %s\n", "--database DB",
           _("Use the database file DB instead of your default one"));
  fprintf (stream, "  %-32s %s\n", "--lang ar|en",
           _("Language of messages and exported labels (default: your setting, Arabic)"));
  fprintf (stream, "  %-32s %s\n", "--user NAME",
           _("Act as this staff member (password from SILA_PASSWORD or the terminal)"));
  fprintf (stream, "  %-32s %s\n", "--help", _("Show this help"));
  fprintf (stream, "  %-32s %s\n", "--version", _("Show the version"));
  fprintf (stream, "\n%s\n", _("Exit status: 0 done; 1 refused or rejected something; "
                               "2 bad usage or a file that cannot be read."));
}

static gboolean
take_value (int      argc,
            char   **argv,
            int     *i,
            const char *name,
            char   **value,
            GError **error)
{
  const char *arg = argv[*i];
  gsize len = strlen (name);

  if (arg[len] == '=')
    {
      g_free (*value);
      *value = g_strdup (arg + len + 1);
      return TRUE;
    }

  if (*i + 1 >= argc)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("The option %s needs a value."), name);
      return FALSE;
    }

  g_free (*value);
  *value = g_strdup (argv[++(*i)]);
  return TRUE;
}

static gboolean
is_option (const char *arg,
           const char *name)
{
  gsize len = strlen (name);

  return strncmp (arg, name, len) == 0 && (arg[len] == '\0' || arg[len] == '=');
}

/* Takes the global options out of argv, wherever they stand; what remains
 * is the command and its own options. @language is set only if --lang was
 * given. */
gboolean
sila_cli_parse_options (int              argc,
                        char           **argv,
                        SilaCliOptions  *options,
                        char           **language,
                        GError         **error)
{
  g_autoptr(GStrvBuilder) rest = g_strv_builder_new ();

  memset (options, 0, sizeof *options);

  for (int i = 1; i < argc; i++)
    {
      const char *arg = argv[i];

      if (is_option (arg, "--database"))
        {
          if (!take_value (argc, argv, &i, "--database", &options->database, error))
            return FALSE;
          if (*options->database == '\0')
            {
              g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                                   _("The option --database needs a file name."));
              return FALSE;
            }
        }
      else if (is_option (arg, "--lang"))
        {
          if (!take_value (argc, argv, &i, "--lang", language, error))
            return FALSE;
        }
      else if (is_option (arg, "--user"))
        {
          if (!take_value (argc, argv, &i, "--user", &options->user, error))
            return FALSE;
        }
      else if (g_str_equal (arg, "--help") || g_str_equal (arg, "-h"))
        options->show_help = TRUE;
      else if (g_str_equal (arg, "--version"))
        options->show_version = TRUE;
      else
        g_strv_builder_add (rest, arg);
    }

  options->rest = g_strv_builder_end (rest);
  return TRUE;
}

void
sila_cli_options_clear (SilaCliOptions *options)
{
  g_clear_pointer (&options->database, g_free);
  g_clear_pointer (&options->user, g_free);
  g_clear_pointer (&options->rest, g_strfreev);
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
          return SILA_EXIT_REFUSED;
        case SILA_STORE_ERROR_FAILED:
        case SILA_STORE_ERROR_CANNOT_OPEN:
        case SILA_STORE_ERROR_NOT_DATABASE:
        case SILA_STORE_ERROR_TOO_NEW:
        default:
          return SILA_EXIT_USAGE;
        }
    }

  if (error->domain == G_OPTION_ERROR || error->domain == G_IO_ERROR ||
      error->domain == G_FILE_ERROR || error->domain == G_CONVERT_ERROR)
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

/* Opens the database on first use; NULL (after saying why) if it cannot. */
SilaStore *
sila_cli_open_store (SilaCli            *cli,
                     SilaStoreOpenFlags  flags)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (cli->store != NULL)
    return cli->store;

  if (cli->options->database != NULL)
    path = g_strdup (cli->options->database);
  else
    {
      g_autofree char *dir = sila_paths_get_data_dir ();

      if (!sila_paths_ensure_private_dir (dir, &error))
        {
          sila_cli_fail (cli, error);
          return NULL;
        }
      path = sila_paths_get_default_database ();
    }

  cli->store = sila_store_open (path, flags, &error);
  if (cli->store == NULL)
    sila_cli_fail (cli, error);

  return cli->store;
}

/* Who the command acts as: the owner of a database with no staff accounts,
 * else the staff member named by --user or SILA_USER. NULL (after saying
 * why) if there is no one to act as. */
const SilaActor *
sila_cli_get_actor (SilaCli *cli)
{
  g_autoptr(GError) error = NULL;
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

  sila_cli_message (cli, "%s",
                    _("This database has staff accounts, and signing in from the command line "
                      "is not available in this version of Sila Desk."));
  return NULL;
}

/* Command arguments */

gboolean
sila_cli_args_parse (SilaCli                 *cli,
                     int                      argc,
                     char                   **argv,
                     const SilaCliOptionSpec *specs,
                     SilaCliArgs             *args)
{
  args->options = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                         (GDestroyNotify)g_ptr_array_unref);
  args->positional = g_ptr_array_new_with_free_func (g_free);

  for (int i = 0; i < argc; i++)
    {
      const char *arg = argv[i];
      const SilaCliOptionSpec *spec = NULL;
      GPtrArray *values;
      char *value = NULL;

      if (!g_str_has_prefix (arg, "--") || g_str_equal (arg, "--"))
        {
          if (g_str_equal (arg, "--"))
            {
              for (i++; i < argc; i++)
                g_ptr_array_add (args->positional, g_strdup (argv[i]));
              break;
            }
          g_ptr_array_add (args->positional, g_strdup (arg));
          continue;
        }

      for (guint j = 0; specs != NULL && specs[j].name != NULL; j++)
        if (is_option (arg, specs[j].name))
          spec = &specs[j];

      if (spec == NULL)
        {
          sila_cli_usage_error (cli, _("Unknown option %s."), arg);
          return FALSE;
        }

      if (spec->takes_value)
        {
          g_autoptr(GError) error = NULL;

          if (!take_value (argc, argv, &i, spec->name, &value, &error))
            {
              sila_cli_usage_error (cli, "%s", error->message);
              return FALSE;
            }
        }
      else if (arg[strlen (spec->name)] == '=')
        {
          sila_cli_usage_error (cli, _("The option %s takes no value."), spec->name);
          return FALSE;
        }
      else
        value = g_strdup ("");

      values = g_hash_table_lookup (args->options, spec->name);
      if (values == NULL)
        {
          values = g_ptr_array_new_with_free_func (g_free);
          g_hash_table_insert (args->options, (gpointer)spec->name, values);
        }
      g_ptr_array_add (values, value);
    }

  return TRUE;
}

void
sila_cli_args_clear (SilaCliArgs *args)
{
  g_clear_pointer (&args->options, g_hash_table_unref);
  g_clear_pointer (&args->positional, g_ptr_array_unref);
}

gboolean
sila_cli_args_has (SilaCliArgs *args,
                   const char  *name)
{
  return g_hash_table_contains (args->options, name);
}

/* The last value given for @name, or NULL. */
const char *
sila_cli_args_get (SilaCliArgs *args,
                   const char  *name)
{
  GPtrArray *values = g_hash_table_lookup (args->options, name);

  return values != NULL && values->len > 0 ? g_ptr_array_index (values, values->len - 1) : NULL;
}

GPtrArray *
sila_cli_args_get_all (SilaCliArgs *args,
                       const char  *name)
{
  return g_hash_table_lookup (args->options, name);
}

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

  return status;
}
