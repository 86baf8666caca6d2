/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Drawing a chart with cairo and Pango: the same function draws it on the
 * dashboard and in the PDF. */
#define G_LOG_DOMAIN "sila-report"

#include "sila-config.h"

#include <math.h>
#include <pango/pangocairo.h>

#include "sila-chart-private.h"

/* The GNOME palette: distinct in print, and readable to most colour-blind
 * readers in this order. */
static const guint32 palette[] = {
  0x3584e4, 0x2ec27e, 0xf5c211, 0xe66100, 0x9141ac, 0x865e3c, 0xc01c28, 0x1c71d8,
  0x26a269, 0xe5a50a, 0x813d9c, 0x63452c,
};

#define PREVIOUS_COLOR 0xb0b8c4
#define AXIS_COLOR     0x9a9996
#define TEXT_COLOR     0x241f31

static void
set_rgb (cairo_t *cr,
         guint32  rgb)
{
  cairo_set_source_rgb (cr,
                        ((rgb >> 16) & 0xff) / 255.0,
                        ((rgb >> 8) & 0xff) / 255.0,
                        (rgb & 0xff) / 255.0);
}

void
sila_chart_get_color (guint   index,
                      double *red,
                      double *green,
                      double *blue)
{
  guint32 rgb = palette[index % G_N_ELEMENTS (palette)];

  *red = ((rgb >> 16) & 0xff) / 255.0;
  *green = ((rgb >> 8) & 0xff) / 255.0;
  *blue = (rgb & 0xff) / 255.0;
}


typedef struct {
  SilaChart *chart;
  cairo_t   *cr;
  double     font_size;
  double     label_size;  /* of the labels under columns; set by labels_height () */
} Ctx;

static PangoLayout *
make_layout (Ctx        *ctx,
             const char *text,
             double      size,
             gboolean    bold)
{
  PangoLayout *layout = pango_cairo_create_layout (ctx->cr);
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (ctx->chart->font);

  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, desc);
  pango_layout_set_auto_dir (layout, TRUE);
  pango_layout_set_text (layout, text, -1);

  return layout;
}

typedef enum { ALIGN_START, ALIGN_CENTER, ALIGN_END } Align;

/* The most lines a label under a column may take before it is ellipsized:
 * status names such as "awaiting documents" take three in a narrow slot. */
#define MAX_LABEL_LINES 4

/* The size and height of the labels under the columns, each wrapped at
 * word boundaries to @slot_width: the size shrinks (to 60 %) until the
 * longest word fits its slot, and the plot gives way to the lines they
 * take, rather than cutting a word ("المستن…") or a second line. */
static double
labels_height (Ctx    *ctx,
               double  slot_width)
{
  SilaChart *self = ctx->chart;
  double room = slot_width - 4;
  double size = ctx->font_size * 0.85;
  double widest = 0, tallest = 0;

  for (guint i = 0; i < self->items->len; i++)
    {
      const Item *item = &g_array_index (self->items, Item, i);
      g_auto(GStrv) words = g_strsplit (item->label, " ", -1);

      for (guint w = 0; words[w] != NULL; w++)
        {
          g_autoptr(PangoLayout) layout = make_layout (ctx, words[w], size, FALSE);
          PangoRectangle logical;

          pango_layout_get_pixel_extents (layout, NULL, &logical);
          widest = MAX (widest, logical.width);
        }
    }
  /* A margin against rounding: a word that just fits alone may still be
   * broken in two by the wrap. */
  if (room > 8 && widest > room - 3)
    size = MAX (size * (room - 3) / widest, ctx->font_size * 0.6);
  ctx->label_size = size;

  for (guint i = 0; i < self->items->len; i++)
    {
      const Item *item = &g_array_index (self->items, Item, i);
      g_autoptr(PangoLayout) layout = make_layout (ctx, item->label, size, FALSE);
      PangoRectangle logical;

      if (room > 4)
        {
          pango_layout_set_width (layout, (int)(room * PANGO_SCALE));
          pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
          pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
          pango_layout_set_height (layout, -MAX_LABEL_LINES);
        }
      pango_layout_get_pixel_extents (layout, NULL, &logical);
      tallest = MAX (tallest, logical.height);
    }
  /* Never less than the two lines the charts always kept. */
  return MAX (tallest + 8, ctx->font_size * 4.0);
}

static double
draw_text (Ctx        *ctx,
           const char *text,
           double      x,
           double      y,
           double      width,
           Align       align,
           double      size,
           gboolean    bold,
           int         max_lines)
{
  g_autoptr(PangoLayout) layout = make_layout (ctx, text, size, bold);
  gboolean to_right = (align == ALIGN_START) == ctx->chart->rtl;
  PangoRectangle logical;
  double left;

  pango_layout_get_pixel_extents (layout, NULL, &logical);

  if (width > 0 && logical.width > width)
    {
      PangoLayoutLine *line;
      gboolean rtl_text;

      pango_layout_set_width (layout, (int)(width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (layout, -max_lines);

      /* Pango's LEFT and RIGHT follow the paragraph's own direction
       * (PLATFORM.md): pick the one that lands on the side we mean. */
      line = pango_layout_get_line_readonly (layout, 0);
      rtl_text = line != NULL && line->resolved_dir == PANGO_DIRECTION_RTL;
      if (align == ALIGN_CENTER)
        pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      else if (to_right != rtl_text)
        pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
      else
        pango_layout_set_alignment (layout, PANGO_ALIGN_LEFT);

      pango_layout_get_pixel_extents (layout, NULL, &logical);
      left = x;
    }
  else if (width <= 0)
    left = x;
  else if (align == ALIGN_CENTER)
    left = x + (width - logical.width) / 2.0;
  else if (to_right)
    left = x + width - logical.width;
  else
    left = x;

  if (ctx->chart->has_text_rgb)
    cairo_set_source_rgb (ctx->cr, ctx->chart->text_rgb[0], ctx->chart->text_rgb[1],
                          ctx->chart->text_rgb[2]);
  else
    set_rgb (ctx->cr, TEXT_COLOR);
  cairo_move_to (ctx->cr, left, y);
  pango_cairo_show_layout (ctx->cr, layout);

  return logical.height;
}

static double
text_width (Ctx        *ctx,
            const char *text,
            double      size)
{
  g_autoptr(PangoLayout) layout = make_layout (ctx, text, size, FALSE);
  PangoRectangle logical;

  pango_layout_get_pixel_extents (layout, NULL, &logical);
  return logical.width;
}

static double
max_value (SilaChart *self)
{
  double max = 0;

  for (guint i = 0; i < self->items->len; i++)
    {
      const Item *item = &g_array_index (self->items, Item, i);

      max = MAX (max, item->value);
      if (self->paired)
        max = MAX (max, item->previous);
    }

  return max;
}

/* The x of slot @i of @n across [left, left + width], mirrored in RTL. */
static double
slot_x (SilaChart *self,
        double     left,
        double     width,
        guint      i,
        guint      n)
{
  double slot = width / n;

  return self->rtl ? left + width - (i + 1) * slot : left + i * slot;
}

static double
draw_legend (Ctx    *ctx,
             double  x,
             double  y,
             double  width)
{
  SilaChart *self = ctx->chart;
  const char *names[2] = { self->current_name, self->previous_name };
  guint32 colors[2] = { palette[0], PREVIOUS_COLOR };
  double size = ctx->font_size * 0.9;
  double cursor = 0;

  if (!self->paired || self->current_name == NULL || self->previous_name == NULL)
    return 0;

  for (guint i = 0; i < 2; i++)
    {
      double w = text_width (ctx, names[i], size);
      double box_x = self->rtl ? x + width - cursor - size : x + cursor;
      double text_x = self->rtl ? box_x - 6 - w : box_x + size + 6;

      set_rgb (ctx->cr, colors[i]);
      cairo_rectangle (ctx->cr, box_x, y + size * 0.25, size, size);
      cairo_fill (ctx->cr);
      draw_text (ctx, names[i], text_x, y, 0, ALIGN_START, size, FALSE, 1);
      cursor += size + 6 + w + 18;
    }

  return size * 1.8;
}

/* The area the columns or the line are drawn in, its baseline drawn:
 * each item's slot across @width, room above for the values and below for
 * the labels. FALSE when too little height is left to draw in. */
typedef struct {
  double max;
  double slot;
  double value_h;
  double plot_top;
  double plot_h;
} Plot;

static gboolean
plot_frame (Ctx    *ctx,
            double  left,
            double  top,
            double  width,
            double  height,
            Plot   *p)
{
  double label_h;

  p->max = max_value (ctx->chart);
  p->slot = width / ctx->chart->items->len;
  label_h = labels_height (ctx, p->slot);
  p->value_h = ctx->font_size * 1.5;
  p->plot_top = top + p->value_h;
  p->plot_h = height - label_h - p->value_h;
  if (p->plot_h < 10)
    return FALSE;

  set_rgb (ctx->cr, AXIS_COLOR);
  cairo_set_line_width (ctx->cr, 1);
  cairo_move_to (ctx->cr, left, p->plot_top + p->plot_h + 0.5);
  cairo_line_to (ctx->cr, left + width, p->plot_top + p->plot_h + 0.5);
  cairo_stroke (ctx->cr);
  return TRUE;
}

static void
draw_columns (Ctx    *ctx,
              double  left,
              double  top,
              double  width,
              double  height)
{
  SilaChart *self = ctx->chart;
  guint n = self->items->len;
  Plot p;
  double bar_w;

  if (!plot_frame (ctx, left, top, width, height, &p))
    return;
  bar_w = MIN (p.slot * (self->paired ? 0.38 : 0.6), 64);

  for (guint i = 0; i < n; i++)
    {
      const Item *item = &g_array_index (self->items, Item, i);
      double x = slot_x (self, left, width, i, n);
      double center = x + p.slot / 2;
      double h = p.max > 0 ? p.plot_h * item->value / p.max : 0;
      double bar_x = self->paired ? (self->rtl ? center : center - bar_w) : center - bar_w / 2;
      g_autofree char *value = sila_chart_format_value (self, item->value);

      if (self->paired)
        {
          double ph = p.max > 0 ? p.plot_h * item->previous / p.max : 0;
          double prev_x = self->rtl ? center - bar_w : center;

          set_rgb (ctx->cr, PREVIOUS_COLOR);
          cairo_rectangle (ctx->cr, prev_x, p.plot_top + p.plot_h - ph, bar_w, ph);
          cairo_fill (ctx->cr);
        }

      set_rgb (ctx->cr, self->paired ? palette[0] : palette[i % G_N_ELEMENTS (palette)]);
      cairo_rectangle (ctx->cr, bar_x, p.plot_top + p.plot_h - h, bar_w, h);
      cairo_fill (ctx->cr);

      /* The value stands over its own bar, not over the pair. */
      draw_text (ctx, value, bar_x - bar_w, p.plot_top + p.plot_h - h - p.value_h, bar_w * 3,
                 ALIGN_CENTER, ctx->font_size * 0.9, TRUE, 1);
      draw_text (ctx, item->label, x + 2, p.plot_top + p.plot_h + 4, p.slot - 4, ALIGN_CENTER,
                 ctx->label_size, FALSE, MAX_LABEL_LINES);
    }
}

static void
draw_bars (Ctx    *ctx,
           double  left,
           double  top,
           double  width,
           double  height)
{
  SilaChart *self = ctx->chart;
  guint n = self->items->len;
  double max = max_value (self);
  double row_h = MIN (height / n, ctx->font_size * 2.6);
  double label_w = width * 0.34;
  double value_w = ctx->font_size * 5;
  double bar_space = width - label_w - value_w - 12;
  double thickness = row_h * (self->paired ? 0.36 : 0.62);

  if (bar_space < 10)
    return;

  for (guint i = 0; i < n; i++)
    {
      const Item *item = &g_array_index (self->items, Item, i);
      double y = top + i * row_h;
      double len = max > 0 ? bar_space * item->value / max : 0;
      double label_x = self->rtl ? left + width - label_w : left;
      double bar_start = self->rtl ? left + width - label_w - 6 : left + label_w + 6;
      double bar_x = self->rtl ? bar_start - len : bar_start;
      double value_x = self->rtl ? bar_x - 6 - value_w : bar_x + len + 6;
      double bar_y = y + (row_h - thickness * (self->paired ? 2 : 1)) / 2;
      g_autofree char *value = sila_chart_format_value (self, item->value);

      draw_text (ctx, item->label, label_x, y + (row_h - ctx->font_size * 1.4) / 2, label_w,
                 ALIGN_START, ctx->font_size * 0.9, FALSE, 1);

      set_rgb (ctx->cr, self->paired ? palette[0] : palette[i % G_N_ELEMENTS (palette)]);
      cairo_rectangle (ctx->cr, bar_x, bar_y, len, thickness);
      cairo_fill (ctx->cr);

      if (self->paired)
        {
          double plen = max > 0 ? bar_space * item->previous / max : 0;
          double pbar_x = self->rtl ? bar_start - plen : bar_start;

          set_rgb (ctx->cr, PREVIOUS_COLOR);
          cairo_rectangle (ctx->cr, pbar_x, bar_y + thickness, plen, thickness);
          cairo_fill (ctx->cr);
        }

      draw_text (ctx, value, value_x, y + (row_h - ctx->font_size * 1.4) / 2, value_w,
                 ALIGN_START, ctx->font_size * 0.9, TRUE, 1);
    }
}

static void
draw_donut (Ctx    *ctx,
            double  left,
            double  top,
            double  width,
            double  height)
{
  SilaChart *self = ctx->chart;
  guint n = self->items->len;
  double total = 0;
  double diameter = MIN (height, width * 0.45);
  double radius = diameter / 2;
  double cx = self->rtl ? left + width - radius : left + radius;
  double cy = top + height / 2;
  double legend_x = self->rtl ? left : left + diameter + 16;
  double legend_w = width - diameter - 16;
  double row_h = ctx->font_size * 1.8;
  double angle = -G_PI / 2;

  for (guint i = 0; i < n; i++)
    total += MAX (0, g_array_index (self->items, Item, i).value);

  for (guint i = 0; i < n && total > 0; i++)
    {
      const Item *item = &g_array_index (self->items, Item, i);
      double sweep = 2 * G_PI * MAX (0, item->value) / total;

      /* Clockwise from the top; in RTL its mirror image, anticlockwise. */
      cairo_save (ctx->cr);
      if (self->rtl)
        {
          cairo_translate (ctx->cr, cx, 0);
          cairo_scale (ctx->cr, -1, 1);
          cairo_translate (ctx->cr, -cx, 0);
        }
      set_rgb (ctx->cr, palette[i % G_N_ELEMENTS (palette)]);
      cairo_new_path (ctx->cr);
      cairo_arc (ctx->cr, cx, cy, radius, angle, angle + sweep);
      cairo_arc_negative (ctx->cr, cx, cy, radius * 0.58, angle + sweep, angle);
      cairo_close_path (ctx->cr);
      cairo_fill (ctx->cr);
      cairo_restore (ctx->cr);
      angle += sweep;
    }

  for (guint i = 0; i < n; i++)
    {
      const Item *item = &g_array_index (self->items, Item, i);
      double y = top + (height - n * row_h) / 2 + i * row_h;
      double box = ctx->font_size * 0.9;
      double box_x = self->rtl ? legend_x + legend_w - box : legend_x;
      double text_x = self->rtl ? legend_x : legend_x + box + 8;
      g_autofree char *value = sila_chart_format_value (self, item->value);
      g_autofree char *line = g_strdup_printf ("%s — %s", item->label, value);

      set_rgb (ctx->cr, palette[i % G_N_ELEMENTS (palette)]);
      cairo_rectangle (ctx->cr, box_x, y + box * 0.3, box, box);
      cairo_fill (ctx->cr);
      draw_text (ctx, line, text_x, y, legend_w - box - 8, ALIGN_START, ctx->font_size * 0.9,
                 FALSE, 1);
    }
}

static void
draw_line (Ctx    *ctx,
           double  left,
           double  top,
           double  width,
           double  height)
{
  SilaChart *self = ctx->chart;
  guint n = self->items->len;
  Plot p;

  if (!plot_frame (ctx, left, top, width, height, &p))
    return;

  set_rgb (ctx->cr, palette[0]);
  cairo_set_line_width (ctx->cr, 2.5);
  for (guint i = 0; i < n; i++)
    {
      const Item *item = &g_array_index (self->items, Item, i);
      double x = slot_x (self, left, width, i, n) + p.slot / 2;
      double y = p.plot_top + p.plot_h - (p.max > 0 ? p.plot_h * item->value / p.max : 0);

      if (i == 0)
        cairo_move_to (ctx->cr, x, y);
      else
        cairo_line_to (ctx->cr, x, y);
    }
  cairo_stroke (ctx->cr);

  for (guint i = 0; i < n; i++)
    {
      const Item *item = &g_array_index (self->items, Item, i);
      double x = slot_x (self, left, width, i, n);
      double y = p.plot_top + p.plot_h - (p.max > 0 ? p.plot_h * item->value / p.max : 0);
      g_autofree char *value = sila_chart_format_value (self, item->value);

      set_rgb (ctx->cr, palette[0]);
      cairo_arc (ctx->cr, x + p.slot / 2, y, 4, 0, 2 * G_PI);
      cairo_fill (ctx->cr);
      draw_text (ctx, value, x, y - p.value_h, p.slot, ALIGN_CENTER, ctx->font_size * 0.85, TRUE,
                 1);
      draw_text (ctx, item->label, x + 2, p.plot_top + p.plot_h + 4, p.slot - 4, ALIGN_CENTER,
                 ctx->label_size, FALSE, MAX_LABEL_LINES);
    }
}

/* Draws the chart into the rectangle (0, 0, @width, @height) of @cr. */
void
sila_chart_render (SilaChart *self,
                   cairo_t   *cr,
                   double     width,
                   double     height)
{
  Ctx ctx = { self, cr, CLAMP (MIN (width, height * 2) / 32.0, 9.0, 14.0), 0 };
  double top = 0;

  g_return_if_fail (SILA_IS_CHART (self));

  if (width < 40 || height < 40)
    return;

  cairo_save (cr);

  if (self->title != NULL && *self->title != '\0')
    top += draw_text (&ctx, self->title, 0, 0, width, ALIGN_START, ctx.font_size * 1.1, TRUE, 1)
           + ctx.font_size * 0.6;

  top += draw_legend (&ctx, 0, top, width);

  if (self->items->len == 0 || max_value (self) <= 0)
    {
      if (self->empty_text != NULL)
        draw_text (&ctx, self->empty_text, 0, top + (height - top) / 2 - ctx.font_size, width,
                   ALIGN_CENTER, ctx.font_size, FALSE, 2);
      cairo_restore (cr);
      return;
    }

  switch (self->kind)
    {
    case SILA_CHART_COLUMNS:
      draw_columns (&ctx, 0, top, width, height - top);
      break;
    case SILA_CHART_BARS:
      draw_bars (&ctx, 0, top, width, height - top);
      break;
    case SILA_CHART_DONUT:
      draw_donut (&ctx, 0, top, width, height - top);
      break;
    case SILA_CHART_LINE:
      draw_line (&ctx, 0, top, width, height - top);
      break;
    default:
      g_assert_not_reached ();
    }

  cairo_restore (cr);
}
