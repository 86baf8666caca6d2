/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sila-store.h"

G_BEGIN_DECLS

/* The newest entry of the audit trail as "SEQ:LINK" (NULL for an empty
 * trail): what a backup and a board approval record of it. */
gboolean  sila_store_get_audit_head     (SilaStore   *self,
                                         char       **head,
                                         GError     **error);

/* Checks the audit trail's hash chain, and its end against the heads the
 * board approvals and the newest backup recorded. Each problem found is
 * added to @problems as a sentence in the UI language; none means the
 * trail is whole. FALSE only when the trail could not be read. */
gboolean  sila_store_verify_audit_trail (SilaStore   *self,
                                         GPtrArray   *problems,
                                         GError     **error);

G_END_DECLS
