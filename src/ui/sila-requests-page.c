/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-ui"

#include "sila-config.h"

#include <glib/gi18n.h>

#include "sila-clock.h"
#include "sila-contact-row.h"
#include "sila-date.h"
#include "sila-display.h"
#include "sila-format.h"
#include "sila-new-request-window.h"
#include "sila-request-list-model.h"
#include "sila-requests-page.h"
#include "sila-store-contacts.h"

#define QUEUE_LIMIT 300

struct _SilaRequestsPage
{
  GtkWidget             parent_instance;

  SilaSession          *session;
  SilaRequestListModel *model;
  SilaRequestView      *request_view;
  GPtrArray            *type_codes;   /* in type_drop's order, after "any" */

  /* Template widgets */
  GtkStack             *main_stack;
  AdwViewStack         *views;
  GtkSearchEntry       *search_entry;
  GtkDropDown          *status_drop;
  GtkDropDown          *type_drop;
  GtkDropDown          *channel_drop;
  GtkCheckButton       *overdue_check;
  GtkLabel             *count_label;
  GtkListView          *list_view;
  GtkLabel             *committee_label;
  GtkListBox           *committee_list;
  GtkLabel             *research_label;
  GtkListBox           *research_list;
  GtkLabel             *referral_label;
  GtkListBox           *referral_list;
  GtkBox               *request_box;
  GtkWidget            *new_button;
};

G_DEFINE_FINAL_TYPE (SilaRequestsPage, sila_requests_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* How a request's due date reads in a list, and its style. */
static char *
due_text (SilaRequestStatus  status,
          const GDate       *due,
          const char       **css_class)
{
  GDate today;
  char *text;

  sila_clock_today (&today);
  text = sila_request_describe_due (status, due, &today);
  *css_class = sila_request_is_overdue (status, due, &today) ? "sila-overdue"
               : sila_request_is_due_soon (status, due, &today) ? "warning" : "dim-label";
  return text != NULL ? text : g_strdup ("");
}

/* The list */

static void
setup_item_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               SilaRequestsPage         *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  const char *names[] = { "number", "name", "type", "status", "due" };
  int widths[] = { 11, 26, 16, 18, 18 };

  /* The status column fits the longest status in the UI language
   * ("Referred to social research"). */
  for (SilaRequestStatus st = 0; st < SILA_N_REQUEST_STATUSES; st++)
    widths[3] = MAX (widths[3], (int)g_utf8_strlen (sila_request_status_to_display (st), -1));

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GtkWidget *label = gtk_label_new (NULL);

      gtk_widget_set_name (label, names[i]);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), widths[i]);
      gtk_label_set_max_width_chars (GTK_LABEL (label), widths[i]);
      gtk_widget_set_hexpand (label, i == 1);
      if (i == 0)
        gtk_widget_set_direction (label, GTK_TEXT_DIR_LTR);
      gtk_box_append (GTK_BOX (box), label);
    }
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_item_set_child (item, box);
}

static void
bind_item_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              SilaRequestsPage         *self)
{
  SilaRequestRow *row = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *label = gtk_widget_get_first_child (box);
  g_autofree char *due = NULL;
  const char *css = NULL;
  const char *texts[5];

  if (row == NULL)
    return;

  due = due_text (sila_request_row_get_status (row), sila_request_row_get_due (row), &css);
  texts[0] = sila_request_row_get_number (row);
  texts[1] = sila_request_row_get_beneficiary (row);
  texts[2] = sila_request_row_get_type_display (row);
  texts[3] = sila_request_status_to_display (sila_request_row_get_status (row));
  texts[4] = due;

  for (guint i = 0; label != NULL; i++, label = gtk_widget_get_next_sibling (label))
    {
      gtk_label_set_label (GTK_LABEL (label), texts[i]);
      if (i == 4)
        {
          gtk_widget_remove_css_class (label, "sila-overdue");
          gtk_widget_remove_css_class (label, "warning");
          gtk_widget_remove_css_class (label, "dim-label");
          gtk_widget_add_css_class (label, css);
        }
    }
}

static void
refresh_list (SilaRequestsPage *self)
{
  g_autoptr(GError) error = NULL;
  SilaRequestFilter filter;
  guint status = gtk_drop_down_get_selected (self->status_drop);
  guint type = gtk_drop_down_get_selected (self->type_drop);
  guint channel = gtk_drop_down_get_selected (self->channel_drop);
  g_autofree char *count = NULL;
  g_autofree char *text = NULL;
  guint n;

  sila_request_filter_init (&filter);
  if (status != GTK_INVALID_LIST_POSITION && status > 0)
    filter.status = (int)status - 1;
  if (type != GTK_INVALID_LIST_POSITION && type > 0 && type - 1 < self->type_codes->len)
    filter.type = g_ptr_array_index (self->type_codes, type - 1);
  if (channel != GTK_INVALID_LIST_POSITION && channel > 0)
    filter.channel = (int)channel - 1;
  filter.overdue_only = gtk_check_button_get_active (self->overdue_check);
  filter.text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  if (filter.overdue_only)
    filter.order = SILA_REQUEST_ORDER_DUE;

  if (!sila_request_list_model_set_filter (self->model, &filter, &error))
    {
      gtk_label_set_label (self->count_label, error->message);
      return;
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  count = sila_format_int (n);
  text = g_strdup_printf (ngettext ("%s request", "%s requests", n), count);
  gtk_label_set_label (self->count_label, text);
}

static void
filter_changed_cb (SilaRequestsPage *self)
{
  refresh_list (self);
}

static void
list_activate_cb (SilaRequestsPage *self,
                  guint             position,
                  GtkListView      *view)
{
  g_autoptr(SilaRequestRow) row = g_list_model_get_item (G_LIST_MODEL (self->model), position);

  if (row != NULL)
    sila_requests_page_show_request (self, sila_request_row_get_id (row));
}

/* The queues */

static void
queue_row_activated_cb (AdwActionRow     *row,
                        SilaRequestsPage *self)
{
  sila_requests_page_show_request (self, gtk_widget_get_name (GTK_WIDGET (row)));
}

static void
clear_list_box (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static guint
fill_queue (SilaRequestsPage        *self,
            GtkListBox              *list,
            const SilaRequestFilter *filter)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  clear_list_box (list);
  rows = sila_store_list_requests (sila_session_get_store (self->session),
                                   sila_session_get_actor (self->session), filter, QUEUE_LIMIT,
                                   &error);
  if (rows == NULL)
    return 0;

  for (guint i = 0; i < rows->len; i++)
    {
      SilaRequestRow *r = g_ptr_array_index (rows, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *due_label;
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *due = NULL;
      g_autofree char *received = sila_date_format (sila_request_row_get_received (r),
                                                    SILA_CALENDAR_GREGORIAN);
      const char *css;

      title = g_markup_printf_escaped ("%s — %s", sila_request_row_get_number (r),
                                       sila_request_row_get_beneficiary (r));
      {
        g_autofree char *on = g_strdup_printf (_("received on %s"), received);
        g_autofree char *researcher = NULL;
        g_autofree char *line = NULL;

        if (sila_request_row_get_researcher (r) != NULL)
          researcher = g_strdup_printf (_("researcher: %s"),
                                       sila_display_person (NULL,
                                                            sila_request_row_get_researcher (r)));
        line = sila_display_join (sila_request_row_get_type_display (r), on, researcher, NULL);
        subtitle = g_markup_escape_text (line, -1);
      }
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      due = due_text (sila_request_row_get_status (r), sila_request_row_get_due (r), &css);
      due_label = gtk_label_new (due);
      gtk_widget_add_css_class (due_label, css);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), due_label);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_set_name (row, sila_request_row_get_id (r));
      g_signal_connect (row, "activated", G_CALLBACK (queue_row_activated_cb), self);
      gtk_list_box_append (list, row);
    }

  return rows->len;
}

static void
refresh_queues (SilaRequestsPage *self)
{
  const SilaActor *actor = sila_session_get_actor (self->session);
  SilaRequestFilter filter;
  SilaContactFilter contacts;
  g_autoptr(GPtrArray) referred = NULL;
  g_autofree char *count = NULL;
  g_autofree char *text = NULL;
  guint n;

  /* The committee's: oldest due first, so that none waits past its window. */
  sila_request_filter_init (&filter);
  filter.status = SILA_REQUEST_WITH_COMMITTEE;
  filter.order = SILA_REQUEST_ORDER_DUE;
  n = fill_queue (self, self->committee_list, &filter);
  count = sila_format_int (n);
  text = n == 0 ? g_strdup (_("No request waits for the committee."))
                : g_strdup_printf (ngettext ("%s request waits for the committee’s decision, the "
                                             "nearest due date first.",
                                             "%s requests wait for the committee’s decision, "
                                             "the nearest due date first.", n), count);
  gtk_label_set_label (self->committee_label, text);

  /* The researcher's: referred to them, or to no one yet. */
  sila_request_filter_init (&filter);
  filter.status = SILA_REQUEST_IN_RESEARCH;
  filter.order = SILA_REQUEST_ORDER_DUE;
  if (!sila_actor_is_owner (actor) && sila_actor_has_role (actor, SILA_ROLE_RESEARCHER))
    filter.researcher = actor->username;
  n = fill_queue (self, self->research_list, &filter);
  g_free (count);
  g_free (text);
  count = sila_format_int (n);
  text = n == 0 ? g_strdup (_("No request waits for social research."))
                : g_strdup_printf (ngettext ("%s request waits for its research report.",
                                             "%s requests wait for their research report.", n),
                                   count);
  gtk_label_set_label (self->research_label, text);

  clear_list_box (self->referral_list);
  sila_contact_filter_init (&contacts);
  contacts.status = SILA_CONTACT_REFERRED;
  if (filter.researcher != NULL)
    contacts.referred_to = filter.researcher;
  if (sila_session_can (self->session, SILA_PERM_CONTACT_VIEW))
    referred = sila_store_list_contacts (sila_session_get_store (self->session), actor, &contacts,
                                         QUEUE_LIMIT, NULL);
  for (guint i = 0; referred != NULL && i < referred->len; i++)
    gtk_list_box_append (self->referral_list,
                         sila_contact_row_new (self->session, g_ptr_array_index (referred, i)));
  gtk_label_set_label (self->referral_label,
                       referred != NULL && referred->len > 0
                       ? _("The officers referred these people’s questions (policy: when the "
                           "procedures are unclear to them).")
                       : _("No question is referred now."));
}

static void
session_changed_cb (SilaRequestsPage *self,
                    const char       *what,
                    SilaSession      *session)
{
  if (what != NULL && !g_str_equal (what, "requests") && !g_str_equal (what, "contacts"))
    return;

  refresh_list (self);
  refresh_queues (self);
}

/* Actions */

static void
request_opened_cb (SilaRequestsPage     *self,
                   const char           *id,
                   SilaNewRequestWindow *window)
{
  sila_session_notify_changed (self->session, "requests");
  sila_requests_page_show_request (self, id);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  SilaRequestsPage *self = SILA_REQUESTS_PAGE (widget);
  SilaNewRequestWindow *window;

  window = sila_new_request_window_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->session,
                                        NULL);
  g_signal_connect_object (window, "opened", G_CALLBACK (request_opened_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SilaRequestsPage *self = SILA_REQUESTS_PAGE (widget);

  gtk_stack_set_visible_child_name (self->main_stack, "lists");
}

/* Overrides */

static void
fill_filters (SilaRequestsPage *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) types = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) channels = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) entries = NULL;

  gtk_string_list_append (statuses, _("Any status"));
  for (guint i = 0; i < SILA_N_REQUEST_STATUSES; i++)
    gtk_string_list_append (statuses, sila_request_status_to_display (i));
  gtk_drop_down_set_model (self->status_drop, G_LIST_MODEL (statuses));

  gtk_string_list_append (types, _("Any type"));
  entries = sila_store_list_request_types (sila_session_get_store (self->session), TRUE, NULL);
  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      const SilaTypeEntry *entry = g_ptr_array_index (entries, i);

      gtk_string_list_append (types, sila_type_entry_get_display (entry));
      g_ptr_array_add (self->type_codes, g_strdup (entry->code));
    }
  gtk_drop_down_set_model (self->type_drop, G_LIST_MODEL (types));

  gtk_string_list_append (channels, _("Any channel"));
  for (guint i = 0; i < SILA_N_CHANNELS; i++)
    gtk_string_list_append (channels, sila_channel_to_display (i));
  gtk_drop_down_set_model (self->channel_drop, G_LIST_MODEL (channels));
}

static void
sila_requests_page_constructed (GObject *object)
{
  SilaRequestsPage *self = (SilaRequestsPage *)object;
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkNoSelection *selection;

  G_OBJECT_CLASS (sila_requests_page_parent_class)->constructed (object);

  g_assert (SILA_IS_SESSION (self->session));

  self->request_view = SILA_REQUEST_VIEW (sila_request_view_new (self->session));
  gtk_widget_set_vexpand (GTK_WIDGET (self->request_view), TRUE);
  gtk_box_append (self->request_box, GTK_WIDGET (self->request_view));

  fill_filters (self);
  self->model = sila_request_list_model_new (self->session);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_item_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_item_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);

  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (filter_changed_cb),
                            self);
  g_signal_connect_swapped (self->status_drop, "notify::selected", G_CALLBACK (filter_changed_cb),
                            self);
  g_signal_connect_swapped (self->type_drop, "notify::selected", G_CALLBACK (filter_changed_cb),
                            self);
  g_signal_connect_swapped (self->channel_drop, "notify::selected",
                            G_CALLBACK (filter_changed_cb), self);
  g_signal_connect_swapped (self->overdue_check, "toggled", G_CALLBACK (filter_changed_cb), self);
  g_signal_connect_swapped (self->list_view, "activate", G_CALLBACK (list_activate_cb), self);
  g_signal_connect_object (self->session, "changed", G_CALLBACK (session_changed_cb), self,
                           G_CONNECT_SWAPPED);

  /* Each role lands where its work is. */
  {
    const SilaActor *actor = sila_session_get_actor (self->session);

    if (!sila_actor_is_owner (actor) && actor->roles == SILA_ROLE_COMMITTEE)
      adw_view_stack_set_visible_child_name (self->views, "committee");
    else if (!sila_actor_is_owner (actor) && actor->roles == SILA_ROLE_RESEARCHER)
      adw_view_stack_set_visible_child_name (self->views, "research");
  }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "requests.new",
                                 sila_session_can (self->session, SILA_PERM_REQUEST_OPEN) &&
                                 !sila_store_is_read_only (sila_session_get_store (self->session)));
  /* Requests are opened by officers: others are not offered the button. */
  gtk_widget_set_visible (self->new_button,
                          sila_session_can (self->session, SILA_PERM_REQUEST_OPEN));

  refresh_list (self);
  refresh_queues (self);
}

static void
sila_requests_page_dispose (GObject *object)
{
  SilaRequestsPage *self = (SilaRequestsPage *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), SILA_TYPE_REQUESTS_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->model);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (sila_requests_page_parent_class)->dispose (object);
}

static void
sila_requests_page_finalize (GObject *object)
{
  SilaRequestsPage *self = (SilaRequestsPage *)object;

  g_ptr_array_unref (self->type_codes);

  G_OBJECT_CLASS (sila_requests_page_parent_class)->finalize (object);
}

static void
sila_requests_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SilaRequestsPage *self = SILA_REQUESTS_PAGE (object);

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
sila_requests_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SilaRequestsPage *self = SILA_REQUESTS_PAGE (object);

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
sila_requests_page_class_init (SilaRequestsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sila_requests_page_constructed;
  object_class->dispose = sila_requests_page_dispose;
  object_class->finalize = sila_requests_page_finalize;
  object_class->get_property = sila_requests_page_get_property;
  object_class->set_property = sila_requests_page_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, SILA_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/sila-requests-page.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, SilaRequestsPage, name)
  CHILD (main_stack);
  CHILD (views);
  CHILD (search_entry);
  CHILD (status_drop);
  CHILD (type_drop);
  CHILD (channel_drop);
  CHILD (overdue_check);
  CHILD (count_label);
  CHILD (list_view);
  CHILD (committee_label);
  CHILD (committee_list);
  CHILD (research_label);
  CHILD (research_list);
  CHILD (referral_label);
  CHILD (referral_list);
  CHILD (request_box);
  CHILD (new_button);
#undef CHILD

  gtk_widget_class_install_action (widget_class, "requests.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "requests.back", NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "requests.back", NULL);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
sila_requests_page_init (SilaRequestsPage *self)
{
  self->type_codes = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
}

gboolean
sila_requests_page_show_request (SilaRequestsPage *self,
                                 const char       *id)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (SILA_IS_REQUESTS_PAGE (self), FALSE);

  if (!sila_request_view_load (self->request_view, id, &error))
    {
      gtk_label_set_label (self->count_label, error->message);
      return FALSE;
    }

  gtk_stack_set_visible_child_name (self->main_stack, "request");
  sila_request_view_scroll_to_top (self->request_view);
  return TRUE;
}

void
sila_requests_page_show_list (SilaRequestsPage *self,
                              const char       *name)
{
  g_return_if_fail (SILA_IS_REQUESTS_PAGE (self));

  gtk_stack_set_visible_child_name (self->main_stack, "lists");
  adw_view_stack_set_visible_child_name (self->views, name);
}

SilaRequestView *
sila_requests_page_get_view (SilaRequestsPage *self)
{
  g_return_val_if_fail (SILA_IS_REQUESTS_PAGE (self), NULL);

  return self->request_view;
}

guint
sila_requests_page_count_listed (SilaRequestsPage *self)
{
  g_return_val_if_fail (SILA_IS_REQUESTS_PAGE (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->model));
}

GtkListBox *
sila_requests_page_get_queue (SilaRequestsPage *self,
                              const char       *name)
{
  g_return_val_if_fail (SILA_IS_REQUESTS_PAGE (self), NULL);

  if (g_strcmp0 (name, "committee") == 0)
    return self->committee_list;
  if (g_strcmp0 (name, "referrals") == 0)
    return self->referral_list;
  return self->research_list;
}
