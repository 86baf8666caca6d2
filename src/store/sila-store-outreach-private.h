/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by the store's outreach list and its contacts log. */
#pragma once

#include "sila-store-outreach.h"
#include "sila-store-private.h"

G_BEGIN_DECLS

/* The list of @day (NULL: today), for every file or only @beneficiary_id,
 * and, @with_waiting, the items an unanswered call hides for now. No
 * permission check. */
GPtrArray *sila_store_outreach_items        (SilaStore          *self,
                                             const GDate        *day,
                                             const char         *beneficiary_id,
                                             gboolean            with_waiting,
                                             GError            **error);

/* Inside the transaction that adds @contact: records which of @items (the
 * person's list read before it was added) it answered. */
gboolean   sila_store_outreach_link_contact (SilaStore          *self,
                                             GPtrArray          *items,
                                             const SilaContact  *contact,
                                             const char         *now,
                                             GError            **error);

G_END_DECLS
