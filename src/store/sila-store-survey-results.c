/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Survey results: the counts of answers over a period, from the running
 * counts kept by triggers or straight from the answers, the questions
 * asked in a period, and the written answers. */
#define G_LOG_DOMAIN "sila-store"

#include "sila-config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sila-clock.h"
#include "sila-store-surveys-private.h"

void
sila_survey_count_free (SilaSurveyCount *count)
{
  if (count == NULL)
    return;

  g_free (count->group);
  g_free (count->code);
  g_free (count->value);
  g_free (count);
}

/* The running counts hold months and days: a range reads whole months
 * from the monthly rows and the days at either end from the daily ones. */
typedef struct {
  char month_from[8], month_to[8];
  char day1_from[11], day1_to[11];
  char day2_from[11], day2_to[11];
} Ranges;

static gboolean
split_range (const char  *from,
             const char  *to,
             Ranges      *ranges,
             GError     **error)
{
  GDate start, end, first_month, last_month, edge;

  if (!sila_date_from_iso (from, &start) || !sila_date_from_iso (to, &end))
    {
      g_set_error_literal (error, SILA_STORE_ERROR, SILA_STORE_ERROR_INVALID,
                           _("Dates are written YYYY-MM-DD."));
      return FALSE;
    }
  if (g_date_compare (&start, &end) > 0)
    {
      g_set_error_literal (error, SILA_STORE_ERROR, SILA_STORE_ERROR_INVALID,
                           _("The period ends before it starts."));
      return FALSE;
    }

  /* Empty ranges by default ("1" > "0"). */
  memset (ranges, 0, sizeof *ranges);
  strcpy (ranges->month_from, "1");
  strcpy (ranges->month_to, "0");
  strcpy (ranges->day1_from, "1");
  strcpy (ranges->day1_to, "0");
  strcpy (ranges->day2_from, "1");
  strcpy (ranges->day2_to, "0");

  /* The first whole month starts on or after @start; the last whole one
   * ends on or before @end. */
  g_date_clear (&first_month, 1);
  g_date_set_dmy (&first_month, 1, g_date_get_month (&start), g_date_get_year (&start));
  if (g_date_get_day (&start) != 1)
    g_date_add_months (&first_month, 1);

  g_date_clear (&last_month, 1);
  g_date_set_dmy (&last_month, 1, g_date_get_month (&end), g_date_get_year (&end));
  if (g_date_get_day (&end) != g_date_get_days_in_month (g_date_get_month (&end),
                                                         g_date_get_year (&end)))
    g_date_subtract_months (&last_month, 1);

  if (g_date_compare (&first_month, &last_month) > 0)
    {
      g_strlcpy (ranges->day1_from, from, sizeof ranges->day1_from);
      g_strlcpy (ranges->day1_to, to, sizeof ranges->day1_to);
      return TRUE;
    }

  g_snprintf (ranges->month_from, sizeof ranges->month_from, "%04u-%02u",
              g_date_get_year (&first_month), g_date_get_month (&first_month));
  g_snprintf (ranges->month_to, sizeof ranges->month_to, "%04u-%02u",
              g_date_get_year (&last_month), g_date_get_month (&last_month));

  if (g_date_compare (&start, &first_month) < 0)
    {
      edge = first_month;
      g_date_subtract_days (&edge, 1);
      g_strlcpy (ranges->day1_from, from, sizeof ranges->day1_from);
      g_snprintf (ranges->day1_to, sizeof ranges->day1_to, "%04u-%02u-%02u",
                  g_date_get_year (&edge), g_date_get_month (&edge), g_date_get_day (&edge));
    }

  edge = last_month;
  g_date_add_months (&edge, 1);
  if (g_date_compare (&edge, &end) <= 0)
    {
      g_snprintf (ranges->day2_from, sizeof ranges->day2_from, "%04u-%02u-%02u",
                  g_date_get_year (&edge), g_date_get_month (&edge), g_date_get_day (&edge));
      g_strlcpy (ranges->day2_to, to, sizeof ranges->day2_to);
    }

  return TRUE;
}

#define STATS_UNION(group_expr, dim) \
  "SELECT " group_expr " AS g, code, value, sum (n) FROM survey_stats " \
  "WHERE dim = '" dim "' AND grain = 'm' AND period BETWEEN ?1 AND ?2 " \
  "GROUP BY 1, 2, 3 " \
  "UNION ALL " \
  "SELECT " group_expr ", code, value, sum (n) FROM survey_stats " \
  "WHERE dim = '" dim "' AND grain = 'd' AND period BETWEEN ?3 AND ?4 " \
  "GROUP BY 1, 2, 3 " \
  "UNION ALL " \
  "SELECT " group_expr ", code, value, sum (n) FROM survey_stats " \
  "WHERE dim = '" dim "' AND grain = 'd' AND period BETWEEN ?5 AND ?6 " \
  "GROUP BY 1, 2, 3"

static GPtrArray *
read_counts (SilaStore      *self,
             SilaStatement  *stmt,
             GError        **error)
{
  g_autoptr(GPtrArray) counts = NULL;
  g_autoptr(GHashTable) index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  SilaStep step;

  counts = g_ptr_array_new_with_free_func ((GDestroyNotify)sila_survey_count_free);

  /* Rows of the month and day parts are added up here, so that each
   * (group, code, value) comes once. */
  while ((step = sila_store_step (self, stmt, error)) == SILA_STEP_ROW)
    {
      const char *group = sila_column_text (stmt, 0);
      const char *code = sila_column_text (stmt, 1);
      const char *value = sila_column_text (stmt, 2);
      gint64 n = sila_column_int64 (stmt, 3);
      g_autofree char *key = g_strdup_printf ("%s\x1f%s\x1f%s", group ? group : "",
                                              code ? code : "", value ? value : "");
      SilaSurveyCount *count = g_hash_table_lookup (index, key);

      if (count == NULL)
        {
          count = g_new0 (SilaSurveyCount, 1);
          count->group = g_strdup (group ? group : "");
          count->code = g_strdup (code ? code : "");
          count->value = g_strdup (value ? value : "");
          g_ptr_array_add (counts, count);
          g_hash_table_insert (index, g_steal_pointer (&key), count);
        }
      count->n += n;
    }

  return step == SILA_STEP_DONE ? g_steal_pointer (&counts) : NULL;
}

GPtrArray *
sila_store_survey_counts (SilaStore        *self,
                          const SilaActor  *actor,
                          const char       *from,
                          const char       *to,
                          SilaSurveyGroup   group,
                          GError          **error)
{
  static const char *queries[] = {
    [SILA_SURVEY_GROUP_NONE] = STATS_UNION ("dim_value", "all"),
    [SILA_SURVEY_GROUP_CHANNEL] = STATS_UNION ("dim_value", "channel"),
    [SILA_SURVEY_GROUP_REQUEST_TYPE] = STATS_UNION ("dim_value", "type"),
    [SILA_SURVEY_GROUP_MONTH] = STATS_UNION ("substr (period, 1, 7)", "all"),
  };
  g_autoptr(SilaStatement) stmt = NULL;
  Ranges ranges;

  g_return_val_if_fail (SILA_IS_STORE (self), NULL);
  g_return_val_if_fail (group <= SILA_SURVEY_GROUP_MONTH, NULL);

  if (!sila_store_require (self, actor, SILA_PERM_SURVEY_RESULTS, error) ||
      !split_range (from, to, &ranges, error))
    return NULL;

  stmt = sila_store_prepare (self, queries[group], error);
  if (stmt == NULL)
    return NULL;

  sila_bind_text (stmt, 1, ranges.month_from);
  sila_bind_text (stmt, 2, ranges.month_to);
  sila_bind_text (stmt, 3, ranges.day1_from);
  sila_bind_text (stmt, 4, ranges.day1_to);
  sila_bind_text (stmt, 5, ranges.day2_from);
  sila_bind_text (stmt, 6, ranges.day2_to);

  return read_counts (self, stmt, error);
}

#define RAW_COUNTS(group_expr) \
  "SELECT " group_expr ", '', '', count (*) FROM survey_responses AS r " \
  "WHERE r.answered_on BETWEEN ?1 AND ?2 GROUP BY 1 " \
  "UNION ALL " \
  "SELECT " group_expr ", q.code, " \
  "       CASE WHEN a.value IS NOT NULL THEN CAST (a.value AS TEXT) " \
  "            ELSE coalesce (a.choice, '') END, count (*) " \
  "FROM survey_answers AS a " \
  "JOIN survey_responses AS r ON r.id = a.response_id " \
  "JOIN survey_questions AS q ON q.id = a.question_id " \
  "WHERE r.answered_on BETWEEN ?1 AND ?2 GROUP BY 1, 2, 3"

GPtrArray *
sila_store_survey_counts_raw (SilaStore        *self,
                              const SilaActor  *actor,
                              const char       *from,
                              const char       *to,
                              SilaSurveyGroup   group,
                              GError          **error)
{
  static const char *queries[] = {
    [SILA_SURVEY_GROUP_NONE] = RAW_COUNTS ("''"),
    [SILA_SURVEY_GROUP_CHANNEL] = RAW_COUNTS ("coalesce (r.channel, '')"),
    [SILA_SURVEY_GROUP_REQUEST_TYPE] = RAW_COUNTS ("coalesce (r.request_type, '')"),
    [SILA_SURVEY_GROUP_MONTH] = RAW_COUNTS ("substr (r.answered_on, 1, 7)"),
  };
  g_autoptr(SilaStatement) stmt = NULL;
  Ranges ranges;

  g_return_val_if_fail (SILA_IS_STORE (self), NULL);
  g_return_val_if_fail (group <= SILA_SURVEY_GROUP_MONTH, NULL);

  if (!sila_store_require (self, actor, SILA_PERM_SURVEY_RESULTS, error) ||
      !split_range (from, to, &ranges, error))
    return NULL;

  stmt = sila_store_prepare (self, queries[group], error);
  if (stmt == NULL)
    return NULL;

  sila_bind_text (stmt, 1, from);
  sila_bind_text (stmt, 2, to);

  return read_counts (self, stmt, error);
}

GPtrArray *
sila_store_survey_questions_in (SilaStore        *self,
                                const SilaActor  *actor,
                                const char       *from,
                                const char       *to,
                                GError          **error)
{
  g_autoptr(SilaStatement) stmt = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  SilaStep step;

  g_return_val_if_fail (SILA_IS_STORE (self), NULL);

  if (!sila_store_require_any_survey (self, actor, error))
    return NULL;

  /* Every question of the default template, then those of templates
   * answered in the period; the default and newest wording first. */
  stmt = sila_store_prepare (self,
                             "SELECT q.code, q.kind, q.text_ar, q.text_en, q.required, q.choices, "
                             "q.id FROM survey_questions AS q "
                             "JOIN survey_templates AS t ON t.id = q.template_id "
                             "WHERE q.deleted_at IS NULL AND (t.is_default = 1 OR EXISTS "
                             "  (SELECT 1 FROM survey_responses AS r WHERE r.template_id = t.id "
                             "   AND r.answered_on BETWEEN ?1 AND ?2)) "
                             "ORDER BY t.is_default DESC, t.updated_at DESC, q.position",
                             error);
  if (stmt == NULL)
    return NULL;

  sila_bind_text (stmt, 1, from);
  sila_bind_text (stmt, 2, to);
  list = g_ptr_array_new_with_free_func ((GDestroyNotify)sila_survey_question_free);
  while ((step = sila_store_step (self, stmt, error)) == SILA_STEP_ROW)
    {
      const char *code = sila_column_text (stmt, 0);
      SilaQuestionKind kind = SILA_QUESTION_TEXT;
      SilaSurveyQuestion *q;

      if (g_hash_table_contains (seen, code))
        continue;
      g_hash_table_add (seen, g_strdup (code));

      sila_question_kind_from_code (sila_column_text (stmt, 1), &kind);
      q = sila_survey_question_new (code, kind, sila_column_text (stmt, 2),
                                    sila_column_text (stmt, 3),
                                    sila_column_int (stmt, 4) != 0);
      sila_survey_choices_from_json (q, sila_column_text (stmt, 5));
      q->id = sila_column_dup (stmt, 6);
      g_ptr_array_add (list, q);
    }

  return step == SILA_STEP_DONE ? g_steal_pointer (&list) : NULL;
}

void
sila_survey_text_free (SilaSurveyText *text)
{
  if (text == NULL)
    return;

  g_free (text->answered_on);
  g_free (text->channel);
  g_free (text->code);
  g_free (text->text);
  g_free (text);
}

GPtrArray *
sila_store_survey_texts (SilaStore        *self,
                         const SilaActor  *actor,
                         const char       *from,
                         const char       *to,
                         guint             limit,
                         GError          **error)
{
  g_autoptr(SilaStatement) stmt = NULL;
  g_autoptr(GPtrArray) list = NULL;
  SilaStep step;

  g_return_val_if_fail (SILA_IS_STORE (self), NULL);

  if (!sila_store_require (self, actor, SILA_PERM_SURVEY_RESULTS, error))
    return NULL;

  /* Within a day the order is that of the random ids: nothing tells which
   * answer came first. */
  stmt = sila_store_prepare (self,
                             "SELECT a.answered_on, r.channel, q.code, a.text, r.anonymous "
                             "FROM survey_answers AS a "
                             "JOIN survey_responses AS r ON r.id = a.response_id "
                             "JOIN survey_questions AS q ON q.id = a.question_id "
                             "WHERE a.text IS NOT NULL AND a.answered_on BETWEEN ?1 AND ?2 "
                             "ORDER BY a.answered_on DESC LIMIT ?3",
                             error);
  if (stmt == NULL)
    return NULL;

  sila_bind_text (stmt, 1, from);
  sila_bind_text (stmt, 2, to);
  sila_bind_int64 (stmt, 3, limit > 0 ? (gint64)limit : G_MAXINT64);
  list = g_ptr_array_new_with_free_func ((GDestroyNotify)sila_survey_text_free);
  while ((step = sila_store_step (self, stmt, error)) == SILA_STEP_ROW)
    {
      SilaSurveyText *t = g_new0 (SilaSurveyText, 1);

      t->answered_on = sila_column_dup (stmt, 0);
      t->channel = sila_column_dup (stmt, 1);
      t->code = sila_column_dup (stmt, 2);
      t->text = sila_column_dup (stmt, 3);
      t->anonymous = sila_column_int (stmt, 4) != 0;
      g_ptr_array_add (list, t);
    }

  return step == SILA_STEP_DONE ? g_steal_pointer (&list) : NULL;
}
