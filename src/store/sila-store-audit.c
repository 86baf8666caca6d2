/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reading the audit trail (administrators only), and recording who saw or
 * exported personal data. Writing a change's entry is sila_store_audit(),
 * called inside the change's own transaction. */
#define G_LOG_DOMAIN "sila-store"

#include "sila-config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sila-audit.h"
#include "sila-clock.h"
#include "sila-store-private.h"

void
sila_audit_entry_free (SilaAuditEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->at);
  g_free (entry->actor_name);
  g_free (entry->action);
  g_free (entry->entity);
  g_free (entry->entity_id);
  g_free (entry->summary);
  g_free (entry->before_json);
  g_free (entry->after_json);
  g_free (entry->device_id);
  g_free (entry);
}

/* The newest entries first, @limit at a time (0: all); pass the last seq of
 * one page as @before_seq to get the next (0: from the newest). */
/* @text with LIKE's wildcards taken literally (escaped with a backslash). */
static char *
like_escape (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\\' || *p == '%' || *p == '_')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

GPtrArray *
sila_store_query_audit (SilaStore             *self,
                        const SilaActor       *actor,
                        const SilaAuditFilter *filter,
                        gint64                 before_seq,
                        guint                  limit,
                        GError               **error)
{
  static const SilaAuditFilter everything = { 0 };
  g_autoptr(SilaStatement) stmt = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *text = NULL;
  SilaStep step;

  g_return_val_if_fail (SILA_IS_STORE (self), NULL);

  if (!sila_store_require (self, actor, SILA_PERM_AUDIT_VIEW, error))
    return NULL;

  if (filter == NULL)
    filter = &everything;

  /* Text is matched without regard to Latin case; Arabic has none. */
  if (filter->text != NULL && *filter->text != '\0' && g_utf8_validate (filter->text, -1, NULL))
    {
      g_autofree char *lowered = g_utf8_strdown (filter->text, -1);

      text = like_escape (lowered);
    }

  stmt = sila_store_prepare (self,
                             "SELECT seq, at, actor_name, action, entity, entity_id, summary, "
                             "before_json, after_json, device_id FROM audit_log "
                             "WHERE (CAST (?1 AS TEXT) IS NULL OR actor_name = ?1) "
                             "AND (CAST (?2 AS TEXT) IS NULL OR entity = ?2) "
                             "AND (CAST (?3 AS TEXT) IS NULL OR entity_id = ?3) "
                             "AND (CAST (?4 AS TEXT) IS NULL OR action = ?4) "
                             "AND (CAST (?5 AS TEXT) IS NULL OR at >= ?5) "
                             "AND (CAST (?6 AS TEXT) IS NULL OR at < ?6) "
                             "AND (CAST (?7 AS TEXT) IS NULL OR lower (actor_name || ' ' || "
                             "coalesce (entity_id, '') || ' ' || coalesce (summary, '') || ' ' || "
                             "coalesce (before_json, '') || ' ' || coalesce (after_json, '')) "
                             "LIKE '%' || ?7 || '%' ESCAPE '\\') "
                             "AND (?8 <= 0 OR seq < ?8) "
                             "ORDER BY seq DESC LIMIT ?9",
                             error);
  if (stmt == NULL)
    return NULL;

  sila_bind_text (stmt, 1, filter->actor_name);
  sila_bind_text (stmt, 2, filter->entity);
  sila_bind_text (stmt, 3, filter->entity_id);
  sila_bind_text (stmt, 4, filter->action);
  sila_bind_text (stmt, 5, filter->since);
  sila_bind_text (stmt, 6, filter->until);
  sila_bind_text (stmt, 7, text);
  sila_bind_int64 (stmt, 8, before_seq);
  sila_bind_int64 (stmt, 9, limit > 0 ? (gint64)limit : G_MAXINT64);

  entries = g_ptr_array_new_with_free_func ((GDestroyNotify)sila_audit_entry_free);
  while ((step = sila_store_step (self, stmt, error)) == SILA_STEP_ROW)
    {
      SilaAuditEntry *e = g_new0 (SilaAuditEntry, 1);

      e->seq = sila_column_int64 (stmt, 0);
      e->at = sila_column_dup (stmt, 1);
      e->actor_name = sila_column_dup (stmt, 2);
      e->action = sila_column_dup (stmt, 3);
      e->entity = sila_column_dup (stmt, 4);
      e->entity_id = sila_column_dup (stmt, 5);
      e->summary = sila_column_dup (stmt, 6);
      e->before_json = sila_column_dup (stmt, 7);
      e->after_json = sila_column_dup (stmt, 8);
      e->device_id = sila_column_dup (stmt, 9);
      g_ptr_array_add (entries, e);
    }

  if (step == SILA_STEP_ERROR)
    return NULL;

  return g_steal_pointer (&entries);
}

/* The newest entries first, optionally for one entity or one record. */
GPtrArray *
sila_store_list_audit (SilaStore        *self,
                       const SilaActor  *actor,
                       const char       *entity,
                       const char       *entity_id,
                       guint             limit,
                       GError          **error)
{
  SilaAuditFilter filter = { .entity = entity, .entity_id = entity_id };

  return sila_store_query_audit (self, actor, &filter, 0, limit, error);
}

/* The distinct values of one column ("actor", "entity" or "action") that
 * occur in the trail, for the viewer's filters. */
GStrv
sila_store_list_audit_values (SilaStore        *self,
                              const SilaActor  *actor,
                              const char       *column,
                              GError          **error)
{
  g_autoptr(SilaStatement) stmt = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  const char *sql;
  SilaStep step;

  g_return_val_if_fail (SILA_IS_STORE (self), NULL);

  if (g_strcmp0 (column, "actor") == 0)
    sql = "SELECT DISTINCT actor_name FROM audit_log ORDER BY actor_name";
  else if (g_strcmp0 (column, "entity") == 0)
    sql = "SELECT DISTINCT entity FROM audit_log ORDER BY entity";
  else if (g_strcmp0 (column, "action") == 0)
    sql = "SELECT DISTINCT action FROM audit_log ORDER BY action";
  else
    g_return_val_if_reached (NULL);

  if (!sila_store_require (self, actor, SILA_PERM_AUDIT_VIEW, error))
    return NULL;

  stmt = sila_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;

  builder = g_strv_builder_new ();
  while ((step = sila_store_step (self, stmt, error)) == SILA_STEP_ROW)
    g_strv_builder_add (builder, sila_column_text (stmt, 0));

  if (step == SILA_STEP_ERROR)
    return NULL;

  return g_strv_builder_end (builder);
}

/* Personal data is shown, printed or exported only where who did it can be
 * recorded: a database that cannot be written to (a read-only file or
 * folder, a copy opened read-only) refuses, with this READ_ONLY error. */
gboolean
sila_store_require_recordable (SilaStore  *self,
                               GError    **error)
{
  g_return_val_if_fail (SILA_IS_STORE (self), FALSE);

  if (!sila_store_is_read_only (self))
    return TRUE;

  g_set_error_literal (error, SILA_STORE_ERROR, SILA_STORE_ERROR_READ_ONLY,
                       _("This database cannot be written to, so the audit trail could not "
                         "record who sees this personal data: it is not shown. Open the "
                         "database from a file and folder you may write to."));
  return FALSE;
}

/* Records that @actor saw (SILA_AUDIT_VIEW), printed (SILA_AUDIT_PRINT) or
 * exported (SILA_AUDIT_EXPORT) the personal data of one record, for the
 * PDPL's "who saw what", after checking that they hold @permission (to see
 * it, to export it). Called before the data is shown or written: when the
 * entry cannot be written (a read-only database, see above) the caller
 * shows nothing. Runs in its own transaction, or inside the caller's. */
gboolean
sila_store_record_access (SilaStore        *self,
                          const SilaActor  *actor,
                          SilaPermission    permission,
                          const char       *action,
                          const char       *entity,
                          const char       *entity_id,
                          const char       *summary,
                          GError          **error)
{
  g_autoptr(SilaTransaction) tx = NULL;

  g_return_val_if_fail (SILA_IS_STORE (self), FALSE);
  g_return_val_if_fail (action != NULL && entity != NULL, FALSE);

  if (!sila_store_require (self, actor, permission, error) ||
      !sila_store_require_recordable (self, error))
    return FALSE;

  tx = sila_transaction_begin (self, error);
  if (tx == NULL ||
      !sila_store_audit (self, actor, action, entity, entity_id, summary, NULL, NULL, error))
    return FALSE;

  return sila_transaction_commit (tx, error);
}

/* Writing one change's entry, inside the change's own transaction. */

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
  g_autoptr(SilaTransaction) tx = NULL;
  g_autoptr(SilaStatement) stmt = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *now = sila_clock_timestamp ();
  g_autofree char *body_hash = NULL;
  g_autofree char *chain_hash = NULL;
  SilaAuditLinkFields fields = {
    .id = uuid, .at = now, .actor_id = actor != NULL ? actor->id : NULL,
    .actor_name = actor != NULL ? actor->username : NULL,
    .device_id = sila_store_get_device_id (self), .action = action, .entity = entity,
    .entity_id = entity_id,
  };

  g_return_val_if_fail (actor != NULL, FALSE);

  /* The newest link is read and the entry written under one write lock
   * (a savepoint inside the caller's transaction), so that two desks
   * never link to the same entry. */
  tx = sila_transaction_begin (self, error);
  if (tx == NULL)
    return FALSE;

  if (sila_store_audit_is_chained (self))
    {
      if (!sila_store_audit_link (self, &fields, summary, before_json, after_json, &body_hash,
                                  &chain_hash, error))
        return FALSE;
      stmt = sila_store_prepare (self,
                                 "INSERT INTO audit_log (id, at, actor_id, actor_name, "
                                 "device_id, action, entity, entity_id, summary, before_json, "
                                 "after_json, body_hash, chain_hash) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                                 error);
    }
  else
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
  sila_bind_text (stmt, 5, sila_store_get_device_id (self));
  sila_bind_text (stmt, 6, action);
  sila_bind_text (stmt, 7, entity);
  sila_bind_text (stmt, 8, entity_id);
  sila_bind_text (stmt, 9, summary);
  sila_bind_text (stmt, 10, before_json);
  sila_bind_text (stmt, 11, after_json);
  if (chain_hash != NULL)
    {
      sila_bind_text (stmt, 12, body_hash);
      sila_bind_text (stmt, 13, chain_hash);
    }

  return sila_store_step (self, stmt, error) == SILA_STEP_DONE &&
         sila_transaction_commit (tx, error);
}

/* An entry written elsewhere (a field laptop's) copied in as a new one of
 * this trail: its own time, officer and device, linked after the newest
 * entry here. Inside the caller's transaction. */
gboolean
sila_store_audit_copy (SilaStore   *self,
                       const char  *at,
                       const char  *actor_id,
                       const char  *actor_name,
                       const char  *device_id,
                       const char  *action,
                       const char  *entity,
                       const char  *entity_id,
                       const char  *summary,
                       const char  *before_json,
                       const char  *after_json,
                       GError     **error)
{
  g_autoptr(SilaStatement) stmt = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *body_hash = NULL;
  g_autofree char *chain_hash = NULL;
  SilaAuditLinkFields fields = {
    .id = uuid, .at = at, .actor_id = actor_id, .actor_name = actor_name,
    .device_id = device_id, .action = action, .entity = entity, .entity_id = entity_id,
  };

  if (!sila_store_audit_link (self, &fields, summary, before_json, after_json, &body_hash,
                              &chain_hash, error))
    return FALSE;
  stmt = sila_store_prepare (self,
                             "INSERT INTO audit_log (id, at, actor_id, actor_name, "
                             "device_id, action, entity, entity_id, summary, before_json, "
                             "after_json, body_hash, chain_hash) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                             error);
  if (stmt == NULL)
    return FALSE;

  sila_bind_text (stmt, 1, uuid);
  sila_bind_text (stmt, 2, at);
  sila_bind_text (stmt, 3, actor_id);
  sila_bind_text (stmt, 4, actor_name);
  sila_bind_text (stmt, 5, device_id);
  sila_bind_text (stmt, 6, action);
  sila_bind_text (stmt, 7, entity);
  sila_bind_text (stmt, 8, entity_id);
  sila_bind_text (stmt, 9, summary);
  sila_bind_text (stmt, 10, before_json);
  sila_bind_text (stmt, 11, after_json);
  sila_bind_text (stmt, 12, body_hash);
  sila_bind_text (stmt, 13, chain_hash);
  return sila_store_step (self, stmt, error) == SILA_STEP_DONE;
}
