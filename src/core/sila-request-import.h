/* SPDX-License-Identifier: GPL-3.0-or-later */
/* An office's log of past requests, row by row: its columns, how a row
 * becomes a checked request (sila-request-history.h), and what becomes of
 * each row. The rules are here; the store only finds the beneficiary's
 * file, the requests it holds, and saves (sila-store-request-import.h).
 *
 * Duplicates: a row is a duplicate only when it is the same, in every
 * field the import keeps (sila_request_history_same()), as an earlier row
 * of the file or a request held already, for the same file and type. A
 * row with the same file, type and day received that differs in anything
 * else (channel, status, decision, amount, …) is another request: it is
 * imported, and its report line names the line or the request it is like.
 */
#pragma once

#include <glib.h>

#include "sila-import-report.h"
#include "sila-request-history.h"
#include "sila-table-reader.h"

G_BEGIN_DECLS

typedef struct _SilaRequestImport SilaRequestImport;

/* A request the office holds, for comparing with a row. */
typedef struct {
  char               *number;   /* 1447-00012 */
  SilaRequestHistory *history;
} SilaRequestHeld;

SilaRequestHeld   *sila_request_held_new          (const char         *number);
void               sila_request_held_free         (SilaRequestHeld    *held);

const SilaTableColumn *sila_request_import_columns (guint *n_columns);

/* Reads the header row. NULL, with a SILA_TABLE_ERROR, when the file
 * cannot be read or lacks a required column. @report and @counts are
 * kept and each row adds to them; @dry_run words the report's notes. */
SilaRequestImport *sila_request_import_new        (SilaTableReader    *reader,
                                                   gboolean            dry_run,
                                                   SilaImportReport   *report,
                                                   SilaImportCounts   *counts,
                                                   GError            **error);
void               sila_request_import_free       (SilaRequestImport  *self);

/* The row read and checked, or NULL when it was rejected (reported). */
SilaRequestHistory *sila_request_import_check_row (SilaRequestImport  *self,
                                                   const SilaTableRow *row);
void               sila_request_import_reject     (SilaRequestImport  *self,
                                                   guint               line,
                                                   const char         *column,
                                                   const char         *reason);

/* Whether the row is a duplicate (then reported): the same as an earlier
 * row of the file for @beneficiary_id and @type, or as one of @held (the
 * requests of that file and type received that day, NULL for none).
 * Otherwise FALSE, with @resembles set (or NULL) to a sentence naming the
 * row or request it is like, for sila_request_import_accept(). */
gboolean           sila_request_import_is_duplicate (SilaRequestImport        *self,
                                                     guint                     line,
                                                     const char               *beneficiary_id,
                                                     const char               *type,
                                                     const SilaRequestHistory *history,
                                                     GPtrArray                *held,
                                                     char                    **resembles);
/* The row was saved (@history is taken). @added_type: the name of a type
 * the list lacked and that was added for it, or NULL. */
void               sila_request_import_accept     (SilaRequestImport  *self,
                                                   guint               line,
                                                   const char         *beneficiary_id,
                                                   const char         *type,
                                                   SilaRequestHistory *history,
                                                   const char         *added_type,
                                                   const char         *resembles);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SilaRequestImport, sila_request_import_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SilaRequestHeld, sila_request_held_free)

G_END_DECLS
