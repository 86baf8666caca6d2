/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-ui"

#include "sila-config.h"

#include "sila-audit-item.h"

struct _SilaAuditItem
{
  GObject         parent_instance;

  SilaAuditEntry *entry;
};

G_DEFINE_FINAL_TYPE (SilaAuditItem, sila_audit_item, G_TYPE_OBJECT)

static void
sila_audit_item_finalize (GObject *object)
{
  SilaAuditItem *self = (SilaAuditItem *)object;

  g_clear_pointer (&self->entry, sila_audit_entry_free);

  G_OBJECT_CLASS (sila_audit_item_parent_class)->finalize (object);
}

static void
sila_audit_item_class_init (SilaAuditItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sila_audit_item_finalize;
}

static void
sila_audit_item_init (SilaAuditItem *self)
{
}

/* Takes ownership of @entry. */
SilaAuditItem *
sila_audit_item_new (SilaAuditEntry *entry)
{
  SilaAuditItem *self;

  g_return_val_if_fail (entry != NULL, NULL);

  self = g_object_new (SILA_TYPE_AUDIT_ITEM, NULL);
  self->entry = entry;

  return self;
}

const SilaAuditEntry *
sila_audit_item_get_entry (SilaAuditItem *self)
{
  g_return_val_if_fail (SILA_IS_AUDIT_ITEM (self), NULL);

  return self->entry;
}
