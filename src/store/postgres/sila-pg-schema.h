/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The store's schema on PostgreSQL: the SQL that creates it on an empty
 * database, as the SQLite migrations leave it at the base version. Every
 * migration after the base version is a portable function of
 * sila-store-schema.c, run on both engines. See docs/store.md. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The statements creating every table, index, function and trigger
 * (sila-pg-schema.sql), to run in one transaction on an empty database;
 * then sila_store_seed_database() writes the rows a new database starts
 * with. */
const char *sila_pg_schema_sql          (void);
/* The schema version sila_pg_schema_sql() stands for. */
int         sila_pg_schema_base_version (void);

G_END_DECLS
