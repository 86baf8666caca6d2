/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-ui"

#include "sila-config.h"

#include "sila-idle-monitor.h"

struct _SilaIdleMonitor
{
  GObject         parent_instance;

  GtkApplication *application;   /* not owned */
  gulong          window_added_id;
  guint           check_id;
  guint           timeout;       /* seconds; 0 = never */
  gint64          last_activity; /* monotonic, µs */
  gboolean        fired;
};

G_DEFINE_FINAL_TYPE (SilaIdleMonitor, sila_idle_monitor, G_TYPE_OBJECT)

enum {
  IDLE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
event_cb (SilaIdleMonitor          *self,
          GdkEvent                 *event,
          GtkEventControllerLegacy *controller)
{
  switch ((int)gdk_event_get_event_type (event))
    {
    case GDK_KEY_PRESS:
    case GDK_BUTTON_PRESS:
    case GDK_MOTION_NOTIFY:
    case GDK_SCROLL:
    case GDK_TOUCH_BEGIN:
    case GDK_TOUCHPAD_SWIPE:
    case GDK_TOUCHPAD_PINCH:
      sila_idle_monitor_reset (self);
      break;
    default:
      break;
    }

  /* Only looking: the event goes on to the window. */
  return GDK_EVENT_PROPAGATE;
}

static void
watch_window (SilaIdleMonitor *self,
              GtkWindow       *window)
{
  GtkEventController *controller = gtk_event_controller_legacy_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_event_controller_set_name (controller, "sila-idle-monitor");
  g_signal_connect_object (controller, "event", G_CALLBACK (event_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (window), controller);
}

static void
window_added_cb (SilaIdleMonitor *self,
                 GtkWindow       *window,
                 GtkApplication  *application)
{
  watch_window (self, window);
}

static gboolean
check_cb (gpointer user_data)
{
  SilaIdleMonitor *self = user_data;
  gint64 idle_us = g_get_monotonic_time () - self->last_activity;

  if (self->timeout > 0 && !self->fired && idle_us >= (gint64)self->timeout * G_USEC_PER_SEC)
    {
      self->fired = TRUE;
      g_signal_emit (self, signals[IDLE], 0);
    }

  return G_SOURCE_CONTINUE;
}

static void
sila_idle_monitor_dispose (GObject *object)
{
  SilaIdleMonitor *self = (SilaIdleMonitor *)object;

  g_clear_handle_id (&self->check_id, g_source_remove);
  if (self->application != NULL)
    {
      g_clear_signal_handler (&self->window_added_id, self->application);
      g_object_remove_weak_pointer (G_OBJECT (self->application),
                                    (gpointer *)&self->application);
      self->application = NULL;
    }

  G_OBJECT_CLASS (sila_idle_monitor_parent_class)->dispose (object);
}

static void
sila_idle_monitor_class_init (SilaIdleMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sila_idle_monitor_dispose;

  signals[IDLE] =
    g_signal_new ("idle", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
sila_idle_monitor_init (SilaIdleMonitor *self)
{
  self->last_activity = g_get_monotonic_time ();
}

SilaIdleMonitor *
sila_idle_monitor_new (GtkApplication *application)
{
  SilaIdleMonitor *self;

  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);

  self = g_object_new (SILA_TYPE_IDLE_MONITOR, NULL);
  self->application = application;
  g_object_add_weak_pointer (G_OBJECT (application), (gpointer *)&self->application);
  self->window_added_id = g_signal_connect_object (application, "window-added",
                                                   G_CALLBACK (window_added_cb), self,
                                                   G_CONNECT_SWAPPED);
  for (GList *l = gtk_application_get_windows (application); l != NULL; l = l->next)
    watch_window (self, l->data);

  /* Checked each second: a lock comes at most a second late. */
  self->check_id = g_timeout_add_seconds (1, check_cb, self);

  return self;
}

/* @seconds: 0 never fires. */
void
sila_idle_monitor_set_timeout (SilaIdleMonitor *self,
                               guint            seconds)
{
  g_return_if_fail (SILA_IS_IDLE_MONITOR (self));

  self->timeout = seconds;
}

guint
sila_idle_monitor_get_timeout (SilaIdleMonitor *self)
{
  g_return_val_if_fail (SILA_IS_IDLE_MONITOR (self), 0);

  return self->timeout;
}

/* Someone is there: count from now, and fire again after the next wait. */
void
sila_idle_monitor_reset (SilaIdleMonitor *self)
{
  g_return_if_fail (SILA_IS_IDLE_MONITOR (self));

  self->last_activity = g_get_monotonic_time ();
  self->fired = FALSE;
}
