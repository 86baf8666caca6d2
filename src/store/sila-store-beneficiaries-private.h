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

gboolean  sila_store_index_beneficiary   (SilaStore        *self,
                                          const SilaBeneficiary *file,
                                          GError          **error);

G_END_DECLS
