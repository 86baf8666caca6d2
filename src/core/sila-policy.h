/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Office-wide settings kept in the database, so that every desk and the
 * command line follow the same policy. */
#define SILA_SETTING_ASSOCIATION_NAME "association_name"
#define SILA_SETTING_ANSWER_WINDOW    "answer_window_days"
/* Personal data (PDPL): whether a beneficiary's file needs their recorded
 * consent before it is saved ("1", the default) or not ("0"). Files
 * imported from an existing register are never refused for it: their
 * consent stays pending until an officer records it. */
#define SILA_SETTING_CONSENT_REQUIRED "consent_required"

/* The association whose policy (shared/seed) this app serves; a new
 * database starts with it, and an administrator changes it in Preferences. */
#define SILA_DEFAULT_ASSOCIATION_NAME "جمعية صلة للخدمات الإنسانية بغرب مكة"

/* The policy's answer window: the committee answers within two weeks. */
#define SILA_ANSWER_WINDOW_DEFAULT 14
#define SILA_ANSWER_WINDOW_MIN     1
#define SILA_ANSWER_WINDOW_MAX     90

char     *sila_policy_normalize_setting (const char  *key,
                                         const char  *value,
                                         GError     **error);
/* TRUE for the stored form of "yes" ("1"). */
gboolean  sila_policy_is_true           (const char  *value);

G_END_DECLS
