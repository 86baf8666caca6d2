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

#include <string.h>

#include "sila-clock.h"
#include "sila-request.h"
#include "sila-store-beneficiaries-private.h"
#include "sila-store-field-merge-private.h"

/* File numbers are a counter plus this (sila-store-beneficiaries.c). */
#define FILE_NUMBER_BASE 1000

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
finalize_numbers (Merge                 *m,
                  Bundle                *b,
                  const SilaFieldTable  *table,
                  GStrv                  columns,
                  SilaFieldValue        *values,
                  const char            *key,
                  GError               **error)
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
      i = sila_field_column_index (columns, number->column);
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
  int i = sila_field_column_index (columns, "id_number");
  int dup = sila_field_column_index (columns, "possible_duplicate_of");
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
    int c = sila_field_column_index (columns, "created_at");
    int d = sila_field_column_index (columns, "device_id");

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
      return sila_field_add_conflict (m, b, "duplicate", "beneficiaries", key, "id_number", NULL,
                                      NULL, NULL, existing_id, error);
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
  return sila_field_add_conflict (m, b, "duplicate", "beneficiaries", existing_id, "id_number",
                                  NULL, NULL, NULL, key, error);
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

/* Whether a new row of @table takes final numbers (a counter written
 * before its INSERT). */
static gboolean
has_numbers (const SilaFieldTable *table)
{
  for (guint k = 0; k < G_N_ELEMENTS (table->numbers); k++)
    if (table->numbers[k].column != NULL)
      return TRUE;
  return FALSE;
}

static gboolean
apply_insert (Merge   *m,
              Item    *item,
              GError **error)
{
  Bundle *b = item->bundle;
  SilaFieldRow *change = item->change;
  const SilaFieldTable *table = sila_field_table_lookup (change->table);
  GStrv columns = g_hash_table_lookup (b->columns, change->table);
  g_autoptr(SilaStatement) stmt = NULL;
  g_autoptr(SilaTransaction) savepoint = NULL;
  const char *sql = NULL;
  SilaFieldSummary saved;
  SilaFieldValue *office;
  SilaFieldValue *values;
  gboolean found = FALSE;
  gboolean ok = TRUE;
  int n = change->n_columns;

  office = sila_field_read_office_row (m, b, change, columns, &found, error);
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

          if (change->pk[i] || sila_field_is_number_column (table, columns[i]) ||
              sila_field_column_is_bookkeeping (columns[i]) ||
              g_str_equal (columns[i], "possible_duplicate_of"))
            continue;
          field = sila_field_value_encode (&change->new_values[i]);
          now = sila_field_value_encode (&office[i]);
          if (!g_str_equal (field, now))
            ok = sila_field_add_conflict (m, b, "both_changed", change->table, item->key,
                                          columns[i], NULL, field, now, NULL, error);
        }
      sila_field_free_row (office, n);
      return ok;
    }

  /* A row the office cannot take (another row holds its unique values,
   * or a key it names is gone) is listed, and the rest goes on. A row
   * written by its INSERT alone needs no savepoint: a refused statement
   * is undone by itself on both engines (sila-db.h). One that takes
   * numbers, or a file with its duplicate check, has one. */
  saved = b->counts;
  if (has_numbers (table) || g_str_equal (change->table, "beneficiaries"))
    {
      savepoint = sila_transaction_begin (m->store, error);
      if (savepoint == NULL)
        return FALSE;
    }

  values = g_new0 (SilaFieldValue, n);
  for (int i = 0; i < n; i++)
    sila_field_value_copy (&values[i], &change->new_values[i]);

  ok = finalize_numbers (m, b, table, columns, values, item->key, error);
  if (ok && g_str_equal (change->table, "beneficiaries"))
    ok = check_duplicate (m, b, columns, values, item->key, error);

  if (ok)
    {
      g_autofree char *name = g_strconcat ("I ", change->table, NULL);

      /* The same text for every row of the table, made once per bundle. */
      sql = g_hash_table_lookup (b->sql, name);
      if (sql == NULL)
        {
          g_autofree char *list = g_strjoinv (", ", columns);
          GString *params = g_string_new (NULL);
          char *text;

          for (int i = 0; i < n; i++)
            g_string_append_printf (params, "%s?%d", i > 0 ? ", " : "", i + 1);
          text = g_strdup_printf ("INSERT INTO %s (%s) VALUES (%s)", change->table, list,
                                  params->str);
          g_string_free (params, TRUE);
          g_hash_table_insert (b->sql, g_steal_pointer (&name), text);
          sql = text;
        }
      stmt = sila_store_prepare (m->store, sql, error);
      ok = stmt != NULL;
    }
  if (ok)
    {
      for (int i = 0; i < n; i++)
        sila_field_bind_value (stmt, i + 1, &values[i]);
      ok = sila_store_step (m->store, stmt, error) == SILA_STEP_DONE;
    }
  g_clear_pointer (&stmt, sila_statement_release);
  sila_field_free_row (values, n);

  if (ok)
    {
      count_new (b, table);
      if (savepoint != NULL && !sila_transaction_commit (savepoint, error))
        return FALSE;
      if (g_str_equal (change->table, "beneficiaries"))
        g_ptr_array_add (m->to_index, g_strdup (item->key));
      return TRUE;
    }
  return sila_field_listed_clash (m, b, &savepoint, &saved, change->table, item->key, error);
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
apply_update (Merge   *m,
              Item    *item,
              GError **error)
{
  Bundle *b = item->bundle;
  SilaFieldRow *change = item->change;
  const SilaFieldTable *table = sila_field_table_lookup (change->table);
  GStrv columns = g_hash_table_lookup (b->columns, change->table);
  GPtrArray *own = g_hash_table_lookup (m->office_columns, change->table);
  g_autoptr(GArray) apply = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(SilaBeneficiary) before = NULL;
  g_autofree char *field_at = sila_field_text_of (change, columns, "updated_at", TRUE);
  g_autofree char *office_at = NULL;
  SilaFieldValue *office;
  gboolean found = FALSE;
  gboolean ok = TRUE;
  int n = change->n_columns;

  if (field_at == NULL)
    field_at = g_strdup (b->header->made_at);

  office = sila_field_read_office_row (m, b, change, columns, &found, error);
  if (!found)
    {
      if (error != NULL && *error != NULL)
        return FALSE;
      /* Gone at the office: the field's change is listed, not lost. */
      for (int i = 0; i < n && ok; i++)
        if (change->has_new[i] && !sila_field_column_is_bookkeeping (columns[i]))
          {
            g_autofree char *field = sila_field_value_encode (&change->new_values[i]);

            ok = sila_field_add_conflict (m, b, "deleted", change->table, item->key, columns[i],
                                          NULL, field, NULL, NULL, error);
          }
      return ok;
    }

  {
    int u = sila_field_column_index (columns, "updated_at");

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
          sila_field_is_number_column (table, columns[i]))
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
          ok = sila_field_add_conflict (m, b, "both_changed", change->table, item->key, columns[i],
                                        base, field, now, NULL, error);
          break;
        case SILA_FIELD_LATER_FIELD:
          /* Listed the same way whichever bundle came first: the value
           * that stands as the office's, the one that lost as the
           * field's. */
          g_array_append_val (apply, i);
          ok = remember_change (m, b, change->table, item->key, columns[i], field, field_at,
                                error) &&
               sila_field_add_conflict (m, b, "later_wins", change->table, item->key, columns[i],
                                        base, now, field, NULL, error);
          break;
        case SILA_FIELD_LATER_OFFICE:
          ok = sila_field_add_conflict (m, b, "later_wins", change->table, item->key, columns[i],
                                        base, field, now, NULL, error);
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
      int by = sila_field_column_index (columns, "updated_by");
      gboolean set_by = later && sila_field_has_column (own, "updated_by") && by >= 0 &&
                        change->has_new[by];
      int p = 1;

      for (guint k = 0; k < apply->len; k++)
        g_string_append_printf (set, "%s%s = ?%d", k > 0 ? ", " : "",
                                columns[g_array_index (apply, int, k)], p++);
      if (sila_field_has_column (own, "rev"))
        g_string_append (set, ", rev = rev + 1");
      if (later && sila_field_has_column (own, "updated_at"))
        g_string_append_printf (set, ", updated_at = ?%d", p++);
      if (set_by)
        g_string_append_printf (set, ", updated_by = ?%d", p++);
      where = sila_field_key_where (change, columns, p);
      sql = g_strdup_printf ("UPDATE %s SET %s%s", change->table, set->str, where);
      g_string_free (set, TRUE);

      if (g_str_equal (change->table, "beneficiaries"))
        {
          before = sila_field_read_live_file (m, item->key, error);
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
            sila_field_bind_value (stmt, q++, &change->new_values[g_array_index (apply, int, k)]);
          if (later && sila_field_has_column (own, "updated_at"))
            sila_bind_text (stmt, q++, field_at);
          if (set_by)
            sila_field_bind_value (stmt, q++, &change->new_values[by]);
          sila_field_bind_key (stmt, change, q);
          ok = sila_store_step (m->store, stmt, error) == SILA_STEP_DONE;
        }
      g_clear_pointer (&stmt, sila_statement_release);

      if (ok && g_str_equal (change->table, "beneficiaries"))
        {
          if (before != NULL)
            ok = sila_store_unindex_beneficiary (m->store, before, error);
          if (ok)
            ok = sila_field_index_file (m, item->key, error);
        }
      if (ok)
        {
          b->counts.changed++;
          ok = sila_transaction_commit (savepoint, error);
        }
      else if (savepoint != NULL)
        ok = sila_field_listed_clash (m, b, &savepoint, &saved, change->table, item->key, error);
    }

  sila_field_free_row (office, n);
  return ok;
}

static gboolean
apply_delete (Merge   *m,
              Item    *item,
              GError **error)
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

  office = sila_field_read_office_row (m, b, change, columns, &found, error);
  if (!found)
    return !(error != NULL && *error != NULL);

  for (int i = 0; i < n && same; i++)
    {
      g_autofree char *old = sila_field_value_encode (&change->old_values[i]);
      g_autofree char *now = sila_field_value_encode (&office[i]);

      if (!sila_field_column_is_bookkeeping (columns[i]))
        same = g_str_equal (old, now);
    }
  sila_field_free_row (office, n);

  /* Changed at the office since: the office's row stands, listed. */
  if (!same)
    return sila_field_add_conflict (m, b, "deleted", change->table, item->key, NULL, NULL, NULL,
                                    NULL, NULL, error);

  if (g_str_equal (change->table, "beneficiaries"))
    {
      before = sila_field_read_live_file (m, item->key, error);
      if (before == NULL && error != NULL && *error != NULL)
        return FALSE;
      if (before != NULL && !sila_store_unindex_beneficiary (m->store, before, error))
        return FALSE;
    }

  where = sila_field_key_where (change, columns, 1);
  sql = g_strdup_printf ("DELETE FROM %s%s", change->table, where);
  stmt = sila_store_prepare (m->store, sql, error);
  if (stmt == NULL)
    return FALSE;
  sila_field_bind_key (stmt, change, 1);
  if (sila_store_step (m->store, stmt, error) != SILA_STEP_DONE)
    return FALSE;
  b->counts.changed++;
  return TRUE;
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
    g_ptr_array_new_with_free_func ((GDestroyNotify)sila_field_bundle_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(SilaTransaction) tx = NULL;
  g_autofree char *now = sila_clock_timestamp ();
  Merge m = { .store = self, .now = now };
  gboolean bulk = FALSE;
  gboolean ok = TRUE;

  g_return_val_if_fail (SILA_IS_STORE (self), FALSE);

  memset (summary, 0, sizeof *summary);
  if (!sila_store_require (self, actor, SILA_PERM_BENEFICIARY_IMPORT, error))
    return FALSE;

  m.office_columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify)g_ptr_array_unref);
  m.to_index = g_ptr_array_new_with_free_func (g_free);

  /* Every bundle is checked, and read to its end, before anything is
   * written: one that cannot be merged leaves the database as it was. */
  for (guint i = 0; paths[i] != NULL && ok; i++)
    {
      Bundle *b = sila_field_open_bundle (&m, paths[i], seen, error);

      if (b == NULL)
        ok = FALSE;
      else
        g_ptr_array_add (bundles, b);
    }
  if (!ok)
    goto out;

  sila_store_bulk_write (self, TRUE);
  bulk = TRUE;
  tx = sila_transaction_begin (self, error);
  if (tx == NULL)
    {
      ok = FALSE;
      goto out;
    }

  items = sila_field_collect_items (bundles);
  for (guint i = 0; i < items->len && ok; i++)
    {
      Item *item = items->pdata[i];

      if (item->change->op == SILA_FIELD_OP_INSERT)
        ok = apply_insert (&m, item, error);
      else if (item->change->op == SILA_FIELD_OP_UPDATE)
        ok = sila_field_index_pending (&m, error) && apply_update (&m, item, error);
    }
  ok = ok && sila_field_index_pending (&m, error);
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

      ok = sila_field_copy_audit (&m, b, error) && sila_field_record_merge (&m, actor, b, error);
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
  /* Committed, or rolled back here (a dry run, a failure). */
  g_clear_pointer (&tx, sila_transaction_free);
  if (bulk)
    sila_store_bulk_write (self, FALSE);
  g_hash_table_unref (m.office_columns);
  g_ptr_array_unref (m.to_index);
  return ok;
}
