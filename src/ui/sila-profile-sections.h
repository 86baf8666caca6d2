/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "sila-beneficiary.h"
#include "sila-session.h"

G_BEGIN_DECLS

/* The places on a beneficiary's profile that later parts of the product
 * fill: support requests, contacts and inquiries, surveys. Each shows an
 * honest empty line until its issue gives it a build function, which
 * returns the widget to show for @file (and may return NULL for "none"). */
typedef struct {
  const char  *id;
  const char  *title;       /* translatable (N_) */
  const char  *empty_text;  /* translatable (N_) */
  GtkWidget *(*build) (SilaSession           *session,
                       const SilaBeneficiary *file);
} SilaProfileSection;

const SilaProfileSection *sila_profile_sections_get (guint *n_sections);

G_END_DECLS
