/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sila-session.h"

G_BEGIN_DECLS

#define SILA_TYPE_AUDIT_WINDOW (sila_audit_window_get_type ())
G_DECLARE_FINAL_TYPE (SilaAuditWindow, sila_audit_window, SILA, AUDIT_WINDOW, AdwWindow)

/* The audit trail, for administrators: newest first, filtered by who, what,
 * action, dates and text, read page by page from the database. Read-only:
 * nothing here can change it (nor can anything else: triggers refuse). */
SilaAuditWindow *sila_audit_window_new        (GtkWindow       *parent,
                                               SilaSession     *session);
guint            sila_audit_window_get_n_shown (SilaAuditWindow *self);
const char      *sila_audit_window_get_warning (SilaAuditWindow *self);

G_END_DECLS
