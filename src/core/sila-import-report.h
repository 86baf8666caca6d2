/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The report an import leaves beside the file it read: one line per row
 * (or per problem), saying what became of it, as CSV with the header
 * exactly
 *
 *   line,result,field,reason
 *
 * line    the row's line in the imported file (sila-table-common.h);
 *         empty for a problem with the whole file (line 0)
 * result  "ok", "rejected", "duplicate", or another word the caller needs
 * field   the column the reason is about (a key such as "national_id"), or ""
 * reason  the message, in the UI language, or ""
 *
 * The file is UTF-8 without a byte-order mark, lines end in LF, and values
 * are quoted as RFC 4180 says (when they hold a comma, a quote, a line
 * break or start or end with a space). So that opening the report in a
 * spreadsheet runs nothing, a text value starting with = + - @ or a tab is
 * written with a leading apostrophe (the OWASP advice against CSV
 * injection). */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SILA_IMPORT_RESULT_OK        "ok"
#define SILA_IMPORT_RESULT_REJECTED  "rejected"
#define SILA_IMPORT_RESULT_DUPLICATE "duplicate"

typedef struct _SilaImportReport SilaImportReport;

/* What became of an import's rows. */
typedef struct {
  guint ok;          /* imported (or would be, in a dry run) */
  guint rejected;
  guint duplicates;  /* identical to an earlier row or to what is held */
  guint similar;     /* imported, but like another one: the report says which */
} SilaImportCounts;

SilaImportReport *sila_import_report_new       (void);
void              sila_import_report_free      (SilaImportReport  *report);

/* Adds a line; @field and @reason may be NULL (written empty). */
void              sila_import_report_add       (SilaImportReport  *report,
                                                guint              line,
                                                const char        *result,
                                                const char        *field,
                                                const char        *reason);

/* How many lines have @result (NULL: all lines). */
guint             sila_import_report_count     (SilaImportReport  *report,
                                                const char        *result);

/* The @index-th line (from 0, in the order added; sila_import_report_count
 * (report, NULL) of them); FALSE past the end. The strings stay owned by
 * @report; @field and @reason are "" when empty. */
gboolean          sila_import_report_get_line  (SilaImportReport  *report,
                                                guint              index,
                                                guint             *line,
                                                const char       **result,
                                                const char       **field,
                                                const char       **reason);

/* The whole report as CSV text (header included). */
char             *sila_import_report_to_csv    (SilaImportReport  *report);
/* Writes the CSV atomically (a temporary file renamed into place), mode
 * 0600: it may name beneficiaries. Errors are GIO's, with the file named. */
gboolean          sila_import_report_write     (SilaImportReport  *report,
                                                const char        *path,
                                                GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SilaImportReport, sila_import_report_free)

G_END_DECLS
