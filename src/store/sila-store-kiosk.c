/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The kiosk: the PIN that ends kiosk mode, kept only as an Argon2id hash
 * in the office settings, and the audit entries of starting and ending
 * it. */
#define G_LOG_DOMAIN "sila-store"

#include "sila-config.h"

#include <glib/gi18n-lib.h>
#include <sodium.h>
#include <string.h>

#include "sila-clock.h"
#include "sila-store-surveys-private.h"
#include "sila-text.h"
#include "sila-validation.h"

#define KIOSK_PIN_KEY "kiosk_pin_hash"

/* Digits in any script, 4 to 8 of them; NULL if it is not a PIN. */
static char *
normalize_pin (const char *pin)
{
  g_autofree char *ascii = NULL;
  gsize len;

  if (pin == NULL || !g_utf8_validate (pin, -1, NULL))
    return NULL;

  ascii = g_strstrip (sila_text_digits_to_ascii (pin));
  len = strlen (ascii);
  if (len < 4 || len > 8)
    return NULL;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (ascii[i]))
      return NULL;

  return g_steal_pointer (&ascii);
}

/* 0000, 1234, 9876: the first PINs anyone would try. */
static gboolean
pin_is_obvious (const char *pin)
{
  gsize len = strlen (pin);
  gboolean same = TRUE, up = TRUE, down = TRUE;

  for (gsize i = 1; i < len; i++)
    {
      same = same && pin[i] == pin[0];
      up = up && pin[i] == pin[i - 1] + 1;
      down = down && pin[i] == pin[i - 1] - 1;
    }

  return same || up || down;
}

gboolean
sila_store_has_kiosk_pin (SilaStore *self)
{
  g_autofree char *hash = NULL;

  g_return_val_if_fail (SILA_IS_STORE (self), FALSE);

  hash = sila_store_get_setting (self, KIOSK_PIN_KEY, NULL);
  return hash != NULL && *hash != '\0';
}

gboolean
sila_store_set_kiosk_pin (SilaStore        *self,
                          const SilaActor  *actor,
                          const char       *pin,
                          GError          **error)
{
  g_autoptr(SilaTransaction) tx = NULL;
  g_autoptr(SilaStatement) stmt = NULL;
  g_autofree char *clean = NULL;
  g_autofree char *now = NULL;
  char hash[crypto_pwhash_STRBYTES];

  g_return_val_if_fail (SILA_IS_STORE (self), FALSE);

  if (!sila_store_require (self, actor, SILA_PERM_KIOSK_PIN, error))
    return FALSE;

  clean = normalize_pin (pin);
  if (clean == NULL)
    {
      g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                           _("The PIN is 4 to 8 digits."));
      return FALSE;
    }
  if (pin_is_obvious (clean))
    {
      g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                           _("Choose a PIN that is harder to guess than a run or a repeat of "
                             "one digit."));
      sodium_memzero (clean, strlen (clean));
      return FALSE;
    }

  if (!sila_store_ensure_sodium (NULL) ||
      crypto_pwhash_str (hash, clean, strlen (clean), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                         crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    {
      sodium_memzero (clean, strlen (clean));
      g_set_error_literal (error, SILA_STORE_ERROR, SILA_STORE_ERROR_FAILED,
                           _("There was not enough memory to protect the PIN. Nothing was "
                             "saved."));
      return FALSE;
    }
  sodium_memzero (clean, strlen (clean));

  tx = sila_transaction_begin (self, error);
  if (tx == NULL)
    return FALSE;

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

  sila_bind_text (stmt, 1, KIOSK_PIN_KEY);
  sila_bind_text (stmt, 2, hash);
  sila_bind_text (stmt, 3, now);
  sila_bind_text (stmt, 4, actor->username);
  sila_bind_text (stmt, 5, sila_store_get_device_id (self));
  if (sila_store_step (self, stmt, error) != SILA_STEP_DONE)
    return FALSE;

  /* The fact, never the PIN or its hash. */
  if (!sila_store_audit (self, actor, "update", "office_settings", "kiosk_pin",
                         "kiosk PIN changed", NULL, NULL, error))
    return FALSE;

  return sila_transaction_commit (tx, error);
}

gboolean
sila_store_check_kiosk_pin (SilaStore  *self,
                            const char *pin)
{
  g_autofree char *hash = NULL;
  g_autofree char *clean = NULL;
  gboolean ok;

  g_return_val_if_fail (SILA_IS_STORE (self), FALSE);

  hash = sila_store_get_setting (self, KIOSK_PIN_KEY, NULL);
  clean = normalize_pin (pin);
  if (hash == NULL || clean == NULL || !sila_store_ensure_sodium (NULL))
    return FALSE;

  ok = crypto_pwhash_str_verify (hash, clean, strlen (clean)) == 0;
  sodium_memzero (clean, strlen (clean));

  return ok;
}

gboolean
sila_store_audit_kiosk (SilaStore        *self,
                        const SilaActor  *actor,
                        gboolean          started,
                        GError          **error)
{
  g_autoptr(SilaTransaction) tx = NULL;

  g_return_val_if_fail (SILA_IS_STORE (self), FALSE);

  if (!sila_store_require (self, actor, SILA_PERM_SURVEY_TAKE, error))
    return FALSE;

  tx = sila_transaction_begin (self, error);
  if (tx == NULL ||
      !sila_store_audit (self, actor, started ? "kiosk_start" : "kiosk_end", "kiosk", NULL, NULL,
                         NULL, NULL, error))
    return FALSE;

  return sila_transaction_commit (tx, error);
}
