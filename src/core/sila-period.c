/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-core"

#include "sila-config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sila-date.h"
#include "sila-display.h"
#include "sila-format.h"
#include "sila-hijri.h"
#include "sila-period.h"
#include "sila-text.h"
#include "sila-validation.h"

/* Labels are built from fixed names in both languages (like dates in
 * sila-date.c) rather than through gettext, so that a label can be made in
 * a language other than the UI's, for an export. */
static const char *const quarter_names_ar[4] = {
  "الربع الأول", "الربع الثاني", "الربع الثالث", "الربع الرابع",
};

static gboolean
is_hijri_year (guint year)
{
  /* Gregorian years start at SILA_DATE_MIN_YEAR (1900), Hijri ones end at
   * 1500: the number alone tells them apart. */
  return year >= 1300 && year < 1600;
}

static gboolean
check_year (guint    year,
            GError **error)
{
  if (year < SILA_DATE_MIN_YEAR || year > SILA_DATE_MAX_YEAR)
    {
      g_set_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_OUT_OF_RANGE,
                   _("Enter a year from %u to %u."), SILA_DATE_MIN_YEAR, SILA_DATE_MAX_YEAR);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_month (guint    month,
             GError **error)
{
  if (month < 1 || month > 12)
    {
      g_set_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                   _("There is no month %u: months are numbered from 1 to 12."), month);
      sila_display_error_digits (error);
      return FALSE;
    }
  return TRUE;
}

static void
set_days (SilaPeriod     *period,
          SilaPeriodKind  kind,
          guint           sy,
          guint           sm,
          guint           sd,
          guint           ey,
          guint           em,
          guint           ed)
{
  period->kind = kind;
  g_date_clear (&period->start, 1);
  g_date_clear (&period->end, 1);
  g_date_set_dmy (&period->start, (GDateDay)sd, (GDateMonth)sm, (GDateYear)sy);
  g_date_set_dmy (&period->end, (GDateDay)ed, (GDateMonth)em, (GDateYear)ey);
}

gboolean
sila_period_init_month (SilaPeriod  *period,
                        guint        year,
                        guint        month,
                        GError     **error)
{
  g_return_val_if_fail (period != NULL, FALSE);

  if (!check_year (year, error) || !check_month (month, error))
    return FALSE;
  set_days (period, SILA_PERIOD_MONTH, year, month, 1, year, month,
            g_date_get_days_in_month ((GDateMonth)month, (GDateYear)year));
  return TRUE;
}

gboolean
sila_period_init_quarter (SilaPeriod  *period,
                          guint        year,
                          guint        quarter,
                          GError     **error)
{
  guint last_month;

  g_return_val_if_fail (period != NULL, FALSE);

  if (!check_year (year, error))
    return FALSE;
  if (quarter < 1 || quarter > 4)
    {
      g_set_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                   _("There is no quarter %u: quarters are numbered from 1 to 4."), quarter);
      sila_display_error_digits (error);
      return FALSE;
    }
  last_month = quarter * 3;
  set_days (period, SILA_PERIOD_QUARTER, year, last_month - 2, 1, year, last_month,
            g_date_get_days_in_month ((GDateMonth)last_month, (GDateYear)year));
  return TRUE;
}

gboolean
sila_period_init_year (SilaPeriod  *period,
                       guint        year,
                       GError     **error)
{
  g_return_val_if_fail (period != NULL, FALSE);

  if (!check_year (year, error))
    return FALSE;
  set_days (period, SILA_PERIOD_YEAR, year, 1, 1, year, 12, 31);
  return TRUE;
}

gboolean
sila_period_init_hijri_month (SilaPeriod  *period,
                              guint        year,
                              guint        month,
                              GError     **error)
{
  g_return_val_if_fail (period != NULL, FALSE);

  if (!sila_hijri_check (year, month, 1, error))
    return FALSE;
  period->kind = SILA_PERIOD_HIJRI_MONTH;
  sila_hijri_month_start (year, month, &period->start);
  period->end = period->start;
  g_date_add_days (&period->end, sila_hijri_month_length (year, month) - 1);
  return TRUE;
}

gboolean
sila_period_init_hijri_year (SilaPeriod  *period,
                             guint        year,
                             GError     **error)
{
  g_return_val_if_fail (period != NULL, FALSE);

  if (!sila_hijri_check (year, 1, 1, error))
    return FALSE;
  period->kind = SILA_PERIOD_HIJRI_YEAR;
  sila_hijri_month_start (year, 1, &period->start);
  period->end = period->start;
  g_date_add_days (&period->end, sila_hijri_year_length (year) - 1);
  return TRUE;
}

gboolean
sila_period_init_range (SilaPeriod   *period,
                        const GDate  *start,
                        const GDate  *end,
                        GError      **error)
{
  g_return_val_if_fail (period != NULL, FALSE);
  g_return_val_if_fail (start != NULL && g_date_valid (start), FALSE);
  g_return_val_if_fail (end != NULL && g_date_valid (end), FALSE);

  if (g_date_compare (start, end) > 0)
    {
      g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                           _("The period ends before it starts."));
      return FALSE;
    }
  period->kind = SILA_PERIOD_RANGE;
  period->start = *start;
  period->end = *end;
  return TRUE;
}

gboolean
sila_period_init_containing (SilaPeriod      *period,
                             SilaPeriodKind   kind,
                             const GDate     *date,
                             GError         **error)
{
  guint y, m;

  g_return_val_if_fail (period != NULL, FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  y = g_date_get_year (date);
  m = g_date_get_month (date);

  switch (kind)
    {
    case SILA_PERIOD_MONTH:
      return sila_period_init_month (period, y, m, error);
    case SILA_PERIOD_QUARTER:
      return sila_period_init_quarter (period, y, (m - 1) / 3 + 1, error);
    case SILA_PERIOD_YEAR:
      return sila_period_init_year (period, y, error);
    case SILA_PERIOD_HIJRI_MONTH:
    case SILA_PERIOD_HIJRI_YEAR:
      {
        SilaHijriDate h;

        if (!sila_hijri_from_gregorian (date, &h, error))
          return FALSE;
        if (kind == SILA_PERIOD_HIJRI_MONTH)
          return sila_period_init_hijri_month (period, h.year, h.month, error);
        return sila_period_init_hijri_year (period, h.year, error);
      }
    case SILA_PERIOD_RANGE:
    default:
      return sila_period_init_range (period, date, date, error);
    }
}

static gboolean
set_form_error (GError **error)
{
  g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                       _("Enter a period as 2026-03 (a month), 1447-09 (a Hijri month), "
                         "2026-Q1 (a quarter), 2026 (a year) or 2026-01-01..2026-01-31 "
                         "(any range)."));
  return FALSE;
}

gboolean
sila_period_parse (const char  *text,
                   SilaPeriod  *period,
                   GError     **error)
{
  g_autofree char *ascii = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GRegex) forms = NULL;
  const char *range_sep;

  g_return_val_if_fail (period != NULL, FALSE);

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    text = "";
  ascii = g_strstrip (sila_text_digits_to_ascii (text));

  if (*ascii == '\0')
    {
      g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_REQUIRED,
                           _("Enter a period."));
      return FALSE;
    }

  range_sep = strstr (ascii, "..");
  if (range_sep != NULL)
    {
      g_autofree char *first = g_strndup (ascii, range_sep - ascii);
      GDate start, end;

      if (!sila_date_parse_guess (first, &start, NULL, error) ||
          !sila_date_parse_guess (range_sep + 2, &end, NULL, error))
        return FALSE;
      return sila_period_init_range (period, &start, &end, error);
    }

  /* year | year-month | year-Qn | Qn year */
  forms = g_regex_new ("^(?:(\\d{4})|(\\d{4})\\s*[-/]\\s*(\\d{1,2})|(\\d{4})\\s*-?\\s*[Qq]([1-4])"
                       "|[Qq]([1-4])\\s*[-/ ]?\\s*(\\d{4}))$",
                       G_REGEX_OPTIMIZE, 0, NULL);
  if (!g_regex_match (forms, ascii, 0, &match))
    return set_form_error (error);

  {
    g_autofree char *year_only = g_match_info_fetch (match, 1);
    g_autofree char *month_year = g_match_info_fetch (match, 2);
    g_autofree char *month = g_match_info_fetch (match, 3);
    g_autofree char *q_year = g_match_info_fetch (match, 4);
    g_autofree char *q = g_match_info_fetch (match, 5);
    g_autofree char *q2 = g_match_info_fetch (match, 6);
    g_autofree char *q2_year = g_match_info_fetch (match, 7);

    if (year_only != NULL && *year_only != '\0')
      {
        guint y = (guint)g_ascii_strtoull (year_only, NULL, 10);

        return is_hijri_year (y) ? sila_period_init_hijri_year (period, y, error)
                                 : sila_period_init_year (period, y, error);
      }
    if (month_year != NULL && *month_year != '\0')
      {
        guint y = (guint)g_ascii_strtoull (month_year, NULL, 10);
        guint m = (guint)g_ascii_strtoull (month, NULL, 10);

        return is_hijri_year (y) ? sila_period_init_hijri_month (period, y, m, error)
                                 : sila_period_init_month (period, y, m, error);
      }
    if (q_year != NULL && *q_year != '\0')
      return sila_period_init_quarter (period, (guint)g_ascii_strtoull (q_year, NULL, 10),
                                       (guint)g_ascii_strtoull (q, NULL, 10), error);
    return sila_period_init_quarter (period, (guint)g_ascii_strtoull (q2_year, NULL, 10),
                                     (guint)g_ascii_strtoull (q2, NULL, 10), error);
  }
}

char *
sila_period_to_code (const SilaPeriod *period)
{
  const GDate *s;
  SilaHijriDate h = { 0 };

  g_return_val_if_fail (period != NULL && g_date_valid (&period->start), NULL);

  s = &period->start;
  switch (period->kind)
    {
    case SILA_PERIOD_MONTH:
      return g_strdup_printf ("%04u-%02u", g_date_get_year (s), g_date_get_month (s));
    case SILA_PERIOD_QUARTER:
      return g_strdup_printf ("%04u-Q%u", g_date_get_year (s), (g_date_get_month (s) - 1) / 3 + 1);
    case SILA_PERIOD_YEAR:
      return g_strdup_printf ("%04u", g_date_get_year (s));
    case SILA_PERIOD_HIJRI_MONTH:
      sila_hijri_from_gregorian (s, &h, NULL);
      return g_strdup_printf ("%04u-%02u", h.year, h.month);
    case SILA_PERIOD_HIJRI_YEAR:
      sila_hijri_from_gregorian (s, &h, NULL);
      return g_strdup_printf ("%04u", h.year);
    case SILA_PERIOD_RANGE:
    default:
      {
        g_autofree char *a = sila_date_format_numeric (&period->start, SILA_CALENDAR_GREGORIAN);
        g_autofree char *b = sila_date_format_numeric (&period->end, SILA_CALENDAR_GREGORIAN);

        return g_strdup_printf ("%s..%s", a, b);
      }
    }
}

gboolean
sila_period_previous (const SilaPeriod  *period,
                      SilaPeriod        *previous,
                      GError           **error)
{
  GDate day_before;
  guint n_days;

  g_return_val_if_fail (period != NULL && g_date_valid (&period->start), FALSE);
  g_return_val_if_fail (previous != NULL, FALSE);

  n_days = sila_period_get_n_days (period);
  if (g_date_get_julian (&period->start) <= n_days)
    return check_year (0, error);

  day_before = period->start;
  g_date_subtract_days (&day_before, 1);

  if (period->kind == SILA_PERIOD_RANGE)
    {
      GDate start = day_before;

      g_date_subtract_days (&start, n_days - 1);
      return sila_period_init_range (previous, &start, &day_before, error);
    }

  return sila_period_init_containing (previous, period->kind, &day_before, error);
}

gboolean
sila_period_next (const SilaPeriod  *period,
                  SilaPeriod        *next,
                  GError           **error)
{
  GDate day_after;

  g_return_val_if_fail (period != NULL && g_date_valid (&period->end), FALSE);
  g_return_val_if_fail (next != NULL, FALSE);

  day_after = period->end;
  g_date_add_days (&day_after, 1);

  if (period->kind == SILA_PERIOD_RANGE)
    {
      GDate end = day_after;

      g_date_add_days (&end, sila_period_get_n_days (period) - 1);
      return sila_period_init_range (next, &day_after, &end, error);
    }

  return sila_period_init_containing (next, period->kind, &day_after, error);
}

guint
sila_period_get_n_days (const SilaPeriod *period)
{
  g_return_val_if_fail (period != NULL, 0);
  return (guint)g_date_days_between (&period->start, &period->end) + 1;
}

gboolean
sila_period_contains (const SilaPeriod *period,
                      const GDate      *date)
{
  g_return_val_if_fail (period != NULL && date != NULL, FALSE);
  return g_date_compare (date, &period->start) >= 0 && g_date_compare (date, &period->end) <= 0;
}

static char *
year_text (guint        year,
           SilaLanguage language)
{
  char buf[16];

  g_snprintf (buf, sizeof buf, "%u", year);
  return sila_format_digits_for (buf, language);
}

char *
sila_period_to_label_for (const SilaPeriod *period,
                          SilaLanguage      language)
{
  gboolean en = language == SILA_LANGUAGE_ENGLISH;
  const GDate *s;
  SilaHijriDate h = { 0 };
  g_autofree char *year = NULL;

  g_return_val_if_fail (period != NULL && g_date_valid (&period->start), NULL);

  s = &period->start;
  switch (period->kind)
    {
    case SILA_PERIOD_MONTH:
      year = year_text (g_date_get_year (s), language);
      return g_strdup_printf ("%s %s%s",
                              sila_date_month_name (g_date_get_month (s), SILA_CALENDAR_GREGORIAN,
                                                    language),
                              year, en ? "" : " م");
    case SILA_PERIOD_HIJRI_MONTH:
      sila_hijri_from_gregorian (s, &h, NULL);
      year = year_text (h.year, language);
      return g_strdup_printf ("%s %s %s", sila_hijri_month_name (h.month, language), year,
                              en ? "AH" : "هـ");
    case SILA_PERIOD_QUARTER:
      {
        guint q = (g_date_get_month (s) - 1) / 3 + 1;

        year = year_text (g_date_get_year (s), language);
        if (en)
          return g_strdup_printf ("Q%u %s", q, year);
        return g_strdup_printf ("%s %s م", quarter_names_ar[q - 1], year);
      }
    case SILA_PERIOD_YEAR:
      year = year_text (g_date_get_year (s), language);
      return en ? g_steal_pointer (&year) : g_strdup_printf ("%s م", year);
    case SILA_PERIOD_HIJRI_YEAR:
      sila_hijri_from_gregorian (s, &h, NULL);
      year = year_text (h.year, language);
      return g_strdup_printf ("%s %s", year, en ? "AH" : "هـ");
    case SILA_PERIOD_RANGE:
    default:
      {
        g_autofree char *a = sila_date_format_for (&period->start, SILA_CALENDAR_GREGORIAN,
                                                   language);
        g_autofree char *b = sila_date_format_for (&period->end, SILA_CALENDAR_GREGORIAN,
                                                   language);

        return g_strdup_printf ("%s – %s", a, b);
      }
    }
}

char *
sila_period_to_label (const SilaPeriod *period)
{
  return sila_period_to_label_for (period, sila_i18n_get_language ());
}
