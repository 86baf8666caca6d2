/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-ui"

#include "sila-config.h"

#include <glib/gi18n.h>

#include "sila-beneficiary-requests.h"
#include "sila-clock.h"
#include "sila-contact-row.h"
#include "sila-contact-window.h"
#include "sila-date.h"
#include "sila-display.h"
#include "sila-store-contacts.h"
#include "sila-store-requests.h"

#define LIMIT 100

struct _SilaBeneficiaryRequests
{
  GtkWidget            parent_instance;

  SilaSession         *session;
  char                *beneficiary_id;
  AdwPreferencesGroup *group;
  GtkWidget           *new_button;
  GPtrArray           *rows;
  guint                n_overdue;
};

G_DEFINE_FINAL_TYPE (SilaBeneficiaryRequests, sila_beneficiary_requests, GTK_TYPE_WIDGET)

static void
row_activated_cb (AdwActionRow *row,
                  gpointer      user_data)
{
  gtk_widget_activate_action (GTK_WIDGET (row), "win.show-request", "s",
                              gtk_widget_get_name (GTK_WIDGET (row)));
}

static void
reload (SilaBeneficiaryRequests *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) requests = NULL;
  SilaRequestFilter filter;
  GDate today;

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  self->n_overdue = 0;

  sila_request_filter_init (&filter);
  filter.beneficiary_id = self->beneficiary_id;
  requests = sila_store_list_requests (sila_session_get_store (self->session),
                                       sila_session_get_actor (self->session), &filter, LIMIT,
                                       &error);
  if (requests == NULL)
    {
      adw_preferences_group_set_description (self->group, error->message);
      return;
    }

  sila_clock_today (&today);
  adw_preferences_group_set_description (self->group,
                                         requests->len == 0 ? _("No support request yet.")
                                                            : NULL);
  for (guint i = 0; i < requests->len; i++)
    {
      SilaRequestRow *r = g_ptr_array_index (requests, i);
      SilaRequestStatus status = sila_request_row_get_status (r);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *due;
      g_autofree char *title = NULL;
      g_autofree char *when = sila_request_describe_due (status, sila_request_row_get_due (r),
                                                         &today);
      g_autofree char *received = sila_date_format (sila_request_row_get_received (r),
                                                    SILA_CALENDAR_GREGORIAN);
      g_autofree char *subtitle = NULL;

      title = g_markup_printf_escaped ("%s — %s", sila_request_row_get_number (r),
                                       sila_request_row_get_type_display (r));
      {
        g_autofree char *on = g_strdup_printf (_("received on %s"), received);
        g_autofree char *line = sila_display_join (sila_request_status_to_display (status), on,
                                                   NULL);

        subtitle = g_markup_escape_text (line, -1);
      }
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (when != NULL)
        {
          due = gtk_label_new (when);
          if (sila_request_row_is_overdue (r))
            {
              gtk_widget_add_css_class (due, "sila-overdue");
              gtk_widget_add_css_class (row, "sila-overdue-row");
              self->n_overdue++;
            }
          else if (sila_request_row_is_due_soon (r))
            gtk_widget_add_css_class (due, "warning");
          else
            gtk_widget_add_css_class (due, "dim-label");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), due);
        }
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_set_name (row, sila_request_row_get_id (r));
      g_signal_connect (row, "activated", G_CALLBACK (row_activated_cb), NULL);
      adw_preferences_group_add (self->group, row);
      g_ptr_array_add (self->rows, row);
    }
}

static void
session_changed_cb (SilaBeneficiaryRequests *self,
                    const char              *what,
                    SilaSession             *session)
{
  if (what == NULL || g_str_equal (what, "requests"))
    reload (self);
}

static void
new_clicked_cb (GtkButton               *button,
                SilaBeneficiaryRequests *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.new-request", "s", self->beneficiary_id);
}

static void
sila_beneficiary_requests_dispose (GObject *object)
{
  SilaBeneficiaryRequests *self = (SilaBeneficiaryRequests *)object;

  g_clear_pointer ((GtkWidget **)&self->group, gtk_widget_unparent);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (sila_beneficiary_requests_parent_class)->dispose (object);
}

static void
sila_beneficiary_requests_finalize (GObject *object)
{
  SilaBeneficiaryRequests *self = (SilaBeneficiaryRequests *)object;

  g_free (self->beneficiary_id);
  g_ptr_array_unref (self->rows);

  G_OBJECT_CLASS (sila_beneficiary_requests_parent_class)->finalize (object);
}

static void
sila_beneficiary_requests_class_init (SilaBeneficiaryRequestsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sila_beneficiary_requests_dispose;
  object_class->finalize = sila_beneficiary_requests_finalize;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
sila_beneficiary_requests_init (SilaBeneficiaryRequests *self)
{
  self->rows = g_ptr_array_new ();
  self->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->group, _("Support Requests"));
  self->new_button = gtk_button_new_with_mnemonic (_("_New Request…"));
  gtk_widget_add_css_class (self->new_button, "flat");
  adw_preferences_group_set_header_suffix (self->group, self->new_button);
  g_signal_connect (self->new_button, "clicked", G_CALLBACK (new_clicked_cb), self);
  gtk_widget_set_parent (GTK_WIDGET (self->group), GTK_WIDGET (self));
}

GtkWidget *
sila_beneficiary_requests_new (SilaSession *session,
                               const char  *beneficiary_id)
{
  SilaBeneficiaryRequests *self;

  g_return_val_if_fail (SILA_IS_SESSION (session), NULL);
  g_return_val_if_fail (beneficiary_id != NULL, NULL);

  self = g_object_new (SILA_TYPE_BENEFICIARY_REQUESTS, NULL);
  self->session = g_object_ref (session);
  self->beneficiary_id = g_strdup (beneficiary_id);
  gtk_widget_set_visible (self->new_button,
                          sila_session_can (session, SILA_PERM_REQUEST_OPEN));
  g_signal_connect_object (session, "changed", G_CALLBACK (session_changed_cb), self,
                           G_CONNECT_SWAPPED);
  reload (self);
  return GTK_WIDGET (self);
}

void
sila_beneficiary_requests_set_can_add (SilaBeneficiaryRequests *self,
                                       gboolean                 can_add)
{
  g_return_if_fail (SILA_IS_BENEFICIARY_REQUESTS (self));

  gtk_widget_set_visible (self->new_button,
                          can_add && sila_session_can (self->session, SILA_PERM_REQUEST_OPEN));
}

guint
sila_beneficiary_requests_count (SilaBeneficiaryRequests *self,
                                 guint                   *n_overdue)
{
  g_return_val_if_fail (SILA_IS_BENEFICIARY_REQUESTS (self), 0);

  if (n_overdue != NULL)
    *n_overdue = self->n_overdue;
  return self->rows->len;
}

void
sila_beneficiary_requests_set_title (SilaBeneficiaryRequests *self,
                                     const char              *title)
{
  g_return_if_fail (SILA_IS_BENEFICIARY_REQUESTS (self));

  adw_preferences_group_set_title (self->group, title != NULL ? title : "");
}

GtkWidget *
sila_profile_build_requests (SilaSession           *session,
                             const SilaBeneficiary *file)
{
  GtkWidget *widget;

  if (!sila_session_can (session, SILA_PERM_REQUEST_VIEW))
    return NULL;

  widget = sila_beneficiary_requests_new (session, file->id);
  sila_beneficiary_requests_set_title (SILA_BENEFICIARY_REQUESTS (widget), NULL);
  return widget;
}

static void
record_contact_cb (GtkButton *button,
                   gpointer   user_data)
{
  SilaSession *session = g_object_get_data (G_OBJECT (button), "sila-session");
  const char *id = g_object_get_data (G_OBJECT (button), "sila-file-id");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (button));
  SilaContactWindow *dialog;

  dialog = sila_contact_window_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, session, id);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The person's contacts, newest first, and a button to record one. */
GtkWidget *
sila_profile_build_contacts (SilaSession           *session,
                             const SilaBeneficiary *file)
{
  g_autoptr(GPtrArray) contacts = NULL;
  SilaContactFilter filter;
  GtkWidget *box;
  GtkWidget *list;

  if (!sila_session_can (session, SILA_PERM_CONTACT_VIEW))
    return NULL;

  sila_contact_filter_init (&filter);
  filter.beneficiary_id = file->id;
  contacts = sila_store_list_contacts (sila_session_get_store (session),
                                       sila_session_get_actor (session), &filter, 20, NULL);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  if (contacts == NULL || contacts->len == 0)
    {
      GtkWidget *none = gtk_label_new (_("No contact with this beneficiary is recorded yet."));

      gtk_label_set_xalign (GTK_LABEL (none), 0);
      gtk_label_set_wrap (GTK_LABEL (none), TRUE);
      gtk_widget_add_css_class (none, "dim-label");
      gtk_box_append (GTK_BOX (box), none);
    }
  else
    {
      list = gtk_list_box_new ();
      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (list, "boxed-list");
      for (guint i = 0; i < contacts->len; i++)
        gtk_list_box_append (GTK_LIST_BOX (list),
                             sila_contact_row_new (session, g_ptr_array_index (contacts, i)));
      gtk_box_append (GTK_BOX (box), list);
    }

  if (sila_session_can (session, SILA_PERM_CONTACT_EDIT))
    {
      GtkWidget *record = gtk_button_new_with_mnemonic (_("_Record a Contact With Them"));

      gtk_widget_set_halign (record, GTK_ALIGN_START);
      g_object_set_data_full (G_OBJECT (record), "sila-session", g_object_ref (session),
                              g_object_unref);
      g_object_set_data_full (G_OBJECT (record), "sila-file-id", g_strdup (file->id), g_free);
      g_signal_connect (record, "clicked", G_CALLBACK (record_contact_cb), NULL);
      gtk_box_append (GTK_BOX (box), record);
    }

  return box;
}
