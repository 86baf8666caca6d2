/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The contacts log (سجل التواصل): every contact with a beneficiary or an
 * anonymous member of the public — an inquiry and its answer, a referral
 * of a person's questions to the social researcher (policy: when the
 * procedures are unclear to them), an outbound follow-up — with its
 * channel, so that the office sees which channels people use and how fast
 * they are answered (answered_at − asked_at). */
#pragma once

#include <glib.h>

#include "sila-channel.h"
#include "sila-field-errors.h"

G_BEGIN_DECLS

typedef enum {
  SILA_CONTACT_INQUIRY,    /* inquiry    استفسار */
  SILA_CONTACT_REFERRAL,   /* referral   إحالة للباحث الاجتماعي */
  SILA_CONTACT_FOLLOW_UP,  /* follow_up  متابعة */
  SILA_CONTACT_OUTREACH,   /* outreach   الوصول إلى المستفيد دون طلب */
  SILA_N_CONTACT_KINDS
} SilaContactKind;

typedef enum {
  SILA_DIRECTION_INBOUND,   /* inbound: the person reached the office */
  SILA_DIRECTION_OUTBOUND,  /* outbound: the office reached the person */
  SILA_N_DIRECTIONS
} SilaContactDirection;

typedef enum {
  SILA_CONTACT_OPEN,       /* open      بانتظار الرد */
  SILA_CONTACT_REFERRED,   /* referred  محال للباحث */
  SILA_CONTACT_ANSWERED,   /* answered  تم الرد */
  SILA_N_CONTACT_STATUSES
} SilaContactStatus;

/* How an outbound call or message went. A contact logged without one
 * (before outreach, or an inbound one) has SILA_OUTCOME_NONE and counts as
 * having reached the person. */
typedef enum {
  SILA_OUTCOME_NONE = -1,
  SILA_OUTCOME_REACHED,       /* reached       تم التواصل */
  SILA_OUTCOME_NO_ANSWER,     /* no_answer     لم يرد */
  SILA_OUTCOME_WRONG_NUMBER,  /* wrong_number  رقم خاطئ */
  SILA_N_OUTCOMES
} SilaContactOutcome;

#define SILA_CONTACT_TEXT_MAX 4000

const char *sila_contact_kind_to_code        (SilaContactKind       kind);
const char *sila_contact_kind_to_display     (SilaContactKind       kind);
gboolean    sila_contact_kind_from_code      (const char           *code,
                                              SilaContactKind      *kind);
const char *sila_contact_direction_to_code   (SilaContactDirection  direction);
const char *sila_contact_direction_to_display (SilaContactDirection direction);
gboolean    sila_contact_direction_from_code (const char           *code,
                                              SilaContactDirection *direction);
const char *sila_contact_status_to_code      (SilaContactStatus     status);
const char *sila_contact_status_to_display   (SilaContactStatus     status);
gboolean    sila_contact_status_from_code    (const char           *code,
                                              SilaContactStatus    *status);
const char *sila_contact_outcome_to_code     (SilaContactOutcome    outcome);
const char *sila_contact_outcome_to_display  (SilaContactOutcome    outcome);
/* Also accepts "none" and "" (SILA_OUTCOME_NONE). */
gboolean    sila_contact_outcome_from_code   (const char           *code,
                                              SilaContactOutcome   *outcome);

typedef struct {
  char                 *id;
  gint64                seq;
  gint64                rev;
  char                 *beneficiary_id;   /* NULL: anonymous */
  gint64                file_number;
  char                 *beneficiary_name;
  char                 *caller;           /* who it was, when anonymous: a name or a phone */
  SilaChannel           channel;
  SilaContactDirection  direction;
  SilaContactKind       kind;
  SilaContactStatus     status;
  char                 *question;
  char                 *answer;
  char                 *asked_at;         /* timestamp */
  char                 *answered_at;      /* timestamp, or NULL */
  gint64                answer_seconds;   /* -1 until answered */
  char                 *handled_by;       /* user name of who took it */
  char                 *handled_by_name;
  char                 *answered_by;
  char                 *answered_by_name;
  char                 *referred_to;      /* the researcher's user name, or NULL */
  char                 *referred_to_name;
  char                 *request_id;       /* a request it is about, or NULL */
  char                 *request_number;
  SilaContactOutcome    outcome;          /* outbound calls: how it went */
} SilaContact;

SilaContact *sila_contact_new  (void);
void         sila_contact_free (SilaContact *contact);

/* The quick-entry form, as typed. */
typedef enum {
  SILA_CF_CHANNEL,
  SILA_CF_DIRECTION,
  SILA_CF_KIND,
  SILA_CF_CALLER,
  SILA_CF_QUESTION,
  SILA_CF_ANSWER,       /* answered on the spot, or empty */
  SILA_CF_ASKED,        /* when it was asked: a date, or empty for now */
  SILA_CF_REFERRED_TO,  /* a researcher's user name, for a referral */
  SILA_N_CF_FIELDS
} SilaContactField;

const char  *sila_contact_field_to_key (SilaContactField field);

/* Checks the form and returns the contact to save (the store sets who and
 * the ids), or NULL with each refusal in @errors. @beneficiary_id may be
 * NULL (anonymous). */
SilaContact *sila_contact_parse        (const char * const *fields,
                                        const char         *beneficiary_id,
                                        SilaFieldErrors    *errors);

/* Records how an outbound call went; an inbound contact has no outcome
 * (SILA_VALIDATION_ERROR). */
gboolean     sila_contact_set_outcome  (SilaContact        *contact,
                                        SilaContactOutcome  outcome,
                                        GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SilaContact, sila_contact_free)

G_END_DECLS
