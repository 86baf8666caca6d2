/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-core"

#include "sila-config.h"

#include <glib/gi18n-lib.h>

#include "sila-beneficiary-import.h"
#include "sila-choices.h"
#include "sila-national-id.h"
#include "sila-person-name.h"
#include "sila-validation.h"

static const SilaTableColumn columns[] = {
  { "national_id", N_("National ID"),
    "رقم الهوية|الهوية|رقم الهوية الوطنية|رقم السجل المدني|السجل المدني|رقم الإقامة|"
    "رقم الهوية أو الإقامة|national id|id number|id|identity number|iqama", TRUE },
  { "id_type", N_("ID type"), "نوع الهوية|id type", FALSE },
  { "passport", N_("Passport number"),
    "رقم الجواز|رقم جواز السفر|جواز السفر|الجواز|passport|passport number|passport no", FALSE },
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

struct _SilaBeneficiaryImport
{
  SilaTableHeader  *header;
  GPtrArray        *segments;
  GHashTable       *seen_ids;  /* ID number → line */
  SilaImportReport *report;
  SilaImportCounts *counts;
};

const SilaTableColumn *
sila_beneficiary_import_columns (guint *n_columns)
{
  if (n_columns != NULL)
    *n_columns = G_N_ELEMENTS (columns);
  return columns;
}

SilaBeneficiaryImport *
sila_beneficiary_import_new (SilaTableReader   *reader,
                             GPtrArray         *segments,
                             SilaImportReport  *report,
                             SilaImportCounts  *counts,
                             GError           **error)
{
  g_autoptr(SilaTableHeader) header = NULL;
  SilaBeneficiaryImport *self;

  g_return_val_if_fail (reader != NULL && report != NULL && counts != NULL, NULL);

  header = sila_table_header_read (reader, columns, G_N_ELEMENTS (columns), error);
  if (header == NULL)
    return NULL;
  if (!sila_table_header_has (header, "name") &&
      !(sila_table_header_has (header, "first_name") &&
        sila_table_header_has (header, "family_name")))
    {
      g_set_error_literal (error, SILA_TABLE_ERROR, SILA_TABLE_ERROR_HEADER,
                           _("The file has no name column: add one called “name” (the full "
                             "name) or “first_name” and “family_name”."));
      return NULL;
    }

  self = g_new0 (SilaBeneficiaryImport, 1);
  self->header = g_steal_pointer (&header);
  self->segments = segments != NULL ? g_ptr_array_ref (segments) : NULL;
  self->seen_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->report = report;
  self->counts = counts;
  return self;
}

void
sila_beneficiary_import_free (SilaBeneficiaryImport *self)
{
  if (self == NULL)
    return;
  sila_table_header_free (self->header);
  g_clear_pointer (&self->segments, g_ptr_array_unref);
  g_hash_table_unref (self->seen_ids);
  g_free (self);
}

static const char *
cell (SilaBeneficiaryImport *self,
      const SilaTableRow    *row,
      const char            *key)
{
  return sila_table_header_get (self->header, row, key);
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

/* The column a field's refusal is reported under. */
static const char *
column_of (SilaBeneficiaryImport *self,
           const char            *field,
           const char            *id_column)
{
  static const struct {
    const char *field;
    const char *column;
  } map[] = {
    { "mobile", "phone" },
    { "alt_phones", "alt_phone" },
    { "segment", "category" },
  };

  if (g_str_equal (field, "id_number") || g_str_equal (field, "id_type") ||
      g_str_equal (field, "id_none_reason"))
    return id_column;
  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    if (g_str_equal (field, map[i].field))
      return map[i].column;

  if (g_str_has_suffix (field, "_name") && !sila_table_header_has (self->header, field))
    return "name";
  return field;
}

static gboolean
refuse (const char **column,
        const char  *at,
        GError     **error,
        const char  *message)
{
  *column = at;
  g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID, message);
  return FALSE;
}

/* The ID document as the file states it: the `national_id` column holds a
 * national ID or an iqama unless an `id_type` says otherwise; a passport
 * number comes from a `passport` column (or with id_type passport). */
static gboolean
identity_to_input (SilaBeneficiaryImport  *self,
                   const SilaTableRow     *row,
                   SilaBeneficiaryInput   *in,
                   const char            **column,
                   GError                **error)
{
  const char *number = cell (self, row, "national_id");
  const char *type_text = cell (self, row, "id_type");
  const char *passport = cell (self, row, "passport");
  SilaIdType type = SILA_ID_TYPE_NONE;

  if (!blank (type_text) && !sila_id_type_parse (type_text, &type))
    return refuse (column, "id_type", error, _("Choose the type of ID document."));

  if (!blank (passport))
    {
      if (!blank (type_text) && type != SILA_ID_TYPE_PASSPORT)
        return refuse (column, "passport", error,
                       _("The ID type says another document than the passport number "
                         "given: keep one of them."));
      if (!blank (number))
        return refuse (column, "passport", error,
                       _("This row has both an ID number and a passport number: a file keeps "
                         "one document; leave the other column empty."));
      sila_beneficiary_input_set (in, SILA_BF_ID_TYPE, sila_id_type_to_code (SILA_ID_TYPE_PASSPORT));
      sila_beneficiary_input_set (in, SILA_BF_ID_NUMBER, passport);
      return TRUE;
    }

  /* No type given: the core takes the number for a national ID or an
   * iqama, and nothing else. */
  sila_beneficiary_input_set (in, SILA_BF_ID_NUMBER, number);
  sila_beneficiary_input_set (in, SILA_BF_ID_TYPE,
                              blank (type_text) ? NULL : sila_id_type_to_code (type));
  return TRUE;
}

static gboolean
name_to_input (SilaBeneficiaryImport  *self,
               const SilaTableRow     *row,
               SilaBeneficiaryInput   *in,
               const char            **column,
               GError                **error)
{
  const char *full = cell (self, row, "name");

  if (!blank (full))
    {
      char *parts[SILA_N_NAME_PARTS + 1] = { NULL };

      if (!sila_person_name_split (full, parts, error))
        {
          *column = "name";
          return FALSE;
        }
      sila_beneficiary_input_set (in, SILA_BF_FIRST_NAME, parts[SILA_NAME_PART_FIRST]);
      sila_beneficiary_input_set (in, SILA_BF_FATHER_NAME, parts[SILA_NAME_PART_FATHER]);
      sila_beneficiary_input_set (in, SILA_BF_GRANDFATHER_NAME,
                                  parts[SILA_NAME_PART_GRANDFATHER]);
      sila_beneficiary_input_set (in, SILA_BF_FAMILY_NAME, parts[SILA_NAME_PART_FAMILY]);
      sila_person_name_parts_free (parts);
      return TRUE;
    }

  sila_beneficiary_input_set (in, SILA_BF_FIRST_NAME, cell (self, row, "first_name"));
  sila_beneficiary_input_set (in, SILA_BF_FATHER_NAME, cell (self, row, "father_name"));
  sila_beneficiary_input_set (in, SILA_BF_GRANDFATHER_NAME, cell (self, row, "grandfather_name"));
  sila_beneficiary_input_set (in, SILA_BF_FAMILY_NAME, cell (self, row, "family_name"));
  if (blank (cell (self, row, "first_name")))
    return refuse (column, "name", error, _("The name is missing."));
  return TRUE;
}

static gboolean
birth_to_input (SilaBeneficiaryImport  *self,
                const SilaTableRow     *row,
                SilaBeneficiaryInput   *in,
                const char            **column,
                GError                **error)
{
  const char *gregorian = cell (self, row, "birth_date");
  const char *hijri = cell (self, row, "birth_date_hijri");

  /* Both calendars given: they must name the same day. */
  if (!blank (gregorian) && !blank (hijri))
    {
      GDate g, h;

      if (!sila_date_parse (gregorian, SILA_CALENDAR_GREGORIAN, &g, NULL) ||
          !sila_date_parse (hijri, SILA_CALENDAR_HIJRI, &h, NULL))
        ; /* the check below reports which one is wrong */
      else if (g_date_compare (&g, &h) != 0)
        return refuse (column, "birth_date_hijri", error,
                       _("The Hijri and Gregorian birth dates are not the same day."));
      if (!sila_date_parse_birth (hijri, SILA_CALENDAR_HIJRI, &h, error))
        {
          *column = "birth_date_hijri";
          return FALSE;
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
  return TRUE;
}

SilaBeneficiaryInput *
sila_beneficiary_import_row_to_input (SilaBeneficiaryImport  *self,
                                      const SilaTableRow     *row,
                                      const char            **column,
                                      GError                **error)
{
  g_autoptr(SilaBeneficiaryInput) in = sila_beneficiary_input_new ();
  const char *consent = cell (self, row, "consent");
  const char *at = NULL;

  g_return_val_if_fail (self != NULL && row != NULL, NULL);

  if (column == NULL)
    column = &at;
  *column = NULL;

  if (!identity_to_input (self, row, in, column, error) ||
      !name_to_input (self, row, in, column, error) ||
      !birth_to_input (self, row, in, column, error))
    return NULL;

  sila_beneficiary_input_set (in, SILA_BF_GENDER, cell (self, row, "gender"));
  sila_beneficiary_input_set (in, SILA_BF_MOBILE, cell (self, row, "phone"));
  sila_beneficiary_input_set (in, SILA_BF_ALT_PHONES, cell (self, row, "alt_phone"));
  sila_beneficiary_input_set (in, SILA_BF_NATIONALITY, cell (self, row, "nationality"));
  sila_beneficiary_input_set (in, SILA_BF_MARITAL_STATUS, cell (self, row, "marital_status"));
  sila_beneficiary_input_set (in, SILA_BF_DISTRICT, cell (self, row, "district"));
  sila_beneficiary_input_set (in, SILA_BF_ADDRESS, cell (self, row, "address"));
  sila_beneficiary_input_set (in, SILA_BF_SEGMENT, cell (self, row, "category"));
  sila_beneficiary_input_set (in, SILA_BF_NOTES, cell (self, row, "notes"));
  /* No consent column, or an empty cell: to be confirmed at the next
   * contact (SPEC.md, "Consent on import"). */
  sila_beneficiary_input_set (in, SILA_BF_CONSENT,
                              blank (consent) ? SILA_CONSENT_PENDING : consent);
  return g_steal_pointer (&in);
}

void
sila_beneficiary_import_reject (SilaBeneficiaryImport *self,
                                guint                  line,
                                const char            *column,
                                const char            *reason)
{
  g_return_if_fail (self != NULL);

  sila_import_report_add (self->report, line, SILA_IMPORT_RESULT_REJECTED, column, reason);
  self->counts->rejected++;
}

SilaBeneficiary *
sila_beneficiary_import_check_row (SilaBeneficiaryImport *self,
                                   const SilaTableRow    *row)
{
  g_autoptr(SilaBeneficiaryInput) in = NULL;
  g_autoptr(SilaFieldErrors) errors = sila_field_errors_new ();
  g_autoptr(SilaBeneficiary) file = NULL;
  g_autoptr(GError) error = NULL;
  const char *column = NULL;
  const char *id_column;
  gpointer earlier;

  g_return_val_if_fail (self != NULL && row != NULL, NULL);

  in = sila_beneficiary_import_row_to_input (self, row, &column, &error);
  if (in == NULL)
    {
      sila_beneficiary_import_reject (self, row->line, column, error->message);
      return NULL;
    }

  file = sila_beneficiary_input_parse (in, self->segments, SILA_PARSE_IMPORT, errors);
  if (file == NULL)
    {
      const GError *e = NULL;
      const char *field = sila_field_errors_first (errors, &e);

      id_column = !blank (cell (self, row, "passport")) ? "passport" : "national_id";
      sila_beneficiary_import_reject (self, row->line, column_of (self, field, id_column),
                                      e->message);
      return NULL;
    }

  /* The same ID number on an earlier line: the same person. */
  earlier = file->id_number != NULL ? g_hash_table_lookup (self->seen_ids, file->id_number)
                                    : NULL;
  if (earlier != NULL)
    {
      g_autofree char *reason =
        g_strdup_printf (_("This ID number is already on line %u of this file."),
                         GPOINTER_TO_UINT (earlier));

      sila_import_report_add (self->report, row->line, SILA_IMPORT_RESULT_DUPLICATE,
                              "national_id", reason);
      self->counts->duplicates++;
      return NULL;
    }

  return g_steal_pointer (&file);
}

void
sila_beneficiary_import_duplicate (SilaBeneficiaryImport *self,
                                   guint                  line,
                                   gboolean               same_id,
                                   const char            *description)
{
  g_return_if_fail (self != NULL);

  sila_import_report_add (self->report, line, SILA_IMPORT_RESULT_DUPLICATE,
                          same_id ? "national_id" : "name", description);
  self->counts->duplicates++;
}

void
sila_beneficiary_import_accept (SilaBeneficiaryImport *self,
                                guint                  line,
                                const SilaBeneficiary *file)
{
  g_return_if_fail (self != NULL && file != NULL);

  if (file->id_number != NULL && *file->id_number != '\0')
    g_hash_table_insert (self->seen_ids, g_strdup (file->id_number), GUINT_TO_POINTER (line));
  sila_import_report_add (self->report, line, SILA_IMPORT_RESULT_OK, NULL, NULL);
  self->counts->ok++;
}
