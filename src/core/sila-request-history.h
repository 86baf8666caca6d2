/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A past request as an office's log records it (the history import of
 * issue 8, sila-store-request-import.h): read and checked here, matched
 * with files and types and written by the store. */
#pragma once

#include <glib.h>

#include "sila-request.h"

G_BEGIN_DECLS

typedef enum {
  SILA_RH_NATIONAL_ID,
  SILA_RH_TYPE,
  SILA_RH_CHANNEL,
  SILA_RH_RECEIVED,
  SILA_RH_STATUS,
  SILA_RH_DECIDED,
  SILA_RH_REASON,
  SILA_RH_DELIVERED,
  SILA_RH_AMOUNT,
  SILA_RH_KIND,
  SILA_RH_DESCRIPTION,
  SILA_N_RH_FIELDS
} SilaRequestHistoryField;

typedef struct {
  char              *national_id;   /* as written */
  char              *type;          /* as written: a code or a name */
  SilaChannel        channel;
  SilaRequestStatus  status;        /* received, accepted, rejected, delivered, closed,
                                     * withdrawn */
  GDate              received;
  GDate              decided;       /* the decision; for withdrawn, the withdrawal */
  GDate              delivered;
  char              *reason;
  char              *kind;          /* sila_delivery_kind codes, or NULL */
  char              *description;
  gint64             halalas;
} SilaRequestHistory;

/* The column keys of the file: "national_id", "type", "channel",
 * "received", "status", "decided", "reason", "delivered",
 * "service_amount", "delivery_kind", "description". */
const char         *sila_request_history_field_to_key (SilaRequestHistoryField field);

/* Checks one row (@fields: one string per field, NULL or "" for empty).
 * NULL, with @field set to the one at fault and a message in the UI
 * language, for: an empty ID or type, an unknown channel or status, a bad
 * or future date, a day received outside the Umm al-Qura table (its Hijri
 * year numbers the request), a decision earlier than the receipt, a delivery earlier
 * than the decision, an amount that is not money (riyals, at most two
 * decimals), or what its status needs or forbids (a decision date from
 * accepted on, a reason for rejected, a delivery date and amount for
 * delivered and closed, no decision for a request still received, no
 * delivery before delivered). */
SilaRequestHistory *sila_request_history_parse    (const char * const       *fields,
                                                   SilaRequestHistoryField *field,
                                                   GError                 **error);
void                sila_request_history_free     (SilaRequestHistory      *history);
/* An empty one (dates cleared), for a request held to be compared with. */
SilaRequestHistory *sila_request_history_new      (void);

/* Whether two requests of one file and type are the same in every field
 * an import keeps: channel, status, the days received, decided and
 * delivered, the reason (kept with a decision or a withdrawal), the
 * amount and form of delivery (service by default) and the description.
 * national_id and type are the caller's to match. */
gboolean            sila_request_history_same     (const SilaRequestHistory *a,
                                                   const SilaRequestHistory *b);

/* Whether the committee decided a request with this status (accepted on),
 * and whether it was delivered. */
gboolean            sila_request_history_decided   (SilaRequestStatus        status);
gboolean            sila_request_history_delivered (SilaRequestStatus        status);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SilaRequestHistory, sila_request_history_free)

G_END_DECLS
