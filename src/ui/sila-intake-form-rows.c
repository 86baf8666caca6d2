/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The intake form's household members and incomes: one editor per row,
 * added, removed and renumbered; the total income kept up to date. */
#define G_LOG_DOMAIN "sila-ui"

#include "sila-config.h"

#include <glib/gi18n.h>

#include "sila-form.h"
#include "sila-income-editor.h"
#include "sila-intake-form-private.h"
#include "sila-member-editor.h"

static void
field_changed_cb (SilaIntakeForm *self)
{
  if (self->loading)
    return;
  sila_intake_form_schedule_draft (self);
}


static void
renumber_members (SilaIntakeForm *self)
{
  guint n = 1;

  for (GtkWidget *child = gtk_widget_get_first_child (self->members_box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (SILA_IS_MEMBER_EDITOR (child))
      sila_member_editor_set_number (SILA_MEMBER_EDITOR (child), n++);
}

static void
member_remove_cb (SilaIntakeForm *self,
                  GtkWidget      *editor)
{
  gtk_box_remove (GTK_BOX (self->members_box), editor);
  renumber_members (self);
  field_changed_cb (self);
}

GtkWidget *
sila_intake_form_append_member (SilaIntakeForm        *self,
               const SilaMemberInput *input)
{
  GtkWidget *editor = sila_member_editor_new ();

  if (input != NULL)
    sila_member_editor_set_input (SILA_MEMBER_EDITOR (editor), input);
  g_signal_connect_swapped (editor, "changed", G_CALLBACK (field_changed_cb), self);
  g_signal_connect_swapped (editor, "remove", G_CALLBACK (member_remove_cb), self);
  gtk_box_append (GTK_BOX (self->members_box), editor);
  renumber_members (self);
  return editor;
}

void
sila_intake_form_update_income_total (SilaIntakeForm *self)
{
  g_autofree char *total_text = NULL;
  g_autofree char *label = NULL;
  gint64 total = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (self->incomes_box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      g_autofree char *amount = NULL;
      gint64 halalas = 0;

      if (!SILA_IS_INCOME_EDITOR (child))
        continue;
      amount = sila_form_get_text (sila_income_editor_get_field (SILA_INCOME_EDITOR (child),
                                                                 "amount"));
      if (amount != NULL && sila_money_parse (amount, 0, &halalas, NULL))
        total += halalas;
    }

  total_text = sila_money_format (total, TRUE);
  label = g_strdup_printf (_("Total monthly income: %s"), total_text);
  gtk_label_set_label (self->income_total, label);
}

static void
income_changed_cb (SilaIntakeForm *self)
{
  sila_intake_form_update_income_total (self);
  field_changed_cb (self);
}

static void
income_remove_cb (SilaIntakeForm *self,
                  GtkWidget      *editor)
{
  gtk_box_remove (GTK_BOX (self->incomes_box), editor);
  income_changed_cb (self);
}

GtkWidget *
sila_intake_form_append_income (SilaIntakeForm        *self,
               const SilaIncomeInput *input)
{
  GtkWidget *editor = sila_income_editor_new ();

  if (input != NULL)
    sila_income_editor_set_input (SILA_INCOME_EDITOR (editor), input);
  g_signal_connect_swapped (editor, "changed", G_CALLBACK (income_changed_cb), self);
  g_signal_connect_swapped (editor, "remove", G_CALLBACK (income_remove_cb), self);
  gtk_box_append (GTK_BOX (self->incomes_box), editor);
  return editor;
}

void
sila_intake_form_add_member (SilaIntakeForm *self)
{
  GtkWidget *editor;

  g_return_if_fail (SILA_IS_INTAKE_FORM (self));

  editor = sila_intake_form_append_member (self, NULL);
  gtk_widget_grab_focus (sila_member_editor_get_field (SILA_MEMBER_EDITOR (editor), "name"));
}

void
sila_intake_form_add_income (SilaIntakeForm *self)
{
  GtkWidget *editor;

  g_return_if_fail (SILA_IS_INTAKE_FORM (self));

  editor = sila_intake_form_append_income (self, NULL);
  gtk_widget_grab_focus (sila_income_editor_get_field (SILA_INCOME_EDITOR (editor), "source"));
}
