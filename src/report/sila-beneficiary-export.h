/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sila-import-progress.h"
#include "sila-store.h"

G_BEGIN_DECLS

/* The register as a workbook, in the UI language: right to left in
 * Arabic; one sheet of files (ID numbers and phones as text, birth dates
 * as real dates and as Hijri YYYY-MM-DD text, income and rent in riyals),
 * one of household members; frozen, filtered headers; A4 landscape with
 * the association's name; a confidentiality note in its properties.
 * Needs beneficiary.export and is recorded in the audit trail. Written in
 * streaming mode, so 100,000 files take little memory. */
gboolean sila_beneficiary_export_xlsx (SilaStore        *store,
                                       const SilaActor  *actor,
                                       const char       *path,
                                       guint            *n_files,
                                       GError          **error);

/* The same, telling @progress how far it is (rows written; the fraction of
 * the files counted before), as the imports do (sila-import-progress.h). */
gboolean sila_beneficiary_export_xlsx_full (SilaStore              *store,
                                            const SilaActor        *actor,
                                            const char             *path,
                                            SilaImportProgressFunc  progress,
                                            gpointer                progress_data,
                                            guint                  *n_files,
                                            GError                **error);

G_END_DECLS
