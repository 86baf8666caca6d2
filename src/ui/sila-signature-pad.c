/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-ui"

#include "sila-config.h"

#include <glib/gi18n.h>

#include "sila-request-form.h"
#include "sila-signature-pad.h"

struct _SilaSignaturePad
{
  GtkWidget      parent_instance;

  SilaSignature *signature;
  double         start_x;
  double         start_y;
};

G_DEFINE_FINAL_TYPE (SilaSignaturePad, sila_signature_pad, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The pad's own rectangle of the printed form's shape, centred. */
static void
pad_area (SilaSignaturePad *self,
          double           *x,
          double           *y,
          double           *w,
          double           *h)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));

  *w = width;
  *h = width / SILA_SIGNATURE_ASPECT;
  if (*h > height)
    {
      *h = height;
      *w = height * SILA_SIGNATURE_ASPECT;
    }
  *x = (width - *w) / 2;
  *y = (height - *h) / 2;
}

static void
add_point (SilaSignaturePad *self,
           double            px,
           double            py)
{
  double x, y, w, h;

  pad_area (self, &x, &y, &w, &h);
  if (w <= 0 || h <= 0)
    return;
  /* Drawn in the widget's own coordinates: a signature is not mirrored
   * in a right-to-left window. */
  sila_signature_add_point (self->signature, (px - x) / w, (py - y) / h);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
drag_begin_cb (SilaSignaturePad *self,
               double            x,
               double            y,
               GtkGestureDrag   *gesture)
{
  self->start_x = x;
  self->start_y = y;
  sila_signature_begin_stroke (self->signature);
  add_point (self, x, y);
}

static void
drag_update_cb (SilaSignaturePad *self,
                double            dx,
                double            dy,
                GtkGestureDrag   *gesture)
{
  add_point (self, self->start_x + dx, self->start_y + dy);
}

static void
drag_end_cb (SilaSignaturePad *self,
             double            dx,
             double            dy,
             GtkGestureDrag   *gesture)
{
  add_point (self, self->start_x + dx, self->start_y + dy);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
sila_signature_pad_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  SilaSignaturePad *self = SILA_SIGNATURE_PAD (widget);
  double x, y, w, h;
  GdkRGBA color;
  cairo_t *cr;

  pad_area (self, &x, &y, &w, &h);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0,
                                                                 gtk_widget_get_width (widget),
                                                                 gtk_widget_get_height (widget)));
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, x, y, w, h);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0.5, 0.5, 0.5, 0.8);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);

  /* A line to sign on. */
  cairo_set_source_rgba (cr, 0.6, 0.6, 0.6, 0.6);
  cairo_move_to (cr, x + w * 0.08, y + h * 0.75);
  cairo_line_to (cr, x + w * 0.92, y + h * 0.75);
  cairo_stroke (cr);

  gdk_rgba_parse (&color, "#0b1f66");
  gdk_cairo_set_source_rgba (cr, &color);
  cairo_translate (cr, x, y);
  sila_signature_render (self->signature, cr, w, h);
  cairo_destroy (cr);
}

static void
sila_signature_pad_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 240;
      *natural = 420;
    }
  else
    {
      *minimum = 80;
      *natural = for_size > 0 ? (int)(for_size / SILA_SIGNATURE_ASPECT) : 140;
    }
}

static void
sila_signature_pad_finalize (GObject *object)
{
  SilaSignaturePad *self = (SilaSignaturePad *)object;

  sila_signature_free (self->signature);

  G_OBJECT_CLASS (sila_signature_pad_parent_class)->finalize (object);
}

static void
sila_signature_pad_class_init (SilaSignaturePadClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = sila_signature_pad_finalize;
  widget_class->snapshot = sila_signature_pad_snapshot;
  widget_class->measure = sila_signature_pad_measure;

  /**
   * SilaSignaturePad::changed:
   *
   * A stroke was drawn, or the pad cleared.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_css_name (widget_class, "signaturepad");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
sila_signature_pad_init (SilaSignaturePad *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();

  self->signature = sila_signature_new ();
  /* Mouse, touchpad, touch screen and stylus alike. */
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), 0);
  g_signal_connect_swapped (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect_swapped (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect_swapped (drag, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "crosshair");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Signature pad: sign here with the mouse, touchpad or pen"),
                                  -1);
}

GtkWidget *
sila_signature_pad_new (void)
{
  return g_object_new (SILA_TYPE_SIGNATURE_PAD, NULL);
}

void
sila_signature_pad_clear (SilaSignaturePad *self)
{
  g_return_if_fail (SILA_IS_SIGNATURE_PAD (self));

  sila_signature_clear (self->signature);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[CHANGED], 0);
}

gboolean
sila_signature_pad_is_empty (SilaSignaturePad *self)
{
  g_return_val_if_fail (SILA_IS_SIGNATURE_PAD (self), TRUE);

  return sila_signature_is_empty (self->signature);
}

char *
sila_signature_pad_get_text (SilaSignaturePad *self)
{
  g_return_val_if_fail (SILA_IS_SIGNATURE_PAD (self), NULL);

  if (sila_signature_is_empty (self->signature))
    return NULL;
  return sila_signature_to_text (self->signature);
}

void
sila_signature_pad_add_stroke (SilaSignaturePad *self,
                               const double     *points,
                               guint             n)
{
  g_return_if_fail (SILA_IS_SIGNATURE_PAD (self));

  sila_signature_begin_stroke (self->signature);
  for (guint i = 0; i < n; i++)
    sila_signature_add_point (self->signature, points[2 * i], points[2 * i + 1]);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[CHANGED], 0);
}

gboolean
sila_signature_pad_set_text (SilaSignaturePad *self,
                             const char       *text)
{
  SilaSignature *signature;

  g_return_val_if_fail (SILA_IS_SIGNATURE_PAD (self), FALSE);

  signature = sila_signature_from_text (text, NULL);
  if (signature == NULL)
    return FALSE;

  sila_signature_free (self->signature);
  self->signature = signature;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return TRUE;
}
