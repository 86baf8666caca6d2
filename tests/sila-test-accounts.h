/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sila-store-staff.h"
#include "sila-test-util.h"

G_BEGIN_DECLS

#define ADMIN_PASSWORD   "admin passphrase"
#define OFFICER_PASSWORD "officer passphrase"

/* A fresh database whose first administrator is "sami" (ADMIN_PASSWORD) and
 * who has added the officer "huda" (OFFICER_PASSWORD). Teardown also lets
 * the clock go. */
typedef struct {
  SilaTestDir  dir;
  SilaStore   *store;
  SilaActor   *admin;
  SilaStaff   *officer;
} SilaAccountsFixture;

void    sila_accounts_fixture_setup    (SilaAccountsFixture *f,
                                        gconstpointer        data);
void    sila_accounts_fixture_teardown (SilaAccountsFixture *f,
                                        gconstpointer        data);

/* The one integer, or the first text (NULL if no row), that @sql reads. */
gint64  sila_test_count                (SilaAccountsFixture *f,
                                        const char          *sql);
char   *sila_test_text                 (SilaAccountsFixture *f,
                                        const char          *sql);

G_END_DECLS
