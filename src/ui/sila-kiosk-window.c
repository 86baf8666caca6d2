/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The kiosk at an office or a field event. Its words follow the language
 * the person chose on the screen, not the app's: they are looked up with
 * sila_i18n_translate_to(). Nothing here records who answered: the
 * response is anonymous by construction (sila_survey_response_new() for
 * SILA_SURVEY_MODE_KIOSK), dated to the day by the store, and never
 * logged. This file holds the window, its language and the idle reset; the
 * questions are in sila-kiosk-questions.c, the PIN-guarded exit in
 * sila-kiosk-pin.c. */
#define G_LOG_DOMAIN "sila-ui"

#include "sila-config.h"

#include <glib/gi18n.h>

#include "sila-kiosk-window-private.h"
#include "sila-store-surveys.h"

#define DEFAULT_IDLE_MS   60000  /* a person who walked away mid-survey */
#define DEFAULT_THANKS_MS 6000

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

static GParamSpec *properties[N_PROPS];
guint sila_kiosk_window_signals[SILA_KIOSK_N_SIGNALS];

/* Arabic-Indic digits for an Arabic screen. */
char *
sila_kiosk_window_number (SilaKioskWindow *self,
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

void
sila_kiosk_window_apply_direction (SilaKioskWindow *self)
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
    sila_kiosk_window_reset (self);

  return G_SOURCE_REMOVE;
}

void
sila_kiosk_window_kick_idle (SilaKioskWindow *self)
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
    sila_kiosk_window_kick_idle (self);

  return GDK_EVENT_PROPAGATE;
}

void
sila_kiosk_window_show_error (GtkLabel   *label,
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
  /* Named before the first question sets it to "Next" or "Send". */
  if (gtk_button_get_label (self->next_button) == NULL)
    gtk_button_set_label (self->next_button, T (self, N_("Next")));
  gtk_label_set_label (self->thanks_title, T (self, N_("Thank you!")));
  gtk_label_set_label (self->thanks_text,
                       T (self, N_("Your answers were received. Thank you for helping us "
                                   "improve our service.")));
  sila_kiosk_window_update_pin_texts (self);
}

static void
set_language (SilaKioskWindow *self,
              SilaLanguage     language)
{
  self->language = language;
  update_texts (self);
  if (g_str_equal (sila_kiosk_window_get_page (self), "question"))
    sila_kiosk_window_show_question (self);
  sila_kiosk_window_apply_direction (self);
}

void
sila_kiosk_window_reset (SilaKioskWindow *self)
{
  g_clear_handle_id (&self->thanks_id, g_source_remove);
  g_clear_pointer (&self->response, sila_survey_response_free);
  g_clear_pointer (&self->page_before_pin, g_free);
  self->index = 0;
  gtk_editable_set_text (GTK_EDITABLE (self->pin_entry), "");
  sila_kiosk_window_show_error (self->pin_error, NULL);
  gtk_stack_set_visible_child_name (self->stack, "welcome");
  /* Arabic first, for the next person. */
  set_language (self, SILA_LANGUAGE_ARABIC);
}

static void
toggle_language_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  SilaKioskWindow *self = SILA_KIOSK_WINDOW (widget);

  sila_kiosk_window_kick_idle (self);
  if (g_str_equal (sila_kiosk_window_get_page (self), "question"))
    sila_kiosk_window_take_text (self);
  set_language (self, self->language == SILA_LANGUAGE_ARABIC ? SILA_LANGUAGE_ENGLISH
                                                             : SILA_LANGUAGE_ARABIC);
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

  sila_kiosk_window_build_keypad (self);
  sila_kiosk_window_reset (self);
  sila_kiosk_window_kick_idle (self);
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
            sila_kiosk_window_kick_idle (self);
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

  sila_kiosk_window_signals[SILA_KIOSK_UNLOCKED] =
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

  sila_kiosk_window_install_question_actions (widget_class);
  gtk_widget_class_install_action (widget_class, "kiosk.toggle-language", NULL,
                                   toggle_language_action);
  sila_kiosk_window_install_pin_actions (widget_class);
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