/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "sila-report-figures.h"

G_BEGIN_DECLS

/* Replaces what @box holds with the report's tables. */
void sila_report_view_fill (GtkBox                  *box,
                            const SilaReportFigures *figures);

G_END_DECLS
