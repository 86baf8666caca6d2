/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Field work's rules, without a database: the tables that travel, the
 * provisional numbers and their final order, what a field change means
 * against the office, and the bundle's envelope. */
#include "sila-config.h"

#include <string.h>

#include "sila-field.h"
#include "sila-request.h"

static void
test_tables (void)
{
  guint n = 0;
  const SilaFieldTable *tables = sila_field_tables (&n);
  static const char * const never[] = {
    "counters", "office_settings", "staff", "drafts", "beneficiary_search", "survey_stats",
    "audit_log", "meta", "survey_templates", "survey_questions", "field_merges", NULL
  };
  int beneficiaries = -1, members = -1, requests = -1, events = -1, responses = -1,
      answers = -1;

  g_assert_cmpuint (n, >=, 10);
  for (guint i = 0; never[i] != NULL; i++)
    g_assert_null (sila_field_table_lookup (never[i]));

  for (guint i = 0; i < n; i++)
    {
      if (g_str_equal (tables[i].name, "beneficiaries")) beneficiaries = (int)i;
      if (g_str_equal (tables[i].name, "household_members")) members = (int)i;
      if (g_str_equal (tables[i].name, "requests")) requests = (int)i;
      if (g_str_equal (tables[i].name, "request_events")) events = (int)i;
      if (g_str_equal (tables[i].name, "survey_responses")) responses = (int)i;
      if (g_str_equal (tables[i].name, "survey_answers")) answers = (int)i;
    }
  /* Parents before children, so inserts in this order satisfy keys. */
  g_assert_cmpint (beneficiaries, ==, 0);
  g_assert_cmpint (members, >, beneficiaries);
  g_assert_cmpint (requests, >, beneficiaries);
  g_assert_cmpint (events, >, requests);
  g_assert_cmpint (answers, >, responses);
  g_assert_nonnull (sila_field_table_lookup ("contacts"));
  g_assert_nonnull (sila_field_table_lookup ("feedback_items"));
  g_assert_cmpint (sila_field_table_lookup ("survey_responses")->count, ==,
                   SILA_FIELD_COUNT_RESPONSES);
  g_assert_cmpint (sila_field_table_lookup ("requests")->numbers[1].kind, ==,
                   SILA_FIELD_NUMBER_REQUEST);

  g_assert_true (sila_field_column_is_bookkeeping ("rev"));
  g_assert_true (sila_field_column_is_bookkeeping ("updated_at"));
  g_assert_false (sila_field_column_is_bookkeeping ("mobile"));
}

static void
test_provisional (void)
{
  gint64 a = sila_field_provisional_start (1), b = sila_field_provisional_start (2);

  /* Two kits' ranges never meet, and no office number is provisional. */
  g_assert_cmpint (b - a, ==, SILA_FIELD_KIT_SPAN);
  g_assert_true (sila_field_number_is_provisional (a + 1000));
  g_assert_false (sila_field_number_is_provisional (101234));
  g_assert_true (sila_field_request_number_is_provisional ("1447-9001000004"));
  g_assert_false (sila_field_request_number_is_provisional ("1447-00004"));
  g_assert_false (sila_field_request_number_is_provisional ("garbage"));

  /* A provisional request number is still a request number. */
  {
    g_autofree char *n = sila_request_number_normalize ("١٤٤٧-٩٠٠١٠٠٠٠٠٤", NULL);

    g_assert_cmpstr (n, ==, "1447-9001000004");
  }
}

static void
test_order (void)
{
  SilaFieldOrder first = { "2026-12-01T08:00:00.000Z", "laptop-b", "zz" };
  SilaFieldOrder same_time_a = { "2026-12-01T09:00:00.000Z", "laptop-a", "yy" };
  SilaFieldOrder same_time_b = { "2026-12-01T09:00:00.000Z", "laptop-b", "aa" };
  SilaFieldOrder same_laptop = { "2026-12-01T09:00:00.000Z", "laptop-b", "bb" };

  /* When made, then laptop, then key. */
  g_assert_cmpint (sila_field_order_compare (&first, &same_time_a), <, 0);
  g_assert_cmpint (sila_field_order_compare (&same_time_a, &same_time_b), <, 0);
  g_assert_cmpint (sila_field_order_compare (&same_time_b, &same_laptop), <, 0);
  g_assert_cmpint (sila_field_order_compare (&same_laptop, &same_laptop), ==, 0);

  /* An office file always stays the primary one; between two field files
   * the first made does, whichever merged first. */
  g_assert_true (sila_field_existing_stays (FALSE, &same_laptop, &first));
  g_assert_false (sila_field_existing_stays (TRUE, &same_laptop, &first));
  g_assert_true (sila_field_existing_stays (TRUE, &first, &same_laptop));
}

static void
test_resolve (void)
{
  const char *t1 = "2026-12-01T08:00:00.000Z", *t2 = "2026-12-01T09:00:00.000Z";

  /* Only the field changed it. */
  g_assert_cmpint (sila_field_resolve ("t:a", "t:b", "t:a", NULL, t1), ==, SILA_FIELD_APPLY);
  /* Already there: a second bundle of the same kit, or both typed it. */
  g_assert_cmpint (sila_field_resolve ("t:a", "t:b", "t:b", NULL, t1), ==, SILA_FIELD_SAME);
  /* The office changed it too: the office stands. */
  g_assert_cmpint (sila_field_resolve ("t:a", "t:b", "t:c", NULL, t1), ==,
                   SILA_FIELD_KEEP_OFFICE);
  /* Another laptop's merge put it there: the later change wins, in either
   * order of merging. */
  g_assert_cmpint (sila_field_resolve ("t:a", "t:b", "t:c", t1, t2), ==,
                   SILA_FIELD_LATER_FIELD);
  g_assert_cmpint (sila_field_resolve ("t:a", "t:c", "t:b", t2, t1), ==,
                   SILA_FIELD_LATER_OFFICE);
  /* Equal times: the values decide, the same way both ways round. */
  g_assert_cmpint (sila_field_resolve ("t:a", "t:b", "t:c", t1, t1), ==,
                   SILA_FIELD_LATER_OFFICE);
  g_assert_cmpint (sila_field_resolve ("t:a", "t:c", "t:b", t1, t1), ==,
                   SILA_FIELD_LATER_FIELD);
  /* NULL is a value like any other. */
  g_assert_cmpint (sila_field_resolve ("n", "t:x", "n", NULL, t1), ==, SILA_FIELD_APPLY);
}

static void
test_values (void)
{
  SilaFieldValue v = { SILA_FIELD_VALUE_TEXT, 0, 0, g_bytes_new ("نص", strlen ("نص")) };
  SilaFieldValue n = { SILA_FIELD_VALUE_INT, 42, 0, NULL };
  SilaFieldValue b = { SILA_FIELD_VALUE_BLOB, 0, 0, g_bytes_new ("\x01\xff", 2) };
  g_autofree char *ev = sila_field_value_encode (&v);
  g_autofree char *en = sila_field_value_encode (&n);
  g_autofree char *eb = sila_field_value_encode (&b);
  g_autofree char *shown = sila_field_value_display (ev);
  g_autofree char *text = sila_field_value_dup_text (&v);

  g_assert_cmpstr (ev, ==, "t:نص");
  g_assert_cmpstr (en, ==, "i:42");
  g_assert_cmpstr (eb, ==, "b:01ff");
  g_assert_cmpstr (shown, ==, "نص");
  g_assert_cmpstr (text, ==, "نص");
  sila_field_value_clear (&v);
  sila_field_value_clear (&b);
}

static SilaFieldHeader *
make_header (void)
{
  SilaFieldHeader *h = g_new0 (SilaFieldHeader, 1);

  h->format = SILA_FIELD_BUNDLE_FORMAT;
  h->office_id = g_strdup ("office-1");
  h->kit_id = g_strdup ("kit-1");
  h->device_id = g_strdup ("laptop-1");
  h->event = g_strdup ("يوم الحي");
  h->schema_version = 14;
  h->made_at = g_strdup ("2026-12-01T08:00:00.000Z");
  h->tables_json = g_strdup ("{\"beneficiaries\":[\"id\",\"file_number\"]}");
  h->audit_json = g_strdup ("[]");
  return h;
}

static void
test_bundle (void)
{
  g_autoptr(SilaFieldHeader) header = make_header ();
  g_autoptr(GBytes) changeset = g_bytes_new_static ("\x54\x02\x01payload", 10);
  g_autoptr(GBytes) bundle = NULL;
  g_autoptr(GBytes) back = NULL;
  g_autoptr(SilaFieldHeader) parsed = NULL;
  g_autoptr(GError) error = NULL;
  gsize size = 0;
  const guint8 *data;

  header->changeset_size = (gint64)g_bytes_get_size (changeset);
  header->changeset_sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, changeset);
  bundle = sila_field_bundle_compose (header, changeset);

  parsed = sila_field_bundle_parse (bundle, &back, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (parsed->event, ==, "يوم الحي");
  g_assert_cmpint (parsed->schema_version, ==, 14);
  g_assert_true (g_bytes_equal (back, changeset));
  g_clear_pointer (&back, g_bytes_unref);

  /* The checks of its header against the office. */
  g_assert_true (sila_field_header_check (parsed, "office-1", 14, &error));
  g_assert_false (sila_field_header_check (parsed, "office-2", 14, &error));
  g_assert_error (error, SILA_FIELD_ERROR, SILA_FIELD_ERROR_FOREIGN);
  g_clear_error (&error);
  g_assert_false (sila_field_header_check (parsed, "office-1", 13, &error));
  g_assert_error (error, SILA_FIELD_ERROR, SILA_FIELD_ERROR_TOO_NEW);
  g_clear_error (&error);

  data = g_bytes_get_data (bundle, &size);

  /* Cut short anywhere: incomplete. */
  for (gsize cut = 20; cut < size; cut += 7)
    {
      g_autoptr(GBytes) cut_short = g_bytes_new (data, cut);
      g_autoptr(SilaFieldHeader) h = sila_field_bundle_parse (cut_short, &back, &error);

      g_assert_null (h);
      g_assert_null (back);
      g_assert_true (g_error_matches (error, SILA_FIELD_ERROR, SILA_FIELD_ERROR_TRUNCATED) ||
                     g_error_matches (error, SILA_FIELD_ERROR, SILA_FIELD_ERROR_DAMAGED));
      g_clear_error (&error);
    }

  /* One byte changed anywhere after the magic: damaged. */
  for (gsize at = strlen (SILA_FIELD_BUNDLE_MAGIC); at < size - 74; at++)
    {
      g_autofree guint8 *copy = g_memdup2 (data, size);
      g_autoptr(GBytes) bad = NULL;
      g_autoptr(SilaFieldHeader) h = NULL;

      copy[at] ^= 0x20;
      bad = g_bytes_new (copy, size);
      h = sila_field_bundle_parse (bad, &back, &error);
      g_assert_null (h);
      g_assert_error (error, SILA_FIELD_ERROR, SILA_FIELD_ERROR_DAMAGED);
      g_clear_error (&error);
    }

  /* Not a bundle at all. */
  {
    g_autoptr(GBytes) other = g_bytes_new_static ("SQLite format 3\0", 16);
    g_autoptr(SilaFieldHeader) h = sila_field_bundle_parse (other, &back, &error);

    g_assert_null (h);
    g_assert_error (error, SILA_FIELD_ERROR, SILA_FIELD_ERROR_NOT_BUNDLE);
    g_clear_error (&error);
  }

  /* A format from the future. */
  {
    g_autoptr(SilaFieldHeader) h = sila_field_header_parse ("{\"format\": 2}", &error);

    g_assert_null (h);
    g_assert_error (error, SILA_FIELD_ERROR, SILA_FIELD_ERROR_FORMAT);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sila/field/tables", test_tables);
  g_test_add_func ("/sila/field/provisional", test_provisional);
  g_test_add_func ("/sila/field/order", test_order);
  g_test_add_func ("/sila/field/resolve", test_resolve);
  g_test_add_func ("/sila/field/values", test_values);
  g_test_add_func ("/sila/field/bundle", test_bundle);

  return g_test_run ();
}
