/* SPDX-License-Identifier: GPL-3.0-or-later */
/* How an import is run: checked only or for real, which sheet of a
 * workbook, who is told how far it is, and how it is stopped. The store's
 * import loops take these options and call sila_import_ticker_tick() after
 * each row, so that the window (a progress bar, a Stop button) and the
 * command line (a line on a terminal) follow the same loops without
 * either of them below src/ui or src/app.
 *
 * Stopping: once @cancellable is cancelled, the next tick fails with
 * G_IO_ERROR_CANCELLED and the store's loop returns without committing,
 * so the import's one transaction rolls back and nothing of it is kept. */
#pragma once

#include <gio/gio.h>

#include "sila-table-reader.h"

G_BEGIN_DECLS

/* @fraction: 0 to 1, how much of the file was read; @rows: data rows
 * handled so far. Called on the thread that runs the import, at most
 * about ten times a second, always for the first row and once at the
 * end (1.0). */
typedef void (*SilaImportProgressFunc) (double   fraction,
                                        guint    rows,
                                        gpointer user_data);

typedef struct {
  gboolean                dry_run;        /* check every row, keep nothing */
  const char             *sheet;          /* a workbook's sheet by name; NULL: the first */
  SilaImportProgressFunc  progress;       /* or NULL */
  gpointer                progress_data;
  GCancellable           *cancellable;    /* or NULL */
} SilaImportOptions;

typedef struct {
  const SilaImportOptions *options;
  SilaTableReader         *reader;        /* for the fraction read, or NULL */
  guint                    rows;
  guint                    total;         /* when known instead of a reader, else 0 */
  gint64                   last_call;
} SilaImportTicker;

void     sila_import_ticker_init   (SilaImportTicker        *ticker,
                                    const SilaImportOptions *options,
                                    SilaTableReader         *reader,
                                    guint                    total);
/* One more row: tells the progress function when it is time, and FALSE
 * with G_IO_ERROR_CANCELLED ("The import was stopped…") once stopped. */
gboolean sila_import_ticker_tick   (SilaImportTicker        *ticker,
                                    GError                 **error);
/* The end: the progress function hears 1.0. */
void     sila_import_ticker_finish (SilaImportTicker        *ticker);

/* FALSE with the same error when @options' cancellable was cancelled. */
gboolean sila_import_check_stopped (const SilaImportOptions *options,
                                    GError                 **error);

G_END_DECLS
