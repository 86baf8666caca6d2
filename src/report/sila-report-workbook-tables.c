/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The workbook's tables of decisions, services, contacts and
 * satisfaction. */
#define G_LOG_DOMAIN "sila-report"

#include "sila-config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "sila-report-workbook-private.h"

void
sila_report_book_write_decisions (SilaReportBook *book)
{
  static const SilaReportColumn columns[] = {
    { N_("Request type"), 30, SILA_COLUMN_TEXT },
    { N_("Requests decided"), 12, SILA_COLUMN_INTEGER },
    { N_("Requests accepted"), 12, SILA_COLUMN_INTEGER },
    { N_("Requests rejected"), 12, SILA_COLUMN_INTEGER },
    { N_("Acceptance rate"), 14, SILA_COLUMN_PERCENT },
  };
  const SilaReportFigures *f = book->figures;
  lxw_row_t row;
  SilaSheet *sheet = sila_report_book_add_table (book, _("Decisions"),
                                                 _("The committee’s decisions, by request type"),
                                                 G_N_ELEMENTS (columns), columns, FALSE, &row);
  lxw_worksheet *ws = sila_sheet_get_lxw (sheet);
  gint64 accepted = 0, rejected = 0;

  for (guint i = 0; f->decisions_by_type != NULL && i < f->decisions_by_type->len; i++)
    {
      const SilaReportItem *item = g_ptr_array_index (f->decisions_by_type, i);

      row++;
      sila_sheet_write_text (sheet, row, 0, item->label);
      sila_sheet_write_number (sheet, row, 1, (double)item->count, SILA_COLUMN_INTEGER);
      sila_sheet_write_number (sheet, row, 2, (double)item->accepted, SILA_COLUMN_INTEGER);
      sila_sheet_write_number (sheet, row, 3, (double)item->rejected, SILA_COLUMN_INTEGER);
      sila_sheet_write_number (sheet, row, 4, sila_report_book_share (item->accepted, item->count),
                               SILA_COLUMN_PERCENT);
      accepted += item->accepted;
      rejected += item->rejected;
    }
  sila_sheet_finish_table (sheet, row);
  row++;
  sila_report_book_write_total_label (book, sheet, row);
  worksheet_write_number (ws, row, 1, (double)(accepted + rejected),
                          sila_sheet_get_format (sheet, SILA_COLUMN_INTEGER, TRUE));
  worksheet_write_number (ws, row, 2, (double)accepted,
                          sila_sheet_get_format (sheet, SILA_COLUMN_INTEGER, TRUE));
  worksheet_write_number (ws, row, 3, (double)rejected,
                          sila_sheet_get_format (sheet, SILA_COLUMN_INTEGER, TRUE));
  if (accepted + rejected > 0)
    sila_report_book_write_figure (book, sheet, row, 4, SILA_FIGURE_ACCEPTANCE_RATE,
                                   &f->figures[SILA_FIGURE_ACCEPTANCE_RATE], TRUE);
}

void
sila_report_book_write_services (SilaReportBook  *book,
                                 const char      *name,
                                 const char      *title,
                                 const char      *first_header,
                                 GPtrArray       *items,
                                 lxw_row_t       *out_first,
                                 lxw_row_t       *out_last,
                                 SilaSheet      **out_sheet)
{
  SilaReportColumn columns[] = {
    { first_header, 30, SILA_COLUMN_TEXT },
    { N_("Services delivered"), 14, SILA_COLUMN_INTEGER },
    { N_("Value"), 18, SILA_COLUMN_MONEY },
  };
  lxw_row_t row;
  SilaSheet *sheet = sila_report_book_add_table (book, name, title, G_N_ELEMENTS (columns),
                                                 columns, FALSE, &row);
  lxw_worksheet *ws = sila_sheet_get_lxw (sheet);
  gint64 count = 0, halalas = 0;

  *out_first = row + 1;
  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      const SilaReportItem *item = g_ptr_array_index (items, i);

      row++;
      sila_sheet_write_text (sheet, row, 0, item->label);
      sila_sheet_write_number (sheet, row, 1, (double)item->count, SILA_COLUMN_INTEGER);
      sila_sheet_write_money (sheet, row, 2, item->halalas);
      count += item->count;
      halalas += item->halalas;
    }
  *out_last = row;
  sila_sheet_finish_table (sheet, row);
  row++;
  sila_report_book_write_total_label (book, sheet, row);
  worksheet_write_number (ws, row, 1, (double)count,
                          sila_sheet_get_format (sheet, SILA_COLUMN_INTEGER, TRUE));
  worksheet_write_number (ws, row, 2, (double)halalas / 100,
                          sila_sheet_get_format (sheet, SILA_COLUMN_MONEY, TRUE));
  *out_sheet = sheet;
}

void
sila_report_book_write_contacts (SilaReportBook *book)
{
  static const SilaReportColumn columns[] = {
    { N_("Channel"), 30, SILA_COLUMN_TEXT },
    { N_("Contacts"), 12, SILA_COLUMN_INTEGER },
    { N_("Inquiries"), 12, SILA_COLUMN_INTEGER },
    { N_("Answered"), 12, SILA_COLUMN_INTEGER },
    { N_("Hours to answer (median)"), 16, SILA_COLUMN_DECIMAL },
  };
  const SilaReportFigures *f = book->figures;
  lxw_row_t row;
  SilaSheet *sheet = sila_report_book_add_table (book, _("Contacts"),
                                                 _("Contacts and inquiries, by channel"),
                                                 G_N_ELEMENTS (columns), columns, FALSE, &row);
  lxw_worksheet *ws = sila_sheet_get_lxw (sheet);
  gint64 count = 0, inquiries = 0, answered = 0;

  for (guint i = 0; f->contacts_by_channel != NULL && i < f->contacts_by_channel->len; i++)
    {
      const SilaReportItem *item = g_ptr_array_index (f->contacts_by_channel, i);

      row++;
      sila_sheet_write_text (sheet, row, 0, item->label);
      sila_sheet_write_number (sheet, row, 1, (double)item->count, SILA_COLUMN_INTEGER);
      sila_sheet_write_number (sheet, row, 2, (double)item->inquiries, SILA_COLUMN_INTEGER);
      sila_sheet_write_number (sheet, row, 3, (double)item->answered, SILA_COLUMN_INTEGER);
      if (isfinite (item->median))
        worksheet_write_number (ws, row, 4, round (item->median * 10) / 10,
                                book->one_decimal[0]);
      count += item->count;
      inquiries += item->inquiries;
      answered += item->answered;
    }
  sila_sheet_finish_table (sheet, row);
  row++;
  sila_report_book_write_total_label (book, sheet, row);
  worksheet_write_number (ws, row, 1, (double)count,
                          sila_sheet_get_format (sheet, SILA_COLUMN_INTEGER, TRUE));
  worksheet_write_number (ws, row, 2, (double)inquiries,
                          sila_sheet_get_format (sheet, SILA_COLUMN_INTEGER, TRUE));
  worksheet_write_number (ws, row, 3, (double)answered,
                          sila_sheet_get_format (sheet, SILA_COLUMN_INTEGER, TRUE));
  sila_report_book_write_figure (book, sheet, row, 4, SILA_FIGURE_ANSWER_HOURS,
                                 &f->figures[SILA_FIGURE_ANSWER_HOURS], TRUE);
  row += 2;
  worksheet_write_string (ws, row, 0, sila_figure_to_label (SILA_FIGURE_REFERRALS),
                          book->label_bold);
  sila_report_book_write_figure (book, sheet, row, 1, SILA_FIGURE_REFERRALS,
                                 &f->figures[SILA_FIGURE_REFERRALS], TRUE);
}

/* The daily outreach list's work in the period: contacts made per reason,
 * how many reached the person, and the days from an item's appearance to
 * its contact. */
void
sila_report_book_write_outreach (SilaReportBook *book)
{
  static const SilaReportColumn columns[] = {
    { N_("Reason"), 34, SILA_COLUMN_TEXT },
    { N_("Contacts made"), 14, SILA_COLUMN_INTEGER },
    { N_("Reached"), 12, SILA_COLUMN_INTEGER },
    { N_("Days to contact (median)"), 16, SILA_COLUMN_DECIMAL },
  };
  const SilaReportFigures *f = book->figures;
  lxw_row_t row;
  SilaSheet *sheet = sila_report_book_add_table (book, _("Outreach"),
                                                 _("Reaching beneficiaries without their "
                                                   "asking, by reason"),
                                                 G_N_ELEMENTS (columns), columns, FALSE, &row);
  lxw_worksheet *ws = sila_sheet_get_lxw (sheet);
  gint64 reached = 0;

  for (guint i = 0; f->outreach_by_reason != NULL && i < f->outreach_by_reason->len; i++)
    {
      const SilaReportItem *item = g_ptr_array_index (f->outreach_by_reason, i);

      row++;
      sila_sheet_write_text (sheet, row, 0, item->label);
      sila_sheet_write_number (sheet, row, 1, (double)item->count, SILA_COLUMN_INTEGER);
      sila_sheet_write_number (sheet, row, 2, (double)item->answered, SILA_COLUMN_INTEGER);
      if (isfinite (item->median))
        worksheet_write_number (ws, row, 3, round (item->median * 10) / 10,
                                book->one_decimal[0]);
      reached += item->answered;
    }
  sila_sheet_finish_table (sheet, row);
  row++;
  sila_report_book_write_total_label (book, sheet, row);
  sila_report_book_write_figure (book, sheet, row, 1, SILA_FIGURE_OUTREACH_CONTACTS,
                                 &f->figures[SILA_FIGURE_OUTREACH_CONTACTS], TRUE);
  worksheet_write_number (ws, row, 2, (double)reached,
                          sila_sheet_get_format (sheet, SILA_COLUMN_INTEGER, TRUE));
  sila_report_book_write_figure (book, sheet, row, 3, SILA_FIGURE_OUTREACH_DAYS,
                                 &f->figures[SILA_FIGURE_OUTREACH_DAYS], TRUE);
  row += 2;
  worksheet_write_string (ws, row, 0, sila_figure_to_label (SILA_FIGURE_OUTREACH_REACHED),
                          book->label_bold);
  sila_report_book_write_figure (book, sheet, row, 1, SILA_FIGURE_OUTREACH_REACHED,
                                 &f->figures[SILA_FIGURE_OUTREACH_REACHED], TRUE);
}

void
sila_report_book_write_satisfaction (SilaReportBook *book)
{
  static const SilaReportColumn columns[] = {
    { N_("Question"), 34, SILA_COLUMN_TEXT },
    { N_("Answers"), 12, SILA_COLUMN_INTEGER },
    { N_("Mean (1–5)"), 12, SILA_COLUMN_DECIMAL },
  };
  static const SilaReportColumn channel_columns[] = {
    { N_("Channel"), 34, SILA_COLUMN_TEXT },
    { N_("Survey responses"), 12, SILA_COLUMN_INTEGER },
    { N_("CSAT"), 12, SILA_COLUMN_PERCENT },
    { N_("NPS"), 12, SILA_COLUMN_DECIMAL },
  };
  const SilaReportFigures *f = book->figures;
  lxw_row_t row;
  SilaSheet *sheet = sila_report_book_add_table (book, _("Satisfaction"),
                                                 _("Beneficiary satisfaction, question by "
                                                   "question"),
                                                 G_N_ELEMENTS (columns), columns, FALSE, &row);
  lxw_worksheet *ws = sila_sheet_get_lxw (sheet);
  gboolean any_hidden = FALSE;

  for (guint i = 0; f->survey_questions != NULL && i < f->survey_questions->len; i++)
    {
      const SilaReportItem *item = g_ptr_array_index (f->survey_questions, i);

      row++;
      sila_sheet_write_text (sheet, row, 0, item->label);
      sila_sheet_write_number (sheet, row, 1, (double)item->count, SILA_COLUMN_INTEGER);
      if (!item->hidden && isfinite (item->mean))
        worksheet_write_number (ws, row, 2, round (item->mean * 100) / 100,
                                sila_sheet_get_format (sheet, SILA_COLUMN_DECIMAL, FALSE));
      any_hidden |= item->hidden && item->count > 0;
    }
  sila_sheet_finish_table (sheet, row);
  row += 2;
  for (SilaFigure fig = SILA_FIGURE_SURVEY_RESPONSES; fig <= SILA_FIGURE_NPS; fig++, row++)
    {
      worksheet_write_string (ws, row, 0, sila_figure_to_label (fig), book->label_bold);
      sila_report_book_write_figure (book, sheet, row, 1, fig, &f->figures[fig], TRUE);
    }
  if (any_hidden)
    worksheet_write_string (ws, ++row, 0, _("A mean of fewer than 5 answers is not shown, so "
                                            "that nobody’s answers can be picked out."),
                            book->note);

  sheet = sila_report_book_add_table (book, _("Satisfaction by channel"),
                                      _("Beneficiary satisfaction, by channel"),
                                      G_N_ELEMENTS (channel_columns), channel_columns, FALSE,
                                      &row);
  ws = sila_sheet_get_lxw (sheet);
  any_hidden = FALSE;
  for (guint i = 0; f->survey_by_channel != NULL && i < f->survey_by_channel->len; i++)
    {
      const SilaReportItem *item = g_ptr_array_index (f->survey_by_channel, i);
      SilaFigureValue csat = { 0, item->csat }, nps = { 0, item->nps };

      if (item->hidden)
        {
          any_hidden = TRUE;
          continue;
        }
      row++;
      sila_sheet_write_text (sheet, row, 0, item->label);
      sila_sheet_write_number (sheet, row, 1, (double)item->count, SILA_COLUMN_INTEGER);
      sila_report_book_write_figure (book, sheet, row, 2, SILA_FIGURE_CSAT, &csat, FALSE);
      sila_report_book_write_figure (book, sheet, row, 3, SILA_FIGURE_NPS, &nps, FALSE);
    }
  sila_sheet_finish_table (sheet, row);
  if (any_hidden)
    worksheet_write_string (ws, row + 2, 0, _("Channels with fewer than 5 responses are left "
                                               "out, so that nobody’s answers can be picked "
                                               "out."),
                            book->note);
}
