/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-core"

#include "sila-config.h"

#include <glib/gi18n-lib.h>

#include "sila-roles.h"
#include "sila-validation.h"

#define OFF SILA_ROLE_OFFICER
#define RES SILA_ROLE_RESEARCHER
#define COM SILA_ROLE_COMMITTEE
#define MAN SILA_ROLE_MANAGER
#define ADM SILA_ROLE_ADMIN

static const struct {
  SilaRole    role;
  const char *code;
  const char *display;
} roles[] = {
  { SILA_ROLE_OFFICER,    "officer",    N_("Beneficiary-relations officer") },
  { SILA_ROLE_RESEARCHER, "researcher", N_("Social researcher") },
  { SILA_ROLE_COMMITTEE,  "committee",  N_("Research committee member") },
  { SILA_ROLE_MANAGER,    "manager",    N_("Manager") },
  { SILA_ROLE_ADMIN,      "admin",      N_("Administrator") },
};

/* The one table of who may do what. The store checks it on every call. */
static const struct {
  SilaPermission permission;
  const char    *code;
  const char    *display;
  SilaRole       roles;
} permissions[SILA_N_PERMS] = {
  { SILA_PERM_SETTINGS_VIEW,     "settings.view",     N_("view the office settings"),
    OFF | RES | COM | MAN | ADM },
  { SILA_PERM_SETTINGS_EDIT,     "settings.edit",     N_("change the office settings"),
    ADM },
  { SILA_PERM_STAFF_MANAGE,      "staff.manage",      N_("manage staff accounts"),
    ADM },
  { SILA_PERM_AUDIT_VIEW,        "audit.view",        N_("read the audit trail"),
    ADM },
  { SILA_PERM_BACKUP,            "backup",            N_("back up and restore the database"),
    ADM },
  { SILA_PERM_BENEFICIARY_VIEW,  "beneficiary.view",  N_("view beneficiary files"),
    OFF | RES | COM | MAN | ADM },
  { SILA_PERM_BENEFICIARY_EDIT,  "beneficiary.edit",  N_("open and change beneficiary files"),
    OFF | ADM },
  { SILA_PERM_BENEFICIARY_IMPORT, "beneficiary.import", N_("import beneficiary registers"),
    OFF | ADM },
  { SILA_PERM_BENEFICIARY_EXPORT, "beneficiary.export", N_("export the beneficiary register"),
    MAN | ADM },
  { SILA_PERM_REPORT_VIEW,       "report.view",       N_("view reports"),
    MAN | ADM },
  { SILA_PERM_REPORT_EXPORT,     "report.export",     N_("export and print reports"),
    MAN | ADM },
  { SILA_PERM_LIBRARY_EDIT,      "library.edit",      N_("replace the documents of the library"),
    ADM },
  /* Colleagues' names and roles, to assign work to them; never passwords. */
  { SILA_PERM_STAFF_VIEW,        "staff.view",        N_("see the list of staff"),
    OFF | RES | COM | MAN | ADM },
  { SILA_PERM_OWN_ACCOUNT,       "account.own",       N_("change your own password"),
    OFF | RES | COM | MAN | ADM },
  /* The daily backup an administrator set up runs whoever is signed in:
   * an office whose laptop only officers use must not go without one. */
  { SILA_PERM_BACKUP_SCHEDULED,  "backup.scheduled",  N_("run the daily automatic backup"),
    OFF | RES | COM | MAN | ADM },
  /* Support requests: the policy's procedure, step by step. Officers
   * receive, check documents, refer, register and deliver; the researcher
   * reports; only the committee decides; managers may close and withdraw.
   * Administrators configure, they do not decide. */
  { SILA_PERM_REQUEST_VIEW,      "request.view",      N_("view support requests"),
    OFF | RES | COM | MAN | ADM },
  { SILA_PERM_REQUEST_OPEN,      "request.open",      N_("open support requests"),
    OFF },
  { SILA_PERM_REQUEST_DOCUMENTS, "request.documents", N_("check the documents of requests"),
    OFF },
  { SILA_PERM_REQUEST_REFER,     "request.refer",
    N_("refer requests to social research and raise them to the committee"),
    OFF },
  { SILA_PERM_REQUEST_RESEARCH,  "request.research",  N_("write the social research report"),
    RES },
  { SILA_PERM_REQUEST_DECIDE,    "request.decide",    N_("accept or reject requests"),
    COM },
  { SILA_PERM_REQUEST_REGISTER,  "request.register",  N_("register accepted requests"),
    OFF },
  { SILA_PERM_REQUEST_DELIVER,   "request.deliver",   N_("record the service delivered"),
    OFF },
  { SILA_PERM_REQUEST_CLOSE,     "request.close",     N_("close requests"),
    OFF | MAN },
  { SILA_PERM_REQUEST_WITHDRAW,  "request.withdraw",  N_("withdraw requests"),
    OFF | MAN },
  { SILA_PERM_REQUEST_CONFIGURE, "request.configure",
    N_("change request types, document types and checklists"),
    ADM },
  { SILA_PERM_CONTACT_VIEW,      "contact.view",      N_("view the contacts log"),
    OFF | RES | MAN },
  { SILA_PERM_CONTACT_EDIT,      "contact.edit",      N_("record contacts and answer inquiries"),
    OFF | RES },
  /* Officers take surveys with beneficiaries and start the kiosk; results
   * are for managers, who use them to improve the service, never to judge
   * a colleague by one answer. */
  { SILA_PERM_SURVEY_TAKE,       "survey.take",
    N_("take satisfaction surveys and run the kiosk"),
    OFF | ADM },
  { SILA_PERM_SURVEY_IMPORT,     "survey.import",     N_("import survey responses"),
    OFF | ADM },
  { SILA_PERM_SURVEY_RESULTS,    "survey.results",    N_("see survey results"),
    MAN | ADM },
  { SILA_PERM_SURVEY_TEMPLATES,  "survey.templates",  N_("edit survey templates"),
    ADM },
  { SILA_PERM_KIOSK_PIN,         "kiosk.pin",         N_("set the kiosk PIN"),
    MAN | ADM },
  { SILA_PERM_FEEDBACK_VIEW,     "feedback.view",     N_("view suggestions and complaints"),
    OFF | RES | COM | MAN | ADM },
  { SILA_PERM_FEEDBACK_EDIT,     "feedback.edit",
    N_("register and answer suggestions and complaints"),
    OFF | MAN | ADM },
  /* PDPL: a person may ask for everything held about them; the office
   * that serves them at the desk hands it over. */
  { SILA_PERM_PERSONAL_DATA_EXPORT, "personal_data.export",
    N_("give a beneficiary everything held about them"),
    OFF | MAN },
  { SILA_PERM_RETENTION,         "retention.anonymize",
    N_("anonymize files closed longer than the retention period"),
    ADM },
  /* The board's approval is recorded by those who prepare its report. The
   * history of past requests (decisions and deliveries included) is brought
   * in once, by those who answer for the reports, not by the desks. */
  { SILA_PERM_REPORT_APPROVE,    "report.approve",
    N_("record the board's approval of a report"),
    MAN | ADM },
  { SILA_PERM_REQUEST_IMPORT,    "request.import",
    N_("import the history of support requests"),
    MAN | ADM },
};

SilaRole
sila_role_from_code (const char *code)
{
  g_return_val_if_fail (code != NULL, SILA_ROLE_NONE);

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    if (g_ascii_strcasecmp (roles[i].code, code) == 0)
      return roles[i].role;

  return SILA_ROLE_NONE;
}

const char *
sila_role_to_code (SilaRole role)
{
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    if (roles[i].role == role)
      return roles[i].code;

  return NULL;
}

const char *
sila_role_to_display (SilaRole role)
{
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    if (roles[i].role == role)
      return _(roles[i].display);

  return NULL;
}

/* "officer,manager" — the form kept in the database and printed by the CLI. */
char *
sila_roles_to_codes (SilaRole roles_mask)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      if ((roles_mask & roles[i].role) == 0)
        continue;
      if (s->len > 0)
        g_string_append_c (s, ',');
      g_string_append (s, roles[i].code);
    }

  return g_string_free (s, FALSE);
}

/* Returns SILA_ROLE_NONE if any code is unknown. */
SilaRole
sila_roles_from_codes (const char *codes)
{
  g_auto(GStrv) parts = NULL;
  SilaRole result = SILA_ROLE_NONE;

  if (codes == NULL || *codes == '\0')
    return SILA_ROLE_NONE;

  parts = g_strsplit (codes, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      SilaRole r = sila_role_from_code (g_strstrip (parts[i]));

      if (r == SILA_ROLE_NONE)
        return SILA_ROLE_NONE;
      result |= r;
    }

  return result;
}

gboolean
sila_roles_permit (SilaRole       roles_mask,
                   SilaPermission permission)
{
  g_return_val_if_fail (permission < SILA_N_PERMS, FALSE);
  g_assert (permissions[permission].permission == permission);

  return (roles_mask & permissions[permission].roles) != 0;
}

SilaRole
sila_permission_get_roles (SilaPermission permission)
{
  g_return_val_if_fail (permission < SILA_N_PERMS, SILA_ROLE_NONE);

  return permissions[permission].roles;
}

const char *
sila_permission_to_code (SilaPermission permission)
{
  g_return_val_if_fail (permission < SILA_N_PERMS, NULL);

  return permissions[permission].code;
}

const char *
sila_permission_to_display (SilaPermission permission)
{
  g_return_val_if_fail (permission < SILA_N_PERMS, NULL);

  return _(permissions[permission].display);
}

gboolean
sila_roles_check_assigned (SilaRole   assigned,
                           GError   **error)
{
  if (assigned == SILA_ROLE_NONE || (assigned & ~SILA_ROLE_ALL) != 0)
    {
      g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_REQUIRED,
                           _("Choose at least one role."));
      return FALSE;
    }

  return TRUE;
}
