/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The vocabulary of the audit trail. Codes are stored; names are shown.
 * A later part of the product adds its entities (beneficiary, request, …)
 * to the table in sila-audit.c so that the viewer names them. */
#define SILA_AUDIT_CREATE          "create"
#define SILA_AUDIT_UPDATE          "update"
#define SILA_AUDIT_DEACTIVATE      "deactivate"
#define SILA_AUDIT_ACTIVATE        "activate"
#define SILA_AUDIT_PASSWORD_CHANGE "password_change"
#define SILA_AUDIT_PASSWORD_RESET  "password_reset"
#define SILA_AUDIT_LOGIN           "login"
#define SILA_AUDIT_LOGIN_FAILED    "login_failed"
#define SILA_AUDIT_LOGOUT          "logout"
#define SILA_AUDIT_BACKUP          "backup"
#define SILA_AUDIT_RESTORE         "restore"
#define SILA_AUDIT_VIEW            "view"    /* someone saw personal data */
#define SILA_AUDIT_EXPORT          "export"  /* personal data left the app */
#define SILA_AUDIT_PRINT           "print"   /* personal data printed (or saved as PDF) */
#define SILA_AUDIT_ANONYMIZE       "anonymize" /* retention: the person is no longer named */

/* Summaries the app itself writes: codes, named when shown. */
#define SILA_AUDIT_WRONG_PASSWORD  "wrong_password"
#define SILA_AUDIT_NOW_LOCKED      "wrong_password_locked"
#define SILA_AUDIT_WHILE_LOCKED    "while_locked"
#define SILA_AUDIT_DEACTIVATED     "deactivated"
#define SILA_AUDIT_MANUAL          "manual"
#define SILA_AUDIT_AUTOMATIC       "automatic"

#define SILA_AUDIT_ENTITY_STAFF    "staff"
#define SILA_AUDIT_ENTITY_SETTINGS "office_settings"
#define SILA_AUDIT_ENTITY_DATABASE "database"

const char  *sila_audit_action_to_display (const char *code);
const char  *sila_audit_entity_to_display (const char *code);
const char  *sila_audit_actor_to_display  (const char *actor_name);
const char  *sila_audit_summary_to_display (const char *summary);
const char **sila_audit_known_actions     (void);
char        *sila_audit_format_time       (const char *timestamp);
char        *sila_audit_local_day_start   (const GDate *date);

G_END_DECLS
