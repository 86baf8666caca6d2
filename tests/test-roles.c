/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Every role × every store operation: allowed or refused exactly as the one
 * table in src/core/sila-roles.c says, and a refusal changes nothing.
 *
 * A store operation added later is covered by one row in `operations`
 * (and its permission leaves `not_yet_guarded`); the test of the whole
 * table fails if a permission is guarded by no row and not listed there. */
#include "sila-config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "sila-i18n.h"
#include "sila-report-figures.h"
#include "sila-report-workbook.h"
#include "sila-store-backup.h"
#include "sila-store-feedback.h"
#include "sila-store-field.h"
#include "sila-store-library.h"
#include "sila-store-person.h"
#include "sila-store-request-import.h"
#include "sila-store-private.h"
#include "sila-store-contacts.h"
#include "sila-store-staff.h"
#include "sila-test-requests.h"
#include "sila-store-surveys.h"
#include "sila-test-util.h"

#define PASSWORD "the right password"

typedef struct {
  SilaTestDir  dir;
  SilaStore   *store;
  SilaActor   *admin;    /* sets the scene */
  SilaStaff   *target;   /* an officer to act upon */
  SilaActor   *actor;    /* the one under test */
  char        *backup;   /* a good backup, for restore */
  SilaActor   *worker;   /* holds every role of the procedure, to set scenes */
  char        *beneficiary_id;
  char        *request_id;
} RoleFixture;

typedef gboolean (*Operation) (RoleFixture *f, GError **error);

static char *template_dir;
static char *template_path;

/* The operations */

static gboolean
op_set_setting (RoleFixture *f, GError **error)
{
  return sila_store_set_setting (f->store, f->actor, SILA_SETTING_ANSWER_WINDOW, "14", "21",
                                 error);
}

static gboolean
op_add_staff (RoleFixture *f, GError **error)
{
  g_autoptr(SilaStaff) staff = sila_store_add_staff (f->store, f->actor, "newcomer", "مستجد",
                                                     SILA_ROLE_RESEARCHER, "a fine passphrase",
                                                     TRUE, error);
  return staff != NULL;
}

static gboolean
op_update_staff (RoleFixture *f, GError **error)
{
  return sila_store_update_staff (f->store, f->actor, f->target->id, f->target->rev, "هدى س.",
                                  SILA_ROLE_OFFICER | SILA_ROLE_MANAGER, error);
}

static gboolean
op_deactivate_staff (RoleFixture *f, GError **error)
{
  return sila_store_set_staff_active (f->store, f->actor, f->target->id, FALSE, error);
}

/* The scene: an account an administrator deactivated. */
static void
scene_deactivated_target (RoleFixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sila_store_set_staff_active (f->store, f->admin, f->target->id, FALSE, &error));
}

static gboolean
op_activate_staff (RoleFixture *f, GError **error)
{
  return sila_store_set_staff_active (f->store, f->actor, f->target->id, TRUE, error);
}

static gboolean
op_reset_password (RoleFixture *f, GError **error)
{
  return sila_store_reset_staff_password (f->store, f->actor, f->target->id,
                                          "a temporary passphrase", error);
}

static gboolean
op_list_staff (RoleFixture *f, GError **error)
{
  g_autoptr(GPtrArray) list = sila_store_list_staff (f->store, f->actor, TRUE, error);

  return list != NULL;
}

static gboolean
op_find_staff (RoleFixture *f, GError **error)
{
  g_autoptr(SilaStaff) staff = sila_store_find_staff (f->store, f->actor, "huda", error);

  return staff != NULL;
}

static gboolean
op_change_own_password (RoleFixture *f, GError **error)
{
  return sila_store_change_own_password (f->store, f->actor, PASSWORD, "a brand new passphrase",
                                         error);
}

static gboolean
op_list_audit (RoleFixture *f, GError **error)
{
  g_autoptr(GPtrArray) entries = sila_store_list_audit (f->store, f->actor, NULL, NULL, 10,
                                                        error);
  return entries != NULL;
}

static gboolean
op_query_audit (RoleFixture *f, GError **error)
{
  SilaAuditFilter filter = { .action = "create", .text = "huda" };
  g_autoptr(GPtrArray) entries = sila_store_query_audit (f->store, f->actor, &filter, 0, 10,
                                                         error);
  return entries != NULL;
}

static gboolean
op_audit_values (RoleFixture *f, GError **error)
{
  g_auto(GStrv) values = sila_store_list_audit_values (f->store, f->actor, "actor", error);

  return values != NULL;
}

static gboolean
op_record_view (RoleFixture *f, GError **error)
{
  return sila_store_record_access (f->store, f->actor, SILA_PERM_BENEFICIARY_VIEW, "view",
                                   "beneficiary", "b-1", NULL, error);
}

static gboolean
op_backup_manual (RoleFixture *f, GError **error)
{
  g_autofree char *path = sila_store_backup (f->store, f->actor, SILA_BACKUP_MANUAL, NULL, NULL,
                                             error);
  return path != NULL;
}

static gboolean
op_backup_automatic (RoleFixture *f, GError **error)
{
  g_autofree char *path = sila_store_backup (f->store, f->actor, SILA_BACKUP_AUTOMATIC, NULL,
                                             NULL, error);
  return path != NULL;
}

static gboolean
op_restore (RoleFixture *f, GError **error)
{
  g_autoptr(SilaBackupInfo) info = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *aside = NULL;

  /* Restore replaces the file: the store lets go of it first, as the app does. */
  g_clear_object (&f->store);
  info = sila_store_restore (f->dir.db_path, f->backup, f->actor, &aside, error);
  f->store = sila_store_open (f->dir.db_path, 0, &local);
  g_assert_no_error (local);

  return info != NULL;
}

static gboolean
op_library_replace (RoleFixture *f, GError **error)
{
  g_autoptr(GBytes) pdf = g_bytes_new_static ("%PDF-1.7 bylaws", 15);

  return sila_store_library_replace (f->store, f->actor, SILA_LIBRARY_BYLAWS, "bylaws.pdf", pdf,
                                     error);
}

/* Requests: each operation starts from a request its step can take. */
static void
scene_request (RoleFixture       *f,
               SilaRequestStatus  status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaStaff) worker = NULL;
  g_autoptr(SilaRequest) request = NULL;

  worker = sila_store_add_staff (f->store, f->admin, "worker", "عامل",
                                 SILA_ROLE_OFFICER | SILA_ROLE_RESEARCHER | SILA_ROLE_COMMITTEE,
                                 PASSWORD, FALSE, &error);
  g_assert_no_error (error);
  f->worker = sila_staff_to_actor (worker);
  f->beneficiary_id = sila_test_add_beneficiary (f->store, f->worker, "100000001", "نورة");
  request = sila_test_open_request (f->store, f->worker, f->beneficiary_id, "financial_aid", NULL);
  f->request_id = g_strdup (request->id);
  sila_test_walk_request (f->store, f->worker, f->request_id, status);
}

static void scene_received (RoleFixture *f) { scene_request (f, SILA_REQUEST_RECEIVED); }
static void scene_complete (RoleFixture *f) { scene_request (f, SILA_REQUEST_DOCUMENTS_COMPLETE); }
static void scene_in_research (RoleFixture *f) { scene_request (f, SILA_REQUEST_IN_RESEARCH); }
static void scene_committee (RoleFixture *f) { scene_request (f, SILA_REQUEST_WITH_COMMITTEE); }
static void scene_accepted (RoleFixture *f) { scene_request (f, SILA_REQUEST_ACCEPTED); }
static void scene_registered (RoleFixture *f) { scene_request (f, SILA_REQUEST_REGISTERED); }
static void scene_delivered (RoleFixture *f) { scene_request (f, SILA_REQUEST_DELIVERED); }

static gboolean
move_to (RoleFixture       *f,
         SilaRequestStatus  to,
         GError           **error)
{
  SilaStepInput input;

  sila_test_step_input (to, &input);
  return sila_store_move_request (f->store, f->actor, f->request_id, 0, to, &input, error);
}

static gboolean
op_request_view (RoleFixture *f, GError **error)
{
  g_autoptr(SilaRequest) request = sila_store_get_request (f->store, f->actor, f->request_id,
                                                           error);
  return request != NULL;
}

static gboolean
op_request_open (RoleFixture *f, GError **error)
{
  g_autoptr(SilaRequest) request = sila_request_new ();

  request->beneficiary_id = g_strdup (f->beneficiary_id);
  request->type = g_strdup ("food_basket");
  request->channel = SILA_CHANNEL_WEBSITE;
  g_date_set_dmy (&request->received, 1, 3, 2025);
  return sila_store_open_request (f->store, f->actor, request, error);
}

static gboolean
op_request_document (RoleFixture *f, GError **error)
{
  return sila_store_set_request_document (f->store, f->actor, f->request_id, "family_register",
                                          SILA_DOCUMENT_PROVIDED, NULL, NULL, NULL, error);
}

static gboolean op_request_refer (RoleFixture *f, GError **error)
{ return move_to (f, SILA_REQUEST_IN_RESEARCH, error); }
static gboolean op_request_research (RoleFixture *f, GError **error)
{ return move_to (f, SILA_REQUEST_RESEARCH_DONE, error); }
static gboolean op_request_decide (RoleFixture *f, GError **error)
{ return move_to (f, SILA_REQUEST_ACCEPTED, error); }
static gboolean op_request_register (RoleFixture *f, GError **error)
{ return move_to (f, SILA_REQUEST_REGISTERED, error); }
static gboolean op_request_deliver (RoleFixture *f, GError **error)
{ return move_to (f, SILA_REQUEST_DELIVERED, error); }
static gboolean op_request_close (RoleFixture *f, GError **error)
{ return move_to (f, SILA_REQUEST_CLOSED, error); }
static gboolean op_request_withdraw (RoleFixture *f, GError **error)
{ return move_to (f, SILA_REQUEST_WITHDRAWN, error); }

static gboolean
op_request_configure (RoleFixture *f, GError **error)
{
  return sila_store_add_request_type (f->store, f->actor, "كفالة يتيم", "Orphan sponsorship",
                                      NULL, error);
}

static gboolean
op_contact_list (RoleFixture *f, GError **error)
{
  SilaContactFilter filter;
  g_autoptr(GPtrArray) list = NULL;

  sila_contact_filter_init (&filter);
  list = sila_store_list_contacts (f->store, f->actor, &filter, 10, error);
  return list != NULL;
}

static gboolean
op_contact_add (RoleFixture *f, GError **error)
{
  g_autoptr(SilaContact) contact = sila_contact_new ();

  contact->channel = SILA_CHANNEL_PHONE;
  contact->question = g_strdup ("متى يصرف الدعم؟");
  contact->asked_at = g_strdup ("2025-03-01T08:00:00.000Z");
  return sila_store_add_contact (f->store, f->actor, contact, error);
}

/* Surveys and the register (issue 7) */

static SilaSurveyResponse *
new_response (RoleFixture    *f,
              SilaSurveyMode  mode)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaSurveyTemplate) tpl = sila_store_get_default_survey_template (f->store, f->admin,
                                                                             &error);
  SilaSurveyResponse *r;

  g_assert_no_error (error);
  r = sila_survey_response_new (tpl, mode);
  g_assert_true (sila_survey_answer_parse (sila_survey_template_find (tpl, "overall"), "4",
                                           sila_survey_response_get_answer (r, "overall"), NULL));
  g_assert_true (sila_survey_answer_parse (sila_survey_template_find (tpl, "recommend"), "9",
                                           sila_survey_response_get_answer (r, "recommend"),
                                           NULL));
  return r;
}

static gboolean
op_take_survey (RoleFixture *f, GError **error)
{
  g_autoptr(SilaSurveyResponse) r = new_response (f, SILA_SURVEY_MODE_KIOSK);

  return sila_store_add_survey_response (f->store, f->actor, r, NULL, error);
}

static gboolean
op_import_surveys (RoleFixture *f, GError **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(SilaSurveyTemplate) tpl = NULL;

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify)sila_survey_response_free);
  g_ptr_array_add (rows, new_response (f, SILA_SURVEY_MODE_PAPER));
  tpl = sila_survey_template_copy (((SilaSurveyResponse *)g_ptr_array_index (rows, 0))->tpl);
  return sila_store_import_survey_responses (f->store, f->actor, tpl, rows, "paper.csv",
                                             "0123abcd", 0, error);
}

static gboolean
op_survey_results (RoleFixture *f, GError **error)
{
  g_autoptr(GPtrArray) counts = sila_store_survey_counts (f->store, f->actor, "2020-01-01",
                                                          "2030-12-31", SILA_SURVEY_GROUP_NONE,
                                                          error);
  return counts != NULL;
}

static gboolean
op_save_template (RoleFixture *f, GError **error)
{
  g_autoptr(SilaSurveyTemplate) tpl = sila_survey_template_new ("event", "الفعالية", "Event");

  g_ptr_array_add (tpl->questions, sila_survey_question_new ("event_rating", SILA_QUESTION_LIKERT,
                                                             "كيف كانت؟", "How was it?", TRUE));
  return sila_store_save_survey_template (f->store, f->actor, tpl, NULL, error);
}

static gboolean
op_set_kiosk_pin (RoleFixture *f, GError **error)
{
  return sila_store_set_kiosk_pin (f->store, f->actor, "2580", error);
}

static gboolean
op_list_feedback (RoleFixture *f, GError **error)
{
  g_autoptr(GPtrArray) items = sila_store_list_feedback (f->store, f->actor,
                                                         SILA_FEEDBACK_LIST_ALL, 0, error);
  return items != NULL;
}

static gboolean
op_save_feedback (RoleFixture *f, GError **error)
{
  g_autoptr(SilaFeedbackItem) item = sila_feedback_item_new (SILA_FEEDBACK_COMPLAINT);

  item->description = g_strdup ("تأخر الرد");
  sila_store_feedback_default_due (f->store, &item->received_on, &item->due_on);
  return sila_store_save_feedback (f->store, f->actor, item, NULL, error);
}

/* PDPL: a person's own data, and retention. */
static gboolean
op_person_export (RoleFixture *f, GError **error)
{
  g_autoptr(JsonNode) data = sila_store_collect_person_data (f->store, f->actor, 1001, error);

  return data != NULL;
}

static gboolean
op_retention (RoleFixture *f, GError **error)
{
  g_autoptr(GArray) numbers = g_array_new (FALSE, FALSE, sizeof (gint64));

  return sila_store_anonymize_files (f->store, f->actor, numbers, error);
}

/* Reports for the board (issue 8) */

static SilaReportFigures *
march_figures (RoleFixture  *f,
               GError      **error)
{
  SilaPeriod period;

  g_assert_true (sila_period_init_month (&period, 2025, 3, NULL));
  return sila_report_figures_compute (f->store, f->actor, &period, error);
}

static gboolean
op_report_view (RoleFixture *f, GError **error)
{
  g_autoptr(SilaReportFigures) figures = march_figures (f, error);

  return figures != NULL;
}

static gboolean
op_report_export (RoleFixture *f, GError **error)
{
  g_autoptr(SilaReportFigures) figures = march_figures (f, error);
  g_autofree char *path = sila_test_dir_file (&f->dir, "report.xlsx");

  return figures != NULL && sila_report_write_xlsx (f->store, f->actor, figures, path, error);
}

static gboolean
op_report_approve (RoleFixture *f, GError **error)
{
  g_autoptr(SilaReportApproval) approval = sila_report_approval_new ();

  approval->period = g_strdup ("2025-03");
  g_date_set_dmy (&approval->start, 1, 3, 2025);
  g_date_set_dmy (&approval->end, 31, 3, 2025);
  g_date_set_dmy (&approval->approved_on, 10, 4, 2025);
  approval->approved_by = g_strdup ("مجلس الإدارة");
  approval->decision_number = g_strdup ("3/1446");
  approval->figures_json = g_strdup ("{}");
  return sila_store_record_report_approval (f->store, f->actor, approval, error);
}

static gboolean
op_request_import (RoleFixture *f, GError **error)
{
  g_autoptr(SilaImportReport) report = sila_import_report_new ();
  g_autofree char *path = sila_test_dir_file (&f->dir, "history.csv");

  g_assert_true (g_file_set_contents (path, "national_id,type,channel,received,status\n"
                                            "1000000008,food_basket,phone,2025-03-01,received\n",
                                     -1, NULL));
  return sila_store_import_requests (f->store, f->actor, path, FALSE, report, NULL, error);
}

/* Field work: a kit of the office, and a bundle of a kit made by the
 * administrator beforehand. */
static gboolean
op_field_kit (RoleFixture *f, GError **error)
{
  g_autofree char *path = sila_test_dir_file (&f->dir, "kit.sila");

  return sila_store_field_make_kit (f->store, f->actor, "يوم الحي", NULL, TRUE, path, error);
}

static void
scene_field_bundle (RoleFixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *kit_path = sila_test_dir_file (&f->dir, "scene-kit.sila");
  g_autofree char *bundle = sila_test_dir_file (&f->dir, "scene.bundle");
  g_autoptr(SilaStore) kit = NULL;

  g_assert_true (sila_store_field_make_kit (f->store, f->admin, "يوم الحي", NULL, TRUE,
                                            kit_path, &error));
  g_assert_no_error (error);
  kit = sila_store_open (kit_path, SILA_STORE_OPEN_MUST_EXIST, &error);
  g_assert_no_error (error);
  g_assert_true (sila_store_field_write_bundle (kit, bundle, &error));
  g_assert_no_error (error);
}

static gboolean
op_field_merge (RoleFixture *f, GError **error)
{
  g_autofree char *bundle = sila_test_dir_file (&f->dir, "scene.bundle");
  const char *paths[] = { bundle, NULL };
  SilaFieldSummary summary;

  return sila_store_field_merge (f->store, f->actor, paths, FALSE, &summary, error);
}

static gboolean
op_field_conflicts (RoleFixture *f, GError **error)
{
  g_autoptr(GPtrArray) list = sila_store_field_list_conflicts (f->store, f->actor, error);

  return list != NULL;
}

static const struct {
  const char     *name;
  SilaPermission  permission;
  Operation       run;
  void          (*scene) (RoleFixture *f);
} operations[] = {
  { "settings/set", SILA_PERM_SETTINGS_EDIT, op_set_setting },
  { "staff/add", SILA_PERM_STAFF_MANAGE, op_add_staff },
  { "staff/update", SILA_PERM_STAFF_MANAGE, op_update_staff },
  { "staff/deactivate", SILA_PERM_STAFF_MANAGE, op_deactivate_staff },
  { "staff/activate", SILA_PERM_STAFF_MANAGE, op_activate_staff, scene_deactivated_target },
  { "staff/reset-password", SILA_PERM_STAFF_MANAGE, op_reset_password },
  { "staff/list", SILA_PERM_STAFF_VIEW, op_list_staff },
  { "staff/find", SILA_PERM_STAFF_VIEW, op_find_staff },
  { "account/change-own-password", SILA_PERM_OWN_ACCOUNT, op_change_own_password },
  { "audit/list", SILA_PERM_AUDIT_VIEW, op_list_audit },
  { "audit/query", SILA_PERM_AUDIT_VIEW, op_query_audit },
  { "audit/values", SILA_PERM_AUDIT_VIEW, op_audit_values },
  { "audit/record-view", SILA_PERM_BENEFICIARY_VIEW, op_record_view },
  { "backup/manual", SILA_PERM_BACKUP, op_backup_manual },
  { "backup/automatic", SILA_PERM_BACKUP_SCHEDULED, op_backup_automatic },
  { "backup/restore", SILA_PERM_BACKUP, op_restore },
  { "library/replace", SILA_PERM_LIBRARY_EDIT, op_library_replace },
  { "person/export", SILA_PERM_PERSONAL_DATA_EXPORT, op_person_export, scene_received },
  { "retention/anonymize", SILA_PERM_RETENTION, op_retention },
  { "field/kit", SILA_PERM_BENEFICIARY_EXPORT, op_field_kit },
  { "field/merge", SILA_PERM_BENEFICIARY_IMPORT, op_field_merge, scene_field_bundle },
  { "field/conflicts", SILA_PERM_BENEFICIARY_VIEW, op_field_conflicts },
  { "request/view", SILA_PERM_REQUEST_VIEW, op_request_view, scene_received },
  { "request/open", SILA_PERM_REQUEST_OPEN, op_request_open, scene_received },
  { "request/document", SILA_PERM_REQUEST_DOCUMENTS, op_request_document, scene_received },
  { "request/refer", SILA_PERM_REQUEST_REFER, op_request_refer, scene_complete },
  { "request/research", SILA_PERM_REQUEST_RESEARCH, op_request_research, scene_in_research },
  { "request/decide", SILA_PERM_REQUEST_DECIDE, op_request_decide, scene_committee },
  { "request/register", SILA_PERM_REQUEST_REGISTER, op_request_register, scene_accepted },
  { "request/deliver", SILA_PERM_REQUEST_DELIVER, op_request_deliver, scene_registered },
  { "request/close", SILA_PERM_REQUEST_CLOSE, op_request_close, scene_delivered },
  { "request/withdraw", SILA_PERM_REQUEST_WITHDRAW, op_request_withdraw, scene_received },
  { "request/configure", SILA_PERM_REQUEST_CONFIGURE, op_request_configure },
  { "contact/list", SILA_PERM_CONTACT_VIEW, op_contact_list },
  { "contact/add", SILA_PERM_CONTACT_EDIT, op_contact_add },
  { "survey/take", SILA_PERM_SURVEY_TAKE, op_take_survey },
  { "survey/import", SILA_PERM_SURVEY_IMPORT, op_import_surveys },
  { "survey/results", SILA_PERM_SURVEY_RESULTS, op_survey_results },
  { "survey/templates", SILA_PERM_SURVEY_TEMPLATES, op_save_template },
  { "kiosk/pin", SILA_PERM_KIOSK_PIN, op_set_kiosk_pin },
  { "feedback/list", SILA_PERM_FEEDBACK_VIEW, op_list_feedback },
  { "feedback/save", SILA_PERM_FEEDBACK_EDIT, op_save_feedback },
  { "report/view", SILA_PERM_REPORT_VIEW, op_report_view },
  { "report/export", SILA_PERM_REPORT_EXPORT, op_report_export },
  { "report/approve", SILA_PERM_REPORT_APPROVE, op_report_approve },
  { "request/import", SILA_PERM_REQUEST_IMPORT, op_request_import },
};

/* Permissions no store call guards yet, and why. Remove one from here when
 * its operation gets a row above. */
static const SilaPermission not_yet_guarded[] = {
  SILA_PERM_SETTINGS_VIEW,      /* settings are read before signing in (login shows the name) */
  SILA_PERM_BENEFICIARY_EDIT,   /* beneficiary files: their own issue */
};

/* Who acts: one role each, the owner of a database that has accounts, and a
 * deactivated administrator. */
typedef enum {
  ACTOR_ROLE,
  ACTOR_OWNER,
  ACTOR_DEACTIVATED,
} ActorKind;

typedef struct {
  guint     operation;
  ActorKind kind;
  SilaRole  role;
} Case;

static void
role_setup (RoleFixture   *f,
            gconstpointer  data)
{
  const Case *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaStaff) admin = NULL;
  g_autofree char *folder = NULL;

  g_autofree char *contents = NULL;
  gsize length;

  sila_test_dir_setup (&f->dir, NULL);
  /* Every case starts from a copy of one database with its two accounts:
   * migrating and hashing once, not two hundred times. */
  if (sila_test_on_server ())
    {
      g_free (f->dir.db_path);
      f->dir.db_path = sila_test_copy_server_database (template_path);
    }
  else
    {
      g_assert_true (g_file_get_contents (template_path, &contents, &length, NULL));
      g_assert_true (g_file_set_contents_full (f->dir.db_path, contents, (gssize)length,
                                               G_FILE_SET_CONTENTS_NONE, 0600, NULL));
    }
  f->store = sila_store_open (f->dir.db_path, 0, &error);
  g_assert_no_error (error);
  /* Rules, not durability, are tested here. */
  sila_store_set_unsynced_for_testing (f->store);

  admin = sila_store_authenticate (f->store, "sami", PASSWORD, &error);
  g_assert_no_error (error);
  f->admin = sila_staff_to_actor (admin);
  f->target = sila_store_find_staff (f->store, f->admin, "huda", &error);
  g_assert_no_error (error);

  folder = sila_test_dir_file (&f->dir, "backups");
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_true (sila_store_set_setting (f->store, f->admin, SILA_SETTING_BACKUP_FOLDER, NULL,
                                         folder, &error));
  f->backup = sila_test_dir_file (&f->dir, "good-backup.db");
  if (operations[c->operation].run == op_restore)
    {
      g_free (sila_store_backup (f->store, f->admin, SILA_BACKUP_MANUAL, f->backup, NULL, &error));
      g_assert_no_error (error);
    }

  switch (c->kind)
    {
    case ACTOR_OWNER:
      f->actor = sila_actor_new_owner ();
      break;

    case ACTOR_DEACTIVATED:
    case ACTOR_ROLE:
    default:
      {
        g_autoptr(SilaStaff) staff = NULL;
        SilaRole role = c->kind == ACTOR_ROLE ? c->role : SILA_ROLE_ADMIN;

        staff = sila_store_add_staff (f->store, f->admin, "actor", "الفاعل", role, PASSWORD,
                                      FALSE, &error);
        g_assert_no_error (error);
        f->actor = sila_staff_to_actor (staff);
        if (c->kind == ACTOR_DEACTIVATED)
          g_assert_true (sila_store_set_staff_active (f->store, f->admin, staff->id, FALSE,
                                                      &error));
        g_assert_no_error (error);
      }
      break;
    }
}

static void
role_teardown (RoleFixture   *f,
               gconstpointer  data)
{
  g_clear_object (&f->store);
  g_clear_pointer (&f->admin, sila_actor_free);
  g_clear_pointer (&f->actor, sila_actor_free);
  g_clear_pointer (&f->target, sila_staff_free);
  g_clear_pointer (&f->backup, g_free);
  g_clear_pointer (&f->worker, sila_actor_free);
  g_clear_pointer (&f->beneficiary_id, g_free);
  g_clear_pointer (&f->request_id, g_free);
  sila_test_dir_teardown (&f->dir, NULL);
}

/* Everything the database holds, as text: a refusal must not change it. */
static char *
snapshot (const char *path)
{
  static const char *tables[] = {
    "meta", "office_settings", "counters", "staff", "audit_log", "survey_templates",
    "survey_questions", "survey_responses", "survey_answers", "survey_stats", "survey_imports",
    "feedback_items", "requests", "request_documents", "request_events", "research_reports",
    "committee_decisions", "deliveries", "contacts", "request_types", "report_approvals",
    "request_imports", "imported_requests",
  };
  GString *all = g_string_new (NULL);
  SilaDb *db = sila_test_raw_connect (path);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY 1", tables[i]);

      sila_test_db_dump (db, sql, all);
    }
  sila_test_raw_close (db);

  return g_string_free (all, FALSE);
}

static void
test_case (RoleFixture   *f,
           gconstpointer  data)
{
  const Case *c = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gboolean expected;
  gboolean done;

  if (operations[c->operation].scene != NULL)
    operations[c->operation].scene (f);
  before = snapshot (f->dir.db_path);

  expected = c->kind == ACTOR_ROLE && sila_roles_permit (c->role, operations[c->operation].permission);
  done = operations[c->operation].run (f, &error);

  if (expected)
    {
      g_assert_no_error (error);
      g_assert_true (done);
      return;
    }

  g_assert_false (done);
  g_assert_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DENIED);
  /* A plain message, not a code. */
  g_assert_true (g_str_has_prefix (error->message, "Not allowed") ||
                 strstr (error->message, "sign in") != NULL ||
                 strstr (error->message, "deactivated") != NULL);

  after = snapshot (f->dir.db_path);
  g_assert_cmpstr (before, ==, after);
}

/* Every permission is guarded by some row, or said not to be yet. */
static void
test_table_is_complete (void)
{
  for (SilaPermission p = 0; p < SILA_N_PERMS; p++)
    {
      gboolean guarded = FALSE;
      gboolean excused = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (operations); i++)
        guarded |= operations[i].permission == p;
      for (guint i = 0; i < G_N_ELEMENTS (not_yet_guarded); i++)
        excused |= not_yet_guarded[i] == p;

      if (!guarded && !excused)
        g_error ("No store operation in tests/test-roles.c is guarded by %s",
                 sila_permission_to_code (p));
      if (guarded && excused)
        g_error ("%s is guarded now: remove it from not_yet_guarded", sila_permission_to_code (p));
    }
}

int
main (int argc, char **argv)
{
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_free);
  int status;

  g_test_init (&argc, &argv, NULL);
  sila_i18n_init (SILA_LANGUAGE_ENGLISH);
  sila_store_set_cheap_hashes_for_testing (TRUE);

  g_test_add_func ("/sila/store/roles/table-is-complete", test_table_is_complete);

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SilaActor) owner = sila_actor_new_owner ();
    g_autoptr(SilaActor) admin = NULL;
    g_autoptr(SilaStaff) staff = NULL;
    g_autoptr(SilaStore) store = NULL;

    template_dir = g_dir_make_tmp ("sila-roles-XXXXXX", NULL);
    template_path = sila_test_on_server () ? sila_test_new_server_database ()
                                           : g_build_filename (template_dir, "template.db",
                                                               NULL);
    store = sila_store_open (template_path, 0, &error);
    g_assert_no_error (error);
    staff = sila_store_add_staff (store, owner, "sami", "سامي", SILA_ROLE_ADMIN, PASSWORD, FALSE,
                                  &error);
    g_assert_no_error (error);
    admin = sila_staff_to_actor (staff);
    g_clear_pointer (&staff, sila_staff_free);
    staff = sila_store_add_staff (store, admin, "huda", "هدى", SILA_ROLE_OFFICER, PASSWORD, FALSE,
                                  &error);
    g_assert_no_error (error);
  }

  for (guint op = 0; op < G_N_ELEMENTS (operations); op++)
    {
      /* A server's database is restored only into an empty database, with
       * pg_restore (postgres/pg-backup tests it): there is no file to put
       * back in place, so this case is the file's alone. */
      if (sila_test_on_server () && operations[op].run == op_restore)
        continue;

      for (int k = 0; k < SILA_N_ROLES + 2; k++)
        {
          Case *c = g_new0 (Case, 1);
          g_autofree char *path = NULL;
          const char *who;

          c->operation = op;
          if (k < SILA_N_ROLES)
            {
              c->kind = ACTOR_ROLE;
              c->role = 1 << k;
              who = sila_role_to_code (c->role);
            }
          else if (k == SILA_N_ROLES)
            {
              c->kind = ACTOR_OWNER;
              who = "owner-once-accounts-exist";
            }
          else
            {
              c->kind = ACTOR_DEACTIVATED;
              who = "deactivated-admin";
            }

          path = g_strdup_printf ("/sila/store/roles/%s/%s", operations[op].name, who);
          g_test_add (path, RoleFixture, c, role_setup, test_case, role_teardown);
          g_ptr_array_add (cases, c);
        }
    }

  status = g_test_run ();
  sila_test_rm_rf (template_dir);
  g_free (template_path);
  g_free (template_dir);
  return status;
}
