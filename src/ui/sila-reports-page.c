/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-ui"

#include "sila-config.h"

#include <glib/gi18n.h>

#include "sila-approval-dialog.h"
#include "sila-chart-view.h"
#include "sila-clock.h"
#include "sila-date.h"
#include "sila-format.h"
#include "sila-period-bar.h"
#include "sila-report-charts.h"
#include "sila-report-document.h"
#include "sila-report-print.h"
#include "sila-report-task.h"
#include "sila-report-view.h"
#include "sila-report-workbook.h"
#include "sila-reports-page-private.h"

G_DEFINE_FINAL_TYPE (SilaReportsPage, sila_reports_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void update_actions (SilaReportsPage *self);

void
sila_reports_page_say (SilaReportsPage *self,
                       const char      *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  g_free (self->message);
  self->message = g_strdup (message);
  if (overlay != NULL)
    {
      AdwToast *toast = adw_toast_new (message);

      adw_toast_set_timeout (toast, 6);
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
    }
}

/* Progress */

static gboolean
pulse_cb (gpointer user_data)
{
  SilaReportsPage *self = user_data;

  gtk_progress_bar_pulse (self->progress_bar);
  return G_SOURCE_CONTINUE;
}

void
sila_reports_page_stage_cb (const char *stage,
                            gpointer    object)
{
  SilaReportsPage *self = SILA_REPORTS_PAGE (object);

  gtk_label_set_label (self->progress_label, stage);
}

void
sila_reports_page_work_started (SilaReportsPage *self,
                                const char      *what)
{
  if (self->busy++ == 0)
    {
      gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
      self->pulse_id = g_timeout_add (120, pulse_cb, self);
    }
  gtk_label_set_label (self->progress_label, what);
  update_actions (self);
}

void
sila_reports_page_work_ended (SilaReportsPage *self)
{
  g_return_if_fail (self->busy > 0);

  if (--self->busy == 0)
    {
      g_clear_handle_id (&self->pulse_id, g_source_remove);
      gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
    }
  update_actions (self);
}

/* Showing the figures */

static void
add_chart (SilaReportsPage *self,
           SilaChart       *chart)
{
  GtkWidget *view = sila_chart_view_new (chart);

  gtk_widget_set_size_request (view, 360, 280);
  gtk_widget_add_css_class (view, "card");
  gtk_flow_box_append (self->charts_box, view);
  g_object_unref (chart);
}

static void
set_figure (GtkLabel                *label,
            const SilaReportFigures *f,
            SilaFigure               figure)
{
  g_autofree char *text = sila_report_format_figure (figure, &f->figures[figure]);

  gtk_label_set_label (label, text);
}

static void
show_approval (SilaReportsPage *self)
{
  const SilaReportFigures *f = self->figures;
  g_autofree char *text = NULL;

  gtk_widget_remove_css_class (gtk_widget_get_parent (GTK_WIDGET (self->approval_label)),
                               "sila-changed");
  if (f->approval == NULL)
    {
      gtk_label_set_label (self->approval_label, _("Not approved by the board yet."));
      gtk_widget_set_visible (GTK_WIDGET (self->changes_label), FALSE);
      return;
    }

  {
    g_autofree char *day = sila_date_format (&f->approval->approved_on, SILA_CALENDAR_GREGORIAN);

    text = g_strdup_printf (_("Approved by the board: decision No. %s of %s (%s)."),
                            f->approval->decision_number, day, f->approval->approved_by);
  }
  gtk_label_set_label (self->approval_label, text);

  if (f->changes->len == 0)
    {
      gtk_label_set_label (self->changes_label, _("Unchanged since the board approved it."));
      gtk_widget_remove_css_class (GTK_WIDGET (self->changes_label), "sila-overdue");
      gtk_widget_add_css_class (GTK_WIDGET (self->changes_label), "dim-label");
    }
  else
    {
      GString *s = g_string_new (NULL);
      g_autofree char *n = sila_format_int (f->changes->len);

      g_string_printf (s, g_dngettext (GETTEXT_PACKAGE,
                                       "Changed since the board approved it: %s figure differs "
                                       "from the approved copy.",
                                       "Changed since the board approved it: %s figures "
                                       "differ from the approved copy.",
                                       f->changes->len),
                       n);
      for (guint i = 0; i < f->changes->len; i++)
        {
          const SilaReportChange *c = g_ptr_array_index (f->changes, i);

          /* Translators: "• Requests received: 12 approved, 13 now". */
          g_string_append_c (s, '\n');
          g_string_append_printf (s, _("• %s: %s approved, %s now"), c->label, c->approved,
                                  c->now);
        }
      gtk_label_set_label (self->changes_label, s->str);
      g_string_free (s, TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (self->changes_label), "sila-overdue");
      gtk_widget_remove_css_class (GTK_WIDGET (self->changes_label), "dim-label");
      gtk_widget_add_css_class (gtk_widget_get_parent (GTK_WIDGET (self->approval_label)),
                                "sila-changed");
    }
  gtk_widget_set_visible (GTK_WIDGET (self->changes_label), TRUE);
}

static void
show_figures (SilaReportsPage *self)
{
  const SilaReportFigures *f = self->figures;
  GtkWidget *child;

  set_figure (self->received_value, f, SILA_FIGURE_REQUESTS_RECEIVED);
  set_figure (self->rate_value, f, SILA_FIGURE_ACCEPTANCE_RATE);
  set_figure (self->services_value, f, SILA_FIGURE_SERVICES_VALUE);
  set_figure (self->csat_value, f, SILA_FIGURE_CSAT);
  show_approval (self);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->charts_box))) != NULL)
    gtk_flow_box_remove (self->charts_box, child);
  add_chart (self, sila_report_chart_comparison (f));
  add_chart (self, sila_report_chart_status (f));
  add_chart (self, sila_report_chart_types (f));
  add_chart (self, sila_report_chart_channels (f));
  add_chart (self, sila_report_chart_decisions (f));
  add_chart (self, sila_report_chart_services (f));
  add_chart (self, sila_report_chart_contacts (f));
  add_chart (self, sila_report_chart_satisfaction (f));

  sila_report_view_fill (self->tables_box, f);
  gtk_stack_set_visible_child_name (self->stack, "figures");
}

static void
figures_ready_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  SilaReportsPage *self = user_data;
  g_autoptr(GError) error = NULL;
  SilaReportFigures *figures = sila_report_task_run_finish (result, &error);

  /* Cancelled (by a newer question, by Stop, by dispose): whoever
   * cancelled counted it done; the page may be gone. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->figures_pending = FALSE;
  sila_reports_page_work_ended (self);

  if (figures == NULL)
    {
      sila_period_bar_show_error (self->period_bar, error);
      g_free (self->message);
      self->message = g_strdup (error->message);
      return;
    }
  sila_period_bar_clear_error (self->period_bar);
  g_clear_pointer (&self->figures, sila_report_figures_free);
  self->figures = figures;
  show_figures (self);
  update_actions (self);
}

void
sila_reports_page_refresh (SilaReportsPage *self)
{
  g_return_if_fail (SILA_IS_REPORTS_PAGE (self));

  self->period = *sila_period_bar_get_period (self->period_bar);
  if (!sila_session_can (self->session, SILA_PERM_REPORT_VIEW))
    {
      gtk_stack_set_visible_child_name (self->stack, "denied");
      update_actions (self);
      return;
    }

  /* A newer question replaces an older one still being answered. */
  if (self->figures_pending)
    sila_reports_page_work_ended (self);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_clear_pointer (&self->figures, sila_report_figures_free);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  self->figures_pending = TRUE;
  sila_reports_page_work_started (self, _("Computing the figures…"));
  sila_report_task_run_async (self->session, &self->period, SILA_REPORT_OUTPUT_NONE, NULL,
                              sila_reports_page_stage_cb, self, self->cancellable, figures_ready_cb, self);
}

static void
session_changed_cb (SilaReportsPage *self,
                    const char      *what,
                    SilaSession     *session)
{
  /* Any change may touch the period's data: the approval's flag says so. */
  sila_reports_page_refresh (self);
}

static void
period_changed_cb (SilaReportsPage *self)
{
  sila_reports_page_refresh (self);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SilaReportsPage *self = SILA_REPORTS_PAGE (widget);

  if (self->figures_pending)
    {
      self->figures_pending = FALSE;
      sila_reports_page_work_ended (self);
      /* What was shown stays unknown: say so rather than show nothing. */
      if (self->figures == NULL)
        gtk_stack_set_visible_child_name (self->stack, "loading");
    }
  while (self->exports_pending > 0)
    {
      self->exports_pending--;
      sila_reports_page_work_ended (self);
    }
  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->export_cancellable);
  g_clear_object (&self->export_cancellable);
  sila_reports_page_say (self, _("Stopped."));
}

static void
update_actions (SilaReportsPage *self)
{
  gboolean ready = self->figures != NULL;
  gboolean can_export = sila_session_can (self->session, SILA_PERM_REPORT_EXPORT);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.export-xlsx", ready && can_export);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.save-pdf", ready && can_export);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.print", ready && can_export);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.approve",
                                 ready && sila_session_can (self->session,
                                                            SILA_PERM_REPORT_APPROVE) &&
                                 !sila_store_is_read_only (sila_session_get_store (self->session)));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.cancel", self->busy > 0);
}

/* The object */

static void
sila_reports_page_constructed (GObject *object)
{
  SilaReportsPage *self = (SilaReportsPage *)object;
  SilaPeriod last_month;
  GDate day;

  G_OBJECT_CLASS (sila_reports_page_parent_class)->constructed (object);

  g_assert (SILA_IS_SESSION (self->session));

  g_signal_connect_object (self->session, "changed", G_CALLBACK (session_changed_cb), self,
                           G_CONNECT_SWAPPED);
  update_actions (self);

  /* The board approves the month that just ended; the bar's ::changed
   * computes its figures. */
  sila_clock_today (&day);
  g_date_subtract_months (&day, 1);
  sila_period_init_containing (&last_month, SILA_PERIOD_MONTH, &day, NULL);
  sila_period_bar_set_period (self->period_bar, &last_month);
}

static void
sila_reports_page_dispose (GObject *object)
{
  SilaReportsPage *self = (SilaReportsPage *)object;

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->export_cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->export_cancellable);
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      g_clear_object (&self->chooser);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), SILA_TYPE_REPORTS_PAGE);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (sila_reports_page_parent_class)->dispose (object);
}

static void
sila_reports_page_finalize (GObject *object)
{
  SilaReportsPage *self = (SilaReportsPage *)object;

  g_clear_pointer (&self->figures, sila_report_figures_free);
  g_free (self->message);

  G_OBJECT_CLASS (sila_reports_page_parent_class)->finalize (object);
}

static void
sila_reports_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SilaReportsPage *self = SILA_REPORTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sila_reports_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SilaReportsPage *self = SILA_REPORTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sila_reports_page_class_init (SilaReportsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (SILA_TYPE_PERIOD_BAR);

  object_class->constructed = sila_reports_page_constructed;
  object_class->dispose = sila_reports_page_dispose;
  object_class->finalize = sila_reports_page_finalize;
  object_class->get_property = sila_reports_page_get_property;
  object_class->set_property = sila_reports_page_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, SILA_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/sila-reports-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SilaReportsPage, period_bar);
  gtk_widget_class_bind_template_child (widget_class, SilaReportsPage, xlsx_button);
  gtk_widget_class_bind_template_child (widget_class, SilaReportsPage, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, SilaReportsPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, SilaReportsPage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, SilaReportsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, SilaReportsPage, approval_label);
  gtk_widget_class_bind_template_child (widget_class, SilaReportsPage, changes_label);
  gtk_widget_class_bind_template_child (widget_class, SilaReportsPage, received_value);
  gtk_widget_class_bind_template_child (widget_class, SilaReportsPage, rate_value);
  gtk_widget_class_bind_template_child (widget_class, SilaReportsPage, services_value);
  gtk_widget_class_bind_template_child (widget_class, SilaReportsPage, csat_value);
  gtk_widget_class_bind_template_child (widget_class, SilaReportsPage, charts_box);
  gtk_widget_class_bind_template_child (widget_class, SilaReportsPage, tables_box);
  gtk_widget_class_bind_template_callback (widget_class, period_changed_cb);

  gtk_widget_class_install_action (widget_class, "reports.export-xlsx", NULL,
                                   sila_reports_page_export_action);
  gtk_widget_class_install_action (widget_class, "reports.save-pdf", NULL,
                                   sila_reports_page_export_action);
  gtk_widget_class_install_action (widget_class, "reports.print", NULL,
                                   sila_reports_page_print_action);
  gtk_widget_class_install_action (widget_class, "reports.approve", NULL,
                                   sila_reports_page_approve_action);
  gtk_widget_class_install_action (widget_class, "reports.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "reports.print", NULL);
}

static void
sila_reports_page_init (SilaReportsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
sila_reports_page_new (SilaSession *session)
{
  return g_object_new (SILA_TYPE_REPORTS_PAGE, "session", session, NULL);
}

gboolean
sila_reports_page_set_period (SilaReportsPage *self,
                              const char      *code)
{
  SilaPeriod period;

  g_return_val_if_fail (SILA_IS_REPORTS_PAGE (self), FALSE);

  if (!sila_period_parse (code, &period, NULL))
    return FALSE;
  /* The bar says it changed: the page refreshes. */
  sila_period_bar_set_period (self->period_bar, &period);
  return TRUE;
}

const SilaReportFigures *
sila_reports_page_get_figures (SilaReportsPage *self)
{
  g_return_val_if_fail (SILA_IS_REPORTS_PAGE (self), NULL);

  return self->figures;
}

gboolean
sila_reports_page_is_busy (SilaReportsPage *self)
{
  g_return_val_if_fail (SILA_IS_REPORTS_PAGE (self), FALSE);

  return self->busy > 0;
}

const char *
sila_reports_page_get_message (SilaReportsPage *self)
{
  g_return_val_if_fail (SILA_IS_REPORTS_PAGE (self), NULL);

  return self->message;
}

guint
sila_reports_page_get_n_charts (SilaReportsPage *self)
{
  guint n = 0;

  g_return_val_if_fail (SILA_IS_REPORTS_PAGE (self), 0);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->charts_box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}
