/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-core"

#include "sila-config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "sila-beneficiary.h"
#include "sila-beneficiary-history.h"
#include "sila-channel.h"
#include "sila-choices.h"
#include "sila-format.h"
#include "sila-money.h"
#include "sila-phone.h"

/* The keys of the JSON, in the order the form shows them. */
static const struct {
  const char  *key;
  int          choices;  /* SilaChoices, or -1 */
} keys[] = {
  { "file_number", -1 },
  { "id_type", -1 },
  { "id_number", -1 },
  { "id_none_reason", -1 },
  { "first_name", -1 },
  { "father_name", -1 },
  { "grandfather_name", -1 },
  { "family_name", -1 },
  { "gender", SILA_CHOICES_GENDER },
  { "birth_date", -1 },
  { "nationality", SILA_CHOICES_NATIONALITY },
  { "marital_status", SILA_CHOICES_MARITAL_STATUS },
  { "mobile", -1 },
  { "alt_phones", -1 },
  { "district", SILA_CHOICES_DISTRICT },
  { "address", -1 },
  { "preferred_channel", -1 },
  { "segment", -1 },
  { "members", -1 },
  { "incomes", -1 },
  { "housing_type", SILA_CHOICES_HOUSING },
  { "rent", -1 },
  { "health_notes", -1 },
  { "notes", -1 },
  { "consent", SILA_CHOICES_CONSENT },
  { "consent_at", -1 },
  { "consent_by", -1 },
  { "status", SILA_CHOICES_FILE_STATUS },
};

void
sila_field_change_free (SilaFieldChange *change)
{
  if (change == NULL)
    return;
  g_free (change->key);
  g_free (change->label);
  g_free (change->before);
  g_free (change->after);
  g_free (change);
}

static JsonObject *
parse_object (JsonParser *parser,
              const char *json)
{
  if (json == NULL || !json_parser_load_from_data (parser, json, -1, NULL))
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return NULL;
  return json_node_get_object (json_parser_get_root (parser));
}

static char *
phone_text (const char *phone)
{
  g_autofree char *shown = sila_phone_format_display (phone);

  /* Isolated left to right, so that an Arabic line keeps its groups. */
  return g_strdup_printf ("\u2066%s\u2069", shown != NULL ? shown : phone);
}

static char *
describe_value (const char *key,
                int         choices,
                JsonNode   *node,
                GPtrArray  *segments)
{
  const char *text;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return g_strdup ("");

  if (g_str_equal (key, "members") && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      g_autoptr(GString) s = g_string_new (NULL);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonObject *m = json_array_get_object_element (array, i);
          const char *name = m != NULL ? json_object_get_string_member_with_default (m, "name", "")
                                       : "";

          if (s->len > 0)
            g_string_append (s, _(", "));
          g_string_append (s, name);
        }
      return g_string_free (g_steal_pointer (&s), FALSE);
    }

  if (g_str_equal (key, "incomes") && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      gint64 total = 0;

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonObject *o = json_array_get_object_element (array, i);

          if (o != NULL)
            total += json_object_get_int_member_with_default (o, "monthly_halalas", 0);
        }
      return sila_money_format (total, TRUE);
    }

  if (g_str_equal (key, "alt_phones") && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      g_autoptr(GString) s = g_string_new (NULL);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *shown = phone_text (json_array_get_string_element (array, i));

          if (s->len > 0)
            g_string_append (s, _(", "));
          g_string_append (s, shown);
        }
      return g_string_free (g_steal_pointer (&s), FALSE);
    }

  if (g_str_equal (key, "rent") || g_str_equal (key, "file_number"))
    {
      gint64 n = json_node_get_int (node);

      return g_str_equal (key, "rent") ? sila_money_format (n, TRUE) : sila_format_int (n);
    }

  if (JSON_NODE_TYPE (node) != JSON_NODE_VALUE ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return g_strdup ("");
  text = json_node_get_string (node);

  if (choices >= 0)
    return g_strdup (sila_choice_to_display (choices, text));
  if (g_str_equal (key, "id_type"))
    {
      SilaIdType type;

      return g_strdup (sila_id_type_from_code (text, &type) ? sila_id_type_to_display (type)
                                                            : text);
    }
  if (g_str_equal (key, "preferred_channel"))
    {
      SilaChannel channel;

      return g_strdup (sila_channel_parse (text, &channel, NULL)
                       ? sila_channel_to_display (channel) : text);
    }
  if (g_str_equal (key, "segment"))
    {
      for (guint i = 0; segments != NULL && i < segments->len; i++)
        {
          const SilaSegment *s = g_ptr_array_index (segments, i);

          if (g_str_equal (s->code, text))
            return g_strdup (sila_segment_get_display (s));
        }
      return g_strdup (text);
    }
  if (g_str_equal (key, "birth_date") || g_str_equal (key, "consent_at"))
    {
      GDate date;

      if (sila_date_parse (text, SILA_CALENDAR_GREGORIAN, &date, NULL))
        return sila_date_format (&date, SILA_CALENDAR_GREGORIAN);
      return g_strdup (text);
    }
  if (g_str_equal (key, "mobile"))
    return phone_text (text);
  if (g_str_equal (key, "id_number"))
    return g_strdup_printf ("\u2066%s\u2069", text);

  return g_strdup (text);
}

GPtrArray *
sila_beneficiary_describe_changes (const char *before_json,
                                   const char *after_json,
                                   GPtrArray  *segments)
{
  g_autoptr(JsonParser) before_parser = json_parser_new ();
  g_autoptr(JsonParser) after_parser = json_parser_new ();
  JsonObject *before = parse_object (before_parser, before_json);
  JsonObject *after = parse_object (after_parser, after_json);
  GPtrArray *changes = g_ptr_array_new_with_free_func ((GDestroyNotify)sila_field_change_free);

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      const char *key = keys[i].key;
      JsonNode *b = before != NULL ? json_object_get_member (before, key) : NULL;
      JsonNode *a = after != NULL ? json_object_get_member (after, key) : NULL;
      g_autofree char *bt = describe_value (key, keys[i].choices, b, segments);
      g_autofree char *at = describe_value (key, keys[i].choices, a, segments);
      SilaFieldChange *change;

      if (g_str_equal (bt, at) && (b == NULL || a == NULL || json_node_equal (a, b)))
        continue;
      if (*bt == '\0' && *at == '\0')
        continue;

      change = g_new0 (SilaFieldChange, 1);
      change->key = g_strdup (key);
      change->label = g_strdup (sila_beneficiary_key_to_display (key));
      change->before = g_steal_pointer (&bt);
      change->after = g_steal_pointer (&at);
      g_ptr_array_add (changes, change);
    }

  return changes;
}
