/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "sila-chart.h"

G_BEGIN_DECLS

/* A printed document — the request form, the board's report, a person's
 * own data — laid out in blocks on A4 pages with cairo and Pango, right to
 * left when it is Arabic. One renderer serves GtkPrintOperation (printing),
 * and the PDF files written from the command line and the tests. */

typedef enum {
  SILA_CELL_START,   /* the reading side: right in Arabic */
  SILA_CELL_CENTER,
  SILA_CELL_END,
  SILA_CELL_NUMBER,  /* numbers: end side, tabular */
} SilaCellAlign;

/* A4 in points, and the margins used. */
#define SILA_DOCUMENT_A4_WIDTH  595.28
#define SILA_DOCUMENT_A4_HEIGHT 841.89

#define SILA_TYPE_DOCUMENT (sila_document_get_type ())
G_DECLARE_FINAL_TYPE (SilaDocument, sila_document, SILA, DOCUMENT, GObject)

typedef struct _SilaDocumentTable SilaDocumentTable;

/* Draws a block of the body's width and @height points, the origin at its
 * top-left corner (mirror it yourself for right to left). */
typedef void (*SilaDocumentDrawFunc) (cairo_t  *cr,
                                      double    width,
                                      double    height,
                                      gboolean  rtl,
                                      gpointer  user_data);

SilaDocument      *sila_document_new               (const char         *title);
void               sila_document_set_rtl           (SilaDocument       *self,
                                                    gboolean            rtl);
void               sila_document_set_fit_one_page  (SilaDocument       *self,
                                                    gboolean            fit);
gboolean           sila_document_get_rtl           (SilaDocument       *self);
void               sila_document_set_header        (SilaDocument       *self,
                                                    const char         *organization,
                                                    const char         *subtitle);
void               sila_document_set_footer_note   (SilaDocument       *self,
                                                    const char         *note);
void               sila_document_set_author        (SilaDocument       *self,
                                                    const char         *author);

void               sila_document_add_heading       (SilaDocument       *self,
                                                    const char         *text);
void               sila_document_add_paragraph     (SilaDocument       *self,
                                                    const char         *text);
void               sila_document_add_note          (SilaDocument       *self,
                                                    const char         *text);
void               sila_document_add_field         (SilaDocument       *self,
                                                    const char         *label,
                                                    const char         *value);
SilaDocumentTable *sila_document_add_table         (SilaDocument       *self,
                                                    guint               n_columns,
                                                    const char * const *headers,
                                                    const double       *widths,
                                                    const SilaCellAlign *aligns);
void               sila_document_table_add_row     (SilaDocumentTable  *table,
                                                    const char * const *cells);
void               sila_document_table_add_total   (SilaDocumentTable  *table,
                                                    const char * const *cells);
void               sila_document_add_chart         (SilaDocument       *self,
                                                    SilaChart          *chart,
                                                    double              height);
void               sila_document_add_checkbox      (SilaDocument       *self,
                                                    gboolean            checked,
                                                    const char         *text);
void               sila_document_add_signatures    (SilaDocument       *self,
                                                    const char * const *labels);
/* A block drawn by @func (a signature, a stamp); never split. */
void               sila_document_add_drawing       (SilaDocument       *self,
                                                    double              height,
                                                    SilaDocumentDrawFunc func,
                                                    gpointer            user_data,
                                                    GDestroyNotify      destroy);
void               sila_document_add_space         (SilaDocument       *self,
                                                    double              points);
void               sila_document_add_page_break    (SilaDocument       *self);

guint              sila_document_paginate          (SilaDocument       *self,
                                                    cairo_t            *measure,
                                                    double              page_width,
                                                    double              page_height);
guint              sila_document_get_n_pages       (SilaDocument       *self);
void               sila_document_render_page       (SilaDocument       *self,
                                                    cairo_t            *cr,
                                                    guint               page);
gboolean           sila_document_write_pdf         (SilaDocument       *self,
                                                    const char         *path,
                                                    GError            **error);

G_END_DECLS
