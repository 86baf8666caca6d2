/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Survey responses collected on paper or in another form tool, read from
 * a CSV file (UTF-8 or Windows-1256) or an Excel workbook:
 *
 *   date,channel,mode,speed,courtesy,…,overall,recommend,suggestion
 *   2026-03-14,phone,paper,5,4,…,4,9,شكرا لكم
 *
 * `date` (Gregorian, YYYY-MM-DD, any digits) is required; `channel` (a
 * code or the policy's Arabic name), `mode` (paper by default) and
 * `request_type` are optional; then one column per question code of the
 * template (its Arabic or English wording is accepted as the header too).
 * An empty cell, or a question without a column, is unanswered. A row with
 * an answer out of range, an unknown channel or mode, or a bad date is
 * rejected whole; every problem is reported. Rows are anonymous: a file
 * carries no links. Reading checks; the store saves (sila-store-surveys.h). */
#pragma once

#include "sila-import-progress.h"
#include "sila-import-report.h"
#include "sila-table-reader.h"
#include "sila-survey.h"

G_BEGIN_DECLS

typedef struct _SilaSurveyImport SilaSurveyImport;

/* Reads and checks the whole file. NULL, with a SILA_TABLE_ERROR, for a
 * file that cannot be read or has no `date` column. */
SilaSurveyImport   *sila_survey_import_read          (const char               *path,
                                                      const SilaSurveyTemplate *tpl,
                                                      GError                  **error);
/* The same with options (sila-import-progress.h): a workbook's sheet,
 * progress as the rows are read, and Stop (G_IO_ERROR_CANCELLED). */
SilaSurveyImport   *sila_survey_import_read_full     (const char               *path,
                                                      const SilaSurveyTemplate *tpl,
                                                      const SilaImportOptions  *options,
                                                      GError                  **error);
void                sila_survey_import_free          (SilaSurveyImport         *import);

/* The columns a file of @tpl's responses may have (for showing how a
 * header was understood); free with g_free(), and @strings (which the
 * columns point into) with g_ptr_array_unref() after them. */
SilaTableColumn    *sila_survey_import_columns       (const SilaSurveyTemplate *tpl,
                                                      guint                    *n_columns,
                                                      GPtrArray               **strings);

/* The responses of the rows accepted (owned by @import). */
GPtrArray          *sila_survey_import_get_responses (SilaSurveyImport         *import);
guint               sila_survey_import_get_n_rows    (SilaSurveyImport         *import);
guint               sila_survey_import_get_n_rejected (SilaSurveyImport        *import);
/* Header cells that are no question of the template: they are ignored,
 * and the report says so. */
const char *const  *sila_survey_import_get_ignored_columns (SilaSurveyImport   *import);
/* The file's SHA-256, so that the same file is not imported twice. */
const char         *sila_survey_import_get_checksum  (SilaSurveyImport         *import);

/* The report (line,result,field,reason): "ok" for each row accepted,
 * "rejected" for each problem of a row refused, "ignored" for a column
 * ignored. @failure, when the accepted rows could not be saved after all,
 * turns their "ok" into "rejected" with that reason. */
SilaImportReport   *sila_survey_import_make_report   (SilaSurveyImport         *import,
                                                      const char               *failure);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SilaSurveyImport, sila_survey_import_free)

G_END_DECLS
