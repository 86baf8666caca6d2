/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by the store's beneficiary files (CRUD, search, import). */
#pragma once

#include "sila-store-beneficiaries.h"
#include "sila-store-private.h"

G_BEGIN_DECLS

/* The columns a SilaBeneficiaryRow is read from, in order. */
#define SILA_BENEFICIARY_ROW_COLUMNS \
  "id, file_number, first_name, father_name, grandfather_name, family_name, id_number, " \
  "mobile, segment, district, birth_date, consent, status"

/* The columns every write sets, bound from @file at ?10 onwards. */
#define FILE_COLUMNS \
  "id_type, id_number, id_none_reason, first_name, father_name, grandfather_name, " \
  "family_name, name_folded, name_key, gender, birth_date, birth_calendar, nationality, " \
  "marital_status, mobile, alt_phones, district, address, preferred_channel, segment, " \
  "housing_type, rent_halalas, health_notes, notes, consent, consent_at, consent_by, status"
#define N_FILE_COLUMNS 28
#define FILE_FIRST_PARAM 10

/* Reads one live file WHERE @where (?1 bound to @text_key, or to @int_key
 * when @text_key is NULL), household and incomes included. */
SilaBeneficiary *sila_store_read_beneficiary (SilaStore   *self,
                                              const char  *where,
                                              const char  *text_key,
                                              gint64       int_key,
                                              GError     **error);

SilaBeneficiaryRow *sila_beneficiary_row_new_from_stmt (SilaStatement *stmt,
                                                        int            first_column);

typedef enum {
  SILA_SAVE_INTERACTIVE,  /* a form: the consent policy applies */
  SILA_SAVE_IMPORT,       /* a register: consent may stay pending */
} SilaSaveMode;

gboolean  sila_store_insert_beneficiary  (SilaStore        *self,
                                          const SilaActor  *actor,
                                          SilaBeneficiary  *file,
                                          SilaSaveMode      mode,
                                          const char       *draft_id,
                                          GError          **error);

/* The folded tokens the search index holds for @file. */
char     *sila_beneficiary_search_tokens (const SilaBeneficiary *file);
/* The match query @text becomes in the dialect of @db's driver (for
 * sila_store_beneficiary_match_query() and the tests comparing engines). */
char     *sila_beneficiary_match_query_in (SilaDb                *db,
                                           const char            *text);

/* The search index (contentless FTS5): @before, the file as it was
 * indexed (NULL for a new one), comes out; @file (NULL: none) goes in. */
gboolean  sila_store_index_beneficiary   (SilaStore              *self,
                                          const SilaBeneficiary  *file,
                                          const SilaBeneficiary  *before,
                                          GError                **error);
gboolean  sila_store_unindex_beneficiary (SilaStore              *self,
                                          const SilaBeneficiary  *before,
                                          GError                **error);

G_END_DECLS
