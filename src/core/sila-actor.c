/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-core"

#include "sila-config.h"

#include <glib/gi18n-lib.h>

#include "sila-actor.h"

G_DEFINE_BOXED_TYPE (SilaActor, sila_actor, sila_actor_copy, sila_actor_free)

SilaActor *
sila_actor_new (const char *id,
                const char *username,
                const char *display_name,
                SilaRole    roles)
{
  SilaActor *self = g_new0 (SilaActor, 1);

  self->id = g_strdup (id);
  self->username = g_strdup (username);
  self->display_name = g_strdup (display_name != NULL ? display_name : username);
  self->roles = roles;

  return self;
}

SilaActor *
sila_actor_new_owner (void)
{
  /* The name is stored in the audit trail, so it is a fixed code, not a
   * translated string; the UI translates it when showing it. */
  return sila_actor_new (NULL, "owner", "owner", SILA_ROLE_ALL);
}

SilaActor *
sila_actor_copy (const SilaActor *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return sila_actor_new (self->id, self->username, self->display_name, self->roles);
}

void
sila_actor_free (SilaActor *self)
{
  if (self == NULL)
    return;

  g_free (self->id);
  g_free (self->username);
  g_free (self->display_name);
  g_free (self);
}

gboolean
sila_actor_is_owner (const SilaActor *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->id == NULL;
}

gboolean
sila_actor_can (const SilaActor *self,
                SilaPermission   permission)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return sila_roles_permit (self->roles, permission);
}

gboolean
sila_actor_has_role (const SilaActor *self,
                     SilaRole         role)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return (self->roles & role) == role;
}
