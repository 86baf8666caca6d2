/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "sila-config.h"

#include "sila-store-private.h"
#include "sila-store-staff.h"
#include "sila-test-staff.h"

#define TEST_PASSWORD "Sila-test-2026"

SilaActor *
sila_test_admin (SilaStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaStaff) admin = NULL;
  gint64 n = 0;

  sila_store_set_cheap_hashes_for_testing (TRUE);
  g_assert_true (sila_store_count_staff (store, &n, &error));
  if (n == 0)
    admin = sila_store_create_first_admin (store, SILA_DEFAULT_ASSOCIATION_NAME, "admin", "مسؤول النظام", TEST_PASSWORD,
                                           &error);
  else
    admin = sila_store_authenticate (store, "admin", TEST_PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_nonnull (admin);

  return sila_staff_to_actor (admin);
}

SilaActor *
sila_test_add_staff (SilaStore  *store,
                     const char *username,
                     SilaRole    roles)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaActor) admin = sila_test_admin (store);
  g_autoptr(SilaStaff) staff = NULL;

  if (g_str_equal (username, "admin"))
    return g_steal_pointer (&admin);

  staff = sila_store_add_staff (store, admin, username, username, roles, TEST_PASSWORD, FALSE,
                                &error);
  g_assert_no_error (error);
  return sila_staff_to_actor (staff);
}
