/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The PostgreSQL schema's text (built into the library from
 * sila-pg-schema.sql by build-aux/embed-text.py) and the version it stands
 * for. */
#define G_LOG_DOMAIN "sila-store"

#include "sila-config.h"

#include "sila-pg-schema.h"

/* sila-pg-schema-sql.c, generated. */
const char *sila_pg_schema_text (void);

/* The SQLite migrations that sila-pg-schema.sql translates: 1 to 13, up to
 * and including the audit chain. A migration added after these is written
 * once, portably, and runs on both engines (the rule above the list in
 * sila-store-schema.c); this number never changes. */
#define SILA_PG_SCHEMA_BASE_VERSION 13

const char *
sila_pg_schema_sql (void)
{
  return sila_pg_schema_text ();
}

int
sila_pg_schema_base_version (void)
{
  return SILA_PG_SCHEMA_BASE_VERSION;
}
