/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-core"

#include "sila-config.h"

#include <glib/gi18n-lib.h>

#include "sila-policy.h"
#include "sila-text.h"
#include "sila-validation.h"

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

/* Checks an office setting's value and returns it in the form it is kept
 * in, or NULL with a message for the user. Unknown keys are refused, so a
 * typo in a script does not silently create a setting nobody reads. */
char *
sila_policy_normalize_setting (const char  *key,
                               const char  *value,
                               GError     **error)
{
  g_return_val_if_fail (key != NULL, NULL);

  if (g_str_equal (key, SILA_SETTING_ASSOCIATION_NAME))
    return sila_text_clean_line (value, 200, TRUE, error);

  if (g_str_equal (key, SILA_SETTING_ANSWER_WINDOW))
    {
      gint64 days;

      if (!sila_text_parse_int (value, SILA_ANSWER_WINDOW_MIN, SILA_ANSWER_WINDOW_MAX, &days,
                                error))
        return NULL;
      return g_strdup_printf ("%" G_GINT64_FORMAT, days);
    }

  if (g_str_equal (key, SILA_SETTING_CONSENT_REQUIRED))
    return normalize_bool (value, error);

  g_set_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
               _("There is no setting called “%s”."), key);
  return NULL;
}
