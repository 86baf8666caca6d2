/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The PostgreSQL driver of the store's seam (sila-db.h), through libpq.
 * Included by src/store/postgres/, by the store's opening and by tests;
 * it names no libpq type, so that its users need not see <libpq-fe.h>. */
#pragma once

#include "sila-db.h"

G_BEGIN_DECLS

/* The driver's name in SilaDbDriver.name. */
#define SILA_PG_DRIVER_NAME "postgresql"

/* Why a connection could not be made. */
typedef enum {
  SILA_PG_CONNECT_OK,
  SILA_PG_CONNECT_UNREACHABLE,      /* no server there, or it did not answer */
  SILA_PG_CONNECT_NEEDS_PASSWORD,   /* a password is asked and none was given */
  SILA_PG_CONNECT_BAD_PASSWORD,     /* the password given was refused */
  SILA_PG_CONNECT_REFUSED,          /* anything else the server said no to */
  SILA_PG_CONNECT_NO_LIBRARY,       /* libpq could not be loaded; @detail says so */
} SilaPgConnectFailure;

/* Connects to the server @conninfo names (a URI or a keyword string); the
 * connection listens for other desks' changes. On failure returns NULL,
 * with why in @failure and libpq's first line of text in @detail. */
SilaDb     *sila_pg_connect             (const char            *conninfo,
                                         gboolean               read_only,
                                         SilaPgConnectFailure  *failure,
                                         char                 **detail);
/* The same, with @password (the window's, from the keyring) rather than
 * libpq's own ~/.pgpass or service file; NULL is none. */
SilaDb     *sila_pg_connect_with_password (const char          *conninfo,
                                           const char          *password,
                                           gboolean             read_only,
                                           SilaPgConnectFailure *failure,
                                           char               **detail);
/* The options @db's connection was made with, its password included
 * (copies, for sila_pg_connect_again); FALSE if they are not known. */
gboolean    sila_pg_dup_options         (SilaDb                *db,
                                         GStrv                 *keywords,
                                         GStrv                 *values);
/* Another connection made with those options; any thread may call it. */
SilaDb     *sila_pg_connect_again       (const char * const    *keywords,
                                         const char * const    *values,
                                         gboolean               read_only,
                                         SilaPgConnectFailure  *failure,
                                         char                 **detail);
gboolean    sila_pg_is_connection       (SilaDb                *db);
/* How long a statement waits for another desk's lock before it is BUSY. */
gboolean    sila_pg_set_lock_timeout    (SilaDb                *db,
                                         int                    milliseconds);
/* @conninfo without any password, to show and to keep. */
char       *sila_pg_conninfo_shown      (const char            *conninfo);

/* The key of the transaction-level advisory lock that serializes writers. */
#define SILA_PG_WRITE_LOCK 0x53494C41

G_END_DECLS
