/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-report"

#include "sila-config.h"

#include <cairo-pdf.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "sila-document.h"
#include "sila-format.h"

#define MARGIN_SIDE    42.0
#define MARGIN_TOP     36.0
#define HEADER_HEIGHT  54.0
#define FOOTER_HEIGHT  34.0
#define BODY_SIZE      10.5
#define TEXT_FONT      "Noto Sans, Noto Naskh Arabic, Amiri"
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

  GArray    *blocks;   /* Block */
  GArray    *slices;   /* Slice, after paginate */
  GPtrArray *pages;    /* GArray of Placement */
  double     page_width;
  double     page_height;
};

G_DEFINE_FINAL_TYPE (SilaDocument, sila_document, G_TYPE_OBJECT)

static void
table_free (SilaDocumentTable *table)
{
  g_strfreev (table->headers);
  g_free (table->widths);
  g_free (table->aligns);
  g_ptr_array_unref (table->rows);
  g_array_unref (table->totals);
  g_free (table);
}

static void
clear_block (gpointer data)
{
  Block *block = data;

  g_free (block->text);
  g_free (block->text2);
  g_strfreev (block->labels);
  g_clear_object (&block->chart);
  g_clear_pointer (&block->table, table_free);
  if (block->draw_destroy != NULL)
    block->draw_destroy (block->draw_data);
  block->draw_destroy = NULL;
}

static void
sila_document_finalize (GObject *object)
{
  SilaDocument *self = (SilaDocument *)object;

  g_free (self->title);
  g_free (self->organization);
  g_free (self->subtitle);
  g_free (self->footer_note);
  g_free (self->author);
  g_array_unref (self->blocks);
  g_array_unref (self->slices);
  g_ptr_array_unref (self->pages);

  G_OBJECT_CLASS (sila_document_parent_class)->finalize (object);
}

static void
sila_document_class_init (SilaDocumentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sila_document_finalize;
}

static void
sila_document_init (SilaDocument *self)
{
  self->blocks = g_array_new (FALSE, TRUE, sizeof (Block));
  g_array_set_clear_func (self->blocks, clear_block);
  self->slices = g_array_new (FALSE, TRUE, sizeof (Slice));
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);
  self->rtl = TRUE;
  self->page_width = SILA_DOCUMENT_A4_WIDTH;
  self->page_height = SILA_DOCUMENT_A4_HEIGHT;
}

SilaDocument *
sila_document_new (const char *title)
{
  SilaDocument *self = g_object_new (SILA_TYPE_DOCUMENT, NULL);

  self->title = g_strdup (title != NULL ? title : "");
  return self;
}

void
sila_document_set_rtl (SilaDocument *self,
                       gboolean      rtl)
{
  g_return_if_fail (SILA_IS_DOCUMENT (self));

  self->rtl = rtl;
}

gboolean
sila_document_get_rtl (SilaDocument *self)
{
  g_return_val_if_fail (SILA_IS_DOCUMENT (self), TRUE);

  return self->rtl;
}

/* The band at the head of every page: the association and a subtitle. */
void
sila_document_set_header (SilaDocument *self,
                          const char   *organization,
                          const char   *subtitle)
{
  g_return_if_fail (SILA_IS_DOCUMENT (self));

  g_free (self->organization);
  g_free (self->subtitle);
  self->organization = g_strdup (organization);
  self->subtitle = g_strdup (subtitle);
}

/* Printed at the foot of every page, e.g. a confidentiality note. */
void
sila_document_set_footer_note (SilaDocument *self,
                               const char   *note)
{
  g_return_if_fail (SILA_IS_DOCUMENT (self));

  g_free (self->footer_note);
  self->footer_note = g_strdup (note);
}

void
sila_document_set_author (SilaDocument *self,
                          const char   *author)
{
  g_return_if_fail (SILA_IS_DOCUMENT (self));

  g_free (self->author);
  self->author = g_strdup (author);
}

static Block *
append_block (SilaDocument *self,
              BlockKind     kind)
{
  Block block = { .kind = kind };

  g_array_append_val (self->blocks, block);
  return &g_array_index (self->blocks, Block, self->blocks->len - 1);
}

void
sila_document_add_heading (SilaDocument *self,
                           const char   *text)
{
  g_return_if_fail (SILA_IS_DOCUMENT (self));

  append_block (self, BLOCK_HEADING)->text = g_strdup (text);
}

void
sila_document_add_paragraph (SilaDocument *self,
                             const char   *text)
{
  g_return_if_fail (SILA_IS_DOCUMENT (self));

  append_block (self, BLOCK_PARAGRAPH)->text = g_strdup (text);
}

/* Smaller, greyer text: explanations, footnotes. */
void
sila_document_add_note (SilaDocument *self,
                        const char   *text)
{
  g_return_if_fail (SILA_IS_DOCUMENT (self));

  append_block (self, BLOCK_NOTE)->text = g_strdup (text);
}

/* "Label: value" on one line, the label on the reading side. */
void
sila_document_add_field (SilaDocument *self,
                         const char   *label,
                         const char   *value)
{
  Block *block;

  g_return_if_fail (SILA_IS_DOCUMENT (self));

  block = append_block (self, BLOCK_FIELD);
  block->text = g_strdup (label);
  block->text2 = g_strdup (value != NULL ? value : "");
}

/* @widths are relative (they are scaled to the body width); @aligns may be
 * NULL for all-start. Columns run from the reading side. */
SilaDocumentTable *
sila_document_add_table (SilaDocument        *self,
                         guint                n_columns,
                         const char * const  *headers,
                         const double        *widths,
                         const SilaCellAlign *aligns)
{
  SilaDocumentTable *table;
  double sum = 0;

  g_return_val_if_fail (SILA_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (n_columns > 0 && headers != NULL, NULL);

  table = g_new0 (SilaDocumentTable, 1);
  table->n_columns = n_columns;
  table->headers = g_new0 (char *, n_columns + 1);
  table->widths = g_new0 (double, n_columns);
  table->aligns = g_new0 (SilaCellAlign, n_columns);
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  table->totals = g_array_new (FALSE, TRUE, sizeof (gboolean));

  for (guint i = 0; i < n_columns; i++)
    {
      table->headers[i] = g_strdup (headers[i] != NULL ? headers[i] : "");
      table->widths[i] = widths != NULL && widths[i] > 0 ? widths[i] : 1;
      table->aligns[i] = aligns != NULL ? aligns[i] : SILA_CELL_START;
      sum += table->widths[i];
    }
  for (guint i = 0; i < n_columns; i++)
    table->widths[i] /= sum;

  append_block (self, BLOCK_TABLE)->table = table;
  return table;
}

static void
add_row (SilaDocumentTable  *table,
         const char * const *cells,
         gboolean            total)
{
  char **row = g_new0 (char *, table->n_columns + 1);

  for (guint i = 0; i < table->n_columns; i++)
    row[i] = g_strdup (cells != NULL && cells[i] != NULL ? cells[i] : "");
  g_ptr_array_add (table->rows, row);
  g_array_append_val (table->totals, total);
}

/* @cells holds one string per column (NULL for an empty cell). */
void
sila_document_table_add_row (SilaDocumentTable  *table,
                             const char * const *cells)
{
  g_return_if_fail (table != NULL);

  add_row (table, cells, FALSE);
}

void
sila_document_table_add_total (SilaDocumentTable  *table,
                               const char * const *cells)
{
  g_return_if_fail (table != NULL);

  add_row (table, cells, TRUE);
}

void
sila_document_add_chart (SilaDocument *self,
                         SilaChart    *chart,
                         double        height)
{
  Block *block;

  g_return_if_fail (SILA_IS_DOCUMENT (self));
  g_return_if_fail (SILA_IS_CHART (chart));

  block = append_block (self, BLOCK_CHART);
  block->chart = g_object_ref (chart);
  block->height = height > 40 ? height : 200;
}

/* A box to tick on paper, already ticked when @checked. */
void
sila_document_add_checkbox (SilaDocument *self,
                            gboolean      checked,
                            const char   *text)
{
  Block *block;

  g_return_if_fail (SILA_IS_DOCUMENT (self));

  block = append_block (self, BLOCK_CHECKBOX);
  block->flag = checked;
  block->text = g_strdup (text);
}

/* Places to sign: one per label, three to a row, each with a line for the
 * signature and one for the date. */
void
sila_document_add_signatures (SilaDocument       *self,
                              const char * const *labels)
{
  g_return_if_fail (SILA_IS_DOCUMENT (self));
  g_return_if_fail (labels != NULL);

  append_block (self, BLOCK_SIGNATURES)->labels = g_strdupv ((char **)labels);
}

void
sila_document_add_drawing (SilaDocument         *self,
                           double                height,
                           SilaDocumentDrawFunc  func,
                           gpointer              user_data,
                           GDestroyNotify        destroy)
{
  Block *block;

  g_return_if_fail (SILA_IS_DOCUMENT (self));
  g_return_if_fail (func != NULL);

  block = append_block (self, BLOCK_DRAWING);
  block->height = MAX (height, 1);
  block->draw = func;
  block->draw_data = user_data;
  block->draw_destroy = destroy;
}

void
sila_document_add_space (SilaDocument *self,
                         double        points)
{
  g_return_if_fail (SILA_IS_DOCUMENT (self));

  append_block (self, BLOCK_SPACE)->height = MAX (0, points);
}

void
sila_document_add_page_break (SilaDocument *self)
{
  g_return_if_fail (SILA_IS_DOCUMENT (self));

  append_block (self, BLOCK_PAGE_BREAK);
}

/* Layout */

static double
body_width (SilaDocument *self)
{
  return self->page_width - 2 * MARGIN_SIDE;
}

static gboolean
has_letters (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalpha (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

static PangoLayout *
make_layout (SilaDocument *self,
             cairo_t      *cr,
             const char   *text,
             double        size,
             gboolean      bold,
             double        width,
             PangoAlignment start_or_end)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (TEXT_FONT);
  PangoLayoutLine *line;
  gboolean rtl_text;

  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, desc);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);

  /* Text with no letters (an ID, a phone, an amount) reads left to right
   * even on an Arabic page: "+966…" must not become "…966+". */
  if (!has_letters (text))
    {
      pango_layout_set_auto_dir (layout, FALSE);
      pango_context_set_base_dir (pango_layout_get_context (layout), PANGO_DIRECTION_LTR);
      pango_layout_context_changed (layout);
    }
  else
    pango_layout_set_auto_dir (layout, TRUE);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int)(width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }

  /* PANGO_ALIGN_LEFT means "start of the paragraph's own direction"; turn
   * the document's start/end into what this paragraph needs (PLATFORM.md). */
  line = pango_layout_get_line_readonly (layout, 0);
  rtl_text = line != NULL && line->resolved_dir == PANGO_DIRECTION_RTL;
  if (start_or_end == PANGO_ALIGN_CENTER)
    pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  else
    {
      gboolean want_right = (start_or_end == PANGO_ALIGN_LEFT) == self->rtl;

      pango_layout_set_alignment (layout, want_right != rtl_text ? PANGO_ALIGN_RIGHT
                                                                 : PANGO_ALIGN_LEFT);
    }

  return layout;
}

/* "start" and "end" as Pango alignments, resolved by make_layout(). */
#define ALIGN_START PANGO_ALIGN_LEFT
#define ALIGN_END   PANGO_ALIGN_RIGHT

static double
layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_pixel_extents (layout, NULL, &logical);
  return logical.height;
}

static PangoAlignment
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

/* The x of column @col's left edge, columns running from the reading side. */
static double
column_x (SilaDocument      *self,
          SilaDocumentTable *table,
          guint              col)
{
  double offset = 0;

  for (guint i = 0; i < col; i++)
    offset += table->widths[i] * body_width (self);

  if (self->rtl)
    return MARGIN_SIDE + body_width (self) - offset - table->widths[col] * body_width (self);
  return MARGIN_SIDE + offset;
}

static double
row_height (SilaDocument      *self,
            cairo_t           *cr,
            SilaDocumentTable *table,
            int                row)
{
  const char * const *cells = row < 0 ? (const char * const *)table->headers
                                      : g_ptr_array_index (table->rows, row);
  gboolean bold = row < 0 || g_array_index (table->totals, gboolean, row);
  double height = 0;

  for (guint i = 0; i < table->n_columns; i++)
    {
      double w = table->widths[i] * body_width (self) - 2 * CELL_PAD;
      g_autoptr(PangoLayout) layout = make_layout (self, cr, cells[i], BODY_SIZE * 0.92, bold,
                                                   w, cell_alignment (table->aligns[i]));

      height = MAX (height, layout_height (layout));
    }

  return height + 2 * CELL_PAD;
}

static void
add_slice (SilaDocument *self,
           Slice         slice)
{
  g_array_append_val (self->slices, slice);
}

static double
field_height (SilaDocument *self,
              cairo_t      *cr,
              const Block  *block)
{
  g_autoptr(PangoLayout) value = make_layout (self, cr, block->text2, BODY_SIZE, FALSE,
                                              body_width (self) * 0.64, ALIGN_START);

  return MAX (layout_height (value), BODY_SIZE * 1.5) + 3;
}

/* Cuts every block into slices that must not be split. */
static void
slice_blocks (SilaDocument *self,
              cairo_t      *cr)
{
  g_array_set_size (self->slices, 0);

  for (guint b = 0; b < self->blocks->len; b++)
    {
      const Block *block = &g_array_index (self->blocks, Block, b);

      switch (block->kind)
        {
        case BLOCK_HEADING:
          {
            g_autoptr(PangoLayout) layout = make_layout (self, cr, block->text, BODY_SIZE * 1.35,
                                                         TRUE, body_width (self), ALIGN_START);

            add_slice (self, (Slice) { b, 0, 0, 0, layout_height (layout) + 10, TRUE });
          }
          break;

        case BLOCK_PARAGRAPH:
        case BLOCK_NOTE:
          {
            double size = block->kind == BLOCK_NOTE ? BODY_SIZE * 0.85 : BODY_SIZE;
            g_autoptr(PangoLayout) layout = make_layout (self, cr, block->text, size, FALSE,
                                                         body_width (self), ALIGN_START);
            int n = pango_layout_get_line_count (layout);
            PangoLayoutIter *iter = pango_layout_get_iter (layout);
            int i = 0;

            /* Each line is a slice, so that long text flows onto the next
             * page; the gap after the paragraph rides on the last line. */
            do
              {
                PangoRectangle rect;

                pango_layout_iter_get_line_extents (iter, NULL, &rect);
                add_slice (self, (Slice) { b, i, 1, rect.y / (double)PANGO_SCALE,
                                           rect.height / (double)PANGO_SCALE + (i == n - 1 ? 6 : 0),
                                           FALSE });
                i++;
              }
            while (pango_layout_iter_next_line (iter));
            pango_layout_iter_free (iter);
          }
          break;

        case BLOCK_FIELD:
          add_slice (self, (Slice) { b, 0, 0, 0, field_height (self, cr, block), FALSE });
          break;

        case BLOCK_TABLE:
          add_slice (self, (Slice) { b, -1, 0, 0, row_height (self, cr, block->table, -1), TRUE });
          for (guint r = 0; r < block->table->rows->len; r++)
            add_slice (self, (Slice) { b, (int)r, 0, 0, row_height (self, cr, block->table, r),
                                       FALSE });
          /* A gap after the table. */
          add_slice (self, (Slice) { b, G_MAXINT, 0, 0, 10, FALSE });
          break;

        case BLOCK_CHART:
          add_slice (self, (Slice) { b, 0, 0, 0, block->height + 8, FALSE });
          break;

        case BLOCK_CHECKBOX:
          {
            g_autoptr(PangoLayout) layout = make_layout (self, cr, block->text, BODY_SIZE, FALSE,
                                                         body_width (self) - 20, ALIGN_START);

            add_slice (self, (Slice) { b, 0, 0, 0, layout_height (layout) + 6, FALSE });
          }
          break;

        case BLOCK_SIGNATURES:
          {
            guint n = g_strv_length (block->labels);

            for (guint r = 0; r < (n + 2) / 3; r++)
              add_slice (self, (Slice) { b, (int)r, 0, 0, 78, FALSE });
          }
          break;

        case BLOCK_DRAWING:
          add_slice (self, (Slice) { b, 0, 0, 0, block->height + 6, FALSE });
          break;

        case BLOCK_SPACE:
          add_slice (self, (Slice) { b, 0, 0, 0, block->height, FALSE });
          break;

        case BLOCK_PAGE_BREAK:
          add_slice (self, (Slice) { b, 0, 0, 0, 0, FALSE });
          break;

        default:
          g_assert_not_reached ();
        }
    }
}

static GArray *
new_page (SilaDocument *self)
{
  GArray *page = g_array_new (FALSE, FALSE, sizeof (Placement));

  g_ptr_array_add (self->pages, page);
  return page;
}

/* Lays the blocks out on pages of @page_width × @page_height points, using
 * @measure (a cairo context of the target, for its font metrics). Returns
 * the number of pages. */
guint
sila_document_paginate (SilaDocument *self,
                        cairo_t      *measure,
                        double        page_width,
                        double        page_height)
{
  double body_top = MARGIN_TOP + HEADER_HEIGHT;
  double body_bottom = page_height - FOOTER_HEIGHT - 12;
  GArray *page;
  double y = body_top;

  g_return_val_if_fail (SILA_IS_DOCUMENT (self), 0);
  g_return_val_if_fail (measure != NULL, 0);

  self->page_width = page_width;
  self->page_height = page_height;
  g_ptr_array_set_size (self->pages, 0);

  slice_blocks (self, measure);
  page = new_page (self);

  for (guint i = 0; i < self->slices->len; i++)
    {
      const Slice *slice = &g_array_index (self->slices, Slice, i);
      const Block *block = &g_array_index (self->blocks, Block, slice->block);
      double needed = slice->height;

      if (block->kind == BLOCK_PAGE_BREAK)
        {
          if (page->len > 0)
            {
              page = new_page (self);
              y = body_top;
            }
          continue;
        }

      if (block->kind == BLOCK_SPACE && page->len == 0)
        continue;

      /* A heading or a table's header row goes with what follows it, and a
       * heading over a table with the header row and the first row too. */
      for (guint k = i; k + 1 < self->slices->len &&
                        g_array_index (self->slices, Slice, k).keep_with_next; k++)
        needed += g_array_index (self->slices, Slice, k + 1).height;

      if (y + needed > body_bottom && page->len > 0)
        {
          page = new_page (self);
          y = body_top;

          /* A table carried over repeats its header row. */
          if (block->kind == BLOCK_TABLE && slice->row >= 0 && slice->row != G_MAXINT)
            {
              guint header = i;

              while (header > 0 && g_array_index (self->slices, Slice, header).row != -1)
                header--;
              g_array_append_val (page, ((Placement) { header, y }));
              y += g_array_index (self->slices, Slice, header).height;
            }
        }

      g_array_append_val (page, ((Placement) { i, y }));
      y += slice->height;
    }

  return self->pages->len;
}

guint
sila_document_get_n_pages (SilaDocument *self)
{
  g_return_val_if_fail (SILA_IS_DOCUMENT (self), 0);

  return self->pages->len;
}

/* Drawing */

static void
show_at (cairo_t     *cr,
         PangoLayout *layout,
         double       x,
         double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_frame (SilaDocument *self,
            cairo_t      *cr,
            guint         page)
{
  double width = body_width (self);
  g_autofree char *page_text = NULL;

  cairo_set_source_rgb (cr, 0.1, 0.1, 0.12);
  if (self->organization != NULL)
    {
      g_autoptr(PangoLayout) org = make_layout (self, cr, self->organization, BODY_SIZE * 1.45,
                                                TRUE, width * 0.62, ALIGN_START);
      g_autoptr(PangoLayout) title = make_layout (self, cr, self->title, BODY_SIZE * 1.15, TRUE,
                                                  width * 0.36, ALIGN_END);
      double org_x = self->rtl ? MARGIN_SIDE + width * 0.38 : MARGIN_SIDE;
      double title_x = self->rtl ? MARGIN_SIDE : MARGIN_SIDE + width * 0.64;

      show_at (cr, org, org_x, MARGIN_TOP);
      show_at (cr, title, title_x, MARGIN_TOP + 2);
      if (self->subtitle != NULL)
        {
          g_autoptr(PangoLayout) sub = make_layout (self, cr, self->subtitle, BODY_SIZE * 0.9,
                                                    FALSE, width * 0.62, ALIGN_START);

          cairo_set_source_rgb (cr, 0.35, 0.35, 0.38);
          show_at (cr, sub, org_x, MARGIN_TOP + layout_height (org) + 1);
        }
    }

  cairo_set_source_rgb (cr, 0.15, 0.45, 0.3);
  cairo_set_line_width (cr, 1.2);
  cairo_move_to (cr, MARGIN_SIDE, MARGIN_TOP + HEADER_HEIGHT - 10);
  cairo_line_to (cr, MARGIN_SIDE + width, MARGIN_TOP + HEADER_HEIGHT - 10);
  cairo_stroke (cr);

  /* Footer: the note on the reading side, the page number on the other. */
  cairo_set_source_rgb (cr, 0.6, 0.6, 0.62);
  cairo_set_line_width (cr, 0.6);
  cairo_move_to (cr, MARGIN_SIDE, self->page_height - FOOTER_HEIGHT);
  cairo_line_to (cr, MARGIN_SIDE + width, self->page_height - FOOTER_HEIGHT);
  cairo_stroke (cr);

  {
    g_autofree char *ascii = g_strdup_printf (_("Page %u of %u"), page + 1, self->pages->len);

    /* The digits of the page's language. */
    page_text = sila_format_digits_for (ascii, self->rtl ? SILA_LANGUAGE_ARABIC
                                                         : SILA_LANGUAGE_ENGLISH);
  }
  {
    g_autoptr(PangoLayout) number = make_layout (self, cr, page_text, BODY_SIZE * 0.8, FALSE,
                                                 width * 0.25, ALIGN_END);
    double number_x = self->rtl ? MARGIN_SIDE : MARGIN_SIDE + width * 0.75;

    cairo_set_source_rgb (cr, 0.3, 0.3, 0.32);
    show_at (cr, number, number_x, self->page_height - FOOTER_HEIGHT + 6);
  }
  if (self->footer_note != NULL)
    {
      g_autoptr(PangoLayout) note = make_layout (self, cr, self->footer_note, BODY_SIZE * 0.8,
                                                 FALSE, width * 0.72, ALIGN_START);
      double note_x = self->rtl ? MARGIN_SIDE + width * 0.28 : MARGIN_SIDE;

      show_at (cr, note, note_x, self->page_height - FOOTER_HEIGHT + 6);
    }
}

static void
draw_table_row (SilaDocument      *self,
                cairo_t           *cr,
                SilaDocumentTable *table,
                int                row,
                double             y,
                double             height)
{
  const char * const *cells = row < 0 ? (const char * const *)table->headers
                                      : g_ptr_array_index (table->rows, row);
  gboolean total = row >= 0 && g_array_index (table->totals, gboolean, row);
  gboolean bold = row < 0 || total;

  if (row < 0)
    {
      cairo_set_source_rgb (cr, 0.9, 0.94, 0.92);
      cairo_rectangle (cr, MARGIN_SIDE, y, body_width (self), height);
      cairo_fill (cr);
    }
  else if (row % 2 == 1 && !total)
    {
      cairo_set_source_rgb (cr, 0.97, 0.97, 0.97);
      cairo_rectangle (cr, MARGIN_SIDE, y, body_width (self), height);
      cairo_fill (cr);
    }

  for (guint i = 0; i < table->n_columns; i++)
    {
      double w = table->widths[i] * body_width (self) - 2 * CELL_PAD;
      g_autoptr(PangoLayout) layout = make_layout (self, cr, cells[i], BODY_SIZE * 0.92, bold, w,
                                                   cell_alignment (table->aligns[i]));

      cairo_set_source_rgb (cr, 0.1, 0.1, 0.12);
      show_at (cr, layout, column_x (self, table, i) + CELL_PAD, y + CELL_PAD);
    }

  cairo_set_source_rgb (cr, total ? 0.2 : 0.8, total ? 0.2 : 0.8, total ? 0.2 : 0.8);
  cairo_set_line_width (cr, total ? 0.9 : 0.4);
  cairo_move_to (cr, MARGIN_SIDE, total ? y : y + height);
  cairo_line_to (cr, MARGIN_SIDE + body_width (self), total ? y : y + height);
  cairo_stroke (cr);
}

static void
draw_signatures (SilaDocument *self,
                 cairo_t      *cr,
                 const Block  *block,
                 int           row,
                 double        y)
{
  guint n = g_strv_length (block->labels);
  double slot = body_width (self) / 3;

  for (guint k = 0; k < 3 && row * 3 + k < n; k++)
    {
      double x = self->rtl ? MARGIN_SIDE + body_width (self) - (k + 1) * slot
                           : MARGIN_SIDE + k * slot;
      g_autoptr(PangoLayout) label = make_layout (self, cr, block->labels[row * 3 + k],
                                                  BODY_SIZE * 0.95, TRUE, slot - 16, ALIGN_START);
      g_autoptr(PangoLayout) sign = make_layout (self, cr, _("Signature"), BODY_SIZE * 0.8, FALSE,
                                                 slot - 16, ALIGN_START);
      g_autoptr(PangoLayout) date = make_layout (self, cr, _("Date"), BODY_SIZE * 0.8, FALSE,
                                                 slot - 16, ALIGN_START);

      cairo_set_source_rgb (cr, 0.1, 0.1, 0.12);
      show_at (cr, label, x + 8, y + 4);
      cairo_set_source_rgb (cr, 0.4, 0.4, 0.42);
      show_at (cr, sign, x + 8, y + 26);
      show_at (cr, date, x + 8, y + 52);
      cairo_set_line_width (cr, 0.6);
      cairo_move_to (cr, x + 8, y + 46);
      cairo_line_to (cr, x + slot - 8, y + 46);
      cairo_move_to (cr, x + 8, y + 72);
      cairo_line_to (cr, x + slot - 8, y + 72);
      cairo_stroke (cr);
    }
}

static void
draw_slice (SilaDocument *self,
            cairo_t      *cr,
            const Slice  *slice,
            double        y)
{
  const Block *block = &g_array_index (self->blocks, Block, slice->block);
  double width = body_width (self);

  switch (block->kind)
    {
    case BLOCK_HEADING:
      {
        g_autoptr(PangoLayout) layout = make_layout (self, cr, block->text, BODY_SIZE * 1.35,
                                                     TRUE, width, ALIGN_START);

        cairo_set_source_rgb (cr, 0.1, 0.32, 0.22);
        show_at (cr, layout, MARGIN_SIDE, y + 4);
      }
      break;

    case BLOCK_PARAGRAPH:
    case BLOCK_NOTE:
      {
        gboolean note = block->kind == BLOCK_NOTE;
        g_autoptr(PangoLayout) layout = make_layout (self, cr, block->text,
                                                     note ? BODY_SIZE * 0.85 : BODY_SIZE, FALSE,
                                                     width, ALIGN_START);

        /* Show the whole text shifted up, clipped to this slice's lines. */
        cairo_save (cr);
        cairo_rectangle (cr, 0, y, self->page_width, slice->height);
        cairo_clip (cr);
        if (note)
          cairo_set_source_rgb (cr, 0.35, 0.35, 0.38);
        else
          cairo_set_source_rgb (cr, 0.1, 0.1, 0.12);
        show_at (cr, layout, MARGIN_SIDE, y - slice->top);
        cairo_restore (cr);
      }
      break;

    case BLOCK_FIELD:
      {
        g_autoptr(PangoLayout) label = make_layout (self, cr, block->text, BODY_SIZE, TRUE,
                                                    width * 0.34, ALIGN_START);
        g_autoptr(PangoLayout) value = make_layout (self, cr, block->text2, BODY_SIZE, FALSE,
                                                    width * 0.64, ALIGN_START);
        double label_x = self->rtl ? MARGIN_SIDE + width * 0.66 : MARGIN_SIDE;
        double value_x = self->rtl ? MARGIN_SIDE : MARGIN_SIDE + width * 0.36;

        cairo_set_source_rgb (cr, 0.3, 0.3, 0.32);
        show_at (cr, label, label_x, y);
        cairo_set_source_rgb (cr, 0.1, 0.1, 0.12);
        show_at (cr, value, value_x, y);
        cairo_set_source_rgb (cr, 0.88, 0.88, 0.88);
        cairo_set_line_width (cr, 0.4);
        cairo_move_to (cr, MARGIN_SIDE, y + slice->height - 1);
        cairo_line_to (cr, MARGIN_SIDE + width, y + slice->height - 1);
        cairo_stroke (cr);
      }
      break;

    case BLOCK_TABLE:
      if (slice->row != G_MAXINT)
        draw_table_row (self, cr, block->table, slice->row, y, slice->height);
      break;

    case BLOCK_CHART:
      cairo_save (cr);
      cairo_translate (cr, MARGIN_SIDE, y);
      sila_chart_set_rtl (block->chart, self->rtl);
      sila_chart_render (block->chart, cr, width, block->height);
      cairo_restore (cr);
      break;

    case BLOCK_CHECKBOX:
      {
        g_autoptr(PangoLayout) layout = make_layout (self, cr, block->text, BODY_SIZE, FALSE,
                                                     width - 20, ALIGN_START);
        double box_x = self->rtl ? MARGIN_SIDE + width - 11 : MARGIN_SIDE;
        double text_x = self->rtl ? MARGIN_SIDE : MARGIN_SIDE + 20;

        cairo_set_source_rgb (cr, 0.2, 0.2, 0.22);
        cairo_set_line_width (cr, 0.8);
        cairo_rectangle (cr, box_x, y + 3, 10, 10);
        cairo_stroke (cr);
        if (block->flag)
          {
            cairo_move_to (cr, box_x + 2, y + 8);
            cairo_line_to (cr, box_x + 4.5, y + 11);
            cairo_line_to (cr, box_x + 8.5, y + 4.5);
            cairo_stroke (cr);
          }
        cairo_set_source_rgb (cr, 0.1, 0.1, 0.12);
        show_at (cr, layout, text_x, y);
      }
      break;

    case BLOCK_SIGNATURES:
      draw_signatures (self, cr, block, slice->row, y);
      break;

    case BLOCK_DRAWING:
      cairo_save (cr);
      cairo_translate (cr, MARGIN_SIDE, y);
      block->draw (cr, width, block->height, self->rtl, block->draw_data);
      cairo_restore (cr);
      break;

    case BLOCK_SPACE:
    case BLOCK_PAGE_BREAK:
      break;

    default:
      g_assert_not_reached ();
    }
}

/* Draws page @page (from 0) after sila_document_paginate(). */
void
sila_document_render_page (SilaDocument *self,
                           cairo_t      *cr,
                           guint         page)
{
  GArray *placements;

  g_return_if_fail (SILA_IS_DOCUMENT (self));
  g_return_if_fail (page < self->pages->len);

  placements = g_ptr_array_index (self->pages, page);

  cairo_save (cr);
  draw_frame (self, cr, page);
  for (guint i = 0; i < placements->len; i++)
    {
      const Placement *p = &g_array_index (placements, Placement, i);

      draw_slice (self, cr, &g_array_index (self->slices, Slice, p->slice), p->y);
    }
  cairo_restore (cr);
}

/* Writes the document as an A4 PDF at @path, readable by its owner only. */
gboolean
sila_document_write_pdf (SilaDocument  *self,
                         const char    *path,
                         GError       **error)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  guint n_pages;

  g_return_val_if_fail (SILA_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  surface = cairo_pdf_surface_create (path, SILA_DOCUMENT_A4_WIDTH, SILA_DOCUMENT_A4_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
  if (self->author != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, self->author);
  if (self->footer_note != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, self->footer_note);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Sila Desk");

  cr = cairo_create (surface);
  n_pages = sila_document_paginate (self, cr, SILA_DOCUMENT_A4_WIDTH, SILA_DOCUMENT_A4_HEIGHT);
  for (guint i = 0; i < n_pages; i++)
    {
      sila_document_render_page (self, cr, i);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The PDF “%s” could not be written: %s"), path,
                   cairo_status_to_string (status));
      return FALSE;
    }

  if (g_chmod (path, 0600) != 0)
    g_debug ("Cannot restrict %s to its owner", path);

  return TRUE;
}
