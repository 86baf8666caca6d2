/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the staff account tests share: a database with an administrator and
 * an officer, and single values read straight from SQLite. */
#include "sila-config.h"

#include <sqlite3.h>

#include "sila-clock.h"
#include "sila-sqlite.h"
#include "sila-store-private.h"
#include "sila-test-accounts.h"

void
sila_accounts_fixture_setup (SilaAccountsFixture *f,
                             gconstpointer        data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SilaStaff) admin = NULL;

  sila_test_dir_setup (&f->dir, NULL);
  f->store = sila_store_open (f->dir.db_path, 0, &error);
  g_assert_no_error (error);

  admin = sila_store_create_first_admin (f->store, "جمعية البر", "sami", "سامي العتيبي",
                                         ADMIN_PASSWORD, &error);
  g_assert_no_error (error);
  f->admin = sila_staff_to_actor (admin);
  f->officer = sila_store_add_staff (f->store, f->admin, "huda", "هدى", SILA_ROLE_OFFICER,
                                     OFFICER_PASSWORD, FALSE, &error);
  g_assert_no_error (error);
}

void
sila_accounts_fixture_teardown (SilaAccountsFixture *f,
                                gconstpointer        data)
{
  sila_clock_set_fixed (NULL);
  g_clear_pointer (&f->admin, sila_actor_free);
  g_clear_pointer (&f->officer, sila_staff_free);
  if (f->store != NULL)
    g_assert_finalize_object (f->store);
  sila_test_dir_teardown (&f->dir, NULL);
}

gint64
sila_test_count (SilaAccountsFixture *f,
                 const char          *sql)
{
  return sila_test_db_int (sila_test_store_db (f->store), sql);
}

char *
sila_test_text (SilaAccountsFixture *f,
                const char          *sql)
{
  return sila_test_db_text (sila_test_store_db (f->store), sql);
}
