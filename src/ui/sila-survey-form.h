/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sila-session.h"

G_BEGIN_DECLS

#define SILA_TYPE_SURVEY_FORM (sila_survey_form_get_type ())
G_DECLARE_FINAL_TYPE (SilaSurveyForm, sila_survey_form, SILA, SURVEY_FORM, AdwWindow)

/* A survey an officer takes with a beneficiary (or types in from a paper
 * form). Errors appear beside the question or field at fault. */
SilaSurveyForm *sila_survey_form_new       (GtkWindow      *parent,
                                            SilaSession    *session);
/* The hook for requests, contacts and beneficiary files: the rows this
 * survey is about (UUIDs, any may be NULL), the request type it counts
 * under, and how to show the link ("Request 2026-0012"). The response
 * is linked unless the person asks to stay anonymous. */
void            sila_survey_form_set_links (SilaSurveyForm *self,
                                            const char     *beneficiary_id,
                                            const char     *request_id,
                                            const char     *contact_id,
                                            const char     *request_type,
                                            const char     *description);
/* For tests: parse @text as the answer to question @code, as if typed or
 * tapped; FALSE if there is no such question. */
gboolean        sila_survey_form_answer    (SilaSurveyForm *self,
                                            const char     *code,
                                            const char     *text);
/* The id of the response saved last, or NULL. */
const char     *sila_survey_form_get_saved_id (SilaSurveyForm *self);

G_END_DECLS
