/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *sila_text_digits_to_ascii (const char  *text);
gboolean  sila_text_has_hidden_controls (const char *text);
char     *sila_text_clean_line      (const char  *text,
                                     guint        max_chars,
                                     gboolean     required,
                                     GError     **error);
gboolean  sila_text_clean_names     (const char  *name_ar,
                                     const char  *name_en,
                                     guint        max_chars,
                                     char       **clean_ar,
                                     char       **clean_en,
                                     GError     **error);
gboolean  sila_text_parse_int       (const char  *text,
                                     gint64       min,
                                     gint64       max,
                                     gint64      *value,
                                     GError     **error);

G_END_DECLS
