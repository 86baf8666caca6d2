/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by the store's backup files: taking backups, checking them,
 * restoring them. */
#pragma once

#include "sila-sqlite.h"
#include "sila-store-backup.h"
#include "sila-store-private.h"

G_BEGIN_DECLS

/* sila-sqlite-backup-files.c */

/* The common reasons a file cannot be read or written, in the UI language:
 * the C library's own words are often untranslated. */
const char     *sila_backup_describe_errno        (int          code);
gboolean        sila_backup_sync_path             (const char  *path,
                                                   gboolean     directory);
void            sila_backup_sync_parent           (const char  *path);
void            sila_backup_remove_with_sidecars  (const char  *path);
/* A new empty file, mode 0600, named after @base. */
char           *sila_backup_make_temporary        (const char  *base,
                                                   const char  *tag,
                                                   GError     **error);
/* Now, in local time, as g_date_time_format() writes it with @format. */
char           *sila_backup_local_stamp           (const char  *format);

/* Raw connections (the backup's own, the checks of a backup file). */
void            sila_backup_set_raw_error         (GError     **error,
                                                   sqlite3     *db,
                                                   const char  *shown_path);
gboolean        sila_backup_raw_text              (sqlite3     *db,
                                                   const char  *sql,
                                                   char       **value);
gboolean        sila_backup_raw_int               (sqlite3     *db,
                                                   const char  *sql,
                                                   gint64      *value);

/* sila-sqlite-backup-check.c */

/* Checks that @path (a private copy, which may be written) is a sound Sila
 * Desk database of a format this version reads; @shown names the file the
 * user chose, for messages. Leaves it in rollback-journal mode. */
SilaBackupInfo *sila_backup_check_copy            (const char  *path,
                                                   const char  *shown,
                                                   gboolean     full_check,
                                                   GError     **error);

G_END_DECLS
