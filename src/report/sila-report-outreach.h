/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The board's outreach figures (issue 16), for sila-report-figures.c:
 * contacts made for items of the daily list in the period, per reason;
 * the share that reached the person (a contact logged without an outcome
 * counts as reaching them, as on the list); the median days from the day
 * an item's reason began to its contact. */
#pragma once

#include "sila-report-figures.h"

G_BEGIN_DECLS

/* Sets the three outreach figures of @figures and, when @by_reason is not
 * NULL, a breakdown by reason (SilaReportItem: count, answered = reached,
 * median = days). */
gboolean sila_report_count_outreach (SilaStore         *store,
                                     const SilaActor   *actor,
                                     const SilaPeriod  *period,
                                     SilaFigureValue   *figures,
                                     GPtrArray        **by_reason,
                                     GError           **error);

G_END_DECLS
