/* SPDX-License-Identifier: GPL-3.0-or-later */
/* For tests/test_desks.py and bench/: one desk of an office, working as
 * fast as it can on a shared database (a SQLite file or a PostgreSQL
 * server). Each operation prints one line on stdout once its commit
 * returned — the test later checks that every acknowledged line is in the
 * database — and how long the save took:
 *
 *   file ID NUMBER USEC        a new beneficiary's file
 *   request ID NUMBER USEC     a request opened for it
 *   moved ID USEC              that request withdrawn (checks its rev)
 *   edit REV USEC              the shared file's notes changed (checks rev)
 *   conflict                   another desk changed the shared file first
 *   unknown WHAT               a save tried again after the server went away,
 *                              then refused as already done: it may be ours
 *   found N USEC               a search as you type
 *
 * A failure other than a conflict (the server restarting, busy) is printed
 * on stderr in plain words and the operation tried again, up to a limit.
 *
 * usage: sila-desk-load DATABASE setup          prints the shared file's id
 *        sila-desk-load DATABASE DESK OPERATIONS SHARED-ID */
#include "sila-config.h"

#include <stdio.h>
#include <stdlib.h>

#include "sila-i18n.h"
#include "sila-national-id.h"
#include "sila-request-input.h"
#include "sila-store-beneficiaries.h"
#include "sila-store-requests.h"
#include "sila-store.h"

#define MAX_TRIES 200

static SilaStore *store;
static SilaActor *owner;

static gboolean
transient (const GError *error)
{
  return error->domain == SILA_STORE_ERROR &&
         (error->code == SILA_STORE_ERROR_BUSY || error->code == SILA_STORE_ERROR_CANNOT_OPEN ||
          error->code == SILA_STORE_ERROR_FAILED);
}

/* Runs @op until it succeeds, conflicts, or fails for good. @retried says
 * whether a try failed on the way: then a "duplicate" or "changed
 * meanwhile" may well be this desk's own earlier try, whose commit reached
 * the server while its answer was lost — the desk cannot know. */
static gboolean retried;

#define RETRY(op, error)                                                         \
  G_STMT_START {                                                                 \
    retried = FALSE;                                                             \
    for (int try_ = 0;; try_++)                                                  \
      {                                                                          \
        g_clear_error (&(error));                                                \
        if (op)                                                                  \
          break;                                                                 \
        if (!transient (error) || try_ == MAX_TRIES)                             \
          break;                                                                 \
        retried = TRUE;                                                          \
        fprintf (stderr, "retrying %s: %s\n", #op, (error)->message);           \
        g_usleep (50 * 1000);                                                    \
      }                                                                          \
  } G_STMT_END

/* After a retry, a refusal that may be our own earlier try: "unknown". */
static gboolean
outcome_unknown (const char *what,
                 GError    **error)
{
  if (!retried ||
      !(g_error_matches (*error, SILA_STORE_ERROR, SILA_STORE_ERROR_CONFLICT) ||
        g_error_matches (*error, SILA_STORE_ERROR, SILA_STORE_ERROR_DUPLICATE)))
    return FALSE;
  printf ("unknown %s\n", what);
  g_clear_error (error);
  return TRUE;
}

static SilaBeneficiary *
new_file (int desk,
          int n)
{
  SilaBeneficiary *file = sila_beneficiary_new ();
  g_autofree char *nine = g_strdup_printf ("1%02d%06d", desk, n);

  file->id_type = SILA_ID_TYPE_NATIONAL_ID;
  file->id_number = g_strdup_printf ("%s%c", nine, sila_national_id_check_digit (nine));
  g_free (file->name[0]);
  file->name[0] = g_strdup_printf ("مكتب%d", desk);
  g_free (file->name[1]);
  file->name[1] = g_strdup ("عبدالله");
  g_free (file->name[3]);
  file->name[3] = g_strdup ("الحربي");
  file->gender = g_strdup (n % 2 ? "female" : "male");
  g_free (file->consent);
  file->consent = g_strdup ("given");
  return file;
}

static int
setup (void)
{
  g_autoptr(SilaBeneficiary) file = new_file (99, 0);
  g_autoptr(GError) error = NULL;

  if (!sila_store_create_beneficiary (store, owner, file, NULL, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  printf ("%s\n", file->id);
  return 0;
}

static gboolean
open_request (SilaRequestInput *input,
              GPtrArray        *types,
              SilaFieldErrors  *errors,
              SilaRequest     **request,
              GError          **error)
{
  g_clear_pointer (request, sila_request_free);
  *request = sila_request_input_parse (input, types, SILA_REQUEST_PARSE_DEFAULT, errors);
  if (*request == NULL)
    {
      g_set_error_literal (error, SILA_STORE_ERROR, SILA_STORE_ERROR_INVALID,
                           "the request's input was refused");
      return FALSE;
    }
  return sila_store_open_request (store, owner, *request, error);
}

static gint64
since (gint64 start)
{
  return g_get_monotonic_time () - start;
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) types = NULL;
  int desk, operations;
  const char *shared_id;

  sila_i18n_init (SILA_LANGUAGE_ENGLISH);
  if (argc != 3 && argc != 5)
    {
      fprintf (stderr, "usage: %s DATABASE setup | DATABASE DESK OPERATIONS SHARED-ID\n",
               argv[0]);
      return 2;
    }

  store = sila_store_open (argv[1], SILA_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  owner = sila_actor_new_owner ();
  if (argc == 3)
    return setup ();

  desk = atoi (argv[2]);
  operations = atoi (argv[3]);
  shared_id = argv[4];
  types = sila_store_list_request_types (store, FALSE, &error);
  if (types == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }

  for (int n = 1; n <= operations; n++)
    {
      g_autoptr(SilaBeneficiary) file = new_file (desk, n);
      g_autoptr(SilaRequestInput) input = sila_request_input_new ();
      g_autoptr(SilaFieldErrors) errors = sila_field_errors_new ();
      g_autoptr(SilaRequest) request = NULL;
      g_autoptr(SilaBeneficiary) shared = NULL;
      g_autoptr(GPtrArray) found = NULL;
      SilaStepInput step = { .reason = "withdrawn by the load test" };
      gboolean ok = FALSE;
      gint64 start;

      /* A new file. A retry after a commit whose answer was lost finds
       * the file there already (DUPLICATE): not acknowledged, and the test
       * counts files from the database. */
      start = g_get_monotonic_time ();
      RETRY ((ok = sila_store_create_beneficiary (store, owner, file, NULL, &error)), error);
      if (!ok && outcome_unknown ("file", &error))
        continue;
      if (!ok)
        break;
      printf ("file %s %" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\n", file->id, file->file_number,
              since (start));

      /* A request for it. */
      input->beneficiary_id = g_strdup (file->id);
      sila_request_input_set (input, SILA_RF_TYPE, "food_basket");
      sila_request_input_set (input, SILA_RF_CHANNEL, "phone");
      /* As the window does, each try saves the form's input anew: a try
       * that failed leaves nothing behind, its request included. */
      start = g_get_monotonic_time ();
      RETRY ((ok = open_request (input, types, errors, &request, &error)), error);
      if (!ok)
        break;
      printf ("request %s %s %" G_GINT64_FORMAT "\n", request->id, request->number, since (start));

      /* One step, checking the rev read when it was opened. */
      start = g_get_monotonic_time ();
      RETRY ((ok = sila_store_move_request (store, owner, request->id, request->rev,
                                            SILA_REQUEST_WITHDRAWN, &step, &error)), error);
      if (!ok && outcome_unknown ("moved", &error))
        continue;
      if (!ok)
        break;
      printf ("moved %s %" G_GINT64_FORMAT "\n", request->id, since (start));

      /* Everyone edits the same file: read, change, save with its rev. */
      RETRY ((shared = sila_store_get_beneficiary (store, owner, shared_id, &error)) != NULL,
             error);
      if (shared == NULL)
        break;
      g_free (shared->notes);
      shared->notes = g_strdup_printf ("desk %d, operation %d", desk, n);
      start = g_get_monotonic_time ();
      RETRY ((ok = sila_store_update_beneficiary (store, owner, shared, NULL, &error)), error);
      if (ok)
        printf ("edit %" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\n", shared->rev, since (start));
      else if (outcome_unknown ("edit", &error))
        ;
      else if (g_error_matches (error, SILA_STORE_ERROR, SILA_STORE_ERROR_CONFLICT))
        printf ("conflict\n");
      else
        break;

      /* Search as you type, for this desk's people. */
      start = g_get_monotonic_time ();
      {
        g_autofree char *text = g_strdup_printf ("مكتب%d عبد", desk);

        RETRY ((found = sila_store_search_beneficiaries (store, owner, text, NULL, 20, &error))
                 != NULL, error);
      }
      if (found == NULL)
        break;
      printf ("found %u %" G_GINT64_FORMAT "\n", found->len, since (start));
      fflush (stdout);
      g_clear_error (&error);
    }

  fflush (stdout);
  if (error != NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  sila_actor_free (owner);
  return 0;
}
