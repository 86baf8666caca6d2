/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-core"

#include "sila-config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sila-arabic.h"
#include "sila-clock.h"
#include "sila-date.h"
#include "sila-format.h"
#include "sila-request.h"
#include "sila-text.h"
#include "sila-validation.h"

/* The policy's terms (seed/policy-en.md, last section); the Arabic names
 * are also accepted from scripts. */
static const struct {
  const char *code;
  const char *arabic;
  const char *english;
} statuses[SILA_N_REQUEST_STATUSES] = {
  { "received",           "مستلم",                 N_("Received") },
  { "documents_complete", "مكتمل المستندات",        N_("Documents complete") },
  { "in_research",        "محال للبحث الاجتماعي",   N_("Referred to social research") },
  { "research_done",      "تم البحث الاجتماعي",     N_("Research done") },
  { "with_committee",     "لدى لجنة البحث",         N_("With the committee") },
  { "accepted",           "مقبول",                 N_("Accepted") },
  { "rejected",           "مرفوض",                 N_("Rejected") },
  { "registered",         "مسجل",                  N_("Registered") },
  { "delivered",          "تم تقديم الخدمة",        N_("Service delivered") },
  { "closed",             "مغلق",                  N_("Closed") },
  { "withdrawn",          "ملغي",                  N_("Withdrawn") },
};

static const struct {
  const char *code;
  const char *arabic;
  const char *english;
} document_statuses[SILA_N_DOCUMENT_STATUSES] = {
  { "missing",  "ناقص",            N_("Missing") },
  { "provided", "مقدم",            N_("Provided") },
  { "verified", "تم التحقق",       N_("Verified") },
  { "expired",  "منتهي الصلاحية",  N_("Expired") },
  { "rejected", "مرفوض",           N_("Rejected") },
};

static const char *declarations[] = { "pending", "drawn", "paper" };

static const struct {
  const char *code;
  const char *display;
} delivery_kinds[] = {
  { "cash",          N_("Cash") },
  { "bank_transfer", N_("Bank transfer") },
  { "in_kind",       N_("In kind") },
  { "voucher",       N_("Voucher") },
  { "service",       N_("Service") },
};

/* Codes and names */

/* Finds @text among codes and names compared as normalized tokens (so
 * "with committee", "With the committee" and "لدى لجنة البحث" all work). */
static int
find_named (const char *text,
            const char *const *codes,
            const char *const *arabic,
            const char *const *english,
            guint       n)
{
  g_autofree char *key = sila_arabic_normalize_tokens (text != NULL ? text : "");

  if (key == NULL || *key == '\0')
    return -1;

  for (guint i = 0; i < n; i++)
    {
      const char *names[] = { codes[i], arabic[i], english[i] };

      for (guint k = 0; k < G_N_ELEMENTS (names); k++)
        {
          g_autofree char *candidate = sila_arabic_normalize_tokens (names[k]);

          if (g_str_equal (candidate, key))
            return (int)i;
        }
    }

  return -1;
}

const char *
sila_request_status_to_code (SilaRequestStatus status)
{
  g_return_val_if_fail (status >= 0 && status < SILA_N_REQUEST_STATUSES, NULL);

  return statuses[status].code;
}

const char *
sila_request_status_to_display (SilaRequestStatus status)
{
  g_return_val_if_fail (status >= 0 && status < SILA_N_REQUEST_STATUSES, NULL);

  return _(statuses[status].english);
}

gboolean
sila_request_status_parse (const char         *text,
                           SilaRequestStatus  *status,
                           GError            **error)
{
  const char *codes[SILA_N_REQUEST_STATUSES];
  const char *arabic[SILA_N_REQUEST_STATUSES];
  const char *english[SILA_N_REQUEST_STATUSES];
  g_autoptr(GString) list = NULL;
  int i;

  /* The stored codes first, without normalizing anything. */
  for (guint k = 0; text != NULL && k < SILA_N_REQUEST_STATUSES; k++)
    if (strcmp (text, statuses[k].code) == 0)
      {
        *status = (SilaRequestStatus)k;
        return TRUE;
      }

  list = g_string_new (NULL);
  for (guint k = 0; k < SILA_N_REQUEST_STATUSES; k++)
    {
      codes[k] = statuses[k].code;
      arabic[k] = statuses[k].arabic;
      english[k] = statuses[k].english;
      g_string_append_printf (list, "%s%s", k > 0 ? ", " : "", statuses[k].code);
    }

  i = find_named (text, codes, arabic, english, SILA_N_REQUEST_STATUSES);
  if (i >= 0)
    {
      *status = (SilaRequestStatus)i;
      return TRUE;
    }

  /* Translators: the first %s is what was typed, the second the list of
   * codes, which stay in English. */
  g_set_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
               _("There is no request status “%s”. Use one of: %s."),
               text != NULL ? text : "", list->str);
  return FALSE;
}

gboolean
sila_request_status_awaits_answer (SilaRequestStatus status)
{
  return status >= SILA_REQUEST_RECEIVED && status <= SILA_REQUEST_WITH_COMMITTEE;
}

gboolean
sila_request_status_is_final (SilaRequestStatus status)
{
  return status == SILA_REQUEST_CLOSED || status == SILA_REQUEST_WITHDRAWN;
}

gboolean
sila_request_step_is_irreversible (SilaRequestStatus to)
{
  /* The policy gives no step back from the committee's decision, and a
   * withdrawn request stays withdrawn. */
  return to == SILA_REQUEST_ACCEPTED || to == SILA_REQUEST_REJECTED ||
         to == SILA_REQUEST_WITHDRAWN;
}

static const char * const *
codes_where (gboolean (*keep) (SilaRequestStatus status),
             const char  *codes[SILA_N_REQUEST_STATUSES + 1])
{
  guint n = 0;

  for (SilaRequestStatus s = 0; s < SILA_N_REQUEST_STATUSES; s++)
    if (keep (s))
      codes[n++] = sila_request_status_to_code (s);
  codes[n] = NULL;
  return codes;
}

const char * const *
sila_request_awaiting_codes (void)
{
  static const char *codes[SILA_N_REQUEST_STATUSES + 1];
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      codes_where (sila_request_status_awaits_answer, codes);
      g_once_init_leave (&done, 1);
    }
  return codes;
}

const char * const *
sila_request_final_codes (void)
{
  static const char *codes[SILA_N_REQUEST_STATUSES + 1];
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      codes_where (sila_request_status_is_final, codes);
      g_once_init_leave (&done, 1);
    }
  return codes;
}

const char *
sila_document_status_to_code (SilaDocumentStatus status)
{
  g_return_val_if_fail (status < SILA_N_DOCUMENT_STATUSES, NULL);

  return document_statuses[status].code;
}

const char *
sila_document_status_to_display (SilaDocumentStatus status)
{
  g_return_val_if_fail (status < SILA_N_DOCUMENT_STATUSES, NULL);

  return _(document_statuses[status].english);
}

gboolean
sila_document_status_parse (const char          *text,
                            SilaDocumentStatus  *status,
                            GError             **error)
{
  const char *codes[SILA_N_DOCUMENT_STATUSES];
  const char *arabic[SILA_N_DOCUMENT_STATUSES];
  const char *english[SILA_N_DOCUMENT_STATUSES];
  int i;

  for (guint k = 0; text != NULL && k < SILA_N_DOCUMENT_STATUSES; k++)
    if (strcmp (text, document_statuses[k].code) == 0)
      {
        *status = (SilaDocumentStatus)k;
        return TRUE;
      }

  for (guint k = 0; k < SILA_N_DOCUMENT_STATUSES; k++)
    {
      codes[k] = document_statuses[k].code;
      arabic[k] = document_statuses[k].arabic;
      english[k] = document_statuses[k].english;
    }

  i = find_named (text, codes, arabic, english, SILA_N_DOCUMENT_STATUSES);
  if (i >= 0)
    {
      *status = (SilaDocumentStatus)i;
      return TRUE;
    }

  g_set_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
               _("There is no document status “%s”. Use one of: %s."),
               text != NULL ? text : "", "provided, verified, rejected, missing");
  return FALSE;
}

const char *
sila_declaration_to_code (SilaDeclaration declaration)
{
  g_return_val_if_fail (declaration <= SILA_DECLARATION_PAPER, NULL);

  return declarations[declaration];
}

gboolean
sila_declaration_from_code (const char      *code,
                            SilaDeclaration *declaration)
{
  for (guint i = 0; i < G_N_ELEMENTS (declarations); i++)
    if (g_strcmp0 (code, declarations[i]) == 0)
      {
        *declaration = (SilaDeclaration)i;
        return TRUE;
      }

  return FALSE;
}

const char * const *
sila_delivery_kind_codes (void)
{
  static const char *codes[G_N_ELEMENTS (delivery_kinds) + 1];

  if (codes[0] == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (delivery_kinds); i++)
      codes[i] = delivery_kinds[i].code;

  return codes;
}

const char *
sila_delivery_kind_to_display (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (delivery_kinds); i++)
    if (g_strcmp0 (code, delivery_kinds[i].code) == 0)
      return _(delivery_kinds[i].display);

  return code;
}

/* Due dates */

void
sila_request_compute_due (const GDate *received,
                          int          window_days,
                          GDate       *due)
{
  g_return_if_fail (received != NULL && g_date_valid (received));

  *due = *received;
  g_date_add_days (due, (guint)MAX (window_days, 0));
}

gboolean
sila_request_is_overdue (SilaRequestStatus  status,
                         const GDate       *due,
                         const GDate       *today)
{
  if (!sila_request_status_awaits_answer (status) || !g_date_valid (due))
    return FALSE;

  /* The due day itself is still in time. */
  return g_date_compare (today, due) > 0;
}

gboolean
sila_request_is_due_soon (SilaRequestStatus  status,
                          const GDate       *due,
                          const GDate       *today)
{
  if (!sila_request_status_awaits_answer (status) || !g_date_valid (due) ||
      g_date_compare (today, due) > 0)
    return FALSE;

  return g_date_days_between (today, due) <= SILA_REQUEST_DUE_SOON_DAYS;
}

char *
sila_request_describe_due (SilaRequestStatus  status,
                           const GDate       *due,
                           const GDate       *today)
{
  int days;
  g_autofree char *n = NULL;

  if (!sila_request_status_awaits_answer (status) || !g_date_valid (due))
    return NULL;

  days = g_date_days_between (today, due);
  n = sila_format_int (ABS (days));
  if (days == 0)
    return g_strdup (_("Due today"));
  if (days > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Due in %s day", "Due in %s days",
                                         (gulong)days), n);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Overdue by %s day", "Overdue by %s days",
                                       (gulong)-days), n);
}

/* Numbers */

char *
sila_request_number_format (guint  hijri_year,
                            gint64 serial)
{
  return g_strdup_printf ("%u-%05" G_GINT64_FORMAT, hijri_year, serial);
}

char *
sila_request_number_normalize (const char  *text,
                               GError     **error)
{
  g_autofree char *ascii = NULL;
  g_auto(GStrv) parts = NULL;
  guint64 year, serial;

  ascii = sila_text_digits_to_ascii (text != NULL ? text : "");
  g_strstrip (ascii);
  g_strdelimit (ascii, "/\\ ", '-');
  parts = g_strsplit (ascii, "-", -1);

  if (g_strv_length (parts) == 2 &&
      g_ascii_string_to_unsigned (parts[0], 10, 1300, 1600, &year, NULL) &&
      /* Field kits number requests from 9,000,000,000 up (sila-field.h). */
      g_ascii_string_to_unsigned (parts[1], 10, 1, G_MAXINT64, &serial, NULL))
    return sila_request_number_format ((guint)year, (gint64)serial);

  if (*ascii == '\0')
    g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_REQUIRED,
                         _("Enter the request number."));
  else
    g_set_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                 _("“%s” is not a request number: a request number looks like 1446-00017."),
                 text);
  return NULL;
}

/* The office's lists */

const char *
sila_pick_name (const char *name_ar,
                const char *name_en)
{
  if (sila_i18n_get_language () == SILA_LANGUAGE_ARABIC || name_en == NULL || *name_en == '\0')
    return name_ar;

  return name_en;
}

SilaTypeEntry *
sila_type_entry_new (const char *code,
                     const char *name_ar,
                     const char *name_en,
                     gboolean    expires,
                     gboolean    retired)
{
  SilaTypeEntry *entry = g_new0 (SilaTypeEntry, 1);

  entry->code = g_strdup (code);
  entry->name_ar = g_strdup (name_ar);
  entry->name_en = g_strdup (name_en);
  entry->expires = expires;
  entry->retired = retired;
  return entry;
}

void
sila_type_entry_free (SilaTypeEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->code);
  g_free (entry->name_ar);
  g_free (entry->name_en);
  g_free (entry);
}

const char *
sila_type_entry_get_display (const SilaTypeEntry *entry)
{
  return sila_pick_name (entry->name_ar, entry->name_en);
}

const SilaTypeEntry *
sila_type_entry_parse (GPtrArray   *entries,
                       const char  *text,
                       gboolean     allow_retired,
                       GError     **error)
{
  g_autofree char *key = sila_arabic_normalize_tokens (text != NULL ? text : "");
  g_autoptr(GString) codes = g_string_new (NULL);

  if (key == NULL || *key == '\0')
    {
      g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_REQUIRED,
                           _("Choose one from the list."));
      return NULL;
    }

  for (guint i = 0; i < entries->len; i++)
    {
      const SilaTypeEntry *entry = g_ptr_array_index (entries, i);
      const char *names[] = { entry->code, entry->name_ar, entry->name_en };

      if (entry->retired && !allow_retired)
        continue;
      for (guint k = 0; k < G_N_ELEMENTS (names); k++)
        {
          g_autofree char *candidate = sila_arabic_normalize_tokens (names[k]);

          if (g_str_equal (candidate, key))
            return entry;
        }
      g_string_append_printf (codes, "%s%s", codes->len > 0 ? ", " : "", entry->code);
    }

  g_set_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
               _("There is no “%s” in the list. Use one of: %s."), text, codes->str);
  return NULL;
}

SilaChecklistRule *
sila_checklist_rule_new (const char      *request_type,
                         const char      *document_type,
                         SilaRequirement  requirement)
{
  SilaChecklistRule *rule = g_new0 (SilaChecklistRule, 1);

  rule->request_type = g_strdup (request_type);
  rule->document_type = g_strdup (document_type);
  rule->requirement = requirement;
  return rule;
}

void
sila_checklist_rule_free (SilaChecklistRule *rule)
{
  if (rule == NULL)
    return;

  g_free (rule->request_type);
  g_free (rule->document_type);
  g_free (rule);
}

/* Documents */

SilaRequestDocument *
sila_request_document_new (void)
{
  SilaRequestDocument *document = g_new0 (SilaRequestDocument, 1);

  g_date_clear (&document->expires, 1);
  g_date_clear (&document->submitted, 1);
  return document;
}

void
sila_request_document_free (SilaRequestDocument *document)
{
  if (document == NULL)
    return;

  g_free (document->type);
  g_free (document->name_ar);
  g_free (document->name_en);
  g_free (document->verified_by);
  g_free (document->verified_by_name);
  g_free (document->verified_at);
  g_free (document->note);
  g_free (document->file_name);
  g_free (document->file_mime);
  g_free (document->updated_by);
  g_free (document->updated_at);
  g_free (document);
}

const char *
sila_request_document_get_display (const SilaRequestDocument *document)
{
  return sila_pick_name (document->name_ar, document->name_en);
}

/* Parts of a request */

void
sila_request_event_free (SilaRequestEvent *event)
{
  if (event == NULL)
    return;

  g_free (event->by);
  g_free (event->by_name);
  g_free (event->at);
  g_free (event->reason);
  g_free (event->note);
  g_free (event);
}

void
sila_research_report_free (SilaResearchReport *report)
{
  if (report == NULL)
    return;

  g_free (report->researcher);
  g_free (report->researcher_name);
  g_free (report->findings);
  g_free (report->recommendation);
  g_free (report->written_at);
  g_free (report);
}

void
sila_committee_decision_free (SilaCommitteeDecision *decision)
{
  if (decision == NULL)
    return;

  g_free (decision->reason);
  g_free (decision->members);
  g_free (decision->recorded_by);
  g_free (decision->recorded_at);
  g_free (decision);
}

void
sila_delivery_free (SilaDelivery *delivery)
{
  if (delivery == NULL)
    return;

  g_free (delivery->kind);
  g_free (delivery->description);
  g_free (delivery->delivered_by);
  g_free (delivery->delivered_by_name);
  g_free (delivery->recorded_at);
  g_free (delivery);
}

/* Requests */

SilaRequest *
sila_request_new (void)
{
  SilaRequest *request = g_new0 (SilaRequest, 1);

  request->status = SILA_REQUEST_RECEIVED;
  request->amount_asked = -1;
  g_date_clear (&request->received, 1);
  g_date_clear (&request->due, 1);
  request->documents = g_ptr_array_new_with_free_func ((GDestroyNotify)sila_request_document_free);
  request->events = g_ptr_array_new_with_free_func ((GDestroyNotify)sila_request_event_free);
  request->deliveries = g_ptr_array_new_with_free_func ((GDestroyNotify)sila_delivery_free);
  return request;
}

void
sila_request_free (SilaRequest *request)
{
  if (request == NULL)
    return;

  g_free (request->id);
  g_free (request->number);
  g_free (request->created_at);
  g_free (request->updated_at);
  g_free (request->status_at);
  g_free (request->beneficiary_id);
  g_free (request->beneficiary_name);
  g_free (request->beneficiary_id_number);
  g_free (request->beneficiary_mobile);
  g_free (request->type);
  g_free (request->type_name_ar);
  g_free (request->type_name_en);
  g_free (request->received_by);
  g_free (request->received_by_name);
  g_free (request->description);
  g_free (request->signature);
  g_free (request->signed_at);
  g_free (request->researcher);
  g_free (request->researcher_name);
  g_ptr_array_unref (request->documents);
  g_ptr_array_unref (request->events);
  g_ptr_array_unref (request->deliveries);
  sila_research_report_free (request->research);
  sila_committee_decision_free (request->decision);
  g_free (request);
}

const char *
sila_request_get_type_display (const SilaRequest *request)
{
  return sila_pick_name (request->type_name_ar, request->type_name_en);
}

gboolean
sila_request_is_overdue_today (const SilaRequest *request)
{
  GDate today;

  sila_clock_today (&today);
  return sila_request_is_overdue (request->status, &request->due, &today);
}

SilaRequestDocument *
sila_request_find_document (const SilaRequest *request,
                            const char        *type)
{
  for (guint i = 0; i < request->documents->len; i++)
    {
      SilaRequestDocument *document = g_ptr_array_index (request->documents, i);

      if (g_strcmp0 (document->type, type) == 0)
        return document;
    }

  return NULL;
}

void
sila_request_brief_free (SilaRequestBrief *brief)
{
  if (brief == NULL)
    return;
  g_free (brief->number);
  g_free (brief);
}

static gboolean
is_open (const SilaRequestBrief *brief)
{
  return !sila_request_status_is_final (brief->status);
}

static gboolean
decided_recently (const SilaRequestBrief *brief,
                  const GDate            *today)
{
  int days;

  if (brief->status == SILA_REQUEST_WITHDRAWN || !g_date_valid (&brief->decided_on))
    return FALSE;
  days = g_date_days_between (&brief->decided_on, today);
  return days >= 0 && days <= SILA_REQUEST_REPEAT_DAYS;
}

const SilaRequestBrief *
sila_request_find_repeat (GPtrArray   *held,
                          const GDate *today)
{
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  for (guint i = 0; held != NULL && i < held->len; i++)
    if (is_open (g_ptr_array_index (held, i)))
      return g_ptr_array_index (held, i);
  for (guint i = 0; held != NULL && i < held->len; i++)
    if (decided_recently (g_ptr_array_index (held, i), today))
      return g_ptr_array_index (held, i);
  return NULL;
}

char *
sila_request_describe_repeat (const SilaRequestBrief *brief)
{
  g_autofree char *date = NULL;

  g_return_val_if_fail (brief != NULL, NULL);

  if (is_open (brief))
    return g_strdup_printf (_("This person already has request %s of this type, still open "
                              "(“%s”)."),
                            brief->number, sila_request_status_to_display (brief->status));
  date = sila_date_format (&brief->decided_on, SILA_CALENDAR_GREGORIAN);
  return g_strdup_printf (_("This person had request %s of this type decided on %s, within "
                            "the last %d days (“%s”)."),
                          brief->number, date, SILA_REQUEST_REPEAT_DAYS,
                          sila_request_status_to_display (brief->status));
}
