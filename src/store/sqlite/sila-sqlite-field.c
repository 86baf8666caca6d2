/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Field work's SQLite half (sila-store-field-private.h): a kit is a SQLite
 * file (filled through the store from the office, whatever its engine:
 * sila-store-field-kit.c), compacted here; its bundle is a changeset from
 * SQLite's session extension (sqlite3session_diff against the untouched
 * copy kept beside the kit, which survives the laptop's crashes), and
 * reading a changeset back is SQLite's too. Applying it is not: the store
 * does that row by row (sila-store-field-merge.c) on the office's own
 * connection, a file's or a server's. */
#define G_LOG_DOMAIN "sila-store"

/* Debian's sqlite3.h declares the session extension only with these. */
#define SQLITE_ENABLE_SESSION 1
#define SQLITE_ENABLE_PREUPDATE_HOOK 1

#include "sila-config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "sila-clock.h"
#include "sila-sqlite.h"
#include "sila-store-field-private.h"

/* Reading a changeset */

void
sila_field_row_free (SilaFieldRow *change)
{
  if (change == NULL)
    return;
  for (int i = 0; i < change->n_columns; i++)
    {
      sila_field_value_clear (&change->old_values[i]);
      sila_field_value_clear (&change->new_values[i]);
    }
  g_free (change->table);
  g_free (change->pk);
  g_free (change->old_values);
  g_free (change->has_old);
  g_free (change->new_values);
  g_free (change->has_new);
  g_free (change);
}

static void
read_value (sqlite3_value  *v,
            SilaFieldValue *out,
            gboolean       *defined)
{
  *defined = v != NULL;
  out->type = SILA_FIELD_VALUE_NULL;
  if (v == NULL)
    return;

  switch (sqlite3_value_type (v))
    {
    case SQLITE_INTEGER:
      out->type = SILA_FIELD_VALUE_INT;
      out->i = sqlite3_value_int64 (v);
      break;
    case SQLITE_FLOAT:
      out->type = SILA_FIELD_VALUE_FLOAT;
      out->f = sqlite3_value_double (v);
      break;
    case SQLITE_TEXT:
      out->type = SILA_FIELD_VALUE_TEXT;
      out->data = g_bytes_new (sqlite3_value_text (v), (gsize)sqlite3_value_bytes (v));
      break;
    case SQLITE_BLOB:
      out->type = SILA_FIELD_VALUE_BLOB;
      out->data = g_bytes_new (sqlite3_value_blob (v), (gsize)sqlite3_value_bytes (v));
      break;
    default:
      break;
    }
}

static gpointer
changeset_damaged (GError **error)
{
  g_set_error_literal (error, SILA_FIELD_ERROR, SILA_FIELD_ERROR_DAMAGED,
                       _("The return bundle is damaged: its changes cannot be read. Nothing "
                         "was merged."));
  return NULL;
}

GPtrArray *
sila_field_changeset_read (GBytes  *changeset,
                           GError **error)
{
  g_autoptr(GPtrArray) changes =
    g_ptr_array_new_with_free_func ((GDestroyNotify)sila_field_row_free);
  sqlite3_changeset_iter *iter = NULL;
  gsize size = 0;
  const void *data = g_bytes_get_data (changeset, &size);
  int rc;

  if (size == 0)
    return g_steal_pointer (&changes);
  if (size > G_MAXINT ||
      sqlite3changeset_start (&iter, (int)size, (void *)data) != SQLITE_OK)
    return changeset_damaged (error);

  while ((rc = sqlite3changeset_next (iter)) == SQLITE_ROW)
    {
      SilaFieldRow *change = g_new0 (SilaFieldRow, 1);
      const char *table = NULL;
      unsigned char *pk = NULL;
      int n = 0, op = 0, indirect = 0, n_pk = 0;

      g_ptr_array_add (changes, change);
      if (sqlite3changeset_op (iter, &table, &n, &op, &indirect) != SQLITE_OK ||
          sqlite3changeset_pk (iter, &pk, &n_pk) != SQLITE_OK || n <= 0 || n > 200)
        {
          sqlite3changeset_finalize (iter);
          return changeset_damaged (error);
        }

      change->table = g_strdup (table);
      change->n_columns = n;
      change->op = op == SQLITE_INSERT ? SILA_FIELD_OP_INSERT
                 : op == SQLITE_DELETE ? SILA_FIELD_OP_DELETE : SILA_FIELD_OP_UPDATE;
      change->pk = g_new0 (gboolean, n);
      change->old_values = g_new0 (SilaFieldValue, n);
      change->has_old = g_new0 (gboolean, n);
      change->new_values = g_new0 (SilaFieldValue, n);
      change->has_new = g_new0 (gboolean, n);

      for (int i = 0; i < n; i++)
        {
          sqlite3_value *v = NULL;

          change->pk[i] = pk[i] != 0;
          if (change->op != SILA_FIELD_OP_INSERT)
            {
              if (sqlite3changeset_old (iter, i, &v) != SQLITE_OK)
                {
                  sqlite3changeset_finalize (iter);
                  return changeset_damaged (error);
                }
              read_value (v, &change->old_values[i], &change->has_old[i]);
            }
          v = NULL;
          if (change->op != SILA_FIELD_OP_DELETE)
            {
              if (sqlite3changeset_new (iter, i, &v) != SQLITE_OK)
                {
                  sqlite3changeset_finalize (iter);
                  return changeset_damaged (error);
                }
              read_value (v, &change->new_values[i], &change->has_new[i]);
            }
        }
    }

  /* A changeset cut short or garbled ends in SQLITE_CORRUPT, not DONE. */
  if (sqlite3changeset_finalize (iter) != SQLITE_OK || rc != SQLITE_DONE)
    return changeset_damaged (error);

  return g_steal_pointer (&changes);
}

/* Rows that conflict are left out: the benchmark measures the bare apply. */
static int
omit_conflict (void                   *data,
               int                     reason,
               sqlite3_changeset_iter *iter)
{
  return SQLITE_CHANGESET_OMIT;
}

gboolean
sila_field_changeset_apply_raw (SilaStore  *self,
                                GBytes     *changeset,
                                GError    **error)
{
  sqlite3 *db = sila_store_get_db (self);
  gsize size = 0;
  const void *data = g_bytes_get_data (changeset, &size);
  int rc;

  rc = sqlite3changeset_apply (db, (int)size, (void *)data, NULL, omit_conflict, NULL);
  if (rc != SQLITE_OK)
    {
      sila_store_set_file_error (error, rc, db, "changeset");
      return FALSE;
    }
  return TRUE;
}

/* Compacting a kit */

static gboolean
exec_raw (sqlite3     *db,
          const char  *sql,
          GError     **error)
{
  char *message = NULL;
  int rc = sqlite3_exec (db, sql, NULL, NULL, &message);

  if (rc != SQLITE_OK)
    {
      g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_FAILED,
                   _("The field kit could not be made: %s"),
                   message != NULL ? message : sqlite3_errstr (rc));
      sqlite3_free (message);
      return FALSE;
    }
  return TRUE;
}

/* A path as an SQLite URI with @query, for an attachment. */
static char *
file_uri (const char *path,
          const char *query)
{
  GString *uri = g_string_new ("file:");

  for (const char *p = path; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '?' || *p == '#' || (guchar)*p < 0x20)
        g_string_append_printf (uri, "%%%02X", (guchar)*p);
      else
        g_string_append_c (uri, *p);
    }
  g_string_append_printf (uri, "?%s", query);
  return g_string_free (uri, FALSE);
}

gboolean
sila_field_kit_compact (const char  *path,
                        GError     **error)
{
  sqlite3 *db = NULL;
  gboolean ok;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    {
      sila_store_set_file_error (error, sqlite3_errcode (db), db, path);
      sqlite3_close_v2 (db);
      return FALSE;
    }
  ok = exec_raw (db, "VACUUM; PRAGMA wal_checkpoint (TRUNCATE);", error);
  sqlite3_close_v2 (db);
  return ok;
}

/* The bundle */

static char *
meta_value (sqlite3    *db,
            const char *key)
{
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT value FROM main.meta WHERE key = ?1", -1, &stmt, NULL)
      != SQLITE_OK)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

static char *
tables_json (sqlite3 *db)
{
  GString *json = g_string_new ("{");
  guint n = 0;
  const SilaFieldTable *tables = sila_field_tables (&n);

  for (guint i = 0; i < n; i++)
    {
      sqlite3_stmt *stmt = NULL;
      gboolean first = TRUE;

      if (sqlite3_prepare_v2 (db, "SELECT name FROM pragma_table_info (?1, 'main') ORDER BY cid",
                              -1, &stmt, NULL) != SQLITE_OK)
        continue;
      sqlite3_bind_text (stmt, 1, tables[i].name, -1, SQLITE_STATIC);
      g_string_append_printf (json, "%s\"%s\":[", i > 0 ? "," : "", tables[i].name);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          /* Column names are the schema's own: letters and underscores. */
          g_string_append_printf (json, "%s\"%s\"", first ? "" : ",",
                                  (const char *)sqlite3_column_text (stmt, 0));
          first = FALSE;
        }
      g_string_append_c (json, ']');
      sqlite3_finalize (stmt);
    }
  g_string_append_c (json, '}');
  return g_string_free (json, FALSE);
}

/* The laptop's audit entries, for the office to copy in. */
static char *
audit_json (sqlite3 *db,
            gint64  *upto)
{
  GString *json = g_string_new ("[");
  sqlite3_stmt *stmt = NULL;
  static const char * const names[] = {
    "seq", "id", "at", "actor_id", "actor_name", "device_id", "action", "entity", "entity_id",
    "summary", "before_json", "after_json"
  };
  gboolean first = TRUE;

  *upto = 0;
  if (sqlite3_prepare_v2 (db, "SELECT seq, id, at, actor_id, actor_name, device_id, action, "
                              "entity, entity_id, summary, before_json, after_json "
                              "FROM main.audit_log ORDER BY seq", -1, &stmt, NULL) != SQLITE_OK)
    return g_string_free (json, FALSE);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_string_append (json, first ? "{" : ",{");
      first = FALSE;
      *upto = sqlite3_column_int64 (stmt, 0);
      for (int c = 0; c < (int)G_N_ELEMENTS (names); c++)
        {
          g_string_append_printf (json, "%s\"%s\":", c > 0 ? "," : "", names[c]);
          if (c == 0)
            g_string_append_printf (json, "%lld", (long long)sqlite3_column_int64 (stmt, 0));
          else if (sqlite3_column_type (stmt, c) == SQLITE_NULL)
            g_string_append (json, "null");
          else
            {
              const char *text = (const char *)sqlite3_column_text (stmt, c);

              g_string_append_c (json, '"');
              for (const char *p = text; *p != '\0'; p++)
                {
                  if (*p == '"' || *p == '\\')
                    g_string_append_printf (json, "\\%c", *p);
                  else if ((guchar)*p < 0x20)
                    g_string_append_printf (json, "\\u%04x", (guchar)*p);
                  else
                    g_string_append_c (json, *p);
                }
              g_string_append_c (json, '"');
            }
        }
      g_string_append_c (json, '}');
    }
  sqlite3_finalize (stmt);
  g_string_append_c (json, ']');
  return g_string_free (json, FALSE);
}

gboolean
sila_field_kit_diff (const char       *kit_path,
                     const char       *base_path,
                     SilaFieldHeader  *header,
                     GBytes          **changeset,
                     GError          **error)
{
  g_autofree char *uri = file_uri (base_path, "mode=ro&immutable=1");
  g_autofree char *version = NULL;
  sqlite3_session *session = NULL;
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;
  void *data = NULL;
  int size = 0;
  int rc;
  guint n = 0;
  const SilaFieldTable *tables = sila_field_tables (&n);
  char *sql;

  if (!g_file_test (base_path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                   _("The untouched copy of the field kit (%s) is missing: a return bundle "
                     "is written beside the kit it was made with."),
                   base_path);
      return FALSE;
    }

  /* Read-write, so that a laptop killed in the middle of its day gets its
   * journal rolled forward on opening. */
  rc = sqlite3_open_v2 (kit_path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_URI, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_busy_timeout (db, 5000);
      sql = sqlite3_mprintf ("ATTACH %Q AS base", uri);
      rc = sqlite3_exec (db, sql, NULL, NULL, NULL);
      sqlite3_free (sql);
    }
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (db, "BEGIN", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      sila_store_set_file_error (error, rc, db, kit_path);
      sqlite3_close_v2 (db);
      return FALSE;
    }

  header->kit_id = meta_value (db, "field_kit_id");
  header->office_id = meta_value (db, "field_office_id");
  header->event = meta_value (db, "field_event");
  header->device_id = meta_value (db, "device_id");
  if (sqlite3_prepare_v2 (db, "PRAGMA main.user_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    header->schema_version = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  if (header->kit_id == NULL || header->office_id == NULL || header->event == NULL)
    {
      g_set_error_literal (error, SILA_STORE_ERROR, SILA_STORE_ERROR_INVALID,
                           _("This database is not a field kit: a return bundle is written "
                             "from a kit the office made."));
      sqlite3_close_v2 (db);
      return FALSE;
    }

  /* The copy must be of this very kit. */
  if (sqlite3_prepare_v2 (db, "SELECT value FROM base.meta WHERE key = 'field_kit_id'", -1,
                          &stmt, NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    version = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  if (g_strcmp0 (version, header->kit_id) != 0)
    {
      g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_INVALID,
                   _("“%s” is not the untouched copy of this field kit."), base_path);
      sqlite3_close_v2 (db);
      return FALSE;
    }

  rc = sqlite3session_create (db, "main", &session);
  for (guint i = 0; rc == SQLITE_OK && i < n; i++)
    {
      char *message = NULL;

      rc = sqlite3session_attach (session, tables[i].name);
      if (rc == SQLITE_OK)
        rc = sqlite3session_diff (session, "base", tables[i].name, &message);
      /* A kit opened by a newer version since (its tables changed, the
       * copy's did not) cannot be compared with its copy. */
      if (rc != SQLITE_OK)
        {
          g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_INVALID,
                       _("The field kit cannot be compared with its untouched copy (%s: %s): "
                         "write the bundle with the version of Sila Desk the kit was made "
                         "with."),
                       tables[i].name, message != NULL ? message : sqlite3_errstr (rc));
          sqlite3_free (message);
          if (session != NULL)
            sqlite3session_delete (session);
          sqlite3_close_v2 (db);
          return FALSE;
        }
      sqlite3_free (message);
    }
  if (rc == SQLITE_OK)
    rc = sqlite3session_changeset (session, &size, &data);
  if (rc != SQLITE_OK)
    {
      sila_store_set_file_error (error, rc, db, kit_path);
      if (session != NULL)
        sqlite3session_delete (session);
      sqlite3_close_v2 (db);
      return FALSE;
    }

  *changeset = g_bytes_new (data, (gsize)size);
  sqlite3_free (data);
  sqlite3session_delete (session);

  header->tables_json = tables_json (db);
  header->audit_json = audit_json (db, &header->audit_upto);

  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  sqlite3_close_v2 (db);
  return TRUE;
}
