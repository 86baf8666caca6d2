/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-ui"

#include "sila-config.h"

#include <glib/gi18n.h>

#include "sila-clock.h"
#include "sila-date.h"
#include "sila-field-error.h"
#include "sila-format.h"
#include "sila-store-surveys.h"
#include "sila-survey-form.h"
#include "sila-ui-channels.h"
#include "sila-validation.h"

typedef struct {
  GtkWidget   *group;
  GtkLabel    *error;
  GPtrArray   *buttons;   /* GtkToggleButton */
  GtkTextView *text_view;
} QuestionWidgets;

struct _SilaSurveyForm
{
  AdwWindow           parent_instance;

  SilaSession        *session;
  GPtrArray          *templates;   /* SilaSurveyTemplate in use */
  SilaSurveyResponse *response;
  GArray             *widgets;     /* QuestionWidgets, per question */
  char               *beneficiary_id;
  char               *request_id;
  char               *contact_id;
  char               *request_type;
  char               *saved_id;
  gboolean            updating;

  /* Template widgets */
  GtkWidget          *scroller;
  AdwComboRow        *template_row;
  AdwComboRow        *mode_row;
  AdwComboRow        *channel_row;
  AdwEntryRow        *date_row;
  GtkLabel           *date_error;
  GtkSwitch          *anonymous_switch;
  AdwActionRow       *anonymous_row;
  AdwActionRow       *link_row;
  GtkBox             *questions_box;
  GtkLabel           *form_error;
};

G_DEFINE_FINAL_TYPE (SilaSurveyForm, sila_survey_form, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clear_widgets (QuestionWidgets *w)
{
  g_clear_pointer (&w->buttons, g_ptr_array_unref);
}

static SilaSurveyMode
selected_mode (SilaSurveyForm *self)
{
  return adw_combo_row_get_selected (self->mode_row) == 1 ? SILA_SURVEY_MODE_PAPER
                                                          : SILA_SURVEY_MODE_OFFICER;
}

static void
toggled_cb (SilaSurveyForm  *self,
            GtkToggleButton *button)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "question"));
  const char *value = g_object_get_data (G_OBJECT (button), "value");
  const SilaSurveyQuestion *q = g_ptr_array_index (self->response->tpl->questions, index);
  QuestionWidgets *w = &g_array_index (self->widgets, QuestionWidgets, index);
  gboolean any = FALSE;

  if (self->updating)
    return;

  for (guint i = 0; i < w->buttons->len; i++)
    any = any || gtk_toggle_button_get_active (g_ptr_array_index (w->buttons, i));

  if (!any)
    sila_survey_answer_clear (&self->response->answers[index]);
  else if (gtk_toggle_button_get_active (button))
    sila_survey_answer_parse (q, value, &self->response->answers[index], NULL);

  sila_field_error_clear (w->group, w->error);
}

static void
add_toggle (SilaSurveyForm  *self,
            QuestionWidgets *w,
            GtkWidget       *box,
            guint            index,
            const char      *label,
            const char      *tooltip,
            const char      *value)
{
  GtkWidget *button = gtk_toggle_button_new_with_label (label);

  gtk_widget_set_hexpand (button, TRUE);
  /* style.css fills the chosen answer, so that it never looks like hover. */
  gtk_widget_add_css_class (button, "sila-survey-choice");
  if (tooltip != NULL)
    {
      gtk_widget_set_tooltip_text (button, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      tooltip, -1);
    }
  g_object_set_data_full (G_OBJECT (button), "value", g_strdup (value), g_free);
  g_object_set_data (G_OBJECT (button), "question", GUINT_TO_POINTER (index));
  if (w->buttons->len > 0)
    gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), g_ptr_array_index (w->buttons, 0));
  g_ptr_array_add (w->buttons, button);
  g_signal_connect_object (button, "toggled", G_CALLBACK (toggled_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), button);
}

static GtkWidget *
question_widget (SilaSurveyForm           *self,
                 QuestionWidgets          *w,
                 const SilaSurveyQuestion *q,
                 guint                     index)
{
  SilaLanguage language = sila_i18n_get_language ();
  GtkWidget *box;

  switch (q->kind)
    {
    case SILA_QUESTION_LIKERT:
      box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      gtk_box_set_homogeneous (GTK_BOX (box), TRUE);
      gtk_widget_add_css_class (box, "linked");
      for (int v = 1; v <= 5; v++)
        {
          g_autofree char *number = sila_format_int (v);
          g_autofree char *value = g_strdup_printf ("%d", v);
          g_autofree char *label = g_strdup_printf ("%s %s", number,
                                                    sila_survey_likert_label (v, language));

          add_toggle (self, w, box, index, label, NULL, value);
        }
      return box;

    case SILA_QUESTION_RECOMMEND:
      box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      gtk_box_set_homogeneous (GTK_BOX (box), TRUE);
      gtk_widget_add_css_class (box, "linked");
      for (int v = 0; v <= 10; v++)
        {
          g_autofree char *number = sila_format_int (v);
          g_autofree char *value = g_strdup_printf ("%d", v);

          add_toggle (self, w, box, index, number,
                      v == 0 ? _("Not at all likely") : v == 10 ? _("Extremely likely") : NULL,
                      value);
        }
      return box;

    case SILA_QUESTION_YES_NO:
      box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      gtk_box_set_homogeneous (GTK_BOX (box), TRUE);
      gtk_widget_add_css_class (box, "linked");
      add_toggle (self, w, box, index, _("Yes"), NULL, "1");
      add_toggle (self, w, box, index, _("No"), NULL, "0");
      return box;

    case SILA_QUESTION_CHOICE:
      box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      gtk_widget_add_css_class (box, "linked");
      for (guint i = 0; i < q->choices->len; i++)
        {
          const SilaSurveyChoice *c = g_ptr_array_index (q->choices, i);

          add_toggle (self, w, box, index, sila_survey_choice_get_text (c, language), NULL,
                      c->code);
        }
      return box;

    case SILA_QUESTION_TEXT:
      {
        GtkWidget *frame = gtk_frame_new (NULL);
        GtkWidget *view = gtk_text_view_new ();

        gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
        gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
        gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
        gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
        gtk_widget_set_size_request (view, -1, 100);
        gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        sila_survey_question_get_text (q, language), -1);
        gtk_frame_set_child (GTK_FRAME (frame), view);
        w->text_view = GTK_TEXT_VIEW (view);
        return frame;
      }

    case SILA_N_QUESTION_KINDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
build_questions (SilaSurveyForm *self)
{
  guint selected = adw_combo_row_get_selected (self->template_row);
  const SilaSurveyTemplate *tpl;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->questions_box))) != NULL)
    gtk_box_remove (self->questions_box, child);
  g_array_set_size (self->widgets, 0);
  g_clear_pointer (&self->response, sila_survey_response_free);

  if (self->templates == NULL || selected >= self->templates->len)
    return;

  tpl = g_ptr_array_index (self->templates, selected);
  self->response = sila_survey_response_new (tpl, SILA_SURVEY_MODE_OFFICER);
  g_array_set_size (self->widgets, tpl->questions->len);

  for (guint i = 0; i < tpl->questions->len; i++)
    {
      const SilaSurveyQuestion *q = g_ptr_array_index (tpl->questions, i);
      QuestionWidgets *w = &g_array_index (self->widgets, QuestionWidgets, i);
      GtkWidget *error = gtk_label_new (NULL);

      w->buttons = g_ptr_array_new ();
      w->group = adw_preferences_group_new ();
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (w->group),
                                       sila_survey_question_get_text (q,
                                                                      sila_i18n_get_language ()));
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (w->group),
                                             q->required ? _("Needs an answer")
                                                         : _("May be left unanswered"));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (w->group),
                                 question_widget (self, w, q, i));

      gtk_widget_set_visible (error, FALSE);
      gtk_label_set_xalign (GTK_LABEL (error), 0);
      gtk_label_set_wrap (GTK_LABEL (error), TRUE);
      gtk_widget_set_margin_top (error, 6);
      gtk_widget_add_css_class (error, "sila-field-error");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (w->group), error);
      w->error = GTK_LABEL (error);

      gtk_box_append (self->questions_box, w->group);
    }
}

static void
template_selected_cb (SilaSurveyForm *self)
{
  if (!self->updating)
    build_questions (self);
}

static void
mode_selected_cb (SilaSurveyForm *self)
{
  gboolean paper = selected_mode (self) == SILA_SURVEY_MODE_PAPER;

  /* A paper form names nobody. */
  if (paper)
    gtk_switch_set_active (self->anonymous_switch, TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->anonymous_row), !paper);
}

static gboolean
take_texts (SilaSurveyForm *self)
{
  gboolean ok = TRUE;

  for (guint i = 0; i < self->widgets->len; i++)
    {
      QuestionWidgets *w = &g_array_index (self->widgets, QuestionWidgets, i);
      g_autofree char *text = NULL;
      g_autoptr(GError) error = NULL;
      GtkTextBuffer *buffer;
      GtkTextIter start, end;

      if (w->text_view == NULL)
        continue;

      buffer = gtk_text_view_get_buffer (w->text_view);
      gtk_text_buffer_get_bounds (buffer, &start, &end);
      text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      if (!sila_survey_answer_parse (g_ptr_array_index (self->response->tpl->questions, i), text,
                                     &self->response->answers[i], &error))
        {
          sila_field_error_show (w->group, w->error, error);
          ok = FALSE;
        }
      else
        sila_field_error_clear (w->group, w->error);
    }

  return ok;
}

static void
scroll_to (SilaSurveyForm *self,
           GtkWidget      *widget)
{
  graphene_point_t point;
  GtkAdjustment *adjustment;

  if (!gtk_widget_compute_point (widget, GTK_WIDGET (self->questions_box),
                                 &GRAPHENE_POINT_INIT (0, 0), &point))
    return;

  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));
  gtk_adjustment_set_value (adjustment, point.y);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SilaSurveyForm *self = SILA_SURVEY_FORM (widget);
  g_autoptr(GError) error = NULL;
  SilaSurveyMode mode = selected_mode (self);
  int bad_question = -1;

  if (self->response == NULL)
    return;

  sila_field_error_clear (GTK_WIDGET (self->form_error), self->form_error);
  for (guint i = 0; i < self->widgets->len; i++)
    {
      QuestionWidgets *w = &g_array_index (self->widgets, QuestionWidgets, i);

      sila_field_error_clear (w->group, w->error);
    }

  if (!sila_date_parse (gtk_editable_get_text (GTK_EDITABLE (self->date_row)),
                        SILA_CALENDAR_GREGORIAN, &self->response->answered_on, &error) ||
      !sila_date_check_not_future (&self->response->answered_on, &error))
    {
      sila_field_error_show (GTK_WIDGET (self->date_row), self->date_error, error);
      return;
    }
  sila_field_error_clear (GTK_WIDGET (self->date_row), self->date_error);

  if (!take_texts (self))
    return;

  self->response->mode = mode;
  g_free (self->response->channel);
  self->response->channel =
    g_strdup (sila_ui_channel_code_at (adw_combo_row_get_selected (self->channel_row)));
  g_free (self->response->request_type);
  self->response->request_type = g_strdup (self->request_type);

  if (gtk_switch_get_active (self->anonymous_switch) || mode != SILA_SURVEY_MODE_OFFICER)
    sila_survey_response_make_anonymous (self->response);
  else
    {
      self->response->anonymous = FALSE;
      if (!sila_survey_response_set_links (self->response, self->beneficiary_id,
                                           self->request_id, self->contact_id, &error))
        {
          sila_field_error_show (GTK_WIDGET (self->link_row), self->form_error, error);
          return;
        }
    }

  /* Every required question left empty is marked at once, each beside
   * itself, rather than one at a time. */
  if (mode == SILA_SURVEY_MODE_OFFICER)
    {
      g_autoptr(GArray) missing = sila_survey_response_missing_required (self->response);

      for (guint m = 0; m < missing->len; m++)
        {
          guint index = g_array_index (missing, guint, m);
          QuestionWidgets *w;
          g_autoptr(GError) needed = NULL;

          if (index >= self->widgets->len)
            continue;
          w = &g_array_index (self->widgets, QuestionWidgets, index);
          g_set_error_literal (&needed, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_REQUIRED,
                               _("This question needs an answer."));
          sila_field_error_show (w->group, w->error, needed);
          if (m == 0)
            scroll_to (self, w->group);
        }
      if (missing->len > 0)
        return;
    }

  if (!sila_survey_response_check (self->response, mode == SILA_SURVEY_MODE_OFFICER,
                                   &bad_question, &error))
    {
      if (bad_question >= 0 && (guint)bad_question < self->widgets->len)
        {
          QuestionWidgets *w = &g_array_index (self->widgets, QuestionWidgets, bad_question);

          sila_field_error_show (w->group, w->error, error);
          scroll_to (self, w->group);
        }
      else
        sila_field_error_show (GTK_WIDGET (self->form_error), self->form_error, error);
      return;
    }

  g_clear_pointer (&self->saved_id, g_free);
  if (!sila_store_add_survey_response (sila_session_get_store (self->session),
                                       sila_session_get_actor (self->session), self->response,
                                       &self->saved_id, &error))
    {
      sila_field_error_show (GTK_WIDGET (self->form_error), self->form_error, error);
      return;
    }

  sila_session_notify_changed (self->session, "survey");
  gtk_window_close (GTK_WINDOW (self));
}

static void
load_templates (SilaSurveyForm *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  g_clear_pointer (&self->templates, g_ptr_array_unref);
  self->templates = sila_store_list_survey_templates (sila_session_get_store (self->session),
                                                      sila_session_get_actor (self->session),
                                                      FALSE, &error);
  if (self->templates == NULL)
    {
      sila_field_error_show (GTK_WIDGET (self->form_error), self->form_error, error);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "form.save", FALSE);
      return;
    }

  for (guint i = 0; i < self->templates->len; i++)
    gtk_string_list_append (names,
                            sila_survey_template_get_name (g_ptr_array_index (self->templates, i),
                                                           sila_i18n_get_language ()));

  /* The default template is listed first (sila_store_list_survey_templates). */
  self->updating = TRUE;
  adw_combo_row_set_model (self->template_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->template_row, 0);
  self->updating = FALSE;
  build_questions (self);
}

static void
sila_survey_form_constructed (GObject *object)
{
  SilaSurveyForm *self = (SilaSurveyForm *)object;
  const char *modes[] = { _("With the officer, now"), _("Typed in from a paper form"), NULL };
  g_autoptr(GListModel) channels = sila_ui_channel_model ();
  g_autofree char *today = sila_clock_today_iso ();

  G_OBJECT_CLASS (sila_survey_form_parent_class)->constructed (object);

  g_assert (SILA_IS_SESSION (self->session));

  adw_combo_row_set_model (self->mode_row, G_LIST_MODEL (gtk_string_list_new (modes)));
  adw_combo_row_set_model (self->channel_row, channels);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today);
  gtk_widget_set_direction (GTK_WIDGET (self->date_row), GTK_TEXT_DIR_LTR);

  g_signal_connect_object (self->template_row, "notify::selected",
                           G_CALLBACK (template_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->mode_row, "notify::selected", G_CALLBACK (mode_selected_cb),
                           self, G_CONNECT_SWAPPED);

  /* Without a request or contact to tie it to, it is anonymous to start
   * with; sila_survey_form_set_links() turns that off. */
  gtk_switch_set_active (self->anonymous_switch, TRUE);
  load_templates (self);
}

static void
sila_survey_form_dispose (GObject *object)
{
  SilaSurveyForm *self = (SilaSurveyForm *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SILA_TYPE_SURVEY_FORM);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (sila_survey_form_parent_class)->dispose (object);
}

static void
sila_survey_form_finalize (GObject *object)
{
  SilaSurveyForm *self = (SilaSurveyForm *)object;

  g_clear_pointer (&self->templates, g_ptr_array_unref);
  g_clear_pointer (&self->response, sila_survey_response_free);
  g_clear_pointer (&self->widgets, g_array_unref);
  g_free (self->beneficiary_id);
  g_free (self->request_id);
  g_free (self->contact_id);
  g_free (self->request_type);
  g_free (self->saved_id);

  G_OBJECT_CLASS (sila_survey_form_parent_class)->finalize (object);
}

static void
sila_survey_form_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SilaSurveyForm *self = SILA_SURVEY_FORM (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sila_survey_form_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SilaSurveyForm *self = SILA_SURVEY_FORM (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sila_survey_form_class_init (SilaSurveyFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sila_survey_form_constructed;
  object_class->dispose = sila_survey_form_dispose;
  object_class->finalize = sila_survey_form_finalize;
  object_class->get_property = sila_survey_form_get_property;
  object_class->set_property = sila_survey_form_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, SILA_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/sila-survey-form.ui");
  gtk_widget_class_bind_template_child (widget_class, SilaSurveyForm, scroller);
  gtk_widget_class_bind_template_child (widget_class, SilaSurveyForm, template_row);
  gtk_widget_class_bind_template_child (widget_class, SilaSurveyForm, mode_row);
  gtk_widget_class_bind_template_child (widget_class, SilaSurveyForm, channel_row);
  gtk_widget_class_bind_template_child (widget_class, SilaSurveyForm, date_row);
  gtk_widget_class_bind_template_child (widget_class, SilaSurveyForm, date_error);
  gtk_widget_class_bind_template_child (widget_class, SilaSurveyForm, anonymous_switch);
  gtk_widget_class_bind_template_child (widget_class, SilaSurveyForm, anonymous_row);
  gtk_widget_class_bind_template_child (widget_class, SilaSurveyForm, link_row);
  gtk_widget_class_bind_template_child (widget_class, SilaSurveyForm, questions_box);
  gtk_widget_class_bind_template_child (widget_class, SilaSurveyForm, form_error);

  gtk_widget_class_install_action (widget_class, "form.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "form.save",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sila_survey_form_init (SilaSurveyForm *self)
{
  self->widgets = g_array_new (FALSE, TRUE, sizeof (QuestionWidgets));
  g_array_set_clear_func (self->widgets, (GDestroyNotify)clear_widgets);
  gtk_widget_init_template (GTK_WIDGET (self));
}

SilaSurveyForm *
sila_survey_form_new (GtkWindow   *parent,
                      SilaSession *session)
{
  return g_object_new (SILA_TYPE_SURVEY_FORM,
                       "transient-for", parent,
                       "session", session,
                       NULL);
}

void
sila_survey_form_set_links (SilaSurveyForm *self,
                            const char     *beneficiary_id,
                            const char     *request_id,
                            const char     *contact_id,
                            const char     *request_type,
                            const char     *description)
{
  g_return_if_fail (SILA_IS_SURVEY_FORM (self));

  g_free (self->beneficiary_id);
  self->beneficiary_id = g_strdup (beneficiary_id);
  g_free (self->request_id);
  self->request_id = g_strdup (request_id);
  g_free (self->contact_id);
  self->contact_id = g_strdup (contact_id);
  g_free (self->request_type);
  self->request_type = g_strdup (request_type);

  adw_action_row_set_subtitle (self->link_row, description != NULL ? description : "");
  gtk_widget_set_visible (GTK_WIDGET (self->link_row),
                          beneficiary_id != NULL || request_id != NULL || contact_id != NULL);
  gtk_switch_set_active (self->anonymous_switch, FALSE);
}

gboolean
sila_survey_form_answer (SilaSurveyForm *self,
                         const char     *code,
                         const char     *text)
{
  g_return_val_if_fail (SILA_IS_SURVEY_FORM (self), FALSE);

  if (self->response == NULL)
    return FALSE;

  for (guint i = 0; i < self->response->tpl->questions->len; i++)
    {
      const SilaSurveyQuestion *q = g_ptr_array_index (self->response->tpl->questions, i);
      QuestionWidgets *w = &g_array_index (self->widgets, QuestionWidgets, i);

      if (!g_str_equal (q->code, code))
        continue;

      if (w->text_view != NULL)
        {
          gtk_text_buffer_set_text (gtk_text_view_get_buffer (w->text_view), text, -1);
          return TRUE;
        }
      for (guint j = 0; j < w->buttons->len; j++)
        {
          GtkToggleButton *button = g_ptr_array_index (w->buttons, j);

          if (g_strcmp0 (g_object_get_data (G_OBJECT (button), "value"), text) == 0)
            {
              gtk_toggle_button_set_active (button, TRUE);
              return TRUE;
            }
        }
      return FALSE;
    }

  return FALSE;
}

const char *
sila_survey_form_get_saved_id (SilaSurveyForm *self)
{
  g_return_val_if_fail (SILA_IS_SURVEY_FORM (self), NULL);

  return self->saved_id;
}
