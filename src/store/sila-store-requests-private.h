/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by the store's request files. */
#pragma once

#include "sila-store-private.h"
#include "sila-store-requests.h"

G_BEGIN_DECLS

/* Reads one live request WHERE @where, ?1 bound to @key, with everything it
 * holds; NOT_FOUND when there is none. No permission check. */
SilaRequest *sila_store_read_request    (SilaStore   *self,
                                         const char  *where,
                                         const char  *key,
                                         GError     **error);

/* A date column: YYYY-MM-DD, or NULL for an invalid date. */
void         sila_bind_date             (SilaStatement *stmt,
                                         int            index,
                                         const GDate   *date);
void         sila_column_date           (SilaStatement *stmt,
                                         int            column,
                                         GDate         *date);

/* Whether @username is an active staff member holding @role. */
gboolean     sila_store_staff_has_role  (SilaStore   *self,
                                         const char  *username,
                                         SilaRole     role,
                                         GError     **error);

/* The summary of a request for the audit trail, as JSON. */
char        *sila_request_audit_json    (const SilaRequest *request);

G_END_DECLS
