/* SPDX-License-Identifier: GPL-3.0-or-later */
/* For tests written in Python: reads a CSV or XLSX file with the table
 * reader and prints what it found as JSON on stdout:
 *   {"format": "csv"|"xlsx", "sheets": ["…", …], "sheet": "…",
 *    "rows": [{"line": 1, "cells": ["…", …]}, …]}
 * (sheets and sheet for a workbook only)
 * or, when the file cannot be read (exit status 1):
 *   {"error": {"code": 3, "message": "…"}}
 * usage: sila-table-dump FILE [SHEET] */
#include "sila-config.h"

#include <json-glib/json-glib.h>
#include <locale.h>

#include "sila-i18n.h"
#include "sila-table-reader.h"

int
main (int argc, char **argv)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(SilaTableReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;
  SilaTableRow *row;

  if (argc != 2 && argc != 3)
    {
      g_printerr ("usage: %s FILE [SHEET]\n", argv[0]);
      return 2;
    }
  sila_i18n_init (SILA_LANGUAGE_ENGLISH);

  json_builder_begin_object (builder);
  reader = sila_table_reader_open_sheet (argv[1], argc == 3 ? argv[2] : NULL, &error);
  if (reader != NULL)
    {
      json_builder_set_member_name (builder, "format");
      json_builder_add_string_value (builder, sila_table_reader_get_format (reader) ==
                                     SILA_TABLE_FORMAT_XLSX ? "xlsx" : "csv");
      if (sila_table_reader_get_sheet_names (reader) != NULL)
        {
          const char *const *names = sila_table_reader_get_sheet_names (reader);

          json_builder_set_member_name (builder, "sheets");
          json_builder_begin_array (builder);
          for (guint i = 0; names[i] != NULL; i++)
            json_builder_add_string_value (builder, names[i]);
          json_builder_end_array (builder);
          json_builder_set_member_name (builder, "sheet");
          json_builder_add_string_value (builder, sila_table_reader_get_sheet_name (reader));
        }
      json_builder_set_member_name (builder, "rows");
      json_builder_begin_array (builder);
      while ((row = sila_table_reader_next (reader, &error)) != NULL)
        {
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "line");
          json_builder_add_int_value (builder, row->line);
          json_builder_set_member_name (builder, "cells");
          json_builder_begin_array (builder);
          for (guint i = 0; i < row->n_cells; i++)
            json_builder_add_string_value (builder, row->cells[i]);
          json_builder_end_array (builder);
          json_builder_end_object (builder);
          sila_table_row_free (row);
        }
      json_builder_end_array (builder);
      /* The reader says it is at the end once every row was read. */
      if (error == NULL && sila_table_reader_get_fraction (reader) != 1.0)
        g_set_error (&error, SILA_TABLE_ERROR, SILA_TABLE_ERROR_DAMAGED,
                     "read to the end, but the fraction read is %g",
                     sila_table_reader_get_fraction (reader));
    }
  if (error != NULL)
    {
      json_builder_set_member_name (builder, "error");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "code");
      json_builder_add_int_value (builder, error->code);
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, error->message);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json = json_to_string (root, FALSE);
  g_print ("%s\n", json);
  return error != NULL ? 1 : 0;
}
