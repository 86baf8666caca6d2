/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The idle lock: after the minutes the database's settings give, or on
 * "app.lock", every main window hides its content behind the password of
 * the person signed in and the other windows close; unlocking one window
 * unlocks them all. The owner of a database without accounts is never
 * locked out. */
#define G_LOG_DOMAIN "sila-ui"

#include "sila-config.h"

#include "sila-application-private.h"
#include "sila-idle-monitor.h"
#include "sila-window.h"

static void
window_unlocked_cb (SilaApplication *self,
                    SilaWindow      *window)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (SILA_IS_WINDOW (l->data))
      sila_window_unlock (l->data);

  if (self->idle != NULL)
    sila_idle_monitor_reset (self->idle);
}

static void
idle_cb (SilaApplication *self,
         SilaIdleMonitor *monitor)
{
  g_action_group_activate_action (G_ACTION_GROUP (self), "lock", NULL);
}

/* Hides every window's content behind the password of the person signed
 * in; other windows (preferences, the audit trail) close. */
void
sila_application_lock_action (GSimpleAction *action,
                              GVariant      *parameter,
                              gpointer       user_data)
{
  SilaApplication *self = SILA_APPLICATION (user_data);
  GList *windows;

  if (self->session == NULL || sila_actor_is_owner (sila_session_get_actor (self->session)))
    return;

  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *l = windows; l != NULL; l = l->next)
    {
      if (SILA_IS_WINDOW (l->data))
        sila_window_lock (l->data);
      else
        gtk_window_destroy (l->data);
    }
  g_list_free (windows);
}

/* At start-up: the watcher that locks once no one has touched the app. */
void
sila_application_watch_idle (SilaApplication *self)
{
  self->idle = sila_idle_monitor_new (GTK_APPLICATION (self));
  g_signal_connect_object (self->idle, "idle", G_CALLBACK (idle_cb), self, G_CONNECT_SWAPPED);
}

void
sila_application_configure_idle_lock (SilaApplication *self)
{
  const SilaActor *actor;
  int minutes;

  if (self->session == NULL || self->idle == NULL)
    return;

  /* The owner of a database without accounts has no password to unlock with. */
  actor = sila_session_get_actor (self->session);
  minutes = sila_store_get_setting_int (self->store, SILA_SETTING_IDLE_LOCK,
                                        SILA_IDLE_LOCK_DEFAULT);
  sila_idle_monitor_set_timeout (self->idle,
                                 sila_actor_is_owner (actor) ? 0 : (guint)MAX (minutes, 0) * 60);
}

/* Unlocking @window unlocks every main window. */
void
sila_application_watch_unlock (SilaApplication *self,
                               SilaWindow      *window)
{
  g_signal_connect_object (window, "unlocked", G_CALLBACK (window_unlocked_cb), self,
                           G_CONNECT_SWAPPED);
}
