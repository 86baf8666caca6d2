/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the chart's model (sila-chart.c) and its drawing (sila-chart-render.c)
 * share. */
#pragma once

#include "sila-chart.h"

G_BEGIN_DECLS

typedef struct {
  char   *label;
  double  value;
  double  previous;
} Item;

struct _SilaChart
{
  GObject              parent_instance;

  SilaChartKind        kind;
  char                *title;
  char                *empty_text;
  char                *font;
  char                *current_name;
  char                *previous_name;
  gboolean             rtl;
  gboolean             paired;
  GArray              *items;
  /* The colour of titles, labels and values: the page's ink unless the
   * screen asks for its own (a dark style). */
  gboolean             has_text_rgb;
  double               text_rgb[3];

  SilaChartFormatFunc  format;
  gpointer             format_data;
  GDestroyNotify       format_destroy;
};

char *sila_chart_format_value (SilaChart *self,
                               double     value);

G_END_DECLS
