/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The audit trail's hash chain, computed the same way when an entry is
 * written and when the trail is checked. Each field is written with its
 * length (or as absent), so that no two different entries give the same
 * bytes to hash. */
#define G_LOG_DOMAIN "sila-core"

#include "sila-config.h"

#include <string.h>

#include "sila-audit-chain.h"

#define CHAIN_VERSION "sila-audit-chain-1"

static void
add_field (GChecksum  *sum,
           const char *value)
{
  char prefix[32];

  if (value == NULL)
    {
      g_checksum_update (sum, (const guchar *)"-;", 2);
      return;
    }

  g_snprintf (prefix, sizeof prefix, "%zu:", strlen (value));
  g_checksum_update (sum, (const guchar *)prefix, -1);
  g_checksum_update (sum, (const guchar *)value, strlen (value));
  g_checksum_update (sum, (const guchar *)";", 1);
}

/* What the retention redaction may replace (summary, before and after
 * copies) is hashed apart: the link covers this hash, so a redacted entry
 * still links, and the check tells a redaction from a forgery. */
char *
sila_audit_chain_body_hash (const char *summary,
                            const char *before_json,
                            const char *after_json)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);

  add_field (sum, CHAIN_VERSION "-body");
  add_field (sum, summary);
  add_field (sum, before_json);
  add_field (sum, after_json);
  return g_strdup (g_checksum_get_string (sum));
}

/* The link of one entry, after the entry whose link is @previous (NULL for
 * the first entry of the trail). */
char *
sila_audit_chain_link (const char                *previous,
                       const SilaAuditLinkFields *fields)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);

  g_return_val_if_fail (fields != NULL, NULL);

  add_field (sum, CHAIN_VERSION);
  add_field (sum, previous);
  add_field (sum, fields->id);
  add_field (sum, fields->at);
  add_field (sum, fields->actor_id);
  add_field (sum, fields->actor_name);
  add_field (sum, fields->device_id);
  add_field (sum, fields->action);
  add_field (sum, fields->entity);
  add_field (sum, fields->entity_id);
  add_field (sum, fields->body_hash);
  return g_strdup (g_checksum_get_string (sum));
}
