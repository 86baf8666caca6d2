/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "sila-config.h"

#include "sila-test-shots.h"

/* Drawn once, then a little longer for what arrives on idle (figures,
 * charts, lazily filled lists). */
void
sila_test_settle (GtkWidget *widget)
{
  gtk_test_widget_wait_for_draw (widget);
  for (int i = 0; i < 30; i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (10000);
    }
}

/* Presents @window and writes it as OUT_DIR/NAME-LANG.png, as GTK draws it
 * (no window manager's frame), printing the file's name. */
void
sila_test_shoot (GtkWidget  *window,
                 const char *out_dir,
                 const char *name,
                 const char *lang)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = g_strdup_printf ("%s/%s-%s.png", out_dir, name, lang);
  int width, height;

  gtk_window_present (GTK_WINDOW (window));
  sila_test_settle (window);

  width = gtk_widget_get_width (window);
  height = gtk_widget_get_height (window);
  paintable = gtk_widget_paintable_new (window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, file))
    g_error ("cannot write %s", file);
  g_print ("%s\n", file);
}

SilaActor *
sila_test_add_sample_staff (SilaStore       *store,
                            const SilaActor *admin,
                            const char      *username,
                            const char      *name,
                            SilaRole         roles)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaStaff) staff = sila_store_add_staff (store, admin, username, name, roles,
                                                     "sample passphrase", FALSE, &error);

  g_assert_no_error (error);
  return sila_staff_to_actor (staff);
}
