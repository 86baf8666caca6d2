/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-store"

#include "sila-config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sila-clock.h"
#include "sila-store-private.h"

struct _SilaStore
{
  GObject     parent_instance;

  sqlite3    *db;
  char       *path;
  char       *device_id;
  GHashTable *statements;   /* SQL text → sqlite3_stmt */
  gint64      data_version;
  guint       tx_depth;
  gboolean    read_only;
  gboolean    created;      /* this call made the file */
};

struct _SilaTransaction
{
  SilaStore *store;
  guint      depth;
  gboolean   finished;
};

G_DEFINE_FINAL_TYPE (SilaStore, sila_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (sila-store-error-quark, sila_store_error)

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

static void
sila_store_finalize (GObject *object)
{
  SilaStore *self = (SilaStore *)object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    {
      /* Checkpoint so that the -wal file does not linger beside the database. */
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->device_id, g_free);

  G_OBJECT_CLASS (sila_store_parent_class)->finalize (object);
}

static void
sila_store_class_init (SilaStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sila_store_finalize;
}

static void
sila_store_init (SilaStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
  self->data_version = -1;
}

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
sila_store_set_busy_timeout (SilaStore *self,
                             int        milliseconds)
{
  g_return_if_fail (SILA_IS_STORE (self));

  sqlite3_busy_timeout (self->db, milliseconds);
}

sqlite3 *
sila_store_get_db (SilaStore *self)
{
  g_return_val_if_fail (SILA_IS_STORE (self), NULL);

  return self->db;
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
sila_column_dup (SilaStatement *stmt,
                 int            column)
{
  return g_strdup ((const char *)sqlite3_column_text (stmt, column));
}

/* Transactions */

SilaTransaction *
sila_transaction_begin (SilaStore  *self,
                        GError    **error)
{
  SilaTransaction *tx;
  g_autofree char *sql = NULL;

  g_return_val_if_fail (SILA_IS_STORE (self), NULL);

  if (self->read_only)
    {
      sila_store_set_error (self, error, SQLITE_READONLY);
      return NULL;
    }

  /* IMMEDIATE takes the write lock now, so that a busy database is reported
   * before anything is done rather than at commit. */
  if (self->tx_depth == 0)
    sql = g_strdup ("BEGIN IMMEDIATE");
  else
    sql = g_strdup_printf ("SAVEPOINT sila_%u", self->tx_depth);

  if (!sila_store_exec (self, sql, error))
    return NULL;

  tx = g_new0 (SilaTransaction, 1);
  tx->store = g_object_ref (self);
  tx->depth = self->tx_depth++;

  return tx;
}

gboolean
sila_transaction_commit (SilaTransaction  *tx,
                         GError          **error)
{
  SilaStore *self = tx->store;
  g_autofree char *sql = NULL;

  g_return_val_if_fail (!tx->finished, FALSE);
  g_return_val_if_fail (self->tx_depth == tx->depth + 1, FALSE);

  if (tx->depth == 0)
    sql = g_strdup ("COMMIT");
  else
    sql = g_strdup_printf ("RELEASE sila_%u", tx->depth);

  if (!sila_store_exec (self, sql, error))
    return FALSE; /* sila_transaction_free() rolls back */

  tx->finished = TRUE;
  self->tx_depth--;

  return TRUE;
}

void
sila_transaction_free (SilaTransaction *tx)
{
  if (tx == NULL)
    return;

  if (!tx->finished)
    {
      SilaStore *self = tx->store;

      if (tx->depth == 0)
        sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      else
        {
          g_autofree char *sql = g_strdup_printf ("ROLLBACK TO sila_%u; RELEASE sila_%u",
                                                  tx->depth, tx->depth);
          sqlite3_exec (self->db, sql, NULL, NULL, NULL);
        }
      self->tx_depth = tx->depth;
    }

  g_object_unref (tx->store);
  g_free (tx);
}

/* Opening */

static gboolean
query_int (SilaStore   *self,
           const char  *sql,
           gint64      *value,
           GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *value = sqlite3_column_int64 (stmt, 0);
          rc = SQLITE_OK;
        }
      else if (rc == SQLITE_DONE)
        {
          *value = 0;
          rc = SQLITE_OK;
        }
    }

  if (rc != SQLITE_OK)
    sila_store_set_error (self, error, sqlite3_extended_errcode (self->db));

  sqlite3_finalize (stmt);
  return rc == SQLITE_OK;
}

/* Creates the file ourselves, so that it is born readable by its owner only;
 * SQLite gives its -wal and -shm files the same mode. */
static gboolean
prepare_file (const char          *path,
              SilaStoreOpenFlags   flags,
              gboolean            *exists,
              gboolean            *writable,
              GError             **error)
{
  GStatBuf st;

  if (g_stat (path, &st) == 0)
    {
      if (!S_ISREG (st.st_mode))
        {
          g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_CANNOT_OPEN,
                       _("“%s” is not a file."), path);
          return FALSE;
        }
      if (st.st_uid == getuid () && (st.st_mode & 077) != 0)
        g_chmod (path, st.st_mode & 0700);
      *exists = TRUE;
      *writable = g_access (path, W_OK) == 0;
      return TRUE;
    }

  *exists = FALSE;
  *writable = TRUE;

  if (flags & (SILA_STORE_OPEN_MUST_EXIST | SILA_STORE_OPEN_READ_ONLY))
    {
      g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_NOT_FOUND,
                   _("There is no database at “%s”."), path);
      return FALSE;
    }

  {
    int fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

    if (fd < 0)
      {
        int saved = errno;

        g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_CANNOT_OPEN,
                     _("The database “%s” cannot be created: %s"), path, g_strerror (saved));
        return FALSE;
      }
    close (fd);
  }

  return TRUE;
}

/* A database is ours if it carries our application_id, or is still empty. */
static gboolean
check_identity (SilaStore  *self,
                GError    **error)
{
  gint64 app_id = 0;
  gint64 n_tables = 0;

  if (!query_int (self, "PRAGMA application_id", &app_id, error))
    return FALSE;

  if (app_id == SILA_STORE_APPLICATION_ID)
    return TRUE;

  if (!query_int (self, "SELECT count(*) FROM sqlite_schema", &n_tables, error))
    return FALSE;

  if (app_id == 0 && n_tables == 0)
    return TRUE;

  g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_NOT_DATABASE,
               _("“%s” is a database of another program, not of Sila Desk. Nothing was "
                 "changed."),
               self->path);
  return FALSE;
}

static gboolean
load_device_id (SilaStore  *self,
                GError    **error)
{
  g_autoptr(SilaStatement) stmt = NULL;

  stmt = sila_store_prepare (self, "SELECT value FROM meta WHERE key = 'device_id'", error);
  if (stmt == NULL)
    return FALSE;

  switch (sila_store_step (self, stmt, error))
    {
    case SILA_STEP_ROW:
      self->device_id = sila_column_dup (stmt, 0);
      return TRUE;
    case SILA_STEP_DONE:
      g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_NOT_DATABASE,
                   _("The database file “%s” is damaged or is not a Sila Desk database. "
                     "Nothing was changed. Restore it from a backup."),
                   self->path);
      return FALSE;
    case SILA_STEP_ERROR:
    default:
      return FALSE;
    }
}

static SilaStore *
open_internal (const char          *path,
               SilaStoreOpenFlags   flags,
               int                  target_version,
               GError             **error)
{
  g_autoptr(SilaStore) self = NULL;
  gboolean exists = FALSE;
  gboolean writable = TRUE;
  gint64 version = 0;
  int open_flags;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  if (!prepare_file (path, flags, &exists, &writable, error))
    return NULL;

  self = g_object_new (SILA_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->read_only = !writable || (flags & SILA_STORE_OPEN_READ_ONLY) != 0;
  self->created = !exists;

  open_flags = (self->read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) |
               SQLITE_OPEN_FULLMUTEX;
  rc = sqlite3_open_v2 (path, &self->db, open_flags, NULL);
  if (rc != SQLITE_OK)
    {
      sila_store_set_error (self, error, rc);
      return NULL;
    }

  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 5000);

  if (!check_identity (self, error))
    return NULL;

  if (!query_int (self, "PRAGMA user_version", &version, error))
    return NULL;

  if (version > sila_store_get_latest_version ())
    {
      g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_TOO_NEW,
                   _("“%s” was saved by a newer version of Sila Desk (data format %d; this "
                     "version reads up to %d). Update Sila Desk to open it. Nothing was "
                     "changed."),
                   path, (int)version, sila_store_get_latest_version ());
      return NULL;
    }

  if (!self->read_only)
    {
      /* WAL lets readers go on while one desk writes; FULL makes every
       * acknowledged save survive a power cut. */
      if (!sila_store_exec (self,
                            "PRAGMA journal_mode = WAL;"
                            "PRAGMA synchronous = FULL;",
                            error))
        return NULL;
    }

  /* A 100,000-file register touches many index pages per save and per
   * search: keep up to 16 MiB of them (SQLite's default is 2 MiB). */
  if (!sila_store_exec (self, "PRAGMA foreign_keys = ON; PRAGMA cache_size = -16384;", error))
    return NULL;

  if (version < target_version)
    {
      if (self->read_only)
        {
          g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_READ_ONLY,
                       _("“%s” is read-only and was made by an older version of Sila Desk, "
                         "so it cannot be brought up to date. Nothing was changed."),
                       path);
          return NULL;
        }
      if (!sila_store_migrate (self, target_version, error))
        return NULL;
    }

  if (!load_device_id (self, error))
    return NULL;

  sila_store_poll_external_change (self);

  return g_steal_pointer (&self);
}

/* Opens (or creates) the database at @path and brings its schema up to date.
 * A damaged file, a database of another program or of a newer version of
 * the app is refused with a clear message and left untouched. */
SilaStore *
sila_store_open (const char          *path,
                 SilaStoreOpenFlags   flags,
                 GError             **error)
{
  return open_internal (path, flags, sila_store_get_latest_version (), error);
}

/* Opens an existing database as it is, without bringing it up to date:
 * restore looks at the database it is about to set aside. */
SilaStore *
sila_store_open_unmigrated (const char  *path,
                            GError     **error)
{
  return open_internal (path, SILA_STORE_OPEN_MUST_EXIST, 0, error);
}

SilaStore *
sila_store_open_at_version (const char  *path,
                            int          version,
                            GError     **error)
{
  return open_internal (path, SILA_STORE_OPEN_DEFAULT, version, error);
}

const char *
sila_store_get_path (SilaStore *self)
{
  g_return_val_if_fail (SILA_IS_STORE (self), NULL);

  return self->path;
}

const char *
sila_store_get_device_id (SilaStore *self)
{
  g_return_val_if_fail (SILA_IS_STORE (self), NULL);

  return self->device_id;
}

/* TRUE if opening made a new, empty database. */
gboolean
sila_store_was_created (SilaStore *self)
{
  g_return_val_if_fail (SILA_IS_STORE (self), FALSE);

  return self->created;
}

gboolean
sila_store_is_read_only (SilaStore *self)
{
  g_return_val_if_fail (SILA_IS_STORE (self), TRUE);

  return self->read_only;
}

int
sila_store_get_schema_version (SilaStore *self)
{
  gint64 version = -1;

  g_return_val_if_fail (SILA_IS_STORE (self), -1);

  if (!query_int (self, "PRAGMA user_version", &version, NULL))
    return -1;

  return (int)version;
}

gboolean
sila_store_check_integrity (SilaStore  *self,
                            GError    **error)
{
  g_autoptr(SilaStatement) stmt = NULL;
  g_autofree char *result = NULL;

  stmt = sila_store_prepare (self, "PRAGMA integrity_check(1)", error);
  if (stmt == NULL)
    return FALSE;

  if (sila_store_step (self, stmt, error) != SILA_STEP_ROW)
    return FALSE;

  result = sila_column_dup (stmt, 0);
  if (g_strcmp0 (result, "ok") != 0)
    {
      g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_NOT_DATABASE,
                   _("The database file “%s” is damaged (%s)."), self->path, result);
      return FALSE;
    }

  return TRUE;
}

/* TRUE when another connection (another window, desk or the command line)
 * has committed a change since the last call: views should reload. */
gboolean
sila_store_poll_external_change (SilaStore *self)
{
  gint64 version = 0;
  gboolean changed;

  g_return_val_if_fail (SILA_IS_STORE (self), FALSE);

  if (!query_int (self, "PRAGMA data_version", &version, NULL))
    return FALSE;

  changed = self->data_version >= 0 && version != self->data_version;
  self->data_version = version;

  return changed;
}

/* Permissions: the core's table decides, the store enforces. */

/* The roles @actor holds now, as the database says. A role taken away or an
 * account deactivated on another desk takes effect at the next call,
 * whatever the caller's copy of the actor says; the owner of a database
 * exists only while it has no staff accounts. */
gboolean
sila_store_resolve_roles (SilaStore        *self,
                          const SilaActor  *actor,
                          gboolean          allow_must_change,
                          SilaRole         *roles,
                          GError          **error)
{
  g_autoptr(SilaStatement) stmt = NULL;

  g_return_val_if_fail (SILA_IS_STORE (self), FALSE);

  *roles = SILA_ROLE_NONE;

  if (actor == NULL)
    {
      g_set_error_literal (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DENIED,
                           _("Nobody is signed in."));
      return FALSE;
    }

  if (sila_actor_is_owner (actor))
    {
      g_autoptr(GError) local_error = NULL;
      gint64 n_staff = 0;

      /* Before version 2 there were no accounts at all (no staff table). */
      if (!sila_store_count_staff (self, &n_staff, &local_error))
        {
          if (sila_store_get_schema_version (self) >= 2)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          n_staff = 0;
        }

      if (n_staff > 0)
        {
          g_set_error_literal (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DENIED,
                               _("This database has staff accounts: sign in with your own "
                                 "account."));
          return FALSE;
        }

      *roles = SILA_ROLE_ALL;
      return TRUE;
    }

  stmt = sila_store_prepare (self,
                             "SELECT roles, active, must_change_password FROM staff "
                             "WHERE id = ?1 AND deleted_at IS NULL",
                             error);
  if (stmt == NULL)
    return FALSE;

  sila_bind_text (stmt, 1, actor->id);
  switch (sila_store_step (self, stmt, error))
    {
    case SILA_STEP_ROW:
      break;
    case SILA_STEP_DONE:
      g_set_error_literal (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DENIED,
                           _("Your staff account no longer exists. Sign in again."));
      return FALSE;
    case SILA_STEP_ERROR:
    default:
      return FALSE;
    }

  if (sqlite3_column_int (stmt, 1) == 0)
    {
      g_set_error_literal (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DENIED,
                           _("Your staff account was deactivated. Ask an administrator."));
      return FALSE;
    }

  if (!allow_must_change && sqlite3_column_int (stmt, 2) != 0)
    {
      g_set_error_literal (error, SILA_STORE_ERROR, SILA_STORE_ERROR_PASSWORD_EXPIRED,
                           _("An administrator reset your password: choose a new one before "
                             "you go on."));
      return FALSE;
    }

  *roles = (SilaRole)sqlite3_column_int (stmt, 0);
  return TRUE;
}

gboolean
sila_store_require (SilaStore        *self,
                    const SilaActor  *actor,
                    SilaPermission    permission,
                    GError          **error)
{
  SilaRole roles;

  g_return_val_if_fail (SILA_IS_STORE (self), FALSE);

  if (!sila_store_resolve_roles (self, actor, FALSE, &roles, error))
    return FALSE;

  if (!sila_roles_permit (roles, permission))
    {
      g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DENIED,
                   _("Not allowed: your role does not permit you to %s."),
                   sila_permission_to_display (permission));
      return FALSE;
    }

  return TRUE;
}

gboolean
sila_store_count_staff (SilaStore  *self,
                        gint64     *count,
                        GError    **error)
{
  g_autoptr(SilaStatement) stmt = NULL;

  stmt = sila_store_prepare (self,
                             "SELECT count(*) FROM staff WHERE deleted_at IS NULL",
                             error);
  if (stmt == NULL || sila_store_step (self, stmt, error) != SILA_STEP_ROW)
    return FALSE;

  *count = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* Human numbers (file and request numbers) come from named counters, taken
 * inside the caller's transaction so that a number is never given twice. */
gboolean
sila_store_next_number (SilaStore   *self,
                        const char  *counter,
                        gint64      *number,
                        GError     **error)
{
  g_autoptr(SilaStatement) stmt = NULL;

  g_return_val_if_fail (self->tx_depth > 0, FALSE);

  stmt = sila_store_prepare (self,
                             "INSERT INTO counters (name, next) VALUES (?1, 2) "
                             "ON CONFLICT (name) DO UPDATE SET next = next + 1 "
                             "RETURNING next - 1",
                             error);
  if (stmt == NULL)
    return FALSE;

  sila_bind_text (stmt, 1, counter);
  if (sila_store_step (self, stmt, error) != SILA_STEP_ROW)
    return FALSE;

  *number = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* Audit trail */

gboolean
sila_store_audit (SilaStore        *self,
                  const SilaActor  *actor,
                  const char       *action,
                  const char       *entity,
                  const char       *entity_id,
                  const char       *summary,
                  const char       *before_json,
                  const char       *after_json,
                  GError          **error)
{
  g_autoptr(SilaStatement) stmt = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *now = sila_clock_timestamp ();

  g_return_val_if_fail (actor != NULL, FALSE);

  stmt = sila_store_prepare (self,
                             "INSERT INTO audit_log (id, at, actor_id, actor_name, device_id, "
                             "action, entity, entity_id, summary, before_json, after_json) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                             error);
  if (stmt == NULL)
    return FALSE;

  sila_bind_text (stmt, 1, uuid);
  sila_bind_text (stmt, 2, now);
  sila_bind_text (stmt, 3, actor->id);
  sila_bind_text (stmt, 4, actor->username);
  sila_bind_text (stmt, 5, self->device_id);
  sila_bind_text (stmt, 6, action);
  sila_bind_text (stmt, 7, entity);
  sila_bind_text (stmt, 8, entity_id);
  sila_bind_text (stmt, 9, summary);
  sila_bind_text (stmt, 10, before_json);
  sila_bind_text (stmt, 11, after_json);

  return sila_store_step (self, stmt, error) == SILA_STEP_DONE;
}

/* Tests */

void
sila_store_set_unsynced_for_testing (SilaStore *self)
{
  g_return_if_fail (SILA_IS_STORE (self));

  sqlite3_exec (self->db, "PRAGMA synchronous = OFF", NULL, NULL, NULL);
}

void
sila_store_set_max_pages_for_testing (SilaStore *self,
                                      gint64     pages)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT, pages);

  g_return_if_fail (SILA_IS_STORE (self));

  sqlite3_exec (self->db, sql, NULL, NULL, NULL);
}
