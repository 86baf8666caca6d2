/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-core"

#include "sila-config.h"

#include "sila-settings.h"

/* The shared GSettings object, or NULL when the schema is not installed (a
 * command run from a bare build tree): callers then use the defaults rather
 * than abort, as g_settings_new() would. */
GSettings *
sila_settings_get (void)
{
  static GSettings *settings;
  static gboolean looked_up;

  if (!looked_up)
    {
      GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
      g_autoptr(GSettingsSchema) schema = NULL;

      looked_up = TRUE;
      if (source != NULL)
        schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
      if (schema != NULL)
        settings = g_settings_new_full (schema, NULL, NULL);
    }

  return settings;
}

/* "ar" unless the user chose English. The system locale does not decide. */
char *
sila_settings_get_language (void)
{
  GSettings *settings = sila_settings_get ();

  if (settings == NULL)
    return g_strdup ("ar");

  return g_settings_get_string (settings, "ui-language");
}
