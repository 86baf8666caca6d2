/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Core: the outreach list's decisions (sila-outreach.h) on a fixed day —
 * when each reason begins, the moment after which a contact fits, the
 * retry days after an unanswered call, dismissals, surveys after a
 * follow-up, the office's thresholds, and the messages and CSV. */
#include "sila-config.h"

#include "sila-clock.h"
#include "sila-i18n.h"
#include "sila-outreach.h"
#include "sila-policy.h"

static void
day (GDate      *date,
     const char *iso)
{
  g_assert_true (sila_date_from_iso (iso, date));
}

static SilaOutreachItem *
item_for (SilaOutreachReason  reason,
          const char         *basis)
{
  SilaOutreachItem *item = sila_outreach_item_new ();

  item->reason = reason;
  item->name = g_strdup ("Noura Al-Harbi");
  item->phone = g_strdup ("+966501112233");
  item->request_number = g_strdup ("1447-00017");
  item->request_id = g_strdup ("r1");
  day (&item->basis, basis);
  return item;
}

static SilaOutreachState
decide_on (SilaOutreachItem        *item,
           const SilaOutreachRules *rules,
           const char              *iso)
{
  SilaOutreachWindow window = { 0 };
  SilaOutreachState state;
  GDate today;

  day (&today, iso);
  sila_outreach_window_init (&window, rules, &today);
  state = sila_outreach_decide (item, rules, &window);
  sila_outreach_window_clear (&window);
  return state;
}

static void
test_since_per_reason (void)
{
  static const struct {
    SilaOutreachReason reason;
    const char        *basis;
    const char        *since;
  } cases[] = {
    { SILA_OUTREACH_DOCUMENT_EXPIRING, "2026-03-31", "2026-03-01" },
    { SILA_OUTREACH_DOCUMENTS_MISSING, "2026-02-22", "2026-03-01" },
    { SILA_OUTREACH_DECISION_TO_TELL, "2026-02-25", "2026-02-25" },
    { SILA_OUTREACH_OVERDUE_TO_TELL, "2026-02-28", "2026-03-01" },
    { SILA_OUTREACH_SERVICE_FOLLOW_UP, "2026-02-22", "2026-03-01" },
    { SILA_OUTREACH_NO_CONTACT, "2025-09-02", "2026-03-01" },
  };
  SilaOutreachRules rules;

  sila_outreach_rules_init (&rules);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SilaOutreachItem) item = item_for (cases[i].reason, cases[i].basis);
      g_autofree char *since = NULL;

      /* On the day it begins, and not the day before. */
      g_assert_cmpint (decide_on (item, &rules, "2026-02-28"), ==,
                       cases[i].reason == SILA_OUTREACH_DECISION_TO_TELL
                       ? SILA_OUTREACH_LISTED : SILA_OUTREACH_OFF);
      g_assert_cmpint (decide_on (item, &rules, "2026-03-01"), ==, SILA_OUTREACH_LISTED);
      since = sila_date_to_iso (&item->since);
      g_assert_cmpstr (since, ==, cases[i].since);
    }
}

static void
test_contacts_and_dismissals (void)
{
  g_autoptr(SilaOutreachItem) item = item_for (SILA_OUTREACH_DECISION_TO_TELL, "2026-02-25");
  SilaOutreachRules rules;

  sila_outreach_rules_init (&rules);
  /* A call before the decision does not fit. */
  item->reached_at = g_strdup ("2026-02-24T10:00:00.000Z");
  g_assert_cmpint (decide_on (item, &rules, "2026-03-01"), ==, SILA_OUTREACH_LISTED);
  g_assert_cmpstr (item->moment, ==, "2026-02-25T00:00:00.000Z");
  /* An unanswered call on 1 March hides it on the 1st and the 2nd. */
  item->attempt_at = g_strdup ("2026-03-01T08:00:00.000Z");
  g_assert_cmpint (decide_on (item, &rules, "2026-03-01"), ==, SILA_OUTREACH_WAITING);
  g_assert_cmpint (decide_on (item, &rules, "2026-03-02"), ==, SILA_OUTREACH_WAITING);
  g_assert_cmpint (decide_on (item, &rules, "2026-03-03"), ==, SILA_OUTREACH_LISTED);
  rules.retry = 5;
  g_assert_cmpint (decide_on (item, &rules, "2026-03-05"), ==, SILA_OUTREACH_WAITING);
  g_assert_cmpint (decide_on (item, &rules, "2026-03-06"), ==, SILA_OUTREACH_LISTED);
  /* A call that reached her, or a dismissal, after the decision clears it. */
  g_free (item->reached_at);
  item->reached_at = g_strdup ("2026-02-25T00:00:00.000Z");
  g_assert_cmpint (decide_on (item, &rules, "2026-03-06"), ==, SILA_OUTREACH_OFF);
  g_clear_pointer (&item->reached_at, g_free);
  item->dismissed_at = g_strdup ("2026-03-02T12:00:00.000Z");
  g_assert_cmpint (decide_on (item, &rules, "2026-03-06"), ==, SILA_OUTREACH_OFF);

  /* Only contacts about the request fit, except for a long silence. */
  g_assert_true (sila_outreach_contact_fits (item, "r1"));
  g_assert_false (sila_outreach_contact_fits (item, "r2"));
  g_assert_false (sila_outreach_contact_fits (item, NULL));
  item->reason = SILA_OUTREACH_NO_CONTACT;
  g_assert_true (sila_outreach_contact_fits (item, NULL));
}

static void
test_follow_up_window (void)
{
  g_autoptr(SilaOutreachItem) item = item_for (SILA_OUTREACH_SERVICE_FOLLOW_UP, "2026-02-01");
  SilaOutreachRules rules;

  sila_outreach_rules_init (&rules);
  /* 30 days after the delivery it is still asked; 31, no more. */
  g_assert_cmpint (decide_on (item, &rules, "2026-03-03"), ==, SILA_OUTREACH_LISTED);
  g_assert_cmpint (decide_on (item, &rules, "2026-03-04"), ==, SILA_OUTREACH_OFF);
  /* A call the day after the delivery already asked how it went. */
  item->reached_at = g_strdup ("2026-02-02T09:00:00.000Z");
  g_assert_cmpint (decide_on (item, &rules, "2026-03-01"), ==, SILA_OUTREACH_OFF);
  g_clear_pointer (&item->reached_at, g_free);
  /* So did a survey on the request, from the delivery day on. */
  day (&item->surveyed, "2026-01-31");
  g_assert_cmpint (decide_on (item, &rules, "2026-03-01"), ==, SILA_OUTREACH_LISTED);
  day (&item->surveyed, "2026-02-01");
  g_assert_cmpint (decide_on (item, &rules, "2026-03-01"), ==, SILA_OUTREACH_OFF);
}

static void
test_rules_are_settings (void)
{
  const char * const *keys = sila_outreach_rules_keys ();
  SilaOutreachRules rules;

  sila_outreach_rules_init (&rules);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autofree char *normalized = NULL;

      /* Every threshold is an office setting with its default. */
      g_assert_nonnull (sila_policy_get_default (keys[i]));
      normalized = sila_policy_normalize_setting (keys[i], sila_policy_get_default (keys[i]),
                                                  NULL);
      g_assert_cmpstr (normalized, ==, sila_policy_get_default (keys[i]));
      g_assert_true (sila_outreach_rules_set (&rules, keys[i], 12));
    }
  g_assert_false (sila_outreach_rules_set (&rules, SILA_SETTING_ANSWER_WINDOW, 3));
  g_assert_cmpint (rules.expiry, ==, 12);
  g_assert_cmpint (rules.retry, ==, 12);
  g_assert_null (sila_policy_normalize_setting (SILA_SETTING_OUTREACH_RETRY, "0", NULL));
}

static void
test_messages_and_csv (void)
{
  g_autoptr(SilaOutreachItem) item = item_for (SILA_OUTREACH_DOCUMENTS_MISSING, "2026-02-22");
  g_autoptr(SilaOutreachItem) silent = item_for (SILA_OUTREACH_NO_CONTACT, "2025-09-02");
  g_autoptr(SilaOutreachItem) no_phone = item_for (SILA_OUTREACH_NO_CONTACT, "2025-09-02");
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  g_autofree char *message = NULL;
  g_autofree char *arabic = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *quoted = NULL;
  g_auto(GStrv) lines = NULL;

  sila_i18n_init (SILA_LANGUAGE_ENGLISH);
  message = sila_outreach_message (item);
  g_assert_cmpstr (message, ==, "Peace be upon you, Noura Al-Harbi. Your request 1447-00017, "
                   "received on 22 February 2026, is waiting for required documents. Please "
                   "bring them to the association or send them to us.");

  sila_i18n_init (SILA_LANGUAGE_ARABIC);
  arabic = sila_outreach_message (item);
  g_assert_true (g_str_has_prefix (arabic, "السلام عليكم Noura Al-Harbi"));
  /* The request number keeps its digits in order. */
  g_assert_nonnull (strstr (arabic, "1447-00017"));
  g_assert_nonnull (strstr (arabic, "٢٢ فبراير ٢٠٢٦"));
  sila_i18n_init (SILA_LANGUAGE_ENGLISH);

  g_free (silent->name);
  silent->name = g_strdup ("Sara \"Umm Fahad\"");
  g_clear_pointer (&no_phone->phone, g_free);
  g_ptr_array_add (items, item);
  g_ptr_array_add (items, silent);
  g_ptr_array_add (items, no_phone);
  csv = sila_outreach_to_csv (items);
  g_assert_true (g_str_has_prefix (csv, "name,phone,message\r\n\"Noura Al-Harbi\","
                                   "\"+966501112233\",\"Peace be upon you, Noura Al-Harbi."));
  quoted = g_strdup ("\"Sara \"\"Umm Fahad\"\"\",\"+966501112233\",\"Peace be upon you, Sara "
                     "\"\"Umm Fahad\"\". We have not heard from you since 2 September 2025.");
  g_assert_nonnull (strstr (csv, quoted));
  /* Three lines: the header and the two with a phone. */
  lines = g_strsplit (csv, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
}

int
main (int argc, char **argv)
{
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sila/core/outreach/since-per-reason", test_since_per_reason);
  g_test_add_func ("/sila/core/outreach/contacts-and-dismissals", test_contacts_and_dismissals);
  g_test_add_func ("/sila/core/outreach/follow-up-window", test_follow_up_window);
  g_test_add_func ("/sila/core/outreach/rules-are-settings", test_rules_are_settings);
  g_test_add_func ("/sila/core/outreach/messages-and-csv", test_messages_and_csv);

  return g_test_run ();
}
