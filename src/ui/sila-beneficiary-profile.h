/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sila-beneficiary.h"
#include "sila-session.h"

G_BEGIN_DECLS

/* Everything about one beneficiary: identity, contact, situation,
 * household, consent, the places later issues fill, and the file's
 * history. ::back, ::edit (the file's id). */
#define SILA_TYPE_BENEFICIARY_PROFILE (sila_beneficiary_profile_get_type ())
G_DECLARE_FINAL_TYPE (SilaBeneficiaryProfile, sila_beneficiary_profile, SILA,
                      BENEFICIARY_PROFILE, GtkWidget)

SilaBeneficiaryProfile *sila_beneficiary_profile_new      (SilaSession            *session);
gboolean                sila_beneficiary_profile_show     (SilaBeneficiaryProfile *self,
                                                           const char             *id,
                                                           GError                **error);
const SilaBeneficiary  *sila_beneficiary_profile_get_file (SilaBeneficiaryProfile *self);

G_END_DECLS
