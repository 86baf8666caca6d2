/* SPDX-License-Identifier: GPL-3.0-or-later */
/* No compiled schema: what sila-schema-gen links, since it is the program
 * that computes the table (the schema check then runs the migrations). */
#define G_LOG_DOMAIN "sila-store"

#include "sila-config.h"

#include "sila-sqlite.h"

const SilaSchemaRow *
sila_compiled_schema (int   *version,
                      guint *n_rows)
{
  *version = -1;
  *n_rows = 0;
  return NULL;
}
