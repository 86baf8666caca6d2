/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-core"

#include "sila-config.h"

#include "sila-table-common.h"

G_DEFINE_QUARK (sila-table-error-quark, sila_table_error)

static const SilaTableLimits default_limits = {
  .max_bytes = SILA_TABLE_DEFAULT_MAX_BYTES,
  .max_rows = SILA_TABLE_DEFAULT_MAX_ROWS,
  .max_columns = SILA_TABLE_DEFAULT_MAX_COLUMNS,
  .max_cell_bytes = SILA_TABLE_DEFAULT_MAX_CELL_BYTES,
};

static SilaTableLimits limits = {
  .max_bytes = SILA_TABLE_DEFAULT_MAX_BYTES,
  .max_rows = SILA_TABLE_DEFAULT_MAX_ROWS,
  .max_columns = SILA_TABLE_DEFAULT_MAX_COLUMNS,
  .max_cell_bytes = SILA_TABLE_DEFAULT_MAX_CELL_BYTES,
};

const SilaTableLimits *
sila_table_get_limits (void)
{
  return &limits;
}

void
sila_table_set_limits (const SilaTableLimits *new_limits)
{
  limits = new_limits != NULL ? *new_limits : default_limits;
}

void
sila_table_row_free (SilaTableRow *row)
{
  if (row == NULL)
    return;
  g_strfreev (row->cells);
  g_free (row);
}

gboolean
sila_table_row_is_blank (const SilaTableRow *row)
{
  g_return_val_if_fail (row != NULL, TRUE);

  for (guint i = 0; i < row->n_cells; i++)
    for (const char *p = row->cells[i]; *p != '\0'; p = g_utf8_next_char (p))
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
  return TRUE;
}

const char *
sila_table_row_get (const SilaTableRow *row,
                    guint               index)
{
  g_return_val_if_fail (row != NULL, "");
  return index < row->n_cells ? row->cells[index] : "";
}
