/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SILA_TYPE_PROBLEM_WINDOW (sila_problem_window_get_type ())
G_DECLARE_FINAL_TYPE (SilaProblemWindow, sila_problem_window, SILA, PROBLEM_WINDOW,
                      AdwApplicationWindow)

/* Shown instead of the main window when the database cannot be opened: says
 * why in plain words and offers another file. Emits ::database-chosen. */
SilaProblemWindow *sila_problem_window_new         (GtkApplication    *application,
                                                    const GError      *error);
const char        *sila_problem_window_get_message (SilaProblemWindow *self);

G_END_DECLS
