/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Field work (issue 15): the rules of a field kit, its return bundle and
 * their merge, with no database in sight. Which tables travel, provisional
 * numbers and the order in which they become final ones, what a change
 * made in the field means against the office's present value, and the
 * bundle file's envelope. See docs/field-work.md. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SILA_FIELD_ERROR (sila_field_error_quark ())

typedef enum {
  SILA_FIELD_ERROR_NOT_BUNDLE,     /* not a return bundle at all */
  SILA_FIELD_ERROR_TRUNCATED,      /* cut short */
  SILA_FIELD_ERROR_DAMAGED,        /* the checksum or the content does not hold */
  SILA_FIELD_ERROR_FORMAT,         /* a bundle format this version cannot read */
  SILA_FIELD_ERROR_FOREIGN,        /* another office's, or a kit this office never made */
  SILA_FIELD_ERROR_TOO_NEW,        /* made by a newer data format */
  SILA_FIELD_ERROR_ALREADY_MERGED,
  SILA_FIELD_ERROR_UNKNOWN_STAFF,  /* a kit's staff: no active account of that name */
} SilaFieldError;

GQuark sila_field_error_quark (void);

/* The bundle format this version writes and reads. */
#define SILA_FIELD_BUNDLE_FORMAT 1
#define SILA_FIELD_BUNDLE_MAGIC  "SILA-FIELD-BUNDLE\n"

/* Provisional numbers: each kit an office makes gets the next kit number,
 * and its counters start in a range of their own, far above any number an
 * office reaches, so numbers made on two laptops never meet and are seen
 * at once to be provisional. */
#define SILA_FIELD_PROVISIONAL_BASE G_GINT64_CONSTANT (9000000000)
#define SILA_FIELD_KIT_SPAN         G_GINT64_CONSTANT (1000000)

gint64    sila_field_provisional_start   (gint64       kit_seq);
gboolean  sila_field_number_is_provisional (gint64     number);
/* The same for a request number ("1447-9001000003"). */
gboolean  sila_field_request_number_is_provisional (const char *number);

/* What a new row counts as in a merge's summary. */
typedef enum {
  SILA_FIELD_COUNT_NONE,
  SILA_FIELD_COUNT_FILES,
  SILA_FIELD_COUNT_REQUESTS,
  SILA_FIELD_COUNT_RESPONSES,
  SILA_FIELD_COUNT_CONTACTS,
  SILA_FIELD_COUNT_FEEDBACK,
} SilaFieldCount;

/* How a number column of a travelling table is made final at merge. */
typedef enum {
  SILA_FIELD_NUMBER_NONE,
  SILA_FIELD_NUMBER_FILE,        /* beneficiaries.file_number */
  SILA_FIELD_NUMBER_SEQ,         /* a plain serial from a counter */
  SILA_FIELD_NUMBER_REQUEST,     /* requests.number: "YEAR-SERIAL", per Hijri year */
} SilaFieldNumberKind;

typedef struct {
  const char          *column;
  SilaFieldNumberKind  kind;
  const char          *counter;  /* the office counter; for REQUEST its prefix */
} SilaFieldNumber;

typedef struct {
  const char      *name;
  SilaFieldCount   count;
  SilaFieldNumber  numbers[2];
  const char      *parent_column;  /* the file a row belongs to (duplicates follow it) */
} SilaFieldTable;

/* The tables that travel, parents before children: a merge inserts in
 * this order and deletes in the reverse one. Nothing else ever travels:
 * not counters, settings, staff, drafts, the search index, the survey
 * statistics triggers keep, nor the audit trail. */
const SilaFieldTable *sila_field_tables          (guint       *n_tables);
const SilaFieldTable *sila_field_table_lookup    (const char  *name);
/* Columns every edit touches (rev, updated_at, updated_by, device_id):
 * they never make a conflict; the merge sets them itself. */
gboolean              sila_field_column_is_bookkeeping (const char *column);

/* The stable order in which new rows get their final numbers: when made,
 * then the laptop, then the row's key. */
typedef struct {
  const char *made_at;
  const char *laptop;
  const char *key;
} SilaFieldOrder;

int       sila_field_order_compare      (const SilaFieldOrder *a,
                                         const SilaFieldOrder *b);

/* What to do with one column changed in the field. Values are encoded
 * (sila_field_value_encode) so that equal values compare equal. */
typedef enum {
  SILA_FIELD_SAME,             /* the office holds the field's value already */
  SILA_FIELD_APPLY,            /* only the field changed it */
  SILA_FIELD_KEEP_OFFICE,      /* both changed it: the office stands, listed */
  SILA_FIELD_LATER_FIELD,      /* two laptops: this one's is later, it wins; the other listed */
  SILA_FIELD_LATER_OFFICE,     /* two laptops: the merged one is later; this one listed */
} SilaFieldOutcome;

/* @base: the value when the kit was made; @field: the laptop's;
 * @office: the office's now. @office_merged_at is the time of the change
 * that put @office there if another laptop's merge did (and nothing
 * changed it since), else NULL; @field_changed_at the time of the field's
 * change. */
SilaFieldOutcome sila_field_resolve     (const char  *base,
                                         const char  *field,
                                         const char  *office,
                                         const char  *office_merged_at,
                                         const char  *field_changed_at);

/* Two live files with one national ID: which one stays the primary file
 * (TRUE: @existing). An office file always stays; between two files from
 * the field, the one made first. */
gboolean  sila_field_existing_stays     (gboolean              existing_from_field,
                                         const SilaFieldOrder *existing,
                                         const SilaFieldOrder *incoming);

/* A value as the merge compares and lists it: "n" for NULL, "i:42",
 * "f:1.5", "t:text", "b:hex". */
typedef enum {
  SILA_FIELD_VALUE_NULL,
  SILA_FIELD_VALUE_INT,
  SILA_FIELD_VALUE_FLOAT,
  SILA_FIELD_VALUE_TEXT,
  SILA_FIELD_VALUE_BLOB,
} SilaFieldValueType;

typedef struct {
  SilaFieldValueType type;
  gint64             i;
  double             f;
  GBytes            *data;   /* TEXT (without its NUL) and BLOB */
} SilaFieldValue;

void      sila_field_value_clear        (SilaFieldValue        *value);
void      sila_field_value_copy         (SilaFieldValue        *dest,
                                         const SilaFieldValue  *src);
char     *sila_field_value_encode       (const SilaFieldValue  *value);
/* The text of a TEXT value (a copy), NULL otherwise. */
char     *sila_field_value_dup_text     (const SilaFieldValue  *value);
/* What a person reads: the text, the number, "" for NULL. */
char     *sila_field_value_display      (const char            *encoded);

/* The header of a return bundle. */
typedef struct {
  gint64     format;
  char      *office_id;
  char      *kit_id;
  char      *device_id;     /* the laptop */
  char      *event;
  gint64     schema_version;
  char      *made_at;
  char      *changeset_sha256;
  gint64     changeset_size;
  char      *tables_json;   /* {"table": ["col", …], …} */
  char      *audit_json;    /* the laptop's audit entries, an array */
  gint64     audit_upto;    /* the last of them */
} SilaFieldHeader;

void             sila_field_header_free  (SilaFieldHeader *header);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SilaFieldHeader, sila_field_header_free)

char            *sila_field_header_to_json (const SilaFieldHeader *header);
SilaFieldHeader *sila_field_header_parse   (const char            *json,
                                            GError               **error);
/* Whether a bundle with @header may be merged into the office @office_id
 * at data format @office_version. */
gboolean         sila_field_header_check   (const SilaFieldHeader *header,
                                            const char            *office_id,
                                            gint64                 office_version,
                                            GError               **error);

/* The bundle file: the magic line, the header as one line of JSON, the
 * changeset, and a trailer with the SHA-256 of all before it. */
GBytes          *sila_field_bundle_compose (const SilaFieldHeader *header,
                                            GBytes                *changeset);
/* Reads a bundle's envelope: checks the magic, the trailer and its
 * checksum, the header and the changeset's own size and checksum. */
SilaFieldHeader *sila_field_bundle_parse   (GBytes                *bundle,
                                            GBytes               **changeset,
                                            GError               **error);

G_END_DECLS
