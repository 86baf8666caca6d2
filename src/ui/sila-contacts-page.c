/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-ui"

#include "sila-config.h"

#include <glib/gi18n.h>

#include "sila-clock.h"
#include "sila-contact-row.h"
#include "sila-contacts-page.h"
#include "sila-date.h"
#include "sila-field-error.h"
#include "sila-format.h"

#define LIMIT 500

struct _SilaContactsPage
{
  GtkWidget    parent_instance;

  SilaSession *session;
  guint        n_rows;

  /* Template widgets */
  GtkDropDown *channel_drop;
  GtkDropDown *status_drop;
  GtkEntry    *since_entry;
  GtkEntry    *until_entry;
  GtkLabel    *filter_error;
  GtkLabel    *count_label;
  GtkListBox  *contact_list;
};

G_DEFINE_FINAL_TYPE (SilaContactsPage, sila_contacts_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A date filter as typed: empty, or a day in either calendar. */
static gboolean
read_day (SilaContactsPage  *self,
          GtkEntry          *entry,
          char             **iso)
{
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  GDate date;

  *iso = NULL;
  if (*text == '\0')
    return TRUE;
  if (!sila_date_parse_guess (text, &date, NULL, &error))
    {
      sila_field_error_show (GTK_WIDGET (entry), self->filter_error, error);
      return FALSE;
    }
  *iso = sila_date_to_iso (&date);
  return TRUE;
}

static void
reload (SilaContactsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autofree char *since = NULL;
  g_autofree char *until = NULL;
  g_autofree char *count = NULL;
  g_autofree char *text = NULL;
  SilaContactFilter filter;
  guint channel = gtk_drop_down_get_selected (self->channel_drop);
  guint status = gtk_drop_down_get_selected (self->status_drop);
  GtkWidget *child;

  sila_field_error_clear (GTK_WIDGET (self->since_entry), self->filter_error);
  gtk_widget_remove_css_class (GTK_WIDGET (self->until_entry), "error");
  if (!read_day (self, self->since_entry, &since) || !read_day (self, self->until_entry, &until))
    return;

  sila_contact_filter_init (&filter);
  if (channel != GTK_INVALID_LIST_POSITION && channel > 0)
    filter.channel = (int)channel - 1;
  if (status != GTK_INVALID_LIST_POSITION && status > 0)
    filter.status = (int)status - 1;
  filter.since = since;
  filter.until = until;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->contact_list))) != NULL)
    gtk_list_box_remove (self->contact_list, child);
  self->n_rows = 0;

  contacts = sila_store_list_contacts (sila_session_get_store (self->session),
                                       sila_session_get_actor (self->session), &filter, LIMIT,
                                       &error);
  if (contacts == NULL)
    {
      gtk_label_set_label (self->count_label, error->message);
      return;
    }

  for (guint i = 0; i < contacts->len; i++)
    gtk_list_box_append (self->contact_list,
                         sila_contact_row_new (self->session, g_ptr_array_index (contacts, i)));
  self->n_rows = contacts->len;

  count = sila_format_int (contacts->len);
  if (contacts->len == 0)
    text = g_strdup (_("No contact matches. Record one with “New Contact…” or Ctrl+I."));
  else if (contacts->len >= LIMIT)
    text = g_strdup_printf (_("The newest %s contacts; narrow the dates to see older ones."),
                            count);
  else
    text = g_strdup_printf (ngettext ("%s contact", "%s contacts", contacts->len), count);
  gtk_label_set_label (self->count_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->contact_list), contacts->len > 0);
}

static void
session_changed_cb (SilaContactsPage *self,
                    const char       *what,
                    SilaSession      *session)
{
  if (what == NULL || g_str_equal (what, "contacts"))
    reload (self);
}

static void
sila_contacts_page_constructed (GObject *object)
{
  SilaContactsPage *self = (SilaContactsPage *)object;
  g_autoptr(GtkStringList) channels = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

  G_OBJECT_CLASS (sila_contacts_page_parent_class)->constructed (object);

  gtk_string_list_append (channels, _("Any channel"));
  for (guint i = 0; i < SILA_N_CHANNELS; i++)
    gtk_string_list_append (channels, sila_channel_to_display (i));
  gtk_drop_down_set_model (self->channel_drop, G_LIST_MODEL (channels));
  gtk_string_list_append (statuses, _("Any status"));
  for (guint i = 0; i < SILA_N_CONTACT_STATUSES; i++)
    gtk_string_list_append (statuses, sila_contact_status_to_display (i));
  gtk_drop_down_set_model (self->status_drop, G_LIST_MODEL (statuses));

  g_signal_connect_swapped (self->channel_drop, "notify::selected", G_CALLBACK (reload), self);
  g_signal_connect_swapped (self->status_drop, "notify::selected", G_CALLBACK (reload), self);
  g_signal_connect_swapped (self->since_entry, "activate", G_CALLBACK (reload), self);
  g_signal_connect_swapped (self->until_entry, "activate", G_CALLBACK (reload), self);
  g_signal_connect_object (self->session, "changed", G_CALLBACK (session_changed_cb), self,
                           G_CONNECT_SWAPPED);
  reload (self);
}

static void
sila_contacts_page_dispose (GObject *object)
{
  SilaContactsPage *self = (SilaContactsPage *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), SILA_TYPE_CONTACTS_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (sila_contacts_page_parent_class)->dispose (object);
}

static void
sila_contacts_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SilaContactsPage *self = SILA_CONTACTS_PAGE (object);

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
sila_contacts_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SilaContactsPage *self = SILA_CONTACTS_PAGE (object);

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
sila_contacts_page_class_init (SilaContactsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sila_contacts_page_constructed;
  object_class->dispose = sila_contacts_page_dispose;
  object_class->get_property = sila_contacts_page_get_property;
  object_class->set_property = sila_contacts_page_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, SILA_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/sila-contacts-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SilaContactsPage, channel_drop);
  gtk_widget_class_bind_template_child (widget_class, SilaContactsPage, status_drop);
  gtk_widget_class_bind_template_child (widget_class, SilaContactsPage, since_entry);
  gtk_widget_class_bind_template_child (widget_class, SilaContactsPage, until_entry);
  gtk_widget_class_bind_template_child (widget_class, SilaContactsPage, filter_error);
  gtk_widget_class_bind_template_child (widget_class, SilaContactsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, SilaContactsPage, contact_list);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
sila_contacts_page_init (SilaContactsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_direction (GTK_WIDGET (self->since_entry), GTK_TEXT_DIR_LTR);
  gtk_widget_set_direction (GTK_WIDGET (self->until_entry), GTK_TEXT_DIR_LTR);
}

guint
sila_contacts_page_count (SilaContactsPage *self)
{
  g_return_val_if_fail (SILA_IS_CONTACTS_PAGE (self), 0);

  return self->n_rows;
}
