/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <stdio.h>

#include "sila-i18n.h"
#include "sila-store.h"

G_BEGIN_DECLS

/* Exit status, as scripts rely on it (SPEC.md). */
typedef enum {
  SILA_EXIT_OK      = 0, /* done */
  SILA_EXIT_REFUSED = 1, /* ran, but refused or rejected something */
  SILA_EXIT_USAGE   = 2, /* bad usage, or a file that cannot be read */
} SilaExit;

typedef struct {
  char         *database;  /* --database, or NULL for the default */
  char         *user;      /* --user, or NULL (then SILA_USER) */
  gboolean      show_help;
  gboolean      show_version;
  char        **rest;      /* the command and its own arguments */
} SilaCliOptions;

typedef struct _SilaCli SilaCli;

gboolean   sila_cli_parse_options   (int              argc,
                                     char           **argv,
                                     SilaCliOptions  *options,
                                     char           **language,
                                     GError         **error);
void       sila_cli_options_clear   (SilaCliOptions  *options);
void       sila_cli_print_usage     (FILE            *stream);
gboolean   sila_cli_print_command_usage (FILE        *stream,
                                         char       **words);
void       sila_cli_write_manpage   (FILE            *stream);
void       sila_cli_write_completion (FILE           *stream);
int        sila_cli_run             (SilaCliOptions  *options);

/* For the command handlers. */
char            *sila_cli_get_database_path (SilaCli    *cli);
/* Opens the database; a missing file is created only for a command that
 * brings data in (SilaCliCommand.brings_data_in). */
SilaStore       *sila_cli_open_store      (SilaCli      *cli);
SilaStore       *sila_cli_try_open_store  (SilaCli      *cli);
const SilaActor *sila_cli_get_actor       (SilaCli      *cli);
const SilaActor *sila_cli_sign_in         (SilaCli        *cli,
                                           SilaPermission  permission);
void             sila_cli_close_store     (SilaCli      *cli);
void             sila_cli_set_store       (SilaCli      *cli,
                                           SilaStore    *store);
/* A database named for reading: a file's display name, or a server's
 * connection string without its password. */
char            *sila_cli_shown_database  (const char   *database);
/* Whether --database names a server's database rather than a file. */
gboolean         sila_cli_is_server       (const char   *database);
char            *sila_cli_read_password   (SilaCli      *cli,
                                           const char   *variable,
                                           const char   *prompt);
char            *sila_cli_read_new_password (SilaCli    *cli,
                                             const char *username);
const char      *sila_cli_get_password    (SilaCli      *cli);
void             sila_cli_allow_expired_password (SilaCli *cli);
void             sila_cli_allow_unrecorded_sign_in (SilaCli *cli);
int              sila_cli_fail            (SilaCli      *cli,
                                           const GError *error);
int              sila_cli_usage_error     (SilaCli      *cli,
                                           const char   *format,
                                           ...) G_GNUC_PRINTF (2, 3);
void             sila_cli_message         (SilaCli      *cli,
                                           const char   *format,
                                           ...) G_GNUC_PRINTF (2, 3);
int              sila_cli_exit_for_error  (const GError *error);

G_END_DECLS
