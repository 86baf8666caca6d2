/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reading the command line's words: the options every command takes, and
 * each command's own options and arguments. */
#define G_LOG_DOMAIN "sila-cli"

#include "sila-config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sila-cli-private.h"
#include "sila-text.h"

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

  /* Every argument is text from here on: checked once, here, so that no
   * command has to read bytes that are not UTF-8. */
  for (int i = 1; i < argc; i++)
    if (!g_utf8_validate (argv[i], -1, NULL))
      {
        g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                     _("Argument %d is not valid UTF-8 text; give every argument, file names "
                       "included, in UTF-8."),
                     i);
        return FALSE;
      }

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
