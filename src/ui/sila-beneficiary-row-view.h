/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "sila-store-beneficiaries.h"

G_BEGIN_DECLS

/* One row of the beneficiary list, drawn as a single widget: file number,
 * name, ID, mobile, segment, district and a "consent pending" mark, in
 * columns mirrored for Arabic. GTK 4.8's list view keeps about 200 rows
 * alive; seven labels each made start-up slow, one widget each does not.
 * Every row has the same height. */
#define SILA_TYPE_BENEFICIARY_ROW_VIEW (sila_beneficiary_row_view_get_type ())
G_DECLARE_FINAL_TYPE (SilaBeneficiaryRowView, sila_beneficiary_row_view, SILA,
                      BENEFICIARY_ROW_VIEW, GtkWidget)

typedef enum {
  SILA_ROW_COLUMN_NUMBER,
  SILA_ROW_COLUMN_NAME,
  SILA_ROW_COLUMN_ID,
  SILA_ROW_COLUMN_PHONE,
  SILA_ROW_COLUMN_SEGMENT,
  SILA_ROW_COLUMN_DISTRICT,
  SILA_ROW_COLUMN_CONSENT,
  SILA_N_ROW_COLUMNS
} SilaRowColumn;

GtkWidget  *sila_beneficiary_row_view_new      (void);
/* Takes the texts to show (any may be NULL). */
void        sila_beneficiary_row_view_set_text (SilaBeneficiaryRowView *self,
                                                SilaRowColumn           column,
                                                const char             *text);
const char *sila_beneficiary_row_view_get_text (SilaBeneficiaryRowView *self,
                                                SilaRowColumn           column);
void        sila_beneficiary_row_view_show     (SilaBeneficiaryRowView *self,
                                                SilaBeneficiaryRow     *row,
                                                GPtrArray              *segments);

G_END_DECLS
