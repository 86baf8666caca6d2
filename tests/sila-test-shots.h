/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the README's screenshot programs share (sila-screenshots.c,
 * sila-request-screenshots.c): letting a window settle, drawing it into a
 * PNG, and sample staff with real (not test-cheap) passwords. */
#pragma once

#include <gtk/gtk.h>

#include "sila-store-staff.h"

G_BEGIN_DECLS

void       sila_test_settle           (GtkWidget       *widget);
void       sila_test_shoot            (GtkWidget       *window,
                                       const char      *out_dir,
                                       const char      *name,
                                       const char      *lang);
SilaActor *sila_test_add_sample_staff (SilaStore       *store,
                                       const SilaActor *admin,
                                       const char      *username,
                                       const char      *name,
                                       SilaRole         roles);

G_END_DECLS
