/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The intake form's work: starting it (new, edit, draft), checks shown
 * beside the fields, the ID number that already has a file, drafts as one
 * types, saving, and the actions. */
#define G_LOG_DOMAIN "sila-ui"

#include "sila-config.h"

#include <glib/gi18n.h>

#include "sila-clock.h"
#include "sila-display.h"
#include "sila-field-error.h"
#include "sila-form.h"
#include "sila-format.h"
#include "sila-income-editor.h"
#include "sila-intake-form-private.h"
#include "sila-member-editor.h"
#include "sila-policy.h"
#include "sila-store-beneficiaries.h"
#include "sila-store-field.h"

#define ID_CHECK_DELAY_MS 350

static SilaStore *
get_store (SilaIntakeForm *self)
{
  return sila_session_get_store (self->session);
}

static const SilaActor *
get_actor (SilaIntakeForm *self)
{
  return sila_session_get_actor (self->session);
}

static void
show_problem (SilaIntakeForm *self,
              const char     *message)
{
  gtk_label_set_label (self->problem_label, message != NULL ? message : "");
  gtk_revealer_set_reveal_child (self->problem_revealer, message != NULL);
}

static void
reset_state (SilaIntakeForm *self)
{
  g_clear_handle_id (&self->draft_timeout_id, g_source_remove);
  g_clear_handle_id (&self->id_check_timeout_id, g_source_remove);
  g_clear_pointer (&self->draft_id, g_free);
  g_clear_pointer (&self->duplicate_id, g_free);
  g_clear_pointer (&self->editing, sila_beneficiary_free);
  self->dirty = FALSE;
  gtk_label_set_label (self->draft_label, "");
  show_problem (self, NULL);
}

static void
set_title (SilaIntakeForm *self)
{
  g_autofree char *title = NULL;

  if (self->editing != NULL)
    {
      g_autofree char *name = sila_beneficiary_get_full_name (self->editing);
      g_autofree char *shown = sila_display_file_number (self->editing->file_number);

      title = g_strdup_printf (_("Editing file %s — %s"), shown, name);
    }
  else
    title = g_strdup (_("New beneficiary file"));
  gtk_label_set_label (self->title_label, title);
}

void
sila_intake_form_update_consent_info (SilaIntakeForm *self)
{
  g_autofree char *setting = sila_store_get_setting (get_store (self),
                                                     SILA_SETTING_CONSENT_REQUIRED, "1");
  g_autofree char *text = NULL;

  if (self->editing != NULL && g_strcmp0 (self->editing->consent, "given") == 0)
    {
      GDate date;
      g_autofree char *day = NULL;

      if (sila_date_parse (self->editing->consent_at, SILA_CALENDAR_GREGORIAN, &date, NULL))
        day = sila_date_format (&date, SILA_CALENDAR_HIJRI);
      text = g_strdup_printf (_("Recorded on %s by %s."), day != NULL ? day : "—",
                              g_strcmp0 (self->editing->consent_by, "owner") == 0
                              ? _("the owner of this database") : self->editing->consent_by);
    }
  else if (self->editing != NULL)
    text = g_strdup (_("Pending — to be confirmed at the next contact. Tick the box once the "
                       "beneficiary agrees."));
  else if (sila_policy_is_true (setting))
    text = g_strdup (_("Required: the file cannot be saved without it."));
  else
    text = g_strdup (_("This office does not require it before saving; until it is recorded "
                       "the file shows it as pending."));

  gtk_label_set_label (self->consent_info, text);
  gtk_widget_set_visible (GTK_WIDGET (self->consent_info), TRUE);
}

/* Starting */

static SilaBeneficiaryInput *
new_input (void)
{
  SilaBeneficiaryInput *input = sila_beneficiary_input_new ();

  sila_beneficiary_input_set (input, SILA_BF_ID_TYPE, "national_id");
  sila_beneficiary_input_set (input, SILA_BF_BIRTH_CALENDAR, "hijri");
  sila_beneficiary_input_set (input, SILA_BF_STATUS, "active");
  return input;
}

static void
show_status_field (SilaIntakeForm *self,
                   gboolean        visible)
{
  GtkWidget *field = self->fields[SILA_BF_STATUS];
  GtkWidget *parent = gtk_widget_get_parent (field);
  int column, row, width, height;

  gtk_widget_set_visible (field, visible);
  gtk_grid_query_child (GTK_GRID (parent), field, &column, &row, &width, &height);
  if (gtk_grid_get_child_at (GTK_GRID (parent), 0, row) != NULL)
    gtk_widget_set_visible (gtk_grid_get_child_at (GTK_GRID (parent), 0, row), visible);
}

void
sila_intake_form_start_new (SilaIntakeForm *self)
{
  g_autoptr(SilaBeneficiaryInput) input = new_input ();

  g_return_if_fail (SILA_IS_INTAKE_FORM (self));

  reset_state (self);
  sila_intake_form_fill (self, input);
  show_status_field (self, FALSE);
  set_title (self);
  gtk_widget_grab_focus (self->fields[SILA_BF_ID_NUMBER]);
}

gboolean
sila_intake_form_start_edit (SilaIntakeForm  *self,
                             const char      *file_id,
                             GError         **error)
{
  g_autoptr(SilaBeneficiary) file = NULL;
  g_autoptr(SilaBeneficiaryInput) input = NULL;

  g_return_val_if_fail (SILA_IS_INTAKE_FORM (self), FALSE);

  file = sila_store_get_beneficiary (get_store (self), get_actor (self), file_id, error);
  if (file == NULL)
    return FALSE;

  reset_state (self);
  input = sila_beneficiary_input_new_from (file);
  self->editing = g_steal_pointer (&file);
  sila_intake_form_fill (self, input);
  show_status_field (self, TRUE);
  set_title (self);
  gtk_widget_grab_focus (self->fields[SILA_BF_FIRST_NAME]);
  return TRUE;
}

gboolean
sila_intake_form_start_draft (SilaIntakeForm   *self,
                              const SilaDraft  *draft,
                              GError          **error)
{
  g_autoptr(SilaBeneficiaryInput) input = NULL;

  g_return_val_if_fail (SILA_IS_INTAKE_FORM (self), FALSE);
  g_return_val_if_fail (draft != NULL, FALSE);

  input = sila_beneficiary_input_from_json (draft->content);
  if (input == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("This draft cannot be read; it may come from a newer version of "
                             "Sila Desk."));
      return FALSE;
    }

  reset_state (self);
  /* A draft of an edit continues that file (as it is now: what was typed
   * in the draft is the officer's latest word). */
  if (draft->entity_id != NULL)
    self->editing = sila_store_get_beneficiary (get_store (self), get_actor (self),
                                                draft->entity_id, NULL);
  self->draft_id = g_strdup (draft->id);
  sila_intake_form_fill (self, input);
  show_status_field (self, self->editing != NULL);
  set_title (self);
  gtk_label_set_label (self->draft_label, _("Resumed from a draft"));
  sila_intake_form_schedule_id_check (self);
  return TRUE;
}

/* Errors beside the fields */

static void
clear_errors (SilaIntakeForm *self)
{
  for (guint i = 0; i < SILA_N_BF_FIELDS; i++)
    if (self->fields[i] != NULL && self->errors[i] != NULL)
      sila_field_error_clear (self->fields[i], self->errors[i]);
  for (GtkWidget *child = gtk_widget_get_first_child (self->members_box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    sila_member_editor_clear_errors (SILA_MEMBER_EDITOR (child));
  for (GtkWidget *child = gtk_widget_get_first_child (self->incomes_box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    sila_income_editor_clear_errors (SILA_INCOME_EDITOR (child));
}

/* Shows @error beside the field of @key; returns that field. */
static GtkWidget *
show_error (SilaIntakeForm *self,
            const char     *key,
            const GError   *error)
{
  SilaBeneficiaryField field;
  const char *subkey = NULL;
  GtkWidget *row;

  if (g_strcmp0 (key, "birth_calendar") == 0)
    key = "birth_date";

  if (sila_beneficiary_field_from_key (key, &field) && self->fields[field] != NULL)
    {
      sila_field_error_show (self->fields[field], self->errors[field], error);
      return self->fields[field];
    }

  row = sila_intake_form_find_row (self, key, &subkey);
  if (SILA_IS_MEMBER_EDITOR (row) &&
      sila_member_editor_show_error (SILA_MEMBER_EDITOR (row), subkey, error))
    return sila_member_editor_get_field (SILA_MEMBER_EDITOR (row), subkey);
  if (SILA_IS_INCOME_EDITOR (row) &&
      sila_income_editor_show_error (SILA_INCOME_EDITOR (row), subkey, error))
    return sila_income_editor_get_field (SILA_INCOME_EDITOR (row), subkey);

  show_problem (self, error->message);
  return NULL;
}

static void
show_errors (SilaIntakeForm  *self,
             SilaFieldErrors *errors)
{
  const char * const *keys = sila_field_errors_get_fields (errors);
  GtkWidget *first = NULL;

  clear_errors (self);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      GtkWidget *field = show_error (self, keys[i], sila_field_errors_get (errors, keys[i]));

      if (first == NULL)
        first = field;
    }

  /* The first problem gets the keyboard (and scrolls into view). */
  if (first != NULL)
    gtk_widget_grab_focus (first);
}

void
sila_intake_form_check_field (SilaIntakeForm *self,
                              const char     *key)
{
  g_autoptr(SilaBeneficiaryInput) input = NULL;
  g_autoptr(SilaFieldErrors) errors = sila_field_errors_new ();
  g_autoptr(SilaBeneficiary) file = NULL;
  SilaBeneficiaryField field;
  const GError *error;

  if (self->loading || !sila_beneficiary_field_from_key (key, &field))
    return;

  input = sila_intake_form_get_input (self);
  /* An untouched field is not an error yet: only what was typed is. */
  if (input->fields[field] == NULL)
    {
      sila_field_error_clear (self->fields[field], self->errors[field]);
      return;
    }

  file = sila_beneficiary_input_parse (input, self->segments, 0, errors);
  error = sila_field_errors_get (errors, key);
  if (error != NULL)
    sila_field_error_show (self->fields[field], self->errors[field], error);
  else
    sila_field_error_clear (self->fields[field], self->errors[field]);
}

/* The ID number that already has a file */

/* On a field kit with a lookup list: what to say of the office's file
 * that has @id_number (it is not on this laptop), or NULL. */
static char *
office_file_message (SilaIntakeForm *self,
                     const char     *id_number)
{
  g_autofree char *name = NULL;
  g_autofree char *shown = NULL;
  gint64 number = 0;

  if (!sila_store_field_find_office_file (get_store (self), get_actor (self), id_number,
                                          &number, &name, NULL) ||
      number == 0)
    return NULL;
  shown = sila_display_file_number (number);
  /* Translators: the first %s is the office's file number, the second the
   * name on it. */
  return g_strdup_printf (_("This ID number has a file at the office: number %s, %s. That "
                            "file is not on this laptop. Save a new file here only to serve "
                            "the person today: the office links the two as a possible "
                            "duplicate when it merges this laptop’s work."),
                          shown, name);
}

static gboolean
id_check_cb (gpointer user_data)
{
  SilaIntakeForm *self = user_data;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->fields[SILA_BF_ID_NUMBER]));
  g_autoptr(SilaBeneficiary) found = NULL;
  g_autofree char *number = NULL;
  g_autofree char *office = NULL;
  SilaIdType type;

  self->id_check_timeout_id = 0;
  g_clear_pointer (&self->duplicate_id, g_free);

  if (sila_id_type_from_code (sila_form_choice_get_code (self->fields[SILA_BF_ID_TYPE]), &type))
    number = sila_national_id_normalize (text, type, NULL);

  if (number != NULL &&
      sila_store_find_beneficiary_by_id_number (get_store (self), get_actor (self), number,
                                                &found, NULL) &&
      found != NULL && (self->editing == NULL || g_strcmp0 (found->id, self->editing->id) != 0))
    {
      g_autofree char *name = sila_beneficiary_get_full_name (found);
      g_autofree char *shown = sila_display_file_number (found->file_number);
      g_autofree char *message = g_strdup_printf (_("This ID number already has a file: "
                                                    "number %s, %s."), shown, name);

      self->duplicate_id = g_strdup (found->id);
      gtk_label_set_label (self->duplicate_label, message);
      gtk_widget_set_visible (self->duplicate_open, TRUE);
      gtk_revealer_set_reveal_child (self->duplicate_revealer, TRUE);
    }
  else if (number != NULL && (office = office_file_message (self, number)) != NULL)
    {
      /* A kit's lookup list: the office's file, which cannot be opened here. */
      gtk_label_set_label (self->duplicate_label, office);
      gtk_widget_set_visible (self->duplicate_open, FALSE);
      gtk_revealer_set_reveal_child (self->duplicate_revealer, TRUE);
    }
  else
    gtk_revealer_set_reveal_child (self->duplicate_revealer, FALSE);

  return G_SOURCE_REMOVE;
}

const char *
sila_intake_form_get_duplicate (SilaIntakeForm *self,
                                gboolean       *can_open)
{
  g_return_val_if_fail (SILA_IS_INTAKE_FORM (self), NULL);

  if (can_open != NULL)
    *can_open = gtk_widget_get_visible (self->duplicate_open);
  if (!gtk_revealer_get_reveal_child (self->duplicate_revealer))
    return NULL;
  return gtk_label_get_label (self->duplicate_label);
}

void
sila_intake_form_schedule_id_check (SilaIntakeForm *self)
{
  g_clear_handle_id (&self->id_check_timeout_id, g_source_remove);
  self->id_check_timeout_id = g_timeout_add (ID_CHECK_DELAY_MS, id_check_cb, self);
}

/* Drafts */

static char *
draft_summary (const SilaBeneficiaryInput *input)
{
  const char *parts[] = {
    input->fields[SILA_BF_FIRST_NAME], input->fields[SILA_BF_FATHER_NAME],
    input->fields[SILA_BF_FAMILY_NAME], NULL,
  };
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; parts[i] != NULL || i < 3; i++)
    {
      if (parts[i] == NULL)
        continue;
      if (s->len > 0)
        g_string_append_c (s, ' ');
      g_string_append (s, parts[i]);
    }
  if (s->len == 0 && input->fields[SILA_BF_ID_NUMBER] != NULL)
    g_string_append (s, input->fields[SILA_BF_ID_NUMBER]);
  return s->len > 0 ? g_utf8_make_valid (s->str, MIN (s->len, 120)) : NULL;
}

void
sila_intake_form_flush_draft (SilaIntakeForm *self)
{
  g_autoptr(SilaBeneficiaryInput) input = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *content = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *time = NULL;
  g_autofree char *label = NULL;
  SilaStore *store = get_store (self);

  g_return_if_fail (SILA_IS_INTAKE_FORM (self));

  g_clear_handle_id (&self->draft_timeout_id, g_source_remove);
  if (!self->dirty)
    return;
  self->dirty = FALSE;

  if (sila_store_is_read_only (store))
    {
      gtk_label_set_label (self->draft_label, _("Read-only database: no draft is kept"));
      return;
    }

  input = sila_intake_form_get_input (self);
  if (sila_beneficiary_input_is_empty (input) && self->editing == NULL)
    {
      /* Everything was erased: so is the draft. */
      if (self->draft_id != NULL)
        sila_store_delete_draft (store, get_actor (self), self->draft_id, NULL);
      g_clear_pointer (&self->draft_id, g_free);
      gtk_label_set_label (self->draft_label, "");
      return;
    }

  content = sila_beneficiary_input_to_json (input);
  summary = draft_summary (input);
  if (!sila_store_save_draft (store, get_actor (self), SILA_DRAFT_KIND_BENEFICIARY,
                              self->editing != NULL ? self->editing->id : NULL, summary, content,
                              &self->draft_id, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The draft was not kept: %s"),
                                                  error->message);

      /* What is typed stays in the form; the next change tries again. */
      self->dirty = TRUE;
      gtk_label_set_label (self->draft_label, message);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->draft_label), message);
      return;
    }

  now = sila_clock_now ();
  {
    g_autoptr(GDateTime) local = g_date_time_to_local (now);
    g_autofree char *hhmm = g_date_time_format (local, "%H:%M");

    time = sila_format_digits_for (hhmm, sila_i18n_get_language ());
  }
  label = g_strdup_printf (_("Draft kept at %s"), time);
  gtk_label_set_label (self->draft_label, label);
}

static gboolean
draft_timeout_cb (gpointer user_data)
{
  SilaIntakeForm *self = user_data;

  self->draft_timeout_id = 0;
  sila_intake_form_flush_draft (self);
  return G_SOURCE_REMOVE;
}

void
sila_intake_form_schedule_draft (SilaIntakeForm *self)
{
  self->dirty = TRUE;
  g_clear_handle_id (&self->draft_timeout_id, g_source_remove);
  self->draft_timeout_id = g_timeout_add (SILA_INTAKE_DRAFT_DELAY_MS, draft_timeout_cb, self);
}

const char *
sila_intake_form_get_draft_id (SilaIntakeForm *self)
{
  g_return_val_if_fail (SILA_IS_INTAKE_FORM (self), NULL);

  return self->draft_id;
}

/* Saving */

static void
similar_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     SilaIntakeForm   *self)
{
  const char *other = g_object_get_data (G_OBJECT (dialog), "sila-other-id");

  if (g_str_equal (response, "save"))
    sila_intake_form_save (self, TRUE);
  else if (g_str_equal (response, "open") && other != NULL)
    {
      sila_intake_form_flush_draft (self);
      g_signal_emit (self, sila_intake_form_signals[SILA_INTAKE_OPEN_FILE], 0, other);
    }
}

static void
ask_about_similar (SilaIntakeForm *self,
                   GPtrArray      *duplicates,
                   const char     *office)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GString) body = g_string_new (office);
  GtkWidget *dialog;

  for (guint i = 0; i < duplicates->len && i < 5; i++)
    {
      g_autofree char *line = sila_duplicate_describe (g_ptr_array_index (duplicates, i));

      if (body->len > 0)
        g_string_append_c (body, '\n');
      g_string_append (body, line);
    }

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   office != NULL ? _("This Person Has a File at the Office")
                                                  : _("This May Be Someone Who Already Has a "
                                                      "File"),
                                   body->str);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Keep Editing"));
  /* The office's file is not here to be opened. */
  if (duplicates->len > 0)
    {
      const SilaDuplicate *first = g_ptr_array_index (duplicates, 0);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "open",
                                       _("_Open That File"));
      g_object_set_data_full (G_OBJECT (dialog), "sila-other-id",
                              g_strdup (sila_beneficiary_row_get_id (first->row)), g_free);
    }
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "save",
                                   _("_Save as a New File"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (similar_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_store_error (SilaIntakeForm   *self,
                  const GError     *error,
                  SilaBeneficiary  *file)
{
  if (g_error_matches (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DUPLICATE))
    {
      show_error (self, "id_number", error);
      sila_intake_form_schedule_id_check (self);
    }
  else if (g_error_matches (error, SILA_STORE_ERROR, SILA_STORE_ERROR_INVALID) &&
           g_strcmp0 (file->consent, "given") != 0)
    gtk_widget_grab_focus (show_error (self, "consent", error));
  else
    show_problem (self, error->message);
}

gboolean
sila_intake_form_save (SilaIntakeForm *self,
                       gboolean        allow_similar)
{
  g_autoptr(SilaBeneficiaryInput) input = NULL;
  g_autoptr(SilaFieldErrors) errors = sila_field_errors_new ();
  g_autoptr(SilaBeneficiary) file = NULL;
  g_autoptr(GPtrArray) duplicates = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *office = NULL;
  SilaStore *store = get_store (self);
  gboolean saved;

  g_return_val_if_fail (SILA_IS_INTAKE_FORM (self), FALSE);

  show_problem (self, NULL);
  /* The draft first, before anything asks the database: on a server it is
   * in this desk's own file, so whatever the server does next (gone,
   * restarting), what was typed is kept. */
  sila_intake_form_flush_draft (self);
  input = sila_intake_form_get_input (self);
  file = sila_beneficiary_input_parse (input, self->segments, 0, errors);
  if (file == NULL)
    {
      show_errors (self, errors);
      return FALSE;
    }
  clear_errors (self);

  if (self->editing != NULL)
    {
      file->id = g_strdup (self->editing->id);
      file->rev = self->editing->rev;
    }

  duplicates = sila_store_find_duplicates (store, get_actor (self), file, &error);
  if (duplicates == NULL)
    {
      show_problem (self, error->message);
      return FALSE;
    }
  for (guint i = 0; i < duplicates->len; i++)
    {
      const SilaDuplicate *d = g_ptr_array_index (duplicates, i);

      if (d->reason == SILA_DUPLICATE_SAME_ID)
        {
          g_autofree char *message = sila_duplicate_describe (d);
          g_autoptr(GError) e = g_error_new_literal (SILA_STORE_ERROR,
                                                     SILA_STORE_ERROR_DUPLICATE, message);

          gtk_widget_grab_focus (show_error (self, "id_number", e));
          sila_intake_form_schedule_id_check (self);
          return FALSE;
        }
    }
  if (self->editing == NULL && file->id_number != NULL)
    office = office_file_message (self, file->id_number);
  if ((duplicates->len > 0 || office != NULL) && !allow_similar)
    {
      ask_about_similar (self, duplicates, office);
      return FALSE;
    }

  /* Nothing typed from here on can be lost: the draft goes with the save
   * (in the same transaction in a file, right after it on a server). A
   * failed save (the server gone) leaves the form as it is, draft and all. */
  sila_intake_form_flush_draft (self);
  if (self->editing != NULL)
    saved = sila_store_update_beneficiary (store, get_actor (self), file, self->draft_id, &error);
  else
    saved = sila_store_create_beneficiary (store, get_actor (self), file, self->draft_id, &error);
  if (!saved)
    {
      show_store_error (self, error, file);
      return FALSE;
    }

  g_clear_handle_id (&self->draft_timeout_id, g_source_remove);
  g_clear_pointer (&self->draft_id, g_free);
  self->dirty = FALSE;
  gtk_label_set_label (self->draft_label, "");

  sila_session_notify_changed (self->session, "beneficiary");
  g_signal_emit (self, sila_intake_form_signals[SILA_INTAKE_SAVED], 0, file->id);
  return TRUE;
}

/* Actions */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  sila_intake_form_save (SILA_INTAKE_FORM (widget), FALSE);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SilaIntakeForm *self = SILA_INTAKE_FORM (widget);

  sila_intake_form_flush_draft (self);
  g_signal_emit (self, sila_intake_form_signals[SILA_INTAKE_CLOSED], 0);
}

static void
add_member_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  sila_intake_form_add_member (SILA_INTAKE_FORM (widget));
}

static void
add_income_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  sila_intake_form_add_income (SILA_INTAKE_FORM (widget));
}

static void
open_duplicate_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SilaIntakeForm *self = SILA_INTAKE_FORM (widget);
  g_autofree char *id = g_strdup (self->duplicate_id);

  if (id == NULL)
    return;
  sila_intake_form_flush_draft (self);
  g_signal_emit (self, sila_intake_form_signals[SILA_INTAKE_OPEN_FILE], 0, id);
}

void
sila_intake_form_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "form.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "form.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "form.add-member", NULL, add_member_action);
  gtk_widget_class_install_action (widget_class, "form.add-income", NULL, add_income_action);
  gtk_widget_class_install_action (widget_class, "form.open-duplicate", NULL,
                                   open_duplicate_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "form.save",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "form.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "form.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "form.add-member", NULL);
}
