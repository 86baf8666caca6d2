/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-ui"

#include "sila-config.h"

#include <glib/gi18n.h>

#include "sila-clock.h"
#include "sila-date.h"
#include "sila-field-error.h"
#include "sila-period-bar.h"

struct _SilaPeriodBar
{
  GtkWidget    parent_instance;

  SilaPeriod   period;

  /* Template widgets */
  GtkDropDown *period_kind;
  GtkLabel    *period_label;
  GtkWidget   *range_box;
  GtkEntry    *range_from;
  GtkEntry    *range_to;
  GtkLabel    *period_error;
};

G_DEFINE_FINAL_TYPE (SilaPeriodBar, sila_period_bar, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The kinds of period offered, in the drop-down's order. */
static const SilaPeriodKind period_kinds[] = {
  SILA_PERIOD_MONTH, SILA_PERIOD_HIJRI_MONTH, SILA_PERIOD_QUARTER, SILA_PERIOD_YEAR,
  SILA_PERIOD_RANGE,
};

static void period_kind_cb (SilaPeriodBar *self);

static void
clear_errors (SilaPeriodBar *self)
{
  sila_field_error_clear (GTK_WIDGET (self->range_from), self->period_error);
  sila_field_error_clear (GTK_WIDGET (self->range_to), self->period_error);
  sila_field_error_clear (GTK_WIDGET (self->period_label), self->period_error);
}

/* Shows self->period everywhere and tells whoever listens. */
static void
period_changed (SilaPeriodBar *self)
{
  g_autofree char *from = sila_date_to_iso (&self->period.start);
  g_autofree char *to = sila_date_to_iso (&self->period.end);
  g_autofree char *label = sila_period_to_label (&self->period);

  g_signal_handlers_block_by_func (self->period_kind, period_kind_cb, self);
  for (guint i = 0; i < G_N_ELEMENTS (period_kinds); i++)
    if (period_kinds[i] == self->period.kind)
      gtk_drop_down_set_selected (self->period_kind, i);
  g_signal_handlers_unblock_by_func (self->period_kind, period_kind_cb, self);
  gtk_widget_set_visible (self->range_box, self->period.kind == SILA_PERIOD_RANGE);

  gtk_label_set_label (self->period_label, label);
  gtk_editable_set_text (GTK_EDITABLE (self->range_from), from);
  gtk_editable_set_text (GTK_EDITABLE (self->range_to), to);
  clear_errors (self);

  g_signal_emit (self, signals[CHANGED], 0);
}

/* The period of the kind chosen that holds @day; a Hijri month outside
 * the official table falls back to the Gregorian one. */
static void
set_period_containing (SilaPeriodBar  *self,
                       SilaPeriodKind  kind,
                       const GDate    *day)
{
  if (!sila_period_init_containing (&self->period, kind, day, NULL))
    sila_period_init_containing (&self->period, SILA_PERIOD_MONTH, day, NULL);
}

static void
period_kind_cb (SilaPeriodBar *self)
{
  guint selected = gtk_drop_down_get_selected (self->period_kind);
  SilaPeriodKind kind;
  GDate day;

  if (selected >= G_N_ELEMENTS (period_kinds))
    return;
  kind = period_kinds[selected];
  if (kind == self->period.kind)
    return;

  if (kind == SILA_PERIOD_RANGE)
    self->period.kind = SILA_PERIOD_RANGE;  /* the same days, now editable */
  else
    {
      day = self->period.start;
      set_period_containing (self, kind, &day);
    }
  period_changed (self);
}

static void
range_activate_cb (SilaPeriodBar *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "period.apply-range", NULL);
}

static void
shift_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SilaPeriodBar *self = SILA_PERIOD_BAR (widget);
  g_autoptr(GError) error = NULL;
  SilaPeriod other;

  if (g_str_equal (action_name, "period.previous")
      ? !sila_period_previous (&self->period, &other, &error)
      : !sila_period_next (&self->period, &other, &error))
    {
      sila_period_bar_show_error (self, error);
      return;
    }

  self->period = other;
  period_changed (self);
}

static void
apply_range_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SilaPeriodBar *self = SILA_PERIOD_BAR (widget);
  SilaPeriod period;

  if (!sila_field_read_range (self->range_from, self->range_to, self->period_error, &period))
    return;

  self->period = period;
  period_changed (self);
}

static void
sila_period_bar_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), SILA_TYPE_PERIOD_BAR);
  /* The buttons have no name in the template: unparent them too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (sila_period_bar_parent_class)->dispose (object);
}

static void
sila_period_bar_class_init (SilaPeriodBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sila_period_bar_dispose;

  /**
   * SilaPeriodBar::changed:
   *
   * The period shown changed, chosen by the user or set by
   * sila_period_bar_set_period().
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/sila-period-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, SilaPeriodBar, period_kind);
  gtk_widget_class_bind_template_child (widget_class, SilaPeriodBar, period_label);
  gtk_widget_class_bind_template_child (widget_class, SilaPeriodBar, range_box);
  gtk_widget_class_bind_template_child (widget_class, SilaPeriodBar, range_from);
  gtk_widget_class_bind_template_child (widget_class, SilaPeriodBar, range_to);
  gtk_widget_class_bind_template_child (widget_class, SilaPeriodBar, period_error);
  gtk_widget_class_bind_template_callback (widget_class, range_activate_cb);

  gtk_widget_class_install_action (widget_class, "period.previous", NULL, shift_action);
  gtk_widget_class_install_action (widget_class, "period.next", NULL, shift_action);
  gtk_widget_class_install_action (widget_class, "period.apply-range", NULL,
                                   apply_range_action);
}

static void
sila_period_bar_init (SilaPeriodBar *self)
{
  const char *kinds[] = {
    _("Month"), _("Hijri month"), _("Quarter"), _("Year"), _("Any period"), NULL
  };
  g_autoptr(GtkStringList) model = NULL;
  GDate today;

  gtk_widget_init_template (GTK_WIDGET (self));

  model = gtk_string_list_new (kinds);
  gtk_drop_down_set_model (self->period_kind, G_LIST_MODEL (model));
  /* Dates read left to right, as typed, even in an Arabic window. */
  gtk_widget_set_direction (GTK_WIDGET (self->range_from), GTK_TEXT_DIR_LTR);
  gtk_widget_set_direction (GTK_WIDGET (self->range_to), GTK_TEXT_DIR_LTR);

  sila_clock_today (&today);
  set_period_containing (self, SILA_PERIOD_MONTH, &today);
  period_changed (self);  /* nobody listens yet */
  g_signal_connect_object (self->period_kind, "notify::selected", G_CALLBACK (period_kind_cb),
                           self, G_CONNECT_SWAPPED);
}

GtkWidget *
sila_period_bar_new (void)
{
  return g_object_new (SILA_TYPE_PERIOD_BAR, NULL);
}

const SilaPeriod *
sila_period_bar_get_period (SilaPeriodBar *self)
{
  g_return_val_if_fail (SILA_IS_PERIOD_BAR (self), NULL);

  return &self->period;
}

void
sila_period_bar_set_period (SilaPeriodBar    *self,
                            const SilaPeriod *period)
{
  g_return_if_fail (SILA_IS_PERIOD_BAR (self));
  g_return_if_fail (period != NULL);

  self->period = *period;
  period_changed (self);
}

void
sila_period_bar_show_error (SilaPeriodBar *self,
                            const GError  *error)
{
  g_return_if_fail (SILA_IS_PERIOD_BAR (self));
  g_return_if_fail (error != NULL);

  sila_field_error_show (GTK_WIDGET (self->period_label), self->period_error, error);
}

void
sila_period_bar_clear_error (SilaPeriodBar *self)
{
  g_return_if_fail (SILA_IS_PERIOD_BAR (self));

  sila_field_error_clear (GTK_WIDGET (self->period_label), self->period_error);
}
