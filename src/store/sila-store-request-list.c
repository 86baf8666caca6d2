/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Lists of requests: the rows the requests page, the queues and the
 * dashboard show, filtered and paged. One request whole is read in
 * sila-store-request-read.c. */
#define G_LOG_DOMAIN "sila-store"

#include "sila-config.h"

#include <string.h>

#include "sila-clock.h"
#include "sila-store-beneficiaries.h"
#include "sila-store-requests-private.h"
#include "sila-text.h"

/* Rows */

struct _SilaRequestRow
{
  GObject            parent_instance;

  gint64             seq;
  char              *id;
  char              *number;
  char              *beneficiary;
  gint64             file_number;
  char              *type_ar;
  char              *type_en;
  SilaChannel        channel;
  SilaRequestStatus  status;
  GDate              received;
  GDate              due;
  char              *researcher;
  gboolean           overdue;
  gboolean           due_soon;
};

G_DEFINE_FINAL_TYPE (SilaRequestRow, sila_request_row, G_TYPE_OBJECT)

static void
sila_request_row_finalize (GObject *object)
{
  SilaRequestRow *self = (SilaRequestRow *)object;

  g_free (self->id);
  g_free (self->number);
  g_free (self->beneficiary);
  g_free (self->type_ar);
  g_free (self->type_en);
  g_free (self->researcher);

  G_OBJECT_CLASS (sila_request_row_parent_class)->finalize (object);
}

static void
sila_request_row_class_init (SilaRequestRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sila_request_row_finalize;
}

static void
sila_request_row_init (SilaRequestRow *self)
{
}

#define ROW_COLUMNS \
  "r.seq, r.id, r.number, b.first_name, b.father_name, b.grandfather_name, b.family_name, " \
  "b.file_number, t.name_ar, t.name_en, r.channel, r.status, r.received_on, r.due_on, " \
  "coalesce (s.display_name, r.researcher)"
#define ROW_FROM \
  " FROM requests r JOIN beneficiaries b ON b.id = r.beneficiary_id " \
  "JOIN request_types t ON t.code = r.request_type " \
  "LEFT JOIN staff s ON s.username = r.researcher "

static SilaRequestRow *
row_from_stmt (SilaStatement *stmt,
               const GDate   *today)
{
  SilaRequestRow *row = g_object_new (SILA_TYPE_REQUEST_ROW, NULL);

  row->seq = sila_column_int64 (stmt, 0);
  row->id = sila_column_dup (stmt, 1);
  row->number = sila_column_dup (stmt, 2);
  row->beneficiary = sila_request_column_full_name (stmt, 3);
  row->file_number = sila_column_int64 (stmt, 7);
  row->type_ar = sila_column_dup (stmt, 8);
  row->type_en = sila_column_dup (stmt, 9);
  row->channel = sila_request_column_channel (stmt, 10);
  row->status = sila_request_column_status (stmt, 11);
  sila_column_date (stmt, 12, &row->received);
  sila_column_date (stmt, 13, &row->due);
  row->researcher = sila_request_column_dup_or_null (stmt, 14);
  row->overdue = sila_request_is_overdue (row->status, &row->due, today);
  row->due_soon = sila_request_is_due_soon (row->status, &row->due, today);
  return row;
}

gint64 sila_request_row_get_seq (SilaRequestRow *self) { return self->seq; }
const char *sila_request_row_get_id (SilaRequestRow *self) { return self->id; }
const char *sila_request_row_get_number (SilaRequestRow *self) { return self->number; }
const char *sila_request_row_get_beneficiary (SilaRequestRow *self) { return self->beneficiary; }
gint64 sila_request_row_get_file_number (SilaRequestRow *self) { return self->file_number; }
SilaChannel sila_request_row_get_channel (SilaRequestRow *self) { return self->channel; }
SilaRequestStatus sila_request_row_get_status (SilaRequestRow *self) { return self->status; }
const GDate *sila_request_row_get_received (SilaRequestRow *self) { return &self->received; }
const GDate *sila_request_row_get_due (SilaRequestRow *self) { return &self->due; }
const char *sila_request_row_get_researcher (SilaRequestRow *self) { return self->researcher; }
gboolean sila_request_row_is_overdue (SilaRequestRow *self) { return self->overdue; }
gboolean sila_request_row_is_due_soon (SilaRequestRow *self) { return self->due_soon; }

const char *
sila_request_row_get_type_display (SilaRequestRow *self)
{
  return sila_pick_name (self->type_ar, self->type_en);
}

/* Lists */

void
sila_request_filter_init (SilaRequestFilter *filter)
{
  memset (filter, 0, sizeof *filter);
  filter->status = -1;
  filter->channel = -1;
}

/* The SQL of a filter, with parameters: ?1 status, ?2 type, ?3 channel,
 * ?4 today, ?5 the last day counted as due soon, ?6 researcher,
 * ?7 beneficiary, ?8 the match query of a name, ?9 a request number. */
static char *
filter_sql (SilaStore               *self,
            const SilaRequestFilter *filter,
            const char              *columns,
            const char              *from,
            gboolean                 by_name,
            gboolean                 by_number,
            gboolean                 limited)
{
  GString *sql = g_string_new ("SELECT ");
  /* The core says which statuses await an answer and which are final. */
  g_autofree char *awaiting = sila_sql_code_list (sila_request_awaiting_codes ());
  g_autofree char *final = sila_sql_code_list (sila_request_final_codes ());

  g_string_append (sql, columns);
  g_string_append (sql, from);
  g_string_append (sql, " WHERE r.deleted_at IS NULL");
  if (filter->status >= 0)
    g_string_append (sql, " AND r.status = ?1");
  if (filter->open_only)
    g_string_append_printf (sql, " AND r.status NOT IN %s", final);
  if (filter->type != NULL)
    g_string_append (sql, " AND r.request_type = ?2");
  if (filter->channel >= 0)
    g_string_append (sql, " AND r.channel = ?3");
  if (filter->overdue_only)
    g_string_append_printf (sql, " AND r.status IN %s AND r.due_on < ?4", awaiting);
  if (filter->attention_only)
    g_string_append_printf (sql, " AND r.status IN %s AND r.due_on <= ?5", awaiting);
  if (filter->researcher != NULL)
    g_string_append (sql, " AND r.status = 'in_research' "
                          "AND (r.researcher = ?6 OR r.researcher IS NULL)");
  if (filter->beneficiary_id != NULL)
    g_string_append (sql, " AND r.beneficiary_id = ?7");
  if (by_number)
    g_string_append (sql, " AND r.number LIKE ?9");
  else if (by_name)
    g_string_append_printf (sql, " AND r.beneficiary_id IN (SELECT b2.id FROM beneficiaries b2 "
                            "WHERE b2.file_number IN (%s))",
                            sila_store_sql (self, SILA_DB_SQL_SEARCH_REQUEST_FILES));
  if (filter->order == SILA_REQUEST_ORDER_DUE)
    g_string_append (sql, " ORDER BY r.due_on, r.seq");
  else
    g_string_append (sql, " ORDER BY r.seq DESC");
  if (limited)
    g_string_append (sql, " LIMIT ?10");

  return g_string_free (sql, FALSE);
}

/* Prepares the filter's query and binds what it needs. NULL with @error
 * set on failure; *@empty when the text can match nothing. */
static SilaStatement *
prepare_filter (SilaStore               *self,
                const SilaRequestFilter *filter,
                const char              *columns,
                const char              *from,
                gboolean                 limited,
                gboolean                *empty,
                GError                 **error)
{
  g_autofree char *sql = NULL;
  g_autofree char *match = NULL;
  g_autofree char *number = NULL;
  g_autofree char *today_iso = NULL;
  g_autofree char *soon_iso = NULL;
  SilaStatement *stmt;
  GDate today, soon;

  *empty = FALSE;
  if (filter->text != NULL)
    {
      g_autofree char *ascii = sila_text_digits_to_ascii (filter->text);

      g_strstrip (ascii);
      if (*ascii != '\0')
        {
          number = sila_request_number_normalize (ascii, NULL);
          /* Part of a number: its digits anywhere. */
          if (number == NULL && strspn (ascii, "0123456789-/") == strlen (ascii))
            number = g_strdup_printf ("%%%s%%", ascii);
          else if (number == NULL)
            {
              match = sila_store_beneficiary_match_query (self, ascii);
              if (match == NULL)
                *empty = TRUE;
            }
        }
    }

  sql = filter_sql (self, filter, columns, from, match != NULL, number != NULL, limited);
  stmt = sila_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;

  sila_clock_today (&today);
  soon = today;
  g_date_add_days (&soon, SILA_REQUEST_DUE_SOON_DAYS);
  today_iso = sila_date_to_iso (&today);
  soon_iso = sila_date_to_iso (&soon);

  if (filter->status >= 0)
    sila_bind_text (stmt, 1, sila_request_status_to_code (filter->status));
  sila_bind_text (stmt, 2, filter->type);
  if (filter->channel >= 0)
    sila_bind_text (stmt, 3, sila_channel_to_code (filter->channel));
  sila_bind_text (stmt, 4, today_iso);
  sila_bind_text (stmt, 5, soon_iso);
  sila_bind_text (stmt, 6, filter->researcher);
  sila_bind_text (stmt, 7, filter->beneficiary_id);
  sila_bind_text (stmt, 8, match);
  sila_bind_text (stmt, 9, number);

  return stmt;
}

GArray *
sila_store_list_request_keys (SilaStore                *self,
                              const SilaActor          *actor,
                              const SilaRequestFilter  *filter,
                              GError                  **error)
{
  g_autoptr(SilaStatement) stmt = NULL;
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean empty;
  SilaStep step;

  g_return_val_if_fail (SILA_IS_STORE (self), NULL);

  if (!sila_store_require (self, actor, SILA_PERM_REQUEST_VIEW, error))
    return NULL;

  stmt = prepare_filter (self, filter, "r.seq", " FROM requests r", FALSE, &empty, error);
  if (stmt == NULL)
    return NULL;
  if (empty)
    return g_steal_pointer (&keys);

  while ((step = sila_store_step (self, stmt, error)) == SILA_STEP_ROW)
    {
      gint64 seq = sila_column_int64 (stmt, 0);

      g_array_append_val (keys, seq);
    }
  if (step == SILA_STEP_ERROR)
    return NULL;

  return g_steal_pointer (&keys);
}

GPtrArray *
sila_store_get_request_rows (SilaStore        *self,
                             const SilaActor  *actor,
                             const gint64     *keys,
                             guint             n,
                             GError          **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  GDate today;

  g_return_val_if_fail (SILA_IS_STORE (self), NULL);

  if (!sila_store_require (self, actor, SILA_PERM_REQUEST_VIEW, error))
    return NULL;

  sila_clock_today (&today);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SilaStatement) stmt = NULL;
      SilaStep step;

      stmt = sila_store_prepare (self, "SELECT " ROW_COLUMNS ROW_FROM "WHERE r.seq = ?1", error);
      if (stmt == NULL)
        return NULL;
      sila_bind_int64 (stmt, 1, keys[i]);
      step = sila_store_step (self, stmt, error);
      if (step == SILA_STEP_ERROR)
        return NULL;
      /* Gone meanwhile (another desk): the list shows what is left. */
      if (step == SILA_STEP_ROW)
        g_ptr_array_add (rows, row_from_stmt (stmt, &today));
    }

  return g_steal_pointer (&rows);
}

GPtrArray *
sila_store_list_requests (SilaStore                *self,
                          const SilaActor          *actor,
                          const SilaRequestFilter  *filter,
                          guint                     limit,
                          GError                  **error)
{
  g_autoptr(SilaStatement) stmt = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean empty;
  SilaStep step;
  GDate today;

  g_return_val_if_fail (SILA_IS_STORE (self), NULL);

  if (!sila_store_require (self, actor, SILA_PERM_REQUEST_VIEW, error))
    return NULL;

  stmt = prepare_filter (self, filter, ROW_COLUMNS, ROW_FROM, TRUE, &empty, error);
  if (stmt == NULL)
    return NULL;
  if (empty)
    return g_steal_pointer (&rows);
  sila_bind_int (stmt, 10, (int)MIN (limit, G_MAXINT));

  sila_clock_today (&today);
  while ((step = sila_store_step (self, stmt, error)) == SILA_STEP_ROW)
    g_ptr_array_add (rows, row_from_stmt (stmt, &today));
  if (step == SILA_STEP_ERROR)
    return NULL;

  return g_steal_pointer (&rows);
}
