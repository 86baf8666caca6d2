/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by the store's staff files: accounts, passwords, signing in. */
#pragma once

#include "sila-store-private.h"
#include "sila-store-staff.h"

G_BEGIN_DECLS

#define STAFF_COLUMNS \
  "id, username, display_name, roles, active, must_change_password, rev, created_at, " \
  "last_login_at, locked_until"

/* A row of STAFF_COLUMNS. */
SilaStaff *sila_staff_from_row     (SilaStatement  *stmt);
/* By "id" or "username" (@column); NULL with NOT_FOUND if there is no such
 * account. */
SilaStaff *sila_store_load_staff   (SilaStore      *self,
                                    const char     *column,
                                    const char     *value,
                                    GError        **error);

/* A password in memory: wiped before it is freed. */
typedef char SilaSecret;
void       sila_secret_free        (SilaSecret     *secret);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SilaSecret, sila_secret_free)

/* In sila-store-passwords.c. @prepared is a password as
 * sila_account_prepare_password() leaves it. */
char      *sila_staff_hash_password     (const char  *prepared,
                                         GError     **error);
gboolean   sila_staff_verify_password   (const char  *hash,
                                         const char  *prepared);
/* Checking a password for a name that has no account takes as long as for
 * one that has, so that timing does not tell which names exist. */
void       sila_staff_verify_against_nothing (const char *prepared);
/* Whether @hash was made at another cost than new hashes are. */
gboolean   sila_staff_hash_needs_rehash (const char  *hash);

G_END_DECLS
