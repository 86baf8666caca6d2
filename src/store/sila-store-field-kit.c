/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Making a field kit (sila-store-field.h). A kit is always a SQLite file
 * (the laptop's database), whatever the office's engine: a fresh database
 * made by this version's migrations, filled row by row through the store,
 * reading the office on its own connection (its file or its server) and
 * writing the kit on the kit's. The same portable statements serve both
 * engines; what only SQLite does to the kit afterwards (compacting it,
 * its bundle) is in sqlite/sila-sqlite-field.c. */
#define G_LOG_DOMAIN "sila-store"

#include "sila-config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <time.h>

#include "sila-clock.h"
#include "sila-hijri.h"
#include "sila-store-beneficiaries-private.h"
#include "sila-store-field-merge-private.h"
#include "sila-store-staff-private.h"

/* The office's tables a laptop needs whole, parents first: what the forms
 * offer. The migrations seeded the fresh kit with rows of their own (other
 * ids), which go first, children first (the kit's foreign keys hold). */
static const char * const config_tables[] = {
  "office_settings", "segments", "request_types", "document_types", "request_type_documents",
  "survey_templates", "survey_questions",
};

/* What a live file of the chosen district is (?1), and what hangs on it,
 * parents first. Scans of documents stay at the office: a kit is kept as
 * small as the job allows. */
#define LIVE_FILE "b.deleted_at IS NULL AND b.anonymized_at IS NULL AND b.district = ?1"
static const struct {
  const char *table;
  const char *from;       /* after "FROM table t" */
} file_tables[] = {
  { "beneficiaries", " JOIN beneficiaries b ON b.id = t.id WHERE " LIVE_FILE },
  { "household_members", " JOIN beneficiaries b ON b.id = t.beneficiary_id WHERE " LIVE_FILE },
  { "beneficiary_incomes", " JOIN beneficiaries b ON b.id = t.beneficiary_id WHERE " LIVE_FILE },
  { "requests", " JOIN beneficiaries b ON b.id = t.beneficiary_id WHERE " LIVE_FILE },
#define UNDER_REQUEST \
  " JOIN requests r ON r.id = t.request_id JOIN beneficiaries b ON b.id = r.beneficiary_id " \
  "WHERE " LIVE_FILE
  { "request_documents", UNDER_REQUEST },
  { "request_events", UNDER_REQUEST },
  { "research_reports", UNDER_REQUEST },
  { "committee_decisions", UNDER_REQUEST },
  { "deliveries", UNDER_REQUEST },
#undef UNDER_REQUEST
};
#undef LIVE_FILE

char *
sila_field_kit_base_path (const char *kit_path)
{
  return g_strconcat (kit_path, ".base", NULL);
}

/* The columns of @table in the kit, which the office has too: both are at
 * this version (the office was migrated on opening, the kit made by the
 * same migrations). */
static GPtrArray *
kit_columns (SilaStore   *kit,
             const char  *table,
             GError     **error)
{
  g_autoptr(SilaStatement) stmt = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s WHERE 1 = 0", table);
  GPtrArray *names;
  int n;

  stmt = sila_store_prepare (kit, sql, error);
  if (stmt == NULL)
    return NULL;
  n = sila_column_count (stmt);
  names = g_ptr_array_new_with_free_func (g_free);
  for (int i = 0; i < n; i++)
    g_ptr_array_add (names, g_strdup (sila_column_name (stmt, i)));
  return names;
}

/* Copies the rows "SELECT t.… FROM @table t@from" (with ?1 bound to
 * @param, if any) of the office into the kit's @table. Values keep their
 * types: an office's integer is the kit's integer, whatever its engine. */
static gboolean
copy_rows (SilaStore   *office,
           SilaStore   *kit,
           const char  *table,
           const char  *from,
           const char  *param,
           GError     **error)
{
  g_autoptr(GPtrArray) names = kit_columns (kit, table, error);
  g_autoptr(SilaStatement) read = NULL;
  g_autoptr(SilaStatement) write = NULL;
  g_autoptr(GString) select = g_string_new ("SELECT ");
  g_autoptr(GString) insert = NULL;
  g_autofree SilaFieldValue *values = NULL;
  SilaStep step;
  guint n;

  if (names == NULL)
    return FALSE;
  n = names->len;
  insert = g_string_new (NULL);
  g_string_append_printf (insert, "INSERT INTO %s (", table);
  for (guint i = 0; i < n; i++)
    {
      g_string_append_printf (select, "%st.%s", i > 0 ? ", " : "", (char *)names->pdata[i]);
      g_string_append_printf (insert, "%s%s", i > 0 ? ", " : "", (char *)names->pdata[i]);
    }
  g_string_append_printf (select, " FROM %s t%s", table, from);
  g_string_append (insert, ") VALUES (");
  for (guint i = 0; i < n; i++)
    g_string_append_printf (insert, "%s?%u", i > 0 ? ", " : "", i + 1);
  g_string_append_c (insert, ')');

  read = sila_store_prepare (office, select->str, error);
  write = read != NULL ? sila_store_prepare (kit, insert->str, error) : NULL;
  if (write == NULL)
    return FALSE;
  if (param != NULL)
    sila_bind_text (read, 1, param);

  values = g_new0 (SilaFieldValue, n);
  while ((step = sila_store_step (office, read, error)) == SILA_STEP_ROW)
    {
      gboolean ok;

      for (guint i = 0; i < n; i++)
        {
          sila_field_read_column (read, (int)i, &values[i]);
          sila_field_bind_value (write, (int)i + 1, &values[i]);
        }
      ok = sila_store_step (kit, write, error) == SILA_STEP_DONE;
      for (guint i = 0; i < n; i++)
        sila_field_value_clear (&values[i]);
      if (!ok)
        return FALSE;
      sila_statement_release (write);
    }
  return step == SILA_STEP_DONE;
}

static gboolean
run_on (SilaStore   *store,
        const char  *sql,
        const char  *a,
        const char  *b,
        GError     **error)
{
  g_autoptr(SilaStatement) stmt = sila_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  if (a != NULL)
    sila_bind_text (stmt, 1, a);
  if (b != NULL)
    sila_bind_text (stmt, 2, b);
  return sila_store_step (store, stmt, error) == SILA_STEP_DONE;
}

/* Every other live file as a lookup entry (number, name, ID), for the
 * laptop's duplicate checks. */
static gboolean
copy_lookup (SilaStore   *office,
             SilaStore   *kit,
             GHashTable  *districts,
             GError     **error)
{
  g_autoptr(SilaStatement) read = NULL;
  g_autoptr(SilaStatement) write = NULL;
  SilaStep step;

  read = sila_store_prepare (office,
                             "SELECT file_number, id_number, district, first_name, father_name, "
                             "grandfather_name, family_name "
                             "FROM beneficiaries WHERE deleted_at IS NULL "
                             "AND anonymized_at IS NULL",
                             error);
  write = read != NULL ? sila_store_prepare (kit,
                                             "INSERT INTO field_lookup (file_number, name, "
                                             "id_number) VALUES (?1, ?2, ?3)",
                                             error)
                       : NULL;
  if (write == NULL)
    return FALSE;
  while ((step = sila_store_step (office, read, error)) == SILA_STEP_ROW)
    {
      const char *district = sila_column_text (read, 2);
      g_autoptr(GString) name = NULL;

      if (district != NULL && g_hash_table_contains (districts, district))
        continue;
      /* The parts a file has, one space apart: a missing father's or
       * grandfather's name leaves no gap. */
      name = g_string_new (NULL);
      for (int i = 3; i < 7; i++)
        {
          const char *part = sila_column_text (read, i);

          if (part == NULL || *part == '\0')
            continue;
          if (name->len > 0)
            g_string_append_c (name, ' ');
          g_string_append (name, part);
        }
      sila_bind_int64 (write, 1, sila_column_int64 (read, 0));
      sila_bind_text (write, 2, name->str);
      sila_bind_text (write, 3, sila_column_text (read, 1));
      if (sila_store_step (kit, write, error) != SILA_STEP_DONE)
        return FALSE;
      sila_statement_release (write);
    }
  return step == SILA_STEP_DONE;
}

/* Numbers made on the laptop start in this kit's own range. File numbers
 * are the counter plus 1000 (sila-store-beneficiaries.c); request numbers
 * run per Hijri year, so the years around today start there too. */
static gboolean
set_kit_counters (SilaStore  *kit,
                  gint64      kit_seq,
                  GError    **error)
{
  g_autoptr(SilaStatement) stmt = NULL;
  gint64 start = sila_field_provisional_start (kit_seq);
  SilaHijriDate hijri = { 0 };
  GDate today;
  struct {
    char  *name;
    gint64 next;
  } counters[] = {
    { g_strdup ("beneficiary_file"), start + 1 - 1000 },
    { g_strdup ("request"), start + 1 },
    { g_strdup ("contact"), start + 1 },
    { g_strdup ("feedback"), start + 1 },
    { NULL, start + 1 },
    { NULL, start + 1 },
    { NULL, start + 1 },
  };
  gboolean ok;

  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));
  sila_hijri_from_gregorian (&today, &hijri, NULL);
  counters[4].name = g_strdup_printf ("request-%u", hijri.year - 1);
  counters[5].name = g_strdup_printf ("request-%u", hijri.year);
  counters[6].name = g_strdup_printf ("request-%u", hijri.year + 1);

  ok = run_on (kit, "DELETE FROM counters", NULL, NULL, error);
  stmt = ok ? sila_store_prepare (kit, "INSERT INTO counters (name, next) VALUES (?1, ?2)",
                                  error)
            : NULL;
  ok = stmt != NULL;
  for (guint i = 0; i < G_N_ELEMENTS (counters); i++)
    {
      if (ok)
        {
          sila_bind_text (stmt, 1, counters[i].name);
          sila_bind_int64 (stmt, 2, counters[i].next);
          ok = sila_store_step (kit, stmt, error) == SILA_STEP_DONE;
          sila_statement_release (stmt);
        }
      g_free (counters[i].name);
    }
  return ok;
}

/* An account that can sign in on a kit. */
#define KIT_STAFF "t.active <> 0 AND t.deleted_at IS NULL"

GPtrArray *
sila_store_field_list_kit_staff (SilaStore        *self,
                                 const SilaActor  *actor,
                                 GError          **error)
{
  g_autoptr(SilaStatement) stmt = NULL;
  g_autoptr(GPtrArray) staff = NULL;
  SilaStep step;

  g_return_val_if_fail (SILA_IS_STORE (self), NULL);

  /* Whoever may make a kit chooses who goes with it. */
  if (!sila_store_require (self, actor, SILA_PERM_BENEFICIARY_EXPORT, error))
    return NULL;
  stmt = sila_store_prepare (self,
                             "SELECT " STAFF_COLUMNS " FROM staff t WHERE " KIT_STAFF
                             " ORDER BY t.display_name, t.username",
                             error);
  if (stmt == NULL)
    return NULL;
  staff = g_ptr_array_new_with_free_func ((GDestroyNotify)sila_staff_free);
  while ((step = sila_store_step (self, stmt, error)) == SILA_STEP_ROW)
    g_ptr_array_add (staff, sila_staff_from_row (stmt));
  if (step == SILA_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&staff);
}

/* The usernames of the accounts named in @names (as their accounts spell
 * them, each once), and @actor's own when it is an active account: whoever
 * prepares a kit can always sign in on it. NULL @names: NULL, every active
 * account goes. A name with no active account is refused. */
static gboolean
resolve_staff (SilaStore           *self,
               const SilaActor     *actor,
               const char * const  *names,
               GPtrArray          **out,
               GError             **error)
{
  g_autoptr(SilaStatement) stmt = NULL;
  g_autoptr(GPtrArray) found = NULL;
  guint n = names != NULL ? g_strv_length ((char **)names) : 0;

  *out = NULL;
  if (names == NULL)
    return TRUE;
  /* Named as the account spells it or not, on both engines. */
  stmt = sila_store_prepare (self,
                             "SELECT t.username FROM staff t "
                             "WHERE lower (t.username) = lower (?1) AND " KIT_STAFF,
                             error);
  if (stmt == NULL)
    return FALSE;
  found = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i <= n; i++)
    {
      const char *name = i < n ? names[i] : actor->username;
      g_autofree char *trimmed = g_strstrip (g_strdup (name != NULL ? name : ""));
      SilaStep step;

      sila_bind_text (stmt, 1, trimmed);
      step = sila_store_step (self, stmt, error);
      if (step == SILA_STEP_ERROR)
        return FALSE;
      if (step == SILA_STEP_ROW)
        {
          const char *username = sila_column_text (stmt, 0);

          if (!g_ptr_array_find_with_equal_func (found, username, g_str_equal, NULL))
            g_ptr_array_add (found, g_strdup (username));
        }
      else if (i < n)
        {
          g_set_error (error, SILA_FIELD_ERROR, SILA_FIELD_ERROR_UNKNOWN_STAFF,
                       _("No active staff account is called “%s”: name the accounts that "
                         "will sign in on the laptop (“sila user list” shows them)."),
                       trimmed);
          return FALSE;
        }
      sila_statement_release (stmt);
    }
  if (found->len == 0)
    {
      g_set_error_literal (error, SILA_FIELD_ERROR, SILA_FIELD_ERROR_UNKNOWN_STAFF,
                           _("Choose at least one member of staff who will sign in on the "
                             "laptop."));
      return FALSE;
    }
  *out = g_steal_pointer (&found);
  return TRUE;
}

/* Fills the fresh kit at @kit_path from the office @self, inside the
 * office's transaction (one consistent view of it: on a server the other
 * desks' writers wait, as they wait for any writer). */
static gboolean
fill_kit (SilaStore           *self,
          const char          *kit_path,
          const char          *kit_id,
          gint64               kit_seq,
          const char          *event,
          const char * const  *districts,
          GPtrArray           *staff,
          GError             **error)
{
  g_autoptr(SilaStore) kit = sila_store_open (kit_path, SILA_STORE_OPEN_MUST_EXIST, error);
  g_autoptr(SilaTransaction) tx = NULL;
  g_autoptr(GHashTable) chosen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *now = sila_clock_timestamp ();
  g_autofree char *seq_text = g_strdup_printf ("%" G_GINT64_FORMAT, kit_seq);
  const char *meta[][2] = {
    { "field_kit_id", kit_id }, { "field_kit_seq", seq_text },
    { "field_office_id", sila_store_get_device_id (self) }, { "field_event", event },
    { "field_made_at", now },
  };

  if (kit == NULL)
    return FALSE;
  tx = sila_transaction_begin (kit, error);
  if (tx == NULL)
    return FALSE;

  for (guint i = G_N_ELEMENTS (config_tables); i > 0; i--)
    {
      g_autofree char *sql = g_strdup_printf ("DELETE FROM %s", config_tables[i - 1]);

      if (!run_on (kit, sql, NULL, NULL, error))
        return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (config_tables); i++)
    if (!copy_rows (self, kit, config_tables[i], "", NULL, error))
      return FALSE;
  /* Who may sign in on the laptop: the accounts chosen, or every active
   * one. The others' password hashes stay at the office. */
  if (staff == NULL &&
      !copy_rows (self, kit, "staff", " WHERE " KIT_STAFF, NULL, error))
    return FALSE;
  for (guint i = 0; staff != NULL && i < staff->len; i++)
    if (!copy_rows (self, kit, "staff", " WHERE " KIT_STAFF " AND t.username = ?1",
                    staff->pdata[i], error))
      return FALSE;

  /* A district named twice is copied once. */
  for (guint i = 0; districts != NULL && districts[i] != NULL; i++)
    {
      if (g_hash_table_contains (chosen, districts[i]))
        continue;
      g_hash_table_add (chosen, (gpointer)districts[i]);
      for (guint k = 0; k < G_N_ELEMENTS (file_tables); k++)
        if (!copy_rows (self, kit, file_tables[k].table, file_tables[k].from, districts[i],
                        error))
          return FALSE;
    }
  if (!copy_lookup (self, kit, chosen, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (meta); i++)
    if (!run_on (kit, "INSERT INTO meta (key, value) VALUES (?1, ?2)", meta[i][0], meta[i][1],
                 error))
      return FALSE;
  return set_kit_counters (kit, kit_seq, error) && sila_transaction_commit (tx, error);
}

/* The kit's search index holds its own files only. */
static gboolean
reindex_kit (const char  *path,
             GError     **error)
{
  g_autoptr(SilaStore) kit = sila_store_open (path, SILA_STORE_OPEN_MUST_EXIST, error);
  g_autoptr(SilaTransaction) tx = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  SilaStep step;

  if (kit == NULL)
    return FALSE;
  tx = sila_transaction_begin (kit, error);
  if (tx == NULL)
    return FALSE;

  {
    g_autoptr(SilaStatement) stmt =
      sila_store_prepare (kit, "SELECT id FROM beneficiaries WHERE deleted_at IS NULL", error);

    if (stmt == NULL)
      return FALSE;
    while ((step = sila_store_step (kit, stmt, error)) == SILA_STEP_ROW)
      g_ptr_array_add (ids, sila_column_dup (stmt, 0));
    if (step == SILA_STEP_ERROR)
      return FALSE;
  }

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(SilaBeneficiary) file =
        sila_store_read_beneficiary (kit, "id = ?1", ids->pdata[i], 0, error);

      if (file == NULL || !sila_store_index_beneficiary (kit, file, NULL, error))
        return FALSE;
    }
  return sila_transaction_commit (tx, error);
}

static gboolean
refuse_existing (const char  *path,
                 GError     **error)
{
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
               _("“%s” exists already: a field kit is never written over another one."), path);
  return FALSE;
}

gboolean
sila_store_field_make_kit (SilaStore           *self,
                           const SilaActor     *actor,
                           const char          *event,
                           const char * const  *districts,
                           gboolean             lookup_only,
                           const char          *out_path,
                           GError             **error)
{
  return sila_store_field_make_kit_for (self, actor, event, districts, lookup_only, NULL,
                                        out_path, error);
}

gboolean
sila_store_field_make_kit_for (SilaStore           *self,
                               const SilaActor     *actor,
                               const char          *event,
                               const char * const  *districts,
                               gboolean             lookup_only,
                               const char * const  *staff,
                               const char          *out_path,
                               GError             **error)
{
  g_autoptr(GPtrArray) chosen_staff = NULL;
  g_autofree char *base = sila_field_kit_base_path (out_path);
  g_autofree char *tmp = g_strconcat (out_path, ".part", NULL);
  g_autofree char *kit_id = g_uuid_string_random ();
  g_autofree char *now = sila_clock_timestamp ();
  g_autofree char *district_list = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (event != NULL ? event : ""));
  gsize size = 0;
  gint64 seq = 0;

  g_return_val_if_fail (SILA_IS_STORE (self), FALSE);

  if (!sila_store_require (self, actor, SILA_PERM_BENEFICIARY_EXPORT, error))
    return FALSE;
  if (*trimmed == '\0')
    {
      g_set_error_literal (error, SILA_STORE_ERROR, SILA_STORE_ERROR_INVALID,
                           _("Name the field event the kit is for."));
      return FALSE;
    }
  if (!refuse_existing (out_path, error) || !refuse_existing (base, error))
    return FALSE;
  /* Before anything is written. */
  if (!resolve_staff (self, actor, staff, &chosen_staff, error))
    return FALSE;

  if (districts != NULL && districts[0] != NULL && !lookup_only)
    district_list = g_strjoinv ("\n", (char **)districts);

  /* A fresh database at this version (0600, like every database the store
   * makes), to be filled with what goes. */
  g_unlink (tmp);
  {
    g_autoptr(SilaStore) fresh = sila_store_open (tmp, SILA_STORE_OPEN_DEFAULT, error);

    if (fresh == NULL)
      return FALSE;
  }

  /* The kit is numbered, audited and filled in one transaction of the
   * office: a kit that could not be filled was never made. */
  {
    g_autoptr(SilaTransaction) tx = sila_transaction_begin (self, error);
    g_autoptr(SilaStatement) stmt = NULL;
    g_autofree char *summary = NULL;
    gboolean ok;

    ok = tx != NULL && sila_store_next_number (self, "field_kit", &seq, error);
    stmt = ok ? sila_store_prepare (self,
                                    "INSERT INTO field_kits (id, seq, event, districts, "
                                    "lookup_only, made_at, made_by, device_id) VALUES (?1, ?2, "
                                    "?3, ?4, ?5, ?6, ?7, ?8)",
                                    error)
              : NULL;
    ok = stmt != NULL;
    if (ok)
      {
        sila_bind_text (stmt, 1, kit_id);
        sila_bind_int64 (stmt, 2, seq);
        sila_bind_text (stmt, 3, event);
        sila_bind_text (stmt, 4, district_list);
        sila_bind_int (stmt, 5, district_list == NULL);
        sila_bind_text (stmt, 6, now);
        sila_bind_text (stmt, 7, actor->username);
        sila_bind_text (stmt, 8, sila_store_get_device_id (self));
        ok = sila_store_step (self, stmt, error) == SILA_STEP_DONE;
      }
    g_clear_pointer (&stmt, sila_statement_release);

    summary = g_strdup_printf ("%s (%" G_GINT64_FORMAT ")", event, seq);
    ok = ok &&
         sila_store_audit (self, actor, "create", "field_kit", kit_id, summary, NULL, NULL,
                           error) &&
         fill_kit (self, tmp, kit_id, seq, event, district_list != NULL ? districts : NULL,
                   chosen_staff, error) &&
         sila_transaction_commit (tx, error);
    if (!ok)
      {
        g_unlink (tmp);
        return FALSE;
      }
  }

  if (!reindex_kit (tmp, error) ||
      !sila_field_kit_compact (tmp, error) ||
      g_chmod (tmp, 0600) != 0 ||
      !g_file_get_contents (tmp, &contents, &size, error) ||
      !g_file_set_contents_full (base, contents, (gssize)size,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, error))
    {
      g_unlink (tmp);
      return FALSE;
    }

  if (g_rename (tmp, out_path) != 0)
    {
      int saved = errno;

      g_unlink (tmp);
      g_unlink (base);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("The field kit cannot be written to “%s”: %s"), out_path,
                   g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}
