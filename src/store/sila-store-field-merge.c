/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Merging return bundles (issue 15). Every bundle is checked before
 * anything is touched; then all of them are applied in one transaction,
 * row by row, in portable SQL through the store, so that the same walk
 * serves a PostgreSQL office. What a change means (a new row and its
 * final number, a field changed on one side or both, a national ID met
 * twice) is the core's rule (sila-field.h); this file reads the office's
 * present values and writes the outcome. */
#define G_LOG_DOMAIN "sila-store"

#include "sila-config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "sila-clock.h"
#include "sila-request.h"
#include "sila-store-beneficiaries-private.h"
#include "sila-store-field-private.h"

/* File numbers are a counter plus this (sila-store-beneficiaries.c). */
#define FILE_NUMBER_BASE 1000

typedef struct {
  char             *path;
  SilaFieldHeader  *header;
  GBytes           *changeset;
  GPtrArray        *changes;
  GHashTable       *columns;      /* table → GStrv, from the header */
  char             *bundle_key;
  char             *merge_id;
  gint64            audit_from;
  SilaFieldSummary  counts;
  GHashTable       *officers;     /* names, a set */
} Bundle;

typedef struct {
  Bundle          *bundle;
  SilaFieldRow *change;
  guint            table_index;
  char            *made_at;
  char            *key;
} Item;

typedef struct {
  SilaStore  *store;
  GHashTable *office_columns;     /* table → GPtrArray of names */
  char       *now;
} Merge;

static void
bundle_free (Bundle *b)
{
  g_free (b->path);
  sila_field_header_free (b->header);
  g_clear_pointer (&b->changeset, g_bytes_unref);
  g_clear_pointer (&b->changes, g_ptr_array_unref);
  g_clear_pointer (&b->columns, g_hash_table_unref);
  g_clear_pointer (&b->officers, g_hash_table_unref);
  g_free (b->bundle_key);
  g_free (b->merge_id);
  g_free (b);
}

static void
item_free (Item *item)
{
  g_free (item->made_at);
  g_free (item->key);
  g_free (item);
}

/* The office's own columns of @table, read from the engine (portable:
 * a query that returns no row still names its columns). */
static GPtrArray *
office_columns (Merge       *m,
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

static gboolean
has_column (GPtrArray  *names,
            const char *column)
{
  for (guint i = 0; i < names->len; i++)
    if (g_str_equal (names->pdata[i], column))
      return TRUE;
  return FALSE;
}

static int
column_index (GStrv       columns,
              const char *name)
{
  for (int i = 0; columns[i] != NULL; i++)
    if (g_str_equal (columns[i], name))
      return i;
  return -1;
}

static void
bind_value (SilaStatement        *stmt,
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

static void
read_column (SilaStatement  *stmt,
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
static char *
row_key (SilaFieldRow *change)
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

static char *
text_of (SilaFieldRow *change,
         GStrv            columns,
         const char      *name,
         gboolean         new_side)
{
  int i = column_index (columns, name);

  if (i < 0 || i >= change->n_columns)
    return NULL;
  if (new_side)
    return change->has_new[i] ? sila_field_value_dup_text (&change->new_values[i]) : NULL;
  return change->has_old[i] ? sila_field_value_dup_text (&change->old_values[i]) : NULL;
}

/* "WHERE a = ?1 AND b = ?2" for the key columns, bound from @change. */
static char *
key_where (SilaFieldRow *change,
           GStrv            columns,
           int              first_param)
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

static void
bind_key (SilaStatement   *stmt,
          SilaFieldRow *change,
          int              first_param)
{
  int p = first_param;

  for (int i = 0; i < change->n_columns; i++)
    if (change->pk[i])
      bind_value (stmt, p++, change->op == SILA_FIELD_OP_INSERT ? &change->new_values[i]
                                                                : &change->old_values[i]);
}

/* The office's row of @change (every column the bundle names), or NULL
 * with *found FALSE. */
static SilaFieldValue *
read_office_row (Merge            *m,
                 SilaFieldRow  *change,
                 GStrv             columns,
                 gboolean         *found,
                 GError          **error)
{
  g_autoptr(SilaStatement) stmt = NULL;
  g_autofree char *list = g_strjoinv (", ", columns);
  g_autofree char *where = key_where (change, columns, 1);
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM %s%s", list, change->table, where);
  SilaFieldValue *row;
  SilaStep step;

  *found = FALSE;
  stmt = sila_store_prepare (m->store, sql, error);
  if (stmt == NULL)
    return NULL;
  bind_key (stmt, change, 1);
  step = sila_store_step (m->store, stmt, error);
  if (step != SILA_STEP_ROW)
    return NULL;

  *found = TRUE;
  row = g_new0 (SilaFieldValue, change->n_columns);
  for (int i = 0; i < change->n_columns; i++)
    read_column (stmt, i, &row[i]);
  return row;
}

static void
free_row (SilaFieldValue *row,
          int             n)
{
  if (row == NULL)
    return;
  for (int i = 0; i < n; i++)
    sila_field_value_clear (&row[i]);
  g_free (row);
}

static gboolean
add_conflict (Merge       *m,
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

/* New rows */

static gboolean
record_number (Merge       *m,
               Bundle      *b,
               const char  *kind,
               const char  *provisional,
               const char  *final,
               const char  *entity_id,
               GError     **error)
{
  g_autoptr(SilaStatement) stmt = NULL;

  stmt = sila_store_prepare (m->store,
                             "INSERT INTO field_numbers (kind, provisional, final, entity_id, "
                             "merge_id) VALUES (?1, ?2, ?3, ?4, ?5)",
                             error);
  if (stmt == NULL)
    return FALSE;
  sila_bind_text (stmt, 1, kind);
  sila_bind_text (stmt, 2, provisional);
  sila_bind_text (stmt, 3, final);
  sila_bind_text (stmt, 4, entity_id);
  sila_bind_text (stmt, 5, b->merge_id);
  return sila_store_step (m->store, stmt, error) == SILA_STEP_DONE;
}

/* Gives @values (a new row's) their final office numbers. */
static gboolean
finalize_numbers (Merge                *m,
                  Bundle               *b,
                  const SilaFieldTable *table,
                  GStrv                 columns,
                  SilaFieldValue       *values,
                  const char           *key,
                  GError              **error)
{
  for (guint k = 0; k < G_N_ELEMENTS (table->numbers); k++)
    {
      const SilaFieldNumber *number = &table->numbers[k];
      g_autofree char *provisional = NULL;
      g_autofree char *final = NULL;
      g_autofree char *kind = NULL;
      gint64 serial = 0;
      int i;

      if (number->column == NULL)
        continue;
      i = column_index (columns, number->column);
      if (i < 0)
        continue;
      provisional = sila_field_value_encode (&values[i]);
      kind = g_strdup_printf ("%s.%s", table->name, number->column);

      if (number->kind == SILA_FIELD_NUMBER_REQUEST)
        {
          g_autofree char *text = sila_field_value_dup_text (&values[i]);
          g_autofree char *counter = NULL;
          guint year = text != NULL ? (guint)g_ascii_strtoull (text, NULL, 10) : 0;

          if (year < 1300 || year > 1600)
            continue;
          counter = g_strdup_printf ("%s%u", number->counter, year);
          if (!sila_store_next_number (m->store, counter, &serial, error))
            return FALSE;
          final = sila_request_number_format (year, serial);
          sila_field_value_clear (&values[i]);
          values[i].type = SILA_FIELD_VALUE_TEXT;
          values[i].data = g_bytes_new (final, strlen (final));
          g_free (provisional);
          provisional = g_steal_pointer (&text);
        }
      else
        {
          if (!sila_store_next_number (m->store, number->counter, &serial, error))
            return FALSE;
          if (number->kind == SILA_FIELD_NUMBER_FILE)
            serial += FILE_NUMBER_BASE;
          g_free (provisional);
          provisional = g_strdup_printf ("%" G_GINT64_FORMAT, values[i].i);
          sila_field_value_clear (&values[i]);
          values[i].type = SILA_FIELD_VALUE_INT;
          values[i].i = serial;
          final = g_strdup_printf ("%" G_GINT64_FORMAT, serial);
        }

      if (!record_number (m, b, kind, provisional, final, key, error))
        return FALSE;
    }
  return TRUE;
}

/* A new file whose national ID a live file has already: both stay, the
 * later one linked to the other as a possible duplicate for review. */
static gboolean
check_duplicate (Merge           *m,
                 Bundle          *b,
                 GStrv            columns,
                 SilaFieldValue  *values,
                 const char      *key,
                 GError         **error)
{
  g_autoptr(SilaStatement) stmt = NULL;
  g_autofree char *id_number = NULL;
  g_autofree char *existing_id = NULL;
  g_autofree char *existing_made = NULL;
  g_autofree char *existing_device = NULL;
  g_autofree char *made_at = NULL;
  g_autofree char *device = NULL;
  gboolean from_field;
  SilaFieldOrder existing, incoming;
  int i = column_index (columns, "id_number");
  int dup = column_index (columns, "possible_duplicate_of");
  SilaStep step;

  if (i < 0 || dup < 0)
    return TRUE;
  id_number = sila_field_value_dup_text (&values[i]);
  if (id_number == NULL)
    return TRUE;

  stmt = sila_store_prepare (m->store,
                             "SELECT id, created_at, device_id, CASE WHEN EXISTS (SELECT 1 "
                             "FROM field_numbers n WHERE n.entity_id = b.id) THEN 1 ELSE 0 END "
                             "FROM beneficiaries b "
                             "WHERE id_number = ?1 AND deleted_at IS NULL "
                             "AND possible_duplicate_of IS NULL AND id <> ?2",
                             error);
  if (stmt == NULL)
    return FALSE;
  sila_bind_text (stmt, 1, id_number);
  sila_bind_text (stmt, 2, key);
  step = sila_store_step (m->store, stmt, error);
  if (step == SILA_STEP_ERROR)
    return FALSE;
  if (step == SILA_STEP_DONE)
    return TRUE;
  existing_id = sila_column_dup (stmt, 0);
  existing_made = sila_column_dup (stmt, 1);
  existing_device = sila_column_dup (stmt, 2);
  from_field = sila_column_int (stmt, 3) != 0;
  g_clear_pointer (&stmt, sila_statement_release);

  {
    int c = column_index (columns, "created_at");
    int d = column_index (columns, "device_id");

    made_at = c >= 0 ? sila_field_value_dup_text (&values[c]) : NULL;
    device = d >= 0 ? sila_field_value_dup_text (&values[d]) : NULL;
  }
  existing = (SilaFieldOrder) { existing_made, existing_device, existing_id };
  incoming = (SilaFieldOrder) { made_at, device, key };

  if (sila_field_existing_stays (from_field, &existing, &incoming))
    {
      sila_field_value_clear (&values[dup]);
      values[dup].type = SILA_FIELD_VALUE_TEXT;
      values[dup].data = g_bytes_new (existing_id, strlen (existing_id));
      return add_conflict (m, b, "duplicate", "beneficiaries", key, "id_number", NULL, NULL,
                           NULL, existing_id, error);
    }

  /* The file already merged was made later: it becomes the linked one,
   * whichever bundle came first. */
  stmt = sila_store_prepare (m->store,
                             "UPDATE beneficiaries SET possible_duplicate_of = ?2 WHERE id = ?1",
                             error);
  if (stmt == NULL)
    return FALSE;
  sila_bind_text (stmt, 1, existing_id);
  sila_bind_text (stmt, 2, key);
  if (sila_store_step (m->store, stmt, error) != SILA_STEP_DONE)
    return FALSE;
  g_clear_pointer (&stmt, sila_statement_release);

  /* Its review item now names the older file. */
  stmt = sila_store_prepare (m->store,
                             "UPDATE field_conflicts SET other_id = ?2 WHERE kind = 'duplicate' "
                             "AND entity_id = ?1 AND status = 'open'",
                             error);
  if (stmt == NULL)
    return FALSE;
  sila_bind_text (stmt, 1, existing_id);
  sila_bind_text (stmt, 2, key);
  if (sila_store_step (m->store, stmt, error) != SILA_STEP_DONE)
    return FALSE;
  if (sila_store_changes (m->store) > 0)
    return TRUE;
  return add_conflict (m, b, "duplicate", "beneficiaries", existing_id, "id_number", NULL, NULL,
                       NULL, key, error);
}

static gboolean
index_file (Merge       *m,
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

static SilaBeneficiary *
read_live_file (Merge       *m,
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

static void
count_new (Bundle               *b,
           const SilaFieldTable *table)
{
  switch (table->count)
    {
    case SILA_FIELD_COUNT_FILES:     b->counts.files++; break;
    case SILA_FIELD_COUNT_REQUESTS:  b->counts.requests++; break;
    case SILA_FIELD_COUNT_RESPONSES: b->counts.responses++; break;
    case SILA_FIELD_COUNT_CONTACTS:  b->counts.contacts++; break;
    case SILA_FIELD_COUNT_FEEDBACK:  b->counts.feedback++; break;
    case SILA_FIELD_COUNT_NONE:
    default:
      break;
    }
}

static gboolean
is_number_column (const SilaFieldTable *table,
                  const char           *column)
{
  for (guint k = 0; k < G_N_ELEMENTS (table->numbers); k++)
    if (g_strcmp0 (table->numbers[k].column, column) == 0)
      return TRUE;
  return FALSE;
}

/* After a failed step inside @savepoint: a constraint of the office's
 * refused the row, which is listed; any other failure ends the merge. */
static gboolean
listed_clash (Merge             *m,
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
  return add_conflict (m, b, "clash", table, key, NULL, NULL, why, NULL, NULL, error);
}

static gboolean
apply_insert (Merge    *m,
              Item     *item,
              GError  **error)
{
  Bundle *b = item->bundle;
  SilaFieldRow *change = item->change;
  const SilaFieldTable *table = sila_field_table_lookup (change->table);
  GStrv columns = g_hash_table_lookup (b->columns, change->table);
  g_autoptr(SilaStatement) stmt = NULL;
  g_autoptr(SilaTransaction) savepoint = NULL;
  g_autofree char *list = NULL;
  g_autofree char *sql = NULL;
  SilaFieldSummary saved;
  GString *params;
  SilaFieldValue *office;
  SilaFieldValue *values;
  gboolean found = FALSE;
  gboolean ok = TRUE;
  int n = change->n_columns;

  office = read_office_row (m, change, columns, &found, error);
  if (!found && error != NULL && *error != NULL)
    return FALSE;
  if (found)
    {
      /* Already here (an earlier bundle of the same kit): what differs is
       * listed, and the office's values stand. */
      for (int i = 0; i < n && ok; i++)
        {
          g_autofree char *field = NULL;
          g_autofree char *now = NULL;

          if (change->pk[i] || is_number_column (table, columns[i]) ||
              sila_field_column_is_bookkeeping (columns[i]) ||
              g_str_equal (columns[i], "possible_duplicate_of"))
            continue;
          field = sila_field_value_encode (&change->new_values[i]);
          now = sila_field_value_encode (&office[i]);
          if (!g_str_equal (field, now))
            ok = add_conflict (m, b, "both_changed", change->table, item->key, columns[i], NULL,
                               field, now, NULL, error);
        }
      free_row (office, n);
      return ok;
    }

  /* A row the office cannot take (another row holds its unique values,
   * or a key it names is gone) is listed, and the rest goes on. */
  saved = b->counts;
  savepoint = sila_transaction_begin (m->store, error);
  if (savepoint == NULL)
    return FALSE;

  values = g_new0 (SilaFieldValue, n);
  for (int i = 0; i < n; i++)
    sila_field_value_copy (&values[i], &change->new_values[i]);

  ok = finalize_numbers (m, b, table, columns, values, item->key, error);
  if (ok && g_str_equal (change->table, "beneficiaries"))
    ok = check_duplicate (m, b, columns, values, item->key, error);

  if (ok)
    {
      list = g_strjoinv (", ", columns);
      params = g_string_new (NULL);
      for (int i = 0; i < n; i++)
        g_string_append_printf (params, "%s?%d", i > 0 ? ", " : "", i + 1);
      sql = g_strdup_printf ("INSERT INTO %s (%s) VALUES (%s)", change->table, list,
                             params->str);
      g_string_free (params, TRUE);
      stmt = sila_store_prepare (m->store, sql, error);
      ok = stmt != NULL;
    }
  if (ok)
    {
      for (int i = 0; i < n; i++)
        bind_value (stmt, i + 1, &values[i]);
      ok = sila_store_step (m->store, stmt, error) == SILA_STEP_DONE;
    }
  g_clear_pointer (&stmt, sila_statement_release);
  free_row (values, n);

  if (ok && g_str_equal (change->table, "beneficiaries"))
    ok = index_file (m, item->key, error);
  if (ok)
    {
      count_new (b, table);
      return sila_transaction_commit (savepoint, error);
    }
  return listed_clash (m, b, &savepoint, &saved, change->table, item->key, error);
}

/* Changed rows */

/* The value a merge last wrote into this column and when the laptop
 * changed it, if the office still holds it. */
static char *
merged_at (Merge       *m,
           const char  *table,
           const char  *key,
           const char  *column,
           const char  *office,
           GError     **error)
{
  g_autoptr(SilaStatement) stmt = NULL;
  SilaStep step;

  stmt = sila_store_prepare (m->store,
                             "SELECT changed_at FROM field_changes WHERE entity = ?1 "
                             "AND entity_id = ?2 AND col = ?3 AND value = ?4",
                             error);
  if (stmt == NULL)
    return NULL;
  sila_bind_text (stmt, 1, table);
  sila_bind_text (stmt, 2, key);
  sila_bind_text (stmt, 3, column);
  sila_bind_text (stmt, 4, office);
  step = sila_store_step (m->store, stmt, error);
  return step == SILA_STEP_ROW ? sila_column_dup (stmt, 0) : NULL;
}

static gboolean
remember_change (Merge       *m,
                 Bundle      *b,
                 const char  *table,
                 const char  *key,
                 const char  *column,
                 const char  *value,
                 const char  *changed_at,
                 GError     **error)
{
  g_autoptr(SilaStatement) stmt = NULL;

  stmt = sila_store_prepare (m->store,
                             "INSERT INTO field_changes (entity, entity_id, col, value, "
                             "changed_at, merge_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
                             "ON CONFLICT (entity, entity_id, col) DO UPDATE SET value = ?4, "
                             "changed_at = ?5, merge_id = ?6",
                             error);
  if (stmt == NULL)
    return FALSE;
  sila_bind_text (stmt, 1, table);
  sila_bind_text (stmt, 2, key);
  sila_bind_text (stmt, 3, column);
  sila_bind_text (stmt, 4, value);
  sila_bind_text (stmt, 5, changed_at);
  sila_bind_text (stmt, 6, b->merge_id);
  return sila_store_step (m->store, stmt, error) == SILA_STEP_DONE;
}

static gboolean
apply_update (Merge    *m,
              Item     *item,
              GError  **error)
{
  Bundle *b = item->bundle;
  SilaFieldRow *change = item->change;
  const SilaFieldTable *table = sila_field_table_lookup (change->table);
  GStrv columns = g_hash_table_lookup (b->columns, change->table);
  GPtrArray *own = g_hash_table_lookup (m->office_columns, change->table);
  g_autoptr(GArray) apply = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(SilaBeneficiary) before = NULL;
  g_autofree char *field_at = text_of (change, columns, "updated_at", TRUE);
  g_autofree char *office_at = NULL;
  SilaFieldValue *office;
  gboolean found = FALSE;
  gboolean ok = TRUE;
  int n = change->n_columns;

  if (field_at == NULL)
    field_at = g_strdup (b->header->made_at);

  office = read_office_row (m, change, columns, &found, error);
  if (!found)
    {
      if (error != NULL && *error != NULL)
        return FALSE;
      /* Gone at the office: the field's change is listed, not lost. */
      for (int i = 0; i < n && ok; i++)
        if (change->has_new[i] && !sila_field_column_is_bookkeeping (columns[i]))
          {
            g_autofree char *field = sila_field_value_encode (&change->new_values[i]);

            ok = add_conflict (m, b, "deleted", change->table, item->key, columns[i], NULL,
                               field, NULL, NULL, error);
          }
      return ok;
    }

  {
    int u = column_index (columns, "updated_at");

    if (u >= 0)
      {
        office_at = sila_field_value_dup_text (&office[u]);
      }
  }

  for (int i = 0; i < n && ok; i++)
    {
      g_autofree char *base = NULL;
      g_autofree char *field = NULL;
      g_autofree char *now = NULL;
      g_autofree char *when = NULL;

      if (!change->has_new[i] || change->pk[i] ||
          sila_field_column_is_bookkeeping (columns[i]) ||
          is_number_column (table, columns[i]))
        continue;

      base = change->has_old[i] ? sila_field_value_encode (&change->old_values[i])
                                : g_strdup ("n");
      field = sila_field_value_encode (&change->new_values[i]);
      now = sila_field_value_encode (&office[i]);
      when = merged_at (m, change->table, item->key, columns[i], now, error);
      if (error != NULL && *error != NULL)
        ok = FALSE;
      if (!ok)
        break;

      switch (sila_field_resolve (base, field, now, when, field_at))
        {
        case SILA_FIELD_SAME:
          break;
        case SILA_FIELD_APPLY:
          g_array_append_val (apply, i);
          ok = remember_change (m, b, change->table, item->key, columns[i], field, field_at,
                                error);
          break;
        case SILA_FIELD_KEEP_OFFICE:
          ok = add_conflict (m, b, "both_changed", change->table, item->key, columns[i], base,
                             field, now, NULL, error);
          break;
        case SILA_FIELD_LATER_FIELD:
          /* Listed the same way whichever bundle came first: the value
           * that stands as the office's, the one that lost as the
           * field's. */
          g_array_append_val (apply, i);
          ok = remember_change (m, b, change->table, item->key, columns[i], field, field_at,
                                error) &&
               add_conflict (m, b, "later_wins", change->table, item->key, columns[i], base,
                             now, field, NULL, error);
          break;
        case SILA_FIELD_LATER_OFFICE:
          ok = add_conflict (m, b, "later_wins", change->table, item->key, columns[i], base,
                             field, now, NULL, error);
          break;
        default:
          break;
        }
    }

  if (ok && apply->len > 0)
    {
      g_autoptr(SilaStatement) stmt = NULL;
      g_autoptr(SilaTransaction) savepoint = NULL;
      SilaFieldSummary saved = b->counts;
      g_autofree char *where = NULL;
      g_autofree char *sql = NULL;
      GString *set = g_string_new (NULL);
      gboolean later = g_strcmp0 (field_at, office_at) > 0;
      int p = 1;

      for (guint k = 0; k < apply->len; k++)
        g_string_append_printf (set, "%s%s = ?%d", k > 0 ? ", " : "",
                                columns[g_array_index (apply, int, k)], p++);
      if (has_column (own, "rev"))
        g_string_append (set, ", rev = rev + 1");
      if (later && has_column (own, "updated_at"))
        g_string_append_printf (set, ", updated_at = ?%d", p++);
      if (later && has_column (own, "updated_by") && column_index (columns, "updated_by") >= 0 &&
          change->has_new[column_index (columns, "updated_by")])
        g_string_append_printf (set, ", updated_by = ?%d", p++);
      where = key_where (change, columns, p);
      sql = g_strdup_printf ("UPDATE %s SET %s%s", change->table, set->str, where);
      g_string_free (set, TRUE);

      if (g_str_equal (change->table, "beneficiaries"))
        {
          before = read_live_file (m, item->key, error);
          ok = !(error != NULL && *error != NULL);
        }

      savepoint = ok ? sila_transaction_begin (m->store, error) : NULL;
      ok = savepoint != NULL;
      stmt = ok ? sila_store_prepare (m->store, sql, error) : NULL;
      ok = stmt != NULL;
      if (ok)
        {
          int q = 1;

          for (guint k = 0; k < apply->len; k++)
            bind_value (stmt, q++, &change->new_values[g_array_index (apply, int, k)]);
          if (later && has_column (own, "updated_at"))
            sila_bind_text (stmt, q++, field_at);
          if (later && has_column (own, "updated_by") &&
              column_index (columns, "updated_by") >= 0 &&
              change->has_new[column_index (columns, "updated_by")])
            bind_value (stmt, q++, &change->new_values[column_index (columns, "updated_by")]);
          bind_key (stmt, change, q);
          ok = sila_store_step (m->store, stmt, error) == SILA_STEP_DONE;
        }
      g_clear_pointer (&stmt, sila_statement_release);

      if (ok && g_str_equal (change->table, "beneficiaries"))
        {
          if (before != NULL)
            ok = sila_store_unindex_beneficiary (m->store, before, error);
          if (ok)
            ok = index_file (m, item->key, error);
        }
      if (ok)
        {
          b->counts.changed++;
          ok = sila_transaction_commit (savepoint, error);
        }
      else if (savepoint != NULL)
        ok = listed_clash (m, b, &savepoint, &saved, change->table, item->key, error);
    }

  free_row (office, n);
  return ok;
}

static gboolean
apply_delete (Merge    *m,
              Item     *item,
              GError  **error)
{
  Bundle *b = item->bundle;
  SilaFieldRow *change = item->change;
  GStrv columns = g_hash_table_lookup (b->columns, change->table);
  g_autoptr(SilaStatement) stmt = NULL;
  g_autoptr(SilaBeneficiary) before = NULL;
  g_autofree char *where = NULL;
  g_autofree char *sql = NULL;
  SilaFieldValue *office;
  gboolean found = FALSE;
  gboolean same = TRUE;
  int n = change->n_columns;

  office = read_office_row (m, change, columns, &found, error);
  if (!found)
    return !(error != NULL && *error != NULL);

  for (int i = 0; i < n && same; i++)
    {
      g_autofree char *old = sila_field_value_encode (&change->old_values[i]);
      g_autofree char *now = sila_field_value_encode (&office[i]);

      if (!sila_field_column_is_bookkeeping (columns[i]))
        same = g_str_equal (old, now);
    }
  free_row (office, n);

  /* Changed at the office since: the office's row stands, listed. */
  if (!same)
    return add_conflict (m, b, "deleted", change->table, item->key, NULL, NULL, NULL, NULL,
                         NULL, error);

  if (g_str_equal (change->table, "beneficiaries"))
    {
      before = read_live_file (m, item->key, error);
      if (before == NULL && error != NULL && *error != NULL)
        return FALSE;
      if (before != NULL && !sila_store_unindex_beneficiary (m->store, before, error))
        return FALSE;
    }

  where = key_where (change, columns, 1);
  sql = g_strdup_printf ("DELETE FROM %s%s", change->table, where);
  stmt = sila_store_prepare (m->store, sql, error);
  if (stmt == NULL)
    return FALSE;
  bind_key (stmt, change, 1);
  if (sila_store_step (m->store, stmt, error) != SILA_STEP_DONE)
    return FALSE;
  b->counts.changed++;
  return TRUE;
}

/* Checking a bundle */

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
      own = office_columns (m, change->table, error);
      if (own == NULL)
        return FALSE;
      for (int c = 0; columns[c] != NULL; c++)
        if (!has_column (own, columns[c]))
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

static Bundle *
open_bundle (Merge       *m,
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
  return b;

fail:
  if (error != NULL && *error != NULL && (*error)->domain == SILA_FIELD_ERROR &&
      (*error)->code != SILA_FIELD_ERROR_ALREADY_MERGED)
    g_prefix_error (error, "%s: ", path);
  bundle_free (b);
  return NULL;
}

/* Order */

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

static GPtrArray *
collect_items (GPtrArray *bundles)
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
          item->key = row_key (change);
          if (change->op == SILA_FIELD_OP_INSERT)
            item->made_at = text_of (change, columns, "created_at", TRUE);
          else if (change->op == SILA_FIELD_OP_UPDATE)
            item->made_at = text_of (change, columns, "updated_at", TRUE);
          if (item->made_at == NULL)
            item->made_at = g_strdup (b->header->made_at);
          g_ptr_array_add (items, item);
        }
    }
  g_ptr_array_sort (items, compare_items);
  return items;
}

/* The laptop's audit entries not copied by an earlier merge of its kit. */
static gboolean
copy_audit (Merge   *m,
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

static gboolean
record_merge (Merge            *m,
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

  summary = g_strdup_printf ("%s · %s · %s", b->header->event, b->header->device_id, officers);
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

gboolean
sila_store_field_merge (SilaStore           *self,
                        const SilaActor     *actor,
                        const char * const  *paths,
                        gboolean             dry_run,
                        SilaFieldSummary    *summary,
                        GError             **error)
{
  g_autoptr(GPtrArray) bundles =
    g_ptr_array_new_with_free_func ((GDestroyNotify)bundle_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(SilaTransaction) tx = NULL;
  g_autofree char *now = sila_clock_timestamp ();
  Merge m = { .store = self, .now = now };
  gboolean ok = TRUE;

  g_return_val_if_fail (SILA_IS_STORE (self), FALSE);

  memset (summary, 0, sizeof *summary);
  if (!sila_store_require (self, actor, SILA_PERM_BENEFICIARY_IMPORT, error))
    return FALSE;

  m.office_columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify)g_ptr_array_unref);

  /* Every bundle is checked, and read to its end, before anything is
   * written: one that cannot be merged leaves the database as it was. */
  for (guint i = 0; paths[i] != NULL && ok; i++)
    {
      Bundle *b = open_bundle (&m, paths[i], seen, error);

      if (b == NULL)
        ok = FALSE;
      else
        g_ptr_array_add (bundles, b);
    }
  if (!ok)
    goto out;

  tx = sila_transaction_begin (self, error);
  if (tx == NULL)
    {
      ok = FALSE;
      goto out;
    }

  items = collect_items (bundles);
  for (guint i = 0; i < items->len && ok; i++)
    {
      Item *item = items->pdata[i];

      if (item->change->op == SILA_FIELD_OP_INSERT)
        ok = apply_insert (&m, item, error);
      else if (item->change->op == SILA_FIELD_OP_UPDATE)
        ok = apply_update (&m, item, error);
    }
  /* Deletions last, children first. */
  for (guint i = items->len; i > 0 && ok; i--)
    {
      Item *item = items->pdata[i - 1];

      if (item->change->op == SILA_FIELD_OP_DELETE)
        ok = apply_delete (&m, item, error);
    }

  for (guint k = 0; k < bundles->len && ok; k++)
    {
      Bundle *b = bundles->pdata[k];

      ok = copy_audit (&m, b, error) && record_merge (&m, actor, b, error);
      summary->files += b->counts.files;
      summary->requests += b->counts.requests;
      summary->responses += b->counts.responses;
      summary->contacts += b->counts.contacts;
      summary->feedback += b->counts.feedback;
      summary->changed += b->counts.changed;
      summary->conflicts += b->counts.conflicts;
      summary->duplicates += b->counts.duplicates;
    }

  if (ok && !dry_run)
    ok = sila_transaction_commit (tx, error);

out:
  g_hash_table_unref (m.office_columns);
  return ok;
}
