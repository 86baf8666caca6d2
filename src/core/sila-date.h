/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Dates as people type and read them, in either calendar.
 *
 * A date is always held as a GDate (Gregorian); the calendar only says how
 * it is typed and shown. Hijri dates use the official Umm al-Qura calendar
 * (sila-hijri.h), so they exist from 1343 to 1500 AH (1924–2077).
 *
 * Typed forms, with ASCII, Arabic-Indic (٠-٩) or Eastern (۰-۹) digits and
 * any of the separators - / . ؍ (spaces around them are allowed):
 *   YYYY-MM-DD   YYYY/MM/DD   DD/MM/YYYY   DD-MM-YYYY
 * Day and month take one or two digits, the year four; the day comes first
 * whenever the year is last (the Saudi order). An optional calendar mark
 * may follow: هـ / ه / AH for Hijri, م / AD / CE for Gregorian; a mark
 * overrides the calendar the caller expected. Invisible direction marks
 * pasted along with a date are ignored.
 *
 * In files, dates are written YYYY-MM-DD (sila_date_format_numeric()). */
#pragma once

#include <glib.h>

#include "sila-i18n.h"

G_BEGIN_DECLS

typedef enum {
  SILA_CALENDAR_GREGORIAN,
  SILA_CALENDAR_HIJRI,
} SilaCalendar;

/* Gregorian years accepted from users and files. */
#define SILA_DATE_MIN_YEAR 1900
#define SILA_DATE_MAX_YEAR 2100

/* Codes "gregorian" and "hijri", for settings and files. */
const char *sila_calendar_to_code        (SilaCalendar   calendar);
gboolean    sila_calendar_from_code      (const char    *code,
                                          SilaCalendar  *calendar);

/* Parses a date typed in @calendar (or in the calendar its mark names).
 * Errors (SILA_VALIDATION_ERROR, in the UI language): REQUIRED when empty;
 * INVALID for a form that is not a date or a day that does not exist
 * ("February 2023 has only 28 days."); OUT_OF_RANGE for a year outside
 * SILA_DATE_MIN_YEAR…MAX_YEAR or the Hijri table. */
gboolean    sila_date_parse              (const char    *text,
                                          SilaCalendar   calendar,
                                          GDate         *date,
                                          GError       **error);
/* Like sila_date_parse(), for files whose calendar is unknown: a mark
 * decides, else a year from 1300 to 1599 is Hijri and any other Gregorian.
 * @calendar (may be NULL) receives the calendar used. */
gboolean    sila_date_parse_guess        (const char    *text,
                                          GDate         *date,
                                          SilaCalendar  *calendar,
                                          GError       **error);

/* Refuses a date after today (sila_clock_today()) with an OUT_OF_RANGE
 * error: "The date cannot be in the future." */
gboolean    sila_date_check_not_future   (const GDate   *date,
                                          GError       **error);
/* A birth date: parsed, not in the future and at most 130 years ago. */
gboolean    sila_date_parse_birth        (const char    *text,
                                          SilaCalendar   calendar,
                                          GDate         *date,
                                          GError       **error);

/* The date for reading, in the UI language (or @language):
 *   Arabic  Hijri "١٥ رمضان ١٤٤٥ هـ"   Gregorian "٢٥ مارس ٢٠٢٤ م"
 *   English Hijri "15 Ramadan 1445 AH"  Gregorian "25 March 2024"
 * A Hijri date outside the table is shown in Gregorian instead. */
char       *sila_date_format             (const GDate   *date,
                                          SilaCalendar   calendar);
char       *sila_date_format_for         (const GDate   *date,
                                          SilaCalendar   calendar,
                                          SilaLanguage   language);
/* YYYY-MM-DD with ASCII digits, in the calendar asked for: "2024-03-11" or
 * "1445-09-01". NULL for a Hijri date outside the table. */
char       *sila_date_format_numeric     (const GDate   *date,
                                          SilaCalendar   calendar);

/* Month names (1–12, else NULL): Gregorian Arabic as written in Saudi
 * Arabia ("مارس"), Hijri as in sila_hijri_month_name(). Static strings. */
const char *sila_date_month_name         (guint          month,
                                          SilaCalendar   calendar,
                                          SilaLanguage   language);

G_END_DECLS
