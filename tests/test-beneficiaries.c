/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Beneficiary files in the store, on real temporary databases: saving in
 * one transaction with its audit, consent, conflicts, duplicates, search
 * tolerant of Arabic spelling, history, drafts, segments, roles. */
#include "sila-config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "sila-beneficiary-export.h"
#include "sila-beneficiary-history.h"
#include "sila-beneficiary-list.h"
#include "sila-choices.h"
#include "sila-clock.h"
#include "sila-i18n.h"
#include "sila-policy.h"
#include "sila-store-beneficiaries.h"
#include "sila-store-drafts.h"
#include "sila-store-private.h"
#include "sila-store-staff.h"
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

#define PASSWORD "kalimat-sirr-1446"

/* A staff account (the first one makes an administrator, who then acts
 * for the fixture: the owner of a database with accounts acts no more). */
static SilaActor *
add_staff (Fixture    *f,
           const char *username,
           SilaRole    roles)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaStaff) staff = NULL;

  if (sila_actor_is_owner (f->owner))
    {
      g_autoptr(SilaStaff) admin = sila_store_add_staff (f->store, f->owner, "admin", "مدير",
                                                         SILA_ROLE_ADMIN, PASSWORD, FALSE,
                                                         &error);

      g_assert_no_error (error);
      sila_actor_free (f->owner);
      f->owner = sila_staff_to_actor (admin);
    }
  staff = sila_store_add_staff (f->store, f->owner, username, username, roles, PASSWORD, FALSE,
                                &error);
  g_assert_no_error (error);
  return sila_staff_to_actor (staff);
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

static void assert_finds (Fixture *f, const char *text, gint64 file_number);
static void assert_finds_nothing (Fixture *f, const char *text);

static gint64
raw_count (Fixture    *f,
           const char *sql)
{
  return sila_test_location_int (f->dir.db_path, sql);
}

static void
test_consent (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaBeneficiaryInput) in = sample_input ("1000000008", "نورة", "سعد", NULL,
                                                     "العتيبي", NULL, NULL);
  g_autoptr(SilaBeneficiary) b = NULL;
  g_autoptr(SilaBeneficiary) c = NULL;

  /* Required by default: refused, nothing written. */
  sila_beneficiary_input_set (in, SILA_BF_CONSENT, "pending");
  b = parse_ok (in, NULL);
  g_assert_false (sila_store_create_beneficiary (f->store, f->owner, b, NULL, &error));
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "consent"));
  g_clear_error (&error);
  g_assert_cmpint (raw_count (f, "SELECT count(*) FROM beneficiaries"), ==, 0);
  g_assert_cmpint (raw_count (f, "SELECT count(*) FROM audit_log WHERE entity = 'beneficiary'"),
                   ==, 0);

  /* The office may decide otherwise: the file then shows it as pending. */
  g_assert_true (sila_store_set_setting (f->store, f->owner, SILA_SETTING_CONSENT_REQUIRED, NULL,
                                         "no", &error));
  g_assert_no_error (error);
  g_assert_true (sila_store_create_beneficiary (f->store, f->owner, b, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (b->consent, ==, "pending");
  g_assert_null (b->consent_at);

  /* Recorded later: the date and officer are stamped then, and kept. */
  g_free (b->consent);
  b->consent = g_strdup ("given");
  g_assert_true (sila_store_update_beneficiary (f->store, f->owner, b, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (b->consent_at);
  g_assert_cmpstr (b->consent_by, ==, "owner");

  /* Once given, an edit does not take it back while the policy requires it. */
  g_assert_true (sila_store_set_setting (f->store, f->owner, SILA_SETTING_CONSENT_REQUIRED, "0",
                                         "yes", &error));
  c = sila_beneficiary_copy (b);
  g_free (c->consent);
  c->consent = g_strdup ("pending");
  g_assert_false (sila_store_update_beneficiary (f->store, f->owner, c, NULL, &error));
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_INVALID);
}

static void
test_update_conflict_history (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaBeneficiary) b = create (f, "100000001", "أحمد", "علي", NULL, "الحربي",
                                         "0551234567", "1980-01-01");
  g_autoptr(SilaBeneficiary) stale = sila_beneficiary_copy (b);
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  const SilaAuditEntry *last;
  const SilaFieldChange *change;

  g_free (b->mobile);
  b->mobile = g_strdup ("+966561112222");
  g_ptr_array_add (b->members, sila_household_member_new ());
  ((SilaHouseholdMember *)g_ptr_array_index (b->members, 0))->name = g_strdup ("سارة أحمد الحربي");
  ((SilaHouseholdMember *)g_ptr_array_index (b->members, 0))->relation = g_strdup ("daughter");
  g_assert_true (sila_store_update_beneficiary (f->store, f->owner, b, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (b->rev, ==, 2);
  /* The search index follows: the new mobile finds the file, the old one
   * no longer does. */
  assert_finds (f, "0561112222", b->file_number);
  assert_finds_nothing (f, "0551234567");

  /* A screen that read the file before that change cannot overwrite it. */
  g_free (stale->notes);
  stale->notes = g_strdup ("ملاحظة");
  g_assert_false (sila_store_update_beneficiary (f->store, f->owner, stale, NULL, &error));
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  /* The history: two entries, the newest with the mobile before and after. */
  history = sila_store_list_beneficiary_history (f->store, f->owner, b->id, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 2);
  last = g_ptr_array_index (history, 0);
  g_assert_cmpstr (last->action, ==, "update");
  g_assert_nonnull (strstr (last->before_json, "+966551234567"));
  g_assert_nonnull (strstr (last->after_json, "+966561112222"));
  changes = sila_beneficiary_describe_changes (last->before_json, last->after_json, NULL);
  g_assert_cmpuint (changes->len, ==, 2);
  change = g_ptr_array_index (changes, 0);
  g_assert_cmpstr (change->key, ==, "mobile");
  g_assert_cmpstr (change->label, ==, "Mobile");
  g_assert_nonnull (strstr (change->before, "055 123 4567"));
  g_assert_nonnull (strstr (change->after, "056 111 2222"));
  change = g_ptr_array_index (changes, 1);
  g_assert_cmpstr (change->key, ==, "members");
  g_assert_cmpstr (change->after, ==, "سارة أحمد الحربي");

  /* Members keep their ids across edits; a removed one is soft-deleted. */
  g_ptr_array_set_size (b->members, 0);
  g_assert_true (sila_store_update_beneficiary (f->store, f->owner, b, NULL, &error));
  g_assert_cmpint (raw_count (f, "SELECT count(*) FROM household_members"), ==, 1);
  g_assert_cmpint (raw_count (f, "SELECT count(*) FROM household_members "
                                 "WHERE deleted_at IS NULL"), ==, 0);

  /* Viewing is audited, but is not part of the file's history. */
  g_clear_pointer (&history, g_ptr_array_unref);
  sila_beneficiary_free (sila_store_open_beneficiary (f->store, f->owner, b->id, &error));
  g_assert_cmpint (raw_count (f, "SELECT count(*) FROM audit_log WHERE action = 'view'"), ==, 1);
  history = sila_store_list_beneficiary_history (f->store, f->owner, b->id, 0, &error);
  g_assert_cmpuint (history->len, ==, 3);
}

static void
test_duplicates (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaBeneficiary) a = create (f, "100000001", "محمد", "عبد الله", "أحمد",
                                         "الغامدي", "0551234567", "1980-01-01");
  g_autoptr(SilaBeneficiary) same_id = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autofree char *id = make_id ("100000001");
  g_autoptr(SilaBeneficiaryInput) in = NULL;

  /* The same ID: refused, naming the file. */
  in = sample_input (id, "خالد", "سعد", NULL, "الشهري", NULL, NULL);
  same_id = parse_ok (in, NULL);
  found = sila_store_find_duplicates (f->store, f->owner, same_id, &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpint (((SilaDuplicate *)g_ptr_array_index (found, 0))->reason, ==,
                   SILA_DUPLICATE_SAME_ID);
  g_assert_false (sila_store_create_beneficiary (f->store, f->owner, same_id, NULL, &error));
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "1001"));
  g_clear_error (&error);
  g_clear_pointer (&found, g_ptr_array_unref);
  g_clear_pointer (&in, sila_beneficiary_input_free);

  /* A similar name (spelled otherwise, grandfather left out) and the same
   * mobile in another form. */
  {
    g_autoptr(SilaBeneficiaryInput) other = sample_input (NULL, "مُحمد", "عبدالله", NULL,
                                                          "الغامدى", "+966 55 123 4567", NULL);
    g_autoptr(SilaBeneficiary) b = NULL;

    sila_beneficiary_input_set (other, SILA_BF_ID_TYPE, "passport");
    sila_beneficiary_input_set (other, SILA_BF_ID_NUMBER, "A1234567");
    b = parse_ok (other, NULL);
    found = sila_store_find_duplicates (f->store, f->owner, b, &error);
    g_assert_cmpuint (found->len, ==, 1);
    g_assert_cmpint (((SilaDuplicate *)g_ptr_array_index (found, 0))->reason, ==,
                     SILA_DUPLICATE_NAME_AND_PHONE);
    g_clear_pointer (&found, g_ptr_array_unref);
  }

  /* A similar name and the same birth date. */
  {
    g_autoptr(SilaBeneficiaryInput) other = sample_input ("1087345292", "محمد", "عبد الله",
                                                          "أحمد", "الغامدي", "0569998888",
                                                          "1980-01-01");
    g_autoptr(SilaBeneficiary) b = parse_ok (other, NULL);
    g_autofree char *text = NULL;

    found = sila_store_find_duplicates (f->store, f->owner, b, &error);
    g_assert_cmpuint (found->len, ==, 1);
    g_assert_cmpint (((SilaDuplicate *)g_ptr_array_index (found, 0))->reason, ==,
                     SILA_DUPLICATE_NAME_AND_BIRTH);
    text = sila_duplicate_describe (g_ptr_array_index (found, 0));
    g_assert_cmpstr (text, ==, "File number 1001, محمد عبد الله أحمد الغامدي, has a similar "
                               "name and the same birth date.");
    g_clear_pointer (&found, g_ptr_array_unref);
  }

  /* Another name with the same mobile (a relative) is not a duplicate;
   * neither is the file itself. */
  {
    g_autoptr(SilaBeneficiaryInput) other = sample_input ("1087345292", "فاطمة", "محمد", NULL,
                                                          "الغامدي", "0551234567",
                                                          "1980-01-01");
    g_autoptr(SilaBeneficiary) b = parse_ok (other, NULL);

    found = sila_store_find_duplicates (f->store, f->owner, b, &error);
    g_assert_cmpuint (found->len, ==, 0);
    g_clear_pointer (&found, g_ptr_array_unref);
    found = sila_store_find_duplicates (f->store, f->owner, a, &error);
    g_assert_cmpuint (found->len, ==, 0);
  }

  g_assert_true (sila_beneficiary_names_similar ("محمد عبدالله احمد الغامدي",
                                                 "محمد عبدالله الغامدي"));
  g_assert_false (sila_beneficiary_names_similar ("محمد علي الغامدي", "محمد عبدالله الغامدي"));
  g_assert_false (sila_beneficiary_names_similar ("محمد", "محمد"  "x"));
  g_assert_false (sila_beneficiary_names_similar ("", ""));
  g_assert_false (sila_beneficiary_names_similar ("محمد الغامدي", "احمد الغامدي"));
}

static void
test_roles (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaBeneficiary) b = create (f, "100000001", "أحمد", "علي", NULL, "الحربي",
                                         NULL, NULL);
  g_autoptr(SilaActor) researcher = add_staff (f, "rana", SILA_ROLE_RESEARCHER);
  g_autoptr(SilaActor) manager = add_staff (f, "majed", SILA_ROLE_MANAGER);
  g_autoptr(SilaActor) officer = add_staff (f, "omar", SILA_ROLE_OFFICER);
  g_autoptr(SilaBeneficiary) seen = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autofree char *path = sila_test_dir_file (&f->dir, "out.xlsx");
  char *draft = NULL;

  /* A researcher sees the file and its history, and changes nothing. */
  seen = sila_store_open_beneficiary (f->store, researcher, b->id, &error);
  g_assert_no_error (error);
  history = sila_store_list_beneficiary_history (f->store, researcher, b->id, 0, &error);
  g_assert_no_error (error);
  g_assert_false (sila_store_update_beneficiary (f->store, researcher, seen, NULL, &error));
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_false (sila_store_save_draft (f->store, researcher, SILA_DRAFT_KIND_BENEFICIARY, NULL,
                                         NULL, "{}", &draft, &error));
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DENIED);
  g_clear_error (&error);
  /* The audit trail as a whole stays with administrators. */
  g_assert_null (sila_store_list_audit (f->store, researcher, NULL, NULL, 0, &error));
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DENIED);
  g_clear_error (&error);

  /* An officer edits but does not export; a manager exports. */
  g_assert_false (sila_beneficiary_export_xlsx (f->store, officer, path, NULL, &error));
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (sila_beneficiary_export_xlsx (f->store, manager, path, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (raw_count (f, "SELECT count(*) FROM audit_log WHERE action = 'export' "
                                 "AND actor_name = 'majed'"), ==, 1);
  g_assert_false (sila_store_create_beneficiary (f->store, manager, b, NULL, &error));
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DENIED);
  g_clear_error (&error);

  /* No one at all: refused. */
  g_assert_null (sila_store_search_beneficiaries (f->store, NULL, "أحمد", NULL, 0, &error));
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DENIED);
}

static void
test_drafts (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaActor) other = add_staff (f, "omar", SILA_ROLE_OFFICER);
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(SilaDraft) draft = NULL;
  g_autoptr(SilaBeneficiaryInput) in = sample_input ("1000000008", "فاطمة", "علي", NULL,
                                                     "الزهراني", "05512", NULL);
  g_autoptr(SilaBeneficiaryInput) back = NULL;
  g_autofree char *json = NULL;
  g_autofree char *json_back = NULL;
  g_autoptr(SilaBeneficiary) b = NULL;
  char *id = NULL;

  /* In a file, drafts are in the file itself. */
  if (!sila_test_on_server ())
    g_assert_null (sila_store_local_drafts_path (f->store));

  /* What is typed, valid or not, is kept exactly. */
  sila_beneficiary_input_set (in, SILA_BF_NOTES, "سطر أول\nسطر \"ثانٍ\"");
  json = sila_beneficiary_input_to_json (in);
  g_assert_true (sila_store_save_draft (f->store, f->owner, SILA_DRAFT_KIND_BENEFICIARY, NULL,
                                        "فاطمة الزهراني", json, &id, &error));
  g_assert_no_error (error);
  g_assert_nonnull (id);
  g_assert_true (sila_store_save_draft (f->store, f->owner, SILA_DRAFT_KIND_BENEFICIARY, NULL,
                                        "فاطمة الزهراني", json, &id, &error));
  drafts = sila_store_list_drafts (f->store, f->owner, SILA_DRAFT_KIND_BENEFICIARY, &error);
  g_assert_cmpuint (drafts->len, ==, 1);
  g_clear_pointer (&drafts, g_ptr_array_unref);

  /* Each officer sees their own. */
  drafts = sila_store_list_drafts (f->store, other, SILA_DRAFT_KIND_BENEFICIARY, &error);
  g_assert_cmpuint (drafts->len, ==, 0);
  g_assert_true (sila_store_delete_draft (f->store, other, id, &error));
  g_clear_pointer (&drafts, g_ptr_array_unref);

  draft = sila_store_get_draft (f->store, f->owner, id, &error);
  g_assert_no_error (error);
  back = sila_beneficiary_input_from_json (draft->content);
  json_back = sila_beneficiary_input_to_json (back);
  g_assert_cmpstr (json_back, ==, json);
  g_assert_cmpstr (sila_beneficiary_input_get (back, SILA_BF_MOBILE), ==, "05512");

  /* Saving the file deletes its draft in the same transaction. */
  sila_beneficiary_input_set (in, SILA_BF_MOBILE, "0551234567");
  b = parse_ok (in, NULL);
  g_assert_true (sila_store_create_beneficiary (f->store, f->owner, b, id, &error));
  g_assert_no_error (error);
  drafts = sila_store_list_drafts (f->store, f->owner, SILA_DRAFT_KIND_BENEFICIARY, &error);
  g_assert_cmpuint (drafts->len, ==, 0);
  g_free (id);
}

/* The test server stopped at once, or started again (pgcluster.py). */
static void
server_ctl (Fixture    *f,
            const char *action)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "pgcluster.py", NULL);
  const char *argv[] = { "/usr/bin/python3", script, action, f->dir.db_path, NULL };
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL,
                               NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

/* Drafts kept in @path, read with SQLite itself. */
static gint64
local_draft_count (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 count;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM drafts", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  count = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return count;
}

/* On a server, drafts are in this desk's own file, so they survive the
 * server going away; a save while it is away fails plainly and keeps the
 * draft; once it is back, saving again works and drops the draft. */
static void
test_drafts_on_server (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(SilaBeneficiaryInput) in = sample_input ("1000000008", "خديجة", "عبدالله", NULL,
                                                     "الزهراني", "0551234567", NULL);
  g_autoptr(SilaBeneficiary) b = NULL;
  g_autoptr(SilaStore) other = NULL;
  g_autofree char *json = sila_beneficiary_input_to_json (in);
  g_autofree char *path = sila_store_local_drafts_path (f->store);
  g_autofree char *dir = NULL;
  g_autofree char *other_location = NULL;
  g_autofree char *other_path = NULL;
  g_autofree char *id = NULL;
  GStatBuf st;

  g_assert_nonnull (path);
  g_assert_null (strstr (path, "password"));
  g_assert_true (sila_store_save_draft (f->store, f->owner, SILA_DRAFT_KIND_BENEFICIARY, NULL,
                                        "خديجة الزهراني", json, &id, &error));
  g_assert_no_error (error);

  /* In the local file, the user's alone; not in the server's table. */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  dir = g_path_get_dirname (path);
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (local_draft_count (path), ==, 1);
  g_assert_cmpint (raw_count (f, "SELECT count(*) FROM drafts"), ==, 0);

  /* Another office (another database) has a file of its own. */
  other_location = sila_test_new_server_database ();
  other = sila_store_open (other_location, 0, &error);
  g_assert_no_error (error);
  other_path = sila_store_local_drafts_path (other);
  g_assert_cmpstr (other_path, !=, path);
  drafts = sila_store_list_drafts (other, f->owner, SILA_DRAFT_KIND_BENEFICIARY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (drafts->len, ==, 0);
  g_clear_pointer (&drafts, g_ptr_array_unref);
  g_clear_object (&other);

  /* The server goes away: drafts are still written and read. */
  server_ctl (f, "stop");
  sila_beneficiary_input_set (in, SILA_BF_NOTES, "كُتب والخادم متوقف");
  g_free (json);
  json = sila_beneficiary_input_to_json (in);
  g_assert_true (sila_store_save_draft (f->store, f->owner, SILA_DRAFT_KIND_BENEFICIARY, NULL,
                                        "خديجة الزهراني", json, &id, &error));
  g_assert_no_error (error);
  drafts = sila_store_list_drafts (f->store, f->owner, SILA_DRAFT_KIND_BENEFICIARY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (drafts->len, ==, 1);
  g_assert_cmpstr (((SilaDraft *)g_ptr_array_index (drafts, 0))->content, ==, json);
  g_clear_pointer (&drafts, g_ptr_array_unref);

  /* Saving fails with a plain message; the draft stays. */
  b = parse_ok (in, NULL);
  g_assert_false (sila_store_create_beneficiary (f->store, f->owner, b, id, &error));
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_CANNOT_OPEN);
  g_assert_nonnull (strstr (error->message, "office server"));
  g_assert_null (strstr (error->message, "FATAL"));
  g_clear_error (&error);
  g_assert_cmpint (local_draft_count (path), ==, 1);

  /* Back, then restarted under the desk: the first call meets the dropped
   * connection and says so plainly, the draft stays. */
  server_ctl (f, "start");
  g_clear_pointer (&b, sila_beneficiary_free);
  b = create (f, "100000003", "نورة", "سعد", NULL, "العتيبي", NULL, NULL);
  server_ctl (f, "restart");
  g_clear_pointer (&b, sila_beneficiary_free);
  b = parse_ok (in, NULL);
  g_assert_false (sila_store_create_beneficiary (f->store, f->owner, b, id, &error));
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_CANNOT_OPEN);
  g_assert_nonnull (strstr (error->message, "office server"));
  g_assert_null (strstr (error->message, "terminating"));
  g_clear_error (&error);
  g_assert_cmpint (local_draft_count (path), ==, 1);

  /* The connection is made again at the next call; the save goes through
   * and the draft is dropped after it. */
  g_clear_pointer (&b, sila_beneficiary_free);
  b = parse_ok (in, NULL);
  g_assert_true (sila_store_create_beneficiary (f->store, f->owner, b, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (local_draft_count (path), ==, 0);
  /* (Only this file is counted: the test cluster does not wait for its
   * log at commit, so an immediate restart may lose the one before.) */
  g_assert_cmpint (raw_count (f, "SELECT count(*) FROM beneficiaries "
                                 "WHERE id_number = '1000000008'"), ==, 1);
  g_assert_cmpint (raw_count (f, "SELECT count(*) FROM drafts"), ==, 0);
}

static void
count_changes_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *count)
{
  (*count)++;
}

static void
wait_loaded (SilaBeneficiaryList *list)
{
  while (sila_beneficiary_list_is_loading (list))
    g_main_context_iteration (NULL, TRUE);
}

/* @list holds every match of @text and @filter, @n of them, in the store's
 * order; each row is the file of its number. */
static void
assert_list_is (SilaBeneficiaryList         *list,
                Fixture                     *f,
                const char                  *text,
                const SilaBeneficiaryFilter *filter,
                guint                        n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) all = sila_store_list_beneficiary_numbers (f->store, f->owner, text, filter,
                                                                &error);

  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, n);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SilaBeneficiaryRow) row = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_assert_cmpint (sila_beneficiary_list_get_file_number (list, i), ==,
                       g_array_index (all, gint64, i));
      g_assert_cmpint (sila_beneficiary_row_get_file_number (row), ==,
                       g_array_index (all, gint64, i));
    }
  for (guint i = 1; i < n; i++)
    g_assert_cmpint (g_array_index (all, gint64, i - 1), >, g_array_index (all, gint64, i));
}

static void
test_lazy_list (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaBeneficiaryList) list = NULL;
  SilaBeneficiaryFilter filter = { 0 };
  guint changes = 0;

  g_assert_true (sila_store_set_setting (f->store, f->owner, SILA_SETTING_CONSENT_REQUIRED, NULL,
                                         "0", &error));
  for (guint i = 0; i < 260; i++)
    {
      g_autofree char *nine = g_strdup_printf ("1%08u", i);
      g_autofree char *id = make_id (nine);
      g_autoptr(SilaBeneficiaryInput) in = sample_input (id, i % 2 ? "نورة" : "سارة", "علي",
                                                         NULL, i % 3 ? "الحربي" : "القرشي",
                                                         NULL, NULL);
      g_autoptr(SilaBeneficiary) b = NULL;

      sila_beneficiary_input_set (in, SILA_BF_SEGMENT, i % 4 ? "widow" : "elderly");
      sila_beneficiary_input_set (in, SILA_BF_DISTRICT, i % 5 ? "الزاهر" : "العمرة");
      sila_beneficiary_input_set (in, SILA_BF_CONSENT, i % 10 ? "given" : "pending");
      b = parse_ok (in, NULL);
      g_assert_true (sila_store_create_beneficiary (f->store, f->owner, b, NULL, &error));
      g_assert_no_error (error);
    }

  list = sila_beneficiary_list_new (f->store, f->owner);
  /* The whole register: its top at once, the rest just after. */
  g_assert_true (sila_beneficiary_list_set_query (list, "", NULL, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 60);
  g_assert_true (sila_beneficiary_list_is_loading (list));
  /* A page cut short by the first rows' end is not reused once complete. */
  g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), 55));
  while (sila_beneficiary_list_is_loading (list))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 260);
  {
    g_autoptr(SilaBeneficiaryRow) row = g_list_model_get_item (G_LIST_MODEL (list), 65);

    g_assert_cmpint (sila_beneficiary_row_get_file_number (row), ==, 1260 - 65);
  }
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == SILA_TYPE_BENEFICIARY_ROW);
  /* Newest first; only the page asked for was read. */
  g_assert_cmpint (sila_beneficiary_list_get_file_number (list, 0), ==, 1260);
  g_assert_cmpuint (sila_beneficiary_list_get_n_cached_pages (list), ==, 1);
  {
    g_autoptr(SilaBeneficiaryRow) row = g_list_model_get_item (G_LIST_MODEL (list), 259);

    g_assert_cmpint (sila_beneficiary_row_get_file_number (row), ==, 1001);
    g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 260));
  }
  for (guint i = 0; i < 260; i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), i));
  g_assert_cmpuint (sila_beneficiary_list_get_n_cached_pages (list), <=, 8);

  /* A search shows its first rows at once, and its whole list after. */
  g_assert_true (sila_beneficiary_list_set_query (list, "نوره", NULL, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 60);
  g_assert_true (sila_beneficiary_list_is_loading (list));
  {
    g_autoptr(SilaBeneficiaryRow) row = g_list_model_get_item (G_LIST_MODEL (list), 0);

    /* Newest first: the odd ones are Noura, the newest is 1260. */
    g_assert_cmpint (sila_beneficiary_row_get_file_number (row), ==, 1260);
    g_assert_true (g_str_has_prefix (sila_beneficiary_row_get_name (row), "نورة"));
  }
  wait_loaded (list);
  assert_list_is (list, f, "نوره", NULL, 130);

  /* A second query typed before the first's list is whole: the first's
   * late answer (a list, or word that it was called off) never replaces
   * the second's list, nor ends its loading. */
  g_assert_true (sila_beneficiary_list_set_query (list, "", NULL, &error));
  g_assert_true (sila_beneficiary_list_is_loading (list));
  g_assert_true (sila_beneficiary_list_set_query (list, "سارة", NULL, &error));
  g_assert_true (sila_beneficiary_list_is_loading (list));
  wait_loaded (list);
  assert_list_is (list, f, "سارة", NULL, 130);
  /* The same with a list that needs no more than its first rows. */
  g_assert_true (sila_beneficiary_list_set_query (list, "", NULL, &error));
  g_assert_true (sila_beneficiary_list_set_query (list, "نوره القرشى", NULL, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 43);
  g_assert_false (sila_beneficiary_list_is_loading (list));
  g_assert_true (sila_beneficiary_list_set_query (list, "سارة", NULL, &error));
  wait_loaded (list);
  assert_list_is (list, f, "سارة", NULL, 130);

  /* Search and filters narrow it. */
  g_assert_true (sila_beneficiary_list_set_query (list, "نوره القرشى", NULL, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 43);
  filter.segment = "elderly";
  g_assert_true (sila_beneficiary_list_set_query (list, NULL, &filter, &error));
  g_assert_true (sila_beneficiary_list_is_loading (list));
  wait_loaded (list);
  assert_list_is (list, f, NULL, &filter, 65);
  /* A search and a filter, more than the first rows. */
  g_assert_true (sila_beneficiary_list_set_query (list, "سارة", &filter, &error));
  wait_loaded (list);
  assert_list_is (list, f, "سارة", &filter, 65);
  filter.district = "العمرة";
  g_assert_true (sila_beneficiary_list_set_query (list, NULL, &filter, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 13);
  filter = (SilaBeneficiaryFilter) { .consent_pending = TRUE };
  g_assert_true (sila_beneficiary_list_set_query (list, "سارة", &filter, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 26);
  filter = (SilaBeneficiaryFilter) { .status = "closed" };
  g_assert_true (sila_beneficiary_list_set_query (list, NULL, &filter, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);

  /* A reload tells the views. */
  g_signal_connect (list, "items-changed", G_CALLBACK (count_changes_cb), &changes);
  g_assert_true (sila_beneficiary_list_set_query (list, "سارة", NULL, &error));
  g_assert_cmpuint (changes, ==, 1);
  /* And again when the whole list is known (a read under way holds the
   * list, and so the store, until it is done). */
  wait_loaded (list);
  g_assert_cmpuint (changes, ==, 2);

  /* A read called off holds the list (and so the store) until it has
   * come back to tell it. */
  g_object_add_weak_pointer (G_OBJECT (list), (gpointer *)&list);
  g_object_unref (list);
  while (list != NULL)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_segments_and_delete (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) segments = NULL;
  g_autoptr(SilaActor) officer = add_staff (f, "omar", SILA_ROLE_OFFICER);
  g_autoptr(SilaBeneficiary) b = create (f, "100000001", "أحمد", "علي", NULL, "الحربي", NULL,
                                         NULL);
  g_autoptr(SilaBeneficiary) gone = NULL;
  g_autofree char *code = NULL;

  segments = sila_store_list_segments (f->store, FALSE, &error);
  g_assert_cmpuint (segments->len, ==, 8);
  g_assert_cmpstr (sila_segment_parse (segments, "أرمله", NULL), ==, "widow");
  g_assert_cmpstr (sila_segment_parse (segments, "Orphans' family", NULL), ==, "orphans_family");
  g_assert_null (sila_segment_parse (segments, "طلاب", &error));
  g_assert_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_pointer (&segments, g_ptr_array_unref);

  /* Administrators edit the list; officers do not. */
  g_assert_false (sila_store_add_segment (f->store, officer, "طلاب", NULL, &code, &error));
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_true (sila_store_add_segment (f->store, f->owner, "طلاب جامعيون", "University students",
                                         &code, &error));
  g_assert_no_error (error);
  g_assert_false (sila_store_add_segment (f->store, f->owner, "أرملة", NULL, NULL, &error));
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_true (sila_store_update_segment (f->store, f->owner, code, "طلاب", "Students", TRUE,
                                            &error));
  segments = sila_store_list_segments (f->store, FALSE, &error);
  g_assert_cmpuint (segments->len, ==, 8);
  g_clear_pointer (&segments, g_ptr_array_unref);
  segments = sila_store_list_segments (f->store, TRUE, &error);
  g_assert_cmpuint (segments->len, ==, 9);
  /* A retired segment is not offered by name any more. */
  g_assert_null (sila_segment_parse (segments, "طلاب", NULL));

  /* Deleting is soft and audited; the file leaves searches. */
  g_assert_true (sila_store_delete_beneficiary (f->store, f->owner, b->id, b->rev, &error));
  g_assert_no_error (error);
  gone = sila_store_get_beneficiary (f->store, f->owner, b->id, &error);
  g_assert_null (gone);
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  assert_finds_nothing (f, "أحمد");
  g_assert_cmpint (raw_count (f, "SELECT count(*) FROM beneficiaries"), ==, 1);
  g_assert_cmpint (raw_count (f, "SELECT count(*) FROM audit_log WHERE action = 'delete'"), ==, 1);
  /* Its ID number may have a file again. */
  g_clear_pointer (&b, sila_beneficiary_free);
  b = create (f, "100000001", "أحمد", "علي", NULL, "الحربي", NULL, NULL);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  sila_i18n_init (SILA_LANGUAGE_ENGLISH);
  sila_store_set_cheap_hashes_for_testing (TRUE);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/sila/store/beneficiary/create-and-read", test_create_and_read);
  ADD ("/sila/store/beneficiary/search/variants", test_search_variants);
  ADD ("/sila/store/beneficiary/consent", test_consent);
  ADD ("/sila/store/beneficiary/update-conflict-history", test_update_conflict_history);
  ADD ("/sila/store/beneficiary/duplicates", test_duplicates);
  ADD ("/sila/store/beneficiary/roles", test_roles);
  ADD ("/sila/store/beneficiary/drafts", test_drafts);
  /* Only on a server: drafts in this desk's own file. */
  if (sila_test_on_server ())
    ADD ("/sila/store/beneficiary/drafts-on-server", test_drafts_on_server);
  ADD ("/sila/store/beneficiary/lazy-list", test_lazy_list);
  ADD ("/sila/store/beneficiary/segments-and-delete", test_segments_and_delete);

#undef ADD

  return g_test_run ();
}
