/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Printed documents: pages break without losing or repeating a row, table
 * headers repeat, right to left puts the reading side on the right, the
 * footer numbers pages, and the PDF is its owner's only. Read back with
 * poppler's pdftotext. */
#include "sila-config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "sila-document.h"
#include "sila-i18n.h"
#include "sila-test-util.h"

/* The text of @page (0: all pages), without the bidi marks pdftotext puts
 * around right-to-left runs (PLATFORM.md). */
static char *
pdftotext (const char *pdf,
           int         page,
           gboolean    bbox)
{
  g_autofree char *first = g_strdup_printf ("%d", page);
  const char *argv[] = { "pdftotext", "-f", first, "-l", first, bbox ? "-bbox" : "-nopgbrk",
                         pdf, "-", NULL };
  const char *all[] = { "pdftotext", pdf, "-", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  GString *clean;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **)(page > 0 ? argv : all), NULL,
                               G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out,
                               NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  clean = g_string_new (NULL);
  for (const char *p = out; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
          (c >= 0x2066 && c <= 0x2069))
        continue;
      g_string_append_unichar (clean, c);
    }
  return g_string_free (clean, FALSE);
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

static SilaDocument *
long_document (gboolean rtl)
{
  SilaDocument *doc = sila_document_new ("Monthly report");
  static const char *headers[] = { "Number", "Name", "Amount" };
  static const double widths[] = { 1, 3, 1.2 };
  static const SilaCellAlign aligns[] = { SILA_CELL_START, SILA_CELL_START, SILA_CELL_NUMBER };
  SilaDocumentTable *table;

  sila_document_set_rtl (doc, rtl);
  sila_document_set_header (doc, "Sila Association", "Beneficiary relations office");
  sila_document_set_footer_note (doc, "Confidential: personal data");
  sila_document_add_heading (doc, "Summary");
  sila_document_add_field (doc, "Period", "March 2026");
  sila_document_add_field (doc, "Prepared by", "Manager");
  table = sila_document_add_table (doc, 3, headers, widths, aligns);
  for (int i = 1; i <= 120; i++)
    {
      g_autofree char *number = g_strdup_printf ("R%04d", i);
      g_autofree char *amount = g_strdup_printf ("%d.00", i * 10);
      const char *row[] = { number, "Beneficiary name", amount };

      sila_document_table_add_row (table, row);
    }
  {
    const char *total[] = { "Total", "", "72600.00" };
    sila_document_table_add_total (table, total);
  }
  sila_document_add_signatures (doc, (const char *[]) { "Chair", "Member", "Secretary", NULL });
  return doc;
}

static void
test_pages_and_rows (SilaTestDir   *fixture,
                     gconstpointer  data)
{
  g_autoptr(SilaDocument) doc = long_document (FALSE);
  g_autofree char *pdf = sila_test_dir_file (fixture, "report.pdf");
  g_autofree char *text = NULL;
  g_autofree char *page2 = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *last = NULL;
  guint n;
  GStatBuf st;

  g_assert_true (sila_document_write_pdf (doc, pdf, &error));
  g_assert_no_error (error);
  n = sila_document_get_n_pages (doc);
  g_assert_cmpuint (n, >=, 3);

  text = pdftotext (pdf, 0, FALSE);
  /* Every row exactly once, whatever the page breaks. */
  for (int i = 1; i <= 120; i++)
    {
      g_autofree char *number = g_strdup_printf ("R%04d", i);
      g_assert_cmpuint (count (text, number), ==, 1);
    }
  g_assert_cmpuint (count (text, "72600.00"), ==, 1);
  g_assert_cmpuint (count (text, "Chair"), ==, 1);

  /* The header band and the footer on every page. */
  g_assert_cmpuint (count (text, "Sila Association"), ==, n);
  g_assert_cmpuint (count (text, "Confidential: personal data"), ==, n);
  last = g_strdup_printf ("Page %u of %u", n, n);
  g_assert_nonnull (strstr (text, last));

  /* A table carried over repeats its header row. */
  page2 = pdftotext (pdf, 2, FALSE);
  g_assert_nonnull (strstr (page2, "Number"));
  g_assert_nonnull (strstr (page2, "Amount"));

  g_assert_cmpint (g_stat (pdf, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

/* The x where @word first stands on @page, from pdftotext -bbox. */
static double
word_x (const char *pdf,
        int         page,
        const char *word)
{
  g_autofree char *html = pdftotext (pdf, page, TRUE);
  g_autofree char *needle = g_strdup_printf (">%s</word>", word);
  const char *hit = strstr (html, needle);
  const char *start;

  g_assert_nonnull (hit);
  for (start = hit; start > html && strncmp (start, "<word", 5) != 0; start--)
    ;
  start = strstr (start, "xMin=\"");
  g_assert_nonnull (start);
  return g_ascii_strtod (start + 6, NULL);
}

static void
test_direction (SilaTestDir   *fixture,
                gconstpointer  data)
{
  g_autoptr(SilaDocument) ltr = long_document (FALSE);
  g_autoptr(SilaDocument) rtl = long_document (TRUE);
  g_autofree char *ltr_pdf = sila_test_dir_file (fixture, "ltr.pdf");
  g_autofree char *rtl_pdf = sila_test_dir_file (fixture, "rtl.pdf");
  double half = SILA_DOCUMENT_A4_WIDTH / 2;

  g_assert_true (sila_document_write_pdf (ltr, ltr_pdf, NULL));
  g_assert_true (sila_document_write_pdf (rtl, rtl_pdf, NULL));

  /* The association's name and the first column sit on the reading side. */
  g_assert_cmpfloat (word_x (ltr_pdf, 1, "Sila"), <, half);
  g_assert_cmpfloat (word_x (rtl_pdf, 1, "Sila"), >, half);
  g_assert_cmpfloat (word_x (ltr_pdf, 1, "R0001"), <, half);
  g_assert_cmpfloat (word_x (rtl_pdf, 1, "R0001"), >, half);
  /* A field's label on the reading side, its value beyond it. */
  g_assert_cmpfloat (word_x (rtl_pdf, 1, "Period"), >, word_x (rtl_pdf, 1, "March"));
  g_assert_cmpfloat (word_x (ltr_pdf, 1, "Period"), <, word_x (ltr_pdf, 1, "March"));
}

static void
test_long_paragraph_flows (SilaTestDir   *fixture,
                           gconstpointer  data)
{
  g_autoptr(SilaDocument) doc = sila_document_new ("Bylaws");
  g_autofree char *pdf = sila_test_dir_file (fixture, "long.pdf");
  g_autofree char *text = NULL;
  GString *para = g_string_new (NULL);

  for (int i = 0; i < 400; i++)
    g_string_append_printf (para, "word%03d ", i);
  sila_document_add_paragraph (doc, para->str);
  sila_document_add_checkbox (doc, TRUE, "The applicant signed on paper");
  g_string_free (para, TRUE);

  g_assert_true (sila_document_write_pdf (doc, pdf, NULL));
  text = pdftotext (pdf, 0, FALSE);
  for (int i = 0; i < 400; i++)
    {
      g_autofree char *word = g_strdup_printf ("word%03d", i);
      g_assert_cmpuint (count (text, word), ==, 1);
    }
  g_assert_nonnull (strstr (text, "signed on paper"));
}

static void
test_arabic_footer (SilaTestDir   *fixture,
                    gconstpointer  data)
{
  g_autoptr(SilaDocument) doc = NULL;
  g_autofree char *pdf = sila_test_dir_file (fixture, "ar.pdf");
  g_autofree char *text = NULL;

  /* glibc keeps translations it has looked up: choose Arabic in a fresh
   * process, as the app does once at start. */
  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  doc = sila_document_new ("تقرير");
  sila_i18n_init (SILA_LANGUAGE_ARABIC);
  sila_document_add_paragraph (doc, "نص عربي");
  sila_document_add_field (doc, "الجوال", "+966501234567");
  g_assert_true (sila_document_write_pdf (doc, pdf, NULL));
  sila_i18n_init (SILA_LANGUAGE_ENGLISH);

  text = pdftotext (pdf, 0, FALSE);
  /* pdftotext may split Arabic words with spaces (PLATFORM.md): compare
   * without them. "صفحة" — the page number is in the page's language,
   * with its digits (Arabic-Indic on an Arabic page). */
  {
    g_auto(GStrv) parts = g_strsplit (text, " ", -1);
    g_autofree char *squeezed = g_strjoinv ("", parts);

    g_assert_nonnull (strstr (squeezed, "صفحة١من١"));
  }
  /* A phone on an Arabic page keeps its plus sign in front. */
  g_assert_nonnull (strstr (text, "+966501234567"));
}

static void
test_unwritable_path (void)
{
  g_autoptr(SilaDocument) doc = sila_document_new ("x");
  g_autoptr(GError) error = NULL;

  sila_document_add_paragraph (doc, "x");
  g_assert_false (sila_document_write_pdf (doc, "/nonexistent/dir/x.pdf", &error));
  g_assert_nonnull (error);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  sila_i18n_init (SILA_LANGUAGE_ENGLISH);

#define ADD(path, func) \
  g_test_add (path, SilaTestDir, NULL, sila_test_dir_setup, func, sila_test_dir_teardown)

  ADD ("/sila/report/document/pages-and-rows", test_pages_and_rows);
  ADD ("/sila/report/document/direction", test_direction);
  ADD ("/sila/report/document/long-paragraph", test_long_paragraph_flows);
  ADD ("/sila/report/document/arabic-footer", test_arabic_footer);
  g_test_add_func ("/sila/report/document/unwritable", test_unwritable_path);

#undef ADD

  return g_test_run ();
}
