/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by the command handlers of src/app/sila-cli-*.c. */
#pragma once

#include <json-glib/json-glib.h>

#include "sila-cli.h"
#include "sila-import-progress.h"

G_BEGIN_DECLS

typedef int (*SilaCliHandler) (SilaCli *cli,
                               int      argc,
                               char   **argv);

typedef struct {
  const char     *name;
  const char     *subcommand;  /* or NULL */
  SilaCliHandler  handler;
  const char     *synopsis;    /* not translated: it is what scripts type */
  const char     *summary;     /* translatable (N_) */
  /* A command that brings data in creates a missing database file; the
   * others only read or change existing data and refuse a missing file
   * (SPEC.md, "The command line"). */
  gboolean        brings_data_in;
} SilaCliCommand;

/* Options of one command: "--name VALUE" or "--name=VALUE", or a flag. */
typedef struct {
  const char *name;
  gboolean    takes_value;
} SilaCliOptionSpec;

typedef struct {
  GHashTable *options;     /* name → GPtrArray of values ("" for flags) */
  GPtrArray  *positional;
} SilaCliArgs;

const SilaCliCommand *sila_cli_get_commands (guint *n_commands);

/* --json output: the builder's root printed on stdout, indented; and a
 * member whose value may be missing (null). */
int         sila_cli_print_json          (JsonBuilder *builder);
void        sila_cli_json_string_or_null (JsonBuilder *builder,
                                          const char  *name,
                                          const char  *value);

gboolean    sila_cli_args_parse   (SilaCli                 *cli,
                                   int                      argc,
                                   char                   **argv,
                                   const SilaCliOptionSpec *specs,
                                   SilaCliArgs             *args);
void        sila_cli_args_clear   (SilaCliArgs             *args);
gboolean    sila_cli_args_has     (SilaCliArgs             *args,
                                   const char              *name);
const char *sila_cli_args_get     (SilaCliArgs             *args,
                                   const char              *name);
GPtrArray  *sila_cli_args_get_all (SilaCliArgs             *args,
                                   const char              *name);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SilaCliArgs, sila_cli_args_clear)

/* Progress of a long import on a terminal (sila-cli-progress.c): shown on
 * stderr after a second, only when stderr is a terminal. */
typedef struct _SilaCliProgress SilaCliProgress;

SilaCliProgress *sila_cli_progress_new    (const char        *what);
void             sila_cli_progress_attach (SilaCliProgress   *self,
                                           SilaImportOptions *options);
void             sila_cli_progress_free   (SilaCliProgress   *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SilaCliProgress, sila_cli_progress_free)

/* The handlers, one file per group of commands. */
int sila_cli_info          (SilaCli *cli, int argc, char **argv);
int sila_cli_check         (SilaCli *cli, int argc, char **argv);
int sila_cli_settings_get  (SilaCli *cli, int argc, char **argv);
int sila_cli_settings_set  (SilaCli *cli, int argc, char **argv);
int sila_cli_import_beneficiaries (SilaCli *cli, int argc, char **argv);
int sila_cli_export_beneficiaries (SilaCli *cli, int argc, char **argv);
int sila_cli_search               (SilaCli *cli, int argc, char **argv);
int sila_cli_user_add      (SilaCli *cli, int argc, char **argv);
int sila_cli_user_list     (SilaCli *cli, int argc, char **argv);
int sila_cli_user_roles    (SilaCli *cli, int argc, char **argv);
int sila_cli_user_deactivate (SilaCli *cli, int argc, char **argv);
int sila_cli_user_activate (SilaCli *cli, int argc, char **argv);
int sila_cli_user_reset_password (SilaCli *cli, int argc, char **argv);
int sila_cli_user_passwd   (SilaCli *cli, int argc, char **argv);
int sila_cli_roles         (SilaCli *cli, int argc, char **argv);
int sila_cli_audit         (SilaCli *cli, int argc, char **argv);
int sila_cli_backup        (SilaCli *cli, int argc, char **argv);
int sila_cli_restore       (SilaCli *cli, int argc, char **argv);
int sila_cli_db_init       (SilaCli *cli, int argc, char **argv);
int sila_cli_db_upgrade    (SilaCli *cli, int argc, char **argv);
int sila_cli_db_copy_to    (SilaCli *cli, int argc, char **argv);
int sila_cli_request_open     (SilaCli *cli, int argc, char **argv);
int sila_cli_request_document (SilaCli *cli, int argc, char **argv);
int sila_cli_request_move     (SilaCli *cli, int argc, char **argv);
int sila_cli_request_show     (SilaCli *cli, int argc, char **argv);
int sila_cli_request_print    (SilaCli *cli, int argc, char **argv);
int sila_cli_survey_import    (SilaCli *cli, int argc, char **argv);
int sila_cli_survey_kiosk_pin (SilaCli *cli, int argc, char **argv);
int sila_cli_survey_results   (SilaCli *cli, int argc, char **argv);
int sila_cli_survey_templates (SilaCli *cli, int argc, char **argv);
int sila_cli_report           (SilaCli *cli, int argc, char **argv);
int sila_cli_import_requests  (SilaCli *cli, int argc, char **argv);
int sila_cli_segments             (SilaCli *cli, int argc, char **argv);
int sila_cli_segment_add          (SilaCli *cli, int argc, char **argv);
int sila_cli_segment_rename       (SilaCli *cli, int argc, char **argv);
int sila_cli_segment_retire       (SilaCli *cli, int argc, char **argv);

int sila_cli_contact_add         (SilaCli *cli, int argc, char **argv);
int sila_cli_outreach_list       (SilaCli *cli, int argc, char **argv);
int sila_cli_outreach_dismiss    (SilaCli *cli, int argc, char **argv);
int sila_cli_export_person       (SilaCli *cli, int argc, char **argv);
int sila_cli_retention_anonymize (SilaCli *cli, int argc, char **argv);
int sila_cli_field_kit           (SilaCli *cli, int argc, char **argv);
int sila_cli_field_bundle        (SilaCli *cli, int argc, char **argv);
int sila_cli_field_merge         (SilaCli *cli, int argc, char **argv);
int sila_cli_field_conflicts     (SilaCli *cli, int argc, char **argv);

G_END_DECLS
