/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Loading libpq when a server is first used (see sila-pq.h). */
#define G_LOG_DOMAIN "sila-store"
#define SILA_PQ_NO_NAMES

#include "sila-config.h"

#include <glib/gi18n-lib.h>
#include <gmodule.h>

#include "sila-pq.h"
#include "sila-store.h"

/* libpq's soname has been 5 since PostgreSQL 8.0. */
#define LIBPQ_FILE "libpq.so.5"

SilaPq sila_pq;

static char *load_failure;   /* why it could not be loaded, once tried */

static gpointer
load_once (gpointer data)
{
  const char *file = g_getenv ("SILA_LIBPQ");
  GModule *module;
  SilaPq table = { 0 };

  if (file == NULL || *file == '\0')
    file = LIBPQ_FILE;
  /* Local: its names stay out of the way of everything else loaded. */
  module = g_module_open (file, G_MODULE_BIND_LOCAL);
  if (module == NULL)
    {
      load_failure = g_strdup (g_module_error ());
      return NULL;
    }

#define SILA_PQ_LOOK_UP(name) \
  if (load_failure == NULL && !g_module_symbol (module, #name, (gpointer *)&table.name)) \
    load_failure = g_strdup (g_module_error ());
  SILA_PQ_FUNCTIONS (SILA_PQ_LOOK_UP)
#undef SILA_PQ_LOOK_UP

  if (load_failure != NULL)
    {
      g_module_close (module);
      return NULL;
    }
  /* It stays loaded for the life of the process. */
  g_module_make_resident (module);
  sila_pq = table;
  return GINT_TO_POINTER (TRUE);
}

gboolean
sila_pq_load (GError **error)
{
  static GOnce once = G_ONCE_INIT;

  if (g_once (&once, load_once, NULL) != NULL)
    return TRUE;

  g_set_error (error, SILA_STORE_ERROR, SILA_STORE_ERROR_CANNOT_OPEN,
               _("The PostgreSQL client library could not be loaded, so no office server can "
                 "be used (%s). Install the package libpq5, or work on a database file."),
               load_failure);
  return FALSE;
}
