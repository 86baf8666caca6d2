/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Importing a register of beneficiaries: one transaction for the whole
 * file (so that a file damaged half-way leaves nothing behind), one
 * savepoint per row (so that a refused row leaves nothing behind). What a
 * row means and what becomes of it is the core's (sila-beneficiary-import.h);
 * here files like it are looked up and it is saved. */
#define G_LOG_DOMAIN "sila-store"

#include "sila-config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sila-beneficiary-import.h"
#include "sila-store-beneficiaries-private.h"
#include "sila-store-import.h"
#include "sila-table-reader.h"

/* Looks for a file like @file (the same ID, or a similar name with the
 * same mobile or birth date) and saves it if there is none; the core
 * reports the row either way. FALSE only for a database error, which
 * stops the import. */
static gboolean
save_row (SilaStore             *store,
          const SilaActor       *actor,
          SilaBeneficiaryImport *import,
          guint                  line,
          SilaBeneficiary       *file,
          GError               **error)
{
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(SilaTransaction) savepoint = NULL;
  g_autoptr(GError) local = NULL;

  found = sila_store_find_duplicates (store, actor, file, error);
  if (found == NULL)
    return FALSE;
  if (found->len > 0)
    {
      const SilaDuplicate *d = g_ptr_array_index (found, 0);
      g_autofree char *description = sila_duplicate_describe (d);

      sila_beneficiary_import_duplicate (import, line, d->reason == SILA_DUPLICATE_SAME_ID,
                                         description);
      return TRUE;
    }

  savepoint = sila_transaction_begin (store, error);
  if (savepoint == NULL)
    return FALSE;
  if (!sila_store_insert_beneficiary (store, actor, file, SILA_SAVE_IMPORT, NULL, &local))
    {
      /* A refusal of this row's values (the savepoint undoes it); anything
       * else stops the import. */
      if (local->domain == SILA_STORE_ERROR &&
          (local->code == SILA_STORE_ERROR_INVALID || local->code == SILA_STORE_ERROR_DUPLICATE))
        {
          sila_beneficiary_import_reject (import, line, "national_id", local->message);
          return TRUE;
        }
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (!sila_transaction_commit (savepoint, error))
    return FALSE;

  sila_beneficiary_import_accept (import, line, file);
  return TRUE;
}

gboolean
sila_store_import_beneficiaries (SilaStore         *self,
                                 const SilaActor   *actor,
                                 const char        *path,
                                 gboolean           dry_run,
                                 SilaImportReport  *report,
                                 SilaImportCounts  *counts,
                                 GError           **error)
{
  SilaImportOptions options = { .dry_run = dry_run };

  return sila_store_import_beneficiaries_full (self, actor, path, &options, report, counts,
                                               error);
}

gboolean
sila_store_import_beneficiaries_full (SilaStore               *self,
                                      const SilaActor         *actor,
                                      const char              *path,
                                      const SilaImportOptions *options,
                                      SilaImportReport        *report,
                                      SilaImportCounts        *counts,
                                      GError                 **error)
{
  SilaImportTicker ticker;
  gboolean dry_run;
  g_autoptr(SilaTableReader) reader = NULL;
  g_autoptr(SilaBeneficiaryImport) import = NULL;
  g_autoptr(SilaTransaction) tx = NULL;
  g_autoptr(GPtrArray) segments = NULL;
  SilaImportCounts own_counts = { 0 };
  SilaTableRow *row;
  GError *local = NULL;

  g_return_val_if_fail (SILA_IS_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL && report != NULL && options != NULL, FALSE);

  dry_run = options->dry_run;
  if (counts == NULL)
    counts = &own_counts;
  memset (counts, 0, sizeof *counts);

  if (!sila_store_require (self, actor, SILA_PERM_BENEFICIARY_IMPORT, error))
    return FALSE;

  reader = sila_table_reader_open_sheet (path, options->sheet, error);
  if (reader == NULL)
    return FALSE;
  sila_import_ticker_init (&ticker, options, reader, 0);
  segments = sila_store_list_segments (self, TRUE, error);
  if (segments == NULL)
    return FALSE;
  import = sila_beneficiary_import_new (reader, segments, report, counts, error);
  if (import == NULL)
    return FALSE;

  tx = sila_transaction_begin (self, error);
  if (tx == NULL)
    return FALSE;

  while ((row = sila_table_reader_next (reader, &local)) != NULL)
    {
      g_autoptr(SilaBeneficiary) file = sila_beneficiary_import_check_row (import, row);
      gboolean ok = file == NULL || save_row (self, actor, import, row->line, file, error);

      sila_table_row_free (row);
      /* Stopped: returning before the commit rolls the whole file back. */
      if (!ok || !sila_import_ticker_tick (&ticker, error))
        return FALSE;
    }
  if (local != NULL)
    {
      /* Damaged half-way: keep nothing of it (the transaction rolls back). */
      g_propagate_error (error, local);
      return FALSE;
    }

  sila_import_ticker_finish (&ticker);
  if (dry_run)
    return TRUE; /* the transaction rolls back */

  {
    g_autofree char *base = g_path_get_basename (path);
    g_autofree char *summary = g_strdup_printf ("%s: %u ok, %u rejected, %u duplicate", base,
                                                counts->ok, counts->rejected,
                                                counts->duplicates);

    if (!sila_store_audit (self, actor, "import", SILA_AUDIT_ENTITY_BENEFICIARY, NULL, summary,
                           NULL, NULL, error))
      return FALSE;
  }

  /* The last moment Stop can still undo everything. */
  if (!sila_import_check_stopped (options, error))
    return FALSE;
  return sila_transaction_commit (tx, error);
}
