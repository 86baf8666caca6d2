/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Migration step 7 (in the list of sila-store-schema.c): support requests,
 * their types and documents, and the office's defaults for them. */
#define G_LOG_DOMAIN "sila-store"

#include "sila-config.h"

#include "sila-clock.h"
#include "sila-store-schema-private.h"

/* The device this database was made on, for rows a migration seeds. */
static char *
meta_device_id (SilaStore  *self,
                GError    **error)
{
  g_autoptr(SilaStatement) stmt = sila_store_prepare (self,
      "SELECT value FROM meta WHERE key = 'device_id'", error);

  if (stmt == NULL || sila_store_step (self, stmt, error) != SILA_STEP_ROW)
    return NULL;
  return sila_column_dup (stmt, 0);
}

/* Support requests (issue 4): the office's request and document types and
 * the checklist of each request type; requests, their documents (scans
 * kept in a table of their own so that lists never read them), the
 * timeline of every status step with the time it took, the research
 * report, the committee's decision and the services delivered. Dates of
 * the procedure (received, due, decided, delivered) are YYYY-MM-DD;
 * moments are timestamps; money is halalas; people are user names. */
gboolean
sila_store_migrate_support_requests (SilaStore  *self,
                                     GError    **error)
{
  if (!sila_store_exec (self,
      "CREATE TABLE request_types ("
      "  id         TEXT PRIMARY KEY,"
      "  code       TEXT NOT NULL UNIQUE,"
      "  name_ar    TEXT NOT NULL,"
      "  name_en    TEXT NOT NULL,"
      "  position   INTEGER NOT NULL,"
      "  retired_at TEXT,"
      "  created_at TEXT NOT NULL,"
      "  updated_at TEXT NOT NULL,"
      "  device_id  TEXT NOT NULL,"
      "  rev        INTEGER NOT NULL DEFAULT 1,"
      "  deleted_at TEXT"
      ");"
      "CREATE TABLE document_types ("
      "  id         TEXT PRIMARY KEY,"
      "  code       TEXT NOT NULL UNIQUE,"
      "  name_ar    TEXT NOT NULL,"
      "  name_en    TEXT NOT NULL,"
      "  expires    INTEGER NOT NULL DEFAULT 0,"
      "  position   INTEGER NOT NULL,"
      "  retired_at TEXT,"
      "  created_at TEXT NOT NULL,"
      "  updated_at TEXT NOT NULL,"
      "  device_id  TEXT NOT NULL,"
      "  rev        INTEGER NOT NULL DEFAULT 1,"
      "  deleted_at TEXT"
      ");"
      "CREATE TABLE request_type_documents ("
      "  id            TEXT PRIMARY KEY,"
      "  request_type  TEXT NOT NULL REFERENCES request_types (code),"
      "  document_type TEXT NOT NULL REFERENCES document_types (code),"
      "  required      INTEGER NOT NULL,"
      "  position      INTEGER NOT NULL,"
      "  created_at    TEXT NOT NULL,"
      "  updated_at    TEXT NOT NULL,"
      "  device_id     TEXT NOT NULL,"
      "  rev           INTEGER NOT NULL DEFAULT 1,"
      "  deleted_at    TEXT,"
      "  UNIQUE (request_type, document_type)"
      ");"
      "CREATE TABLE requests ("
      "  id             TEXT PRIMARY KEY,"
      "  seq            INTEGER NOT NULL UNIQUE,"  /* stable key of lazy lists */
      "  number         TEXT NOT NULL UNIQUE,"     /* 1446-00017 */
      "  beneficiary_id TEXT NOT NULL REFERENCES beneficiaries (id),"
      "  request_type   TEXT NOT NULL REFERENCES request_types (code),"
      "  channel        TEXT NOT NULL,"
      "  status         TEXT NOT NULL CHECK (status IN ('received', 'documents_complete',"
      "                 'in_research', 'research_done', 'with_committee', 'accepted', 'rejected',"
      "                 'registered', 'delivered', 'closed', 'withdrawn')),"
      "  received_on    TEXT NOT NULL,"
      "  due_on         TEXT NOT NULL,"
      "  received_by    TEXT NOT NULL,"
      "  description    TEXT,"
      "  amount_asked   INTEGER CHECK (amount_asked IS NULL OR amount_asked >= 0),"
      "  declaration    TEXT NOT NULL CHECK (declaration IN ('pending', 'drawn', 'paper')),"
      "  signature      TEXT,"
      "  signed_at      TEXT,"
      "  researcher     TEXT,"
      "  status_at      TEXT NOT NULL,"
      "  decided_on     TEXT,"
      "  created_at     TEXT NOT NULL,"
      "  updated_at     TEXT NOT NULL,"
      "  created_by     TEXT NOT NULL,"
      "  updated_by     TEXT NOT NULL,"
      "  device_id      TEXT NOT NULL,"
      "  rev            INTEGER NOT NULL DEFAULT 1,"
      "  deleted_at     TEXT"
      ");"
      "CREATE INDEX requests_beneficiary ON requests (beneficiary_id, received_on);"
      "CREATE INDEX requests_status ON requests (status, due_on, seq);"
      "CREATE INDEX requests_type ON requests (request_type, seq);"
      "CREATE INDEX requests_channel ON requests (channel, seq);"
      "CREATE INDEX requests_received ON requests (received_on, seq);"
      "CREATE INDEX requests_researcher ON requests (researcher, status)"
      "  WHERE researcher IS NOT NULL;"
      "CREATE TABLE request_documents ("
      "  id            TEXT PRIMARY KEY,"
      "  request_id    TEXT NOT NULL REFERENCES requests (id),"
      "  document_type TEXT NOT NULL REFERENCES document_types (code),"
      "  required      INTEGER NOT NULL,"
      "  position      INTEGER NOT NULL,"
      "  status        TEXT NOT NULL CHECK (status IN ('missing', 'provided', 'verified',"
      "                'expired', 'rejected')),"
      "  expires_on    TEXT,"
      "  submitted_on  TEXT,"
      "  verified_by   TEXT,"
      "  verified_at   TEXT,"
      "  note          TEXT,"
      "  file_name     TEXT,"
      "  file_mime     TEXT,"
      "  file_size     INTEGER,"
      "  file_sha256   TEXT,"
      "  created_at    TEXT NOT NULL,"
      "  updated_at    TEXT NOT NULL,"
      "  updated_by    TEXT NOT NULL,"
      "  device_id     TEXT NOT NULL,"
      "  rev           INTEGER NOT NULL DEFAULT 1,"
      "  deleted_at    TEXT,"
      "  UNIQUE (request_id, document_type)"
      ");"
      "CREATE TABLE request_document_files ("
      "  document_id TEXT PRIMARY KEY REFERENCES request_documents (id),"
      "  content     BLOB NOT NULL"
      ");"
      "CREATE TABLE request_events ("
      "  id              TEXT PRIMARY KEY,"
      "  request_id      TEXT NOT NULL REFERENCES requests (id),"
      "  step            INTEGER NOT NULL,"   /* 1, 2, … within the request */
      "  from_status     TEXT,"
      "  status          TEXT NOT NULL,"
      "  at              TEXT NOT NULL,"
      "  actor           TEXT NOT NULL,"
      "  elapsed_seconds INTEGER,"            /* since the previous step */
      "  reason          TEXT,"
      "  note            TEXT,"
      "  created_at      TEXT NOT NULL,"
      "  device_id       TEXT NOT NULL,"
      "  UNIQUE (request_id, step)"
      ");"
      "CREATE INDEX request_events_status ON request_events (status, at);"
      "CREATE TABLE research_reports ("
      "  id             TEXT PRIMARY KEY,"
      "  request_id     TEXT NOT NULL UNIQUE REFERENCES requests (id),"
      "  researcher     TEXT NOT NULL,"
      "  visit_on       TEXT,"
      "  findings       TEXT NOT NULL,"
      "  recommendation TEXT,"
      "  created_at     TEXT NOT NULL,"
      "  updated_at     TEXT NOT NULL,"
      "  device_id      TEXT NOT NULL,"
      "  rev            INTEGER NOT NULL DEFAULT 1,"
      "  deleted_at     TEXT"
      ");"
      "CREATE TABLE committee_decisions ("
      "  id          TEXT PRIMARY KEY,"
      "  request_id  TEXT NOT NULL UNIQUE REFERENCES requests (id),"
      "  decision    TEXT NOT NULL CHECK (decision IN ('accepted', 'rejected')),"
      "  reason      TEXT,"
      "  decided_on  TEXT NOT NULL,"
      "  members     TEXT,"
      "  recorded_by TEXT NOT NULL,"
      "  created_at  TEXT NOT NULL,"
      "  updated_at  TEXT NOT NULL,"
      "  device_id   TEXT NOT NULL,"
      "  rev         INTEGER NOT NULL DEFAULT 1,"
      "  deleted_at  TEXT,"
      "  CHECK (decision = 'accepted' OR reason IS NOT NULL)"
      ");"
      "CREATE TABLE deliveries ("
      "  id             TEXT PRIMARY KEY,"
      "  request_id     TEXT NOT NULL REFERENCES requests (id),"
      "  kind           TEXT NOT NULL,"
      "  description    TEXT,"
      "  amount_halalas INTEGER NOT NULL CHECK (amount_halalas >= 0),"
      "  delivered_on   TEXT NOT NULL,"
      "  delivered_by   TEXT NOT NULL,"
      "  created_at     TEXT NOT NULL,"
      "  updated_at     TEXT NOT NULL,"
      "  device_id      TEXT NOT NULL,"
      "  rev            INTEGER NOT NULL DEFAULT 1,"
      "  deleted_at     TEXT"
      ");"
      "CREATE INDEX deliveries_request ON deliveries (request_id);"
      "CREATE INDEX deliveries_on ON deliveries (delivered_on);",
      error))
    return FALSE;

  return sila_store_seed_request_types (self, error);
}

/* The office's request and document types and checklists as the policy
 * lists them, until it edits them. */
gboolean
sila_store_seed_request_types (SilaStore  *self,
                               GError    **error)
{
  static const struct {
    const char *code;
    const char *name_ar;
    const char *name_en;
  } request_types[] = {
    { "financial_aid",   "مساعدة مالية",          "Financial aid" },
    { "food_basket",     "سلة غذائية",            "Food basket" },
    { "rent",            "سداد إيجار",            "Rent" },
    { "utility_bills",   "سداد فواتير الخدمات",   "Utility bills" },
    { "medical",         "مساعدة علاجية",         "Medical aid" },
    { "education",       "مساعدة تعليمية",        "Education" },
    { "home_appliances", "أجهزة منزلية",          "Home appliances" },
  };
  static const struct {
    const char *code;
    const char *name_ar;
    const char *name_en;
    gboolean    expires;
  } document_types[] = {
    { "national_id_copy",          "صورة الهوية الوطنية",       "Copy of the national ID", TRUE },
    { "family_register",           "سجل الأسرة",                "Family register", FALSE },
    { "income_proof",              "إثبات الدخل",               "Proof of income", FALSE },
    { "lease",                     "عقد الإيجار",               "Lease contract", TRUE },
    { "bills",                     "فواتير الخدمات",            "Utility bills", FALSE },
    { "medical_report",            "تقرير طبي",                 "Medical report", TRUE },
    { "iban_letter",               "خطاب الآيبان البنكي",       "Bank IBAN letter", FALSE },
    { "social_security_statement", "مشهد الضمان الاجتماعي",     "Social-security statement",
      FALSE },
  };
  /* R: required, O: optional. */
  static const struct {
    const char *request_type;
    const char *documents;
  } checklists[] = {
    { "financial_aid",   "R national_id_copy,R income_proof,O family_register,O iban_letter,"
                         "O social_security_statement" },
    { "food_basket",     "R national_id_copy,O family_register,O income_proof" },
    { "rent",            "R national_id_copy,R lease,R income_proof,O iban_letter" },
    { "utility_bills",   "R national_id_copy,R bills,O income_proof" },
    { "medical",         "R national_id_copy,R medical_report,O income_proof" },
    { "education",       "R national_id_copy,R family_register,O income_proof" },
    { "home_appliances", "R national_id_copy,R income_proof,O family_register" },
  };
  g_autofree char *now = sila_clock_timestamp ();
  g_autofree char *device_id = NULL;

  device_id = meta_device_id (self, error);
  if (device_id == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (request_types); i++)
    {
      g_autoptr(SilaStatement) stmt = NULL;
      g_autofree char *uuid = g_uuid_string_random ();

      stmt = sila_store_prepare (self,
                                 "INSERT INTO request_types (id, code, name_ar, name_en, position, "
                                 "created_at, updated_at, device_id) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, ?7)",
                                 error);
      if (stmt == NULL)
        return FALSE;
      sila_bind_text (stmt, 1, uuid);
      sila_bind_text (stmt, 2, request_types[i].code);
      sila_bind_text (stmt, 3, request_types[i].name_ar);
      sila_bind_text (stmt, 4, request_types[i].name_en);
      sila_bind_int (stmt, 5, (int)i + 1);
      sila_bind_text (stmt, 6, now);
      sila_bind_text (stmt, 7, device_id);
      if (sila_store_step (self, stmt, error) != SILA_STEP_DONE)
        return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (document_types); i++)
    {
      g_autoptr(SilaStatement) stmt = NULL;
      g_autofree char *uuid = g_uuid_string_random ();

      stmt = sila_store_prepare (self,
                                 "INSERT INTO document_types (id, code, name_ar, name_en, expires, "
                                 "position, created_at, updated_at, device_id) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, ?8)",
                                 error);
      if (stmt == NULL)
        return FALSE;
      sila_bind_text (stmt, 1, uuid);
      sila_bind_text (stmt, 2, document_types[i].code);
      sila_bind_text (stmt, 3, document_types[i].name_ar);
      sila_bind_text (stmt, 4, document_types[i].name_en);
      sila_bind_int (stmt, 5, document_types[i].expires);
      sila_bind_int (stmt, 6, (int)i + 1);
      sila_bind_text (stmt, 7, now);
      sila_bind_text (stmt, 8, device_id);
      if (sila_store_step (self, stmt, error) != SILA_STEP_DONE)
        return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (checklists); i++)
    {
      g_auto(GStrv) items = g_strsplit (checklists[i].documents, ",", -1);

      for (guint k = 0; items[k] != NULL; k++)
        {
          g_autoptr(SilaStatement) stmt = NULL;
          g_autofree char *uuid = g_uuid_string_random ();

          stmt = sila_store_prepare (self,
                                     "INSERT INTO request_type_documents (id, request_type, "
                                     "document_type, required, position, created_at, updated_at, "
                                     "device_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, ?7)",
                                     error);
          if (stmt == NULL)
            return FALSE;
          sila_bind_text (stmt, 1, uuid);
          sila_bind_text (stmt, 2, checklists[i].request_type);
          sila_bind_text (stmt, 3, items[k] + 2);
          sila_bind_int (stmt, 4, items[k][0] == 'R');
          sila_bind_int (stmt, 5, (int)k + 1);
          sila_bind_text (stmt, 6, now);
          sila_bind_text (stmt, 7, device_id);
          if (sila_store_step (self, stmt, error) != SILA_STEP_DONE)
            return FALSE;
        }
    }

  return TRUE;
}
