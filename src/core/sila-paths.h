/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *sila_paths_get_data_dir         (void);
char     *sila_paths_get_default_database (void);
gboolean  sila_paths_ensure_private_dir   (const char  *dir,
                                           GError     **error);

G_END_DECLS
