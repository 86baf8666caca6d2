/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-store"

#include "sila-config.h"

#include <glib/gi18n-lib.h>

#include "sila-clock.h"
#include "sila-paths.h"
#include "sila-store-drafts.h"
#include "sila-store-private.h"

/* Where drafts live. In an SQLite file, in its own `drafts` table, so that
 * a save and the dropping of its draft are one transaction. On a server,
 * in a small SQLite file of this desk instead: a half-typed form must
 * survive the server going away (or refusing us, or restarting), which is
 * exactly when a draft in the server's table could be neither written nor
 * read. The file holds only the drafts table, sits in the user's private
 * data folder (0700, the file 0600) and is named from the server's address
 * (without any password) so that two offices' drafts never mix. */

static const char local_drafts_sql[] =
  "CREATE TABLE IF NOT EXISTS drafts ("
  "  id         TEXT PRIMARY KEY,"
  "  kind       TEXT NOT NULL,"
  "  entity_id  TEXT,"
  "  actor_name TEXT NOT NULL,"
  "  device_id  TEXT NOT NULL,"
  "  summary    TEXT,"
  "  content    TEXT NOT NULL,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL"
  ");"
  "CREATE INDEX IF NOT EXISTS drafts_actor ON drafts (actor_name, kind, updated_at);";

char *
sila_store_local_drafts_path (SilaStore *self)
{
  g_autofree char *dir = NULL;
  g_autofree char *hash = NULL;
  g_autoptr(GString) name = NULL;
  const char *location;

  g_return_val_if_fail (SILA_IS_STORE (self), NULL);

  if (!sila_store_is_on_server (self))
    return NULL;

  /* Readable enough to be recognized in the folder, and a hash of the
   * whole address so that two servers whose addresses read alike never
   * share a file. */
  location = sila_store_get_path (self);
  name = g_string_new ("drafts-");
  for (const char *c = location; *c != '\0' && name->len < 48; c++)
    g_string_append_c (name, g_ascii_isalnum (*c) || *c == '.' || *c == '-' ? *c : '_');
  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, location, -1);
  g_string_append_printf (name, "-%.16s.sqlite", hash);

  dir = sila_paths_get_data_dir ();
  return g_build_filename (dir, "drafts", name->str, NULL);
}

/* The store whose `drafts` table holds this desk's drafts: @self on a
 * file, the local file (made at its first use) on a server. */
static SilaStore *
drafts_store (SilaStore  *self,
              GError    **error)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *drafts_dir = NULL;
  g_autoptr(SilaStore) local = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!sila_store_is_on_server (self))
    return self;
  if (self->local_drafts != NULL)
    return self->local_drafts;

  path = sila_store_local_drafts_path (self);
  dir = sila_paths_get_data_dir ();
  drafts_dir = g_path_get_dirname (path);
  if (!sila_paths_ensure_private_dir (dir, &local_error) ||
      !sila_paths_ensure_private_dir (drafts_dir, &local_error))
    {
      g_set_error_literal (error, SILA_STORE_ERROR, SILA_STORE_ERROR_CANNOT_OPEN,
                           local_error->message);
      return NULL;
    }

  local = sila_sqlite_store_open_local (path, error);
  if (local == NULL || !sila_store_exec (local, local_drafts_sql, error))
    return NULL;

  self->local_drafts = g_steal_pointer (&local);
  return self->local_drafts;
}

void
sila_draft_free (SilaDraft *draft)
{
  if (draft == NULL)
    return;
  g_free (draft->id);
  g_free (draft->kind);
  g_free (draft->entity_id);
  g_free (draft->summary);
  g_free (draft->content);
  g_free (draft->created_at);
  g_free (draft->updated_at);
  g_free (draft);
}

/* What the draft is for decides who may keep one. */
static gboolean
require_for_kind (SilaStore        *self,
                  const SilaActor  *actor,
                  const char       *kind,
                  GError          **error)
{
  if (g_strcmp0 (kind, SILA_DRAFT_KIND_BENEFICIARY) == 0)
    return sila_store_require (self, actor, SILA_PERM_BENEFICIARY_EDIT, error);
  if (g_strcmp0 (kind, SILA_DRAFT_KIND_REQUEST) == 0)
    return sila_store_require (self, actor, SILA_PERM_REQUEST_OPEN, error);

  /* Other kinds (requests, surveys…) need at least a signed-in actor. */
  if (actor == NULL)
    return sila_store_require (self, actor, SILA_PERM_BENEFICIARY_EDIT, error);
  return TRUE;
}

gboolean
sila_store_save_draft (SilaStore        *self,
                       const SilaActor  *actor,
                       const char       *kind,
                       const char       *entity_id,
                       const char       *summary,
                       const char       *content,
                       char            **draft_id,
                       GError          **error)
{
  g_autoptr(SilaTransaction) tx = NULL;
  g_autoptr(SilaStatement) stmt = NULL;
  g_autofree char *now = NULL;
  g_autofree char *new_id = NULL;
  SilaStore *store;

  g_return_val_if_fail (SILA_IS_STORE (self), FALSE);
  g_return_val_if_fail (kind != NULL && content != NULL && draft_id != NULL, FALSE);

  if (!require_for_kind (self, actor, kind, error))
    return FALSE;
  store = drafts_store (self, error);
  if (store == NULL)
    return FALSE;

  now = sila_clock_timestamp ();
  tx = sila_transaction_begin (store, error);
  if (tx == NULL)
    return FALSE;

  if (*draft_id != NULL)
    {
      stmt = sila_store_prepare (store,
                                 "UPDATE drafts SET content = ?2, summary = ?3, updated_at = ?4 "
                                 "WHERE id = ?1 AND actor_name = ?5",
                                 error);
      if (stmt == NULL)
        return FALSE;
      sila_bind_text (stmt, 1, *draft_id);
      sila_bind_text (stmt, 2, content);
      sila_bind_text (stmt, 3, summary);
      sila_bind_text (stmt, 4, now);
      sila_bind_text (stmt, 5, actor->username);
      if (sila_store_step (store, stmt, error) != SILA_STEP_DONE)
        return FALSE;
      if (sila_store_changes (store) > 0)
        return sila_transaction_commit (tx, error);
      /* Gone (saved or discarded from another window): start it again,
       * under the same id, rather than lose what is being typed. */
      g_clear_pointer (&stmt, sila_statement_release);
      new_id = g_strdup (*draft_id);
    }
  else
    new_id = g_uuid_string_random ();

  stmt = sila_store_prepare (store,
                             "INSERT INTO drafts (id, kind, entity_id, actor_name, device_id, "
                             "summary, content, created_at, updated_at) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
                             error);
  if (stmt == NULL)
    return FALSE;
  sila_bind_text (stmt, 1, new_id);
  sila_bind_text (stmt, 2, kind);
  sila_bind_text (stmt, 3, entity_id);
  sila_bind_text (stmt, 4, actor->username);
  sila_bind_text (stmt, 5, sila_store_get_device_id (self));
  sila_bind_text (stmt, 6, summary);
  sila_bind_text (stmt, 7, content);
  sila_bind_text (stmt, 8, now);
  if (sila_store_step (store, stmt, error) != SILA_STEP_DONE ||
      !sila_transaction_commit (tx, error))
    return FALSE;

  if (*draft_id == NULL)
    *draft_id = g_steal_pointer (&new_id);
  return TRUE;
}

static SilaDraft *
draft_from_row (SilaStatement *stmt)
{
  SilaDraft *draft = g_new0 (SilaDraft, 1);

  draft->id = sila_column_dup (stmt, 0);
  draft->kind = sila_column_dup (stmt, 1);
  draft->entity_id = sila_column_dup (stmt, 2);
  draft->summary = sila_column_dup (stmt, 3);
  draft->content = sila_column_dup (stmt, 4);
  draft->created_at = sila_column_dup (stmt, 5);
  draft->updated_at = sila_column_dup (stmt, 6);
  return draft;
}

GPtrArray *
sila_store_list_drafts (SilaStore        *self,
                        const SilaActor  *actor,
                        const char       *kind,
                        GError          **error)
{
  g_autoptr(SilaStatement) stmt = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  SilaStore *store;
  SilaStep step;

  g_return_val_if_fail (SILA_IS_STORE (self), NULL);

  if (!require_for_kind (self, actor, kind, error))
    return NULL;
  store = drafts_store (self, error);
  if (store == NULL)
    return NULL;

  stmt = sila_store_prepare (store,
                             "SELECT id, kind, entity_id, summary, content, created_at, "
                             "updated_at FROM drafts WHERE actor_name = ?1 AND kind = ?2 "
                             "ORDER BY updated_at DESC",
                             error);
  if (stmt == NULL)
    return NULL;
  sila_bind_text (stmt, 1, actor->username);
  sila_bind_text (stmt, 2, kind);

  drafts = g_ptr_array_new_with_free_func ((GDestroyNotify)sila_draft_free);
  while ((step = sila_store_step (store, stmt, error)) == SILA_STEP_ROW)
    g_ptr_array_add (drafts, draft_from_row (stmt));
  if (step == SILA_STEP_ERROR)
    return NULL;

  return g_steal_pointer (&drafts);
}

SilaDraft *
sila_store_get_draft (SilaStore        *self,
                      const SilaActor  *actor,
                      const char       *draft_id,
                      GError          **error)
{
  g_autoptr(SilaStatement) stmt = NULL;
  SilaDraft *draft;
  SilaStore *store;

  g_return_val_if_fail (SILA_IS_STORE (self), NULL);

  store = drafts_store (self, error);
  if (store == NULL)
    return NULL;
  stmt = sila_store_prepare (store,
                             "SELECT id, kind, entity_id, summary, content, created_at, "
                             "updated_at FROM drafts WHERE id = ?1",
                             error);
  if (stmt == NULL)
    return NULL;
  sila_bind_text (stmt, 1, draft_id);

  switch (sila_store_step (store, stmt, error))
    {
    case SILA_STEP_ROW:
      draft = draft_from_row (stmt);
      break;
    case SILA_STEP_DONE:
      g_set_error_literal (error, SILA_STORE_ERROR, SILA_STORE_ERROR_NOT_FOUND,
                           _("This draft is no longer there: it was saved or discarded."));
      return NULL;
    case SILA_STEP_ERROR:
    default:
      return NULL;
    }

  if (!require_for_kind (self, actor, draft->kind, error))
    {
      sila_draft_free (draft);
      return NULL;
    }
  return draft;
}

gboolean
sila_store_drop_draft (SilaStore   *self,
                       const char  *draft_id,
                       GError     **error)
{
  g_autoptr(SilaStatement) stmt = NULL;

  /* On a server the draft is in another file, which cannot join the
   * server's transaction: sila_store_drop_draft_after_save() drops it. */
  if (draft_id == NULL || sila_store_is_on_server (self))
    return TRUE;

  stmt = sila_store_prepare (self, "DELETE FROM drafts WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sila_bind_text (stmt, 1, draft_id);
  return sila_store_step (self, stmt, error) == SILA_STEP_DONE;
}

/* Deletes the local drafts whose @column is @value, after the server's
 * commit (see below); a failure is only logged. */
static void
drop_local_after_save (SilaStore  *self,
                       const char *sql,
                       const char *value)
{
  g_autoptr(SilaStatement) stmt = NULL;
  g_autoptr(GError) error = NULL;
  SilaStore *store;

  /* In a file the save's own transaction dropped it. */
  if (value == NULL || !sila_store_is_on_server (self))
    return;

  /* After the server's commit, in a transaction of its own. If the desk
   * dies between the two, or this fails, the draft is left over: that is
   * harmless, as it is offered again at the next start and the officer
   * can discard it. The save itself succeeded, so nothing is reported. */
  store = drafts_store (self, &error);
  if (store != NULL)
    stmt = sila_store_prepare (store, sql, &error);
  if (stmt != NULL)
    {
      sila_bind_text (stmt, 1, value);
      sila_store_step (store, stmt, &error);
    }
  if (error != NULL)
    g_message ("The drafts of a saved form (%s) were not dropped: %s", value, error->message);
}

void
sila_store_drop_draft_after_save (SilaStore  *self,
                                  const char *draft_id)
{
  drop_local_after_save (self, "DELETE FROM drafts WHERE id = ?1", draft_id);
}

void
sila_store_drop_entity_drafts_after_save (SilaStore  *self,
                                          const char *entity_id)
{
  drop_local_after_save (self, "DELETE FROM drafts WHERE entity_id = ?1", entity_id);
}

gboolean
sila_store_delete_draft (SilaStore        *self,
                         const SilaActor  *actor,
                         const char       *draft_id,
                         GError          **error)
{
  g_autoptr(SilaTransaction) tx = NULL;
  g_autoptr(SilaStatement) stmt = NULL;
  SilaStore *store;

  g_return_val_if_fail (SILA_IS_STORE (self), FALSE);

  if (actor == NULL)
    return sila_store_require (self, actor, SILA_PERM_BENEFICIARY_EDIT, error);
  store = drafts_store (self, error);
  if (store == NULL)
    return FALSE;

  tx = sila_transaction_begin (store, error);
  if (tx == NULL)
    return FALSE;

  /* One's own drafts only. */
  stmt = sila_store_prepare (store, "DELETE FROM drafts WHERE id = ?1 AND actor_name = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sila_bind_text (stmt, 1, draft_id);
  sila_bind_text (stmt, 2, actor->username);
  if (sila_store_step (store, stmt, error) != SILA_STEP_DONE)
    return FALSE;

  return sila_transaction_commit (tx, error);
}
