/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "sila-period.h"

G_BEGIN_DECLS

#define SILA_TYPE_PERIOD_BAR (sila_period_bar_get_type ())
G_DECLARE_FINAL_TYPE (SilaPeriodBar, sila_period_bar, SILA, PERIOD_BAR, GtkWidget)

/* Chooses a period: its kind (Gregorian or Hijri month, quarter, year, any
 * range), the one before or after ("period.previous", "period.next"), or
 * a range typed in two entries ("period.apply-range"). Why a period is
 * refused shows beside it. It starts on the month of today. */
GtkWidget        *sila_period_bar_new         (void);
const SilaPeriod *sila_period_bar_get_period  (SilaPeriodBar    *self);
/* Shows @period and emits ::changed. */
void              sila_period_bar_set_period  (SilaPeriodBar    *self,
                                               const SilaPeriod *period);
/* Why the period cannot be shown (the page's own work failed), beside it;
 * cleared by sila_period_bar_clear_error() or when the period changes. */
void              sila_period_bar_show_error  (SilaPeriodBar    *self,
                                               const GError     *error);
void              sila_period_bar_clear_error (SilaPeriodBar    *self);

G_END_DECLS
