/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by the Reports page and its actions (sila-reports-page-actions.c). */
#pragma once

#include "sila-period-bar.h"
#include "sila-reports-page.h"

G_BEGIN_DECLS

struct _SilaReportsPage
{
  AdwBin             parent_instance;

  SilaSession       *session;
  SilaPeriod         period;        /* of the figures asked for: the bar's */
  SilaReportFigures *figures;
  GCancellable      *cancellable;         /* of the figures shown */
  GCancellable      *export_cancellable;  /* of files being written */
  guint              busy;          /* tasks running */
  gboolean           figures_pending;
  guint              exports_pending;
  guint              pulse_id;
  char              *message;
  GtkFileChooserNative *chooser;

  /* Template widgets */
  SilaPeriodBar     *period_bar;
  GtkWidget         *xlsx_button;
  GtkRevealer       *progress_revealer;
  GtkProgressBar    *progress_bar;
  GtkLabel          *progress_label;
  GtkStack          *stack;
  GtkLabel          *approval_label;
  GtkLabel          *changes_label;
  GtkLabel          *received_value;
  GtkLabel          *rate_value;
  GtkLabel          *services_value;
  GtkLabel          *csat_value;
  GtkFlowBox        *charts_box;
  GtkBox            *tables_box;
};

void sila_reports_page_say            (SilaReportsPage *self,
                                       const char      *message);
void sila_reports_page_work_started   (SilaReportsPage *self,
                                       const char      *what);
void sila_reports_page_work_ended     (SilaReportsPage *self);
void sila_reports_page_stage_cb       (const char      *stage,
                                       gpointer         object);

/* The page's actions that make files: "reports.export-xlsx",
 * "reports.save-pdf", "reports.print", "reports.approve". */
void sila_reports_page_export_action  (GtkWidget       *widget,
                                       const char      *action_name,
                                       GVariant        *parameter);
void sila_reports_page_print_action   (GtkWidget       *widget,
                                       const char      *action_name,
                                       GVariant        *parameter);
void sila_reports_page_approve_action (GtkWidget       *widget,
                                       const char      *action_name,
                                       GVariant        *parameter);

G_END_DECLS
