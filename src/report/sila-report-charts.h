/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The report's charts, drawn by SilaChart the same on the dashboard, the
 * Reports page, the printed report and the PDF. Labels are in the UI
 * language. */
#pragma once

#include "sila-chart.h"
#include "sila-report-figures.h"

G_BEGIN_DECLS

/* This period against the one before: received, accepted, rejected,
 * services delivered. */
SilaChart *sila_report_chart_comparison (const SilaReportFigures *figures);
SilaChart *sila_report_chart_status     (const SilaReportFigures *figures);
SilaChart *sila_report_chart_types      (const SilaReportFigures *figures);
SilaChart *sila_report_chart_channels   (const SilaReportFigures *figures);
SilaChart *sila_report_chart_decisions  (const SilaReportFigures *figures);
/* The value of the services delivered, by request type, in riyals. */
SilaChart *sila_report_chart_services   (const SilaReportFigures *figures);
SilaChart *sila_report_chart_contacts   (const SilaReportFigures *figures);
/* The mean of each rating question (only those the small-group rule lets
 * through). */
SilaChart *sila_report_chart_satisfaction (const SilaReportFigures *figures);

G_END_DECLS
