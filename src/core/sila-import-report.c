/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-core"

#include "sila-config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sila-import-report.h"

typedef struct {
  guint  line;
  char  *result;
  char  *field;
  char  *reason;
} Entry;

struct _SilaImportReport {
  GArray *entries;
};

static void
entry_clear (gpointer data)
{
  Entry *e = data;

  g_free (e->result);
  g_free (e->field);
  g_free (e->reason);
}

SilaImportReport *
sila_import_report_new (void)
{
  SilaImportReport *report = g_new0 (SilaImportReport, 1);

  report->entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  g_array_set_clear_func (report->entries, entry_clear);
  return report;
}

void
sila_import_report_free (SilaImportReport *report)
{
  if (report == NULL)
    return;
  g_array_unref (report->entries);
  g_free (report);
}

void
sila_import_report_add (SilaImportReport *report,
                        guint             line,
                        const char       *result,
                        const char       *field,
                        const char       *reason)
{
  Entry e;

  g_return_if_fail (report != NULL);
  g_return_if_fail (result != NULL && *result != '\0');

  e.line = line;
  e.result = g_strdup (result);
  e.field = g_strdup (field != NULL ? field : "");
  e.reason = g_strdup (reason != NULL ? reason : "");
  g_array_append_val (report->entries, e);
}

guint
sila_import_report_count (SilaImportReport *report,
                          const char       *result)
{
  guint n = 0;

  g_return_val_if_fail (report != NULL, 0);

  if (result == NULL)
    return report->entries->len;
  for (guint i = 0; i < report->entries->len; i++)
    if (strcmp (g_array_index (report->entries, Entry, i).result, result) == 0)
      n++;
  return n;
}

gboolean
sila_import_report_get_line (SilaImportReport  *report,
                             guint              index,
                             guint             *line,
                             const char       **result,
                             const char       **field,
                             const char       **reason)
{
  const Entry *e;

  g_return_val_if_fail (report != NULL, FALSE);

  if (index >= report->entries->len)
    return FALSE;
  e = &g_array_index (report->entries, Entry, index);
  if (line != NULL)
    *line = e->line;
  if (result != NULL)
    *result = e->result;
  if (field != NULL)
    *field = e->field;
  if (reason != NULL)
    *reason = e->reason;
  return TRUE;
}

static void
append_value (GString    *out,
              const char *value)
{
  gboolean formula = value[0] == '=' || value[0] == '+' || value[0] == '-' ||
                     value[0] == '@' || value[0] == '\t' || value[0] == '\r';
  gsize len = strlen (value);
  gboolean quote = formula || strpbrk (value, ",\"\r\n") != NULL ||
                   (len > 0 && (value[0] == ' ' || value[len - 1] == ' '));

  if (!quote)
    {
      g_string_append (out, value);
      return;
    }

  g_string_append_c (out, '"');
  if (formula)
    g_string_append_c (out, '\'');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

char *
sila_import_report_to_csv (SilaImportReport *report)
{
  GString *out;

  g_return_val_if_fail (report != NULL, NULL);

  out = g_string_new ("line,result,field,reason\n");
  for (guint i = 0; i < report->entries->len; i++)
    {
      const Entry *e = &g_array_index (report->entries, Entry, i);

      if (e->line > 0)
        g_string_append_printf (out, "%u", e->line);
      g_string_append_c (out, ',');
      append_value (out, e->result);
      g_string_append_c (out, ',');
      append_value (out, e->field);
      g_string_append_c (out, ',');
      append_value (out, e->reason);
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

gboolean
sila_import_report_write (SilaImportReport  *report,
                          const char        *path,
                          GError           **error)
{
  g_autofree char *csv = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  csv = sila_import_report_to_csv (report);
  if (!g_file_set_contents_full (path, csv, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600,
                                 &local_error))
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, local_error->domain, local_error->code,
                   _("Cannot write the import report “%s”: %s"), display, local_error->message);
      return FALSE;
    }
  return TRUE;
}
