/* SPDX-License-Identifier: GPL-3.0-or-later */
/* No compiled schema: what sila-schema-gen links, since it is the program
 * that computes the table (the schema check then runs the migrations). */
#define G_LOG_DOMAIN "sila-store"

#include "sila-config.h"

#include "sila-sqlite.h"
#include "sila-store-schema-private.h"

const SilaSchemaRow *
sila_compiled_schema (int   *version,
                      guint *n_rows)
{
  *version = -1;
  *n_rows = 0;
  return NULL;
}

const SilaSchemaColumn *
sila_compiled_columns (guint *n_columns)
{
  *n_columns = 0;
  return NULL;
}

const SilaSchemaColumn *
sila_compiled_unique_keys (guint *n_keys)
{
  *n_keys = 0;
  return NULL;
}

const SilaSchemaColumn *
sila_compiled_indexes (guint *n_indexes)
{
  *n_indexes = 0;
  return NULL;
}
