/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Beneficiary files from the command line: import a register, export it
 * as a workbook, search. */
#define G_LOG_DOMAIN "sila-cli"

#include "sila-config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "sila-beneficiary-export.h"
#include "sila-cli-private.h"
#include "sila-import-report.h"
#include "sila-store-beneficiaries.h"
#include "sila-store-import.h"
#include "sila-table-common.h"

/* sila import beneficiaries FILE [--dry-run] [--report REPORT.csv] */
int
sila_cli_import_beneficiaries (SilaCli  *cli,
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
                                 "sila import beneficiaries FILE [--dry-run] "
                                 "[--report REPORT.csv]");

  path = g_ptr_array_index (args.positional, 0);
  dry_run = sila_cli_args_has (&args, "--dry-run");
  report_path = sila_cli_args_get (&args, "--report");
  if (report_path != NULL && *report_path == '\0')
    return sila_cli_usage_error (cli, _("The option %s needs a value."), "--report");

  store = sila_cli_open_store (cli);
  if (store == NULL)
    return SILA_EXIT_USAGE;
  actor = sila_cli_sign_in (cli, SILA_PERM_BENEFICIARY_IMPORT);
  if (actor == NULL)
    return SILA_EXIT_REFUSED;

  report = sila_import_report_new ();
  {
    SilaImportOptions options = { .dry_run = dry_run };
    g_autoptr(SilaCliProgress) progress = sila_cli_progress_new (dry_run ? _("Checking")
                                                                         : _("Importing"));

    sila_cli_progress_attach (progress, &options);
    if (!sila_store_import_beneficiaries_full (store, actor, path, &options, report, &counts,
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
    sila_cli_message (cli, _("Checked, nothing imported: %u files would be imported, %u rows "
                             "rejected, %u duplicates."),
                      counts.ok, counts.rejected, counts.duplicates);
  else
    sila_cli_message (cli, _("Imported %u files; %u rows rejected, %u duplicates."),
                      counts.ok, counts.rejected, counts.duplicates);

  return counts.rejected > 0 ? SILA_EXIT_REFUSED : SILA_EXIT_OK;
}

/* sila export beneficiaries --xlsx FILE */
int
sila_cli_export_beneficiaries (SilaCli  *cli,
                               int       argc,
                               char    **argv)
{
  static const SilaCliOptionSpec specs[] = {
    { "--xlsx", TRUE },
    { NULL }
  };
  g_auto(SilaCliArgs) args = { 0 };
  g_autoptr(GError) error = NULL;
  const SilaActor *actor;
  const char *path;
  SilaStore *store;
  gboolean ok;
  guint n = 0;

  if (!sila_cli_args_parse (cli, argc, argv, specs, &args))
    return SILA_EXIT_USAGE;
  path = sila_cli_args_get (&args, "--xlsx");
  if (args.positional->len != 0 || path == NULL || *path == '\0')
    return sila_cli_usage_error (cli, _("Usage: %s"), "sila export beneficiaries --xlsx FILE");

  store = sila_cli_open_store (cli);
  if (store == NULL)
    return SILA_EXIT_USAGE;
  actor = sila_cli_sign_in (cli, SILA_PERM_BENEFICIARY_EXPORT);
  if (actor == NULL)
    return SILA_EXIT_REFUSED;

  {
    SilaImportOptions options = { 0 };
    g_autoptr(SilaCliProgress) progress = sila_cli_progress_new (_("Exporting"));

    sila_cli_progress_attach (progress, &options);
    ok = sila_beneficiary_export_xlsx_full (store, actor, path, options.progress,
                                            options.progress_data, &n, &error);
  }
  if (!ok)
    {
      if (error->domain == G_IO_ERROR)
        {
          sila_cli_message (cli, "%s", error->message);
          return SILA_EXIT_USAGE;
        }
      return sila_cli_fail (cli, error);
    }

  sila_cli_message (cli, ngettext ("Exported %u file.", "Exported %u files.", n), n);
  return SILA_EXIT_OK;
}

/* sila search TEXT: newest first, one per line, "FILE\tID\tNAME" ("-" for a
 * file without an ID number). */
int
sila_cli_search (SilaCli  *cli,
                 int       argc,
                 char    **argv)
{
  g_auto(SilaCliArgs) args = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *text = NULL;
  const SilaActor *actor;
  SilaStore *store;

  if (!sila_cli_args_parse (cli, argc, argv, NULL, &args))
    return SILA_EXIT_USAGE;
  if (args.positional->len == 0)
    return sila_cli_usage_error (cli, _("Usage: %s"), "sila search TEXT");

  g_ptr_array_add (args.positional, NULL);
  text = g_strjoinv (" ", (char **)args.positional->pdata);
  g_ptr_array_remove_index (args.positional, args.positional->len - 1);
  if (!g_utf8_validate (text, -1, NULL))
    return sila_cli_usage_error (cli, "%s", _("The text contains characters that cannot be "
                                              "read."));

  store = sila_cli_open_store (cli);
  if (store == NULL)
    return SILA_EXIT_USAGE;
  actor = sila_cli_sign_in (cli, SILA_PERM_BENEFICIARY_VIEW);
  if (actor == NULL)
    return SILA_EXIT_REFUSED;

  rows = sila_store_search_beneficiaries (store, actor, text, NULL, 200, &error);
  if (rows == NULL)
    return sila_cli_fail (cli, error);

  for (guint i = 0; i < rows->len; i++)
    {
      SilaBeneficiaryRow *row = g_ptr_array_index (rows, i);
      const char *id = sila_beneficiary_row_get_id_number (row);

      printf ("%" G_GINT64_FORMAT "\t%s\t%s\n", sila_beneficiary_row_get_file_number (row),
              id != NULL ? id : "-", sila_beneficiary_row_get_name (row));
    }

  return SILA_EXIT_OK;
}

/* sila segments: the office's list, one per line: CODE<TAB>ARABIC<TAB>ENGLISH
 * (and <TAB>retired for those no longer offered). */
int
sila_cli_segments (SilaCli  *cli,
                   int       argc,
                   char    **argv)
{
  g_auto(SilaCliArgs) args = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) segments = NULL;
  SilaStore *store;

  if (!sila_cli_args_parse (cli, argc, argv, NULL, &args))
    return SILA_EXIT_USAGE;
  if (args.positional->len != 0)
    return sila_cli_usage_error (cli, _("Usage: %s"), "sila segments");

  store = sila_cli_open_store (cli);
  if (store == NULL)
    return SILA_EXIT_USAGE;
  if (sila_cli_sign_in (cli, SILA_PERM_BENEFICIARY_VIEW) == NULL)
    return SILA_EXIT_REFUSED;

  segments = sila_store_list_segments (store, TRUE, &error);
  if (segments == NULL)
    return sila_cli_fail (cli, error);
  for (guint i = 0; i < segments->len; i++)
    {
      const SilaSegment *seg = g_ptr_array_index (segments, i);

      printf ("%s\t%s\t%s%s\n", seg->code, seg->name_ar, seg->name_en,
              seg->retired ? "\tretired" : "");
    }
  return SILA_EXIT_OK;
}

/* sila segment add ARABIC [--english NAME]: prints the new code.
 * sila segment rename CODE ARABIC [--english NAME]
 * sila segment retire CODE */
static int
segment_change (SilaCli     *cli,
                int          argc,
                char       **argv,
                const char  *verb)
{
  static const SilaCliOptionSpec specs[] = {
    { "--english", TRUE },
    { NULL }
  };
  g_auto(SilaCliArgs) args = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;
  const SilaActor *actor;
  SilaStore *store;
  guint wanted = g_str_equal (verb, "rename") ? 2 : 1;

  if (!sila_cli_args_parse (cli, argc, argv, specs, &args))
    return SILA_EXIT_USAGE;
  if (args.positional->len != wanted)
    return sila_cli_usage_error (cli, _("Usage: %s"),
                                 g_str_equal (verb, "add")
                                 ? "sila segment add ARABIC [--english NAME]"
                                 : g_str_equal (verb, "rename")
                                 ? "sila segment rename CODE ARABIC [--english NAME]"
                                 : "sila segment retire CODE");

  store = sila_cli_open_store (cli);
  if (store == NULL)
    return SILA_EXIT_USAGE;
  actor = sila_cli_sign_in (cli, SILA_PERM_SETTINGS_EDIT);
  if (actor == NULL)
    return SILA_EXIT_REFUSED;

  if (g_str_equal (verb, "add"))
    {
      if (!sila_store_add_segment (store, actor, g_ptr_array_index (args.positional, 0),
                                   sila_cli_args_get (&args, "--english"), &code, &error))
        return sila_cli_fail (cli, error);
      printf ("%s\n", code);
      return SILA_EXIT_OK;
    }

  {
    g_autoptr(GPtrArray) segments = sila_store_list_segments (store, TRUE, &error);
    const char *wanted_code = g_ptr_array_index (args.positional, 0);
    const SilaSegment *found = NULL;

    if (segments == NULL)
      return sila_cli_fail (cli, error);
    for (guint i = 0; i < segments->len; i++)
      if (g_str_equal (((SilaSegment *)g_ptr_array_index (segments, i))->code, wanted_code))
        found = g_ptr_array_index (segments, i);
    if (found == NULL)
      {
        sila_cli_message (cli, _("There is no segment “%s”. Use one of: %s."), wanted_code,
                          "sila segments");
        return SILA_EXIT_REFUSED;
      }

    if (!sila_store_update_segment (store, actor, found->code,
                                    g_str_equal (verb, "rename")
                                    ? g_ptr_array_index (args.positional, 1) : found->name_ar,
                                    g_str_equal (verb, "rename") &&
                                    sila_cli_args_get (&args, "--english") != NULL
                                    ? sila_cli_args_get (&args, "--english") : found->name_en,
                                    g_str_equal (verb, "retire"), &error))
      return sila_cli_fail (cli, error);
  }
  return SILA_EXIT_OK;
}

int
sila_cli_segment_add (SilaCli *cli, int argc, char **argv)
{
  return segment_change (cli, argc, argv, "add");
}

int
sila_cli_segment_rename (SilaCli *cli, int argc, char **argv)
{
  return segment_change (cli, argc, argv, "rename");
}

int
sila_cli_segment_retire (SilaCli *cli, int argc, char **argv)
{
  return segment_change (cli, argc, argv, "retire");
}
