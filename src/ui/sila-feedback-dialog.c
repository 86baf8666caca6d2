/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-ui"

#include "sila-config.h"

#include <glib/gi18n.h>

#include "sila-clock.h"
#include "sila-date.h"
#include "sila-feedback-dialog.h"
#include "sila-field-error.h"
#include "sila-format.h"
#include "sila-store-feedback.h"
#include "sila-ui-channels.h"

struct _SilaFeedbackDialog
{
  AdwWindow         parent_instance;

  SilaSession      *session;
  SilaFeedbackItem *item;    /* what the dialog edits (a new one has no id) */
  SilaFeedbackItem *saved;

  /* Template widgets */
  AdwWindowTitle   *title_widget;
  AdwComboRow      *kind_row;
  AdwComboRow      *channel_row;
  GtkLabel         *channel_error;
  AdwEntryRow      *received_row;
  GtkLabel         *received_error;
  AdwEntryRow      *submitter_row;
  GtkLabel         *submitter_error;
  GtkWidget        *description_frame;
  GtkTextView      *description_view;
  GtkLabel         *description_error;
  GtkLabel         *anonymous_note;
  AdwComboRow      *status_row;
  GtkLabel         *status_error;
  AdwEntryRow      *responsible_row;
  GtkLabel         *responsible_error;
  AdwEntryRow      *due_row;
  GtkLabel         *due_error;
  GtkWidget        *answer_frame;
  GtkTextView      *answer_view;
  GtkLabel         *answer_error;
  GtkLabel         *form_error;
};

G_DEFINE_FINAL_TYPE (SilaFeedbackDialog, sila_feedback_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
set_date_row (AdwEntryRow *row,
              const GDate *date)
{
  g_autofree char *text = g_date_valid (date) ? sila_date_to_iso (date) : g_strdup ("");

  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
clear_errors (SilaFeedbackDialog *self)
{
  sila_field_error_clear (GTK_WIDGET (self->channel_row), self->channel_error);
  sila_field_error_clear (GTK_WIDGET (self->received_row), self->received_error);
  sila_field_error_clear (GTK_WIDGET (self->submitter_row), self->submitter_error);
  sila_field_error_clear (self->description_frame, self->description_error);
  sila_field_error_clear (GTK_WIDGET (self->status_row), self->status_error);
  sila_field_error_clear (GTK_WIDGET (self->responsible_row), self->responsible_error);
  sila_field_error_clear (GTK_WIDGET (self->due_row), self->due_error);
  sila_field_error_clear (self->answer_frame, self->answer_error);
  sila_field_error_clear (GTK_WIDGET (self->form_error), self->form_error);
}

static void
show_field_error (SilaFeedbackDialog *self,
                  SilaFeedbackField   field,
                  const GError       *error)
{
  switch (field)
    {
    case SILA_FEEDBACK_FIELD_KIND:
    case SILA_FEEDBACK_FIELD_CHANNEL:
      sila_field_error_show (GTK_WIDGET (self->channel_row), self->channel_error, error);
      break;
    case SILA_FEEDBACK_FIELD_RECEIVED:
      sila_field_error_show (GTK_WIDGET (self->received_row), self->received_error, error);
      break;
    case SILA_FEEDBACK_FIELD_DUE:
      sila_field_error_show (GTK_WIDGET (self->due_row), self->due_error, error);
      break;
    case SILA_FEEDBACK_FIELD_DESCRIPTION:
      sila_field_error_show (self->description_frame, self->description_error, error);
      break;
    case SILA_FEEDBACK_FIELD_SUBMITTER:
      sila_field_error_show (GTK_WIDGET (self->submitter_row), self->submitter_error, error);
      break;
    case SILA_FEEDBACK_FIELD_RESPONSIBLE:
      sila_field_error_show (GTK_WIDGET (self->responsible_row), self->responsible_error, error);
      break;
    case SILA_FEEDBACK_FIELD_ANSWER:
      sila_field_error_show (self->answer_frame, self->answer_error, error);
      break;
    case SILA_FEEDBACK_FIELD_STATUS:
      sila_field_error_show (GTK_WIDGET (self->status_row), self->status_error, error);
      break;
    case SILA_FEEDBACK_FIELD_NONE:
    default:
      sila_field_error_show (GTK_WIDGET (self->form_error), self->form_error, error);
      break;
    }
}

static gboolean
read_date (SilaFeedbackDialog *self,
           AdwEntryRow        *row,
           GtkLabel           *label,
           GDate              *date)
{
  g_autoptr(GError) error = NULL;

  if (!sila_date_parse (gtk_editable_get_text (GTK_EDITABLE (row)), SILA_CALENDAR_GREGORIAN,
                        date, &error))
    {
      sila_field_error_show (GTK_WIDGET (row), label, error);
      return FALSE;
    }

  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SilaFeedbackDialog *self = SILA_FEEDBACK_DIALOG (widget);
  g_autoptr(SilaFeedbackItem) item = sila_feedback_item_copy (self->item);
  g_autoptr(GError) error = NULL;
  SilaFeedbackField field = SILA_FEEDBACK_FIELD_NONE;

  clear_errors (self);

  if (!read_date (self, self->received_row, self->received_error, &item->received_on) ||
      !read_date (self, self->due_row, self->due_error, &item->due_on))
    return;

  item->kind = adw_combo_row_get_selected (self->kind_row);
  item->status = adw_combo_row_get_selected (self->status_row);
  g_free (item->channel);
  item->channel =
    g_strdup (sila_ui_channel_code_at (adw_combo_row_get_selected (self->channel_row)));
  g_free (item->submitter);
  item->submitter = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->submitter_row)));
  g_free (item->responsible);
  item->responsible = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->responsible_row)));
  g_free (item->description);
  item->description = view_text (self->description_view);
  g_free (item->answer);
  item->answer = view_text (self->answer_view);

  if (!sila_store_save_feedback (sila_session_get_store (self->session),
                                 sila_session_get_actor (self->session), item, &field, &error))
    {
      show_field_error (self, field, error);
      return;
    }

  g_clear_pointer (&self->saved, sila_feedback_item_free);
  self->saved = g_steal_pointer (&item);
  sila_session_notify_changed (self->session, "feedback");
  gtk_window_close (GTK_WINDOW (self));
}

static void
load_item (SilaFeedbackDialog *self)
{
  const SilaFeedbackItem *item = self->item;
  g_autofree char *title = NULL;

  if (item->id == NULL)
    title = g_strdup (_("New Suggestion or Complaint"));
  else
    {
      g_autofree char *number = sila_format_int (item->number);

      title = g_strdup_printf (_("%s No. %s"), sila_feedback_kind_to_display (item->kind),
                               number);
    }
  adw_window_title_set_title (self->title_widget, title);
  gtk_window_set_title (GTK_WINDOW (self), title);

  adw_combo_row_set_selected (self->kind_row, item->kind);
  adw_combo_row_set_selected (self->channel_row, sila_ui_channel_position (item->channel));
  set_date_row (self->received_row, &item->received_on);
  set_date_row (self->due_row, &item->due_on);
  gtk_editable_set_text (GTK_EDITABLE (self->submitter_row),
                         item->submitter != NULL ? item->submitter : "");
  gtk_editable_set_text (GTK_EDITABLE (self->responsible_row),
                         item->responsible != NULL ? item->responsible : "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->description_view),
                            item->description != NULL ? item->description : "", -1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->answer_view),
                            item->answer != NULL ? item->answer : "", -1);
  adw_combo_row_set_selected (self->status_row, item->status);

  gtk_widget_set_visible (GTK_WIDGET (self->submitter_row), !item->anonymous);
  gtk_widget_set_visible (GTK_WIDGET (self->anonymous_note), item->anonymous);
}

static void
sila_feedback_dialog_constructed (GObject *object)
{
  SilaFeedbackDialog *self = (SilaFeedbackDialog *)object;
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  g_autoptr(GListModel) channels = sila_ui_channel_model ();
  gboolean can_edit;

  G_OBJECT_CLASS (sila_feedback_dialog_parent_class)->constructed (object);

  g_assert (SILA_IS_SESSION (self->session));

  for (SilaFeedbackKind k = 0; k < SILA_N_FEEDBACK_KINDS; k++)
    gtk_string_list_append (kinds, sila_feedback_kind_to_display (k));
  for (SilaFeedbackStatus s = 0; s < SILA_N_FEEDBACK_STATUSES; s++)
    gtk_string_list_append (statuses, sila_feedback_status_to_display (s));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));
  adw_combo_row_set_model (self->channel_row, channels);

  /* Dates read left to right. */
  gtk_widget_set_direction (GTK_WIDGET (self->received_row), GTK_TEXT_DIR_LTR);
  gtk_widget_set_direction (GTK_WIDGET (self->due_row), GTK_TEXT_DIR_LTR);

  if (self->item == NULL)
    {
      SilaStore *store = sila_session_get_store (self->session);

      self->item = sila_feedback_item_new (SILA_FEEDBACK_COMPLAINT);
      sila_store_feedback_default_due (store, &self->item->received_on, &self->item->due_on);
    }
  load_item (self);

  can_edit = sila_session_can (self->session, SILA_PERM_FEEDBACK_EDIT) &&
             !sila_store_is_read_only (sila_session_get_store (self->session));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "feedback.save", can_edit);
}

static void
sila_feedback_dialog_dispose (GObject *object)
{
  SilaFeedbackDialog *self = (SilaFeedbackDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SILA_TYPE_FEEDBACK_DIALOG);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (sila_feedback_dialog_parent_class)->dispose (object);
}

static void
sila_feedback_dialog_finalize (GObject *object)
{
  SilaFeedbackDialog *self = (SilaFeedbackDialog *)object;

  g_clear_pointer (&self->item, sila_feedback_item_free);
  g_clear_pointer (&self->saved, sila_feedback_item_free);

  G_OBJECT_CLASS (sila_feedback_dialog_parent_class)->finalize (object);
}

static void
sila_feedback_dialog_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  SilaFeedbackDialog *self = SILA_FEEDBACK_DIALOG (object);

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
sila_feedback_dialog_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  SilaFeedbackDialog *self = SILA_FEEDBACK_DIALOG (object);

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
sila_feedback_dialog_class_init (SilaFeedbackDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sila_feedback_dialog_constructed;
  object_class->dispose = sila_feedback_dialog_dispose;
  object_class->finalize = sila_feedback_dialog_finalize;
  object_class->get_property = sila_feedback_dialog_get_property;
  object_class->set_property = sila_feedback_dialog_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, SILA_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/sila-feedback-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SilaFeedbackDialog, title_widget);
  gtk_widget_class_bind_template_child (widget_class, SilaFeedbackDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, SilaFeedbackDialog, channel_row);
  gtk_widget_class_bind_template_child (widget_class, SilaFeedbackDialog, channel_error);
  gtk_widget_class_bind_template_child (widget_class, SilaFeedbackDialog, received_row);
  gtk_widget_class_bind_template_child (widget_class, SilaFeedbackDialog, received_error);
  gtk_widget_class_bind_template_child (widget_class, SilaFeedbackDialog, submitter_row);
  gtk_widget_class_bind_template_child (widget_class, SilaFeedbackDialog, submitter_error);
  gtk_widget_class_bind_template_child (widget_class, SilaFeedbackDialog, description_frame);
  gtk_widget_class_bind_template_child (widget_class, SilaFeedbackDialog, description_view);
  gtk_widget_class_bind_template_child (widget_class, SilaFeedbackDialog, description_error);
  gtk_widget_class_bind_template_child (widget_class, SilaFeedbackDialog, anonymous_note);
  gtk_widget_class_bind_template_child (widget_class, SilaFeedbackDialog, status_row);
  gtk_widget_class_bind_template_child (widget_class, SilaFeedbackDialog, status_error);
  gtk_widget_class_bind_template_child (widget_class, SilaFeedbackDialog, responsible_row);
  gtk_widget_class_bind_template_child (widget_class, SilaFeedbackDialog, responsible_error);
  gtk_widget_class_bind_template_child (widget_class, SilaFeedbackDialog, due_row);
  gtk_widget_class_bind_template_child (widget_class, SilaFeedbackDialog, due_error);
  gtk_widget_class_bind_template_child (widget_class, SilaFeedbackDialog, answer_frame);
  gtk_widget_class_bind_template_child (widget_class, SilaFeedbackDialog, answer_view);
  gtk_widget_class_bind_template_child (widget_class, SilaFeedbackDialog, answer_error);
  gtk_widget_class_bind_template_child (widget_class, SilaFeedbackDialog, form_error);

  gtk_widget_class_install_action (widget_class, "feedback.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "feedback.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sila_feedback_dialog_init (SilaFeedbackDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

SilaFeedbackDialog *
sila_feedback_dialog_new (GtkWindow              *parent,
                          SilaSession            *session,
                          const SilaFeedbackItem *item)
{
  SilaFeedbackDialog *self;

  /* constructed() prepares a new item; an existing one replaces it. */
  self = g_object_new (SILA_TYPE_FEEDBACK_DIALOG,
                       "transient-for", parent,
                       "session", session,
                       NULL);
  if (item != NULL)
    {
      g_clear_pointer (&self->item, sila_feedback_item_free);
      self->item = sila_feedback_item_copy (item);
      load_item (self);
    }

  return self;
}

const SilaFeedbackItem *
sila_feedback_dialog_get_saved (SilaFeedbackDialog *self)
{
  g_return_val_if_fail (SILA_IS_FEEDBACK_DIALOG (self), NULL);

  return self->saved;
}
