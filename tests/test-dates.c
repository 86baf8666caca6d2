/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Dates as typed and shown, in both calendars, and report periods. */
#include "sila-config.h"

#include <glib/gi18n-lib.h>

#include "sila-clock.h"
#include "sila-date.h"
#include "sila-i18n.h"
#include "sila-period.h"
#include "sila-validation.h"

static void
assert_ymd (const GDate *date,
            guint        year,
            guint        month,
            guint        day)
{
  g_assert_true (g_date_valid (date));
  g_assert_cmpuint (g_date_get_year (date), ==, year);
  g_assert_cmpuint (g_date_get_month (date), ==, month);
  g_assert_cmpuint (g_date_get_day (date), ==, day);
}

static void
fix_today (guint year,
           guint month,
           guint day)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  /* Noon local time: the same day whatever the machine's zone. */
  g_autoptr(GDateTime) noon = g_date_time_new (tz, year, month, day, 12, 0, 0);

  sila_clock_set_fixed (noon);
}

static void
test_parse_gregorian (void)
{
  static const char *const forms[] = {
    "2024-03-25", "2024/03/25", "25/03/2024", "25-03-2024", "25/3/2024", "2024-3-25",
    "٢٠٢٤-٠٣-٢٥", "٢٥/٠٣/٢٠٢٤", "۲۵/۰۳/۲۰۲۴", " 25 / 03 / 2024 ", "25.03.2024",
    "\u200F25/03/2024\u200F", "25/03/2024 م", "2024-03-25 AD", "25؍03؍2024",
  };

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_autoptr(GError) error = NULL;
      GDate date;

      if (!sila_date_parse (forms[i], SILA_CALENDAR_GREGORIAN, &date, &error))
        g_error ("“%s”: %s", forms[i], error->message);
      assert_ymd (&date, 2024, 3, 25);
    }
}

static void
test_parse_hijri (void)
{
  static const char *const forms[] = {
    "1445-09-01", "1445/09/01", "01/09/1445", "1/9/1445", "١/٩/١٤٤٥", "١٤٤٥-٠٩-٠١",
    "01/09/1445 هـ", "01/09/1445هـ", "1445-09-01 AH", "01/09/1445 ه",
  };

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_autoptr(GError) error = NULL;
      GDate date;

      if (!sila_date_parse (forms[i], SILA_CALENDAR_HIJRI, &date, &error))
        g_error ("“%s”: %s", forms[i], error->message);
      assert_ymd (&date, 2024, 3, 11);
    }

  /* The mark wins over the field's calendar. */
  {
    GDate date;

    g_assert_true (sila_date_parse ("01/09/1445 هـ", SILA_CALENDAR_GREGORIAN, &date, NULL));
    assert_ymd (&date, 2024, 3, 11);
    g_assert_true (sila_date_parse ("11/03/2024 م", SILA_CALENDAR_HIJRI, &date, NULL));
    assert_ymd (&date, 2024, 3, 11);
  }
}

static void
test_parse_errors (void)
{
  static const struct {
    const char   *text;
    SilaCalendar  calendar;
    int           code;
    const char   *message;
  } bad[] = {
    { "", SILA_CALENDAR_GREGORIAN, SILA_VALIDATION_ERROR_REQUIRED, "Enter a date." },
    { " \u200F ", SILA_CALENDAR_GREGORIAN, SILA_VALIDATION_ERROR_REQUIRED, "Enter a date." },
    { "30/02/2024", SILA_CALENDAR_GREGORIAN, SILA_VALIDATION_ERROR_INVALID,
      "February 2024 has only 29 days." },
    { "2023-02-29", SILA_CALENDAR_GREGORIAN, SILA_VALIDATION_ERROR_INVALID,
      "February 2023 has only 28 days." },
    { "31/04/2024", SILA_CALENDAR_GREGORIAN, SILA_VALIDATION_ERROR_INVALID,
      "April 2024 has only 30 days." },
    { "00/01/2024", SILA_CALENDAR_GREGORIAN, SILA_VALIDATION_ERROR_INVALID,
      "The day of the month cannot be zero." },
    { "2024-13-01", SILA_CALENDAR_GREGORIAN, SILA_VALIDATION_ERROR_INVALID,
      "There is no month 13: months are numbered from 1 to 12." },
    { "1850-01-01", SILA_CALENDAR_GREGORIAN, SILA_VALIDATION_ERROR_OUT_OF_RANGE,
      "Enter a year from 1900 to 2100." },
    { "30/02/1447", SILA_CALENDAR_HIJRI, SILA_VALIDATION_ERROR_INVALID,
      "Safar 1447 has only 29 days." },
    { "01/01/1342", SILA_CALENDAR_HIJRI, SILA_VALIDATION_ERROR_OUT_OF_RANGE,
      "Enter a Hijri year from 1343 to 1500." },
    { "2024-03", SILA_CALENDAR_GREGORIAN, SILA_VALIDATION_ERROR_INVALID,
      "Enter the date as day/month/year, for example 25/03/2024." },
    { "25/03/24", SILA_CALENDAR_GREGORIAN, SILA_VALIDATION_ERROR_INVALID,
      "Enter the date as day/month/year, for example 25/03/2024." },
    { "25/03-2024", SILA_CALENDAR_GREGORIAN, SILA_VALIDATION_ERROR_INVALID,
      "Enter the date as day/month/year, for example 25/03/2024." },
    { "2024/03/25/1", SILA_CALENDAR_GREGORIAN, SILA_VALIDATION_ERROR_INVALID,
      "Enter the date as day/month/year, for example 25/03/2024." },
    { "March 25, 2024", SILA_CALENDAR_GREGORIAN, SILA_VALIDATION_ERROR_INVALID,
      "Enter the date as day/month/year, for example 25/03/2024." },
    { "tomorrow", SILA_CALENDAR_HIJRI, SILA_VALIDATION_ERROR_INVALID,
      "Enter the Hijri date as day/month/year, for example 15/09/1445." },
    { "123/03/2024", SILA_CALENDAR_GREGORIAN, SILA_VALIDATION_ERROR_INVALID,
      "Enter the date as day/month/year, for example 25/03/2024." },
    { "\xfe\xff", SILA_CALENDAR_GREGORIAN, SILA_VALIDATION_ERROR_INVALID, NULL },
  };

  sila_i18n_init (SILA_LANGUAGE_ENGLISH);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      GDate date;

      if (sila_date_parse (bad[i].text, bad[i].calendar, &date, &error))
        g_error ("“%s” was accepted", bad[i].text);
      g_assert_error (error, SILA_VALIDATION_ERROR, bad[i].code);
      if (bad[i].message != NULL)
        g_assert_cmpstr (error->message, ==, bad[i].message);
      g_assert_false (g_date_valid (&date));
    }

  /* The same refusal in Arabic names the Arabic month. */
  {
    g_autoptr(GError) error = NULL;
    GDate date;

    sila_i18n_init (SILA_LANGUAGE_ARABIC);
    g_assert_false (sila_date_parse ("30/02/2024", SILA_CALENDAR_GREGORIAN, &date, &error));
    g_assert_cmpstr (error->message, ==, "شهر فبراير 2024 فيه 29 يومًا فقط.");
    g_clear_error (&error);
    g_assert_false (sila_date_parse ("30/02/1447", SILA_CALENDAR_HIJRI, &date, &error));
    g_assert_cmpstr (error->message, ==, "شهر صفر 1447 فيه 29 يومًا فقط.");
    sila_i18n_init (SILA_LANGUAGE_ENGLISH);
  }
}

static void
test_parse_guess (void)
{
  GDate date;
  SilaCalendar calendar = SILA_CALENDAR_GREGORIAN;

  g_assert_true (sila_date_parse_guess ("1445-09-01", &date, &calendar, NULL));
  g_assert_cmpint (calendar, ==, SILA_CALENDAR_HIJRI);
  assert_ymd (&date, 2024, 3, 11);

  g_assert_true (sila_date_parse_guess ("11/03/2024", &date, &calendar, NULL));
  g_assert_cmpint (calendar, ==, SILA_CALENDAR_GREGORIAN);
  assert_ymd (&date, 2024, 3, 11);

  /* 1400 is a Hijri year (a Gregorian one would be refused anyway). */
  g_assert_true (sila_date_parse_guess ("١٤٠٠/٠١/٠١", &date, &calendar, NULL));
  g_assert_cmpint (calendar, ==, SILA_CALENDAR_HIJRI);
  assert_ymd (&date, 1979, 11, 20);

  /* A mark decides even against the number. */
  g_assert_false (sila_date_parse_guess ("01/01/1400 م", &date, &calendar, NULL));
  g_assert_cmpint (calendar, ==, SILA_CALENDAR_GREGORIAN);
  g_assert_true (sila_date_parse_guess ("2024-03-11", &date, NULL, NULL));
}

static void
test_not_future (void)
{
  g_autoptr(GError) error = NULL;
  GDate date;

  sila_i18n_init (SILA_LANGUAGE_ENGLISH);
  fix_today (2026, 1, 31);

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 31, 1, 2026);
  g_assert_true (sila_date_check_not_future (&date, &error));
  g_assert_no_error (error);
  g_date_add_days (&date, 1);
  g_assert_false (sila_date_check_not_future (&date, &error));
  g_assert_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_OUT_OF_RANGE);
  g_assert_cmpstr (error->message, ==, "The date cannot be in the future.");
  g_clear_error (&error);

  /* Birth dates: today yes, tomorrow no, 130 years back at most. */
  g_assert_true (sila_date_parse_birth ("31/01/2026", SILA_CALENDAR_GREGORIAN, &date, &error));
  g_assert_true (sila_date_parse_birth ("1447-08-12", SILA_CALENDAR_HIJRI, &date, &error));
  assert_ymd (&date, 2026, 1, 31);
  g_assert_false (sila_date_parse_birth ("01/02/2026", SILA_CALENDAR_GREGORIAN, &date, &error));
  g_assert_cmpstr (error->message, ==, "A birth date cannot be in the future.");
  g_assert_false (g_date_valid (&date));
  g_clear_error (&error);
  g_assert_false (sila_date_parse_birth ("1447-08-13", SILA_CALENDAR_HIJRI, &date, &error));
  g_assert_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);
  g_assert_true (sila_date_parse_birth ("31/01/1896", SILA_CALENDAR_GREGORIAN, &date, &error) ==
                 FALSE);
  g_assert_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);
  g_assert_true (sila_date_parse_birth ("01/01/1343 هـ", SILA_CALENDAR_HIJRI, &date, &error));
  g_assert_no_error (error);

  sila_clock_set_fixed (NULL);
}

static void
test_format (void)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 25, 3, 2024);   /* 15 Ramadan 1445 */

  {
    g_autofree char *ar_h = sila_date_format_for (&date, SILA_CALENDAR_HIJRI, SILA_LANGUAGE_ARABIC);
    g_autofree char *ar_g = sila_date_format_for (&date, SILA_CALENDAR_GREGORIAN,
                                                  SILA_LANGUAGE_ARABIC);
    g_autofree char *en_h = sila_date_format_for (&date, SILA_CALENDAR_HIJRI,
                                                  SILA_LANGUAGE_ENGLISH);
    g_autofree char *en_g = sila_date_format_for (&date, SILA_CALENDAR_GREGORIAN,
                                                  SILA_LANGUAGE_ENGLISH);
    g_autofree char *iso = sila_date_format_numeric (&date, SILA_CALENDAR_GREGORIAN);
    g_autofree char *hiso = sila_date_format_numeric (&date, SILA_CALENDAR_HIJRI);

    g_assert_cmpstr (ar_h, ==, "١٥ رمضان ١٤٤٥ هـ");
    g_assert_cmpstr (ar_g, ==, "٢٥ مارس ٢٠٢٤ م");
    g_assert_cmpstr (en_h, ==, "15 Ramadan 1445 AH");
    g_assert_cmpstr (en_g, ==, "25 March 2024");
    g_assert_cmpstr (iso, ==, "2024-03-25");
    g_assert_cmpstr (hiso, ==, "1445-09-15");
  }

  /* The UI language decides for sila_date_format(). */
  {
    g_autofree char *ar = NULL;
    g_autofree char *en = NULL;

    sila_i18n_init (SILA_LANGUAGE_ARABIC);
    ar = sila_date_format (&date, SILA_CALENDAR_GREGORIAN);
    sila_i18n_init (SILA_LANGUAGE_ENGLISH);
    en = sila_date_format (&date, SILA_CALENDAR_GREGORIAN);
    g_assert_cmpstr (ar, ==, "٢٥ مارس ٢٠٢٤ م");
    g_assert_cmpstr (en, ==, "25 March 2024");
  }

  /* Outside the Umm al-Qura table: shown in Gregorian, no numeric Hijri. */
  {
    g_autofree char *shown = NULL;

    g_date_set_dmy (&date, 1, 1, 1900);
    shown = sila_date_format_for (&date, SILA_CALENDAR_HIJRI, SILA_LANGUAGE_ENGLISH);
    g_assert_cmpstr (shown, ==, "1 January 1900");
    g_assert_null (sila_date_format_numeric (&date, SILA_CALENDAR_HIJRI));
  }

  /* What is written in files reads back to the same day in both calendars. */
  for (g_date_set_dmy (&date, 1, 1, 2020); g_date_get_year (&date) < 2027;
       g_date_add_days (&date, 13))
    {
      g_autofree char *g = sila_date_format_numeric (&date, SILA_CALENDAR_GREGORIAN);
      g_autofree char *h = sila_date_format_numeric (&date, SILA_CALENDAR_HIJRI);
      GDate back;

      g_assert_true (sila_date_parse (g, SILA_CALENDAR_GREGORIAN, &back, NULL));
      g_assert_cmpint (g_date_compare (&back, &date), ==, 0);
      g_assert_true (sila_date_parse (h, SILA_CALENDAR_HIJRI, &back, NULL));
      g_assert_cmpint (g_date_compare (&back, &date), ==, 0);
    }

  g_assert_cmpstr (sila_date_month_name (2, SILA_CALENDAR_GREGORIAN, SILA_LANGUAGE_ARABIC), ==,
                   "فبراير");
  g_assert_cmpstr (sila_date_month_name (9, SILA_CALENDAR_HIJRI, SILA_LANGUAGE_ENGLISH), ==,
                   "Ramadan");
  g_assert_null (sila_date_month_name (0, SILA_CALENDAR_GREGORIAN, SILA_LANGUAGE_ARABIC));
}

static void
test_calendar_codes (void)
{
  SilaCalendar c;

  g_assert_cmpstr (sila_calendar_to_code (SILA_CALENDAR_HIJRI), ==, "hijri");
  g_assert_cmpstr (sila_calendar_to_code (SILA_CALENDAR_GREGORIAN), ==, "gregorian");
  g_assert_true (sila_calendar_from_code ("Hijri", &c));
  g_assert_cmpint (c, ==, SILA_CALENDAR_HIJRI);
  g_assert_true (sila_calendar_from_code ("gregorian", &c));
  g_assert_cmpint (c, ==, SILA_CALENDAR_GREGORIAN);
  g_assert_false (sila_calendar_from_code ("julian", &c));
  g_assert_false (sila_calendar_from_code (NULL, &c));
}

static void
assert_period (const char     *text,
               SilaPeriodKind  kind,
               const char     *start,
               const char     *end,
               const char     *code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *s = NULL;
  g_autofree char *e = NULL;
  g_autofree char *c = NULL;
  SilaPeriod period;

  if (!sila_period_parse (text, &period, &error))
    g_error ("“%s”: %s", text, error->message);
  g_assert_cmpint (period.kind, ==, kind);
  s = sila_date_to_iso (&period.start);
  e = sila_date_to_iso (&period.end);
  c = sila_period_to_code (&period);
  g_assert_cmpstr (s, ==, start);
  g_assert_cmpstr (e, ==, end);
  g_assert_cmpstr (c, ==, code);
  g_assert_cmpuint (sila_period_get_n_days (&period), ==,
                    g_date_days_between (&period.start, &period.end) + 1);
}

static void
test_period_parse (void)
{
  assert_period ("2026-03", SILA_PERIOD_MONTH, "2026-03-01", "2026-03-31", "2026-03");
  assert_period ("2024-02", SILA_PERIOD_MONTH, "2024-02-01", "2024-02-29", "2024-02");
  assert_period ("2023-2", SILA_PERIOD_MONTH, "2023-02-01", "2023-02-28", "2023-02");
  assert_period ("٢٠٢٦/٠٤", SILA_PERIOD_MONTH, "2026-04-01", "2026-04-30", "2026-04");
  assert_period ("1447-09", SILA_PERIOD_HIJRI_MONTH, "2026-02-18", "2026-03-19", "1447-09");
  assert_period ("1447-02", SILA_PERIOD_HIJRI_MONTH, "2025-07-26", "2025-08-23", "1447-02");
  assert_period ("2026-Q1", SILA_PERIOD_QUARTER, "2026-01-01", "2026-03-31", "2026-Q1");
  assert_period ("2024q1", SILA_PERIOD_QUARTER, "2024-01-01", "2024-03-31", "2024-Q1");
  assert_period ("Q4 2025", SILA_PERIOD_QUARTER, "2025-10-01", "2025-12-31", "2025-Q4");
  assert_period ("2026", SILA_PERIOD_YEAR, "2026-01-01", "2026-12-31", "2026");
  assert_period ("1446", SILA_PERIOD_HIJRI_YEAR, "2024-07-07", "2025-06-25", "1446");
  assert_period ("2026-01-15..2026-02-14", SILA_PERIOD_RANGE, "2026-01-15", "2026-02-14",
                 "2026-01-15..2026-02-14");
  assert_period ("15/01/2026 .. 14/02/2026", SILA_PERIOD_RANGE, "2026-01-15", "2026-02-14",
                 "2026-01-15..2026-02-14");
  assert_period ("1445-09-01..1445-09-30", SILA_PERIOD_RANGE, "2024-03-11", "2024-04-09",
                 "2024-03-11..2024-04-09");
  assert_period ("2026-03-05..2026-03-05", SILA_PERIOD_RANGE, "2026-03-05", "2026-03-05",
                 "2026-03-05..2026-03-05");

  {
    static const struct {
      const char *text;
      int         code;
    } bad[] = {
      { "", SILA_VALIDATION_ERROR_REQUIRED },
      { "2026-13", SILA_VALIDATION_ERROR_INVALID },
      { "2026-Q5", SILA_VALIDATION_ERROR_INVALID },
      { "1342-01", SILA_VALIDATION_ERROR_OUT_OF_RANGE },
      { "1501", SILA_VALIDATION_ERROR_OUT_OF_RANGE },
      { "1850", SILA_VALIDATION_ERROR_OUT_OF_RANGE },
      { "March 2026", SILA_VALIDATION_ERROR_INVALID },
      { "2026-03-01", SILA_VALIDATION_ERROR_INVALID },
      { "2026-02-14..2026-01-15", SILA_VALIDATION_ERROR_INVALID },
      { "2026-02-30..2026-03-15", SILA_VALIDATION_ERROR_INVALID },
      { "2026-01-01..", SILA_VALIDATION_ERROR_REQUIRED },
    };

    sila_i18n_init (SILA_LANGUAGE_ENGLISH);
    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autoptr(GError) error = NULL;
        SilaPeriod period;

        if (sila_period_parse (bad[i].text, &period, &error))
          g_error ("“%s” was accepted", bad[i].text);
        g_assert_error (error, SILA_VALIDATION_ERROR, bad[i].code);
      }
  }
}

static void
assert_previous (const char *text,
                 const char *expected_code)
{
  SilaPeriod period, previous;
  g_autofree char *code = NULL;

  g_assert_true (sila_period_parse (text, &period, NULL));
  g_assert_true (sila_period_previous (&period, &previous, NULL));
  g_assert_cmpint (previous.kind, ==, period.kind);
  code = sila_period_to_code (&previous);
  g_assert_cmpstr (code, ==, expected_code);

  /* It ends the day before this one starts. */
  g_date_add_days (&previous.end, 1);
  g_assert_cmpint (g_date_compare (&previous.end, &period.start), ==, 0);
}

static void
test_period_next (void)
{
  static const char *pairs[][2] = {
    { "2026-02", "2026-03" }, { "2025-12", "2026-01" }, { "2025-Q4", "2026-Q1" },
    { "2025", "2026" }, { "1446-12", "1447-01" }, { "1447-02", "1447-03" },
    { "2025-12-15..2026-01-14", "2026-01-15..2026-02-14" },
    { "2024-02-29..2024-02-29", "2024-03-01..2024-03-01" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      SilaPeriod period, next, back;
      g_autofree char *code = NULL;
      g_autofree char *back_code = NULL;

      g_assert_true (sila_period_parse (pairs[i][0], &period, NULL));
      g_assert_true (sila_period_next (&period, &next, NULL));
      code = sila_period_to_code (&next);
      g_assert_cmpstr (code, ==, pairs[i][1]);
      /* The period before the next one is the one we started from. */
      g_assert_true (sila_period_previous (&next, &back, NULL));
      back_code = sila_period_to_code (&back);
      g_assert_cmpstr (back_code, ==, pairs[i][0]);
    }

  /* Nothing after the end of the Hijri table. */
  {
    g_autoptr(GError) error = NULL;
    SilaPeriod period, next;

    g_assert_true (sila_period_init_hijri_month (&period, 1500, 12, NULL));
    g_assert_false (sila_period_next (&period, &next, &error));
    g_assert_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_OUT_OF_RANGE);
  }
}

static void
test_period_previous (void)
{
  assert_previous ("2026-03", "2026-02");
  assert_previous ("2024-03", "2024-02");           /* into a leap February */
  assert_previous ("2026-01", "2025-12");           /* across a year */
  assert_previous ("2026-Q1", "2025-Q4");
  assert_previous ("2026-Q3", "2026-Q2");
  assert_previous ("2026", "2025");
  assert_previous ("1447-01", "1446-12");           /* across a Hijri year */
  assert_previous ("1447-03", "1447-02");           /* a 29-day Safar before a 30-day month */
  assert_previous ("1447", "1446");
  assert_previous ("2026-01-15..2026-02-14", "2025-12-15..2026-01-14");  /* 31 days */
  assert_previous ("2024-03-01..2024-03-01", "2024-02-29..2024-02-29");  /* leap day */
  assert_previous ("2024-03-01..2024-03-31", "2024-01-30..2024-02-29");

  {
    SilaPeriod period, previous;

    g_assert_true (sila_period_parse ("1447-03", &period, NULL));
    g_assert_true (sila_period_previous (&period, &previous, NULL));
    g_assert_cmpuint (sila_period_get_n_days (&previous), ==, 29);
    g_assert_cmpuint (sila_period_get_n_days (&period), ==, 30);
  }

  /* Nothing before the start of the Hijri table or of accepted years. */
  {
    g_autoptr(GError) error = NULL;
    SilaPeriod period, previous;

    g_assert_true (sila_period_init_hijri_month (&period, 1343, 1, NULL));
    g_assert_false (sila_period_previous (&period, &previous, &error));
    g_assert_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_OUT_OF_RANGE);
    g_clear_error (&error);

    g_assert_true (sila_period_init_year (&period, 1900, NULL));
    g_assert_false (sila_period_previous (&period, &previous, &error));
    g_assert_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_OUT_OF_RANGE);
  }
}

static void
test_period_contains (void)
{
  SilaPeriod period;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 29, 2, 2024);
  g_assert_true (sila_period_init_containing (&period, SILA_PERIOD_MONTH, &date, NULL));
  g_assert_true (sila_period_contains (&period, &date));
  g_assert_cmpuint (sila_period_get_n_days (&period), ==, 29);

  g_assert_true (sila_period_init_containing (&period, SILA_PERIOD_QUARTER, &date, NULL));
  g_assert_cmpuint (sila_period_get_n_days (&period), ==, 91);
  g_assert_true (sila_period_init_containing (&period, SILA_PERIOD_YEAR, &date, NULL));
  g_assert_cmpuint (sila_period_get_n_days (&period), ==, 366);

  g_date_set_dmy (&date, 11, 3, 2024);  /* 1 Ramadan 1445 */
  g_assert_true (sila_period_init_containing (&period, SILA_PERIOD_HIJRI_MONTH, &date, NULL));
  g_assert_cmpint (g_date_compare (&period.start, &date), ==, 0);
  g_assert_cmpuint (sila_period_get_n_days (&period), ==, 30);
  g_date_subtract_days (&date, 1);
  g_assert_false (sila_period_contains (&period, &date));

  g_assert_true (sila_period_init_containing (&period, SILA_PERIOD_RANGE, &date, NULL));
  g_assert_cmpuint (sila_period_get_n_days (&period), ==, 1);

  g_date_set_dmy (&date, 1, 1, 1920);
  g_assert_false (sila_period_init_containing (&period, SILA_PERIOD_HIJRI_MONTH, &date, NULL));
}

static void
test_period_labels (void)
{
  static const struct {
    const char *text;
    const char *ar;
    const char *en;
  } cases[] = {
    { "2026-03", "مارس ٢٠٢٦ م", "March 2026" },
    { "1447-09", "رمضان ١٤٤٧ هـ", "Ramadan 1447 AH" },
    { "2026-Q1", "الربع الأول ٢٠٢٦ م", "Q1 2026" },
    { "2026-Q4", "الربع الرابع ٢٠٢٦ م", "Q4 2026" },
    { "2026", "٢٠٢٦ م", "2026" },
    { "1447", "١٤٤٧ هـ", "1447 AH" },
    { "2026-01-15..2026-02-14", "١٥ يناير ٢٠٢٦ م – ١٤ فبراير ٢٠٢٦ م",
      "15 January 2026 – 14 February 2026" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      SilaPeriod period;
      g_autofree char *ar = NULL;
      g_autofree char *en = NULL;
      g_autofree char *ui = NULL;

      g_assert_true (sila_period_parse (cases[i].text, &period, NULL));
      ar = sila_period_to_label_for (&period, SILA_LANGUAGE_ARABIC);
      en = sila_period_to_label_for (&period, SILA_LANGUAGE_ENGLISH);
      g_assert_cmpstr (ar, ==, cases[i].ar);
      g_assert_cmpstr (en, ==, cases[i].en);

      sila_i18n_init (SILA_LANGUAGE_ARABIC);
      ui = sila_period_to_label (&period);
      g_assert_cmpstr (ui, ==, cases[i].ar);
      sila_i18n_init (SILA_LANGUAGE_ENGLISH);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  /* GLib decides once, at the first translated string, whether to
   * translate at all: start in Arabic (see test-validators.c). */
  sila_i18n_init (SILA_LANGUAGE_ARABIC);
  (void)g_dgettext (GETTEXT_PACKAGE, "");

  g_test_add_func ("/sila/core/date/parse-gregorian", test_parse_gregorian);
  g_test_add_func ("/sila/core/date/parse-hijri", test_parse_hijri);
  g_test_add_func ("/sila/core/date/parse-errors", test_parse_errors);
  g_test_add_func ("/sila/core/date/parse-guess", test_parse_guess);
  g_test_add_func ("/sila/core/date/not-future", test_not_future);
  g_test_add_func ("/sila/core/date/format", test_format);
  g_test_add_func ("/sila/core/date/calendar-codes", test_calendar_codes);
  g_test_add_func ("/sila/core/period/parse", test_period_parse);
  g_test_add_func ("/sila/core/period/previous", test_period_previous);
  g_test_add_func ("/sila/core/period/next", test_period_next);
  g_test_add_func ("/sila/core/period/contains", test_period_contains);
  g_test_add_func ("/sila/core/period/labels", test_period_labels);

  return g_test_run ();
}
