/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The suggestions and complaints register (المقترحات والشكاوى): what came in,
 * through which channel, who is responsible, the answer given and by when.
 * An item moves new → in progress → answered → closed, never back. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  SILA_FEEDBACK_SUGGESTION,  /* suggestion  مقترح */
  SILA_FEEDBACK_COMPLAINT,   /* complaint   شكوى */
  SILA_N_FEEDBACK_KINDS
} SilaFeedbackKind;

typedef enum {
  SILA_FEEDBACK_NEW,          /* new          جديد */
  SILA_FEEDBACK_IN_PROGRESS,  /* in_progress  قيد المعالجة */
  SILA_FEEDBACK_ANSWERED,     /* answered     تم الرد */
  SILA_FEEDBACK_CLOSED,       /* closed       مغلق */
  SILA_N_FEEDBACK_STATUSES
} SilaFeedbackStatus;

#define SILA_FEEDBACK_TEXT_MAX 4000
#define SILA_FEEDBACK_NAME_MAX 120

const char *sila_feedback_kind_to_code       (SilaFeedbackKind     kind);
const char *sila_feedback_kind_to_display    (SilaFeedbackKind     kind);
gboolean    sila_feedback_kind_parse         (const char          *text,
                                              SilaFeedbackKind    *kind,
                                              GError             **error);
const char *sila_feedback_status_to_code     (SilaFeedbackStatus   status);
const char *sila_feedback_status_to_display  (SilaFeedbackStatus   status);
gboolean    sila_feedback_status_parse       (const char          *text,
                                              SilaFeedbackStatus  *status,
                                              GError             **error);
/* New or in progress: still to be answered. */
gboolean    sila_feedback_status_is_open     (SilaFeedbackStatus   status);
/* The codes of the open statuses; NULL-terminated, static. The store's
 * queries are built from it. */
const char * const *sila_feedback_open_codes (void);
/* Whether an item may move from @from to @to; FALSE with a message that
 * says why (in the UI language) otherwise. */
gboolean    sila_feedback_can_move           (SilaFeedbackStatus   from,
                                              SilaFeedbackStatus   to,
                                              GError             **error);

typedef struct {
  char               *id;               /* NULL until stored */
  gint64              number;           /* the register's number; 0 until stored */
  gint64              rev;
  SilaFeedbackKind    kind;
  SilaFeedbackStatus  status;
  char               *channel;          /* a channel code, or NULL */
  GDate               received_on;
  GDate               due_on;
  char               *description;
  char               *submitter;        /* the name given, if any */
  char               *responsible;      /* who answers it */
  char               *answer;
  GDate               answered_on;      /* cleared while not answered */
  GDate               closed_on;
  gboolean            anonymous;        /* from an anonymous survey: no one to name */
  char               *beneficiary_id;   /* links to other parts of the app, or NULL */
  char               *request_id;
  char               *contact_id;
  gboolean            from_survey;      /* a survey's free text turned into an item */
  char               *created_by;       /* staff user name */
  char               *updated_at;
} SilaFeedbackItem;

/* Where an item's problem lies, so that the form shows the message beside
 * the right field. */
typedef enum {
  SILA_FEEDBACK_FIELD_NONE,
  SILA_FEEDBACK_FIELD_KIND,
  SILA_FEEDBACK_FIELD_CHANNEL,
  SILA_FEEDBACK_FIELD_RECEIVED,
  SILA_FEEDBACK_FIELD_DUE,
  SILA_FEEDBACK_FIELD_DESCRIPTION,
  SILA_FEEDBACK_FIELD_SUBMITTER,
  SILA_FEEDBACK_FIELD_RESPONSIBLE,
  SILA_FEEDBACK_FIELD_ANSWER,
  SILA_FEEDBACK_FIELD_STATUS,
} SilaFeedbackField;

SilaFeedbackItem *sila_feedback_item_new        (SilaFeedbackKind        kind);
SilaFeedbackItem *sila_feedback_item_copy       (const SilaFeedbackItem *item);
void              sila_feedback_item_free       (SilaFeedbackItem       *item);
/* Checks and normalizes an item in place before it is saved. */
gboolean          sila_feedback_item_check      (SilaFeedbackItem       *item,
                                                 SilaFeedbackField      *field,
                                                 GError                **error);
/* Everything decided before an item is saved, from @item as the form gave
 * it and @stored as the register holds it (NULL for a new item): it is
 * checked and normalized (above); it never moves back; a survey's item is
 * anonymous; where an item came from does not change; and the dates of its
 * steps are stamped as they are taken — answered and closed on @today the
 * first time, cleared when it is not (or no longer) there. */
gboolean          sila_feedback_item_prepare_save (SilaFeedbackItem       *item,
                                                   const SilaFeedbackItem *stored,
                                                   const GDate            *today,
                                                   SilaFeedbackField      *field,
                                                   GError                **error);
/* Still open (new or in progress) and past its due date. */
gboolean          sila_feedback_item_is_overdue (const SilaFeedbackItem *item,
                                                 const GDate            *today);
/* Days past due (0 if not overdue). */
int               sila_feedback_item_days_overdue (const SilaFeedbackItem *item,
                                                   const GDate            *today);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SilaFeedbackItem, sila_feedback_item_free)

G_END_DECLS
