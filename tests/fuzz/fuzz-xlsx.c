/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: the XLSX reader on whatever bytes come in (the seeds
 * store their parts uncompressed, so mutations reach the XML). Any crash,
 * sanitizer report or leak is a bug; errors are fine.
 * Run: see README.md, "Fuzzing". */
#include "sila-config.h"

#include <stdint.h>

#include "sila-xlsx.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  SilaTableLimits limits = {
    .max_bytes = 4 * 1024 * 1024,
    .max_rows = 10000,
    .max_columns = 512,
    .max_cell_bytes = 64 * 1024,
  };

  sila_table_set_limits (&limits);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(SilaXlsxReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  SilaTableRow *row;

  reader = sila_xlsx_reader_new_from_bytes (bytes, &error);
  if (reader == NULL)
    return 0;

  while ((row = sila_xlsx_reader_next (reader, &error)) != NULL)
    sila_table_row_free (row);
  return 0;
}
