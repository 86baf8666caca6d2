/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Support requests in the store: the office's request and document types
 * and checklists; opening a request from a beneficiary's file; its
 * documents and scans; every step of the workflow, decided by the core
 * (sila-request-workflow.h) and refused here, whoever calls, when the
 * policy or the acting role forbids it; reading a request whole, and lists
 * of them for screens of any size.
 *
 * Every call checks the acting staff member's role; every change is one
 * transaction with its audit entry. Errors are SILA_STORE_ERROR: DENIED for
 * a role, INVALID for what the policy refuses (message from the core),
 * NOT_FOUND, CONFLICT when someone else moved the request meanwhile. */
#pragma once

#include <gio/gio.h>

#include "sila-request-input.h"
#include "sila-request-workflow.h"
#include "sila-store.h"

G_BEGIN_DECLS

#define SILA_AUDIT_ENTITY_REQUEST "request"

/* The office's lists. Reading them needs no permission (they are not
 * personal data); changing them needs request.configure. */
GPtrArray   *sila_store_list_request_types    (SilaStore        *self,
                                               gboolean          include_retired,
                                               GError          **error);
GPtrArray   *sila_store_list_document_types   (SilaStore        *self,
                                               gboolean          include_retired,
                                               GError          **error);
/* The checklist of one request type (SilaChecklistRule, optional and
 * required only), or of every type when @request_type is NULL. */
GPtrArray   *sila_store_list_checklist        (SilaStore        *self,
                                               const char       *request_type,
                                               GError          **error);
gboolean     sila_store_add_request_type      (SilaStore        *self,
                                               const SilaActor  *actor,
                                               const char       *name_ar,
                                               const char       *name_en,
                                               char            **code,
                                               GError          **error);
gboolean     sila_store_update_request_type   (SilaStore        *self,
                                               const SilaActor  *actor,
                                               const char       *code,
                                               const char       *name_ar,
                                               const char       *name_en,
                                               gboolean          retired,
                                               GError          **error);
gboolean     sila_store_add_document_type     (SilaStore        *self,
                                               const SilaActor  *actor,
                                               const char       *name_ar,
                                               const char       *name_en,
                                               gboolean          expires,
                                               char            **code,
                                               GError          **error);
gboolean     sila_store_update_document_type  (SilaStore        *self,
                                               const SilaActor  *actor,
                                               const char       *code,
                                               const char       *name_ar,
                                               const char       *name_en,
                                               gboolean          expires,
                                               gboolean          retired,
                                               GError          **error);
/* Requests opened later follow the new checklist; open ones keep theirs. */
gboolean     sila_store_set_checklist_rule    (SilaStore        *self,
                                               const SilaActor  *actor,
                                               const char       *request_type,
                                               const char       *document_type,
                                               SilaRequirement   requirement,
                                               GError          **error);

/* Opening a request (request.open). @request comes from
 * sila_request_input_parse(); the store sets its id, number, due date
 * (received + the office's answer window), who received it, and its
 * checklist from the request type. The first step of its timeline is
 * "received". */
gboolean     sila_store_open_request          (SilaStore        *self,
                                               const SilaActor  *actor,
                                               SilaRequest      *request,
                                               GError          **error);

/* Reading a whole request: checklist, timeline, report, decision,
 * deliveries. get() by id, find() by number; both NOT_FOUND if none. */
SilaRequest *sila_store_get_request           (SilaStore        *self,
                                               const SilaActor  *actor,
                                               const char       *id,
                                               GError          **error);
SilaRequest *sila_store_find_request          (SilaStore        *self,
                                               const SilaActor  *actor,
                                               const char       *number,
                                               GError          **error);

/* A document of the checklist (request.documents): its status and expiry
 * (@expires NULL keeps the one it has). A document the checklist lacks is
 * added as optional. The core decides what may be recorded
 * (sila_request_document_check_status(): a type that expires is not
 * verified without its date). Provided or verified with an expiry before
 * the day it is submitted, it is recorded as expired and @recorded says
 * so. Verified records who and when. @note: why it was rejected, or NULL. */
gboolean     sila_store_set_request_document  (SilaStore          *self,
                                               const SilaActor    *actor,
                                               const char         *request_id,
                                               const char         *document_type,
                                               SilaDocumentStatus  status,
                                               const GDate        *expires,
                                               const char         *note,
                                               SilaDocumentStatus *recorded,
                                               GError            **error);
/* The expiry date of a document, typed on its own (@expires NULL clears
 * it): the document keeps its status, and the same rules hold as above —
 * a verified document of a type that expires keeps a date; a date before
 * the day it was submitted makes it expired. */
gboolean     sila_store_set_request_document_expiry (SilaStore          *self,
                                                     const SilaActor    *actor,
                                                     const char         *request_id,
                                                     const char         *document_type,
                                                     const GDate        *expires,
                                                     SilaDocumentStatus *recorded,
                                                     GError            **error);
/* A scanned document (PDF, JPEG or PNG by its content, at most
 * SILA_ATTACHMENT_MAX_BYTES), kept in the database so that backups carry
 * it. A missing document becomes provided. */
gboolean     sila_store_attach_request_document (SilaStore        *self,
                                                 const SilaActor  *actor,
                                                 const char       *request_id,
                                                 const char       *document_type,
                                                 const char       *file_name,
                                                 GBytes           *content,
                                                 GError          **error);
GBytes      *sila_store_get_request_document_file (SilaStore        *self,
                                                   const SilaActor  *actor,
                                                   const char       *request_id,
                                                   const char       *document_type,
                                                   char            **file_name,
                                                   char            **mime_type,
                                                   GError          **error);
/* What a file is, by its content: "application/pdf", "image/jpeg" or
 * "image/png", or NULL with a message (empty, too large, another kind). */
char        *sila_attachment_check            (GBytes           *content,
                                               GError          **error);

/* One step of the workflow. @expected_rev: the request's rev as read, or
 * 0 not to check. */
gboolean     sila_store_move_request          (SilaStore            *self,
                                               const SilaActor      *actor,
                                               const char           *request_id,
                                               gint64                expected_rev,
                                               SilaRequestStatus     to,
                                               const SilaStepInput  *input,
                                               GError              **error);
/* Assigns (or, with NULL, unassigns) the social researcher of a request
 * referred to research (request.refer). @researcher must hold the
 * researcher role. */
gboolean     sila_store_assign_researcher     (SilaStore        *self,
                                               const SilaActor  *actor,
                                               const char       *request_id,
                                               const char       *researcher,
                                               GError          **error);
/* The applicant's declaration, signed after the request was opened
 * (request.open): drawn (@signature: strokes) or on paper. */
gboolean     sila_store_sign_request          (SilaStore        *self,
                                               const SilaActor  *actor,
                                               const char       *request_id,
                                               SilaDeclaration   declaration,
                                               const char       *signature,
                                               GError          **error);

/* Lists. */
typedef enum {
  SILA_REQUEST_ORDER_NEWEST,  /* the latest received first */
  SILA_REQUEST_ORDER_DUE,     /* the nearest due date first (queues) */
} SilaRequestOrder;

typedef struct {
  int               status;          /* a SilaRequestStatus, or -1 for any */
  gboolean          open_only;       /* not closed, withdrawn or rejected-and-closed */
  const char       *type;            /* a request type code, or NULL */
  int               channel;         /* a SilaChannel, or -1 */
  gboolean          overdue_only;
  gboolean          attention_only;  /* overdue or due soon */
  const char       *researcher;      /* in research with them or with nobody yet */
  const char       *beneficiary_id;
  const char       *text;            /* a request number, or part of the name */
  SilaRequestOrder  order;
} SilaRequestFilter;

void         sila_request_filter_init         (SilaRequestFilter *filter);

#define SILA_TYPE_REQUEST_ROW (sila_request_row_get_type ())
G_DECLARE_FINAL_TYPE (SilaRequestRow, sila_request_row, SILA, REQUEST_ROW, GObject)

gint64             sila_request_row_get_seq          (SilaRequestRow *self);
const char        *sila_request_row_get_id           (SilaRequestRow *self);
const char        *sila_request_row_get_number       (SilaRequestRow *self);
const char        *sila_request_row_get_beneficiary  (SilaRequestRow *self);
gint64             sila_request_row_get_file_number  (SilaRequestRow *self);
const char        *sila_request_row_get_type_display (SilaRequestRow *self);
SilaChannel        sila_request_row_get_channel      (SilaRequestRow *self);
SilaRequestStatus  sila_request_row_get_status       (SilaRequestRow *self);
const GDate       *sila_request_row_get_received     (SilaRequestRow *self);
const GDate       *sila_request_row_get_due          (SilaRequestRow *self);
const char        *sila_request_row_get_researcher   (SilaRequestRow *self); /* name, or NULL */
gboolean           sila_request_row_is_overdue       (SilaRequestRow *self);
gboolean           sila_request_row_is_due_soon      (SilaRequestRow *self);

/* For lazy lists: the keys (seq) of every request the filter keeps, in
 * its order (cheap even for 300,000), then the rows of a page of them. */
GArray      *sila_store_list_request_keys     (SilaStore               *self,
                                               const SilaActor         *actor,
                                               const SilaRequestFilter *filter,
                                               GError                 **error);
GPtrArray   *sila_store_get_request_rows      (SilaStore               *self,
                                               const SilaActor         *actor,
                                               const gint64            *keys,
                                               guint                    n,
                                               GError                 **error);
/* A small list at once (a beneficiary's requests, a queue): at most
 * @limit rows. */
GPtrArray   *sila_store_list_requests         (SilaStore               *self,
                                               const SilaActor         *actor,
                                               const SilaRequestFilter *filter,
                                               guint                    limit,
                                               GError                 **error);

/* The requests of @type that @beneficiary_id has (SilaRequestBrief),
 * newest first, for the repeat warning (sila_request_find_repeat). */
GPtrArray   *sila_store_list_request_briefs   (SilaStore               *self,
                                               const SilaActor         *actor,
                                               const char              *beneficiary_id,
                                               const char              *type,
                                               GError                 **error);

G_END_DECLS
