/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The policy's procedure as a table (seed/policy-en.md, "How the
 * beneficiary is handled"): which status may follow which, the permission
 * that step needs (whose roles are in sila-roles.c, the one role table),
 * and what the step must bring — a reason, the research findings, the
 * amount delivered, a complete checklist.
 *
 *   received → documents_complete → in_research → research_done →
 *   with_committee → accepted | rejected;  accepted → registered →
 *   delivered → closed;  rejected → closed;
 *   withdrawn (with a reason) from any state before the decision, or from
 *   accepted and registered.
 *
 * The store enforces it (sila-store-requests.c): a step the table does not
 * have, or that the acting role may not take, changes nothing. */
#pragma once

#include <glib.h>

#include "sila-field-errors.h"
#include "sila-request.h"
#include "sila-roles.h"

G_BEGIN_DECLS

#define SILA_WORKFLOW_ERROR (sila_workflow_error_quark ())

typedef enum {
  SILA_WORKFLOW_ERROR_NO_SUCH_STEP,  /* the policy has no such step */
  SILA_WORKFLOW_ERROR_INCOMPLETE,    /* the step lacks a reason, findings, an amount… */
  SILA_WORKFLOW_ERROR_CHECKLIST,     /* a required document is not ready */
} SilaWorkflowError;

typedef enum {
  SILA_STEP_NEEDS_NOTHING   = 0,
  SILA_STEP_NEEDS_REASON    = 1 << 0,  /* rejected, withdrawn */
  SILA_STEP_NEEDS_FINDINGS  = 1 << 1,  /* research_done: findings and recommendation */
  SILA_STEP_NEEDS_AMOUNT    = 1 << 2,  /* delivered: the value of the service */
  SILA_STEP_NEEDS_CHECKLIST = 1 << 3,  /* every required document verified and valid */
  SILA_STEP_NEEDS_DECISION  = 1 << 4,  /* accepted, rejected: the committee's record */
} SilaStepNeeds;

typedef struct {
  SilaRequestStatus from;
  SilaRequestStatus to;
  SilaPermission    permission;
  SilaStepNeeds     needs;
} SilaRequestStep;

/* What a step brings. Members a step does not need are ignored. */
typedef struct {
  const char  *reason;
  const char  *note;            /* any step: kept on the timeline */
  gboolean     has_amount;
  gint64       amount_halalas;  /* delivered */
  const char  *delivery_kind;   /* delivered: a sila_delivery_kind code; NULL: cash */
  const GDate *delivered_on;    /* delivered: NULL is today */
  const char  *researcher;      /* in_research: the user name assigned, or NULL */
  const GDate *visit_date;      /* research_done, or NULL */
  const char  *findings;        /* research_done: what the research found */
  const char  *recommendation;  /* research_done: what the researcher recommends */
  const GDate *decided_on;      /* accepted/rejected: NULL is today */
  const char  *members;         /* accepted/rejected: the members present */
} SilaStepInput;

/* The parts of a step's input, as keys of a SilaFieldErrors: each refusal
 * is shown beside its own field in the window, and names its option on the
 * command line. */
#define SILA_STEP_FIELD_STEP            "step"            /* the step itself */
#define SILA_STEP_FIELD_REASON          "reason"
#define SILA_STEP_FIELD_FINDINGS        "findings"
#define SILA_STEP_FIELD_RECOMMENDATION  "recommendation"
#define SILA_STEP_FIELD_VISIT_DATE      "visit_date"
#define SILA_STEP_FIELD_DECIDED_ON      "decided_on"
#define SILA_STEP_FIELD_AMOUNT          "amount"
#define SILA_STEP_FIELD_KIND            "kind"
#define SILA_STEP_FIELD_DELIVERED_ON    "delivered_on"
#define SILA_STEP_FIELD_DOCUMENTS       "documents"

GQuark                 sila_workflow_error_quark     (void);

/* The step from @from to @to, or NULL when the policy has none. */
const SilaRequestStep *sila_request_step_find        (SilaRequestStatus  from,
                                                      SilaRequestStatus  to);
/* Every step of the table, withdrawals included. */
const SilaRequestStep *sila_request_steps_get        (guint             *n_steps);
/* The statuses that may follow @from, in the order of the procedure. */
guint                  sila_request_next_statuses    (SilaRequestStatus  from,
                                                      SilaRequestStatus  next[SILA_N_REQUEST_STATUSES]);

/* Checks that @request may go to @to with @input, everything but the
 * acting role (the store checks that against the step's permission):
 * the step exists, it brings what it needs (research: the findings and the
 * recommendation, both), the checklist is complete when it must be, dates
 * are not in the future nor before the request. Errors in
 * SILA_WORKFLOW_ERROR, in the UI language, saying what to do; the first
 * refusal of sila_request_check_step_fields(). */
gboolean               sila_request_check_step       (const SilaRequest    *request,
                                                      SilaRequestStatus     to,
                                                      const SilaStepInput  *input,
                                                      GError              **error);

/* The same checks, every refusal under its field (SILA_STEP_FIELD_…), in
 * the order of the form; FALSE when @errors got any. A step the policy has
 * not is refused under SILA_STEP_FIELD_STEP alone. */
gboolean               sila_request_check_step_fields (const SilaRequest   *request,
                                                       SilaRequestStatus    to,
                                                       const SilaStepInput *input,
                                                       SilaFieldErrors     *errors);

/* Whether a researcher may be assigned to @request now: when it goes to
 * social research or is there. FALSE with a SILA_WORKFLOW_ERROR otherwise. */
gboolean               sila_request_check_assign_researcher (const SilaRequest  *request,
                                                             GError            **error);

/* A refusal of the policy, as a sentence: "A request that is “Received”
 * cannot become “Accepted”: next it can become …". */
char                  *sila_request_describe_no_step (SilaRequestStatus  from,
                                                      SilaRequestStatus  to);

G_END_DECLS
