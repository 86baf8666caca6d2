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

/* For the store's own savers: deletes a draft inside their transaction
 * (in a file; on a server it does nothing, the draft being in this desk's
 * own file), and then, once their transaction is committed,
 * sila_store_drop_draft_after_save() (on a server; nothing in a file). */
gboolean   sila_store_drop_draft    (SilaStore        *self,
                                     const char       *draft_id,
                                     GError          **error);
void       sila_store_drop_draft_after_save (SilaStore  *self,
                                             const char *draft_id);
/* The same for every draft of the record @entity_id (a file anonymized). */
void       sila_store_drop_entity_drafts_after_save (SilaStore  *self,
                                                     const char *entity_id);

/* On a server, the path of the small SQLite file of this desk that keeps
 * its drafts (made at the first draft); NULL for a store on a file, whose
 * drafts are in the file itself. */
char      *sila_store_local_drafts_path (SilaStore    *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SilaDraft, sila_draft_free)

G_END_DECLS
