/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Report periods: a kind and an inclusive range of days.
 *
 * Text forms (sila_period_parse() reads them, sila_period_to_code() writes
 * them; ASCII or Arabic-Indic digits):
 *   "2026-03"                 Gregorian month
 *   "1447-09"                 Hijri month (a year from 1343 to 1500)
 *   "2026-Q1" (or "2026Q1", "Q1 2026")   Gregorian quarter
 *   "2026"                    Gregorian year
 *   "1447"                    Hijri year
 *   "2026-01-15..2026-02-14"  any range; either end may be typed in any
 *                             form sila_date_parse_guess() reads, e.g.
 *                             "1447-09-01..1447-09-15" (Hijri) */
#pragma once

#include <glib.h>

#include "sila-i18n.h"

G_BEGIN_DECLS

typedef enum {
  SILA_PERIOD_MONTH,        /* Gregorian month */
  SILA_PERIOD_HIJRI_MONTH,
  SILA_PERIOD_QUARTER,      /* Gregorian quarter */
  SILA_PERIOD_YEAR,         /* Gregorian year */
  SILA_PERIOD_HIJRI_YEAR,
  SILA_PERIOD_RANGE,        /* any run of days */
} SilaPeriodKind;

typedef struct {
  SilaPeriodKind kind;
  GDate          start;  /* first day, inclusive */
  GDate          end;    /* last day, inclusive */
} SilaPeriod;

/* Builders. Errors are SILA_VALIDATION_ERROR in the UI language (a month
 * out of 1–12, a Hijri year outside the table, a range ending before it
 * starts, a year outside SILA_DATE_MIN_YEAR…MAX_YEAR). */
gboolean  sila_period_init_month        (SilaPeriod        *period,
                                         guint              year,
                                         guint              month,
                                         GError           **error);
gboolean  sila_period_init_hijri_month  (SilaPeriod        *period,
                                         guint              year,
                                         guint              month,
                                         GError           **error);
gboolean  sila_period_init_quarter      (SilaPeriod        *period,
                                         guint              year,
                                         guint              quarter,
                                         GError           **error);
gboolean  sila_period_init_year         (SilaPeriod        *period,
                                         guint              year,
                                         GError           **error);
gboolean  sila_period_init_hijri_year   (SilaPeriod        *period,
                                         guint              year,
                                         GError           **error);
gboolean  sila_period_init_range        (SilaPeriod        *period,
                                         const GDate       *start,
                                         const GDate       *end,
                                         GError           **error);

/* The period of @kind that holds @date (the month, Hijri month, quarter
 * or year of that day; for SILA_PERIOD_RANGE, that day alone). FALSE only
 * for a Hijri kind outside the table. */
gboolean  sila_period_init_containing   (SilaPeriod        *period,
                                         SilaPeriodKind     kind,
                                         const GDate       *date,
                                         GError           **error);

/* Reads the text forms above. INVALID errors name the forms accepted. */
gboolean  sila_period_parse             (const char        *text,
                                         SilaPeriod        *period,
                                         GError           **error);
/* The text form of the period, e.g. "2026-03", "1447-09", "2026-Q1",
 * "2026-01-15..2026-02-14"; sila_period_parse() reads it back. */
char     *sila_period_to_code           (const SilaPeriod  *period);

/* The period before, for comparisons: the same kind, just before. For
 * calendar kinds it is the previous month, Hijri month, quarter or year
 * (whatever its length: February after March, a 29-day Hijri month before
 * a 30-day one); for a range, the same number of days ending the day
 * before @period starts. FALSE (OUT_OF_RANGE) before the Hijri table or
 * SILA_DATE_MIN_YEAR. */
gboolean  sila_period_previous          (const SilaPeriod  *period,
                                         SilaPeriod        *previous,
                                         GError           **error);
/* The period after @period: the one holding the day after it ends, or a
 * range as long starting that day. FALSE (OUT_OF_RANGE) past the Hijri
 * table or SILA_DATE_MAX_YEAR. */
gboolean  sila_period_next              (const SilaPeriod  *period,
                                         SilaPeriod        *next,
                                         GError           **error);

guint     sila_period_get_n_days        (const SilaPeriod  *period);
gboolean  sila_period_contains          (const SilaPeriod  *period,
                                         const GDate       *date);

/* A title for reports, in the UI language (or @language):
 *   month        "مارس ٢٠٢٦ م"           "March 2026"
 *   Hijri month  "رمضان ١٤٤٧ هـ"          "Ramadan 1447 AH"
 *   quarter      "الربع الأول ٢٠٢٦ م"     "Q1 2026"
 *   year         "٢٠٢٦ م" / "١٤٤٧ هـ"     "2026" / "1447 AH"
 *   range        "١٥ يناير ٢٠٢٦ م – ١٤ فبراير ٢٠٢٦ م"
 *                "15 January 2026 – 14 February 2026" */
char     *sila_period_to_label          (const SilaPeriod  *period);
char     *sila_period_to_label_for      (const SilaPeriod  *period,
                                         SilaLanguage       language);

G_END_DECLS
