/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One line of a file's history: what a field held before a change and
 * after it, in words for the UI language ("Mobile: 050 123 4567 → …"). */
typedef struct {
  char *key;     /* the field key ("mobile") */
  char *label;   /* its label in the UI language */
  char *before;  /* "" when it was empty */
  char *after;
} SilaFieldChange;

void       sila_field_change_free             (SilaFieldChange *change);

/* The fields that differ between two of the audit trail's JSON snapshots
 * of a file (sila_beneficiary_to_json()), in the order of the form. Either
 * side may be NULL (a new file: every field given; a deleted one).
 * @segments (SilaSegment, may be NULL) names segments. */
GPtrArray *sila_beneficiary_describe_changes  (const char      *before_json,
                                               const char      *after_json,
                                               GPtrArray       *segments);

G_END_DECLS
