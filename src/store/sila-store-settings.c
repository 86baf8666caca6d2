/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Office-wide settings: the association's name, the answer window, and the
 * other policies every desk must share. */
#define G_LOG_DOMAIN "sila-store"

#include "sila-config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "sila-clock.h"
#include "sila-policy.h"
#include "sila-store-private.h"

static char *
setting_json (const char *key,
              const char *value)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, key);
  json_builder_add_string_value (builder, value);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);

  return json_to_string (root, FALSE);
}

static gboolean
read_setting (SilaStore   *self,
              const char  *key,
              char       **value,
              GError     **error)
{
  g_autoptr(SilaStatement) stmt = NULL;

  *value = NULL;
  stmt = sila_store_prepare (self, "SELECT value FROM office_settings WHERE key = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sila_bind_text (stmt, 1, key);
  return sila_store_step_text (self, stmt, value, error);
}

/* Settings are not personal data: anyone at the desk may read them, even
 * before signing in (the login screen shows the association's name). */
char *
sila_store_get_setting (SilaStore  *self,
                        const char *key,
                        const char *fallback)
{
  g_autoptr(GError) error = NULL;
  char *value = NULL;

  g_return_val_if_fail (SILA_IS_STORE (self), NULL);

  if (!read_setting (self, key, &value, &error))
    g_warning ("Cannot read the setting %s: %s", key, error->message);

  return value != NULL ? value : g_strdup (fallback);
}

int
sila_store_get_setting_int (SilaStore  *self,
                            const char *key,
                            int         fallback)
{
  g_autofree char *text = sila_store_get_setting (self, key, NULL);
  gint64 value;

  if (text == NULL || !g_ascii_string_to_signed (text, 10, G_MININT, G_MAXINT, &value, NULL))
    return fallback;

  return (int)value;
}

/* Sets @key to @value. @expected is the value the caller's screen showed
 * (NULL when it showed none): if another desk changed the setting in the
 * meantime, nothing is written and a CONFLICT error says so, rather than
 * overwriting their change unseen. */
gboolean
sila_store_set_setting (SilaStore        *self,
                        const SilaActor  *actor,
                        const char       *key,
                        const char       *expected,
                        const char       *value,
                        GError          **error)
{
  g_autoptr(SilaTransaction) tx = NULL;
  g_autoptr(SilaStatement) stmt = NULL;
  g_autofree char *current = NULL;
  g_autofree char *normalized = NULL;
  g_autofree char *now = NULL;

  g_return_val_if_fail (SILA_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL && value != NULL, FALSE);

  if (!sila_store_require (self, actor, SILA_PERM_SETTINGS_EDIT, error))
    return FALSE;

  normalized = sila_policy_normalize_setting (key, value, error);
  if (normalized == NULL)
    return FALSE;

  tx = sila_transaction_begin (self, error);
  if (tx == NULL || !read_setting (self, key, &current, error))
    return FALSE;

  if (g_strcmp0 (current, expected) != 0 && g_strcmp0 (current, normalized) != 0)
    {
      g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_CONFLICT,
                   _("Someone else changed this setting in the meantime; it now reads "
                     "“%s”. Nothing was saved."),
                   current != NULL ? current : "");
      return FALSE;
    }

  if (g_strcmp0 (current, normalized) == 0)
    return sila_transaction_commit (tx, error);

  now = sila_clock_timestamp ();
  stmt = sila_store_prepare (self,
                             "INSERT INTO office_settings (key, value, updated_at, updated_by, "
                             "device_id) VALUES (?1, ?2, ?3, ?4, ?5) "
                             "ON CONFLICT (key) DO UPDATE SET value = excluded.value, "
                             "updated_at = excluded.updated_at, updated_by = excluded.updated_by, "
                             "device_id = excluded.device_id",
                             error);
  if (stmt == NULL)
    return FALSE;

  sila_bind_text (stmt, 1, key);
  sila_bind_text (stmt, 2, normalized);
  sila_bind_text (stmt, 3, now);
  sila_bind_text (stmt, 4, actor->username);
  sila_bind_text (stmt, 5, sila_store_get_device_id (self));
  if (sila_store_step (self, stmt, error) != SILA_STEP_DONE)
    return FALSE;

  {
    g_autofree char *before_json = current != NULL ? setting_json (key, current) : NULL;
    g_autofree char *after_json = setting_json (key, normalized);

    if (!sila_store_audit (self, actor, "update", "office_settings", key, NULL,
                           before_json, after_json, error))
      return FALSE;
  }

  return sila_transaction_commit (tx, error);
}
