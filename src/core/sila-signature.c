/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sila-core"

#include "sila-config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sila-signature.h"
#include "sila-validation.h"

#define SCALE 10000
#define MIN_POINTS 5

struct _SilaSignature
{
  GPtrArray *strokes;  /* GArray of SilaSignaturePoint */
  guint      n_points;
};

SilaSignature *
sila_signature_new (void)
{
  SilaSignature *self = g_new0 (SilaSignature, 1);

  self->strokes = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);
  return self;
}

void
sila_signature_free (SilaSignature *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->strokes);
  g_free (self);
}

void
sila_signature_begin_stroke (SilaSignature *self)
{
  g_ptr_array_add (self->strokes, g_array_new (FALSE, FALSE, sizeof (SilaSignaturePoint)));
}

gboolean
sila_signature_add_point (SilaSignature *self,
                          double         x,
                          double         y)
{
  SilaSignaturePoint point = { CLAMP (x, 0.0, 1.0), CLAMP (y, 0.0, 1.0) };

  if (self->n_points >= SILA_SIGNATURE_MAX_POINTS)
    return FALSE;
  if (self->strokes->len == 0)
    sila_signature_begin_stroke (self);

  g_array_append_val (g_ptr_array_index (self->strokes, self->strokes->len - 1), point);
  self->n_points++;
  return TRUE;
}

void
sila_signature_clear (SilaSignature *self)
{
  g_ptr_array_set_size (self->strokes, 0);
  self->n_points = 0;
}

guint
sila_signature_get_n_strokes (SilaSignature *self)
{
  return self->strokes->len;
}

const SilaSignaturePoint *
sila_signature_get_stroke (SilaSignature *self,
                           guint          i,
                           guint         *n_points)
{
  GArray *stroke;

  g_return_val_if_fail (i < self->strokes->len, NULL);

  stroke = g_ptr_array_index (self->strokes, i);
  *n_points = stroke->len;
  return (const SilaSignaturePoint *)(gpointer)stroke->data;
}

gboolean
sila_signature_is_empty (SilaSignature *self)
{
  return self->n_points < MIN_POINTS;
}

char *
sila_signature_to_text (SilaSignature *self)
{
  GString *text = g_string_new (NULL);

  for (guint s = 0; s < self->strokes->len; s++)
    {
      GArray *stroke = g_ptr_array_index (self->strokes, s);

      if (stroke->len == 0)
        continue;
      if (text->len > 0)
        g_string_append_c (text, ';');
      for (guint i = 0; i < stroke->len; i++)
        {
          const SilaSignaturePoint *p = &g_array_index (stroke, SilaSignaturePoint, i);

          g_string_append_printf (text, "%s%d,%d", i > 0 ? " " : "",
                                  (int)(p->x * SCALE + 0.5), (int)(p->y * SCALE + 0.5));
        }
    }

  return g_string_free (text, FALSE);
}

static gboolean
parse_coordinate (const char *text,
                  double     *value)
{
  guint64 n;

  if (!g_ascii_string_to_unsigned (text, 10, 0, SCALE, &n, NULL))
    return FALSE;
  *value = (double)n / SCALE;
  return TRUE;
}

SilaSignature *
sila_signature_from_text (const char  *text,
                          GError     **error)
{
  g_autoptr(SilaSignature) self = sila_signature_new ();
  g_auto(GStrv) strokes = NULL;

  if (text == NULL || strlen (text) > SILA_SIGNATURE_MAX_POINTS * 12)
    goto bad;

  strokes = g_strsplit (text, ";", -1);
  for (guint s = 0; strokes[s] != NULL; s++)
    {
      g_auto(GStrv) points = g_strsplit (strokes[s], " ", -1);

      sila_signature_begin_stroke (self);
      for (guint i = 0; points[i] != NULL; i++)
        {
          g_auto(GStrv) xy = g_strsplit (points[i], ",", 3);
          double x, y;

          if (g_strv_length (xy) != 2 || !parse_coordinate (xy[0], &x) ||
              !parse_coordinate (xy[1], &y) || !sila_signature_add_point (self, x, y))
            goto bad;
        }
    }

  if (sila_signature_is_empty (self))
    goto bad;

  return g_steal_pointer (&self);

bad:
  g_set_error_literal (error, SILA_VALIDATION_ERROR, SILA_VALIDATION_ERROR_INVALID,
                       _("The signature could not be read: draw it again."));
  return NULL;
}
