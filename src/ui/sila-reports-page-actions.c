/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Reports page's exports: the workbook and the PDF written in the
 * background, printing, and recording the board's approval. */
#define G_LOG_DOMAIN "sila-ui"

#include "sila-config.h"

#include <glib/gi18n.h>

#include "sila-approval-dialog.h"
#include "sila-display.h"
#include "sila-report-document.h"
#include "sila-report-print.h"
#include "sila-report-task.h"
#include "sila-reports-page-private.h"

typedef struct {
  SilaReportsPage *self;  /* not referenced: dispose cancels the export */
  char            *path;
} Export;

static void
export_ready_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Export *export = user_data;
  SilaReportsPage *self = export->self;
  g_autofree char *path = export->path;
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaReportFigures) figures = sila_report_task_run_finish (result, &error);

  g_free (export);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->exports_pending--;
  sila_reports_page_work_ended (self);
  if (figures == NULL)
    {
      sila_reports_page_say (self, error->message);
      return;
    }
  {
    g_autofree char *name = sila_display_basename (path);
    /* Translators: %s is a file's name. */
    g_autofree char *text = g_strdup_printf (_("Saved as “%s”."), name);

    sila_reports_page_say (self, text);
  }
}

void
sila_reports_page_export (SilaReportsPage *self,
                          gboolean         pdf,
                          const char      *path)
{
  Export *export;

  g_return_if_fail (SILA_IS_REPORTS_PAGE (self));
  g_return_if_fail (path != NULL);

  export = g_new0 (Export, 1);
  export->self = self;
  export->path = g_strdup (path);
  if (self->export_cancellable == NULL || g_cancellable_is_cancelled (self->export_cancellable))
    {
      g_clear_object (&self->export_cancellable);
      self->export_cancellable = g_cancellable_new ();
    }
  self->exports_pending++;
  sila_reports_page_work_started (self, pdf ? _("Writing the PDF…") : _("Writing the workbook…"));
  /* The figures are computed again in the worker, from the database as it
   * is when the file is written. */
  sila_report_task_run_async (self->session, &self->period,
                              pdf ? SILA_REPORT_OUTPUT_PDF : SILA_REPORT_OUTPUT_XLSX, path,
                              sila_reports_page_stage_cb, self, self->export_cancellable, export_ready_cb, export);
}

static char *
suggested_name (SilaReportsPage *self,
                const char      *extension)
{
  g_autofree char *code = sila_period_to_code (&self->period);
  g_autofree char *safe = g_strdelimit (g_strdup (code), "./", '_');

  /* Translators: the start of a report's file name, "board-report-2026-03.xlsx". */
  return g_strdup_printf ("%s-%s.%s", _("board-report"), safe, extension);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     SilaReportsPage *self)
{
  gboolean pdf = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "sila-pdf"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        sila_reports_page_export (self, pdf, path);
    }
  g_clear_object (&self->chooser);
}

static void
choose_file (SilaReportsPage *self,
             gboolean         pdf)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = suggested_name (self, pdf ? "pdf" : "xlsx");

  if (self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (pdf ? _("Save the Report as PDF")
                                                   : _("Export the Report Workbook"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                                               _("_Cancel"));
  gtk_file_filter_set_name (filter, pdf ? _("PDF documents") : _("Excel workbooks"));
  gtk_file_filter_add_suffix (filter, pdf ? "pdf" : "xlsx");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_object_set_data (G_OBJECT (self->chooser), "sila-pdf", GINT_TO_POINTER (pdf));
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

void
sila_reports_page_export_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  choose_file (SILA_REPORTS_PAGE (widget), g_str_equal (action_name, "reports.save-pdf"));
}

void
sila_reports_page_print (SilaReportsPage *self,
                         const char      *export_path)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(SilaDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (SILA_IS_REPORTS_PAGE (self));

  if (self->figures == NULL)
    return;
  if (!sila_report_record_print (sila_session_get_store (self->session),
                                 sila_session_get_actor (self->session), self->figures, &error))
    {
      sila_reports_page_say (self, error->message);
      return;
    }
  document = sila_report_document_new (self->figures);
  if (sila_report_print (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, document,
                         export_path, &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    sila_reports_page_say (self, error->message);
}

void
sila_reports_page_print_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  sila_reports_page_print (SILA_REPORTS_PAGE (widget), NULL);
}

void
sila_reports_page_approve_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  SilaReportsPage *self = SILA_REPORTS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  SilaApprovalDialog *dialog;

  if (self->figures == NULL)
    return;
  dialog = sila_approval_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                     self->session, self->figures);
  gtk_window_present (GTK_WINDOW (dialog));
}
