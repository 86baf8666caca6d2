/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by sila-pg-backup.c and sila-pg-restore.c (see sila-pg-tools.c). */
#pragma once

#include <gio/gio.h>

#include "sila-pq.h"

G_BEGIN_DECLS

/* A location (URI or keyword string) taken apart for the tools. */
typedef struct {
  char *keywords;   /* the connection without its password */
  char *password;   /* or NULL */
  char *shown;      /* for messages */
} SilaPgConnection;

void      sila_pg_connection_clear (SilaPgConnection        *c);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SilaPgConnection, sila_pg_connection_clear)

gboolean  sila_pg_parse_connection (const char              *conninfo,
                                    SilaPgConnection        *c,
                                    GError                 **error);
/* A libpq connection of its own (the checks, the restore's emptiness). */
PGconn   *sila_pg_connect_tool     (const SilaPgConnection  *c,
                                    GError                 **error);
/* The tool's path: on PATH (Debian's wrapper), else PostgreSQL 15's. */
char     *sila_pg_find_tool        (const char              *name);
/* Runs a tool; its standard output in @out (if not NULL), its first line
 * of complaint in @complaint, 0 in @exit_status when it succeeded. FALSE
 * only when it could not be started. */
gboolean  sila_pg_run_tool         (const char * const      *argv,
                                    const SilaPgConnection  *c,
                                    char                   **out,
                                    char                   **complaint,
                                    int                     *exit_status,
                                    GError                 **error);

G_END_DECLS
