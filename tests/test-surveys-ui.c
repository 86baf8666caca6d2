/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Surveys in real windows: a kiosk survey completed by its touch buttons
 * and counted on the Surveys page, the kiosk forgetting a half-done survey
 * when left alone, its PIN (a wrong one refused, the right one lets out),
 * the officer's form, the template editor and the register with their
 * errors beside the fields, the PIN in Preferences. */
#include "sila-config.h"

#include <adwaita.h>

#include "sila-clock.h"
#include "sila-feedback-dialog.h"
#include "sila-feedback-page.h"
#include "sila-i18n.h"
#include "sila-kiosk-window.h"
#include "sila-period-bar.h"
#include "sila-preferences-window.h"
#include "sila-store-feedback.h"
#include "sila-store-surveys.h"
#include "sila-survey-form.h"
#include "sila-survey-results.h"
#include "sila-survey-templates-window.h"
#include "sila-surveys-page.h"
#include "sila-test-util.h"
#include "sila-test-shots.h"
#include "sila-window.h"

#define PIN "2580"

typedef struct {
  SilaTestDir  dir;
  SilaStore   *store;
  SilaSession *session;
  SilaWindow  *window;
} Fixture;

static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *)data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for @ms milliseconds. */
static void
wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 5, 14, 9, 0, 0);

  sila_clock_set_fixed (now);
  sila_test_dir_setup (&f->dir, NULL);
  f->store = sila_store_open (f->dir.db_path, 0, &error);
  g_assert_no_error (error);
  f->session = sila_session_new (f->store, sila_actor_new_owner ());
  f->window = sila_window_new (NULL, f->session);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1100, 760);
  gtk_window_present (GTK_WINDOW (f->window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  drain ();
  g_clear_object (&f->session);
  g_assert_finalize_object (f->store);
  sila_test_dir_teardown (&f->dir, NULL);
  sila_clock_set_fixed (NULL);
}

static SilaSurveysPage *
surveys_page (Fixture *f)
{
  g_assert_true (sila_window_show_section (f->window, "surveys"));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  return SILA_SURVEYS_PAGE (sila_window_get_section_page (f->window, "surveys"));
}

static GtkWidget *
child (gpointer    widget,
       GType       type,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

static gint64
count_responses (Fixture *f)
{
  g_autoptr(SilaSurveyResults) results = NULL;
  g_autoptr(GError) error = NULL;
  GDate from, to;

  g_assert_true (sila_date_from_iso ("2026-01-01", &from));
  g_assert_true (sila_date_from_iso ("2026-12-31", &to));
  results = sila_survey_results_compute (f->store, sila_session_get_actor (f->session), &from,
                                         &to, 10, &error);
  g_assert_no_error (error);
  return results->responses;
}

/* Taps a button the way a finger does: it must be big enough first. */
static void
tap (GtkWidget *button,
     int        min_size)
{
  g_assert_nonnull (button);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (gtk_widget_get_root (button)));
  g_assert_true (gtk_widget_get_mapped (button));
  g_assert_cmpint (gtk_widget_get_width (button), >=, min_size);
  g_assert_cmpint (gtk_widget_get_height (button), >=, min_size);
  g_assert_true (gtk_widget_is_sensitive (button));
  /* What a finger's release makes a button do (gtk_widget_activate()
   * would wait for a press animation first). */
  g_signal_emit_by_name (button, "clicked");
  drain ();
}

static SilaKioskWindow *
start_kiosk (Fixture         *f,
             SilaSurveysPage *page)
{
  SilaKioskWindow *kiosk;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "surveys.kiosk", NULL));
  kiosk = sila_surveys_page_get_kiosk (page);
  g_assert_nonnull (kiosk);
  g_object_set (kiosk, "thanks-timeout", 100, NULL);
  gtk_window_set_default_size (GTK_WINDOW (kiosk), 1280, 800);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (kiosk));
  drain ();
  return kiosk;
}

static void
enter_pin (SilaKioskWindow *kiosk,
           const char      *pin)
{
  for (const char *p = pin; *p != '\0'; p++)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (kiosk), "kiosk.digit", "i",
                                               *p - '0'));
  tap (child (kiosk, SILA_TYPE_KIOSK_WINDOW, "pin_unlock_button"), 48);
}

/* The whole way: kiosk started from the Surveys page, every question
 * answered by its touch buttons, thanks, back to the start, left with the
 * PIN, and the response counted on the page. */
static void
test_kiosk_complete (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SilaSurveysPage *page;
  SilaKioskWindow *kiosk;
  guint n_questions;

  g_assert_true (sila_store_set_kiosk_pin (f->store, sila_session_get_actor (f->session), PIN,
                                           &error));
  page = surveys_page (f);
  g_assert_cmpint (sila_surveys_page_get_responses (page), ==, 0);

  kiosk = start_kiosk (f, page);
  g_object_add_weak_pointer (G_OBJECT (kiosk), (gpointer *)&kiosk);
  /* Nothing else of the app is in reach while it runs. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f->window)));
  g_assert_cmpstr (sila_kiosk_window_get_page (kiosk), ==, "welcome");
  g_assert_cmpint (sila_kiosk_window_get_language (kiosk), ==, SILA_LANGUAGE_ARABIC);
  g_assert_cmpint (gtk_widget_get_direction (child (kiosk, SILA_TYPE_KIOSK_WINDOW, "stack")), ==,
                   GTK_TEXT_DIR_RTL);

  /* Closing it by the window manager does nothing. */
  gtk_window_close (GTK_WINDOW (kiosk));
  drain ();
  g_assert_nonnull (kiosk);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (kiosk)));

  tap (child (kiosk, SILA_TYPE_KIOSK_WINDOW, "start_button"), 64);
  n_questions = 8;
  for (guint q = 0; q < n_questions; q++)
    {
      GtkWidget *answer;

      gtk_test_widget_wait_for_draw (GTK_WIDGET (kiosk));
      g_assert_cmpstr (sila_kiosk_window_get_page (kiosk), ==, "question");
      g_assert_cmpuint (sila_kiosk_window_get_question (kiosk), ==, q);

      if (q < 6)        /* Likert: 1…5; tap "5" for some, "4" for others */
        answer = sila_kiosk_window_get_answer_button (kiosk, q % 2 == 0 ? 4 : 3);
      else if (q == 6)  /* recommend: 0…10; tap 9 */
        answer = sila_kiosk_window_get_answer_button (kiosk, 9);
      else
        answer = NULL;  /* free text */

      if (answer != NULL)
        {
          g_assert_null (sila_kiosk_window_get_answer_button (kiosk, q == 6 ? 11 : 5));
          tap (answer, q == 6 ? 64 : 96);
          g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (answer)));
        }
      tap (child (kiosk, SILA_TYPE_KIOSK_WINDOW, "next_button"), 64);
    }

  /* Sent: thanks, then back to the start by itself. */
  g_assert_cmpstr (sila_kiosk_window_get_page (kiosk), ==, "thanks");
  g_assert_cmpint (count_responses (f), ==, 1);
  wait_ms (300);
  g_assert_cmpstr (sila_kiosk_window_get_page (kiosk), ==, "welcome");

  /* A wrong PIN is refused, beside the field; the right one lets out. */
  tap (child (kiosk, SILA_TYPE_KIOSK_WINDOW, "staff_button"), 32);
  g_assert_cmpstr (sila_kiosk_window_get_page (kiosk), ==, "pin");
  enter_pin (kiosk, "1111");
  g_assert_nonnull (kiosk);
  g_assert_false (sila_kiosk_window_is_unlocked (kiosk));
  g_assert_cmpstr (sila_kiosk_window_get_page (kiosk), ==, "pin");
  g_assert_true (gtk_widget_get_visible (child (kiosk, SILA_TYPE_KIOSK_WINDOW, "pin_error")));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (child (kiosk, SILA_TYPE_KIOSK_WINDOW,
                                                          "pin_error"))),
                   ==, "الرمز غير صحيح.");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (kiosk, SILA_TYPE_KIOSK_WINDOW,
                                                               "pin_entry"))), ==, "");

  enter_pin (kiosk, PIN);
  drain ();
  g_assert_null (kiosk);
  g_assert_null (sila_surveys_page_get_kiosk (page));

  /* Back in the app, the response is counted. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->window)));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_cmpint (sila_surveys_page_get_responses (page), ==, 1);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (child (page, SILA_TYPE_SURVEYS_PAGE,
                                                          "responses_value"))), ==, "١");
  g_assert_cmpuint (sila_surveys_page_get_n_charts (page), >=, 3);
}

/* Left alone mid-survey, the kiosk forgets the answers and starts again,
 * in Arabic. */
static void
test_kiosk_idle (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SilaKioskWindow *kiosk;

  g_assert_true (sila_store_set_kiosk_pin (f->store, sila_session_get_actor (f->session), PIN,
                                           &error));
  kiosk = start_kiosk (f, surveys_page (f));

  tap (child (kiosk, SILA_TYPE_KIOSK_WINDOW, "language_button"), 48);
  g_assert_cmpint (sila_kiosk_window_get_language (kiosk), ==, SILA_LANGUAGE_ENGLISH);
  g_assert_cmpint (gtk_widget_get_direction (child (kiosk, SILA_TYPE_KIOSK_WINDOW, "stack")), ==,
                   GTK_TEXT_DIR_LTR);
  tap (child (kiosk, SILA_TYPE_KIOSK_WINDOW, "start_button"), 64);
  tap (sila_kiosk_window_get_answer_button (kiosk, 0), 96);
  tap (child (kiosk, SILA_TYPE_KIOSK_WINDOW, "next_button"), 64);
  g_assert_cmpuint (sila_kiosk_window_get_question (kiosk), ==, 1);

  /* Left alone from here (the timer starts when it is set: the taps above
   * take longer than 200 ms on a busy machine). */
  g_object_set (kiosk, "idle-timeout", 200, NULL);
  for (guint waited = 0;
       waited < 5000 && g_strcmp0 (sila_kiosk_window_get_page (kiosk), "welcome") != 0;
       waited += 50)
    wait_ms (50);
  g_assert_cmpstr (sila_kiosk_window_get_page (kiosk), ==, "welcome");
  g_assert_cmpint (sila_kiosk_window_get_language (kiosk), ==, SILA_LANGUAGE_ARABIC);
  g_assert_cmpint (count_responses (f), ==, 0);

  /* Started again, it starts from the first question. */
  g_object_set (kiosk, "idle-timeout", 0, NULL);
  tap (child (kiosk, SILA_TYPE_KIOSK_WINDOW, "start_button"), 64);
  g_assert_cmpuint (sila_kiosk_window_get_question (kiosk), ==, 0);
  g_assert_false (gtk_toggle_button_get_active (
    GTK_TOGGLE_BUTTON (sila_kiosk_window_get_answer_button (kiosk, 0))));

  /* A required question cannot be passed unanswered. */
  for (guint q = 0; q < 5; q++)
    tap (child (kiosk, SILA_TYPE_KIOSK_WINDOW, "skip_button"), 48);
  g_assert_cmpuint (sila_kiosk_window_get_question (kiosk), ==, 5);
  g_assert_false (gtk_widget_get_visible (child (kiosk, SILA_TYPE_KIOSK_WINDOW, "skip_button")));
  tap (child (kiosk, SILA_TYPE_KIOSK_WINDOW, "next_button"), 64);
  g_assert_cmpuint (sila_kiosk_window_get_question (kiosk), ==, 5);
  g_assert_true (gtk_widget_get_visible (child (kiosk, SILA_TYPE_KIOSK_WINDOW, "question_error")));

  g_object_set (kiosk, "idle-timeout", 0, NULL);
  gtk_window_destroy (GTK_WINDOW (kiosk));
  drain ();
}

/* Without a PIN, the kiosk does not start: nobody could leave it. */
static void
test_kiosk_needs_pin (Fixture       *f,
                      gconstpointer  data)
{
  SilaSurveysPage *page = surveys_page (f);
  GList *toplevels;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "surveys.kiosk", NULL));
  drain ();
  g_assert_null (sila_surveys_page_get_kiosk (page));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->window)));

  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data))
      gtk_window_destroy (l->data);
  g_list_free (toplevels);
  drain ();
}

/* The required questions of the default template, but @answered. */
static guint
count_required_unanswered (Fixture    *f,
                           const char *answered)
{
  g_autoptr(SilaSurveyTemplate) tpl =
    sila_store_get_default_survey_template (f->store, sila_session_get_actor (f->session), NULL);
  guint n = 0;

  for (guint i = 0; i < tpl->questions->len; i++)
    {
      const SilaSurveyQuestion *q = g_ptr_array_index (tpl->questions, i);

      n += q->required && g_strcmp0 (q->code, answered) != 0;
    }
  return n;
}

/* The officer's form: every required question left empty is shown beside it
 * and nothing is saved; answered, it saves, anonymous unless linked. */
static void
test_officer_form (Fixture       *f,
                   gconstpointer  data)
{
  SilaSurveyForm *form = sila_survey_form_new (GTK_WINDOW (f->window), f->session);
  g_autofree char *request = g_uuid_string_random ();

  g_object_add_weak_pointer (G_OBJECT (form), (gpointer *)&form);
  gtk_window_present (GTK_WINDOW (form));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (form));

  g_assert_true (sila_survey_form_answer (form, "speed", "5"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "form.save", NULL));
  drain ();
  g_assert_nonnull (form);
  g_assert_cmpint (count_responses (f), ==, 0);
  {
    g_autoptr(GPtrArray) flagged = g_ptr_array_new ();
    guint required = 0;

    /* Every required question left empty is marked at once, each under its
     * own title, and no other: "overall" (the 6th) and the others. */
    for (GtkWidget *w = gtk_widget_get_first_child (child (form, SILA_TYPE_SURVEY_FORM,
                                                           "questions_box"));
         w != NULL; w = gtk_widget_get_next_sibling (w))
      if (gtk_widget_has_css_class (w, "error"))
        g_ptr_array_add (flagged, (gpointer)adw_preferences_group_get_title (
                                    ADW_PREFERENCES_GROUP (w)));
    required = count_required_unanswered (f, "speed");
    g_assert_cmpuint (required, >=, 2);
    g_assert_cmpuint (flagged->len, ==, required);
    g_assert_true (g_ptr_array_find_with_equal_func (flagged, "بشكل عام، ما مدى رضاك عن الخدمة؟",
                                                     g_str_equal, NULL));
    if (g_getenv ("SILA_TEST_SHOTS") != NULL)
      sila_test_shoot (GTK_WIDGET (form), g_getenv ("SILA_TEST_SHOTS"), "survey-missing", "ar");
  }

  sila_survey_form_set_links (form, NULL, request, NULL, "food_basket", "طلب ٢٠٢٦-٠٠١٢");
  g_assert_true (sila_survey_form_answer (form, "overall", "4"));
  g_assert_true (sila_survey_form_answer (form, "recommend", "8"));
  g_assert_true (sila_survey_form_answer (form, "suggestion", "الانتظار طويل"));
  if (g_getenv ("SILA_TEST_SHOTS") != NULL)
    sila_test_shoot (GTK_WIDGET (form), g_getenv ("SILA_TEST_SHOTS"), "survey-chosen", "ar");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "form.save", NULL));
  drain ();
  g_assert_null (form);
  g_assert_cmpint (count_responses (f), ==, 1);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) linked = sila_store_find_survey_responses (
      f->store, sila_session_get_actor (f->session), SILA_SURVEY_LINK_REQUEST, request, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (linked->len, ==, 1);
  }
}

/* The template editor: a problem is shown beside its question. */
static void
test_template_editor (Fixture       *f,
                      gconstpointer  data)
{
  SilaSurveyTemplatesWindow *window = sila_survey_templates_window_new (GTK_WINDOW (f->window),
                                                                        f->session);
  GtkWidget *row;
  GtkWidget *error;

  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  g_assert_true (sila_survey_templates_window_edit (window, ""));
  gtk_editable_set_text (GTK_EDITABLE (child (window, SILA_TYPE_SURVEY_TEMPLATES_WINDOW,
                                              "code_row")), "event");
  gtk_editable_set_text (GTK_EDITABLE (child (window, SILA_TYPE_SURVEY_TEMPLATES_WINDOW,
                                              "name_ar_row")), "استبيان الفعالية");
  gtk_editable_set_text (GTK_EDITABLE (child (window, SILA_TYPE_SURVEY_TEMPLATES_WINDOW,
                                              "name_en_row")), "Event survey");
  row = sila_survey_templates_window_get_question_row (window, 0, "code");
  gtk_editable_set_text (GTK_EDITABLE (row), "event_rating");
  row = sila_survey_templates_window_get_question_row (window, 0, "text_en");
  gtk_editable_set_text (GTK_EDITABLE (row), "How was the event?");

  /* The Arabic wording is missing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "templates.save", NULL));
  drain ();
  error = sila_survey_templates_window_get_question_row (window, 0, "error");
  g_assert_true (gtk_widget_get_visible (error));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (error)), ==, "هذا الحقل مطلوب.");
  g_assert_true (gtk_widget_has_css_class (sila_survey_templates_window_get_question_row (
                                             window, 0, "text_ar"), "error"));

  gtk_editable_set_text (GTK_EDITABLE (sila_survey_templates_window_get_question_row (
                                         window, 0, "text_ar")), "كيف كانت الفعالية؟");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "templates.save", NULL));
  drain ();
  {
    g_autoptr(GError) e = NULL;
    g_autoptr(SilaSurveyTemplate) tpl =
      sila_store_get_survey_template (f->store, sila_session_get_actor (f->session), "event", &e);

    g_assert_no_error (e);
    g_assert_cmpuint (tpl->questions->len, ==, 1);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The register: errors beside the fields, overdue items standing out. */
static void
test_register (Fixture       *f,
               gconstpointer  data)
{
  SilaFeedbackPage *page;
  SilaFeedbackDialog *dialog;
  g_autoptr(GError) error = NULL;

  g_assert_true (sila_window_show_section (f->window, "feedback"));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  page = SILA_FEEDBACK_PAGE (sila_window_get_section_page (f->window, "feedback"));
  g_assert_cmpuint (sila_feedback_page_get_n_rows (page), ==, 0);

  dialog = sila_feedback_dialog_new (GTK_WINDOW (f->window), f->session, NULL);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));

  /* Nothing said: refused beside the description. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "feedback.save", NULL));
  drain ();
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_visible (child (dialog, SILA_TYPE_FEEDBACK_DIALOG,
                                                "description_error")));

  /* Received months ago, due long since: overdue. */
  gtk_editable_set_text (GTK_EDITABLE (child (dialog, SILA_TYPE_FEEDBACK_DIALOG, "received_row")),
                         "2026-03-01");
  gtk_editable_set_text (GTK_EDITABLE (child (dialog, SILA_TYPE_FEEDBACK_DIALOG, "due_row")),
                         "٢٠٢٦-٠٣-١٥");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (
                              child (dialog, SILA_TYPE_FEEDBACK_DIALOG, "description_view"))),
                            "تأخر صرف السلة الغذائية", -1);
  /* Answered without an answer: refused beside the answer. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (dialog, SILA_TYPE_FEEDBACK_DIALOG,
                                                    "status_row")), SILA_FEEDBACK_ANSWERED);
  gtk_editable_set_text (GTK_EDITABLE (child (dialog, SILA_TYPE_FEEDBACK_DIALOG,
                                              "responsible_row")), "هدى");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "feedback.save", NULL));
  drain ();
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_visible (child (dialog, SILA_TYPE_FEEDBACK_DIALOG,
                                                "answer_error")));
  g_assert_false (gtk_widget_get_visible (child (dialog, SILA_TYPE_FEEDBACK_DIALOG,
                                                 "description_error")));

  adw_combo_row_set_selected (ADW_COMBO_ROW (child (dialog, SILA_TYPE_FEEDBACK_DIALOG,
                                                    "status_row")), SILA_FEEDBACK_NEW);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "feedback.save", NULL));
  drain ();
  g_assert_null (dialog);

  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_cmpuint (sila_feedback_page_get_n_rows (page), ==, 1);
  g_assert_cmpuint (sila_feedback_page_get_n_overdue (page), ==, 1);
  {
    GtkWidget *list = child (page, SILA_TYPE_FEEDBACK_PAGE, "list");
    GtkWidget *row = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));

    g_assert_true (gtk_widget_has_css_class (row, "sila-overdue-row"));
  }
}

/* The PIN is set in Preferences, refused beside the field when weak. */
static void
test_preferences_pin (Fixture       *f,
                      gconstpointer  data)
{
  SilaPreferencesWindow *prefs = sila_preferences_window_new (GTK_WINDOW (f->window), f->session);
  GtkWidget *row = child (prefs, SILA_TYPE_PREFERENCES_WINDOW, "kiosk_pin_row");
  GtkWidget *error = child (prefs, SILA_TYPE_PREFERENCES_WINDOW, "kiosk_pin_error");

  gtk_window_present (GTK_WINDOW (prefs));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (prefs));
  g_assert_cmpint (gtk_widget_get_direction (row), ==, GTK_TEXT_DIR_LTR);

  gtk_editable_set_text (GTK_EDITABLE (row), "1234");
  g_signal_emit_by_name (row, "apply");
  g_assert_true (gtk_widget_get_visible (error));
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_false (sila_store_has_kiosk_pin (f->store));

  gtk_editable_set_text (GTK_EDITABLE (row), "٢٥٨٠");
  g_signal_emit_by_name (row, "apply");
  g_assert_false (gtk_widget_get_visible (error));
  g_assert_true (sila_store_has_kiosk_pin (f->store));
  g_assert_true (sila_store_check_kiosk_pin (f->store, PIN));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "");

  gtk_window_destroy (GTK_WINDOW (prefs));
}

/* A range of days typed in either calendar: a wrong day or a range that
 * ends before it starts is refused beside the entry at fault and changes
 * nothing; a good one is shown, and "next" moves by as many days. */
static void
test_period_range (Fixture       *f,
                   gconstpointer  data)
{
  SilaSurveysPage *page = surveys_page (f);
  GtkWidget *bar = GTK_WIDGET (child (page, SILA_TYPE_SURVEYS_PAGE, "period_bar"));
  GtkEditable *from = GTK_EDITABLE (child (bar, SILA_TYPE_PERIOD_BAR, "range_from"));
  GtkEditable *to = GTK_EDITABLE (child (bar, SILA_TYPE_PERIOD_BAR, "range_to"));
  GtkLabel *message = GTK_LABEL (child (bar, SILA_TYPE_PERIOD_BAR, "period_error"));
  GtkLabel *period = GTK_LABEL (child (bar, SILA_TYPE_PERIOD_BAR, "period_label"));
  AdwLeaflet *leaflet = ADW_LEAFLET (child (f->window, SILA_TYPE_WINDOW, "leaflet"));
  g_autofree char *month = NULL;
  g_autofree char *range = NULL;

  /* Choosing "any period" shows the entries without widening the toolbar
   * so much that the window folds its sidebar away. */
  g_assert_false (adw_leaflet_get_folded (leaflet));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (child (bar, SILA_TYPE_PERIOD_BAR, "period_kind")), 4);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_true (gtk_widget_get_visible (child (bar, SILA_TYPE_PERIOD_BAR, "range_box")));
  g_assert_false (adw_leaflet_get_folded (leaflet));
  /* The same days as before, now as a range that can be edited. */
  month = g_strdup (gtk_label_get_label (period));

  gtk_editable_set_text (from, "2026-02-30");
  gtk_editable_set_text (to, "2026-03-31");
  g_assert_true (gtk_widget_activate_action (bar, "period.apply-range", NULL));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (message)));
  g_assert_cmpstr (gtk_label_get_label (message), !=, "");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (from), "error"));
  g_assert_cmpstr (gtk_label_get_label (period), ==, month);

  gtk_editable_set_text (from, "2026-03-01");
  gtk_editable_set_text (to, "2026-02-01");
  g_assert_true (gtk_widget_activate_action (bar, "period.apply-range", NULL));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (from), "error"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (to), "error"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (message)));
  g_assert_cmpstr (gtk_label_get_label (period), ==, month);

  /* A Hijri end, with its mark: 12 Shawwal 1447 is 31 March 2026. */
  gtk_editable_set_text (to, "1447-10-12 هـ");
  g_assert_true (gtk_widget_activate_action (bar, "period.apply-range", NULL));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (to), "error"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (message)));
  g_assert_cmpstr (gtk_label_get_label (period), !=, month);
  range = g_strdup (gtk_label_get_label (period));

  g_assert_true (gtk_widget_activate_action (bar, "period.next", NULL));
  g_assert_cmpstr (gtk_label_get_label (period), !=, range);
  g_assert_true (gtk_widget_activate_action (bar, "period.previous", NULL));
  g_assert_cmpstr (gtk_label_get_label (period), ==, range);
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  sila_i18n_init (SILA_LANGUAGE_ARABIC);
  gtk_widget_set_default_direction (GTK_TEXT_DIR_RTL);

  /* The application loads its style sheet by itself (AdwApplication's
   * resource base path); without one, the test does the same, so that the
   * touch targets have the size the kiosk gives them. */
  {
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (css, RESOURCE_PREFIX "/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/sila/ui/kiosk/complete-by-touch", test_kiosk_complete);
  ADD ("/sila/ui/kiosk/idle-reset", test_kiosk_idle);
  ADD ("/sila/ui/kiosk/needs-pin", test_kiosk_needs_pin);
  ADD ("/sila/ui/surveys/officer-form", test_officer_form);
  ADD ("/sila/ui/surveys/template-editor", test_template_editor);
  ADD ("/sila/ui/feedback/register", test_register);
  ADD ("/sila/ui/preferences/kiosk-pin", test_preferences_pin);
  ADD ("/sila/ui/surveys/period-range", test_period_range);

#undef ADD

  return g_test_run ();
}
