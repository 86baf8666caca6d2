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

G_END_DECLS
