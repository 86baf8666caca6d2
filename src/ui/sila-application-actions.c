/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The application's actions and their accelerators: quitting and
 * restarting, Preferences, the audit trail, About, switching user and
 * changing one's password. "app.lock" is the idle lock's
 * (sila-application-lock.c) and "app.restore" the backups'
 * (sila-application-backups.c); all are enabled here by who is signed in. */
#define G_LOG_DOMAIN "sila-ui"

#include "sila-config.h"

#include <glib/gi18n.h>

#include "sila-adw-words.h"
#include "sila-application-private.h"
#include "sila-audit-window.h"
#include "sila-password-window.h"
#include "sila-preferences-window.h"

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GApplication *app = G_APPLICATION (user_data);
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  /* Close the windows properly, so that they save their state. */
  for (GList *l = windows; l != NULL;)
    {
      GList *next = l->next;

      gtk_window_close (GTK_WINDOW (l->data));
      l = next;
    }
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  SilaApplication *self = SILA_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  SilaPreferencesWindow *prefs;

  if (self->session == NULL)
    return;

  prefs = sila_preferences_window_new (parent, self->session);
  gtk_window_set_application (GTK_WINDOW (prefs), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (prefs));
}

static void
switch_user_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  SilaApplication *self = SILA_APPLICATION (user_data);

  if (self->store == NULL)
    return;

  sila_application_end_session (self);
  sila_application_show_sign_in (self);
}

static void
password_changed_cb (SilaApplication    *self,
                     SilaPasswordWindow *window)
{
  sila_application_add_toast_everywhere (self, _("Your password was changed."));
}

static void
change_password_action (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  SilaApplication *self = SILA_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  SilaPasswordWindow *window;

  if (self->session == NULL || sila_actor_is_owner (sila_session_get_actor (self->session)))
    return;

  window = sila_password_window_new (parent, self->store, sila_session_get_actor (self->session),
                                     FALSE);
  g_signal_connect_object (window, "changed", G_CALLBACK (password_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
}

static void
audit_trail_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  SilaApplication *self = SILA_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  SilaAuditWindow *window;

  if (self->session == NULL || !sila_session_can (self->session, SILA_PERM_AUDIT_VIEW))
    return;

  window = sila_audit_window_new (parent, self->session);
  gtk_window_set_application (GTK_WINDOW (window), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (window));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  SilaApplication *self = SILA_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-icon", APP_ID,
                        "application-name", _("Sila Desk"),
                        "developer-name", _("Sila Desk developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("The beneficiary-relations office of a charity: "
                                      "beneficiary files, support requests, satisfaction "
                                      "surveys and reports for the board."),
                        /* The app's own words: libadwaita's GPL text has no
                         * Arabic catalogue on Debian 12. */
                        "license-type", GTK_LICENSE_CUSTOM,
                        "license", _("Sila Desk is free software: you can share and change it "
                                     "under the GNU General Public License, version 3 or any "
                                     "later version. It comes with absolutely no warranty. See "
                                     "<a href=\"https://www.gnu.org/licenses/gpl-3.0.html\">the "
                                     "GNU General Public License</a> for the details."),
                        "translator-credits", _("translator-credits"),
                        NULL);
  sila_adw_words_apply (about);
  gtk_window_present (GTK_WINDOW (about));
}

/* Closes this instance; main() then starts it again, in the newly chosen
 * language, once this one has left the session bus. */
static gboolean
restart_idle_cb (gpointer user_data)
{
  SilaApplication *self = SILA_APPLICATION (user_data);

  quit_action (NULL, NULL, self);
  g_application_quit (G_APPLICATION (self));
  return G_SOURCE_REMOVE;
}

static void
restart_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  SilaApplication *self = SILA_APPLICATION (user_data);

  /* The windows close once the click that asked for this is over: the
   * button is on Preferences' toast, and destroying that window from inside
   * its own click left the toast and its gesture working on freed objects. */
  self->restart_requested = TRUE;
  g_idle_add_full (G_PRIORITY_DEFAULT, restart_idle_cb, g_object_ref (self), g_object_unref);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "preferences", preferences_action },
  { "about", about_action },
  { "restart", restart_action },
  { "lock", sila_application_lock_action },
  { "switch-user", switch_user_action },
  { "change-password", change_password_action },
  { "audit-trail", audit_trail_action },
  { "restore", sila_application_restore_action, "s" },
  { "open-server", sila_application_open_server_action },
};

void
sila_application_add_actions (SilaApplication *self)
{
  GtkApplication *gtk_app = GTK_APPLICATION (self);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions),
                                   self);
  gtk_application_set_accels_for_action (gtk_app, "app.quit",
                                         (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (gtk_app, "app.preferences",
                                         (const char *[]) { "<Control>comma", NULL });
  gtk_application_set_accels_for_action (gtk_app, "app.lock",
                                         (const char *[]) { "<Control>l", NULL });
  gtk_application_set_accels_for_action (gtk_app, "win.show-help-overlay",
                                         (const char *[]) { "<Control>question", NULL });
  gtk_application_set_accels_for_action (gtk_app, "win.help", (const char *[]) { "F1", NULL });
}

/* Which actions the person signed in, if anyone, may use. */
void
sila_application_update_actions (SilaApplication *self)
{
  const SilaActor *actor = self->session != NULL ? sila_session_get_actor (self->session) : NULL;
  gboolean staff = actor != NULL && !sila_actor_is_owner (actor);
  const char *staff_actions[] = { "lock", "switch-user", "change-password" };

  for (guint i = 0; i < G_N_ELEMENTS (staff_actions); i++)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self),
                                                                              staff_actions[i])),
                                 staff);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self),
                                                                            "audit-trail")),
                               self->session != NULL &&
                               sila_session_can (self->session, SILA_PERM_AUDIT_VIEW));
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self),
                                                                            "preferences")),
                               self->session != NULL);
}
