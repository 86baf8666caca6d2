/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tabular import files, whatever their kind, and their header row.
 *
 * sila_table_reader_open() looks at the file's first bytes, not its name:
 * a ZIP archive is read as an Excel workbook (sila-xlsx.h), an old binary
 * Excel file or an OpenDocument file is refused with a message saying how
 * to save it, and anything else is read as CSV (sila-csv.h). Rows that are
 * blank are skipped. Only a regular file is read: a device (/dev/zero), a
 * pipe or a socket is refused (IO) without reading from it, and a CSV file
 * is refused as soon as it passes the size limit while it is read.
 *
 * A typical import:
 *
 *   static const SilaTableColumn columns[] = {     (labels marked with N_ in the .c)
 *     { "national_id", national_id_label, "رقم الهوية|الهوية|national id|id number", TRUE },
 *     { "mobile",      mobile_label,      "الجوال|رقم الجوال|mobile|phone",          FALSE },
 *   };
 *   g_autoptr(SilaTableReader) reader = sila_table_reader_open (path, &error);
 *   g_autoptr(SilaTableHeader) header = sila_table_header_read (reader, columns,
 *                                          G_N_ELEMENTS (columns), &error);
 *   while ((row = sila_table_reader_next (reader, &error)) != NULL)
 *     {
 *       const char *id = sila_table_header_get (header, row, "national_id");
 *       … check it, report row->line in the import report …
 *       sila_table_row_free (row);
 *     }
 *   if (error != NULL) … the file could not be read to its end …
 *
 * A reading error part-way means the file is damaged: do not keep what was
 * read before it. */
#pragma once

#include <glib.h>

#include "sila-table-common.h"

G_BEGIN_DECLS

typedef enum {
  SILA_TABLE_FORMAT_CSV,
  SILA_TABLE_FORMAT_XLSX,
} SilaTableFormat;

typedef struct _SilaTableReader SilaTableReader;

/* Errors (SILA_TABLE_ERROR): IO for a file that cannot be opened (the
 * message names it), FORMAT, DAMAGED, ENCODING, TOO_LARGE. */
SilaTableReader *sila_table_reader_open          (const char       *path,
                                                  GError          **error);
SilaTableReader *sila_table_reader_new_from_bytes (GBytes          *bytes,
                                                  GError          **error);
/* As sila_table_reader_open(), reading the workbook's worksheet named
 * @sheet (NULL: the first visible one); @sheet is ignored for CSV. */
SilaTableReader *sila_table_reader_open_sheet    (const char       *path,
                                                  const char       *sheet,
                                                  GError          **error);
void             sila_table_reader_free          (SilaTableReader  *reader);

/* A workbook's worksheets, in its order (NULL-terminated), and the one
 * read; NULL for CSV. */
const char *const *sila_table_reader_get_sheet_names (SilaTableReader *reader);
const char      *sila_table_reader_get_sheet_name (SilaTableReader *reader);
/* A CSV file's encoding as detected ("UTF-8", "WINDOWS-1256", …); NULL
 * for a workbook. */
const char      *sila_table_reader_get_encoding  (SilaTableReader  *reader);
/* How far the reading is, 0 to 1, for a progress bar. */
double           sila_table_reader_get_fraction  (SilaTableReader  *reader);

SilaTableFormat  sila_table_reader_get_format    (SilaTableReader  *reader);

/* The next row that is not blank, or NULL: at the end with @error unset,
 * or with @error set. Free rows with sila_table_row_free(). */
SilaTableRow    *sila_table_reader_next          (SilaTableReader  *reader,
                                                  GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SilaTableReader, sila_table_reader_free)

/* A column the caller knows. Header cells are matched to @spellings after
 * Arabic normalization and with punctuation read as spaces
 * (sila_arabic_normalize_tokens()), so "رقم الهوية", "رقم الهويه",
 * "National ID", "national_id" and "NATIONAL-ID" can all be one spelling.
 * The key itself is always accepted too. */
typedef struct {
  const char *key;        /* canonical key, e.g. "national_id" */
  const char *label;      /* N_() name for messages, shown through _() */
  const char *spellings;  /* accepted header texts, separated by '|' */
  gboolean    required;
} SilaTableColumn;

typedef struct _SilaTableHeader SilaTableHeader;

/* Whether @column takes a header cell, given folded with
 * sila_arabic_normalize_tokens(). */
gboolean            sila_table_column_accepts     (const SilaTableColumn *column,
                                                   const char            *folded_header);

/* Maps a header row to the columns. Errors (SILA_TABLE_ERROR_HEADER): two
 * header cells for one column, or required columns missing (all named in
 * one message). @columns must outlive the header. */
SilaTableHeader    *sila_table_header_new         (const SilaTableColumn *columns,
                                                   guint                  n_columns,
                                                   const SilaTableRow    *header_row,
                                                   GError               **error);
/* Reads the first non-blank row of @reader as the header; EMPTY error
 * when the file has no rows. */
SilaTableHeader    *sila_table_header_read        (SilaTableReader       *reader,
                                                   const SilaTableColumn *columns,
                                                   guint                  n_columns,
                                                   GError               **error);
void                sila_table_header_free        (SilaTableHeader       *header);

/* The line of the header row (to tell "line 1" from data lines). */
guint               sila_table_header_get_line    (SilaTableHeader       *header);
/* Whether the file has a column for @key. */
gboolean            sila_table_header_has         (SilaTableHeader       *header,
                                                   const char            *key);
/* The column index of @key in the file, or -1. */
int                 sila_table_header_get_index   (SilaTableHeader       *header,
                                                   const char            *key);
/* The value of @key in @row: NULL when the file has no such column, ""
 * when the row is shorter than the header. */
const char         *sila_table_header_get         (SilaTableHeader       *header,
                                                   const SilaTableRow    *row,
                                                   const char            *key);
/* Header cells that matched no column, as written in the file (empty
 * header cells are not listed); NULL-terminated. */
const char *const  *sila_table_header_get_unknown (SilaTableHeader       *header);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SilaTableHeader, sila_table_header_free)

G_END_DECLS
