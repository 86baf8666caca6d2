/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sila-store.h"

G_BEGIN_DECLS

#define SILA_TYPE_SETUP_WINDOW (sila_setup_window_get_type ())
G_DECLARE_FINAL_TYPE (SilaSetupWindow, sila_setup_window, SILA, SETUP_WINDOW, AdwApplicationWindow)

/* The first start on a database with no staff account: the association's
 * name and the first administrator; or, for a laptop used by one person,
 * the choice to work without accounts. Emits ::finished with the actor to
 * open the main window as. */
SilaSetupWindow *sila_setup_window_new (GtkApplication *application,
                                        SilaStore      *store);

G_END_DECLS
