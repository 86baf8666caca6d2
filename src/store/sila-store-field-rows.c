/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The rows of a merge (sila-store-field-merge-private.h): a changeset's
 * values bound to the store's statements and the office's read back into
 * the same form, a row's key, the office's row, the items listed for
 * review, the search index of a merged file, and the order in which a
 * merge applies the rows of its bundles. Portable SQL only. */
#define G_LOG_DOMAIN "sila-store"

#include "sila-config.h"

#include <string.h>

#include "sila-store-beneficiaries-private.h"
#include "sila-store-field-merge-private.h"

int
sila_field_column_index (GStrv       columns,
                         const char *name)
{
  for (int i = 0; columns[i] != NULL; i++)
    if (g_str_equal (columns[i], name))
      return i;
  return -1;
}

void
sila_field_bind_value (SilaStatement        *stmt,
                       int                   index,
                       const SilaFieldValue *v)
{
  gsize size = 0;
  gconstpointer data = v->data != NULL ? g_bytes_get_data (v->data, &size) : NULL;

  switch (v->type)
    {
    case SILA_FIELD_VALUE_INT:
      sila_bind_int64 (stmt, index, v->i);
      break;
    case SILA_FIELD_VALUE_FLOAT:
      sila_bind_double (stmt, index, v->f);
      break;
    case SILA_FIELD_VALUE_TEXT:
      {
        /* An empty GBytes gives no pointer, and '' is not NULL. */
        g_autofree char *text = data != NULL ? g_strndup (data, size) : g_strdup ("");

        sila_bind_text (stmt, index, text);
      }
      break;
    case SILA_FIELD_VALUE_BLOB:
      sila_bind_blob (stmt, index, data, size);
      break;
    case SILA_FIELD_VALUE_NULL:
    default:
      sila_bind_null (stmt, index);
      break;
    }
}

void
sila_field_read_column (SilaStatement  *stmt,
                        int             column,
                        SilaFieldValue *out)
{
  out->type = SILA_FIELD_VALUE_NULL;
  switch (sila_column_type (stmt, column))
    {
    case SILA_DB_TYPE_INTEGER:
      out->type = SILA_FIELD_VALUE_INT;
      out->i = sila_column_int64 (stmt, column);
      break;
    case SILA_DB_TYPE_FLOAT:
      out->type = SILA_FIELD_VALUE_FLOAT;
      out->f = sila_column_double (stmt, column);
      break;
    case SILA_DB_TYPE_TEXT:
      {
        const char *text = sila_column_text (stmt, column);

        out->type = SILA_FIELD_VALUE_TEXT;
        out->data = g_bytes_new (text, strlen (text));
      }
      break;
    case SILA_DB_TYPE_BLOB:
      {
        gsize size = 0;
        gconstpointer data = sila_column_blob (stmt, column, &size);

        out->type = SILA_FIELD_VALUE_BLOB;
        out->data = g_bytes_new (data, size);
      }
      break;
    case SILA_DB_TYPE_NULL:
    default:
      break;
    }
}

/* The key of a change's row: its key columns' values, as text. */
char *
sila_field_row_key (SilaFieldRow *change)
{
  GString *key = g_string_new (NULL);

  for (int i = 0; i < change->n_columns; i++)
    {
      const SilaFieldValue *v;
      g_autofree char *enc = NULL;

      if (!change->pk[i])
        continue;
      v = change->op == SILA_FIELD_OP_INSERT ? &change->new_values[i] : &change->old_values[i];
      enc = sila_field_value_encode (v);
      if (key->len > 0)
        g_string_append_c (key, '/');
      g_string_append (key, enc[0] != 'n' && enc[1] == ':' ? enc + 2 : enc);
    }
  return g_string_free (key, FALSE);
}

char *
sila_field_text_of (SilaFieldRow *change,
                    GStrv         columns,
                    const char   *name,
                    gboolean      new_side)
{
  int i = sila_field_column_index (columns, name);

  if (i < 0 || i >= change->n_columns)
    return NULL;
  if (new_side)
    return change->has_new[i] ? sila_field_value_dup_text (&change->new_values[i]) : NULL;
  return change->has_old[i] ? sila_field_value_dup_text (&change->old_values[i]) : NULL;
}

/* "WHERE a = ?1 AND b = ?2" for the key columns, bound from @change. */
char *
sila_field_key_where (SilaFieldRow *change,
                      GStrv         columns,
                      int           first_param)
{
  GString *where = g_string_new (" WHERE ");
  int p = first_param;

  for (int i = 0; i < change->n_columns; i++)
    if (change->pk[i])
      {
        g_string_append_printf (where, "%s%s = ?%d", p > first_param ? " AND " : "",
                                columns[i], p);
        p++;
      }
  return g_string_free (where, FALSE);
}

void
sila_field_bind_key (SilaStatement *stmt,
                     SilaFieldRow  *change,
                     int            first_param)
{
  int p = first_param;

  for (int i = 0; i < change->n_columns; i++)
    if (change->pk[i])
      sila_field_bind_value (stmt, p++, change->op == SILA_FIELD_OP_INSERT ? &change->new_values[i]
                                                                : &change->old_values[i]);
}

/* The office's row of @change (every column the bundle names), or NULL
 * with *found FALSE. */
SilaFieldValue *
sila_field_read_office_row (Merge         *m,
                            Bundle        *b,
                            SilaFieldRow  *change,
                            GStrv          columns,
                            gboolean      *found,
                            GError       **error)
{
  g_autoptr(SilaStatement) stmt = NULL;
  g_autofree char *name = g_strconcat ("S ", change->table, NULL);
  const char *sql = g_hash_table_lookup (b->sql, name);
  SilaFieldValue *row;
  SilaStep step;

  /* The same text for every row of a table (its key columns are the
   * table's), made once per bundle. */
  if (sql == NULL)
    {
      g_autofree char *list = g_strjoinv (", ", columns);
      g_autofree char *where = sila_field_key_where (change, columns, 1);
      char *text = g_strdup_printf ("SELECT %s FROM %s%s", list, change->table, where);

      g_hash_table_insert (b->sql, g_steal_pointer (&name), text);
      sql = text;
    }

  *found = FALSE;
  stmt = sila_store_prepare (m->store, sql, error);
  if (stmt == NULL)
    return NULL;
  sila_field_bind_key (stmt, change, 1);
  step = sila_store_step (m->store, stmt, error);
  if (step != SILA_STEP_ROW)
    return NULL;

  *found = TRUE;
  row = g_new0 (SilaFieldValue, change->n_columns);
  for (int i = 0; i < change->n_columns; i++)
    sila_field_read_column (stmt, i, &row[i]);
  return row;
}

void
sila_field_free_row (SilaFieldValue *row,
                     int             n)
{
  if (row == NULL)
    return;
  for (int i = 0; i < n; i++)
    sila_field_value_clear (&row[i]);
  g_free (row);
}

gboolean
sila_field_add_conflict (Merge       *m,
                         Bundle      *b,
                         const char  *kind,
                         const char  *entity,
                         const char  *entity_id,
                         const char  *column,
                         const char  *base,
                         const char  *field,
                         const char  *office,
                         const char  *other_id,
                         GError     **error)
{
  g_autoptr(SilaStatement) stmt = NULL;
  g_autofree char *id = g_uuid_string_random ();

  stmt = sila_store_prepare (m->store,
                             "INSERT INTO field_conflicts (id, kind, entity, entity_id, col, "
                             "base_value, field_value, office_value, other_id, laptop, "
                             "merge_id, status, created_at, device_id) VALUES (?1, ?2, ?3, ?4, "
                             "?5, ?6, ?7, ?8, ?9, ?10, ?11, 'open', ?12, ?13)",
                             error);
  if (stmt == NULL)
    return FALSE;
  sila_bind_text (stmt, 1, id);
  sila_bind_text (stmt, 2, kind);
  sila_bind_text (stmt, 3, entity);
  sila_bind_text (stmt, 4, entity_id);
  sila_bind_text (stmt, 5, column);
  sila_bind_text (stmt, 6, base);
  sila_bind_text (stmt, 7, field);
  sila_bind_text (stmt, 8, office);
  sila_bind_text (stmt, 9, other_id);
  sila_bind_text (stmt, 10, b->header->device_id);
  sila_bind_text (stmt, 11, b->merge_id);
  sila_bind_text (stmt, 12, m->now);
  sila_bind_text (stmt, 13, sila_store_get_device_id (m->store));
  if (sila_store_step (m->store, stmt, error) != SILA_STEP_DONE)
    return FALSE;

  if (g_str_equal (kind, "duplicate"))
    b->counts.duplicates++;
  else
    b->counts.conflicts++;
  return TRUE;
}

gboolean
sila_field_index_file (Merge       *m,
                       const char  *id,
                       GError     **error)
{
  g_autoptr(SilaBeneficiary) file = NULL;
  GError *local = NULL;

  file = sila_store_read_beneficiary (m->store, "id = ?1", id, 0, &local);
  if (file == NULL)
    {
      if (g_error_matches (local, SILA_STORE_ERROR, SILA_STORE_ERROR_NOT_FOUND))
        {
          g_clear_error (&local);
          return TRUE;
        }
      g_propagate_error (error, local);
      return FALSE;
    }
  return sila_store_index_beneficiary (m->store, file, NULL, error);
}

/* New files are indexed together once their rows are all in, rather than
 * each inside its own savepoint: the index's pending terms are then
 * written once, not at every savepoint. Their tokens come from the file's
 * own row only, which nothing else in the merge changes before this runs
 * (it runs before any change to a file already there). */
gboolean
sila_field_index_pending (Merge    *m,
                          GError  **error)
{
  for (guint i = 0; i < m->to_index->len; i++)
    if (!sila_field_index_file (m, m->to_index->pdata[i], error))
      return FALSE;
  g_ptr_array_set_size (m->to_index, 0);
  return TRUE;
}

SilaBeneficiary *
sila_field_read_live_file (Merge       *m,
                           const char  *id,
                           GError     **error)
{
  GError *local = NULL;
  SilaBeneficiary *file = sila_store_read_beneficiary (m->store, "id = ?1", id, 0, &local);

  if (file == NULL)
    {
      if (!g_error_matches (local, SILA_STORE_ERROR, SILA_STORE_ERROR_NOT_FOUND))
        g_propagate_error (error, local);
      else
        g_clear_error (&local);
    }
  return file;
}

gboolean
sila_field_is_number_column (const SilaFieldTable *table,
                             const char           *column)
{
  for (guint k = 0; k < G_N_ELEMENTS (table->numbers); k++)
    if (g_strcmp0 (table->numbers[k].column, column) == 0)
      return TRUE;
  return FALSE;
}

/* After a failed step inside @savepoint: a constraint of the office's
 * refused the row, which is listed; any other failure ends the merge. */
gboolean
sila_field_listed_clash (Merge             *m,
                         Bundle            *b,
                         SilaTransaction  **savepoint,
                         SilaFieldSummary  *saved,
                         const char        *table,
                         const char        *key,
                         GError           **error)
{
  g_autofree char *why = NULL;

  if (error == NULL || *error == NULL ||
      !(g_error_matches (*error, SILA_STORE_ERROR, SILA_STORE_ERROR_DUPLICATE) ||
        g_error_matches (*error, SILA_STORE_ERROR, SILA_STORE_ERROR_INVALID)))
    return FALSE;

  why = g_strconcat ("t:", (*error)->message, NULL);
  g_clear_error (error);
  g_clear_pointer (savepoint, sila_transaction_free);
  b->counts = *saved;
  return sila_field_add_conflict (m, b, "clash", table, key, NULL, NULL, why, NULL, NULL, error);
}

/* The order of a merge */

static void
item_free (Item *item)
{
  g_free (item->made_at);
  g_free (item->key);
  g_free (item);
}

static int
compare_items (gconstpointer pa,
               gconstpointer pb)
{
  const Item *a = *(const Item **)pa, *b = *(const Item **)pb;
  SilaFieldOrder oa = { a->made_at, a->bundle->header->device_id, a->key };
  SilaFieldOrder ob = { b->made_at, b->bundle->header->device_id, b->key };

  if (a->table_index != b->table_index)
    return a->table_index < b->table_index ? -1 : 1;
  if (a->change->op != b->change->op)
    return a->change->op < b->change->op ? -1 : 1;
  return sila_field_order_compare (&oa, &ob);
}

GPtrArray *
sila_field_collect_items (GPtrArray *bundles)
{
  GPtrArray *items = g_ptr_array_new_with_free_func ((GDestroyNotify)item_free);
  guint n = 0;
  const SilaFieldTable *tables = sila_field_tables (&n);

  for (guint k = 0; k < bundles->len; k++)
    {
      Bundle *b = bundles->pdata[k];

      for (guint i = 0; i < b->changes->len; i++)
        {
          SilaFieldRow *change = b->changes->pdata[i];
          GStrv columns = g_hash_table_lookup (b->columns, change->table);
          Item *item = g_new0 (Item, 1);

          item->bundle = b;
          item->change = change;
          for (guint t = 0; t < n; t++)
            if (g_str_equal (tables[t].name, change->table))
              item->table_index = t;
          item->key = sila_field_row_key (change);
          if (change->op == SILA_FIELD_OP_INSERT)
            item->made_at = sila_field_text_of (change, columns, "created_at", TRUE);
          else if (change->op == SILA_FIELD_OP_UPDATE)
            item->made_at = sila_field_text_of (change, columns, "updated_at", TRUE);
          if (item->made_at == NULL)
            item->made_at = g_strdup (b->header->made_at);
          g_ptr_array_add (items, item);
        }
    }
  g_ptr_array_sort (items, compare_items);
  return items;
}
