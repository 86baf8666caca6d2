/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-ui"

#include "sila-config.h"

#include "sila-report-print.h"

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                SilaDocument      *document)
{
  guint n = sila_document_paginate (document, gtk_print_context_get_cairo_context (context),
                                    gtk_print_context_get_width (context),
                                    gtk_print_context_get_height (context));

  gtk_print_operation_set_n_pages (operation, (int)MAX (n, 1));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              SilaDocument      *document)
{
  if (page >= 0 && (guint)page < sila_document_get_n_pages (document))
    sila_document_render_page (document, gtk_print_context_get_cairo_context (context),
                               (guint)page);
}

GtkPrintOperationResult
sila_report_print (GtkWindow     *parent,
                   SilaDocument  *document,
                   const char    *export_path,
                   GError       **error)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  g_return_val_if_fail (SILA_IS_DOCUMENT (document), GTK_PRINT_OPERATION_RESULT_ERROR);

  /* The document lays itself out on the whole A4 sheet, in points, with
   * its own margins. */
  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), document);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), document);

  if (export_path != NULL)
    {
      gtk_print_operation_set_export_filename (operation, export_path);
      return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, parent,
                                      error);
    }
  return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent,
                                  error);
}
