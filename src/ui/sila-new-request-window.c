/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-ui"

#include "sila-config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sila-beneficiary-requests.h"
#include "sila-clock.h"
#include "sila-date.h"
#include "sila-display.h"
#include "sila-field-error.h"
#include "sila-format.h"
#include "sila-new-request-window.h"
#include "sila-request-input.h"
#include "sila-signature-pad.h"
#include "sila-store-beneficiaries.h"
#include "sila-store-drafts.h"
#include "sila-store-requests.h"
#include "sila-text.h"
#include "sila-validation.h"

struct _SilaNewRequestWindow
{
  AdwWindow        parent_instance;

  SilaSession     *session;
  char            *beneficiary_id;
  GPtrArray       *type_codes;
  GtkWidget       *pad;
  GtkWidget       *history;
  char            *draft_id;     /* the draft this form is kept in, once typed into */
  char            *summary;      /* whose request, for the draft's line */
  guint            save_id;
  gboolean         restoring;
  /* The warning that the person already has a request of the chosen type,
   * and the check that opens another one all the same. */
  GtkWidget       *repeat_box;
  GtkLabel        *repeat_label;
  GtkCheckButton  *repeat_check;

  /* Template widgets */
  AdwPreferencesGroup *who_group;
  AdwActionRow    *beneficiary_row;
  AdwEntryRow     *lookup_row;
  GtkLabel        *lookup_error;
  GtkBox          *history_box;
  AdwComboRow     *type_row;
  GtkLabel        *type_error;
  AdwComboRow     *channel_row;
  GtkLabel        *channel_error;
  AdwEntryRow     *received_row;
  GtkLabel        *received_error;
  AdwEntryRow     *amount_row;
  GtkLabel        *amount_error;
  GtkTextView     *description_view;
  GtkLabel        *description_error;
  GtkLabel        *window_label;
  GtkCheckButton  *drawn_check;
  GtkCheckButton  *paper_check;
  GtkBox          *pad_box;
  GtkLabel        *declaration_error;
  GtkLabel        *general_error;
  GtkWidget       *restored_box;
};

static void update_repeat (SilaNewRequestWindow *self);

G_DEFINE_FINAL_TYPE (SilaNewRequestWindow, sila_new_request_window, ADW_TYPE_WINDOW)

enum {
  OPENED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The applicant is told the answer window (policy), with its date. */
static void
update_window_label (SilaNewRequestWindow *self)
{
  SilaStore *store = sila_session_get_store (self->session);
  int days = sila_store_get_setting_int (store, SILA_SETTING_ANSWER_WINDOW,
                                         SILA_ANSWER_WINDOW_DEFAULT);
  const char *typed = gtk_editable_get_text (GTK_EDITABLE (self->received_row));
  g_autofree char *n = sila_format_int (days);
  g_autofree char *date = NULL;
  g_autofree char *hijri = NULL;
  g_autofree char *text = NULL;
  GDate received, due;

  if (!sila_date_parse_guess (typed, &received, NULL, NULL))
    sila_clock_today (&received);
  sila_request_compute_due (&received, days, &due);
  date = sila_date_format (&due, SILA_CALENDAR_GREGORIAN);
  hijri = sila_date_format (&due, SILA_CALENDAR_HIJRI);
  /* Translators: the first %s is a number of days, then the due date in
   * both calendars. */
  text = g_strdup_printf (_("Tell the applicant: the research committee studies the request "
                            "and answers within %s days, by %s (%s)."), n, date, hijri);
  gtk_label_set_label (self->window_label, text);
}

static void
clear_errors (SilaNewRequestWindow *self)
{
  const struct { gpointer field; GtkLabel *label; } pairs[] = {
    { self->lookup_row, self->lookup_error },
    { self->type_row, self->type_error },
    { self->channel_row, self->channel_error },
    { self->received_row, self->received_error },
    { self->amount_row, self->amount_error },
    { self->description_view, self->description_error },
    { self->pad_box, self->declaration_error },
    { self->general_error, self->general_error },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    sila_field_error_clear (GTK_WIDGET (pairs[i].field), pairs[i].label);
}

gboolean
sila_new_request_window_set_beneficiary (SilaNewRequestWindow *self,
                                         const char           *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaBeneficiary) file = NULL;
  g_autofree char *name = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *number = NULL;

  g_return_val_if_fail (SILA_IS_NEW_REQUEST_WINDOW (self), FALSE);

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
  g_free (self->summary);
  self->summary = g_strdup (name);
  number = sila_display_file_number (file->file_number);
  {
    g_autofree char *id_shown = file->id_number != NULL ? sila_display_code (file->id_number)
                                                  : g_strdup ("—");
    g_autofree char *file_part = g_strdup_printf (_("File %s"), number);
    g_autofree char *id_part = g_strdup_printf (_("ID %s"), id_shown);
    g_autofree char *line = sila_display_join (file_part, id_part, NULL);

    subtitle = g_markup_escape_text (line, -1);
  }
  {
    g_autofree char *escaped = g_markup_escape_text (name, -1);

    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->beneficiary_row), escaped);
  }
  adw_action_row_set_subtitle (self->beneficiary_row, subtitle);
  sila_field_error_clear (GTK_WIDGET (self->lookup_row), self->lookup_error);

  /* The person's other requests, so that nothing is asked twice. */
  if (self->history != NULL)
    gtk_box_remove (self->history_box, self->history);
  self->history = sila_beneficiary_requests_new (self->session, file->id);
  sila_beneficiary_requests_set_can_add (SILA_BENEFICIARY_REQUESTS (self->history), FALSE);
  gtk_box_append (self->history_box, self->history);
  update_repeat (self);
  return TRUE;
}

static void
lookup_cb (SilaNewRequestWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaBeneficiary) file = NULL;
  g_autofree char *id_number = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->lookup_row));
  SilaStore *store = sila_session_get_store (self->session);
  const SilaActor *actor = sila_session_get_actor (self->session);
  SilaBeneficiaryLookup kind;
  gint64 file_number;

  clear_errors (self);
  /* What the number typed is: the core says. */
  if (sila_beneficiary_lookup_parse (text, FALSE, &kind, &id_number, &file_number, &error))
    {
      if (kind == SILA_BENEFICIARY_LOOKUP_ID_NUMBER)
        sila_store_find_beneficiary_by_id_number (store, actor, id_number, &file, &error);
      else
        sila_store_find_beneficiary_by_file_number (store, actor, file_number, &file, &error);
    }

  if (file == NULL && error == NULL)
    g_set_error_literal (&error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                         _("No beneficiary file has this number: open the file first."));
  if (file == NULL)
    {
      sila_field_error_show (GTK_WIDGET (self->lookup_row), self->lookup_error, error);
      return;
    }

  sila_new_request_window_set_beneficiary (self, file->id);
}

/* Beside the type: a request of this type still open for this person, or
 * decided in the last days the core counts. The officer may go on, but
 * only by saying so. */
static void
update_repeat (SilaNewRequestWindow *self)
{
  guint type = adw_combo_row_get_selected (self->type_row);
  g_autoptr(GPtrArray) held = NULL;
  const SilaRequestBrief *repeat = NULL;
  g_autofree char *text = NULL;
  GDate today;

  if (self->beneficiary_id != NULL && self->type_codes != NULL && type < self->type_codes->len)
    held = sila_store_list_request_briefs (sila_session_get_store (self->session),
                                           sila_session_get_actor (self->session),
                                           self->beneficiary_id,
                                           g_ptr_array_index (self->type_codes, type), NULL);
  sila_clock_today (&today);
  repeat = held != NULL ? sila_request_find_repeat (held, &today) : NULL;
  if (repeat != NULL)
    text = sila_request_describe_repeat (repeat);

  if (g_strcmp0 (text, gtk_label_get_label (self->repeat_label)) != 0)
    gtk_check_button_set_active (self->repeat_check, FALSE);
  gtk_label_set_label (self->repeat_label, text != NULL ? text : "");
  gtk_widget_remove_css_class (GTK_WIDGET (self->repeat_label), "sila-field-error");
  gtk_widget_set_visible (self->repeat_box, text != NULL);
}

gboolean
sila_new_request_window_has_repeat_warning (SilaNewRequestWindow *self)
{
  g_return_val_if_fail (SILA_IS_NEW_REQUEST_WINDOW (self), FALSE);

  return gtk_widget_get_visible (self->repeat_box);
}

void
sila_new_request_window_confirm_repeat (SilaNewRequestWindow *self)
{
  g_return_if_fail (SILA_IS_NEW_REQUEST_WINDOW (self));

  gtk_check_button_set_active (self->repeat_check, TRUE);
}

static void
build_repeat_warning (SilaNewRequestWindow *self)
{
  self->repeat_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  self->repeat_label = GTK_LABEL (gtk_label_new (NULL));
  self->repeat_check = GTK_CHECK_BUTTON (
    gtk_check_button_new_with_mnemonic (_("_Open another request of this type anyway")));
  gtk_label_set_xalign (self->repeat_label, 0);
  gtk_label_set_wrap (self->repeat_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->repeat_label), "warning");
  gtk_widget_set_margin_top (self->repeat_box, 6);
  gtk_box_append (GTK_BOX (self->repeat_box), GTK_WIDGET (self->repeat_label));
  gtk_box_append (GTK_BOX (self->repeat_box), GTK_WIDGET (self->repeat_check));
  gtk_widget_set_visible (self->repeat_box, FALSE);
  /* Right under the type's own error, beside the field it is about. */
  gtk_widget_insert_after (self->repeat_box,
                           gtk_widget_get_parent (GTK_WIDGET (self->type_error)),
                           GTK_WIDGET (self->type_error));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->type_row),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->repeat_label, NULL,
                                  -1);
  g_signal_connect_swapped (self->type_row, "notify::selected", G_CALLBACK (update_repeat), self);
}

static void
declaration_toggled_cb (SilaNewRequestWindow *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->pad_box),
                          gtk_check_button_get_active (self->drawn_check));
}

static void
clear_signature_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  SilaNewRequestWindow *self = SILA_NEW_REQUEST_WINDOW (widget);

  sila_signature_pad_clear (SILA_SIGNATURE_PAD (self->pad));
}

static void
show_field_errors (SilaNewRequestWindow *self,
                   SilaFieldErrors      *errors)
{
  const struct { const char *key; gpointer field; GtkLabel *label; } map[] = {
    { "beneficiary", self->lookup_row, self->lookup_error },
    { "type", self->type_row, self->type_error },
    { "channel", self->channel_row, self->channel_error },
    { "received", self->received_row, self->received_error },
    { "amount", self->amount_row, self->amount_error },
    { "description", self->description_view, self->description_error },
    { "declaration", self->pad_box, self->declaration_error },
  };

  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    {
      const GError *error = sila_field_errors_get (errors, map[i].key);

      if (error != NULL)
        sila_field_error_show (GTK_WIDGET (map[i].field), map[i].label, error);
    }
}

/* The form as typed. */
static SilaRequestInput *
read_input (SilaNewRequestWindow *self)
{
  SilaRequestInput *input = sila_request_input_new ();
  g_autofree char *description = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->description_view);
  GtkTextIter start, end;
  guint type = adw_combo_row_get_selected (self->type_row);
  guint channel = adw_combo_row_get_selected (self->channel_row);
  gboolean drawn = gtk_check_button_get_active (self->drawn_check);

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  description = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  input->beneficiary_id = g_strdup (self->beneficiary_id);
  if (type != GTK_INVALID_LIST_POSITION && type < self->type_codes->len)
    sila_request_input_set (input, SILA_RF_TYPE, g_ptr_array_index (self->type_codes, type));
  if (channel != GTK_INVALID_LIST_POSITION && channel < SILA_N_CHANNELS)
    sila_request_input_set (input, SILA_RF_CHANNEL, sila_channel_to_code (channel));
  sila_request_input_set (input, SILA_RF_RECEIVED,
                          gtk_editable_get_text (GTK_EDITABLE (self->received_row)));
  sila_request_input_set (input, SILA_RF_AMOUNT,
                          gtk_editable_get_text (GTK_EDITABLE (self->amount_row)));
  sila_request_input_set (input, SILA_RF_DESCRIPTION, description);
  sila_request_input_set (input, SILA_RF_DECLARATION,
                          drawn ? "drawn" : gtk_check_button_get_active (self->paper_check)
                                            ? "paper" : "pending");
  if (drawn)
    input->signature = sila_signature_pad_get_text (SILA_SIGNATURE_PAD (self->pad));
  return input;
}

/* Drafts: what is typed is kept as it is typed (nothing typed is lost). */
void
sila_new_request_window_save_draft (SilaNewRequestWindow *self)
{
  g_autoptr(SilaRequestInput) input = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  SilaStore *store;

  g_return_if_fail (SILA_IS_NEW_REQUEST_WINDOW (self));

  g_clear_handle_id (&self->save_id, g_source_remove);
  store = sila_session_get_store (self->session);
  if (self->restoring || sila_store_is_read_only (store) ||
      !sila_session_can (self->session, SILA_PERM_REQUEST_OPEN))
    return;

  input = read_input (self);
  json = sila_request_input_to_json (input);
  if (!sila_store_save_draft (store, sila_session_get_actor (self->session),
                              SILA_DRAFT_KIND_REQUEST, self->beneficiary_id, self->summary, json,
                              &self->draft_id, &error))
    g_debug ("The draft was not kept: %s", error->message);
}

static gboolean
save_draft_cb (gpointer user_data)
{
  SilaNewRequestWindow *self = user_data;

  self->save_id = 0;
  sila_new_request_window_save_draft (self);
  return G_SOURCE_REMOVE;
}

static void
typed_cb (SilaNewRequestWindow *self)
{
  if (self->restoring)
    return;
  g_clear_handle_id (&self->save_id, g_source_remove);
  self->save_id = g_timeout_add (400, save_draft_cb, self);
}

static void
drop_draft (SilaNewRequestWindow *self)
{
  g_clear_handle_id (&self->save_id, g_source_remove);
  if (self->draft_id != NULL)
    sila_store_delete_draft (sila_session_get_store (self->session),
                             sila_session_get_actor (self->session), self->draft_id, NULL);
  g_clear_pointer (&self->draft_id, g_free);
}

/* Puts a kept draft back in the form: the one for this beneficiary, or the
 * latest when the form was opened without one. */
static void
restore_draft (SilaNewRequestWindow *self,
               const char           *beneficiary_id)
{
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(SilaRequestInput) input = NULL;
  const SilaDraft *found = NULL;

  drafts = sila_store_list_drafts (sila_session_get_store (self->session),
                                   sila_session_get_actor (self->session),
                                   SILA_DRAFT_KIND_REQUEST, NULL);
  for (guint i = 0; drafts != NULL && i < drafts->len && found == NULL; i++)
    {
      const SilaDraft *draft = g_ptr_array_index (drafts, i);

      if (beneficiary_id == NULL || g_strcmp0 (draft->entity_id, beneficiary_id) == 0)
        found = draft;
    }
  if (found == NULL || (input = sila_request_input_from_json (found->content)) == NULL)
    return;

  self->restoring = TRUE;
  self->draft_id = g_strdup (found->id);
  if (input->beneficiary_id != NULL && beneficiary_id == NULL)
    sila_new_request_window_set_beneficiary (self, input->beneficiary_id);
  for (guint i = 0; i < self->type_codes->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->type_codes, i), input->fields[SILA_RF_TYPE]) == 0)
      adw_combo_row_set_selected (self->type_row, i);
  {
    SilaChannel channel;

    if (sila_channel_parse (input->fields[SILA_RF_CHANNEL], &channel, NULL))
      adw_combo_row_set_selected (self->channel_row, channel);
  }
  gtk_editable_set_text (GTK_EDITABLE (self->received_row),
                         input->fields[SILA_RF_RECEIVED] != NULL
                         ? input->fields[SILA_RF_RECEIVED] : "");
  gtk_editable_set_text (GTK_EDITABLE (self->amount_row),
                         input->fields[SILA_RF_AMOUNT] != NULL ? input->fields[SILA_RF_AMOUNT]
                                                               : "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->description_view),
                            input->fields[SILA_RF_DESCRIPTION] != NULL
                            ? input->fields[SILA_RF_DESCRIPTION] : "", -1);
  gtk_check_button_set_active (g_strcmp0 (input->fields[SILA_RF_DECLARATION], "paper") == 0
                               ? self->paper_check : self->drawn_check, TRUE);
  if (input->signature != NULL)
    sila_signature_pad_set_text (SILA_SIGNATURE_PAD (self->pad), input->signature);
  gtk_widget_set_visible (self->restored_box, TRUE);
  self->restoring = FALSE;
}

static void discard_response_cb (AdwMessageDialog     *dialog,
                                 const char           *response,
                                 SilaNewRequestWindow *self);

/* Discarding deletes the kept draft for good: asked first. */
static void
discard_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (widget), _("Discard This Draft?"),
                                              _("What was typed for this request, the "
                                                "signature included, will be deleted. This "
                                                "cannot be undone."));

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "discard", _("_Discard"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), widget, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
discard_response_cb (AdwMessageDialog     *dialog,
                     const char           *response,
                     SilaNewRequestWindow *self)
{
  if (!g_str_equal (response, "discard"))
    return;
  drop_draft (self);
  self->restoring = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->received_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->amount_row), "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->description_view), "", -1);
  sila_signature_pad_clear (SILA_SIGNATURE_PAD (self->pad));
  self->restoring = FALSE;
  gtk_widget_set_visible (self->restored_box, FALSE);
  clear_errors (self);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SilaNewRequestWindow *self = SILA_NEW_REQUEST_WINDOW (widget);
  g_autoptr(SilaRequestInput) input = NULL;
  g_autoptr(SilaFieldErrors) errors = sila_field_errors_new ();
  g_autoptr(SilaRequest) request = NULL;
  g_autoptr(GPtrArray) types = NULL;
  g_autoptr(GError) error = NULL;

  clear_errors (self);
  input = read_input (self);
  /* Whatever happens next, what was typed is kept. */
  sila_new_request_window_save_draft (self);

  types = sila_store_list_request_types (sila_session_get_store (self->session), FALSE, &error);
  if (types == NULL)
    {
      sila_field_error_show (GTK_WIDGET (self->general_error), self->general_error, error);
      return;
    }

  request = sila_request_input_parse (input, types, SILA_REQUEST_PARSE_REQUIRE_DECLARATION,
                                      errors);
  if (request == NULL)
    {
      show_field_errors (self, errors);
      return;
    }

  /* A repeat is opened only once the officer has said so, beside the type. */
  update_repeat (self);
  if (gtk_widget_get_visible (self->repeat_box) &&
      !gtk_check_button_get_active (self->repeat_check))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->repeat_label), "sila-field-error");
      gtk_widget_grab_focus (GTK_WIDGET (self->repeat_check));
      return;
    }

  if (!sila_store_open_request (sila_session_get_store (self->session),
                                sila_session_get_actor (self->session), request, &error))
    {
      sila_field_error_show (GTK_WIDGET (self->general_error), self->general_error, error);
      return;
    }

  drop_draft (self);
  g_signal_emit (self, signals[OPENED], 0, request->id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
sila_new_request_window_dispose (GObject *object)
{
  SilaNewRequestWindow *self = (SilaNewRequestWindow *)object;

  /* Closed before opening the request: the draft keeps what was typed. */
  if (self->save_id != 0 && self->session != NULL)
    sila_new_request_window_save_draft (self);
  g_clear_handle_id (&self->save_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), SILA_TYPE_NEW_REQUEST_WINDOW);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (sila_new_request_window_parent_class)->dispose (object);
}

static void
sila_new_request_window_finalize (GObject *object)
{
  SilaNewRequestWindow *self = (SilaNewRequestWindow *)object;

  g_free (self->beneficiary_id);
  g_free (self->draft_id);
  g_free (self->summary);
  g_ptr_array_unref (self->type_codes);

  G_OBJECT_CLASS (sila_new_request_window_parent_class)->finalize (object);
}

static void
sila_new_request_window_class_init (SilaNewRequestWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sila_new_request_window_dispose;
  object_class->finalize = sila_new_request_window_finalize;

  /**
   * SilaNewRequestWindow::opened:
   * @id: the new request's id
   */
  signals[OPENED] = g_signal_new ("opened", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/sila-new-request-window.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, SilaNewRequestWindow, name)
  CHILD (who_group);
  CHILD (beneficiary_row);
  CHILD (lookup_row);
  CHILD (lookup_error);
  CHILD (history_box);
  CHILD (type_row);
  CHILD (type_error);
  CHILD (channel_row);
  CHILD (channel_error);
  CHILD (received_row);
  CHILD (received_error);
  CHILD (amount_row);
  CHILD (amount_error);
  CHILD (description_view);
  CHILD (description_error);
  CHILD (window_label);
  CHILD (drawn_check);
  CHILD (paper_check);
  CHILD (pad_box);
  CHILD (declaration_error);
  CHILD (general_error);
  CHILD (restored_box);
#undef CHILD

  gtk_widget_class_install_action (widget_class, "new-request.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "new-request.clear-signature", NULL,
                                   clear_signature_action);
  gtk_widget_class_install_action (widget_class, "new-request.discard", NULL, discard_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "new-request.open", NULL);
}

static void
sila_new_request_window_init (SilaNewRequestWindow *self)
{
  g_autoptr(GtkStringList) channels = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->type_codes = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < SILA_N_CHANNELS; i++)
    gtk_string_list_append (channels, sila_channel_to_display (i));
  adw_combo_row_set_model (self->channel_row, G_LIST_MODEL (channels));

  self->pad = sila_signature_pad_new ();
  gtk_widget_set_hexpand (self->pad, TRUE);
  gtk_box_prepend (self->pad_box, self->pad);

  gtk_widget_set_direction (GTK_WIDGET (self->lookup_row), GTK_TEXT_DIR_LTR);
  gtk_widget_set_direction (GTK_WIDGET (self->amount_row), GTK_TEXT_DIR_LTR);
  gtk_widget_set_direction (GTK_WIDGET (self->received_row), GTK_TEXT_DIR_LTR);
  g_signal_connect_swapped (self->lookup_row, "apply", G_CALLBACK (lookup_cb), self);
  g_signal_connect_swapped (self->lookup_row, "entry-activated", G_CALLBACK (lookup_cb), self);
  g_signal_connect_swapped (self->drawn_check, "toggled", G_CALLBACK (declaration_toggled_cb),
                            self);
  g_signal_connect_swapped (self->received_row, "changed", G_CALLBACK (update_window_label),
                            self);

  /* Every change is kept in the draft. */
  g_signal_connect_swapped (self->received_row, "changed", G_CALLBACK (typed_cb), self);
  g_signal_connect_swapped (self->amount_row, "changed", G_CALLBACK (typed_cb), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->description_view), "changed",
                            G_CALLBACK (typed_cb), self);
  g_signal_connect_swapped (self->type_row, "notify::selected", G_CALLBACK (typed_cb), self);
  g_signal_connect_swapped (self->channel_row, "notify::selected", G_CALLBACK (typed_cb), self);
  g_signal_connect_swapped (self->paper_check, "toggled", G_CALLBACK (typed_cb), self);
  g_signal_connect_swapped (self->pad, "changed", G_CALLBACK (typed_cb), self);
  build_repeat_warning (self);
}

SilaNewRequestWindow *
sila_new_request_window_new (GtkWindow   *parent,
                             SilaSession *session,
                             const char  *beneficiary_id)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) types = NULL;
  SilaNewRequestWindow *self;

  g_return_val_if_fail (SILA_IS_SESSION (session), NULL);

  self = g_object_new (SILA_TYPE_NEW_REQUEST_WINDOW, "transient-for", parent, NULL);
  self->session = g_object_ref (session);

  types = sila_store_list_request_types (sila_session_get_store (session), FALSE, NULL);
  for (guint i = 0; types != NULL && i < types->len; i++)
    {
      const SilaTypeEntry *entry = g_ptr_array_index (types, i);

      gtk_string_list_append (names, sila_type_entry_get_display (entry));
      g_ptr_array_add (self->type_codes, g_strdup (entry->code));
    }
  adw_combo_row_set_model (self->type_row, G_LIST_MODEL (names));

  self->restoring = TRUE;
  if (beneficiary_id != NULL && sila_new_request_window_set_beneficiary (self, beneficiary_id))
    gtk_widget_set_visible (GTK_WIDGET (self->lookup_row), FALSE);
  self->restoring = FALSE;
  if (sila_session_can (session, SILA_PERM_REQUEST_OPEN))
    restore_draft (self, beneficiary_id);
  update_window_label (self);
  return self;
}

GtkWidget *
sila_new_request_window_get_pad (SilaNewRequestWindow *self)
{
  g_return_val_if_fail (SILA_IS_NEW_REQUEST_WINDOW (self), NULL);

  return self->pad;
}

void
sila_new_request_window_choose (SilaNewRequestWindow *self,
                                const char           *code,
                                SilaChannel           channel)
{
  g_return_if_fail (SILA_IS_NEW_REQUEST_WINDOW (self));

  for (guint i = 0; i < self->type_codes->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->type_codes, i), code) == 0)
      adw_combo_row_set_selected (self->type_row, i);
  adw_combo_row_set_selected (self->channel_row, channel);
}
