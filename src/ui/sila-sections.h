/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "sila-session.h"

G_BEGIN_DECLS

/* The rooms of the main window, in sidebar order. A section whose page is
 * not built yet shows an honest empty state; a later issue gives it a page
 * class (a GtkWidget with a construct "session" property) and the window
 * picks it up, without moving any wall. */
typedef struct {
  const char *id;
  const char *icon_name;
  const char *title;        /* translatable (N_) */
  const char *empty_text;   /* translatable (N_), for the empty state */
  GType     (*page_type) (void);
} SilaSection;

const SilaSection *sila_sections_get      (guint       *n_sections);
const SilaSection *sila_sections_lookup   (const char  *id);
GtkWidget         *sila_section_new_page  (const SilaSection *section,
                                           SilaSession       *session);

G_END_DECLS
