/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sila-store.h"

G_BEGIN_DECLS

/* The store checks every actor against the staff table: tests act as real
 * staff. The first call also creates an administrator, "admin". Password
 * hashing is made cheap for tests. */
SilaActor *sila_test_add_staff (SilaStore  *store,
                                const char *username,
                                SilaRole    roles);
SilaActor *sila_test_admin     (SilaStore  *store);

G_END_DECLS
