/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-ui"

#include "sila-config.h"

#include <glib/gi18n.h>

#include "sila-field-error.h"
#include "sila-form.h"
#include "sila-member-editor.h"

struct _SilaMemberEditor
{
  GtkWidget  parent_instance;

  GtkWidget *box;
  GtkLabel  *title;
  char      *id;                          /* the member's UUID, kept across edits */
  char      *id_type;                     /* the saved type of its ID, while the */
  char      *id_number;                   /* number is as it was saved */
  GtkWidget *fields[SILA_N_MEMBER_FIELDS];
  GtkLabel  *errors[SILA_N_MEMBER_FIELDS];
};

G_DEFINE_FINAL_TYPE (SilaMemberEditor, sila_member_editor, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
field_changed_cb (SilaMemberEditor *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
remove_clicked_cb (SilaMemberEditor *self)
{
  g_signal_emit (self, signals[REMOVE], 0);
}

static void
sila_member_editor_dispose (GObject *object)
{
  SilaMemberEditor *self = (SilaMemberEditor *)object;

  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (sila_member_editor_parent_class)->dispose (object);
}

static void
sila_member_editor_finalize (GObject *object)
{
  SilaMemberEditor *self = (SilaMemberEditor *)object;

  g_free (self->id);
  g_free (self->id_type);
  g_free (self->id_number);

  G_OBJECT_CLASS (sila_member_editor_parent_class)->finalize (object);
}

static void
sila_member_editor_class_init (SilaMemberEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sila_member_editor_dispose;
  object_class->finalize = sila_member_editor_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sila-member-editor");

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
sila_member_editor_init (SilaMemberEditor *self)
{
  static const char *const labels[SILA_N_MEMBER_FIELDS] = {
    [SILA_MEMBER_NAME]       = N_("_Name"),
    [SILA_MEMBER_RELATION]   = N_("_Relation"),
    [SILA_MEMBER_ID_NUMBER]  = N_("_ID number"),
    [SILA_MEMBER_BIRTH_DATE] = N_("_Birth date"),
    [SILA_MEMBER_GENDER]     = N_("_Gender"),
    [SILA_MEMBER_OCCUPATION] = N_("_Schooling or work"),
    [SILA_MEMBER_HEALTH]     = N_("_Health"),
  };
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  GtkWidget *grid = gtk_grid_new ();
  int row = 0;

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_add_css_class (self->box, "card");
  gtk_widget_add_css_class (self->box, "sila-form-card");
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  self->title = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->title, 0);
  gtk_widget_set_hexpand (GTK_WIDGET (self->title), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->title), "heading");
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->title));
  gtk_widget_set_tooltip_text (remove, _("Remove this member"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove this member"), -1);
  gtk_widget_add_css_class (remove, "flat");
  g_signal_connect_swapped (remove, "clicked", G_CALLBACK (remove_clicked_cb), self);
  gtk_box_append (GTK_BOX (header), remove);
  gtk_box_append (GTK_BOX (self->box), header);

  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_box_append (GTK_BOX (self->box), grid);

  self->fields[SILA_MEMBER_NAME] = sila_form_entry_new (FALSE, _("Full name"));
  self->fields[SILA_MEMBER_RELATION] = sila_form_choice_new (SILA_CHOICES_RELATION, TRUE);
  self->fields[SILA_MEMBER_ID_NUMBER] = sila_form_entry_new (TRUE, NULL);
  self->fields[SILA_MEMBER_BIRTH_DATE] = sila_form_entry_new (TRUE,
                                                              _("YYYY-MM-DD, Hijri or Gregorian"));
  self->fields[SILA_MEMBER_GENDER] = sila_form_choice_new (SILA_CHOICES_GENDER, TRUE);
  self->fields[SILA_MEMBER_OCCUPATION] = sila_form_choice_new (SILA_CHOICES_OCCUPATION, TRUE);
  self->fields[SILA_MEMBER_HEALTH] = sila_form_entry_new (FALSE, NULL);

  for (guint i = 0; i < SILA_N_MEMBER_FIELDS; i++)
    {
      self->errors[i] = sila_form_error_label_new ();
      row = sila_form_grid_add (GTK_GRID (grid), row, _(labels[i]), self->fields[i], NULL,
                                self->errors[i]);
      sila_form_connect_changed (self->fields[i], G_CALLBACK (field_changed_cb), self);
    }
}

GtkWidget *
sila_member_editor_new (void)
{
  return g_object_new (SILA_TYPE_MEMBER_EDITOR, NULL);
}

void
sila_member_editor_set_number (SilaMemberEditor *self,
                               guint             number)
{
  g_autofree char *title = NULL;

  g_return_if_fail (SILA_IS_MEMBER_EDITOR (self));

  title = g_strdup_printf (_("Member %u"), number);
  gtk_label_set_label (self->title, title);
}

void
sila_member_editor_set_input (SilaMemberEditor      *self,
                              const SilaMemberInput *input)
{
  g_return_if_fail (SILA_IS_MEMBER_EDITOR (self));

  g_free (self->id);
  self->id = g_strdup (input->id);
  g_free (self->id_type);
  self->id_type = g_strdup (input->id_type);
  g_free (self->id_number);
  self->id_number = g_strdup (input->fields[SILA_MEMBER_ID_NUMBER]);
  for (guint i = 0; i < SILA_N_MEMBER_FIELDS; i++)
    sila_form_set_text (self->fields[i], input->fields[i]);
}

void
sila_member_editor_get_input (SilaMemberEditor *self,
                              SilaMemberInput  *input)
{
  g_return_if_fail (SILA_IS_MEMBER_EDITOR (self));

  g_free (input->id);
  input->id = g_strdup (self->id);
  for (guint i = 0; i < SILA_N_MEMBER_FIELDS; i++)
    {
      g_autofree char *text = sila_form_get_text (self->fields[i]);
      sila_member_input_set (input, i, text);
    }
  /* A number typed anew is a national ID or an iqama (the core says). */
  g_clear_pointer (&input->id_type, g_free);
  if (g_strcmp0 (input->fields[SILA_MEMBER_ID_NUMBER], self->id_number) == 0)
    input->id_type = g_strdup (self->id_type);
}

static int
field_index (const char *key)
{
  for (guint i = 0; i < SILA_N_MEMBER_FIELDS; i++)
    if (g_strcmp0 (sila_member_field_to_key (i), key) == 0)
      return i;
  return -1;
}

gboolean
sila_member_editor_show_error (SilaMemberEditor *self,
                               const char       *key,
                               const GError     *error)
{
  int i = field_index (key);

  g_return_val_if_fail (SILA_IS_MEMBER_EDITOR (self), FALSE);

  if (i < 0)
    return FALSE;
  sila_field_error_show (self->fields[i], self->errors[i], error);
  return TRUE;
}

void
sila_member_editor_clear_errors (SilaMemberEditor *self)
{
  g_return_if_fail (SILA_IS_MEMBER_EDITOR (self));

  for (guint i = 0; i < SILA_N_MEMBER_FIELDS; i++)
    sila_field_error_clear (self->fields[i], self->errors[i]);
}

GtkWidget *
sila_member_editor_get_field (SilaMemberEditor *self,
                              const char       *key)
{
  int i = field_index (key);

  g_return_val_if_fail (SILA_IS_MEMBER_EDITOR (self), NULL);

  return i >= 0 ? self->fields[i] : NULL;
}

GtkLabel *
sila_member_editor_get_error_label (SilaMemberEditor *self,
                                    const char       *key)
{
  int i = field_index (key);

  g_return_val_if_fail (SILA_IS_MEMBER_EDITOR (self), NULL);

  return i >= 0 ? self->errors[i] : NULL;
}
