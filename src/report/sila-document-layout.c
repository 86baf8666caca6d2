/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Laying the document out: text set with Pango as the page's direction
 * needs it, every block cut into slices that are never split across pages,
 * and the slices placed on pages. */
#define G_LOG_DOMAIN "sila-report"

#include "sila-config.h"

#include "sila-document-private.h"

#define TEXT_FONT "Noto Sans, Noto Naskh Arabic, Amiri"

static gboolean
has_letters (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalpha (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

PangoLayout *
sila_document_make_layout (SilaDocument   *self,
                           cairo_t        *cr,
                           const char     *text,
                           double          size,
                           gboolean        bold,
                           double          width,
                           PangoAlignment  start_or_end)
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
      g_autoptr(PangoLayout) layout = sila_document_make_layout (self, cr, cells[i],
                                                                 BODY_SIZE * 0.92, bold, w,
                                                                 cell_alignment (table->aligns[i]));

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
  g_autoptr(PangoLayout) value = sila_document_make_layout (self, cr, block->text2, BODY_SIZE,
                                                            FALSE, body_width (self) * 0.64,
                                                            ALIGN_START);

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
            g_autoptr(PangoLayout) layout = sila_document_make_layout (self, cr, block->text,
                                                                       BODY_SIZE * 1.35, TRUE,
                                                                       body_width (self),
                                                                       ALIGN_START);

            add_slice (self, (Slice) { b, 0, 0, 0, layout_height (layout) + 10, TRUE });
          }
          break;

        case BLOCK_PARAGRAPH:
        case BLOCK_NOTE:
          {
            double size = block->kind == BLOCK_NOTE ? BODY_SIZE * 0.85 : BODY_SIZE;
            g_autoptr(PangoLayout) layout = sila_document_make_layout (self, cr, block->text, size,
                                                                       FALSE, body_width (self),
                                                                       ALIGN_START);
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
            g_autoptr(PangoLayout) layout = sila_document_make_layout (self, cr, block->text,
                                                                       BODY_SIZE, FALSE,
                                                                       body_width (self) - 20,
                                                                       ALIGN_START);

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

static guint
paginate_at (SilaDocument *self,
             cairo_t      *measure,
             double        page_width,
             double        page_height);

/* The smallest a form may be scaled to fit its page: 10.5-point text
 * printed at 8.4 points is still read easily. */
#define MIN_FIT_SCALE 0.8

/* Lays the blocks out on pages of @page_width × @page_height points, using
 * @measure (a cairo context of the target, for its font metrics). A
 * document to fit one page that does not is laid out on a larger page and
 * printed scaled down to the paper, down to MIN_FIT_SCALE; beyond that it
 * takes the pages it needs at full size. Returns the number of pages. */
guint
sila_document_paginate (SilaDocument *self,
                        cairo_t      *measure,
                        double        page_width,
                        double        page_height)
{
  guint n;

  g_return_val_if_fail (SILA_IS_DOCUMENT (self), 0);
  g_return_val_if_fail (measure != NULL, 0);

  self->scale = 1;
  n = paginate_at (self, measure, page_width, page_height);
  if (!self->fit_one_page || n <= 1)
    return n;

  for (double scale = 0.96; scale >= MIN_FIT_SCALE - 1e-9; scale -= 0.04)
    if (paginate_at (self, measure, page_width / scale, page_height / scale) == 1)
      {
        self->scale = scale;
        return 1;
      }

  return paginate_at (self, measure, page_width, page_height);
}

static guint
paginate_at (SilaDocument *self,
             cairo_t      *measure,
             double        page_width,
             double        page_height)
{
  double body_top = MARGIN_TOP + HEADER_HEIGHT;
  double body_bottom = page_height - FOOTER_HEIGHT - 12;
  GArray *page;
  double y = body_top;

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
