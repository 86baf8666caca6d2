/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sila-library.h"
#include "sila-store.h"

G_BEGIN_DECLS

typedef struct {
  SilaLibraryDocument  document;
  char                *filename;   /* NULL when none was added yet */
  char                *mime_type;
  gint64               size;
  char                *updated_at;
  char                *updated_by;
  char                *updated_by_name;  /* the staff member's name, NULL if unknown */
} SilaLibraryEntry;

void       sila_library_entry_free      (SilaLibraryEntry     *entry);
GPtrArray *sila_store_library_list      (SilaStore            *self,
                                         GError              **error);
GBytes    *sila_store_library_get       (SilaStore            *self,
                                         SilaLibraryDocument   document,
                                         char                **mime_type,
                                         GError              **error);
gboolean   sila_store_library_replace   (SilaStore            *self,
                                         const SilaActor      *actor,
                                         SilaLibraryDocument   document,
                                         const char           *filename,
                                         GBytes               *content,
                                         GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SilaLibraryEntry, sila_library_entry_free)

G_END_DECLS
