/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-core"

#include "sila-config.h"

#include <glib/gi18n-lib.h>

#include "sila-clock.h"
#include "sila-date.h"
#include "sila-outreach.h"
#include "sila-policy.h"

static const struct {
  const char *code;
  const char *display;
} reasons[SILA_N_OUTREACH_REASONS] = {
  { "document_expiring", N_("Document expiring") },
  { "documents_missing", N_("Documents missing") },
  { "decision_to_tell",  N_("Decision to tell") },
  { "overdue_to_tell",   N_("Overdue: tell where it stands") },
  { "service_follow_up", N_("Follow-up after the service") },
  { "no_contact",        N_("No contact for a long time") },
};

static const char * const rule_keys[] = {
  SILA_SETTING_OUTREACH_EXPIRY,
  SILA_SETTING_OUTREACH_MISSING,
  SILA_SETTING_OUTREACH_FOLLOW_FROM,
  SILA_SETTING_OUTREACH_FOLLOW_UNTIL,
  SILA_SETTING_OUTREACH_SILENCE,
  SILA_SETTING_OUTREACH_ACTIVE,
  SILA_SETTING_OUTREACH_RETRY,
  NULL
};

const char *
sila_outreach_reason_to_code (SilaOutreachReason reason)
{
  g_return_val_if_fail (reason < SILA_N_OUTREACH_REASONS, NULL);
  return reasons[reason].code;
}

const char *
sila_outreach_reason_to_display (SilaOutreachReason reason)
{
  g_return_val_if_fail (reason < SILA_N_OUTREACH_REASONS, NULL);
  return _(reasons[reason].display);
}

gboolean
sila_outreach_reason_from_code (const char         *code,
                                SilaOutreachReason *reason)
{
  for (guint i = 0; code != NULL && i < SILA_N_OUTREACH_REASONS; i++)
    if (g_str_equal (code, reasons[i].code))
      {
        *reason = (SilaOutreachReason)i;
        return TRUE;
      }

  return FALSE;
}

void
sila_outreach_rules_init (SilaOutreachRules *rules)
{
  rules->expiry = SILA_OUTREACH_EXPIRY_DEFAULT;
  rules->missing = SILA_OUTREACH_MISSING_DEFAULT;
  rules->follow_up_from = SILA_OUTREACH_FOLLOW_FROM_DEFAULT;
  rules->follow_up_until = SILA_OUTREACH_FOLLOW_UNTIL_DEFAULT;
  rules->silence = SILA_OUTREACH_SILENCE_DEFAULT;
  rules->active = SILA_OUTREACH_ACTIVE_DEFAULT;
  rules->retry = SILA_OUTREACH_RETRY_DEFAULT;
}

const char * const *
sila_outreach_rules_keys (void)
{
  return rule_keys;
}

gboolean
sila_outreach_rules_set (SilaOutreachRules *rules,
                         const char        *key,
                         int                value)
{
  int *fields[] = {
    &rules->expiry, &rules->missing, &rules->follow_up_from, &rules->follow_up_until,
    &rules->silence, &rules->active, &rules->retry,
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_strcmp0 (key, rule_keys[i]) == 0)
      {
        *fields[i] = MAX (value, 0);
        return TRUE;
      }

  return FALSE;
}

static void
shift (GDate       *date,
       const GDate *from,
       int          days)
{
  *date = *from;
  if (days >= 0)
    g_date_add_days (date, (guint)days);
  else
    g_date_subtract_days (date, (guint)-days);
}

char *
sila_outreach_day_start (const GDate *date)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) utc = NULL;

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  start = g_date_time_new (local, g_date_get_year (date), g_date_get_month (date),
                           g_date_get_day (date), 0, 0, 0);
  utc = g_date_time_to_utc (start);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S.000Z");
}

void
sila_outreach_window_init (SilaOutreachWindow      *window,
                           const SilaOutreachRules *rules,
                           const GDate             *day)
{
  GDate next;

  window->day = *day;
  shift (&window->expiring_until, day, rules->expiry);
  shift (&window->missing_until, day, -rules->missing);
  shift (&window->follow_up_from, day, -rules->follow_up_until);
  shift (&window->follow_up_until, day, -rules->follow_up_from);
  shift (&window->active_from, day, -rules->active);
  shift (&window->silent_until, day, -rules->silence);
  shift (&next, day, 1);
  window->day_end = sila_outreach_day_start (&next);
}

void
sila_outreach_window_clear (SilaOutreachWindow *window)
{
  g_clear_pointer (&window->day_end, g_free);
}

SilaOutreachItem *
sila_outreach_item_new (void)
{
  SilaOutreachItem *item = g_new0 (SilaOutreachItem, 1);

  item->status = SILA_REQUEST_NONE;
  g_date_clear (&item->basis, 1);
  g_date_clear (&item->surveyed, 1);
  g_date_clear (&item->since, 1);
  g_date_clear (&item->shown_from, 1);
  return item;
}

void
sila_outreach_item_free (SilaOutreachItem *item)
{
  if (item == NULL)
    return;

  g_free (item->beneficiary_id);
  g_free (item->national_id);
  g_free (item->name);
  g_free (item->phone);
  g_free (item->request_id);
  g_free (item->request_number);
  g_free (item->request_type);
  g_free (item->holder);
  g_free (item->holder_name);
  g_free (item->reached_at);
  g_free (item->attempt_at);
  g_free (item->dismissed_at);
  g_free (item->moment);
  g_free (item);
}

/* The local day of a stored UTC timestamp. */
static gboolean
local_day (const char *timestamp,
           GDate      *date)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) at = g_date_time_new_from_iso8601 (timestamp, utc);
  g_autoptr(GDateTime) local = NULL;

  g_date_clear (date, 1);
  if (at == NULL)
    return FALSE;
  local = g_date_time_to_local (at);
  g_date_set_dmy (date, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
  return TRUE;
}

static gboolean
after_moment (const char *at,
              const char *moment)
{
  return at != NULL && g_strcmp0 (at, moment) >= 0;
}

SilaOutreachState
sila_outreach_decide (SilaOutreachItem         *item,
                      const SilaOutreachRules  *rules,
                      const SilaOutreachWindow *window)
{
  GDate moment_day;
  GDate attempt;

  g_return_val_if_fail (item->reason < SILA_N_OUTREACH_REASONS, SILA_OUTREACH_OFF);

  if (!g_date_valid (&item->basis))
    return SILA_OUTREACH_OFF;

  switch (item->reason)
    {
    case SILA_OUTREACH_DOCUMENT_EXPIRING:
      shift (&item->since, &item->basis, -rules->expiry);
      break;
    case SILA_OUTREACH_DOCUMENTS_MISSING:
      shift (&item->since, &item->basis, rules->missing);
      break;
    case SILA_OUTREACH_DECISION_TO_TELL:
      item->since = item->basis;
      break;
    case SILA_OUTREACH_OVERDUE_TO_TELL:
      /* The due day itself is still in time. */
      shift (&item->since, &item->basis, 1);
      break;
    case SILA_OUTREACH_SERVICE_FOLLOW_UP:
      shift (&item->since, &item->basis, rules->follow_up_from);
      break;
    case SILA_OUTREACH_NO_CONTACT:
    case SILA_N_OUTREACH_REASONS:
    default:
      shift (&item->since, &item->basis, rules->silence);
      break;
    }

  /* A follow-up counts from the delivery itself: a call made the day after
   * it already asked how it went. */
  moment_day = item->reason == SILA_OUTREACH_SERVICE_FOLLOW_UP ? item->basis : item->since;
  g_free (item->moment);
  item->moment = sila_outreach_day_start (&moment_day);
  item->shown_from = item->since;

  if (g_date_compare (&item->since, &window->day) > 0)
    return SILA_OUTREACH_OFF;

  if (item->reason == SILA_OUTREACH_SERVICE_FOLLOW_UP)
    {
      GDate last;

      shift (&last, &item->basis, rules->follow_up_until);
      if (g_date_compare (&last, &window->day) < 0)
        return SILA_OUTREACH_OFF;
      if (g_date_valid (&item->surveyed) && g_date_compare (&item->surveyed, &item->basis) >= 0)
        return SILA_OUTREACH_OFF;
    }

  if (after_moment (item->reached_at, item->moment) ||
      after_moment (item->dismissed_at, item->moment))
    return SILA_OUTREACH_OFF;

  if (after_moment (item->attempt_at, item->moment) && local_day (item->attempt_at, &attempt))
    {
      shift (&item->shown_from, &attempt, MAX (rules->retry, 1));
      if (g_date_compare (&item->shown_from, &window->day) > 0)
        return SILA_OUTREACH_WAITING;
    }

  return SILA_OUTREACH_LISTED;
}

gboolean
sila_outreach_contact_fits (const SilaOutreachItem *item,
                            const char             *request_id)
{
  if (item->reason == SILA_OUTREACH_NO_CONTACT)
    return TRUE;

  return request_id != NULL && g_strcmp0 (request_id, item->request_id) == 0;
}

int
sila_outreach_item_compare (gconstpointer a,
                            gconstpointer b)
{
  const SilaOutreachItem *x = *(SilaOutreachItem **)a;
  const SilaOutreachItem *y = *(SilaOutreachItem **)b;
  int c = g_date_compare (&x->since, &y->since);

  if (c != 0)
    return c;
  if (x->file_number != y->file_number)
    return x->file_number < y->file_number ? -1 : 1;
  if (x->reason != y->reason)
    return x->reason < y->reason ? -1 : 1;
  return g_strcmp0 (x->request_number, y->request_number);
}

static char *
fill (const char *template,
      const char *name,
      const char *request,
      const char *date)
{
  g_autoptr(GString) text = g_string_new (template);

  g_string_replace (text, "{name}", name != NULL ? name : "", 0);
  g_string_replace (text, "{request}", request != NULL ? request : "", 0);
  g_string_replace (text, "{date}", date != NULL ? date : "", 0);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

char *
sila_outreach_message (const SilaOutreachItem *item)
{
  g_autofree char *date = NULL;
  g_autofree char *request = NULL;
  const char *template;

  g_return_val_if_fail (item != NULL, NULL);

  if (g_date_valid (&item->basis))
    date = sila_date_format (&item->basis, SILA_CALENDAR_GREGORIAN);
  /* The request number keeps its ASCII digits: with Arabic-Indic ones the
   * bidirectional algorithm would show "00017-1447" in a right-to-left
   * message. */
  request = g_strdup (item->request_number);

  switch (item->reason)
    {
    case SILA_OUTREACH_DOCUMENT_EXPIRING:
      /* Translators: an SMS or phone script. Keep {name}, {request} and
       * {date} as they are: they are replaced by the person's name, the
       * request number and a date. */
      template = _("Peace be upon you, {name}. A document of your request {request} expires "
                   "on {date}. Please bring us a renewed copy so that your request is not "
                   "held up.");
      break;
    case SILA_OUTREACH_DOCUMENTS_MISSING:
      /* Translators: keep {name}, {request} and {date} as they are. */
      template = _("Peace be upon you, {name}. Your request {request}, received on {date}, is "
                   "waiting for required documents. Please bring them to the association or "
                   "send them to us.");
      break;
    case SILA_OUTREACH_DECISION_TO_TELL:
      if (item->status == SILA_REQUEST_ACCEPTED)
        /* Translators: keep {name}, {request} and {date} as they are. */
        template = _("Peace be upon you, {name}. The research committee accepted your request "
                     "{request} on {date}. We will contact you about receiving the service.");
      else
        /* Translators: keep {name}, {request} and {date} as they are. */
        template = _("Peace be upon you, {name}. The research committee decided on your "
                     "request {request} on {date}. Please call or visit the association to "
                     "learn the decision and its reason.");
      break;
    case SILA_OUTREACH_OVERDUE_TO_TELL:
      /* Translators: keep {name}, {request} and {date} as they are. */
      template = _("Peace be upon you, {name}. Your request {request} was due for an answer on "
                   "{date} and is still being studied. We apologize for the delay and will "
                   "tell you as soon as it is decided.");
      break;
    case SILA_OUTREACH_SERVICE_FOLLOW_UP:
      /* Translators: keep {name}, {request} and {date} as they are. */
      template = _("Peace be upon you, {name}. The service of your request {request} was "
                   "delivered on {date}. How did it go? We would value your opinion in a short "
                   "satisfaction survey.");
      break;
    case SILA_OUTREACH_NO_CONTACT:
    case SILA_N_OUTREACH_REASONS:
    default:
      /* Translators: keep {name} and {date} as they are. */
      template = _("Peace be upon you, {name}. We have not heard from you since {date}. How are "
                   "you and your family? Tell us if you need anything: the association is here "
                   "to serve you.");
      break;
    }

  return fill (template, item->name, request, date);
}

static void
append_field (GString    *csv,
              const char *text,
              gboolean    last)
{
  g_autoptr(GString) quoted = g_string_new (text != NULL ? text : "");

  g_string_replace (quoted, "\"", "\"\"", 0);
  g_string_append_printf (csv, "\"%s\"%s", quoted->str, last ? "\r\n" : ",");
}

char *
sila_outreach_to_csv (GPtrArray *items)
{
  GString *csv = g_string_new ("name,phone,message\r\n");

  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      const SilaOutreachItem *item = g_ptr_array_index (items, i);
      g_autofree char *message = NULL;

      if (item->phone == NULL || *item->phone == '\0')
        continue;
      message = sila_outreach_message (item);
      append_field (csv, item->name, FALSE);
      append_field (csv, item->phone, FALSE);
      append_field (csv, message, TRUE);
    }

  return g_string_free (csv, FALSE);
}
