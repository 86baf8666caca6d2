/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Moving an office into another database (`sila db copy-to`).
 *
 * Everything goes through the driver seam: rows are read with SELECT * and
 * written with multi-row INSERTs of the same columns, each value bound with
 * the type it was read with. The target is written in one transaction;
 * the source is read in one read transaction, so the copy is one moment's
 * state even if a desk were still saving. What the target derives itself
 * is not copied but rebuilt there, and then compared:
 *
 *  - survey_stats, the running counts behind the survey results, is kept
 *    by triggers on survey_responses and survey_answers: inserting those
 *    rows fills it, and copying it as well would count every answer twice.
 *    Its rows are then compared one by one with the source's.
 *  - beneficiary_search, the search index, is contentless on SQLite (its
 *    tokens cannot be read back) and a tsvector on PostgreSQL: every file
 *    not deleted is indexed again, as saving it does.
 *
 * The audit trail is copied as it is, seq, hashes and all, so its chain
 * holds on the target; the check walks it on both sides. */
#define G_LOG_DOMAIN "sila-store"

#include "sila-config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "sila-audit.h"
#include "sila-store-audit-chain.h"
#include "sila-store-beneficiaries-private.h"
#include "sila-store-copy-private.h"
#include "sila-store-private.h"

/* Bound parameters per INSERT: well under SQLite's 32,766 and
 * PostgreSQL's 65,535. */
#define MAX_PARAMETERS 2000
#define MAX_BATCH_ROWS 100
#define PROGRESS_EVERY 5000

/* Parents before children (REFERENCES), the audit trail last. */
static const char * const copied_tables[] = {
  "meta",
  "office_settings",
  "counters",
  "staff",
  "library_documents",
  "segments",
  "survey_templates",
  "survey_questions",
  "survey_responses",
  "survey_answers",
  "survey_imports",
  "feedback_items",
  "beneficiaries",
  "household_members",
  "beneficiary_incomes",
  "drafts",
  "request_types",
  "document_types",
  "request_type_documents",
  "requests",
  "request_documents",
  "request_document_files",
  "request_events",
  "research_reports",
  "committee_decisions",
  "deliveries",
  "report_approvals",
  "request_imports",
  "imported_requests",
  "contacts",
  "outreach_dismissals",
  "outreach_contacts",
  /* Field work (taken out to events on laptops and merged back): the kits,
   * the merges and what they recorded. */
  "field_kits",
  "field_merges",
  "field_numbers",
  "field_changes",
  "field_conflicts",
  "field_lookup",
  "audit_log",
  NULL
};

static const char * const rebuilt_tables[] = {
  "survey_stats",
  "beneficiary_search",
  NULL
};

const char * const *
sila_store_copy_tables (void)
{
  return copied_tables;
}

const char * const *
sila_store_copy_rebuilt_tables (void)
{
  return rebuilt_tables;
}

void
sila_copy_result_free (SilaCopyResult *result)
{
  if (result == NULL)
    return;
  g_array_unref (result->counts);
  g_ptr_array_unref (result->differences);
  g_free (result);
}

/* Table names come from the lists above, never from input. */
gboolean
sila_store_copy_count_rows (SilaStore   *self,
                            const char  *table,
                            gint64      *count,
                            GError     **error)
{
  g_autoptr(SilaStatement) stmt = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM %s", table);

  stmt = sila_store_prepare (self, sql, error);
  if (stmt == NULL || sila_store_step (self, stmt, error) != SILA_STEP_ROW)
    return FALSE;
  *count = sila_column_int64 (stmt, 0);
  return TRUE;
}

/* The tables of the list that this version's schema has, in the list's
 * order: a database of this version made in memory says which. */
static GPtrArray *
present_tables (SilaStore  *fresh)
{
  GPtrArray *tables = g_ptr_array_new ();

  for (const char * const *t = copied_tables; *t != NULL; t++)
    {
      g_autoptr(SilaStatement) stmt = NULL;
      g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM %s LIMIT 0", *t);

      stmt = sila_store_prepare (fresh, sql, NULL);
      if (stmt != NULL)
        g_ptr_array_add (tables, (gpointer)*t);
    }
  return tables;
}

/* The target */

/* meta is the engine's as well as the office's (a server keeps its data
 * format there): only its keys are merged. */
gboolean
sila_store_copy_is_key_value_table (const char *table)
{
  return g_str_equal (table, "meta");
}

gboolean
sila_store_copy_check_target (SilaStore  *target,
                              GError    **error)
{
  g_autoptr(SilaStore) fresh = NULL;
  g_autoptr(GPtrArray) tables = NULL;
  g_autoptr(GString) held = g_string_new (NULL);
  const char *shown = sila_store_get_path (target);

  g_return_val_if_fail (SILA_IS_STORE (target), FALSE);

  if (sila_store_is_read_only (target))
    {
      g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_READ_ONLY,
                   _("“%s” cannot be written to, so nothing can be copied into it."), shown);
      return FALSE;
    }
  if (sila_store_get_schema_version (target) != sila_store_get_latest_version ())
    {
      g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_INVALID,
                   _("“%s” is at data format %d, this version writes %d: copy into a new "
                     "database made by this version."),
                   shown, sila_store_get_schema_version (target),
                   sila_store_get_latest_version ());
      return FALSE;
    }

  /* What a database of this version holds when it is made: the policy's
   * defaults (segments, request types, the checklist, the survey). A
   * target holding no more than that has nothing anyone would miss. */
  fresh = sila_store_open_in_memory (sila_store_get_latest_version (), error);
  if (fresh == NULL)
    return FALSE;
  tables = present_tables (fresh);

  for (guint i = 0; i < tables->len; i++)
    {
      const char *table = g_ptr_array_index (tables, i);
      gint64 there = 0, made = 0;

      if (sila_store_copy_is_key_value_table (table))
        continue;
      if (!sila_store_copy_count_rows (target, table, &there, error) ||
          !sila_store_copy_count_rows (fresh, table, &made, error))
        return FALSE;
      if (there > made)
        g_string_append_printf (held, "%s%s (%" G_GINT64_FORMAT ")", held->len > 0 ? ", " : "",
                                table, there);
    }

  if (held->len > 0)
    {
      g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_INVALID,
                   _("“%s” already holds an office’s data: %s. Copy only into an empty "
                     "database or one just made for it; nothing was changed."),
                   shown, held->str);
      return FALSE;
    }

  return TRUE;
}

/* Copying one table */

typedef struct {
  SilaStore            *source;
  SilaStore            *target;
  SilaCopyProgressFunc  progress;
  gpointer              user_data;
  SilaCopyResult       *result;
  GPtrArray            *tables;     /* present_tables () */
} CopyJob;

static char *
insert_sql (const char  *table,
            GPtrArray   *columns,
            guint        n_rows,
            gboolean     upsert)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  guint n = 1;

  g_string_append_printf (sql, "INSERT INTO %s (", table);
  for (guint c = 0; c < columns->len; c++)
    g_string_append_printf (sql, "%s%s", c > 0 ? ", " : "",
                            (const char *)g_ptr_array_index (columns, c));
  g_string_append (sql, ") VALUES ");
  for (guint r = 0; r < n_rows; r++)
    {
      g_string_append (sql, r > 0 ? ", (" : "(");
      for (guint c = 0; c < columns->len; c++)
        g_string_append_printf (sql, "%s?%u", c > 0 ? ", " : "", n++);
      g_string_append_c (sql, ')');
    }
  if (upsert)
    g_string_append (sql, " ON CONFLICT (key) DO UPDATE SET value = excluded.value");

  return g_string_free (g_steal_pointer (&sql), FALSE);
}

/* One value read from the source, held until its batch is written. */
typedef struct {
  SilaDbType  type;
  gint64      integer;
  double      real;
  char       *text;
  GBytes     *blob;
} Value;

static void
value_clear (gpointer data)
{
  Value *value = data;

  g_clear_pointer (&value->text, g_free);
  g_clear_pointer (&value->blob, g_bytes_unref);
}

static void
read_value (SilaStatement *stmt,
            int            column,
            Value         *value)
{
  value->type = sila_column_type (stmt, column);
  switch (value->type)
    {
    case SILA_DB_TYPE_INTEGER:
      value->integer = sila_column_int64 (stmt, column);
      break;
    case SILA_DB_TYPE_FLOAT:
      value->real = sila_column_double (stmt, column);
      break;
    case SILA_DB_TYPE_TEXT:
      value->text = g_strdup (sila_column_text (stmt, column));
      break;
    case SILA_DB_TYPE_BLOB:
      {
        gsize size = 0;
        gconstpointer data = sila_column_blob (stmt, column, &size);

        value->blob = g_bytes_new (data, size);
      }
      break;
    case SILA_DB_TYPE_NULL:
    default:
      break;
    }
}

static void
bind_value (SilaStatement *stmt,
            int            index,
            const Value   *value)
{
  switch (value->type)
    {
    case SILA_DB_TYPE_INTEGER:
      sila_bind_int64 (stmt, index, value->integer);
      break;
    case SILA_DB_TYPE_FLOAT:
      sila_bind_double (stmt, index, value->real);
      break;
    case SILA_DB_TYPE_TEXT:
      sila_bind_text (stmt, index, value->text);
      break;
    case SILA_DB_TYPE_BLOB:
      {
        gsize size = 0;
        gconstpointer data = g_bytes_get_data (value->blob, &size);

        /* An empty blob is not NULL. */
        sila_bind_blob (stmt, index, data != NULL ? data : "", size);
      }
      break;
    case SILA_DB_TYPE_NULL:
    default:
      sila_bind_null (stmt, index);
      break;
    }
}

static gboolean
write_batch (CopyJob     *job,
             const char  *table,
             GPtrArray   *columns,
             GArray      *values,
             GError     **error)
{
  g_autoptr(SilaStatement) stmt = NULL;
  g_autofree char *sql = NULL;
  guint n_rows;

  if (values->len == 0)
    return TRUE;

  n_rows = values->len / columns->len;
  sql = insert_sql (table, columns, n_rows, sila_store_copy_is_key_value_table (table));
  stmt = sila_store_prepare (job->target, sql, error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < values->len; i++)
    bind_value (stmt, (int)i + 1, &g_array_index (values, Value, i));
  if (sila_store_step (job->target, stmt, error) != SILA_STEP_DONE)
    return FALSE;

  g_array_set_size (values, 0);
  return TRUE;
}

static gboolean
copy_table (CopyJob     *job,
            const char  *table,
            gint64       total,
            GError     **error)
{
  g_autoptr(SilaStatement) select = NULL;
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) values = g_array_new (FALSE, TRUE, sizeof (Value));
  g_autofree char *sql = NULL;
  gint64 done = 0;
  guint batch_rows;
  int n_columns;
  SilaStep step;

  g_array_set_clear_func (values, value_clear);

  /* The audit trail in the order it was written; the surveys' rows in the
   * order of their random keys, as they are stored, so that nothing on the
   * target tells in which order people answered. */
  if (g_str_equal (table, "audit_log"))
    sql = g_strdup ("SELECT * FROM audit_log ORDER BY seq");
  else
    sql = g_strdup_printf ("SELECT * FROM %s", table);
  select = sila_store_prepare (job->source, sql, error);
  if (select == NULL)
    return FALSE;

  n_columns = sila_column_count (select);
  for (int c = 0; c < n_columns; c++)
    g_ptr_array_add (columns, g_strdup (sila_column_name (select, c)));
  batch_rows = CLAMP (MAX_PARAMETERS / MAX (n_columns, 1), 1, MAX_BATCH_ROWS);

  while ((step = sila_store_step (job->source, select, error)) == SILA_STEP_ROW)
    {
      guint first = values->len;

      g_array_set_size (values, first + n_columns);
      for (int c = 0; c < n_columns; c++)
        read_value (select, c, &g_array_index (values, Value, first + c));

      done++;
      if (values->len / n_columns >= batch_rows && !write_batch (job, table, columns, values,
                                                                  error))
        return FALSE;
      if (job->progress != NULL && done % PROGRESS_EVERY == 0)
        job->progress (table, done, total, job->user_data);
    }
  if (step == SILA_STEP_ERROR || !write_batch (job, table, columns, values, error))
    return FALSE;

  if (job->progress != NULL)
    job->progress (table, done, total, job->user_data);
  job->result->rows += done;
  return TRUE;
}

/* The rows a fresh target was made with (the policy's defaults) give way to
 * the office's own; children first. meta keeps the target's keys and takes
 * the source's. */
static gboolean
clear_defaults (CopyJob  *job,
                GError  **error)
{
  for (guint i = job->tables->len; i-- > 0;)
    {
      const char *table = g_ptr_array_index (job->tables, i);
      gint64 there = 0;

      if (sila_store_copy_is_key_value_table (table))
        continue;
      if (!sila_store_copy_count_rows (job->target, table, &there, error))
        return FALSE;
      if (there > 0)
        {
          g_autofree char *sql = g_strdup_printf ("DELETE FROM %s", table);

          if (!sila_store_exec (job->target, sql, error))
            return FALSE;
        }
    }
  return TRUE;
}

/* Derived data */

static gboolean
rebuild_search (CopyJob  *job,
                GError  **error)
{
  g_autoptr(SilaStatement) ids = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_free);
  SilaStep step;

  ids = sila_store_prepare (job->target,
                            "SELECT id FROM beneficiaries WHERE deleted_at IS NULL "
                            "ORDER BY file_number",
                            error);
  if (ids == NULL)
    return FALSE;
  while ((step = sila_store_step (job->target, ids, error)) == SILA_STEP_ROW)
    g_ptr_array_add (list, sila_column_dup (ids, 0));
  if (step == SILA_STEP_ERROR)
    return FALSE;
  g_clear_pointer (&ids, sila_statement_release);

  for (guint i = 0; i < list->len; i++)
    {
      g_autoptr(SilaBeneficiary) file = NULL;

      file = sila_store_read_beneficiary (job->target, "id = ?1", g_ptr_array_index (list, i),
                                          0, error);
      if (file == NULL || !sila_store_index_beneficiary (job->target, file, NULL, error))
        return FALSE;
      if (job->progress != NULL && ((i + 1) % PROGRESS_EVERY == 0 || i + 1 == list->len))
        job->progress ("beneficiary_search", i + 1, list->len, job->user_data);
    }

  job->result->search_rows = list->len;
  return TRUE;
}


static gboolean
record_copy (CopyJob          *job,
             const SilaActor  *actor,
             const char       *source_name,
             GError          **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *after_json = NULL;
  g_autofree char *head = NULL;

  if (!sila_store_get_audit_head (job->source, &head, error))
    return FALSE;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "copied_from");
  json_builder_add_string_value (builder, source_name);
  json_builder_set_member_name (builder, "rows");
  json_builder_add_int_value (builder, job->result->rows);
  json_builder_set_member_name (builder, "audit_head");
  if (head != NULL)
    json_builder_add_string_value (builder, head);
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  after_json = json_to_string (root, FALSE);

  return sila_store_audit (job->target, actor, SILA_AUDIT_CREATE, SILA_AUDIT_ENTITY_DATABASE,
                           sila_store_get_device_id (job->target), "copy", NULL, after_json,
                           error);
}

/* The copy */

static gboolean
copy_and_check (CopyJob            *job,
                const SilaActor    *actor,
                const char         *source_name,
                SilaCopyVerifyFunc  verify,
                gpointer            user_data,
                GError            **error)
{
  g_autoptr(SilaTransaction) tx = NULL;

  tx = sila_transaction_begin (job->target, error);
  if (tx == NULL)
    return FALSE;

  /* Again inside the write lock: another desk may have started on it. */
  if (!sila_store_copy_check_target (job->target, error) || !clear_defaults (job, error))
    return FALSE;

  for (guint i = 0; i < job->tables->len; i++)
    {
      const char *table = g_ptr_array_index (job->tables, i);
      SilaCopyCount count = { .table = table };

      if (!sila_store_copy_count_rows (job->source, table, &count.source_rows, error) ||
          !copy_table (job, table, count.source_rows, error))
        return FALSE;
      g_array_append_val (job->result->counts, count);
    }
  job->result->audit_entries =
    g_array_index (job->result->counts, SilaCopyCount, job->result->counts->len - 1).source_rows;

  /* The target is the office's database now: its identity is the file's. */
  if (!sila_store_load_device_id (job->target, error) || !rebuild_search (job, error))
    return FALSE;

  {
    SilaCopyCount count = { .table = "survey_stats", .rebuilt = TRUE };

    if (!sila_store_copy_count_rows (job->source, "survey_stats", &count.source_rows, error))
      return FALSE;
    g_array_append_val (job->result->counts, count);
  }

  if (!sila_store_copy_compare (job->source, job->target, job->result, error))
    return FALSE;

  if (verify != NULL &&
      !verify (job->source, job->target, actor, job->result->differences, user_data, error))
    return FALSE;

  /* Anything that differs leaves the target as it was. */
  if (job->result->differences->len > 0)
    return TRUE;

  return record_copy (job, actor, source_name, error) && sila_transaction_commit (tx, error);
}

SilaCopyResult *
sila_store_copy_to (SilaStore            *source,
                    SilaStore            *target,
                    const SilaActor      *actor,
                    const char           *source_name,
                    SilaCopyProgressFunc  progress,
                    SilaCopyVerifyFunc    verify,
                    gpointer              user_data,
                    GError              **error)
{
  g_autoptr(SilaCopyResult) result = g_new0 (SilaCopyResult, 1);
  g_autoptr(SilaStore) fresh = NULL;
  g_autoptr(GPtrArray) tables = NULL;
  CopyJob job = { source, target, progress, NULL, result, NULL };
  gboolean ok;

  g_return_val_if_fail (SILA_IS_STORE (source), NULL);
  g_return_val_if_fail (SILA_IS_STORE (target), NULL);
  g_return_val_if_fail (source != target, NULL);

  job.user_data = user_data;
  result->counts = g_array_new (FALSE, TRUE, sizeof (SilaCopyCount));
  result->differences = g_ptr_array_new_with_free_func (g_free);

  if (!sila_store_require (source, actor, SILA_PERM_BACKUP, error))
    return NULL;

  fresh = sila_store_open_in_memory (sila_store_get_latest_version (), error);
  if (fresh == NULL)
    return NULL;
  tables = present_tables (fresh);
  job.tables = tables;

  /* One read transaction on the source: every table and every figure
   * compared from the same moment. */
  if (!sila_store_exec (source, "BEGIN", error))
    return NULL;
  ok = copy_and_check (&job, actor, source_name, verify, user_data, error);
  sila_store_exec (source, "ROLLBACK", NULL);

  return ok ? g_steal_pointer (&result) : NULL;
}

/* Months */

GStrv
sila_store_request_months (SilaStore        *self,
                           const SilaActor  *actor,
                           GError          **error)
{
  g_autoptr(SilaStatement) stmt = NULL;
  g_autoptr(GStrvBuilder) months = g_strv_builder_new ();
  SilaStep step;

  g_return_val_if_fail (SILA_IS_STORE (self), NULL);

  if (!sila_store_require (self, actor, SILA_PERM_REPORT_VIEW, error))
    return NULL;

  stmt = sila_store_prepare (self,
                             "SELECT DISTINCT substr (received_on, 1, 7) FROM requests "
                             "ORDER BY 1",
                             error);
  if (stmt == NULL)
    return NULL;
  while ((step = sila_store_step (self, stmt, error)) == SILA_STEP_ROW)
    g_strv_builder_add (months, sila_column_text (stmt, 0));
  if (step == SILA_STEP_ERROR)
    return NULL;

  return g_strv_builder_end (months);
}
