/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-core"

#include "sila-config.h"

#include <glib/gi18n-lib.h>

#include "sila-policy.h"
#include "sila-text.h"
#include "sila-validation.h"

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

  g_set_error (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
               _("There is no setting called “%s”."), key);
  return NULL;
}
