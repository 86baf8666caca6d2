/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "sila-store.h"

G_BEGIN_DECLS

#define SILA_TYPE_AUDIT_ITEM (sila_audit_item_get_type ())
G_DECLARE_FINAL_TYPE (SilaAuditItem, sila_audit_item, SILA, AUDIT_ITEM, GObject)

/* One entry of the audit trail, as an item of a list model. */
SilaAuditItem        *sila_audit_item_new       (SilaAuditEntry *entry);
const SilaAuditEntry *sila_audit_item_get_entry (SilaAuditItem  *self);

G_END_DECLS
