/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Cached prepared statements, steps that tell a row, the end and a failure
 * apart, and the mapping of SQLite result codes to errors a user can read. */
#define G_LOG_DOMAIN "sila-store"

#include "sila-config.h"

#include <glib/gi18n-lib.h>

#include "sila-store-private.h"

/* Turns an SQLite result code into an error the user can read. */
void
sila_store_set_error (SilaStore  *self,
                      GError    **error,
                      int         rc)
{
  const char *detail = self != NULL && self->db != NULL ? sqlite3_errmsg (self->db)
                                                        : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      g_set_error_literal (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DISK_FULL,
                           _("The disk is full, so nothing was saved. Free some space and "
                             "try again; what you entered is still here."));
      break;

    case SQLITE_READONLY:
      g_set_error_literal (error, SILA_STORE_ERROR, SILA_STORE_ERROR_READ_ONLY,
                           _("The database is read-only, so nothing was saved. What you "
                             "entered is still here."));
      break;

    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error_literal (error, SILA_STORE_ERROR, SILA_STORE_ERROR_BUSY,
                           _("The database is busy saving from another window or desk. "
                             "Nothing was saved; try again in a moment."));
      break;

    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_NOT_DATABASE,
                   _("The database file “%s” is damaged or is not a Sila Desk database. "
                     "Nothing was changed. Restore it from a backup."),
                   self != NULL && self->path != NULL ? self->path : "");
      break;

    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_CANNOT_OPEN,
                   _("The database file “%s” cannot be opened: %s"),
                   self != NULL && self->path != NULL ? self->path : "", detail);
      break;

    case SQLITE_IOERR:
      g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_FAILED,
                   _("The database file could not be read or written (%s). Nothing was "
                     "saved."),
                   detail);
      break;

    case SQLITE_CONSTRAINT:
      if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY)
        g_set_error_literal (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DUPLICATE,
                             _("This record already exists."));
      else
        g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_INVALID,
                     _("The database refused the values: %s"), detail);
      break;

    default:
      g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_FAILED,
                   _("The database reported an error: %s"), detail);
      break;
    }
}

void
sila_statement_release (SilaStatement *stmt)
{
  if (stmt == NULL)
    return;

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

SilaStatement *
sila_store_prepare (SilaStore   *self,
                    const char  *sql,
                    GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SILA_IS_STORE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      sila_store_set_error (self, error, rc);
      sqlite3_finalize (stmt);
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

/* Tells a row, the end of the rows, and a failure apart. */
SilaStep
sila_store_step (SilaStore     *self,
                 SilaStatement *stmt,
                 GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    return SILA_STEP_ROW;
  if (rc == SQLITE_DONE)
    return SILA_STEP_DONE;

  sila_store_set_error (self, error, sqlite3_extended_errcode (self->db));
  sqlite3_reset (stmt);
  return SILA_STEP_ERROR;
}

gboolean
sila_store_exec (SilaStore   *self,
                 const char  *sql,
                 GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      sila_store_set_error (self, error, sqlite3_extended_errcode (self->db));
      return FALSE;
    }

  return TRUE;
}

void
sila_bind_text (SilaStatement *stmt,
                int            index,
                const char    *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

char *
sila_sql_code_list (const char * const *codes)
{
  GString *sql = g_string_new ("(");

  for (guint i = 0; codes[i] != NULL; i++)
    {
      /* Codes are identifiers of the core, never typed text. */
      for (const char *c = codes[i]; *c != '\0'; c++)
        g_assert (g_ascii_islower (*c) || *c == '_');
      g_string_append_printf (sql, "%s'%s'", i > 0 ? ", " : "", codes[i]);
    }
  g_string_append_c (sql, ')');
  return g_string_free (sql, FALSE);
}

char *
sila_column_dup (SilaStatement *stmt,
                 int            column)
{
  return g_strdup ((const char *)sqlite3_column_text (stmt, column));
}
