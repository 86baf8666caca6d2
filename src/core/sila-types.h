/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Forward declarations, so that headers need not include each other. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _SilaActor SilaActor;
typedef struct _SilaStore SilaStore;

G_END_DECLS
