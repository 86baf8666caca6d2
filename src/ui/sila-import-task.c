/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-ui"

#include "sila-config.h"

#include <glib/gi18n.h>

#include "sila-arabic.h"
#include "sila-beneficiary-import.h"
#include "sila-i18n.h"
#include "sila-import-task.h"
#include "sila-request-import.h"
#include "sila-store-import.h"
#include "sila-store-request-import.h"
#include "sila-store-surveys.h"
#include "sila-survey-import.h"

typedef struct {
  SilaStoreAddress     *address;  /* opened again in the thread */
  SilaActor            *actor;
  SilaImportKind        kind;
  char                 *path;
  char                 *sheet;
  gboolean              dry_run;
  SilaImportProgressCb  progress;
  GWeakRef              progress_object;
  GMainContext         *context;
  GCancellable         *cancellable;
  /* Surveys are read, then saved: each half of the bar. */
  double                offset;
  double                scale;
} Job;

typedef struct {
  SilaImportProgressCb  func;
  GObject              *object;
  double                fraction;
  guint                 rows;
} Progress;

static gint test_pause;
static gint paused;

SilaPermission
sila_import_kind_permission (SilaImportKind kind)
{
  switch (kind)
    {
    case SILA_IMPORT_KIND_REQUESTS:
      return SILA_PERM_REQUEST_IMPORT;
    case SILA_IMPORT_KIND_SURVEYS:
      return SILA_PERM_SURVEY_IMPORT;
    case SILA_IMPORT_KIND_BENEFICIARIES:
    case SILA_N_IMPORT_KINDS:
    default:
      return SILA_PERM_BENEFICIARY_IMPORT;
    }
}

void
sila_import_task_set_test_pause (gboolean pause)
{
  g_atomic_int_set (&test_pause, pause ? 1 : 0);
  g_atomic_int_set (&paused, 0);
}

gboolean
sila_import_task_is_paused (void)
{
  return g_atomic_int_get (&paused) != 0;
}

static void
match_free (SilaImportMatch *match)
{
  g_free (match->header);
  g_free (match->field);
  g_free (match);
}

void
sila_import_preview_free (SilaImportPreview *preview)
{
  if (preview == NULL)
    return;
  g_strfreev (preview->sheets);
  g_free (preview->sheet);
  g_free (preview->encoding);
  g_clear_pointer (&preview->matches, g_ptr_array_unref);
  g_strfreev (preview->missing);
  g_free (preview->problem);
  g_clear_pointer (&preview->labels, g_hash_table_unref);
  g_free (preview);
}

void
sila_import_outcome_free (SilaImportOutcome *outcome)
{
  if (outcome == NULL)
    return;
  g_clear_pointer (&outcome->report, sila_import_report_free);
  g_free (outcome);
}

static void
job_free (Job *job)
{
  sila_store_address_free (job->address);
  sila_actor_free (job->actor);
  g_free (job->path);
  g_free (job->sheet);
  g_weak_ref_clear (&job->progress_object);
  g_clear_pointer (&job->context, g_main_context_unref);
  g_clear_object (&job->cancellable);
  g_free (job);
}

static Job *
job_new (SilaSession    *session,
         SilaImportKind  kind,
         const char     *path,
         const char     *sheet,
         GCancellable   *cancellable)
{
  Job *job = g_new0 (Job, 1);

  job->address = sila_store_dup_address (sila_session_get_store (session));
  job->actor = sila_actor_copy (sila_session_get_actor (session));
  job->kind = kind;
  job->path = g_strdup (path);
  job->sheet = g_strdup (sheet);
  job->context = g_main_context_ref_thread_default ();
  job->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  job->scale = 1.0;
  g_weak_ref_init (&job->progress_object, NULL);
  return job;
}

/* ---- the header ---------------------------------------------------------- */

/* The survey's template: the default one, as `sila survey import` takes
 * without --template. */
static SilaSurveyTemplate *
default_template (Job        *job,
                  SilaStore **store,
                  GError    **error)
{
  *store = sila_store_open_address (job->address, FALSE, error);
  if (*store == NULL)
    return NULL;
  return sila_store_get_default_survey_template (*store, job->actor, error);
}

static void
add_label (GHashTable            *labels,
           const SilaTableColumn *column)
{
  g_hash_table_insert (labels, g_strdup (column->key), g_strdup (_(column->label)));
}

/* The kind's own reading of the header: the same checks as the import
 * (a name column for a register, for instance), for the message. */
static char *
kind_problem (Job                   *job,
              const SilaTableColumn *columns,
              guint                  n_columns)
{
  g_autoptr(SilaTableReader) reader = NULL;
  g_autoptr(SilaImportReport) report = sila_import_report_new ();
  g_autoptr(GError) error = NULL;
  SilaImportCounts counts = { 0 };

  reader = sila_table_reader_open_sheet (job->path, job->sheet, &error);
  if (reader == NULL)
    return g_strdup (error->message);

  switch (job->kind)
    {
    case SILA_IMPORT_KIND_BENEFICIARIES:
      {
        g_autoptr(SilaBeneficiaryImport) import = NULL;

        import = sila_beneficiary_import_new (reader, NULL, report, &counts, &error);
      }
      break;
    case SILA_IMPORT_KIND_REQUESTS:
      {
        g_autoptr(SilaRequestImport) import = NULL;

        import = sila_request_import_new (reader, TRUE, report, &counts, &error);
      }
      break;
    case SILA_IMPORT_KIND_SURVEYS:
    case SILA_N_IMPORT_KINDS:
    default:
      {
        g_autoptr(SilaTableHeader) header = NULL;

        header = sila_table_header_read (reader, columns, n_columns, &error);
      }
      break;
    }
  return error != NULL ? g_strdup (error->message) : NULL;
}

static SilaImportPreview *
preview (Job     *job,
         GError **error)
{
  g_autoptr(SilaImportPreview) preview = g_new0 (SilaImportPreview, 1);
  g_autoptr(SilaTableReader) reader = NULL;
  g_autoptr(SilaTableRow) row = NULL;
  g_autoptr(SilaStore) store = NULL;
  g_autoptr(SilaSurveyTemplate) tpl = NULL;
  g_autoptr(GPtrArray) strings = NULL;
  g_autofree SilaTableColumn *own_columns = NULL;
  g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
  const SilaTableColumn *columns;
  guint n_columns = 0;
  gboolean *found;
  GError *local = NULL;

  if (job->kind == SILA_IMPORT_KIND_SURVEYS)
    {
      tpl = default_template (job, &store, error);
      if (tpl == NULL)
        return NULL;
      own_columns = sila_survey_import_columns (tpl, &n_columns, &strings);
      columns = own_columns;
    }
  else if (job->kind == SILA_IMPORT_KIND_REQUESTS)
    columns = sila_request_import_columns (&n_columns);
  else
    columns = sila_beneficiary_import_columns (&n_columns);

  reader = sila_table_reader_open_sheet (job->path, job->sheet, error);
  if (reader == NULL)
    return NULL;
  if (sila_table_reader_get_sheet_names (reader) != NULL)
    {
      preview->sheets = g_strdupv ((char **)sila_table_reader_get_sheet_names (reader));
      preview->sheet = g_strdup (sila_table_reader_get_sheet_name (reader));
    }
  preview->encoding = g_strdup (sila_table_reader_get_encoding (reader));

  preview->labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint c = 0; c < n_columns; c++)
    add_label (preview->labels, &columns[c]);
  /* A survey question's column is named by its wording. */
  for (guint i = 0; tpl != NULL && i < tpl->questions->len; i++)
    {
      const SilaSurveyQuestion *q = g_ptr_array_index (tpl->questions, i);

      g_hash_table_insert (preview->labels, g_strdup (q->code),
                           g_strdup (sila_i18n_get_language () == SILA_LANGUAGE_ENGLISH &&
                                     q->text_en != NULL && *q->text_en != '\0'
                                       ? q->text_en : q->text_ar));
    }

  row = sila_table_reader_next (reader, &local);
  if (row == NULL)
    {
      if (local != NULL)
        g_propagate_error (error, local);
      else
        g_set_error_literal (error, SILA_TABLE_ERROR, SILA_TABLE_ERROR_EMPTY,
                             _("The file is empty: it has no header row."));
      return NULL;
    }
  preview->header_line = row->line;

  found = g_new0 (gboolean, MAX (n_columns, 1));
  preview->matches = g_ptr_array_new_with_free_func ((GDestroyNotify)match_free);
  for (guint i = 0; i < row->n_cells; i++)
    {
      g_autofree char *folded = sila_arabic_normalize_tokens (row->cells[i]);
      SilaImportMatch *match;

      if (*folded == '\0')
        continue;
      match = g_new0 (SilaImportMatch, 1);
      match->header = g_strstrip (g_strdup (row->cells[i]));
      for (guint c = 0; c < n_columns && match->field == NULL; c++)
        if (sila_table_column_accepts (&columns[c], folded))
          {
            match->field = g_strdup (g_hash_table_lookup (preview->labels, columns[c].key));
            found[c] = TRUE;
          }
      g_ptr_array_add (preview->matches, match);
    }
  for (guint c = 0; c < n_columns; c++)
    if (columns[c].required && !found[c])
      g_ptr_array_add (missing, g_strdup (_(columns[c].label)));
  g_ptr_array_add (missing, NULL);
  preview->missing = (GStrv)g_ptr_array_free (g_steal_pointer (&missing), FALSE);
  g_free (found);

  preview->problem = kind_problem (job, columns, n_columns);
  return g_steal_pointer (&preview);
}

static void
preview_in_thread (GTask        *task,
                   gpointer      source,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  GError *error = NULL;
  SilaImportPreview *result = preview (task_data, &error);

  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, (GDestroyNotify)sila_import_preview_free);
}

void
sila_import_task_preview_async (SilaSession         *session,
                                SilaImportKind       kind,
                                const char          *path,
                                const char          *sheet,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SILA_IS_SESSION (session));
  g_return_if_fail (path != NULL);

  /* No source object: the task must not keep the session alive. */
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sila_import_task_preview_async);
  g_task_set_task_data (task, job_new (session, kind, path, sheet, cancellable),
                        (GDestroyNotify)job_free);
  g_task_run_in_thread (task, preview_in_thread);
}

SilaImportPreview *
sila_import_task_preview_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- the import ------------------------------------------------------------ */

static gboolean
progress_idle_cb (gpointer user_data)
{
  Progress *p = user_data;

  p->func (p->fraction, p->rows, p->object);
  return G_SOURCE_REMOVE;
}

static void
progress_free (Progress *p)
{
  g_clear_object (&p->object);
  g_free (p);
}

/* On the worker thread: passed to the main thread for the page. */
static void
progress_cb (double   fraction,
             guint    rows,
             gpointer user_data)
{
  Job *job = user_data;
  GObject *object = g_weak_ref_get (&job->progress_object);
  Progress *p;

  if (object != NULL)
    {
      p = g_new0 (Progress, 1);
      p->func = job->progress;
      p->object = object;
      p->fraction = job->offset + fraction * job->scale;
      p->rows = rows;
      g_main_context_invoke_full (job->context, G_PRIORITY_DEFAULT, progress_idle_cb, p,
                                  (GDestroyNotify)progress_free);
    }

  /* The tests' pause: the transaction is open, nothing is committed yet. */
  if (g_atomic_int_compare_and_exchange (&test_pause, 1, 0))
    {
      g_atomic_int_set (&paused, 1);
      while (job->cancellable != NULL && !g_cancellable_is_cancelled (job->cancellable))
        g_usleep (5000);
    }
}

static gboolean
import_surveys (Job                *job,
                SilaImportOptions  *options,
                SilaImportOutcome  *outcome,
                GError            **error)
{
  g_autoptr(SilaStore) store = NULL;
  g_autoptr(SilaSurveyTemplate) tpl = NULL;
  g_autoptr(SilaSurveyImport) import = NULL;
  g_autofree char *previous = NULL;
  g_autofree char *basename = g_path_get_basename (job->path);
  GPtrArray *responses;

  tpl = default_template (job, &store, error);
  if (tpl == NULL || !sila_store_require (store, job->actor, SILA_PERM_SURVEY_IMPORT, error))
    return FALSE;
  if (sila_survey_template_is_retired (tpl))
    {
      g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_INVALID,
                   _("The survey template “%s” is retired: it takes no new responses."),
                   tpl->code);
      return FALSE;
    }

  if (!job->dry_run)
    job->scale = 0.5;
  import = sila_survey_import_read_full (job->path, tpl, options, error);
  if (import == NULL)
    return FALSE;
  responses = sila_survey_import_get_responses (import);
  outcome->counts.ok = responses->len;
  outcome->counts.rejected = sila_survey_import_get_n_rejected (import);

  if (!sila_store_find_survey_import (store, sila_survey_import_get_checksum (import), &previous,
                                      error))
    return FALSE;
  if (previous != NULL)
    {
      g_autofree char *day = g_strndup (previous, 10);

      g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DUPLICATE,
                   _("This file was imported already, on %s. Nothing was imported again."), day);
      return FALSE;
    }

  if (!job->dry_run && responses->len > 0)
    {
      job->offset = 0.5;
      if (!g_utf8_validate (basename, -1, NULL))
        {
          g_free (basename);
          basename = g_strdup ("?");
        }
      if (!sila_store_import_survey_responses_full (store, job->actor, tpl, responses, basename,
                                                    sila_survey_import_get_checksum (import),
                                                    outcome->counts.rejected, options, error))
        return FALSE;
    }
  outcome->report = sila_survey_import_make_report (import, NULL);
  return TRUE;
}

static void
run_in_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(SilaImportOutcome) outcome = g_new0 (SilaImportOutcome, 1);
  g_autoptr(SilaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  SilaImportOptions options = {
    .dry_run = job->dry_run, .sheet = job->sheet, .progress = progress_cb,
    .progress_data = job, .cancellable = cancellable,
  };
  gboolean ok;

  outcome->dry_run = job->dry_run;
  if (job->kind == SILA_IMPORT_KIND_SURVEYS)
    ok = import_surveys (job, &options, outcome, &error);
  else
    {
      store = sila_store_open_address (job->address, FALSE, &error);
      outcome->report = sila_import_report_new ();
      if (store == NULL)
        ok = FALSE;
      else if (job->kind == SILA_IMPORT_KIND_REQUESTS)
        ok = sila_store_import_requests_full (store, job->actor, job->path, &options,
                                              outcome->report, &outcome->counts, &error);
      else
        ok = sila_store_import_beneficiaries_full (store, job->actor, job->path, &options,
                                                   outcome->report, &outcome->counts, &error);
    }
  g_atomic_int_set (&paused, 0);

  if (!ok)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_steal_pointer (&outcome),
                           (GDestroyNotify)sila_import_outcome_free);
}

void
sila_import_task_run_async (SilaSession          *session,
                            SilaImportKind        kind,
                            const char           *path,
                            const char           *sheet,
                            gboolean              dry_run,
                            SilaImportProgressCb  progress,
                            gpointer              progress_object,
                            GCancellable         *cancellable,
                            GAsyncReadyCallback   callback,
                            gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (SILA_IS_SESSION (session));
  g_return_if_fail (path != NULL);

  job = job_new (session, kind, path, sheet, cancellable);
  job->dry_run = dry_run;
  job->progress = progress;
  if (progress != NULL)
    g_weak_ref_set (&job->progress_object, progress_object);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sila_import_task_run_async);
  /* Stopped means stopped: the worker's own error (cancelled, rolled
   * back) is what is returned, not an earlier guess. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, job, (GDestroyNotify)job_free);
  g_task_run_in_thread (task, run_in_thread);
}

SilaImportOutcome *
sila_import_task_run_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
