/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by the Preferences window (sila-preferences-window.c: General and
 * Office), its Staff page (sila-preferences-staff.c) and its Backups page
 * (sila-preferences-backups.c). */
#pragma once

#include "sila-preferences-window.h"

G_BEGIN_DECLS

struct _SilaPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  SilaSession          *session;
  char                 *shown_association;  /* what the screen showed, for conflicts */
  char                 *shown_answer_window;
  GHashTable           *shown;              /* other settings: key → value shown, or NULL */
  GPtrArray            *staff_rows;
  GtkNativeDialog      *chooser;
  GCancellable         *cancellable;
  gboolean              loading;

  /* Template widgets */
  AdwComboRow          *language_row;
  AdwEntryRow          *association_row;
  GtkLabel             *association_error;
  AdwActionRow         *answer_row;
  GtkSpinButton        *answer_spin;
  GtkLabel             *answer_error;
  AdwActionRow         *database_row;
  AdwActionRow         *version_row;
  GtkLabel             *permission_note;
  AdwActionRow         *account_row;
  GtkWidget            *change_password_button;
  GtkWidget            *idle_row;
  GtkSpinButton        *idle_spin;
  GtkLabel             *idle_error;
  GtkWidget            *consent_row;
  GtkSwitch            *consent_switch;
  GtkLabel             *consent_error;
  GtkWidget            *retention_row;
  AdwPreferencesGroup  *personal_data_group;
  GtkSpinButton        *retention_spin;
  GtkLabel             *retention_error;
  GtkWidget            *staff_page;
  AdwPreferencesGroup  *staff_group;
  GtkWidget            *backup_page;
  GtkWidget            *backup_daily_row;
  GtkSwitch            *backup_daily_switch;
  GtkLabel             *backup_daily_error;
  AdwActionRow         *backup_folder_row;
  GtkLabel             *backup_folder_error;
  GtkWidget            *backup_keep_row;
  GtkSpinButton        *backup_keep_spin;
  GtkLabel             *backup_keep_error;
  AdwActionRow         *last_backup_row;
  GtkWidget            *backup_now_button;
  GtkLabel             *backup_status;
  AdwActionRow         *kiosk_pin_state;
  AdwPasswordEntryRow  *kiosk_pin_row;
  GtkLabel             *kiosk_pin_error;
};

/* In sila-preferences-window.c */
const char *sila_preferences_window_shown_or_default (SilaPreferencesWindow *self,
                                                      const char            *key);
int         sila_preferences_window_setting_int      (SilaPreferencesWindow *self,
                                                      const char            *key);
gboolean    sila_preferences_window_apply_setting    (SilaPreferencesWindow *self,
                                                      const char            *key,
                                                      const char            *value,
                                                      GtkWidget             *row,
                                                      GtkLabel              *error_label);

/* In sila-preferences-staff.c: "prefs.add-staff". */
void        sila_preferences_window_install_staff_actions  (GtkWidgetClass        *widget_class);
void        sila_preferences_window_load_staff             (SilaPreferencesWindow *self);

/* In sila-preferences-backups.c: "prefs.choose-backup-folder",
 * "prefs.backup-now", "prefs.restore". */
void        sila_preferences_window_install_backup_actions (GtkWidgetClass        *widget_class);
void        sila_preferences_window_load_backups           (SilaPreferencesWindow *self);

/* In sila-preferences-outreach.c: the thresholds of the daily outreach
 * list, a group of the Office page. */
void        sila_preferences_window_add_outreach           (SilaPreferencesWindow *self);

G_END_DECLS
