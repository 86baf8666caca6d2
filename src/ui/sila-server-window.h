/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sila-types.h"

G_BEGIN_DECLS

#define SILA_TYPE_SERVER_WINDOW (sila_server_window_get_type ())
G_DECLARE_FINAL_TYPE (SilaServerWindow, sila_server_window, SILA, SERVER_WINDOW, AdwWindow)

/* "Open Office Server…": where the office's database server is, checked
 * beside each field, then a connection made in a thread while the window
 * stays live. Emits ::opened (the store, the keyword string without a
 * password, and the password typed) when the store is open; why it could
 * not connect is shown beside the field at fault. */
SilaServerWindow *sila_server_window_new     (GtkWindow        *parent,
                                              const char       *last_conninfo);
/* Fills the password (from the keyring) and connects at once. */
void              sila_server_window_connect_with (SilaServerWindow *self,
                                                   const char       *password);

G_END_DECLS
