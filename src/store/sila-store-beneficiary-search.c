/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Finding files: search as you type (an index of folded tokens: FTS5 on
 * SQLite, a tsvector on PostgreSQL, the texts from the driver), the lazy
 * list's file numbers and pages, duplicates, and the districts in use. */
#define G_LOG_DOMAIN "sila-store"

#include "sila-config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sila-arabic.h"
#include "sila-clock.h"
#include "sila-field.h"
#include "sila-phone.h"
#include "sila-store-beneficiaries-private.h"

/* The row of a list */

struct _SilaBeneficiaryRow
{
  GObject  parent_instance;

  char    *id;
  gint64   file_number;
  char    *name;
  char    *id_number;
  char    *mobile;
  char    *segment;
  char    *district;
  char    *birth_date;
  char    *consent;
  char    *status;
};

G_DEFINE_FINAL_TYPE (SilaBeneficiaryRow, sila_beneficiary_row, G_TYPE_OBJECT)

static void
sila_beneficiary_row_finalize (GObject *object)
{
  SilaBeneficiaryRow *self = (SilaBeneficiaryRow *)object;

  g_free (self->id);
  g_free (self->name);
  g_free (self->id_number);
  g_free (self->mobile);
  g_free (self->segment);
  g_free (self->district);
  g_free (self->birth_date);
  g_free (self->consent);
  g_free (self->status);

  G_OBJECT_CLASS (sila_beneficiary_row_parent_class)->finalize (object);
}

static void
sila_beneficiary_row_class_init (SilaBeneficiaryRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sila_beneficiary_row_finalize;
}

static void
sila_beneficiary_row_init (SilaBeneficiaryRow *self)
{
}

SilaBeneficiaryRow *
sila_beneficiary_row_new_from_stmt (SilaStatement *stmt,
                                    int            c)
{
  SilaBeneficiaryRow *self = g_object_new (SILA_TYPE_BENEFICIARY_ROW, NULL);
  const char *parts[SILA_N_NAME_PARTS + 1] = {
    sila_column_text (stmt, c + 2),
    sila_column_text (stmt, c + 3),
    sila_column_text (stmt, c + 4),
    sila_column_text (stmt, c + 5),
    NULL,
  };

  self->id = sila_column_dup (stmt, c);
  self->file_number = sila_column_int64 (stmt, c + 1);
  self->name = sila_person_name_join (parts);
  self->id_number = sila_column_dup (stmt, c + 6);
  self->mobile = sila_column_dup (stmt, c + 7);
  self->segment = sila_column_dup (stmt, c + 8);
  self->district = sila_column_dup (stmt, c + 9);
  self->birth_date = sila_column_dup (stmt, c + 10);
  self->consent = sila_column_dup (stmt, c + 11);
  self->status = sila_column_dup (stmt, c + 12);
  return self;
}

SilaBeneficiaryRow *
sila_beneficiary_row_new_missing (gint64 file_number)
{
  SilaBeneficiaryRow *self = g_object_new (SILA_TYPE_BENEFICIARY_ROW, NULL);

  self->file_number = file_number;
  self->name = g_strdup ("");
  self->consent = g_strdup ("given");
  self->status = g_strdup ("closed");
  return self;
}

const char *
sila_beneficiary_row_get_id (SilaBeneficiaryRow *self)
{
  g_return_val_if_fail (SILA_IS_BENEFICIARY_ROW (self), NULL);
  return self->id;
}

gint64
sila_beneficiary_row_get_file_number (SilaBeneficiaryRow *self)
{
  g_return_val_if_fail (SILA_IS_BENEFICIARY_ROW (self), 0);
  return self->file_number;
}

const char *
sila_beneficiary_row_get_name (SilaBeneficiaryRow *self)
{
  g_return_val_if_fail (SILA_IS_BENEFICIARY_ROW (self), NULL);
  return self->name;
}

const char *
sila_beneficiary_row_get_id_number (SilaBeneficiaryRow *self)
{
  g_return_val_if_fail (SILA_IS_BENEFICIARY_ROW (self), NULL);
  return self->id_number;
}

const char *
sila_beneficiary_row_get_mobile (SilaBeneficiaryRow *self)
{
  g_return_val_if_fail (SILA_IS_BENEFICIARY_ROW (self), NULL);
  return self->mobile;
}

const char *
sila_beneficiary_row_get_segment (SilaBeneficiaryRow *self)
{
  g_return_val_if_fail (SILA_IS_BENEFICIARY_ROW (self), NULL);
  return self->segment;
}

const char *
sila_beneficiary_row_get_district (SilaBeneficiaryRow *self)
{
  g_return_val_if_fail (SILA_IS_BENEFICIARY_ROW (self), NULL);
  return self->district;
}

const char *
sila_beneficiary_row_get_birth_date (SilaBeneficiaryRow *self)
{
  g_return_val_if_fail (SILA_IS_BENEFICIARY_ROW (self), NULL);
  return self->birth_date;
}

const char *
sila_beneficiary_row_get_consent (SilaBeneficiaryRow *self)
{
  g_return_val_if_fail (SILA_IS_BENEFICIARY_ROW (self), NULL);
  return self->consent;
}

const char *
sila_beneficiary_row_get_status (SilaBeneficiaryRow *self)
{
  g_return_val_if_fail (SILA_IS_BENEFICIARY_ROW (self), NULL);
  return self->status;
}

/* Search tokens */

static void
add_name_tokens (GPtrArray  *tokens,
                 const char *full_name)
{
  g_auto(GStrv) words = sila_arabic_tokenize (full_name);
  static const char *const joined_prefixes[] = { "عبد", "ابو" };

  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *w = words[i];

      g_ptr_array_add (tokens, g_strdup (w));

      for (guint p = 0; p < G_N_ELEMENTS (joined_prefixes); p++)
        {
          const char *prefix = joined_prefixes[p];
          gsize len = strlen (prefix);

          /* "عبد الله" is also found as "عبدالله", and the other way. */
          if (g_str_equal (w, prefix) && words[i + 1] != NULL)
            g_ptr_array_add (tokens, g_strconcat (w, words[i + 1], NULL));
          else if (g_str_has_prefix (w, prefix) && strlen (w) > len + 2)
            {
              g_ptr_array_add (tokens, g_strdup (prefix));
              g_ptr_array_add (tokens, g_strdup (w + len));
            }
        }

      /* "الغامدي" is also found as "غامدي". */
      if (g_str_has_prefix (w, "ال") && g_utf8_strlen (w, -1) > 4)
        g_ptr_array_add (tokens, g_strdup (w + strlen ("ال")));
    }
}

char *
sila_beneficiary_search_tokens (const SilaBeneficiary *file)
{
  g_autoptr(GPtrArray) tokens = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *full = sila_beneficiary_get_full_name (file);

  add_name_tokens (tokens, full);
  if (file->file_number > 0)
    g_ptr_array_add (tokens, g_strdup_printf ("%" G_GINT64_FORMAT, file->file_number));
  if (file->id_number != NULL)
    g_ptr_array_add (tokens, sila_arabic_normalize_tokens (file->id_number));
  if (file->mobile != NULL)
    g_ptr_array_add (tokens, sila_phone_search_key (file->mobile));
  for (guint i = 0; file->alt_phones[i] != NULL; i++)
    g_ptr_array_add (tokens, sila_phone_search_key (file->alt_phones[i]));

  g_ptr_array_add (tokens, NULL);
  return g_strjoinv (" ", (char **)tokens->pdata);
}

/* Writes @file's tokens into the search index; @before (NULL for a new
 * file) is the file as it was indexed, whose tokens are taken out first. */
gboolean
sila_store_index_beneficiary (SilaStore              *self,
                              const SilaBeneficiary  *file,
                              const SilaBeneficiary  *before,
                              GError                **error)
{
  g_autoptr(SilaStatement) stmt = NULL;

  if (before != NULL && !sila_store_unindex_beneficiary (self, before, error))
    return FALSE;
  if (file == NULL)
    return TRUE;

  {
    g_autofree char *tokens = sila_beneficiary_search_tokens (file);

    stmt = sila_store_prepare (self, sila_store_sql (self, SILA_DB_SQL_SEARCH_INSERT), error);
    if (stmt == NULL)
      return FALSE;
    sila_bind_int64 (stmt, 1, file->file_number);
    sila_bind_text (stmt, 2, tokens);
  }
  return sila_store_step (self, stmt, error) == SILA_STEP_DONE;
}

/* SQLite's index is contentless: taking a file out means naming the
 * tokens it was indexed with. */
gboolean
sila_store_unindex_beneficiary (SilaStore              *self,
                                const SilaBeneficiary  *before,
                                GError                **error)
{
  g_autoptr(SilaStatement) stmt = NULL;
  g_autofree char *tokens = sila_beneficiary_search_tokens (before);

  stmt = sila_store_prepare (self, sila_store_sql (self, SILA_DB_SQL_SEARCH_DELETE), error);
  if (stmt == NULL)
    return FALSE;
  sila_bind_int64 (stmt, 1, before->file_number);
  sila_bind_text (stmt, 2, tokens);
  return sila_store_step (self, stmt, error) == SILA_STEP_DONE;
}

static gboolean
all_digits (const char *s)
{
  if (*s == '\0')
    return FALSE;
  for (; *s != '\0'; s++)
    if (!g_ascii_isdigit (*s))
      return FALSE;
  return TRUE;
}

/* How the engine writes a match query (SILA_DB_SQL_MATCH_*). */
typedef struct
{
  const char *quote;
  const char *prefix;
  const char *and;
  const char *or;
} MatchSyntax;

static void
append_prefix (GString           *query,
               const MatchSyntax *syntax,
               const char        *token)
{
  /* Tokens hold only letters, digits and marks; quoted all the same, so
   * that no text can become query syntax. */
  char quote = syntax->quote[0];

  g_string_append_c (query, quote);
  for (const char *p = token; *p != '\0'; p++)
    {
      if (*p == quote)
        g_string_append_c (query, quote);
      g_string_append_c (query, *p);
    }
  g_string_append_c (query, quote);
  g_string_append (query, syntax->prefix);
}

/* A number that may be typed as a phone: its digits as typed, and its
 * phone key ("0551…" and "+966 55…" both give "551…"). */
static void
append_number (GString           *query,
               const MatchSyntax *syntax,
               const char        *digits)
{
  g_autofree char *key = sila_phone_search_key (digits);

  if (*key != '\0' && !g_str_equal (key, digits))
    {
      g_string_append_c (query, '(');
      append_prefix (query, syntax, digits);
      g_string_append (query, syntax->or);
      append_prefix (query, syntax, key);
      g_string_append_c (query, ')');
    }
  else
    append_prefix (query, syntax, digits);
}

char *
sila_store_beneficiary_match_query (SilaStore  *self,
                                    const char *text)
{
  return sila_beneficiary_match_query_in (self->db, text);
}

char *
sila_beneficiary_match_query_in (SilaDb     *db,
                                 const char *text)
{
  g_auto(GStrv) tokens = sila_arabic_tokenize (text != NULL ? text : "");
  g_autoptr(GString) query = g_string_new (NULL);
  gboolean only_digits = tokens[0] != NULL;
  MatchSyntax syntax = {
    sila_db_sql (db, SILA_DB_SQL_MATCH_QUOTE),
    sila_db_sql (db, SILA_DB_SQL_MATCH_PREFIX),
    sila_db_sql (db, SILA_DB_SQL_MATCH_AND),
    sila_db_sql (db, SILA_DB_SQL_MATCH_OR),
  };

  for (guint i = 0; tokens[i] != NULL; i++)
    only_digits &= all_digits (tokens[i]);

  /* "+966 55 123 4567", "1012 345 678": one number typed in groups. */
  if (only_digits)
    {
      g_autofree char *joined = g_strjoinv ("", tokens);

      append_number (query, &syntax, joined);
      return g_string_free (g_steal_pointer (&query), FALSE);
    }

  for (guint i = 0; tokens[i] != NULL; i++)
    {
      if (query->len > 0)
        g_string_append (query, syntax.and);
      if (all_digits (tokens[i]))
        append_number (query, &syntax, tokens[i]);
      else
        append_prefix (query, &syntax, tokens[i]);
    }

  if (query->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&query), FALSE);
}

static gboolean
has_filter (const SilaBeneficiaryFilter *filter)
{
  return filter != NULL && (filter->segment != NULL || filter->district != NULL ||
                            filter->status != NULL || filter->consent_pending);
}

static void
bind_filter (SilaStatement               *stmt,
             const SilaBeneficiaryFilter *filter)
{
  sila_bind_text (stmt, 2, filter != NULL ? filter->segment : NULL);
  sila_bind_text (stmt, 3, filter != NULL ? filter->district : NULL);
  sila_bind_text (stmt, 4, filter != NULL ? filter->status : NULL);
  sila_bind_int (stmt, 5, filter != NULL && filter->consent_pending);
}

/* The CASTs give PostgreSQL the parameters' type. */
#define FILTER_SQL \
  "(CAST (?2 AS TEXT) IS NULL OR b.segment = ?2) AND " \
  "(CAST (?3 AS TEXT) IS NULL OR b.district = ?3) AND " \
  "(CAST (?4 AS TEXT) IS NULL OR b.status = ?4) AND (?5 = 0 OR b.consent = 'pending')"

/* The statement listing the file numbers for @query (NULL: every file). */
static SilaStatement *
prepare_numbers (SilaStore                   *self,
                 const char                  *query,
                 const SilaBeneficiaryFilter *filter,
                 guint                        limit,
                 GError                     **error)
{
  SilaStatement *stmt;
  g_autofree char *filtered = NULL;
  const char *sql;

  /* Newest first, as the list without a search: the same order on every
   * engine. */
  if (query == NULL && !has_filter (filter))
    /* Every live file: the partial index beneficiaries_live covers it. */
    sql = "SELECT file_number FROM beneficiaries WHERE deleted_at IS NULL "
          "ORDER BY file_number DESC LIMIT ?6";
  else if (query == NULL)
    sql = "SELECT b.file_number FROM beneficiaries b WHERE b.deleted_at IS NULL AND "
          FILTER_SQL " ORDER BY b.file_number DESC LIMIT ?6";
  else if (!has_filter (filter))
    /* The index holds live files only: no need to look at the table. */
    sql = sila_store_sql (self, SILA_DB_SQL_SEARCH_NUMBERS);
  else
    sql = filtered = g_strconcat (sila_store_sql (self, SILA_DB_SQL_SEARCH_NUMBERS_FILTERED),
                                  " AND " FILTER_SQL " ORDER BY b.file_number DESC LIMIT ?6",
                                  NULL);

  stmt = sila_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  if (query != NULL)
    sila_bind_text (stmt, 1, query);
  if (has_filter (filter))
    bind_filter (stmt, filter);
  sila_bind_int64 (stmt, 6, limit > 0 ? (gint64)limit : G_MAXINT64);
  return stmt;
}

/* A provisional file number made on a field laptop (people keep receipts
 * with it): the final number it became at the merge, or NULL. */
static char *
final_file_number (SilaStore  *self,
                   const char *text)
{
  g_autoptr(SilaStatement) stmt = NULL;
  g_autofree char *digits = g_strstrip (g_strdup (text));
  char *final = NULL;

  if (!all_digits (digits) ||
      !sila_field_number_is_provisional (g_ascii_strtoll (digits, NULL, 10)))
    return NULL;
  /* A database before field work has no such table: nothing to map. */
  stmt = sila_store_prepare (self,
                             "SELECT final FROM field_numbers "
                             "WHERE kind = 'beneficiaries.file_number' AND provisional = ?1",
                             NULL);
  if (stmt == NULL)
    return NULL;
  sila_bind_text (stmt, 1, digits);
  if (!sila_store_step_text (self, stmt, &final, NULL))
    return NULL;
  return final;
}

static GArray *
list_numbers (SilaStore                   *self,
              const char                  *text,
              const SilaBeneficiaryFilter *filter,
              guint                        limit,
              GError                     **error)
{
  g_autoptr(SilaStatement) stmt = NULL;
  g_autoptr(GArray) numbers = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *final = text != NULL ? final_file_number (self, text) : NULL;
  g_autofree char *query =
    sila_store_beneficiary_match_query (self, final != NULL ? final : text);
  gboolean has_text = text != NULL && *text != '\0';
  SilaStep step;

  /* Text with nothing to search for (punctuation only) finds nothing. */
  if (has_text && query == NULL)
    return g_steal_pointer (&numbers);

  stmt = prepare_numbers (self, query, filter, limit, error);
  if (stmt == NULL)
    return NULL;

  while ((step = sila_store_step (self, stmt, error)) == SILA_STEP_ROW)
    {
      gint64 n = sila_column_int64 (stmt, 0);
      g_array_append_val (numbers, n);
    }
  if (step == SILA_STEP_ERROR)
    return NULL;

  return g_steal_pointer (&numbers);
}

GArray *
sila_store_list_beneficiary_numbers (SilaStore                   *self,
                                     const SilaActor             *actor,
                                     const char                  *text,
                                     const SilaBeneficiaryFilter *filter,
                                     GError                     **error)
{
  g_return_val_if_fail (SILA_IS_STORE (self), NULL);

  if (!sila_store_require (self, actor, SILA_PERM_BENEFICIARY_VIEW, error))
    return NULL;

  return list_numbers (self, text, filter, 0, error);
}

GArray *
sila_store_list_first_beneficiary_numbers (SilaStore                   *self,
                                           const SilaActor             *actor,
                                           const char                  *text,
                                           const SilaBeneficiaryFilter *filter,
                                           guint                        n,
                                           GError                     **error)
{
  g_return_val_if_fail (SILA_IS_STORE (self), NULL);

  if (!sila_store_require (self, actor, SILA_PERM_BENEFICIARY_VIEW, error))
    return NULL;

  return list_numbers (self, text, filter, MAX (n, 1), error);
}

static GPtrArray *
rows_for_numbers (SilaStore     *self,
                  const gint64  *numbers,
                  guint          n,
                  GError       **error)
{
  g_autoptr(SilaStatement) stmt = NULL;
  g_autoptr(GString) json = g_string_new ("[");
  g_autoptr(GHashTable) by_number = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *sql = NULL;
  SilaStep step;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", numbers[i]);
  g_string_append_c (json, ']');

  sql = g_strconcat ("SELECT " SILA_BENEFICIARY_ROW_COLUMNS " FROM beneficiaries "
                     "WHERE file_number IN (", sila_store_sql (self, SILA_DB_SQL_JSON_INTEGERS),
                     ") AND deleted_at IS NULL", NULL);
  stmt = sila_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  sila_bind_text (stmt, 1, json->str);

  by_number = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_object_unref);
  while ((step = sila_store_step (self, stmt, error)) == SILA_STEP_ROW)
    {
      SilaBeneficiaryRow *row = sila_beneficiary_row_new_from_stmt (stmt, 0);
      gint64 *key = g_new (gint64, 1);

      *key = sila_beneficiary_row_get_file_number (row);
      g_object_set_data_full (G_OBJECT (row), "sila-key", key, g_free);
      g_hash_table_insert (by_number, key, row);
    }
  if (step == SILA_STEP_ERROR)
    return NULL;

  /* In the order asked for; a file deleted meanwhile is left out. */
  rows = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      SilaBeneficiaryRow *row = g_hash_table_lookup (by_number, &numbers[i]);

      if (row != NULL)
        g_ptr_array_add (rows, g_object_ref (row));
    }

  return g_steal_pointer (&rows);
}

GPtrArray *
sila_store_get_beneficiary_rows (SilaStore        *self,
                                 const SilaActor  *actor,
                                 const gint64     *file_numbers,
                                 guint             n,
                                 GError          **error)
{
  g_return_val_if_fail (SILA_IS_STORE (self), NULL);

  if (!sila_store_require (self, actor, SILA_PERM_BENEFICIARY_VIEW, error))
    return NULL;

  return rows_for_numbers (self, file_numbers, n, error);
}

GPtrArray *
sila_store_search_beneficiaries (SilaStore                   *self,
                                 const SilaActor             *actor,
                                 const char                  *text,
                                 const SilaBeneficiaryFilter *filter,
                                 guint                        limit,
                                 GError                     **error)
{
  g_autoptr(GArray) numbers = NULL;

  g_return_val_if_fail (SILA_IS_STORE (self), NULL);

  if (!sila_store_require (self, actor, SILA_PERM_BENEFICIARY_VIEW, error))
    return NULL;

  numbers = list_numbers (self, text, filter, limit, error);
  if (numbers == NULL)
    return NULL;

  return rows_for_numbers (self, (const gint64 *)numbers->data, numbers->len, error);
}

/* Duplicates */

void
sila_duplicate_free (SilaDuplicate *duplicate)
{
  if (duplicate == NULL)
    return;
  g_clear_object (&duplicate->row);
  g_free (duplicate);
}

char *
sila_duplicate_describe (const SilaDuplicate *duplicate)
{
  g_autofree char *number = NULL;
  const char *name;

  g_return_val_if_fail (duplicate != NULL, NULL);

  /* A code, in Western digits (the digit rule, sila-display.h); no
   * isolates: the line also goes into import reports. */
  number = g_strdup_printf ("%" G_GINT64_FORMAT,
                            sila_beneficiary_row_get_file_number (duplicate->row));
  name = sila_beneficiary_row_get_name (duplicate->row);

  /* Translators: the first %s is a file number, the second a name. */
  switch (duplicate->reason)
    {
    case SILA_DUPLICATE_SAME_ID:
      return g_strdup_printf (_("This ID number already has a file: number %s, %s."), number,
                              name);
    case SILA_DUPLICATE_NAME_AND_PHONE:
      return g_strdup_printf (_("File number %s, %s, has a similar name and the same mobile "
                                "number."), number, name);
    case SILA_DUPLICATE_NAME_AND_BIRTH:
    default:
      return g_strdup_printf (_("File number %s, %s, has a similar name and the same birth "
                                "date."), number, name);
    }
}

static void
add_duplicate (GPtrArray           *found,
               SilaBeneficiaryRow  *row,
               SilaDuplicateReason  reason)
{
  SilaDuplicate *d;

  for (guint i = 0; i < found->len; i++)
    {
      SilaDuplicate *other = g_ptr_array_index (found, i);

      if (sila_beneficiary_row_get_file_number (other->row) ==
          sila_beneficiary_row_get_file_number (row))
        {
          g_object_unref (row);
          return;
        }
    }

  d = g_new0 (SilaDuplicate, 1);
  d->row = row;
  d->reason = reason;
  g_ptr_array_add (found, d);
}

GPtrArray *
sila_store_find_duplicates (SilaStore              *self,
                            const SilaActor        *actor,
                            const SilaBeneficiary  *file,
                            GError                **error)
{
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(SilaStatement) stmt = NULL;
  g_autofree char *full = NULL;
  g_autofree char *key = NULL;
  g_autofree char *birth = NULL;
  SilaStep step;

  g_return_val_if_fail (SILA_IS_STORE (self), NULL);
  g_return_val_if_fail (file != NULL, NULL);

  if (!sila_store_require (self, actor, SILA_PERM_BENEFICIARY_VIEW, error))
    return NULL;

  found = g_ptr_array_new_with_free_func ((GDestroyNotify)sila_duplicate_free);

  if (file->id_number != NULL)
    {
      stmt = sila_store_prepare (self,
                                 "SELECT " SILA_BENEFICIARY_ROW_COLUMNS " FROM beneficiaries "
                                 "WHERE id_number = ?1 AND deleted_at IS NULL "
                                 "AND id IS DISTINCT FROM ?2",
                                 error);
      if (stmt == NULL)
        return NULL;
      sila_bind_text (stmt, 1, file->id_number);
      sila_bind_text (stmt, 2, file->id);
      while ((step = sila_store_step (self, stmt, error)) == SILA_STEP_ROW)
        add_duplicate (found, sila_beneficiary_row_new_from_stmt (stmt, 0),
                       SILA_DUPLICATE_SAME_ID);
      if (step == SILA_STEP_ERROR)
        return NULL;
      g_clear_pointer (&stmt, sila_statement_release);
    }

  if (file->mobile == NULL && !g_date_valid (&file->birth_date))
    return g_steal_pointer (&found);

  full = sila_beneficiary_get_full_name (file);
  key = sila_person_name_match_key (full);
  if (g_date_valid (&file->birth_date))
    birth = sila_date_to_iso (&file->birth_date);

  /* Few people share a mobile or a birth date: compare their names here. */
  stmt = sila_store_prepare (self,
                             "SELECT " SILA_BENEFICIARY_ROW_COLUMNS ", name_key, mobile = ?1 "
                             "FROM beneficiaries WHERE (mobile = ?1 OR birth_date = ?2) "
                             "AND deleted_at IS NULL AND id IS DISTINCT FROM ?3 LIMIT 500",
                             error);
  if (stmt == NULL)
    return NULL;
  sila_bind_text (stmt, 1, file->mobile);
  sila_bind_text (stmt, 2, birth);
  sila_bind_text (stmt, 3, file->id);
  while ((step = sila_store_step (self, stmt, error)) == SILA_STEP_ROW)
    {
      const char *other_key = sila_column_text (stmt, 13);
      gboolean same_mobile = sila_column_int (stmt, 14) != 0;

      if (!sila_beneficiary_names_similar (key, other_key))
        continue;
      add_duplicate (found, sila_beneficiary_row_new_from_stmt (stmt, 0),
                     same_mobile ? SILA_DUPLICATE_NAME_AND_PHONE
                                 : SILA_DUPLICATE_NAME_AND_BIRTH);
    }
  if (step == SILA_STEP_ERROR)
    return NULL;

  return g_steal_pointer (&found);
}

GStrv
sila_store_list_districts_in_use (SilaStore        *self,
                                  const SilaActor  *actor,
                                  GError          **error)
{
  g_autoptr(SilaStatement) stmt = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  SilaStep step;

  g_return_val_if_fail (SILA_IS_STORE (self), NULL);

  if (!sila_store_require (self, actor, SILA_PERM_BENEFICIARY_VIEW, error))
    return NULL;

  /* The index on (district, file_number) makes this a quick skip-scan. */
  stmt = sila_store_prepare (self,
                             "SELECT DISTINCT district FROM beneficiaries "
                             "WHERE district IS NOT NULL ORDER BY district",
                             error);
  if (stmt == NULL)
    return NULL;
  while ((step = sila_store_step (self, stmt, error)) == SILA_STEP_ROW)
    g_strv_builder_add (builder, sila_column_text (stmt, 0));
  if (step == SILA_STEP_ERROR)
    return NULL;

  return g_strv_builder_end (builder);
}
