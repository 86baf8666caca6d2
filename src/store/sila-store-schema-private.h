/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The migration steps kept in files of their own, for the list in
 * sila-store-schema.c, which alone decides their order. */
#pragma once

#include "sila-store-private.h"

G_BEGIN_DECLS

/* The rows a new database starts with (sila-store-schema.c), written by
 * the migrations on SQLite and after sila_pg_schema_sql() on PostgreSQL;
 * in a transaction, on a database with no rows yet. */
gboolean  sila_store_seed_database                (SilaStore  *self,
                                                   GError    **error);

/* sila-store-schema-surveys.c */
gboolean  sila_store_migrate_surveys_and_feedback (SilaStore  *self,
                                                   GError    **error);
gboolean  sila_store_seed_survey_template         (SilaStore  *self,
                                                   GError    **error);

/* sila-store-schema-beneficiaries.c */
gboolean  sila_store_migrate_beneficiary_files    (SilaStore  *self,
                                                   GError    **error);
gboolean  sila_store_seed_segments                (SilaStore  *self,
                                                   GError    **error);
gboolean  sila_store_migrate_contacts_log         (SilaStore  *self,
                                                   GError    **error);
gboolean  sila_store_migrate_retention            (SilaStore  *self,
                                                   GError    **error);

/* sila-store-schema-requests.c */
gboolean  sila_store_migrate_support_requests     (SilaStore  *self,
                                                   GError    **error);
gboolean  sila_store_seed_request_types           (SilaStore  *self,
                                                   GError    **error);

/* sila-store-audit-chain.c */
gboolean  sila_store_migrate_audit_chain           (SilaStore  *self,
                                                    GError    **error);

/* sila-store-schema-outreach.c */
gboolean  sila_store_migrate_outreach             (SilaStore  *self,
                                                   GError    **error);

/* sila-store-schema-field.c */
gboolean  sila_store_migrate_field_work           (SilaStore  *self,
                                                   GError    **error);

/* A column of an ordinary table of a fresh database of the newest data
 * format, as the migrations make it (computed when Sila Desk is built, by
 * sila-schema-gen into sila-schema-table.c): what PostgreSQL's schema check
 * (postgres/sila-pg-schema-check.c) expects of a server's tables. */
typedef struct {
  const char *table;
  const char *name;
  const char *type;   /* as SQLite declares it: INTEGER, TEXT, BLOB, REAL */
} SilaSchemaColumn;

/* The compiled columns, in table then column order; NULL (none) in the
 * generator. */
const SilaSchemaColumn *sila_compiled_columns     (guint *n_columns);
/* The columns each UNIQUE or PRIMARY KEY constraint keeps unique, as
 * (table, "column,column", NULL); a named index is in the compiled schema. */
const SilaSchemaColumn *sila_compiled_unique_keys (guint *n_keys);
/* The named indexes, as (table, index, "UNIQUE" or ""). */
const SilaSchemaColumn *sila_compiled_indexes     (guint *n_indexes);

G_END_DECLS
