/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Import page's slow work, off the main thread: reading a file's
 * header to show how its columns were understood, and running the dry run
 * or the import itself. Each task opens a connection of its own to the
 * session's database (SQLite connections are not shared between threads)
 * and acts as the session's staff member, whose roles the store checks
 * again. Progress comes back on the main thread; cancelling the
 * GCancellable stops an import and rolls all of it back. */
#pragma once

#include <gio/gio.h>

#include "sila-import-report.h"
#include "sila-session.h"

G_BEGIN_DECLS

typedef enum {
  SILA_IMPORT_KIND_BENEFICIARIES,
  SILA_IMPORT_KIND_REQUESTS,
  SILA_IMPORT_KIND_SURVEYS,
  SILA_N_IMPORT_KINDS
} SilaImportKind;

SilaPermission sila_import_kind_permission (SilaImportKind kind);

/* One header cell and what it was read as. */
typedef struct {
  char *header;   /* as written in the file */
  char *field;    /* the field's name in the UI language, or NULL: not imported */
} SilaImportMatch;

typedef struct {
  GStrv       sheets;      /* a workbook's sheets; NULL for CSV */
  char       *sheet;       /* the sheet read; NULL for CSV */
  char       *encoding;    /* CSV: "UTF-8", "WINDOWS-1256", …; NULL for a workbook */
  guint       header_line;
  GPtrArray  *matches;     /* SilaImportMatch, in the file's order */
  GStrv       missing;     /* names of required fields without a column */
  char       *problem;     /* why the file cannot be imported as it is, or NULL */
  GHashTable *labels;      /* field key → name in the UI language, for the report */
} SilaImportPreview;

void sila_import_preview_free (SilaImportPreview *preview);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SilaImportPreview, sila_import_preview_free)

typedef struct {
  SilaImportReport *report;
  SilaImportCounts  counts;
  gboolean          dry_run;
} SilaImportOutcome;

void sila_import_outcome_free (SilaImportOutcome *outcome);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SilaImportOutcome, sila_import_outcome_free)

/* Called on the main thread, skipped once @object is finalized. */
typedef void (*SilaImportProgressCb) (double   fraction,
                                      guint    rows,
                                      gpointer object);

void               sila_import_task_preview_async  (SilaSession          *session,
                                                    SilaImportKind        kind,
                                                    const char           *path,
                                                    const char           *sheet,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
SilaImportPreview *sila_import_task_preview_finish (GAsyncResult         *result,
                                                    GError              **error);

void               sila_import_task_run_async      (SilaSession          *session,
                                                    SilaImportKind        kind,
                                                    const char           *path,
                                                    const char           *sheet,
                                                    gboolean              dry_run,
                                                    SilaImportProgressCb  progress,
                                                    gpointer              progress_object,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
/* The outcome, or NULL with the error: a file that cannot be read, a
 * refusal, or G_IO_ERROR_CANCELLED once stopped (nothing was kept). */
SilaImportOutcome *sila_import_task_run_finish     (GAsyncResult         *result,
                                                    GError              **error);

/* For tests: the next import waits at its first progress report until it
 * is stopped, so that Stop is pressed while the transaction is open;
 * sila_import_task_is_paused() says when it waits. */
void               sila_import_task_set_test_pause (gboolean              pause);
gboolean           sila_import_task_is_paused      (void);

G_END_DECLS
