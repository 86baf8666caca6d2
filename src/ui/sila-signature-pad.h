/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Where the applicant signs with a mouse, a touchpad or a stylus. The
 * strokes are kept as vectors (sila-signature.h); the pad keeps the
 * printed form's shape (SILA_SIGNATURE_ASPECT). */
#define SILA_TYPE_SIGNATURE_PAD (sila_signature_pad_get_type ())
G_DECLARE_FINAL_TYPE (SilaSignaturePad, sila_signature_pad, SILA, SIGNATURE_PAD, GtkWidget)

GtkWidget *sila_signature_pad_new       (void);
void       sila_signature_pad_clear     (SilaSignaturePad *self);
gboolean   sila_signature_pad_is_empty  (SilaSignaturePad *self);
/* The strokes as stored text, or NULL when nothing was drawn. */
char      *sila_signature_pad_get_text  (SilaSignaturePad *self);
/* Shows stored strokes; FALSE if @text is not a signature. */
gboolean   sila_signature_pad_set_text  (SilaSignaturePad *self,
                                         const char       *text);
/* For tests: a stroke through @points (n pairs of 0…1 coordinates), as
 * a drag on the pad would draw it. */
void       sila_signature_pad_add_stroke (SilaSignaturePad *self,
                                          const double     *points,
                                          guint             n);

G_END_DECLS
