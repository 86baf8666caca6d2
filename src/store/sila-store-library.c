/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The library's documents. They are the association's published texts, not
 * personal data: every staff member may read them; administrators replace
 * them, and each change is audited (the file's name and checksum, not its
 * content). */
#define G_LOG_DOMAIN "sila-store"

#include "sila-config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "sila-clock.h"
#include "sila-store-library.h"
#include "sila-store-private.h"
#include "sila-text.h"

void
sila_library_entry_free (SilaLibraryEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->filename);
  g_free (entry->mime_type);
  g_free (entry->updated_at);
  g_free (entry->updated_by);
  g_free (entry->updated_by_name);
  g_free (entry);
}

/* One entry per document, in the policy's order; those not added yet have
 * no file name. */
GPtrArray *
sila_store_library_list (SilaStore  *self,
                         GError    **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(SilaStatement) stmt = NULL;
  SilaStep step;

  g_return_val_if_fail (SILA_IS_STORE (self), NULL);

  entries = g_ptr_array_new_with_free_func ((GDestroyNotify)sila_library_entry_free);
  for (guint i = 0; i < SILA_N_LIBRARY_DOCUMENTS; i++)
    {
      SilaLibraryEntry *entry = g_new0 (SilaLibraryEntry, 1);

      entry->document = i;
      g_ptr_array_add (entries, entry);
    }

  stmt = sila_store_prepare (self,
                             "SELECT l.code, l.filename, l.mime_type, l.size, l.updated_at, "
                             "l.updated_by, s.display_name FROM library_documents l "
                             "LEFT JOIN staff s ON s.username = l.updated_by",
                             error);
  if (stmt == NULL)
    return NULL;

  while ((step = sila_store_step (self, stmt, error)) == SILA_STEP_ROW)
    {
      SilaLibraryDocument document;
      SilaLibraryEntry *entry;

      if (!sila_library_document_from_code (sila_column_text (stmt, 0),
                                            &document))
        continue;

      entry = g_ptr_array_index (entries, document);
      entry->filename = sila_column_dup (stmt, 1);
      entry->mime_type = sila_column_dup (stmt, 2);
      entry->size = sila_column_int64 (stmt, 3);
      entry->updated_at = sila_column_dup (stmt, 4);
      entry->updated_by = sila_column_dup (stmt, 5);
      if (!sila_column_is_null (stmt, 6))
        entry->updated_by_name = sila_column_dup (stmt, 6);
    }

  if (step == SILA_STEP_ERROR)
    return NULL;

  return g_steal_pointer (&entries);
}

/* The document's content, or NULL: with NOT_FOUND if none was added. */
GBytes *
sila_store_library_get (SilaStore            *self,
                        SilaLibraryDocument   document,
                        char                **mime_type,
                        GError              **error)
{
  g_autoptr(SilaStatement) stmt = NULL;

  g_return_val_if_fail (SILA_IS_STORE (self), NULL);
  g_return_val_if_fail (document < SILA_N_LIBRARY_DOCUMENTS, NULL);

  stmt = sila_store_prepare (self,
                             "SELECT content, mime_type FROM library_documents WHERE code = ?1",
                             error);
  if (stmt == NULL)
    return NULL;

  sila_bind_text (stmt, 1, sila_library_document_to_code (document));
  switch (sila_store_step (self, stmt, error))
    {
    case SILA_STEP_ROW:
      if (mime_type != NULL)
        *mime_type = sila_column_dup (stmt, 1);
      {
        gsize size = 0;
        gconstpointer data = sila_column_blob (stmt, 0, &size);

        return g_bytes_new (data, size);
      }

    case SILA_STEP_DONE:
      g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_NOT_FOUND,
                   _("“%s” has not been added to the library yet."),
                   sila_library_document_to_display (document));
      return NULL;

    case SILA_STEP_ERROR:
    default:
      return NULL;
    }
}

static char *
entry_json (const char *filename,
            const char *mime_type,
            gint64      size,
            const char *sha256)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "filename");
  json_builder_add_string_value (builder, filename);
  json_builder_set_member_name (builder, "mime_type");
  json_builder_add_string_value (builder, mime_type);
  json_builder_set_member_name (builder, "size");
  json_builder_add_int_value (builder, size);
  json_builder_set_member_name (builder, "sha256");
  json_builder_add_string_value (builder, sha256);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);

  return json_to_string (root, FALSE);
}

/* The JSON of the document now kept, for the audit trail, or NULL. */
static gboolean
current_json (SilaStore            *self,
              SilaLibraryDocument   document,
              char                **json,
              GError              **error)
{
  g_autoptr(SilaStatement) stmt = NULL;

  *json = NULL;
  stmt = sila_store_prepare (self,
                             "SELECT filename, mime_type, size, sha256 FROM library_documents "
                             "WHERE code = ?1",
                             error);
  if (stmt == NULL)
    return FALSE;

  sila_bind_text (stmt, 1, sila_library_document_to_code (document));
  switch (sila_store_step (self, stmt, error))
    {
    case SILA_STEP_ROW:
      *json = entry_json (sila_column_text (stmt, 0),
                          sila_column_text (stmt, 1),
                          sila_column_int64 (stmt, 2),
                          sila_column_text (stmt, 3));
      return TRUE;
    case SILA_STEP_DONE:
      return TRUE;
    case SILA_STEP_ERROR:
    default:
      return FALSE;
    }
}

/* Replaces (or adds) the document with @content, which must be a PDF, Word
 * or OpenDocument text; @filename is kept to show and to open it by. */
gboolean
sila_store_library_replace (SilaStore            *self,
                            const SilaActor      *actor,
                            SilaLibraryDocument   document,
                            const char           *filename,
                            GBytes               *content,
                            GError              **error)
{
  g_autoptr(SilaTransaction) tx = NULL;
  g_autoptr(SilaStatement) stmt = NULL;
  g_autofree char *mime_type = NULL;
  g_autofree char *name = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *now = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *base = NULL;

  g_return_val_if_fail (SILA_IS_STORE (self), FALSE);
  g_return_val_if_fail (document < SILA_N_LIBRARY_DOCUMENTS, FALSE);
  g_return_val_if_fail (content != NULL, FALSE);

  if (!sila_store_require (self, actor, SILA_PERM_LIBRARY_EDIT, error))
    return FALSE;

  mime_type = sila_library_check_file (content, error);
  if (mime_type == NULL)
    return FALSE;

  base = g_path_get_basename (filename != NULL && *filename != '\0' ? filename : "document");
  name = sila_text_clean_line (base, 200, TRUE, error);
  if (name == NULL)
    return FALSE;

  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, content);
  now = sila_clock_timestamp ();

  tx = sila_transaction_begin (self, error);
  if (tx == NULL || !current_json (self, document, &before, error))
    return FALSE;

  stmt = sila_store_prepare (self,
                             "INSERT INTO library_documents (code, filename, mime_type, size, "
                             "sha256, content, updated_at, updated_by, device_id) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "
                             "ON CONFLICT (code) DO UPDATE SET filename = excluded.filename, "
                             "mime_type = excluded.mime_type, size = excluded.size, "
                             "sha256 = excluded.sha256, content = excluded.content, "
                             "updated_at = excluded.updated_at, updated_by = excluded.updated_by, "
                             "device_id = excluded.device_id",
                             error);
  if (stmt == NULL)
    return FALSE;

  sila_bind_text (stmt, 1, sila_library_document_to_code (document));
  sila_bind_text (stmt, 2, name);
  sila_bind_text (stmt, 3, mime_type);
  sila_bind_int64 (stmt, 4, g_bytes_get_size (content));
  sila_bind_text (stmt, 5, sha256);
  sila_bind_blob (stmt, 6, g_bytes_get_data (content, NULL), g_bytes_get_size (content));
  sila_bind_text (stmt, 7, now);
  sila_bind_text (stmt, 8, actor->username);
  sila_bind_text (stmt, 9, sila_store_get_device_id (self));
  if (sila_store_step (self, stmt, error) != SILA_STEP_DONE)
    return FALSE;

  after = entry_json (name, mime_type, g_bytes_get_size (content), sha256);
  if (!sila_store_audit (self, actor, before != NULL ? "update" : "create", "library_documents",
                         sila_library_document_to_code (document), NULL, before, after, error))
    return FALSE;

  return sila_transaction_commit (tx, error);
}
