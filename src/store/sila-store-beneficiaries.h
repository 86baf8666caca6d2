/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Beneficiary files in the store: create, update, read, find, search,
 * duplicates, history, segments. Every call checks the acting staff
 * member's role (sila-roles.c) and every change is audited, with the file
 * before and after as JSON, in the same transaction.
 *
 * Later parts of the product (requests, contacts, surveys) refer to a file
 * by its UUID (SilaBeneficiary.id) and show its file number to people. */
#pragma once

#include <gio/gio.h>

#include "sila-beneficiary.h"
#include "sila-store.h"

G_BEGIN_DECLS

/* Audit trail vocabulary for files. */
#define SILA_AUDIT_ENTITY_BENEFICIARY "beneficiary"

/* A file as the list shows it: one row, cheap to load. */
#define SILA_TYPE_BENEFICIARY_ROW (sila_beneficiary_row_get_type ())
G_DECLARE_FINAL_TYPE (SilaBeneficiaryRow, sila_beneficiary_row, SILA, BENEFICIARY_ROW, GObject)

const char *sila_beneficiary_row_get_id          (SilaBeneficiaryRow *self);
gint64      sila_beneficiary_row_get_file_number (SilaBeneficiaryRow *self);
const char *sila_beneficiary_row_get_name        (SilaBeneficiaryRow *self);
const char *sila_beneficiary_row_get_id_number   (SilaBeneficiaryRow *self); /* or NULL */
const char *sila_beneficiary_row_get_mobile      (SilaBeneficiaryRow *self); /* or NULL */
const char *sila_beneficiary_row_get_segment     (SilaBeneficiaryRow *self); /* code, or NULL */
const char *sila_beneficiary_row_get_district    (SilaBeneficiaryRow *self); /* or NULL */
const char *sila_beneficiary_row_get_birth_date  (SilaBeneficiaryRow *self); /* ISO, or NULL */
const char *sila_beneficiary_row_get_consent     (SilaBeneficiaryRow *self);
const char *sila_beneficiary_row_get_status      (SilaBeneficiaryRow *self);
/* A row for a file that was deleted since the list was made: it shows
 * the number only, until the list reloads. */
SilaBeneficiaryRow *sila_beneficiary_row_new_missing (gint64 file_number);

/* What the list is narrowed to; NULL members (and FALSE) do not narrow. */
typedef struct {
  const char *segment;          /* a segment code */
  const char *district;         /* a district as stored */
  const char *status;           /* "active" or "closed" */
  gboolean    consent_pending;  /* only files whose consent is still pending */
} SilaBeneficiaryFilter;

/* Saving. @file comes from sila_beneficiary_input_parse(); the store fills
 * in its id, file number, rev and timestamps, and the date and officer of
 * the consent when it is first recorded. Unless the office setting
 * consent_required is "0", a new file needs consent given (INVALID error
 * otherwise). An ID number that already has a file is refused with
 * DUPLICATE. @draft_id (may be NULL) is the draft the form was typed into:
 * it is deleted in the same transaction. */
gboolean         sila_store_create_beneficiary      (SilaStore          *self,
                                                     const SilaActor    *actor,
                                                     SilaBeneficiary    *file,
                                                     const char         *draft_id,
                                                     GError            **error);
/* @file->id and @file->rev as they were read: if someone else saved the
 * file since, nothing is written and a CONFLICT error says so. On success
 * @file->rev and the timestamps are updated. */
gboolean         sila_store_update_beneficiary      (SilaStore          *self,
                                                     const SilaActor    *actor,
                                                     SilaBeneficiary    *file,
                                                     const char         *draft_id,
                                                     GError            **error);
/* Soft delete, audited; the file leaves lists and searches. */
gboolean         sila_store_delete_beneficiary      (SilaStore          *self,
                                                     const SilaActor    *actor,
                                                     const char         *id,
                                                     gint64              rev,
                                                     GError            **error);

/* Reading. get() reads a file for other parts of the app (a request shows
 * whose it is); open() is what a person looking at the whole file does,
 * and records the view in the audit trail. NOT_FOUND when there is none. */
SilaBeneficiary *sila_store_get_beneficiary         (SilaStore          *self,
                                                     const SilaActor    *actor,
                                                     const char         *id,
                                                     GError            **error);
SilaBeneficiary *sila_store_open_beneficiary        (SilaStore          *self,
                                                     const SilaActor    *actor,
                                                     const char         *id,
                                                     GError            **error);
/* The file holding ID number @id_number (any digits, spaces or dashes), or
 * *@file = NULL when none does. */
gboolean         sila_store_find_beneficiary_by_id_number (SilaStore          *self,
                                                           const SilaActor    *actor,
                                                           const char         *id_number,
                                                           SilaBeneficiary   **file,
                                                           GError            **error);
gboolean         sila_store_find_beneficiary_by_file_number (SilaStore        *self,
                                                             const SilaActor  *actor,
                                                             gint64            file_number,
                                                             SilaBeneficiary **file,
                                                             GError          **error);
gboolean         sila_store_count_beneficiaries     (SilaStore          *self,
                                                     const SilaActor    *actor,
                                                     gint64             *count,
                                                     GError            **error);

/* Search as you type over names, file numbers, ID numbers and phones,
 * forgiving of Arabic spelling (أ/إ/آ/ا, ة/ه, ى/ي, harakat, tatweel),
 * Arabic-Indic digits, any phone form, word order and unfinished words.
 * Best matches first; an empty @text lists every file, newest first. */
GPtrArray       *sila_store_search_beneficiaries    (SilaStore                   *self,
                                                     const SilaActor             *actor,
                                                     const char                  *text,
                                                     const SilaBeneficiaryFilter *filter,
                                                     guint                        limit,
                                                     GError                     **error);
/* For lazy lists: the file numbers of every match, in the order above
 * (cheap even for 100,000 files), then the rows of a page of them. */
GArray          *sila_store_list_beneficiary_numbers (SilaStore                   *self,
                                                      const SilaActor             *actor,
                                                      const char                  *text,
                                                      const SilaBeneficiaryFilter *filter,
                                                      GError                     **error);
/* The first @n of those numbers: the top of the list, read at once while
 * the rest is read apart (an empty @text: the newest @n files). */
GArray          *sila_store_list_first_beneficiary_numbers (SilaStore                   *self,
                                                            const SilaActor             *actor,
                                                            const char                  *text,
                                                            const SilaBeneficiaryFilter *filter,
                                                            guint                        n,
                                                            GError                     **error);
GPtrArray       *sila_store_get_beneficiary_rows    (SilaStore          *self,
                                                     const SilaActor    *actor,
                                                     const gint64       *file_numbers,
                                                     guint               n,
                                                     GError            **error);
/* The match query a search text becomes on @self's engine (for benchmarks
 * and tests), or NULL when the text has nothing to search for. */
char            *sila_store_beneficiary_match_query (SilaStore          *self,
                                                     const char         *text);

/* Duplicates. */
typedef enum {
  SILA_DUPLICATE_SAME_ID,         /* the same ID number: it is that person */
  SILA_DUPLICATE_NAME_AND_PHONE,  /* a similar name and the same mobile */
  SILA_DUPLICATE_NAME_AND_BIRTH,  /* a similar name and the same birth date */
} SilaDuplicateReason;

typedef struct {
  SilaBeneficiaryRow  *row;
  SilaDuplicateReason  reason;
} SilaDuplicate;

void             sila_duplicate_free                (SilaDuplicate      *duplicate);
/* A sentence for the user naming the file and why it looks the same. */
char            *sila_duplicate_describe            (const SilaDuplicate *duplicate);
/* Files that may be the same person as @file (itself excluded when it has
 * an id): the same ID first, then a similar name with the same mobile or
 * birth date. */
GPtrArray       *sila_store_find_duplicates         (SilaStore             *self,
                                                     const SilaActor       *actor,
                                                     const SilaBeneficiary *file,
                                                     GError               **error);

/* The file's history for those who may view it: its audit entries (who,
 * when, what, before and after), newest first. */
GPtrArray       *sila_store_list_beneficiary_history (SilaStore         *self,
                                                      const SilaActor   *actor,
                                                      const char        *id,
                                                      guint              limit,
                                                      GError           **error);

/* Segments (شرائح): the office's editable list. Anyone who may view files
 * reads it; an administrator (settings.edit) changes it. A segment in use
 * is retired rather than removed. */
GPtrArray       *sila_store_list_segments           (SilaStore          *self,
                                                     gboolean            include_retired,
                                                     GError            **error);
gboolean         sila_store_add_segment             (SilaStore          *self,
                                                     const SilaActor    *actor,
                                                     const char         *name_ar,
                                                     const char         *name_en,
                                                     char              **code,
                                                     GError            **error);
gboolean         sila_store_update_segment          (SilaStore          *self,
                                                     const SilaActor    *actor,
                                                     const char         *code,
                                                     const char         *name_ar,
                                                     const char         *name_en,
                                                     gboolean            retired,
                                                     GError            **error);
/* Districts that files name, for filters, sorted. */
GStrv            sila_store_list_districts_in_use   (SilaStore          *self,
                                                     const SilaActor    *actor,
                                                     GError            **error);

/* Every file, for an export: requires beneficiary.export and records the
 * export in the audit trail. @func returns FALSE to stop (with @error set). */
typedef gboolean (*SilaBeneficiaryFunc) (const SilaBeneficiary  *file,
                                         gpointer                user_data,
                                         GError                **error);
gboolean         sila_store_foreach_beneficiary     (SilaStore           *self,
                                                     const SilaActor     *actor,
                                                     const char          *purpose,
                                                     SilaBeneficiaryFunc  func,
                                                     gpointer             user_data,
                                                     GError             **error);

G_END_DECLS
