/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-core"

#include "sila-config.h"

#include <glib/gi18n-lib.h>

#include "sila-import-progress.h"

/* Often enough for a bar to move smoothly, rarely enough to cost nothing
 * on a 100,000-row file. */
#define TICK_INTERVAL_US (100 * 1000)

void
sila_import_ticker_init (SilaImportTicker        *ticker,
                         const SilaImportOptions *options,
                         SilaTableReader         *reader,
                         guint                    total)
{
  g_return_if_fail (ticker != NULL);

  *ticker = (SilaImportTicker) {
    .options = options, .reader = reader, .total = total, .last_call = 0,
  };
}

gboolean
sila_import_check_stopped (const SilaImportOptions *options,
                           GError                 **error)
{
  if (options == NULL || options->cancellable == NULL ||
      !g_cancellable_is_cancelled (options->cancellable))
    return TRUE;

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                       _("The import was stopped: nothing of the file was imported."));
  return FALSE;
}

static double
fraction (SilaImportTicker *ticker)
{
  if (ticker->reader != NULL)
    return sila_table_reader_get_fraction (ticker->reader);
  if (ticker->total > 0)
    return MIN (1.0, (double)ticker->rows / (double)ticker->total);
  return 0.0;
}

gboolean
sila_import_ticker_tick (SilaImportTicker  *ticker,
                         GError           **error)
{
  const SilaImportOptions *options;
  gint64 now;

  g_return_val_if_fail (ticker != NULL, FALSE);

  options = ticker->options;
  ticker->rows++;
  if (options == NULL)
    return TRUE;

  if (options->progress != NULL)
    {
      now = g_get_monotonic_time ();
      if (ticker->rows == 1 || now - ticker->last_call >= TICK_INTERVAL_US)
        {
          ticker->last_call = now;
          options->progress (fraction (ticker), ticker->rows, options->progress_data);
        }
    }

  return sila_import_check_stopped (options, error);
}

void
sila_import_ticker_finish (SilaImportTicker *ticker)
{
  g_return_if_fail (ticker != NULL);

  if (ticker->options != NULL && ticker->options->progress != NULL)
    ticker->options->progress (1.0, ticker->rows, ticker->options->progress_data);
}
