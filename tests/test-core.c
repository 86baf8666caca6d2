/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Core: roles and the permission table, text checks, clock, policy. */
#include "sila-config.h"

#include <locale.h>
#include <time.h>

#include "sila-account.h"
#include "sila-actor.h"
#include "sila-audit.h"
#include "sila-clock.h"
#include "sila-i18n.h"
#include "sila-policy.h"
#include "sila-roles.h"
#include "sila-text.h"
#include "sila-validation.h"

static void
test_role_codes (void)
{
  g_autofree char *codes = NULL;

  g_assert_cmpint (sila_role_from_code ("officer"), ==, SILA_ROLE_OFFICER);
  g_assert_cmpint (sila_role_from_code ("RESEARCHER"), ==, SILA_ROLE_RESEARCHER);
  g_assert_cmpint (sila_role_from_code ("committee"), ==, SILA_ROLE_COMMITTEE);
  g_assert_cmpint (sila_role_from_code ("manager"), ==, SILA_ROLE_MANAGER);
  g_assert_cmpint (sila_role_from_code ("admin"), ==, SILA_ROLE_ADMIN);
  g_assert_cmpint (sila_role_from_code ("root"), ==, SILA_ROLE_NONE);
  g_assert_cmpint (sila_role_from_code (""), ==, SILA_ROLE_NONE);

  codes = sila_roles_to_codes (SILA_ROLE_MANAGER | SILA_ROLE_OFFICER);
  g_assert_cmpstr (codes, ==, "officer,manager");
  g_assert_cmpint (sila_roles_from_codes (codes), ==, SILA_ROLE_MANAGER | SILA_ROLE_OFFICER);
  g_assert_cmpint (sila_roles_from_codes ("officer, admin"), ==,
                   SILA_ROLE_OFFICER | SILA_ROLE_ADMIN);
  g_assert_cmpint (sila_roles_from_codes ("officer,bogus"), ==, SILA_ROLE_NONE);
  g_assert_cmpint (sila_roles_from_codes (NULL), ==, SILA_ROLE_NONE);

  for (SilaRole r = SILA_ROLE_OFFICER; r <= SILA_ROLE_ADMIN; r <<= 1)
    {
      g_assert_nonnull (sila_role_to_code (r));
      g_assert_nonnull (sila_role_to_display (r));
      g_assert_cmpint (sila_role_from_code (sila_role_to_code (r)), ==, r);
    }
}

/* The permission table as the policy reads; a change to it must be made
 * here too, on purpose. */
static void
test_permission_table (void)
{
  static const struct {
    SilaPermission perm;
    SilaRole       allowed;
  } expected[] = {
    { SILA_PERM_SETTINGS_VIEW, SILA_ROLE_ALL },
    { SILA_PERM_SETTINGS_EDIT, SILA_ROLE_ADMIN },
    { SILA_PERM_STAFF_MANAGE, SILA_ROLE_ADMIN },
    { SILA_PERM_AUDIT_VIEW, SILA_ROLE_ADMIN },
    { SILA_PERM_BACKUP, SILA_ROLE_ADMIN },
    { SILA_PERM_BENEFICIARY_VIEW, SILA_ROLE_ALL },
    { SILA_PERM_BENEFICIARY_EDIT, SILA_ROLE_OFFICER | SILA_ROLE_ADMIN },
    { SILA_PERM_BENEFICIARY_IMPORT, SILA_ROLE_OFFICER | SILA_ROLE_ADMIN },
    { SILA_PERM_BENEFICIARY_EXPORT, SILA_ROLE_MANAGER | SILA_ROLE_ADMIN },
    { SILA_PERM_REPORT_VIEW, SILA_ROLE_MANAGER | SILA_ROLE_ADMIN },
    { SILA_PERM_REPORT_EXPORT, SILA_ROLE_MANAGER | SILA_ROLE_ADMIN },
    { SILA_PERM_LIBRARY_EDIT, SILA_ROLE_ADMIN },
    { SILA_PERM_STAFF_VIEW, SILA_ROLE_ALL },
    { SILA_PERM_OWN_ACCOUNT, SILA_ROLE_ALL },
    { SILA_PERM_BACKUP_SCHEDULED, SILA_ROLE_ALL },
    { SILA_PERM_REQUEST_VIEW, SILA_ROLE_ALL },
    { SILA_PERM_REQUEST_OPEN, SILA_ROLE_OFFICER },
    { SILA_PERM_REQUEST_DOCUMENTS, SILA_ROLE_OFFICER },
    { SILA_PERM_REQUEST_REFER, SILA_ROLE_OFFICER },
    { SILA_PERM_REQUEST_RESEARCH, SILA_ROLE_RESEARCHER },
    { SILA_PERM_REQUEST_DECIDE, SILA_ROLE_COMMITTEE },
    { SILA_PERM_REQUEST_REGISTER, SILA_ROLE_OFFICER },
    { SILA_PERM_REQUEST_DELIVER, SILA_ROLE_OFFICER },
    { SILA_PERM_REQUEST_CLOSE, SILA_ROLE_OFFICER | SILA_ROLE_MANAGER },
    { SILA_PERM_REQUEST_WITHDRAW, SILA_ROLE_OFFICER | SILA_ROLE_MANAGER },
    { SILA_PERM_REQUEST_CONFIGURE, SILA_ROLE_ADMIN },
    { SILA_PERM_CONTACT_VIEW, SILA_ROLE_OFFICER | SILA_ROLE_RESEARCHER | SILA_ROLE_MANAGER },
    { SILA_PERM_CONTACT_EDIT, SILA_ROLE_OFFICER | SILA_ROLE_RESEARCHER },
    { SILA_PERM_SURVEY_TAKE, SILA_ROLE_OFFICER | SILA_ROLE_ADMIN },
    { SILA_PERM_SURVEY_IMPORT, SILA_ROLE_OFFICER | SILA_ROLE_ADMIN },
    { SILA_PERM_SURVEY_RESULTS, SILA_ROLE_MANAGER | SILA_ROLE_ADMIN },
    { SILA_PERM_SURVEY_TEMPLATES, SILA_ROLE_ADMIN },
    { SILA_PERM_KIOSK_PIN, SILA_ROLE_MANAGER | SILA_ROLE_ADMIN },
    { SILA_PERM_FEEDBACK_VIEW, SILA_ROLE_ALL },
    { SILA_PERM_FEEDBACK_EDIT, SILA_ROLE_OFFICER | SILA_ROLE_MANAGER | SILA_ROLE_ADMIN },
    { SILA_PERM_PERSONAL_DATA_EXPORT, SILA_ROLE_OFFICER | SILA_ROLE_MANAGER },
    { SILA_PERM_RETENTION, SILA_ROLE_ADMIN },
    { SILA_PERM_REPORT_APPROVE, SILA_ROLE_MANAGER | SILA_ROLE_ADMIN },
    { SILA_PERM_REQUEST_IMPORT, SILA_ROLE_MANAGER | SILA_ROLE_ADMIN },
  };

  g_assert_cmpint (G_N_ELEMENTS (expected), ==, SILA_N_PERMS);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_assert_cmpint (sila_permission_get_roles (expected[i].perm), ==, expected[i].allowed);
      g_assert_nonnull (sila_permission_to_code (expected[i].perm));
      g_assert_nonnull (sila_permission_to_display (expected[i].perm));

      /* Every single role, one at a time: allowed exactly as the table says. */
      for (SilaRole r = SILA_ROLE_OFFICER; r <= SILA_ROLE_ADMIN; r <<= 1)
        g_assert_cmpint (sila_roles_permit (r, expected[i].perm), ==,
                         (expected[i].allowed & r) != 0);
      g_assert_false (sila_roles_permit (SILA_ROLE_NONE, expected[i].perm));
    }
}

static void
test_actor (void)
{
  g_autoptr(SilaActor) owner = sila_actor_new_owner ();
  g_autoptr(SilaActor) officer = sila_actor_new ("id-1", "huda", "هدى", SILA_ROLE_OFFICER);
  g_autoptr(SilaActor) copy = sila_actor_copy (officer);

  g_assert_true (sila_actor_is_owner (owner));
  for (SilaPermission p = 0; p < SILA_N_PERMS; p++)
    g_assert_true (sila_actor_can (owner, p));

  g_assert_false (sila_actor_is_owner (officer));
  g_assert_true (sila_actor_can (officer, SILA_PERM_BENEFICIARY_EDIT));
  g_assert_false (sila_actor_can (officer, SILA_PERM_SETTINGS_EDIT));
  g_assert_true (sila_actor_has_role (officer, SILA_ROLE_OFFICER));
  g_assert_false (sila_actor_has_role (officer, SILA_ROLE_ADMIN));

  g_assert_cmpstr (copy->id, ==, "id-1");
  g_assert_cmpstr (copy->display_name, ==, "هدى");
  g_assert_cmpint (copy->roles, ==, SILA_ROLE_OFFICER);
}

static void
test_digits (void)
{
  g_autofree char *a = sila_text_digits_to_ascii ("١٠٢٣٤٥٦٧٨٩");
  g_autofree char *b = sila_text_digits_to_ascii ("۰۱۲۳۴۵۶۷۸۹");
  g_autofree char *c = sila_text_digits_to_ascii ("رقم ٥ and 6");

  g_assert_cmpstr (a, ==, "1023456789");
  g_assert_cmpstr (b, ==, "0123456789");
  g_assert_cmpstr (c, ==, "رقم 5 and 6");
  g_assert_null (sila_text_digits_to_ascii (NULL));
}

static void
test_clean_line (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *ok = NULL;
  g_autofree char *empty = NULL;
  char *bad;
  g_autofree char *long_text = g_strnfill (201, 'x');

  ok = sila_text_clean_line ("  جمعية صلة  ", 200, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ok, ==, "جمعية صلة");

  empty = sila_text_clean_line ("   ", 200, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (empty, ==, "");

  bad = sila_text_clean_line ("   ", 200, TRUE, &error);
  g_assert_null (bad);
  g_assert_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_REQUIRED);
  g_clear_error (&error);

  /* A right-to-left override would make the name display reversed. */
  bad = sila_text_clean_line ("abc\u202Edef", 200, TRUE, &error);
  g_assert_null (bad);
  g_assert_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID);
  g_clear_error (&error);

  bad = sila_text_clean_line ("a\tb", 200, TRUE, &error);
  g_assert_null (bad);
  g_assert_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID);
  g_clear_error (&error);

  bad = sila_text_clean_line ("\xff\xfe", 200, TRUE, &error);
  g_assert_null (bad);
  g_assert_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID);
  g_clear_error (&error);

  bad = sila_text_clean_line (long_text, 200, TRUE, &error);
  g_assert_null (bad);
  g_assert_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_TOO_LONG);
  g_clear_error (&error);

  /* Length is counted in characters, not bytes: 200 Arabic letters fit. */
  {
    GString *s = g_string_new (NULL);
    g_autofree char *fits = NULL;

    for (int i = 0; i < 200; i++)
      g_string_append (s, "ب");
    fits = sila_text_clean_line (s->str, 200, TRUE, &error);
    g_assert_no_error (error);
    g_assert_nonnull (fits);
    g_string_free (s, TRUE);
  }

  /* SQL is only text: kept verbatim. */
  ok = (g_free (ok), sila_text_clean_line ("'); DROP TABLE staff; --", 200, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ok, ==, "'); DROP TABLE staff; --");
}

/* A list entry's two names: the English one falls back to the Arabic; a
 * missing Arabic name or a bad character in either is refused. */
static void
test_clean_names (void)
{
  g_autoptr(GError) error = NULL;
  char *ar = NULL;
  char *en = NULL;

  g_assert_true (sila_text_clean_names ("  أرملة ", "", 60, &ar, &en, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ar, ==, "أرملة");
  g_assert_cmpstr (en, ==, "أرملة");
  g_clear_pointer (&ar, g_free);
  g_clear_pointer (&en, g_free);

  g_assert_true (sila_text_clean_names ("أرملة", " Widow ", 60, &ar, &en, &error));
  g_assert_cmpstr (en, ==, "Widow");
  g_clear_pointer (&ar, g_free);
  g_clear_pointer (&en, g_free);

  g_assert_false (sila_text_clean_names ("", "Widow", 60, &ar, &en, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (sila_text_clean_names ("أرملة", "Wi\u202edow", 60, &ar, &en, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (sila_text_clean_names ("أرملة أرملة", NULL, 5, &ar, &en, &error));
  g_assert_nonnull (error);
  g_assert_null (ar);
  g_assert_null (en);
}

static void
test_parse_int (void)
{
  g_autoptr(GError) error = NULL;
  gint64 v = 0;

  g_assert_true (sila_text_parse_int ("١٤", 1, 90, &v, &error));
  g_assert_no_error (error);
  g_assert_cmpint (v, ==, 14);

  g_assert_true (sila_text_parse_int (" 90 ", 1, 90, &v, &error));
  g_assert_cmpint (v, ==, 90);

  g_assert_false (sila_text_parse_int ("91", 1, 90, &v, &error));
  g_assert_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);

  g_assert_false (sila_text_parse_int ("0", 1, 90, &v, &error));
  g_assert_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);

  g_assert_false (sila_text_parse_int ("14 يوم", 1, 90, &v, &error));
  g_assert_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (sila_text_parse_int ("", 1, 90, &v, &error));
  g_assert_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_REQUIRED);
  g_clear_error (&error);

  g_assert_false (sila_text_parse_int ("99999999999999999999999", 1, 90, &v, &error));
  g_assert_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID);
}

static void
test_policy_settings (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *days = NULL;
  g_autofree char *name = NULL;
  char *bad;

  days = sila_policy_normalize_setting (SILA_SETTING_ANSWER_WINDOW, "٢١", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (days, ==, "21");

  name = sila_policy_normalize_setting (SILA_SETTING_ASSOCIATION_NAME, " جمعية ", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (name, ==, "جمعية");

  bad = sila_policy_normalize_setting (SILA_SETTING_ANSWER_WINDOW, "365", &error);
  g_assert_null (bad);
  g_assert_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);

  bad = sila_policy_normalize_setting ("answer_window", "14", &error);
  g_assert_null (bad);
  g_assert_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID);
}

static void
test_policy_new_settings (void)
{
  static const char *expect_invalid[][2] = {
    { SILA_SETTING_IDLE_LOCK, "241" },
    { SILA_SETTING_IDLE_LOCK, "-1" },
    { SILA_SETTING_BACKUP_KEEP, "0" },
    { SILA_SETTING_BACKUP_DAILY, "maybe" },
    { SILA_SETTING_BACKUP_FOLDER, "relative/folder" },
    { SILA_SETTING_BACKUP_FOLDER, "/mnt/usb\u202E" },
    { SILA_SETTING_RETENTION_YEARS, "0" },
    { SILA_SETTING_CONSENT_REQUIRED, "\xff" },
  };
  static const char *expect_value[][3] = {
    { SILA_SETTING_IDLE_LOCK, "٠", "0" },
    { SILA_SETTING_IDLE_LOCK, "240", "240" },
    { SILA_SETTING_BACKUP_KEEP, "30", "30" },
    { SILA_SETTING_BACKUP_DAILY, "no", "0" },
    { SILA_SETTING_BACKUP_DAILY, "نعم", "1" },
    { SILA_SETTING_BACKUP_FOLDER, " /media/usb/نسخ ", "/media/usb/نسخ" },
    { SILA_SETTING_BACKUP_FOLDER, "", "" },
    { SILA_SETTING_CONSENT_REQUIRED, "false", "0" },
    { SILA_SETTING_NO_ACCOUNTS, "TRUE", "1" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expect_invalid); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *value = NULL;
      g_autofree char *input = g_strcompress (expect_invalid[i][1]);

      value = sila_policy_normalize_setting (expect_invalid[i][0], input, &error);
      g_assert_null (value);
      g_assert_nonnull (error);
      g_assert_true (error->domain == SILA_VALIDATION_ERROR);
    }

  for (guint i = 0; i < G_N_ELEMENTS (expect_value); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *value = sila_policy_normalize_setting (expect_value[i][0],
                                                              expect_value[i][1], &error);

      g_assert_no_error (error);
      g_assert_cmpstr (value, ==, expect_value[i][2]);
    }

  /* Every key has a default that its own rule accepts. */
  for (const char **key = sila_policy_get_keys (); *key != NULL; key++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *value = NULL;

      g_assert_nonnull (sila_policy_get_default (*key));
      value = sila_policy_normalize_setting (*key, sila_policy_get_default (*key), &error);
      g_assert_no_error (error);
      g_assert_cmpstr (value, ==, sila_policy_get_default (*key));
      /* ...and a name for people (the audit trail shows it), each its own. */
      g_assert_cmpstr (sila_policy_setting_to_display (*key), !=, *key);
      for (const char **other = sila_policy_get_keys (); *other != NULL; other++)
        if (other != key)
          g_assert_cmpstr (sila_policy_setting_to_display (*key), !=,
                           sila_policy_setting_to_display (*other));
    }
  g_assert_cmpstr (sila_policy_setting_to_display ("kiosk_pin"), ==, "Kiosk PIN");
  /* A key this version does not know is shown as it is, not guessed. */
  g_assert_cmpstr (sila_policy_setting_to_display ("colour"), ==, "colour");
  g_assert_null (sila_policy_get_default ("colour"));
  g_assert_cmpstr (sila_policy_get_default (SILA_SETTING_IDLE_LOCK), ==, "10");
}

static void
test_usernames (void)
{
  static const struct {
    const char *input;
    const char *expected;  /* NULL: refused */
    int         code;
  } cases[] = {
    { "huda", "huda", 0 },
    { "  Huda.Salem ", "huda.salem", 0 },
    { "a_1-b.c", "a_1-b.c", 0 },
    { "user٢٣", "user23", 0 },
    { "", NULL, SILA_VALIDATION_ERROR_REQUIRED },
    { "   ", NULL, SILA_VALIDATION_ERROR_REQUIRED },
    { "ab", NULL, SILA_VALIDATION_ERROR_INVALID },
    { "1abc", NULL, SILA_VALIDATION_ERROR_INVALID },
    { "هدى", NULL, SILA_VALIDATION_ERROR_INVALID },
    { "huda salem", NULL, SILA_VALIDATION_ERROR_INVALID },
    { "huda'; DROP TABLE staff; --", NULL, SILA_VALIDATION_ERROR_INVALID },
    { "hu\u202Eda", NULL, SILA_VALIDATION_ERROR_INVALID },
    { "hu\tda", NULL, SILA_VALIDATION_ERROR_INVALID },
    { "\xff\xfe", NULL, SILA_VALIDATION_ERROR_INVALID },
    { "abcdefghijabcdefghijabcdefghijabc", NULL, SILA_VALIDATION_ERROR_TOO_LONG },
    { "Owner", NULL, SILA_VALIDATION_ERROR_INVALID },
    { "(unknown)", NULL, SILA_VALIDATION_ERROR_INVALID },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *input = g_strcompress (cases[i].input);
      g_autofree char *name = sila_account_normalize_username (input, &error);
      g_autofree char *shown_name = g_strescape (cases[i].input, NULL);

      g_test_message ("username %s", shown_name);
      if (cases[i].expected != NULL)
        {
          g_assert_no_error (error);
          g_assert_cmpstr (name, ==, cases[i].expected);
        }
      else
        {
          g_assert_null (name);
          g_assert_error (error, SILA_VALIDATION_ERROR, cases[i].code);
        }
    }
  g_assert_null (sila_account_normalize_username (NULL, NULL));
}

static void
test_passwords (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *longest = g_strjoin ("", "abcdefg-", "abcdefg-", "abcdefg-", "abcdefg-",
                                        "abcdefg-", "abcdefg-", "abcdefg-", "abcdefg-",
                                        "abcdefg-", "abcdefg-", "abcdefg-", "abcdefg-",
                                        "abcdefg-", "abcdefg-", "abcdefg-", "abcdefg-", NULL);
  g_autofree char *long_one = g_strconcat (longest, "z", NULL);
  static const char *weak[] = {
    "", "short", "1234567", "12345678", "Password", "PASSWORD1", "aaaaaaaaaaaa", "ببببببببب",
    "huda2026", "HUDA@huda!", "a\nnewline1", "tab\there1", "\xff\xfe\xfd\xfc\xfb\xfa\xf9\xf8",
  };
  char *prepared;

  for (guint i = 0; i < G_N_ELEMENTS (weak); i++)
    {
      g_autofree char *input = g_strcompress (weak[i]);

      g_autofree char *shown = g_strescape (weak[i], NULL);

      g_test_message ("weak password %s", shown);
      prepared = sila_account_check_new_password (input, "huda", &error);
      g_assert_null (prepared);
      g_assert_nonnull (error);
      g_assert_true (error->domain == SILA_VALIDATION_ERROR);
      g_clear_error (&error);
    }

  prepared = sila_account_check_new_password (long_one, "huda", &error);
  g_assert_null (prepared);
  g_assert_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_TOO_LONG);
  g_clear_error (&error);
  g_free (sila_account_check_new_password (longest, "huda", &error));
  g_assert_no_error (error);

  /* A name inside a long enough password is only letters. */
  g_free (sila_account_check_new_password ("huda's long passphrase", "huda", &error));
  g_assert_no_error (error);
  g_free (sila_account_check_new_password ("Khalid's garden", "ali", &error));
  g_assert_no_error (error);

  /* Arabic, spaces and SQL are only characters; kept as typed. */
  prepared = sila_account_check_new_password ("  كلمة سر طويلة  ", "huda", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (prepared, ==, "  كلمة سر طويلة  ");
  g_free (prepared);
  prepared = sila_account_check_new_password ("'; DROP TABLE staff; --", "huda", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (prepared, ==, "'; DROP TABLE staff; --");
  g_free (prepared);

  /* Digits of either keyboard are one password. */
  prepared = sila_account_check_new_password ("مفتاح٢٠٢٦س", "huda", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (prepared, ==, "مفتاح2026س");
  g_free (prepared);
  prepared = sila_account_prepare_password ("مفتاح2026س");
  g_assert_cmpstr (prepared, ==, "مفتاح2026س");
  g_free (prepared);

  /* NFC: a composed and a decomposed é are one password. */
  {
    g_autofree char *a = sila_account_prepare_password ("caf\xc3\xa9-latte-1");
    g_autofree char *b = sila_account_prepare_password ("cafe\xcc\x81-latte-1");

    g_assert_cmpstr (a, ==, b);
  }
  g_assert_null (sila_account_prepare_password ("\xff\xfe"));
  g_assert_null (sila_account_prepare_password (NULL));

  g_assert_true (sila_account_check_confirmation ("كلمة سر ١٢٣", "كلمة سر 123", &error));
  g_assert_false (sila_account_check_confirmation ("one password", "another one", &error));
  g_assert_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sila_account_check_confirmation ("one password", "", &error));
  g_assert_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_REQUIRED);
  g_clear_error (&error);

  /* Display names: any script, verbatim; no hidden controls. */
  prepared = sila_account_normalize_display_name (" هدى بنت سالم ", &error);
  g_assert_cmpstr (prepared, ==, "هدى بنت سالم");
  g_free (prepared);
  g_assert_null (sila_account_normalize_display_name ("هدى\u202Eسالم", &error));
  g_assert_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (sila_account_normalize_display_name ("", &error));
  g_assert_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_REQUIRED);
  g_clear_error (&error);
  prepared = sila_account_normalize_display_name ("'); DELETE FROM staff; --", &error);
  g_assert_cmpstr (prepared, ==, "'); DELETE FROM staff; --");
  g_free (prepared);
}

static void
test_audit_vocabulary (void)
{
  sila_i18n_init (SILA_LANGUAGE_ARABIC);
  g_assert_cmpstr (sila_audit_action_to_display (SILA_AUDIT_LOGIN), ==, "دخول");
  g_assert_cmpstr (sila_audit_entity_to_display (SILA_AUDIT_ENTITY_STAFF), ==, "حساب موظف");
  g_assert_cmpstr (sila_audit_actor_to_display ("owner"), ==, "مالك قاعدة البيانات هذه");

  sila_i18n_init (SILA_LANGUAGE_ENGLISH);
  g_assert_cmpstr (sila_audit_action_to_display (SILA_AUDIT_LOGIN_FAILED), ==, "Failed sign-in");
  g_assert_cmpstr (sila_audit_action_to_display ("frobnicate"), ==, "frobnicate");
  g_assert_cmpstr (sila_audit_entity_to_display ("widget"), ==, "widget");
  g_assert_cmpstr (sila_audit_actor_to_display ("huda"), ==, "huda");
  for (const char **code = sila_audit_known_actions (); *code != NULL; code++)
    g_assert_true (sila_audit_action_to_display (*code) != *code);

  /* Local midnight, stored as UTC; the time shown back in local time. */
  {
    GDate date;
    g_autofree char *start = NULL;
    g_autofree char *shown = NULL;

    g_setenv ("TZ", "Asia/Riyadh", TRUE);
    tzset ();
    g_date_clear (&date, 1);
    g_date_set_dmy (&date, 1, 3, 2026);
    start = sila_audit_local_day_start (&date);
    g_assert_cmpstr (start, ==, "2026-02-28T21:00:00.000Z");
    /* The date as the app writes dates, then the time to the second. */
    shown = sila_audit_format_time ("2026-02-28T21:00:05.120Z");
    g_assert_cmpstr (shown, ==, "1 March 2026, 00:00:05");
    g_free (shown);
    shown = sila_audit_format_time ("2026-12-07T14:33:50.000Z");
    g_assert_cmpstr (shown, ==, "7 December 2026, 17:33:50");
    g_free (shown);

    /* In Arabic every digit, the date's and the time's, is Arabic-Indic
     * (docs/screens.md: dates and times are quantities). */
    sila_i18n_init (SILA_LANGUAGE_ARABIC);
    shown = sila_audit_format_time ("2026-02-28T21:00:05.120Z");
    g_assert_true (g_str_has_prefix (shown, "١ مارس ٢٠٢٦"));
    g_assert_true (g_str_has_suffix (shown, "، ٠٠:٠٠:٠٥"));
    g_free (shown);
    shown = sila_audit_format_time ("2026-12-07T14:33:50.000Z");
    g_assert_true (g_str_has_suffix (shown, "، ١٧:٣٣:٥٠"));
    for (const char *p = shown; *p != '\0'; p = g_utf8_next_char (p))
      g_assert_false (g_ascii_isdigit (*p));
    g_free (shown);
    shown = sila_audit_format_time ("not a time");
    g_assert_cmpstr (shown, ==, "not a time");
    g_unsetenv ("TZ");
    tzset ();
  }
}

static void
test_clock (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) fixed = g_date_time_new (utc, 2026, 1, 31, 23, 59, 58.25);
  g_autofree char *stamp = NULL;
  g_autofree char *iso = NULL;
  GDate date;

  sila_clock_set_fixed (fixed);
  stamp = sila_clock_timestamp ();
  g_assert_cmpstr (stamp, ==, "2026-01-31T23:59:58.250Z");
  sila_clock_set_fixed (NULL);

  g_assert_true (sila_date_from_iso ("2024-02-29", &date));
  iso = sila_date_to_iso (&date);
  g_assert_cmpstr (iso, ==, "2024-02-29");
  g_assert_false (sila_date_from_iso ("2023-02-29", &date));
  g_assert_false (sila_date_from_iso ("2024-2-9", &date));
  g_assert_false (sila_date_from_iso ("2024-02-29x", &date));
  g_assert_false (sila_date_from_iso ("", &date));
  g_assert_false (sila_date_from_iso (NULL, &date));
}

static void
test_language_codes (void)
{
  SilaLanguage lang;

  g_assert_true (sila_language_from_code ("ar", &lang));
  g_assert_cmpint (lang, ==, SILA_LANGUAGE_ARABIC);
  g_assert_true (sila_language_from_code ("en", &lang));
  g_assert_cmpint (lang, ==, SILA_LANGUAGE_ENGLISH);
  g_assert_true (sila_language_from_code ("ar_SA.UTF-8", &lang));
  g_assert_cmpint (lang, ==, SILA_LANGUAGE_ARABIC);
  g_assert_false (sila_language_from_code ("fr", &lang));
  g_assert_false (sila_language_from_code (NULL, &lang));
  g_assert_cmpstr (sila_language_to_code (SILA_LANGUAGE_ENGLISH), ==, "en");
  g_assert_cmpstr (sila_language_to_code (SILA_LANGUAGE_ARABIC), ==, "ar");
}

/* Arabic is the default whatever the system locale says. */
static void
test_arabic_messages (void)
{
  sila_i18n_init (SILA_LANGUAGE_ARABIC);
  g_assert_true (sila_i18n_is_rtl ());
  g_assert_cmpstr (sila_role_to_display (SILA_ROLE_OFFICER), ==, "موظف علاقات المستفيدين");

  sila_i18n_init (SILA_LANGUAGE_ENGLISH);
  g_assert_false (sila_i18n_is_rtl ());
  g_assert_cmpstr (sila_role_to_display (SILA_ROLE_OFFICER), ==, "Beneficiary-relations officer");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sila/core/roles/codes", test_role_codes);
  g_test_add_func ("/sila/core/roles/permission-table", test_permission_table);
  g_test_add_func ("/sila/core/actor", test_actor);
  g_test_add_func ("/sila/core/text/digits", test_digits);
  g_test_add_func ("/sila/core/text/clean-line", test_clean_line);
  g_test_add_func ("/sila/core/text/clean-names", test_clean_names);
  g_test_add_func ("/sila/core/text/parse-int", test_parse_int);
  g_test_add_func ("/sila/core/policy/settings", test_policy_settings);
  g_test_add_func ("/sila/core/policy/new-settings", test_policy_new_settings);
  g_test_add_func ("/sila/core/account/usernames", test_usernames);
  g_test_add_func ("/sila/core/account/passwords", test_passwords);
  g_test_add_func ("/sila/core/audit/vocabulary", test_audit_vocabulary);
  g_test_add_func ("/sila/core/clock", test_clock);
  g_test_add_func ("/sila/core/i18n/codes", test_language_codes);
  g_test_add_func ("/sila/core/i18n/arabic-first", test_arabic_messages);

  return g_test_run ();
}
