/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sila-store.h"

G_BEGIN_DECLS

/* Writes @n_requests support requests over the files already in @store
 * (bench/gen-requests.c says how). */
gboolean bench_generate_requests (SilaStore  *store,
                                  GRand      *rand,
                                  guint       n_requests,
                                  GError    **error);

G_END_DECLS
