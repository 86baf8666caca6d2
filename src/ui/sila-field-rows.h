/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sila-store-field.h"

G_BEGIN_DECLS

/* A row of a merge's summary: what, and how many. */
GtkWidget *sila_field_count_row (const char           *title,
                                 gint64                n);
/* A past merge, in the list of merges. */
GtkWidget *sila_field_merge_row (const SilaFieldMerge *m);

G_END_DECLS
