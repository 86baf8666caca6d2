/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib-object.h>

G_BEGIN_DECLS

/* A chart drawn with cairo and Pango, the same on screen (SilaChartView),
 * in printed reports and in PDFs: one renderer, no GTK. */
typedef enum {
  SILA_CHART_COLUMNS,   /* vertical bars, one per category */
  SILA_CHART_BARS,      /* horizontal bars, long category names */
  SILA_CHART_DONUT,     /* shares of a whole */
  SILA_CHART_LINE,      /* a value over ordered periods */
} SilaChartKind;

/* Formats a value for its label (a count, a percentage, riyals). */
typedef char *(*SilaChartFormatFunc) (double   value,
                                      gpointer user_data);

#define SILA_TYPE_CHART (sila_chart_get_type ())
G_DECLARE_FINAL_TYPE (SilaChart, sila_chart, SILA, CHART, GObject)

SilaChart     *sila_chart_new              (SilaChartKind        kind);
SilaChartKind  sila_chart_get_kind         (SilaChart           *self);
void           sila_chart_set_title        (SilaChart           *self,
                                            const char          *title);
const char    *sila_chart_get_title        (SilaChart           *self);
void           sila_chart_set_empty_text   (SilaChart           *self,
                                            const char          *text);
void           sila_chart_set_rtl          (SilaChart           *self,
                                            gboolean             rtl);
void           sila_chart_set_font         (SilaChart           *self,
                                            const char          *family);
void           sila_chart_set_formatter    (SilaChart           *self,
                                            SilaChartFormatFunc  func,
                                            gpointer             user_data,
                                            GDestroyNotify       destroy);
void           sila_chart_set_series_names (SilaChart           *self,
                                            const char          *current,
                                            const char          *previous);
void           sila_chart_add              (SilaChart           *self,
                                            const char          *label,
                                            double               value);
void           sila_chart_add_pair         (SilaChart           *self,
                                            const char          *label,
                                            double               value,
                                            double               previous);
void           sila_chart_clear            (SilaChart           *self);
guint          sila_chart_get_n_items      (SilaChart           *self);
char          *sila_chart_describe         (SilaChart           *self);
void           sila_chart_get_color        (guint                index,
                                            double              *red,
                                            double              *green,
                                            double              *blue);
/* Titles, labels and values in this colour rather than the printed page's
 * near-black: the screen gives its style's text colour (dark style). */
void           sila_chart_set_text_color   (SilaChart           *self,
                                            double               red,
                                            double               green,
                                            double               blue);
void           sila_chart_render           (SilaChart           *self,
                                            cairo_t             *cr,
                                            double               width,
                                            double               height);

G_END_DECLS
