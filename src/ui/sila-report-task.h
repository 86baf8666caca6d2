/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The report's slow work, off the main thread: the figures of a period,
 * and the workbook or PDF written from them. Each task opens a connection
 * of its own to the session's database (SQLite connections are not shared
 * between threads) and acts as the session's staff member, whose roles
 * the store checks again. ::stage reports on the main thread what the
 * task is doing, for the progress shown. */
#pragma once

#include <gio/gio.h>

#include "sila-report-figures.h"
#include "sila-session.h"

G_BEGIN_DECLS

typedef enum {
  SILA_REPORT_OUTPUT_NONE,   /* the figures only */
  SILA_REPORT_OUTPUT_XLSX,
  SILA_REPORT_OUTPUT_PDF,
} SilaReportOutput;

/* Called on the main thread as the task moves on: "Computing the figures…",
 * "Writing the workbook…"; @object is the @stage_object given, and the call
 * is skipped once it is finalized. */
typedef void (*SilaReportStageFunc) (const char *stage,
                                     gpointer    object);

void               sila_report_task_run_async  (SilaSession          *session,
                                                const SilaPeriod     *period,
                                                SilaReportOutput      output,
                                                const char           *path,
                                                SilaReportStageFunc   stage,
                                                gpointer              stage_object,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
/* The figures computed (also when a file was written), or NULL with the
 * error; G_IO_ERROR_CANCELLED once @cancellable was cancelled, whatever
 * the worker did: a caller that cancels in its dispose may pass itself,
 * unreferenced, as @user_data. */
SilaReportFigures *sila_report_task_run_finish (GAsyncResult         *result,
                                                GError              **error);

G_END_DECLS
