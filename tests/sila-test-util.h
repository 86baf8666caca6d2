/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "sila-db.h"
#include "sila-store.h"

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
/* A new database on the server, a copy of @template (one of the above, with
 * no connection left open on it); NULL @template makes an empty one. */
char    *sila_test_copy_server_database (const char *template);

void  sila_test_dir_setup    (SilaTestDir   *fixture,
                              gconstpointer  user_data);
void  sila_test_dir_teardown (SilaTestDir   *fixture,
                              gconstpointer  user_data);
char *sila_test_dir_file     (SilaTestDir   *fixture,
                              const char    *name);
void  sila_test_rm_rf        (const char    *path);

/* Below the store, on either engine (the test's file or server database):
 * a connection of the driver's own, and queries that must work. */
SilaDb  *sila_test_raw_connect   (const char *location);
void     sila_test_raw_close     (SilaDb     *db);
SilaDb  *sila_test_store_db      (SilaStore  *store);
gint64   sila_test_db_int        (SilaDb     *db,
                                  const char *sql);
/* The first column of the first row; NULL for no row or SQL NULL. */
char    *sila_test_db_text       (SilaDb     *db,
                                  const char *sql);
/* Every row as "value|value|…\n", NULL as "(null)". */
void     sila_test_db_dump       (SilaDb     *db,
                                  const char *sql,
                                  GString    *out);
gint64   sila_test_location_int  (const char *location,
                                  const char *sql);
/* The database's own tables, by name. */
char   **sila_test_table_names   (SilaDb     *db);

G_END_DECLS
