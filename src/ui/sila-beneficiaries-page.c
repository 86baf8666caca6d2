/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Beneficiaries section: the list (search as you type, filters, a lazy
 * paged model), a file's profile, and the intake form; unfinished forms
 * kept as drafts are offered back here. */
#define G_LOG_DOMAIN "sila-ui"

#include "sila-config.h"

#include <glib/gi18n.h>

#include "sila-beneficiaries-page.h"
#include "sila-beneficiary-list.h"
#include "sila-beneficiary-profile.h"
#include "sila-beneficiary-row-view.h"
#include "sila-choices.h"
#include "sila-form.h"
#include "sila-format.h"
#include "sila-intake-form.h"
#include "sila-store-beneficiaries.h"
#include "sila-store-drafts.h"

struct _SilaBeneficiariesPage
{
  GtkWidget               parent_instance;

  SilaSession            *session;
  SilaBeneficiaryList    *model;
  GPtrArray              *segments;
  SilaIntakeForm         *form;
  SilaBeneficiaryProfile *profile;
  GtkWidget              *segment_filter;
  GtkWidget              *district_filter;
  GtkWidget              *status_filter;
  gboolean                building_filters;
  guint                   districts_id;

  /* Template widgets */
  GtkStack               *stack;
  GtkSearchEntry         *search_entry;
  GtkWidget              *new_button;
  GtkWidget              *filters_box;
  GtkLabel               *count_label;
  GtkRevealer            *drafts_revealer;
  GtkWidget              *drafts_box;
  GtkStack               *results_stack;
  GtkListView            *list_view;
  AdwStatusPage          *empty_page;
  GtkWidget              *profile_holder;
  GtkWidget              *form_holder;
};

G_DEFINE_FINAL_TYPE (SilaBeneficiariesPage, sila_beneficiaries_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static SilaStore *
get_store (SilaBeneficiariesPage *self)
{
  return sila_session_get_store (self->session);
}

static const SilaActor *
get_actor (SilaBeneficiariesPage *self)
{
  return sila_session_get_actor (self->session);
}

/* The list */

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  gtk_list_item_set_child (item, sila_beneficiary_row_view_new ());
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             SilaBeneficiariesPage    *self)
{
  sila_beneficiary_row_view_show (SILA_BENEFICIARY_ROW_VIEW (gtk_list_item_get_child (item)),
                                  gtk_list_item_get_item (item), self->segments);
}

/* While only the first rows are known, no count rather than a wrong one. */
static void
update_count (SilaBeneficiariesPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *shown = sila_format_int (n);
  g_autofree char *label = NULL;

  if (sila_beneficiary_list_is_loading (self->model))
    label = g_strdup (*text != '\0' ? _("Counting the files found…") : _("Counting the files…"));
  else if (*text != '\0')
    label = g_strdup_printf (ngettext ("%s file found", "%s files found", n), shown);
  else
    label = g_strdup_printf (ngettext ("%s file", "%s files", n), shown);
  gtk_label_set_label (self->count_label, label);

  if (n > 0)
    gtk_stack_set_visible_child_name (self->results_stack, "results");
  else
    {
      if (*text != '\0')
        {
          adw_status_page_set_title (self->empty_page, _("No File Matches"));
          adw_status_page_set_description (self->empty_page,
                                           _("Try fewer letters, another spelling of the name, "
                                             "the mobile number or the ID number."));
        }
      else
        {
          adw_status_page_set_title (self->empty_page, _("No Beneficiary Files Yet"));
          adw_status_page_set_description (self->empty_page,
                                           _("Open the first file with “New File”, or import "
                                             "the office’s register from the command line."));
        }
      gtk_stack_set_visible_child_name (self->results_stack, "empty");
    }
}

static const char *
filter_code (GtkWidget *dropdown)
{
  return dropdown != NULL ? sila_form_choice_get_code (dropdown) : NULL;
}

static void
run_query (SilaBeneficiariesPage *self)
{
  g_autoptr(GError) error = NULL;
  const char *status = filter_code (self->status_filter);
  SilaBeneficiaryFilter filter = {
    .segment = filter_code (self->segment_filter),
    .district = filter_code (self->district_filter),
    .status = g_strcmp0 (status, "pending") == 0 ? NULL : status,
    .consent_pending = g_strcmp0 (status, "pending") == 0,
  };

  if (self->building_filters)
    return;
  if (!sila_beneficiary_list_set_query (self->model,
                                        gtk_editable_get_text (GTK_EDITABLE (self->search_entry)),
                                        &filter, &error))
    g_message ("The beneficiary list cannot be read: %s", error->message);
  update_count (self);
}

static void
search_changed_cb (SilaBeneficiariesPage *self)
{
  run_query (self);
}

static void
open_file (SilaBeneficiariesPage *self,
           const char            *id);

static void
search_activate_cb (SilaBeneficiariesPage *self)
{
  g_autoptr(SilaBeneficiaryRow) row = NULL;

  /* Enter opens the best match. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->model)) == 0)
    return;
  row = g_list_model_get_item (G_LIST_MODEL (self->model), 0);
  if (sila_beneficiary_row_get_id (row) != NULL)
    open_file (self, sila_beneficiary_row_get_id (row));
}

static void
list_activate_cb (SilaBeneficiariesPage *self,
                  guint                  position)
{
  g_autoptr(SilaBeneficiaryRow) row = g_list_model_get_item (G_LIST_MODEL (self->model),
                                                             position);

  if (row != NULL && sila_beneficiary_row_get_id (row) != NULL)
    open_file (self, sila_beneficiary_row_get_id (row));
}

static void
filter_changed_cb (SilaBeneficiariesPage *self)
{
  run_query (self);
}

static void
build_filters (SilaBeneficiariesPage *self)
{
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  static const char *const status_codes[] = { NULL, "active", "closed", "pending", NULL };
  const char *status_names[] = {
    _("All files"), _("Active"), _("Closed"), _("Consent pending"), NULL,
  };

  self->building_filters = TRUE;

  g_ptr_array_add (codes, NULL);
  g_ptr_array_add (names, (gpointer)_("All segments"));
  for (guint i = 0; self->segments != NULL && i < self->segments->len; i++)
    {
      SilaSegment *s = g_ptr_array_index (self->segments, i);

      g_ptr_array_add (codes, s->code);
      g_ptr_array_add (names, (gpointer)sila_segment_get_display (s));
    }
  g_ptr_array_add (names, NULL);
  self->segment_filter = sila_form_choice_new_full ((const char * const *)codes->pdata,
                                                    (const char * const *)names->pdata);

  /* The districts of Makkah the app knows now; others that files name are
   * added once the window is drawn (add_districts_in_use_cb). */
  g_ptr_array_set_size (codes, 0);
  g_ptr_array_set_size (names, 0);
  g_ptr_array_add (codes, NULL);
  g_ptr_array_add (names, (gpointer)_("All districts"));
  {
    guint n;
    const SilaChoice *known = sila_choices_get (SILA_CHOICES_DISTRICT, &n);

    for (guint i = 0; i < n; i++)
      {
        g_ptr_array_add (codes, (gpointer)known[i].code);
        g_ptr_array_add (names, (gpointer)_(known[i].english));
      }
  }
  g_ptr_array_add (names, NULL);
  self->district_filter = sila_form_choice_new_full ((const char * const *)codes->pdata,
                                                     (const char * const *)names->pdata);

  self->status_filter = sila_form_choice_new_full (status_codes, status_names);

  {
    GtkWidget *filters[] = { self->segment_filter, self->district_filter, self->status_filter };
    const char *labels[] = { _("Segment"), _("District"), _("Status") };

    for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
      {
        gtk_widget_set_hexpand (filters[i], FALSE);
        gtk_accessible_update_property (GTK_ACCESSIBLE (filters[i]),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, labels[i], -1);
        gtk_widget_set_tooltip_text (filters[i], labels[i]);
        g_signal_connect_swapped (filters[i], "notify::selected",
                                  G_CALLBACK (filter_changed_cb), self);
        gtk_box_append (GTK_BOX (self->filters_box), filters[i]);
      }
  }

  self->building_filters = FALSE;
}

static gboolean
add_districts_in_use_cb (gpointer user_data)
{
  SilaBeneficiariesPage *self = user_data;
  g_auto(GStrv) districts = NULL;

  self->districts_id = 0;
  districts = sila_store_list_districts_in_use (get_store (self), get_actor (self), NULL);
  self->building_filters = TRUE;
  for (guint i = 0; districts != NULL && districts[i] != NULL; i++)
    if (sila_choices_lookup (SILA_CHOICES_DISTRICT, districts[i]) == NULL)
      {
        guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->district_filter));

        /* Appends it (a code the list lacks), keeping what was chosen. */
        sila_form_choice_set_code (self->district_filter, districts[i]);
        gtk_drop_down_set_selected (GTK_DROP_DOWN (self->district_filter), selected);
      }
  self->building_filters = FALSE;
  return G_SOURCE_REMOVE;
}

/* Drafts */

static void
resume_draft_cb (GtkButton             *button,
                 SilaBeneficiariesPage *self)
{
  sila_beneficiaries_page_resume_draft (self, gtk_widget_get_name (GTK_WIDGET (button)));
}

static void
discard_response_cb (AdwMessageDialog      *dialog,
                     const char            *response,
                     SilaBeneficiariesPage *self)
{
  g_autoptr(GError) error = NULL;
  const char *id = g_object_get_data (G_OBJECT (dialog), "draft-id");

  if (!g_str_equal (response, "discard"))
    return;
  if (!sila_store_delete_draft (get_store (self), get_actor (self), id, &error))
    g_message ("The draft was not discarded: %s", error->message);
  sila_beneficiaries_page_refresh_drafts (self);
}

/* A draft is all that is left of what was typed: asked before it goes. */
static void
discard_draft_cb (GtkButton             *button,
                  SilaBeneficiariesPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  const char *summary = g_object_get_data (G_OBJECT (button), "summary");
  g_autofree char *body = g_strdup_printf (_("What was typed in the form “%s” will be deleted. "
                                             "This cannot be undone."), summary);
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              _("Discard This Draft?"), body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "discard", _("_Discard"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "draft-id",
                          g_strdup (gtk_widget_get_name (GTK_WIDGET (button))), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
sila_beneficiaries_page_refresh_drafts (SilaBeneficiariesPage *self)
{
  g_autoptr(GPtrArray) drafts = NULL;
  GtkWidget *child;
  guint shown = 0;

  g_return_if_fail (SILA_IS_BENEFICIARIES_PAGE (self));

  while ((child = gtk_widget_get_first_child (self->drafts_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->drafts_box), child);

  if (sila_session_can (self->session, SILA_PERM_BENEFICIARY_EDIT))
    drafts = sila_store_list_drafts (get_store (self), get_actor (self),
                                     SILA_DRAFT_KIND_BENEFICIARY, NULL);

  for (guint i = 0; drafts != NULL && i < drafts->len; i++)
    {
      const SilaDraft *d = g_ptr_array_index (drafts, i);
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      GtkWidget *label = gtk_label_new (d->summary != NULL ? d->summary
                                                           : _("A form with no name yet"));
      GtkWidget *resume = gtk_button_new_with_label (_("Resume"));
      GtkWidget *discard = gtk_button_new_with_label (_("Discard"));

      /* The form being edited right now is not offered again. */
      if (self->form != NULL &&
          g_strcmp0 (sila_intake_form_get_draft_id (self->form), d->id) == 0 &&
          g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "form") == 0)
        continue;

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_widget_set_name (resume, d->id);
      gtk_widget_set_name (discard, d->id);
      g_object_set_data_full (G_OBJECT (discard), "summary",
                              g_strdup (gtk_label_get_label (GTK_LABEL (label))), g_free);
      gtk_widget_add_css_class (discard, "flat");
      g_signal_connect_object (resume, "clicked", G_CALLBACK (resume_draft_cb), self, 0);
      g_signal_connect_object (discard, "clicked", G_CALLBACK (discard_draft_cb), self, 0);
      gtk_box_append (GTK_BOX (row), label);
      gtk_box_append (GTK_BOX (row), resume);
      gtk_box_append (GTK_BOX (row), discard);
      gtk_box_append (GTK_BOX (self->drafts_box), row);
      shown++;
    }

  gtk_revealer_set_reveal_child (self->drafts_revealer, shown > 0);
}

/* Moving between list, profile and form */

static void
show_list (SilaBeneficiariesPage *self)
{
  gtk_stack_set_visible_child_name (self->stack, "list");
  sila_beneficiaries_page_refresh_drafts (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
profile_back_cb (SilaBeneficiariesPage *self)
{
  show_list (self);
}

static void
edit_file (SilaBeneficiariesPage *self,
           const char            *id);

static void
profile_edit_cb (SilaBeneficiariesPage *self,
                 const char            *id)
{
  edit_file (self, id);
}

static void
show_message (SilaBeneficiariesPage *self,
              const char            *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              NULL, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_file (SilaBeneficiariesPage *self,
           const char            *id)
{
  g_autoptr(GError) error = NULL;
  SilaBeneficiaryProfile *profile = sila_beneficiary_profile_new (self->session);

  g_object_ref_sink (profile);
  if (!sila_beneficiary_profile_show (profile, id, &error))
    {
      show_message (self, error->message);
      g_object_unref (profile);
      return;
    }

  if (self->profile != NULL)
    gtk_box_remove (GTK_BOX (self->profile_holder), GTK_WIDGET (self->profile));
  self->profile = profile;
  gtk_widget_set_vexpand (GTK_WIDGET (profile), TRUE);
  gtk_box_append (GTK_BOX (self->profile_holder), GTK_WIDGET (profile));
  g_object_unref (profile);
  g_signal_connect_object (profile, "back", G_CALLBACK (profile_back_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (profile, "edit", G_CALLBACK (profile_edit_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_stack_set_visible_child_name (self->stack, "profile");
}

static void
form_saved_cb (SilaBeneficiariesPage *self,
               const char            *id)
{
  g_autofree char *copy = g_strdup (id);

  run_query (self);
  open_file (self, copy);
}

static void
form_open_file_cb (SilaBeneficiariesPage *self,
                   const char            *id)
{
  g_autofree char *copy = g_strdup (id);

  open_file (self, copy);
}

static void
form_closed_cb (SilaBeneficiariesPage *self)
{
  show_list (self);
}

static SilaIntakeForm *
ensure_form (SilaBeneficiariesPage *self)
{
  if (self->form == NULL)
    {
      self->form = sila_intake_form_new (self->session);
      gtk_widget_set_vexpand (GTK_WIDGET (self->form), TRUE);
      gtk_box_append (GTK_BOX (self->form_holder), GTK_WIDGET (self->form));
      g_signal_connect_object (self->form, "saved", G_CALLBACK (form_saved_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->form, "open-file", G_CALLBACK (form_open_file_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->form, "closed", G_CALLBACK (form_closed_cb), self,
                               G_CONNECT_SWAPPED);
    }
  return self->form;
}

static void
edit_file (SilaBeneficiariesPage *self,
           const char            *id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *copy = g_strdup (id);

  if (!sila_intake_form_start_edit (ensure_form (self), copy, &error))
    {
      show_message (self, error->message);
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "form");
  sila_intake_form_scroll_to_top (self->form);
}

/* Actions */

static void
new_file_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  sila_beneficiaries_page_new_file (SILA_BENEFICIARIES_PAGE (widget));
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SilaBeneficiariesPage *self = SILA_BENEFICIARIES_PAGE (widget);

  show_list (self);
}

static void
session_changed_cb (SilaBeneficiariesPage *self,
                    const char            *what)
{
  if (what == NULL || g_str_equal (what, "beneficiary"))
    {
      g_autoptr(GError) error = NULL;

      if (!sila_beneficiary_list_reload (self->model, &error))
        g_message ("The beneficiary list cannot be read: %s", error->message);
      update_count (self);
      if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "list") == 0)
        sila_beneficiaries_page_refresh_drafts (self);
    }
}

/* Object */

static void
sila_beneficiaries_page_constructed (GObject *object)
{
  SilaBeneficiariesPage *self = (SilaBeneficiariesPage *)object;
  GtkListItemFactory *factory;
  SilaStore *store;
  gboolean can_edit;

  G_OBJECT_CLASS (sila_beneficiaries_page_parent_class)->constructed (object);

  store = get_store (self);
  self->segments = sila_store_list_segments (store, TRUE, NULL);
  self->model = sila_beneficiary_list_new (store, get_actor (self));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  {
    GtkSingleSelection *selection = gtk_single_selection_new (g_object_ref (
                                                                G_LIST_MODEL (self->model)));

    gtk_single_selection_set_autoselect (selection, FALSE);
    gtk_single_selection_set_can_unselect (selection, TRUE);
    gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
    g_object_unref (selection);
  }

  build_filters (self);

  can_edit = sila_session_can (self->session, SILA_PERM_BENEFICIARY_EDIT) &&
             !sila_store_is_read_only (store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.new-file", can_edit);

  g_signal_connect_object (self->session, "changed", G_CALLBACK (session_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "items-changed", G_CALLBACK (update_count), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "notify::loading", G_CALLBACK (update_count), self,
                           G_CONNECT_SWAPPED);
  self->districts_id = g_idle_add_full (G_PRIORITY_LOW, add_districts_in_use_cb, self, NULL);

  run_query (self);
  sila_beneficiaries_page_refresh_drafts (self);
}

static void
sila_beneficiaries_page_dispose (GObject *object)
{
  SilaBeneficiariesPage *self = (SilaBeneficiariesPage *)object;

  g_clear_handle_id (&self->districts_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), SILA_TYPE_BENEFICIARIES_PAGE);
  self->form = NULL;
  self->profile = NULL;
  g_clear_object (&self->model);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (sila_beneficiaries_page_parent_class)->dispose (object);
}

static void
sila_beneficiaries_page_finalize (GObject *object)
{
  SilaBeneficiariesPage *self = (SilaBeneficiariesPage *)object;

  g_clear_pointer (&self->segments, g_ptr_array_unref);

  G_OBJECT_CLASS (sila_beneficiaries_page_parent_class)->finalize (object);
}

static void
sila_beneficiaries_page_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  SilaBeneficiariesPage *self = SILA_BENEFICIARIES_PAGE (object);

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
sila_beneficiaries_page_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  SilaBeneficiariesPage *self = SILA_BENEFICIARIES_PAGE (object);

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
sila_beneficiaries_page_class_init (SilaBeneficiariesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sila_beneficiaries_page_constructed;
  object_class->dispose = sila_beneficiaries_page_dispose;
  object_class->finalize = sila_beneficiaries_page_finalize;
  object_class->get_property = sila_beneficiaries_page_get_property;
  object_class->set_property = sila_beneficiaries_page_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, SILA_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/sila-beneficiaries-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SilaBeneficiariesPage, stack);
  gtk_widget_class_bind_template_child (widget_class, SilaBeneficiariesPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SilaBeneficiariesPage, new_button);
  gtk_widget_class_bind_template_child (widget_class, SilaBeneficiariesPage, filters_box);
  gtk_widget_class_bind_template_child (widget_class, SilaBeneficiariesPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, SilaBeneficiariesPage, drafts_revealer);
  gtk_widget_class_bind_template_child (widget_class, SilaBeneficiariesPage, drafts_box);
  gtk_widget_class_bind_template_child (widget_class, SilaBeneficiariesPage, results_stack);
  gtk_widget_class_bind_template_child (widget_class, SilaBeneficiariesPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, SilaBeneficiariesPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, SilaBeneficiariesPage, profile_holder);
  gtk_widget_class_bind_template_child (widget_class, SilaBeneficiariesPage, form_holder);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);

  gtk_widget_class_install_action (widget_class, "page.new-file", NULL, new_file_action);
  gtk_widget_class_install_action (widget_class, "page.focus-search", NULL, focus_search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "page.new-file", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "page.focus-search", NULL);
}

static void
sila_beneficiaries_page_init (SilaBeneficiariesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public */

void
sila_beneficiaries_page_new_file (SilaBeneficiariesPage *self)
{
  g_return_if_fail (SILA_IS_BENEFICIARIES_PAGE (self));

  sila_intake_form_start_new (ensure_form (self));
  gtk_stack_set_visible_child_name (self->stack, "form");
  gtk_widget_grab_focus (sila_intake_form_get_field (self->form, "id_number"));
  sila_intake_form_scroll_to_top (self->form);
}

gboolean
sila_beneficiaries_page_open_file (SilaBeneficiariesPage *self,
                                   const char            *id)
{
  g_return_val_if_fail (SILA_IS_BENEFICIARIES_PAGE (self), FALSE);

  open_file (self, id);
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "profile") == 0;
}

gboolean
sila_beneficiaries_page_resume_draft (SilaBeneficiariesPage *self,
                                      const char            *draft_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaDraft) draft = NULL;

  g_return_val_if_fail (SILA_IS_BENEFICIARIES_PAGE (self), FALSE);

  draft = sila_store_get_draft (get_store (self), get_actor (self), draft_id, &error);
  if (draft == NULL || !sila_intake_form_start_draft (ensure_form (self), draft, &error))
    {
      show_message (self, error->message);
      sila_beneficiaries_page_refresh_drafts (self);
      return FALSE;
    }
  gtk_stack_set_visible_child_name (self->stack, "form");
  sila_intake_form_scroll_to_top (self->form);
  return TRUE;
}

void
sila_beneficiaries_page_set_search (SilaBeneficiariesPage *self,
                                    const char            *text)
{
  g_return_if_fail (SILA_IS_BENEFICIARIES_PAGE (self));

  show_list (self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  /* At once, not after the entry's typing delay. */
  run_query (self);
}

const char *
sila_beneficiaries_page_get_view (SilaBeneficiariesPage *self)
{
  g_return_val_if_fail (SILA_IS_BENEFICIARIES_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

GListModel *
sila_beneficiaries_page_get_model (SilaBeneficiariesPage *self)
{
  g_return_val_if_fail (SILA_IS_BENEFICIARIES_PAGE (self), NULL);

  return G_LIST_MODEL (self->model);
}

SilaIntakeForm *
sila_beneficiaries_page_get_form (SilaBeneficiariesPage *self)
{
  g_return_val_if_fail (SILA_IS_BENEFICIARIES_PAGE (self), NULL);

  return self->form;
}

SilaBeneficiaryProfile *
sila_beneficiaries_page_get_profile (SilaBeneficiariesPage *self)
{
  g_return_val_if_fail (SILA_IS_BENEFICIARIES_PAGE (self), NULL);

  return self->profile;
}
