/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by the files that write the report's workbook. */
#pragma once

#include "sila-report-workbook.h"
#include "sila-workbook.h"

G_BEGIN_DECLS

typedef struct {
  const char     *header;   /* N_() */
  double          width;
  SilaColumnKind  kind;
} SilaReportColumn;

typedef struct {
  SilaWorkbook            *workbook;
  const SilaReportFigures *figures;
  gboolean                 rtl;
  const char              *period_label;
  GPtrArray               *types;      /* SilaTypeEntry */
  GPtrArray               *segments;   /* SilaSegment */
  GHashTable              *type_names; /* code → name, built on first use */
  GHashTable              *segment_names;

  lxw_format              *one_decimal[2];
  lxw_format              *signed_decimal[2];
  lxw_format              *points[2];    /* a change of a rate, "+5.0 points" */
  lxw_format              *none;         /* "—" where there is no figure */
  lxw_format              *note_wrap;
  lxw_format              *warning_wrap;
  lxw_format              *bold_wrap;
  lxw_format              *label_bold;
  lxw_format              *note;
  lxw_format              *warning;

  /* Where the summary's charts find their data. */
  lxw_row_t                summary_first;
  lxw_row_t                charts_row;
  lxw_row_t                breaks[2];
  SilaSheet               *channel_sheet;
  lxw_row_t                channel_first;
  lxw_row_t                channel_last;
  SilaSheet               *services_sheet;
  lxw_row_t                services_first;
  lxw_row_t                services_last;
} SilaReportBook;

void        sila_report_book_clear             (SilaReportBook         *book);
void        sila_report_book_make_formats      (SilaReportBook         *book);
SilaSheet  *sila_report_book_add_table         (SilaReportBook         *book,
                                                const char             *name,
                                                const char             *title,
                                                guint                   n_columns,
                                                const SilaReportColumn *columns,
                                                gboolean                landscape,
                                                lxw_row_t              *header_row);
void        sila_report_book_write_total_label (SilaReportBook         *book,
                                                SilaSheet              *sheet,
                                                lxw_row_t               row);
void        sila_report_book_write_figure      (SilaReportBook         *book,
                                                SilaSheet              *sheet,
                                                lxw_row_t               row,
                                                lxw_col_t               col,
                                                SilaFigure              figure,
                                                const SilaFigureValue  *value,
                                                gboolean                bold);
const char *sila_report_book_type_name         (SilaReportBook         *book,
                                                const char             *code);

/* Share of a whole as a fraction, to a tenth of a percent; 0 of nothing. */
double      sila_report_book_share             (gint64                  part,
                                                gint64                  whole);

/* In sila-report-workbook-tables.c. */
void        sila_report_book_write_decisions   (SilaReportBook         *book);
void        sila_report_book_write_services    (SilaReportBook         *book,
                                                const char             *name,
                                                const char             *title,
                                                const char             *first_header,
                                                GPtrArray              *items,
                                                lxw_row_t              *out_first,
                                                lxw_row_t              *out_last,
                                                SilaSheet             **out_sheet);
void        sila_report_book_write_contacts    (SilaReportBook         *book);
void        sila_report_book_write_outreach    (SilaReportBook         *book);
void        sila_report_book_write_satisfaction (SilaReportBook        *book);

/* In sila-report-workbook-lists.c. */
void        sila_report_book_write_feedback    (SilaReportBook         *book);
void        sila_report_book_write_register    (SilaReportBook         *book);
void        sila_report_book_write_approval    (SilaReportBook         *book);
void        sila_report_book_write_approval_state (SilaReportBook      *book,
                                                   SilaSheet           *sheet,
                                                   double               width,
                                                   lxw_row_t           *row);
void        sila_report_book_write_wrapped     (SilaReportBook         *book,
                                                SilaSheet              *sheet,
                                                lxw_row_t               row,
                                                lxw_col_t               last_col,
                                                double                  width,
                                                const char             *text,
                                                lxw_format             *format);

G_END_DECLS
