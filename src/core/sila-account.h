/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The rules for staff accounts: what a user name, a display name and a
 * password may be, and how repeated wrong passwords lock an account. The
 * store enforces them; forms call them field by field, so that each error
 * is shown beside its own field. */
#define SILA_USERNAME_MIN_CHARS      3
#define SILA_USERNAME_MAX_CHARS      32
#define SILA_DISPLAY_NAME_MAX_CHARS  100
#define SILA_PASSWORD_MIN_CHARS      8
#define SILA_PASSWORD_MAX_CHARS      128

/* Five wrong passwords in a row lock the account for five minutes: slow
 * enough to stop guessing at a desk or in a script, short enough that a
 * colleague who mistyped is not stuck until an administrator comes. */
#define SILA_LOGIN_MAX_FAILURES      5
#define SILA_LOGIN_LOCKOUT_SECONDS   300

/* The names that stand for no account in the audit trail. Both contain
 * characters or are words that no user name may take. */
#define SILA_ACCOUNT_OWNER_NAME      "owner"
#define SILA_ACCOUNT_UNKNOWN_NAME    "(unknown)"

char     *sila_account_normalize_username     (const char  *text,
                                               GError     **error);
char     *sila_account_normalize_display_name (const char  *text,
                                               GError     **error);
char     *sila_account_prepare_password       (const char  *password);
char     *sila_account_check_new_password     (const char  *password,
                                               const char  *username,
                                               GError     **error);
gboolean  sila_account_check_confirmation     (const char  *password,
                                               const char  *confirmation,
                                               GError     **error);

/* The lockout, decided from what the store read (its count of wrong
 * passwords in a row, and the end of a lock, a UTC timestamp as stored).
 * Whether an account locked until @locked_until (or NULL) may try a
 * password at @now: FALSE, with how many minutes are left, while the lock
 * runs — even the right password is refused then. */
gboolean  sila_account_check_not_locked       (const char  *locked_until,
                                               GDateTime   *now,
                                               GError     **error);
/* One more wrong password after @failed in a row, at @now: what the store
 * keeps — *@failed_after, and *@locked_until (a UTC timestamp, or NULL).
 * TRUE when this one locks the account (SILA_LOGIN_MAX_FAILURES in a row,
 * for SILA_LOGIN_LOCKOUT_SECONDS; the count starts again), with the message
 * in @error; FALSE when it is only wrong. */
gboolean  sila_account_count_failure          (int          failed,
                                               GDateTime   *now,
                                               int         *failed_after,
                                               char       **locked_until,
                                               GError     **error);

G_END_DECLS
