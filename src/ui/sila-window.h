/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sila-session.h"
#include "sila-sign-in-page.h"

G_BEGIN_DECLS

#define SILA_TYPE_WINDOW (sila_window_get_type ())
G_DECLARE_FINAL_TYPE (SilaWindow, sila_window, SILA, WINDOW, AdwApplicationWindow)

SilaWindow  *sila_window_new                 (GtkApplication *application,
                                              SilaSession    *session);
SilaSession *sila_window_get_session         (SilaWindow     *self);
gboolean     sila_window_show_section        (SilaWindow     *self,
                                              const char     *section_id);
const char  *sila_window_get_visible_section (SilaWindow     *self);
GtkWidget   *sila_window_get_section_page    (SilaWindow     *self,
                                              const char     *section_id);
gboolean     sila_window_show_request        (SilaWindow     *self,
                                              const char     *request_id);
void         sila_window_add_toast           (SilaWindow     *self,
                                              AdwToast       *toast);
void         sila_window_lock                (SilaWindow     *self);
void         sila_window_unlock              (SilaWindow     *self);
gboolean     sila_window_is_locked           (SilaWindow     *self);
SilaSignInPage *sila_window_get_lock_page    (SilaWindow     *self);

G_END_DECLS
