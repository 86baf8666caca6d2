/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Where an office's database server is, as a desk's administrator types it
 * in "Open Office Server…": checked field by field, and turned into the
 * libpq keyword string the store opens. The password is never part of it:
 * it travels separately (from the desktop's keyring, or libpq's own
 * ~/.pgpass and service files). */
#pragma once

#include <glib.h>

#include "sila-field-errors.h"

G_BEGIN_DECLS

#define SILA_SERVER_DEFAULT_PORT 5432

typedef struct
{
  char  *host;      /* a host name, an address, or a socket folder (/…) */
  guint  port;
  char  *database;
  char  *user;
} SilaServerAddress;

/* The fields as typed (port may be empty: 5432; digits in any script).
 * NULL with each refusal in @errors under "host", "port", "database" and
 * "user". */
SilaServerAddress *sila_server_address_parse        (const char        *host,
                                                     const char        *port,
                                                     const char        *database,
                                                     const char        *user,
                                                     SilaFieldErrors   *errors);
/* "host='…' port=… dbname='…' user='…'", values quoted as libpq reads them. */
char              *sila_server_address_to_conninfo  (const SilaServerAddress *self);
/* Reads back what _to_conninfo() wrote (to fill the form with the last
 * server); NULL for anything else. */
SilaServerAddress *sila_server_address_from_conninfo (const char       *conninfo);
/* What the window shows: "user@host:port/database". */
char              *sila_server_address_describe     (const SilaServerAddress *self);
void               sila_server_address_free         (SilaServerAddress *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SilaServerAddress, sila_server_address_free)

G_END_DECLS
