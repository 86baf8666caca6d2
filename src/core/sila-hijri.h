/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Hijri dates in the official Umm al-Qura calendar of Saudi Arabia.
 *
 * Conversions use the official month-start table (sila-ummalqura-table.c),
 * not ICU, whose islamic-umalqura calendar is a day off on many dates before
 * 1420 AH and after 1450 AH. The table covers 1 Muharram 1343 AH
 * (1924-08-01) to 29 Dhu al-Hijjah 1500 AH (2077-11-16); dates outside it
 * are refused with a SILA_VALIDATION_ERROR_OUT_OF_RANGE error.
 *
 * A month has 29 or 30 days, except eight months of the early printed
 * calendar (1343–1364 AH) that have 28 or 31: the table keeps them as
 * published, and sila_hijri_month_length() says so. */
#pragma once

#include <glib.h>

#include "sila-i18n.h"

G_BEGIN_DECLS

#define SILA_HIJRI_MIN_YEAR 1343
#define SILA_HIJRI_MAX_YEAR 1500

typedef struct {
  guint year;   /* 1343 … 1500 */
  guint month;  /* 1 (Muharram) … 12 (Dhu al-Hijjah) */
  guint day;    /* 1 … sila_hijri_month_length (year, month) */
} SilaHijriDate;

/* Days in a Hijri month (29 or 30, see above); 0 when the month is outside
 * the table or month is not 1–12. */
guint        sila_hijri_month_length     (guint                year,
                                          guint                month);
/* Days in a Hijri year: mostly 354 or 355, a few official years 353 or
 * 356; 0 outside the table. */
guint        sila_hijri_year_length      (guint                year);

/* TRUE when the date exists in the table: no error, for quick checks. */
gboolean     sila_hijri_is_valid         (guint                year,
                                          guint                month,
                                          guint                day);
/* Like sila_hijri_is_valid() but says why not, in the UI language, for a
 * message beside the field: out of range (OUT_OF_RANGE), or a month or day
 * that does not exist, e.g. "Safar 1447 has only 29 days." (INVALID). */
gboolean     sila_hijri_check            (guint                year,
                                          guint                month,
                                          guint                day,
                                          GError             **error);

/* Hijri → Gregorian. Fails with the errors of sila_hijri_check(). */
gboolean     sila_hijri_to_gregorian     (const SilaHijriDate *hijri,
                                          GDate               *date,
                                          GError             **error);
/* Gregorian → Hijri. Fails (OUT_OF_RANGE) outside 1924-08-01 … 2077-11-16. */
gboolean     sila_hijri_from_gregorian   (const GDate         *date,
                                          SilaHijriDate       *hijri,
                                          GError             **error);

/* The first day of a Hijri month as a Gregorian date; FALSE outside. */
gboolean     sila_hijri_month_start      (guint                year,
                                          guint                month,
                                          GDate               *date);
/* The first and last Gregorian days the table covers. */
void         sila_hijri_get_range        (GDate               *first,
                                          GDate               *last);
gboolean     sila_hijri_in_range         (const GDate         *date);

/* Month names (month 1–12, else NULL), in the given language: Arabic
 * "رمضان", English "Ramadan". Static strings. */
const char  *sila_hijri_month_name       (guint                month,
                                          SilaLanguage         language);

G_END_DECLS
