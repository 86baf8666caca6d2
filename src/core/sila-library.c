/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-core"

#include "sila-config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sila-display.h"
#include "sila-library.h"
#include "sila-validation.h"

static const struct {
  const char *code;
  const char *display;
} documents[SILA_N_LIBRARY_DOCUMENTS] = {
  { "bylaws", N_("The association’s bylaws") },
  { "research_guide", N_("Social-research services guide") },
  { "support_policy", N_("Beneficiary-support policy guide") },
};

const char *
sila_library_document_to_code (SilaLibraryDocument document)
{
  g_return_val_if_fail (document < SILA_N_LIBRARY_DOCUMENTS, NULL);

  return documents[document].code;
}

gboolean
sila_library_document_from_code (const char          *code,
                                 SilaLibraryDocument *document)
{
  for (guint i = 0; code != NULL && i < SILA_N_LIBRARY_DOCUMENTS; i++)
    if (g_str_equal (code, documents[i].code))
      {
        *document = i;
        return TRUE;
      }

  return FALSE;
}

const char *
sila_library_document_to_display (SilaLibraryDocument document)
{
  g_return_val_if_fail (document < SILA_N_LIBRARY_DOCUMENTS, NULL);

  return _(documents[document].display);
}

static gboolean
has_prefix (GBytes     *content,
            const char *magic,
            gsize       length)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (content, &size);

  return size >= length && memcmp (data, magic, length) == 0;
}

/* Does the ZIP archive carry an entry named @name? A look at the local
 * headers is enough to tell a Word document from a spreadsheet. */
static gboolean
zip_mentions (GBytes     *content,
              const char *name)
{
  gsize size;
  const char *data = g_bytes_get_data (content, &size);

  return g_strstr_len (data, MIN (size, 64 * 1024), name) != NULL;
}

/* Decides what a file is from its content, not its name, and returns its
 * MIME type, or NULL with a message if the library does not keep such files
 * (PDF, Word and OpenDocument text are kept). */
char *
sila_library_check_file (GBytes  *content,
                         GError **error)
{
  g_return_val_if_fail (content != NULL, NULL);

  if (g_bytes_get_size (content) == 0)
    {
      g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                           _("The file is empty."));
      return NULL;
    }

  if (g_bytes_get_size (content) > SILA_LIBRARY_MAX_BYTES)
    {
      g_set_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_TOO_LONG,
                   _("The file is too large: at most %d MB."),
                   SILA_LIBRARY_MAX_BYTES / (1024 * 1024));
      sila_display_error_digits (error);
      return NULL;
    }

  if (has_prefix (content, "%PDF-", 5))
    return g_strdup ("application/pdf");

  if (has_prefix (content, "PK\x03\x04", 4))
    {
      if (zip_mentions (content, "application/vnd.oasis.opendocument.text"))
        return g_strdup ("application/vnd.oasis.opendocument.text");
      if (zip_mentions (content, "word/"))
        return g_strdup ("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    }

  /* The old binary Word format (an OLE compound file). */
  if (has_prefix (content, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))
    return g_strdup ("application/msword");

  g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                       _("This file is not a PDF, Word or OpenDocument text document."));
  return NULL;
}

const char *
sila_library_extension_for (const char *mime_type)
{
  if (g_strcmp0 (mime_type, "application/pdf") == 0)
    return ".pdf";
  if (g_strcmp0 (mime_type, "application/vnd.oasis.opendocument.text") == 0)
    return ".odt";
  if (g_strcmp0 (mime_type,
                 "application/vnd.openxmlformats-officedocument.wordprocessingml.document") == 0)
    return ".docx";
  if (g_strcmp0 (mime_type, "application/msword") == 0)
    return ".doc";
  return "";
}
