/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "sila-config.h"

#include <string.h>

#include "sila-clock.h"
#include "sila-national-id.h"
#include "sila-store-beneficiaries.h"
#include "sila-store-private.h"
#include "sila-store-staff.h"
#include "sila-test-requests.h"
#include "sila-test-staff.h"

char *
sila_test_add_beneficiary (SilaStore       *store,
                           const SilaActor *actor,
                           const char      *nine,
                           const char      *first_name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaBeneficiary) file = sila_beneficiary_new ();

  file->id_type = SILA_ID_TYPE_NATIONAL_ID;
  file->id_number = g_strdup_printf ("%s%c", nine, sila_national_id_check_digit (nine));
  g_free (file->name[0]);
  file->name[0] = g_strdup (first_name);
  g_free (file->name[1]);
  file->name[1] = g_strdup ("عبدالله");
  g_free (file->name[3]);
  file->name[3] = g_strdup ("الحربي");
  file->gender = g_strdup ("female");
  g_free (file->consent);
  file->consent = g_strdup ("given");
  g_assert_true (sila_store_create_beneficiary (store, actor, file, NULL, &error));
  g_assert_no_error (error);

  return g_strdup (file->id);
}

SilaRequest *
sila_test_open_request (SilaStore       *store,
                        const SilaActor *actor,
                        const char      *beneficiary_id,
                        const char      *type,
                        const char      *received)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaRequestInput) input = sila_request_input_new ();
  g_autoptr(SilaFieldErrors) errors = sila_field_errors_new ();
  g_autoptr(GPtrArray) types = sila_store_list_request_types (store, FALSE, &error);
  SilaRequest *request;

  g_assert_no_error (error);
  input->beneficiary_id = g_strdup (beneficiary_id);
  sila_request_input_set (input, SILA_RF_TYPE, type);
  sila_request_input_set (input, SILA_RF_CHANNEL, "phone");
  sila_request_input_set (input, SILA_RF_RECEIVED, received);
  request = sila_request_input_parse (input, types, SILA_REQUEST_PARSE_DEFAULT, errors);
  g_assert_nonnull (request);
  g_assert_true (sila_store_open_request (store, actor, request, &error));
  g_assert_no_error (error);

  return request;
}

void
sila_test_step_input (SilaRequestStatus  to,
                      SilaStepInput     *input)
{
  memset (input, 0, sizeof *input);
  input->reason = to == SILA_REQUEST_REJECTED || to == SILA_REQUEST_WITHDRAWN
                  ? "السبب" : NULL;
  input->findings = to == SILA_REQUEST_RESEARCH_DONE ? "الأسرة محتاجة" : NULL;
  input->recommendation = to == SILA_REQUEST_RESEARCH_DONE ? "نوصي بالدعم" : NULL;
  input->has_amount = to == SILA_REQUEST_DELIVERED;
  input->amount_halalas = 150000;
}

void
sila_test_verify_documents (SilaStore       *store,
                 const SilaActor *actor,
                 const char      *request_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaRequest) request = sila_store_get_request (store, actor, request_id, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < request->documents->len; i++)
    {
      const SilaRequestDocument *d = g_ptr_array_index (request->documents, i);
      GDate expires;

      if (!d->required || d->status == SILA_DOCUMENT_VERIFIED)
        continue;
      /* A type that expires is verified with its date, valid for years. */
      sila_clock_today (&expires);
      g_date_add_years (&expires, 5);
      g_assert_true (sila_store_set_request_document (store, actor, request_id, d->type,
                                                      SILA_DOCUMENT_VERIFIED,
                                                      d->type_expires && !g_date_valid (&d->expires)
                                                      ? &expires : NULL,
                                                      NULL, NULL, &error));
      g_assert_no_error (error);
    }
}

void
sila_test_walk_request (SilaStore         *store,
                        const SilaActor   *actor,
                        const char        *request_id,
                        SilaRequestStatus  status)
{
  static const SilaRequestStatus path[] = {
    SILA_REQUEST_DOCUMENTS_COMPLETE, SILA_REQUEST_IN_RESEARCH, SILA_REQUEST_RESEARCH_DONE,
    SILA_REQUEST_WITH_COMMITTEE, SILA_REQUEST_ACCEPTED, SILA_REQUEST_REGISTERED,
    SILA_REQUEST_DELIVERED, SILA_REQUEST_CLOSED,
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaRequest) request = sila_store_get_request (store, actor, request_id, &error);

  g_assert_no_error (error);
  if (status == request->status)
    return;

  sila_test_verify_documents (store, actor, request_id);

  if (status == SILA_REQUEST_WITHDRAWN || status == SILA_REQUEST_REJECTED)
    {
      SilaStepInput input;

      if (status == SILA_REQUEST_REJECTED)
        sila_test_walk_request (store, actor, request_id, SILA_REQUEST_WITH_COMMITTEE);
      sila_test_step_input (status, &input);
      sila_store_move_request (store, actor, request_id, 0, status, &input, &error);
      g_assert_no_error (error);
      return;
    }

  /* From where the request is now. */
  for (guint i = 0; i < G_N_ELEMENTS (path); i++)
    {
      SilaStepInput input;

      if (path[i] <= request->status)
        continue;

      sila_test_step_input (path[i], &input);
      sila_store_move_request (store, actor, request_id, 0, path[i], &input, &error);
      g_assert_no_error (error);
      if (path[i] == status)
        return;
    }
}

/* Requests store fixture */

const SilaTestPerson sila_test_people[SILA_TEST_N_PEOPLE] = {
  { "huda", SILA_ROLE_OFFICER },
  { "fahad", SILA_ROLE_RESEARCHER },
  { "khalid", SILA_ROLE_COMMITTEE },
  { "mona", SILA_ROLE_MANAGER },
  { "admin", SILA_ROLE_ADMIN },
  { "worker", SILA_ROLE_OFFICER | SILA_ROLE_RESEARCHER | SILA_ROLE_COMMITTEE },
};

static char *template_dir;
static char *template_path;

void
sila_requests_template_init (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaStore) store = NULL;

  template_dir = g_dir_make_tmp ("sila-requests-XXXXXX", NULL);
  template_path = sila_test_on_server () ? sila_test_new_server_database ()
                                         : g_build_filename (template_dir, "template.db", NULL);
  store = sila_store_open (template_path, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < SILA_TEST_N_PEOPLE; i++)
    sila_actor_free (sila_test_add_staff (store, sila_test_people[i].username,
                                          sila_test_people[i].roles));
}

void
sila_requests_template_clear (void)
{
  sila_test_rm_rf (template_dir);
  g_clear_pointer (&template_path, g_free);
  g_clear_pointer (&template_dir, g_free);
}

static SilaActor *
sign_in (SilaStore  *store,
         const char *username)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaStaff) staff = sila_store_authenticate (store, username, "Sila-test-2026", &error);

  g_assert_no_error (error);
  return sila_staff_to_actor (staff);
}

void
sila_requests_fixture_setup (SilaRequestsFixture *f,
                             gconstpointer        data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  sila_clock_set_fixed (NULL);
  sila_test_dir_setup (&f->dir, NULL);
  if (sila_test_on_server ())
    {
      /* The template's copy replaces the fixture's empty database. */
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
  sila_store_set_unsynced_for_testing (f->store);

  for (guint i = 0; i < SILA_TEST_N_PEOPLE; i++)
    f->actors[i] = sign_in (f->store, sila_test_people[i].username);
  f->worker = f->actors[SILA_TEST_N_PEOPLE - 1];
  f->beneficiary_id = sila_test_add_beneficiary (f->store, f->worker, "100000001", "نورة");
}

void
sila_requests_fixture_teardown (SilaRequestsFixture *f,
                                gconstpointer        data)
{
  sila_clock_set_fixed (NULL);
  for (guint i = 0; i < SILA_TEST_N_PEOPLE; i++)
    sila_actor_free (f->actors[i]);
  g_free (f->beneficiary_id);
  g_assert_finalize_object (f->store);
  sila_test_dir_teardown (&f->dir, NULL);
}

void
sila_test_set_now (const char *iso)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 (iso, utc);

  sila_clock_set_fixed (now);
}

SilaRequest *
sila_test_reload (SilaRequestsFixture *f,
                  const char          *id)
{
  g_autoptr(GError) error = NULL;
  SilaRequest *request = sila_store_get_request (f->store, f->worker, id, &error);

  g_assert_no_error (error);
  return request;
}
