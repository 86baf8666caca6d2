/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Is a server database's schema the one Sila Desk made? Read from the
 * server's catalog (pg_catalog) and compared with what this version
 * expects: every table and its columns (name, type family, text compared
 * by code point), the named indexes (the search's GIN index among them),
 * the values UNIQUE constraints keep unique (file and request numbers),
 * the triggers and their functions (the audit trail's refusals of UPDATE,
 * DELETE and TRUNCATE), and the audit trail's rights (no other role may
 * change or empty it).
 *
 * Where the expectation comes from, so that it cannot drift from what
 * `db init` makes:
 * - tables, columns and unique constraints: the store's own migrations,
 *   run in memory when Sila Desk is built (sila-schema-gen writes them
 *   into sila-schema-table.c). A server's tables are SQLite's, table for
 *   table and column for column (tests/test_pg_schema.py holds them so);
 * - what only a server has (the search table and its GIN index, trigger
 *   functions, the triggers on TRUNCATE): sila-pg-schema.sql itself, the
 *   text `db init` runs, read once per process.
 * Making a reference schema on the server instead (a scratch schema, rolled
 * back) would need the right to create schemas, which the desks' role need
 * not have, and costs a `db init` (a few hundred ms) each time.
 *
 * Opening runs the cheap half only: one catalog query for the tables'
 * and columns' names, enough to refuse a database with a table or column
 * missing with a plain message rather than fail later with an SQL error:
 * about 3 ms in all on a fresh connection to a local server (a debug build;
 * most of it the server loading its catalog caches), against 13 to 50 ms
 * for the whole comparison, which `sila check` runs. */
#define G_LOG_DOMAIN "sila-store"

#include "sila-config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sila-pg.h"
#include "sila-pg-schema.h"
#include "sila-store-private.h"
#include "sila-store-schema-private.h"

typedef struct {
  char *name;
  char *table;
  char *detail;      /* an index's method, a trigger's event, a function's body */
  char *extra;       /* a trigger's function */
  gboolean unique;
} Expected;

typedef struct {
  GHashTable *columns;   /* "table" → GHashTable ("column" → type family) */
  GPtrArray  *table_order;
  GPtrArray  *indexes;   /* Expected */
  GPtrArray  *triggers;  /* Expected */
  GPtrArray  *functions; /* Expected */
} Expectation;

static void
expected_free (Expected *e)
{
  g_free (e->name);
  g_free (e->table);
  g_free (e->detail);
  g_free (e->extra);
  g_free (e);
}

static Expected *
expected_new (const char *name,
              const char *table,
              const char *detail,
              const char *extra,
              gboolean    unique)
{
  Expected *e = g_new0 (Expected, 1);

  e->name = g_strdup (name);
  e->table = g_strdup (table);
  e->detail = g_strdup (detail);
  e->extra = g_strdup (extra);
  e->unique = unique;
  return e;
}

/* The family of a type, by SQLite's declared name or PostgreSQL's own: a
 * column whose type stays in its family still holds what Sila Desk
 * writes. */
static const char *
type_family (const char *type)
{
  static const struct { const char *type; const char *family; } families[] = {
    { "INTEGER", "integer" }, { "bigint", "integer" }, { "int8", "integer" },
    { "int4", "integer" }, { "int2", "integer" },
    { "TEXT", "text" }, { "text", "text" }, { "varchar", "text" }, { "bpchar", "text" },
    { "BLOB", "bytes" }, { "bytea", "bytes" },
    { "REAL", "real" }, { "double", "real" }, { "float8", "real" }, { "float4", "real" },
    { "numeric", "real" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (families); i++)
    if (g_ascii_strcasecmp (type, families[i].type) == 0)
      return families[i].family;
  return g_intern_string (type);
}

static void
expect_column (Expectation *x,
               const char  *table,
               const char  *column,
               const char  *type)
{
  GHashTable *columns = g_hash_table_lookup (x->columns, table);

  if (columns == NULL)
    {
      columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_hash_table_insert (x->columns, g_strdup (table), columns);
      g_ptr_array_add (x->table_order, g_strdup (table));
    }
  g_hash_table_replace (columns, g_strdup (column), (gpointer)type_family (type));
}

/* The server-only tables' columns, from their CREATE TABLE in the schema's
 * text: the lines that begin with a column's (lower-case) name. */
static void
expect_sql_table (Expectation *x,
                  const char  *table,
                  const char  *body)
{
  g_auto(GStrv) lines = g_strsplit (body, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) words = g_strsplit_set (g_strstrip (lines[i]), " \t,", -1);
      const char *name = NULL;
      const char *type = NULL;

      for (guint j = 0; words[j] != NULL && type == NULL; j++)
        if (*words[j] == '\0')
          continue;
        else if (name == NULL)
          name = words[j];
        else
          type = words[j];
      if (type == NULL || !g_ascii_islower (name[0]))
        continue;
      expect_column (x, table, name, type);
    }
}

static gboolean
is_expected_name (GPtrArray  *list,
                  const char *name)
{
  for (guint i = 0; i < list->len; i++)
    if (g_str_equal (((Expected *)list->pdata[i])->name, name))
      return TRUE;
  return FALSE;
}

/* The tables and their columns: what opening compares. */
static void
expect_tables (Expectation *x)
{
  const char *sql = sila_pg_schema_sql ();
  const SilaSchemaColumn *columns;
  guint n = 0;

  x->columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                      (GDestroyNotify)g_hash_table_unref);
  x->table_order = g_ptr_array_new_with_free_func (g_free);

  /* The migrations' tables and columns. */
  columns = sila_compiled_columns (&n);
  for (guint i = 0; columns != NULL && i < n; i++)
    expect_column (x, columns[i].table, columns[i].name, columns[i].type);

  /* The key of the database itself, made by sila-pg-store.c. */
  expect_column (x, "sila_meta", "key", "text");
  expect_column (x, "sila_meta", "value", "text");

  /* The tables only a server has (the search's, a full-text index of
   * SQLite's own there), from the text `db init` runs: each CREATE TABLE
   * at the start of a line, to the line that closes it. Scanned by hand,
   * as this runs on every opening. */
  for (const char *p = strstr (sql, "\nCREATE TABLE "); p != NULL;
       p = strstr (p + 1, "\nCREATE TABLE "))
    {
      const char *name = p + strlen ("\nCREATE TABLE ");
      const char *name_end = strchr (name, ' ');
      const char *body_end = strstr (name, "\n);");
      g_autofree char *table = NULL;
      g_autofree char *body = NULL;

      if (name_end == NULL || body_end == NULL)
        break;
      table = g_strndup (name, name_end - name);
      if (g_hash_table_contains (x->columns, table))
        continue;
      body = g_strndup (name_end, body_end - name_end);
      expect_sql_table (x, table, body);
    }
}

/* The rest, for `sila check`: indexes, triggers, functions. */
static void
expect_objects (Expectation *x)
{
  const char *sql = sila_pg_schema_sql ();
  const SilaSchemaColumn *indexes;
  g_autoptr(GRegex) index_re = NULL;
  g_autoptr(GRegex) trigger_re = NULL;
  g_autoptr(GRegex) function_re = NULL;
  g_autoptr(GMatchInfo) m = NULL;
  guint n = 0;

  x->indexes = g_ptr_array_new_with_free_func ((GDestroyNotify)expected_free);
  x->triggers = g_ptr_array_new_with_free_func ((GDestroyNotify)expected_free);
  x->functions = g_ptr_array_new_with_free_func ((GDestroyNotify)expected_free);

  /* The migrations' named indexes. */
  indexes = sila_compiled_indexes (&n);
  for (guint i = 0; indexes != NULL && i < n; i++)
    g_ptr_array_add (x->indexes, expected_new (indexes[i].name, indexes[i].table, NULL, NULL,
                                               *indexes[i].type != '\0'));

  /* What only a server has, from the text `db init` runs. */
  index_re = g_regex_new ("^CREATE (UNIQUE )?INDEX (\\w+) ON (\\w+)(?: USING (\\w+))?",
                          G_REGEX_MULTILINE, 0, NULL);
  trigger_re = g_regex_new ("^CREATE TRIGGER (\\w+) (?:BEFORE|AFTER) (\\w+) ON (\\w+)\\s+"
                            "FOR EACH \\w+ EXECUTE FUNCTION (\\w+)",
                            G_REGEX_MULTILINE, 0, NULL);
  function_re = g_regex_new ("^CREATE FUNCTION (\\w+) \\(\\).*?AS \\$\\$(.*?)\\$\\$",
                             G_REGEX_MULTILINE | G_REGEX_DOTALL, 0, NULL);

  for (g_regex_match (index_re, sql, 0, &m); g_match_info_matches (m); g_match_info_next (m, NULL))
    {
      g_autofree char *unique = g_match_info_fetch (m, 1);
      g_autofree char *name = g_match_info_fetch (m, 2);
      g_autofree char *table = g_match_info_fetch (m, 3);
      g_autofree char *method = g_match_info_fetch (m, 4);

      if (!is_expected_name (x->indexes, name))
        g_ptr_array_add (x->indexes, expected_new (name, table, *method != '\0' ? method : NULL,
                                                   NULL, *unique != '\0'));
      else if (*method != '\0')
        for (guint i = 0; i < x->indexes->len; i++)
          {
            Expected *e = x->indexes->pdata[i];

            if (g_str_equal (e->name, name))
              {
                g_free (e->detail);
                e->detail = g_strdup (method);
              }
          }
    }
  g_clear_pointer (&m, g_match_info_unref);

  for (g_regex_match (trigger_re, sql, 0, &m); g_match_info_matches (m); g_match_info_next (m, NULL))
    {
      g_autofree char *name = g_match_info_fetch (m, 1);
      g_autofree char *event = g_match_info_fetch (m, 2);
      g_autofree char *table = g_match_info_fetch (m, 3);
      g_autofree char *function = g_match_info_fetch (m, 4);

      g_ptr_array_add (x->triggers, expected_new (name, table, event, function, FALSE));
    }
  g_clear_pointer (&m, g_match_info_unref);

  for (g_regex_match (function_re, sql, 0, &m); g_match_info_matches (m);
       g_match_info_next (m, NULL))
    {
      g_autofree char *name = g_match_info_fetch (m, 1);
      g_autofree char *body = g_match_info_fetch (m, 2);

      g_ptr_array_add (x->functions, expected_new (name, NULL, body, NULL, FALSE));
    }
}

/* Built once per process, and never freed: the tables at the first
 * opening, the rest at the first thorough check. */
static const Expectation *
expectation (gboolean thorough)
{
  static Expectation x;
  static gsize tables_once = 0;
  static gsize objects_once = 0;

  if (g_once_init_enter (&tables_once))
    {
      expect_tables (&x);
      g_once_init_leave (&tables_once, 1);
    }
  if (thorough && g_once_init_enter (&objects_once))
    {
      expect_objects (&x);
      g_once_init_leave (&objects_once, 1);
    }
  return &x;
}

/* Rows of a catalog query, each a NULL-terminated GStrv of its columns'
 * texts; NULL on failure. */
static GPtrArray *
query_rows (SilaStore   *self,
            const char  *sql,
            GError     **error)
{
  g_autoptr(SilaStatement) stmt = sila_store_prepare (self, sql, error);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  SilaStep step;

  if (stmt == NULL)
    return NULL;
  while ((step = sila_store_step (self, stmt, error)) == SILA_STEP_ROW)
    {
      int n = sila_column_count (stmt);
      char **row = g_new0 (char *, n + 1);

      for (int i = 0; i < n; i++)
        row[i] = g_strdup (sila_column_text (stmt, i) != NULL ? sila_column_text (stmt, i) : "");
      g_ptr_array_add (rows, row);
    }
  if (step != SILA_STEP_DONE)
    return NULL;
  return g_steal_pointer (&rows);
}

#define IN_SCHEMA "n.nspname = current_schema () "

static gboolean
compare_columns (SilaStore   *self,
                 gboolean     thorough,
                 GPtrArray   *differences,
                 GError     **error)
{
  const Expectation *x = expectation (FALSE);
  g_autoptr(GHashTable) actual = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        (GDestroyNotify)g_strfreev);
  g_autoptr(GHashTable) tables = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) rows = NULL;

  /* Opening reads as few catalogs as it can: names only. */
  if (thorough)
    rows = query_rows (self,
                       "SELECT c.relname::text, a.attname::text, t.typname::text, "
                       "  coalesce (co.collname::text, '') "
                       "FROM pg_catalog.pg_class c "
                       "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                       "JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid "
                       "JOIN pg_catalog.pg_type t ON t.oid = a.atttypid "
                       "LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation "
                       "WHERE " IN_SCHEMA "AND c.relkind IN ('r', 'p') "
                       "AND a.attnum > 0 AND NOT a.attisdropped",
                       error);
  else
    rows = query_rows (self,
                       "SELECT c.relname::text, a.attname::text, '', '' "
                       "FROM pg_catalog.pg_class c "
                       "JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid "
                       "WHERE c.relnamespace = current_schema ()::regnamespace "
                       "AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped",
                       error);
  if (rows == NULL)
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      char **row = rows->pdata[i];

      g_hash_table_add (tables, row[0]);
      g_hash_table_insert (actual, g_strdup_printf ("%s.%s", row[0], row[1]),
                           g_strdupv (row + 2));
    }

  for (guint i = 0; i < x->table_order->len; i++)
    {
      const char *table = x->table_order->pdata[i];
      GHashTable *columns = g_hash_table_lookup (x->columns, table);
      g_autofree const char **names = NULL;
      guint n = 0;

      if (!g_hash_table_contains (tables, table))
        {
          g_ptr_array_add (differences, g_strdup_printf (_("the table “%s” is missing"), table));
          continue;
        }
      names = (const char **)g_hash_table_get_keys_as_array (columns, &n);
      for (guint j = 0; j < n; j++)
        {
          g_autofree char *key = g_strdup_printf ("%s.%s", table, names[j]);
          char **have = g_hash_table_lookup (actual, key);
          const char *family = g_hash_table_lookup (columns, names[j]);

          if (have == NULL)
            g_ptr_array_add (differences,
                             g_strdup_printf (_("the column “%s” is missing"), key));
          else if (!thorough)
            continue;
          else if (g_strcmp0 (type_family (have[0]), family) != 0)
            g_ptr_array_add (differences,
                             g_strdup_printf (_("the column “%s” was changed (its type is %s)"),
                                              key, have[0]));
          else if (g_str_equal (family, "text") && !g_str_equal (table, "sila_meta") &&
                   !g_str_equal (have[1], "C"))
            g_ptr_array_add (differences,
                             g_strdup_printf (_("the column “%s” no longer compares text "
                                                "letter by letter (collation “%s”)"),
                                              key, have[1]));
        }
    }
  return TRUE;
}

static gboolean
compare_indexes (SilaStore   *self,
                 GPtrArray   *differences,
                 GError     **error)
{
  const Expectation *x = expectation (TRUE);
  g_autoptr(GHashTable) by_name = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) unique_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                             NULL);
  g_autoptr(GPtrArray) rows = NULL;
  const SilaSchemaColumn *keys;
  guint n = 0;

  rows = query_rows (self,
                     "SELECT ic.relname::text, tc.relname::text, "
                     "  CASE WHEN i.indisunique THEN 't' ELSE 'f' END, am.amname::text, "
                     "  CASE WHEN i.indisvalid AND i.indisready THEN 't' ELSE 'f' END, "
                     "  CASE WHEN i.indpred IS NULL THEN "
                     "    (SELECT string_agg (pg_catalog.pg_get_indexdef (i.indexrelid, "
                     "       k.ord::int, true), ',' ORDER BY k.ord) "
                     "     FROM generate_series (1, i.indnkeyatts) k (ord)) ELSE '' END "
                     "FROM pg_catalog.pg_index i "
                     "JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid "
                     "JOIN pg_catalog.pg_class tc ON tc.oid = i.indrelid "
                     "JOIN pg_catalog.pg_namespace n ON n.oid = ic.relnamespace "
                     "JOIN pg_catalog.pg_am am ON am.oid = ic.relam "
                     "WHERE " IN_SCHEMA,
                     error);
  if (rows == NULL)
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      char **row = rows->pdata[i];

      g_hash_table_insert (by_name, row[0], row);
      if (g_str_equal (row[2], "t") && g_str_equal (row[4], "t"))
        g_hash_table_add (unique_keys, g_strdup_printf ("%s (%s)", row[1], row[5]));
    }

  for (guint i = 0; i < x->indexes->len; i++)
    {
      const Expected *e = x->indexes->pdata[i];
      char **have = g_hash_table_lookup (by_name, e->name);

      if (have == NULL)
        g_ptr_array_add (differences, g_strdup_printf (_("the index “%s” is missing"), e->name));
      else if (!g_str_equal (have[1], e->table) ||
               g_str_equal (have[2], "t") != e->unique ||
               (e->detail != NULL && !g_str_equal (have[3], e->detail)) ||
               !g_str_equal (have[4], "t"))
        g_ptr_array_add (differences, g_strdup_printf (_("the index “%s” was changed"), e->name));
    }

  keys = sila_compiled_unique_keys (&n);
  for (guint i = 0; keys != NULL && i < n; i++)
    {
      g_autofree char *key = g_strdup_printf ("%s (%s)", keys[i].table, keys[i].name);

      if (!g_hash_table_contains (unique_keys, key))
        g_ptr_array_add (differences,
                         g_strdup_printf (_("nothing keeps the values of %s unique any more"), key));
    }
  return TRUE;
}

static gboolean
compare_triggers (SilaStore   *self,
                  GPtrArray   *differences,
                  GError     **error)
{
  const Expectation *x = expectation (TRUE);
  g_autoptr(GHashTable) triggers = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) functions = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) trigger_rows = NULL;
  g_autoptr(GPtrArray) function_rows = NULL;
  g_autoptr(GPtrArray) rule_rows = NULL;

  /* tgtype's bits: 4 INSERT, 8 DELETE, 16 UPDATE, 32 TRUNCATE. */
  trigger_rows = query_rows (self,
                             "SELECT t.tgname::text, c.relname::text, p.proname::text, "
                             "  CASE WHEN t.tgtype & 4 <> 0 THEN 'INSERT' "
                             "    WHEN t.tgtype & 8 <> 0 THEN 'DELETE' "
                             "    WHEN t.tgtype & 16 <> 0 THEN 'UPDATE' "
                             "    WHEN t.tgtype & 32 <> 0 THEN 'TRUNCATE' ELSE '' END, "
                             "  t.tgenabled::text "
                             "FROM pg_catalog.pg_trigger t "
                             "JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid "
                             "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                             "JOIN pg_catalog.pg_proc p ON p.oid = t.tgfoid "
                             "WHERE " IN_SCHEMA "AND NOT t.tgisinternal ORDER BY 1",
                             error);
  if (trigger_rows == NULL)
    return FALSE;
  function_rows = query_rows (self,
                              "SELECT p.proname::text, p.prosrc FROM pg_catalog.pg_proc p "
                              "JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace "
                              "WHERE " IN_SCHEMA,
                              error);
  if (function_rows == NULL)
    return FALSE;
  for (guint i = 0; i < trigger_rows->len; i++)
    g_hash_table_insert (triggers, ((char **)trigger_rows->pdata[i])[0], trigger_rows->pdata[i]);
  for (guint i = 0; i < function_rows->len; i++)
    g_hash_table_insert (functions, ((char **)function_rows->pdata[i])[0],
                         function_rows->pdata[i]);

  for (guint i = 0; i < x->triggers->len; i++)
    {
      const Expected *e = x->triggers->pdata[i];
      char **have = g_hash_table_lookup (triggers, e->name);

      if (have == NULL)
        g_ptr_array_add (differences, g_strdup_printf (_("the trigger “%s” is missing"), e->name));
      else if (!g_str_equal (have[1], e->table) || !g_str_equal (have[2], e->extra) ||
               !g_str_equal (have[3], e->detail))
        g_ptr_array_add (differences, g_strdup_printf (_("the trigger “%s” was changed"), e->name));
      else if (g_str_equal (have[4], "D"))
        g_ptr_array_add (differences,
                         g_strdup_printf (_("the trigger “%s” is turned off"), e->name));
    }
  /* A trigger planted on one of Sila Desk's tables can drop or rewrite
   * what it writes (an audit entry among them). */
  for (guint i = 0; i < trigger_rows->len; i++)
    {
      char **have = trigger_rows->pdata[i];

      if (g_hash_table_contains (x->columns, have[1]) && !is_expected_name (x->triggers, have[0]))
        g_ptr_array_add (differences, g_strdup_printf (_("an extra trigger “%s”"), have[0]));
    }
  for (guint i = 0; i < x->functions->len; i++)
    {
      const Expected *e = x->functions->pdata[i];
      char **have = g_hash_table_lookup (functions, e->name);

      if (have == NULL)
        g_ptr_array_add (differences,
                         g_strdup_printf (_("the function “%s” is missing"), e->name));
      else if (!g_str_equal (have[1], e->detail))
        g_ptr_array_add (differences,
                         g_strdup_printf (_("the function “%s” was changed"), e->name));
    }
  /* So can a rule (DO INSTEAD NOTHING). */
  rule_rows = query_rows (self,
                          "SELECT r.rulename::text, c.relname::text "
                          "FROM pg_catalog.pg_rewrite r "
                          "JOIN pg_catalog.pg_class c ON c.oid = r.ev_class "
                          "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                          "WHERE " IN_SCHEMA "AND c.relkind IN ('r', 'p') "
                          "ORDER BY 1",
                          error);
  if (rule_rows == NULL)
    return FALSE;
  for (guint i = 0; i < rule_rows->len; i++)
    {
      char **have = rule_rows->pdata[i];

      if (g_hash_table_contains (x->columns, have[1]))
        g_ptr_array_add (differences, g_strdup_printf (_("an extra rule “%s”"), have[0]));
    }
  return TRUE;
}

/* Only the tables' owner may change the audit trail (its trigger then
 * allows the retention redaction alone), and nobody may delete from it or
 * empty it: a right granted to another role, or to everyone, undoes what
 * `db init` revoked. */
static gboolean
compare_audit_rights (SilaStore   *self,
                      GPtrArray   *differences,
                      GError     **error)
{
  g_autoptr(GPtrArray) rows = NULL;

  rows = query_rows (self,
                     "SELECT CASE WHEN r.grantee = 0 THEN 'PUBLIC' "
                     "  ELSE pg_catalog.pg_get_userbyid (r.grantee)::text END, "
                     "  string_agg (r.privilege_type, ', ' ORDER BY r.privilege_type) "
                     "FROM pg_catalog.pg_class c "
                     "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace, "
                     "LATERAL aclexplode (coalesce (c.relacl, acldefault ('r', c.relowner))) r "
                     "WHERE " IN_SCHEMA "AND c.relname = 'audit_log' "
                     "AND r.grantee <> c.relowner "
                     "AND r.privilege_type IN ('UPDATE', 'DELETE', 'TRUNCATE') "
                     "GROUP BY 1 ORDER BY 1",
                     error);
  if (rows == NULL)
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      char **row = rows->pdata[i];

      g_ptr_array_add (differences,
                       g_strdup_printf (_("the role “%s” may change the audit trail (%s)"),
                                        row[0], row[1]));
    }
  return TRUE;
}

/* How the server database's schema differs from what this version of Sila
 * Desk makes: one phrase each, in the UI language; an empty array if none.
 * Not @thorough: the tables and columns only, by name (opening). */
GPtrArray *
sila_pg_schema_differences (SilaStore  *self,
                            gboolean    thorough,
                            GError    **error)
{
  g_autoptr(GPtrArray) differences = g_ptr_array_new_with_free_func (g_free);
  if (!compare_columns (self, thorough, differences, error))
    return NULL;
  if (thorough &&
      (!compare_indexes (self, differences, error) ||
       !compare_triggers (self, differences, error) ||
       !compare_audit_rights (self, differences, error)))
    return NULL;
  return g_steal_pointer (&differences);
}

/* FALSE, with every difference named in @error, unless the server
 * database is as Sila Desk made it (sila_store_check_schema()). */
gboolean
sila_pg_store_check_schema (SilaStore  *self,
                            gboolean    thorough,
                            GError    **error)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GPtrArray) differences = sila_pg_schema_differences (self, thorough, error);
  g_autoptr(GString) described = g_string_new (NULL);

  g_debug ("Server schema compared (%s) in %" G_GINT64_FORMAT " µs",
           thorough ? "all of it" : "tables and columns", g_get_monotonic_time () - start);
  if (differences == NULL)
    return FALSE;
  if (differences->len == 0)
    return TRUE;

  /* All of them for `sila check`; on opening, the first few. */
  if (thorough)
    for (guint i = 0; i < differences->len; i++)
      {
        if (i > 0)
          g_string_append (described, _("; "));
        g_string_append (described, differences->pdata[i]);
      }
  else
    {
      guint shown = MIN (differences->len, 4);

      for (guint i = 0; i < shown; i++)
        {
          if (i > 0)
            g_string_append (described, _("; "));
          g_string_append (described, differences->pdata[i]);
        }
      if (differences->len > shown)
        {
          g_string_append (described, _("; "));
          g_string_append_printf (described,
                                  g_dngettext (GETTEXT_PACKAGE, "and %u more difference",
                                               "and %u more differences",
                                               differences->len - shown),
                                  differences->len - shown);
        }
    }
  g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_NOT_DATABASE,
               _("“%s” is not a Sila Desk database as this version made it: %s. It was changed "
                 "outside Sila Desk, or is not Sila Desk’s. Nothing was changed; restore it "
                 "from a backup."),
               self->path, described->str);
  return FALSE;
}
