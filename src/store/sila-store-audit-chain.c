/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The audit trail's hash chain: every entry is linked to the one before it
 * (sila-audit-chain.c computes the links), the newest link is recorded in
 * every backup and every board approval, and the check walks the chain and
 * compares its end with those records. What it catches, and what it cannot,
 * is in the README's section on the audit trail. */
#define G_LOG_DOMAIN "sila-store"

#include "sila-config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sila-audit-chain.h"
#include "sila-store-audit-chain.h"
#include "sila-store-backup.h"
#include "sila-store-person.h"
#include "sila-store-private.h"
#include "sila-store-schema-private.h"

#define MAX_PROBLEMS 20

/* Writing */

/* Whether the trail has its chain yet: a database opened at an older
 * version (before its migration, in tests of the migrations) writes
 * entries the way that version did, and the chain's step links them. */
gboolean
sila_store_audit_is_chained (SilaStore *self)
{
  g_autoptr(SilaStatement) stmt = NULL;

  stmt = sila_store_prepare (self, sila_store_sql (self, SILA_DB_SQL_AUDIT_IS_CHAINED), NULL);
  return stmt != NULL && sila_store_step (self, stmt, NULL) == SILA_STEP_ROW;
}

/* The body hash and link of a new entry, after the newest one. Called
 * inside the transaction that inserts it, so no other desk can slip an
 * entry in between. */
gboolean
sila_store_audit_link (SilaStore            *self,
                       SilaAuditLinkFields  *fields,
                       const char           *summary,
                       const char           *before_json,
                       const char           *after_json,
                       char                **body_hash,
                       char                **chain_hash,
                       GError              **error)
{
  g_autoptr(SilaStatement) stmt = NULL;
  g_autofree char *previous = NULL;

  stmt = sila_store_prepare (self,
                             "SELECT chain_hash FROM audit_log ORDER BY seq DESC LIMIT 1",
                             error);
  if (stmt == NULL)
    return FALSE;
  if (!sila_store_step_text (self, stmt, &previous, error))
    return FALSE;

  *body_hash = sila_audit_chain_body_hash (summary, before_json, after_json);
  fields->body_hash = *body_hash;
  *chain_hash = sila_audit_chain_link (previous, fields);
  return TRUE;
}

gboolean
sila_store_get_audit_head (SilaStore  *self,
                           char      **head,
                           GError    **error)
{
  g_autoptr(SilaStatement) stmt = NULL;

  g_return_val_if_fail (SILA_IS_STORE (self), FALSE);

  *head = NULL;
  stmt = sila_store_prepare (self,
                             "SELECT seq || ':' || chain_hash FROM audit_log "
                             "ORDER BY seq DESC LIMIT 1",
                             error);
  if (stmt == NULL)
    return FALSE;
  return sila_store_step_text (self, stmt, head, error);
}

/* The schema step */

/* Links the entries already written, oldest first, then puts back the
 * trigger that keeps them: nothing in an entry may change but the
 * retention redaction of its texts, and that only for a file that was
 * anonymized after its retention period (the file closed more than
 * retention_years before it was anonymized). A board approval records the
 * trail's head from now on. */
gboolean
sila_store_migrate_audit_chain (SilaStore  *self,
                                GError    **error)
{
  g_autoptr(SilaStatement) select = NULL;
  g_autoptr(SilaStatement) update = NULL;
  g_autofree char *previous = NULL;
  SilaStep step;

  if (!sila_store_exec (self,
      "ALTER TABLE audit_log ADD COLUMN body_hash TEXT;"
      "ALTER TABLE audit_log ADD COLUMN chain_hash TEXT;"
      "ALTER TABLE report_approvals ADD COLUMN audit_head TEXT;"
      "DROP TRIGGER audit_log_no_update;",
      error))
    return FALSE;

  select = sila_store_prepare (self,
                               "SELECT seq, id, at, actor_id, actor_name, device_id, action, "
                               "entity, entity_id, summary, before_json, after_json "
                               "FROM audit_log ORDER BY seq",
                               error);
  update = sila_store_prepare (self,
                               "UPDATE audit_log SET body_hash = ?2, chain_hash = ?3 "
                               "WHERE seq = ?1",
                               error);
  if (select == NULL || update == NULL)
    return FALSE;

  while ((step = sila_store_step (self, select, error)) == SILA_STEP_ROW)
    {
      g_autofree char *body_hash = NULL;
      g_autofree char *link = NULL;
      SilaAuditLinkFields fields = {
        .id = sila_column_text (select, 1),
        .at = sila_column_text (select, 2),
        .actor_id = sila_column_text (select, 3),
        .actor_name = sila_column_text (select, 4),
        .device_id = sila_column_text (select, 5),
        .action = sila_column_text (select, 6),
        .entity = sila_column_text (select, 7),
        .entity_id = sila_column_text (select, 8),
      };

      body_hash = sila_audit_chain_body_hash (sila_column_text (select, 9),
                                              sila_column_text (select, 10),
                                              sila_column_text (select, 11));
      fields.body_hash = body_hash;
      link = sila_audit_chain_link (previous, &fields);

      sila_statement_release (update);
      sila_bind_int64 (update, 1, sila_column_int64 (select, 0));
      sila_bind_text (update, 2, body_hash);
      sila_bind_text (update, 3, link);
      if (sila_store_step (self, update, error) != SILA_STEP_DONE)
        return FALSE;

      g_free (previous);
      previous = g_steal_pointer (&link);
    }
  if (step == SILA_STEP_ERROR)
    return FALSE;

  return sila_store_exec (self,
      "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
      "WHEN NOT (NEW.seq = OLD.seq AND NEW.id = OLD.id AND NEW.at = OLD.at "
      "  AND NEW.actor_id IS OLD.actor_id AND NEW.actor_name = OLD.actor_name "
      "  AND NEW.device_id = OLD.device_id AND NEW.action = OLD.action "
      "  AND NEW.entity = OLD.entity AND NEW.entity_id IS OLD.entity_id "
      "  AND NEW.body_hash IS OLD.body_hash AND NEW.chain_hash IS OLD.chain_hash "
      "  AND ((NEW.summary IS OLD.summary AND NEW.before_json IS OLD.before_json "
      "        AND NEW.after_json IS OLD.after_json) "
      "    OR ((NEW.summary IS OLD.summary OR NEW.summary IS NULL) "
      "      AND (NEW.before_json IS OLD.before_json "
      "           OR NEW.before_json = '" SILA_AUDIT_REDACTED "') "
      "      AND (NEW.after_json IS OLD.after_json "
      "           OR NEW.after_json = '" SILA_AUDIT_REDACTED "') "
      "      AND EXISTS (SELECT 1 FROM beneficiaries b "
      "        WHERE b.anonymized_at IS NOT NULL AND b.status = 'closed' "
      "        AND b.closed_at IS NOT NULL "
      "        AND substr (b.closed_at, 1, 10) < date (substr (b.anonymized_at, 1, 10), "
      "          '-' || max (coalesce ((SELECT CAST (value AS INTEGER) FROM office_settings "
      "                                 WHERE key = 'retention_years'), 10), 1) || ' years') "
      "        AND b.id = CASE OLD.entity "
      "          WHEN 'beneficiary' THEN OLD.entity_id "
      "          WHEN 'request' THEN (SELECT beneficiary_id FROM requests "
      "                               WHERE id = OLD.entity_id) "
      "          WHEN 'contact' THEN (SELECT beneficiary_id FROM contacts "
      "                               WHERE id = OLD.entity_id) END)))) "
      "BEGIN SELECT RAISE (ABORT, 'the audit trail is append-only'); END;",
      error);
}

/* Checking */

typedef struct
{
  GPtrArray *problems;
  guint      n_found;
} Findings;

G_GNUC_PRINTF (2, 3)
static void
add_problem (Findings   *findings,
             const char *format,
             ...)
{
  va_list args;

  findings->n_found++;
  if (findings->problems->len >= MAX_PROBLEMS)
    return;

  va_start (args, format);
  g_ptr_array_add (findings->problems, g_strdup_vprintf (format, args));
  va_end (args);
}

static gboolean
is_redaction (const char *summary,
              const char *before_json,
              const char *after_json)
{
  return summary == NULL &&
         (before_json == NULL || g_str_equal (before_json, SILA_AUDIT_REDACTED)) &&
         (after_json == NULL || g_str_equal (after_json, SILA_AUDIT_REDACTED));
}

static gboolean
of_anonymized_file (SilaStore   *self,
                    const char  *entity,
                    const char  *entity_id,
                    GError     **error)
{
  g_autoptr(SilaStatement) stmt = NULL;

  stmt = sila_store_prepare (self,
                             "SELECT 1 FROM beneficiaries b WHERE b.anonymized_at IS NOT NULL "
                             "AND b.id = CASE ?1 WHEN 'beneficiary' THEN ?2 "
                             "WHEN 'request' THEN (SELECT beneficiary_id FROM requests "
                             "  WHERE id = ?2) "
                             "WHEN 'contact' THEN (SELECT beneficiary_id FROM contacts "
                             "  WHERE id = ?2) END",
                             error);
  if (stmt == NULL)
    return FALSE;
  sila_bind_text (stmt, 1, entity);
  sila_bind_text (stmt, 2, entity_id);
  return sila_store_step (self, stmt, error) == SILA_STEP_ROW;
}

static gboolean
walk_chain (SilaStore  *self,
            Findings   *findings,
            gint64     *last_seq,
            GError    **error)
{
  g_autoptr(SilaStatement) stmt = NULL;
  g_autofree char *previous = NULL;
  gint64 previous_seq = 0;
  SilaStep step;

  stmt = sila_store_prepare (self,
                             "SELECT seq, id, at, actor_id, actor_name, device_id, action, "
                             "entity, entity_id, summary, before_json, after_json, body_hash, "
                             "chain_hash FROM audit_log ORDER BY seq",
                             error);
  if (stmt == NULL)
    return FALSE;

  while ((step = sila_store_step (self, stmt, error)) == SILA_STEP_ROW)
    {
      gint64 seq = sila_column_int64 (stmt, 0);
      const char *summary = sila_column_text (stmt, 9);
      const char *before_json = sila_column_text (stmt, 10);
      const char *after_json = sila_column_text (stmt, 11);
      const char *body_hash = sila_column_text (stmt, 12);
      const char *chain_hash = sila_column_text (stmt, 13);
      g_autofree char *body = sila_audit_chain_body_hash (summary, before_json, after_json);
      g_autofree char *link = NULL;
      SilaAuditLinkFields fields = {
        .id = sila_column_text (stmt, 1),
        .at = sila_column_text (stmt, 2),
        .actor_id = sila_column_text (stmt, 3),
        .actor_name = sila_column_text (stmt, 4),
        .device_id = sila_column_text (stmt, 5),
        .action = sila_column_text (stmt, 6),
        .entity = sila_column_text (stmt, 7),
        .entity_id = sila_column_text (stmt, 8),
        .body_hash = body_hash,
      };
      gboolean gap = seq != previous_seq + 1;

      if (gap)
        {
          if (seq == previous_seq + 2)
            add_problem (findings, _("Audit entry #%lld was deleted."),
                         (long long)previous_seq + 1);
          else
            add_problem (findings, _("Audit entries #%lld to #%lld were deleted."),
                         (long long)previous_seq + 1, (long long)seq - 1);
        }

      if (chain_hash == NULL || body_hash == NULL)
        add_problem (findings, _("Audit entry #%lld was not written by Sila Desk (it has no "
                                 "link to the entry before it)."),
                     (long long)seq);
      else
        {
          link = sila_audit_chain_link (previous, &fields);
          if (!g_str_equal (link, chain_hash) && !gap)
            add_problem (findings, _("The audit trail’s chain breaks at entry #%lld: that entry "
                                     "was changed or added outside Sila Desk, or the one "
                                     "before it was removed."),
                         (long long)seq);
          else if (!g_str_equal (body, body_hash))
            {
              g_autoptr(GError) local = NULL;

              if (!is_redaction (summary, before_json, after_json) ||
                  !of_anonymized_file (self, fields.entity, fields.entity_id, &local))
                {
                  if (local != NULL)
                    {
                      g_propagate_error (error, g_steal_pointer (&local));
                      return FALSE;
                    }
                  add_problem (findings, _("Audit entry #%lld was changed after it was "
                                           "written."),
                               (long long)seq);
                }
            }
        }

      /* Go on from what is there, so that one break is reported once. */
      g_free (previous);
      previous = g_strdup (chain_hash);
      previous_seq = seq;
    }
  if (step == SILA_STEP_ERROR)
    return FALSE;

  *last_seq = previous_seq;
  return TRUE;
}

/* Compares a head recorded elsewhere ("SEQ:LINK") with the trail: that of
 * the backup @backup (a name to show) or of the approval of @period with
 * the decision @decision. */
static gboolean
check_head (SilaStore   *self,
            Findings    *findings,
            const char  *head,
            gint64       last_seq,
            const char  *backup,
            const char  *period,
            const char  *decision,
            GError     **error)
{
  g_autoptr(SilaStatement) stmt = NULL;
  g_autofree char *link = NULL;
  const char *colon;
  long long seq;

  colon = head != NULL ? strchr (head, ':') : NULL;
  if (colon == NULL)
    return TRUE;
  seq = g_ascii_strtoll (head, NULL, 10);

  stmt = sila_store_prepare (self, "SELECT chain_hash FROM audit_log WHERE seq = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sila_bind_int64 (stmt, 1, seq);
  if (!sila_store_step_text (self, stmt, &link, error))
    return FALSE;

  if (link != NULL && g_str_equal (link, colon + 1))
    return TRUE;

  if (backup != NULL)
    {
      if (link == NULL)
        add_problem (findings, _("The last backup, “%s”, holds the audit trail up to entry "
                                 "#%lld, but the trail now ends at entry #%lld: entries were "
                                 "deleted."),
                     backup, seq, (long long)last_seq);
      else
        add_problem (findings, _("The audit trail does not match the one the last backup, "
                                 "“%s”, holds: its entries up to #%lld were rewritten."),
                     backup, seq);
    }
  else
    {
      if (link == NULL)
        add_problem (findings, _("The board approval of %s (decision %s) was recorded when the "
                                 "audit trail reached entry #%lld, but the trail now ends at "
                                 "entry #%lld: entries were deleted."),
                     period, decision, seq, (long long)last_seq);
      else
        add_problem (findings, _("The audit trail does not match the one the board approval of "
                                 "%s (decision %s) recorded: its entries up to #%lld were "
                                 "rewritten."),
                     period, decision, seq);
    }
  return TRUE;
}

static gboolean
check_approvals (SilaStore  *self,
                 Findings   *findings,
                 gint64      last_seq,
                 GError    **error)
{
  g_autoptr(SilaStatement) stmt = NULL;
  SilaStep step;

  stmt = sila_store_prepare (self,
                             "SELECT audit_head, period, decision_number FROM report_approvals "
                             "WHERE audit_head IS NOT NULL ORDER BY created_at",
                             error);
  if (stmt == NULL)
    return FALSE;

  while ((step = sila_store_step (self, stmt, error)) == SILA_STEP_ROW)
    if (!check_head (self, findings, sila_column_text (stmt, 0), last_seq,
                     NULL, sila_column_text (stmt, 1),
                     sila_column_text (stmt, 2), error))
      return FALSE;
  return step != SILA_STEP_ERROR;
}

/* The newest backup of this database: the file its last backup was
 * written to, else the newest of its files in the backup folder. */
static char *
find_last_backup (SilaStore *self)
{
  g_autofree char *recorded = NULL;
  g_autofree char *folder = sila_store_get_backup_folder (self);
  g_autofree char *prefix = NULL;
  g_autofree char *newest = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(SilaStatement) stmt = NULL;
  const char *name;

  stmt = sila_store_prepare (self, "SELECT value FROM meta WHERE key = 'last_backup_file'", NULL);
  if (stmt != NULL && sila_store_step (self, stmt, NULL) == SILA_STEP_ROW)
    recorded = sila_column_dup (stmt, 0);
  if (recorded != NULL && g_file_test (recorded, G_FILE_TEST_IS_REGULAR))
    return g_steal_pointer (&recorded);

  prefix = g_strdup_printf ("sila-%.8s-", sila_store_get_device_id (self));
  dir = folder != NULL ? g_dir_open (folder, 0, NULL) : NULL;
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, prefix) && g_str_has_suffix (name, ".db") &&
        g_strcmp0 (name, newest) > 0)
      {
        g_free (newest);
        newest = g_strdup (name);
      }

  return newest != NULL ? g_build_filename (folder, newest, NULL) : NULL;
}

static gboolean
check_last_backup (SilaStore  *self,
                   Findings   *findings,
                   gint64      last_seq,
                   GError    **error)
{
  g_autofree char *path = find_last_backup (self);
  g_autofree char *head = NULL;
  g_autofree char *made_at = NULL;
  g_autofree char *restored_at = NULL;
  g_autofree char *shown = NULL;
  g_autoptr(SilaStatement) stmt = NULL;

  if (path == NULL)
    return TRUE;

  if (!sila_store_read_backup_head (path, &head, &made_at) || head == NULL || made_at == NULL)
    return TRUE;

  /* A backup taken before the last restore is of the database that the
   * restore replaced: its trail went another way. */
  stmt = sila_store_prepare (self, "SELECT max (at) FROM audit_log WHERE action = 'restore'",
                             error);
  if (stmt == NULL)
    return FALSE;
  if (sila_store_step (self, stmt, error) == SILA_STEP_ERROR)
    return FALSE;
  restored_at = sila_column_dup (stmt, 0);
  if (restored_at != NULL && g_strcmp0 (made_at, restored_at) < 0)
    return TRUE;

  shown = g_filename_display_name (path);
  return check_head (self, findings, head, last_seq, shown, NULL, NULL, error);
}

gboolean
sila_store_verify_audit_trail (SilaStore  *self,
                               GPtrArray  *problems,
                               GError    **error)
{
  g_autoptr(SilaStatement) stmt = NULL;
  Findings findings = { problems, 0 };
  gint64 last_seq = 0;

  g_return_val_if_fail (SILA_IS_STORE (self), FALSE);
  g_return_val_if_fail (problems != NULL, FALSE);

  /* A file of an older version (opened read-only, so not brought up to
   * date) has no chain yet; one of this version without it was altered. */
  if (!sila_store_audit_is_chained (self))
    {
      if (sila_store_get_schema_version (self) >= sila_store_get_latest_version ())
        add_problem (&findings, _("The audit trail has no hash chain: its table was altered "
                                  "outside Sila Desk."));
      return TRUE;
    }

  if (!walk_chain (self, &findings, &last_seq, error))
    return FALSE;

  /* The engine remembers the highest entry ever written (SQLite's
   * AUTOINCREMENT, a counter on PostgreSQL). */
  stmt = sila_store_prepare (self, sila_store_sql (self, SILA_DB_SQL_AUDIT_HIGHEST_SEQ), error);
  if (stmt == NULL)
    return FALSE;
  switch (sila_store_step (self, stmt, error))
    {
    case SILA_STEP_ROW:
      {
        gint64 highest = sila_column_int64 (stmt, 0);

        if (highest > last_seq)
          add_problem (&findings, _("The audit trail was written up to entry #%lld but now "
                                    "ends at entry #%lld: entries at its end were deleted."),
                       (long long)highest, (long long)last_seq);
      }
      break;
    case SILA_STEP_DONE:
      break;
    case SILA_STEP_ERROR:
    default:
      return FALSE;
    }

  if (!check_approvals (self, &findings, last_seq, error) ||
      !check_last_backup (self, &findings, last_seq, error))
    return FALSE;

  if (findings.n_found > problems->len)
    g_ptr_array_add (problems,
                     g_strdup_printf (ngettext ("… and %u more problem.",
                                                "… and %u more problems.",
                                                findings.n_found - problems->len),
                                      findings.n_found - problems->len));
  return TRUE;
}
