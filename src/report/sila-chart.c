/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A chart's data: its kind, title, items and how values read; drawn by
 * sila-chart-render.c. */
#define G_LOG_DOMAIN "sila-report"

#include "sila-config.h"

#include <math.h>

#include "sila-chart-private.h"

G_DEFINE_FINAL_TYPE (SilaChart, sila_chart, G_TYPE_OBJECT)

static void
clear_item (gpointer data)
{
  Item *item = data;

  g_free (item->label);
}

static void
sila_chart_finalize (GObject *object)
{
  SilaChart *self = (SilaChart *)object;

  g_free (self->title);
  g_free (self->empty_text);
  g_free (self->font);
  g_free (self->current_name);
  g_free (self->previous_name);
  g_array_unref (self->items);
  if (self->format_destroy != NULL)
    self->format_destroy (self->format_data);

  G_OBJECT_CLASS (sila_chart_parent_class)->finalize (object);
}

static void
sila_chart_class_init (SilaChartClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sila_chart_finalize;
}

static void
sila_chart_init (SilaChart *self)
{
  self->items = g_array_new (FALSE, TRUE, sizeof (Item));
  g_array_set_clear_func (self->items, clear_item);
  self->font = g_strdup ("Noto Sans, Noto Sans Arabic");
}

SilaChart *
sila_chart_new (SilaChartKind kind)
{
  SilaChart *self = g_object_new (SILA_TYPE_CHART, NULL);

  self->kind = kind;
  return self;
}

SilaChartKind
sila_chart_get_kind (SilaChart *self)
{
  g_return_val_if_fail (SILA_IS_CHART (self), SILA_CHART_COLUMNS);

  return self->kind;
}

void
sila_chart_set_title (SilaChart  *self,
                      const char *title)
{
  g_return_if_fail (SILA_IS_CHART (self));

  g_free (self->title);
  self->title = g_strdup (title);
}

const char *
sila_chart_get_title (SilaChart *self)
{
  g_return_val_if_fail (SILA_IS_CHART (self), NULL);

  return self->title;
}

/* What to say when there is nothing to draw (in the UI language). */
void
sila_chart_set_empty_text (SilaChart  *self,
                           const char *text)
{
  g_return_if_fail (SILA_IS_CHART (self));

  g_free (self->empty_text);
  self->empty_text = g_strdup (text);
}

/* Right to left: the first category stands on the right, bars grow to the
 * left, and the legend reads from the right. */
void
sila_chart_set_rtl (SilaChart *self,
                    gboolean   rtl)
{
  g_return_if_fail (SILA_IS_CHART (self));

  self->rtl = rtl;
}

void
sila_chart_set_font (SilaChart  *self,
                     const char *family)
{
  g_return_if_fail (SILA_IS_CHART (self));
  g_return_if_fail (family != NULL);

  g_free (self->font);
  self->font = g_strdup (family);
}

void
sila_chart_set_formatter (SilaChart           *self,
                          SilaChartFormatFunc  func,
                          gpointer             user_data,
                          GDestroyNotify       destroy)
{
  g_return_if_fail (SILA_IS_CHART (self));

  if (self->format_destroy != NULL)
    self->format_destroy (self->format_data);
  self->format = func;
  self->format_data = user_data;
  self->format_destroy = destroy;
}

/* Names for the legend when items carry a previous period's value. */
void
sila_chart_set_series_names (SilaChart  *self,
                             const char *current,
                             const char *previous)
{
  g_return_if_fail (SILA_IS_CHART (self));

  g_free (self->current_name);
  g_free (self->previous_name);
  self->current_name = g_strdup (current);
  self->previous_name = g_strdup (previous);
}

void
sila_chart_add (SilaChart  *self,
                const char *label,
                double      value)
{
  Item item = { g_strdup (label != NULL ? label : ""), isfinite (value) ? value : 0, 0 };

  g_return_if_fail (SILA_IS_CHART (self));

  g_array_append_val (self->items, item);
}

/* A value with the previous period's beside it, for comparisons. */
void
sila_chart_add_pair (SilaChart  *self,
                     const char *label,
                     double      value,
                     double      previous)
{
  Item item = {
    g_strdup (label != NULL ? label : ""),
    isfinite (value) ? value : 0,
    isfinite (previous) ? previous : 0,
  };

  g_return_if_fail (SILA_IS_CHART (self));

  self->paired = TRUE;
  g_array_append_val (self->items, item);
}

void
sila_chart_clear (SilaChart *self)
{
  g_return_if_fail (SILA_IS_CHART (self));

  g_array_set_size (self->items, 0);
  self->paired = FALSE;
}

guint
sila_chart_get_n_items (SilaChart *self)
{
  g_return_val_if_fail (SILA_IS_CHART (self), 0);

  return self->items->len;
}

char *
sila_chart_format_value (SilaChart *self,
                         double     value)
{
  if (self->format != NULL)
    return self->format (value, self->format_data);

  if (fabs (value - round (value)) < 1e-9)
    return g_strdup_printf ("%.0f", value);
  return g_strdup_printf ("%.1f", value);
}

/* The chart in words, for screen readers and for tests. */
char *
sila_chart_describe (SilaChart *self)
{
  GString *s;

  g_return_val_if_fail (SILA_IS_CHART (self), NULL);

  s = g_string_new (self->title);
  for (guint i = 0; i < self->items->len; i++)
    {
      const Item *item = &g_array_index (self->items, Item, i);
      g_autofree char *value = sila_chart_format_value (self, item->value);

      g_string_append_printf (s, "%s%s: %s", s->len > 0 ? (i == 0 ? " — " : "; ") : "",
                              item->label, value);
    }

  return g_string_free (s, FALSE);
}

/* Titles, labels and values in this colour rather than the page's ink (a
 * dark style). */
void
sila_chart_set_text_color (SilaChart *self,
                           double     red,
                           double     green,
                           double     blue)
{
  g_return_if_fail (SILA_IS_CHART (self));

  self->has_text_rgb = TRUE;
  self->text_rgb[0] = red;
  self->text_rgb[1] = green;
  self->text_rgb[2] = blue;
}
