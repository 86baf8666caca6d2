/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-core"

#include "sila-config.h"

#include <glib/gi18n-lib.h>

#include "sila-policy.h"
#include "sila-text.h"
#include "sila-validation.h"

typedef enum {
  KIND_NAME,
  KIND_INT,
  KIND_BOOL,
  KIND_FOLDER,
} SettingKind;

/* Every office setting, its kind, its default, and its name for people
 * (the audit trail names the setting that changed). */
static const struct {
  const char  *key;
  SettingKind  kind;
  gint64       min;
  gint64       max;
  const char  *fallback;
  const char  *title;
} settings[] = {
  { SILA_SETTING_ASSOCIATION_NAME, KIND_NAME, 0, 200, SILA_DEFAULT_ASSOCIATION_NAME,
    N_("Association name") },
  { SILA_SETTING_ANSWER_WINDOW, KIND_INT, SILA_ANSWER_WINDOW_MIN, SILA_ANSWER_WINDOW_MAX,
    G_STRINGIFY (SILA_ANSWER_WINDOW_DEFAULT),
    N_("Answer window") },
  { SILA_SETTING_IDLE_LOCK, KIND_INT, 0, SILA_IDLE_LOCK_MAX, G_STRINGIFY (SILA_IDLE_LOCK_DEFAULT),
    N_("Lock after (minutes)") },
  { SILA_SETTING_BACKUP_FOLDER, KIND_FOLDER, 0, 1024, "",
    N_("Backup folder") },
  { SILA_SETTING_BACKUP_KEEP, KIND_INT, 1, SILA_BACKUP_KEEP_MAX,
    G_STRINGIFY (SILA_BACKUP_KEEP_DEFAULT),
    N_("Backups to keep") },
  { SILA_SETTING_BACKUP_DAILY, KIND_BOOL, 0, 0, "1",
    N_("Back up every day") },
  { SILA_SETTING_NO_ACCOUNTS, KIND_BOOL, 0, 0, "0",
    N_("Work without staff accounts") },
  { SILA_SETTING_CONSENT_REQUIRED, KIND_BOOL, 0, 0, "1",
    N_("Consent before saving a file") },
  { SILA_SETTING_RETENTION_YEARS, KIND_INT, 1, SILA_RETENTION_MAX,
    G_STRINGIFY (SILA_RETENTION_DEFAULT),
    N_("Anonymize closed files after (years)") },
  { SILA_SETTING_OUTREACH_EXPIRY, KIND_INT, 1, 365, G_STRINGIFY (SILA_OUTREACH_EXPIRY_DEFAULT),
    N_("Outreach: days before a document expires") },
  { SILA_SETTING_OUTREACH_MISSING, KIND_INT, 1, 365,
    G_STRINGIFY (SILA_OUTREACH_MISSING_DEFAULT),
    N_("Outreach: days a request waits for a document") },
  { SILA_SETTING_OUTREACH_FOLLOW_FROM, KIND_INT, 0, 365,
    G_STRINGIFY (SILA_OUTREACH_FOLLOW_FROM_DEFAULT),
    N_("Outreach: follow-up from (days after a delivery)") },
  { SILA_SETTING_OUTREACH_FOLLOW_UNTIL, KIND_INT, 1, 365,
    G_STRINGIFY (SILA_OUTREACH_FOLLOW_UNTIL_DEFAULT),
    N_("Outreach: follow-up until (days after a delivery)") },
  { SILA_SETTING_OUTREACH_SILENCE, KIND_INT, 7, 3650,
    G_STRINGIFY (SILA_OUTREACH_SILENCE_DEFAULT),
    N_("Outreach: days of silence") },
  { SILA_SETTING_OUTREACH_ACTIVE, KIND_INT, 30, 3650,
    G_STRINGIFY (SILA_OUTREACH_ACTIVE_DEFAULT),
    N_("Outreach: days a person stays active") },
  { SILA_SETTING_OUTREACH_RETRY, KIND_INT, 1, 30, G_STRINGIFY (SILA_OUTREACH_RETRY_DEFAULT),
    N_("Outreach: days before calling again") },
};

static int
find_setting (const char *key)
{
  for (guint i = 0; key != NULL && i < G_N_ELEMENTS (settings); i++)
    if (g_str_equal (settings[i].key, key))
      return i;

  return -1;
}

/* The value a setting has until an administrator changes it; NULL for an
 * unknown key. */
const char *
sila_policy_get_default (const char *key)
{
  int i = find_setting (key);

  return i >= 0 ? settings[i].fallback : NULL;
}

gboolean
sila_policy_get_range (const char *key,
                       gint64     *min,
                       gint64     *max)
{
  int i = find_setting (key);

  if (i < 0 || settings[i].kind != KIND_INT)
    return FALSE;
  *min = settings[i].min;
  *max = settings[i].max;
  return TRUE;
}

/* A setting's name in the UI language, for the audit trail; the key itself
 * for a key this version does not know. */
const char *
sila_policy_setting_to_display (const char *key)
{
  int i = find_setting (key);

  if (i >= 0)
    return _(settings[i].title);
  /* Kept beside the settings, but changed from the Preferences' Surveys
   * group only (sila-store-kiosk.c). */
  if (g_strcmp0 (key, "kiosk_pin") == 0)
    return _("Kiosk PIN");
  return key;
}

const char **
sila_policy_get_keys (void)
{
  static const char *keys[G_N_ELEMENTS (settings) + 1];

  if (keys[0] == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (settings); i++)
      keys[i] = settings[i].key;

  return keys;
}

gboolean
sila_policy_is_true (const char *value)
{
  return g_strcmp0 (value, "1") == 0;
}

static char *
normalize_bool (const char  *value,
                GError     **error)
{
  static const char * const yes[] = { "1", "true", "yes", "on", "نعم", NULL };
  static const char * const no[] = { "0", "false", "no", "off", "لا", NULL };
  g_autofree char *lower = NULL;

  if (value == NULL || !g_utf8_validate (value, -1, NULL))
    value = "";

  lower = g_strstrip (g_utf8_strdown (value, -1));
  if (g_strv_contains (yes, lower))
    return g_strdup ("1");
  if (g_strv_contains (no, lower))
    return g_strdup ("0");

  g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                       _("Enter yes or no (1 or 0)."));
  return NULL;
}

static char *
normalize_folder (const char  *value,
                  guint        max_chars,
                  GError     **error)
{
  g_autofree char *clean = sila_text_clean_line (value, max_chars, FALSE, error);

  if (clean == NULL)
    return NULL;

  if (*clean != '\0' && !g_path_is_absolute (clean))
    {
      g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                           _("Give the whole path of the folder, starting with “/”."));
      return NULL;
    }

  return g_steal_pointer (&clean);
}

/* Checks an office setting's value and returns it in the form it is kept
 * in, or NULL with a message for the user. Unknown keys are refused, so a
 * typo in a script does not silently create a setting nobody reads. */
char *
sila_policy_normalize_setting (const char  *key,
                               const char  *value,
                               GError     **error)
{
  int i;

  g_return_val_if_fail (key != NULL, NULL);

  i = find_setting (key);
  if (i < 0)
    {
      g_set_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                   _("There is no setting called “%s”."), key);
      return NULL;
    }

  switch (settings[i].kind)
    {
    case KIND_NAME:
      return sila_text_clean_line (value, settings[i].max, TRUE, error);

    case KIND_INT:
      {
        gint64 n;

        if (!sila_text_parse_int (value, settings[i].min, settings[i].max, &n, error))
          return NULL;
        return g_strdup_printf ("%" G_GINT64_FORMAT, n);
      }

    case KIND_BOOL:
      return normalize_bool (value, error);

    case KIND_FOLDER:
    default:
      return normalize_folder (value, settings[i].max, error);
    }
}
