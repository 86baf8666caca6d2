/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Is a file's schema exactly the one Sila Desk made? A database or a backup
 * carries its own tables, indexes, triggers and views; one planted trigger
 * can stop the audit trail or grant roles, and a table replaced by an
 * endless view stalls every read. So before anything reads a file's own
 * tables, its sqlite_schema is compared, entry by entry, with that of a
 * fresh database built by the store's own migrations up to the same data
 * format: nothing extra, nothing missing, nothing changed.
 *
 * Reading a file that may be hostile is also bounded in time: a progress
 * handler stops any statement that runs past its deadline. */
#define G_LOG_DOMAIN "sila-store"

#include "sila-config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "sila-sqlite.h"
#include "sila-store-private.h"

typedef struct {
  char *type;
  char *name;
  char *tbl_name;
  char *sql;
} SchemaEntry;

static void
schema_entry_free (SchemaEntry *entry)
{
  g_free (entry->type);
  g_free (entry->name);
  g_free (entry->tbl_name);
  g_free (entry->sql);
  g_free (entry);
}

/* Data format → GHashTable (name → SchemaEntry) of a fresh database. */
static GMutex expected_lock;
static GHashTable *migrated_schemas;

/* Time limits */

static int
deadline_passed_cb (void *data)
{
  SilaDeadline *deadline = data;

  return g_get_monotonic_time () > deadline->until ? 1 : 0;
}

/* From now on, a statement of @db that runs for more than @seconds in all
 * is stopped (SQLITE_INTERRUPT) until sila_deadline_end(). */
void
sila_deadline_begin (sqlite3      *db,
                     SilaDeadline *deadline,
                     int           seconds)
{
  deadline->until = g_get_monotonic_time () + (gint64)seconds * G_USEC_PER_SEC;
  sqlite3_progress_handler (db, 1000, deadline_passed_cb, deadline);
}

void
sila_deadline_end (sqlite3 *db)
{
  sqlite3_progress_handler (db, 0, NULL, NULL);
}

/* Schemas */

/* Reads @db's schema; NULL, with the SQLite result code in @rc, if it
 * cannot. SQLite's own statistics tables are left out: ANALYZE makes them,
 * and they change no behaviour but query plans. */
static GHashTable *
read_schema (sqlite3 *db,
             int     *rc)
{
  g_autoptr(GHashTable) entries = NULL;
  sqlite3_stmt *stmt = NULL;

  *rc = sqlite3_prepare_v2 (db,
                            "SELECT type, name, tbl_name, sql FROM main.sqlite_schema "
                            "WHERE name NOT LIKE 'sqlite\\_stat%' ESCAPE '\\'",
                            -1, &stmt, NULL);
  if (*rc != SQLITE_OK)
    return NULL;

  entries = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                   (GDestroyNotify)schema_entry_free);
  while ((*rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SchemaEntry *entry = g_new0 (SchemaEntry, 1);

      entry->type = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
      entry->name = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
      entry->tbl_name = g_strdup ((const char *)sqlite3_column_text (stmt, 2));
      entry->sql = g_strdup ((const char *)sqlite3_column_text (stmt, 3));
      if (entry->name == NULL)
        entry->name = g_strdup ("");
      g_hash_table_replace (entries, entry->name, entry);
    }
  sqlite3_finalize (stmt);

  if (*rc != SQLITE_DONE)
    return NULL;

  *rc = SQLITE_OK;
  return g_steal_pointer (&entries);
}

/* The schema of a fresh database of data format @version, made once per
 * process through the store's own migrations, in memory. */
static GHashTable *
migrated_schema (int      version,
                 GError **error)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&expected_lock);
  GHashTable *schema;

  if (migrated_schemas == NULL)
    migrated_schemas = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                              (GDestroyNotify)g_hash_table_unref);

  schema = g_hash_table_lookup (migrated_schemas, GINT_TO_POINTER (version));
  if (schema == NULL)
    {
      g_autoptr(SilaStore) fresh = sila_store_open_in_memory (version, error);
      int rc = SQLITE_OK;

      if (fresh == NULL)
        return NULL;
      schema = read_schema (sila_store_get_db (fresh), &rc);
      if (schema == NULL)
        {
          sila_store_set_error (fresh, error, sila_sqlite_failure (rc));
          return NULL;
        }
      g_hash_table_insert (migrated_schemas, GINT_TO_POINTER (version), schema);
    }

  return g_hash_table_ref (schema);
}

/* The compiled schema of @version as a table like read_schema()'s, or NULL
 * if none was compiled for that data format. */
static GHashTable *
compiled_schema (int version)
{
  const SilaSchemaRow *rows;
  GHashTable *entries;
  int compiled_version = -1;
  guint n = 0;

  rows = sila_compiled_schema (&compiled_version, &n);
  if (rows == NULL || compiled_version != version)
    return NULL;

  entries = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                   (GDestroyNotify)schema_entry_free);
  for (guint i = 0; i < n; i++)
    {
      SchemaEntry *entry = g_new0 (SchemaEntry, 1);

      entry->type = g_strdup (rows[i].type);
      entry->name = g_strdup (rows[i].name);
      entry->tbl_name = g_strdup (rows[i].tbl_name);
      entry->sql = g_strdup (rows[i].sql);
      g_hash_table_replace (entries, entry->name, entry);
    }
  return entries;
}

/* Whether @actual holds exactly the entries of @expected. */
static gboolean
same_schema (GHashTable *actual,
             GHashTable *expected)
{
  GHashTableIter iter;
  gpointer key, value;

  if (g_hash_table_size (actual) != g_hash_table_size (expected))
    return FALSE;
  g_hash_table_iter_init (&iter, actual);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const SchemaEntry *have = value;
      const SchemaEntry *want = g_hash_table_lookup (expected, key);

      if (want == NULL || g_strcmp0 (have->type, want->type) != 0 ||
          g_strcmp0 (have->tbl_name, want->tbl_name) != 0 ||
          g_strcmp0 (have->sql, want->sql) != 0)
        return FALSE;
    }
  return TRUE;
}

static char *
describe (const char *kind,
          const char *type,
          const char *name)
{
  /* Each case a whole phrase, so that translations can order their words. */
  if (g_str_equal (kind, "extra"))
    {
      if (g_strcmp0 (type, "table") == 0)
        return g_strdup_printf (_("an extra table “%s”"), name);
      if (g_strcmp0 (type, "index") == 0)
        return g_strdup_printf (_("an extra index “%s”"), name);
      if (g_strcmp0 (type, "trigger") == 0)
        return g_strdup_printf (_("an extra trigger “%s”"), name);
      if (g_strcmp0 (type, "view") == 0)
        return g_strdup_printf (_("an extra view “%s”"), name);
      return g_strdup_printf (_("an extra entry “%s”"), name);
    }
  if (g_str_equal (kind, "missing"))
    {
      if (g_strcmp0 (type, "table") == 0)
        return g_strdup_printf (_("the table “%s” is missing"), name);
      if (g_strcmp0 (type, "index") == 0)
        return g_strdup_printf (_("the index “%s” is missing"), name);
      if (g_strcmp0 (type, "trigger") == 0)
        return g_strdup_printf (_("the trigger “%s” is missing"), name);
      if (g_strcmp0 (type, "view") == 0)
        return g_strdup_printf (_("the view “%s” is missing"), name);
      return g_strdup_printf (_("the entry “%s” is missing"), name);
    }
  if (g_strcmp0 (type, "table") == 0)
    return g_strdup_printf (_("the table “%s” was changed"), name);
  if (g_strcmp0 (type, "index") == 0)
    return g_strdup_printf (_("the index “%s” was changed"), name);
  if (g_strcmp0 (type, "trigger") == 0)
    return g_strdup_printf (_("the trigger “%s” was changed"), name);
  if (g_strcmp0 (type, "view") == 0)
    return g_strdup_printf (_("the view “%s” was changed"), name);
  return g_strdup_printf (_("the entry “%s” was changed"), name);
}

static void
add_difference (GPtrArray  *differences,
                const char *kind,
                const char *type,
                const char *name)
{
  g_autofree char *shown = g_utf8_make_valid (name, -1);

  g_ptr_array_add (differences, describe (kind, type, shown));
}

static int
compare_strings (const void *a,
                 const void *b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

/* The keys of @table, sorted, so that the same file always gets the same
 * message. */
static const char **
sorted_names (GHashTable *table,
              guint      *n)
{
  const char **names = (const char **)g_hash_table_get_keys_as_array (table, n);

  qsort (names, *n, sizeof *names, compare_strings);
  return names;
}

/* How @db's schema differs from that of a fresh database of data format
 * @version: one phrase per table, index, trigger or view that is extra,
 * missing or changed, in the UI language; an empty array if none. NULL,
 * with an error naming @shown, if the schema cannot be read (damaged, or
 * too slow to read). */
GPtrArray *
sila_store_schema_differences (sqlite3     *db,
                               int          version,
                               const char  *shown,
                               GError     **error)
{
  g_autoptr(GHashTable) expected = NULL;
  g_autoptr(GHashTable) actual = NULL;
  g_autoptr(GPtrArray) differences = g_ptr_array_new_with_free_func (g_free);
  g_autofree const char **names = NULL;
  SilaDeadline deadline;
  guint n = 0;
  int rc = SQLITE_OK;

  if (version < 0 || version > sila_store_get_latest_version ())
    {
      g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_NOT_DATABASE,
                   _("“%s” is damaged or incomplete (%s)."), shown, "user_version");
      return NULL;
    }

  sila_deadline_begin (db, &deadline, SILA_DEADLINE_SCHEMA_SECONDS);
  actual = read_schema (db, &rc);
  sila_deadline_end (db);
  if (actual == NULL)
    {
      sila_store_set_file_error (error, rc, db, shown);
      return NULL;
    }

  /* The usual case, a file of the newest format exactly as made: the table
   * compiled from the same migrations says so without running them. Any
   * difference at all is confirmed against the migrations themselves, so a
   * file is never refused on the compiled table's word alone. */
  {
    g_autoptr(GHashTable) compiled = NULL;

    {
      g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&expected_lock);

      if (migrated_schemas == NULL ||
          !g_hash_table_contains (migrated_schemas, GINT_TO_POINTER (version)))
        compiled = compiled_schema (version);
    }
    if (compiled != NULL && same_schema (actual, compiled))
      return g_steal_pointer (&differences);
  }

  expected = migrated_schema (version, error);
  if (expected == NULL)
    return NULL;

  names = sorted_names (actual, &n);
  for (guint i = 0; i < n; i++)
    {
      const SchemaEntry *have = g_hash_table_lookup (actual, names[i]);
      const SchemaEntry *want = g_hash_table_lookup (expected, names[i]);

      if (want == NULL)
        add_difference (differences, "extra", have->type, have->name);
      else if (g_strcmp0 (have->type, want->type) != 0)
        {
          add_difference (differences, "missing", want->type, want->name);
          add_difference (differences, "extra", have->type, have->name);
        }
      else if (g_strcmp0 (have->tbl_name, want->tbl_name) != 0 ||
               g_strcmp0 (have->sql, want->sql) != 0)
        add_difference (differences, "changed", have->type, have->name);
    }
  g_clear_pointer (&names, g_free);

  names = sorted_names (expected, &n);
  for (guint i = 0; i < n; i++)
    if (!g_hash_table_contains (actual, names[i]))
      {
        const SchemaEntry *want = g_hash_table_lookup (expected, names[i]);

        add_difference (differences, "missing", want->type, want->name);
      }

  return g_steal_pointer (&differences);
}

/* The differences as one phrase list for a message: the first few, then
 * how many more. */
char *
sila_store_schema_describe (GPtrArray *differences)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint shown = MIN (differences->len, 4);

  for (guint i = 0; i < shown; i++)
    {
      if (i > 0)
        g_string_append (text, _("; "));
      g_string_append (text, differences->pdata[i]);
    }
  if (differences->len > shown)
    {
      g_string_append (text, _("; "));
      g_string_append_printf (text,
                              g_dngettext (GETTEXT_PACKAGE, "and %u more difference",
                                           "and %u more differences",
                                           differences->len - shown),
                              differences->len - shown);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* An error for SQLite result @rc met while reading the file @shown through
 * @db; SQLITE_INTERRUPT means a time limit was reached. */
void
sila_store_set_file_error (GError     **error,
                           int          rc,
                           sqlite3     *db,
                           const char  *shown)
{
  switch (rc & 0xff)
    {
    case SQLITE_INTERRUPT:
      g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_NOT_DATABASE,
                   _("“%s” took too long to read: it is damaged, or made to stall Sila Desk."),
                   shown);
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_BUSY,
                   _("“%s” is busy; try again in a moment."), shown);
      break;
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
      g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_CANNOT_OPEN,
                   _("“%s” could not be read or written (%s)."), shown, sqlite3_errstr (rc));
      break;
    default:
      g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_NOT_DATABASE,
                   _("“%s” is damaged or incomplete (%s)."), shown,
                   db != NULL && sqlite3_errcode (db) == rc ? sqlite3_errmsg (db)
                                                            : sqlite3_errstr (rc));
      break;
    }
}

/* The compiled schema */

static void
append_c_string (GString    *out,
                 const char *text)
{
  if (text == NULL)
    {
      g_string_append (out, "NULL");
      return;
    }
  g_string_append_c (out, '"');
  for (const unsigned char *p = (const unsigned char *)text; *p != '\0'; p++)
    {
      if (*p == '\\' || *p == '"' || *p == '?')
        g_string_append_printf (out, "\\%c", *p);
      else if (*p == '\n')
        g_string_append (out, "\\n\"\n    \"");
      else if (*p < 0x20 || *p >= 0x7f)
        g_string_append_printf (out, "\\%03o", *p);
      else
        g_string_append_c (out, (char)*p);
    }
  g_string_append_c (out, '"');
}

/* Appends "static const SilaSchemaColumn @name[]" with a row for each row
 * of @sql (two or three text columns; a missing third is NULL). */
static gboolean
write_rows (SilaStore   *fresh,
            GString     *out,
            const char  *name,
            const char  *sql,
            GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (sila_store_get_db (fresh), sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      sila_store_set_error (fresh, error, sila_sqlite_failure (rc));
      return FALSE;
    }
  g_string_append_printf (out, "static const SilaSchemaColumn %s[] = {\n", name);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_string_append (out, "  { ");
      append_c_string (out, (const char *)sqlite3_column_text (stmt, 0));
      g_string_append (out, ", ");
      append_c_string (out, (const char *)sqlite3_column_text (stmt, 1));
      g_string_append (out, ", ");
      if (sqlite3_column_count (stmt) > 2)
        append_c_string (out, (const char *)sqlite3_column_text (stmt, 2));
      else
        g_string_append (out, "NULL");
      g_string_append (out, " },\n");
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      sila_store_set_error (fresh, error, sila_sqlite_failure (rc));
      return FALSE;
    }
  g_string_append (out, "};\n\n");
  return TRUE;
}

/* Appends the columns of every ordinary table of @version's fresh database
 * (not the full-text index, whose tables are SQLite's own), in table and
 * column order: what PostgreSQL's schema check expects of a server, whose
 * tables and columns are these, table for table (tests/test_pg_schema.py);
 * then the values each table's UNIQUE and PRIMARY KEY constraints keep
 * unique (a named index is compared by its name; a column compared with
 * NOCASE is kept unique on a server by an index on lower() of it), and the
 * named indexes, with whether each is UNIQUE. */
static gboolean
write_columns (GString  *out,
               int       version,
               GError  **error)
{
  g_autoptr(SilaStore) fresh = sila_store_open_in_memory (version, error);

  if (fresh == NULL)
    return FALSE;
  if (!write_rows (fresh, out, "columns",
                   "SELECT m.name, p.name, p.type FROM main.sqlite_schema m "
                   "JOIN pragma_table_info (m.name) p "
                   "WHERE m.type = 'table' AND m.sql LIKE 'CREATE TABLE %' "
                   "AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
                   "AND NOT EXISTS (SELECT 1 FROM main.sqlite_schema v "
                   "  WHERE v.type = 'table' AND v.sql LIKE 'CREATE VIRTUAL TABLE %' "
                   "  AND substr (m.name, 1, length (v.name) + 1) = v.name || '_') "
                   "ORDER BY m.name, p.cid",
                   error) ||
      !write_rows (fresh, out, "unique_keys",
                   "SELECT m.name, (SELECT group_concat (name, ',') FROM "
                   "  (SELECT CASE WHEN upper (ii.coll) = 'NOCASE' "
                   "     THEN 'lower(' || ii.name || ')' ELSE ii.name END AS name "
                   "   FROM pragma_index_xinfo (l.name) ii WHERE ii.key "
                   "   ORDER BY ii.seqno)) "
                   "FROM main.sqlite_schema m JOIN pragma_index_list (m.name) l "
                   "WHERE m.type = 'table' AND m.sql LIKE 'CREATE TABLE %' "
                   "AND l.\"unique\" AND l.origin IN ('u', 'pk') "
                   "AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
                   "AND NOT EXISTS (SELECT 1 FROM main.sqlite_schema v "
                   "  WHERE v.type = 'table' AND v.sql LIKE 'CREATE VIRTUAL TABLE %' "
                   "  AND substr (m.name, 1, length (v.name) + 1) = v.name || '_') "
                   "ORDER BY 1, 2",
                   error) ||
      !write_rows (fresh, out, "indexes",
                   "SELECT tbl_name, name, CASE WHEN sql LIKE 'CREATE UNIQUE INDEX %' "
                   "  THEN 'UNIQUE' ELSE '' END FROM main.sqlite_schema "
                   "WHERE type = 'index' AND sql IS NOT NULL ORDER BY name",
                   error))
    return FALSE;

  g_string_append (out,
                   "const SilaSchemaColumn *\n"
                   "sila_compiled_indexes (guint *n_indexes)\n"
                   "{\n"
                   "  *n_indexes = G_N_ELEMENTS (indexes);\n"
                   "  return indexes;\n"
                   "}\n\n"
                   "const SilaSchemaColumn *\n"
                   "sila_compiled_unique_keys (guint *n_keys)\n"
                   "{\n"
                   "  *n_keys = G_N_ELEMENTS (unique_keys);\n"
                   "  return unique_keys;\n"
                   "}\n\n"
                   "const SilaSchemaColumn *\n"
                   "sila_compiled_columns (guint *n_columns)\n"
                   "{\n"
                   "  *n_columns = G_N_ELEMENTS (columns);\n"
                   "  return columns;\n"
                   "}\n");
  return TRUE;
}

/* Writes sila-schema-table.c: the schema of a fresh database of the newest
 * data format, as the migrations make it, in name order, and its tables'
 * columns. */
gboolean
sila_store_schema_write_table (GString  *out,
                               GError  **error)
{
  int version = sila_store_get_latest_version ();
  g_autoptr(GHashTable) schema = migrated_schema (version, error);
  g_autofree const char **names = NULL;
  guint n = 0;

  if (schema == NULL)
    return FALSE;

  names = sorted_names (schema, &n);
  g_string_append (out,
                   "/* Generated by sila-schema-gen from the store's migrations: do not edit. */\n"
                   "#include \"sila-config.h\"\n\n"
                   "#include \"sila-sqlite.h\"\n"
                   "#include \"sila-store-schema-private.h\"\n\n"
                   "static const SilaSchemaRow rows[] = {\n");
  for (guint i = 0; i < n; i++)
    {
      const SchemaEntry *entry = g_hash_table_lookup (schema, names[i]);

      g_string_append (out, "  { ");
      append_c_string (out, entry->type);
      g_string_append (out, ", ");
      append_c_string (out, entry->name);
      g_string_append (out, ", ");
      append_c_string (out, entry->tbl_name);
      g_string_append (out, ",\n    ");
      append_c_string (out, entry->sql);
      g_string_append (out, " },\n");
    }
  g_string_append_printf (out,
                          "};\n\n"
                          "const SilaSchemaRow *\n"
                          "sila_compiled_schema (int   *version,\n"
                          "                      guint *n_rows)\n"
                          "{\n"
                          "  *version = %d;\n"
                          "  *n_rows = G_N_ELEMENTS (rows);\n"
                          "  return rows;\n"
                          "}\n\n",
                          version);
  return write_columns (out, version, error);
}

/* For the tests: the compiled table is exactly what the migrations make
 * today (the build regenerates it whenever the store changes). */
gboolean
sila_store_schema_check_compiled (GError **error)
{
  int version = sila_store_get_latest_version ();
  g_autoptr(GHashTable) compiled = compiled_schema (version);
  g_autoptr(GHashTable) migrated = migrated_schema (version, error);

  if (migrated == NULL)
    return FALSE;
  if (compiled == NULL || !same_schema (compiled, migrated))
    {
      g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_NOT_DATABASE,
                   "The compiled schema is not that of data format %d", version);
      return FALSE;
    }
  return TRUE;
}
