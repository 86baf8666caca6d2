/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "sila-application.h"
#include "sila-store.h"
#include "sila-test-util.h"
#include "sila-window.h"

G_BEGIN_DECLS

/* Everyone's password in the office. */
#define PASSWORD "a long passphrase"

/* TRUE unless SILA_TEST_LANG=en. */
extern gboolean sila_test_arabic;

/* GTK, libadwaita and the UI language (SILA_TEST_LANG) for a window test,
 * and a home of its own; returns that home, for sila_test_rm_rf(). */
char       *sila_test_accounts_ui_init  (int             *argc,
                                         char          ***argv);

/* Waiting for windows */
void        sila_test_spin_for          (guint            ms);
GtkWidget  *sila_test_find_window       (GType            type);
/* Waits (a few seconds at most) until a visible window of @type shows up. */
GtkWidget  *sila_test_wait_for_window   (GType            type);
void        sila_test_wait_until_gone   (GType            type);

/* A template child of @widget, which must be there. */
gpointer    sila_test_child             (gpointer         widget,
                                         GType            type,
                                         const char      *name);
void        sila_test_type_into         (gpointer         widget,
                                         GType            type,
                                         const char      *name,
                                         const char      *text);
/* The error shown beside a field: its label is visible, the field is red,
 * and the message is in the UI language. */
const char *sila_test_error_beside      (gpointer         widget,
                                         GType            type,
                                         const char      *field,
                                         const char      *label);
void        sila_test_no_error_beside   (gpointer         widget,
                                         GType            type,
                                         const char      *label);
/* The first widget under @root named @name (and of @type). */
GtkWidget  *sila_test_find_named        (gpointer         root,
                                         GType            type,
                                         const char      *name);
/* Typing goes into @field (an entry row, or what it holds). */
void        sila_test_assert_focus_in   (GtkWidget       *window,
                                         GtkWidget       *field);
void        sila_test_respond_to_dialog (const char      *response);

/* Runs the application on @db_path, @script once it is idle, then quits. */
typedef void (*SilaTestScript) (SilaApplication *app,
                                gpointer         data);

void        sila_test_run_app           (const char      *db_path,
                                         SilaTestScript   script,
                                         gpointer         data);
SilaWindow *sila_test_sign_in           (const char      *username,
                                         const char      *password);

/* An office: sami (administrator), huda (officer), both with PASSWORD, and
 * a first backup in a folder of the test's own. */
typedef struct {
  SilaTestDir dir;
  char       *huda_id;
  char       *backup;
} SilaTestOffice;

void        sila_test_office_setup      (SilaTestOffice  *office,
                                         gconstpointer    data);
void        sila_test_office_teardown   (SilaTestOffice  *office,
                                         gconstpointer    data);

SilaStore  *sila_test_reopen            (const char      *path);
/* How many audit entries of @action by @by, read as the first administrator. */
gint64      sila_test_audit_count       (SilaStore       *store,
                                         const char      *action,
                                         const char      *by);

G_END_DECLS
