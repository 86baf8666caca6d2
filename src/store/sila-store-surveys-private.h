/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by the store's survey files. */
#pragma once

#include "sila-store-private.h"
#include "sila-store-surveys.h"

G_BEGIN_DECLS

/* Reading templates and responses: anyone who works with surveys (taking,
 * importing, results, templates). */
gboolean  sila_store_require_any_survey  (SilaStore           *self,
                                          const SilaActor     *actor,
                                          GError             **error);

/* Adds to @q the choices kept as JSON: [{"code": …, "ar": …, "en": …}, …]. */
void      sila_survey_choices_from_json  (SilaSurveyQuestion  *q,
                                          const char          *json);

G_END_DECLS
