/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "sila-document.h"

G_BEGIN_DECLS

SilaDocument *sila_person_report_new (JsonNode  *data,
                                      GPtrArray *segments);

G_END_DECLS
