/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Decisions the store and the forms used to take for themselves, now asked
 * of the core: the sign-in lockout, the dates of a suggestion's steps, the
 * board's approval, the roles of an account, a number typed to find a
 * file. */
#include "sila-config.h"

#include <string.h>

#include "sila-account.h"
#include "sila-approval.h"
#include "sila-beneficiary.h"
#include "sila-clock.h"
#include "sila-feedback.h"
#include "sila-i18n.h"
#include "sila-roles.h"
#include "sila-validation.h"

/* The lockout is the core's decision, from the facts the store reads. */
static void
test_lockout (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 3, 1, 10, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *until = NULL;
  int failed = 0;

  /* Wrong passwords are counted until the last one locks. */
  for (int i = 0; i < SILA_LOGIN_MAX_FAILURES - 1; i++)
    {
      g_assert_false (sila_account_count_failure (failed, now, &failed, &until, &error));
      g_assert_no_error (error);
      g_assert_null (until);
      g_assert_cmpint (failed, ==, i + 1);
    }
  g_assert_true (sila_account_count_failure (failed, now, &failed, &until, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "locked"));
  g_clear_error (&error);
  g_assert_cmpint (failed, ==, 0);
  g_assert_cmpstr (until, ==, "2026-03-01T10:05:00.000Z");

  /* Locked while it runs, whatever the password; minutes rounded up. */
  g_assert_false (sila_account_check_not_locked (until, now, &error));
  g_assert_nonnull (strstr (error->message, "5 minutes"));
  g_clear_error (&error);
  {
    g_autoptr(GDateTime) later = g_date_time_add_seconds (now, 4 * 60 + 1);

    g_assert_false (sila_account_check_not_locked (until, later, &error));
    g_assert_nonnull (strstr (error->message, "1 minute"));
    g_clear_error (&error);
  }
  {
    g_autoptr(GDateTime) after = g_date_time_add_seconds (now, SILA_LOGIN_LOCKOUT_SECONDS);

    g_assert_true (sila_account_check_not_locked (until, after, NULL));
  }
  g_assert_true (sila_account_check_not_locked (NULL, now, NULL));
  g_assert_true (sila_account_check_not_locked ("not a time", now, NULL));
}

/* Saving a suggestion or complaint: the core stamps the dates of its
 * steps, keeps where it came from, and never lets it move back. */
static void
test_feedback_prepare_save (void)
{
  g_autoptr(SilaFeedbackItem) item = sila_feedback_item_new (SILA_FEEDBACK_COMPLAINT);
  g_autoptr(SilaFeedbackItem) stored = NULL;
  g_autoptr(GError) error = NULL;
  SilaFeedbackField field;
  GDate today, later;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 1, 3, 2026);
  later = today;
  g_date_add_days (&later, 3);
  item->received_on = today;
  item->due_on = later;
  item->description = g_strdup ("تأخر الرد على الطلب");
  item->from_survey = TRUE;
  item->status = SILA_FEEDBACK_ANSWERED;
  item->answer = g_strdup ("اعتذرنا وتابعنا الطلب");
  item->responsible = g_strdup ("هدى");

  /* New and already answered: stamped today; from a survey: anonymous. */
  g_assert_true (sila_feedback_item_prepare_save (item, NULL, &today, &field, &error));
  g_assert_no_error (error);
  g_assert_true (item->anonymous);
  g_assert_cmpint (g_date_compare (&item->answered_on, &today), ==, 0);
  g_assert_false (g_date_valid (&item->closed_on));

  /* Closed later: the answer keeps its day, the closing gets its own;
   * the origin cannot be changed by the form. */
  stored = sila_feedback_item_copy (item);
  stored->number = 17;
  item->status = SILA_FEEDBACK_CLOSED;
  item->anonymous = FALSE;
  item->from_survey = FALSE;
  g_assert_true (sila_feedback_item_prepare_save (item, stored, &later, &field, NULL));
  g_assert_cmpint (g_date_compare (&item->answered_on, &today), ==, 0);
  g_assert_cmpint (g_date_compare (&item->closed_on, &later), ==, 0);
  g_assert_true (item->anonymous && item->from_survey);
  g_assert_cmpint (item->number, ==, 17);

  /* Which statuses are open, for the store's lists. */
  g_assert_true (g_strv_contains (sila_feedback_open_codes (), "new"));
  g_assert_true (g_strv_contains (sila_feedback_open_codes (), "in_progress"));
  g_assert_cmpuint (g_strv_length ((char **)sila_feedback_open_codes ()), ==, 2);
  g_assert_false (sila_feedback_status_is_open (SILA_FEEDBACK_ANSWERED));

  /* Never back. */
  g_clear_pointer (&stored, sila_feedback_item_free);
  stored = sila_feedback_item_copy (item);
  item->status = SILA_FEEDBACK_IN_PROGRESS;
  g_assert_false (sila_feedback_item_prepare_save (item, stored, &later, &field, &error));
  g_assert_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID);
  g_assert_cmpint (field, ==, SILA_FEEDBACK_FIELD_STATUS);
  g_clear_error (&error);

  /* A new item not answered yet carries no dates of steps. */
  g_clear_pointer (&item, sila_feedback_item_free);
  item = sila_feedback_item_new (SILA_FEEDBACK_SUGGESTION);
  item->received_on = today;
  item->due_on = later;
  item->description = g_strdup ("مواقف للسيارات");
  item->answered_on = today;
  g_assert_true (sila_feedback_item_prepare_save (item, NULL, &today, &field, NULL));
  g_assert_false (g_date_valid (&item->answered_on));
  g_assert_false (item->anonymous);
}

/* Rules the forms used to decide for themselves, now asked of the core:
 * the board's approval, the roles of an account, a number typed to find
 * a file. */
static void
test_form_rules (void)
{
  g_autoptr(GError) error = NULL;
  GDate start, day, future;

  g_date_clear (&start, 1);
  g_date_set_dmy (&start, 1, 3, 2026);
  day = start;
  g_date_add_days (&day, 10);
  sila_clock_today (&future);
  g_date_add_days (&future, 1);
  {
    g_autoptr(SilaFieldErrors) errors = sila_field_errors_new ();
    g_autofree char *approver = NULL, *decision = NULL;

    g_assert_true (sila_approval_check ("  مجلس الإدارة ", "12/1447", &day, &start, &approver,
                                        &decision, errors));
    g_assert_cmpstr (approver, ==, "مجلس الإدارة");
    g_assert_cmpstr (decision, ==, "12/1447");
  }
  {
    g_autoptr(SilaFieldErrors) errors = sila_field_errors_new ();
    GDate before = start;

    g_date_subtract_days (&before, 1);
    g_assert_false (sila_approval_check (" ", "", &before, &start, NULL, NULL, errors));
    g_assert_cmpuint (sila_field_errors_count (errors), ==, 3);
    g_assert_nonnull (strstr (sila_field_errors_get (errors, SILA_APPROVAL_FIELD_APPROVED_ON)->message,
                              "before the period"));
    g_assert_nonnull (sila_field_errors_get (errors, SILA_APPROVAL_FIELD_DECISION));
  }
  {
    g_autoptr(SilaFieldErrors) errors = sila_field_errors_new ();

    g_assert_false (sila_approval_check ("a\u202Eb", "1", &future, &start, NULL, NULL, errors));
    g_assert_nonnull (sila_field_errors_get (errors, SILA_APPROVAL_FIELD_APPROVED_BY));
    g_assert_nonnull (strstr (sila_field_errors_get (errors, SILA_APPROVAL_FIELD_APPROVED_ON)->message,
                              "future"));
  }

  g_assert_false (sila_roles_check_assigned (SILA_ROLE_NONE, &error));
  g_assert_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_REQUIRED);
  g_clear_error (&error);
  g_assert_true (sila_roles_check_assigned (SILA_ROLE_OFFICER | SILA_ROLE_RESEARCHER, NULL));

  {
    SilaBeneficiaryLookup kind;
    g_autofree char *id = NULL;
    gint64 number;

    g_assert_true (sila_beneficiary_lookup_parse (" ١٠٨٧٦٥٤٣٢١ ", FALSE, &kind, &id, &number,
                                                  NULL));
    g_assert_cmpint (kind, ==, SILA_BENEFICIARY_LOOKUP_ID_NUMBER);
    g_assert_cmpstr (id, ==, "1087654321");
    g_clear_pointer (&id, g_free);
    g_assert_true (sila_beneficiary_lookup_parse ("17", FALSE, &kind, &id, &number, NULL));
    g_assert_cmpint (kind, ==, SILA_BENEFICIARY_LOOKUP_FILE_NUMBER);
    g_assert_cmpint (number, ==, 17);
    g_assert_true (sila_beneficiary_lookup_parse ("  ", TRUE, &kind, &id, &number, NULL));
    g_assert_cmpint (kind, ==, SILA_BENEFICIARY_LOOKUP_NOTHING);
    g_assert_false (sila_beneficiary_lookup_parse ("", FALSE, &kind, &id, &number, NULL));
    g_assert_false (sila_beneficiary_lookup_parse ("12345678901", TRUE, &kind, &id, &number,
                                                   &error));
    g_assert_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID);
    g_assert_false (sila_beneficiary_lookup_parse ("12a", TRUE, &kind, &id, &number, NULL));
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  sila_i18n_init (SILA_LANGUAGE_ENGLISH);

  g_test_add_func ("/sila/core/account/lockout", test_lockout);
  g_test_add_func ("/sila/core/feedback/prepare-save", test_feedback_prepare_save);
  g_test_add_func ("/sila/core/forms/rules", test_form_rules);

  return g_test_run ();
}
