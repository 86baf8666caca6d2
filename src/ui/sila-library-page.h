/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "sila-library.h"
#include "sila-session.h"

G_BEGIN_DECLS

#define SILA_TYPE_LIBRARY_PAGE (sila_library_page_get_type ())
G_DECLARE_FINAL_TYPE (SilaLibraryPage, sila_library_page, SILA, LIBRARY_PAGE, GtkWidget)

/* The Library section: the policy's tools for the officer, opened with the
 * system's viewer; administrators replace the files. */
char     *sila_library_page_export_document (SilaLibraryPage      *self,
                                             SilaLibraryDocument   document,
                                             GError              **error);
gboolean  sila_library_page_replace_document (SilaLibraryPage     *self,
                                              SilaLibraryDocument  document,
                                              GFile               *file);
GtkWidget *sila_library_page_get_row        (SilaLibraryPage      *self,
                                             SilaLibraryDocument   document);
/* The blank support request form, the fourth tool: written as a PDF where
 * the system's viewer opens it (its path returned), or printed. */
char      *sila_library_page_export_form    (SilaLibraryPage      *self,
                                             GError              **error);

G_END_DECLS
