/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Text as the window shows it (sila-display.h): the separator that cannot
 * be read as a digit, isolates, the digit rule of the Arabic interface,
 * sizes, people, and the feminine marital statuses. */
#include "sila-config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sila-choices.h"
#include "sila-display.h"
#include "sila-i18n.h"
#include "sila-national-id.h"

#define LRI "\u2066"
#define FSI "\u2068"
#define PDI "\u2069"

static void
test_separator (void)
{
  g_autofree char *joined = sila_display_join ("مجهول الهوية", "", NULL, NULL);
  g_autofree char *three = sila_display_join ("هاتف", "استفسار", "٣ ديسمبر", NULL);
  g_autofree char *none = sila_display_join (NULL, NULL);

  g_assert_cmpstr (joined, ==, "مجهول الهوية");
  g_assert_cmpstr (three, ==, "هاتف — استفسار — ٣ ديسمبر");
  g_assert_cmpstr (none, ==, "");
  /* A line that starts with a Latin name reads from the right in Arabic. */
  {
    g_autofree char *latin = sila_display_join ("\u2068Bylaws.pdf\u2069", "٤٦٫٣ ك.بايت", NULL);
    g_autofree char *alone = sila_display_join ("Bylaws.pdf", NULL);

    g_assert_cmpstr (latin, ==, "\u200f\u2068Bylaws.pdf\u2069 — ٤٦٫٣ ك.بايت");
    g_assert_cmpstr (alone, ==, "Bylaws.pdf");
  }
  /* And an Arabic name at the start of an English line. */
  sila_i18n_init (SILA_LANGUAGE_ENGLISH);
  {
    g_autofree char *name = sila_display_join ("مريم الحربي", "file 1001", NULL);
    g_autofree char *latin = sila_display_join ("Rent", "Phone calls", NULL);

    g_assert_cmpstr (name, ==, "\u200eمريم الحربي — file 1001");
    g_assert_cmpstr (latin, ==, "Rent — Phone calls");
  }
  sila_i18n_init (SILA_LANGUAGE_ARABIC);
  /* Nothing that a reader of Arabic takes for a digit: not the middle dot
   * (٠), the bullet, nor a bar (١). */
  g_assert_null (strstr (SILA_DISPLAY_SEPARATOR, "·"));
  g_assert_null (strstr (SILA_DISPLAY_SEPARATOR, "•"));
  g_assert_null (strchr (SILA_DISPLAY_SEPARATOR, '|'));
  g_assert_null (strchr (SILA_DISPLAY_SEPARATOR, '.'));
  for (const char *p = SILA_DISPLAY_SEPARATOR; *p != '\0'; p = g_utf8_next_char (p))
    g_assert_false (g_unichar_isdigit (g_utf8_get_char (p)));
}

static void
test_isolate (void)
{
  g_autofree char *name = sila_display_isolate ("report-2026-11.xlsx");
  g_autofree char *again = sila_display_isolate (name);
  g_autofree char *empty = sila_display_isolate (NULL);
  g_autofree char *path = sila_display_path ("/tmp/نسخ/backup 1.sila");
  g_autofree char *base = sila_display_basename ("/tmp/نسخ/الإدارة-2026-11.xlsx");

  g_assert_cmpstr (name, ==, FSI "report-2026-11.xlsx" PDI);
  g_assert_cmpstr (again, ==, name);
  g_assert_cmpstr (empty, ==, "");
  g_assert_cmpstr (path, ==, FSI "/tmp/نسخ/backup 1.sila" PDI);
  g_assert_cmpstr (base, ==, FSI "الإدارة-2026-11.xlsx" PDI);
}

static void
test_codes (void)
{
  g_autofree char *phone = sila_display_code ("٠٥٠ ١٢٣ ٤٥٦٧");
  g_autofree char *file = sila_display_file_number (2067);
  g_autofree char *request = sila_display_code ("1447-0012");

  /* Codes keep Western digits and read left to right, whatever was typed. */
  g_assert_cmpstr (phone, ==, LRI "050 123 4567" PDI);
  g_assert_cmpstr (file, ==, LRI "2067" PDI);
  g_assert_cmpstr (request, ==, LRI "1447-0012" PDI);
}

static void
test_digits (void)
{
  g_autofree char *month = sila_display_digits_for ("a month from 1 to 12", SILA_LANGUAGE_ARABIC);
  g_autofree char *amount = sila_display_digits_for ("مثل 1250.50.", SILA_LANGUAGE_ARABIC);
  g_autofree char *names = sila_display_digits_for ("UTF-8, A4, Windows-1256, FTS5: 3",
                                                    SILA_LANGUAGE_ARABIC);
  g_autofree char *code = sila_display_digits_for ("الملف " LRI "2067" PDI " من 10",
                                                   SILA_LANGUAGE_ARABIC);
  g_autofree char *english = sila_display_digits_for ("from 1 to 12", SILA_LANGUAGE_ENGLISH);

  g_assert_cmpstr (month, ==, "a month from ١ to ١٢");
  g_assert_cmpstr (amount, ==, "مثل ١٢٥٠٫٥٠.");
  g_assert_cmpstr (names, ==, "UTF-8, A4, Windows-1256, FTS5: ٣");
  g_assert_cmpstr (code, ==, "الملف " LRI "2067" PDI " من ١٠");
  g_assert_cmpstr (english, ==, "from 1 to 12");
}

static void
test_error_digits (void)
{
  g_autoptr(GError) error = NULL;

  /* A national ID of 9 digits: the count in the UI language's digits. */
  g_assert_null (sila_national_id_normalize ("104857362", SILA_ID_TYPE_NATIONAL_ID, &error));
  g_assert_nonnull (error);
  g_assert_cmpstr (error->message, ==,
                   "رقم الهوية الوطنية يتكوّن من ١٠ أرقام، وهذا الرقم عدد أرقامه ٩.");
}

static void
test_size (void)
{
  g_autofree char *kb = sila_display_size (46300);
  g_autofree char *mb = sila_display_size (2500000);
  g_autofree char *bytes = sila_display_size (12);

  g_assert_cmpstr (kb, ==, "٤٦٫٣ ك.بايت");
  g_assert_cmpstr (mb, ==, "٢٫٥ م.بايت");
  g_assert_nonnull (strstr (bytes, "١٢"));
  g_assert_null (strpbrk (kb, "0123456789"));
}

static void
test_person (void)
{
  g_assert_cmpstr (sila_display_person ("هدى الحربي", "huda"), ==, "هدى الحربي");
  g_assert_cmpstr (sila_display_person (NULL, "owner"), ==, "مالك قاعدة البيانات هذه");
  g_assert_cmpstr (sila_display_person (NULL, "sami"), ==, "sami");
  g_assert_cmpstr (sila_display_person (NULL, NULL), ==, "");
}

static void
test_marital (void)
{
  static const struct {
    const char *code, *man, *woman;
  } forms[] = {
    { "single", "أعزب", "عزباء" },
    { "married", "متزوج", "متزوجة" },
    { "divorced", "مطلق", "مطلقة" },
    { "widowed", "أرمل", "أرملة" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_assert_cmpstr (sila_marital_status_to_display (forms[i].code, "female"), ==,
                       forms[i].woman);
      g_assert_cmpstr (sila_marital_status_to_display (forms[i].code, "male"), ==, forms[i].man);
      g_assert_cmpstr (sila_marital_status_to_display (forms[i].code, NULL), ==, forms[i].man);
      g_assert_cmpstr (sila_marital_status_to_language (forms[i].code, "female", TRUE), ==,
                       forms[i].woman);
      g_assert_cmpstr (sila_marital_status_to_language (forms[i].code, "male", TRUE), ==,
                       forms[i].man);
      /* English has one form. */
      g_assert_cmpstr (sila_marital_status_to_language (forms[i].code, "female", FALSE), ==,
                       sila_marital_status_to_language (forms[i].code, "male", FALSE));
      /* The feminine form is read back as the same status. */
      g_assert_cmpstr (sila_choices_parse (SILA_CHOICES_MARITAL_STATUS, forms[i].woman, NULL), ==,
                       forms[i].code);
    }
  g_assert_null (sila_marital_status_to_display (NULL, "female"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  /* See test-validators.c: GLib decides once whether to translate. */
  sila_i18n_init (SILA_LANGUAGE_ARABIC);
  (void)g_dgettext (GETTEXT_PACKAGE, "");

  g_test_add_func ("/sila/core/display/separator", test_separator);
  g_test_add_func ("/sila/core/display/isolate", test_isolate);
  g_test_add_func ("/sila/core/display/codes", test_codes);
  g_test_add_func ("/sila/core/display/digits", test_digits);
  g_test_add_func ("/sila/core/display/error-digits", test_error_digits);
  g_test_add_func ("/sila/core/display/size", test_size);
  g_test_add_func ("/sila/core/display/person", test_person);
  g_test_add_func ("/sila/core/display/marital", test_marital);

  return g_test_run ();
}
