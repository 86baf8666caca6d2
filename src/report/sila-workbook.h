/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <xlsxwriter.h>

G_BEGIN_DECLS

/* Excel workbooks for the office: right-to-left sheets in Arabic, real
 * numbers and dates (never text), riyal formats, frozen headers, filters,
 * set widths, A4 print set-up fitted to width with the association's name
 * and page numbers, document properties and a confidentiality note. Wraps
 * libxlsxwriter 1.1.4 and keeps clear of its traps (PLATFORM.md): no empty
 * or invalid sheet names, no formulas built from user text, no long
 * validation lists. */

typedef enum {
  SILA_COLUMN_TEXT,
  SILA_COLUMN_INTEGER,
  SILA_COLUMN_DECIMAL,
  SILA_COLUMN_MONEY,    /* riyals, two decimals */
  SILA_COLUMN_PERCENT,  /* a fraction (0.5) shown as a percentage (50.0%) */
  SILA_COLUMN_DATE,     /* yyyy-mm-dd */
  SILA_COLUMN_ID,       /* digits kept as text: IDs, phones */
  SILA_COLUMN_NUMBER,   /* a whole number with no thousands separator: file numbers */
} SilaColumnKind;

typedef struct _SilaWorkbook SilaWorkbook;
typedef struct _SilaSheet SilaSheet;

SilaWorkbook  *sila_workbook_new            (const char          *path,
                                             gboolean             rtl,
                                             gboolean             streaming,
                                             GError             **error);
void           sila_workbook_set_properties (SilaWorkbook        *self,
                                             const char          *title,
                                             const char          *subject,
                                             const char          *author,
                                             const char          *organization,
                                             const char          *confidentiality);
lxw_workbook  *sila_workbook_get_lxw        (SilaWorkbook        *self);
const char    *sila_workbook_get_font       (SilaWorkbook        *self);
double         sila_workbook_get_row_height (SilaWorkbook        *self);
SilaSheet     *sila_workbook_add_sheet      (SilaWorkbook        *self,
                                             const char          *name);
gboolean       sila_workbook_close          (SilaWorkbook        *self,
                                             GError             **error);
void           sila_workbook_free           (SilaWorkbook        *self);

lxw_worksheet *sila_sheet_get_lxw           (SilaSheet           *sheet);
lxw_format    *sila_sheet_get_format        (SilaSheet           *sheet,
                                             SilaColumnKind       kind,
                                             gboolean             bold);
void           sila_sheet_set_columns       (SilaSheet           *sheet,
                                             lxw_row_t            header_row,
                                             guint                n_columns,
                                             const char * const  *headers,
                                             const double        *widths,
                                             const SilaColumnKind *kinds);
void           sila_sheet_write_text        (SilaSheet           *sheet,
                                             lxw_row_t            row,
                                             lxw_col_t            col,
                                             const char          *text);
void           sila_sheet_write_title       (SilaSheet           *sheet,
                                             lxw_row_t            row,
                                             const char          *text);
void           sila_sheet_write_number      (SilaSheet           *sheet,
                                             lxw_row_t            row,
                                             lxw_col_t            col,
                                             double               value,
                                             SilaColumnKind       kind);
void           sila_sheet_write_money       (SilaSheet           *sheet,
                                             lxw_row_t            row,
                                             lxw_col_t            col,
                                             gint64               halalas);
void           sila_sheet_write_date        (SilaSheet           *sheet,
                                             lxw_row_t            row,
                                             lxw_col_t            col,
                                             const GDate         *date);
void           sila_sheet_write_cell        (SilaSheet           *sheet,
                                             lxw_row_t            row,
                                             lxw_col_t            col,
                                             const char          *value);
void           sila_sheet_finish_table      (SilaSheet           *sheet,
                                             lxw_row_t            last_row);
void           sila_sheet_set_print         (SilaSheet           *sheet,
                                             const char          *header,
                                             gboolean             landscape);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SilaWorkbook, sila_workbook_free)

G_END_DECLS
