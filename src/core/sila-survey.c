/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-core"

#include "sila-config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sila-arabic.h"
#include "sila-channel.h"
#include "sila-clock.h"
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
  g_autofree char *clean = g_ascii_strdown (g_strstrip (g_strdup (code != NULL ? code : "")),
                                            -1);
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

/* Answers */

static gboolean
parse_yes_no (const char *text,
              int        *value)
{
  static const char *yes[] = { "yes", "y", "1", "true", "نعم", "ن", "اي", "أي", NULL };
  static const char *no[] = { "no", "n", "0", "false", "لا", "ل", NULL };
  g_autofree char *ascii = sila_text_digits_to_ascii (text);
  g_autofree char *lower = g_utf8_strdown (ascii, -1);

  if (g_strv_contains (yes, lower))
    *value = 1;
  else if (g_strv_contains (no, lower))
    *value = 0;
  else
    return FALSE;

  return TRUE;
}

/* Free text from the public: kept as written, but without invisible
 * controls that could make it display as something else. */
static char *
clean_free_text (const char  *text,
                 GError     **error)
{
  GString *out = g_string_new (NULL);
  g_autofree char *result = NULL;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\r')
        continue;
      if (c != '\n' && c != '\t')
        {
          char buf[8] = { 0 };

          g_unichar_to_utf8 (c, buf);
          if (sila_text_has_hidden_controls (buf))
            continue;
        }
      g_string_append_unichar (out, c);
    }

  result = g_strstrip (g_string_free (out, FALSE));
  if (g_utf8_strlen (result, -1) > SILA_SURVEY_TEXT_MAX)
    {
      g_set_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_TOO_LONG,
                   _("The answer is too long: at most %d characters."), SILA_SURVEY_TEXT_MAX);
      return NULL;
    }

  return g_steal_pointer (&result);
}

gboolean
sila_survey_answer_parse (const SilaSurveyQuestion  *question,
                          const char                *text,
                          SilaSurveyAnswer          *answer,
                          GError                   **error)
{
  g_autofree char *clean = NULL;
  int min, max;

  g_return_val_if_fail (question != NULL, FALSE);
  g_return_val_if_fail (answer != NULL, FALSE);

  sila_survey_answer_clear (answer);

  if (text == NULL)
    return TRUE;
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                           _("The answer contains characters that cannot be read."));
      return FALSE;
    }

  clean = g_strstrip (g_strdup (text));
  if (*clean == '\0')
    return TRUE;

  sila_question_kind_get_range (question->kind, &min, &max);

  switch (question->kind)
    {
    case SILA_QUESTION_LIKERT:
    case SILA_QUESTION_RECOMMEND:
      {
        gint64 value;

        if (!sila_text_parse_int (clean, min, max, &value, NULL))
          {
            g_set_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_OUT_OF_RANGE,
                         _("“%s” is not an answer to this question: give a whole number "
                           "from %d to %d."),
                         clean, min, max);
            return FALSE;
          }
        answer->value = (int)value;
        break;
      }

    case SILA_QUESTION_YES_NO:
      if (!parse_yes_no (clean, &answer->value))
        {
          g_set_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_OUT_OF_RANGE,
                       _("“%s” is not an answer to this question: answer yes or no "
                         "(نعم or لا)."),
                       clean);
          return FALSE;
        }
      break;

    case SILA_QUESTION_CHOICE:
      {
        const SilaSurveyChoice *choice = sila_survey_question_find_choice (question, clean);

        if (choice == NULL)
          {
            g_autoptr(GString) list = g_string_new (NULL);

            for (guint i = 0; i < question->choices->len; i++)
              {
                const SilaSurveyChoice *c = g_ptr_array_index (question->choices, i);

                g_string_append_printf (list, "%s%s", i > 0 ? ", " : "", c->code);
              }
            g_set_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_OUT_OF_RANGE,
                         _("“%s” is not one of the choices of this question (%s)."),
                         clean, list->str);
            return FALSE;
          }
        answer->choice = g_strdup (choice->code);
        break;
      }

    case SILA_QUESTION_TEXT:
      answer->text = clean_free_text (clean, error);
      if (answer->text == NULL)
        return FALSE;
      if (*answer->text == '\0')
        {
          g_clear_pointer (&answer->text, g_free);
          return TRUE;
        }
      break;

    case SILA_N_QUESTION_KINDS:
    default:
      g_return_val_if_reached (FALSE);
    }

  answer->answered = TRUE;
  return TRUE;
}

void
sila_survey_answer_clear (SilaSurveyAnswer *answer)
{
  answer->answered = FALSE;
  answer->value = 0;
  g_clear_pointer (&answer->choice, g_free);
  g_clear_pointer (&answer->text, g_free);
}

/* Responses */

SilaSurveyResponse *
sila_survey_response_new (const SilaSurveyTemplate *tpl,
                          SilaSurveyMode            mode)
{
  SilaSurveyResponse *response;

  g_return_val_if_fail (tpl != NULL, NULL);
  g_return_val_if_fail (mode < SILA_N_SURVEY_MODES, NULL);

  response = g_new0 (SilaSurveyResponse, 1);
  response->tpl = sila_survey_template_copy (tpl);
  response->mode = mode;
  response->anonymous = mode != SILA_SURVEY_MODE_OFFICER;
  response->answers = g_new0 (SilaSurveyAnswer, MAX (tpl->questions->len, 1));
  sila_clock_today (&response->answered_on);

  return response;
}

void
sila_survey_response_free (SilaSurveyResponse *response)
{
  if (response == NULL)
    return;

  for (guint i = 0; i < response->tpl->questions->len; i++)
    sila_survey_answer_clear (&response->answers[i]);
  g_free (response->answers);
  sila_survey_template_free (response->tpl);
  g_free (response->channel);
  g_free (response->request_type);
  g_free (response->beneficiary_id);
  g_free (response->request_id);
  g_free (response->contact_id);
  g_free (response);
}

SilaSurveyAnswer *
sila_survey_response_get_answer (SilaSurveyResponse *response,
                                 const char         *code)
{
  for (guint i = 0; i < response->tpl->questions->len; i++)
    {
      const SilaSurveyQuestion *q = g_ptr_array_index (response->tpl->questions, i);

      if (g_strcmp0 (q->code, code) == 0)
        return &response->answers[i];
    }

  return NULL;
}

guint
sila_survey_response_count_answered (const SilaSurveyResponse *response)
{
  guint n = 0;

  for (guint i = 0; i < response->tpl->questions->len; i++)
    if (response->answers[i].answered)
      n++;

  return n;
}

static void
replace_str (char       **field,
             const char  *value)
{
  char *copy = g_strdup (value);

  g_free (*field);
  *field = copy;
}

static gboolean
check_link (const char  *id,
            GError     **error)
{
  if (id == NULL || g_uuid_string_is_valid (id))
    return TRUE;

  g_set_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
               _("“%s” does not identify a record."), id);
  return FALSE;
}

gboolean
sila_survey_response_set_links (SilaSurveyResponse  *response,
                                const char          *beneficiary_id,
                                const char          *request_id,
                                const char          *contact_id,
                                GError             **error)
{
  if (beneficiary_id == NULL && request_id == NULL && contact_id == NULL)
    return TRUE;

  if (response->anonymous)
    {
      g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                           _("An anonymous response cannot be linked to a person, a request "
                             "or a contact."));
      return FALSE;
    }

  if (!check_link (beneficiary_id, error) || !check_link (request_id, error) ||
      !check_link (contact_id, error))
    return FALSE;

  if (beneficiary_id != NULL)
    replace_str (&response->beneficiary_id, beneficiary_id);
  if (request_id != NULL)
    replace_str (&response->request_id, request_id);
  if (contact_id != NULL)
    replace_str (&response->contact_id, contact_id);

  return TRUE;
}

gboolean
sila_survey_response_set_channel (SilaSurveyResponse  *response,
                                  const char          *text,
                                  GError             **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (text != NULL ? text : ""));
  SilaChannel channel;

  if (*clean == '\0')
    {
      g_clear_pointer (&response->channel, g_free);
      return TRUE;
    }

  if (!sila_channel_parse (clean, &channel, error))
    return FALSE;

  replace_str (&response->channel, sila_channel_to_code (channel));
  return TRUE;
}

void
sila_survey_response_make_anonymous (SilaSurveyResponse *response)
{
  response->anonymous = TRUE;
  g_clear_pointer (&response->beneficiary_id, g_free);
  g_clear_pointer (&response->request_id, g_free);
  g_clear_pointer (&response->contact_id, g_free);
}

gboolean
sila_survey_response_check (const SilaSurveyResponse  *response,
                            gboolean                   enforce_required,
                            int                       *bad_question,
                            GError                   **error)
{
  GDate today;
  int dummy;

  if (bad_question == NULL)
    bad_question = &dummy;
  *bad_question = -1;

  if (enforce_required)
    for (guint i = 0; i < response->tpl->questions->len; i++)
      {
        const SilaSurveyQuestion *q = g_ptr_array_index (response->tpl->questions, i);

        if (q->required && !response->answers[i].answered)
          {
            *bad_question = i;
            g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_REQUIRED,
                                 _("This question needs an answer."));
            return FALSE;
          }
      }

  if (sila_survey_response_count_answered (response) == 0)
    {
      g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_REQUIRED,
                           _("The response has no answers."));
      return FALSE;
    }

  if (response->mode != SILA_SURVEY_MODE_OFFICER && !response->anonymous)
    {
      g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                           _("Kiosk, paper and online responses are always anonymous."));
      return FALSE;
    }

  if (response->anonymous &&
      (response->beneficiary_id != NULL || response->request_id != NULL ||
       response->contact_id != NULL))
    {
      g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                           _("An anonymous response cannot be linked to a person, a request "
                             "or a contact."));
      return FALSE;
    }

  if (response->channel != NULL)
    {
      SilaChannel channel;

      if (!sila_channel_parse (response->channel, &channel, error))
        return FALSE;
      if (!g_str_equal (response->channel, sila_channel_to_code (channel)))
        {
          g_set_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                       _("“%s” is not a channel code."), response->channel);
          return FALSE;
        }
    }

  if (response->request_type != NULL)
    {
      g_autofree char *code = sila_survey_check_code (response->request_type, error);

      if (code == NULL)
        return FALSE;
    }

  sila_clock_today (&today);
  if (!g_date_valid (&response->answered_on) || g_date_get_year (&response->answered_on) < 2000)
    {
      g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                           _("The date of the response is not a valid date."));
      return FALSE;
    }
  if (g_date_compare (&response->answered_on, &today) > 0)
    {
      g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_OUT_OF_RANGE,
                           _("The date of the response cannot be in the future."));
      return FALSE;
    }

  return TRUE;
}
