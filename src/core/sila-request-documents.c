/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The rules of a request's documents (sila-request.h): what a document may
 * be recorded as, the expiry rule of the policy, what keeps a request from
 * the committee, and so what the request waits for. */
#define G_LOG_DOMAIN "sila-core"

#include "sila-config.h"

#include <glib/gi18n-lib.h>

#include "sila-date.h"
#include "sila-request.h"
#include "sila-validation.h"

SilaDocumentStatus
sila_document_status_at_submission (SilaDocumentStatus  wanted,
                                    const GDate        *expires,
                                    const GDate        *submitted)
{
  if ((wanted == SILA_DOCUMENT_PROVIDED || wanted == SILA_DOCUMENT_VERIFIED) &&
      expires != NULL && g_date_valid (expires) &&
      submitted != NULL && g_date_valid (submitted) &&
      g_date_compare (expires, submitted) < 0)
    return SILA_DOCUMENT_EXPIRED;

  return wanted;
}

char *
sila_request_document_problem (const SilaRequestDocument *document)
{
  if (!document->required)
    return NULL;

  switch (document->status)
    {
    case SILA_DOCUMENT_VERIFIED:
      /* Verified before the rule existed, or by hand: check again. */
      if (sila_document_status_at_submission (SILA_DOCUMENT_VERIFIED, &document->expires,
                                              &document->submitted) == SILA_DOCUMENT_EXPIRED)
        break;
      return NULL;
    case SILA_DOCUMENT_MISSING:
      return g_strdup (_("missing"));
    case SILA_DOCUMENT_PROVIDED:
      return g_strdup (_("provided, not verified yet"));
    case SILA_DOCUMENT_REJECTED:
      return g_strdup (_("rejected"));
    case SILA_DOCUMENT_EXPIRED:
    default:
      break;
    }

  if (g_date_valid (&document->expires))
    {
      g_autofree char *date = sila_date_format (&document->expires, SILA_CALENDAR_GREGORIAN);

      return g_strdup_printf (_("expired on %s, before it was submitted"), date);
    }
  return g_strdup (_("expired"));
}

gboolean
sila_document_status_check_chosen (SilaDocumentStatus   status,
                                   GError             **error)
{
  if (status != SILA_DOCUMENT_EXPIRED)
    return TRUE;

  g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                       _("A document is found expired from its expiry date: give the date "
                         "instead."));
  return FALSE;
}

gboolean
sila_request_document_check_status (const SilaRequestDocument  *document,
                                    SilaDocumentStatus          status,
                                    const GDate                *expires,
                                    GError                    **error)
{
  g_return_val_if_fail (document != NULL, FALSE);

  if (!sila_document_status_check_chosen (status, error))
    return FALSE;

  if (status == SILA_DOCUMENT_VERIFIED && document->type_expires &&
      (expires == NULL || !g_date_valid (expires)))
    {
      g_set_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_REQUIRED,
                   _("%s expires: give its expiry date before it is marked verified, so that "
                     "it is checked against the day it was submitted."),
                   sila_request_document_get_display (document));
      return FALSE;
    }

  return TRUE;
}

SilaDocumentStatus
sila_request_document_status_with_new_expiry (const SilaRequestDocument *document)
{
  g_return_val_if_fail (document != NULL, SILA_DOCUMENT_MISSING);

  return document->status == SILA_DOCUMENT_EXPIRED ? SILA_DOCUMENT_PROVIDED : document->status;
}

SilaDocumentStatus
sila_request_document_status_with_scan (const SilaRequestDocument *document)
{
  g_return_val_if_fail (document != NULL, SILA_DOCUMENT_MISSING);

  return document->status == SILA_DOCUMENT_MISSING ? SILA_DOCUMENT_PROVIDED : document->status;
}

char *
sila_request_document_describe_expired (const SilaRequestDocument *document,
                                        SilaDocumentStatus         wanted)
{
  g_autofree char *date = NULL;

  g_return_val_if_fail (document != NULL, NULL);

  if (!g_date_valid (&document->expires))
    return g_strdup_printf (_("%s had expired before it was submitted: it is recorded as "
                              "expired, not as “%s”."),
                            sila_request_document_get_display (document),
                            sila_document_status_to_display (wanted));

  date = sila_date_format (&document->expires, SILA_CALENDAR_GREGORIAN);
  /* Translators: e.g. Copy of the national ID had expired (on 28 February
   * 2025) before it was submitted: it is recorded as expired, not as “Verified”. */
  return g_strdup_printf (_("%s had expired (on %s) before it was submitted: it is recorded as "
                            "expired, not as “%s”."),
                          sila_request_document_get_display (document), date,
                          sila_document_status_to_display (wanted));
}

char *
sila_request_describe_checklist (const SilaRequest *request)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < request->documents->len; i++)
    {
      const SilaRequestDocument *document = g_ptr_array_index (request->documents, i);
      g_autofree char *problem = sila_request_document_problem (document);

      if (problem == NULL)
        continue;
      if (text->len > 0)
        /* Translators: between the documents of a list of problems. */
        g_string_append (text, _("; "));
      /* Translators: a document and what is wrong with it: "Income proof: missing". */
      g_string_append_printf (text, _("%s: %s"), sila_request_document_get_display (document),
                              problem);
    }

  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

char *
sila_request_describe_next (const SilaRequest *request)
{
  g_autofree char *missing = NULL;
  g_autofree char *researcher = NULL;
  const char *next = NULL;

  /* Until the committee has it, a required document that went back to
   * missing (or was rejected, or found expired) holds the request back:
   * the committee step needs the checklist (sila-request-workflow.c). */
  if (request->status >= SILA_REQUEST_RECEIVED && request->status < SILA_REQUEST_WITH_COMMITTEE)
    missing = sila_request_describe_checklist (request);

  switch (request->status)
    {
    case SILA_REQUEST_RECEIVED:
      if (missing != NULL)
        return g_strdup_printf (_("Waits for its documents: %s."), missing);
      return g_strdup (_("The documents are complete: an officer confirms them."));
    case SILA_REQUEST_DOCUMENTS_COMPLETE:
      next = _("Waits to be referred to social research.");
      break;
    case SILA_REQUEST_IN_RESEARCH:
      if (request->researcher_name != NULL || request->researcher != NULL)
        {
          researcher = g_strdup_printf (_("Waits for the research report of %s."),
                                        request->researcher_name != NULL
                                        ? request->researcher_name : request->researcher);
          next = researcher;
          break;
        }
      next = _("Waits for a social researcher to take it.");
      break;
    case SILA_REQUEST_RESEARCH_DONE:
      if (missing != NULL)
        return g_strdup_printf (_("Cannot go to the research committee until its documents are "
                                  "complete: %s."),
                                missing);
      return g_strdup (_("Waits to be raised to the research committee."));
    case SILA_REQUEST_WITH_COMMITTEE:
      return g_strdup (_("Waits for the committee’s decision."));
    case SILA_REQUEST_ACCEPTED:
      return g_strdup (_("Accepted: waits for the registration procedures."));
    case SILA_REQUEST_REJECTED:
      return g_strdup (_("Rejected: the applicant is told the reason, then it is closed."));
    case SILA_REQUEST_REGISTERED:
      return g_strdup (_("Registered: waits for the service to be delivered."));
    case SILA_REQUEST_DELIVERED:
      return g_strdup (_("The service was delivered: waits to be closed."));
    case SILA_REQUEST_CLOSED:
      return g_strdup (_("Closed."));
    case SILA_REQUEST_WITHDRAWN:
      return g_strdup (_("Withdrawn."));
    case SILA_REQUEST_NONE:
    case SILA_N_REQUEST_STATUSES:
    default:
      return g_strdup ("");
    }

  if (missing == NULL)
    return g_strdup (next);
  /* Translators: the next step, then the documents that hold the request
   * back: "Waits to be referred to social research. Before it can go to
   * the committee, its documents must be complete: Proof of income: missing." */
  return g_strdup_printf (_("%s Before it can go to the committee, its documents must be "
                            "complete: %s."),
                          next, missing);
}
