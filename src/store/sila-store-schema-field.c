/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The migration step of field work (issue 15), in the list of
 * sila-store-schema.c. Portable SQL: it runs on SQLite and on PostgreSQL. */
#define G_LOG_DOMAIN "sila-store"

#include "sila-config.h"

#include "sila-store-schema-private.h"

/* field_kits: the kits this office made, numbered so that each kit's
 * provisional numbers have a range of their own.
 * field_merges: each bundle merged, by its key (kit and changeset
 * checksum), so that a bundle merged twice is refused; with its counts and
 * the last of the laptop's audit entries copied.
 * field_numbers: provisional numbers and the final ones they became, so
 * that both stay searchable.
 * field_changes: the last value a merge wrote into a column, with the time
 * the laptop changed it: two laptops changing one field, the later wins.
 * field_conflicts: what waits for an officer (both sides changed a field;
 * a possible duplicate file; a row deleted on one side, changed on the
 * other; a row the office cannot take as it is, such as a second step 2
 * in one request's timeline).
 * field_lookup: in a lookup-only kit, the office's files for duplicate
 * checks (number, name, ID), empty at the office.
 * beneficiaries.possible_duplicate_of: a file registered in the field with
 * the national ID of another file stays, linked, until an officer merges
 * them; the one-ID-one-file index leaves it out meanwhile.
 * @TEXT@ is the engine's text type (SILA_DB_SQL_TEXT_TYPE). */
gboolean
sila_store_migrate_field_work (SilaStore  *self,
                               GError    **error)
{
  g_autoptr(GString) sql = g_string_new (
      "CREATE TABLE field_kits ("
      "  id          @TEXT@ PRIMARY KEY,"
      "  seq         BIGINT NOT NULL UNIQUE,"
      "  event       @TEXT@ NOT NULL,"
      "  districts   @TEXT@,"
      "  lookup_only BIGINT NOT NULL,"
      "  made_at     @TEXT@ NOT NULL,"
      "  made_by     @TEXT@ NOT NULL,"
      "  device_id   @TEXT@ NOT NULL"
      ");"
      "CREATE TABLE field_merges ("
      "  id          @TEXT@ PRIMARY KEY,"
      "  bundle_key  @TEXT@ NOT NULL UNIQUE,"
      "  kit_id      @TEXT@ NOT NULL,"
      "  laptop      @TEXT@ NOT NULL,"
      "  event       @TEXT@ NOT NULL,"
      "  officers    @TEXT@,"
      "  files       BIGINT NOT NULL,"
      "  requests    BIGINT NOT NULL,"
      "  responses   BIGINT NOT NULL,"
      "  contacts    BIGINT NOT NULL,"
      "  feedback    BIGINT NOT NULL,"
      "  changed     BIGINT NOT NULL,"
      "  conflicts   BIGINT NOT NULL,"
      "  duplicates  BIGINT NOT NULL,"
      "  audit_upto  BIGINT NOT NULL,"
      "  merged_at   @TEXT@ NOT NULL,"
      "  merged_by   @TEXT@ NOT NULL,"
      "  device_id   @TEXT@ NOT NULL"
      ");"
      "CREATE INDEX field_merges_kit ON field_merges (kit_id, audit_upto);"
      "CREATE TABLE field_numbers ("
      "  kind        @TEXT@ NOT NULL,"
      "  provisional @TEXT@ NOT NULL,"
      "  final       @TEXT@ NOT NULL,"
      "  entity_id   @TEXT@ NOT NULL,"
      "  merge_id    @TEXT@ NOT NULL,"
      "  PRIMARY KEY (kind, provisional)"
      ");"
      "CREATE INDEX field_numbers_entity ON field_numbers (entity_id);"
      "CREATE TABLE field_changes ("
      "  entity      @TEXT@ NOT NULL,"
      "  entity_id   @TEXT@ NOT NULL,"
      "  col         @TEXT@ NOT NULL,"
      "  value       @TEXT@ NOT NULL,"
      "  changed_at  @TEXT@ NOT NULL,"
      "  merge_id    @TEXT@ NOT NULL,"
      "  PRIMARY KEY (entity, entity_id, col)"
      ");"
      "CREATE TABLE field_conflicts ("
      "  id           @TEXT@ PRIMARY KEY,"
      "  kind         @TEXT@ NOT NULL CHECK (kind IN ('both_changed', 'later_wins', 'duplicate',"
      "               'deleted', 'clash')),"
      "  entity       @TEXT@ NOT NULL,"
      "  entity_id    @TEXT@ NOT NULL,"
      "  col          @TEXT@,"
      "  base_value   @TEXT@,"
      "  field_value  @TEXT@,"
      "  office_value @TEXT@,"
      "  other_id     @TEXT@,"
      "  laptop       @TEXT@ NOT NULL,"
      "  merge_id     @TEXT@ NOT NULL,"
      "  status       @TEXT@ NOT NULL CHECK (status IN ('open', 'resolved')),"
      "  resolution   @TEXT@,"
      "  resolved_at  @TEXT@,"
      "  resolved_by  @TEXT@,"
      "  created_at   @TEXT@ NOT NULL,"
      "  device_id    @TEXT@ NOT NULL"
      ");"
      "CREATE INDEX field_conflicts_open ON field_conflicts (status, created_at);"
      "CREATE TABLE field_lookup ("
      "  file_number BIGINT PRIMARY KEY,"
      "  name        @TEXT@ NOT NULL,"
      "  id_number   @TEXT@"
      ");"
      "CREATE INDEX field_lookup_id ON field_lookup (id_number);"
      "ALTER TABLE beneficiaries ADD COLUMN possible_duplicate_of @TEXT@;"
      "DROP INDEX beneficiaries_id_number;"
      "CREATE UNIQUE INDEX beneficiaries_id_number ON beneficiaries (id_number)"
      "  WHERE id_number IS NOT NULL AND deleted_at IS NULL AND possible_duplicate_of IS NULL;");

  /* Text columns as each engine writes them: SQLite's text is the same as
   * ever; PostgreSQL's compares by code point, as every text column of its
   * schema does. */
  g_string_replace (sql, "@TEXT@", sila_store_sql (self, SILA_DB_SQL_TEXT_TYPE), 0);
  return sila_store_exec (self, sql->str, error);
}
