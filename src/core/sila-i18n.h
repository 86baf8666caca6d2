/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  SILA_LANGUAGE_ARABIC,
  SILA_LANGUAGE_ENGLISH,
} SilaLanguage;

gboolean      sila_language_from_code  (const char   *code,
                                        SilaLanguage *language);
const char   *sila_language_to_code    (SilaLanguage  language);

void          sila_i18n_init           (SilaLanguage  language);
SilaLanguage  sila_i18n_get_language   (void);
gboolean      sila_i18n_is_rtl         (void);
const char   *sila_i18n_get_icu_locale (void);
const char   *sila_i18n_translate_to   (SilaLanguage  language,
                                        const char   *msgid) G_GNUC_FORMAT (2);

G_END_DECLS
