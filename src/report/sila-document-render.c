/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Drawing the laid-out document: the page's furniture (the header band,
 * the footer note and the page number), each slice of its blocks, and the
 * whole document written as an A4 PDF. */
#define G_LOG_DOMAIN "sila-report"

#include "sila-config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>

#include "sila-document-private.h"
#include "sila-format.h"
#include "sila-private-file.h"

static void
show_at (cairo_t     *cr,
         PangoLayout *layout,
         double       x,
         double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
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
      g_autoptr(PangoLayout) org = sila_document_make_layout (self, cr, self->organization,
                                                              BODY_SIZE * 1.45, TRUE, width * 0.62,
                                                              ALIGN_START);
      g_autoptr(PangoLayout) title = sila_document_make_layout (self, cr, self->title,
                                                                BODY_SIZE * 1.15, TRUE,
                                                                width * 0.36, ALIGN_END);
      double org_x = self->rtl ? MARGIN_SIDE + width * 0.38 : MARGIN_SIDE;
      double title_x = self->rtl ? MARGIN_SIDE : MARGIN_SIDE + width * 0.64;

      show_at (cr, org, org_x, MARGIN_TOP);
      show_at (cr, title, title_x, MARGIN_TOP + 2);
      if (self->subtitle != NULL)
        {
          g_autoptr(PangoLayout) sub = sila_document_make_layout (self, cr, self->subtitle,
                                                                  BODY_SIZE * 0.9, FALSE,
                                                                  width * 0.62, ALIGN_START);

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
    g_autoptr(PangoLayout) number = sila_document_make_layout (self, cr, page_text, BODY_SIZE * 0.8,
                                                               FALSE, width * 0.25, ALIGN_END);
    double number_x = self->rtl ? MARGIN_SIDE : MARGIN_SIDE + width * 0.75;

    cairo_set_source_rgb (cr, 0.3, 0.3, 0.32);
    show_at (cr, number, number_x, self->page_height - FOOTER_HEIGHT + 6);
  }
  if (self->footer_note != NULL)
    {
      g_autoptr(PangoLayout) note = sila_document_make_layout (self, cr, self->footer_note,
                                                               BODY_SIZE * 0.8, FALSE, width * 0.72,
                                                               ALIGN_START);
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
      g_autoptr(PangoLayout) layout = sila_document_make_layout (self, cr, cells[i],
                                                                 BODY_SIZE * 0.92, bold, w,
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
      g_autoptr(PangoLayout) label = sila_document_make_layout (self, cr,
                                                                block->labels[row * 3 + k],
                                                                BODY_SIZE * 0.95, TRUE, slot - 16,
                                                                ALIGN_START);
      g_autoptr(PangoLayout) sign = sila_document_make_layout (self, cr, _("Signature"),
                                                               BODY_SIZE * 0.8, FALSE, slot - 16,
                                                               ALIGN_START);
      g_autoptr(PangoLayout) date = sila_document_make_layout (self, cr, _("Date"), BODY_SIZE * 0.8,
                                                               FALSE, slot - 16, ALIGN_START);

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
        g_autoptr(PangoLayout) layout = sila_document_make_layout (self, cr, block->text,
                                                                   BODY_SIZE * 1.35, TRUE, width,
                                                                   ALIGN_START);

        cairo_set_source_rgb (cr, 0.1, 0.32, 0.22);
        show_at (cr, layout, MARGIN_SIDE, y + 4);
      }
      break;

    case BLOCK_PARAGRAPH:
    case BLOCK_NOTE:
      {
        gboolean note = block->kind == BLOCK_NOTE;
        double size = note ? BODY_SIZE * 0.85 : BODY_SIZE;
        g_autoptr(PangoLayout) layout = sila_document_make_layout (self, cr, block->text, size,
                                                                   FALSE, width, ALIGN_START);

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
        g_autoptr(PangoLayout) label = sila_document_make_layout (self, cr, block->text, BODY_SIZE,
                                                                  TRUE, width * 0.34, ALIGN_START);
        g_autoptr(PangoLayout) value = sila_document_make_layout (self, cr, block->text2, BODY_SIZE,
                                                                  FALSE, width * 0.64, ALIGN_START);
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
        g_autoptr(PangoLayout) layout = sila_document_make_layout (self, cr, block->text, BODY_SIZE,
                                                                   FALSE, width - 20, ALIGN_START);
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
  /* A form fitted to its page was laid out on a larger one. */
  cairo_scale (cr, self->scale, self->scale);
  draw_frame (self, cr, page);
  for (guint i = 0; i < placements->len; i++)
    {
      const Placement *p = &g_array_index (placements, Placement, i);

      draw_slice (self, cr, &g_array_index (self->slices, Slice, p->slice), p->y);
    }
  cairo_restore (cr);
}

/* Cairo's own PDF file output does not report a failed write (a full
 * disk gave a truncated PDF and success): the bytes go through here. */
typedef struct
{
  FILE *out;
  int   code;   /* errno of the first failed write, 0 if none */
} PdfSink;

static cairo_status_t
pdf_write_cb (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  PdfSink *sink = closure;

  if (sink->code != 0)
    return CAIRO_STATUS_WRITE_ERROR;
  if (fwrite (data, 1, length, sink->out) != length)
    {
      sink->code = errno != 0 ? errno : EIO;
      return CAIRO_STATUS_WRITE_ERROR;
    }
  return CAIRO_STATUS_SUCCESS;
}

/* Writes the document as an A4 PDF at @path, readable by its owner only. */
gboolean
sila_document_write_pdf (SilaDocument  *self,
                         const char    *path,
                         GError       **error)
{
  g_autoptr(SilaPrivateFile) file = NULL;
  PdfSink sink = { NULL, 0 };
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  guint n_pages;

  g_return_val_if_fail (SILA_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* Written into a private temporary file, renamed into place when whole. */
  file = sila_private_file_begin (path, error);
  if (file == NULL)
    return FALSE;
  sink.out = g_fopen (sila_private_file_get_partial (file), "wb");
  if (sink.out == NULL)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                   _("The PDF “%s” could not be written: %s"), path, g_strerror (errno));
      return FALSE;
    }

  surface = cairo_pdf_surface_create_for_stream (pdf_write_cb, &sink,
                                                 SILA_DOCUMENT_A4_WIDTH, SILA_DOCUMENT_A4_HEIGHT);
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
  if ((fflush (sink.out) != 0 || ferror (sink.out)) && sink.code == 0)
    sink.code = errno != 0 ? errno : EIO;
  if (fclose (sink.out) != 0 && sink.code == 0)
    sink.code = errno != 0 ? errno : EIO;

  if (sink.code != 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (sink.code),
                   _("The PDF “%s” could not be written: %s"), path, g_strerror (sink.code));
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The PDF “%s” could not be written: %s"), path,
                   cairo_status_to_string (status));
      return FALSE;
    }

  return sila_private_file_commit (file, error);
}
