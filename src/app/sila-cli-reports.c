/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The board's report from the command line, and the import of past
 * requests it compares with. */
#define G_LOG_DOMAIN "sila-cli"

#include "sila-config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "sila-cli-private.h"
#include "sila-date.h"
#include "sila-import-report.h"
#include "sila-report-document.h"
#include "sila-report-workbook.h"
#include "sila-store-request-import.h"
#include "sila-table-common.h"
#include "sila-text.h"

#define REPORT_USAGE "sila report (--month YYYY-MM | --hijri-month YYYY-MM | " \
                     "--from DATE --to DATE) [--xlsx FILE] [--pdf FILE]"

/* "2026-03" (any digits) into a year and a month. */
static gboolean
parse_year_month (const char *text,
                  guint      *year,
                  guint      *month)
{
  g_autofree char *ascii = sila_text_digits_to_ascii (text);
  g_auto(GStrv) parts = g_strsplit (g_strstrip (ascii), "-", -1);
  gint64 y, m;

  if (g_strv_length (parts) != 2 ||
      !sila_text_parse_int (parts[0], 1, 9999, &y, NULL) ||
      !sila_text_parse_int (parts[1], 1, 12, &m, NULL) || strlen (parts[0]) != 4)
    return FALSE;
  *year = (guint)y;
  *month = (guint)m;
  return TRUE;
}

/* The period the options name; FALSE after saying why (bad usage). */
static gboolean
read_period (SilaCli     *cli,
             SilaCliArgs *args,
             SilaPeriod  *period)
{
  const char *month = sila_cli_args_get (args, "--month");
  const char *hijri = sila_cli_args_get (args, "--hijri-month");
  const char *from = sila_cli_args_get (args, "--from");
  const char *to = sila_cli_args_get (args, "--to");
  g_autoptr(GError) error = NULL;
  guint kinds = (month != NULL) + (hijri != NULL) + (from != NULL || to != NULL);
  guint year, number;

  if (kinds != 1 || (from != NULL) != (to != NULL))
    {
      sila_cli_usage_error (cli, _("Usage: %s"), REPORT_USAGE);
      return FALSE;
    }

  if (month != NULL || hijri != NULL)
    {
      const char *text = month != NULL ? month : hijri;

      if (!parse_year_month (text, &year, &number))
        {
          sila_cli_usage_error (cli, _("Write the month as YEAR-MONTH, for example %s."),
                                month != NULL ? "2026-03" : "1447-09");
          return FALSE;
        }
      if (month != NULL ? sila_period_init_month (period, year, number, &error)
                        : sila_period_init_hijri_month (period, year, number, &error))
        return TRUE;
    }
  else
    {
      GDate start, end;

      if (!sila_date_parse_guess (from, &start, NULL, &error))
        g_prefix_error (&error, "--from: ");
      else if (!sila_date_parse_guess (to, &end, NULL, &error))
        g_prefix_error (&error, "--to: ");
      else if (sila_period_init_range (period, &start, &end, &error))
        return TRUE;
    }

  sila_cli_usage_error (cli, "%s", error->message);
  return FALSE;
}

static void
print_figures (const SilaReportFigures *figures)
{
  g_autofree char *title = sila_report_title (&figures->period);
  g_autofree char *label = sila_period_to_label (&figures->period);
  g_autofree char *other = sila_report_period_other (&figures->period);

  printf ("%s — %s\n%s\n\n", title, label, other);
  for (int f = 0; f < SILA_N_FIGURES; f++)
    {
      g_autofree char *value = sila_report_format_figure (f, &figures->figures[f]);

      printf ("%s: %s\n", sila_figure_to_label (f), value);
    }

  if (figures->approval != NULL)
    {
      g_autofree char *day = sila_date_format (&figures->approval->approved_on,
                                               SILA_CALENDAR_GREGORIAN);

      printf ("\n");
      printf (_("Approved by the board: decision No. %s of %s (%s)."),
              figures->approval->decision_number, day, figures->approval->approved_by);
      printf ("\n");
      for (guint i = 0; i < figures->changes->len; i++)
        {
          const SilaReportChange *change = g_ptr_array_index (figures->changes, i);

          /* Translators: a figure changed since the board approved it:
           * "Requests received: 12 approved, 13 now". */
          printf (_("Changed since approval — %s: %s approved, %s now"), change->label,
                  change->approved, change->now);
          printf ("\n");
        }
    }
}

/* sila report (--month YYYY-MM | --hijri-month YYYY-MM | --from DATE --to DATE)
 *             [--xlsx FILE] [--pdf FILE] */
int
sila_cli_report (SilaCli  *cli,
                 int       argc,
                 char    **argv)
{
  static const SilaCliOptionSpec specs[] = {
    { "--month", TRUE },
    { "--hijri-month", TRUE },
    { "--from", TRUE },
    { "--to", TRUE },
    { "--xlsx", TRUE },
    { "--pdf", TRUE },
    { NULL }
  };
  g_auto(SilaCliArgs) args = { 0 };
  g_autoptr(SilaReportFigures) figures = NULL;
  g_autoptr(GError) error = NULL;
  const char *xlsx, *pdf;
  const SilaActor *actor;
  SilaStore *store;
  SilaPeriod period;

  if (!sila_cli_args_parse (cli, argc, argv, specs, &args))
    return SILA_EXIT_USAGE;
  if (args.positional->len != 0)
    return sila_cli_usage_error (cli, _("Usage: %s"), REPORT_USAGE);
  if (!read_period (cli, &args, &period))
    return SILA_EXIT_USAGE;
  xlsx = sila_cli_args_get (&args, "--xlsx");
  pdf = sila_cli_args_get (&args, "--pdf");
  if ((xlsx != NULL && *xlsx == '\0') || (pdf != NULL && *pdf == '\0'))
    return sila_cli_usage_error (cli, _("The option %s needs a value."),
                                 xlsx != NULL && *xlsx == '\0' ? "--xlsx" : "--pdf");

  store = sila_cli_open_store (cli);
  if (store == NULL)
    return SILA_EXIT_USAGE;
  actor = sila_cli_sign_in (cli, (xlsx != NULL || pdf != NULL) ? SILA_PERM_REPORT_EXPORT
                                                                 : SILA_PERM_REPORT_VIEW);
  if (actor == NULL)
    return SILA_EXIT_REFUSED;

  figures = sila_report_figures_compute (store, actor, &period, &error);
  if (figures == NULL)
    return sila_cli_fail (cli, error);

  if (xlsx != NULL)
    {
      if (!sila_report_write_xlsx (store, actor, figures, xlsx, &error))
        return sila_cli_fail (cli, error);
      sila_cli_message (cli, _("The workbook was written: %s"), xlsx);
    }
  if (pdf != NULL)
    {
      if (!sila_report_write_pdf (store, actor, figures, pdf, &error))
        return sila_cli_fail (cli, error);
      sila_cli_message (cli, _("The PDF was written: %s"), pdf);
    }

  print_figures (figures);
  return SILA_EXIT_OK;
}

/* sila import requests FILE [--dry-run] [--report REPORT.csv] */
int
sila_cli_import_requests (SilaCli  *cli,
                          int       argc,
                          char    **argv)
{
  static const SilaCliOptionSpec specs[] = {
    { "--dry-run", FALSE },
    { "--report", TRUE },
    { NULL }
  };
  g_auto(SilaCliArgs) args = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaImportReport) report = NULL;
  SilaImportCounts counts = { 0 };
  const SilaActor *actor;
  const char *report_path;
  const char *path;
  gboolean dry_run;
  SilaStore *store;

  if (!sila_cli_args_parse (cli, argc, argv, specs, &args))
    return SILA_EXIT_USAGE;
  if (args.positional->len != 1)
    return sila_cli_usage_error (cli, _("Usage: %s"),
                                 "sila import requests FILE [--dry-run] [--report REPORT.csv]");

  path = g_ptr_array_index (args.positional, 0);
  dry_run = sila_cli_args_has (&args, "--dry-run");
  report_path = sila_cli_args_get (&args, "--report");
  if (report_path != NULL && *report_path == '\0')
    return sila_cli_usage_error (cli, _("The option %s needs a value."), "--report");

  store = sila_cli_open_store (cli);
  if (store == NULL)
    return SILA_EXIT_USAGE;
  actor = sila_cli_get_actor (cli);
  if (actor == NULL)
    return SILA_EXIT_REFUSED;

  report = sila_import_report_new ();
  {
    SilaImportOptions options = { .dry_run = dry_run };
    g_autoptr(SilaCliProgress) progress = sila_cli_progress_new (dry_run ? _("Checking")
                                                                         : _("Importing"));

    sila_cli_progress_attach (progress, &options);
    if (!sila_store_import_requests_full (store, actor, path, &options, report, &counts,
                                          &error))
      {
        g_clear_pointer (&progress, sila_cli_progress_free);
        return sila_cli_fail (cli, error);  /* an unreadable file is bad usage (2), a refusal 1 */
      }
  }

  if (report_path != NULL && !sila_import_report_write (report, report_path, &error))
    {
      sila_cli_message (cli, "%s", error->message);
      return SILA_EXIT_USAGE;
    }

  if (dry_run)
    /* Translators: a summary after checking a file without importing it. */
    sila_cli_message (cli, _("Checked, nothing imported: %u requests would be imported, %u rows "
                             "rejected, %u duplicates."),
                      counts.ok, counts.rejected, counts.duplicates);
  else
    sila_cli_message (cli, _("Imported %u requests; %u rows rejected, %u duplicates."),
                      counts.ok, counts.rejected, counts.duplicates);
  if (counts.similar > 0)
    sila_cli_message (cli, ngettext ("%u of them resembles another request (the same ID, type "
                                     "and day received) and was kept as a request of its own; "
                                     "the report says which.",
                                     "%u of them resemble another request (the same ID, type "
                                     "and day received) and were kept as requests of their own; "
                                     "the report says which.", counts.similar),
                      counts.similar);

  return counts.rejected > 0 ? SILA_EXIT_REFUSED : SILA_EXIT_OK;
}
