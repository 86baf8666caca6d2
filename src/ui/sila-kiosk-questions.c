/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The kiosk's question pages: one question at a time with its touch
 * answers (1–5, 0–10, yes/no, choices or free text), moving back, on and
 * past it, and sending the anonymous response at the end. */
#define G_LOG_DOMAIN "sila-ui"

#include "sila-config.h"

#include <glib/gi18n.h>

#include "sila-kiosk-window-private.h"
#include "sila-store-surveys.h"

static const SilaSurveyQuestion *
current_question (SilaKioskWindow *self)
{
  return g_ptr_array_index (self->tpl->questions, self->index);
}

static void
answer_toggled_cb (SilaKioskWindow *self,
                   GtkToggleButton *button)
{
  const char *value = g_object_get_data (G_OBJECT (button), "value");
  SilaSurveyAnswer *answer = &self->response->answers[self->index];

  if (self->updating)
    return;

  sila_kiosk_window_kick_idle (self);
  if (!gtk_toggle_button_get_active (button))
    {
      /* Tapping the chosen answer again takes it back. */
      gboolean any = FALSE;

      for (guint i = 0; i < self->answer_buttons->len; i++)
        any = any || gtk_toggle_button_get_active (g_ptr_array_index (self->answer_buttons, i));
      if (!any)
        sila_survey_answer_clear (answer);
      return;
    }

  sila_survey_answer_parse (current_question (self), value, answer, NULL);
  sila_kiosk_window_show_error (self->question_error, NULL);
}

static GtkWidget *
add_answer_button (SilaKioskWindow *self,
                   GtkWidget       *box,
                   const char      *label,
                   const char      *caption,
                   const char      *value)
{
  GtkWidget *button = gtk_toggle_button_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *main_label = gtk_label_new (label);

  gtk_widget_add_css_class (main_label, "sila-kiosk-answer-label");
  gtk_box_append (GTK_BOX (content), main_label);
  if (caption != NULL)
    {
      GtkWidget *small = gtk_label_new (caption);

      gtk_label_set_wrap (GTK_LABEL (small), TRUE);
      gtk_label_set_justify (GTK_LABEL (small), GTK_JUSTIFY_CENTER);
      gtk_widget_add_css_class (small, "sila-kiosk-answer-caption");
      gtk_box_append (GTK_BOX (content), small);
    }
  gtk_widget_set_valign (content, GTK_ALIGN_CENTER);
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_widget_add_css_class (button, "sila-kiosk-answer");
  gtk_widget_set_hexpand (button, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  caption != NULL ? caption : label, -1);
  g_object_set_data_full (G_OBJECT (button), "value", g_strdup (value), g_free);

  if (self->answer_buttons->len > 0)
    gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button),
                                 g_ptr_array_index (self->answer_buttons, 0));
  g_ptr_array_add (self->answer_buttons, button);
  g_signal_connect_object (button, "toggled", G_CALLBACK (answer_toggled_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), button);

  return button;
}

static GtkWidget *
new_row (gboolean vertical)
{
  GtkWidget *row = gtk_box_new (vertical ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL,
                                12);

  gtk_box_set_homogeneous (GTK_BOX (row), TRUE);
  return row;
}

static void
build_answers (SilaKioskWindow *self)
{
  const SilaSurveyQuestion *q = current_question (self);
  const SilaSurveyAnswer *answer = &self->response->answers[self->index];
  GtkWidget *child;
  GtkWidget *row;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->answer_box))) != NULL)
    gtk_box_remove (self->answer_box, child);
  g_ptr_array_set_size (self->answer_buttons, 0);
  self->text_view = NULL;

  switch (q->kind)
    {
    case SILA_QUESTION_LIKERT:
      row = new_row (FALSE);
      for (int v = 1; v <= 5; v++)
        {
          g_autofree char *number = sila_kiosk_window_number (self, v);
          g_autofree char *value = g_strdup_printf ("%d", v);

          add_answer_button (self, row, number, sila_survey_likert_label (v, self->language),
                             value);
        }
      gtk_box_append (self->answer_box, row);
      break;

    case SILA_QUESTION_RECOMMEND:
      {
        GtkWidget *ends = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
        GtkWidget *low = gtk_label_new (T (self, N_("Not at all likely")));
        GtkWidget *high = gtk_label_new (T (self, N_("Extremely likely")));

        row = new_row (FALSE);
        gtk_widget_add_css_class (row, "sila-kiosk-scale");
        for (int v = 0; v <= 10; v++)
          {
            g_autofree char *number = sila_kiosk_window_number (self, v);
            g_autofree char *value = g_strdup_printf ("%d", v);

            add_answer_button (self, row, number, NULL, value);
          }
        gtk_box_append (self->answer_box, row);
        gtk_widget_set_hexpand (low, TRUE);
        gtk_label_set_xalign (GTK_LABEL (low), 0);
        gtk_label_set_xalign (GTK_LABEL (high), 1);
        gtk_widget_add_css_class (low, "sila-kiosk-text");
        gtk_widget_add_css_class (high, "sila-kiosk-text");
        gtk_box_append (GTK_BOX (ends), low);
        gtk_box_append (GTK_BOX (ends), high);
        gtk_box_append (self->answer_box, ends);
        break;
      }

    case SILA_QUESTION_YES_NO:
      row = new_row (FALSE);
      add_answer_button (self, row, T (self, N_("Yes")), NULL, "1");
      add_answer_button (self, row, T (self, N_("No")), NULL, "0");
      gtk_box_append (self->answer_box, row);
      break;

    case SILA_QUESTION_CHOICE:
      row = new_row (TRUE);
      for (guint i = 0; i < q->choices->len; i++)
        {
          const SilaSurveyChoice *c = g_ptr_array_index (q->choices, i);

          add_answer_button (self, row, sila_survey_choice_get_text (c, self->language), NULL,
                             c->code);
        }
      gtk_box_append (self->answer_box, row);
      break;

    case SILA_QUESTION_TEXT:
      {
        GtkWidget *frame = gtk_frame_new (NULL);
        GtkWidget *view = gtk_text_view_new ();

        gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
        gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 12);
        gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 12);
        gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 12);
        gtk_widget_set_size_request (view, -1, 180);
        gtk_widget_add_css_class (view, "sila-kiosk-text");
        gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        sila_survey_question_get_text (q, self->language), -1);
        if (answer->answered && answer->text != NULL)
          gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)),
                                    answer->text, -1);
        gtk_frame_set_child (GTK_FRAME (frame), view);
        gtk_box_append (self->answer_box, frame);
        self->text_view = GTK_TEXT_VIEW (view);
        break;
      }

    case SILA_N_QUESTION_KINDS:
    default:
      g_assert_not_reached ();
    }

  /* Coming back to a question shows what was chosen. */
  if (answer->answered)
    {
      self->updating = TRUE;
      for (guint i = 0; i < self->answer_buttons->len; i++)
        {
          GtkToggleButton *button = g_ptr_array_index (self->answer_buttons, i);
          const char *value = g_object_get_data (G_OBJECT (button), "value");
          g_autofree char *mine = q->kind == SILA_QUESTION_CHOICE ? g_strdup (answer->choice)
                                                                  : g_strdup_printf ("%d",
                                                                                     answer->value);

          if (g_strcmp0 (value, mine) == 0)
            gtk_toggle_button_set_active (button, TRUE);
        }
      self->updating = FALSE;
    }
}

void
sila_kiosk_window_show_question (SilaKioskWindow *self)
{
  const SilaSurveyQuestion *q = current_question (self);
  guint n = self->tpl->questions->len;
  g_autofree char *position = sila_kiosk_window_number (self, self->index + 1);
  g_autofree char *total = sila_kiosk_window_number (self, n);
  g_autofree char *progress = NULL;
  gboolean last = self->index + 1 == n;

  /* TRANSLATORS: "Question 3 of 8" on the kiosk. */
  progress = g_strdup_printf (T (self, N_("Question %s of %s")), position, total);
  gtk_label_set_label (self->progress_label, progress);
  gtk_progress_bar_set_fraction (self->progress_bar, (double)(self->index + 1) / n);
  gtk_label_set_label (self->question_label, sila_survey_question_get_text (q, self->language));

  build_answers (self);
  sila_kiosk_window_show_error (self->question_error, NULL);

  gtk_widget_set_visible (GTK_WIDGET (self->back_button), self->index > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->skip_button), !q->required && !last);
  gtk_button_set_label (self->next_button, last ? T (self, N_("Send")) : T (self, N_("Next")));

  gtk_stack_set_visible_child_name (self->stack, "question");
  sila_kiosk_window_apply_direction (self);
  if (self->text_view != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

static gboolean
thanks_cb (gpointer user_data)
{
  SilaKioskWindow *self = user_data;

  self->thanks_id = 0;
  sila_kiosk_window_reset (self);
  return G_SOURCE_REMOVE;
}

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SilaKioskWindow *self = SILA_KIOSK_WINDOW (widget);

  sila_kiosk_window_kick_idle (self);
  g_clear_pointer (&self->response, sila_survey_response_free);
  self->response = sila_survey_response_new (self->tpl, SILA_SURVEY_MODE_KIOSK);
  self->response->channel = g_strdup (self->channel);
  self->index = 0;
  sila_kiosk_window_show_question (self);
}

/* The free text typed so far, into the answer. */
gboolean
sila_kiosk_window_take_text (SilaKioskWindow *self)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  if (self->text_view == NULL)
    return TRUE;

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (!sila_survey_answer_parse (current_question (self), text,
                                 &self->response->answers[self->index], &error))
    {
      sila_kiosk_window_show_error (self->question_error, error->message);
      return FALSE;
    }

  return TRUE;
}

static void
submit (SilaKioskWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!sila_store_add_survey_response (sila_session_get_store (self->session),
                                       sila_session_get_actor (self->session), self->response,
                                       NULL, &error))
    {
      sila_kiosk_window_show_error (self->question_error, error->message);
      return;
    }

  g_clear_pointer (&self->response, sila_survey_response_free);
  sila_session_notify_changed (self->session, "survey");
  gtk_stack_set_visible_child_name (self->stack, "thanks");
  g_clear_handle_id (&self->thanks_id, g_source_remove);
  self->thanks_id = g_timeout_add (self->thanks_ms, thanks_cb, self);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SilaKioskWindow *self = SILA_KIOSK_WINDOW (widget);
  const SilaSurveyQuestion *q;

  if (self->response == NULL)
    return;

  sila_kiosk_window_kick_idle (self);
  q = current_question (self);
  if (!sila_kiosk_window_take_text (self))
    return;

  if (q->required && !self->response->answers[self->index].answered)
    {
      sila_kiosk_window_show_error (self->question_error,
                                    q->kind == SILA_QUESTION_TEXT
                                      ? T (self, N_("Please write an answer."))
                                      : T (self, N_("Please choose an answer.")));
      return;
    }

  if (self->index + 1 >= self->tpl->questions->len)
    {
      if (sila_survey_response_count_answered (self->response) == 0)
        {
          sila_kiosk_window_show_error (
            self->question_error,
            T (self, N_("Please answer at least one question before sending.")));
          return;
        }
      submit (self);
      return;
    }

  self->index++;
  sila_kiosk_window_show_question (self);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SilaKioskWindow *self = SILA_KIOSK_WINDOW (widget);

  if (self->response == NULL || self->index == 0)
    return;

  sila_kiosk_window_kick_idle (self);
  sila_kiosk_window_take_text (self);
  self->index--;
  sila_kiosk_window_show_question (self);
}

static void
skip_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SilaKioskWindow *self = SILA_KIOSK_WINDOW (widget);

  if (self->response == NULL || current_question (self)->required)
    return;

  sila_kiosk_window_kick_idle (self);
  sila_survey_answer_clear (&self->response->answers[self->index]);
  if (self->index + 1 < self->tpl->questions->len)
    {
      self->index++;
      sila_kiosk_window_show_question (self);
    }
}

void
sila_kiosk_window_install_question_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "kiosk.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "kiosk.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "kiosk.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "kiosk.skip", NULL, skip_action);
}
