/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Amounts of money in Saudi riyals, held as whole halalas (1 riyal = 100
 * halalas) in a gint64: never floating point, so sums are exact.
 *
 * Typed forms: "1234", "1,234.50", "١٬٢٣٤٫٥٠", "1234.5 ر.س", "SAR 1234",
 * "1234 ريال", "﷼ 50": ASCII or Arabic-Indic/Eastern digits; "." or the
 * Arabic decimal separator ٫ for decimals; "," or ٬ between groups of
 * three digits; a currency mark (SAR, SR, ر.س, ريال, ﷼) before or after. */
#pragma once

#include <glib.h>

#include "sila-i18n.h"

G_BEGIN_DECLS

/* The largest amount accepted: one trillion riyals. */
#define SILA_MONEY_MAX_HALALAS G_GINT64_CONSTANT (100000000000000)

typedef enum {
  SILA_MONEY_ALLOW_NEGATIVE = 1 << 0, /* refunds, corrections */
  SILA_MONEY_ALLOW_EMPTY    = 1 << 1, /* an optional field: "" gives 0 */
} SilaMoneyFlags;

/* Parses an amount into halalas. Errors (SILA_VALIDATION_ERROR, in the UI
 * language): REQUIRED when empty (unless ALLOW_EMPTY); INVALID for
 * anything that is not an amount, more than two decimals, or misplaced
 * group separators; OUT_OF_RANGE for a negative amount (unless
 * ALLOW_NEGATIVE) or more than SILA_MONEY_MAX_HALALAS. */
gboolean  sila_money_parse           (const char      *text,
                                      SilaMoneyFlags   flags,
                                      gint64          *halalas,
                                      GError         **error);

/* For files: "1234.50", "-0.05", "0.00": no grouping, a dot, always two
 * decimals, ASCII. */
char     *sila_money_format_plain    (gint64           halalas);

/* For reading, in the UI language (or @language): Arabic "١٬٢٣٤٫٥٠ ر.س",
 * English "SAR 1,234.50"; without the currency: "١٬٢٣٤٫٥٠" / "1,234.50". */
char     *sila_money_format          (gint64           halalas,
                                      gboolean         with_currency);
char     *sila_money_format_for      (gint64           halalas,
                                      gboolean         with_currency,
                                      SilaLanguage     language);

G_END_DECLS
