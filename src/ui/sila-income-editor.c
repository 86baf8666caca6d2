/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-ui"

#include "sila-config.h"

#include <glib/gi18n.h>

#include "sila-a11y.h"
#include "sila-field-error.h"
#include "sila-form.h"
#include "sila-income-editor.h"

struct _SilaIncomeEditor
{
  GtkWidget  parent_instance;

  GtkWidget *grid;
  char      *id;
  GtkWidget *source;
  GtkWidget *amount;
  GtkLabel  *source_error;
  GtkLabel  *amount_error;
};

G_DEFINE_FINAL_TYPE (SilaIncomeEditor, sila_income_editor, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
field_changed_cb (SilaIncomeEditor *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
remove_clicked_cb (SilaIncomeEditor *self)
{
  g_signal_emit (self, signals[REMOVE], 0);
}

static void
sila_income_editor_dispose (GObject *object)
{
  SilaIncomeEditor *self = (SilaIncomeEditor *)object;

  g_clear_pointer (&self->grid, gtk_widget_unparent);

  G_OBJECT_CLASS (sila_income_editor_parent_class)->dispose (object);
}

static void
sila_income_editor_finalize (GObject *object)
{
  SilaIncomeEditor *self = (SilaIncomeEditor *)object;

  g_free (self->id);

  G_OBJECT_CLASS (sila_income_editor_parent_class)->finalize (object);
}

static void
sila_income_editor_class_init (SilaIncomeEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sila_income_editor_dispose;
  object_class->finalize = sila_income_editor_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sila-income-editor");

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
sila_income_editor_init (SilaIncomeEditor *self)
{
  GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
  GtkWidget *currency = gtk_label_new (_("SAR a month"));

  self->grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (self->grid), 8);
  gtk_grid_set_row_spacing (GTK_GRID (self->grid), 2);
  gtk_widget_set_parent (self->grid, GTK_WIDGET (self));

  self->source = sila_form_choice_new (SILA_CHOICES_INCOME_SOURCE, TRUE);
  self->amount = sila_form_entry_new (TRUE, "0.00");
  gtk_editable_set_width_chars (GTK_EDITABLE (self->amount), 10);
  gtk_widget_set_hexpand (self->amount, FALSE);
  sila_a11y_set_label (self->source, _("Source of income"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->amount), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Monthly amount in riyals"), -1);
  gtk_widget_add_css_class (currency, "dim-label");
  gtk_widget_set_tooltip_text (remove, _("Remove this income"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove this income"), -1);
  gtk_widget_add_css_class (remove, "flat");

  self->source_error = sila_form_error_label_new ();
  self->amount_error = sila_form_error_label_new ();

  gtk_grid_attach (GTK_GRID (self->grid), self->source, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (self->grid), self->amount, 1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (self->grid), currency, 2, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (self->grid), remove, 3, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (self->grid), GTK_WIDGET (self->source_error), 0, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (self->grid), GTK_WIDGET (self->amount_error), 1, 1, 3, 1);

  sila_form_connect_changed (self->source, G_CALLBACK (field_changed_cb), self);
  sila_form_connect_changed (self->amount, G_CALLBACK (field_changed_cb), self);
  g_signal_connect_swapped (remove, "clicked", G_CALLBACK (remove_clicked_cb), self);
}

GtkWidget *
sila_income_editor_new (void)
{
  return g_object_new (SILA_TYPE_INCOME_EDITOR, NULL);
}

void
sila_income_editor_set_input (SilaIncomeEditor      *self,
                              const SilaIncomeInput *input)
{
  g_return_if_fail (SILA_IS_INCOME_EDITOR (self));

  g_free (self->id);
  self->id = g_strdup (input->id);
  sila_form_set_text (self->source, input->source);
  sila_form_set_text (self->amount, input->amount);
}

void
sila_income_editor_get_input (SilaIncomeEditor *self,
                              SilaIncomeInput  *input)
{
  g_return_if_fail (SILA_IS_INCOME_EDITOR (self));

  g_free (input->id);
  g_free (input->source);
  g_free (input->amount);
  input->id = g_strdup (self->id);
  input->source = sila_form_get_text (self->source);
  input->amount = sila_form_get_text (self->amount);
}

GtkWidget *
sila_income_editor_get_field (SilaIncomeEditor *self,
                              const char       *key)
{
  g_return_val_if_fail (SILA_IS_INCOME_EDITOR (self), NULL);

  if (g_strcmp0 (key, "source") == 0)
    return self->source;
  if (g_strcmp0 (key, "amount") == 0)
    return self->amount;
  return NULL;
}

gboolean
sila_income_editor_show_error (SilaIncomeEditor *self,
                               const char       *key,
                               const GError     *error)
{
  g_return_val_if_fail (SILA_IS_INCOME_EDITOR (self), FALSE);

  if (g_strcmp0 (key, "source") == 0)
    sila_field_error_show (self->source, self->source_error, error);
  else if (g_strcmp0 (key, "amount") == 0)
    sila_field_error_show (self->amount, self->amount_error, error);
  else
    return FALSE;
  return TRUE;
}

void
sila_income_editor_clear_errors (SilaIncomeEditor *self)
{
  g_return_if_fail (SILA_IS_INCOME_EDITOR (self));

  sila_field_error_clear (self->source, self->source_error);
  sila_field_error_clear (self->amount, self->amount_error);
}
