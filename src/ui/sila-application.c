/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-ui"

#include "sila-config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "sila-application.h"
#include "sila-i18n.h"
#include "sila-paths.h"
#include "sila-preferences-window.h"
#include "sila-problem-window.h"
#include "sila-settings.h"
#include "sila-window.h"

struct _SilaApplication
{
  AdwApplication  parent_instance;

  char           *database_path;  /* from --database, or NULL */
  SilaSession    *session;
  gboolean        restart_requested;
};

G_DEFINE_FINAL_TYPE (SilaApplication, sila_application, ADW_TYPE_APPLICATION)

static void open_database (SilaApplication *self,
                           const char      *path,
                           gboolean         remember);

/* The database to open when none was named: the last one the user chose in
 * the app, else the default one in their private data folder. */
static char *
choose_database_path (SilaApplication  *self,
                      GError          **error)
{
  GSettings *settings = sila_settings_get ();
  g_autofree char *dir = NULL;

  if (self->database_path != NULL)
    return g_strdup (self->database_path);

  if (settings != NULL)
    {
      g_autofree char *last = g_settings_get_string (settings, "last-database");

      if (*last != '\0' && g_file_test (last, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&last);
    }

  dir = sila_paths_get_data_dir ();
  if (!sila_paths_ensure_private_dir (dir, error))
    return NULL;

  return sila_paths_get_default_database ();
}

/* A database with no staff accounts acts as its owner, as one laptop
 * starts out. */
static SilaActor *
resolve_actor (SilaStore  *store,
               GError    **error)
{
  gint64 n_staff = 0;

  if (!sila_store_count_staff (store, &n_staff, error))
    return NULL;

  if (n_staff == 0)
    return sila_actor_new_owner ();

  g_set_error_literal (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DENIED,
                       _("This database has staff accounts, and signing in is not available "
                         "in this version of Sila Desk."));
  return NULL;
}

/* A database created just now takes this computer's default answer window. */
static void
apply_new_database_defaults (SilaStore       *store,
                             const SilaActor *actor)
{
  GSettings *settings = sila_settings_get ();
  g_autofree char *current = NULL;
  g_autofree char *days = NULL;
  g_autoptr(GError) error = NULL;

  if (settings == NULL || !sila_store_was_created (store) ||
      !sila_actor_can (actor, SILA_PERM_SETTINGS_EDIT))
    return;

  current = sila_store_get_setting (store, SILA_SETTING_ANSWER_WINDOW, NULL);
  days = g_strdup_printf ("%u", g_settings_get_uint (settings, "answer-window-days"));
  if (!sila_store_set_setting (store, actor, SILA_SETTING_ANSWER_WINDOW, current, days, &error))
    g_message ("The answer window of the new database was not set: %s", error->message);
}

static void
problem_database_chosen_cb (SilaApplication   *self,
                            const char        *path,
                            SilaProblemWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  open_database (self, path, TRUE);
}

static void
show_problem (SilaApplication *self,
              const GError    *error)
{
  SilaProblemWindow *window = sila_problem_window_new (GTK_APPLICATION (self), error);

  g_signal_connect_object (window, "database-chosen",
                           G_CALLBACK (problem_database_chosen_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
}

/* For bench/ only: report the first frame drawn (microseconds since the
 * process started, and resident memory), then quit. Set by bench/run.py with
 * SILA_BENCH_EXIT_AFTER_DRAW=1; SILA_BENCH_SECTION opens a section first. */
static void
bench_after_paint_cb (GdkFrameClock *clock,
                      GtkWidget     *window)
{
  g_autofree char *status = NULL;
  const char *rss = NULL;

  g_signal_handlers_disconnect_by_func (clock, bench_after_paint_cb, window);

  if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    rss = strstr (status, "VmRSS:");
  g_print ("first-frame-usec %" G_GINT64_FORMAT "\nrss-kb %ld\n",
           g_get_monotonic_time (), rss != NULL ? strtol (rss + 6, NULL, 10) : -1L);
  g_application_quit (g_application_get_default ());
}

static void
bench_map_cb (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (bench_after_paint_cb), window);
}

static void
open_database (SilaApplication *self,
               const char      *path,
               gboolean         remember)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaStore) store = NULL;
  g_autofree char *chosen = NULL;
  SilaActor *actor;
  SilaWindow *window;

  chosen = path != NULL ? g_strdup (path) : choose_database_path (self, &error);
  if (chosen == NULL)
    {
      show_problem (self, error);
      return;
    }

  store = sila_store_open (chosen, SILA_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    {
      show_problem (self, error);
      return;
    }

  actor = resolve_actor (store, &error);
  if (actor == NULL)
    {
      show_problem (self, error);
      return;
    }

  apply_new_database_defaults (store, actor);

  if (remember && sila_settings_get () != NULL)
    g_settings_set_string (sila_settings_get (), "last-database", chosen);

  g_clear_object (&self->session);
  self->session = sila_session_new (store, actor);
  sila_session_watch (self->session, 2000);

  window = sila_window_new (GTK_APPLICATION (self), self->session);
  if (g_getenv ("SILA_BENCH_EXIT_AFTER_DRAW") != NULL)
    {
      if (g_getenv ("SILA_BENCH_SECTION") != NULL)
        sila_window_show_section (window, g_getenv ("SILA_BENCH_SECTION"));
      g_signal_connect (window, "map", G_CALLBACK (bench_map_cb), NULL);
    }
  gtk_window_present (GTK_WINDOW (window));
}

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
  gtk_window_present (GTK_WINDOW (prefs));
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
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

/* Closes this instance; main() then starts it again, in the newly chosen
 * language, once this one has left the session bus. */
static void
restart_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  SilaApplication *self = SILA_APPLICATION (user_data);

  self->restart_requested = TRUE;
  quit_action (NULL, NULL, self);
  g_application_quit (G_APPLICATION (self));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "preferences", preferences_action },
  { "about", about_action },
  { "restart", restart_action },
};

static void
sila_application_startup (GApplication *application)
{
  SilaApplication *self = SILA_APPLICATION (application);
  GtkApplication *gtk_app = GTK_APPLICATION (application);

  G_APPLICATION_CLASS (sila_application_parent_class)->startup (application);

  /* gtk_init() set the direction from the system locale; the app's language
   * decides instead (PLATFORM.md). */
  gtk_widget_set_default_direction (sila_i18n_is_rtl () ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions),
                                   self);
  gtk_application_set_accels_for_action (gtk_app, "app.quit",
                                         (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (gtk_app, "app.preferences",
                                         (const char *[]) { "<Control>comma", NULL });
  gtk_application_set_accels_for_action (gtk_app, "win.show-help-overlay",
                                         (const char *[]) { "<Control>question", NULL });
  gtk_window_set_default_icon_name (APP_ID);
}

static void
sila_application_activate (GApplication *application)
{
  SilaApplication *self = SILA_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  open_database (self, self->database_path, FALSE);
}

static void
sila_application_dispose (GObject *object)
{
  SilaApplication *self = (SilaApplication *)object;

  g_clear_object (&self->session);

  G_OBJECT_CLASS (sila_application_parent_class)->dispose (object);
}

static void
sila_application_finalize (GObject *object)
{
  SilaApplication *self = (SilaApplication *)object;

  g_free (self->database_path);

  G_OBJECT_CLASS (sila_application_parent_class)->finalize (object);
}

static void
sila_application_class_init (SilaApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = sila_application_dispose;
  object_class->finalize = sila_application_finalize;
  app_class->startup = sila_application_startup;
  app_class->activate = sila_application_activate;
}

static void
sila_application_init (SilaApplication *self)
{
}

/* @database_path: the database named on the command line, or NULL.
 * A named database runs in its own instance; otherwise a second start
 * brings the running window forward. */
SilaApplication *
sila_application_new (const char *database_path)
{
  SilaApplication *self;

  self = g_object_new (SILA_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", database_path != NULL ? G_APPLICATION_NON_UNIQUE
                                                      : G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
  self->database_path = g_strdup (database_path);

  return self;
}

gboolean
sila_application_get_restart_requested (SilaApplication *self)
{
  g_return_val_if_fail (SILA_IS_APPLICATION (self), FALSE);

  return self->restart_requested;
}
