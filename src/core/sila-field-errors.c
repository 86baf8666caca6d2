/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-core"

#include "sila-config.h"

#include "sila-field-errors.h"

struct _SilaFieldErrors
{
  GPtrArray  *fields;  /* char *, NULL-terminated */
  GHashTable *errors;  /* field → GError */
};

SilaFieldErrors *
sila_field_errors_new (void)
{
  SilaFieldErrors *self = g_new0 (SilaFieldErrors, 1);

  self->fields = g_ptr_array_new_null_terminated (4, g_free, TRUE);
  self->errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify)g_error_free);
  return self;
}

void
sila_field_errors_free (SilaFieldErrors *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->fields);
  g_hash_table_unref (self->errors);
  g_free (self);
}

void
sila_field_errors_take (SilaFieldErrors *self,
                        const char      *field,
                        GError         **error)
{
  GError *taken;

  g_return_if_fail (self != NULL);
  g_return_if_fail (field != NULL);
  g_return_if_fail (error != NULL && *error != NULL);

  taken = g_steal_pointer (error);
  if (g_hash_table_contains (self->errors, field))
    {
      g_error_free (taken);
      return;
    }

  g_ptr_array_add (self->fields, g_strdup (field));
  g_hash_table_insert (self->errors, g_strdup (field), taken);
}

void
sila_field_errors_add (SilaFieldErrors *self,
                       const char      *field,
                       GQuark           domain,
                       int              code,
                       const char      *message)
{
  GError *error = g_error_new_literal (domain, code, message);

  sila_field_errors_take (self, field, &error);
}

guint
sila_field_errors_count (SilaFieldErrors *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->fields->len;
}

gboolean
sila_field_errors_is_empty (SilaFieldErrors *self)
{
  return self == NULL || self->fields->len == 0;
}

const GError *
sila_field_errors_get (SilaFieldErrors *self,
                       const char      *field)
{
  g_return_val_if_fail (self != NULL, NULL);

  return field != NULL ? g_hash_table_lookup (self->errors, field) : NULL;
}

const char * const *
sila_field_errors_get_fields (SilaFieldErrors *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return (const char * const *)self->fields->pdata;
}

const char *
sila_field_errors_first (SilaFieldErrors  *self,
                         const GError    **error)
{
  const char *field;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->fields->len == 0)
    {
      if (error != NULL)
        *error = NULL;
      return NULL;
    }

  field = g_ptr_array_index (self->fields, 0);
  if (error != NULL)
    *error = g_hash_table_lookup (self->errors, field);
  return field;
}
