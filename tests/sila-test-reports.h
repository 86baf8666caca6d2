/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A fixture for the report's tests: March 2026 and around it, computed by
 * hand in the comments of sila_test_report_fixture_setup(). */
#pragma once

#include "sila-report-figures.h"
#include "sila-store-request-import.h"
#include "sila-test-util.h"

G_BEGIN_DECLS

typedef struct {
  SilaTestDir  dir;
  SilaStore   *store;
  SilaActor   *worker;    /* officer, researcher, committee, manager */
  SilaActor   *manager;
  char        *ids[8];    /* national ID numbers of the files */
  char        *file_ids[8];
} Fixture;

void               sila_test_report_set_clock        (const char       *iso);
char              *sila_test_report_write_file       (Fixture          *f,
                                                      const char       *name,
                                                      const char       *contents);
SilaImportReport  *sila_test_report_import           (Fixture          *f,
                                                      const char       *name,
                                                      const char       *csv,
                                                      SilaImportCounts *counts);
void               sila_test_report_fixture_setup    (Fixture          *f,
                                                      gconstpointer     data);
void               sila_test_report_fixture_teardown (Fixture          *f,
                                                      gconstpointer     data);
SilaReportFigures *sila_test_report_compute          (Fixture          *f,
                                                      const char       *code);

G_END_DECLS
