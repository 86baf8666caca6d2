/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "sila-actor.h"
#include "sila-store.h"

G_BEGIN_DECLS

#define SILA_TYPE_SESSION (sila_session_get_type ())
G_DECLARE_FINAL_TYPE (SilaSession, sila_session, SILA, SESSION, GObject)

/* One staff member working on one database: what every page and command
 * is given. It watches the database and emits ::changed when anything was
 * committed, by this window or by another desk, so that views reload. */
SilaSession     *sila_session_new            (SilaStore   *store,
                                              SilaActor   *actor);
SilaStore       *sila_session_get_store      (SilaSession *self);
const SilaActor *sila_session_get_actor      (SilaSession *self);
void             sila_session_set_actor      (SilaSession *self,
                                              SilaActor   *actor);
gboolean         sila_session_can            (SilaSession *self,
                                              SilaPermission permission);
void             sila_session_notify_changed (SilaSession *self,
                                              const char  *what);
void             sila_session_watch          (SilaSession *self,
                                              guint        interval_ms);

G_END_DECLS
