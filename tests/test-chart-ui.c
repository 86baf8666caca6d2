/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A chart on screen in the dark style: its title and labels are drawn in
 * the style's light text colour, not the printed page's near-black; in the
 * light style they stay dark. Measured on the pixels of the title's band.
 * SILA_TEST_SHOTS=DIR also saves both pictures. Language: SILA_TEST_LANG. */
#define G_LOG_DOMAIN "sila-test"

#include "sila-config.h"

#include <adwaita.h>

#include "sila-chart-view.h"
#include "sila-chart.h"
#include "sila-i18n.h"

static gboolean arabic;

static void
settle (GtkWidget *widget)
{
  gtk_test_widget_wait_for_draw (widget);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

typedef struct {
  guint light;   /* pixels much lighter than the background */
  guint dark;    /* pixels much darker */
} Ink;

/* Counts the pixels of the top @band rows of @window that stand out from
 * the background colour at (2, 2), by luminance. */
static Ink
measure (GtkWidget  *window,
         int         band,
         const char *shot)
{
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guchar *pixels = NULL;
  gsize stride = (gsize)width * 4;
  double background;
  Ink ink = { 0, 0 };

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (g_getenv ("SILA_TEST_SHOTS") != NULL)
    {
      g_autofree char *file = g_strdup_printf ("%s/%s-%s.png", g_getenv ("SILA_TEST_SHOTS"),
                                               shot, arabic ? "ar" : "en");

      gdk_texture_save_to_png (texture, file);
    }
  pixels = g_malloc (stride * height);
  gdk_texture_download (texture, pixels, stride);

#define LUMA(p) (0.0722 * (p)[0] + 0.7152 * (p)[1] + 0.2126 * (p)[2]) /* BGRA */
  background = LUMA (pixels + 2 * stride + 2 * 4);
  for (int y = 0; y < MIN (band, height); y++)
    for (int x = 0; x < width; x++)
      {
        double l = LUMA (pixels + y * stride + x * 4);

        if (l > background + 100)
          ink.light++;
        else if (l < background - 100)
          ink.dark++;
      }
#undef LUMA
  return ink;
}

static GtkWidget *
chart_window (void)
{
  g_autoptr(SilaChart) chart = sila_chart_new (SILA_CHART_BARS);
  GtkWidget *window = adw_window_new ();
  GtkWidget *view;

  sila_chart_set_title (chart, arabic ? "الطلبات حسب الحالة الحالية" : "Requests by current status");
  sila_chart_add (chart, arabic ? "مستلم" : "Received", 12);
  sila_chart_add (chart, arabic ? "لدى لجنة البحث" : "With the committee", 7);
  sila_chart_add (chart, arabic ? "مقبول" : "Accepted", 4);
  view = sila_chart_view_new (chart);
  gtk_widget_set_size_request (view, 480, 260);
  adw_window_set_content (ADW_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  settle (window);
  return window;
}

static void
test_dark_and_light (void)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  GtkWidget *window;
  Ink dark, light;

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  window = chart_window ();
  g_assert_true (adw_style_manager_get_dark (style));
  dark = measure (window, 40, "chart-dark");
  gtk_window_destroy (GTK_WINDOW (window));

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  window = chart_window ();
  light = measure (window, 40, "chart-light");
  gtk_window_destroy (GTK_WINDOW (window));

  g_test_message ("dark style: %u light, %u dark pixels; light style: %u light, %u dark",
                  dark.light, dark.dark, light.light, light.dark);
  /* The title is light on the dark background, dark on the light one. */
  g_assert_cmpuint (dark.light, >, 100);
  g_assert_cmpuint (dark.dark, <, dark.light / 10);
  g_assert_cmpuint (light.dark, >, 100);
}

int
main (int argc, char **argv)
{
  arabic = g_strcmp0 (g_getenv ("SILA_TEST_LANG"), "en") != 0;
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  sila_i18n_init (arabic ? SILA_LANGUAGE_ARABIC : SILA_LANGUAGE_ENGLISH);
  gtk_widget_set_default_direction (arabic ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);

  g_test_add_func ("/sila/ui/chart/dark-style", test_dark_and_light);
  return g_test_run ();
}
