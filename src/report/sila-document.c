/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The printed document as an object: its title, header and footer, and the
 * blocks (headings, text, fields, tables, charts, signatures…) added to it
 * in reading order. Pagination is in sila-document-layout.c, drawing and
 * the PDF in sila-document-render.c. */
#define G_LOG_DOMAIN "sila-report"

#include "sila-config.h"

#include "sila-document-private.h"

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
  self->scale = 1;
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

/* Whether the document is printed on one page, scaled down a little if it
 * needs to be (a form: its signatures belong on the page they sign). */
void
sila_document_set_fit_one_page (SilaDocument *self,
                                gboolean      fit)
{
  g_return_if_fail (SILA_IS_DOCUMENT (self));

  self->fit_one_page = fit;
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
