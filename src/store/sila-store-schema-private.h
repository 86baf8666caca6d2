/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The migration steps kept in files of their own, for the list in
 * sila-store-schema.c, which alone decides their order. */
#pragma once

#include "sila-store-private.h"

G_BEGIN_DECLS

/* sila-store-schema-surveys.c */
gboolean  sila_store_migrate_surveys_and_feedback (SilaStore  *self,
                                                   GError    **error);

/* sila-store-schema-beneficiaries.c */
gboolean  sila_store_migrate_beneficiary_files    (SilaStore  *self,
                                                   GError    **error);
gboolean  sila_store_migrate_contacts_log         (SilaStore  *self,
                                                   GError    **error);
gboolean  sila_store_migrate_retention            (SilaStore  *self,
                                                   GError    **error);

/* sila-store-schema-requests.c */
gboolean  sila_store_migrate_support_requests     (SilaStore  *self,
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
