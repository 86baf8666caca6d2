/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Surveys in the database: templates, responses, the counts results are
 * computed from (sila-survey-results.h), the kiosk PIN. Every call checks
 * the acting staff member's permission; dates are "YYYY-MM-DD". */
#pragma once

#include "sila-import-progress.h"
#include "sila-store.h"
#include "sila-survey.h"

G_BEGIN_DECLS

/* Templates. Reading them needs any survey permission (taking, importing,
 * results, templates). */
GPtrArray          *sila_store_list_survey_templates   (SilaStore                *self,
                                                        const SilaActor          *actor,
                                                        gboolean                  include_retired,
                                                        GError                  **error);
/* By code or id; a retired template is found too (its answers stay
 * readable). NOT_FOUND if there is none. */
SilaSurveyTemplate *sila_store_get_survey_template     (SilaStore                *self,
                                                        const SilaActor          *actor,
                                                        const char               *code_or_id,
                                                        GError                  **error);
SilaSurveyTemplate *sila_store_get_default_survey_template (SilaStore            *self,
                                                        const SilaActor          *actor,
                                                        GError                  **error);
/* Creates @tpl (id NULL) or updates it (its id and rev as read). A
 * template that has answers keeps its questions' codes, kinds and choices
 * and loses none (copy it to change them); its wording can be corrected
 * and questions added. A code keeps its kind across templates. On a
 * refusal @problem says which field is at fault. Fills in @tpl's ids and
 * rev. */
gboolean            sila_store_save_survey_template    (SilaStore                *self,
                                                        const SilaActor          *actor,
                                                        SilaSurveyTemplate       *tpl,
                                                        SilaSurveyProblem        *problem,
                                                        GError                  **error);
/* Retires a template (no new responses; its answers stay in the results)
 * or brings it back. The default template cannot be retired. */
gboolean            sila_store_retire_survey_template  (SilaStore                *self,
                                                        const SilaActor          *actor,
                                                        const char               *id,
                                                        gboolean                  retire,
                                                        GError                  **error);
gboolean            sila_store_set_default_survey_template (SilaStore            *self,
                                                        const SilaActor          *actor,
                                                        const char               *id,
                                                        GError                  **error);

/* Responses. Saves @response in one transaction; @id (may be NULL)
 * receives the new response's id. A linked response is audited with its
 * links; an anonymous one is not audited at all and keeps no staff member,
 * no link and no time of day. */
gboolean            sila_store_add_survey_response     (SilaStore                *self,
                                                        const SilaActor          *actor,
                                                        const SilaSurveyResponse *response,
                                                        char                    **id,
                                                        GError                  **error);

/* The hook for requests, contacts and beneficiary files: the responses
 * linked to one of them (never an anonymous one), newest first. Each item
 * is a GStrv { id, answered_on, template code }. */
typedef enum {
  SILA_SURVEY_LINK_BENEFICIARY,
  SILA_SURVEY_LINK_REQUEST,
  SILA_SURVEY_LINK_CONTACT,
} SilaSurveyLink;

GPtrArray          *sila_store_find_survey_responses   (SilaStore                *self,
                                                        const SilaActor          *actor,
                                                        SilaSurveyLink            link,
                                                        const char               *id,
                                                        GError                  **error);

/* Import batches: a file is imported once (by its SHA-256). */
gboolean            sila_store_find_survey_import      (SilaStore                *self,
                                                        const char               *sha256,
                                                        char                    **imported_at,
                                                        GError                  **error);
/* Saves the responses of one import file and records the batch, all in
 * one transaction: either all of them are saved or none. */
gboolean            sila_store_import_survey_responses (SilaStore                *self,
                                                        const SilaActor          *actor,
                                                        const SilaSurveyTemplate *tpl,
                                                        GPtrArray                *responses,
                                                        const char               *file_name,
                                                        const char               *sha256,
                                                        guint                     n_rejected,
                                                        GError                  **error);

/* The same with progress and Stop (sila-import-progress.h; @options may
 * be NULL): a stopped import rolls back whole (G_IO_ERROR_CANCELLED). */
gboolean            sila_store_import_survey_responses_full (SilaStore                *self,
                                                             const SilaActor          *actor,
                                                             const SilaSurveyTemplate *tpl,
                                                             GPtrArray                *responses,
                                                             const char               *file_name,
                                                             const char               *sha256,
                                                             guint                     n_rejected,
                                                             const SilaImportOptions  *options,
                                                             GError                  **error);

/* Results: the running counts for [@from, @to], grouped. Needs
 * survey.results. */
typedef enum {
  SILA_SURVEY_GROUP_NONE,          /* everything together */
  SILA_SURVEY_GROUP_CHANNEL,
  SILA_SURVEY_GROUP_REQUEST_TYPE,
  SILA_SURVEY_GROUP_MONTH,         /* Gregorian month, "YYYY-MM" */
} SilaSurveyGroup;

typedef struct {
  char   *group;   /* the channel, request type or month; "" for none */
  char   *code;    /* question code; "" for the number of responses */
  char   *value;   /* the answer ("5", a choice's code); "" for counts and texts */
  gint64  n;
} SilaSurveyCount;

void                sila_survey_count_free             (SilaSurveyCount          *count);
GPtrArray          *sila_store_survey_counts           (SilaStore                *self,
                                                        const SilaActor          *actor,
                                                        const char               *from,
                                                        const char               *to,
                                                        SilaSurveyGroup           group,
                                                        GError                  **error);
/* The same figures counted straight from every answer, without the
 * running counts: for tests and the benchmark's floor. */
GPtrArray          *sila_store_survey_counts_raw       (SilaStore                *self,
                                                        const SilaActor          *actor,
                                                        const char               *from,
                                                        const char               *to,
                                                        SilaSurveyGroup           group,
                                                        GError                  **error);

/* The questions answered in [@from, @to] by code, with their kind and
 * wording (from the newest template that asks them), in template order. */
GPtrArray          *sila_store_survey_questions_in     (SilaStore                *self,
                                                        const SilaActor          *actor,
                                                        const char               *from,
                                                        const char               *to,
                                                        GError                  **error);

/* Free-text answers in [@from, @to], newest first, at most @limit. */
typedef struct {
  char *answered_on;
  char *channel;
  char *code;       /* question code */
  char *text;
  gboolean anonymous;
} SilaSurveyText;

void                sila_survey_text_free              (SilaSurveyText           *text);
GPtrArray          *sila_store_survey_texts            (SilaStore                *self,
                                                        const SilaActor          *actor,
                                                        const char               *from,
                                                        const char               *to,
                                                        guint                     limit,
                                                        GError                  **error);

/* The kiosk PIN: 4 to 8 digits, kept as an Argon2id hash in the office
 * settings. Setting it needs kiosk.pin; checking it needs no one, since
 * the person at the kiosk is not signed in. */
gboolean            sila_store_has_kiosk_pin           (SilaStore                *self);
gboolean            sila_store_set_kiosk_pin           (SilaStore                *self,
                                                        const SilaActor          *actor,
                                                        const char               *pin,
                                                        GError                  **error);
gboolean            sila_store_check_kiosk_pin         (SilaStore                *self,
                                                        const char               *pin);
/* Records the start and the end of a kiosk session in the audit trail:
 * who started it and who ended it, never what was answered. */
gboolean            sila_store_audit_kiosk             (SilaStore                *self,
                                                        const SilaActor          *actor,
                                                        gboolean                  started,
                                                        GError                  **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SilaSurveyCount, sila_survey_count_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SilaSurveyText, sila_survey_text_free)

G_END_DECLS
