/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A signature drawn on the screen with a mouse, touchpad or stylus, kept
 * as vector strokes so that it prints sharp at any size. Points are
 * normalized to the pad: 0 … 1 across and down.
 *
 * The stored text is "x,y x,y …;x,y …", each coordinate an integer
 * 0 … 10000, strokes separated by ";": compact, exact, and easy to check. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SILA_SIGNATURE_MAX_POINTS 8000

typedef struct {
  double x;
  double y;
} SilaSignaturePoint;

typedef struct _SilaSignature SilaSignature;

SilaSignature *sila_signature_new          (void);
void           sila_signature_free         (SilaSignature *self);
void           sila_signature_begin_stroke (SilaSignature *self);
/* Adds a point to the stroke begun last; FALSE when the signature is full. */
gboolean       sila_signature_add_point    (SilaSignature *self,
                                            double         x,
                                            double         y);
void           sila_signature_clear        (SilaSignature *self);
guint          sila_signature_get_n_strokes (SilaSignature *self);
/* The points of stroke @i; @n_points receives their number. */
const SilaSignaturePoint *sila_signature_get_stroke (SilaSignature *self,
                                                     guint          i,
                                                     guint         *n_points);
/* Too little to be a signature: fewer than a few points in all. */
gboolean       sila_signature_is_empty     (SilaSignature *self);
char          *sila_signature_to_text      (SilaSignature *self);
/* NULL with a SILA_VALIDATION_ERROR when @text is not a signature. */
SilaSignature *sila_signature_from_text    (const char    *text,
                                            GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SilaSignature, sila_signature_free)

G_END_DECLS
