/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by the two halves of a merge: checking and recording bundles
 * (sila-store-field-check.c) and applying their rows
 * (sila-store-field-merge.c). */
#pragma once

#include "sila-store-beneficiaries-private.h"
#include "sila-store-field-private.h"

G_BEGIN_DECLS

/* A bundle read and checked, with what its merge counted. */
typedef struct {
  char             *path;
  SilaFieldHeader  *header;
  GBytes           *changeset;
  GPtrArray        *changes;
  GHashTable       *columns;      /* table → GStrv, from the header */
  char             *bundle_key;
  char             *merge_id;
  gint64            audit_from;
  SilaFieldSummary  counts;
  GHashTable       *officers;     /* names, a set */
  GHashTable       *sql;          /* "I table", "S table" → the SQL of its
                                   * rows' INSERT and office read, made once */
} Bundle;

/* One row of one bundle, in the order of the merge. */
typedef struct {
  Bundle          *bundle;
  SilaFieldRow    *change;
  guint            table_index;
  char            *made_at;
  char            *key;
} Item;

typedef struct {
  SilaStore  *store;
  GHashTable *office_columns;     /* table → GPtrArray of names */
  char       *now;
  GPtrArray  *to_index;           /* ids of new files not yet in the search
                                   * index (sila_field_index_pending) */
} Merge;

void       sila_field_bundle_free     (Bundle           *b);
/* The office's own columns of @table (portable: a query that returns no
 * row still names its columns). */
GPtrArray *sila_field_office_columns  (Merge            *m,
                                       const char       *table,
                                       GError          **error);
gboolean   sila_field_has_column      (GPtrArray        *names,
                                       const char       *column);
/* Reads @path and checks it against this office before anything is
 * written; @seen holds the bundle keys of this command's other bundles. */
Bundle    *sila_field_open_bundle     (Merge            *m,
                                       const char       *path,
                                       GHashTable       *seen,
                                       GError          **error);
/* The laptop's audit entries not copied by an earlier merge of its kit. */
gboolean   sila_field_copy_audit      (Merge            *m,
                                       Bundle           *b,
                                       GError          **error);
/* Every change of @bundles (Bundle) as an Item, in the order a merge
 * applies them: table by table, inserts first, then by when they were made,
 * the laptop and the key, whatever order the bundles came in. */
GPtrArray *sila_field_collect_items   (GPtrArray        *bundles);
/* The merge of @b recorded (field_merges) and audited. */
gboolean   sila_field_record_merge    (Merge            *m,
                                       const SilaActor  *actor,
                                       Bundle           *b,
                                       GError          **error);

/* Rows (sila-store-field-rows.c): values bound and read, a row's key
 * and its WHERE, the office's row, what is listed for review, the search
 * index of a merged file. */
int sila_field_column_index (GStrv       columns,
                             const char *name);
void sila_field_bind_value (SilaStatement        *stmt,
                            int                   index,
                            const SilaFieldValue *v);
void sila_field_read_column (SilaStatement  *stmt,
                             int             column,
                             SilaFieldValue *out);
char *sila_field_row_key (SilaFieldRow *change);
char *sila_field_text_of (SilaFieldRow *change,
                          GStrv         columns,
                          const char   *name,
                          gboolean      new_side);
char *sila_field_key_where (SilaFieldRow *change,
                            GStrv         columns,
                            int           first_param);
void sila_field_bind_key (SilaStatement *stmt,
                          SilaFieldRow  *change,
                          int            first_param);
SilaFieldValue *sila_field_read_office_row (Merge         *m,
                                            Bundle        *b,
                                            SilaFieldRow  *change,
                                            GStrv          columns,
                                            gboolean      *found,
                                            GError       **error);
void sila_field_free_row (SilaFieldValue *row,
                          int             n);
gboolean sila_field_add_conflict (Merge       *m,
                                  Bundle      *b,
                                  const char  *kind,
                                  const char  *entity,
                                  const char  *entity_id,
                                  const char  *column,
                                  const char  *base,
                                  const char  *field,
                                  const char  *office,
                                  const char  *other_id,
                                  GError     **error);
gboolean sila_field_index_file (Merge       *m,
                                const char  *id,
                                GError     **error);
/* The new files of m->to_index written into the search index, at once. */
gboolean sila_field_index_pending (Merge    *m,
                                   GError  **error);
SilaBeneficiary *sila_field_read_live_file (Merge       *m,
                                            const char  *id,
                                            GError     **error);
gboolean sila_field_is_number_column (const SilaFieldTable *table,
                                      const char           *column);
gboolean sila_field_listed_clash (Merge             *m,
                                  Bundle            *b,
                                  SilaTransaction  **savepoint,
                                  SilaFieldSummary  *saved,
                                  const char        *table,
                                  const char        *key,
                                  GError           **error);

G_END_DECLS
