/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-ui"

#include "sila-config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sila-contact-window.h"
#include "sila-display.h"
#include "sila-field-error.h"
#include "sila-format.h"
#include "sila-store-beneficiaries.h"
#include "sila-store-contacts.h"
#include "sila-store-staff.h"
#include "sila-text.h"
#include "sila-validation.h"

struct _SilaContactWindow
{
  AdwWindow     parent_instance;

  SilaSession  *session;
  char         *beneficiary_id;
  GPtrArray    *researchers;   /* user names in referred_row's order (first: anyone) */

  /* Template widgets */
  AdwEntryRow  *lookup_row;
  GtkLabel     *lookup_error;
  AdwActionRow *beneficiary_row;
  AdwEntryRow  *caller_row;
  GtkLabel     *caller_error;
  AdwComboRow  *channel_row;
  GtkLabel     *channel_error;
  AdwComboRow  *direction_row;
  AdwComboRow  *kind_row;
  AdwEntryRow  *asked_row;
  GtkLabel     *asked_error;
  AdwComboRow  *referred_row;
  GtkLabel     *referred_error;
  GtkTextView  *question_view;
  GtkLabel     *question_error;
  GtkTextView  *answer_view;
  GtkLabel     *answer_error;
  GtkLabel     *general_error;
};

G_DEFINE_FINAL_TYPE (SilaContactWindow, sila_contact_window, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
text_view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
clear_errors (SilaContactWindow *self)
{
  const struct { gpointer field; GtkLabel *label; } pairs[] = {
    { self->lookup_row, self->lookup_error },
    { self->caller_row, self->caller_error },
    { self->channel_row, self->channel_error },
    { self->asked_row, self->asked_error },
    { self->referred_row, self->referred_error },
    { self->question_view, self->question_error },
    { self->answer_view, self->answer_error },
    { self->general_error, self->general_error },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    sila_field_error_clear (GTK_WIDGET (pairs[i].field), pairs[i].label);
}

static gboolean
set_beneficiary (SilaContactWindow *self,
                 const char        *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaBeneficiary) file = NULL;
  g_autofree char *name = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *digits = NULL;
  g_autofree char *number = NULL;
  g_autofree char *subtitle = NULL;

  file = sila_store_get_beneficiary (sila_session_get_store (self->session),
                                     sila_session_get_actor (self->session), id, &error);
  if (file == NULL)
    {
      sila_field_error_show (GTK_WIDGET (self->lookup_row), self->lookup_error, error);
      return FALSE;
    }

  g_free (self->beneficiary_id);
  self->beneficiary_id = g_strdup (file->id);
  name = sila_beneficiary_get_full_name (file);
  escaped = g_markup_escape_text (name, -1);
  digits = g_strdup_printf ("%" G_GINT64_FORMAT, file->file_number);
  number = sila_display_file_number (file->file_number);
  subtitle = g_strdup_printf (_("File %s"), number);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->beneficiary_row), escaped);
  adw_action_row_set_subtitle (self->beneficiary_row, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->caller_row), FALSE);
  return TRUE;
}

static void
lookup_cb (SilaContactWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaBeneficiary) file = NULL;
  g_autofree char *id_number = NULL;
  SilaStore *store = sila_session_get_store (self->session);
  const SilaActor *actor = sila_session_get_actor (self->session);
  SilaBeneficiaryLookup kind;
  gint64 file_number;

  sila_field_error_clear (GTK_WIDGET (self->lookup_row), self->lookup_error);
  if (sila_beneficiary_lookup_parse (gtk_editable_get_text (GTK_EDITABLE (self->lookup_row)),
                                     TRUE, &kind, &id_number, &file_number, &error) &&
      kind == SILA_BENEFICIARY_LOOKUP_NOTHING)
    {
      /* Back to anonymous. */
      g_clear_pointer (&self->beneficiary_id, g_free);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->beneficiary_row),
                                     _("No file: an anonymous contact"));
      adw_action_row_set_subtitle (self->beneficiary_row, "");
      gtk_widget_set_visible (GTK_WIDGET (self->caller_row), TRUE);
      return;
    }
  if (kind == SILA_BENEFICIARY_LOOKUP_ID_NUMBER)
    sila_store_find_beneficiary_by_id_number (store, actor, id_number, &file, &error);
  else if (kind == SILA_BENEFICIARY_LOOKUP_FILE_NUMBER)
    sila_store_find_beneficiary_by_file_number (store, actor, file_number, &file, &error);
  if (file == NULL && error == NULL)
    g_set_error_literal (&error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                         _("No beneficiary file has this number: leave it empty for an "
                           "anonymous contact."));
  if (file == NULL)
    {
      sila_field_error_show (GTK_WIDGET (self->lookup_row), self->lookup_error, error);
      return;
    }
  set_beneficiary (self, file->id);
}

static void
kind_changed_cb (SilaContactWindow *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->referred_row),
                          adw_combo_row_get_selected (self->kind_row) == SILA_CONTACT_REFERRAL);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SilaContactWindow *self = SILA_CONTACT_WINDOW (widget);
  g_autoptr(SilaFieldErrors) errors = sila_field_errors_new ();
  g_autoptr(SilaContact) contact = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *question = text_view_text (self->question_view);
  g_autofree char *answer = text_view_text (self->answer_view);
  const char *fields[SILA_N_CF_FIELDS] = { NULL };
  guint channel = adw_combo_row_get_selected (self->channel_row);
  guint direction = adw_combo_row_get_selected (self->direction_row);
  guint kind = adw_combo_row_get_selected (self->kind_row);
  guint referred = adw_combo_row_get_selected (self->referred_row);
  const struct { const char *key; gpointer field; GtkLabel *label; } map[] = {
    { "channel", self->channel_row, self->channel_error },
    { "caller", self->caller_row, self->caller_error },
    { "question", self->question_view, self->question_error },
    { "answer", self->answer_view, self->answer_error },
    { "asked", self->asked_row, self->asked_error },
  };

  clear_errors (self);
  fields[SILA_CF_CHANNEL] = channel < SILA_N_CHANNELS ? sila_channel_to_code (channel) : NULL;
  fields[SILA_CF_DIRECTION] = direction < SILA_N_DIRECTIONS
                              ? sila_contact_direction_to_code (direction) : NULL;
  fields[SILA_CF_KIND] = kind < SILA_N_CONTACT_KINDS ? sila_contact_kind_to_code (kind) : NULL;
  fields[SILA_CF_CALLER] = self->beneficiary_id == NULL
                           ? gtk_editable_get_text (GTK_EDITABLE (self->caller_row)) : NULL;
  fields[SILA_CF_QUESTION] = question;
  fields[SILA_CF_ANSWER] = answer;
  fields[SILA_CF_ASKED] = gtk_editable_get_text (GTK_EDITABLE (self->asked_row));
  if (kind == SILA_CONTACT_REFERRAL && referred != GTK_INVALID_LIST_POSITION &&
      referred < self->researchers->len)
    fields[SILA_CF_REFERRED_TO] = g_ptr_array_index (self->researchers, referred);

  contact = sila_contact_parse (fields, self->beneficiary_id, errors);
  if (contact == NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (map); i++)
        {
          const GError *e = sila_field_errors_get (errors, map[i].key);

          if (e != NULL)
            sila_field_error_show (GTK_WIDGET (map[i].field), map[i].label, e);
        }
      return;
    }

  if (!sila_store_add_contact (sila_session_get_store (self->session),
                               sila_session_get_actor (self->session), contact, &error))
    {
      sila_field_error_show (GTK_WIDGET (self->general_error), self->general_error, error);
      return;
    }

  sila_session_notify_changed (self->session, "contacts");
  g_signal_emit (self, signals[SAVED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
fill_lists (SilaContactWindow *self)
{
  g_autoptr(GtkStringList) channels = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) directions = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) researchers = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) staff = NULL;

  for (guint i = 0; i < SILA_N_CHANNELS; i++)
    gtk_string_list_append (channels, sila_channel_to_display (i));
  adw_combo_row_set_model (self->channel_row, G_LIST_MODEL (channels));
  /* Most inquiries come by phone. */
  adw_combo_row_set_selected (self->channel_row, SILA_CHANNEL_PHONE);
  for (guint i = 0; i < SILA_N_DIRECTIONS; i++)
    gtk_string_list_append (directions, sila_contact_direction_to_display (i));
  adw_combo_row_set_model (self->direction_row, G_LIST_MODEL (directions));
  for (guint i = 0; i < SILA_N_CONTACT_KINDS; i++)
    gtk_string_list_append (kinds, sila_contact_kind_to_display (i));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));

  gtk_string_list_append (researchers, _("Any researcher"));
  g_ptr_array_add (self->researchers, NULL);
  staff = sila_store_list_staff (sila_session_get_store (self->session),
                                 sila_session_get_actor (self->session), FALSE, NULL);
  for (guint i = 0; staff != NULL && i < staff->len; i++)
    {
      const SilaStaff *s = g_ptr_array_index (staff, i);

      if ((s->roles & SILA_ROLE_RESEARCHER) == 0 || !s->active)
        continue;
      gtk_string_list_append (researchers, s->display_name);
      g_ptr_array_add (self->researchers, g_strdup (s->username));
    }
  adw_combo_row_set_model (self->referred_row, G_LIST_MODEL (researchers));
  kind_changed_cb (self);
}

static void
sila_contact_window_dispose (GObject *object)
{
  SilaContactWindow *self = (SilaContactWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SILA_TYPE_CONTACT_WINDOW);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (sila_contact_window_parent_class)->dispose (object);
}

static void
sila_contact_window_finalize (GObject *object)
{
  SilaContactWindow *self = (SilaContactWindow *)object;

  g_free (self->beneficiary_id);
  g_ptr_array_unref (self->researchers);

  G_OBJECT_CLASS (sila_contact_window_parent_class)->finalize (object);
}

static void
sila_contact_window_class_init (SilaContactWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sila_contact_window_dispose;
  object_class->finalize = sila_contact_window_finalize;

  /**
   * SilaContactWindow::saved:
   *
   * The contact is in the log.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/sila-contact-window.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, SilaContactWindow, name)
  CHILD (lookup_row);
  CHILD (lookup_error);
  CHILD (beneficiary_row);
  CHILD (caller_row);
  CHILD (caller_error);
  CHILD (channel_row);
  CHILD (channel_error);
  CHILD (direction_row);
  CHILD (kind_row);
  CHILD (asked_row);
  CHILD (asked_error);
  CHILD (referred_row);
  CHILD (referred_error);
  CHILD (question_view);
  CHILD (question_error);
  CHILD (answer_view);
  CHILD (answer_error);
  CHILD (general_error);
#undef CHILD

  gtk_widget_class_install_action (widget_class, "contact.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "contact.save", NULL);
}

static void
sila_contact_window_init (SilaContactWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->researchers = g_ptr_array_new_with_free_func (g_free);

  gtk_widget_set_direction (GTK_WIDGET (self->lookup_row), GTK_TEXT_DIR_LTR);
  gtk_widget_set_direction (GTK_WIDGET (self->asked_row), GTK_TEXT_DIR_LTR);
  g_signal_connect_swapped (self->lookup_row, "apply", G_CALLBACK (lookup_cb), self);
  g_signal_connect_swapped (self->lookup_row, "entry-activated", G_CALLBACK (lookup_cb), self);
  g_signal_connect_swapped (self->kind_row, "notify::selected", G_CALLBACK (kind_changed_cb),
                            self);
}

SilaContactWindow *
sila_contact_window_new (GtkWindow   *parent,
                         SilaSession *session,
                         const char  *beneficiary_id)
{
  SilaContactWindow *self;

  g_return_val_if_fail (SILA_IS_SESSION (session), NULL);

  self = g_object_new (SILA_TYPE_CONTACT_WINDOW, "transient-for", parent, NULL);
  self->session = g_object_ref (session);
  fill_lists (self);
  if (beneficiary_id != NULL && set_beneficiary (self, beneficiary_id))
    gtk_widget_set_visible (GTK_WIDGET (self->lookup_row), FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->question_view));
  return self;
}

void
sila_contact_window_fill (SilaContactWindow *self,
                          SilaChannel        channel,
                          const char        *question,
                          const char        *answer)
{
  g_return_if_fail (SILA_IS_CONTACT_WINDOW (self));

  adw_combo_row_set_selected (self->channel_row, channel);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->question_view), question, -1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->answer_view),
                            answer != NULL ? answer : "", -1);
}
