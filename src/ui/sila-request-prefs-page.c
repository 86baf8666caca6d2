/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-ui"

#include "sila-config.h"

#include <glib/gi18n.h>

#include "sila-display.h"
#include "sila-field-error.h"
#include "sila-request-prefs-page.h"
#include "sila-store-requests.h"

struct _SilaRequestPrefsPage
{
  AdwPreferencesPage   parent_instance;

  SilaSession         *session;
  gboolean             loading;
  GPtrArray           *groups;        /* groups added by reload() */
  AdwPreferencesGroup *add_group;
  GtkWidget           *type_ar_row;
  GtkWidget           *type_en_row;
  GtkWidget           *doc_ar_row;
  GtkWidget           *doc_en_row;
  GtkWidget           *doc_expires_switch;
  GtkLabel            *error_label;
};

G_DEFINE_FINAL_TYPE (SilaRequestPrefsPage, sila_request_prefs_page, ADW_TYPE_PREFERENCES_PAGE)

static void reload (SilaRequestPrefsPage *self);

static GtkWidget *
error_label_new (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_add_css_class (label, "sila-field-error");
  gtk_widget_set_visible (label, FALSE);
  return label;
}

/* A change was refused: say why, and show the stored state again. */
static void
refused (SilaRequestPrefsPage *self,
         GtkWidget            *field,
         const GError         *error)
{
  sila_field_error_show (field, self->error_label, error);
}

static gboolean
can_configure (SilaRequestPrefsPage *self)
{
  return sila_session_can (self->session, SILA_PERM_REQUEST_CONFIGURE) &&
         !sila_store_is_read_only (sila_session_get_store (self->session));
}

gboolean
sila_request_prefs_page_set_requirement (SilaRequestPrefsPage *self,
                                         const char           *request_type,
                                         const char           *document_type,
                                         guint                 requirement)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (SILA_IS_REQUEST_PREFS_PAGE (self), FALSE);

  if (!sila_store_set_checklist_rule (sila_session_get_store (self->session),
                                      sila_session_get_actor (self->session), request_type,
                                      document_type, (SilaRequirement)requirement, &error))
    {
      refused (self, GTK_WIDGET (self->add_group), error);
      return FALSE;
    }
  sila_field_error_clear (GTK_WIDGET (self->add_group), self->error_label);
  sila_session_notify_changed (self->session, "requests");
  return TRUE;
}

static void
requirement_changed_cb (AdwComboRow          *row,
                        GParamSpec           *pspec,
                        SilaRequestPrefsPage *self)
{
  if (self->loading)
    return;

  sila_request_prefs_page_set_requirement (self,
                                           g_object_get_data (G_OBJECT (row), "request-type"),
                                           g_object_get_data (G_OBJECT (row), "document-type"),
                                           adw_combo_row_get_selected (row));
}

/* The names and switches of one entry, saved when a name is applied or a
 * switch flipped. */
typedef struct {
  SilaRequestPrefsPage *self;
  gboolean              document;
  char                 *code;
  GtkWidget            *name_ar;
  GtkWidget            *name_en;
  GtkWidget            *expires;
  GtkWidget            *offered;
} EntryRows;

static void
entry_rows_free (EntryRows *rows)
{
  g_free (rows->code);
  g_free (rows);
}

static void
save_entry (EntryRows *rows)
{
  SilaRequestPrefsPage *self = rows->self;
  g_autoptr(GError) error = NULL;
  const char *ar = gtk_editable_get_text (GTK_EDITABLE (rows->name_ar));
  const char *en = gtk_editable_get_text (GTK_EDITABLE (rows->name_en));
  gboolean retired = !gtk_switch_get_active (GTK_SWITCH (rows->offered));
  gboolean ok;

  if (self->loading)
    return;

  if (rows->document)
    ok = sila_store_update_document_type (sila_session_get_store (self->session),
                                          sila_session_get_actor (self->session), rows->code, ar,
                                          en, gtk_switch_get_active (GTK_SWITCH (rows->expires)),
                                          retired, &error);
  else
    ok = sila_store_update_request_type (sila_session_get_store (self->session),
                                         sila_session_get_actor (self->session), rows->code, ar,
                                         en, retired, &error);
  if (!ok)
    {
      refused (self, rows->name_ar, error);
      return;
    }
  sila_field_error_clear (rows->name_ar, self->error_label);
  sila_session_notify_changed (self->session, "requests");
}

static GtkWidget *
switch_row (const char *title,
            gboolean    active,
            GtkWidget **the_switch)
{
  GtkWidget *row = adw_action_row_new ();

  *the_switch = gtk_switch_new ();
  gtk_switch_set_active (GTK_SWITCH (*the_switch), active);
  gtk_widget_set_valign (*the_switch, GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), *the_switch);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), *the_switch);
  return row;
}

static GtkWidget *
entry_expander (SilaRequestPrefsPage *self,
                const SilaTypeEntry  *entry,
                gboolean              document,
                EntryRows           **out)
{
  GtkWidget *expander = adw_expander_row_new ();
  EntryRows *rows = g_new0 (EntryRows, 1);
  g_autofree char *title = g_markup_escape_text (sila_type_entry_get_display (entry), -1);

  rows->self = self;
  rows->document = document;
  rows->code = g_strdup (entry->code);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), title);
  /* The name is what people read; the code, which imports and the command
   * line take, is inside, labelled, for the administrator who needs it. */
  if (entry->retired)
    adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), _("Not offered for new requests"));
  gtk_widget_set_name (expander, entry->code);
  {
    GtkWidget *code_row = adw_action_row_new ();
    g_autofree char *code = sila_display_code (entry->code);

    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (code_row),
                                   _("Code in imports and on the command line"));
    adw_action_row_set_subtitle (ADW_ACTION_ROW (code_row), code);
    gtk_widget_add_css_class (code_row, "property");
    adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), code_row);
  }

  rows->name_ar = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rows->name_ar), _("Arabic name"));
  gtk_editable_set_text (GTK_EDITABLE (rows->name_ar), entry->name_ar);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (rows->name_ar), TRUE);
  rows->name_en = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rows->name_en), _("English name"));
  gtk_editable_set_text (GTK_EDITABLE (rows->name_en), entry->name_en);
  gtk_widget_set_direction (rows->name_en, GTK_TEXT_DIR_LTR);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (rows->name_en), TRUE);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), rows->name_ar);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), rows->name_en);
  if (document)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                              switch_row (_("Has an expiry date"), entry->expires,
                                          &rows->expires));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                            switch_row (_("Offered for new requests"), !entry->retired,
                                        &rows->offered));

  g_signal_connect_swapped (rows->name_ar, "apply", G_CALLBACK (save_entry), rows);
  g_signal_connect_swapped (rows->name_en, "apply", G_CALLBACK (save_entry), rows);
  g_signal_connect_swapped (rows->offered, "notify::active", G_CALLBACK (save_entry), rows);
  if (rows->expires != NULL)
    g_signal_connect_swapped (rows->expires, "notify::active", G_CALLBACK (save_entry), rows);
  g_object_set_data_full (G_OBJECT (expander), "entry-rows", rows,
                          (GDestroyNotify)entry_rows_free);
  *out = rows;
  return expander;
}

static AdwPreferencesGroup *
new_group (SilaRequestPrefsPage *self,
           const char           *title,
           const char           *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), ADW_PREFERENCES_GROUP (group));
  g_ptr_array_add (self->groups, group);
  return ADW_PREFERENCES_GROUP (group);
}

static void
reload (SilaRequestPrefsPage *self)
{
  SilaStore *store = sila_session_get_store (self->session);
  g_autoptr(GPtrArray) types = sila_store_list_request_types (store, TRUE, NULL);
  g_autoptr(GPtrArray) documents = sila_store_list_document_types (store, TRUE, NULL);
  g_autoptr(GPtrArray) rules = sila_store_list_checklist (store, NULL, NULL);
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
  AdwPreferencesGroup *group;
  gboolean editable = can_configure (self);

  if (types == NULL || documents == NULL || rules == NULL)
    return;

  self->loading = TRUE;
  for (guint i = 0; i < self->groups->len; i++)
    adw_preferences_page_remove (ADW_PREFERENCES_PAGE (self),
                                 g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);

  gtk_string_list_append (choices, _("Not asked"));
  gtk_string_list_append (choices, _("Optional"));
  gtk_string_list_append (choices, _("Required"));

  group = new_group (self, _("Request Types and Their Checklists"),
                     _("What each type of support asks for. Requests already opened keep the "
                       "checklist they were opened with."));
  for (guint i = 0; i < types->len; i++)
    {
      const SilaTypeEntry *type = g_ptr_array_index (types, i);
      EntryRows *rows;
      GtkWidget *expander = entry_expander (self, type, FALSE, &rows);

      for (guint d = 0; d < documents->len; d++)
        {
          const SilaTypeEntry *doc = g_ptr_array_index (documents, d);
          GtkWidget *row = adw_combo_row_new ();
          g_autofree char *title = g_markup_escape_text (sila_type_entry_get_display (doc), -1);
          SilaRequirement requirement = SILA_REQUIREMENT_NONE;

          for (guint r = 0; r < rules->len; r++)
            {
              const SilaChecklistRule *rule = g_ptr_array_index (rules, r);

              if (g_str_equal (rule->request_type, type->code) &&
                  g_str_equal (rule->document_type, doc->code))
                requirement = rule->requirement;
            }
          if (doc->retired && requirement == SILA_REQUIREMENT_NONE)
            continue;
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
          adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (choices));
          adw_combo_row_set_selected (ADW_COMBO_ROW (row), requirement);
          g_object_set_data_full (G_OBJECT (row), "request-type", g_strdup (type->code), g_free);
          g_object_set_data_full (G_OBJECT (row), "document-type", g_strdup (doc->code), g_free);
          g_signal_connect (row, "notify::selected", G_CALLBACK (requirement_changed_cb), self);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
        }
      adw_preferences_group_add (group, expander);
    }

  group = new_group (self, _("Document Types"),
                     _("A document that expires is checked against the day it is submitted."));
  for (guint i = 0; i < documents->len; i++)
    {
      EntryRows *rows;

      adw_preferences_group_add (group, entry_expander (self, g_ptr_array_index (documents, i),
                                                        TRUE, &rows));
    }

  /* Everything is shown; only administrators change it. */
  for (guint i = 0; i < self->groups->len; i++)
    gtk_widget_set_sensitive (g_ptr_array_index (self->groups, i), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_group), editable);

  /* The additions stay last. */
  g_object_ref (self->add_group);
  adw_preferences_page_remove (ADW_PREFERENCES_PAGE (self), self->add_group);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), self->add_group);
  g_object_unref (self->add_group);
  self->loading = FALSE;
}

static void
add_clicked_cb (GtkButton            *button,
                SilaRequestPrefsPage *self)
{
  g_autoptr(GError) error = NULL;
  gboolean document = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "document"));
  GtkWidget *ar = document ? self->doc_ar_row : self->type_ar_row;
  GtkWidget *en = document ? self->doc_en_row : self->type_en_row;
  gboolean ok;

  if (document)
    ok = sila_store_add_document_type (sila_session_get_store (self->session),
                                       sila_session_get_actor (self->session),
                                       gtk_editable_get_text (GTK_EDITABLE (ar)),
                                       gtk_editable_get_text (GTK_EDITABLE (en)),
                                       gtk_switch_get_active (GTK_SWITCH (self->doc_expires_switch)),
                                       NULL, &error);
  else
    ok = sila_store_add_request_type (sila_session_get_store (self->session),
                                      sila_session_get_actor (self->session),
                                      gtk_editable_get_text (GTK_EDITABLE (ar)),
                                      gtk_editable_get_text (GTK_EDITABLE (en)), NULL, &error);
  if (!ok)
    {
      refused (self, ar, error);
      return;
    }

  sila_field_error_clear (ar, self->error_label);
  gtk_editable_set_text (GTK_EDITABLE (ar), "");
  gtk_editable_set_text (GTK_EDITABLE (en), "");
  sila_session_notify_changed (self->session, "requests");
  reload (self);
}

static GtkWidget *
add_button (SilaRequestPrefsPage *self,
            const char           *label,
            gboolean              document)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "suggested-action");
  g_object_set_data (G_OBJECT (button), "document", GINT_TO_POINTER (document));
  g_signal_connect (button, "clicked", G_CALLBACK (add_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static GtkWidget *
name_row (const char *title,
          gboolean    ltr)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (ltr)
    gtk_widget_set_direction (row, GTK_TEXT_DIR_LTR);
  return row;
}

static void
sila_request_prefs_page_dispose (GObject *object)
{
  SilaRequestPrefsPage *self = (SilaRequestPrefsPage *)object;

  g_clear_object (&self->session);

  G_OBJECT_CLASS (sila_request_prefs_page_parent_class)->dispose (object);
}

static void
sila_request_prefs_page_finalize (GObject *object)
{
  SilaRequestPrefsPage *self = (SilaRequestPrefsPage *)object;

  g_ptr_array_unref (self->groups);

  G_OBJECT_CLASS (sila_request_prefs_page_parent_class)->finalize (object);
}

static void
sila_request_prefs_page_class_init (SilaRequestPrefsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sila_request_prefs_page_dispose;
  object_class->finalize = sila_request_prefs_page_finalize;
}

static void
sila_request_prefs_page_init (SilaRequestPrefsPage *self)
{
  GtkWidget *expires_row;

  self->groups = g_ptr_array_new ();
  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (self), _("Requests"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (self), "emblem-documents-symbolic");
  gtk_widget_set_name (GTK_WIDGET (self), "requests");

  self->add_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->add_group, _("Add to the Lists"));
  self->error_label = GTK_LABEL (error_label_new ());
  self->type_ar_row = name_row (_("New request type: Arabic name"), FALSE);
  self->type_en_row = name_row (_("English name (optional)"), TRUE);
  self->doc_ar_row = name_row (_("New document type: Arabic name"), FALSE);
  self->doc_en_row = name_row (_("English name (optional)"), TRUE);
  expires_row = switch_row (_("The document has an expiry date"), FALSE,
                            &self->doc_expires_switch);
  adw_preferences_group_add (self->add_group, self->type_ar_row);
  adw_preferences_group_add (self->add_group, self->type_en_row);
  adw_preferences_group_add (self->add_group, add_button (self, _("Add _Request Type"), FALSE));
  adw_preferences_group_add (self->add_group, self->doc_ar_row);
  adw_preferences_group_add (self->add_group, self->doc_en_row);
  adw_preferences_group_add (self->add_group, expires_row);
  adw_preferences_group_add (self->add_group, add_button (self, _("Add _Document Type"), TRUE));
  adw_preferences_group_add (self->add_group, GTK_WIDGET (self->error_label));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), self->add_group);
}

GtkWidget *
sila_request_prefs_page_new (SilaSession *session)
{
  SilaRequestPrefsPage *self = g_object_new (SILA_TYPE_REQUEST_PREFS_PAGE, NULL);

  self->session = g_object_ref (session);
  reload (self);
  if (!can_configure (self))
    adw_preferences_group_set_description (self->add_group,
                                           _("Only administrators change these lists."));
  return GTK_WIDGET (self);
}
