/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Field work (issue 15) at the office's size:
 *
 *   bench-field OFFICE.db WORKDIR [FILES REQUESTS RESPONSES CONTACTS]
 *
 * On a copy of OFFICE.db (a 100,000-file registry from sila-generate), makes
 * a lookup-only field kit and times it; on the kit, a day's work through the
 * store's API (500 new files, 500 requests with their checklists verified
 * and a step of their timeline, 2,000 survey responses, 300 contacts by
 * default); writes the return bundle; merges it into one copy of the office
 * (sila_store_field_merge: checks, final numbers, duplicates, search index,
 * audit) and applies its bare changeset with sqlite3changeset_apply into
 * another, in the same run. Prints times, sizes and the ratio; asserts
 * nothing about speed. */
#define G_LOG_DOMAIN "sila-bench"

#include "sila-config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

#include "sila-clock.h"
#include "sila-i18n.h"
#include "sila-national-id.h"
#include "sila-store-beneficiaries.h"
#include "sila-store-contacts.h"
#include "sila-store-field-private.h"
#include "sila-store-requests.h"
#include "sila-store-surveys.h"

static double
seconds_since (gint64 t0)
{
  return (g_get_monotonic_time () - t0) / 1e6;
}

static gboolean
copy_file (const char  *from,
           const char  *to,
           GError     **error)
{
  g_autoptr(GFile) source = g_file_new_for_path (from);
  g_autoptr(GFile) dest = g_file_new_for_path (to);

  return g_file_copy (source, dest, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, error);
}

static SilaBeneficiary *
field_file (guint i)
{
  g_autoptr(SilaBeneficiaryInput) in = sila_beneficiary_input_new ();
  g_autofree char *nine = g_strdup_printf ("18%07u", i);
  g_autofree char *id = g_strdup_printf ("%s%c", nine, sila_national_id_check_digit (nine));
  g_autofree char *mobile = g_strdup_printf ("058%07u", i);
  SilaMemberInput *m;

  sila_beneficiary_input_set (in, SILA_BF_ID_NUMBER, id);
  sila_beneficiary_input_set (in, SILA_BF_FIRST_NAME, "نورة");
  sila_beneficiary_input_set (in, SILA_BF_FATHER_NAME, "سعد");
  sila_beneficiary_input_set (in, SILA_BF_GRANDFATHER_NAME, "محمد");
  sila_beneficiary_input_set (in, SILA_BF_FAMILY_NAME, "العتيبي");
  sila_beneficiary_input_set (in, SILA_BF_GENDER, "female");
  sila_beneficiary_input_set (in, SILA_BF_BIRTH_DATE, "1985-04-02");
  sila_beneficiary_input_set (in, SILA_BF_MOBILE, mobile);
  sila_beneficiary_input_set (in, SILA_BF_DISTRICT, "النسيم");
  sila_beneficiary_input_set (in, SILA_BF_SEGMENT, "low_income");
  sila_beneficiary_input_set (in, SILA_BF_CONSENT, "given");
  sila_beneficiary_input_add_income (in, "social_security", "1500");
  m = sila_beneficiary_input_add_member (in);
  sila_member_input_set (m, SILA_MEMBER_NAME, "ريم سعد العتيبي");
  sila_member_input_set (m, SILA_MEMBER_RELATION, "daughter");
  return sila_beneficiary_input_parse (in, NULL, 0, NULL);
}

/* A day at a field event, on the kit. */
static gboolean
work_the_day (SilaStore  *kit,
              guint       n_files,
              guint       n_requests,
              guint       n_responses,
              guint       n_contacts,
              GError    **error)
{
  g_autoptr(SilaActor) owner = sila_actor_new_owner ();
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(SilaSurveyTemplate) tpl = NULL;
  g_autoptr(SilaTransaction) tx = sila_transaction_begin (kit, error);
  GDate today;

  if (tx == NULL)
    return FALSE;
  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));

  for (guint i = 0; i < n_files; i++)
    {
      g_autoptr(SilaBeneficiary) file = field_file (i);

      if (file == NULL || !sila_store_create_beneficiary (kit, owner, file, NULL, error))
        return FALSE;
      g_ptr_array_add (ids, g_strdup (file->id));
    }

  for (guint i = 0; i < n_requests && ids->len > 0; i++)
    {
      g_autoptr(SilaRequest) request = sila_request_new ();
      g_autoptr(SilaRequest) read = NULL;
      GDate expires;

      request->beneficiary_id = g_strdup (ids->pdata[i % ids->len]);
      request->type = g_strdup ("financial_aid");
      request->channel = SILA_CHANNEL_INTERVIEW;
      request->received = today;
      request->description = g_strdup ("طلب من يوم الحي");
      if (!sila_store_open_request (kit, owner, request, error))
        return FALSE;
      read = sila_store_get_request (kit, owner, request->id, error);
      if (read == NULL)
        return FALSE;
      g_date_clear (&expires, 1);
      g_date_set_dmy (&expires, 1, 1, 2040);
      for (guint d = 0; d < read->documents->len; d++)
        {
          const SilaRequestDocument *doc = g_ptr_array_index (read->documents, d);

          if (doc->required &&
              !sila_store_set_request_document (kit, owner, request->id, doc->type,
                                                SILA_DOCUMENT_VERIFIED,
                                                doc->type_expires ? &expires : NULL, NULL,
                                                NULL, error))
            return FALSE;
        }
      if (!sila_store_move_request (kit, owner, request->id, 0,
                                    SILA_REQUEST_DOCUMENTS_COMPLETE, NULL, error))
        return FALSE;
    }

  tpl = sila_store_get_default_survey_template (kit, owner, error);
  if (tpl == NULL)
    return FALSE;
  for (guint i = 0; i < n_responses; i++)
    {
      g_autoptr(SilaSurveyResponse) r = sila_survey_response_new (tpl, SILA_SURVEY_MODE_KIOSK);

      r->answered_on = today;
      r->channel = g_strdup ("interview");
      for (guint q = 0; q < tpl->questions->len; q++)
        {
          const SilaSurveyQuestion *question = g_ptr_array_index (tpl->questions, q);
          g_autofree char *text = g_strdup_printf ("%u", question->kind == SILA_QUESTION_RECOMMEND
                                                         ? 6 + i % 5 : 1 + i % 5);

          if (question->kind == SILA_QUESTION_LIKERT || question->kind == SILA_QUESTION_RECOMMEND)
            sila_survey_answer_parse (question, text, &r->answers[q], NULL);
        }
      if (!sila_store_add_survey_response (kit, owner, r, NULL, error))
        return FALSE;
    }

  for (guint i = 0; i < n_contacts && ids->len > 0; i++)
    {
      g_autoptr(SilaContact) c = sila_contact_new ();

      c->beneficiary_id = g_strdup (ids->pdata[i % ids->len]);
      c->channel = SILA_CHANNEL_INTERVIEW;
      c->kind = SILA_CONTACT_INQUIRY;
      c->question = g_strdup ("سؤال عن موعد الصرف");
      c->asked_at = sila_clock_timestamp ();
      c->answer = g_strdup ("أُجيب في الموقع");
      if (!sila_store_add_contact (kit, owner, c, error))
        return FALSE;
    }

  return sila_transaction_commit (tx, error);
}

static gint64
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? (gint64)st.st_size : -1;
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaActor) owner = sila_actor_new_owner ();
  g_autoptr(SilaStore) office = NULL;
  g_autoptr(SilaStore) raw_office = NULL;
  g_autoptr(SilaStore) kit = NULL;
  g_autoptr(SilaFieldHeader) header = NULL;
  g_autoptr(GBytes) bundle = NULL;
  g_autoptr(GBytes) changeset = NULL;
  g_autofree char *merged_path = NULL;
  g_autofree char *raw_path = NULL;
  g_autofree char *kit_path = NULL;
  g_autofree char *bundle_path = NULL;
  g_autofree char *contents = NULL;
  const char *paths[2] = { NULL, NULL };
  SilaFieldSummary summary;
  guint n_files = 500, n_requests = 500, n_responses = 2000, n_contacts = 300;
  double t_kit, t_work, t_bundle, t_merge, t_raw;
  gsize size = 0;
  gint64 t0;

  sila_i18n_init (SILA_LANGUAGE_ENGLISH);
  if (argc != 3 && argc != 7)
    {
      g_printerr ("usage: bench-field OFFICE.db WORKDIR [FILES REQUESTS RESPONSES CONTACTS]\n");
      return 2;
    }
  if (argc == 7)
    {
      n_files = (guint)atoi (argv[3]);
      n_requests = (guint)atoi (argv[4]);
      n_responses = (guint)atoi (argv[5]);
      n_contacts = (guint)atoi (argv[6]);
    }
  g_mkdir_with_parents (argv[2], 0700);
  merged_path = g_build_filename (argv[2], "office-merged.db", NULL);
  raw_path = g_build_filename (argv[2], "office-raw.db", NULL);
  kit_path = g_build_filename (argv[2], "kit.db", NULL);
  bundle_path = g_build_filename (argv[2], "day.bundle", NULL);
  for (const char *p = kit_path; p != NULL; p = NULL)
    {
      g_autofree char *base = sila_field_kit_base_path (p);

      g_unlink (p);
      g_unlink (base);
    }
  if (!copy_file (argv[1], merged_path, &error) || !copy_file (argv[1], raw_path, &error))
    goto fail;

  office = sila_store_open (merged_path, SILA_STORE_OPEN_MUST_EXIST, &error);
  if (office == NULL)
    goto fail;

  t0 = g_get_monotonic_time ();
  if (!sila_store_field_make_kit (office, owner, "bench", NULL, TRUE, kit_path, &error))
    goto fail;
  t_kit = seconds_since (t0);

  kit = sila_store_open (kit_path, SILA_STORE_OPEN_MUST_EXIST, &error);
  if (kit == NULL)
    goto fail;
  t0 = g_get_monotonic_time ();
  if (!work_the_day (kit, n_files, n_requests, n_responses, n_contacts, &error))
    goto fail;
  t_work = seconds_since (t0);

  t0 = g_get_monotonic_time ();
  if (!sila_store_field_write_bundle (kit, bundle_path, &error))
    goto fail;
  t_bundle = seconds_since (t0);
  g_clear_object (&kit);

  /* The merge, as `sila field merge` does it. */
  paths[0] = bundle_path;
  t0 = g_get_monotonic_time ();
  if (!sila_store_field_merge (office, owner, paths, FALSE, &summary, &error))
    goto fail;
  t_merge = seconds_since (t0);

  /* The bare changeset, into another copy of the same office. */
  if (!g_file_get_contents (bundle_path, &contents, &size, &error))
    goto fail;
  bundle = g_bytes_new_take (g_steal_pointer (&contents), size);
  header = sila_field_bundle_parse (bundle, &changeset, &error);
  if (header == NULL)
    goto fail;
  raw_office = sila_store_open (raw_path, SILA_STORE_OPEN_MUST_EXIST, &error);
  if (raw_office == NULL)
    goto fail;
  t0 = g_get_monotonic_time ();
  if (!sila_field_changeset_apply_raw (raw_office, changeset, &error))
    goto fail;
  t_raw = seconds_since (t0);

  printf ("kit (lookup only)       %8.3f s   %8.1f MB (base copy the same)\n", t_kit,
          file_size (kit_path) / 1e6);
  printf ("the day on the kit      %8.3f s   (%u files, %u requests, %u responses, "
          "%u contacts)\n", t_work, n_files, n_requests, n_responses, n_contacts);
  printf ("bundle                  %8.3f s   %8.1f MB (changeset %.1f MB)\n", t_bundle,
          file_size (bundle_path) / 1e6, g_bytes_get_size (changeset) / 1e6);
  printf ("merge                   %8.3f s   files %" G_GINT64_FORMAT ", requests %"
          G_GINT64_FORMAT ", responses %" G_GINT64_FORMAT ", contacts %" G_GINT64_FORMAT
          ", conflicts %" G_GINT64_FORMAT ", duplicates %" G_GINT64_FORMAT "\n",
          t_merge, summary.files, summary.requests, summary.responses, summary.contacts,
          summary.conflicts, summary.duplicates);
  printf ("sqlite3changeset_apply  %8.3f s\n", t_raw);
  printf ("ratio merge / raw       %8.2f\n", t_raw > 0 ? t_merge / t_raw : 0.0);
  return 0;

fail:
  g_printerr ("%s\n", error != NULL ? error->message : "failed");
  return 1;
}
