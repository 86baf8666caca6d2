/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sila-session.h"

G_BEGIN_DECLS

#define SILA_TYPE_RETENTION_ROW (sila_retention_row_get_type ())
G_DECLARE_FINAL_TYPE (SilaRetentionRow, sila_retention_row, SILA, RETENTION_ROW, AdwActionRow)

/* Preferences → Personal data: how many closed files are past the
 * retention period, and the administrator's button to anonymize them. */
GtkWidget *sila_retention_row_new        (SilaSession      *session);
guint      sila_retention_row_get_count  (SilaRetentionRow *self);
gboolean   sila_retention_row_anonymize  (SilaRetentionRow *self);

G_END_DECLS
