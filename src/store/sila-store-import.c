/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Importing a register of beneficiaries: one transaction for the whole
 * file (so that a file damaged half-way leaves nothing behind), one
 * savepoint per row (so that a refused row leaves nothing behind). */
#define G_LOG_DOMAIN "sila-store"

#include "sila-config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sila-arabic.h"
#include "sila-beneficiary.h"
#include "sila-choices.h"
#include "sila-store-beneficiaries-private.h"
#include "sila-store-import.h"
#include "sila-table-reader.h"
#include "sila-validation.h"

static const SilaTableColumn columns[] = {
  { "national_id", N_("National ID"),
    "رقم الهوية|الهوية|رقم الهوية الوطنية|رقم السجل المدني|السجل المدني|رقم الإقامة|"
    "رقم الهوية أو الإقامة|national id|id number|id|identity number|iqama", TRUE },
  { "id_type", N_("ID type"), "نوع الهوية|id type", FALSE },
  { "name", N_("Name"),
    "الاسم|الاسم الكامل|اسم المستفيد|الاسم الرباعي|name|full name|beneficiary name", FALSE },
  { "first_name", N_("First name"), "الاسم الأول|first name", FALSE },
  { "father_name", N_("Father's name"), "اسم الأب|father name|father's name", FALSE },
  { "grandfather_name", N_("Grandfather's name"),
    "اسم الجد|grandfather name|grandfather's name", FALSE },
  { "family_name", N_("Family name"), "اسم العائلة|العائلة|family name|surname|last name",
    FALSE },
  { "phone", N_("Mobile"),
    "الجوال|رقم الجوال|الهاتف|رقم الهاتف|جوال|phone|mobile|mobile number|phone number", FALSE },
  { "alt_phone", N_("Other phones"), "جوال آخر|هاتف آخر|رقم آخر|other phone|alternative phone",
    FALSE },
  { "gender", N_("Gender"), "الجنس|النوع|gender|sex", FALSE },
  { "birth_date", N_("Birth date"),
    "تاريخ الميلاد|تاريخ الميلاد الميلادي|تاريخ الميلاد م|birth date|date of birth|dob", FALSE },
  { "birth_date_hijri", N_("Birth date (Hijri)"),
    "تاريخ الميلاد الهجري|تاريخ الميلاد هجري|تاريخ الميلاد هـ|birth date hijri|"
    "hijri birth date|birth date (hijri)", FALSE },
  { "nationality", N_("Nationality"), "الجنسية|nationality", FALSE },
  { "marital_status", N_("Marital status"), "الحالة الاجتماعية|marital status", FALSE },
  { "district", N_("District"), "الحي|district|neighborhood|neighbourhood", FALSE },
  { "address", N_("Address"), "العنوان|address", FALSE },
  { "category", N_("Segment"), "الشريحة|الفئة|التصنيف|category|segment", FALSE },
  { "consent", N_("Consent to data processing"), "الموافقة|موافقة|consent", FALSE },
  { "notes", N_("Notes"), "ملاحظات|notes", FALSE },
};

/* The column a field's refusal is reported under. */
static const char *
column_of (const char      *field,
           SilaTableHeader *header)
{
  static const struct {
    const char *field;
    const char *column;
  } map[] = {
    { "id_number", "national_id" },
    { "id_type", "national_id" },
    { "id_none_reason", "national_id" },
    { "mobile", "phone" },
    { "alt_phones", "alt_phone" },
    { "segment", "category" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    if (g_str_equal (field, map[i].field))
      return map[i].column;

  if (g_str_has_suffix (field, "_name") && !sila_table_header_has (header, field))
    return "name";
  return field;
}

typedef struct {
  SilaStore         *store;
  const SilaActor   *actor;
  SilaTableHeader   *header;
  GPtrArray         *segments;
  GHashTable        *seen_ids;  /* ID number → line */
  SilaImportReport  *report;
  SilaImportCounts  *counts;
} Import;

static const char *
cell (Import             *import,
      const SilaTableRow *row,
      const char         *key)
{
  return sila_table_header_get (import->header, row, key);
}

static void
reject (Import     *import,
        guint       line,
        const char *column,
        const char *reason)
{
  sila_import_report_add (import->report, line, SILA_IMPORT_RESULT_REJECTED, column, reason);
  import->counts->rejected++;
}

static gboolean
blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

/* The row as the form would have been typed. FALSE (after reporting the
 * row) when the name or the birth dates cannot be read. */
static gboolean
row_to_input (Import               *import,
              const SilaTableRow   *row,
              SilaBeneficiaryInput *in)
{
  const char *full = cell (import, row, "name");
  const char *gregorian = cell (import, row, "birth_date");
  const char *hijri = cell (import, row, "birth_date_hijri");
  const char *consent = cell (import, row, "consent");

  sila_beneficiary_input_set (in, SILA_BF_ID_NUMBER, cell (import, row, "national_id"));
  sila_beneficiary_input_set (in, SILA_BF_ID_TYPE, NULL);
  if (!blank (cell (import, row, "id_type")))
    {
      g_autoptr(GError) error = NULL;
      const char *text = cell (import, row, "id_type");
      SilaIdType type;
      gboolean known = sila_id_type_from_code (text, &type);

      /* Names of the types in either language. */
      for (guint t = 0; !known && t < SILA_N_ID_TYPES; t++)
        {
          static const char *const arabic[SILA_N_ID_TYPES] = {
            "بدون", "هوية وطنية", "إقامة", "جواز سفر", "رقم حدود",
          };
          g_autofree char *a = sila_arabic_normalize_tokens (text);
          g_autofree char *b = sila_arabic_normalize_tokens (arabic[t]);
          g_autofree char *c = sila_arabic_normalize_tokens (sila_id_type_to_display (t));

          if (g_str_equal (a, b) || g_str_equal (a, c))
            {
              type = t;
              known = TRUE;
            }
        }
      if (!known)
        {
          reject (import, row->line, "id_type", _("Choose the type of ID document."));
          return FALSE;
        }
      sila_beneficiary_input_set (in, SILA_BF_ID_TYPE, sila_id_type_to_code (type));
    }

  if (!blank (full))
    {
      char *parts[SILA_N_NAME_PARTS + 1] = { NULL };
      g_autoptr(GError) error = NULL;

      if (!sila_person_name_split (full, parts, &error))
        {
          reject (import, row->line, "name", error->message);
          return FALSE;
        }
      sila_beneficiary_input_set (in, SILA_BF_FIRST_NAME, parts[SILA_NAME_PART_FIRST]);
      sila_beneficiary_input_set (in, SILA_BF_FATHER_NAME, parts[SILA_NAME_PART_FATHER]);
      sila_beneficiary_input_set (in, SILA_BF_GRANDFATHER_NAME,
                                  parts[SILA_NAME_PART_GRANDFATHER]);
      sila_beneficiary_input_set (in, SILA_BF_FAMILY_NAME, parts[SILA_NAME_PART_FAMILY]);
      sila_person_name_parts_free (parts);
    }
  else
    {
      sila_beneficiary_input_set (in, SILA_BF_FIRST_NAME, cell (import, row, "first_name"));
      sila_beneficiary_input_set (in, SILA_BF_FATHER_NAME, cell (import, row, "father_name"));
      sila_beneficiary_input_set (in, SILA_BF_GRANDFATHER_NAME,
                                  cell (import, row, "grandfather_name"));
      sila_beneficiary_input_set (in, SILA_BF_FAMILY_NAME, cell (import, row, "family_name"));
      if (blank (cell (import, row, "first_name")))
        {
          reject (import, row->line, "name", _("The name is missing."));
          return FALSE;
        }
    }

  /* Both calendars given: they must name the same day. */
  if (!blank (gregorian) && !blank (hijri))
    {
      GDate g, h;

      if (!sila_date_parse (gregorian, SILA_CALENDAR_GREGORIAN, &g, NULL) ||
          !sila_date_parse (hijri, SILA_CALENDAR_HIJRI, &h, NULL))
        ; /* the check below reports which one is wrong */
      else if (g_date_compare (&g, &h) != 0)
        {
          reject (import, row->line, "birth_date_hijri",
                  _("The Hijri and Gregorian birth dates are not the same day."));
          return FALSE;
        }
      {
        g_autoptr(GError) error = NULL;

        if (!sila_date_parse_birth (hijri, SILA_CALENDAR_HIJRI, &h, &error))
          {
            reject (import, row->line, "birth_date_hijri", error->message);
            return FALSE;
          }
      }
    }

  if (!blank (gregorian))
    {
      SilaCalendar calendar = SILA_CALENDAR_GREGORIAN;
      GDate guessed;

      /* Registers often keep Hijri dates in their only birth-date column:
       * a year such as 1405 says which calendar it is. */
      if (blank (hijri) && sila_date_parse_guess (gregorian, &guessed, &calendar, NULL))
        sila_beneficiary_input_set (in, SILA_BF_BIRTH_CALENDAR,
                                    sila_calendar_to_code (calendar));
      else
        sila_beneficiary_input_set (in, SILA_BF_BIRTH_CALENDAR, "gregorian");
      sila_beneficiary_input_set (in, SILA_BF_BIRTH_DATE, gregorian);
    }
  else if (!blank (hijri))
    {
      sila_beneficiary_input_set (in, SILA_BF_BIRTH_DATE, hijri);
      sila_beneficiary_input_set (in, SILA_BF_BIRTH_CALENDAR, "hijri");
    }

  sila_beneficiary_input_set (in, SILA_BF_GENDER, cell (import, row, "gender"));
  sila_beneficiary_input_set (in, SILA_BF_MOBILE, cell (import, row, "phone"));
  sila_beneficiary_input_set (in, SILA_BF_ALT_PHONES, cell (import, row, "alt_phone"));
  sila_beneficiary_input_set (in, SILA_BF_NATIONALITY, cell (import, row, "nationality"));
  sila_beneficiary_input_set (in, SILA_BF_MARITAL_STATUS, cell (import, row, "marital_status"));
  sila_beneficiary_input_set (in, SILA_BF_DISTRICT, cell (import, row, "district"));
  sila_beneficiary_input_set (in, SILA_BF_ADDRESS, cell (import, row, "address"));
  sila_beneficiary_input_set (in, SILA_BF_SEGMENT, cell (import, row, "category"));
  sila_beneficiary_input_set (in, SILA_BF_NOTES, cell (import, row, "notes"));
  /* No consent column, or an empty cell: to be confirmed at the next
   * contact (SPEC.md, "Consent on import"). */
  sila_beneficiary_input_set (in, SILA_BF_CONSENT,
                              blank (consent) ? SILA_CONSENT_PENDING : consent);
  return TRUE;
}

/* Reports the row as a duplicate if it is one; TRUE then. */
static gboolean
check_duplicates (Import                *import,
                  const SilaTableRow    *row,
                  const SilaBeneficiary *file,
                  GError               **error)
{
  g_autoptr(GPtrArray) found = NULL;

  if (file->id_number != NULL)
    {
      gpointer earlier = g_hash_table_lookup (import->seen_ids, file->id_number);

      if (earlier != NULL)
        {
          g_autofree char *reason =
            g_strdup_printf (_("This ID number is already on line %u of this file."),
                             GPOINTER_TO_UINT (earlier));

          sila_import_report_add (import->report, row->line, SILA_IMPORT_RESULT_DUPLICATE,
                                  "national_id", reason);
          import->counts->duplicates++;
          return TRUE;
        }
    }

  found = sila_store_find_duplicates (import->store, import->actor, file, error);
  if (found == NULL)
    return FALSE;
  if (found->len > 0)
    {
      const SilaDuplicate *d = g_ptr_array_index (found, 0);
      g_autofree char *reason = sila_duplicate_describe (d);

      sila_import_report_add (import->report, row->line, SILA_IMPORT_RESULT_DUPLICATE,
                              d->reason == SILA_DUPLICATE_SAME_ID ? "national_id" : "name",
                              reason);
      import->counts->duplicates++;
      return TRUE;
    }

  return FALSE;
}

/* FALSE only for a database error, which stops the import. */
static gboolean
import_row (Import              *import,
            const SilaTableRow  *row,
            GError             **error)
{
  g_autoptr(SilaBeneficiaryInput) in = sila_beneficiary_input_new ();
  g_autoptr(SilaFieldErrors) errors = sila_field_errors_new ();
  g_autoptr(SilaBeneficiary) file = NULL;
  g_autoptr(SilaTransaction) savepoint = NULL;
  g_autoptr(GError) local = NULL;

  if (!row_to_input (import, row, in))
    return TRUE;

  file = sila_beneficiary_input_parse (in, import->segments, SILA_PARSE_IMPORT, errors);
  if (file == NULL)
    {
      const GError *e = NULL;
      const char *field = sila_field_errors_first (errors, &e);

      reject (import, row->line, column_of (field, import->header), e->message);
      return TRUE;
    }

  if (check_duplicates (import, row, file, &local))
    return TRUE;
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }

  savepoint = sila_transaction_begin (import->store, error);
  if (savepoint == NULL)
    return FALSE;
  if (!sila_store_insert_beneficiary (import->store, import->actor, file, SILA_SAVE_IMPORT, NULL,
                                      &local))
    {
      /* A refusal of this row's values (the savepoint undoes it); anything
       * else stops the import. */
      if (local->domain == SILA_STORE_ERROR &&
          (local->code == SILA_STORE_ERROR_INVALID || local->code == SILA_STORE_ERROR_DUPLICATE))
        {
          reject (import, row->line, "national_id", local->message);
          return TRUE;
        }
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (!sila_transaction_commit (savepoint, error))
    return FALSE;

  if (file->id_number != NULL)
    g_hash_table_insert (import->seen_ids, g_strdup (file->id_number),
                         GUINT_TO_POINTER (row->line));
  sila_import_report_add (import->report, row->line, SILA_IMPORT_RESULT_OK, NULL, NULL);
  import->counts->ok++;
  return TRUE;
}

gboolean
sila_store_import_beneficiaries (SilaStore         *self,
                                 const SilaActor   *actor,
                                 const char        *path,
                                 gboolean           dry_run,
                                 SilaImportReport  *report,
                                 SilaImportCounts  *counts,
                                 GError           **error)
{
  g_autoptr(SilaTableReader) reader = NULL;
  g_autoptr(SilaTableHeader) header = NULL;
  g_autoptr(SilaTransaction) tx = NULL;
  g_autoptr(GPtrArray) segments = NULL;
  g_autoptr(GHashTable) seen = NULL;
  SilaImportCounts own_counts = { 0 };
  Import import = { 0 };
  SilaTableRow *row;
  GError *local = NULL;

  g_return_val_if_fail (SILA_IS_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL && report != NULL, FALSE);

  if (counts == NULL)
    counts = &own_counts;
  memset (counts, 0, sizeof *counts);

  if (!sila_store_require (self, actor, SILA_PERM_BENEFICIARY_IMPORT, error))
    return FALSE;

  reader = sila_table_reader_open (path, error);
  if (reader == NULL)
    return FALSE;
  header = sila_table_header_read (reader, columns, G_N_ELEMENTS (columns), error);
  if (header == NULL)
    return FALSE;
  if (!sila_table_header_has (header, "name") &&
      !(sila_table_header_has (header, "first_name") &&
        sila_table_header_has (header, "family_name")))
    {
      g_set_error_literal (error, SILA_TABLE_ERROR, SILA_TABLE_ERROR_HEADER,
                           _("The file has no name column: add one called “name” (the full "
                             "name) or “first_name” and “family_name”."));
      return FALSE;
    }

  segments = sila_store_list_segments (self, TRUE, error);
  if (segments == NULL)
    return FALSE;

  tx = sila_transaction_begin (self, error);
  if (tx == NULL)
    return FALSE;

  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import = (Import) {
    .store = self, .actor = actor, .header = header, .segments = segments,
    .seen_ids = seen, .report = report, .counts = counts,
  };

  while ((row = sila_table_reader_next (reader, &local)) != NULL)
    {
      gboolean ok = import_row (&import, row, error);

      sila_table_row_free (row);
      if (!ok)
        return FALSE;
    }
  if (local != NULL)
    {
      /* Damaged half-way: keep nothing of it (the transaction rolls back). */
      g_propagate_error (error, local);
      return FALSE;
    }

  if (dry_run)
    return TRUE; /* the transaction rolls back */

  {
    g_autofree char *base = g_path_get_basename (path);
    g_autofree char *summary = g_strdup_printf ("%s: %u ok, %u rejected, %u duplicate", base,
                                                counts->ok, counts->rejected,
                                                counts->duplicates);

    if (!sila_store_audit (self, actor, "import", SILA_AUDIT_ENTITY_BENEFICIARY, NULL, summary,
                           NULL, NULL, error))
      return FALSE;
  }

  return sila_transaction_commit (tx, error);
}
