/* SPDX-License-Identifier: GPL-3.0-or-later */
/* PostgreSQL's texts of the SQL that differs between engines (SilaDbSql in
 * sila-db.h); SQLite's are in src/store/sqlite/sila-sqlite-sql.c, and
 * docs/store.md puts them side by side. */
#define G_LOG_DOMAIN "sila-store"

#include "sila-config.h"

#include "sila-pg-private.h"
#include "sila-pg-sql.h"

static const char *const texts[SILA_DB_N_SQL] = {
  /* The folded tokens are kept as lexemes exactly as C made them (no text
   * search parser, no stemming), lowercased as SQLite's unicode61
   * tokenizer does, empty ones dropped. */
  [SILA_DB_SQL_SEARCH_INSERT] =
    "INSERT INTO beneficiary_search (file_number, tokens) VALUES (?1, array_to_tsvector ("
    "array_remove (string_to_array (lower (CAST (?2 AS text)), ' '), '')))",
  /* ?2, the tokens SQLite needs to take a file out, is never NULL: naming
   * it keeps the statement's parameters those the store binds. */
  [SILA_DB_SQL_SEARCH_DELETE] =
    "DELETE FROM beneficiary_search WHERE file_number = ?1 AND CAST (?2 AS text) IS NOT NULL",
  /* The query is a tsquery written by the store (quoted lexemes, ":*" for
   * a prefix); a cast, not to_tsquery(), so that no parser touches it. */
  [SILA_DB_SQL_SEARCH_NUMBERS] =
    SILA_PG_PLAN_EACH_TIME
    "SELECT file_number FROM beneficiary_search "
    "WHERE tokens @@ CAST (lower (CAST (?1 AS text)) AS tsquery) "
    "ORDER BY file_number DESC LIMIT ?6",
  [SILA_DB_SQL_SEARCH_NUMBERS_FILTERED] =
    SILA_PG_PLAN_EACH_TIME
    "SELECT b.file_number FROM beneficiary_search s JOIN beneficiaries b "
    "ON b.file_number = s.file_number "
    "WHERE s.tokens @@ CAST (lower (CAST (?1 AS text)) AS tsquery)",
  [SILA_DB_SQL_SEARCH_REQUEST_FILES] =
    SILA_PG_PLAN_EACH_TIME
    "SELECT file_number FROM beneficiary_search "
    "WHERE tokens @@ CAST (lower (CAST (?8 AS text)) AS tsquery)",
  [SILA_DB_SQL_MATCH_QUOTE] = "'",
  [SILA_DB_SQL_MATCH_PREFIX] = ":*",
  [SILA_DB_SQL_MATCH_AND] = " & ",
  [SILA_DB_SQL_MATCH_OR] = " | ",
  [SILA_DB_SQL_JSON_INTEGERS] =
    "SELECT CAST (value AS bigint) FROM json_array_elements_text (CAST (?1 AS json))",
  /* The counter that numbers the entries (a trigger of
   * sila-pg-schema.sql) holds the next number. */
  [SILA_DB_SQL_AUDIT_HIGHEST_SEQ] =
    "SELECT next - 1 FROM counters WHERE name = 'audit_log.seq'",
  [SILA_DB_SQL_AUDIT_IS_CHAINED] =
    "SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass ('audit_log') "
    "AND attname = 'chain_hash' AND NOT attisdropped",
  [SILA_DB_SQL_GREATEST] = "greatest",
  /* As every text column of sila-pg-schema.sql. */
  [SILA_DB_SQL_TEXT_TYPE] = "TEXT COLLATE \"C\"",
  /* The planner has statistics: no hints. */
  [SILA_DB_SQL_HINT_REQUESTS_REPORT] = "",
  [SILA_DB_SQL_HINT_REQUESTS_REPORT_ID] = "",
  [SILA_DB_SQL_HINT_BENEFICIARIES_REPORT] = "",
  [SILA_DB_SQL_HINT_DELIVERIES_REPORT] = "",
  [SILA_DB_SQL_HINT_DELIVERIES_REPORT_REQUEST] = "",
  [SILA_DB_SQL_HINT_COMMITTEE_DECISIONS_REPORT] = "",
};

const char *
sila_pg_sql (SilaDb    *db,
             SilaDbSql  which)
{
  g_return_val_if_fail (which < SILA_DB_N_SQL && texts[which] != NULL, "");

  return texts[which];
}
