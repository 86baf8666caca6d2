/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by sila-intake-form.c (building, filling) and
 * sila-intake-form-save.c (checks, drafts, saving, actions). */
#pragma once

#include "sila-intake-form.h"
#include "sila-money.h"

G_BEGIN_DECLS

struct _SilaIntakeForm
{
  GtkWidget         parent_instance;

  SilaSession      *session;
  GPtrArray        *segments;          /* SilaSegment */
  SilaBeneficiary  *editing;           /* the file being edited, or NULL */
  char             *draft_id;
  char             *duplicate_id;      /* the file the ID number belongs to */
  gboolean          relabelling;       /* the marital choices being renamed */
  guint             draft_timeout_id;
  guint             id_check_timeout_id;
  gboolean          loading;           /* filling: changes are not typing */
  gboolean          dirty;             /* typed since the draft was written */

  GtkWidget        *fields[SILA_N_BF_FIELDS];
  GtkLabel         *errors[SILA_N_BF_FIELDS];
  GtkGrid          *identity_grid;
  int               none_reason_row;
  GtkLabel         *birth_hint;
  GtkRevealer      *duplicate_revealer;
  GtkLabel         *duplicate_label;
  GtkWidget        *duplicate_open;    /* its button, for a file on this database */
  GtkWidget        *members_box;
  GtkWidget        *incomes_box;
  GtkLabel         *income_total;
  GtkLabel         *consent_info;

  /* Template widgets */
  GtkWidget        *root;
  GtkLabel         *title_label;
  GtkLabel         *draft_label;
  GtkRevealer      *problem_revealer;
  GtkLabel         *problem_label;
  GtkScrolledWindow *scroller;
  GtkWidget        *groups_box;
};

enum {
  SILA_INTAKE_SAVED,
  SILA_INTAKE_OPEN_FILE,
  SILA_INTAKE_CLOSED,
  SILA_INTAKE_N_SIGNALS
};

extern guint sila_intake_form_signals[SILA_INTAKE_N_SIGNALS];

void       sila_intake_form_fill                (SilaIntakeForm             *self,
                                                 const SilaBeneficiaryInput *input);
GtkWidget *sila_intake_form_find_row            (SilaIntakeForm             *self,
                                                 const char                 *key,
                                                 const char                **subkey);
GtkWidget *sila_intake_form_append_member       (SilaIntakeForm             *self,
                                                 const SilaMemberInput      *input);
GtkWidget *sila_intake_form_append_income       (SilaIntakeForm             *self,
                                                 const SilaIncomeInput      *input);
void       sila_intake_form_update_birth_hint   (SilaIntakeForm             *self);
void       sila_intake_form_update_income_total (SilaIntakeForm             *self);
void       sila_intake_form_update_consent_info (SilaIntakeForm             *self);
void       sila_intake_form_schedule_draft      (SilaIntakeForm             *self);
void       sila_intake_form_schedule_id_check   (SilaIntakeForm             *self);
void       sila_intake_form_check_field         (SilaIntakeForm             *self,
                                                 const char                 *key);
void       sila_intake_form_install_actions     (GtkWidgetClass             *widget_class);

G_END_DECLS
