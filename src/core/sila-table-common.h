/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the readers of tabular files (sila-csv.h, sila-xlsx.h and the
 * sila-table-reader.h that picks one) share: the rows they give, their
 * error domain and their limits. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Files that cannot be read. Messages are in the UI language and say what
 * to do; none is a raw error code. */
#define SILA_TABLE_ERROR (sila_table_error_quark ())

typedef enum {
  SILA_TABLE_ERROR_IO,         /* the file cannot be opened or read */
  SILA_TABLE_ERROR_FORMAT,     /* not CSV or XLSX (.xls, .ods, a PDF, an image…) */
  SILA_TABLE_ERROR_DAMAGED,    /* a damaged workbook, or a CSV quote never closed */
  SILA_TABLE_ERROR_ENCODING,   /* text in an encoding that cannot be read */
  SILA_TABLE_ERROR_TOO_LARGE,  /* past the limits below */
  SILA_TABLE_ERROR_EMPTY,      /* no header row */
  SILA_TABLE_ERROR_HEADER,     /* required columns missing, or one column twice */
} SilaTableError;

GQuark sila_table_error_quark (void);

/* One record: its cells as UTF-8 strings (never NULL; "" for an empty
 * cell) and where it is in the file. */
typedef struct {
  guint   line;     /* CSV: the physical line where the record starts (the
                     * header is line 1); XLSX: the sheet's row number */
  guint   n_cells;
  char  **cells;    /* n_cells strings, then NULL */
} SilaTableRow;

void     sila_table_row_free     (SilaTableRow       *row);
/* TRUE when every cell is empty or white space. */
gboolean sila_table_row_is_blank (const SilaTableRow *row);
/* The cell at @index, or "" past the end of the row. */
const char *sila_table_row_get   (const SilaTableRow *row,
                                  guint               index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SilaTableRow, sila_table_row_free)

/* Limits that keep a hostile or absurd file from exhausting memory; a file
 * past one is refused with SILA_TABLE_ERROR_TOO_LARGE. */
typedef struct {
  gsize max_bytes;       /* a file, and all parts of a workbook unpacked */
  guint max_rows;
  guint max_columns;
  guint max_cell_bytes;
} SilaTableLimits;

#define SILA_TABLE_DEFAULT_MAX_BYTES      (200 * 1024 * 1024)
#define SILA_TABLE_DEFAULT_MAX_ROWS       1000000
#define SILA_TABLE_DEFAULT_MAX_COLUMNS    16384  /* Excel's own limit (XFD) */
#define SILA_TABLE_DEFAULT_MAX_CELL_BYTES (128 * 1024)

/* The limits in force. sila_table_set_limits() changes them for the whole
 * process (tests use it to try the limits on small files); NULL restores
 * the defaults. */
const SilaTableLimits *sila_table_get_limits (void);
void                   sila_table_set_limits (const SilaTableLimits *limits);

G_END_DECLS
