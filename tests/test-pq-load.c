/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libpq is loaded only when a server is used (src/store/postgres/sila-pq.c):
 * working on a database file never maps it, and where the library is
 * missing a server is refused with a plain message, not a crash or a
 * failure to start. SILA_LIBPQ names a library that does not exist here;
 * the postgres suite loads the real one. */
#include "sila-config.h"

#include <string.h>

#include "sila-pg.h"
#include "sila-store-backup.h"
#include "sila-test-util.h"

static gboolean
libpq_is_mapped (void)
{
  g_autofree char *maps = NULL;

  g_assert_true (g_file_get_contents ("/proc/self/maps", &maps, NULL, NULL));
  return strstr (maps, "/libpq.so") != NULL;
}

static void
test_file_does_not_load_libpq (SilaTestDir   *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaStore) store = NULL;

  g_assert_false (libpq_is_mapped ());
  store = sila_store_open (f->db_path, 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_false (libpq_is_mapped ());
}

static void
assert_says_libpq_is_missing (const GError *error)
{
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_CANNOT_OPEN);
  g_assert_nonnull (strstr (error->message, "PostgreSQL client library"));
  g_assert_nonnull (strstr (error->message, "libpq5"));
  /* The loader's own reason, for whoever installs it. */
  g_assert_nonnull (strstr (error->message, "/nonexistent/libpq.so.5"));
}

static void
test_missing_library_is_said (void)
{
  const char *servers[] = { "host=/nonexistent dbname=office user=clerk password=secret",
                            "postgresql://clerk:secret@localhost/office" };

  for (guint i = 0; i < G_N_ELEMENTS (servers); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SilaStore) store = sila_store_open (servers[i], 0, &error);

      g_assert_null (store);
      assert_says_libpq_is_missing (error);
      /* The password is never shown. */
      g_assert_null (strstr (error->message, "secret"));
    }

  {
    g_autoptr(GError) error = NULL;

    g_assert_false (sila_server_check ("host=/nonexistent dbname=office", &error));
    assert_says_libpq_is_missing (error);
  }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SilaStore) store = sila_store_open_server ("host=/nonexistent dbname=office",
                                                         "secret", 0, &error);

    g_assert_null (store);
    assert_says_libpq_is_missing (error);
  }

  /* Showing an address needs no libpq: without its password. */
  {
    g_autofree char *shown = sila_pg_conninfo_shown ("host=office dbname=sila password=secret");

    g_assert_null (strstr (shown, "secret"));
    g_assert_nonnull (strstr (shown, "host=office"));
  }
  g_assert_false (libpq_is_mapped ());
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("SILA_LIBPQ", "/nonexistent/libpq.so.5", TRUE);
  g_setenv ("SILA_TEST_ENGINE", "sqlite", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/pq/file-does-not-load-libpq", SilaTestDir, NULL, sila_test_dir_setup,
              test_file_does_not_load_libpq, sila_test_dir_teardown);
  g_test_add_func ("/pq/missing-library-is-said", test_missing_library_is_said);
  return g_test_run ();
}
