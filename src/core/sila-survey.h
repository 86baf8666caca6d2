/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Satisfaction surveys (قياس رضا المستفيد): templates of ordered questions,
 * the answers a person gives, and the rules they obey. No storage here: the
 * store keeps them (sila-store-surveys.h), the report layer counts them
 * (sila-survey-results.h).
 *
 * Codes are stable: question codes are named by scripts and import files
 * (the default template's are speed, courtesy, clarity, channel_ease,
 * information, overall, recommend, suggestion), and the same code keeps the
 * same kind in every template, so that results add up across templates. */
#pragma once

#include <glib-object.h>

#include "sila-i18n.h"

G_BEGIN_DECLS

typedef enum {
  SILA_QUESTION_LIKERT,     /* 1–5, very dissatisfied … very satisfied */
  SILA_QUESTION_RECOMMEND,  /* 0–10, would you recommend the association */
  SILA_QUESTION_YES_NO,
  SILA_QUESTION_CHOICE,     /* one of a list */
  SILA_QUESTION_TEXT,       /* free text */
  SILA_N_QUESTION_KINDS
} SilaQuestionKind;

/* How a response came in. Kiosk, paper and online responses are always
 * anonymous; an officer's may be linked to a request, a contact and a
 * beneficiary file unless the person asks to stay anonymous. */
typedef enum {
  SILA_SURVEY_MODE_OFFICER,  /* officer    with an officer */
  SILA_SURVEY_MODE_KIOSK,    /* kiosk      alone, on the kiosk screen */
  SILA_SURVEY_MODE_PAPER,    /* paper      a paper form, typed in or imported */
  SILA_SURVEY_MODE_ONLINE,   /* online     another form tool, imported */
  SILA_N_SURVEY_MODES
} SilaSurveyMode;

/* The code of the template a new database starts with, and its questions. */
#define SILA_SURVEY_DEFAULT_TEMPLATE "satisfaction"
#define SILA_SURVEY_QUESTION_OVERALL   "overall"
#define SILA_SURVEY_QUESTION_RECOMMEND "recommend"

/* The small-group rule: no breakdown is shown for fewer responses. */
#define SILA_SURVEY_MIN_GROUP 5

#define SILA_SURVEY_CODE_MAX      32
#define SILA_SURVEY_NAME_MAX      120
#define SILA_SURVEY_QUESTION_MAX  300
#define SILA_SURVEY_TEXT_MAX      2000
#define SILA_SURVEY_MAX_QUESTIONS 40
#define SILA_SURVEY_MAX_CHOICES   20

const char *sila_question_kind_to_code     (SilaQuestionKind  kind);
gboolean    sila_question_kind_from_code   (const char       *code,
                                            SilaQuestionKind *kind);
const char *sila_question_kind_to_display  (SilaQuestionKind  kind);
/* Likert, recommend and yes/no answers are numbers the results average. */
gboolean    sila_question_kind_is_numeric  (SilaQuestionKind  kind);
void        sila_question_kind_get_range   (SilaQuestionKind  kind,
                                            int              *min,
                                            int              *max);

const char *sila_survey_mode_to_code       (SilaSurveyMode    mode);
const char *sila_survey_mode_to_display    (SilaSurveyMode    mode);
/* Reads a mode from its code or its Arabic or English name. */
gboolean    sila_survey_mode_parse         (const char       *text,
                                            SilaSurveyMode   *mode,
                                            GError          **error);

/* The label of a Likert point (1–5) and of the ends of the 0–10 scale, in
 * @language: the kiosk shows them in the language the person chose. */
const char *sila_survey_likert_label       (int               value,
                                            SilaLanguage      language);

/* Question, template and choice codes: a lowercase ASCII letter, then
 * letters, digits or "_", at most SILA_SURVEY_CODE_MAX. Returns the code in
 * the form kept (trimmed, lowercase) or NULL with a message. */
char       *sila_survey_check_code         (const char       *code,
                                            GError          **error);
/* Column names an import file uses for something other than a question. */
gboolean    sila_survey_code_is_reserved   (const char       *code);

typedef struct {
  char *code;
  char *text_ar;
  char *text_en;
} SilaSurveyChoice;

typedef struct {
  char             *id;        /* NULL until stored */
  char             *code;
  SilaQuestionKind  kind;
  char             *text_ar;
  char             *text_en;
  gboolean          required;
  GPtrArray        *choices;   /* SilaSurveyChoice, for SILA_QUESTION_CHOICE */
} SilaSurveyQuestion;

typedef struct {
  char      *id;               /* NULL until stored */
  char      *code;
  char      *name_ar;
  char      *name_en;
  gboolean   is_default;
  char      *retired_at;       /* NULL while in use */
  gint64     rev;              /* for optimistic locking; 0 until stored */
  gint64     n_responses;      /* filled by the store */
  GPtrArray *questions;        /* SilaSurveyQuestion, in order */
} SilaSurveyTemplate;

#define SILA_TYPE_SURVEY_TEMPLATE (sila_survey_template_get_type ())

SilaSurveyChoice   *sila_survey_choice_new          (const char               *code,
                                                     const char               *text_ar,
                                                     const char               *text_en);
void                sila_survey_choice_free         (SilaSurveyChoice         *choice);
SilaSurveyQuestion *sila_survey_question_new        (const char               *code,
                                                     SilaQuestionKind          kind,
                                                     const char               *text_ar,
                                                     const char               *text_en,
                                                     gboolean                  required);
SilaSurveyQuestion *sila_survey_question_copy       (const SilaSurveyQuestion *question);
void                sila_survey_question_free       (SilaSurveyQuestion       *question);
const char         *sila_survey_question_get_text   (const SilaSurveyQuestion *question,
                                                     SilaLanguage              language);
/* A short name for charts and tables: "Speed", "Courtesy and respect"…
 * for the default template's codes, else the question's own wording. */
const char         *sila_survey_question_get_short_name (const SilaSurveyQuestion *question,
                                                         SilaLanguage              language);
const SilaSurveyChoice *
                    sila_survey_question_find_choice (const SilaSurveyQuestion *question,
                                                      const char               *text);
const char         *sila_survey_choice_get_text     (const SilaSurveyChoice   *choice,
                                                     SilaLanguage              language);

GType               sila_survey_template_get_type   (void) G_GNUC_CONST;
SilaSurveyTemplate *sila_survey_template_new        (const char               *code,
                                                     const char               *name_ar,
                                                     const char               *name_en);
SilaSurveyTemplate *sila_survey_template_copy       (const SilaSurveyTemplate *tpl);
void                sila_survey_template_free       (SilaSurveyTemplate       *tpl);
const char         *sila_survey_template_get_name   (const SilaSurveyTemplate *tpl,
                                                     SilaLanguage              language);
gboolean            sila_survey_template_is_retired (const SilaSurveyTemplate *tpl);
const SilaSurveyQuestion *
                    sila_survey_template_find       (const SilaSurveyTemplate *tpl,
                                                     const char               *code);
/* The template a new database starts with, drawn from the policy's
 * objectives, in Arabic and English. */
SilaSurveyTemplate *sila_survey_template_new_default (void);

/* Where a template's problem lies, so that the editor shows the message
 * beside the right field. */
typedef enum {
  SILA_SURVEY_FIELD_NONE,
  SILA_SURVEY_FIELD_CODE,
  SILA_SURVEY_FIELD_NAME_AR,
  SILA_SURVEY_FIELD_NAME_EN,
  SILA_SURVEY_FIELD_QUESTIONS,
  SILA_SURVEY_FIELD_QUESTION_CODE,
  SILA_SURVEY_FIELD_QUESTION_KIND,
  SILA_SURVEY_FIELD_QUESTION_TEXT_AR,
  SILA_SURVEY_FIELD_QUESTION_TEXT_EN,
  SILA_SURVEY_FIELD_QUESTION_CHOICES,
} SilaSurveyField;

typedef struct {
  SilaSurveyField field;
  int             question;  /* index, or -1 */
} SilaSurveyProblem;

/* Checks and normalizes a template in place (codes lowercased, texts
 * trimmed). On failure @problem (may be NULL) says where. */
gboolean            sila_survey_template_check      (SilaSurveyTemplate       *tpl,
                                                     SilaSurveyProblem        *problem,
                                                     GError                  **error);

/* One answer, as the results count it. */
typedef struct {
  gboolean  answered;
  int       value;    /* likert 1–5, recommend 0–10, yes/no 1 or 0 */
  char     *choice;   /* the choice's code */
  char     *text;     /* free text */
} SilaSurveyAnswer;

/* Reads an answer as typed, imported or tapped: digits in any script for
 * numbers; yes/no as yes, no, نعم, لا, 1, 0; a choice by its code or its
 * Arabic or English text. Empty text is "not answered" (TRUE, answered
 * FALSE). An answer out of range or not understood is an error saying what
 * is allowed. */
gboolean            sila_survey_answer_parse        (const SilaSurveyQuestion *question,
                                                     const char               *text,
                                                     SilaSurveyAnswer         *answer,
                                                     GError                  **error);
void                sila_survey_answer_clear        (SilaSurveyAnswer         *answer);

/* A response being filled in: by an officer's form, the kiosk, or a row of
 * an import file. Links are UUIDs of rows other parts of the app keep
 * (beneficiary files, requests, contacts); an anonymous response has none,
 * and never records who took it. */
typedef struct {
  SilaSurveyTemplate *tpl;            /* owned */
  GDate               answered_on;
  char               *channel;        /* a channel code, or NULL */
  SilaSurveyMode      mode;
  gboolean            anonymous;
  char               *request_type;   /* a request type code, or NULL */
  char               *beneficiary_id;
  char               *request_id;
  char               *contact_id;
  SilaSurveyAnswer   *answers;        /* one per question, in template order */
} SilaSurveyResponse;

SilaSurveyResponse *sila_survey_response_new        (const SilaSurveyTemplate *tpl,
                                                     SilaSurveyMode            mode);
void                sila_survey_response_free       (SilaSurveyResponse       *response);
SilaSurveyAnswer   *sila_survey_response_get_answer (SilaSurveyResponse       *response,
                                                     const char               *code);
guint               sila_survey_response_count_answered (const SilaSurveyResponse *response);
/* Links a response to the rows it is about; refused for an anonymous
 * response, and for ids that are not UUIDs. NULLs leave a link unset. */
gboolean            sila_survey_response_set_links  (SilaSurveyResponse       *response,
                                                     const char               *beneficiary_id,
                                                     const char               *request_id,
                                                     const char               *contact_id,
                                                     GError                  **error);
/* Sets the channel from its code or its Arabic or English name (NULL or
 * empty: none); an unknown channel is an error listing the codes. */
gboolean            sila_survey_response_set_channel (SilaSurveyResponse     *response,
                                                      const char             *text,
                                                      GError                **error);
/* Makes the response anonymous, dropping any link. */
void                sila_survey_response_make_anonymous (SilaSurveyResponse   *response);
/* The indexes (guint) of every required question left unanswered, in the
 * template's order, so that a form can mark them all at once. */
GArray             *sila_survey_response_missing_required (const SilaSurveyResponse *response);
/* Checks a response before it is saved: required questions answered (for
 * forms and the kiosk; a paper form imported keeps what the person
 * answered), at least one answer, anonymity kept, the date not in the
 * future. @bad_question receives the index of the question at fault, or
 * -1. */
gboolean            sila_survey_response_check      (const SilaSurveyResponse *response,
                                                     gboolean                  enforce_required,
                                                     int                      *bad_question,
                                                     GError                  **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SilaSurveyChoice, sila_survey_choice_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SilaSurveyQuestion, sila_survey_question_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SilaSurveyTemplate, sila_survey_template_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SilaSurveyResponse, sila_survey_response_free)

G_END_DECLS
