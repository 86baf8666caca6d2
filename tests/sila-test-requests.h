/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sila-store-requests.h"
#include "sila-test-util.h"

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

/* Who acts in the request store tests: one person per role, and a worker
 * holding every role of the procedure to set scenes (the last). */
typedef struct {
  const char *username;
  SilaRole    roles;
} SilaTestPerson;

#define SILA_TEST_N_PEOPLE 6
extern const SilaTestPerson sila_test_people[SILA_TEST_N_PEOPLE];

/* A copy of one database holding sila_test_people, each signed in, and a
 * beneficiary's file. The clock is let go before and after. */
typedef struct {
  SilaTestDir  dir;
  SilaStore   *store;
  SilaActor   *actors[SILA_TEST_N_PEOPLE];
  SilaActor   *worker;
  char        *beneficiary_id;
} SilaRequestsFixture;

/* Makes the database every fixture copies; once, before g_test_run(). */
void         sila_requests_template_init      (void);
void         sila_requests_template_clear     (void);
void         sila_requests_fixture_setup      (SilaRequestsFixture *f,
                                               gconstpointer        data);
void         sila_requests_fixture_teardown   (SilaRequestsFixture *f,
                                               gconstpointer        data);

/* Fixes the clock at @iso (UTC). */
void         sila_test_set_now                (const char          *iso);
/* The request as it is stored now, read by the worker. */
SilaRequest *sila_test_reload                 (SilaRequestsFixture *f,
                                               const char          *id);

G_END_DECLS
