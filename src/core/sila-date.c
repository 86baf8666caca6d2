/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-core"

#include "sila-config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sila-clock.h"
#include "sila-date.h"
#include "sila-display.h"
#include "sila-format.h"
#include "sila-hijri.h"
#include "sila-text.h"
#include "sila-validation.h"

#define BIRTH_MAX_YEARS 130

static const char *const gregorian_months_ar[12] = {
  "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو",
  "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر",
};

static const char *const gregorian_months_en[12] = {
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
};

/* Calendar marks that may follow a date; longest first, so that "هـ" is
 * not read as "ه" followed by a stray tatweel. */
static const struct {
  const char   *mark;
  SilaCalendar  calendar;
} marks[] = {
  { "هـ", SILA_CALENDAR_HIJRI },
  { "ه", SILA_CALENDAR_HIJRI },
  { "AH", SILA_CALENDAR_HIJRI },
  { "م", SILA_CALENDAR_GREGORIAN },
  { "AD", SILA_CALENDAR_GREGORIAN },
  { "CE", SILA_CALENDAR_GREGORIAN },
};

#define NO_MARK (-1)

const char *
sila_calendar_to_code (SilaCalendar calendar)
{
  return calendar == SILA_CALENDAR_HIJRI ? "hijri" : "gregorian";
}

gboolean
sila_calendar_from_code (const char   *code,
                         SilaCalendar *calendar)
{
  if (code == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (code, "hijri") == 0)
    *calendar = SILA_CALENDAR_HIJRI;
  else if (g_ascii_strcasecmp (code, "gregorian") == 0)
    *calendar = SILA_CALENDAR_GREGORIAN;
  else
    return FALSE;
  return TRUE;
}

const char *
sila_date_month_name (guint        month,
                      SilaCalendar calendar,
                      SilaLanguage language)
{
  if (month < 1 || month > 12)
    return NULL;
  if (calendar == SILA_CALENDAR_HIJRI)
    return sila_hijri_month_name (month, language);
  return language == SILA_LANGUAGE_ENGLISH ? gregorian_months_en[month - 1]
                                           : gregorian_months_ar[month - 1];
}

static gboolean
is_invisible_mark (gunichar c)
{
  return c == 0x200E || c == 0x200F || c == 0x061C || c == 0xFEFF || c == 0x200B ||
         (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

static gboolean
is_separator (gunichar c)
{
  return c == '-' || c == '/' || c == '.' || c == 0x060D /* ؍ */ || c == 0x2010 ||
         c == 0x2011 || c == 0x2212;
}

/* ASCII digits, no direction marks, trimmed, calendar mark taken off. */
static char *
clean_input (const char *text,
             int        *mark)
{
  g_autofree char *ascii = sila_text_digits_to_ascii (text);
  GString *out = g_string_sized_new (strlen (ascii));
  char *result;
  gsize len;

  for (const char *p = ascii; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!is_invisible_mark (c))
        g_string_append_unichar (out, c);
    }
  result = g_strstrip (g_string_free (out, FALSE));

  *mark = NO_MARK;
  len = strlen (result);
  for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
    {
      gsize mlen = strlen (marks[i].mark);

      if (len > mlen && g_ascii_strcasecmp (result + len - mlen, marks[i].mark) == 0)
        {
          result[len - mlen] = '\0';
          g_strchomp (result);
          *mark = (int)marks[i].calendar;
          break;
        }
    }

  return result;
}

/* Three numbers, two identical separators; the year (four digits) first or
 * last. */
static gboolean
split_date (const char *text,
            guint      *year,
            guint      *month,
            guint      *day)
{
  guint values[3];
  guint lengths[3];
  gunichar sep = 0;
  const char *p = text;

  for (guint i = 0; i < 3; i++)
    {
      guint value = 0, n = 0;

      while (g_ascii_isdigit (*p) && n < 5)
        {
          value = value * 10 + (guint)(*p - '0');
          n++;
          p++;
        }
      if (n == 0 || n > 4)
        return FALSE;
      values[i] = value;
      lengths[i] = n;

      if (i == 2)
        break;

      while (*p == ' ')
        p++;
      {
        gunichar c = g_utf8_get_char (p);

        if (!is_separator (c) || (sep != 0 && c != sep))
          return FALSE;
        sep = c;
        p = g_utf8_next_char (p);
      }
      while (*p == ' ')
        p++;
    }

  if (*p != '\0')
    return FALSE;

  if (lengths[0] == 4 && lengths[1] <= 2 && lengths[2] <= 2)
    {
      *year = values[0];
      *month = values[1];
      *day = values[2];
    }
  else if (lengths[2] == 4 && lengths[0] <= 2 && lengths[1] <= 2)
    {
      *day = values[0];
      *month = values[1];
      *year = values[2];
    }
  else
    return FALSE;

  return TRUE;
}

static gboolean
check_gregorian (guint    year,
                 guint    month,
                 guint    day,
                 GError **error)
{
  guint length;

  if (year < SILA_DATE_MIN_YEAR || year > SILA_DATE_MAX_YEAR)
    {
      g_set_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_OUT_OF_RANGE,
                   _("Enter a year from %u to %u."), SILA_DATE_MIN_YEAR, SILA_DATE_MAX_YEAR);
      return FALSE;
    }
  if (month < 1 || month > 12)
    {
      g_set_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                   _("There is no month %u: months are numbered from 1 to 12."), month);
      sila_display_error_digits (error);
      return FALSE;
    }
  if (day < 1)
    {
      g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                           _("The day of the month cannot be zero."));
      return FALSE;
    }
  length = g_date_get_days_in_month (month, year);
  if (day > length)
    {
      g_set_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                   ngettext ("%s %u has only %u day.", "%s %u has only %u days.", length),
                   sila_date_month_name (month, SILA_CALENDAR_GREGORIAN,
                                         sila_i18n_get_language ()),
                   year, length);
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_date (const char    *text,
            gboolean       guess,
            SilaCalendar   calendar,
            GDate         *date,
            SilaCalendar  *calendar_used,
            GError       **error)
{
  g_autofree char *clean = NULL;
  guint year = 0, month = 0, day = 0;
  int mark;

  g_return_val_if_fail (date != NULL, FALSE);
  g_date_clear (date, 1);

  if (text == NULL)
    text = "";
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                           _("The text contains characters that cannot be read."));
      return FALSE;
    }

  clean = clean_input (text, &mark);
  if (*clean == '\0' && mark == NO_MARK)
    {
      g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_REQUIRED,
                           _("Enter a date."));
      return FALSE;
    }

  if (!split_date (clean, &year, &month, &day))
    {
      if (mark != NO_MARK)
        calendar = (SilaCalendar)mark;
      g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                           calendar == SILA_CALENDAR_HIJRI
                           ? _("Enter the Hijri date as day/month/year, for example 15/09/1445.")
                           : _("Enter the date as day/month/year, for example 25/03/2024."));
      return FALSE;
    }

  if (mark != NO_MARK)
    calendar = (SilaCalendar)mark;
  else if (guess)
    calendar = year >= 1300 && year < 1600 ? SILA_CALENDAR_HIJRI : SILA_CALENDAR_GREGORIAN;

  if (calendar_used != NULL)
    *calendar_used = calendar;

  if (calendar == SILA_CALENDAR_HIJRI)
    {
      SilaHijriDate hijri = { year, month, day };

      return sila_hijri_to_gregorian (&hijri, date, error);
    }

  if (!check_gregorian (year, month, day, error))
    return FALSE;
  g_date_set_dmy (date, (GDateDay)day, (GDateMonth)month, (GDateYear)year);
  return TRUE;
}

gboolean
sila_date_parse (const char    *text,
                 SilaCalendar   calendar,
                 GDate         *date,
                 GError       **error)
{
  return parse_date (text, FALSE, calendar, date, NULL, error);
}

gboolean
sila_date_parse_guess (const char    *text,
                       GDate         *date,
                       SilaCalendar  *calendar,
                       GError       **error)
{
  return parse_date (text, TRUE, SILA_CALENDAR_GREGORIAN, date, calendar, error);
}

gboolean
sila_date_check_not_future (const GDate  *date,
                            GError      **error)
{
  GDate today;

  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  sila_clock_today (&today);
  if (g_date_compare (date, &today) > 0)
    {
      g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_OUT_OF_RANGE,
                           _("The date cannot be in the future."));
      return FALSE;
    }
  return TRUE;
}

gboolean
sila_date_parse_birth (const char    *text,
                       SilaCalendar   calendar,
                       GDate         *date,
                       GError       **error)
{
  GDate today, oldest;

  if (!sila_date_parse (text, calendar, date, error))
    return FALSE;

  sila_clock_today (&today);
  if (g_date_compare (date, &today) > 0)
    {
      g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_OUT_OF_RANGE,
                           _("A birth date cannot be in the future."));
      g_date_clear (date, 1);
      return FALSE;
    }

  oldest = today;
  g_date_subtract_years (&oldest, BIRTH_MAX_YEARS);
  if (g_date_compare (date, &oldest) < 0)
    {
      g_set_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_OUT_OF_RANGE,
                   _("A birth date cannot be more than %u years ago."), BIRTH_MAX_YEARS);
      g_date_clear (date, 1);
      return FALSE;
    }

  return TRUE;
}

char *
sila_date_format_for (const GDate  *date,
                      SilaCalendar  calendar,
                      SilaLanguage  language)
{
  guint year, month, day;
  char numbers[2][16];
  g_autofree char *d = NULL;
  g_autofree char *y = NULL;
  const char *suffix;

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  if (calendar == SILA_CALENDAR_HIJRI && sila_hijri_in_range (date))
    {
      SilaHijriDate hijri;

      sila_hijri_from_gregorian (date, &hijri, NULL);
      year = hijri.year;
      month = hijri.month;
      day = hijri.day;
      suffix = language == SILA_LANGUAGE_ENGLISH ? " AH" : " هـ";
    }
  else
    {
      calendar = SILA_CALENDAR_GREGORIAN;
      year = g_date_get_year (date);
      month = g_date_get_month (date);
      day = g_date_get_day (date);
      suffix = language == SILA_LANGUAGE_ENGLISH ? "" : " م";
    }

  g_snprintf (numbers[0], sizeof numbers[0], "%u", day);
  g_snprintf (numbers[1], sizeof numbers[1], "%u", year);
  d = sila_format_digits_for (numbers[0], language);
  y = sila_format_digits_for (numbers[1], language);

  return g_strdup_printf ("%s %s %s%s", d, sila_date_month_name (month, calendar, language), y,
                          suffix);
}

char *
sila_date_format (const GDate  *date,
                  SilaCalendar  calendar)
{
  return sila_date_format_for (date, calendar, sila_i18n_get_language ());
}

char *
sila_date_format_numeric (const GDate  *date,
                          SilaCalendar  calendar)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  if (calendar == SILA_CALENDAR_HIJRI)
    {
      SilaHijriDate hijri;

      if (!sila_hijri_from_gregorian (date, &hijri, NULL))
        return NULL;
      return g_strdup_printf ("%04u-%02u-%02u", hijri.year, hijri.month, hijri.day);
    }

  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}
