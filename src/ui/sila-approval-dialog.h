/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sila-report-figures.h"
#include "sila-session.h"

G_BEGIN_DECLS

#define SILA_TYPE_APPROVAL_DIALOG (sila_approval_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SilaApprovalDialog, sila_approval_dialog, SILA, APPROVAL_DIALOG, AdwWindow)

/* Records that the board approved the report of @figures' period (who
 * approved it, the decision's number and date), keeping a copy of
 * @figures as the approved figures. Each refused field says why beside
 * it. ::recorded is emitted once it is saved; the dialog then closes. */
SilaApprovalDialog *sila_approval_dialog_new (GtkWindow               *parent,
                                              SilaSession             *session,
                                              const SilaReportFigures *figures);

G_END_DECLS
