/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Survey templates: question kinds and response modes, codes, choices,
 * questions and templates, the default template, and the rules a template
 * obeys. A person's answers are in sila-survey-response.c. */
#define G_LOG_DOMAIN "sila-core"

#include "sila-config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sila-arabic.h"
#include "sila-display.h"
#include "sila-survey.h"
#include "sila-text.h"
#include "sila-validation.h"

G_DEFINE_BOXED_TYPE (SilaSurveyTemplate, sila_survey_template,
                     sila_survey_template_copy, sila_survey_template_free)

static const struct {
  const char *code;
  const char *display;
} kinds[SILA_N_QUESTION_KINDS] = {
  { "likert",    N_("Rating from 1 to 5") },
  { "recommend", N_("Recommend, from 0 to 10") },
  { "yes_no",    N_("Yes or no") },
  { "choice",    N_("One of a list") },
  { "text",      N_("Free text") },
};

static const struct {
  const char *code;
  const char *display;
  const char *arabic[4];  /* names an import file may use, besides the code */
} modes[SILA_N_SURVEY_MODES] = {
  { "officer", N_("With an officer"), { "مع الموظف", "موظف", "مقابلة", NULL } },
  { "kiosk",   N_("Kiosk"),           { "الكشك", "كشك", "شاشة الاستبيان", NULL } },
  { "paper",   N_("Paper form"),      { "ورقي", "ورقية", "استمارة ورقية", NULL } },
  { "online",  N_("Online form"),     { "إلكتروني", "الكتروني", "نموذج إلكتروني", NULL } },
};

/* What the kiosk and the forms write under each point of the scales. */
static const char *likert_labels[] = {
  N_("Very dissatisfied"),
  N_("Dissatisfied"),
  N_("Neutral"),
  N_("Satisfied"),
  N_("Very satisfied"),
};

static const char *reserved_codes[] = {
  "date", "channel", "mode", "request_type", "template", "line", NULL
};

const char *
sila_question_kind_to_code (SilaQuestionKind kind)
{
  g_return_val_if_fail (kind < SILA_N_QUESTION_KINDS, NULL);

  return kinds[kind].code;
}

gboolean
sila_question_kind_from_code (const char       *code,
                              SilaQuestionKind *kind)
{
  for (guint i = 0; code != NULL && i < SILA_N_QUESTION_KINDS; i++)
    if (g_str_equal (code, kinds[i].code))
      {
        *kind = i;
        return TRUE;
      }

  return FALSE;
}

const char *
sila_question_kind_to_display (SilaQuestionKind kind)
{
  g_return_val_if_fail (kind < SILA_N_QUESTION_KINDS, NULL);

  return _(kinds[kind].display);
}

gboolean
sila_question_kind_is_numeric (SilaQuestionKind kind)
{
  return kind == SILA_QUESTION_LIKERT || kind == SILA_QUESTION_RECOMMEND ||
         kind == SILA_QUESTION_YES_NO;
}

void
sila_question_kind_get_range (SilaQuestionKind  kind,
                              int              *min,
                              int              *max)
{
  switch (kind)
    {
    case SILA_QUESTION_LIKERT:
      *min = 1, *max = 5;
      break;
    case SILA_QUESTION_RECOMMEND:
      *min = 0, *max = 10;
      break;
    case SILA_QUESTION_YES_NO:
      *min = 0, *max = 1;
      break;
    case SILA_QUESTION_CHOICE:
    case SILA_QUESTION_TEXT:
    case SILA_N_QUESTION_KINDS:
    default:
      *min = 0, *max = -1;
      break;
    }
}

const char *
sila_survey_mode_to_code (SilaSurveyMode mode)
{
  g_return_val_if_fail (mode < SILA_N_SURVEY_MODES, NULL);

  return modes[mode].code;
}

const char *
sila_survey_mode_to_display (SilaSurveyMode mode)
{
  g_return_val_if_fail (mode < SILA_N_SURVEY_MODES, NULL);

  return _(modes[mode].display);
}

gboolean
sila_survey_mode_parse (const char      *text,
                        SilaSurveyMode  *mode,
                        GError         **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_autofree char *folded = sila_arabic_normalize (clean);

  for (guint i = 0; i < SILA_N_SURVEY_MODES; i++)
    {
      g_autofree char *display = sila_arabic_normalize (_(modes[i].display));

      if (g_ascii_strcasecmp (clean, modes[i].code) == 0 ||
          g_ascii_strcasecmp (clean, modes[i].display) == 0 ||
          g_strcmp0 (folded, display) == 0)
        {
          *mode = i;
          return TRUE;
        }
      for (guint j = 0; modes[i].arabic[j] != NULL; j++)
        {
          g_autofree char *name = sila_arabic_normalize (modes[i].arabic[j]);

          if (g_strcmp0 (folded, name) == 0)
            {
              *mode = i;
              return TRUE;
            }
        }
    }

  g_set_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
               _("“%s” is not a survey mode. Use officer, kiosk, paper or online."), clean);
  return FALSE;
}

const char *
sila_survey_likert_label (int          value,
                          SilaLanguage language)
{
  g_return_val_if_fail (value >= 1 && value <= 5, NULL);

  return sila_i18n_translate_to (language, likert_labels[value - 1]);
}

char *
sila_survey_check_code (const char  *code,
                        GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (code != NULL ? code : ""));
  g_autofree char *clean = g_ascii_strdown (trimmed, -1);
  gboolean valid;

  if (*clean == '\0')
    {
      g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_REQUIRED,
                           _("Enter a short code, such as “overall”."));
      return NULL;
    }

  valid = g_ascii_islower (clean[0]) && strlen (clean) <= SILA_SURVEY_CODE_MAX;
  for (const char *p = clean; valid && *p != '\0'; p++)
    valid = g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '_';

  if (!valid)
    {
      g_set_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                   _("A code starts with an English letter and has only English letters, "
                     "digits and “_”, at most %d characters."),
                   SILA_SURVEY_CODE_MAX);
      return NULL;
    }

  return g_steal_pointer (&clean);
}

gboolean
sila_survey_code_is_reserved (const char *code)
{
  return code != NULL && g_strv_contains (reserved_codes, code);
}

/* Choices, questions, templates */

SilaSurveyChoice *
sila_survey_choice_new (const char *code,
                        const char *text_ar,
                        const char *text_en)
{
  SilaSurveyChoice *choice = g_new0 (SilaSurveyChoice, 1);

  choice->code = g_strdup (code);
  choice->text_ar = g_strdup (text_ar);
  choice->text_en = g_strdup (text_en);

  return choice;
}

static SilaSurveyChoice *
choice_copy (const SilaSurveyChoice *choice,
             gpointer                unused)
{
  return sila_survey_choice_new (choice->code, choice->text_ar, choice->text_en);
}

void
sila_survey_choice_free (SilaSurveyChoice *choice)
{
  if (choice == NULL)
    return;

  g_free (choice->code);
  g_free (choice->text_ar);
  g_free (choice->text_en);
  g_free (choice);
}

const char *
sila_survey_choice_get_text (const SilaSurveyChoice *choice,
                             SilaLanguage            language)
{
  return language == SILA_LANGUAGE_ENGLISH ? choice->text_en : choice->text_ar;
}

SilaSurveyQuestion *
sila_survey_question_new (const char       *code,
                          SilaQuestionKind  kind,
                          const char       *text_ar,
                          const char       *text_en,
                          gboolean          required)
{
  SilaSurveyQuestion *q = g_new0 (SilaSurveyQuestion, 1);

  q->code = g_strdup (code);
  q->kind = kind;
  q->text_ar = g_strdup (text_ar);
  q->text_en = g_strdup (text_en);
  q->required = required;
  q->choices = g_ptr_array_new_with_free_func ((GDestroyNotify)sila_survey_choice_free);

  return q;
}

SilaSurveyQuestion *
sila_survey_question_copy (const SilaSurveyQuestion *question)
{
  SilaSurveyQuestion *q;

  g_return_val_if_fail (question != NULL, NULL);

  q = sila_survey_question_new (question->code, question->kind, question->text_ar,
                                question->text_en, question->required);
  q->id = g_strdup (question->id);
  for (guint i = 0; i < question->choices->len; i++)
    g_ptr_array_add (q->choices, choice_copy (g_ptr_array_index (question->choices, i), NULL));

  return q;
}

void
sila_survey_question_free (SilaSurveyQuestion *question)
{
  if (question == NULL)
    return;

  g_free (question->id);
  g_free (question->code);
  g_free (question->text_ar);
  g_free (question->text_en);
  g_ptr_array_unref (question->choices);
  g_free (question);
}

const char *
sila_survey_question_get_text (const SilaSurveyQuestion *question,
                               SilaLanguage              language)
{
  return language == SILA_LANGUAGE_ENGLISH ? question->text_en : question->text_ar;
}

const char *
sila_survey_question_get_short_name (const SilaSurveyQuestion *question,
                                     SilaLanguage              language)
{
  static const struct {
    const char *code;
    const char *name;
  } names[] = {
    { "speed",        N_("Speed of service") },
    { "courtesy",     N_("Courtesy and respect") },
    { "clarity",      N_("Clear procedures") },
    { "channel_ease", N_("Ease of the channel") },
    { "information",  N_("Information and answers") },
    { "overall",      N_("Overall satisfaction") },
    { "recommend",    N_("Would recommend us") },
    { "suggestion",   N_("Suggestions") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (question->code, names[i].code) == 0)
      return sila_i18n_translate_to (language, names[i].name);

  return sila_survey_question_get_text (question, language);
}

/* A choice by its code, or by its Arabic or English text as a person would
 * write it. */
const SilaSurveyChoice *
sila_survey_question_find_choice (const SilaSurveyQuestion *question,
                                  const char               *text)
{
  g_autofree char *clean = g_strstrip (g_strdup (text != NULL ? text : ""));

  for (guint i = 0; i < question->choices->len; i++)
    {
      const SilaSurveyChoice *choice = g_ptr_array_index (question->choices, i);

      if (g_ascii_strcasecmp (clean, choice->code) == 0 ||
          g_strcmp0 (clean, choice->text_ar) == 0 ||
          (choice->text_en != NULL && g_ascii_strcasecmp (clean, choice->text_en) == 0))
        return choice;
    }

  return NULL;
}

SilaSurveyTemplate *
sila_survey_template_new (const char *code,
                          const char *name_ar,
                          const char *name_en)
{
  SilaSurveyTemplate *tpl = g_new0 (SilaSurveyTemplate, 1);

  tpl->code = g_strdup (code);
  tpl->name_ar = g_strdup (name_ar);
  tpl->name_en = g_strdup (name_en);
  tpl->questions = g_ptr_array_new_with_free_func ((GDestroyNotify)sila_survey_question_free);

  return tpl;
}

SilaSurveyTemplate *
sila_survey_template_copy (const SilaSurveyTemplate *tpl)
{
  SilaSurveyTemplate *copy;

  g_return_val_if_fail (tpl != NULL, NULL);

  copy = sila_survey_template_new (tpl->code, tpl->name_ar, tpl->name_en);
  copy->id = g_strdup (tpl->id);
  copy->is_default = tpl->is_default;
  copy->retired_at = g_strdup (tpl->retired_at);
  copy->rev = tpl->rev;
  copy->n_responses = tpl->n_responses;
  for (guint i = 0; i < tpl->questions->len; i++)
    g_ptr_array_add (copy->questions,
                     sila_survey_question_copy (g_ptr_array_index (tpl->questions, i)));

  return copy;
}

void
sila_survey_template_free (SilaSurveyTemplate *tpl)
{
  if (tpl == NULL)
    return;

  g_free (tpl->id);
  g_free (tpl->code);
  g_free (tpl->name_ar);
  g_free (tpl->name_en);
  g_free (tpl->retired_at);
  g_ptr_array_unref (tpl->questions);
  g_free (tpl);
}

const char *
sila_survey_template_get_name (const SilaSurveyTemplate *tpl,
                               SilaLanguage              language)
{
  return language == SILA_LANGUAGE_ENGLISH ? tpl->name_en : tpl->name_ar;
}

gboolean
sila_survey_template_is_retired (const SilaSurveyTemplate *tpl)
{
  return tpl->retired_at != NULL;
}

const SilaSurveyQuestion *
sila_survey_template_find (const SilaSurveyTemplate *tpl,
                           const char               *code)
{
  for (guint i = 0; i < tpl->questions->len; i++)
    {
      const SilaSurveyQuestion *q = g_ptr_array_index (tpl->questions, i);

      if (g_strcmp0 (q->code, code) == 0)
        return q;
    }

  return NULL;
}

/* The policy puts measuring satisfaction at the centre of quality: speed,
 * courtesy and respect, clear procedures, easy channels, information and
 * answers that fit the question (الأهداف التفصيلية). Scripts rely on these
 * codes. The texts are data kept in the database in both languages, not
 * interface strings. */
SilaSurveyTemplate *
sila_survey_template_new_default (void)
{
  static const struct {
    const char       *code;
    SilaQuestionKind  kind;
    gboolean          required;
    const char       *ar;
    const char       *en;
  } questions[] = {
    { "speed", SILA_QUESTION_LIKERT, FALSE,
      "ما مدى رضاك عن سرعة إنجاز الخدمة؟",
      "How satisfied are you with the speed of the service?" },
    { "courtesy", SILA_QUESTION_LIKERT, FALSE,
      "ما مدى رضاك عن حسن الاستقبال والاحترام في التعامل معك؟",
      "How satisfied are you with the courtesy and respect you were shown?" },
    { "clarity", SILA_QUESTION_LIKERT, FALSE,
      "ما مدى رضاك عن وضوح الإجراءات؟",
      "How satisfied are you with the clarity of the procedures?" },
    { "channel_ease", SILA_QUESTION_LIKERT, FALSE,
      "ما مدى رضاك عن سهولة التواصل معنا عبر القناة التي استخدمتها؟",
      "How satisfied are you with how easy it was to reach us through the channel you used?" },
    { "information", SILA_QUESTION_LIKERT, FALSE,
      "ما مدى رضاك عن المعلومات والإجابات التي حصلت عليها؟",
      "How satisfied are you with the information and answers you were given?" },
    { "overall", SILA_QUESTION_LIKERT, TRUE,
      "بشكل عام، ما مدى رضاك عن الخدمة؟",
      "Overall, how satisfied are you with the service?" },
    { "recommend", SILA_QUESTION_RECOMMEND, TRUE,
      "ما مدى احتمال أن توصي بالجمعية لقريب أو صديق؟",
      "How likely are you to recommend the association to a relative or friend?" },
    { "suggestion", SILA_QUESTION_TEXT, FALSE,
      "هل لديك مقترح يساعدنا على تحسين خدماتنا؟",
      "Do you have a suggestion that would help us improve our service?" },
  };
  SilaSurveyTemplate *tpl = sila_survey_template_new (SILA_SURVEY_DEFAULT_TEMPLATE,
                                                      "قياس رضا المستفيد",
                                                      "Beneficiary satisfaction");

  tpl->is_default = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (questions); i++)
    g_ptr_array_add (tpl->questions,
                     sila_survey_question_new (questions[i].code, questions[i].kind,
                                               questions[i].ar, questions[i].en,
                                               questions[i].required));

  return tpl;
}

static void
set_problem (SilaSurveyProblem *problem,
             SilaSurveyField    field,
             int                question)
{
  if (problem != NULL)
    {
      problem->field = field;
      problem->question = question;
    }
}

static gboolean
clean_text_field (char              **text,
                  guint               max,
                  SilaSurveyProblem  *problem,
                  SilaSurveyField     field,
                  int                 question,
                  GError            **error)
{
  char *clean = sila_text_clean_line (*text, max, TRUE, error);

  if (clean == NULL)
    {
      set_problem (problem, field, question);
      return FALSE;
    }

  g_free (*text);
  *text = clean;
  return TRUE;
}

static gboolean
check_choices (SilaSurveyQuestion *q,
               int                 index,
               SilaSurveyProblem  *problem,
               GError            **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  if (q->kind != SILA_QUESTION_CHOICE)
    {
      g_ptr_array_set_size (q->choices, 0);
      return TRUE;
    }

  if (q->choices->len < 2 || q->choices->len > SILA_SURVEY_MAX_CHOICES)
    {
      g_set_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                   _("A question with a list needs from 2 to %d choices."),
                   SILA_SURVEY_MAX_CHOICES);
      set_problem (problem, SILA_SURVEY_FIELD_QUESTION_CHOICES, index);
      return FALSE;
    }

  for (guint i = 0; i < q->choices->len; i++)
    {
      SilaSurveyChoice *c = g_ptr_array_index (q->choices, i);
      char *code = sila_survey_check_code (c->code, error);

      if (code == NULL)
        {
          set_problem (problem, SILA_SURVEY_FIELD_QUESTION_CHOICES, index);
          return FALSE;
        }
      g_free (c->code);
      c->code = code;

      if (!clean_text_field (&c->text_ar, SILA_SURVEY_NAME_MAX, problem,
                             SILA_SURVEY_FIELD_QUESTION_CHOICES, index, error) ||
          !clean_text_field (&c->text_en, SILA_SURVEY_NAME_MAX, problem,
                             SILA_SURVEY_FIELD_QUESTION_CHOICES, index, error))
        return FALSE;

      if (!g_hash_table_add (seen, c->code))
        {
          g_set_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                       _("Two choices have the code “%s”."), c->code);
          set_problem (problem, SILA_SURVEY_FIELD_QUESTION_CHOICES, index);
          return FALSE;
        }
    }

  return TRUE;
}

gboolean
sila_survey_template_check (SilaSurveyTemplate  *tpl,
                            SilaSurveyProblem   *problem,
                            GError             **error)
{
  g_autoptr(GHashTable) codes = g_hash_table_new (g_str_hash, g_str_equal);
  char *code;

  g_return_val_if_fail (tpl != NULL, FALSE);

  set_problem (problem, SILA_SURVEY_FIELD_NONE, -1);

  code = sila_survey_check_code (tpl->code, error);
  if (code == NULL)
    {
      set_problem (problem, SILA_SURVEY_FIELD_CODE, -1);
      return FALSE;
    }
  g_free (tpl->code);
  tpl->code = code;

  if (!clean_text_field (&tpl->name_ar, SILA_SURVEY_NAME_MAX, problem,
                         SILA_SURVEY_FIELD_NAME_AR, -1, error) ||
      !clean_text_field (&tpl->name_en, SILA_SURVEY_NAME_MAX, problem,
                         SILA_SURVEY_FIELD_NAME_EN, -1, error))
    return FALSE;

  if (tpl->questions->len == 0 || tpl->questions->len > SILA_SURVEY_MAX_QUESTIONS)
    {
      g_set_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                   _("A survey needs from 1 to %d questions."), SILA_SURVEY_MAX_QUESTIONS);
      sila_display_error_digits (error);
      set_problem (problem, SILA_SURVEY_FIELD_QUESTIONS, -1);
      return FALSE;
    }

  for (guint i = 0; i < tpl->questions->len; i++)
    {
      SilaSurveyQuestion *q = g_ptr_array_index (tpl->questions, i);

      code = sila_survey_check_code (q->code, error);
      if (code == NULL)
        {
          set_problem (problem, SILA_SURVEY_FIELD_QUESTION_CODE, i);
          return FALSE;
        }
      g_free (q->code);
      q->code = code;

      if (sila_survey_code_is_reserved (q->code))
        {
          g_set_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                       _("“%s” names a column of import files; choose another code."),
                       q->code);
          set_problem (problem, SILA_SURVEY_FIELD_QUESTION_CODE, i);
          return FALSE;
        }

      if (!g_hash_table_add (codes, q->code))
        {
          g_set_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                       _("Two questions have the code “%s”."), q->code);
          set_problem (problem, SILA_SURVEY_FIELD_QUESTION_CODE, i);
          return FALSE;
        }

      if (q->kind >= SILA_N_QUESTION_KINDS)
        {
          g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                               _("Choose the kind of answer."));
          set_problem (problem, SILA_SURVEY_FIELD_QUESTION_KIND, i);
          return FALSE;
        }

      if (!clean_text_field (&q->text_ar, SILA_SURVEY_QUESTION_MAX, problem,
                             SILA_SURVEY_FIELD_QUESTION_TEXT_AR, i, error) ||
          !clean_text_field (&q->text_en, SILA_SURVEY_QUESTION_MAX, problem,
                             SILA_SURVEY_FIELD_QUESTION_TEXT_EN, i, error) ||
          !check_choices (q, i, problem, error))
        return FALSE;
    }

  return TRUE;
}
