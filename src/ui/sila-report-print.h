/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "sila-document.h"

G_BEGIN_DECLS

/* Prints @document through GtkPrintOperation on A4, with the same
 * renderer as its PDF. With @export_path, writes the PDF there without a
 * dialog (GTK_PRINT_OPERATION_ACTION_EXPORT), as tests do. Returns the
 * operation's result. */
GtkPrintOperationResult sila_report_print (GtkWindow     *parent,
                                           SilaDocument  *document,
                                           const char    *export_path,
                                           GError       **error);

G_END_DECLS
