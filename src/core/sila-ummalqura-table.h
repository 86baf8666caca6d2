/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Private to sila-hijri.c: the official Umm al-Qura month starts. The data
 * is generated (build-aux/gen-ummalqura-table.js); its source is named in
 * sila-ummalqura-table.c. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SILA_UMMALQURA_FIRST_YEAR 1343
#define SILA_UMMALQURA_LAST_YEAR  1500
#define SILA_UMMALQURA_N_MONTHS   ((SILA_UMMALQURA_LAST_YEAR - SILA_UMMALQURA_FIRST_YEAR + 1) * 12)

/* Element i is the Reduced Julian Day (JDN - 2400000) of the first day of
 * month i, counted from Muharram 1343; the last element is the day after
 * Dhu al-Hijjah 1500. */
extern const gint32 sila_ummalqura_month_starts[SILA_UMMALQURA_N_MONTHS + 1];

G_END_DECLS
