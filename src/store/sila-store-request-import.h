/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Importing the office's past requests (issue 8), so that the first report
 * has a previous period to compare with: a CSV (UTF-8 or Windows-1256) or
 * XLSX log with one request per row.
 *
 * Columns (English keys, or their Arabic names):
 *   national_id     a beneficiary file with this ID must exist
 *   type            a request type by its code or Arabic or English name;
 *                   an unknown one is added to the list (the row's report
 *                   line says so)
 *   channel         one of the policy's eight, by code or Arabic name
 *   received        the day it was received (Gregorian or Hijri)
 *   status          received, accepted, rejected, delivered, closed or
 *                   withdrawn (or their Arabic names)
 *   decided         the committee's decision day: needed from accepted on;
 *                   for a withdrawn request, the day it was withdrawn
 *   reason          needed for rejected
 *   delivered       the day the service was delivered  } both needed for
 *   service_amount  riyals, at most two decimals        } delivered, closed
 *   delivery_kind   optional: cash, bank_transfer, in_kind, voucher, service
 *   description     optional
 *
 * A row is rejected (and changes nothing) for a missing file, an unknown
 * channel or status, a bad or future date, a day received outside the Umm
 * al-Qura table, a decision earlier than the receipt, a delivery earlier
 * than the decision, an amount that is not money, or a field its status
 * needs or forbids. A row identical in every kept field to an earlier line
 * or to a request held is a duplicate; one with the same beneficiary, type
 * and day received that differs otherwise is imported, its report line
 * naming what it resembles (the rules: sila-request-import.h). Good rows
 * are imported whatever the others, each with its timeline marked as
 * imported; --dry-run changes nothing. A file already imported (the same
 * bytes) is refused whole.
 *
 * The report (sila-import-report.h) has one line per data row: "ok",
 * "rejected" or "duplicate". @counts->similar counts the rows imported
 * that resemble another request. */
#pragma once

#include "sila-import-report.h"
#include "sila-store-import.h"
#include "sila-store.h"

G_BEGIN_DECLS

/* FALSE for a file that cannot be read (SILA_TABLE_ERROR: nothing is
 * imported), a file imported before or a refusal (SILA_STORE_ERROR). */
gboolean sila_store_import_requests (SilaStore         *self,
                                     const SilaActor   *actor,
                                     const char        *path,
                                     gboolean           dry_run,
                                     SilaImportReport  *report,
                                     SilaImportCounts  *counts,
                                     GError           **error);

/* The same with options (sila-import-progress.h): a workbook's sheet,
 * progress, and Stop, which rolls the whole import back. */
gboolean sila_store_import_requests_full (SilaStore               *self,
                                          const SilaActor         *actor,
                                          const char              *path,
                                          const SilaImportOptions *options,
                                          SilaImportReport        *report,
                                          SilaImportCounts        *counts,
                                          GError                 **error);

G_END_DECLS
