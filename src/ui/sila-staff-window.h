/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sila-session.h"
#include "sila-store-staff.h"

G_BEGIN_DECLS

#define SILA_TYPE_STAFF_WINDOW (sila_staff_window_get_type ())
G_DECLARE_FINAL_TYPE (SilaStaffWindow, sila_staff_window, SILA, STAFF_WINDOW, AdwWindow)

/* An administrator adds a staff account (@staff NULL) or changes one: name,
 * roles, deactivation, a new password. Emits ::saved after each change. */
SilaStaffWindow *sila_staff_window_new (GtkWindow       *parent,
                                        SilaSession     *session,
                                        const SilaStaff *staff);

G_END_DECLS
