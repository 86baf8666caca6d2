/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Field work (issue 15): making a field kit, writing its return bundle on
 * the laptop, merging bundles at the office, and the review of what they
 * left. See docs/field-work.md. */
#pragma once

#include "sila-field.h"
#include "sila-store.h"

G_BEGIN_DECLS

/* What a merge did, or with dry_run would do. */
typedef struct {
  gint64 files;
  gint64 requests;
  gint64 responses;
  gint64 contacts;
  gint64 feedback;
  gint64 changed;     /* records changed that were there before */
  gint64 conflicts;   /* left for review (field values and deletions) */
  gint64 duplicates;  /* files linked as possible duplicates */
} SilaFieldSummary;

/* Makes the kit @out_path (a SQLite database, mode 0600) for @event, and
 * the untouched copy beside it its bundle is computed against. @districts:
 * the districts whose files go (NULL or empty: none); every other file
 * goes as a lookup entry (number, name, ID). */
gboolean  sila_store_field_make_kit     (SilaStore           *self,
                                         const SilaActor     *actor,
                                         const char          *event,
                                         const char * const  *districts,
                                         gboolean             lookup_only,
                                         const char          *out_path,
                                         GError             **error);
/* The same, carrying only the staff accounts named in @staff (usernames)
 * and @actor's own, so that whoever prepares a kit can sign in on it;
 * NULL @staff: every active account, as sila_store_field_make_kit() does.
 * A name with no active account: SILA_FIELD_ERROR_UNKNOWN_STAFF, and
 * nothing is written. */
gboolean  sila_store_field_make_kit_for (SilaStore           *self,
                                         const SilaActor     *actor,
                                         const char          *event,
                                         const char * const  *districts,
                                         gboolean             lookup_only,
                                         const char * const  *staff,
                                         const char          *out_path,
                                         GError             **error);
/* The accounts a kit can carry (SilaStaff): the active ones. */
GPtrArray *sila_store_field_list_kit_staff (SilaStore        *self,
                                            const SilaActor  *actor,
                                            GError          **error);

/* In a kit with a lookup list: the office's file (not on this laptop)
 * that has @id_number, as its number and name; *@file_number is 0 when
 * there is none (and always at the office). */
gboolean  sila_store_field_find_office_file (SilaStore        *self,
                                             const SilaActor  *actor,
                                             const char       *id_number,
                                             gint64           *file_number,
                                             char            **name,
                                             GError          **error);

/* The untouched copy of the kit @kit_path. */
char     *sila_field_kit_base_path      (const char          *kit_path);

/* The event of the kit @self is, or NULL at the office. */
char     *sila_store_field_get_kit_event (SilaStore          *self);

/* Writes the return bundle of the kit @self into @out_path (0600). */
gboolean  sila_store_field_write_bundle (SilaStore           *self,
                                         const char          *out_path,
                                         GError             **error);

/* Merges the bundles @paths in one transaction, after checking every one
 * of them (SILA_FIELD_ERROR for a bundle that cannot be merged: nothing
 * is then touched). With @dry_run, nothing is kept. */
gboolean  sila_store_field_merge        (SilaStore           *self,
                                         const SilaActor     *actor,
                                         const char * const  *paths,
                                         gboolean             dry_run,
                                         SilaFieldSummary    *summary,
                                         GError             **error);

typedef struct {
  char *id;
  char *kind;          /* both_changed, later_wins, duplicate, deleted */
  char *entity;        /* the table */
  char *entity_id;
  char *column;
  char *base_value;    /* encoded (sila_field_value_encode) */
  char *field_value;
  char *office_value;
  char *other_id;      /* duplicate: the file it may duplicate */
  char *laptop;
  char *created_at;
  char *label;         /* the file number or request number it concerns */
} SilaFieldConflict;

void       sila_field_conflict_free       (SilaFieldConflict *conflict);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SilaFieldConflict, sila_field_conflict_free)

/* What waits for review, oldest first. */
GPtrArray *sila_store_field_list_conflicts (SilaStore        *self,
                                            const SilaActor  *actor,
                                            GError          **error);
/* Settles one: @use_field puts the field's value in (both_changed,
 * later_wins) or, for a duplicate, merges the two files into the primary
 * one (requests, contacts and feedback follow it); FALSE keeps the
 * office's and closes the item. */
gboolean   sila_store_field_resolve        (SilaStore        *self,
                                            const SilaActor  *actor,
                                            const char       *conflict_id,
                                            gboolean          use_field,
                                            GError          **error);

typedef struct {
  char            *merged_at;
  char            *merged_by;
  char            *event;
  char            *laptop;
  char            *officers;
  SilaFieldSummary summary;
} SilaFieldMerge;

void       sila_field_merge_free          (SilaFieldMerge *merge);
/* Past merges, newest first. */
GPtrArray *sila_store_field_list_merges   (SilaStore        *self,
                                           const SilaActor  *actor,
                                           GError          **error);

/* The final number a provisional one became (file or request), or NULL. */
char      *sila_store_field_final_number  (SilaStore        *self,
                                           const char       *provisional,
                                           GError          **error);

G_END_DECLS
