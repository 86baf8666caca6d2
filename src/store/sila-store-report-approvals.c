/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The board's approvals of reports, each with a copy of the figures it
 * approved. Rows are never changed or deleted (triggers refuse it): a
 * corrected report is approved again, and the newest approval counts. */
#define G_LOG_DOMAIN "sila-store"

#include "sila-config.h"

#include <glib/gi18n-lib.h>

#include "sila-approval.h"
#include "sila-clock.h"
#include "sila-store-audit-chain.h"
#include "sila-store-report-private.h"
#include "sila-store-requests-private.h"

SilaReportApproval *
sila_report_approval_new (void)
{
  SilaReportApproval *approval = g_new0 (SilaReportApproval, 1);

  g_date_clear (&approval->start, 1);
  g_date_clear (&approval->end, 1);
  g_date_clear (&approval->approved_on, 1);
  return approval;
}

void
sila_report_approval_free (SilaReportApproval *approval)
{
  if (approval == NULL)
    return;

  g_free (approval->id);
  g_free (approval->period);
  g_free (approval->approved_by);
  g_free (approval->decision_number);
  g_free (approval->figures_json);
  g_free (approval->recorded_by);
  g_free (approval->recorded_by_name);
  g_free (approval->recorded_at);
  g_free (approval);
}

static gboolean
refuse (GError     **error,
        const char  *message)
{
  g_set_error_literal (error, SILA_STORE_ERROR, SILA_STORE_ERROR_INVALID, message);
  return FALSE;
}

gboolean
sila_store_record_report_approval (SilaStore          *self,
                                   const SilaActor    *actor,
                                   SilaReportApproval *approval,
                                   GError            **error)
{
  g_autoptr(SilaTransaction) tx = NULL;
  g_autoptr(SilaStatement) stmt = NULL;
  g_autofree char *approver = NULL;
  g_autofree char *decision = NULL;
  g_autofree char *now = sila_clock_timestamp ();
  g_autofree char *sha = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *head = NULL;
  g_autoptr(SilaFieldErrors) errors = NULL;

  g_return_val_if_fail (SILA_IS_STORE (self), FALSE);
  g_return_val_if_fail (approval != NULL && approval->id == NULL, FALSE);

  if (!sila_store_require (self, actor, SILA_PERM_REPORT_APPROVE, error))
    return FALSE;

  if (approval->period == NULL || !g_date_valid (&approval->start) ||
      !g_date_valid (&approval->end) || approval->figures_json == NULL ||
      !g_utf8_validate (approval->figures_json, -1, NULL))
    return refuse (error, _("There are no figures to approve."));
  /* The core decides what the minutes must say. */
  errors = sila_field_errors_new ();
  if (!sila_approval_check (approval->approved_by, approval->decision_number,
                            &approval->approved_on, &approval->start, &approver, &decision,
                            errors))
    {
      const GError *first = NULL;

      sila_field_errors_first (errors, &first);
      return refuse (error, first->message);
    }

  sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, approval->figures_json, -1);

  tx = sila_transaction_begin (self, error);
  if (tx == NULL)
    return FALSE;

  /* The audit trail as it stands when the board approves: a later check
   * finds it still there, unchanged. */
  if (!sila_store_get_audit_head (self, &head, error))
    return FALSE;

  approval->id = g_uuid_string_random ();
  stmt = sila_store_prepare (self,
                             "INSERT INTO report_approvals (id, period, start_on, end_on, "
                             "approved_by, approved_on, decision_number, figures, figures_sha256, "
                             "recorded_by, created_at, updated_at, device_id, audit_head) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11, ?12, ?13)",
                             error);
  if (stmt == NULL)
    return FALSE;
  sila_bind_text (stmt, 13, head);
  sila_bind_text (stmt, 1, approval->id);
  sila_bind_text (stmt, 2, approval->period);
  sila_bind_date (stmt, 3, &approval->start);
  sila_bind_date (stmt, 4, &approval->end);
  sila_bind_text (stmt, 5, approver);
  sila_bind_date (stmt, 6, &approval->approved_on);
  sila_bind_text (stmt, 7, decision);
  sila_bind_text (stmt, 8, approval->figures_json);
  sila_bind_text (stmt, 9, sha);
  sila_bind_text (stmt, 10, actor->username);
  sila_bind_text (stmt, 11, now);
  sila_bind_text (stmt, 12, sila_store_get_device_id (self));
  if (sila_store_step (self, stmt, error) != SILA_STEP_DONE)
    return FALSE;

  summary = g_strdup_printf ("%s: %s", approval->period, decision);
  if (!sila_store_audit (self, actor, "approve", SILA_AUDIT_ENTITY_REPORT, approval->id, summary,
                         NULL, NULL, error) ||
      !sila_transaction_commit (tx, error))
    {
      g_clear_pointer (&approval->id, g_free);
      return FALSE;
    }

  g_free (approval->approved_by);
  approval->approved_by = g_steal_pointer (&approver);
  g_free (approval->decision_number);
  approval->decision_number = g_steal_pointer (&decision);
  g_free (approval->recorded_by);
  approval->recorded_by = g_strdup (actor->username);
  g_free (approval->recorded_at);
  approval->recorded_at = g_steal_pointer (&now);
  return TRUE;
}

SilaReportApproval *
sila_store_get_report_approval (SilaStore        *self,
                                const SilaActor  *actor,
                                const char       *period,
                                GError          **error)
{
  g_autoptr(SilaStatement) stmt = NULL;
  g_autoptr(SilaReportApproval) approval = NULL;
  SilaStep step;

  g_return_val_if_fail (SILA_IS_STORE (self), NULL);
  g_return_val_if_fail (period != NULL, NULL);

  if (!sila_store_require (self, actor, SILA_PERM_REPORT_VIEW, error))
    return NULL;

  stmt = sila_store_prepare (self,
                             "SELECT a.id, a.period, a.start_on, a.end_on, a.approved_by, "
                             "a.approved_on, a.decision_number, a.figures, a.recorded_by, "
                             "s.display_name, a.created_at FROM report_approvals a "
                             "LEFT JOIN staff s ON s.username = a.recorded_by "
                             "WHERE a.period = ?1 AND a.deleted_at IS NULL "
                             /* Two approvals of the same moment (a fixed clock):
                              * the one audited last. */
                             "ORDER BY a.created_at DESC, (SELECT max (l.seq) FROM audit_log l "
                             "  WHERE l.entity = ?2 AND l.entity_id = a.id) DESC LIMIT 1",
                             error);
  if (stmt == NULL)
    return NULL;
  sila_bind_text (stmt, 1, period);
  sila_bind_text (stmt, 2, SILA_AUDIT_ENTITY_REPORT);
  step = sila_store_step (self, stmt, error);
  if (step != SILA_STEP_ROW)
    return NULL;

  approval = sila_report_approval_new ();
  approval->id = sila_column_dup (stmt, 0);
  approval->period = sila_column_dup (stmt, 1);
  sila_column_date (stmt, 2, &approval->start);
  sila_column_date (stmt, 3, &approval->end);
  approval->approved_by = sila_column_dup (stmt, 4);
  sila_column_date (stmt, 5, &approval->approved_on);
  approval->decision_number = sila_column_dup (stmt, 6);
  approval->figures_json = sila_column_dup (stmt, 7);
  approval->recorded_by = sila_column_dup (stmt, 8);
  approval->recorded_by_name = sila_column_dup (stmt, 9);
  approval->recorded_at = sila_column_dup (stmt, 10);
  return g_steal_pointer (&approval);
}
