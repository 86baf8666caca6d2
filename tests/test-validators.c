/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What people type into a beneficiary's file: ID numbers, mobile numbers,
 * names, amounts, channels. */
#include "sila-config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "sila-arabic.h"
#include "sila-channel.h"
#include "sila-i18n.h"
#include "sila-money.h"
#include "sila-national-id.h"
#include "sila-person-name.h"
#include "sila-phone.h"
#include "sila-validation.h"

/* Valid numbers computed for these tests (Luhn over the ten digits, by a
 * separate Python snippet), plus the published example 1000000008. */
static const char *const valid_national[] = {
  "1000000008", "1048573628", "1087345292", "1120938475",
};
static const char *const valid_iqama[] = {
  "2437019587", "2391847569", "2000000006",
};

static char *
id_ok (const char *text,
       SilaIdType  type)
{
  g_autoptr(GError) error = NULL;
  char *id = sila_national_id_normalize (text, type, &error);

  g_assert_no_error (error);
  g_assert_nonnull (id);
  return id;
}

static void
assert_id_error (const char *text,
                 SilaIdType  type,
                 int         code,
                 const char *message)
{
  g_autoptr(GError) error = NULL;
  char *id = sila_national_id_normalize (text, type, &error);

  g_assert_null (id);
  g_assert_error (error, SILA_VALIDATION_ERROR, code);
  if (message != NULL)
    g_assert_cmpstr (error->message, ==, message);
}

static void
test_national_id (void)
{
  sila_i18n_init (SILA_LANGUAGE_ENGLISH);

  for (guint i = 0; i < G_N_ELEMENTS (valid_national); i++)
    {
      g_autofree char *id = id_ok (valid_national[i], SILA_ID_TYPE_NATIONAL_ID);

      g_assert_cmpstr (id, ==, valid_national[i]);
      g_assert_true (sila_national_id_checksum_ok (valid_national[i]));
      /* The check digit wants the nine digits before it, not all ten. */
      g_assert_cmpint (sila_national_id_check_digit (valid_national[i]), ==, 0);
      g_assert_cmpint (sila_national_id_guess_type (valid_national[i]), ==,
                       SILA_ID_TYPE_NATIONAL_ID);
      {
        g_autofree char *nine = g_strndup (valid_national[i], 9);
        g_assert_cmpint (sila_national_id_check_digit (nine), ==, valid_national[i][9]);
      }
    }
  for (guint i = 0; i < G_N_ELEMENTS (valid_iqama); i++)
    {
      g_autofree char *id = id_ok (valid_iqama[i], SILA_ID_TYPE_IQAMA);

      g_assert_cmpstr (id, ==, valid_iqama[i]);
      g_assert_cmpint (sila_national_id_guess_type (valid_iqama[i]), ==, SILA_ID_TYPE_IQAMA);
    }

  /* Arabic-Indic and Eastern digits, spaces, dashes and a pasted RLM. */
  {
    g_autofree char *a = id_ok ("١٠٤٨٥٧٣٦٢٨", SILA_ID_TYPE_NATIONAL_ID);
    g_autofree char *b = id_ok (" 1048 573 628 ", SILA_ID_TYPE_NATIONAL_ID);
    g_autofree char *c = id_ok ("\u200F۲۴۳۷-۰۱۹-۵۸۷", SILA_ID_TYPE_IQAMA);

    g_assert_cmpstr (a, ==, "1048573628");
    g_assert_cmpstr (b, ==, "1048573628");
    g_assert_cmpstr (c, ==, "2437019587");
  }

  /* One message per problem. */
  assert_id_error ("", SILA_ID_TYPE_NATIONAL_ID, SILA_VALIDATION_ERROR_REQUIRED,
                   "Enter the ID number.");
  assert_id_error ("104857362", SILA_ID_TYPE_NATIONAL_ID, SILA_VALIDATION_ERROR_INVALID,
                   "A national ID has 10 digits; this one has 9.");
  assert_id_error ("10485736281", SILA_ID_TYPE_IQAMA, SILA_VALIDATION_ERROR_INVALID,
                   "An iqama number has 10 digits; this one has 11.");
  assert_id_error ("3048573628", SILA_ID_TYPE_NATIONAL_ID, SILA_VALIDATION_ERROR_INVALID,
                   "A Saudi national ID starts with 1.");
  assert_id_error ("2437019587", SILA_ID_TYPE_NATIONAL_ID, SILA_VALIDATION_ERROR_INVALID, NULL);
  assert_id_error ("1048573628", SILA_ID_TYPE_IQAMA, SILA_VALIDATION_ERROR_INVALID,
                   "An iqama number starts with 2. This number starts with 1, like a national "
                   "ID: choose «National ID» as the ID type.");
  assert_id_error ("1048573627", SILA_ID_TYPE_NATIONAL_ID, SILA_VALIDATION_ERROR_INVALID,
                   "This national ID is not valid: its last digit does not match the others. "
                   "Check it for a typing mistake.");
  assert_id_error ("2437019588", SILA_ID_TYPE_IQAMA, SILA_VALIDATION_ERROR_INVALID,
                   "This iqama number is not valid: its last digit does not match the others. "
                   "Check it for a typing mistake.");
  assert_id_error ("10485x3628", SILA_ID_TYPE_NATIONAL_ID, SILA_VALIDATION_ERROR_INVALID,
                   "Type the ID number in digits only.");
  assert_id_error ("\xff", SILA_ID_TYPE_NATIONAL_ID, SILA_VALIDATION_ERROR_INVALID, NULL);

  /* Every single-digit typing mistake of a valid number is caught. */
  for (guint pos = 0; pos < 10; pos++)
    for (char d = '0'; d <= '9'; d++)
      {
        char typo[11];

        memcpy (typo, "1048573628", 11);
        if (typo[pos] == d)
          continue;
        typo[pos] = d;
        g_assert_false (sila_national_id_checksum_ok (typo));
      }
  /* And so is swapping two different neighbours (Luhn catches all but 09/90). */
  g_assert_false (sila_national_id_checksum_ok ("1084573628"));

  g_assert_false (sila_national_id_checksum_ok ("104857362"));
  g_assert_false (sila_national_id_checksum_ok (NULL));
  g_assert_cmpint (sila_national_id_check_digit ("12345678"), ==, 0);
  g_assert_cmpint (sila_national_id_guess_type ("3048573628"), ==, SILA_ID_TYPE_NONE);
  g_assert_cmpint (sila_national_id_guess_type ("10485"), ==, SILA_ID_TYPE_NONE);
}

static void
test_national_id_wrong_type_hint (void)
{
  g_autoptr(GError) error = NULL;
  char *id;

  sila_i18n_init (SILA_LANGUAGE_ENGLISH);
  id = sila_national_id_normalize ("2437019587", SILA_ID_TYPE_NATIONAL_ID, &error);
  g_assert_null (id);
  g_assert_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "A Saudi national ID starts with 1. This number starts with 2, like an iqama: "
                   "choose «Iqama» as the ID type.");
}

static void
test_other_documents (void)
{
  g_autofree char *passport = NULL;
  g_autofree char *border = NULL;
  g_autofree char *none = NULL;

  sila_i18n_init (SILA_LANGUAGE_ENGLISH);

  passport = id_ok (" a12-345 678 ", SILA_ID_TYPE_PASSPORT);
  g_assert_cmpstr (passport, ==, "A12345678");
  assert_id_error ("A12", SILA_ID_TYPE_PASSPORT, SILA_VALIDATION_ERROR_INVALID,
                   "A passport number has 5 to 20 letters and digits.");
  assert_id_error ("جواز123", SILA_ID_TYPE_PASSPORT, SILA_VALIDATION_ERROR_INVALID,
                   "A passport number has only Latin letters and digits.");

  border = id_ok ("٣١٢٣٤٥٦٧٨٩", SILA_ID_TYPE_BORDER_NUMBER);
  g_assert_cmpstr (border, ==, "3123456789");
  assert_id_error ("312345678", SILA_ID_TYPE_BORDER_NUMBER, SILA_VALIDATION_ERROR_INVALID,
                   "A border number has 10 digits; this one has 9.");

  none = id_ok ("  ", SILA_ID_TYPE_NONE);
  g_assert_cmpstr (none, ==, "");
  assert_id_error ("1048573628", SILA_ID_TYPE_NONE, SILA_VALIDATION_ERROR_INVALID, NULL);
}

static void
test_id_types (void)
{
  SilaIdType type;
  const char *codes[] = { "none", "national_id", "iqama", "passport", "border_number" };

  for (guint i = 0; i < SILA_N_ID_TYPES; i++)
    {
      g_assert_cmpstr (sila_id_type_to_code ((SilaIdType)i), ==, codes[i]);
      g_assert_true (sila_id_type_from_code (codes[i], &type));
      g_assert_cmpint (type, ==, i);
    }
  g_assert_true (sila_id_type_from_code ("IQAMA", &type));
  g_assert_cmpint (type, ==, SILA_ID_TYPE_IQAMA);
  g_assert_false (sila_id_type_from_code ("visa", &type));
  g_assert_false (sila_id_type_from_code (NULL, &type));

  sila_i18n_init (SILA_LANGUAGE_ENGLISH);
  g_assert_cmpstr (sila_id_type_to_display (SILA_ID_TYPE_NATIONAL_ID), ==, "National ID");
  sila_i18n_init (SILA_LANGUAGE_ARABIC);
  g_assert_cmpstr (sila_id_type_to_display (SILA_ID_TYPE_NATIONAL_ID), ==, "هوية وطنية");
  g_assert_cmpstr (sila_id_type_to_display (SILA_ID_TYPE_IQAMA), ==, "إقامة");
}

static void
test_arabic_id_messages (void)
{
  g_autoptr(GError) error = NULL;

  sila_i18n_init (SILA_LANGUAGE_ARABIC);
  g_assert_null (sila_national_id_normalize ("104857362", SILA_ID_TYPE_NATIONAL_ID, &error));
  g_assert_cmpstr (error->message, ==,
                   "رقم الهوية الوطنية يتكوّن من ١٠ أرقام، وهذا الرقم عدد أرقامه ٩.");
  g_clear_error (&error);
  g_assert_null (sila_national_id_normalize ("1048573627", SILA_ID_TYPE_NATIONAL_ID, &error));
  g_assert_true (g_str_has_prefix (error->message, "رقم الهوية الوطنية غير صحيح"));
  sila_i18n_init (SILA_LANGUAGE_ENGLISH);
}

static char *
phone_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  char *phone = sila_phone_normalize (text, &error);

  g_assert_no_error (error);
  return phone;
}

static void
test_phone (void)
{
  static const char *const forms[] = {
    "0501234567", "501234567", "966501234567", "00966501234567", "+966501234567",
    "+966 50 123 4567", "050-123-4567", "(050) 123 4567", "+966 (0) 50 123 4567",
    "٠٥٠١٢٣٤٥٦٧", "۰۵۰۱۲۳۴۵۶۷", "\u200E+966\u00A050\u00A0123\u00A04567", "050.123.4567",
    " 0501234567 ",
  };

  sila_i18n_init (SILA_LANGUAGE_ENGLISH);
  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_autofree char *phone = phone_ok (forms[i]);

      g_assert_cmpstr (phone, ==, "+966501234567");
    }

  {
    g_autofree char *display = sila_phone_format_display ("+966551234567");
    g_autofree char *intl = sila_phone_format_international ("0551234567");

    g_assert_cmpstr (display, ==, "055 123 4567");
    g_assert_cmpstr (intl, ==, "+966 55 123 4567");
    g_assert_null (sila_phone_format_display ("0112345678"));
  }

  {
    static const struct {
      const char *text;
      int         code;
      const char *message;
    } bad[] = {
      { "", SILA_VALIDATION_ERROR_REQUIRED, "Enter a mobile number." },
      { "   ", SILA_VALIDATION_ERROR_REQUIRED, "Enter a mobile number." },
      { "0112345678", SILA_VALIDATION_ERROR_INVALID,
        "This is a landline number. Enter a mobile number, which starts with 05." },
      { "+966 11 234 5678", SILA_VALIDATION_ERROR_INVALID,
        "This is a landline number. Enter a mobile number, which starts with 05." },
      { "012 345 6789", SILA_VALIDATION_ERROR_INVALID,
        "This is a landline number. Enter a mobile number, which starts with 05." },
      { "+971501234567", SILA_VALIDATION_ERROR_INVALID,
        "Only Saudi mobile numbers (+966 5…) can be entered here." },
      { "00201001234567", SILA_VALIDATION_ERROR_INVALID,
        "Only Saudi mobile numbers (+966 5…) can be entered here." },
      { "050123456", SILA_VALIDATION_ERROR_INVALID,
        "A Saudi mobile number has 10 digits and starts with 05, for example 0501234567." },
      { "05012345678", SILA_VALIDATION_ERROR_INVALID,
        "A Saudi mobile number has 10 digits and starts with 05, for example 0501234567." },
      { "0801234567", SILA_VALIDATION_ERROR_INVALID,
        "A Saudi mobile number has 10 digits and starts with 05, for example 0501234567." },
      { "0500000000x", SILA_VALIDATION_ERROR_INVALID,
        "Type the mobile number in digits, for example 0501234567." },
      { "050+1234567", SILA_VALIDATION_ERROR_INVALID,
        "Type the mobile number in digits, for example 0501234567." },
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autoptr(GError) error = NULL;
        char *phone = sila_phone_normalize (bad[i].text, &error);

        g_assert_null (phone);
        g_assert_error (error, SILA_VALIDATION_ERROR, bad[i].code);
        g_assert_cmpstr (error->message, ==, bad[i].message);
      }
  }
}

static void
test_phone_search_key (void)
{
  static const char *const queries[] = {
    "+966 55 123", "0551 23", "٠٥٥١٢٣", "55123", "00966-55-123", "(055) 123",
  };
  g_autofree char *stored = sila_phone_search_key ("+966551234567");

  g_assert_cmpstr (stored, ==, "551234567");
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autofree char *key = sila_phone_search_key (queries[i]);

      g_assert_cmpstr (key, ==, "55123");
      g_assert_nonnull (strstr (stored, key));
    }

  {
    g_autofree char *other = sila_phone_search_key ("0561234567");
    g_autofree char *q = sila_phone_search_key ("0551");
    g_autofree char *empty = sila_phone_search_key (NULL);

    g_assert_null (strstr (other, q));
    g_assert_cmpstr (empty, ==, "");
  }
}

static char *
part_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  char *part = sila_person_name_clean_part (text, TRUE, &error);

  g_assert_no_error (error);
  return part;
}

static void
test_name_parts (void)
{
  sila_i18n_init (SILA_LANGUAGE_ENGLISH);

  {
    g_autofree char *a = part_ok ("  محمد  ");
    g_autofree char *b = part_ok ("عبد   الله");
    g_autofree char *c = part_ok ("آل سعود");
    g_autofree char *d = part_ok ("مُحَمَّد");
    g_autofree char *e = part_ok ("O'Brien");
    g_autofree char *f = part_ok ("Al-Ghamdi");
    g_autofree char *g = part_ok ("محـــمد");
    g_autofree char *h = part_ok ("بن لادن");

    g_assert_cmpstr (a, ==, "محمد");
    g_assert_cmpstr (b, ==, "عبد الله");
    g_assert_cmpstr (c, ==, "آل سعود");
    g_assert_cmpstr (d, ==, "مُحَمَّد");
    g_assert_cmpstr (e, ==, "O'Brien");
    g_assert_cmpstr (f, ==, "Al-Ghamdi");
    g_assert_cmpstr (g, ==, "محمد");
    g_assert_cmpstr (h, ==, "بن لادن");
  }

  {
    static const struct {
      const char *text;
      int         code;
      const char *message;
    } bad[] = {
      { "", SILA_VALIDATION_ERROR_REQUIRED, "This field is required." },
      { "محمد2", SILA_VALIDATION_ERROR_INVALID, "A name cannot contain digits." },
      { "محمد٣", SILA_VALIDATION_ERROR_INVALID, "A name cannot contain digits." },
      { "Ali!", SILA_VALIDATION_ERROR_INVALID, "A name cannot contain «!»: use letters only." },
      { "علي.", SILA_VALIDATION_ERROR_INVALID, "A name cannot contain «.»: use letters only." },
      { "Иван", SILA_VALIDATION_ERROR_INVALID, "A name cannot contain «И»: use letters only." },
      { "abc\u202Edef", SILA_VALIDATION_ERROR_INVALID,
        "The text contains hidden control characters. Type it again without them." },
      { "a\x01" "b", SILA_VALIDATION_ERROR_INVALID,
        "The text contains hidden control characters. Type it again without them." },
      { "-محمد", SILA_VALIDATION_ERROR_INVALID, "A name starts and ends with a letter." },
      { "محمد'", SILA_VALIDATION_ERROR_INVALID, "A name starts and ends with a letter." },
      { "\xc3\x28", SILA_VALIDATION_ERROR_INVALID, NULL },
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autoptr(GError) error = NULL;
        char *part = sila_person_name_clean_part (bad[i].text, TRUE, &error);

        g_assert_null (part);
        g_assert_error (error, SILA_VALIDATION_ERROR, bad[i].code);
        if (bad[i].message != NULL)
          g_assert_cmpstr (error->message, ==, bad[i].message);
      }
  }

  {
    g_autoptr(GError) error = NULL;
    g_autofree char *optional = sila_person_name_clean_part ("  ", FALSE, &error);
    GString *long_name = g_string_new (NULL);
    char *part;

    g_assert_no_error (error);
    g_assert_cmpstr (optional, ==, "");

    for (guint i = 0; i < SILA_NAME_PART_MAX_CHARS + 1; i++)
      g_string_append (long_name, "ب");
    part = sila_person_name_clean_part (long_name->str, TRUE, &error);
    g_assert_null (part);
    g_assert_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_TOO_LONG);
    g_clear_error (&error);

    /* Exactly the limit, counted in characters, fits. */
    g_string_truncate (long_name, strlen ("ب") * SILA_NAME_PART_MAX_CHARS);
    part = sila_person_name_clean_part (long_name->str, TRUE, &error);
    g_assert_no_error (error);
    g_free (part);
    g_string_free (long_name, TRUE);
  }

  g_assert_cmpstr (sila_name_part_to_display (SILA_NAME_PART_FATHER), ==, "Father's name");
}

static void
assert_split (const char *full,
              const char *first,
              const char *father,
              const char *grandfather,
              const char *family)
{
  g_autoptr(GError) error = NULL;
  char *parts[SILA_N_NAME_PARTS];

  g_assert_true (sila_person_name_split (full, parts, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (parts[SILA_NAME_PART_FIRST], ==, first);
  g_assert_cmpstr (parts[SILA_NAME_PART_FATHER], ==, father);
  g_assert_cmpstr (parts[SILA_NAME_PART_GRANDFATHER], ==, grandfather);
  g_assert_cmpstr (parts[SILA_NAME_PART_FAMILY], ==, family);
  sila_person_name_parts_free (parts);
}

static void
test_name_split (void)
{
  assert_split ("محمد أحمد علي الغامدي", "محمد", "أحمد", "علي", "الغامدي");
  assert_split ("عبد الله محمد عبد الرحمن آل سعود", "عبد الله", "محمد", "عبد الرحمن", "آل سعود");
  assert_split ("  فاطمة   بنت محمد بن علي الزهراني ", "فاطمة", "محمد", "علي", "الزهراني");
  assert_split ("محمد بن عبدالله بن سعد بن لادن", "محمد", "عبدالله", "سعد", "بن لادن");
  assert_split ("نور الدين خالد جار الله القحطاني", "نور الدين", "خالد", "جار الله", "القحطاني");
  assert_split ("أبو بكر عمر سالم آل الشيخ", "أبو بكر", "عمر", "سالم", "آل الشيخ");
  assert_split ("سارة عبد العزيز ال عبد الله", "سارة", "عبد العزيز", "", "ال عبد الله");
  assert_split ("محمد علي الغامدي", "محمد", "علي", "", "الغامدي");
  assert_split ("هند العتيبي", "هند", "", "", "العتيبي");
  assert_split ("ليلى", "ليلى", "", "", "");
  assert_split ("Mohammed bin Abdul Aziz Al Saud", "Mohammed", "Abdul Aziz", "", "Al Saud");
  assert_split ("Ahmed Ali Hassan Al-Harbi", "Ahmed", "Ali", "Hassan", "Al-Harbi");
  /* Five given names: the fourth and later are the family name. */
  assert_split ("محمد سعد فهد ناصر الدوسري", "محمد", "سعد", "فهد", "ناصر الدوسري");

  {
    g_autoptr(GError) error = NULL;
    char *parts[SILA_N_NAME_PARTS];

    sila_i18n_init (SILA_LANGUAGE_ENGLISH);
    g_assert_false (sila_person_name_split ("   ", parts, &error));
    g_assert_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_REQUIRED);
    g_assert_cmpstr (error->message, ==, "Enter the full name.");
    g_assert_null (parts[0]);
    g_clear_error (&error);

    g_assert_false (sila_person_name_split ("بن", parts, &error));
    g_assert_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_REQUIRED);
    g_clear_error (&error);

    g_assert_false (sila_person_name_split ("محمد 2 علي", parts, &error));
    g_assert_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID);
    g_assert_null (parts[0]);
  }
}

static void
test_name_join_and_key (void)
{
  const char *parts[] = { "عبد الله", " محمد ", "", "آل سعود" };
  const char *none[] = { NULL, NULL, NULL, NULL };
  g_autofree char *joined = sila_person_name_join (parts);
  g_autofree char *empty = sila_person_name_join (none);

  g_assert_cmpstr (joined, ==, "عبد الله محمد آل سعود");
  g_assert_cmpstr (empty, ==, "");

  /* Round trip: split what join made. */
  {
    char *split[SILA_N_NAME_PARTS];
    g_autofree char *again = NULL;

    g_assert_true (sila_person_name_split ("خالد عبد الرحمن فهد آل الشيخ", split, NULL));
    again = sila_person_name_join ((const char *const *)split);
    g_assert_cmpstr (again, ==, "خالد عبد الرحمن فهد آل الشيخ");
    sila_person_name_parts_free (split);
  }

  {
    g_autofree char *a = sila_person_name_match_key ("محمد بن عبد الله آل سعود");
    g_autofree char *b = sila_person_name_match_key ("مُحمّد عبدالله ال سعود");
    g_autofree char *c = sila_person_name_match_key ("محمد عبدالله السعود");
    g_autofree char *d = sila_person_name_match_key ("محمد عبد الله العتيبي");
    g_autofree char *e = sila_person_name_match_key ("Mohammed bin Abdullah Al-Saud");
    g_autofree char *f = sila_person_name_match_key ("MOHAMMED ABDULLAH ALSAUD");

    g_assert_cmpstr (a, ==, "محمد عبدالله السعود");
    g_assert_cmpstr (a, ==, b);
    g_assert_cmpstr (a, ==, c);
    g_assert_cmpstr (a, !=, d);
    g_assert_cmpstr (e, ==, "mohammed abdullah alsaud");
    g_assert_cmpstr (e, ==, f);
  }
}

#define NOT_AN_AMOUNT "Enter the amount in riyals, for example 1250.50."

static gint64
money_ok (const char     *text,
          SilaMoneyFlags  flags)
{
  g_autoptr(GError) error = NULL;
  gint64 halalas = -1;

  g_assert_true (sila_money_parse (text, flags, &halalas, &error));
  g_assert_no_error (error);
  return halalas;
}

static void
test_money_parse (void)
{
  sila_i18n_init (SILA_LANGUAGE_ENGLISH);

  g_assert_cmpint (money_ok ("1234", 0), ==, 123400);
  g_assert_cmpint (money_ok ("1,234.50", 0), ==, 123450);
  g_assert_cmpint (money_ok ("١٬٢٣٤٫٥٠", 0), ==, 123450);
  g_assert_cmpint (money_ok ("۱۲۳۴٫۵", 0), ==, 123450);
  g_assert_cmpint (money_ok ("1234.5 ر.س", 0), ==, 123450);
  g_assert_cmpint (money_ok ("1234.5ر.س.", 0), ==, 123450);
  g_assert_cmpint (money_ok ("SAR 1234", 0), ==, 123400);
  g_assert_cmpint (money_ok ("sar1234", 0), ==, 123400);
  g_assert_cmpint (money_ok ("1234 SR", 0), ==, 123400);
  g_assert_cmpint (money_ok ("٥٠٠ ريال", 0), ==, 50000);
  g_assert_cmpint (money_ok ("\xEF\xB7\xBC 75", 0), ==, 7500);
  g_assert_cmpint (money_ok ("0.05", 0), ==, 5);
  g_assert_cmpint (money_ok (".5", 0), ==, 50);
  g_assert_cmpint (money_ok ("12.", 0), ==, 1200);
  g_assert_cmpint (money_ok ("0", 0), ==, 0);
  g_assert_cmpint (money_ok ("-0", 0), ==, 0);
  g_assert_cmpint (money_ok ("1,000,000", 0), ==, 100000000);
  g_assert_cmpint (money_ok ("-25.75", SILA_MONEY_ALLOW_NEGATIVE), ==, -2575);
  g_assert_cmpint (money_ok ("SAR -25", SILA_MONEY_ALLOW_NEGATIVE), ==, -2500);
  g_assert_cmpint (money_ok ("−25", SILA_MONEY_ALLOW_NEGATIVE), ==, -2500);
  g_assert_cmpint (money_ok ("", SILA_MONEY_ALLOW_EMPTY), ==, 0);
  g_assert_cmpint (money_ok ("1000000000000", 0), ==, SILA_MONEY_MAX_HALALAS);
  g_assert_cmpint (money_ok ("0001234", 0), ==, 123400);

  {
    static const struct {
      const char *text;
      int         code;
      const char *message;
    } bad[] = {
      { "", SILA_VALIDATION_ERROR_REQUIRED, "Enter an amount." },
      { "  ", SILA_VALIDATION_ERROR_REQUIRED, "Enter an amount." },
      { "12.345", SILA_VALIDATION_ERROR_INVALID, "An amount has at most two decimals (halalas)." },
      /* Not 12.50: a dot may group thousands in files from other locales. */
      { "12.500", SILA_VALIDATION_ERROR_INVALID, "An amount has at most two decimals (halalas)." },
      { "١٢٫٣٤٥", SILA_VALIDATION_ERROR_INVALID, "An amount has at most two decimals (halalas)." },
      { "-5", SILA_VALIDATION_ERROR_OUT_OF_RANGE, "The amount cannot be negative." },
      { "abc", SILA_VALIDATION_ERROR_INVALID, NOT_AN_AMOUNT },
      { "12a", SILA_VALIDATION_ERROR_INVALID, NOT_AN_AMOUNT },
      { "1 234", SILA_VALIDATION_ERROR_INVALID, NOT_AN_AMOUNT },
      { ".", SILA_VALIDATION_ERROR_INVALID, NOT_AN_AMOUNT },
      { "SAR", SILA_VALIDATION_ERROR_INVALID, NOT_AN_AMOUNT },
      { "1.2.3", SILA_VALIDATION_ERROR_INVALID, NOT_AN_AMOUNT },
      { "--5", SILA_VALIDATION_ERROR_INVALID, NOT_AN_AMOUNT },
      { "1e5", SILA_VALIDATION_ERROR_INVALID, NOT_AN_AMOUNT },
      { "12,34", SILA_VALIDATION_ERROR_INVALID,
        "Check the separators: a comma separates groups of three digits, and a dot comes "
        "before the halalas." },
      { "1234,567", SILA_VALIDATION_ERROR_INVALID,
        "Check the separators: a comma separates groups of three digits, and a dot comes "
        "before the halalas." },
      { ",123", SILA_VALIDATION_ERROR_INVALID,
        "Check the separators: a comma separates groups of three digits, and a dot comes "
        "before the halalas." },
      { "1000000000000.01", SILA_VALIDATION_ERROR_OUT_OF_RANGE, "The amount is too large." },
      { "99999999999999999999999", SILA_VALIDATION_ERROR_OUT_OF_RANGE, "The amount is too large." },
      { "\xff", SILA_VALIDATION_ERROR_INVALID, NULL },
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autoptr(GError) error = NULL;
        gint64 halalas = 42;

        if (sila_money_parse (bad[i].text, 0, &halalas, &error))
          g_error ("“%s” was accepted as %" G_GINT64_FORMAT, bad[i].text, halalas);
        g_assert_error (error, SILA_VALIDATION_ERROR, bad[i].code);
        if (bad[i].message != NULL)
          g_assert_cmpstr (error->message, ==, bad[i].message);
        g_assert_cmpint (halalas, ==, 0);
      }
  }
}

static void
test_money_format (void)
{
  static const struct {
    gint64      halalas;
    const char *plain;
    const char *en;
    const char *ar;
  } cases[] = {
    { 123450, "1234.50", "SAR 1,234.50", "١٬٢٣٤٫٥٠ ر.س" },
    { 5, "0.05", "SAR 0.05", "٠٫٠٥ ر.س" },
    { 0, "0.00", "SAR 0.00", "٠٫٠٠ ر.س" },
    { 100000000, "1000000.00", "SAR 1,000,000.00", "١٬٠٠٠٬٠٠٠٫٠٠ ر.س" },
    { -2575, "-25.75", "SAR -25.75", "\u061C-٢٥٫٧٥ ر.س" },
    { G_MININT64, "-92233720368547758.08", NULL, NULL },
    { G_MAXINT64, "92233720368547758.07", NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *plain = sila_money_format_plain (cases[i].halalas);

      g_assert_cmpstr (plain, ==, cases[i].plain);
      if (cases[i].en != NULL)
        {
          g_autofree char *en = sila_money_format_for (cases[i].halalas, TRUE,
                                                       SILA_LANGUAGE_ENGLISH);
          g_autofree char *ar = sila_money_format_for (cases[i].halalas, TRUE,
                                                       SILA_LANGUAGE_ARABIC);
          gint64 back = 0;

          g_assert_cmpstr (en, ==, cases[i].en);
          g_assert_cmpstr (ar, ==, cases[i].ar);
          /* What is shown can be typed back. */
          g_assert_true (sila_money_parse (en, SILA_MONEY_ALLOW_NEGATIVE, &back, NULL));
          g_assert_cmpint (back, ==, cases[i].halalas);
          g_assert_true (sila_money_parse (ar, SILA_MONEY_ALLOW_NEGATIVE, &back, NULL));
          g_assert_cmpint (back, ==, cases[i].halalas);
        }
    }

  {
    g_autofree char *bare = sila_money_format_for (123450, FALSE, SILA_LANGUAGE_ENGLISH);
    g_autofree char *bare_ar = NULL;

    g_assert_cmpstr (bare, ==, "1,234.50");
    sila_i18n_init (SILA_LANGUAGE_ARABIC);
    bare_ar = sila_money_format (123450, FALSE);
    g_assert_cmpstr (bare_ar, ==, "١٬٢٣٤٫٥٠");
    sila_i18n_init (SILA_LANGUAGE_ENGLISH);
  }
}

static void
test_channels (void)
{
  static const char *const codes[] = {
    "interview", "phone", "social_media", "letter", "assistance_service",
    "volunteer_service", "website", "branch_representative",
  };
  static const char *const arabic[] = {
    "المقابلة", "الاتصالات الهاتفية", "وسائل التواصل الاجتماعي", "الخطابات",
    "خدمات طلب المساعدة", "خدمة التطوع", "الموقع الإلكتروني", "مناديب المكاتب الفرعية",
  };
  SilaChannel channel;

  g_assert_cmpint (SILA_N_CHANNELS, ==, 8);
  for (guint i = 0; i < SILA_N_CHANNELS; i++)
    {
      g_assert_cmpstr (sila_channel_to_code ((SilaChannel)i), ==, codes[i]);
      g_assert_cmpstr (sila_channel_to_arabic ((SilaChannel)i), ==, arabic[i]);

      g_assert_true (sila_channel_parse (codes[i], &channel, NULL));
      g_assert_cmpint (channel, ==, i);
      g_assert_true (sila_channel_parse (arabic[i], &channel, NULL));
      g_assert_cmpint (channel, ==, i);
      g_assert_true (sila_channel_parse (sila_channel_to_english ((SilaChannel)i), &channel, NULL));
      g_assert_cmpint (channel, ==, i);

      /* The Arabic UI shows the policy's own words. */
      sila_i18n_init (SILA_LANGUAGE_ARABIC);
      g_assert_cmpstr (sila_channel_to_display ((SilaChannel)i), ==, arabic[i]);
      sila_i18n_init (SILA_LANGUAGE_ENGLISH);
      g_assert_cmpstr (sila_channel_to_display ((SilaChannel)i), ==,
                       sila_channel_to_english ((SilaChannel)i));
    }

  /* Tolerant of spelling: no hamza, tatweel, harakat, case, spacing. */
  g_assert_true (sila_channel_parse ("الموقع الالكتروني", &channel, NULL));
  g_assert_cmpint (channel, ==, SILA_CHANNEL_WEBSITE);
  g_assert_true (sila_channel_parse ("الموقع الالكتروني للجمعية", &channel, NULL));
  g_assert_cmpint (channel, ==, SILA_CHANNEL_WEBSITE);
  g_assert_true (sila_channel_parse ("  المقـــابلة ", &channel, NULL));
  g_assert_cmpint (channel, ==, SILA_CHANNEL_INTERVIEW);
  g_assert_true (sila_channel_parse ("الاتِّصالات الهاتفيّة", &channel, NULL));
  g_assert_cmpint (channel, ==, SILA_CHANNEL_PHONE);
  g_assert_true (sila_channel_parse ("SOCIAL_MEDIA", &channel, NULL));
  g_assert_cmpint (channel, ==, SILA_CHANNEL_SOCIAL_MEDIA);
  g_assert_true (sila_channel_parse ("Social media", &channel, NULL));
  g_assert_cmpint (channel, ==, SILA_CHANNEL_SOCIAL_MEDIA);
  g_assert_true (sila_channel_parse ("خدمه التطوع", &channel, NULL));
  g_assert_cmpint (channel, ==, SILA_CHANNEL_VOLUNTEER_SERVICE);

  {
    g_autoptr(GError) error = NULL;

    sila_i18n_init (SILA_LANGUAGE_ENGLISH);
    g_assert_false (sila_channel_parse ("fax", &channel, &error));
    g_assert_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID);
    g_assert_cmpstr (error->message, ==,
                     "There is no channel “fax”. Use one of: interview, phone, social_media, "
                     "letter, assistance_service, volunteer_service, website, "
                     "branch_representative.");
    g_clear_error (&error);

    g_assert_false (sila_channel_parse ("", &channel, &error));
    g_assert_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_REQUIRED);
    g_clear_error (&error);

    g_assert_false (sila_channel_parse (NULL, &channel, &error));
    g_assert_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_REQUIRED);
    g_clear_error (&error);

    /* A partial name is not a channel. */
    g_assert_false (sila_channel_parse ("الموقع", &channel, &error));
    g_assert_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  /* GLib decides once per process, at the first translated string, whether
   * to translate at all, and says no when that first language has no
   * catalog (English): start in Arabic so that both languages can be
   * tested in one process. */
  sila_i18n_init (SILA_LANGUAGE_ARABIC);
  (void)g_dgettext (GETTEXT_PACKAGE, "");

  g_test_add_func ("/sila/core/national-id/national-and-iqama", test_national_id);
  g_test_add_func ("/sila/core/national-id/wrong-type-hint", test_national_id_wrong_type_hint);
  g_test_add_func ("/sila/core/national-id/other-documents", test_other_documents);
  g_test_add_func ("/sila/core/national-id/types", test_id_types);
  g_test_add_func ("/sila/core/national-id/arabic-messages", test_arabic_id_messages);
  g_test_add_func ("/sila/core/phone/normalize", test_phone);
  g_test_add_func ("/sila/core/phone/search-key", test_phone_search_key);
  g_test_add_func ("/sila/core/person-name/parts", test_name_parts);
  g_test_add_func ("/sila/core/person-name/split", test_name_split);
  g_test_add_func ("/sila/core/person-name/join-and-match-key", test_name_join_and_key);
  g_test_add_func ("/sila/core/money/parse", test_money_parse);
  g_test_add_func ("/sila/core/money/format", test_money_format);
  g_test_add_func ("/sila/core/channel/codes-and-names", test_channels);

  return g_test_run ();
}
