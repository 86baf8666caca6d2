/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-core"

#include "sila-config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sila-clock.h"
#include "sila-date.h"
#include "sila-survey-import.h"
#include "sila-table-reader.h"
#include "sila-validation.h"

typedef struct {
  char *field;
  char *reason;
} Problem;

typedef struct {
  guint      line;
  GPtrArray *problems;   /* Problem; empty for a row accepted */
} Outcome;

struct _SilaSurveyImport
{
  GArray    *outcomes;   /* Outcome, in file order */
  GPtrArray *responses;  /* SilaSurveyResponse */
  GStrv      ignored;
  char      *checksum;
  guint      header_line;
  guint      n_rejected;
};

enum {
  COL_DATE,
  COL_CHANNEL,
  COL_MODE,
  COL_REQUEST_TYPE,
  N_FIXED_COLUMNS
};

static void
problem_free (Problem *p)
{
  g_free (p->field);
  g_free (p->reason);
  g_free (p);
}

static void
outcome_clear (Outcome *o)
{
  g_clear_pointer (&o->problems, g_ptr_array_unref);
}

void
sila_survey_import_free (SilaSurveyImport *import)
{
  if (import == NULL)
    return;

  g_array_unref (import->outcomes);
  g_ptr_array_unref (import->responses);
  g_strfreev (import->ignored);
  g_free (import->checksum);
  g_free (import);
}

static void
add_problem (Outcome    *o,
             const char *field,
             const char *reason)
{
  Problem *p = g_new0 (Problem, 1);

  p->field = g_strdup (field);
  p->reason = g_strdup (reason);
  g_ptr_array_add (o->problems, p);
}

/* Header texts a column answers to: its key, and for a question its
 * Arabic and English wording. '|' separates spellings, so it goes. */
static char *
question_spellings (const SilaSurveyQuestion *q)
{
  g_autofree char *ar = g_strdup (q->text_ar);
  g_autofree char *en = g_strdup (q->text_en);

  g_strdelimit (ar, "|", ' ');
  g_strdelimit (en, "|", ' ');
  return g_strdup_printf ("%s|%s|%s", q->code, ar, en);
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;

  return TRUE;
}

static SilaSurveyResponse *
read_row (const SilaSurveyTemplate *tpl,
          SilaTableHeader          *header,
          const SilaTableRow       *row,
          Outcome                  *outcome)
{
  g_autoptr(SilaSurveyResponse) response = sila_survey_response_new (tpl, SILA_SURVEY_MODE_PAPER);
  const char *date = sila_table_header_get (header, row, "date");
  const char *channel = sila_table_header_get (header, row, "channel");
  const char *mode = sila_table_header_get (header, row, "mode");
  const char *request_type = sila_table_header_get (header, row, "request_type");

  /* The date */
  {
    g_autoptr(GError) error = NULL;

    if (!sila_date_parse (date, SILA_CALENDAR_GREGORIAN, &response->answered_on, &error) ||
        !sila_date_check_not_future (&response->answered_on, &error))
      add_problem (outcome, "date", error->message);
  }

  if (channel != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!sila_survey_response_set_channel (response, channel, &error))
        add_problem (outcome, "channel", error->message);
    }

  if (!is_blank (mode))
    {
      g_autoptr(GError) error = NULL;

      if (!sila_survey_mode_parse (mode, &response->mode, &error))
        add_problem (outcome, "mode", error->message);
    }
  /* A file names nobody: whatever the mode, the response is anonymous. */
  sila_survey_response_make_anonymous (response);

  if (!is_blank (request_type))
    {
      g_autoptr(GError) error = NULL;

      response->request_type = sila_survey_check_code (request_type, &error);
      if (response->request_type == NULL)
        add_problem (outcome, "request_type", error->message);
    }

  for (guint i = 0; i < tpl->questions->len; i++)
    {
      const SilaSurveyQuestion *q = g_ptr_array_index (tpl->questions, i);
      const char *text = sila_table_header_get (header, row, q->code);
      g_autoptr(GError) error = NULL;

      if (text != NULL &&
          !sila_survey_answer_parse (q, text, &response->answers[i], &error))
        add_problem (outcome, q->code, error->message);
    }

  if (outcome->problems->len == 0 && sila_survey_response_count_answered (response) == 0)
    add_problem (outcome, "", _("The row answers no question."));

  if (outcome->problems->len > 0)
    return NULL;

  return g_steal_pointer (&response);
}

SilaTableColumn *
sila_survey_import_columns (const SilaSurveyTemplate  *tpl,
                            guint                     *n_columns,
                            GPtrArray                **strings)
{
  SilaTableColumn *columns;
  guint n = N_FIXED_COLUMNS + tpl->questions->len;

  *strings = g_ptr_array_new_with_free_func (g_free);
  columns = g_new0 (SilaTableColumn, n);
  columns[COL_DATE] = (SilaTableColumn) { "date", N_("Date"),
                                          "date|التاريخ|تاريخ|تاريخ الاستبيان|تاريخ الرد", TRUE };
  columns[COL_CHANNEL] = (SilaTableColumn) { "channel", N_("Channel"),
                                             "channel|القناة|قناة التواصل", FALSE };
  columns[COL_MODE] = (SilaTableColumn) { "mode", N_("How it was answered"),
                                          "mode|الطريقة|طريقة الاستبيان", FALSE };
  columns[COL_REQUEST_TYPE] = (SilaTableColumn) { "request_type", N_("Request type"),
                                                  "request_type|نوع الطلب|request type", FALSE };
  for (guint i = 0; i < tpl->questions->len; i++)
    {
      const SilaSurveyQuestion *q = g_ptr_array_index (tpl->questions, i);
      char *spelling = question_spellings (q);

      g_ptr_array_add (*strings, spelling);
      columns[N_FIXED_COLUMNS + i] = (SilaTableColumn) { q->code, q->code, spelling, FALSE };
    }
  *n_columns = n;
  return columns;
}

SilaSurveyImport *
sila_survey_import_read (const char                *path,
                         const SilaSurveyTemplate  *tpl,
                         GError                   **error)
{
  SilaImportOptions options = { .dry_run = TRUE };

  return sila_survey_import_read_full (path, tpl, &options, error);
}

SilaSurveyImport *
sila_survey_import_read_full (const char                *path,
                              const SilaSurveyTemplate  *tpl,
                              const SilaImportOptions   *options,
                              GError                   **error)
{
  g_autoptr(SilaSurveyImport) import = NULL;
  g_autoptr(SilaTableReader) reader = NULL;
  g_autoptr(SilaTableHeader) header = NULL;
  g_autoptr(GPtrArray) spellings = NULL;
  g_autofree SilaTableColumn *columns = NULL;
  guint n_columns = 0;
  SilaImportTicker ticker;
  SilaTableRow *row;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (tpl != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);

  reader = sila_table_reader_open_sheet (path, options->sheet, error);
  if (reader == NULL)
    return NULL;
  sila_import_ticker_init (&ticker, options, reader, 0);

  import = g_new0 (SilaSurveyImport, 1);
  import->outcomes = g_array_new (FALSE, TRUE, sizeof (Outcome));
  g_array_set_clear_func (import->outcomes, (GDestroyNotify)outcome_clear);
  import->responses = g_ptr_array_new_with_free_func ((GDestroyNotify)sila_survey_response_free);

  {
    g_autofree char *contents = NULL;
    gsize length = 0;

    if (!g_file_get_contents (path, &contents, &length, error))
      return NULL;
    import->checksum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)contents,
                                                    length);
    /* Another sheet of the same workbook is another batch. */
    if (options->sheet != NULL && sila_table_reader_get_sheet_names (reader) != NULL &&
        g_strcmp0 (sila_table_reader_get_sheet_names (reader)[0], options->sheet) != 0)
      {
        g_autofree char *both = g_strconcat (import->checksum, "\n", options->sheet, NULL);

        g_free (import->checksum);
        import->checksum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, both, -1);
      }
  }

  columns = sila_survey_import_columns (tpl, &n_columns, &spellings);
  header = sila_table_header_read (reader, columns, n_columns, error);
  if (header == NULL)
    return NULL;
  import->header_line = sila_table_header_get_line (header);
  import->ignored = g_strdupv ((char **)sila_table_header_get_unknown (header));

  while ((row = sila_table_reader_next (reader, error)) != NULL)
    {
      Outcome outcome = { row->line, NULL };
      SilaSurveyResponse *response;

      outcome.problems = g_ptr_array_new_with_free_func ((GDestroyNotify)problem_free);
      response = read_row (tpl, header, row, &outcome);
      if (response != NULL)
        g_ptr_array_add (import->responses, response);
      else
        import->n_rejected++;
      g_array_append_val (import->outcomes, outcome);
      sila_table_row_free (row);
      if (!sila_import_ticker_tick (&ticker, error))
        return NULL;
    }
  /* A file damaged part-way is refused whole (sila-table-reader.h). */
  if (error != NULL && *error != NULL)
    return NULL;
  sila_import_ticker_finish (&ticker);

  return g_steal_pointer (&import);
}

GPtrArray *
sila_survey_import_get_responses (SilaSurveyImport *import)
{
  return import->responses;
}

guint
sila_survey_import_get_n_rows (SilaSurveyImport *import)
{
  return import->outcomes->len;
}

guint
sila_survey_import_get_n_rejected (SilaSurveyImport *import)
{
  return import->n_rejected;
}

const char *const *
sila_survey_import_get_ignored_columns (SilaSurveyImport *import)
{
  return (const char *const *)import->ignored;
}

const char *
sila_survey_import_get_checksum (SilaSurveyImport *import)
{
  return import->checksum;
}

SilaImportReport *
sila_survey_import_make_report (SilaSurveyImport *import,
                                const char       *failure)
{
  SilaImportReport *report = sila_import_report_new ();

  for (guint i = 0; import->ignored != NULL && import->ignored[i] != NULL; i++)
    sila_import_report_add (report, import->header_line, "ignored", import->ignored[i],
                            _("No question of the template has this code: the column was "
                              "ignored."));

  for (guint i = 0; i < import->outcomes->len; i++)
    {
      const Outcome *o = &g_array_index (import->outcomes, Outcome, i);

      if (o->problems->len == 0)
        {
          if (failure != NULL)
            sila_import_report_add (report, o->line, SILA_IMPORT_RESULT_REJECTED, NULL, failure);
          else
            sila_import_report_add (report, o->line, SILA_IMPORT_RESULT_OK, NULL, NULL);
          continue;
        }

      for (guint j = 0; j < o->problems->len; j++)
        {
          const Problem *p = g_ptr_array_index (o->problems, j);

          sila_import_report_add (report, o->line, SILA_IMPORT_RESULT_REJECTED,
                                  *p->field != '\0' ? p->field : NULL, p->reason);
        }
    }

  return report;
}
