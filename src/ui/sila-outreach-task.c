/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-ui"

#include "sila-config.h"

#include "sila-outreach-task.h"
#include "sila-store-outreach.h"

typedef struct {
  SilaStoreAddress *address;  /* opened again in the thread */
  SilaActor *actor;
} Job;

static void
job_free (Job *job)
{
  sila_store_address_free (job->address);
  sila_actor_free (job->actor);
  g_free (job);
}

static void
run_in_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaStore) store = NULL;
  GPtrArray *items;

  store = sila_store_open_address (job->address, FALSE, &error);
  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  items = sila_store_list_outreach (store, job->actor, NULL, &error);
  if (items == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, items, (GDestroyNotify)g_ptr_array_unref);
}

void
sila_outreach_task_list_async (SilaSession         *session,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (SILA_IS_SESSION (session));

  job = g_new0 (Job, 1);
  job->address = sila_store_dup_address (sila_session_get_store (session));
  job->actor = sila_actor_copy (sila_session_get_actor (session));

  /* No source object: the task must not keep the session (and its
   * database) alive after the page that asked is gone. */
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sila_outreach_task_list_async);
  g_task_set_task_data (task, job, (GDestroyNotify)job_free);
  g_task_run_in_thread (task, run_in_thread);
}

GPtrArray *
sila_outreach_task_list_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
