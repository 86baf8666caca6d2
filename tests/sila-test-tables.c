/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the table reader tests share: reading every row of a file, and
 * checking a row's cells and line. */
#include "sila-config.h"

#include "sila-test-tables.h"

GPtrArray *
sila_test_read_all (SilaTableReader  *reader,
                    GError          **error)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify)sila_table_row_free);
  SilaTableRow *row;

  while ((row = sila_table_reader_next (reader, error)) != NULL)
    g_ptr_array_add (rows, row);
  return rows;
}

GPtrArray *
sila_test_read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaTableReader) reader = sila_table_reader_open (path, &error);
  GPtrArray *rows;

  g_assert_no_error (error);
  g_assert_nonnull (reader);
  rows = sila_test_read_all (reader, &error);
  g_assert_no_error (error);
  return rows;
}

void
sila_test_assert_row (GPtrArray         *rows,
                      guint              index,
                      guint              line,
                      const char *const *cells)
{
  SilaTableRow *row;
  guint n = g_strv_length ((char **)cells);

  g_assert_cmpuint (index, <, rows->len);
  row = g_ptr_array_index (rows, index);
  g_assert_cmpuint (row->line, ==, line);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (sila_table_row_get (row, i), ==, cells[i]);
  g_assert_cmpuint (row->n_cells, ==, n);
  g_assert_null (row->cells[n]);
}

void
sila_test_reset_table_limits (void)
{
  sila_table_set_limits (NULL);
}
