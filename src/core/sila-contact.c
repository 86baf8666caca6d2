/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-core"

#include "sila-config.h"

#include <glib/gi18n-lib.h>

#include "sila-clock.h"
#include "sila-contact.h"
#include "sila-date.h"
#include "sila-request-input.h"
#include "sila-text.h"
#include "sila-validation.h"

static const struct {
  const char *code;
  const char *display;
} kinds[SILA_N_CONTACT_KINDS] = {
  { "inquiry",   N_("Inquiry") },
  { "referral",  N_("Referral to the social researcher") },
  { "follow_up", N_("Follow-up") },
  { "outreach",  N_("Outreach") },
}, directions[SILA_N_DIRECTIONS] = {
  { "inbound",  N_("From the person") },
  { "outbound", N_("From the office") },
}, statuses[SILA_N_CONTACT_STATUSES] = {
  { "open",     N_("Awaiting an answer") },
  { "referred", N_("With the researcher") },
  { "answered", N_("Answered") },
}, outcomes[SILA_N_OUTCOMES] = {
  { "reached",      N_("Reached") },
  { "no_answer",    N_("No answer") },
  { "wrong_number", N_("Wrong number") },
};

static const char *keys[SILA_N_CF_FIELDS] = {
  "channel", "direction", "kind", "caller", "question", "answer", "asked", "referred_to",
};

static int
find_code (const char *code,
           const void *table,
           guint       n)
{
  const struct { const char *code; const char *display; } *t = table;

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (code, t[i].code) == 0)
      return (int)i;

  return -1;
}

const char *
sila_contact_kind_to_code (SilaContactKind kind)
{
  g_return_val_if_fail (kind < SILA_N_CONTACT_KINDS, NULL);
  return kinds[kind].code;
}

const char *
sila_contact_kind_to_display (SilaContactKind kind)
{
  g_return_val_if_fail (kind < SILA_N_CONTACT_KINDS, NULL);
  return _(kinds[kind].display);
}

gboolean
sila_contact_kind_from_code (const char      *code,
                             SilaContactKind *kind)
{
  int i = find_code (code, kinds, SILA_N_CONTACT_KINDS);

  if (i < 0)
    return FALSE;
  *kind = (SilaContactKind)i;
  return TRUE;
}

const char *
sila_contact_direction_to_code (SilaContactDirection direction)
{
  g_return_val_if_fail (direction < SILA_N_DIRECTIONS, NULL);
  return directions[direction].code;
}

const char *
sila_contact_direction_to_display (SilaContactDirection direction)
{
  g_return_val_if_fail (direction < SILA_N_DIRECTIONS, NULL);
  return _(directions[direction].display);
}

gboolean
sila_contact_direction_from_code (const char           *code,
                                  SilaContactDirection *direction)
{
  int i = find_code (code, directions, SILA_N_DIRECTIONS);

  if (i < 0)
    return FALSE;
  *direction = (SilaContactDirection)i;
  return TRUE;
}

const char *
sila_contact_status_to_code (SilaContactStatus status)
{
  g_return_val_if_fail (status < SILA_N_CONTACT_STATUSES, NULL);
  return statuses[status].code;
}

const char *
sila_contact_status_to_display (SilaContactStatus status)
{
  g_return_val_if_fail (status < SILA_N_CONTACT_STATUSES, NULL);
  return _(statuses[status].display);
}

gboolean
sila_contact_status_from_code (const char        *code,
                               SilaContactStatus *status)
{
  int i = find_code (code, statuses, SILA_N_CONTACT_STATUSES);

  if (i < 0)
    return FALSE;
  *status = (SilaContactStatus)i;
  return TRUE;
}

const char *
sila_contact_outcome_to_code (SilaContactOutcome outcome)
{
  if (outcome == SILA_OUTCOME_NONE)
    return NULL;
  g_return_val_if_fail (outcome < SILA_N_OUTCOMES, NULL);
  return outcomes[outcome].code;
}

const char *
sila_contact_outcome_to_display (SilaContactOutcome outcome)
{
  if (outcome == SILA_OUTCOME_NONE)
    return "";
  g_return_val_if_fail (outcome < SILA_N_OUTCOMES, NULL);
  return _(outcomes[outcome].display);
}

gboolean
sila_contact_outcome_from_code (const char         *code,
                                SilaContactOutcome *outcome)
{
  int i;

  if (code == NULL || *code == '\0' || g_str_equal (code, "none"))
    {
      *outcome = SILA_OUTCOME_NONE;
      return TRUE;
    }
  i = find_code (code, outcomes, SILA_N_OUTCOMES);
  if (i < 0)
    return FALSE;
  *outcome = (SilaContactOutcome)i;
  return TRUE;
}

const char *
sila_contact_field_to_key (SilaContactField field)
{
  g_return_val_if_fail (field < SILA_N_CF_FIELDS, NULL);
  return keys[field];
}

SilaContact *
sila_contact_new (void)
{
  SilaContact *contact = g_new0 (SilaContact, 1);

  contact->answer_seconds = -1;
  contact->outcome = SILA_OUTCOME_NONE;
  return contact;
}

void
sila_contact_free (SilaContact *contact)
{
  if (contact == NULL)
    return;

  g_free (contact->id);
  g_free (contact->beneficiary_id);
  g_free (contact->beneficiary_name);
  g_free (contact->caller);
  g_free (contact->question);
  g_free (contact->answer);
  g_free (contact->asked_at);
  g_free (contact->answered_at);
  g_free (contact->handled_by);
  g_free (contact->handled_by_name);
  g_free (contact->answered_by);
  g_free (contact->answered_by_name);
  g_free (contact->referred_to);
  g_free (contact->referred_to_name);
  g_free (contact->request_id);
  g_free (contact->request_number);
  g_free (contact);
}

/* Takes *@error and leaves NULL there, ready for the next check. */
static void
refuse (SilaFieldErrors  *errors,
        SilaContactField  field,
        GError          **error)
{
  sila_field_errors_take (errors, keys[field], error);
}

static void
refuse_message (SilaFieldErrors  *errors,
                SilaContactField  field,
                int               code,
                const char       *message)
{
  sila_field_errors_add (errors, keys[field], SILA_VALIDATION_ERROR, code, message);
}

/* When it was asked: now, or a day typed (then its start, in UTC, so that
 * the time to answer counts from that day). */
static char *
parse_asked (const char  *text,
             GError     **error)
{
  GDate date;
  g_autofree char *iso = NULL;
  g_autofree char *now = sila_clock_timestamp ();

  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (*trimmed == '\0')
    return g_steal_pointer (&now);

  if (!sila_date_parse_guess (text, &date, NULL, error) ||
      !sila_date_check_not_future (&date, error))
    return NULL;

  iso = sila_date_to_iso (&date);
  if (g_str_has_prefix (now, iso))
    return g_steal_pointer (&now);
  return g_strconcat (iso, "T00:00:00.000Z", NULL);
}

SilaContact *
sila_contact_parse (const char * const *fields,
                    const char         *beneficiary_id,
                    SilaFieldErrors    *errors)
{
  g_autoptr(SilaContact) contact = sila_contact_new ();
  GError *error = NULL;

  contact->beneficiary_id = g_strdup (beneficiary_id);

  if (!sila_channel_parse (fields[SILA_CF_CHANNEL], &contact->channel, &error))
    refuse (errors, SILA_CF_CHANNEL, &error);

  if (fields[SILA_CF_DIRECTION] == NULL || *fields[SILA_CF_DIRECTION] == '\0')
    contact->direction = SILA_DIRECTION_INBOUND;
  else if (!sila_contact_direction_from_code (fields[SILA_CF_DIRECTION], &contact->direction))
    refuse_message (errors, SILA_CF_DIRECTION, SILA_VALIDATION_ERROR_INVALID,
                    _("Choose who reached whom."));

  if (fields[SILA_CF_KIND] == NULL || *fields[SILA_CF_KIND] == '\0')
    contact->kind = SILA_CONTACT_INQUIRY;
  else if (!sila_contact_kind_from_code (fields[SILA_CF_KIND], &contact->kind))
    refuse_message (errors, SILA_CF_KIND, SILA_VALIDATION_ERROR_INVALID,
                    _("Choose what kind of contact it was."));

  contact->caller = sila_text_clean_line (fields[SILA_CF_CALLER], 120, FALSE, &error);
  if (error != NULL)
    refuse (errors, SILA_CF_CALLER, &error);
  else if (contact->caller != NULL && *contact->caller == '\0')
    g_clear_pointer (&contact->caller, g_free);

  contact->question = sila_text_clean_paragraph (fields[SILA_CF_QUESTION], SILA_CONTACT_TEXT_MAX,
                                                 &error);
  if (error != NULL)
    refuse (errors, SILA_CF_QUESTION, &error);
  else if (contact->question == NULL)
    refuse_message (errors, SILA_CF_QUESTION, SILA_VALIDATION_ERROR_REQUIRED,
                    _("Write what the person asked or what was said."));

  contact->answer = sila_text_clean_paragraph (fields[SILA_CF_ANSWER], SILA_CONTACT_TEXT_MAX,
                                               &error);
  if (error != NULL)
    refuse (errors, SILA_CF_ANSWER, &error);

  contact->asked_at = parse_asked (fields[SILA_CF_ASKED], &error);
  if (contact->asked_at == NULL)
    refuse (errors, SILA_CF_ASKED, &error);

  if (contact->kind == SILA_CONTACT_REFERRAL)
    {
      if (contact->answer != NULL)
        refuse_message (errors, SILA_CF_ANSWER, SILA_VALIDATION_ERROR_INVALID,
                        _("A referral is answered by the researcher: leave the "
                          "answer empty."));
      contact->referred_to = g_strdup (fields[SILA_CF_REFERRED_TO] != NULL &&
                                       *fields[SILA_CF_REFERRED_TO] != '\0'
                                       ? fields[SILA_CF_REFERRED_TO] : NULL);
      contact->status = SILA_CONTACT_REFERRED;
    }
  else
    contact->status = contact->answer != NULL ? SILA_CONTACT_ANSWERED : SILA_CONTACT_OPEN;

  if (!sila_field_errors_is_empty (errors))
    return NULL;

  return g_steal_pointer (&contact);
}

gboolean
sila_contact_set_outcome (SilaContact         *contact,
                          SilaContactOutcome   outcome,
                          GError             **error)
{
  g_return_val_if_fail (contact != NULL, FALSE);

  if (outcome != SILA_OUTCOME_NONE && contact->direction != SILA_DIRECTION_OUTBOUND)
    {
      g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                           _("Only a call or message from the office has an outcome."));
      return FALSE;
    }

  contact->outcome = outcome;
  return TRUE;
}
