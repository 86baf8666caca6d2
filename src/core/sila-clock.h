/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

GDateTime *sila_clock_now        (void);
char      *sila_clock_timestamp  (void);
void       sila_clock_today      (GDate     *date);
char      *sila_clock_today_iso  (void);
void       sila_clock_set_fixed  (GDateTime *fixed);

char      *sila_date_to_iso      (const GDate *date);
gboolean   sila_date_from_iso    (const char  *text,
                                  GDate       *date);

G_END_DECLS
