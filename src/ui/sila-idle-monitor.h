/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SILA_TYPE_IDLE_MONITOR (sila_idle_monitor_get_type ())
G_DECLARE_FINAL_TYPE (SilaIdleMonitor, sila_idle_monitor, SILA, IDLE_MONITOR, GObject)

/* Watches every window of an application for key presses, clicks, pointer
 * moves and scrolls, and emits ::idle once when none came for the timeout;
 * GTK has no session-wide idle time, so the app's own input is what counts. */
SilaIdleMonitor *sila_idle_monitor_new         (GtkApplication  *application);
void             sila_idle_monitor_set_timeout (SilaIdleMonitor *self,
                                                guint            seconds);
guint            sila_idle_monitor_get_timeout (SilaIdleMonitor *self);
void             sila_idle_monitor_reset       (SilaIdleMonitor *self);

G_END_DECLS
