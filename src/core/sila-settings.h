/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The user's preferences (GSettings): language, window size, last database.
 * Office policy lives in the database instead (sila-policy.h). */
GSettings *sila_settings_get          (void);
char      *sila_settings_get_language (void);

G_END_DECLS
