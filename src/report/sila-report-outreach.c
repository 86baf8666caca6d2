/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-report"

#include "sila-config.h"

#include <math.h>

#include "sila-report-outreach.h"
#include "sila-store-outreach.h"

static void
item_free (SilaReportItem *item)
{
  g_free (item->key);
  g_free (item->label);
  g_free (item);
}

static gboolean
reached (const SilaReportOutreach *row)
{
  return row->outcome == SILA_OUTCOME_REACHED || row->outcome == SILA_OUTCOME_NONE;
}

gboolean
sila_report_count_outreach (SilaStore         *store,
                            const SilaActor   *actor,
                            const SilaPeriod  *period,
                            SilaFigureValue   *figures,
                            GPtrArray        **by_reason,
                            GError           **error)
{
  g_autoptr(GArray) rows = sila_store_report_outreach (store, actor, &period->start,
                                                       &period->end, error);
  g_autofree double *all = NULL;
  g_autofree double *per_reason = NULL;
  gint64 n_reached = 0;

  if (rows == NULL)
    return FALSE;

  all = g_new (double, MAX (rows->len, 1));
  per_reason = g_new (double, MAX (rows->len, 1));
  if (by_reason != NULL)
    *by_reason = g_ptr_array_new_with_free_func ((GDestroyNotify)item_free);

  for (int r = 0; r < SILA_N_OUTREACH_REASONS; r++)
    {
      SilaReportItem *item = NULL;
      guint n = 0;

      if (by_reason != NULL)
        {
          item = g_new0 (SilaReportItem, 1);
          item->key = g_strdup (sila_outreach_reason_to_code (r));
          item->label = g_strdup (sila_outreach_reason_to_display (r));
          item->mean = item->csat = item->nps = NAN;
          g_ptr_array_add (*by_reason, item);
        }
      for (guint i = 0; i < rows->len; i++)
        {
          const SilaReportOutreach *row = &g_array_index (rows, SilaReportOutreach, i);

          if (row->reason != (SilaOutreachReason)r)
            continue;
          per_reason[n++] = row->days;
          if (item != NULL)
            {
              item->count++;
              item->answered += reached (row);
            }
        }
      if (item != NULL)
        item->median = sila_report_median (per_reason, n);
    }

  for (guint i = 0; i < rows->len; i++)
    {
      const SilaReportOutreach *row = &g_array_index (rows, SilaReportOutreach, i);

      all[i] = row->days;
      n_reached += reached (row);
    }

  figures[SILA_FIGURE_OUTREACH_CONTACTS].count = rows->len;
  figures[SILA_FIGURE_OUTREACH_CONTACTS].value = rows->len;
  figures[SILA_FIGURE_OUTREACH_REACHED].value = rows->len > 0
                                                ? 100.0 * (double)n_reached / rows->len : NAN;
  figures[SILA_FIGURE_OUTREACH_DAYS].value = sila_report_median (all, rows->len);
  return TRUE;
}
