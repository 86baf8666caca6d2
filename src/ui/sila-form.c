/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-ui"

#include "sila-config.h"

#include <glib/gi18n.h>

#include "sila-display.h"
#include "sila-a11y.h"
#include "sila-form.h"
#include "sila-format.h"
#include "sila-text.h"

#define CODES_KEY "sila-codes"

GtkWidget *
sila_form_entry_new (gboolean    ltr,
                     const char *placeholder)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_widget_set_hexpand (entry, TRUE);
  if (placeholder != NULL)
    gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  if (ltr)
    {
      GtkEditable *text = gtk_editable_get_delegate (GTK_EDITABLE (entry));

      /* Digits and Latin letters read left to right, in either language;
       * the entry's text widget does not inherit the entry's direction.
       * In an Arabic form they stand at the right, where its fields start. */
      gtk_widget_set_direction (entry, GTK_TEXT_DIR_LTR);
      if (text != NULL)
        gtk_widget_set_direction (GTK_WIDGET (text), GTK_TEXT_DIR_LTR);
      gtk_entry_set_alignment (GTK_ENTRY (entry), gtk_widget_get_default_direction () ==
                                                  GTK_TEXT_DIR_RTL ? 1.0 : 0.0);
    }
  return entry;
}

/* GTK 4.8 gives a drop-down's search entry no API: its placeholder would
 * stay GTK's own ("Search..."), which Debian 12 shows in English. */
static void
sila_form_name_search_entry (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_SEARCH_ENTRY (child))
        {
          g_object_set (child, "placeholder-text", _("Search…"), NULL);
          gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _("Search the choices"), -1);
        }
      sila_form_name_search_entry (child);
    }
}

static GtkWidget *
choice_new (GPtrArray *codes,
            GPtrArray *names)
{
  GtkStringList *model;
  GtkWidget *dropdown;
  GtkExpression *expression;

  g_ptr_array_add (names, NULL);
  model = gtk_string_list_new ((const char * const *)names->pdata);
  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  dropdown = gtk_drop_down_new (G_LIST_MODEL (model), expression);
  gtk_widget_set_hexpand (dropdown, TRUE);
  if (codes->len > 12)
    {
      gtk_drop_down_set_enable_search (GTK_DROP_DOWN (dropdown), TRUE);
      sila_form_name_search_entry (dropdown);
    }
  g_object_set_data_full (G_OBJECT (dropdown), CODES_KEY, g_ptr_array_ref (codes),
                          (GDestroyNotify)g_ptr_array_unref);
  return dropdown;
}

GtkWidget *
sila_form_choice_new (SilaChoices list,
                      gboolean    optional)
{
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  const SilaChoice *choices;
  guint n;

  choices = sila_choices_get (list, &n);
  if (optional)
    {
      g_ptr_array_add (codes, NULL);
      g_ptr_array_add (names, (gpointer)"—");
    }
  for (guint i = 0; i < n; i++)
    {
      g_ptr_array_add (codes, g_strdup (choices[i].code));
      g_ptr_array_add (names, (gpointer)_(choices[i].english));
    }
  return choice_new (codes, names);
}

GtkWidget *
sila_form_choice_new_full (const char * const *codes,
                           const char * const *names)
{
  g_autoptr(GPtrArray) c = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) n = g_ptr_array_new ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_ptr_array_add (c, g_strdup (codes[i]));
      g_ptr_array_add (n, (gpointer)names[i]);
    }
  return choice_new (c, n);
}

const char *
sila_form_choice_get_code (GtkWidget *dropdown)
{
  GPtrArray *codes = g_object_get_data (G_OBJECT (dropdown), CODES_KEY);
  guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (dropdown));

  if (codes == NULL || selected >= codes->len)
    return NULL;
  return g_ptr_array_index (codes, selected);
}

void
sila_form_choice_set_code (GtkWidget  *dropdown,
                           const char *code)
{
  GPtrArray *codes = g_object_get_data (G_OBJECT (dropdown), CODES_KEY);
  GtkStringList *model = GTK_STRING_LIST (gtk_drop_down_get_model (GTK_DROP_DOWN (dropdown)));

  for (guint i = 0; codes != NULL && i < codes->len; i++)
    if (g_strcmp0 (g_ptr_array_index (codes, i), code) == 0)
      {
        gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), i);
        return;
      }

  if (code == NULL || codes == NULL)
    return;
  g_ptr_array_add (codes, g_strdup (code));
  gtk_string_list_append (model, code);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), codes->len - 1);
}

GtkLabel *
sila_form_error_label_new (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (label, "sila-field-error");
  gtk_widget_set_visible (label, FALSE);
  return GTK_LABEL (label);
}

GtkLabel *
sila_form_hint_label_new (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_set_visible (label, FALSE);
  return GTK_LABEL (label);
}

int
sila_form_grid_add (GtkGrid    *grid,
                    int         row,
                    const char *label,
                    GtkWidget  *field,
                    GtkLabel   *hint,
                    GtkLabel   *error)
{
  GtkWidget *title = gtk_label_new_with_mnemonic (label);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_set_valign (title, GTK_ALIGN_CENTER);
  gtk_label_set_mnemonic_widget (GTK_LABEL (title), field);
  gtk_widget_add_css_class (title, "sila-form-label");
  gtk_grid_attach (grid, title, 0, row, 1, 1);
  gtk_grid_attach (grid, field, 1, row, 1, 1);
  sila_a11y_label_by (field, title);
  row++;
  if (hint != NULL)
    gtk_grid_attach (grid, GTK_WIDGET (hint), 1, row++, 1, 1);
  if (error != NULL)
    gtk_grid_attach (grid, GTK_WIDGET (error), 1, row++, 1, 1);
  return row;
}

static char *
nonempty (char *text)
{
  if (text != NULL && *g_strstrip (text) == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

char *
sila_form_get_text (GtkWidget *field)
{
  if (GTK_IS_DROP_DOWN (field))
    return g_strdup (sila_form_choice_get_code (field));

  if (GTK_IS_CHECK_BUTTON (field))
    return g_strdup (gtk_check_button_get_active (GTK_CHECK_BUTTON (field)) ? "given"
                                                                           : "pending");

  if (GTK_IS_TEXT_VIEW (field))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (field));
      GtkTextIter start, end;
      char *text;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      if (*text == '\0')
        g_clear_pointer (&text, g_free);
      return text;
    }

  if (GTK_IS_EDITABLE (field))
    {
      /* Kept as typed (spaces too): only an empty field gives NULL. */
      const char *text = gtk_editable_get_text (GTK_EDITABLE (field));
      g_autofree char *copy = g_strdup (text);

      return nonempty (g_steal_pointer (&copy)) != NULL ? g_strdup (text) : NULL;
    }

  return NULL;
}

void
sila_form_set_text (GtkWidget  *field,
                    const char *text)
{
  if (GTK_IS_DROP_DOWN (field))
    sila_form_choice_set_code (field, text);
  else if (GTK_IS_CHECK_BUTTON (field))
    gtk_check_button_set_active (GTK_CHECK_BUTTON (field), g_strcmp0 (text, "given") == 0);
  else if (GTK_IS_TEXT_VIEW (field))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (field)),
                              text != NULL ? text : "", -1);
  else if (GTK_IS_EDITABLE (field))
    gtk_editable_set_text (GTK_EDITABLE (field), text != NULL ? text : "");
}

void
sila_form_connect_changed (GtkWidget *field,
                           GCallback  callback,
                           gpointer   data)
{
  if (GTK_IS_DROP_DOWN (field))
    g_signal_connect_swapped (field, "notify::selected", callback, data);
  else if (GTK_IS_CHECK_BUTTON (field))
    g_signal_connect_swapped (field, "toggled", callback, data);
  else if (GTK_IS_TEXT_VIEW (field))
    g_signal_connect_swapped (gtk_text_view_get_buffer (GTK_TEXT_VIEW (field)), "changed",
                              callback, data);
  else if (GTK_IS_EDITABLE (field))
    g_signal_connect_swapped (field, "changed", callback, data);
}

char *
sila_form_ltr (const char *text)
{
  return sila_display_code (text);
}

static gboolean
spin_output_cb (GtkSpinButton *spin,
                gpointer       user_data)
{
  g_autofree char *text = sila_format_int ((gint64)gtk_spin_button_get_value (spin));

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (spin)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static int
spin_input_cb (GtkSpinButton *spin,
               double        *value,
               gpointer       user_data)
{
  g_autofree char *ascii = sila_text_digits_to_ascii (gtk_editable_get_text (GTK_EDITABLE (spin)));
  gint64 n;

  /* Grouping separators typed or shown (١٬٠٠٠, 1,000) are not part of the value. */
  {
    g_autoptr(GString) plain = g_string_new (NULL);

    for (const char *p = ascii; *p != '\0'; p = g_utf8_next_char (p))
      if (*p != ' ' && *p != ',' && g_utf8_get_char (p) != 0x066C && g_utf8_get_char (p) != 0x200F)
        g_string_append_unichar (plain, g_utf8_get_char (p));
    if (!g_ascii_string_to_signed (plain->str, 10, G_MININT64, G_MAXINT64, &n, NULL))
      return GTK_INPUT_ERROR;
  }
  *value = (double)n;
  return TRUE;
}

void
sila_form_localize_spin (GtkSpinButton *spin)
{
  g_return_if_fail (GTK_IS_SPIN_BUTTON (spin));

  /* A numeric spin button drops every character but ASCII digits, the
   * Arabic-Indic ones included; the input handler checks what is typed. */
  gtk_spin_button_set_numeric (spin, FALSE);
  g_signal_connect (spin, "output", G_CALLBACK (spin_output_cb), NULL);
  g_signal_connect (spin, "input", G_CALLBACK (spin_input_cb), NULL);
  /* Shows the current value at once in the right digits. */
  spin_output_cb (spin, NULL);
}

void
sila_form_choice_relabel (GtkWidget        *dropdown,
                          SilaFormNameFunc  name_for,
                          gpointer          user_data)
{
  GPtrArray *codes = g_object_get_data (G_OBJECT (dropdown), CODES_KEY);
  GtkStringList *model = GTK_STRING_LIST (gtk_drop_down_get_model (GTK_DROP_DOWN (dropdown)));
  guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (dropdown));
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  if (codes == NULL)
    return;
  for (guint i = 0; i < codes->len; i++)
    {
      const char *code = g_ptr_array_index (codes, i);

      g_ptr_array_add (names, code != NULL ? (gpointer)name_for (code, user_data)
                                            : (gpointer)"—");
    }
  g_ptr_array_add (names, NULL);
  gtk_string_list_splice (model, 0, g_list_model_get_n_items (G_LIST_MODEL (model)),
                          (const char * const *)names->pdata);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), selected);
}
