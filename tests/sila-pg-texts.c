/* SPDX-License-Identifier: GPL-3.0-or-later */
/* For the PostgreSQL tests written in Python: prints, as JSON on stdout,
 * the PostgreSQL schema the library carries, the version it stands for,
 * and each text of SQL that differs between engines as SQLite and as
 * PostgreSQL write it:
 *   {"schema": "…", "base_version": 13, "latest_version": 13,
 *    "dialect": {"search_insert": ["sqlite text", "postgresql text"], …}}
 * usage: sila-pg-texts */
#include "sila-config.h"

#include <json-glib/json-glib.h>

#include "sila-pg-schema.h"
#include "sila-pg-sql.h"
#include "sila-sqlite.h"
#include "sila-store.h"

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

  if (argc != 1)
    {
      g_printerr ("usage: %s\n", argv[0]);
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
  g_print ("%s\n", json);
  return 0;
}
