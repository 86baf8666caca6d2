/* SPDX-License-Identifier: GPL-3.0-or-later */
/* For tests/test_durability.py: saves through the store as fast as it can,
 * each save one transaction of several rows, and prints the number of each
 * save on stdout once its commit returned, until it is killed.
 *
 * usage: sila-save-stream DATABASE FIRST-NUMBER */
#include "sila-config.h"

#include <stdio.h>
#include <stdlib.h>

#include "sila-i18n.h"
#include "sila-store-private.h"

#define ROWS_PER_SAVE 3

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaStore) store = NULL;
  g_autoptr(SilaActor) owner = sila_actor_new_owner ();
  gint64 number;

  if (argc != 3)
    {
      fprintf (stderr, "usage: %s DATABASE FIRST-NUMBER\n", argv[0]);
      return 2;
    }

  sila_i18n_init (SILA_LANGUAGE_ENGLISH);
  number = g_ascii_strtoll (argv[2], NULL, 10);

  store = sila_store_open (argv[1], SILA_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }

  for (;; number++)
    {
      g_autoptr(SilaTransaction) tx = sila_transaction_begin (store, &error);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, number);
      gint64 counter;

      if (tx == NULL || !sila_store_next_number (store, "save", &counter, &error))
        break;

      for (int row = 0; row < ROWS_PER_SAVE; row++)
        {
          g_autofree char *summary = g_strdup_printf ("save %s, part %d of %d, counter %"
                                                      G_GINT64_FORMAT,
                                                      id, row + 1, ROWS_PER_SAVE, counter);

          if (!sila_store_audit (store, owner, "create", "save", id, summary, NULL, NULL, &error))
            break;
        }
      if (error != NULL || !sila_transaction_commit (tx, &error))
        break;

      /* Acknowledged: the save is on the disk. */
      printf ("%s\n", id);
      fflush (stdout);
    }

  fprintf (stderr, "%s\n", error->message);
  return 1;
}
