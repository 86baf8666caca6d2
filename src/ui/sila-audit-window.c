/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-ui"

#include "sila-config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "sila-audit.h"
#include "sila-audit-item.h"
#include "sila-a11y.h"
#include "sila-audit-window.h"
#include "sila-clock.h"
#include "sila-display.h"
#include "sila-field-error.h"
#include "sila-policy.h"
#include "sila-store-audit-chain.h"
#include "sila-store-staff.h"
#include "sila-text.h"
#include "sila-validation.h"

/* Records read from the database at a time. */
#define PAGE_SIZE 200

typedef enum {
  COLUMN_WHEN,
  COLUMN_WHO,
  COLUMN_ACTION,
  COLUMN_WHAT,
  COLUMN_RECORD,
  COLUMN_SUMMARY,
  N_COLUMNS
} Column;

struct _SilaAuditWindow
{
  AdwWindow      parent_instance;

  SilaSession   *session;
  GListStore    *items;
  GStrv          actors;     /* codes behind the drop-downs, "" for all */
  GStrv          entities;
  GStrv          actions;
  GHashTable    *usernames;  /* staff id → user name, for the record column */
  gint64         oldest_seq;
  gboolean       filling;

  /* Template widgets */
  GtkSearchEntry *text_entry;
  GtkDropDown    *actor_dropdown;
  GtkDropDown    *entity_dropdown;
  GtkDropDown    *action_dropdown;
  GtkEntry       *since_entry;
  GtkLabel       *since_error;
  GtkEntry       *until_entry;
  GtkLabel       *until_error;
  GtkLabel       *count_label;
  GtkLabel       *tamper_label;
  GtkColumnView  *column_view;
  GtkWidget      *more_button;
  GtkTextView    *details_view;
};

G_DEFINE_FINAL_TYPE (SilaAuditWindow, sila_audit_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *column_titles[N_COLUMNS] = {
  N_("When"), N_("Who"), N_("Action"), N_("What"), N_("Record"), N_("Details"),
};

/* The record an entry is about, in words where the trail keeps a code: a
 * staff member's name, an office setting's name. */
static const char *
record_display (SilaAuditWindow      *self,
                const SilaAuditEntry *e)
{
  if (e->entity_id == NULL)
    return "";
  if (g_strcmp0 (e->entity, SILA_AUDIT_ENTITY_STAFF) == 0 &&
      g_hash_table_contains (self->usernames, e->entity_id))
    return g_hash_table_lookup (self->usernames, e->entity_id);
  if (g_strcmp0 (e->entity, SILA_AUDIT_ENTITY_SETTINGS) == 0)
    return sila_policy_setting_to_display (e->entity_id);
  return e->entity_id;
}

static char *
column_text (SilaAuditWindow      *self,
             const SilaAuditEntry *e,
             Column                column)
{
  switch (column)
    {
    case COLUMN_WHEN:
      return sila_audit_format_time (e->at);
    case COLUMN_WHO:
      return g_strdup (sila_audit_actor_to_display (e->actor_name));
    case COLUMN_ACTION:
      return g_strdup (sila_audit_action_to_display (e->action));
    case COLUMN_WHAT:
      return g_strdup (sila_audit_entity_to_display (e->entity));
    case COLUMN_RECORD:
      return g_strdup (record_display (self, e));
    case COLUMN_SUMMARY:
    case N_COLUMNS:
    default:
      return g_strdup (e->summary != NULL ? sila_audit_summary_to_display (e->summary) : "");
    }
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_list_item_set_child (item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  SilaAuditWindow *self = user_data;
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "sila-column"));
  SilaAuditItem *audit_item = gtk_list_item_get_item (item);
  g_autofree char *text = column_text (self, sila_audit_item_get_entry (audit_item), column);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

/* Filters */

/* A drop-down of "all" followed by the codes found in the trail, shown by
 * their names. */
static GStrv
fill_dropdown (SilaAuditWindow *self,
               GtkDropDown     *dropdown,
               const char      *column,
               const char      *all_label,
               const char    *(*to_display) (const char *))
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) values = NULL;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GStrvBuilder) codes = g_strv_builder_new ();

  values = sila_store_list_audit_values (sila_session_get_store (self->session),
                                         sila_session_get_actor (self->session), column, &error);
  gtk_string_list_append (labels, all_label);
  g_strv_builder_add (codes, "");
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      gtk_string_list_append (labels, to_display (values[i]));
      g_strv_builder_add (codes, values[i]);
    }

  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (dropdown, 0);

  return g_strv_builder_end (codes);
}

static const char *
selected_code (GtkDropDown *dropdown,
               GStrv        codes)
{
  guint i = gtk_drop_down_get_selected (dropdown);

  if (codes == NULL || i == GTK_INVALID_LIST_POSITION || i >= g_strv_length (codes) ||
      *codes[i] == '\0')
    return NULL;

  return codes[i];
}

/* The stored bound of a date typed in an entry; FALSE, with the error
 * beside the entry, if it is no date. */
static gboolean
read_date (GtkEntry  *entry,
           GtkLabel  *error_label,
           gboolean   next_day,
           char     **bound)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *ascii = g_strstrip (sila_text_digits_to_ascii (text));
  GDate date;

  *bound = NULL;
  if (*ascii == '\0')
    {
      sila_field_error_clear (GTK_WIDGET (entry), error_label);
      return TRUE;
    }

  if (!sila_date_from_iso (ascii, &date))
    {
      g_autoptr(GError) error = g_error_new_literal (SILA_VALIDATION_ERROR,
                                                     SILA_VALIDATION_ERROR_INVALID,
                                                     _("Write the date as YYYY-MM-DD."));

      sila_field_error_show (GTK_WIDGET (entry), error_label, error);
      return FALSE;
    }

  sila_field_error_clear (GTK_WIDGET (entry), error_label);
  if (next_day)
    g_date_add_days (&date, 1);
  *bound = sila_audit_local_day_start (&date);
  return TRUE;
}

static void
show_details (SilaAuditWindow *self)
{
  GtkSelectionModel *selection = gtk_column_view_get_model (self->column_view);
  SilaAuditItem *item = gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (selection));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->details_view);
  const SilaAuditEntry *e;
  g_autoptr(GString) text = NULL;
  const char *jsons[2];
  const char *titles[2];

  if (item == NULL)
    {
      gtk_text_buffer_set_text (buffer, "", -1);
      return;
    }

  e = sila_audit_item_get_entry (item);
  text = g_string_new (NULL);
  {
    g_autofree char *when = sila_audit_format_time (e->at);

    g_string_append_printf (text, "%s: %s\n", _("When"), when);
  }
  g_string_append_printf (text, "%s: %s\n", _("Who"), sila_audit_actor_to_display (e->actor_name));
  g_string_append_printf (text, "%s: %s\n", _("Action"), sila_audit_action_to_display (e->action));
  g_string_append_printf (text, "%s: %s %s\n", _("What"), sila_audit_entity_to_display (e->entity),
                          record_display (self, e));
  if (e->summary != NULL)
    g_string_append_printf (text, "%s: %s\n", _("Details"),
                            sila_audit_summary_to_display (e->summary));
  g_string_append_printf (text, "%s: %s\n", _("Device"), e->device_id != NULL ? e->device_id : "");

  jsons[0] = e->before_json;
  jsons[1] = e->after_json;
  titles[0] = _("Before");
  titles[1] = _("After");
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autofree char *pretty = NULL;

      if (jsons[i] == NULL)
        continue;

      if (json_parser_load_from_data (parser, jsons[i], -1, NULL))
        {
          json_generator_set_root (generator, json_parser_get_root (parser));
          json_generator_set_pretty (generator, TRUE);
          pretty = json_generator_to_data (generator, NULL);
        }
      g_string_append_printf (text, "\n%s:\n%s\n", titles[i], pretty != NULL ? pretty : jsons[i]);
    }

  gtk_text_buffer_set_text (buffer, text->str, -1);
}

static void
selection_changed_cb (SilaAuditWindow *self)
{
  show_details (self);
}

static void
update_count (SilaAuditWindow *self,
              gboolean         more)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  g_autofree char *text = NULL;

  if (n == 0)
    text = g_strdup (_("No records match."));
  else if (more)
    text = g_strdup_printf (ngettext ("The newest %u record", "The newest %u records", n), n);
  else
    text = g_strdup_printf (ngettext ("%u record", "%u records", n), n);

  {
    /* A count is a quantity: Arabic-Indic digits in Arabic (docs/screens.md). */
    g_autofree char *shown = sila_display_digits (text);

    gtk_label_set_label (self->count_label, shown);
  }
  gtk_widget_set_visible (self->more_button, more);
}

/* Reads one page after the oldest shown, or from the newest if @fresh. */
static void
load (SilaAuditWindow *self,
      gboolean         fresh)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *since = NULL;
  g_autofree char *until = NULL;
  g_autofree char *text = NULL;
  SilaAuditFilter filter = { 0 };
  gboolean dates_ok;

  if (self->filling)
    return;

  dates_ok = read_date (self->since_entry, self->since_error, FALSE, &since);
  dates_ok &= read_date (self->until_entry, self->until_error, TRUE, &until);
  if (!dates_ok)
    return;

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->text_entry))));
  filter.actor_name = selected_code (self->actor_dropdown, self->actors);
  filter.entity = selected_code (self->entity_dropdown, self->entities);
  filter.action = selected_code (self->action_dropdown, self->actions);
  filter.since = since;
  filter.until = until;
  filter.text = *text != '\0' ? text : NULL;

  if (fresh)
    {
      g_list_store_remove_all (self->items);
      self->oldest_seq = 0;
    }

  entries = sila_store_query_audit (sila_session_get_store (self->session),
                                    sila_session_get_actor (self->session), &filter,
                                    self->oldest_seq, PAGE_SIZE, &error);
  if (entries == NULL)
    {
      gtk_label_set_label (self->count_label, error->message);
      gtk_widget_set_visible (self->more_button, FALSE);
      return;
    }

  for (guint i = 0; i < entries->len; i++)
    {
      SilaAuditEntry *e = g_ptr_array_index (entries, i);
      g_autoptr(SilaAuditItem) item = NULL;

      self->oldest_seq = e->seq;
      g_ptr_array_index (entries, i) = NULL;
      item = sila_audit_item_new (e);
      g_list_store_append (self->items, item);
    }

  update_count (self, entries->len == PAGE_SIZE);
}

static void
filter_changed_cb (SilaAuditWindow *self)
{
  load (self, TRUE);
}

static void
refresh (SilaAuditWindow *self)
{
  g_autoptr(GPtrArray) staff = NULL;

  /* Staff records are named by their user names, where one may know them. */
  g_hash_table_remove_all (self->usernames);
  if (sila_session_can (self->session, SILA_PERM_STAFF_VIEW))
    staff = sila_store_list_staff (sila_session_get_store (self->session),
                                   sila_session_get_actor (self->session), TRUE, NULL);
  for (guint i = 0; staff != NULL && i < staff->len; i++)
    {
      SilaStaff *s = g_ptr_array_index (staff, i);

      g_hash_table_insert (self->usernames, g_strdup (s->id), g_strdup (s->username));
    }

  self->filling = TRUE;
  g_clear_pointer (&self->actors, g_strfreev);
  g_clear_pointer (&self->entities, g_strfreev);
  g_clear_pointer (&self->actions, g_strfreev);
  self->actors = fill_dropdown (self, self->actor_dropdown, "actor", _("Everyone"),
                                sila_audit_actor_to_display);
  self->entities = fill_dropdown (self, self->entity_dropdown, "entity", _("Everything"),
                                  sila_audit_entity_to_display);
  self->actions = fill_dropdown (self, self->action_dropdown, "action", _("Every action"),
                                 sila_audit_action_to_display);
  self->filling = FALSE;

  load (self, TRUE);
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SilaAuditWindow *self = SILA_AUDIT_WINDOW (widget);
  guint actor = gtk_drop_down_get_selected (self->actor_dropdown);
  guint entity = gtk_drop_down_get_selected (self->entity_dropdown);
  guint action = gtk_drop_down_get_selected (self->action_dropdown);
  g_autofree char *a = actor < g_strv_length (self->actors) ? g_strdup (self->actors[actor]) : NULL;
  g_autofree char *e = entity < g_strv_length (self->entities)
                       ? g_strdup (self->entities[entity]) : NULL;
  g_autofree char *c = action < g_strv_length (self->actions)
                       ? g_strdup (self->actions[action]) : NULL;

  refresh (self);

  /* Keep the filters chosen, where they still exist. */
  self->filling = TRUE;
  for (guint i = 0; a != NULL && self->actors[i] != NULL; i++)
    if (g_str_equal (self->actors[i], a))
      gtk_drop_down_set_selected (self->actor_dropdown, i);
  for (guint i = 0; e != NULL && self->entities[i] != NULL; i++)
    if (g_str_equal (self->entities[i], e))
      gtk_drop_down_set_selected (self->entity_dropdown, i);
  for (guint i = 0; c != NULL && self->actions[i] != NULL; i++)
    if (g_str_equal (self->actions[i], c))
      gtk_drop_down_set_selected (self->action_dropdown, i);
  self->filling = FALSE;
  load (self, TRUE);
}

static void
more_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  load (SILA_AUDIT_WINDOW (widget), FALSE);
}

/* The trail's hash chain is checked when the window opens (a walk of the
 * whole trail: well under a second for a large office's), and what is
 * wrong is said above the list. */
static void
check_chain (SilaAuditWindow *self)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = NULL;

  if (!sila_store_verify_audit_trail (sila_session_get_store (self->session), problems, &error))
    {
      gtk_label_set_text (self->tamper_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->tamper_label), TRUE);
      return;
    }
  if (problems->len == 0)
    return;

  text = g_string_new (_("The audit trail was tampered with:"));
  for (guint i = 0; i < problems->len; i++)
    g_string_append_printf (text, "\n• %s", (const char *)g_ptr_array_index (problems, i));
  gtk_label_set_text (self->tamper_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->tamper_label), TRUE);
}

static void
sila_audit_window_constructed (GObject *object)
{
  SilaAuditWindow *self = (SilaAuditWindow *)object;

  G_OBJECT_CLASS (sila_audit_window_parent_class)->constructed (object);

  g_assert (SILA_IS_SESSION (self->session));
  check_chain (self);
  refresh (self);
}

static void
sila_audit_window_dispose (GObject *object)
{
  SilaAuditWindow *self = (SilaAuditWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SILA_TYPE_AUDIT_WINDOW);
  g_clear_object (&self->session);
  g_clear_object (&self->items);

  G_OBJECT_CLASS (sila_audit_window_parent_class)->dispose (object);
}

static void
sila_audit_window_finalize (GObject *object)
{
  SilaAuditWindow *self = (SilaAuditWindow *)object;

  g_strfreev (self->actors);
  g_strfreev (self->entities);
  g_strfreev (self->actions);
  g_clear_pointer (&self->usernames, g_hash_table_unref);

  G_OBJECT_CLASS (sila_audit_window_parent_class)->finalize (object);
}

static void
sila_audit_window_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SilaAuditWindow *self = SILA_AUDIT_WINDOW (object);

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
sila_audit_window_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SilaAuditWindow *self = SILA_AUDIT_WINDOW (object);

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
sila_audit_window_class_init (SilaAuditWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sila_audit_window_constructed;
  object_class->dispose = sila_audit_window_dispose;
  object_class->finalize = sila_audit_window_finalize;
  object_class->get_property = sila_audit_window_get_property;
  object_class->set_property = sila_audit_window_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, SILA_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/sila-audit-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SilaAuditWindow, text_entry);
  gtk_widget_class_bind_template_child (widget_class, SilaAuditWindow, actor_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SilaAuditWindow, entity_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SilaAuditWindow, action_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SilaAuditWindow, since_entry);
  gtk_widget_class_bind_template_child (widget_class, SilaAuditWindow, since_error);
  gtk_widget_class_bind_template_child (widget_class, SilaAuditWindow, until_entry);
  gtk_widget_class_bind_template_child (widget_class, SilaAuditWindow, until_error);
  gtk_widget_class_bind_template_child (widget_class, SilaAuditWindow, count_label);
  gtk_widget_class_bind_template_child (widget_class, SilaAuditWindow, tamper_label);
  gtk_widget_class_bind_template_child (widget_class, SilaAuditWindow, column_view);
  gtk_widget_class_bind_template_child (widget_class, SilaAuditWindow, more_button);
  gtk_widget_class_bind_template_child (widget_class, SilaAuditWindow, details_view);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);

  gtk_widget_class_install_action (widget_class, "audit.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "audit.more", NULL, more_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "audit.refresh", NULL);
}

static void
sila_audit_window_init (SilaAuditWindow *self)
{
  GtkSingleSelection *selection;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->items = g_list_store_new (SILA_TYPE_AUDIT_ITEM);
  self->usernames = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->items)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  g_signal_connect_object (selection, "notify::selected-item", G_CALLBACK (selection_changed_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);

  for (Column c = 0; c < N_COLUMNS; c++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_object_set_data (G_OBJECT (factory), "sila-column", GINT_TO_POINTER (c));
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), self);
      column = gtk_column_view_column_new (_(column_titles[c]), g_steal_pointer (&factory));
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_expand (column, c == COLUMN_SUMMARY);
      gtk_column_view_append_column (self->column_view, column);
    }

  /* The drop-downs' inner buttons, which take the focus, carry their names. */
  sila_a11y_link_inner (GTK_WIDGET (self));

  /* Dates and record numbers read left to right, as typed. */
  gtk_widget_set_direction (GTK_WIDGET (self->since_entry), GTK_TEXT_DIR_LTR);
  gtk_widget_set_direction (GTK_WIDGET (self->until_entry), GTK_TEXT_DIR_LTR);
}

SilaAuditWindow *
sila_audit_window_new (GtkWindow   *parent,
                       SilaSession *session)
{
  g_return_val_if_fail (SILA_IS_SESSION (session), NULL);

  return g_object_new (SILA_TYPE_AUDIT_WINDOW,
                       "transient-for", parent,
                       "session", session,
                       NULL);
}

guint
sila_audit_window_get_n_shown (SilaAuditWindow *self)
{
  g_return_val_if_fail (SILA_IS_AUDIT_WINDOW (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->items));
}

/* What the window says is wrong with the trail's chain, or NULL. */
const char *
sila_audit_window_get_warning (SilaAuditWindow *self)
{
  g_return_val_if_fail (SILA_IS_AUDIT_WINDOW (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->tamper_label)))
    return NULL;
  return gtk_label_get_text (self->tamper_label);
}
