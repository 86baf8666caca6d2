/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by the survey templates window (sila-survey-templates-window.c:
 * the list of templates and what is done to one from there) and its editor
 * (sila-survey-templates-editor.c: a template's names and questions, and
 * saving them). */
#pragma once

#include "sila-survey-templates-window.h"
#include "sila-survey.h"

G_BEGIN_DECLS

struct _SilaSurveyTemplatesWindow
{
  AdwWindow           parent_instance;

  SilaSession        *session;
  GPtrArray          *templates;
  SilaSurveyTemplate *editing;    /* the template as loaded into the editor */
  GPtrArray          *editors;    /* QuestionEditor (sila-survey-templates-editor.c) */

  /* Template widgets */
  AdwToastOverlay    *toast_overlay;
  GtkStack           *stack;
  GtkListBox         *list;
  GtkLabel           *list_error;
  AdwWindowTitle     *editor_title;
  AdwEntryRow        *code_row;
  AdwEntryRow        *name_ar_row;
  AdwEntryRow        *name_en_row;
  GtkLabel           *template_error;
  GtkLabel           *used_note;
  GtkBox             *questions_box;
};

/* In sila-survey-templates-window.c */
void sila_survey_templates_window_toast     (SilaSurveyTemplatesWindow *self,
                                             const char                *message);
void sila_survey_templates_window_load_list (SilaSurveyTemplatesWindow *self);

/* In sila-survey-templates-editor.c: "templates.new", "templates.save",
 * "templates.cancel", "templates.add-question". */
void sila_survey_templates_window_install_editor_actions (GtkWidgetClass            *widget_class);
void sila_survey_templates_window_init_editor            (SilaSurveyTemplatesWindow *self);
void sila_survey_templates_window_open_editor            (SilaSurveyTemplatesWindow *self,
                                                          const SilaSurveyTemplate  *tpl);

G_END_DECLS
