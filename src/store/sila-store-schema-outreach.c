/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The migration step of the daily outreach list (issue 16), in the list of
 * sila-store-schema.c. */
#define G_LOG_DOMAIN "sila-store"

#include "sila-config.h"

#include "sila-store-schema-private.h"

/* Contacts gain the kind "outreach" and, for outbound calls, how they went
 * (reached, no answer, wrong number). SQLite cannot change a CHECK, so the
 * table is copied into a new one, every row and index kept.
 *
 * outreach_dismissals: an item an officer took off the list, and why.
 * outreach_contacts: each item a logged contact answered, with the day the
 * item's reason began, so that reports count contacts per reason and the
 * days from an item's appearance to its contact. */
gboolean
sila_store_migrate_outreach (SilaStore  *self,
                             GError    **error)
{
  return sila_store_exec (self,
      "CREATE TABLE contacts_outreach ("
      "  id             TEXT PRIMARY KEY,"
      "  seq            INTEGER NOT NULL UNIQUE,"
      "  beneficiary_id TEXT REFERENCES beneficiaries (id),"
      "  caller         TEXT,"
      "  channel        TEXT NOT NULL,"
      "  direction      TEXT NOT NULL CHECK (direction IN ('inbound', 'outbound')),"
      "  kind           TEXT NOT NULL CHECK (kind IN ('inquiry', 'referral', 'follow_up',"
      "                 'outreach')),"
      "  status         TEXT NOT NULL CHECK (status IN ('open', 'referred', 'answered')),"
      "  question       TEXT NOT NULL,"
      "  answer         TEXT,"
      "  asked_at       TEXT NOT NULL,"
      "  answered_at    TEXT,"
      "  answer_seconds INTEGER CHECK (answer_seconds IS NULL OR answer_seconds >= 0),"
      "  handled_by     TEXT NOT NULL,"
      "  answered_by    TEXT,"
      "  referred_to    TEXT,"
      "  request_id     TEXT REFERENCES requests (id),"
      "  outcome        TEXT CHECK (outcome IN ('reached', 'no_answer', 'wrong_number')),"
      "  created_at     TEXT NOT NULL,"
      "  updated_at     TEXT NOT NULL,"
      "  device_id      TEXT NOT NULL,"
      "  rev            INTEGER NOT NULL DEFAULT 1,"
      "  deleted_at     TEXT,"
      "  CHECK (outcome IS NULL OR direction = 'outbound')"
      ");"
      "INSERT INTO contacts_outreach (id, seq, beneficiary_id, caller, channel, direction, kind,"
      "  status, question, answer, asked_at, answered_at, answer_seconds, handled_by,"
      "  answered_by, referred_to, request_id, created_at, updated_at, device_id, rev,"
      "  deleted_at)"
      "  SELECT id, seq, beneficiary_id, caller, channel, direction, kind, status, question,"
      "  answer, asked_at, answered_at, answer_seconds, handled_by, answered_by, referred_to,"
      "  request_id, created_at, updated_at, device_id, rev, deleted_at FROM contacts;"
      "DROP TABLE contacts;"
      "ALTER TABLE contacts_outreach RENAME TO contacts;"
      "CREATE INDEX contacts_asked ON contacts (asked_at);"
      "CREATE INDEX contacts_channel ON contacts (channel, asked_at);"
      "CREATE INDEX contacts_status ON contacts (status, asked_at);"
      "CREATE INDEX contacts_beneficiary ON contacts (beneficiary_id, asked_at)"
      "  WHERE beneficiary_id IS NOT NULL;"
      "CREATE INDEX contacts_referred ON contacts (referred_to, status)"
      "  WHERE referred_to IS NOT NULL;"
      "CREATE INDEX contacts_request ON contacts (request_id, asked_at)"
      "  WHERE request_id IS NOT NULL;"
      "CREATE TABLE outreach_dismissals ("
      "  id             TEXT PRIMARY KEY,"
      "  beneficiary_id TEXT NOT NULL REFERENCES beneficiaries (id),"
      "  reason         TEXT NOT NULL,"
      "  request_id     TEXT REFERENCES requests (id),"
      "  since_on       TEXT NOT NULL,"
      "  why            TEXT NOT NULL,"
      "  dismissed_at   TEXT NOT NULL,"
      "  dismissed_by   TEXT NOT NULL,"
      "  created_at     TEXT NOT NULL,"
      "  updated_at     TEXT NOT NULL,"
      "  device_id      TEXT NOT NULL,"
      "  rev            INTEGER NOT NULL DEFAULT 1,"
      "  deleted_at     TEXT"
      ");"
      "CREATE INDEX outreach_dismissals_item ON outreach_dismissals"
      "  (beneficiary_id, reason, request_id);"
      "CREATE TABLE outreach_contacts ("
      "  id             TEXT PRIMARY KEY,"
      "  contact_id     TEXT NOT NULL REFERENCES contacts (id),"
      "  beneficiary_id TEXT NOT NULL REFERENCES beneficiaries (id),"
      "  reason         TEXT NOT NULL,"
      "  request_id     TEXT REFERENCES requests (id),"
      "  since_on       TEXT NOT NULL,"
      "  contacted_on   TEXT NOT NULL,"
      "  outcome        TEXT,"
      "  created_at     TEXT NOT NULL,"
      "  updated_at     TEXT NOT NULL,"
      "  device_id      TEXT NOT NULL,"
      "  rev            INTEGER NOT NULL DEFAULT 1,"
      "  deleted_at     TEXT"
      ");"
      "CREATE INDEX outreach_contacts_day ON outreach_contacts (contacted_on);",
      error);
}
