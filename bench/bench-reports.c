/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The board's report on a busy month, against raw libxlsxwriter.
 *
 *   bench-reports report DB PERIOD RUNS OUT.xlsx OUT.pdf
 *       times, each the median of RUNS: the figures alone; the figures and
 *       the workbook (everything `sila report --xlsx` does: queries,
 *       figures, formats, charts, print set-up, the register of every
 *       request, the audit entry); the figures and the PDF; and the
 *       workbook and the PDF alone, written from figures computed before.
 *   bench-reports raw CELLS.tsv RUNS OUT.xlsx
 *       the floor: the same cells (dumped from the report's workbook by
 *       bench/run.py, same sheets, strings, numbers and dates) written by
 *       bare libxlsxwriter — no formats, charts, print set-up or database.
 *
 * Prints "name milliseconds" lines. */
#include "sila-config.h"

#include <glib.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "sila-i18n.h"
#include "sila-period.h"
#include "sila-report-document.h"
#include "sila-report-figures.h"
#include "sila-report-workbook.h"

static int
compare (const void *a,
         const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

static double
median (double *v,
        guint   n)
{
  qsort (v, n, sizeof (double), compare);
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static int
bench_report (const char *db,
              const char *code,
              guint       runs,
              const char *xlsx,
              const char *pdf)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaStore) store = sila_store_open (db, SILA_STORE_OPEN_MUST_EXIST, &error);
  g_autoptr(SilaActor) actor = sila_actor_new_owner ();
  g_autofree double *figures_ms = g_new (double, runs);
  g_autofree double *xlsx_ms = g_new (double, runs);
  g_autofree double *pdf_ms = g_new (double, runs);
  g_autofree double *write_ms = g_new (double, runs);
  g_autofree double *draw_ms = g_new (double, runs);
  SilaPeriod period;
  gint64 received = 0;

  if (store == NULL || !sila_period_parse (code, &period, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  for (guint i = 0; i <= runs; i++)
    {
      SilaReportFigures *f;
      gint64 start;
      double a, b, c, d, e;

      start = g_get_monotonic_time ();
      f = sila_report_figures_compute (store, actor, &period, &error);
      a = ms_since (start);
      if (f == NULL)
        break;
      received = f->figures[SILA_FIGURE_REQUESTS_RECEIVED].count;
      sila_report_figures_free (f);

      start = g_get_monotonic_time ();
      f = sila_report_figures_compute (store, actor, &period, &error);
      if (f == NULL || !sila_report_write_xlsx (store, actor, f, xlsx, &error))
        break;
      b = ms_since (start);
      sila_report_figures_free (f);

      start = g_get_monotonic_time ();
      f = sila_report_figures_compute (store, actor, &period, &error);
      if (f == NULL || !sila_report_write_pdf (store, actor, f, pdf, &error))
        break;
      c = ms_since (start);

      /* The files alone, from figures already computed. */
      start = g_get_monotonic_time ();
      if (!sila_report_write_xlsx (store, actor, f, xlsx, &error))
        break;
      d = ms_since (start);
      start = g_get_monotonic_time ();
      if (!sila_report_write_pdf (store, actor, f, pdf, &error))
        break;
      e = ms_since (start);
      sila_report_figures_free (f);

      /* The first round warms the caches. */
      if (i > 0)
        {
          figures_ms[i - 1] = a;
          xlsx_ms[i - 1] = b;
          pdf_ms[i - 1] = c;
          write_ms[i - 1] = d;
          draw_ms[i - 1] = e;
        }
    }
  if (error != NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  printf ("requests %" G_GINT64_FORMAT "\n", received);
  printf ("figures-ms %.1f\n", median (figures_ms, runs));
  printf ("xlsx-ms %.1f\n", median (xlsx_ms, runs));
  printf ("pdf-ms %.1f\n", median (pdf_ms, runs));
  printf ("xlsx-write-ms %.1f\n", median (write_ms, runs));
  printf ("pdf-write-ms %.1f\n", median (draw_ms, runs));
  return 0;
}

/* One cell of the dump. */
typedef struct {
  guint  sheet;
  guint  row;
  guint  col;
  char   type;     /* s n d */
  char  *text;
  double number;
  lxw_datetime date;
} Cell;

static char *
unescape (const char *text)
{
  GString *s = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\\' && p[1] != '\0')
        {
          p++;
          g_string_append_c (s, *p == 'n' ? '\n' : *p == 't' ? '\t' : *p);
        }
      else
        g_string_append_c (s, *p);
    }
  return g_string_free (s, FALSE);
}

static int
bench_raw (const char *tsv,
           guint       runs,
           const char *out)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) sheets = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) cells = g_array_new (FALSE, TRUE, sizeof (Cell));
  g_autofree double *raw_ms = g_new (double, runs);
  guint n_cells;

  if (!g_file_get_contents (tsv, &contents, NULL, NULL))
    return 2;
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) f = g_strsplit (lines[i], "\t", 5);
      Cell cell = { 0 };

      if (g_strv_length (f) == 2 && g_str_equal (f[0], "#sheet"))
        {
          g_ptr_array_add (sheets, unescape (f[1]));
          continue;
        }
      if (g_strv_length (f) != 5)
        continue;
      cell.sheet = atoi (f[0]);
      cell.row = atoi (f[1]);
      cell.col = atoi (f[2]);
      cell.type = f[3][0];
      if (cell.type == 's')
        cell.text = unescape (f[4]);
      else if (cell.type == 'd')
        sscanf (f[4], "%d-%d-%d", &cell.date.year, &cell.date.month, &cell.date.day);
      else
        cell.number = g_ascii_strtod (f[4], NULL);
      g_array_append_val (cells, cell);
    }
  n_cells = cells->len;

  for (guint r = 0; r <= runs; r++)
    {
      gint64 start = g_get_monotonic_time ();
      lxw_workbook *wb = workbook_new (out);
      lxw_worksheet **ws = g_new0 (lxw_worksheet *, sheets->len);

      for (guint s = 0; s < sheets->len; s++)
        ws[s] = workbook_add_worksheet (wb, g_ptr_array_index (sheets, s));
      for (guint i = 0; i < n_cells; i++)
        {
          const Cell *c = &g_array_index (cells, Cell, i);

          if (c->type == 's')
            worksheet_write_string (ws[c->sheet], c->row, c->col, c->text, NULL);
          else if (c->type == 'd')
            worksheet_write_datetime (ws[c->sheet], c->row, c->col, (lxw_datetime *)&c->date,
                                      NULL);
          else
            worksheet_write_number (ws[c->sheet], c->row, c->col, c->number, NULL);
        }
      workbook_close (wb);
      g_free (ws);
      if (r > 0)
        raw_ms[r - 1] = ms_since (start);
    }

  printf ("cells %u\n", n_cells);
  printf ("raw-ms %.1f\n", median (raw_ms, runs));
  for (guint i = 0; i < n_cells; i++)
    g_free (g_array_index (cells, Cell, i).text);
  return 0;
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  setlocale (LC_NUMERIC, "C");

  if (argc == 7 && g_str_equal (argv[1], "report"))
    {
      sila_i18n_init (g_strcmp0 (g_getenv ("SILA_BENCH_LANG"), "en") == 0
                      ? SILA_LANGUAGE_ENGLISH : SILA_LANGUAGE_ARABIC);
      return bench_report (argv[2], argv[3], (guint)MAX (1, atoi (argv[4])), argv[5], argv[6]);
    }
  if (argc == 5 && g_str_equal (argv[1], "raw"))
    return bench_raw (argv[2], (guint)MAX (1, atoi (argv[3])), argv[4]);

  g_printerr ("usage: bench-reports report DB PERIOD RUNS OUT.xlsx OUT.pdf\n"
              "       bench-reports raw CELLS.tsv RUNS OUT.xlsx\n");
  return 2;
}
