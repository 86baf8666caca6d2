/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Surveys on real SQLite files: the default template, answers parsed,
 * anonymity searched for in every table and the audit trail, responses
 * kept, templates retired and edited, the kiosk PIN, permissions, and the
 * feedback register. The figures are in test-survey-results.c. */
#include "sila-config.h"

#include <sqlite3.h>
#include <string.h>

#include "sila-clock.h"
#include "sila-i18n.h"
#include "sila-store-feedback.h"
#include "sila-store-staff.h"
#include "sila-sqlite.h"
#include "sila-store-private.h"
#include "sila-test-surveys.h"
#include "sila-validation.h"

typedef SilaSurveyFixture Fixture;

/* The template scripts rely on. */
static void
test_default_template (Fixture       *f,
                       gconstpointer  data)
{
  static const struct {
    const char       *code;
    SilaQuestionKind  kind;
  } expected[] = {
    { "speed", SILA_QUESTION_LIKERT },
    { "courtesy", SILA_QUESTION_LIKERT },
    { "clarity", SILA_QUESTION_LIKERT },
    { "channel_ease", SILA_QUESTION_LIKERT },
    { "information", SILA_QUESTION_LIKERT },
    { "overall", SILA_QUESTION_LIKERT },
    { "recommend", SILA_QUESTION_RECOMMEND },
    { "suggestion", SILA_QUESTION_TEXT },
  };
  g_autoptr(SilaSurveyTemplate) tpl = sila_test_default_template (f);

  g_assert_cmpstr (tpl->code, ==, SILA_SURVEY_DEFAULT_TEMPLATE);
  g_assert_true (tpl->is_default);
  g_assert_false (sila_survey_template_is_retired (tpl));
  g_assert_cmpuint (tpl->questions->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const SilaSurveyQuestion *q = g_ptr_array_index (tpl->questions, i);

      g_assert_cmpstr (q->code, ==, expected[i].code);
      g_assert_cmpint (q->kind, ==, expected[i].kind);
      g_assert_true (g_utf8_validate (q->text_ar, -1, NULL));
      /* Arabic wording in Arabic letters, English in Latin ones. */
      g_assert_cmpint (g_unichar_get_script (g_utf8_get_char (q->text_ar)), ==,
                       G_UNICODE_SCRIPT_ARABIC);
      g_assert_true (g_ascii_isupper (q->text_en[0]));
      g_assert_true (q->id != NULL && g_uuid_string_is_valid (q->id));
    }
  g_assert_cmpstr (sila_survey_template_get_name (tpl, SILA_LANGUAGE_ARABIC), ==,
                   "قياس رضا المستفيد");
}

/* Every value of every table, and the audit trail, searched for anything
 * that ties an anonymous response to a person, a request or a staff member. */
static gboolean
database_mentions_except (Fixture           *f,
                          const char        *needle,
                          const char *const *skip_tables)
{
  SilaDb *db = sila_test_store_db (f->store);
  g_auto(GStrv) tables = sila_test_table_names (db);
  gboolean found = FALSE;

  for (guint i = 0; !found && tables[i] != NULL; i++)
    {
      const char *table = tables[i];
      g_autofree char *sql = NULL;
      g_autoptr(GString) rows = g_string_new (NULL);

      if (skip_tables != NULL && g_strv_contains (skip_tables, table))
        continue;
      sql = g_strdup_printf ("SELECT * FROM \"%s\"", table);
      sila_test_db_dump (db, sql, rows);
      if (strstr (rows->str, needle) != NULL)
        {
          g_test_message ("%s holds %s", table, needle);
          found = TRUE;
        }
    }

  return found;
}

static gboolean
database_mentions (Fixture    *f,
                   const char *needle)
{
  return database_mentions_except (f, needle, NULL);
}

static void
test_anonymity (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SilaSurveyTemplate) tpl = sila_test_default_template (f);
  g_autoptr(GError) error = NULL;
  g_autofree char *beneficiary = g_uuid_string_random ();
  g_autofree char *request = g_uuid_string_random ();
  g_autofree char *contact = g_uuid_string_random ();
  g_autofree char *linked_id = NULL;
  g_autofree char *anon_id = NULL;
  gint64 audit_before;

  /* A linked response is kept with its links and audited. */
  {
    g_autoptr(SilaSurveyResponse) r = sila_test_make_response (tpl, SILA_SURVEY_MODE_OFFICER,
                                                               "2026-06-01", "interview",
                                                               "overall=5,recommend=10");

    g_assert_false (r->anonymous);
    g_assert_true (sila_survey_response_set_links (r, beneficiary, request, NULL, &error));
    g_assert_no_error (error);
    g_assert_true (sila_store_add_survey_response (f->store, f->owner, r, &linked_id, &error));
    g_assert_no_error (error);
    g_assert_true (database_mentions (f, request));
  }
  {
    g_autoptr(GPtrArray) found = sila_store_find_survey_responses (f->store, f->owner,
                                                                   SILA_SURVEY_LINK_REQUEST,
                                                                   request, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (found->len, ==, 1);
    g_assert_cmpstr (((char **)g_ptr_array_index (found, 0))[0], ==, linked_id);
  }

  /* An anonymous response refuses links outright. */
  {
    g_autoptr(SilaSurveyResponse) r = sila_test_make_response (tpl, SILA_SURVEY_MODE_OFFICER,
                                                               "2026-06-02", "interview",
                                                               "overall=2,recommend=3");

    sila_survey_response_make_anonymous (r);
    g_assert_false (sila_survey_response_set_links (r, NULL, request, NULL, &error));
    g_assert_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID);
    g_clear_error (&error);

    /* Even a caller that fills the links in by hand gets nowhere. */
    r->contact_id = g_strdup (contact);
    g_assert_false (sila_store_add_survey_response (f->store, f->owner, r, NULL, &error));
    g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_false (database_mentions (f, contact));

    g_clear_pointer (&r->contact_id, g_free);
    audit_before = sila_test_raw_int (f, "SELECT count(*) FROM audit_log");
    g_assert_true (sila_store_add_survey_response (f->store, f->owner, r, &anon_id, &error));
    g_assert_no_error (error);
  }

  /* Not audited at all; no time of day; no staff member; no link. */
  g_assert_cmpint (sila_test_raw_int (f, "SELECT count(*) FROM audit_log"), ==, audit_before);
  {
    static const char *answer_tables[] = { "survey_responses", "survey_answers", NULL };

    /* Only the response and its answers know the id. */
    g_assert_true (database_mentions (f, anon_id));
    g_assert_false (database_mentions_except (f, anon_id, answer_tables));
  }
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM survey_responses WHERE "
                                            "id = '%s' AND anonymous = 1 AND taken_by IS NULL "
                                            "AND beneficiary_id IS NULL AND request_id IS NULL "
                                            "AND contact_id IS NULL AND created_at = "
                                            "'2026-06-02T00:00:00.000Z' AND updated_at = "
                                            "created_at", anon_id);
    g_assert_cmpint (sila_test_raw_int (f, sql), ==, 1);
  }
  {
    g_autoptr(GString) audit = g_string_new (NULL);

    /* The audit trail says nothing of it, not even its day. */
    sila_test_db_dump (sila_test_store_db (f->store), "SELECT * FROM audit_log", audit);
    g_assert_null (strstr (audit->str, anon_id));
    g_assert_null (strstr (audit->str, "2026-06-02"));
  }
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM survey_answers "
                                            "WHERE response_id = '%s'", anon_id);

    g_assert_cmpint (sila_test_raw_int (f, sql), ==, 2);
  }

  /* The schema itself refuses a link on an anonymous row. */
  {
    g_autofree char *sql = g_strdup_printf ("INSERT INTO survey_responses (id, template_id, "
                                            "answered_on, mode, anonymous, request_id, "
                                            "created_at, updated_at, device_id) VALUES "
                                            "('x', '%s', '2026-06-03', 'kiosk', 1, '%s', 'a', "
                                            "'a', 'd')", tpl->id, request);

    g_assert_false (sila_store_exec (f->store, sql, &error));
    g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }
  /* Kiosk and paper responses cannot be other than anonymous. */
  {
    g_autoptr(SilaSurveyResponse) r = sila_test_make_response (tpl, SILA_SURVEY_MODE_KIOSK,
                                                               "2026-06-02", NULL,
                                                               "overall=4,recommend=8");

    g_assert_true (r->anonymous);
    r->anonymous = FALSE;
    g_assert_false (sila_store_add_survey_response (f->store, f->owner, r, NULL, &error));
    g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_INVALID);
  }
}

/* Answers are evidence: nobody changes or deletes them. */
static void
test_responses_kept (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(SilaSurveyTemplate) tpl = sila_test_default_template (f);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = sila_test_add_response (f, tpl, "2026-06-01", "phone",
                                                "overall=1,recommend=0");

  g_assert_false (sila_store_exec (f->store, "UPDATE survey_answers SET value = 5", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (sila_store_exec (f->store, "DELETE FROM survey_responses", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (sila_test_raw_int (f, "SELECT count(*) FROM survey_answers WHERE value = 1"),
                   ==, 1);
}

static SilaSurveyTemplate *
event_template (void)
{
  SilaSurveyTemplate *tpl = sila_survey_template_new ("event", "استبيان الفعالية",
                                                      "Event survey");
  SilaSurveyQuestion *q;

  g_ptr_array_add (tpl->questions,
                   sila_survey_question_new ("overall", SILA_QUESTION_LIKERT,
                                             "ما مدى رضاك عن الفعالية؟",
                                             "How satisfied are you with the event?", TRUE));
  q = sila_survey_question_new ("heard_from", SILA_QUESTION_CHOICE, "كيف عرفت عن الفعالية؟",
                                "How did you hear about the event?", FALSE);
  g_ptr_array_add (q->choices, sila_survey_choice_new ("friends", "من الأصدقاء", "From friends"));
  g_ptr_array_add (q->choices, sila_survey_choice_new ("social", "وسائل التواصل", "Social media"));
  g_ptr_array_add (tpl->questions, q);
  g_ptr_array_add (tpl->questions,
                   sila_survey_question_new ("first_visit", SILA_QUESTION_YES_NO,
                                             "هل هذه زيارتك الأولى؟", "Is this your first visit?",
                                             FALSE));
  return tpl;
}

static void
test_template_retirement (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(SilaSurveyTemplate) tpl = event_template ();
  g_autoptr(SilaSurveyTemplate) def = sila_test_default_template (f);
  g_autoptr(SilaSurveyTemplate) reread = NULL;
  g_autoptr(SilaSurveyResults) results = NULL;
  g_autoptr(GPtrArray) active = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  const SilaSurveyQuestionResult *heard, *first;

  g_assert_true (sila_store_save_survey_template (f->store, f->owner, tpl, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (tpl->id);

  for (int i = 0; i < 6; i++)
    g_free (sila_test_add_response (f, tpl, "2026-06-10", "volunteer_service",
                                    i < 4 ? "overall=5,heard_from=social,first_visit=نعم"
                                          : "overall=3,heard_from=من الأصدقاء,first_visit=no"));

  /* The default template cannot be retired. */
  g_assert_false (sila_store_retire_survey_template (f->store, f->owner, def->id, TRUE, &error));
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (sila_store_retire_survey_template (f->store, f->owner, tpl->id, TRUE, &error));
  g_assert_no_error (error);

  /* No new responses… */
  {
    g_autoptr(SilaSurveyResponse) r = sila_test_make_response (tpl, SILA_SURVEY_MODE_KIOSK,
                                                               "2026-06-11", NULL, "overall=4");

    g_assert_false (sila_store_add_survey_response (f->store, f->owner, r, NULL, &error));
    g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }
  /* … it cannot be the default … */
  g_assert_false (sila_store_set_default_survey_template (f->store, f->owner, tpl->id, &error));
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* … it leaves the list of templates in use, not the database … */
  active = sila_store_list_survey_templates (f->store, f->owner, FALSE, &error);
  g_assert_cmpuint (active->len, ==, 1);
  all = sila_store_list_survey_templates (f->store, f->owner, TRUE, &error);
  g_assert_cmpuint (all->len, ==, 2);
  reread = sila_store_get_survey_template (f->store, f->owner, "event", &error);
  g_assert_no_error (error);
  g_assert_true (sila_survey_template_is_retired (reread));
  g_assert_cmpint (reread->n_responses, ==, 6);

  /* … and its answers stay readable in the results. */
  results = sila_test_results_for (f, "2026-06-01", "2026-06-30");
  g_assert_cmpint (results->responses, ==, 6);
  sila_test_assert_close (results->csat, 400.0 / 6.0);
  heard = sila_survey_results_find (results, "heard_from");
  g_assert_nonnull (heard);
  g_assert_cmpint (heard->answered, ==, 6);
  g_assert_cmpint (heard->choice_counts[0], ==, 2);  /* friends */
  g_assert_cmpint (heard->choice_counts[1], ==, 4);  /* social */
  first = sila_survey_results_find (results, "first_visit");
  g_assert_cmpint (first->counts[1], ==, 4);
  g_assert_cmpint (first->counts[0], ==, 2);

  /* Brought back, it takes responses again. */
  g_assert_true (sila_store_retire_survey_template (f->store, f->owner, tpl->id, FALSE, &error));
  g_assert_no_error (error);
  g_free (sila_test_add_response (f, tpl, "2026-06-12", NULL, "overall=4"));
}

static void
test_template_editing (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(SilaSurveyTemplate) tpl = event_template ();
  g_autoptr(SilaSurveyTemplate) stale = NULL;
  g_autoptr(GError) error = NULL;
  SilaSurveyProblem problem;
  SilaSurveyQuestion *q;

  /* Checked before anything is written, the problem located. */
  q = g_ptr_array_index (tpl->questions, 1);
  g_free (q->text_en);
  q->text_en = g_strdup ("  ");
  g_assert_false (sila_store_save_survey_template (f->store, f->owner, tpl, &problem, &error));
  g_assert_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_REQUIRED);
  g_assert_cmpint (problem.field, ==, SILA_SURVEY_FIELD_QUESTION_TEXT_EN);
  g_assert_cmpint (problem.question, ==, 1);
  g_assert_null (tpl->id);
  g_clear_error (&error);
  g_free (q->text_en);
  q->text_en = g_strdup ("How did you hear about the event?");

  /* A code keeps its kind across templates: "recommend" is 0–10. */
  g_ptr_array_add (tpl->questions, sila_survey_question_new ("recommend", SILA_QUESTION_LIKERT,
                                                             "أ", "A", FALSE));
  g_assert_false (sila_store_save_survey_template (f->store, f->owner, tpl, &problem, &error));
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_INVALID);
  g_assert_cmpint (problem.field, ==, SILA_SURVEY_FIELD_QUESTION_CODE);
  g_assert_cmpint (problem.question, ==, 3);
  g_clear_error (&error);
  g_ptr_array_remove_index (tpl->questions, 3);

  /* The template's code is unique. */
  g_free (tpl->code);
  tpl->code = g_strdup ("Satisfaction");
  g_assert_false (sila_store_save_survey_template (f->store, f->owner, tpl, &problem, &error));
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DUPLICATE);
  g_assert_cmpint (problem.field, ==, SILA_SURVEY_FIELD_CODE);
  g_clear_error (&error);
  g_free (tpl->code);
  tpl->code = g_strdup ("event");

  g_assert_true (sila_store_save_survey_template (f->store, f->owner, tpl, NULL, &error));
  g_assert_no_error (error);
  stale = sila_survey_template_copy (tpl);

  /* Unused: anything may change, questions reordered, renamed, removed. */
  g_ptr_array_remove_index (tpl->questions, 2);
  q = g_ptr_array_index (tpl->questions, 0);
  g_free (q->code);
  q->code = g_strdup ("event_rating");
  g_assert_true (sila_store_save_survey_template (f->store, f->owner, tpl, NULL, &error));
  g_assert_no_error (error);

  /* Someone working on the old copy is told, not overwritten. */
  g_assert_false (sila_store_save_survey_template (f->store, f->owner, stale, NULL, &error));
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  /* Once answered, a question keeps its code and kind and stays. */
  g_free (sila_test_add_response (f, tpl, "2026-06-10", NULL, "event_rating=4,heard_from=friends"));
  q = g_ptr_array_index (tpl->questions, 0);
  q->kind = SILA_QUESTION_RECOMMEND;
  g_assert_false (sila_store_save_survey_template (f->store, f->owner, tpl, &problem, &error));
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_INVALID);
  g_assert_cmpint (problem.field, ==, SILA_SURVEY_FIELD_QUESTION_KIND);
  g_clear_error (&error);
  q->kind = SILA_QUESTION_LIKERT;

  {
    g_autoptr(SilaSurveyQuestion) removed = g_ptr_array_steal_index (tpl->questions, 1);

    g_assert_false (sila_store_save_survey_template (f->store, f->owner, tpl, &problem, &error));
    g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_INVALID);
    g_clear_error (&error);
    g_ptr_array_insert (tpl->questions, 1, g_steal_pointer (&removed));
  }

  /* Wording may be corrected and questions added. */
  g_free (q->text_en);
  q->text_en = g_strdup ("How was the event?");
  g_ptr_array_add (tpl->questions, sila_survey_question_new ("comment", SILA_QUESTION_TEXT,
                                                             "ملاحظات", "Comments", FALSE));
  g_assert_true (sila_store_save_survey_template (f->store, f->owner, tpl, NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr(SilaSurveyTemplate) reread = sila_store_get_survey_template (f->store, f->owner,
                                                                           tpl->id, &error);

    g_assert_cmpuint (reread->questions->len, ==, 3);
    g_assert_cmpstr (((SilaSurveyQuestion *)g_ptr_array_index (reread->questions, 0))->text_en,
                     ==, "How was the event?");
  }
}

static void
test_answers (void)
{
  g_autoptr(SilaSurveyTemplate) tpl = sila_survey_template_new_default ();
  g_autoptr(SilaSurveyTemplate) event = event_template ();
  const SilaSurveyQuestion *overall = sila_survey_template_find (tpl, "overall");
  const SilaSurveyQuestion *recommend = sila_survey_template_find (tpl, "recommend");
  const SilaSurveyQuestion *text = sila_survey_template_find (tpl, "suggestion");
  const SilaSurveyQuestion *choice = sila_survey_template_find (event, "heard_from");
  const SilaSurveyQuestion *yes_no = sila_survey_template_find (event, "first_visit");
  SilaSurveyAnswer a = { 0 };
  g_autoptr(GError) error = NULL;

  g_assert_true (sila_survey_answer_parse (overall, "٤", &a, &error));
  g_assert_true (a.answered);
  g_assert_cmpint (a.value, ==, 4);
  g_assert_true (sila_survey_answer_parse (overall, "  ", &a, &error));
  g_assert_false (a.answered);
  g_assert_false (sila_survey_answer_parse (overall, "6", &a, &error));
  g_assert_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);
  g_assert_false (sila_survey_answer_parse (overall, "0", &a, &error));
  g_clear_error (&error);
  g_assert_false (sila_survey_answer_parse (overall, "4.5", &a, &error));
  g_clear_error (&error);
  g_assert_true (sila_survey_answer_parse (recommend, "0", &a, &error));
  g_assert_cmpint (a.value, ==, 0);
  g_assert_true (sila_survey_answer_parse (recommend, "١٠", &a, &error));
  g_assert_cmpint (a.value, ==, 10);
  g_assert_false (sila_survey_answer_parse (recommend, "11", &a, &error));
  g_clear_error (&error);
  g_assert_true (sila_survey_answer_parse (yes_no, "لا", &a, &error));
  g_assert_true (a.answered);
  g_assert_cmpint (a.value, ==, 0);
  g_assert_true (sila_survey_answer_parse (yes_no, "Yes", &a, &error));
  g_assert_cmpint (a.value, ==, 1);
  g_assert_false (sila_survey_answer_parse (yes_no, "maybe", &a, &error));
  g_clear_error (&error);
  g_assert_true (sila_survey_answer_parse (choice, "Social media", &a, &error));
  g_assert_cmpstr (a.choice, ==, "social");
  g_assert_false (sila_survey_answer_parse (choice, "radio", &a, &error));
  g_assert_nonnull (strstr (error->message, "friends, social"));
  g_clear_error (&error);
  /* Free text keeps its lines but loses hidden controls. */
  g_assert_true (sila_survey_answer_parse (text, " سطر\u202Eأول\nسطر ثانٍ ", &a, &error));
  g_assert_cmpstr (a.text, ==, "سطرأول\nسطر ثانٍ");
  sila_survey_answer_clear (&a);
}

static void
test_kiosk_pin (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  static const char *refused[] = { "", "12", "123456789", "12a4", "1234", "0000", "9876", NULL };

  g_assert_false (sila_store_has_kiosk_pin (f->store));
  g_assert_false (sila_store_check_kiosk_pin (f->store, "25807391"));

  for (guint i = 0; refused[i] != NULL; i++)
    {
      g_assert_false (sila_store_set_kiosk_pin (f->store, f->owner, refused[i], &error));
      g_assert_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID);
      g_clear_error (&error);
    }
  g_assert_false (sila_store_has_kiosk_pin (f->store));

  g_assert_true (sila_store_set_kiosk_pin (f->store, f->owner, "٢٥٨٠٧٣٩١", &error));
  g_assert_no_error (error);
  g_assert_true (sila_store_has_kiosk_pin (f->store));
  g_assert_true (sila_store_check_kiosk_pin (f->store, "25807391"));
  g_assert_true (sila_store_check_kiosk_pin (f->store, "٢٥٨٠٧٣٩١"));
  g_assert_false (sila_store_check_kiosk_pin (f->store, "25807392"));
  g_assert_false (sila_store_check_kiosk_pin (f->store, ""));
  g_assert_false (sila_store_check_kiosk_pin (f->store, NULL));

  /* Kept hashed; neither the PIN nor the hash reaches the audit trail.
   * (An eight-digit PIN: four digits turn up by chance in the hex of the
   * database's ids and audit hashes, a few runs in a hundred.) */
  g_assert_false (database_mentions (f, "25807391"));
  g_assert_cmpint (sila_test_raw_int (f, "SELECT count(*) FROM office_settings "
                                         "WHERE key = 'kiosk_pin_hash' "
                                         "AND value LIKE '$argon2id$%'"), ==, 1);
  g_assert_cmpint (sila_test_raw_int (f, "SELECT count(*) FROM audit_log "
                                         "WHERE entity_id = 'kiosk_pin' "
                                         "AND after_json IS NULL"), ==, 1);
  g_assert_cmpint (sila_test_raw_int (f, "SELECT count(*) FROM audit_log "
                                         "WHERE after_json LIKE '%argon%'"),
                   ==, 0);
}

/* Who may do what (the table in sila-roles.c), enforced by the store for
 * real staff accounts. */
static void
test_permissions (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(SilaSurveyTemplate) tpl = sila_test_default_template (f);
  g_autoptr(SilaSurveyResponse) r = sila_test_make_response (tpl, SILA_SURVEY_MODE_KIOSK,
                                                             "2026-06-01", NULL,
                                                             "overall=4,recommend=9");
  g_autoptr(SilaStaff) admin_staff = NULL;
  g_autoptr(SilaStaff) officer_staff = NULL;
  g_autoptr(SilaStaff) manager_staff = NULL;
  g_autoptr(SilaActor) admin = NULL;
  g_autoptr(SilaActor) officer = NULL;
  g_autoptr(SilaActor) manager = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *counts;

  sila_store_set_cheap_hashes_for_testing (TRUE);
  admin_staff = sila_store_create_first_admin (f->store, "جمعية الاختبار", "admin", "المسؤول",
                                               "a long enough passphrase 1", &error);
  g_assert_no_error (error);
  admin = sila_staff_to_actor (admin_staff);
  officer_staff = sila_store_add_staff (f->store, admin, "huda", "هدى", SILA_ROLE_OFFICER,
                                        "another long passphrase 2", FALSE, &error);
  g_assert_no_error (error);
  officer = sila_staff_to_actor (officer_staff);
  manager_staff = sila_store_add_staff (f->store, admin, "sami", "سامي", SILA_ROLE_MANAGER,
                                        "a third long passphrase 3", FALSE, &error);
  g_assert_no_error (error);
  manager = sila_staff_to_actor (manager_staff);
  sila_store_set_cheap_hashes_for_testing (FALSE);

  /* Officers take surveys; managers do not… */
  g_assert_false (sila_store_add_survey_response (f->store, manager, r, NULL, &error));
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_true (sila_store_add_survey_response (f->store, officer, r, NULL, &error));
  g_assert_no_error (error);

  /* … managers see results; officers do not. */
  counts = sila_store_survey_counts (f->store, officer, "2026-01-01", "2026-12-31",
                                     SILA_SURVEY_GROUP_NONE, &error);
  g_assert_null (counts);
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DENIED);
  g_clear_error (&error);
  counts = sila_store_survey_counts (f->store, manager, "2026-01-01", "2026-12-31",
                                     SILA_SURVEY_GROUP_NONE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (counts);
  g_ptr_array_unref (counts);

  /* The kiosk PIN: managers and administrators. */
  g_assert_false (sila_store_set_kiosk_pin (f->store, officer, "2580", &error));
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DENIED);
  g_clear_error (&error);

  /* Templates: administrators only. */
  g_assert_false (sila_store_save_survey_template (f->store, manager, tpl, NULL, &error));
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DENIED);
  g_clear_error (&error);

  /* Once accounts exist, the owner of a fresh database is nobody. */
  g_assert_false (sila_store_add_survey_response (f->store, f->owner, r, NULL, &error));
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DENIED);
}

/* The register: numbers, forward-only moves, what each step needs, the
 * overdue list, anonymity of items made from a survey. */
static void
test_feedback_register (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(SilaFeedbackItem) item = sila_feedback_item_new (SILA_FEEDBACK_COMPLAINT);
  g_autoptr(SilaFeedbackItem) second = sila_feedback_item_new (SILA_FEEDBACK_SUGGESTION);
  g_autoptr(SilaFeedbackItem) stale = NULL;
  g_autoptr(GPtrArray) overdue = NULL;
  g_autoptr(GPtrArray) open = NULL;
  g_autoptr(GError) error = NULL;
  SilaFeedbackField field;
  gint64 n_open, n_overdue;
  GDate expected;

  /* The due date defaults to the office's answer window (14 days). */
  g_assert_true (sila_date_from_iso ("2026-06-01", &item->received_on));
  sila_store_feedback_default_due (f->store, &item->received_on, &item->due_on);
  g_assert_true (sila_date_from_iso ("2026-06-15", &expected));
  g_assert_cmpint (g_date_compare (&item->due_on, &expected), ==, 0);

  /* Nothing said: refused, the field named. */
  g_assert_false (sila_store_save_feedback (f->store, f->owner, item, &field, &error));
  g_assert_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_REQUIRED);
  g_assert_cmpint (field, ==, SILA_FEEDBACK_FIELD_DESCRIPTION);
  g_assert_null (item->id);
  g_clear_error (&error);

  item->description = g_strdup ("  تأخر الرد على الاتصال  ");
  item->channel = g_strdup ("الاتصالات الهاتفية");
  g_assert_true (sila_store_save_feedback (f->store, f->owner, item, &field, &error));
  g_assert_no_error (error);
  g_assert_cmpint (item->number, ==, 1);
  g_assert_cmpstr (item->channel, ==, "phone");
  g_assert_cmpstr (item->description, ==, "تأخر الرد على الاتصال");
  stale = sila_feedback_item_copy (item);

  /* Due on 15 June, today is 30 June: overdue. */
  overdue = sila_store_list_feedback (f->store, f->owner, SILA_FEEDBACK_LIST_OVERDUE, 0, &error);
  g_assert_cmpuint (overdue->len, ==, 1);
  g_assert_true (sila_store_count_feedback (f->store, f->owner, &n_open, &n_overdue, &error));
  g_assert_cmpint (n_open, ==, 1);
  g_assert_cmpint (n_overdue, ==, 1);

  /* In progress needs someone responsible; answered needs the answer. */
  item->status = SILA_FEEDBACK_IN_PROGRESS;
  g_assert_false (sila_store_save_feedback (f->store, f->owner, item, &field, &error));
  g_assert_cmpint (field, ==, SILA_FEEDBACK_FIELD_RESPONSIBLE);
  g_clear_error (&error);
  item->responsible = g_strdup ("هدى");
  g_assert_true (sila_store_save_feedback (f->store, f->owner, item, &field, &error));
  item->status = SILA_FEEDBACK_ANSWERED;
  g_assert_false (sila_store_save_feedback (f->store, f->owner, item, &field, &error));
  g_assert_cmpint (field, ==, SILA_FEEDBACK_FIELD_ANSWER);
  g_clear_error (&error);
  item->answer = g_strdup ("اتصلنا به واعتذرنا وعُدّل جدول المناوبة");
  g_assert_true (sila_store_save_feedback (f->store, f->owner, item, &field, &error));
  g_assert_no_error (error);
  g_assert_true (g_date_valid (&item->answered_on));

  /* Answered is not overdue any more, and does not go back. */
  g_clear_pointer (&overdue, g_ptr_array_unref);
  overdue = sila_store_list_feedback (f->store, f->owner, SILA_FEEDBACK_LIST_OVERDUE, 0, &error);
  g_assert_cmpuint (overdue->len, ==, 0);
  item->status = SILA_FEEDBACK_NEW;
  g_assert_false (sila_store_save_feedback (f->store, f->owner, item, &field, &error));
  g_assert_cmpint (field, ==, SILA_FEEDBACK_FIELD_STATUS);
  g_clear_error (&error);
  item->status = SILA_FEEDBACK_CLOSED;
  g_assert_true (sila_store_save_feedback (f->store, f->owner, item, &field, &error));

  /* A second desk that read the first version is told, not obeyed. */
  g_free (stale->responsible);
  stale->responsible = g_strdup ("سامي");
  g_assert_false (sila_store_save_feedback (f->store, f->owner, stale, &field, &error));
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  /* From a survey's free text: anonymous, nobody can be named. */
  second->from_survey = TRUE;
  second->description = g_strdup ("أقترح رسالة نصية عند قبول الطلب");
  second->submitter = g_strdup ("محمد");
  g_assert_true (sila_date_from_iso ("2026-06-29", &second->received_on));
  sila_store_feedback_default_due (f->store, &second->received_on, &second->due_on);
  g_assert_false (sila_store_save_feedback (f->store, f->owner, second, &field, &error));
  g_assert_cmpint (field, ==, SILA_FEEDBACK_FIELD_SUBMITTER);
  g_clear_error (&error);
  g_clear_pointer (&second->submitter, g_free);
  g_assert_true (sila_store_save_feedback (f->store, f->owner, second, &field, &error));
  g_assert_cmpint (second->number, ==, 2);
  g_assert_true (second->anonymous);

  open = sila_store_list_feedback (f->store, f->owner, SILA_FEEDBACK_LIST_OPEN, 0, &error);
  g_assert_cmpuint (open->len, ==, 1);
  g_assert_cmpint (((SilaFeedbackItem *)g_ptr_array_index (open, 0))->number, ==, 2);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  sila_i18n_init (SILA_LANGUAGE_ENGLISH);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, sila_survey_fixture_setup, func, sila_survey_fixture_teardown)

  ADD ("/sila/surveys/template/default", test_default_template);
  g_test_add_func ("/sila/surveys/answers/parse", test_answers);
  ADD ("/sila/surveys/anonymity", test_anonymity);
  ADD ("/sila/surveys/responses-kept", test_responses_kept);
  ADD ("/sila/surveys/template/retirement", test_template_retirement);
  ADD ("/sila/surveys/template/editing", test_template_editing);
  ADD ("/sila/surveys/kiosk-pin", test_kiosk_pin);
  ADD ("/sila/surveys/permissions", test_permissions);
  ADD ("/sila/feedback/register", test_feedback_register);

#undef ADD

  return g_test_run ();
}
