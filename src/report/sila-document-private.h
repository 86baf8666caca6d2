/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by the files of the printed-document renderer: the document's
 * blocks and its pagination, the page geometry, and the text layout that
 * both pagination (sila-document-layout.c) and drawing
 * (sila-document-render.c) measure with. */
#pragma once

#include <pango/pangocairo.h>

#include "sila-document.h"

G_BEGIN_DECLS

#define MARGIN_SIDE    42.0
#define MARGIN_TOP     36.0
#define HEADER_HEIGHT  54.0
#define FOOTER_HEIGHT  34.0
#define BODY_SIZE      10.5
#define CELL_PAD       4.0

typedef enum {
  BLOCK_HEADING,
  BLOCK_PARAGRAPH,
  BLOCK_NOTE,
  BLOCK_FIELD,
  BLOCK_TABLE,
  BLOCK_CHART,
  BLOCK_CHECKBOX,
  BLOCK_SIGNATURES,
  BLOCK_DRAWING,
  BLOCK_SPACE,
  BLOCK_PAGE_BREAK,
} BlockKind;

struct _SilaDocumentTable
{
  guint          n_columns;
  char         **headers;
  double        *widths;   /* fractions of the body width */
  SilaCellAlign *aligns;
  GPtrArray     *rows;     /* GStrv */
  GArray        *totals;   /* gboolean per row: a total, drawn bold */
};

typedef struct {
  BlockKind          kind;
  char              *text;
  char              *text2;
  gboolean           flag;
  double             height;
  GStrv              labels;
  SilaChart         *chart;
  SilaDocumentTable *table;
  SilaDocumentDrawFunc draw;
  gpointer           draw_data;
  GDestroyNotify     draw_destroy;
} Block;

/* A piece of a block that is never split across pages: a heading, a line
 * range of a paragraph, one table row, a chart. */
typedef struct {
  guint  block;
  int    row;      /* table row (-1: the header), or the first line of a paragraph */
  int    n_lines;  /* paragraphs: how many lines */
  double top;      /* paragraphs: where the lines start in the laid-out text */
  double height;
  gboolean keep_with_next;
} Slice;

typedef struct {
  guint  slice;
  double y;
} Placement;

struct _SilaDocument
{
  GObject    parent_instance;

  char      *title;
  char      *organization;
  char      *subtitle;
  char      *footer_note;
  char      *author;
  gboolean   rtl;
  gboolean   fit_one_page;
  double     scale;    /* of the laid-out pages onto the paper; 1 unless fitted */

  GArray    *blocks;   /* Block */
  GArray    *slices;   /* Slice, after paginate */
  GPtrArray *pages;    /* GArray of Placement */
  double     page_width;
  double     page_height;
};

/* "start" and "end" as Pango alignments, resolved by
 * sila_document_make_layout(). */
#define ALIGN_START PANGO_ALIGN_LEFT
#define ALIGN_END   PANGO_ALIGN_RIGHT

static inline double
body_width (SilaDocument *self)
{
  return self->page_width - 2 * MARGIN_SIDE;
}

static inline double
layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_pixel_extents (layout, NULL, &logical);
  return logical.height;
}

static inline PangoAlignment
cell_alignment (SilaCellAlign align)
{
  switch (align)
    {
    case SILA_CELL_CENTER:
      return PANGO_ALIGN_CENTER;
    case SILA_CELL_END:
    case SILA_CELL_NUMBER:
      return ALIGN_END;
    case SILA_CELL_START:
    default:
      return ALIGN_START;
    }
}

/* @text in the document's font at @size points, wrapped at @width (none if
 * 0), aligned ALIGN_START, ALIGN_END or PANGO_ALIGN_CENTER. */
PangoLayout *sila_document_make_layout (SilaDocument   *self,
                                        cairo_t        *cr,
                                        const char     *text,
                                        double          size,
                                        gboolean        bold,
                                        double          width,
                                        PangoAlignment  start_or_end);

G_END_DECLS
