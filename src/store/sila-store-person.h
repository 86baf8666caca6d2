/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A person's rights under the PDPL: everything held about one beneficiary,
 * for them (the access right); and the retention rule: files closed longer
 * than the office's retention period lose what identifies the person,
 * while the figures the reports count stay as they were. */
#pragma once

#include <json-glib/json-glib.h>

#include "sila-store.h"

G_BEGIN_DECLS

/* What replaces personal text in the audit trail once a file is
 * anonymized; the only change the trail accepts. */
#define SILA_AUDIT_REDACTED "{\"redacted\":\"retention\"}"

JsonNode *sila_store_collect_person_data   (SilaStore        *self,
                                            const SilaActor  *actor,
                                            gint64            file_number,
                                            GError          **error);

GArray   *sila_store_list_expired_files    (SilaStore        *self,
                                            const SilaActor  *actor,
                                            GError          **error);
gboolean  sila_store_anonymize_files       (SilaStore        *self,
                                            const SilaActor  *actor,
                                            GArray           *file_numbers,
                                            GError          **error);

G_END_DECLS
