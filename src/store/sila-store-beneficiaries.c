/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Beneficiary files: saving (one transaction, audited), reading, history.
 * Search and duplicates are in sila-store-beneficiary-search.c, segments
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

/* The row of a list */

struct _SilaBeneficiaryRow
{
  GObject  parent_instance;

  char    *id;
  gint64   file_number;
  char    *name;
  char    *id_number;
  char    *mobile;
  char    *segment;
  char    *district;
  char    *birth_date;
  char    *consent;
  char    *status;
};

G_DEFINE_FINAL_TYPE (SilaBeneficiaryRow, sila_beneficiary_row, G_TYPE_OBJECT)

static void
sila_beneficiary_row_finalize (GObject *object)
{
  SilaBeneficiaryRow *self = (SilaBeneficiaryRow *)object;

  g_free (self->id);
  g_free (self->name);
  g_free (self->id_number);
  g_free (self->mobile);
  g_free (self->segment);
  g_free (self->district);
  g_free (self->birth_date);
  g_free (self->consent);
  g_free (self->status);

  G_OBJECT_CLASS (sila_beneficiary_row_parent_class)->finalize (object);
}

static void
sila_beneficiary_row_class_init (SilaBeneficiaryRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sila_beneficiary_row_finalize;
}

static void
sila_beneficiary_row_init (SilaBeneficiaryRow *self)
{
}

SilaBeneficiaryRow *
sila_beneficiary_row_new_from_stmt (SilaStatement *stmt,
                                    int            c)
{
  SilaBeneficiaryRow *self = g_object_new (SILA_TYPE_BENEFICIARY_ROW, NULL);
  const char *parts[SILA_N_NAME_PARTS + 1] = {
    (const char *)sqlite3_column_text (stmt, c + 2),
    (const char *)sqlite3_column_text (stmt, c + 3),
    (const char *)sqlite3_column_text (stmt, c + 4),
    (const char *)sqlite3_column_text (stmt, c + 5),
    NULL,
  };

  self->id = sila_column_dup (stmt, c);
  self->file_number = sqlite3_column_int64 (stmt, c + 1);
  self->name = sila_person_name_join (parts);
  self->id_number = sila_column_dup (stmt, c + 6);
  self->mobile = sila_column_dup (stmt, c + 7);
  self->segment = sila_column_dup (stmt, c + 8);
  self->district = sila_column_dup (stmt, c + 9);
  self->birth_date = sila_column_dup (stmt, c + 10);
  self->consent = sila_column_dup (stmt, c + 11);
  self->status = sila_column_dup (stmt, c + 12);
  return self;
}

const char *
sila_beneficiary_row_get_id (SilaBeneficiaryRow *self)
{
  g_return_val_if_fail (SILA_IS_BENEFICIARY_ROW (self), NULL);
  return self->id;
}

gint64
sila_beneficiary_row_get_file_number (SilaBeneficiaryRow *self)
{
  g_return_val_if_fail (SILA_IS_BENEFICIARY_ROW (self), 0);
  return self->file_number;
}

const char *
sila_beneficiary_row_get_name (SilaBeneficiaryRow *self)
{
  g_return_val_if_fail (SILA_IS_BENEFICIARY_ROW (self), NULL);
  return self->name;
}

const char *
sila_beneficiary_row_get_id_number (SilaBeneficiaryRow *self)
{
  g_return_val_if_fail (SILA_IS_BENEFICIARY_ROW (self), NULL);
  return self->id_number;
}

const char *
sila_beneficiary_row_get_mobile (SilaBeneficiaryRow *self)
{
  g_return_val_if_fail (SILA_IS_BENEFICIARY_ROW (self), NULL);
  return self->mobile;
}

const char *
sila_beneficiary_row_get_segment (SilaBeneficiaryRow *self)
{
  g_return_val_if_fail (SILA_IS_BENEFICIARY_ROW (self), NULL);
  return self->segment;
}

const char *
sila_beneficiary_row_get_district (SilaBeneficiaryRow *self)
{
  g_return_val_if_fail (SILA_IS_BENEFICIARY_ROW (self), NULL);
  return self->district;
}

const char *
sila_beneficiary_row_get_birth_date (SilaBeneficiaryRow *self)
{
  g_return_val_if_fail (SILA_IS_BENEFICIARY_ROW (self), NULL);
  return self->birth_date;
}

const char *
sila_beneficiary_row_get_consent (SilaBeneficiaryRow *self)
{
  g_return_val_if_fail (SILA_IS_BENEFICIARY_ROW (self), NULL);
  return self->consent;
}

const char *
sila_beneficiary_row_get_status (SilaBeneficiaryRow *self)
{
  g_return_val_if_fail (SILA_IS_BENEFICIARY_ROW (self), NULL);
  return self->status;
}

/* Search tokens */

static void
add_name_tokens (GPtrArray  *tokens,
                 const char *full_name)
{
  g_auto(GStrv) words = sila_arabic_tokenize (full_name);
  static const char *const joined_prefixes[] = { "عبد", "ابو" };

  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *w = words[i];

      g_ptr_array_add (tokens, g_strdup (w));

      for (guint p = 0; p < G_N_ELEMENTS (joined_prefixes); p++)
        {
          const char *prefix = joined_prefixes[p];
          gsize len = strlen (prefix);

          /* "عبد الله" is also found as "عبدالله", and the other way. */
          if (g_str_equal (w, prefix) && words[i + 1] != NULL)
            g_ptr_array_add (tokens, g_strconcat (w, words[i + 1], NULL));
          else if (g_str_has_prefix (w, prefix) && strlen (w) > len + 2)
            {
              g_ptr_array_add (tokens, g_strdup (prefix));
              g_ptr_array_add (tokens, g_strdup (w + len));
            }
        }

      /* "الغامدي" is also found as "غامدي". */
      if (g_str_has_prefix (w, "ال") && g_utf8_strlen (w, -1) > 4)
        g_ptr_array_add (tokens, g_strdup (w + strlen ("ال")));
    }
}

char *
sila_beneficiary_search_tokens (const SilaBeneficiary *file)
{
  g_autoptr(GPtrArray) tokens = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *full = sila_beneficiary_get_full_name (file);

  add_name_tokens (tokens, full);
  if (file->file_number > 0)
    g_ptr_array_add (tokens, g_strdup_printf ("%" G_GINT64_FORMAT, file->file_number));
  if (file->id_number != NULL)
    g_ptr_array_add (tokens, sila_arabic_normalize_tokens (file->id_number));
  if (file->mobile != NULL)
    g_ptr_array_add (tokens, sila_phone_search_key (file->mobile));
  for (guint i = 0; file->alt_phones[i] != NULL; i++)
    g_ptr_array_add (tokens, sila_phone_search_key (file->alt_phones[i]));

  g_ptr_array_add (tokens, NULL);
  return g_strjoinv (" ", (char **)tokens->pdata);
}

gboolean
sila_store_index_beneficiary (SilaStore              *self,
                              const SilaBeneficiary  *file,
                              GError                **error)
{
  g_autoptr(SilaStatement) stmt = NULL;
  g_autofree char *tokens = sila_beneficiary_search_tokens (file);

  stmt = sila_store_prepare (self, "DELETE FROM beneficiary_search WHERE rowid = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, file->file_number);
  if (sila_store_step (self, stmt, error) != SILA_STEP_DONE)
    return FALSE;
  g_clear_pointer (&stmt, sila_statement_release);

  stmt = sila_store_prepare (self,
                             "INSERT INTO beneficiary_search (rowid, tokens) VALUES (?1, ?2)",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, file->file_number);
  sila_bind_text (stmt, 2, tokens);
  return sila_store_step (self, stmt, error) == SILA_STEP_DONE;
}

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
    sqlite3_bind_null (stmt, index);
}

/* The columns every write sets, bound from @file at ?10 onwards. */
#define FILE_COLUMNS \
  "id_type, id_number, id_none_reason, first_name, father_name, grandfather_name, " \
  "family_name, name_folded, name_key, gender, birth_date, birth_calendar, nationality, " \
  "marital_status, mobile, alt_phones, district, address, preferred_channel, segment, " \
  "housing_type, rent_halalas, health_notes, notes, consent, consent_at, consent_by, status"
#define N_FILE_COLUMNS 28
#define FILE_FIRST_PARAM 10

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
    sqlite3_bind_int64 (stmt, p++, file->rent_halalas);
  else
    sqlite3_bind_null (stmt, p++);
  sila_bind_text (stmt, p++, file->health_notes);
  sila_bind_text (stmt, p++, file->notes);
  sila_bind_text (stmt, p++, file->consent);
  sila_bind_text (stmt, p++, file->consent_at);
  sila_bind_text (stmt, p++, file->consent_by);
  sila_bind_text (stmt, p++, file->status);
  g_assert (p == FILE_FIRST_PARAM + N_FILE_COLUMNS);
}

/* Household members and incomes keep their UUIDs across edits (so that
 * desks can later merge their work); rows removed from the form are
 * soft-deleted. */
static gboolean
save_members (SilaStore        *self,
              SilaBeneficiary  *file,
              const char       *now,
              GError          **error)
{
  g_autoptr(SilaStatement) drop = NULL;

  drop = sila_store_prepare (self,
                             "UPDATE household_members SET deleted_at = ?2, updated_at = ?2, "
                             "rev = rev + 1 WHERE beneficiary_id = ?1 AND deleted_at IS NULL",
                             error);
  if (drop == NULL)
    return FALSE;
  sila_bind_text (drop, 1, file->id);
  sila_bind_text (drop, 2, now);
  if (sila_store_step (self, drop, error) != SILA_STEP_DONE)
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
                                 "deleted_at = NULL WHERE beneficiary_id = ?2",
                                 error);
      if (stmt == NULL)
        return FALSE;
      sila_bind_text (stmt, 1, m->id);
      sila_bind_text (stmt, 2, file->id);
      sqlite3_bind_int (stmt, 3, (int)i);
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
              const char       *now,
              GError          **error)
{
  g_autoptr(SilaStatement) drop = NULL;

  drop = sila_store_prepare (self,
                             "UPDATE beneficiary_incomes SET deleted_at = ?2, updated_at = ?2, "
                             "rev = rev + 1 WHERE beneficiary_id = ?1 AND deleted_at IS NULL",
                             error);
  if (drop == NULL)
    return FALSE;
  sila_bind_text (drop, 1, file->id);
  sila_bind_text (drop, 2, now);
  if (sila_store_step (self, drop, error) != SILA_STEP_DONE)
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
                                 "WHERE beneficiary_id = ?2",
                                 error);
      if (stmt == NULL)
        return FALSE;
      sila_bind_text (stmt, 1, income->id);
      sila_bind_text (stmt, 2, file->id);
      sqlite3_bind_int (stmt, 3, (int)i);
      sila_bind_text (stmt, 4, income->source);
      sqlite3_bind_int64 (stmt, 5, income->monthly_halalas);
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
        number = sqlite3_column_int64 (stmt, 0);
    }

  g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_DUPLICATE,
               _("The ID number %s already has a file (number %" G_GINT64_FORMAT "). Open "
                 "that file instead of making a new one."),
               id_number, number);
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
  sqlite3_bind_int64 (stmt, 2, file->file_number);
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

  return save_members (self, file, now, error) &&
         save_incomes (self, file, now, error) &&
         sila_store_index_beneficiary (self, file, error) &&
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
      !sila_store_insert_beneficiary (self, actor, file, SILA_SAVE_INTERACTIVE, draft_id, error))
    return FALSE;

  return sila_transaction_commit (tx, error);
}

/* Reading */

static SilaBeneficiary *
read_file (SilaStore   *self,
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
    sqlite3_bind_int64 (stmt, 1, int_key);

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
    file->file_number = sqlite3_column_int64 (stmt, c++);
    file->rev = sqlite3_column_int64 (stmt, c++);
    file->created_at = sila_column_dup (stmt, c++);
    file->updated_at = sila_column_dup (stmt, c++);
    file->created_by = sila_column_dup (stmt, c++);
    file->updated_by = sila_column_dup (stmt, c++);
    sila_id_type_from_code ((const char *)sqlite3_column_text (stmt, c++), &file->id_type);
    file->id_number = sila_column_dup (stmt, c++);
    file->id_none_reason = sila_column_dup (stmt, c++);
    for (guint i = 0; i < SILA_N_NAME_PARTS; i++)
      {
        g_free (file->name[i]);
        file->name[i] = sila_column_dup (stmt, c++);
      }
    c += 2; /* name_folded, name_key */
    file->gender = sila_column_dup (stmt, c++);
    sila_date_from_iso ((const char *)sqlite3_column_text (stmt, c++), &file->birth_date);
    text = (const char *)sqlite3_column_text (stmt, c++);
    if (text == NULL || !sila_calendar_from_code (text, &file->birth_calendar))
      file->birth_calendar = SILA_CALENDAR_GREGORIAN;
    file->nationality = sila_column_dup (stmt, c++);
    file->marital_status = sila_column_dup (stmt, c++);
    file->mobile = sila_column_dup (stmt, c++);
    text = (const char *)sqlite3_column_text (stmt, c++);
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
    file->rent_halalas = sqlite3_column_type (stmt, c) == SQLITE_NULL
                         ? -1 : sqlite3_column_int64 (stmt, c);
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
      if (!sila_id_type_from_code ((const char *)sqlite3_column_text (stmt, 3), &m->id_type))
        m->id_type = SILA_ID_TYPE_NONE;
      m->id_number = sila_column_dup (stmt, 4);
      sila_date_from_iso ((const char *)sqlite3_column_text (stmt, 5), &m->birth_date);
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
      SilaIncome *income = sila_income_new ((const char *)sqlite3_column_text (stmt, 1),
                                            sqlite3_column_int64 (stmt, 2));

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

  return read_file (self, "id = ?1", id != NULL ? id : "", 0, error);
}

SilaBeneficiary *
sila_store_open_beneficiary (SilaStore        *self,
                             const SilaActor  *actor,
                             const char       *id,
                             GError          **error)
{
  g_autoptr(SilaBeneficiary) file = NULL;
  g_autoptr(SilaTransaction) tx = NULL;
  g_autofree char *summary = NULL;

  file = sila_store_get_beneficiary (self, actor, id, error);
  if (file == NULL)
    return NULL;

  /* A read-only copy (a backup being looked at) cannot record anything. */
  if (sila_store_is_read_only (self))
    return g_steal_pointer (&file);

  summary = g_strdup_printf ("%" G_GINT64_FORMAT, file->file_number);
  tx = sila_transaction_begin (self, error);
  if (tx == NULL ||
      !sila_store_audit (self, actor, "view", SILA_AUDIT_ENTITY_BENEFICIARY, file->id, summary,
                         NULL, NULL, error) ||
      !sila_transaction_commit (tx, error))
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

  *file = read_file (self, "id_number = ?1", key, 0, &local);
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

  *file = read_file (self, "file_number = ?1", NULL, file_number, &local);
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
  *count = sqlite3_column_int64 (stmt, 0);
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

  before = read_file (self, "id = ?1", file->id, 0, error);
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
  sqlite3_bind_int64 (stmt, 2, file->rev);
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
  if (sqlite3_changes (sila_store_get_db (self)) != 1)
    {
      set_conflict_error (error);
      return FALSE;
    }
  g_clear_pointer (&stmt, sila_statement_release);

  if (!save_members (self, file, now, error) || !save_incomes (self, file, now, error) ||
      !sila_store_index_beneficiary (self, file, error) ||
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

  before = read_file (self, "id = ?1", id != NULL ? id : "", 0, error);
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

  stmt = sila_store_prepare (self, "DELETE FROM beneficiary_search WHERE rowid = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, before->file_number);
  if (sila_store_step (self, stmt, error) != SILA_STEP_DONE)
    return FALSE;

  before_json = sila_beneficiary_to_json (before);
  summary = g_strdup_printf ("%" G_GINT64_FORMAT, before->file_number);
  if (!sila_store_audit (self, actor, "delete", SILA_AUDIT_ENTITY_BENEFICIARY, id, summary,
                         before_json, NULL, error))
    return FALSE;

  return sila_transaction_commit (tx, error);
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
  sqlite3_bind_int64 (stmt, 3, limit > 0 ? (gint64)limit : G_MAXINT64);

  entries = g_ptr_array_new_with_free_func ((GDestroyNotify)sila_audit_entry_free);
  while ((step = sila_store_step (self, stmt, error)) == SILA_STEP_ROW)
    {
      SilaAuditEntry *e = g_new0 (SilaAuditEntry, 1);

      e->seq = sqlite3_column_int64 (stmt, 0);
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
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (char *));
  SilaStep step;

  g_return_val_if_fail (SILA_IS_STORE (self), FALSE);

  if (!sila_store_require (self, actor, SILA_PERM_BENEFICIARY_EXPORT, error))
    return FALSE;

  g_array_set_clear_func (ids, (GDestroyNotify)g_free);
  /* The ids first, so that no read stays open while @func works. */
  stmt = sila_store_prepare (self,
                             "SELECT id FROM beneficiaries WHERE deleted_at IS NULL "
                             "ORDER BY file_number",
                             error);
  if (stmt == NULL)
    return FALSE;
  while ((step = sila_store_step (self, stmt, error)) == SILA_STEP_ROW)
    {
      char *id = sila_column_dup (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (step == SILA_STEP_ERROR)
    return FALSE;
  g_clear_pointer (&stmt, sila_statement_release);

  if (!sila_store_is_read_only (self))
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

      file = read_file (self, "id = ?1", g_array_index (ids, char *, i), 0, error);
      if (file == NULL)
        return FALSE;
      if (!func (file, user_data, error))
        return FALSE;
    }

  return TRUE;
}
