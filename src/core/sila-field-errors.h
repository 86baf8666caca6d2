/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The refusals of one form or one imported row, field by field, so that
 * each message can be shown beside its own field. A field is named by its
 * key ("id_number", "members.2.birth_date", "incomes.0.amount"). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _SilaFieldErrors SilaFieldErrors;

SilaFieldErrors *sila_field_errors_new       (void);
void             sila_field_errors_free      (SilaFieldErrors *self);

/* Takes the error @error points to and leaves NULL there, so that the
 * caller's variable is ready for the next check (and a refusal can never be
 * stored or freed twice). A second error for a field already refused is
 * dropped: the first problem is the one to fix first. */
void             sila_field_errors_take      (SilaFieldErrors *self,
                                              const char      *field,
                                              GError         **error);
/* Like _take() for a message that is not a GError yet. */
void             sila_field_errors_add       (SilaFieldErrors *self,
                                              const char      *field,
                                              GQuark           domain,
                                              int              code,
                                              const char      *message);

guint            sila_field_errors_count     (SilaFieldErrors *self);
gboolean         sila_field_errors_is_empty  (SilaFieldErrors *self);
const GError    *sila_field_errors_get       (SilaFieldErrors *self,
                                              const char      *field);
/* The fields refused, in the order they were refused; NULL-terminated,
 * owned by @self. */
const char * const *sila_field_errors_get_fields (SilaFieldErrors *self);
/* The first field refused and its error, or NULL. */
const char      *sila_field_errors_first     (SilaFieldErrors *self,
                                              const GError   **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SilaFieldErrors, sila_field_errors_free)

G_END_DECLS
