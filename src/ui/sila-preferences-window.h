/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sila-session.h"

G_BEGIN_DECLS

#define SILA_TYPE_PREFERENCES_WINDOW (sila_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (SilaPreferencesWindow, sila_preferences_window, SILA, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

SilaPreferencesWindow *sila_preferences_window_new (GtkWindow   *parent,
                                                    SilaSession *session);

void                   sila_preferences_window_set_backup_folder (SilaPreferencesWindow *self,
                                                                  const char            *path);
void                   sila_preferences_window_ask_restore       (SilaPreferencesWindow *self,
                                                                  const char            *path);

G_END_DECLS
