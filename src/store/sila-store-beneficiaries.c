/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Beneficiary files: saving, in one transaction with its audit entry.
 * Reading and history are in sila-store-beneficiary-read.c, the list's
 * rows, search and duplicates in sila-store-beneficiary-search.c, segments
 * in sila-store-segments.c. */
#define G_LOG_DOMAIN "sila-store"

#include "sila-config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sila-arabic.h"
#include "sila-choices.h"
#include "sila-clock.h"
#include "sila-phone.h"
#include "sila-policy.h"
#include "sila-store-beneficiaries-private.h"
#include "sila-store-drafts.h"
#include "sila-text.h"

/* File numbers people read aloud: short, plain digits, never reused. */
#define FILE_NUMBER_COUNTER "beneficiary_file"
#define FILE_NUMBER_BASE    1000

/* Writing */

static void
bind_date (SilaStatement *stmt,
           int            index,
           const GDate   *date)
{
  if (date != NULL && g_date_valid (date))
    {
      g_autofree char *iso = sila_date_to_iso (date);
      sila_bind_text (stmt, index, iso);
    }
  else
    sila_bind_null (stmt, index);
}



static void
bind_file (SilaStatement         *stmt,
           const SilaBeneficiary *file)
{
  g_autofree char *full = sila_beneficiary_get_full_name (file);
  g_autofree char *folded = sila_arabic_normalize (full);
  g_autofree char *key = sila_person_name_match_key (full);
  g_autofree char *alt = g_strjoinv (" ", file->alt_phones);
  int p = FILE_FIRST_PARAM;

  sila_bind_text (stmt, p++, sila_id_type_to_code (file->id_type));
  sila_bind_text (stmt, p++, file->id_type == SILA_ID_TYPE_NONE ? NULL : file->id_number);
  sila_bind_text (stmt, p++, file->id_none_reason);
  for (guint i = 0; i < SILA_N_NAME_PARTS; i++)
    sila_bind_text (stmt, p++, file->name[i] != NULL ? file->name[i] : "");
  sila_bind_text (stmt, p++, folded);
  sila_bind_text (stmt, p++, key);
  sila_bind_text (stmt, p++, file->gender);
  bind_date (stmt, p++, &file->birth_date);
  sila_bind_text (stmt, p++, g_date_valid (&file->birth_date)
                             ? sila_calendar_to_code (file->birth_calendar) : NULL);
  sila_bind_text (stmt, p++, file->nationality);
  sila_bind_text (stmt, p++, file->marital_status);
  sila_bind_text (stmt, p++, file->mobile);
  sila_bind_text (stmt, p++, *alt != '\0' ? alt : NULL);
  sila_bind_text (stmt, p++, file->district);
  sila_bind_text (stmt, p++, file->address);
  sila_bind_text (stmt, p++, file->preferred_channel);
  sila_bind_text (stmt, p++, file->segment);
  sila_bind_text (stmt, p++, file->housing_type);
  if (file->rent_halalas >= 0)
    sila_bind_int64 (stmt, p++, file->rent_halalas);
  else
    sila_bind_null (stmt, p++);
  sila_bind_text (stmt, p++, file->health_notes);
  sila_bind_text (stmt, p++, file->notes);
  sila_bind_text (stmt, p++, file->consent);
  sila_bind_text (stmt, p++, file->consent_at);
  sila_bind_text (stmt, p++, file->consent_by);
  sila_bind_text (stmt, p++, file->status);
  g_assert (p == FILE_FIRST_PARAM + N_FILE_COLUMNS);
}

/* Soft-deletes a file's rows of a child table (@sql binds the file's id to
 * ?1 and the time to ?2); the save then writes back the ones still there. */
static gboolean
retire_rows (SilaStore   *self,
             const char  *sql,
             const char  *beneficiary_id,
             const char  *now,
             GError     **error)
{
  g_autoptr(SilaStatement) stmt = sila_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sila_bind_text (stmt, 1, beneficiary_id);
  sila_bind_text (stmt, 2, now);
  return sila_store_step (self, stmt, error) == SILA_STEP_DONE;
}

/* Household members and incomes keep their UUIDs across edits (so that
 * desks can later merge their work); rows removed from the form are
 * soft-deleted. */
static gboolean
save_members (SilaStore        *self,
              SilaBeneficiary  *file,
              gboolean          is_new,
              const char       *now,
              GError          **error)
{
  if (!is_new &&
      !retire_rows (self,
                    "UPDATE household_members SET deleted_at = ?2, updated_at = ?2, "
                    "rev = rev + 1 WHERE beneficiary_id = ?1 AND deleted_at IS NULL",
                    file->id, now, error))
    return FALSE;

  for (guint i = 0; i < file->members->len; i++)
    {
      SilaHouseholdMember *m = g_ptr_array_index (file->members, i);
      g_autoptr(SilaStatement) stmt = NULL;

      if (m->id == NULL)
        m->id = g_uuid_string_random ();

      /* Brought back to life if it was there before this save. */
      stmt = sila_store_prepare (self,
                                 "INSERT INTO household_members (id, beneficiary_id, position, "
                                 "name, relation, id_type, id_number, birth_date, gender, "
                                 "occupation, health, created_at, updated_at, device_id) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12, "
                                 "?13) ON CONFLICT (id) DO UPDATE SET position = ?3, name = ?4, "
                                 "relation = ?5, id_type = ?6, id_number = ?7, birth_date = ?8, "
                                 "gender = ?9, occupation = ?10, health = ?11, updated_at = ?12, "
                                 "deleted_at = NULL WHERE household_members.beneficiary_id = ?2",
                                 error);
      if (stmt == NULL)
        return FALSE;
      sila_bind_text (stmt, 1, m->id);
      sila_bind_text (stmt, 2, file->id);
      sila_bind_int (stmt, 3, (int)i);
      sila_bind_text (stmt, 4, m->name);
      sila_bind_text (stmt, 5, m->relation);
      sila_bind_text (stmt, 6, m->id_number != NULL ? sila_id_type_to_code (m->id_type) : NULL);
      sila_bind_text (stmt, 7, m->id_number);
      bind_date (stmt, 8, &m->birth_date);
      sila_bind_text (stmt, 9, m->gender);
      sila_bind_text (stmt, 10, m->occupation);
      sila_bind_text (stmt, 11, m->health);
      sila_bind_text (stmt, 12, now);
      sila_bind_text (stmt, 13, sila_store_get_device_id (self));
      if (sila_store_step (self, stmt, error) != SILA_STEP_DONE)
        return FALSE;
    }

  return TRUE;
}

static gboolean
save_incomes (SilaStore        *self,
              SilaBeneficiary  *file,
              gboolean          is_new,
              const char       *now,
              GError          **error)
{
  if (!is_new &&
      !retire_rows (self,
                    "UPDATE beneficiary_incomes SET deleted_at = ?2, updated_at = ?2, "
                    "rev = rev + 1 WHERE beneficiary_id = ?1 AND deleted_at IS NULL",
                    file->id, now, error))
    return FALSE;

  for (guint i = 0; i < file->incomes->len; i++)
    {
      SilaIncome *income = g_ptr_array_index (file->incomes, i);
      g_autoptr(SilaStatement) stmt = NULL;

      if (income->id == NULL)
        income->id = g_uuid_string_random ();

      stmt = sila_store_prepare (self,
                                 "INSERT INTO beneficiary_incomes (id, beneficiary_id, position, "
                                 "source, monthly_halalas, created_at, updated_at, device_id) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, ?7) "
                                 "ON CONFLICT (id) DO UPDATE SET position = ?3, source = ?4, "
                                 "monthly_halalas = ?5, updated_at = ?6, deleted_at = NULL "
                                 "WHERE beneficiary_incomes.beneficiary_id = ?2",
                                 error);
      if (stmt == NULL)
        return FALSE;
      sila_bind_text (stmt, 1, income->id);
      sila_bind_text (stmt, 2, file->id);
      sila_bind_int (stmt, 3, (int)i);
      sila_bind_text (stmt, 4, income->source);
      sila_bind_int64 (stmt, 5, income->monthly_halalas);
      sila_bind_text (stmt, 6, now);
      sila_bind_text (stmt, 7, sila_store_get_device_id (self));
      if (sila_store_step (self, stmt, error) != SILA_STEP_DONE)
        return FALSE;
    }

  return TRUE;
}

static gboolean
consent_required (SilaStore *self)
{
  g_autofree char *value = sila_store_get_setting (self, SILA_SETTING_CONSENT_REQUIRED, "1");

  return sila_policy_is_true (value);
}

static void
set_consent_missing_error (GError **error)
{
  g_set_error_literal (error, SILA_STORE_ERROR, SILA_STORE_ERROR_INVALID,
                       _("Record the beneficiary’s consent to the processing of their data "
                         "before saving the file."));
}

/* The date and officer of a consent are the store's to set, when the
 * consent is first recorded. */
static void
stamp_consent (SilaBeneficiary       *file,
               const SilaBeneficiary *before,
               const SilaActor       *actor)
{
  if (g_strcmp0 (file->consent, SILA_CONSENT_GIVEN) != 0)
    {
      g_clear_pointer (&file->consent_at, g_free);
      g_clear_pointer (&file->consent_by, g_free);
      return;
    }

  if (before != NULL && g_strcmp0 (before->consent, SILA_CONSENT_GIVEN) == 0)
    {
      g_free (file->consent_at);
      g_free (file->consent_by);
      file->consent_at = g_strdup (before->consent_at);
      file->consent_by = g_strdup (before->consent_by);
      return;
    }

  if (file->consent_at == NULL)
    file->consent_at = sila_clock_today_iso ();
  if (file->consent_by == NULL)
    file->consent_by = g_strdup (actor->username);
}

static void
set_duplicate_error (SilaStore   *self,
                     const char  *id_number,
                     GError     **error)
{
  g_autoptr(SilaStatement) stmt = NULL;
  gint64 number = 0;

  stmt = sila_store_prepare (self,
                             "SELECT file_number FROM beneficiaries "
                             "WHERE id_number = ?1 AND deleted_at IS NULL",
                             NULL);
  if (stmt != NULL)
    {
      sila_bind_text (stmt, 1, id_number);
      if (sila_store_step (self, stmt, NULL) == SILA_STEP_ROW)
        number = sila_column_int64 (stmt, 0);
    }

  {
    g_autofree char *shown = g_strdup_printf ("%" G_GINT64_FORMAT, number);

    /* Translators: the first %s is the ID number, the second the file
     * number. */
    g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DUPLICATE,
                 _("The ID number %s already has a file (number %s). Open that file instead "
                   "of making a new one."),
                 id_number, shown);
  }
}

/* Inside the caller's transaction (or savepoint). */
gboolean
sila_store_insert_beneficiary (SilaStore        *self,
                               const SilaActor  *actor,
                               SilaBeneficiary  *file,
                               SilaSaveMode      mode,
                               const char       *draft_id,
                               GError          **error)
{
  g_autoptr(SilaStatement) stmt = NULL;
  g_autofree char *now = sila_clock_timestamp ();
  g_autofree char *after = NULL;
  g_autofree char *summary = NULL;
  gint64 counter = 0;
  GError *local = NULL;

  if (mode == SILA_SAVE_INTERACTIVE && consent_required (self) &&
      g_strcmp0 (file->consent, SILA_CONSENT_GIVEN) != 0)
    {
      set_consent_missing_error (error);
      return FALSE;
    }

  if (!sila_store_next_number (self, FILE_NUMBER_COUNTER, &counter, error))
    return FALSE;

  g_free (file->id);
  file->id = g_uuid_string_random ();
  file->file_number = FILE_NUMBER_BASE + counter;
  file->rev = 1;
  stamp_consent (file, NULL, actor);

  stmt = sila_store_prepare (self,
                             "INSERT INTO beneficiaries (id, file_number, created_at, "
                             "updated_at, created_by, updated_by, device_id, rev, deleted_at, "
                             FILE_COLUMNS ") VALUES (?1, ?2, ?3, ?3, ?4, ?4, ?5, 1, NULL, "
                             "?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, "
                             "?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33, ?34, ?35, "
                             "?36, ?37)",
                             error);
  if (stmt == NULL)
    return FALSE;
  sila_bind_text (stmt, 1, file->id);
  sila_bind_int64 (stmt, 2, file->file_number);
  sila_bind_text (stmt, 3, now);
  sila_bind_text (stmt, 4, actor->username);
  sila_bind_text (stmt, 5, sila_store_get_device_id (self));
  bind_file (stmt, file);

  if (sila_store_step (self, stmt, &local) != SILA_STEP_DONE)
    {
      if (g_error_matches (local, SILA_STORE_ERROR, SILA_STORE_ERROR_DUPLICATE) &&
          file->id_number != NULL)
        {
          g_clear_error (&local);
          g_clear_pointer (&stmt, sila_statement_release);
          set_duplicate_error (self, file->id_number, error);
        }
      else
        g_propagate_error (error, local);
      return FALSE;
    }
  g_clear_pointer (&stmt, sila_statement_release);

  g_free (file->created_at);
  g_free (file->updated_at);
  g_free (file->created_by);
  g_free (file->updated_by);
  file->created_at = g_strdup (now);
  file->updated_at = g_strdup (now);
  file->created_by = g_strdup (actor->username);
  file->updated_by = g_strdup (actor->username);

  after = sila_beneficiary_to_json (file);
  summary = g_strdup_printf ("%" G_GINT64_FORMAT, file->file_number);

  return save_members (self, file, TRUE, now, error) &&
         save_incomes (self, file, TRUE, now, error) &&
         sila_store_index_beneficiary (self, file, NULL, error) &&
         sila_store_drop_draft (self, draft_id, error) &&
         sila_store_audit (self, actor, "create", SILA_AUDIT_ENTITY_BENEFICIARY, file->id,
                           summary, NULL, after, error);
}

gboolean
sila_store_create_beneficiary (SilaStore        *self,
                               const SilaActor  *actor,
                               SilaBeneficiary  *file,
                               const char       *draft_id,
                               GError          **error)
{
  g_autoptr(SilaTransaction) tx = NULL;

  g_return_val_if_fail (SILA_IS_STORE (self), FALSE);
  g_return_val_if_fail (file != NULL, FALSE);

  if (!sila_store_require (self, actor, SILA_PERM_BENEFICIARY_EDIT, error))
    return FALSE;

  tx = sila_transaction_begin (self, error);
  if (tx == NULL ||
      !sila_store_insert_beneficiary (self, actor, file, SILA_SAVE_INTERACTIVE, draft_id, error) ||
      !sila_transaction_commit (tx, error))
    return FALSE;

  sila_store_drop_draft_after_save (self, draft_id);
  return TRUE;
}

/* Updating */

static void
set_conflict_error (GError **error)
{
  g_set_error_literal (error, SILA_STORE_ERROR, SILA_STORE_ERROR_CONFLICT,
                       _("Someone else changed this file while you were editing it. Nothing "
                         "was saved; open the file again to see their changes, then make "
                         "yours."));
}

gboolean
sila_store_update_beneficiary (SilaStore        *self,
                               const SilaActor  *actor,
                               SilaBeneficiary  *file,
                               const char       *draft_id,
                               GError          **error)
{
  g_autoptr(SilaTransaction) tx = NULL;
  g_autoptr(SilaStatement) stmt = NULL;
  g_autoptr(SilaBeneficiary) before = NULL;
  g_autofree char *now = sila_clock_timestamp ();
  g_autofree char *before_json = NULL;
  g_autofree char *after_json = NULL;
  g_autofree char *summary = NULL;
  GError *local = NULL;

  g_return_val_if_fail (SILA_IS_STORE (self), FALSE);
  g_return_val_if_fail (file != NULL && file->id != NULL, FALSE);

  if (!sila_store_require (self, actor, SILA_PERM_BENEFICIARY_EDIT, error))
    return FALSE;

  tx = sila_transaction_begin (self, error);
  if (tx == NULL)
    return FALSE;

  before = sila_store_read_beneficiary (self, "id = ?1", file->id, 0, error);
  if (before == NULL)
    return FALSE;
  if (before->rev != file->rev)
    {
      set_conflict_error (error);
      return FALSE;
    }

  /* Consent once given is not taken back by an edit. */
  if (consent_required (self) && g_strcmp0 (file->consent, SILA_CONSENT_GIVEN) != 0 &&
      g_strcmp0 (before->consent, SILA_CONSENT_GIVEN) == 0)
    {
      set_consent_missing_error (error);
      return FALSE;
    }

  file->file_number = before->file_number;
  stamp_consent (file, before, actor);

  stmt = sila_store_prepare (self,
                             "UPDATE beneficiaries SET updated_at = ?3, updated_by = ?4, "
                             "device_id = ?5, rev = rev + 1, "
                             "closed_at = CASE WHEN ?37 = 'closed' THEN coalesce (closed_at, ?3) "
                             "ELSE NULL END, "
                             "(" FILE_COLUMNS ") = (?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, "
                             "?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, "
                             "?32, ?33, ?34, ?35, ?36, ?37) "
                             "WHERE id = ?1 AND rev = ?2 AND deleted_at IS NULL",
                             error);
  if (stmt == NULL)
    return FALSE;
  sila_bind_text (stmt, 1, file->id);
  sila_bind_int64 (stmt, 2, file->rev);
  sila_bind_text (stmt, 3, now);
  sila_bind_text (stmt, 4, actor->username);
  sila_bind_text (stmt, 5, sila_store_get_device_id (self));
  bind_file (stmt, file);
  if (sila_store_step (self, stmt, &local) != SILA_STEP_DONE)
    {
      if (g_error_matches (local, SILA_STORE_ERROR, SILA_STORE_ERROR_DUPLICATE) &&
          file->id_number != NULL)
        {
          g_clear_error (&local);
          g_clear_pointer (&stmt, sila_statement_release);
          set_duplicate_error (self, file->id_number, error);
        }
      else
        g_propagate_error (error, local);
      return FALSE;
    }
  if (sila_store_changes (self) != 1)
    {
      set_conflict_error (error);
      return FALSE;
    }
  g_clear_pointer (&stmt, sila_statement_release);

  if (!save_members (self, file, FALSE, now, error) ||
      !save_incomes (self, file, FALSE, now, error) ||
      !sila_store_index_beneficiary (self, file, before, error) ||
      !sila_store_drop_draft (self, draft_id, error))
    return FALSE;

  before_json = sila_beneficiary_to_json (before);
  after_json = sila_beneficiary_to_json (file);
  summary = g_strdup_printf ("%" G_GINT64_FORMAT, file->file_number);
  if (g_strcmp0 (before_json, after_json) != 0 &&
      !sila_store_audit (self, actor, "update", SILA_AUDIT_ENTITY_BENEFICIARY, file->id,
                         summary, before_json, after_json, error))
    return FALSE;

  if (!sila_transaction_commit (tx, error))
    return FALSE;
  sila_store_drop_draft_after_save (self, draft_id);

  file->rev++;
  g_free (file->updated_at);
  g_free (file->updated_by);
  file->updated_at = g_strdup (now);
  file->updated_by = g_strdup (actor->username);
  file->created_at = file->created_at != NULL ? file->created_at : g_strdup (before->created_at);
  file->created_by = file->created_by != NULL ? file->created_by : g_strdup (before->created_by);
  return TRUE;
}

gboolean
sila_store_delete_beneficiary (SilaStore        *self,
                               const SilaActor  *actor,
                               const char       *id,
                               gint64            rev,
                               GError          **error)
{
  g_autoptr(SilaTransaction) tx = NULL;
  g_autoptr(SilaStatement) stmt = NULL;
  g_autoptr(SilaBeneficiary) before = NULL;
  g_autofree char *now = sila_clock_timestamp ();
  g_autofree char *before_json = NULL;
  g_autofree char *summary = NULL;

  g_return_val_if_fail (SILA_IS_STORE (self), FALSE);

  if (!sila_store_require (self, actor, SILA_PERM_BENEFICIARY_EDIT, error))
    return FALSE;

  tx = sila_transaction_begin (self, error);
  if (tx == NULL)
    return FALSE;

  before = sila_store_read_beneficiary (self, "id = ?1", id != NULL ? id : "", 0, error);
  if (before == NULL)
    return FALSE;
  if (before->rev != rev)
    {
      set_conflict_error (error);
      return FALSE;
    }

  stmt = sila_store_prepare (self,
                             "UPDATE beneficiaries SET deleted_at = ?2, updated_at = ?2, "
                             "updated_by = ?3, rev = rev + 1 WHERE id = ?1",
                             error);
  if (stmt == NULL)
    return FALSE;
  sila_bind_text (stmt, 1, id);
  sila_bind_text (stmt, 2, now);
  sila_bind_text (stmt, 3, actor->username);
  if (sila_store_step (self, stmt, error) != SILA_STEP_DONE)
    return FALSE;
  g_clear_pointer (&stmt, sila_statement_release);

  if (!sila_store_unindex_beneficiary (self, before, error))
    return FALSE;

  before_json = sila_beneficiary_to_json (before);
  summary = g_strdup_printf ("%" G_GINT64_FORMAT, before->file_number);
  if (!sila_store_audit (self, actor, "delete", SILA_AUDIT_ENTITY_BENEFICIARY, id, summary,
                         before_json, NULL, error))
    return FALSE;

  return sila_transaction_commit (tx, error);
}
