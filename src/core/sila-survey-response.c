/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A person's answers to a survey: each answer read from what was typed or
 * imported, and the response that holds them with its mode, channel and
 * links, and the rules a response obeys before it is kept. */
#define G_LOG_DOMAIN "sila-core"

#include "sila-config.h"

#include <glib/gi18n-lib.h>

#include "sila-channel.h"
#include "sila-clock.h"
#include "sila-survey.h"
#include "sila-text.h"
#include "sila-validation.h"

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

GArray *
sila_survey_response_missing_required (const SilaSurveyResponse *response)
{
  GArray *missing = g_array_new (FALSE, FALSE, sizeof (guint));

  g_return_val_if_fail (response != NULL, missing);

  for (guint i = 0; i < response->tpl->questions->len; i++)
    {
      const SilaSurveyQuestion *q = g_ptr_array_index (response->tpl->questions, i);

      if (q->required && !response->answers[i].answered)
        g_array_append_val (missing, i);
    }
  return missing;
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
