/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-store"

#include "sila-config.h"

#include <glib-unix.h>

#include "sila-session.h"

struct _SilaSession
{
  GObject    parent_instance;

  SilaStore *store;
  SilaActor *actor;
  guint      watch_id;
  guint      fd_watch_id;  /* the server's socket, where other desks' news arrive */
  int        watched_fd;
};

G_DEFINE_FINAL_TYPE (SilaSession, sila_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_ACTOR,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void watch_change_fd (SilaSession *self);

static gboolean
poll_cb (gpointer user_data)
{
  g_autoptr(SilaSession) self = g_object_ref (user_data);

  if (sila_store_poll_external_change (self->store))
    g_signal_emit (self, signals[CHANGED], 0, NULL);
  /* A handler may have ended the session (and let go of the store). */
  if (self->store == NULL)
    return G_SOURCE_CONTINUE;
  /* A connection made again after the server came back has a new socket. */
  if (sila_store_get_change_fd (self->store) != self->watched_fd)
    watch_change_fd (self);

  return G_SOURCE_CONTINUE;
}

static gboolean
fd_ready_cb (int          fd,
             GIOCondition condition,
             gpointer     user_data)
{
  g_autoptr(SilaSession) self = g_object_ref (user_data);

  /* Reading the news consumes them, so the socket is quiet again. */
  if (sila_store_poll_external_change (self->store))
    g_signal_emit (self, signals[CHANGED], 0, NULL);
  if (self->store == NULL)
    return G_SOURCE_REMOVE;

  if ((condition & (G_IO_HUP | G_IO_ERR | G_IO_NVAL)) != 0 ||
      sila_store_get_change_fd (self->store) != fd)
    {
      self->fd_watch_id = 0;
      self->watched_fd = -1;
      watch_change_fd (self);
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
watch_change_fd (SilaSession *self)
{
  int fd = sila_store_get_change_fd (self->store);

  g_clear_handle_id (&self->fd_watch_id, g_source_remove);
  self->watched_fd = fd;
  if (fd >= 0)
    self->fd_watch_id = g_unix_fd_add (fd, G_IO_IN | G_IO_HUP | G_IO_ERR, fd_ready_cb, self);
}

static void
sila_session_dispose (GObject *object)
{
  SilaSession *self = (SilaSession *)object;

  g_clear_handle_id (&self->watch_id, g_source_remove);
  g_clear_handle_id (&self->fd_watch_id, g_source_remove);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sila_session_parent_class)->dispose (object);
}

static void
sila_session_finalize (GObject *object)
{
  SilaSession *self = (SilaSession *)object;

  g_clear_pointer (&self->actor, sila_actor_free);

  G_OBJECT_CLASS (sila_session_parent_class)->finalize (object);
}

static void
sila_session_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SilaSession *self = SILA_SESSION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_ACTOR:
      g_value_set_boxed (value, self->actor);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sila_session_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  SilaSession *self = SILA_SESSION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_ACTOR:
      sila_session_set_actor (self, g_value_dup_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sila_session_class_init (SilaSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sila_session_dispose;
  object_class->finalize = sila_session_finalize;
  object_class->get_property = sila_session_get_property;
  object_class->set_property = sila_session_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SILA_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTOR] =
    g_param_spec_boxed ("actor", NULL, NULL, SILA_TYPE_ACTOR,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SilaSession::changed:
   * @what: (nullable): what changed ("beneficiary", "request", …), or %NULL
   *   when another connection changed the database and anything may have.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
sila_session_init (SilaSession *self)
{
  self->watched_fd = -1;
}

/* Takes ownership of @actor. */
SilaSession *
sila_session_new (SilaStore *store,
                  SilaActor *actor)
{
  SilaSession *self;

  g_return_val_if_fail (SILA_IS_STORE (store), NULL);
  g_return_val_if_fail (actor != NULL, NULL);

  self = g_object_new (SILA_TYPE_SESSION, "store", store, NULL);
  sila_session_set_actor (self, actor);

  return self;
}

SilaStore *
sila_session_get_store (SilaSession *self)
{
  g_return_val_if_fail (SILA_IS_SESSION (self), NULL);

  return self->store;
}

const SilaActor *
sila_session_get_actor (SilaSession *self)
{
  g_return_val_if_fail (SILA_IS_SESSION (self), NULL);

  return self->actor;
}

/* Takes ownership of @actor (switching user). */
void
sila_session_set_actor (SilaSession *self,
                        SilaActor   *actor)
{
  g_return_if_fail (SILA_IS_SESSION (self));

  if (self->actor == actor)
    return;

  g_clear_pointer (&self->actor, sila_actor_free);
  self->actor = actor;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTOR]);
}

gboolean
sila_session_can (SilaSession    *self,
                  SilaPermission  permission)
{
  g_return_val_if_fail (SILA_IS_SESSION (self), FALSE);

  return self->actor != NULL && sila_actor_can (self->actor, permission);
}

/* Called after this window saved something, so other views refresh now
 * rather than at the next poll. */
void
sila_session_notify_changed (SilaSession *self,
                             const char  *what)
{
  g_return_if_fail (SILA_IS_SESSION (self));

  g_signal_emit (self, signals[CHANGED], 0, what);
}

/* Starts watching the database for other desks' commits. */
void
sila_session_watch (SilaSession *self,
                    guint        interval_ms)
{
  g_return_if_fail (SILA_IS_SESSION (self));

  g_clear_handle_id (&self->watch_id, g_source_remove);
  g_clear_handle_id (&self->fd_watch_id, g_source_remove);
  self->watched_fd = -1;
  if (interval_ms == 0)
    return;

  /* On a server, other desks' changes arrive on the connection's socket
   * (LISTEN/NOTIFY) the moment they are committed; the timer then only
   * notices a server that went away and makes the connection again. On a
   * file, the timer is how a change is seen. */
  watch_change_fd (self);
  self->watch_id = g_timeout_add (self->watched_fd >= 0 ? interval_ms * 5 : interval_ms,
                                  poll_cb, self);
}
