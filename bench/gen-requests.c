/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Support requests for the synthetic registry: 300,000 by default, received
 * over the last two years, in the states such an office holds — most old
 * ones closed (after a delivery, a rejection or a withdrawal), recent ones
 * spread along the procedure, some of them overdue — each with the
 * checklist of its type, a timeline whose steps took hours to days, the
 * research report, the committee's decision and the service delivered.
 *
 * Written with raw SQL in transactions of 5,000, into the same tables and columns
 * the store writes (src/store/sila-store-requests.c), so that 300,000 take
 * a minute; the generated history has no audit entries of its own. The
 * counters are set so that the app numbers new requests after them. The
 * SQL is portable and goes through the store's driver seam, so that the
 * same registry can be generated on a PostgreSQL server (bench/run.py
 * server). */
#include "sila-config.h"

#include <string.h>

#include "gen-requests.h"
#include "sila-clock.h"
#include "sila-hijri.h"
#include "sila-request.h"
#include "sila-store-private.h"
#include "sila-store-requests.h"

#define DAY (24 * 3600)

static const char *officers[] = { "huda", "amal", "reem" };
static const char *researchers[] = { "noura", "fahad" };
static const char *committee[] = { "khalid", "sarah" };

typedef struct {
  SilaStore     *store;
  SilaStatement *request;
  SilaStatement *document;
  SilaStatement *event;
  SilaStatement *research;
  SilaStatement *decision;
  SilaStatement *delivery;
  GPtrArray    *rules;     /* SilaChecklistRule of every type */
  GHashTable   *serials;   /* Hijri year → last serial */
  const char   *device;
} Writer;

/* The store's cached statements: borrowed, never finalized here. */
static gboolean
prepare (Writer         *w,
         const char     *sql,
         SilaStatement **stmt,
         GError        **error)
{
  *stmt = sila_store_prepare (w->store, sql, error);
  return *stmt != NULL;
}

static gboolean
run (Writer         *w,
     SilaStatement  *stmt,
     GError        **error)
{
  SilaStep step = sila_store_step (w->store, stmt, error);

  /* Reset, bindings cleared: an unbound parameter is NULL next time. */
  sila_statement_release (stmt);
  return step != SILA_STEP_ERROR;
}

static void
text (SilaStatement *stmt,
      int            i,
      const char    *value)
{
  sila_bind_text (stmt, i, value);
}

static int
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *)a, y = *(const gint64 *)b;

  return x < y ? -1 : x > y;
}

static char *
stamp (gint64 unix_seconds)
{
  g_autoptr(GDateTime) t = g_date_time_new_from_unix_utc (unix_seconds);

  return g_date_time_format (t, "%Y-%m-%dT%H:%M:%S.000Z");
}

static char *
day_of (gint64 unix_seconds)
{
  g_autoptr(GDateTime) t = g_date_time_new_from_unix_utc (unix_seconds);

  return g_date_time_format (t, "%Y-%m-%d");
}

/* Where a request received @age_days ago has got to. */
static SilaRequestStatus
draw_status (GRand *rand,
             int    age_days)
{
  int r = g_rand_int_range (rand, 0, 100);

  if (age_days > 60)
    return r < 68 ? SILA_REQUEST_CLOSED : r < 86 ? SILA_REQUEST_REJECTED
           : r < 94 ? SILA_REQUEST_WITHDRAWN : r < 97 ? SILA_REQUEST_DELIVERED
           : SILA_REQUEST_REGISTERED;
  if (age_days > 14)
    return r < 20 ? SILA_REQUEST_CLOSED : r < 40 ? SILA_REQUEST_DELIVERED
           : r < 52 ? SILA_REQUEST_REGISTERED : r < 64 ? SILA_REQUEST_REJECTED
           : r < 74 ? SILA_REQUEST_WITH_COMMITTEE : r < 84 ? SILA_REQUEST_IN_RESEARCH
           : r < 90 ? SILA_REQUEST_RESEARCH_DONE : r < 95 ? SILA_REQUEST_ACCEPTED
           : SILA_REQUEST_WITHDRAWN;
  return r < 25 ? SILA_REQUEST_RECEIVED : r < 38 ? SILA_REQUEST_DOCUMENTS_COMPLETE
         : r < 63 ? SILA_REQUEST_IN_RESEARCH : r < 73 ? SILA_REQUEST_RESEARCH_DONE
         : r < 93 ? SILA_REQUEST_WITH_COMMITTEE : SILA_REQUEST_ACCEPTED;
}

/* The statuses a request passed through to reach @status. */
static guint
path_to (SilaRequestStatus  status,
         GRand             *rand,
         SilaRequestStatus  path[SILA_N_REQUEST_STATUSES])
{
  static const SilaRequestStatus main_path[] = {
    SILA_REQUEST_RECEIVED, SILA_REQUEST_DOCUMENTS_COMPLETE, SILA_REQUEST_IN_RESEARCH,
    SILA_REQUEST_RESEARCH_DONE, SILA_REQUEST_WITH_COMMITTEE, SILA_REQUEST_ACCEPTED,
    SILA_REQUEST_REGISTERED, SILA_REQUEST_DELIVERED, SILA_REQUEST_CLOSED,
  };
  guint n = 0;

  if (status == SILA_REQUEST_REJECTED || status == SILA_REQUEST_WITHDRAWN)
    {
      SilaRequestStatus last = status == SILA_REQUEST_REJECTED
                               ? SILA_REQUEST_WITH_COMMITTEE
                               : (SilaRequestStatus)g_rand_int_range (rand, 0, 5);

      for (guint i = 0; main_path[i] <= last; i++)
        path[n++] = main_path[i];
      path[n++] = status;
      /* Most rejections are closed once the applicant is told. */
      if (status == SILA_REQUEST_REJECTED && g_rand_int_range (rand, 0, 100) < 85)
        path[n++] = SILA_REQUEST_CLOSED;
      return n;
    }

  for (guint i = 0; i < G_N_ELEMENTS (main_path); i++)
    {
      path[n++] = main_path[i];
      if (main_path[i] == status)
        break;
    }
  return n;
}

static gboolean
write_request (Writer      *w,
               GRand       *rand,
               gint64       seq,
               const char  *beneficiary,
               const char  *type,
               gint64       received_at,
               gint64       now,
               GError     **error)
{
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *received = day_of (received_at);
  g_autofree char *due = day_of (received_at + 14 * DAY);
  g_autofree char *number = NULL;
  g_autofree char *created = stamp (received_at);
  g_autofree char *status_at = NULL;
  g_autofree char *decided = NULL;
  SilaRequestStatus path[SILA_N_REQUEST_STATUSES];
  SilaRequestStatus status;
  gint64 times[SILA_N_REQUEST_STATUSES];
  const char *officer = officers[g_rand_int_range (rand, 0, G_N_ELEMENTS (officers))];
  const char *researcher = researchers[g_rand_int_range (rand, 0, G_N_ELEMENTS (researchers))];
  gboolean past_documents;
  SilaHijriDate hijri;
  GDate date;
  guint n, position = 0;
  gint64 serial;

  status = draw_status (rand, (int)((now - received_at) / DAY));
  n = path_to (status, rand, path);
  status = path[n - 1];

  /* Each step a few hours to a few days after the last, never after now. */
  times[0] = received_at;
  for (guint i = 1; i < n; i++)
    times[i] = MIN (times[i - 1] + g_rand_int_range (rand, 2 * 3600, 4 * DAY), now);
  status_at = stamp (times[n - 1]);

  sila_date_from_iso (received, &date);
  sila_hijri_from_gregorian (&date, &hijri, NULL);
  serial = GPOINTER_TO_SIZE (g_hash_table_lookup (w->serials, GUINT_TO_POINTER (hijri.year))) + 1;
  g_hash_table_insert (w->serials, GUINT_TO_POINTER (hijri.year), GSIZE_TO_POINTER (serial));
  number = sila_request_number_format (hijri.year, serial);

  for (guint i = 0; i < n; i++)
    if (path[i] == SILA_REQUEST_ACCEPTED || path[i] == SILA_REQUEST_REJECTED)
      decided = day_of (times[i]);

  text (w->request, 1, id);
  sila_bind_int64 (w->request, 2, seq);
  text (w->request, 3, number);
  text (w->request, 4, beneficiary);
  text (w->request, 5, type);
  text (w->request, 6, sila_channel_to_code (g_rand_int_range (rand, 0, 100) < 45
                                             ? SILA_CHANNEL_INTERVIEW
                                             : g_rand_int_range (rand, 0, SILA_N_CHANNELS)));
  text (w->request, 7, sila_request_status_to_code (status));
  text (w->request, 8, received);
  text (w->request, 9, due);
  text (w->request, 10, officer);
  if (g_rand_int_range (rand, 0, 100) < 60)
    sila_bind_int64 (w->request, 11, (gint64)g_rand_int_range (rand, 5, 300) * 10000);
  text (w->request, 12, g_rand_int_range (rand, 0, 100) < 70 ? "drawn" : "paper");
  text (w->request, 13, n > 2 ? researcher : NULL);
  text (w->request, 14, status_at);
  text (w->request, 15, decided);
  text (w->request, 16, created);
  text (w->request, 17, w->device);
  if (!run (w, w->request, error))
    return FALSE;

  /* The checklist of its type: required ones verified once past received. */
  past_documents = n > 1;
  for (guint i = 0; i < w->rules->len; i++)
    {
      const SilaChecklistRule *rule = g_ptr_array_index (w->rules, i);
      g_autofree char *doc_id = NULL;
      const char *doc_status;

      if (!g_str_equal (rule->request_type, type))
        continue;
      doc_id = g_uuid_string_random ();
      if (rule->requirement == SILA_REQUIREMENT_REQUIRED)
        doc_status = past_documents || g_rand_boolean (rand) ? "verified" : "missing";
      else
        doc_status = g_rand_int_range (rand, 0, 100) < 40 ? "provided" : "missing";

      text (w->document, 1, doc_id);
      text (w->document, 2, id);
      text (w->document, 3, rule->document_type);
      sila_bind_int (w->document, 4, rule->requirement == SILA_REQUIREMENT_REQUIRED);
      sila_bind_int (w->document, 5, (int)++position);
      text (w->document, 6, doc_status);
      text (w->document, 7, g_str_equal (doc_status, "missing") ? NULL : received);
      text (w->document, 8, g_str_equal (doc_status, "verified") ? officer : NULL);
      text (w->document, 9, g_str_equal (doc_status, "verified") ? created : NULL);
      text (w->document, 10, created);
      text (w->document, 11, officer);
      text (w->document, 12, w->device);
      if (!run (w, w->document, error))
        return FALSE;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *event_id = g_uuid_string_random ();
      g_autofree char *at = stamp (times[i]);
      const char *actor = path[i] == SILA_REQUEST_RESEARCH_DONE ? researcher
                          : path[i] == SILA_REQUEST_ACCEPTED || path[i] == SILA_REQUEST_REJECTED
                          ? committee[g_rand_int_range (rand, 0, G_N_ELEMENTS (committee))]
                          : officer;

      text (w->event, 1, event_id);
      text (w->event, 2, id);
      sila_bind_int (w->event, 3, (int)i + 1);
      text (w->event, 4, i > 0 ? sila_request_status_to_code (path[i - 1]) : NULL);
      text (w->event, 5, sila_request_status_to_code (path[i]));
      text (w->event, 6, at);
      text (w->event, 7, actor);
      if (i > 0)
        sila_bind_int64 (w->event, 8, times[i] - times[i - 1]);
      text (w->event, 9, path[i] == SILA_REQUEST_REJECTED ? "الدخل يتجاوز حد الاستحقاق"
                         : path[i] == SILA_REQUEST_WITHDRAWN ? "طلب المستفيد إلغاء الطلب" : NULL);
      text (w->event, 10, w->device);
      if (!run (w, w->event, error))
        return FALSE;

      if (path[i] == SILA_REQUEST_RESEARCH_DONE)
        {
          g_autofree char *report_id = g_uuid_string_random ();
          g_autofree char *visit = day_of (times[i] - DAY);

          text (w->research, 1, report_id);
          text (w->research, 2, id);
          text (w->research, 3, researcher);
          text (w->research, 4, visit);
          text (w->research, 5, "زيارة منزلية: الأسرة محتاجة، والدخل لا يكفي الحاجة.");
          text (w->research, 6, "نوصي بالقبول");
          text (w->research, 7, at);
          text (w->research, 8, w->device);
          if (!run (w, w->research, error))
            return FALSE;
        }
      else if (path[i] == SILA_REQUEST_ACCEPTED || path[i] == SILA_REQUEST_REJECTED)
        {
          g_autofree char *decision_id = g_uuid_string_random ();
          g_autofree char *on = day_of (times[i]);

          text (w->decision, 1, decision_id);
          text (w->decision, 2, id);
          text (w->decision, 3, sila_request_status_to_code (path[i]));
          text (w->decision, 4, path[i] == SILA_REQUEST_REJECTED
                                ? "الدخل يتجاوز حد الاستحقاق" : NULL);
          text (w->decision, 5, on);
          text (w->decision, 6, "خالد، سارة، عمر");
          text (w->decision, 7, actor);
          text (w->decision, 8, at);
          text (w->decision, 9, w->device);
          if (!run (w, w->decision, error))
            return FALSE;
        }
      else if (path[i] == SILA_REQUEST_DELIVERED)
        {
          g_autofree char *delivery_id = g_uuid_string_random ();
          g_autofree char *on = day_of (times[i]);

          text (w->delivery, 1, delivery_id);
          text (w->delivery, 2, id);
          text (w->delivery, 3, g_rand_boolean (rand) ? "bank_transfer" : "in_kind");
          sila_bind_int64 (w->delivery, 4, (gint64)g_rand_int_range (rand, 2, 300) * 10000);
          text (w->delivery, 5, on);
          text (w->delivery, 6, officer);
          text (w->delivery, 7, at);
          text (w->delivery, 8, w->device);
          if (!run (w, w->delivery, error))
            return FALSE;
        }
    }

  return TRUE;
}

static gboolean
set_counters (Writer  *w,
              gint64   seq,
              GError **error)
{
  SilaStatement *stmt = NULL;
  GHashTableIter iter;
  gpointer year, serial;

  if (!prepare (w, "INSERT INTO counters (name, next) VALUES (?1, ?2) "
                "ON CONFLICT (name) DO UPDATE SET next = excluded.next", &stmt, error))
    return FALSE;
  text (stmt, 1, "request");
  sila_bind_int64 (stmt, 2, seq + 1);
  if (!run (w, stmt, error))
    return FALSE;
  g_hash_table_iter_init (&iter, w->serials);
  while (g_hash_table_iter_next (&iter, &year, &serial))
    {
      g_autofree char *name = g_strdup_printf ("request-%u", GPOINTER_TO_UINT (year));

      text (stmt, 1, name);
      sila_bind_int64 (stmt, 2, (gint64)GPOINTER_TO_SIZE (serial) + 1);
      if (!run (w, stmt, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
bench_generate_requests (SilaStore  *store,
                         GRand      *rand,
                         guint       n_requests,
                         GError    **error)
{
  Writer w = { .store = store, .device = sila_store_get_device_id (store) };
  g_autoptr(SilaTransaction) tx = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) types = NULL;
  g_autoptr(GDateTime) now_dt = sila_clock_now ();
  gint64 now = g_date_time_to_unix (now_dt);
  SilaStatement *ids = NULL;
  SilaStep step;
  gboolean ok = FALSE;
  static const guint weights[] = { 30, 25, 15, 12, 8, 6, 4 };  /* of the default types */

  w.rules = sila_store_list_checklist (store, NULL, error);
  types = sila_store_list_request_types (store, FALSE, error);
  if (w.rules == NULL || types == NULL)
    return FALSE;
  w.serials = g_hash_table_new (NULL, NULL);

  if (!prepare (&w, "SELECT id FROM beneficiaries WHERE deleted_at IS NULL", &ids, error))
    goto out;
  while ((step = sila_store_step (store, ids, error)) == SILA_STEP_ROW)
    g_ptr_array_add (files, sila_column_dup (ids, 0));
  sila_statement_release (ids);
  if (step == SILA_STEP_ERROR)
    goto out;
  if (files->len == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "no beneficiary files");
      goto out;
    }

  if (!prepare (&w, "INSERT INTO requests (id, seq, number, beneficiary_id, request_type, "
                "channel, status, received_on, due_on, received_by, amount_asked, declaration, "
                "researcher, status_at, decided_on, created_at, updated_at, created_by, "
                "updated_by, device_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
                "?12, ?13, ?14, ?15, ?16, ?14, ?10, ?10, ?17)", &w.request, error) ||
      !prepare (&w, "INSERT INTO request_documents (id, request_id, document_type, required, "
                "position, status, submitted_on, verified_by, verified_at, created_at, "
                "updated_at, updated_by, device_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
                "?10, ?10, ?11, ?12)", &w.document, error) ||
      !prepare (&w, "INSERT INTO request_events (id, request_id, step, from_status, status, at, "
                "actor, elapsed_seconds, reason, note, created_at, device_id) VALUES (?1, ?2, ?3, "
                "?4, ?5, ?6, ?7, ?8, ?9, NULL, ?6, ?10)", &w.event, error) ||
      !prepare (&w, "INSERT INTO research_reports (id, request_id, researcher, visit_on, "
                "findings, recommendation, created_at, updated_at, device_id) VALUES (?1, ?2, "
                "?3, ?4, ?5, ?6, ?7, ?7, ?8)", &w.research, error) ||
      !prepare (&w, "INSERT INTO committee_decisions (id, request_id, decision, reason, "
                "decided_on, members, recorded_by, created_at, updated_at, device_id) VALUES "
                "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, ?9)", &w.decision, error) ||
      !prepare (&w, "INSERT INTO deliveries (id, request_id, kind, amount_halalas, delivered_on, "
                "delivered_by, created_at, updated_at, device_id) VALUES (?1, ?2, ?3, ?4, ?5, "
                "?6, ?7, ?7, ?8)", &w.delivery, error))
    goto out;

  tx = sila_transaction_begin (store, error);
  if (tx == NULL)
    goto out;

  /* Oldest first, so that numbers and seq follow the days received. */
  {
    g_autoptr(GArray) days = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_requests);

    for (guint i = 0; i < n_requests; i++)
      {
        gint64 t = now - g_rand_int_range (rand, 3600, 730 * DAY);

        g_array_append_val (days, t);
      }
    g_array_sort (days, compare_int64);
    for (guint i = 0; i < n_requests; i++)
      {
        guint total = 0, pick, t = 0;
        const SilaTypeEntry *type;

        for (guint k = 0; k < MIN (types->len, G_N_ELEMENTS (weights)); k++)
          total += weights[k];
        pick = g_rand_int_range (rand, 0, total);
        while (pick >= weights[t])
          pick -= weights[t++];
        type = g_ptr_array_index (types, t);

        if (!write_request (&w, rand, i + 1,
                            g_ptr_array_index (files, g_rand_int_range (rand, 0, files->len)),
                            type->code, g_array_index (days, gint64, i), now, error))
          goto out;
        if ((i + 1) % 50000 == 0)
          g_printerr ("%u requests\n", i + 1);
        /* In batches, as the files (sila-generate.c). */
        if ((i + 1) % 5000 == 0)
          {
            if (!sila_transaction_commit (tx, error))
              goto out;
            g_clear_pointer (&tx, sila_transaction_free);
            tx = sila_transaction_begin (store, error);
            if (tx == NULL)
              goto out;
          }
      }
  }

  ok = set_counters (&w, n_requests, error) && sila_transaction_commit (tx, error);

out:
  g_clear_pointer (&w.rules, g_ptr_array_unref);
  g_clear_pointer (&w.serials, g_hash_table_unref);
  return ok;
}
