/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Exports of personal data (workbooks, PDFs) are made 0600 from their first
 * byte: the writer libraries create files with the process's umask (0644
 * as a rule), so a killed or failed export used to leave a file everyone on
 * the computer could read. Here the file is made by us, O_EXCL and 0600,
 * and the library only opens it again by name (fopen "wb" keeps the mode);
 * no umask is changed, so other threads are not affected. */
#define G_LOG_DOMAIN "sila-core"

#include "sila-config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "sila-private-file.h"

struct _SilaPrivateFile
{
  char     *path;
  char     *partial;
  gboolean  committed;
};

static void
set_errno_error (GError     **error,
                 int          code,
                 const char  *path,
                 gboolean     creating)
{
  g_autofree char *shown = g_filename_display_name (path);

  if (creating)
    /* TRANSLATORS: "“FILE” cannot be created: REASON" */
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (code),
                 _("“%s” cannot be created: %s"), shown, g_strerror (code));
  else
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (code),
                 _("“%s” could not be written: %s"), shown, g_strerror (code));
}

SilaPrivateFile *
sila_private_file_begin (const char  *path,
                         GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *template = NULL;
  SilaPrivateFile *self;
  int fd;

  g_return_val_if_fail (path != NULL && *path != '\0', NULL);

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  /* Hidden, in the same folder (so the rename cannot cross disks). */
  template = g_strdup_printf ("%s%c.%s.XXXXXX.partial", dir, G_DIR_SEPARATOR, base);
  fd = g_mkstemp_full (template, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      set_errno_error (error, errno, path, TRUE);
      return NULL;
    }
  close (fd);

  self = g_new0 (SilaPrivateFile, 1);
  self->path = g_strdup (path);
  self->partial = g_steal_pointer (&template);
  return self;
}

/* The temporary name to give the writer. */
const char *
sila_private_file_get_partial (SilaPrivateFile *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->partial;
}

/* The file is complete: flushed to the disk, then renamed over @path. */
gboolean
sila_private_file_commit (SilaPrivateFile  *self,
                          GError          **error)
{
  int fd;

  g_return_val_if_fail (self != NULL && !self->committed, FALSE);

  fd = g_open (self->partial, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0 || fsync (fd) != 0)
    {
      int code = errno;

      if (fd >= 0)
        close (fd);
      set_errno_error (error, code, self->path, FALSE);
      return FALSE;
    }
  close (fd);

  if (g_rename (self->partial, self->path) != 0)
    {
      set_errno_error (error, errno, self->path, FALSE);
      return FALSE;
    }

  self->committed = TRUE;
  return TRUE;
}

/* Removes the temporary file unless it was committed. */
void
sila_private_file_free (SilaPrivateFile *self)
{
  if (self == NULL)
    return;

  if (!self->committed && g_unlink (self->partial) != 0 && errno != ENOENT)
    g_message ("A partial file could not be removed: %s", g_strerror (errno));
  g_free (self->partial);
  g_free (self->path);
  g_free (self);
}
