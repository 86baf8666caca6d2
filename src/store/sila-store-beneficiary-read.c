/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Beneficiary files: reading (a view is audited), history, export. */
#define G_LOG_DOMAIN "sila-store"

#include "sila-config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sila-arabic.h"
#include "sila-audit.h"
#include "sila-choices.h"
#include "sila-clock.h"
#include "sila-phone.h"
#include "sila-policy.h"
#include "sila-store-beneficiaries-private.h"
#include "sila-store-drafts.h"
#include "sila-text.h"

/* Reading */

SilaBeneficiary *
sila_store_read_beneficiary (SilaStore   *self,
                             const char  *where,
                             const char  *text_key,
                             gint64       int_key,
                             GError     **error)
{
  g_autoptr(SilaStatement) stmt = NULL;
  g_autoptr(SilaBeneficiary) file = NULL;
  g_autofree char *sql = NULL;
  SilaStep step;

  sql = g_strconcat ("SELECT id, file_number, rev, created_at, updated_at, created_by, "
                     "updated_by, " FILE_COLUMNS " FROM beneficiaries WHERE ", where,
                     " AND deleted_at IS NULL", NULL);
  stmt = sila_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  if (text_key != NULL)
    sila_bind_text (stmt, 1, text_key);
  else
    sila_bind_int64 (stmt, 1, int_key);

  step = sila_store_step (self, stmt, error);
  if (step == SILA_STEP_ERROR)
    return NULL;
  if (step == SILA_STEP_DONE)
    {
      g_set_error_literal (error, SILA_STORE_ERROR, SILA_STORE_ERROR_NOT_FOUND,
                           _("There is no such beneficiary file; it may have been deleted."));
      return NULL;
    }

  file = sila_beneficiary_new ();
  {
    int c = 0;
    const char *text;

    file->id = sila_column_dup (stmt, c++);
    file->file_number = sila_column_int64 (stmt, c++);
    file->rev = sila_column_int64 (stmt, c++);
    file->created_at = sila_column_dup (stmt, c++);
    file->updated_at = sila_column_dup (stmt, c++);
    file->created_by = sila_column_dup (stmt, c++);
    file->updated_by = sila_column_dup (stmt, c++);
    sila_id_type_from_code (sila_column_text (stmt, c++), &file->id_type);
    file->id_number = sila_column_dup (stmt, c++);
    file->id_none_reason = sila_column_dup (stmt, c++);
    for (guint i = 0; i < SILA_N_NAME_PARTS; i++)
      {
        g_free (file->name[i]);
        file->name[i] = sila_column_dup (stmt, c++);
      }
    c += 2; /* name_folded, name_key */
    file->gender = sila_column_dup (stmt, c++);
    sila_date_from_iso (sila_column_text (stmt, c++), &file->birth_date);
    text = sila_column_text (stmt, c++);
    if (text == NULL || !sila_calendar_from_code (text, &file->birth_calendar))
      file->birth_calendar = SILA_CALENDAR_GREGORIAN;
    file->nationality = sila_column_dup (stmt, c++);
    file->marital_status = sila_column_dup (stmt, c++);
    file->mobile = sila_column_dup (stmt, c++);
    text = sila_column_text (stmt, c++);
    if (text != NULL && *text != '\0')
      {
        g_strfreev (file->alt_phones);
        file->alt_phones = g_strsplit (text, " ", -1);
      }
    file->district = sila_column_dup (stmt, c++);
    file->address = sila_column_dup (stmt, c++);
    file->preferred_channel = sila_column_dup (stmt, c++);
    file->segment = sila_column_dup (stmt, c++);
    file->housing_type = sila_column_dup (stmt, c++);
    file->rent_halalas = sila_column_is_null (stmt, c)
                         ? -1 : sila_column_int64 (stmt, c);
    c++;
    file->health_notes = sila_column_dup (stmt, c++);
    file->notes = sila_column_dup (stmt, c++);
    g_free (file->consent);
    file->consent = sila_column_dup (stmt, c++);
    file->consent_at = sila_column_dup (stmt, c++);
    file->consent_by = sila_column_dup (stmt, c++);
    g_free (file->status);
    file->status = sila_column_dup (stmt, c++);
  }
  g_clear_pointer (&stmt, sila_statement_release);

  stmt = sila_store_prepare (self,
                             "SELECT id, name, relation, id_type, id_number, birth_date, gender, "
                             "occupation, health FROM household_members "
                             "WHERE beneficiary_id = ?1 AND deleted_at IS NULL ORDER BY position",
                             error);
  if (stmt == NULL)
    return NULL;
  sila_bind_text (stmt, 1, file->id);
  while ((step = sila_store_step (self, stmt, error)) == SILA_STEP_ROW)
    {
      SilaHouseholdMember *m = sila_household_member_new ();

      m->id = sila_column_dup (stmt, 0);
      m->name = sila_column_dup (stmt, 1);
      m->relation = sila_column_dup (stmt, 2);
      if (!sila_id_type_from_code (sila_column_text (stmt, 3), &m->id_type))
        m->id_type = SILA_ID_TYPE_NONE;
      m->id_number = sila_column_dup (stmt, 4);
      sila_date_from_iso (sila_column_text (stmt, 5), &m->birth_date);
      m->gender = sila_column_dup (stmt, 6);
      m->occupation = sila_column_dup (stmt, 7);
      m->health = sila_column_dup (stmt, 8);
      g_ptr_array_add (file->members, m);
    }
  if (step == SILA_STEP_ERROR)
    return NULL;
  g_clear_pointer (&stmt, sila_statement_release);

  stmt = sila_store_prepare (self,
                             "SELECT id, source, monthly_halalas FROM beneficiary_incomes "
                             "WHERE beneficiary_id = ?1 AND deleted_at IS NULL ORDER BY position",
                             error);
  if (stmt == NULL)
    return NULL;
  sila_bind_text (stmt, 1, file->id);
  while ((step = sila_store_step (self, stmt, error)) == SILA_STEP_ROW)
    {
      SilaIncome *income = sila_income_new (sila_column_text (stmt, 1),
                                            sila_column_int64 (stmt, 2));

      income->id = sila_column_dup (stmt, 0);
      g_ptr_array_add (file->incomes, income);
    }
  if (step == SILA_STEP_ERROR)
    return NULL;

  return g_steal_pointer (&file);
}

SilaBeneficiary *
sila_store_get_beneficiary (SilaStore        *self,
                            const SilaActor  *actor,
                            const char       *id,
                            GError          **error)
{
  g_return_val_if_fail (SILA_IS_STORE (self), NULL);

  if (!sila_store_require (self, actor, SILA_PERM_BENEFICIARY_VIEW, error))
    return NULL;

  return sila_store_read_beneficiary (self, "id = ?1", id != NULL ? id : "", 0, error);
}

SilaBeneficiary *
sila_store_open_beneficiary (SilaStore        *self,
                             const SilaActor  *actor,
                             const char       *id,
                             GError          **error)
{
  g_autoptr(SilaBeneficiary) file = NULL;
  g_autofree char *summary = NULL;

  file = sila_store_get_beneficiary (self, actor, id, error);
  if (file == NULL)
    return NULL;

  /* Not shown where the view cannot be recorded (a read-only database). */
  summary = g_strdup_printf ("%" G_GINT64_FORMAT, file->file_number);
  if (!sila_store_record_access (self, actor, SILA_PERM_BENEFICIARY_VIEW, SILA_AUDIT_VIEW,
                                 SILA_AUDIT_ENTITY_BENEFICIARY, file->id, summary, error))
    return NULL;

  return g_steal_pointer (&file);
}

gboolean
sila_store_find_beneficiary_by_id_number (SilaStore         *self,
                                          const SilaActor   *actor,
                                          const char        *id_number,
                                          SilaBeneficiary  **file,
                                          GError           **error)
{
  g_autoptr(GError) local = NULL;
  g_autofree char *key = NULL;

  g_return_val_if_fail (SILA_IS_STORE (self), FALSE);
  g_return_val_if_fail (file != NULL, FALSE);

  *file = NULL;
  if (!sila_store_require (self, actor, SILA_PERM_BENEFICIARY_VIEW, error))
    return FALSE;

  /* The stored form: ASCII digits (upper-case letters for passports), no
   * spaces or dashes. */
  {
    g_autofree char *ascii = sila_text_digits_to_ascii (id_number != NULL ? id_number : "");
    GString *s = g_string_new (NULL);

    for (const char *p = ascii; *p != '\0'; p++)
      if (g_ascii_isalnum (*p))
        g_string_append_c (s, g_ascii_toupper (*p));
    key = g_string_free (s, FALSE);
  }
  if (*key == '\0')
    return TRUE;

  *file = sila_store_read_beneficiary (self, "id_number = ?1", key, 0, &local);
  if (*file == NULL && !g_error_matches (local, SILA_STORE_ERROR, SILA_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  return TRUE;
}

gboolean
sila_store_find_beneficiary_by_file_number (SilaStore         *self,
                                            const SilaActor   *actor,
                                            gint64             file_number,
                                            SilaBeneficiary  **file,
                                            GError           **error)
{
  g_autoptr(GError) local = NULL;

  g_return_val_if_fail (SILA_IS_STORE (self), FALSE);
  g_return_val_if_fail (file != NULL, FALSE);

  *file = NULL;
  if (!sila_store_require (self, actor, SILA_PERM_BENEFICIARY_VIEW, error))
    return FALSE;

  *file = sila_store_read_beneficiary (self, "file_number = ?1", NULL, file_number, &local);
  if (*file == NULL && !g_error_matches (local, SILA_STORE_ERROR, SILA_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  return TRUE;
}

gboolean
sila_store_count_beneficiaries (SilaStore        *self,
                                const SilaActor  *actor,
                                gint64           *count,
                                GError          **error)
{
  g_autoptr(SilaStatement) stmt = NULL;

  if (!sila_store_require (self, actor, SILA_PERM_BENEFICIARY_VIEW, error))
    return FALSE;

  stmt = sila_store_prepare (self,
                             "SELECT count(*) FROM beneficiaries WHERE deleted_at IS NULL", error);
  if (stmt == NULL || sila_store_step (self, stmt, error) != SILA_STEP_ROW)
    return FALSE;
  *count = sila_column_int64 (stmt, 0);
  return TRUE;
}

/* History */

GPtrArray *
sila_store_list_beneficiary_history (SilaStore        *self,
                                     const SilaActor  *actor,
                                     const char       *id,
                                     guint             limit,
                                     GError          **error)
{
  g_autoptr(SilaStatement) stmt = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  SilaStep step;

  g_return_val_if_fail (SILA_IS_STORE (self), NULL);

  /* Whoever may see the file may see how it came to be; the rest of the
   * audit trail stays with administrators. */
  if (!sila_store_require (self, actor, SILA_PERM_BENEFICIARY_VIEW, error))
    return NULL;

  stmt = sila_store_prepare (self,
                             "SELECT seq, at, actor_name, action, entity, entity_id, summary, "
                             "before_json, after_json FROM audit_log "
                             "WHERE entity = ?1 AND entity_id = ?2 AND action <> 'view' "
                             "ORDER BY seq DESC LIMIT ?3",
                             error);
  if (stmt == NULL)
    return NULL;
  sila_bind_text (stmt, 1, SILA_AUDIT_ENTITY_BENEFICIARY);
  sila_bind_text (stmt, 2, id);
  sila_bind_int64 (stmt, 3, limit > 0 ? (gint64)limit : G_MAXINT64);

  entries = g_ptr_array_new_with_free_func ((GDestroyNotify)sila_audit_entry_free);
  while ((step = sila_store_step (self, stmt, error)) == SILA_STEP_ROW)
    {
      SilaAuditEntry *e = g_new0 (SilaAuditEntry, 1);

      e->seq = sila_column_int64 (stmt, 0);
      e->at = sila_column_dup (stmt, 1);
      e->actor_name = sila_column_dup (stmt, 2);
      e->action = sila_column_dup (stmt, 3);
      e->entity = sila_column_dup (stmt, 4);
      e->entity_id = sila_column_dup (stmt, 5);
      e->summary = sila_column_dup (stmt, 6);
      e->before_json = sila_column_dup (stmt, 7);
      e->after_json = sila_column_dup (stmt, 8);
      g_ptr_array_add (entries, e);
    }
  if (step == SILA_STEP_ERROR)
    return NULL;

  return g_steal_pointer (&entries);
}

/* Export */

gboolean
sila_store_foreach_beneficiary (SilaStore            *self,
                                const SilaActor      *actor,
                                const char           *purpose,
                                SilaBeneficiaryFunc   func,
                                gpointer              user_data,
                                GError              **error)
{
  g_autoptr(SilaStatement) stmt = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  SilaStep step;

  g_return_val_if_fail (SILA_IS_STORE (self), FALSE);

  if (!sila_store_require (self, actor, SILA_PERM_BENEFICIARY_EXPORT, error) ||
      !sila_store_require_recordable (self, error))
    return FALSE;

  /* The ids first, so that no read stays open while @func works. */
  stmt = sila_store_prepare (self,
                             "SELECT id FROM beneficiaries WHERE deleted_at IS NULL "
                             "ORDER BY file_number",
                             error);
  if (stmt == NULL)
    return FALSE;
  while ((step = sila_store_step (self, stmt, error)) == SILA_STEP_ROW)
    g_ptr_array_add (ids, sila_column_dup (stmt, 0));
  if (step == SILA_STEP_ERROR)
    return FALSE;
  g_clear_pointer (&stmt, sila_statement_release);

  {
    g_autoptr(SilaTransaction) tx = sila_transaction_begin (self, error);
    g_autofree char *summary = g_strdup_printf ("%u %s", ids->len,
                                                purpose != NULL ? purpose : "");

    if (tx == NULL ||
        !sila_store_audit (self, actor, "export", SILA_AUDIT_ENTITY_BENEFICIARY, NULL,
                           g_strstrip (summary), NULL, NULL, error) ||
        !sila_transaction_commit (tx, error))
      return FALSE;
  }

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(SilaBeneficiary) file = NULL;

      file = sila_store_read_beneficiary (self, "id = ?1", g_ptr_array_index (ids, i), 0, error);
      if (file == NULL)
        return FALSE;
      if (!func (file, user_data, error))
        return FALSE;
    }

  return TRUE;
}
