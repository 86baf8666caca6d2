/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The policy's eight channels for a drop-down or combo row, named in the
 * UI language, after "Not recorded" at position 0. */
GListModel *sila_ui_channel_model    (void);
/* The channel code at @position, or NULL for "Not recorded". */
const char *sila_ui_channel_code_at  (guint       position);
/* The position of @code (0 when NULL or unknown). */
guint       sila_ui_channel_position (const char *code);

G_END_DECLS
