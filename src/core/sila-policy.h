/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Office-wide settings kept in the database, so that every desk and the
 * command line follow the same policy. */
#define SILA_SETTING_ASSOCIATION_NAME "association_name"
#define SILA_SETTING_ANSWER_WINDOW    "answer_window_days"
/* Minutes without a key press or a pointer move before the window locks;
 * 0 never locks. Office policy, so that no desk can quietly turn it off. */
#define SILA_SETTING_IDLE_LOCK        "idle_lock_minutes"
/* Automatic daily backups: the folder (empty: the default one beside the
 * user's data), how many to keep, and whether they run at all. */
#define SILA_SETTING_BACKUP_FOLDER    "backup_folder"
#define SILA_SETTING_BACKUP_KEEP      "backup_keep"
#define SILA_SETTING_BACKUP_DAILY     "backup_daily"
/* "1" once the owner of a database chose, at first start, to work without
 * staff accounts (a laptop used by one person); the window then opens
 * without asking again until someone adds the first account. */
#define SILA_SETTING_NO_ACCOUNTS      "work_without_accounts"
/* Personal data (PDPL), for the beneficiary files: whether a file needs the
 * beneficiary's recorded consent before it is saved, and after how many
 * years a closed file may be anonymized. */
#define SILA_SETTING_CONSENT_REQUIRED "consent_required"
#define SILA_SETTING_RETENTION_YEARS  "retention_years"
/* The daily outreach list (sila-outreach.h): how many days before its
 * expiry a document is mentioned; how long a request may wait at
 * "received" with a document missing; the days after a delivery in which
 * to ask how it went; how long a silence is; how far back a request or
 * delivery keeps a person "active"; and how long an unanswered call hides
 * an item before it comes back. */
#define SILA_SETTING_OUTREACH_EXPIRY       "outreach_expiry_days"
#define SILA_SETTING_OUTREACH_MISSING      "outreach_missing_days"
#define SILA_SETTING_OUTREACH_FOLLOW_FROM  "outreach_follow_up_from_days"
#define SILA_SETTING_OUTREACH_FOLLOW_UNTIL "outreach_follow_up_until_days"
#define SILA_SETTING_OUTREACH_SILENCE      "outreach_silence_days"
#define SILA_SETTING_OUTREACH_ACTIVE       "outreach_active_days"
#define SILA_SETTING_OUTREACH_RETRY        "outreach_retry_days"

/* The association whose policy (shared/seed) this app serves; a new
 * database starts with it, and an administrator changes it in Preferences. */
#define SILA_DEFAULT_ASSOCIATION_NAME "جمعية صلة للخدمات الإنسانية بغرب مكة"

/* The policy's answer window: the committee answers within two weeks. */
#define SILA_ANSWER_WINDOW_DEFAULT 14
#define SILA_ANSWER_WINDOW_MIN     1
#define SILA_ANSWER_WINDOW_MAX     90

#define SILA_IDLE_LOCK_DEFAULT     10
#define SILA_IDLE_LOCK_MAX         240
#define SILA_BACKUP_KEEP_DEFAULT   14
#define SILA_BACKUP_KEEP_MAX       365
#define SILA_RETENTION_DEFAULT     10
#define SILA_RETENTION_MAX         50

#define SILA_OUTREACH_EXPIRY_DEFAULT       30
#define SILA_OUTREACH_MISSING_DEFAULT      7
#define SILA_OUTREACH_FOLLOW_FROM_DEFAULT  7
#define SILA_OUTREACH_FOLLOW_UNTIL_DEFAULT 30
#define SILA_OUTREACH_SILENCE_DEFAULT      180
#define SILA_OUTREACH_ACTIVE_DEFAULT       365
#define SILA_OUTREACH_RETRY_DEFAULT        2

char        *sila_policy_normalize_setting (const char  *key,
                                            const char  *value,
                                            GError     **error);
const char  *sila_policy_get_default       (const char  *key);
const char  *sila_policy_setting_to_display (const char *key);
const char **sila_policy_get_keys          (void);
/* The range a whole-number setting accepts; FALSE for other settings. */
gboolean     sila_policy_get_range         (const char  *key,
                                            gint64      *min,
                                            gint64      *max);
gboolean     sila_policy_is_true           (const char  *value);

G_END_DECLS
