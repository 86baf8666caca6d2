/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The survey template editor: a template's code and names, one group of rows
 * per question (moved up and down, removed; an answered question keeps its
 * code, kind and choices), the choices typed one per line, and saving, with
 * the store's objection shown at the field it is about. */
#define G_LOG_DOMAIN "sila-ui"

#include "sila-config.h"

#include <glib/gi18n.h>

#include "sila-field-error.h"
#include "sila-store-surveys.h"
#include "sila-survey-templates-window-private.h"

typedef struct {
  char        *id;          /* the stored question's, or NULL */
  gboolean     locked;      /* answered already: code, kind and choices stay */
  GtkWidget   *group;
  AdwEntryRow *code_row;
  AdwComboRow *kind_row;
  AdwEntryRow *text_ar_row;
  AdwEntryRow *text_en_row;
  GtkSwitch   *required_switch;
  GtkWidget   *choices_frame;
  GtkTextView *choices_view;
  GtkLabel    *error;
} QuestionEditor;

static void
question_editor_free (QuestionEditor *e)
{
  g_free (e->id);
  g_free (e);
}

/* Choices, one per line: "code | عربي | English". */
static char *
choices_to_text (const SilaSurveyQuestion *q)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < q->choices->len; i++)
    {
      const SilaSurveyChoice *c = g_ptr_array_index (q->choices, i);

      g_string_append_printf (s, "%s%s | %s | %s", i > 0 ? "\n" : "", c->code, c->text_ar,
                              c->text_en);
    }

  return g_string_free (s, FALSE);
}

static void
choices_from_text (SilaSurveyQuestion *q,
                   const char         *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (lines[i], "|", 3);
      guint n = g_strv_length (parts);
      g_autofree char *code = NULL;

      for (guint j = 0; j < n; j++)
        g_strstrip (parts[j]);
      if (n == 0 || (n == 1 && *parts[0] == '\0'))
        continue;

      /* Without a code, one is made from the position. */
      if (n == 3)
        g_ptr_array_add (q->choices, sila_survey_choice_new (parts[0], parts[1], parts[2]));
      else
        {
          code = g_strdup_printf ("choice_%u", q->choices->len + 1);
          g_ptr_array_add (q->choices,
                           sila_survey_choice_new (code, parts[0], n > 1 ? parts[1] : parts[0]));
        }
    }
}

static void
kind_changed_cb (QuestionEditor *e)
{
  gtk_widget_set_visible (e->choices_frame,
                          adw_combo_row_get_selected (e->kind_row) == SILA_QUESTION_CHOICE);
}

static void
move_question (SilaSurveyTemplatesWindow *self,
               QuestionEditor            *e,
               int                        delta)
{
  guint index;
  guint target;
  GtkWidget *sibling = NULL;

  if (!g_ptr_array_find (self->editors, e, &index))
    return;

  if (delta < 0 && index == 0)
    return;
  target = index + delta;
  if (target >= self->editors->len)
    return;

  g_ptr_array_steal_index (self->editors, index);
  g_ptr_array_insert (self->editors, target, e);

  /* Put the group after the editor now before it (or first). */
  if (target > 0)
    sibling = ((QuestionEditor *)g_ptr_array_index (self->editors, target - 1))->group;
  gtk_box_reorder_child_after (self->questions_box, e->group, sibling);
}

static void
up_clicked_cb (GtkButton *button,
               gpointer   user_data)
{
  move_question (g_object_get_data (G_OBJECT (button), "window"), user_data, -1);
}

static void
down_clicked_cb (GtkButton *button,
                 gpointer   user_data)
{
  move_question (g_object_get_data (G_OBJECT (button), "window"), user_data, 1);
}

static void
remove_clicked_cb (GtkButton *button,
                   gpointer   user_data)
{
  SilaSurveyTemplatesWindow *self = g_object_get_data (G_OBJECT (button), "window");
  QuestionEditor *e = user_data;

  gtk_box_remove (self->questions_box, e->group);
  g_ptr_array_remove (self->editors, e);
}

static GtkWidget *
header_button (SilaSurveyTemplatesWindow *self,
               const char                *icon,
               const char                *tooltip,
               GCallback                  callback,
               QuestionEditor            *e)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data (G_OBJECT (button), "window", self);
  g_signal_connect (button, "clicked", callback, e);

  return button;
}

static void
add_question_editor (SilaSurveyTemplatesWindow *self,
                     const SilaSurveyQuestion  *q,
                     gboolean                   locked)
{
  QuestionEditor *e = g_new0 (QuestionEditor, 1);
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  GtkWidget *suffix = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *row, *error;
  GtkWidget *remove;

  e->id = q != NULL ? g_strdup (q->id) : NULL;
  e->locked = locked;
  e->group = adw_preferences_group_new ();

  for (SilaQuestionKind k = 0; k < SILA_N_QUESTION_KINDS; k++)
    gtk_string_list_append (kinds, sila_question_kind_to_display (k));

  e->code_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (e->code_row), _("Code"));
  gtk_widget_set_direction (GTK_WIDGET (e->code_row), GTK_TEXT_DIR_LTR);
  e->kind_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (e->kind_row), _("Kind of answer"));
  adw_combo_row_set_model (e->kind_row, G_LIST_MODEL (kinds));
  e->text_ar_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (e->text_ar_row), _("Question in Arabic"));
  gtk_widget_set_direction (GTK_WIDGET (e->text_ar_row), GTK_TEXT_DIR_RTL);
  e->text_en_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (e->text_en_row), _("Question in English"));
  gtk_widget_set_direction (GTK_WIDGET (e->text_en_row), GTK_TEXT_DIR_LTR);

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Needs an answer"));
  e->required_switch = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (e->required_switch), GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (e->required_switch));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (e->required_switch));

  e->choices_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_left_margin (e->choices_view, 8);
  gtk_text_view_set_top_margin (e->choices_view, 8);
  gtk_widget_set_size_request (GTK_WIDGET (e->choices_view), -1, 90);
  gtk_accessible_update_property (GTK_ACCESSIBLE (e->choices_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Choices"), -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (e->choices_view),
                               _("One choice per line: code | Arabic | English"));
  e->choices_frame = gtk_frame_new (_("Choices, one per line: code | Arabic | English"));
  gtk_frame_set_child (GTK_FRAME (e->choices_frame), GTK_WIDGET (e->choices_view));
  gtk_widget_set_margin_top (e->choices_frame, 6);

  error = gtk_label_new (NULL);
  gtk_widget_set_visible (error, FALSE);
  gtk_label_set_wrap (GTK_LABEL (error), TRUE);
  gtk_label_set_xalign (GTK_LABEL (error), 0);
  gtk_widget_set_margin_top (error, 6);
  gtk_widget_add_css_class (error, "sila-field-error");
  e->error = GTK_LABEL (error);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (e->group), GTK_WIDGET (e->code_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (e->group), GTK_WIDGET (e->kind_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (e->group), GTK_WIDGET (e->text_ar_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (e->group), GTK_WIDGET (e->text_en_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (e->group), row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (e->group), e->choices_frame);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (e->group), error);

  gtk_box_append (GTK_BOX (suffix), header_button (self, "go-up-symbolic", _("Move up"),
                                                   G_CALLBACK (up_clicked_cb), e));
  gtk_box_append (GTK_BOX (suffix), header_button (self, "go-down-symbolic", _("Move down"),
                                                   G_CALLBACK (down_clicked_cb), e));
  remove = header_button (self, "user-trash-symbolic", _("Remove the question"),
                          G_CALLBACK (remove_clicked_cb), e);
  gtk_widget_set_sensitive (remove, !locked);
  gtk_box_append (GTK_BOX (suffix), remove);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (e->group), suffix);

  if (q != NULL)
    {
      g_autofree char *choices = choices_to_text (q);

      gtk_editable_set_text (GTK_EDITABLE (e->code_row), q->code);
      adw_combo_row_set_selected (e->kind_row, q->kind);
      gtk_editable_set_text (GTK_EDITABLE (e->text_ar_row), q->text_ar);
      gtk_editable_set_text (GTK_EDITABLE (e->text_en_row), q->text_en);
      gtk_switch_set_active (e->required_switch, q->required);
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (e->choices_view), choices, -1);
    }
  else
    adw_combo_row_set_selected (e->kind_row, SILA_QUESTION_LIKERT);

  /* An answered question keeps its code, kind and choices. */
  gtk_widget_set_sensitive (GTK_WIDGET (e->code_row), !locked);
  gtk_widget_set_sensitive (GTK_WIDGET (e->kind_row), !locked);
  gtk_text_view_set_editable (e->choices_view, !locked);

  g_signal_connect_swapped (e->kind_row, "notify::selected", G_CALLBACK (kind_changed_cb), e);
  kind_changed_cb (e);

  g_ptr_array_add (self->editors, e);
  gtk_box_append (self->questions_box, e->group);
}

static void
clear_editor_errors (SilaSurveyTemplatesWindow *self)
{
  sila_field_error_clear (GTK_WIDGET (self->code_row), self->template_error);
  sila_field_error_clear (GTK_WIDGET (self->name_ar_row), self->template_error);
  sila_field_error_clear (GTK_WIDGET (self->name_en_row), self->template_error);
  for (guint i = 0; i < self->editors->len; i++)
    {
      QuestionEditor *e = g_ptr_array_index (self->editors, i);

      sila_field_error_clear (e->group, e->error);
      gtk_widget_remove_css_class (GTK_WIDGET (e->code_row), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (e->kind_row), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (e->text_ar_row), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (e->text_en_row), "error");
      gtk_widget_remove_css_class (e->choices_frame, "error");
    }
}

void
sila_survey_templates_window_open_editor (SilaSurveyTemplatesWindow *self,
                                          const SilaSurveyTemplate  *tpl)
{
  GtkWidget *child;

  g_clear_pointer (&self->editing, sila_survey_template_free);
  self->editing = sila_survey_template_copy (tpl);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->questions_box))) != NULL)
    gtk_box_remove (self->questions_box, child);
  g_ptr_array_set_size (self->editors, 0);

  gtk_editable_set_text (GTK_EDITABLE (self->code_row), tpl->code != NULL ? tpl->code : "");
  gtk_editable_set_text (GTK_EDITABLE (self->name_ar_row),
                         tpl->name_ar != NULL ? tpl->name_ar : "");
  gtk_editable_set_text (GTK_EDITABLE (self->name_en_row),
                         tpl->name_en != NULL ? tpl->name_en : "");
  gtk_widget_set_visible (GTK_WIDGET (self->used_note), tpl->n_responses > 0);
  adw_window_title_set_title (self->editor_title,
                              tpl->id == NULL ? _("New Template")
                                              : sila_survey_template_get_name (
                                                  tpl, sila_i18n_get_language ()));

  for (guint i = 0; i < tpl->questions->len; i++)
    add_question_editor (self, g_ptr_array_index (tpl->questions, i),
                         tpl->n_responses > 0 && tpl->id != NULL);

  clear_editor_errors (self);
  gtk_stack_set_visible_child_name (self->stack, "editor");
}

static SilaSurveyTemplate *
template_from_editor (SilaSurveyTemplatesWindow *self)
{
  SilaSurveyTemplate *tpl = sila_survey_template_new (
    gtk_editable_get_text (GTK_EDITABLE (self->code_row)),
    gtk_editable_get_text (GTK_EDITABLE (self->name_ar_row)),
    gtk_editable_get_text (GTK_EDITABLE (self->name_en_row)));

  tpl->id = g_strdup (self->editing->id);
  tpl->rev = self->editing->rev;
  tpl->is_default = self->editing->is_default;

  for (guint i = 0; i < self->editors->len; i++)
    {
      QuestionEditor *e = g_ptr_array_index (self->editors, i);
      SilaSurveyQuestion *q;
      g_autofree char *choices = NULL;
      GtkTextIter start, end;
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (e->choices_view);

      q = sila_survey_question_new (gtk_editable_get_text (GTK_EDITABLE (e->code_row)),
                                    adw_combo_row_get_selected (e->kind_row),
                                    gtk_editable_get_text (GTK_EDITABLE (e->text_ar_row)),
                                    gtk_editable_get_text (GTK_EDITABLE (e->text_en_row)),
                                    gtk_switch_get_active (e->required_switch));
      q->id = g_strdup (e->id);
      gtk_text_buffer_get_bounds (buffer, &start, &end);
      choices = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      if (q->kind == SILA_QUESTION_CHOICE)
        choices_from_text (q, choices);
      g_ptr_array_add (tpl->questions, q);
    }

  return tpl;
}

static void
show_problem (SilaSurveyTemplatesWindow *self,
              const SilaSurveyProblem   *problem,
              const GError              *error)
{
  QuestionEditor *e = NULL;
  GtkWidget *field = NULL;

  if (problem->question >= 0 && (guint)problem->question < self->editors->len)
    e = g_ptr_array_index (self->editors, problem->question);

  switch (problem->field)
    {
    case SILA_SURVEY_FIELD_CODE:
      sila_field_error_show (GTK_WIDGET (self->code_row), self->template_error, error);
      return;
    case SILA_SURVEY_FIELD_NAME_AR:
      sila_field_error_show (GTK_WIDGET (self->name_ar_row), self->template_error, error);
      return;
    case SILA_SURVEY_FIELD_NAME_EN:
      sila_field_error_show (GTK_WIDGET (self->name_en_row), self->template_error, error);
      return;
    case SILA_SURVEY_FIELD_QUESTION_CODE:
      field = e != NULL ? GTK_WIDGET (e->code_row) : NULL;
      break;
    case SILA_SURVEY_FIELD_QUESTION_KIND:
      field = e != NULL ? GTK_WIDGET (e->kind_row) : NULL;
      break;
    case SILA_SURVEY_FIELD_QUESTION_TEXT_AR:
      field = e != NULL ? GTK_WIDGET (e->text_ar_row) : NULL;
      break;
    case SILA_SURVEY_FIELD_QUESTION_TEXT_EN:
      field = e != NULL ? GTK_WIDGET (e->text_en_row) : NULL;
      break;
    case SILA_SURVEY_FIELD_QUESTION_CHOICES:
      field = e != NULL ? e->choices_frame : NULL;
      break;
    case SILA_SURVEY_FIELD_QUESTIONS:
    case SILA_SURVEY_FIELD_NONE:
    default:
      break;
    }

  if (field != NULL)
    {
      sila_field_error_show (e->group, e->error, error);
      gtk_widget_add_css_class (field, "error");
      gtk_widget_grab_focus (field);
    }
  else
    sila_field_error_show (GTK_WIDGET (self->code_row), self->template_error, error);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SilaSurveyTemplatesWindow *self = SILA_SURVEY_TEMPLATES_WINDOW (widget);
  g_autoptr(SilaSurveyTemplate) tpl = template_from_editor (self);
  g_autoptr(GError) error = NULL;
  SilaSurveyProblem problem = { SILA_SURVEY_FIELD_NONE, -1 };

  clear_editor_errors (self);
  if (!sila_store_save_survey_template (sila_session_get_store (self->session),
                                        sila_session_get_actor (self->session), tpl, &problem,
                                        &error))
    {
      show_problem (self, &problem, error);
      return;
    }

  sila_session_notify_changed (self->session, "survey");
  sila_survey_templates_window_load_list (self);
  gtk_stack_set_visible_child_name (self->stack, "list");
  sila_survey_templates_window_toast (self, _("The template was saved."));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SilaSurveyTemplatesWindow *self = SILA_SURVEY_TEMPLATES_WINDOW (widget);

  gtk_stack_set_visible_child_name (self->stack, "list");
}

static void
add_question_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SilaSurveyTemplatesWindow *self = SILA_SURVEY_TEMPLATES_WINDOW (widget);

  add_question_editor (self, NULL, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (((QuestionEditor *)g_ptr_array_index (
    self->editors, self->editors->len - 1))->code_row));
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  SilaSurveyTemplatesWindow *self = SILA_SURVEY_TEMPLATES_WINDOW (widget);
  g_autoptr(SilaSurveyTemplate) tpl = sila_survey_template_new ("", "", "");

  sila_survey_templates_window_open_editor (self, tpl);
  add_question_editor (self, NULL, FALSE);
}

void
sila_survey_templates_window_install_editor_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "templates.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "templates.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "templates.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "templates.add-question", NULL,
                                   add_question_action);
}

void
sila_survey_templates_window_init_editor (SilaSurveyTemplatesWindow *self)
{
  self->editors = g_ptr_array_new_with_free_func ((GDestroyNotify)question_editor_free);
}

/* For tests: the editor's rows. */
GtkWidget *
sila_survey_templates_window_get_question_row (SilaSurveyTemplatesWindow *self,
                                               guint                      index,
                                               const char                *which)
{
  QuestionEditor *e;

  g_return_val_if_fail (SILA_IS_SURVEY_TEMPLATES_WINDOW (self), NULL);

  if (index >= self->editors->len)
    return NULL;

  e = g_ptr_array_index (self->editors, index);
  if (g_str_equal (which, "code"))
    return GTK_WIDGET (e->code_row);
  if (g_str_equal (which, "text_ar"))
    return GTK_WIDGET (e->text_ar_row);
  if (g_str_equal (which, "text_en"))
    return GTK_WIDGET (e->text_en_row);
  if (g_str_equal (which, "error"))
    return GTK_WIDGET (e->error);
  return NULL;
}

