/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A person's own data, printed for them (PDPL, the right of access): the
 * JSON of sila_store_collect_person_data() in words, in the UI language. */
#define G_LOG_DOMAIN "sila-report"

#include "sila-config.h"

#include <glib/gi18n-lib.h>

#include "sila-account.h"
#include "sila-audit.h"
#include "sila-beneficiary-history.h"
#include "sila-channel.h"
#include "sila-clock.h"
#include "sila-contact.h"
#include "sila-date.h"
#include "sila-format.h"
#include "sila-i18n.h"
#include "sila-money.h"
#include "sila-person-report.h"
#include "sila-request.h"

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return "";
  return json_node_get_string (node);
}

static gint64
member_int (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_INT64)
    return 0;
  return json_node_get_int (node);
}

static JsonArray *
member_array (JsonObject *object,
              const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

/* "2026-03-15" (or a timestamp) in the UI language, both calendars. */
static char *
show_date (const char *iso)
{
  GDate date;
  g_autofree char *day = g_strndup (iso != NULL ? iso : "", 10);

  g_autofree char *gregorian = NULL;
  g_autofree char *hijri = NULL;

  if (!sila_date_from_iso (day, &date))
    return g_strdup (iso != NULL ? iso : "");
  gregorian = sila_date_format (&date, SILA_CALENDAR_GREGORIAN);
  hijri = sila_date_format (&date, SILA_CALENDAR_HIJRI);
  return g_strdup_printf ("%s (%s)", hijri, gregorian);
}

static const char *
channel_display (const char *code)
{
  SilaChannel channel;

  return sila_channel_parse (code, &channel, NULL) ? sila_channel_to_display (channel) : code;
}

static void
add_file (SilaDocument *doc,
          JsonObject   *root,
          GPtrArray    *segments)
{
  JsonNode *file = json_object_get_member (root, "file");
  g_autofree char *json = file != NULL ? json_to_string (file, FALSE) : NULL;
  g_autoptr(GPtrArray) fields = NULL;

  sila_document_add_heading (doc, _("Your file"));
  if (json == NULL)
    return;

  /* Every field against an empty file: each one named, with its value. */
  fields = sila_beneficiary_describe_changes (NULL, json, segments);
  for (guint i = 0; i < fields->len; i++)
    {
      SilaFieldChange *change = g_ptr_array_index (fields, i);

      sila_document_add_field (doc, change->label, change->after);
    }
}

static void
add_requests (SilaDocument *doc,
              JsonObject   *root)
{
  static const double widths[] = { 1.2, 1.6, 1.4, 1.6, 1.4 };
  JsonArray *requests = member_array (root, "requests");
  const char *headers[] = {
    _("Request"), _("Type"), _("Status"), _("Received"), _("Service delivered"),
  };
  SilaDocumentTable *table;

  sila_document_add_heading (doc, _("Your support requests"));
  if (requests == NULL || json_array_get_length (requests) == 0)
    {
      sila_document_add_paragraph (doc, _("None."));
      return;
    }

  table = sila_document_add_table (doc, G_N_ELEMENTS (headers), headers, widths, NULL);
  for (guint i = 0; i < json_array_get_length (requests); i++)
    {
      JsonObject *r = json_array_get_object_element (requests, i);
      JsonArray *deliveries = member_array (r, "deliveries");
      SilaRequestStatus status;
      g_autofree char *received = show_date (member_string (r, "received_on"));
      g_autofree char *delivered = NULL;
      gint64 total = 0;
      const char *type = sila_i18n_get_language () == SILA_LANGUAGE_ENGLISH
                           ? member_string (r, "type_en") : member_string (r, "type_ar");
      const char *cells[5];

      for (guint k = 0; deliveries != NULL && k < json_array_get_length (deliveries); k++)
        total += member_int (json_array_get_object_element (deliveries, k), "amount_halalas");
      if (deliveries != NULL && json_array_get_length (deliveries) > 0)
        delivered = sila_money_format (total, TRUE);

      cells[0] = member_string (r, "number");
      cells[1] = *type != '\0' ? type : member_string (r, "type");
      cells[2] = sila_request_status_parse (member_string (r, "status"), &status, NULL)
                   ? sila_request_status_to_display (status) : member_string (r, "status");
      cells[3] = received;
      cells[4] = delivered != NULL ? delivered : "—";
      sila_document_table_add_row (table, cells);
    }
}

static void
add_contacts (SilaDocument *doc,
              JsonObject   *root)
{
  static const double widths[] = { 1.4, 1.4, 1.2, 3.2 };
  JsonArray *contacts = member_array (root, "contacts");
  const char *headers[] = { _("Date"), _("Channel"), _("Kind"), _("Question or subject") };
  SilaDocumentTable *table;

  sila_document_add_heading (doc, _("Your contacts with the office"));
  if (contacts == NULL || json_array_get_length (contacts) == 0)
    {
      sila_document_add_paragraph (doc, _("None."));
      return;
    }

  table = sila_document_add_table (doc, G_N_ELEMENTS (headers), headers, widths, NULL);
  for (guint i = 0; i < json_array_get_length (contacts); i++)
    {
      JsonObject *c = json_array_get_object_element (contacts, i);
      g_autofree char *date = show_date (member_string (c, "asked_at"));
      SilaContactKind kind;
      const char *cells[4];

      cells[0] = date;
      cells[1] = channel_display (member_string (c, "channel"));
      cells[2] = sila_contact_kind_from_code (member_string (c, "kind"), &kind)
                   ? sila_contact_kind_to_display (kind) : member_string (c, "kind");
      cells[3] = member_string (c, "question");
      sila_document_table_add_row (table, cells);
    }
}

static void
add_surveys (SilaDocument *doc,
             JsonObject   *root)
{
  static const double widths[] = { 2, 2 };
  JsonArray *surveys = member_array (root, "surveys");
  const char *headers[] = { _("Date"), _("Channel") };
  SilaDocumentTable *table;

  sila_document_add_heading (doc, _("Surveys you answered under your name"));
  sila_document_add_note (doc, _("Surveys answered anonymously are not linked to anyone and "
                                 "cannot appear here."));
  if (surveys == NULL || json_array_get_length (surveys) == 0)
    {
      sila_document_add_paragraph (doc, _("None."));
      return;
    }

  table = sila_document_add_table (doc, G_N_ELEMENTS (headers), headers, widths, NULL);
  for (guint i = 0; i < json_array_get_length (surveys); i++)
    {
      JsonObject *s = json_array_get_object_element (surveys, i);
      g_autofree char *date = show_date (member_string (s, "answered_on"));
      const char *cells[2] = { date, channel_display (member_string (s, "channel")) };

      sila_document_table_add_row (table, cells);
    }
}

/* Who, as the person reading can know them: the staff member's name, or
 * the association's for the owner of a database without accounts (as on the
 * request form, sila-request-form.c). */
static const char *
history_by (JsonObject *root,
            JsonObject *entry)
{
  const char *name = member_string (entry, "by_name");
  const char *by = member_string (entry, "by");
  const char *association = member_string (root, "association");

  if (name != NULL && *name != '\0')
    return name;
  if (g_strcmp0 (by, SILA_ACCOUNT_OWNER_NAME) == 0 && association != NULL && *association != '\0')
    return association;
  return sila_audit_actor_to_display (by);
}

static void
add_history (SilaDocument *doc,
             JsonObject   *root)
{
  static const double widths[] = { 2, 2, 2 };
  JsonArray *history = member_array (root, "history");
  const char *headers[] = { _("Date"), _("By"), _("What") };
  SilaDocumentTable *table;

  sila_document_add_heading (doc, _("Who saw or changed your file"));
  if (history == NULL || json_array_get_length (history) == 0)
    {
      sila_document_add_paragraph (doc, _("None."));
      return;
    }

  table = sila_document_add_table (doc, G_N_ELEMENTS (headers), headers, widths, NULL);
  for (guint i = 0; i < json_array_get_length (history); i++)
    {
      JsonObject *h = json_array_get_object_element (history, i);
      g_autofree char *date = show_date (member_string (h, "at"));
      const char *cells[3] = {
        date,
        history_by (root, h),
        sila_audit_action_to_display (member_string (h, "action")),
      };

      sila_document_table_add_row (table, cells);
    }
}

/* The person's data as a printed document for them. @segments (SilaSegment,
 * may be NULL) names their segment. */
SilaDocument *
sila_person_report_new (JsonNode  *data,
                        GPtrArray *segments)
{
  g_autoptr(SilaDocument) doc = NULL;
  g_autofree char *generated = NULL;
  g_autofree char *intro = NULL;
  g_autofree char *number = NULL;
  JsonObject *root;

  g_return_val_if_fail (data != NULL && JSON_NODE_HOLDS_OBJECT (data), NULL);

  root = json_node_get_object (data);
  generated = show_date (member_string (root, "generated_at"));
  /* A file number is read aloud digit by digit: no thousands separator. */
  number = g_strdup_printf ("%" G_GINT64_FORMAT, member_int (root, "file_number"));

  doc = sila_document_new (_("Your personal data"));
  sila_document_set_rtl (doc, sila_i18n_is_rtl ());
  sila_document_set_header (doc, member_string (root, "association"),
                            _("Beneficiary relations office"));
  sila_document_set_footer_note (doc, _("Confidential: personal data, for the person it "
                                        "concerns."));

  intro = g_strdup_printf (_("This is everything the association holds about you in file "
                             "number %s, as on %s. Under the Personal Data Protection Law you "
                             "may ask for anything here to be corrected; ask at the "
                             "beneficiary-relations office."),
                           number, generated);
  sila_document_add_paragraph (doc, intro);

  add_file (doc, root, segments);
  add_requests (doc, root);
  add_contacts (doc, root);
  add_surveys (doc, root);
  add_history (doc, root);

  return g_steal_pointer (&doc);
}
