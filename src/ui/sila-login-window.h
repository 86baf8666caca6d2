/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sila-sign-in-page.h"

G_BEGIN_DECLS

#define SILA_TYPE_LOGIN_WINDOW (sila_login_window_get_type ())
G_DECLARE_FINAL_TYPE (SilaLoginWindow, sila_login_window, SILA, LOGIN_WINDOW, AdwApplicationWindow)

/* The first window on a database that has staff accounts: nothing of the
 * office's data is shown until someone signs in. */
SilaLoginWindow *sila_login_window_new      (GtkApplication  *application,
                                             SilaStore       *store);
SilaSignInPage  *sila_login_window_get_page (SilaLoginWindow *self);
SilaStore       *sila_login_window_get_store (SilaLoginWindow *self);

G_END_DECLS
