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

/* Columns of a request as the lists and the request read them. */
char        *sila_request_column_dup_or_null (SilaStatement *stmt,
                                              int            column);
char        *sila_request_column_full_name   (SilaStatement *stmt,
                                              int            first);
SilaRequestStatus sila_request_column_status (SilaStatement *stmt,
                                              int            column);
SilaChannel  sila_request_column_channel     (SilaStatement *stmt,
                                              int            column);

/* Whether @username is an active staff member holding @role. */
gboolean     sila_store_staff_has_role  (SilaStore   *self,
                                         const char  *username,
                                         SilaRole     role,
                                         GError     **error);

/* Reads the request for a change, inside the caller's transaction: it must
 * exist and not be closed or withdrawn (INVALID). */
SilaRequest *sila_store_read_request_for_change (SilaStore   *self,
                                                 const char  *request_id,
                                                 GError     **error);
/* Marks the request changed by @actor: updated_at, updated_by, rev. */
gboolean     sila_store_touch_request   (SilaStore        *self,
                                         const SilaActor  *actor,
                                         const char       *request_id,
                                         const char       *now,
                                         GError          **error);

/* The summary of a request for the audit trail, as JSON. */
char        *sila_request_audit_json    (const SilaRequest *request);

G_END_DECLS
