/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: the CSV reader and the header mapping on whatever bytes
 * come in. Any crash, sanitizer report or leak is a bug; errors are fine.
 * Run: see README.md, "Fuzzing". */
#include "sila-config.h"

#include <stdint.h>

#include "sila-csv.h"
#include "sila-table-reader.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static const SilaTableColumn columns[] = {
  { "national_id", "National ID", "رقم الهوية|الهوية|national id", TRUE },
  { "full_name", "Full name", "الاسم|الاسم الكامل|name", FALSE },
  { "mobile", "Mobile", "الجوال|mobile|phone", FALSE },
};

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* Small limits keep each input fast; the logic is the same. */
  SilaTableLimits limits = {
    .max_bytes = 1024 * 1024,
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
  g_autoptr(SilaCsvReader) reader = NULL;
  g_autoptr(SilaTableHeader) header = NULL;
  g_autoptr(GError) error = NULL;
  SilaTableRow *row;

  reader = sila_csv_reader_new (bytes, &error);
  if (reader == NULL)
    return 0;

  while ((row = sila_csv_reader_next (reader, &error)) != NULL)
    {
      if (header == NULL && !sila_table_row_is_blank (row))
        {
          header = sila_table_header_new (columns, G_N_ELEMENTS (columns), row, NULL);
          if (header != NULL)
            (void)sila_table_header_get_unknown (header);
        }
      else if (header != NULL)
        (void)sila_table_header_get (header, row, "mobile");
      sila_table_row_free (row);
    }
  return 0;
}
