/* SPDX-License-Identifier: GPL-3.0-or-later */
/* An office's register of beneficiaries, row by row: its columns, how a
 * row becomes the intake form's input, and what becomes of each row. The
 * rules are here; the store only looks up files and saves them
 * (sila-store-import.h), so that the command line and the window import
 * alike.
 *
 * Identity: the `national_id` column holds a Saudi national ID or an iqama
 * number, and nothing else: a number that is neither (its length, its
 * first digit, a character that is not a digit, its check digit) is
 * rejected with that reason. Another document comes in only where the
 * file says so: an `id_type` column naming it (passport, جواز سفر, border
 * number, none), or a `passport` column.
 *
 * A typical import, in the store:
 *
 *   import = sila_beneficiary_import_new (reader, segments, report, counts, &error);
 *   while ((row = sila_table_reader_next (reader, &error)) != NULL)
 *     {
 *       file = sila_beneficiary_import_check_row (import, row);   NULL: reported
 *       … look for files like it: sila_beneficiary_import_duplicate () …
 *       … save it, then sila_beneficiary_import_accept () …
 *     }
 */
#pragma once

#include <glib.h>

#include "sila-beneficiary.h"
#include "sila-import-report.h"
#include "sila-table-reader.h"

G_BEGIN_DECLS

typedef struct _SilaBeneficiaryImport SilaBeneficiaryImport;

/* The columns of a register (for the header and for help). */
const SilaTableColumn *sila_beneficiary_import_columns (guint *n_columns);

/* Reads the header row. NULL, with a SILA_TABLE_ERROR, when the file
 * cannot be read, lacks a required column or has no name column.
 * @segments (SilaSegment, the office's list) is kept, as are @report and
 * @counts, which each row adds to. */
SilaBeneficiaryImport *sila_beneficiary_import_new       (SilaTableReader        *reader,
                                                          GPtrArray              *segments,
                                                          SilaImportReport       *report,
                                                          SilaImportCounts       *counts,
                                                          GError                **error);
void                   sila_beneficiary_import_free      (SilaBeneficiaryImport  *self);

/* The row as the form would have been typed (NULL, with the column at
 * fault in @column, when the row cannot be read as one). For tests. */
SilaBeneficiaryInput  *sila_beneficiary_import_row_to_input (SilaBeneficiaryImport *self,
                                                             const SilaTableRow    *row,
                                                             const char           **column,
                                                             GError               **error);

/* The row read and checked: the file to save, or NULL when the row was
 * reported already (rejected with its reason, or a duplicate of an earlier
 * line: the same ID number). */
SilaBeneficiary       *sila_beneficiary_import_check_row (SilaBeneficiaryImport  *self,
                                                          const SilaTableRow     *row);
/* A file like it exists already (@same_id: the same ID number, else a
 * similar name and mobile or birth date); @description names it. */
void                   sila_beneficiary_import_duplicate (SilaBeneficiaryImport  *self,
                                                          guint                   line,
                                                          gboolean                same_id,
                                                          const char             *description);
/* Saving refused the row's values. */
void                   sila_beneficiary_import_reject    (SilaBeneficiaryImport  *self,
                                                          guint                   line,
                                                          const char             *column,
                                                          const char             *reason);
/* The row was saved. */
void                   sila_beneficiary_import_accept    (SilaBeneficiaryImport  *self,
                                                          guint                   line,
                                                          const SilaBeneficiary  *file);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SilaBeneficiaryImport, sila_beneficiary_import_free)

G_END_DECLS
