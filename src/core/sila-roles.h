/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The staff roles of SPEC.md. A person may hold several. */
typedef enum {
  SILA_ROLE_NONE       = 0,
  SILA_ROLE_OFFICER    = 1 << 0, /* موظف علاقات المستفيدين */
  SILA_ROLE_RESEARCHER = 1 << 1, /* الباحث الاجتماعي */
  SILA_ROLE_COMMITTEE  = 1 << 2, /* لجنة البحث */
  SILA_ROLE_MANAGER    = 1 << 3, /* المدير */
  SILA_ROLE_ADMIN      = 1 << 4, /* مسؤول النظام */
} SilaRole;

#define SILA_ROLE_ALL (SILA_ROLE_OFFICER | SILA_ROLE_RESEARCHER | SILA_ROLE_COMMITTEE | \
                       SILA_ROLE_MANAGER | SILA_ROLE_ADMIN)
#define SILA_N_ROLES 5

/* Every operation the store guards. The table deciding which roles may do
 * what is in sila-roles.c, and nowhere else. */
typedef enum {
  SILA_PERM_SETTINGS_VIEW,
  SILA_PERM_SETTINGS_EDIT,
  SILA_PERM_STAFF_MANAGE,
  SILA_PERM_AUDIT_VIEW,
  SILA_PERM_BACKUP,
  SILA_PERM_BENEFICIARY_VIEW,
  SILA_PERM_BENEFICIARY_EDIT,
  SILA_PERM_BENEFICIARY_IMPORT,
  SILA_PERM_BENEFICIARY_EXPORT,
  SILA_PERM_REPORT_VIEW,
  SILA_PERM_REPORT_EXPORT,
  SILA_PERM_LIBRARY_EDIT,
  SILA_PERM_STAFF_VIEW,
  SILA_PERM_OWN_ACCOUNT,
  SILA_PERM_BACKUP_SCHEDULED,
  /* Support requests (issue 4): each step of the workflow is guarded by
   * one of these; src/core/sila-request-workflow.c says which. */
  SILA_PERM_REQUEST_VIEW,
  SILA_PERM_REQUEST_OPEN,
  SILA_PERM_REQUEST_DOCUMENTS,
  SILA_PERM_REQUEST_REFER,
  SILA_PERM_REQUEST_RESEARCH,
  SILA_PERM_REQUEST_DECIDE,
  SILA_PERM_REQUEST_REGISTER,
  SILA_PERM_REQUEST_DELIVER,
  SILA_PERM_REQUEST_CLOSE,
  SILA_PERM_REQUEST_WITHDRAW,
  SILA_PERM_REQUEST_CONFIGURE,
  /* Contacts and inquiries (سجل التواصل). */
  SILA_PERM_CONTACT_VIEW,
  SILA_PERM_CONTACT_EDIT,
  SILA_PERM_SURVEY_TAKE,
  SILA_PERM_SURVEY_IMPORT,
  SILA_PERM_SURVEY_RESULTS,
  SILA_PERM_SURVEY_TEMPLATES,
  SILA_PERM_KIOSK_PIN,
  SILA_PERM_FEEDBACK_VIEW,
  SILA_PERM_FEEDBACK_EDIT,
  SILA_PERM_PERSONAL_DATA_EXPORT,
  SILA_PERM_RETENTION,
  /* Reports for the board (issue 8): recording the board's approval of a
   * period's report, and importing the office's past requests. */
  SILA_PERM_REPORT_APPROVE,
  SILA_PERM_REQUEST_IMPORT,
  SILA_N_PERMS
} SilaPermission;

SilaRole     sila_role_from_code        (const char *code);
const char  *sila_role_to_code          (SilaRole    role);
const char  *sila_role_to_display       (SilaRole    role);
char        *sila_roles_to_codes        (SilaRole    roles);
SilaRole     sila_roles_from_codes      (const char *codes);
/* The roles given to a staff account: at least one, all known. FALSE with
 * a SILA_VALIDATION_ERROR that says so otherwise. */
gboolean     sila_roles_check_assigned  (SilaRole    assigned,
                                         GError    **error);

gboolean     sila_roles_permit          (SilaRole       roles,
                                         SilaPermission permission);
SilaRole     sila_permission_get_roles  (SilaPermission permission);
const char  *sila_permission_to_code    (SilaPermission permission);
const char  *sila_permission_to_display (SilaPermission permission);

G_END_DECLS
