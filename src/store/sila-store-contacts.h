/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The contacts log in the store: record a contact (contact.edit), answer
 * it or refer it to a social researcher, list and filter them
 * (contact.view). Each change is audited in its own transaction. */
#pragma once

#include "sila-contact.h"
#include "sila-store.h"

G_BEGIN_DECLS

#define SILA_AUDIT_ENTITY_CONTACT "contact"

typedef struct {
  int         channel;         /* a SilaChannel, or -1 */
  int         status;          /* a SilaContactStatus, or -1 */
  int         kind;            /* a SilaContactKind, or -1 */
  const char *since;           /* YYYY-MM-DD, asked on or after; or NULL */
  const char *until;           /* YYYY-MM-DD, asked on or before; or NULL */
  const char *beneficiary_id;
  const char *referred_to;     /* referrals to them, or to nobody yet */
} SilaContactFilter;

void         sila_contact_filter_init    (SilaContactFilter       *filter);

/* @contact from sila_contact_parse(); the store sets its id, who handled
 * it, and, when it was answered on the spot, when and by whom. A referral
 * names a researcher (or nobody yet: every researcher sees it). */
gboolean     sila_store_add_contact      (SilaStore               *self,
                                          const SilaActor         *actor,
                                          SilaContact             *contact,
                                          GError                 **error);
gboolean     sila_store_answer_contact   (SilaStore               *self,
                                          const SilaActor         *actor,
                                          const char              *id,
                                          const char              *answer,
                                          GError                 **error);
gboolean     sila_store_refer_contact    (SilaStore               *self,
                                          const SilaActor         *actor,
                                          const char              *id,
                                          const char              *researcher,
                                          GError                 **error);
SilaContact *sila_store_get_contact      (SilaStore               *self,
                                          const SilaActor         *actor,
                                          const char              *id,
                                          GError                 **error);
/* Newest first, at most @limit. */
GPtrArray   *sila_store_list_contacts    (SilaStore               *self,
                                          const SilaActor         *actor,
                                          const SilaContactFilter *filter,
                                          guint                    limit,
                                          GError                 **error);

G_END_DECLS
