/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "sila-field-staff.h"
#include "sila-session.h"

G_BEGIN_DECLS

#define SILA_TYPE_FIELD_PAGE (sila_field_page_get_type ())
G_DECLARE_FINAL_TYPE (SilaFieldPage, sila_field_page, SILA, FIELD_PAGE, GtkWidget)

/* The Field Work section (issue 15): at the office, preparing a kit for an
 * event, merging the laptops' return bundles (a summary first), the
 * review of what they left and the past merges; on a laptop running a
 * kit, the event it belongs to and writing its return bundle. The
 * functions below are what the buttons do once a file is chosen. */
gboolean   sila_field_page_prepare_kit   (SilaFieldPage       *self,
                                          const char          *path);
gboolean   sila_field_page_write_bundle  (SilaFieldPage       *self,
                                          const char          *path);
/* Checks @paths and shows what merging them would do. */
gboolean   sila_field_page_check_bundles (SilaFieldPage       *self,
                                          const char * const  *paths);
/* Merges the bundles last checked. */
gboolean   sila_field_page_merge         (SilaFieldPage       *self);
/* Settles the @index-th item to review (as listed). */
gboolean   sila_field_page_resolve       (SilaFieldPage       *self,
                                          guint                index,
                                          gboolean             use_field);
guint      sila_field_page_get_n_conflicts (SilaFieldPage     *self);
guint      sila_field_page_get_n_merges  (SilaFieldPage       *self);
GtkWidget *sila_field_page_get_event_row (SilaFieldPage       *self);
GtkWidget *sila_field_page_get_districts_row (SilaFieldPage   *self);
GtkLabel  *sila_field_page_get_kit_error (SilaFieldPage       *self);
GtkLabel  *sila_field_page_get_kit_label (SilaFieldPage       *self);
GtkWidget *sila_field_page_get_summary   (SilaFieldPage       *self);
SilaFieldStaff *sila_field_page_get_staff (SilaFieldPage      *self);
GtkWidget *sila_field_page_get_staff_row (SilaFieldPage       *self);

G_END_DECLS
