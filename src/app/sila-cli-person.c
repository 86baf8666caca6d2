/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A person's rights under the PDPL from the command line: their own data
 * (sila export person), and the retention rule (sila retention anonymize). */
#define G_LOG_DOMAIN "sila-cli"

#include "sila-config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "sila-cli-private.h"
#include "sila-person-report.h"
#include "sila-store-beneficiaries.h"
#include "sila-store-person.h"
#include "sila-text.h"

/* sila export person FILE_NUMBER [--json FILE] [--pdf FILE]: everything held
 * about one beneficiary; the JSON goes to standard output when no file is
 * named. Audited as an export. */
int
sila_cli_export_person (SilaCli  *cli,
                        int       argc,
                        char    **argv)
{
  static const SilaCliOptionSpec specs[] = {
    { "--json", TRUE },
    { "--pdf", TRUE },
    { NULL }
  };
  g_auto(SilaCliArgs) args = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) data = NULL;
  g_autoptr(GPtrArray) segments = NULL;
  g_autofree char *json = NULL;
  const char *json_path;
  const char *pdf_path;
  const SilaActor *actor;
  SilaStore *store;
  gint64 number;

  if (!sila_cli_args_parse (cli, argc, argv, specs, &args))
    return SILA_EXIT_USAGE;
  json_path = sila_cli_args_get (&args, "--json");
  pdf_path = sila_cli_args_get (&args, "--pdf");
  if (args.positional->len != 1 || (json_path != NULL && *json_path == '\0') ||
      (pdf_path != NULL && *pdf_path == '\0'))
    return sila_cli_usage_error (cli, _("Usage: %s"),
                                 "sila export person FILE_NUMBER [--json FILE] [--pdf FILE]");

  if (!sila_text_parse_int (g_ptr_array_index (args.positional, 0), 1, G_MAXINT64, &number,
                            &error))
    return sila_cli_usage_error (cli, _("The file number: %s"), error->message);

  store = sila_cli_open_store (cli);
  if (store == NULL)
    return SILA_EXIT_USAGE;
  actor = sila_cli_sign_in (cli, SILA_PERM_PERSONAL_DATA_EXPORT);
  if (actor == NULL)
    return SILA_EXIT_REFUSED;

  data = sila_store_collect_person_data (store, actor, number, &error);
  if (data == NULL)
    return sila_cli_fail (cli, error);

  json = json_to_string (data, TRUE);
  if (json_path != NULL)
    {
      if (!g_file_set_contents_full (json_path, json, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600,
                                     &error))
        {
          sila_cli_message (cli, "%s", error->message);
          return SILA_EXIT_USAGE;
        }
    }
  else if (pdf_path == NULL)
    printf ("%s\n", json);

  if (pdf_path != NULL)
    {
      g_autoptr(SilaDocument) doc = NULL;

      segments = sila_store_list_segments (store, TRUE, NULL);
      doc = sila_person_report_new (data, segments);
      if (!sila_document_write_pdf (doc, pdf_path, &error))
        {
          sila_cli_message (cli, "%s", error->message);
          return SILA_EXIT_USAGE;
        }
    }

  return SILA_EXIT_OK;
}

/* sila retention anonymize [--dry-run]: the files closed longer than the
 * office's retention period lose what identifies the person. Prints the
 * file numbers, one per line. */
int
sila_cli_retention_anonymize (SilaCli  *cli,
                              int       argc,
                              char    **argv)
{
  static const SilaCliOptionSpec specs[] = {
    { "--dry-run", FALSE },
    { NULL }
  };
  g_auto(SilaCliArgs) args = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) numbers = NULL;
  const SilaActor *actor;
  SilaStore *store;
  gboolean dry_run;

  if (!sila_cli_args_parse (cli, argc, argv, specs, &args))
    return SILA_EXIT_USAGE;
  if (args.positional->len != 0)
    return sila_cli_usage_error (cli, _("Usage: %s"), "sila retention anonymize [--dry-run]");
  dry_run = sila_cli_args_has (&args, "--dry-run");

  store = sila_cli_open_store (cli);
  if (store == NULL)
    return SILA_EXIT_USAGE;
  actor = sila_cli_sign_in (cli, SILA_PERM_RETENTION);
  if (actor == NULL)
    return SILA_EXIT_REFUSED;

  numbers = sila_store_list_expired_files (store, actor, &error);
  if (numbers == NULL)
    return sila_cli_fail (cli, error);

  if (!dry_run && !sila_store_anonymize_files (store, actor, numbers, &error))
    return sila_cli_fail (cli, error);

  for (guint i = 0; i < numbers->len; i++)
    printf ("%" G_GINT64_FORMAT "\n", g_array_index (numbers, gint64, i));

  if (dry_run)
    sila_cli_message (cli, ngettext ("%u file would be anonymized.",
                                     "%u files would be anonymized.", numbers->len),
                      numbers->len);
  else
    sila_cli_message (cli, ngettext ("%u file was anonymized.", "%u files were anonymized.",
                                     numbers->len),
                      numbers->len);
  return SILA_EXIT_OK;
}
