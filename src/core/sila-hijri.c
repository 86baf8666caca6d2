/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-core"

#include "sila-config.h"

#include <glib/gi18n-lib.h>

#include "sila-display.h"
#include "sila-hijri.h"
#include "sila-ummalqura-table.h"
#include "sila-validation.h"

/* GDate's Julian day 1 is 0001-01-01 (proleptic Gregorian), Julian day
 * number 1721426; a Reduced Julian Day is JDN - 2400000. */
#define GDATE_TO_RJD (1721425 - 2400000)

static const char *const month_names_ar[12] = {
  "محرم", "صفر", "ربيع الأول", "ربيع الآخر", "جمادى الأولى", "جمادى الآخرة",
  "رجب", "شعبان", "رمضان", "شوال", "ذو القعدة", "ذو الحجة",
};

/* Common English transliterations, in plain ASCII so that they are easy to
 * type and to search. */
static const char *const month_names_en[12] = {
  "Muharram", "Safar", "Rabi al-Awwal", "Rabi al-Thani", "Jumada al-Ula", "Jumada al-Akhirah",
  "Rajab", "Sha'ban", "Ramadan", "Shawwal", "Dhu al-Qi'dah", "Dhu al-Hijjah",
};

static gint32
date_to_rjd (const GDate *date)
{
  return (gint32)g_date_get_julian (date) + GDATE_TO_RJD;
}

static void
rjd_to_date (gint32  rjd,
             GDate  *date)
{
  g_date_clear (date, 1);
  g_date_set_julian (date, (guint32)(rjd - GDATE_TO_RJD));
}

static int
month_index (guint year,
             guint month)
{
  if (year < SILA_HIJRI_MIN_YEAR || year > SILA_HIJRI_MAX_YEAR || month < 1 || month > 12)
    return -1;
  return (int)((year - SILA_HIJRI_MIN_YEAR) * 12 + (month - 1));
}

guint
sila_hijri_month_length (guint year,
                         guint month)
{
  int i = month_index (year, month);

  if (i < 0)
    return 0;
  return (guint)(sila_ummalqura_month_starts[i + 1] - sila_ummalqura_month_starts[i]);
}

guint
sila_hijri_year_length (guint year)
{
  int first = month_index (year, 1);

  if (first < 0)
    return 0;
  return (guint)(sila_ummalqura_month_starts[first + 12] - sila_ummalqura_month_starts[first]);
}

gboolean
sila_hijri_is_valid (guint year,
                     guint month,
                     guint day)
{
  guint length = sila_hijri_month_length (year, month);

  return length > 0 && day >= 1 && day <= length;
}

gboolean
sila_hijri_check (guint    year,
                  guint    month,
                  guint    day,
                  GError **error)
{
  guint length;

  if (year < SILA_HIJRI_MIN_YEAR || year > SILA_HIJRI_MAX_YEAR)
    {
      g_set_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_OUT_OF_RANGE,
                   _("Enter a Hijri year from %u to %u."),
                   SILA_HIJRI_MIN_YEAR, SILA_HIJRI_MAX_YEAR);
      return FALSE;
    }

  if (month < 1 || month > 12)
    {
      g_set_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                   _("There is no month %u: months are numbered from 1 to 12."), month);
      sila_display_error_digits (error);
      return FALSE;
    }

  length = sila_hijri_month_length (year, month);
  if (day < 1)
    {
      g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                           _("The day of the month cannot be zero."));
      return FALSE;
    }

  if (day > length)
    {
      /* Translators: "Safar 1447 has only 29 days." The first %s is the
       * name of a Hijri month, then the year, then the number of days. */
      g_set_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                   ngettext ("%s %u has only %u day.", "%s %u has only %u days.", length),
                   sila_hijri_month_name (month, sila_i18n_get_language ()), year, length);
      return FALSE;
    }

  return TRUE;
}

gboolean
sila_hijri_to_gregorian (const SilaHijriDate  *hijri,
                         GDate                *date,
                         GError              **error)
{
  int i;

  g_return_val_if_fail (hijri != NULL, FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  if (!sila_hijri_check (hijri->year, hijri->month, hijri->day, error))
    return FALSE;

  i = month_index (hijri->year, hijri->month);
  rjd_to_date (sila_ummalqura_month_starts[i] + (gint32)hijri->day - 1, date);
  return TRUE;
}

void
sila_hijri_get_range (GDate *first,
                      GDate *last)
{
  if (first != NULL)
    rjd_to_date (sila_ummalqura_month_starts[0], first);
  if (last != NULL)
    rjd_to_date (sila_ummalqura_month_starts[SILA_UMMALQURA_N_MONTHS] - 1, last);
}

gboolean
sila_hijri_in_range (const GDate *date)
{
  gint32 rjd;

  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  rjd = date_to_rjd (date);
  return rjd >= sila_ummalqura_month_starts[0] &&
         rjd < sila_ummalqura_month_starts[SILA_UMMALQURA_N_MONTHS];
}

gboolean
sila_hijri_from_gregorian (const GDate    *date,
                           SilaHijriDate  *hijri,
                           GError        **error)
{
  gint32 rjd;
  int lo, hi;

  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);
  g_return_val_if_fail (hijri != NULL, FALSE);

  if (!sila_hijri_in_range (date))
    {
      GDate first, last;
      char a[16], b[16];

      sila_hijri_get_range (&first, &last);
      g_snprintf (a, sizeof a, "%04u-%02u-%02u", g_date_get_year (&first),
                  g_date_get_month (&first), g_date_get_day (&first));
      g_snprintf (b, sizeof b, "%04u-%02u-%02u", g_date_get_year (&last),
                  g_date_get_month (&last), g_date_get_day (&last));
      g_set_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_OUT_OF_RANGE,
                   _("This date is outside the Umm al-Qura calendar, which runs from %s to %s."),
                   a, b);
      return FALSE;
    }

  /* The last month whose first day is on or before the date. */
  rjd = date_to_rjd (date);
  lo = 0;
  hi = SILA_UMMALQURA_N_MONTHS - 1;
  while (lo < hi)
    {
      int mid = (lo + hi + 1) / 2;

      if (sila_ummalqura_month_starts[mid] <= rjd)
        lo = mid;
      else
        hi = mid - 1;
    }

  hijri->year = SILA_HIJRI_MIN_YEAR + (guint)lo / 12;
  hijri->month = (guint)lo % 12 + 1;
  hijri->day = (guint)(rjd - sila_ummalqura_month_starts[lo]) + 1;
  return TRUE;
}

gboolean
sila_hijri_month_start (guint  year,
                        guint  month,
                        GDate *date)
{
  int i = month_index (year, month);

  if (i < 0)
    return FALSE;
  rjd_to_date (sila_ummalqura_month_starts[i], date);
  return TRUE;
}

const char *
sila_hijri_month_name (guint        month,
                       SilaLanguage language)
{
  if (month < 1 || month > 12)
    return NULL;
  return language == SILA_LANGUAGE_ENGLISH ? month_names_en[month - 1] : month_names_ar[month - 1];
}
