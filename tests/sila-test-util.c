/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <gio/gio.h>
#include <glib/gstdio.h>

#include "sila-test-util.h"

void
sila_test_rm_rf (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR) || g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_unlink (path);
      return;
    }

  g_chmod (path, 0700);
  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      sila_test_rm_rf (child);
    }
  g_rmdir (path);
}

void
sila_test_dir_setup (SilaTestDir   *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("sila-test-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db_path = g_build_filename (fixture->dir, "test.db", NULL);
}

void
sila_test_dir_teardown (SilaTestDir   *fixture,
                        gconstpointer  user_data)
{
  sila_test_rm_rf (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db_path);
}

char *
sila_test_dir_file (SilaTestDir *fixture,
                    const char  *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}
