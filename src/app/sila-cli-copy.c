/* SPDX-License-Identifier: GPL-3.0-or-later */
/* db copy-to: moving an office from its file to a server database, then
 * checking the copy (docs/store.md, "Moving an office"). */
#define G_LOG_DOMAIN "sila-cli"

#include "sila-config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "sila-cli-private.h"
#include "sila-format.h"
#include "sila-period.h"
#include "sila-report-figures.h"
#include "sila-store-copy.h"
#include "sila-store-staff.h"

typedef struct {
  gboolean  terminal;     /* stderr is one: a progress line */
  gboolean  shown;        /* a progress line is on the screen */
  guint     n_months;
  char     *first_month;
  char     *last_month;
} CopyRun;

/* A database named for the reader: a file as its display name, a server
 * without any password written into its connection string. */
char *
sila_cli_shown_database (const char *database)
{
  g_autoptr(GString) shown = NULL;
  const char *at, *scheme_end;

  if (g_str_has_prefix (database, "postgresql://") || g_str_has_prefix (database, "postgres://"))
    {
      /* postgresql://user:secret@host/db → postgresql://user@host/db */
      shown = g_string_new (database);
      scheme_end = strstr (shown->str, "://") + 3;
      at = strchr (scheme_end, '@');
      if (at != NULL)
        {
          const char *colon = memchr (scheme_end, ':', at - scheme_end);

          if (colon != NULL)
            g_string_erase (shown, colon - shown->str, at - colon);
        }
      /* …?password=secret */
      {
        char *p = strstr (shown->str, "password=");

        if (p != NULL && (p[-1] == '?' || p[-1] == '&'))
          {
            char *end = strchr (p, '&');

            g_string_erase (shown, p - shown->str,
                            end != NULL ? end - p + 1 : (gssize)strlen (p));
          }
      }
      return g_string_free (g_steal_pointer (&shown), FALSE);
    }

  if (strchr (database, '=') != NULL && !g_file_test (database, G_FILE_TEST_EXISTS))
    {
      /* host=… password=secret dbname=… */
      g_auto(GStrv) words = g_strsplit (database, " ", -1);

      shown = g_string_new (NULL);
      for (guint i = 0; words[i] != NULL; i++)
        {
          if (g_str_has_prefix (words[i], "password="))
            continue;
          if (shown->len > 0 && *words[i] != '\0')
            g_string_append_c (shown, ' ');
          g_string_append (shown, words[i]);
        }
      return g_string_free (g_steal_pointer (&shown), FALSE);
    }

  return g_filename_display_name (database);
}

/* The engine's and the store's messages name the database as it was
 * given; a password written into it is taken out before anyone reads it. */
static void
message_masked (SilaCli      *cli,
                const GError *error,
                const char   *target,
                const char   *shown)
{
  g_autoptr(GString) text = g_string_new (error->message);

  if (*target != '\0' && !g_str_equal (target, shown))
    g_string_replace (text, target, shown, 0);
  sila_cli_message (cli, "%s", text->str);
}

gboolean
sila_cli_is_server (const char *database)
{
  return sila_store_location_is_server (database);
}

static void
progress_cb (const char *table,
             gint64      done,
             gint64      total,
             gpointer    user_data)
{
  CopyRun *run = user_data;
  g_autofree char *done_text = NULL;
  g_autofree char *total_text = NULL;

  if (!run->terminal)
    return;

  done_text = sila_format_int (done);
  total_text = sila_format_int (total);
  /* \r and the clear-to-end-of-line code keep it to one line. */
  fprintf (stderr, "\r\033[K");
  fprintf (stderr, _("%s: %s of %s rows"), table, done_text, total_text);
  fflush (stderr);
  run->shown = TRUE;
}

static void
end_progress (CopyRun *run)
{
  if (run->shown)
    fprintf (stderr, "\r\033[K");
  run->shown = FALSE;
}

/* The board's report of every month with requests, on both sides, equal:
 * the same figures and every line of every breakdown. */
static gboolean
verify_reports_cb (SilaStore        *source,
                   SilaStore        *target,
                   const SilaActor  *actor,
                   GPtrArray        *differences,
                   gpointer          user_data,
                   GError          **error)
{
  CopyRun *run = user_data;
  g_auto(GStrv) months = NULL;
  g_auto(GStrv) copied = NULL;

  months = sila_store_request_months (source, actor, error);
  if (months == NULL)
    return FALSE;
  copied = sila_store_request_months (target, actor, error);
  if (copied == NULL)
    return FALSE;
  if (!g_strv_equal ((const char * const *)months, (const char * const *)copied))
    g_ptr_array_add (differences,
                     g_strdup (_("The months with requests are not the same in the file and "
                                 "in the copy.")));

  for (guint i = 0; months[i] != NULL; i++)
    {
      g_autoptr(SilaReportFigures) here = NULL;
      g_autoptr(SilaReportFigures) there = NULL;
      g_autofree char *here_json = NULL;
      g_autofree char *there_json = NULL;
      SilaPeriod period;
      int year = 0, month = 0;

      if (sscanf (months[i], "%4d-%2d", &year, &month) != 2 ||
          !sila_period_init_month (&period, year, month, NULL))
        {
          g_ptr_array_add (differences,
                           g_strdup_printf (_("A request was received on a day that is not a "
                                              "date (%s)."),
                                            months[i]));
          continue;
        }

      if (run->terminal)
        {
          fprintf (stderr, "\r\033[K");
          fprintf (stderr, _("Comparing the report of %s"), months[i]);
          fflush (stderr);
          run->shown = TRUE;
        }

      here = sila_report_figures_compute (source, actor, &period, error);
      if (here == NULL)
        return FALSE;
      there = sila_report_figures_compute (target, actor, &period, error);
      if (there == NULL)
        return FALSE;

      here_json = sila_report_figures_to_json (here);
      there_json = sila_report_figures_to_json (there);
      if (!g_str_equal (here_json, there_json))
        {
          g_autoptr(GPtrArray) changes = sila_report_figures_compare (there, here_json);

          for (guint c = 0; c < changes->len; c++)
            {
              const SilaReportChange *change = g_ptr_array_index (changes, c);

              g_ptr_array_add (differences,
                               g_strdup_printf (_("The report of %s: %s is %s in the file, %s "
                                                  "in the copy."),
                                                months[i], change->label, change->approved,
                                                change->now));
            }
          if (changes->len == 0)
            g_ptr_array_add (differences,
                             g_strdup_printf (_("The report of %s is not the same in the file "
                                                "and in the copy."),
                                              months[i]));
        }

      run->n_months++;
      if (run->first_month == NULL)
        run->first_month = g_strdup (months[i]);
      g_free (run->last_month);
      run->last_month = g_strdup (months[i]);
    }

  end_progress (run);
  return TRUE;
}

static void
print_summary (CopyRun              *run,
               const SilaCopyResult *result,
               const char           *target)
{
  g_autofree char *rows = sila_format_int (result->rows);
  g_autofree char *files = sila_format_int (result->search_rows);
  g_autofree char *entries = sila_format_int (result->audit_entries);
  guint n_tables = 0, n_rebuilt = 0;

  for (guint i = 0; i < result->counts->len; i++)
    {
      if (g_array_index (result->counts, SilaCopyCount, i).rebuilt)
        n_rebuilt++;
      else
        n_tables++;
    }

  printf (_("Copied %u tables, %s rows, into “%s”.\n"), n_tables, rows, target);
  printf (_("Rebuilt there: the survey statistics and the search index (%s files).\n"), files);
  printf (_("The audit trail’s %s entries came over with their chain intact.\n"), entries);
  if (run->n_months == 1)
    printf (_("Equal on both sides: the row count of every table, and the board’s report for "
              "the one month with requests (%s).\n"),
            run->first_month);
  else if (run->n_months > 1)
    printf (ngettext ("Equal on both sides: the row count of every table, and the board’s "
                      "report for %u month with requests (%s to %s).\n",
                      "Equal on both sides: the row count of every table, and the board’s "
                      "report for %u months with requests (%s to %s).\n",
                      run->n_months),
            run->n_months, run->first_month, run->last_month);
  else
    printf ("%s\n", _("Equal on both sides: the row count of every table (there are no "
                      "requests, so no monthly report to compare)."));
}

static int
copy_to (SilaCli  *cli,
         int       argc,
         char    **argv)
{
  g_auto(SilaCliArgs) args = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaStore) source = NULL;
  g_autoptr(SilaStore) target = NULL;
  g_autoptr(SilaCopyResult) result = NULL;
  g_autofree char *source_path = NULL;
  g_autofree char *source_shown = NULL;
  g_autofree char *target_shown = NULL;
  CopyRun run = { .terminal = isatty (STDERR_FILENO) };
  const SilaActor *actor;
  const char *uri;
  int status;

  if (!sila_cli_args_parse (cli, argc, argv, NULL, &args))
    return SILA_EXIT_USAGE;
  if (args.positional->len != 1)
    return sila_cli_usage_error (cli, _("Usage: %s"), "sila --database FILE db copy-to URI");
  uri = g_ptr_array_index (args.positional, 0);
  target_shown = sila_cli_shown_database (uri);

  source_path = sila_cli_get_database_path (cli);
  if (source_path == NULL)
    return SILA_EXIT_USAGE;
  source_shown = sila_cli_shown_database (source_path);
  if (sila_cli_is_server (source_path))
    return sila_cli_usage_error (cli, _("“%s” is a server’s database: db copy-to moves an office "
                                        "from its database file onto a server."),
                                 source_shown);
  if (g_str_equal (source_path, uri))
    return sila_cli_usage_error (cli, _("“%s” is the database itself: copy it into another "
                                        "one."),
                                 target_shown);

  /* The file is only looked at: not brought up to date, never written. */
  source = sila_store_open (source_path, SILA_STORE_OPEN_READ_ONLY, &error);
  if (source == NULL)
    {
      sila_cli_message (cli, "%s", error->message);
      return SILA_EXIT_USAGE;
    }
  sila_cli_set_store (cli, source);

  /* A file opened read-only cannot count wrong passwords, so a sign-in to
   * it is taken only from the user who owns the file: they can read every
   * row of it, password hashes too, without Sila Desk. */
  {
    gint64 n_staff = 0;
    GStatBuf st;

    if (!sila_store_count_staff (source, &n_staff, &error))
      return sila_cli_fail (cli, error);
    if (n_staff > 0)
      {
        if (g_stat (source_path, &st) != 0 || (st.st_uid != geteuid () && geteuid () != 0))
          {
            sila_cli_message (cli, _("Only the user who owns “%s” on this computer may copy "
                                     "it: the copy signs in without writing to it, so it "
                                     "cannot count wrong passwords."),
                              source_shown);
            return SILA_EXIT_REFUSED;
          }
        sila_cli_allow_unrecorded_sign_in (cli);
      }
  }
  actor = sila_cli_sign_in (cli, SILA_PERM_BACKUP);
  if (actor == NULL)
    return SILA_EXIT_REFUSED;

  /* A new file is made; a server database is given its schema. */
  target = sila_store_open (uri, SILA_STORE_OPEN_DEFAULT, &error);
  if (target == NULL)
    {
      message_masked (cli, error, uri, target_shown);
      return SILA_EXIT_USAGE;
    }
  if (!sila_store_copy_check_target (target, &error))
    {
      message_masked (cli, error, uri, target_shown);
      return SILA_EXIT_USAGE;
    }

  result = sila_store_copy_to (source, target, actor, source_shown, progress_cb,
                               verify_reports_cb, &run, &error);
  end_progress (&run);
  if (result == NULL)
    {
      message_masked (cli, error, uri, target_shown);
      status = sila_cli_exit_for_error (error);
      sila_cli_message (cli, _("Nothing was copied into “%s”."), target_shown);
      goto out;
    }

  if (result->differences->len > 0)
    {
      sila_cli_message (cli, _("The copy was not kept: it differs from “%s”:"), source_shown);
      for (guint i = 0; i < result->differences->len; i++)
        fprintf (stderr, "  %s\n", (const char *)g_ptr_array_index (result->differences, i));
      sila_cli_message (cli, _("Nothing was copied into “%s”."), target_shown);
      status = SILA_EXIT_REFUSED;
      goto out;
    }

  print_summary (&run, result, target_shown);
  status = SILA_EXIT_OK;

out:
  g_free (run.first_month);
  g_free (run.last_month);
  return status;
}

int
sila_cli_db_copy_to (SilaCli  *cli,
                     int       argc,
                     char    **argv)
{
  g_autofree char *path = sila_cli_get_database_path (cli);
  g_autofree char *wal = path != NULL ? g_strconcat (path, "-wal", NULL) : NULL;
  gboolean had_wal = wal != NULL && g_file_test (wal, G_FILE_TEST_EXISTS);
  int status = copy_to (cli, argc, argv);

  /* The file as it was, with nothing left beside it. */
  sila_cli_close_store (cli);
  if (path != NULL && !had_wal)
    sila_store_tidy_after_read_only (path);
  return status;
}
