/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The request screen's checklist: each document's row, its status menu and
 * its expiry field. What is typed in the field is saved when it is
 * confirmed (Enter) or left, through the core's rules, or refused beside
 * it: nothing is shown that is not stored. */
#define G_LOG_DOMAIN "sila-ui"

#include "sila-config.h"

#include <glib/gi18n.h>

#include "sila-a11y.h"
#include "sila-clock.h"
#include "sila-contact-row.h"
#include "sila-date.h"
#include "sila-display.h"
#include "sila-field-error.h"
#include "sila-format.h"
#include "sila-request-view-private.h"
#include "sila-validation.h"

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

static GMenuModel *
document_menu (const SilaRequestDocument *d)
{
  static const SilaDocumentStatus choices[] = {
    SILA_DOCUMENT_PROVIDED, SILA_DOCUMENT_VERIFIED, SILA_DOCUMENT_REJECTED, SILA_DOCUMENT_MISSING,
  };
  static const char *labels[] = {
    N_("Mark as _provided"), N_("Mark as _verified"), N_("Mark as _rejected"),
    N_("Mark as _missing"),
  };
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) statuses = g_menu_new ();
  g_autoptr(GMenu) scans = g_menu_new ();

  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_(labels[i]), NULL);

      g_menu_item_set_action_and_target_value (item, "request.document",
                                               g_variant_new ("(ss)", d->type,
                                                              sila_document_status_to_code (choices[i])));
      g_menu_append_item (statuses, item);
    }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (statuses));

  {
    g_autoptr(GMenuItem) attach = g_menu_item_new (_("_Attach a Scan…"), NULL);

    g_menu_item_set_action_and_target_value (attach, "request.attach",
                                             g_variant_new_string (d->type));
    g_menu_append_item (scans, attach);
  }
  if (d->file_name != NULL)
    {
      g_autoptr(GMenuItem) open = g_menu_item_new (_("_Open the Scan"), NULL);

      g_menu_item_set_action_and_target_value (open, "request.open-scan",
                                               g_variant_new_string (d->type));
      g_menu_append_item (scans, open);
    }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (scans));

  return G_MENU_MODEL (g_steal_pointer (&menu));
}

/* A document's line under its name: as stored. */
char *
sila_request_view_document_subtitle (const SilaRequestDocument *d)
{
  g_autoptr(GString) subtitle = g_string_new (NULL);

  g_string_append (subtitle, d->required ? _("Required") : _("Optional"));
  g_string_append_printf (subtitle, "%s%s", SILA_DISPLAY_SEPARATOR,
                          sila_document_status_to_display (d->status));
  if (g_date_valid (&d->expires))
    {
      g_autofree char *date = sila_date_format (&d->expires, SILA_CALENDAR_GREGORIAN);

      g_string_append (subtitle, SILA_DISPLAY_SEPARATOR);
      g_string_append_printf (subtitle, _("valid until %s"), date);
    }
  if (d->verified_by != NULL && d->status == SILA_DOCUMENT_VERIFIED)
    {
      g_autofree char *at = sila_format_timestamp (d->verified_at);

      g_string_append (subtitle, SILA_DISPLAY_SEPARATOR);
      g_string_append_printf (subtitle, _("verified by %s on %s"),
                              sila_request_view_person (d->verified_by_name, d->verified_by), at);
    }
  if (d->file_name != NULL)
    {
      g_autofree char *name = sila_display_isolate (d->file_name);

      g_string_append (subtitle, SILA_DISPLAY_SEPARATOR);
      g_string_append_printf (subtitle, _("scan: %s"), name);
    }
  if (d->note != NULL)
    g_string_append_printf (subtitle, "%s%s", SILA_DISPLAY_SEPARATOR, d->note);

  return g_string_free (g_steal_pointer (&subtitle), FALSE);
}

void
sila_request_view_show_checklist (SilaRequestView *self)
{
  gboolean can_edit = sila_session_can (self->session, SILA_PERM_REQUEST_DOCUMENTS) &&
                      !sila_request_status_is_final (self->request->status);

  for (guint i = 0; i < self->request->documents->len; i++)
    {
      const SilaRequestDocument *d = g_ptr_array_index (self->request->documents, i);
      g_autofree char *subtitle = sila_request_view_document_subtitle (d);
      g_autofree char *problem = sila_request_document_problem (d);
      const char *icon;
      GtkWidget *row;

      row = sila_request_view_add_row (self, self->checklist_group,
                                       sila_request_document_get_display (d), subtitle);
      gtk_widget_set_name (row, d->type);
      icon = d->status == SILA_DOCUMENT_VERIFIED && problem == NULL ? "emblem-ok-symbolic"
             : problem != NULL ? "dialog-warning-symbolic" : "document-open-symbolic";
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name (icon));
      if (problem != NULL)
        gtk_widget_add_css_class (row, "sila-document-problem");
      g_hash_table_insert (self->document_rows, g_strdup (d->type), row);

      if (!can_edit)
        continue;

      if (d->type_expires)
        {
          GtkWidget *entry = gtk_entry_new ();
          g_autofree char *iso = g_date_valid (&d->expires) ? sila_date_to_iso (&d->expires)
                                                            : NULL;

          gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Expiry date"));
          gtk_editable_set_width_chars (GTK_EDITABLE (entry), 11);
          gtk_widget_set_direction (entry, GTK_TEXT_DIR_LTR);
          gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
          if (iso != NULL)
            gtk_editable_set_text (GTK_EDITABLE (entry), iso);
          gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, _("Expiry date"), -1);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), entry);
          g_hash_table_insert (self->expiry_entries, g_strdup (d->type), entry);
          sila_request_view_watch_expiry (self, entry, d->type);
        }
      if (d->status != SILA_DOCUMENT_VERIFIED)
        {
          GtkWidget *verify = gtk_button_new_with_mnemonic (_("_Verify"));

          gtk_widget_set_valign (verify, GTK_ALIGN_CENTER);
          gtk_actionable_set_action_name (GTK_ACTIONABLE (verify), "request.document");
          gtk_actionable_set_action_target (GTK_ACTIONABLE (verify), "(ss)", d->type, "verified");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), verify);
        }
      {
        GtkWidget *more = gtk_menu_button_new ();
        g_autoptr(GMenuModel) menu = document_menu (d);

        gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (more), "view-more-symbolic");
        gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (more), menu);
        gtk_widget_set_valign (more, GTK_ALIGN_CENTER);
        gtk_widget_add_css_class (more, "flat");
        g_autofree char *name = g_strdup_printf (_("Status and scan: %s"),
                                                 sila_request_document_get_display (d));

        gtk_widget_set_tooltip_text (more, _("Status and scan"));
        /* Each row's menu says which document it is for. */
        sila_a11y_set_label (more, name);
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), more);
      }
    }
}

/* Where a document's refusal goes: beside its expiry field if it has one,
 * else on its row. */
static void
show_document_error (SilaRequestView *self,
                     const char      *type,
                     const GError    *error)
{
  GtkWidget *entry = g_hash_table_lookup (self->expiry_entries, type);
  GtkWidget *row = g_hash_table_lookup (self->document_rows, type);

  if (row != NULL)
    gtk_widget_add_css_class (row, "error");
  if (entry != NULL)
    sila_field_error_show (entry, self->checklist_error, error);
  else if (row != NULL)
    sila_field_error_show (row, self->checklist_error, error);
  else
    sila_field_error_show (GTK_WIDGET (self->checklist_group), self->checklist_error, error);
}

/* The date typed into a document's expiry field: *@given FALSE when it is
 * empty; FALSE (shown beside the field) when it cannot be read. */
static gboolean
read_expiry (SilaRequestView *self,
             const char      *type,
             GDate           *date,
             gboolean        *given)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *entry = g_hash_table_lookup (self->expiry_entries, type);

  *given = entry != NULL && !is_blank (text_of (entry));
  if (!*given)
    return TRUE;
  if (!sila_date_parse_guess (text_of (entry), date, NULL, &error))
    {
      show_document_error (self, type, error);
      return FALSE;
    }
  return TRUE;
}

/* A document recorded as expired when something else was wanted: why,
 * beside its row, once the view shows it. */
static void
show_found_expired (SilaRequestView    *self,
                    const char         *type,
                    SilaDocumentStatus  wanted)
{
  const SilaRequestDocument *d = sila_request_find_document (self->request, type);
  g_autofree char *why = NULL;
  g_autoptr(GError) expired = NULL;

  if (d == NULL)
    return;
  why = sila_request_document_describe_expired (d, wanted);
  expired = g_error_new_literal (SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_OUT_OF_RANGE, why);
  show_document_error (self, type, expired);
}

static void
document_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SilaRequestView *self = SILA_REQUEST_VIEW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *type = NULL;
  const char *status_code;
  const SilaRequestDocument *document;
  SilaDocumentStatus status, recorded;
  GDate expires;
  gboolean given;

  if (self->request == NULL)
    return;

  g_variant_get (parameter, "(s&s)", &type, &status_code);
  if (!sila_document_status_parse (status_code, &status, NULL))
    return;

  sila_request_view_clear_errors (self);
  if (!read_expiry (self, type, &expires, &given))
    return;

  /* The core decides whether it may be recorded so; its words beside the
   * field. The store decides again inside its transaction. */
  document = sila_request_find_document (self->request, type);
  if (document != NULL &&
      !sila_request_document_check_status (document, status, given ? &expires
                                                                    : &document->expires,
                                           &error))
    {
      show_document_error (self, type, error);
      return;
    }

  if (!sila_store_set_request_document (sila_session_get_store (self->session),
                                        sila_session_get_actor (self->session),
                                        self->request->id, type, status,
                                        given ? &expires : NULL, NULL, &recorded, &error))
    {
      show_document_error (self, type, error);
      return;
    }

  sila_request_view_changed (self, NULL);
  if (recorded != status)
    show_found_expired (self, type, status);
}

typedef struct {
  SilaRequestView    *view;
  char               *type;
  SilaDocumentStatus  wanted;
} Reload;

static void
reload_free (Reload *reload)
{
  g_object_unref (reload->view);
  g_free (reload->type);
  g_free (reload);
}

static gboolean
reload_idle_cb (gpointer data)
{
  Reload *reload = data;
  SilaRequestView *self = reload->view;

  if (self->request != NULL && gtk_widget_get_root (GTK_WIDGET (self)) != NULL)
    {
      sila_request_view_changed (self, NULL);
      if (reload->wanted != SILA_N_DOCUMENT_STATUSES)
        show_found_expired (self, reload->type, reload->wanted);
    }
  return G_SOURCE_REMOVE;
}

gboolean
sila_request_view_save_expiry (SilaRequestView *self,
                               const char      *type)
{
  g_autoptr(GError) error = NULL;
  const SilaRequestDocument *document;
  GtkWidget *entry;
  SilaDocumentStatus wanted, recorded;
  GDate expires;
  gboolean given;

  g_return_val_if_fail (SILA_IS_REQUEST_VIEW (self), FALSE);

  entry = g_hash_table_lookup (self->expiry_entries, type);
  document = self->request != NULL ? sila_request_find_document (self->request, type) : NULL;
  if (entry == NULL || document == NULL)
    return FALSE;

  sila_field_error_clear (entry, self->checklist_error);
  if (!read_expiry (self, type, &expires, &given))
    return FALSE;

  /* What is shown is what is stored already: nothing to save. */
  if (given ? g_date_valid (&document->expires) && g_date_compare (&expires,
                                                                   &document->expires) == 0
            : !g_date_valid (&document->expires))
    return TRUE;

  wanted = sila_request_document_status_with_new_expiry (document);
  if (!sila_request_document_check_status (document, wanted, given ? &expires : NULL, &error) ||
      !sila_store_set_request_document_expiry (sila_session_get_store (self->session),
                                               sila_session_get_actor (self->session),
                                               self->request->id, type,
                                               given ? &expires : NULL, &recorded, &error))
    {
      show_document_error (self, type, error);
      return FALSE;
    }

  sila_session_notify_changed (self->session, "requests");
  /* The field may still be in use (it is being left): the rows are rebuilt
   * only when the status changed too, once this event is over. */
  if (!sila_request_view_refresh_document (self, type))
    {
      Reload *reload = g_new0 (Reload, 1);

      reload->view = g_object_ref (self);
      reload->type = g_strdup (type);
      reload->wanted = recorded != wanted ? wanted : SILA_N_DOCUMENT_STATUSES;
      g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, reload_idle_cb, reload,
                       (GDestroyNotify)reload_free);
    }
  return TRUE;
}

static void
expiry_activate_cb (GtkEntry        *entry,
                    SilaRequestView *self)
{
  sila_request_view_save_expiry (self, g_object_get_data (G_OBJECT (entry), "sila-document-type"));
}

static void
expiry_leave_cb (GtkEventController *controller,
                 SilaRequestView    *self)
{
  GtkWidget *entry = gtk_event_controller_get_widget (controller);

  /* Not while the window is going away. */
  if (self->request == NULL || !gtk_widget_get_mapped (entry))
    return;
  sila_request_view_save_expiry (self, g_object_get_data (G_OBJECT (entry), "sila-document-type"));
}

void
sila_request_view_watch_expiry (SilaRequestView *self,
                                GtkWidget       *entry,
                                const char      *type)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_object_set_data_full (G_OBJECT (entry), "sila-document-type", g_strdup (type), g_free);
  g_signal_connect_object (entry, "activate", G_CALLBACK (expiry_activate_cb), self, 0);
  g_signal_connect_object (focus, "leave", G_CALLBACK (expiry_leave_cb), self, 0);
  gtk_widget_add_controller (entry, focus);
}

void
sila_request_view_install_checklist_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "request.document", "(ss)", document_action);
}
