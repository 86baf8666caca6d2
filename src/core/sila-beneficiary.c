/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The beneficiary's file as a record: fields and their labels, segments,
 * copies, and the JSON the audit trail keeps. Parsing what was typed is in
 * sila-beneficiary-input.c. */
#define G_LOG_DOMAIN "sila-core"

#include "sila-config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "sila-arabic.h"
#include "sila-beneficiary.h"
#include "sila-i18n.h"
#include "sila-text.h"
#include "sila-validation.h"

G_DEFINE_BOXED_TYPE (SilaBeneficiary, sila_beneficiary, sila_beneficiary_copy,
                     sila_beneficiary_free)

static const struct {
  const char *key;
  const char *label;
} fields[SILA_N_BF_FIELDS] = {
  [SILA_BF_ID_TYPE]           = { "id_type",           N_("ID type") },
  [SILA_BF_ID_NUMBER]         = { "id_number",         N_("ID number") },
  [SILA_BF_ID_NONE_REASON]    = { "id_none_reason",    N_("Why there is no ID") },
  [SILA_BF_FIRST_NAME]        = { "first_name",        N_("First name") },
  [SILA_BF_FATHER_NAME]       = { "father_name",       N_("Father's name") },
  [SILA_BF_GRANDFATHER_NAME]  = { "grandfather_name",  N_("Grandfather's name") },
  [SILA_BF_FAMILY_NAME]       = { "family_name",       N_("Family name") },
  [SILA_BF_GENDER]            = { "gender",            N_("Gender") },
  [SILA_BF_BIRTH_DATE]        = { "birth_date",        N_("Birth date") },
  [SILA_BF_BIRTH_CALENDAR]    = { "birth_calendar",    N_("Calendar of the birth date") },
  [SILA_BF_NATIONALITY]       = { "nationality",       N_("Nationality") },
  [SILA_BF_MARITAL_STATUS]    = { "marital_status",    N_("Marital status") },
  [SILA_BF_MOBILE]            = { "mobile",            N_("Mobile") },
  [SILA_BF_ALT_PHONES]        = { "alt_phones",        N_("Other phones") },
  [SILA_BF_DISTRICT]          = { "district",          N_("District") },
  [SILA_BF_ADDRESS]           = { "address",           N_("Address") },
  [SILA_BF_PREFERRED_CHANNEL] = { "preferred_channel", N_("Preferred channel") },
  [SILA_BF_SEGMENT]           = { "segment",           N_("Segment") },
  [SILA_BF_HOUSING_TYPE]      = { "housing_type",      N_("Housing") },
  [SILA_BF_RENT]              = { "rent",              N_("Yearly rent") },
  [SILA_BF_HEALTH_NOTES]      = { "health_notes",      N_("Health notes") },
  [SILA_BF_NOTES]             = { "notes",             N_("Notes") },
  [SILA_BF_CONSENT]           = { "consent",           N_("Consent to data processing") },
  [SILA_BF_STATUS]            = { "status",            N_("Status of the file") },
};

static const struct {
  const char *key;
  const char *label;
} member_fields[SILA_N_MEMBER_FIELDS] = {
  [SILA_MEMBER_NAME]       = { "name",       N_("Name") },
  [SILA_MEMBER_RELATION]   = { "relation",   N_("Relation") },
  [SILA_MEMBER_ID_NUMBER]  = { "id_number",  N_("ID number") },
  [SILA_MEMBER_BIRTH_DATE] = { "birth_date", N_("Birth date") },
  [SILA_MEMBER_GENDER]     = { "gender",     N_("Gender") },
  [SILA_MEMBER_OCCUPATION] = { "occupation", N_("Schooling or work") },
  [SILA_MEMBER_HEALTH]     = { "health",     N_("Health") },
};

/* Keys of the audit JSON that are not form fields. */
static const struct {
  const char *key;
  const char *label;
} other_keys[] = {
  { "file_number", N_("File number") },
  { "members",     N_("Household") },
  { "incomes",     N_("Monthly income") },
  { "consent_at",  N_("Consent recorded on") },
  { "consent_by",  N_("Consent recorded by") },
};

const char *
sila_beneficiary_field_to_key (SilaBeneficiaryField field)
{
  g_return_val_if_fail (field < SILA_N_BF_FIELDS, NULL);
  return fields[field].key;
}

gboolean
sila_beneficiary_field_from_key (const char           *key,
                                 SilaBeneficiaryField *field)
{
  for (guint i = 0; key != NULL && i < SILA_N_BF_FIELDS; i++)
    if (strcmp (fields[i].key, key) == 0)
      {
        *field = (SilaBeneficiaryField)i;
        return TRUE;
      }
  return FALSE;
}

const char *
sila_beneficiary_field_to_display (SilaBeneficiaryField field)
{
  g_return_val_if_fail (field < SILA_N_BF_FIELDS, NULL);
  return _(fields[field].label);
}

const char *
sila_member_field_to_key (SilaMemberField field)
{
  g_return_val_if_fail (field < SILA_N_MEMBER_FIELDS, NULL);
  return member_fields[field].key;
}

const char *
sila_member_field_to_display (SilaMemberField field)
{
  g_return_val_if_fail (field < SILA_N_MEMBER_FIELDS, NULL);
  return _(member_fields[field].label);
}

const char *
sila_beneficiary_key_to_display (const char *key)
{
  SilaBeneficiaryField field;

  if (key == NULL)
    return NULL;
  if (sila_beneficiary_field_from_key (key, &field))
    return sila_beneficiary_field_to_display (field);
  for (guint i = 0; i < G_N_ELEMENTS (other_keys); i++)
    if (strcmp (other_keys[i].key, key) == 0)
      return _(other_keys[i].label);
  return NULL;
}

/* Segments */

SilaSegment *
sila_segment_new (const char *code,
                  const char *name_ar,
                  const char *name_en,
                  gboolean    retired)
{
  SilaSegment *segment = g_new0 (SilaSegment, 1);

  segment->code = g_strdup (code);
  segment->name_ar = g_strdup (name_ar);
  segment->name_en = g_strdup (name_en != NULL && *name_en != '\0' ? name_en : name_ar);
  segment->retired = retired;
  return segment;
}

void
sila_segment_free (SilaSegment *segment)
{
  if (segment == NULL)
    return;
  g_free (segment->code);
  g_free (segment->name_ar);
  g_free (segment->name_en);
  g_free (segment);
}

const char *
sila_segment_get_display (const SilaSegment *segment)
{
  g_return_val_if_fail (segment != NULL, NULL);

  return sila_i18n_get_language () == SILA_LANGUAGE_ARABIC ? segment->name_ar
                                                           : segment->name_en;
}

const char *
sila_segment_parse (GPtrArray   *segments,
                    const char  *text,
                    GError     **error)
{
  g_autofree char *key = sila_arabic_normalize_tokens (text != NULL ? text : "");
  g_autoptr(GString) names = NULL;

  if (key == NULL || *key == '\0')
    {
      g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_REQUIRED,
                           _("Choose the segment."));
      return NULL;
    }

  for (guint i = 0; segments != NULL && i < segments->len; i++)
    {
      const SilaSegment *s = g_ptr_array_index (segments, i);
      const char *names_of[] = { s->code, s->name_ar, s->name_en };

      for (guint n = 0; n < G_N_ELEMENTS (names_of); n++)
        {
          g_autofree char *candidate = sila_arabic_normalize_tokens (names_of[n]);

          if (g_strcmp0 (candidate, key) == 0)
            {
              /* A retired segment stays on old files; by its code only. */
              if (s->retired && n > 0)
                continue;
              return s->code;
            }
        }
    }

  names = g_string_new (NULL);
  for (guint i = 0; segments != NULL && i < segments->len; i++)
    {
      const SilaSegment *s = g_ptr_array_index (segments, i);

      if (s->retired)
        continue;
      if (names->len > 0)
        g_string_append (names, _(", "));
      g_string_append (names, sila_segment_get_display (s));
    }

  {
    g_autofree char *shown = g_utf8_make_valid (text, -1);

    g_set_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                 _("There is no segment “%s”. Use one of: %s."), g_strstrip (shown),
                 names->str);
  }
  return NULL;
}

/* The record */

SilaHouseholdMember *
sila_household_member_new (void)
{
  SilaHouseholdMember *member = g_new0 (SilaHouseholdMember, 1);

  g_date_clear (&member->birth_date, 1);
  return member;
}

void
sila_household_member_free (SilaHouseholdMember *member)
{
  if (member == NULL)
    return;
  g_free (member->id);
  g_free (member->name);
  g_free (member->relation);
  g_free (member->id_number);
  g_free (member->gender);
  g_free (member->occupation);
  g_free (member->health);
  g_free (member);
}

static SilaHouseholdMember *
member_copy (const SilaHouseholdMember *m)
{
  SilaHouseholdMember *copy = sila_household_member_new ();

  copy->id = g_strdup (m->id);
  copy->name = g_strdup (m->name);
  copy->relation = g_strdup (m->relation);
  copy->id_type = m->id_type;
  copy->id_number = g_strdup (m->id_number);
  copy->birth_date = m->birth_date;
  copy->gender = g_strdup (m->gender);
  copy->occupation = g_strdup (m->occupation);
  copy->health = g_strdup (m->health);
  return copy;
}

SilaIncome *
sila_income_new (const char *source,
                 gint64      monthly_halalas)
{
  SilaIncome *income = g_new0 (SilaIncome, 1);

  income->source = g_strdup (source);
  income->monthly_halalas = monthly_halalas;
  return income;
}

void
sila_income_free (SilaIncome *income)
{
  if (income == NULL)
    return;
  g_free (income->id);
  g_free (income->source);
  g_free (income);
}

SilaBeneficiary *
sila_beneficiary_new (void)
{
  SilaBeneficiary *self = g_new0 (SilaBeneficiary, 1);

  for (guint i = 0; i < SILA_N_NAME_PARTS; i++)
    self->name[i] = g_strdup ("");
  g_date_clear (&self->birth_date, 1);
  self->birth_calendar = SILA_CALENDAR_GREGORIAN;
  self->alt_phones = g_new0 (char *, 1);
  self->members = g_ptr_array_new_with_free_func ((GDestroyNotify)sila_household_member_free);
  self->incomes = g_ptr_array_new_with_free_func ((GDestroyNotify)sila_income_free);
  self->rent_halalas = -1;
  self->consent = g_strdup ("pending");
  self->status = g_strdup ("active");
  return self;
}

SilaBeneficiary *
sila_beneficiary_copy (const SilaBeneficiary *self)
{
  SilaBeneficiary *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = sila_beneficiary_new ();
  copy->id = g_strdup (self->id);
  copy->file_number = self->file_number;
  copy->rev = self->rev;
  copy->created_at = g_strdup (self->created_at);
  copy->updated_at = g_strdup (self->updated_at);
  copy->created_by = g_strdup (self->created_by);
  copy->updated_by = g_strdup (self->updated_by);
  copy->id_type = self->id_type;
  copy->id_number = g_strdup (self->id_number);
  copy->id_none_reason = g_strdup (self->id_none_reason);
  for (guint i = 0; i < SILA_N_NAME_PARTS; i++)
    {
      g_free (copy->name[i]);
      copy->name[i] = g_strdup (self->name[i]);
    }
  copy->gender = g_strdup (self->gender);
  copy->birth_date = self->birth_date;
  copy->birth_calendar = self->birth_calendar;
  copy->nationality = g_strdup (self->nationality);
  copy->marital_status = g_strdup (self->marital_status);
  copy->mobile = g_strdup (self->mobile);
  g_strfreev (copy->alt_phones);
  copy->alt_phones = g_strdupv (self->alt_phones);
  copy->district = g_strdup (self->district);
  copy->address = g_strdup (self->address);
  copy->preferred_channel = g_strdup (self->preferred_channel);
  copy->segment = g_strdup (self->segment);
  for (guint i = 0; i < self->members->len; i++)
    g_ptr_array_add (copy->members, member_copy (g_ptr_array_index (self->members, i)));
  for (guint i = 0; i < self->incomes->len; i++)
    {
      const SilaIncome *income = g_ptr_array_index (self->incomes, i);
      SilaIncome *c = sila_income_new (income->source, income->monthly_halalas);

      c->id = g_strdup (income->id);
      g_ptr_array_add (copy->incomes, c);
    }
  copy->housing_type = g_strdup (self->housing_type);
  copy->rent_halalas = self->rent_halalas;
  copy->health_notes = g_strdup (self->health_notes);
  copy->notes = g_strdup (self->notes);
  g_free (copy->consent);
  copy->consent = g_strdup (self->consent);
  copy->consent_at = g_strdup (self->consent_at);
  copy->consent_by = g_strdup (self->consent_by);
  g_free (copy->status);
  copy->status = g_strdup (self->status);

  return copy;
}

void
sila_beneficiary_free (SilaBeneficiary *self)
{
  if (self == NULL)
    return;

  g_free (self->id);
  g_free (self->created_at);
  g_free (self->updated_at);
  g_free (self->created_by);
  g_free (self->updated_by);
  g_free (self->id_number);
  g_free (self->id_none_reason);
  for (guint i = 0; i < SILA_N_NAME_PARTS; i++)
    g_free (self->name[i]);
  g_free (self->gender);
  g_free (self->nationality);
  g_free (self->marital_status);
  g_free (self->mobile);
  g_strfreev (self->alt_phones);
  g_free (self->district);
  g_free (self->address);
  g_free (self->preferred_channel);
  g_free (self->segment);
  g_ptr_array_unref (self->members);
  g_ptr_array_unref (self->incomes);
  g_free (self->housing_type);
  g_free (self->health_notes);
  g_free (self->notes);
  g_free (self->consent);
  g_free (self->consent_at);
  g_free (self->consent_by);
  g_free (self->status);
  g_free (self);
}

char *
sila_beneficiary_get_full_name (const SilaBeneficiary *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return sila_person_name_join ((const char * const *)self->name);
}

gint64
sila_beneficiary_get_total_income (const SilaBeneficiary *self)
{
  gint64 total = 0;

  g_return_val_if_fail (self != NULL, 0);

  for (guint i = 0; i < self->incomes->len; i++)
    total += ((SilaIncome *)g_ptr_array_index (self->incomes, i))->monthly_halalas;
  return total;
}

gboolean
sila_beneficiary_names_similar (const char *key_a,
                                const char *key_b)
{
  g_auto(GStrv) a = NULL;
  g_auto(GStrv) b = NULL;
  char **shorter, **longer;
  guint na, nb, j = 0;

  if (key_a == NULL || key_b == NULL || *key_a == '\0' || *key_b == '\0')
    return FALSE;
  if (strcmp (key_a, key_b) == 0)
    return TRUE;

  a = g_strsplit (key_a, " ", -1);
  b = g_strsplit (key_b, " ", -1);
  na = g_strv_length (a);
  nb = g_strv_length (b);
  if (na < 2 || nb < 2 || strcmp (a[0], b[0]) != 0 || strcmp (a[na - 1], b[nb - 1]) != 0)
    return FALSE;

  shorter = na <= nb ? a : b;
  longer = na <= nb ? b : a;
  for (guint i = 0; longer[i] != NULL && shorter[j] != NULL; i++)
    if (strcmp (longer[i], shorter[j]) == 0)
      j++;
  return shorter[j] == NULL;
}

static void
add_string (JsonBuilder *builder,
            const char  *key,
            const char  *value)
{
  json_builder_set_member_name (builder, key);
  if (value != NULL && *value != '\0')
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_date (JsonBuilder *builder,
          const char  *key,
          const GDate *date)
{
  g_autofree char *iso = NULL;

  if (g_date_valid (date))
    iso = sila_date_format_numeric (date, SILA_CALENDAR_GREGORIAN);
  add_string (builder, key, iso);
}

char *
sila_beneficiary_to_json (const SilaBeneficiary *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  json_builder_begin_object (builder);
  if (self->file_number > 0)
    {
      json_builder_set_member_name (builder, "file_number");
      json_builder_add_int_value (builder, self->file_number);
    }
  add_string (builder, "id_type", sila_id_type_to_code (self->id_type));
  add_string (builder, "id_number", self->id_number);
  add_string (builder, "id_none_reason", self->id_none_reason);
  add_string (builder, "first_name", self->name[SILA_NAME_PART_FIRST]);
  add_string (builder, "father_name", self->name[SILA_NAME_PART_FATHER]);
  add_string (builder, "grandfather_name", self->name[SILA_NAME_PART_GRANDFATHER]);
  add_string (builder, "family_name", self->name[SILA_NAME_PART_FAMILY]);
  add_string (builder, "gender", self->gender);
  add_date (builder, "birth_date", &self->birth_date);
  add_string (builder, "birth_calendar",
              g_date_valid (&self->birth_date) ? sila_calendar_to_code (self->birth_calendar)
                                               : NULL);
  add_string (builder, "nationality", self->nationality);
  add_string (builder, "marital_status", self->marital_status);
  add_string (builder, "mobile", self->mobile);
  json_builder_set_member_name (builder, "alt_phones");
  json_builder_begin_array (builder);
  for (guint i = 0; self->alt_phones[i] != NULL; i++)
    json_builder_add_string_value (builder, self->alt_phones[i]);
  json_builder_end_array (builder);
  add_string (builder, "district", self->district);
  add_string (builder, "address", self->address);
  add_string (builder, "preferred_channel", self->preferred_channel);
  add_string (builder, "segment", self->segment);

  json_builder_set_member_name (builder, "members");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->members->len; i++)
    {
      const SilaHouseholdMember *m = g_ptr_array_index (self->members, i);

      json_builder_begin_object (builder);
      add_string (builder, "name", m->name);
      add_string (builder, "relation", m->relation);
      add_string (builder, "id_number", m->id_number);
      add_date (builder, "birth_date", &m->birth_date);
      add_string (builder, "gender", m->gender);
      add_string (builder, "occupation", m->occupation);
      add_string (builder, "health", m->health);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "incomes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->incomes->len; i++)
    {
      const SilaIncome *income = g_ptr_array_index (self->incomes, i);

      json_builder_begin_object (builder);
      add_string (builder, "source", income->source);
      json_builder_set_member_name (builder, "monthly_halalas");
      json_builder_add_int_value (builder, income->monthly_halalas);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  add_string (builder, "housing_type", self->housing_type);
  json_builder_set_member_name (builder, "rent");
  if (self->rent_halalas >= 0)
    json_builder_add_int_value (builder, self->rent_halalas);
  else
    json_builder_add_null_value (builder);
  add_string (builder, "health_notes", self->health_notes);
  add_string (builder, "notes", self->notes);
  add_string (builder, "consent", self->consent);
  add_string (builder, "consent_at", self->consent_at);
  add_string (builder, "consent_by", self->consent_by);
  add_string (builder, "status", self->status);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

/* A national ID and an iqama number have ten digits. */
#define SILA_LOOKUP_ID_DIGITS 10

gboolean
sila_beneficiary_lookup_parse (const char             *text,
                               gboolean                may_be_empty,
                               SilaBeneficiaryLookup  *kind,
                               char                  **id_number,
                               gint64                 *file_number,
                               GError                **error)
{
  g_autofree char *ascii = NULL;

  g_return_val_if_fail (kind != NULL && id_number != NULL && file_number != NULL, FALSE);

  *kind = SILA_BENEFICIARY_LOOKUP_NOTHING;
  *id_number = NULL;
  *file_number = 0;
  ascii = g_strstrip (sila_text_digits_to_ascii (text != NULL ? text : ""));
  if (*ascii == '\0' && may_be_empty)
    return TRUE;

  if (strlen (ascii) == SILA_LOOKUP_ID_DIGITS && strspn (ascii, "0123456789") == strlen (ascii))
    {
      *kind = SILA_BENEFICIARY_LOOKUP_ID_NUMBER;
      *id_number = g_steal_pointer (&ascii);
      return TRUE;
    }
  if (*ascii != '\0' && strlen (ascii) < SILA_LOOKUP_ID_DIGITS &&
      sila_text_parse_int (ascii, 1, G_MAXINT64, file_number, NULL))
    {
      *kind = SILA_BENEFICIARY_LOOKUP_FILE_NUMBER;
      return TRUE;
    }

  g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                       _("Type the beneficiary’s national ID or iqama number (10 digits), or "
                         "the file number."));
  return FALSE;
}
