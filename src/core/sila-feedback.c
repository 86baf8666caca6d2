/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-core"

#include "sila-config.h"

#include <glib/gi18n-lib.h>

#include "sila-channel.h"
#include "sila-clock.h"
#include "sila-feedback.h"
#include "sila-text.h"
#include "sila-validation.h"

static const struct {
  const char *code;
  const char *display;
  const char *arabic;
} kinds[SILA_N_FEEDBACK_KINDS] = {
  { "suggestion", N_("Suggestion"), "مقترح" },
  { "complaint",  N_("Complaint"),  "شكوى" },
};

static const struct {
  const char *code;
  const char *display;
  const char *arabic;
} statuses[SILA_N_FEEDBACK_STATUSES] = {
  { "new",         N_("New"),         "جديد" },
  { "in_progress", N_("In progress"), "قيد المعالجة" },
  { "answered",    N_("Answered"),    "تم الرد" },
  { "closed",      N_("Closed"),      "مغلق" },
};

const char *
sila_feedback_kind_to_code (SilaFeedbackKind kind)
{
  g_return_val_if_fail (kind < SILA_N_FEEDBACK_KINDS, NULL);

  return kinds[kind].code;
}

const char *
sila_feedback_kind_to_display (SilaFeedbackKind kind)
{
  g_return_val_if_fail (kind < SILA_N_FEEDBACK_KINDS, NULL);

  return _(kinds[kind].display);
}

gboolean
sila_feedback_kind_parse (const char        *text,
                          SilaFeedbackKind  *kind,
                          GError           **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (text != NULL ? text : ""));

  for (guint i = 0; i < SILA_N_FEEDBACK_KINDS; i++)
    if (g_ascii_strcasecmp (clean, kinds[i].code) == 0 || g_str_equal (clean, kinds[i].arabic) ||
        g_str_equal (clean, _(kinds[i].display)))
      {
        *kind = i;
        return TRUE;
      }

  g_set_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
               _("“%s” is neither a suggestion nor a complaint. Use suggestion or complaint."),
               clean);
  return FALSE;
}

const char *
sila_feedback_status_to_code (SilaFeedbackStatus status)
{
  g_return_val_if_fail (status < SILA_N_FEEDBACK_STATUSES, NULL);

  return statuses[status].code;
}

const char *
sila_feedback_status_to_display (SilaFeedbackStatus status)
{
  g_return_val_if_fail (status < SILA_N_FEEDBACK_STATUSES, NULL);

  return _(statuses[status].display);
}

gboolean
sila_feedback_status_parse (const char          *text,
                            SilaFeedbackStatus  *status,
                            GError             **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (text != NULL ? text : ""));

  for (guint i = 0; i < SILA_N_FEEDBACK_STATUSES; i++)
    if (g_ascii_strcasecmp (clean, statuses[i].code) == 0 ||
        g_str_equal (clean, statuses[i].arabic) || g_str_equal (clean, _(statuses[i].display)))
      {
        *status = i;
        return TRUE;
      }

  g_set_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
               _("“%s” is not a status of the register. Use new, in_progress, answered or "
                 "closed."),
               clean);
  return FALSE;
}

/* Forward only: an item is answered before it is closed, and the answer
 * given is not taken back (a new complaint about it is a new item). */
gboolean
sila_feedback_status_is_open (SilaFeedbackStatus status)
{
  return status == SILA_FEEDBACK_NEW || status == SILA_FEEDBACK_IN_PROGRESS;
}

const char * const *
sila_feedback_open_codes (void)
{
  static const char *codes[SILA_N_FEEDBACK_STATUSES + 1];
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      guint n = 0;

      for (SilaFeedbackStatus s = 0; s < SILA_N_FEEDBACK_STATUSES; s++)
        if (sila_feedback_status_is_open (s))
          codes[n++] = sila_feedback_status_to_code (s);
      codes[n] = NULL;
      g_once_init_leave (&done, 1);
    }
  return codes;
}

gboolean
sila_feedback_can_move (SilaFeedbackStatus   from,
                        SilaFeedbackStatus   to,
                        GError             **error)
{
  g_return_val_if_fail (from < SILA_N_FEEDBACK_STATUSES && to < SILA_N_FEEDBACK_STATUSES, FALSE);

  if (from == to)
    return TRUE;

  if (to == SILA_FEEDBACK_CLOSED && from != SILA_FEEDBACK_ANSWERED)
    {
      g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                           _("An item is closed only after it has been answered."));
      return FALSE;
    }

  if (to < from)
    {
      g_set_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                   _("An item that is “%s” cannot go back to “%s”."),
                   _(statuses[from].display), _(statuses[to].display));
      return FALSE;
    }

  return TRUE;
}

SilaFeedbackItem *
sila_feedback_item_new (SilaFeedbackKind kind)
{
  SilaFeedbackItem *item = g_new0 (SilaFeedbackItem, 1);

  item->kind = kind;
  item->status = SILA_FEEDBACK_NEW;
  sila_clock_today (&item->received_on);
  g_date_clear (&item->due_on, 1);
  g_date_clear (&item->answered_on, 1);
  g_date_clear (&item->closed_on, 1);

  return item;
}

SilaFeedbackItem *
sila_feedback_item_copy (const SilaFeedbackItem *item)
{
  SilaFeedbackItem *copy = g_new0 (SilaFeedbackItem, 1);

  *copy = *item;
  copy->id = g_strdup (item->id);
  copy->channel = g_strdup (item->channel);
  copy->description = g_strdup (item->description);
  copy->submitter = g_strdup (item->submitter);
  copy->responsible = g_strdup (item->responsible);
  copy->answer = g_strdup (item->answer);
  copy->beneficiary_id = g_strdup (item->beneficiary_id);
  copy->request_id = g_strdup (item->request_id);
  copy->contact_id = g_strdup (item->contact_id);
  copy->created_by = g_strdup (item->created_by);
  copy->updated_at = g_strdup (item->updated_at);

  return copy;
}

void
sila_feedback_item_free (SilaFeedbackItem *item)
{
  if (item == NULL)
    return;

  g_free (item->id);
  g_free (item->channel);
  g_free (item->description);
  g_free (item->submitter);
  g_free (item->responsible);
  g_free (item->answer);
  g_free (item->beneficiary_id);
  g_free (item->request_id);
  g_free (item->contact_id);
  g_free (item->created_by);
  g_free (item->updated_at);
  g_free (item);
}

/* Several lines of text (a description, an answer): the rules of one line,
 * but line breaks kept. */
static char *
clean_paragraphs (const char  *text,
                  guint        max_chars,
                  gboolean     required,
                  GError     **error)
{
  g_auto(GStrv) lines = g_strsplit (text != NULL ? text : "", "\n", -1);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *result = NULL;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = sila_text_clean_line (g_strchomp (lines[i]), G_MAXUINT, FALSE,
                                                    error);

      if (line == NULL)
        return NULL;
      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, line);
    }

  result = g_strstrip (g_strdup (out->str));
  if (*result == '\0' && required)
    {
      g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_REQUIRED,
                           _("This field is required."));
      return NULL;
    }
  if (g_utf8_strlen (result, -1) > (glong)max_chars)
    {
      g_set_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_TOO_LONG,
                   ngettext ("The text is too long: at most %u character.",
                             "The text is too long: at most %u characters.", max_chars),
                   max_chars);
      return NULL;
    }

  return g_steal_pointer (&result);
}

static gboolean
clean_field (char              **field,
             gboolean            paragraphs,
             guint               max,
             gboolean            required,
             SilaFeedbackField   which,
             SilaFeedbackField  *where,
             GError            **error)
{
  char *clean = paragraphs ? clean_paragraphs (*field, max, required, error)
                           : sila_text_clean_line (*field, max, required, error);

  if (clean == NULL)
    {
      *where = which;
      return FALSE;
    }

  g_free (*field);
  if (*clean == '\0')
    g_clear_pointer (&clean, g_free);
  *field = clean;
  return TRUE;
}

gboolean
sila_feedback_item_prepare_save (SilaFeedbackItem        *item,
                                 const SilaFeedbackItem  *stored,
                                 const GDate             *today,
                                 SilaFeedbackField       *field,
                                 GError                 **error)
{
  SilaFeedbackField dummy;

  g_return_val_if_fail (item != NULL, FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  if (field == NULL)
    field = &dummy;
  *field = SILA_FEEDBACK_FIELD_NONE;

  if (stored == NULL && item->from_survey)
    item->anonymous = TRUE;

  if (!sila_feedback_item_check (item, field, error))
    return FALSE;

  if (!sila_feedback_can_move (stored != NULL ? stored->status : SILA_FEEDBACK_NEW, item->status,
                               error))
    {
      *field = SILA_FEEDBACK_FIELD_STATUS;
      return FALSE;
    }

  /* Where it came from does not change. */
  if (stored != NULL)
    {
      item->anonymous = stored->anonymous;
      item->from_survey = stored->from_survey;
      item->number = stored->number;
    }

  /* The dates of the steps, as they are taken. */
  if (item->status >= SILA_FEEDBACK_ANSWERED && !g_date_valid (&item->answered_on))
    item->answered_on = *today;
  if (item->status < SILA_FEEDBACK_ANSWERED)
    g_date_clear (&item->answered_on, 1);
  if (item->status == SILA_FEEDBACK_CLOSED && !g_date_valid (&item->closed_on))
    item->closed_on = *today;
  if (item->status != SILA_FEEDBACK_CLOSED)
    g_date_clear (&item->closed_on, 1);

  return TRUE;
}

gboolean
sila_feedback_item_check (SilaFeedbackItem   *item,
                          SilaFeedbackField  *field,
                          GError            **error)
{
  SilaFeedbackField dummy;
  GDate today;

  if (field == NULL)
    field = &dummy;
  *field = SILA_FEEDBACK_FIELD_NONE;

  if (item->kind >= SILA_N_FEEDBACK_KINDS)
    {
      *field = SILA_FEEDBACK_FIELD_KIND;
      g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_REQUIRED,
                           _("Choose whether this is a suggestion or a complaint."));
      return FALSE;
    }
  if (item->status >= SILA_N_FEEDBACK_STATUSES)
    {
      *field = SILA_FEEDBACK_FIELD_STATUS;
      g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                           _("The status is not one of the register’s."));
      return FALSE;
    }

  if (!clean_field (&item->description, TRUE, SILA_FEEDBACK_TEXT_MAX, TRUE,
                    SILA_FEEDBACK_FIELD_DESCRIPTION, field, error) ||
      !clean_field (&item->submitter, FALSE, SILA_FEEDBACK_NAME_MAX, FALSE,
                    SILA_FEEDBACK_FIELD_SUBMITTER, field, error) ||
      !clean_field (&item->responsible, FALSE, SILA_FEEDBACK_NAME_MAX, FALSE,
                    SILA_FEEDBACK_FIELD_RESPONSIBLE, field, error) ||
      !clean_field (&item->answer, TRUE, SILA_FEEDBACK_TEXT_MAX, FALSE,
                    SILA_FEEDBACK_FIELD_ANSWER, field, error))
    return FALSE;

  if (item->channel != NULL && *item->channel != '\0')
    {
      SilaChannel channel;

      if (!sila_channel_parse (item->channel, &channel, error))
        {
          *field = SILA_FEEDBACK_FIELD_CHANNEL;
          return FALSE;
        }
      g_free (item->channel);
      item->channel = g_strdup (sila_channel_to_code (channel));
    }
  else
    g_clear_pointer (&item->channel, g_free);

  if (item->anonymous && (item->submitter != NULL || item->beneficiary_id != NULL ||
                          item->request_id != NULL || item->contact_id != NULL))
    {
      *field = SILA_FEEDBACK_FIELD_SUBMITTER;
      g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                           _("This came from an anonymous survey: it cannot name or link the "
                             "person who wrote it."));
      return FALSE;
    }

  sila_clock_today (&today);
  if (!g_date_valid (&item->received_on))
    {
      *field = SILA_FEEDBACK_FIELD_RECEIVED;
      g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_REQUIRED,
                           _("Enter the date it was received."));
      return FALSE;
    }
  if (g_date_compare (&item->received_on, &today) > 0)
    {
      *field = SILA_FEEDBACK_FIELD_RECEIVED;
      g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_OUT_OF_RANGE,
                           _("The date it was received cannot be in the future."));
      return FALSE;
    }
  if (!g_date_valid (&item->due_on))
    {
      *field = SILA_FEEDBACK_FIELD_DUE;
      g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_REQUIRED,
                           _("Enter the date by which it must be answered."));
      return FALSE;
    }
  if (g_date_compare (&item->due_on, &item->received_on) < 0)
    {
      *field = SILA_FEEDBACK_FIELD_DUE;
      g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_OUT_OF_RANGE,
                           _("The due date cannot come before the date it was received."));
      return FALSE;
    }

  if (item->status >= SILA_FEEDBACK_IN_PROGRESS && item->responsible == NULL)
    {
      *field = SILA_FEEDBACK_FIELD_RESPONSIBLE;
      g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_REQUIRED,
                           _("Name who is responsible for answering it."));
      return FALSE;
    }
  if (item->status >= SILA_FEEDBACK_ANSWERED && item->answer == NULL)
    {
      *field = SILA_FEEDBACK_FIELD_ANSWER;
      g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_REQUIRED,
                           _("Write the answer that was given."));
      return FALSE;
    }

  return TRUE;
}

gboolean
sila_feedback_item_is_overdue (const SilaFeedbackItem *item,
                               const GDate            *today)
{
  return sila_feedback_item_days_overdue (item, today) > 0;
}

int
sila_feedback_item_days_overdue (const SilaFeedbackItem *item,
                                 const GDate            *today)
{
  if (!sila_feedback_status_is_open (item->status) || !g_date_valid (&item->due_on))
    return 0;

  return MAX (0, g_date_days_between (&item->due_on, today));
}
