/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-ui"

#include "sila-config.h"

#include "sila-contact.h"
#include "sila-dashboard-task.h"
#include "sila-store-contacts.h"
#include "sila-store-requests.h"

typedef struct {
  SilaStoreAddress *address;  /* opened again in the thread */
  SilaActor *actor;
  gboolean   contacts;
  guint      n_rows;
} Job;

static void
job_free (Job *job)
{
  sila_store_address_free (job->address);
  sila_actor_free (job->actor);
  g_free (job);
}

void
sila_dashboard_today_free (SilaDashboardToday *today)
{
  if (today == NULL)
    return;
  g_clear_pointer (&today->overdue, g_array_unref);
  g_clear_pointer (&today->attention, g_array_unref);
  g_clear_pointer (&today->attention_rows, g_ptr_array_unref);
  g_clear_pointer (&today->committee, g_array_unref);
  g_clear_pointer (&today->committee_rows, g_ptr_array_unref);
  g_clear_pointer (&today->waiting, g_ptr_array_unref);
  g_free (today);
}

static int
compare_asked (gconstpointer a,
               gconstpointer b)
{
  const SilaContact *x = *(SilaContact **)a;
  const SilaContact *y = *(SilaContact **)b;

  return g_strcmp0 (x->asked_at, y->asked_at);
}

static void
read_requests (SilaStore          *store,
               const SilaActor    *actor,
               guint               n_rows,
               SilaDashboardToday *today)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) overdue = NULL;
  g_autoptr(GArray) attention = NULL;
  g_autoptr(GPtrArray) attention_rows = NULL;
  SilaRequestFilter filter;

  /* A role that may not see requests gets none of the lists. */
  sila_request_filter_init (&filter);
  filter.overdue_only = TRUE;
  overdue = sila_store_list_request_keys (store, actor, &filter, &error);
  sila_request_filter_init (&filter);
  filter.attention_only = TRUE;
  filter.order = SILA_REQUEST_ORDER_DUE;
  if (overdue != NULL)
    attention = sila_store_list_request_keys (store, actor, &filter, &error);
  if (attention != NULL)
    attention_rows = sila_store_list_requests (store, actor, &filter, n_rows, &error);
  if (attention_rows == NULL)
    {
      g_debug ("Today's requests: %s", error->message);
      return;
    }
  today->overdue = g_steal_pointer (&overdue);
  today->attention = g_steal_pointer (&attention);
  today->attention_rows = g_steal_pointer (&attention_rows);

  sila_request_filter_init (&filter);
  filter.status = SILA_REQUEST_WITH_COMMITTEE;
  filter.order = SILA_REQUEST_ORDER_DUE;
  today->committee = sila_store_list_request_keys (store, actor, &filter, &error);
  if (today->committee != NULL)
    today->committee_rows = sila_store_list_requests (store, actor, &filter, n_rows, &error);
  if (today->committee_rows == NULL)
    {
      g_debug ("The committee's queue: %s", error->message);
      g_clear_pointer (&today->committee, g_array_unref);
    }
}

/* Inquiries and referrals waiting for an answer, the oldest first. */
static void
read_contacts (SilaStore          *store,
               const SilaActor    *actor,
               SilaDashboardToday *today)
{
  SilaContactStatus statuses[] = { SILA_CONTACT_OPEN, SILA_CONTACT_REFERRED };

  today->waiting = g_ptr_array_new_with_free_func ((GDestroyNotify)sila_contact_free);
  for (guint s = 0; s < G_N_ELEMENTS (statuses); s++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) list = NULL;
      SilaContactFilter filter;

      sila_contact_filter_init (&filter);
      filter.status = statuses[s];
      list = sila_store_list_contacts (store, actor, &filter, 5000, &error);
      if (list == NULL)
        {
          g_debug ("Unanswered inquiries: %s", error->message);
          continue;
        }
      while (list->len > 0)
        g_ptr_array_add (today->waiting, g_ptr_array_steal_index_fast (list, list->len - 1));
    }
  g_ptr_array_sort (today->waiting, compare_asked);
}

SilaDashboardToday *
sila_dashboard_today_read (SilaStore       *store,
                           const SilaActor *actor,
                           gboolean         contacts,
                           guint            n_rows)
{
  SilaDashboardToday *today = g_new0 (SilaDashboardToday, 1);

  read_requests (store, actor, n_rows, today);
  if (contacts)
    read_contacts (store, actor, today);
  return today;
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

  store = sila_store_open_address (job->address, FALSE, &error);
  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_pointer (task, sila_dashboard_today_read (store, job->actor, job->contacts,
                                                          job->n_rows),
                         (GDestroyNotify)sila_dashboard_today_free);
}

void
sila_dashboard_task_today_async (SilaSession         *session,
                                 guint                n_rows,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(SilaStoreAddress) address = NULL;
  SilaStore *store;
  Job *job;

  g_return_if_fail (SILA_IS_SESSION (session));

  store = sila_session_get_store (session);
  /* No source object: the task must not keep the session (and its
   * database) alive after the page that asked is gone. */
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sila_dashboard_task_today_async);

  /* A database with no file (in memory) has no second connection: read it
   * here. */
  address = sila_store_dup_address (store);
  if (address == NULL)
    {
      g_task_return_pointer (task,
                             sila_dashboard_today_read (store, sila_session_get_actor (session),
                                                        sila_session_can (session,
                                                                          SILA_PERM_CONTACT_VIEW),
                                                        n_rows),
                             (GDestroyNotify)sila_dashboard_today_free);
      return;
    }

  job = g_new0 (Job, 1);
  job->address = g_steal_pointer (&address);
  job->actor = sila_actor_copy (sila_session_get_actor (session));
  job->contacts = sila_session_can (session, SILA_PERM_CONTACT_VIEW);
  job->n_rows = n_rows;
  g_task_set_task_data (task, job, (GDestroyNotify)job_free);
  g_task_run_in_thread (task, run_in_thread);
}

SilaDashboardToday *
sila_dashboard_task_today_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
