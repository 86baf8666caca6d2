/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the copy (sila-store-copy.c) and its checks (sila-store-copy-check.c)
 * share. */
#pragma once

#include "sila-store-copy.h"

G_BEGIN_DECLS

gboolean sila_store_copy_count_rows (SilaStore   *self,
                                     const char  *table,
                                     gint64      *count,
                                     GError     **error);
gboolean sila_store_copy_is_key_value_table (const char *table);
gboolean sila_store_copy_compare    (SilaStore       *source,
                                     SilaStore       *target,
                                     SilaCopyResult  *result,
                                     GError         **error);

G_END_DECLS
