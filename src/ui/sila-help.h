/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Called instead of opening the help viewer (tests). */
typedef void (*SilaHelpHandler) (GtkWindow  *parent,
                                 const char *uri,
                                 gpointer    user_data);

const char *sila_help_page_for_section (const char      *section_id);
char       *sila_help_uri              (const char      *page);
void        sila_help_show             (GtkWindow       *parent,
                                        const char      *page);
void        sila_help_set_handler      (SilaHelpHandler  handler,
                                        gpointer         user_data);

G_END_DECLS
