/* SPDX-License-Identifier: GPL-3.0-or-later */
/* PostgreSQL's texts of the SQL that differs between engines (SilaDbSql in
 * sila-db.h), for the driver table's sql member. */
#pragma once

#include "sila-db.h"

G_BEGIN_DECLS

const char *sila_pg_sql (SilaDb    *db,
                         SilaDbSql  which);

G_END_DECLS
