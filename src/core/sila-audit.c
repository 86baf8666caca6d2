/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-core"

#include "sila-config.h"

#include <glib/gi18n-lib.h>

#include "sila-account.h"
#include "sila-audit.h"
#include "sila-date.h"
#include "sila-format.h"
#include "sila-i18n.h"

static const struct {
  const char *code;
  const char *display;
} actions[] = {
  { SILA_AUDIT_CREATE,          N_("Created") },
  { SILA_AUDIT_UPDATE,          N_("Changed") },
  { SILA_AUDIT_DEACTIVATE,      N_("Deactivated") },
  { SILA_AUDIT_ACTIVATE,        N_("Activated") },
  { SILA_AUDIT_PASSWORD_CHANGE, N_("Changed own password") },
  { SILA_AUDIT_PASSWORD_RESET,  N_("Reset a password") },
  { SILA_AUDIT_LOGIN,           N_("Signed in") },
  { SILA_AUDIT_LOGIN_FAILED,    N_("Failed sign-in") },
  { SILA_AUDIT_LOGOUT,          N_("Signed out") },
  { SILA_AUDIT_BACKUP,          N_("Backed up") },
  { SILA_AUDIT_RESTORE,         N_("Restored") },
  { SILA_AUDIT_VIEW,            N_("Viewed") },
  { SILA_AUDIT_EXPORT,          N_("Exported") },
  { SILA_AUDIT_PRINT,           N_("Printed") },
  { SILA_AUDIT_ANONYMIZE,       N_("Anonymized") },
  { "import",                   N_("Imported") },
  { "delete",                   N_("Deleted") },
};

static const struct {
  const char *code;
  const char *display;
} entities[] = {
  { SILA_AUDIT_ENTITY_STAFF,    N_("Staff account") },
  { SILA_AUDIT_ENTITY_SETTINGS, N_("Office setting") },
  { SILA_AUDIT_ENTITY_DATABASE, N_("Database") },
  { "beneficiary",              N_("Beneficiary file") },
  { "segment",                  N_("Segment") },
  { "request",                  N_("Support request") },
};

/* The name of an action code in the UI language; an unknown code (from a
 * newer version) is shown as it is. */
const char *
sila_audit_action_to_display (const char *code)
{
  for (guint i = 0; code != NULL && i < G_N_ELEMENTS (actions); i++)
    if (g_str_equal (actions[i].code, code))
      return _(actions[i].display);

  return code;
}

const char *
sila_audit_entity_to_display (const char *code)
{
  for (guint i = 0; code != NULL && i < G_N_ELEMENTS (entities); i++)
    if (g_str_equal (entities[i].code, code))
      return _(entities[i].display);

  return code;
}

static const struct {
  const char *code;
  const char *display;
} summaries[] = {
  { SILA_AUDIT_WRONG_PASSWORD, N_("wrong password") },
  { SILA_AUDIT_NOW_LOCKED,     N_("wrong password; the account is now locked for a while") },
  { SILA_AUDIT_WHILE_LOCKED,   N_("tried while the account was locked") },
  { SILA_AUDIT_DEACTIVATED,    N_("the account is deactivated") },
  { SILA_AUDIT_MANUAL,         N_("asked for by hand") },
  { SILA_AUDIT_AUTOMATIC,      N_("the daily automatic backup") },
};

/* A summary the app wrote as a code, named; any other text as it is. */
const char *
sila_audit_summary_to_display (const char *summary)
{
  for (guint i = 0; summary != NULL && i < G_N_ELEMENTS (summaries); i++)
    if (g_str_equal (summaries[i].code, summary))
      return _(summaries[i].display);

  return summary;
}

/* Who, as the trail stores it: a user name, or one of two fixed codes. */
const char *
sila_audit_actor_to_display (const char *actor_name)
{
  if (g_strcmp0 (actor_name, SILA_ACCOUNT_OWNER_NAME) == 0)
    return _("Owner of this database");
  if (g_strcmp0 (actor_name, SILA_ACCOUNT_UNKNOWN_NAME) == 0)
    return _("Unknown user name");

  return actor_name;
}

/* NULL-terminated, for filters. */
const char **
sila_audit_known_actions (void)
{
  static const char *codes[G_N_ELEMENTS (actions) + 1];

  if (codes[0] == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
      codes[i] = actions[i].code;

  return codes;
}

/* A stored UTC timestamp as local date and time for the viewer: the date
 * as the app writes dates ("1 March 2026"), then the time to the second,
 * both in the digits of the UI language (docs/screens.md: dates and times
 * are quantities). */
char *
sila_audit_format_time (const char *timestamp)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *day = NULL;
  g_autofree char *clock = NULL;
  g_autofree char *time = NULL;
  GDate date;

  if (timestamp == NULL || (when = g_date_time_new_from_iso8601 (timestamp, utc)) == NULL)
    return g_strdup (timestamp != NULL ? timestamp : "");

  local = g_date_time_to_local (when);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
  day = sila_date_format (&date, SILA_CALENDAR_GREGORIAN);
  clock = g_date_time_format (local, "%H:%M:%S");
  /* Arabic-Indic digits joined by colons stay in their order inside an
   * Arabic line (they are one number run for the bidi algorithm). */
  time = sila_format_digits_for (clock, sila_i18n_get_language ());
  /* Translators: a date, then a time: "1 March 2026, 17:33". */
  return g_strdup_printf (_("%s, %s"), day, time);
}

/* The stored (UTC) form of midnight, local time, at the start of @date:
 * the bound of a "from this day" filter. */
char *
sila_audit_local_day_start (const GDate *date)
{
  g_autoptr(GTimeZone) local_zone = g_time_zone_new_local ();
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) utc = NULL;

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  local = g_date_time_new (local_zone, g_date_get_year (date), g_date_get_month (date),
                           g_date_get_day (date), 0, 0, 0);
  utc = g_date_time_to_utc (local);

  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d.000Z",
                          g_date_time_get_year (utc), g_date_time_get_month (utc),
                          g_date_time_get_day_of_month (utc), g_date_time_get_hour (utc),
                          g_date_time_get_minute (utc), g_date_time_get_second (utc));
}
