/* SPDX-License-Identifier: GPL-3.0-or-later */
/* After `sila db copy-to` has written every table: the checks that the
 * office arrived whole (row counts, key-value tables, trigger-made
 * statistics, the audit chain), each difference worded for the person who
 * ran the copy. */
#define G_LOG_DOMAIN "sila-store"

#include "sila-config.h"

#include <glib/gi18n-lib.h>

#include "sila-store-audit-chain.h"
#include "sila-store-copy-private.h"
#include "sila-store-private.h"

typedef struct {
  SilaStore      *source;
  SilaStore      *target;
  SilaCopyResult *result;
} Check;

static void
add_difference (SilaCopyResult *result,
                char           *text)
{
  /* A long list helps no one: the first ones say what went wrong. */
  if (result->differences->len < 30)
    g_ptr_array_add (result->differences, text);
  else
    g_free (text);
}

static gboolean
compare_counts (Check    *job,
                GError  **error)
{
  for (guint i = 0; i < job->result->counts->len; i++)
    {
      SilaCopyCount *count = &g_array_index (job->result->counts, SilaCopyCount, i);

      if (!sila_store_copy_count_rows (job->target, count->table, &count->target_rows, error))
        return FALSE;
      if (count->source_rows != count->target_rows &&
          !sila_store_copy_is_key_value_table (count->table) &&
          !g_str_equal (count->table, "counters"))
        add_difference (job->result,
                        g_strdup_printf (_("Table %s: %lld rows in the file, %lld in the "
                                           "copy."),
                                         count->table, (long long)count->source_rows,
                                         (long long)count->target_rows));
    }
  return TRUE;
}

static gboolean
read_key_values (SilaStore   *self,
                 const char  *sql,
                 int          n_key_columns,
                 GHashTable  *into,
                 GError     **error)
{
  g_autoptr(SilaStatement) stmt = sila_store_prepare (self, sql, error);
  SilaStep step;

  if (stmt == NULL)
    return FALSE;
  while ((step = sila_store_step (self, stmt, error)) == SILA_STEP_ROW)
    {
      g_autoptr(GString) key = g_string_new (NULL);

      for (int c = 0; c < n_key_columns; c++)
        {
          const char *part = sila_column_text (stmt, c);

          g_string_append_printf (key, "%s%s", c > 0 ? " / " : "", part != NULL ? part : "");
        }
      g_hash_table_insert (into, g_string_free (g_steal_pointer (&key), FALSE),
                           g_strdup (sila_column_text (stmt, n_key_columns)));
    }
  return step != SILA_STEP_ERROR;
}

/* Every key of @sql's rows (all columns but the last) with the same last
 * column on both sides; with @only_source, keys the target has and the
 * source has not are allowed (meta). */
static gboolean
compare_key_values (Check       *job,
                    const char  *table,
                    const char  *sql,
                    int          n_key_columns,
                    gboolean     only_source,
                    GError     **error)
{
  g_autoptr(GHashTable) there = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) here = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GHashTableIter iter;
  gpointer key, value;

  if (!read_key_values (job->source, sql, n_key_columns, here, error) ||
      !read_key_values (job->target, sql, n_key_columns, there, error))
    return FALSE;

  g_hash_table_iter_init (&iter, here);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *copied = g_hash_table_lookup (there, key);

      if (!g_hash_table_contains (there, key))
        add_difference (job->result,
                        g_strdup_printf (_("Table %s: “%s” is missing from the copy."), table,
                                         (const char *)key));
      else if (g_strcmp0 (copied, value) != 0)
        add_difference (job->result,
                        g_strdup_printf (_("Table %s: “%s” is %s in the file, %s in the copy."),
                                         table, (const char *)key, (const char *)value,
                                         copied));
      g_hash_table_remove (there, key);
    }

  if (!only_source)
    {
      g_hash_table_iter_init (&iter, there);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        add_difference (job->result,
                        g_strdup_printf (_("Table %s: “%s” is in the copy but not in the file."),
                                         table, (const char *)key));
    }
  return TRUE;
}

/* The audit trail's own check on both sides: the same findings (none, for a
 * sound trail) mean that the chain came over whole. */
static gboolean
compare_audit_chains (Check    *job,
                      GError  **error)
{
  g_autoptr(GPtrArray) here = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) there = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *head_here = NULL;
  g_autofree char *head_there = NULL;

  if (!sila_store_verify_audit_trail (job->source, here, error) ||
      !sila_store_verify_audit_trail (job->target, there, error) ||
      !sila_store_get_audit_head (job->source, &head_here, error) ||
      !sila_store_get_audit_head (job->target, &head_there, error))
    return FALSE;

  if (g_strcmp0 (head_here, head_there) != 0)
    add_difference (job->result,
                    g_strdup_printf (_("The audit trail ends at %s in the file but at %s in "
                                       "the copy."),
                                     head_here != NULL ? head_here : "—",
                                     head_there != NULL ? head_there : "—"));

  for (guint i = 0; i < there->len; i++)
    {
      const char *problem = g_ptr_array_index (there, i);
      gboolean known = FALSE;

      for (guint j = 0; j < here->len && !known; j++)
        known = g_str_equal (problem, g_ptr_array_index (here, j));
      if (!known)
        add_difference (job->result,
                        g_strdup_printf (_("The copy’s audit trail: %s"), problem));
    }
  return TRUE;
}

gboolean
sila_store_copy_compare (SilaStore       *source,
                         SilaStore       *target,
                         SilaCopyResult  *result,
                         GError         **error)
{
  Check check = { source, target, result };
  Check *job = &check;

  return compare_counts (job, error) &&
         compare_key_values (job, "meta", "SELECT key, value FROM meta", 1, TRUE, error) &&
         /* A server numbers its audit entries with a counter of its own. */
         compare_key_values (job, "counters", "SELECT name, CAST (next AS TEXT) FROM counters", 1,
                             TRUE, error) &&
         compare_key_values (job, "survey_stats",
                             "SELECT dim, grain, period, dim_value, code, value, "
                             "CAST (n AS TEXT) FROM survey_stats",
                             6, FALSE, error) &&
         compare_audit_chains (job, error);
}
