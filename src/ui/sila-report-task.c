/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-ui"

#include "sila-config.h"

#include <glib/gi18n.h>

#include "sila-report-document.h"
#include "sila-report-task.h"
#include "sila-report-workbook.h"

typedef struct {
  SilaStoreAddress    *address;  /* opened again in the thread */
  SilaActor           *actor;
  SilaPeriod           period;
  SilaReportOutput     output;
  char                *path;
  SilaReportStageFunc  stage;
  GWeakRef             stage_object;
} Job;

typedef struct {
  SilaReportStageFunc  func;
  GObject             *object;
  char                *text;
} Stage;

static void
job_free (Job *job)
{
  sila_store_address_free (job->address);
  sila_actor_free (job->actor);
  g_free (job->path);
  g_weak_ref_clear (&job->stage_object);
  g_free (job);
}

static gboolean
stage_idle_cb (gpointer user_data)
{
  Stage *stage = user_data;

  stage->func (stage->text, stage->object);
  return G_SOURCE_REMOVE;
}

static void
stage_free (Stage *stage)
{
  g_clear_object (&stage->object);
  g_free (stage->text);
  g_free (stage);
}

static void
tell (GTask      *task,
      Job        *job,
      const char *text)
{
  GObject *object = job->stage != NULL ? g_weak_ref_get (&job->stage_object) : NULL;
  Stage *stage;

  /* The page may be gone by now. */
  if (object == NULL)
    return;
  stage = g_new0 (Stage, 1);
  stage->func = job->stage;
  stage->object = object;
  stage->text = g_strdup (text);
  g_main_context_invoke_full (g_task_get_context (task), G_PRIORITY_DEFAULT, stage_idle_cb,
                              stage, (GDestroyNotify)stage_free);
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
  g_autoptr(SilaReportFigures) figures = NULL;

  store = sila_store_open_address (job->address, FALSE, &error);
  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  tell (task, job, _("Computing the figures…"));
  figures = sila_report_figures_compute (store, job->actor, &job->period, &error);
  if (figures == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    return;

  if (job->output == SILA_REPORT_OUTPUT_XLSX)
    {
      tell (task, job, _("Writing the workbook…"));
      if (!sila_report_write_xlsx (store, job->actor, figures, job->path, &error))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
    }
  else if (job->output == SILA_REPORT_OUTPUT_PDF)
    {
      tell (task, job, _("Writing the PDF…"));
      if (!sila_report_write_pdf (store, job->actor, figures, job->path, &error))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
    }

  g_task_return_pointer (task, g_steal_pointer (&figures),
                         (GDestroyNotify)sila_report_figures_free);
}

void
sila_report_task_run_async (SilaSession          *session,
                            const SilaPeriod     *period,
                            SilaReportOutput      output,
                            const char           *path,
                            SilaReportStageFunc   stage,
                            gpointer              stage_object,
                            GCancellable         *cancellable,
                            GAsyncReadyCallback   callback,
                            gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (SILA_IS_SESSION (session));
  g_return_if_fail (period != NULL);
  g_return_if_fail (output == SILA_REPORT_OUTPUT_NONE || path != NULL);

  job = g_new0 (Job, 1);
  job->address = sila_store_dup_address (sila_session_get_store (session));
  job->actor = sila_actor_copy (sila_session_get_actor (session));
  job->period = *period;
  job->output = output;
  job->path = g_strdup (path);
  job->stage = stage;
  g_weak_ref_init (&job->stage_object, stage_object);

  /* No source object: the task must not keep the session (and its
   * database) alive after the page that asked is gone. */
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sila_report_task_run_async);
  g_task_set_task_data (task, job, (GDestroyNotify)job_free);
  g_task_run_in_thread (task, run_in_thread);
}

SilaReportFigures *
sila_report_task_run_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
