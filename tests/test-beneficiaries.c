/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Beneficiary files in the store, on real temporary databases: saving in
 * one transaction with its audit, consent, conflicts, duplicates, search
 * tolerant of Arabic spelling, history, drafts, segments, roles. */
#include "sila-config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "sila-choices.h"
#include "sila-clock.h"
#include "sila-i18n.h"
#include "sila-policy.h"
#include "sila-store-beneficiaries.h"
#include "sila-store-drafts.h"
#include "sila-test-util.h"
#include "sila-validation.h"

typedef struct {
  SilaTestDir  dir;
  SilaStore   *store;
  SilaActor   *owner;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  sila_test_dir_setup (&f->dir, NULL);
  f->store = sila_store_open (f->dir.db_path, 0, &error);
  g_assert_no_error (error);
  f->owner = sila_actor_new_owner ();
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_finalize_object (f->store);
  sila_actor_free (f->owner);
  sila_test_dir_teardown (&f->dir, NULL);
}

/* A valid national ID from nine digits. */
static char *
make_id (const char *nine)
{
  return g_strdup_printf ("%s%c", nine, sila_national_id_check_digit (nine));
}

static SilaBeneficiaryInput *
sample_input (const char *id_number,
              const char *first,
              const char *father,
              const char *grandfather,
              const char *family,
              const char *mobile,
              const char *birth)
{
  SilaBeneficiaryInput *in = sila_beneficiary_input_new ();

  sila_beneficiary_input_set (in, SILA_BF_ID_NUMBER, id_number);
  sila_beneficiary_input_set (in, SILA_BF_FIRST_NAME, first);
  sila_beneficiary_input_set (in, SILA_BF_FATHER_NAME, father);
  sila_beneficiary_input_set (in, SILA_BF_GRANDFATHER_NAME, grandfather);
  sila_beneficiary_input_set (in, SILA_BF_FAMILY_NAME, family);
  sila_beneficiary_input_set (in, SILA_BF_GENDER, "female");
  sila_beneficiary_input_set (in, SILA_BF_MOBILE, mobile);
  sila_beneficiary_input_set (in, SILA_BF_BIRTH_DATE, birth);
  sila_beneficiary_input_set (in, SILA_BF_BIRTH_CALENDAR, "gregorian");
  sila_beneficiary_input_set (in, SILA_BF_CONSENT, "given");
  return in;
}

static SilaBeneficiary *
parse_ok (SilaBeneficiaryInput *in,
          GPtrArray            *segments)
{
  g_autoptr(SilaFieldErrors) errors = sila_field_errors_new ();
  SilaBeneficiary *b = sila_beneficiary_input_parse (in, segments, 0, errors);

  if (b == NULL)
    {
      const GError *e = NULL;
      const char *field = sila_field_errors_first (errors, &e);

      g_error ("%s: %s", field, e->message);
    }
  return b;
}

static SilaBeneficiary *
create (Fixture    *f,
        const char *nine,
        const char *first,
        const char *father,
        const char *grandfather,
        const char *family,
        const char *mobile,
        const char *birth)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = nine != NULL ? make_id (nine) : NULL;
  g_autoptr(SilaBeneficiaryInput) in = sample_input (id, first, father, grandfather, family,
                                                     mobile, birth);
  SilaBeneficiary *b = parse_ok (in, NULL);

  g_assert_true (sila_store_create_beneficiary (f->store, f->owner, b, NULL, &error));
  g_assert_no_error (error);
  return b;
}

static void
test_create_and_read (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaBeneficiary) b = NULL;
  g_autoptr(SilaBeneficiary) read = NULL;
  g_autoptr(SilaBeneficiary) found = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autofree char *expected_json = NULL;
  g_autofree char *read_json = NULL;
  SilaBeneficiaryInput *in;
  SilaMemberInput *m;

  in = sample_input ("1000000008", "فاطمة", "محمد", "علي", "الغامدي", "0551234567",
                     "1985-03-01");
  sila_beneficiary_input_set (in, SILA_BF_DISTRICT, "حي الزاهر");
  sila_beneficiary_input_set (in, SILA_BF_SEGMENT, "widow");
  sila_beneficiary_input_set (in, SILA_BF_RENT, "18,000");
  sila_beneficiary_input_add_income (in, "social_security", "1,200.50");
  sila_beneficiary_input_add_income (in, "citizen_account", "٣٠٠");
  m = sila_beneficiary_input_add_member (in);
  sila_member_input_set (m, SILA_MEMBER_NAME, "سارة بنت محمد الغامدي");
  sila_member_input_set (m, SILA_MEMBER_RELATION, "ابنة");
  sila_member_input_set (m, SILA_MEMBER_BIRTH_DATE, "1430-05-10");
  sila_beneficiary_input_add_member (in); /* an empty row is skipped */
  b = parse_ok (in, NULL);
  sila_beneficiary_input_free (in);

  g_assert_cmpstr (b->district, ==, "الزاهر");
  g_assert_cmpint (sila_beneficiary_get_total_income (b), ==, 150050);
  g_assert_cmpint (b->rent_halalas, ==, 1800000);
  g_assert_cmpuint (b->members->len, ==, 1);

  g_assert_true (sila_store_create_beneficiary (f->store, f->owner, b, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_uuid_string_is_valid (b->id));
  g_assert_cmpint (b->file_number, ==, 1001);
  g_assert_cmpint (b->rev, ==, 1);
  g_assert_cmpstr (b->consent_by, ==, "owner");
  g_assert_nonnull (b->consent_at);

  read = sila_store_open_beneficiary (f->store, f->owner, b->id, &error);
  g_assert_no_error (error);
  expected_json = sila_beneficiary_to_json (b);
  read_json = sila_beneficiary_to_json (read);
  g_assert_cmpstr (read_json, ==, expected_json);
  g_assert_cmpstr (read->mobile, ==, "+966551234567");
  g_assert_cmpstr (((SilaHouseholdMember *)g_ptr_array_index (read->members, 0))->name, ==,
                   "سارة محمد الغامدي");

  g_assert_true (sila_store_find_beneficiary_by_id_number (f->store, f->owner,
                                                           "١٠٠٠ ٠٠٠ ٠٠٨", &found, &error));
  g_assert_nonnull (found);
  g_assert_cmpstr (found->id, ==, b->id);
  g_clear_pointer (&found, sila_beneficiary_free);
  g_assert_true (sila_store_find_beneficiary_by_id_number (f->store, f->owner, "1087345292",
                                                           &found, &error));
  g_assert_null (found);
  g_assert_true (sila_store_find_beneficiary_by_file_number (f->store, f->owner, 1001, &found,
                                                             &error));
  g_assert_nonnull (found);

  /* The history shows the creation, not the views. */
  history = sila_store_list_beneficiary_history (f->store, f->owner, b->id, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 1);
  g_assert_cmpstr (((SilaAuditEntry *)g_ptr_array_index (history, 0))->action, ==, "create");
}

static void
assert_finds (Fixture    *f,
              const char *text,
              gint64      file_number)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  gboolean found = FALSE;

  rows = sila_store_search_beneficiaries (f->store, f->owner, text, NULL, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    found |= sila_beneficiary_row_get_file_number (g_ptr_array_index (rows, i)) == file_number;
  if (!found)
    g_error ("“%s” did not find file %" G_GINT64_FORMAT, text, file_number);
}

static void
assert_finds_nothing (Fixture    *f,
                      const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  rows = sila_store_search_beneficiaries (f->store, f->owner, text, NULL, 0, &error);
  g_assert_no_error (error);
  if (rows->len != 0)
    g_error ("“%s” found %u files", text, rows->len);
}

static void
test_search_variants (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(SilaBeneficiary) a = create (f, "100000001", "أحمد", "عبدالله", "إبراهيم",
                                         "آل سعيد", "0551234567", "1980-01-01");
  g_autoptr(SilaBeneficiary) b = create (f, "100000002", "فاطمة", "عليّ", "موسى",
                                         "القحطانيـة", "+966 56 765 4321", "1990-05-05");
  g_autoptr(SilaBeneficiary) c = create (f, "100000003", "مُحَمَّد", "عبد الرحمن", "يحيى",
                                         "الحربي", NULL, "2000-02-02");

  /* Hamza forms, alef maqsura, ta marbuta, harakat, tatweel. */
  assert_finds (f, "احمد", a->file_number);
  assert_finds (f, "إبراهيم", a->file_number);
  assert_finds (f, "ابراهيم", a->file_number);
  assert_finds (f, "ال سعيد", a->file_number);
  assert_finds (f, "فاطمه", b->file_number);
  assert_finds (f, "موسي", b->file_number);
  assert_finds (f, "علي", b->file_number);
  assert_finds (f, "محمد", c->file_number);
  assert_finds (f, "مـحـمـد", c->file_number);
  assert_finds (f, "القحطانية", b->file_number);
  assert_finds (f, "قحطانيه", b->file_number);
  assert_finds (f, "يحيي", c->file_number);
  /* عبد الله / عبدالله either way. */
  assert_finds (f, "عبد الله", a->file_number);
  assert_finds (f, "عبدالرحمن", c->file_number);
  /* Prefixes and any word order. */
  assert_finds (f, "فاط", b->file_number);
  assert_finds (f, "الحربي محمد", c->file_number);
  assert_finds (f, "سعيد أح", a->file_number);
  /* File number, ID number, phones in any form and any digits. */
  assert_finds (f, "1002", b->file_number);
  assert_finds (f, "١٠٠٢", b->file_number);
  {
    g_autofree char *id = make_id ("100000003");
    assert_finds (f, id, c->file_number);
  }
  assert_finds (f, "1000000", c->file_number);
  assert_finds (f, "0551234567", a->file_number);
  assert_finds (f, "055 123", a->file_number);
  assert_finds (f, "٠٥٥١٢٣٤٥٦٧", a->file_number);
  assert_finds (f, "+966551234567", a->file_number);
  assert_finds (f, "00966 55 123", a->file_number);
  assert_finds (f, "567654321", b->file_number);
  assert_finds (f, "احمد 055", a->file_number);
  /* What is not there is not found; syntax is not syntax. */
  assert_finds_nothing (f, "خالد");
  assert_finds_nothing (f, "احمد الحربي");
  assert_finds_nothing (f, "\"\" OR * NEAR(");
  assert_finds_nothing (f, "...");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  sila_i18n_init (SILA_LANGUAGE_ENGLISH);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/sila/store/beneficiary/create-and-read", test_create_and_read);
  ADD ("/sila/store/beneficiary/search/variants", test_search_variants);

#undef ADD

  return g_test_run ();
}
