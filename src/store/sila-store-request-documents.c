/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The documents of a request's checklist and their scans: the expiry rule
 * applied when a document is recorded, scans checked by their content and
 * kept in the database so that backups carry them. */
#define G_LOG_DOMAIN "sila-store"

#include "sila-config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sila-audit.h"
#include "sila-clock.h"
#include "sila-display.h"
#include "sila-store-requests-private.h"

/* The document type @text names (code or name), or NULL. */
static SilaTypeEntry *
resolve_document_type (SilaStore   *self,
                       const char  *text,
                       GError     **error)
{
  g_autoptr(GPtrArray) types = sila_store_list_document_types (self, TRUE, error);
  g_autoptr(GError) local_error = NULL;
  const SilaTypeEntry *entry;

  if (types == NULL)
    return NULL;

  entry = sila_type_entry_parse (types, text, TRUE, &local_error);
  if (entry == NULL)
    {
      g_set_error_literal (error, SILA_STORE_ERROR, SILA_STORE_ERROR_NOT_FOUND,
                           local_error->message);
      return NULL;
    }

  return sila_type_entry_new (entry->code, entry->name_ar, entry->name_en, entry->expires,
                              entry->retired);
}

/* The request's document row of @type, added as optional if the checklist
 * lacks it. */
static SilaRequestDocument *
ensure_document (SilaStore           *self,
                 const SilaActor     *actor,
                 SilaRequest         *request,
                 const SilaTypeEntry *type,
                 const char          *now,
                 GError             **error)
{
  g_autoptr(SilaStatement) stmt = NULL;
  g_autofree char *uuid = NULL;
  SilaRequestDocument *d = sila_request_find_document (request, type->code);

  if (d == NULL)
    {
      uuid = g_uuid_string_random ();
      stmt = sila_store_prepare (self,
                                 "INSERT INTO request_documents (id, request_id, document_type, "
                                 "required, position, status, created_at, updated_at, "
                                 "updated_by, device_id) VALUES (?1, ?2, ?3, 0, (SELECT coalesce "
                                 "(max (position), 0) + 1 FROM request_documents WHERE "
                                 "request_id = ?2), 'missing', ?4, ?4, ?5, ?6)",
                                 error);
      if (stmt == NULL)
        return NULL;
      sila_bind_text (stmt, 1, uuid);
      sila_bind_text (stmt, 2, request->id);
      sila_bind_text (stmt, 3, type->code);
      sila_bind_text (stmt, 4, now);
      sila_bind_text (stmt, 5, actor->username);
      sila_bind_text (stmt, 6, sila_store_get_device_id (self));
      if (sila_store_step (self, stmt, error) != SILA_STEP_DONE)
        return NULL;

      d = sila_request_document_new ();
      d->type = g_strdup (type->code);
      g_ptr_array_add (request->documents, d);
    }

  /* What the core's rules look at, as the office's list has it now. */
  if (d->name_ar == NULL)
    {
      d->name_ar = g_strdup (type->name_ar);
      d->name_en = g_strdup (type->name_en);
    }
  d->type_expires = type->expires;
  return d;
}

/* Records a document: its status (or the one it has, when @keep_status),
 * its expiry (@expires; NULL keeps the one it has unless @clear_expiry). */
static gboolean
record_document (SilaStore          *self,
                 const SilaActor    *actor,
                 const char         *request_id,
                 const char         *document_type,
                 gboolean            keep_status,
                 SilaDocumentStatus  status,
                 const GDate        *expires,
                 gboolean            clear_expiry,
                 gboolean            keep_note,
                 const char         *note,
                 SilaDocumentStatus *recorded,
                 GError            **error)
{
  g_autoptr(SilaTransaction) tx = NULL;
  g_autoptr(SilaStatement) stmt = NULL;
  g_autoptr(SilaRequest) request = NULL;
  g_autoptr(SilaTypeEntry) type = NULL;
  g_autoptr(GError) refusal = NULL;
  g_autofree char *now = sila_clock_timestamp ();
  g_autofree char *summary = NULL;
  SilaRequestDocument *document;
  SilaDocumentStatus result;
  GDate today, submitted, expiry;

  g_return_val_if_fail (SILA_IS_STORE (self), FALSE);
  g_return_val_if_fail (status < SILA_N_DOCUMENT_STATUSES, FALSE);

  if (!sila_store_require (self, actor, SILA_PERM_REQUEST_DOCUMENTS, error))
    return FALSE;

  if (!keep_status && !sila_document_status_check_chosen (status, &refusal))
    {
      g_set_error_literal (error, SILA_STORE_ERROR, SILA_STORE_ERROR_INVALID, refusal->message);
      return FALSE;
    }

  tx = sila_transaction_begin (self, error);
  if (tx == NULL)
    return FALSE;
  request = sila_store_read_request_for_change (self, request_id, error);
  if (request == NULL)
    return FALSE;
  type = resolve_document_type (self, document_type, error);
  if (type == NULL)
    return FALSE;
  document = ensure_document (self, actor, request, type, now, error);
  if (document == NULL)
    return FALSE;

  if (keep_status)
    status = sila_request_document_status_with_new_expiry (document);
  expiry = document->expires;
  if (expires != NULL)
    expiry = *expires;
  else if (clear_expiry)
    g_date_clear (&expiry, 1);
  if (keep_note)
    note = document->note;

  /* The core decides what may be recorded. */
  if (!sila_request_document_check_status (document, status, &expiry, &refusal))
    {
      g_set_error_literal (error, SILA_STORE_ERROR, SILA_STORE_ERROR_INVALID, refusal->message);
      return FALSE;
    }

  /* The day it was submitted is the first day it was brought. */
  sila_clock_today (&today);
  submitted = g_date_valid (&document->submitted) ? document->submitted : today;
  if (status == SILA_DOCUMENT_MISSING)
    g_date_clear (&submitted, 1);

  result = sila_document_status_at_submission (status, &expiry, &submitted);

  stmt = sila_store_prepare (self,
                             "UPDATE request_documents SET status = ?3, expires_on = ?4, "
                             "submitted_on = ?5, verified_by = CASE WHEN ?3 = 'verified' THEN ?6 "
                             "WHEN ?3 = 'missing' THEN NULL ELSE verified_by END, "
                             "verified_at = CASE WHEN ?3 = 'verified' THEN ?7 "
                             "WHEN ?3 = 'missing' THEN NULL ELSE verified_at END, "
                             "note = ?8, updated_at = ?7, updated_by = ?6, rev = rev + 1 "
                             "WHERE request_id = ?1 AND document_type = ?2",
                             error);
  if (stmt == NULL)
    return FALSE;
  sila_bind_text (stmt, 1, request->id);
  sila_bind_text (stmt, 2, type->code);
  sila_bind_text (stmt, 3, sila_document_status_to_code (result));
  sila_bind_date (stmt, 4, &expiry);
  sila_bind_date (stmt, 5, &submitted);
  sila_bind_text (stmt, 6, actor->username);
  sila_bind_text (stmt, 7, now);
  sila_bind_text (stmt, 8, note);
  if (sila_store_step (self, stmt, error) != SILA_STEP_DONE)
    return FALSE;

  summary = g_strdup_printf ("%s: %s %s", request->number, type->code,
                             sila_document_status_to_code (result));
  if (!sila_store_touch_request (self, actor, request->id, now, error) ||
      !sila_store_audit (self, actor, "document", SILA_AUDIT_ENTITY_REQUEST, request->id, summary,
                         NULL, NULL, error) ||
      !sila_transaction_commit (tx, error))
    return FALSE;

  if (recorded != NULL)
    *recorded = result;
  return TRUE;
}

gboolean
sila_store_set_request_document (SilaStore          *self,
                                 const SilaActor    *actor,
                                 const char         *request_id,
                                 const char         *document_type,
                                 SilaDocumentStatus  status,
                                 const GDate        *expires,
                                 const char         *note,
                                 SilaDocumentStatus *recorded,
                                 GError            **error)
{
  return record_document (self, actor, request_id, document_type, FALSE, status, expires, FALSE,
                          FALSE, note, recorded, error);
}

gboolean
sila_store_set_request_document_expiry (SilaStore          *self,
                                        const SilaActor    *actor,
                                        const char         *request_id,
                                        const char         *document_type,
                                        const GDate        *expires,
                                        SilaDocumentStatus *recorded,
                                        GError            **error)
{
  return record_document (self, actor, request_id, document_type, TRUE, SILA_DOCUMENT_MISSING,
                          expires, expires == NULL, TRUE, NULL, recorded, error);
}

/* Scans */

static gboolean
has_prefix (GBytes     *content,
            const char *prefix,
            gsize       length)
{
  gsize size;
  const char *data = g_bytes_get_data (content, &size);

  return size >= length && memcmp (data, prefix, length) == 0;
}

char *
sila_attachment_check (GBytes  *content,
                       GError **error)
{
  g_return_val_if_fail (content != NULL, NULL);

  if (g_bytes_get_size (content) == 0)
    {
      g_set_error_literal (error, SILA_STORE_ERROR, SILA_STORE_ERROR_INVALID,
                           _("The file is empty."));
      return NULL;
    }
  if (g_bytes_get_size (content) > SILA_ATTACHMENT_MAX_BYTES)
    {
      g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_INVALID,
                   _("The file is too large: at most %d MB."),
                   SILA_ATTACHMENT_MAX_BYTES / (1024 * 1024));
      sila_display_error_digits (error);
      return NULL;
    }

  /* By what the file holds, never by its name. */
  if (has_prefix (content, "%PDF-", 5))
    return g_strdup ("application/pdf");
  if (has_prefix (content, "\xFF\xD8\xFF", 3))
    return g_strdup ("image/jpeg");
  if (has_prefix (content, "\x89PNG\r\n\x1A\n", 8))
    return g_strdup ("image/png");

  g_set_error_literal (error, SILA_STORE_ERROR, SILA_STORE_ERROR_INVALID,
                       _("Attach a scan as a PDF, JPEG or PNG file: this file is none of them."));
  return NULL;
}

gboolean
sila_store_attach_request_document (SilaStore        *self,
                                    const SilaActor  *actor,
                                    const char       *request_id,
                                    const char       *document_type,
                                    const char       *file_name,
                                    GBytes           *content,
                                    GError          **error)
{
  g_autoptr(SilaTransaction) tx = NULL;
  g_autoptr(SilaStatement) stmt = NULL;
  g_autoptr(SilaRequest) request = NULL;
  g_autofree char *mime = NULL;
  g_autoptr(SilaTypeEntry) type = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *name = NULL;
  g_autofree char *today = sila_clock_today_iso ();
  g_autofree char *now = sila_clock_timestamp ();
  g_autofree char *summary = NULL;
  SilaRequestDocument *document;
  const char *code;

  g_return_val_if_fail (SILA_IS_STORE (self), FALSE);

  if (!sila_store_require (self, actor, SILA_PERM_REQUEST_DOCUMENTS, error))
    return FALSE;
  mime = sila_attachment_check (content, error);
  if (mime == NULL)
    return FALSE;
  name = g_utf8_make_valid (file_name != NULL ? file_name : "scan", -1);
  sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, content);

  tx = sila_transaction_begin (self, error);
  if (tx == NULL)
    return FALSE;
  request = sila_store_read_request_for_change (self, request_id, error);
  if (request == NULL)
    return FALSE;
  type = resolve_document_type (self, document_type, error);
  if (type == NULL)
    return FALSE;
  document = ensure_document (self, actor, request, type, now, error);
  if (document == NULL)
    return FALSE;
  code = type->code;

  stmt = sila_store_prepare (self,
                             "INSERT INTO request_document_files (document_id, content) "
                             "SELECT id, ?3 FROM request_documents WHERE request_id = ?1 "
                             "AND document_type = ?2 "
                             "ON CONFLICT (document_id) DO UPDATE SET content = excluded.content",
                             error);
  if (stmt == NULL)
    return FALSE;
  sila_bind_text (stmt, 1, request->id);
  sila_bind_text (stmt, 2, code);
  sila_bind_blob (stmt, 3, g_bytes_get_data (content, NULL), g_bytes_get_size (content));
  if (sila_store_step (self, stmt, error) != SILA_STEP_DONE)
    return FALSE;
  g_clear_pointer (&stmt, sila_statement_release);

  /* The status a scan gives it is the core's to say. */
  stmt = sila_store_prepare (self,
                             "UPDATE request_documents SET file_name = ?3, file_mime = ?4, "
                             "file_size = ?5, file_sha256 = ?6, status = ?10, "
                             "submitted_on = coalesce (submitted_on, ?7), updated_at = ?8, "
                             "updated_by = ?9, rev = rev + 1 "
                             "WHERE request_id = ?1 AND document_type = ?2",
                             error);
  if (stmt == NULL)
    return FALSE;
  sila_bind_text (stmt, 1, request->id);
  sila_bind_text (stmt, 2, code);
  sila_bind_text (stmt, 3, name);
  sila_bind_text (stmt, 4, mime);
  sila_bind_int64 (stmt, 5, (gint64)g_bytes_get_size (content));
  sila_bind_text (stmt, 6, sha);
  sila_bind_text (stmt, 7, today);
  sila_bind_text (stmt, 8, now);
  sila_bind_text (stmt, 9, actor->username);
  sila_bind_text (stmt, 10,
                  sila_document_status_to_code (sila_request_document_status_with_scan (document)));
  if (sila_store_step (self, stmt, error) != SILA_STEP_DONE)
    return FALSE;

  summary = g_strdup_printf ("%s: %s scan %s", request->number, code, name);
  if (!sila_store_touch_request (self, actor, request->id, now, error) ||
      !sila_store_audit (self, actor, "attach", SILA_AUDIT_ENTITY_REQUEST, request->id, summary,
                         NULL, NULL, error))
    return FALSE;

  return sila_transaction_commit (tx, error);
}

GBytes *
sila_store_get_request_document_file (SilaStore        *self,
                                      const SilaActor  *actor,
                                      const char       *request_id,
                                      const char       *document_type,
                                      char            **file_name,
                                      char            **mime_type,
                                      GError          **error)
{
  g_autoptr(SilaStatement) stmt = NULL;
  g_autoptr(GBytes) content = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *name = NULL;
  g_autofree char *mime = NULL;
  SilaStep step;

  g_return_val_if_fail (SILA_IS_STORE (self), NULL);

  if (!sila_store_require (self, actor, SILA_PERM_REQUEST_VIEW, error))
    return NULL;

  stmt = sila_store_prepare (self,
                             "SELECT f.content, d.file_name, d.file_mime FROM request_documents d "
                             "JOIN request_document_files f ON f.document_id = d.id "
                             "WHERE d.request_id = ?1 AND d.document_type = ?2",
                             error);
  if (stmt == NULL)
    return NULL;
  sila_bind_text (stmt, 1, request_id);
  sila_bind_text (stmt, 2, document_type);
  step = sila_store_step (self, stmt, error);
  if (step == SILA_STEP_ERROR)
    return NULL;
  if (step == SILA_STEP_DONE)
    {
      g_set_error_literal (error, SILA_STORE_ERROR, SILA_STORE_ERROR_NOT_FOUND,
                           _("No scan was attached to this document."));
      return NULL;
    }

  {
    gsize size = 0;
    gconstpointer data = sila_column_blob (stmt, 0, &size);

    content = g_bytes_new (data, size);
  }
  name = sila_column_dup (stmt, 1);
  mime = sila_column_dup (stmt, 2);
  g_clear_pointer (&stmt, sila_statement_release);

  /* A scan (an ID card, a family register) is personal data: who opened
   * it is audited, and it is not handed out where that cannot be. */
  summary = g_strdup_printf ("scan %s", document_type);
  if (!sila_store_record_access (self, actor, SILA_PERM_REQUEST_VIEW, SILA_AUDIT_VIEW,
                                 SILA_AUDIT_ENTITY_REQUEST, request_id, summary, error))
    return NULL;

  if (file_name != NULL)
    *file_name = g_steal_pointer (&name);
  if (mime_type != NULL)
    *mime_type = g_steal_pointer (&mime);
  return g_steal_pointer (&content);
}
