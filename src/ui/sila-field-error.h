/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "sila-period.h"

G_BEGIN_DECLS

/* How every form shows a refused value: the field turns red and the message
 * appears right beside it, in the UI language; nothing else changes. */
void sila_field_error_show  (GtkWidget    *field,
                             GtkLabel     *message_label,
                             const GError *error);
void sila_field_error_clear (GtkWidget    *field,
                             GtkLabel     *message_label);

/* Reads a date typed into @entry — Gregorian, or Hijri with its mark or a
 * year of 13xx–15xx — showing why not in @message_label beside it. */
gboolean sila_field_read_date (GtkEntry *entry,
                               GtkLabel *message_label,
                               GDate    *date);

/* Reads a range of days typed into @from and @to (as above) into @period;
 * why not is shown beside the entry at fault. */
gboolean sila_field_read_range (GtkEntry   *from,
                                GtkEntry   *to,
                                GtkLabel   *message_label,
                                SilaPeriod *period);

G_END_DECLS
