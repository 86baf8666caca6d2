/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-ui"

#include "sila-config.h"

#include <glib/gi18n.h>

#include "sila-format.h"
#include "sila-retention-row.h"
#include "sila-store-person.h"

struct _SilaRetentionRow
{
  AdwActionRow  parent_instance;

  SilaSession  *session;   /* weak: the preferences window may keep rows past it */
  GArray       *expired;   /* file numbers */
  GtkWidget    *button;
};

G_DEFINE_FINAL_TYPE (SilaRetentionRow, sila_retention_row, ADW_TYPE_ACTION_ROW)

static void
show_message (SilaRetentionRow *self,
              const char       *text,
              gboolean          is_error)
{
  g_autofree char *markup = g_markup_escape_text (text, -1);

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), markup);
  if (is_error)
    gtk_widget_add_css_class (GTK_WIDGET (self), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "error");
}

static void
reload (SilaRetentionRow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;
  g_autofree char *text = NULL;

  g_clear_pointer (&self->expired, g_array_unref);
  if (self->session == NULL)
    return;
  self->expired = sila_store_list_expired_files (sila_session_get_store (self->session),
                                                 sila_session_get_actor (self->session), &error);
  if (self->expired == NULL)
    {
      show_message (self, error->message, TRUE);
      gtk_widget_set_sensitive (self->button, FALSE);
      return;
    }

  count = sila_format_int (self->expired->len);
  text = g_strdup_printf (ngettext ("%s closed file is past the retention period.",
                                    "%s closed files are past the retention period.",
                                    self->expired->len),
                          count);
  show_message (self, text, FALSE);
  gtk_widget_set_sensitive (self->button,
                            self->expired->len > 0 &&
                            !sila_store_is_read_only (sila_session_get_store (self->session)));
}

/* Anonymizes the files counted now; says what happened in the row.
 * Returns whether it was done. */
gboolean
sila_retention_row_anonymize (SilaRetentionRow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;
  g_autofree char *text = NULL;
  guint n;

  g_return_val_if_fail (SILA_IS_RETENTION_ROW (self), FALSE);

  if (self->expired == NULL || self->session == NULL)
    return FALSE;

  n = self->expired->len;
  if (!sila_store_anonymize_files (sila_session_get_store (self->session),
                                   sila_session_get_actor (self->session), self->expired,
                                   &error))
    {
      show_message (self, error->message, TRUE);
      return FALSE;
    }

  sila_session_notify_changed (self->session, "beneficiary");
  reload (self);
  count = sila_format_int (n);
  text = g_strdup_printf (ngettext ("%s file was anonymized.", "%s files were anonymized.", n),
                          count);
  show_message (self, text, FALSE);
  return TRUE;
}

static void
confirm_response_cb (SilaRetentionRow *self,
                     const char       *response,
                     AdwMessageDialog *dialog)
{
  if (g_str_equal (response, "anonymize"))
    sila_retention_row_anonymize (self);
}

static void
button_clicked_cb (SilaRetentionRow *self)
{
  GtkWidget *dialog;
  g_autofree char *count = NULL;
  g_autofree char *body = NULL;

  if (self->expired == NULL || self->expired->len == 0)
    return;

  count = sila_format_int (self->expired->len);
  body = g_strdup_printf (ngettext ("Names, ID numbers, phones, addresses, notes and scanned "
                                    "documents of %s file will be removed for good. Its figures "
                                    "stay in the reports. This cannot be undone.",
                                    "Names, ID numbers, phones, addresses, notes and scanned "
                                    "documents of %s files will be removed for good. Their "
                                    "figures stay in the reports. This cannot be undone.",
                                    self->expired->len),
                          count);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Anonymize Closed Files?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "anonymize", _("_Anonymize"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "anonymize",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
sila_retention_row_dispose (GObject *object)
{
  SilaRetentionRow *self = (SilaRetentionRow *)object;

  g_clear_weak_pointer (&self->session);
  g_clear_pointer (&self->expired, g_array_unref);

  G_OBJECT_CLASS (sila_retention_row_parent_class)->dispose (object);
}

static void
sila_retention_row_class_init (SilaRetentionRowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = sila_retention_row_dispose;
}

static void
sila_retention_row_init (SilaRetentionRow *self)
{
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), _("Anonymize closed files"));
  self->button = gtk_button_new_with_mnemonic (_("_Anonymize…"));
  gtk_widget_set_valign (self->button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->button, "destructive-action");
  g_signal_connect_object (self->button, "clicked", G_CALLBACK (button_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), self->button);
}

GtkWidget *
sila_retention_row_new (SilaSession *session)
{
  SilaRetentionRow *self;

  g_return_val_if_fail (SILA_IS_SESSION (session), NULL);

  self = g_object_new (SILA_TYPE_RETENTION_ROW, NULL);
  g_set_weak_pointer (&self->session, session);
  reload (self);

  return GTK_WIDGET (self);
}

guint
sila_retention_row_get_count (SilaRetentionRow *self)
{
  g_return_val_if_fail (SILA_IS_RETENTION_ROW (self), 0);

  return self->expired != NULL ? self->expired->len : 0;
}
