/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "sila-session.h"

G_BEGIN_DECLS

/* Today's outreach list, gathered in a thread on a connection of its own:
 * the list reads every open request, and the window must not wait for it.
 * The result is a GPtrArray of SilaOutreachItem. */
void       sila_outreach_task_list_async  (SilaSession          *session,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
GPtrArray *sila_outreach_task_list_finish (GAsyncResult         *result,
                                           GError              **error);

G_END_DECLS
