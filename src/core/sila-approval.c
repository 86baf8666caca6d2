/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-core"

#include "sila-config.h"

#include <glib/gi18n-lib.h>

#include "sila-approval.h"
#include "sila-clock.h"
#include "sila-text.h"
#include "sila-validation.h"

/* One line of the minutes; what to write when it is empty. */
static char *
check_line (const char      *text,
            guint            max_chars,
            const char      *when_empty,
            const char      *field,
            SilaFieldErrors *errors)
{
  g_autoptr(GError) error = NULL;
  char *clean = sila_text_clean_line (text, max_chars, TRUE, &error);

  if (clean != NULL)
    return clean;

  if (g_error_matches (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_REQUIRED))
    sila_field_errors_add (errors, field, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_REQUIRED,
                           when_empty);
  else
    sila_field_errors_take (errors, field, &error);
  return NULL;
}

gboolean
sila_approval_check (const char       *approved_by,
                     const char       *decision_number,
                     const GDate      *approved_on,
                     const GDate      *period_start,
                     char            **approver,
                     char            **decision,
                     SilaFieldErrors  *errors)
{
  g_autofree char *clean_approver = NULL;
  g_autofree char *clean_decision = NULL;
  guint before;
  GDate today;

  g_return_val_if_fail (errors != NULL, FALSE);

  before = sila_field_errors_count (errors);
  clean_approver = check_line (approved_by, SILA_APPROVAL_APPROVER_MAX,
                               _("Write who approved the report, as the board’s minutes name "
                                 "them."),
                               SILA_APPROVAL_FIELD_APPROVED_BY, errors);
  clean_decision = check_line (decision_number, SILA_APPROVAL_DECISION_MAX,
                               _("Write the number of the board’s decision."),
                               SILA_APPROVAL_FIELD_DECISION, errors);

  sila_clock_today (&today);
  if (approved_on == NULL || !g_date_valid (approved_on))
    sila_field_errors_add (errors, SILA_APPROVAL_FIELD_APPROVED_ON, SILA_VALIDATION_ERROR,
                           SILA_VALIDATION_ERROR_REQUIRED,
                           _("Give the date of the board’s decision."));
  else if (g_date_compare (approved_on, &today) > 0)
    sila_field_errors_add (errors, SILA_APPROVAL_FIELD_APPROVED_ON, SILA_VALIDATION_ERROR,
                           SILA_VALIDATION_ERROR_OUT_OF_RANGE,
                           _("The board’s decision cannot be dated in the future."));
  else if (period_start != NULL && g_date_valid (period_start) &&
           g_date_compare (approved_on, period_start) < 0)
    sila_field_errors_add (errors, SILA_APPROVAL_FIELD_APPROVED_ON, SILA_VALIDATION_ERROR,
                           SILA_VALIDATION_ERROR_OUT_OF_RANGE,
                           _("The board’s decision cannot be dated before the period it "
                             "approves."));

  if (sila_field_errors_count (errors) != before)
    return FALSE;

  if (approver != NULL)
    *approver = g_steal_pointer (&clean_approver);
  if (decision != NULL)
    *decision = g_steal_pointer (&clean_decision);
  return TRUE;
}
