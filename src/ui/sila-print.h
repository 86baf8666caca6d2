/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "sila-document.h"

G_BEGIN_DECLS

/* Prints @document with the system's print dialog (which also saves PDF
 * files), drawing each page with the renderer the PDF files use. With
 * @export_path, writes that PDF without a dialog instead (tests). */
gboolean sila_print_document (GtkWindow     *parent,
                              SilaDocument  *document,
                              const char    *export_path,
                              GError       **error);

G_END_DECLS
