/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Numbers for display, in the UI language (sila-i18n.h): Arabic writes
 * Arabic-Indic digits with the Arabic separators (١٬٢٣٤٫٥), English writes
 * 1,234.5. Formatting goes through ICU with the locale of
 * sila_i18n_get_icu_locale(); the C library's LC_NUMERIC stays "C", so that
 * numbers written to files keep a dot.
 *
 * The *_for() variants take the language explicitly (an export in a
 * language other than the window's); the others use the UI language. All
 * return newly allocated strings and are safe to call from worker threads. */
#pragma once

#include <glib.h>

#include "sila-i18n.h"

G_BEGIN_DECLS

/* 12345 → "١٢٬٣٤٥" / "12,345". */
char *sila_format_int          (gint64        value);
char *sila_format_int_for      (gint64        value,
                                SilaLanguage  language);

/* A percentage given in percent, with one decimal: 12.5 → "١٢٫٥٪" /
 * "12.5%"; 50 → "50.0%". NaN and infinities give "—". */
char *sila_format_percent      (double        percent);
char *sila_format_percent_for  (double        percent,
                                SilaLanguage  language);

/* @part of @whole as a percentage with one decimal, computed in integers
 * (rounded half up): 1 of 8 → "12.5%". A @whole of 0 gives "—". */
char *sila_format_share        (gint64        part,
                                gint64        whole);
char *sila_format_share_for    (gint64        part,
                                gint64        whole,
                                SilaLanguage  language);

/* An exact decimal number written in ASCII ("-1234.5") for display, with
 * grouping and between @min_fraction and @max_fraction decimals. NULL if
 * @decimal is not a number. */
char *sila_format_decimal_for  (const char   *decimal,
                                guint         min_fraction,
                                guint         max_fraction,
                                SilaLanguage  language);

/* The ASCII digits of @text as Arabic-Indic digits when @language is
 * Arabic, unchanged otherwise; nothing else changes (no grouping): for
 * years, days and codes inside display text. */
char *sila_format_digits_for   (const char   *text,
                                SilaLanguage  language);

G_END_DECLS
