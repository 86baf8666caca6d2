/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-core"

#include "sila-config.h"

#include <stdio.h>
#include <string.h>

#include "sila-clock.h"

/* Tests (and only tests) fix the clock, in process with sila_clock_set_fixed()
 * or for the command line with SILA_FAKE_NOW=2026-01-31T09:00:00Z, so that
 * due dates and periods can be checked against hand-computed values. */
static GDateTime *fixed_now;
static gboolean env_read;

static GDateTime *
get_fixed (void)
{
  if (!env_read)
    {
      const char *env = g_getenv ("SILA_FAKE_NOW");

      env_read = TRUE;
      if (env != NULL && *env != '\0' && fixed_now == NULL)
        {
          g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

          fixed_now = g_date_time_new_from_iso8601 (env, utc);
          if (fixed_now == NULL)
            g_warning ("SILA_FAKE_NOW is not an ISO 8601 time: %s", env);
        }
    }

  return fixed_now;
}

void
sila_clock_set_fixed (GDateTime *fixed)
{
  env_read = TRUE;
  g_clear_pointer (&fixed_now, g_date_time_unref);
  if (fixed != NULL)
    fixed_now = g_date_time_ref (fixed);
}

/* The current time, in UTC. */
GDateTime *
sila_clock_now (void)
{
  GDateTime *fixed = get_fixed ();

  if (fixed != NULL)
    return g_date_time_to_utc (fixed);

  return g_date_time_new_now_utc ();
}

/* The form every row's created_at/updated_at takes: sortable as text. */
char *
sila_clock_timestamp (void)
{
  g_autoptr(GDateTime) now = sila_clock_now ();

  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d.%03dZ",
                          g_date_time_get_year (now),
                          g_date_time_get_month (now),
                          g_date_time_get_day_of_month (now),
                          g_date_time_get_hour (now),
                          g_date_time_get_minute (now),
                          g_date_time_get_second (now),
                          g_date_time_get_microsecond (now) / 1000);
}

/* Today in the office's time zone (the local one). */
void
sila_clock_today (GDate *date)
{
  g_autoptr(GDateTime) now = sila_clock_now ();
  g_autoptr(GDateTime) local = g_date_time_to_local (now);

  g_date_clear (date, 1);
  g_date_set_dmy (date,
                  g_date_time_get_day_of_month (local),
                  g_date_time_get_month (local),
                  g_date_time_get_year (local));
}

char *
sila_clock_today_iso (void)
{
  GDate today;

  sila_clock_today (&today);
  return sila_date_to_iso (&today);
}

char *
sila_date_to_iso (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u",
                          g_date_get_year (date),
                          g_date_get_month (date),
                          g_date_get_day (date));
}

/* Strict YYYY-MM-DD, the form dates take in the database. */
gboolean
sila_date_from_iso (const char *text,
                    GDate      *date)
{
  unsigned y, m, d;
  char tail;

  g_date_clear (date, 1);
  if (text == NULL || sscanf (text, "%4u-%2u-%2u%c", &y, &m, &d, &tail) != 3)
    return FALSE;
  if (strlen (text) != 10)
    return FALSE;
  if (!g_date_valid_dmy (d, m, y) || y < 1800)
    return FALSE;

  g_date_set_dmy (date, d, m, y);
  return TRUE;
}
