/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Writes sila-schema-table.c at build time: the schema of a fresh database
 * of the newest data format, made by the store's own migrations in memory,
 * for the schema check to compare files with without running them.
 * usage: sila-schema-gen OUT.c */
#define G_LOG_DOMAIN "sila-store"

#include "sila-config.h"

#include "sila-sqlite.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  if (argc != 2)
    {
      g_printerr ("usage: sila-schema-gen OUT.c\n");
      return 2;
    }
  if (!sila_store_schema_write_table (out, &error) ||
      !g_file_set_contents (argv[1], out->str, (gssize)out->len, &error))
    {
      g_printerr ("sila-schema-gen: %s\n", error->message);
      return 1;
    }
  return 0;
}
