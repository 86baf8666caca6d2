/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "sila-beneficiary.h"

G_BEGIN_DECLS

/* One monthly income of the household: where it comes from and how much,
 * in riyals (kept as exact halalas). ::changed, ::remove. */
#define SILA_TYPE_INCOME_EDITOR (sila_income_editor_get_type ())
G_DECLARE_FINAL_TYPE (SilaIncomeEditor, sila_income_editor, SILA, INCOME_EDITOR, GtkWidget)

GtkWidget *sila_income_editor_new          (void);
void       sila_income_editor_set_input    (SilaIncomeEditor      *self,
                                            const SilaIncomeInput *input);
void       sila_income_editor_get_input    (SilaIncomeEditor      *self,
                                            SilaIncomeInput       *input);
/* @key is "source" or "amount". */
gboolean   sila_income_editor_show_error   (SilaIncomeEditor      *self,
                                            const char            *key,
                                            const GError          *error);
void       sila_income_editor_clear_errors (SilaIncomeEditor      *self);
GtkWidget *sila_income_editor_get_field    (SilaIncomeEditor      *self,
                                            const char            *key);

G_END_DECLS
