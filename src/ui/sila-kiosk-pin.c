/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The kiosk's PIN-guarded exit: the staff button, the telephone keypad,
 * the check of the kiosk PIN with a lockout after repeated wrong tries,
 * and the audited end of the kiosk session. */
#define G_LOG_DOMAIN "sila-ui"

#include "sila-config.h"

#include <glib/gi18n.h>

#include "sila-kiosk-window-private.h"
#include "sila-store-surveys.h"

#define PIN_LOCKOUT_TRIES 5
#define PIN_LOCKOUT_MS    60000

static void
staff_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SilaKioskWindow *self = SILA_KIOSK_WINDOW (widget);
  const char *page = sila_kiosk_window_get_page (self);

  sila_kiosk_window_kick_idle (self);
  if (g_str_equal (page, "pin"))
    return;
  if (g_str_equal (page, "question"))
    sila_kiosk_window_take_text (self);

  g_free (self->page_before_pin);
  self->page_before_pin = g_strdup (page);
  gtk_editable_set_text (GTK_EDITABLE (self->pin_entry), "");
  if (self->lockout_id == 0)
    sila_kiosk_window_show_error (self->pin_error, NULL);
  gtk_stack_set_visible_child_name (self->stack, "pin");
  gtk_widget_grab_focus (GTK_WIDGET (self->pin_entry));
}

static void
cancel_pin_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SilaKioskWindow *self = SILA_KIOSK_WINDOW (widget);

  sila_kiosk_window_kick_idle (self);
  gtk_editable_set_text (GTK_EDITABLE (self->pin_entry), "");
  if (g_strcmp0 (self->page_before_pin, "question") == 0 && self->response != NULL)
    sila_kiosk_window_show_question (self);
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
  sila_kiosk_window_show_error (self->pin_error, NULL);
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

  sila_kiosk_window_kick_idle (self);
  if (self->lockout_id != 0)
    return;

  if (!sila_store_check_kiosk_pin (store, pin))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->pin_entry), "");
      if (++self->pin_failures >= PIN_LOCKOUT_TRIES)
        {
          sila_kiosk_window_show_error (
            self->pin_error, T (self, N_("Too many wrong tries. Wait a minute and try again.")));
          gtk_widget_set_sensitive (GTK_WIDGET (self->pin_unlock_button), FALSE);
          self->lockout_id = g_timeout_add (PIN_LOCKOUT_MS, lockout_cb, self);
        }
      else
        sila_kiosk_window_show_error (self->pin_error, T (self, N_("That PIN is not right.")));
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
  g_signal_emit (self, sila_kiosk_window_signals[SILA_KIOSK_UNLOCKED], 0);
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

  sila_kiosk_window_kick_idle (self);
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

void
sila_kiosk_window_build_keypad (SilaKioskWindow *self)
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
          g_autofree char *label = sila_kiosk_window_number (self, digit);

          /* Labelled now, not only when the PIN page opens: a key is never
           * without a name. */
          button = gtk_button_new_with_label (label);
          g_object_set_data (G_OBJECT (button), "digit", GINT_TO_POINTER (digit + 1));
        }
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "kiosk.digit");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "i", digit);
      gtk_widget_add_css_class (button, "sila-kiosk-key");
      gtk_grid_attach (self->keypad, button, i % 3, i / 3, 1, 1);
    }
}

/* The PIN page's words and the keypad's digits, in the kiosk's language. */
void
sila_kiosk_window_update_pin_texts (SilaKioskWindow *self)
{
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
          g_autofree char *label = sila_kiosk_window_number (self, digit);

          gtk_button_set_label (GTK_BUTTON (child), label);
        }
      else
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        T (self, N_("Erase the last digit")), -1);
    }
}

void
sila_kiosk_window_install_pin_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, pin_activate_cb);
  gtk_widget_class_install_action (widget_class, "kiosk.staff", NULL, staff_action);
  gtk_widget_class_install_action (widget_class, "kiosk.cancel-pin", NULL, cancel_pin_action);
  gtk_widget_class_install_action (widget_class, "kiosk.unlock", NULL, unlock_action);
  gtk_widget_class_install_action (widget_class, "kiosk.digit", "i", digit_action);
}
