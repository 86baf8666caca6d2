/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sila-store-surveys.h"
#include "sila-survey-results.h"
#include "sila-test-util.h"

G_BEGIN_DECLS

/* A fresh database, its owner, and the clock fixed at 2026-06-30 09:00 UTC. */
typedef struct {
  SilaTestDir  dir;
  SilaStore   *store;
  SilaActor   *owner;
} SilaSurveyFixture;

void                sila_survey_fixture_setup    (SilaSurveyFixture        *f,
                                                  gconstpointer             data);
void                sila_survey_fixture_teardown (SilaSurveyFixture        *f,
                                                  gconstpointer             data);

SilaSurveyTemplate *sila_test_default_template   (SilaSurveyFixture        *f);
/* A response from "code=value,code=value" answers. */
SilaSurveyResponse *sila_test_make_response      (const SilaSurveyTemplate *tpl,
                                                  SilaSurveyMode            mode,
                                                  const char               *day,
                                                  const char               *channel,
                                                  const char               *answers);
/* Saves a kiosk response as the owner; returns its id. */
char               *sila_test_add_response       (SilaSurveyFixture        *f,
                                                  const SilaSurveyTemplate *tpl,
                                                  const char               *day,
                                                  const char               *channel,
                                                  const char               *answers);
/* The results from @from to @to (YYYY-MM-DD), with a minimum group of 100. */
SilaSurveyResults  *sila_test_results_for        (SilaSurveyFixture        *f,
                                                  const char               *from,
                                                  const char               *to);
/* The one integer @sql reads, straight from SQLite. */
gint64              sila_test_raw_int            (SilaSurveyFixture        *f,
                                                  const char               *sql);
void                sila_test_assert_close       (double                    value,
                                                  double                    expected);

G_END_DECLS
