/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The tools the policy gives the beneficiary-relations officer (الأدوات
 * المتاحة لموظف علاقات المستفيدين). The three documents are the
 * association's own files, which administrators replace; the fourth tool,
 * the blank support request form, is the app's own printable form. */
typedef enum {
  SILA_LIBRARY_BYLAWS,          /* اللائحة الأساسية للجمعية */
  SILA_LIBRARY_RESEARCH_GUIDE,  /* دليل خدمات البحث الاجتماعي */
  SILA_LIBRARY_SUPPORT_POLICY,  /* دليل سياسة الدعم للمستفيدين */
  SILA_N_LIBRARY_DOCUMENTS
} SilaLibraryDocument;

/* Larger files belong on a shared drive, not in every backup. */
#define SILA_LIBRARY_MAX_BYTES (25 * 1024 * 1024)

const char *sila_library_document_to_code    (SilaLibraryDocument  document);
gboolean    sila_library_document_from_code  (const char          *code,
                                              SilaLibraryDocument *document);
const char *sila_library_document_to_display (SilaLibraryDocument  document);
char       *sila_library_check_file          (GBytes              *content,
                                              GError             **error);
const char *sila_library_extension_for       (const char          *mime_type);

G_END_DECLS
