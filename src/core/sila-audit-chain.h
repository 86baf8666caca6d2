/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The audit trail's hash chain: each entry's link is the SHA-256 of the
 * previous entry's link and of the entry's own fields, so that an entry
 * changed, taken out or slipped in breaks every link after it. */
typedef struct
{
  const char *id;
  const char *at;
  const char *actor_id;
  const char *actor_name;
  const char *device_id;
  const char *action;
  const char *entity;
  const char *entity_id;
  const char *body_hash;  /* sila_audit_chain_body_hash() of the entry's texts */
} SilaAuditLinkFields;

char *sila_audit_chain_body_hash (const char                *summary,
                                  const char                *before_json,
                                  const char                *after_json);
char *sila_audit_chain_link      (const char                *previous,
                                  const SilaAuditLinkFields *fields);

G_END_DECLS
