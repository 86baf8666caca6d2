/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SQLite's texts of the SQL that differs between engines (SilaDbSql in
 * sila-db.h): the FTS5 search index, json_each, sqlite_sequence and the
 * report's index hints. The PostgreSQL texts of the same are in
 * src/store/postgres/sila-pg-sql.c; docs/store.md compares them. */
#define G_LOG_DOMAIN "sila-store"

#include "sila-config.h"

#include "sila-sqlite.h"

static const char *const texts[SILA_DB_N_SQL] = {
  /* The index is contentless (its rowid is the file number): taking a
   * file out means naming the tokens it was indexed with. */
  [SILA_DB_SQL_SEARCH_INSERT] =
    "INSERT INTO beneficiary_search (rowid, tokens) VALUES (?1, ?2)",
  [SILA_DB_SQL_SEARCH_DELETE] =
    "INSERT INTO beneficiary_search (beneficiary_search, rowid, tokens) "
    "VALUES ('delete', ?1, ?2)",
  /* The index holds live files only: no need to look at the table. FTS5
   * walks its lists in rowid order, so newest first costs nothing. */
  [SILA_DB_SQL_SEARCH_NUMBERS] =
    "SELECT rowid FROM beneficiary_search WHERE beneficiary_search MATCH ?1 "
    "ORDER BY rowid DESC LIMIT ?6",
  [SILA_DB_SQL_SEARCH_NUMBERS_FILTERED] =
    "SELECT b.file_number FROM beneficiary_search s JOIN beneficiaries b "
    "ON b.file_number = s.rowid WHERE beneficiary_search MATCH ?1",
  [SILA_DB_SQL_SEARCH_REQUEST_FILES] =
    "SELECT rowid FROM beneficiary_search WHERE beneficiary_search MATCH ?8",
  [SILA_DB_SQL_MATCH_QUOTE] = "\"",
  [SILA_DB_SQL_MATCH_PREFIX] = "*",
  /* FTS5 wants an explicit AND before a bracket. */
  [SILA_DB_SQL_MATCH_AND] = " AND ",
  [SILA_DB_SQL_MATCH_OR] = " OR ",
  [SILA_DB_SQL_JSON_INTEGERS] = "SELECT value FROM json_each (?1)",
  /* AUTOINCREMENT remembers the highest entry ever written. */
  [SILA_DB_SQL_AUDIT_HIGHEST_SEQ] =
    "SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'",
  [SILA_DB_SQL_AUDIT_IS_CHAINED] =
    "SELECT 1 FROM pragma_table_info ('audit_log') WHERE name = 'chain_hash'",
  [SILA_DB_SQL_GREATEST] = "max",
  /* BINARY, SQLite's default collation, compares by code point. */
  [SILA_DB_SQL_TEXT_TYPE] = "TEXT",
  /* Without statistics (no ANALYZE) SQLite's planner would not choose the
   * report's covering indexes. */
  [SILA_DB_SQL_HINT_REQUESTS_REPORT] = " INDEXED BY requests_report",
  [SILA_DB_SQL_HINT_REQUESTS_REPORT_ID] = " INDEXED BY requests_report_id",
  [SILA_DB_SQL_HINT_BENEFICIARIES_REPORT] = " INDEXED BY beneficiaries_report",
  [SILA_DB_SQL_HINT_DELIVERIES_REPORT] = " INDEXED BY deliveries_report",
  [SILA_DB_SQL_HINT_DELIVERIES_REPORT_REQUEST] = " INDEXED BY deliveries_report_request",
  [SILA_DB_SQL_HINT_COMMITTEE_DECISIONS_REPORT] = " INDEXED BY committee_decisions_report",
};

const char *
sila_sqlite_sql (SilaDb    *db,
                 SilaDbSql  which)
{
  g_return_val_if_fail (which < SILA_DB_N_SQL && texts[which] != NULL, "");

  return texts[which];
}
