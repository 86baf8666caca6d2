/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The board's report as an Excel workbook, right to left in Arabic, its
 * labels in the UI language:
 *
 *   1  Summary: the headline figures as label/value rows (this period, the
 *      one before, the change), the approval's state, and charts
 *   2… one sheet per breakdown: by status, type, channel, segment;
 *      decisions by type; services by type and by form; contacts by
 *      channel; satisfaction (questions and channels)
 *      lists: overdue requests, decisions after the answer window, the
 *      services delivered, suggestions and complaints, every request
 *      received (without names: request and file numbers)
 *   last  Board approval: the period in both calendars, prepared by,
 *      the decision's number and date, signature lines for the chair and
 *      members, and what changed since an approval
 *
 * Numbers are numbers (riyals formatted, rates 0–100), every table has a
 * frozen header, a filter and set widths, every sheet A4 fitted to width
 * with the association's name and page numbers; the file carries its
 * properties and a confidentiality note. Needs report.export; the export
 * is audited. */
#pragma once

#include "sila-report-figures.h"

G_BEGIN_DECLS

gboolean sila_report_write_xlsx (SilaStore               *store,
                                 const SilaActor         *actor,
                                 const SilaReportFigures *figures,
                                 const char              *path,
                                 GError                 **error);

/* The confidentiality note of every export of the report, and its title
 * ("Monthly report to the board", …) for @period. */
const char *sila_report_confidentiality (void);
char       *sila_report_title           (const SilaPeriod *period);

G_END_DECLS
