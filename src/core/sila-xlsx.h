/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A worksheet of an Excel workbook (.xlsx, Office Open XML) — the first
 * visible one unless another is asked for by name —
 * whoever wrote it (Excel, LibreOffice, Google Sheets, openpyxl,
 * libxlsxwriter).
 *
 * The sheet is found as Excel finds it: _rels/.rels names the workbook,
 * whose first visible <sheet> points through xl/_rels/workbook.xml.rels to
 * the worksheet part. Cells come back as text:
 *   - shared strings (rich text runs joined, phonetic runs left out),
 *     inline strings and formula results as they are, with Excel's
 *     _xHHHH_ escapes decoded;
 *   - booleans as "TRUE" / "FALSE", errors as written ("#N/A");
 *   - numbers in plain ASCII ("1234", "1234.5", "0.3"; integral values
 *     below 10^15 without a decimal point, so IDs and phones survive);
 *   - numbers whose cell format is a date (built-in formats 14–17, 22,
 *     27–36, 50–58, or a custom format with day or year parts, Hijri
 *     display formats included) as "YYYY-MM-DD", in the 1900 or 1904 date
 *     system the workbook declares; time-only formats as "HH:MM:SS".
 * Empty cells inside a row come back as "" at their column (the cell
 * references say where each cell is); empty cells at the end of a row and
 * rows with no cells are left out. A row's line is its row number.
 *
 * The worksheet is parsed as it is unpacked, a chunk at a time, so memory
 * stays small however many rows it has; shared strings are held whole.
 * Every part unpacked counts against the limits' max_bytes, whatever the
 * ZIP directory claims, which defeats "ZIP bombs". */
#pragma once

#include <glib.h>

#include "sila-table-common.h"

G_BEGIN_DECLS

typedef struct _SilaXlsxReader SilaXlsxReader;

/* Open a workbook from a file or from its bytes. Errors (SILA_TABLE_ERROR):
 * IO, FORMAT (a ZIP that is not a workbook; an OpenDocument file), DAMAGED
 * (a broken archive or XML), TOO_LARGE. */
SilaXlsxReader *sila_xlsx_reader_new_from_file  (const char      *path,
                                                 GError         **error);
SilaXlsxReader *sila_xlsx_reader_new_from_bytes (GBytes          *bytes,
                                                 GError         **error);
/* The worksheet named @sheet (any, hidden or not) rather than the first
 * visible one; NULL: the first visible one. EMPTY error when there is no
 * worksheet of that name. */
SilaXlsxReader *sila_xlsx_reader_new_from_file_sheet (const char *path,
                                                      const char *sheet,
                                                      GError    **error);
void            sila_xlsx_reader_free           (SilaXlsxReader  *reader);

/* The names of the workbook's worksheets, in its order (NULL-terminated;
 * chart sheets are not listed). */
const char *const *sila_xlsx_reader_get_sheet_names (SilaXlsxReader *reader);
/* How far the reading of the worksheet is, 0 to 1. */
double          sila_xlsx_reader_get_fraction   (SilaXlsxReader  *reader);

/* The next row that has cells, or NULL: at the end with @error unset, or
 * with @error set (DAMAGED, TOO_LARGE) — after which it stays at NULL. */
SilaTableRow   *sila_xlsx_reader_next           (SilaXlsxReader  *reader,
                                                 GError         **error);

/* The name of the worksheet being read. */
const char     *sila_xlsx_reader_get_sheet_name (SilaXlsxReader  *reader);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SilaXlsxReader, sila_xlsx_reader_free)

G_END_DECLS
