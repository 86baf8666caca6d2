/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sila-session.h"
#include "sila-store-contacts.h"

G_BEGIN_DECLS

/* One contact of the log, as an expandable row: what was asked, through
 * which channel, who took it and when; expanded, its answer, or a field to
 * answer it (and to refer it to the social researcher). Used by the
 * contacts log and the researcher's queue. */
GtkWidget *sila_contact_row_new    (SilaSession       *session,
                                    const SilaContact *contact);
/* For tests: answers the row's contact with @text, as typing it and
 * pressing Answer would. */
gboolean   sila_contact_row_answer (GtkWidget         *row,
                                    const char        *text);
/* A moment, in the office's time: "25 March 2025, 10:30". */
char      *sila_format_timestamp   (const char        *timestamp);
/* How long something took: "2 days", "5 hours", "12 minutes". */
char      *sila_format_wait        (gint64             seconds);

G_END_DECLS
