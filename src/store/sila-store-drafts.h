/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Drafts of forms being typed, saved as one types (debounced) so that a
 * half-filled form survives the app being killed or the power going, and
 * is offered back at the next start. A draft belongs to the staff member
 * who typed it; its content is the form's own JSON, kept exactly. */
#pragma once

#include <glib.h>

#include "sila-store.h"

G_BEGIN_DECLS

#define SILA_DRAFT_KIND_BENEFICIARY "beneficiary"
#define SILA_DRAFT_KIND_REQUEST     "request"      /* a new support request */

typedef struct {
  char *id;
  char *kind;
  char *entity_id;   /* the record being edited, or NULL for a new one */
  char *summary;     /* a line to recognize it by ("محمد الغامدي"), or NULL */
  char *content;
  char *created_at;
  char *updated_at;
} SilaDraft;

void       sila_draft_free          (SilaDraft        *draft);

/* Saves @content as the draft *@draft_id, or as a new draft when
 * *@draft_id is NULL (its id is then returned there). Needs the right to
 * edit what the draft is for (beneficiary.edit). */
gboolean   sila_store_save_draft    (SilaStore        *self,
                                     const SilaActor  *actor,
                                     const char       *kind,
                                     const char       *entity_id,
                                     const char       *summary,
                                     const char       *content,
                                     char            **draft_id,
                                     GError          **error);
/* The acting staff member's drafts of @kind, newest first. */
GPtrArray *sila_store_list_drafts   (SilaStore        *self,
                                     const SilaActor  *actor,
                                     const char       *kind,
                                     GError          **error);
SilaDraft *sila_store_get_draft     (SilaStore        *self,
                                     const SilaActor  *actor,
                                     const char       *draft_id,
                                     GError          **error);
gboolean   sila_store_delete_draft  (SilaStore        *self,
                                     const SilaActor  *actor,
                                     const char       *draft_id,
                                     GError          **error);

/* For the store's own savers: deletes a draft inside their transaction. */
gboolean   sila_store_drop_draft    (SilaStore        *self,
                                     const char       *draft_id,
                                     GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SilaDraft, sila_draft_free)

G_END_DECLS
