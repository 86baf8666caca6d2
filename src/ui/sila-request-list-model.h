/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "sila-session.h"
#include "sila-store-requests.h"

G_BEGIN_DECLS

/* Requests for a list view, lazily: the keys of every request the filter
 * keeps are read at once (cheap at 300,000), their rows a page at a time
 * as the view shows them (PLATFORM.md: never load everything). */
#define SILA_TYPE_REQUEST_LIST_MODEL (sila_request_list_model_get_type ())
G_DECLARE_FINAL_TYPE (SilaRequestListModel, sila_request_list_model, SILA, REQUEST_LIST_MODEL,
                      GObject)

SilaRequestListModel *sila_request_list_model_new        (SilaSession             *session);
/* Reads the keys again for @filter (copied; its strings too). FALSE with
 * @error when the store refused. */
gboolean              sila_request_list_model_set_filter (SilaRequestListModel    *self,
                                                          const SilaRequestFilter *filter,
                                                          GError                 **error);

G_END_DECLS
