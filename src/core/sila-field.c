/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Field work's rules (sila-field.h). */
#define G_LOG_DOMAIN "sila-core"

#include "sila-config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "sila-field.h"

G_DEFINE_QUARK (sila-field-error-quark, sila_field_error)

gint64
sila_field_provisional_start (gint64 kit_seq)
{
  return SILA_FIELD_PROVISIONAL_BASE + kit_seq * SILA_FIELD_KIT_SPAN;
}

gboolean
sila_field_number_is_provisional (gint64 number)
{
  return number >= SILA_FIELD_PROVISIONAL_BASE;
}

gboolean
sila_field_request_number_is_provisional (const char *number)
{
  const char *dash = number != NULL ? strchr (number, '-') : NULL;

  return dash != NULL &&
         sila_field_number_is_provisional (g_ascii_strtoll (dash + 1, NULL, 10));
}

/* Parents first. Survey answers follow their responses, request parts
 * their requests; outreach rows name contacts. */
static const SilaFieldTable tables[] = {
  { "beneficiaries", SILA_FIELD_COUNT_FILES,
    { { "file_number", SILA_FIELD_NUMBER_FILE, "beneficiary_file" } }, "id" },
  { "household_members", SILA_FIELD_COUNT_NONE, { { NULL } }, "beneficiary_id" },
  { "beneficiary_incomes", SILA_FIELD_COUNT_NONE, { { NULL } }, "beneficiary_id" },
  { "requests", SILA_FIELD_COUNT_REQUESTS,
    { { "seq", SILA_FIELD_NUMBER_SEQ, "request" },
      { "number", SILA_FIELD_NUMBER_REQUEST, "request-" } }, "beneficiary_id" },
  { "request_documents", SILA_FIELD_COUNT_NONE, { { NULL } }, NULL },
  { "request_document_files", SILA_FIELD_COUNT_NONE, { { NULL } }, NULL },
  { "request_events", SILA_FIELD_COUNT_NONE, { { NULL } }, NULL },
  { "research_reports", SILA_FIELD_COUNT_NONE, { { NULL } }, NULL },
  { "committee_decisions", SILA_FIELD_COUNT_NONE, { { NULL } }, NULL },
  { "deliveries", SILA_FIELD_COUNT_NONE, { { NULL } }, NULL },
  { "contacts", SILA_FIELD_COUNT_CONTACTS,
    { { "seq", SILA_FIELD_NUMBER_SEQ, "contact" } }, "beneficiary_id" },
  { "outreach_dismissals", SILA_FIELD_COUNT_NONE, { { NULL } }, "beneficiary_id" },
  { "outreach_contacts", SILA_FIELD_COUNT_NONE, { { NULL } }, "beneficiary_id" },
  { "survey_responses", SILA_FIELD_COUNT_RESPONSES, { { NULL } }, NULL },
  { "survey_answers", SILA_FIELD_COUNT_NONE, { { NULL } }, NULL },
  { "feedback_items", SILA_FIELD_COUNT_FEEDBACK,
    { { "number", SILA_FIELD_NUMBER_SEQ, "feedback" } }, "beneficiary_id" },
};

const SilaFieldTable *
sila_field_tables (guint *n_tables)
{
  *n_tables = G_N_ELEMENTS (tables);
  return tables;
}

const SilaFieldTable *
sila_field_table_lookup (const char *name)
{
  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (tables); i++)
    if (g_str_equal (tables[i].name, name))
      return &tables[i];
  return NULL;
}

gboolean
sila_field_column_is_bookkeeping (const char *column)
{
  static const char * const columns[] = { "rev", "updated_at", "updated_by", "device_id", NULL };

  return column != NULL && g_strv_contains (columns, column);
}

int
sila_field_order_compare (const SilaFieldOrder *a,
                          const SilaFieldOrder *b)
{
  int c = g_strcmp0 (a->made_at, b->made_at);

  if (c == 0)
    c = g_strcmp0 (a->laptop, b->laptop);
  if (c == 0)
    c = g_strcmp0 (a->key, b->key);
  return c;
}

SilaFieldOutcome
sila_field_resolve (const char *base,
                    const char *field,
                    const char *office,
                    const char *office_merged_at,
                    const char *field_changed_at)
{
  int later;

  if (g_strcmp0 (field, office) == 0)
    return SILA_FIELD_SAME;
  if (g_strcmp0 (office, base) == 0)
    return SILA_FIELD_APPLY;
  if (office_merged_at == NULL)
    return SILA_FIELD_KEEP_OFFICE;

  /* Two laptops: the later change wins whichever bundle came first; equal
   * times fall back on the values themselves, so the order of merging
   * still does not matter. */
  later = g_strcmp0 (field_changed_at, office_merged_at);
  if (later == 0)
    later = g_strcmp0 (field, office);
  return later > 0 ? SILA_FIELD_LATER_FIELD : SILA_FIELD_LATER_OFFICE;
}

gboolean
sila_field_existing_stays (gboolean              existing_from_field,
                           const SilaFieldOrder *existing,
                           const SilaFieldOrder *incoming)
{
  if (!existing_from_field)
    return TRUE;
  return sila_field_order_compare (existing, incoming) <= 0;
}

/* Values */

void
sila_field_value_clear (SilaFieldValue *value)
{
  g_clear_pointer (&value->data, g_bytes_unref);
  value->type = SILA_FIELD_VALUE_NULL;
}

void
sila_field_value_copy (SilaFieldValue       *dest,
                       const SilaFieldValue *src)
{
  *dest = *src;
  if (src->data != NULL)
    dest->data = g_bytes_ref (src->data);
}

char *
sila_field_value_encode (const SilaFieldValue *value)
{
  gsize size = 0;
  const guint8 *data = value->data != NULL ? g_bytes_get_data (value->data, &size) : NULL;

  switch (value->type)
    {
    case SILA_FIELD_VALUE_INT:
      return g_strdup_printf ("i:%" G_GINT64_FORMAT, value->i);
    case SILA_FIELD_VALUE_FLOAT:
      {
        char buffer[G_ASCII_DTOSTR_BUF_SIZE];

        return g_strconcat ("f:", g_ascii_dtostr (buffer, sizeof buffer, value->f), NULL);
      }
    case SILA_FIELD_VALUE_TEXT:
      {
        GString *text = g_string_new ("t:");

        g_string_append_len (text, (const char *)data, (gssize)size);
        return g_string_free (text, FALSE);
      }
    case SILA_FIELD_VALUE_BLOB:
      {
        GString *text = g_string_new ("b:");

        for (gsize i = 0; i < size; i++)
          g_string_append_printf (text, "%02x", data[i]);
        return g_string_free (text, FALSE);
      }
    case SILA_FIELD_VALUE_NULL:
    default:
      return g_strdup ("n");
    }
}

char *
sila_field_value_dup_text (const SilaFieldValue *value)
{
  gsize size = 0;
  const char *data;

  if (value->type != SILA_FIELD_VALUE_TEXT || value->data == NULL)
    return NULL;
  data = g_bytes_get_data (value->data, &size);
  return data != NULL ? g_strndup (data, size) : g_strdup ("");
}

char *
sila_field_value_display (const char *encoded)
{
  if (encoded == NULL || encoded[0] == 'n' || encoded[1] != ':')
    return g_strdup ("");
  if (encoded[0] == 'b')
    return g_strdup_printf (_("(%zu bytes)"), strlen (encoded + 2) / 2);
  return g_strdup (encoded + 2);
}

/* The header */

void
sila_field_header_free (SilaFieldHeader *header)
{
  if (header == NULL)
    return;
  g_free (header->office_id);
  g_free (header->kit_id);
  g_free (header->device_id);
  g_free (header->event);
  g_free (header->made_at);
  g_free (header->changeset_sha256);
  g_free (header->tables_json);
  g_free (header->audit_json);
  g_free (header);
}

static void
add_raw_json (JsonBuilder *builder,
              const char  *name,
              const char  *json,
              gboolean     array)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  json_builder_set_member_name (builder, name);
  if (json != NULL && json_parser_load_from_data (parser, json, -1, NULL))
    json_builder_add_value (builder, json_node_copy (json_parser_get_root (parser)));
  else if (array)
    {
      json_builder_begin_array (builder);
      json_builder_end_array (builder);
    }
  else
    {
      json_builder_begin_object (builder);
      json_builder_end_object (builder);
    }
}

char *
sila_field_header_to_json (const SilaFieldHeader *header)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_int_value (builder, header->format);
  json_builder_set_member_name (builder, "office_id");
  json_builder_add_string_value (builder, header->office_id);
  json_builder_set_member_name (builder, "kit_id");
  json_builder_add_string_value (builder, header->kit_id);
  json_builder_set_member_name (builder, "device_id");
  json_builder_add_string_value (builder, header->device_id);
  json_builder_set_member_name (builder, "event");
  json_builder_add_string_value (builder, header->event);
  json_builder_set_member_name (builder, "schema_version");
  json_builder_add_int_value (builder, header->schema_version);
  json_builder_set_member_name (builder, "made_at");
  json_builder_add_string_value (builder, header->made_at);
  json_builder_set_member_name (builder, "changeset_size");
  json_builder_add_int_value (builder, header->changeset_size);
  json_builder_set_member_name (builder, "changeset_sha256");
  json_builder_add_string_value (builder, header->changeset_sha256);
  json_builder_set_member_name (builder, "audit_upto");
  json_builder_add_int_value (builder, header->audit_upto);
  add_raw_json (builder, "tables", header->tables_json, FALSE);
  add_raw_json (builder, "audit", header->audit_json, TRUE);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  /* One line: the bundle's header is the file's second line. */
  return json_generator_to_data (generator, NULL);
}

static gpointer
damaged (GError **error)
{
  g_set_error_literal (error, SILA_FIELD_ERROR, SILA_FIELD_ERROR_DAMAGED,
                       _("The return bundle is damaged: its header cannot be read."));
  return NULL;
}

static char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return g_strdup (json_node_get_string (node));
}

static gboolean
member_int (JsonObject *object,
            const char *name,
            gint64     *value)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;
  *value = json_node_get_int (node);
  return TRUE;
}

static char *
member_json (JsonObject   *object,
             const char   *name,
             JsonNodeType  type)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || JSON_NODE_TYPE (node) != type)
    return NULL;
  return json_to_string (node, FALSE);
}

SilaFieldHeader *
sila_field_header_parse (const char  *json,
                         GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(SilaFieldHeader) header = g_new0 (SilaFieldHeader, 1);
  JsonObject *object;
  JsonNode *root;

  if (!json_parser_load_from_data (parser, json, -1, NULL))
    return damaged (error);
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return damaged (error);
  object = json_node_get_object (root);

  if (!member_int (object, "format", &header->format))
    return damaged (error);
  if (header->format != SILA_FIELD_BUNDLE_FORMAT)
    {
      g_set_error (error, SILA_FIELD_ERROR, SILA_FIELD_ERROR_FORMAT,
                   _("The return bundle is in format %lld, which this version of Sila Desk "
                     "cannot read: update Sila Desk at the office."),
                   (long long)header->format);
      return NULL;
    }

  header->office_id = member_string (object, "office_id");
  header->kit_id = member_string (object, "kit_id");
  header->device_id = member_string (object, "device_id");
  header->event = member_string (object, "event");
  header->made_at = member_string (object, "made_at");
  header->changeset_sha256 = member_string (object, "changeset_sha256");
  header->tables_json = member_json (object, "tables", JSON_NODE_OBJECT);
  header->audit_json = member_json (object, "audit", JSON_NODE_ARRAY);
  if (header->office_id == NULL || header->kit_id == NULL || header->device_id == NULL ||
      header->event == NULL || header->made_at == NULL || header->changeset_sha256 == NULL ||
      header->tables_json == NULL || header->audit_json == NULL ||
      !member_int (object, "schema_version", &header->schema_version) ||
      !member_int (object, "changeset_size", &header->changeset_size) ||
      !member_int (object, "audit_upto", &header->audit_upto) ||
      header->changeset_size < 0)
    return damaged (error);

  return g_steal_pointer (&header);
}

gboolean
sila_field_header_check (const SilaFieldHeader  *header,
                         const char             *office_id,
                         gint64                  office_version,
                         GError                **error)
{
  if (g_strcmp0 (header->office_id, office_id) != 0)
    {
      g_set_error_literal (error, SILA_FIELD_ERROR, SILA_FIELD_ERROR_FOREIGN,
                           _("The return bundle belongs to another office’s database: "
                             "nothing was merged."));
      return FALSE;
    }
  if (header->schema_version > office_version)
    {
      g_set_error (error, SILA_FIELD_ERROR, SILA_FIELD_ERROR_TOO_NEW,
                   _("The return bundle was made by a newer version of Sila Desk (data format "
                     "%lld; this database is at %lld): update Sila Desk at the office first. "
                     "Nothing was merged."),
                   (long long)header->schema_version, (long long)office_version);
      return FALSE;
    }
  return TRUE;
}

/* The envelope */

#define TRAILER_PREFIX "\nSHA256 "
#define TRAILER_SIZE   (sizeof TRAILER_PREFIX - 1 + 64 + 1)

GBytes *
sila_field_bundle_compose (const SilaFieldHeader *header,
                           GBytes                *changeset)
{
  g_autofree char *json = sila_field_header_to_json (header);
  g_autofree char *sum = NULL;
  GByteArray *out = g_byte_array_new ();
  gsize size = 0;
  const guint8 *data = g_bytes_get_data (changeset, &size);

  g_byte_array_append (out, (const guint8 *)SILA_FIELD_BUNDLE_MAGIC,
                       strlen (SILA_FIELD_BUNDLE_MAGIC));
  g_byte_array_append (out, (const guint8 *)json, strlen (json));
  g_byte_array_append (out, (const guint8 *)"\n", 1);
  if (size > 0)
    g_byte_array_append (out, data, size);

  sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, out->data, out->len);
  g_byte_array_append (out, (const guint8 *)TRAILER_PREFIX, strlen (TRAILER_PREFIX));
  g_byte_array_append (out, (const guint8 *)sum, strlen (sum));
  g_byte_array_append (out, (const guint8 *)"\n", 1);

  return g_byte_array_free_to_bytes (out);
}

SilaFieldHeader *
sila_field_bundle_parse (GBytes  *bundle,
                         GBytes **changeset,
                         GError **error)
{
  g_autoptr(SilaFieldHeader) header = NULL;
  g_autofree char *sum = NULL;
  g_autofree char *changeset_sum = NULL;
  g_autofree char *json = NULL;
  gsize size = 0, magic = strlen (SILA_FIELD_BUNDLE_MAGIC), body;
  const char *data = g_bytes_get_data (bundle, &size);
  const char *line_end;

  *changeset = NULL;
  if (size < magic || memcmp (data, SILA_FIELD_BUNDLE_MAGIC, magic) != 0)
    {
      g_set_error_literal (error, SILA_FIELD_ERROR, SILA_FIELD_ERROR_NOT_BUNDLE,
                           _("This file is not a Sila Desk return bundle."));
      return NULL;
    }

  /* A bundle cut short has lost its trailer. */
  if (size < magic + TRAILER_SIZE ||
      memcmp (data + size - TRAILER_SIZE, TRAILER_PREFIX, strlen (TRAILER_PREFIX)) != 0 ||
      data[size - 1] != '\n')
    {
      g_set_error_literal (error, SILA_FIELD_ERROR, SILA_FIELD_ERROR_TRUNCATED,
                           _("The return bundle is incomplete: it was cut short while being "
                             "written or copied. Write it again on the laptop."));
      return NULL;
    }

  body = size - TRAILER_SIZE;
  sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guint8 *)data, body);
  if (memcmp (sum, data + body + strlen (TRAILER_PREFIX), 64) != 0)
    {
      g_set_error_literal (error, SILA_FIELD_ERROR, SILA_FIELD_ERROR_DAMAGED,
                           _("The return bundle is damaged: its checksum does not match its "
                             "content. Copy it again from the laptop."));
      return NULL;
    }

  line_end = memchr (data + magic, '\n', body - magic);
  if (line_end == NULL)
    return damaged (error);
  json = g_strndup (data + magic, (gsize)(line_end - data - (gssize)magic));
  header = sila_field_header_parse (json, error);
  if (header == NULL)
    return NULL;

  if ((gsize)header->changeset_size != body - (gsize)(line_end + 1 - data))
    return damaged (error);
  *changeset = g_bytes_new (line_end + 1, (gsize)header->changeset_size);
  changeset_sum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, *changeset);
  if (g_strcmp0 (changeset_sum, header->changeset_sha256) != 0)
    {
      g_clear_pointer (changeset, g_bytes_unref);
      return damaged (error);
    }

  return g_steal_pointer (&header);
}
