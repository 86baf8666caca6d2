/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Refusals of values typed or imported. The message is in the UI language
 * and names the problem plainly; the caller shows it beside the field. */
#define SILA_VALIDATION_ERROR (sila_validation_error_quark ())

typedef enum {
  SILA_VALIDATION_ERROR_REQUIRED,
  SILA_VALIDATION_ERROR_INVALID,
  SILA_VALIDATION_ERROR_OUT_OF_RANGE,
  SILA_VALIDATION_ERROR_TOO_LONG,
} SilaValidationError;

GQuark sila_validation_error_quark (void);

G_END_DECLS
