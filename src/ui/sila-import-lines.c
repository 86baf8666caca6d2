/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-ui"

#include "sila-config.h"

#include <glib/gi18n.h>

#include "sila-format.h"
#include "sila-import-lines.h"

struct _SilaImportLine
{
  GObject  parent_instance;

  char    *line;
  char    *result;
  char    *field;
  char    *reason;
  char    *code;
};

G_DEFINE_FINAL_TYPE (SilaImportLine, sila_import_line, G_TYPE_OBJECT)

struct _SilaImportLines
{
  GObject           parent_instance;

  SilaImportReport *report;
  GHashTable       *labels;
  gboolean          dry_run;
  gboolean          problems_only;
  GArray           *shown;   /* guint: the report's line indexes listed */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SilaImportLines, sila_import_lines, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
sila_import_line_finalize (GObject *object)
{
  SilaImportLine *self = SILA_IMPORT_LINE (object);

  g_free (self->line);
  g_free (self->result);
  g_free (self->field);
  g_free (self->reason);
  g_free (self->code);
  G_OBJECT_CLASS (sila_import_line_parent_class)->finalize (object);
}

static void
sila_import_line_class_init (SilaImportLineClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sila_import_line_finalize;
}

static void
sila_import_line_init (SilaImportLine *self)
{
}

const char *
sila_import_line_get_line (SilaImportLine *self)
{
  return self->line;
}

const char *
sila_import_line_get_result (SilaImportLine *self)
{
  return self->result;
}

const char *
sila_import_line_get_field (SilaImportLine *self)
{
  return self->field;
}

const char *
sila_import_line_get_reason (SilaImportLine *self)
{
  return self->reason;
}

const char *
sila_import_line_get_code (SilaImportLine *self)
{
  return self->code;
}

static const char *
result_words (const char *code,
              gboolean    dry_run)
{
  if (g_str_equal (code, SILA_IMPORT_RESULT_OK))
    return dry_run ? _("Would be imported") : _("Imported");
  if (g_str_equal (code, SILA_IMPORT_RESULT_REJECTED))
    return _("Rejected");
  if (g_str_equal (code, SILA_IMPORT_RESULT_DUPLICATE))
    return _("Duplicate");
  if (g_str_equal (code, "ignored"))
    return _("Column ignored");
  return code;
}

/* ---- the list ------------------------------------------------------------ */

static GType
lines_get_item_type (GListModel *model)
{
  return SILA_TYPE_IMPORT_LINE;
}

static guint
lines_get_n_items (GListModel *model)
{
  return SILA_IMPORT_LINES (model)->shown->len;
}

static gpointer
lines_get_item (GListModel *model,
                guint       position)
{
  SilaImportLines *self = SILA_IMPORT_LINES (model);
  SilaImportLine *item;
  const char *result, *field, *reason;
  const char *label;
  guint line;

  if (position >= self->shown->len)
    return NULL;
  if (!sila_import_report_get_line (self->report, g_array_index (self->shown, guint, position),
                                    &line, &result, &field, &reason))
    return NULL;

  item = g_object_new (SILA_TYPE_IMPORT_LINE, NULL);
  /* A line of the file, like a year or a code: the UI language's
   * digits, no grouping; a problem with the whole file has none. */
  if (line > 0)
    {
      char digits[16];

      g_snprintf (digits, sizeof digits, "%u", line);
      item->line = sila_format_digits_for (digits, sila_i18n_get_language ());
    }
  else
    item->line = g_strdup ("");
  item->code = g_strdup (result);
  item->result = g_strdup (result_words (result, self->dry_run));
  label = self->labels != NULL && *field != '\0' ? g_hash_table_lookup (self->labels, field)
                                                 : NULL;
  item->field = g_strdup (label != NULL ? label : field);
  item->reason = g_strdup (reason);
  return item;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = lines_get_item_type;
  iface->get_n_items = lines_get_n_items;
  iface->get_item = lines_get_item;
}

static void
rebuild (SilaImportLines *self)
{
  guint before = self->shown->len;
  guint n = self->report != NULL ? sila_import_report_count (self->report, NULL) : 0;

  g_array_set_size (self->shown, 0);
  for (guint i = 0; i < n; i++)
    {
      const char *result;

      sila_import_report_get_line (self->report, i, NULL, &result, NULL, NULL);
      if (!self->problems_only || !g_str_equal (result, SILA_IMPORT_RESULT_OK))
        g_array_append_val (self->shown, i);
    }
  g_list_model_items_changed (G_LIST_MODEL (self), 0, before, self->shown->len);
}

static void
sila_import_lines_finalize (GObject *object)
{
  SilaImportLines *self = SILA_IMPORT_LINES (object);

  g_clear_pointer (&self->report, sila_import_report_free);
  g_clear_pointer (&self->labels, g_hash_table_unref);
  g_array_unref (self->shown);
  G_OBJECT_CLASS (sila_import_lines_parent_class)->finalize (object);
}

static void
sila_import_lines_class_init (SilaImportLinesClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sila_import_lines_finalize;
}

static void
sila_import_lines_init (SilaImportLines *self)
{
  self->shown = g_array_new (FALSE, FALSE, sizeof (guint));
}

SilaImportLines *
sila_import_lines_new (void)
{
  return g_object_new (SILA_TYPE_IMPORT_LINES, NULL);
}

void
sila_import_lines_set_report (SilaImportLines  *self,
                              SilaImportReport *report,
                              GHashTable       *labels,
                              gboolean          dry_run)
{
  g_return_if_fail (SILA_IS_IMPORT_LINES (self));

  g_clear_pointer (&self->report, sila_import_report_free);
  g_clear_pointer (&self->labels, g_hash_table_unref);
  self->report = report;
  self->labels = labels != NULL ? g_hash_table_ref (labels) : NULL;
  self->dry_run = dry_run;
  rebuild (self);
}

void
sila_import_lines_set_problems_only (SilaImportLines *self,
                                     gboolean         problems_only)
{
  g_return_if_fail (SILA_IS_IMPORT_LINES (self));

  if (self->problems_only == problems_only)
    return;
  self->problems_only = problems_only;
  rebuild (self);
}

SilaImportReport *
sila_import_lines_get_report (SilaImportLines *self)
{
  g_return_val_if_fail (SILA_IS_IMPORT_LINES (self), NULL);
  return self->report;
}
