/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-core"

#include "sila-config.h"

#include <glib/gi18n-lib.h>

#include "sila-arabic.h"
#include "sila-clock.h"
#include "sila-date.h"
#include "sila-hijri.h"
#include "sila-money.h"
#include "sila-request-history.h"
#include "sila-text.h"
#include "sila-validation.h"

static const char *const keys[SILA_N_RH_FIELDS] = {
  "national_id", "type", "channel", "received", "status", "decided", "reason", "delivered",
  "service_amount", "delivery_kind", "description",
};

const char *
sila_request_history_field_to_key (SilaRequestHistoryField field)
{
  g_return_val_if_fail (field < SILA_N_RH_FIELDS, NULL);

  return keys[field];
}

void
sila_request_history_free (SilaRequestHistory *history)
{
  if (history == NULL)
    return;

  g_free (history->national_id);
  g_free (history->type);
  g_free (history->reason);
  g_free (history->kind);
  g_free (history->description);
  g_free (history);
}

gboolean
sila_request_history_decided (SilaRequestStatus status)
{
  return status == SILA_REQUEST_ACCEPTED || status == SILA_REQUEST_REJECTED ||
         status == SILA_REQUEST_DELIVERED || status == SILA_REQUEST_CLOSED;
}

gboolean
sila_request_history_delivered (SilaRequestStatus status)
{
  return status == SILA_REQUEST_DELIVERED || status == SILA_REQUEST_CLOSED;
}

/* The day of the decision as kept: a withdrawal with no day of its own is
 * kept on the day received. */
static const GDate *
decided_day (const SilaRequestHistory *h)
{
  if (h->status == SILA_REQUEST_WITHDRAWN && !g_date_valid (&h->decided))
    return &h->received;
  return &h->decided;
}

static gboolean
same_day (const GDate *a,
          const GDate *b)
{
  if (!g_date_valid (a) || !g_date_valid (b))
    return g_date_valid (a) == g_date_valid (b);
  return g_date_compare (a, b) == 0;
}

gboolean
sila_request_history_same (const SilaRequestHistory *a,
                           const SilaRequestHistory *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (a->channel != b->channel || a->status != b->status ||
      !same_day (&a->received, &b->received) || !same_day (decided_day (a), decided_day (b)) ||
      g_strcmp0 (a->description, b->description) != 0)
    return FALSE;
  /* A reason is kept with a decision or a withdrawal only. */
  if ((sila_request_history_decided (a->status) || a->status == SILA_REQUEST_WITHDRAWN) &&
      g_strcmp0 (a->reason, b->reason) != 0)
    return FALSE;
  if (sila_request_history_delivered (a->status) &&
      (!same_day (&a->delivered, &b->delivered) || a->halalas != b->halalas ||
       g_strcmp0 (a->kind != NULL ? a->kind : "service",
                  b->kind != NULL ? b->kind : "service") != 0))
    return FALSE;
  return TRUE;
}

SilaRequestHistory *
sila_request_history_new (void)
{
  SilaRequestHistory *h = g_new0 (SilaRequestHistory, 1);

  g_date_clear (&h->received, 1);
  g_date_clear (&h->decided, 1);
  g_date_clear (&h->delivered, 1);
  return h;
}

static gboolean
blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

static gboolean
fail (SilaRequestHistoryField  at,
      SilaRequestHistoryField *field,
      GError                 **error,
      const char              *message)
{
  *field = at;
  g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID, message);
  return FALSE;
}

/* A date in either calendar, not in the future. */
static gboolean
read_date (const char               *text,
           GDate                    *date,
           SilaRequestHistoryField   at,
           SilaRequestHistoryField  *field,
           GError                  **error)
{
  if (sila_date_parse_guess (text, date, NULL, error) &&
      sila_date_check_not_future (date, error))
    return TRUE;
  *field = at;
  return FALSE;
}

/* The status, among the six a history holds. */
static gboolean
read_status (const char         *text,
             SilaRequestStatus  *status)
{
  static const SilaRequestStatus allowed[] = {
    SILA_REQUEST_RECEIVED, SILA_REQUEST_ACCEPTED, SILA_REQUEST_REJECTED,
    SILA_REQUEST_DELIVERED, SILA_REQUEST_CLOSED, SILA_REQUEST_WITHDRAWN,
  };

  if (!sila_request_status_parse (text, status, NULL))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (allowed); i++)
    if (*status == allowed[i])
      return TRUE;
  return FALSE;
}

static char *
read_kind (const char *text)
{
  const char * const *kinds = sila_delivery_kind_codes ();
  g_autofree char *key = sila_arabic_normalize_tokens (text);

  for (guint i = 0; kinds[i] != NULL; i++)
    {
      g_autofree char *code = sila_arabic_normalize_tokens (kinds[i]);
      g_autofree char *name = sila_arabic_normalize_tokens (sila_delivery_kind_to_display (kinds[i]));

      if (g_str_equal (key, code) || g_str_equal (key, name))
        return g_strdup (kinds[i]);
    }
  return NULL;
}

/* What the status needs: a decision, a reason, a delivery. */
static gboolean
check_outcome (SilaRequestHistory       *h,
               const char * const       *fields,
               SilaRequestHistoryField  *field,
               GError                  **error)
{
  const char *decided = fields[SILA_RH_DECIDED];
  const char *delivered = fields[SILA_RH_DELIVERED];
  const char *amount = fields[SILA_RH_AMOUNT];

  if (sila_request_history_decided (h->status) && blank (decided))
    return fail (SILA_RH_DECIDED, field, error,
                 _("A request the committee decided needs the date of its decision."));
  if (h->status == SILA_REQUEST_RECEIVED && !blank (decided))
    return fail (SILA_RH_DECIDED, field, error,
                 _("A request still waiting for the committee has no decision date."));
  if (!blank (decided))
    {
      if (!read_date (decided, &h->decided, SILA_RH_DECIDED, field, error))
        return FALSE;
      if (g_date_compare (&h->decided, &h->received) < 0)
        return fail (SILA_RH_DECIDED, field, error,
                     h->status == SILA_REQUEST_WITHDRAWN
                     ? _("The request cannot be withdrawn before it was received.")
                     : _("The decision cannot be earlier than the day the request was "
                         "received."));
    }

  if (h->status == SILA_REQUEST_REJECTED && blank (fields[SILA_RH_REASON]))
    return fail (SILA_RH_REASON, field, error,
                 _("A rejected request needs the reason for rejecting it."));

  if (!sila_request_history_delivered (h->status))
    {
      if (!blank (delivered) || !blank (amount))
        return fail (blank (delivered) ? SILA_RH_AMOUNT : SILA_RH_DELIVERED, field, error,
                     _("A delivery is recorded only for a request whose status is delivered "
                       "or closed."));
      return TRUE;
    }

  if (blank (delivered))
    return fail (SILA_RH_DELIVERED, field, error,
                 _("A delivered request needs the date of the delivery."));
  if (!read_date (delivered, &h->delivered, SILA_RH_DELIVERED, field, error))
    return FALSE;
  if (g_date_compare (&h->delivered, &h->decided) < 0)
    return fail (SILA_RH_DELIVERED, field, error,
                 _("The delivery cannot be earlier than the committee’s decision."));
  if (blank (amount))
    return fail (SILA_RH_AMOUNT, field, error,
                 _("A delivered request needs the value of the service, in riyals."));
  if (!sila_money_parse (amount, 0, &h->halalas, error))
    {
      *field = SILA_RH_AMOUNT;
      return FALSE;
    }
  return TRUE;
}

SilaRequestHistory *
sila_request_history_parse (const char * const       *fields,
                            SilaRequestHistoryField  *field,
                            GError                  **error)
{
  g_autoptr(SilaRequestHistory) h = sila_request_history_new ();
  const char *text;

  g_return_val_if_fail (fields != NULL && field != NULL, NULL);

  if (blank (fields[SILA_RH_NATIONAL_ID]))
    {
      fail (SILA_RH_NATIONAL_ID, field, error, _("The ID number is missing."));
      return NULL;
    }
  h->national_id = g_strstrip (g_strdup (fields[SILA_RH_NATIONAL_ID]));

  if (blank (fields[SILA_RH_TYPE]))
    {
      fail (SILA_RH_TYPE, field, error, _("The request type is missing."));
      return NULL;
    }
  h->type = sila_text_clean_line (fields[SILA_RH_TYPE], 120, TRUE, error);
  if (h->type == NULL)
    {
      *field = SILA_RH_TYPE;
      return NULL;
    }

  if (!sila_channel_parse (fields[SILA_RH_CHANNEL], &h->channel, error))
    {
      *field = SILA_RH_CHANNEL;
      return NULL;
    }

  if (!read_date (fields[SILA_RH_RECEIVED], &h->received, SILA_RH_RECEIVED, field, error))
    return NULL;
  /* The request's number carries the Hijri year it was received in. */
  if (!sila_hijri_in_range (&h->received))
    {
      GDate first, last;
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;
      g_autofree char *message = NULL;

      sila_hijri_get_range (&first, &last);
      from = sila_date_to_iso (&first);
      to = sila_date_to_iso (&last);
      /* Translators: the two dates are the first and last days of the
       * Umm al-Qura calendar's table, as YYYY-MM-DD. */
      message = g_strdup_printf (_("The day received is outside the Umm al-Qura calendar "
                                   "(%s to %s): check its year."), from, to);
      fail (SILA_RH_RECEIVED, field, error, message);
      return NULL;
    }

  if (!read_status (fields[SILA_RH_STATUS], &h->status))
    {
      g_autofree char *message =
        /* Translators: the codes stay in English: scripts and files use them. */
        g_strdup_printf (_("The status must be one of: %s."),
                         "received, accepted, rejected, delivered, closed, withdrawn");

      fail (SILA_RH_STATUS, field, error, message);
      return NULL;
    }

  if (!check_outcome (h, fields, field, error))
    return NULL;

  text = fields[SILA_RH_REASON];
  if (!blank (text))
    {
      h->reason = sila_text_clean_line (text, SILA_REQUEST_TEXT_MAX, TRUE, error);
      if (h->reason == NULL)
        {
          *field = SILA_RH_REASON;
          return NULL;
        }
    }

  text = fields[SILA_RH_KIND];
  if (!blank (text))
    {
      h->kind = read_kind (text);
      if (h->kind == NULL)
        {
          g_autofree char *codes = g_strjoinv (", ", (char **)sila_delivery_kind_codes ());
          g_autofree char *message = g_strdup_printf (_("The form of delivery must be one of: "
                                                        "%s."), codes);

          fail (SILA_RH_KIND, field, error, message);
          return NULL;
        }
    }

  text = fields[SILA_RH_DESCRIPTION];
  if (!blank (text))
    {
      h->description = sila_text_clean_line (text, SILA_REQUEST_TEXT_MAX, TRUE, error);
      if (h->description == NULL)
        {
          *field = SILA_RH_DESCRIPTION;
          return NULL;
        }
    }

  return g_steal_pointer (&h);
}
