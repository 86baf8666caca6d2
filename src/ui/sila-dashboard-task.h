/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "sila-session.h"

G_BEGIN_DECLS

/* Today's work for the dashboard, read in a worker thread with a database
 * connection of its own: on a registry of 300,000 requests the lists take
 * tens of milliseconds that the window's first frame need not wait for. */
typedef struct {
  /* NULL when the actor may not see requests. */
  GArray    *overdue;          /* request keys (gint64) */
  GArray    *attention;        /* overdue and due soon, by due date */
  GPtrArray *attention_rows;   /* SilaRequestRow, the first rows */
  GArray    *committee;
  GPtrArray *committee_rows;
  /* NULL when the actor may not see contacts. */
  GPtrArray *waiting;          /* SilaContact: open and referred, oldest first */
} SilaDashboardToday;

void                sila_dashboard_today_free      (SilaDashboardToday *today);

/* Reads today's work from @store (on this thread): used by the task and
 * where the store has no file to open a second connection on. */
SilaDashboardToday *sila_dashboard_today_read      (SilaStore          *store,
                                                    const SilaActor    *actor,
                                                    gboolean            contacts,
                                                    guint               n_rows);

void                sila_dashboard_task_today_async  (SilaSession         *session,
                                                      guint                n_rows,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
SilaDashboardToday *sila_dashboard_task_today_finish (GAsyncResult        *result,
                                                      GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SilaDashboardToday, sila_dashboard_today_free)

G_END_DECLS
