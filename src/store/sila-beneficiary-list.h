/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "sila-store-beneficiaries.h"

G_BEGIN_DECLS

/* The beneficiary list as a lazy GListModel of SilaBeneficiaryRow: a query
 * loads only the matching file numbers (8 bytes a file), and rows are read
 * from the database a page at a time when the view asks for them, keeping
 * a few pages. 100,000 files never become 100,000 objects. */
#define SILA_TYPE_BENEFICIARY_LIST (sila_beneficiary_list_get_type ())
G_DECLARE_FINAL_TYPE (SilaBeneficiaryList, sila_beneficiary_list, SILA, BENEFICIARY_LIST, GObject)

#define SILA_BENEFICIARY_LIST_PAGE_SIZE 50
/* How many numbers a query reads at once (more than a screen holds); the
 * others are read apart, and the list grows when they are known. */
#define SILA_BENEFICIARY_LIST_FIRST_ROWS 60

SilaBeneficiaryList *sila_beneficiary_list_new          (SilaStore                   *store,
                                                         const SilaActor             *actor);
/* Runs the search (an empty @text lists every file, newest first) and
 * tells the views what changed. FALSE with @error (the list is then empty). */
gboolean             sila_beneficiary_list_set_query    (SilaBeneficiaryList         *self,
                                                         const char                  *text,
                                                         const SilaBeneficiaryFilter *filter,
                                                         GError                     **error);
/* Runs the same query again (after a save, or another desk's). */
gboolean             sila_beneficiary_list_reload       (SilaBeneficiaryList         *self,
                                                         GError                     **error);
gint64               sila_beneficiary_list_get_file_number (SilaBeneficiaryList      *self,
                                                            guint                     position);
/* A list is shown from its first rows at once and completed when the
 * rest of its numbers are read (in a thread, on a second connection; on
 * this one when idle for a database in memory); TRUE until then, and the
 * number of items is not yet the query's count. The "loading" property
 * tells when it changes. */
gboolean             sila_beneficiary_list_is_loading   (SilaBeneficiaryList         *self);
/* How many pages are held now (for tests: it stays small). */
guint                sila_beneficiary_list_get_n_cached_pages (SilaBeneficiaryList   *self);

G_END_DECLS
