/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Hijri dates: the official Umm al-Qura table, fixed points, every day of
 * the range, and a cross-check against ICU where ICU is known to be right. */
#include "sila-config.h"

#include <glib/gi18n-lib.h>

#include <unicode/ucal.h>
#include <unicode/ustring.h>

#include "sila-hijri.h"
#include "sila-i18n.h"
#include "sila-validation.h"

static void
assert_gdate (const GDate *date,
              guint        year,
              guint        month,
              guint        day)
{
  g_assert_true (g_date_valid (date));
  g_assert_cmpuint (g_date_get_year (date), ==, year);
  g_assert_cmpuint (g_date_get_month (date), ==, month);
  g_assert_cmpuint (g_date_get_day (date), ==, day);
}

/* Dates announced by the Saudi authorities and printed on every calendar. */
static const struct {
  guint hy, hm, hd;
  guint gy, gm, gd;
} fixed_points[] = {
  { 1343, 1, 1, 1924, 8, 1 },     /* the first day of the table */
  { 1445, 9, 1, 2024, 3, 11 },    /* 1 Ramadan 1445 */
  { 1446, 1, 1, 2024, 7, 7 },     /* 1 Muharram 1446 */
  { 1444, 10, 1, 2023, 4, 21 },   /* 1 Shawwal 1444 (Eid al-Fitr) */
  { 1445, 12, 10, 2024, 6, 16 },  /* Eid al-Adha 1445 */
  { 1420, 1, 1, 1999, 4, 17 },
  { 1400, 1, 1, 1979, 11, 20 },   /* the Grand Mosque seizure, 1 Muharram 1400 */
  { 1447, 9, 1, 2026, 2, 18 },    /* 1 Ramadan 1447 */
  { 1500, 12, 30, 2077, 11, 16 }, /* the last day of the table */
};

static void
test_fixed_points (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (fixed_points); i++)
    {
      g_autoptr(GError) error = NULL;
      SilaHijriDate h = { fixed_points[i].hy, fixed_points[i].hm, fixed_points[i].hd };
      SilaHijriDate back = { 0 };
      GDate date;

      g_assert_true (sila_hijri_to_gregorian (&h, &date, &error));
      g_assert_no_error (error);
      assert_gdate (&date, fixed_points[i].gy, fixed_points[i].gm, fixed_points[i].gd);

      g_assert_true (sila_hijri_from_gregorian (&date, &back, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (back.year, ==, h.year);
      g_assert_cmpuint (back.month, ==, h.month);
      g_assert_cmpuint (back.day, ==, h.day);
    }
}

static void
test_range (void)
{
  g_autoptr(GError) error = NULL;
  GDate first, last, before, after;
  SilaHijriDate h;
  SilaHijriDate too_late = { 1501, 1, 1 };
  SilaHijriDate too_early = { 1342, 12, 29 };

  sila_hijri_get_range (&first, &last);
  assert_gdate (&first, 1924, 8, 1);
  assert_gdate (&last, 2077, 11, 16);
  g_assert_true (sila_hijri_in_range (&first));
  g_assert_true (sila_hijri_in_range (&last));

  before = first;
  g_date_subtract_days (&before, 1);
  after = last;
  g_date_add_days (&after, 1);
  g_assert_false (sila_hijri_in_range (&before));
  g_assert_false (sila_hijri_in_range (&after));

  g_assert_false (sila_hijri_from_gregorian (&before, &h, &error));
  g_assert_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_OUT_OF_RANGE);
  g_assert_nonnull (strstr (error->message, "1924-08-01"));
  g_assert_nonnull (strstr (error->message, "2077-11-16"));
  g_clear_error (&error);

  g_assert_false (sila_hijri_from_gregorian (&after, &h, &error));
  g_assert_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);

  g_assert_false (sila_hijri_to_gregorian (&too_late, &first, &error));
  g_assert_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);

  g_assert_false (sila_hijri_to_gregorian (&too_early, &first, &error));
  g_assert_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);

  g_assert_cmpuint (sila_hijri_month_length (1342, 12), ==, 0);
  g_assert_cmpuint (sila_hijri_month_length (1501, 1), ==, 0);
  g_assert_cmpuint (sila_hijri_month_length (1445, 0), ==, 0);
  g_assert_cmpuint (sila_hijri_month_length (1445, 13), ==, 0);
  g_assert_cmpuint (sila_hijri_year_length (1501), ==, 0);
  g_assert_false (sila_hijri_month_start (1501, 1, &first));
}

static void
test_month_lengths (void)
{
  /* The eight months the early printed calendar made 28 or 31 days long. */
  static const guint irregular[][3] = {
    { 1343, 9, 28 }, { 1345, 5, 31 }, { 1345, 8, 28 }, { 1348, 11, 31 },
    { 1348, 12, 28 }, { 1349, 10, 28 }, { 1349, 11, 31 }, { 1364, 8, 28 },
  };
  guint n_irregular = 0;
  guint n_29 = 0, n_30 = 0;
  guint n_odd_years = 0;

  for (guint y = SILA_HIJRI_MIN_YEAR; y <= SILA_HIJRI_MAX_YEAR; y++)
    {
      guint year_days = 0;

      for (guint m = 1; m <= 12; m++)
        {
          guint len = sila_hijri_month_length (y, m);
          gboolean listed = FALSE;

          for (guint i = 0; i < G_N_ELEMENTS (irregular); i++)
            if (irregular[i][0] == y && irregular[i][1] == m)
              {
                g_assert_cmpuint (len, ==, irregular[i][2]);
                listed = TRUE;
                n_irregular++;
              }
          if (!listed)
            {
              g_assert_true (len == 29 || len == 30);
              if (len == 29)
                n_29++;
              else
                n_30++;
            }
          year_days += len;
        }

      g_assert_cmpuint (sila_hijri_year_length (y), ==, year_days);
      /* Mostly 354 or 355; the official calendar also has a few years of
       * 353 (1344, 1356, 1401) and 356 (1343, 1349). */
      g_assert_cmpuint (year_days, >=, 353);
      g_assert_cmpuint (year_days, <=, 356);
      if (year_days == 353 || year_days == 356)
        n_odd_years++;
    }

  g_assert_cmpuint (n_irregular, ==, G_N_ELEMENTS (irregular));
  g_assert_cmpuint (n_odd_years, ==, 5);
  g_assert_cmpuint (sila_hijri_year_length (1401), ==, 353);
  /* A lunar month is 29.53 days: about half of each. */
  g_assert_cmpuint (n_29, >, 800);
  g_assert_cmpuint (n_30, >, 800);

  /* Known lengths of recent months. */
  g_assert_cmpuint (sila_hijri_month_length (1447, 2), ==, 29);  /* Safar 1447 */
  g_assert_cmpuint (sila_hijri_month_length (1445, 9), ==, 30);  /* Ramadan 1445 */
  g_assert_cmpuint (sila_hijri_month_length (1444, 9), ==, 29);  /* Ramadan 1444 */
}

static void
test_validity (void)
{
  g_autoptr(GError) error = NULL;

  sila_i18n_init (SILA_LANGUAGE_ENGLISH);

  g_assert_true (sila_hijri_is_valid (1447, 2, 29));
  g_assert_false (sila_hijri_is_valid (1447, 2, 30));   /* Safar 1447 has 29 days */
  g_assert_true (sila_hijri_is_valid (1445, 9, 30));
  g_assert_false (sila_hijri_is_valid (1445, 9, 31));
  g_assert_false (sila_hijri_is_valid (1445, 9, 0));
  g_assert_false (sila_hijri_is_valid (1445, 13, 1));
  g_assert_false (sila_hijri_is_valid (1342, 1, 1));
  g_assert_true (sila_hijri_is_valid (1345, 5, 31));    /* a published 31-day month */

  g_assert_false (sila_hijri_check (1447, 2, 30, &error));
  g_assert_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Safar 1447 has only 29 days.");
  g_clear_error (&error);

  g_assert_false (sila_hijri_check (1445, 13, 1, &error));
  g_assert_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (sila_hijri_check (1445, 1, 0, &error));
  g_assert_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (sila_hijri_check (1600, 1, 1, &error));
  g_assert_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_OUT_OF_RANGE);
  g_assert_cmpstr (error->message, ==, "Enter a Hijri year from 1343 to 1500.");
  g_clear_error (&error);

  sila_i18n_init (SILA_LANGUAGE_ARABIC);
  g_assert_false (sila_hijri_check (1447, 2, 30, &error));
  g_assert_nonnull (strstr (error->message, "صفر"));
  g_assert_nonnull (strstr (error->message, "29"));
  g_clear_error (&error);
}

/* Every day of the table, both ways, and each day follows the one before. */
static void
test_every_day (void)
{
  GDate first, last, date;
  SilaHijriDate prev = { 0 };
  guint n_days = 0;
  guint expected_days = 0;

  for (guint y = SILA_HIJRI_MIN_YEAR; y <= SILA_HIJRI_MAX_YEAR; y++)
    expected_days += sila_hijri_year_length (y);

  sila_hijri_get_range (&first, &last);
  for (date = first; g_date_compare (&date, &last) <= 0; g_date_add_days (&date, 1))
    {
      SilaHijriDate h;
      GDate back;

      if (!sila_hijri_from_gregorian (&date, &h, NULL))
        g_assert_not_reached ();
      if (!sila_hijri_to_gregorian (&h, &back, NULL))
        g_assert_not_reached ();
      if (g_date_compare (&date, &back) != 0)
        g_error ("%u-%u-%u does not come back", h.year, h.month, h.day);

      if (n_days == 0)
        {
          g_assert_cmpuint (h.year, ==, 1343);
          g_assert_cmpuint (h.month, ==, 1);
          g_assert_cmpuint (h.day, ==, 1);
        }
      else if (h.day == 1)
        {
          /* A new month: the previous one ended on its last day. */
          g_assert_cmpuint (prev.day, ==, sila_hijri_month_length (prev.year, prev.month));
          g_assert_cmpuint (h.year * 12 + h.month, ==, prev.year * 12 + prev.month + 1);
        }
      else
        {
          g_assert_cmpuint (h.year, ==, prev.year);
          g_assert_cmpuint (h.month, ==, prev.month);
          g_assert_cmpuint (h.day, ==, prev.day + 1);
        }

      prev = h;
      n_days++;
    }

  g_assert_cmpuint (prev.year, ==, 1500);
  g_assert_cmpuint (prev.month, ==, 12);
  g_assert_cmpuint (prev.day, ==, sila_hijri_month_length (1500, 12));
  g_assert_cmpuint (n_days, ==, expected_days);
  g_assert_cmpuint (n_days, ==, g_date_days_between (&first, &last) + 1);
  g_test_message ("%u days round-tripped", n_days);
}

/* ICU's islamic-umalqura calendar for one Gregorian day. */
static void
icu_umalqura (UCalendar *gregorian,
              UCalendar *umalqura,
              const GDate *date,
              SilaHijriDate *out)
{
  UErrorCode status = U_ZERO_ERROR;
  UDate millis;

  ucal_clear (gregorian);
  ucal_setDateTime (gregorian, g_date_get_year (date), g_date_get_month (date) - 1,
                    g_date_get_day (date), 12, 0, 0, &status);
  millis = ucal_getMillis (gregorian, &status);
  ucal_setMillis (umalqura, millis, &status);
  out->year = ucal_get (umalqura, UCAL_EXTENDED_YEAR, &status);
  out->month = ucal_get (umalqura, UCAL_MONTH, &status) + 1;
  out->day = ucal_get (umalqura, UCAL_DATE, &status);
  g_assert_false (U_FAILURE (status));
}

static void
test_icu_cross_check (void)
{
  UErrorCode status = U_ZERO_ERROR;
  UChar utc[4];
  UCalendar *gregorian, *umalqura;
  GDate date, end;
  guint agree = 0, total = 0, outside_total = 0, outside_agree = 0;

  u_uastrcpy (utc, "UTC");
  gregorian = ucal_open (utc, -1, "en@calendar=gregorian", UCAL_GREGORIAN, &status);
  umalqura = ucal_open (utc, -1, "en@calendar=islamic-umalqura", UCAL_DEFAULT, &status);
  g_assert_false (U_FAILURE (status));

  /* 1420–1450 AH, where ICU follows the official calendar. */
  g_assert_true (sila_hijri_month_start (1420, 1, &date));
  g_assert_true (sila_hijri_month_start (1450, 12, &end));
  g_date_add_days (&end, sila_hijri_month_length (1450, 12) - 1);
  for (; g_date_compare (&date, &end) <= 0; g_date_add_days (&date, 1))
    {
      SilaHijriDate ours, icu;

      g_assert_true (sila_hijri_from_gregorian (&date, &ours, NULL));
      icu_umalqura (gregorian, umalqura, &date, &icu);
      total++;
      if (ours.year == icu.year && ours.month == icu.month && ours.day == icu.day)
        agree++;
    }

  /* The rest of the range, for the record: ICU is off there. */
  sila_hijri_get_range (&date, &end);
  for (; g_date_compare (&date, &end) <= 0; g_date_add_days (&date, 7))
    {
      SilaHijriDate ours, icu;

      g_assert_true (sila_hijri_from_gregorian (&date, &ours, NULL));
      if (ours.year >= 1420 && ours.year <= 1450)
        continue;
      icu_umalqura (gregorian, umalqura, &date, &icu);
      outside_total++;
      if (ours.year == icu.year && ours.month == icu.month && ours.day == icu.day)
        outside_agree++;
    }

  g_test_message ("1420-1450 AH: ICU agrees on %u of %u days", agree, total);
  g_test_message ("outside 1420-1450 AH (every 7th day): ICU agrees on %u of %u days",
                  outside_agree, outside_total);

  /* 31 years of about 354.4 days each, and every one of them agrees. */
  g_assert_cmpuint (total, >, 10980);
  g_assert_cmpuint (agree, ==, total);

  ucal_close (gregorian);
  ucal_close (umalqura);
}

static void
test_month_names (void)
{
  g_assert_cmpstr (sila_hijri_month_name (9, SILA_LANGUAGE_ARABIC), ==, "رمضان");
  g_assert_cmpstr (sila_hijri_month_name (9, SILA_LANGUAGE_ENGLISH), ==, "Ramadan");
  g_assert_cmpstr (sila_hijri_month_name (1, SILA_LANGUAGE_ARABIC), ==, "محرم");
  g_assert_cmpstr (sila_hijri_month_name (12, SILA_LANGUAGE_ARABIC), ==, "ذو الحجة");
  g_assert_cmpstr (sila_hijri_month_name (12, SILA_LANGUAGE_ENGLISH), ==, "Dhu al-Hijjah");
  g_assert_null (sila_hijri_month_name (0, SILA_LANGUAGE_ARABIC));
  g_assert_null (sila_hijri_month_name (13, SILA_LANGUAGE_ENGLISH));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  /* GLib decides once per process, at the first translated string, whether
   * to translate at all, and says no when that first language has no
   * catalog (English): start in Arabic so that both languages can be
   * tested in one process. */
  sila_i18n_init (SILA_LANGUAGE_ARABIC);
  (void)g_dgettext (GETTEXT_PACKAGE, "");

  g_test_add_func ("/sila/core/hijri/fixed-points", test_fixed_points);
  g_test_add_func ("/sila/core/hijri/range", test_range);
  g_test_add_func ("/sila/core/hijri/month-lengths", test_month_lengths);
  g_test_add_func ("/sila/core/hijri/validity", test_validity);
  g_test_add_func ("/sila/core/hijri/every-day", test_every_day);
  g_test_add_func ("/sila/core/hijri/icu-cross-check", test_icu_cross_check);
  g_test_add_func ("/sila/core/hijri/month-names", test_month_names);

  return g_test_run ();
}
