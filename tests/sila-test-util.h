/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A fresh temporary folder per test, removed with everything in it. */
typedef struct {
  char *dir;
  char *db_path;
} SilaTestDir;

void  sila_test_dir_setup    (SilaTestDir   *fixture,
                              gconstpointer  user_data);
void  sila_test_dir_teardown (SilaTestDir   *fixture,
                              gconstpointer  user_data);
char *sila_test_dir_file     (SilaTestDir   *fixture,
                              const char    *name);
void  sila_test_rm_rf        (const char    *path);

G_END_DECLS
