/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Field work (sila-store-field.h): writing a kit's bundle, and the review
 * of what merges left. Making a kit is in sila-store-field-kit.c, the
 * merge in sila-store-field-merge.c; SQLite's own part in
 * sqlite/sila-sqlite-field.c. */
#define G_LOG_DOMAIN "sila-store"

#include "sila-config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "sila-clock.h"
#include "sila-store-beneficiaries-private.h"
#include "sila-store-field-private.h"
#include "sila-text.h"

char *
sila_store_field_get_kit_event (SilaStore *self)
{
  g_autoptr(SilaStatement) stmt = NULL;
  char *event = NULL;

  g_return_val_if_fail (SILA_IS_STORE (self), NULL);

  stmt = sila_store_prepare (self, "SELECT value FROM meta WHERE key = 'field_event'", NULL);
  if (stmt == NULL || !sila_store_step_text (self, stmt, &event, NULL))
    return NULL;
  return event;
}

gboolean
sila_store_field_find_office_file (SilaStore        *self,
                                   const SilaActor  *actor,
                                   const char       *id_number,
                                   gint64           *file_number,
                                   char            **name,
                                   GError          **error)
{
  g_autoptr(SilaStatement) stmt = NULL;
  g_autofree char *ascii = NULL;
  g_autoptr(GString) key = g_string_new (NULL);
  SilaStep step;

  g_return_val_if_fail (SILA_IS_STORE (self), FALSE);
  g_return_val_if_fail (file_number != NULL, FALSE);

  *file_number = 0;
  if (name != NULL)
    *name = NULL;
  if (!sila_store_require (self, actor, SILA_PERM_BENEFICIARY_VIEW, error))
    return FALSE;

  /* The stored form, as the office's own check reads it. */
  ascii = sila_text_digits_to_ascii (id_number != NULL ? id_number : "");
  for (const char *p = ascii; *p != '\0'; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (key, g_ascii_toupper (*p));
  if (key->len == 0)
    return TRUE;

  stmt = sila_store_prepare (self,
                             "SELECT file_number, name FROM field_lookup WHERE id_number = ?1 "
                             "ORDER BY file_number LIMIT 1",
                             error);
  if (stmt == NULL)
    return FALSE;
  sila_bind_text (stmt, 1, key->str);
  step = sila_store_step (self, stmt, error);
  if (step == SILA_STEP_ERROR)
    return FALSE;
  if (step == SILA_STEP_ROW)
    {
      *file_number = sila_column_int64 (stmt, 0);
      if (name != NULL)
        *name = sila_column_dup (stmt, 1);
    }
  return TRUE;
}

gboolean
sila_store_field_write_bundle (SilaStore   *self,
                               const char  *out_path,
                               GError     **error)
{
  g_autoptr(SilaFieldHeader) header = g_new0 (SilaFieldHeader, 1);
  g_autoptr(GBytes) changeset = NULL;
  g_autoptr(GBytes) bundle = NULL;
  g_autofree char *base = NULL;
  g_autofree char *event = NULL;
  gsize size = 0;
  gconstpointer data;

  g_return_val_if_fail (SILA_IS_STORE (self), FALSE);

  event = sila_store_field_get_kit_event (self);
  if (event == NULL)
    {
      g_set_error_literal (error, SILA_STORE_ERROR, SILA_STORE_ERROR_INVALID,
                           _("This database is not a field kit: a return bundle is written "
                             "from a kit the office made."));
      return FALSE;
    }

  base = sila_field_kit_base_path (self->path);
  header->format = SILA_FIELD_BUNDLE_FORMAT;
  header->made_at = sila_clock_timestamp ();
  if (!sila_field_kit_diff (self->path, base, header, &changeset, error))
    return FALSE;
  header->changeset_size = (gint64)g_bytes_get_size (changeset);
  header->changeset_sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, changeset);

  bundle = sila_field_bundle_compose (header, changeset);
  data = g_bytes_get_data (bundle, &size);
  return g_file_set_contents_full (out_path, data, (gssize)size,
                                   G_FILE_SET_CONTENTS_CONSISTENT |
                                   G_FILE_SET_CONTENTS_DURABLE,
                                   0600, error);
}

/* Review */

void
sila_field_conflict_free (SilaFieldConflict *c)
{
  if (c == NULL)
    return;
  g_free (c->id);
  g_free (c->kind);
  g_free (c->entity);
  g_free (c->entity_id);
  g_free (c->column);
  g_free (c->base_value);
  g_free (c->field_value);
  g_free (c->office_value);
  g_free (c->other_id);
  g_free (c->laptop);
  g_free (c->created_at);
  g_free (c->label);
  g_free (c);
}

GPtrArray *
sila_store_field_list_conflicts (SilaStore        *self,
                                 const SilaActor  *actor,
                                 GError          **error)
{
  g_autoptr(SilaStatement) stmt = NULL;
  g_autoptr(GPtrArray) list = NULL;
  SilaStep step;

  g_return_val_if_fail (SILA_IS_STORE (self), NULL);

  if (!sila_store_require (self, actor, SILA_PERM_BENEFICIARY_VIEW, error))
    return NULL;

  stmt = sila_store_prepare (self,
                             "SELECT c.id, c.kind, c.entity, c.entity_id, c.col, c.base_value, "
                             "c.field_value, c.office_value, c.other_id, c.laptop, c.created_at, "
                             "CASE c.entity "
                             "  WHEN 'beneficiaries' THEN (SELECT CAST (b.file_number AS TEXT) "
                             "    FROM beneficiaries b WHERE b.id = c.entity_id) "
                             "  WHEN 'requests' THEN (SELECT r.number FROM requests r "
                             "    WHERE r.id = c.entity_id) END "
                             "FROM field_conflicts c WHERE c.status = 'open' "
                             "ORDER BY c.created_at, c.entity, c.entity_id, c.col",
                             error);
  if (stmt == NULL)
    return NULL;

  list = g_ptr_array_new_with_free_func ((GDestroyNotify)sila_field_conflict_free);
  while ((step = sila_store_step (self, stmt, error)) == SILA_STEP_ROW)
    {
      SilaFieldConflict *c = g_new0 (SilaFieldConflict, 1);
      int k = 0;

      c->id = sila_column_dup (stmt, k++);
      c->kind = sila_column_dup (stmt, k++);
      c->entity = sila_column_dup (stmt, k++);
      c->entity_id = sila_column_dup (stmt, k++);
      c->column = sila_column_dup (stmt, k++);
      c->base_value = sila_column_dup (stmt, k++);
      c->field_value = sila_column_dup (stmt, k++);
      c->office_value = sila_column_dup (stmt, k++);
      c->other_id = sila_column_dup (stmt, k++);
      c->laptop = sila_column_dup (stmt, k++);
      c->created_at = sila_column_dup (stmt, k++);
      c->label = sila_column_dup (stmt, k++);
      g_ptr_array_add (list, c);
    }
  if (step == SILA_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&list);
}

static void
bind_encoded (SilaStatement *stmt,
              int            index,
              const char    *encoded,
              GByteArray    *blob)
{
  if (encoded == NULL || encoded[0] == 'n' || encoded[1] != ':')
    sila_bind_null (stmt, index);
  else if (encoded[0] == 'i')
    sila_bind_int64 (stmt, index, g_ascii_strtoll (encoded + 2, NULL, 10));
  else if (encoded[0] == 'f')
    sila_bind_double (stmt, index, g_ascii_strtod (encoded + 2, NULL));
  else if (encoded[0] == 'b')
    {
      for (const char *p = encoded + 2; p[0] != '\0' && p[1] != '\0'; p += 2)
        {
          guint8 byte = (guint8)(g_ascii_xdigit_value (p[0]) * 16 + g_ascii_xdigit_value (p[1]));

          g_byte_array_append (blob, &byte, 1);
        }
      sila_bind_blob (stmt, index, blob->data, blob->len);
    }
  else
    sila_bind_text (stmt, index, encoded + 2);
}

static gboolean
is_identifier (const char *name)
{
  if (name == NULL || *name == '\0')
    return FALSE;
  for (const char *p = name; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '_')
      return FALSE;
  return TRUE;
}

static gboolean
exec_on_id (SilaStore   *self,
            const char  *sql,
            const char  *a,
            const char  *b,
            GError     **error)
{
  g_autoptr(SilaStatement) stmt = sila_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sila_bind_text (stmt, 1, a);
  sila_bind_text (stmt, 2, b);
  return sila_store_step (self, stmt, error) == SILA_STEP_DONE;
}

/* The two files become one: what hangs on the duplicate follows the
 * primary file, and the duplicate is deleted (softly, as every file). */
static gboolean
merge_files (SilaStore   *self,
             const char  *duplicate,
             const char  *primary,
             GError     **error)
{
  static const char * const tables[] = {
    "requests", "contacts", "feedback_items", "outreach_dismissals", "outreach_contacts",
  };
  g_autoptr(SilaBeneficiary) before = NULL;
  g_autofree char *now = sila_clock_timestamp ();
  GError *local = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("UPDATE %s SET beneficiary_id = ?2 "
                                              "WHERE beneficiary_id = ?1", tables[i]);

      if (!exec_on_id (self, sql, duplicate, primary, error))
        return FALSE;
    }

  before = sila_store_read_beneficiary (self, "id = ?1", duplicate, 0, &local);
  if (before == NULL)
    g_clear_error (&local);
  else if (!sila_store_unindex_beneficiary (self, before, error))
    return FALSE;

  return exec_on_id (self, "UPDATE beneficiaries SET deleted_at = ?2, updated_at = ?2, "
                           "rev = rev + 1 WHERE id = ?1",
                     duplicate, now, error);
}

gboolean
sila_store_field_resolve (SilaStore        *self,
                          const SilaActor  *actor,
                          const char       *conflict_id,
                          gboolean          use_field,
                          GError          **error)
{
  g_autoptr(SilaTransaction) tx = NULL;
  g_autoptr(SilaStatement) stmt = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *entity = NULL;
  g_autofree char *entity_id = NULL;
  g_autofree char *column = NULL;
  g_autofree char *field = NULL;
  g_autofree char *other = NULL;
  g_autofree char *now = sila_clock_timestamp ();
  SilaStep step;

  g_return_val_if_fail (SILA_IS_STORE (self), FALSE);

  if (!sila_store_require (self, actor, SILA_PERM_BENEFICIARY_EDIT, error))
    return FALSE;
  tx = sila_transaction_begin (self, error);
  if (tx == NULL)
    return FALSE;

  stmt = sila_store_prepare (self,
                             "SELECT kind, entity, entity_id, col, field_value, other_id "
                             "FROM field_conflicts WHERE id = ?1 AND status = 'open'",
                             error);
  if (stmt == NULL)
    return FALSE;
  sila_bind_text (stmt, 1, conflict_id);
  step = sila_store_step (self, stmt, error);
  if (step == SILA_STEP_ERROR)
    return FALSE;
  if (step == SILA_STEP_DONE)
    {
      g_set_error_literal (error, SILA_STORE_ERROR, SILA_STORE_ERROR_NOT_FOUND,
                           _("This item was settled already, perhaps at another desk."));
      return FALSE;
    }
  kind = sila_column_dup (stmt, 0);
  entity = sila_column_dup (stmt, 1);
  entity_id = sila_column_dup (stmt, 2);
  column = sila_column_dup (stmt, 3);
  field = sila_column_dup (stmt, 4);
  other = sila_column_dup (stmt, 5);
  g_clear_pointer (&stmt, sila_statement_release);

  if (use_field && g_str_equal (kind, "duplicate") && other != NULL)
    {
      if (!merge_files (self, entity_id, other, error))
        return FALSE;
    }
  else if (use_field && (g_str_equal (kind, "both_changed") || g_str_equal (kind, "later_wins")))
    {
      g_autoptr(GByteArray) blob = g_byte_array_new ();
      g_autoptr(SilaBeneficiary) before = NULL;
      g_autofree char *sql = NULL;
      gboolean is_file = g_str_equal (entity, "beneficiaries");

      if (sila_field_table_lookup (entity) == NULL || !is_identifier (column))
        {
          g_set_error_literal (error, SILA_STORE_ERROR, SILA_STORE_ERROR_INVALID,
                               _("This item cannot be settled here."));
          return FALSE;
        }
      if (is_file)
        {
          GError *local = NULL;

          before = sila_store_read_beneficiary (self, "id = ?1", entity_id, 0, &local);
          g_clear_error (&local);
        }
      sql = g_strdup_printf ("UPDATE %s SET %s = ?2, rev = rev + 1 WHERE id = ?1", entity,
                             column);
      stmt = sila_store_prepare (self, sql, error);
      if (stmt == NULL)
        return FALSE;
      sila_bind_text (stmt, 1, entity_id);
      bind_encoded (stmt, 2, field, blob);
      if (sila_store_step (self, stmt, error) != SILA_STEP_DONE)
        return FALSE;
      g_clear_pointer (&stmt, sila_statement_release);

      if (is_file && before != NULL)
        {
          g_autoptr(SilaBeneficiary) after = NULL;
          GError *local = NULL;

          after = sila_store_read_beneficiary (self, "id = ?1", entity_id, 0, &local);
          g_clear_error (&local);
          if (!sila_store_index_beneficiary (self, after, before, error))
            return FALSE;
        }
    }

  stmt = sila_store_prepare (self,
                             "UPDATE field_conflicts SET status = 'resolved', resolution = ?2, "
                             "resolved_at = ?3, resolved_by = ?4 WHERE id = ?1",
                             error);
  if (stmt == NULL)
    return FALSE;
  sila_bind_text (stmt, 1, conflict_id);
  sila_bind_text (stmt, 2, use_field ? "field" : "office");
  sila_bind_text (stmt, 3, now);
  sila_bind_text (stmt, 4, actor->username);
  if (sila_store_step (self, stmt, error) != SILA_STEP_DONE)
    return FALSE;

  return sila_store_audit (self, actor, "resolve", "field_conflict", conflict_id,
                           use_field ? "field" : "office", NULL, NULL, error) &&
         sila_transaction_commit (tx, error);
}

void
sila_field_merge_free (SilaFieldMerge *merge)
{
  if (merge == NULL)
    return;
  g_free (merge->merged_at);
  g_free (merge->merged_by);
  g_free (merge->event);
  g_free (merge->laptop);
  g_free (merge->officers);
  g_free (merge);
}

GPtrArray *
sila_store_field_list_merges (SilaStore        *self,
                              const SilaActor  *actor,
                              GError          **error)
{
  g_autoptr(SilaStatement) stmt = NULL;
  g_autoptr(GPtrArray) list = NULL;
  SilaStep step;

  if (!sila_store_require (self, actor, SILA_PERM_BENEFICIARY_VIEW, error))
    return NULL;

  stmt = sila_store_prepare (self,
                             "SELECT merged_at, merged_by, event, laptop, officers, files, "
                             "requests, responses, contacts, feedback, changed, conflicts, "
                             "duplicates FROM field_merges ORDER BY merged_at DESC, id",
                             error);
  if (stmt == NULL)
    return NULL;
  list = g_ptr_array_new_with_free_func ((GDestroyNotify)sila_field_merge_free);
  while ((step = sila_store_step (self, stmt, error)) == SILA_STEP_ROW)
    {
      SilaFieldMerge *m = g_new0 (SilaFieldMerge, 1);

      m->merged_at = sila_column_dup (stmt, 0);
      m->merged_by = sila_column_dup (stmt, 1);
      m->event = sila_column_dup (stmt, 2);
      m->laptop = sila_column_dup (stmt, 3);
      m->officers = sila_column_dup (stmt, 4);
      m->summary.files = sila_column_int64 (stmt, 5);
      m->summary.requests = sila_column_int64 (stmt, 6);
      m->summary.responses = sila_column_int64 (stmt, 7);
      m->summary.contacts = sila_column_int64 (stmt, 8);
      m->summary.feedback = sila_column_int64 (stmt, 9);
      m->summary.changed = sila_column_int64 (stmt, 10);
      m->summary.conflicts = sila_column_int64 (stmt, 11);
      m->summary.duplicates = sila_column_int64 (stmt, 12);
      g_ptr_array_add (list, m);
    }
  if (step == SILA_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&list);
}

char *
sila_store_field_final_number (SilaStore   *self,
                               const char  *provisional,
                               GError     **error)
{
  g_autoptr(SilaStatement) stmt = NULL;
  char *final = NULL;

  stmt = sila_store_prepare (self,
                             "SELECT final FROM field_numbers WHERE provisional = ?1 "
                             "ORDER BY kind LIMIT 1",
                             error);
  if (stmt == NULL)
    return NULL;
  sila_bind_text (stmt, 1, provisional);
  if (!sila_store_step_text (self, stmt, &final, error))
    return NULL;
  return final;
}
