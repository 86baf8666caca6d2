/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "sila-roles.h"
#include "sila-types.h"

G_BEGIN_DECLS

#define SILA_TYPE_ACTOR (sila_actor_get_type ())

/* Who is acting: every write to the store carries one. A fresh database with
 * no staff accounts acts as its owner, who holds every role. */
struct _SilaActor
{
  char     *id;           /* staff UUID; NULL for the owner of a fresh database */
  char     *username;
  char     *display_name;
  SilaRole  roles;
};

GType      sila_actor_get_type  (void) G_GNUC_CONST;
SilaActor *sila_actor_new       (const char *id,
                                 const char *username,
                                 const char *display_name,
                                 SilaRole    roles);
SilaActor *sila_actor_new_owner (void);
SilaActor *sila_actor_copy      (const SilaActor *self);
void       sila_actor_free      (SilaActor       *self);
gboolean   sila_actor_is_owner  (const SilaActor *self);
gboolean   sila_actor_can       (const SilaActor *self,
                                 SilaPermission   permission);
gboolean   sila_actor_has_role  (const SilaActor *self,
                                 SilaRole         role);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SilaActor, sila_actor_free)

G_END_DECLS
