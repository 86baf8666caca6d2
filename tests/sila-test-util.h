/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A fresh temporary folder per test, removed with everything in it, and
 * where its database is: a file in it, or with SILA_TEST_ENGINE=postgres
 * (meson suite postgres) an empty database of its own on the test server. */
typedef struct {
  char *dir;
  char *db_path;
} SilaTestDir;

gboolean sila_test_on_server            (void);
/* A new empty database on the server SILA_TEST_PG: its keyword string. */
char    *sila_test_new_server_database  (void);

void  sila_test_dir_setup    (SilaTestDir   *fixture,
                              gconstpointer  user_data);
void  sila_test_dir_teardown (SilaTestDir   *fixture,
                              gconstpointer  user_data);
char *sila_test_dir_file     (SilaTestDir   *fixture,
                              const char    *name);
void  sila_test_rm_rf        (const char    *path);

G_END_DECLS
