/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The beneficiary form as typed, and its drafts. The checks are in
 * sila-beneficiary-parse.c. */
#define G_LOG_DOMAIN "sila-core"

#include "sila-config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "sila-arabic.h"
#include "sila-beneficiary.h"
#include "sila-channel.h"
#include "sila-choices.h"
#include "sila-money.h"
#include "sila-phone.h"
#include "sila-text.h"
#include "sila-validation.h"

#define DRAFT_FORMAT 1

static void
member_input_free (SilaMemberInput *m)
{
  if (m == NULL)
    return;
  g_free (m->id);
  g_free (m->id_type);
  for (guint i = 0; i < SILA_N_MEMBER_FIELDS; i++)
    g_free (m->fields[i]);
  g_free (m);
}

static void
income_input_free (SilaIncomeInput *i)
{
  if (i == NULL)
    return;
  g_free (i->id);
  g_free (i->source);
  g_free (i->amount);
  g_free (i);
}

SilaBeneficiaryInput *
sila_beneficiary_input_new (void)
{
  SilaBeneficiaryInput *self = g_new0 (SilaBeneficiaryInput, 1);

  self->members = g_ptr_array_new_with_free_func ((GDestroyNotify)member_input_free);
  self->incomes = g_ptr_array_new_with_free_func ((GDestroyNotify)income_input_free);
  return self;
}

void
sila_beneficiary_input_free (SilaBeneficiaryInput *self)
{
  if (self == NULL)
    return;
  for (guint i = 0; i < SILA_N_BF_FIELDS; i++)
    g_free (self->fields[i]);
  g_ptr_array_unref (self->members);
  g_ptr_array_unref (self->incomes);
  g_free (self);
}

void
sila_beneficiary_input_set (SilaBeneficiaryInput *self,
                            SilaBeneficiaryField  field,
                            const char           *text)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (field < SILA_N_BF_FIELDS);

  g_free (self->fields[field]);
  self->fields[field] = g_strdup (text);
}

const char *
sila_beneficiary_input_get (const SilaBeneficiaryInput *self,
                            SilaBeneficiaryField        field)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (field < SILA_N_BF_FIELDS, NULL);

  return self->fields[field];
}

SilaMemberInput *
sila_beneficiary_input_add_member (SilaBeneficiaryInput *self)
{
  SilaMemberInput *member = g_new0 (SilaMemberInput, 1);

  g_ptr_array_add (self->members, member);
  return member;
}

void
sila_member_input_set (SilaMemberInput *member,
                       SilaMemberField  field,
                       const char      *text)
{
  g_return_if_fail (member != NULL);
  g_return_if_fail (field < SILA_N_MEMBER_FIELDS);

  g_free (member->fields[field]);
  member->fields[field] = g_strdup (text);
}

SilaIncomeInput *
sila_beneficiary_input_add_income (SilaBeneficiaryInput *self,
                                   const char           *source,
                                   const char           *amount)
{
  SilaIncomeInput *income = g_new0 (SilaIncomeInput, 1);

  income->source = g_strdup (source);
  income->amount = g_strdup (amount);
  g_ptr_array_add (self->incomes, income);
  return income;
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

static gboolean
member_is_empty (const SilaMemberInput *m)
{
  for (guint i = 0; i < SILA_N_MEMBER_FIELDS; i++)
    if (!is_blank (m->fields[i]))
      return FALSE;
  return TRUE;
}

/* Fields that hold a choice the form preselects (ID type, calendar, status,
 * consent) do not count as typing. */
gboolean
sila_beneficiary_input_is_empty (const SilaBeneficiaryInput *self)
{
  static const SilaBeneficiaryField preset[] = {
    SILA_BF_ID_TYPE, SILA_BF_BIRTH_CALENDAR, SILA_BF_STATUS, SILA_BF_CONSENT,
    SILA_BF_NATIONALITY,
  };

  for (guint i = 0; i < SILA_N_BF_FIELDS; i++)
    {
      gboolean skip = FALSE;

      for (guint p = 0; p < G_N_ELEMENTS (preset); p++)
        skip |= preset[p] == i;
      if (!skip && !is_blank (self->fields[i]))
        return FALSE;
    }
  for (guint i = 0; i < self->members->len; i++)
    if (!member_is_empty (g_ptr_array_index (self->members, i)))
      return FALSE;
  for (guint i = 0; i < self->incomes->len; i++)
    if (!is_blank (((SilaIncomeInput *)g_ptr_array_index (self->incomes, i))->amount))
      return FALSE;
  return TRUE;
}

static char *
date_for_input (const GDate  *date,
                SilaCalendar  calendar)
{
  char *text;

  if (!g_date_valid (date))
    return NULL;
  text = sila_date_format_numeric (date, calendar);
  return text != NULL ? text : sila_date_format_numeric (date, SILA_CALENDAR_GREGORIAN);
}

SilaBeneficiaryInput *
sila_beneficiary_input_new_from (const SilaBeneficiary *file)
{
  SilaBeneficiaryInput *self = sila_beneficiary_input_new ();
  g_autofree char *birth = NULL;
  g_autofree char *alt = NULL;

  g_return_val_if_fail (file != NULL, self);

  birth = date_for_input (&file->birth_date, file->birth_calendar);
  alt = g_strjoinv (", ", file->alt_phones);

  sila_beneficiary_input_set (self, SILA_BF_ID_TYPE, sila_id_type_to_code (file->id_type));
  sila_beneficiary_input_set (self, SILA_BF_ID_NUMBER, file->id_number);
  sila_beneficiary_input_set (self, SILA_BF_ID_NONE_REASON, file->id_none_reason);
  sila_beneficiary_input_set (self, SILA_BF_FIRST_NAME, file->name[SILA_NAME_PART_FIRST]);
  sila_beneficiary_input_set (self, SILA_BF_FATHER_NAME, file->name[SILA_NAME_PART_FATHER]);
  sila_beneficiary_input_set (self, SILA_BF_GRANDFATHER_NAME,
                              file->name[SILA_NAME_PART_GRANDFATHER]);
  sila_beneficiary_input_set (self, SILA_BF_FAMILY_NAME, file->name[SILA_NAME_PART_FAMILY]);
  sila_beneficiary_input_set (self, SILA_BF_GENDER, file->gender);
  sila_beneficiary_input_set (self, SILA_BF_BIRTH_DATE, birth);
  sila_beneficiary_input_set (self, SILA_BF_BIRTH_CALENDAR,
                              sila_calendar_to_code (file->birth_calendar));
  sila_beneficiary_input_set (self, SILA_BF_NATIONALITY, file->nationality);
  sila_beneficiary_input_set (self, SILA_BF_MARITAL_STATUS, file->marital_status);
  {
    g_autofree char *mobile = file->mobile != NULL ? sila_phone_format_display (file->mobile)
                                                   : NULL;
    sila_beneficiary_input_set (self, SILA_BF_MOBILE, mobile);
  }
  sila_beneficiary_input_set (self, SILA_BF_ALT_PHONES, alt);
  sila_beneficiary_input_set (self, SILA_BF_DISTRICT, file->district);
  sila_beneficiary_input_set (self, SILA_BF_ADDRESS, file->address);
  sila_beneficiary_input_set (self, SILA_BF_PREFERRED_CHANNEL, file->preferred_channel);
  sila_beneficiary_input_set (self, SILA_BF_SEGMENT, file->segment);
  sila_beneficiary_input_set (self, SILA_BF_HOUSING_TYPE, file->housing_type);
  if (file->rent_halalas >= 0)
    {
      g_autofree char *rent = sila_money_format_plain (file->rent_halalas);
      sila_beneficiary_input_set (self, SILA_BF_RENT, rent);
    }
  sila_beneficiary_input_set (self, SILA_BF_HEALTH_NOTES, file->health_notes);
  sila_beneficiary_input_set (self, SILA_BF_NOTES, file->notes);
  sila_beneficiary_input_set (self, SILA_BF_CONSENT, file->consent);
  sila_beneficiary_input_set (self, SILA_BF_STATUS, file->status);

  for (guint i = 0; i < file->members->len; i++)
    {
      const SilaHouseholdMember *m = g_ptr_array_index (file->members, i);
      SilaMemberInput *in = sila_beneficiary_input_add_member (self);
      g_autofree char *date = date_for_input (&m->birth_date, SILA_CALENDAR_GREGORIAN);

      in->id = g_strdup (m->id);
      if (m->id_type != SILA_ID_TYPE_NONE)
        in->id_type = g_strdup (sila_id_type_to_code (m->id_type));
      sila_member_input_set (in, SILA_MEMBER_NAME, m->name);
      sila_member_input_set (in, SILA_MEMBER_RELATION, m->relation);
      sila_member_input_set (in, SILA_MEMBER_ID_NUMBER, m->id_number);
      sila_member_input_set (in, SILA_MEMBER_BIRTH_DATE, date);
      sila_member_input_set (in, SILA_MEMBER_GENDER, m->gender);
      sila_member_input_set (in, SILA_MEMBER_OCCUPATION, m->occupation);
      sila_member_input_set (in, SILA_MEMBER_HEALTH, m->health);
    }

  for (guint i = 0; i < file->incomes->len; i++)
    {
      const SilaIncome *income = g_ptr_array_index (file->incomes, i);
      g_autofree char *amount = sila_money_format_plain (income->monthly_halalas);
      SilaIncomeInput *in = sila_beneficiary_input_add_income (self, income->source, amount);

      in->id = g_strdup (income->id);
    }

  return self;
}

/* Drafts */

static void
add_text (JsonBuilder *builder,
          const char  *key,
          const char  *text)
{
  if (text == NULL)
    return;
  json_builder_set_member_name (builder, key);
  json_builder_add_string_value (builder, text);
}

char *
sila_beneficiary_input_to_json (const SilaBeneficiaryInput *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_int_value (builder, DRAFT_FORMAT);
  for (guint i = 0; i < SILA_N_BF_FIELDS; i++)
    add_text (builder, sila_beneficiary_field_to_key (i), self->fields[i]);

  json_builder_set_member_name (builder, "members");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->members->len; i++)
    {
      const SilaMemberInput *m = g_ptr_array_index (self->members, i);

      json_builder_begin_object (builder);
      add_text (builder, "id", m->id);
      add_text (builder, "id_type", m->id_type);
      for (guint f = 0; f < SILA_N_MEMBER_FIELDS; f++)
        add_text (builder, sila_member_field_to_key (f), m->fields[f]);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "incomes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->incomes->len; i++)
    {
      const SilaIncomeInput *in = g_ptr_array_index (self->incomes, i);

      json_builder_begin_object (builder);
      add_text (builder, "id", in->id);
      add_text (builder, "source", in->source);
      add_text (builder, "amount", in->amount);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static JsonArray *
object_array (JsonObject *object,
              const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static const char *
object_text (JsonObject *object,
             const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_VALUE ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

SilaBeneficiaryInput *
sila_beneficiary_input_from_json (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(SilaBeneficiaryInput) self = NULL;
  JsonObject *object;
  JsonArray *array;

  if (json == NULL || !json_parser_load_from_data (parser, json, -1, NULL))
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return NULL;

  object = json_node_get_object (json_parser_get_root (parser));
  if (json_object_get_int_member_with_default (object, "format", 0) != DRAFT_FORMAT)
    return NULL;

  self = sila_beneficiary_input_new ();
  for (guint i = 0; i < SILA_N_BF_FIELDS; i++)
    sila_beneficiary_input_set (self, i, object_text (object, sila_beneficiary_field_to_key (i)));

  array = object_array (object, "members");
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *m = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      SilaMemberInput *in;

      if (m == NULL)
        continue;
      in = sila_beneficiary_input_add_member (self);
      in->id = g_strdup (object_text (m, "id"));
      in->id_type = g_strdup (object_text (m, "id_type"));
      for (guint f = 0; f < SILA_N_MEMBER_FIELDS; f++)
        sila_member_input_set (in, f, object_text (m, sila_member_field_to_key (f)));
    }

  array = object_array (object, "incomes");
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *o = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      SilaIncomeInput *in;

      if (o == NULL)
        continue;
      in = sila_beneficiary_input_add_income (self, object_text (o, "source"),
                                              object_text (o, "amount"));
      in->id = g_strdup (object_text (o, "id"));
    }

  return g_steal_pointer (&self);
}
