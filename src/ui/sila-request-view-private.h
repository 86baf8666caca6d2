/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by sila-request-view.c (showing), sila-request-view-actions.c
 * (acting) and sila-request-view-checklist.c (the documents). */
#pragma once

#include "sila-request-view.h"

G_BEGIN_DECLS

struct _SilaRequestView
{
  GtkWidget             parent_instance;

  SilaSession          *session;
  SilaRequest          *request;
  GtkScrolledWindow    *scroller;
  /* The question asked before a step that cannot be taken back (weak). */
  GtkWidget            *confirm_dialog;
  GHashTable           *document_rows;     /* type → AdwActionRow */
  GHashTable           *expiry_entries;    /* type → GtkEntry */
  GPtrArray            *researchers;       /* user names, in researcher_row's order */
  GPtrArray            *extra_rows;        /* rows added to groups, removed on reload */
  GPtrArray            *signature_widgets; /* the drawn signature, in declaration_row */
  GtkFileChooserNative *chooser;
  char                 *choosing;          /* the document type a scan is chosen for */

  /* Template widgets */
  GtkLabel             *number_label;
  GtkLabel             *status_label;
  GtkLabel             *beneficiary_label;
  GtkLabel             *meta_label;
  GtkLabel             *due_label;
  GtkLabel             *next_label;
  AdwPreferencesGroup  *checklist_group;
  GtkLabel             *checklist_error;
  AdwPreferencesGroup  *declaration_group;
  AdwActionRow         *declaration_row;
  GtkWidget            *paper_button;
  AdwPreferencesGroup  *step_group;
  GtkStack             *step_stack;
  AdwComboRow          *researcher_row;
  AdwEntryRow          *visit_row;
  GtkLabel             *visit_error;
  GtkTextView          *findings_view;
  GtkLabel             *findings_error;
  AdwEntryRow          *recommendation_row;
  GtkLabel             *recommendation_error;
  AdwEntryRow          *decided_row;
  GtkLabel             *decided_error;
  AdwEntryRow          *members_row;
  AdwEntryRow          *reason_row;
  GtkLabel             *reason_error;
  AdwComboRow          *kind_row;
  AdwEntryRow          *amount_row;
  GtkLabel             *amount_error;
  AdwEntryRow          *delivered_row;
  GtkLabel             *delivered_error;
  AdwEntryRow          *note_row;
  GtkFlowBox           *step_buttons;
  GtkLabel             *step_error;
  AdwPreferencesGroup  *withdraw_group;
  AdwEntryRow          *withdraw_reason_row;
  GtkLabel             *withdraw_error;
  AdwPreferencesGroup  *record_group;
  AdwPreferencesGroup  *timeline_group;
};

/* In sila-request-view.c */
void        sila_request_view_reload          (SilaRequestView     *self);
void        sila_request_view_clear_errors    (SilaRequestView     *self);
/* After a document's expiry date was saved: the request read again, and
 * its header and that document's row shown as stored, without rebuilding
 * the rows (the field just left may still be in use). FALSE when the
 * document's status changed too: then the whole view needs a reload. */
gboolean    sila_request_view_refresh_document (SilaRequestView    *self,
                                                const char         *type);
/* A row added to @group, removed at the next reload. */
GtkWidget  *sila_request_view_add_row         (SilaRequestView     *self,
                                               AdwPreferencesGroup *group,
                                               const char          *title,
                                               const char          *subtitle);
/* A staff member's display name, else user name; the owner, in words. */
const char *sila_request_view_person          (const char          *name,
                                               const char          *username);

/* In sila-request-view-actions.c */
/* After a change: the view read again, the others told; @message, if any,
 * as a toast. */
void        sila_request_view_changed         (SilaRequestView     *self,
                                               const char          *message);

/* In sila-request-view-checklist.c */
void        sila_request_view_show_checklist  (SilaRequestView     *self);
/* A document's line under its name, as stored. */
char       *sila_request_view_document_subtitle (const SilaRequestDocument *d);
void        sila_request_view_install_checklist_actions (GtkWidgetClass *widget_class);
/* Saves what is typed into a document's expiry field when it is confirmed
 * (Enter) or left. */
void        sila_request_view_watch_expiry    (SilaRequestView     *self,
                                               GtkWidget           *entry,
                                               const char          *type);
/* Saves the expiry date typed for the document of @type, through the
 * core's rules; a refusal is shown beside the field. */
gboolean    sila_request_view_save_expiry     (SilaRequestView     *self,
                                               const char          *type);

/* In sila-request-view-history.c */
void        sila_request_view_show_record     (SilaRequestView     *self);
void        sila_request_view_show_timeline   (SilaRequestView     *self);

/* In sila-request-view-actions.c */
void     sila_request_view_install_actions (GtkWidgetClass  *widget_class);
void     sila_request_view_update_actions  (SilaRequestView *self);

G_END_DECLS
