/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The suggestions and complaints register in the database. */
#pragma once

#include "sila-feedback.h"
#include "sila-store.h"

G_BEGIN_DECLS

typedef enum {
  SILA_FEEDBACK_LIST_OPEN,      /* new and in progress */
  SILA_FEEDBACK_LIST_OVERDUE,   /* open and past their due date */
  SILA_FEEDBACK_LIST_ALL,
} SilaFeedbackList;

/* Open items first, the most urgent on top; then answered and closed ones,
 * newest first. At most @limit (0: all). */
GPtrArray        *sila_store_list_feedback     (SilaStore         *self,
                                                const SilaActor   *actor,
                                                SilaFeedbackList   which,
                                                guint              limit,
                                                GError           **error);
SilaFeedbackItem *sila_store_get_feedback      (SilaStore         *self,
                                                const SilaActor   *actor,
                                                gint64             number,
                                                GError           **error);
/* Registers @item (id NULL: it gets an id and a number) or saves the
 * changes made to it (its rev as read; someone else's change in the
 * meantime is a CONFLICT). A move of status the register does not allow is
 * refused; the dates answered and closed are set as the status moves. On a
 * refusal @field says which field is at fault. */
gboolean          sila_store_save_feedback     (SilaStore         *self,
                                                const SilaActor   *actor,
                                                SilaFeedbackItem  *item,
                                                SilaFeedbackField *field,
                                                GError           **error);
/* The due date a new item gets: received + the office's answer window. */
void              sila_store_feedback_default_due (SilaStore      *self,
                                                   const GDate    *received,
                                                   GDate          *due);
/* For the dashboard: how many are open and how many of them overdue. */
gboolean          sila_store_count_feedback    (SilaStore         *self,
                                                const SilaActor   *actor,
                                                gint64            *open,
                                                gint64            *overdue,
                                                GError           **error);

G_END_DECLS
