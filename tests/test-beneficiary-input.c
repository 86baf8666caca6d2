/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The beneficiary form's checks, field by field, with their edge cases;
 * drafts kept exactly; the choices and their spellings; messages in
 * Arabic (in a fresh process: GLib decides once whether to translate). */
#include "sila-config.h"

#include <string.h>

#include "sila-beneficiary.h"
#include "sila-choices.h"
#include "sila-clock.h"
#include "sila-i18n.h"
#include "sila-validation.h"

static SilaBeneficiaryInput *
valid_input (void)
{
  SilaBeneficiaryInput *in = sila_beneficiary_input_new ();

  sila_beneficiary_input_set (in, SILA_BF_ID_TYPE, "national_id");
  sila_beneficiary_input_set (in, SILA_BF_ID_NUMBER, "1000000008");
  sila_beneficiary_input_set (in, SILA_BF_FIRST_NAME, "فاطمة");
  sila_beneficiary_input_set (in, SILA_BF_FATHER_NAME, "محمد");
  sila_beneficiary_input_set (in, SILA_BF_FAMILY_NAME, "الغامدي");
  sila_beneficiary_input_set (in, SILA_BF_GENDER, "female");
  sila_beneficiary_input_set (in, SILA_BF_CONSENT, "given");
  return in;
}

/* Sets @field to @text in a valid form and returns the parse's error for
 * @key (NULL when it passes). */
static char *
error_for (SilaBeneficiaryField  field,
           const char           *text,
           const char           *key)
{
  g_autoptr(SilaBeneficiaryInput) in = valid_input ();
  g_autoptr(SilaFieldErrors) errors = sila_field_errors_new ();
  g_autoptr(SilaBeneficiary) b = NULL;
  const GError *error;

  sila_beneficiary_input_set (in, field, text);
  b = sila_beneficiary_input_parse (in, NULL, 0, errors);
  error = sila_field_errors_get (errors, key != NULL ? key : sila_beneficiary_field_to_key (field));
  g_assert_true ((b == NULL) == (sila_field_errors_count (errors) > 0));
  return error != NULL ? g_strdup (error->message) : NULL;
}

static SilaBeneficiary *
parse_with (SilaBeneficiaryField field,
            const char          *text)
{
  g_autoptr(SilaBeneficiaryInput) in = valid_input ();
  g_autoptr(SilaFieldErrors) errors = sila_field_errors_new ();
  SilaBeneficiary *b;

  sila_beneficiary_input_set (in, field, text);
  b = sila_beneficiary_input_parse (in, NULL, 0, errors);
  if (b == NULL)
    {
      const GError *e = NULL;
      const char *f = sila_field_errors_first (errors, &e);
      g_error ("%s: %s", f, e->message);
    }
  return b;
}

#define ASSERT_ERROR(field, text, expected) \
  G_STMT_START { \
    g_autofree char *m = error_for ((field), (text), NULL); \
    g_assert_cmpstr (m, ==, (expected)); \
  } G_STMT_END

#define ASSERT_REFUSED(field, text) \
  G_STMT_START { \
    g_autofree char *m = error_for ((field), (text), NULL); \
    if (m == NULL) g_error ("“%s” was accepted", (text)); \
  } G_STMT_END

#define ASSERT_OK(field, text) \
  G_STMT_START { \
    g_autofree char *m = error_for ((field), (text), NULL); \
    g_assert_cmpstr (m, ==, NULL); \
  } G_STMT_END

static void
test_identity (void)
{
  g_autoptr(SilaBeneficiary) b = NULL;

  /* Any digits, spaces and dashes; stored as ASCII. */
  b = parse_with (SILA_BF_ID_NUMBER, "١٠٠٠-٠٠٠-٠٠٨");
  g_assert_cmpstr (b->id_number, ==, "1000000008");
  g_clear_pointer (&b, sila_beneficiary_free);

  ASSERT_ERROR (SILA_BF_ID_NUMBER, "1000000009",
                "This national ID is not valid: its last digit does not match the others. "
                "Check it for a typing mistake.");
  ASSERT_REFUSED (SILA_BF_ID_NUMBER, "100000000");
  ASSERT_REFUSED (SILA_BF_ID_NUMBER, "2000000006");  /* an iqama as a national ID */
  ASSERT_REFUSED (SILA_BF_ID_NUMBER, "10000O0008");
  ASSERT_ERROR (SILA_BF_ID_NUMBER, "", "Enter the ID number.");

  /* The type follows the number when none is chosen (imports). */
  {
    g_autoptr(SilaBeneficiaryInput) in = valid_input ();

    sila_beneficiary_input_set (in, SILA_BF_ID_TYPE, NULL);
    sila_beneficiary_input_set (in, SILA_BF_ID_NUMBER, "2000000006");
    b = sila_beneficiary_input_parse (in, NULL, 0, NULL);
    g_assert_cmpint (b->id_type, ==, SILA_ID_TYPE_IQAMA);
    g_clear_pointer (&b, sila_beneficiary_free);
    sila_beneficiary_input_set (in, SILA_BF_ID_NUMBER, NULL);
    g_assert_null (sila_beneficiary_input_parse (in, NULL, 0, NULL));
  }

  /* With no type chosen, a number that is not a national ID or an iqama
   * is refused with its reason, never taken for a passport (issue 12). */
  {
    static const struct {
      const char *number;
      const char *message;
    } refused[] = {
      { "a1234567", "A national ID or iqama number has digits only; this one has «a»." },
      { "10000O0008", "A national ID or iqama number has digits only; this one has «O»." },
      { "100000000", "A national ID or iqama number has 10 digits; this one has 9." },
      { "10000000081", "A national ID or iqama number has 10 digits; this one has 11." },
      { "3000000004", "A national ID starts with 1 and an iqama number with 2; this one "
                      "starts with 3." },
      { "1000000009", "This national ID is not valid: its last digit does not match the "
                      "others. Check it for a typing mistake." },
      { "2000000007", "This iqama number is not valid: its last digit does not match the "
                      "others. Check it for a typing mistake." },
    };
    g_autoptr(SilaBeneficiaryInput) in = valid_input ();

    sila_beneficiary_input_set (in, SILA_BF_ID_TYPE, NULL);
    for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
      {
        g_autoptr(SilaFieldErrors) errors = sila_field_errors_new ();

        sila_beneficiary_input_set (in, SILA_BF_ID_NUMBER, refused[i].number);
        g_assert_null (sila_beneficiary_input_parse (in, NULL, SILA_PARSE_IMPORT, errors));
        g_assert_cmpstr (sila_field_errors_get (errors, "id_number")->message, ==,
                         refused[i].message);
      }

    /* A passport only where the type says so. */
    sila_beneficiary_input_set (in, SILA_BF_ID_TYPE, "passport");
    sila_beneficiary_input_set (in, SILA_BF_ID_NUMBER, "a1234567");
    b = sila_beneficiary_input_parse (in, NULL, 0, NULL);
    g_assert_cmpint (b->id_type, ==, SILA_ID_TYPE_PASSPORT);
    g_assert_cmpstr (b->id_number, ==, "A1234567");
    g_clear_pointer (&b, sila_beneficiary_free);
  }

  /* A household member's number: a national ID or an iqama, else refused;
   * a passport only when the saved file says so. */
  {
    g_autoptr(SilaBeneficiaryInput) in = valid_input ();
    g_autoptr(SilaFieldErrors) errors = sila_field_errors_new ();
    SilaMemberInput *m = sila_beneficiary_input_add_member (in);
    SilaHouseholdMember *member;

    sila_member_input_set (m, SILA_MEMBER_NAME, "محمد علي الغامدي");
    sila_member_input_set (m, SILA_MEMBER_RELATION, "son");
    sila_member_input_set (m, SILA_MEMBER_ID_NUMBER, "A1234567");
    g_assert_null (sila_beneficiary_input_parse (in, NULL, 0, errors));
    g_assert_cmpstr (sila_field_errors_get (errors, "members.0.id_number")->message, ==,
                     "A national ID or iqama number has digits only; this one has «A».");

    sila_member_input_set (m, SILA_MEMBER_ID_NUMBER, "2000000006");
    b = sila_beneficiary_input_parse (in, NULL, 0, NULL);
    member = g_ptr_array_index (b->members, 0);
    g_assert_cmpint (member->id_type, ==, SILA_ID_TYPE_IQAMA);
    g_clear_pointer (&b, sila_beneficiary_free);

    m->id_type = g_strdup ("passport");
    sila_member_input_set (m, SILA_MEMBER_ID_NUMBER, "A1234567");
    b = sila_beneficiary_input_parse (in, NULL, 0, NULL);
    member = g_ptr_array_index (b->members, 0);
    g_assert_cmpint (member->id_type, ==, SILA_ID_TYPE_PASSPORT);
    g_assert_cmpstr (member->id_number, ==, "A1234567");
    g_clear_pointer (&b, sila_beneficiary_free);
  }

  /* No document: the number stays empty and a reason is needed. */
  {
    g_autoptr(SilaBeneficiaryInput) in = valid_input ();
    g_autoptr(SilaFieldErrors) errors = sila_field_errors_new ();

    sila_beneficiary_input_set (in, SILA_BF_ID_TYPE, "none");
    g_assert_null (sila_beneficiary_input_parse (in, NULL, 0, errors));
    g_assert_nonnull (sila_field_errors_get (errors, "id_number"));
    g_clear_pointer (&errors, sila_field_errors_free);

    sila_beneficiary_input_set (in, SILA_BF_ID_NUMBER, NULL);
    errors = sila_field_errors_new ();
    g_assert_null (sila_beneficiary_input_parse (in, NULL, 0, errors));
    g_assert_cmpstr (sila_field_errors_get (errors, "id_none_reason")->message, ==,
                     "Say why the beneficiary has no ID document.");

    sila_beneficiary_input_set (in, SILA_BF_ID_NONE_REASON, "  لم تُستخرج بعد  ");
    b = sila_beneficiary_input_parse (in, NULL, 0, NULL);
    g_assert_nonnull (b);
    g_assert_null (b->id_number);
    g_assert_cmpstr (b->id_none_reason, ==, "لم تُستخرج بعد");
    g_clear_pointer (&b, sila_beneficiary_free);

    sila_beneficiary_input_set (in, SILA_BF_ID_TYPE, "driving_licence");
    g_clear_pointer (&errors, sila_field_errors_free);
    errors = sila_field_errors_new ();
    g_assert_null (sila_beneficiary_input_parse (in, NULL, 0, errors));
    g_assert_nonnull (sila_field_errors_get (errors, "id_type"));
  }
}

static void
test_names (void)
{
  g_autoptr(SilaBeneficiary) b = NULL;
  g_autofree char *long_name = NULL;

  /* Kept as typed (harakat included), trimmed, tatweel dropped. */
  b = parse_with (SILA_BF_FIRST_NAME, "  فـاطِمة  ");
  g_assert_cmpstr (b->name[SILA_NAME_PART_FIRST], ==, "فاطِمة");
  g_assert_cmpstr (b->name[SILA_NAME_PART_GRANDFATHER], ==, "");
  g_clear_pointer (&b, sila_beneficiary_free);

  ASSERT_ERROR (SILA_BF_FIRST_NAME, "فاطمة2", "A name cannot contain digits.");
  ASSERT_ERROR (SILA_BF_FAMILY_NAME, "", "This field is required.");
  ASSERT_REFUSED (SILA_BF_FIRST_NAME, "فاطمة\u202e");
  ASSERT_REFUSED (SILA_BF_FIRST_NAME, "سارة!");
  ASSERT_REFUSED (SILA_BF_FATHER_NAME, "-محمد");
  ASSERT_OK (SILA_BF_FATHER_NAME, "");               /* old registers lack it */
  ASSERT_OK (SILA_BF_FAMILY_NAME, "آل سعيد");
  ASSERT_OK (SILA_BF_FAMILY_NAME, "O'Brien");
  long_name = g_strnfill (41, 'a');
  ASSERT_REFUSED (SILA_BF_FIRST_NAME, long_name);
}

static void
test_gender_and_choices (void)
{
  static const char *const females[] = { "female", "Female", "F", "أنثى", "انثى", "انثي" };
  g_autoptr(SilaBeneficiary) b = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (females); i++)
    {
      b = parse_with (SILA_BF_GENDER, females[i]);
      g_assert_cmpstr (b->gender, ==, "female");
      g_clear_pointer (&b, sila_beneficiary_free);
    }
  ASSERT_ERROR (SILA_BF_GENDER, NULL, "Choose male or female.");
  ASSERT_ERROR (SILA_BF_GENDER, "unknown",
                "“unknown” is not one of the choices: Male, Female.");

  /* An import may lack the gender. */
  {
    g_autoptr(SilaBeneficiaryInput) in = valid_input ();

    sila_beneficiary_input_set (in, SILA_BF_GENDER, NULL);
    b = sila_beneficiary_input_parse (in, NULL, SILA_PARSE_IMPORT, NULL);
    g_assert_nonnull (b);
    g_assert_null (b->gender);
    g_clear_pointer (&b, sila_beneficiary_free);
  }

  b = parse_with (SILA_BF_NATIONALITY, "سعودية");
  g_assert_cmpstr (b->nationality, ==, "sa");
  g_clear_pointer (&b, sila_beneficiary_free);
  b = parse_with (SILA_BF_MARITAL_STATUS, "أرملة");
  g_assert_cmpstr (b->marital_status, ==, "widowed");
  g_clear_pointer (&b, sila_beneficiary_free);
  b = parse_with (SILA_BF_PREFERRED_CHANNEL, "الاتصالات الهاتفية");
  g_assert_cmpstr (b->preferred_channel, ==, "phone");
  g_clear_pointer (&b, sila_beneficiary_free);
  ASSERT_REFUSED (SILA_BF_PREFERRED_CHANNEL, "fax");
  ASSERT_REFUSED (SILA_BF_HOUSING_TYPE, "tent");

  /* Districts: a known one by any spelling, "حي" or not; another kept. */
  b = parse_with (SILA_BF_DISTRICT, "حي العزيزيه");
  g_assert_cmpstr (b->district, ==, "العزيزية");
  g_clear_pointer (&b, sila_beneficiary_free);
  b = parse_with (SILA_BF_DISTRICT, "Al-Zahir");
  g_assert_cmpstr (b->district, ==, "الزاهر");
  g_clear_pointer (&b, sila_beneficiary_free);
  b = parse_with (SILA_BF_DISTRICT, " حي الفيصلية ");
  g_assert_cmpstr (b->district, ==, "حي الفيصلية");
  g_clear_pointer (&b, sila_beneficiary_free);
  ASSERT_REFUSED (SILA_BF_DISTRICT, "حي جديد\u202e");

  /* Every list has a display name and parses its own codes and names. */
  for (guint l = 0; l < SILA_N_CHOICES; l++)
    {
      guint n;
      const SilaChoice *choices = sila_choices_get (l, &n);

      for (guint i = 0; i < n; i++)
        {
          g_assert_cmpstr (sila_choices_parse (l, choices[i].code, NULL), ==, choices[i].code);
          g_assert_cmpstr (sila_choices_parse (l, choices[i].arabic, NULL), ==, choices[i].code);
          g_assert_cmpstr (sila_choices_parse (l, choices[i].english, NULL), ==,
                           choices[i].code);
          g_assert_cmpstr (sila_choice_to_language (l, choices[i].code, TRUE), ==,
                           choices[i].arabic);
        }
    }
  g_assert_cmpstr (sila_choice_to_display (SILA_CHOICES_DISTRICT, "حي جديد"), ==, "حي جديد");
  g_assert_null (sila_choice_to_display (SILA_CHOICES_GENDER, NULL));
}

static void
test_birth_dates (void)
{
  g_autoptr(GDateTime) fixed = g_date_time_new_utc (2025, 3, 1, 10, 0, 0);
  g_autoptr(SilaBeneficiary) b = NULL;
  g_autoptr(SilaBeneficiaryInput) in = valid_input ();
  g_autofree char *iso = NULL;

  sila_clock_set_fixed (fixed);

  /* Hijri typed, both calendars then known. */
  sila_beneficiary_input_set (in, SILA_BF_BIRTH_CALENDAR, "hijri");
  sila_beneficiary_input_set (in, SILA_BF_BIRTH_DATE, "١٤٠٥/٠٣/١٢");
  b = sila_beneficiary_input_parse (in, NULL, 0, NULL);
  iso = sila_date_format_numeric (&b->birth_date, SILA_CALENDAR_GREGORIAN);
  g_assert_cmpstr (iso, ==, "1984-12-04");
  g_assert_cmpint (b->birth_calendar, ==, SILA_CALENDAR_HIJRI);
  g_clear_pointer (&b, sila_beneficiary_free);

  /* A mark overrides the calendar chosen beside the field. */
  sila_beneficiary_input_set (in, SILA_BF_BIRTH_DATE, "04/12/1984 م");
  b = sila_beneficiary_input_parse (in, NULL, 0, NULL);
  g_assert_nonnull (b);
  g_assert_cmpint (b->birth_calendar, ==, SILA_CALENDAR_GREGORIAN);
  g_clear_pointer (&b, sila_beneficiary_free);

  /* Safar 1446 has 29 days; a future birth; out of the table. */
  {
    g_autofree char *m = NULL;

    sila_beneficiary_input_set (in, SILA_BF_BIRTH_DATE, "1447-02-30");
    m = NULL;
    {
      g_autoptr(SilaFieldErrors) errors = sila_field_errors_new ();

      g_assert_null (sila_beneficiary_input_parse (in, NULL, 0, errors));
      g_assert_cmpstr (sila_field_errors_get (errors, "birth_date")->message, ==,
                       "Safar 1447 has only 29 days.");
    }
  }
  sila_beneficiary_input_set (in, SILA_BF_BIRTH_CALENDAR, "gregorian");
  {
    g_autoptr(SilaFieldErrors) errors = sila_field_errors_new ();

    sila_beneficiary_input_set (in, SILA_BF_BIRTH_DATE, "2025-03-02");
    g_assert_null (sila_beneficiary_input_parse (in, NULL, 0, errors));
    g_assert_cmpstr (sila_field_errors_get (errors, "birth_date")->message, ==,
                     "A birth date cannot be in the future.");
  }
  sila_beneficiary_input_set (in, SILA_BF_BIRTH_DATE, "2025-02-29");
  g_assert_null (sila_beneficiary_input_parse (in, NULL, 0, NULL));
  sila_beneficiary_input_set (in, SILA_BF_BIRTH_DATE, "1880-01-01");
  g_assert_null (sila_beneficiary_input_parse (in, NULL, 0, NULL));

  /* Without a calendar (imports), the year tells. */
  sila_beneficiary_input_set (in, SILA_BF_BIRTH_CALENDAR, NULL);
  sila_beneficiary_input_set (in, SILA_BF_BIRTH_DATE, "12/03/1405");
  b = sila_beneficiary_input_parse (in, NULL, 0, NULL);
  g_assert_cmpint (b->birth_calendar, ==, SILA_CALENDAR_HIJRI);
  g_clear_pointer (&b, sila_beneficiary_free);

  sila_clock_set_fixed (NULL);
}

static void
test_contact_and_money (void)
{
  g_autoptr(SilaBeneficiary) b = NULL;
  g_autoptr(SilaBeneficiaryInput) in = valid_input ();
  g_autoptr(SilaFieldErrors) errors = sila_field_errors_new ();

  b = parse_with (SILA_BF_MOBILE, "+966 (0) 55 123 4567");
  g_assert_cmpstr (b->mobile, ==, "+966551234567");
  g_clear_pointer (&b, sila_beneficiary_free);
  ASSERT_REFUSED (SILA_BF_MOBILE, "0125551234");  /* a landline */
  ASSERT_REFUSED (SILA_BF_MOBILE, "055123");

  b = parse_with (SILA_BF_ALT_PHONES, "0561112222، ٠٥٠٩٩٩٨٨٨٧ ;+966581234567");
  g_assert_cmpuint (g_strv_length (b->alt_phones), ==, 3);
  g_assert_cmpstr (b->alt_phones[1], ==, "+966509998887");
  g_clear_pointer (&b, sila_beneficiary_free);
  ASSERT_REFUSED (SILA_BF_ALT_PHONES, "0561112222, 123");
  ASSERT_REFUSED (SILA_BF_ALT_PHONES,
                  "0561112221,0561112222,0561112223,0561112224,0561112225");

  b = parse_with (SILA_BF_RENT, "١٨٬٠٠٠٫٥٠ ر.س");
  g_assert_cmpint (b->rent_halalas, ==, 1800050);
  g_clear_pointer (&b, sila_beneficiary_free);
  ASSERT_REFUSED (SILA_BF_RENT, "-5");
  ASSERT_REFUSED (SILA_BF_RENT, "12.345");
  b = parse_with (SILA_BF_RENT, NULL);
  g_assert_cmpint (b->rent_halalas, ==, -1);
  g_clear_pointer (&b, sila_beneficiary_free);

  /* Incomes: a source and an exact amount each; empty rows skipped. */
  sila_beneficiary_input_add_income (in, "الضمان", "1,250.50");
  sila_beneficiary_input_add_income (in, NULL, NULL);
  sila_beneficiary_input_add_income (in, "salary", "abc");
  sila_beneficiary_input_add_income (in, NULL, "100");
  g_assert_null (sila_beneficiary_input_parse (in, NULL, 0, errors));
  g_assert_nonnull (sila_field_errors_get (errors, "incomes.2.amount"));
  g_assert_nonnull (sila_field_errors_get (errors, "incomes.3.source"));
  g_assert_null (sila_field_errors_get (errors, "incomes.0.amount"));
  g_ptr_array_set_size (in->incomes, 2);
  b = sila_beneficiary_input_parse (in, NULL, 0, NULL);
  g_assert_cmpuint (b->incomes->len, ==, 1);
  g_assert_cmpint (sila_beneficiary_get_total_income (b), ==, 125050);
  g_clear_pointer (&b, sila_beneficiary_free);

  /* Notes keep their lines; hidden controls are refused. */
  b = parse_with (SILA_BF_NOTES, "  سطر\nسطر آخر\t!  ");
  g_assert_cmpstr (b->notes, ==, "سطر\nسطر آخر\t!");
  g_clear_pointer (&b, sila_beneficiary_free);
  ASSERT_REFUSED (SILA_BF_NOTES, "نص\u202eمعكوس");
  ASSERT_REFUSED (SILA_BF_HEALTH_NOTES, "\x01");
  {
    g_autofree char *longer = g_strnfill (SILA_BENEFICIARY_NOTES_MAX + 1, 'x');
    ASSERT_REFUSED (SILA_BF_NOTES, longer);
  }
  ASSERT_REFUSED (SILA_BF_ADDRESS, "سطر\nآخر");
  ASSERT_REFUSED (SILA_BF_CONSENT, "maybe");
  ASSERT_REFUSED (SILA_BF_STATUS, "archived");
}

/* Several refusals in one form, each from a check that reuses the same
 * local error: every field keeps its own message, and none is stored twice
 * (before the fix, the segment's error was reused for the rent's and freed
 * twice, and a bad mobile's error was overwritten by the other phones'). */
static void
test_several_refusals (void)
{
  g_autoptr(GPtrArray) segments = g_ptr_array_new_with_free_func ((GDestroyNotify)sila_segment_free);
  g_autoptr(SilaBeneficiaryInput) in = valid_input ();
  g_autoptr(SilaFieldErrors) errors = sila_field_errors_new ();
  g_autoptr(SilaBeneficiary) b = NULL;
  const GError *segment, *rent, *income, *notes, *mobile, *alt;

  g_ptr_array_add (segments, sila_segment_new ("widows", "أرامل", "Widows", FALSE));
  g_ptr_array_add (segments, sila_segment_new ("elderly", "كبار السن", "Elderly", FALSE));

  sila_beneficiary_input_set (in, SILA_BF_SEGMENT, "orphans");
  sila_beneficiary_input_add_income (in, "salary", "abc");
  sila_beneficiary_input_set (in, SILA_BF_RENT, "-5");
  sila_beneficiary_input_set (in, SILA_BF_HEALTH_NOTES, "\x01");
  sila_beneficiary_input_set (in, SILA_BF_NOTES, "\x02");
  sila_beneficiary_input_set (in, SILA_BF_MOBILE, "055123");
  sila_beneficiary_input_set (in, SILA_BF_ALT_PHONES, "123");

  b = sila_beneficiary_input_parse (in, segments, SILA_PARSE_IMPORT, errors);
  g_assert_null (b);

  segment = sila_field_errors_get (errors, "segment");
  income = sila_field_errors_get (errors, "incomes.0.amount");
  rent = sila_field_errors_get (errors, "rent");
  notes = sila_field_errors_get (errors, "notes");
  mobile = sila_field_errors_get (errors, "mobile");
  alt = sila_field_errors_get (errors, "alt_phones");
  g_assert_nonnull (segment);
  g_assert_nonnull (income);
  g_assert_nonnull (rent);
  g_assert_nonnull (sila_field_errors_get (errors, "health_notes"));
  g_assert_nonnull (notes);
  g_assert_nonnull (mobile);
  g_assert_nonnull (alt);
  g_assert_cmpuint (sila_field_errors_count (errors), ==, 7);

  /* Seven errors, seven different GErrors. */
  g_assert_true (segment != income && segment != rent && income != rent && mobile != alt);

  /* The segment's message names the office's segments. */
  g_assert_nonnull (strstr (segment->message, "Widows"));
  g_assert_nonnull (strstr (segment->message, "Elderly"));

  /* Every message is the one of its own check. */
  g_assert_null (strstr (rent->message, "Widows"));
  g_assert_null (strstr (income->message, "Widows"));
}

static void
test_members (void)
{
  g_autoptr(SilaBeneficiaryInput) in = valid_input ();
  g_autoptr(SilaFieldErrors) errors = sila_field_errors_new ();
  g_autoptr(SilaBeneficiary) b = NULL;
  SilaMemberInput *m;

  m = sila_beneficiary_input_add_member (in);
  sila_member_input_set (m, SILA_MEMBER_NAME, "سارة بنت محمد الغامدي");
  sila_member_input_set (m, SILA_MEMBER_RELATION, "بنت");
  sila_member_input_set (m, SILA_MEMBER_ID_NUMBER, "٢٠٠٠٠٠٠٠٠٦");
  sila_member_input_set (m, SILA_MEMBER_BIRTH_DATE, "1430/05/10");
  sila_member_input_set (m, SILA_MEMBER_OCCUPATION, "طالبة");
  sila_beneficiary_input_add_member (in);      /* empty: skipped */
  m = sila_beneficiary_input_add_member (in);
  sila_member_input_set (m, SILA_MEMBER_NAME, "محمد2");
  sila_member_input_set (m, SILA_MEMBER_BIRTH_DATE, "2099-01-01");
  sila_member_input_set (m, SILA_MEMBER_ID_NUMBER, "1000000009");

  g_assert_null (sila_beneficiary_input_parse (in, NULL, 0, errors));
  g_assert_nonnull (sila_field_errors_get (errors, "members.2.name"));
  g_assert_nonnull (sila_field_errors_get (errors, "members.2.relation"));
  g_assert_nonnull (sila_field_errors_get (errors, "members.2.birth_date"));
  g_assert_nonnull (sila_field_errors_get (errors, "members.2.id_number"));
  g_assert_null (sila_field_errors_get (errors, "members.0.name"));

  g_ptr_array_set_size (in->members, 2);
  b = sila_beneficiary_input_parse (in, NULL, 0, NULL);
  g_assert_cmpuint (b->members->len, ==, 1);
  m = NULL;
  {
    const SilaHouseholdMember *member = g_ptr_array_index (b->members, 0);

    g_assert_cmpstr (member->name, ==, "سارة محمد الغامدي");
    g_assert_cmpstr (member->relation, ==, "daughter");
    g_assert_cmpint (member->id_type, ==, SILA_ID_TYPE_IQAMA);
    g_assert_cmpstr (member->occupation, ==, "student");
    g_assert_true (g_date_valid (&member->birth_date));
  }
}

static void
test_drafts_round_trip (void)
{
  g_autoptr(SilaBeneficiaryInput) in = valid_input ();
  g_autoptr(SilaBeneficiaryInput) back = NULL;
  g_autoptr(SilaBeneficiaryInput) again = NULL;
  g_autoptr(SilaBeneficiary) b = NULL;
  g_autoptr(SilaBeneficiary) b2 = NULL;
  g_autofree char *json = NULL;
  g_autofree char *json2 = NULL;
  g_autofree char *j1 = NULL;
  g_autofree char *j2 = NULL;
  SilaMemberInput *m;

  /* Invalid text is kept exactly: nothing typed is lost. */
  sila_beneficiary_input_set (in, SILA_BF_MOBILE, "05 5\u202e1");
  sila_beneficiary_input_set (in, SILA_BF_NOTES, "\"quoted\" \\ slash\nline");
  m = sila_beneficiary_input_add_member (in);
  sila_member_input_set (m, SILA_MEMBER_NAME, "علي");
  sila_beneficiary_input_add_income (in, "salary", "1x");
  json = sila_beneficiary_input_to_json (in);
  back = sila_beneficiary_input_from_json (json);
  g_assert_nonnull (back);
  json2 = sila_beneficiary_input_to_json (back);
  g_assert_cmpstr (json2, ==, json);
  g_assert_cmpstr (sila_beneficiary_input_get (back, SILA_BF_MOBILE), ==, "05 5\u202e1");

  g_assert_null (sila_beneficiary_input_from_json ("not json"));
  g_assert_null (sila_beneficiary_input_from_json ("[1, 2]"));
  g_assert_null (sila_beneficiary_input_from_json ("{\"format\": 99}"));
  g_assert_null (sila_beneficiary_input_from_json (NULL));
  {
    g_autoptr(SilaBeneficiaryInput) odd =
      sila_beneficiary_input_from_json ("{\"format\": 1, \"mobile\": 5, \"members\": [1, {}],"
                                        " \"incomes\": \"x\"}");
    g_assert_nonnull (odd);
    g_assert_null (sila_beneficiary_input_get (odd, SILA_BF_MOBILE));
    g_assert_cmpuint (odd->members->len, ==, 1);
  }

  /* Preset choices are not typing; anything else is. */
  {
    g_autoptr(SilaBeneficiaryInput) empty = sila_beneficiary_input_new ();

    sila_beneficiary_input_set (empty, SILA_BF_ID_TYPE, "national_id");
    sila_beneficiary_input_set (empty, SILA_BF_BIRTH_CALENDAR, "hijri");
    sila_beneficiary_input_add_member (empty);
    g_assert_true (sila_beneficiary_input_is_empty (empty));
    sila_beneficiary_input_set (empty, SILA_BF_ADDRESS, "x");
    g_assert_false (sila_beneficiary_input_is_empty (empty));
  }

  /* A saved file, put back into the form, parses to the same file. */
  sila_beneficiary_input_set (in, SILA_BF_MOBILE, "0551234567");
  sila_beneficiary_input_set (in, SILA_BF_NOTES, "ملاحظة");
  sila_beneficiary_input_set (in, SILA_BF_BIRTH_DATE, "1405-03-12");
  sila_beneficiary_input_set (in, SILA_BF_BIRTH_CALENDAR, "hijri");
  sila_beneficiary_input_set (in, SILA_BF_RENT, "12000");
  sila_beneficiary_input_set (in, SILA_BF_ALT_PHONES, "0561112222");
  sila_member_input_set (m, SILA_MEMBER_RELATION, "son");
  sila_member_input_set (m, SILA_MEMBER_BIRTH_DATE, "2010-01-01");
  g_ptr_array_set_size (in->incomes, 0);
  sila_beneficiary_input_add_income (in, "salary", "1500.5");
  b = sila_beneficiary_input_parse (in, NULL, 0, NULL);
  g_assert_nonnull (b);
  again = sila_beneficiary_input_new_from (b);
  g_assert_cmpstr (sila_beneficiary_input_get (again, SILA_BF_BIRTH_DATE), ==, "1405-03-12");
  g_assert_cmpstr (sila_beneficiary_input_get (again, SILA_BF_MOBILE), ==, "055 123 4567");
  b2 = sila_beneficiary_input_parse (again, NULL, 0, NULL);
  j1 = sila_beneficiary_to_json (b);
  j2 = sila_beneficiary_to_json (b2);
  g_assert_cmpstr (j1, ==, j2);
}

/* The same refusals, in Arabic: a fresh process. */
static void
test_arabic_messages (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *m = NULL;

      sila_i18n_init (SILA_LANGUAGE_ARABIC);
      m = error_for (SILA_BF_GENDER, NULL, NULL);
      g_assert_cmpstr (m, ==, "اختر ذكرًا أو أنثى.");
      g_free (m);
      m = error_for (SILA_BF_ID_TYPE, "none", "id_none_reason");
      g_assert_null (m);
      g_assert_cmpstr (sila_choice_to_display (SILA_CHOICES_DISTRICT, "الزاهر"), ==, "الزاهر");
      g_assert_cmpstr (sila_choice_to_display (SILA_CHOICES_CONSENT, "pending"), ==,
                       "بانتظار التأكيد في التواصل القادم");
      g_assert_cmpstr (sila_beneficiary_field_to_display (SILA_BF_MOBILE), ==, "الجوال");
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  if (!g_test_subprocess ())
    sila_i18n_init (SILA_LANGUAGE_ENGLISH);

  g_test_add_func ("/sila/core/beneficiary/identity", test_identity);
  g_test_add_func ("/sila/core/beneficiary/names", test_names);
  g_test_add_func ("/sila/core/beneficiary/gender-and-choices", test_gender_and_choices);
  g_test_add_func ("/sila/core/beneficiary/birth-dates", test_birth_dates);
  g_test_add_func ("/sila/core/beneficiary/contact-and-money", test_contact_and_money);
  g_test_add_func ("/sila/core/beneficiary/several-refusals", test_several_refusals);
  g_test_add_func ("/sila/core/beneficiary/members", test_members);
  g_test_add_func ("/sila/core/beneficiary/drafts", test_drafts_round_trip);
  g_test_add_func ("/sila/core/beneficiary/arabic-messages", test_arabic_messages);

  return g_test_run ();
}
