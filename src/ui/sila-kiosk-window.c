/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The kiosk at an office or a field event. Its words follow the language
 * the person chose on the screen, not the app's: they are looked up with
 * sila_i18n_translate_to(). Nothing here records who answered: the
 * response is anonymous by construction (sila_survey_response_new() for
 * SILA_SURVEY_MODE_KIOSK), dated to the day by the store, and never
 * logged. */
#define G_LOG_DOMAIN "sila-ui"

#include "sila-config.h"

#include <glib/gi18n.h>

#include "sila-kiosk-window.h"
#include "sila-store-surveys.h"

#define DEFAULT_IDLE_MS   60000  /* a person who walked away mid-survey */
#define DEFAULT_THANKS_MS 6000
#define PIN_LOCKOUT_TRIES 5
#define PIN_LOCKOUT_MS    60000

struct _SilaKioskWindow
{
  AdwWindow           parent_instance;

  SilaSession        *session;
  SilaSurveyTemplate *tpl;
  char               *channel;
  SilaSurveyResponse *response;
  SilaLanguage        language;
  guint               index;
  char               *page_before_pin;
  GPtrArray          *answer_buttons;
  GtkTextView        *text_view;
  guint               idle_ms;
  guint               thanks_ms;
  guint               idle_id;
  guint               thanks_id;
  guint               lockout_id;
  guint               pin_failures;
  gboolean            unlocked;
  gboolean            updating;

  /* Template widgets */
  GtkStack           *stack;
  GtkWidget          *staff_button;
  GtkButton          *language_button;
  GtkLabel           *association_label;
  GtkLabel           *welcome_title;
  GtkLabel           *welcome_text;
  GtkButton          *start_button;
  GtkLabel           *progress_label;
  GtkProgressBar     *progress_bar;
  GtkLabel           *question_label;
  GtkBox             *answer_box;
  GtkLabel           *question_error;
  GtkButton          *back_button;
  GtkButton          *skip_button;
  GtkButton          *next_button;
  GtkLabel           *thanks_title;
  GtkLabel           *thanks_text;
  GtkLabel           *pin_title;
  GtkPasswordEntry   *pin_entry;
  GtkLabel           *pin_error;
  GtkGrid            *keypad;
  GtkButton          *pin_cancel_button;
  GtkButton          *pin_unlock_button;
};

G_DEFINE_FINAL_TYPE (SilaKioskWindow, sila_kiosk_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_TEMPLATE,
  PROP_CHANNEL,
  PROP_IDLE_TIMEOUT,
  PROP_THANKS_TIMEOUT,
  N_PROPS
};

enum {
  UNLOCKED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void show_question (SilaKioskWindow *self);
static void reset (SilaKioskWindow *self);
static const char *T (SilaKioskWindow *self, const char *msgid) G_GNUC_FORMAT (2);

/* In the kiosk's language. */
static const char *
T (SilaKioskWindow *self,
   const char      *msgid)
{
  return sila_i18n_translate_to (self->language, msgid);
}

/* Arabic-Indic digits for an Arabic screen. */
static char *
kiosk_number (SilaKioskWindow *self,
              int              n)
{
  g_autofree char *ascii = g_strdup_printf ("%d", n);
  GString *s;

  if (self->language != SILA_LANGUAGE_ARABIC)
    return g_steal_pointer (&ascii);

  s = g_string_new (NULL);
  for (const char *p = ascii; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_unichar (s, 0x0660 + (*p - '0'));
      else
        g_string_append_c (s, *p);
    }

  return g_string_free (s, FALSE);
}

static void
set_direction_recursive (GtkWidget        *widget,
                         GtkTextDirection  direction)
{
  gtk_widget_set_direction (widget, direction);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    set_direction_recursive (child, direction);
}

static void
apply_direction (SilaKioskWindow *self)
{
  set_direction_recursive (GTK_WIDGET (self), self->language == SILA_LANGUAGE_ARABIC
                                                ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);
  /* A PIN reads left to right in either language. */
  gtk_widget_set_direction (GTK_WIDGET (self->pin_entry), GTK_TEXT_DIR_LTR);
  gtk_widget_set_direction (GTK_WIDGET (self->keypad), GTK_TEXT_DIR_LTR);
}

/* Idle: a survey left half-done is forgotten, not saved: the person did
 * not choose to send it. */
static gboolean
idle_cb (gpointer user_data)
{
  SilaKioskWindow *self = user_data;

  self->idle_id = 0;
  if (!g_str_equal (sila_kiosk_window_get_page (self), "welcome") ||
      self->language != SILA_LANGUAGE_ARABIC)
    reset (self);

  return G_SOURCE_REMOVE;
}

static void
kick_idle (SilaKioskWindow *self)
{
  g_clear_handle_id (&self->idle_id, g_source_remove);
  if (self->idle_ms > 0 && !self->unlocked)
    self->idle_id = g_timeout_add (self->idle_ms, idle_cb, self);
}

static gboolean
input_event_cb (SilaKioskWindow          *self,
                GdkEvent                 *event,
                GtkEventControllerLegacy *controller)
{
  GdkEventType type = gdk_event_get_event_type (event);

  if (type == GDK_BUTTON_PRESS || type == GDK_KEY_PRESS || type == GDK_TOUCH_BEGIN ||
      type == GDK_MOTION_NOTIFY || type == GDK_SCROLL || type == GDK_TOUCH_UPDATE)
    kick_idle (self);

  return GDK_EVENT_PROPAGATE;
}

static void
show_error (GtkLabel   *label,
            const char *message)
{
  gtk_label_set_label (label, message);
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

static void
update_texts (SilaKioskWindow *self)
{
  g_autofree char *association = NULL;
  SilaStore *store = sila_session_get_store (self->session);

  association = sila_store_get_setting (store, SILA_SETTING_ASSOCIATION_NAME, "");
  gtk_label_set_label (self->association_label, association);
  gtk_label_set_label (self->welcome_title, T (self, N_("How was our service today?")));
  gtk_label_set_label (self->welcome_text,
                       T (self, N_("Your opinion helps us serve you better. It takes about a "
                                   "minute, and your answers are anonymous: nobody will know "
                                   "who gave them.")));
  gtk_button_set_label (self->start_button, T (self, N_("Start the survey")));
  gtk_button_set_label (self->language_button,
                        self->language == SILA_LANGUAGE_ARABIC ? "English" : "العربية");
  gtk_widget_set_tooltip_text (self->staff_button, T (self, N_("Staff: leave the kiosk")));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->staff_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  T (self, N_("Staff: leave the kiosk")), -1);
  gtk_button_set_label (self->back_button, T (self, N_("Back")));
  gtk_button_set_label (self->skip_button, T (self, N_("Skip")));
  gtk_label_set_label (self->thanks_title, T (self, N_("Thank you!")));
  gtk_label_set_label (self->thanks_text,
                       T (self, N_("Your answers were received. Thank you for helping us "
                                   "improve our service.")));
  gtk_label_set_label (self->pin_title, T (self, N_("Staff only: enter the kiosk PIN")));
  gtk_button_set_label (self->pin_cancel_button, T (self, N_("Cancel")));
  gtk_button_set_label (self->pin_unlock_button, T (self, N_("Leave the kiosk")));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->pin_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  T (self, N_("Kiosk PIN")), -1);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->keypad));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      int digit = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (child), "digit")) - 1;

      if (digit >= 0)
        {
          g_autofree char *label = kiosk_number (self, digit);

          gtk_button_set_label (GTK_BUTTON (child), label);
        }
      else
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        T (self, N_("Erase the last digit")), -1);
    }
}

static void
set_language (SilaKioskWindow *self,
              SilaLanguage     language)
{
  self->language = language;
  update_texts (self);
  if (g_str_equal (sila_kiosk_window_get_page (self), "question"))
    show_question (self);
  apply_direction (self);
}

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

  kick_idle (self);
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
  show_error (self->question_error, NULL);
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
          g_autofree char *number = kiosk_number (self, v);
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
            g_autofree char *number = kiosk_number (self, v);
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

static void
show_question (SilaKioskWindow *self)
{
  const SilaSurveyQuestion *q = current_question (self);
  guint n = self->tpl->questions->len;
  g_autofree char *position = kiosk_number (self, self->index + 1);
  g_autofree char *total = kiosk_number (self, n);
  g_autofree char *progress = NULL;
  gboolean last = self->index + 1 == n;

  /* TRANSLATORS: "Question 3 of 8" on the kiosk. */
  progress = g_strdup_printf (T (self, N_("Question %s of %s")), position, total);
  gtk_label_set_label (self->progress_label, progress);
  gtk_progress_bar_set_fraction (self->progress_bar, (double)(self->index + 1) / n);
  gtk_label_set_label (self->question_label, sila_survey_question_get_text (q, self->language));

  build_answers (self);
  show_error (self->question_error, NULL);

  gtk_widget_set_visible (GTK_WIDGET (self->back_button), self->index > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->skip_button), !q->required && !last);
  gtk_button_set_label (self->next_button, last ? T (self, N_("Send")) : T (self, N_("Next")));

  gtk_stack_set_visible_child_name (self->stack, "question");
  apply_direction (self);
  if (self->text_view != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

static void
reset (SilaKioskWindow *self)
{
  g_clear_handle_id (&self->thanks_id, g_source_remove);
  g_clear_pointer (&self->response, sila_survey_response_free);
  g_clear_pointer (&self->page_before_pin, g_free);
  self->index = 0;
  gtk_editable_set_text (GTK_EDITABLE (self->pin_entry), "");
  show_error (self->pin_error, NULL);
  gtk_stack_set_visible_child_name (self->stack, "welcome");
  /* Arabic first, for the next person. */
  set_language (self, SILA_LANGUAGE_ARABIC);
}

static gboolean
thanks_cb (gpointer user_data)
{
  SilaKioskWindow *self = user_data;

  self->thanks_id = 0;
  reset (self);
  return G_SOURCE_REMOVE;
}

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SilaKioskWindow *self = SILA_KIOSK_WINDOW (widget);

  kick_idle (self);
  g_clear_pointer (&self->response, sila_survey_response_free);
  self->response = sila_survey_response_new (self->tpl, SILA_SURVEY_MODE_KIOSK);
  self->response->channel = g_strdup (self->channel);
  self->index = 0;
  show_question (self);
}

/* The free text typed so far, into the answer. */
static gboolean
take_text (SilaKioskWindow *self)
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
      show_error (self->question_error, error->message);
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
      show_error (self->question_error, error->message);
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

  kick_idle (self);
  q = current_question (self);
  if (!take_text (self))
    return;

  if (q->required && !self->response->answers[self->index].answered)
    {
      show_error (self->question_error,
                  q->kind == SILA_QUESTION_TEXT ? T (self, N_("Please write an answer."))
                                                : T (self, N_("Please choose an answer.")));
      return;
    }

  if (self->index + 1 >= self->tpl->questions->len)
    {
      if (sila_survey_response_count_answered (self->response) == 0)
        {
          show_error (self->question_error,
                      T (self, N_("Please answer at least one question before sending.")));
          return;
        }
      submit (self);
      return;
    }

  self->index++;
  show_question (self);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SilaKioskWindow *self = SILA_KIOSK_WINDOW (widget);

  if (self->response == NULL || self->index == 0)
    return;

  kick_idle (self);
  take_text (self);
  self->index--;
  show_question (self);
}

static void
skip_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SilaKioskWindow *self = SILA_KIOSK_WINDOW (widget);

  if (self->response == NULL || current_question (self)->required)
    return;

  kick_idle (self);
  sila_survey_answer_clear (&self->response->answers[self->index]);
  if (self->index + 1 < self->tpl->questions->len)
    {
      self->index++;
      show_question (self);
    }
}

static void
toggle_language_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  SilaKioskWindow *self = SILA_KIOSK_WINDOW (widget);

  kick_idle (self);
  if (g_str_equal (sila_kiosk_window_get_page (self), "question"))
    take_text (self);
  set_language (self, self->language == SILA_LANGUAGE_ARABIC ? SILA_LANGUAGE_ENGLISH
                                                             : SILA_LANGUAGE_ARABIC);
}

static void
staff_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SilaKioskWindow *self = SILA_KIOSK_WINDOW (widget);
  const char *page = sila_kiosk_window_get_page (self);

  kick_idle (self);
  if (g_str_equal (page, "pin"))
    return;
  if (g_str_equal (page, "question"))
    take_text (self);

  g_free (self->page_before_pin);
  self->page_before_pin = g_strdup (page);
  gtk_editable_set_text (GTK_EDITABLE (self->pin_entry), "");
  if (self->lockout_id == 0)
    show_error (self->pin_error, NULL);
  gtk_stack_set_visible_child_name (self->stack, "pin");
  gtk_widget_grab_focus (GTK_WIDGET (self->pin_entry));
}

static void
cancel_pin_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SilaKioskWindow *self = SILA_KIOSK_WINDOW (widget);

  kick_idle (self);
  gtk_editable_set_text (GTK_EDITABLE (self->pin_entry), "");
  if (g_strcmp0 (self->page_before_pin, "question") == 0 && self->response != NULL)
    show_question (self);
  else
    gtk_stack_set_visible_child_name (self->stack, "welcome");
  g_clear_pointer (&self->page_before_pin, g_free);
}

static gboolean
lockout_cb (gpointer user_data)
{
  SilaKioskWindow *self = user_data;

  self->lockout_id = 0;
  self->pin_failures = 0;
  show_error (self->pin_error, NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->pin_unlock_button), TRUE);

  return G_SOURCE_REMOVE;
}

static void
unlock_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SilaKioskWindow *self = SILA_KIOSK_WINDOW (widget);
  SilaStore *store = sila_session_get_store (self->session);
  const char *pin = gtk_editable_get_text (GTK_EDITABLE (self->pin_entry));
  g_autoptr(GError) error = NULL;

  kick_idle (self);
  if (self->lockout_id != 0)
    return;

  if (!sila_store_check_kiosk_pin (store, pin))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->pin_entry), "");
      if (++self->pin_failures >= PIN_LOCKOUT_TRIES)
        {
          show_error (self->pin_error,
                      T (self, N_("Too many wrong tries. Wait a minute and try again.")));
          gtk_widget_set_sensitive (GTK_WIDGET (self->pin_unlock_button), FALSE);
          self->lockout_id = g_timeout_add (PIN_LOCKOUT_MS, lockout_cb, self);
        }
      else
        show_error (self->pin_error, T (self, N_("That PIN is not right.")));
      gtk_widget_grab_focus (GTK_WIDGET (self->pin_entry));
      return;
    }

  /* Who ended it, never what was answered. */
  if (!sila_store_audit_kiosk (store, sila_session_get_actor (self->session), FALSE, &error))
    g_message ("The end of the kiosk session was not recorded: %s", error->message);

  self->unlocked = TRUE;
  g_clear_handle_id (&self->idle_id, g_source_remove);
  g_clear_handle_id (&self->thanks_id, g_source_remove);
  g_clear_pointer (&self->response, sila_survey_response_free);
  g_signal_emit (self, signals[UNLOCKED], 0);
  gtk_window_close (GTK_WINDOW (self));
}

static void
pin_activate_cb (SilaKioskWindow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "kiosk.unlock", NULL);
}

static void
digit_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SilaKioskWindow *self = SILA_KIOSK_WINDOW (widget);
  int digit = g_variant_get_int32 (parameter);
  g_autofree char *text = NULL;

  kick_idle (self);
  if (digit < 0)
    {
      const char *current = gtk_editable_get_text (GTK_EDITABLE (self->pin_entry));
      glong len = g_utf8_strlen (current, -1);

      text = len > 0 ? g_utf8_substring (current, 0, len - 1) : g_strdup ("");
    }
  else
    text = g_strdup_printf ("%s%d", gtk_editable_get_text (GTK_EDITABLE (self->pin_entry)),
                            digit);
  gtk_editable_set_text (GTK_EDITABLE (self->pin_entry), text);
}

static void
build_keypad (SilaKioskWindow *self)
{
  /* 1 2 3 / 4 5 6 / 7 8 9 / _ 0 ⌫ — like a telephone, in either language. */
  for (int i = 0; i < 12; i++)
    {
      int digit = i < 9 ? i + 1 : i == 10 ? 0 : -1;
      GtkWidget *button;

      if (i == 9)
        continue;
      if (digit < 0)
        {
          button = gtk_button_new_from_icon_name ("edit-clear-symbolic");
        }
      else
        {
          button = gtk_button_new_with_label ("");
          g_object_set_data (G_OBJECT (button), "digit", GINT_TO_POINTER (digit + 1));
        }
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "kiosk.digit");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "i", digit);
      gtk_widget_add_css_class (button, "sila-kiosk-key");
      gtk_grid_attach (self->keypad, button, i % 3, i / 3, 1, 1);
    }
}

static gboolean
sila_kiosk_window_close_request (GtkWindow *window)
{
  SilaKioskWindow *self = SILA_KIOSK_WINDOW (window);

  /* Only the PIN lets anyone out. */
  if (!self->unlocked)
    return TRUE;

  return GTK_WINDOW_CLASS (sila_kiosk_window_parent_class)->close_request (window);
}

static void
sila_kiosk_window_constructed (GObject *object)
{
  SilaKioskWindow *self = (SilaKioskWindow *)object;

  G_OBJECT_CLASS (sila_kiosk_window_parent_class)->constructed (object);

  g_assert (SILA_IS_SESSION (self->session));
  g_assert (self->tpl != NULL && self->tpl->questions->len > 0);

  build_keypad (self);
  reset (self);
  kick_idle (self);
}

static void
sila_kiosk_window_dispose (GObject *object)
{
  SilaKioskWindow *self = (SilaKioskWindow *)object;

  g_clear_handle_id (&self->idle_id, g_source_remove);
  g_clear_handle_id (&self->thanks_id, g_source_remove);
  g_clear_handle_id (&self->lockout_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), SILA_TYPE_KIOSK_WINDOW);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (sila_kiosk_window_parent_class)->dispose (object);
}

static void
sila_kiosk_window_finalize (GObject *object)
{
  SilaKioskWindow *self = (SilaKioskWindow *)object;

  g_clear_pointer (&self->tpl, sila_survey_template_free);
  g_clear_pointer (&self->response, sila_survey_response_free);
  g_clear_pointer (&self->answer_buttons, g_ptr_array_unref);
  g_free (self->channel);
  g_free (self->page_before_pin);

  G_OBJECT_CLASS (sila_kiosk_window_parent_class)->finalize (object);
}

static void
sila_kiosk_window_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SilaKioskWindow *self = SILA_KIOSK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_TEMPLATE:
      g_value_set_boxed (value, self->tpl);
      break;
    case PROP_CHANNEL:
      g_value_set_string (value, self->channel);
      break;
    case PROP_IDLE_TIMEOUT:
      g_value_set_uint (value, self->idle_ms);
      break;
    case PROP_THANKS_TIMEOUT:
      g_value_set_uint (value, self->thanks_ms);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sila_kiosk_window_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SilaKioskWindow *self = SILA_KIOSK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    case PROP_TEMPLATE:
      self->tpl = g_value_dup_boxed (value);
      break;
    case PROP_CHANNEL:
      self->channel = g_value_dup_string (value);
      break;
    case PROP_IDLE_TIMEOUT:
      if (self->idle_ms != g_value_get_uint (value))
        {
          self->idle_ms = g_value_get_uint (value);
          if (self->session != NULL)
            kick_idle (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_THANKS_TIMEOUT:
      if (self->thanks_ms != g_value_get_uint (value))
        {
          self->thanks_ms = g_value_get_uint (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sila_kiosk_window_class_init (SilaKioskWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = sila_kiosk_window_constructed;
  object_class->dispose = sila_kiosk_window_dispose;
  object_class->finalize = sila_kiosk_window_finalize;
  object_class->get_property = sila_kiosk_window_get_property;
  object_class->set_property = sila_kiosk_window_set_property;
  window_class->close_request = sila_kiosk_window_close_request;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, SILA_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEMPLATE] =
    g_param_spec_boxed ("template", NULL, NULL, SILA_TYPE_SURVEY_TEMPLATE,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The channel kiosk responses are counted under: where it stands. */
  properties[PROP_CHANNEL] =
    g_param_spec_string ("channel", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Milliseconds without a touch before a half-done survey is forgotten. */
  properties[PROP_IDLE_TIMEOUT] =
    g_param_spec_uint ("idle-timeout", NULL, NULL, 0, G_MAXUINT, DEFAULT_IDLE_MS,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS);
  /* Milliseconds the thanks stay on screen. */
  properties[PROP_THANKS_TIMEOUT] =
    g_param_spec_uint ("thanks-timeout", NULL, NULL, 0, G_MAXUINT, DEFAULT_THANKS_MS,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[UNLOCKED] =
    g_signal_new ("unlocked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/sila-kiosk-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SilaKioskWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, SilaKioskWindow, staff_button);
  gtk_widget_class_bind_template_child (widget_class, SilaKioskWindow, language_button);
  gtk_widget_class_bind_template_child (widget_class, SilaKioskWindow, association_label);
  gtk_widget_class_bind_template_child (widget_class, SilaKioskWindow, welcome_title);
  gtk_widget_class_bind_template_child (widget_class, SilaKioskWindow, welcome_text);
  gtk_widget_class_bind_template_child (widget_class, SilaKioskWindow, start_button);
  gtk_widget_class_bind_template_child (widget_class, SilaKioskWindow, progress_label);
  gtk_widget_class_bind_template_child (widget_class, SilaKioskWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, SilaKioskWindow, question_label);
  gtk_widget_class_bind_template_child (widget_class, SilaKioskWindow, answer_box);
  gtk_widget_class_bind_template_child (widget_class, SilaKioskWindow, question_error);
  gtk_widget_class_bind_template_child (widget_class, SilaKioskWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, SilaKioskWindow, skip_button);
  gtk_widget_class_bind_template_child (widget_class, SilaKioskWindow, next_button);
  gtk_widget_class_bind_template_child (widget_class, SilaKioskWindow, thanks_title);
  gtk_widget_class_bind_template_child (widget_class, SilaKioskWindow, thanks_text);
  gtk_widget_class_bind_template_child (widget_class, SilaKioskWindow, pin_title);
  gtk_widget_class_bind_template_child (widget_class, SilaKioskWindow, pin_entry);
  gtk_widget_class_bind_template_child (widget_class, SilaKioskWindow, pin_error);
  gtk_widget_class_bind_template_child (widget_class, SilaKioskWindow, keypad);
  gtk_widget_class_bind_template_child (widget_class, SilaKioskWindow, pin_cancel_button);
  gtk_widget_class_bind_template_child (widget_class, SilaKioskWindow, pin_unlock_button);
  gtk_widget_class_bind_template_callback (widget_class, pin_activate_cb);

  gtk_widget_class_install_action (widget_class, "kiosk.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "kiosk.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "kiosk.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "kiosk.skip", NULL, skip_action);
  gtk_widget_class_install_action (widget_class, "kiosk.toggle-language", NULL,
                                   toggle_language_action);
  gtk_widget_class_install_action (widget_class, "kiosk.staff", NULL, staff_action);
  gtk_widget_class_install_action (widget_class, "kiosk.cancel-pin", NULL, cancel_pin_action);
  gtk_widget_class_install_action (widget_class, "kiosk.unlock", NULL, unlock_action);
  gtk_widget_class_install_action (widget_class, "kiosk.digit", "i", digit_action);
}

static void
sila_kiosk_window_init (SilaKioskWindow *self)
{
  GtkEventController *legacy;

  self->answer_buttons = g_ptr_array_new ();
  self->language = SILA_LANGUAGE_ARABIC;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Any touch, key or movement keeps the survey alive. */
  legacy = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (legacy, GTK_PHASE_CAPTURE);
  g_signal_connect_object (legacy, "event", G_CALLBACK (input_event_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), legacy);
}

SilaKioskWindow *
sila_kiosk_window_new (GtkApplication           *application,
                       SilaSession              *session,
                       const SilaSurveyTemplate *tpl,
                       const char               *channel)
{
  g_return_val_if_fail (SILA_IS_SESSION (session), NULL);
  g_return_val_if_fail (tpl != NULL && tpl->questions->len > 0, NULL);

  return g_object_new (SILA_TYPE_KIOSK_WINDOW,
                       "application", application,
                       "session", session,
                       "template", tpl,
                       "channel", channel,
                       NULL);
}

const char *
sila_kiosk_window_get_page (SilaKioskWindow *self)
{
  g_return_val_if_fail (SILA_IS_KIOSK_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

guint
sila_kiosk_window_get_question (SilaKioskWindow *self)
{
  g_return_val_if_fail (SILA_IS_KIOSK_WINDOW (self), 0);

  return self->index;
}

SilaLanguage
sila_kiosk_window_get_language (SilaKioskWindow *self)
{
  g_return_val_if_fail (SILA_IS_KIOSK_WINDOW (self), SILA_LANGUAGE_ARABIC);

  return self->language;
}

GtkWidget *
sila_kiosk_window_get_answer_button (SilaKioskWindow *self,
                                     guint            index)
{
  g_return_val_if_fail (SILA_IS_KIOSK_WINDOW (self), NULL);

  return index < self->answer_buttons->len ? g_ptr_array_index (self->answer_buttons, index)
                                           : NULL;
}

gboolean
sila_kiosk_window_is_unlocked (SilaKioskWindow *self)
{
  g_return_val_if_fail (SILA_IS_KIOSK_WINDOW (self), FALSE);

  return self->unlocked;
}
