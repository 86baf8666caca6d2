/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the request screen does: take a step, record a document and its
 * expiry date, attach and open scans, record the declaration, print the
 * form. What is typed is only read here; the core decides, field by field,
 * so that each of its messages stands beside its field (and the command
 * line says the same); the store then has the last word (policy, role,
 * another desk). */
#define G_LOG_DOMAIN "sila-ui"

#include "sila-config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "sila-date.h"
#include "sila-display.h"
#include "sila-field-error.h"
#include "sila-money.h"
#include "sila-print.h"
#include "sila-request-form.h"
#include "sila-request-input.h"
#include "sila-request-view-private.h"
#include "sila-request-workflow.h"
#include "sila-signature-pad.h"
#include "sila-validation.h"
#include "sila-window.h"

static const char *
text_of (gpointer editable)
{
  return gtk_editable_get_text (GTK_EDITABLE (editable));
}

static gboolean
is_blank (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));

  return *copy == '\0';
}

/* An optional date field: empty is none (NULL); a date that cannot be
 * read is shown beside the field. Whether the date fits the step is the
 * core's to say. */
static gboolean
read_date (gpointer   row,
           GtkLabel  *label,
           GDate     *date,
           gboolean  *given)
{
  g_autoptr(GError) error = NULL;

  *given = !is_blank (text_of (row));
  if (!*given)
    return TRUE;
  if (!sila_date_parse_guess (text_of (row), date, NULL, &error))
    {
      sila_field_error_show (GTK_WIDGET (row), label, error);
      *given = FALSE;
      return FALSE;
    }
  return TRUE;
}

void
sila_request_view_changed (SilaRequestView *self,
                           const char      *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  sila_request_view_reload (self);
  sila_session_notify_changed (self->session, "requests");
  if (message != NULL && SILA_IS_WINDOW (root))
    sila_window_add_toast (SILA_WINDOW (root), adw_toast_new (message));
}

/* Marks the rows of the documents a refusal names. */
static void
mark_documents (SilaRequestView *self,
                const GError    *error)
{
  for (guint i = 0; i < self->request->documents->len; i++)
    {
      const SilaRequestDocument *d = g_ptr_array_index (self->request->documents, i);
      g_autofree char *problem = sila_request_document_problem (d);
      GtkWidget *row = g_hash_table_lookup (self->document_rows, d->type);

      if (problem != NULL && row != NULL &&
          strstr (error->message, sila_request_document_get_display (d)) != NULL)
        gtk_widget_add_css_class (row, "error");
    }
}

/* Where a refusal of the store goes: beside what it is about. */
static void
show_refusal (SilaRequestView   *self,
              SilaRequestStatus  to,
              const GError      *error)
{
  if (to == SILA_REQUEST_WITHDRAWN)
    sila_field_error_show (GTK_WIDGET (self->withdraw_reason_row), self->withdraw_error, error);
  else
    sila_field_error_show (GTK_WIDGET (self->step_buttons), self->step_error, error);

  /* The committee gate names documents: mark their rows. */
  mark_documents (self, error);
}

/* Each refusal of the core beside its own field. */
static void
show_step_errors (SilaRequestView   *self,
                  SilaRequestStatus  to,
                  SilaFieldErrors   *errors)
{
  const struct { const char *field; gpointer widget; GtkLabel *label; } places[] = {
    { SILA_STEP_FIELD_REASON,
      to == SILA_REQUEST_WITHDRAWN ? (gpointer)self->withdraw_reason_row : self->reason_row,
      to == SILA_REQUEST_WITHDRAWN ? self->withdraw_error : self->reason_error },
    { SILA_STEP_FIELD_FINDINGS, self->findings_view, self->findings_error },
    { SILA_STEP_FIELD_RECOMMENDATION, self->recommendation_row, self->recommendation_error },
    { SILA_STEP_FIELD_VISIT_DATE, self->visit_row, self->visit_error },
    { SILA_STEP_FIELD_DECIDED_ON, self->decided_row, self->decided_error },
    { SILA_STEP_FIELD_AMOUNT, self->amount_row, self->amount_error },
    { SILA_STEP_FIELD_DELIVERED_ON, self->delivered_row, self->delivered_error },
  };
  const char * const *fields = sila_field_errors_get_fields (errors);

  for (guint i = 0; fields[i] != NULL; i++)
    {
      const GError *error = sila_field_errors_get (errors, fields[i]);
      gboolean placed = FALSE;

      for (guint j = 0; j < G_N_ELEMENTS (places) && !placed; j++)
        if (g_str_equal (fields[i], places[j].field))
          {
            /* A value that could not even be read says so already. */
            if (!gtk_widget_get_visible (GTK_WIDGET (places[j].label)))
              sila_field_error_show (GTK_WIDGET (places[j].widget), places[j].label, error);
            placed = TRUE;
          }
      /* The step itself, the kind of service, the checklist: under the
       * step's buttons. */
      if (!placed)
        show_refusal (self, to, error);
    }
}

static void take_step (SilaRequestView   *self,
                       SilaRequestStatus  to,
                       gboolean           confirmed);

static void
confirm_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     SilaRequestView  *self)
{
  SilaRequestStatus to = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "to"));

  g_object_remove_weak_pointer (G_OBJECT (dialog), (gpointer *)&self->confirm_dialog);
  self->confirm_dialog = NULL;
  if (g_str_equal (response, "confirm"))
    take_step (self, to, TRUE);
}

/* Asks before a step that cannot be taken back, saying what follows. */
static void
ask_before (SilaRequestView   *self,
            SilaRequestStatus  to)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  const char *number = self->request->number;
  g_autofree char *body = NULL;
  const char *heading, *confirm;
  AdwMessageDialog *dialog;

  switch (to)
    {
    case SILA_REQUEST_ACCEPTED:
      heading = _("Record the Committee’s Acceptance?");
      body = g_strdup_printf (_("Request %s will be recorded as accepted. A committee’s "
                                "decision cannot be changed or taken back afterwards."), number);
      confirm = _("_Record Acceptance");
      break;
    case SILA_REQUEST_REJECTED:
      heading = _("Record the Committee’s Rejection?");
      body = g_strdup_printf (_("Request %s will be recorded as rejected, with the reason given. "
                                "A committee’s decision cannot be changed or taken back "
                                "afterwards; the person would have to open a new request."),
                              number);
      confirm = _("_Record Rejection");
      break;
    case SILA_REQUEST_WITHDRAWN:
    default:
      heading = _("Withdraw the Request?");
      body = g_strdup_printf (_("Request %s will be closed as withdrawn and cannot be reopened; "
                                "a new request would have to be opened instead."), number);
      confirm = _("_Withdraw Request");
      break;
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root)
                                                                            : NULL,
                                                       heading, body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "confirm", confirm, NULL);
  adw_message_dialog_set_response_appearance (dialog, "confirm", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "to", GINT_TO_POINTER (to));
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_response_cb), self, 0);
  self->confirm_dialog = GTK_WIDGET (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&self->confirm_dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SilaRequestView *self = SILA_REQUEST_VIEW (widget);
  SilaRequestStatus to;

  if (self->request == NULL ||
      !sila_request_status_parse (g_variant_get_string (parameter, NULL), &to, NULL))
    return;
  take_step (self, to, FALSE);
}

/* Reads what was typed for the step to @to, lets the core check it and
 * the store take it; a step that cannot be taken back is asked about
 * first (@confirmed once the person has said yes). */
static void
take_step (SilaRequestView   *self,
           SilaRequestStatus  to,
           gboolean           confirmed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaFieldErrors) errors = NULL;
  g_autofree char *findings = NULL;
  g_autofree char *message = NULL;
  SilaStepInput input = { 0 };
  GDate visit, decided, delivered;
  gboolean given, ok = TRUE;
  const SilaRequestStep *step;

  if (self->request == NULL)
    return;

  sila_request_view_clear_errors (self);
  if (!is_blank (text_of (self->note_row)))
    input.note = text_of (self->note_row);

  /* What was typed for the step, read as it is: whether it is enough is
   * the core's decision, below. */
  switch (to)
    {
    case SILA_REQUEST_IN_RESEARCH:
      {
        guint selected = adw_combo_row_get_selected (self->researcher_row);

        if (selected != GTK_INVALID_LIST_POSITION && selected < self->researchers->len)
          input.researcher = g_ptr_array_index (self->researchers, selected);
      }
      break;

    case SILA_REQUEST_RESEARCH_DONE:
      {
        GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->findings_view);
        GtkTextIter start, end;

        gtk_text_buffer_get_bounds (buffer, &start, &end);
        findings = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
        ok &= read_date (self->visit_row, self->visit_error, &visit, &given);
        input.visit_date = given ? &visit : NULL;
        input.findings = findings;
        input.recommendation = text_of (self->recommendation_row);
      }
      break;

    case SILA_REQUEST_ACCEPTED:
    case SILA_REQUEST_REJECTED:
      ok &= read_date (self->decided_row, self->decided_error, &decided, &given);
      input.decided_on = given ? &decided : NULL;
      if (!is_blank (text_of (self->members_row)))
        input.members = text_of (self->members_row);
      input.reason = text_of (self->reason_row);
      break;

    case SILA_REQUEST_DELIVERED:
      {
        guint kind = adw_combo_row_get_selected (self->kind_row);

        if (kind != GTK_INVALID_LIST_POSITION &&
            kind < g_strv_length ((char **)sila_delivery_kind_codes ()))
          input.delivery_kind = sila_delivery_kind_codes ()[kind];
        if (!is_blank (text_of (self->amount_row)))
          {
            if (!sila_money_parse (text_of (self->amount_row), 0, &input.amount_halalas, &error))
              {
                sila_field_error_show (GTK_WIDGET (self->amount_row), self->amount_error, error);
                g_clear_error (&error);
                ok = FALSE;
              }
            else
              input.has_amount = TRUE;
          }
        ok &= read_date (self->delivered_row, self->delivered_error, &delivered, &given);
        input.delivered_on = given ? &delivered : NULL;
      }
      break;

    case SILA_REQUEST_WITHDRAWN:
      input.reason = text_of (self->withdraw_reason_row);
      break;

    default:
      break;
    }

  /* The core decides, field by field — for the other fields too when one
   * could not be read; the store decides again, with the role and what
   * another desk may have done meanwhile. */
  errors = sila_field_errors_new ();
  if (!sila_request_check_step_fields (self->request, to, &input, errors))
    {
      show_step_errors (self, to, errors);
      return;
    }
  if (!ok)
    return;
  /* Asked only once what was typed is known to be enough: the question is
   * about the step, not about a form still to be corrected. */
  step = sila_request_step_find (self->request->status, to);
  if (!confirmed && sila_request_step_is_irreversible (to) && step != NULL &&
      sila_session_can (self->session, step->permission))
    {
      ask_before (self, to);
      return;
    }

  if (!sila_store_move_request (sila_session_get_store (self->session),
                                sila_session_get_actor (self->session), self->request->id,
                                self->request->rev, to, &input, &error))
    {
      show_refusal (self, to, error);
      return;
    }

  /* The step is taken: what was typed for it is done with. */
  gtk_editable_set_text (GTK_EDITABLE (self->note_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->withdraw_reason_row), "");
  message = g_strdup_printf (_("The request is now “%s”."), sila_request_status_to_display (to));
  sila_request_view_changed (self, message);
}

static void
withdraw_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  gtk_widget_activate_action (widget, "request.move", "s", "withdrawn");
}

GtkWidget *
sila_request_view_get_confirm_dialog (SilaRequestView *self)
{
  g_return_val_if_fail (SILA_IS_REQUEST_VIEW (self), NULL);

  return self->confirm_dialog;
}

gboolean
sila_request_view_attach_file (SilaRequestView *self,
                               const char      *document_type,
                               GFile           *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) content = NULL;
  g_autofree char *name = NULL;
  GtkWidget *row;

  g_return_val_if_fail (SILA_IS_REQUEST_VIEW (self), FALSE);

  sila_request_view_clear_errors (self);
  row = g_hash_table_lookup (self->document_rows, document_type);

  /* A huge file is refused before it is read. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL,
                            &error);
  if (info != NULL && g_file_info_get_size (info) > SILA_ATTACHMENT_MAX_BYTES)
    {
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The file is too large: at most %d MB."),
                   SILA_ATTACHMENT_MAX_BYTES / (1024 * 1024));
      sila_display_error_digits (&error);
    }
  else if (info != NULL)
    content = g_file_load_bytes (file, NULL, NULL, &error);

  name = g_file_get_basename (file);
  if (content == NULL ||
      !sila_store_attach_request_document (sila_session_get_store (self->session),
                                           sila_session_get_actor (self->session),
                                           self->request->id, document_type, name, content,
                                           &error))
    {
      if (row != NULL)
        sila_field_error_show (row, self->checklist_error, error);
      else
        sila_field_error_show (GTK_WIDGET (self->checklist_group), self->checklist_error, error);
      return FALSE;
    }

  sila_request_view_changed (self, _("The scan was attached."));
  return TRUE;
}

static void
chooser_response_cb (SilaRequestView      *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        sila_request_view_attach_file (self, self->choosing, file);
    }

  g_clear_object (&self->chooser);
}

static void
attach_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SilaRequestView *self = SILA_REQUEST_VIEW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->chooser != NULL || self->request == NULL)
    return;

  g_free (self->choosing);
  self->choosing = g_variant_dup_string (parameter, NULL);
  self->chooser = gtk_file_chooser_native_new (_("Attach a Scan"),
                                               GTK_WINDOW (gtk_widget_get_root (widget)),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, NULL, NULL);
  gtk_file_filter_set_name (filter, _("Scans (PDF, JPEG, PNG)"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* A private place for files the system's viewer opens. */
static char *
cache_path (const char  *name,
            GError     **error)
{
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "sila", "requests", NULL);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot create the folder “%s”."),
                   dir);
      return NULL;
    }
  return g_build_filename (dir, name, NULL);
}

static void
open_scan_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SilaRequestView *self = SILA_REQUEST_VIEW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) content = NULL;
  g_autofree char *mime = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;
  const char *type = g_variant_get_string (parameter, NULL);
  const char *extension;

  content = sila_store_get_request_document_file (sila_session_get_store (self->session),
                                                  sila_session_get_actor (self->session),
                                                  self->request->id, type, NULL, &mime, &error);
  extension = g_strcmp0 (mime, "application/pdf") == 0 ? "pdf"
              : g_strcmp0 (mime, "image/png") == 0 ? "png" : "jpg";
  name = g_strdup_printf ("%s-%s.%s", self->request->number, type, extension);
  if (content != NULL)
    path = cache_path (name, &error);
  if (path == NULL ||
      !g_file_set_contents_full (path, g_bytes_get_data (content, NULL),
                                 (gssize)g_bytes_get_size (content),
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    {
      sila_field_error_show (g_hash_table_lookup (self->document_rows, type),
                             self->checklist_error, error);
      return;
    }

  uri = g_filename_to_uri (path, NULL, NULL);
  gtk_show_uri (GTK_WINDOW (gtk_widget_get_root (widget)), uri, GDK_CURRENT_TIME);
}

static void
sign (SilaRequestView *self,
      SilaDeclaration  declaration,
      const char      *strokes)
{
  g_autoptr(GError) error = NULL;

  if (!sila_store_sign_request (sila_session_get_store (self->session),
                                sila_session_get_actor (self->session), self->request->id,
                                declaration, strokes, &error))
    {
      adw_action_row_set_subtitle (self->declaration_row, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->declaration_row), "error");
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (self->declaration_row), "error");
  sila_request_view_changed (self, _("The declaration is recorded."));
}

static void
sign_paper_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  sign (SILA_REQUEST_VIEW (widget), SILA_DECLARATION_PAPER, NULL);
}

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
sign_screen_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SilaRequestView *self = SILA_REQUEST_VIEW (widget);
  GtkWidget *pad = find_named (GTK_WIDGET (self->declaration_group), "signature-pad");
  g_autofree char *strokes = NULL;

  if (pad == NULL)
    return;
  strokes = sila_signature_pad_get_text (SILA_SIGNATURE_PAD (pad));
  if (strokes == NULL)
    {
      adw_action_row_set_subtitle (self->declaration_row,
                                   _("The signature pad is empty: ask the applicant to sign in "
                                     "the box."));
      gtk_widget_add_css_class (GTK_WIDGET (self->declaration_row), "error");
      return;
    }
  sign (self, SILA_DECLARATION_DRAWN, strokes);
}

char *
sila_request_view_export_form (SilaRequestView  *self,
                               GError          **error)
{
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (SILA_IS_REQUEST_VIEW (self), NULL);

  name = g_strdup_printf ("request-%s.pdf", self->request->number);
  path = cache_path (name, error);
  if (path == NULL ||
      !sila_request_form_write_pdf (sila_session_get_store (self->session),
                                    sila_session_get_actor (self->session), self->request, path,
                                    error))
    return NULL;

  return g_steal_pointer (&path);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SilaRequestView *self = SILA_REQUEST_VIEW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaDocument) document = NULL;

  if (self->request == NULL)
    return;

  document = sila_request_form_new (sila_session_get_store (self->session),
                                    sila_session_get_actor (self->session), self->request,
                                    &error);
  if (document == NULL ||
      !sila_print_document (GTK_WINDOW (gtk_widget_get_root (widget)), document, NULL, &error))
    sila_field_error_show (GTK_WIDGET (self->step_buttons), self->step_error, error);
}

void
sila_request_view_update_actions (SilaRequestView *self)
{
  gboolean open = self->request != NULL && !sila_request_status_is_final (self->request->status);
  gboolean writable = !sila_store_is_read_only (sila_session_get_store (self->session));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "request.move", open && writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "request.withdraw", open && writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "request.document", open && writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "request.attach", open && writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "request.sign-paper", open && writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "request.sign-screen", open && writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "request.print", self->request != NULL);
}

void
sila_request_view_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "request.move", "s", move_action);
  gtk_widget_class_install_action (widget_class, "request.withdraw", NULL, withdraw_action);
  sila_request_view_install_checklist_actions (widget_class);
  gtk_widget_class_install_action (widget_class, "request.attach", "s", attach_action);
  gtk_widget_class_install_action (widget_class, "request.open-scan", "s", open_scan_action);
  gtk_widget_class_install_action (widget_class, "request.sign-paper", NULL, sign_paper_action);
  gtk_widget_class_install_action (widget_class, "request.sign-screen", NULL, sign_screen_action);
  gtk_widget_class_install_action (widget_class, "request.print", NULL, print_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "request.print", NULL);
}
