/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Cached prepared statements, steps that tell a row, the end and a failure
 * apart, and the mapping of the driver's failures to errors a user can
 * read. */
#define G_LOG_DOMAIN "sila-store"

#include "sila-config.h"

#include <glib/gi18n-lib.h>

#include "sila-store-private.h"

/* Turns a failure of the driver into an error the user can read. */
void
sila_store_set_error (SilaStore      *self,
                      GError        **error,
                      SilaDbFailure   failure)
{
  const char *detail = self != NULL && self->db != NULL
                       ? self->db->driver->message (self->db) : NULL;

  if (detail == NULL)
    detail = "";

  switch (failure)
    {
    case SILA_DB_FULL:
      g_set_error_literal (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DISK_FULL,
                           _("The disk is full, so nothing was saved. Free some space and "
                             "try again; what you entered is still here."));
      break;

    case SILA_DB_READ_ONLY:
      g_set_error_literal (error, SILA_STORE_ERROR, SILA_STORE_ERROR_READ_ONLY,
                           _("The database is read-only, so nothing was saved. What you "
                             "entered is still here."));
      break;

    case SILA_DB_BUSY:
      g_set_error_literal (error, SILA_STORE_ERROR, SILA_STORE_ERROR_BUSY,
                           _("The database is busy saving from another window or desk. "
                             "Nothing was saved; try again in a moment."));
      break;

    case SILA_DB_CORRUPT:
      g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_NOT_DATABASE,
                   _("The database file “%s” is damaged or is not a Sila Desk database. "
                     "Nothing was changed. Restore it from a backup."),
                   self != NULL && self->path != NULL ? self->path : "");
      break;

    case SILA_DB_CANNOT_OPEN:
      if (self != NULL && self->db != NULL && sila_store_is_on_server (self))
        {
          /* A server that went away, restarted or no longer takes our
           * password, met after opening: one plain message in the UI
           * language, never the server's or libpq's own words (which go to
           * the debug log). The driver connects again at the next call. */
          g_debug ("The server connection failed: %s", detail);
          g_set_error_literal (error, SILA_STORE_ERROR, SILA_STORE_ERROR_CANNOT_OPEN,
                               _("The connection to the office server was lost, so this "
                                 "was not done. Try again in a moment; what you entered is "
                                 "still here."));
          break;
        }
      g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_CANNOT_OPEN,
                   _("The database file “%s” cannot be opened: %s"),
                   self != NULL && self->path != NULL ? self->path : "", detail);
      break;

    case SILA_DB_IO:
      g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_FAILED,
                   _("The database file could not be read or written (%s). Nothing was "
                     "saved."),
                   detail);
      break;

    case SILA_DB_UNIQUE:
      g_set_error_literal (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DUPLICATE,
                           _("This record already exists."));
      break;

    case SILA_DB_CONSTRAINT:
      g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_INVALID,
                   _("The database refused the values: %s"), detail);
      break;

    case SILA_DB_RETRY:
      /* A deadlock or serialization failure on a server, met after the
       * begin's own tries: the whole save was rolled back. */
      g_set_error_literal (error, SILA_STORE_ERROR, SILA_STORE_ERROR_BUSY,
                           _("Another desk was saving the same records at the same moment, so "
                             "nothing was saved. Try again; what you entered is still here."));
      break;

    case SILA_DB_OK:
    case SILA_DB_FAILED:
    case SILA_DB_INTERRUPTED:
    default:
      g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_FAILED,
                   _("The database reported an error: %s"), detail);
      break;
    }
}

void
sila_store_set_db_error (SilaStore  *self,
                         GError    **error)
{
  sila_store_set_error (self, error, self->db->driver->failure (self->db));
}

gint64
sila_store_changes (SilaStore *self)
{
  return self->db->driver->changes (self->db);
}

void
sila_statement_release (SilaStatement *stmt)
{
  if (stmt == NULL)
    return;

  stmt->driver->reset (stmt);
}

SilaStatement *
sila_store_prepare (SilaStore   *self,
                    const char  *sql,
                    GError     **error)
{
  SilaStatement *stmt;

  g_return_val_if_fail (SILA_IS_STORE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      stmt->driver->reset (stmt);
      return stmt;
    }

  stmt = self->db->driver->prepare (self->db, sql);
  if (stmt == NULL)
    {
      sila_store_set_db_error (self, error);
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
  SilaStep step = stmt->driver->step (stmt);

  if (step == SILA_STEP_ERROR)
    sila_store_set_db_error (self, error);
  return step;
}

gboolean
sila_store_exec (SilaStore   *self,
                 const char  *sql,
                 GError     **error)
{
  if (!self->db->driver->exec (self->db, sql))
    {
      sila_store_set_db_error (self, error);
      return FALSE;
    }

  return TRUE;
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
  return g_strdup (sila_column_text (stmt, column));
}

gboolean
sila_store_step_text (SilaStore      *self,
                      SilaStatement  *stmt,
                      char          **text,
                      GError        **error)
{
  *text = NULL;
  switch (sila_store_step (self, stmt, error))
    {
    case SILA_STEP_ROW:
      *text = sila_column_dup (stmt, 0);
      return TRUE;
    case SILA_STEP_DONE:
      return TRUE;
    case SILA_STEP_ERROR:
    default:
      return FALSE;
    }
}
