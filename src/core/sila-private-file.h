/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A file holding personal data, written where no one else can read it at
 * any moment: a new file, mode 0600, under a temporary name in the folder
 * of @path, which the writer (libxlsxwriter, cairo, …) opens by name; on
 * success it is flushed and renamed into place, on failure (or if freed
 * without being committed) it is removed. */
typedef struct _SilaPrivateFile SilaPrivateFile;

SilaPrivateFile *sila_private_file_begin       (const char       *path,
                                                GError          **error);
const char      *sila_private_file_get_partial (SilaPrivateFile  *self);
gboolean         sila_private_file_commit      (SilaPrivateFile  *self,
                                                GError          **error);
void             sila_private_file_free        (SilaPrivateFile  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SilaPrivateFile, sila_private_file_free)

G_END_DECLS
