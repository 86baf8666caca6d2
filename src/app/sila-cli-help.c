/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the command line says about itself: "sila --help", "sila COMMAND
 * --help", the manual page sila(1) and the bash completion. All four are
 * written from the one table of commands (sila-cli.c) and the tables below,
 * so that none of them can drift from what the program accepts. */
#define G_LOG_DOMAIN "sila-cli"

#include "sila-config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sila-channel.h"
#include "sila-cli-private.h"
#include "sila-request.h"
#include "sila-roles.h"

typedef struct {
  const char *name;
  const char *value;    /* or NULL */
  const char *summary;  /* translatable (N_) */
} SilaCliGlobalOption;

static const SilaCliGlobalOption global_options[] = {
  { "--database", "DB", N_("Use the database file DB, or the office server’s database DB "
                           "(postgresql://USER@HOST/NAME or service=NAME), instead of your "
                           "default one") },
  { "--lang", "ar|en", N_("Language of messages and exported labels (default: your setting, "
                          "Arabic)") },
  { "--user", "NAME", N_("Act as this staff member (or SILA_USER; password from SILA_PASSWORD "
                         "or the terminal)") },
  { "--help", NULL, N_("Show this help") },
  { "--version", NULL, N_("Show the version") },
};

static const struct {
  int         status;
  const char *meaning;  /* translatable (N_) */
} exit_statuses[] = {
  { SILA_EXIT_OK, N_("done") },
  { SILA_EXIT_REFUSED, N_("ran, but refused or rejected something: a row of an import, a step "
                          "the policy or your role does not allow") },
  { SILA_EXIT_USAGE, N_("bad usage, or a file that cannot be read") },
};

/* The office settings "settings get" and "settings set" know. */
static const char * const setting_keys[] = {
  "association_name", "answer_window_days", "idle_lock_minutes", "backup_folder", "backup_keep",
  "backup_daily", "consent_required", "retention_years", NULL
};

/* The request and document types a new database starts with; an office may
 * add its own (Preferences → Requests). */
static const char * const default_request_types[] = {
  "financial_aid", "food_basket", "rent", "utility_bills", "medical", "education",
  "home_appliances", NULL
};
static const char * const default_document_types[] = {
  "national_id_copy", "family_register", "income_proof", "lease", "bills", "medical_report",
  "iban_letter", "social_security_statement", NULL
};

#define SYNOPSIS_PREFIX "sila [--database DB] [--lang ar|en] [--user NAME]"

/* --help */

static void
print_option_line (FILE       *stream,
                   const char *left,
                   const char *right)
{
  if (g_utf8_strlen (left, -1) > 32)
    fprintf (stream, "  %s\n  %-32s %s\n", left, "", right);
  else
    fprintf (stream, "  %-32s %s\n", left, right);
}

static void
print_exit_statuses (FILE *stream)
{
  fprintf (stream, "\n%s\n", _("Exit status:"));
  for (guint i = 0; i < G_N_ELEMENTS (exit_statuses); i++)
    fprintf (stream, "  %d  %s\n", exit_statuses[i].status, _(exit_statuses[i].meaning));
}

/* The rule, with the commands it makes create a file named from the
 * command table, so that the two cannot disagree. */
static void
print_creating_commands (FILE                 *stream,
                         const SilaCliCommand *commands,
                         guint                 n_commands)
{
  g_autoptr(GString) creating = g_string_new (NULL);

  for (guint i = 0; i < n_commands; i++)
    if (commands[i].brings_data_in)
      {
        if (creating->len > 0)
          g_string_append (creating, ", ");
        g_string_append (creating, commands[i].name);
        if (commands[i].subcommand != NULL)
          g_string_append_printf (creating, " %s", commands[i].subcommand);
      }
  fprintf (stream, "\n");
  /* Translators: %s is a list of commands, as typed (not translated). */
  fprintf (stream, _("Commands that bring data in (%s) create the database file if it is "
                     "missing; all other commands only read or change an existing database "
                     "and refuse a missing file with exit status 2."),
           creating->str);
  fprintf (stream, "\n");
  fprintf (stream, "%s\n",
           _("On an office server, the same commands set up an empty database; the others "
             "refuse an empty one with exit status 2 (run “db init” first). Passwords for a "
             "server come from ~/.pgpass or a service file, never from the command line."));
}

void
sila_cli_print_usage (FILE *stream)
{
  const SilaCliCommand *commands;
  guint n_commands;

  commands = sila_cli_get_commands (&n_commands);
  fprintf (stream, "%s\n  %s [COMMAND …]\n\n", _("Usage:"), SYNOPSIS_PREFIX);
  fprintf (stream, "%s\n\n", _("Without a command, Sila Desk opens its window."));
  fprintf (stream, "%s\n", _("Commands:"));
  for (guint i = 0; i < n_commands; i++)
    print_option_line (stream, commands[i].synopsis, _(commands[i].summary));

  fprintf (stream, "\n%s\n", _("Options:"));
  for (guint i = 0; i < G_N_ELEMENTS (global_options); i++)
    {
      g_autofree char *left = NULL;

      left = global_options[i].value != NULL
               ? g_strdup_printf ("%s %s", global_options[i].name, global_options[i].value)
               : g_strdup (global_options[i].name);
      print_option_line (stream, left, _(global_options[i].summary));
    }
  fprintf (stream, "\n%s\n", _("“sila COMMAND --help” shows one command’s usage."));
  print_exit_statuses (stream);
  print_creating_commands (stream, commands, n_commands);
}

/* "sila COMMAND --help" (or "sila user --help", for the user commands):
 * the usage of the commands @words names. FALSE, printing nothing, if it
 * names none. */
gboolean
sila_cli_print_command_usage (FILE        *stream,
                              char       **words)
{
  const SilaCliCommand *commands;
  guint n_commands;
  gboolean found = FALSE;
  gboolean has_sub;

  commands = sila_cli_get_commands (&n_commands);
  if (words == NULL || words[0] == NULL)
    return FALSE;

  /* "sila user add --help" names one command; "sila user --help" its group. */
  has_sub = FALSE;
  for (guint i = 0; i < n_commands; i++)
    if (g_str_equal (commands[i].name, words[0]) && commands[i].subcommand != NULL &&
        words[1] != NULL && g_str_equal (commands[i].subcommand, words[1]))
      has_sub = TRUE;

  for (guint i = 0; i < n_commands; i++)
    {
      const SilaCliCommand *command = &commands[i];

      if (!g_str_equal (command->name, words[0]))
        continue;
      if (has_sub && !g_str_equal (command->subcommand, words[1]))
        continue;

      if (!found)
        fprintf (stream, "%s\n", _("Usage:"));
      else
        fprintf (stream, "\n");
      fprintf (stream, "  sila %s\n\n  %s\n", command->synopsis, _(command->summary));
      found = TRUE;
    }

  if (!found)
    return FALSE;

  fprintf (stream, "\n%s\n", _("Options every command takes:"));
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *left = g_strdup_printf ("%s %s", global_options[i].name,
                                               global_options[i].value);

      print_option_line (stream, left, _(global_options[i].summary));
    }
  print_exit_statuses (stream);
  return TRUE;
}

/* Reading a synopsis: the words a script types, then option names, their
 * values and positional arguments. */

typedef struct {
  char      *words;        /* "request move" */
  GPtrArray *options;      /* "--reason" or "--reason=" when it takes a value */
  GPtrArray *value_names;  /* the value's placeholder, "" for a flag */
  GPtrArray *positionals;  /* "NUMBER", "STATUS", "provided|verified|…" */
} Synopsis;

static void
synopsis_clear (Synopsis *synopsis)
{
  g_clear_pointer (&synopsis->words, g_free);
  g_clear_pointer (&synopsis->options, g_ptr_array_unref);
  g_clear_pointer (&synopsis->value_names, g_ptr_array_unref);
  g_clear_pointer (&synopsis->positionals, g_ptr_array_unref);
}

/* NUMBER, YYYY-MM, REPORT.csv, or a choice "provided|verified". */
static gboolean
is_placeholder (const char *token)
{
  return g_ascii_isupper (token[0]) || strchr (token, '|') != NULL;
}

static void
synopsis_parse (const SilaCliCommand *command,
                Synopsis             *synopsis)
{
  g_auto(GStrv) tokens = g_strsplit (command->synopsis, " ", -1);
  guint skip = command->subcommand != NULL ? 2 : 1;

  synopsis->words = command->subcommand != NULL
                      ? g_strdup_printf ("%s %s", command->name, command->subcommand)
                      : g_strdup (command->name);
  synopsis->options = g_ptr_array_new_with_free_func (g_free);
  synopsis->value_names = g_ptr_array_new_with_free_func (g_free);
  synopsis->positionals = g_ptr_array_new_with_free_func (g_free);

  for (guint i = skip; tokens[i] != NULL; i++)
    {
      g_autofree char *token = g_strdup (tokens[i]);

      g_strdelimit (token, "[]()", ' ');
      g_strstrip (token);
      if (*token == '\0' || g_str_equal (token, "|") || g_str_equal (token, "…"))
        continue;

      if (g_str_has_prefix (token, "--"))
        {
          g_autofree char *next = NULL;
          gboolean seen = FALSE;

          if (tokens[i + 1] != NULL)
            {
              next = g_strdup (tokens[i + 1]);
              g_strdelimit (next, "[]()", ' ');
              g_strstrip (next);
            }
          for (guint j = 0; j < synopsis->options->len; j++)
            {
              const char *known = g_ptr_array_index (synopsis->options, j);

              if (strncmp (known, token, strlen (token)) == 0 &&
                  (known[strlen (token)] == '\0' || known[strlen (token)] == '='))
                seen = TRUE;
            }
          if (next != NULL && *next != '\0' && !g_str_has_prefix (next, "--") &&
              is_placeholder (next) && strchr (next, '|') == NULL)
            {
              if (!seen)
                {
                  g_ptr_array_add (synopsis->options, g_strconcat (token, "=", NULL));
                  g_ptr_array_add (synopsis->value_names, g_strdup (next));
                }
              i++;
            }
          else if (!seen)
            {
              g_ptr_array_add (synopsis->options, g_strdup (token));
              g_ptr_array_add (synopsis->value_names, g_strdup (""));
            }
        }
      else if (is_placeholder (token))
        g_ptr_array_add (synopsis->positionals, g_steal_pointer (&token));
    }
}

/* Manual page */

/* Text for roff: backslashes and minus signs escaped, and no line that
 * starts with a control character. */
static char *
roff (const char *text)
{
  GString *out = g_string_new (NULL);

  if (text[0] == '.' || text[0] == '\'')
    g_string_append (out, "\\&");
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\\')
        g_string_append (out, "\\e");
      else if (*p == '-')
        g_string_append (out, "\\-");
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static void
man_paragraphs (FILE              *stream,
                const char * const *paragraphs)
{
  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_autofree char *text = roff (paragraphs[i]);

      fprintf (stream, "%s%s\n", i > 0 ? ".PP\n" : "", text);
    }
}

static void
man_list (FILE               *stream,
          const char         *title,
          const char * const *codes)
{
  g_autofree char *joined = g_strjoinv (", ", (char **)codes);
  g_autofree char *text = roff (joined);

  fprintf (stream, ".TP\n%s\n%s\n", title, text);
}

static void
man_enum_list (FILE       *stream,
               const char *title,
               guint       n,
               const char *(*to_code) (int))
{
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (codes, (gpointer)to_code (i));
  g_ptr_array_add (codes, NULL);
  man_list (stream, title, (const char * const *)codes->pdata);
}

static const char *
channel_code (int i)
{
  return sila_channel_to_code (i);
}

static const char *
status_code (int i)
{
  return sila_request_status_to_code (i);
}

static const char *
document_status_code (int i)
{
  return sila_document_status_to_code (i);
}

static const char *
role_code (int i)
{
  return sila_role_to_code (1 << i);
}

void
sila_cli_write_manpage (FILE *stream)
{
  static const char * const description[] = {
    "Sila Desk is the desk of a charity's beneficiary-relations office. Officers open a file for "
    "each beneficiary, take support requests on right-to-left Arabic forms and check their "
    "documents; each request goes through the social researcher and the research committee "
    "within the answer window, the service delivered is recorded, satisfaction is measured, and "
    "managers export and print the monthly reports the board approves.",
    "Without a command, sila opens its window (press F1 there for the user guide). Given a "
    "command, it runs headless and needs no display: this page documents those commands, for "
    "scripts and for administrators.",
    "Messages go to standard error, in the language of --lang, else of the language chosen in "
    "the application (Arabic unless someone chose English); the system locale does not change "
    "it. Commands that bring data in (imports, survey import, user add, settings set, "
    "restore, db init) create a missing database file; commands that only read or change existing "
    "data refuse a missing file with exit status 2.",
    "--database also takes a PostgreSQL server's database, as a URI "
    "(postgresql://sila@server/office) or a libpq keyword string (service=office), so that "
    "several desks share one office. The same commands that create a missing file set up an "
    "empty server database; the others refuse an empty one with exit status 2, and “db "
    "init” does it on purpose. Passwords follow libpq's conventions (~/.pgpass readable only "
    "by you, PGPASSFILE, a service file) and are never shown or kept by sila.",
    "A database with no staff accounts yet acts as its owner, who holds every role. Once the "
    "first account exists, every command acts as --user NAME (or SILA_USER) with the password "
    "from SILA_PASSWORD or the terminal, and is refused without one.",
    NULL
  };
  const SilaCliCommand *commands;
  guint n_commands;

  commands = sila_cli_get_commands (&n_commands);

  fprintf (stream, ".\\\" SPDX-License-Identifier: GPL-3.0-or-later\n"
                   ".\\\" Written by sila-docs from the command table: do not edit.\n"
                   ".TH SILA 1 \"\" \"Sila Desk %s\" \"User Commands\"\n"
                   ".\\\" Commands and options are never hyphenated.\n"
                   ".nh\n"
                   ".SH NAME\n"
                   "sila \\- the desk of a charity's beneficiary-relations office\n"
                   ".SH SYNOPSIS\n"
                   ".B sila\n"
                   "[\\fIOPTION\\fR ...]\n"
                   ".br\n"
                   ".B sila\n"
                   "[\\fIOPTION\\fR ...] \\fICOMMAND\\fR [\\fIARGUMENT\\fR ...]\n"
                   ".br\n"
                   ".B sila\n"
                   "\\fICOMMAND\\fR \\fB\\-\\-help\\fR\n"
                   ".SH DESCRIPTION\n", PACKAGE_VERSION);
  man_paragraphs (stream, description);

  fprintf (stream, ".SH OPTIONS\n"
                   "These options may stand anywhere on the command line.\n");
  for (guint i = 0; i < G_N_ELEMENTS (global_options); i++)
    {
      g_autofree char *name = roff (global_options[i].name);
      g_autofree char *summary = roff (global_options[i].summary);

      if (global_options[i].value != NULL)
        {
          g_autofree char *value = roff (global_options[i].value);

          fprintf (stream, ".TP\n.BI \"%s \" %s\n%s.\n", name, value, summary);
        }
      else
        fprintf (stream, ".TP\n.B %s\n%s.\n", name, summary);
    }

  fprintf (stream, ".SH COMMANDS\n");
  for (guint i = 0; i < n_commands; i++)
    {
      g_autofree char *synopsis = roff (commands[i].synopsis);
      g_autofree char *summary = roff (commands[i].summary);

      fprintf (stream, ".TP\n.B %s\n%s.\n", synopsis, summary);
    }

  fprintf (stream, ".SH CODES\n"
                   "Scripts name channels, statuses, roles and types by these codes; the "
                   "Arabic names are accepted too.\n");
  man_enum_list (stream, "Channels (\\-\\-channel)", SILA_N_CHANNELS, channel_code);
  man_enum_list (stream, "Request statuses (request move)", SILA_N_REQUEST_STATUSES,
                 status_code);
  man_enum_list (stream, "Document statuses", SILA_N_DOCUMENT_STATUSES, document_status_code);
  man_enum_list (stream, "Roles (\\-\\-role)", 5, role_code);
  man_list (stream, "Request types a new database has (\\-\\-type)", default_request_types);
  man_list (stream, "Document types a new database has", default_document_types);
  man_list (stream, "Settings (settings get, settings set)", setting_keys);

  fprintf (stream, ".SH ENVIRONMENT\n"
                   ".TP\n.B SILA_USER\nThe staff member to act as, when \\-\\-user is not given.\n"
                   ".TP\n.B SILA_PASSWORD\nTheir password; without it, sila asks on the "
                   "terminal.\n"
                   ".TP\n.B SILA_NEW_PASSWORD\nThe new password for user add, user "
                   "reset\\-password and user passwd; without it, sila asks twice.\n"
                   ".TP\n.B SILA_NEW_PIN\nThe new kiosk PIN for survey kiosk\\-pin.\n"
                   ".TP\n.B XDG_DATA_HOME\nWhere the default database lives (see FILES).\n");
  fprintf (stream, ".SH FILES\n"
                   ".TP\n.I $XDG_DATA_HOME/sila/sila.db\n"
                   "The default database (~/.local/share/sila/sila.db), readable by its owner "
                   "only.\n"
                   ".TP\n.I /usr/share/help/*/sila/\n"
                   "The user guide, in Arabic and English.\n");

  fprintf (stream, ".SH EXIT STATUS\n");
  for (guint i = 0; i < G_N_ELEMENTS (exit_statuses); i++)
    {
      g_autofree char *meaning = roff (exit_statuses[i].meaning);

      fprintf (stream, ".TP\n.B %d\n%s.\n", exit_statuses[i].status, meaning);
    }
  fprintf (stream, "A command never crashes on any input: a file it cannot read is "
                   "reported, with exit status 2.\n");

  fprintf (stream, ".SH EXAMPLES\n"
                   "Open a request on a fresh database and take it one step:\n"
                   ".PP\n.nf\n.RS\n"
                   "sila \\-\\-database office.db import beneficiaries register.xlsx\n"
                   "sila \\-\\-database office.db request open \\-\\-national\\-id 1012345674 "
                   "\\-\\-type financial_aid \\-\\-channel interview\n"
                   "sila \\-\\-database office.db request move 1448\\-00001 "
                   "documents_complete\n"
                   ".RE\n.fi\n"
                   ".PP\n"
                   "The board's report for a month, as a workbook and a PDF:\n"
                   ".PP\n.nf\n.RS\n"
                   "sila report \\-\\-month 2026\\-11 \\-\\-xlsx board.xlsx \\-\\-pdf board.pdf\n"
                   ".RE\n.fi\n");
  fprintf (stream, ".SH SEE ALSO\n"
                   "The user guide: press F1 in the window, or run\n"
                   ".BR yelp (1)\n"
                   "with\n.IR help:sila .\n");
}

/* Bash completion */

static const char *
completion_kind (const char *option,
                 const char *placeholder)
{
  if (g_str_equal (placeholder, "FILE") || g_str_equal (placeholder, "DB") ||
      g_str_has_suffix (placeholder, ".csv"))
    return "file";
  if (g_str_equal (placeholder, "STATUS"))
    return "status";
  if (g_str_equal (placeholder, "DOCTYPE"))
    return "doctype";
  if (g_str_equal (placeholder, "KEY"))
    return "key";
  if (option != NULL && g_str_equal (option, "--channel"))
    return "channel";
  if (option != NULL && g_str_equal (option, "--type"))
    return "type";
  if (option != NULL && g_str_equal (option, "--role"))
    return "role";
  if (strchr (placeholder, '|') != NULL)
    return "list";
  return "-";
}

static void
write_words (FILE               *stream,
             const char         *name,
             const char * const *words)
{
  g_autofree char *joined = g_strjoinv (" ", (char **)words);

  fprintf (stream, "_sila_%s='%s'\n", name, joined);
}

static void
write_enum_words (FILE       *stream,
                  const char *name,
                  guint       n,
                  const char *(*to_code) (int))
{
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (codes, (gpointer)to_code (i));
  g_ptr_array_add (codes, NULL);
  write_words (stream, name, (const char * const *)codes->pdata);
}

static void
string_free (gpointer string)
{
  g_string_free (string, TRUE);
}

void
sila_cli_write_completion (FILE *stream)
{
  const SilaCliCommand *commands;
  guint n_commands;
  g_autoptr(GPtrArray) top = g_ptr_array_new ();
  g_autoptr(GHashTable) subs = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                      string_free);

  commands = sila_cli_get_commands (&n_commands);

  fprintf (stream, "# SPDX-License-Identifier: GPL-3.0-or-later\n"
                   "# bash completion for sila(1). Written by sila-docs from the command "
                   "table: do not edit.\n\n");

  for (guint i = 0; i < n_commands; i++)
    {
      GString *group = g_hash_table_lookup (subs, commands[i].name);
      gboolean seen = FALSE;

      for (guint j = 0; j < top->len; j++)
        if (g_str_equal (g_ptr_array_index (top, j), commands[i].name))
          seen = TRUE;
      if (!seen)
        g_ptr_array_add (top, (gpointer)commands[i].name);
      if (commands[i].subcommand != NULL)
        {
          if (group == NULL)
            {
              group = g_string_new (NULL);
              g_hash_table_insert (subs, (gpointer)commands[i].name, group);
            }
          g_string_append_printf (group, "%s%s", group->len > 0 ? " " : "",
                                  commands[i].subcommand);
        }
    }
  g_ptr_array_add (top, NULL);
  write_words (stream, "commands", (const char * const *)top->pdata);
  write_enum_words (stream, "channels", SILA_N_CHANNELS, channel_code);
  write_enum_words (stream, "statuses", SILA_N_REQUEST_STATUSES, status_code);
  write_enum_words (stream, "roles", 5, role_code);
  write_words (stream, "types", default_request_types);
  write_words (stream, "doctypes", default_document_types);
  write_words (stream, "keys", setting_keys);
  fprintf (stream, "_sila_global_options='--database= --lang= --user= --help --version'\n\n");

  /* Per command: its subcommands, or its options and what its positional
   * arguments are. */
  fprintf (stream, "_sila_subcommands ()\n{\n  case \"$1\" in\n");
  for (guint i = 0; i < top->len - 1; i++)
    {
      GString *group = g_hash_table_lookup (subs, g_ptr_array_index (top, i));

      if (group != NULL)
        fprintf (stream, "    %s) echo '%s' ;;\n", (char *)g_ptr_array_index (top, i),
                 group->str);
    }
  fprintf (stream, "  esac\n}\n\n");

  fprintf (stream, "_sila_spec ()\n{\n  case \"$1\" in\n");
  for (guint i = 0; i < n_commands; i++)
    {
      Synopsis synopsis = { 0 };
      g_autoptr(GString) options = g_string_new (NULL);
      g_autoptr(GString) positionals = g_string_new (NULL);

      synopsis_parse (&commands[i], &synopsis);
      for (guint j = 0; j < synopsis.options->len; j++)
        {
          const char *option = g_ptr_array_index (synopsis.options, j);
          const char *value = g_ptr_array_index (synopsis.value_names, j);
          g_autofree char *bare = g_strndup (option, strcspn (option, "="));

          g_string_append_printf (options, "%s ", option);
          if (*value != '\0')
            g_string_append_printf (positionals, "%s:%s ", bare, completion_kind (bare, value));
        }
      g_string_append (options, "--help");
      fprintf (stream, "    '%s') _sila_opts='%s'; _sila_values='%s'; _sila_args='",
               synopsis.words, options->str, positionals->str);
      for (guint j = 0; j < synopsis.positionals->len; j++)
        {
          const char *placeholder = g_ptr_array_index (synopsis.positionals, j);
          const char *kind = completion_kind (NULL, placeholder);

          if (g_str_equal (kind, "list"))
            {
              g_autofree char *words = g_strdup (placeholder);

              g_strdelimit (words, "|", ',');
              fprintf (stream, "%slist:%s", j > 0 ? " " : "", words);
            }
          else
            fprintf (stream, "%s%s", j > 0 ? " " : "", kind);
        }
      fprintf (stream, "' ;;\n");
      synopsis_clear (&synopsis);
    }
  fprintf (stream, "    *) return 1 ;;\n  esac\n}\n\n");

  fprintf (stream, "%s",
"_sila_words_for ()\n"
"{\n"
"  case \"$1\" in\n"
"    status) echo \"$_sila_statuses\" ;;\n"
"    doctype) echo \"$_sila_doctypes\" ;;\n"
"    key) echo \"$_sila_keys\" ;;\n"
"    channel) echo \"$_sila_channels\" ;;\n"
"    type) echo \"$_sila_types\" ;;\n"
"    role) echo \"$_sila_roles\" ;;\n"
"    lang) echo 'ar en' ;;\n"
"    list:*) local w=${1#list:}; echo \"${w//,/ }\" ;;\n"
"  esac\n"
"}\n"
"\n"
"_sila ()\n"
"{\n"
"  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}\n"
"  local i word command='' n_args=0 kind='' _sila_opts _sila_values _sila_args\n"
"  COMPREPLY=()\n"
"\n"
"  # What stands before the cursor: the command's words and how many of its\n"
"  # positional arguments are already there. Global options may be anywhere.\n"
"  for ((i = 1; i < COMP_CWORD; i++)); do\n"
"    word=${COMP_WORDS[i]}\n"
"    case \"$word\" in\n"
"      --database|--lang|--user) ((i++)); continue ;;\n"
"      -*) if [[ -n $command ]] && _sila_spec \"$command\" &&\n"
"             [[ \" $_sila_opts \" == *\" $word= \"* ]]; then ((i++)); fi\n"
"          continue ;;\n"
"    esac\n"
"    if [[ -z $command ]]; then\n"
"      command=$word\n"
"    elif [[ $command != *' '* ]] && [[ -n $(_sila_subcommands \"$command\") ]]; then\n"
"      command=\"$command $word\"\n"
"    else\n"
"      ((n_args++))\n"
"    fi\n"
"  done\n"
"\n"
"  case \"$prev\" in\n"
"    --database) compopt -o filenames 2>/dev/null\n"
"                COMPREPLY=($(compgen -f -- \"$cur\")); return ;;\n"
"    --lang) COMPREPLY=($(compgen -W 'ar en' -- \"$cur\")); return ;;\n"
"    --user) return ;;\n"
"  esac\n"
"\n"
"  if [[ -z $command ]]; then\n"
"    if [[ $cur == -* ]]; then\n"
"      COMPREPLY=($(compgen -W \"${_sila_global_options//=/}\" -- \"$cur\"))\n"
"    else\n"
"      COMPREPLY=($(compgen -W \"$_sila_commands\" -- \"$cur\"))\n"
"    fi\n"
"    return\n"
"  fi\n"
"  if [[ $command != *' '* ]] && [[ -n $(_sila_subcommands \"$command\") ]]; then\n"
"    COMPREPLY=($(compgen -W \"$(_sila_subcommands \"$command\")\" -- \"$cur\"))\n"
"    return\n"
"  fi\n"
"  _sila_spec \"$command\" || return\n"
"\n"
"  # The value of one of the command's options.\n"
"  if [[ $prev == --* ]]; then\n"
"    for word in $_sila_values; do\n"
"      if [[ ${word%%:*} == \"$prev\" ]]; then\n"
"        kind=${word#*:}\n"
"        if [[ $kind == file ]]; then\n"
"          compopt -o filenames 2>/dev/null\n"
"          COMPREPLY=($(compgen -f -- \"$cur\"))\n"
"        else\n"
"          COMPREPLY=($(compgen -W \"$(_sila_words_for \"$kind\")\" -- \"$cur\"))\n"
"        fi\n"
"        return\n"
"      fi\n"
"    done\n"
"  fi\n"
"\n"
"  if [[ $cur == -* ]]; then\n"
"    COMPREPLY=($(compgen -W \"${_sila_opts//=/}\" -- \"$cur\"))\n"
"    return\n"
"  fi\n"
"\n"
"  local args=($_sila_args)\n"
"  kind=${args[n_args]}\n"
"  if [[ $kind == file ]]; then\n"
"    compopt -o filenames 2>/dev/null\n"
"    COMPREPLY=($(compgen -f -- \"$cur\"))\n"
"  elif [[ -n $kind ]]; then\n"
"    COMPREPLY=($(compgen -W \"$(_sila_words_for \"$kind\")\" -- \"$cur\"))\n"
"  fi\n"
"}\n"
"\n"
"complete -F _sila sila\n");
}
