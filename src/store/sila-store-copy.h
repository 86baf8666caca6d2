/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Moving an office from one database to another (`sila db copy-to`):
 * from its SQLite file to a freshly made server database, in one
 * transaction on the target, through the driver seam only, so that the
 * same code copies SQLite to SQLite (the tests) and SQLite to PostgreSQL.
 * See docs/store.md, "Moving an office". */
#pragma once

#include "sila-store.h"

G_BEGIN_DECLS

/* One table's rows on both sides, after the copy. */
typedef struct {
  const char *table;        /* static */
  gint64      source_rows;
  gint64      target_rows;
  gboolean    rebuilt;      /* made by the target itself, not copied */
} SilaCopyCount;

/* What a copy did, for its summary. */
typedef struct {
  GArray    *counts;        /* SilaCopyCount, in the order copied */
  gint64     rows;          /* rows copied in all */
  gint64     search_rows;   /* beneficiary files put into the search index */
  gint64     audit_entries; /* of the source's audit trail, chain and all */
  GPtrArray *differences;   /* what differs, for reading; empty when none */
} SilaCopyResult;

void sila_copy_result_free (SilaCopyResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SilaCopyResult, sila_copy_result_free)

/* Called now and then while a table is copied: @done of @total rows. */
typedef void (*SilaCopyProgressFunc) (const char *table,
                                      gint64      done,
                                      gint64      total,
                                      gpointer    user_data);

/* Called once the rows are in, inside the target's transaction and the
 * source's read: the caller compares what it wants on both sides (the
 * board's report for every month) and adds what differs, for reading, to
 * @differences. FALSE with @error only when it could not compare. */
typedef gboolean (*SilaCopyVerifyFunc) (SilaStore        *source,
                                        SilaStore        *target,
                                        const SilaActor  *actor,
                                        GPtrArray        *differences,
                                        gpointer          user_data,
                                        GError          **error);

/* The tables copied, in an order that satisfies their foreign keys, and
 * those the target makes itself (NULL-terminated, static). A table listed
 * that this version's schema has not is left out. */
const char * const *sila_store_copy_tables         (void);
const char * const *sila_store_copy_rebuilt_tables (void);

/* FALSE, with a message naming what it holds, unless @target is empty of
 * everything a fresh database of this version does not hold. */
gboolean        sila_store_copy_check_target (SilaStore            *target,
                                              GError              **error);

/* Copies everything @source holds into @target (checked with the above,
 * again, inside the transaction), rebuilds what the target derives, then
 * compares the row counts of every table, the survey statistics and the
 * audit trail's chain on both sides, and calls @verify. Anything that
 * differs rolls the whole copy back: the result's differences say what,
 * and the target is left as it was. @actor needs the backup permission on
 * the source. The source is only read. */
SilaCopyResult *sila_store_copy_to           (SilaStore            *source,
                                              SilaStore            *target,
                                              const SilaActor      *actor,
                                              const char           *source_name,
                                              SilaCopyProgressFunc  progress,
                                              SilaCopyVerifyFunc    verify,
                                              gpointer              user_data,
                                              GError              **error);

/* The months ("YYYY-MM") in which requests were received, oldest first. */
GStrv           sila_store_request_months    (SilaStore            *self,
                                              const SilaActor      *actor,
                                              GError              **error);

G_END_DECLS
