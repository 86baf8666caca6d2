/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libpq, loaded the first time a server is used rather than linked: its
 * library and what it pulls in (OpenSSL, Kerberos, LDAP, GnuTLS…) would
 * otherwise be mapped and relocated at every start, on a laptop's own
 * SQLite file too. The driver's files include this header instead of
 * <libpq-fe.h>: each PQ… name they call is the function of the same name
 * in the table below, filled by sila_pq_load(). Every way into the driver
 * (connecting, reading a connection string) calls sila_pq_load() first.
 * Only src/store/postgres/ includes it. */
#pragma once

#include <glib.h>
#include <libpq-fe.h>

G_BEGIN_DECLS

/* The libpq functions the driver calls. */
#define SILA_PQ_FUNCTIONS(F) \
  F (PQbackendPID) F (PQclear) F (PQcmdStatus) F (PQcmdTuples) F (PQconnectdb) \
  F (PQconnectdbParams) F (PQconnectionNeedsPassword) F (PQconnectionUsedPassword) \
  F (PQconninfo) F (PQconninfoFree) F (PQconninfoParse) F (PQconsumeInput) F (PQdescribePrepared) \
  F (PQenterPipelineMode) F (PQerrorMessage) F (PQexec) F (PQexecParams) \
  F (PQexecPrepared) F (PQexitPipelineMode) F (PQfinish) F (PQfname) F (PQfreemem) \
  F (PQftype) F (PQgetResult) F (PQgetisnull) F (PQgetlength) F (PQgetvalue) \
  F (PQnfields) F (PQnotifies) F (PQntuples) F (PQpipelineSync) F (PQprepare) \
  F (PQreset) F (PQresultErrorField) F (PQresultErrorMessage) F (PQresultStatus) \
  F (PQsendQueryParams) F (PQsendQueryPrepared) F (PQsetNoticeProcessor) F (PQsocket) \
  F (PQstatus) F (PQtransactionStatus) F (PQunescapeBytea)

typedef struct
{
#define SILA_PQ_FIELD(name) __typeof__ (name) *name;
  SILA_PQ_FUNCTIONS (SILA_PQ_FIELD)
#undef SILA_PQ_FIELD
} SilaPq;

/* Filled by sila_pq_load(); NULL pointers until then. */
extern SilaPq sila_pq;

/* Loads libpq once (thread-safe); afterwards it only answers. When the
 * library is missing, says so in plain words (SILA_STORE_ERROR). The file
 * is libpq.so.5, or the one SILA_LIBPQ names (for tests). */
gboolean sila_pq_load (GError **error);

#ifndef SILA_PQ_NO_NAMES
#define PQbackendPID (sila_pq.PQbackendPID)
#define PQclear (sila_pq.PQclear)
#define PQcmdStatus (sila_pq.PQcmdStatus)
#define PQcmdTuples (sila_pq.PQcmdTuples)
#define PQconnectdb (sila_pq.PQconnectdb)
#define PQconnectdbParams (sila_pq.PQconnectdbParams)
#define PQconnectionNeedsPassword (sila_pq.PQconnectionNeedsPassword)
#define PQconnectionUsedPassword (sila_pq.PQconnectionUsedPassword)
#define PQconninfo (sila_pq.PQconninfo)
#define PQconninfoFree (sila_pq.PQconninfoFree)
#define PQconninfoParse (sila_pq.PQconninfoParse)
#define PQconsumeInput (sila_pq.PQconsumeInput)
#define PQdescribePrepared (sila_pq.PQdescribePrepared)
#define PQenterPipelineMode (sila_pq.PQenterPipelineMode)
#define PQerrorMessage (sila_pq.PQerrorMessage)
#define PQexec (sila_pq.PQexec)
#define PQexecParams (sila_pq.PQexecParams)
#define PQexecPrepared (sila_pq.PQexecPrepared)
#define PQexitPipelineMode (sila_pq.PQexitPipelineMode)
#define PQfinish (sila_pq.PQfinish)
#define PQfname (sila_pq.PQfname)
#define PQfreemem (sila_pq.PQfreemem)
#define PQftype (sila_pq.PQftype)
#define PQgetResult (sila_pq.PQgetResult)
#define PQgetisnull (sila_pq.PQgetisnull)
#define PQgetlength (sila_pq.PQgetlength)
#define PQgetvalue (sila_pq.PQgetvalue)
#define PQnfields (sila_pq.PQnfields)
#define PQnotifies (sila_pq.PQnotifies)
#define PQntuples (sila_pq.PQntuples)
#define PQpipelineSync (sila_pq.PQpipelineSync)
#define PQprepare (sila_pq.PQprepare)
#define PQreset (sila_pq.PQreset)
#define PQresultErrorField (sila_pq.PQresultErrorField)
#define PQresultErrorMessage (sila_pq.PQresultErrorMessage)
#define PQresultStatus (sila_pq.PQresultStatus)
#define PQsendQueryParams (sila_pq.PQsendQueryParams)
#define PQsendQueryPrepared (sila_pq.PQsendQueryPrepared)
#define PQsetNoticeProcessor (sila_pq.PQsetNoticeProcessor)
#define PQsocket (sila_pq.PQsocket)
#define PQstatus (sila_pq.PQstatus)
#define PQtransactionStatus (sila_pq.PQtransactionStatus)
#define PQunescapeBytea (sila_pq.PQunescapeBytea)
#endif

G_END_DECLS
