/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Survey commands: import, results, templates. */
#define G_LOG_DOMAIN "sila-cli"

#include "sila-config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdio.h>

#include "sila-cli-private.h"
#include "sila-clock.h"
#include "sila-date.h"
#include "sila-store-surveys.h"
#include "sila-survey-import.h"
#include "sila-survey-results.h"
#include "sila-text.h"

/* A date as scripts write it: YYYY-MM-DD, in any digits. */
static gboolean
parse_date_option (SilaCli     *cli,
                   const char  *option,
                   const char  *text,
                   GDate       *date)
{
  g_autofree char *ascii = NULL;

  if (text == NULL)
    {
      sila_cli_usage_error (cli, _("The option %s is required."), option);
      return FALSE;
    }

  ascii = g_strstrip (sila_text_digits_to_ascii (text));
  if (!sila_date_from_iso (ascii, date))
    {
      sila_cli_usage_error (cli, _("The date “%s” given to %s is not a date written "
                                   "YYYY-MM-DD."),
                            text, option);
      return FALSE;
    }

  return TRUE;
}

static void
print_number (const char *label,
              double      value,
              const char *suffix)
{
  if (isfinite (value))
    printf ("%s: %.1f%s\n", label, value, suffix);
  else
    printf ("%s: —\n", label);
}

static void
print_groups (const char      *title,
              SilaSurveyGroup  group,
              GPtrArray       *groups)
{
  if (groups->len == 0)
    return;

  printf ("\n%s\n", title);
  for (guint i = 0; i < groups->len; i++)
    {
      const SilaSurveyGroupResult *g = g_ptr_array_index (groups, i);
      g_autofree char *label = sila_survey_group_label (group, g->key);

      if (g->hidden)
        printf ("  %-28s %s\n", label,
                _("hidden: too few responses to keep them anonymous"));
      else
        printf ("  %-28s %" G_GINT64_FORMAT "  CSAT %.1f%%  NPS %.1f\n", label, g->responses,
                isfinite (g->csat) ? g->csat : 0, isfinite (g->nps) ? g->nps : 0);
    }
}

static void
print_results (const SilaSurveyResults *results)
{
  printf ("%s: %" G_GINT64_FORMAT "\n", _("Responses"), results->responses);
  print_number (_("Satisfaction (CSAT)"), results->csat, "%");
  print_number (_("Net promoter score (NPS)"), results->nps, "");

  printf ("\n%s\n", _("Questions"));
  for (guint i = 0; i < results->questions->len; i++)
    {
      const SilaSurveyQuestionResult *r = g_ptr_array_index (results->questions, i);

      if (isfinite (r->mean))
        printf ("  %-16s %8" G_GINT64_FORMAT "  %.2f\n", r->question->code, r->answered,
                r->mean);
      else
        printf ("  %-16s %8" G_GINT64_FORMAT "\n", r->question->code, r->answered);
    }

  print_groups (_("By channel"), SILA_SURVEY_GROUP_CHANNEL, results->by_channel);
  print_groups (_("By request type"), SILA_SURVEY_GROUP_REQUEST_TYPE, results->by_request_type);
}

int
sila_cli_survey_results (SilaCli  *cli,
                         int       argc,
                         char    **argv)
{
  static const SilaCliOptionSpec specs[] = {
    { "--from", TRUE },
    { "--to", TRUE },
    { "--json", FALSE },
    { NULL, FALSE },
  };
  g_auto(SilaCliArgs) args = { 0 };
  g_autoptr(SilaSurveyResults) results = NULL;
  g_autoptr(GError) error = NULL;
  const SilaActor *actor;
  SilaStore *store;
  GDate from, to;

  if (!sila_cli_args_parse (cli, argc, argv, specs, &args))
    return SILA_EXIT_USAGE;
  if (args.positional->len > 0)
    return sila_cli_usage_error (cli, _("Usage: %s"),
                                 "sila survey results --from DATE --to DATE [--json]");
  if (!parse_date_option (cli, "--from", sila_cli_args_get (&args, "--from"), &from) ||
      !parse_date_option (cli, "--to", sila_cli_args_get (&args, "--to"), &to))
    return SILA_EXIT_USAGE;
  if (g_date_compare (&from, &to) > 0)
    return sila_cli_usage_error (cli, _("The period ends before it starts."));

  store = sila_cli_open_store (cli);
  if (store == NULL)
    return SILA_EXIT_USAGE;
  actor = sila_cli_get_actor (cli);
  if (actor == NULL)
    return SILA_EXIT_REFUSED;

  results = sila_survey_results_compute (store, actor, &from, &to, 0, &error);
  if (results == NULL)
    return sila_cli_fail (cli, error);

  if (sila_cli_args_has (&args, "--json"))
    {
      g_autofree char *json = sila_survey_results_to_json (results);

      printf ("%s\n", json);
    }
  else
    print_results (results);

  return SILA_EXIT_OK;
}

static void
add_template_json (JsonBuilder              *b,
                   const SilaSurveyTemplate *tpl)
{
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "code");
  json_builder_add_string_value (b, tpl->code);
  json_builder_set_member_name (b, "name_ar");
  json_builder_add_string_value (b, tpl->name_ar);
  json_builder_set_member_name (b, "name_en");
  json_builder_add_string_value (b, tpl->name_en);
  json_builder_set_member_name (b, "default");
  json_builder_add_boolean_value (b, tpl->is_default);
  json_builder_set_member_name (b, "retired");
  json_builder_add_boolean_value (b, sila_survey_template_is_retired (tpl));
  json_builder_set_member_name (b, "responses");
  json_builder_add_int_value (b, tpl->n_responses);
  json_builder_set_member_name (b, "questions");
  json_builder_begin_array (b);
  for (guint i = 0; i < tpl->questions->len; i++)
    {
      const SilaSurveyQuestion *q = g_ptr_array_index (tpl->questions, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "code");
      json_builder_add_string_value (b, q->code);
      json_builder_set_member_name (b, "kind");
      json_builder_add_string_value (b, sila_question_kind_to_code (q->kind));
      json_builder_set_member_name (b, "required");
      json_builder_add_boolean_value (b, q->required);
      json_builder_set_member_name (b, "text_ar");
      json_builder_add_string_value (b, q->text_ar);
      json_builder_set_member_name (b, "text_en");
      json_builder_add_string_value (b, q->text_en);
      if (q->kind == SILA_QUESTION_CHOICE)
        {
          json_builder_set_member_name (b, "choices");
          json_builder_begin_array (b);
          for (guint j = 0; j < q->choices->len; j++)
            json_builder_add_string_value (b, ((SilaSurveyChoice *)
                                               g_ptr_array_index (q->choices, j))->code);
          json_builder_end_array (b);
        }
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
}

int
sila_cli_survey_templates (SilaCli  *cli,
                           int       argc,
                           char    **argv)
{
  static const SilaCliOptionSpec specs[] = {
    { "--json", FALSE },
    { NULL, FALSE },
  };
  g_auto(SilaCliArgs) args = { 0 };
  g_autoptr(GPtrArray) templates = NULL;
  g_autoptr(GError) error = NULL;
  const SilaActor *actor;
  SilaStore *store;

  if (!sila_cli_args_parse (cli, argc, argv, specs, &args))
    return SILA_EXIT_USAGE;
  if (args.positional->len > 0)
    return sila_cli_usage_error (cli, _("Usage: %s"), "sila survey templates [--json]");

  store = sila_cli_open_store (cli);
  if (store == NULL)
    return SILA_EXIT_USAGE;
  actor = sila_cli_get_actor (cli);
  if (actor == NULL)
    return SILA_EXIT_REFUSED;

  templates = sila_store_list_survey_templates (store, actor, TRUE, &error);
  if (templates == NULL)
    return sila_cli_fail (cli, error);

  if (sila_cli_args_has (&args, "--json"))
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *text = NULL;

      json_builder_begin_array (b);
      for (guint i = 0; i < templates->len; i++)
        add_template_json (b, g_ptr_array_index (templates, i));
      json_builder_end_array (b);
      root = json_builder_get_root (b);
      text = json_to_string (root, FALSE);
      printf ("%s\n", text);
      return SILA_EXIT_OK;
    }

  for (guint i = 0; i < templates->len; i++)
    {
      const SilaSurveyTemplate *tpl = g_ptr_array_index (templates, i);
      g_autoptr(GString) codes = g_string_new (NULL);

      for (guint j = 0; j < tpl->questions->len; j++)
        {
          const SilaSurveyQuestion *q = g_ptr_array_index (tpl->questions, j);

          g_string_append_printf (codes, "%s%s", j > 0 ? " " : "", q->code);
        }
      printf ("%s\t%s\t%s\t%s\n", tpl->code,
              sila_survey_template_get_name (tpl, sila_i18n_get_language ()),
              tpl->is_default ? _("default")
                              : sila_survey_template_is_retired (tpl) ? _("retired") : _("in use"),
              codes->str);
    }

  return SILA_EXIT_OK;
}

/* Saves the responses read, with progress on a terminal. */
static gboolean
save_responses (SilaStore                *store,
                const SilaActor          *actor,
                const SilaSurveyTemplate *tpl,
                GPtrArray                *responses,
                const char               *file_name,
                const char               *checksum,
                guint                     n_rejected,
                GError                  **error)
{
  SilaImportOptions options = { 0 };
  g_autoptr(SilaCliProgress) progress = sila_cli_progress_new (_("Importing"));

  sila_cli_progress_attach (progress, &options);
  return sila_store_import_survey_responses_full (store, actor, tpl, responses, file_name,
                                                  checksum, n_rejected, &options, error);
}

/* sila survey import FILE [--template CODE] [--dry-run] [--report REPORT.csv]
 * Exit 0 when every row was imported (or, with --dry-run, would be), 1
 * when a row was rejected or the import refused, 2 for bad usage or a file
 * that cannot be read. */
int
sila_cli_survey_import (SilaCli  *cli,
                        int       argc,
                        char    **argv)
{
  static const SilaCliOptionSpec specs[] = {
    { "--template", TRUE },
    { "--dry-run", FALSE },
    { "--report", TRUE },
    { NULL, FALSE },
  };
  g_auto(SilaCliArgs) args = { 0 };
  g_autoptr(SilaSurveyTemplate) tpl = NULL;
  g_autoptr(SilaSurveyImport) import = NULL;
  g_autoptr(SilaImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *failure = NULL;
  g_autofree char *previous = NULL;
  g_autofree char *basename = NULL;
  const char *report_path;
  const char *template_code;
  const char *path;
  const SilaActor *actor;
  gboolean dry_run;
  SilaStore *store;
  GPtrArray *responses;
  guint n_rejected;
  int status;

  if (!sila_cli_args_parse (cli, argc, argv, specs, &args))
    return SILA_EXIT_USAGE;
  if (args.positional->len != 1)
    return sila_cli_usage_error (cli, _("Usage: %s"),
                                 "sila survey import FILE [--template CODE] [--dry-run] "
                                 "[--report REPORT.csv]");

  path = g_ptr_array_index (args.positional, 0);
  template_code = sila_cli_args_get (&args, "--template");
  report_path = sila_cli_args_get (&args, "--report");
  dry_run = sila_cli_args_has (&args, "--dry-run");

  if (report_path != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (report_path);

      if (*report_path == '\0' || !g_file_test (dir, G_FILE_TEST_IS_DIR) ||
          g_file_test (report_path, G_FILE_TEST_IS_DIR))
        return sila_cli_usage_error (cli, _("The report cannot be written to “%s”."),
                                     report_path);
    }

  store = sila_cli_open_store (cli);
  if (store == NULL)
    return SILA_EXIT_USAGE;
  actor = sila_cli_get_actor (cli);
  if (actor == NULL)
    return SILA_EXIT_REFUSED;
  if (!sila_store_require (store, actor, SILA_PERM_SURVEY_IMPORT, &error))
    return sila_cli_fail (cli, error);

  if (template_code != NULL)
    tpl = sila_store_get_survey_template (store, actor, template_code, &error);
  else
    tpl = sila_store_get_default_survey_template (store, actor, &error);
  if (tpl == NULL)
    {
      sila_cli_message (cli, "%s", error->message);
      return g_error_matches (error, SILA_STORE_ERROR, SILA_STORE_ERROR_NOT_FOUND)
               ? SILA_EXIT_USAGE : sila_cli_exit_for_error (error);
    }
  if (sila_survey_template_is_retired (tpl))
    {
      sila_cli_message (cli, _("The survey template “%s” is retired: it takes no new responses."),
                        tpl->code);
      return SILA_EXIT_REFUSED;
    }

  {
    SilaImportOptions options = { .dry_run = TRUE };
    g_autoptr(SilaCliProgress) progress = sila_cli_progress_new (_("Checking"));

    sila_cli_progress_attach (progress, &options);
    import = sila_survey_import_read_full (path, tpl, &options, &error);
  }
  if (import == NULL)
    {
      sila_cli_message (cli, "%s", error->message);
      return SILA_EXIT_USAGE;
    }

  responses = sila_survey_import_get_responses (import);
  n_rejected = sila_survey_import_get_n_rejected (import);
  basename = g_path_get_basename (path);

  for (const char *const *c = sila_survey_import_get_ignored_columns (import);
       c != NULL && *c != NULL; c++)
    sila_cli_message (cli, _("The column “%s” is no question of the template “%s”: it was "
                             "ignored."),
                      *c, tpl->code);

  if (!sila_store_find_survey_import (store, sila_survey_import_get_checksum (import), &previous,
                                      &error))
    return sila_cli_fail (cli, error);
  if (previous != NULL)
    {
      GDate day;
      g_autofree char *iso = g_strndup (previous, 10);
      g_autofree char *when = sila_date_from_iso (iso, &day)
                                ? sila_date_format (&day, SILA_CALENDAR_GREGORIAN)
                                : g_strdup (previous);

      failure = g_strdup_printf (_("This file was imported already, on %s. Nothing was "
                                   "imported again."),
                                 when);
    }
  else if (!dry_run && responses->len > 0 &&
           !save_responses (store, actor, tpl, responses, basename,
                            sila_survey_import_get_checksum (import), n_rejected, &error))
    failure = g_strdup (error->message);

  report = sila_survey_import_make_report (import, failure);
  if (report_path != NULL)
    {
      g_autoptr(GError) write_error = NULL;

      if (!sila_import_report_write (report, report_path, &write_error))
        {
          sila_cli_message (cli, "%s", write_error->message);
          if (failure == NULL && !dry_run)
            sila_cli_message (cli, "%s", _("The responses were imported all the same."));
          return SILA_EXIT_USAGE;
        }
    }

  if (failure != NULL)
    {
      sila_cli_message (cli, "%s", failure);
      return SILA_EXIT_REFUSED;
    }

  status = n_rejected > 0 ? SILA_EXIT_REFUSED : SILA_EXIT_OK;
  {
    g_autofree char *accepted = NULL;
    g_autofree char *refused = g_strdup_printf (ngettext ("%u row rejected",
                                                          "%u rows rejected", n_rejected),
                                                n_rejected);

    if (dry_run)
      accepted = g_strdup_printf (ngettext ("%u response would be imported",
                                            "%u responses would be imported", responses->len),
                                  responses->len);
    else
      accepted = g_strdup_printf (ngettext ("%u response imported",
                                            "%u responses imported", responses->len),
                                  responses->len);
    /* TRANSLATORS: "5 responses imported; 1 row rejected." */
    printf (_("%s; %s.\n"), accepted, refused);
    if (dry_run)
      printf ("%s\n", _("This was a dry run: nothing was saved."));
  }

  return status;
}

/* sila survey kiosk-pin: sets the kiosk PIN from SILA_NEW_PIN, or from the
 * first line of standard input. */
int
sila_cli_survey_kiosk_pin (SilaCli  *cli,
                           int       argc,
                           char    **argv)
{
  g_auto(SilaCliArgs) args = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *pin = NULL;
  const SilaActor *actor;
  SilaStore *store;

  if (!sila_cli_args_parse (cli, argc, argv, NULL, &args))
    return SILA_EXIT_USAGE;
  if (args.positional->len > 0)
    return sila_cli_usage_error (cli, _("Usage: %s"), "sila survey kiosk-pin");

  if (g_getenv ("SILA_NEW_PIN") != NULL)
    pin = g_strdup (g_getenv ("SILA_NEW_PIN"));
  else
    {
      char line[64] = { 0 };

      if (fgets (line, sizeof line, stdin) == NULL)
        return sila_cli_usage_error (cli, "%s",
                                     _("Give the new PIN in SILA_NEW_PIN or on standard input."));
      pin = g_strdup (g_strchomp (line));
    }

  store = sila_cli_open_store (cli);
  if (store == NULL)
    return SILA_EXIT_USAGE;
  actor = sila_cli_get_actor (cli);
  if (actor == NULL)
    return SILA_EXIT_REFUSED;

  if (!sila_store_set_kiosk_pin (store, actor, pin, &error))
    return sila_cli_fail (cli, error);

  return SILA_EXIT_OK;
}
