/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The board's approval of a period's report, as its minutes record it:
 * who approved it, the number of the decision, and its date. The rules are
 * here; the approval dialog shows each refusal beside its field, and the
 * store refuses the same inside its transaction. */
#pragma once

#include <glib.h>

#include "sila-field-errors.h"

G_BEGIN_DECLS

#define SILA_APPROVAL_APPROVER_MAX  200
#define SILA_APPROVAL_DECISION_MAX  60

/* The parts of an approval, as keys of a SilaFieldErrors. */
#define SILA_APPROVAL_FIELD_APPROVED_BY  "approved_by"
#define SILA_APPROVAL_FIELD_DECISION     "decision_number"
#define SILA_APPROVAL_FIELD_APPROVED_ON  "approved_on"

/* Checks an approval of the period that began on @period_start:
 * @approved_by and @decision_number are one line each, not empty, not too
 * long, without hidden controls (cleaned into *@approver and *@decision
 * when they are wanted); @approved_on (NULL or invalid: not given) is not
 * in the future nor before the period began. FALSE with each refusal under
 * its field, in the UI language. */
gboolean sila_approval_check (const char       *approved_by,
                              const char       *decision_number,
                              const GDate      *approved_on,
                              const GDate      *period_start,
                              char            **approver,
                              char            **decision,
                              SilaFieldErrors  *errors);

G_END_DECLS
