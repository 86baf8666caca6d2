/* SPDX-License-Identifier: GPL-3.0-or-later */
/* For the PostgreSQL tests written in Python: prints, as JSON on stdout,
 * the PostgreSQL schema the library carries, the version it stands for,
 * and each text of SQL that differs between engines as SQLite and as
 * PostgreSQL write it:
 *   {"schema": "…", "base_version": 13, "latest_version": 13,
 *    "dialect": {"search_insert": ["sqlite text", "postgresql text"], …}}
 *
 * With "search", it reads lines from stdin, "file\tNUMBER\tID\tMOBILE\tNAME"
 * (the name's four parts separated by "|", "-" for no ID or mobile) or
 * "query\tTEXT", and prints the search tokens of each file and the match
 * query of each text in both engines' syntax:
 *   {"files": [[number, "tokens"], …], "queries": [["text", "sqlite", "pg"], …]}
 *
 * usage: sila-pg-texts [search] */
#include "sila-config.h"

#include <json-glib/json-glib.h>
#include <stdio.h>

#include "sila-pg-schema.h"
#include "sila-pg-sql.h"
#include "sila-sqlite.h"
#include "sila-store-beneficiaries-private.h"
#include "sila-store.h"

/* Drivers with nothing but their dialect, for the match queries. */
static const SilaDbDriver sqlite_dialect = { .name = "sqlite", .sql = sila_sqlite_sql };
static const SilaDbDriver pg_dialect = { .name = "postgresql", .sql = sila_pg_sql };

static int
print_search (void)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  g_autoptr(GPtrArray) queries = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *json = NULL;
  SilaDb lite = { &sqlite_dialect };
  SilaDb pg = { &pg_dialect };
  char line[4096];

  while (fgets (line, sizeof line, stdin) != NULL)
    {
      g_auto(GStrv) fields = NULL;

      g_strchomp (line);
      fields = g_strsplit (line, "\t", -1);
      if (g_strv_length (fields) == 5 && g_str_equal (fields[0], "file"))
        g_ptr_array_add (files, g_steal_pointer (&fields));
      else if (g_strv_length (fields) == 2 && g_str_equal (fields[0], "query"))
        g_ptr_array_add (queries, g_strdup (fields[1]));
      else
        {
          g_printerr ("bad line: %s\n", line);
          return 2;
        }
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "files");
  json_builder_begin_array (builder);
  for (guint i = 0; i < files->len; i++)
    {
      char **f = g_ptr_array_index (files, i);
      g_autoptr(SilaBeneficiary) file = sila_beneficiary_new ();
      g_auto(GStrv) parts = g_strsplit (f[4], "|", SILA_N_NAME_PARTS);
      g_autofree char *tokens = NULL;

      file->file_number = g_ascii_strtoll (f[1], NULL, 10);
      file->id_number = g_str_equal (f[2], "-") ? NULL : g_strdup (f[2]);
      file->mobile = g_str_equal (f[3], "-") ? NULL : g_strdup (f[3]);
      for (guint k = 0; k < SILA_N_NAME_PARTS && parts[k] != NULL; k++)
        {
          g_free (file->name[k]);
          file->name[k] = g_strdup (parts[k]);
        }
      tokens = sila_beneficiary_search_tokens (file);
      json_builder_begin_array (builder);
      json_builder_add_int_value (builder, file->file_number);
      json_builder_add_string_value (builder, tokens);
      json_builder_end_array (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "queries");
  json_builder_begin_array (builder);
  for (guint i = 0; i < queries->len; i++)
    {
      const char *text = g_ptr_array_index (queries, i);
      g_autofree char *in_lite = sila_beneficiary_match_query_in (&lite, text);
      g_autofree char *in_pg = sila_beneficiary_match_query_in (&pg, text);

      json_builder_begin_array (builder);
      json_builder_add_string_value (builder, text);
      json_builder_add_string_value (builder, in_lite);
      json_builder_add_string_value (builder, in_pg);
      json_builder_end_array (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json = json_to_string (root, TRUE);
  /* UTF-8 as it is, whatever the locale. */
  fputs (json, stdout);
  fputc ('\n', stdout);
  return 0;
}

#define NAME(which, name) [SILA_DB_SQL_ ## which] = name
static const char *const names[SILA_DB_N_SQL] = {
  NAME (SEARCH_INSERT, "search_insert"),
  NAME (SEARCH_DELETE, "search_delete"),
  NAME (SEARCH_NUMBERS, "search_numbers"),
  NAME (SEARCH_NUMBERS_FILTERED, "search_numbers_filtered"),
  NAME (SEARCH_REQUEST_FILES, "search_request_files"),
  NAME (MATCH_QUOTE, "match_quote"),
  NAME (MATCH_PREFIX, "match_prefix"),
  NAME (MATCH_AND, "match_and"),
  NAME (MATCH_OR, "match_or"),
  NAME (JSON_INTEGERS, "json_integers"),
  NAME (AUDIT_HIGHEST_SEQ, "audit_highest_seq"),
  NAME (AUDIT_IS_CHAINED, "audit_is_chained"),
  NAME (GREATEST, "greatest"),
  NAME (TEXT_TYPE, "text_type"),
  NAME (HINT_REQUESTS_REPORT, "hint_requests_report"),
  NAME (HINT_REQUESTS_REPORT_ID, "hint_requests_report_id"),
  NAME (HINT_BENEFICIARIES_REPORT, "hint_beneficiaries_report"),
  NAME (HINT_DELIVERIES_REPORT, "hint_deliveries_report"),
  NAME (HINT_DELIVERIES_REPORT_REQUEST, "hint_deliveries_report_request"),
  NAME (HINT_COMMITTEE_DECISIONS_REPORT, "hint_committee_decisions_report"),
};

int
main (int argc, char **argv)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;

  if (argc == 2 && g_str_equal (argv[1], "search"))
    return print_search ();
  if (argc != 1)
    {
      g_printerr ("usage: %s [search]\n", argv[0]);
      return 2;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "schema");
  json_builder_add_string_value (builder, sila_pg_schema_sql ());
  json_builder_set_member_name (builder, "base_version");
  json_builder_add_int_value (builder, sila_pg_schema_base_version ());
  json_builder_set_member_name (builder, "latest_version");
  json_builder_add_int_value (builder, sila_store_get_latest_version ());
  json_builder_set_member_name (builder, "dialect");
  json_builder_begin_object (builder);
  for (int which = 0; which < SILA_DB_N_SQL; which++)
    {
      /* A text added to the seam gets its name here. */
      if (names[which] == NULL)
        {
          g_printerr ("SilaDbSql %d has no name in %s\n", which, __FILE__);
          return 1;
        }
      json_builder_set_member_name (builder, names[which]);
      /* Neither driver looks at its connection for these texts. */
      json_builder_begin_array (builder);
      json_builder_add_string_value (builder, sila_sqlite_sql (NULL, which));
      json_builder_add_string_value (builder, sila_pg_sql (NULL, which));
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json = json_to_string (root, TRUE);
  /* UTF-8 as it is, whatever the locale. */
  fputs (json, stdout);
  fputc ('\n', stdout);
  return 0;
}
