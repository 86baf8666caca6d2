/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The chart renderer: bars in proportion, mirrored right to left, empty
 * charts say so, labels reach a PDF as text. */
#include "sila-config.h"

#include <cairo-pdf.h>
#include <math.h>

#include "sila-chart.h"
#include "sila-test-util.h"

#define W 400
#define H 300

typedef struct {
  cairo_surface_t *surface;
  cairo_t         *cr;
} Canvas;

static void
canvas_init (Canvas *c)
{
  c->surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, W, H);
  c->cr = cairo_create (c->surface);
  cairo_set_source_rgb (c->cr, 1, 1, 1);
  cairo_paint (c->cr);
}

static void
canvas_clear (Canvas *c)
{
  cairo_destroy (c->cr);
  cairo_surface_destroy (c->surface);
}

static gboolean
pixel_is (Canvas *c,
          int     x,
          int     y,
          guint   color_index)
{
  double r, g, b;
  guint32 *row;
  guint32 px;

  cairo_surface_flush (c->surface);
  row = (guint32 *)(cairo_image_surface_get_data (c->surface) +
                    y * cairo_image_surface_get_stride (c->surface));
  px = row[x];
  sila_chart_get_color (color_index, &r, &g, &b);

  return abs ((int)((px >> 16) & 0xff) - (int)round (r * 255)) <= 2 &&
         abs ((int)((px >> 8) & 0xff) - (int)round (g * 255)) <= 2 &&
         abs ((int)(px & 0xff) - (int)round (b * 255)) <= 2;
}

/* The highest row in column @x painted with the colour @index, or -1. */
static int
top_of_color (Canvas *c,
              int     x,
              guint   index)
{
  for (int y = 0; y < H; y++)
    if (pixel_is (c, x, y, index))
      return y;
  return -1;
}

/* The x range of the colour @index on row @y. */
static gboolean
span_of_color (Canvas *c,
               int     y,
               guint   index,
               int    *first,
               int    *last)
{
  *first = -1;
  *last = -1;
  for (int x = 0; x < W; x++)
    if (pixel_is (c, x, y, index))
      {
        if (*first < 0)
          *first = x;
        *last = x;
      }
  return *first >= 0;
}

static int
count_color (Canvas *c,
             guint   index)
{
  int n = 0;

  for (int y = 0; y < H; y++)
    for (int x = 0; x < W; x++)
      n += pixel_is (c, x, y, index);
  return n;
}

static SilaChart *
three_columns (void)
{
  SilaChart *chart = sila_chart_new (SILA_CHART_COLUMNS);

  sila_chart_add (chart, "أ", 1);
  sila_chart_add (chart, "ب", 2);
  sila_chart_add (chart, "ج", 4);
  return chart;
}

static void
test_columns_proportional (void)
{
  g_autoptr(SilaChart) chart = three_columns ();
  Canvas c;
  int base, top1, top2, top3, h1, h3;

  canvas_init (&c);
  sila_chart_render (chart, c.cr, W, H);

  /* Slots are a third of the width each, left to right. */
  top1 = top_of_color (&c, W / 6, 0);
  top2 = top_of_color (&c, W / 2, 1);
  top3 = top_of_color (&c, 5 * W / 6, 2);
  g_assert_cmpint (top1, >, 0);
  g_assert_cmpint (top2, >, 0);
  g_assert_cmpint (top3, >, 0);

  /* Find the baseline: the bottom of the tallest bar. */
  for (base = top3; base < H && pixel_is (&c, 5 * W / 6, base, 2); base++)
    ;
  h1 = base - top1;
  h3 = base - top3;
  g_assert_cmpint (abs (h3 - 4 * h1), <=, 4);
  g_assert_cmpint (abs ((base - top2) - 2 * h1), <=, 3);

  canvas_clear (&c);
}

static void
test_columns_rtl_mirrored (void)
{
  g_autoptr(SilaChart) chart = three_columns ();
  Canvas c;

  sila_chart_set_rtl (chart, TRUE);
  canvas_init (&c);
  sila_chart_render (chart, c.cr, W, H);

  /* The first category stands on the right in Arabic. */
  g_assert_cmpint (top_of_color (&c, 5 * W / 6, 0), >, 0);
  g_assert_cmpint (top_of_color (&c, W / 6, 0), ==, -1);
  g_assert_cmpint (top_of_color (&c, W / 6, 2), >, 0);

  canvas_clear (&c);
}

static void
test_bars_grow_from_the_start (void)
{
  g_autoptr(SilaChart) chart = sila_chart_new (SILA_CHART_BARS);
  Canvas c;
  int first, last, y;

  sila_chart_add (chart, "الاتصالات الهاتفية", 10);
  canvas_init (&c);
  sila_chart_render (chart, c.cr, W, H);
  for (y = 0; y < H && !span_of_color (&c, y, 0, &first, &last); y++)
    ;
  g_assert_cmpint (y, <, H);
  /* Left to right: the bar starts after the label column and grows right. */
  g_assert_cmpint (first, >, W / 4);
  canvas_clear (&c);

  sila_chart_set_rtl (chart, TRUE);
  canvas_init (&c);
  sila_chart_render (chart, c.cr, W, H);
  for (y = 0; y < H && !span_of_color (&c, y, 0, &first, &last); y++)
    ;
  g_assert_cmpint (y, <, H);
  /* Right to left: the label column is on the right, the bar ends there. */
  g_assert_cmpint (last, <, 3 * W / 4);
  g_assert_cmpint (first, <, W / 4);
  canvas_clear (&c);
}

static void
test_paired_bars (void)
{
  g_autoptr(SilaChart) chart = sila_chart_new (SILA_CHART_COLUMNS);
  Canvas c;

  sila_chart_set_series_names (chart, "هذا الشهر", "الشهر السابق");
  sila_chart_add_pair (chart, "مقبول", 8, 4);
  canvas_init (&c);
  sila_chart_render (chart, c.cr, W, H);
  /* The current period in the first colour; the previous one beside it. */
  g_assert_cmpint (count_color (&c, 0), >, 500);
  g_assert_cmpuint (sila_chart_get_n_items (chart), ==, 1);
  canvas_clear (&c);
}

static void
test_donut_shares (void)
{
  g_autoptr(SilaChart) chart = sila_chart_new (SILA_CHART_DONUT);
  Canvas c;
  int n0, n1;

  sila_chart_add (chart, "راضٍ", 3);
  sila_chart_add (chart, "غير راضٍ", 1);
  canvas_init (&c);
  sila_chart_render (chart, c.cr, W, H);
  n0 = count_color (&c, 0);
  n1 = count_color (&c, 1);
  /* Three quarters against one quarter (legend swatches are tiny). */
  g_assert_cmpfloat (fabs ((double)n0 / n1 - 3.0), <, 0.3);
  canvas_clear (&c);
}

static void
test_empty_chart (void)
{
  g_autoptr(SilaChart) chart = sila_chart_new (SILA_CHART_COLUMNS);
  Canvas c;

  sila_chart_set_empty_text (chart, "لا توجد بيانات");
  sila_chart_add (chart, "أ", 0);
  canvas_init (&c);
  sila_chart_render (chart, c.cr, W, H);
  g_assert_cmpint (count_color (&c, 0), ==, 0);
  canvas_clear (&c);
}

static char *
riyals (double   value,
        gpointer user_data)
{
  (*(int *)user_data)++;
  return g_strdup_printf ("%.2f SAR", value);
}

static void
test_describe_and_format (void)
{
  g_autoptr(SilaChart) chart = sila_chart_new (SILA_CHART_BARS);
  g_autofree char *text = NULL;
  int calls = 0;

  sila_chart_set_title (chart, "الخدمات");
  sila_chart_set_formatter (chart, riyals, &calls, NULL);
  sila_chart_add (chart, "سلة غذائية", 150.5);
  sila_chart_add (chart, "إيجار", 2000);
  text = sila_chart_describe (chart);
  g_assert_cmpstr (text, ==, "الخدمات — سلة غذائية: 150.50 SAR; إيجار: 2000.00 SAR");
  g_assert_cmpint (calls, ==, 2);

  sila_chart_clear (chart);
  g_assert_cmpuint (sila_chart_get_n_items (chart), ==, 0);
}

static void
test_pdf_text (SilaTestDir   *fixture,
               gconstpointer  data)
{
  g_autofree char *pdf = sila_test_dir_file (fixture, "chart.pdf");
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaChart) chart = three_columns ();
  const char *argv[] = { "pdftotext", "-raw", pdf, "-", NULL };
  cairo_surface_t *surface;
  cairo_t *cr;
  int status;

  sila_chart_set_title (chart, "Requests by channel");
  sila_chart_set_rtl (chart, TRUE);
  surface = cairo_pdf_surface_create (pdf, W, H);
  cr = cairo_create (surface);
  sila_chart_render (chart, cr, W, H);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_test_message ("%s", pdf);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  if (!g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &out, NULL, &status, &error))
    {
      g_test_skip ("pdftotext is not installed");
      return;
    }
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (out, "Requests by channel"));
  g_assert_nonnull (strstr (out, "ج"));
  g_assert_nonnull (strstr (out, "4"));
}

/* pdftotext gives the lam-alef ligature back as alef then lam: "الاجتماعي"
 * comes out "االجتماعي". */
static const char *
lam_alef_as_extracted (const char *word)
{
  static char buf[256];
  GString *s = g_string_new (NULL);

  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p), next = g_utf8_get_char (g_utf8_next_char (p));

      if (c == 0x0644 && (next == 0x0627 || next == 0x0622 || next == 0x0623 || next == 0x0625))
        {
          g_string_append_unichar (s, next);
          g_string_append_unichar (s, c);
          p = g_utf8_next_char (p);
          continue;
        }
      g_string_append_unichar (s, c);
    }
  g_strlcpy (buf, s->str, sizeof buf);
  g_string_free (s, TRUE);
  return buf;
}

/* Every status under its column, whole, even eleven to a chart as wide as
 * the printed report's (the second line of "مكتمل المستندات" used to be
 * cut to "المستن…"). */
static void
test_long_labels_whole (SilaTestDir   *fixture,
                        gconstpointer  data)
{
  static const char *labels[] = {
    "مستلم", "مكتمل المستندات", "محال للبحث الاجتماعي", "تم البحث الاجتماعي",
    "لدى لجنة البحث", "مقبول", "مرفوض", "مسجل", "تم تقديم الخدمة", "مغلق", "ملغي",
  };
  g_autofree char *pdf = sila_test_dir_file (fixture, "statuses.pdf");
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaChart) chart = sila_chart_new (SILA_CHART_COLUMNS);
  g_autoptr(GString) flat = g_string_new (NULL);
  const char *argv[] = { "pdftotext", "-raw", pdf, "-", NULL };
  cairo_surface_t *surface;
  cairo_t *cr;
  int status;

  sila_chart_set_title (chart, "الطلبات المستلمة حسب حالتها الآن");
  sila_chart_set_rtl (chart, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    sila_chart_add (chart, labels[i], i + 1);
  /* The width of an A4 page's text and the report's chart height. */
  surface = cairo_pdf_surface_create (pdf, 515, 220);
  cr = cairo_create (surface);
  sila_chart_render (chart, cr, 515, 220);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  if (!g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &out, NULL, &status, &error))
    {
      g_test_skip ("pdftotext is not installed");
      return;
    }
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  /* pdftotext splits Arabic words with spaces and adds direction marks. */
  for (const char *p = out; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && g_unichar_type (c) != G_UNICODE_FORMAT)
        g_string_append_unichar (flat, c);
    }
  /* Neither ellipsized nor broken inside a word (Pango adds a hyphen). */
  g_assert_null (strstr (flat->str, "…"));
  g_assert_null (strstr (flat->str, "-"));
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      g_auto(GStrv) words = g_strsplit (labels[i], " ", -1);

      for (guint w = 0; words[w] != NULL; w++)
        if (strstr (flat->str, words[w]) == NULL &&
            strstr (flat->str, lam_alef_as_extracted (words[w])) == NULL)
          {
            g_test_message ("not in the chart: %s (of %s); the text: %s", words[w], labels[i],
                            out);
            g_test_fail ();
          }
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sila/report/chart/columns-proportional", test_columns_proportional);
  g_test_add_func ("/sila/report/chart/columns-rtl", test_columns_rtl_mirrored);
  g_test_add_func ("/sila/report/chart/bars-direction", test_bars_grow_from_the_start);
  g_test_add_func ("/sila/report/chart/paired", test_paired_bars);
  g_test_add_func ("/sila/report/chart/donut-shares", test_donut_shares);
  g_test_add_func ("/sila/report/chart/empty", test_empty_chart);
  g_test_add_func ("/sila/report/chart/describe", test_describe_and_format);
  g_test_add ("/sila/report/chart/pdf-text", SilaTestDir, NULL, sila_test_dir_setup,
              test_pdf_text, sila_test_dir_teardown);
  g_test_add ("/sila/report/chart/long-labels-whole", SilaTestDir, NULL, sila_test_dir_setup,
              test_long_labels_whole, sila_test_dir_teardown);

  return g_test_run ();
}
