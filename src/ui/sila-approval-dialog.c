/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-ui"

#include "sila-config.h"

#include <glib/gi18n.h>

#include "sila-approval-dialog.h"
#include "sila-approval.h"
#include "sila-clock.h"
#include "sila-date.h"
#include "sila-field-error.h"
#include "sila-validation.h"

struct _SilaApprovalDialog
{
  AdwWindow          parent_instance;

  SilaSession       *session;
  SilaPeriod         period;
  char              *figures_json;

  /* Template widgets */
  AdwWindowTitle    *title_widget;
  GtkWidget         *decision_group;
  AdwEntryRow       *approved_by_row;
  GtkLabel          *approved_by_error;
  AdwEntryRow       *decision_row;
  GtkLabel          *decision_error;
  AdwEntryRow       *date_row;
  GtkLabel          *date_error;
  GtkLabel          *form_error;
};

G_DEFINE_FINAL_TYPE (SilaApprovalDialog, sila_approval_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_RECORDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
record_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SilaApprovalDialog *self = SILA_APPROVAL_DIALOG (widget);
  g_autoptr(SilaReportApproval) approval = sila_report_approval_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaFieldErrors) errors = NULL;
  const char *by = gtk_editable_get_text (GTK_EDITABLE (self->approved_by_row));
  const char *number = gtk_editable_get_text (GTK_EDITABLE (self->decision_row));
  const char *day = gtk_editable_get_text (GTK_EDITABLE (self->date_row));
  gboolean ok = TRUE;

  sila_field_error_clear (GTK_WIDGET (self->approved_by_row), self->approved_by_error);
  sila_field_error_clear (GTK_WIDGET (self->decision_row), self->decision_error);
  sila_field_error_clear (GTK_WIDGET (self->date_row), self->date_error);
  sila_field_error_clear (self->decision_group, self->form_error);

  /* The date as typed; whether it fits, with the rest, is the core's to
   * say, each refusal beside its field. */
  if (!sila_date_parse_guess (day, &approval->approved_on, NULL, &error))
    {
      sila_field_error_show (GTK_WIDGET (self->date_row), self->date_error, error);
      g_clear_error (&error);
      ok = FALSE;
    }
  errors = sila_field_errors_new ();
  if (!sila_approval_check (by, number, ok ? &approval->approved_on : NULL, &self->period.start,
                            NULL, NULL, errors))
    {
      const struct { const char *field; GtkWidget *widget; GtkLabel *label; } places[] = {
        { SILA_APPROVAL_FIELD_APPROVED_BY, GTK_WIDGET (self->approved_by_row),
          self->approved_by_error },
        { SILA_APPROVAL_FIELD_DECISION, GTK_WIDGET (self->decision_row), self->decision_error },
        { SILA_APPROVAL_FIELD_APPROVED_ON, GTK_WIDGET (self->date_row), self->date_error },
      };

      for (guint i = 0; i < G_N_ELEMENTS (places); i++)
        {
          const GError *why = sila_field_errors_get (errors, places[i].field);

          /* A date that could not be read says so already. */
          if (why != NULL && !gtk_widget_get_visible (GTK_WIDGET (places[i].label)))
            sila_field_error_show (places[i].widget, places[i].label, why);
        }
      ok = FALSE;
    }
  if (!ok)
    return;

  approval->period = sila_period_to_code (&self->period);
  approval->start = self->period.start;
  approval->end = self->period.end;
  approval->approved_by = g_strdup (by);
  approval->decision_number = g_strdup (number);
  approval->figures_json = g_strdup (self->figures_json);
  if (!sila_store_record_report_approval (sila_session_get_store (self->session),
                                          sila_session_get_actor (self->session), approval,
                                          &error))
    {
      sila_field_error_show (self->decision_group, self->form_error, error);
      return;
    }

  sila_session_notify_changed (self->session, "report");
  g_signal_emit (self, signals[SIGNAL_RECORDED], 0);
  gtk_window_close (GTK_WINDOW (self));
}

static void
sila_approval_dialog_dispose (GObject *object)
{
  SilaApprovalDialog *self = (SilaApprovalDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SILA_TYPE_APPROVAL_DIALOG);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (sila_approval_dialog_parent_class)->dispose (object);
}

static void
sila_approval_dialog_finalize (GObject *object)
{
  SilaApprovalDialog *self = (SilaApprovalDialog *)object;

  g_free (self->figures_json);

  G_OBJECT_CLASS (sila_approval_dialog_parent_class)->finalize (object);
}

static void
sila_approval_dialog_class_init (SilaApprovalDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sila_approval_dialog_dispose;
  object_class->finalize = sila_approval_dialog_finalize;

  signals[SIGNAL_RECORDED] = g_signal_new ("recorded", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/sila-approval-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SilaApprovalDialog, title_widget);
  gtk_widget_class_bind_template_child (widget_class, SilaApprovalDialog, decision_group);
  gtk_widget_class_bind_template_child (widget_class, SilaApprovalDialog, approved_by_row);
  gtk_widget_class_bind_template_child (widget_class, SilaApprovalDialog, approved_by_error);
  gtk_widget_class_bind_template_child (widget_class, SilaApprovalDialog, decision_row);
  gtk_widget_class_bind_template_child (widget_class, SilaApprovalDialog, decision_error);
  gtk_widget_class_bind_template_child (widget_class, SilaApprovalDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, SilaApprovalDialog, date_error);
  gtk_widget_class_bind_template_child (widget_class, SilaApprovalDialog, form_error);

  gtk_widget_class_install_action (widget_class, "approval.record", NULL, record_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sila_approval_dialog_init (SilaApprovalDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

SilaApprovalDialog *
sila_approval_dialog_new (GtkWindow               *parent,
                          SilaSession             *session,
                          const SilaReportFigures *figures)
{
  SilaApprovalDialog *self;
  g_autofree char *label = NULL;
  g_autofree char *description = NULL;
  g_autofree char *today = NULL;
  GDate day;

  g_return_val_if_fail (SILA_IS_SESSION (session), NULL);
  g_return_val_if_fail (figures != NULL, NULL);

  self = g_object_new (SILA_TYPE_APPROVAL_DIALOG, "transient-for", parent, NULL);
  self->session = g_object_ref (session);
  self->period = figures->period;
  self->figures_json = sila_report_figures_to_json (figures);

  label = sila_period_to_label (&figures->period);
  adw_window_title_set_subtitle (self->title_widget, label);
  /* Translators: %s is the period, "March 2026". */
  description = g_strdup_printf (_("The figures of %s as they stand now are kept as the "
                                   "approved copy; a later change to the period’s data will "
                                   "be shown against them."), label);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->decision_group),
                                         description);
  sila_clock_today (&day);
  today = sila_date_to_iso (&day);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today);
  gtk_widget_set_direction (GTK_WIDGET (self->date_row), GTK_TEXT_DIR_LTR);
  gtk_widget_set_direction (GTK_WIDGET (self->decision_row), GTK_TEXT_DIR_LTR);

  return self;
}
