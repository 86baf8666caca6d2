/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The staff list of the prepare-kit form (sila-field-staff.h): who will
 * sign in on the laptop. The accounts not chosen do not travel at all
 * (sila_store_field_make_kit_for()). */
#define G_LOG_DOMAIN "sila-ui"

#include "sila-config.h"

#include <glib/gi18n.h>

#include "sila-field-error.h"
#include "sila-field-staff.h"
#include "sila-format.h"
#include "sila-store-field.h"
#include "sila-store-staff.h"

struct _SilaFieldStaff
{
  AdwExpanderRow *row;
  GtkLabel       *message_label;
  GPtrArray      *rows;       /* the account rows added to the expander */
  GPtrArray      *checks;     /* their GtkCheckButton, in the same order */
  GPtrArray      *usernames;  /* theirs, in the same order */
  GHashTable     *unchosen;   /* usernames unchecked, kept across reloads */
  char           *me;         /* whoever prepares the kit */
};

SilaFieldStaff *
sila_field_staff_new (AdwExpanderRow *row,
                      GtkLabel       *message_label)
{
  SilaFieldStaff *self = g_new0 (SilaFieldStaff, 1);

  self->row = row;
  self->message_label = message_label;
  self->rows = g_ptr_array_new ();
  self->checks = g_ptr_array_new ();
  self->usernames = g_ptr_array_new_with_free_func (g_free);
  self->unchosen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return self;
}

void
sila_field_staff_free (SilaFieldStaff *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->rows);
  g_ptr_array_unref (self->checks);
  g_ptr_array_unref (self->usernames);
  g_hash_table_unref (self->unchosen);
  g_free (self->me);
  g_free (self);
}

static guint
count_chosen (SilaFieldStaff *self)
{
  guint n = 0;

  for (guint i = 0; i < self->checks->len; i++)
    if (gtk_check_button_get_active (self->checks->pdata[i]))
      n++;
  return n;
}

static gboolean
none_chosen (SilaFieldStaff *self)
{
  return self->checks->len > 0 && count_chosen (self) == 0;
}

static void
show_none_chosen (SilaFieldStaff *self)
{
  g_autoptr(GError) error =
    g_error_new_literal (G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                         _("Choose at least one member of staff who will sign in on the "
                           "laptop."));

  adw_expander_row_set_expanded (self->row, TRUE);
  sila_field_error_show (GTK_WIDGET (self->row), self->message_label, error);
}

static void
update_subtitle (SilaFieldStaff *self)
{
  g_autofree char *chosen = sila_format_int (count_chosen (self));
  g_autofree char *all = sila_format_int (self->checks->len);
  g_autofree char *text = NULL;

  if (count_chosen (self) == self->checks->len)
    text = g_strdup_printf (_("All %s active accounts"), all);
  else
    text = g_strdup_printf (_("Chosen: %s of %s accounts"), chosen, all);
  adw_expander_row_set_subtitle (self->row, text);
}

static void
toggled_cb (GtkCheckButton *check,
            SilaFieldStaff *self)
{
  guint i;

  if (!g_ptr_array_find (self->checks, check, &i))
    return;
  if (gtk_check_button_get_active (check))
    g_hash_table_remove (self->unchosen, self->usernames->pdata[i]);
  else
    g_hash_table_add (self->unchosen, g_strdup (self->usernames->pdata[i]));
  update_subtitle (self);
  /* Said at once, beside the list, not only when the kit is saved. */
  if (none_chosen (self))
    show_none_chosen (self);
  else
    sila_field_error_clear (GTK_WIDGET (self->row), self->message_label);
}

static void
clear (SilaFieldStaff *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_expander_row_remove (self->row, self->rows->pdata[i]);
  g_ptr_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->checks, 0);
  g_ptr_array_set_size (self->usernames, 0);
}

void
sila_field_staff_reload (SilaFieldStaff   *self,
                         SilaStore        *store,
                         const SilaActor  *actor)
{
  g_autoptr(GPtrArray) staff = sila_store_field_list_kit_staff (store, actor, NULL);

  clear (self);
  g_free (self->me);
  self->me = g_strdup (actor != NULL ? actor->username : NULL);

  for (guint i = 0; staff != NULL && i < staff->len; i++)
    {
      const SilaStaff *s = staff->pdata[i];
      gboolean mine = g_strcmp0 (s->username, self->me) == 0;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      g_autofree char *title = g_markup_escape_text (s->display_name, -1);
      g_autofree char *subtitle = NULL;

      if (mine)
        subtitle = g_strdup_printf (_("%s — you prepare the kit: you are always on it, so "
                                      "that you can sign in"),
                                    s->username);
      else
        subtitle = g_strdup (s->username);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   mine || !g_hash_table_contains (self->unchosen, s->username));
      gtk_widget_set_sensitive (check, !mine);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      s->display_name, -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), mine ? NULL : check);
      g_signal_connect (check, "toggled", G_CALLBACK (toggled_cb), self);
      adw_expander_row_add_row (self->row, row);
      g_ptr_array_add (self->rows, row);
      g_ptr_array_add (self->checks, check);
      g_ptr_array_add (self->usernames, g_strdup (s->username));
    }

  /* A database with no account (its owner works alone): nothing to choose. */
  gtk_widget_set_visible (GTK_WIDGET (self->row), self->checks->len > 0);
  update_subtitle (self);
}

GStrv
sila_field_staff_get_chosen (SilaFieldStaff *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (none_chosen (self))
    {
      show_none_chosen (self);
      return NULL;
    }
  for (guint i = 0; i < self->checks->len; i++)
    if (gtk_check_button_get_active (self->checks->pdata[i]))
      g_strv_builder_add (builder, self->usernames->pdata[i]);
  return g_strv_builder_end (builder);
}

gboolean
sila_field_staff_set_chosen (SilaFieldStaff *self,
                             const char     *username,
                             gboolean        chosen)
{
  for (guint i = 0; i < self->usernames->len; i++)
    if (g_strcmp0 (self->usernames->pdata[i], username) == 0)
      {
        GtkWidget *check = self->checks->pdata[i];

        if (!gtk_widget_get_sensitive (check))
          return chosen;
        gtk_check_button_set_active (GTK_CHECK_BUTTON (check), chosen);
        return TRUE;
      }
  return FALSE;
}

guint
sila_field_staff_get_n_rows (SilaFieldStaff *self)
{
  return self->checks->len;
}
