/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-ui"

#include "sila-config.h"

#include <glib/gi18n.h>

#include "sila-chart-view.h"

struct _SilaChartView
{
  GtkWidget  parent_instance;

  SilaChart *chart;
};

G_DEFINE_FINAL_TYPE (SilaChartView, sila_chart_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CHART,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_description (SilaChartView *self)
{
  g_autofree char *text = self->chart != NULL ? sila_chart_describe (self->chart) : NULL;
  const char *title = self->chart != NULL ? sila_chart_get_title (self->chart) : NULL;

  /* The title names the chart; its figures are the description. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title != NULL && *title != '\0' ? title : _("Chart"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text != NULL ? text : "",
                                  -1);
}

static void
sila_chart_view_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  SilaChartView *self = SILA_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GdkRGBA color;
  cairo_t *cr;

  if (self->chart == NULL || width <= 0 || height <= 0)
    return;

  sila_chart_set_rtl (self->chart, gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL);
  /* On screen the words take the style's text colour, light in the dark
   * style; printed reports keep their own. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  sila_chart_set_text_color (self->chart, color.red, color.green, color.blue);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  sila_chart_render (self->chart, cr, width, height);
  cairo_destroy (cr);
}

static void
sila_chart_view_css_changed (GtkWidget         *widget,
                             GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (sila_chart_view_parent_class)->css_changed (widget, change);
  gtk_widget_queue_draw (widget);
}

static void
sila_chart_view_direction_changed (GtkWidget        *widget,
                                   GtkTextDirection  previous)
{
  gtk_widget_queue_draw (widget);
}

static void
sila_chart_view_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 160;
      *natural = 420;
    }
  else
    {
      *minimum = 160;
      *natural = 240;
    }
}

static void
sila_chart_view_dispose (GObject *object)
{
  SilaChartView *self = (SilaChartView *)object;

  g_clear_object (&self->chart);

  G_OBJECT_CLASS (sila_chart_view_parent_class)->dispose (object);
}

static void
sila_chart_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SilaChartView *self = SILA_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      g_value_set_object (value, self->chart);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sila_chart_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SilaChartView *self = SILA_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      sila_chart_view_set_chart (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sila_chart_view_class_init (SilaChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sila_chart_view_dispose;
  object_class->get_property = sila_chart_view_get_property;
  object_class->set_property = sila_chart_view_set_property;
  widget_class->snapshot = sila_chart_view_snapshot;
  widget_class->measure = sila_chart_view_measure;
  widget_class->direction_changed = sila_chart_view_direction_changed;
  widget_class->css_changed = sila_chart_view_css_changed;

  properties[PROP_CHART] =
    g_param_spec_object ("chart", NULL, NULL, SILA_TYPE_CHART,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
sila_chart_view_init (SilaChartView *self)
{
}

GtkWidget *
sila_chart_view_new (SilaChart *chart)
{
  return g_object_new (SILA_TYPE_CHART_VIEW, "chart", chart, NULL);
}

SilaChart *
sila_chart_view_get_chart (SilaChartView *self)
{
  g_return_val_if_fail (SILA_IS_CHART_VIEW (self), NULL);

  return self->chart;
}

void
sila_chart_view_set_chart (SilaChartView *self,
                           SilaChart     *chart)
{
  g_return_if_fail (SILA_IS_CHART_VIEW (self));

  if (g_set_object (&self->chart, chart))
    {
      sila_chart_view_changed (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART]);
    }
}

/* Call after changing the chart's data. */
void
sila_chart_view_changed (SilaChartView *self)
{
  g_return_if_fail (SILA_IS_CHART_VIEW (self));

  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
