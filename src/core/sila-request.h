/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A beneficiary's support request (طلب دعم مستفيد): its statuses, its
 * document checklist, its due date, and what the store reads back.
 *
 * Codes (statuses, document statuses, declaration kinds) are stable: they
 * are stored in the database and named by scripts (SPEC.md). The workflow
 * — which status may follow which, who may take the step and what it
 * needs — is in sila-request-workflow.h. */
#pragma once

#include <glib.h>

#include "sila-channel.h"
#include "sila-i18n.h"

G_BEGIN_DECLS

typedef enum {
  SILA_REQUEST_NONE = -1,            /* before the first step */
  SILA_REQUEST_RECEIVED,             /* received            مستلم */
  SILA_REQUEST_DOCUMENTS_COMPLETE,   /* documents_complete  مكتمل المستندات */
  SILA_REQUEST_IN_RESEARCH,          /* in_research         محال للبحث الاجتماعي */
  SILA_REQUEST_RESEARCH_DONE,        /* research_done       تم البحث الاجتماعي */
  SILA_REQUEST_WITH_COMMITTEE,       /* with_committee      لدى لجنة البحث */
  SILA_REQUEST_ACCEPTED,             /* accepted            مقبول */
  SILA_REQUEST_REJECTED,             /* rejected            مرفوض */
  SILA_REQUEST_REGISTERED,           /* registered          مسجل */
  SILA_REQUEST_DELIVERED,            /* delivered           تم تقديم الخدمة */
  SILA_REQUEST_CLOSED,               /* closed              مغلق */
  SILA_REQUEST_WITHDRAWN,            /* withdrawn           ملغي */
  SILA_N_REQUEST_STATUSES
} SilaRequestStatus;

typedef enum {
  SILA_DOCUMENT_MISSING,    /* missing   ناقص */
  SILA_DOCUMENT_PROVIDED,   /* provided  مقدَّم */
  SILA_DOCUMENT_VERIFIED,   /* verified  تم التحقق */
  SILA_DOCUMENT_EXPIRED,    /* expired   منتهي الصلاحية */
  SILA_DOCUMENT_REJECTED,   /* rejected  مرفوض */
  SILA_N_DOCUMENT_STATUSES
} SilaDocumentStatus;

/* The applicant's declaration that the data is correct (policy: the
 * applicant signs and is responsible for it). */
typedef enum {
  SILA_DECLARATION_PENDING,  /* pending: not signed yet */
  SILA_DECLARATION_DRAWN,    /* drawn: signed on the screen */
  SILA_DECLARATION_PAPER,    /* paper: signed on the printed form */
} SilaDeclaration;

/* Whether a request type asks for a document type. */
typedef enum {
  SILA_REQUIREMENT_NONE,
  SILA_REQUIREMENT_OPTIONAL,
  SILA_REQUIREMENT_REQUIRED,
} SilaRequirement;

/* A request counts as "due soon" this many days before its due date. */
#define SILA_REQUEST_DUE_SOON_DAYS  3
#define SILA_REQUEST_TEXT_MAX       4000
/* A scanned document kept in the database (and so in every backup). */
#define SILA_ATTACHMENT_MAX_BYTES   (8 * 1024 * 1024)

const char *sila_request_status_to_code      (SilaRequestStatus   status);
/* A code, or the Arabic or English name, after normalization. */
gboolean    sila_request_status_parse        (const char         *text,
                                              SilaRequestStatus  *status,
                                              GError            **error);
const char *sila_request_status_to_display   (SilaRequestStatus   status);
/* Received … with the committee: the answer window still runs. */
gboolean    sila_request_status_awaits_answer (SilaRequestStatus  status);
/* Closed or withdrawn: nothing more happens. */
gboolean    sila_request_status_is_final     (SilaRequestStatus   status);
/* A step that cannot be taken back (the committee's acceptance or
 * rejection, a withdrawal): the window asks before taking it. */
gboolean    sila_request_step_is_irreversible (SilaRequestStatus  to);
/* The codes of the statuses that await an answer, and of the final ones,
 * in the order of the procedure; NULL-terminated, static. The store
 * builds its queries from these lists, not from a copy of them. */
const char * const *sila_request_awaiting_codes (void);
const char * const *sila_request_final_codes    (void);

const char *sila_document_status_to_code     (SilaDocumentStatus  status);
gboolean    sila_document_status_parse       (const char         *text,
                                              SilaDocumentStatus *status,
                                              GError            **error);
const char *sila_document_status_to_display  (SilaDocumentStatus  status);

const char *sila_declaration_to_code         (SilaDeclaration     declaration);
gboolean    sila_declaration_from_code       (const char         *code,
                                              SilaDeclaration    *declaration);

/* Due dates: received + the office's answer window, in days. */
void        sila_request_compute_due         (const GDate        *received,
                                              int                 window_days,
                                              GDate              *due);
gboolean    sila_request_is_overdue          (SilaRequestStatus   status,
                                              const GDate        *due,
                                              const GDate        *today);
gboolean    sila_request_is_due_soon         (SilaRequestStatus   status,
                                              const GDate        *due,
                                              const GDate        *today);
/* "Due in 3 days", "Due today", "Overdue by 2 days", or NULL once the
 * request was answered. */
char       *sila_request_describe_due        (SilaRequestStatus   status,
                                              const GDate        *due,
                                              const GDate        *today);

/* Request numbers people read aloud: the Hijri year of receipt and a
 * serial within it, "1446-00017". */
char       *sila_request_number_format       (guint               hijri_year,
                                              gint64              serial);
/* Cleans what a person typed ("١٤٤٦-١٧", " 1446/17 ") into the stored
 * form, or NULL with a message. */
char       *sila_request_number_normalize    (const char         *text,
                                              GError            **error);

/* The expiry rule of the policy: documents must be valid when they are
 * submitted. A document provided or verified with an expiry date before
 * the day it was submitted is recorded as expired. */
SilaDocumentStatus sila_document_status_at_submission (SilaDocumentStatus  wanted,
                                                       const GDate        *expires,
                                                       const GDate        *submitted);

/* "Expired" is found from a document's expiry date, never chosen: FALSE
 * with a message for SILA_DOCUMENT_EXPIRED. */
gboolean    sila_document_status_check_chosen (SilaDocumentStatus  status,
                                               GError            **error);

/* An entry of the office's editable lists: request types and document
 * types (only document types use @expires). */
typedef struct {
  char     *code;
  char     *name_ar;
  char     *name_en;
  gboolean  expires;
  gboolean  retired;  /* kept for old requests, not offered for new ones */
} SilaTypeEntry;

SilaTypeEntry *sila_type_entry_new         (const char          *code,
                                            const char          *name_ar,
                                            const char          *name_en,
                                            gboolean             expires,
                                            gboolean             retired);
void           sila_type_entry_free        (SilaTypeEntry       *entry);
const char    *sila_type_entry_get_display (const SilaTypeEntry *entry);
/* The entry @text names among @entries: its code (any case), or its
 * Arabic or English name after normalization; retired entries only when
 * @allow_retired. NULL with a SILA_VALIDATION_ERROR listing the codes. */
const SilaTypeEntry *sila_type_entry_parse (GPtrArray           *entries,
                                            const char          *text,
                                            gboolean             allow_retired,
                                            GError             **error);
/* The name in the UI language of a pair of names. */
const char    *sila_pick_name              (const char          *name_ar,
                                            const char          *name_en);

/* One line of a request type's checklist. */
typedef struct {
  char            *request_type;
  char            *document_type;
  SilaRequirement  requirement;
} SilaChecklistRule;

SilaChecklistRule *sila_checklist_rule_new  (const char      *request_type,
                                             const char      *document_type,
                                             SilaRequirement  requirement);
void               sila_checklist_rule_free (SilaChecklistRule *rule);

/* One document of one request. */
typedef struct {
  char               *type;        /* document type code */
  char               *name_ar;
  char               *name_en;
  gboolean            type_expires;
  gboolean            required;
  SilaDocumentStatus  status;
  GDate               expires;     /* invalid: none recorded */
  GDate               submitted;   /* invalid: not submitted yet */
  char               *verified_by; /* user name, or NULL */
  char               *verified_by_name;
  char               *verified_at; /* timestamp, or NULL */
  char               *note;        /* why it was rejected, or NULL */
  char               *file_name;   /* the scanned file, or NULL */
  char               *file_mime;
  gint64              file_size;
  char               *updated_by;
  char               *updated_at;
} SilaRequestDocument;

SilaRequestDocument *sila_request_document_new          (void);
void                 sila_request_document_free         (SilaRequestDocument       *document);
const char          *sila_request_document_get_display  (const SilaRequestDocument *document);
/* Why this document keeps the request from the committee, in the UI
 * language ("missing", "provided, not verified yet", "expired on …"), or
 * NULL when it does not (optional, or verified and valid). */
char                *sila_request_document_problem      (const SilaRequestDocument *document);
/* Whether @document may be recorded as @status with the expiry date
 * @expires (the one it will have: NULL or invalid is none). "Expired" is
 * not chosen (above); a document of a type that expires (an ID copy, a
 * lease, a medical report: SilaTypeEntry.expires) is not verified without
 * its date, or the policy's check (valid on the day it was submitted)
 * could never run. SILA_VALIDATION_ERROR, in the UI language. */
gboolean             sila_request_document_check_status (const SilaRequestDocument *document,
                                                         SilaDocumentStatus         status,
                                                         const GDate               *expires,
                                                         GError                   **error);
/* The status @document is recorded with when only its expiry date is
 * changed: the one it has, except that a document found expired and given
 * another date is provided again (an officer verifies it anew). */
SilaDocumentStatus   sila_request_document_status_with_new_expiry (const SilaRequestDocument *document);
/* The status @document takes when its scan is attached: a missing
 * document was brought (provided); any other keeps its status. */
SilaDocumentStatus   sila_request_document_status_with_scan (const SilaRequestDocument *document);
/* What is said when @document, wanted as @wanted, was recorded as expired
 * (sila_document_status_at_submission()). */
char                *sila_request_document_describe_expired (const SilaRequestDocument *document,
                                                             SilaDocumentStatus         wanted);

/* A step of the request's timeline. */
typedef struct {
  SilaRequestStatus  from;
  SilaRequestStatus  status;
  char              *by;               /* user name */
  char              *by_name;          /* display name, or NULL */
  char              *at;               /* timestamp */
  gint64             elapsed_seconds;  /* since the previous step; -1 for the first */
  char              *reason;
  char              *note;
} SilaRequestEvent;

void sila_request_event_free (SilaRequestEvent *event);

typedef struct {
  char  *researcher;
  char  *researcher_name;
  GDate  visit_date;        /* invalid: no visit */
  char  *findings;
  char  *recommendation;
  char  *written_at;
} SilaResearchReport;

typedef struct {
  SilaRequestStatus  decision;  /* accepted or rejected */
  char              *reason;
  GDate              decided_on;
  char              *members;   /* the members present, one per line */
  char              *recorded_by;
  char              *recorded_at;
} SilaCommitteeDecision;

typedef struct {
  char   *kind;                 /* sila_delivery_kind codes */
  char   *description;
  gint64  amount_halalas;
  GDate   delivered_on;
  char   *delivered_by;
  char   *delivered_by_name;
  char   *recorded_at;
} SilaDelivery;

void sila_research_report_free     (SilaResearchReport    *report);
void sila_committee_decision_free  (SilaCommitteeDecision *decision);
void sila_delivery_free            (SilaDelivery          *delivery);

/* What was delivered: the kinds of service. */
const char * const *sila_delivery_kind_codes      (void);
const char         *sila_delivery_kind_to_display (const char *code);

typedef struct _SilaRequest SilaRequest;

struct _SilaRequest
{
  /* Set by the store. */
  char              *id;          /* UUID */
  char              *number;      /* "1446-00017" */
  gint64             seq;         /* stable key of lists */
  gint64             rev;
  char              *created_at;
  char              *updated_at;
  char              *status_at;   /* when the present status began */

  /* Whose request. */
  char              *beneficiary_id;
  gint64             file_number;
  char              *beneficiary_name;
  char              *beneficiary_id_number;
  char              *beneficiary_mobile;

  char              *type;        /* request type code */
  char              *type_name_ar;
  char              *type_name_en;
  SilaChannel        channel;
  SilaRequestStatus  status;
  GDate              received;
  GDate              due;
  char              *received_by;
  char              *received_by_name;
  char              *description;
  gint64             amount_asked;  /* halalas; -1 when not asked */

  SilaDeclaration    declaration;
  char              *signature;   /* strokes (sila-signature.h), or NULL */
  char              *signed_at;

  char              *researcher;  /* assigned researcher's user name, or NULL */
  char              *researcher_name;

  GPtrArray         *documents;   /* SilaRequestDocument */
  GPtrArray         *events;      /* SilaRequestEvent, oldest first */
  SilaResearchReport    *research;  /* or NULL */
  SilaCommitteeDecision *decision;  /* or NULL */
  GPtrArray         *deliveries;  /* SilaDelivery */
};

/* What the repeat rule needs of a request the person already has. */
typedef struct {
  char              *number;
  SilaRequestStatus  status;
  GDate              decided_on;   /* invalid when the committee has not decided */
} SilaRequestBrief;

/* A request decided this many days ago or less still counts as recent. */
#define SILA_REQUEST_REPEAT_DAYS 90

void                    sila_request_brief_free      (SilaRequestBrief *brief);
/* Among @held (SilaRequestBrief: the person's requests of the type about to
 * be opened), the one that makes a new request a repeat, or NULL: one still
 * open (not closed nor withdrawn) first, else one the committee decided on
 * in the last SILA_REQUEST_REPEAT_DAYS days before @today. A withdrawn
 * request never counts. The new request is not refused: the officer is
 * warned and may go on. */
const SilaRequestBrief *sila_request_find_repeat     (GPtrArray        *held,
                                                      const GDate      *today);
/* The warning, in the UI language: which request, and why it counts. */
char                   *sila_request_describe_repeat (const SilaRequestBrief *brief);

SilaRequest *sila_request_new                (void);
void         sila_request_free               (SilaRequest       *request);
const char  *sila_request_get_type_display   (const SilaRequest *request);
gboolean     sila_request_is_overdue_today   (const SilaRequest *request);
/* The required documents that keep the request from the committee, as
 * one sentence ("Copy of the national ID: missing; …"), or NULL. */
char        *sila_request_describe_checklist (const SilaRequest *request);
/* What the request waits for now, in a short sentence for its screen:
 * the next step of the procedure, and, while the committee is still ahead,
 * the required documents that would keep it from going there. */
char        *sila_request_describe_next      (const SilaRequest *request);
/* The document of type @type, or NULL. */
SilaRequestDocument *sila_request_find_document (const SilaRequest *request,
                                                 const char        *type);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SilaRequest, sila_request_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SilaRequestBrief, sila_request_brief_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SilaTypeEntry, sila_type_entry_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SilaRequestDocument, sila_request_document_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SilaChecklistRule, sila_checklist_rule_free)

G_END_DECLS
