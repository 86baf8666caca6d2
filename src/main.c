/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sila: with a command, runs it headless; without one, opens the window. */
#define G_LOG_DOMAIN "sila"

#include "sila-config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <errno.h>
#include <unistd.h>

#include "sila-application.h"
#include "sila-cli.h"
#include "sila-i18n.h"
#include "sila-settings.h"

/* --lang if given, else the user's setting: Arabic unless they chose
 * English. The system locale does not decide. */
static SilaLanguage
choose_language (const char *requested,
                 gboolean   *valid)
{
  SilaLanguage language = SILA_LANGUAGE_ARABIC;
  g_autofree char *setting = NULL;

  *valid = TRUE;
  if (requested != NULL)
    {
      *valid = sila_language_from_code (requested, &language);
      return language;
    }

  setting = sila_settings_get_language ();
  sila_language_from_code (setting, &language);
  return language;
}

static int
run_window (SilaCliOptions *options,
            char           *argv0,
            char          **argv)
{
  g_autoptr(SilaApplication) app = NULL;
  char *app_argv[] = { argv0, NULL };
  int status;

  app = sila_application_new (options->database);
  status = g_application_run (G_APPLICATION (app), 1, app_argv);

  if (sila_application_get_restart_requested (app))
    {
      g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) new_argv = NULL;

      /* The language just chosen wins over a --lang given at the start. */
      for (int i = 0; argv[i] != NULL; i++)
        {
          if (g_str_equal (argv[i], "--lang") && argv[i + 1] != NULL)
            i++;
          else if (!g_str_has_prefix (argv[i], "--lang="))
            g_strv_builder_add (builder, argv[i]);
        }
      new_argv = g_strv_builder_end (builder);

      /* Leave the session bus before the new instance looks for us. */
      g_clear_object (&app);
      execv (exe != NULL ? exe : argv0, new_argv);
      g_printerr ("sila: %s\n", g_strerror (errno));
      return 1;
    }

  return status;
}

int
main (int    argc,
      char **argv)
{
  SilaCliOptions options;
  g_autofree char *requested_language = NULL;
  g_autoptr(GError) error = NULL;
  gboolean language_valid;
  SilaLanguage language;
  gboolean parsed;
  int status;

  parsed = sila_cli_parse_options (argc, argv, &options, &requested_language, &error);
  language = choose_language (requested_language, &language_valid);
  sila_i18n_init (language);

  if (!parsed)
    {
      g_printerr ("sila: %s\n", error->message);
      return SILA_EXIT_USAGE;
    }

  if (!language_valid)
    {
      g_printerr ("sila: %s\n", _("The language must be “ar” or “en”."));
      sila_cli_options_clear (&options);
      return SILA_EXIT_USAGE;
    }

  if (options.show_help && options.rest[0] != NULL)
    {
      /* "sila request move --help": that command's own usage. */
      if (sila_cli_print_command_usage (stdout, options.rest))
        status = SILA_EXIT_OK;
      else
        {
          g_autofree char *unknown = g_strdup_printf (_("Unknown command “%s”."),
                                                      options.rest[0]);

          g_printerr ("sila: %s\n%s\n", unknown, _("Run “sila --help” for the commands."));
          status = SILA_EXIT_USAGE;
        }
    }
  else if (options.show_help)
    {
      sila_cli_print_usage (stdout);
      status = SILA_EXIT_OK;
    }
  else if (options.show_version)
    {
      printf ("sila %s\n", PACKAGE_VERSION);
      status = SILA_EXIT_OK;
    }
  else if (options.rest[0] != NULL)
    status = sila_cli_run (&options);
  else
    status = run_window (&options, argv[0], argv);

  sila_cli_options_clear (&options);
  return status;
}
