/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-ui"

#include "sila-config.h"

#include "sila-field-error.h"

#include "sila-date.h"

void
sila_field_error_show (GtkWidget    *field,
                       GtkLabel     *message_label,
                       const GError *error)
{
  g_return_if_fail (GTK_IS_WIDGET (field));
  g_return_if_fail (GTK_IS_LABEL (message_label));
  g_return_if_fail (error != NULL);

  gtk_widget_add_css_class (field, "error");
  gtk_label_set_label (message_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (message_label), TRUE);

  /* Screen readers announce the message with the field. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (field),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, message_label, NULL,
                                  -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (field),
                               GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                               -1);
}

void
sila_field_error_clear (GtkWidget *field,
                        GtkLabel  *message_label)
{
  g_return_if_fail (GTK_IS_WIDGET (field));
  g_return_if_fail (GTK_IS_LABEL (message_label));

  gtk_widget_remove_css_class (field, "error");
  gtk_label_set_label (message_label, "");
  gtk_widget_set_visible (GTK_WIDGET (message_label), FALSE);
  gtk_accessible_reset_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID);
}

gboolean
sila_field_read_date (GtkEntry *entry,
                      GtkLabel *message_label,
                      GDate    *date)
{
  g_autoptr(GError) error = NULL;

  if (!sila_date_parse_guess (gtk_editable_get_text (GTK_EDITABLE (entry)), date, NULL, &error))
    {
      sila_field_error_show (GTK_WIDGET (entry), message_label, error);
      return FALSE;
    }

  sila_field_error_clear (GTK_WIDGET (entry), message_label);
  return TRUE;
}

gboolean
sila_field_read_range (GtkEntry   *from,
                       GtkEntry   *to,
                       GtkLabel   *message_label,
                       SilaPeriod *period)
{
  g_autoptr(GError) error = NULL;
  GDate first, last;

  if (!sila_field_read_date (from, message_label, &first) ||
      !sila_field_read_date (to, message_label, &last))
    return FALSE;

  if (!sila_period_init_range (period, &first, &last, &error))
    {
      sila_field_error_show (GTK_WIDGET (to), message_label, error);
      return FALSE;
    }

  sila_field_error_clear (GTK_WIDGET (to), message_label);
  return TRUE;
}
