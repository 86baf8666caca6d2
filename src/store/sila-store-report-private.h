/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by the store's report files. */
#pragma once

#include "sila-store-private.h"
#include "sila-store-report.h"

G_BEGIN_DECLS

/* The schema step of the reports (in the migrations of
 * sila-store-schema.c). */
gboolean  sila_store_migrate_reports   (SilaStore    *self,
                                        GError      **error);
gboolean  sila_store_migrate_new_files_index (SilaStore  *self,
                                              GError    **error);

/* The UTC instants at which local day @date begins, and the day after it
 * begins, as stored timestamps ("2026-02-28T21:00:00.000Z"). */
char     *sila_store_report_day_start  (const GDate  *date);
char     *sila_store_report_day_end    (const GDate  *date);

G_END_DECLS
