/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Arabic text folded for search, and numbers formatted for display. */
#include "sila-config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "sila-arabic.h"
#include "sila-format.h"
#include "sila-i18n.h"

static void
assert_norm (const char *in,
             const char *expected)
{
  g_autofree char *out = sila_arabic_normalize (in);

  g_assert_cmpstr (out, ==, expected);
}

static void
assert_tokens (const char *in,
               const char *expected)
{
  g_autofree char *out = sila_arabic_normalize_tokens (in);

  g_assert_cmpstr (out, ==, expected);
}

static void
test_letters (void)
{
  assert_norm ("أحمد", "احمد");
  assert_norm ("إبراهيم", "ابراهيم");
  assert_norm ("آمنة", "امنه");
  assert_norm ("ٱلله", "الله");
  assert_norm ("فاطمة", "فاطمه");
  assert_norm ("مصطفى", "مصطفي");
  assert_norm ("مؤمن", "مومن");
  assert_norm ("هيئة", "هييه");
  assert_norm ("عائشة", "عايشه");
  assert_norm ("جزاء", "جزاء");              /* a lone hamza stays */
  /* Persian keyboard letters. */
  assert_norm ("علی", "علي");
  assert_norm ("کريم", "كريم");
}

static void
test_marks (void)
{
  assert_norm ("مُحَمَّد", "محمد");
  assert_norm ("مُحَمَّدٌ", "محمد");
  assert_norm ("محـــــمد", "محمد");
  assert_norm ("الرَّحْمٰن", "الرحمن");       /* superscript alef */
  assert_norm ("بِسْمِ ٱللَّهِ", "بسم الله");
  /* Decomposed hamza (alef + U+0654) folds like the precomposed letter. */
  assert_norm ("\u0627\u0654\u062D\u0645\u062F", "احمد");
  assert_norm ("\u064A\u0654", "ي");
  assert_norm ("\u0648\u0654", "و");
}

static void
test_digits_space_case (void)
{
  assert_norm ("٠١٢٣٤٥٦٧٨٩", "0123456789");
  assert_norm ("۰۱۲۳۴۵۶۷۸۹", "0123456789");
  assert_norm ("  محمد \t  علي\n", "محمد علي");
  assert_norm ("Mohammed AL-Harbi", "mohammed al-harbi");
  assert_norm ("STRASSE Straße", "strasse strasse");
  assert_norm ("ＡＢＣ１２３", "abc123");              /* full-width */
  assert_norm ("محمد\u00A0علي", "محمد علي");          /* no-break space */
  assert_norm ("مح\u200Cمد", "محمد");                  /* ZWNJ */
  assert_norm ("\u200Fمحمد\u200E", "محمد");           /* direction marks */
  assert_norm ("\u061Cمحمد", "محمد");                  /* ALM */
  assert_norm ("\uFEFB", "لا");                        /* presentation form ﻻ */
  assert_norm ("\uFDF2", "الله");                      /* ligature ﷲ */
  assert_norm ("", "");
  assert_norm ("   ", "");
  assert_norm ("\xff\xfe", "");
  g_assert_null (sila_arabic_normalize (NULL));
}

static void
test_tokens (void)
{
  assert_tokens ("عبد-الله، محمد (أبو علي)!", "عبد الله محمد ابو علي");
  assert_tokens ("  O'Brien / Al_Harbi ", "o brien al harbi");
  assert_tokens ("رقم ٥٠١٢٣ - هاتف", "رقم 50123 هاتف");
  assert_tokens ("...", "");
  assert_tokens ("مُحَمَّد", "محمد");

  {
    g_auto(GStrv) tokens = sila_arabic_tokenize ("  الموقع  الإلكتروني. ");
    g_auto(GStrv) none = sila_arabic_tokenize ("؟!");

    g_assert_cmpuint (g_strv_length (tokens), ==, 2);
    g_assert_cmpstr (tokens[0], ==, "الموقع");
    g_assert_cmpstr (tokens[1], ==, "الالكتروني");
    g_assert_cmpuint (g_strv_length (none), ==, 0);
  }
}

/* The spelling variants SPEC.md lists all meet. */
static void
test_variants_meet (void)
{
  static const char *const groups[][4] = {
    { "أحمد", "احمد", "أَحْمَد", "احـمد" },
    { "فاطمة", "فاطمه", "فَاطِمَة", "فاطمـة" },
    { "مصطفى", "مصطفي", "مُصْطَفَى", "مصطفـى" },
    { "الموقع الإلكتروني", "الموقع الالكتروني", "الموقع  الإلكترونى", "الموقع الالكترونى" },
    { "٠٥٠١٢٣", "050123", "۰۵۰۱۲۳", "050123" },
  };

  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    for (guint i = 1; i < 4; i++)
      g_assert_true (sila_arabic_equal (groups[g][0], groups[g][i]));

  g_assert_false (sila_arabic_equal ("محمد", "أحمد"));
  g_assert_false (sila_arabic_equal ("جزاء", "جزا"));
}

/* Folding twice changes nothing. */
static void
test_idempotent (void)
{
  static const char *const samples[] = {
    "مُحَمَّدٌ بْنُ عَبْدِ ٱللَّهِ", "ＡＢＣ ﻻ ﷲ", "Straße ٣٤", "هيئة  مؤسسة", "",
  };

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autofree char *once = sila_arabic_normalize (samples[i]);
      g_autofree char *twice = sila_arabic_normalize (once);
      g_autofree char *t_once = sila_arabic_normalize_tokens (samples[i]);
      g_autofree char *t_twice = sila_arabic_normalize_tokens (t_once);

      g_assert_cmpstr (once, ==, twice);
      g_assert_cmpstr (t_once, ==, t_twice);
    }
}

/* Search as you type folds every query and every indexed name: 100,000
 * names must fold in well under a second even in a debug build. */
static void
test_speed (void)
{
  static const char *const names[] = {
    "مُحَمَّد بن عبد الله آل سعود", "فاطمة أحمد علي الزهراني", "إبراهيم مصطفى الغامدي",
    "Mohammed Al-Harbi", "عائشة بنت سالم القحطاني",
  };
  gint64 start = g_get_monotonic_time ();
  gsize total = 0;
  double seconds;

  for (guint i = 0; i < 100000; i++)
    {
      g_autofree char *folded = sila_arabic_normalize_tokens (names[i % G_N_ELEMENTS (names)]);

      total += strlen (folded);
    }
  seconds = (g_get_monotonic_time () - start) / 1e6;
  g_test_message ("100000 names folded in %.3f s", seconds);
  g_assert_cmpuint (total, >, 0);
  g_assert_cmpfloat (seconds, <, 3.0);
}

static void
test_format_numbers (void)
{
  static const struct {
    gint64      value;
    const char *ar;
    const char *en;
  } ints[] = {
    { 0, "٠", "0" },
    { 7, "٧", "7" },
    { 1234, "١٬٢٣٤", "1,234" },
    { 1234567, "١٬٢٣٤٬٥٦٧", "1,234,567" },
    { -42, "\u061C-٤٢", "-42" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (ints); i++)
    {
      g_autofree char *ar = sila_format_int_for (ints[i].value, SILA_LANGUAGE_ARABIC);
      g_autofree char *en = sila_format_int_for (ints[i].value, SILA_LANGUAGE_ENGLISH);

      g_assert_cmpstr (ar, ==, ints[i].ar);
      g_assert_cmpstr (en, ==, ints[i].en);
    }

  {
    g_autofree char *ar = NULL;
    g_autofree char *en = NULL;

    sila_i18n_init (SILA_LANGUAGE_ARABIC);
    ar = sila_format_int (2026);
    sila_i18n_init (SILA_LANGUAGE_ENGLISH);
    en = sila_format_int (2026);
    g_assert_cmpstr (ar, ==, "٢٬٠٢٦");
    g_assert_cmpstr (en, ==, "2,026");
  }
}

static void
test_format_percent (void)
{
  static const struct {
    double      percent;
    const char *ar;
    const char *en;
  } cases[] = {
    { 12.5, "١٢٫٥٪\u061C", "12.5%" },
    { 50, "٥٠٫٠٪\u061C", "50.0%" },
    { 0, "٠٫٠٪\u061C", "0.0%" },
    { 99.96, "١٠٠٫٠٪\u061C", "100.0%" },
    { 33.333333, "٣٣٫٣٪\u061C", "33.3%" },
    { -0.01, "٠٫٠٪\u061C", "0.0%" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *ar = sila_format_percent_for (cases[i].percent, SILA_LANGUAGE_ARABIC);
      g_autofree char *en = sila_format_percent_for (cases[i].percent, SILA_LANGUAGE_ENGLISH);

      g_assert_cmpstr (ar, ==, cases[i].ar);
      g_assert_cmpstr (en, ==, cases[i].en);
    }

  {
    g_autofree char *nan = sila_format_percent_for (NAN, SILA_LANGUAGE_ENGLISH);
    g_autofree char *eighth = sila_format_share_for (1, 8, SILA_LANGUAGE_ENGLISH);
    g_autofree char *third = sila_format_share_for (1, 3, SILA_LANGUAGE_ENGLISH);
    g_autofree char *two_thirds = sila_format_share_for (2, 3, SILA_LANGUAGE_ARABIC);
    g_autofree char *all = sila_format_share_for (7, 7, SILA_LANGUAGE_ENGLISH);
    g_autofree char *none = sila_format_share_for (0, 0, SILA_LANGUAGE_ENGLISH);
    g_autofree char *half_up = sila_format_share_for (1, 2000, SILA_LANGUAGE_ENGLISH);

    g_assert_cmpstr (nan, ==, "—");
    g_assert_cmpstr (eighth, ==, "12.5%");
    g_assert_cmpstr (third, ==, "33.3%");
    g_assert_cmpstr (two_thirds, ==, "٦٦٫٧٪\u061C");
    g_assert_cmpstr (all, ==, "100.0%");
    g_assert_cmpstr (none, ==, "—");
    g_assert_cmpstr (half_up, ==, "0.1%");   /* 0.05 % rounds up */
  }
}

static void
test_format_misc (void)
{
  g_autofree char *digits_ar = sila_format_digits_for ("1445-09-15", SILA_LANGUAGE_ARABIC);
  g_autofree char *digits_en = sila_format_digits_for ("1445-09-15", SILA_LANGUAGE_ENGLISH);
  g_autofree char *dec = sila_format_decimal_for ("-1234.5", 1, 2, SILA_LANGUAGE_ENGLISH);
  g_autofree char *dec_ar = sila_format_decimal_for ("1234.567", 0, 2, SILA_LANGUAGE_ARABIC);

  g_assert_cmpstr (digits_ar, ==, "١٤٤٥-٠٩-١٥");
  g_assert_cmpstr (digits_en, ==, "1445-09-15");
  g_assert_cmpstr (dec, ==, "-1,234.5");
  g_assert_cmpstr (dec_ar, ==, "١٬٢٣٤٫٥٧");
  g_assert_null (sila_format_decimal_for ("12a", 0, 2, SILA_LANGUAGE_ENGLISH));
  g_assert_null (sila_format_decimal_for ("1.", 0, 2, SILA_LANGUAGE_ENGLISH));
  g_assert_null (sila_format_decimal_for ("", 0, 2, SILA_LANGUAGE_ENGLISH));
  g_assert_null (sila_format_decimal_for (NULL, 0, 2, SILA_LANGUAGE_ENGLISH));

  /* Display formatting leaves the C library's numbers alone. */
  g_assert_cmpstr (setlocale (LC_NUMERIC, NULL), ==, "C");
}

/* Each thread has its own formatters. */
static gpointer
format_in_thread (gpointer data)
{
  for (guint i = 0; i < 2000; i++)
    {
      g_autofree char *s = sila_format_int_for (i, GPOINTER_TO_UINT (data) % 2 == 0
                                                   ? SILA_LANGUAGE_ARABIC
                                                   : SILA_LANGUAGE_ENGLISH);
      if (s == NULL || *s == '\0')
        return GINT_TO_POINTER (FALSE);
    }
  return GINT_TO_POINTER (TRUE);
}

static void
test_format_threads (void)
{
  GThread *threads[4];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("format", format_in_thread, GUINT_TO_POINTER (i));
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_assert_true (GPOINTER_TO_INT (g_thread_join (threads[i])));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  /* See test-validators.c: GLib decides once whether to translate. */
  sila_i18n_init (SILA_LANGUAGE_ARABIC);
  (void)g_dgettext (GETTEXT_PACKAGE, "");

  g_test_add_func ("/sila/core/arabic/letters", test_letters);
  g_test_add_func ("/sila/core/arabic/marks", test_marks);
  g_test_add_func ("/sila/core/arabic/digits-space-case", test_digits_space_case);
  g_test_add_func ("/sila/core/arabic/tokens", test_tokens);
  g_test_add_func ("/sila/core/arabic/variants-meet", test_variants_meet);
  g_test_add_func ("/sila/core/arabic/idempotent", test_idempotent);
  g_test_add_func ("/sila/core/arabic/speed", test_speed);
  g_test_add_func ("/sila/core/format/integers", test_format_numbers);
  g_test_add_func ("/sila/core/format/percent", test_format_percent);
  g_test_add_func ("/sila/core/format/misc", test_format_misc);
  g_test_add_func ("/sila/core/format/threads", test_format_threads);

  return g_test_run ();
}
