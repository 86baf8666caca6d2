/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-ui"

#include "sila-config.h"

#include <glib/gi18n.h>

#include "sila-beneficiary-row-view.h"
#include "sila-choices.h"
#include "sila-display.h"
#include "sila-form.h"
#include "sila-format.h"
#include "sila-phone.h"

#define ROW_HEIGHT  36
#define GAP         12

struct _SilaBeneficiaryRowView
{
  GtkWidget    parent_instance;

  char        *texts[SILA_N_ROW_COLUMNS];
  PangoLayout *layouts[SILA_N_ROW_COLUMNS];
};

G_DEFINE_FINAL_TYPE (SilaBeneficiaryRowView, sila_beneficiary_row_view, GTK_TYPE_WIDGET)

/* Widths in average characters (digits for the numeric columns); the
 * name takes what is left. The segment, the district and the consent mark
 * are at least as wide as their longest words as drawn in the UI language
 * ("Person with a disability", "South Al-Rusaifah", "Consent pending"),
 * which English makes longer than Arabic. */
static const int column_chars[SILA_N_ROW_COLUMNS] = { 6, -1, 12, 14, 20, 12, 14 };
static int column_pixels[SILA_N_ROW_COLUMNS];

static int
text_pixels (GtkWidget  *widget,
             const char *text)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  g_object_unref (layout);
  return width;
}

static void
fit_columns_to_language (GtkWidget *widget)
{
  const SilaChoice *districts;
  guint n;

  if (column_pixels[SILA_ROW_COLUMN_DISTRICT] > 0)
    return;
  districts = sila_choices_get (SILA_CHOICES_DISTRICT, &n);
  for (guint i = 0; i < n; i++)
    column_pixels[SILA_ROW_COLUMN_DISTRICT] = MAX (column_pixels[SILA_ROW_COLUMN_DISTRICT],
                                                   text_pixels (widget, _(districts[i].english)));
  column_pixels[SILA_ROW_COLUMN_CONSENT] = text_pixels (widget, _("Consent pending"));
}

static gboolean
is_numeric (guint column)
{
  return column == SILA_ROW_COLUMN_NUMBER || column == SILA_ROW_COLUMN_ID ||
         column == SILA_ROW_COLUMN_PHONE;
}

static void
sila_beneficiary_row_view_measure (GtkWidget      *widget,
                                   GtkOrientation  orientation,
                                   int             for_size,
                                   int            *minimum,
                                   int            *natural,
                                   int            *minimum_baseline,
                                   int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_VERTICAL)
    *minimum = *natural = ROW_HEIGHT;
  else
    {
      *minimum = 200;
      *natural = 900;
    }
}

static PangoLayout *
get_layout (SilaBeneficiaryRowView *self,
            SilaRowColumn           column)
{
  if (self->layouts[column] == NULL && self->texts[column] != NULL)
    {
      PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self),
                                                            self->texts[column]);

      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_single_paragraph_mode (layout, TRUE);
      if (column == SILA_ROW_COLUMN_NAME)
        {
          PangoAttrList *attrs = pango_attr_list_new ();

          pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
          pango_layout_set_attributes (layout, attrs);
          pango_attr_list_unref (attrs);
        }
      self->layouts[column] = layout;
    }
  return self->layouts[column];
}

static void
sila_beneficiary_row_view_snapshot (GtkWidget   *widget,
                                    GtkSnapshot *snapshot)
{
  SilaBeneficiaryRowView *self = SILA_BENEFICIARY_ROW_VIEW (widget);
  GtkStyleContext *style = gtk_widget_get_style_context (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  PangoFontMetrics *metrics;
  int char_width, digit_width;
  int widths[SILA_N_ROW_COLUMNS];
  int fixed = 0;
  int x = GAP;
  GdkRGBA color, dim, warning;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (style, &color);
  if (!gtk_style_context_lookup_color (style, "warning_color", &warning))
    warning = color;
  G_GNUC_END_IGNORE_DEPRECATIONS
  dim = color;
  dim.alpha *= 0.6;

  fit_columns_to_language (widget);
  metrics = pango_context_get_metrics (gtk_widget_get_pango_context (widget), NULL, NULL);
  char_width = pango_font_metrics_get_approximate_char_width (metrics) / PANGO_SCALE;
  digit_width = pango_font_metrics_get_approximate_digit_width (metrics) / PANGO_SCALE;
  pango_font_metrics_unref (metrics);
  /* Under an Arabic font the metrics can give no digit width at all, and
   * every number was cut to "…": measure the digits themselves. */
  {
    PangoLayout *digits = gtk_widget_create_pango_layout (widget, "0123456789");
    int digits_width;

    pango_layout_get_pixel_size (digits, &digits_width, NULL);
    g_object_unref (digits);
    digit_width = MAX (digit_width, (digits_width + 9) / 10);
  }

  for (guint c = 0; c < SILA_N_ROW_COLUMNS; c++)
    {
      widths[c] = column_chars[c] * (is_numeric (c) ? digit_width + 1 : char_width);
      if (column_chars[c] > 0)
        widths[c] = MAX (widths[c], column_pixels[c] + 4);
      if (column_chars[c] > 0)
        fixed += widths[c] + GAP;
    }

  for (guint c = 0; c < SILA_N_ROW_COLUMNS; c++)
    {
      int w = column_chars[c] > 0 ? widths[c] : MAX (width - fixed - 2 * GAP, 4 * char_width);
      PangoLayout *layout = get_layout (self, c);
      const GdkRGBA *ink = &color;
      int text_height;

      if (layout != NULL)
        {
          pango_layout_set_width (layout, w * PANGO_SCALE);
          pango_layout_get_pixel_size (layout, NULL, &text_height);
          if (c == SILA_ROW_COLUMN_NUMBER || c == SILA_ROW_COLUMN_SEGMENT ||
              c == SILA_ROW_COLUMN_DISTRICT)
            ink = &dim;
          else if (c == SILA_ROW_COLUMN_CONSENT)
            ink = &warning;

          gtk_snapshot_save (snapshot);
          gtk_snapshot_translate (snapshot,
                                  &GRAPHENE_POINT_INIT (rtl ? width - x - w : x,
                                                        (height - text_height) / 2));
          gtk_snapshot_append_layout (snapshot, layout, ink);
          gtk_snapshot_restore (snapshot);
        }
      x += w + GAP;
    }
}

static void
clear_layouts (SilaBeneficiaryRowView *self)
{
  for (guint c = 0; c < SILA_N_ROW_COLUMNS; c++)
    g_clear_object (&self->layouts[c]);
}

static void
sila_beneficiary_row_view_css_changed (GtkWidget         *widget,
                                       GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (sila_beneficiary_row_view_parent_class)->css_changed (widget, change);
  clear_layouts (SILA_BENEFICIARY_ROW_VIEW (widget));
}

static void
sila_beneficiary_row_view_direction_changed (GtkWidget        *widget,
                                             GtkTextDirection  previous)
{
  clear_layouts (SILA_BENEFICIARY_ROW_VIEW (widget));
  gtk_widget_queue_draw (widget);
}

static void
sila_beneficiary_row_view_finalize (GObject *object)
{
  SilaBeneficiaryRowView *self = (SilaBeneficiaryRowView *)object;

  clear_layouts (self);
  for (guint c = 0; c < SILA_N_ROW_COLUMNS; c++)
    g_free (self->texts[c]);

  G_OBJECT_CLASS (sila_beneficiary_row_view_parent_class)->finalize (object);
}

static void
sila_beneficiary_row_view_class_init (SilaBeneficiaryRowViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = sila_beneficiary_row_view_finalize;
  widget_class->measure = sila_beneficiary_row_view_measure;
  widget_class->snapshot = sila_beneficiary_row_view_snapshot;
  widget_class->css_changed = sila_beneficiary_row_view_css_changed;
  widget_class->direction_changed = sila_beneficiary_row_view_direction_changed;

  gtk_widget_class_set_css_name (widget_class, "sila-beneficiary-row");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
sila_beneficiary_row_view_init (SilaBeneficiaryRowView *self)
{
}

GtkWidget *
sila_beneficiary_row_view_new (void)
{
  return g_object_new (SILA_TYPE_BENEFICIARY_ROW_VIEW, NULL);
}

void
sila_beneficiary_row_view_set_text (SilaBeneficiaryRowView *self,
                                    SilaRowColumn           column,
                                    const char             *text)
{
  g_return_if_fail (SILA_IS_BENEFICIARY_ROW_VIEW (self));
  g_return_if_fail (column < SILA_N_ROW_COLUMNS);

  if (g_strcmp0 (self->texts[column], text) == 0)
    return;
  g_free (self->texts[column]);
  self->texts[column] = text != NULL && *text != '\0' ? g_strdup (text) : NULL;
  g_clear_object (&self->layouts[column]);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
sila_beneficiary_row_view_get_text (SilaBeneficiaryRowView *self,
                                    SilaRowColumn           column)
{
  g_return_val_if_fail (SILA_IS_BENEFICIARY_ROW_VIEW (self), NULL);
  g_return_val_if_fail (column < SILA_N_ROW_COLUMNS, NULL);

  return self->texts[column];
}

static const char *
segment_name (GPtrArray  *segments,
              const char *code)
{
  for (guint i = 0; code != NULL && segments != NULL && i < segments->len; i++)
    {
      const SilaSegment *s = g_ptr_array_index (segments, i);

      if (g_str_equal (s->code, code))
        return sila_segment_get_display (s);
    }
  return code;
}

/* What a screen reader says for a row: every column shown, each with what
 * it is ("File 1234, name, ID …, mobile …, segment …, district …, consent
 * pending"), without the direction marks the drawn text carries. */
static char *
describe (SilaBeneficiaryRowView *self,
          const char             *number,
          const char             *name,
          const char             *id_number,
          const char             *phone,
          gboolean                pending)
{
  /* TRANSLATORS: between the parts of a row read aloud; Arabic uses "، ". */
  const char *sep = C_("list separator", ", ");
  const char *segment = self->texts[SILA_ROW_COLUMN_SEGMENT];
  const char *district = self->texts[SILA_ROW_COLUMN_DISTRICT];
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, _("File %s"), number);
  g_string_append (text, sep);
  g_string_append (text, name != NULL ? name : "");
  g_string_append (text, sep);
  if (id_number != NULL)
    g_string_append_printf (text, _("ID %s"), id_number);
  else
    g_string_append (text, _("no ID number"));
  if (phone != NULL)
    {
      g_string_append (text, sep);
      g_string_append_printf (text, _("mobile %s"), phone);
    }
  if (segment != NULL)
    {
      g_string_append (text, sep);
      g_string_append_printf (text, _("segment %s"), segment);
    }
  if (district != NULL)
    {
      g_string_append (text, sep);
      g_string_append_printf (text, _("district %s"), district);
    }
  g_string_append (text, sep);
  g_string_append (text, pending ? _("consent pending") : _("consent recorded"));
  return g_string_free (text, FALSE);
}

/* Shows @row: its file number (a code: Western digits), the name, ID and
 * mobile left to right, segment (@segments name them), district and a
 * "consent pending" mark; and what a screen reader says for it. */
void
sila_beneficiary_row_view_show (SilaBeneficiaryRowView *self,
                                SilaBeneficiaryRow     *row,
                                GPtrArray              *segments)
{
  g_autofree char *number = NULL;
  g_autofree char *number_shown = NULL;
  g_autofree char *id = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *accessible = NULL;
  g_autofree char *phone_plain = NULL;
  const char *mobile = sila_beneficiary_row_get_mobile (row);
  const char *name = sila_beneficiary_row_get_name (row);
  gboolean pending = g_strcmp0 (sila_beneficiary_row_get_consent (row), "pending") == 0;

  g_return_if_fail (SILA_IS_BENEFICIARY_ROW_VIEW (self));

  /* The longest segment's name, once: it is a column of every row. */
  if (column_pixels[SILA_ROW_COLUMN_SEGMENT] == 0 && segments != NULL && segments->len > 0)
    for (guint i = 0; i < segments->len; i++)
      {
        const SilaSegment *segment = g_ptr_array_index (segments, i);

        column_pixels[SILA_ROW_COLUMN_SEGMENT] =
          MAX (column_pixels[SILA_ROW_COLUMN_SEGMENT],
               MIN (text_pixels (GTK_WIDGET (self), sila_segment_get_display (segment)), 260));
      }

  /* Codes: Western digits, left to right inside the row's direction
   * (the digit rule, sila-display.h). */
  number = g_strdup_printf ("%" G_GINT64_FORMAT, sila_beneficiary_row_get_file_number (row));
  number_shown = sila_display_file_number (sila_beneficiary_row_get_file_number (row));
  id = sila_display_code (sila_beneficiary_row_get_id_number (row) != NULL
                          ? sila_beneficiary_row_get_id_number (row) : "—");
  if (mobile != NULL)
    {
      g_autofree char *shown = sila_phone_format_display (mobile);
      phone = sila_display_code (shown != NULL ? shown : mobile);
      phone_plain = g_strdup (shown != NULL ? shown : mobile);
    }

  sila_beneficiary_row_view_set_text (self, SILA_ROW_COLUMN_NUMBER, number_shown);
  sila_beneficiary_row_view_set_text (self, SILA_ROW_COLUMN_NAME, name);
  sila_beneficiary_row_view_set_text (self, SILA_ROW_COLUMN_ID, id);
  sila_beneficiary_row_view_set_text (self, SILA_ROW_COLUMN_PHONE, phone);
  sila_beneficiary_row_view_set_text (self, SILA_ROW_COLUMN_SEGMENT,
                                      segment_name (segments,
                                                    sila_beneficiary_row_get_segment (row)));
  sila_beneficiary_row_view_set_text (self, SILA_ROW_COLUMN_DISTRICT,
                                      sila_choice_to_display (SILA_CHOICES_DISTRICT,
                                                              sila_beneficiary_row_get_district (
                                                                row)));
  sila_beneficiary_row_view_set_text (self, SILA_ROW_COLUMN_CONSENT,
                                      pending ? _("Consent pending") : NULL);

  accessible = describe (self, number, name, sila_beneficiary_row_get_id_number (row),
                        mobile != NULL ? phone_plain : NULL, pending);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
}
