/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sila-table-reader.h"

G_BEGIN_DECLS

/* Cells for sila_test_assert_row(): ROW ("a", "b"). */
#define ROW(...) ((const char *const[]){ __VA_ARGS__, NULL })

/* Every row of a reader, and the error that ended it (if any). */
GPtrArray *sila_test_read_all           (SilaTableReader    *reader,
                                         GError            **error);
/* Every row of the file at @path, which must read without an error. */
GPtrArray *sila_test_read_file          (const char         *path);
/* Row @index of @rows starts on @line and holds exactly @cells. */
void       sila_test_assert_row         (GPtrArray          *rows,
                                         guint               index,
                                         guint               line,
                                         const char *const  *cells);
/* Back to the reader's default limits. */
void       sila_test_reset_table_limits (void);

G_END_DECLS
