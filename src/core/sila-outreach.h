/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The daily outreach list (الوصول إلى المستفيد دون طلب): whom the office
 * should contact today, and why, so that nobody has to ask first (the
 * policy's general objective).
 *
 * The store gathers candidates with the cut-off days this unit computes
 * (SilaOutreachWindow); this unit decides, for each one, the day its reason
 * began and whether it is on the list:
 *  - an outbound contact that fits (about that request; about that file for
 *    no_contact) logged after the moment that put it there, and reaching
 *    the person (or with no outcome recorded), clears it; so does, for
 *    service_follow_up, a survey response linked to the request;
 *  - a call not answered (or a wrong number) hides it for the retry days
 *    (two by default: the day of the call and the next), then it is back;
 *  - a dismissal with a reason, after that moment, clears it. */
#pragma once

#include <glib.h>

#include "sila-contact.h"
#include "sila-request.h"

G_BEGIN_DECLS

/* The codes are fixed: scripts rely on them. */
typedef enum {
  SILA_OUTREACH_DOCUMENT_EXPIRING,  /* document_expiring   مستند قارب على الانتهاء */
  SILA_OUTREACH_DOCUMENTS_MISSING,  /* documents_missing   مستندات ناقصة */
  SILA_OUTREACH_DECISION_TO_TELL,   /* decision_to_tell    إبلاغ بقرار اللجنة */
  SILA_OUTREACH_OVERDUE_TO_TELL,    /* overdue_to_tell     إبلاغ بتأخر الطلب */
  SILA_OUTREACH_SERVICE_FOLLOW_UP,  /* service_follow_up   متابعة بعد تقديم الخدمة */
  SILA_OUTREACH_NO_CONTACT,         /* no_contact          انقطاع التواصل */
  SILA_N_OUTREACH_REASONS
} SilaOutreachReason;

const char *sila_outreach_reason_to_code    (SilaOutreachReason  reason);
const char *sila_outreach_reason_to_display (SilaOutreachReason  reason);
gboolean    sila_outreach_reason_from_code  (const char         *code,
                                             SilaOutreachReason *reason);

/* The office settings of sila-policy.h, in days. */
typedef struct {
  int expiry;
  int missing;
  int follow_up_from;
  int follow_up_until;
  int silence;
  int active;
  int retry;
} SilaOutreachRules;

void sila_outreach_rules_init (SilaOutreachRules *rules);
/* Sets the rule that office setting @key holds; FALSE for another key. */
gboolean sila_outreach_rules_set (SilaOutreachRules *rules,
                                  const char        *key,
                                  int                value);
/* The setting keys, NULL-terminated. */
const char * const *sila_outreach_rules_keys (void);

/* What the store's queries take for the list of @day: inclusive days. */
typedef struct {
  GDate day;
  GDate expiring_until;   /* a document expiring on or before */
  GDate missing_until;    /* a request received on or before, still at received */
  GDate follow_up_from;   /* a delivery on or after … */
  GDate follow_up_until;  /* … and on or before */
  GDate active_from;      /* a request received or delivered on or after */
  GDate silent_until;     /* last heard of on or before */
  char *day_end;          /* UTC instant the day ends: later contacts do not count */
} SilaOutreachWindow;

void sila_outreach_window_init  (SilaOutreachWindow      *window,
                                 const SilaOutreachRules *rules,
                                 const GDate             *day);
void sila_outreach_window_clear (SilaOutreachWindow      *window);

/* One person to contact, for one reason (and one request). */
typedef struct {
  SilaOutreachReason  reason;
  char               *beneficiary_id;
  gint64              file_number;
  char               *national_id;     /* or NULL */
  char               *name;
  char               *phone;           /* or NULL */
  char               *request_id;      /* NULL for no_contact */
  char               *request_number;
  char               *request_type;    /* its type code */
  SilaRequestStatus   status;          /* the request's, or SILA_REQUEST_NONE */
  char               *holder;          /* user name of the officer who holds it */
  char               *holder_name;
  /* The store's facts: the date the reason rests on (a document's expiry,
   * the day received, decided, due or delivered, the day last heard of). */
  GDate               basis;
  char               *reached_at;      /* newest fitting contact that reached them */
  char               *attempt_at;      /* newest fitting call not answered */
  GDate               surveyed;        /* newest survey response on the request */
  char               *dismissed_at;    /* newest dismissal */
  /* The core's decision. */
  GDate               since;           /* the day the reason began */
  GDate               shown_from;      /* since, or the day an unanswered call stops hiding it */
  char               *moment;          /* UTC instant after which a contact fits */
} SilaOutreachItem;

SilaOutreachItem *sila_outreach_item_new  (void);
void              sila_outreach_item_free (SilaOutreachItem *item);

typedef enum {
  SILA_OUTREACH_OFF,      /* not on the list */
  SILA_OUTREACH_LISTED,   /* on today's list */
  SILA_OUTREACH_WAITING,  /* a call was not answered: back on shown_from */
} SilaOutreachState;

/* Decides @item for @window's day: sets since, moment and shown_from, and
 * says whether it is on the list. */
SilaOutreachState sila_outreach_decide (SilaOutreachItem         *item,
                                        const SilaOutreachRules  *rules,
                                        const SilaOutreachWindow *window);

/* Whether a contact about @request_id (NULL: none) fits @item. */
gboolean sila_outreach_contact_fits (const SilaOutreachItem *item,
                                     const char             *request_id);

/* Oldest since first, then by file number, reason and request. */
int      sila_outreach_item_compare (gconstpointer a,
                                     gconstpointer b);

/* The suggested message, in the UI language, with the person's name, the
 * request number and the dates filled in: to read on the phone or to copy
 * into a text message. */
char    *sila_outreach_message (const SilaOutreachItem *item);

/* The list for an SMS service's bulk upload: a header "name,phone,message"
 * and a line per item with a phone, every field quoted (RFC 4180). */
char    *sila_outreach_to_csv (GPtrArray *items);

/* The UTC instant at which local day @date begins, in the form of the
 * database's timestamps. */
char    *sila_outreach_day_start (const GDate *date);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SilaOutreachItem, sila_outreach_item_free)

G_END_DECLS
