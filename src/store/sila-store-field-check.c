/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Field bundles before and after their rows are applied
 * (sila-store-field-merge-private.h): each one read and checked before
 * anything is written (its envelope, its office, its kit, whether it was
 * merged already, its changeset read to the end, its tables and columns),
 * and afterwards the laptop's audit entries copied in and the merge
 * recorded and audited. */
#define G_LOG_DOMAIN "sila-store"

#include "sila-config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "sila-display.h"
#include "sila-store-field-merge-private.h"

void
sila_field_bundle_free (Bundle *b)
{
  g_free (b->path);
  sila_field_header_free (b->header);
  g_clear_pointer (&b->changeset, g_bytes_unref);
  g_clear_pointer (&b->changes, g_ptr_array_unref);
  g_clear_pointer (&b->columns, g_hash_table_unref);
  g_clear_pointer (&b->officers, g_hash_table_unref);
  g_clear_pointer (&b->sql, g_hash_table_unref);
  g_free (b->bundle_key);
  g_free (b->merge_id);
  g_free (b);
}

/* The office's own columns of @table, read from the engine (portable:
 * a query that returns no row still names its columns). */
GPtrArray *
sila_field_office_columns (Merge       *m,
                           const char  *table,
                           GError     **error)
{
  GPtrArray *names = g_hash_table_lookup (m->office_columns, table);
  g_autoptr(SilaStatement) stmt = NULL;
  g_autofree char *sql = NULL;
  int n;

  if (names != NULL)
    return names;

  /* @table is one of the core's list, never a bundle's text. */
  sql = g_strdup_printf ("SELECT * FROM %s WHERE 1 = 0", table);
  stmt = sila_store_prepare (m->store, sql, error);
  if (stmt == NULL)
    return NULL;
  n = sila_column_count (stmt);
  names = g_ptr_array_new_with_free_func (g_free);
  for (int i = 0; i < n; i++)
    g_ptr_array_add (names, g_strdup (sila_column_name (stmt, i)));
  g_hash_table_insert (m->office_columns, g_strdup (table), names);
  return names;
}

gboolean
sila_field_has_column (GPtrArray  *names,
                       const char *column)
{
  for (guint i = 0; i < names->len; i++)
    if (g_str_equal (names->pdata[i], column))
      return TRUE;
  return FALSE;
}

static gboolean
load_columns (Bundle  *b,
              GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object;
  g_autoptr(GList) members = NULL;

  b->columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                      (GDestroyNotify)g_strfreev);
  if (!json_parser_load_from_data (parser, b->header->tables_json, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    goto damaged;
  object = json_node_get_object (json_parser_get_root (parser));
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *node = json_object_get_member (object, l->data);
      JsonArray *array;
      GStrvBuilder *builder;

      if (!JSON_NODE_HOLDS_ARRAY (node))
        goto damaged;
      array = json_node_get_array (node);
      builder = g_strv_builder_new ();
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          const char *name = json_array_get_string_element (array, i);

          if (name == NULL)
            {
              g_strv_builder_unref (builder);
              goto damaged;
            }
          g_strv_builder_add (builder, name);
        }
      g_hash_table_insert (b->columns, g_strdup (l->data), g_strv_builder_end (builder));
      g_strv_builder_unref (builder);
    }
  return TRUE;

damaged:
  g_set_error_literal (error, SILA_FIELD_ERROR, SILA_FIELD_ERROR_DAMAGED,
                       _("The return bundle is damaged: its list of tables cannot be read."));
  return FALSE;
}

static gboolean
check_changes (Merge   *m,
               Bundle  *b,
               GError **error)
{
  for (guint i = 0; i < b->changes->len; i++)
    {
      SilaFieldRow *change = b->changes->pdata[i];
      GStrv columns = g_hash_table_lookup (b->columns, change->table);
      GPtrArray *own;

      if (sila_field_table_lookup (change->table) == NULL || columns == NULL ||
          (int)g_strv_length (columns) != change->n_columns)
        {
          g_set_error (error, SILA_FIELD_ERROR, SILA_FIELD_ERROR_DAMAGED,
                       _("The return bundle is damaged: it holds changes to “%s” that a field "
                         "kit never makes. Nothing was merged."),
                       change->table);
          return FALSE;
        }
      own = sila_field_office_columns (m, change->table, error);
      if (own == NULL)
        return FALSE;
      for (int c = 0; columns[c] != NULL; c++)
        if (!sila_field_has_column (own, columns[c]))
          {
            g_set_error (error, SILA_FIELD_ERROR, SILA_FIELD_ERROR_TOO_NEW,
                         _("The return bundle names a column (%s.%s) this database does not "
                           "have: update Sila Desk at the office first. Nothing was merged."),
                         change->table, columns[c]);
            return FALSE;
          }
    }
  return TRUE;
}

Bundle *
sila_field_open_bundle (Merge       *m,
                        const char  *path,
                        GHashTable  *seen,
                        GError     **error)
{
  g_autoptr(GError) local = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SilaStatement) stmt = NULL;
  Bundle *b = g_new0 (Bundle, 1);
  gsize size = 0;
  SilaStep step;

  b->path = g_strdup (path);
  if (!g_file_get_contents (path, &contents, &size, &local))
    {
      g_set_error (error, G_FILE_ERROR, local->code,
                   _("The return bundle “%s” cannot be read: %s"), path, local->message);
      goto fail;
    }
  bytes = g_bytes_new_take (g_steal_pointer (&contents), size);
  b->header = sila_field_bundle_parse (bytes, &b->changeset, error);
  if (b->header == NULL ||
      !sila_field_header_check (b->header, sila_store_get_device_id (m->store),
                                sila_store_get_schema_version (m->store), error))
    goto fail;

  stmt = sila_store_prepare (m->store, "SELECT 1 FROM field_kits WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sila_bind_text (stmt, 1, b->header->kit_id);
  step = sila_store_step (m->store, stmt, error);
  if (step == SILA_STEP_ERROR)
    goto fail;
  if (step == SILA_STEP_DONE)
    {
      g_set_error_literal (error, SILA_FIELD_ERROR, SILA_FIELD_ERROR_FOREIGN,
                           _("The return bundle comes from a field kit this database never "
                             "made: nothing was merged."));
      goto fail;
    }
  g_clear_pointer (&stmt, sila_statement_release);

  b->bundle_key = g_strdup_printf ("%s:%s", b->header->kit_id, b->header->changeset_sha256);
  stmt = sila_store_prepare (m->store,
                             "SELECT merged_at FROM field_merges WHERE bundle_key = ?1", error);
  if (stmt == NULL)
    goto fail;
  sila_bind_text (stmt, 1, b->bundle_key);
  step = sila_store_step (m->store, stmt, error);
  if (step == SILA_STEP_ERROR)
    goto fail;
  if (step == SILA_STEP_ROW || g_hash_table_contains (seen, b->bundle_key))
    {
      g_set_error (error, SILA_FIELD_ERROR, SILA_FIELD_ERROR_ALREADY_MERGED,
                   _("The return bundle “%s” was merged already (%s): nothing was merged "
                     "again."),
                   path, step == SILA_STEP_ROW ? sila_column_text (stmt, 0) : _("given twice"));
      goto fail;
    }
  g_hash_table_add (seen, g_strdup (b->bundle_key));
  g_clear_pointer (&stmt, sila_statement_release);

  stmt = sila_store_prepare (m->store,
                             "SELECT coalesce (max (audit_upto), 0) FROM field_merges "
                             "WHERE kit_id = ?1",
                             error);
  if (stmt == NULL)
    goto fail;
  sila_bind_text (stmt, 1, b->header->kit_id);
  if (sila_store_step (m->store, stmt, error) != SILA_STEP_ROW)
    goto fail;
  b->audit_from = sila_column_int64 (stmt, 0);
  g_clear_pointer (&stmt, sila_statement_release);

  b->changes = sila_field_changeset_read (b->changeset, error);
  if (b->changes == NULL || !load_columns (b, error) || !check_changes (m, b, error))
    goto fail;

  b->merge_id = g_uuid_string_random ();
  b->officers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  b->sql = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return b;

fail:
  if (error != NULL && *error != NULL && (*error)->domain == SILA_FIELD_ERROR &&
      (*error)->code != SILA_FIELD_ERROR_ALREADY_MERGED)
    g_prefix_error (error, "%s: ", path);
  sila_field_bundle_free (b);
  return NULL;
}

/* The laptop's audit entries not copied by an earlier merge of its kit. */
gboolean
sila_field_copy_audit (Merge   *m,
                       Bundle  *b,
                       GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *entries;

  if (!json_parser_load_from_data (parser, b->header->audit_json, -1, NULL) ||
      !JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)))
    return TRUE;
  entries = json_node_get_array (json_parser_get_root (parser));

  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonObject *e = json_array_get_object_element (entries, i);
      const char *name;

      if (e == NULL || json_object_get_int_member_with_default (e, "seq", 0) <= b->audit_from)
        continue;
#define S(k) json_object_get_string_member_with_default (e, k, NULL)
      name = S ("actor_name");
      if (name == NULL || S ("action") == NULL || S ("entity") == NULL || S ("at") == NULL)
        continue;
      g_hash_table_add (b->officers, g_strdup (name));
      if (!sila_store_audit_copy (m->store, S ("at"), S ("actor_id"), name,
                                  b->header->device_id, S ("action"), S ("entity"),
                                  S ("entity_id"), S ("summary"), S ("before_json"),
                                  S ("after_json"), error))
        return FALSE;
#undef S
    }
  return TRUE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b,
               gpointer      data)
{
  return g_strcmp0 (*(char * const *)a, *(char * const *)b);
}

static char *
officers_text (Bundle *b)
{
  g_autofree gpointer *names = g_hash_table_get_keys_as_array (b->officers, NULL);

  g_qsort_with_data (names, (gint)g_hash_table_size (b->officers), sizeof (char *),
                     compare_names, NULL);
  return g_strjoinv (", ", (char **)names);
}

gboolean
sila_field_record_merge (Merge            *m,
                         const SilaActor  *actor,
                         Bundle           *b,
                         GError          **error)
{
  g_autoptr(SilaStatement) stmt = NULL;
  g_autofree char *officers = officers_text (b);
  g_autofree char *summary = NULL;
  g_autofree char *after = NULL;
  const SilaFieldSummary *c = &b->counts;

  stmt = sila_store_prepare (m->store,
                             "INSERT INTO field_merges (id, bundle_key, kit_id, laptop, event, "
                             "officers, files, requests, responses, contacts, feedback, changed, "
                             "conflicts, duplicates, audit_upto, merged_at, merged_by, device_id) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
                             "?14, ?15, ?16, ?17, ?18)",
                             error);
  if (stmt == NULL)
    return FALSE;
  sila_bind_text (stmt, 1, b->merge_id);
  sila_bind_text (stmt, 2, b->bundle_key);
  sila_bind_text (stmt, 3, b->header->kit_id);
  sila_bind_text (stmt, 4, b->header->device_id);
  sila_bind_text (stmt, 5, b->header->event);
  sila_bind_text (stmt, 6, officers);
  sila_bind_int64 (stmt, 7, c->files);
  sila_bind_int64 (stmt, 8, c->requests);
  sila_bind_int64 (stmt, 9, c->responses);
  sila_bind_int64 (stmt, 10, c->contacts);
  sila_bind_int64 (stmt, 11, c->feedback);
  sila_bind_int64 (stmt, 12, c->changed);
  sila_bind_int64 (stmt, 13, c->conflicts);
  sila_bind_int64 (stmt, 14, c->duplicates);
  sila_bind_int64 (stmt, 15, MAX (b->header->audit_upto, b->audit_from));
  sila_bind_text (stmt, 16, m->now);
  sila_bind_text (stmt, 17, actor->username);
  sila_bind_text (stmt, 18, sila_store_get_device_id (m->store));
  if (sila_store_step (m->store, stmt, error) != SILA_STEP_DONE)
    return FALSE;

  summary = g_strdup_printf ("%s" SILA_DISPLAY_SEPARATOR "%s" SILA_DISPLAY_SEPARATOR "%s",
                             b->header->event, b->header->device_id, officers);
  after = g_strdup_printf ("{\"bundle\":\"%s\",\"files\":%" G_GINT64_FORMAT ",\"requests\":%"
                           G_GINT64_FORMAT ",\"responses\":%" G_GINT64_FORMAT ",\"contacts\":%"
                           G_GINT64_FORMAT ",\"feedback\":%" G_GINT64_FORMAT ",\"changed\":%"
                           G_GINT64_FORMAT ",\"conflicts\":%" G_GINT64_FORMAT
                           ",\"duplicates\":%" G_GINT64_FORMAT "}",
                           b->bundle_key, c->files, c->requests, c->responses, c->contacts,
                           c->feedback, c->changed, c->conflicts, c->duplicates);
  return sila_store_audit (m->store, actor, "merge", "field_bundle", b->merge_id, summary, NULL,
                           after, error);
}
