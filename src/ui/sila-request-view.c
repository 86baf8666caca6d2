/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-ui"

#include "sila-config.h"

#include <glib/gi18n.h>

#include "sila-audit.h"
#include "sila-clock.h"
#include "sila-contact-row.h"
#include "sila-date.h"
#include "sila-display.h"
#include "sila-field-error.h"
#include "sila-format.h"
#include "sila-money.h"
#include "sila-request-view-private.h"
#include "sila-signature-pad.h"
#include "sila-store-staff.h"

G_DEFINE_FINAL_TYPE (SilaRequestView, sila_request_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

const char *
sila_request_view_person (const char *name,
        const char *username)
{
  return sila_display_person (name, username);
}

GtkWidget *
sila_request_view_add_row (SilaRequestView     *self,
         AdwPreferencesGroup *group,
         const char          *title,
         const char          *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title_markup = g_markup_escape_text (title != NULL ? title : "", -1);
  g_autofree char *subtitle_markup = g_markup_escape_text (subtitle != NULL ? subtitle : "", -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title_markup);
  if (subtitle != NULL && *subtitle != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle_markup);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->extra_rows, row);
  return row;
}

static void
clear_rows (SilaRequestView *self)
{
  for (guint i = 0; i < self->extra_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->extra_rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->extra_rows, 0);
  for (guint i = 0; i < self->signature_widgets->len; i++)
    adw_action_row_remove (self->declaration_row, g_ptr_array_index (self->signature_widgets, i));
  g_ptr_array_set_size (self->signature_widgets, 0);
  g_hash_table_remove_all (self->document_rows);
  g_hash_table_remove_all (self->expiry_entries);
}

void
sila_request_view_clear_errors (SilaRequestView *self)
{
  const struct { gpointer field; GtkLabel *label; } pairs[] = {
    { self->visit_row, self->visit_error },
    { self->findings_view, self->findings_error },
    { self->recommendation_row, self->recommendation_error },
    { self->decided_row, self->decided_error },
    { self->reason_row, self->reason_error },
    { self->amount_row, self->amount_error },
    { self->delivered_row, self->delivered_error },
    { self->step_buttons, self->step_error },
    { self->withdraw_reason_row, self->withdraw_error },
    { self->checklist_group, self->checklist_error },
  };
  GHashTableIter iter;
  gpointer row;

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    sila_field_error_clear (GTK_WIDGET (pairs[i].field), pairs[i].label);

  g_hash_table_iter_init (&iter, self->document_rows);
  while (g_hash_table_iter_next (&iter, NULL, &row))
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  g_hash_table_iter_init (&iter, self->expiry_entries);
  while (g_hash_table_iter_next (&iter, NULL, &row))
    sila_field_error_clear (GTK_WIDGET (row), self->checklist_error);
}

/* The parts of the screen */

static void
show_header (SilaRequestView *self)
{
  const SilaRequest *r = self->request;
  g_autofree char *beneficiary = NULL;
  g_autofree char *meta = NULL;
  g_autofree char *received = NULL;
  g_autofree char *due = NULL;
  g_autofree char *due_hijri = NULL;
  g_autofree char *due_text = NULL;
  g_autofree char *when = NULL;
  g_autofree char *next = sila_request_describe_next (r);
  g_autofree char *file = NULL;
  static const char *status_classes[] = { "success", "error", "warning", "accent" };
  GDate today;

  sila_clock_today (&today);
  gtk_label_set_label (self->number_label, r->number);
  gtk_label_set_label (self->status_label, sila_request_status_to_display (r->status));
  for (guint i = 0; i < G_N_ELEMENTS (status_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), status_classes[i]);
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label),
                            r->status == SILA_REQUEST_REJECTED ||
                            r->status == SILA_REQUEST_WITHDRAWN ? "error"
                            : r->status >= SILA_REQUEST_ACCEPTED ? "success" : "accent");

  file = sila_display_file_number (r->file_number);
  {
    g_autofree char *file_part = g_strdup_printf (_("file %s"), file);

    beneficiary = sila_display_join (r->beneficiary_name, file_part, NULL);
  }
  gtk_label_set_label (self->beneficiary_label, beneficiary);

  received = sila_date_format (&r->received, SILA_CALENDAR_GREGORIAN);
  {
    g_autofree char *by = NULL;
    g_autofree char *asks = NULL;

    /* Translators: received on DATE by NAME. */
    by = g_strdup_printf (_("received on %s by %s"), received,
                          sila_request_view_person (r->received_by_name, r->received_by));
    if (r->amount_asked >= 0)
      {
        g_autofree char *amount = sila_money_format (r->amount_asked, TRUE);

        asks = g_strdup_printf (_("asks for %s"), amount);
      }
    meta = sila_display_join (sila_request_get_type_display (r),
                              sila_channel_to_display (r->channel), by, asks, NULL);
  }
  gtk_label_set_label (self->meta_label, meta);

  due = sila_date_format (&r->due, SILA_CALENDAR_GREGORIAN);
  due_hijri = sila_date_format (&r->due, SILA_CALENDAR_HIJRI);
  when = sila_request_describe_due (r->status, &r->due, &today);
  if (when != NULL)
    /* Translators: "Answer due by 9 December 2026 (29 Jumada II 1448 AH): Due in 3 days". */
    due_text = g_strdup_printf (_("Answer due by %s (%s): %s"), due, due_hijri, when);
  else
    due_text = g_strdup_printf (_("Answer was due by %s (%s)"), due, due_hijri);
  gtk_label_set_label (self->due_label, due_text);
  gtk_widget_remove_css_class (GTK_WIDGET (self->due_label), "sila-overdue");
  gtk_widget_remove_css_class (GTK_WIDGET (self->due_label), "warning");
  if (sila_request_is_overdue (r->status, &r->due, &today))
    gtk_widget_add_css_class (GTK_WIDGET (self->due_label), "sila-overdue");
  else if (sila_request_is_due_soon (r->status, &r->due, &today))
    gtk_widget_add_css_class (GTK_WIDGET (self->due_label), "warning");

  gtk_label_set_label (self->next_label, next);
}

static void
show_declaration (SilaRequestView *self)
{
  const SilaRequest *r = self->request;
  g_autofree char *at = sila_format_timestamp (r->signed_at);
  g_autofree char *text = NULL;
  gboolean pending = r->declaration == SILA_DECLARATION_PENDING &&
                     !sila_request_status_is_final (r->status) &&
                     sila_session_can (self->session, SILA_PERM_REQUEST_OPEN);

  switch (r->declaration)
    {
    case SILA_DECLARATION_DRAWN:
      text = g_strdup_printf (_("Signed on the screen on %s"), at);
      break;
    case SILA_DECLARATION_PAPER:
      text = g_strdup_printf (_("Signed on the printed form (recorded on %s)"), at);
      break;
    case SILA_DECLARATION_PENDING:
    default:
      text = g_strdup (_("Not signed yet: the applicant signs on the screen or on the printed "
                         "form."));
      break;
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->declaration_row), text);
  gtk_widget_set_visible (self->paper_button, pending);

  /* The signature itself, as it was drawn (not editable). */
  if (r->declaration == SILA_DECLARATION_DRAWN && r->signature != NULL)
    {
      GtkWidget *shown = sila_signature_pad_new ();

      if (sila_signature_pad_set_text (SILA_SIGNATURE_PAD (shown), r->signature))
        {
          gtk_widget_set_can_target (shown, FALSE);
          gtk_widget_set_size_request (shown, 180, 60);
          gtk_widget_set_margin_top (shown, 6);
          gtk_widget_set_margin_bottom (shown, 6);
          gtk_widget_set_direction (shown, GTK_TEXT_DIR_LTR);
          adw_action_row_add_suffix (ADW_ACTION_ROW (self->declaration_row), shown);
          g_ptr_array_add (self->signature_widgets, shown);
        }
      else
        {
          g_object_ref_sink (shown);
          g_object_unref (shown);
        }
    }

  if (pending)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *title = gtk_label_new (_("Sign on the screen"));
      GtkWidget *pad = sila_signature_pad_new ();
      GtkWidget *save = gtk_button_new_with_mnemonic (_("_Save Signature"));

      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_widget_add_css_class (title, "heading");
      gtk_widget_set_name (pad, "signature-pad");
      gtk_widget_set_margin_top (box, 12);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (save), "request.sign-screen");
      gtk_widget_set_halign (save, GTK_ALIGN_START);
      gtk_box_append (GTK_BOX (box), title);
      gtk_box_append (GTK_BOX (box), pad);
      gtk_box_append (GTK_BOX (box), save);
      adw_preferences_group_add (self->declaration_group, box);
      g_ptr_array_add (self->extra_rows, box);
    }
}

/* What each next status is called on its button. */
static const char *
step_label (SilaRequestStatus to)
{
  switch (to)
    {
    case SILA_REQUEST_DOCUMENTS_COMPLETE: return _("Documents _Complete");
    case SILA_REQUEST_IN_RESEARCH:        return _("_Refer to Social Research");
    case SILA_REQUEST_RESEARCH_DONE:      return _("_Save Research Report");
    case SILA_REQUEST_WITH_COMMITTEE:     return _("Raise to the _Committee");
    case SILA_REQUEST_ACCEPTED:           return _("_Accept");
    case SILA_REQUEST_REJECTED:           return _("Re_ject");
    case SILA_REQUEST_REGISTERED:         return _("_Register");
    case SILA_REQUEST_DELIVERED:          return _("Record the _Service Delivered");
    case SILA_REQUEST_CLOSED:             return _("C_lose");
    case SILA_REQUEST_NONE:
    case SILA_REQUEST_RECEIVED:
    case SILA_REQUEST_WITHDRAWN:
    case SILA_N_REQUEST_STATUSES:
    default:                              return "";
    }
}

static void
load_researchers (SilaRequestView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  g_ptr_array_set_size (self->researchers, 0);
  gtk_string_list_append (names, _("Any researcher (the first to take it)"));
  g_ptr_array_add (self->researchers, NULL);

  staff = sila_store_list_staff (sila_session_get_store (self->session),
                                 sila_session_get_actor (self->session), FALSE, &error);
  for (guint i = 0; staff != NULL && i < staff->len; i++)
    {
      const SilaStaff *s = g_ptr_array_index (staff, i);

      if ((s->roles & SILA_ROLE_RESEARCHER) == 0 || !s->active)
        continue;
      gtk_string_list_append (names, s->display_name);
      g_ptr_array_add (self->researchers, g_strdup (s->username));
    }

  adw_combo_row_set_model (self->researcher_row, G_LIST_MODEL (names));
  for (guint i = 1; i < self->researchers->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->researchers, i), self->request->researcher) == 0)
      adw_combo_row_set_selected (self->researcher_row, i);
}

static void
show_steps (SilaRequestView *self)
{
  SilaRequestStatus next[SILA_N_REQUEST_STATUSES];
  guint n = sila_request_next_statuses (self->request->status, next);
  gboolean any = FALSE, withdraw = FALSE, other_role = FALSE;
  const char *page = "none";
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->step_buttons))) != NULL)
    gtk_flow_box_remove (self->step_buttons, child);

  for (guint i = 0; i < n; i++)
    {
      const SilaRequestStep *step = sila_request_step_find (self->request->status, next[i]);
      GtkWidget *button;

      /* Hidden from those who may not take it; the store refuses anyway. */
      if (!sila_session_can (self->session, step->permission))
        {
          other_role |= next[i] != SILA_REQUEST_WITHDRAWN;
          continue;
        }
      if (next[i] == SILA_REQUEST_WITHDRAWN)
        {
          withdraw = TRUE;
          continue;
        }

      button = gtk_button_new_with_mnemonic (step_label (next[i]));
      gtk_widget_set_name (button, sila_request_status_to_code (next[i]));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "request.move");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s",
                                        sila_request_status_to_code (next[i]));
      gtk_widget_add_css_class (button, next[i] == SILA_REQUEST_REJECTED ? "destructive-action"
                                                                         : "suggested-action");
      gtk_flow_box_append (self->step_buttons, button);
      any = TRUE;

      if (next[i] == SILA_REQUEST_IN_RESEARCH)
        page = "refer";
      else if (next[i] == SILA_REQUEST_RESEARCH_DONE)
        page = "research";
      else if (next[i] == SILA_REQUEST_ACCEPTED)
        page = "decision";
      else if (next[i] == SILA_REQUEST_DELIVERED)
        page = "delivery";
    }

  if (g_str_equal (page, "refer"))
    load_researchers (self);
  gtk_stack_set_visible_child_name (self->step_stack, page);
  gtk_widget_set_visible (GTK_WIDGET (self->step_stack), !g_str_equal (page, "none"));
  gtk_widget_set_visible (GTK_WIDGET (self->step_buttons), any);
  gtk_widget_set_visible (GTK_WIDGET (self->step_group), any || other_role);
  /* The note's own list, so that no empty frame is left. */
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->note_row)), any);
  adw_preferences_group_set_description (self->step_group,
                                         !any && other_role
                                         ? _("Another role takes the next step; it shows in "
                                             "their queue.")
                                         : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->withdraw_group), withdraw);
}

gboolean
sila_request_view_refresh_document (SilaRequestView *self,
                                    const char      *type)
{
  g_autoptr(GError) error = NULL;
  const SilaRequestDocument *before, *after;
  SilaRequest *fresh;
  GtkWidget *row, *entry;
  gboolean same;

  fresh = sila_store_get_request (sila_session_get_store (self->session),
                                  sila_session_get_actor (self->session), self->request->id,
                                  &error);
  if (fresh == NULL)
    {
      gtk_label_set_label (self->next_label, error->message);
      return TRUE;
    }

  before = sila_request_find_document (self->request, type);
  after = sila_request_find_document (fresh, type);
  same = before != NULL && after != NULL && before->status == after->status;
  sila_request_free (self->request);
  self->request = fresh;
  if (!same || after == NULL)
    return FALSE;

  show_header (self);
  row = g_hash_table_lookup (self->document_rows, type);
  if (row != NULL)
    {
      g_autofree char *subtitle = sila_request_view_document_subtitle (after);
      g_autofree char *problem = sila_request_document_problem (after);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (problem != NULL)
        gtk_widget_add_css_class (row, "sila-document-problem");
      else
        gtk_widget_remove_css_class (row, "sila-document-problem");
    }
  entry = g_hash_table_lookup (self->expiry_entries, type);
  if (entry != NULL)
    {
      g_autofree char *iso = g_date_valid (&after->expires) ? sila_date_to_iso (&after->expires)
                                                            : NULL;

      gtk_editable_set_text (GTK_EDITABLE (entry), iso != NULL ? iso : "");
    }
  return TRUE;
}

void
sila_request_view_reload (SilaRequestView *self)
{
  g_autoptr(GError) error = NULL;
  SilaRequest *fresh;

  if (self->request == NULL)
    return;

  fresh = sila_store_get_request (sila_session_get_store (self->session),
                                  sila_session_get_actor (self->session), self->request->id,
                                  &error);
  if (fresh == NULL)
    {
      gtk_label_set_label (self->next_label, error->message);
      return;
    }

  sila_request_free (self->request);
  self->request = fresh;
  clear_rows (self);
  show_header (self);
  sila_request_view_show_checklist (self);
  show_declaration (self);
  show_steps (self);
  sila_request_view_show_record (self);
  sila_request_view_show_timeline (self);
  sila_request_view_update_actions (self);
}

/* Overrides */

static void
sila_request_view_dispose (GObject *object)
{
  SilaRequestView *self = (SilaRequestView *)object;
  GtkWidget *child;

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  if (self->confirm_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->confirm_dialog));
  gtk_widget_dispose_template (GTK_WIDGET (self), SILA_TYPE_REQUEST_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (sila_request_view_parent_class)->dispose (object);
}

static void
sila_request_view_finalize (GObject *object)
{
  SilaRequestView *self = (SilaRequestView *)object;

  g_clear_pointer (&self->request, sila_request_free);
  g_hash_table_unref (self->document_rows);
  g_hash_table_unref (self->expiry_entries);
  g_ptr_array_unref (self->researchers);
  g_ptr_array_unref (self->extra_rows);
  g_ptr_array_unref (self->signature_widgets);
  g_free (self->choosing);

  G_OBJECT_CLASS (sila_request_view_parent_class)->finalize (object);
}

static void
sila_request_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SilaRequestView *self = SILA_REQUEST_VIEW (object);

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
sila_request_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SilaRequestView *self = SILA_REQUEST_VIEW (object);

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
sila_request_view_class_init (SilaRequestViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sila_request_view_dispose;
  object_class->finalize = sila_request_view_finalize;
  object_class->get_property = sila_request_view_get_property;
  object_class->set_property = sila_request_view_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, SILA_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/sila-request-view.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, SilaRequestView, name)
  CHILD (scroller);
  CHILD (number_label);
  CHILD (status_label);
  CHILD (beneficiary_label);
  CHILD (meta_label);
  CHILD (due_label);
  CHILD (next_label);
  CHILD (checklist_group);
  CHILD (checklist_error);
  CHILD (declaration_group);
  CHILD (declaration_row);
  CHILD (paper_button);
  CHILD (step_group);
  CHILD (step_stack);
  CHILD (researcher_row);
  CHILD (visit_row);
  CHILD (visit_error);
  CHILD (findings_view);
  CHILD (findings_error);
  CHILD (recommendation_row);
  CHILD (recommendation_error);
  CHILD (decided_row);
  CHILD (decided_error);
  CHILD (members_row);
  CHILD (reason_row);
  CHILD (reason_error);
  CHILD (kind_row);
  CHILD (amount_row);
  CHILD (amount_error);
  CHILD (delivered_row);
  CHILD (delivered_error);
  CHILD (note_row);
  CHILD (step_buttons);
  CHILD (step_error);
  CHILD (withdraw_group);
  CHILD (withdraw_reason_row);
  CHILD (withdraw_error);
  CHILD (record_group);
  CHILD (timeline_group);
#undef CHILD

  sila_request_view_install_actions (widget_class);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
sila_request_view_init (SilaRequestView *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  const char * const *codes = sila_delivery_kind_codes ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->document_rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->expiry_entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->researchers = g_ptr_array_new_with_free_func (g_free);
  self->extra_rows = g_ptr_array_new ();
  self->signature_widgets = g_ptr_array_new ();

  for (guint i = 0; codes[i] != NULL; i++)
    gtk_string_list_append (kinds, sila_delivery_kind_to_display (codes[i]));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));

  /* Dates and amounts read left to right inside the right-to-left form. */
  gtk_widget_set_direction (GTK_WIDGET (self->amount_row), GTK_TEXT_DIR_LTR);
  gtk_widget_set_direction (GTK_WIDGET (self->number_label), GTK_TEXT_DIR_LTR);
}

/* Public API */

GtkWidget *
sila_request_view_new (SilaSession *session)
{
  return g_object_new (SILA_TYPE_REQUEST_VIEW, "session", session, NULL);
}

gboolean
sila_request_view_load (SilaRequestView  *self,
                        const char       *id,
                        GError          **error)
{
  SilaStore *store;
  SilaRequest *request;

  g_return_val_if_fail (SILA_IS_REQUEST_VIEW (self), FALSE);

  store = sila_session_get_store (self->session);
  request = sila_store_get_request (store, sila_session_get_actor (self->session), id, error);
  if (request == NULL)
    return FALSE;

  /* Who looked at whose request is part of the audit trail (PDPL): not
   * shown where that cannot be recorded. */
  if (!sila_store_record_access (store, sila_session_get_actor (self->session),
                                 SILA_PERM_REQUEST_VIEW, SILA_AUDIT_VIEW,
                                 SILA_AUDIT_ENTITY_REQUEST, request->id, request->number, error))
    {
      sila_request_free (request);
      return FALSE;
    }

  g_clear_pointer (&self->request, sila_request_free);
  self->request = request;
  /* Another request: the fields of the last one's steps start empty. */
  {
    gpointer rows[] = { self->visit_row, self->recommendation_row, self->decided_row,
                        self->members_row, self->reason_row, self->amount_row,
                        self->delivered_row, self->withdraw_reason_row, self->note_row };

    for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
      gtk_editable_set_text (GTK_EDITABLE (rows[i]), "");
  }
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->findings_view), "", -1);
  sila_request_view_clear_errors (self);
  sila_request_view_reload (self);
  sila_request_view_scroll_to_top (self);
  return TRUE;
}

void
sila_request_view_scroll_to_top (SilaRequestView *self)
{
  GtkAdjustment *adj;

  g_return_if_fail (SILA_IS_REQUEST_VIEW (self));

  adj = gtk_scrolled_window_get_vadjustment (self->scroller);
  gtk_adjustment_set_value (adj, gtk_adjustment_get_lower (adj));
}

const SilaRequest *
sila_request_view_get_request (SilaRequestView *self)
{
  g_return_val_if_fail (SILA_IS_REQUEST_VIEW (self), NULL);

  return self->request;
}

GtkWidget *
sila_request_view_get_document_row (SilaRequestView *self,
                                    const char      *document_type)
{
  g_return_val_if_fail (SILA_IS_REQUEST_VIEW (self), NULL);

  return g_hash_table_lookup (self->document_rows, document_type);
}
