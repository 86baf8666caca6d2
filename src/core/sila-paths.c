/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-core"

#include "sila-config.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>

#include "sila-paths.h"

/* $XDG_DATA_HOME/sila: personal data, so only its owner may enter it. */
char *
sila_paths_get_data_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "sila", NULL);
}

char *
sila_paths_get_default_database (void)
{
  g_autofree char *dir = sila_paths_get_data_dir ();

  return g_build_filename (dir, "sila.db", NULL);
}

gboolean
sila_paths_ensure_private_dir (const char  *dir,
                               GError     **error)
{
  g_autofree char *parent = g_path_get_dirname (dir);

  if (g_mkdir_with_parents (parent, 0755) != 0 ||
      (g_mkdir (dir, 0700) != 0 && errno != EEXIST))
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot create the folder “%s”: %s"), dir, g_strerror (saved));
      return FALSE;
    }

  /* A folder made before (or by hand) may be open to others: close it. */
  if (g_chmod (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot protect the folder “%s”: %s"), dir, g_strerror (saved));
      return FALSE;
    }

  return TRUE;
}
