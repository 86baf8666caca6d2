/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The office's request types, document types and checklists. Requests keep
 * the codes, so renaming never touches them; an entry in use is retired,
 * never removed. */
#define G_LOG_DOMAIN "sila-store"

#include "sila-config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "sila-arabic.h"
#include "sila-clock.h"
#include "sila-store-requests-private.h"
#include "sila-text.h"

typedef enum {
  LIST_REQUEST_TYPES,
  LIST_DOCUMENT_TYPES,
} ListKind;

static GPtrArray *
list_entries (SilaStore  *self,
              ListKind    kind,
              gboolean    include_retired,
              GError    **error)
{
  g_autoptr(SilaStatement) stmt = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  SilaStep step;

  g_return_val_if_fail (SILA_IS_STORE (self), NULL);

  stmt = sila_store_prepare (self,
                             kind == LIST_REQUEST_TYPES
                             ? "SELECT code, name_ar, name_en, 0, retired_at IS NOT NULL "
                               "FROM request_types WHERE deleted_at IS NULL "
                               "AND (?1 OR retired_at IS NULL) ORDER BY position, code"
                             : "SELECT code, name_ar, name_en, expires, retired_at IS NOT NULL "
                               "FROM document_types WHERE deleted_at IS NULL "
                               "AND (?1 OR retired_at IS NULL) ORDER BY position, code",
                             error);
  if (stmt == NULL)
    return NULL;
  sila_bind_int (stmt, 1, include_retired);

  entries = g_ptr_array_new_with_free_func ((GDestroyNotify)sila_type_entry_free);
  while ((step = sila_store_step (self, stmt, error)) == SILA_STEP_ROW)
    g_ptr_array_add (entries,
                     sila_type_entry_new (sila_column_text (stmt, 0),
                                          sila_column_text (stmt, 1),
                                          sila_column_text (stmt, 2),
                                          sila_column_int (stmt, 3) != 0,
                                          sila_column_int (stmt, 4) != 0));
  if (step == SILA_STEP_ERROR)
    return NULL;

  return g_steal_pointer (&entries);
}

GPtrArray *
sila_store_list_request_types (SilaStore  *self,
                               gboolean    include_retired,
                               GError    **error)
{
  return list_entries (self, LIST_REQUEST_TYPES, include_retired, error);
}

GPtrArray *
sila_store_list_document_types (SilaStore  *self,
                                gboolean    include_retired,
                                GError    **error)
{
  return list_entries (self, LIST_DOCUMENT_TYPES, include_retired, error);
}

GPtrArray *
sila_store_list_checklist (SilaStore   *self,
                           const char  *request_type,
                           GError     **error)
{
  g_autoptr(SilaStatement) stmt = NULL;
  g_autoptr(GPtrArray) rules = NULL;
  SilaStep step;

  g_return_val_if_fail (SILA_IS_STORE (self), NULL);

  stmt = sila_store_prepare (self,
                             "SELECT c.request_type, c.document_type, c.required "
                             "FROM request_type_documents c "
                             "JOIN document_types d ON d.code = c.document_type "
                             "WHERE c.deleted_at IS NULL AND (CAST (?1 AS TEXT) IS NULL OR c.request_type = ?1) "
                             "ORDER BY c.request_type, c.required DESC, d.position",
                             error);
  if (stmt == NULL)
    return NULL;
  sila_bind_text (stmt, 1, request_type);

  rules = g_ptr_array_new_with_free_func ((GDestroyNotify)sila_checklist_rule_free);
  while ((step = sila_store_step (self, stmt, error)) == SILA_STEP_ROW)
    g_ptr_array_add (rules,
                     sila_checklist_rule_new (sila_column_text (stmt, 0),
                                              sila_column_text (stmt, 1),
                                              sila_column_int (stmt, 2)
                                              ? SILA_REQUIREMENT_REQUIRED
                                              : SILA_REQUIREMENT_OPTIONAL));
  if (step == SILA_STEP_ERROR)
    return NULL;

  return g_steal_pointer (&rules);
}

static char *
entry_json (const char *code,
            const char *name_ar,
            const char *name_en,
            gboolean    expires,
            gboolean    retired)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "code");
  json_builder_add_string_value (builder, code);
  json_builder_set_member_name (builder, "name_ar");
  json_builder_add_string_value (builder, name_ar);
  json_builder_set_member_name (builder, "name_en");
  json_builder_add_string_value (builder, name_en);
  json_builder_set_member_name (builder, "expires");
  json_builder_add_boolean_value (builder, expires);
  json_builder_set_member_name (builder, "retired");
  json_builder_add_boolean_value (builder, retired);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

/* Another entry of the list already has this name, in either language. */
static gboolean
name_taken (SilaStore   *self,
            ListKind     kind,
            const char  *code,
            const char  *name_ar,
            const char  *name_en,
            GError     **error)
{
  g_autoptr(GPtrArray) entries = list_entries (self, kind, TRUE, error);

  if (entries == NULL)
    return TRUE;

  for (guint i = 0; i < entries->len; i++)
    {
      const SilaTypeEntry *e = g_ptr_array_index (entries, i);

      if (g_strcmp0 (e->code, code) == 0)
        continue;
      if (sila_arabic_equal (e->name_ar, name_ar) || sila_arabic_equal (e->name_en, name_en))
        {
          g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DUPLICATE,
                       _("There is already one called “%s”."), e->name_ar);
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
add_entry (SilaStore        *self,
           const SilaActor  *actor,
           ListKind          kind,
           const char       *name_ar,
           const char       *name_en,
           gboolean          expires,
           char            **code,
           GError          **error)
{
  g_autoptr(SilaTransaction) tx = NULL;
  g_autoptr(SilaStatement) stmt = NULL;
  g_autofree char *clean_ar = NULL;
  g_autofree char *clean_en = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *now = sila_clock_timestamp ();
  g_autofree char *new_code = NULL;
  g_autofree char *after = NULL;
  const char *entity = kind == LIST_REQUEST_TYPES ? "request_type" : "document_type";
  gint64 number = 0;

  g_return_val_if_fail (SILA_IS_STORE (self), FALSE);

  if (!sila_store_require (self, actor, SILA_PERM_REQUEST_CONFIGURE, error) ||
      !sila_text_clean_names (name_ar, name_en, 80, &clean_ar, &clean_en, error))
    return FALSE;

  tx = sila_transaction_begin (self, error);
  if (tx == NULL || name_taken (self, kind, NULL, clean_ar, clean_en, error) ||
      !sila_store_next_number (self, entity, &number, error))
    return FALSE;

  /* The office's own entries get plain, stable codes. */
  new_code = g_strdup_printf ("%s_%" G_GINT64_FORMAT,
                              kind == LIST_REQUEST_TYPES ? "request" : "document", number);
  stmt = sila_store_prepare (self,
                             kind == LIST_REQUEST_TYPES
                             ? "INSERT INTO request_types (id, code, name_ar, name_en, position, "
                               "created_at, updated_at, device_id) VALUES (?1, ?2, ?3, ?4, "
                               "(SELECT coalesce (max (position), 0) + 1 FROM request_types), "
                               "?5, ?5, ?6)"
                             : "INSERT INTO document_types (id, code, name_ar, name_en, expires, "
                               "position, created_at, updated_at, device_id) VALUES (?1, ?2, ?3, "
                               "?4, ?7, (SELECT coalesce (max (position), 0) + 1 FROM "
                               "document_types), ?5, ?5, ?6)",
                             error);
  if (stmt == NULL)
    return FALSE;
  sila_bind_text (stmt, 1, uuid);
  sila_bind_text (stmt, 2, new_code);
  sila_bind_text (stmt, 3, clean_ar);
  sila_bind_text (stmt, 4, clean_en);
  sila_bind_text (stmt, 5, now);
  sila_bind_text (stmt, 6, sila_store_get_device_id (self));
  if (kind == LIST_DOCUMENT_TYPES)
    sila_bind_int (stmt, 7, expires);
  if (sila_store_step (self, stmt, error) != SILA_STEP_DONE)
    return FALSE;

  after = entry_json (new_code, clean_ar, clean_en, expires, FALSE);
  if (!sila_store_audit (self, actor, "create", entity, new_code, NULL, NULL, after, error) ||
      !sila_transaction_commit (tx, error))
    return FALSE;

  if (code != NULL)
    *code = g_steal_pointer (&new_code);
  return TRUE;
}

static gboolean
update_entry (SilaStore        *self,
              const SilaActor  *actor,
              ListKind          kind,
              const char       *code,
              const char       *name_ar,
              const char       *name_en,
              gboolean          expires,
              gboolean          retired,
              GError          **error)
{
  g_autoptr(SilaTransaction) tx = NULL;
  g_autoptr(SilaStatement) stmt = NULL;
  g_autofree char *clean_ar = NULL;
  g_autofree char *clean_en = NULL;
  g_autofree char *now = sila_clock_timestamp ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *entity = kind == LIST_REQUEST_TYPES ? "request_type" : "document_type";
  SilaStep step;

  g_return_val_if_fail (SILA_IS_STORE (self), FALSE);

  if (!sila_store_require (self, actor, SILA_PERM_REQUEST_CONFIGURE, error) ||
      !sila_text_clean_names (name_ar, name_en, 80, &clean_ar, &clean_en, error))
    return FALSE;

  tx = sila_transaction_begin (self, error);
  if (tx == NULL || name_taken (self, kind, code, clean_ar, clean_en, error))
    return FALSE;

  stmt = sila_store_prepare (self,
                             kind == LIST_REQUEST_TYPES
                             ? "SELECT name_ar, name_en, 0, retired_at IS NOT NULL "
                               "FROM request_types WHERE code = ?1 AND deleted_at IS NULL"
                             : "SELECT name_ar, name_en, expires, retired_at IS NOT NULL "
                               "FROM document_types WHERE code = ?1 AND deleted_at IS NULL",
                             error);
  if (stmt == NULL)
    return FALSE;
  sila_bind_text (stmt, 1, code);
  step = sila_store_step (self, stmt, error);
  if (step == SILA_STEP_ERROR)
    return FALSE;
  if (step == SILA_STEP_DONE)
    {
      g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_NOT_FOUND,
                   _("There is no “%s” in the list."), code);
      return FALSE;
    }
  before = entry_json (code, sila_column_text (stmt, 0),
                       sila_column_text (stmt, 1),
                       sila_column_int (stmt, 2) != 0, sila_column_int (stmt, 3) != 0);
  g_clear_pointer (&stmt, sila_statement_release);

  stmt = sila_store_prepare (self,
                             kind == LIST_REQUEST_TYPES
                             ? "UPDATE request_types SET name_ar = ?2, name_en = ?3, "
                               "updated_at = ?4, retired_at = CASE WHEN ?5 THEN "
                               "coalesce (retired_at, ?4) END, rev = rev + 1 WHERE code = ?1"
                             : "UPDATE document_types SET name_ar = ?2, name_en = ?3, "
                               "updated_at = ?4, retired_at = CASE WHEN ?5 THEN "
                               "coalesce (retired_at, ?4) END, expires = ?6, rev = rev + 1 "
                               "WHERE code = ?1",
                             error);
  if (stmt == NULL)
    return FALSE;
  sila_bind_text (stmt, 1, code);
  sila_bind_text (stmt, 2, clean_ar);
  sila_bind_text (stmt, 3, clean_en);
  sila_bind_text (stmt, 4, now);
  sila_bind_int (stmt, 5, retired);
  if (kind == LIST_DOCUMENT_TYPES)
    sila_bind_int (stmt, 6, expires);
  if (sila_store_step (self, stmt, error) != SILA_STEP_DONE)
    return FALSE;

  after = entry_json (code, clean_ar, clean_en, kind == LIST_DOCUMENT_TYPES && expires, retired);
  if (g_strcmp0 (before, after) != 0 &&
      !sila_store_audit (self, actor, "update", entity, code, NULL, before, after, error))
    return FALSE;

  return sila_transaction_commit (tx, error);
}

gboolean
sila_store_add_request_type (SilaStore        *self,
                             const SilaActor  *actor,
                             const char       *name_ar,
                             const char       *name_en,
                             char            **code,
                             GError          **error)
{
  return add_entry (self, actor, LIST_REQUEST_TYPES, name_ar, name_en, FALSE, code, error);
}

gboolean
sila_store_update_request_type (SilaStore        *self,
                                const SilaActor  *actor,
                                const char       *code,
                                const char       *name_ar,
                                const char       *name_en,
                                gboolean          retired,
                                GError          **error)
{
  return update_entry (self, actor, LIST_REQUEST_TYPES, code, name_ar, name_en, FALSE, retired,
                       error);
}

gboolean
sila_store_add_document_type (SilaStore        *self,
                              const SilaActor  *actor,
                              const char       *name_ar,
                              const char       *name_en,
                              gboolean          expires,
                              char            **code,
                              GError          **error)
{
  return add_entry (self, actor, LIST_DOCUMENT_TYPES, name_ar, name_en, expires, code, error);
}

gboolean
sila_store_update_document_type (SilaStore        *self,
                                 const SilaActor  *actor,
                                 const char       *code,
                                 const char       *name_ar,
                                 const char       *name_en,
                                 gboolean          expires,
                                 gboolean          retired,
                                 GError          **error)
{
  return update_entry (self, actor, LIST_DOCUMENT_TYPES, code, name_ar, name_en, expires, retired,
                       error);
}

static gboolean
code_exists (SilaStore   *self,
             const char  *sql,
             const char  *code,
             GError     **error)
{
  g_autoptr(SilaStatement) stmt = sila_store_prepare (self, sql, error);
  SilaStep step;

  if (stmt == NULL)
    return FALSE;
  sila_bind_text (stmt, 1, code);
  step = sila_store_step (self, stmt, error);
  if (step == SILA_STEP_DONE)
    g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_NOT_FOUND,
                 _("There is no “%s” in the list."), code);
  return step == SILA_STEP_ROW;
}

gboolean
sila_store_set_checklist_rule (SilaStore        *self,
                               const SilaActor  *actor,
                               const char       *request_type,
                               const char       *document_type,
                               SilaRequirement   requirement,
                               GError          **error)
{
  g_autoptr(SilaTransaction) tx = NULL;
  g_autoptr(SilaStatement) stmt = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *now = sila_clock_timestamp ();
  g_autofree char *summary = NULL;
  static const char *names[] = { "none", "optional", "required" };

  g_return_val_if_fail (SILA_IS_STORE (self), FALSE);
  g_return_val_if_fail (requirement <= SILA_REQUIREMENT_REQUIRED, FALSE);

  if (!sila_store_require (self, actor, SILA_PERM_REQUEST_CONFIGURE, error))
    return FALSE;

  tx = sila_transaction_begin (self, error);
  if (tx == NULL ||
      !code_exists (self, "SELECT 1 FROM request_types WHERE code = ?1 AND deleted_at IS NULL",
                    request_type, error) ||
      !code_exists (self, "SELECT 1 FROM document_types WHERE code = ?1 AND deleted_at IS NULL",
                    document_type, error))
    return FALSE;

  if (requirement == SILA_REQUIREMENT_NONE)
    stmt = sila_store_prepare (self,
                               "UPDATE request_type_documents SET deleted_at = ?3, "
                               "updated_at = ?3, rev = rev + 1 WHERE request_type = ?1 "
                               "AND document_type = ?2 AND deleted_at IS NULL",
                               error);
  else
    stmt = sila_store_prepare (self,
                               "INSERT INTO request_type_documents (id, request_type, "
                               "document_type, required, position, created_at, updated_at, "
                               "device_id) VALUES (?4, ?1, ?2, ?5, (SELECT coalesce (max "
                               "(position), 0) + 1 FROM request_type_documents WHERE "
                               "request_type = ?1), ?3, ?3, ?6) "
                               "ON CONFLICT (request_type, document_type) DO UPDATE SET "
                               "required = ?5, deleted_at = NULL, updated_at = ?3, "
                               "rev = request_type_documents.rev + 1",
                               error);
  if (stmt == NULL)
    return FALSE;
  sila_bind_text (stmt, 1, request_type);
  sila_bind_text (stmt, 2, document_type);
  sila_bind_text (stmt, 3, now);
  if (requirement != SILA_REQUIREMENT_NONE)
    {
      sila_bind_text (stmt, 4, uuid);
      sila_bind_int (stmt, 5, requirement == SILA_REQUIREMENT_REQUIRED);
      sila_bind_text (stmt, 6, sila_store_get_device_id (self));
    }
  if (sila_store_step (self, stmt, error) != SILA_STEP_DONE)
    return FALSE;

  summary = g_strdup_printf ("%s: %s %s", request_type, document_type, names[requirement]);
  if (!sila_store_audit (self, actor, "update", "checklist", request_type, summary, NULL, NULL,
                         error))
    return FALSE;

  return sila_transaction_commit (tx, error);
}
