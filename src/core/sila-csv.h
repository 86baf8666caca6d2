/* SPDX-License-Identifier: GPL-3.0-or-later */
/* CSV files as offices save them from Excel, LibreOffice or other programs.
 *
 *   - RFC 4180 quoting: "a ""quoted"" value", separators and line breaks
 *     inside quotes; a quote inside an unquoted value is kept as it is.
 *   - Line ends CRLF, LF or CR; line breaks inside values come back as LF.
 *   - Encoding: a UTF-8 or UTF-16 byte-order mark decides; else each line
 *     is judged: valid UTF-8 is UTF-8, anything else Windows-1256 (Arabic
 *     Windows, what Excel writes for "CSV (Comma delimited)" on an Arabic
 *     system), and lines of ASCII only fit either. A file with lines of
 *     both is refused (ENCODING), naming the first line that differs from
 *     most of the others; so is a line that is not UTF-8 after a UTF-8 mark.
 *   - Separator: comma, semicolon (Arabic and European Excel) or tab,
 *     whichever the header line has most of outside quotes.
 *   - Each record reports the physical line where it starts.
 * Bytes are read whole (at most the limits' max_bytes); a file holding NUL
 * bytes that is not UTF-16 is not text and is refused. Every record is
 * read once when the reader is made, so that a file past a limit or with a
 * quote never closed is refused then, before any row is given. */
#pragma once

#include <glib.h>

#include "sila-table-common.h"

G_BEGIN_DECLS

typedef struct _SilaCsvReader SilaCsvReader;

/* Takes the file's bytes; fails (SILA_TABLE_ERROR) on a file that is not
 * text, in two encodings, damaged or past a limit. An empty file is not an
 * error: it has no records. */
SilaCsvReader *sila_csv_reader_new            (GBytes         *bytes,
                                               GError        **error);
void           sila_csv_reader_free           (SilaCsvReader  *reader);

/* The next record, or NULL: at the end of the file with @error unset, or
 * with @error set for a quote never closed or a limit passed. Blank lines
 * come back as records of one empty cell. */
SilaTableRow  *sila_csv_reader_next           (SilaCsvReader  *reader,
                                               GError        **error);

/* What was detected: ',', ';' or '\t', and "UTF-8", "UTF-16LE",
 * "UTF-16BE" or "WINDOWS-1256". */
char           sila_csv_reader_get_separator  (SilaCsvReader  *reader);
/* How far the reading is, 0 to 1. */
double         sila_csv_reader_get_fraction   (SilaCsvReader  *reader);
const char    *sila_csv_reader_get_encoding   (SilaCsvReader  *reader);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SilaCsvReader, sila_csv_reader_free)

G_END_DECLS
