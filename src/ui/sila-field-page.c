/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Field Work section (sila-field-page.h). Everything it does is the
 * store's (sila-store-field.h); this page chooses files, shows the
 * summary before a merge, and lists what waits for review. */
#define G_LOG_DOMAIN "sila-ui"

#include "sila-config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "sila-beneficiary.h"
#include "sila-clock.h"
#include "sila-date.h"
#include "sila-field-error.h"
#include "sila-field-page.h"
#include "sila-field-rows.h"
#include "sila-field-staff.h"
#include "sila-format.h"
#include "sila-i18n.h"
#include "sila-store-field.h"

typedef enum {
  CHOOSING_KIT,
  CHOOSING_BUNDLE,
  CHOOSING_MERGE,
} Choosing;

struct _SilaFieldPage
{
  GtkWidget             parent_instance;

  SilaSession          *session;
  GtkFileChooserNative *chooser;
  Choosing              choosing;
  GStrv                 pending;      /* bundles checked, waiting for Merge */
  GPtrArray            *conflicts;    /* SilaFieldConflict, as listed */
  GPtrArray            *rows;         /* rows added to the groups below */
  guint                 n_merges;
  SilaFieldStaff       *staff;        /* the kit's staff list */

  /* Template widgets */
  GtkLabel             *kit_label;
  AdwPreferencesGroup  *kit_group;
  AdwEntryRow          *event_row;
  AdwEntryRow          *districts_row;
  GtkSwitch            *lookup_switch;
  AdwExpanderRow       *staff_row;
  AdwActionRow         *kit_row;
  GtkButton            *kit_button;
  GtkLabel             *kit_error;
  AdwPreferencesGroup  *bundle_group;
  AdwActionRow         *bundle_row;
  GtkButton            *bundle_button;
  AdwPreferencesGroup  *merge_group;
  AdwActionRow         *choose_row;
  GtkButton            *choose_button;
  GtkLabel             *merge_error;
  AdwPreferencesGroup  *summary_group;
  GtkButton            *merge_button;
  AdwPreferencesGroup  *conflicts_group;
  AdwPreferencesGroup  *merges_group;
};

G_DEFINE_FINAL_TYPE (SilaFieldPage, sila_field_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void reload (SilaFieldPage *self);

static void
add_row (SilaFieldPage       *self,
         AdwPreferencesGroup *group,
         GtkWidget           *row)
{
  g_object_set_data (G_OBJECT (row), "sila-group", group);
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, row);
}

static void
clear_rows (SilaFieldPage       *self,
            AdwPreferencesGroup *group)
{
  for (guint i = self->rows->len; i > 0; i--)
    {
      GtkWidget *row = self->rows->pdata[i - 1];

      if (g_object_get_data (G_OBJECT (row), "sila-group") == group)
        {
          adw_preferences_group_remove (group, row);
          g_ptr_array_remove_index (self->rows, i - 1);
        }
    }
}

static void
show_summary (SilaFieldPage          *self,
              const SilaFieldSummary *s,
              const char             *title)
{
  clear_rows (self, self->summary_group);
  adw_preferences_group_set_title (self->summary_group, title);
  add_row (self, self->summary_group, sila_field_count_row (_("New files"), s->files));
  add_row (self, self->summary_group, sila_field_count_row (_("New requests"), s->requests));
  add_row (self, self->summary_group, sila_field_count_row (_("Survey responses"), s->responses));
  add_row (self, self->summary_group, sila_field_count_row (_("Contacts"), s->contacts));
  add_row (self, self->summary_group, sila_field_count_row (_("Suggestions and complaints"), s->feedback));
  add_row (self, self->summary_group, sila_field_count_row (_("Changed records"), s->changed));
  add_row (self, self->summary_group, sila_field_count_row (_("Conflicts to review"), s->conflicts));
  add_row (self, self->summary_group, sila_field_count_row (_("Possible duplicate files"), s->duplicates));
  gtk_widget_set_visible (GTK_WIDGET (self->summary_group), TRUE);
}

static const char *
conflict_kind_title (const char *kind)
{
  if (g_strcmp0 (kind, "duplicate") == 0)
    return _("Possibly the same person");
  if (g_strcmp0 (kind, "later_wins") == 0)
    return _("Changed on two laptops: the later change stands");
  if (g_strcmp0 (kind, "deleted") == 0)
    return _("Deleted on one side, changed on the other");
  if (g_strcmp0 (kind, "clash") == 0)
    return _("Could not be merged as it was");
  return _("Changed in the field and at the office: the office’s value stands");
}

/* A file's column as the form names it; other tables' as they are. */
static const char *
column_label (const char *entity,
              const char *column)
{
  const char *label = NULL;

  if (g_strcmp0 (entity, "beneficiaries") == 0 && column != NULL)
    label = sila_beneficiary_key_to_display (column);
  return label != NULL ? label : (column != NULL ? column : "");
}

static void
resolve_clicked_cb (GtkButton     *button,
                    SilaFieldPage *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index"));
  gboolean use_field = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "use-field"));

  sila_field_page_resolve (self, index, use_field);
}

static GtkWidget *
resolve_button (SilaFieldPage *self,
                const char    *label,
                guint          index,
                gboolean       use_field)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (button), "index", GUINT_TO_POINTER (index));
  g_object_set_data (G_OBJECT (button), "use-field", GINT_TO_POINTER (use_field));
  g_signal_connect (button, "clicked", G_CALLBACK (resolve_clicked_cb), self);
  return button;
}

static GtkWidget *
conflict_row (SilaFieldPage           *self,
              const SilaFieldConflict *c,
              guint                    index)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *what = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *label = NULL;
  gboolean is_file = g_strcmp0 (c->entity, "beneficiaries") == 0;
  gboolean settable = g_strcmp0 (c->kind, "both_changed") == 0 ||
                      g_strcmp0 (c->kind, "later_wins") == 0;

  if (c->label != NULL)
    label = sila_format_digits_for (c->label, sila_i18n_get_language ());
  if (is_file)
    what = g_strdup_printf (_("File %s"), label != NULL ? label : "");
  else if (g_strcmp0 (c->entity, "requests") == 0)
    what = g_strdup_printf (_("Request %s"), label != NULL ? label : "");
  else
    what = g_strdup (c->entity);

  if (g_strcmp0 (c->kind, "duplicate") == 0)
    subtitle = g_strdup (_("The same national ID as another file: both were kept, linked, until "
                           "an officer merges them."));
  else if (settable)
    {
      g_autofree char *field = sila_field_value_display (c->field_value);
      g_autofree char *office = sila_field_value_display (c->office_value);

      subtitle = g_strdup_printf (_("%s — at the office: “%s”; in the field: “%s”"),
                                  column_label (c->entity, c->column), office, field);
    }
  else
    subtitle = sila_field_value_display (c->field_value);

  {
    /* Translators: a record ("File 1003") and what happened to it. */
    g_autofree char *title = g_strdup_printf (_("%s — %s"), what, conflict_kind_title (c->kind));
    g_autofree char *t = g_markup_escape_text (title, -1);
    g_autofree char *s = g_markup_escape_text (subtitle, -1);

    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), t);
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), s);
  }
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);

  if (g_strcmp0 (c->kind, "duplicate") == 0)
    {
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 resolve_button (self, _("_Keep Both"), index, FALSE));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 resolve_button (self, _("_Merge the Files"), index, TRUE));
    }
  else if (settable)
    {
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 resolve_button (self, _("Keep the _Office’s"), index, FALSE));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 resolve_button (self, _("Use the _Field’s"), index, TRUE));
    }
  else
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               resolve_button (self, _("_Done"), index, FALSE));
  return row;
}

static void
reload (SilaFieldPage *self)
{
  SilaStore *store = sila_session_get_store (self->session);
  const SilaActor *actor = sila_session_get_actor (self->session);
  g_autofree char *event = sila_store_field_get_kit_event (store);
  g_autoptr(GPtrArray) merges = NULL;
  gboolean writable = !sila_store_is_read_only (store);

  gtk_widget_set_visible (GTK_WIDGET (self->kit_label), event != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->bundle_group), event != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->kit_group), event == NULL && writable &&
                          sila_session_can (self->session, SILA_PERM_BENEFICIARY_EXPORT));
  if (gtk_widget_get_visible (GTK_WIDGET (self->kit_group)))
    sila_field_staff_reload (self->staff, store, actor);
  gtk_widget_set_visible (GTK_WIDGET (self->merge_group), event == NULL && writable &&
                          sila_session_can (self->session, SILA_PERM_BENEFICIARY_IMPORT));
  gtk_widget_set_visible (GTK_WIDGET (self->conflicts_group), event == NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->merges_group), event == NULL);

  if (event != NULL)
    {
      g_autofree char *text =
        g_strdup_printf (_("This laptop runs the field kit of “%s”. Numbers made here are "
                           "provisional: the office gives the final ones when it merges the "
                           "return bundle."),
                         event);

      gtk_label_set_label (self->kit_label, text);
      return;
    }

  clear_rows (self, self->conflicts_group);
  clear_rows (self, self->merges_group);
  g_clear_pointer (&self->conflicts, g_ptr_array_unref);
  self->conflicts = sila_store_field_list_conflicts (store, actor, NULL);
  if (self->conflicts != NULL)
    for (guint i = 0; i < self->conflicts->len; i++)
      add_row (self, self->conflicts_group, conflict_row (self, self->conflicts->pdata[i], i));
  if (self->conflicts == NULL || self->conflicts->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Nothing waits for review."));
      add_row (self, self->conflicts_group, row);
    }

  merges = sila_store_field_list_merges (store, actor, NULL);
  self->n_merges = merges != NULL ? merges->len : 0;
  for (guint i = 0; merges != NULL && i < merges->len; i++)
    add_row (self, self->merges_group, sila_field_merge_row (merges->pdata[i]));
  if (self->n_merges == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No bundle merged yet."));
      add_row (self, self->merges_group, row);
    }
}

static void
session_changed_cb (SilaFieldPage *self,
                    const char    *what,
                    SilaSession   *session)
{
  reload (self);
}

/* What the buttons do */

gboolean
sila_field_page_prepare_kit (SilaFieldPage *self,
                             const char    *path)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) parts = NULL;
  g_autoptr(GPtrArray) districts = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) staff = NULL;
  const char *event = gtk_editable_get_text (GTK_EDITABLE (self->event_row));
  g_autofree char *trimmed = g_strstrip (g_strdup (event));
  gboolean lookup_only = gtk_switch_get_active (self->lookup_switch);

  g_return_val_if_fail (SILA_IS_FIELD_PAGE (self), FALSE);

  sila_field_error_clear (GTK_WIDGET (self->event_row), self->kit_error);
  sila_field_error_clear (GTK_WIDGET (self->districts_row), self->kit_error);
  sila_field_error_clear (GTK_WIDGET (self->kit_row), self->kit_error);
  sila_field_error_clear (GTK_WIDGET (self->staff_row), self->kit_error);

  /* "،" is the Arabic comma. */
  parts = g_regex_split_simple ("[,،]", gtk_editable_get_text (GTK_EDITABLE (self->districts_row)),
                                0, 0);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *d = g_strstrip (g_strdup (parts[i]));

      if (*d != '\0')
        g_ptr_array_add (districts, g_steal_pointer (&d));
    }
  g_ptr_array_add (districts, NULL);

  if (*trimmed == '\0')
    {
      g_set_error_literal (&error, SILA_STORE_ERROR, SILA_STORE_ERROR_INVALID,
                           _("Name the field event the kit is for."));
      sila_field_error_show (GTK_WIDGET (self->event_row), self->kit_error, error);
      return FALSE;
    }
  if (!lookup_only && districts->len == 1)
    {
      g_set_error_literal (&error, SILA_STORE_ERROR, SILA_STORE_ERROR_INVALID,
                           _("Name the districts whose files go, or choose a lookup list "
                             "only."));
      sila_field_error_show (GTK_WIDGET (self->districts_row), self->kit_error, error);
      return FALSE;
    }
  /* With no account at all, no list: the kit carries none, as ever. */
  if (sila_field_staff_get_n_rows (self->staff) > 0 &&
      (staff = sila_field_staff_get_chosen (self->staff)) == NULL)
    return FALSE;

  if (!sila_store_field_make_kit_for (sila_session_get_store (self->session),
                                      sila_session_get_actor (self->session), event,
                                      (const char * const *)districts->pdata, lookup_only,
                                      (const char * const *)staff, path, &error))
    {
      gboolean staff_error = g_error_matches (error, SILA_FIELD_ERROR,
                                              SILA_FIELD_ERROR_UNKNOWN_STAFF);

      sila_field_error_show (staff_error ? GTK_WIDGET (self->staff_row)
                                         : GTK_WIDGET (self->kit_row),
                             self->kit_error, error);
      return FALSE;
    }

  {
    g_autofree char *name = g_path_get_basename (path);
    g_autofree char *text = g_strdup_printf (_("Saved as %s. It holds personal data: only you "
                                               "can read it."),
                                             name);

    adw_action_row_set_subtitle (self->kit_row, text);
  }
  sila_session_notify_changed (self->session, "field");
  return TRUE;
}

gboolean
sila_field_page_write_bundle (SilaFieldPage *self,
                              const char    *path)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (SILA_IS_FIELD_PAGE (self), FALSE);

  sila_field_error_clear (GTK_WIDGET (self->bundle_row), self->kit_error);
  if (!sila_store_field_write_bundle (sila_session_get_store (self->session), path, &error))
    {
      sila_field_error_show (GTK_WIDGET (self->bundle_row), self->kit_error, error);
      return FALSE;
    }

  {
    g_autofree char *name = g_path_get_basename (path);
    g_autofree char *text = g_strdup_printf (_("Written as %s. Take it to the office to be "
                                               "merged."),
                                             name);

    adw_action_row_set_subtitle (self->bundle_row, text);
  }
  return TRUE;
}

gboolean
sila_field_page_check_bundles (SilaFieldPage      *self,
                               const char * const *paths)
{
  g_autoptr(GError) error = NULL;
  SilaFieldSummary summary;

  g_return_val_if_fail (SILA_IS_FIELD_PAGE (self), FALSE);

  sila_field_error_clear (GTK_WIDGET (self->choose_row), self->merge_error);
  g_clear_pointer (&self->pending, g_strfreev);
  gtk_widget_set_visible (GTK_WIDGET (self->summary_group), FALSE);

  if (!sila_store_field_merge (sila_session_get_store (self->session),
                               sila_session_get_actor (self->session), paths, TRUE, &summary,
                               &error))
    {
      sila_field_error_show (GTK_WIDGET (self->choose_row), self->merge_error, error);
      return FALSE;
    }

  self->pending = g_strdupv ((char **)paths);
  show_summary (self, &summary, _("What the merge will bring"));
  gtk_widget_set_visible (GTK_WIDGET (self->merge_button), TRUE);
  return TRUE;
}

gboolean
sila_field_page_merge (SilaFieldPage *self)
{
  g_autoptr(GError) error = NULL;
  SilaFieldSummary summary;

  g_return_val_if_fail (SILA_IS_FIELD_PAGE (self), FALSE);

  if (self->pending == NULL)
    return FALSE;
  sila_field_error_clear (GTK_WIDGET (self->choose_row), self->merge_error);
  if (!sila_store_field_merge (sila_session_get_store (self->session),
                               sila_session_get_actor (self->session),
                               (const char * const *)self->pending, FALSE, &summary, &error))
    {
      sila_field_error_show (GTK_WIDGET (self->choose_row), self->merge_error, error);
      return FALSE;
    }

  g_clear_pointer (&self->pending, g_strfreev);
  show_summary (self, &summary, _("Merged"));
  gtk_widget_set_visible (GTK_WIDGET (self->merge_button), FALSE);
  sila_session_notify_changed (self->session, NULL);
  reload (self);
  return TRUE;
}

gboolean
sila_field_page_resolve (SilaFieldPage *self,
                         guint          index,
                         gboolean       use_field)
{
  g_autoptr(GError) error = NULL;
  SilaFieldConflict *c;

  g_return_val_if_fail (SILA_IS_FIELD_PAGE (self), FALSE);

  if (self->conflicts == NULL || index >= self->conflicts->len)
    return FALSE;
  c = self->conflicts->pdata[index];
  if (!sila_store_field_resolve (sila_session_get_store (self->session),
                                 sila_session_get_actor (self->session), c->id, use_field,
                                 &error))
    {
      sila_field_error_show (GTK_WIDGET (self->choose_row), self->merge_error, error);
      return FALSE;
    }
  sila_session_notify_changed (self->session, NULL);
  reload (self);
  return TRUE;
}

/* Choosing files */

static void
chooser_response_cb (SilaFieldPage        *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);
          char *path = g_file_get_path (file);

          if (path != NULL)
            g_ptr_array_add (paths, path);
        }
      g_ptr_array_add (paths, NULL);

      if (paths->len > 1)
        switch (self->choosing)
          {
          case CHOOSING_KIT:
            sila_field_page_prepare_kit (self, paths->pdata[0]);
            break;
          case CHOOSING_BUNDLE:
            sila_field_page_write_bundle (self, paths->pdata[0]);
            break;
          case CHOOSING_MERGE:
          default:
            sila_field_page_check_bundles (self, (const char * const *)paths->pdata);
            break;
          }
    }

  g_clear_object (&self->chooser);
}

static void
choose (SilaFieldPage *self,
        Choosing       choosing)
{
  static const char *titles[] = {
    N_("Save the Field Kit"), N_("Write the Return Bundle"), N_("Choose Return Bundles"),
  };
  GtkFileChooserAction action = choosing == CHOOSING_MERGE ? GTK_FILE_CHOOSER_ACTION_OPEN
                                                           : GTK_FILE_CHOOSER_ACTION_SAVE;

  if (self->chooser != NULL)
    return;
  self->choosing = choosing;
  self->chooser = gtk_file_chooser_native_new (_(titles[choosing]),
                                               GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                               action, NULL, NULL);
  if (choosing == CHOOSING_MERGE)
    gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (self->chooser), TRUE);
  else
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser),
                                       choosing == CHOOSING_KIT ? "field-kit.sila"
                                                                : "return.bundle");
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* A message about a field goes once the field is changed: it no longer
 * describes what is typed. (The group's one message may be another
 * field's.) */
static void
kit_field_changed_cb (SilaFieldPage *self,
                      GtkEditable   *field)
{
  if (gtk_widget_has_css_class (GTK_WIDGET (field), "error"))
    sila_field_error_clear (GTK_WIDGET (field), self->kit_error);
}

static void
kit_clicked_cb (SilaFieldPage *self)
{
  choose (self, CHOOSING_KIT);
}

static void
bundle_clicked_cb (SilaFieldPage *self)
{
  choose (self, CHOOSING_BUNDLE);
}

static void
choose_clicked_cb (SilaFieldPage *self)
{
  choose (self, CHOOSING_MERGE);
}

static void
merge_clicked_cb (SilaFieldPage *self)
{
  sila_field_page_merge (self);
}

/* Getters, for tests */

guint
sila_field_page_get_n_conflicts (SilaFieldPage *self)
{
  return self->conflicts != NULL ? self->conflicts->len : 0;
}

guint
sila_field_page_get_n_merges (SilaFieldPage *self)
{
  return self->n_merges;
}

GtkWidget *
sila_field_page_get_event_row (SilaFieldPage *self)
{
  return GTK_WIDGET (self->event_row);
}

GtkWidget *
sila_field_page_get_districts_row (SilaFieldPage *self)
{
  return GTK_WIDGET (self->districts_row);
}

GtkLabel *
sila_field_page_get_kit_error (SilaFieldPage *self)
{
  return self->kit_error;
}

GtkLabel *
sila_field_page_get_kit_label (SilaFieldPage *self)
{
  return self->kit_label;
}

SilaFieldStaff *
sila_field_page_get_staff (SilaFieldPage *self)
{
  return self->staff;
}

GtkWidget *
sila_field_page_get_staff_row (SilaFieldPage *self)
{
  return GTK_WIDGET (self->staff_row);
}

GtkWidget *
sila_field_page_get_summary (SilaFieldPage *self)
{
  return GTK_WIDGET (self->summary_group);
}

/* The object */

static void
sila_field_page_constructed (GObject *object)
{
  SilaFieldPage *self = SILA_FIELD_PAGE (object);

  G_OBJECT_CLASS (sila_field_page_parent_class)->constructed (object);

  g_signal_connect_swapped (self->kit_button, "clicked", G_CALLBACK (kit_clicked_cb), self);
  g_signal_connect_swapped (self->event_row, "changed", G_CALLBACK (kit_field_changed_cb), self);
  g_signal_connect_swapped (self->districts_row, "changed", G_CALLBACK (kit_field_changed_cb),
                            self);
  g_signal_connect_swapped (self->bundle_button, "clicked", G_CALLBACK (bundle_clicked_cb),
                            self);
  g_signal_connect_swapped (self->choose_button, "clicked", G_CALLBACK (choose_clicked_cb),
                            self);
  g_signal_connect_swapped (self->merge_button, "clicked", G_CALLBACK (merge_clicked_cb), self);
  g_signal_connect_object (self->session, "changed", G_CALLBACK (session_changed_cb), self,
                           G_CONNECT_SWAPPED);
  reload (self);
}

static void
sila_field_page_dispose (GObject *object)
{
  SilaFieldPage *self = (SilaFieldPage *)object;
  GtkWidget *child;

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), SILA_TYPE_FIELD_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->session);
  g_clear_pointer (&self->pending, g_strfreev);
  g_clear_pointer (&self->conflicts, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->staff, sila_field_staff_free);

  G_OBJECT_CLASS (sila_field_page_parent_class)->dispose (object);
}

static void
sila_field_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SilaFieldPage *self = SILA_FIELD_PAGE (object);

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
sila_field_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SilaFieldPage *self = SILA_FIELD_PAGE (object);

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
sila_field_page_class_init (SilaFieldPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sila_field_page_constructed;
  object_class->dispose = sila_field_page_dispose;
  object_class->get_property = sila_field_page_get_property;
  object_class->set_property = sila_field_page_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, SILA_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/sila-field-page.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, SilaFieldPage, name)
  BIND (kit_label);
  BIND (kit_group);
  BIND (event_row);
  BIND (districts_row);
  BIND (lookup_switch);
  BIND (staff_row);
  BIND (kit_row);
  BIND (kit_button);
  BIND (kit_error);
  BIND (bundle_group);
  BIND (bundle_row);
  BIND (bundle_button);
  BIND (merge_group);
  BIND (choose_row);
  BIND (choose_button);
  BIND (merge_error);
  BIND (summary_group);
  BIND (merge_button);
  BIND (conflicts_group);
  BIND (merges_group);
#undef BIND
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
sila_field_page_init (SilaFieldPage *self)
{
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  self->staff = sila_field_staff_new (self->staff_row, self->kit_error);
}
