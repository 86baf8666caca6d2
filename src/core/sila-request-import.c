/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-core"

#include "sila-config.h"

#include <glib/gi18n-lib.h>

#include "sila-clock.h"
#include "sila-request-import.h"

static const SilaTableColumn columns[] = {
  { "national_id", N_("National ID"),
    "رقم الهوية|الهوية|رقم الهوية الوطنية|رقم السجل المدني|السجل المدني|رقم الإقامة|"
    "رقم الهوية أو الإقامة|national id|id number|id|iqama", TRUE },
  { "type", N_("Request type"), "نوع الطلب|نوع المساعدة|النوع|request type|type", TRUE },
  { "channel", N_("Channel"), "القناة|قناة التواصل|قناة الطلب|channel", TRUE },
  { "received", N_("Date received"),
    "تاريخ الاستلام|تاريخ الطلب|تاريخ الورود|received|received on|date received", TRUE },
  { "status", N_("Status"), "الحالة|حالة الطلب|status", TRUE },
  { "decided", N_("Date decided"), "تاريخ القرار|تاريخ قرار اللجنة|decided|decided on|decision date",
    FALSE },
  { "reason", N_("Reason"), "السبب|سبب الرفض|reason", FALSE },
  { "delivered", N_("Date delivered"),
    "تاريخ التسليم|تاريخ تقديم الخدمة|delivered|delivered on|delivery date", FALSE },
  { "service_amount", N_("Service amount"),
    "قيمة الخدمة|المبلغ|مبلغ الخدمة|service amount|amount", FALSE },
  { "delivery_kind", N_("Form of delivery"), "طريقة التقديم|نوع التسليم|delivery kind", FALSE },
  { "description", N_("Description"), "الوصف|البيان|description", FALSE },
};

/* A row imported, for the rows after it. */
typedef struct {
  guint               line;
  SilaRequestHistory *history;
} Seen;

struct _SilaRequestImport
{
  SilaTableHeader  *header;
  gboolean          dry_run;
  GHashTable       *seen;     /* beneficiary|type|received → GPtrArray of Seen */
  SilaImportReport *report;
  SilaImportCounts *counts;
};

static void
seen_free (Seen *seen)
{
  sila_request_history_free (seen->history);
  g_free (seen);
}

SilaRequestHeld *
sila_request_held_new (const char *number)
{
  SilaRequestHeld *held = g_new0 (SilaRequestHeld, 1);

  held->number = g_strdup (number);
  held->history = sila_request_history_new ();
  return held;
}

void
sila_request_held_free (SilaRequestHeld *held)
{
  if (held == NULL)
    return;
  g_free (held->number);
  sila_request_history_free (held->history);
  g_free (held);
}

const SilaTableColumn *
sila_request_import_columns (guint *n_columns)
{
  if (n_columns != NULL)
    *n_columns = G_N_ELEMENTS (columns);
  return columns;
}

SilaRequestImport *
sila_request_import_new (SilaTableReader   *reader,
                         gboolean           dry_run,
                         SilaImportReport  *report,
                         SilaImportCounts  *counts,
                         GError           **error)
{
  SilaTableHeader *header;
  SilaRequestImport *self;

  g_return_val_if_fail (reader != NULL && report != NULL && counts != NULL, NULL);

  header = sila_table_header_read (reader, columns, G_N_ELEMENTS (columns), error);
  if (header == NULL)
    return NULL;

  self = g_new0 (SilaRequestImport, 1);
  self->header = header;
  self->dry_run = dry_run;
  self->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                      (GDestroyNotify)g_ptr_array_unref);
  self->report = report;
  self->counts = counts;
  return self;
}

void
sila_request_import_free (SilaRequestImport *self)
{
  if (self == NULL)
    return;
  sila_table_header_free (self->header);
  g_hash_table_unref (self->seen);
  g_free (self);
}

void
sila_request_import_reject (SilaRequestImport *self,
                            guint              line,
                            const char        *column,
                            const char        *reason)
{
  g_return_if_fail (self != NULL);

  sila_import_report_add (self->report, line, SILA_IMPORT_RESULT_REJECTED, column, reason);
  self->counts->rejected++;
}

SilaRequestHistory *
sila_request_import_check_row (SilaRequestImport  *self,
                               const SilaTableRow *row)
{
  const char *fields[SILA_N_RH_FIELDS];
  SilaRequestHistoryField field = SILA_RH_NATIONAL_ID;
  g_autoptr(GError) error = NULL;
  SilaRequestHistory *h;

  g_return_val_if_fail (self != NULL && row != NULL, NULL);

  for (int f = 0; f < SILA_N_RH_FIELDS; f++)
    {
      const char *value = sila_table_header_get (self->header, row,
                                                 sila_request_history_field_to_key (f));

      fields[f] = value != NULL ? value : "";
    }

  h = sila_request_history_parse (fields, &field, &error);
  if (h == NULL)
    sila_request_import_reject (self, row->line, sila_request_history_field_to_key (field),
                                error->message);
  return h;
}

static char *
seen_key (const char               *beneficiary_id,
          const char               *type,
          const SilaRequestHistory *history)
{
  g_autofree char *received = sila_date_to_iso (&history->received);

  return g_strdup_printf ("%s|%s|%s", beneficiary_id, type, received);
}

static void
duplicate (SilaRequestImport *self,
           guint              line,
           const char        *reason)
{
  sila_import_report_add (self->report, line, SILA_IMPORT_RESULT_DUPLICATE, "received", reason);
  self->counts->duplicates++;
}

gboolean
sila_request_import_is_duplicate (SilaRequestImport        *self,
                                  guint                     line,
                                  const char               *beneficiary_id,
                                  const char               *type,
                                  const SilaRequestHistory *history,
                                  GPtrArray                *held,
                                  char                    **resembles)
{
  g_autofree char *key = NULL;
  GPtrArray *earlier;
  const Seen *like_line = NULL;
  const SilaRequestHeld *like_held = NULL;

  g_return_val_if_fail (self != NULL && history != NULL && resembles != NULL, FALSE);

  *resembles = NULL;
  key = seen_key (beneficiary_id, type, history);
  earlier = g_hash_table_lookup (self->seen, key);

  for (guint i = 0; earlier != NULL && i < earlier->len; i++)
    {
      const Seen *seen = g_ptr_array_index (earlier, i);

      if (sila_request_history_same (seen->history, history))
        {
          g_autofree char *reason =
            g_strdup_printf (_("The same request, identical in every column, is already on "
                               "line %u of this file."), seen->line);

          duplicate (self, line, reason);
          return TRUE;
        }
      if (like_line == NULL)
        like_line = seen;
    }

  for (guint i = 0; held != NULL && i < held->len; i++)
    {
      const SilaRequestHeld *h = g_ptr_array_index (held, i);

      if (sila_request_history_same (h->history, history))
        {
          g_autofree char *reason =
            g_strdup_printf (_("This request is recorded already, identical in every column, "
                               "as number %s."), h->number);

          duplicate (self, line, reason);
          return TRUE;
        }
      if (like_held == NULL)
        like_held = h;
    }

  /* The same person may bring two requests of one type on one day. */
  if (like_line != NULL)
    *resembles = g_strdup_printf (_("Imported as a request of its own: line %u of this file "
                                    "has the same ID, type and day received but differs in "
                                    "other columns."), like_line->line);
  else if (like_held != NULL)
    *resembles = g_strdup_printf (_("Imported as a request of its own: request %s has the "
                                    "same ID, type and day received but differs in other "
                                    "columns."), like_held->number);
  return FALSE;
}

void
sila_request_import_accept (SilaRequestImport  *self,
                            guint               line,
                            const char         *beneficiary_id,
                            const char         *type,
                            SilaRequestHistory *history,
                            const char         *added_type,
                            const char         *resembles)
{
  g_autofree char *key = NULL;
  g_autoptr(GString) reason = g_string_new (NULL);
  GPtrArray *earlier;
  Seen *seen;

  g_return_if_fail (self != NULL && history != NULL);

  key = seen_key (beneficiary_id, type, history);
  earlier = g_hash_table_lookup (self->seen, key);
  if (earlier == NULL)
    {
      earlier = g_ptr_array_new_with_free_func ((GDestroyNotify)seen_free);
      g_hash_table_insert (self->seen, g_steal_pointer (&key), earlier);
    }
  seen = g_new0 (Seen, 1);
  seen->line = line;
  seen->history = history;
  g_ptr_array_add (earlier, seen);

  if (added_type != NULL)
    g_string_append_printf (reason,
                            self->dry_run
                            ? _("“%s” is not in the list of request types: it would be added.")
                            : _("“%s” was not in the list of request types: it was added."),
                            added_type);
  if (resembles != NULL)
    {
      if (reason->len > 0)
        g_string_append_c (reason, ' ');
      g_string_append (reason, resembles);
      self->counts->similar++;
    }

  sila_import_report_add (self->report, line, SILA_IMPORT_RESULT_OK,
                          added_type != NULL ? "type" : resembles != NULL ? "received" : NULL,
                          reason->len > 0 ? reason->str : NULL);
  self->counts->ok++;
}
