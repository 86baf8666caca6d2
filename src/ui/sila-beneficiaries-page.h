/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sila-beneficiary-profile.h"
#include "sila-intake-form.h"
#include "sila-session.h"

G_BEGIN_DECLS

/* The Beneficiaries section of the window (sila-sections.c). */
#define SILA_TYPE_BENEFICIARIES_PAGE (sila_beneficiaries_page_get_type ())
G_DECLARE_FINAL_TYPE (SilaBeneficiariesPage, sila_beneficiaries_page, SILA, BENEFICIARIES_PAGE,
                      GtkWidget)

void                    sila_beneficiaries_page_new_file       (SilaBeneficiariesPage *self);
gboolean                sila_beneficiaries_page_open_file      (SilaBeneficiariesPage *self,
                                                                const char            *id);
gboolean                sila_beneficiaries_page_resume_draft   (SilaBeneficiariesPage *self,
                                                                const char            *draft_id);
void                    sila_beneficiaries_page_refresh_drafts (SilaBeneficiariesPage *self);
/* Shows the list searched for @text (at once, for tests and links). */
void                    sila_beneficiaries_page_set_search     (SilaBeneficiariesPage *self,
                                                                const char            *text);
/* "list", "profile" or "form". */
const char             *sila_beneficiaries_page_get_view       (SilaBeneficiariesPage *self);
GListModel             *sila_beneficiaries_page_get_model      (SilaBeneficiariesPage *self);
SilaIntakeForm         *sila_beneficiaries_page_get_form       (SilaBeneficiariesPage *self);
SilaBeneficiaryProfile *sila_beneficiaries_page_get_profile    (SilaBeneficiariesPage *self);

G_END_DECLS
