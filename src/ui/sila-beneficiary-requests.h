/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sila-beneficiary.h"
#include "sila-session.h"

G_BEGIN_DECLS

/* A beneficiary's requests, for their profile (the hook the beneficiary
 * files call: one widget, given the session and the file's id). Each row
 * says the request's number, type and status, and stands out when the
 * request is overdue or due soon; activating it runs "win.show-request"
 * with the request's id. The "New Request…" button runs
 * "win.new-request" with the file's id. It follows the session's
 * ::changed. */
#define SILA_TYPE_BENEFICIARY_REQUESTS (sila_beneficiary_requests_get_type ())
G_DECLARE_FINAL_TYPE (SilaBeneficiaryRequests, sila_beneficiary_requests, SILA,
                      BENEFICIARY_REQUESTS, GtkWidget)

GtkWidget *sila_beneficiary_requests_new        (SilaSession             *session,
                                                 const char              *beneficiary_id);
void       sila_beneficiary_requests_set_can_add (SilaBeneficiaryRequests *self,
                                                  gboolean                 can_add);
/* Hides the list's own title (inside a titled group of the profile). */
void       sila_beneficiary_requests_set_title  (SilaBeneficiaryRequests *self,
                                                 const char              *title);
/* How many requests it lists, and how many of them are overdue. */
guint      sila_beneficiary_requests_count      (SilaBeneficiaryRequests *self,
                                                 guint                   *n_overdue);

/* The build functions of the profile's places (sila-profile-sections.c):
 * the person's requests, and their contacts with a button to record one. */
GtkWidget *sila_profile_build_requests          (SilaSession             *session,
                                                 const SilaBeneficiary   *file);
GtkWidget *sila_profile_build_contacts          (SilaSession             *session,
                                                 const SilaBeneficiary   *file);

G_END_DECLS
