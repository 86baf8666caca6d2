/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The floor for start-up and memory: the least a libadwaita application can
 * be — one window with a header bar — reporting its first frame the way
 * sila does under SILA_BENCH_EXIT_AFTER_DRAW. */
#include <adwaita.h>
#include <stdlib.h>
#include <string.h>

static void
after_paint_cb (GdkFrameClock *clock,
                GtkWidget     *window)
{
  g_autofree char *status = NULL;
  const char *rss = NULL;

  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, window);
  if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    rss = strstr (status, "VmRSS:");
  g_print ("first-frame-usec %" G_GINT64_FORMAT "\nrss-kb %ld\n",
           g_get_monotonic_time (), rss != NULL ? strtol (rss + 6, NULL, 10) : -1L);
  g_application_quit (g_application_get_default ());
}

static void
map_cb (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (after_paint_cb), window);
}

static void
activate_cb (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), gtk_label_new ("Sila"));
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1180, 760);
  g_signal_connect (window, "map", G_CALLBACK (map_cb), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(AdwApplication) app = adw_application_new ("sa.org.sila.BenchFloor",
                                                       G_APPLICATION_NON_UNIQUE);

  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
