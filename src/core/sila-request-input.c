/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-core"

#include "sila-config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "sila-clock.h"
#include "sila-date.h"
#include "sila-money.h"
#include "sila-request-input.h"
#include "sila-signature.h"
#include "sila-text.h"
#include "sila-validation.h"

static const char *keys[SILA_N_RF_FIELDS] = {
  "type", "channel", "received", "description", "amount", "declaration",
};

const char *
sila_request_field_to_key (SilaRequestField field)
{
  g_return_val_if_fail (field < SILA_N_RF_FIELDS, NULL);

  return keys[field];
}

SilaRequestInput *
sila_request_input_new (void)
{
  return g_new0 (SilaRequestInput, 1);
}

void
sila_request_input_free (SilaRequestInput *self)
{
  if (self == NULL)
    return;

  g_free (self->beneficiary_id);
  for (guint i = 0; i < SILA_N_RF_FIELDS; i++)
    g_free (self->fields[i]);
  g_free (self->signature);
  g_free (self);
}

void
sila_request_input_set (SilaRequestInput *self,
                        SilaRequestField  field,
                        const char       *text)
{
  g_return_if_fail (field < SILA_N_RF_FIELDS);

  g_free (self->fields[field]);
  self->fields[field] = g_strdup (text);
}

#define DRAFT_FORMAT 1

char *
sila_request_input_to_json (const SilaRequestInput *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_int_value (builder, DRAFT_FORMAT);
  json_builder_set_member_name (builder, "beneficiary");
  json_builder_add_string_value (builder, self->beneficiary_id);
  for (guint i = 0; i < SILA_N_RF_FIELDS; i++)
    {
      json_builder_set_member_name (builder, keys[i]);
      json_builder_add_string_value (builder, self->fields[i]);
    }
  json_builder_set_member_name (builder, "signature");
  json_builder_add_string_value (builder, self->signature);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static char *
member_text (JsonObject *object,
             const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_VALUE ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return g_strdup (json_node_get_string (node));
}

SilaRequestInput *
sila_request_input_from_json (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(SilaRequestInput) input = NULL;
  JsonObject *object;

  if (json == NULL || !json_parser_load_from_data (parser, json, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return NULL;

  object = json_node_get_object (json_parser_get_root (parser));
  if (json_object_get_int_member_with_default (object, "format", 0) != DRAFT_FORMAT)
    return NULL;

  input = sila_request_input_new ();
  input->beneficiary_id = member_text (object, "beneficiary");
  for (guint i = 0; i < SILA_N_RF_FIELDS; i++)
    input->fields[i] = member_text (object, keys[i]);
  input->signature = member_text (object, "signature");
  return g_steal_pointer (&input);
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

char *
sila_text_clean_paragraph (const char  *text,
                           guint        max_chars,
                           GError     **error)
{
  g_autofree char *copy = NULL;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    {
      if (text != NULL)
        g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                             _("The text contains characters that cannot be read."));
      return NULL;
    }
  if (is_blank (text))
    return NULL;

  copy = g_strstrip (g_strdup (text));
  for (const char *p = copy; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      char one[8] = { 0 };

      if (c == '\n' || c == '\t')
        continue;
      g_unichar_to_utf8 (c, one);
      if (sila_text_has_hidden_controls (one))
        {
          g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                               _("The text contains hidden control characters. Type it again "
                                 "without them."));
          return NULL;
        }
    }

  if (g_utf8_strlen (copy, -1) > (glong)max_chars)
    {
      g_set_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_TOO_LONG,
                   g_dngettext (GETTEXT_PACKAGE, "The text is too long: at most %u character.",
                                "The text is too long: at most %u characters.", max_chars),
                   max_chars);
      return NULL;
    }

  return g_steal_pointer (&copy);
}

/* Takes *@error and leaves NULL there, ready for the next check. */
static void
refuse (SilaFieldErrors  *errors,
        SilaRequestField  field,
        GError          **error)
{
  sila_field_errors_take (errors, keys[field], error);
}

static void
refuse_message (SilaFieldErrors  *errors,
                SilaRequestField  field,
                int               code,
                const char       *message)
{
  sila_field_errors_add (errors, keys[field], SILA_VALIDATION_ERROR, code, message);
}

SilaRequest *
sila_request_input_parse (const SilaRequestInput *self,
                          GPtrArray              *types,
                          SilaRequestParseFlags   flags,
                          SilaFieldErrors        *errors)
{
  g_autoptr(SilaRequest) request = sila_request_new ();
  const char *const *f = (const char *const *)self->fields;
  const SilaTypeEntry *type;
  GError *error = NULL;
  GDate today;

  sila_clock_today (&today);
  request->beneficiary_id = g_strdup (self->beneficiary_id);

  type = sila_type_entry_parse (types, f[SILA_RF_TYPE], FALSE, &error);
  if (type == NULL)
    refuse (errors, SILA_RF_TYPE, &error);
  else
    {
      request->type = g_strdup (type->code);
      request->type_name_ar = g_strdup (type->name_ar);
      request->type_name_en = g_strdup (type->name_en);
    }

  if (!sila_channel_parse (f[SILA_RF_CHANNEL], &request->channel, &error))
    refuse (errors, SILA_RF_CHANNEL, &error);

  if (is_blank (f[SILA_RF_RECEIVED]))
    request->received = today;
  else if (!sila_date_parse_guess (f[SILA_RF_RECEIVED], &request->received, NULL, &error) ||
           !sila_date_check_not_future (&request->received, &error))
    refuse (errors, SILA_RF_RECEIVED, &error);

  request->description = sila_text_clean_paragraph (f[SILA_RF_DESCRIPTION],
                                                    SILA_REQUEST_TEXT_MAX, &error);
  if (error != NULL)
    refuse (errors, SILA_RF_DESCRIPTION, &error);

  if (!is_blank (f[SILA_RF_AMOUNT]) &&
      !sila_money_parse (f[SILA_RF_AMOUNT], 0, &request->amount_asked, &error))
    refuse (errors, SILA_RF_AMOUNT, &error);

  request->declaration = SILA_DECLARATION_PENDING;
  if (!is_blank (f[SILA_RF_DECLARATION]) &&
      !sila_declaration_from_code (f[SILA_RF_DECLARATION], &request->declaration))
    refuse_message (errors, SILA_RF_DECLARATION, SILA_VALIDATION_ERROR_INVALID,
                    _("Choose how the applicant signed the declaration."));
  else if (request->declaration == SILA_DECLARATION_PENDING &&
           (flags & SILA_REQUEST_PARSE_REQUIRE_DECLARATION))
    refuse_message (errors, SILA_RF_DECLARATION, SILA_VALIDATION_ERROR_REQUIRED,
                    _("The applicant signs the declaration that the data is "
                      "correct: on the screen, or on the printed form."));
  else if (request->declaration == SILA_DECLARATION_DRAWN)
    {
      g_autoptr(SilaSignature) signature = sila_signature_from_text (self->signature, NULL);

      if (signature == NULL)
        refuse_message (errors, SILA_RF_DECLARATION, SILA_VALIDATION_ERROR_REQUIRED,
                        _("The signature pad is empty: ask the applicant to sign "
                          "in the box."));
      else
        request->signature = sila_signature_to_text (signature);
    }

  if (request->beneficiary_id == NULL)
    sila_field_errors_add (errors, "beneficiary", SILA_VALIDATION_ERROR,
                           SILA_VALIDATION_ERROR_REQUIRED,
                           _("Choose whose request it is: open it from the beneficiary’s file."));

  if (!sila_field_errors_is_empty (errors))
    return NULL;

  return g_steal_pointer (&request);
}
