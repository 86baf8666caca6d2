/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by the application (sila-application.c: the database, start-up,
 * sign-in and sessions), its actions and accelerators
 * (sila-application-actions.c), the daily backup and restore
 * (sila-application-backups.c) and the idle lock (sila-application-lock.c). */
#pragma once

#include "sila-application.h"
#include "sila-window.h"

G_BEGIN_DECLS

struct _SilaApplication
{
  AdwApplication   parent_instance;

  char            *database_path;  /* from --database, or NULL */
  SilaStore       *store;          /* the open database, signed in to or not */
  SilaSession     *session;        /* who works on it, once someone does */
  SilaIdleMonitor *idle;
  guint            backup_timer_id;
  GCancellable    *backup_cancellable;
  gboolean         backup_running;
  char            *last_backup_problem;
  gboolean         restore_running;
  gboolean         restart_requested;
};

/* In sila-application.c */
void sila_application_open_database         (SilaApplication *self,
                                             const char      *path,
                                             gboolean         remember);
void sila_application_adopt_store          (SilaApplication *self,
                                             SilaStore       *store,
                                             const char      *location,
                                             gboolean         remember);
void sila_application_show_sign_in          (SilaApplication *self);
void sila_application_end_session           (SilaApplication *self);
void sila_application_close_all_windows     (SilaApplication *self);
void sila_application_add_toast_everywhere  (SilaApplication *self,
                                             const char      *text);

/* In sila-application-actions.c: every app action and its accelerator. */
void sila_application_add_actions           (SilaApplication *self);
void sila_application_update_actions        (SilaApplication *self);

/* In sila-application-backups.c: "app.restore". */
void sila_application_schedule_backups      (SilaApplication *self);
void sila_application_restore_action        (GSimpleAction   *action,
                                             GVariant        *parameter,
                                             gpointer         user_data);

/* In sila-application-server.c: "app.open-server", and opening the server
 * remembered from the last time, with its password from the keyring. */
gboolean sila_application_is_remembered_server (const char     *location);
void sila_application_open_server           (SilaApplication *self,
                                             const char      *conninfo);
void sila_application_open_server_action    (GSimpleAction   *action,
                                             GVariant        *parameter,
                                             gpointer         user_data);

/* In sila-application-lock.c: "app.lock". */
void sila_application_watch_idle            (SilaApplication *self);
void sila_application_configure_idle_lock   (SilaApplication *self);
void sila_application_watch_unlock          (SilaApplication *self,
                                             SilaWindow      *window);
void sila_application_lock_action           (GSimpleAction   *action,
                                             GVariant        *parameter,
                                             gpointer         user_data);

G_END_DECLS
