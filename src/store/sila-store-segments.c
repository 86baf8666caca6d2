/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The office's list of segments (شرائح): widows, orphans' families, the
 * elderly… Administrators add, rename and retire them; a file keeps its
 * segment's code, so renaming never touches files. */
#define G_LOG_DOMAIN "sila-store"

#include "sila-config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "sila-arabic.h"
#include "sila-clock.h"
#include "sila-store-beneficiaries-private.h"
#include "sila-text.h"

GPtrArray *
sila_store_list_segments (SilaStore  *self,
                          gboolean    include_retired,
                          GError    **error)
{
  g_autoptr(SilaStatement) stmt = NULL;
  g_autoptr(GPtrArray) segments = NULL;
  SilaStep step;

  g_return_val_if_fail (SILA_IS_STORE (self), NULL);

  /* Not personal data: every screen and import may read the list. */
  stmt = sila_store_prepare (self,
                             "SELECT code, name_ar, name_en, retired_at IS NOT NULL "
                             "FROM segments WHERE deleted_at IS NULL "
                             "AND (?1 OR retired_at IS NULL) ORDER BY position, code",
                             error);
  if (stmt == NULL)
    return NULL;
  sila_bind_int (stmt, 1, include_retired);

  segments = g_ptr_array_new_with_free_func ((GDestroyNotify)sila_segment_free);
  while ((step = sila_store_step (self, stmt, error)) == SILA_STEP_ROW)
    g_ptr_array_add (segments,
                     sila_segment_new (sila_column_text (stmt, 0),
                                       sila_column_text (stmt, 1),
                                       sila_column_text (stmt, 2),
                                       sila_column_int (stmt, 3) != 0));
  if (step == SILA_STEP_ERROR)
    return NULL;

  return g_steal_pointer (&segments);
}

static char *
segment_json (const char *code,
              const char *name_ar,
              const char *name_en,
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
  json_builder_set_member_name (builder, "retired");
  json_builder_add_boolean_value (builder, retired);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

/* Another segment already has this name (in either language). */
static gboolean
name_taken (SilaStore   *self,
            const char  *code,
            const char  *name_ar,
            const char  *name_en,
            GError     **error)
{
  g_autoptr(GPtrArray) segments = sila_store_list_segments (self, TRUE, error);
  g_autofree char *a = sila_arabic_normalize (name_ar);
  g_autofree char *e = sila_arabic_normalize (name_en);

  if (segments == NULL)
    return TRUE;
  for (guint i = 0; i < segments->len; i++)
    {
      const SilaSegment *s = g_ptr_array_index (segments, i);
      g_autofree char *sa = sila_arabic_normalize (s->name_ar);
      g_autofree char *se = sila_arabic_normalize (s->name_en);

      if (g_strcmp0 (s->code, code) == 0)
        continue;
      if (g_str_equal (a, sa) || g_str_equal (e, se))
        {
          g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DUPLICATE,
                       _("There is already a segment called “%s”."), s->name_ar);
          return TRUE;
        }
    }
  return FALSE;
}

gboolean
sila_store_add_segment (SilaStore        *self,
                        const SilaActor  *actor,
                        const char       *name_ar,
                        const char       *name_en,
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
  gint64 number = 0;

  g_return_val_if_fail (SILA_IS_STORE (self), FALSE);

  if (!sila_store_require (self, actor, SILA_PERM_SETTINGS_EDIT, error) ||
      !sila_text_clean_names (name_ar, name_en, 60, &clean_ar, &clean_en, error))
    return FALSE;

  tx = sila_transaction_begin (self, error);
  if (tx == NULL || name_taken (self, NULL, clean_ar, clean_en, error) ||
      !sila_store_next_number (self, "segment", &number, error))
    return FALSE;

  /* Codes of the office's own segments are plain and stable. */
  new_code = g_strdup_printf ("segment_%" G_GINT64_FORMAT, number);
  stmt = sila_store_prepare (self,
                             "INSERT INTO segments (id, code, name_ar, name_en, position, "
                             "created_at, updated_at, device_id) VALUES (?1, ?2, ?3, ?4, "
                             "(SELECT coalesce (max (position), 0) + 1 FROM segments), ?5, ?5, ?6)",
                             error);
  if (stmt == NULL)
    return FALSE;
  sila_bind_text (stmt, 1, uuid);
  sila_bind_text (stmt, 2, new_code);
  sila_bind_text (stmt, 3, clean_ar);
  sila_bind_text (stmt, 4, clean_en);
  sila_bind_text (stmt, 5, now);
  sila_bind_text (stmt, 6, sila_store_get_device_id (self));
  if (sila_store_step (self, stmt, error) != SILA_STEP_DONE)
    return FALSE;

  after = segment_json (new_code, clean_ar, clean_en, FALSE);
  if (!sila_store_audit (self, actor, "create", "segment", new_code, NULL, NULL, after, error) ||
      !sila_transaction_commit (tx, error))
    return FALSE;

  if (code != NULL)
    *code = g_steal_pointer (&new_code);
  return TRUE;
}

gboolean
sila_store_update_segment (SilaStore        *self,
                           const SilaActor  *actor,
                           const char       *code,
                           const char       *name_ar,
                           const char       *name_en,
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
  SilaStep step;

  g_return_val_if_fail (SILA_IS_STORE (self), FALSE);

  if (!sila_store_require (self, actor, SILA_PERM_SETTINGS_EDIT, error) ||
      !sila_text_clean_names (name_ar, name_en, 60, &clean_ar, &clean_en, error))
    return FALSE;

  tx = sila_transaction_begin (self, error);
  if (tx == NULL || name_taken (self, code, clean_ar, clean_en, error))
    return FALSE;

  stmt = sila_store_prepare (self,
                             "SELECT name_ar, name_en, retired_at IS NOT NULL FROM segments "
                             "WHERE code = ?1 AND deleted_at IS NULL",
                             error);
  if (stmt == NULL)
    return FALSE;
  sila_bind_text (stmt, 1, code);
  step = sila_store_step (self, stmt, error);
  if (step == SILA_STEP_ERROR)
    return FALSE;
  if (step == SILA_STEP_DONE)
    {
      g_set_error_literal (error, SILA_STORE_ERROR, SILA_STORE_ERROR_NOT_FOUND,
                           _("There is no such segment."));
      return FALSE;
    }
  before = segment_json (code, sila_column_text (stmt, 0),
                         sila_column_text (stmt, 1),
                         sila_column_int (stmt, 2) != 0);
  g_clear_pointer (&stmt, sila_statement_release);

  stmt = sila_store_prepare (self,
                             "UPDATE segments SET name_ar = ?2, name_en = ?3, updated_at = ?4, "
                             "retired_at = CASE WHEN ?5 THEN coalesce (retired_at, ?4) END, "
                             "rev = rev + 1 WHERE code = ?1",
                             error);
  if (stmt == NULL)
    return FALSE;
  sila_bind_text (stmt, 1, code);
  sila_bind_text (stmt, 2, clean_ar);
  sila_bind_text (stmt, 3, clean_en);
  sila_bind_text (stmt, 4, now);
  sila_bind_int (stmt, 5, retired);
  if (sila_store_step (self, stmt, error) != SILA_STEP_DONE)
    return FALSE;

  after = segment_json (code, clean_ar, clean_en, retired);
  if (g_strcmp0 (before, after) != 0 &&
      !sila_store_audit (self, actor, "update", "segment", code, NULL, before, after, error))
    return FALSE;

  return sila_transaction_commit (tx, error);
}
