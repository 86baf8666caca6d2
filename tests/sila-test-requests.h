/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sila-store-requests.h"

G_BEGIN_DECLS

/* A beneficiary's file with a valid national ID made from @nine digits;
 * returns its id. */
char        *sila_test_add_beneficiary (SilaStore         *store,
                                        const SilaActor   *actor,
                                        const char        *nine,
                                        const char        *first_name);
/* A request of @type (a code) received on @received (YYYY-MM-DD, or NULL
 * for today) by @actor, through the phone. */
SilaRequest *sila_test_open_request    (SilaStore         *store,
                                        const SilaActor   *actor,
                                        const char        *beneficiary_id,
                                        const char        *type,
                                        const char        *received);
/* Takes the request along the policy's path until it is @status, as
 * @actor (who must hold every role the path needs): documents verified,
 * research written, decisions taken. */
void         sila_test_walk_request    (SilaStore         *store,
                                        const SilaActor   *actor,
                                        const char        *request_id,
                                        SilaRequestStatus  status);
/* Verifies every required document that is not verified yet. */
void         sila_test_verify_documents (SilaStore        *store,
                                         const SilaActor  *actor,
                                         const char       *request_id);
/* The input a step needs to pass the core's checks. */
void         sila_test_step_input      (SilaRequestStatus  to,
                                        SilaStepInput     *input);

G_END_DECLS
