/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The report's figures as text for reading, as numbers for workbooks, and
 * as the JSON copy the board approves, compared later with what the
 * figures have become; and the statistics the figures use. */
#define G_LOG_DOMAIN "sila-report"

#include "sila-config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdlib.h>

#include "sila-date.h"
#include "sila-format.h"
#include "sila-i18n.h"
#include "sila-money.h"
#include "sila-report-figures.h"

/* A signed number reads left to right even inside Arabic text: "-2", not
 * "2-". Isolated (U+2066 … U+2069), which Pango honours and readers do
 * not see. */
static char *
signed_text (const char *sign,
             const char *number)
{
  if (sila_i18n_is_rtl ())
    return g_strconcat ("\u2066", sign, number, "\u2069", NULL);
  return g_strconcat (sign, number, NULL);
}

/* Rates, days and hours carry one decimal wherever they are written. */
static double
one_decimal (double value)
{
  return round (value * 10) / 10;
}

static char *
format_decimal (double   value,
                gboolean signed_)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *number = NULL;
  double rounded = one_decimal (value);

  if (!isfinite (value))
    return g_strdup ("—");

  number = sila_format_decimal_for (g_ascii_formatd (buf, sizeof buf, "%.1f", fabs (rounded)),
                                    0, 1, sila_i18n_get_language ());
  if (rounded < 0)
    return signed_text ("-", number);
  if (signed_ && rounded > 0)
    return signed_text ("+", number);
  return g_steal_pointer (&number);
}

char *
sila_report_format_figure (SilaFigure             figure,
                           const SilaFigureValue *value)
{
  switch (sila_figure_get_kind (figure))
    {
    case SILA_FIGURE_KIND_COUNT:
      return sila_format_int (value->count);
    case SILA_FIGURE_KIND_MONEY:
      return sila_money_format (value->count, TRUE);
    case SILA_FIGURE_KIND_PERCENT:
      return isfinite (value->value) ? sila_format_percent (one_decimal (value->value))
                                     : g_strdup ("—");
    case SILA_FIGURE_KIND_SCORE:
      return format_decimal (value->value, TRUE);
    case SILA_FIGURE_KIND_DAYS:
    case SILA_FIGURE_KIND_HOURS:
    default:
      return format_decimal (value->value, FALSE);
    }
}

char *
sila_report_format_change (SilaFigure             figure,
                           const SilaFigureValue *now,
                           const SilaFigureValue *before)
{
  switch (sila_figure_get_kind (figure))
    {
    case SILA_FIGURE_KIND_COUNT:
      {
        gint64 d = now->count - before->count;
        g_autofree char *n = sila_format_int (ABS (d));

        return d > 0 ? signed_text ("+", n) : d < 0 ? signed_text ("-", n)
                                                     : g_steal_pointer (&n);
      }
    case SILA_FIGURE_KIND_MONEY:
      {
        gint64 d = now->count - before->count;
        g_autofree char *n = sila_money_format (ABS (d), FALSE);
        g_autofree char *number = d > 0 ? signed_text ("+", n) : d < 0 ? signed_text ("-", n)
                                                                        : g_strdup (n);

        /* With its currency, as amounts read elsewhere: "SAR +1,500.00",
         * "+١٬٥٠٠٫٠٠ ر.س" (the sign kept beside its number). */
        if (sila_i18n_get_language () == SILA_LANGUAGE_ENGLISH)
          return g_strconcat ("SAR ", number, NULL);
        return g_strconcat (number, " ر.س", NULL);
      }
    case SILA_FIGURE_KIND_PERCENT:
    case SILA_FIGURE_KIND_SCORE:
      {
        double d;
        g_autofree char *n = NULL;

        if (!isfinite (now->value) || !isfinite (before->value))
          return g_strdup ("—");
        /* A rate going from 60 % to 65 % rose by 5 points, not by 5 % (nor
         * by a bare 5); NPS moves in points too. */
        d = one_decimal (now->value) - one_decimal (before->value);
        n = format_decimal (d, TRUE);
        /* Translators: a change of a rate or of NPS in percentage points,
         * "+5 points"; %s is the signed number. */
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s point", "%s points",
                                             (gulong)fabs (round (d))),
                                n);
      }
    case SILA_FIGURE_KIND_DAYS:
    case SILA_FIGURE_KIND_HOURS:
    default:
      if (!isfinite (now->value) || !isfinite (before->value))
        return g_strdup ("—");
      return format_decimal (one_decimal (now->value) - one_decimal (before->value), TRUE);
    }
}

gboolean
sila_report_figure_number (SilaFigure             figure,
                           const SilaFigureValue *value,
                           double                *number)
{
  switch (sila_figure_get_kind (figure))
    {
    case SILA_FIGURE_KIND_COUNT:
      *number = (double)value->count;
      return TRUE;
    case SILA_FIGURE_KIND_MONEY:
      /* Riyals from exact halalas: the division is the very last step. */
      *number = (double)value->count / 100;
      return TRUE;
    case SILA_FIGURE_KIND_PERCENT:
    case SILA_FIGURE_KIND_SCORE:
    case SILA_FIGURE_KIND_DAYS:
    case SILA_FIGURE_KIND_HOURS:
    default:
      if (!isfinite (value->value))
        return FALSE;
      *number = one_decimal (value->value);
      return TRUE;
    }
}

/* The approved copy */

typedef struct {
  const char *name;
  gsize       offset;   /* of the GPtrArray * in SilaReportFigures */
  const char *title;    /* N_() */
} Breakdown;

static const Breakdown breakdowns[] = {
  { "by_status", G_STRUCT_OFFSET (SilaReportFigures, by_status), N_("Requests by status") },
  { "by_type", G_STRUCT_OFFSET (SilaReportFigures, by_type), N_("Requests by type") },
  { "by_channel", G_STRUCT_OFFSET (SilaReportFigures, by_channel), N_("Requests by channel") },
  { "by_segment", G_STRUCT_OFFSET (SilaReportFigures, by_segment),
    N_("Requests by beneficiary segment") },
  { "decisions_by_type", G_STRUCT_OFFSET (SilaReportFigures, decisions_by_type),
    N_("Decisions by request type") },
  { "services_by_type", G_STRUCT_OFFSET (SilaReportFigures, services_by_type),
    N_("Services delivered by request type") },
  { "services_by_kind", G_STRUCT_OFFSET (SilaReportFigures, services_by_kind),
    N_("Services delivered by form") },
  { "contacts_by_channel", G_STRUCT_OFFSET (SilaReportFigures, contacts_by_channel),
    N_("Contacts by channel") },
  { "outreach_by_reason", G_STRUCT_OFFSET (SilaReportFigures, outreach_by_reason),
    N_("Outreach contacts by reason") },
};

static GPtrArray *
breakdown_items (const SilaReportFigures *figures,
                 const Breakdown         *b)
{
  return *(GPtrArray **)G_STRUCT_MEMBER_P (figures, b->offset);
}

/* What a line holds that the board approved: its count, and its value or
 * its split where the breakdown has one. */
static void
add_item_values (JsonBuilder          *builder,
                 const SilaReportItem *item)
{
  json_builder_begin_array (builder);
  json_builder_add_int_value (builder, item->count);
  json_builder_add_int_value (builder, item->halalas);
  json_builder_add_int_value (builder, item->accepted);
  json_builder_add_int_value (builder, item->rejected);
  json_builder_add_int_value (builder, item->inquiries);
  json_builder_add_int_value (builder, item->answered);
  json_builder_end_array (builder);
}

static void
add_figure (JsonBuilder           *builder,
            SilaFigure             figure,
            const SilaFigureValue *value)
{
  double number;

  json_builder_set_member_name (builder, sila_figure_to_key (figure));
  if (sila_figure_get_kind (figure) == SILA_FIGURE_KIND_COUNT ||
      sila_figure_get_kind (figure) == SILA_FIGURE_KIND_MONEY)
    json_builder_add_int_value (builder, value->count);  /* money: halalas */
  else if (sila_report_figure_number (figure, value, &number))
    json_builder_add_double_value (builder, number);
  else
    json_builder_add_null_value (builder);
}

char *
sila_report_figures_to_json (const SilaReportFigures *figures)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *period = sila_period_to_code (&figures->period);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "period");
  json_builder_add_string_value (builder, period);
  json_builder_set_member_name (builder, "figures");
  json_builder_begin_object (builder);
  for (int f = 0; f < SILA_N_FIGURES; f++)
    add_figure (builder, f, &figures->figures[f]);
  json_builder_end_object (builder);

  for (guint b = 0; b < G_N_ELEMENTS (breakdowns); b++)
    {
      GPtrArray *items = breakdown_items (figures, &breakdowns[b]);

      json_builder_set_member_name (builder, breakdowns[b].name);
      json_builder_begin_object (builder);
      for (guint i = 0; items != NULL && i < items->len; i++)
        {
          const SilaReportItem *item = g_ptr_array_index (items, i);

          json_builder_set_member_name (builder, item->key);
          add_item_values (builder, item);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

static void
add_change (GPtrArray  *changes,
            const char *label,
            char       *approved,
            char       *now)
{
  SilaReportChange *change = g_new0 (SilaReportChange, 1);

  change->label = g_strdup (label);
  change->approved = approved;
  change->now = now;
  g_ptr_array_add (changes, change);
}

/* A figure of the approved copy, read back into a value. */
static gboolean
read_figure (JsonObject      *object,
             SilaFigure       figure,
             SilaFigureValue *value)
{
  JsonNode *node;

  *value = (SilaFigureValue) { 0, NAN };
  if (object == NULL || !json_object_has_member (object, sila_figure_to_key (figure)))
    return FALSE;
  node = json_object_get_member (object, sila_figure_to_key (figure));
  if (JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  value->count = json_node_get_int (node);
  value->value = json_node_get_double (node);
  if (sila_figure_get_kind (figure) == SILA_FIGURE_KIND_COUNT)
    value->value = (double)value->count;
  return TRUE;
}

static gboolean
same_figure (SilaFigure             figure,
             const SilaFigureValue *a,
             const SilaFigureValue *b)
{
  double x, y;
  gboolean has_x, has_y;

  if (sila_figure_get_kind (figure) == SILA_FIGURE_KIND_COUNT ||
      sila_figure_get_kind (figure) == SILA_FIGURE_KIND_MONEY)
    return a->count == b->count;

  has_x = isfinite (a->value);
  has_y = isfinite (b->value);
  if (!has_x || !has_y)
    return has_x == has_y;
  x = one_decimal (a->value);
  y = one_decimal (b->value);
  return fabs (x - y) < 0.05;
}

static char *
format_item (const Breakdown      *b,
             JsonArray            *values)
{
  gint64 count = json_array_get_length (values) > 0 ? json_array_get_int_element (values, 0) : 0;
  gint64 halalas = json_array_get_length (values) > 1 ? json_array_get_int_element (values, 1)
                                                      : 0;
  g_autofree char *n = sila_format_int (count);

  if (g_str_has_prefix (b->name, "services"))
    {
      g_autofree char *money = sila_money_format (halalas, TRUE);

      /* Translators: a count of services and their value, "12 (SAR 3,400.00)". */
      return g_strdup_printf (_("%s (%s)"), n, money);
    }
  return g_steal_pointer (&n);
}

static JsonArray *
item_array (const SilaReportItem *item)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;

  add_item_values (builder, item);
  node = json_builder_get_root (builder);
  return json_array_ref (json_node_get_array (node));
}

static gboolean
same_values (JsonArray *a,
             JsonArray *b)
{
  if (json_array_get_length (a) != json_array_get_length (b))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (a); i++)
    if (json_array_get_int_element (a, i) != json_array_get_int_element (b, i))
      return FALSE;
  return TRUE;
}

GPtrArray *
sila_report_figures_compare (const SilaReportFigures *figures,
                             const char              *approved_json)
{
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func (
    (GDestroyNotify)sila_report_change_free);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root, *approved_figures;

  if (approved_json == NULL || !json_parser_load_from_data (parser, approved_json, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      add_change (changes, _("The approved copy"), g_strdup (_("cannot be read")),
                  g_strdup ("—"));
      return g_steal_pointer (&changes);
    }
  root = json_node_get_object (json_parser_get_root (parser));
  approved_figures = json_object_has_member (root, "figures")
                     ? json_object_get_object_member (root, "figures") : NULL;

  for (int f = 0; f < SILA_N_FIGURES; f++)
    {
      SilaFigureValue approved;

      if (!read_figure (approved_figures, f, &approved))
        continue;
      if (!same_figure (f, &approved, &figures->figures[f]))
        add_change (changes, sila_figure_to_label (f),
                    sila_report_format_figure (f, &approved),
                    sila_report_format_figure (f, &figures->figures[f]));
    }

  for (guint b = 0; b < G_N_ELEMENTS (breakdowns); b++)
    {
      GPtrArray *items = breakdown_items (figures, &breakdowns[b]);
      JsonObject *then = json_object_has_member (root, breakdowns[b].name)
                         ? json_object_get_object_member (root, breakdowns[b].name) : NULL;
      g_autoptr(GList) keys = then != NULL ? json_object_get_members (then) : NULL;

      /* Lines as they are now, against the same lines then. */
      for (guint i = 0; items != NULL && i < items->len; i++)
        {
          const SilaReportItem *item = g_ptr_array_index (items, i);
          g_autoptr(JsonArray) now = item_array (item);
          JsonArray *before = then != NULL && json_object_has_member (then, item->key)
                              ? json_object_get_array_member (then, item->key) : NULL;
          g_autoptr(JsonArray) zero = NULL;
          g_autofree char *label = NULL;

          if (before == NULL)
            {
              SilaReportItem empty = { 0 };

              if (item->count == 0)
                continue;
              zero = item_array (&empty);
              before = zero;
            }
          if (same_values (before, now))
            continue;
          /* Translators: a line of a breakdown, "Requests by type: Food basket". */
          label = g_strdup_printf (_("%s: %s"), _(breakdowns[b].title), item->label);
          add_change (changes, label, format_item (&breakdowns[b], before),
                      format_item (&breakdowns[b], now));
        }

      /* Lines that were there and are gone. */
      for (GList *k = keys; k != NULL; k = k->next)
        {
          const char *key = k->data;
          gboolean present = FALSE;
          JsonArray *before = json_object_get_array_member (then, key);

          for (guint i = 0; items != NULL && i < items->len && !present; i++)
            present = g_str_equal (((SilaReportItem *)g_ptr_array_index (items, i))->key, key);
          if (!present && json_array_get_length (before) > 0 &&
              json_array_get_int_element (before, 0) != 0)
            {
              g_autofree char *label = g_strdup_printf (_("%s: %s"), _(breakdowns[b].title),
                                                        *key != '\0' ? key : "—");
              add_change (changes, label, format_item (&breakdowns[b], before), g_strdup ("0"));
            }
        }
    }

  return g_steal_pointer (&changes);
}

/* Titles */

char *
sila_report_period_title (const SilaPeriod *period)
{
  return sila_period_to_label (period);
}

/* The same days in the other calendar: a Gregorian period's Hijri dates,
 * a Hijri period's Gregorian ones. */
char *
sila_report_period_other (const SilaPeriod *period)
{
  SilaCalendar other = period->kind == SILA_PERIOD_HIJRI_MONTH ||
                       period->kind == SILA_PERIOD_HIJRI_YEAR
                       ? SILA_CALENDAR_GREGORIAN : SILA_CALENDAR_HIJRI;
  g_autofree char *from = sila_date_format (&period->start, other);
  g_autofree char *to = sila_date_format (&period->end, other);

  return g_strdup_printf ("%s – %s", from, to);
}

/* Statistics: the median and the nearest-rank percentile of days. */

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

double
sila_report_median (double *values,
                    guint   n)
{
  if (n == 0)
    return NAN;

  qsort (values, n, sizeof (double), compare_doubles);
  if (n % 2 == 1)
    return values[n / 2];
  return (values[n / 2 - 1] + values[n / 2]) / 2;
}

double
sila_report_percentile (double *values,
                        guint   n,
                        double  percent)
{
  guint rank;

  if (n == 0)
    return NAN;

  qsort (values, n, sizeof (double), compare_doubles);
  /* Nearest rank: the smallest value at least @percent % do not exceed.
   * In integers, so that 90 % of 10 is rank 9 exactly. */
  rank = (guint)((n * (guint64)llround (percent * 10) + 999) / 1000);
  rank = CLAMP (rank, 1, n);
  return values[rank - 1];
}
