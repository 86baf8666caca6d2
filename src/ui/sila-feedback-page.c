/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-ui"

#include "sila-config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sila-channel.h"
#include "sila-clock.h"
#include "sila-date.h"
#include "sila-display.h"
#include "sila-feedback-dialog.h"
#include "sila-feedback-page.h"
#include "sila-format.h"
#include "sila-store-feedback.h"

#define ROWS_SHOWN 500

#define SEPARATOR SILA_DISPLAY_SEPARATOR

struct _SilaFeedbackPage
{
  AdwBin       parent_instance;

  SilaSession *session;
  GPtrArray   *items;
  guint        n_overdue;

  /* Template widgets */
  GtkDropDown *filter;
  GtkLabel    *counts_label;
  GtkStack    *stack;
  GtkListBox  *list;
};

G_DEFINE_FINAL_TYPE (SilaFeedbackPage, sila_feedback_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWidget *
pill (const char *text,
      const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "sila-pill");
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
item_row (SilaFeedbackPage       *self,
          const SilaFeedbackItem *item,
          const GDate            *today)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *number = sila_format_int (item->number);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *due = NULL;
  g_autofree char *first_line = NULL;
  g_autoptr(GString) details = g_string_new (NULL);
  int late = sila_feedback_item_days_overdue (item, today);
  SilaChannel channel;
  GtkWidget *due_label;

  /* TRANSLATORS: "Complaint No. 12"; the first %s is the kind. */
  title = g_strdup_printf (_("%s No. %s"), sila_feedback_kind_to_display (item->kind), number);
  first_line = g_strndup (item->description,
                          strcspn (item->description != NULL ? item->description : "", "\n"));
  g_string_append (details, first_line);
  if (item->channel != NULL && sila_channel_parse (item->channel, &channel, NULL))
    g_string_append_printf (details, "%s%s", SEPARATOR, sila_channel_to_display (channel));
  if (item->responsible != NULL)
    g_string_append_printf (details, "%s%s", SEPARATOR, item->responsible);
  subtitle = g_markup_escape_text (details->str, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "item", (gpointer)item);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name (item->kind == SILA_FEEDBACK_COMPLAINT
                                                             ? "dialog-warning-symbolic"
                                                             : "starred-symbolic"));

  if (late > 0)
    {
      g_autofree char *days = sila_format_int (late);

      due = g_strdup_printf (ngettext ("Overdue by %s day", "Overdue by %s days", late), days);
      gtk_widget_add_css_class (row, "sila-overdue-row");
    }
  else if (item->status < SILA_FEEDBACK_ANSWERED)
    {
      g_autofree char *date = sila_date_format (&item->due_on, SILA_CALENDAR_GREGORIAN);

      due = g_strdup_printf (_("Due %s"), date);
    }
  if (due != NULL)
    {
      due_label = gtk_label_new (due);
      gtk_widget_set_valign (due_label, GTK_ALIGN_CENTER);
      if (late > 0)
        gtk_widget_add_css_class (due_label, "sila-overdue");
      else
        gtk_widget_add_css_class (due_label, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), due_label);
    }

  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             pill (sila_feedback_status_to_display (item->status),
                                   item->status == SILA_FEEDBACK_NEW ? "sila-pill-new"
                                   : item->status == SILA_FEEDBACK_IN_PROGRESS
                                   ? "sila-pill-progress" : NULL));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));

  return row;
}

void
sila_feedback_page_refresh (SilaFeedbackPage *self)
{
  g_autoptr(GError) error = NULL;
  SilaStore *store = sila_session_get_store (self->session);
  const SilaActor *actor = sila_session_get_actor (self->session);
  guint which = gtk_drop_down_get_selected (self->filter);
  gint64 open = 0, overdue = 0;
  GtkWidget *child;
  GDate today;

  g_return_if_fail (SILA_IS_FEEDBACK_PAGE (self));

  if (!sila_session_can (self->session, SILA_PERM_FEEDBACK_VIEW))
    {
      gtk_stack_set_visible_child_name (self->stack, "denied");
      return;
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  self->n_overdue = 0;

  self->items = sila_store_list_feedback (store, actor,
                                          which == 1 ? SILA_FEEDBACK_LIST_OVERDUE
                                          : which == 2 ? SILA_FEEDBACK_LIST_ALL
                                          : SILA_FEEDBACK_LIST_OPEN,
                                          ROWS_SHOWN, &error);
  if (self->items == NULL || !sila_store_count_feedback (store, actor, &open, &overdue, &error))
    {
      gtk_label_set_label (self->counts_label, error->message);
      return;
    }

  sila_clock_today (&today);
  for (guint i = 0; i < self->items->len; i++)
    {
      const SilaFeedbackItem *item = g_ptr_array_index (self->items, i);

      if (sila_feedback_item_is_overdue (item, &today))
        self->n_overdue++;
      gtk_list_box_append (self->list, item_row (self, item, &today));
    }

  {
    g_autofree char *n_open = sila_format_int (open);
    g_autofree char *n_overdue = sila_format_int (overdue);
    g_autofree char *open_text = g_strdup_printf (ngettext ("%s open", "%s open", open), n_open);
    g_autofree char *overdue_text = g_strdup_printf (ngettext ("%s overdue", "%s overdue",
                                                               overdue),
                                                     n_overdue);
    g_autofree char *counts = g_strconcat (open_text, SEPARATOR, overdue_text, NULL);

    gtk_label_set_label (self->counts_label, counts);
  }

  gtk_stack_set_visible_child_name (self->stack, self->items->len > 0 ? "list" : "empty");
}

static void
row_activated_cb (SilaFeedbackPage *self,
                  GtkListBoxRow    *row)
{
  const SilaFeedbackItem *item = g_object_get_data (G_OBJECT (row), "item");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  SilaFeedbackDialog *dialog;

  if (item == NULL)
    return;

  dialog = sila_feedback_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                     self->session, item);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  SilaFeedbackPage *self = SILA_FEEDBACK_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  SilaFeedbackDialog *dialog;

  dialog = sila_feedback_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                     self->session, NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
session_changed_cb (SilaFeedbackPage *self,
                    const char       *what,
                    SilaSession      *session)
{
  if (what == NULL || g_str_equal (what, "feedback") || g_str_equal (what, "settings"))
    sila_feedback_page_refresh (self);
}

static void
sila_feedback_page_constructed (GObject *object)
{
  SilaFeedbackPage *self = (SilaFeedbackPage *)object;
  const char *filters[] = { _("Open"), _("Overdue"), _("All"), NULL };

  G_OBJECT_CLASS (sila_feedback_page_parent_class)->constructed (object);

  g_assert (SILA_IS_SESSION (self->session));

  gtk_drop_down_set_model (self->filter, G_LIST_MODEL (gtk_string_list_new (filters)));
  g_signal_connect_object (self->filter, "notify::selected",
                           G_CALLBACK (sila_feedback_page_refresh), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "changed", G_CALLBACK (session_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "feedback.new",
                                 sila_session_can (self->session, SILA_PERM_FEEDBACK_EDIT) &&
                                 !sila_store_is_read_only (sila_session_get_store (self->session)));
  sila_feedback_page_refresh (self);
}

static void
sila_feedback_page_dispose (GObject *object)
{
  SilaFeedbackPage *self = (SilaFeedbackPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SILA_TYPE_FEEDBACK_PAGE);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (sila_feedback_page_parent_class)->dispose (object);
}

static void
sila_feedback_page_finalize (GObject *object)
{
  SilaFeedbackPage *self = (SilaFeedbackPage *)object;

  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (sila_feedback_page_parent_class)->finalize (object);
}

static void
sila_feedback_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SilaFeedbackPage *self = SILA_FEEDBACK_PAGE (object);

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
sila_feedback_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SilaFeedbackPage *self = SILA_FEEDBACK_PAGE (object);

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
sila_feedback_page_class_init (SilaFeedbackPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sila_feedback_page_constructed;
  object_class->dispose = sila_feedback_page_dispose;
  object_class->finalize = sila_feedback_page_finalize;
  object_class->get_property = sila_feedback_page_get_property;
  object_class->set_property = sila_feedback_page_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, SILA_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/sila-feedback-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SilaFeedbackPage, filter);
  gtk_widget_class_bind_template_child (widget_class, SilaFeedbackPage, counts_label);
  gtk_widget_class_bind_template_child (widget_class, SilaFeedbackPage, stack);
  gtk_widget_class_bind_template_child (widget_class, SilaFeedbackPage, list);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "feedback.new", NULL, new_action);
}

static void
sila_feedback_page_init (SilaFeedbackPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
sila_feedback_page_new (SilaSession *session)
{
  return g_object_new (SILA_TYPE_FEEDBACK_PAGE, "session", session, NULL);
}

guint
sila_feedback_page_get_n_rows (SilaFeedbackPage *self)
{
  g_return_val_if_fail (SILA_IS_FEEDBACK_PAGE (self), 0);

  return self->items != NULL ? self->items->len : 0;
}

guint
sila_feedback_page_get_n_overdue (SilaFeedbackPage *self)
{
  g_return_val_if_fail (SILA_IS_FEEDBACK_PAGE (self), 0);

  return self->n_overdue;
}
