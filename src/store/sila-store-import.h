/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Importing an office's existing register of beneficiaries (CSV in UTF-8
 * or Windows-1256, or XLSX; Arabic or English headers).
 *
 * Every data row gets one line in the report (sila-import-report.h): "ok"
 * (imported), "rejected" (a value the core refuses: the field and the
 * message say which; a national_id that is not a valid national ID or
 * iqama among them), or "duplicate" (the ID number already has a file, or
 * appears on an earlier line, or a similar name with the same mobile or
 * birth date already has one). The columns and rules are the core's
 * (sila-beneficiary-import.h). A rejected row changes nothing; the good
 * rows are imported even when others are not, unless @dry_run, which
 * changes nothing at all. Rows without a consent column (or with it empty)
 * are imported with consent pending, to be confirmed at the next contact.
 *
 * Returns FALSE only when the file cannot be read to its end (a
 * SILA_TABLE_ERROR: nothing is imported then) or the database refuses
 * (a SILA_STORE_ERROR). */
#pragma once

#include "sila-import-progress.h"
#include "sila-import-report.h"
#include "sila-store.h"

G_BEGIN_DECLS

gboolean sila_store_import_beneficiaries (SilaStore         *self,
                                          const SilaActor   *actor,
                                          const char        *path,
                                          gboolean           dry_run,
                                          SilaImportReport  *report,
                                          SilaImportCounts  *counts,
                                          GError           **error);

/* The same with options (sila-import-progress.h): a workbook's sheet,
 * progress, and Stop through the cancellable, which rolls the whole
 * import back (G_IO_ERROR_CANCELLED; nothing is kept). */
gboolean sila_store_import_beneficiaries_full (SilaStore               *self,
                                               const SilaActor         *actor,
                                               const char              *path,
                                               const SilaImportOptions *options,
                                               SilaImportReport        *report,
                                               SilaImportCounts        *counts,
                                               GError                 **error);

G_END_DECLS
