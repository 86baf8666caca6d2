/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Several desks saving at once on one database: N processes, each opening
 * its own store on DB (a server's URI or keyword string, or a file) and
 * saving M new beneficiary files, each save timed. Prints the median and
 * the 95th percentile of a save over all desks, and checks afterwards that
 * every acknowledged save is there with gapless file numbers.
 *
 *   bench-desks DB [DESKS] [SAVES]
 *
 * The writers' lock serializes saves, so the 95th percentile grows with
 * the number of desks: this measures whether ten desks stay within issue
 * 14's 50 ms. */
#define G_LOG_DOMAIN "sila-bench"

#include "sila-config.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sila-beneficiary.h"
#include "sila-national-id.h"
#include "sila-store-beneficiaries.h"
#include "sila-store.h"

static int
compare (const void *a,
         const void *b)
{
  gint64 x = *(const gint64 *)a, y = *(const gint64 *)b;

  return x < y ? -1 : x > y;
}

/* One desk: @saves files, the microseconds of each written to @out. */
static int
desk (const char *location,
      int         number,
      int         saves,
      int         out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaStore) store = sila_store_open (location, SILA_STORE_OPEN_MUST_EXIST, &error);
  g_autoptr(SilaActor) owner = sila_actor_new_owner ();

  if (store == NULL)
    {
      g_printerr ("desk %d: %s\n", number, error->message);
      return 1;
    }

  for (int i = 0; i < saves; i++)
    {
      g_autoptr(SilaBeneficiary) file = sila_beneficiary_new ();
      g_autofree char *nine = g_strdup_printf ("1%02d%06d", number, i);
      gint64 start;
      gint64 took;

      file->id_type = SILA_ID_TYPE_NATIONAL_ID;
      file->id_number = g_strdup_printf ("%s%c", nine, sila_national_id_check_digit (nine));
      g_free (file->name[0]);
      file->name[0] = g_strdup ("نورة");
      g_free (file->name[1]);
      file->name[1] = g_strdup ("عبدالله");
      g_free (file->name[3]);
      file->name[3] = g_strdup ("الحربي");
      file->gender = g_strdup ("female");
      g_free (file->consent);
      file->consent = g_strdup ("given");

      start = g_get_monotonic_time ();
      if (!sila_store_create_beneficiary (store, owner, file, NULL, &error))
        {
          g_printerr ("desk %d: %s\n", number, error->message);
          return 1;
        }
      took = g_get_monotonic_time () - start;
      if (write (out, &took, sizeof took) != sizeof took)
        return 1;
    }
  return 0;
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaStore) store = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (gint64));
  int desks = argc > 2 ? atoi (argv[2]) : 10;
  int saves = argc > 3 ? atoi (argv[3]) : 50;
  int failed = 0;
  int fds[2];
  gint64 took;

  if (argc < 2 || desks < 1 || saves < 1)
    {
      g_printerr ("usage: bench-desks DB [DESKS] [SAVES]\n");
      return 2;
    }

  /* The database is made (or brought up to date) once, before the desks. */
  store = sila_store_open (argv[1], SILA_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_clear_object (&store);

  if (pipe (fds) != 0)
    return 1;
  for (int d = 0; d < desks; d++)
    if (fork () == 0)
      {
        close (fds[0]);
        /* A forked desk would draw the same file ids as its siblings. */
        g_random_set_seed ((guint32)getpid () ^ (guint32)g_get_monotonic_time ());
        _exit (desk (argv[1], d, saves, fds[1]));
      }
  close (fds[1]);
  while (read (fds[0], &took, sizeof took) == sizeof took)
    g_array_append_val (times, took);
  for (int d = 0; d < desks; d++)
    {
      int status = 0;

      wait (&status);
      failed += !WIFEXITED (status) || WEXITSTATUS (status) != 0;
    }

  g_array_sort (times, compare);
  if (times->len == 0)
    return 1;
  printf ("engine: %s\ndesks: %d\nsaves: %u\nsave_median_ms: %.1f\nsave_p95_ms: %.1f\n"
          "save_max_ms: %.1f\n",
          sila_store_location_is_server (argv[1]) ? "postgresql" : "sqlite", desks, times->len,
          g_array_index (times, gint64, times->len / 2) / 1000.0,
          g_array_index (times, gint64, (times->len * 95) / 100) / 1000.0,
          g_array_index (times, gint64, times->len - 1) / 1000.0);

  /* Nothing lost, nothing duplicated, no gap. */
  store = sila_store_open (argv[1], SILA_STORE_OPEN_MUST_EXIST, &error);
  if (store == NULL)
    return 1;
  {
    g_autoptr(SilaActor) owner = sila_actor_new_owner ();
    gint64 count = 0;

    if (!sila_store_count_beneficiaries (store, owner, &count, &error))
      {
        g_printerr ("%s\n", error->message);
        return 1;
      }
    printf ("files_saved: %" G_GINT64_FORMAT " (acknowledged %u)\n", count, times->len);
    failed += count != (gint64)times->len;
  }
  return failed != 0;
}
