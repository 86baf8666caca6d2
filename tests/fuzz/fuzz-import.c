/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer targets: the whole path of an import file, as the command line
 * takes it with --dry-run — the table reader, each row through the core's
 * parsing and checks, then the store's dry run on a real SQLite database
 * in a temporary folder (duplicates, the office's segments and request
 * types, the beneficiaries a request names). One source, three targets:
 * FUZZ_IMPORT is 1 for beneficiaries, 2 for requests, 3 for surveys.
 * Linked against the project's libraries in a sanitizer build
 * (-Dfuzzing=true, see tests/fuzz/meson.build); any crash, sanitizer
 * report or leak is a bug, refusals are fine. Run: README.md, "Fuzzing". */
#define G_LOG_DOMAIN "sila-fuzz"

#include "sila-config.h"

#include <glib/gstdio.h>
#include <stdint.h>
#include <stdio.h>

#include "sila-actor.h"
#include "sila-import-report.h"
#include "sila-store-import.h"
#include "sila-store-private.h"
#include "sila-store-request-import.h"
#include "sila-store-surveys.h"
#include "sila-store.h"
#include "sila-survey-import.h"
#include "sila-table-common.h"

#ifndef FUZZ_IMPORT
#error "FUZZ_IMPORT must be 1 (beneficiaries), 2 (requests) or 3 (surveys)"
#endif

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static SilaStore *store;
static SilaActor *actor;
static SilaSurveyTemplate *template;
static char *input_path;

/* The people the requests' rows name, so that a row reaches the checks
 * past "no such beneficiary". */
static const char registry[] =
  "national_id,name,phone,category\n"
  "1000000008,فاطمة محمد علي الغامدي,0551234567,widow\n"
  "2000000006,مريم أحمد الزهراني,0591234567,elderly\n"
  "1048573628,عبد الله سعد الحربي,0567654321,orphans_family\n";

static void
die (const char   *what,
     const GError *error)
{
  fprintf (stderr, "fuzz-import: %s: %s\n", what, error != NULL ? error->message : "?");
  abort ();
}

static void
remove_folder (void)
{
  static const char *const suffixes[] = { "", "-wal", "-shm" };
  g_autofree char *dir = g_path_get_dirname (input_path);
  g_autofree char *db = g_build_filename (dir, "office.db", NULL);

  g_clear_object (&store);
  g_clear_pointer (&actor, sila_actor_free);
  g_clear_pointer (&template, sila_survey_template_free);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (db, suffixes[i], NULL);

      g_unlink (file);
    }
  g_unlink (input_path);
  g_rmdir (dir);
  g_clear_pointer (&input_path, g_free);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* Small limits keep each input fast; the logic is the same. */
  SilaTableLimits limits = {
    .max_bytes = 1024 * 1024,
    .max_rows = 2000,
    .max_columns = 256,
    .max_cell_bytes = 16 * 1024,
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("sila-fuzz-import-XXXXXX", &error);
  g_autofree char *db = NULL;

  if (dir == NULL)
    die ("temporary folder", error);
  sila_table_set_limits (&limits);

  input_path = g_build_filename (dir, "input", NULL);
  db = g_build_filename (dir, "office.db", NULL);
  store = sila_store_open (db, SILA_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    die ("open the store", error);
  /* A throwaway database: no fsync for what a dry run may write. */
  sila_store_set_unsynced_for_testing (store);
  actor = sila_actor_new_owner ();
  atexit (remove_folder);

#if FUZZ_IMPORT == 2
  {
    g_autoptr(SilaImportReport) report = sila_import_report_new ();
    SilaImportCounts counts = { 0 };

    if (!g_file_set_contents (input_path, registry, -1, &error) ||
        !sila_store_import_beneficiaries (store, actor, input_path, FALSE, report, &counts,
                                          &error))
      die ("import the registry", error);
    if (counts.ok != 3)
      die ("import the registry: not every row was imported", NULL);
  }
#elif FUZZ_IMPORT == 3
  template = sila_store_get_default_survey_template (store, actor, &error);
  if (template == NULL)
    die ("the default survey template", error);
#endif
  (void)registry;
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaImportReport) report = NULL;

  /* The importers take a path, as the command line gives them. Written
   * plainly: g_file_set_contents() would fsync each input. */
  {
    FILE *file = fopen (input_path, "wb");

    if (file == NULL || fwrite (data, 1, size, file) != size || fclose (file) != 0)
      die ("write the input", NULL);
  }

#if FUZZ_IMPORT == 1 || FUZZ_IMPORT == 2
  {
    SilaImportCounts counts = { 0 };

    report = sila_import_report_new ();
#if FUZZ_IMPORT == 1
    (void)sila_store_import_beneficiaries (store, actor, input_path, TRUE, report, &counts,
                                           &error);
#else
    (void)sila_store_import_requests (store, actor, input_path, TRUE, report, &counts, &error);
#endif
    if (error == NULL && counts.ok + counts.rejected + counts.duplicates >
                           sila_table_get_limits ()->max_rows)
      die ("more rows counted than the file can hold", NULL);
  }
#else
  {
    g_autoptr(SilaSurveyImport) import = sila_survey_import_read (input_path, template, &error);
    g_autofree char *previous = NULL;

    if (import == NULL)
      return 0;
    if (!sila_store_find_survey_import (store, sila_survey_import_get_checksum (import),
                                        &previous, &error))
      die ("look up the file's checksum", error);
    report = sila_survey_import_make_report (import, NULL);
  }
#endif

  /* The report as --report writes it, whatever the file's cells held
   * (as text: writing it to disk would only add an fsync per input). */
  if (report != NULL)
    g_free (sila_import_report_to_csv (report));
  return 0;
}
