/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-ui"

#include "sila-config.h"

#include <glib/gi18n.h>

#include "sila-clock.h"
#include "sila-date.h"
#include "sila-display.h"
#include "sila-format.h"
#include "sila-outreach-page.h"
#include "sila-phone.h"
#include "sila-store-contacts.h"
#include "sila-store-outreach.h"
#include "sila-survey-form.h"
#include "sila-window.h"

struct _SilaOutreachPage
{
  GtkWidget             parent_instance;

  SilaSession          *session;
  GPtrArray            *items;      /* SilaOutreachItem: today's whole list */
  GPtrArray            *shown;      /* the items the filters keep, not owned */
  GPtrArray            *rows;       /* their rows, not owned */
  GtkFileChooserNative *chooser;
  GtkWidget            *survey_offer;
  gboolean              stale;      /* changed while not shown: reload when shown */

  /* Template widgets */
  GtkDropDown          *reason_drop;
  GtkDropDown          *officer_drop;
  GtkLabel             *count_label;
  GtkLabel             *message_label;
  GtkListBox           *item_list;
};

G_DEFINE_FINAL_TYPE (SilaOutreachPage, sila_outreach_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* One click logs the call with how it went; words, not icons, so that
 * nobody has to guess. */
static const SilaContactOutcome outcome_buttons[] = {
  SILA_OUTCOME_REACHED,
  SILA_OUTCOME_NO_ANSWER,
  SILA_OUTCOME_WRONG_NUMBER,
};

static void reload (SilaOutreachPage *self);

static void
show_message (SilaOutreachPage *self,
              const char       *text)
{
  gtk_label_set_label (self->message_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), text != NULL && *text != '\0');
}

static void
toast (SilaOutreachPage *self,
       const char       *text)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (SILA_IS_WINDOW (root))
    sila_window_add_toast (SILA_WINDOW (root), adw_toast_new (text));
}

static const SilaOutreachItem *
item_at (SilaOutreachPage *self,
         guint             index)
{
  return index < self->shown->len ? g_ptr_array_index (self->shown, index) : NULL;
}

static void
survey_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    SilaOutreachPage *self)
{
  SilaSurveyForm *form;
  GtkRoot *root;
  const char *beneficiary_id = g_object_get_data (G_OBJECT (dialog), "beneficiary-id");
  const char *request_id = g_object_get_data (G_OBJECT (dialog), "request-id");
  const char *contact_id = g_object_get_data (G_OBJECT (dialog), "contact-id");
  const char *type = g_object_get_data (G_OBJECT (dialog), "request-type");
  const char *description = g_object_get_data (G_OBJECT (dialog), "description");

  if (!g_str_equal (response, "survey"))
    return;

  root = gtk_widget_get_root (GTK_WIDGET (self));
  form = sila_survey_form_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->session);
  sila_survey_form_set_links (form, beneficiary_id, request_id, contact_id, type, description);
  gtk_window_present (GTK_WINDOW (form));
}

/* After a follow-up call reached the person: the satisfaction survey, with
 * them, now (it is linked to the request and the call). */
static void
offer_survey (SilaOutreachPage       *self,
              const SilaOutreachItem *item,
              const char             *contact_id)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *body = NULL;
  g_autofree char *description = NULL;
  GtkWidget *dialog;

  body = g_strdup_printf (_("Ask %s how the service went, with the satisfaction survey?"),
                          item->name);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Satisfaction Survey"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "later", _("_Later"),
                                    "survey", _("_Take the Survey"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "survey",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "survey");
  description = g_strdup_printf (_("Request %s"), item->request_number);
  g_object_set_data_full (G_OBJECT (dialog), "beneficiary-id", g_strdup (item->beneficiary_id),
                          g_free);
  g_object_set_data_full (G_OBJECT (dialog), "request-id", g_strdup (item->request_id), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "contact-id", g_strdup (contact_id), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "request-type", g_strdup (item->request_type),
                          g_free);
  g_object_set_data_full (G_OBJECT (dialog), "description", g_steal_pointer (&description),
                          g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (survey_response_cb), self, 0);

  if (self->survey_offer != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->survey_offer), (gpointer *)&self->survey_offer);
  self->survey_offer = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&self->survey_offer);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Logs the call of item @index with @outcome, from the signed-in officer,
 * now. */
static gboolean
log_call (SilaOutreachPage    *self,
          guint                index,
          SilaContactOutcome   outcome,
          GError             **error)
{
  const SilaOutreachItem *item = item_at (self, index);
  g_autoptr(SilaOutreachItem) copy = NULL;
  g_autoptr(SilaFieldErrors) errors = sila_field_errors_new ();
  g_autoptr(SilaContact) contact = NULL;
  g_autofree char *question = NULL;
  g_autofree char *done = NULL;
  const char *fields[SILA_N_CF_FIELDS] = { NULL };

  g_return_val_if_fail (item != NULL, FALSE);

  question = g_strdup_printf ("%s — %s", sila_outreach_reason_to_display (item->reason),
                              sila_contact_outcome_to_display (outcome));
  fields[SILA_CF_CHANNEL] = sila_channel_to_code (SILA_CHANNEL_PHONE);
  fields[SILA_CF_DIRECTION] = sila_contact_direction_to_code (SILA_DIRECTION_OUTBOUND);
  fields[SILA_CF_KIND] = sila_contact_kind_to_code (SILA_CONTACT_OUTREACH);
  fields[SILA_CF_QUESTION] = question;
  contact = sila_contact_parse (fields, item->beneficiary_id, errors);
  if (contact == NULL)
    {
      const char * const *keys = sila_field_errors_get_fields (errors);

      g_set_error_literal (error, SILA_STORE_ERROR, SILA_STORE_ERROR_INVALID,
                           sila_field_errors_get (errors, keys[0])->message);
      return FALSE;
    }
  if (!sila_contact_set_outcome (contact, outcome, error))
    return FALSE;
  contact->request_id = g_strdup (item->request_id);
  if (!sila_store_add_contact (sila_session_get_store (self->session),
                               sila_session_get_actor (self->session), contact, error))
    return FALSE;

  /* The list reloads below; keep what the survey needs. */
  copy = sila_outreach_item_new ();
  copy->name = g_strdup (item->name);
  copy->beneficiary_id = g_strdup (item->beneficiary_id);
  copy->request_id = g_strdup (item->request_id);
  copy->request_number = g_strdup (item->request_number);
  copy->request_type = g_strdup (item->request_type);
  copy->reason = item->reason;

  done = g_strdup_printf (_("Logged: %s, %s."), item->name,
                          sila_contact_outcome_to_display (outcome));
  show_message (self, NULL);
  sila_session_notify_changed (self->session, "contacts");
  toast (self, done);

  if (outcome == SILA_OUTCOME_REACHED && copy->reason == SILA_OUTREACH_SERVICE_FOLLOW_UP &&
      sila_session_can (self->session, SILA_PERM_SURVEY_TAKE))
    offer_survey (self, copy, contact->id);
  return TRUE;
}

static void
outcome_clicked_cb (GtkButton        *button,
                    SilaOutreachPage *self)
{
  g_autoptr(GError) error = NULL;
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index"));
  int outcome = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "outcome"));

  if (!log_call (self, index, (SilaContactOutcome)outcome, &error))
    show_message (self, error->message);
}

static void
copy_clicked_cb (GtkButton        *button,
                 SilaOutreachPage *self)
{
  const char *message = g_object_get_data (G_OBJECT (button), "message");

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (button)), message);
  toast (self, _("The message is copied."));
}

static void
dismiss_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     SilaOutreachPage *self)
{
  g_autoptr(GError) error = NULL;
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "index"));

  if (g_str_equal (response, "dismiss") &&
      !sila_outreach_page_dismiss (self, index, gtk_editable_get_text (entry), &error))
    show_message (self, error->message);
}

static void
why_changed_cb (GtkEditable      *entry,
                AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "dismiss", *text != '\0');
}

static void
dismiss_clicked_cb (GtkButton        *button,
                    SilaOutreachPage *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index"));
  const SilaOutreachItem *item = item_at (self, index);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *body = NULL;
  GtkWidget *dialog, *entry;

  if (item == NULL)
    return;
  body = g_strdup_printf (_("Say why %s need not be contacted for this reason. It is kept in "
                            "the audit trail."), item->name);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Take Off the List?"), body);
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Why"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "dismiss", _("_Take Off"),
                                    NULL);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "dismiss", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "dismiss");
  g_object_set_data (G_OBJECT (dialog), "index", GUINT_TO_POINTER (index));
  g_signal_connect (entry, "changed", G_CALLBACK (why_changed_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (dismiss_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
new_button (SilaOutreachPage *self,
            const char       *label,
            guint             index,
            GCallback         callback)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_sensitive (button, sila_session_can (self->session, SILA_PERM_CONTACT_EDIT));
  g_object_set_data (G_OBJECT (button), "index", GUINT_TO_POINTER (index));
  g_signal_connect_object (button, "clicked", callback, self, 0);
  return button;
}

static GtkWidget *
new_row (SilaOutreachPage       *self,
         const SilaOutreachItem *item,
         guint                   index)
{
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *box, *label, *buttons, *button, *phone;
  g_autofree char *since = sila_date_format (&item->since, SILA_CALENDAR_GREGORIAN);
  g_autofree char *subtitle = NULL;
  g_autofree char *message = sila_outreach_message (item);
  g_autofree char *request = NULL;
  g_autofree char *shown_phone = NULL;

  if (item->request_number != NULL)
    request = g_strdup_printf (_("Request %s"), item->request_number);
  {
    g_autofree char *since_text = g_strdup_printf (_("since %s"), since);

    subtitle = sila_display_join (sila_outreach_reason_to_display (item->reason),
                                  request != NULL ? request : _("The file"), since_text, NULL);
  }
  /* Who holds it, when it is someone on the staff list. */
  if (item->holder_name != NULL)
    {
      g_autofree char *with_holder = sila_display_join (subtitle, item->holder_name, NULL);

      g_free (subtitle);
      subtitle = g_steal_pointer (&with_holder);
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  gtk_widget_set_name (row, sila_outreach_reason_to_code (item->reason));

  /* Each action goes before the ones added earlier: added last to first,
   * they read phone, reached, no answer, wrong number. */
  for (guint i = G_N_ELEMENTS (outcome_buttons); i-- > 0;)
    {
      button = new_button (self, sila_contact_outcome_to_display (outcome_buttons[i]),
                           index, G_CALLBACK (outcome_clicked_cb));
      g_object_set_data (G_OBJECT (button), "outcome", GINT_TO_POINTER (outcome_buttons[i]));
      gtk_widget_set_name (button, sila_contact_outcome_to_code (outcome_buttons[i]));
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), button);
    }
  shown_phone = item->phone != NULL ? sila_phone_format_display (item->phone) : NULL;
  /* Shown as the rest of the app shows a mobile (050 123 4567); the CSV
   * for an SMS service keeps the international form. */
  phone = gtk_label_new (shown_phone != NULL ? shown_phone
                         : item->phone != NULL ? item->phone : _("No phone"));
  gtk_widget_set_direction (phone, GTK_TEXT_DIR_LTR);
  gtk_label_set_selectable (GTK_LABEL (phone), TRUE);
  gtk_widget_add_css_class (phone, "numeric");
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), phone);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  label = gtk_label_new (message);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_name (label, "message");
  gtk_box_append (GTK_BOX (box), label);
  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  button = new_button (self, _("_Copy Message"), index, G_CALLBACK (copy_clicked_cb));
  gtk_widget_set_sensitive (button, TRUE);
  g_object_set_data_full (G_OBJECT (button), "message", g_steal_pointer (&message), g_free);
  gtk_widget_set_name (button, "copy");
  gtk_box_append (GTK_BOX (buttons), button);
  button = new_button (self, _("_Take Off the List…"), index,
                       G_CALLBACK (dismiss_clicked_cb));
  gtk_widget_set_name (button, "dismiss");
  gtk_box_append (GTK_BOX (buttons), button);
  gtk_box_append (GTK_BOX (box), buttons);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), box);

  return row;
}

static gboolean
keep (SilaOutreachPage       *self,
      const SilaOutreachItem *item)
{
  guint reason = gtk_drop_down_get_selected (self->reason_drop);
  const SilaActor *actor = sila_session_get_actor (self->session);

  if (reason != GTK_INVALID_LIST_POSITION && reason > 0 && item->reason != reason - 1)
    return FALSE;
  if (gtk_drop_down_get_selected (self->officer_drop) == 0 &&
      g_strcmp0 (item->holder, actor != NULL ? actor->username : NULL) != 0)
    return FALSE;
  return TRUE;
}

static void
show_items (SilaOutreachPage *self)
{
  g_autofree char *count = NULL;
  g_autofree char *text = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->item_list))) != NULL)
    gtk_list_box_remove (self->item_list, child);
  g_ptr_array_set_size (self->shown, 0);
  g_ptr_array_set_size (self->rows, 0);

  for (guint i = 0; self->items != NULL && i < self->items->len; i++)
    {
      SilaOutreachItem *item = g_ptr_array_index (self->items, i);
      GtkWidget *row;

      if (!keep (self, item))
        continue;
      row = new_row (self, item, self->shown->len);
      g_ptr_array_add (self->shown, item);
      g_ptr_array_add (self->rows, row);
      gtk_list_box_append (self->item_list, row);
    }

  if (self->items == NULL)
    return;
  count = sila_format_int (self->shown->len);
  if (self->shown->len == 0)
    text = g_strdup (_("Nobody to contact today with these filters."));
  else
    text = g_strdup_printf (ngettext ("%s person to contact today", "%s people to contact today",
                                      self->shown->len), count);
  gtk_label_set_label (self->count_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->item_list), self->shown->len > 0);
}

static void
reload (SilaOutreachPage *self)
{
  g_autoptr(GError) error = NULL;

  self->stale = FALSE;

  g_clear_pointer (&self->items, g_ptr_array_unref);
  self->items = sila_store_list_outreach (sila_session_get_store (self->session),
                                          sila_session_get_actor (self->session), NULL, &error);
  if (self->items == NULL)
    {
      gtk_label_set_label (self->count_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->item_list), FALSE);
    }
  show_items (self);
}

static void
session_changed_cb (SilaOutreachPage *self,
                    const char       *what,
                    SilaSession      *session)
{
  if (what == NULL || g_str_equal (what, "contacts") || g_str_equal (what, "requests") ||
      g_str_equal (what, "beneficiaries") || g_str_equal (what, "surveys"))
    {
      /* The list reads every open request: not for a page no one sees. */
      if (gtk_widget_get_mapped (GTK_WIDGET (self)))
        reload (self);
      else
        self->stale = TRUE;
    }
}

static void
sila_outreach_page_map (GtkWidget *widget)
{
  SilaOutreachPage *self = SILA_OUTREACH_PAGE (widget);

  GTK_WIDGET_CLASS (sila_outreach_page_parent_class)->map (widget);
  if (self->stale)
    reload (self);
}

static void
chooser_response_cb (SilaOutreachPage     *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL && !sila_outreach_page_export_csv (self, path, &error))
        show_message (self, error->message);
      else if (path != NULL)
        toast (self, _("The list is saved for the SMS service. It holds personal data: keep it "
                       "safe."));
    }
  g_clear_object (&self->chooser);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SilaOutreachPage *self = SILA_OUTREACH_PAGE (widget);
  g_autofree char *today = sila_clock_today_iso ();
  g_autofree char *name = g_strdup_printf ("outreach-%s.csv", today);

  if (self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Export for an SMS Service"),
                                               GTK_WINDOW (gtk_widget_get_root (widget)),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, NULL, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
sila_outreach_page_constructed (GObject *object)
{
  SilaOutreachPage *self = (SilaOutreachPage *)object;
  g_autoptr(GtkStringList) reasons = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) officers = gtk_string_list_new (NULL);

  G_OBJECT_CLASS (sila_outreach_page_parent_class)->constructed (object);

  gtk_string_list_append (reasons, _("Every reason"));
  for (guint i = 0; i < SILA_N_OUTREACH_REASONS; i++)
    gtk_string_list_append (reasons, sila_outreach_reason_to_display (i));
  gtk_drop_down_set_model (self->reason_drop, G_LIST_MODEL (reasons));
  gtk_string_list_append (officers, _("Mine"));
  gtk_string_list_append (officers, _("Everyone’s"));
  gtk_drop_down_set_model (self->officer_drop, G_LIST_MODEL (officers));
  /* An office without staff accounts has one officer: show everything. */
  gtk_drop_down_set_selected (self->officer_drop,
                              sila_session_get_actor (self->session) == NULL ||
                              sila_actor_is_owner (sila_session_get_actor (self->session)));

  g_signal_connect_swapped (self->reason_drop, "notify::selected", G_CALLBACK (show_items), self);
  g_signal_connect_swapped (self->officer_drop, "notify::selected", G_CALLBACK (show_items),
                            self);
  g_signal_connect_object (self->session, "changed", G_CALLBACK (session_changed_cb), self,
                           G_CONNECT_SWAPPED);
  reload (self);
}

static void
sila_outreach_page_dispose (GObject *object)
{
  SilaOutreachPage *self = (SilaOutreachPage *)object;
  GtkWidget *child;

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  if (self->survey_offer != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->survey_offer), (gpointer *)&self->survey_offer);
  self->survey_offer = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), SILA_TYPE_OUTREACH_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (sila_outreach_page_parent_class)->dispose (object);
}

static void
sila_outreach_page_finalize (GObject *object)
{
  SilaOutreachPage *self = (SilaOutreachPage *)object;

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->shown, g_ptr_array_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (sila_outreach_page_parent_class)->finalize (object);
}

static void
sila_outreach_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SilaOutreachPage *self = SILA_OUTREACH_PAGE (object);

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
sila_outreach_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SilaOutreachPage *self = SILA_OUTREACH_PAGE (object);

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
sila_outreach_page_class_init (SilaOutreachPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sila_outreach_page_constructed;
  object_class->dispose = sila_outreach_page_dispose;
  object_class->finalize = sila_outreach_page_finalize;
  object_class->get_property = sila_outreach_page_get_property;
  object_class->set_property = sila_outreach_page_set_property;
  widget_class->map = sila_outreach_page_map;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, SILA_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/sila-outreach-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SilaOutreachPage, reason_drop);
  gtk_widget_class_bind_template_child (widget_class, SilaOutreachPage, officer_drop);
  gtk_widget_class_bind_template_child (widget_class, SilaOutreachPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, SilaOutreachPage, message_label);
  gtk_widget_class_bind_template_child (widget_class, SilaOutreachPage, item_list);
  gtk_widget_class_install_action (widget_class, "outreach.export", NULL, export_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
sila_outreach_page_init (SilaOutreachPage *self)
{
  self->shown = g_ptr_array_new ();
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

guint
sila_outreach_page_count (SilaOutreachPage *self)
{
  g_return_val_if_fail (SILA_IS_OUTREACH_PAGE (self), 0);

  return self->shown->len;
}

const SilaOutreachItem *
sila_outreach_page_get_item (SilaOutreachPage *self,
                             guint             index)
{
  g_return_val_if_fail (SILA_IS_OUTREACH_PAGE (self), NULL);

  return item_at (self, index);
}

GtkWidget *
sila_outreach_page_get_row (SilaOutreachPage *self,
                            guint             index)
{
  g_return_val_if_fail (SILA_IS_OUTREACH_PAGE (self), NULL);

  return index < self->rows->len ? g_ptr_array_index (self->rows, index) : NULL;
}

GtkWidget *
sila_outreach_page_get_button (SilaOutreachPage   *self,
                               guint               index,
                               SilaContactOutcome  outcome)
{
  GtkWidget *row = sila_outreach_page_get_row (self, index);
  const char *name = sila_contact_outcome_to_code (outcome);
  GtkWidget *found = NULL;
  GPtrArray *stack = NULL;

  if (row == NULL)
    return NULL;

  /* The row's action buttons are deep in its header: search the tree. */
  stack = g_ptr_array_new ();
  g_ptr_array_add (stack, row);
  while (stack->len > 0 && found == NULL)
    {
      GtkWidget *widget = g_ptr_array_steal_index (stack, stack->len - 1);

      if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
        found = widget;
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        g_ptr_array_add (stack, child);
    }
  g_ptr_array_unref (stack);
  return found;
}

void
sila_outreach_page_set_filter (SilaOutreachPage *self,
                               int               reason,
                               gboolean          mine)
{
  g_return_if_fail (SILA_IS_OUTREACH_PAGE (self));

  gtk_drop_down_set_selected (self->officer_drop, mine ? 0 : 1);
  gtk_drop_down_set_selected (self->reason_drop, reason < 0 ? 0 : (guint)reason + 1);
  show_items (self);
}

gboolean
sila_outreach_page_dismiss (SilaOutreachPage  *self,
                            guint              index,
                            const char        *why,
                            GError           **error)
{
  const SilaOutreachItem *item;
  g_autofree char *done = NULL;

  g_return_val_if_fail (SILA_IS_OUTREACH_PAGE (self), FALSE);

  item = item_at (self, index);
  g_return_val_if_fail (item != NULL, FALSE);
  if (!sila_store_dismiss_outreach (sila_session_get_store (self->session),
                                    sila_session_get_actor (self->session), item->file_number,
                                    item->reason, item->request_number, why, error))
    return FALSE;

  done = g_strdup_printf (_("%s is off today’s list."), item->name);
  show_message (self, NULL);
  sila_session_notify_changed (self->session, "contacts");
  toast (self, done);
  return TRUE;
}

gboolean
sila_outreach_page_export_csv (SilaOutreachPage  *self,
                               const char        *path,
                               GError           **error)
{
  g_autofree char *csv = NULL;

  g_return_val_if_fail (SILA_IS_OUTREACH_PAGE (self), FALSE);

  csv = sila_outreach_to_csv (self->shown);
  return g_file_set_contents_full (path, csv, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

GtkWidget *
sila_outreach_page_get_survey_offer (SilaOutreachPage *self)
{
  g_return_val_if_fail (SILA_IS_OUTREACH_PAGE (self), NULL);

  return self->survey_offer;
}

const char *
sila_outreach_page_get_message (SilaOutreachPage *self)
{
  g_return_val_if_fail (SILA_IS_OUTREACH_PAGE (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->message_label))
         ? gtk_label_get_label (self->message_label) : "";
}
