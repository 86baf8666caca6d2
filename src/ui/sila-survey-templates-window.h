/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sila-session.h"

G_BEGIN_DECLS

#define SILA_TYPE_SURVEY_TEMPLATES_WINDOW (sila_survey_templates_window_get_type ())
G_DECLARE_FINAL_TYPE (SilaSurveyTemplatesWindow, sila_survey_templates_window,
                      SILA, SURVEY_TEMPLATES_WINDOW, AdwWindow)

/* Where administrators list, write, copy, retire and choose the default
 * survey template. */
SilaSurveyTemplatesWindow *sila_survey_templates_window_new (GtkWindow   *parent,
                                                             SilaSession *session);
/* Opens the editor on the template @code ("" or NULL: a new one). */
gboolean sila_survey_templates_window_edit       (SilaSurveyTemplatesWindow *self,
                                                  const char                *code);
/* For tests: the editor's rows. */
GtkWidget *sila_survey_templates_window_get_question_row (SilaSurveyTemplatesWindow *self,
                                                          guint                      index,
                                                          const char                *which);

G_END_DECLS
