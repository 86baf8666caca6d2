/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sila-store.h"

G_BEGIN_DECLS

#define SILA_TYPE_PASSWORD_WINDOW (sila_password_window_get_type ())
G_DECLARE_FINAL_TYPE (SilaPasswordWindow, sila_password_window, SILA, PASSWORD_WINDOW, AdwWindow)

/* Changing one's own password; @forced after an administrator reset it,
 * when nothing else may be done first. Emits ::changed once saved. */
SilaPasswordWindow *sila_password_window_new (GtkWindow       *parent,
                                              SilaStore       *store,
                                              const SilaActor *actor,
                                              gboolean         forced);

G_END_DECLS
