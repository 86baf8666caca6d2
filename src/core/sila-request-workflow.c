/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-core"

#include "sila-config.h"

#include <glib/gi18n-lib.h>

#include "sila-clock.h"
#include "sila-date.h"
#include "sila-request-workflow.h"

#define R(s) SILA_REQUEST_##s
#define P(p) SILA_PERM_REQUEST_##p

/* The one table of the procedure. Roles per permission: sila-roles.c. */
static const SilaRequestStep steps[] = {
  { R (RECEIVED),           R (DOCUMENTS_COMPLETE), P (DOCUMENTS), SILA_STEP_NEEDS_CHECKLIST },
  { R (DOCUMENTS_COMPLETE), R (IN_RESEARCH),        P (REFER),     SILA_STEP_NEEDS_NOTHING },
  { R (IN_RESEARCH),        R (RESEARCH_DONE),      P (RESEARCH),  SILA_STEP_NEEDS_FINDINGS },
  { R (RESEARCH_DONE),      R (WITH_COMMITTEE),     P (REFER),     SILA_STEP_NEEDS_CHECKLIST },
  { R (WITH_COMMITTEE),     R (ACCEPTED),           P (DECIDE),    SILA_STEP_NEEDS_DECISION },
  { R (WITH_COMMITTEE),     R (REJECTED),           P (DECIDE),
    SILA_STEP_NEEDS_DECISION | SILA_STEP_NEEDS_REASON },
  { R (ACCEPTED),           R (REGISTERED),         P (REGISTER),  SILA_STEP_NEEDS_NOTHING },
  { R (REGISTERED),         R (DELIVERED),          P (DELIVER),   SILA_STEP_NEEDS_AMOUNT },
  { R (DELIVERED),          R (CLOSED),             P (CLOSE),     SILA_STEP_NEEDS_NOTHING },
  { R (REJECTED),           R (CLOSED),             P (CLOSE),     SILA_STEP_NEEDS_NOTHING },
  /* Withdrawn, with a reason, while the request is still open. */
  { R (RECEIVED),           R (WITHDRAWN),          P (WITHDRAW),  SILA_STEP_NEEDS_REASON },
  { R (DOCUMENTS_COMPLETE), R (WITHDRAWN),          P (WITHDRAW),  SILA_STEP_NEEDS_REASON },
  { R (IN_RESEARCH),        R (WITHDRAWN),          P (WITHDRAW),  SILA_STEP_NEEDS_REASON },
  { R (RESEARCH_DONE),      R (WITHDRAWN),          P (WITHDRAW),  SILA_STEP_NEEDS_REASON },
  { R (WITH_COMMITTEE),     R (WITHDRAWN),          P (WITHDRAW),  SILA_STEP_NEEDS_REASON },
  { R (ACCEPTED),           R (WITHDRAWN),          P (WITHDRAW),  SILA_STEP_NEEDS_REASON },
  { R (REGISTERED),         R (WITHDRAWN),          P (WITHDRAW),  SILA_STEP_NEEDS_REASON },
};

#undef R
#undef P

G_DEFINE_QUARK (sila-workflow-error-quark, sila_workflow_error)

const SilaRequestStep *
sila_request_step_find (SilaRequestStatus from,
                        SilaRequestStatus to)
{
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (steps[i].from == from && steps[i].to == to)
      return &steps[i];

  return NULL;
}

const SilaRequestStep *
sila_request_steps_get (guint *n_steps)
{
  *n_steps = G_N_ELEMENTS (steps);
  return steps;
}

guint
sila_request_next_statuses (SilaRequestStatus from,
                            SilaRequestStatus next[SILA_N_REQUEST_STATUSES])
{
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (steps[i].from == from)
      next[n++] = steps[i].to;

  return n;
}

char *
sila_request_describe_no_step (SilaRequestStatus from,
                               SilaRequestStatus to)
{
  SilaRequestStatus next[SILA_N_REQUEST_STATUSES];
  g_autoptr(GString) list = g_string_new (NULL);
  guint n = sila_request_next_statuses (from, next);

  if (from == to)
    return g_strdup_printf (_("The request is already “%s”."),
                            sila_request_status_to_display (from));

  if (n == 0)
    return g_strdup_printf (_("The request is “%s”: nothing more can happen to it."),
                            sila_request_status_to_display (from));

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        /* Translators: between the statuses of a list of choices. */
        g_string_append (list, _(" or "));
      g_string_append_printf (list, "“%s”", sila_request_status_to_display (next[i]));
    }

  /* Translators: e.g. A request that is “Received” cannot become
   * “Accepted”: the policy’s next step is “Documents complete” or “Withdrawn”. */
  return g_strdup_printf (_("A request that is “%s” cannot become “%s”: the policy’s next step "
                            "is %s."),
                          sila_request_status_to_display (from),
                          sila_request_status_to_display (to), list->str);
}

static gboolean
has_text (const char *text)
{
  if (text == NULL)
    return FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return TRUE;

  return FALSE;
}

/* A date a step records: not in the future, not before the request. */
static void
check_date (const SilaRequest *request,
            const GDate       *date,
            const char        *what,
            SilaFieldErrors   *errors,
            const char        *field)
{
  GDate today;

  if (date == NULL)
    return;

  sila_clock_today (&today);
  if (!g_date_valid (date) || g_date_compare (date, &today) > 0)
    {
      g_autofree char *message = NULL;

      /* Translators: %s is "The visit date", "The date of the decision"… */
      message = g_strdup_printf (_("%s cannot be in the future."), what);
      sila_field_errors_add (errors, field, SILA_WORKFLOW_ERROR,
                             SILA_WORKFLOW_ERROR_INCOMPLETE, message);
      return;
    }
  if (g_date_valid (&request->received) && g_date_compare (date, &request->received) < 0)
    {
      g_autofree char *received = sila_date_format (&request->received, SILA_CALENDAR_GREGORIAN);
      g_autofree char *message = NULL;

      message = g_strdup_printf (_("%s cannot be before the request was received (%s)."), what,
                                 received);
      sila_field_errors_add (errors, field, SILA_WORKFLOW_ERROR,
                             SILA_WORKFLOW_ERROR_INCOMPLETE, message);
    }
}

static void
incomplete (SilaFieldErrors *errors,
            const char      *field,
            const char      *message)
{
  sila_field_errors_add (errors, field, SILA_WORKFLOW_ERROR, SILA_WORKFLOW_ERROR_INCOMPLETE,
                         message);
}

gboolean
sila_request_check_step_fields (const SilaRequest   *request,
                                SilaRequestStatus    to,
                                const SilaStepInput *input,
                                SilaFieldErrors     *errors)
{
  static const SilaStepInput nothing = { 0 };
  const SilaRequestStep *step;
  guint before;

  g_return_val_if_fail (request != NULL, FALSE);
  g_return_val_if_fail (errors != NULL, FALSE);

  if (input == NULL)
    input = &nothing;
  before = sila_field_errors_count (errors);

  step = sila_request_step_find (request->status, to);
  if (step == NULL)
    {
      g_autofree char *why = sila_request_describe_no_step (request->status, to);

      sila_field_errors_add (errors, SILA_STEP_FIELD_STEP, SILA_WORKFLOW_ERROR,
                             SILA_WORKFLOW_ERROR_NO_SUCH_STEP, why);
      return FALSE;
    }

  if ((step->needs & SILA_STEP_NEEDS_FINDINGS))
    {
      check_date (request, input->visit_date, _("The visit date"), errors,
                  SILA_STEP_FIELD_VISIT_DATE);
      if (!has_text (input->findings))
        incomplete (errors, SILA_STEP_FIELD_FINDINGS,
                    _("The research report needs its findings: what the research found."));
      if (!has_text (input->recommendation))
        incomplete (errors, SILA_STEP_FIELD_RECOMMENDATION,
                    _("The research report needs the researcher’s recommendation."));
    }

  if (step->needs & SILA_STEP_NEEDS_DECISION)
    check_date (request, input->decided_on, _("The date of the decision"), errors,
                SILA_STEP_FIELD_DECIDED_ON);

  if ((step->needs & SILA_STEP_NEEDS_REASON) && !has_text (input->reason))
    incomplete (errors, SILA_STEP_FIELD_REASON,
                to == SILA_REQUEST_REJECTED
                ? _("A rejection needs its reason: the applicant is told why.")
                : _("A withdrawal needs its reason."));

  if (step->needs & SILA_STEP_NEEDS_AMOUNT)
    {
      if (input->delivery_kind != NULL &&
          !g_strv_contains (sila_delivery_kind_codes (), input->delivery_kind))
        {
          g_autofree char *message = g_strdup_printf (_("There is no kind of service “%s”."),
                                                      input->delivery_kind);

          incomplete (errors, SILA_STEP_FIELD_KIND, message);
        }
      if (!input->has_amount)
        incomplete (errors, SILA_STEP_FIELD_AMOUNT,
                    _("Give the value of the service delivered (0 if it has none)."));
      else if (input->amount_halalas < 0)
        incomplete (errors, SILA_STEP_FIELD_AMOUNT, _("The value delivered cannot be negative."));
      check_date (request, input->delivered_on, _("The date of delivery"), errors,
                  SILA_STEP_FIELD_DELIVERED_ON);
    }

  if (step->needs & SILA_STEP_NEEDS_CHECKLIST)
    {
      g_autofree char *problems = sila_request_describe_checklist (request);

      if (problems != NULL)
        {
          g_autofree char *message = NULL;

          message = g_strdup_printf (to == SILA_REQUEST_WITH_COMMITTEE
                                     ? _("The request cannot go to the committee while a "
                                         "required document is missing, unverified or expired: "
                                         "%s.")
                                     : _("The documents are not complete: %s."),
                                     problems);
          sila_field_errors_add (errors, SILA_STEP_FIELD_DOCUMENTS, SILA_WORKFLOW_ERROR,
                                 SILA_WORKFLOW_ERROR_CHECKLIST, message);
        }
    }

  return sila_field_errors_count (errors) == before;
}

gboolean
sila_request_check_step (const SilaRequest    *request,
                         SilaRequestStatus     to,
                         const SilaStepInput  *input,
                         GError              **error)
{
  g_autoptr(SilaFieldErrors) errors = sila_field_errors_new ();
  const GError *first = NULL;

  g_return_val_if_fail (request != NULL, FALSE);

  if (sila_request_check_step_fields (request, to, input, errors))
    return TRUE;

  sila_field_errors_first (errors, &first);
  g_propagate_error (error, g_error_copy (first));
  return FALSE;
}

gboolean
sila_request_check_assign_researcher (const SilaRequest  *request,
                                      GError            **error)
{
  g_return_val_if_fail (request != NULL, FALSE);

  if (request->status == SILA_REQUEST_DOCUMENTS_COMPLETE ||
      request->status == SILA_REQUEST_IN_RESEARCH)
    return TRUE;

  g_set_error (error, SILA_WORKFLOW_ERROR, SILA_WORKFLOW_ERROR_NO_SUCH_STEP,
               _("A researcher is assigned when the request goes to social research; this "
                 "one is “%s”."),
               sila_request_status_to_display (request->status));
  return FALSE;
}
