/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "sila-chart.h"

G_BEGIN_DECLS

#define SILA_TYPE_CHART_VIEW (sila_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (SilaChartView, sila_chart_view, SILA, CHART_VIEW, GtkWidget)

/* Shows a SilaChart on screen, in the widget's direction; the dashboard,
 * the surveys page and the reports page share it. */
GtkWidget *sila_chart_view_new       (SilaChart     *chart);
SilaChart *sila_chart_view_get_chart (SilaChartView *self);
void       sila_chart_view_set_chart (SilaChartView *self,
                                      SilaChart     *chart);
void       sila_chart_view_changed   (SilaChartView *self);

G_END_DECLS
