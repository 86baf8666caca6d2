/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Field work inside the store: what the engine-neutral merge
 * (sila-store-field.c) asks of SQLite's own files (sqlite/sila-sqlite-field.c).
 * A changeset is SQLite's format whatever the office's engine, so reading
 * one is SQLite's; applying it row by row is the store's, in portable SQL. */
#pragma once

#include "sila-field.h"
#include "sila-store-field.h"
#include "sila-store-private.h"

G_BEGIN_DECLS

typedef enum {
  SILA_FIELD_OP_INSERT,
  SILA_FIELD_OP_UPDATE,
  SILA_FIELD_OP_DELETE,
} SilaFieldOp;

/* One row of a changeset. A column's old or new value is "undefined" (not
 * part of the change) when its has_ flag is FALSE: an UPDATE carries the
 * key and the changed columns only. */
typedef struct {
  char            *table;
  SilaFieldOp      op;
  int              n_columns;
  gboolean        *pk;
  SilaFieldValue  *old_values;
  gboolean        *has_old;
  SilaFieldValue  *new_values;
  gboolean        *has_new;
} SilaFieldRow;

void       sila_field_row_free     (SilaFieldRow *change);

/* The rows of @changeset, in its order; NULL (a damaged bundle) if it
 * cannot be read to its end. */
GPtrArray *sila_field_changeset_read  (GBytes          *changeset,
                                       GError         **error);

/* Applies @changeset with sqlite3changeset_apply() alone (conflicting rows
 * left out), for the benchmark's comparison. SQLite offices only. */
gboolean   sila_field_changeset_apply_raw (SilaStore    *self,
                                           GBytes       *changeset,
                                           GError      **error);

/* Compacts a kit (always a SQLite file) once it is filled and its search
 * index rebuilt. */
gboolean   sila_field_kit_compact     (const char          *path,
                                       GError             **error);

/* The changeset between a kit and the untouched copy beside it, and the
 * bundle header's facts read from the kit. */
gboolean   sila_field_kit_diff        (const char          *kit_path,
                                       const char          *base_path,
                                       SilaFieldHeader     *header,
                                       GBytes             **changeset,
                                       GError             **error);

G_END_DECLS
